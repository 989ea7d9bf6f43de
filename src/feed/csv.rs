//! Meetings as CSV. Reads the TSML plugin's column names and our own export's, turning each row
//! into a feed object for the one record reader (which reads `Day` as a name, `Time` as `7:00 PM`
//! and `Types` as names, with warnings); writes a column for every field we keep, so a
//! spreadsheet round trip loses nothing. A text cell that a spreadsheet would take for a formula
//! (it starts with `=`, `+`, `-`, `@`, a tab or a CR) is written with a leading `'`, OWASP's rule,
//! which the reader takes off again (see [`guarded`]); number cells (coordinates like -117.98)
//! are written as they are.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::reader::lines_of;
use super::text;
use super::{FeedDefaults, FeedError, FeedRead, MODELED, collect_records, to_meeting_guide};
use crate::meetings::{Meeting, MeetingTime, Weekday};

/// Columns after the modeled fields: feed fields that are text but that we derive or keep verbatim.
const TEXT_COLUMNS: [&str; 8] =
    ["attendance_option", "region", "sub_region", "address", "city", "state", "postal_code", "country"];

/// Reads a CSV file of meetings (header row first).
pub fn parse_csv(bytes: &[u8], defaults: &FeedDefaults) -> Result<FeedRead, FeedError> {
    let mut reader = ::csv::ReaderBuilder::new().flexible(false).trim(::csv::Trim::All).from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|error| FeedError::Malformed(error.to_string()))?
        .iter()
        .map(normalise_header)
        .collect();
    if !headers.iter().any(|header| header == "name") {
        return Err(FeedError::Malformed("the CSV has no `Name` column".to_owned()));
    }
    let records = reader.records().map(|row| {
        let row = row.map_err(|error| format!("unreadable row: {error}"))?;
        Ok(record_from_row(&headers, &row))
    });
    collect_records(records, defaults)
}

/// `Conference URL` → `conference_url`, `Sub-Region` → `sub_region`.
fn normalise_header(header: &str) -> String {
    let header = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    header.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect()
}

/// One row as a feed object, empty cells left out. A cell is text, so what the feed would write as a
/// list or a number is made one here (that is CSV's encoding, not a reading); everything else is
/// left to the record reader.
fn record_from_row(headers: &[String], row: &::csv::StringRecord) -> Map<String, Value> {
    let mut object = Map::new();
    for (header, cell) in headers.iter().zip(row.iter().map(unguarded)) {
        if cell.is_empty() {
            continue;
        }
        let value = match header.as_str() {
            "day" => day_value(cell),
            "types" => Value::Array(
                cell.split(',').map(str::trim).filter(|t| !t.is_empty()).map(|t| Value::String(t.to_owned())).collect(),
            ),
            "regions" => Value::Array(cell.split(" > ").map(|region| Value::String(region.to_owned())).collect()),
            "latitude" | "longitude" => cell
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::String(cell.to_owned()), Value::Number),
            "slug"
            | "name"
            | "timezone"
            | "location"
            | "formatted_address"
            | "address"
            | "city"
            | "state"
            | "postal_code"
            | "country"
            | "notes"
            | "location_notes"
            | "conference_url"
            | "conference_url_notes"
            | "conference_phone"
            | "conference_phone_notes"
            | "group"
            | "updated"
            | "fellowship"
            | "region"
            | "sub_region"
            | "approximate"
            | "time"
            | "end_time"
            | "attendance_option" => Value::String(cell.to_owned()),
            // A field we do not model: our export writes non-text values as JSON.
            _ => match serde_json::from_str::<Value>(cell) {
                Ok(value @ (Value::Array(_) | Value::Object(_) | Value::Number(_) | Value::Bool(_))) => value,
                _ => Value::String(cell.to_owned()),
            },
        };
        object.insert(header.clone(), value);
    }
    if !object.contains_key("slug")
        && let Some(slug) = derived_slug(&object)
    {
        object.insert("slug".to_owned(), Value::String(slug));
    }
    object
}

/// `1`, or several separated by commas, as numbers; names stay text for the reader.
fn day_value(cell: &str) -> Value {
    let days: Vec<Value> = cell
        .split(',')
        .map(str::trim)
        .map(|day| day.parse::<u8>().map_or_else(|_| Value::String(day.to_owned()), Value::from))
        .collect();
    match <[Value; 1]>::try_from(days) {
        Ok([single]) => single,
        Err(days) => Value::Array(days),
    }
}

