//! The meeting domain: validated values (weekday, time, type code, attendance), the type-code
//! vocabulary, and the finder's filter parsed from a query string. No SQL and no HTTP here.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::i18n::Lang;

pub mod conference;
pub mod filter;

pub use filter::{DayChoice, MeetingFilter, SeekerChoice, SortOrder};

/// Slugs that are pages of their own where a meeting's address would be: `/meetings/new` (the
/// public form for a meeting we are missing) and `/staff/meetings/new` (see `routes::configure` and
/// `staff::scope`). No meeting may have one: the reader renames it in a feed, with a warning, and
/// refuses it typed into a form.
pub const RESERVED_SLUGS: [&str; 1] = ["new"];

pub const DAY_NAMES: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// A day of the week, 0 = Sunday, as in the Meeting Guide feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weekday(u8);

impl Weekday {
    pub fn new(day: u8) -> Option<Weekday> {
        (day < 7).then_some(Weekday(day))
    }

    pub fn parse(text: &str) -> Option<Weekday> {
        text.trim().parse::<u8>().ok().and_then(Weekday::new)
    }

    /// An English day name in any case, whole (`Monday`) or cut short where no other day starts
    /// the same way (`mon`, `Tues`, `th`, `M`); `t` or `s` alone is two days, so it is no day.
    pub fn from_name(text: &str) -> Option<Weekday> {
        let lower = text.trim().trim_end_matches('.').to_lowercase();
        if lower.is_empty() {
            return None;
        }
        let mut matches = DAY_NAMES.iter().enumerate().filter(|(_, name)| name.to_lowercase().starts_with(&lower));
        match (matches.next(), matches.next()) {
            (Some((index, _)), None) => u8::try_from(index).ok().and_then(Weekday::new),
            _ => None,
        }
    }

    /// A day as a feed or a person writes it: a number 0 to 6, or an English name
    /// ([`Weekday::from_name`]). The reader and the staff comparison both read days with this.
    pub fn read(text: &str) -> Option<Weekday> {
        Weekday::parse(text).or_else(|| Weekday::from_name(text))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The English name (for the command line and staff pages).
    pub fn name(self) -> &'static str {
        self.label(Lang::DEFAULT)
    }

    /// The day's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.day(self.0)
    }

    pub fn all() -> impl Iterator<Item = Weekday> {
        (0..7).map(Weekday)
    }

    /// The weekday of a civil date (jiff counts Monday = 1 .. Sunday = 7).
    pub fn of(date: jiff::civil::Date) -> Weekday {
        Weekday((date.weekday().to_sunday_zero_offset()) as u8)
    }
}

/// A time of day, `HH:MM` in 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingTime {
    hour: u8,
    minute: u8,
}

impl MeetingTime {
    pub fn new(hour: u8, minute: u8) -> Option<MeetingTime> {
        (hour < 24 && minute < 60).then_some(MeetingTime { hour, minute })
    }

    /// Accepts `H:MM`, `HH:MM` and `HH:MM:SS` (seconds must be zero or are dropped).
    pub fn parse(text: &str) -> Option<MeetingTime> {
        let mut parts = text.trim().split(':');
        let hour = parts.next()?;
        let minute = parts.next()?;
        if let Some(seconds) = parts.next() {
            seconds.parse::<u8>().ok().filter(|s| *s < 60)?;
        }
        if parts.next().is_some() || hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
            return None;
        }
        MeetingTime::new(hour.parse().ok()?, minute.parse().ok()?)
    }

    /// Reads the times real feeds write: 24-hour forms as [`MeetingTime::parse`], and 12-hour
    /// ones (`7:00 PM`, `7 pm`, `7:00pm`, `7:00 p.m.`, `12:00 AM` is midnight), `noon` and
    /// `midnight`. `None` for anything else (`13:00 PM`, `7`, `19h`).
    pub fn parse_lenient(text: &str) -> Option<MeetingTime> {
        if let Some(time) = MeetingTime::parse(text) {
            return Some(time);
        }
        let compact: String = text.trim().to_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
        match compact.as_str() {
            "noon" | "12noon" => return MeetingTime::new(12, 0),
            "midnight" | "12midnight" => return MeetingTime::new(0, 0),
            _ => {}
        }
        let (clock, afternoon) = match (compact.strip_suffix("pm"), compact.strip_suffix("am")) {
            (Some(clock), _) => (clock, true),
            (_, Some(clock)) => (clock, false),
            _ => return None,
        };
        let mut parts = clock.split(':');
        let hour = parts.next().filter(|hour| (1..=2).contains(&hour.len()))?.parse::<u8>().ok()?;
        let minute = match parts.next() {
            Some(minute) if minute.len() == 2 => minute.parse::<u8>().ok()?,
            Some(_) => return None,
            None => 0,
        };
        if let Some(seconds) = parts.next() {
            seconds.parse::<u8>().ok().filter(|s| *s < 60)?;
        }
        if parts.next().is_some() || !(1..=12).contains(&hour) {
            return None;
        }
        MeetingTime::new(hour % 12 + if afternoon { 12 } else { 0 }, minute)
    }

    pub fn minutes(self) -> u16 {
        u16::from(self.hour) * 60 + u16::from(self.minute)
    }

    pub fn from_minutes(minutes: u16) -> MeetingTime {
        let minutes = minutes % (24 * 60);
        MeetingTime { hour: (minutes / 60) as u8, minute: (minutes % 60) as u8 }
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    /// "7:00 pm": how people read a time on an English meeting list (the command line, staff).
    pub fn twelve_hour(self) -> String {
        self.clock(Lang::DEFAULT).to_owned()
    }

    /// The time as `lang` writes it on a meeting list ("7:00 pm", "19:00").
    pub fn clock(self, lang: Lang) -> &'static str {
        lang.clock_time(self.hour, self.minute)
    }
}

