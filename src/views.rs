//! View models shared by pages and handouts: a meeting row ([`ListingView`]) as the finder and the
//! printed schedules show it, and the small words they share (a schedule line, a zone's name,
//! "in 25 min", "updated 3 months ago", a directions link). No HTTP and no SQL here.

use crate::content::{Approach, Audience, Group};
use crate::i18n::{Lang, Prepared};
use crate::meetings::{Attendance, DistanceUnit, MeetingListing, MeetingTime, TypeVocabulary, Weekday};

/// How a meeting's schedule reads in `lang`: "Monday, 7:00 pm to 8:00 pm (Chicago time)".
pub fn when(
    day: Option<Weekday>,
    time: Option<MeetingTime>,
    end: Option<MeetingTime>,
    zone: &str,
    lang: Lang,
) -> String {
    match clock(day, time, end, lang) {
        Some(clock) => with_zone(&clock, zone, lang),
        None => lang.t("schedule-by-appointment").to_owned(),
    }
}

/// "Monday, 7:00 pm to 8:00 pm (Chicago time)" from the clock part.
fn with_zone(clock: &str, zone: &str, lang: Lang) -> String {
    row_words(lang).zone.fill(&[clock, &zone_label(zone, lang)])
}

/// "Monday, 7:00 pm to 8:00 pm", as on the clock where the meeting is; `None` by appointment.
fn clock(day: Option<Weekday>, time: Option<MeetingTime>, end: Option<MeetingTime>, lang: Lang) -> Option<String> {
    let (Some(day), Some(time)) = (day, time) else { return None };
    let words = row_words(lang);
    match end {
        Some(end) => {
            Some(words.day_time.fill(&[day.label(lang), &words.until.fill(&[time.clock(lang), end.clock(lang)])]))
        }
        None => Some(words.day_time.fill(&[day.label(lang), time.clock(lang)])),
    }
}

/// "America/New_York" → "New York time".
pub fn zone_label(zone: &str, lang: Lang) -> String {
    row_words(lang).zone_time.fill(&[&zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")])
}

/// Codes a row says in other ways (its badge, its attendance, its closure warning), so its list of
/// type names leaves them out.
const SHOWN_ELSEWHERE: [&str; 4] = ["O", "C", "TC", "ONL"];

/// Open or closed, as a row's badge says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Openness {
    Open,
    Closed,
}

/// A meeting only for women (`W`) or only for men (`M`); a meeting coded both is neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Women,
    Men,
}

/// What the fact sheet lets the site say about a group's closed meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// For families and friends (Al-Anon, Nar-Anon, ...): the fact sheet does not say who their
    /// closed meetings are for.
    Family,
    /// A 12-Step group for people who use: closed meetings are for people who want to stop.
    TwelveStep,
    /// Another group, or one whose approach the fact sheet does not describe.
    Other,
    /// The meeting names no group the site knows.
    Unknown,
}

/// Who may come to a meeting: open or closed, for women or for men, and what the fact sheet says
/// of the group's kind. The one definition the finder's rows, the meeting page and the printed
/// sheets read, in every language, so that a women's open meeting is never "anyone may come".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admission {
    pub openness: Option<Openness>,
    pub gender: Option<Gender>,
    pub kind: GroupKind,
}

impl Admission {
    /// From the meeting's type codes (in any case) and its group, when the site knows it.
    pub fn of(types: &[String], group: Option<&Group>) -> Admission {
        let has = |code: &str| types.iter().any(|own| own.eq_ignore_ascii_case(code));
        let openness = if has("O") {
            Some(Openness::Open)
        } else if has("C") {
            Some(Openness::Closed)
        } else {
            None
        };
        let gender = match (has("W"), has("M")) {
            (true, false) => Some(Gender::Women),
            (false, true) => Some(Gender::Men),
            _ => None,
        };
        let kind = match group.map(|group| (group.audience, group.approach)) {
            None => GroupKind::Unknown,
            Some((Audience::Family, _)) => GroupKind::Family,
            Some((_, Approach::TwelveStep)) => GroupKind::TwelveStep,
            Some(_) => GroupKind::Other,
        };
        Admission { openness, gender, kind }
    }

