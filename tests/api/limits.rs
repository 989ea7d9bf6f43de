//! Trust and limits: who a request comes from (forwarded headers believed only from a trusted
//! proxy), the public form's hourly limit and the login limits holding against a client that
//! makes up its address, the request queue's pages, the keyed sender hash, the form size that
//! fits every field's limit, and the staff "Reply to" link.

use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use mutual_support::db::{NewChangeRequest, Role};
use mutual_support::deployment::Deployment;
use sha2::{Digest, Sha256};

use crate::helpers::TestApp;
use crate::staff::{
    PASSWORD, PEER, SAMPLE, add_user, attempt, attempt_with, get_as, logged_in_editor, request_change,
    request_change_from, set_cookie,
};

/// A client on this machine, with and without the IPv4-mapped IPv6 spelling of its address.
const LOOPBACK: [&str; 2] = ["127.0.0.1:5000", "[::ffff:127.0.0.1]:5001"];

/// Headers of a client that claims to be someone new every time.
fn claimed(n: usize) -> Vec<(&'static str, String)> {
    vec![("x-forwarded-for", format!("198.51.100.{n}")), ("forwarded", format!("for=198.51.100.{n}"))]
}

/// The same app on its database, behind a proxy at `proxy`.
fn behind_proxy(app: &TestApp, proxy: &str) -> TestApp {
    let deployment = Deployment { trusted_proxies: vec![proxy.parse().expect("address")], ..Default::default() };
    let settings = app.state.settings.clone();
    TestApp::from_state(mutual_support::state::AppState::prepare_deployed(settings, deployment).expect("starts"))
}

#[actix_web::test]
async fn the_hourly_limit_holds_against_made_up_forwarded_addresses_from_loopback_without_a_trusted_proxy() {
    let app = TestApp::spawn();
    for n in 0..6 {
        let message = format!("Attempt {n}: the room moved");
        let peer = LOOPBACK[n % 2];
        let page = request_change_from(&app, SAMPLE, &[("message", &message)], peer, &claimed(n)).await;
        let expected = if n < 5 { StatusCode::OK } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(page.status, expected, "request {n}: {}", page.body);
    }
    assert_eq!(app.state.store.open_requests().expect("reads").len(), 5);
}

#[actix_web::test]
async fn an_ipv6_client_taking_a_new_address_of_its_64_for_every_request_is_counted_once() {
    let app = TestApp::spawn();
    for n in 0..6 {
        let peer = format!("[2001:db8:1:2::{n:x}]:5000");
        let page = request_change_from(&app, SAMPLE, &[("message", &format!("Attempt {n}"))], &peer, &[]).await;
        let expected = if n < 5 { StatusCode::OK } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(page.status, expected, "request {n}");
    }
    let neighbour = request_change_from(&app, SAMPLE, &[("message", "next door")], "[2001:db8:1:3::1]:5000", &[]).await;
    assert_eq!(neighbour.status, StatusCode::OK, "another /64 is someone else");
}

#[actix_web::test]
async fn the_login_pause_holds_against_made_up_forwarded_addresses_from_loopback_without_a_trusted_proxy() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    for n in 0..5 {
        let email = format!("guess{n}@example.org");
        let page = attempt_with(&app, &email, "wrong guess!!", LOOPBACK[n % 2], "http", &claimed(n)).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    }
    let paused = attempt_with(&app, "editor@example.org", PASSWORD, LOOPBACK[0], "http", &claimed(99)).await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS, "{}", paused.body);
    assert!(set_cookie(&paused, "staff_session").is_none());
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_limit_counts_the_address_the_proxy_saw_and_reads_forwarded() {
    let base = TestApp::spawn();
    let app = behind_proxy(&base, "127.0.0.1");
    // nginx appends the address it saw to whatever the client sent: the right-most entry counts.
    for n in 0..6 {
        let headers = [("x-forwarded-for", format!("198.51.100.{n}, 192.0.2.1"))];
        let message = format!("Attempt {n}");
        let page = request_change_from(&app, SAMPLE, &[("message", &message)], LOOPBACK[n % 2], &headers).await;
        let expected = if n < 5 { StatusCode::OK } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(page.status, expected, "request {n}");
    }
    // `Forwarded` names the client when the proxy sends it (and wins over X-Forwarded-For).
    let headers = [("forwarded", "for=\"[2001:db8::7]:4711\";proto=https".to_owned()), claimed(1)[0].clone()];
    let other = request_change_from(&app, SAMPLE, &[("message", "another client")], LOOPBACK[0], &headers).await;
    assert_eq!(other.status, StatusCode::OK, "another client, by Forwarded");
    let same = [("forwarded", "for=192.0.2.1".to_owned()), ("x-forwarded-for", "203.0.113.50".to_owned())];
    let refused = request_change_from(&app, SAMPLE, &[("message", "again")], LOOPBACK[1], &same).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "the first client again, by Forwarded");
    // A peer that is not the proxy is itself the client, whatever it claims.
    let direct = request_change_from(&app, SAMPLE, &[("message", "direct")], PEER, &claimed(1)).await;
    assert_eq!(direct.status, StatusCode::OK);
}

