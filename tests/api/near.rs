//! "Near me, soon" (issue 22): places found as people type them, from addresses in the shape real
//! feeds give; a default distance widened until it holds enough; online meetings kept apart from
//! the distance; the online clock in the person's zone.

use mutual_support::finder::{Found, Listing};
use mutual_support::meetings::MeetingFilter;

use crate::helpers::{Page, TestApp, import};

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
    let online = page.attributes("section.online-section h3 a", "href");
    assert!(online.iter().any(|href| href.starts_with("/meetings/zoom-east?from=")), "{online:?}");
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

/// A meeting record (JSON) that started `minutes_ago` minutes ago, in UTC, an hour long; `extra`
/// adds fields (`"key": value, ` each).
fn started(slug: &str, minutes_ago: i64, extra: &str) -> String {
    let start = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC)
        - jiff::SignedDuration::from_mins(minutes_ago);
    let end = start.clone() + jiff::SignedDuration::from_mins(60);
    let day = start.weekday().to_sunday_zero_offset();
    format!(
        r#"{{"name": "Moment {slug}", "slug": "{slug}", "day": {day}, "time": "{:02}:{:02}", "end_time": "{:02}:{:02}",
            "timezone": "UTC", "fellowship": "alcoholics-anonymous", "types": ["O"], {extra}"feedback_url": "https://intergroup.example/update"}}"#,
        start.hour(),
        start.minute(),
        end.hour(),
        end.minute()
    )
}

const ZOOM: &str = r#""conference_url": "https://us02web.zoom.us/j/123456789?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ",
    "conference_url_notes": "Meeting ID: 123 456 789 Passcode: 987654", "conference_phone": "+16699006833", "#;
const VENUE: &str = r#""location": "Beach Hall", "formatted_address": "18700 Delaware St, Huntington Beach, CA 92648, USA",
    "latitude": 33.66, "longitude": -117.99, "#;

