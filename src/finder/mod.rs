//! The finder's index: every active meeting held in memory as compact rows and sets, built
//! from the store at one data revision. It answers every finder filter (types, groups, days, time
//! of day, attendance, region, words, for-self/family, near/within) with its count and the
//! requested page, in upcoming-from-now, schedule or distance order. SQLite stays the store of
//! record: the index is rebuilt from it when the revision moves.
//!
//! Filters are sets of meetings (one per type code, group, region, word, day and time slot); a
//! query intersects them in one bitset of its candidates, so a count is a few passes over machine
//! words. A page is found by walking the weekly occurrences in order from now (per time zone,
//! merged, over the stretches of the week the filter can match) and stopping once it is full, or,
//! for few candidates, by ordering them directly.

mod bits;
mod places;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use bits::{Bits, Set};
use jiff::Timestamp;
use jiff::tz::TimeZone;
pub use places::{Place, PlaceLookup};

use crate::content::{Audience, Group};
use crate::meetings::filter::Notice;
use crate::meetings::{
    Attendance, DayChoice, DistanceUnit, Meeting, MeetingFilter, MeetingListing, MeetingTime, SeekerChoice, SortOrder,
    TimeOfDay, Weekday,
};

/// Minutes in a week: occurrences are placed by their minute of the (local) week, Sunday 00:00 = 0.
const WEEK: i32 = 7 * 1440;
/// How long a meeting is taken to last when its feed gives no end time.
const DEFAULT_DURATION: u16 = 60;
/// Search words taken from one query.
const MAX_WORDS: usize = 10;

/// Time slots of the day-and-slot sets: the finder's bands, with night split at midnight.
const SLOTS: usize = 5;
const EARLY_NIGHT: usize = 4;

fn slot_of(minutes: u16) -> usize {
    match minutes {
        m if m < 5 * 60 => EARLY_NIGHT,
        m if m < 12 * 60 => 0,
        m if m < 17 * 60 => 1,
        m if m < 21 * 60 => 2,
        _ => 3,
    }
}

fn slots_of(band: Option<TimeOfDay>) -> &'static [usize] {
    match band {
        None => &[0, 1, 2, 3, 4],
        Some(TimeOfDay::Morning) => &[0],
        Some(TimeOfDay::Midday) => &[1],
        Some(TimeOfDay::Evening) => &[2],
        Some(TimeOfDay::Night) => &[3, 4],
    }
}

/// One active meeting as the finder lists it.
struct Entry {
    id: i64,
    slug: Box<str>,
    name: Box<str>,
    group_slug: Option<Box<str>>,
    time: Option<MeetingTime>,
    end_time: Option<MeetingTime>,
    location: Option<Box<str>>,
    address: Option<Box<str>>,
    approximate: bool,
    attendance: Attendance,
    types: Box<[Box<str>]>,
    conference_url: Option<Box<str>>,
    conference_phone: Option<Box<str>>,
    town: Option<Box<str>>,
    /// Where people go, when the meeting has a venue with coordinates.
    point: Option<(f64, f64)>,
}

/// What ordering needs of a meeting, packed small and kept apart from [`Entry`] so that walks and
/// sorts over many meetings stay in the processor's cache.
#[derive(Debug, Clone, Copy)]
struct Timing {
    zone: u16,
    /// Weekdays as bits, Sunday = bit 0.
    days: u8,
    /// Minutes past midnight; `None` for a meeting by appointment.
    start: Option<u16>,
    /// Minutes from start to end (the default when the feed gives no end).
    duration: u16,
}

/// The meetings of one time zone, with their weekly occurrences in local time.
struct Zone {
    name: Box<str>,
    tz: TimeZone,
    members: Set,
    /// (minute of the local week, meeting), sorted.
    occurrences: Vec<(u16, u32)>,
    /// The longest duration of a meeting in this zone: how far back "in progress" reaches.
    longest: u16,
}

/// What a zone's clock says at the moment of a query.
#[derive(Clone, Copy)]
struct Clock {
    /// Minute of the local week now.
    now: i32,
    /// The person's today and tonight (in their zone: the site's, or `tz=`) on this zone's wall
    /// clock, as (from, to) minutes of the week; `to` may run past the week's end.
    today: (i32, i32),
    tonight: (i32, i32),
    /// The zone's next change of offset within the week, if any: from this many minutes ahead on
    /// the wall clock, the real minutes until a start differ from the wall clock's by `.1`.
    shift: Option<(i32, i32)>,
}

/// The person's today and tonight as moments: [from, to).
#[derive(Clone, Copy)]
struct PersonDay {
    today: (Timestamp, Timestamp),
    tonight: (Timestamp, Timestamp),
}

impl PersonDay {
    /// Today (midnight to midnight) and tonight (5 pm to 5 am; before 5 am, the night that is
    /// still going on) in `zone` at `now`.
    fn at(zone: &TimeZone, now: Timestamp) -> PersonDay {
        let date = now.to_zoned_datetime(zone.clone()).date();
        let at = |date: jiff::civil::Date, hour: i8| {
            date.at(hour, 0, 0, 0).to_zoned_datetime(zone.clone()).map_or(now, |zoned| zoned.timestamp())
        };
        let next = |date: jiff::civil::Date| date.tomorrow().unwrap_or(date);
        let night = if now < at(date, 5) { date.yesterday().unwrap_or(date) } else { date };
        PersonDay { today: (at(date, 0), at(next(date), 0)), tonight: (at(night, 17), at(next(night), 5)) }
    }
}

/// A moment as the minute of the week on a zone's wall clock (Sunday 00:00 = 0).
fn wall_minute(tz: &TimeZone, moment: Timestamp) -> i32 {
    let local = moment.to_zoned_datetime(tz.clone());
    let day = Weekday::of(local.date()).number();
    i32::from(day) * 1440 + i32::from(local.hour()) * 60 + i32::from(local.minute())
}

/// A span of moments on a zone's wall clock: (from, to) minutes of the week, `to` after `from`.
fn wall_window(tz: &TimeZone, (from, to): (Timestamp, Timestamp)) -> (i32, i32) {
    let start = wall_minute(tz, from);
    let length = (wall_minute(tz, to) - start).rem_euclid(WEEK);
    (start, start + if length == 0 { WEEK } else { length })
}

