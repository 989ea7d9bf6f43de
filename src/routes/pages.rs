//! The site's own pages (home, about), the health check, static files and the 404 page.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use crate::content::{Group, Page};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    groups: &'a [Group],
    meeting_count: u64,
    /// The site holds only the sample meetings: the page says so.
    sample_data: bool,
}

pub async fn home(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, AppError> {
    let finder = super::current_finder(&state).await?;
    let meeting_count = finder.meeting_count();
    html(&HomePage {
        sample_data: finder.shows_sample_data(),
        lang: locale.lang,
        here: locale.here.clone(),
        groups: &state.content.in_lang(locale.lang).groups,
        meeting_count,
    })
}

/// A page of prose from `content/`.
#[derive(Template)]
#[template(path = "page.html")]
pub struct ProsePage<'a> {
    /// The page's language.
    pub lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    pub here: String,
    pub page: &'a Page,
}

pub async fn about(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, AppError> {
    let page = state.content.in_lang(locale.lang).page("pages/about").ok_or(AppError::NotFound)?;
    html(&ProsePage { lang: locale.lang, here: locale.here.clone(), page })
}

/// `/healthz`: 200 with `{"status":"ok"}` when the database answers, 503 otherwise.
pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let store = state.store.clone();
    // A full disk takes no write: the site is not healthy, whatever the database answers.
    if !state.deployment.read_only && crate::disk::is_full(&state.settings.database_path) {
        return HttpResponse::ServiceUnavailable()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({"status": "error", "disk": "full"}));
    }
    match web::block(move || store.check()).await {
        Ok(Ok(())) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({"status": "ok", "database": "ok"})),
        // What failed, in a word (never a path): a file replaced under the site, or any other.
        Ok(Err(error)) if error.is_replaced() => HttpResponse::ServiceUnavailable()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({"status": "error", "database": "replaced"})),
        _ => HttpResponse::ServiceUnavailable()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(serde_json::json!({"status": "error", "database": "unavailable"})),
    }
}

/// Files under `static/`, embedded in the binary, with an ETag and a day's cache lifetime.
pub async fn static_file(request: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, bytes) =
        crate::embedded::STATIC_FILES.iter().find(|(name, _)| *name == path.as_str()).ok_or(AppError::NotFound)?;
    // build.rs versions the static files as a whole: no hashing per request.
    let etag = format!("\"s{}-b{}\"", crate::embedded::STATIC_VERSION, crate::cache::BUILD);
    let content_type = match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    };
    if let Some(not_modified) = super::not_modified(&request, &etag) {
        return Ok(not_modified);
    }
    let mut response = HttpResponse::Ok();
    response.insert_header((header::ETAG, etag)).insert_header((header::CACHE_CONTROL, "public, max-age=86400"));
    Ok(response.insert_header((header::CONTENT_TYPE, content_type)).body(*bytes))
}

/// Every unknown path: the HTML 404 page.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}
