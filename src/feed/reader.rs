//! The one record reader behind every feed format (JSON objects, and CSV rows made into objects):
//! it reads the shapes real feeds use into a [`Meeting`], with a warning for each value it read
//! by interpretation and an error for each it cannot read without guessing; it enforces the
//! size limits and the rule for control characters (`text.rs`: removed from a feed with a
//! warning, an error in a field typed into a form); it renames a slug that is a page's address;
//! and it gives each meeting its time zone from, in order, its record, its coordinates (offline,
//! from the boundary data `tzf-rs` ships), the import, and the site.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde_json::{Map, Value, json};

use super::text::{self, Lines};
use super::{FeedDefaults, FeedError, FeedRead, MODELED, RecordError, RecordWarning};
use crate::meetings::{Meeting, MeetingTime, RESERVED_SLUGS, TypeVocabulary, Weekday};

/// A record (one JSON object or CSV row, every field counted) may be at most this many bytes.
pub const MAX_RECORD_BYTES: usize = 100_000;
/// Notes fields (`notes`, `location_notes`, `conference_*_notes`): at most this many characters.
pub const MAX_NOTES_CHARS: usize = 10_000;
/// Other text fields (address, venue, links, phone): at most this many characters.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// A meeting's name and each of its regions: at most this many characters.
pub const MAX_NAME_CHARS: usize = 255;
/// Type codes on one meeting.
pub const MAX_TYPES: usize = 50;
/// Regions on one meeting (from general to specific).
pub const MAX_REGIONS: usize = 10;

const NOTES_FIELDS: [&str; 4] = ["notes", "location_notes", "conference_url_notes", "conference_phone_notes"];
/// Fields we keep in `extra` but show as links on the meeting page.
const LINK_FIELDS: [&str; 3] = ["feedback_url", "entity_url", "entity_website_url"];

/// Validates records (objects of feed fields) into meetings with their warnings, or lists every
/// bad record. With `defaults.strict`, every warning is an error too.
pub fn collect_records(
    records: impl Iterator<Item = Result<Map<String, Value>, String>>,
    defaults: &FeedDefaults,
) -> Result<FeedRead, FeedError> {
    let mut stream = RecordStream::new(defaults);
    let meetings = records.filter_map(|record| stream.read(record)).collect();
    stream.finish(meetings)
}

/// The record reader over a stream of records, one at a time: each good record's meeting is
/// handed back as it is read, so a caller may write it and let it go (memory holds one record,
/// not the file). It remembers the slugs seen (a slug twice is an error), the errors and the
/// warnings: all of them, or (`keeping`) the first few and how many there were.
pub struct RecordStream<'a> {
    defaults: &'a FeedDefaults,
    seen: HashSet<String>,
    read: usize,
    /// The most errors and warnings kept; `None`: all.
    keep: Option<usize>,
    errors: Vec<RecordError>,
    error_count: usize,
    warnings: Vec<RecordWarning>,
    warning_count: usize,
}

