//! Sources and file uploads in `/staff`: only administrators; CSRF on every form; a feed is
//! previewed (fetched from a server the test starts on 127.0.0.1, nothing written) before it is
//! saved; "sync now" runs in the background and its page shows the result; removal asks first;
//! an uploaded file is previewed, then imported (and logged) or cancelled; a bad one gets a 400
//! naming the record and field and imports nothing.

use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::test::TestRequest;
use serde_json::{Value, json};

use crate::feed_server::{Canned, FeedServer};
use crate::helpers::{Page, TestApp};
use crate::staff::{PEER, get_as, logged_in_editor, post};
use crate::staff_accounts::logged_in_admin;

/// A Meeting Guide record of the Lakeview intergroup.
fn meeting(slug: &str, name: &str) -> Value {
    json!({
        "slug": slug, "name": name, "day": 2, "time": "19:00", "timezone": "America/Chicago",
        "types": ["O", "D"], "location": "Community Hall", "formatted_address": "1 Main St, Lakeview, MN 55001, USA"
    })
}

/// A feed in shapes found in the wild: a 12-hour time, a meeting with coordinates and no zone, a
/// meeting with neither (it gets the site's zone, with a warning).
fn wild_feed() -> Vec<Value> {
    vec![
        meeting("tuesday-night", "Tuesday Night Group"),
        json!({"slug": "beach-noon", "name": "Beach Noon", "day": "Monday", "time": "12:00 PM",
               "latitude": "33.6595", "longitude": "-117.9988", "types": "O, D"}),
        json!({"slug": "nowhere-zone", "name": "No Zone Given", "day": 4, "time": "18:30"}),
    ]
}

fn source_fields<'a>(csrf: &'a str, name: &'a str, url: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![("csrf", csrf), ("name", name), ("url", url), ("group", "alcoholics-anonymous"), ("timezone", "")]
}

