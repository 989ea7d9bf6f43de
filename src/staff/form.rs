//! The meeting form staff and the public fill in, and reading form bodies. The form's values
//! become a feed record laid over the meeting as it is, and go through the feed reader
//! (`feed::collect_records`): the one validation of a meeting, so errors come back per field.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::StaffError;
use crate::feed::{FeedDefaults, FeedError};
use crate::i18n::Lang;
use crate::meetings::{Meeting, MeetingTime, TypeVocabulary, Weekday};
use crate::state::Core;

/// A form body's fields, in order (a field may repeat, like `day`).
pub struct FormData(Vec<(String, String)>);

impl FormData {
    /// Reads an `application/x-www-form-urlencoded` body of at most [`super::MAX_FORM_BYTES`].
    pub async fn read(payload: actix_web::web::Payload) -> Result<FormData, StaffError> {
        FormData::read_up_to(payload, super::MAX_FORM_BYTES).await
    }

    /// Reads a form body of at most `limit` bytes (413 past that).
    pub async fn read_up_to(payload: actix_web::web::Payload, limit: usize) -> Result<FormData, StaffError> {
        let bytes = match payload.to_bytes_limited(limit).await {
            Ok(Ok(bytes)) => bytes,
            Err(_) => return Err(StaffError::TooLarge),
            Ok(Err(_)) => {
                return Err(crate::error::AppError::BadRequest("The form could not be read.".to_owned()).into());
            }
        };
        Ok(FormData(form_urlencoded::parse(&bytes).into_owned().collect()))
    }

    /// The first value of a field, trimmed ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.trim())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(key, _)| key == name).map(|(_, value)| value.trim()).collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }
}

/// The longest reply address (RFC 5321's limit on a path).
pub const MAX_REPLY_CHARS: usize = 254;

/// Is this a plain e-mail address, `name@example.org` and nothing more? Letters and digits (any
/// script), with `.`, `_`, `+`, `-` and `'` before the `@` and dotted names after it. What would
/// turn a `mailto:` link into more than an address (`?bcc=...&body=...`, `%0A`, a second `@`,
/// spaces, `<>`, `,`) is not one.
pub fn is_plain_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && local.split('.').all(|part| !part.is_empty())
        && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-' | '\''));
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.chars().count() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    text.chars().count() <= MAX_REPLY_CHARS && local_ok && domain.contains('.') && domain.split('.').all(label_ok)
}

/// The fields the public may ask to change (named as in the Meeting Guide spec).
pub const PUBLIC_FIELDS: [&str; 8] =
    ["day", "time", "end_time", "location", "formatted_address", "conference_url", "conference_phone", "types"];
/// The fields a request for a new meeting adds, and staff always see.
pub const NAMING_FIELDS: [&str; 2] = ["name", "fellowship"];
/// The fields only staff edit.
pub const STAFF_FIELDS: [&str; 9] = [
    "timezone",
    "attendance",
    "regions",
    "latitude",
    "longitude",
    "location_notes",
    "conference_url_notes",
    "conference_phone_notes",
    "notes",
];
/// Every field of the staff meeting form in the order it shows them (the slug first when adding).
pub const STAFF_FORM: [&str; 19] = [
    "name",
    "fellowship",
    "day",
    "time",
    "end_time",
    "timezone",
    "types",
    "attendance",
    "location",
    "formatted_address",
    "regions",
    "location_notes",
    "latitude",
    "longitude",
    "conference_url",
    "conference_url_notes",
    "conference_phone",
    "conference_phone_notes",
    "notes",
];
/// How a person can attend, as the staff form offers it (`attendance`; empty: as the data says).
pub const ATTENDANCE_CHOICES: [crate::meetings::Attendance; 3] =
    [crate::meetings::Attendance::InPerson, crate::meetings::Attendance::Online, crate::meetings::Attendance::Hybrid];
/// Where a meeting placed from its address keeps the place it was placed by (`Meeting::extra`).
pub use crate::meetings::APPROXIMATE_LOCATION;

