//! The change-request queue: open requests oldest first, each compared field by field with the
//! meeting as it is; approve applies the (editable) requested values with the same validation as
//! import, reject closes it with a reason. Also the staff home page and the audit log.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::form::{Comparison, MeetingForm, NAMING_FIELDS, PUBLIC_FIELDS, compare};
use super::meetings::{report_links, staff_fields};
use super::{Staff, StaffError, page, see_other, when};
use crate::content::Group;
use crate::db::{AuditEntry, ChangeRequest, SaveOutcome, StaffMeeting};
use crate::error::AppError;
use crate::meetings::Meeting;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/home.html")]
struct HomePage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    open: u64,
}

pub async fn dashboard(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    let open = crate::routes::blocking(&state, |state| state.store.open_request_count()).await?;
    page(StatusCode::OK, &HomePage { lang: crate::i18n::Lang::DEFAULT, here: String::new(), staff: &staff, open })
}

/// Requests listed per page of the queue: a flood of them leaves each page small.
pub const QUEUE_PAGE_SIZE: u32 = 50;

/// One row of the queue: the request, which meeting (name, days, time, town) and what it asks.
pub struct QueueRow {
    pub request: ChangeRequest,
    pub name: String,
    pub days: String,
    pub time: String,
    pub town: String,
    /// "Start time 18:30 → 19:00".
    pub summary: String,
}

impl QueueRow {
    fn of(request: ChangeRequest, found: Option<&StaffMeeting>, site_zone: &str) -> QueueRow {
        let compared = Compared::of(&request, found, site_zone);
        // A change describes the meeting as it is; a new meeting, as asked.
        let (meeting, form) = match found {
            Some(found) => (Some(&found.meeting), &compared.now),
            None => (None, &compared.requested),
        };
        let summary = if request.closed_for_good {
            "closed for good: archive the meeting".to_owned()
        } else if request.meeting_slug.is_none() {
            format!("a new meeting: {}", super::form::summary(&compared.rows).replace("(empty) → ", ""))
        } else if found.is_none() {
            "the meeting is no longer on the site".to_owned()
        } else {
            super::form::summary(&compared.rows)
        };
        let name = match (meeting, &request.meeting_slug) {
            (Some(meeting), _) => meeting.name.clone(),
            (None, Some(slug)) => slug.clone(),
            (None, None) => form.value("name").to_owned(),
        };
        QueueRow {
            name,
            days: super::form::shown("day", form.value("day")),
            time: super::form::normalised("time", form.value("time")),
            town: meeting.and_then(Meeting::town).unwrap_or_default(),
            summary,
            request,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/requests.html")]
struct QueuePage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    rows: Vec<QueueRow>,
    /// All open requests, on every page.
    open: u64,
    page: u64,
    page_count: u64,
    /// What the request just closed came to.
    done: Option<Done>,
}

impl QueuePage<'_> {
    fn when(&self, seconds: &i64) -> String {
        when(*seconds)
    }

    /// The number of the first request on this page, counting from 1.
    fn first(&self) -> u64 {
        (self.page - 1) * u64::from(QUEUE_PAGE_SIZE) + 1
    }

    fn last(&self) -> u64 {
        self.first() + self.rows.len() as u64 - 1
    }

    fn next_note(&self) -> &'static str {
        "The open requests are below, oldest first."
    }
}

#[derive(serde::Deserialize)]
pub struct QueueQuery {
    page: Option<String>,
    /// The request just approved or rejected (for the banner).
    done: Option<i64>,
}