impl fmt::Display for MeetingTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// The finder's times of day. Night wraps past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    Morning,
    Midday,
    Evening,
    Night,
}

impl TimeOfDay {
    pub const ALL: [TimeOfDay; 4] = [TimeOfDay::Morning, TimeOfDay::Midday, TimeOfDay::Evening, TimeOfDay::Night];

    pub fn parse(text: &str) -> Option<TimeOfDay> {
        TimeOfDay::ALL.into_iter().find(|band| band.parameter() == text)
    }

    pub fn parameter(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Midday => "midday",
            TimeOfDay::Evening => "evening",
            TimeOfDay::Night => "night",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            TimeOfDay::Morning => "time-of-day-morning",
            TimeOfDay::Midday => "time-of-day-midday",
            TimeOfDay::Evening => "time-of-day-evening",
            TimeOfDay::Night => "time-of-day-night",
        })
    }

    /// `[start, end)` in minutes past midnight; night wraps: it is the complement of 05:00..21:00.
    pub fn minutes(self) -> (u16, u16) {
        match self {
            TimeOfDay::Morning => (5 * 60, 12 * 60),
            TimeOfDay::Midday => (12 * 60, 17 * 60),
            TimeOfDay::Evening => (17 * 60, 21 * 60),
            TimeOfDay::Night => (21 * 60, 5 * 60),
        }
    }
}

/// How a person can attend, derived from the meeting's data (see [`Attendance::derive`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
    Inactive,
}

impl Attendance {
    pub fn parse(text: &str) -> Option<Attendance> {
        match text {
            "in_person" => Some(Attendance::InPerson),
            "online" => Some(Attendance::Online),
            "hybrid" => Some(Attendance::Hybrid),
            "inactive" => Some(Attendance::Inactive),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Online => "online",
            Attendance::Hybrid => "hybrid",
            Attendance::Inactive => "inactive",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Attendance::InPerson => "attendance-in-person",
            Attendance::Online => "attendance-online",
            Attendance::Hybrid => "attendance-hybrid",
            Attendance::Inactive => "attendance-inactive",
        })
    }

    /// Derives attendance as the TSML plugin does, without its known bugs: any conference URL or a
    /// phone number alone makes a meeting reachable online (a phone-only meeting is active), and
    /// a temporarily closed venue ("TC") with no online option is inactive.
    pub fn derive(has_venue: bool, online: bool, temporarily_closed: bool) -> Attendance {
        match (has_venue && !temporarily_closed, online) {
            (true, true) => Attendance::Hybrid,
            (true, false) => Attendance::InPerson,
            (false, true) => Attendance::Online,
            (false, false) if temporarily_closed => Attendance::Inactive,
            // No venue, no link: an appointment or an incomplete record. It is shown, not hidden.
            (false, false) => Attendance::InPerson,
        }
    }
}

