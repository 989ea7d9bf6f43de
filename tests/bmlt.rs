//! BMLT sources and files, run as staff would: the real binary on a temporary database, syncing
//! from a BMLT root server the test starts on 127.0.0.1 that answers the semantic interface's
//! switchers from fixtures in bmlt-server's own shapes (`tests/fixtures/bmlt/`).

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use support::{Reply, SeenRequest, Served, Site, TestServer, text};

const SERVER_INFO: &[u8] = include_bytes!("fixtures/bmlt/server-info.json");
const SERVICE_BODIES: &[u8] = include_bytes!("fixtures/bmlt/service-bodies.json");
const FORMATS: &[u8] = include_bytes!("fixtures/bmlt/formats-de.json");
const SEARCH_RESULTS: &[u8] = include_bytes!("fixtures/bmlt/search-results.json");

/// What the test root server holds; tests change it between syncs.
#[derive(Clone)]
struct RootServer {
    meetings: Vec<Value>,
    /// Answer `get_used_formats` with `{meetings, formats}` (bmlt-server 3) or ignore it (older).
    used_formats: bool,
    /// Honour `page_size` / `page_num`.
    pages: bool,
    /// Answer every `GetSearchResults` with this instead.
    broken: Option<Reply>,
    etag: Option<String>,
    /// Waited before every answer.
    delay: Duration,
}

impl RootServer {
    fn fixture() -> RootServer {
        RootServer {
            meetings: serde_json::from_slice(SEARCH_RESULTS).expect("fixture"),
            used_formats: true,
            pages: true,
            broken: None,
            etag: None,
            delay: Duration::ZERO,
        }
    }

    fn answer(&self, request: &SeenRequest) -> Reply {
        Reply { delay: self.delay, ..self.answer_now(request) }
    }

    fn answer_now(&self, request: &SeenRequest) -> Reply {
        if !request.target.starts_with("/main_server/client_interface/json/") {
            return Reply::status(404, "text/html", "<html>not found</html>");
        }
        match request.query("switcher").as_deref() {
            Some("GetServerInfo") => Reply::json(SERVER_INFO),
            Some("GetServiceBodies") => Reply::json(SERVICE_BODIES),
            Some("GetFormats") => Reply::json(FORMATS),
            Some("GetSearchResults") => {
                if let Some(broken) = &self.broken {
                    return broken.clone();
                }
                let mut meetings = self.meetings.clone();
                if self.pages
                    && let (Some(size), Some(page)) = (request.query("page_size"), request.query("page_num"))
                {
                    let (size, page): (usize, usize) = (size.parse().expect("size"), page.parse().expect("page"));
                    meetings = meetings.into_iter().skip(size * (page - 1)).take(size).collect();
                }
                let body = if self.used_formats && request.query("get_used_formats").is_some() {
                    let formats: Vec<Value> = serde_json::from_slice(FORMATS).expect("fixture");
                    serde_json::to_vec(&json!({"meetings": meetings, "formats": formats}))
                } else {
                    serde_json::to_vec(&meetings)
                };
                Reply { etag: self.etag.clone(), ..Reply::json(&body.expect("JSON")) }
            }
            // bmlt-server's answer to a switcher it does not know.
            _ => Reply::status(422, "application/json", r#"{"message":"Invalid data format or endpoint name."}"#),
        }
    }
}

/// A root server answering from `root`, which the test may change.
fn serve(root: RootServer) -> (TestServer, Arc<Mutex<RootServer>>) {
    let shared = Arc::new(Mutex::new(root));
    let answering = shared.clone();
    let server = TestServer::start(move |request| answering.lock().expect("root").answer(request));
    (server, shared)
}

/// A page's text as a reader sees it: tags dropped, blanks collapsed.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn by_name_bmlt<'a>(meetings: &'a [Value], name: &str) -> &'a Value {
    meetings.iter().find(|meeting| meeting["meeting_name"] == name).unwrap_or_else(|| panic!("{name} in {meetings:?}"))
}

fn by_name<'a>(meetings: &'a [Value], name: &str) -> &'a Value {
    meetings.iter().find(|meeting| meeting["name"] == name).unwrap_or_else(|| panic!("{name} in {meetings:?}"))
}

