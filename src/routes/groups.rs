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
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    /// Each audience with its groups (after the approach filter).
    sections: Vec<(Audience, Vec<&'a Group>)>,
    /// Groups shown in the comparison table.
    compared: Vec<&'a Group>,
    approach: Option<Approach>,
}

pub async fn index(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let approach = approach_parameter(request.query_string())?;
    let compared: Vec<&Group> =
        state.content.groups.iter().filter(|group| approach.is_none_or(|wanted| group.approach == wanted)).collect();
    let sections = Audience::ALL
        .into_iter()
        .map(|audience| (audience, compared.iter().copied().filter(|group| group.audience == audience).collect()))
        .collect();
    html(&GroupsPage { lang: locale.lang, here: locale.here.clone(), sections, compared, approach })
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
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    group: &'a Group,
    /// Every group, for the "compare with" choice.
    groups: &'a [Group],
    meeting_count: u64,
}

pub async fn show(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let group = state.content.group(&slug).ok_or(AppError::NotFound)?;
    let meeting_count = super::current_finder(&state).await?.group_meeting_count(&group.slug);
    html(&GroupPage {
        lang: locale.lang,
        here: locale.here.clone(),
        group,
        groups: &state.content.groups,
        meeting_count,
    })
}

/// The most groups `/groups/compare` sets side by side: more would not fit a phone's width.
pub const COMPARE_MOST: usize = 3;

#[derive(Template)]
#[template(path = "groups/compare.html")]
struct ComparePage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    groups: Vec<&'a Group>,
    /// Row headings with each group's value (`None`: the fact sheet does not say).
    rows: Vec<(&'static str, Vec<Option<&'a str>>)>,
    /// Whether any cell is "not described", so that the legend is shown only when needed.
    has_gaps: bool,
}

/// `/groups/compare?group=A&group=B[&group=C]`: the chosen groups as columns, the facts as rows.
pub async fn compare(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let groups = chosen_groups(&state.content.groups, request.query_string())?;
    let mut rows: Vec<(&'static str, Vec<Option<&str>>)> = vec![
        ("Approach", groups.iter().map(|group| Some(group.approach.label(locale.lang))).collect()),
        ("For", groups.iter().map(|group| Some(group.audience.heading(locale.lang))).collect()),
    ];
    for (index, (heading, _)) in groups[0].comparison.cells(locale.lang).into_iter().enumerate() {
        rows.push((heading, groups.iter().map(|group| group.comparison.cells(locale.lang)[index].1).collect()));
    }
    let has_gaps = rows.iter().any(|(_, cells)| cells.iter().any(Option::is_none));
    html(&ComparePage { lang: locale.lang, here: locale.here.clone(), groups, rows, has_gaps })
}

/// The groups named by `group=` (in the order given, each once): two or three known groups, or a
/// 400 that says what was wrong.
fn chosen_groups<'a>(groups: &'a [Group], query: &str) -> Result<Vec<&'a Group>, AppError> {
    let mut chosen: Vec<&Group> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let slug = value.trim();
        if key != "group" || slug.is_empty() {
            continue;
        }
        let group = groups.iter().find(|group| group.slug == slug).ok_or_else(|| {
            let shown: String = slug.chars().take(60).collect();
            AppError::BadRequest(format!(
                "“{shown}” is not a group in this directory. Choose two or three groups on the groups page."
            ))
        })?;
        if !chosen.iter().any(|known| known.slug == group.slug) {
            chosen.push(group);
        }
    }
    match chosen.len() {
        0 | 1 => Err(AppError::BadRequest(format!(
            "Choose at least two groups to compare; this address names {}.",
            if chosen.is_empty() { "none" } else { "one" }
        ))),
        count if count > COMPARE_MOST => Err(AppError::BadRequest(format!(
            "Choose at most {COMPARE_MOST} groups to compare; this address names {count}. The full table on the \
             groups page sets every group side by side."
        ))),
        _ => Ok(chosen),
    }
}
