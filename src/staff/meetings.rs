//! Staff add, edit, archive and restore meetings entered here. A synced source's meeting is not
//! edited over: its page names the source and links to the source's own way to report a change.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::form::{MeetingForm, STAFF_FORM};
use super::{Staff, StaffError, page, see_other};
use crate::content::Group;
use crate::db::{SaveOutcome, StaffMeeting, StaffMeetingFilter};
use crate::error::AppError;
use crate::meetings::{TimeOfDay, Weekday};
use crate::state::AppState;

/// Every field of the staff meeting form (the slug only when adding), in the form's order.
pub fn staff_fields() -> Vec<&'static str> {
    STAFF_FORM.to_vec()
}

/// The meeting list's filters, as the GET form sends them (each may be empty).
#[derive(Deserialize)]
pub struct Search {
    #[serde(default)]
    q: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    town: String,
    /// A source's name, `here` for meetings entered here, empty for all.
    #[serde(default)]
    source: String,
}

/// What `source=` says for "entered here, not synced".
const ENTERED_HERE: &str = "here";

#[derive(Template)]
#[template(path = "staff/meetings.html")]
struct ListPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    search: Search,
    meetings: Vec<crate::db::MeetingLine>,
    /// Every source's name, for the source filter.
    sources: Vec<String>,
    limit: usize,
}

impl ListPage<'_> {
    /// (value, name, chosen) of the day filter.
    fn days(&self) -> Vec<(String, &'static str, bool)> {
        Weekday::all()
            .map(|day| (day.number().to_string(), day.name(), self.search.day == day.number().to_string()))
            .collect()
    }

    /// (value, name, chosen) of the time-of-day filter.
    fn times(&self) -> Vec<(&'static str, &'static str, bool)> {
        TimeOfDay::ALL
            .iter()
            .map(|band| {
                (band.parameter(), band.label(crate::i18n::Lang::DEFAULT), self.search.time == band.parameter())
            })
            .collect()
    }

    fn days_of(&self, line: &crate::db::MeetingLine) -> String {
        let days: Vec<&str> = line.meeting.days.iter().map(|day| day.name()).collect();
        if days.is_empty() { "By appointment".to_owned() } else { days.join(", ") }
    }

    fn time_of(&self, line: &crate::db::MeetingLine) -> String {
        line.meeting.time.map(|time| time.to_string()).unwrap_or_default()
    }
}

pub async fn list(
    state: web::Data<AppState>,
    staff: Staff,
    search: web::Query<Search>,
) -> Result<HttpResponse, StaffError> {
    let search = search.into_inner();
    let day = match search.day.trim() {
        "" => None,
        text => Some(Weekday::parse(text).ok_or_else(|| {
            AppError::BadRequest(format!("\"{text}\" is not a day: choose one from the list (0 = Sunday to 6)."))
        })?),
    };
    let band = match search.time.trim() {
        "" => None,
        text => Some(TimeOfDay::parse(text).ok_or_else(|| {
            AppError::BadRequest(format!("\"{text}\" is not a time of day: morning, midday, evening or night."))
        })?),
    };
    let filter = StaffMeetingFilter {
        words: search.q.trim().to_owned(),
        day: day.map(Weekday::number),
        minutes: band.map(TimeOfDay::minutes),
        town: search.town.trim().to_owned(),
        source: match search.source.trim() {
            "" => None,
            ENTERED_HERE => Some(String::new()),
            name => Some(name.to_owned()),
        },
    };
    let (meetings, sources) = crate::routes::blocking(&state, move |state| {
        let sources = state.store.sources()?.into_iter().map(|source| source.name).collect();
        Ok((state.store.staff_meeting_list(&filter, LIST_LIMIT)?, sources))
    })
    .await?;
    let lang = crate::i18n::Lang::DEFAULT;
    let limit = LIST_LIMIT as usize;
    page(StatusCode::OK, &ListPage { lang, here: String::new(), staff: &staff, search, meetings, sources, limit })
}

/// Meetings the staff list shows at most.
const LIST_LIMIT: u32 = 200;

#[derive(Template)]
#[template(path = "staff/edit.html")]
pub struct EditPage<'a> {
    /// The page's language.
    pub lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    pub here: String,
    pub staff: &'a Staff,
    /// `None`: adding a meeting.
    pub slug: Option<String>,
    pub form: MeetingForm,
    pub groups: &'a [Group],
    pub archived: bool,
    /// The synced source that owns the meeting (then there is no form) and its links.
    pub source: Option<String>,
    pub report_links: Vec<(String, String)>,
    pub saved: bool,
    /// The place the stored coordinates were placed by, when they are approximate.
    pub approximate_location: Option<String>,
}