impl<'a> RecordStream<'a> {
    /// A stream that keeps every error and warning.
    pub fn new(defaults: &'a FeedDefaults) -> RecordStream<'a> {
        RecordStream {
            defaults,
            seen: HashSet::new(),
            read: 0,
            keep: None,
            errors: Vec::new(),
            error_count: 0,
            warnings: Vec::new(),
            warning_count: 0,
        }
    }

    /// A stream that keeps the first `most` errors and warnings, and counts them all.
    pub fn keeping(defaults: &'a FeedDefaults, most: usize) -> RecordStream<'a> {
        RecordStream { keep: Some(most), ..RecordStream::new(defaults) }
    }

    /// Records read so far.
    pub fn records_read(&self) -> usize {
        self.read
    }

    /// Bad records' errors so far (every one, or as many as kept).
    pub fn errors(&self) -> &[RecordError] {
        &self.errors
    }

    /// How many errors there were, kept or not.
    pub fn error_count(&self) -> usize {
        self.error_count
    }

    /// The warnings so far (every one, or as many as kept).
    pub fn warnings(&self) -> &[RecordWarning] {
        &self.warnings
    }

    /// How many warnings there were, kept or not.
    pub fn warning_count(&self) -> usize {
        self.warning_count
    }

    /// Reads the next record: its meeting when it has no error.
    pub fn read(&mut self, record: Result<Map<String, Value>, String>) -> Option<Meeting> {
        self.read += 1;
        let position = self.read;
        let object = match record {
            Ok(object) => object,
            Err(reason) => {
                self.add_errors(vec![RecordError { position, slug: None, field: "record".into(), reason }]);
                return None;
            }
        };
        let mut reader = RecordReader {
            position,
            slug: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            typed_fields: &self.defaults.typed_fields,
        };
        let meeting = reader.meeting(object, self.defaults);
        if let Some(slug) = &reader.slug
            && !self.seen.insert(slug.clone())
        {
            reader.fail("slug", "appears twice in the file".into());
        }
        let meeting = meeting.filter(|_| reader.errors.is_empty());
        if self.defaults.strict {
            reader.errors.extend(reader.warnings.drain(..).map(RecordWarning::into_strict_error));
        }
        self.add_errors(reader.errors);
        self.warning_count += reader.warnings.len();
        let room = self.keep.map_or(usize::MAX, |most| most.saturating_sub(self.warnings.len()));
        self.warnings.extend(reader.warnings.into_iter().take(room));
        meeting
    }

    fn add_errors(&mut self, errors: Vec<RecordError>) {
        self.error_count += errors.len();
        let room = self.keep.map_or(usize::MAX, |most| most.saturating_sub(self.errors.len()));
        self.errors.extend(errors.into_iter().take(room));
    }

    /// The meetings handed back, with the warnings, or every bad record.
    pub fn finish(self, meetings: Vec<Meeting>) -> Result<FeedRead, FeedError> {
        if self.errors.is_empty() {
            Ok(FeedRead { meetings, warnings: self.warnings })
        } else {
            Err(FeedError::Records(self.errors))
        }
    }
}

/// A value as the warning shows what was read: JSON, cut short when long.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 { format!("{}…", text.chars().take(80).collect::<String>()) } else { text }
}

/// The zone at a point, from the boundary data shipped in `tzf-rs` (no network). Points at sea
/// (`Etc/GMT+8`) or nowhere give `None`: no meeting is held at sea, so the point is no evidence.
pub fn zone_at(latitude: f64, longitude: f64) -> Option<String> {
    static FINDER: LazyLock<tzf_rs::EmbeddedFinder> = LazyLock::new(tzf_rs::EmbeddedFinder::new);
    let name = FINDER.get_tz_name(longitude, latitude);
    if name.is_empty() || name.starts_with("Etc/") {
        return None;
    }
    canonical_zone(name)
}

/// The canonical IANA name of a zone (`america/chicago` is `America/Chicago`), or `None`.
fn canonical_zone(name: &str) -> Option<String> {
    match jiff::tz::TimeZone::get(name) {
        Ok(zone) if !zone.is_unknown() => Some(zone.iana_name().unwrap_or(name).to_owned()),
        _ => None,
    }
}

/// Reads one record, collecting every problem rather than stopping at the first.
struct RecordReader<'a> {
    position: usize,
    slug: Option<String>,
    errors: Vec<RecordError>,
    warnings: Vec<RecordWarning>,
    /// See [`FeedDefaults::typed_fields`].
    typed_fields: &'a HashSet<String>,
}

/// A field that keeps line breaks: the notes fields, and a feed's other `*_notes` (`group_notes`).
pub fn lines_of(field: &str) -> Lines {
    if NOTES_FIELDS.contains(&field) || field.ends_with("_notes") { Lines::Many } else { Lines::One }
}