/// A slug for a row without one: its `ID` column when there is one, otherwise name, day, time
/// and place, lower-case with hyphens (two rows alike in all of these are reported as one slug twice).
fn derived_slug(object: &Map<String, Value>) -> Option<String> {
    let text = match object.get("id") {
        Some(id) => id.as_str().map_or_else(|| id.to_string(), str::to_owned),
        None => {
            // Day and time as the reader will read them, so a TSML row keeps its slug (and its
            // page's address) whichever way its day and time are written.
            let text_of = |value: &Value| value.as_str().map_or_else(|| value.to_string(), str::to_owned);
            let field = |key: &str| {
                let value = object.get(key)?;
                Some(match (key, value) {
                    ("day", Value::Array(days)) => {
                        days.iter().map(|day| day_number(&text_of(day))).collect::<Vec<_>>().join(",")
                    }
                    ("day", day) => day_number(&text_of(day)),
                    ("time", time) => {
                        let text = text_of(time);
                        MeetingTime::parse_lenient(&text).map_or(text, |time| time.to_string())
                    }
                    (_, other) => text_of(other),
                })
            };
            let parts = ["name", "day", "time", "location", "formatted_address", "address"];
            parts.iter().filter_map(|key| field(key)).collect::<Vec<_>>().join(" ")
        }
    };
    let text = text.to_lowercase();
    let slug: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|part| !part.is_empty()).collect();
    (!slug.is_empty()).then(|| slug.join("-"))
}

/// `Monday` → `1`, for the slug; anything else as it is.
fn day_number(day: &str) -> String {
    Weekday::from_name(day).map_or_else(|| day.trim().to_owned(), |day| day.number().to_string())
}

/// Writes meetings as CSV: our columns, then one column per field we keep but do not model.
pub fn write_csv(meetings: &[Meeting]) -> Result<Vec<u8>, ::csv::Error> {
    let objects: Vec<Map<String, Value>> = meetings
        .iter()
        .map(|meeting| match to_meeting_guide(meeting) {
            Value::Object(object) => object,
            _ => Map::new(),
        })
        .collect();
    let ours = || MODELED.iter().chain(&TEXT_COLUMNS[..3]).copied();
    let extra: BTreeSet<&String> =
        objects.iter().flat_map(|object| object.keys()).filter(|key| !ours().any(|own| own == key.as_str())).collect();
    let columns: Vec<&str> = ours().chain(extra.iter().map(|key| key.as_str())).collect();
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(&columns)?;
    for object in &objects {
        writer.write_record(columns.iter().map(|column| cell(column, object.get(*column))))?;
    }
    writer.into_inner().map_err(|error| ::csv::Error::from(error.into_error()))
}

/// What a spreadsheet reads as the start of a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet shows as text: one that starts like a formula gets a leading `'`,
/// and so does one that already starts with `'`s before such a character, so that [`unguarded`]
/// takes off exactly the one added here: `=1+1` is written `'=1+1`, and `'=1+1` is `''=1+1`.
fn guarded(cell: String) -> String {
    if cell.trim_start_matches('\'').starts_with(FORMULA_STARTS) { format!("'{cell}") } else { cell }
}

/// A cell as read: the `'` [`guarded`] adds, or a spreadsheet's export of the same rule, removed.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// A value as its cell: text without control characters (a notes column keeps its line breaks)
/// and guarded against being read as a formula; numbers as they are.
fn cell(column: &str, value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(number)) => number.to_string(),
        _ => guarded(text::cleaned(&text_cell(column, value), lines_of(column)).into_owned()),
    }
}

