//! Change requests from the public: `/meetings/{slug}/change` and `/meetings/new`, plain forms
//! (no cookie, no script, no account) stored for staff to review. Abuse limits: a hidden
//! honeypot field, a few requests per address per hour, and size limits.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::content::Group;
use crate::db::NewChangeRequest;
use crate::error::AppError;
use crate::meetings::Meeting;
use crate::staff::form::{FormData, MeetingForm, NAMING_FIELDS, PUBLIC_FIELDS};
use crate::staff::{MessagePage, StaffError, keyed_digest};
use crate::state::AppState;

/// Requests one address may send per hour.
pub const REQUESTS_PER_HOUR: u32 = 5;
/// The longest message.
pub const MAX_MESSAGE_CHARS: usize = 5_000;
// The public forms fit in a form body with every field at its limit, in any script.
const _: () = assert!(
    crate::staff::FORM_BYTES_PER_CHAR
        * (MAX_MESSAGE_CHARS
            + crate::staff::form::MAX_REPLY_CHARS
            + crate::feed::MAX_NAME_CHARS
            + 4 * crate::feed::MAX_TEXT_CHARS)
        + crate::staff::FORM_OVERHEAD_BYTES
        <= crate::staff::MAX_FORM_BYTES
);
/// The honeypot: a field people never see and robots fill in.
pub const HONEYPOT: &str = "website";

#[derive(Template)]
#[template(path = "requests/form.html")]
struct RequestPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    /// `None`: a meeting to add.
    meeting: Option<&'a Meeting>,
    form: MeetingForm,
    groups: &'a [Group],
    message: &'a str,
    reply_to: &'a str,
    closed_for_good: bool,
    /// Errors of the message and reply fields, and any other.
    problems: Vec<String>,
}

impl<'a> RequestPage<'a> {
    /// The form as a visitor first sees it: today's values of `meeting`, or empty for a new one.
    fn blank(locale: &crate::i18n::Locale, meeting: Option<&'a Meeting>, groups: &'a [Group]) -> RequestPage<'a> {
        RequestPage {
            lang: locale.lang,
            here: locale.here.clone(),
            meeting,
            form: meeting.map(MeetingForm::of).unwrap_or_default(),
            groups,
            message: "",
            reply_to: "",
            closed_for_good: false,
            problems: Vec::new(),
        }
    }
}

impl RequestPage<'_> {
    fn fields(&self) -> Vec<&'static str> {
        if self.meeting.is_some() {
            PUBLIC_FIELDS.to_vec()
        } else {
            NAMING_FIELDS.iter().chain(PUBLIC_FIELDS.iter()).copied().collect()
        }
    }

    fn field_views(&self) -> Vec<crate::staff::form::FieldView> {
        self.form.views(&self.fields(), self.groups, self.lang)
    }

    fn action(&self) -> String {
        match self.meeting {
            Some(meeting) => self.lang.path(&format!("/meetings/{}/change", meeting.slug)),
            None => self.lang.path("/meetings/new"),
        }
    }
}

fn render(status: StatusCode, cacheable: bool, page: &impl Template) -> Result<HttpResponse, StaffError> {
    Ok(HttpResponse::build(status)
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, if cacheable { "public, max-age=300" } else { "no-store" }))
        .body(page.render()?))
}

/// A request refused as a whole (too many, too large), in the page's language; nothing was kept.
fn refusal(
    status: StatusCode,
    locale: &crate::i18n::Locale,
    heading: &'static str,
    message: &str,
) -> Result<HttpResponse, StaffError> {
    let lang = locale.lang;
    let page = MessagePage {
        lang,
        here: locale.here.clone(),
        heading: lang.t(heading),
        message,
        links: vec![(lang.path("/meetings"), lang.t("request-find").to_owned())],
    };
    render(status, false, &page)
}