    /// The badge's word and its one-line meaning ("Open", "any woman may come"); `None` when the
    /// meeting says neither open nor closed.
    pub fn badge(&self, lang: Lang) -> Option<(&'static str, &'static str)> {
        use {Gender::*, GroupKind::*};
        let (word, meaning) = match (self.openness?, self.kind, self.gender) {
            (Openness::Open, _, Some(Women)) => ("badge-open", "badge-open-women"),
            (Openness::Open, _, Some(Men)) => ("badge-open", "badge-open-men"),
            (Openness::Open, _, None) => ("badge-open", "badge-open-anyone"),
            (Openness::Closed, Family, None) => ("badge-closed", "badge-closed-family"),
            (Openness::Closed, Family, Some(Women)) => ("badge-closed", "badge-closed-family-women"),
            (Openness::Closed, Family, Some(Men)) => ("badge-closed", "badge-closed-family-men"),
            (Openness::Closed, TwelveStep, None) => ("badge-closed", "badge-closed-own"),
            (Openness::Closed, TwelveStep, Some(Women)) => ("badge-closed", "badge-closed-own-women"),
            (Openness::Closed, TwelveStep, Some(Men)) => ("badge-closed", "badge-closed-own-men"),
            (Openness::Closed, Other | Unknown, None) => ("badge-closed", "badge-closed-ask"),
            (Openness::Closed, Other | Unknown, Some(Women)) => ("badge-closed", "badge-closed-ask-women"),
            (Openness::Closed, Other | Unknown, Some(Men)) => ("badge-closed", "badge-closed-ask-men"),
        };
        Some((lang.t(word), lang.t(meaning)))
    }

    /// What the meeting page and a calendar's event say of who may come; `None` when the meeting
    /// says neither open nor closed nor for women or men.
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        let gender = self.gender_sentence(lang);
        match self.openness {
            Some(Openness::Open) => Some(
                lang.t(match self.gender {
                    Some(Gender::Women) => "admission-open-women",
                    Some(Gender::Men) => "admission-open-men",
                    None => "admission-open-anyone",
                })
                .to_owned(),
            ),
            Some(Openness::Closed) => {
                let closed = lang.t(match self.kind {
                    GroupKind::Family => "closed-family",
                    GroupKind::TwelveStep => "closed-twelve-step",
                    GroupKind::Other => "closed-other",
                    GroupKind::Unknown => "closed-unknown-group",
                });
                Some(gender.map_or_else(|| closed.to_owned(), |gender| format!("{gender} {closed}")))
            }
            None => gender.map(str::to_owned),
        }
    }

    /// "For women only." / "For men only."
    fn gender_sentence(&self, lang: Lang) -> Option<&'static str> {
        self.gender.map(|gender| {
            lang.t(match gender {
                Gender::Women => "admission-for-women",
                Gender::Men => "admission-for-men",
            })
        })
    }

    /// "women only" / "men only", beside a meeting on a printed sheet.
    pub fn gender_label(&self, lang: Lang) -> Option<&'static str> {
        self.gender.map(|gender| {
            lang.t(match gender {
                Gender::Women => "admission-women-only",
                Gender::Men => "admission-men-only",
            })
        })
    }
}

/// A finder result, ready to show.
pub struct ListingView {
    pub slug: String,
    pub name: String,
    pub group: Option<(String, String)>,
    /// "Monday, 7:00 pm to 8:00 pm" on the meeting's own clock; `None` by appointment.
    pub clock: Option<String>,
    /// The meeting's IANA zone.
    pub timezone: String,
    /// The venue; `None` for online meetings (the attendance says so).
    pub place: Option<String>,
    /// The town or most specific region of an in-person meeting.
    pub town: Option<String>,
    pub attendance: Attendance,
    /// Who may come: open or closed, for women or men, by the group's kind.
    pub admission: Admission,
    /// The listed start and end on the meeting's own clock.
    start_time: Option<MeetingTime>,
    end_time: Option<MeetingTime>,
    /// The group is for families and friends (Al-Anon, Nar-Anon, …).
    pub for_family: bool,
    /// The meeting's venue is temporarily closed (`TC`).
    pub temporarily_closed: bool,
    /// Names of the known type codes, for the screen (unknown codes and those the row shows
    /// otherwise are left out).
    pub types: Vec<String>,
    /// Type codes, for compact print with a legend.
    pub codes: Vec<String>,
    /// The meeting's language when not English, for `lang=` on its name.
    pub lang: Option<&'static str>,
    /// The street address, when there is a venue to go to.
    pub address: Option<String>,
    pub conference_url: Option<String>,
    pub conference_phone: Option<String>,
    /// Minutes until it starts (negative: started that long ago), in upcoming order.
    pub starts_in: Option<i32>,
    /// Kilometres from the place searched near.
    pub distance_km: Option<f64>,
    /// When the listed occurrence starts (upcoming or distance order).
    pub starts_at: Option<jiff::Timestamp>,
    /// For an online meeting shown on the site's clock: the time on its own ("5:00 pm New York
    /// time"), said beside.
    pub own_clock: Option<String>,
}

