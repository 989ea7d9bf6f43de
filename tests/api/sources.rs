//! `/sources`: where the meetings come from, and how fresh each list is.

use mutual_support::db::{NewSource, SourceFetch};
use mutual_support::feed::{FeedDefaults, parse_meeting_guide};

use crate::helpers::TestApp;

fn new_source(name: &str, group_slug: &str) -> NewSource {
    NewSource {
        name: name.to_owned(),
        url: format!("https://{name}.example.org/meetings.json"),
        group_slug: group_slug.to_owned(),
        timezone: None,
        ..Default::default()
    }
}

/// Two sources: "metro-intergroup" with two meetings, and "county-clinic", whose last fetch failed
/// after one good one.
fn two_sources_one_failing(app: &TestApp) {
    let store = &app.state.store;
    let fresh = store.add_source(&new_source("metro-intergroup", "alcoholics-anonymous")).expect("added");
    let feed = br#"[{"name": "Tuesday Night", "slug": "tuesday-night", "day": 2, "time": "19:00"},
                    {"name": "Friday Night", "slug": "friday-night", "day": 5, "time": "19:00"}]"#;
    let defaults =
        FeedDefaults { group_slug: Some("alcoholics-anonymous".into()), ..FeedDefaults::new("America/Chicago") };
    let meetings = parse_meeting_guide(feed, &defaults).expect("feed").meetings;
    store.import_source(&fresh, &meetings, &SourceFetch::default()).expect("imported");
    let failing = store.add_source(&new_source("county-clinic", "smart-recovery")).expect("added");
    store.import_source(&failing, &meetings[..1], &SourceFetch::default()).expect("imported");
    store.record_source_failure(failing.id, "the server answered 500 Internal Server Error").expect("recorded");
}

#[actix_web::test]
async fn the_sources_page_names_each_source_with_its_group_link_and_freshness() {
    let app = TestApp::spawn();
    let store = &app.state.store;
    two_sources_one_failing(&app);
    store.add_source(&new_source("new-office", "narcotics-anonymous")).expect("added");
    let origin = store.source_of_meeting("friday-night").expect("read").map(|source| source.name);
    assert_eq!(origin.as_deref(), Some("metro-intergroup"));

    let page = app.get("/sources").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("main h2"), ["county-clinic", "metro-intergroup", "new-office"]);
    let cards = page.texts("main li.card");
    assert!(cards[1].contains("2 meetings, updated just now"), "{}", cards[1]);
    assert!(cards[0].contains("1 meeting, updated just now"), "{}", cards[0]);
    assert!(cards[0].contains("The last attempt failed just now"), "{}", cards[0]);
    assert!(!cards[1].contains("failed"), "{}", cards[1]);
    assert!(cards[2].contains("not fetched successfully yet"), "{}", cards[2]);
    let links = page.attributes("main li.card a", "href");
    for link in
        ["/groups/smart-recovery", "/groups/alcoholics-anonymous", "https://metro-intergroup.example.org/meetings.json"]
    {
        assert!(links.iter().any(|href| href == link), "no link to {link} in {links:?}");
    }
    assert!(page.body.contains("entered here"), "the page says what meetings entered here are called");
    assert!(page.header("set-cookie").is_none());
}

#[actix_web::test]
async fn the_sources_page_says_so_when_every_meeting_was_entered_here() {
    let app = TestApp::spawn();
    let first = app.get("/meetings").await.listed_meetings().remove(0);
    assert!(app.state.store.source_of_meeting(&first).expect("read").is_none(), "entered here");
    let page = app.get("/sources").await;
    assert_eq!(page.status, 200);
    assert!(page.texts("main p").iter().any(|text| text.contains("follows no published lists")));
}

#[actix_web::test]
async fn every_page_links_to_the_sources_from_its_footer() {
    let app = TestApp::spawn();
    for path in ["/", "/groups", "/nope"] {
        let page = app.get(path).await;
        assert!(page.attributes("footer a", "href").iter().any(|href| href == "/sources"), "{path}");
    }
}

#[actix_web::test]
async fn the_spanish_sources_page_counts_and_dates_in_spanish_and_links_under_es() {
    let app = TestApp::spawn();
    two_sources_one_failing(&app);

    let page = app.get("/es/sources").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert_eq!(page.texts("main h1"), ["De dónde vienen las reuniones"]);
    let cards = page.texts("main li.card");
    assert!(cards[0].contains("1 reunión, actualizada hace un momento"), "{}", cards[0]);
    assert!(cards[0].contains("El último intento falló hace un momento"), "{}", cards[0]);
    assert!(cards[1].contains("2 reuniones, actualizada hace un momento"), "{}", cards[1]);
    let links = page.attributes("main li.card a", "href");
    assert!(links.iter().any(|href| href == "/es/groups/alcoholics-anonymous"), "{links:?}");
    assert!(page.body.contains("ingresadas aquí"));
}