/// A BMLT source "berlin" on the test server, synced once.
fn synced_berlin(root: RootServer) -> (TestServer, Arc<Mutex<RootServer>>, Site, String) {
    let (server, shared) = serve(root);
    let site = Site::new();
    let added = site.run_ok(&["source", "add", "--format", "bmlt", "berlin", &server.url("/main_server/")]);
    assert!(added.contains("bmlt source \"berlin\"") && added.contains("group narcotics-anonymous"), "{added}");
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    (server, shared, site, output)
}

#[test]
fn a_bmlt_source_is_read_through_the_four_switchers_into_meetings_in_their_own_zone() {
    let (server, _, site, output) = synced_berlin(RootServer::fixture());
    assert!(output.contains("berlin: 3 meetings read: 3 added"), "{output}");
    let switchers: Vec<String> = server.requests().iter().filter_map(|request| request.query("switcher")).collect();
    assert_eq!(switchers, ["GetServerInfo", "GetSearchResults", "GetServiceBodies"], "formats came with the search");
    let meetings = site.exported();
    let monday = by_name(&meetings, "Kreuzberg Montag");
    assert_eq!(monday["fellowship"], "narcotics-anonymous");
    assert_eq!(monday["day"], 1, "weekday_tinyint 2 is Monday");
    assert_eq!((monday["time"].as_str(), monday["end_time"].as_str()), (Some("19:00"), Some("20:30")));
    assert_eq!(monday["types"], json!(["O", "D", "X"]), "German key strings, read by their world ids");
    assert_eq!(monday["timezone"], "Europe/Berlin", "an empty time_zone: the zone at the coordinates");
    assert_eq!(monday["notes"], "Bitte pünktlich sein", "the legacy prompt#@-@#value keeps its value");
    assert_eq!(monday["regions"], json!(["Gebiet Berlin"]), "the service body is the region");
    assert_eq!(monday["entity_url"], "https://na-berlin.example/");
    assert_eq!(monday["attendance_option"], "in_person");
    assert_eq!(monday["slug"], "na-berlin-example-101");
    let night = by_name(&meetings, "Berlin Online Night Owls");
    assert_eq!((night["day"].as_u64(), night["time"].as_str()), (Some(5), Some("23:00")));
    assert_eq!(night["end_time"], "01:00", "a duration past midnight");
    assert_eq!(night["attendance_option"], "online");
    assert_eq!(night["timezone"], "Europe/Berlin", "not the zone of its placeholder point in California");
    assert!(night.get("latitude").is_none(), "a virtual meeting's point is no place");
    assert_eq!(night["types"], json!(["O", "EN"]));
    let saturday = by_name(&meetings, "Samstag Neuanfang");
    assert_eq!(saturday["attendance_option"], "hybrid");
    assert_eq!(saturday["types"], json!(["C", "BE", "LIT"]));
    assert_eq!(saturday["bmlt_formats"], json!(["Rauchfrei"]), "a format with no counterpart is kept by name");
    assert_eq!(saturday["conference_phone"], "+49 30 1234567");
    // One warning for the virtual meeting's zone, one for the format without a counterpart.
    assert!(output.contains("; 2 warnings"), "{output}");
    let list = site.run_ok(&["source", "list"]);
    let line = list.lines().find(|line| line.starts_with("berlin")).expect("listed");
    for expected in ["bmlt", "narcotics-anonymous", "3", "2", "none", &server.url("/main_server")] {
        assert!(line.contains(expected), "{expected} in:\n{list}");
    }
}

#[test]
fn services_are_asked_for_with_their_children_and_the_service_body_ids_are_kept() {
    let (server, _) = serve(RootServer::fixture());
    let site = Site::new();
    site.run_ok(&["source", "add", "--format", "bmlt", "--services", "2,7", "berlin", &server.url("/main_server")]);
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    let search = server.requests().into_iter().find(|r| r.query("switcher").as_deref() == Some("GetSearchResults"));
    let target = search.expect("searched").target;
    assert!(target.contains("services%5B%5D=2&services%5B%5D=7&recursive=1"), "{target}");
    assert!(site.run_ok(&["source", "list"]).contains("(services 2,7)"));
}

