//! Uploading a file of meetings (administrators only): a Meeting Guide JSON feed or a CSV, read by
//! `import`'s rules ([`crate::state::Core::read_import`], the store's dry run), shown as a preview
//! with every error and warning, then imported all or nothing, or cancelled. Between the two the
//! bytes wait on the server (`crate::jobs`: a nameless temporary file beside the database, under
//! a random token, for the uploading session only, for an hour); the browser never sends them
//! again. The import writes the audit log: who, the file's name, the counts.

use std::io::{Read, Seek, Write};

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::StreamExt;

use super::{Staff, StaffError, page, see_other};
use crate::db::{Audit, ImportOptions, ImportSummary, StoreError};
use crate::feed::{FeedError, RecordWarning, SourceFormat};
use crate::jobs::{UPLOAD_KEPT, Upload};
use crate::state::AppState;

/// The largest file accepted: the size of the largest feed a sync reads.
pub const MAX_UPLOAD_BYTES: u64 = crate::sync::MAX_FEED_BYTES;
/// The most characters of a file's name kept (it is shown and logged).
const MAX_FILE_NAME_CHARS: usize = 255;
/// The most bytes of one of the form's small fields (the CSRF token, the group, the choices).
const MAX_FIELD_BYTES: usize = 1024;

const ADMINS_ONLY: &str = "Only an administrator can import files of meetings.";

/// How a file is read (the form's choices), kept with the waiting upload.
#[derive(Debug, Clone, Default)]
struct Choices {
    group: Option<String>,
    timezone: Option<String>,
    replace: bool,
    strict: bool,
    /// A Meeting Guide feed (JSON or CSV) or a saved BMLT answer.
    format: SourceFormat,
}

/// What reading and dry-running a file found.
struct Checked {
    read: usize,
    warnings: Vec<RecordWarning>,
    summary: ImportSummary,
}

impl Checked {
    /// What the import would do, in words (the dry run's line).
    fn line(&self) -> String {
        self.summary.describe(self.read, self.warnings.len(), true)
    }
}

/// What the upload page shows besides the form.
#[derive(Default)]
struct View {
    notice: Option<String>,
    /// The file's name, when one was read.
    file_name: String,
    /// Why nothing can be imported (every bad record, or the form's problem).
    errors: Vec<String>,
    /// The preview of a good file: its token (for "import" and "cancel") and what it would do.
    waiting: Option<(String, Checked)>,
    /// A file just imported: what it did.
    imported: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/upload.html")]
struct UploadPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    groups: Vec<(String, String)>,
    site_zone: String,
    view: View,
}

fn upload_page(state: &AppState, staff: &Staff, status: StatusCode, view: View) -> Result<HttpResponse, StaffError> {
    let groups = state.content.groups.iter().map(|group| (group.slug.clone(), group.name.clone())).collect();
    let site_zone = state.settings.default_timezone.clone();
    page(status, &UploadPage { lang: crate::i18n::Lang::DEFAULT, here: String::new(), staff, groups, site_zone, view })
}

/// The page of a file that cannot be imported: every error (400).
fn refused(
    state: &AppState,
    staff: &Staff,
    status: StatusCode,
    file_name: String,
    errors: Vec<String>,
) -> Result<HttpResponse, StaffError> {
    upload_page(state, staff, status, View { file_name, errors, ..View::default() })
}

