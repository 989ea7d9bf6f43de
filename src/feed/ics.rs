//! Meetings as iCalendar (RFC 5545): one weekly recurring event per meeting, at its local time in
//! its own zone (`DTSTART;TZID=…`), so calendars keep the local time across daylight-saving changes.

use icalendar::{Calendar, Component, Event, EventLike, Property};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::i18n::Lang;
use crate::meetings::{Meeting, Weekday};
use crate::views::Admission;

const BYDAY: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/// A calendar of the meetings that have a day and time (meetings by appointment are left out).
/// `now` picks each series' first date: the next of its days in its own zone.
pub fn calendar(meetings: &[Meeting], now: jiff::Timestamp, name: &str) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for meeting in meetings {
        if let Some(event) = event(meeting, now) {
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

fn event(meeting: &Meeting, now: jiff::Timestamp) -> Option<Event> {
    let start = meeting.time?;
    let end = meeting.end_time_or_default()?;
    let zone = TimeZone::get(&meeting.timezone).ok()?;
    let today = now.to_zoned_datetime(zone).date();
    let first_day = meeting.days.iter().map(|day| next_date(today, *day)).min()?;
    let end_day = if end.minutes() <= start.minutes() { first_day.tomorrow().ok()? } else { first_day };
    let local = |date: Date, hour: u8, minute: u8| {
        format!("{:04}{:02}{:02}T{:02}{:02}00", date.year(), date.month(), date.day(), hour, minute)
    };
    let by_day: Vec<&str> = meeting.days.iter().map(|day| BYDAY[usize::from(day.number())]).collect();
    // Who may come, in the feed's language; the group's kind is not known here, so a closed
    // meeting says what holds for every kind (ask the group).
    let mut description: Vec<String> =
        Admission::of(&meeting.types, None).sentence(Lang::DEFAULT).into_iter().collect();
    if let Some(url) = &meeting.conference_url {
        description.push(format!("Join online: {url}"));
    }
    if let Some(phone) = &meeting.conference_phone {
        description.push(format!("Join by phone: {phone}"));
    }
    if let Some(notes) = &meeting.notes {
        description.push(notes.clone());
    }
    let mut event = Event::new();
    event
        .uid(&format!("{}@mutual-support-directory", meeting.slug))
        .summary(&meeting.name)
        .append_property(
            Property::new("DTSTART", local(first_day, start.hour(), start.minute()))
                .add_parameter("TZID", &meeting.timezone)
                .done(),
        )
        .append_property(
            Property::new("DTEND", local(end_day, end.hour(), end.minute()))
                .add_parameter("TZID", &meeting.timezone)
                .done(),
        )
        .add_property("RRULE", format!("FREQ=WEEKLY;BYDAY={}", by_day.join(",")));
    let place = [meeting.location.clone(), meeting.address()].into_iter().flatten().collect::<Vec<_>>().join(", ");
    if !place.is_empty() {
        event.location(&place);
    }
    if !description.is_empty() {
        event.description(&description.join("\n"));
    }
    Some(event.done())
}

/// The first date on or after `from` that falls on `day`.
fn next_date(from: Date, day: Weekday) -> Date {
    let ahead = (i32::from(day.number()) - i32::from(Weekday::of(from).number())).rem_euclid(7);
    from.checked_add(jiff::Span::new().days(ahead)).unwrap_or(from)
}