impl ListingView {
    pub fn new(listing: MeetingListing, groups: &[Group], vocabulary: &TypeVocabulary, lang: Lang) -> ListingView {
        let place = match (listing.attendance, &listing.location, &listing.address) {
            (Attendance::Online, _, _) => None,
            (_, Some(venue), _) => Some(venue.clone()),
            (_, None, Some(address)) if !listing.approximate => Some(address.clone()),
            _ => Some(lang.t("row-place-on-request").to_owned()),
        };
        let temporarily_closed = listing.types.iter().any(|own| own.eq_ignore_ascii_case("TC"));
        let group = groups.iter().find(|group| Some(group.slug.as_str()) == listing.group_slug.as_deref());
        let admission = Admission::of(&listing.types, group);
        let clock = clock(listing.day, listing.time, listing.end_time, lang);
        ListingView {
            clock,
            group: group.map(|group| (group.slug.clone(), group.name.clone())),
            for_family: group.is_some_and(|group| group.audience == Audience::Family),
            types: listing
                .types
                .iter()
                .filter(|code| !SHOWN_ELSEWHERE.iter().any(|own| own.eq_ignore_ascii_case(code)))
                .filter_map(|code| vocabulary.name_in(code, lang).map(str::to_owned))
                .collect(),
            address: listing.address.filter(|_| !listing.approximate && listing.attendance != Attendance::Online),
            town: listing.town.filter(|_| listing.attendance != Attendance::Online),
            lang: crate::meetings::language_of(&listing.types),
            admission,
            temporarily_closed,
            codes: listing.types,
            conference_url: listing.conference_url,
            conference_phone: listing.conference_phone,
            timezone: listing.timezone,
            slug: listing.slug,
            name: listing.name,
            place,
            attendance: listing.attendance,
            starts_in: listing.starts_in,
            distance_km: listing.distance_km,
            starts_at: listing.starts_at,
            own_clock: None,
            end_time: listing.end_time,
            start_time: listing.time,
        }
    }

    /// An online meeting of another zone on the site's clock (anyone anywhere joins it, so the
    /// person reads it in their own time), with its own zone's time kept beside. Rows that go to
    /// a place, and rows with no moment to convert (a schedule by weekday), keep their own clock.
    pub fn on_site_clock(mut self, site_zone: &str, lang: Lang) -> ListingView {
        let (Some(start), Some(time), Attendance::Online) = (self.starts_at, self.start_time, self.attendance) else {
            return self;
        };
        let Ok(zone) = jiff::tz::TimeZone::get(site_zone) else { return self };
        if self.timezone == site_zone {
            return self;
        }
        let local = start.to_zoned_datetime(zone);
        let (Ok(hour), Ok(minute)) = (u8::try_from(local.hour()), u8::try_from(local.minute())) else { return self };
        let site_time = MeetingTime::new(hour, minute);
        let site_end = self.end_time.zip(site_time).map(|(end, site)| {
            let length = (i32::from(end.minutes()) - i32::from(time.minutes())).rem_euclid(1440);
            MeetingTime::from_minutes(u16::try_from((i32::from(site.minutes()) + length) % 1440).unwrap_or(0))
        });
        self.own_clock = Some(format!("{} {}", time.clock(lang), zone_label(&self.timezone, lang)));
        self.clock = clock(Some(Weekday::of(local.date())), site_time, site_end, lang);
        self
    }

    /// The whole schedule line with its zone ("Monday, 7:00 pm to 8:00 pm (Chicago time)"), for
    /// printed sheets; worked out only where a sheet shows it.
    pub fn when(&self, lang: Lang) -> String {
        self.clock.as_deref().map_or_else(
            || lang.t("schedule-by-appointment").to_owned(),
            |clock| with_zone(clock, &self.timezone, lang),
        )
    }

    /// "(New York time)" when the meeting's zone is not the site's; `None` when it is.
    pub fn zone_note(&self, site_zone: &str, lang: Lang) -> Option<String> {
        (self.clock.is_some() && self.timezone != site_zone).then(|| zone_label(&self.timezone, lang))
    }

    /// "In progress · started 20 min ago", "In 25 min", "In 2 h 5 min"; `None` outside upcoming
    /// order or more than 12 hours away (the day and time say it then).
    pub fn starts_text(&self, lang: Lang) -> Option<String> {
        let minutes = self.starts_in?;
        let words = row_words(lang);
        match minutes {
            ..0 => Some(words.started.fill(&[&duration(minutes.unsigned_abs())])),
            0 => Some(lang.t("row-starting-now").to_owned()),
            1..=720 => Some(words.starts_in.fill(&[&duration(minutes.unsigned_abs())])),
            _ => None,
        }
    }

