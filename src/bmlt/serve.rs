//! The semantic interface's read-only core, served: `GetSearchResults`, `GetFormats`,
//! `GetServiceBodies`, `GetServerInfo` and `GetFieldKeys`, in BMLT's shapes (every value a
//! string, weekdays 1 = Sunday … 7 = Saturday), so NA's own tools (crouton, bread, the BMLT
//! apps) can read a directory that holds AA and NA together.
//!
//! Answers come from [`Semantic`], a projection of the active meetings held in memory and built
//! once per data revision (like the finder's index; SQLite is not asked per request): a BMLT
//! meeting per weekly occurrence, our type codes as formats (written back by their NAWS world
//! ids), a service body per group and per region. A search is one pass over compact rows.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Value, json};

use super::VenueType;
use crate::content::Group;
use crate::finder::Ruler;
use crate::i18n::Lang;
use crate::meetings::{Meeting, TypeVocabulary};

/// What the interface answers: the JSON, or a 422 with bmlt-server's message.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The JSON's bytes.
    Json(Vec<u8>),
    Unprocessable(String),
}

/// The switchers answered, as bmlt-server's 422 lists them.
pub const SWITCHERS: [&str; 5] =
    ["GetSearchResults", "GetFormats", "GetServiceBodies", "GetFieldKeys", "GetServerInfo"];

/// bmlt-server's answer to a switcher it does not know (a 422).
pub fn unknown_switcher() -> String {
    format!(
        "Invalid data format or endpoint name. Valid endpoint names for the json and jsonp data formats are: {}.",
        SWITCHERS.join(", ")
    )
}

/// The meeting fields of an answer, in bmlt-server's order, with what each holds.
pub const FIELDS: [(&str, &str); 30] = [
    ("id_bigint", "ID"),
    ("worldid_mixed", "World ID"),
    ("service_body_bigint", "Service Body ID"),
    ("weekday_tinyint", "Weekday (1 = Sunday)"),
    ("venue_type", "Venue Type (1 in person, 2 virtual, 3 hybrid)"),
    ("start_time", "Start Time"),
    ("duration_time", "Duration"),
    ("time_zone", "Time Zone"),
    ("formats", "Format Keys"),
    ("lang_enum", "Language"),
    ("longitude", "Longitude"),
    ("latitude", "Latitude"),
    ("meeting_name", "Meeting Name"),
    ("location_text", "Location Name"),
    ("location_info", "Additional Location Information"),
    ("location_street", "Street Address"),
    ("location_city_subsection", "Borough"),
    ("location_neighborhood", "Neighborhood"),
    ("location_municipality", "Town"),
    ("location_sub_province", "County"),
    ("location_province", "State"),
    ("location_postal_code_1", "Zip Code"),
    ("location_nation", "Nation"),
    ("comments", "Comments"),
    ("virtual_meeting_link", "Virtual Meeting Link"),
    ("phone_meeting_number", "Phone Meeting Dial-in Number"),
    ("virtual_meeting_additional_info", "Virtual Meeting Additional Information"),
    ("root_server_uri", "Root Server URI"),
    ("format_shared_id_list", "Format IDs"),
    ("published", "Published"),
];

/// bmlt-server's order of results when `sort_keys` names none (the rows' own order).
const DEFAULT_ORDER: [&str; 3] = ["weekday_tinyint", "start_time", "duration_time"];

/// The text fields a row keeps, in this order, joined by [`SEPARATOR`] (one allocation a row).
const TEXTS: [&str; 18] = [
    "worldid_mixed",
    "time_zone",
    "lang_enum",
    "meeting_name",
    "location_text",
    "location_info",
    "location_street",
    "location_city_subsection",
    "location_neighborhood",
    "location_municipality",
    "location_sub_province",
    "location_province",
    "location_postal_code_1",
    "location_nation",
    "comments",
    "virtual_meeting_link",
    "phone_meeting_number",
    "virtual_meeting_additional_info",
];
const SEPARATOR: char = '\u{1f}';

/// One BMLT meeting: one weekly occurrence of one of ours.
struct Row {
    /// Our meeting's row id × 10 + the weekday (1–7): unique, and the same every revision.
    id: i64,
    weekday: u8,
    /// Minutes past midnight, and minutes long.
    start: u16,
    duration: u16,
    venue: VenueType,
    /// Indexes into [`Semantic::formats`] (ids are index + 1), sorted.
    formats: Box<[u16]>,
    /// Index into [`Semantic::bodies`] (id is index + 1).
    body: u32,
    point: Option<(f64, f64)>,
    texts: Box<str>,
}

impl Row {
    fn text(&self, key: &str) -> &str {
        let index = TEXTS.iter().position(|own| *own == key).unwrap_or(usize::MAX);
        self.texts.split(SEPARATOR).nth(index).unwrap_or_default()
    }
}

/// A JSON string, escaped.
fn write_string(out: &mut Vec<u8>, text: &str) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}

fn json_answer(value: &Value) -> Answer {
    Answer::Json(serde_json::to_vec(value).unwrap_or_default())
}