/// The upload form.
pub async fn form(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, StaffError> {
    super::admin_only(&staff, ADMINS_ONLY)?;
    let notice = query.contains_key("cancelled").then(|| "Cancelled: nothing was imported.".to_owned());
    upload_page(&state, &staff, StatusCode::OK, View { notice, ..View::default() })
}

/// The multipart form as sent: its small fields, and the file in a nameless temporary file.
struct Sent {
    csrf: String,
    choices: Choices,
    file: Option<(String, std::fs::File, u64)>,
}

/// Reads the multipart form, the file straight to disk (never more than [`MAX_UPLOAD_BYTES`]).
async fn read_multipart(state: &AppState, request: &HttpRequest, payload: web::Payload) -> Result<Sent, StaffError> {
    let unreadable = |reason: String| StaffError::App(crate::error::AppError::BadRequest(reason));
    let mut multipart = actix_multipart::Multipart::new(request.headers(), payload.into_inner());
    let mut sent = Sent { csrf: String::new(), choices: Choices::default(), file: None };
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(|error| unreadable(format!("The upload could not be read: {error}.")))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field
                .content_disposition()
                .and_then(|disposition| disposition.get_filename())
                .map(|name| {
                    let cleaned = crate::feed::text::cleaned(name, crate::feed::text::Lines::One);
                    cleaned.chars().take(MAX_FILE_NAME_CHARS).collect::<String>()
                })
                .unwrap_or_default();
            let folder = state.store.folder().map(std::path::Path::to_path_buf);
            let mut file =
                folder.as_deref().map_or_else(tempfile::tempfile, tempfile::tempfile_in).map_err(|error| {
                    StaffError::App(crate::error::AppError::Internal(format!("a temporary file: {error}")))
                })?;
            let mut size = 0u64;
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|error| unreadable(format!("The file could not be read: {error}.")))?;
                size += chunk.len() as u64;
                if size > MAX_UPLOAD_BYTES {
                    return Err(StaffError::TooLarge);
                }
                file.write_all(&chunk).map_err(|error| {
                    StaffError::App(crate::error::AppError::Internal(format!("writing the upload: {error}")))
                })?;
            }
            sent.file = Some((file_name, file, size));
            continue;
        }
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|error| unreadable(format!("The form could not be read: {error}.")))?;
            if value.len() + chunk.len() > MAX_FIELD_BYTES {
                return Err(unreadable(format!("The form's field \"{name}\" is too long.")));
            }
            value.extend_from_slice(&chunk);
        }
        let value = String::from_utf8_lossy(&value).trim().to_owned();
        match name.as_str() {
            "csrf" => sent.csrf = value,
            "group" => sent.choices.group = Some(value).filter(|group| !group.is_empty()),
            "timezone" => sent.choices.timezone = Some(value).filter(|zone| !zone.is_empty()),
            "replace" => sent.choices.replace = value == "yes",
            "strict" => sent.choices.strict = value == "yes",
            "format" => sent.choices.format = SourceFormat::parse(&value).unwrap_or_default(),
            _ => {}
        }
    }
    Ok(sent)
}