/// Does an occurrence at `minute` (lasting `duration`) start in `window` and, if the window has
/// begun, not yet end? Today and tonight leave out the meetings that are over.
fn in_window((from, to): (i32, i32), now: i32, minute: u16, duration: u16) -> bool {
    let length = to - from;
    let start = (i32::from(minute) - from).rem_euclid(WEEK);
    let now = (now - from).rem_euclid(WEEK);
    start < length && (now >= length || start + i32::from(duration) > now)
}

/// A window of the week as stretches within it (split at the week's end).
fn window_stretches((from, to): (i32, i32)) -> Vec<(u16, u16)> {
    let clamp = |minute: i32| u16::try_from(minute.clamp(0, WEEK)).unwrap_or(0);
    if to <= WEEK { vec![(clamp(from), clamp(to))] } else { vec![(clamp(from), clamp(WEEK)), (0, clamp(to - WEEK))] }
}

impl Clock {
    fn at(tz: &TimeZone, now: Timestamp, person: PersonDay) -> Clock {
        let minute = wall_minute(tz, now);
        let shift = tz.following(now).next().and_then(|transition| {
            let until = (transition.timestamp().duration_since(now).as_secs() + 59).div_euclid(60);
            let change = transition.offset().duration_since(tz.to_offset(now)).as_secs() / 60;
            let until = i32::try_from(until).ok().filter(|until| *until < WEEK)?;
            let change = i32::try_from(change).ok().filter(|change| *change != 0)?;
            // Wall times in a gap (clocks forward) resolve as if the change had not happened yet;
            // wall times in a fold (clocks back) take the earlier offset.
            Some((until + change.max(0), change))
        });
        Clock { now: minute, today: wall_window(tz, person.today), tonight: wall_window(tz, person.tonight), shift }
    }

    /// Real minutes until a start `ahead` minutes away on the wall clock (0 or more).
    fn real_minutes(self, ahead: i32) -> i32 {
        match self.shift {
            Some((from, change)) if ahead >= from => ahead - change,
            _ => ahead,
        }
    }

    /// The order key of an occurrence: real minutes until it starts, or (negative) wall minutes
    /// since it started while it is in progress.
    fn key(self, minute_of_week: u16, duration: u16) -> i32 {
        let key = upcoming_key(minute_of_week, self.now, duration);
        if key < 0 { key } else { self.real_minutes(key) }
    }
}

/// How results are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Each meeting once, at its first occurrence in the order (the finder).
    PerMeeting,
    /// Every weekly occurrence (a printed schedule).
    PerOccurrence,
}

/// A page of results, how many there are in all, and what the index had to say about the request.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Meetings (or, listed per occurrence, occurrences) matching.
    pub total: u64,
    pub listings: Vec<MeetingListing>,
    /// The place `near` was resolved to.
    pub place: Option<Place>,
    /// The distance from the place the results lie within (the site's unit), and whether it was
    /// chosen here (no `within=`: the first of [`DEFAULT_DISTANCES`] holding enough meetings).
    pub within: Option<(u16, bool)>,
    /// What could not be used (an unknown place, with suggestions).
    pub notices: Vec<Notice>,
}

/// The distances (in the site's unit) tried in turn for a place given without `within=`: the
/// first that holds [`ENOUGH_NEAR`] meetings is used, or else the last.
pub const DEFAULT_DISTANCES: [u16; 5] = [2, 5, 10, 25, 50];
/// Meetings a default distance must hold to be used.
pub const ENOUGH_NEAR: u64 = 10;

/// What a search found, before it is turned into listings.
struct Search {
    total: u64,
    /// Meetings by number, with the occurrence each is listed at (minute of week, minutes until).
    found: Vec<(u32, Option<(u16, i32)>)>,
    place: Option<Place>,
    within: Option<(u16, bool)>,
    notices: Vec<Notice>,
}

/// The in-memory index of one revision.
pub struct FinderIndex {
    revision: i64,
    entries: Vec<Entry>,
    /// By meeting number, like `entries`.
    timing: Vec<Timing>,
    zones: Vec<Zone>,
    /// Every occurrence as (local day × 1440 + minutes, meeting), sorted: schedule order.
    schedule: Vec<(u16, u32)>,
    /// Active meetings a person can attend now (not temporarily closed without an online option):
    /// where every query starts, so kept as a bitset.
    open: Bits,
    inactive: Set,
    appointment: Set,
    by_type: HashMap<String, Set>,
    by_group: HashMap<String, Set>,
    by_region: HashMap<String, Set>,
    /// Display names of regions, sorted.
    regions: Vec<String>,
    family: Set,
    in_person: Set,
    online: Set,
    hybrid: Set,
    /// [weekday][slot]: meetings with an occurrence then (local time).
    day_slots: [[Set; SLOTS]; 7],
    /// Unions of `day_slots` kept ready: [weekday] any time, and [slot] any day.
    on_day: [Set; 7],
    in_slot: [Set; SLOTS],
    /// Search words, sorted, with the meetings that have them (prefix search).
    words: Vec<(Box<str>, Set)>,
    places: PlaceLookup,
    sample: bool,
    /// The unit of `within=`.
    unit: DistanceUnit,
    /// The site's zone: "today" and "tonight" are the person's in it, unless `tz=` names another.
    site_zone: TimeZone,
}

/// The words a text is searched by: lower-cased runs of letters and digits.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

/// The runs of letters and digits of a text, as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

impl FinderIndex {
    /// Builds the index from meetings (with their store row ids) and the groups they belong to.
    pub fn build(
        revision: i64,
        meetings: impl IntoIterator<Item = (i64, Meeting)>,
        groups: &[Group],
        sample: bool,
        unit: DistanceUnit,
        site_zone: &str,
    ) -> FinderIndex {
        let mut builder = IndexBuilder::new(revision, groups, sample, unit, site_zone);
        for (id, meeting) in meetings {
            builder.add(id, &meeting);
        }
        builder.finish()
    }

    pub fn revision(&self) -> i64 {
        self.revision
    }

    /// Meetings a person can go to (temporarily closed ones left out, as the finder does).
    pub fn meeting_count(&self) -> u64 {
        self.open.len()
    }