#[test]
fn a_paged_answer_is_read_page_by_page_until_the_short_one() {
    let mut root = RootServer::fixture();
    let template = root.meetings[0].clone();
    root.meetings = (1..=503)
        .map(|id| {
            let mut meeting = template.clone();
            meeting["id_bigint"] = json!(id.to_string());
            meeting["meeting_name"] = json!(format!("Meeting {id}"));
            meeting
        })
        .collect();
    let (server, _, site, output) = synced_berlin(root);
    assert!(output.contains("503 meetings read: 503 added"), "{output}");
    let pages: Vec<String> = server.requests().iter().filter_map(|request| request.query("page_num")).collect();
    assert_eq!(pages, ["1", "2"]);
    assert_eq!(site.exported().len(), 503);
}

#[test]
fn a_server_that_ignores_paging_and_used_formats_is_read_whole_with_get_formats() {
    let root = RootServer { pages: false, used_formats: false, ..RootServer::fixture() };
    let (server, _, site, output) = synced_berlin(root);
    assert!(output.contains("3 meetings read"), "{output}");
    let switchers: Vec<String> = server.requests().iter().filter_map(|request| request.query("switcher")).collect();
    assert_eq!(switchers, ["GetServerInfo", "GetSearchResults", "GetServiceBodies", "GetFormats"]);
    assert_eq!(by_name(&site.exported(), "Kreuzberg Montag")["types"], json!(["O", "D", "X"]));
}

/// Breaks the synced source's search with `broken`: the sync fails naming `reason`, and the
/// source keeps its three meetings.
fn assert_broken_search_keeps_the_meetings(broken: Reply, reason: &str) {
    let (_, shared, site, _) = synced_berlin(RootServer::fixture());
    shared.lock().expect("root").broken = Some(broken);
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok, "{output}");
    assert!(output.contains("berlin: FAILED, kept its last good meetings") && output.contains(reason), "{output}");
    assert_eq!(site.exported().len(), 3);
    assert!(site.run_ok(&["source", "list"]).contains(reason));
}

#[test]
fn a_500_from_the_root_server_fails_the_source_and_keeps_its_meetings() {
    assert_broken_search_keeps_the_meetings(Reply::status(500, "text/html", "<h1>Server Error</h1>"), "500");
}

#[test]
fn html_instead_of_json_fails_the_source_and_keeps_its_meetings() {
    let page = Reply::status(200, "text/html; charset=UTF-8", "<!DOCTYPE html><html><body>Wartung</body></html>");
    assert_broken_search_keeps_the_meetings(page, "web page (HTML)");
}

#[test]
fn a_search_redirected_to_another_host_is_not_followed_and_the_source_keeps_its_meetings() {
    let elsewhere = "http://na-mirror.example/main_server/client_interface/json/?switcher=GetSearchResults".to_owned();
    assert_broken_search_keeps_the_meetings(
        Reply { location: Some(elsewhere), ..Reply::status(302, "text/plain", "") },
        "another host or port; not followed",
    );
}

#[test]
fn a_root_server_listing_more_meetings_than_max_records_fails_naming_the_source() {
    let (_, _, site, _) = synced_berlin(RootServer::fixture());
    let output = site.run(&["sync", "--fetch-timeout", "5s", "--max-records", "2"]);
    let printed = text(&output.stdout);
    assert!(!output.status.success(), "{printed}");
    assert!(printed.contains("source \"berlin\": the feed lists more than 2 records"), "{printed}");
    assert_eq!(site.exported().len(), 3);
}

