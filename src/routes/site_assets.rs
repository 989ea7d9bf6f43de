//! What every page's layout links beside its own content: the favicon (`/favicon.ico`, which
//! browsers ask for unprompted) and `/print.css`, the stamp printed on every page (the print date;
//! the site's name and page numbers are in `static/site.css`).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::handouts::today;
use crate::error::AppError;
use crate::state::AppState;

/// `/favicon.ico`: the same icon as `/static/favicon.ico`.
pub async fn favicon(request: HttpRequest) -> Result<HttpResponse, AppError> {
    super::pages::static_file(request, web::Path::from("favicon.ico".to_owned())).await
}

/// `/print.css`: today's date in the top right corner of every printed page. A stylesheet of its
/// own, so that pages cached for a while still print the day they are printed.
pub async fn print_stamp(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=600"))
        .body(format!("@page {{ @top-right {{ content: \"Printed {}\"; }} }}\n", today(&state)))
}
