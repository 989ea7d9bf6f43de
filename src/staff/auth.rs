//! Logging in and out, the lockout after repeated failures (per address and per account), and
//! the accounts page (admins only; accounts are made with the command line).

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

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage<'a> {
    email: &'a str,
    error: Option<&'a str>,
}

pub async fn login_form() -> Result<HttpResponse, StaffError> {
    page(StatusCode::OK, &LoginPage { email: "", error: None })
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
        return page(
            StatusCode::UNAUTHORIZED,
            &LoginPage { email: &email, error: Some("That e-mail address and password do not match an account.") },
        );
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
    let cookie = Cookie::build(super::COOKIE, token)
        .path("/staff")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(request.connection_info().scheme() == "https")
        .max_age(time::Duration::hours(super::SESSION_HOURS))
        .finish();
    let mut response = see_other("/staff");
    response.add_cookie(&cookie).map_err(|error| crate::error::AppError::Internal(error.to_string()))?;
    Ok(response)
}

pub async fn logout(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let form = FormData::read(payload).await?;
    staff.check_csrf(&form)?;
    let token_hash = staff.token_hash.clone();
    crate::routes::blocking(&state, move |state| state.store.end_session(&token_hash)).await?;
    let mut response = see_other("/staff/login");
    let mut removal = Cookie::build(super::COOKIE, "").path("/staff").http_only(true).finish();
    removal.make_removal();
    response.add_cookie(&removal).map_err(|error| crate::error::AppError::Internal(error.to_string()))?;
    Ok(response)
}

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersPage<'a> {
    staff: &'a Staff,
    users: Vec<User>,
}

/// The accounts (admins only; editors are refused).
pub async fn users(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    if !staff.is_admin() {
        return Err(StaffError::Forbidden("Only an administrator can see and manage staff accounts."));
    }
    let users = crate::routes::blocking(&state, |state| state.store.users()).await?;
    page(StatusCode::OK, &UsersPage { staff: &staff, users })
}
