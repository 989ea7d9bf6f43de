//! The index against a plain reference: every meeting checked one by one against what each filter
//! means, on random filters over a generated set, at random moments of the year (daylight-saving
//! changes included). Same meetings, same order, same count.

use jiff::Timestamp;

use super::*;
use crate::content::Content;
use crate::meetings::{MeetingFilter, TypeVocabulary};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ZONES: [&str; 5] =
    ["America/Chicago", "America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe"];
/// The site's zone: where the person's today and tonight are reckoned.
const SITE_ZONE: &str = "America/Chicago";
const TYPES: [&str; 6] = ["O", "C", "W", "M", "SP", "X"];
const WORDS: [&str; 8] = ["serenity", "hope", "sunrise", "serene", "library", "church", "Montréal", "step"];
const TOWNS: [(&str, &str, f64, f64); 4] = [
    ("Prairie City", "55101", 44.95, -93.10),
    ("Oak Falls", "55102", 45.10, -93.40),
    ("Riverton", "55103", 44.70, -92.90),
    ("Far Lake", "55900", 47.50, -94.80),
];

fn generated_meetings(random: &mut Random, groups: &[Group], count: usize) -> Vec<(i64, Meeting)> {
    (0..count)
        .map(|n| {
            let town = *random.pick(&TOWNS);
            let mut types: Vec<String> = TYPES.iter().filter(|_| random.chance(25)).map(|t| (*t).to_owned()).collect();
            if random.chance(5) {
                types.push("TC".to_owned());
            }
            if random.chance(10) {
                types.push("o".to_owned());
            }
            let appointment = random.chance(4);
            let days: Vec<Weekday> = if appointment {
                Vec::new()
            } else {
                let mut days: Vec<Weekday> = Weekday::all().filter(|_| random.chance(20)).collect();
                if days.is_empty() {
                    days.push(Weekday::new(random.below(7) as u8).expect("day"));
                }
                days
            };
            let start = (random.below(96) * 15) as u16;
            let online = random.chance(30);
            let venue = !online || random.chance(50);
            let mut extra = serde_json::Map::new();
            if venue && random.chance(50) {
                extra.insert("postal_code".into(), town.1.into());
            }
            let name = format!("{} {} {n}", random.pick(&WORDS), random.pick(&WORDS));
            (
                n as i64 * 3 + 1,
                Meeting {
                    slug: format!("m{n}"),
                    name,
                    group_slug: random.chance(95).then(|| random.pick(groups).slug.clone()),
                    days,
                    time: (!appointment || random.chance(50)).then(|| MeetingTime::from_minutes(start)),
                    end_time: random
                        .chance(50)
                        .then(|| MeetingTime::from_minutes(start + 30 + random.below(120) as u16)),
                    timezone: (*random.pick(&ZONES)).to_owned(),
                    types,
                    location: venue.then(|| format!("{} Hall", random.pick(&WORDS))),
                    formatted_address: venue.then(|| format!("1 Main St, {}", town.0)),
                    latitude: venue.then(|| town.2 + (random.below(100) as f64 - 50.0) / 500.0),
                    longitude: venue.then(|| town.3 + (random.below(100) as f64 - 50.0) / 500.0),
                    regions: if venue { vec!["Prairie County".into(), town.0.into()] } else { Vec::new() },
                    conference_url: online.then(|| "https://example.org/room".to_owned()),
                    notes: random.chance(30).then(|| random.pick(&WORDS).to_string()),
                    extra,
                    ..Meeting::default()
                },
            )
        })
        .collect()
}