impl EditPage<'_> {
    fn field_views(&self) -> Vec<super::form::FieldView> {
        field_views(&self.form, self.slug.is_none(), self.groups)
    }

    fn other_errors(&self) -> Vec<String> {
        other_errors(&self.form)
    }
}

/// The fields of a staff form about a meeting, ready to show: the slug too for a new meeting.
pub fn field_views(form: &MeetingForm, new_meeting: bool, groups: &[Group]) -> Vec<super::form::FieldView> {
    let mut fields = staff_fields();
    if new_meeting {
        fields.insert(0, "slug");
    }
    form.views(&fields, groups, crate::i18n::Lang::DEFAULT)
}

/// A staff form's errors that belong to no field it shows.
pub fn other_errors(form: &MeetingForm) -> Vec<String> {
    let mut shown = staff_fields();
    shown.push("slug");
    form.other_errors(&shown, crate::i18n::Lang::DEFAULT)
}

pub use super::form::source_links as report_links;

pub async fn new_form(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    let form = MeetingForm::of(&crate::meetings::Meeting {
        timezone: state.settings.default_timezone.clone(),
        ..Default::default()
    });
    let page_data = EditPage {
        lang: crate::i18n::Lang::DEFAULT,
        here: String::new(),
        staff: &staff,
        slug: None,
        form,
        groups: &state.content.groups,
        archived: false,
        source: None,
        report_links: Vec::new(),
        saved: false,
        approximate_location: None,
    };
    page(StatusCode::OK, &page_data)
}

async fn load(state: &web::Data<AppState>, slug: String) -> Result<StaffMeeting, StaffError> {
    crate::routes::blocking(state, move |state| state.store.staff_meeting(&slug))
        .await?
        .ok_or(StaffError::App(AppError::NotFound))
}