/// Every field's label, in English (staff pages and the comparison table).
pub fn label(field: &str) -> &'static str {
    label_in(field, Lang::DEFAULT)
}

/// Every field's label in `lang`, in the order forms and comparison tables show them.
pub fn label_in(field: &str, lang: Lang) -> &'static str {
    lang.t(match field {
        "slug" => "request-field-slug",
        "name" => "request-field-name",
        "fellowship" => "request-field-fellowship",
        "day" => "request-field-day",
        "time" => "request-field-time",
        "end_time" => "request-field-end-time",
        "timezone" => "request-field-timezone",
        "types" => "request-field-types",
        "location" => "request-field-location",
        "formatted_address" => "request-field-formatted-address",
        "conference_url" => "request-field-conference-url",
        "conference_phone" => "request-field-conference-phone",
        "notes" => "request-field-notes",
        "attendance" => "request-field-attendance",
        "regions" => "request-field-regions",
        "latitude" => "request-field-latitude",
        "longitude" => "request-field-longitude",
        "location_notes" => "request-field-location-notes",
        "conference_url_notes" => "request-field-conference-url-notes",
        "conference_phone_notes" => "request-field-conference-phone-notes",
        _ => "request-field-other",
    })
}

/// What is wrong with a field's value, in `lang`. English shows the feed reader's own reason;
/// another language says the same in its own words, chosen by the field and the kind of reason.
pub fn problem_in(field: &str, reason: &str, value: &str, lang: Lang) -> String {
    if lang == Lang::DEFAULT {
        return reason.to_owned();
    }
    let key = match field {
        "time" | "end_time" if value.is_empty() && reason.starts_with("is missing") => "request-error-time-missing",
        _ if reason.contains("characters long") => "request-error-too-long",
        _ if reason.starts_with("holds ") => "request-error-control",
        "name" => "request-error-name",
        _ if reason.starts_with("is missing") => "request-error-missing",
        "time" | "end_time" => "request-error-time",
        "fellowship" => "request-error-fellowship",
        "day" => "request-error-day",
        "types" => "request-error-types",
        "conference_url" => "request-error-conference-url",
        _ => "request-error-other",
    };
    lang.t1(key, "value", value)
}

/// A meeting form's values (text as typed; `day` as numbers joined by commas) and the errors
/// found in them, by field.
#[derive(Debug, Clone, Default)]
pub struct MeetingForm {
    pub values: BTreeMap<String, String>,
    pub errors: Vec<(String, String)>,
}

impl MeetingForm {
    /// The form filled with a meeting's values.
    pub fn of(meeting: &Meeting) -> MeetingForm {
        let mut values = BTreeMap::new();
        let mut put = |key: &str, value: Option<String>| {
            values.insert(key.to_owned(), value.unwrap_or_default());
        };
        put("slug", Some(meeting.slug.clone()));
        put("name", Some(meeting.name.clone()));
        put("fellowship", meeting.group_slug.clone());
        put("day", Some(meeting.days.iter().map(|day| day.number().to_string()).collect::<Vec<_>>().join(",")));
        put("time", meeting.time.map(|time| time.to_string()));
        put("end_time", meeting.end_time.map(|time| time.to_string()));
        put("timezone", Some(meeting.timezone.clone()));
        put("types", Some(meeting.types.join(", ")));
        put("location", meeting.location.clone());
        put("formatted_address", meeting.formatted_address.clone());
        put("conference_url", meeting.conference_url.clone());
        put("conference_phone", meeting.conference_phone.clone());
        put("notes", meeting.notes.clone());
        put("location_notes", meeting.location_notes.clone());
        put("conference_url_notes", meeting.conference_url_notes.clone());
        put("conference_phone_notes", meeting.conference_phone_notes.clone());
        put("regions", Some(meeting.regions.join(" > ")));
        let attendance = meeting.attendance();
        put("attendance", ATTENDANCE_CHOICES.contains(&attendance).then(|| attendance.as_str().to_owned()));
        // Coordinates placed from the address are not typed ones: the fields stay empty, so
        // saving places the meeting again unless someone types where it is.
        let typed = !meeting.extra.contains_key(APPROXIMATE_LOCATION);
        put("latitude", meeting.latitude.filter(|_| typed).map(|number| number.to_string()));
        put("longitude", meeting.longitude.filter(|_| typed).map(|number| number.to_string()));
        MeetingForm { values, errors: Vec::new() }
    }

