//! Meeting data in and out: the Meeting Guide JSON feed (the field's interchange format), the
//! reader's results (meetings, warnings, errors) and the feed writer. Reading is lenient about
//! shapes real feeds use, says so in warnings, and is strict about values; every bad record is
//! reported by position and slug, and nothing is returned unless every record is good.

use std::collections::HashSet;
use std::fmt;
use std::ops::ControlFlow;

use serde_json::{Map, Value, json};

use crate::meetings::Meeting;

pub mod csv;
pub mod format;
pub mod ics;
mod reader;
pub mod text;

pub use format::{ExportFormat, SourceFormat};
pub use reader::{
    MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_REGIONS, MAX_TEXT_CHARS, RecordStream, collect_records, lines_of, zone_at,
};

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

/// What the reader needs besides the file: where a feed leaves a value out, which groups exist,
/// and whether warnings are errors.
#[derive(Debug, Clone, Default)]
pub struct FeedDefaults {
    /// The site's zone: the last resort for a meeting whose record, coordinates and import give
    /// none, and then with a warning naming the record.
    pub timezone: String,
    /// The zone named for this import or source (`import --timezone`): used before the site's
    /// zone, after the record's own zone and its coordinates.
    pub import_timezone: Option<String>,
    /// The fellowship for meetings that do not name one.
    pub group_slug: Option<String>,
    /// The group slugs that exist; a record naming another is an error. `None`: not checked.
    pub known_groups: Option<HashSet<String>>,
    /// Every warning is an error (`import --strict`).
    pub strict: bool,
    /// Fields a person typed into a form: a control character in one is an error naming the
    /// field. In any other field (a feed's, or a stored value the form does not show) it is
    /// removed, with a warning.
    pub typed_fields: HashSet<String>,
    /// A BMLT source's change form (`source add --change-form`): its meetings' `feedback_url`.
    pub change_form: Option<String>,
}

impl FeedDefaults {
    /// Defaults with only the site's zone set.
    pub fn new(site_timezone: impl Into<String>) -> FeedDefaults {
        FeedDefaults { timezone: site_timezone.into(), ..FeedDefaults::default() }
    }
}

/// One bad record: its 1-based position in the file, its slug if it had one, the field and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    pub position: usize,
    pub slug: Option<String>,
    pub field: String,
    pub reason: String,
}

/// A record error or warning's lines show what a file said with its control characters escaped
/// (see [`text::escaped`]): a value cannot forge a line or send a terminal escape.
impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_record(f, self.position, self.slug.as_deref(), &self.field)?;
        write!(f, "{}", text::escaped(&self.reason))
    }
}

/// `record 3 (slug "a"): field: `.
fn write_record(f: &mut fmt::Formatter<'_>, position: usize, slug: Option<&str>, field: &str) -> fmt::Result {
    write!(f, "record {position}")?;
    if let Some(slug) = slug {
        write!(f, " (slug \"{}\")", text::escaped(slug))?;
    }
    write!(f, ": {}: ", text::escaped(field))
}

/// A value read by interpretation: the record, the field, what the file said and what we took it as.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordWarning {
    pub position: usize,
    pub slug: Option<String>,
    pub field: String,
    /// What the file had, as written (JSON for values that are not text).
    pub read: String,
    /// What it became.
    pub became: String,
}

impl fmt::Display for RecordWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_record(f, self.position, self.slug.as_deref(), &self.field)?;
        write!(f, "read {}, took it as {}", text::escaped(&self.read), text::escaped(&self.became))
    }
}

impl RecordWarning {
    pub fn new(position: usize, slug: Option<String>, field: &str, read: String, became: String) -> RecordWarning {
        RecordWarning { position, slug, field: field.into(), read, became }
    }

    /// The warning as the error `--strict` makes of it.
    pub fn into_strict_error(self) -> RecordError {
        RecordError {
            reason: format!("read {}, would take it as {} (strict: no warnings allowed)", self.read, self.became),
            position: self.position,
            slug: self.slug,
            field: self.field,
        }
    }
}

