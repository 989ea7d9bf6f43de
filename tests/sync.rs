//! Sources and sync, run as staff would: the real binary on a temporary database, fetching from a
//! small HTTP server the test starts on 127.0.0.1 (canned answers, every request recorded).

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

mod feed_server;
mod support;
use feed_server::{Canned, FeedServer, gzipped};
use support::{Site, text};

const BINARY: &str = env!("CARGO_BIN_EXE_mutual-support");

/// A Meeting Guide record.
fn meeting(slug: &str, name: &str) -> Value {
    json!({
        "slug": slug, "name": name, "day": 2, "time": "19:00", "timezone": "America/Chicago",
        "types": ["O", "D"], "location": "Community Hall", "formatted_address": "1 Main St, Lakeview, MN 55001, USA"
    })
}

/// A site whose `sync` has a short timeout and a small size limit.
fn small_site() -> Site {
    Site::with_sync_limits(&["--fetch-timeout", "1s", "--max-bytes", "4000"])
}

/// What these tests do to a site beyond running the binary.
trait Sources {
    fn add_source(&self, name: &str, url: &str);
    fn add_source_following_redirects(&self, name: &str, url: &str);
    /// The active meetings: public slug → name.
    fn meetings(&self) -> BTreeMap<String, String>;
}

impl Sources for Site {
    fn add_source(&self, name: &str, url: &str) {
        self.run_ok(&["source", "add", "--group", "alcoholics-anonymous", name, url]);
    }

    fn add_source_following_redirects(&self, name: &str, url: &str) {
        self.run_ok(&["source", "add", "--group", "alcoholics-anonymous", "--follow-redirects", name, url]);
    }

    fn meetings(&self) -> BTreeMap<String, String> {
        self.exported()
            .iter()
            .map(|meeting| {
                let field = |name: &str| meeting[name].as_str().unwrap_or_default().to_owned();
                (field("slug"), field("name"))
            })
            .collect()
    }
}

fn line_of<'a>(output: &'a str, source: &str) -> &'a str {
    output.lines().find(|line| line.starts_with(&format!("{source}:"))).unwrap_or_default()
}

/// Two sources, `north` and `south`, each with two meetings, synced once.
fn two_synced_sources() -> (FeedServer, Site) {
    let server = FeedServer::start();
    server.set("/north.json", Canned::feed(&[meeting("n-1", "North One"), meeting("n-2", "North Two")], "n1"));
    server.set("/south.json", Canned::feed(&[meeting("s-1", "South One"), meeting("s-2", "South Two")], "s1"));
    let site = small_site();
    site.add_source("north", &server.url("/north.json"));
    site.add_source("south", &server.url("/south.json"));
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    (server, site)
}

/// Breaks `south` with `broken`, changes `north`, syncs both: `north` is imported, `south` fails
/// with a line containing `reason` and keeps its meetings, and the exit code says a source failed.
fn assert_failing_south_keeps_its_meetings(broken: Canned, reason: &str) {
    let (server, site) = two_synced_sources();
    site.run_ok(&["import", &write_entered_here(&site)]);
    server.set(
        "/north.json",
        Canned::feed(&[meeting("n-1", "North One"), meeting("n-2", "North Two"), meeting("n-3", "North Three")], "n2"),
    );
    server.set("/south.json", broken);
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok, "a failing source makes the exit code 1:\n{output}");
    assert!(line_of(&output, "south").contains("FAILED"), "{output}");
    assert!(line_of(&output, "south").contains(reason), "{output}");
    assert!(line_of(&output, "north").contains("1 added"), "the other source still syncs:\n{output}");
    let slugs: Vec<String> = site.meetings().into_keys().collect();
    assert_eq!(slugs, ["entered-here", "n-1", "n-2", "n-3", "s-1", "s-2"]);
    let list = site.run_ok(&["source", "list"]);
    let south = list.lines().find(|line| line.starts_with("south")).unwrap_or_default();
    assert!(south.contains(reason), "source list shows the last error:\n{list}");
}