#[test]
fn control_characters_in_a_root_servers_values_are_removed_with_a_warning() {
    let warnings = |output: &str| -> usize {
        let count = output.rsplit_once("; ").and_then(|(_, tail)| tail.split_whitespace().next()?.parse().ok());
        count.unwrap_or_else(|| panic!("a warning count in {output}"))
    };
    let (_, _, _, clean) = synced_berlin(RootServer::fixture());
    let mut root = RootServer::fixture();
    root.meetings[0]["meeting_name"] = json!("Kreuzberg\u{1b}[2J Montag");
    let (_, _, site, output) = synced_berlin(root);
    assert!(output.contains("berlin: 3 meetings read: 3 added"), "{output}");
    assert_eq!(warnings(&output), warnings(&clean) + 1, "{clean}{output}");
    assert_eq!(by_name(&site.exported(), "Kreuzberg[2J Montag")["types"], json!(["O", "D", "X"]));
}

#[test]
fn a_root_servers_password_is_never_shown_in_a_failed_syncs_error() {
    let server = TestServer::start(|_| Reply::json(b"{\"hello\": 1}"));
    let site = Site::new();
    let address = format!("http://naadmin:pw-s3cret@127.0.0.1:{}/main_server", server.port);
    site.run_ok(&["source", "add", "--format", "bmlt", "elsewhere", &address]);
    let (ok, output, errors) = site.sync(&[]);
    assert!(!ok && output.contains("GetServerInfo did not answer"), "{output}");
    let list = site.run_ok(&["source", "list"]);
    for shown in [&output, &errors, &list] {
        assert!(!shown.contains("pw-s3cret") && !shown.contains("naadmin"), "{shown}");
    }
    assert!(list.contains(&format!("http://127.0.0.1:{}/main_server", server.port)), "{list}");
}

#[test]
fn an_address_that_is_no_root_server_is_said_so() {
    let server = TestServer::start(|_| Reply::json(b"{\"hello\": 1}"));
    let site = Site::new();
    site.run_ok(&["source", "add", "--format", "bmlt", "elsewhere", &server.url("/main_server")]);
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok && output.contains("GetServerInfo did not answer as a BMLT root server does"), "{output}");
}

