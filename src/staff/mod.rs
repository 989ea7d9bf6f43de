//! The staff area under `/staff`: login and sessions (a random token in a cookie set only for
//! `/staff`, its SHA-256 in the database), a CSRF token per session on every form, the login
//! limits, and the pages for meetings, the change-request queue, the audit log, the accounts, the
//! sources and file uploads.
//! Every response here is `Cache-Control: no-store`. Passwords are `password.rs`'s; the meeting
//! form shared with the public request forms is `form.rs`'s.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::HttpServiceFactory;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::middleware::DefaultHeaders;
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::db::{Role, User};
use crate::error::AppError;
use crate::state::AppState;

mod accounts;
pub use accounts::LINK_HOURS;
mod auth;
pub mod form;
mod meetings;
pub mod password;
mod requests;
mod sources;
mod uploads;

/// The session cookie's name; it is only ever sent for paths under `/staff`.
pub const COOKIE: &str = "staff_session";
/// How long a session lasts.
pub const SESSION_HOURS: i64 = 8;
/// The most bytes one typed character takes in a form body: four bytes of UTF-8 (an emoji),
/// each sent as `%XX`.
pub const FORM_BYTES_PER_CHAR: usize = 12;
/// Room in a form body for field names, separators, the short fields (days, times, zone, type
/// codes) and the CSRF token.
pub const FORM_OVERHEAD_BYTES: usize = 8 * 1024;
/// The largest public form body accepted (and the login's): every free-text field of the largest
/// (notes, name, slug and four one-line fields) at its documented limit in any script. Limits are
/// counted in characters; only this counts bytes. Signed-in staff forms: [`MAX_STAFF_FORM_BYTES`].
pub const MAX_FORM_BYTES: usize = FORM_BYTES_PER_CHAR
    * (crate::feed::MAX_NOTES_CHARS + 2 * crate::feed::MAX_NAME_CHARS + 4 * crate::feed::MAX_TEXT_CHARS)
    + FORM_OVERHEAD_BYTES;

/// The largest staff form body: the staff meeting form with every field at its limit in any
/// script (four notes fields, name, slug, four one-line fields and every region). Staff paths
/// accept bodies up to [`crate::startup::STAFF_MAX_BODY_BYTES`].
pub const MAX_STAFF_FORM_BYTES: usize = FORM_BYTES_PER_CHAR
    * (4 * crate::feed::MAX_NOTES_CHARS
        + 2 * crate::feed::MAX_NAME_CHARS
        + 4 * crate::feed::MAX_TEXT_CHARS
        + crate::feed::MAX_REGIONS * (crate::feed::MAX_NAME_CHARS + 3))
    + FORM_OVERHEAD_BYTES;

/// Every staff route, each answered `no-store`.
pub fn scope() -> impl HttpServiceFactory {
    web::scope("/staff")
        .wrap(DefaultHeaders::new().add((header::CACHE_CONTROL, "no-store")))
        .route("", web::get().to(requests::dashboard))
        .route("/login", web::get().to(auth::login_form))
        .route("/login", web::post().to(auth::login))
        .route("/logout", web::post().to(auth::logout))
        .route("/meetings", web::get().to(meetings::list))
        .route("/meetings/new", web::get().to(meetings::new_form))
        .route("/meetings/new", web::post().to(meetings::create))
        .route("/meetings/{slug}/edit", web::get().to(meetings::edit_form))
        .route("/meetings/{slug}/edit", web::post().to(meetings::update))
        .route("/meetings/{slug}/archive", web::post().to(meetings::archive))
        .route("/meetings/{slug}/restore", web::post().to(meetings::restore))
        .route("/requests", web::get().to(requests::queue))
        .route("/requests/{id}", web::get().to(requests::review))
        .route("/requests/{id}/approve", web::post().to(requests::approve))
        .route("/requests/{id}/reject", web::post().to(requests::reject))
        .route("/log", web::get().to(requests::log))
        .route("/users", web::get().to(accounts::users))
        .route("/users", web::post().to(accounts::add))
        .route("/users/{id}/role", web::post().to(accounts::set_role))
        .route("/users/{id}/reset", web::post().to(accounts::reset))
        .route("/users/{id}/remove", web::post().to(accounts::remove))
        .route("/password/{token}", web::get().to(accounts::link_form))
        .route("/password/{token}", web::post().to(accounts::use_link))
        .route("/account", web::get().to(accounts::own_form))
        .route("/account", web::post().to(accounts::change_own))
        .route("/sources", web::get().to(sources::list))
        .route("/sources", web::post().to(sources::add))
        .route("/sources/preview", web::post().to(sources::preview))
        .route("/sources/sync", web::get().to(sources::run))
        .route("/sources/sync", web::post().to(sources::sync_all))
        .route("/sources/{name}/sync", web::post().to(sources::sync_one))
        .route("/sources/{name}/remove", web::get().to(sources::remove_form))
        .route("/sources/{name}/remove", web::post().to(sources::remove))
        .route("/import", web::get().to(uploads::form))
        .route("/import", web::post().to(uploads::upload))
        .route("/import/{token}", web::post().to(uploads::import))
        .route("/import/{token}/cancel", web::post().to(uploads::cancel))
        .route("/account/notices", web::post().to(accounts::set_notices))
}

