//! Logging in and out, and the lockout after repeated failures (per address and per account).

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::form::FormData;
use super::{Staff, StaffError, page, password, see_other};
use crate::db::User;
use crate::state::AppState;

/// Failed logins allowed per address and per account within [`WINDOW_SECONDS`].
pub const MAX_FAILURES: u32 = 5;
pub const WINDOW_SECONDS: i64 = 15 * 60;

/// The login form's CSRF cookie (before there is a session): its value is also in the form.
pub const LOGIN_COOKIE: &str = "staff_login";

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    email: &'a str,
    error: Option<&'a str>,
    /// Said above the form (after a password was set).
    notice: Option<&'a str>,
    csrf: &'a str,
}

/// A cookie for `/staff` only: HttpOnly, SameSite=Strict, Secure over HTTPS.
fn staff_cookie(request: &HttpRequest, name: &'static str, value: String, hours: i64) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/staff")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(request.connection_info().scheme() == "https")
        .max_age(time::Duration::hours(hours))
        .finish()
}

/// The login form, with a fresh CSRF token in the form and in a cookie under `/staff`.
async fn login_page(
    request: &HttpRequest,
    status: StatusCode,
    email: &str,
    error: Option<&str>,
    notice: Option<&str>,
) -> Result<HttpResponse, StaffError> {
    let csrf = super::random_token()?;
    let lang = crate::i18n::Lang::DEFAULT;
    let mut response = page(status, &LoginPage { lang, here: String::new(), email, error, notice, csrf: &csrf })?;
    response
        .add_cookie(&staff_cookie(request, LOGIN_COOKIE, csrf, 1))
        .map_err(|error| crate::error::AppError::Internal(error.to_string()))?;
    Ok(response)
}

pub async fn login_form(request: HttpRequest) -> Result<HttpResponse, StaffError> {
    let set = request.query_string().split('&').any(|pair| pair == "password=set");
    let notice = set.then_some("Your new password is set. Log in with it.");
    login_page(&request, StatusCode::OK, "", None, notice).await
}

/// When a key's failures reach the limit: the time to try again.
async fn locked_until(state: &web::Data<AppState>, keys: [String; 2]) -> Result<Option<i64>, StaffError> {
    let since = jiff::Timestamp::now().as_second() - WINDOW_SECONDS;
    let counts = crate::routes::blocking(state, move |state| {
        keys.iter().map(|key| state.store.login_failures(key, since)).collect::<Result<Vec<_>, _>>()
    })
    .await?;
    Ok(counts
        .into_iter()
        .filter(|(failures, _)| *failures >= MAX_FAILURES)
        .filter_map(|(_, oldest)| oldest.map(|oldest| oldest + WINDOW_SECONDS))
        .max())
}

pub async fn login(
    state: web::Data<AppState>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let form = FormData::read(payload).await?;
    let expected = request.cookie(LOGIN_COOKIE).map(|cookie| cookie.value().to_owned()).unwrap_or_default();
    if !super::same_token(form.get("csrf"), &expected) {
        return Err(StaffError::Forbidden(
            "This login form has expired or did not come from this site. Open the login page again and log in.",
        ));
    }
    let email = form.get("email").to_lowercase();
    let given = form.get("password").to_owned();
    let keys = [format!("address:{}", super::client_address(&request)), format!("account:{email}")];
    if let Some(until) = locked_until(&state, keys.clone()).await? {
        let minutes = ((until - jiff::Timestamp::now().as_second()) / 60 + 1).max(1);
        return Err(StaffError::TooMany(format!(
            "There were too many failed logins from this address or for this account. For safety, logging in \
             is paused: try again after {} (in about {minutes} minute{}).",
            super::when(until),
            if minutes == 1 { "" } else { "s" }
        )));
    }
    let lookup = email.clone();
    let user: Option<User> = crate::routes::blocking(&state, move |state| {
        Ok(match state.store.user_for_login(&lookup)? {
            Some((user, stored)) if password::verify(&given, &stored) => Some(user),
            Some(_) => None,
            None => {
                password::verify_nothing(&given);
                None
            }
        })
    })
    .await?;
    let Some(user) = user else {
        let forget_before = jiff::Timestamp::now().as_second() - 24 * 3600;
        crate::routes::blocking(&state, move |state| {
            state.store.record_login_failure(&[&keys[0], &keys[1]], forget_before)
        })
        .await?;
        let error = Some("That e-mail address and password do not match an account.");
        return login_page(&request, StatusCode::UNAUTHORIZED, &email, error, None).await;
    };
    let token = super::random_token()?;
    let csrf = super::random_token()?;
    let expires = jiff::Timestamp::now().as_second() + super::SESSION_HOURS * 3600;
    let token_hash = super::digest(&token);
    let account_key = keys[1].clone();
    crate::routes::blocking(&state, move |state| {
        state.store.clear_login_failures(&account_key)?;
        state.store.create_session(user.id, &token_hash, &csrf, expires)
    })
    .await?;
    let mut response = see_other("/staff");
    let mut used = Cookie::build(LOGIN_COOKIE, "").path("/staff").finish();
    used.make_removal();
    for cookie in [staff_cookie(&request, super::COOKIE, token, super::SESSION_HOURS), used] {
        response.add_cookie(&cookie).map_err(|error| crate::error::AppError::Internal(error.to_string()))?;
    }
    Ok(response)
}

pub async fn logout(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_form(payload).await?;
    let token_hash = staff.token_hash.clone();
    crate::routes::blocking(&state, move |state| state.store.end_session(&token_hash)).await?;
    let mut response = see_other("/staff/login");
    let mut removal = Cookie::build(super::COOKIE, "").path("/staff").http_only(true).finish();
    removal.make_removal();
    response.add_cookie(&removal).map_err(|error| crate::error::AppError::Internal(error.to_string()))?;
    Ok(response)
}