fn random_query(random: &mut Random) -> String {
    let mut pairs: Vec<String> = Vec::new();
    for code in TYPES.iter().chain(["TC"].iter()) {
        if random.chance(8) {
            pairs.push(format!("type={code}"));
        }
    }
    for group in ["alcoholics-anonymous", "smart-recovery", "al-anon-alateen", "narcotics-anonymous"] {
        if random.chance(8) {
            pairs.push(format!("group={group}"));
        }
    }
    for day in ["0", "1", "2", "3", "4", "5", "6", "today", "tonight"] {
        if random.chance(8) {
            pairs.push(format!("day={day}"));
        }
    }
    if random.chance(25) {
        pairs.push(format!("time={}", random.pick(&["morning", "midday", "evening", "night"])));
    }
    if random.chance(20) {
        pairs.push(format!("attendance={}", random.pick(&["in_person", "online", "hybrid", "inactive"])));
    }
    if random.chance(10) {
        pairs.push(format!("region={}", random.pick(&["Prairie County", "riverton", "Nowhere"])));
    }
    if random.chance(20) {
        pairs.push(format!("for={}", random.pick(&["self", "family"])));
    }
    if random.chance(20) {
        pairs.push(format!("q={}", random.pick(&["ser", "hope", "sunrise+hall", "montr", "alcoholics", "zzz"])));
    }
    if random.chance(30) {
        pairs.push(format!("near={}", random.pick(&["Prairie City", "55103", "oak falls", "Atlantis"])));
        if random.chance(60) {
            pairs.push(format!("within={}", random.pick(&["1", "5", "20", "200"])));
        }
        if random.chance(40) {
            pairs.push("sort=distance".to_owned());
        }
    }
    pairs.join("&")
}

/// What the filter means for one meeting, checked directly.
struct Reference<'a> {
    meetings: &'a [(i64, Meeting)],
    groups: &'a [Group],
    filter: &'a MeetingFilter,
    now: Timestamp,
    place: Option<(f64, f64)>,
}