/// Meeting Guide type codes and their names in each language the site speaks
/// (`content/meetings/meeting-guide-types.json`; English where the vocabulary has no name in a
/// language). Codes are compared without regard to case (feeds send `o` as well as `O`); a meeting
/// keeps its codes as the feed wrote them.
#[derive(Debug, Clone, Default)]
pub struct TypeVocabulary {
    /// By upper-cased code: (the code as the vocabulary writes it, its names in [`Lang::all`] order).
    names: HashMap<String, (String, Vec<String>)>,
}

impl TypeVocabulary {
    /// The vocabulary embedded in the binary. `ONL` (dropped from the spec, still sent) is added.
    pub fn embedded() -> Result<TypeVocabulary, serde_json::Error> {
        let bytes = crate::embedded::content_file("meetings/meeting-guide-types.json").unwrap_or(b"{}");
        let all: HashMap<String, HashMap<String, String>> = serde_json::from_slice(bytes)?;
        let mut names: HashMap<String, (String, Vec<String>)> = all
            .into_iter()
            .filter_map(|(code, names)| {
                let english = names.get("en")?;
                let told = Lang::all().map(|lang| names.get(lang.code()).unwrap_or(english).clone()).collect();
                Some((code.to_uppercase(), (code, told)))
            })
            .collect();
        names.entry("ONL".to_owned()).or_insert_with(|| {
            ("ONL".to_owned(), Lang::all().map(|lang| lang.t("attendance-online").to_owned()).collect())
        });
        Ok(TypeVocabulary { names })
    }

    /// The embedded vocabulary, read once: what the feed reader checks codes and names against.
    pub fn shared() -> &'static TypeVocabulary {
        static SHARED: std::sync::LazyLock<TypeVocabulary> =
            std::sync::LazyLock::new(|| TypeVocabulary::embedded().unwrap_or_default());
        &SHARED
    }

    /// The English name of a code, or `None` for an unknown or program-specific code.
    #[cfg(test)]
    pub fn name(&self, code: &str) -> Option<&str> {
        self.name_in(code, Lang::DEFAULT)
    }

    /// The name of a code in `lang`, or `None` for an unknown or program-specific code.
    pub fn name_in(&self, code: &str, lang: Lang) -> Option<&str> {
        self.names.get(&code.to_uppercase()).and_then(|(_, names)| names.get(lang.index())).map(String::as_str)
    }

    /// The code as the vocabulary writes it (`12X12` → `12x12`), or `None` when unknown.
    pub fn canonical(&self, code: &str) -> Option<&str> {
        self.names.get(&code.to_uppercase()).map(|(code, _)| code.as_str())
    }

    /// The name to show in `lang`: the vocabulary's, or the code itself when unknown (never dropped).
    pub fn label<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        self.name_in(code, lang).unwrap_or(code)
    }

    /// The code whose English name is `name` (any case): TSML's CSV writes names, not codes.
    pub fn code_for_name(&self, name: &str) -> Option<&str> {
        self.names
            .values()
            .find(|(_, own)| own.first().is_some_and(|english| english.eq_ignore_ascii_case(name)))
            .map(|(code, _)| code.as_str())
    }

    /// A word of a `types` value as the reader takes it: a code of the vocabulary or another
    /// plausible code as written, or the code whose English name it is (`Open` is `O`); `None`
    /// when it is neither.
    pub fn read<'a>(&'a self, word: &'a str) -> Option<&'a str> {
        if self.contains(word) || (is_type_code(word) && self.code_for_name(word).is_none()) {
            Some(word)
        } else {
            self.code_for_name(word)
        }
    }

    pub fn contains(&self, code: &str) -> bool {
        self.names.contains_key(&code.to_uppercase())
    }

    /// Every code, as the vocabulary writes it, in order (case aside).
    pub fn codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self.names.values().map(|(code, _)| code.as_str()).collect();
        codes.sort_by_key(|code| code.to_uppercase());
        codes
    }

    /// Codes offered as finder checkboxes, the ones people ask for most.
    pub const COMMON: [&'static str; 12] = ["O", "C", "W", "M", "S", "X", "D", "SP", "B", "BE", "LGBTQ", "Y"];
}

/// The field of `Meeting::extra` that marks coordinates as placed from the address (the middle of
/// the site's own meetings at the postal code or in the town it names), with that place's name.
pub const APPROXIMATE_LOCATION: &str = "approximate_location";

