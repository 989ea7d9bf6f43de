//! Starts the real application on a fresh temporary database and fetches pages from it.

use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use actix_web::{test, web};
use mutual_support::content::Content;
use mutual_support::db::{ImportOptions, Store};
use mutual_support::feed::{FeedDefaults, parse_meeting_guide};
use mutual_support::startup;
use mutual_support::state::{AppState, Settings};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use tempfile::TempDir;

/// Paths that are the same in every language (files, feeds, the staff area).
pub fn language_neutral(path: &str) -> bool {
    let bare = path.split(['?', '#']).next().unwrap_or(path);
    ["/static/", "/feed/", "/staff", "/healthz", "/print.css", "/favicon"].iter().any(|start| bare.starts_with(start))
        || bare.ends_with(".ics")
        || bare.ends_with(".json")
        || bare.ends_with(".csv")
}

/// The language a path is in: `es` under `/es`, otherwise `en`.
pub fn language_of(path: &str) -> &'static str {
    if path == "/es" || path.starts_with("/es/") || path.starts_with("/es?") { "es" } else { "en" }
}

/// How many addresses of one path (differing in their query) a walk follows: the finder links
/// to thousands of filter combinations; a handful of each shows the page works.
const QUERIES_PER_PATH: usize = 4;

pub struct TestApp {
    pub state: web::Data<AppState>,
    /// Kept so the database outlives the test.
    _folder: TempDir,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// The text of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html().select(&selector).map(|element| element.text().collect::<String>().trim().to_owned()).collect()
    }

    /// An attribute of every element matching a CSS selector.
    pub fn attributes(&self, selector: &str, attribute: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html().select(&selector).filter_map(|element| element.value().attr(attribute).map(str::to_owned)).collect()
    }

    /// The slugs of the meetings a finder page lists, in order.
    pub fn listed_meetings(&self) -> Vec<String> {
        self.attributes("ol.meeting-list h3 a", "href")
            .into_iter()
            .map(|href| href.trim_start_matches("/meetings/").split('?').next().unwrap_or_default().to_owned())
            .collect()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

impl TestApp {
    /// The whole public feed in `format`, written at once and written in chunks of `chunk`
    /// meetings as the site streams it: (at once, in chunks).
    pub fn feed_at_once_and_in_chunks(
        &self,
        format: mutual_support::feed::ExportFormat,
        chunk: usize,
    ) -> (Vec<u8>, Vec<u8>) {
        let revision = self.state.store.revision().expect("revision");
        let now = jiff::Timestamp::now();
        let ids = self.state.finder_at(revision).expect("index").matching_ids(
            &mutual_support::meetings::MeetingFilter { include_inactive: true, ..Default::default() },
            now,
        );
        let mut meetings = self.state.store.meetings_by_id(&ids).expect("meetings");
        meetings.iter_mut().for_each(mutual_support::feed::for_the_public);
        let whole = format.write(&meetings, now).expect("written");
        let mut streamed = Vec::new();
        mutual_support::routes::feed::write_feed(&self.state.core, &ids, chunk, format, now, &mut streamed)
            .expect("streamed");
        (whole, streamed)
    }

    /// The app on a new database, seeded like a first `cargo run`.
    pub fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {})
    }

    /// The app on a new database, seeded like a first `cargo run`, with settings of its own.
    pub fn spawn_with(change: impl FnOnce(&mut Settings)) -> TestApp {
        let folder = tempfile::tempdir().expect("temporary folder");
        let mut settings = Settings {
            database_path: folder.path().join("data").join("test.sqlite3"),
            default_timezone: "America/Chicago".to_owned(),
            seed_sample_meetings: true,
            response_cache_bytes: 16 << 20,
            distance_unit: Default::default(),
            clinic: Default::default(),
        };
        change(&mut settings);
        let state = AppState::prepare(settings).expect("the app starts");
        TestApp { state, _folder: folder }
    }

    /// The app on a new database holding only the meetings of `tests/fixtures/<name>`.
    pub fn with_fixture(name: &str) -> TestApp {
        TestApp::with_fixture_and(name, |_| {})
    }

    /// The app on a new database holding only the meetings of `tests/fixtures/<name>`, with
    /// settings of its own.
    pub fn with_fixture_and(name: &str, change: impl FnOnce(&mut Settings)) -> TestApp {
        let folder = tempfile::tempdir().expect("temporary folder");
        let mut settings = Settings {
            database_path: folder.path().join("fixture.sqlite3"),
            default_timezone: "America/Chicago".to_owned(),
            seed_sample_meetings: true,
            response_cache_bytes: 16 << 20,
            distance_unit: Default::default(),
            clinic: Default::default(),
        };
        let store = Store::open(&settings.database_path).expect("store opens");
        store.sync_groups(&Content::embedded().expect("content").groups).expect("groups sync");
        let bytes = std::fs::read(format!("tests/fixtures/{name}")).expect("fixture exists");
        let defaults = FeedDefaults::new(settings.default_timezone.clone());
        let meetings = parse_meeting_guide(&bytes, &defaults).expect("fixture parses").meetings;
        store.import(&meetings, &ImportOptions::default()).expect("fixture imports");
        change(&mut settings);
        let state = AppState::prepare(settings).expect("the app starts");
        TestApp { state, _folder: folder }
    }

    /// An app around state prepared otherwise (a deployment); the database's folder stays with
    /// the app it came from.
    pub fn from_state(state: web::Data<AppState>) -> TestApp {
        TestApp { state, _folder: tempfile::tempdir().expect("temporary folder") }
    }

    /// Follows a source named "metro" (an AA intergroup) and imports `feed` as its meetings.
    pub fn with_metro_source_meetings(&self, feed: &[u8]) {
        let store = &self.state.store;
        let source = store
            .add_source(&mutual_support::db::NewSource {
                name: "metro".into(),
                url: "https://feeds.example/metro.json".into(),
                group_slug: "alcoholics-anonymous".into(),
                timezone: None,
                ..Default::default()
            })
            .expect("added");
        let meetings = parse_meeting_guide(feed, &FeedDefaults::new("America/Chicago")).expect("parses").meetings;
        store.import_source(&source, &meetings, &Default::default()).expect("imported");
    }

    /// Every public page in every language: each address reached by following the links (and
    /// the language counterparts) of the pages from `/` and `/es`, with what it answered.
    pub async fn walk(&self) -> Vec<(String, Page)> {
        let service = test::init_service(startup::app(self.state.clone())).await;
        let links = Selector::parse("a[href], link[rel=alternate][hreflang]").expect("selector");
        let mut queue: VecDeque<String> = VecDeque::from(["/".to_owned(), "/es".to_owned()]);
        let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
        let mut per_path: BTreeMap<String, usize> = BTreeMap::new();
        let mut pages = Vec::new();
        while let Some(address) = queue.pop_front() {
            let response = test::call_service(&service, test::TestRequest::get().uri(&address).to_request()).await;
            let status = response.status();
            let headers = response.headers().clone();
            let body = String::from_utf8_lossy(&test::read_body(response).await).into_owned();
            let page = Page { status, headers, body };
            if page.status == StatusCode::OK {
                for href in page.html().select(&links).filter_map(|link| link.value().attr("href")) {
                    if !href.starts_with('/') || href.starts_with("//") || language_neutral(href) {
                        continue;
                    }
                    let link = href.split('#').next().unwrap_or(href).to_owned();
                    if link.is_empty() || seen.contains(&link) {
                        continue;
                    }
                    let count = per_path.entry(link.split('?').next().unwrap_or(&link).to_owned()).or_default();
                    if *count >= QUERIES_PER_PATH {
                        continue;
                    }
                    *count += 1;
                    seen.insert(link.clone());
                    queue.push_back(link);
                }
            }
            pages.push((address, page));
        }
        pages
    }

    pub async fn get(&self, path: &str) -> Page {
        self.request(test::TestRequest::get().uri(path)).await
    }

    pub async fn request(&self, request: test::TestRequest) -> Page {
        let service = test::init_service(startup::app(self.state.clone())).await;
        let response = test::call_service(&service, request.to_request()).await;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = test::read_body(response).await;
        Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }
}

/// Imports a feed given as JSON text into the test app's database.
pub fn import(app: &TestApp, feed: &str) -> mutual_support::db::ImportSummary {
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(feed.as_bytes(), &defaults).expect("parses").meetings;
    app.state.store.import(&meetings, &Default::default()).expect("imports")
}