    /// The zone said beside the time: the row's own clock when it is shown on the site's, or the
    /// row's zone when that is not the site's.
    pub fn zone_or_own_clock(&self, site_zone: &str, lang: Lang) -> Option<String> {
        self.own_clock.clone().or_else(|| self.zone_note(site_zone, lang))
    }

    /// Is the meeting under way now?
    pub fn in_progress(&self) -> bool {
        self.starts_in.is_some_and(|minutes| minutes < 0)
    }

    /// "2.3 mi" (or km) from the place searched near.
    pub fn distance_text(&self, unit: DistanceUnit, lang: Lang) -> Option<String> {
        let distance = unit.from_km(self.distance_km?);
        Some(if distance < 0.1 {
            lang.t1("row-distance-under", "unit", unit.abbreviation(lang))
        } else {
            format!("{distance:.1} {}", unit.abbreviation(lang))
        })
    }

    /// Where the meeting is, in a few words: "Hall, Riverton", "Online", "By phone".
    pub fn where_text(&self, lang: Lang) -> String {
        let online = if self.conference_url.is_some() { lang.t("row-online") } else { lang.t("row-by-phone") };
        match (self.attendance, &self.place, &self.town) {
            (Attendance::Online, _, _) => online.to_owned(),
            (_, Some(place), Some(town)) if !place.contains(town.as_str()) => format!("{place}, {town}"),
            (_, Some(place), _) => place.clone(),
            (_, None, Some(town)) => town.clone(),
            (_, None, None) => lang.t("row-place-on-request").to_owned(),
        }
    }

    /// The badge's word and its one-line meaning ([`Admission::badge`]).
    pub fn badge(&self, lang: Lang) -> Option<(&'static str, &'static str)> {
        // A record that says neither open nor closed is labelled on its row, never hidden: the
        // person may well attend, and the group can say.
        self.admission.badge(lang).or_else(|| {
            let meaning = match self.admission.gender {
                Some(Gender::Women) => "badge-unstated-women",
                Some(Gender::Men) => "badge-unstated-men",
                None => "badge-unstated-meaning",
            };
            Some((lang.t("badge-unstated"), lang.t(meaning)))
        })
    }

    /// The CSS class of the badge.
    pub fn badge_class(&self) -> &'static str {
        match self.admission.openness {
            Some(Openness::Open) => "badge-open",
            Some(Openness::Closed) => "badge-closed",
            None => "badge-unstated",
        }
    }
}

/// The messages with arguments that every row says, prepared once per language.
struct RowWords {
    started: Prepared,
    starts_in: Prepared,
    until: Prepared,
    day_time: Prepared,
    zone: Prepared,
    zone_time: Prepared,
}

fn row_words(lang: Lang) -> &'static RowWords {
    static WORDS: std::sync::OnceLock<Vec<RowWords>> = std::sync::OnceLock::new();
    let all = WORDS.get_or_init(|| {
        Lang::all()
            .map(|lang| RowWords {
                started: Prepared::of(lang, "row-started", ["duration"]),
                starts_in: Prepared::of(lang, "row-starts-in", ["duration"]),
                until: Prepared::of(lang, "schedule-until", ["start", "end"]),
                day_time: Prepared::of(lang, "schedule-day-time", ["day", "time"]),
                zone: Prepared::of(lang, "schedule-zone", ["when", "zone"]),
                zone_time: Prepared::of(lang, "zone-time", ["place"]),
            })
            .collect()
    });
    // Every language has its entry; the default's is the first.
    all.get(lang.index()).unwrap_or(&all[0])
}

/// "20 min", "1 h", "2 h 5 min".
fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, minutes) => format!("{minutes} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, minutes) => format!("{hours} h {minutes} min"),
    }
}

/// "3 months ago" from a feed's `updated` (`YYYY-MM-DD HH:MM:SS`, UTC), in `lang`; `None` when
/// it does not parse. A date in the future reads as "today".
pub fn updated_ago(updated: &str, now: jiff::Timestamp, lang: Lang) -> Option<String> {
    let then = updated.trim().parse::<jiff::civil::DateTime>().ok()?.date();
    let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date().max(then);
    let span = then.until((jiff::Unit::Year, today)).ok()?;
    let days = then.until((jiff::Unit::Day, today)).ok()?.get_days();
    let years = i32::from(span.get_years());
    let months = years * 12 + span.get_months();
    Some(match days {
        0 => lang.t("ago-today").to_owned(),
        1 => lang.t("ago-yesterday").to_owned(),
        2..=13 => lang.n("ago-days", days),
        _ if months == 0 => lang.n("ago-weeks", days / 7),
        _ if years == 0 => lang.n("ago-months", months),
        _ => lang.n("ago-years", years),
    })
}