    /// Meetings of one group a person can go to: what `/meetings?group=` counts.
    pub fn group_meeting_count(&self, group_slug: &str) -> u64 {
        self.by_group.get(group_slug).map_or(0, |members| members.shared_with(&self.open))
    }

    /// Are any of the active meetings sample data?
    pub fn shows_sample_data(&self) -> bool {
        self.sample
    }

    /// The regions of the active meetings, sorted (at most `limit`).
    pub fn regions(&self, limit: usize) -> &[String] {
        &self.regions[..self.regions.len().min(limit)]
    }

    /// Roughly where a meeting with an address is, from the site's own data ([`PlaceLookup::locate`]).
    pub fn locate(&self, meeting: &crate::meetings::Meeting) -> Option<Place> {
        self.places.locate(meeting)
    }

    /// The places the finder's form offers for `near=` (those with the most meetings), sorted.
    pub fn place_names(&self) -> &[String] {
        self.places.offered()
    }

    /// A page of results for the finder (`Listing::PerMeeting`) or a printed schedule.
    pub fn find(&self, filter: &MeetingFilter, now: Timestamp, listing: Listing, offset: usize, limit: usize) -> Found {
        let clocks = self.clocks(filter, now);
        let Search { total, found, place, within, notices } = self.search(filter, &clocks, listing, offset, limit);
        let point = place.as_ref().map(|place| place.point);
        let upcoming = filter.depends_on_now() && listing == Listing::PerMeeting;
        let listings =
            found.into_iter().map(|(number, at)| self.listing(number, at, upcoming, &clocks, point, now)).collect();
        Found { total, listings, place, within, notices }
    }

    /// One meeting's next occurrence (or the one in progress) from `now`, for its own page: the
    /// listing carries the minutes until it starts and the moment. `None` when the index does not
    /// hold the slug.
    pub fn next_of(&self, slug: &str, now: Timestamp) -> Option<MeetingListing> {
        let number = self.entries.iter().position(|entry| &*entry.slug == slug)?;
        let clocks = self.clocks(&MeetingFilter::default(), now);
        Some(self.listing(u32::try_from(number).ok()?, None, true, &clocks, None, now))
    }

    /// The store row ids of every meeting matching, in the finder's order (for exports).
    pub fn matching_ids(&self, filter: &MeetingFilter, now: Timestamp) -> Vec<i64> {
        let found = self.search(filter, &self.clocks(filter, now), Listing::PerMeeting, 0, usize::MAX).found;
        found.into_iter().map(|(number, _)| self.entries[number as usize].id).collect()
    }

    /// The count, and the chosen meetings with the occurrence each is listed at.
    fn search(
        &self,
        filter: &MeetingFilter,
        clocks: &[Clock],
        listing: Listing,
        offset: usize,
        limit: usize,
    ) -> Search {
        let mut notices = Vec::new();
        let place = self.resolve_place(filter, &mut notices);
        let (candidates, within) = self.near(filter, place.as_ref(), self.candidates(filter, clocks));
        let point = place.as_ref().map(|place| place.point);
        let matches = |number: u32, minute_of_week: u16| {
            let timing = self.timing[number as usize];
            occurrence_matches(filter, clocks[usize::from(timing.zone)], minute_of_week, timing.duration)
        };
        let mut found: Vec<(u32, Option<(u16, i32)>)> = Vec::new();
        let mut total = candidates.len();
        let size = self.entries.len();
        let upcoming = filter.depends_on_now();
        let with_appointments = filter.days.is_empty() && filter.time.is_none();
        // Ordering the candidates directly costs a step per candidate; a walk in order about as
        // many occurrences as fill the page at the candidates' share of all. The cheaper is taken.
        let occurrences = self.schedule.len() as u64;
        let direct = total.saturating_mul(total) < (offset.saturating_add(limit) as u64).saturating_mul(occurrences);
        match (listing, filter.sort, point) {
            (Listing::PerMeeting, SortOrder::Distance, Some(_)) => {
                // Nearest first, then the meetings that have no place to measure to.
                if let Some(place) = &place {
                    let page = self.places.nearest_first(place, &candidates, offset, limit);
                    found.extend(page.into_iter().map(|number| (number, None)));
                }
            }
            (Listing::PerMeeting, _, _) if direct => {
                // Few candidates: order them directly instead of walking every occurrence.
                let restricted = !filter.days.is_empty() || filter.time.is_some();
                let mut keyed: Vec<(i32, u16, u16, u32)> = Vec::with_capacity(total as usize);
                keyed.extend(candidates.iter().filter_map(|number| {
                    let timing = self.timing[number as usize];
                    let clock = clocks[usize::from(timing.zone)];
                    let start = timing.start?;
                    // The meeting's days, as set bits: its nearest matching occurrence.
                    let mut nearest = None;
                    let mut days = timing.days;
                    while days != 0 {
                        let minute_of_week = days.trailing_zeros() as u16 * 1440 + start;
                        days &= days - 1;
                        if restricted && !matches(number, minute_of_week) {
                            continue;
                        }
                        let keyed = match upcoming {
                            true => (clock.key(minute_of_week, timing.duration), timing.zone, minute_of_week, number),
                            false => (i32::from(minute_of_week), 0, minute_of_week, number),
                        };
                        nearest = Some(nearest.map_or(keyed, |own: (i32, u16, u16, u32)| own.min(keyed)));
                    }
                    nearest
                }));
                let timed = keyed.len();
                // Only the meetings up to the end of the page need ordering.
                let wanted = offset.saturating_add(limit);
                if wanted < keyed.len() {
                    keyed.select_nth_unstable(wanted);
                    keyed.truncate(wanted);
                }
                keyed.sort_unstable();
                found.extend(
                    keyed.into_iter().skip(offset).take(limit).map(|(key, _, at, number)| (number, Some((at, key)))),
                );
                if with_appointments && found.len() < limit {
                    let appointments = self.by_appointment(&candidates);
                    let start = offset.saturating_sub(timed);
                    found.extend(appointments.iter().skip(start).take(limit - found.len()).map(|n| (n, None)));
                }
            }
            (Listing::PerMeeting, _, _) => {
                let mut seen = Bits::empty(size);
                let mut skipped = 0;
                let mut seen_count = 0usize;
                let mut take = |number: u32, at: (u16, i32)| {
                    if !candidates.contains(number) || !matches(number, at.0) {
                        return true;
                    }
                    if !seen.insert(number) {
                        return true;
                    }
                    seen_count += 1;
                    if skipped < offset {
                        skipped += 1;
                    } else {
                        found.push((number, Some(at)));
                    }
                    found.len() < limit
                };
                if upcoming {
                    self.walk_upcoming(filter, clocks, &mut take);
                } else {
                    self.walk_schedule(filter, clocks, &mut take);
                }
                if with_appointments && found.len() < limit {
                    let appointments = self.by_appointment(&candidates);
                    let start = offset.saturating_sub(seen_count);
                    found.extend(appointments.iter().skip(start).take(limit - found.len()).map(|n| (n, None)));
                }
            }
            (Listing::PerOccurrence, _, _) => {
                let mut count = 0u64;
                // A printed schedule runs by day, then time, whatever the day chosen.
                self.walk_schedule(filter, clocks, &mut |number: u32, at: (u16, i32)| {
                    if candidates.contains(number) && matches(number, at.0) {
                        if count >= offset as u64 && found.len() < limit {
                            found.push((number, Some(at)));
                        }
                        count += 1;
                    }
                    true
                });
                if with_appointments {
                    let appointments = self.by_appointment(&candidates);
                    let room = limit.saturating_sub(found.len());
                    found.extend(appointments.iter().take(room).map(|n| (n, None)));
                    count += appointments.len();
                }
                total = count;
            }
        }
        Search { total, found, place, within, notices }
    }

