//! Meetings as iCalendar (RFC 5545): one weekly recurring event per meeting, at its local time in
//! its own zone (`DTSTART;TZID=…`), so calendars keep the local time across daylight-saving changes.
//! Every text value is escaped as RFC 5545 says (`\\`, `\;`, `\,`, a line break as `\n`) and
//! folded, by the icalendar crate: each goes in a property the crate knows as TEXT (for `NAME`,
//! which it does not, by saying `VALUE=TEXT`), after [`text::cleaned`] has made every line break
//! one LF and left out the control characters a calendar may not hold (a bare CR among them).

use icalendar::{Calendar, Component, Event, EventLike, Property};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::text::{self, Lines};
use crate::i18n::Lang;
use crate::meetings::{Meeting, Weekday};
use crate::views::Admission;

const BYDAY: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/// A calendar of the meetings that have a day and time (meetings by appointment are left out).
/// `now` picks each series' first date: the next of its days in its own zone.
pub fn calendar(meetings: &[Meeting], now: jiff::Timestamp, name: &str) -> String {
    let mut calendar = Calendar::new();
    let name = text::cleaned(name, Lines::Many);
    // The crate does not know `NAME` as TEXT and would write it verbatim; `VALUE=TEXT` makes it
    // escape it, as it escapes every `X-` property.
    calendar.append_property(Property::new("NAME", name.as_ref()).add_parameter("VALUE", "TEXT").done());
    calendar.append_property(Property::new("X-WR-CALNAME", name.as_ref()));
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
    let value = |value: &str| text::cleaned(value, Lines::Many).into_owned();
    let mut event = Event::new();
    event
        .uid(&format!("{}@mutual-support-directory", meeting.slug))
        .summary(&value(&meeting.name))
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
        event.location(&value(&place));
    }
    if !description.is_empty() {
        event.description(&value(&description.join("\n")));
    }
    Some(event.done())
}

/// The first date on or after `from` that falls on `day`.
fn next_date(from: Date, day: Weekday) -> Date {
    let ahead = (i32::from(day.number()) - i32::from(Weekday::of(from).number())).rem_euclid(7);
    from.checked_add(jiff::Span::new().days(ahead)).unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::MeetingTime;

    /// Properties as (name, value) pairs.
    type Properties = Vec<(String, String)>;

    /// The calendar's properties and its events' properties, read back by the icalendar crate's
    /// parser (unfolded, TEXT values unescaped).
    fn read_back(calendar: &str) -> (Properties, Vec<Properties>) {
        let unfolded = icalendar::parser::unfold(calendar);
        let parsed = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
        let pairs = |properties: &[icalendar::parser::Property]| {
            properties.iter().map(|p| (p.name.to_string(), p.val.to_string())).collect::<Vec<_>>()
        };
        let events = parsed.components.iter().map(|event| pairs(&event.properties)).collect();
        (pairs(&parsed.properties), events)
    }

    #[test]
    fn every_text_property_is_escaped_and_folded_so_no_value_becomes_a_property() {
        let hostile = "Evil\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\rX-INJECTED:1\nDTSTART:19700101T000000";
        let meeting = Meeting {
            slug: "a".into(),
            name: format!("{hostile}; with, punctuation \\ and more"),
            timezone: "America/Chicago".into(),
            days: vec![Weekday::new(1).expect("day")],
            time: MeetingTime::new(19, 0),
            location: Some(format!("Hall;\r\nLOCATION:elsewhere, {}", "long ".repeat(30))),
            formatted_address: Some("1 Main St, Riverton\\MN".into()),
            notes: Some(format!("Side door\r\nRING:1;{hostile}")),
            ..Meeting::default()
        };
        let calendar = calendar(&[meeting], jiff::Timestamp::UNIX_EPOCH, &format!("Meetings\r{hostile}"));
        for line in calendar.split("\r\n") {
            assert!(!line.contains('\r') && !line.contains('\n'), "a bare line break in {line:?}");
            assert!(line.len() <= 75, "an unfolded line of {} octets: {line:?}", line.len());
            for injected in ["BEGIN:VALARM", "ACTION:", "X-INJECTED", "RING:", "LOCATION:elsewhere", "DTSTART:1970"] {
                assert!(!line.starts_with(injected), "injected {injected:?}: {calendar}");
            }
        }
        let (head, events) = read_back(&calendar);
        // RFC 5545 text has no CR: CRLF and a bare CR read back as the one line break it has.
        let as_read = |text: &str| text.replace("\r\n", "\n").replace('\r', "\n");
        let name = as_read(&format!("Meetings\r{hostile}"));
        assert!(head.contains(&("NAME".to_owned(), name.clone())), "{head:?}");
        assert!(head.contains(&("X-WR-CALNAME".to_owned(), name)), "{head:?}");
        assert_eq!(events.len(), 1, "one event, nothing else: {calendar}");
        let value = |key: &str| events[0].iter().find(|(name, _)| name == key).map(|(_, value)| value.clone());
        assert_eq!(value("SUMMARY"), Some(as_read(&format!("{hostile}; with, punctuation \\ and more"))));
        assert_eq!(
            value("LOCATION"),
            Some(as_read(&format!("Hall;\r\nLOCATION:elsewhere, {}, 1 Main St, Riverton\\MN", "long ".repeat(30))))
        );
        assert_eq!(value("DESCRIPTION"), Some(as_read(&format!("Side door\r\nRING:1;{hostile}"))));
        let keys: Vec<&str> = events[0].iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys.iter().filter(|key| **key == "DTSTART").count(), 1, "{keys:?}");
    }
}