impl RecordReader<'_> {
    fn fail(&mut self, field: &str, reason: String) {
        self.errors.push(RecordError { position: self.position, slug: self.slug.clone(), field: field.into(), reason });
    }

    fn warn(&mut self, field: &str, read: String, became: String) {
        self.warnings.push(RecordWarning::new(self.position, self.slug.clone(), field, read, became));
    }

    fn meeting(&mut self, mut object: Map<String, Value>, defaults: &FeedDefaults) -> Option<Meeting> {
        let slug = match object.get("slug") {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Some(Value::Number(number)) if number.is_u64() => Some(number.to_string()),
            _ => None,
        };
        self.slug = slug.clone().map(|slug| slug.chars().take(MAX_NAME_CHARS).collect());
        match &slug {
            None => self.fail("slug", "is missing (every meeting needs a unique slug)".into()),
            Some(slug)
                if !slug.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_') || slug.len() > 255 =>
            {
                self.fail("slug", "must be letters, digits, hyphens and underscores only".into())
            }
            Some(_) => {}
        }
        let slug = slug.map(|slug| self.unreserved(slug));
        let size = serde_json::to_vec(&object).map_or(usize::MAX, |bytes| bytes.len());
        if size > MAX_RECORD_BYTES {
            self.fail("record", format!("is {size} bytes long; a record may be at most {MAX_RECORD_BYTES} bytes"));
            return None;
        }
        let name = self.text(&object, "name").unwrap_or_default();
        if name.is_empty() && self.errors.iter().all(|e| e.field != "name") {
            self.fail("name", "is missing".into());
        }
        let days = self.days(object.get("day"));
        let time = self.time(&object, "time");
        let end_time = self.time(&object, "end_time");
        if !days.is_empty() && time.is_none() && self.errors.iter().all(|e| e.field != "time") {
            self.fail("time", "is missing for a meeting that has a day".into());
        }
        let types = self.types(object.get("types"));
        let fellowship = self.text(&object, "fellowship");
        if let (Some(slug), Some(known)) = (&fellowship, &defaults.known_groups)
            && !known.contains(slug)
        {
            self.fail("fellowship", format!("there is no group \"{slug}\""));
        }
        let group_slug = fellowship.or_else(|| defaults.group_slug.clone());
        let latitude = self.coordinate(&object, "latitude", 90.0);
        let longitude = self.coordinate(&object, "longitude", 180.0);
        let timezone = self.zone(&object, latitude.zip(longitude), defaults, time.is_some() && !days.is_empty());
        let approximate = self.approximate(object.get("approximate"));
        let regions = self.regions(&object);
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
            && !is_web_link(url)
        {
            self.fail("conference_url", "must start with https://".into());
        }
        for field in LINK_FIELDS {
            if let Some(Value::String(url)) = object.get(field)
                && !url.trim().is_empty()
                && !is_web_link(url.trim())
            {
                let read = shown(&object[field]);
                self.warn(field, read, "text kept, but not shown as a link (a link starts with https://)".into());
            }
        }
        for key in MODELED {
            object.remove(key);
        }
        self.clean_kept(&mut object);
        // A feed's attendance_option that says what we derive anyway is not kept twice.
        if object.get("attendance_option").and_then(Value::as_str) == Some(meeting.attendance().as_str()) {
            object.remove("attendance_option");
        }
        Some(Meeting { extra: object, ..meeting })
    }

    /// A string field: trimmed, `None` when absent, null or empty. Numbers are taken as text; an
    /// empty list (what some feed writers send for "nothing") is nothing, with a warning.
    fn text(&mut self, object: &Map<String, Value>, field: &str) -> Option<String> {
        let text = match object.get(field)? {
            Value::String(text) => self.cleaned(field, text),
            Value::Number(number) => number.to_string(),
            Value::Null => return None,
            empty @ Value::Array(items) if items.is_empty() => {
                self.warn(field, shown(empty), "nothing (no value)".into());
                return None;
            }
            empty @ Value::Object(items) if items.is_empty() => {
                self.warn(field, shown(empty), "nothing (no value)".into());
                return None;
            }
            _ => {
                self.fail(field, "must be text".into());
                return None;
            }
        };
        let limit = match field {
            "name" => MAX_NAME_CHARS,
            _ if NOTES_FIELDS.contains(&field) => MAX_NOTES_CHARS,
            _ => MAX_TEXT_CHARS,
        };
        let length = text.chars().count();
        if length > limit {
            self.fail(field, format!("is {length} characters long; the limit is {limit}"));
            return None;
        }
        Some(text).filter(|text| !text.is_empty())
    }

    /// A slug that is not a page's address: a reserved one ([`RESERVED_SLUGS`]) is an error typed
    /// into a form, and in a feed becomes `{slug}-meeting`, with a warning.
    fn unreserved(&mut self, slug: String) -> String {
        if !RESERVED_SLUGS.contains(&slug.as_str()) {
            return slug;
        }
        let reason = format!("/meetings/{slug} is a page of the site");
        if self.typed_fields.contains("slug") {
            self.fail("slug", format!("\"{slug}\" cannot be a meeting's address ({reason}); choose another"));
            return slug;
        }
        let renamed = format!("{slug}-meeting");
        self.warn("slug", shown(&json!(slug)), format!("{renamed} ({reason})"));
        self.slug = Some(renamed.clone());
        renamed
    }

    /// `text` trimmed, without the characters [`text::first_unsafe`] finds: an error when a
    /// person typed it, otherwise removed with a warning. A notes field's line breaks are one LF.
    fn cleaned(&mut self, field: &str, text: &str) -> String {
        let lines = lines_of(field);
        let kept = text::cleaned(text, lines);
        if let Some(found) = text::first_unsafe(text, lines) {
            if self.typed_fields.contains(field) {
                let what = if matches!(found, '\r' | '\n') { "a line break" } else { "an invisible control character" };
                self.fail(
                    field,
                    format!(
                        "holds {what} ({}); this field takes one line of plain text, without control \
                         or text-direction characters",
                        text::code_point(found)
                    ),
                );
            } else {
                let became = format!("{} (control characters removed)", shown(&json!(kept.trim())));
                self.warn(field, shown(&json!(text)), became);
            }
        }
        kept.trim().to_owned()
    }

    /// Every text in the fields we keep but do not model, cleaned as [`Self::cleaned`] does, with
    /// a warning per field.
    fn clean_kept(&mut self, object: &mut Map<String, Value>) {
        for (field, value) in object.iter_mut() {
            let lines = lines_of(field);
            let mut found = false;
            visit_strings(value, &mut |text| found |= text::first_unsafe(text, lines).is_some());
            if found {
                let before = shown(value);
                visit_strings(value, &mut |text| *text = text::cleaned(text, lines).into_owned());
                self.warn(field, before, format!("{} (control characters removed)", shown(value)));
            }
        }
    }

    /// Numbers 0 to 6, numeric strings, English day names, a list of these or a comma-separated
    /// string of them; anything but plain numbers gives a warning saying which days it became.
    fn days(&mut self, value: Option<&Value>) -> Vec<Weekday> {
        let Some(value) = value else { return Vec::new() };
        let items: Vec<Value> = match value {
            Value::Null => return Vec::new(),
            Value::Array(items) => items.clone(),
            Value::String(text) => {
                text.split(',').map(str::trim).filter(|day| !day.is_empty()).map(|day| json!(day)).collect()
            }
            single => vec![single.clone()],
        };
        let mut days = Vec::new();
        let mut interpreted = false;
        let errors_before = self.errors.len();
        for item in &items {
            let day = match item {
                Value::Number(number) => number.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Weekday::new),
                Value::String(text) => {
                    interpreted = true;
                    Weekday::read(text)
                }
                _ => None,
            };
            match day {
                Some(day) if !days.contains(&day) => days.push(day),
                Some(_) => {}
                None => self.fail("day", format!("{item} is not a day (0 = Sunday to 6 = Saturday, or a day's name)")),
            }
        }
        days.sort();
        if interpreted && self.errors.len() == errors_before && !days.is_empty() {
            let became: Vec<String> = days.iter().map(|day| format!("{} ({})", day.number(), day.name())).collect();
            self.warn("day", shown(value), became.join(", "));
        }
        days
    }

    /// `HH:MM`, or (with a warning) 12-hour times, seconds and one-digit hours.
    fn time(&mut self, object: &Map<String, Value>, field: &str) -> Option<MeetingTime> {
        let text = self.text(object, field)?;
        let time = MeetingTime::parse_lenient(&text);
        match time {
            Some(time) if time.to_string() != text => self.warn(field, shown(&json!(text)), time.to_string()),
            Some(_) => {}
            None => self.fail(field, format!("\"{text}\" is not a time (like 19:00 or 7:00 PM)")),
        }
        time
    }

    /// A list of codes, or (with a warning) one string of them separated by commas or spaces, and
    /// types given by their English name (`Open`), which become their code.
    fn types(&mut self, value: Option<&Value>) -> Vec<String> {
        let Some(value) = value else { return Vec::new() };
        let vocabulary = TypeVocabulary::shared();
        let (words, reshaped): (Vec<String>, bool) = match value {
            Value::Null => return Vec::new(),
            Value::Array(items) => {
                let mut words = Vec::new();
                for item in items {
                    match item {
                        Value::String(code) => words.push(code.trim().to_owned()),
                        Value::Number(number) => words.push(number.to_string()),
                        other => self.fail("types", format!("{} is not a type code", shown(other))),
                    }
                }
                (words, false)
            }
            Value::String(text) if text.contains(',') => (text.split(',').map(|c| c.trim().to_owned()).collect(), true),
            Value::String(text) if vocabulary.code_for_name(text.trim()).is_some() => {
                (vec![text.trim().to_owned()], true)
            }
            Value::String(text) => (text.split_whitespace().map(str::to_owned).collect(), true),
            other => {
                self.fail("types", format!("{} must be a list of type codes", shown(other)));
                return Vec::new();
            }
        };
        if words.len() > MAX_TYPES {
            self.fail("types", format!("has {} type codes; a meeting may have at most {MAX_TYPES}", words.len()));
            return Vec::new();
        }
        let mut kept: Vec<String> = Vec::new();
        let mut renamed = false;
        for word in words.into_iter().filter(|word| !word.is_empty()) {
            let Some(code) = vocabulary.read(&word).map(str::to_owned) else {
                self.fail("types", format!("\"{word}\" is not a type code"));
                continue;
            };
            renamed |= code != word;
            if !kept.contains(&code) {
                kept.push(code);
            }
        }
        if reshaped || renamed {
            self.warn("types", shown(value), json!(kept).to_string());
        }
        kept
    }

    /// A number, or (with a warning) a string holding one; kept exactly as read.
    fn coordinate(&mut self, object: &Map<String, Value>, field: &str, limit: f64) -> Option<f64> {
        let value = object.get(field)?;
        let (number, from_text) = match value {
            Value::Number(number) => (number.as_f64(), false),
            Value::String(text) if text.trim().is_empty() => return None,
            Value::String(text) => (text.trim().parse::<f64>().ok(), true),
            Value::Null => return None,
            _ => (None, false),
        };
        match number {
            Some(number) if number.is_finite() && number.abs() <= limit => {
                if from_text {
                    self.warn(field, shown(value), number.to_string());
                }
                Some(number)
            }
            _ => {
                self.fail(field, format!("{} is not a number from -{limit} to {limit}", shown(value)));
                None
            }
        }
    }

    /// The record's zone; else the zone at its coordinates; else the import's; else the site's,
    /// with a warning when the meeting has a time the zone would shift (a meeting by appointment
    /// has none). A zone that is not an IANA name is an error.
    fn zone(
        &mut self,
        object: &Map<String, Value>,
        point: Option<(f64, f64)>,
        defaults: &FeedDefaults,
        timed: bool,
    ) -> String {
        if let Some(given) = self.text(object, "timezone") {
            return self.named_zone(given);
        }
        if let Some(zone) = point.and_then(|(latitude, longitude)| zone_at(latitude, longitude)) {
            return zone;
        }
        if let Some(given) = &defaults.import_timezone {
            return self.named_zone(given.clone());
        }
        let site = self.named_zone(defaults.timezone.clone());
        if !timed {
            return site;
        }
        let read =
            if point.is_some() { "no timezone, and coordinates in no zone" } else { "no timezone and no coordinates" };
        self.warn("timezone", read.into(), format!("{site} (the site's zone)"));
        site
    }

    fn named_zone(&mut self, given: String) -> String {
        canonical_zone(&given).unwrap_or_else(|| {
            self.fail("timezone", format!("\"{given}\" is not an IANA time zone (like America/Chicago)"));
            given
        })
    }

    /// `yes`/`no`, true/false, 1/0; any other value is "no", with a warning.
    fn approximate(&mut self, value: Option<&Value>) -> bool {
        match value {
            None | Some(Value::Null) => false,
            Some(Value::Bool(flag)) => *flag,
            Some(Value::String(text)) if ["yes", "true", "1"].contains(&text.trim().to_lowercase().as_str()) => true,
            Some(Value::String(text)) if ["no", "false", "0", ""].contains(&text.trim().to_lowercase().as_str()) => {
                false
            }
            Some(Value::Number(number)) if number.as_u64() == Some(1) => true,
            Some(Value::Number(number)) if number.as_u64() == Some(0) => false,
            Some(other) => {
                self.warn("approximate", shown(other), "no (the address is exact)".into());
                false
            }
        }
    }

    /// A list of names from general to specific, or (with a warning) one `A > B` string; without
    /// `regions`, the `region` and `sub_region` fields.
    fn regions(&mut self, object: &Map<String, Value>) -> Vec<String> {
        let regions: Vec<String> = match object.get("regions") {
            None | Some(Value::Null) => {
                // Kept as they are among the fields we do not model, and cleaned there.
                return ["region", "sub_region"]
                    .iter()
                    .filter_map(|key| object.get(*key)?.as_str())
                    .map(|region| text::cleaned(region, Lines::One).trim().to_owned())
                    .filter(|region| !region.is_empty())
                    .take(MAX_REGIONS)
                    .collect();
            }
            Some(value @ Value::Array(items)) => {
                let names: Vec<String> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|region| self.cleaned("regions", region))
                    .filter(|region| !region.is_empty())
                    .collect();
                if names.len() != items.len() {
                    self.warn("regions", shown(value), json!(names).to_string());
                }
                names
            }
            Some(value @ Value::String(text)) => {
                let names: Vec<String> = text
                    .split('>')
                    .map(|region| self.cleaned("regions", region))
                    .filter(|region| !region.is_empty())
                    .collect();
                self.warn("regions", shown(value), json!(names).to_string());
                names
            }
            Some(other) => {
                self.warn("regions", shown(other), "no regions".into());
                Vec::new()
            }
        };
        if regions.len() > MAX_REGIONS {
            self.fail("regions", format!("has {} regions; a meeting may have at most {MAX_REGIONS}", regions.len()));
        } else if let Some(long) = regions.iter().find(|region| region.chars().count() > MAX_NAME_CHARS) {
            let start: String = long.chars().take(20).collect();
            self.fail("regions", format!("\"{start}…\" is longer than {MAX_NAME_CHARS} characters"));
        }
        regions
    }
}