    /// Each zone's clock now, with the person's today and tonight (in `tz=` or the site's zone).
    fn clocks(&self, filter: &MeetingFilter, now: Timestamp) -> Vec<Clock> {
        let asked = filter.zone.as_deref().and_then(|zone| TimeZone::get(zone).ok());
        let person = PersonDay::at(asked.as_ref().unwrap_or(&self.site_zone), now);
        self.zones.iter().map(|zone| Clock::at(&zone.tz, now, person)).collect()
    }

    /// The candidates within the distance asked of the place, or else within the first default
    /// distance that holds enough of them; and that distance.
    fn near(&self, filter: &MeetingFilter, place: Option<&Place>, chosen: Bits) -> (Bits, Option<(u16, bool)>) {
        let Some(place) = place else { return (chosen, None) };
        let within = |distance: u16| self.places.within(place, self.unit.to_km(f64::from(distance)), &chosen);
        if let Some(asked) = filter.within {
            return (within(asked), Some((asked, false)));
        }
        let mut last = (chosen.empty_like(), None);
        for distance in DEFAULT_DISTANCES {
            let near = within(distance);
            if near.len() >= ENOUGH_NEAR {
                return (near, Some((distance, true)));
            }
            last = (near, Some((distance, true)));
        }
        last
    }

    fn resolve_place(&self, filter: &MeetingFilter, notices: &mut Vec<Notice>) -> Option<Place> {
        let asked = filter.near.as_deref()?;
        match self.places.resolve(asked) {
            Ok(place) => Some(place),
            Err(suggestions) if suggestions.is_empty() => {
                notices.push(Notice::UnknownPlace(crate::meetings::filter::shorten(asked)));
                None
            }
            Err(suggestions) => {
                notices.push(Notice::DidYouMean(crate::meetings::filter::shorten(asked), suggestions));
                None
            }
        }
    }

    /// The meetings matching every filter, as a bitset; day and time are checked per meeting
    /// here (any occurrence in a chosen slot) and per occurrence when walking.
    fn candidates(&self, filter: &MeetingFilter, clocks: &[Clock]) -> Bits {
        let size = self.entries.len();
        let mut chosen = self.open.clone();
        if filter.include_inactive {
            chosen.add(&self.inactive);
        }
        let none = Set::default();
        for code in &filter.types {
            chosen.keep(self.by_type.get(&code.to_uppercase()).unwrap_or(&none));
        }
        if !filter.groups.is_empty() {
            let mut any = Bits::empty(size);
            for group in &filter.groups {
                if let Some(members) = self.by_group.get(group) {
                    any.add(members);
                }
            }
            chosen.and(&any);
        }
        match filter.attendance {
            Some(Attendance::InPerson) => chosen.keep(&self.in_person),
            Some(Attendance::Online) => chosen.keep(&self.online),
            Some(Attendance::Hybrid) => chosen.keep(&self.hybrid),
            Some(Attendance::Inactive) | None => {}
        }
        if let Some(region) = &filter.region {
            chosen.keep(self.by_region.get(&region.to_lowercase()).unwrap_or(&none));
        }
        match filter.seeker {
            Some(SeekerChoice::Self_) => chosen.remove(&self.family),
            Some(SeekerChoice::Family) => chosen.keep(&self.family),
            None => {}
        }
        if let Some(query) = &filter.query {
            for word in words_of(query).take(MAX_WORDS) {
                if chosen.is_empty() {
                    break;
                }
                self.keep_prefix(&mut chosen, &word);
            }
        }
        if !filter.days.is_empty() || filter.time.is_some() {
            chosen.and(&self.by_day_and_time(filter, clocks));
        }
        chosen
    }

    /// The meetings of `candidates` held by appointment (no weekly time): listed after the others.
    fn by_appointment(&self, candidates: &Bits) -> Bits {
        let mut appointments = candidates.clone();
        appointments.keep(&self.appointment);
        appointments
    }