#[actix_web::test]
async fn the_secure_flag_follows_the_scheme_only_as_a_trusted_proxy_tells_it() {
    let base = TestApp::spawn();
    add_user(&base, "editor@example.org", Role::Editor);
    let secure = |page: &crate::helpers::Page| {
        set_cookie(page, "staff_session").expect("logged in").split(';').any(|part| part.trim() == "Secure")
    };
    let says_https = [("x-forwarded-proto", "https".to_owned())];
    let says_http = [("x-forwarded-proto", "http".to_owned())];
    let spoofed = attempt_with(&base, "editor@example.org", PASSWORD, LOOPBACK[0], "http", &says_https).await;
    assert!(!secure(&spoofed), "a loopback client is not a proxy unless named");
    let spoofed = attempt_with(&base, "editor@example.org", PASSWORD, PEER, "https", &says_http).await;
    assert!(secure(&spoofed), "a client cannot talk the flag away");
    let app = behind_proxy(&base, "127.0.0.1");
    let proxied = attempt_with(&app, "editor@example.org", PASSWORD, LOOPBACK[1], "http", &says_https).await;
    assert!(secure(&proxied), "the proxy's word is taken");
    let forwarded = [("forwarded", "for=192.0.2.1;proto=https".to_owned()), says_http[0].clone()];
    let proxied = attempt_with(&app, "editor@example.org", PASSWORD, LOOPBACK[0], "http", &forwarded).await;
    assert!(secure(&proxied), "Forwarded's proto wins");
}

#[actix_web::test]
async fn guessing_pauses_the_guessing_address_but_the_owner_still_logs_in_from_another_after_a_delay() {
    let app = TestApp::spawn();
    add_user(&app, "admin@example.org", Role::Admin);
    for _ in 0..5 {
        let page = attempt(&app, "admin@example.org", "wrong guess!!", PEER, "http").await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    }
    let paused = attempt(&app, "admin@example.org", PASSWORD, PEER, "http").await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS, "the guessing address is paused");
    assert!(paused.body.contains("try again after"), "{}", paused.body);
    assert!(set_cookie(&paused, "staff_session").is_none());
    // The owner, elsewhere: let in with the right password, after the account's delay.
    let started = Instant::now();
    let owner = attempt(&app, "admin@example.org", PASSWORD, "198.51.100.9:4000", "http").await;
    assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);
    assert!(set_cookie(&owner, "staff_session").is_some());
    assert!(started.elapsed() >= Duration::from_secs(1), "an attacked account answers slowly");
    // A guesser moving to a new address is slowed the same way, and refused.
    let started = Instant::now();
    let moved = attempt(&app, "admin@example.org", "wrong again!!", "198.51.100.10:4000", "http").await;
    assert_eq!(moved.status, StatusCode::UNAUTHORIZED);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

/// Stores a change request to the sample meeting as if sent (straight into the store).
fn store_request(app: &TestApp, message: String, reply_to: Option<&str>) -> i64 {
    let request = NewChangeRequest {
        meeting_slug: Some(SAMPLE.to_owned()),
        requested: serde_json::Map::new(),
        closed_for_good: false,
        message: Some(message),
        reply_to: reply_to.map(str::to_owned),
        sender_hash: "stored by the test".to_owned(),
    };
    app.state.store.add_change_request(&request).expect("stored")
}

#[actix_web::test]
async fn the_request_queue_is_paged_so_a_flood_leaves_it_usable() {
    let app = TestApp::spawn();
    for n in 0..130 {
        store_request(&app, format!("flood {n} {}", "x".repeat(4_000)), None);
    }
    let (cookie, _) = logged_in_editor(&app).await;
    let rows = |page: &crate::helpers::Page| page.attributes("table.staff-table tbody tr td:first-child a", "href");
    let first = get_as(&app, "/staff/requests", &cookie).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(rows(&first).len(), 50);
    assert_eq!(rows(&first)[0], "/staff/requests/1", "oldest first");
    assert!(first.body.len() < 64 * 1024, "a page stays small: {} bytes", first.body.len());
    assert!(first.body.contains("1–50 of 130"), "{}", first.body);
    assert_eq!(first.attributes("a[rel=next]", "href"), ["/staff/requests?page=2"]);
    let last = get_as(&app, "/staff/requests?page=3", &cookie).await;
    assert_eq!(rows(&last).len(), 30);
    assert_eq!(rows(&last)[0], "/staff/requests/101");
    assert_eq!(last.attributes("a[rel=prev]", "href"), ["/staff/requests?page=2"]);
    assert!(last.attributes("a[rel=next]", "href").is_empty());
    let past = get_as(&app, "/staff/requests?page=9", &cookie).await;
    assert_eq!((past.status, rows(&past).len()), (StatusCode::OK, 0));
    assert!(past.body.contains("past the last one"), "{}", past.body);
    let bad = get_as(&app, "/staff/requests?page=zero", &cookie).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("not a page number"), "{}", bad.body);
    assert!(get_as(&app, "/staff", &cookie).await.body.contains("130 open"));
}