    /// The form as sent: `fields` taken from the body (the others keep what `self` had).
    pub fn with_sent(mut self, form: &FormData, fields: &[&str]) -> MeetingForm {
        for field in fields {
            let value = if *field == "day" { form.all("day").join(",") } else { form.get(field).to_owned() };
            self.values.insert((*field).to_owned(), value);
        }
        self
    }

    /// The form with a request's values laid over it.
    pub fn with_requested(mut self, requested: &Map<String, Value>) -> MeetingForm {
        for (field, value) in requested {
            self.values.insert(field.clone(), value.as_str().unwrap_or_default().to_owned());
        }
        self
    }

    /// The values of `fields` as a request stores them.
    pub fn requested(&self, fields: &[&str]) -> Map<String, Value> {
        fields.iter().map(|field| ((*field).to_owned(), json!(self.value(field)))).collect()
    }

    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    pub fn has_day(&self, day: &u8) -> bool {
        self.value("day").split(',').any(|number| number == day.to_string())
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(own, _)| own == field).map(|(_, message)| message.as_str())
    }

    /// Errors of fields the form does not show (`record`, say), for the top of the form, in
    /// `lang` (English names the field as the feed does).
    pub fn other_errors(&self, shown: &[&str], lang: Lang) -> Vec<String> {
        self.errors
            .iter()
            .filter(|(field, _)| !shown.contains(&field.as_str()))
            .map(|(field, message)| {
                let problem = problem_in(field, message, self.value(field), lang);
                let name = if lang == Lang::DEFAULT { field.as_str() } else { label_in(field, lang) };
                lang.t2("request-error-of", "field", name, "problem", problem)
            })
            .collect()
    }

    /// The meeting these values describe, laid over `base` (the meeting as it is: the fields
    /// this form does not carry are kept), checked by the feed reader; or the errors by field.
    /// Beyond the reader's checks, a typed form must be coherent: a type code the vocabulary does
    /// not know (and the meeting did not already have) is an error, as are one coordinate
    /// without the other and an attendance the other fields contradict.
    pub fn validate(&self, base: Option<&Meeting>, core: &Core, site_zone: &str) -> Result<Meeting, MeetingForm> {
        let mut record = match base.map(crate::feed::to_meeting_guide) {
            Some(Value::Object(object)) => object,
            _ => Map::new(),
        };
        // The derived attendance is derived again from the new values.
        if base.is_some_and(|meeting| !meeting.extra.contains_key("attendance_option")) {
            record.remove("attendance_option");
        }
        let attendance = match self.value("attendance").trim() {
            "" => None,
            chosen => Some(crate::meetings::Attendance::parse(chosen).filter(|own| ATTENDANCE_CHOICES.contains(own))),
        };
        for (field, value) in &self.values {
            let value = value.trim();
            let json = match field.as_str() {
                // Not a feed field: it decides `approximate` below.
                "attendance" => continue,
                _ if value.is_empty() => Value::Null,
                "day" => Value::Array(
                    value.split(',').map(|day| day.parse::<u64>().map_or_else(|_| json!(day), |n| json!(n))).collect(),
                ),
                "types" => Value::Array(
                    value.split([',', ' ']).filter(|code| !code.is_empty()).map(|code| json!(code)).collect(),
                ),
                _ => json!(value),
            };
            if json.is_null() {
                record.remove(field);
            } else {
                record.insert(field.clone(), json);
            }
        }
        // Coordinates typed replace any placed from the address.
        if !self.value("latitude").is_empty() || !self.value("longitude").is_empty() {
            record.remove(APPROXIMATE_LOCATION);
        }
        // Online only: an address says only the area (Meeting Guide's `approximate`).
        match attendance {
            Some(Some(crate::meetings::Attendance::Online)) => record.insert("approximate".to_owned(), json!("yes")),
            Some(Some(_)) => record.insert("approximate".to_owned(), json!("no")),
            _ => None,
        };
        let defaults = FeedDefaults {
            known_groups: Some(core.content.groups.iter().map(|group| group.slug.clone()).collect()),
            typed_fields: self.values.keys().cloned().collect(),
            ..FeedDefaults::new(site_zone)
        };
        let mut errors: Vec<(String, String)> = Vec::new();
        let read = match crate::feed::collect_records(std::iter::once(Ok(record)), &defaults) {
            Ok(mut read) if !read.meetings.is_empty() => Some(read.meetings.remove(0)),
            Ok(_) => {
                errors.push(("record".to_owned(), "could not be read".to_owned()));
                None
            }
            Err(FeedError::Records(found)) => {
                errors.extend(found.into_iter().map(|error| (error.field, error.reason)));
                None
            }
            Err(other) => {
                errors.push(("record".to_owned(), other.to_string()));
                None
            }
        };
        if let Some(problem) = self.unknown_type_code(base) {
            errors.retain(|(field, _)| field != "types");
            errors.push(("types".to_owned(), problem));
        }
        for (field, other) in [("latitude", "longitude"), ("longitude", "latitude")] {
            if self.value(field).is_empty()
                && !self.value(other).is_empty()
                && !errors.iter().any(|(own, _)| own == field)
            {
                errors.push((field.to_owned(), format!("is missing: give the {field} with the {other}")));
            }
        }
        match (attendance, &read) {
            (Some(None), _) => errors.push((
                "attendance".to_owned(),
                format!("\"{}\" is not a way to attend: in person, online or hybrid", self.value("attendance")),
            )),
            (Some(Some(chosen)), Some(meeting)) => {
                if let Some(problem) = attendance_problem(chosen, meeting) {
                    errors.push(("attendance".to_owned(), problem.to_owned()));
                }
            }
            _ => {}
        }
        match read {
            Some(meeting) if errors.is_empty() => Ok(meeting),
            _ => Err(MeetingForm { errors, ..self.clone() }),
        }
    }

    /// Why the typed type codes cannot be saved: a code neither the Meeting Guide vocabulary nor
    /// the meeting as it was has (a typo like `OO` is not kept as a program's own code).
    fn unknown_type_code(&self, base: Option<&Meeting>) -> Option<String> {
        let vocabulary = TypeVocabulary::shared();
        let unknown: Vec<&str> = self
            .value("types")
            .split([',', ' '])
            .filter(|word| !word.is_empty())
            .filter(|word| {
                let known = vocabulary.read(word).is_some_and(|code| vocabulary.contains(code));
                !known && !base.is_some_and(|meeting| meeting.has_type(word))
            })
            .collect();
        match unknown.as_slice() {
            [] => None,
            [one] => Some(format!("\"{one}\" is not a Meeting Guide type code (like O, C, D, W, X)")),
            many => Some(format!("{} are not Meeting Guide type codes (like O, C, D, W, X)", many.join(", "))),
        }
    }
}