fn text_cell(column: &str, value: Option<&Value>) -> String {
    match (column, value) {
        (_, None | Some(Value::Null)) => String::new(),
        (_, Some(Value::String(text))) => text.clone(),
        ("day" | "types", Some(Value::Array(items))) => items
            .iter()
            .map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(","),
        ("regions", Some(Value::Array(items))) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" > ")
        }
        (_, Some(value)) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> FeedDefaults {
        FeedDefaults { group_slug: Some("alcoholics-anonymous".into()), ..FeedDefaults::new("America/Chicago") }
    }

    #[test]
    fn tsml_columns_and_shapes_are_understood() {
        let csv = "Time,End Time,Day,Name,Location,Address,City,State,Postal Code,Types,Notes,Region\n\
                   7:00 PM,8:00 PM,Monday,Serenity Group,Hall,1 Main St,Riverton,MN,55990,\"Open, Discussion, Wheelchair Access\",Side door,Riverton\n\
                   12:00 AM,,Sun,Night Owls,Club,2 Main St,Riverton,MN,55990,C,,\n";
        let meetings = parse_csv(csv.as_bytes(), &defaults()).expect("parses").meetings;
        assert_eq!(meetings.len(), 2);
        let first = &meetings[0];
        assert_eq!(first.slug, "serenity-group-1-19-00-hall-1-main-st");
        assert_eq!(first.time.map(|t| t.to_string()).as_deref(), Some("19:00"));
        assert_eq!(first.days[0].number(), 1);
        assert_eq!(first.types, ["O", "D", "X"]);
        assert_eq!(first.address().as_deref(), Some("1 Main St, Riverton, MN, 55990"));
        assert_eq!(first.regions, ["Riverton"]);
        assert_eq!(meetings[1].time.map(|t| t.to_string()).as_deref(), Some("00:00"));
        assert_eq!(meetings[1].days[0].number(), 0);
    }

    #[test]
    fn tsml_rows_go_through_the_same_reader_and_its_warnings_and_keep_their_slugs() {
        let csv = "Time,Day,Name,Location,Types,Latitude,Longitude\n\
                   7:00 PM,\"Monday,Wednesday\",Twice Weekly,Hall,Open,33.6846,-117.9878253\n";
        let read = parse_csv(csv.as_bytes(), &defaults()).expect("parses");
        let meeting = &read.meetings[0];
        assert_eq!(meeting.slug, "twice-weekly-1-3-19-00-hall", "the slug a TSML row always had");
        assert_eq!(meeting.timezone, "America/Los_Angeles");
        assert_eq!(meeting.longitude, Some(-117.9878253));
        let fields: Vec<&str> = read.warnings.iter().map(|warning| warning.field.as_str()).collect();
        assert_eq!(fields, ["day", "time", "types"], "numbers in cells are no warning: {:?}", read.warnings);
    }

    #[test]
    fn a_bad_row_is_named_by_position() {
        let csv = "Name,Slug,Day,Time\nGood,good,1,19:00\nBad,bad,Funday,19:00\n";
        let Err(FeedError::Records(errors)) = parse_csv(csv.as_bytes(), &defaults()) else { panic!("must fail") };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].position, 2);
        assert_eq!(errors[0].field, "day");
    }

    #[test]
    fn our_csv_round_trips_every_field() {
        let feed = br#"[{"name": "A, with comma", "slug": "a", "day": [1, 3], "time": "07:00", "types": ["O", "XYZ"],
            "regions": ["County", "Town"], "latitude": "45.1", "longitude": -93.2, "venmo": "@a", "id": 42,
            "notes": "Line one\nLine \"two\"", "conference_phone": "+15555550100,,12#"}]"#;
        let meetings = super::super::parse_meeting_guide(feed, &defaults()).expect("parses").meetings;
        let csv = write_csv(&meetings).expect("writes");
        let again = parse_csv(&csv, &defaults()).expect("reads back");
        assert_eq!(again.meetings, meetings);
        assert!(again.warnings.is_empty(), "our own CSV reads back without warnings: {:?}", again.warnings);
    }

    #[test]
    fn cells_that_start_like_a_formula_are_written_as_text_and_read_back_as_they_were() {
        let feed =
            br#"[{"name": "=HYPERLINK(\"https://evil.example\",\"Click\")", "slug": "a", "day": 1, "time": "19:00",
            "location": "+1+cmd|' /C calc'!A0", "formatted_address": "-2+3", "notes": "@SUM(A1:A9)",
            "conference_phone": "+15555550100", "group": "'=already quoted", "location_notes": "'Tis the hall",
            "latitude": 33.6846, "longitude": -117.9878253, "venmo": "=1+1", "square": -5}]"#;
        let meetings = super::super::parse_meeting_guide(feed, &defaults()).expect("parses").meetings;
        let written = String::from_utf8(write_csv(&meetings).expect("writes")).expect("text");
        let mut rows = ::csv::Reader::from_reader(written.as_bytes());
        let headers = rows.headers().expect("headers").clone();
        let row = rows.records().next().expect("a row").expect("readable");
        let cell = |name: &str| row.get(headers.iter().position(|h| h == name).expect(name)).expect(name).to_owned();
        for column in ["name", "location", "formatted_address", "notes", "conference_phone", "venmo"] {
            let shown = cell(column);
            assert!(shown.starts_with('\'') && !shown[1..].starts_with('\''), "{column}: {shown}");
        }
        assert_eq!(cell("group"), "''=already quoted", "a quote of its own is kept apart from ours");
        assert_eq!(cell("location_notes"), "'Tis the hall", "a quote before a letter is no formula");
        assert_eq!(cell("longitude"), "-117.9878253", "a number column is a number");
        assert_eq!(cell("square"), "-5");
        let again = parse_csv(written.as_bytes(), &defaults()).expect("reads back");
        assert_eq!(again.meetings, meetings, "our own import reads each value back as it was");
    }

    #[test]
    fn a_stored_nul_or_escape_does_not_make_our_csv_export_unimportable() {
        // A database from before the reader removed control characters may hold them.
        let meeting = Meeting {
            slug: "a".into(),
            name: "Serenity\u{0} Group\u{1b}[31m".into(),
            timezone: "America/Chicago".into(),
            notes: Some("Side door\r\nRing\u{7}".into()),
            ..Meeting::default()
        };
        let written = write_csv(std::slice::from_ref(&meeting)).expect("writes");
        let again = super::super::parse_any(&written, &defaults()).expect("our own export imports");
        assert_eq!(again.meetings[0].name, "Serenity Group[31m");
        assert_eq!(again.meetings[0].notes.as_deref(), Some("Side door\nRing"));
        // An export written before this, with the NUL in its cell, imports too: the NUL removed.
        let old_export = "name,slug,timezone\nSerenity\u{0} Group,a,America/Chicago\n";
        let read = super::super::parse_any(old_export.as_bytes(), &defaults()).expect("imports");
        assert_eq!(read.meetings[0].name, "Serenity Group");
        assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
        assert_eq!(read.warnings[0].field, "name");
    }
}
