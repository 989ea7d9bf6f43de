//! Staff accounts from the browser: admins add a colleague, change a role, remove an account and
//! reset a password, each with a one-time link shown to the admin (the site sends no mail by
//! default); every staff member changes their own password. The same store functions as the CLI
//! `user` commands; the last administrator is never removed or made an editor.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::form::FormData;
use super::{Staff, StaffError, page, password, see_other};
use crate::db::{Role, StoreError, User};
use crate::state::AppState;

/// How long a one-time password link works.
pub const LINK_HOURS: i64 = 72;

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    users: Vec<User>,
    /// What the last action did (a sentence), or why it was refused.
    notice: Option<String>,
    problem: Option<String>,
    /// A one-time link just made: (whose, the full address).
    link: Option<(String, String)>,
    /// The add form's address, kept when it was refused.
    email: String,
}

fn admin_only(staff: &Staff) -> Result<(), StaffError> {
    super::admin_only(staff, "Only an administrator can see and manage staff accounts.")
}

/// The accounts page with what an action did (status 200) or why it was refused (409).
async fn users_page(
    state: &web::Data<AppState>,
    staff: &Staff,
    notice: Option<String>,
    problem: Option<String>,
    link: Option<(String, String)>,
    email: String,
) -> Result<HttpResponse, StaffError> {
    let users = crate::routes::blocking(state, |state| state.store.users()).await?;
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    let lang = crate::i18n::Lang::DEFAULT;
    page(status, &UsersPage { lang, here: String::new(), staff, users, notice, problem, link, email })
}

/// The accounts (admins only; editors are refused).
pub async fn users(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    admin_only(&staff)?;
    users_page(&state, &staff, None, None, None, String::new()).await
}

/// A new one-time link for an account: kept as its digest, shown once as a full address.
async fn new_link(
    state: &web::Data<AppState>,
    request: &HttpRequest,
    email: &str,
    actor: &str,
) -> Result<Option<(String, String)>, StaffError> {
    let token = super::random_token()?;
    let (hash, expires) = (super::digest(&token), jiff::Timestamp::now().as_second() + LINK_HOURS * 3600);
    let (email, actor) = (email.to_owned(), actor.to_owned());
    let whose = email.clone();
    let made =
        crate::routes::blocking(state, move |state| state.store.create_password_link(&email, &hash, expires, &actor))
            .await?;
    let info = request.connection_info();
    Ok(made.then(|| (whose, format!("{}://{}/staff/password/{token}", info.scheme(), info.host()))))
}

/// Adds an account without a password, and shows the link its owner sets one with.
pub async fn add(
    state: web::Data<AppState>,
    staff: Staff,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    admin_only(&staff)?;
    let form = staff.read_form(payload).await?;
    let typed = form.get("email").to_owned();
    let email = match password::account_email(&typed) {
        Ok(email) => email,
        Err(problem) => return users_page(&state, &staff, None, Some(problem), None, typed).await,
    };
    let Some(role) = Role::parse(form.get("role")) else {
        return users_page(&state, &staff, None, Some("Choose a role: editor or admin.".to_owned()), None, typed).await;
    };
    let stored = email.clone();
    // No password yet: "!" is no PHC string, so it matches nothing until the link is used.
    let added = crate::routes::blocking(&state, move |state| state.store.add_user(&stored, role, "!")).await?;
    if !added {
        let problem = format!("There is already an account for {email}; reset its password below instead.");
        return users_page(&state, &staff, None, Some(problem), None, typed).await;
    }
    let link = new_link(&state, &request, &email, &staff.user.email).await?;
    let notice = format!("Added {email} as {}. Give them the link below to set their password.", role.as_str());
    users_page(&state, &staff, Some(notice), None, link, String::new()).await
}

/// The account a form on the accounts page is about.
async fn target(state: &web::Data<AppState>, id: i64) -> Result<User, StaffError> {
    crate::routes::blocking(state, move |state| state.store.user(id))
        .await?
        .ok_or(StaffError::App(crate::error::AppError::NotFound))
}

