//! Reading BMLT's semantic JSON into Meeting Guide records for the one lenient feed reader
//! (`feed::collect_records`): weekdays 1–7, `HH:MM:SS` times and durations, every value a string
//! (a legacy `prompt#@-@#value` keeps its value), formats by their NAWS world id, `venue_type`,
//! the service body as the region, and the zone (`time_zone`, else the coordinates, else the
//! source's; a virtual meeting's coordinates are no place, so its zone is `time_zone`, the
//! source's, or the one most of the set's in-person meetings share, with a warning).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value, json};

use super::VenueType;
use crate::feed::{FeedDefaults, FeedError, FeedRead, RecordWarning, collect_records, zone_at};
use crate::meetings::{Attendance, MeetingTime, TypeVocabulary, language_code};

/// One BMLT format as `GetFormats` (or `get_used_formats`) gives it.
#[derive(Debug, Clone, Default)]
struct Format {
    key: String,
    name: String,
    world_id: String,
    kind: String,
}

/// What a set of BMLT meetings is read with.
struct Context {
    formats: HashMap<String, Format>,
    /// Service body id → (name, web address).
    bodies: HashMap<String, (String, String)>,
    /// The root server's address, when the document names it.
    root: Option<String>,
    /// The zone most in-person meetings of the set share: a virtual meeting's last resort.
    usual_zone: Option<String>,
    source_zone: bool,
    /// The source's change form (BMLT names none): every meeting's `feedback_url`.
    change_form: Option<String>,
}

/// Reads a saved or fetched BMLT answer: a `GetSearchResults` array, or an object with
/// `meetings` and `formats` (`get_used_formats`), and, as `sync` writes it, `service_bodies` and
/// `root_server`. `formats` is a separate `GetFormats` answer for a file that has none.
pub fn read(bytes: &[u8], formats: Option<&[u8]>, defaults: &FeedDefaults) -> Result<FeedRead, FeedError> {
    let document = json_of(bytes)?;
    let (meetings, mut format_list, bodies, root) = match document {
        Value::Array(meetings) => (meetings, Vec::new(), Vec::new(), None),
        Value::Object(mut object) => {
            let Some(Value::Array(meetings)) = object.remove("meetings") else {
                return Err(FeedError::Malformed(
                    "expected a GetSearchResults answer: an array of meetings, or an object with \"meetings\"".into(),
                ));
            };
            let list = |value: Option<Value>| match value {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            };
            let root = object.get("root_server").and_then(Value::as_str).map(str::to_owned);
            (meetings, list(object.remove("formats")), list(object.remove("service_bodies")), root)
        }
        _ => return Err(FeedError::Malformed("expected a GetSearchResults answer (a JSON array)".into())),
    };
    if let Some(bytes) = formats {
        format_list = match json_of(bytes)? {
            Value::Array(items) => items,
            Value::Object(mut object) => match object.remove("formats") {
                Some(Value::Array(items)) => items,
                _ => return Err(FeedError::Malformed("the formats file is not a GetFormats answer".into())),
            },
            _ => return Err(FeedError::Malformed("the formats file is not a GetFormats answer".into())),
        };
    }
    let formats = format_list
        .iter()
        .filter_map(Value::as_object)
        .map(|format| {
            let field = |key: &str| value(format, key);
            let id = field("id");
            (
                id,
                Format {
                    key: field("key_string"),
                    name: field("name_string"),
                    world_id: field("world_id"),
                    kind: field("format_type_enum"),
                },
            )
        })
        .collect();
    let bodies = bodies
        .iter()
        .filter_map(Value::as_object)
        .map(|body| (value(body, "id"), (value(body, "name"), value(body, "url"))))
        .collect();
    let records: Vec<Map<String, Value>> = meetings
        .into_iter()
        .filter_map(|meeting| if let Value::Object(object) = meeting { Some(object) } else { None })
        .collect();
    let mut context = Context {
        formats,
        bodies,
        root,
        usual_zone: None,
        source_zone: defaults.import_timezone.is_some(),
        change_form: defaults.change_form.clone(),
    };
    context.usual_zone = usual_zone(&records);
    let mut warnings = Vec::new();
    let mut unmatched: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    let mapped: Vec<Result<Map<String, Value>, String>> = records
        .iter()
        .enumerate()
        .filter(|(_, meeting)| value(meeting, "published") != "0")
        .map(|(index, meeting)| {
            let mut record =
                Record { position: index + 1, slug: None, warnings: &mut warnings, unmatched: &mut unmatched };
            record.map(meeting, &context)
        })
        .collect();
    for (name, (count, position, slug)) in unmatched {
        let read = format!("{name}, on {count} meeting(s)");
        let became = "no Meeting Guide type: kept by name in bmlt_formats".to_owned();
        warnings.push(RecordWarning::new(position, Some(slug), "formats", read, became));
    }
    let mut read = collect_records(mapped.into_iter(), defaults)?;
    if defaults.strict && !warnings.is_empty() {
        return Err(FeedError::Records(warnings.into_iter().map(RecordWarning::into_strict_error).collect()));
    }
    read.warnings.extend(warnings);
    read.warnings.sort_by_key(|warning| warning.position);
    Ok(read)
}