/// A format we serve: one of our type codes.
struct ServedFormat {
    code: String,
    world_id: &'static str,
    /// Some meeting has it: `GetFormats` lists only these.
    used: bool,
}

/// A service body we serve: a group (fellowship), or a region of one.
struct Body {
    name: String,
    parent: u32,
    slug: String,
}

/// The interface's projection of one data revision.
pub struct Semantic {
    /// In the default order: weekday, start, duration, id.
    rows: Vec<Row>,
    formats: Vec<ServedFormat>,
    bodies: Vec<Body>,
    /// Weekday `d`'s rows (1 = Sunday) are `rows[days[d]..days[d + 1]]`.
    days: [usize; 9],
}

/// How a code is grouped in BMLT's `format_type_enum`.
fn format_type(code: &str) -> &'static str {
    match code.to_uppercase().as_str() {
        "O" | "C" => "O",
        "X" | "XB" | "TC" | "OUT" | "SM" | "BA" | "FF" | "BRK" => "FC2",
        "W" | "M" | "Y" | "LGBTQ" | "G" | "L" | "T" | "BI" | "NB" | "BE" | "POC" | "SEN" | "P" | "N" | "NDG" | "CF"
        | "DD" => "FC3",
        code if crate::meetings::language_of(&[code.to_owned()]).is_some() || code == "EN" => "LANG",
        _ => "FC1",
    }
}

/// Address parts of one of our meetings, as BMLT's location fields: the feed's own parts when
/// it kept them, else read from `formatted_address` ("street, town, state postal, nation").
fn location_parts(meeting: &Meeting) -> [String; 5] {
    let extra =
        |key: &str| meeting.extra.get(key).and_then(Value::as_str).map(str::trim).unwrap_or_default().to_owned();
    if !extra("city").is_empty() || !extra("address").is_empty() {
        let province = [extra("state")].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ");
        return [extra("address"), extra("city"), province, extra("postal_code"), extra("country")];
    }
    let address = meeting.formatted_address.clone().unwrap_or_default();
    let mut parts: Vec<&str> = address.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
    if meeting.approximate {
        // Only a town (and maybe more): no street.
        parts.insert(0, "");
    }
    let street = parts.first().copied().unwrap_or_default().to_owned();
    let town = parts.get(1).copied().unwrap_or_default().to_owned();
    let (province, postal) = match parts.get(2) {
        Some(part) => match part.rsplit_once(' ') {
            Some((province, postal)) if postal.chars().any(|c| c.is_ascii_digit()) => {
                (province.to_owned(), postal.to_owned())
            }
            _ if part.chars().any(|c| c.is_ascii_digit()) => (String::new(), (*part).to_owned()),
            _ => ((*part).to_owned(), String::new()),
        },
        None => (String::new(), String::new()),
    };
    let nation = if parts.len() > 3 { parts.last().copied().unwrap_or_default().to_owned() } else { String::new() };
    [street, town, province, postal, nation]
}

impl Semantic {
    /// The projection of `meetings` (with their store row ids) of `groups`.
    pub fn build(
        meetings: impl IntoIterator<Item = (i64, Meeting)>,
        groups: &[Group],
        vocabulary: &TypeVocabulary,
    ) -> Semantic {
        let mut builder = SemanticBuilder::new(groups, vocabulary);
        for (id, meeting) in meetings {
            builder.add(id, &meeting);
        }
        builder.finish()
    }

    /// BMLT meetings held (one per weekly occurrence).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The answer to a query string (`switcher=…&…`); `root` is this server's address, as
    /// `root_server_uri` names it.
    pub fn answer(&self, query: &str, root: &str, unit: crate::meetings::DistanceUnit) -> Answer {
        let parameters = Parameters::parse(query);
        match parameters.first("switcher").as_deref() {
            Some("GetSearchResults") => self.search(&parameters, root),
            Some("GetFormats") => {
                let ids = parameters.numbers("format_ids");
                let lang = language(&parameters);
                let shown = self
                    .formats
                    .iter()
                    .enumerate()
                    .filter(|(index, format)| format.used && included(&ids, *index as i64 + 1))
                    .map(|(index, _)| self.format_json(index, lang, root))
                    .collect();
                json_answer(&Value::Array(shown))
            }
            Some("GetServiceBodies") => json_answer(&self.service_bodies(&parameters, root)),
            Some("GetFieldKeys") => json_answer(
                &FIELDS.iter().map(|(key, description)| json!({"key": key, "description": description})).collect(),
            ),
            Some("GetServerInfo") => json_answer(&server_info(unit)),
            _ => Answer::Unprocessable(unknown_switcher()),
        }
    }

    fn format_json(&self, index: usize, lang: Lang, root: &str) -> Value {
        let format = &self.formats[index];
        let vocabulary = TypeVocabulary::shared();
        let name = vocabulary.label(&format.code, lang);
        json!({
            "key_string": format.code,
            "name_string": name,
            "description_string": name,
            "lang": lang.code(),
            "id": (index + 1).to_string(),
            "world_id": format.world_id,
            "format_type_enum": format_type(&format.code),
            "root_server_uri": root,
        })
    }