async fn meeting(state: &web::Data<AppState>, slug: String) -> Result<(Meeting, Option<String>), StaffError> {
    let found = crate::routes::blocking(state, move |state| {
        Ok(match state.store.meeting(&slug)? {
            Some(meeting) => {
                let source = state.store.source_of_meeting(&slug)?.map(|source| source.name);
                Some((meeting, source))
            }
            None => None,
        })
    })
    .await?;
    found.ok_or(StaffError::App(AppError::NotFound))
}

/// A source's meeting: changes go to the source, whose feed would undo ours.
fn source_page(locale: &crate::i18n::Locale, meeting: &Meeting, source: &str) -> Result<HttpResponse, StaffError> {
    let lang = locale.lang;
    let mut links = crate::staff::form::source_links_in(meeting, lang);
    links.push((lang.path(&format!("/meetings/{}", meeting.slug)), lang.t("request-back").to_owned()));
    let key = if links.len() > 1 { "request-source-links" } else { "request-source-no-links" };
    let message = lang.t1(key, "source", source);
    render(
        StatusCode::OK,
        true,
        &MessagePage {
            lang: locale.lang,
            here: locale.here.clone(),
            heading: lang.t("request-source-heading"),
            message: &message,
            links,
        },
    )
}

pub async fn change_form(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    slug: web::Path<String>,
) -> Result<HttpResponse, StaffError> {
    let (meeting, source) = meeting(&state, slug.into_inner()).await?;
    if let Some(source) = source {
        return source_page(&locale, &meeting, &source);
    }
    render(
        StatusCode::OK,
        true,
        &RequestPage::blank(&locale, Some(&meeting), &state.content.in_lang(locale.lang).groups),
    )
}

