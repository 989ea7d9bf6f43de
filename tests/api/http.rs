//! HTTP as clients and caches expect it: HEAD, 405 with Allow, ETags with the build and weak or `*`
//! If-None-Match, cross-origin headers, request limits, and the health check on a damaged database.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};

use actix_web::test::TestRequest;
use mutual_support::startup;

use crate::helpers::TestApp;

/// One path for each route of the site.
const ROUTES: &[&str] = &[
    "/",
    "/about",
    "/healthz",
    "/static/site.css",
    "/groups",
    "/groups/alcoholics-anonymous",
    "/meetings",
    "/meetings?day=1",
    "/meetings.ics",
    "/feed/meetings.json",
    "/guide",
    "/guide/match?for=self",
    "/handouts",
    "/handouts/groups/alcoholics-anonymous",
    "/handouts/meetings",
    "/handouts/referral?group=alcoholics-anonymous&group=smart-recovery",
    "/meetings/sunrise-serenity-riverton.ics",
    "/meetings/sunrise-serenity-riverton",
    "/sources",
    "/groups/compare?group=alcoholics-anonymous&group=smart-recovery",
    "/favicon.ico",
    "/print.css",
    "/meetings/new",
    "/meetings/sunrise-serenity-riverton/change",
    "/staff/login",
];

/// The real server on a free loopback port (for what only the wire shows: HEAD's missing body,
/// the codec's limits).
fn serve(app: &TestApp) -> (SocketAddr, actix_web::dev::ServerHandle) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = listener.local_addr().expect("an address");
    let server = startup::serve(listener, app.state.clone()).expect("the server starts");
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (address, handle)
}

/// Sends raw bytes and reads the whole answer (the server closes the connection).
fn exchange(address: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).expect("connects");
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30))).expect("timeout set");
    // The server may answer and close before it has read everything (431): that is fine.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[actix_web::test]
async fn head_answers_every_route_with_the_headers_of_get() {
    let app = TestApp::spawn();
    for path in ROUTES {
        let get = app.get(path).await;
        let head = app.request(TestRequest::default().method(actix_web::http::Method::HEAD).uri(path)).await;
        assert_eq!(get.status, 200, "GET {path}");
        assert_eq!(head.status, 200, "HEAD {path}");
        for name in ["content-type", "cache-control", "etag", "access-control-allow-origin"] {
            assert_eq!(head.header(name), get.header(name), "HEAD {path}: {name}");
        }
    }
}