    fn service_bodies(&self, parameters: &Parameters, root: &str) -> Value {
        let asked = parameters.numbers("services");
        let mut chosen: BTreeSet<u32> = BTreeSet::new();
        for (index, _) in self.bodies.iter().enumerate() {
            let id = index as u32 + 1;
            if included(&asked, i64::from(id)) {
                chosen.insert(id);
            }
        }
        if parameters.first("recursive").as_deref() == Some("1") {
            let mut children: Vec<u32> = Vec::new();
            for (index, body) in self.bodies.iter().enumerate() {
                if chosen.contains(&body.parent) {
                    children.push(index as u32 + 1);
                }
            }
            chosen.extend(children);
        }
        if parameters.first("parents").as_deref() == Some("1") {
            let parents: Vec<u32> =
                chosen.iter().filter_map(|id| self.bodies.get(*id as usize - 1)).map(|body| body.parent).collect();
            chosen.extend(parents.into_iter().filter(|parent| *parent > 0));
        }
        let site = root.trim_end_matches("/client_interface").to_owned();
        chosen
            .into_iter()
            .filter_map(|id| {
                let body = self.bodies.get(id as usize - 1)?;
                let url = match body.parent {
                    0 => format!("{site}/groups/{}", body.slug),
                    _ => format!("{site}/meetings?group={}&region={}", body.slug, urlencode(&body.name)),
                };
                Some(json!({
                    "id": id.to_string(),
                    "parent_id": body.parent.to_string(),
                    "name": body.name,
                    "description": "",
                    "type": if body.parent == 0 { "WS" } else { "RS" },
                    "url": url,
                    "helpline": "",
                    "world_id": "",
                }))
            })
            .collect()
    }