#[test]
fn an_unchanged_search_is_a_304_and_nothing_moves() {
    let root = RootServer { etag: Some("\"v1\"".into()), ..RootServer::fixture() };
    let (server, _, site, _) = synced_berlin(root);
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert!(output.contains("berlin: unchanged (304)"), "{output}");
    let searches: Vec<SeenRequest> = server
        .requests()
        .into_iter()
        .filter(|request| request.query("switcher").as_deref() == Some("GetSearchResults"))
        .collect();
    assert_eq!(searches[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
}

#[test]
fn meetings_keep_their_addresses_across_syncs_and_a_dropped_one_is_archived() {
    let (_, shared, site, _) = synced_berlin(RootServer::fixture());
    shared.lock().expect("root").meetings.remove(1);
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert!(output.contains("0 added, 0 updated, 2 unchanged, 1 archived"), "{output}");
    let mut slugs: Vec<String> =
        site.exported().iter().map(|meeting| meeting["slug"].as_str().unwrap_or_default().to_owned()).collect();
    slugs.sort();
    assert_eq!(slugs, ["na-berlin-example-101", "na-berlin-example-103"]);
}

#[test]
fn a_saved_answer_is_imported_from_a_file_with_its_formats_from_another() {
    let site = Site::new();
    let folder = site.folder.path();
    let meetings = folder.join("search.json");
    let formats = folder.join("formats.json");
    std::fs::write(&meetings, SEARCH_RESULTS).expect("written");
    std::fs::write(&formats, FORMATS).expect("written");
    let (meetings, formats) = (meetings.display().to_string(), formats.display().to_string());
    let output = site.run(&[
        "import",
        "--format",
        "bmlt",
        "--group",
        "narcotics-anonymous",
        "--formats",
        &formats,
        "--dry-run",
        &meetings,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(stdout.contains("3 meetings read: 3 would be added") && stdout.contains("(dry run"), "{stdout}");
    assert!(stderr.contains("Rauchfrei") && stderr.contains("time_zone"), "{stderr}");
    site.run_ok(&["import", "--format", "bmlt", "--formats", &formats, &meetings]);
    let saturday = by_name(&site.exported(), "Samstag Neuanfang").clone();
    assert_eq!(saturday["fellowship"], "narcotics-anonymous", "a BMLT file is NA's unless --group says");
    assert_eq!(saturday["types"], json!(["C", "BE", "LIT"]));
    assert_eq!(saturday["slug"], "na-berlin-example-103", "the server comes from root_server_uri");
}

#[test]
fn a_file_with_a_bad_record_imports_nothing_and_names_it() {
    let site = Site::new();
    let mut meetings: Vec<Value> = serde_json::from_slice(SEARCH_RESULTS).expect("fixture");
    meetings[2]["weekday_tinyint"] = json!("9");
    let path = site.folder.path().join("search.json");
    std::fs::write(&path, serde_json::to_vec(&json!({"meetings": meetings, "formats": []})).expect("JSON"))
        .expect("written");
    let output =
        site.run(&["import", "--format", "bmlt", "--group", "narcotics-anonymous", &path.display().to_string()]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("record 3") && stderr.contains("weekday_tinyint \"9\""), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

/// The world ids of a served meeting's formats, by the answer's own `formats` list (languages by
/// their key, as `LANG:EN`).
fn world_ids(meeting: &Value, formats: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = meeting["format_shared_id_list"]
        .as_str()
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| formats.iter().find(|format| format["id"] == id))
        .map(|format| match format["format_type_enum"].as_str() {
            Some("LANG") => format!("LANG:{}", format["key_string"].as_str().unwrap_or_default()),
            _ => format["world_id"].as_str().unwrap_or_default().to_owned(),
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_synced_bmlt_set_reads_back_the_same_through_our_semantic_interface() {
    let (_, _, site, _) = synced_berlin(RootServer::fixture());
    let served = Served::start(&site);
    let (status, headers, body) = served.get("/client_interface/json/?switcher=GetSearchResults&get_used_formats=1");
    assert_eq!(status, 200, "{body}");
    assert_eq!(headers.get("access-control-allow-origin").map(String::as_str), Some("*"));
    let answer: Value = serde_json::from_str(&body).expect("JSON");
    let (meetings, formats) =
        (answer["meetings"].as_array().expect("meetings"), answer["formats"].as_array().expect("formats"));
    let fixture: Vec<Value> = serde_json::from_slice(SEARCH_RESULTS).expect("fixture");
    assert_eq!(meetings.len(), fixture.len());
    for (name, expected_formats) in [
        ("Kreuzberg Montag", vec!["DISC", "OPEN", "WCHR"]),
        ("Berlin Online Night Owls", vec!["LANG:EN", "OPEN"]),
        // "Nur für Heute" (JFT) is a literature meeting (LIT); "Rauchfrei" (NS) has no Meeting Guide type.
        ("Samstag Neuanfang", vec!["BEG", "CLOSED", "LIT"]),
    ] {
        let ours = meetings.iter().find(|meeting| meeting["meeting_name"] == name).expect(name);
        let theirs = fixture.iter().find(|meeting| meeting["meeting_name"] == name).expect(name);
        for key in
            ["weekday_tinyint", "start_time", "duration_time", "venue_type", "location_street", "location_municipality"]
        {
            assert_eq!(ours[key], theirs[key], "{name}: {key}");
        }
        assert_eq!(ours["time_zone"], "Europe/Berlin", "{name}");
        assert_eq!(world_ids(ours, formats), expected_formats, "{name}");
        assert!(ours.as_object().expect("object").values().all(Value::is_string), "{ours}");
    }
    // And our interface is a root server our own sync reads.
    let copy = Site::new();
    copy.run_ok(&["source", "add", "--format", "bmlt", "mirror", &served.url("/")]);
    let (ok, output, errors) = copy.sync(&[]);
    assert!(ok && output.contains("mirror: 3 meetings read: 3 added"), "{output}{errors}");
    let night = by_name(&copy.exported(), "Berlin Online Night Owls").clone();
    assert_eq!((night["time"].as_str(), night["end_time"].as_str()), (Some("23:00"), Some("01:00")));
    assert_eq!(night["timezone"], "Europe/Berlin");
    let mut types: Vec<&str> = night["types"].as_array().expect("types").iter().filter_map(Value::as_str).collect();
    types.sort();
    assert_eq!(types, ["EN", "O"]);
}

#[test]
fn a_bad_switcher_is_a_422_and_jsonp_wraps_the_answer_in_its_callback() {
    let (_, _, site, _) = synced_berlin(RootServer::fixture());
    let served = Served::start(&site);
    let (status, headers, body) = served.get("/client_interface/json/?switcher=GetNAWSDump");
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Valid endpoint names") && body.contains("GetSearchResults"), "{body}");
    assert_eq!(headers.get("access-control-allow-origin").map(String::as_str), Some("*"));
    assert_eq!(served.get("/client_interface/json/").0, 422, "no switcher at all");
    let (status, headers, body) = served.get("/client_interface/jsonp/?switcher=GetServerInfo&callback=crouton.got");
    assert_eq!(status, 200);
    assert!(headers.get("content-type").is_some_and(|kind| kind.starts_with("application/javascript")), "{headers:?}");
    assert!(body.starts_with("crouton.got([{") && body.ends_with("}]);"), "{body}");
    assert_eq!(served.get("/client_interface/jsonp/?switcher=GetServerInfo&callback=alert(1)//").0, 422);
    let (_, _, keys) = served.get("/client_interface/json/?switcher=GetFieldKeys");
    assert!(keys.contains("\"key\":\"weekday_tinyint\""), "{keys}");
    let (_, _, bodies) = served.get("/client_interface/json/?switcher=GetServiceBodies");
    assert!(
        bodies.contains("\"name\":\"Gebiet Berlin\"") && bodies.contains("\"name\":\"Narcotics Anonymous\""),
        "{bodies}"
    );
}

#[test]
fn bmlt_meetings_show_in_the_finder_pages_handouts_feeds_and_calendars_in_their_own_zone() {
    let fixture: Vec<Value> = serde_json::from_slice(SEARCH_RESULTS).expect("fixture");
    let unnamed = ["Kreuzberg Montag", "Berlin Online Night Owls"];
    assert!(unnamed.iter().all(|name| by_name_bmlt(&fixture, name)["time_zone"] == ""), "the server names no zone");
    let (_, _, site, _) = synced_berlin(RootServer::fixture());
    let served = Served::start(&site);
    // The site's own zone is not Berlin's: each page says the meeting's.
    let (status, _, finder) = served.get("/meetings?group=narcotics-anonymous&day=1");
    assert_eq!(status, 200);
    assert!(visible(&finder).contains("Monday, 7:00 pm to 8:30 pm (Berlin time) Kreuzberg Montag"), "{finder}");
    let (_, _, page) = served.get("/meetings/na-berlin-example-101");
    assert!(page.contains("Kreuzberg Montag") && page.contains("Urbanstraße 21"), "{page}");
    assert!(visible(&page).contains("Monday, 7:00 pm to 8:30 pm (Berlin time)"), "{page}");
    assert!(page.contains("Kept on the BMLT root server") && page.contains("https://na-berlin.example/main_server"));
    assert!(page.contains("Gebiet Berlin"), "the service body publishes the listing");
    let (status, _, handout) = served.get("/handouts/meetings?group=narcotics-anonymous");
    assert_eq!(status, 200);
    assert!(visible(&handout).contains("Times are Berlin time."), "one zone, said once: {handout}");
    for (name, time) in [("Kreuzberg Montag", "7:00 pm"), ("Berlin Online Night Owls", "11:00 pm")] {
        let at = handout.find(name).unwrap_or_else(|| panic!("{name} in {handout}"));
        let row = &handout[handout[..at].rfind("<tr").unwrap_or(0)..];
        let row = &row[..row.find("</tr>").unwrap_or(row.len())];
        assert!(visible(row).contains(time), "{name}: {row}");
    }
    let (_, _, feed) = served.get("/feed/meetings.json?group=narcotics-anonymous");
    let feed: Vec<Value> = serde_json::from_str(&feed).expect("JSON");
    assert_eq!(feed.len(), 3);
    assert!(feed.iter().all(|meeting| meeting["timezone"] == "Europe/Berlin"), "{feed:?}");
    assert_eq!(by_name(&feed, "Kreuzberg Montag")["time"], "19:00");
    let (_, _, calendar) = served.get("/meetings/na-berlin-example-102.ics");
    assert!(calendar.contains("DTSTART;TZID=Europe/Berlin:") && calendar.contains("T230000"), "{calendar}");
    let (_, _, calendars) = served.get("/meetings.ics?group=narcotics-anonymous");
    assert_eq!(calendars.matches("DTSTART;TZID=Europe/Berlin:").count(), 3, "{calendars}");
    assert!(!calendars.contains("TZID=America/"), "{calendars}");
}

#[test]
fn a_failing_bmlt_source_stops_no_meeting_guide_source_and_both_are_listed() {
    let root = Arc::new(Mutex::new(RootServer::fixture()));
    let answering = root.clone();
    let feed = json!([{"slug": "lakeview", "name": "Lakeview Group", "day": 2, "time": "19:00", "timezone": "America/Chicago"}]);
    let feed = serde_json::to_vec(&feed).expect("JSON");
    let server = TestServer::start(move |request| match request.target.as_str() {
        "/feed.json" => Reply::json(&feed),
        _ => answering.lock().expect("root").answer(request),
    });
    let site = Site::new();
    site.run_ok(&["source", "add", "--group", "alcoholics-anonymous", "lakeview", &server.url("/feed.json")]);
    site.run_ok(&["source", "add", "--format", "bmlt", "berlin", &server.url("/main_server")]);
    root.lock().expect("root").broken = Some(Reply::status(500, "text/plain", "down"));
    let (ok, output, _) = site.sync(&[]);
    assert!(!ok, "{output}");
    assert!(output.contains("lakeview: 1 meetings read: 1 added") && output.contains("berlin: FAILED"), "{output}");
    root.lock().expect("root").broken = None;
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    let list = site.run_ok(&["source", "list"]);
    let line = |name: &str| list.lines().find(|line| line.starts_with(name)).unwrap_or_default().to_owned();
    assert!(line("lakeview").contains("meeting-guide") && line("lakeview").contains("alcoholics-anonymous"), "{list}");
    assert!(line("berlin").contains("bmlt") && line("berlin").contains("narcotics-anonymous"), "{list}");
    assert!(line("berlin").contains("500"), "the last error stays listed beside the newer success:\n{list}");
}

#[test]
fn a_root_address_with_a_query_sends_it_with_every_request_to_the_right_path_and_never_shows_it() {
    let (server, _) = serve(RootServer::fixture());
    let site = Site::new();
    site.run_ok(&["source", "add", "--format", "bmlt", "gated", &server.url("/main_server?api_key=k-secret-1")]);
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok && output.contains("gated: 3 meetings read: 3 added"), "{output}{errors}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    for request in &requests {
        assert!(request.target.starts_with("/main_server/client_interface/json/?switcher="), "{}", request.target);
        assert_eq!(request.query("api_key").as_deref(), Some("k-secret-1"), "{}", request.target);
    }
    let exported = serde_json::to_string(&site.exported()).expect("JSON");
    let list = site.run_ok(&["source", "list"]);
    for shown in [&exported, &list, &output] {
        assert!(!shown.contains("k-secret-1"), "{shown}");
    }
    let shown = server.url("/main_server");
    assert!(list.lines().any(|line| line.trim_end().ends_with(&shown)), "shown as the root, no query: {list}");
}

#[test]
fn a_meeting_page_links_to_the_change_form_staff_gave_for_its_root_server_and_invents_none() {
    let (server, _) = serve(RootServer::fixture());
    let site = Site::new();
    let form = "https://na-berlin.example/meeting-aendern";
    site.run_ok(&["source", "add", "--format", "bmlt", "--change-form", form, "berlin", &server.url("/main_server")]);
    let (ok, output, errors) = site.sync(&[]);
    assert!(ok, "{output}{errors}");
    assert_eq!(by_name(&site.exported(), "Kreuzberg Montag")["feedback_url"], form);
    let served = Served::start(&site);
    let (_, _, page) = served.get("/meetings/na-berlin-example-101");
    assert!(page.contains("Kept on the BMLT root server"), "{page}");
    assert_eq!(page.matches(&format!("href=\"{form}\"")).count(), 1, "{page}");
    assert!(
        visible(&page)
            .contains("Kept on the BMLT root server https://na-berlin.example/main_server · its own change form")
    );
    assert_eq!(page.matches("Report a change").count(), 1, "one Report a change: {page}");
    drop(served);
    // Without one, no change form is made up.
    let (_, _, plain, _) = synced_berlin(RootServer::fixture());
    assert!(plain.exported().iter().all(|meeting| meeting.get("feedback_url").is_none()));
    let refused = |arguments: &[&str], expected: &str| {
        let output = site.run(arguments);
        assert!(!output.status.success(), "{arguments:?} was accepted");
        assert!(text(&output.stderr).contains(expected), "{arguments:?}: {}", text(&output.stderr));
    };
    let root = server.url("/main_server");
    refused(
        &["source", "add", "--format", "bmlt", "--change-form", "javascript:alert(1)", "x", &root],
        "--change-form",
    );
    refused(
        &["source", "add", "--group", "alcoholics-anonymous", "--change-form", form, "y", &root],
        "--change-form goes with --format bmlt",
    );
}

#[test]
fn the_source_timeout_holds_for_all_of_a_root_servers_answers_together() {
    // Each answer comes well within the fetch timeout; the three together not within the source's.
    let root = RootServer { delay: Duration::from_millis(800), ..RootServer::fixture() };
    let (server, _) = serve(root);
    let site = Site::new();
    site.run_ok(&["source", "add", "--format", "bmlt", "slow", &server.url("/main_server")]);
    let output = site.run(&["sync", "--fetch-timeout", "5s", "--source-timeout", "2s", "slow"]);
    let printed = text(&output.stdout);
    assert!(!output.status.success(), "{printed}");
    assert!(printed.contains("slow: FAILED"), "{printed}");
    assert!(
        printed.contains("within 2 s for all of the source's requests (`--source-timeout`; timed out)"),
        "{printed}"
    );
    assert!(site.exported().is_empty(), "nothing was imported");
    // Given time for all of them, the same server is read.
    let output = site.run(&["sync", "--fetch-timeout", "5s", "--source-timeout", "10s", "slow"]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert_eq!(site.exported().len(), 3);
}

#[test]
fn a_virtual_meeting_without_a_link_is_online_everywhere_and_a_hybrid_one_without_stays_hybrid() {
    let mut root = RootServer::fixture();
    root.meetings[1]["virtual_meeting_link"] = json!("");
    root.meetings[2]["virtual_meeting_link"] = json!("");
    root.meetings[2]["phone_meeting_number"] = json!("");
    let (_, _, site, _) = synced_berlin(root);
    let exported = site.exported();
    let night = by_name(&exported, "Berlin Online Night Owls");
    assert_eq!(night["attendance_option"], "online");
    assert!(night.get("latitude").is_none() && night.get("conference_url").is_none(), "{night}");
    let saturday = by_name(&exported, "Samstag Neuanfang");
    assert_eq!(saturday["attendance_option"], "hybrid");
    assert!(saturday.get("latitude").is_some(), "a hybrid meeting keeps its place");
    let served = Served::start(&site);
    let (_, _, page) = served.get("/meetings/na-berlin-example-102");
    assert!(visible(&page).contains("How to attend Online"), "{page}");
    let search = |query: &str| -> Vec<Value> {
        let (_, _, answer) = served.get(&format!("/client_interface/json/?switcher=GetSearchResults{query}"));
        serde_json::from_str(&answer).expect("JSON")
    };
    let everything = search("");
    assert_eq!(by_name_bmlt(&everything, "Berlin Online Night Owls")["venue_type"], "2");
    assert_eq!(by_name_bmlt(&everything, "Samstag Neuanfang")["venue_type"], "3");
    // A search around a point finds the hybrid meeting at its distance, and no online one at any.
    let near: Vec<String> = search("&lat_val=52.52&long_val=13.405&geo_width_km=50")
        .iter()
        .map(|meeting| meeting["meeting_name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(near, ["Kreuzberg Montag", "Samstag Neuanfang"]);
}