/// A file read without errors: its meetings and what was read by interpretation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedRead {
    pub meetings: Vec<Meeting>,
    pub warnings: Vec<RecordWarning>,
}

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("the file is not UTF-8 text ({0}); save it as UTF-8 JSON or CSV")]
    NotText(String),
    #[error("the file is not a meeting feed: {0}")]
    Malformed(String),
    #[error("{} bad record(s):\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Records(Vec<RecordError>),
}

/// Reads a Meeting Guide JSON feed (one array of meeting objects).
pub fn parse_meeting_guide(bytes: &[u8], defaults: &FeedDefaults) -> Result<FeedRead, FeedError> {
    let mut stream = RecordStream::new(defaults);
    let mut meetings = Vec::new();
    each_record(serde_json::Deserializer::from_slice(bytes), &mut |record| {
        meetings.extend(stream.read(record));
        ControlFlow::Continue(())
    })?;
    stream.finish(meetings)
}

/// Calls `each` with every record of a Meeting Guide JSON array read from `reader`, one at a
/// time as it is read (an element that is not an object is an `Err` naming that): memory holds
/// one record, never the file. `each` may stop the reading (`Break`); the rest is not read.
pub fn each_meeting_guide_record(
    reader: impl std::io::Read,
    each: &mut dyn FnMut(Result<Map<String, Value>, String>) -> ControlFlow<()>,
) -> Result<(), FeedError> {
    each_record(serde_json::Deserializer::from_reader(reader), each)
}

fn each_record<'de, R: serde_json::de::Read<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
    each: &mut dyn FnMut(Result<Map<String, Value>, String>) -> ControlFlow<()>,
) -> Result<(), FeedError> {
    /// The array's visitor: hands each element on as it is read.
    struct Records<'f> {
        each: &'f mut dyn FnMut(Result<Map<String, Value>, String>) -> ControlFlow<()>,
        stopped: bool,
    }
    impl<'de> serde::de::Visitor<'de> for &mut Records<'_> {
        type Value = ();

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a JSON array of meetings")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut elements: A) -> Result<(), A::Error> {
            while let Some(element) = elements.next_element::<Value>()? {
                let record = match element {
                    Value::Object(object) => Ok(object),
                    _ => Err("expected an object".to_owned()),
                };
                if (self.each)(record).is_break() {
                    self.stopped = true;
                    // What follows is not read: the caller asked to stop.
                    return Err(serde::de::Error::custom("stopped"));
                }
            }
            Ok(())
        }
    }
    let mut records = Records { each, stopped: false };
    let read = serde::Deserializer::deserialize_seq(&mut deserializer, &mut records).and_then(|()| deserializer.end());
    match read {
        Err(_) if records.stopped => Ok(()),
        Err(error) => Err(FeedError::Malformed(error.to_string())),
        Ok(()) => Ok(()),
    }
}

/// Reads a feed in either format: JSON when the content starts with `[`, CSV otherwise.
/// A file that is not UTF-8 text (UTF-16, a spreadsheet, an image) is refused as such.
pub fn parse_any(bytes: &[u8], defaults: &FeedDefaults) -> Result<FeedRead, FeedError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    check_text(text)?;
    match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => parse_meeting_guide(text, defaults),
        Some(_) => csv::parse_csv(text, defaults),
        None => Err(FeedError::Malformed("the file is empty".to_owned())),
    }
}

/// UTF-8 text, or what it looks like instead. A stray NUL in UTF-8 text (a cell of an export
/// written before the reader removed control characters) is left for the reader to remove, with a
/// warning; zero bytes in every other place are UTF-16 without its mark.
fn check_text(bytes: &[u8]) -> Result<(), FeedError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FeedError::NotText("it is UTF-16".to_owned()));
    }
    if bytes.contains(&0)
        && (bytes.iter().skip(1).step_by(2).take(64).all(|byte| *byte == 0)
            || bytes.iter().step_by(2).take(64).all(|byte| *byte == 0))
    {
        return Err(FeedError::NotText("it looks like UTF-16".to_owned()));
    }
    std::str::from_utf8(bytes)
        .map(|_| ())
        .map_err(|error| FeedError::NotText(format!("no UTF-8 character at byte {}", error.valid_up_to())))
}