    fn search(&self, parameters: &Parameters, root: &str) -> Answer {
        let query = Search::from(parameters, self);
        let mut found: Vec<(usize, Option<f64>)> = Vec::new();
        // Only the asked weekdays' stretches are read (all of them when none is asked).
        let asked: Vec<usize> =
            query.weekdays.iter().filter(|day| (1..=7).contains(*day)).map(|day| *day as usize).collect();
        let stretches: Vec<std::ops::Range<usize>> = match asked.is_empty() {
            true => std::iter::once(0..self.rows.len()).collect(),
            false => (1..=7).filter(|day| asked.contains(day)).map(|day| self.days[day]..self.days[day + 1]).collect(),
        };
        for stretch in stretches {
            for index in stretch {
                if let Some(distance) = query.matches(&self.rows[index]) {
                    found.push((index, distance));
                }
            }
        }
        if let Some(nearest) = query.nearest {
            found.sort_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
            found.truncate(nearest);
        }
        if query.by_distance && query.point.is_some() {
            found.sort_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal));
        } else {
            if !query.sort_keys.iter().map(String::as_str).eq(DEFAULT_ORDER) {
                found.sort_by(|a, b| self.compare(&self.rows[a.0], &self.rows[b.0], &query.sort_keys));
            }
        }
        if let Some(size) = query.page_size.filter(|size| *size > 0) {
            found = found.into_iter().skip(size.saturating_mul(query.page.saturating_sub(1))).take(size).collect();
        }
        let lang = language(parameters);
        let used: BTreeSet<u16> =
            found.iter().flat_map(|(index, _)| self.rows[*index].formats.iter().copied()).collect();
        let used_formats: Vec<Value> =
            used.iter().map(|index| self.format_json(usize::from(*index), lang, root)).collect();
        if parameters.has("get_formats_only") {
            return json_answer(&json!({"formats": used_formats}));
        }
        let keys = parameters
            .first("data_field_key")
            .map(|keys| keys.split(',').map(str::trim).map(str::to_owned).collect::<Vec<_>>());
        // Written straight out (a wide search is thousands of meetings), in bmlt-server's order.
        let mut out = Vec::with_capacity(found.len() * 900 + 64);
        let with_formats = parameters.has("get_used_formats");
        if with_formats {
            out.extend_from_slice(b"{\"meetings\":");
        }
        out.push(b'[');
        for (number, (index, distance)) in found.iter().enumerate() {
            if number > 0 {
                out.push(b',');
            }
            self.write_meeting(&mut out, &self.rows[*index], *distance, keys.as_deref(), root);
        }
        out.push(b']');
        if with_formats {
            out.extend_from_slice(b",\"formats\":");
            out.extend_from_slice(&serde_json::to_vec(&used_formats).unwrap_or_else(|_| b"[]".to_vec()));
            out.push(b'}');
        }
        Answer::Json(out)
    }

    /// A field's value as BMLT writes it; `texts` are the row's text fields, split.
    fn field<'b>(&self, row: &Row, texts: &[&'b str], key: &str, root: &'b str) -> Cow<'b, str> {
        let owned = match key {
            "id_bigint" => row.id.to_string(),
            "service_body_bigint" => row.body.to_string(),
            "weekday_tinyint" => row.weekday.to_string(),
            "venue_type" => row.venue.number().to_string(),
            "start_time" => super::hh_mm_ss(u32::from(row.start)),
            "duration_time" => super::hh_mm_ss(u32::from(row.duration)),
            "formats" => row
                .formats
                .iter()
                .map(|index| self.formats[usize::from(*index)].code.as_str())
                .collect::<Vec<_>>()
                .join(","),
            "format_shared_id_list" => {
                row.formats.iter().map(|index| (index + 1).to_string()).collect::<Vec<_>>().join(",")
            }
            "latitude" => row.point.map(|(latitude, _)| latitude.to_string()).unwrap_or_default(),
            "longitude" => row.point.map(|(_, longitude)| longitude.to_string()).unwrap_or_default(),
            "root_server_uri" => return Cow::Borrowed(root),
            "published" => return Cow::Borrowed("1"),
            text => {
                let index = TEXTS.iter().position(|own| *own == text).unwrap_or(usize::MAX);
                return Cow::Borrowed(texts.get(index).copied().unwrap_or_default());
            }
        };
        Cow::Owned(owned)
    }

    /// One meeting as a JSON object of strings (only `keys` when given).
    fn write_meeting(&self, out: &mut Vec<u8>, row: &Row, distance: Option<f64>, keys: Option<&[String]>, root: &str) {
        let wanted = |key: &str| keys.is_none_or(|keys| keys.iter().any(|own| own == key));
        let texts: Vec<&str> = row.texts.split(SEPARATOR).collect();
        let mut first = true;
        let mut put = |out: &mut Vec<u8>, key: &str, value: &str| {
            out.push(if first { b'{' } else { b',' });
            first = false;
            write_string(out, key);
            out.push(b':');
            write_string(out, value);
        };
        for (key, _) in FIELDS {
            if wanted(key) {
                put(out, key, &self.field(row, &texts, key, root));
            }
        }
        if wanted("service_body_name") {
            let body = self.bodies.get((row.body as usize).wrapping_sub(1));
            put(out, "service_body_name", body.map_or("", |body| body.name.as_str()));
        }
        if let Some(km) = distance {
            if wanted("distance_in_km") {
                put(out, "distance_in_km", &format!("{km:.4}"));
            }
            if wanted("distance_in_miles") {
                put(out, "distance_in_miles", &format!("{:.4}", km / 1.609_344));
            }
        }
        if first {
            out.push(b'{');
        }
        out.push(b'}');
    }

    fn compare(&self, a: &Row, b: &Row, keys: &[String]) -> std::cmp::Ordering {
        for key in keys {
            let order = match key.as_str() {
                "id_bigint" => a.id.cmp(&b.id),
                "weekday_tinyint" => a.weekday.cmp(&b.weekday),
                "start_time" => a.start.cmp(&b.start),
                "duration_time" => a.duration.cmp(&b.duration),
                "venue_type" => a.venue.number().cmp(&b.venue.number()),
                "service_body_bigint" => a.body.cmp(&b.body),
                key if TEXTS.contains(&key) => a.text(key).to_lowercase().cmp(&b.text(key).to_lowercase()),
                _ => std::cmp::Ordering::Equal,
            };
            if order.is_ne() {
                return order;
            }
        }
        a.id.cmp(&b.id)
    }
}

/// Builds a [`Semantic`] one meeting at a time, so the store can stream them in. Format ids are
/// the vocabulary's codes in order (the same every revision), then a program's own codes as
/// they first come.
pub struct SemanticBuilder<'a> {
    groups: &'a [Group],
    vocabulary: &'a TypeVocabulary,
    bodies: Vec<Body>,
    region_bodies: HashMap<(String, String), u32>,
    formats: Vec<ServedFormat>,
    index_of: HashMap<String, u16>,
    rows: Vec<Row>,
}

