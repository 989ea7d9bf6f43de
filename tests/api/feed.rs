//! `/feed/meetings.json` and `/meetings.ics`: the finder's filters, every match, machine-readable.

use crate::helpers::TestApp;

#[actix_web::test]
async fn the_json_feed_takes_the_finders_filters() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/feed/meetings.json?type=W").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("application/json"));
    let feed: Vec<serde_json::Value> = serde_json::from_str(&page.body).expect("a JSON array");
    let mut slugs: Vec<&str> = feed.iter().filter_map(|meeting| meeting["slug"].as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["alpha-open-women", "gamma-closed-women"]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&app.get("/feed/meetings.json").await.body).expect("JSON");
    assert_eq!(all.len(), 11, "every meeting, temporarily closed ones too, on one page");
}

#[actix_web::test]
async fn the_public_feed_shows_contacts_by_first_name_only() {
    let app = TestApp::with_fixture("finder-feed.json");
    let feed = br#"[{"name": "Contact Test", "slug": "contact-test", "day": 1, "time": "09:00", "fellowship": "co-anon",
        "formatted_address": "1 Example St, Riverton, MN 55990, USA", "contact_1_name": "Dana Smith", "contact_1_phone": "555-0100"}]"#;
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(feed, &defaults).expect("parses").meetings;
    app.state.store.import(&meetings, &Default::default()).expect("imports");
    let page = app.get("/feed/meetings.json?group=co-anon").await;
    let feed: Vec<serde_json::Value> = serde_json::from_str(&page.body).expect("JSON");
    assert_eq!(feed[0]["contact_1_name"], "Dana");
    assert!(!page.body.contains("Smith"));
    assert!(feed[0].get("contact_1_phone").is_none(), "contact phone numbers are not published");
}

#[actix_web::test]
async fn the_finder_advertises_its_feed() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings?type=O&day=1").await;
    let links = page.attributes("link[rel=alternate][type='application/json'][title='Meetings Feed']", "href");
    assert_eq!(links, ["/feed/meetings.json?type=O&day=1"]);
}

#[actix_web::test]
async fn the_calendar_of_a_filtered_list_has_one_weekly_event_per_meeting() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings.ics?group=narcotics-anonymous").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.body.matches("BEGIN:VEVENT").count(), 2);
    assert!(page.body.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH"));
}

#[actix_web::test]
async fn a_feed_with_a_bad_filter_is_a_400_page_that_says_why() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/feed/meetings.json?day=9").await;
    assert_eq!(page.status, 400);
    assert!(page.texts("main p").iter().any(|text| text.contains("“9” is not a day")));
}

#[actix_web::test]
async fn a_stored_name_with_line_breaks_cannot_add_properties_to_either_calendar() {
    let app = TestApp::with_fixture("finder-feed.json");
    // Stored as a database from before the reader refused control characters may hold it.
    let hostile = "Evil\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\rX-INJECTED:1";
    let meeting = mutual_support::meetings::Meeting {
        slug: "hostile".into(),
        name: hostile.into(),
        group_slug: Some("co-anon".into()),
        timezone: "America/Chicago".into(),
        days: vec![mutual_support::meetings::Weekday::new(1).expect("day")],
        time: mutual_support::meetings::MeetingTime::new(19, 0),
        location: Some("Hall\rLOCATION:elsewhere".into()),
        notes: Some("Side door\r\nBEGIN:VALARM".into()),
        ..Default::default()
    };
    app.state.store.import(&[meeting], &Default::default()).expect("imports");
    for path in ["/meetings/hostile.ics", "/meetings.ics?group=co-anon"] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        for line in page.body.split("\r\n") {
            assert!(!line.contains('\r') && !line.contains('\n'), "{path}: a bare line break in {line:?}");
            for injected in ["BEGIN:VALARM", "ACTION:", "X-INJECTED", "LOCATION:elsewhere"] {
                assert!(!line.starts_with(injected), "{path}: injected {injected:?}:\n{}", page.body);
            }
        }
        assert!(
            page.body.contains(r"SUMMARY:Evil\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nX-INJECTED:1"),
            "{}",
            page.body
        );
    }
}