impl Reference<'_> {
    /// Does an occurrence on `day` at `minutes`, next starting at `start`, fit the filter? Today and
    /// tonight are the site's (midnight to midnight, 5 pm to 5 am), and the occurrence starting
    /// next (or in progress) must start within them.
    fn occurrence_fits(&self, day: u8, minutes: u16, start: Timestamp) -> bool {
        let site = TimeZone::get(SITE_ZONE).expect("zone");
        let date = self.now.to_zoned_datetime(site.clone()).date();
        let at = |date: jiff::civil::Date, hour: i8| {
            date.at(hour, 0, 0, 0).to_zoned_datetime(site.clone()).expect("zoned").timestamp()
        };
        let night = if self.now < at(date, 5) { date.yesterday().expect("date") } else { date };
        let today = (at(date, 0), at(date.tomorrow().expect("date"), 0));
        let tonight = (at(night, 17), at(night.tomorrow().expect("date"), 5));
        let time_fits = match self.filter.time {
            None => true,
            Some(TimeOfDay::Night) => !(300..1260).contains(&minutes),
            Some(band) => {
                let (start, end) = band.minutes();
                (start..end).contains(&minutes)
            }
        };
        let day_fits = self.filter.days.is_empty()
            || self.filter.days.iter().any(|choice| match choice {
                DayChoice::Weekday(chosen) => chosen.number() == day,
                DayChoice::Today => today.0 <= start && start < today.1,
                DayChoice::Tonight => tonight.0 <= start && start < tonight.1,
            });
        time_fits && day_fits
    }

    fn words(meeting: &Meeting, groups: &[Group]) -> Vec<String> {
        let group = groups.iter().find(|group| Some(&group.slug) == meeting.group_slug.as_ref());
        let fellowship =
            group.map(|g| format!("{} {}", g.name, g.short_name.as_deref().unwrap_or(""))).unwrap_or_default();
        words_of(&format!("{} {fellowship}", meeting.search_words())).collect()
    }

    fn point(meeting: &Meeting) -> Option<(f64, f64)> {
        (meeting.attendance() != Attendance::Online).then_some(())?;
        Some((meeting.latitude?, meeting.longitude?))
    }

    fn matches(&self, meeting: &Meeting, within_km: Option<f64>) -> bool {
        let filter = self.filter;
        let attendance = meeting.attendance();
        let family = meeting.group_slug.as_ref().is_some_and(|slug| {
            self.groups.iter().any(|group| &group.slug == slug && group.audience == Audience::Family)
        });
        let words = Self::words(meeting, self.groups);
        (filter.include_inactive || attendance != Attendance::Inactive)
            && filter.types.iter().all(|code| meeting.has_type(code))
            && (filter.groups.is_empty() || filter.groups.iter().any(|g| meeting.group_slug.as_ref() == Some(g)))
            && match filter.attendance {
                Some(Attendance::InPerson) => matches!(attendance, Attendance::InPerson | Attendance::Hybrid),
                Some(Attendance::Online) => matches!(attendance, Attendance::Online | Attendance::Hybrid),
                Some(Attendance::Hybrid) => attendance == Attendance::Hybrid,
                _ => true,
            }
            && filter.region.as_ref().is_none_or(|r| meeting.regions.iter().any(|own| own.eq_ignore_ascii_case(r)))
            && match filter.seeker {
                Some(SeekerChoice::Self_) => !family,
                Some(SeekerChoice::Family) => family,
                None => true,
            }
            && filter
                .query
                .as_ref()
                .is_none_or(|query| words_of(query).all(|asked| words.iter().any(|word| word.starts_with(&asked))))
            && match (self.place, within_km) {
                (Some(place), Some(within)) => {
                    Self::point(meeting).is_some_and(|point| Ruler::new(place).km(point) <= within)
                }
                _ => true,
            }
            && (filter.days.is_empty() && filter.time.is_none() || self.first_occurrence(meeting).is_some())
    }

    /// The meeting's first fitting occurrence in the order asked: (sort key, minute of week). From
    /// now, the key is the real minutes until it starts (negative while in progress), computed
    /// from calendar dates in its zone.
    fn first_occurrence(&self, meeting: &Meeting) -> Option<(i32, u16)> {
        let time = meeting.time.filter(|_| !meeting.is_by_appointment())?;
        let tz = TimeZone::get(&meeting.timezone).expect("zone");
        let local = self.now.to_zoned_datetime(tz.clone());
        let today = Weekday::of(local.date()).number();
        let duration = match meeting.end_time {
            Some(end) if end != time => (i32::from(end.minutes()) - i32::from(time.minutes())).rem_euclid(1440),
            _ => 60,
        };
        let minutes =
            |start: Timestamp| i32::try_from(start.duration_since(self.now).as_secs().div_euclid(60)).expect("minutes");
        let start_on = |days_ahead: i64| {
            let date = local.date() + jiff::Span::new().days(days_ahead);
            let civil = date.at(time.hour() as i8, time.minute() as i8, 0, 0);
            civil.to_zoned_datetime(tz.clone()).expect("zoned").timestamp()
        };
        meeting
            .days
            .iter()
            .filter_map(|day| {
                let minute_of_week = u16::from(day.number()) * 1440 + time.minutes();
                if !self.filter.depends_on_now() {
                    return self
                        .occurrence_fits(day.number(), time.minutes(), self.now)
                        .then_some((i32::from(minute_of_week), minute_of_week));
                }
                let ahead = i64::from((day.number() + 7 - today) % 7);
                let this_week = start_on(ahead);
                let last_week = start_on(ahead - 7);
                let key = if minutes(this_week) <= 0 && minutes(this_week) > -duration {
                    minutes(this_week)
                } else if minutes(last_week) > -duration && minutes(last_week) <= 0 {
                    minutes(last_week)
                } else if minutes(this_week) <= 0 {
                    minutes(start_on(ahead + 7))
                } else {
                    minutes(this_week)
                };
                let start = self.now - jiff::SignedDuration::from_secs(self.now.as_second().rem_euclid(60))
                    + jiff::SignedDuration::from_mins(i64::from(key));
                self.occurrence_fits(day.number(), time.minutes(), start).then_some((key, minute_of_week))
            })
            .min()
    }

    /// Slugs in the order the finder lists them.
    fn listed(&self) -> Vec<String> {
        let zone_order: Vec<&str> = {
            let mut seen = Vec::new();
            for (_, meeting) in self.meetings {
                if !seen.contains(&meeting.timezone.as_str()) {
                    seen.push(meeting.timezone.as_str());
                }
            }
            seen
        };
        // A place without a distance: the first default distance holding enough meetings.
        let within_km = match (self.place, self.filter.within) {
            (None, _) => None,
            (Some(_), Some(within)) => Some(DistanceUnit::Mi.to_km(f64::from(within))),
            (Some(_), None) => {
                let count = |km: f64| self.meetings.iter().filter(|(_, m)| self.matches(m, Some(km))).count() as u64;
                let kms = DEFAULT_DISTANCES.map(|miles| DistanceUnit::Mi.to_km(f64::from(miles)));
                kms.iter().copied().find(|km| count(*km) >= ENOUGH_NEAR).or(kms.last().copied())
            }
        };
        let mut chosen: Vec<(usize, &Meeting)> = self
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, (_, m))| self.matches(m, within_km))
            .map(|(n, (_, m))| (n, m))
            .collect();
        if let (SortOrder::Distance, Some(place)) = (self.filter.sort, self.place) {
            let distance = |m: &Meeting| Self::point(m).map_or(f64::INFINITY, |p| Ruler::new(place).km(p));
            chosen.sort_by(|a, b| distance(a.1).total_cmp(&distance(b.1)).then(a.0.cmp(&b.0)));
        } else {
            let zone = |m: &Meeting| zone_order.iter().position(|z| *z == m.timezone).unwrap_or(0);
            chosen.sort_by_key(|(n, m)| match self.first_occurrence(m) {
                Some((key, minute)) if self.filter.depends_on_now() => (0, key, zone(m), minute, *n),
                Some((key, minute)) => (0, key, 0, minute, *n),
                None => (1, 0, 0, 0, *n),
            });
        }
        chosen.into_iter().map(|(_, m)| m.slug.clone()).collect()
    }
}

