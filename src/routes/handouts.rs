//! Printable handouts: a one-page sheet per group, a meeting schedule for any finder search, and
//! a referral sheet with more than one choice. Each prints on its own; the Print button only calls
//! the browser's print.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use super::meetings::ListingView;
use crate::content::{Approach, Group};
use crate::error::AppError;
use crate::finder::Listing;
use crate::meetings::{MeetingFilter, Weekday};
use crate::state::AppState;

/// The most meetings a printed schedule lists; a wider search is asked to narrow down.
pub const SCHEDULE_LIMIT: usize = 300;
/// Open meetings listed under each group on a referral sheet: fewer when there are many groups,
/// so that the sheet stays on one page.
fn referral_meetings(groups: usize) -> usize {
    if groups > 3 { 2 } else { 3 }
}

/// "http://host:port", for printing full addresses on paper (forwarded headers are believed only
/// from a trusted proxy).
fn site_address(request: &HttpRequest) -> String {
    request.app_data::<web::Data<AppState>>().map_or_else(
        || crate::deployment::Deployment::default().site_address(request),
        |state| state.deployment.site_address(request),
    )
}

/// Today's date in the site's zone, for "Printed …".
fn today(state: &AppState) -> String {
    let zone = jiff::tz::TimeZone::get(&state.settings.default_timezone).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(zone).date().to_string()
}

/// A handout page: it prints the address the browser used, so it is not stored by shared caches.
fn sheet(page: &impl Template) -> Result<HttpResponse, AppError> {
    let mut response = html(page)?;
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("private, max-age=300"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "handouts/index.html")]
struct HandoutsPage<'a> {
    groups: &'a [Group],
}

pub async fn index(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    html(&HandoutsPage { groups: &state.content.groups })
}

#[derive(Template)]
#[template(path = "handouts/group.html")]
struct GroupHandout<'a> {
    group: &'a Group,
    meeting_count: u64,
    site: String,
    printed: String,
}

pub async fn group(
    state: web::Data<AppState>,
    request: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let group = state.content.group(&slug).ok_or(AppError::NotFound)?;
    let slug = group.slug.clone();
    let meeting_count = super::blocking(&state, move |state| Ok(state.finder()?.group_meeting_count(&slug))).await?;
    sheet(&GroupHandout { group, meeting_count, site: site_address(&request), printed: today(&state) })
}

/// One day of a printed schedule.
struct ScheduleDay {
    heading: String,
    meetings: Vec<ListingView>,
}

#[derive(Template)]
#[template(path = "handouts/meetings.html")]
struct ScheduleHandout {
    days: Vec<ScheduleDay>,
    total: u64,
    shown: usize,
    /// (code, name) of every type code the schedule uses.
    legend: Vec<(String, String)>,
    finder_query: String,
    notices: Vec<String>,
    site: String,
    printed: String,
}

pub async fn meetings(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    let query = filter.clone();
    let results = super::blocking(&state, move |state| {
        Ok(state.finder()?.find(&query, jiff::Timestamp::now(), Listing::PerOccurrence, 0, SCHEDULE_LIMIT))
    })
    .await?;
    let mut legend = BTreeMap::new();
    let mut days: Vec<ScheduleDay> = Vec::new();
    let shown = results.listings.len();
    for listing in results.listings {
        for code in &listing.types {
            legend.entry(code.clone()).or_insert_with(|| state.vocabulary.label(code).to_owned());
        }
        let heading = listing.day.map_or("By appointment", Weekday::name).to_owned();
        let view = ListingView::new(listing, &state.content.groups, &state.vocabulary);
        match days.last_mut() {
            Some(day) if day.heading == heading => day.meetings.push(view),
            _ => days.push(ScheduleDay { heading, meetings: vec![view] }),
        }
    }
    sheet(&ScheduleHandout {
        days,
        total: results.total,
        shown,
        legend: legend.into_iter().collect(),
        finder_query: filter.query_string(),
        notices: filter.notices,
        site: site_address(&request),
        printed: today(&state),
    })
}

/// One chosen group on a referral sheet, with a few of its open meetings.
struct ReferralChoice<'a> {
    group: &'a Group,
    meetings: Vec<ListingView>,
    finder_link: String,
}

#[derive(Template)]
#[template(path = "handouts/referral.html")]
struct ReferralHandout<'a> {
    choices: Vec<ReferralChoice<'a>>,
    site: String,
    printed: String,
}

pub async fn referral(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    if let Some(notice) = filter.notices.first() {
        return Err(AppError::BadRequest(notice.clone()));
    }
    if filter.groups.len() < 2 {
        return Err(AppError::BadRequest(
            "A referral sheet offers more than one choice: pick at least two groups. People are more likely to go \
             when they can try several groups and meetings."
                .to_owned(),
        ));
    }
    let mut choices = Vec::new();
    let per_group = referral_meetings(filter.groups.len());
    for slug in &filter.groups {
        let Some(group) = state.content.group(slug) else { continue };
        let mut narrowed = MeetingFilter { groups: vec![slug.clone()], page: 1, ..filter.clone() };
        if !narrowed.types.iter().any(|code| code == "O") {
            narrowed.types.push("O".to_owned());
        }
        let query = narrowed.clone();
        let results = super::blocking(&state, move |state| {
            Ok(state.finder()?.find(&query, jiff::Timestamp::now(), Listing::PerOccurrence, 0, per_group))
        })
        .await?;
        choices.push(ReferralChoice {
            group,
            meetings: results
                .listings
                .into_iter()
                .map(|listing| ListingView::new(listing, &state.content.groups, &state.vocabulary))
                .collect(),
            finder_link: format!("/meetings?{}", narrowed.query_string()),
        });
    }
    sheet(&ReferralHandout { choices, site: site_address(&request), printed: today(&state) })
}
