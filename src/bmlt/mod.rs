//! BMLT (bmlt-server, the "Basic Meeting List Toolbox" Narcotics Anonymous runs on), both ways:
//! `read` turns a root server's semantic JSON (`GetSearchResults`, `GetFormats`,
//! `GetServiceBodies`) into the Meeting Guide records the one lenient reader takes (so limits,
//! zones and warnings are the feed's), `fetch` asks a root server for them, and `serve` answers
//! the semantic interface's read-only core from memory. The mapping between BMLT's formats and
//! the Meeting Guide vocabulary is defined here, once, for both directions.

pub mod fetch;
pub mod read;
pub mod serve;

pub use fetch::fetch;
pub use read::read;

/// The group a BMLT source's meetings belong to when `source add` names none.
pub const DEFAULT_GROUP: &str = "narcotics-anonymous";

/// BMLT formats by their NAWS code (`world_id`) and the Meeting Guide type codes each becomes.
/// Read in this order; written back (our code → world id) by the first entry giving that code
/// alone. `VM` and `HYBR` say how people attend, which `venue_type` says too: they are read only
/// where a server sends no `venue_type`. `LANG` formats become the vocabulary's language codes
/// by their key (`de`, `es`). Every other world id (and a format without one) has no Meeting
/// Guide counterpart and is kept, by its name, in the meeting's `bmlt_formats`.
pub const WORLD_IDS: [(&str, &[&str]); 27] = [
    ("OPEN", &["O"]),
    ("CLOSED", &["C"]),
    ("WCHR", &["X"]),
    ("BEG", &["BE"]),
    ("DISC", &["D"]),
    ("SPK", &["SP"]),
    ("S-D", &["SP", "D"]),
    ("STEP", &["ST"]),
    ("SWG", &["ST"]),
    ("TRAD", &["TR"]),
    ("GP", &["TR"]),
    ("LIT", &["LIT"]),
    ("BT", &["LIT"]),
    ("IW", &["LIT"]),
    ("JFT", &["LIT"]),
    ("LC", &["LIT"]),
    ("SPAD", &["LIT"]),
    ("MED", &["MED"]),
    ("GL", &["LGBTQ"]),
    ("W", &["W"]),
    ("M", &["M"]),
    ("Y", &["Y"]),
    ("CAN", &["CAN"]),
    ("TC", &["TC"]),
    ("SMOK", &["SM"]),
    ("CW", &["CF"]),
    ("NC", &[]),
];

/// The Meeting Guide codes of a NAWS world id; `None` when it has no counterpart.
pub fn codes_of_world_id(world_id: &str) -> Option<&'static [&'static str]> {
    WORLD_IDS
        .iter()
        .find(|(own, _)| own.eq_ignore_ascii_case(world_id.trim()))
        .map(|(_, codes)| *codes)
        .filter(|codes| !codes.is_empty())
}

/// The NAWS world id a Meeting Guide code is written back as (`O` → `OPEN`), if any.
pub fn world_id_of_code(code: &str) -> Option<&'static str> {
    WORLD_IDS.iter().find(|(_, codes)| matches!(codes, [own] if own.eq_ignore_ascii_case(code))).map(|(id, _)| *id)
}

/// BMLT's `venue_type`: 1 in person, 2 virtual, 3 hybrid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VenueType {
    InPerson = 1,
    Virtual = 2,
    Hybrid = 3,
}

impl VenueType {
    pub fn parse(text: &str) -> Option<VenueType> {
        match text.trim() {
            "1" => Some(VenueType::InPerson),
            "2" => Some(VenueType::Virtual),
            "3" => Some(VenueType::Hybrid),
            _ => None,
        }
    }

    /// The venue type of one of our meetings' attendance (a temporarily closed one is in person:
    /// its `TC` format says it is closed).
    pub fn of(attendance: crate::meetings::Attendance) -> VenueType {
        use crate::meetings::Attendance;
        match attendance {
            Attendance::Online => VenueType::Virtual,
            Attendance::Hybrid => VenueType::Hybrid,
            Attendance::InPerson | Attendance::Inactive => VenueType::InPerson,
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

/// BMLT writes a weekday as 1 = Sunday … 7 = Saturday; ours is 0 = Sunday.
pub fn weekday_from_bmlt(text: &str) -> Option<crate::meetings::Weekday> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|day| (1..=7).contains(day))
        .and_then(|day| crate::meetings::Weekday::new(day - 1))
}

pub fn weekday_to_bmlt(day: crate::meetings::Weekday) -> u8 {
    day.number() + 1
}

/// `HH:MM:SS` (or `HH:MM`) as minutes; hours may pass 23 in a duration (`24:00:00`).
pub fn minutes_of(text: &str) -> Option<u32> {
    let mut parts = text.trim().split(':');
    let hours: u32 = parts.next()?.parse().ok()?;
    let minutes: u32 = parts.next()?.parse().ok().filter(|minutes| *minutes < 60)?;
    match parts.next() {
        Some(seconds) => seconds.parse::<u32>().ok().filter(|seconds| *seconds < 60)?,
        None => 0,
    };
    parts.next().is_none().then_some(hours * 60 + minutes)
}

/// Minutes as BMLT's `HH:MM:SS`.
pub fn hh_mm_ss(minutes: u32) -> String {
    format!("{:02}:{:02}:00", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_ids_map_to_codes_and_codes_back_to_one_world_id() {
        assert_eq!(codes_of_world_id("OPEN"), Some(&["O"][..]));
        assert_eq!(codes_of_world_id("wchr"), Some(&["X"][..]));
        assert_eq!(codes_of_world_id("S-D"), Some(&["SP", "D"][..]));
        assert_eq!(codes_of_world_id("NC"), None, "no children has no Meeting Guide code");
        assert_eq!(codes_of_world_id(""), None);
        assert_eq!(world_id_of_code("O"), Some("OPEN"));
        assert_eq!(world_id_of_code("LIT"), Some("LIT"), "the first world id giving LIT alone");
        assert_eq!(world_id_of_code("ST"), Some("STEP"));
        assert_eq!(world_id_of_code("B"), None);
        for (world_id, codes) in WORLD_IDS {
            if let [code] = codes {
                let back = world_id_of_code(code).expect("every single code goes back");
                assert_eq!(codes_of_world_id(back), Some(codes), "{world_id}");
            }
        }
    }

    #[test]
    fn weekdays_times_and_durations_read_as_bmlt_writes_them() {
        assert_eq!(weekday_from_bmlt("1").map(|day| day.number()), Some(0), "1 is Sunday");
        assert_eq!(weekday_from_bmlt("7").map(|day| day.number()), Some(6));
        assert_eq!(weekday_from_bmlt("0"), None);
        assert_eq!(weekday_from_bmlt("8"), None);
        assert_eq!(minutes_of("19:30:00"), Some(19 * 60 + 30));
        assert_eq!(minutes_of("01:30"), Some(90));
        assert_eq!(minutes_of("24:00:00"), Some(1440));
        assert_eq!(minutes_of("7 pm"), None);
        assert_eq!(minutes_of("19:75:00"), None);
        assert_eq!(hh_mm_ss(90), "01:30:00");
    }
}
