//! What every page's layout links beside its own content: the favicon (`/favicon.ico`, which
//! browsers ask for unprompted) and `/print.css` (`/es/print.css`, ...), the words printed in the
//! margins of every page in the page's language: the site's name, the print date, "Page 1 of 2".

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::handouts::today_date;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// `/favicon.ico`: the same icon as `/static/favicon.ico`.
pub async fn favicon(request: HttpRequest) -> Result<HttpResponse, AppError> {
    super::pages::static_file(request, web::Path::from("favicon.ico".to_owned())).await
}

/// `/print.css`: the margins of every printed page, in the page's language: the site's name top
/// left, today's date top right, "Page 1 of 2" bottom right. A stylesheet of its own, so that
/// pages cached for a while still print the day they are printed.
pub async fn print_stamp(state: web::Data<AppState>, lang: Lang) -> HttpResponse {
    let quoted = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    let printed = lang.t1("print-date", "date", lang.date_in_words(today_date(&state)));
    let margin = "font: 8pt system-ui, sans-serif; color: #333;";
    let body = format!(
        "@page {{\n  @top-left {{ content: {}; {margin} }}\n  @top-right {{ content: {}; {margin} }}\n  \
         @bottom-right {{ content: {} counter(page) {} counter(pages); {margin} }}\n}}\n",
        quoted(lang.t("site-name")),
        quoted(&printed),
        quoted(&format!("{} ", lang.t("print-page"))),
        quoted(&format!(" {} ", lang.t("print-page-of"))),
    );
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=600"))
        .body(body)
}