    /// Meetings with an occurrence on a chosen day in a chosen time slot.
    fn by_day_and_time(&self, filter: &MeetingFilter, clocks: &[Clock]) -> Bits {
        let size = self.entries.len();
        let slots = slots_of(filter.time);
        let on = |day: u8, slots: &[usize], into: &mut Bits| {
            if slots.len() == SLOTS {
                return into.add(&self.on_day[usize::from(day % 7)]);
            }
            slots.iter().for_each(|slot| into.add(&self.day_slots[usize::from(day % 7)][*slot]));
        };
        let mut any = Bits::empty(size);
        if filter.days.is_empty() {
            slots.iter().for_each(|slot| any.add(&self.in_slot[*slot]));
            return any;
        }
        for choice in &filter.days {
            match choice {
                DayChoice::Weekday(day) => on(day.number(), slots, &mut any),
                DayChoice::Today | DayChoice::Tonight => {
                    // The person's window on each zone's clock: its occurrences there, read one by
                    // one (a day's worth), the ones already over left out.
                    for (zone, clock) in self.zones.iter().zip(clocks) {
                        let window = if *choice == DayChoice::Today { clock.today } else { clock.tonight };
                        for (from, to) in window_stretches(window) {
                            let first = zone.occurrences.partition_point(|(minute, _)| *minute < from);
                            for (minute, number) in zone.occurrences[first..].iter().take_while(|(m, _)| *m < to) {
                                let duration = self.timing[*number as usize].duration;
                                if slots.contains(&slot_of(minute % 1440))
                                    && in_window(window, clock.now, *minute, duration)
                                {
                                    any.insert(*number);
                                }
                            }
                        }
                    }
                }
            }
        }
        any
    }

    /// Keeps the meetings of `chosen` having a word that starts with `prefix`.
    fn keep_prefix(&self, chosen: &mut Bits, prefix: &str) {
        let start = self.words.partition_point(|(word, _)| &**word < prefix);
        let count = self.words[start..].iter().take_while(|(word, _)| word.starts_with(prefix)).count();
        match &self.words[start..start + count] {
            [(_, only)] => chosen.keep(only),
            several => {
                let mut any = chosen.empty_like();
                several.iter().for_each(|(_, meetings)| any.add(meetings));
                chosen.and(&any);
            }
        }
    }

    /// Calls `take` with each occurrence in order from now (in progress first, then starting
    /// soonest, ended ones last), merged across zones, until it returns false. The `i32` is the
    /// minutes until the occurrence starts (negative: started that long ago).
    /// Only the stretches of each zone's week the filter's days and time can match are read.
    fn walk_upcoming(&self, filter: &MeetingFilter, clocks: &[Clock], take: &mut dyn FnMut(u32, (u16, i32)) -> bool) {
        let mut cursors: Vec<Upcoming> = self
            .zones
            .iter()
            .zip(clocks)
            .map(|(zone, clock)| Upcoming::new(zone, *clock, stretches(filter, *clock)))
            .collect();
        loop {
            let next = cursors
                .iter_mut()
                .enumerate()
                .filter_map(|(zone, cursor)| cursor.peek(&self.zones[zone], &self.timing).map(|key| (key, zone)))
                .min();
            let Some((_, zone)) = next else { return };
            let Some((number, minute_of_week, key)) = cursors[zone].take(&self.zones[zone], &self.timing) else {
                return;
            };
            if !take(number, (minute_of_week, key)) {
                return;
            }
        }
    }

    /// Calls `take` with each occurrence in schedule order (day, then local time). Only the
    /// stretches of the week the filter's days and time can match are visited (see [`stretches`]).
    fn walk_schedule(&self, filter: &MeetingFilter, clocks: &[Clock], take: &mut dyn FnMut(u32, (u16, i32)) -> bool) {
        // The schedule holds every zone's local times: the stretches any zone's clock can match.
        let any_zone = merged(clocks.iter().flat_map(|clock| stretches(filter, *clock)).collect());
        for (from, to) in any_zone {
            let first = self.schedule.partition_point(|(minute_of_week, _)| *minute_of_week < from);
            for (minute_of_week, number) in self.schedule[first..].iter().take_while(|(m, _)| *m < to) {
                if !take(*number, (*minute_of_week, 0)) {
                    return;
                }
            }
        }
    }

    fn listing(
        &self,
        number: u32,
        at: Option<(u16, i32)>,
        upcoming: bool,
        clocks: &[Clock],
        point: Option<(f64, f64)>,
        now: Timestamp,
    ) -> MeetingListing {
        let entry = &self.entries[number as usize];
        let timing = self.timing[number as usize];
        // A meeting listed by distance shows its next occurrence.
        let at = at.or_else(|| next_occurrence(timing, clocks[usize::from(timing.zone)]));
        let text = |value: &Option<Box<str>>| value.as_deref().map(str::to_owned);
        MeetingListing {
            slug: entry.slug.as_ref().to_owned(),
            name: entry.name.as_ref().to_owned(),
            group_slug: text(&entry.group_slug),
            day: at.and_then(|(minute_of_week, _)| Weekday::new(u8::try_from(minute_of_week / 1440).ok()?)),
            time: at.and(entry.time),
            end_time: entry.end_time,
            timezone: self.zones[usize::from(timing.zone)].name.as_ref().to_owned(),
            location: text(&entry.location),
            address: text(&entry.address),
            approximate: entry.approximate,
            attendance: entry.attendance,
            types: entry.types.iter().map(|code| code.as_ref().to_owned()).collect(),
            conference_url: text(&entry.conference_url),
            conference_phone: text(&entry.conference_phone),
            town: text(&entry.town),
            starts_in: at.filter(|_| upcoming || point.is_some()).map(|(_, key)| key),
            starts_at: at.filter(|_| upcoming || point.is_some()).map(|(_, key)| {
                let minute = now - jiff::SignedDuration::from_secs(now.as_second().rem_euclid(60));
                minute + jiff::SignedDuration::from_mins(i64::from(key))
            }),
            distance_km: point.zip(entry.point).map(|(from, to)| Ruler::new(from).km(to)),
        }
    }
}

/// A meeting's next occurrence from now in its zone, and the minutes until it.
fn next_occurrence(timing: Timing, clock: Clock) -> Option<(u16, i32)> {
    let start = timing.start?;
    (0..7u16)
        .filter(|day| timing.days & (1 << day) != 0)
        .map(|day| (day * 1440 + start, clock.key(day * 1440 + start, timing.duration)))
        .min_by_key(|(_, key)| *key)
}

/// Adds `number` to a list of meetings being built: the builder numbers meetings in order, so
/// the list stays sorted. A number given twice (a word said twice) is kept once.
fn append(numbers: &mut Vec<u32>, number: u32) {
    if numbers.last() != Some(&number) {
        numbers.push(number);
    }
}