/// Waits for the sync run the page shows to finish; its page then.
async fn finished_run(app: &TestApp, admin: &str) -> Page {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = get_as(app, "/staff/sources/sync", admin).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if !page.body.contains("Running") {
            return page;
        }
        assert!(page.attributes("a", "href").contains(&"/staff/sources/sync".to_owned()), "a link reloads it");
        assert!(!page.body.contains("http-equiv"), "it reloads itself only when asked: {}", page.body);
        let auto = get_as(app, "/staff/sources/sync?auto=1", admin).await;
        if auto.body.contains("Running") {
            assert!(auto.body.contains(r#"<meta http-equiv="refresh" content="3">"#), "{}", auto.body);
        }
        assert!(Instant::now() < deadline, "the sync did not finish: {}", page.body);
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A multipart/form-data body with text fields and one file.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----staff-upload-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, cookie: &str, fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Page {
    let (content_type, body) = multipart(fields, file);
    app.request(
        TestRequest::post()
            .uri("/staff/import")
            .insert_header(("content-type", content_type))
            .insert_header(("cookie", cookie.to_owned()))
            .peer_addr(PEER.parse().expect("address"))
            .set_payload(body),
    )
    .await
}

fn active_slugs(app: &TestApp) -> Vec<String> {
    let mut slugs = Vec::new();
    app.state.store.each_active_meeting(|_, meeting| slugs.push(meeting.slug)).expect("meetings");
    slugs.sort();
    slugs
}

/// The "Import" button's form on an upload's preview.
fn import_action(page: &Page) -> String {
    page.attributes("form", "action")
        .into_iter()
        .find(|action| action.starts_with("/staff/import/") && !action.ends_with("/cancel"))
        .expect("an import button")
}

/// The path of the form a page's button posts to (`action` ending in `suffix`).
fn action(page: &Page, suffix: &str) -> String {
    page.attributes("form", "action").into_iter().find(|action| action.ends_with(suffix)).expect("the form")
}

#[actix_web::test]
async fn an_editor_is_refused_the_sources_and_upload_pages_with_a_page_that_says_why() {
    let app = TestApp::spawn();
    let (editor, token) = logged_in_editor(&app).await;
    for path in ["/staff/sources", "/staff/sources/sync", "/staff/import"] {
        let page = get_as(&app, path, &editor).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(page.body.contains("Only an administrator can"), "{path}: {}", page.body);
        assert_eq!(page.header("cache-control"), Some("no-store"));
    }
    let preview =
        post(&app, "/staff/sources/preview", Some(&editor), &source_fields(&token, "x", "http://127.0.0.1:9/f")).await;
    assert_eq!(preview.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post(&app, "/staff/sources/sync", Some(&editor), &[("csrf", &token)]).await.status,
        StatusCode::FORBIDDEN
    );
    let uploaded = upload(&app, &editor, &[("csrf", &token)], Some(("f.json", b"[]"))).await;
    assert_eq!(uploaded.status, StatusCode::FORBIDDEN);
    let home = get_as(&app, "/staff", &editor).await;
    assert!(!home.body.contains("/staff/sources"), "an editor is not offered the sources page");
}

#[actix_web::test]
async fn every_sources_and_upload_form_is_refused_without_the_sessions_csrf_token() {
    let app = TestApp::spawn();
    let server = FeedServer::start();
    server.set("/feed.json", Canned::feed(&wild_feed(), "v1"));
    let (admin, _) = logged_in_admin(&app).await;
    let url = server.url("/feed.json");
    for token in ["", "not-the-token"] {
        for path in ["/staff/sources/preview", "/staff/sources"] {
            let page = post(&app, path, Some(&admin), &source_fields(token, "lakeview", &url)).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{path} with {token:?}");
        }
        assert_eq!(
            post(&app, "/staff/sources/sync", Some(&admin), &[("csrf", token)]).await.status,
            StatusCode::FORBIDDEN
        );
        let uploaded = upload(&app, &admin, &[("csrf", token)], Some(("f.json", b"[]"))).await;
        assert_eq!(uploaded.status, StatusCode::FORBIDDEN, "upload with {token:?}");
    }
    assert!(server.requests_for("/feed.json").is_empty(), "nothing was fetched");
    assert!(app.state.store.sources().expect("sources").is_empty(), "nothing was saved");
    assert!(app.state.jobs.sync_run().is_none(), "no sync was started");
    assert_eq!(app.state.jobs.uploads_waiting(), 0, "no upload was kept");
}

#[actix_web::test]
async fn a_feed_is_previewed_with_counts_warnings_and_zones_and_saved_only_when_asked() {
    let app = TestApp::spawn();
    let server = FeedServer::start();
    server.set("/feed.json?api_key=s3cret-key", Canned::feed(&wild_feed(), "v1"));
    let (admin, token) = logged_in_admin(&app).await;
    let before = active_slugs(&app);
    let url = format!("{}?api_key=s3cret-key", server.url("/feed.json"));

    let preview = post(&app, "/staff/sources/preview", Some(&admin), &source_fields(&token, "lakeview", &url)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(server.requests_for("/feed.json?api_key=s3cret-key").len(), 1, "the feed was fetched, with its key");
    assert!(preview.body.contains("3 meetings read: 3 would be added"), "{}", preview.body);
    assert!(preview.body.contains("(dry run: nothing was written)"));
    let zones = preview.texts("table.zones tbody tr");
    assert!(zones.iter().any(|row| row.contains("America/Chicago") && row.contains('2')), "{zones:?}");
    assert!(zones.iter().any(|row| row.contains("America/Los_Angeles") && row.contains('1')), "{zones:?}");
    let rows = preview.texts("table.preview-meetings tbody tr");
    assert!(rows.iter().any(|row| row.contains("Beach Noon") && row.contains("America/Los_Angeles")), "{rows:?}");
    let warnings = preview.texts("ul.problems li");
    assert!(warnings.iter().any(|w| w.contains("beach-noon") && w.contains("time")), "{warnings:?}");
    assert!(
        warnings.iter().any(|w| w.contains("nowhere-zone") && w.contains("timezone")),
        "the meeting given the site's zone is named: {warnings:?}"
    );
    assert!(!preview.texts("main").concat().contains("s3cret"), "the page shows the address without its key");
    assert!(preview.texts("dd.address").concat().ends_with("/feed.json"), "{:?}", preview.texts("dd.address"));
    assert!(app.state.store.sources().expect("sources").is_empty(), "a preview saves no source");
    assert_eq!(active_slugs(&app), before, "a preview writes no meeting");

    let saved =
        post(&app, &action(&preview, "/staff/sources"), Some(&admin), &source_fields(&token, "lakeview", &url)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.texts(".notice").concat().contains("Added source \"lakeview\""), "{}", saved.body);
    let sources = app.state.store.sources().expect("sources");
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].url, url, "the URL is kept as typed, key and all, to fetch");
    let list = get_as(&app, "/staff/sources", &admin).await;
    assert!(list.texts(".source-list h2").concat().contains("lakeview"));
    assert!(list.texts(".source-list dd").iter().any(|fact| fact == "never"), "not synced yet");
    assert!(!list.body.contains("s3cret"), "the list never shows the key");
    let log = get_as(&app, "/staff/log", &admin).await.texts("ol.audit-log li");
    assert!(log.iter().any(|entry| entry.contains("admin@example.org added the source: lakeview")), "{log:?}");
    assert!(!log.concat().contains("s3cret"), "the log shows the address without its key");
}

#[actix_web::test]
async fn a_preview_names_each_bad_field_or_the_feeds_failure_and_saves_nothing() {
    let app = TestApp::spawn();
    let server = FeedServer::start();
    server.set("/broken.json", Canned::status(500, "text/plain", "oops"));
    server.set("/page.html", Canned::status(200, "text/html", "<!doctype html><p>Not a feed"));
    server.set("/bad.json", Canned::feed(&[meeting("a", "A"), json!({"slug": "b", "name": "B", "day": 9})], "x"));
    let (admin, token) = logged_in_admin(&app).await;

    let typed = [
        ("csrf", token.as_str()),
        ("name", "Not A Slug!"),
        ("url", "ftp://files.example.org/feed.json"),
        ("group", "no-such-group"),
        ("timezone", "Mars/Olympus"),
    ];
    let refused = post(&app, "/staff/sources/preview", Some(&admin), &typed).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    let errors = refused.texts("p.field-error");
    for (id, words) in [
        ("source-name-error", "lower-case letters"),
        ("source-url-error", "http:// or https://"),
        ("source-group-error", "no such group"),
        ("source-timezone-error", "not an IANA time zone"),
    ] {
        let shown = refused.texts(&format!("#{id}"));
        assert!(shown.first().is_some_and(|text| text.contains(words)), "{id}: {errors:?}");
    }
    assert_eq!(refused.attributes("#source-name", "value"), vec!["Not A Slug!"], "what was typed is kept");

    for (path, words) in [
        ("/broken.json", "the server answered 500"),
        ("/page.html", "web page (HTML)"),
        ("/bad.json", "record 2 (slug \"b\"): day"),
    ] {
        let page =
            post(&app, "/staff/sources/preview", Some(&admin), &source_fields(&token, "lakeview", &server.url(path)))
                .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        let problems = page.texts(".form-problems li").concat();
        assert!(problems.contains("could not be previewed") && problems.contains(words), "{path}: {problems}");
    }
    assert!(app.state.store.sources().expect("sources").is_empty());
}

#[actix_web::test]
async fn sync_now_runs_in_the_background_and_its_page_shows_progress_then_the_result() {
    let app = TestApp::spawn();
    let server = FeedServer::start();
    let slow = Canned { delay: Duration::from_millis(1500), ..Canned::feed(&wild_feed(), "v1") };
    server.set("/lakeview.json", slow);
    server.set("/broken.json?key=hidden-value", Canned::status(503, "text/plain", "down"));
    let (admin, token) = logged_in_admin(&app).await;
    for (name, path) in [("lakeview", "/lakeview.json"), ("broken", "/broken.json?key=hidden-value")] {
        let saved = post(&app, "/staff/sources", Some(&admin), &source_fields(&token, name, &server.url(path))).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }

    let started = Instant::now();
    let asked = post(&app, "/staff/sources/sync", Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert_eq!(asked.header("location"), Some("/staff/sources/sync"));
    assert!(started.elapsed() < Duration::from_millis(1000), "the answer does not wait for the feeds");
    let running = get_as(&app, "/staff/sources/sync", &admin).await;
    assert!(running.body.contains("Running"), "{}", running.body);
    let again = post(&app, "/staff/sources/sync", Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(again.header("location"), Some("/staff/sources/sync?busy=1"), "one run at a time");

    let done = finished_run(&app, &admin).await;
    assert!(done.body.contains("Finished"), "{}", done.body);
    assert!(done.body.contains("2 sources synced, 1 failed"), "{}", done.body);
    let lines = done.texts("ul.sync-results li");
    assert!(lines.iter().any(|line| line.starts_with("lakeview: 3 meetings read: 3 added")), "{lines:?}");
    assert!(lines.iter().any(|line| line.contains("broken: FAILED") && line.contains("503")), "{lines:?}");
    assert!(!done.body.contains("hidden-value"), "no secret in the result");
    let asked_to_reload = get_as(&app, "/staff/sources/sync?auto=1", &admin).await;
    assert!(!asked_to_reload.body.contains("http-equiv"), "a finished run's page stays put");
    assert!(active_slugs(&app).contains(&"beach-noon".to_owned()), "the feed's meetings are on the site");

    let list = get_as(&app, "/staff/sources", &admin).await;
    let cards = list.texts(".source-list > li");
    let lakeview = cards.iter().find(|card| card.starts_with("lakeview")).expect("lakeview");
    assert!(lakeview.contains("3 (6 warnings at the last good sync)"), "{lakeview}");
    assert!(!lakeview.contains("never"), "{lakeview}");
    let broken = cards.iter().find(|card| card.starts_with("broken")).expect("broken");
    assert!(broken.contains("last sync failed") && broken.contains("503"), "{broken}");
    assert!(!list.body.contains("hidden-value"));

    // One source alone: only its feed is fetched.
    let before = server.requests_for("/lakeview.json").len();
    let one = post(&app, "/staff/sources/broken/sync", Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(one.status, StatusCode::SEE_OTHER);
    let done = finished_run(&app, &admin).await;
    assert!(done.body.contains("1 sources synced, 1 failed"), "{}", done.body);
    assert_eq!(server.requests_for("/lakeview.json").len(), before, "the other source was not fetched");
    let log = get_as(&app, "/staff/log", &admin).await.texts("ol.audit-log li");
    let synced: Vec<&String> = log.iter().filter(|entry| entry.contains("synced sources now")).collect();
    assert_eq!(synced.len(), 2, "{log:?}");
    assert!(synced.iter().any(|entry| entry.contains("2 sources synced, 1 failed")), "{synced:?}");
    assert!(!log.concat().contains("hidden-value"), "no secret in the log");
}

#[actix_web::test]
async fn removing_a_source_asks_first_then_archives_its_meetings() {
    let app = TestApp::spawn();
    let server = FeedServer::start();
    server.set("/lakeview.json", Canned::feed(&[meeting("tuesday-night", "Tuesday Night Group")], "v1"));
    let (admin, token) = logged_in_admin(&app).await;
    post(&app, "/staff/sources", Some(&admin), &source_fields(&token, "lakeview", &server.url("/lakeview.json"))).await;
    post(&app, "/staff/sources/lakeview/sync", Some(&admin), &[("csrf", &token)]).await;
    finished_run(&app, &admin).await;
    assert!(active_slugs(&app).contains(&"tuesday-night".to_owned()));

    let asked = get_as(&app, "/staff/sources/lakeview/remove", &admin).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.texts("h1").concat().contains("Remove the source “lakeview”?"), "{}", asked.body);
    assert!(asked.texts("main p").concat().contains("Its 1 meetings are archived"), "{}", asked.body);
    assert_eq!(app.state.store.sources().expect("sources").len(), 1, "asking removes nothing");
    assert_eq!(get_as(&app, "/staff/sources/nothing-here/remove", &admin).await.status, StatusCode::NOT_FOUND);

    let removed = post(&app, &action(&asked, "/remove"), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    let notice = removed.texts(".notice").concat();
    assert!(notice.contains("Removed source \"lakeview\"; 1 of its meetings were archived"), "{notice}");
    assert!(app.state.store.sources().expect("sources").is_empty());
    assert!(!active_slugs(&app).contains(&"tuesday-night".to_owned()));
    let log = get_as(&app, "/staff/log", &admin).await.texts("ol.audit-log li");
    assert!(log.iter().any(|entry| entry.contains("removed the source: lakeview; 1 of its meetings")), "{log:?}");
}

/// A CSV in the TSML plugin's columns, with a 12-hour time (a warning).
const GOOD_CSV: &[u8] = b"Slug,Name,Day,Time,Location,Address,City,State,Postal Code,Types\n\
    sunday-serenity,Sunday Serenity,Sunday,7:00 PM,St. Mark's,12 Elm St,Lakeview,MN,55001,\"O, D\"\n\
    monday-step,Monday Step Study,1,18:30,Library,3 Oak St,Lakeview,MN,55001,C\n";

#[actix_web::test]
async fn an_uploaded_file_is_previewed_with_its_warnings_then_imported_and_logged() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let before = active_slugs(&app);
    let fields = [("csrf", token.as_str()), ("group", "alcoholics-anonymous"), ("timezone", "America/Chicago")];
    let preview = upload(&app, &admin, &fields, Some(("lakeview-meetings.csv", GOOD_CSV))).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("Preview of lakeview-meetings.csv"));
    assert!(preview.body.contains("2 meetings read: 2 would be added"), "{}", preview.body);
    let warnings = preview.texts("ul.problems li");
    assert!(
        warnings.iter().any(|w| w.contains("sunday-serenity") && w.contains("time") && w.contains("7:00 PM")),
        "{warnings:?}"
    );
    assert_eq!(active_slugs(&app), before, "the preview imports nothing");

    let imported = post(&app, &import_action(&preview), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert!(
        imported.body.contains("Imported lakeview-meetings.csv: 2 meetings read: 2 were added"),
        "{}",
        imported.body
    );
    let after = active_slugs(&app);
    assert!(after.contains(&"sunday-serenity".to_owned()) && after.contains(&"monday-step".to_owned()), "{after:?}");
    let log = get_as(&app, "/staff/log", &admin).await;
    let entry =
        log.texts("ol.audit-log li").into_iter().find(|entry| entry.contains("imported a file")).expect("logged");
    assert!(entry.contains("admin@example.org") && entry.contains("lakeview-meetings.csv"), "{entry}");
    assert!(entry.contains("2 meetings read, 2 warnings") && entry.contains("2 added, 0 updated"), "{entry}");

    // Used once: the same token imports nothing again.
    let again = post(&app, &import_action(&preview), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(again.status, StatusCode::GONE);
}

#[actix_web::test]
async fn a_cancelled_upload_imports_nothing_and_its_token_is_dead() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let before = active_slugs(&app);
    let preview =
        upload(&app, &admin, &[("csrf", &token), ("group", "alcoholics-anonymous")], Some(("a.csv", GOOD_CSV))).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let cancel = action(&preview, "/cancel");
    let cancelled = post(&app, &cancel, Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    assert_eq!(cancelled.header("location"), Some("/staff/import?cancelled=1"));
    assert!(get_as(&app, "/staff/import?cancelled=1", &admin).await.body.contains("Cancelled: nothing was imported."));
    let import = import_action(&preview);
    assert_eq!(post(&app, &import, Some(&admin), &[("csrf", &token)]).await.status, StatusCode::GONE);
    assert_eq!(active_slugs(&app), before);
    assert_eq!(app.state.jobs.uploads_waiting(), 0, "the file is gone");
}

#[actix_web::test]
async fn an_upload_waits_only_for_the_session_that_made_it() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let preview =
        upload(&app, &admin, &[("csrf", &token), ("group", "alcoholics-anonymous")], Some(("a.csv", GOOD_CSV))).await;
    let import = import_action(&preview);
    let other = crate::staff::login(&app, "admin@example.org").await;
    let other_token = crate::staff::csrf(&app, &other).await;
    let stolen = post(&app, &import, Some(&other), &[("csrf", &other_token)]).await;
    assert_eq!(stolen.status, StatusCode::GONE, "another session (even of the same account) cannot import it");
    assert!(!active_slugs(&app).contains(&"sunday-serenity".to_owned()));
}

#[actix_web::test]
async fn a_bad_upload_gets_a_400_page_naming_each_record_and_field_and_imports_nothing() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let before = active_slugs(&app);
    let bad = serde_json::to_vec(&json!([
        meeting("fine-one", "Fine One"),
        {"slug": "bad-day", "name": "Bad Day", "day": 9, "time": "19:00"},
        {"slug": "bad-time", "name": "Bad Time", "day": 1, "time": "25:99"},
        {"slug": "fine-one", "name": "Twice", "day": 1, "time": "19:00"},
    ]))
    .expect("JSON");
    let fields = [("csrf", token.as_str()), ("group", "alcoholics-anonymous")];
    let refused = upload(&app, &admin, &fields, Some(("broken.json", &bad))).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("Nothing was imported from broken.json"));
    let errors = refused.texts(".form-problems li");
    for (record, field) in [
        ("record 2 (slug \"bad-day\")", "day"),
        ("record 3 (slug \"bad-time\")", "time"),
        ("record 4 (slug \"fine-one\")", "slug"),
    ] {
        assert!(
            errors.iter().any(|error| error.starts_with(record) && error.contains(&format!(": {field}: "))),
            "{record} {field}: {errors:?}"
        );
    }
    assert!(
        refused.attributes("form", "action").iter().all(|action| !action.starts_with("/staff/import/")),
        "no import button"
    );
    assert_eq!(app.state.jobs.uploads_waiting(), 0, "a bad file is not kept");
    assert_eq!(active_slugs(&app), before, "nothing was imported, not even the good record");

    let strict = upload(
        &app,
        &admin,
        &[("csrf", &token), ("group", "alcoholics-anonymous"), ("strict", "yes")],
        Some(("s.csv", GOOD_CSV)),
    )
    .await;
    assert_eq!(strict.status, StatusCode::BAD_REQUEST, "strict: a warning is an error");
    assert!(strict.texts(".form-problems li").iter().any(|e| e.contains("sunday-serenity") && e.contains("strict")));
    for (file, words) in [(&b"\xff\xfe[\x00]\x00"[..], "not UTF-8 text"), (&b""[..], "choose a JSON or CSV file")] {
        let page = upload(&app, &admin, &[("csrf", &token)], Some(("x.json", file))).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(page.texts(".form-problems li").concat().contains(words), "{}", page.body);
    }
    let unknown =
        upload(&app, &admin, &[("csrf", &token), ("group", "no-such-group")], Some(("a.csv", GOOD_CSV))).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.texts(".form-problems li").concat().contains("there is no group \"no-such-group\""));
    assert_eq!(active_slugs(&app), before);
}

#[actix_web::test]
async fn an_upload_larger_than_the_largest_feed_a_sync_reads_is_refused_and_not_kept() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let limit = usize::try_from(mutual_support::sync::MAX_FEED_BYTES).expect("fits");
    let mut huge = vec![b' '; limit + 1];
    huge[0] = b'[';
    let refused = upload(&app, &admin, &[("csrf", &token)], Some(("huge.json", &huge))).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.state.jobs.uploads_waiting(), 0);
}