/// A random token: 32 bytes from the operating system, as hex.
pub fn random_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|error| AppError::Internal(format!("no randomness: {error}")))?;
    Ok(hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// SHA-256 of a text, as hex (session tokens are kept only as this).
pub fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// HMAC-SHA256 of a text under a secret key, as hex (senders' addresses are kept only as this:
/// without the key, hashing every possible address finds none).
pub fn keyed_digest(key: &[u8], text: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(text.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// A logged-in staff member, with the session's CSRF token. As an extractor it answers a
/// logged-out visitor with a redirect to the login page.
pub struct Staff {
    pub user: User,
    pub csrf: String,
    token_hash: String,
}

/// Is the token sent the one expected? Compared in constant time; an empty token never matches.
pub fn same_token(sent: &str, expected: &str) -> bool {
    !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

impl Staff {
    /// Reads a signed-in staff form, refusing it when its CSRF token is missing or not this
    /// session's.
    pub async fn read_form(&self, payload: actix_web::web::Payload) -> Result<form::FormData, StaffError> {
        let form = form::FormData::read_up_to(payload, MAX_STAFF_FORM_BYTES).await?;
        self.check_csrf(&form)?;
        Ok(form)
    }

    /// [`Staff::read_form`] of a form only administrators may send (an editor gets 403, `why`).
    pub async fn read_admin_form(
        &self,
        payload: actix_web::web::Payload,
        why: &'static str,
    ) -> Result<form::FormData, StaffError> {
        admin_only(self, why)?;
        self.read_form(payload).await
    }

    /// Refuses a form whose CSRF token is missing or not this session's.
    pub fn check_csrf(&self, form: &form::FormData) -> Result<(), StaffError> {
        if same_token(form.get("csrf"), &self.csrf) {
            Ok(())
        } else {
            Err(StaffError::Forbidden(
                "This form has expired or did not come from this site. Go back, reload the page and try again.",
            ))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.user.role == Role::Admin
    }
}

/// Refuses an editor a page for administrators (403, with `why` in words).
fn admin_only(staff: &Staff, why: &'static str) -> Result<(), StaffError> {
    if staff.is_admin() { Ok(()) } else { Err(StaffError::Forbidden(why)) }
}

impl FromRequest for Staff {
    type Error = StaffError;
    type Future = Pin<Box<dyn Future<Output = Result<Staff, StaffError>>>>;

    fn from_request(request: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let token = request.cookie(COOKIE).map(|cookie| cookie.value().to_owned());
        Box::pin(async move {
            let (Some(state), Some(token)) = (state, token) else { return Err(StaffError::LoggedOut) };
            let token_hash = digest(&token);
            let lookup = token_hash.clone();
            let session = crate::routes::blocking(&state, move |state| state.store.session(&lookup)).await?;
            let (user, csrf) = session.ok_or(StaffError::LoggedOut)?;
            Ok(Staff { user, csrf, token_hash })
        })
    }
}

/// `templates/requests/message.html`: a page that only says something (errors, limits, thanks).
#[derive(Template)]
#[template(path = "requests/message.html")]
pub struct MessagePage<'a> {
    /// The page's language.
    pub lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    pub here: String,
    pub heading: &'a str,
    pub message: &'a str,
    pub links: Vec<(String, String)>,
}

/// How a staff (or public form) request can fail, each with its own page.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("not logged in")]
    LoggedOut,
    #[error("{0}")]
    Forbidden(&'static str),
    /// Too many attempts; the text says when to try again.
    #[error("{0}")]
    TooMany(String),
    #[error("the form is too large")]
    TooLarge,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<crate::db::StoreError> for StaffError {
    fn from(error: crate::db::StoreError) -> StaffError {
        StaffError::App(error.into())
    }
}

impl From<askama::Error> for StaffError {
    fn from(error: askama::Error) -> StaffError {
        StaffError::App(error.into())
    }
}

impl ResponseError for StaffError {
    fn status_code(&self) -> StatusCode {
        match self {
            StaffError::LoggedOut => StatusCode::SEE_OTHER,
            StaffError::Forbidden(_) => StatusCode::FORBIDDEN,
            StaffError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            StaffError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            StaffError::App(error) => error.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let (heading, message) = match self {
            StaffError::LoggedOut => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, "/staff/login"))
                    .insert_header((header::CACHE_CONTROL, "no-store"))
                    .finish();
            }
            StaffError::App(error) => return error.error_response(),
            StaffError::Forbidden(message) => ("Not allowed", *message),
            StaffError::TooMany(message) => ("Too many attempts", message.as_str()),
            StaffError::TooLarge => (
                "That form is too large",
                "The form sent more text than we accept. Shorten the message and send it again.",
            ),
        };
        let page = MessagePage {
            lang: crate::i18n::Lang::DEFAULT,
            here: String::new(),
            heading,
            message,
            links: vec![("/".to_owned(), "Home page".to_owned())],
        };
        let body = page.render().unwrap_or_else(|_| format!("<!doctype html><title>{heading}</title><p>{message}"));
        HttpResponse::build(self.status_code())
            .content_type(ContentType::html())
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(body)
    }
}

/// A staff page: rendered, never cached.
pub fn page(status: StatusCode, template: &impl Template) -> Result<HttpResponse, StaffError> {
    Ok(HttpResponse::build(status)
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(template.render()?))
}

/// A redirect after a POST that worked.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_owned())).finish()
}

/// A time in UTC for staff pages: `2026-11-29 14:05 UTC`.
pub fn when(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|at| at.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| seconds.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_digest_is_kept() {
        let (first, second) = (random_token().expect("random"), random_token().expect("random"));
        assert_ne!(first, second);
        assert_eq!(first.len(), 64);
        assert_eq!(digest(&first).len(), 64);
        assert_ne!(digest(&first), first);
    }

    #[test]
    fn the_keyed_digest_is_rfc_4231s_hmac_sha256() {
        // RFC 4231, test case 2.
        assert_eq!(
            keyed_digest(b"Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
