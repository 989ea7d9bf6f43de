//! "Near me, soon" (issue 22): places found as people type them, from addresses in the shape real
//! feeds give; a default distance widened until it holds enough; online meetings kept apart from
//! the distance; the online clock in the person's zone.

use mutual_support::finder::{Found, Listing};
use mutual_support::meetings::MeetingFilter;

use crate::helpers::TestApp;

/// Monday 6:30 pm in Los Angeles.
const MONDAY_EVENING: &str = "2026-12-01T02:30:00Z";

fn find(app: &TestApp, query: &str) -> Found {
    let filter: MeetingFilter = app.state.meeting_filter(query);
    let now: jiff::Timestamp = MONDAY_EVENING.parse().expect("timestamp");
    app.state.finder().expect("index").find(&filter, now, Listing::PerMeeting, 0, 100)
}

#[actix_web::test]
async fn a_place_is_found_by_postal_code_any_case_with_a_state_abbreviated_misspelt_or_as_coordinates() {
    let app = TestApp::with_fixture("near-feed.json");
    for asked in ["92648", "huntington beach", "Huntington Beach, CA", "HUNTINGTON BEACH CA 92648"] {
        let found = find(&app, &format!("near={}", asked.replace(' ', "+").replace(',', "%2C")));
        let place = found.place.expect(asked);
        assert_eq!(place.name.to_lowercase().replace("92648", "huntington beach"), "huntington beach", "{asked}");
        assert_eq!(place.typed, None, "{asked}");
        assert!(found.notices.is_empty(), "{asked}: {:?}", found.notices);
    }
    for asked in ["huntington+bch", "Huntingdon+Beach"] {
        let place = find(&app, &format!("near={asked}")).place.expect(asked);
        assert_eq!(place.name, "Huntington Beach");
        assert_eq!(place.typed.as_deref(), Some(asked.replace('+', " ").as_str()), "told as 'you typed'");
    }
    assert!(find(&app, "near=92618").place.is_some(), "a ZIP+4's five digits");
    let here = find(&app, "near=33.660,-117.990");
    assert!(here.place.as_ref().is_some_and(|place| place.coordinates), "near=lat,lng");
    assert_eq!(here.within, Some((2, true)));
    let page = app.get("/meetings?near=Huntingdon+Beach").await;
    assert!(
        page.texts("#result-count")[0].contains("within 2 mi of Huntington Beach"),
        "{:?}",
        page.texts("#result-count")
    );
    assert_eq!(page.texts("#results p.typed"), ["(you typed Huntingdon Beach)"]);
    let unknown = app.get("/meetings?near=Los+Angeles").await;
    assert_eq!(unknown.texts("#results div.notice").len(), 1, "the notice is inside the results, where the page lands");
}

#[actix_web::test]
async fn a_place_alone_narrows_to_a_default_distance_widened_until_it_holds_enough() {
    let app = TestApp::with_fixture("near-feed.json");
    let beach = find(&app, "near=Huntington+Beach");
    assert_eq!((beach.total, beach.within), (11, Some((2, true))), "eleven within 2 mi: enough");
    let irvine = find(&app, "near=Irvine");
    assert_eq!(irvine.within, Some((10, true)), "one at 2 and 5 mi, twelve at 10");
    assert_eq!(irvine.total, 12);
    let asked = find(&app, "near=Irvine&within=5");
    assert_eq!((asked.total, asked.within), (1, Some((5, false))), "a distance asked is kept");
    let page = app.get("/meetings?near=Irvine&within=5").await;
    assert_eq!(page.texts("#online-heading").len(), 1, "few near: online meetings are offered, any place");
    assert!(page.attributes("section.online-section h3 a", "href").contains(&"/meetings/zoom-east".to_owned()));
}

#[actix_web::test]
async fn online_meetings_are_never_hidden_by_a_distance_and_read_on_the_sites_clock() {
    let app = TestApp::with_fixture("near-feed.json");
    let page = app.get("/meetings?near=Huntington+Beach&within=1&attendance=online").await;
    let online = page.texts("section.online-section li");
    assert_eq!(online.len(), 1, "{online:?}");
    assert!(
        online[0].contains("7:00 pm to 8:00 pm") && online[0].contains("(8:00 pm New York time)"),
        "8 pm in New York reads 7 pm on the site's (Chicago) clock, its own beside: {online:?}"
    );
}

#[actix_web::test]
async fn tonight_leaves_out_meetings_that_are_over() {
    let app = TestApp::with_fixture("near-feed.json");
    // 8:30 pm in Chicago: New York's 8 pm meeting ended at 8 pm Chicago time; the beach's 7 pm
    // (Los Angeles) starts in 30 minutes.
    let tonight = find(&app, "day=tonight");
    let slugs: Vec<&str> = tonight.listings.iter().map(|listing| listing.slug.as_str()).collect();
    assert!(!slugs.contains(&"zoom-east"), "{slugs:?}");
    assert_eq!(tonight.total, 11, "{slugs:?}");
    assert_eq!(tonight.listings[0].starts_in, Some(30));
}
