//! Every route of the site, declared in one place; one module per area.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::error::AppError;

pub mod groups;
pub mod pages;

/// The single list of routes.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/", web::get().to(pages::home))
        .route("/about", web::get().to(pages::about))
        .route("/healthz", web::get().to(pages::health))
        .route("/static/{path:.*}", web::get().to(pages::static_file))
        .route("/groups", web::get().to(groups::index))
        .route("/groups/{slug}", web::get().to(groups::show));
}

/// A rendered page with the site's cache policy for public pages.
pub fn html(page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(page.render()?))
}