/// Is `now` within three hours after a change of offset in `zone`?
fn near_a_change(zone: &str, now: Timestamp) -> bool {
    let tz = TimeZone::get(zone).expect("zone");
    tz.preceding(now).next().is_some_and(|change| now.duration_since(change.timestamp()).as_secs() < 3 * 3600)
}

#[test]
fn the_index_agrees_with_a_plain_reference_on_random_filters() {
    let groups = Content::embedded().expect("content").groups.clone();
    let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let meetings = generated_meetings(&mut random, &groups, 400);
    let index = FinderIndex::build(1, meetings.clone(), &groups, false, DistanceUnit::Mi, SITE_ZONE);
    // Moments through a year: both daylight-saving changes of every zone fall in it.
    let year_start: Timestamp = "2026-01-01T00:00:00Z".parse().expect("timestamp");
    let mut rounds = 0;
    while rounds < 300 {
        let query = random_query(&mut random);
        let filter = MeetingFilter::parse(&query, &vocabulary, |slug| groups.iter().any(|g| g.slug == slug));
        let now = year_start + jiff::SignedDuration::from_mins(random.below(365 * 1440) as i64);
        // Meetings in progress across a change of the clocks are the one case where the wall clock
        // and real time disagree about "in progress"; the fixed-moment tests cover the change.
        if ZONES.iter().any(|zone| near_a_change(zone, now)) {
            continue;
        }
        rounds += 1;
        let round = rounds;
        let found = index.find(&filter, now, Listing::PerMeeting, 0, usize::MAX);
        let place = found.place.as_ref().map(|place| place.point);
        let reference = Reference { meetings: &meetings, groups: &groups, filter: &filter, now, place };
        let expected = reference.listed();
        let listed: Vec<String> = found.listings.iter().map(|listing| listing.slug.clone()).collect();
        assert_eq!(listed, expected, "round {round}: {query} at {now}");
        assert_eq!(found.total, expected.len() as u64, "round {round}: {query} at {now}");
        // A page is the same slice of the same order.
        let page = index.find(&filter, now, Listing::PerMeeting, 5, 7);
        let sliced: Vec<&String> = expected.iter().skip(5).take(7).collect();
        assert_eq!(page.listings.iter().map(|l| &l.slug).collect::<Vec<_>>(), sliced, "page of {query}");
    }
}