/// A meeting entered here with the CLI `import`, which no source may touch.
fn write_entered_here(site: &Site) -> String {
    let path = site.database.with_file_name("entered-here.json");
    std::fs::write(&path, serde_json::to_vec(&[meeting("entered-here", "Entered Here")]).expect("JSON"))
        .expect("written");
    path.display().to_string()
}

#[test]
fn a_first_sync_imports_every_source_and_source_list_shows_it() {
    let (server, site) = two_synced_sources();
    let slugs: Vec<String> = site.meetings().into_keys().collect();
    assert_eq!(slugs, ["n-1", "n-2", "s-1", "s-2"]);
    let request = &server.requests_for("/north.json")[0];
    assert!(!request.headers.contains_key("if-none-match"), "a first fetch is unconditional");
    assert!(request.headers.get("accept-encoding").is_some_and(|value| value.contains("gzip")), "{request:?}");
    let list = site.run_ok(&["source", "list"]);
    let north = list.lines().find(|line| line.starts_with("north")).expect("north is listed");
    for expected in ["alcoholics-anonymous", "2", "just now", "none", &server.url("/north.json")] {
        assert!(north.contains(expected), "{expected} missing in:\n{list}");
    }
}

#[test]
fn an_unchanged_feed_is_asked_for_conditionally_and_its_304_counts_as_success() {
    let (server, site) = two_synced_sources();
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert!(line_of(&output, "north").contains("unchanged (304)"), "{output}");
    let second = &server.requests_for("/north.json")[1];
    assert_eq!(second.headers.get("if-none-match").map(String::as_str), Some("\"n1\""));
    assert_eq!(second.headers.get("if-modified-since").map(String::as_str), Some("Sat, 28 Nov 2026 10:00:00 GMT"));
    assert_eq!(site.meetings().len(), 4);
}

#[test]
fn a_changed_feed_archives_the_meeting_it_dropped_and_adds_the_new_one() {
    let (server, site) = two_synced_sources();
    site.run_ok(&["import", &write_entered_here(&site)]);
    server
        .set("/north.json", Canned::feed(&[meeting("n-1", "North One, renamed"), meeting("n-3", "North Three")], "n2"));
    let (ok, output, errors) = site.sync(&["north"]);
    assert!(ok, "{output}{errors}");
    assert!(line_of(&output, "north").contains("1 added, 1 updated, 0 unchanged, 1 archived"), "{output}");
    let meetings = site.meetings();
    assert_eq!(meetings.keys().collect::<Vec<_>>(), ["entered-here", "n-1", "n-3", "s-1", "s-2"]);
    assert_eq!(meetings["n-1"], "North One, renamed");
}

#[test]
fn a_server_error_fails_that_source_alone_and_it_keeps_its_last_good_meetings() {
    assert_failing_south_keeps_its_meetings(Canned::status(500, "text/plain", "oops"), "500");
}

#[test]
fn a_server_slower_than_the_timeout_fails_that_source_alone() {
    let slow = Canned { delay: Duration::from_secs(3), ..Canned::feed(&[meeting("s-9", "Too Late")], "late") };
    assert_failing_south_keeps_its_meetings(slow, "timed out");
}

#[test]
fn a_web_page_instead_of_a_feed_fails_that_source_alone() {
    let page = Canned::status(200, "text/html; charset=utf-8", "<!doctype html><title>Moved</title>");
    assert_failing_south_keeps_its_meetings(page, "web page (HTML)");
}

#[test]
fn html_sent_as_json_is_still_a_web_page_and_not_a_feed() {
    let page = Canned::status(200, "application/json", "\n  <html><body>Login</body></html>");
    assert_failing_south_keeps_its_meetings(page, "web page (HTML)");
}

#[test]
fn a_feed_over_the_size_limit_fails_that_source_alone() {
    let many: Vec<Value> = (0..100).map(|n| meeting(&format!("s-{n}"), "A Meeting With A Long Name")).collect();
    assert_failing_south_keeps_its_meetings(Canned::feed(&many, "big"), "larger than the limit of 4000 bytes");
}

