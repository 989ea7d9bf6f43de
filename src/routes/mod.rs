//! Every route of the site, declared in one place; one module per area.

use std::future::Future;
use std::hash::{Hash, Hasher};

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::cache::CachedResponse;
use crate::error::AppError;
use crate::meetings::MeetingFilter;
use crate::state::AppState;

pub mod feed;
pub mod groups;
pub mod guide;
pub mod handouts;
pub mod meetings;
pub mod pages;
pub mod requests;
pub mod sources;

/// The single list of routes.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/", web::get().to(pages::home))
        .route("/about", web::get().to(pages::about))
        .route("/healthz", web::get().to(pages::health))
        .route("/static/{path:.*}", web::get().to(pages::static_file))
        .route("/groups", web::get().to(groups::index))
        .route("/groups/{slug}", web::get().to(groups::show))
        .route("/meetings", web::get().to(meetings::finder))
        .route("/meetings.ics", web::get().to(feed::calendar))
        .route("/feed/meetings.json", web::get().to(feed::meeting_guide))
        .route("/guide", web::get().to(guide::guide))
        .route("/guide/match", web::get().to(guide::matcher))
        .route("/handouts", web::get().to(handouts::index))
        .route("/handouts/groups/{slug}", web::get().to(handouts::group))
        .route("/handouts/meetings", web::get().to(handouts::meetings))
        .route("/handouts/referral", web::get().to(handouts::referral))
        .route("/meetings/{slug}.ics", web::get().to(meetings::calendar))
        .route("/meetings/new", web::get().to(requests::new_form))
        .route("/meetings/new", web::post().to(requests::send_new))
        .route("/meetings/{slug}/change", web::get().to(requests::change_form))
        .route("/meetings/{slug}/change", web::post().to(requests::send_change))
        .route("/meetings/{slug}", web::get().to(meetings::show))
        .route("/sources", web::get().to(sources::index))
        .service(crate::staff::scope());
}

/// A rendered page with the site's cache policy for public pages.
pub fn html(page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(page.render()?))
}

/// A 304 when the client already has this version.
pub fn not_modified(request: &HttpRequest, etag: &str) -> Option<HttpResponse> {
    let matches = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    matches.then(|| HttpResponse::NotModified().insert_header((header::ETAG, etag.to_owned())).finish())
}

/// Runs blocking work (the store, the finder's index) on a database thread, off the async ones.
pub async fn blocking<T: Send + 'static>(
    state: &web::Data<AppState>,
    job: impl FnOnce(&AppState) -> Result<T, crate::db::StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let state = state.clone();
    Ok(web::block(move || job(&state)).await??)
}

/// The data's revision: the one read within the last second, without I/O, or a fresh read.
pub async fn current_revision(state: &AppState) -> Result<i64, AppError> {
    if let Some(revision) = state.store.recent_revision() {
        return Ok(revision);
    }
    let store = state.store.clone();
    Ok(web::block(move || store.revision()).await??)
}

/// Answers a request whose response depends only on the data (its revision), on `filter` (its
/// canonical form and notices, so that parameters we ignore make no new entry) and, for "today",
/// on the current minute: 304 when the client has it, the cached bytes when the server has them,
/// otherwise `produce` renders them for that revision (and they are kept).
pub async fn cached_response<Fut>(
    state: &AppState,
    request: &HttpRequest,
    filter: &MeetingFilter,
    content_type: &'static str,
    produce: impl FnOnce(i64) -> Fut,
) -> Result<HttpResponse, AppError>
where
    Fut: Future<Output = Result<Vec<u8>, AppError>>,
{
    let revision = current_revision(state).await?;
    let depends_on_now = filter.depends_on_now();
    let mut key =
        format!("{}?{}|{}", request.path(), filter.query_string_for_page(filter.page), filter.notices.join("|"));
    if depends_on_now {
        key.push_str(&format!("#{}", jiff::Timestamp::now().as_second() / 60));
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    let etag = format!("\"r{revision}-{:016x}\"", hasher.finish());
    if let Some(response) = not_modified(request, &etag) {
        return Ok(response);
    }
    let cached = match state.responses.get(revision, &key) {
        Some(cached) => cached,
        None => {
            let cached = CachedResponse {
                etag,
                content_type,
                cache_control: format!("public, max-age={}", if depends_on_now { 60 } else { 300 }),
                body: produce(revision).await?.into(),
            };
            state.responses.put(revision, key, cached.clone());
            cached
        }
    };
    Ok(HttpResponse::Ok()
        .content_type(cached.content_type)
        .insert_header((header::ETAG, cached.etag))
        .insert_header((header::CACHE_CONTROL, cached.cache_control))
        .body(cached.body))
}
