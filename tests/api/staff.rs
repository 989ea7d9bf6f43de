//! The staff area and the public change requests: logins, the lockout, CSRF, the cookie's reach,
//! roles, editing, the queue, and that an approved change shows everywhere at once.

use actix_web::http::StatusCode;
use actix_web::test::TestRequest;
use mutual_support::db::Role;
use mutual_support::staff::password;

use crate::helpers::{Page, TestApp};

pub const PASSWORD: &str = "a long enough password";

pub fn add_user(app: &TestApp, email: &str, role: Role) {
    let hash = password::hash(PASSWORD).expect("hashes");
    assert!(app.state.store.add_user(email, role, &hash).expect("stored"));
}

pub fn form(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}

/// The peer every request of these tests comes from unless it says another.
pub const PEER: &str = "203.0.113.7:5000";

pub async fn post(app: &TestApp, path: &str, cookie: Option<&str>, fields: &[(&str, &str)]) -> Page {
    post_from(app, path, cookie, PEER, &[], fields).await
}

/// A form sent from `peer` with extra `headers`.
pub async fn post_from(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    peer: &str,
    headers: &[(&str, String)],
    fields: &[(&str, &str)],
) -> Page {
    let mut request = TestRequest::post()
        .uri(path)
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .peer_addr(peer.parse().expect("address"))
        .set_payload(form(fields));
    if let Some(cookie) = cookie {
        request = request.insert_header(("cookie", cookie.to_owned()));
    }
    for (name, value) in headers {
        request = request.insert_header((*name, value.clone()));
    }
    app.request(request).await
}

pub async fn get_as(app: &TestApp, path: &str, cookie: &str) -> Page {
    app.request(TestRequest::get().uri(path).insert_header(("cookie", cookie.to_owned()))).await
}

/// The `Set-Cookie` header of a cookie by name.
pub fn set_cookie(page: &Page, name: &str) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// Opens the login page (its CSRF cookie and field) and sends it from `peer`, over `scheme`.
pub async fn attempt(app: &TestApp, email: &str, password: &str, peer: &str, scheme: &str) -> Page {
    attempt_with(app, email, password, peer, scheme, &[]).await
}

/// [`attempt`] with extra `headers` on the login.
pub async fn attempt_with(
    app: &TestApp,
    email: &str,
    password: &str,
    peer: &str,
    scheme: &str,
    headers: &[(&str, String)],
) -> Page {
    let form_page = app.get(&format!("{scheme}://directory.example/staff/login")).await;
    let token = form_page.attributes("input[name=csrf]", "value").pop().expect("a CSRF field");
    let cookie = set_cookie(&form_page, "staff_login").expect("the login form's cookie");
    assert!(cookie.contains("Path=/staff"), "{cookie}");
    let cookie = cookie.split(';').next().expect("name=value").to_owned();
    let path = format!("{scheme}://directory.example/staff/login");
    let fields = [("csrf", token.as_str()), ("email", email), ("password", password)];
    post_from(app, &path, Some(&cookie), peer, headers, &fields).await
}

async fn try_login(app: &TestApp, email: &str, password: &str) -> Page {
    attempt(app, email, password, PEER, "http").await
}

