//! Meeting data in and out: the Meeting Guide JSON feed (the field's interchange format). Reading
//! is lenient about shapes real feeds use and strict about values; every bad record is reported
//! by position and slug, and nothing is returned unless every record is good.

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value, json};

use crate::meetings::{Meeting, MeetingTime, Weekday, is_type_code};

pub mod csv;
pub mod ics;

/// Fields the Meeting Guide format defines that we read into [`Meeting`]; any other field is kept
/// verbatim in `Meeting::extra`.
pub(crate) const MODELED: [&str; 22] = [
    "name",
    "slug",
    "fellowship",
    "day",
    "time",
    "end_time",
    "timezone",
    "types",
    "location",
    "formatted_address",
    "approximate",
    "latitude",
    "longitude",
    "regions",
    "conference_url",
    "conference_url_notes",
    "conference_phone",
    "conference_phone_notes",
    "notes",
    "location_notes",
    "group",
    "updated",
];

/// Where a feed leaves a value out.
#[derive(Debug, Clone)]
pub struct FeedDefaults {
    /// The site's zone, for meetings without `timezone`.
    pub timezone: String,
    /// The fellowship for meetings that do not name one.
    pub group_slug: Option<String>,
}

/// One bad record: its 1-based position in the file, its slug if it had one, the field and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    pub position: usize,
    pub slug: Option<String>,
    pub field: String,
    pub reason: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.position)?;
        if let Some(slug) = &self.slug {
            write!(f, " (slug \"{slug}\")")?;
        }
        write!(f, ": {}: {}", self.field, self.reason)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("the file is not a meeting feed: {0}")]
    Malformed(String),
    #[error("{} bad record(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Records(Vec<RecordError>),
}

/// Reads a Meeting Guide JSON feed (one array of meeting objects).
pub fn parse_meeting_guide(bytes: &[u8], defaults: &FeedDefaults) -> Result<Vec<Meeting>, FeedError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| FeedError::Malformed(error.to_string()))?;
    let Value::Array(records) = value else {
        return Err(FeedError::Malformed("expected a JSON array of meetings".to_owned()));
    };
    let objects = records.into_iter().map(|record| match record {
        Value::Object(object) => Ok(object),
        _ => Err("expected an object".to_owned()),
    });
    collect_records(objects, defaults)
}

/// Validates records (objects of feed fields) into meetings, or lists every bad one.
pub fn collect_records(
    records: impl Iterator<Item = Result<Map<String, Value>, String>>,
    defaults: &FeedDefaults,
) -> Result<Vec<Meeting>, FeedError> {
    let mut meetings = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in records.enumerate() {
        let position = index + 1;
        let object = match record {
            Ok(object) => object,
            Err(reason) => {
                errors.push(RecordError { position, slug: None, field: "record".into(), reason });
                continue;
            }
        };
        let mut reader = RecordReader { position, slug: None, errors: Vec::new() };
        let meeting = reader.meeting(object, defaults);
        if let Some(slug) = &reader.slug
            && !seen.insert(slug.clone())
        {
            reader.fail("slug", "appears twice in the file".into());
        }
        if reader.errors.is_empty() {
            meetings.push(meeting);
        }
        errors.append(&mut reader.errors);
    }
    if errors.is_empty() { Ok(meetings) } else { Err(FeedError::Records(errors)) }
}

/// Reads one record, collecting every problem rather than stopping at the first.
struct RecordReader {
    position: usize,
    slug: Option<String>,
    errors: Vec<RecordError>,
}

impl RecordReader {
    fn fail(&mut self, field: &str, reason: String) {
        self.errors.push(RecordError { position: self.position, slug: self.slug.clone(), field: field.into(), reason });
    }