/// Adds `number` to the list kept under `key`; the key is copied only when the list is new, so a
/// word, code or region the index has already seen costs no allocation.
fn append_to(lists: &mut HashMap<String, Vec<u32>>, key: &str, number: u32) {
    match lists.get_mut(key) {
        Some(numbers) => append(numbers, number),
        None => {
            lists.insert(key.to_owned(), vec![number]);
        }
    }
}

/// `text` in lower case, copied only when it has capitals.
pub(super) fn lower(text: &str) -> Cow<'_, str> {
    match text.chars().any(char::is_uppercase) {
        true => Cow::Owned(text.to_lowercase()),
        false => Cow::Borrowed(text),
    }
}

/// `text` in upper case, copied only when it has small letters.
fn upper(text: &str) -> Cow<'_, str> {
    match text.chars().any(char::is_lowercase) {
        true => Cow::Owned(text.to_uppercase()),
        false => Cow::Borrowed(text),
    }
}

/// The sets of an index being built, as sorted lists of meeting numbers; each becomes a [`Set`]
/// once, at the end, when the number of meetings is known.
#[derive(Default)]
struct Pending {
    members: Vec<Vec<u32>>,
    day_slots: [[Vec<u32>; SLOTS]; 7],
    appointment: Vec<u32>,
    inactive: Vec<u32>,
    open: Vec<u32>,
    in_person: Vec<u32>,
    online: Vec<u32>,
    hybrid: Vec<u32>,
    family: Vec<u32>,
    by_type: HashMap<String, Vec<u32>>,
    by_group: HashMap<String, Vec<u32>>,
    by_region: HashMap<String, Vec<u32>>,
    words: HashMap<String, Vec<u32>>,
}

/// Builds a [`FinderIndex`] one meeting at a time, so the store can stream them in.
pub struct IndexBuilder {
    index: FinderIndex,
    fellowship_words: HashMap<String, String>,
    family_groups: Vec<String>,
    zone_of: HashMap<String, u16>,
    pending: Pending,
    region_names: HashMap<String, String>,
    places: places::Builder,
}

impl IndexBuilder {
    /// `site_zone` (IANA) is where "today" and "tonight" are reckoned unless a search names a zone.
    pub fn new(revision: i64, groups: &[Group], sample: bool, unit: DistanceUnit, site_zone: &str) -> IndexBuilder {
        let fellowship_words: HashMap<String, String> = groups
            .iter()
            .map(|group| (group.slug.clone(), format!("{} {}", group.name, group.short_name.as_deref().unwrap_or(""))))
            .collect();
        let family_groups: Vec<String> =
            groups.iter().filter(|group| group.audience == Audience::Family).map(|group| group.slug.clone()).collect();
        let index = FinderIndex {
            revision,
            entries: Vec::new(),
            timing: Vec::new(),
            zones: Vec::new(),
            schedule: Vec::new(),
            open: Bits::empty(0),
            inactive: Set::default(),
            appointment: Set::default(),
            by_type: HashMap::default(),
            by_group: HashMap::default(),
            by_region: HashMap::default(),
            regions: Vec::new(),
            family: Set::default(),
            in_person: Set::default(),
            online: Set::default(),
            hybrid: Set::default(),
            day_slots: Default::default(),
            on_day: Default::default(),
            in_slot: Default::default(),
            words: Vec::new(),
            places: PlaceLookup::default(),
            sample,
            unit,
            site_zone: TimeZone::get(site_zone).unwrap_or(TimeZone::UTC),
        };
        IndexBuilder {
            index,
            fellowship_words,
            family_groups,
            zone_of: HashMap::default(),
            pending: Pending::default(),
            region_names: HashMap::default(),
            places: places::Builder::default(),
        }
    }

    /// Adds one active meeting with its store row id.
    /// Meetings come in numbered in order, so each list of meetings grows at its end.
    pub fn add(&mut self, id: i64, meeting: &Meeting) {
        let index = &mut self.index;
        let pending_members = &mut self.pending.members;
        let Ok(number) = u32::try_from(index.entries.len()) else { return };
        let zone = *self.zone_of.entry(meeting.timezone.clone()).or_insert_with(|| {
            index.zones.push(Zone {
                name: meeting.timezone.as_str().into(),
                tz: TimeZone::get(&meeting.timezone).unwrap_or(TimeZone::UTC),
                members: Set::default(),
                occurrences: Vec::new(),
                longest: 0,
            });
            pending_members.push(Vec::new());
            u16::try_from(index.zones.len() - 1).unwrap_or(u16::MAX)
        });
        let attendance = meeting.attendance();
        let duration = match (meeting.time, meeting.end_time) {
            (Some(start), Some(end)) if end != start => {
                u16::try_from((i32::from(end.minutes()) - i32::from(start.minutes())).rem_euclid(1440))
                    .unwrap_or(DEFAULT_DURATION)
            }
            _ => DEFAULT_DURATION,
        };
        let zone_entry = &mut index.zones[usize::from(zone)];
        append(&mut self.pending.members[usize::from(zone)], number);
        let mut day_bits = 0u8;
        if let (false, Some(time)) = (meeting.is_by_appointment(), meeting.time) {
            zone_entry.longest = zone_entry.longest.max(duration);
            for day in &meeting.days {
                day_bits |= 1 << day.number();
                let minute_of_week = u16::from(day.number()) * 1440 + time.minutes();
                zone_entry.occurrences.push((minute_of_week, number));
                index.schedule.push((minute_of_week, number));
                append(&mut self.pending.day_slots[usize::from(day.number())][slot_of(time.minutes())], number);
            }
        } else {
            append(&mut self.pending.appointment, number);
        }
        if attendance == Attendance::Inactive {
            append(&mut self.pending.inactive, number);
        } else {
            append(&mut self.pending.open, number);
        }
        match attendance {
            Attendance::InPerson => append(&mut self.pending.in_person, number),
            Attendance::Online => append(&mut self.pending.online, number),
            Attendance::Hybrid => {
                append(&mut self.pending.in_person, number);
                append(&mut self.pending.online, number);
                append(&mut self.pending.hybrid, number);
            }
            Attendance::Inactive => {}
        }
        for code in &meeting.types {
            append_to(&mut self.pending.by_type, &upper(code), number);
        }
        if let Some(group) = &meeting.group_slug {
            append_to(&mut self.pending.by_group, group, number);
            if self.family_groups.contains(group) {
                append(&mut self.pending.family, number);
            }
        }
        for region in &meeting.regions {
            let key = lower(region);
            if !self.region_names.contains_key(key.as_ref()) {
                self.region_names.insert(key.to_string(), region.clone());
            }
            append_to(&mut self.pending.by_region, &key, number);
        }
        let fellowship = meeting.group_slug.as_deref().and_then(|slug| self.fellowship_words.get(slug));
        let own_words = meeting.search_words();
        for raw in raw_words(&own_words).chain(raw_words(fellowship.map_or("", String::as_str))) {
            append_to(&mut self.pending.words, &lower(raw), number);
        }
        let point = match (meeting.latitude, meeting.longitude) {
            (Some(latitude), Some(longitude)) if attendance != Attendance::Online => Some((latitude, longitude)),
            _ => None,
        };
        let town = meeting.town().or_else(|| {
            let address = meeting.formatted_address.as_deref()?;
            places::town_and_postal_code(address).0.map(str::to_owned)
        });
        if let Some(point) = point {
            self.places.add(meeting, point, number);
        }
        index.timing.push(Timing {
            zone,
            days: day_bits,
            start: meeting.time.filter(|_| day_bits != 0).map(MeetingTime::minutes),
            duration,
        });
        index.entries.push(Entry {
            id,
            slug: meeting.slug.as_str().into(),
            name: meeting.name.as_str().into(),
            group_slug: meeting.group_slug.as_deref().map(Into::into),
            time: meeting.time,
            end_time: meeting.end_time,
            address: meeting.address().map(Into::into),
            location: meeting.location.as_deref().map(Into::into),
            approximate: meeting.approximate,
            attendance,
            types: meeting.types.iter().map(|code| code.as_str().into()).collect(),
            conference_url: meeting.conference_url.as_deref().map(Into::into),
            conference_phone: meeting.conference_phone.as_deref().map(Into::into),
            town: town.map(Into::into),
            point,
        });
    }