impl<'a> SemanticBuilder<'a> {
    pub fn new(groups: &'a [Group], vocabulary: &'a TypeVocabulary) -> SemanticBuilder<'a> {
        let bodies =
            groups.iter().map(|group| Body { name: group.name.clone(), parent: 0, slug: group.slug.clone() }).collect();
        let mut builder = SemanticBuilder {
            groups,
            vocabulary,
            bodies,
            region_bodies: HashMap::new(),
            formats: Vec::new(),
            index_of: HashMap::new(),
            rows: Vec::new(),
        };
        for code in vocabulary.codes() {
            builder.format_index(code);
        }
        builder
    }

    fn format_index(&mut self, code: &str) -> u16 {
        let key = code.to_uppercase();
        if let Some(index) = self.index_of.get(&key) {
            return *index;
        }
        let index = u16::try_from(self.formats.len()).unwrap_or(u16::MAX);
        let code = self.vocabulary.canonical(code).unwrap_or(code).to_owned();
        self.formats.push(ServedFormat { world_id: super::world_id_of_code(&code).unwrap_or(""), code, used: false });
        self.index_of.insert(key, index);
        index
    }

    /// Adds one meeting (a meeting by appointment has no weekday, so no BMLT meeting).
    pub fn add(&mut self, id: i64, meeting: &Meeting) {
        let Some(start) = meeting.time.filter(|_| !meeting.days.is_empty()) else { return };
        let group = meeting.group_slug.clone().unwrap_or_default();
        let group_body = self.groups.iter().position(|own| own.slug == group).map_or(0, |index| index as u32 + 1);
        let body = match meeting.regions.first() {
            Some(region) if group_body > 0 => {
                let bodies = &mut self.bodies;
                *self.region_bodies.entry((group.clone(), region.clone())).or_insert_with(|| {
                    bodies.push(Body { name: region.clone(), parent: group_body, slug: group.clone() });
                    bodies.len() as u32
                })
            }
            _ => group_body,
        };
        let end = meeting.end_time_or_default().map_or(60, |end| end.minutes());
        let duration = (end + 1440 - start.minutes()) % 1440;
        let mut format_ids: Vec<u16> = meeting.types.iter().map(|code| self.format_index(code)).collect();
        format_ids.sort_unstable();
        format_ids.dedup();
        for index in &format_ids {
            self.formats[usize::from(*index)].used = true;
        }
        let venue = VenueType::of(meeting.attendance());
        let point = meeting.latitude.zip(meeting.longitude).filter(|_| venue != VenueType::Virtual);
        let [street, town, province, postal, nation] = location_parts(meeting);
        let extra = |key: &str| meeting.extra.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        let texts: Vec<String> = vec![
            extra("bmlt_world_id"),
            meeting.timezone.clone(),
            meeting.language().unwrap_or("en").to_owned(),
            meeting.name.clone(),
            meeting.location.clone().unwrap_or_default(),
            meeting.location_notes.clone().unwrap_or_default(),
            street,
            extra("location_city_subsection"),
            extra("location_neighborhood"),
            town,
            extra("location_sub_province"),
            province,
            postal,
            nation,
            meeting.notes.clone().unwrap_or_default(),
            meeting.conference_url.clone().unwrap_or_default(),
            meeting.conference_phone.clone().unwrap_or_default(),
            meeting.conference_url_notes.clone().unwrap_or_default(),
        ];
        let texts: Box<str> = texts
            .iter()
            .map(|text| text.replace(SEPARATOR, " "))
            .collect::<Vec<_>>()
            .join(&SEPARATOR.to_string())
            .into();
        let formats: Box<[u16]> = format_ids.into();
        for day in &meeting.days {
            let weekday = super::weekday_to_bmlt(*day);
            self.rows.push(Row {
                id: id * 10 + i64::from(weekday),
                weekday,
                start: start.minutes(),
                duration,
                venue,
                formats: formats.clone(),
                body,
                point,
                texts: texts.clone(),
            });
        }
    }

    pub fn finish(mut self) -> Semantic {
        // In the default order (weekday, start, duration, id): a weekday's meetings are one
        // stretch, and a search in that order needs no sorting.
        self.rows.sort_unstable_by_key(|row| (row.weekday, row.start, row.duration, row.id));
        let mut days = [0usize; 9];
        for weekday in 1..=8u8 {
            days[usize::from(weekday)] = self.rows.partition_point(|row| row.weekday < weekday);
        }
        Semantic { rows: self.rows, formats: self.formats, bodies: self.bodies, days }
    }
}

/// A `GetSearchResults` request, read as bmlt-server reads it (negative ids exclude).
struct Search {
    ids: Vec<i64>,
    weekdays: Vec<i64>,
    venues: Vec<i64>,
    services: Vec<i64>,
    /// Format indexes (ids − 1) asked for and refused; an id we do not have matches nothing.
    wanted_formats: Vec<u16>,
    refused_formats: Vec<u16>,
    any_format: bool,
    starts_after: Option<u16>,
    starts_before: Option<u16>,
    point: Option<(f64, f64)>,
    /// Distances from `point`.
    ruler: Option<Ruler>,
    radius_km: Option<f64>,
    nearest: Option<usize>,
    by_distance: bool,
    words: Option<String>,
    sort_keys: Vec<String>,
    page_size: Option<usize>,
    page: usize,
}

