//! Staff accounts from the browser: admins add, change the role of, remove and reset; a one-time
//! link sets a password; everyone changes their own; the last administrator stays.

use actix_web::http::StatusCode;
use mutual_support::db::Role;

use crate::helpers::{Page, TestApp};
use crate::staff::{PASSWORD, add_user, csrf, get_as, logged_in_editor, login, post, set_cookie};

pub async fn logged_in_admin(app: &TestApp) -> (String, String) {
    add_user(app, "admin@example.org", Role::Admin);
    let cookie = login(app, "admin@example.org").await;
    let token = csrf(app, &cookie).await;
    (cookie, token)
}

fn user_id(app: &TestApp, email: &str) -> i64 {
    app.state.store.users().expect("users").into_iter().find(|user| user.email == email).expect("account").id
}

/// The path of the one-time link a page shows.
fn link_path(page: &Page) -> String {
    let link = page.texts("code.one-time-link").pop().expect("a one-time link is shown");
    let path = link.split_once("/staff/password/").expect("a password link").1;
    format!("/staff/password/{path}")
}

/// Logs in with a password; the status of the answer.
async fn can_log_in(app: &TestApp, email: &str, password: &str) -> bool {
    let form = app.get("/staff/login").await;
    let token = form.attributes("input[name=csrf]", "value").pop().expect("csrf");
    let cookie = set_cookie(&form, "staff_login").expect("cookie");
    let cookie = cookie.split(';').next().expect("name=value");
    let answer =
        post(app, "/staff/login", Some(cookie), &[("csrf", &token), ("email", email), ("password", password)]).await;
    answer.status == StatusCode::SEE_OTHER
}

#[actix_web::test]
async fn an_admin_adds_a_colleague_who_sets_a_password_with_a_one_time_link_and_logs_in() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let added = post(
        &app,
        "/staff/users",
        Some(&admin),
        &[("csrf", &token), ("email", " New@Example.org"), ("role", "editor")],
    )
    .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    assert!(added.body.contains("Added new@example.org as editor"), "{}", added.body);
    let link = link_path(&added);
    assert!(!can_log_in(&app, "new@example.org", "").await, "no password works before the link is used");

    let form = app.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.header("cache-control"), Some("no-store"));
    let mismatch = post(&app, &link, None, &[("password", "a brand new password"), ("again", "another one!!")]).await;
    assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
    assert!(mismatch.body.contains("differ"), "{}", mismatch.body);
    let short = post(&app, &link, None, &[("password", "short"), ("again", "short")]).await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert!(short.body.contains("at least 12 characters"), "{}", short.body);
    let set = post(&app, &link, None, &[("password", "a brand new password"), ("again", "a brand new password")]).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert!(can_log_in(&app, "new@example.org", "a brand new password").await);

    // Used once: the link is dead.
    assert_eq!(app.get(&link).await.status, StatusCode::FORBIDDEN);
    let again = post(&app, &link, None, &[("password", "someone else's pass"), ("again", "someone else's pass")]).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert!(can_log_in(&app, "new@example.org", "a brand new password").await);
    let log = get_as(&app, "/staff/log", &admin).await;
    assert!(log.body.contains("made a one-time password link for"), "{}", log.body);
}

#[actix_web::test]
async fn a_reset_link_replaces_the_password_and_ends_the_accounts_sessions() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let (editor, _) = logged_in_editor(&app).await;
    let id = user_id(&app, "editor@example.org");
    let reset = post(&app, &format!("/staff/users/{id}/reset"), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
    let link = link_path(&reset);
    assert!(can_log_in(&app, "editor@example.org", PASSWORD).await, "the old password works until the link is used");
    let set = post(&app, &link, None, &[("password", "the reset password"), ("again", "the reset password")]).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert!(!can_log_in(&app, "editor@example.org", PASSWORD).await);
    assert!(can_log_in(&app, "editor@example.org", "the reset password").await);
    assert_eq!(get_as(&app, "/staff", &editor).await.status, StatusCode::SEE_OTHER, "the old session ended");
}