/// The whole file, from its start.
fn bytes_of(file: &mut std::fs::File) -> std::io::Result<Vec<u8>> {
    file.rewind()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads the file by `import`'s rules and runs the import (a dry run, or for real with its audit
/// entry): what it did, or every error (each bad record by position, slug and field).
fn check(state: &AppState, bytes: &[u8], choices: &Choices, audit: Option<Audit>) -> Result<Checked, Vec<String>> {
    if let Some(group) = choices.group.as_deref().filter(|group| state.content.group(group).is_none()) {
        return Err(vec![format!("group: there is no group \"{group}\"")]);
    }
    if choices.replace && choices.group.is_none() {
        return Err(vec!["replace: choose the group whose list this file is".to_owned()]);
    }
    if let Some(zone) = choices.timezone.as_deref().filter(|zone| jiff::tz::TimeZone::get(zone).is_err()) {
        return Err(vec![format!("time zone: \"{zone}\" is not an IANA time zone (like America/Chicago)")]);
    }
    let rules = crate::state::FileRules {
        site_zone: &state.settings.default_timezone,
        file_zone: choices.timezone.as_deref(),
        group: choices.group.as_deref(),
        strict: choices.strict,
        format: choices.format,
        formats: None,
    };
    let read = state.read_import(bytes, &rules).map_err(|error| match error {
        FeedError::Records(records) => records.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    })?;
    let dry_run = audit.is_none();
    let options = ImportOptions {
        replace_group: choices.group.clone().filter(|_| choices.replace),
        dry_run,
        audit: audit.map(|audit| Audit {
            note: format!("{}: {} meetings read, {} warnings", audit.note, read.meetings.len(), read.warnings.len()),
            ..audit
        }),
        ..ImportOptions::default()
    };
    let summary = state.store.import(&read.meetings, &options).map_err(|error| match error {
        StoreError::UnknownGroups(lines) | StoreError::SourceMeetings(lines) => lines,
        other => vec![format!("nothing was imported: {other}")],
    })?;
    Ok(Checked { read: read.meetings.len(), warnings: read.warnings, summary })
}

/// The upload: read and dry-run; a bad file gets every error (400) and is not kept; a good one
/// waits for "import" or "cancel".
pub async fn upload(
    state: web::Data<AppState>,
    staff: Staff,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    super::admin_only(&staff, ADMINS_ONLY)?;
    let sent = read_multipart(&state, &request, payload).await?;
    if !super::same_token(&sent.csrf, &staff.csrf) {
        return Err(StaffError::Forbidden(
            "This form has expired or did not come from this site. Go back, reload the page and try again.",
        ));
    }
    let Some((file_name, mut file, size)) = sent.file.filter(|(_, _, size)| *size > 0) else {
        let problem = "file: choose a JSON or CSV file of meetings to upload".to_owned();
        return refused(&state, &staff, StatusCode::BAD_REQUEST, String::new(), vec![problem]);
    };
    let choices = sent.choices;
    let (checked, file) = crate::routes::blocking(&state, move |state| {
        let checked = match bytes_of(&mut file) {
            Ok(bytes) => check(state, &bytes, &choices, None).map(|checked| (checked, choices)),
            Err(error) => Err(vec![format!("the uploaded file could not be read back: {error}")]),
        };
        Ok((checked, file))
    })
    .await?;
    let (checked, choices) = match checked {
        Ok(found) => found,
        Err(errors) => return refused(&state, &staff, StatusCode::BAD_REQUEST, file_name, errors),
    };
    let token = super::random_token()?;
    let upload = Upload {
        session: staff.token_hash.clone(),
        file,
        file_name: file_name.clone(),
        group: choices.group,
        timezone: choices.timezone,
        replace: choices.replace,
        strict: choices.strict,
        format: choices.format,
        expires: std::time::Instant::now() + UPLOAD_KEPT,
    };
    tracing::info!(bytes = size, "a staff upload waits for import or cancel");
    state.jobs.keep_upload(super::digest(&token), upload);
    upload_page(&state, &staff, StatusCode::OK, View { file_name, waiting: Some((token, checked)), ..View::default() })
}

/// The waiting upload of this session under `token`; `None` when it is gone (see [`gone`]).
fn waiting_upload(state: &AppState, staff: &Staff, token: &str) -> Option<Upload> {
    state.jobs.take_upload(&super::digest(token), &staff.token_hash)
}

/// The page saying an upload no longer waits (410).
fn gone(state: &AppState, staff: &Staff) -> Result<HttpResponse, StaffError> {
    let problem = "This upload is no longer waiting: it was imported or cancelled already, it expired after an hour, \
                   or it was made in another session. Upload the file again."
        .to_owned();
    refused(state, staff, StatusCode::GONE, String::new(), vec![problem])
}

/// "Import": the waiting file, read again from the server's copy, imported all or nothing.
pub async fn import(
    state: web::Data<AppState>,
    staff: Staff,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_admin_form(payload, ADMINS_ONLY).await?;
    let Some(mut upload) = waiting_upload(&state, &staff, &token) else { return gone(&state, &staff) };
    let file_name = upload.file_name.clone();
    let audit = Audit {
        actor: staff.user.email.clone(),
        note: if file_name.is_empty() { "a file".to_owned() } else { file_name.clone() },
    };
    let done = crate::routes::blocking(&state, move |state| {
        let choices = Choices {
            group: upload.group.clone(),
            timezone: upload.timezone.clone(),
            replace: upload.replace,
            strict: upload.strict,
            format: upload.format,
        };
        Ok(match bytes_of(&mut upload.file) {
            Ok(bytes) => check(state, &bytes, &choices, Some(audit)),
            Err(error) => Err(vec![format!("the uploaded file could not be read back, nothing was imported: {error}")]),
        })
    })
    .await?;
    match done {
        Ok(checked) => {
            let line = checked.summary.describe(checked.read, checked.warnings.len(), false);
            upload_page(&state, &staff, StatusCode::OK, View { file_name, imported: Some(line), ..View::default() })
        }
        Err(errors) => refused(&state, &staff, StatusCode::BAD_REQUEST, file_name, errors),
    }
}

/// "Cancel": the waiting file is deleted; nothing is imported.
pub async fn cancel(
    state: web::Data<AppState>,
    staff: Staff,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_admin_form(payload, ADMINS_ONLY).await?;
    if waiting_upload(&state, &staff, &token).is_none() {
        return gone(&state, &staff);
    }
    Ok(see_other("/staff/import?cancelled=1"))
}