/// What contradicts the attendance staff chose: in person needs an address and no online way in,
/// online needs a link or a phone number, hybrid needs both.
fn attendance_problem(chosen: crate::meetings::Attendance, meeting: &Meeting) -> Option<&'static str> {
    use crate::meetings::Attendance;
    let address = meeting.address().is_some();
    match chosen {
        Attendance::InPerson if !address => Some("in person needs a street address"),
        Attendance::InPerson if meeting.is_online() => {
            Some("in person, but the meeting has an online link or phone: choose hybrid, or remove them")
        }
        Attendance::Online if !meeting.is_online() => Some("online needs an online meeting link or a dial-in phone"),
        Attendance::Hybrid if !address || !meeting.is_online() => {
            Some("hybrid needs a street address and an online meeting link or phone")
        }
        _ => None,
    }
}

/// A slug from a name: lower-case letters and digits joined by hyphens.
pub fn slug_from(name: &str) -> String {
    let mut slug = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    slug.chars().take(80).collect()
}

/// One row of the "as it is / as requested" table.
pub struct Comparison {
    pub field: String,
    pub label: &'static str,
    pub now: String,
    pub requested: String,
    pub changed: bool,
}

/// A value as the comparison shows it: days by name.
pub fn shown(field: &str, value: &str) -> String {
    if field != "day" {
        return value.to_owned();
    }
    let names: Vec<&str> = value.split(',').filter_map(Weekday::read).map(|day| day.name()).collect();
    if names.is_empty() { Lang::DEFAULT.t("request-by-appointment").to_owned() } else { names.join(", ") }
}