/// Fields a feed may carry that identify a person or lead to a private admin page: kept in the
/// store and in the staff's CLI `export`, never in public feeds, pages or calendars. (`author` is
/// the WordPress account that entered the meeting, often a person's e-mail address; `edit_url` its
/// wp-admin page; `mailing_address` often a member's home; `last_contact` the office's notes.)
pub const STAFF_ONLY_FIELDS: [&str; 4] = ["author", "edit_url", "mailing_address", "last_contact"];

/// A meeting as the public may see it. Members are anonymous: a contact is shown by first name only
/// (`contact_1_name: "Dana S."` becomes `"Dana"`), and contacts' e-mail addresses and phone
/// numbers, which often carry a full name, are left out; so are [`STAFF_ONLY_FIELDS`] and any
/// field whose value is a link into a WordPress admin area (`/wp-admin/`). The CLI export keeps
/// what the import took.
pub fn for_the_public(meeting: &mut Meeting) {
    let private = |key: &str, value: &Value| {
        (key.starts_with("contact_") && (key.ends_with("_email") || key.ends_with("_phone")))
            || STAFF_ONLY_FIELDS.contains(&key)
            || value.as_str().is_some_and(|text| text.contains("/wp-admin/"))
    };
    meeting.extra.retain(|key, value| !private(key, value));
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
        FeedDefaults { group_slug: Some("alcoholics-anonymous".into()), ..FeedDefaults::new("America/Chicago") }
    }

    #[test]
    fn the_shared_sample_feed_reads_in_all_its_shapes() {
        let bytes = include_bytes!("../../tests/fixtures/sample-feed.json");
        let meetings = parse_meeting_guide(bytes, &defaults()).expect("sample feed parses").meetings;
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
        assert_eq!(parse_meeting_guide(feed, &defaults()).expect("parses").meetings[0].timezone, "America/New_York");
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
    fn records_are_handed_over_as_they_are_read_before_the_array_ends() {
        /// The start of a feed, then a failure: a reader of the whole file would see no record.
        struct Truncated(std::io::Cursor<&'static [u8]>);
        impl std::io::Read for Truncated {
            fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
                match self.0.read(buffer)? {
                    0 => Err(std::io::Error::other("the connection dropped")),
                    read => Ok(read),
                }
            }
        }
        let start = br#"[{"name": "A", "slug": "a", "day": 1, "time": "07:00"}, 7, {"name": "B", "sl"#;
        let mut seen = Vec::new();
        let read = each_meeting_guide_record(Truncated(std::io::Cursor::new(start)), &mut |record| {
            seen.push(record.map(|object| object["slug"].clone()));
            ControlFlow::Continue(())
        });
        assert!(matches!(read, Err(FeedError::Malformed(_))), "{read:?}");
        assert_eq!(seen, [Ok(json!("a")), Err("expected an object".to_owned())]);
        // Asked to stop, the reader stops there: the rest is never read.
        let mut count = 0;
        let whole = br#"[{"slug": "a"}, {"slug": "b"}, {"slug": "c"}]"#;
        each_meeting_guide_record(whole.as_slice(), &mut |_| {
            count += 1;
            if count == 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        })
        .expect("stopping is not an error");
        assert_eq!(count, 2);
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
        let meetings = parse_meeting_guide(feed, &defaults()).expect("parses").meetings;
        let exported = to_meeting_guide(&meetings[0]);
        assert_eq!(exported["venmo"], json!("@a"));
        assert_eq!(exported["contact_1_name"], json!("Sam"));
        assert_eq!(exported["day"], json!([1, 3]));
        let again = parse_meeting_guide(&serde_json::to_vec(&json!([exported])).expect("json"), &defaults());
        assert_eq!(again.expect("round trip").meetings.remove(0), meetings[0]);
    }
}