/// What a refused account change says: the last administrator's rule, in words.
fn refused(error: StoreError) -> Result<String, StaffError> {
    match error {
        StoreError::LastAdmin(email) => Ok(format!(
            "{email} is the last administrator: make another account an administrator first, so that someone can \
             still manage accounts and sources."
        )),
        other => Err(other.into()),
    }
}

pub async fn set_role(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    admin_only(&staff)?;
    let form = staff.read_form(payload).await?;
    let user = target(&state, id.into_inner()).await?;
    let Some(role) = Role::parse(form.get("role")) else {
        return users_page(
            &state,
            &staff,
            None,
            Some("Choose a role: editor or admin.".to_owned()),
            None,
            String::new(),
        )
        .await;
    };
    let (email, actor) = (user.email.clone(), staff.user.email.clone());
    match crate::routes::blocking(&state, move |state| Ok(state.store.set_role(&email, role, &actor))).await? {
        Ok(_) => {
            let notice = format!("{} is now {}.", user.email, role.as_str());
            users_page(&state, &staff, Some(notice), None, None, String::new()).await
        }
        Err(error) => users_page(&state, &staff, None, Some(refused(error)?), None, String::new()).await,
    }
}

pub async fn remove(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    admin_only(&staff)?;
    staff.read_form(payload).await?;
    let user = target(&state, id.into_inner()).await?;
    let (email, actor) = (user.email.clone(), staff.user.email.clone());
    match crate::routes::blocking(&state, move |state| Ok(state.store.remove_user(&email, &actor))).await? {
        Ok(_) => {
            let notice = format!("Removed {}; their sessions ended. The log keeps their address.", user.email);
            users_page(&state, &staff, Some(notice), None, None, String::new()).await
        }
        Err(error) => users_page(&state, &staff, None, Some(refused(error)?), None, String::new()).await,
    }
}

/// A new one-time link for an account whose owner forgot the password (the old one keeps
/// working until the link is used).
pub async fn reset(
    state: web::Data<AppState>,
    staff: Staff,
    request: HttpRequest,
    id: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    admin_only(&staff)?;
    staff.read_form(payload).await?;
    let user = target(&state, id.into_inner()).await?;
    let link = new_link(&state, &request, &user.email, &staff.user.email).await?;
    let notice = format!("A one-time link for {} to set a new password:", user.email);
    users_page(&state, &staff, Some(notice), None, link, String::new()).await
}

#[derive(Template)]
#[template(path = "staff/password.html")]
struct PasswordPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    /// Signed in (changing one's own password) or `None` (a one-time link).
    staff: Option<&'a Staff>,
    /// Whose password, and where the form goes.
    email: String,
    action: String,
    problem: Option<String>,
    /// On one's own account page: the notices asked for (new requests, failed syncs).
    notices: Option<(bool, bool)>,
    /// Is e-mail sent at all (`--smtp-url`)?
    mail_on: bool,
    /// The notices were just saved.
    notices_saved: bool,
}

fn password_page(
    status: StatusCode,
    staff: Option<&Staff>,
    email: String,
    action: String,
    problem: Option<String>,
) -> Result<HttpResponse, StaffError> {
    let lang = crate::i18n::Lang::DEFAULT;
    let here = String::new();
    let (notices, mail_on, notices_saved) = (None, false, false);
    page(status, &PasswordPage { lang, here, staff, email, action, problem, notices, mail_on, notices_saved })
}

/// One's own account page: the password form and the e-mail notices asked for.
async fn account_page(
    state: &web::Data<AppState>,
    status: StatusCode,
    staff: &Staff,
    problem: Option<String>,
    notices_saved: bool,
) -> Result<HttpResponse, StaffError> {
    let id = staff.user.id;
    let notices = crate::routes::blocking(state, move |state| state.store.notifications(id)).await?;
    page(
        status,
        &PasswordPage {
            lang: crate::i18n::Lang::DEFAULT,
            here: String::new(),
            staff: Some(staff),
            email: staff.user.email.clone(),
            action: "/staff/account".to_owned(),
            problem,
            notices: Some(notices),
            mail_on: state.mailer.is_on(),
            notices_saved,
        },
    )
}

