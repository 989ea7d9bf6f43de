//! `/groups` (every group by audience, with the side-by-side comparison) and `/groups/{slug}`.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use crate::content::{Approach, Audience, Comparison, Group};
use crate::error::AppError;
use crate::i18n::Lang;
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

impl GroupsPage<'_> {
    /// The rows left out of the table, each with the groups the fact sheet describes it for:
    /// said once beside the table instead of a dash in every other row.
    fn beside_table(&self) -> Vec<(&'static str, Vec<(&str, &str)>)> {
        let Some(first) = self.compared.first() else { return Vec::new() };
        (0..first.comparison.cells(self.lang).len())
            .filter(|index| !Comparison::in_table(*index))
            .map(|index| {
                let described = self
                    .compared
                    .iter()
                    .filter_map(|group| {
                        group.comparison.cells(self.lang)[index].1.map(|value| (group.name.as_str(), value))
                    })
                    .collect();
                (first.comparison.cells(self.lang)[index].0, described)
            })
            .collect()
    }
}

pub async fn index(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let approach = approach_parameter(request.query_string(), locale.lang)?;
    let compared: Vec<&Group> = state
        .content
        .in_lang(locale.lang)
        .groups
        .iter()
        .filter(|group| approach.is_none_or(|wanted| group.approach == wanted))
        .collect();
    let sections = Audience::ALL
        .into_iter()
        .map(|audience| (audience, compared.iter().copied().filter(|group| group.audience == audience).collect()))
        .collect();
    html(&GroupsPage { lang: locale.lang, here: locale.here.clone(), sections, compared, approach })
}

/// Reads `?approach=twelve-step|other`; anything else is a 400 that says what it may be.
fn approach_parameter(query: &str, lang: Lang) -> Result<Option<Approach>, AppError> {
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
                return Err(AppError::BadRequest(lang.t("groups-error-approach").to_owned()));
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
    let content = state.content.in_lang(locale.lang);
    let group = content.group(&slug).ok_or(AppError::NotFound)?;
    let meeting_count = super::current_finder(&state).await?.group_meeting_count(&group.slug);
    html(&GroupPage { lang: locale.lang, here: locale.here.clone(), group, groups: &content.groups, meeting_count })
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
    /// The groups' short names joined as the language lists them ("AA and SMART Recovery"), for the title.
    title_names: String,
    /// The groups' names joined as the language lists them, for the table's caption.
    caption: String,
    /// Row headings with each group's value (`None`: the fact sheet does not say).
    rows: Vec<(&'static str, Vec<Option<&'a str>>)>,
    /// Whether any cell is "not described", so that the legend is shown only when needed.
    has_gaps: bool,
}

impl ComparePage<'_> {
    /// The medication row when the fact sheet describes it for none of the groups compared: it
    /// says the fact sheet's general finding once, across the row, instead of a dash per group.
    fn medication_unsaid(&self, heading: &str, cells: &[Option<&str>]) -> bool {
        heading == self.lang.t("comparison-medication") && cells.iter().all(Option::is_none)
    }
}

/// `/groups/compare?group=A&group=B[&group=C]`: the chosen groups as columns, the facts as rows.
pub async fn compare(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let lang = locale.lang;
    let groups = chosen_groups(&state.content.in_lang(lang).groups, request.query_string(), lang)?;
    let mut rows: Vec<(&'static str, Vec<Option<&str>>)> = vec![
        (lang.t("groups-approach"), groups.iter().map(|group| Some(group.approach.label(lang))).collect()),
        (lang.t("groups-row-for"), groups.iter().map(|group| Some(group.audience.heading(lang))).collect()),
    ];
    for (index, (heading, _)) in groups[0].comparison.cells(locale.lang).into_iter().enumerate() {
        rows.push((heading, groups.iter().map(|group| group.comparison.cells(locale.lang)[index].1).collect()));
    }
    let has_gaps = rows.iter().any(|(_, cells)| cells.iter().any(Option::is_none));
    let title_names =
        list(groups.iter().map(|group| group.short_name.as_deref().unwrap_or(&group.name)).collect(), lang);
    let caption = list(groups.iter().map(|group| group.name.as_str()).collect(), lang);
    html(&ComparePage { lang, here: locale.here.clone(), groups, title_names, caption, rows, has_gaps })
}

/// Names as the language lists them: "A", "A and B", "A, B and C".
fn list(names: Vec<&str>, lang: Lang) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), lang.t("groups-list-and")),
        Some((last, _)) => (*last).to_owned(),
        None => String::new(),
    }
}

/// The groups named by `group=` (in the order given, each once): two or three known groups, or a
/// 400 that says what was wrong.
fn chosen_groups<'a>(groups: &'a [Group], query: &str, lang: Lang) -> Result<Vec<&'a Group>, AppError> {
    let mut chosen: Vec<&Group> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let slug = value.trim();
        if key != "group" || slug.is_empty() {
            continue;
        }
        let group = groups.iter().find(|group| group.slug == slug).ok_or_else(|| {
            let shown: String = slug.chars().take(60).collect();
            AppError::BadRequest(lang.t1("groups-error-unknown", "slug", shown))
        })?;
        if !chosen.iter().any(|known| known.slug == group.slug) {
            chosen.push(group);
        }
    }
    match chosen.len() {
        count @ (0 | 1) => Err(AppError::BadRequest(lang.n("groups-error-too-few", count))),
        count if count > COMPARE_MOST => {
            Err(AppError::BadRequest(lang.t2("groups-error-too-many", "most", COMPARE_MOST, "count", count)))
        }
        _ => Ok(chosen),
    }
}