/// A form value as the feed reader would take it, so two spellings of one value compare equal:
/// times by [`MeetingTime::parse_lenient`] (`6:30 PM` is `18:30`), days by [`Weekday::read`]
/// (`Monday` is `1`), type codes by [`TypeVocabulary::read`] in any case and order, coordinates
/// as numbers, and any other text without regard to case or runs of spaces. A value the reader
/// would refuse stays as typed (so it shows as a change).
pub fn normalised(field: &str, value: &str) -> String {
    let value = value.trim();
    let words = || value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    match field {
        "time" | "end_time" => MeetingTime::parse_lenient(value).map_or_else(words, |time| time.to_string()),
        "day" => {
            let days: Option<Vec<u8>> = value
                .split(',')
                .map(str::trim)
                .filter(|day| !day.is_empty())
                .map(|day| Weekday::read(day).map(Weekday::number))
                .collect();
            days.map_or_else(words, |mut days| {
                days.sort_unstable();
                days.dedup();
                days.iter().map(u8::to_string).collect::<Vec<_>>().join(",")
            })
        }
        "types" => {
            let vocabulary = TypeVocabulary::shared();
            let mut codes: Vec<String> = value
                .split([',', ' '])
                .filter(|word| !word.is_empty())
                .map(|word| {
                    let code = vocabulary.read(word).unwrap_or(word);
                    vocabulary.canonical(code).unwrap_or(code).to_uppercase()
                })
                .collect();
            codes.sort();
            codes.dedup();
            codes.join(", ")
        }
        "latitude" | "longitude" => value.parse::<f64>().map_or_else(|_| words(), |number| number.to_string()),
        _ => words(),
    }
}

/// The fields of a request side by side with the meeting as it is: a field is changed when the
/// two values differ as the reader takes them ([`normalised`]), not merely in spelling.
pub fn compare(now: &MeetingForm, requested: &MeetingForm, fields: &[&str]) -> Vec<Comparison> {
    fields
        .iter()
        .map(|field| Comparison {
            field: (*field).to_owned(),
            label: label(field),
            now: shown(field, now.value(field)),
            requested: shown(field, requested.value(field)),
            changed: normalised(field, now.value(field)) != normalised(field, requested.value(field)),
        })
        .collect()
}

/// What a request asks, in one line: "Start time 18:30 → 19:00; Venue (empty) → Library". Values
/// are shown as the reader takes them (a time in 24 hours), cut short when long.
pub fn summary(rows: &[Comparison]) -> String {
    let short = |field: &str, value: &str| {
        let value = match field {
            "time" | "end_time" => normalised(field, value),
            _ => value.to_owned(),
        };
        match value.chars().count() {
            0 => "(empty)".to_owned(),
            1..=40 => value,
            _ => format!("{}…", value.chars().take(39).collect::<String>()),
        }
    };
    let changes: Vec<String> = rows
        .iter()
        .filter(|row| row.changed)
        .map(|row| format!("{} {} → {}", row.label, short(&row.field, &row.now), short(&row.field, &row.requested)))
        .collect();
    if changes.is_empty() { "no field changed (see the message)".to_owned() } else { changes.join("; ") }
}

/// The source's own ways to report a change (`feedback_url`, `feedback_emails`): (href, label),
/// for staff pages (English).
pub fn source_links(meeting: &crate::meetings::Meeting) -> Vec<(String, String)> {
    source_links_in(meeting, Lang::DEFAULT)
}