#[test]
fn a_feed_with_a_bad_record_fails_that_source_alone_and_says_which_record() {
    let mut bad = meeting("s-3", "Bad Day");
    bad["day"] = json!(9);
    assert_failing_south_keeps_its_meetings(
        Canned::feed(&[meeting("s-1", "South One"), bad], "bad"),
        "record 2 (slug \"s-3\"): day",
    );
}

#[test]
fn an_unreachable_server_fails_that_source_alone() {
    let (server, site) = two_synced_sources();
    let closed = TcpListener::bind("127.0.0.1:0").expect("port");
    let url = format!("http://127.0.0.1:{}/gone.json", closed.local_addr().expect("address").port());
    drop(closed);
    site.add_source("gone", &url);
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok);
    assert!(line_of(&output, "gone").contains("FAILED"), "{output}");
    assert!(line_of(&output, "north").contains("unchanged"), "{output}");
    assert_eq!(site.meetings().len(), 4);
    drop(server);
}

#[test]
fn two_sources_with_the_same_slugs_keep_their_own_meetings_under_stable_addresses() {
    let server = FeedServer::start();
    server
        .set("/east.json", Canned::feed(&[meeting("tuesday", "East Tuesday"), meeting("friday", "East Friday")], "e1"));
    server
        .set("/west.json", Canned::feed(&[meeting("tuesday", "West Tuesday"), meeting("friday", "West Friday")], "w1"));
    let site = small_site();
    site.add_source("east", &server.url("/east.json"));
    site.add_source("west", &server.url("/west.json"));
    let (ok, output, errors) = site.sync(&["east", "west"]);
    assert!(ok, "{output}{errors}");
    let expected: BTreeMap<String, String> = [
        ("friday", "East Friday"),
        ("tuesday", "East Tuesday"),
        ("west-friday", "West Friday"),
        ("west-tuesday", "West Tuesday"),
    ]
    .map(|(slug, name)| (slug.to_owned(), name.to_owned()))
    .into();
    assert_eq!(site.meetings(), expected);
    // Both change, and are synced in the other order: each keeps its meetings and their addresses.
    server
        .set("/east.json", Canned::feed(&[meeting("tuesday", "East Tuesday"), meeting("friday", "East Friday")], "e2"));
    server
        .set("/west.json", Canned::feed(&[meeting("friday", "West Friday"), meeting("tuesday", "West Tuesday")], "w2"));
    let (ok, output, errors) = site.sync(&["west", "east"]);
    assert!(ok, "{output}{errors}");
    assert_eq!(site.meetings(), expected);
    // East drops its Tuesday: the address is not handed to West, whose meeting stays where it was.
    server.set("/east.json", Canned::feed(&[meeting("friday", "East Friday")], "e3"));
    server.set("/west.json", Canned::feed(&[meeting("tuesday", "West Tuesday, moved")], "w3"));
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    let meetings = site.meetings();
    assert_eq!(meetings.keys().collect::<Vec<_>>(), ["friday", "west-tuesday"]);
    assert_eq!(meetings["west-tuesday"], "West Tuesday, moved");
}

#[test]
fn removing_a_source_archives_its_meetings_and_no_one_elses() {
    let (server, site) = two_synced_sources();
    site.run_ok(&["import", &write_entered_here(&site)]);
    let output = site.run_ok(&["source", "remove", "south"]);
    assert!(output.contains("2 of its meetings were archived"), "{output}");
    assert_eq!(site.meetings().into_keys().collect::<Vec<_>>(), ["entered-here", "n-1", "n-2"]);
    assert!(!site.run_ok(&["source", "list"]).contains("south"));
    // Added again, it is fetched in full (not asked for a 304) and its meetings come back at their addresses.
    site.add_source("south", &server.url("/south.json"));
    let (ok, output, errors) = site.sync(&["south"]);
    assert!(ok, "{output}{errors}");
    assert!(line_of(&output, "south").contains("2 updated"), "{output}");
    assert!(!server.requests_for("/south.json")[1].headers.contains_key("if-none-match"));
    assert_eq!(site.meetings().len(), 5);
}