#[derive(Deserialize)]
pub struct Saved {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn edit_form(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    saved: web::Query<Saved>,
) -> Result<HttpResponse, StaffError> {
    let found = load(&state, slug.into_inner()).await?;
    let page_data = EditPage {
        lang: crate::i18n::Lang::DEFAULT,
        here: String::new(),
        staff: &staff,
        slug: Some(found.meeting.slug.clone()),
        form: MeetingForm::of(&found.meeting),
        groups: &state.content.groups,
        archived: found.archived,
        report_links: report_links(&found.meeting),
        approximate_location: found.meeting.approximate_location().map(str::to_owned),
        source: found.source,
        saved: saved.saved.is_some(),
    };
    page(StatusCode::OK, &page_data)
}

/// What a refused write says.
fn refusal(outcome: &SaveOutcome) -> StaffError {
    match outcome {
        SaveOutcome::SourceMeeting(_) => StaffError::Forbidden(
            "This meeting comes from a synced source: change it at the source, or the next sync would undo it.",
        ),
        SaveOutcome::RequestClosed => StaffError::Forbidden("This request was already closed."),
        _ => StaffError::App(AppError::NotFound),
    }
}

pub async fn create(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let sent = staff.read_form(payload).await?;
    let mut fields = staff_fields();
    fields.push("slug");
    let mut form = MeetingForm::default().with_sent(&sent, &fields);
    if form.value("slug").is_empty() {
        let slug = super::form::slug_from(form.value("name"));
        form.values.insert("slug".to_owned(), slug);
    }
    save(&state, &staff, form, None, true, None).await
}

/// Validates and writes a staff form (adding, editing, or approving `request`); errors re-show
/// the form with each message by its field, and nothing is written.
pub async fn save(
    state: &web::Data<AppState>,
    staff: &Staff,
    form: MeetingForm,
    base: Option<&crate::meetings::Meeting>,
    adding: bool,
    request: Option<i64>,
) -> Result<HttpResponse, StaffError> {
    let mut meeting = match form.validate(base, &state.core, &state.settings.default_timezone) {
        Ok(meeting) => meeting,
        Err(form) => return show_errors(state, staff, form, base, adding, request).await,
    };
    place_from_address(state, &mut meeting).await?;
    let actor = staff.user.email.clone();
    let written = meeting.clone();
    let outcome =
        match crate::routes::blocking(state, move |state| state.store.save_meeting(&written, adding, &actor, request))
            .await
        {
            // Another process holds the write lock: the form again, with what was typed.
            Err(error) if error.is_busy() => {
                let mut form = form;
                form.errors.push(("database".to_owned(), BUSY.to_owned()));
                return Ok(crate::error::busy(show_errors(state, staff, form, base, adding, request).await?));
            }
            outcome => outcome?,
        };
    match outcome {
        SaveOutcome::Saved(_) => match request {
            Some(id) => super::requests::after_closing(state, id).await,
            None => Ok(see_other(&format!("/staff/meetings/{}/edit?saved=1", meeting.slug))),
        },
        SaveOutcome::SlugTaken => {
            let mut form = form;
            form.errors.push(("slug".to_owned(), "another meeting already has this address".to_owned()));
            show_errors(state, staff, form, base, adding, request).await
        }
        other => Err(refusal(&other)),
    }
}

/// A meeting with an address people go to and no coordinates is placed at the middle of the
/// site's own meetings at its postal code or in its town, marked approximate
/// ([`crate::meetings::APPROXIMATE_LOCATION`]), so "near" searches find it; without such a place
/// in the data it stays unplaced. Coordinates typed by staff are kept as they are.
async fn place_from_address(
    state: &web::Data<AppState>,
    meeting: &mut crate::meetings::Meeting,
) -> Result<(), StaffError> {
    use crate::meetings::{APPROXIMATE_LOCATION, Attendance};
    if meeting.latitude.is_some() && meeting.longitude.is_some() {
        return Ok(());
    }
    meeting.extra.remove(APPROXIMATE_LOCATION);
    if meeting.address().is_none() || meeting.attendance() == Attendance::Online {
        return Ok(());
    }
    let looked_up = meeting.clone();
    let place = crate::routes::blocking(state, move |state| Ok(state.finder()?.locate(&looked_up))).await?;
    if let Some(place) = place {
        // Rounded to about 10 m: the point is a middle of meetings, not a venue.
        let round = |degrees: f64| (degrees * 10_000.0).round() / 10_000.0;
        meeting.latitude = Some(round(place.point.0));
        meeting.longitude = Some(round(place.point.1));
        meeting.extra.insert(APPROXIMATE_LOCATION.to_owned(), serde_json::json!(place.name));
    }
    Ok(())
}

/// Why a staff form was shown again when another process held the database's write lock.
const BUSY: &str = "is busy: another program is writing to it. Nothing was saved; your values are kept \
                    below. Send the form again in a moment.";

async fn show_errors(
    state: &web::Data<AppState>,
    staff: &Staff,
    form: MeetingForm,
    base: Option<&crate::meetings::Meeting>,
    adding: bool,
    request: Option<i64>,
) -> Result<HttpResponse, StaffError> {
    match request {
        Some(id) => super::requests::review_page(state, staff, id, Some(form), None).await,
        None => page(
            StatusCode::BAD_REQUEST,
            &EditPage {
                lang: crate::i18n::Lang::DEFAULT,
                here: String::new(),
                staff,
                slug: if adding { None } else { base.map(|meeting| meeting.slug.clone()) },
                form,
                groups: &state.content.groups,
                archived: false,
                source: None,
                report_links: Vec::new(),
                saved: false,
                approximate_location: base.and_then(|meeting| meeting.approximate_location()).map(str::to_owned),
            },
        ),
    }
}

pub async fn update(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let sent = staff.read_form(payload).await?;
    let found = load(&state, slug.into_inner()).await?;
    if let Some(source) = found.source {
        return Err(refusal(&SaveOutcome::SourceMeeting(source)));
    }
    let form = MeetingForm::of(&found.meeting).with_sent(&sent, &staff_fields());
    save(&state, &staff, form, Some(&found.meeting), false, None).await
}

async fn set_archived(
    state: web::Data<AppState>,
    staff: Staff,
    slug: String,
    payload: web::Payload,
    archived: bool,
) -> Result<HttpResponse, StaffError> {
    staff.read_form(payload).await?;
    let actor = staff.user.email.clone();
    let target = slug.clone();
    let outcome =
        crate::routes::blocking(&state, move |state| state.store.set_meeting_archived(&target, archived, &actor, None))
            .await?;
    match outcome {
        SaveOutcome::Saved(_) => Ok(see_other(&format!("/staff/meetings/{slug}/edit?saved=1"))),
        other => Err(refusal(&other)),
    }
}

pub async fn archive(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    set_archived(state, staff, slug.into_inner(), payload, true).await
}

pub async fn restore(
    state: web::Data<AppState>,
    staff: Staff,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    set_archived(state, staff, slug.into_inner(), payload, false).await
}