    fn meeting(&mut self, mut object: Map<String, Value>, defaults: &FeedDefaults) -> Meeting {
        let slug = match object.get("slug") {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Some(Value::Number(number)) if number.is_u64() => Some(number.to_string()),
            _ => None,
        };
        self.slug = slug.clone();
        match &slug {
            None => self.fail("slug", "is missing (every meeting needs a unique slug)".into()),
            Some(slug)
                if !slug.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_') || slug.len() > 255 =>
            {
                self.fail("slug", "must be letters, digits, hyphens and underscores only".into())
            }
            Some(_) => {}
        }
        let name = self.text(&object, "name").unwrap_or_default();
        if name.is_empty() {
            self.fail("name", "is missing".into());
        } else if name.chars().count() > 255 {
            self.fail("name", "is longer than 255 characters".into());
        }
        let days = self.days(object.get("day"));
        let time = self.time(&object, "time");
        let end_time = self.time(&object, "end_time");
        if !days.is_empty() && time.is_none() && self.errors.iter().all(|e| e.field != "time") {
            self.fail("time", "is missing for a meeting that has a day".into());
        }
        let given = self.text(&object, "timezone").unwrap_or_else(|| defaults.timezone.clone());
        // Stored under its canonical IANA name ("america/chicago" becomes "America/Chicago").
        let timezone = match jiff::tz::TimeZone::get(&given) {
            Ok(zone) if !zone.is_unknown() => zone.iana_name().unwrap_or(&given).to_owned(),
            _ => {
                self.fail("timezone", format!("\"{given}\" is not an IANA time zone (like America/Chicago)"));
                given
            }
        };
        let types = self.types(object.get("types"));
        let group_slug = self.text(&object, "fellowship").or_else(|| defaults.group_slug.clone());
        let latitude = self.coordinate(&object, "latitude", 90.0);
        let longitude = self.coordinate(&object, "longitude", 180.0);
        let approximate = match object.get("approximate") {
            Some(Value::String(text)) => text.eq_ignore_ascii_case("yes") || text == "1" || text == "true",
            Some(Value::Bool(flag)) => *flag,
            _ => false,
        };
        let regions = match object.get("regions") {
            Some(Value::Array(items)) => items.iter().filter_map(|item| item.as_str()).map(str::to_owned).collect(),
            _ => ["region", "sub_region"]
                .iter()
                .filter_map(|key| object.get(*key)?.as_str())
                .map(str::to_owned)
                .collect(),
        };
        let meeting = Meeting {
            slug: slug.unwrap_or_default(),
            name,
            group_slug,
            days,
            time,
            end_time,
            timezone,
            types,
            location: self.text(&object, "location"),
            formatted_address: self.text(&object, "formatted_address"),
            approximate,
            latitude,
            longitude,
            regions,
            conference_url: self.text(&object, "conference_url"),
            conference_url_notes: self.text(&object, "conference_url_notes"),
            conference_phone: self.text(&object, "conference_phone"),
            conference_phone_notes: self.text(&object, "conference_phone_notes"),
            notes: self.text(&object, "notes"),
            location_notes: self.text(&object, "location_notes"),
            home_group: self.text(&object, "group"),
            updated: self.text(&object, "updated"),
            extra: Map::new(),
        };
        if let Some(url) = &meeting.conference_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            self.fail("conference_url", "must start with https://".into());
        }
        for key in MODELED {
            object.remove(key);
        }
        // A feed's attendance_option that says what we derive anyway is not kept twice.
        if object.get("attendance_option").and_then(Value::as_str) == Some(meeting.attendance().as_str()) {
            object.remove("attendance_option");
        }
        Meeting { extra: object, ..meeting }
    }

    /// A string field: trimmed, `None` when absent, null or empty. Numbers are taken as text.
    fn text(&mut self, object: &Map<String, Value>, field: &str) -> Option<String> {
        match object.get(field)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            Value::Number(number) => Some(number.to_string()),
            Value::Null => None,
            _ => {
                self.fail(field, "must be text".into());
                None
            }
        }
    }

    fn days(&mut self, value: Option<&Value>) -> Vec<Weekday> {
        let values: Vec<&Value> = match value {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(single) => vec![single],
        };
        let mut days = Vec::new();
        for value in values {
            let day = match value {
                Value::Number(number) => number.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Weekday::new),
                Value::String(text) => Weekday::parse(text),
                _ => None,
            };
            match day {
                Some(day) if !days.contains(&day) => days.push(day),
                Some(_) => {}
                None => self.fail("day", format!("{value} is not a day (0 = Sunday to 6 = Saturday)")),
            }
        }
        days.sort();
        days
    }

    fn time(&mut self, object: &Map<String, Value>, field: &str) -> Option<MeetingTime> {
        let text = self.text(object, field)?;
        let time = MeetingTime::parse(&text);
        if time.is_none() {
            self.fail(field, format!("\"{text}\" is not a time (HH:MM, 24-hour)"));
        }
        time
    }

    fn types(&mut self, value: Option<&Value>) -> Vec<String> {
        let codes: Vec<String> = match value {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(code) => code.trim().to_owned(),
                    other => other.to_string(),
                })
                .collect(),
            Some(Value::String(text)) => text.split(',').map(|code| code.trim().to_owned()).collect(),
            Some(_) => {
                self.fail("types", "must be a list of type codes".into());
                return Vec::new();
            }
        };
        let mut kept = Vec::new();
        for code in codes.into_iter().filter(|code| !code.is_empty()) {
            if !is_type_code(&code) {
                self.fail("types", format!("\"{code}\" is not a type code"));
            } else if !kept.contains(&code) {
                kept.push(code);
            }
        }
        kept
    }

    fn coordinate(&mut self, object: &Map<String, Value>, field: &str, limit: f64) -> Option<f64> {
        let number = match object.get(field)? {
            Value::Number(number) => number.as_f64(),
            Value::String(text) if text.trim().is_empty() => return None,
            Value::String(text) => text.trim().parse::<f64>().ok(),
            Value::Null => return None,
            _ => None,
        };
        match number {
            Some(number) if number.is_finite() && number.abs() <= limit => Some(number),
            _ => {
                self.fail(field, format!("must be a number from -{limit} to {limit}"));
                None
            }
        }
    }
}

