//! Every route of the site, declared in one place; one module per area.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

pub use crate::cache::{cached_response, current_revision, not_modified};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

pub mod bmlt;
pub mod feed;
pub mod groups;
pub mod guide;
pub mod handouts;
pub mod meetings;
pub mod pages;
pub mod requests;
pub mod site_assets;
pub mod sources;

/// The single list of routes. Pages are served in every language, at the same paths under the
/// language's prefix (`/es/meetings`); feeds, files and the health check only once.
pub fn configure(config: &mut web::ServiceConfig) {
    for lang in Lang::all() {
        let at = |path: &str| lang.path(path);
        config
            .route(&at("/"), web::get().to(pages::home))
            .route(&at("/about"), web::get().to(pages::about))
            .route(&at("/groups"), web::get().to(groups::index))
            .route(&at("/groups/compare"), web::get().to(groups::compare))
            .route(&at("/groups/{slug}"), web::get().to(groups::show))
            .route(&at("/meetings"), web::get().to(meetings::finder))
            .route(&at("/guide"), web::get().to(guide::guide))
            .route(&at("/guide/match"), web::get().to(guide::matcher))
            .route(&at("/handouts"), web::get().to(handouts::index))
            .route(&at("/handouts/groups/{slug}"), web::get().to(handouts::group))
            .route(&at("/handouts/meetings"), web::get().to(handouts::meetings))
            .route(&at("/handouts/referral"), web::get().to(handouts::referral))
            .route(&at("/g/{code}"), web::get().to(handouts::short_address))
            .route(&at("/meetings/new"), web::get().to(requests::new_form))
            .route(&at("/meetings/new"), web::post().to(requests::send_new))
            .route(&at("/meetings/{slug}/change"), web::get().to(requests::change_form))
            .route(&at("/meetings/{slug}/change"), web::post().to(requests::send_change))
            .route(&at("/sources"), web::get().to(sources::index))
            .route(&at("/print.css"), web::get().to(site_assets::print_stamp));
        if lang == Lang::DEFAULT {
            config
                .route("/healthz", web::get().to(pages::health))
                .route("/static/{path:.*}", web::get().to(pages::static_file))
                .route(feed::CALENDAR, web::get().to(feed::calendar))
                .route(feed::MEETING_GUIDE, web::get().to(feed::meeting_guide))
                .route("/client_interface/json/", web::get().to(bmlt::json))
                .route("/client_interface/json", web::get().to(bmlt::json))
                .route("/client_interface/jsonp/", web::get().to(bmlt::jsonp))
                .route("/client_interface/jsonp", web::get().to(bmlt::jsonp))
                .route("/meetings/{slug}.ics", web::get().to(meetings::calendar))
                .route("/favicon.ico", web::get().to(site_assets::favicon));
        }
        config.route(&at("/meetings/{slug}"), web::get().to(meetings::show));
    }
    config.service(crate::staff::scope());
}

/// A rendered page with the site's cache policy for public pages.
pub fn html(page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, crate::cache::PUBLIC_CACHE))
        .body(page.render()?))
}

/// The finder's index at the data's current revision (see [`finder_index`]).
pub async fn current_finder(
    state: &web::Data<AppState>,
) -> Result<std::sync::Arc<crate::finder::FinderIndex>, AppError> {
    let revision = current_revision(state).await?;
    finder_index(state, revision).await
}

/// The finder's index at `revision`: at once when it is built, otherwise built (once) off the
/// async threads.
pub async fn finder_index(
    state: &web::Data<AppState>,
    revision: i64,
) -> Result<std::sync::Arc<crate::finder::FinderIndex>, AppError> {
    match state.built_finder(revision) {
        Some(index) => Ok(index),
        None => blocking(state, move |state| state.finder_at(revision)).await,
    }
}

/// Runs blocking work (the store, the finder's index) on a database thread, off the async ones.
pub async fn blocking<T: Send + 'static>(
    state: &web::Data<AppState>,
    job: impl FnOnce(&AppState) -> Result<T, crate::db::StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let state = state.clone();
    Ok(web::block(move || job(&state)).await??)
}

/// Asks the deployment this request is served in (its trusted proxies), for code that has only
/// the request; outside the app, a deployment that trusts no proxy.
pub fn in_deployment<T>(request: &HttpRequest, ask: impl FnOnce(&crate::deployment::Deployment) -> T) -> T {
    match request.app_data::<web::Data<AppState>>() {
        Some(state) => ask(&state.deployment),
        None => ask(&crate::deployment::Deployment::default()),
    }
}
