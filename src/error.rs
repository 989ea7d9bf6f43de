//! The one error type of the web layer. Every failure becomes an HTML error page with the right
//! status code: users never see a plain-text error.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request itself was wrong; the message says how, in words for the person who sent it.
    #[error("{0}")]
    BadRequest(String),
    #[error("page not found")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] crate::db::StoreError),
    #[error("template: {0}")]
    Render(#[from] askama::Error),
    #[error("a background task failed: {0}")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("{0}")]
    Internal(String),
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// The disk has no room for what the request needs written (a large feed's file).
    #[error("no room on the disk")]
    NoRoom,
}

/// `templates/error.html`: the page behind every error status.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    status: u16,
    heading: &'a str,
    message: &'a str,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Database(crate::db::StoreError::Pool(_)) => StatusCode::SERVICE_UNAVAILABLE,
            error if error.is_busy() || error.is_unwritable() => StatusCode::SERVICE_UNAVAILABLE,
            AppError::NoRoom => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_)
            | AppError::Render(_)
            | AppError::Blocking(_)
            | AppError::Internal(_)
            | AppError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.page(Lang::DEFAULT)
    }
}

impl AppError {
    /// The error page in `lang` (a `BadRequest`'s message is already in the request's language:
    /// the handler wrote it). `startup` swaps the default language's page for this one on paths
    /// of another language.
    pub fn page(&self, lang: Lang) -> HttpResponse {
        let status = self.status_code();
        let (heading, message) = match self {
            AppError::BadRequest(reason) => (lang.t("error-bad-request"), reason.as_str()),
            AppError::NotFound => (lang.t("error-not-found"), lang.t("error-not-found-text")),
            AppError::Database(crate::db::StoreError::Pool(_)) => {
                if lang == Lang::DEFAULT {
                    tracing::warn!(error = %self, "no database connection was free");
                }
                (lang.t("error-busy"), lang.t("error-busy-text"))
            }
            AppError::NoRoom => {
                if lang == Lang::DEFAULT {
                    tracing::error!("a feed could not be made: no room on the disk");
                }
                (lang.t("error-no-room"), lang.t("error-no-room-text"))
            }
            error if error.is_unwritable() => {
                if lang == Lang::DEFAULT {
                    tracing::error!(error = %self, "a change could not be saved: the database cannot be written");
                }
                (lang.t("error-unwritable"), lang.t("error-unwritable-text"))
            }
            error if error.is_busy() => {
                if lang == Lang::DEFAULT {
                    tracing::warn!(error = %self, "another process held the database's write lock");
                }
                (lang.t("error-busy"), lang.t("error-database-busy"))
            }
            _ => {
                if lang == Lang::DEFAULT {
                    tracing::error!(error = %self, "request failed");
                }
                (lang.t("error-internal"), lang.t("error-internal-text"))
            }
        };
        let page = ErrorPage { lang, here: String::new(), status: status.as_u16(), heading, message };
        let body =
            page.render().unwrap_or_else(|_| format!("<!doctype html><title>{heading}</title><h1>{heading}</h1>"));
        let response = HttpResponse::build(status)
            .content_type(ContentType::html())
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(body);
        if status == StatusCode::SERVICE_UNAVAILABLE { busy(response) } else { response }
    }

    /// Could a change not be saved because the database cannot be written (replaced under the
    /// site, or made read-only)?
    pub fn is_unwritable(&self) -> bool {
        matches!(self, AppError::Database(error) if error.is_unwritable())
    }

    /// Was the database's write lock held by another process past the busy timeout?
    pub fn is_busy(&self) -> bool {
        matches!(self, AppError::Database(error) if error.is_busy())
    }
}

/// Seconds a client is asked to wait (`Retry-After`) when the site or its database is busy.
pub const RETRY_AFTER_SECONDS: u32 = 5;

/// A page answered because the site or its database was busy (a form re-shown with its values,
/// or the error page): 503 with `Retry-After`.
pub fn busy(mut response: HttpResponse) -> HttpResponse {
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(RETRY_AFTER_SECONDS));
    response
}