fn json_of(bytes: &[u8]) -> Result<Value, FeedError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    if text.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'<') {
        return Err(FeedError::Malformed("it is a web page (HTML), not a BMLT answer".into()));
    }
    serde_json::from_slice(text).map_err(|error| FeedError::Malformed(error.to_string()))
}

/// A field as text: BMLT sends strings (some servers numbers); `prompt#@-@#value` keeps the value.
fn value(object: &Map<String, Value>, key: &str) -> String {
    let text = match object.get(key) {
        Some(Value::String(text)) => text.as_str(),
        Some(Value::Number(number)) => return number.to_string(),
        Some(Value::Bool(flag)) => return if *flag { "1".into() } else { "0".into() },
        _ => return String::new(),
    };
    let text = text.rsplit_once("#@-@#").map_or(text, |(_, value)| value);
    text.trim().to_owned()
}

fn venue_type(meeting: &Map<String, Value>, formats: &HashMap<String, Format>) -> VenueType {
    if let Some(venue) = VenueType::parse(&value(meeting, "venue_type")) {
        return venue;
    }
    // Servers before venue_type said it with the VM and HYBR formats.
    let world_ids: Vec<String> = format_ids(meeting)
        .iter()
        .filter_map(|id| formats.get(id))
        .map(|format| format.world_id.to_uppercase())
        .collect();
    if world_ids.iter().any(|id| id == "HYBR") {
        VenueType::Hybrid
    } else if world_ids.iter().any(|id| id == "VM") {
        VenueType::Virtual
    } else {
        VenueType::InPerson
    }
}

fn format_ids(meeting: &Map<String, Value>) -> Vec<String> {
    value(meeting, "format_shared_id_list")
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A meeting's coordinates, when both are numbers and not the (0, 0) servers leave for none.
fn point(meeting: &Map<String, Value>) -> Option<(f64, f64)> {
    let latitude = value(meeting, "latitude").parse::<f64>().ok()?;
    let longitude = value(meeting, "longitude").parse::<f64>().ok()?;
    (latitude.is_finite() && longitude.is_finite() && (latitude != 0.0 || longitude != 0.0))
        .then_some((latitude, longitude))
}

/// The zone most in-person (and hybrid) meetings of the set are in, by `time_zone` or coordinates.
fn usual_zone(records: &[Map<String, Value>]) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for meeting in records {
        if VenueType::parse(&value(meeting, "venue_type")) == Some(VenueType::Virtual) {
            continue;
        }
        let zone = Some(value(meeting, "time_zone"))
            .filter(|zone| jiff::tz::TimeZone::get(zone).is_ok())
            .or_else(|| point(meeting).and_then(|(latitude, longitude)| zone_at(latitude, longitude)));
        if let Some(zone) = zone {
            *counts.entry(zone).or_default() += 1;
        }
    }
    // The most common; of equals, the first by name (the same every sync).
    counts
        .into_iter()
        .fold(None, |best: Option<(String, usize)>, (zone, count)| match best {
            Some((_, most)) if most >= count => best,
            _ => Some((zone, count)),
        })
        .map(|(zone, _)| zone)
}