/// One meeting, with every Meeting Guide field we model; everything else a feed brought is in
/// `extra`, verbatim, so an export gives back what an import took in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub slug: String,
    pub name: String,
    /// The fellowship (our group slug, e.g. `alcoholics-anonymous`).
    pub group_slug: Option<String>,
    /// Empty for a meeting by appointment.
    pub days: Vec<Weekday>,
    pub time: Option<MeetingTime>,
    pub end_time: Option<MeetingTime>,
    /// IANA name, e.g. `America/Chicago`.
    pub timezone: String,
    pub types: Vec<String>,
    /// The venue's name.
    pub location: Option<String>,
    pub formatted_address: Option<String>,
    /// The address is only a city (online meetings use this).
    pub approximate: bool,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// From general to specific.
    pub regions: Vec<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
    pub location_notes: Option<String>,
    /// The feed's `group`: the home group's name, not the fellowship.
    pub home_group: Option<String>,
    /// `YYYY-MM-DD HH:MM:SS`, UTC.
    pub updated: Option<String>,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Meeting {
    /// The language the meeting is held in, as a BCP 47 tag for `lang=`, when a type code says
    /// it is not English (the vocabulary's language codes).
    pub fn language(&self) -> Option<&'static str> {
        language_of(&self.types)
    }

    /// Has this type code, in any case.
    pub fn has_type(&self, code: &str) -> bool {
        self.types.iter().any(|own| own.eq_ignore_ascii_case(code))
    }

    pub fn is_online(&self) -> bool {
        self.conference_url.is_some() || self.conference_phone.is_some()
    }

    /// A venue people can go to: an address that is more than a city.
    pub fn has_venue(&self) -> bool {
        !self.approximate && self.address().is_some()
    }

    /// How people attend, derived from the data; a meeting its feed declares held online or
    /// hybrid (`attendance_option`, which a BMLT `venue_type` becomes) that lists no way to join
    /// is still not in person: online has no place, hybrid keeps its venue.
    pub fn attendance(&self) -> Attendance {
        let derived = Attendance::derive(self.has_venue(), self.is_online(), self.has_type("TC"));
        let declared = self.extra.get("attendance_option").and_then(|value| Attendance::parse(value.as_str()?));
        match (declared, derived) {
            (Some(Attendance::Online), Attendance::InPerson) => Attendance::Online,
            (Some(Attendance::Hybrid), Attendance::InPerson) if self.has_venue() => Attendance::Hybrid,
            (Some(Attendance::Hybrid), Attendance::InPerson) => Attendance::Online,
            _ => derived,
        }
    }

    pub fn is_by_appointment(&self) -> bool {
        self.days.is_empty() || self.time.is_none()
    }

    /// The end time, or one hour after the start when the feed gave none.
    pub fn end_time_or_default(&self) -> Option<MeetingTime> {
        self.end_time.or_else(|| self.time.map(|start| MeetingTime::from_minutes(start.minutes() + 60)))
    }

    /// The address to show: `formatted_address`, or one built from the feed's address parts.
    pub fn address(&self) -> Option<String> {
        if let Some(address) = &self.formatted_address {
            return Some(address.clone());
        }
        let parts: Vec<&str> = ["address", "city", "state", "postal_code", "country"]
            .iter()
            .filter_map(|key| self.extra.get(*key)?.as_str())
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// Where coordinates placed from the address were placed (a postal code or a town), when
    /// they were: the point is only near the venue.
    pub fn approximate_location(&self) -> Option<&str> {
        self.extra.get(APPROXIMATE_LOCATION).and_then(|place| place.as_str())
    }

    /// The town: the most specific region, or the feed's `city`.
    pub fn town(&self) -> Option<String> {
        self.regions
            .last()
            .cloned()
            .or_else(|| self.extra.get("city").and_then(|city| city.as_str()).map(str::to_owned))
    }

    /// The words a text search looks in.
    pub fn search_words(&self) -> String {
        [
            Some(&self.name),
            self.location.as_ref(),
            self.address().as_ref(),
            self.notes.as_ref(),
            self.location_notes.as_ref(),
            self.home_group.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(self.regions.iter())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// One weekly occurrence of a meeting, as a finder result shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingListing {
    pub slug: String,
    pub name: String,
    pub group_slug: Option<String>,
    /// `None`: by appointment.
    pub day: Option<Weekday>,
    pub time: Option<MeetingTime>,
    pub end_time: Option<MeetingTime>,
    pub timezone: String,
    pub location: Option<String>,
    pub address: Option<String>,
    pub approximate: bool,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub conference_url: Option<String>,
    pub conference_phone: Option<String>,
    /// The town or most specific region, to show beside the venue.
    pub town: Option<String>,
    /// In upcoming order: minutes until it starts, negative when it started that long ago and is
    /// still in progress. `None` in schedule order.
    pub starts_in: Option<i32>,
    /// Kilometres from the `near` place, when one was asked for and the meeting has coordinates.
    pub distance_km: Option<f64>,
    /// When the listed occurrence starts (in upcoming or distance order), to the minute.
    pub starts_at: Option<jiff::Timestamp>,
}

/// The unit distances are shown in (`--distance-unit mi|km`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DistanceUnit {
    #[default]
    Mi,
    Km,
}

impl DistanceUnit {
    /// Kilometres in this unit.
    pub fn from_km(self, km: f64) -> f64 {
        match self {
            DistanceUnit::Mi => km / 1.609_344,
            DistanceUnit::Km => km,
        }
    }

    /// This unit in kilometres.
    pub fn to_km(self, distance: f64) -> f64 {
        match self {
            DistanceUnit::Mi => distance * 1.609_344,
            DistanceUnit::Km => distance,
        }
    }

    /// "mi" or "km", as printed after a number in `lang`.
    pub fn abbreviation(self, lang: Lang) -> &'static str {
        match self {
            DistanceUnit::Mi => lang.t("unit-mi"),
            DistanceUnit::Km => lang.t("unit-km"),
        }
    }
}