impl Search {
    fn from(parameters: &Parameters, semantic: &Semantic) -> Search {
        let mut services = parameters.numbers("services");
        if parameters.first("recursive").as_deref() == Some("1") {
            let mut children = Vec::new();
            for (index, body) in semantic.bodies.iter().enumerate() {
                for id in &services {
                    if i64::from(body.parent) == id.abs() {
                        children.push((index as i64 + 1) * id.signum());
                    }
                }
            }
            services.extend(children);
        }
        let number = |key: &str| {
            parameters.first(key).and_then(|text| text.trim().parse::<f64>().ok()).filter(|n| n.is_finite())
        };
        let clock = |hours: &str, minutes: &str| {
            let hours = number(hours)?;
            let minutes = number(minutes).unwrap_or(0.0);
            Some((hours.clamp(0.0, 23.0) * 60.0 + minutes.clamp(0.0, 59.0)) as u16)
        };
        let point = number("lat_val")
            .zip(number("long_val"))
            .filter(|(latitude, longitude)| latitude.abs() <= 90.0 && longitude.abs() <= 180.0);
        let width =
            number("geo_width_km").map(|km| (km, true)).or_else(|| number("geo_width").map(|miles| (miles, false)));
        let (radius_km, nearest) = match width {
            Some((width, _)) if width < 0.0 => (None, Some(width.abs() as usize)),
            Some((width, true)) => (Some(width), None),
            Some((width, false)) => (Some(width * 1.609_344), None),
            None => (None, None),
        };
        let words = parameters
            .first("SearchString")
            .map(|text| text.trim().to_lowercase())
            .filter(|text| text.chars().count() > 2 || (!text.is_empty() && text.chars().all(|c| c.is_ascii_digit())));
        let formats = parameters.numbers("formats");
        // An id past every format's is kept as one no meeting has.
        let index = |id: i64| u16::try_from(id - 1).unwrap_or(u16::MAX);
        let sort_keys = match parameters.first("sort_keys").filter(|keys| !keys.trim().is_empty()) {
            Some(keys) => keys.split(',').map(|key| key.trim().to_owned()).collect(),
            None => DEFAULT_ORDER.map(str::to_owned).to_vec(),
        };
        Search {
            ids: parameters.numbers("meeting_ids"),
            weekdays: parameters.numbers("weekdays"),
            venues: parameters.numbers("venue_types"),
            services,
            wanted_formats: formats.iter().filter(|id| **id > 0).map(|id| index(*id)).collect(),
            refused_formats: formats.iter().filter(|id| **id < 0).map(|id| index(-id)).collect(),
            any_format: parameters.first("formats_comparison_operator").is_some_and(|op| op.eq_ignore_ascii_case("OR")),
            starts_after: clock("StartsAfterH", "StartsAfterM"),
            starts_before: clock("StartsBeforeH", "StartsBeforeM"),
            point: point.filter(|_| width.is_some()),
            ruler: point.filter(|_| width.is_some()).map(Ruler::new),
            radius_km,
            nearest,
            by_distance: parameters.first("sort_results_by_distance").as_deref() == Some("1") || nearest.is_some(),
            words,
            sort_keys,
            page_size: parameters.first("page_size").and_then(|size| size.trim().parse().ok()),
            page: parameters.first("page_num").and_then(|page| page.trim().parse().ok()).unwrap_or(1).max(1),
        }
    }

    /// `None` when the row does not match; `Some(distance in km, when a point was asked)`.
    fn matches(&self, row: &Row) -> Option<Option<f64>> {
        if !included(&self.weekdays, i64::from(row.weekday))
            || !included(&self.venues, i64::from(row.venue.number()))
            || !included(&self.ids, row.id)
            || !included(&self.services, i64::from(row.body))
        {
            return None;
        }
        let has = |index: &u16| row.formats.binary_search(index).is_ok();
        if self.refused_formats.iter().any(has) {
            return None;
        }
        let wanted = &self.wanted_formats;
        if !wanted.is_empty() && !(if self.any_format { wanted.iter().any(has) } else { wanted.iter().all(has) }) {
            return None;
        }
        if self.starts_after.is_some_and(|after| row.start <= after)
            || self.starts_before.is_some_and(|before| row.start >= before)
        {
            return None;
        }
        if let Some(words) = &self.words
            && !row.texts.to_lowercase().contains(words.as_str())
        {
            return None;
        }
        let Some(ruler) = self.ruler else { return Some(None) };
        let km = ruler.km(row.point?);
        if self.radius_km.is_some_and(|radius| km > radius) {
            return None;
        }
        Some(Some(km))
    }
}

/// Does a list of ids (negative: excluded) let `id` through? An empty list lets all through.
fn included(list: &[i64], id: i64) -> bool {
    let (mut asked, mut named) = (false, false);
    for own in list {
        if *own < 0 && own.abs() == id {
            return false;
        }
        asked |= *own > 0;
        named |= *own == id;
    }
    !asked || named
}