/// Logs in; returns the `name=value` of the session cookie.
pub async fn login(app: &TestApp, email: &str) -> String {
    let page = try_login(app, email, PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let cookie = set_cookie(&page, "staff_session").expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

/// The CSRF token the staff pages put in their forms.
pub async fn csrf(app: &TestApp, cookie: &str) -> String {
    let page = get_as(app, "/staff", cookie).await;
    page.attributes("input[name=csrf]", "value").pop().expect("a CSRF field")
}

pub async fn logged_in_editor(app: &TestApp) -> (String, String) {
    add_user(app, "editor@example.org", Role::Editor);
    let cookie = login(app, "editor@example.org").await;
    let token = csrf(app, &cookie).await;
    (cookie, token)
}

#[actix_web::test]
async fn a_wrong_password_is_refused_and_sets_no_cookie() {
    let app = TestApp::spawn();
    add_user(&app, "admin@example.org", Role::Admin);
    let page = try_login(&app, "admin@example.org", "not the password!").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(set_cookie(&page, "staff_session").is_none());
    assert!(page.body.contains("do not match an account"), "{}", page.body);
    let unknown = try_login(&app, "nobody@example.org", PASSWORD).await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn a_login_without_the_forms_own_token_is_refused() {
    let app = TestApp::spawn();
    add_user(&app, "admin@example.org", Role::Admin);
    let page = post(&app, "/staff/login", None, &[("email", "admin@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(set_cookie(&page, "staff_session").is_none());
    let forged = post(
        &app,
        "/staff/login",
        Some("staff_login=abc"),
        &[("csrf", "abd"), ("email", "admin@example.org"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn failures_from_one_address_lock_that_address_out_of_every_account() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    for attempt in 0..5 {
        let email = format!("guess{attempt}@example.org");
        try_login(&app, &email, "wrong guess!!").await;
    }
    let locked = try_login(&app, "editor@example.org", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
}

#[actix_web::test]
async fn the_session_cookie_is_only_for_staff_pages_and_public_pages_set_none() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    let page = try_login(&app, "editor@example.org", PASSWORD).await;
    let cookie = set_cookie(&page, "staff_session").expect("a cookie");
    for attribute in ["Path=/staff", "HttpOnly", "SameSite=Strict", "Max-Age="] {
        assert!(cookie.contains(attribute), "{attribute} missing from {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let session = cookie.split(';').next().expect("name=value").to_owned();
    for path in ["/", "/meetings", "/meetings/new", "/groups", "/about", "/feed/meetings.json", "/sources"] {
        let public = get_as(&app, path, &session).await;
        assert_eq!(public.status, StatusCode::OK, "{path}");
        assert!(public.header("set-cookie").is_none(), "{path} set a cookie");
        assert!(public.header("cache-control").is_some_and(|value| value.contains("public")), "{path}");
    }
    let staff = get_as(&app, "/staff", &session).await;
    assert_eq!(staff.status, StatusCode::OK);
    assert_eq!(staff.header("cache-control"), Some("no-store"));
}

#[actix_web::test]
async fn the_cookie_is_secure_when_the_request_came_over_https() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    let page = attempt(&app, "editor@example.org", PASSWORD, "203.0.113.7:5000", "https").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(set_cookie(&page, "staff_session").is_some_and(|cookie| cookie.contains("Secure")));
}

#[actix_web::test]
async fn a_logged_out_visitor_reaches_no_staff_page() {
    let app = TestApp::spawn();
    let slug = SAMPLE;
    for path in [
        "/staff".to_owned(),
        "/staff/meetings".to_owned(),
        "/staff/meetings/new".to_owned(),
        format!("/staff/meetings/{slug}/edit"),
        "/staff/requests".to_owned(),
        "/staff/requests/1".to_owned(),
        "/staff/log".to_owned(),
        "/staff/users".to_owned(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(page.header("location"), Some("/staff/login"), "{path}");
        assert_eq!(page.header("cache-control"), Some("no-store"), "{path}");
        let forged = get_as(&app, &path, "staff_session=forged").await;
        assert_eq!(forged.status, StatusCode::SEE_OTHER, "{path} with a made-up cookie");
    }
    for path in [
        "/staff/logout".to_owned(),
        "/staff/meetings/new".to_owned(),
        format!("/staff/meetings/{slug}/edit"),
        format!("/staff/meetings/{slug}/archive"),
        format!("/staff/meetings/{slug}/restore"),
        "/staff/requests/1/approve".to_owned(),
        "/staff/requests/1/reject".to_owned(),
    ] {
        let page = post(&app, &path, None, &[("csrf", "x")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "POST {path}");
    }
    assert!(app.state.store.meeting(slug).expect("reads").is_some(), "nothing was archived");
}

#[actix_web::test]
async fn a_missing_or_wrong_csrf_token_is_refused() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let slug = SAMPLE;
    let path = format!("/staff/meetings/{slug}/archive");
    let missing = post(&app, &path, Some(&cookie), &[]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let wrong = post(&app, &path, Some(&cookie), &[("csrf", &format!("{token}0"))]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(app.state.store.meeting(slug).expect("reads").is_some(), "still listed");
    let right = post(&app, &path, Some(&cookie), &[("csrf", &token)]).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert!(app.state.store.meeting(slug).expect("reads").is_none(), "archived");
    let logout = post(&app, "/staff/logout", Some(&cookie), &[]).await;
    assert_eq!(logout.status, StatusCode::FORBIDDEN, "logging out needs the token too");
}

#[actix_web::test]
async fn an_editor_cannot_manage_users_but_an_admin_can_see_them() {
    let app = TestApp::spawn();
    let (editor, _) = logged_in_editor(&app).await;
    let refused = get_as(&app, "/staff/users", &editor).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains("editor@example.org"));
    add_user(&app, "admin@example.org", Role::Admin);
    let admin = login(&app, "admin@example.org").await;
    let page = get_as(&app, "/staff/users", &admin).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("editor@example.org"));
}

#[actix_web::test]
async fn logging_out_ends_the_session() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let page = post(&app, "/staff/logout", Some(&cookie), &[("csrf", &token)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(page.header("set-cookie").is_some_and(|cookie| cookie.contains("Path=/staff")));
    assert_eq!(get_as(&app, "/staff", &cookie).await.status, StatusCode::SEE_OTHER);
}

/// Sends a public change request for the sample meeting; returns the answer.
pub async fn request_change(app: &TestApp, slug: &str, changes: &[(&str, &str)]) -> Page {
    request_change_from(app, slug, changes, PEER, &[]).await
}

/// [`request_change`] from `peer`, with extra `headers`.
pub async fn request_change_from(
    app: &TestApp,
    slug: &str,
    changes: &[(&str, &str)],
    peer: &str,
    headers: &[(&str, String)],
) -> Page {
    let current = app.get(&format!("/meetings/{slug}/change")).await;
    assert_eq!(current.status, StatusCode::OK);
    assert!(current.header("set-cookie").is_none());
    // The form as the visitor got it (today's values), with their changes.
    let mut fields: Vec<(String, String)> = Vec::new();
    for name in ["time", "end_time", "location", "formatted_address", "conference_url", "conference_phone", "types"] {
        let value = changes.iter().find(|(field, _)| *field == name).map(|(_, value)| (*value).to_owned());
        let shown = current.attributes(&format!("input[name={name}]"), "value").pop().unwrap_or_default();
        fields.push((name.to_owned(), value.unwrap_or(shown)));
    }
    for day in current.attributes("input[name=day][checked]", "value") {
        fields.push(("day".to_owned(), day));
    }
    let extra: Vec<(String, String)> = changes
        .iter()
        .filter(|(name, _)| !fields.iter().any(|(own, _)| own == name))
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    fields.extend(extra);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    post_from(app, &format!("/meetings/{slug}/change"), None, peer, headers, &pairs).await
}

pub const SAMPLE: &str = "sunrise-serenity-riverton";

#[actix_web::test]
async fn the_honeypot_keeps_nothing_and_the_hourly_limit_answers_429() {
    let app = TestApp::spawn();
    let robot = request_change(&app, SAMPLE, &[("location", "Robot Hall"), ("website", "http://spam.example")]).await;
    assert_eq!(robot.status, StatusCode::OK, "a robot is told what a person is told");
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing kept");
    for attempt in 0..5 {
        let page = request_change(&app, SAMPLE, &[("message", &format!("Attempt {attempt}: the room moved"))]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Staff read every request"), "the answer says what happens next");
        assert!(page.header("set-cookie").is_none());
    }
    let limited = request_change(&app, SAMPLE, &[("message", "one more")]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("try again in an hour"), "{}", limited.body);
    assert_eq!(app.state.store.open_requests().expect("reads").len(), 5);
}

#[actix_web::test]
async fn an_oversized_or_invalid_request_gets_a_clear_page_and_keeps_nothing() {
    let app = TestApp::spawn();
    let huge = "x".repeat(mutual_support::staff::MAX_FORM_BYTES + 1);
    let page = request_change(&app, SAMPLE, &[("message", &huge)]).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.body.contains("too large"));
    let bad = request_change(&app, SAMPLE, &[("time", "25:99")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.texts("#time-error").first().is_some_and(|error| error.contains("25:99")), "{}", bad.body);
    let nothing = request_change(&app, SAMPLE, &[]).await;
    assert_eq!(nothing.status, StatusCode::BAD_REQUEST);
    assert!(app.state.store.open_requests().expect("reads").is_empty());
}

/// The finder, the meeting page, the feed and the calendar file, as the public sees them now.
async fn public_views(app: &TestApp, query: &str) -> (Page, Page, Page, Page) {
    (
        app.get(&format!("/meetings?q={query}")).await,
        app.get(&format!("/meetings/{SAMPLE}")).await,
        app.get("/feed/meetings.json").await,
        app.get(&format!("/meetings/{SAMPLE}.ics")).await,
    )
}

fn feed_meeting(feed: &Page) -> serde_json::Value {
    let all: Vec<serde_json::Value> = serde_json::from_str(&feed.body).expect("JSON");
    all.into_iter().find(|meeting| meeting["slug"] == SAMPLE).expect("in the feed")
}

#[actix_web::test]
async fn an_approved_request_changes_exactly_the_requested_fields_is_logged_and_shows_everywhere_at_once() {
    let app = TestApp::spawn();
    let (before_finder, _, before_feed, _) = public_views(&app, "Willowbrook").await;
    assert!(!before_finder.listed_meetings().contains(&SAMPLE.to_owned()));
    let before = feed_meeting(&before_feed);
    let sent = request_change(
        &app,
        SAMPLE,
        &[("location", "Willowbrook Hall"), ("time", "07:15"), ("reply_to", "visitor@example.org")],
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    assert_eq!(request.reply_to.as_deref(), Some("visitor@example.org"));

    let (cookie, token) = logged_in_editor(&app).await;
    let queue = get_as(&app, "/staff/requests", &cookie).await;
    assert!(queue.body.contains(&format!("/staff/requests/{}", request.id)));
    let review = get_as(&app, &format!("/staff/requests/{}", request.id), &cookie).await;
    assert_eq!(review.status, StatusCode::OK);
    let changed: Vec<String> = review.texts("tr.changed th");
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(changed.iter().any(|row| row.contains("location")) && changed.iter().any(|row| row.contains("(time)")));
    assert!(review.body.contains("visitor@example.org"), "staff see the reply address");

    // Approve the form as the review page filled it in.
    let html = review.html();
    let mut fields: Vec<(String, String)> = vec![("csrf".into(), token.clone())];
    let inputs = scraper::Selector::parse("form[action$=approve] input[type=text]").expect("selector");
    for input in html.select(&inputs) {
        let name = input.value().attr("name").expect("name").to_owned();
        fields.push((name, input.value().attr("value").unwrap_or_default().to_owned()));
    }
    let ticked = scraper::Selector::parse("form[action$=approve] input[name=day][checked]").expect("selector");
    for day in html.select(&ticked) {
        fields.push(("day".into(), day.value().attr("value").expect("value").to_owned()));
    }
    let selected = scraper::Selector::parse("form[action$=approve] select option[selected]").expect("selector");
    for option in html.select(&selected) {
        fields.push(("fellowship".into(), option.value().attr("value").unwrap_or_default().to_owned()));
    }
    let notes = scraper::Selector::parse("form[action$=approve] textarea[name=notes]").expect("selector");
    for area in html.select(&notes) {
        fields.push(("notes".into(), area.text().collect()));
    }
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    let approved = post(&app, &format!("/staff/requests/{}/approve", request.id), Some(&cookie), &pairs).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);

    // Exactly the requested fields changed.
    let (finder, meeting, feed, calendar) = public_views(&app, "Willowbrook").await;
    let after = feed_meeting(&feed);
    let before_fields = before.as_object().expect("object");
    let after_fields = after.as_object().expect("object");
    let mut changed: Vec<&str> = after_fields
        .keys()
        .chain(before_fields.keys())
        .filter(|key| before_fields.get(*key) != after_fields.get(*key))
        .map(String::as_str)
        .collect();
    changed.sort();
    changed.dedup();
    assert_eq!(changed, ["location", "time"]);
    assert_eq!(after["location"], "Willowbrook Hall");
    assert_eq!(after["time"], "07:15");
    // ... everywhere, without a restart.
    assert!(finder.listed_meetings().contains(&SAMPLE.to_owned()), "the finder finds the new venue");
    assert!(meeting.body.contains("Willowbrook Hall") && meeting.body.contains("7:15"), "the meeting page");
    assert!(calendar.body.contains("LOCATION:Willowbrook Hall") || calendar.body.contains("Willowbrook Hall"));
    assert!(calendar.body.contains("T071500"), "the calendar's start time: {}", calendar.body);

    // Closed, its reply address gone, and logged with the request.
    let closed = app.state.store.change_request(request.id).expect("reads").expect("kept");
    assert_eq!(closed.status, "approved");
    assert_eq!(closed.reply_to, None);
    let log = get_as(&app, "/staff/log", &cookie).await;
    assert!(log.body.contains("editor@example.org") && log.body.contains(&format!("#{}", request.id)));
    let entry = app.state.store.audit_log(10).expect("reads").remove(0);
    assert_eq!(entry.request_id, Some(request.id));
    let fields: Vec<&str> = entry.changes.iter().map(|(field, _, _)| field.as_str()).collect();
    assert_eq!(fields, ["location", "time"]);
    assert!(entry.changes.iter().any(|(field, _, new)| field == "time" && new == "07:15"));
}

#[actix_web::test]
async fn a_rejected_request_changes_nothing_and_forgets_the_reply_address() {
    let app = TestApp::spawn();
    let before = feed_meeting(&app.get("/feed/meetings.json").await);
    let revision = app.state.store.revision().expect("reads");
    request_change(&app, SAMPLE, &[("location", "Elsewhere"), ("reply_to", "visitor@example.org")]).await;
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    let (cookie, token) = logged_in_editor(&app).await;
    let no_reason =
        post(&app, &format!("/staff/requests/{}/reject", request.id), Some(&cookie), &[("csrf", &token)]).await;
    assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
    let rejected = post(
        &app,
        &format!("/staff/requests/{}/reject", request.id),
        Some(&cookie),
        &[("csrf", &token), ("reason", "The venue has not changed")],
    )
    .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER);
    assert_eq!(feed_meeting(&app.get("/feed/meetings.json").await), before);
    assert_eq!(app.state.store.revision().expect("reads"), revision);
    let closed = app.state.store.change_request(request.id).expect("reads").expect("kept");
    assert_eq!((closed.status.as_str(), closed.reply_to), ("rejected", None));
    assert!(app.state.store.open_requests().expect("reads").is_empty());
    let entry = app.state.store.audit_log(1).expect("reads").remove(0);
    assert_eq!(entry.note.as_deref(), Some("The venue has not changed"));
}

#[actix_web::test]
async fn staff_edits_are_validated_like_imports_and_nothing_is_half_saved() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let before = feed_meeting(&app.get("/feed/meetings.json").await);
    let page = post(
        &app,
        &format!("/staff/meetings/{SAMPLE}/edit"),
        Some(&cookie),
        &[("csrf", &token), ("name", "Renamed"), ("time", "7 in the evening"), ("day", "9")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.texts("#time-error").first().is_some_and(|error| error.contains("is not a time")));
    assert!(!page.texts("#day-error").is_empty(), "{}", page.body);
    assert_eq!(feed_meeting(&app.get("/feed/meetings.json").await), before, "nothing saved");
}

#[actix_web::test]
async fn staff_add_archive_and_restore_a_meeting_and_each_is_logged() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let added = post(
        &app,
        "/staff/meetings/new",
        Some(&cookie),
        &[
            ("csrf", &token),
            ("name", "Harbor Light Evening"),
            ("fellowship", "alcoholics-anonymous"),
            ("day", "2"),
            ("time", "18:30"),
            ("timezone", "America/Chicago"),
            ("location", "Harbor Light Hall"),
            ("formatted_address", "1 Harbor St, Duluth, MN 55802"),
            ("types", "O, D"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(added.header("location"), Some("/staff/meetings/harbor-light-evening/edit?saved=1"));
    let page = app.get("/meetings/harbor-light-evening").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Harbor Light Hall"));
    let archive = "/staff/meetings/harbor-light-evening/archive";
    assert_eq!(post(&app, archive, Some(&cookie), &[("csrf", &token)]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/meetings/harbor-light-evening").await.status, StatusCode::NOT_FOUND);
    let restore = "/staff/meetings/harbor-light-evening/restore";
    assert_eq!(post(&app, restore, Some(&cookie), &[("csrf", &token)]).await.status, StatusCode::SEE_OTHER);
    assert!(app.get("/meetings?q=Harbor").await.listed_meetings().contains(&"harbor-light-evening".to_owned()));
    let actions: Vec<String> = app.state.store.audit_log(10).expect("reads").into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["restored a meeting", "archived a meeting", "added a meeting"]);
    let again = post(
        &app,
        "/staff/meetings/new",
        Some(&cookie),
        &[("csrf", &token), ("name", "Harbor Light Evening"), ("day", "2"), ("time", "18:30")],
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "the slug is taken");
}

#[actix_web::test]
async fn a_sources_meeting_cannot_be_edited_by_staff() {
    let app = TestApp::spawn();
    app.with_metro_source_meetings(
        br#"[{"name": "Metro Noon", "slug": "metro-noon", "day": 1, "time": "12:00",
                     "feedback_url": "https://metro.example/update"}]"#,
    );
    let (cookie, token) = logged_in_editor(&app).await;
    let edit = get_as(&app, "/staff/meetings/metro-noon/edit", &cookie).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("metro") && edit.body.contains("https://metro.example/update"));
    assert!(edit.attributes("form[action='/staff/meetings/metro-noon/edit']", "action").is_empty(), "no form");
    let refused = post(
        &app,
        "/staff/meetings/metro-noon/edit",
        Some(&cookie),
        &[("csrf", &token), ("name", "Taken over"), ("day", "1"), ("time", "12:00")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let archived = post(&app, "/staff/meetings/metro-noon/archive", Some(&cookie), &[("csrf", &token)]).await;
    assert_eq!(archived.status, StatusCode::FORBIDDEN);
    assert_eq!(app.state.store.meeting("metro-noon").expect("reads").expect("listed").name, "Metro Noon");
    // The public change form sends people to the source instead.
    let public = app.get("/meetings/metro-noon/change").await;
    assert!(public.body.contains("https://metro.example/update"));
    assert!(public.attributes("form[method=post]", "action").is_empty());
}

#[actix_web::test]
async fn the_meeting_page_and_the_finder_link_to_the_public_forms() {
    let app = TestApp::spawn();
    let meeting = app.get(&format!("/meetings/{SAMPLE}")).await;
    assert!(meeting.attributes("a", "href").contains(&format!("/meetings/{SAMPLE}/change")));
    let finder = app.get("/meetings").await;
    assert!(finder.attributes("a", "href").contains(&"/meetings/new".to_owned()));
    let new = app.get("/meetings/new").await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(new.header("set-cookie").is_none());
    let names = new.attributes("form[method=post] [name]", "name");
    for field in [
        "name",
        "day",
        "time",
        "end_time",
        "location",
        "formatted_address",
        "conference_url",
        "conference_phone",
        "types",
        "message",
        "reply_to",
        "website",
    ] {
        assert!(names.contains(&field.to_owned()), "{field} missing: {names:?}");
    }
}

#[actix_web::test]
async fn a_request_for_a_new_meeting_is_approved_into_a_listed_meeting() {
    let app = TestApp::spawn();
    let sent = post(
        &app,
        "/meetings/new",
        None,
        &[
            ("name", "Riverside Sunrise"),
            ("fellowship", "smart-recovery"),
            ("day", "6"),
            ("time", "6:30 AM"),
            ("location", "Riverside Library"),
            ("formatted_address", "5 River Rd, Duluth, MN 55802"),
            ("types", ""),
            ("message", "Started last month"),
        ],
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    assert_eq!(request.meeting_slug, None);
    let (cookie, token) = logged_in_editor(&app).await;
    let review = get_as(&app, &format!("/staff/requests/{}", request.id), &cookie).await;
    assert_eq!(review.attributes("input[name=slug]", "value"), ["riverside-sunrise"]);
    let approved = post(
        &app,
        &format!("/staff/requests/{}/approve", request.id),
        Some(&cookie),
        &[
            ("csrf", &token),
            ("slug", "riverside-sunrise"),
            ("name", "Riverside Sunrise"),
            ("fellowship", "smart-recovery"),
            ("day", "6"),
            ("time", "06:30"),
            ("timezone", "America/Chicago"),
            ("location", "Riverside Library"),
            ("formatted_address", "5 River Rd, Duluth, MN 55802"),
        ],
    )
    .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(app.get("/meetings/riverside-sunrise").await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_meeting_closed_for_good_is_archived_when_the_request_is_approved() {
    let app = TestApp::spawn();
    let sent =
        request_change(&app, SAMPLE, &[("closed", "yes"), ("message", "The group stopped meeting in May")]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    assert!(request.closed_for_good);
    let (cookie, token) = logged_in_editor(&app).await;
    let review = get_as(&app, &format!("/staff/requests/{}", request.id), &cookie).await;
    assert!(review.body.contains("archive the meeting"), "{}", review.body);
    let approved =
        post(&app, &format!("/staff/requests/{}/approve", request.id), Some(&cookie), &[("csrf", &token)]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&format!("/meetings/{SAMPLE}")).await.status, StatusCode::NOT_FOUND);
    assert!(!app.get("/meetings?q=Sunrise").await.listed_meetings().contains(&SAMPLE.to_owned()));
    let entry = app.state.store.audit_log(1).expect("reads").remove(0);
    assert_eq!((entry.request_id, entry.changes.len()), (Some(request.id), 1));
}

#[actix_web::test]
async fn every_staff_page_is_no_store_and_every_form_on_it_carries_the_csrf_token() {
    let app = TestApp::spawn();
    request_change(&app, SAMPLE, &[("location", "Elsewhere")]).await;
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    add_user(&app, "admin@example.org", Role::Admin);
    let cookie = login(&app, "admin@example.org").await;
    let token = csrf(&app, &cookie).await;
    let login_page = app.get("/staff/login").await;
    assert_eq!(login_page.header("cache-control"), Some("no-store"));
    assert_eq!(login_page.attributes("form[method=post] input[name=csrf]", "name").len(), 1);
    for path in [
        "/staff".to_owned(),
        "/staff/meetings?q=sun".to_owned(),
        "/staff/meetings/new".to_owned(),
        format!("/staff/meetings/{SAMPLE}/edit"),
        "/staff/requests".to_owned(),
        format!("/staff/requests/{}", request.id),
        "/staff/log".to_owned(),
        "/staff/users".to_owned(),
    ] {
        let page = get_as(&app, &path, &cookie).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.header("cache-control"), Some("no-store"), "{path}");
        assert!(page.header("set-cookie").is_none(), "{path}");
        let forms = page.attributes("form[method=post]", "action");
        let tokens = page.attributes("form[method=post] input[name=csrf]", "value");
        assert!(!forms.is_empty(), "{path} has at least the logout form");
        assert_eq!(tokens.len(), forms.len(), "{path}: every form carries the token");
        assert!(tokens.iter().all(|value| *value == token), "{path}");
    }
}

/// What another process (a backup tool, an operator's `sqlite3`) does: takes the database's
/// write lock and keeps it while the connection lives.
fn hold_write_lock(app: &TestApp) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(&app.state.settings.database_path).expect("a second connection");
    other.execute_batch("BEGIN IMMEDIATE").expect("the write lock");
    other
}

/// A 503 that asks to come back, not a 500.
fn assert_busy(page: &Page) {
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{}", page.body);
    assert!(page.header("retry-after").is_some_and(|seconds| seconds.parse::<u32>().is_ok()), "{:?}", page.headers);
}

#[actix_web::test]
async fn a_staff_edit_while_another_process_holds_the_write_lock_is_503_with_the_form_as_typed() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let lock = hold_write_lock(&app);
    let fields = [
        ("csrf", token.as_str()),
        ("name", "Typed While Locked"),
        ("fellowship", "alcoholics-anonymous"),
        ("day", "2"),
        ("time", "18:30"),
        ("timezone", "America/Chicago"),
        ("location", "Harbor Light Hall"),
        ("types", "O, D"),
    ];
    let page = post(&app, "/staff/meetings/new", Some(&cookie), &fields).await;
    assert_busy(&page);
    assert_eq!(page.attributes("input[name=name]", "value"), ["Typed While Locked"]);
    assert_eq!(page.attributes("input[name=location]", "value"), ["Harbor Light Hall"]);
    assert!(page.body.contains("another program is writing"), "{}", page.body);
    drop(lock);
    let again = post(&app, "/staff/meetings/new", Some(&cookie), &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "sent again, it is saved: {}", again.body);
}

#[actix_web::test]
async fn a_change_request_while_another_process_holds_the_write_lock_is_503_with_the_form_as_typed() {
    let app = TestApp::spawn();
    let lock = hold_write_lock(&app);
    let page = request_change(&app, SAMPLE, &[("location", "The New Hall"), ("message", "We moved in May")]).await;
    assert_busy(&page);
    assert_eq!(page.attributes("input[name=location]", "value"), ["The New Hall"]);
    assert!(page.body.contains("We moved in May"), "the message is kept: {}", page.body);
    assert!(page.body.contains("send the form again"), "{}", page.body);
    drop(lock);
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing was half kept");
}

#[actix_web::test]
async fn a_login_while_another_process_holds_the_write_lock_is_503_with_the_address_kept() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    let lock = hold_write_lock(&app);
    let page = try_login(&app, "editor@example.org", PASSWORD).await;
    assert_busy(&page);
    assert_eq!(page.attributes("input[name=email]", "value"), ["editor@example.org"]);
    assert!(set_cookie(&page, "staff_session").is_none());
    drop(lock);
    assert_eq!(try_login(&app, "editor@example.org", PASSWORD).await.status, StatusCode::SEE_OTHER);
}