/// A page of finder results and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct FinderResults {
    pub total: u64,
    pub listings: Vec<MeetingListing>,
}

/// The vocabulary's language type codes (other than English) and their BCP 47 tags.
const LANGUAGES: [(&str, &str); 28] = [
    ("S", "es"),
    ("FR", "fr"),
    ("DE", "de"),
    ("POL", "pl"),
    ("POR", "pt"),
    ("RUS", "ru"),
    ("ITA", "it"),
    ("JA", "ja"),
    ("KOR", "ko"),
    ("AR", "ar"),
    ("FA", "fa"),
    ("HE", "he"),
    ("HI", "hi"),
    ("HU", "hu"),
    ("AF", "af"),
    ("DA", "da"),
    ("EL", "el"),
    ("FI", "fi"),
    ("IS", "is"),
    ("LT", "lt"),
    ("NL", "nl"),
    ("NO", "no"),
    ("PUN", "pa"),
    ("SK", "sk"),
    ("SV", "sv"),
    ("TH", "th"),
    ("TL", "tl"),
    ("ASL", "ase"),
];

/// The language tag of the first language type code among `codes` (`S` is Spanish, `FR` French, …).
pub fn language_of(codes: &[String]) -> Option<&'static str> {
    codes.iter().find_map(|code| LANGUAGES.iter().find(|(own, _)| own.eq_ignore_ascii_case(code)).map(|(_, tag)| *tag))
}

/// The vocabulary's type code of a language by its tag (`es` is `S`, `en` is `EN`), if it has one.
pub fn language_code(tag: &str) -> Option<&'static str> {
    let tag = tag.trim();
    if tag.eq_ignore_ascii_case("en") {
        return Some("EN");
    }
    LANGUAGES.iter().find(|(_, own)| own.eq_ignore_ascii_case(tag)).map(|(code, _)| *code)
}