#[derive(serde::Deserialize)]
pub struct AccountQuery {
    #[serde(default)]
    notices: Option<String>,
}

/// The new password typed twice, hashed; or what is wrong with it.
fn new_password(form: &FormData) -> Result<String, String> {
    let (first, second) = (form.get("password"), form.get("again"));
    if first != second {
        return Err("The two passwords differ; type the same one twice.".to_owned());
    }
    password::hash(first).map_err(|problem| format!("Nothing was changed: {problem}."))
}

const DEAD_LINK: &str = "This link is not valid: it was used already, it expired, or a newer one was made. Ask an \
                         administrator for a new one.";

/// The form a one-time link opens (no session needed: the link is the secret).
pub async fn link_form(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, StaffError> {
    let hash = super::digest(&token);
    let user = crate::routes::blocking(&state, move |state| state.store.password_link_user(&hash)).await?;
    let Some(user) = user else { return Err(StaffError::Forbidden(DEAD_LINK)) };
    password_page(StatusCode::OK, None, user.email, format!("/staff/password/{token}"), None)
}

pub async fn use_link(
    state: web::Data<AppState>,
    token: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let form = FormData::read(payload).await?;
    let hash = super::digest(&token);
    let lookup = hash.clone();
    let Some(user) = crate::routes::blocking(&state, move |state| state.store.password_link_user(&lookup)).await?
    else {
        return Err(StaffError::Forbidden(DEAD_LINK));
    };
    let password_hash = match new_password(&form) {
        Ok(hash) => hash,
        Err(problem) => {
            let action = format!("/staff/password/{token}");
            return password_page(StatusCode::BAD_REQUEST, None, user.email, action, Some(problem));
        }
    };
    let used =
        crate::routes::blocking(&state, move |state| state.store.use_password_link(&hash, &password_hash)).await?;
    if used.is_none() {
        return Err(StaffError::Forbidden(DEAD_LINK));
    }
    Ok(see_other("/staff/login?password=set"))
}

/// One's own password: the form.
pub async fn own_form(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<AccountQuery>,
) -> Result<HttpResponse, StaffError> {
    account_page(&state, StatusCode::OK, &staff, None, query.notices.is_some()).await
}

/// The e-mail notices one asks for on one's own account page (each a tick box).
pub async fn set_notices(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let form = staff.read_form(payload).await?;
    let (id, requests, syncs) = (staff.user.id, form.has("notify_requests"), form.has("notify_sync_failures"));
    crate::routes::blocking(&state, move |state| state.store.set_notifications(id, requests, syncs)).await?;
    Ok(see_other("/staff/account?notices=saved"))
}

/// One's own password: the current one, then the new one twice. Every session of the account
/// ends, this one too: log in again with the new password.
pub async fn change_own(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let form = staff.read_form(payload).await?;
    let email = staff.user.email.clone();
    let current = form.get("current").to_owned();
    let lookup = email.clone();
    let known = crate::routes::blocking(&state, move |state| {
        Ok(state.store.user_for_login(&lookup)?.is_some_and(|(_, stored)| password::verify(&current, &stored)))
    })
    .await?;
    let checked = if known { new_password(&form) } else { Err("The current password is not right.".to_owned()) };
    let hash = match checked {
        Ok(hash) => hash,
        Err(problem) => return account_page(&state, StatusCode::BAD_REQUEST, &staff, Some(problem), false).await,
    };
    crate::routes::blocking(&state, move |state| state.store.set_password(&email, &hash)).await?;
    Ok(see_other("/staff/login?password=set"))
}