/// A BMLT root server answering every switcher from `tests/fixtures/bmlt/` (three meetings in
/// Berlin; it does not page).
fn bmlt_root_server() -> crate::support::TestServer {
    use crate::support::Reply;
    crate::support::TestServer::start(|request| match request.query("switcher").as_deref() {
        Some("GetServerInfo") => Reply::json(include_bytes!("../fixtures/bmlt/server-info.json")),
        Some("GetServiceBodies") => Reply::json(include_bytes!("../fixtures/bmlt/service-bodies.json")),
        Some("GetFormats") => Reply::json(include_bytes!("../fixtures/bmlt/formats-de.json")),
        Some("GetSearchResults") => Reply::json(include_bytes!("../fixtures/bmlt/search-results.json")),
        _ => Reply::status(422, "application/json", r#"{"message":"Invalid data format or endpoint name."}"#),
    })
}

#[actix_web::test]
async fn a_bmlt_root_server_is_previewed_and_saved_as_narcotics_anonymous_unless_a_group_is_chosen() {
    let app = TestApp::spawn();
    let server = bmlt_root_server();
    let (admin, token) = logged_in_admin(&app).await;
    let url = server.url("/main_server/client_interface/json/");
    let typed = [
        ("csrf", token.as_str()),
        ("name", "berlin"),
        ("url", &url),
        ("group", ""),
        ("format", "bmlt"),
        ("services", ""),
        ("change_form", "https://na-berlin.example.org/aenderung"),
    ];
    let preview = post(&app, "/staff/sources/preview", Some(&admin), &typed).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.texts(".notice").concat().contains("3 meetings read: 3 would be added"), "{}", preview.body);
    assert!(preview.texts("dd").iter().any(|fact| fact == "BMLT root server"), "{:?}", preview.texts("dd"));
    assert!(
        preview.texts("table.zones td").contains(&"Europe/Berlin".to_owned()),
        "{:?}",
        preview.texts("table.zones td")
    );
    assert!(app.state.store.sources().expect("sources").is_empty(), "a preview saves nothing");

    let saved = post(&app, &action(&preview, "/staff/sources"), Some(&admin), &typed).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let source = app.state.store.source("berlin").expect("read").expect("saved");
    assert_eq!(source.format, mutual_support::feed::SourceFormat::Bmlt);
    assert_eq!(source.group_slug, "narcotics-anonymous");
    assert_eq!(source.url, server.url("/main_server"), "the root server's base, as `source add` keeps it");
    assert_eq!(
        source.change_form.as_deref(),
        Some("https://na-berlin.example.org/aenderung"),
        "kept through the preview"
    );

    // A Meeting Guide feed names its group; service bodies go with BMLT only, as numbers.
    let feed = [
        ("csrf", token.as_str()),
        ("name", "lakeview"),
        ("url", &url),
        ("group", ""),
        ("format", "meeting-guide"),
        ("services", "2, x"),
        ("change_form", "https://lakeview.example.org/form"),
    ];
    let refused = post(&app, "/staff/sources/preview", Some(&admin), &feed).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.texts("#source-group-error").concat().contains("fellowship"), "{}", refused.body);
    assert!(
        refused.texts("#source-services-error").concat().contains("numbers separated by commas"),
        "{}",
        refused.body
    );
    assert!(refused.texts("#source-change-form-error").concat().contains("--format bmlt"), "{}", refused.body);
}

#[actix_web::test]
async fn a_saved_bmlt_answer_is_uploaded_as_narcotics_anonymous_meetings() {
    let app = TestApp::spawn();
    let (admin, token) = logged_in_admin(&app).await;
    let answer = include_bytes!("../fixtures/bmlt/search-results.json");
    let preview = upload(&app, &admin, &[("csrf", &token), ("format", "bmlt")], Some(("berlin.json", answer))).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.texts(".notice").concat().contains("3 meetings read: 3 would be added"), "{}", preview.body);
    let imported = post(&app, &import_action(&preview), Some(&admin), &[("csrf", &token)]).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let mut groups = Vec::new();
    app.state.store.each_active_meeting(|_, meeting| groups.push(meeting.group_slug)).expect("meetings");
    assert_eq!(groups, vec![Some("narcotics-anonymous".to_owned()); 3]);
}
