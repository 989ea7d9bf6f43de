//! `/groups` (every group by audience, with the side-by-side comparison) and `/groups/{slug}`.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use crate::content::{Approach, Audience, Group};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "groups/index.html")]
struct GroupsPage<'a> {
    /// Each audience with its groups (after the approach filter).
    sections: Vec<(Audience, Vec<&'a Group>)>,
    /// Groups shown in the comparison table.
    compared: Vec<&'a Group>,
    approach: Option<Approach>,
}

pub async fn index(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let approach = approach_parameter(request.query_string())?;
    let compared: Vec<&Group> =
        state.content.groups.iter().filter(|group| approach.is_none_or(|wanted| group.approach == wanted)).collect();
    let sections = Audience::ALL
        .into_iter()
        .map(|audience| (audience, compared.iter().copied().filter(|group| group.audience == audience).collect()))
        .collect();
    html(&GroupsPage { sections, compared, approach })
}

/// Reads `?approach=twelve-step|other`; anything else is a 400 that says what it may be.
fn approach_parameter(query: &str) -> Result<Option<Approach>, AppError> {
    let mut approach = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key != "approach" || value.is_empty() || value == "all" {
            continue;
        }
        approach = Some(match value.as_ref() {
            "twelve-step" => Approach::TwelveStep,
            "other" => Approach::Other,
            "not-described" => Approach::NotDescribed,
            _ => {
                return Err(AppError::BadRequest(
                    "The approach filter can be “twelve-step”, “other” or “all”.".to_owned(),
                ));
            }
        });
    }
    Ok(approach)
}

#[derive(Template)]
#[template(path = "groups/show.html")]
struct GroupPage<'a> {
    group: &'a Group,
    meeting_count: u64,
}

pub async fn show(state: web::Data<AppState>, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let group = state.content.group(&slug).ok_or(AppError::NotFound)?;
    let slug = group.slug.clone();
    let meeting_count = super::blocking(&state, move |state| Ok(state.finder()?.group_meeting_count(&slug))).await?;
    html(&GroupPage { group, meeting_count })
}