/// A slug-like name of a root server from its address: `https://na-berlin.de/main_server` is
/// `na-berlin-de` (path parts other than `main_server` are kept, so two servers on one host differ).
pub fn server_slug(root: &str) -> String {
    let without_scheme = root.split_once("://").map_or(root, |(_, rest)| rest);
    let words: Vec<String> = without_scheme
        .split(['/', '.', ':', '_', '-', '?', '&', '='])
        .filter(|part| !part.is_empty() && !part.eq_ignore_ascii_case("main") && !part.eq_ignore_ascii_case("server"))
        .filter(|part| {
            !part.eq_ignore_ascii_case("www")
                && !part.eq_ignore_ascii_case("client")
                && !part.eq_ignore_ascii_case("interface")
                && !part.eq_ignore_ascii_case("json")
        })
        .map(|part| part.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase())
        .filter(|part| !part.is_empty())
        .collect();
    let slug = words.join("-");
    if slug.is_empty() { "bmlt".to_owned() } else { slug.chars().take(80).collect() }
}

/// One meeting being mapped: its warnings go to the set's list, formats without a counterpart
/// to the set's tally (one warning per format).
struct Record<'a> {
    position: usize,
    slug: Option<String>,
    warnings: &'a mut Vec<RecordWarning>,
    unmatched: &'a mut BTreeMap<String, (usize, usize, String)>,
}