/// The page's language for names (`lang_enum=es`), else the default.
fn language(parameters: &Parameters) -> Lang {
    parameters.first("lang_enum").and_then(|code| Lang::from_code(&code)).unwrap_or(Lang::DEFAULT)
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// What `GetServerInfo` says: the bmlt-server version whose interface this one answers.
fn server_info(unit: crate::meetings::DistanceUnit) -> Value {
    let keys: Vec<&str> = FIELDS.iter().map(|(key, _)| *key).collect();
    json!([{
        "version": "3.0.0",
        "versionInt": "3000000",
        "langs": Lang::all().map(Lang::code).collect::<Vec<_>>().join(","),
        "nativeLang": Lang::DEFAULT.code(),
        "centerLongitude": "",
        "centerLatitude": "",
        "centerZoom": "",
        "defaultDuration": "01:00:00",
        "regionBias": "",
        "charSet": "UTF-8",
        "distanceUnits": match unit { crate::meetings::DistanceUnit::Mi => "mi", crate::meetings::DistanceUnit::Km => "km" },
        "semanticAdmin": "0",
        "emailEnabled": "0",
        "emailIncludesServiceBodies": "0",
        "changesPerMeeting": "0",
        "meeting_states_and_provinces": "",
        "meeting_counties_and_sub_provinces": "",
        "available_keys": keys.join(","),
        "google_api_key": "",
        "dbVersion": "",
        "meeting_time_zones_enabled": "1",
        "aggregator_mode_enabled": false,
        "server": concat!("mutual-support-directory ", env!("CARGO_PKG_VERSION")),
    }])
}

/// A query string's parameters, with BMLT's three ways of giving a list: `k=1,2`, `k[]=1&k[]=2`
/// and `k=1&k=2`.
struct Parameters(BTreeMap<String, Vec<String>>);

impl Parameters {
    fn parse(query: &str) -> Parameters {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let key = key.trim_end_matches("[]").to_owned();
            map.entry(key).or_default().push(value.into_owned());
        }
        Parameters(map)
    }

    fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    fn first(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(|values| values.first()).cloned()
    }

    /// Every integer given for `key` (comma lists and repeats), others ignored.
    fn numbers(&self, key: &str) -> Vec<i64> {
        self.0
            .get(key)
            .into_iter()
            .flatten()
            .flat_map(|value| value.split(','))
            .filter_map(|part| part.trim().parse::<i64>().ok())
            .filter(|id| *id != 0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::{MeetingTime, Weekday};

    fn meeting(slug: &str, day: u8, time: (u8, u8), types: &[&str]) -> Meeting {
        Meeting {
            slug: slug.into(),
            name: format!("Meeting {slug}"),
            group_slug: Some("narcotics-anonymous".into()),
            days: vec![Weekday::new(day).expect("day")],
            time: MeetingTime::new(time.0, time.1),
            end_time: MeetingTime::new((time.0 + 1) % 24, time.1),
            timezone: "America/Chicago".into(),
            types: types.iter().map(|code| (*code).to_owned()).collect(),
            formatted_address: Some("1 Main St, Lakeview, MN 55001, USA".into()),
            latitude: Some(45.0),
            longitude: Some(-93.0),
            regions: vec!["Lakes Area".into()],
            ..Meeting::default()
        }
    }

    fn semantic() -> Semantic {
        let groups = crate::content::Content::embedded().expect("content").groups.clone();
        let mut far = meeting("far", 1, (19, 0), &["C"]);
        far.latitude = Some(46.0);
        let meetings =
            vec![(1, meeting("a", 1, (19, 0), &["O", "D"])), (2, meeting("b", 3, (7, 30), &["O", "W"])), (3, far)];
        Semantic::build(meetings, &groups, TypeVocabulary::shared())
    }

    fn meetings_of(answer: Answer) -> Vec<Value> {
        match answer {
            Answer::Json(bytes) => serde_json::from_slice::<Vec<Value>>(&bytes).expect("a JSON list"),
            other => panic!("not a list: {other:?}"),
        }
    }

    fn ask(query: &str) -> Vec<Value> {
        meetings_of(semantic().answer(query, "https://example.org", crate::meetings::DistanceUnit::Mi))
    }

    fn names(meetings: &[Value]) -> Vec<&str> {
        meetings.iter().filter_map(|meeting| meeting["meeting_name"].as_str()).collect()
    }

    #[test]
    fn meetings_are_served_as_bmlt_strings_with_one_based_weekdays() {
        let meetings = ask("switcher=GetSearchResults");
        let Answer::Json(bytes) = semantic().answer("switcher=GetSearchResults", "", crate::meetings::DistanceUnit::Mi)
        else {
            panic!("json")
        };
        assert!(bytes.starts_with(b"[{\"id_bigint\":\"12\",\"worldid_mixed\":"), "in bmlt-server's order");
        assert_eq!(names(&meetings), ["Meeting a", "Meeting far", "Meeting b"], "by weekday, then time");
        let first = &meetings[0];
        assert_eq!(first["weekday_tinyint"], "2", "Monday is 2");
        assert_eq!(first["start_time"], "19:00:00");
        assert_eq!(first["duration_time"], "01:00:00");
        assert_eq!(first["venue_type"], "1");
        assert_eq!(first["location_street"], "1 Main St");
        assert_eq!(first["location_municipality"], "Lakeview");
        assert_eq!(first["location_postal_code_1"], "55001");
        assert_eq!(first["formats"], "D,O");
        assert!(first.as_object().expect("object").values().all(Value::is_string), "{first}");
    }

    #[test]
    fn weekdays_formats_and_a_point_filter_as_bmlt_reads_them() {
        assert_eq!(names(&ask("switcher=GetSearchResults&weekdays[]=4")), ["Meeting b"]);
        assert_eq!(names(&ask("switcher=GetSearchResults&weekdays=-2")), ["Meeting b"]);
        let formats = meetings_of(semantic().answer("switcher=GetFormats", "", crate::meetings::DistanceUnit::Mi));
        let id_of = |world_id: &str| {
            formats
                .iter()
                .find(|format| format["world_id"] == world_id)
                .and_then(|format| format["id"].as_str())
                .expect(world_id)
                .to_owned()
        };
        let (open, women) = (id_of("OPEN"), id_of("W"));
        assert_eq!(names(&ask(&format!("switcher=GetSearchResults&formats={open},{women}"))), ["Meeting b"]);
        let any = ask(&format!("switcher=GetSearchResults&formats={open},{women}&formats_comparison_operator=OR"));
        assert_eq!(names(&any), ["Meeting a", "Meeting b"]);
        let near = ask("switcher=GetSearchResults&weekdays=2&lat_val=45.0&long_val=-93.0&geo_width=10");
        assert_eq!(names(&near), ["Meeting a"], "the far one is 111 km away");
        assert_eq!(near[0]["distance_in_km"], "0.0000");
        assert_eq!(names(&ask("switcher=GetSearchResults&StartsAfterH=12")), ["Meeting a", "Meeting far"]);
        assert_eq!(names(&ask("switcher=GetSearchResults&SearchString=meeting%20b")), ["Meeting b"]);
    }

    #[test]
    fn pages_fields_and_used_formats_are_answered() {
        let by_name = ask("switcher=GetSearchResults&sort_keys=meeting_name");
        assert_eq!(names(&by_name), ["Meeting a", "Meeting b", "Meeting far"]);
        let page = ask("switcher=GetSearchResults&page_size=2&page_num=2");
        assert_eq!(names(&page), ["Meeting b"]);
        let keys = ask("switcher=GetSearchResults&data_field_key=meeting_name,weekday_tinyint");
        assert_eq!(keys[0].as_object().map(|object| object.len()), Some(2));
        let Answer::Json(used) = semantic().answer(
            "switcher=GetSearchResults&weekdays=4&get_used_formats=1",
            "",
            crate::meetings::DistanceUnit::Mi,
        ) else {
            panic!("json")
        };
        let used: Value = serde_json::from_slice(&used).expect("JSON");
        assert_eq!(used["meetings"].as_array().map(Vec::len), Some(1));
        let world_ids: Vec<&str> =
            used["formats"].as_array().expect("formats").iter().filter_map(|f| f["world_id"].as_str()).collect();
        assert_eq!(world_ids, ["OPEN", "W"]);
    }

    #[test]
    fn service_bodies_are_the_groups_and_their_regions() {
        let Answer::Json(bodies) =
            semantic().answer("switcher=GetServiceBodies", "", crate::meetings::DistanceUnit::Mi)
        else {
            panic!("json")
        };
        let bodies: Value = serde_json::from_slice(&bodies).expect("JSON");
        let region = bodies.as_array().expect("list").iter().find(|body| body["name"] == "Lakes Area").expect("region");
        let parent =
            bodies.as_array().expect("list").iter().find(|body| body["id"] == region["parent_id"]).expect("parent");
        assert_eq!(parent["name"], "Narcotics Anonymous");
        let services = format!("switcher=GetSearchResults&services={}&recursive=1", parent["id"].as_str().expect("id"));
        assert_eq!(ask(&services).len(), 3);
    }

    #[test]
    fn a_format_keeps_its_id_whatever_other_meetings_come_and_go() {
        let groups = crate::content::Content::embedded().expect("content").groups.clone();
        let id_of_open = |meetings: Vec<(i64, Meeting)>| {
            let semantic = Semantic::build(meetings, &groups, TypeVocabulary::shared());
            let formats = meetings_of(semantic.answer("switcher=GetFormats", "", crate::meetings::DistanceUnit::Mi));
            let open = formats.iter().find(|format| format["world_id"] == "OPEN").expect("open");
            (open["id"].clone(), formats.len())
        };
        let (alone, one) = id_of_open(vec![(1, meeting("a", 1, (19, 0), &["O"]))]);
        let (among, three) = id_of_open(vec![
            (1, meeting("a", 1, (19, 0), &["11", "A", "O"])),
            (2, meeting("b", 2, (19, 0), &["ABSI", "MYOWN"])),
        ]);
        assert_eq!(alone, among);
        assert_eq!((one, three), (1, 5), "only the formats meetings have are listed");
    }

    #[test]
    fn an_unknown_switcher_is_unprocessable_with_bmlt_servers_message() {
        let answer = semantic().answer("switcher=GetNAWSDump", "", crate::meetings::DistanceUnit::Mi);
        assert!(matches!(answer, Answer::Unprocessable(message) if message.contains("GetSearchResults")));
        assert!(matches!(semantic().answer("", "", crate::meetings::DistanceUnit::Mi), Answer::Unprocessable(_)));
    }
}