/// Is this a plausible type code? Letters, digits, `-` and `_`, at most 12 characters.
pub fn is_type_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 12
        && code.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_zero_to_six_with_sunday_first() {
        assert_eq!(Weekday::parse("0").map(Weekday::name), Some("Sunday"));
        assert_eq!(Weekday::parse("6").map(Weekday::name), Some("Saturday"));
        assert_eq!(Weekday::parse("7"), None);
        assert_eq!(Weekday::parse("-1"), None);
    }

    #[test]
    fn times_parse_in_their_common_shapes_and_reject_nonsense() {
        assert_eq!(MeetingTime::parse("07:00").map(|t| t.to_string()), Some("07:00".into()));
        assert_eq!(MeetingTime::parse("7:05").map(|t| t.to_string()), Some("07:05".into()));
        assert_eq!(MeetingTime::parse("19:30:00").map(|t| t.to_string()), Some("19:30".into()));
        for bad in ["25:99", "24:00", "7", "ab:cd", "07:0", "", "07:00:00:00"] {
            assert_eq!(MeetingTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn twelve_hour_and_other_real_world_times_are_read() {
        let read = |text| MeetingTime::parse_lenient(text).map(|t| t.to_string());
        for (text, expected) in [
            ("7:00 PM", "19:00"),
            ("7 pm", "19:00"),
            ("7:00pm", "19:00"),
            ("7:30 p.m.", "19:30"),
            ("12:00 AM", "00:00"),
            ("12:15 am", "00:15"),
            ("12:00 PM", "12:00"),
            ("12 noon", "12:00"),
            ("Noon", "12:00"),
            ("midnight", "00:00"),
            ("11:59:00 PM", "23:59"),
            ("7:00", "07:00"),
            ("19:00:00", "19:00"),
        ] {
            assert_eq!(read(text).as_deref(), Some(expected), "{text}");
        }
        for bad in ["13:00 PM", "0:30 am", "7", "7:0 pm", "pm", "19h00", "7:00 xm", "seven pm"] {
            assert_eq!(MeetingTime::parse_lenient(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_names_are_read_in_any_case_when_they_name_one_day() {
        let read = |text| Weekday::from_name(text).map(Weekday::number);
        assert_eq!(read("Monday"), Some(1));
        assert_eq!(read("SUNDAY"), Some(0));
        assert_eq!(read("mon"), Some(1));
        assert_eq!(read("Tues"), Some(2));
        assert_eq!(read("th"), Some(4));
        assert_eq!(read("Sat."), Some(6));
        assert_eq!(read("M"), Some(1));
        assert_eq!(read("w"), Some(3));
        for ambiguous in ["t", "s", "", "Funday", "1"] {
            assert_eq!(read(ambiguous), None, "{ambiguous}");
        }
    }

    #[test]
    fn twelve_hour_times_read_naturally() {
        let show = |text| MeetingTime::parse(text).map(MeetingTime::twelve_hour);
        assert_eq!(show("00:00").as_deref(), Some("midnight"));
        assert_eq!(show("12:00").as_deref(), Some("noon"));
        assert_eq!(show("00:30").as_deref(), Some("12:30 am"));
        assert_eq!(show("19:05").as_deref(), Some("7:05 pm"));
    }

    #[test]
    fn a_meeting_declared_online_or_hybrid_with_no_way_to_join_is_not_taken_for_in_person() {
        let declared = |option: &str, address: Option<&str>| Meeting {
            formatted_address: address.map(str::to_owned),
            extra: serde_json::json!({"attendance_option": option}).as_object().cloned().unwrap_or_default(),
            ..Meeting::default()
        };
        assert_eq!(declared("online", Some("Berlin, Germany")).attendance(), Attendance::Online);
        assert_eq!(declared("hybrid", Some("Urbanstraße 21, Berlin")).attendance(), Attendance::Hybrid);
        assert_eq!(declared("hybrid", None).attendance(), Attendance::Online, "no venue: online");
        assert_eq!(declared("in_person", Some("1 Main St")).attendance(), Attendance::InPerson);
        let closed = Meeting { types: vec!["TC".into()], ..declared("hybrid", Some("1 Main St")) };
        assert_eq!(closed.attendance(), Attendance::Inactive, "a closed venue with no link stays inactive");
    }

    #[test]
    fn attendance_counts_phone_only_meetings_as_online_and_active() {
        assert_eq!(Attendance::derive(false, true, false), Attendance::Online);
        assert_eq!(Attendance::derive(true, true, false), Attendance::Hybrid);
        assert_eq!(Attendance::derive(true, false, true), Attendance::Inactive);
        assert_eq!(Attendance::derive(true, true, true), Attendance::Online);
        assert_eq!(Attendance::derive(true, false, false), Attendance::InPerson);
    }

    #[test]
    fn the_vocabulary_names_known_codes_and_keeps_unknown_ones() {
        let vocabulary = TypeVocabulary::embedded().expect("vocabulary parses");
        assert_eq!(vocabulary.name("O"), Some("Open"));
        assert_eq!(vocabulary.name("ONL"), Some("Online"));
        assert_eq!(vocabulary.label("NEWCOMER", Lang::DEFAULT), "NEWCOMER");
        let spanish = Lang::from_code("es").expect("Spanish");
        assert_eq!(vocabulary.label("O", spanish), "Abierta", "type names come in the page's language");
        assert_eq!(vocabulary.label("O", Lang::DEFAULT), "Open");
        assert_eq!(vocabulary.name("o"), Some("Open"));
        assert_eq!(vocabulary.canonical("12X12"), Some("12x12"));
    }
}