/// The source's own ways to report a change: (href, label in `lang`).
pub fn source_links_in(meeting: &crate::meetings::Meeting, lang: Lang) -> Vec<(String, String)> {
    let mut links = Vec::new();
    if let Some(url) = meeting.extra.get("feedback_url").and_then(|value| value.as_str())
        && (url.starts_with("https://") || url.starts_with("http://"))
    {
        links.push((url.to_owned(), lang.t("request-source-form").to_owned()));
    }
    let emails: Vec<&str> = match meeting.extra.get("feedback_emails") {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|item| item.as_str()).collect(),
        Some(serde_json::Value::String(list)) => list.split([',', ';', ' ']).collect(),
        _ => Vec::new(),
    };
    for address in emails.into_iter().map(str::trim).filter(|address| address.contains('@')) {
        links.push((format!("mailto:{address}"), lang.t1("request-source-email", "address", address)));
    }
    links
}

/// One field of a form, ready to show.
pub struct FieldView {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    /// `text`, `days`, `select`, `radios` or `textarea`.
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
    /// For `days`: (number, name, ticked); for `select` and `radios`: (value, label, chosen).
    pub days: Vec<(u8, &'static str, bool)>,
    pub options: Vec<(String, String, bool)>,
}

fn hint(field: &str, lang: Lang) -> &'static str {
    let key = match field {
        "slug" => "request-hint-slug",
        "day" => "request-hint-day",
        "time" | "end_time" => "request-hint-time",
        "types" => "request-hint-types",
        "formatted_address" => "request-hint-formatted-address",
        "conference_url" => "request-hint-conference-url",
        "timezone" => "request-hint-timezone",
        "regions" => "request-hint-regions",
        "latitude" | "longitude" => "request-hint-coordinates",
        "attendance" => "request-hint-attendance",
        _ => return "",
    };
    lang.t(key)
}