#[test]
fn a_replacing_import_leaves_the_meetings_of_sources_alone() {
    let (_server, site) = two_synced_sources();
    site.run_ok(&["import", "--group", "alcoholics-anonymous", "--replace", &write_entered_here(&site)]);
    assert_eq!(site.meetings().len(), 5);
}

#[test]
fn source_add_refuses_a_bad_url_an_unknown_group_a_bad_zone_and_a_name_twice() {
    let site = small_site();
    let refused = |arguments: &[&str], expected: &str| {
        let output = site.run(arguments);
        assert!(!output.status.success(), "{arguments:?} was accepted");
        assert!(text(&output.stderr).contains(expected), "{arguments:?}: {}", text(&output.stderr));
    };
    refused(&["source", "add", "--group", "alcoholics-anonymous", "a", "ftp://example.org/feed"], "http://");
    refused(&["source", "add", "--group", "alcoholics-anonymous", "a", "not a url"], "URL");
    refused(&["source", "add", "--group", "no-such-group", "a", "https://example.org/feed"], "no such group");
    refused(
        &["source", "add", "--group", "alcoholics-anonymous", "--timezone", "Mars/Base", "a", "https://example.org/f"],
        "not an IANA time zone",
    );
    refused(&["source", "add", "--group", "alcoholics-anonymous", "A B", "https://example.org/feed"], "source name");
    site.add_source("a", "https://example.org/feed");
    refused(&["source", "add", "--group", "alcoholics-anonymous", "a", "https://example.org/other"], "already");
    refused(&["source", "remove", "nowhere"], "no source named \"nowhere\"");
    let (ok, _, errors) = site.sync(&["nowhere"]);
    assert!(!ok);
    assert!(errors.contains("no source named \"nowhere\""), "{errors}");
}

#[test]
fn serve_refuses_a_sync_interval_it_cannot_read() {
    let site = small_site();
    let output = site.run(&["serve", "--sync-every", "often"]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("--sync-every"), "{}", text(&output.stderr));
}

#[test]
fn the_database_is_created_by_source_commands_when_there_is_none() {
    let site = small_site();
    assert!(!Path::new(&site.database).exists());
    assert!(site.run_ok(&["source", "list"]).contains("No sources"));
    assert!(site.database.exists());
}

#[test]
fn serve_with_sync_every_fetches_the_sources_in_the_background() {
    let server = FeedServer::start();
    server.set("/north.json", Canned::feed(&[meeting("n-1", "North One")], "n1"));
    let site = small_site();
    site.add_source("north", &server.url("/north.json"));
    let mut child = Command::new(BINARY)
        .args(["serve", "--bind", "127.0.0.1:0", "--sync-every", "1h", "--db"])
        .arg(&site.database)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server starts");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut imported = false;
    while !imported && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        imported = site.meetings().contains_key("n-1");
    }
    // Stop the server this test started.
    child.kill().expect("the server stops");
    child.wait().expect("the server is gone");
    assert!(imported, "the background sync imported the source's meeting");
    assert_eq!(server.requests_for("/north.json").len(), 1, "one fetch at start, the next in an hour");
}

#[test]
fn a_gzipped_feed_is_read() {
    let (server, site) = two_synced_sources();
    let feed = Canned::feed(&[meeting("n-1", "North One"), meeting("n-5", "North Five")], "n-gz");
    server.set("/north.json", gzipped(feed));
    let (ok, output, errors) = site.sync(&["north"]);
    assert!(ok, "{output}{errors}");
    assert!(site.meetings().contains_key("n-5"), "{output}");
}

#[test]
fn the_size_limit_counts_the_feed_after_decompression() {
    let many: Vec<Value> = (0..100).map(|n| meeting(&format!("s-{n}"), "Same Name")).collect();
    let bomb = gzipped(Canned::feed(&many, "bomb"));
    assert!(bomb.body.len() < 4000, "small on the wire: {} bytes", bomb.body.len());
    assert_failing_south_keeps_its_meetings(bomb, "larger than the limit of 4000 bytes");
}