pub async fn queue(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, StaffError> {
    let query = query.into_inner();
    let number = match query.page.as_deref().map(str::trim) {
        None | Some("") => 1,
        Some(text) => text.parse::<u64>().ok().filter(|number| *number >= 1).ok_or_else(|| {
            AppError::BadRequest(format!("\"{text}\" is not a page number: pages are counted from 1."))
        })?,
    };
    let offset = (number - 1).saturating_mul(u64::from(QUEUE_PAGE_SIZE));
    let site_zone = state.settings.default_timezone.clone();
    let (rows, open) = crate::routes::blocking(&state, move |state| {
        let mut rows = Vec::new();
        for request in state.store.open_requests_page(offset, QUEUE_PAGE_SIZE)? {
            let found = match &request.meeting_slug {
                Some(slug) => state.store.staff_meeting(slug)?,
                None => None,
            };
            rows.push(QueueRow::of(request, found.as_ref(), &site_zone));
        }
        Ok((rows, state.store.open_request_count()?))
    })
    .await?;
    let done = Done::load(&state, query.done).await?;
    let page_count = open.div_ceil(u64::from(QUEUE_PAGE_SIZE)).max(1);
    let lang = crate::i18n::Lang::DEFAULT;
    let here = String::new();
    page(StatusCode::OK, &QueuePage { lang, here, staff: &staff, rows, open, page: number, page_count, done })
}

/// What became of the request just approved or rejected, for the banner on the next page.
pub struct Done {
    pub id: i64,
    /// "approved" or "rejected".
    pub status: String,
    pub meeting: String,
    /// What approving changed ("Start time: 18:30 → 19:00"), or the reason for rejecting.
    pub detail: String,
    /// Open requests left.
    pub open: u64,
}

impl Done {
    async fn load(state: &web::Data<AppState>, id: Option<i64>) -> Result<Option<Done>, StaffError> {
        let Some(id) = id else { return Ok(None) };
        let found = crate::routes::blocking(state, move |state| {
            let Some(request) = state.store.change_request(id)? else { return Ok(None) };
            let entry = state.store.audit_of_request(id)?;
            Ok(Some((request, entry, state.store.open_request_count()?)))
        })
        .await?;
        // A request still open, or unknown, was not just closed: no banner.
        let Some((request, entry, open)) = found.filter(|(request, _, _)| request.status != "open") else {
            return Ok(None);
        };
        let meeting = request
            .meeting_slug
            .clone()
            .or_else(|| request.requested.get("name").and_then(|name| name.as_str()).map(str::to_owned))
            .unwrap_or_default();
        let detail = match (&request.reason, entry) {
            (Some(reason), _) => format!("reason: {reason}"),
            (None, Some(entry)) if !entry.changes.is_empty() => entry
                .changes
                .iter()
                .map(|(field, old, new)| {
                    let empty = |value: &str| if value.is_empty() { "(empty)".to_owned() } else { value.to_owned() };
                    format!("{} {} → {}", super::form::label(field), empty(old), empty(new))
                })
                .collect::<Vec<_>>()
                .join("; "),
            _ => "nothing needed changing".to_owned(),
        };
        Ok(Some(Done { id, status: request.status, meeting, detail, open }))
    }
}

/// Where to go after closing request `id`: the next open request (the oldest), with a banner
/// saying what became of this one; or the queue, saying the same, when none is left.
pub async fn after_closing(state: &web::Data<AppState>, id: i64) -> Result<HttpResponse, StaffError> {
    let next = crate::routes::blocking(state, move |state| state.store.next_open_request(id)).await?;
    Ok(see_other(&match next {
        Some(next) => format!("/staff/requests/{next}?done={id}"),
        None => format!("/staff/requests?done={id}"),
    }))
}

/// A request beside the meeting as it is: the values now, as requested, and field by field.
struct Compared {
    now: MeetingForm,
    requested: MeetingForm,
    rows: Vec<Comparison>,
}

impl Compared {
    fn of(request: &ChangeRequest, found: Option<&StaffMeeting>, site_zone: &str) -> Compared {
        let now = found.map_or_else(MeetingForm::default, |found| MeetingForm::of(&found.meeting));
        let mut requested = now.clone().with_requested(&request.requested);
        // Unchosen, how to attend follows from the requested values (a new link makes it hybrid).
        requested.values.remove("attendance");
        if request.meeting_slug.is_none() && requested.value("slug").is_empty() {
            let slug = super::form::slug_from(requested.value("name"));
            requested.values.insert("slug".to_owned(), slug);
            requested.values.insert("timezone".to_owned(), site_zone.to_owned());
        }
        let fields: Vec<&str> = if request.meeting_slug.is_none() {
            NAMING_FIELDS.iter().chain(PUBLIC_FIELDS.iter()).copied().collect()
        } else {
            PUBLIC_FIELDS.to_vec()
        };
        let rows = compare(&now, &requested, &fields);
        Compared { now, requested, rows }
    }
}

#[derive(Template)]
#[template(path = "staff/review.html")]
struct ReviewPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    request: ChangeRequest,
    submitted: String,
    /// The meeting as it is (`None` for a request to add one, or when it is gone).
    meeting: Option<Meeting>,
    source: Option<String>,
    report_links: Vec<(String, String)>,
    rows: Vec<Comparison>,
    /// The approve form, filled with the requested values.
    form: MeetingForm,
    groups: &'a [Group],
    /// What the request closed just before came to.
    done: Option<Done>,
}

impl ReviewPage<'_> {
    fn field_views(&self) -> Vec<super::form::FieldView> {
        super::meetings::field_views(&self.form, self.request.meeting_slug.is_none(), self.groups)
    }

    fn other_errors(&self) -> Vec<String> {
        super::meetings::other_errors(&self.form)
    }

    fn next_note(&self) -> &'static str {
        "Below is the next open request, the oldest."
    }

    fn is_open(&self) -> bool {
        self.request.status == "open"
    }

    /// The reply address, when it is a plain one (a link to write to it); another, stored before
    /// addresses were checked, is shown as text only.
    fn reply_link(&self) -> Option<&str> {
        self.request.reply_to.as_deref().filter(|reply| super::form::is_plain_address(reply))
    }
}