/// "2 hours ago" (the largest whole unit, up to days), in `lang`.
pub fn time_ago(then: jiff::Timestamp, now: jiff::Timestamp, lang: Lang) -> String {
    let seconds = now.as_second().saturating_sub(then.as_second()).max(0);
    match seconds {
        0..60 => lang.t("ago-just-now").to_owned(),
        60..3600 => lang.n("ago-minutes", seconds / 60),
        3600..86_400 => lang.n("ago-hours", seconds / 3600),
        _ => lang.n("ago-days", seconds / 86_400),
    }
}

/// A link that opens directions to a venue in the person's maps app or browser (Google Maps'
/// documented "Maps URLs": nothing loads until the person taps it). The street address is used
/// when there is one, otherwise the coordinates.
pub fn directions_link(address: Option<&str>, coordinates: Option<(f64, f64)>) -> Option<String> {
    let destination = match (address, coordinates) {
        (Some(address), _) => address.to_owned(),
        (None, Some((latitude, longitude))) => format!("{latitude:.6},{longitude:.6}"),
        (None, None) => return None,
    };
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("api", "1")
        .append_pair("destination", &destination)
        .finish();
    Some(format!("https://www.google.com/maps/dir/?{query}"))
}

/// The place on OpenStreetMap, for people who prefer it to Google (a marker at the coordinates).
pub fn map_link((latitude, longitude): (f64, f64)) -> String {
    format!("https://www.openstreetmap.org/?mlat={latitude:.5}&mlon={longitude:.5}#map=17/{latitude:.5}/{longitude:.5}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn listing(slug: &str, group: &str, types: &[&str]) -> MeetingListing {
        MeetingListing {
            slug: slug.to_owned(),
            name: "A Meeting".to_owned(),
            group_slug: Some(group.to_owned()),
            day: Weekday::new(1),
            time: MeetingTime::new(19, 0),
            end_time: MeetingTime::new(20, 0),
            timezone: "America/Chicago".to_owned(),
            location: Some("Grange Hall".to_owned()),
            address: Some("1 Main St, Riverton, MN 55990, USA".to_owned()),
            approximate: false,
            attendance: Attendance::InPerson,
            types: types.iter().map(|code| (*code).to_owned()).collect(),
            conference_url: None,
            conference_phone: None,
            town: Some("Riverton".to_owned()),
            starts_in: None,
            distance_km: None,
            starts_at: None,
        }
    }

    fn view(listing: MeetingListing) -> ListingView {
        let content = Content::embedded().expect("content");
        let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
        ListingView::new(listing, &content.groups, &vocabulary, Lang::DEFAULT)
    }

    #[test]
    fn the_zone_is_named_only_when_it_differs_from_the_sites() {
        let home = view(listing("a", "alcoholics-anonymous", &["O"]));
        assert_eq!(home.zone_note("America/Chicago", Lang::DEFAULT), None);
        assert_eq!(home.clock.as_deref(), Some("Monday, 7:00 pm to 8:00 pm"));
        let mut elsewhere = listing("b", "alcoholics-anonymous", &["O"]);
        elsewhere.timezone = "America/New_York".to_owned();
        assert_eq!(view(elsewhere).zone_note("America/Chicago", Lang::DEFAULT).as_deref(), Some("New York time"));
    }

    #[test]
    fn a_family_groups_closed_meeting_is_for_family_and_friends_not_for_people_who_want_to_quit() {
        let family = view(listing("a", "al-anon-alateen", &["C"]));
        assert!(family.for_family);
        assert_eq!(family.badge(Lang::DEFAULT), Some(("Closed", "for family and friends")));
        let own = view(listing("b", "narcotics-anonymous", &["C"]));
        assert!(!own.for_family);
        assert_eq!(own.badge(Lang::DEFAULT).map(|(word, _)| word), Some("Closed"));
        assert_ne!(own.badge(Lang::DEFAULT), family.badge(Lang::DEFAULT));
        assert_eq!(view(listing("c", "nar-anon", &["O"])).badge(Lang::DEFAULT), Some(("Open", "anyone may come")));
        assert_eq!(
            view(listing("d", "smart-recovery", &["D"])).badge(Lang::DEFAULT),
            Some(("Not stated", "open or closed not stated: ask the group"))
        );
        assert_eq!(view(listing("d", "smart-recovery", &["D"])).badge_class(), "badge-unstated");
        assert_eq!(
            view(listing("e", "alcoholics-anonymous", &["O", "W"])).badge(Lang::DEFAULT),
            Some(("Open", "any woman may come"))
        );
    }

    fn admission(group: Option<&str>, types: &[&str]) -> Admission {
        let content = Content::embedded().expect("content");
        let types: Vec<String> = types.iter().map(|code| (*code).to_owned()).collect();
        Admission::of(&types, group.and_then(|slug| content.group(slug)))
    }

    #[test]
    fn a_womens_or_mens_open_meeting_is_never_said_to_be_for_anyone_in_any_language() {
        for lang in Lang::all() {
            for (code, meaning, sentence) in [
                ("W", "badge-open-women", "admission-open-women"),
                ("w", "badge-open-women", "admission-open-women"),
                ("M", "badge-open-men", "admission-open-men"),
            ] {
                for group in [Some("alcoholics-anonymous"), Some("smart-recovery"), Some("nar-anon"), None] {
                    let open = admission(group, &["O", code, "D"]);
                    assert_eq!(open.badge(lang), Some((lang.t("badge-open"), lang.t(meaning))), "{group:?} {code}");
                    let said = open.sentence(lang).expect("a sentence");
                    assert_eq!(said, lang.t(sentence));
                    for anyone in [lang.t("badge-open-anyone"), lang.t("admission-open-anyone")] {
                        assert!(!said.contains(anyone) && open.badge(lang).is_some_and(|(_, m)| m != anyone));
                    }
                }
            }
            let mixed = admission(Some("alcoholics-anonymous"), &["O"]);
            assert_eq!(mixed.sentence(lang).as_deref(), Some(lang.t("admission-open-anyone")));
            assert_eq!(mixed.gender_label(lang), None);
            assert_eq!(admission(None, &["O", "W", "M"]).gender, None, "coded both: for neither alone");
        }
        assert!(Lang::DEFAULT.t("admission-open-women").contains("any woman may come"));
        assert_eq!(admission(None, &["O", "W"]).gender_label(Lang::DEFAULT), Some("women only"));
    }

    #[test]
    fn a_closed_meeting_is_explained_by_the_kind_of_group() {
        let en = Lang::DEFAULT;
        let family = admission(Some("al-anon-alateen"), &["C"]);
        let said = family.sentence(en).expect("a sentence");
        assert!(!said.contains("stop drinking"), "a parent is not turned away: {said}");
        assert!(said.contains("families and friends"));
        assert_eq!(family.badge(en), Some(("Closed", "for family and friends")));
        let twelve_step = admission(Some("narcotics-anonymous"), &["C"]);
        assert_eq!(twelve_step.sentence(en).as_deref(), Some(en.t("closed-twelve-step")));
        assert_eq!(twelve_step.badge(en), Some(("Closed", "for people who want to stop drinking or using drugs")));
        for other in [Some("smart-recovery"), Some("heroin-anonymous"), None] {
            let closed = admission(other, &["C"]);
            let (_, meaning) = closed.badge(en).expect("a badge");
            assert!(!meaning.contains("stop drinking"), "{other:?}: the fact sheet explains closed only for 12-Step");
            assert_eq!(meaning, "ask the group who may come");
        }
        assert!(
            admission(Some("smart-recovery"), &["C"]).sentence(en).is_some_and(|s| s.contains("12-Step groups only"))
        );
        assert_eq!(admission(None, &["C"]).sentence(en).as_deref(), Some(en.t("closed-unknown-group")));
        let women = admission(Some("alcoholics-anonymous"), &["C", "W"]);
        assert_eq!(women.badge(en), Some(("Closed", "for women who want to stop drinking or using drugs")));
        assert_eq!(women.sentence(en), Some(format!("For women only. {}", en.t("closed-twelve-step"))));
        let es = Lang::from_code("es").expect("Spanish");
        let said = family.sentence(es).expect("a sentence");
        assert!(!said.contains("dejar de beber") && said.contains("familiares y amigos"), "{said}");
        assert_eq!(
            admission(Some("smart-recovery"), &["C", "M"]).badge(es).map(|(_, m)| m),
            Some(es.t("badge-closed-ask-men"))
        );
    }

    #[test]
    fn an_online_meeting_of_another_zone_reads_on_the_sites_clock_with_its_own_beside() {
        let mut online = listing("a", "alcoholics-anonymous", &["O"]);
        online.attendance = Attendance::Online;
        online.timezone = "America/New_York".to_owned();
        online.time = MeetingTime::new(17, 0);
        online.end_time = MeetingTime::new(18, 0);
        online.day = Weekday::new(1);
        online.starts_at = Some("2026-11-30T22:00:00Z".parse().expect("timestamp"));
        let row = view(online.clone()).on_site_clock("America/Los_Angeles", Lang::DEFAULT);
        assert_eq!(row.clock.as_deref(), Some("Monday, 2:00 pm to 3:00 pm"));
        assert_eq!(
            row.zone_or_own_clock("America/Los_Angeles", Lang::DEFAULT).as_deref(),
            Some("5:00 pm New York time")
        );
        let mut in_person = online.clone();
        in_person.attendance = Attendance::InPerson;
        let row = view(in_person).on_site_clock("America/Los_Angeles", Lang::DEFAULT);
        assert_eq!(row.clock.as_deref(), Some("Monday, 5:00 pm to 6:00 pm"), "a place keeps its own clock");
        assert_eq!(row.zone_or_own_clock("America/Los_Angeles", Lang::DEFAULT).as_deref(), Some("New York time"));
    }

    #[test]
    fn rows_list_type_names_and_leave_out_unknown_codes_and_the_badges_own() {
        let row = view(listing("a", "alcoholics-anonymous", &["O", "D", "XYZ", "TC", "x"]));
        assert_eq!(row.types, ["Discussion", "Wheelchair Access"]);
        assert!(row.temporarily_closed);
        assert_eq!(row.codes, ["O", "D", "XYZ", "TC", "x"], "print keeps every code for its legend");
    }

    #[test]
    fn where_says_venue_and_town_or_online_or_by_phone() {
        assert_eq!(view(listing("a", "alcoholics-anonymous", &[])).where_text(Lang::DEFAULT), "Grange Hall, Riverton");
        let mut online = listing("b", "alcoholics-anonymous", &[]);
        online.attendance = Attendance::Online;
        online.conference_url = Some("https://video.example.org/b".to_owned());
        assert_eq!(view(online.clone()).where_text(Lang::DEFAULT), "Online");
        online.conference_url = None;
        online.conference_phone = Some("+15555550100".to_owned());
        assert_eq!(view(online).where_text(Lang::DEFAULT), "By phone");
    }

    #[test]
    fn upcoming_and_distance_read_in_words_when_the_finder_gives_them() {
        let mut started = listing("a", "alcoholics-anonymous", &["O"]);
        started.starts_in = Some(-20);
        started.distance_km = Some(3.7);
        let started = view(started);
        assert_eq!(started.starts_text(Lang::DEFAULT).as_deref(), Some("In progress · started 20 min ago"));
        assert!(started.in_progress());
        assert_eq!(started.distance_text(DistanceUnit::Mi, Lang::DEFAULT).as_deref(), Some("2.3 mi"));
        assert_eq!(started.distance_text(DistanceUnit::Km, Lang::DEFAULT).as_deref(), Some("3.7 km"));
        let mut soon = listing("b", "alcoholics-anonymous", &["O"]);
        soon.starts_in = Some(25);
        assert_eq!(view(soon.clone()).starts_text(Lang::DEFAULT).as_deref(), Some("In 25 min"));
        soon.starts_in = Some(125);
        assert_eq!(view(soon.clone()).starts_text(Lang::DEFAULT).as_deref(), Some("In 2 h 5 min"));
        soon.starts_in = Some(3000);
        assert_eq!(view(soon).starts_text(Lang::DEFAULT), None);
        assert_eq!(
            view(listing("c", "alcoholics-anonymous", &[])).distance_text(DistanceUnit::Mi, Lang::DEFAULT),
            None
        );
    }

    #[test]
    fn updated_reads_as_time_ago_in_words() {
        let now: jiff::Timestamp = "2026-11-29T06:00:00Z".parse().expect("timestamp");
        let ago = |text| updated_ago(text, now, Lang::DEFAULT);
        assert_eq!(ago("2026-11-29 01:00:00").as_deref(), Some("today"));
        assert_eq!(ago("2026-11-28 23:00:00").as_deref(), Some("yesterday"));
        assert_eq!(ago("2026-11-20 10:00:00").as_deref(), Some("9 days ago"));
        assert_eq!(ago("2026-11-01 10:00:00").as_deref(), Some("4 weeks ago"));
        assert_eq!(ago("2026-08-29 10:00:00").as_deref(), Some("3 months ago"));
        assert_eq!(ago("2025-10-01 10:00:00").as_deref(), Some("1 year ago"));
        assert_eq!(ago("2027-01-01 00:00:00").as_deref(), Some("today"));
        assert_eq!(ago("last Tuesday"), None);
    }

    #[test]
    fn directions_go_to_the_address_or_else_the_coordinates() {
        assert_eq!(
            directions_link(Some("1 Main St, Riverton, MN"), Some((45.0, -93.0))).as_deref(),
            Some("https://www.google.com/maps/dir/?api=1&destination=1+Main+St%2C+Riverton%2C+MN")
        );
        assert_eq!(
            directions_link(None, Some((45.15, -93.2107))).as_deref(),
            Some("https://www.google.com/maps/dir/?api=1&destination=45.150000%2C-93.210700")
        );
        assert_eq!(directions_link(None, None), None);
    }

    #[test]
    fn a_row_speaks_spanish_on_a_spanish_page_and_keeps_every_caution() {
        let spanish = Lang::from_code("es").expect("the site speaks Spanish");
        let content = Content::embedded().expect("content");
        let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
        let spanish_view = |listing| ListingView::new(listing, &content.groups, &vocabulary, spanish);
        let family = spanish_view(listing("a", "al-anon-alateen", &["C", "D"]));
        assert_eq!(family.badge(spanish), Some(("Cerrada", "para familiares y amigos")));
        assert_eq!(family.types, ["Discusión"]);
        assert_eq!(family.clock.as_deref(), Some("Lunes, de 19:00 a 20:00"));
        let own = spanish_view(listing("b", "narcotics-anonymous", &["C"]));
        assert_eq!(
            own.badge(spanish),
            Some(("Cerrada", "para personas que quieren dejar de beber o de consumir drogas"))
        );
        let mut started = listing("c", "alcoholics-anonymous", &["O", "W"]);
        started.starts_in = Some(-20);
        started.approximate = true;
        started.location = None;
        let started = spanish_view(started);
        assert_eq!(started.badge(spanish), Some(("Abierta", "puede asistir cualquier mujer")));
        assert_eq!(started.starts_text(spanish).as_deref(), Some("En curso · empezó hace 20 min"));
        assert_eq!(started.where_text(spanish), "Lugar disponible si lo solicita, Riverton");
    }

    #[test]
    fn time_ago_says_the_largest_whole_unit_in_words() {
        let now: jiff::Timestamp = "2026-11-29T12:00:00Z".parse().expect("timestamp");
        let ago = |seconds: i64| time_ago(now - jiff::SignedDuration::from_secs(seconds), now, Lang::DEFAULT);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(125), "2 minutes ago");
        assert_eq!(ago(3 * 3600 + 59), "3 hours ago");
        assert_eq!(ago(86_400), "1 day ago");
        assert_eq!(ago(-30), "just now");
    }

    #[test]
    fn time_ago_is_told_in_spanish_with_plurals() {
        let spanish = Lang::from_code("es").expect("the site speaks Spanish");
        let now: jiff::Timestamp = "2026-11-29T06:00:00Z".parse().expect("timestamp");
        assert_eq!(updated_ago("2026-11-28 23:00:00", now, spanish).as_deref(), Some("ayer"));
        assert_eq!(updated_ago("2026-08-29 10:00:00", now, spanish).as_deref(), Some("hace 3 meses"));
        assert_eq!(updated_ago("2025-10-01 10:00:00", now, spanish).as_deref(), Some("hace 1 año"));
        let ago = |seconds: i64| time_ago(now - jiff::SignedDuration::from_secs(seconds), now, spanish);
        assert_eq!(ago(5), "hace un momento");
        assert_eq!(ago(60), "hace 1 minuto");
        assert_eq!(ago(3 * 3600 + 59), "hace 3 horas");
        assert_eq!(time_ago(now - jiff::SignedDuration::from_secs(125), now, Lang::DEFAULT), "2 minutes ago");
    }

    #[test]
    fn prepared_row_words_read_exactly_as_the_catalogue_formats_them() {
        for lang in Lang::all() {
            let words = row_words(lang);
            assert_eq!(
                words.until.fill(&["A", "B"]),
                lang.t2("schedule-until", "start", "A", "end", "B"),
                "{}",
                lang.code()
            );
            assert_eq!(words.day_time.fill(&["D", "T"]), lang.t2("schedule-day-time", "day", "D", "time", "T"));
            assert_eq!(words.zone.fill(&["W", "Z"]), lang.t2("schedule-zone", "when", "W", "zone", "Z"));
            assert_eq!(words.zone_time.fill(&["New York"]), lang.t1("zone-time", "place", "New York"));
            assert_eq!(words.started.fill(&["5 min"]), lang.t1("row-started", "duration", "5 min"));
        }
    }
}
