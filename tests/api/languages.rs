//! Every page in every language: a walk over the site's links from `/` and from `/es`, checking
//! that each page answers, says its language, links to its counterpart in the other language, and
//! keeps its visitor in the language they chose.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;

use scraper::Selector;

use crate::helpers::{TestApp, language_neutral, language_of};

#[actix_web::test]
async fn every_page_reached_from_either_home_page_has_its_counterpart_and_keeps_its_language() {
    let app = TestApp::spawn();
    let anchors = Selector::parse("a[href]").expect("selector");
    let alternates = Selector::parse("link[rel=alternate][hreflang]").expect("selector");
    let root = Selector::parse("html").expect("selector");
    let walked = app.walk().await;
    let mut problems = Vec::new();
    for (address, page) in &walked {
        if page.status != 200 {
            problems.push(format!("{address}: status {}", page.status));
            continue;
        }
        let html = page.html();
        let expected = language_of(address);
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
        for anchor in html.select(&anchors) {
            let Some(href) = anchor.value().attr("href") else { continue };
            if !href.starts_with('/') || href.starts_with("//") || language_neutral(href) {
                continue;
            }
            let switches_language = anchor.value().attr("hreflang").is_some();
            if !switches_language && language_of(href) != expected {
                problems.push(format!("{address}: a link leaves the page's language: {href}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems on {} pages:\n{}", problems.len(), walked.len(), problems.join("\n"));
    let spanish = walked.iter().filter(|(address, _)| language_of(address) == "es").count();
    let english = walked.len() - spanish;
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
