//! `/sources`: where the meeting data comes from. Each source the site keeps in sync, with its
//! group, its link and how fresh it is, so a reader can judge a listing.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::html;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::time_ago;

/// One source as the page shows it.
struct SourceRow {
    name: String,
    /// The group's name, and its slug for the link.
    group_name: String,
    group_slug: String,
    /// Scheme, host and path only: never a password or a query (`?api_key=`).
    url: String,
    /// "updated 3 hours ago", or that it has not been fetched yet.
    freshness: String,
    /// "The last attempt failed 20 minutes ago; …", when the most recent try failed.
    failure: Option<String>,
    meeting_count: u64,
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    sources: Vec<SourceRow>,
}

pub async fn index(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, AppError> {
    let store = state.store.clone();
    let sources = web::block(move || store.sources()).await??;
    let now = jiff::Timestamp::now();
    let lang = locale.lang;
    let sources = sources
        .into_iter()
        .map(|source| SourceRow {
            group_name: state
                .content
                .group(&source.group_slug)
                .map_or_else(|| source.group_slug.clone(), |group| group.name.clone()),
            freshness: source.last_success_at.map_or_else(
                || lang.t("sources-not-fetched").to_owned(),
                |time| lang.t1("sources-updated", "ago", time_ago(time, now, lang)),
            ),
            failure: source
                .last_attempt_failed()
                .then(|| source.last_error_at.map(|time| lang.t1("sources-failed", "ago", time_ago(time, now, lang))))
                .flatten(),
            meeting_count: source.meeting_count,
            url: source.address(),
            name: source.name,
            group_slug: source.group_slug,
        })
        .collect();
    html(&SourcesPage { lang: locale.lang, here: locale.here.clone(), sources })
}