#[actix_web::test]
async fn head_on_the_wire_sends_headers_and_no_body() {
    let app = TestApp::spawn();
    let (address, server) = serve(&app);
    let answer = actix_web::web::block(move || {
        exchange(address, b"HEAD /about HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    })
    .await
    .expect("exchanged");
    server.stop(false).await;
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let length = head
        .lines()
        .find_map(|line| line.to_ascii_lowercase().strip_prefix("content-length: ").map(str::to_owned))
        .expect("a Content-Length, as GET would send");
    assert!(length.parse::<usize>().expect("a number") > 100, "{head}");
    assert_eq!(body, "", "HEAD sends no body");
}

#[actix_web::test]
async fn a_request_body_dripped_a_byte_at_a_time_is_cut_off_with_408() {
    let app = TestApp::spawn();
    let (address, server) = serve(&app);
    let (answer, waited) = actix_web::web::block(move || {
        let mut stream = TcpStream::connect(address).expect("connects");
        stream.set_read_timeout(Some(std::time::Duration::from_secs(40))).expect("timeout set");
        let head = "POST /meetings/new HTTP/1.1\r\nHost: localhost\r\n\
                    Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n";
        stream.write_all(head.as_bytes()).expect("the head is sent");
        let mut dripping = stream.try_clone().expect("a second handle");
        let started = std::time::Instant::now();
        // One byte every half second: the whole body would take over eight minutes.
        std::thread::spawn(move || {
            while dripping.write_all(b"a").is_ok() {
                std::thread::sleep(std::time::Duration::from_millis(500));
            }
        });
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        (String::from_utf8_lossy(&answer).into_owned(), started.elapsed())
    })
    .await
    .expect("exchanged");
    server.stop(false).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(waited < std::time::Duration::from_secs(20), "the connection was closed after {waited:?}");
}

#[actix_web::test]
async fn other_methods_on_known_paths_answer_405_with_allow() {
    let app = TestApp::spawn();
    for (method, path) in [
        ("POST", "/"),
        ("PUT", "/feed/meetings.json"),
        ("DELETE", "/meetings/sunrise-serenity-riverton"),
        ("PATCH", "/static/site.css"),
        ("OPTIONS", "/meetings"),
    ] {
        let method = actix_web::http::Method::from_bytes(method.as_bytes()).expect("a method");
        let page = app.request(TestRequest::default().method(method.clone()).uri(path)).await;
        assert_eq!(page.status, 405, "{method} {path}");
        assert_eq!(page.header("allow"), Some("GET, HEAD"), "{method} {path}");
    }
    let unknown = app.request(TestRequest::post().uri("/no-such-page")).await;
    assert_eq!(unknown.status, 404);
}

#[actix_web::test]
async fn etags_carry_the_build_and_weak_or_star_if_none_match_answer_304() {
    let app = TestApp::spawn();
    for path in ["/meetings", "/feed/meetings.json", "/static/site.css"] {
        let page = app.get(path).await;
        let etag = page.header("etag").expect("an ETag").to_owned();
        assert!(etag.contains(&format!("b{}", mutual_support::cache::BUILD)), "{path}: {etag}");
        for condition in [etag.clone(), format!("W/{etag}"), "*".to_owned(), format!("\"stale\", W/{etag}")] {
            let again =
                app.request(TestRequest::get().uri(path).insert_header(("if-none-match", condition.clone()))).await;
            assert_eq!(again.status, 304, "{path} with If-None-Match: {condition}");
        }
        let old_build = etag.replace(&format!("b{}", mutual_support::cache::BUILD), "b00000000");
        let again = app.request(TestRequest::get().uri(path).insert_header(("if-none-match", old_build))).await;
        assert_eq!(again.status, 200, "{path}: an ETag of another build is not a match");
    }
}

#[actix_web::test]
async fn a_database_file_replaced_while_serving_fails_healthz_refuses_writes_and_is_never_written() {
    let app = TestApp::with_fixture("finder-feed.json");
    let path = app.state.settings.database_path.clone();
    assert_eq!(app.get("/healthz").await.status, 200);
    // An operator moves another database into place while the site runs (and clears the
    // journal files beside it, as for a restore).
    let other = path.with_file_name("moved-in.sqlite3");
    let store = mutual_support::db::Store::open(&other).expect("another database");
    store.sync_groups(&mutual_support::content::Content::embedded().expect("content").groups).expect("groups");
    drop(store);
    std::fs::rename(&other, &path).expect("moved into place");
    for journal in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(journal);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
    let before = std::fs::read(&path).expect("the new file");
    // The new file itself, seen after the site's folder is gone.
    let keep = tempfile::tempdir().expect("folder");
    std::fs::hard_link(&path, keep.path().join("moved-in.sqlite3")).expect("linked");
    let health = app.get("/healthz").await;
    assert_eq!(health.status, 503, "{}", health.body);
    assert!(health.body.contains("replaced"), "{}", health.body);
    // Pages go on from the file the site opened; a change is refused, not lost.
    assert_eq!(app.get("/meetings").await.status, 200);
    let changed = app
        .request(
            TestRequest::post()
                .uri("/meetings/new")
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .peer_addr("203.0.113.9:5000".parse().expect("address"))
                .set_payload("name=Lost+Meeting&day=1&time=19%3A00&fellowship=alcoholics-anonymous&types=O"),
        )
        .await;
    assert_eq!(changed.status, 503, "{}", changed.body);
    assert!(changed.header("retry-after").is_some());
    // Even when its connections close (a checkpoint), the site writes nothing into the new file.
    drop(app);
    let after = std::fs::read(keep.path().join("moved-in.sqlite3")).expect("the new file");
    assert!(after == before, "the file moved in was never written");
}

#[test]
fn a_start_that_finds_no_file_where_real_meetings_were_served_stops_and_says_so() {
    let app = TestApp::with_fixture("finder-feed.json");
    let settings = app.state.settings.clone();
    let marker = mutual_support::db::served_marker(&settings.database_path);
    assert!(marker.exists(), "real meetings were served: the marker is written");
    std::fs::remove_file(&settings.database_path).expect("the file is deleted");
    let refused = mutual_support::state::AppState::prepare(settings.clone()).err().expect("refused");
    let message = refused.to_string();
    assert!(message.contains("there is no database file here") && message.contains("--seed"), "{message}");
    assert!(!settings.database_path.exists(), "no new file was made, and no sample meeting seeded");
    drop(app);
}

#[actix_web::test]
async fn public_pages_may_be_kept_briefly_by_shared_caches() {
    let app = TestApp::spawn();
    for path in ["/", "/meetings", "/groups"] {
        let cache_control = app.get(path).await.header("cache-control").unwrap_or_default().to_owned();
        assert!(cache_control.starts_with("public, max-age=60"), "{path}: {cache_control}");
        assert!(cache_control.contains("stale-while-revalidate"), "{path}: {cache_control}");
    }
}

#[actix_web::test]
async fn feeds_are_readable_cross_origin_and_pages_are_not() {
    let app = TestApp::spawn();
    let page = app.get("/meetings").await;
    assert_eq!(page.header("cross-origin-resource-policy"), Some("same-origin"));
    let policy = page.header("permissions-policy").unwrap_or_default();
    assert!(policy.contains("geolocation=(self)") && !policy.contains("interest-cohort"), "{policy}");
    for path in ["/feed/meetings.json", "/meetings.ics"] {
        let feed = app.get(path).await;
        assert_eq!(feed.header("cross-origin-resource-policy"), Some("cross-origin"), "{path}");
        assert_eq!(feed.header("access-control-allow-origin"), Some("*"), "{path}");
    }
}

#[actix_web::test]
async fn an_oversized_body_is_refused_with_413_and_oversized_headers_with_431() {
    let app = TestApp::spawn();
    let big = app
        .request(
            TestRequest::post()
                .uri("/meetings")
                .insert_header(("content-length", (startup::MAX_BODY_BYTES + 1).to_string())),
        )
        .await;
    assert_eq!(big.status, 413);
    let (address, server) = serve(&app);
    let answer = actix_web::web::block(move || {
        let mut request = b"GET / HTTP/1.1\r\nHost: localhost\r\n".to_vec();
        for n in 0..200 {
            request.extend_from_slice(format!("X-Filler-{n}: {}\r\n", "x".repeat(20)).as_bytes());
        }
        request.extend_from_slice(b"\r\n");
        exchange(address, &request)
    })
    .await
    .expect("exchanged");
    server.stop(false).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
}

#[actix_web::test]
async fn the_health_check_fails_on_a_database_damaged_in_the_middle() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(app.get("/meetings").await.status, 200);
    let path = app.state.settings.database_path.clone();
    // Everything into the main file, then garbage over its middle pages.
    let connection = rusqlite::Connection::open(&path).expect("opens");
    connection.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
    drop(connection);
    let mut bytes = std::fs::read(&path).expect("read");
    let pages = bytes.len() / 4096;
    assert!(pages >= 6, "a database of several pages");
    let (from, to) = (pages / 3 * 4096, pages * 2 / 3 * 4096);
    bytes[from..to].iter_mut().enumerate().for_each(|(n, byte)| *byte = (n % 251) as u8);
    std::fs::write(&path, &bytes).expect("damaged");
    let health = app.get("/healthz").await;
    assert_eq!(health.status, 503, "{}", health.body);
    assert!(health.body.contains("unavailable"), "{}", health.body);
}

#[actix_web::test]
async fn a_feed_is_written_once_to_a_file_and_served_with_gzip_and_ranges() {
    let app = TestApp::with_fixture("finder-feed.json");
    let plain = app.get("/feed/meetings.json").await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-type"), Some("application/json"));
    let feed: Vec<serde_json::Value> = serde_json::from_str(&plain.body).expect("a JSON array");
    assert_eq!(feed.len(), 11, "every meeting of the fixture, temporarily closed ones too");
    let folder = app.state.settings.database_path.parent().expect("a folder").join("cache");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .expect("the cache folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    assert!(files.iter().any(|name| name.ends_with(".json")) && files.iter().any(|name| name.ends_with(".json.gz")));

    let zipped = app
        .request(TestRequest::get().uri("/feed/meetings.json").insert_header(("accept-encoding", "gzip, br;q=0.5")))
        .await;
    assert_eq!(zipped.header("content-encoding"), Some("gzip"));
    assert_eq!(zipped.header("etag"), plain.header("etag"));
    assert_eq!(zipped.header("vary"), Some("Accept-Encoding"));
    let brotli_only =
        app.request(TestRequest::get().uri("/feed/meetings.json").insert_header(("accept-encoding", "br"))).await;
    assert_eq!(brotli_only.header("content-encoding"), Some("identity"), "never compressed per request");
    assert_eq!(brotli_only.body, plain.body);

    let part = app.request(TestRequest::get().uri("/feed/meetings.json").insert_header(("range", "bytes=0-9"))).await;
    assert_eq!(part.status, 206);
    assert_eq!(part.body, plain.body[..10]);
    let calendar = app.get("/meetings.ics").await;
    assert!(calendar.body.starts_with("BEGIN:VCALENDAR") && calendar.body.trim_end().ends_with("END:VCALENDAR"));
    assert_eq!(calendar.body.matches("BEGIN:VEVENT").count(), calendar.body.matches("END:VEVENT").count());
}

#[actix_web::test]
async fn a_range_with_a_stale_if_range_gets_the_whole_feed_and_a_current_one_gets_the_range() {
    let app = TestApp::with_fixture("finder-feed.json");
    for path in ["/feed/meetings.json", "/meetings.ics"] {
        let whole = app.get(path).await;
        let etag = whole.header("etag").expect("an ETag").to_owned();
        let ranged = |if_range: &str| {
            TestRequest::get().uri(path).insert_header(("range", "bytes=0-9")).insert_header(("if-range", if_range))
        };
        let part = app.request(ranged(&etag)).await;
        assert_eq!(part.status, 206, "{path}: the client's copy is current");
        assert_eq!(part.body, whole.body[..10]);
        for stale in ["\"r0-bold-0000000000000000\"", &format!("W/{etag}"), "Sat, 28 Nov 2026 10:00:00 GMT"] {
            let answer = app.request(ranged(stale)).await;
            assert_eq!(answer.status, 200, "{path}: If-Range {stale} is not the current feed");
            assert_eq!(answer.body, whole.body, "{path}: the whole body, not a splice");
            assert_eq!(answer.header("content-range"), None);
        }
    }
}

/// The feed files in the cache folder beside the app's database.
fn feed_files(app: &TestApp) -> Vec<String> {
    let folder = app.state.settings.database_path.parent().expect("a folder").join("cache");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the cache folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

#[actix_web::test]
async fn a_feed_write_that_fills_the_disk_leaves_no_partial_file_and_the_feed_is_sent_from_memory() {
    let app = TestApp::with_fixture("finder-feed.json");
    let folder = app.state.settings.database_path.parent().expect("a folder").join("cache");
    std::fs::create_dir_all(&folder).expect("the cache folder");
    // A half-written file a stopped process left is removed by the first write.
    let revision = app.state.store.revision().expect("revision");
    let left_over = format!("feed-r{revision}-b{}-0000000000000000.partial", mutual_support::cache::BUILD);
    std::fs::write(folder.join(left_over), b"[{").expect("left over");
    let first = app.get("/feed/meetings.json").await;
    assert_eq!(first.status, 200);
    assert!(feed_files(&app).iter().all(|name| !name.contains(".partial")), "{:?}", feed_files(&app));
    // The next revision's files are on a full disk: every write to them fails (ENOSPC).
    let json = feed_files(&app).into_iter().find(|name| name.ends_with(".json")).expect("a feed file");
    let next = json.replacen(&format!("feed-r{revision}-"), &format!("feed-r{}-", revision + 1), 1);
    let partial = next.replace(".json", ".partial");
    for name in [partial.clone(), format!("{partial}.gz")] {
        std::os::unix::fs::symlink("/dev/full", folder.join(name)).expect("a link to /dev/full");
    }
    let mut meeting = app.state.store.meetings_by_id(&[1]).expect("reads").pop().expect("a meeting");
    meeting.name = "Renamed On A Full Disk".to_owned();
    app.state.store.import(&[meeting], &mutual_support::db::ImportOptions::default()).expect("imported");
    assert_eq!(app.state.store.revision().expect("revision"), revision + 1);
    let feed = app.get("/feed/meetings.json").await;
    assert_eq!(feed.status, 200, "{}", feed.body);
    assert!(feed.body.contains("Renamed On A Full Disk"), "the new revision, from memory");
    let feed: Vec<serde_json::Value> = serde_json::from_str(&feed.body).expect("a whole JSON array");
    assert_eq!(feed.len(), 11);
    let left = feed_files(&app);
    assert!(left.iter().all(|name| !name.contains(".partial")), "nothing half-written is left: {left:?}");
}

#[test]
fn a_feed_written_in_chunks_equals_the_feed_written_at_once() {
    let app = TestApp::with_fixture("finder-feed.json");
    let json = mutual_support::feed::ExportFormat::Json;
    let (whole, streamed) = app.feed_at_once_and_in_chunks(json, 3);
    assert_eq!(String::from_utf8_lossy(&streamed), String::from_utf8_lossy(&whole));
    let (whole, streamed) = app.feed_at_once_and_in_chunks(mutual_support::feed::ExportFormat::Ics, 3);
    let without_stamps = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .filter(|line| !line.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_stamps(&streamed), without_stamps(&whole));
    assert!(without_stamps(&whole).matches("BEGIN:VEVENT").count() > 3, "more events than one chunk");
    let mut none = Vec::new();
    mutual_support::routes::feed::write_feed(
        &app.state.core,
        &[],
        3,
        mutual_support::feed::ExportFormat::Json,
        jiff::Timestamp::now(),
        &mut none,
    )
    .expect("streamed");
    assert_eq!(none, b"[]");
}

fn deployed(app: &TestApp, deployment: mutual_support::deployment::Deployment) -> TestApp {
    let settings = app.state.settings.clone();
    TestApp::from_state(mutual_support::state::AppState::prepare_deployed(settings, deployment).expect("starts"))
}

#[actix_web::test]
async fn forwarded_headers_are_believed_only_from_a_trusted_proxy() {
    let base = TestApp::spawn();
    let proxy: std::net::SocketAddr = "10.0.0.5:4000".parse().expect("address");
    let app = deployed(
        &base,
        mutual_support::deployment::Deployment { trusted_proxies: vec![proxy.ip()], ..Default::default() },
    );
    let forwarded = |peer: std::net::SocketAddr| {
        TestRequest::get()
            .uri("/handouts/groups/alcoholics-anonymous")
            .peer_addr(peer)
            .insert_header(("host", "10.0.0.9:8080"))
            .insert_header(("x-forwarded-host", "meetings.example.org"))
            .insert_header(("x-forwarded-proto", "https"))
    };
    let through_proxy = app.request(forwarded(proxy)).await;
    assert!(through_proxy.body.contains("https://meetings.example.org"), "the proxy's word is taken");
    let direct = app.request(forwarded("192.0.2.7:5000".parse().expect("address"))).await;
    assert!(!direct.body.contains("meetings.example.org"), "a direct client cannot name another site");
    assert!(direct.body.contains("http://10.0.0.9:8080"));
}

#[actix_web::test]
async fn a_read_only_replica_serves_new_revisions_and_sends_staff_to_the_primary() {
    let primary = TestApp::spawn();
    let replica = deployed(
        &primary,
        mutual_support::deployment::Deployment {
            read_only: true,
            primary_url: Some("https://primary.example.org/".to_owned()),
            ..Default::default()
        },
    );
    let before = replica.get("/feed/meetings.json").await;
    assert_eq!(before.status, 200);
    let staff = replica.get("/staff/login").await;
    assert_eq!(staff.status, 200);
    assert!(staff.attributes("main a", "href").contains(&"https://primary.example.org/staff/login".to_owned()));
    assert_eq!(staff.header("cache-control"), Some("no-store"));
    // The primary writes; the replica's next read of the revision sees it (WAL readers see commits).
    let bytes = std::fs::read("tests/fixtures/finder-feed.json").expect("fixture");
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(&bytes, &defaults).expect("parses").meetings;
    primary.state.store.import(&meetings, &Default::default()).expect("imports");
    let revision = replica.state.store.revision().expect("read");
    assert_eq!(revision, primary.state.store.revision().expect("read"));
    let after = replica.get("/feed/meetings.json").await;
    assert_ne!(after.header("etag"), before.header("etag"));
    assert!(after.body.contains("alpha-open-women"));
}