/// Reads a feed in either format: JSON when the content starts with `[`, CSV otherwise.
pub fn parse_any(
    bytes: &[u8],
    defaults: &FeedDefaults,
    vocabulary: &crate::meetings::TypeVocabulary,
) -> Result<Vec<Meeting>, FeedError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => parse_meeting_guide(text, defaults),
        Some(_) => csv::parse_csv(text, defaults, vocabulary),
        None => Err(FeedError::Malformed("the file is empty".to_owned())),
    }
}

/// Members are anonymous: on the public site a contact is shown by first name only
/// (`contact_1_name: "Dana S."` becomes `"Dana"`), and contacts' e-mail addresses and phone
/// numbers, which often carry a full name, are left out. The CLI export keeps what the import took.
pub fn anonymise_contacts(meeting: &mut Meeting) {
    let private = |key: &str| key.starts_with("contact_") && (key.ends_with("_email") || key.ends_with("_phone"));
    meeting.extra.retain(|key, _| !private(key));
    for (key, value) in meeting.extra.iter_mut() {
        if key.starts_with("contact_")
            && key.ends_with("_name")
            && let Some(name) = value.as_str()
        {
            *value = Value::String(name.split_whitespace().next().unwrap_or_default().to_owned());
        }
    }
}

/// Meetings as a Meeting Guide feed: a JSON array.
pub fn write_meeting_guide(meetings: &[Meeting]) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(&meetings.iter().map(to_meeting_guide).collect::<Vec<_>>())
}