impl MeetingForm {
    /// The fields to show, in order, with their values, errors and choices, in `lang` (staff: English).
    pub fn views(&self, fields: &[&'static str], groups: &[crate::content::Group], lang: Lang) -> Vec<FieldView> {
        fields
            .iter()
            .map(|field| {
                let kind = match *field {
                    "day" => "days",
                    "fellowship" => "select",
                    "attendance" => "radios",
                    _ if matches!(crate::feed::lines_of(field), crate::feed::text::Lines::Many) => "textarea",
                    _ => "text",
                };
                let mut options =
                    vec![(String::new(), lang.t("request-not-given").to_owned(), self.value(field).is_empty())];
                if kind == "select" {
                    options.extend(
                        groups.iter().map(|group| {
                            (group.slug.clone(), group.name_with_local(), self.value(field) == group.slug)
                        }),
                    );
                }
                if kind == "radios" {
                    options = ATTENDANCE_CHOICES
                        .iter()
                        .map(|way| {
                            (way.as_str().to_owned(), way.label(lang).to_owned(), self.value(field) == way.as_str())
                        })
                        .collect();
                }
                FieldView {
                    name: field,
                    label: label_in(field, lang),
                    hint: hint(field, lang),
                    kind,
                    value: self.value(field).to_owned(),
                    error: self.error(field).map(|reason| problem_in(field, reason, self.value(field), lang)),
                    days: crate::meetings::Weekday::all()
                        .map(|day| (day.number(), day.label(lang), self.has_day(&day.number())))
                        .collect(),
                    options,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_made_of_the_names_words() {
        assert_eq!(slug_from("Harbor Light: Évening #2"), "harbor-light-vening-2");
        assert_eq!(slug_from("  "), "");
    }

    #[test]
    fn the_forms_values_are_checked_by_the_feed_reader_with_errors_by_field() {
        let folder = tempfile::tempdir().expect("folder");
        let core = crate::state::Core {
            store: crate::db::Store::open(&folder.path().join("form.sqlite3")).expect("store"),
            content: crate::content::Content::embedded().expect("content"),
            vocabulary: crate::meetings::TypeVocabulary::embedded().expect("vocabulary"),
            mailer: Default::default(),
        };
        let mut form = MeetingForm::default();
        for (field, value) in [("slug", "a"), ("name", "A"), ("day", "1,3"), ("time", "7:00 PM"), ("types", "O, D")] {
            form.values.insert(field.to_owned(), value.to_owned());
        }
        let meeting = form.validate(None, &core, "America/Chicago").expect("valid");
        assert_eq!(meeting.days.iter().map(|day| day.number()).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(meeting.time.map(|time| time.to_string()).as_deref(), Some("19:00"));
        assert_eq!(meeting.types, ["O", "D"]);
        form.values.insert("time".to_owned(), "25:99".to_owned());
        form.values.insert("fellowship".to_owned(), "no-such-group".to_owned());
        let errors = form.validate(None, &core, "America/Chicago").expect_err("invalid").errors;
        let fields: Vec<&str> = errors.iter().map(|(field, _)| field.as_str()).collect();
        assert!(fields.contains(&"time") && fields.contains(&"fellowship"), "{errors:?}");
    }

    #[test]
    fn a_fields_problem_is_said_in_the_pages_language_and_english_keeps_the_readers_words() {
        let spanish = Lang::from_code("es").expect("the site speaks Spanish");
        let reason = "\"25:99\" is not a time (like 19:00 or 7:00 PM)";
        assert_eq!(problem_in("time", reason, "25:99", Lang::DEFAULT), reason);
        assert_eq!(
            problem_in("time", reason, "25:99", spanish),
            "«25:99» no es una hora (por ejemplo, 19:00 o 7:00 PM)."
        );
        assert_eq!(
            problem_in("time", "is missing for a meeting that has a day", "", spanish),
            "Una reunión que tiene día necesita una hora de inicio."
        );
        assert_eq!(problem_in("name", "is missing", "", spanish), "Escriba el nombre de la reunión.");
        assert_eq!(
            problem_in("location", "is 300 characters long; the limit is 200", "x", spanish),
            "Es demasiado largo."
        );
        assert_eq!(label_in("location", spanish), "Lugar");
        assert_eq!(label("location"), "Venue", "staff pages stay English");
    }

    #[test]
    fn two_spellings_of_one_value_normalise_alike_and_different_values_do_not() {
        for (field, one, other) in [
            ("time", "6:30 PM", "18:30"),
            ("time", "noon", "12:00:00"),
            ("day", "Monday, wed", "3,1"),
            ("day", "1,1", "1"),
            ("types", "o d", "D, O"),
            ("types", "Open, 12x12", "O 12X12"),
            ("location", "  First   Lutheran ", "first lutheran"),
            ("latitude", "45.10", "45.1"),
        ] {
            assert_eq!(normalised(field, one), normalised(field, other), "{field}: {one} vs {other}");
        }
        for (field, one, other) in
            [("time", "6:30 PM", "06:30"), ("day", "Monday", "2"), ("types", "O", "C"), ("location", "A", "B")]
        {
            assert_ne!(normalised(field, one), normalised(field, other), "{field}: {one} vs {other}");
        }
        assert_eq!(normalised("time", "25:99"), "25:99", "what the reader refuses stays as typed");
    }

    #[test]
    fn only_a_plain_address_is_a_reply_address() {
        for plain in ["visitor@example.org", "o'brien+ward.3@mail.example.co.uk", "josé@correo.example.es"] {
            assert!(is_plain_address(plain), "{plain}");
        }
        for not_plain in [
            "me@example.org?bcc=everyone@example.net&body=hello",
            "me@example.org&cc=x@example.net",
            "me@example.org%0Abcc:x@example.net",
            "me?subject=hi@example.org",
            "a@b@example.org",
            "<me@example.org>",
            "me@example.org, you@example.org",
            "me @example.org",
            "me@localhost",
            "@example.org",
            "me.@example.org",
            "me@-example.org",
            "me@example..org",
            "me@example.org\u{202e}",
            &format!("{}@example.org", "a".repeat(250)),
        ] {
            assert!(!is_plain_address(not_plain), "{not_plain}");
        }
    }
}