/// Calls `each` on every string in `value`, however deep.
fn visit_strings(value: &mut Value, each: &mut impl FnMut(&mut String)) {
    match value {
        Value::String(text) => each(text),
        Value::Array(items) => items.iter_mut().for_each(|item| visit_strings(item, each)),
        Value::Object(fields) => fields.values_mut().for_each(|item| visit_strings(item, each)),
        _ => {}
    }
}

fn is_web_link(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_meeting_guide;

    fn defaults() -> FeedDefaults {
        FeedDefaults { group_slug: Some("alcoholics-anonymous".into()), ..FeedDefaults::new("America/Chicago") }
    }

    /// Reads one record (fields given as JSON object text) into its meeting and warning lines.
    fn read_one(fields: &str) -> (Meeting, Vec<String>) {
        let feed = format!(r#"[{{"name": "A", "slug": "a", "timezone": "America/Chicago", {fields}}}]"#);
        let read =
            parse_meeting_guide(feed.as_bytes(), &defaults()).unwrap_or_else(|error| panic!("{fields}: {error}"));
        let warnings = read.warnings.iter().map(ToString::to_string).collect();
        (read.meetings.into_iter().next().expect("one meeting"), warnings)
    }

    /// The error lines of a one-record feed that must fail.
    fn errors_of(fields: &str) -> Vec<String> {
        let feed = format!(r#"[{{"name": "A", "slug": "a", "timezone": "America/Chicago", {fields}}}]"#);
        match parse_meeting_guide(feed.as_bytes(), &defaults()) {
            Err(FeedError::Records(errors)) => errors.iter().map(ToString::to_string).collect(),
            other => panic!("{fields} must fail, got {other:?}"),
        }
    }

    #[test]
    fn twelve_hour_times_become_24_hour_with_a_warning_naming_record_field_and_values() {
        let (meeting, warnings) = read_one(r#""day": 1, "time": "7:00 PM", "end_time": "8pm""#);
        assert_eq!(meeting.time.map(|t| t.to_string()).as_deref(), Some("19:00"));
        assert_eq!(meeting.end_time.map(|t| t.to_string()).as_deref(), Some("20:00"));
        assert_eq!(
            warnings,
            [
                "record 1 (slug \"a\"): time: read \"7:00 PM\", took it as 19:00",
                "record 1 (slug \"a\"): end_time: read \"8pm\", took it as 20:00"
            ]
        );
    }

    #[test]
    fn seconds_and_one_digit_hours_are_read_with_a_warning_and_plain_times_without() {
        let (meeting, warnings) = read_one(r#""day": 1, "time": "19:00:00", "end_time": "7:00""#);
        assert_eq!(meeting.time.map(|t| t.to_string()).as_deref(), Some("19:00"));
        assert_eq!(meeting.end_time.map(|t| t.to_string()).as_deref(), Some("07:00"));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let (_, none) = read_one(r#""day": 1, "time": "19:00""#);
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn days_are_read_as_numbers_numeric_strings_names_and_lists_of_them() {
        for (day, expected) in [
            ("1", vec![1]),
            (r#""1""#, vec![1]),
            (r#""monday""#, vec![1]),
            (r#""Tues""#, vec![2]),
            (r#"["Mon", 3, "5"]"#, vec![1, 3, 5]),
            (r#""Monday, Wednesday""#, vec![1, 3]),
        ] {
            let (meeting, warnings) = read_one(&format!(r#""day": {day}, "time": "19:00""#));
            assert_eq!(meeting.days.iter().map(|d| d.number()).collect::<Vec<_>>(), expected, "{day}");
            assert_eq!(warnings.len(), usize::from(day != "1"), "{day}: {warnings:?}");
        }
        let (_, warnings) = read_one(r#""day": "Mon", "time": "19:00""#);
        assert_eq!(warnings, ["record 1 (slug \"a\"): day: read \"Mon\", took it as 1 (Monday)"]);
    }

    #[test]
    fn types_are_read_from_a_string_and_from_names_with_a_warning() {
        let (meeting, warnings) = read_one(r#""types": "O, D, x""#);
        assert_eq!(meeting.types, ["O", "D", "x"]);
        assert_eq!(warnings, [r#"record 1 (slug "a"): types: read "O, D, x", took it as ["O","D","x"]"#]);
        let (meeting, warnings) = read_one(r#""types": "o w""#);
        assert_eq!(meeting.types, ["o", "w"]);
        assert_eq!(warnings.len(), 1);
        let (meeting, warnings) = read_one(r#""types": ["Open", "Wheelchair Access", "C"]"#);
        assert_eq!(meeting.types, ["O", "X", "C"]);
        assert_eq!(warnings.len(), 1);
        let (meeting, warnings) = read_one(r#""types": ["O", "c", "XYZ"]"#);
        assert_eq!(meeting.types, ["O", "c", "XYZ"], "codes in any case and program codes are kept");
        assert!(warnings.is_empty());
    }

    #[test]
    fn coordinates_given_as_strings_are_numbers_with_a_warning() {
        let (meeting, warnings) = read_one(r#""latitude": "33.6846", "longitude": -117.9878253"#);
        assert_eq!(meeting.latitude, Some(33.6846));
        assert_eq!(meeting.longitude, Some(-117.9878253));
        assert_eq!(warnings, ["record 1 (slug \"a\"): latitude: read \"33.6846\", took it as 33.6846"]);
    }

    #[test]
    fn regions_as_one_string_and_wrong_kinds_of_value_are_warnings_not_silence() {
        let (meeting, warnings) = read_one(r#""regions": "Orange County > Huntington Beach""#);
        assert_eq!(meeting.regions, ["Orange County", "Huntington Beach"]);
        assert_eq!(warnings.len(), 1);
        let (meeting, warnings) = read_one(r#""regions": "Downtown", "approximate": []"#);
        assert_eq!(meeting.regions, ["Downtown"]);
        assert!(!meeting.approximate);
        assert_eq!(
            warnings,
            [
                r#"record 1 (slug "a"): approximate: read [], took it as no (the address is exact)"#,
                r#"record 1 (slug "a"): regions: read "Downtown", took it as ["Downtown"]"#,
            ]
        );
        let (meeting, warnings) = read_one(r#""regions": 5, "notes": [], "approximate": "Yes""#);
        assert!(meeting.regions.is_empty() && meeting.notes.is_none() && meeting.approximate);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn links_that_are_not_web_addresses_are_kept_with_a_warning() {
        let (meeting, warnings) =
            read_one(r#""feedback_url": "javascript:alert(1)", "entity_website_url": "https://intergroup.example""#);
        assert_eq!(meeting.extra["feedback_url"], "javascript:alert(1)");
        assert_eq!(meeting.extra["entity_website_url"], "https://intergroup.example");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("feedback_url"), "{warnings:?}");
    }

    #[test]
    fn control_characters_and_bidi_controls_in_a_feed_are_removed_with_a_warning_naming_the_field() {
        let (meeting, warnings) = read_one(
            r#""name": "Serenity\u0000 Group\u001b[2J\u0007", "location": "Hall\r\nBEGIN:VALARM",
               "formatted_address": "1 Main St \u202egnp.exe", "regions": ["North\u2066side\u2069"],
               "notes": "Side door.\r\nRing twice.\rThen wait.\u0000", "venmo": "@a\u001b[31m",
               "day": 1, "time": "19:00""#,
        );
        assert_eq!(meeting.name, "Serenity Group[2J");
        assert_eq!(meeting.location.as_deref(), Some("Hall BEGIN:VALARM"));
        assert_eq!(meeting.formatted_address.as_deref(), Some("1 Main St gnp.exe"));
        assert_eq!(meeting.regions, ["Northside"]);
        assert_eq!(meeting.notes.as_deref(), Some("Side door.\nRing twice.\nThen wait."), "notes keep line breaks");
        assert_eq!(meeting.extra["venmo"], "@a[31m");
        let fields: Vec<&str> = warnings.iter().map(|line| line.split(": ").nth(1).unwrap_or_default()).collect();
        assert_eq!(fields, ["name", "regions", "location", "formatted_address", "notes", "venmo"], "{warnings:?}");
        assert!(warnings[0].contains("took it as \"Serenity Group[2J\" (control characters removed)"), "{warnings:?}");
        let (meeting, warnings) = read_one(r#""region": "Down\u0007town""#);
        assert_eq!((meeting.regions, &meeting.extra["region"]), (vec!["Downtown".to_owned()], &json!("Downtown")));
        assert_eq!(warnings.len(), 1, "one warning for one field: {warnings:?}");
        let (meeting, warnings) = read_one(r#""notes": "One\r\nTwo""#);
        assert_eq!(meeting.notes.as_deref(), Some("One\nTwo"));
        assert!(warnings.is_empty(), "a notes field's line breaks are no warning: {warnings:?}");
    }

    #[test]
    fn a_control_character_typed_into_a_form_is_an_error_naming_the_field() {
        let typed = FeedDefaults { typed_fields: HashSet::from(["name".to_owned(), "notes".to_owned()]), ..defaults() };
        for name in [r"A\u0000", r"A\u001b[31m", r"A\u0007", r"A\r\nB", r"A\u202eB", r"A\u2067B"] {
            let feed =
                format!(r#"[{{"name": "{name}", "slug": "a", "notes": "One\r\nTwo", "location": "Hall\u0000"}}]"#);
            let Err(FeedError::Records(errors)) = parse_meeting_guide(feed.as_bytes(), &typed) else {
                panic!("{name} must be refused")
            };
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            assert_eq!(lines.len(), 1, "only the typed one-line field: {lines:?}");
            assert!(lines[0].starts_with("record 1 (slug \"a\"): name: holds "), "{lines:?}");
        }
    }

    #[test]
    fn what_cannot_be_read_without_guessing_stays_an_error() {
        for (fields, expected) in [
            (r#""day": 1, "time": "13:00 PM""#, "time: \"13:00 PM\" is not a time"),
            (r#""day": 1, "time": "seven""#, "time: \"seven\" is not a time"),
            (r#""day": "T", "time": "19:00""#, "day: \"T\" is not a day"),
            (r#""day": 1.5, "time": "19:00""#, "day: 1.5 is not a day"),
            (r#""day": true, "time": "19:00""#, "day: true is not a day"),
            (r#""types": ["O", "not a code!"]"#, "types: \"not a code!\" is not a type code"),
            (r#""types": {"O": 1}"#, "types: {\"O\":1} must be a list"),
            (r#""latitude": "north", "longitude": 1"#, "latitude: \"north\" is not a number"),
            (r#""longitude": 200, "latitude": 1"#, "longitude: 200 is not a number from -180 to 180"),
            (r#""notes": {"text": "x"}"#, "notes: must be text"),
            (r#""conference_url": "zoom.us/j/1""#, "conference_url: must start with https://"),
            (r#""day": 1"#, "time: is missing"),
        ] {
            let errors = errors_of(fields);
            assert!(errors.iter().any(|line| line.contains(expected)), "{fields}: {errors:?}");
        }
        let feed = br#"[{"name": "A", "slug": "a", "timezone": "Mars/Olympus"}]"#;
        let Err(FeedError::Records(errors)) = parse_meeting_guide(feed, &defaults()) else { panic!("must fail") };
        assert!(errors[0].to_string().contains("timezone: \"Mars/Olympus\" is not an IANA time zone"));
    }

    #[test]
    fn size_limits_are_errors_naming_the_record() {
        let note = "x".repeat(1_000_000);
        let errors = errors_of(&format!(r#""notes": "{note}""#));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("record 1 (slug \"a\"): record: is 10000"), "{}", errors[0]);
        let errors = errors_of(&format!(r#""notes": "{}""#, "x".repeat(MAX_NOTES_CHARS + 1)));
        assert!(errors[0].contains("notes: is 10001 characters long; the limit is 10000"), "{errors:?}");
        let codes: Vec<String> = (0..=MAX_TYPES).map(|n| format!("\"T{n}\"")).collect();
        let errors = errors_of(&format!(r#""types": [{}]"#, codes.join(",")));
        assert!(errors[0].contains("types: has 51 type codes; a meeting may have at most 50"), "{errors:?}");
        let errors = errors_of(&format!(r#""name": "{}", "day": 1, "time": "19:00""#, "n".repeat(300)));
        assert!(errors.iter().any(|line| line.contains("name: is 300 characters long")), "{errors:?}");
    }

    #[test]
    fn a_meeting_without_a_zone_takes_the_zone_at_its_coordinates() {
        let feed = br#"[{"name": "Foothill Early Risers", "slug": "f", "day": 1, "time": "06:00",
            "latitude": "33.6846", "longitude": "-117.9878253"},
            {"name": "City", "slug": "s", "day": 1, "time": "06:00", "latitude": 40.7128, "longitude": -74.006}]"#;
        let read = parse_meeting_guide(feed, &defaults()).expect("parses");
        assert_eq!(read.meetings[0].timezone, "America/Los_Angeles");
        assert_eq!(read.meetings[1].timezone, "America/New_York");
        assert!(read.warnings.iter().all(|w| w.field != "timezone"), "{:?}", read.warnings);
    }

    #[test]
    fn the_zone_order_is_record_then_coordinates_then_import_then_site_with_a_warning() {
        let feed = br#"[{"name": "A", "slug": "a", "day": 1, "time": "06:00", "timezone": "Asia/Tokyo",
                         "latitude": 33.68, "longitude": -117.98},
                        {"name": "B", "slug": "b", "day": 1, "time": "06:00"},
                        {"name": "C", "slug": "c", "day": 1, "time": "06:00"},
                        {"name": "By appointment", "slug": "d"}]"#;
        let read = parse_meeting_guide(feed, &defaults()).expect("parses");
        let zones: Vec<&str> = read.meetings.iter().map(|m| m.timezone.as_str()).collect();
        assert_eq!(zones, ["Asia/Tokyo", "America/Chicago", "America/Chicago", "America/Chicago"]);
        let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "record 2 (slug \"b\"): timezone: read no timezone and no coordinates, took it as America/Chicago (the site's zone)",
                "record 3 (slug \"c\"): timezone: read no timezone and no coordinates, took it as America/Chicago (the site's zone)",
            ]
        );
        let import = FeedDefaults { import_timezone: Some("america/denver".into()), ..defaults() };
        let read = parse_meeting_guide(feed, &import).expect("parses");
        assert_eq!(read.meetings[1].timezone, "America/Denver");
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        let unknown = FeedDefaults { import_timezone: Some("Nowhere/Land".into()), ..defaults() };
        assert!(parse_meeting_guide(feed, &unknown).is_err(), "an unknown import zone is an error");
    }

    #[test]
    fn strict_makes_every_warning_an_error() {
        let feed = br#"[{"name": "A", "slug": "a", "day": "Monday", "time": "7 pm", "timezone": "UTC"}]"#;
        let strict = FeedDefaults { strict: true, ..defaults() };
        let Err(FeedError::Records(errors)) = parse_meeting_guide(feed, &strict) else { panic!("must fail") };
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[1].to_string().contains("time: read \"7 pm\", would take it as 19:00 (strict"));
    }

    #[test]
    fn an_unknown_group_is_an_error_in_the_same_pass_as_the_others() {
        let feed = br#"[{"name": "A", "slug": "a", "day": 9, "time": "19:00", "fellowship": "nope", "timezone": "UTC"},
                        {"name": "B", "slug": "b", "day": 1, "time": "19:00", "fellowship": "aa", "timezone": "UTC"}]"#;
        let known = FeedDefaults { known_groups: Some(HashSet::from(["aa".to_owned()])), ..defaults() };
        let Err(FeedError::Records(errors)) = parse_meeting_guide(feed, &known) else { panic!("must fail") };
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].contains("fellowship: there is no group \"nope\""), "{lines:?}");
    }
}