    pub fn finish(self) -> FinderIndex {
        let mut index = self.index;
        let pending = self.pending;
        let size = index.entries.len();
        let set = |numbers: Vec<u32>| Set::of(numbers, size);
        for (zone, members) in index.zones.iter_mut().zip(pending.members) {
            zone.members = set(members);
            zone.occurrences.sort_unstable();
        }
        let mut on_day: [Bits; 7] = std::array::from_fn(|_| Bits::empty(size));
        let mut in_slot: [Bits; SLOTS] = std::array::from_fn(|_| Bits::empty(size));
        for (day, (own, built)) in index.day_slots.iter_mut().zip(pending.day_slots).enumerate() {
            for (slot, (own, numbers)) in own.iter_mut().zip(built).enumerate() {
                *own = set(numbers);
                on_day[day].add(own);
                in_slot[slot].add(own);
            }
        }
        index.on_day = on_day.map(|bits| Set::of_bits(bits, size));
        index.in_slot = in_slot.map(|bits| Set::of_bits(bits, size));
        index.appointment = set(pending.appointment);
        index.inactive = set(pending.inactive);
        index.open = Bits::of(&pending.open, size);
        index.in_person = set(pending.in_person);
        index.online = set(pending.online);
        index.hybrid = set(pending.hybrid);
        index.family = set(pending.family);
        let sets = |map: HashMap<String, Vec<u32>>| map.into_iter().map(|(key, numbers)| (key, set(numbers)));
        index.by_type = sets(pending.by_type).collect();
        index.by_group = sets(pending.by_group).collect();
        index.by_region = sets(pending.by_region).collect();
        index.schedule.sort_unstable();
        let mut words: Vec<(Box<str>, Set)> =
            sets(pending.words).map(|(word, meetings)| (word.into(), meetings)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        index.words = words;
        let mut regions: Vec<String> = self.region_names.into_values().collect();
        regions.sort_by_key(|region| region.to_lowercase());
        index.regions = regions;
        index.places = self.places.finish(size);
        index
    }
}

/// Minutes from `now` until an occurrence at `minute_of_week` starts, within one week: negative
/// while it is in progress, and an occurrence that already ended counts from next week.
fn upcoming_key(minute_of_week: u16, now: i32, duration: u16) -> i32 {
    let ahead = (i32::from(minute_of_week) - now).rem_euclid(WEEK);
    if ahead > WEEK - i32::from(duration) { ahead - WEEK } else { ahead }
}

/// The stretches of a zone's week (minutes of the week, from, to) that the chosen days cover,
/// sorted and merged. No chosen day: the whole week.
fn day_stretches(filter: &MeetingFilter, clock: Clock) -> Vec<(u16, u16)> {
    let day = |day: u8| u16::from(day % 7) * 1440;
    let stretches: Vec<(u16, u16)> = filter
        .days
        .iter()
        .flat_map(|choice| match choice {
            DayChoice::Weekday(chosen) => vec![(day(chosen.number()), day(chosen.number()) + 1440)],
            DayChoice::Today => window_stretches(clock.today),
            DayChoice::Tonight => window_stretches(clock.tonight),
        })
        .collect();
    if stretches.is_empty() {
        return vec![(0, 7 * 1440)];
    }
    merged(stretches)
}

/// Stretches of the week (from, to) sorted, with those that overlap or touch made one.
fn merged(mut stretches: Vec<(u16, u16)>) -> Vec<(u16, u16)> {
    stretches.sort_unstable();
    let mut merged: Vec<(u16, u16)> = Vec::with_capacity(stretches.len());
    for (from, to) in stretches {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The stretches of a zone's week that can hold a matching occurrence: the chosen days (the whole
/// week when none) within the chosen time of day, sorted and apart.
fn stretches(filter: &MeetingFilter, clock: Clock) -> Vec<(u16, u16)> {
    let days = day_stretches(filter, clock);
    let Some((start, end)) = filter.time.map(TimeOfDay::minutes) else { return days };
    // Night runs past midnight: its early and its late part of each day.
    let bands: Vec<(u16, u16)> = if start < end { vec![(start, end)] } else { vec![(0, end), (start, 1440)] };
    let mut within = Vec::new();
    for (from, to) in days {
        for day in 0..7u16 {
            for (start, end) in &bands {
                let (band_from, band_to) = (day * 1440 + start, day * 1440 + end);
                let (from, to) = (from.max(band_from), to.min(band_to));
                if from < to {
                    within.push((from, to));
                }
            }
        }
    }
    within.sort_unstable();
    within
}

/// Does one occurrence (local minute of the week) fall on a chosen day and in the chosen time?
/// Today and tonight are the person's, and leave out what is over.
fn occurrence_matches(filter: &MeetingFilter, clock: Clock, minute_of_week: u16, duration: u16) -> bool {
    let day = u8::try_from(minute_of_week / 1440).unwrap_or(0);
    let minutes = minute_of_week % 1440;
    if !slots_of(filter.time).contains(&slot_of(minutes)) {
        return false;
    }
    filter.days.is_empty()
        || filter.days.iter().any(|choice| match choice {
            DayChoice::Weekday(chosen) => chosen.number() == day,
            DayChoice::Today => in_window(clock.today, clock.now, minute_of_week, duration),
            DayChoice::Tonight => in_window(clock.tonight, clock.now, minute_of_week, duration),
        })
}

/// A zone's occurrences in upcoming order: those in progress (started within the zone's longest
/// duration before now), then from now round the week, then the ones in that window that ended.
/// The keys it yields (minutes until the start) only grow, so zones merge by their next key.
struct Upcoming {
    clock: Clock,
    /// The stretches of the week that can match (see [`stretches`]): the walk from now jumps
    /// over the occurrences between them.
    stretches: Vec<(u16, u16)>,
    /// Position of the first occurrence that could be in progress.
    back: usize,
    /// Position of the first occurrence at or after now.
    start: usize,
    /// How many occurrences lie between `back` and `start` (round the end of the week).
    window: usize,
    /// 0: in progress, 1: from now round the week, 2: ended; 3: done.
    phase: u8,
    step: usize,
    peeked: Option<(u32, u16, i32)>,
}

impl Upcoming {
    fn new(zone: &Zone, clock: Clock, stretches: Vec<(u16, u16)>) -> Upcoming {
        let now = clock.now;
        let at = |minute: i32| zone.occurrences.partition_point(|(m, _)| i32::from(*m) < minute.rem_euclid(WEEK));
        let (start, back) = (at(now), at(now - i32::from(zone.longest)));
        let count = zone.occurrences.len();
        let window = if start >= back { start - back } else { start + count - back };
        Upcoming { clock, stretches, back, start, window, phase: 0, step: 0, peeked: None }
    }

    /// The key of the next occurrence, without taking it.
    fn peek(&mut self, zone: &Zone, timing: &[Timing]) -> Option<i32> {
        if self.peeked.is_none() {
            self.peeked = self.pull(zone, timing);
        }
        self.peeked.map(|(_, _, key)| key)
    }

    fn take(&mut self, zone: &Zone, timing: &[Timing]) -> Option<(u32, u16, i32)> {
        self.peek(zone, timing)?;
        self.peeked.take()
    }

    /// Where the next stretch starts when `minute` lies in none; `None` when it lies in one.
    fn next_stretch(&self, minute: u16) -> Option<u16> {
        match self.stretches.iter().find(|(_, to)| *to > minute) {
            Some((from, _)) if *from <= minute => None,
            Some((from, _)) => Some(*from),
            // Past the last one: the first, next week.
            None => self.stretches.first().map(|(from, _)| *from),
        }
    }

    fn pull(&mut self, zone: &Zone, timing: &[Timing]) -> Option<(u32, u16, i32)> {
        let count = zone.occurrences.len();
        if count == 0 {
            return None;
        }
        loop {
            let (limit, base) = match self.phase {
                0 | 2 => (self.window, self.back),
                1 => (count - self.window, self.start),
                _ => return None,
            };
            if self.step >= limit {
                self.phase += 1;
                self.step = 0;
                continue;
            }
            let position = (base + self.step) % count;
            let (minute, number) = zone.occurrences[position];
            if self.phase == 1
                && let Some(next) = self.next_stretch(minute)
            {
                // Outside every stretch: on to the first occurrence of the next one (round the
                // end of the week if need be), never backwards.
                let there = zone.occurrences.partition_point(|(m, _)| *m < next) % count;
                self.step += ((there + count - position) % count).max(1);
                continue;
            }
            self.step += 1;
            let key = self.clock.key(minute, timing[number as usize].duration);
            match self.phase {
                0 if key < 0 => return Some((number, minute, key)),
                1 => return Some((number, minute, key)),
                2 if key >= 0 => return Some((number, minute, key)),
                _ => {}
            }
        }
    }
}

/// Distances from one point, by the local flat-earth approximation (a "cheap ruler"): kilometres
/// per degree of latitude and of longitude at the point, so no trigonometry per meeting. Within
/// the few hundred kilometres anyone travels to a meeting it is within a fraction of a percent of
/// the great-circle distance; it is the one distance the finder uses (filter, order, display).
#[derive(Debug, Clone, Copy)]
pub struct Ruler {
    from: (f64, f64),
    per_degree_longitude: f64,
}

/// Kilometres per degree of latitude (the mean Earth radius of 6,371 km).
pub(crate) const KM_PER_DEGREE: f64 = 6371.0 * std::f64::consts::PI / 180.0;

impl Ruler {
    /// Measures from (latitude, longitude).
    pub fn new(from: (f64, f64)) -> Ruler {
        Ruler { from, per_degree_longitude: KM_PER_DEGREE * from.0.to_radians().cos() }
    }

    /// Kilometres to (latitude, longitude).
    pub fn km(self, to: (f64, f64)) -> f64 {
        let east = match to.1 - self.from.1 {
            east if east > 180.0 => east - 360.0,
            east if east < -180.0 => east + 360.0,
            east => east,
        };
        let (x, y) = (east * self.per_degree_longitude, (to.0 - self.from.0) * KM_PER_DEGREE);
        (x * x + y * y).sqrt()
    }
}