impl Record<'_> {
    fn warn(&mut self, field: &str, read: String, became: String) {
        self.warnings.push(RecordWarning::new(self.position, self.slug.clone(), field, read, became));
    }

    fn map(&mut self, meeting: &Map<String, Value>, context: &Context) -> Result<Map<String, Value>, String> {
        let field = |key: &str| value(meeting, key);
        let id = field("id_bigint");
        if id.is_empty() || !id.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(format!("id_bigint {:?} is not a meeting id", field("id_bigint")));
        }
        // The server the meeting says it is kept on (an aggregator's meetings come from many; their
        // ids are each server's own), else the one asked.
        let root = Some(field("root_server_uri")).filter(|uri| !uri.is_empty()).or_else(|| context.root.clone());
        let slug = format!("{}-{id}", root.as_deref().map_or_else(|| "bmlt".to_owned(), server_slug));
        self.slug = Some(slug.clone());
        let mut record = Map::new();
        let mut put = |key: &str, value: Value| {
            if value != json!("") && !value.is_null() {
                record.insert(key.to_owned(), value);
            }
        };
        put("slug", json!(slug));
        put("name", json!(field("meeting_name")));
        let weekday = field("weekday_tinyint");
        if !weekday.is_empty() {
            let day = super::weekday_from_bmlt(&weekday)
                .ok_or_else(|| format!("weekday_tinyint {weekday:?} is not a weekday (1 = Sunday to 7 = Saturday)"))?;
            put("day", json!(day.number()));
        }
        let start = field("start_time");
        let start_time = MeetingTime::parse(&start);
        match start_time {
            Some(time) => put("time", json!(time.to_string())),
            None => put("time", json!(start)),
        }
        let duration = field("duration_time");
        match (start_time, super::minutes_of(&duration)) {
            (Some(time), Some(minutes)) if minutes > 0 && minutes < 1440 => {
                let end = (u32::from(time.minutes()) + minutes) % 1440;
                put("end_time", json!(MeetingTime::from_minutes(end as u16).to_string()));
            }
            (_, Some(_)) => {}
            (_, None) if duration.is_empty() => {}
            (_, None) => self.warn("duration_time", json!(duration).to_string(), "no end time".into()),
        }
        let venue = venue_type(meeting, &context.formats);
        let (types, kept) = self.types(meeting, context);
        put("types", json!(types));
        if !kept.is_empty() {
            put("bmlt_formats", json!(kept));
        }
        put("location", json!(field("location_text")));
        let street = field("location_street");
        let province_postal = [field("location_province"), field("location_postal_code_1")]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let address: Vec<String> =
            [street.clone(), field("location_municipality"), province_postal, field("location_nation")]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect();
        put("formatted_address", json!(address.join(", ")));
        if venue == VenueType::Virtual || street.is_empty() {
            put("approximate", json!("yes"));
        }
        // venue_type says how people attend, even where the server lists no link to join by.
        match venue {
            VenueType::Virtual => put("attendance_option", json!(Attendance::Online.as_str())),
            VenueType::Hybrid => put("attendance_option", json!(Attendance::Hybrid.as_str())),
            VenueType::InPerson => {}
        }
        let zone = field("time_zone");
        if !zone.is_empty() {
            put("timezone", json!(zone));
        }
        match venue {
            VenueType::Virtual => {
                // A virtual meeting's coordinates are a placeholder, not a place: no distance, no zone.
                if zone.is_empty()
                    && !context.source_zone
                    && let Some(usual) = &context.usual_zone
                {
                    put("timezone", json!(usual));
                    self.warn(
                        "time_zone",
                        "no time_zone on a virtual meeting".into(),
                        format!("{usual} (the zone most of this source's in-person meetings share)"),
                    );
                }
            }
            VenueType::InPerson | VenueType::Hybrid => match point(meeting) {
                Some((latitude, longitude)) => {
                    put("latitude", json!(latitude));
                    put("longitude", json!(longitude));
                }
                None => {
                    // Not numbers: the reader says what is wrong with them. "0" and "" are none.
                    for key in ["latitude", "longitude"] {
                        if field(key).parse::<f64>().is_err() {
                            put(key, json!(field(key)));
                        }
                    }
                }
            },
        }
        let body = field("service_body_bigint");
        let (body_name, body_url) =
            context.bodies.get(&body).cloned().unwrap_or_else(|| (field("service_body_name"), String::new()));
        if !body_name.is_empty() {
            put("regions", json!([body_name]));
            put("entity", json!(body_name));
        }
        if body_url.starts_with("https://") || body_url.starts_with("http://") {
            put("entity_url", json!(body_url));
        }
        let link = field("virtual_meeting_link");
        let phone = field("phone_meeting_number");
        let mut link_notes = field("virtual_meeting_additional_info");
        if venue == VenueType::InPerson {
            // venue_type decides how people attend: an in-person meeting's leftover link is kept, not offered.
            put("virtual_meeting_link", json!(link));
            put("phone_meeting_number", json!(phone));
        } else {
            if link.starts_with("https://") || link.starts_with("http://") {
                put("conference_url", json!(link));
            } else if !link.is_empty() && !link.contains(char::is_whitespace) && link.contains('.') {
                let repaired = format!("https://{link}");
                self.warn("virtual_meeting_link", json!(link).to_string(), repaired.clone());
                put("conference_url", json!(repaired));
            } else if !link.is_empty() {
                self.warn("virtual_meeting_link", json!(link).to_string(), "a note, not a link".into());
                link_notes =
                    [link, link_notes].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join("\n");
            }
            put("conference_phone", json!(phone));
            if field("virtual_meeting_link").is_empty() && phone.is_empty() {
                self.warn(
                    "venue_type",
                    json!(venue.number().to_string()).to_string(),
                    match venue {
                        VenueType::Hybrid => "a hybrid meeting with no link and no phone: listed as hybrid, \
                                              without a way to join online"
                            .into(),
                        _ => "a virtual meeting with no link and no phone: listed online, without a way to join".into(),
                    },
                );
            }
        }
        put("conference_url_notes", json!(link_notes));
        put("notes", json!(field("comments")));
        put("location_notes", json!(field("location_info")));
        put("bmlt_id", json!(id));
        put("bmlt_service_body", json!(body));
        put("bmlt_world_id", json!(field("worldid_mixed")));
        if let Some(root) = root {
            put("bmlt_root_server", json!(root));
        }
        if let Some(form) = &context.change_form {
            put("feedback_url", json!(form));
        }
        for key in
            ["location_neighborhood", "location_city_subsection", "location_sub_province", "bus_lines", "train_lines"]
        {
            put(key, json!(field(key)));
        }
        Ok(record)
    }

    /// The meeting's formats as type codes (by world id; languages by key), and the names of
    /// those without a counterpart.
    fn types(&mut self, meeting: &Map<String, Value>, context: &Context) -> (Vec<String>, Vec<String>) {
        let vocabulary = TypeVocabulary::shared();
        let mut ids = format_ids(meeting);
        if ids.is_empty() {
            // Servers that send no id list: their key strings, looked up among their own formats.
            let keys = value(meeting, "formats");
            ids = keys
                .split(',')
                .map(str::trim)
                .filter_map(|key| {
                    context.formats.iter().find(|(_, format)| format.key == key).map(|(id, _)| id.clone())
                })
                .collect();
        }
        let (mut codes, mut kept) = (Vec::<String>::new(), Vec::<String>::new());
        for id in ids {
            let Some(format) = context.formats.get(&id) else {
                self.tally(format!("format id {id} (not among the server's formats)"));
                continue;
            };
            let world_id = format.world_id.to_uppercase();
            let found: Vec<String> = if world_id == "VM" || world_id == "HYBR" {
                continue;
            } else if world_id == "LANG" || format.kind.eq_ignore_ascii_case("LANG") {
                language_code(&format.key)
                    .or_else(|| vocabulary.code_for_name(&format.name))
                    .map(|code| vec![code.to_owned()])
                    .unwrap_or_default()
            } else {
                super::codes_of_world_id(&world_id)
                    .map(|codes| codes.iter().map(|code| (*code).to_owned()).collect())
                    .unwrap_or_default()
            };
            if found.is_empty() {
                let name = if format.name.is_empty() { format.key.clone() } else { format.name.clone() };
                self.tally(format!("{name:?} (id {id}, key {:?}, world_id {:?})", format.key, format.world_id));
                if !kept.contains(&name) {
                    kept.push(name);
                }
            }
            for code in found {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        (codes, kept)
    }

    fn tally(&mut self, format: String) {
        let slug = self.slug.clone().unwrap_or_default();
        let entry = self.unmatched.entry(format).or_insert((0, self.position, slug));
        entry.0 += 1;
    }
}

/// Turns one record's failure in BMLT's terms into the reader's error line (used by tests).
#[cfg(test)]
fn error_lines(error: FeedError) -> Vec<String> {
    match error {
        FeedError::Records(errors) => errors.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> FeedDefaults {
        FeedDefaults { group_slug: Some("narcotics-anonymous".into()), ..FeedDefaults::new("America/Chicago") }
    }

    fn meeting(fields: Value) -> Value {
        let mut base = json!({
            "id_bigint": "12", "worldid_mixed": "G00012345", "service_body_bigint": "3", "weekday_tinyint": "2",
            "venue_type": "1", "start_time": "19:30:00", "duration_time": "01:30:00", "time_zone": "",
            "formats": "O,D", "lang_enum": "en", "longitude": "-87.6298", "latitude": "41.8781",
            "meeting_name": "Hope Group", "location_text": "St. Mark's", "location_street": "1 Main St",
            "location_municipality": "Chicago", "location_province": "IL", "location_postal_code_1": "60601",
            "location_nation": "USA", "location_info": "Basement", "comments": "", "virtual_meeting_link": "",
            "phone_meeting_number": "", "virtual_meeting_additional_info": "", "format_shared_id_list": "1,2",
            "root_server_uri": "https://bmlt.example.org/main_server", "published": "1"
        });
        if let (Some(base), Value::Object(fields)) = (base.as_object_mut(), fields) {
            base.extend(fields);
        }
        base
    }

    fn formats() -> Value {
        json!([
            {"key_string": "O", "name_string": "Open", "description_string": "", "lang": "en", "id": "1", "world_id": "OPEN", "format_type_enum": "O"},
            {"key_string": "D", "name_string": "Discussion", "description_string": "", "lang": "en", "id": "2", "world_id": "DISC", "format_type_enum": "FC1"},
            {"key_string": "Kk", "name_string": "Kerzenlicht-Kreis", "description_string": "", "lang": "de", "id": "31", "world_id": "", "format_type_enum": "FC1"},
            {"key_string": "de", "name_string": "Deutsch", "description_string": "", "lang": "de", "id": "40", "world_id": "LANG", "format_type_enum": "LANG"}
        ])
    }

    fn read_set(meetings: Vec<Value>) -> FeedRead {
        let document = json!({"meetings": meetings, "formats": formats()});
        read(&serde_json::to_vec(&document).expect("json"), None, &defaults()).unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn a_meeting_reads_with_its_weekday_time_end_formats_place_and_stable_slug() {
        let read = read_set(vec![meeting(json!({}))]);
        let meeting = &read.meetings[0];
        assert_eq!(meeting.slug, "bmlt-example-org-12");
        assert_eq!(meeting.days.iter().map(|day| day.number()).collect::<Vec<_>>(), [1], "2 is Monday");
        assert_eq!(meeting.time.map(|time| time.to_string()).as_deref(), Some("19:30"));
        assert_eq!(meeting.end_time.map(|time| time.to_string()).as_deref(), Some("21:00"));
        assert_eq!(meeting.types, ["O", "D"]);
        assert_eq!(meeting.timezone, "America/Chicago", "from the coordinates");
        assert_eq!(meeting.formatted_address.as_deref(), Some("1 Main St, Chicago, IL 60601, USA"));
        assert_eq!(meeting.location_notes.as_deref(), Some("Basement"));
        assert_eq!(meeting.latitude, Some(41.8781));
        assert_eq!(meeting.extra["bmlt_id"], "12");
        assert!(read.warnings.is_empty(), "strings are BMLT's shape, not a warning: {:?}", read.warnings);
    }

    #[test]
    fn a_duration_past_midnight_ends_the_next_morning_and_legacy_values_keep_their_value() {
        let read = read_set(vec![meeting(json!({
            "start_time": "23:00:00", "duration_time": "02:00:00", "location_info": "Door code#@-@#Side door"
        }))]);
        assert_eq!(read.meetings[0].end_time.map(|time| time.to_string()).as_deref(), Some("01:00"));
        assert_eq!(read.meetings[0].location_notes.as_deref(), Some("Side door"));
    }

    #[test]
    fn formats_map_by_world_id_languages_by_key_and_the_rest_is_kept_with_one_warning_each() {
        let read = read_set(vec![
            meeting(json!({"format_shared_id_list": "1,31,40"})),
            meeting(json!({"id_bigint": "13", "format_shared_id_list": "31"})),
        ]);
        assert_eq!(read.meetings[0].types, ["O", "DE"]);
        assert_eq!(read.meetings[0].extra["bmlt_formats"], json!(["Kerzenlicht-Kreis"]));
        let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("Kerzenlicht-Kreis") && lines[0].contains("on 2 meeting(s)"), "{lines:?}");
    }

    #[test]
    fn venue_types_become_attendance_and_a_virtual_meeting_has_no_place() {
        use crate::meetings::Attendance;
        let read = read_set(vec![
            meeting(
                json!({"id_bigint": "1", "time_zone": "Europe/Berlin", "latitude": "52.52", "longitude": "13.405"}),
            ),
            meeting(json!({"id_bigint": "2", "venue_type": "2", "virtual_meeting_link": "https://zoom.us/j/1",
                "latitude": "36.77", "longitude": "-119.41"})),
            meeting(
                json!({"id_bigint": "3", "venue_type": "3", "virtual_meeting_link": "zoom.us/j/3", "phone_meeting_number": "+1 555 0100"}),
            ),
        ]);
        let [in_person, virtual_, hybrid] = &read.meetings[..] else { panic!("three meetings") };
        assert_eq!(in_person.attendance(), Attendance::InPerson);
        assert_eq!(virtual_.attendance(), Attendance::Online);
        assert_eq!(virtual_.latitude, None, "a placeholder point is no place");
        assert_eq!(hybrid.attendance(), Attendance::Hybrid);
        assert_eq!(hybrid.conference_url.as_deref(), Some("https://zoom.us/j/3"));
        assert_eq!(hybrid.conference_phone.as_deref(), Some("+1 555 0100"));
        // The virtual meeting takes the zone most in-person meetings share, with a warning.
        assert_eq!(in_person.timezone, "Europe/Berlin");
        assert_eq!(virtual_.timezone, "America/Chicago");
        let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert!(
            lines.iter().any(|line| line.contains("time_zone") && line.contains("most of this source")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|line| line.contains("virtual_meeting_link") && line.contains("https://zoom.us/j/3")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_virtual_meeting_without_a_link_is_online_and_a_hybrid_one_keeps_its_venue() {
        use crate::meetings::Attendance;
        let read = read_set(vec![
            meeting(json!({"id_bigint": "1", "venue_type": "2", "latitude": "36.77", "longitude": "-119.41"})),
            meeting(json!({"id_bigint": "2", "venue_type": "2", "phone_meeting_number": "+49 30 1234567"})),
            meeting(json!({"id_bigint": "3", "venue_type": "2", "virtual_meeting_link": "ask the secretary"})),
            meeting(json!({"id_bigint": "4", "venue_type": "3"})),
        ]);
        let [no_link, phone_only, note_only, hybrid] = &read.meetings[..] else { panic!("four meetings") };
        for online in [no_link, phone_only, note_only] {
            assert_eq!(online.attendance(), Attendance::Online, "{}", online.slug);
            assert_eq!((online.latitude, online.has_venue()), (None, false), "{}: no place", online.slug);
        }
        assert_eq!(phone_only.conference_phone.as_deref(), Some("+49 30 1234567"));
        assert_eq!(phone_only.conference_url, None, "phone only");
        assert_eq!(hybrid.attendance(), Attendance::Hybrid, "no link, but still hybrid");
        assert_eq!(hybrid.latitude, Some(41.8781), "a hybrid meeting keeps its place");
        let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert!(lines.iter().any(|line| line.contains("virtual meeting with no link and no phone")), "{lines:?}");
        assert!(lines.iter().any(|line| line.contains("hybrid meeting with no link and no phone")), "{lines:?}");
    }

    #[test]
    fn a_weekday_out_of_range_is_an_error_naming_the_record_and_the_field() {
        let document = json!([meeting(json!({"weekday_tinyint": "8"}))]);
        let error = read(&serde_json::to_vec(&document).expect("json"), None, &defaults()).expect_err("must fail");
        let lines = error_lines(error);
        assert!(lines[0].starts_with("record 1") && lines[0].contains("weekday_tinyint \"8\""), "{lines:?}");
    }

    #[test]
    fn html_instead_of_json_is_refused_as_such() {
        let error = read(b"<!DOCTYPE html><html>", None, &defaults()).expect_err("must fail");
        assert!(error.to_string().contains("HTML"), "{error}");
    }

    #[test]
    fn a_server_slug_comes_from_the_address() {
        assert_eq!(server_slug("https://na-berlin.de/main_server"), "na-berlin-de");
        assert_eq!(server_slug("https://www.example.org/bmlt/main_server/"), "example-org-bmlt");
        assert_eq!(server_slug(""), "bmlt");
    }
}