#[actix_web::test]
async fn an_admin_changes_a_role_and_removes_an_account_and_each_is_logged() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    add_user(&app, "editor@example.org", Role::Editor);
    let id = user_id(&app, "editor@example.org");
    let promoted =
        post(&app, &format!("/staff/users/{id}/role"), Some(&admin), &[("csrf", &token), ("role", "admin")]).await;
    assert_eq!(promoted.status, StatusCode::OK, "{}", promoted.body);
    assert_eq!(app.state.store.user(id).expect("read").expect("there").role, Role::Admin);
    let removed = post(&app, &format!("/staff/users/{id}/remove"), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert!(app.state.store.user(id).expect("read").is_none());
    let log = get_as(&app, "/staff/log", &admin).await;
    assert!(log.body.contains("changed the role of") && log.body.contains("removed the account"), "{}", log.body);
}

#[actix_web::test]
async fn the_last_admin_can_be_neither_removed_nor_made_an_editor() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let id = user_id(&app, "admin@example.org");
    let demoted =
        post(&app, &format!("/staff/users/{id}/role"), Some(&admin), &[("csrf", &token), ("role", "editor")]).await;
    assert_eq!(demoted.status, StatusCode::CONFLICT);
    assert!(demoted.body.contains("last administrator"), "{}", demoted.body);
    let removed = post(&app, &format!("/staff/users/{id}/remove"), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::CONFLICT);
    assert_eq!(app.state.store.user(id).expect("read").expect("still there").role, Role::Admin);
    // With a second admin, the first may go.
    add_user(&app, "second@example.org", Role::Admin);
    let removed = post(&app, &format!("/staff/users/{id}/remove"), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert_eq!(get_as(&app, "/staff", &admin).await.status, StatusCode::SEE_OTHER, "its session ended with it");
}

#[actix_web::test]
async fn an_editor_manages_no_accounts_and_a_form_without_its_token_is_refused() {
    let app = TestApp::spawn();
    let (editor, editor_token) = logged_in_editor(&app).await;
    let (admin, _) = logged_in_admin(&app).await;
    let id = user_id(&app, "admin@example.org");
    for (path, fields) in [
        (
            "/staff/users".to_owned(),
            vec![("csrf", editor_token.as_str()), ("email", "x@example.org"), ("role", "admin")],
        ),
        (format!("/staff/users/{id}/role"), vec![("csrf", editor_token.as_str()), ("role", "editor")]),
        (format!("/staff/users/{id}/reset"), vec![("csrf", editor_token.as_str())]),
        (format!("/staff/users/{id}/remove"), vec![("csrf", editor_token.as_str())]),
    ] {
        assert_eq!(post(&app, &path, Some(&editor), &fields).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let forged = post(&app, "/staff/users", Some(&admin), &[("email", "x@example.org"), ("role", "admin")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(app.state.store.users().expect("users").len(), 2, "nothing was added");
}

#[actix_web::test]
async fn everyone_changes_their_own_password_with_the_current_one() {
    let app = TestApp::spawn();
    let (editor, token) = logged_in_editor(&app).await;
    assert_eq!(get_as(&app, "/staff/account", &editor).await.status, StatusCode::OK);
    let wrong = post(
        &app,
        "/staff/account",
        Some(&editor),
        &[
            ("csrf", &token),
            ("current", "not my password"),
            ("password", "my new password!"),
            ("again", "my new password!"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("current password is not right"), "{}", wrong.body);
    let changed = post(
        &app,
        "/staff/account",
        Some(&editor),
        &[("csrf", &token), ("current", PASSWORD), ("password", "my new password!"), ("again", "my new password!")],
    )
    .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert!(can_log_in(&app, "editor@example.org", "my new password!").await);
    assert!(!can_log_in(&app, "editor@example.org", PASSWORD).await);
}
