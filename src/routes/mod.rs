//! Every route of the site, declared in one place; one module per area.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;

pub mod feed;
pub mod groups;
pub mod meetings;
pub mod pages;

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
        .route("/meetings/{slug}.ics", web::get().to(meetings::calendar))
        .route("/meetings/{slug}", web::get().to(meetings::show));
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
