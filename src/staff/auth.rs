//! Logging in and out, and the limits on failed logins (a pause per address; per account a growing
//! delay, which slows guessing from many addresses without ever refusing the owner the right
//! password).

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::form::FormData;
use super::{Staff, StaffError, page, password, see_other};
use crate::db::User;
use crate::state::AppState;

/// Failed logins allowed from one address (to any account) within [`WINDOW_SECONDS`]; past it,
/// logging in from there is paused. Past as many failures for one account (from anywhere), its
/// logins are slowed: see [`account_delay`].
pub const MAX_FAILURES: u32 = 5;
pub const WINDOW_SECONDS: i64 = 15 * 60;
/// The longest an attempt on an account under attack waits before it is answered.
pub const MAX_DELAY_SECONDS: u64 = 10;

/// How long an attempt to log in to an account waits before its password is checked, after
/// `failures` failed logins to that account (from any address) within [`WINDOW_SECONDS`]:
/// nothing below [`MAX_FAILURES`], then one second, doubling with each further failure, up to
/// [`MAX_DELAY_SECONDS`]. The right password still logs in, only later.
pub fn account_delay(failures: u32) -> std::time::Duration {
    let seconds = match failures.checked_sub(MAX_FAILURES) {
        None => 0,
        Some(beyond) => 1u64.checked_shl(beyond).unwrap_or(u64::MAX).min(MAX_DELAY_SECONDS),
    };
    std::time::Duration::from_secs(seconds)
}

/// Why the login form is shown again when another process held the database's write lock.
const BUSY: Option<&str> = Some(
    "You could not be logged in just now: another program is writing to the site's database. Please try \
     again in a moment.",
);

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
        .secure(crate::routes::in_deployment(request, |deployment| deployment.client(request).https))
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

/// The keys failed logins are counted under: the address (to any account; its count pauses
/// logging in from there) and the account (from anywhere; its count sets the delay, never a pause).
fn failure_keys(address: &str, email: &str) -> [String; 2] {
    [format!("address:{address}"), format!("account:{email}")]
}

/// From recent failures: until when logging in from this address is paused, if it is, and how
/// long an attempt on this account waits.
async fn limits(
    state: &web::Data<AppState>,
    keys: [String; 2],
) -> Result<(Option<i64>, std::time::Duration), StaffError> {
    let since = jiff::Timestamp::now().as_second() - WINDOW_SECONDS;
    let [(address_failures, oldest), (account_failures, _)] = crate::routes::blocking(state, move |state| {
        Ok([state.store.login_failures(&keys[0], since)?, state.store.login_failures(&keys[1], since)?])
    })
    .await?;
    let paused_until = oldest.filter(|_| address_failures >= MAX_FAILURES).map(|oldest| oldest + WINDOW_SECONDS);
    Ok((paused_until, account_delay(account_failures)))
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
    let keys = failure_keys(&state.deployment.client(&request).limit_key(), &email);
    let (paused_until, delay) = limits(&state, keys.clone()).await?;
    if let Some(until) = paused_until {
        let minutes = ((until - jiff::Timestamp::now().as_second()) / 60 + 1).max(1);
        return Err(StaffError::TooMany(format!(
            "There were too many failed logins from this address. For safety, logging in from here is \
             paused: try again after {} (in about {minutes} minute{}).",
            super::when(until),
            if minutes == 1 { "" } else { "s" }
        )));
    }
    // An account others keep guessing at answers slowly, to everyone: guessing is slowed, and
    // its owner still gets in.
    actix_web::rt::time::sleep(delay).await;
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
        let recorded = crate::routes::blocking(&state, move |state| {
            state.store.record_login_failure(&[&keys[0], &keys[1]], forget_before)
        })
        .await;
        if recorded.as_ref().is_err_and(crate::error::AppError::is_busy) {
            return Ok(crate::error::busy(
                login_page(&request, StatusCode::SERVICE_UNAVAILABLE, &email, BUSY, None).await?,
            ));
        }
        recorded?;
        let error = Some("That e-mail address and password do not match an account.");
        return login_page(&request, StatusCode::UNAUTHORIZED, &email, error, None).await;
    };
    let token = super::random_token()?;
    let csrf = super::random_token()?;
    let expires = jiff::Timestamp::now().as_second() + super::SESSION_HOURS * 3600;
    let token_hash = super::digest(&token);
    // Failures are not forgotten on a success: logging in to one's own account must not reset
    // the count for whoever is guessing at another (or at this one).
    let started =
        crate::routes::blocking(&state, move |state| state.store.create_session(user.id, &token_hash, &csrf, expires))
            .await;
    if started.as_ref().is_err_and(crate::error::AppError::is_busy) {
        return Ok(crate::error::busy(
            login_page(&request, StatusCode::SERVICE_UNAVAILABLE, &email, BUSY, None).await?,
        ));
    }
    started?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attacked_accounts_delay_starts_at_the_limit_doubles_and_is_capped() {
        let seconds: Vec<u64> = (0..=12).map(|failures| account_delay(failures).as_secs()).collect();
        assert_eq!(seconds, [0, 0, 0, 0, 0, 1, 2, 4, 8, 10, 10, 10, 10]);
        assert_eq!(account_delay(u32::MAX).as_secs(), MAX_DELAY_SECONDS);
    }
}