#[test]
fn an_import_cannot_take_over_the_address_of_a_sources_meeting() {
    let (_server, site) = two_synced_sources();
    let path = site.database.with_file_name("takeover.json");
    std::fs::write(&path, serde_json::to_vec(&[meeting("n-1", "Someone Else's")]).expect("JSON")).expect("written");
    let output = site.run(&["import", &path.display().to_string()]);
    assert!(!output.status.success());
    let errors = text(&output.stderr);
    assert!(errors.contains("record 1 (slug \"n-1\"): slug: is a meeting of source \"north\""), "{errors}");
    assert_eq!(site.meetings()["n-1"], "North One");
}

#[test]
fn a_redirect_within_the_sources_host_is_followed_and_the_sync_says_where_it_went() {
    let server = FeedServer::start();
    server.set("/old.json", Canned::redirect("/new.json"));
    server.set("/new.json", Canned::feed(&[meeting("n-1", "North One")], "n1"));
    let site = small_site();
    site.add_source("north", &server.url("/old.json"));
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert!(line_of(&output, "north").contains(&format!("(redirected to {})", server.url("/new.json"))), "{output}");
    assert!(site.meetings().contains_key("n-1"));
}

#[test]
fn a_redirect_to_another_port_is_not_followed_unless_the_source_was_added_to_follow_it() {
    let (site_itself, elsewhere) = (FeedServer::start(), FeedServer::start());
    site_itself.set("/staff/users", Canned::feed(&[meeting("private", "Not A Feed")], "p"));
    elsewhere.set("/feed.json", Canned::redirect(&site_itself.url("/staff/users")));
    let site = small_site();
    site.add_source("elsewhere", &elsewhere.url("/feed.json"));
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok, "{output}");
    assert!(line_of(&output, "elsewhere").contains("another host or port; not followed"), "{output}");
    assert!(site_itself.requests_for("/staff/users").is_empty(), "the other port was never asked");
    assert!(site.meetings().is_empty());
    // Added with --follow-redirects, the same redirect is followed, and the line says so.
    site.run_ok(&["source", "remove", "elsewhere"]);
    site.add_source_following_redirects("elsewhere", &elsewhere.url("/feed.json"));
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert!(line_of(&output, "elsewhere").contains(&site_itself.url("/staff/users")), "{output}");
}

#[test]
fn a_redirect_to_a_file_address_is_refused_even_for_a_source_that_follows_redirects() {
    let server = FeedServer::start();
    server.set("/feed.json", Canned::redirect("file:///etc/passwd"));
    let site = small_site();
    site.add_source_following_redirects("north", &server.url("/feed.json"));
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok);
    assert!(line_of(&output, "north").contains("not an http or https address"), "{output}");
}

#[test]
fn a_first_fetch_answered_304_is_an_error_and_not_unchanged() {
    let server = FeedServer::start();
    server.set("/north.json", Canned::status(304, "application/json", ""));
    let site = small_site();
    site.add_source("north", &server.url("/north.json"));
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok, "{output}");
    assert!(line_of(&output, "north").contains("FAILED"), "{output}");
    assert!(line_of(&output, "north").contains("304"), "{output}");
    let list = site.run_ok(&["source", "list"]);
    assert!(list.lines().any(|line| line.starts_with("north") && line.contains("never")), "no success:\n{list}");
}

#[test]
fn a_feed_with_more_records_than_the_limit_fails_naming_the_source() {
    let server = FeedServer::start();
    let many: Vec<Value> = (0..5).map(|n| meeting(&format!("n-{n}"), "North")).collect();
    server.set("/north.json", Canned::feed(&many, "n1"));
    let site = small_site();
    site.add_source("north", &server.url("/north.json"));
    let output = site.run(&["sync", "--max-records", "4"]);
    let stdout = text(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(line_of(&stdout, "north").contains("source \"north\": the feed lists more than 4 records"), "{stdout}");
    assert!(site.meetings().is_empty(), "nothing was imported");
    let output = site.run(&["sync", "--max-records", "5"]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert_eq!(site.meetings().len(), 5);
}