pub async fn new_form(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, StaffError> {
    render(StatusCode::OK, true, &RequestPage::blank(&locale, None, &state.content.in_lang(locale.lang).groups))
}

pub async fn send_change(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let (meeting, source) = meeting(&state, slug.into_inner()).await?;
    if let Some(source) = source {
        return source_page(&locale, &meeting, &source);
    }
    receive(state, locale, request, payload, Some(meeting)).await
}

pub async fn send_new(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    receive(state, locale, request, payload, None).await
}

async fn receive(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
    payload: web::Payload,
    meeting: Option<Meeting>,
) -> Result<HttpResponse, StaffError> {
    let lang = locale.lang;
    // The staff area's refusals speak English; a visitor is answered in the page's language.
    let sent = match FormData::read(payload).await {
        Ok(sent) => sent,
        Err(StaffError::TooLarge) => {
            return refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                &locale,
                "request-too-large-heading",
                lang.t("request-too-large"),
            );
        }
        Err(StaffError::App(AppError::BadRequest(_))) => {
            return Err(AppError::BadRequest(lang.t("request-unreadable").to_owned()).into());
        }
        Err(other) => return Err(other),
    };
    let thanks = || {
        let mut links = vec![(lang.path("/meetings"), lang.t("request-find").to_owned())];
        if let Some(meeting) = &meeting {
            links.insert(0, (lang.path(&format!("/meetings/{}", meeting.slug)), lang.t("request-back").to_owned()));
        }
        render(
            StatusCode::OK,
            false,
            &MessagePage {
                lang,
                here: locale.here.clone(),
                heading: lang.t("request-thanks-heading"),
                message: lang.t("request-thanks"),
                links,
            },
        )
    };
    // A robot filled in the hidden field: it is told what a person is told, and nothing is kept.
    if !sent.get(HONEYPOT).is_empty() {
        return thanks();
    }
    let address = state.deployment.client(&request).limit_key();
    let since = jiff::Timestamp::now().as_second() - 3600;
    let (sender_hash, recent) = crate::routes::blocking(&state, move |state| {
        let sender_hash = keyed_digest(&state.store.sender_key()?, &address);
        let recent = state.store.requests_from(&sender_hash, since)?;
        Ok((sender_hash, recent))
    })
    .await?;
    if recent >= REQUESTS_PER_HOUR {
        let message = lang.n("request-too-many", REQUESTS_PER_HOUR);
        return refusal(StatusCode::TOO_MANY_REQUESTS, &locale, "request-too-many-heading", &message);
    }
    let fields: Vec<&str> = if meeting.is_some() {
        PUBLIC_FIELDS.to_vec()
    } else {
        NAMING_FIELDS.iter().chain(PUBLIC_FIELDS.iter()).copied().collect()
    };
    let base = meeting.as_ref().map_or_else(MeetingForm::default, MeetingForm::of);
    let mut form = base.clone().with_sent(&sent, &fields);
    // How to attend follows from what the visitor asks (a link, an address); staff may choose it.
    form.values.remove("attendance");
    if meeting.is_none() {
        // A placeholder address, so the reader checks the rest; staff choose the real one.
        form.values.insert("slug".to_owned(), "new-meeting".to_owned());
    }
    let message = sent.get("message").to_owned();
    let reply_to = sent.get("reply_to").to_owned();
    let closed_for_good = meeting.is_some() && !sent.get("closed").is_empty();
    let mut problems = Vec::new();
    if message.chars().count() > MAX_MESSAGE_CHARS {
        problems.push(lang.t1("request-message-too-long", "max", MAX_MESSAGE_CHARS));
    }
    if crate::feed::text::first_unsafe(&message, crate::feed::text::Lines::Many).is_some() {
        problems.push(lang.t("request-message-control").to_owned());
    }
    if !reply_to.is_empty() && !crate::staff::form::is_plain_address(&reply_to) {
        problems.push(lang.t("request-reply-bad").to_owned());
    }
    let changed = fields.iter().any(|field| form.value(field) != base.value(field));
    if meeting.is_some() && !changed && !closed_for_good && message.is_empty() {
        problems.push(lang.t("request-nothing-changed").to_owned());
    }
    if let Err(checked) = form.validate(meeting.as_ref(), &state.core, &state.settings.default_timezone) {
        form = checked;
    }
    let status = if !problems.is_empty() || !form.errors.is_empty() {
        problems.extend(form.other_errors(&fields, lang));
        StatusCode::BAD_REQUEST
    } else {
        let stored = NewChangeRequest {
            meeting_slug: meeting.as_ref().map(|meeting| meeting.slug.clone()),
            requested: form.requested(&fields),
            closed_for_good,
            message: Some(message.clone()).filter(|message| !message.is_empty()),
            reply_to: Some(reply_to.clone()).filter(|reply| !reply.is_empty()),
            sender_hash,
        };
        // What staff are told: the meeting and what is asked, nothing about who asked.
        let rows = crate::staff::form::compare(&base, &form, &fields);
        let asked = match (closed_for_good, &meeting) {
            (true, _) => "closed for good".to_owned(),
            (false, Some(_)) => crate::staff::form::summary(&rows),
            (false, None) => format!("a new meeting: {}", crate::staff::form::summary(&rows).replace("(empty) → ", "")),
        };
        let about = meeting.as_ref().map_or_else(|| form.value("name").to_owned(), |meeting| meeting.name.clone());
        match crate::routes::blocking(&state, move |state| state.store.add_change_request(&stored)).await {
            // Another process holds the write lock: the form again, with what was typed.
            Err(error) if error.is_busy() => {
                problems.push(lang.t("request-busy").to_owned());
                StatusCode::SERVICE_UNAVAILABLE
            }
            written => {
                let id = written?;
                state.mailer.notify(crate::mail::Notice::new_request(id, &about, &asked));
                return thanks();
            }
        }
    };
    let page = RequestPage {
        lang: locale.lang,
        here: locale.here.clone(),
        meeting: meeting.as_ref(),
        form,
        groups: &state.content.in_lang(lang).groups,
        message: &message,
        reply_to: &reply_to,
        closed_for_good,
        problems,
    };
    let response = render(status, false, &page)?;
    Ok(if status == StatusCode::SERVICE_UNAVAILABLE { crate::error::busy(response) } else { response })
}