/// One meeting as a Meeting Guide feed object: the modeled fields, our `fellowship`, and every
/// field the import kept, verbatim.
pub fn to_meeting_guide(meeting: &Meeting) -> Value {
    let mut object = Map::new();
    let mut put = |key: &str, value: Value| {
        if !value.is_null() {
            object.insert(key.to_owned(), value);
        }
    };
    put("name", json!(meeting.name));
    put("slug", json!(meeting.slug));
    put("fellowship", json!(meeting.group_slug));
    match meeting.days.as_slice() {
        [] => {}
        [day] => put("day", json!(day.number())),
        days => put("day", json!(days.iter().map(|day| day.number()).collect::<Vec<_>>())),
    }
    put("time", json!(meeting.time.map(|t| t.to_string())));
    put("end_time", json!(meeting.end_time.map(|t| t.to_string())));
    put("timezone", json!(meeting.timezone));
    put("types", json!(meeting.types));
    put("location", json!(meeting.location));
    put("formatted_address", json!(meeting.formatted_address));
    if meeting.approximate {
        put("approximate", json!("yes"));
    }
    put("latitude", json!(meeting.latitude));
    put("longitude", json!(meeting.longitude));
    if !meeting.regions.is_empty() && !meeting.extra.contains_key("region") {
        put("regions", json!(meeting.regions));
    }
    put("conference_url", json!(meeting.conference_url));
    put("conference_url_notes", json!(meeting.conference_url_notes));
    put("conference_phone", json!(meeting.conference_phone));
    put("conference_phone_notes", json!(meeting.conference_phone_notes));
    put("notes", json!(meeting.notes));
    put("location_notes", json!(meeting.location_notes));
    put("group", json!(meeting.home_group));
    put("updated", json!(meeting.updated));
    if !meeting.extra.contains_key("attendance_option") {
        put("attendance_option", json!(meeting.attendance().as_str()));
    }
    for (key, value) in &meeting.extra {
        object.entry(key.clone()).or_insert_with(|| value.clone());
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> FeedDefaults {
        FeedDefaults { timezone: "America/Chicago".into(), group_slug: Some("alcoholics-anonymous".into()) }
    }

    #[test]
    fn the_shared_sample_feed_reads_in_all_its_shapes() {
        let bytes = include_bytes!("../../tests/fixtures/sample-feed.json");
        let meetings = parse_meeting_guide(bytes, &defaults()).expect("sample feed parses");
        let by_slug = |slug: &str| meetings.iter().find(|m| m.slug == slug).expect(slug);
        let womens = by_slug("4012");
        assert_eq!(womens.days.iter().map(|d| d.number()).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(womens.latitude, Some(45.0988));
        assert_eq!(womens.timezone, "America/Chicago");
        assert!(by_slug("newcomer-chat").is_by_appointment());
        assert_eq!(by_slug("lakeside-morning-reflections").extra.get("venmo"), Some(&json!("@lakeside-aa")));
        assert_eq!(by_slug("noon-online-discussion").attendance(), crate::meetings::Attendance::Online);
        assert_eq!(by_slug("tuesday-big-book").attendance(), crate::meetings::Attendance::Inactive);
        assert_eq!(by_slug("saturday-hybrid-speaker").attendance(), crate::meetings::Attendance::Hybrid);
    }

    #[test]
    fn every_bad_record_is_named_with_its_field() {
        let feed = br#"[
            {"name": "Good", "slug": "good", "day": 1, "time": "19:00"},
            {"name": "Bad day", "slug": "bad-day", "day": 9, "time": "19:00"},
            {"name": "Bad time", "slug": "bad-time", "day": 1, "time": "25:99"},
            {"slug": "no-name", "day": 1, "time": "19:00"},
            {"name": "Twice", "slug": "good", "day": 2, "time": "19:00"},
            42
        ]"#;
        let Err(FeedError::Records(errors)) = parse_meeting_guide(feed, &defaults()) else { panic!("must fail") };
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].starts_with("record 2 (slug \"bad-day\"): day:"), "{lines:?}");
        assert!(lines[1].contains("record 3") && lines[1].contains("25:99"), "{lines:?}");
        assert!(lines[2].contains("record 4") && lines[2].contains("name"), "{lines:?}");
        assert!(lines[3].contains("record 5") && lines[3].contains("twice"), "{lines:?}");
        assert!(lines[4].starts_with("record 6:"), "{lines:?}");
    }

    #[test]
    fn zones_are_stored_by_their_canonical_name_and_slugs_must_be_url_safe() {
        let feed = br#"[{"name": "A", "slug": "a", "day": 1, "time": "07:00", "timezone": "america/new_york"}]"#;
        assert_eq!(parse_meeting_guide(feed, &defaults()).expect("parses")[0].timezone, "America/New_York");
        for (slug, zone) in [
            ("x.ics", "America/Chicago"),
            ("..", "America/Chicago"),
            ("café", "America/Chicago"),
            ("ok", "Etc/Unknown"),
        ] {
            let feed =
                format!(r#"[{{"name": "A", "slug": "{slug}", "day": 1, "time": "07:00", "timezone": "{zone}"}}]"#);
            assert!(parse_meeting_guide(feed.as_bytes(), &defaults()).is_err(), "{slug} {zone}");
        }
    }

    #[test]
    fn a_file_that_is_not_json_is_malformed() {
        assert!(matches!(parse_meeting_guide(b"name,slug\n", &defaults()), Err(FeedError::Malformed(_))));
        assert!(matches!(parse_meeting_guide(b"{}", &defaults()), Err(FeedError::Malformed(_))));
    }

    #[test]
    fn export_gives_back_the_fields_we_do_not_model() {
        let feed =
            br#"[{"name": "A", "slug": "a", "day": [1, 3], "time": "07:00", "venmo": "@a", "contact_1_name": "Sam"}]"#;
        let meetings = parse_meeting_guide(feed, &defaults()).expect("parses");
        let exported = to_meeting_guide(&meetings[0]);
        assert_eq!(exported["venmo"], json!("@a"));
        assert_eq!(exported["contact_1_name"], json!("Sam"));
        assert_eq!(exported["day"], json!([1, 3]));
        let again = parse_meeting_guide(&serde_json::to_vec(&json!([exported])).expect("json"), &defaults());
        assert_eq!(again.expect("round trip").remove(0), meetings[0]);
    }
}
