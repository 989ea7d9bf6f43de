//! Every page in every language: a walk over the site's links from `/` and from `/es`, checking
//! that each page answers, says its language, links to its counterpart in the other language, and
//! keeps its visitor in the language they chose.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use actix_web::http::StatusCode;
use actix_web::test;
use mutual_support::startup;
use scraper::{Html, Selector};

use crate::helpers::TestApp;

/// Paths that are the same in every language (files, feeds, the staff area).
fn language_neutral(path: &str) -> bool {
    let bare = path.split(['?', '#']).next().unwrap_or(path);
    ["/static/", "/feed/", "/staff", "/healthz", "/print.css", "/favicon"].iter().any(|start| bare.starts_with(start))
        || bare.ends_with(".ics")
        || bare.ends_with(".json")
        || bare.ends_with(".csv")
}

/// The language a path is in: `es` under `/es`, otherwise `en`.
fn language_of(path: &str) -> &'static str {
    if path == "/es" || path.starts_with("/es/") || path.starts_with("/es?") { "es" } else { "en" }
}

/// How many addresses of one path (differing in their query) the walk follows: the finder links
/// to thousands of filter combinations; a handful of each shows the page works.
const QUERIES_PER_PATH: usize = 4;

#[actix_web::test]
async fn every_page_reached_from_either_home_page_has_its_counterpart_and_keeps_its_language() {
    let app = TestApp::spawn();
    let service = test::init_service(startup::app(app.state.clone())).await;
    let anchors = Selector::parse("a[href]").expect("selector");
    let alternates = Selector::parse("link[rel=alternate][hreflang]").expect("selector");
    let root = Selector::parse("html").expect("selector");

    let mut queue: VecDeque<String> = VecDeque::from(["/".to_owned(), "/es".to_owned()]);
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut per_path: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut pages = 0;
    while let Some(address) = queue.pop_front() {
        let request = test::TestRequest::get().uri(&address).to_request();
        let response = test::call_service(&service, request).await;
        let status = response.status();
        let body = String::from_utf8_lossy(&test::read_body(response).await).into_owned();
        pages += 1;
        if status != StatusCode::OK {
            problems.push(format!("{address}: status {status}"));
            continue;
        }
        let html = Html::parse_document(&body);
        let expected = language_of(&address);
        let declared = html.select(&root).next().and_then(|element| element.value().attr("lang")).unwrap_or("");
        if declared != expected {
            problems.push(format!("{address}: <html lang=\"{declared}\">, expected \"{expected}\""));
        }
        let counterparts: BTreeMap<String, String> = html
            .select(&alternates)
            .filter_map(|link| Some((link.value().attr("hreflang")?.to_owned(), link.value().attr("href")?.to_owned())))
            .collect();
        for lang in ["en", "es"] {
            match counterparts.get(lang) {
                Some(href) if language_of(href) == lang => {}
                other => problems.push(format!("{address}: the {lang} counterpart is {other:?}")),
            }
        }
        let mut links: Vec<String> = counterparts.into_values().collect();
        for anchor in html.select(&anchors) {
            let Some(href) = anchor.value().attr("href") else { continue };
            if !href.starts_with('/') || href.starts_with("//") || language_neutral(href) {
                continue;
            }
            let switches_language = anchor.value().attr("hreflang").is_some();
            if !switches_language && language_of(href) != expected {
                problems.push(format!("{address}: a link leaves the page's language: {href}"));
            }
            links.push(href.to_owned());
        }
        for link in links {
            let link = link.split('#').next().unwrap_or(&link).to_owned();
            if link.is_empty() || seen.contains(&link) {
                continue;
            }
            let path = link.split('?').next().unwrap_or(&link).to_owned();
            let count = per_path.entry(path).or_default();
            if *count >= QUERIES_PER_PATH {
                continue;
            }
            *count += 1;
            seen.insert(link.clone());
            queue.push_back(link);
        }
    }
    assert!(problems.is_empty(), "{} problems on {pages} pages:\n{}", problems.len(), problems.join("\n"));
    let spanish = seen.iter().filter(|address| language_of(address) == "es").count();
    let english = seen.len() - spanish;
    assert!(spanish > 40 && english > 40, "the walk reached {english} English and {spanish} Spanish pages");
}

#[actix_web::test]
async fn a_page_and_its_counterpart_have_different_etags_and_the_same_meetings() {
    let app = TestApp::spawn();
    let english = app.get("/meetings?type=O").await;
    let spanish = app.get("/es/meetings?type=O").await;
    assert_eq!((english.status, spanish.status), (StatusCode::OK, StatusCode::OK));
    let (english_tag, spanish_tag) = (english.header("etag"), spanish.header("etag"));
    assert!(english_tag.is_some() && english_tag != spanish_tag, "{english_tag:?} vs {spanish_tag:?}");
    let in_spanish: Vec<String> =
        spanish.listed_meetings().into_iter().map(|slug| slug.trim_start_matches("/es/meetings/").to_owned()).collect();
    assert_eq!(english.listed_meetings(), in_spanish);
    let not_found = app.get("/es/no-such-page").await;
    assert_eq!(not_found.status, StatusCode::NOT_FOUND);
    assert_eq!(not_found.texts("h1"), ["Página no encontrada"]);
    assert_eq!(not_found.attributes("html", "lang"), ["es"]);
}