/// The first screen's moment section: its text in one line.
fn moment(page: &Page) -> String {
    page.texts("section.moment").join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn an_online_meeting_in_progress_says_join_now_with_its_link_id_passcode_and_a_dial_in_carrying_them() {
    let app = TestApp::with_fixture("near-feed.json");
    import(&app, &format!("[{}]", started("zoom-now", 10, ZOOM)));
    let page = app.get("/meetings/zoom-now").await;
    let text = moment(&page);
    // Ten minutes ago, or eleven when the clock's minute turned between import and request.
    assert!(text.contains("In progress · started 1") && text.contains(" min ago — join now"), "{text}");
    assert!(text.contains("Online"), "{text}");
    assert_eq!(
        page.attributes("section.moment a#join", "href"),
        ["https://us02web.zoom.us/j/123456789?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ"]
    );
    assert_eq!(page.texts("section.moment dd.meeting-id"), ["123 456 789"]);
    assert_eq!(page.texts("section.moment dd.passcode"), ["987654"]);
    assert_eq!(
        page.attributes("section.moment a.dial-in", "href"),
        ["tel:+16699006833,,123456789%23,,,,*987654%23"],
        "one tap dials the meeting and its passcode"
    );
    assert!(page.attributes("a#directions", "href").is_empty(), "nowhere to go to");
    assert!(page.attributes("main a[href^='https://us02web']", "href").len() == 1, "the link once, as the button");
    let later = app.get("/meetings/beach-0").await;
    assert!(!moment(&later).contains("join now"), "{}", moment(&later));
}

#[actix_web::test]
async fn an_in_person_meeting_has_directions_as_its_one_action_and_a_hybrid_one_has_directions_and_join() {
    let app = TestApp::with_fixture("near-feed.json");
    import(
        &app,
        &format!("[{}, {}]", started("hall-soon", -25, VENUE), started("both-ways", -25, &format!("{VENUE}{ZOOM}"))),
    );
    let hall = app.get("/meetings/hall-soon").await;
    let text = moment(&hall);
    assert!(text.contains("In 2") && text.contains("Beach Hall, 18700 Delaware St"), "{text}");
    assert!(!text.contains("join now"), "{text}");
    assert_eq!(hall.attributes("section.moment a.button", "id"), ["directions"]);
    assert_eq!(hall.attributes("a.button", "id"), ["directions"], "one big action on the page");
    let both = app.get("/meetings/both-ways").await;
    assert_eq!(both.attributes("section.moment a.button", "id"), ["directions", "join"]);
    assert_eq!(both.texts("section.moment dd.passcode"), ["987654"]);
}

#[actix_web::test]
async fn back_to_your_results_keeps_the_filters_and_leads_only_to_the_finder() {
    let app = TestApp::with_fixture("near-feed.json");
    let results = app.get("/meetings?near=Huntington+Beach&type=O&day=1&tz=America%2FLos_Angeles").await;
    let href = results.attributes("ol.meeting-list h3 a", "href").into_iter().next().expect("a result");
    assert!(href.starts_with("/meetings/beach-"), "{href}");
    let page = app.get(&href).await;
    assert_eq!(
        page.attributes("nav.breadcrumb a.back", "href"),
        ["/meetings?type=O&day=1&near=Huntington+Beach&tz=America%2FLos_Angeles#results"]
    );
    assert_eq!(page.texts("nav.breadcrumb a.back"), ["‹ Back to your results"]);
    let spanish = app.get(&format!("/es{href}")).await;
    assert!(spanish.attributes("a.back", "href")[0].starts_with("/es/meetings?type=O&day=1"));
    for hostile in ["https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "near%3D%252F%252Fevil%26x%3D%3Cscript%3E"] {
        let page = app.get(&format!("/meetings/beach-0?from={hostile}")).await;
        assert_eq!(page.status, 200, "{hostile}");
        for href in page.attributes("nav.breadcrumb a", "href") {
            assert!(href == "/meetings" || href.starts_with("/meetings?near=%2F%2Fevil#"), "{hostile}: {href}");
        }
    }
    let plain = app.get("/meetings/beach-0").await;
    assert_eq!(plain.attributes("nav.breadcrumb a", "href"), ["/meetings"], "no results to go back to");
}

#[actix_web::test]
async fn a_meeting_page_has_exactly_one_report_a_change() {
    let app = TestApp::with_fixture("near-feed.json");
    import(&app, &format!("[{}]", started("reported", 10, ZOOM)));
    for address in ["/meetings/reported", "/es/meetings/reported", "/meetings/beach-0"] {
        let page = app.get(address).await;
        let reports: Vec<String> = page
            .texts("main a")
            .into_iter()
            .filter(|text| text.contains("Report a change") || text.contains("Informar un cambio"))
            .collect();
        assert_eq!(reports.len(), 1, "{address}: {reports:?}");
        let slug = address.rsplit('/').next().unwrap_or_default();
        assert!(page.attributes("p.report-change a", "href")[0].ends_with(&format!("/meetings/{slug}/change")));
    }
}

#[actix_web::test]
async fn the_home_page_asks_for_a_place_and_sends_it_to_the_finders_results() {
    let app = TestApp::with_fixture("near-feed.json");
    for (address, action) in [("/", "/meetings#results"), ("/es", "/es/meetings#results")] {
        let home = app.get(address).await;
        assert_eq!(home.attributes("form.near-form", "action"), [action], "{address}");
        assert_eq!(home.attributes("form.near-form input#near", "name"), ["near"]);
        assert_eq!(home.attributes("form.near-form button[data-locate]", "hidden"), [""], "shown only by the script");
        assert_eq!(home.attributes("script[src^='/static/finder.js']", "defer"), [""]);
    }
    let typed = app.get("/meetings?near=huntington+bch").await;
    assert!(typed.texts("#result-count")[0].contains("Huntington Beach"), "{:?}", typed.texts("#result-count"));
}