fn stored_sender_hashes(app: &TestApp) -> Vec<String> {
    let connection = rusqlite::Connection::open(&app.state.settings.database_path).expect("opens");
    let mut statement = connection.prepare("SELECT sender_hash FROM change_requests ORDER BY id").expect("query");
    statement.query_map([], |row| row.get(0)).expect("runs").collect::<Result<_, _>>().expect("reads")
}

#[actix_web::test]
async fn the_sender_hash_is_keyed_with_this_sites_own_secret_not_a_sha256_of_the_address() {
    let (first, second) = (TestApp::spawn(), TestApp::spawn());
    for app in [&first, &second] {
        let page = request_change(app, SAMPLE, &[("message", "the room moved")]).await;
        assert_eq!(page.status, StatusCode::OK);
    }
    let address = PEER.split(':').next().expect("an address");
    let unkeyed: Vec<String> = [address.to_owned(), format!("change-request:{address}")]
        .iter()
        .map(|text| Sha256::digest(text.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect())
        .collect();
    let (one, two) = (stored_sender_hashes(&first), stored_sender_hashes(&second));
    assert_eq!(one[0].len(), 64, "{one:?}");
    assert!(!unkeyed.contains(&one[0]), "hashing the address finds it: {one:?}");
    assert_ne!(one, two, "each site's secret is its own");
}

#[actix_web::test]
async fn a_message_of_5000_emoji_or_chinese_characters_fits_the_form() {
    let app = TestApp::spawn();
    for (n, letter) in ["😀", "中", "👩🏽"].into_iter().enumerate() {
        let limit = mutual_support::routes::requests::MAX_MESSAGE_CHARS / letter.chars().count();
        let message = letter.repeat(limit);
        let page = request_change(&app, SAMPLE, &[("message", &message), ("location", &"场".repeat(1_000))]).await;
        assert_eq!(page.status, StatusCode::OK, "{letter}: {}", page.body);
        let stored = app.state.store.open_requests().expect("reads");
        assert_eq!(stored.len(), n + 1);
        assert_eq!(stored[n].message.as_deref(), Some(message.as_str()), "kept whole");
    }
    let too_long = request_change(&app, SAMPLE, &[("message", &"😀".repeat(5_001))]).await;
    assert_eq!(too_long.status, StatusCode::BAD_REQUEST, "too long is said as such, not 413");
    assert!(too_long.body.contains("5000") || too_long.body.contains("5,000"), "{}", too_long.body);
}

#[actix_web::test]
async fn staff_notes_of_10000_emoji_fit_the_form() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let edit = get_as(&app, &format!("/staff/meetings/{SAMPLE}/edit"), &cookie).await;
    let mut fields: Vec<(String, String)> = Vec::new();
    for input in ["name", "time", "end_time", "timezone", "types", "location", "formatted_address"] {
        let shown = edit.attributes(&format!("[name={input}]"), "value").pop().unwrap_or_default();
        fields.push((input.to_owned(), shown));
    }
    let fellowship = edit.attributes("select[name=fellowship] option[selected]", "value");
    fields.push(("fellowship".to_owned(), fellowship.first().cloned().expect("a fellowship chosen")));
    for day in edit.attributes("input[name=day][checked]", "value") {
        fields.push(("day".to_owned(), day));
    }
    let notes = "🙂".repeat(mutual_support::feed::MAX_NOTES_CHARS);
    fields.push(("notes".to_owned(), notes.clone()));
    fields.push(("csrf".to_owned(), token));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    let saved = crate::staff::post(&app, &format!("/staff/meetings/{SAMPLE}/edit"), Some(&cookie), &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let meeting = app.state.store.meeting(SAMPLE).expect("reads").expect("listed");
    assert_eq!(meeting.notes.as_deref(), Some(notes.as_str()));
}

#[actix_web::test]
async fn a_reply_address_carrying_mail_headers_is_refused_and_never_becomes_a_link() {
    let app = TestApp::spawn();
    let hostile = "me@example.org?bcc=everyone@example.net&body=Click%20here";
    let refused = request_change(&app, SAMPLE, &[("location", "Elsewhere"), ("reply_to", hostile)]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("does not look like an e-mail address"), "{}", refused.body);
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing kept");
    let plain =
        request_change(&app, SAMPLE, &[("location", "Elsewhere"), ("reply_to", "visitor+ward@example.org")]).await;
    assert_eq!(plain.status, StatusCode::OK);
    // One stored before addresses were checked is shown, but not as a link.
    let old_id = store_request(&app, "from before".to_owned(), Some(hostile));
    let requests = app.state.store.open_requests().expect("reads");
    let (cookie, _) = logged_in_editor(&app).await;
    let review = get_as(&app, &format!("/staff/requests/{}", requests[0].id), &cookie).await;
    assert_eq!(review.attributes("a[href^=mailto]", "href"), ["mailto:visitor+ward@example.org"]);
    let review = get_as(&app, &format!("/staff/requests/{old_id}"), &cookie).await;
    assert!(review.attributes("a[href^=mailto]", "href").is_empty(), "{}", review.body);
    assert!(review.body.contains("not a plain e-mail address"));
}