async fn load(
    state: &web::Data<AppState>,
    id: i64,
) -> Result<(ChangeRequest, Option<crate::db::StaffMeeting>), StaffError> {
    crate::routes::blocking(state, move |state| {
        let Some(request) = state.store.change_request(id)? else { return Ok(None) };
        let meeting = match &request.meeting_slug {
            Some(slug) => state.store.staff_meeting(slug)?,
            None => None,
        };
        Ok(Some((request, meeting)))
    })
    .await?
    .ok_or(StaffError::App(AppError::NotFound))
}

/// The review page of a request; `form` carries a failed approval's values and errors; `done`
/// is the request closed just before (for the banner).
pub async fn review_page(
    state: &web::Data<AppState>,
    staff: &Staff,
    id: i64,
    form: Option<MeetingForm>,
    done: Option<i64>,
) -> Result<HttpResponse, StaffError> {
    let (request, found) = load(state, id).await?;
    let Compared { requested, rows, .. } = Compared::of(&request, found.as_ref(), &state.settings.default_timezone);
    let done = Done::load(state, done).await?;
    let status = if form.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let page_data = ReviewPage {
        lang: crate::i18n::Lang::DEFAULT,
        here: String::new(),
        staff,
        submitted: when(request.created_at),
        request,
        report_links: found.as_ref().map(|found| report_links(&found.meeting)).unwrap_or_default(),
        source: found.as_ref().and_then(|found| found.source.clone()),
        meeting: found.map(|found| found.meeting),
        rows,
        form: form.unwrap_or(requested),
        groups: &state.content.groups,
        done,
    };
    page(status, &page_data)
}

#[derive(serde::Deserialize)]
pub struct ReviewQuery {
    /// The request just approved or rejected (for the banner).
    done: Option<i64>,
}

pub async fn review(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, StaffError> {
    review_page(&state, &staff, id.into_inner(), None, query.done).await
}

pub async fn approve(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let sent = staff.read_form(payload).await?;
    let (request, found) = load(&state, id).await?;
    if request.status != "open" {
        return Err(StaffError::Forbidden("This request was already closed."));
    }
    if let Some(found) = &found
        && found.source.is_some()
    {
        return Err(StaffError::Forbidden(
            "This meeting comes from a synced source: send the change to the source, then reject this request.",
        ));
    }
    match (&request.meeting_slug, found) {
        (Some(_), None) => Err(StaffError::Forbidden("The meeting of this request no longer exists; reject it.")),
        (Some(slug), Some(_)) if request.closed_for_good => {
            let actor = staff.user.email.clone();
            let slug = slug.clone();
            let outcome = crate::routes::blocking(&state, move |state| {
                state.store.set_meeting_archived(&slug, true, &actor, Some(id))
            })
            .await?;
            match outcome {
                SaveOutcome::Saved(_) => after_closing(&state, id).await,
                _ => Err(StaffError::Forbidden("This request could not be applied; it may already be closed.")),
            }
        }
        (Some(_), Some(found)) => {
            let form = MeetingForm::of(&found.meeting).with_sent(&sent, &staff_fields());
            super::meetings::save(&state, &staff, form, Some(&found.meeting), false, Some(id)).await
        }
        (None, _) => {
            let mut fields = staff_fields();
            fields.push("slug");
            let form = MeetingForm::default().with_sent(&sent, &fields);
            super::meetings::save(&state, &staff, form, None, true, Some(id)).await
        }
    }
}

pub async fn reject(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let sent = staff.read_form(payload).await?;
    let reason = sent.get("reason").chars().take(2000).collect::<String>();
    if reason.is_empty() {
        return Err(StaffError::App(AppError::BadRequest(
            "Say why the request is rejected (the reason is kept in the log).".to_owned(),
        )));
    }
    let actor = staff.user.email.clone();
    let closed = crate::routes::blocking(&state, move |state| state.store.reject_request(id, &actor, &reason)).await?;
    if !closed {
        return Err(StaffError::Forbidden("This request was already closed."));
    }
    after_closing(&state, id).await
}

#[derive(Template)]
#[template(path = "staff/log.html")]
struct LogPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    entries: Vec<AuditEntry>,
}

impl LogPage<'_> {
    fn when(&self, seconds: &i64) -> String {
        when(*seconds)
    }
}

pub async fn log(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    let entries = crate::routes::blocking(&state, |state| state.store.audit_log(500)).await?;
    page(StatusCode::OK, &LogPage { lang: crate::i18n::Lang::DEFAULT, here: String::new(), staff: &staff, entries })
}
