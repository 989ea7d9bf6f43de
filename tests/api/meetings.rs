//! The meeting finder, one meeting's page and its calendar file.

use mutual_support::finder::Listing;
use mutual_support::meetings::filter::PAGE_SIZE;
use mutual_support::meetings::{MeetingFilter, TypeVocabulary};

use crate::helpers::{TestApp, import};

async fn listed(app: &TestApp, query: &str) -> Vec<String> {
    let page = app.get(&format!("/meetings?{query}")).await;
    assert_eq!(page.status, 200, "{query}");
    let mut slugs = page.listed_meetings();
    slugs.sort();
    slugs
}

#[actix_web::test]
async fn types_must_all_be_present() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(listed(&app, "type=W").await, ["alpha-open-women", "gamma-closed-women"]);
    assert_eq!(listed(&app, "type=O&type=W").await, ["alpha-open-women"]);
    assert!(listed(&app, "type=C&type=O").await.is_empty());
}

#[actix_web::test]
async fn any_of_several_groups_is_enough() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(
        listed(&app, "group=narcotics-anonymous&group=smart-recovery").await,
        ["delta-hybrid", "eta-two-days", "gamma-closed-women", "kappa-tokyo"]
    );
}

#[actix_web::test]
async fn a_hybrid_meeting_is_found_as_in_person_and_as_online() {
    let app = TestApp::with_fixture("finder-feed.json");
    let in_person = listed(&app, "attendance=in_person").await;
    let online = listed(&app, "attendance=online").await;
    assert!(in_person.contains(&"delta-hybrid".to_owned()) && online.contains(&"delta-hybrid".to_owned()));
    assert!(online.contains(&"epsilon-phone".to_owned()), "a phone-only meeting is online: {online:?}");
    assert!(!in_person.contains(&"epsilon-phone".to_owned()));
    assert!(!online.contains(&"alpha-open-women".to_owned()));
    assert_eq!(listed(&app, "attendance=hybrid").await, ["delta-hybrid"]);
}

#[actix_web::test]
async fn temporarily_closed_meetings_are_hidden_unless_asked_for() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert!(!listed(&app, "").await.contains(&"zeta-closed".to_owned()));
    assert!(listed(&app, "inactive=yes").await.contains(&"zeta-closed".to_owned()));
    assert_eq!(listed(&app, "type=TC").await, ["zeta-closed"]);
}

#[actix_web::test]
async fn several_days_and_a_meeting_on_several_days() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(listed(&app, "day=2").await, ["delta-hybrid", "eta-two-days"]);
    assert_eq!(listed(&app, "day=4").await, ["eta-two-days"], "zeta is closed, eta meets Tuesday and Thursday");
    assert_eq!(listed(&app, "day=2&day=4").await, ["delta-hybrid", "eta-two-days"], "each meeting once");
}

#[actix_web::test]
async fn times_of_day_include_night_past_midnight() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(listed(&app, "time=morning").await, ["beta-open", "eta-two-days", "iota-sunday-morning"]);
    assert_eq!(listed(&app, "time=night").await, ["epsilon-phone", "theta-sunday-night"]);
    assert!(!listed(&app, "time=night").await.contains(&"lambda-appointment".to_owned()));
}

#[actix_web::test]
async fn results_are_in_day_and_time_order_with_appointments_last() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(app.get("/meetings").await.listed_meetings().last().map(String::as_str), Some("lambda-appointment"));
    let page = app.get("/meetings?day=0&day=1").await;
    let order = page.listed_meetings();
    assert_eq!(order.first().map(String::as_str), Some("iota-sunday-morning"));
    let monday: Vec<&String> = order
        .iter()
        .filter(|slug| ["beta-open", "alpha-open-women", "gamma-closed-women"].contains(&slug.as_str()))
        .collect();
    assert_eq!(monday, ["beta-open", "alpha-open-women", "gamma-closed-women"]);
}

#[actix_web::test]
async fn text_search_looks_in_names_places_and_notes() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(listed(&app, "q=serenity").await, ["eta-two-days"], "a meeting on two days is listed once");
    assert_eq!(listed(&app, "q=maple+falls").await, ["gamma-closed-women"]);
    assert_eq!(listed(&app, "q=library").await, ["delta-hybrid"]);
    assert_eq!(listed(&app, "q=smart").await, ["delta-hybrid", "kappa-tokyo"], "the group's name counts");
    assert!(listed(&app, "q=%22%29%28*+OR").await.is_empty(), "FTS syntax in the search is taken as words");
}

#[actix_web::test]
async fn today_is_the_persons_today_in_the_sites_zone_or_the_one_asked_and_leaves_out_what_is_over() {
    let app = TestApp::with_fixture("finder-feed.json");
    let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
    // Monday 03:00 UTC: Sunday 21:00 in Chicago (the site's zone), Monday noon in Tokyo.
    let now: jiff::Timestamp = "2026-11-30T03:00:00Z".parse().expect("timestamp");
    let listed = |query: &str| {
        let filter = MeetingFilter::parse(query, &vocabulary, |_| true);
        let results = app.state.finder().expect("index").find(&filter, now, Listing::PerMeeting, 0, 25);
        let order: Vec<String> = results.listings.iter().map(|listing| listing.slug.clone()).collect();
        assert_eq!(results.total, order.len() as u64, "{query}");
        order
    };
    assert_eq!(
        listed("day=today"),
        ["theta-sunday-night"],
        "Sunday in Chicago: its 21:30 starts in 30 minutes; its 08:00 is over; Tokyo's Monday 18:00 is Chicago's Monday"
    );
    assert_eq!(
        listed("day=today&tz=Asia/Tokyo"),
        ["theta-sunday-night", "kappa-tokyo", "beta-open"],
        "Monday in Tokyo runs from Sunday 9 am to Monday 9 am in Chicago"
    );
}

#[actix_web::test]
async fn the_count_and_the_pages_cover_every_result_once() {
    let app = TestApp::spawn();
    let first = app.get("/meetings").await;
    let count_text = first.texts("#result-count")[0].clone();
    let total: usize = count_text.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a count");
    assert!(total >= 150, "the sample has at least 150 meetings: {count_text}");
    let pages = total.div_ceil(PAGE_SIZE as usize);
    let mut seen = Vec::new();
    for number in 1..=pages {
        let page = app.get(&format!("/meetings?page={number}")).await;
        let slugs = page.listed_meetings();
        let expected = if number < pages { PAGE_SIZE as usize } else { total - PAGE_SIZE as usize * (pages - 1) };
        assert_eq!(slugs.len(), expected, "page {number}");
        seen.extend(slugs);
    }
    assert_eq!(seen.len(), total);
    assert_eq!(first.attributes("a[rel=next]", "href"), ["/meetings?page=2"]);
    assert!(first.body.contains("Sample data"), "sample meetings are labelled");
}

#[actix_web::test]
async fn bad_input_gets_a_notice_never_an_error() {
    let app = TestApp::with_fixture("finder-feed.json");
    let long = "x".repeat(5000);
    for query in [
        "day=9".to_owned(),
        "time=foo".to_owned(),
        "page=-1".to_owned(),
        format!("q={long}"),
        "type=%3Cscript%3Ealert(1)%3C/script%3E".to_owned(),
        "day=1&day=1&time=morning&time=night".to_owned(),
        "q=%ZZ%E2%28&&&=&type".to_owned(),
        "group=%3Cb%3Enope".to_owned(),
        "page=999999999999".to_owned(),
    ] {
        let page = app.get(&format!("/meetings?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        assert!(!page.body.contains("<script>alert"), "{query} is reflected unescaped");
        assert!(!page.body.contains("<b>nope"), "{query} is reflected unescaped");
        assert!(page.body.len() < 60_000, "{query} echoes too much");
    }
    let page = app.get("/meetings?day=9&time=foo").await;
    let notices = page.texts("div.notice li");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].contains("“9” is not a day"));
}

#[actix_web::test]
async fn an_empty_result_explains_itself_and_offers_wider_searches() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings?type=W&day=3").await;
    assert_eq!(page.texts("#result-count"), ["No meetings found"]);
    let wider = page.attributes("section.results a", "href");
    assert!(wider.contains(&"/meetings?type=W".to_owned()), "{wider:?}");
    assert!(wider.contains(&"/meetings?day=3".to_owned()), "{wider:?}");
}

#[actix_web::test]
async fn a_finder_page_has_an_etag_and_answers_304_to_a_repeat() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings?type=O").await;
    let etag = page.header("etag").expect("an ETag").to_owned();
    assert!(page.header("cache-control").is_some_and(|value| value.contains("max-age")));
    let repeat = app
        .request(
            actix_web::test::TestRequest::get().uri("/meetings?type=O").insert_header(("if-none-match", etag.clone())),
        )
        .await;
    assert_eq!(repeat.status, 304);
    let other = app.get("/meetings?type=C").await;
    assert_ne!(other.header("etag"), Some(etag.as_str()));
}

#[actix_web::test]
async fn a_meeting_page_shows_when_where_how_and_its_types() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings/delta-hybrid").await;
    assert_eq!(page.status, 200);
    let text = page.texts("main").join(" ");
    assert!(text.contains("Tuesday, 12:30 pm to 1:30 pm (Chicago time)"), "{text}");
    assert!(text.contains("Delta Library") && text.contains("4 Example St"));
    assert!(page.attributes("a", "href").contains(&"https://video.example.org/delta".to_owned()));
    assert!(page.attributes("a", "href").contains(&"/groups/smart-recovery".to_owned()));
    assert!(page.attributes("a", "href").contains(&"/meetings/delta-hybrid.ics".to_owned()));
    let al_anon = app.get("/meetings/theta-sunday-night").await;
    let types = al_anon.texts("ul.types-list li");
    assert!(types.contains(&"Open".to_owned()));
    assert!(types.iter().any(|t| t.starts_with("POA") || t.contains("Proof")), "program codes are kept: {types:?}");
    assert_eq!(app.get("/meetings/no-such-meeting").await.status, 404);
}

#[actix_web::test]
async fn the_calendar_file_repeats_weekly_at_local_time_in_the_meetings_zone() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings/eta-two-days.ics").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").is_some_and(|value| value.starts_with("text/calendar")));
    let body = page.body.replace("\r\n ", "");
    let start = body.lines().find(|line| line.starts_with("DTSTART")).expect("DTSTART");
    assert!(start.starts_with("DTSTART;TZID=America/Chicago:") && start.ends_with("T063000"), "{start}");
    let end = body.lines().find(|line| line.starts_with("DTEND")).expect("DTEND");
    assert!(end.ends_with("T073000"), "one hour by default: {end}");
    assert!(body.lines().any(|line| line == "RRULE:FREQ=WEEKLY;BYDAY=TU,TH"), "{body}");
    let date = &start["DTSTART;TZID=America/Chicago:".len()..][..8];
    let date: jiff::civil::Date = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]).parse().expect("a date");
    assert!(matches!(date.weekday(), jiff::civil::Weekday::Tuesday | jiff::civil::Weekday::Thursday));
    assert_eq!(app.get("/meetings/lambda-appointment.ics").await.status, 400);
}

#[actix_web::test]
async fn a_group_page_counts_its_meetings_and_links_to_them() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/groups/narcotics-anonymous").await;
    let link = page.texts("a[href='/meetings?group=narcotics-anonymous']");
    assert_eq!(link, ["2 meetings in this directory"]);
}

#[actix_web::test]
async fn an_import_is_seen_at_once_by_cached_finder_pages() {
    let app = TestApp::with_fixture("finder-feed.json");
    assert_eq!(listed(&app, "type=W").await.len(), 2);
    let etag = app.get("/meetings?type=W").await.header("etag").map(str::to_owned);
    let feed = br#"[{"name": "New Women", "slug": "new-women", "day": 5, "time": "10:00", "types": ["W"],
        "formatted_address": "5 Example St, Riverton, MN 55990, USA", "fellowship": "alcoholics-anonymous"}]"#;
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(feed, &defaults).expect("parses").meetings;
    app.state.store.import(&meetings, &Default::default()).expect("imports");
    assert_eq!(listed(&app, "type=W").await.len(), 3);
    assert_ne!(app.get("/meetings?type=W").await.header("etag").map(str::to_owned), etag);
}

#[actix_web::test]
async fn the_first_real_import_retires_the_sample_meetings_and_their_label() {
    let app = TestApp::spawn();
    assert!(app.get("/meetings").await.body.contains("Sample data"));
    let summary = import(
        &app,
        r#"[{"name": "Real Meeting", "slug": "real-meeting", "day": 2, "time": "19:00", "types": ["O"],
            "formatted_address": "1 Real St, Riverton, MN 55990, USA", "fellowship": "alcoholics-anonymous"}]"#,
    );
    assert!(summary.archived >= 150, "{summary:?}");
    let page = app.get("/meetings").await;
    assert_eq!(page.listed_meetings(), ["real-meeting"]);
    assert!(!page.body.contains("Sample data"));
    assert_eq!(app.get("/meetings?q=riverton").await.listed_meetings(), ["real-meeting"]);
    let feed: Vec<serde_json::Value> = serde_json::from_str(&app.get("/feed/meetings.json").await.body).expect("JSON");
    assert_eq!(feed.len(), 1);
}

#[test]
fn today_on_a_directory_without_meetings_is_an_empty_answer() {
    let folder = tempfile::tempdir().expect("folder");
    let settings = mutual_support::state::Settings {
        database_path: folder.path().join("empty.sqlite3"),
        default_timezone: "America/Chicago".to_owned(),
        seed_sample_meetings: false,
        response_cache_bytes: 0,
        distance_unit: Default::default(),
        clinic: Default::default(),
    };
    let core = mutual_support::state::Core::open(&settings).expect("opens");
    let index = core
        .build_index(core.store.revision().expect("revision"), Default::default(), "America/Chicago")
        .expect("index");
    let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
    let filter = MeetingFilter::parse("day=today", &vocabulary, |_| true);
    let results = index.find(&filter, jiff::Timestamp::now(), Listing::PerMeeting, 0, 25);
    assert_eq!(results.total, 0);
}

#[actix_web::test]
async fn type_codes_match_in_any_case_and_addresses_from_parts_are_shown() {
    let app = TestApp::with_fixture("finder-feed.json");
    import(
        &app,
        r#"[{"name": "Lower Case Codes", "slug": "lower-case", "day": 5, "time": "12:00", "types": ["o", "12x12"],
            "address": "9 Part St", "city": "Riverton", "state": "MN", "fellowship": "narcotics-anonymous"}]"#,
    );
    assert_eq!(listed(&app, "type=O&day=5").await, ["lower-case"]);
    assert_eq!(listed(&app, "type=12x12").await, ["lower-case"]);
    let page = app.get("/meetings?day=5").await;
    let places = page.texts("ol.meeting-list .where");
    assert!(places.iter().any(|place| place.contains("9 Part St, Riverton, MN")), "{places:?}");
    let notices = app.get("/meetings?type=12x12").await.texts("div.notice li");
    assert!(notices.is_empty(), "12x12 is a standard code: {notices:?}");
}

#[actix_web::test]
async fn a_phone_link_keeps_its_closing_hash_and_spanish_meetings_say_their_language() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings/epsilon-phone").await;
    assert!(page.attributes("a[href^='tel:']", "href").contains(&"tel:+15555550100,,1234%23".to_owned()));
    import(
        &app,
        r#"[{"name": "Grupo Esperanza", "slug": "grupo-esperanza", "day": 3, "time": "19:00", "types": ["O", "S"],
            "formatted_address": "3 Example St, Riverton, MN 55990, USA", "notes": "Reunión en español."}]"#,
    );
    let page = app.get("/meetings/grupo-esperanza").await;
    assert_eq!(page.attributes("h1", "lang"), ["es"]);
    assert_eq!(app.get("/meetings?day=3").await.attributes("h3 a[lang]", "lang"), ["es"]);
}

#[actix_web::test]
async fn a_meeting_page_names_who_publishes_its_listing_and_where_to_report_a_change() {
    let app = TestApp::with_fixture("finder-feed.json");
    import(
        &app,
        r#"[{"name": "Published", "slug": "published", "day": 1, "time": "19:00", "fellowship": "alcoholics-anonymous",
             "entity": "Sample Intergroup", "entity_website_url": "https://intergroup.example", "entity_phone": "+1 555 0100",
             "feedback_url": "https://intergroup.example/update", "feedback_emails": ["changes@intergroup.example"]},
            {"name": "Bare", "slug": "bare", "day": 1, "time": "19:00", "feedback_url": "javascript:alert(1)"}]"#,
    );
    let page = app.get("/meetings/published").await;
    let source = page.texts("section.listing-source p");
    assert!(source.iter().any(|line| line.contains("Listing published by Sample Intergroup")), "{source:?}");
    let links = page.attributes("section.listing-source a", "href");
    assert_eq!(links, ["https://intergroup.example", "tel:+15550100", "/about#contact"]);
    // One "Report a change": the site's form (which, for a source the site follows, sends the
    // person to the source's own form and address instead; staff see those links too).
    let reports = page.attributes("main a[href*='/change'], main a[href*='/update'], main a[href^='mailto:']", "href");
    assert_eq!(reports, ["/meetings/published/change"]);
    let bare = app.get("/meetings/bare").await;
    assert_eq!(bare.attributes("section.listing-source a", "href"), ["/about#contact"], "no script link is made");
    let about = app.get("/about").await;
    assert_eq!(about.attributes("h2#contact", "id"), ["contact"]);
}

/// The text of the finder row that links to `slug`.
fn row_text(page: &crate::helpers::Page, slug: &str) -> String {
    let html = page.html();
    let rows = scraper::Selector::parse("ol.meeting-list > li").expect("selector");
    let link = scraper::Selector::parse(&format!("h3 a[href='/meetings/{slug}'], h3 a[href^='/meetings/{slug}?']"))
        .expect("selector");
    let row = html.select(&rows).find(|row| row.select(&link).next().is_some());
    let text = row.map(|row| row.text().collect::<String>()).unwrap_or_else(|| panic!("no row for {slug}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn the_quick_choices_toggle_one_filter_and_keep_all_the_others() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings?type=W&day=1&q=hall&for=self").await;
    let hrefs = page.attributes(".toggles a", "href");
    assert_eq!(
        hrefs,
        [
            "/meetings?type=W&type=O&day=1&for=self&q=hall#results",
            "/meetings?type=W&day=1&attendance=online&for=self&q=hall#results",
            "/meetings?type=W&day=tonight&for=self&q=hall#results",
        ]
    );
    assert!(page.texts(".toggles a").iter().all(|text| text.contains("off")), "{:?}", page.texts(".toggles a"));
    let on = app.get("/meetings?type=O&type=W&attendance=online&day=tonight").await;
    assert_eq!(
        on.attributes(".toggles a", "href"),
        [
            "/meetings?type=W&day=tonight&attendance=online#results",
            "/meetings?type=O&type=W&day=tonight#results",
            "/meetings?type=O&type=W&attendance=online#results",
        ],
        "a choice that is on is turned off by its link, and nothing else changes"
    );
    let labels = on.texts(".toggles a.on");
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(labels.iter().all(|text| text.starts_with('✓') && text.contains(": on")), "{labels:?}");
    let closed = app.get("/meetings?type=C&day=2").await;
    assert_eq!(closed.attributes(".toggles a", "href")[0], "/meetings?type=O&day=2#results", "open replaces closed");
}

#[actix_web::test]
async fn more_filters_are_folded_away_unless_one_of_them_is_set() {
    let app = TestApp::with_fixture("finder-feed.json");
    for query in ["", "day=1&near=Riverton&attendance=online", "day=tonight&attendance=in_person"] {
        let page = app.get(&format!("/meetings?{query}")).await;
        assert_eq!(page.attributes("details.more-filters", "open").len(), 0, "{query}");
    }
    for query in [
        "type=W",
        "group=smart-recovery",
        "attendance=hybrid",
        "inactive=yes",
        "region=Riverton",
        "time=evening",
        "q=hall",
        "for=family",
        "near=Riverton&within=5",
    ] {
        let page = app.get(&format!("/meetings?{query}")).await;
        assert_eq!(page.attributes("details.more-filters", "open").len(), 1, "{query}");
    }
}

#[actix_web::test]
async fn the_compact_form_asks_place_day_and_way_first_matches_its_list_after_back_and_sends_the_person_to_the_results()
{
    // Places come from meetings with coordinates: this fixture has them.
    let app = TestApp::with_fixture("upcoming-feed.json");
    let page = app.get("/meetings?day=4&day=2&for=family&near=Riverton&within=10&sort=distance").await;
    assert_eq!(page.attributes("form.finder-form", "action"), ["/meetings#results"]);
    let first_screen = page.attributes(".first-screen input, .first-screen select", "name");
    assert_eq!(first_screen[..3], ["near", "day", "attendance"], "place, when, in person or online: {first_screen:?}");
    assert_eq!(page.texts("form.finder-form fieldset legend").first().map(String::as_str), Some("How to attend"));
    assert_eq!(page.texts("details.more-filters fieldset legend").first().map(String::as_str), Some("Who is it for?"));
    // Back: the browser does not lay remembered values over the form, so it shows its own list's.
    assert_eq!(page.attributes("form.finder-form", "autocomplete"), ["off"]);
    assert_eq!(page.attributes("#near", "value"), ["Riverton"]);
    assert_eq!(page.attributes("input[name=for][checked]", "value"), ["family"]);
    assert_eq!(page.attributes("select[name=day] option", "value")[..3], ["", "today", "tonight"]);
    assert_eq!(page.attributes("select[name=day] option[selected]", "value"), ["4"], "the first day chosen");
    assert_eq!(page.attributes("input[type=checkbox][name=day][checked]", "value"), ["2"], "the other day is kept");
    assert_eq!(page.texts("label.also-day"), ["and Tuesday"]);
    assert_eq!(page.attributes("input[name=near]", "value"), ["Riverton"]);
    assert_eq!(page.attributes("input[name=near]", "list"), ["places"]);
    assert!(page.attributes("datalist#places option", "value").contains(&"Riverton".to_owned()));
    assert_eq!(page.attributes("select[name=within] option[selected]", "value"), ["10"]);
    assert_eq!(page.attributes("input[name=sort][checked]", "value"), ["distance"]);
    assert!(!page.texts("main").join(" ").contains("Closed meetings are"), "the badge on each row says it");
}

#[actix_web::test]
async fn rows_show_the_badge_the_family_label_the_town_and_a_zone_only_when_it_is_another() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/meetings").await;
    let family = row_text(&page, "theta-sunday-night");
    assert!(family.contains("Open anyone may come") && family.contains("For family and friends"), "{family}");
    let closed = row_text(&page, "gamma-closed-women");
    assert!(closed.contains("Closed") && !closed.contains("family"), "{closed}");
    assert!(closed.contains("Gamma Center, Maple Falls"), "venue and town: {closed}");
    assert!(closed.contains("Monday, 8:00 pm") && !closed.contains("Chicago time"), "{closed}");
    let tokyo = row_text(&page, "kappa-tokyo");
    assert!(
        tokyo.contains("(6:00 pm Tokyo time)") && tokyo.contains("Online"),
        "online: the site's clock, its own beside: {tokyo}"
    );
    let phone = row_text(&page, "epsilon-phone");
    assert!(phone.contains("By phone"), "{phone}");
    let closed_hall = row_text(&app.get("/meetings?inactive=yes").await, "zeta-closed");
    assert!(closed_hall.contains("Temporarily closed"), "{closed_hall}");
}

#[actix_web::test]
async fn an_unknown_code_is_left_out_of_rows_and_listed_on_the_meeting_page_under_other_codes() {
    let app = TestApp::with_fixture("finder-feed.json");
    import(
        &app,
        r#"[{"name": "Own Codes", "slug": "own-codes", "day": 5, "time": "12:00", "types": ["O", "D", "ZZTOP"],
            "formatted_address": "9 Part St, Riverton, MN 55990, USA", "fellowship": "narcotics-anonymous"}]"#,
    );
    let row = row_text(&app.get("/meetings?day=5").await, "own-codes");
    assert!(row.contains("Discussion") && !row.contains("ZZTOP"), "{row}");
    let page = app.get("/meetings/own-codes").await;
    assert_eq!(page.texts("ul.types-list li"), ["Open", "Discussion"]);
    let other = page.texts(".other-codes");
    assert!(other.len() == 1 && other[0].starts_with("Other codes: ZZTOP"), "{other:?}");
}

#[actix_web::test]
async fn the_meeting_page_gives_directions_and_says_when_it_was_updated_in_words() {
    let app = TestApp::with_fixture("finder-feed.json");
    let updated = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(24 * 400))
        .expect("a moment")
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string();
    import(
        &app,
        &format!(
            r#"[{{"name": "Mapped", "slug": "mapped", "day": 5, "time": "12:00", "types": ["O"], "location": "Hall",
            "formatted_address": "9 Part St, Riverton, MN 55990, USA", "latitude": 45.15, "longitude": -93.21,
            "updated": "{updated}", "fellowship": "narcotics-anonymous"}}]"#
        ),
    );
    let page = app.get("/meetings/mapped").await;
    let links = page.attributes("section.moment .actions a", "href");
    assert!(
        links.contains(
            &"https://www.google.com/maps/dir/?api=1&destination=9+Part+St%2C+Riverton%2C+MN+55990%2C+USA".to_owned()
        ),
        "{links:?}"
    );
    assert!(links.iter().any(|href| href.starts_with("https://www.openstreetmap.org/?mlat=45.15000&mlon=-93.21000")));
    assert_eq!(page.texts(".updated"), ["Updated 1 year ago."]);
    assert!(app.get("/meetings/kappa-tokyo").await.attributes("a#directions", "href").is_empty(), "online only");
}

/// The text of the Spanish finder's row that links to `/es/meetings/{slug}`.
fn spanish_row_text(page: &crate::helpers::Page, slug: &str) -> String {
    let html = page.html();
    let rows = scraper::Selector::parse("ol.meeting-list > li").expect("selector");
    let link =
        scraper::Selector::parse(&format!("h3 a[href='/es/meetings/{slug}'], h3 a[href^='/es/meetings/{slug}?']"))
            .expect("selector");
    let row = html.select(&rows).find(|row| row.select(&link).next().is_some());
    let text = row.map(|row| row.text().collect::<String>()).unwrap_or_else(|| panic!("no Spanish row for {slug}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn the_spanish_finder_shows_spanish_types_badges_counts_and_24_hour_times_and_links_under_es() {
    let app = TestApp::with_fixture("finder-feed.json");
    let english = app.get("/meetings?type=O&day=1").await;
    let page = app.get("/es/meetings?type=O&day=1").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert_eq!(page.texts("main h1"), ["Buscar una reunión"]);
    let total = english.listed_meetings().len();
    assert!(total > 1);
    assert_eq!(page.texts("#result-count"), [format!("{total} reuniones")]);
    let rows = page.attributes("ol.meeting-list h3 a", "href");
    assert_eq!(rows.len(), total);
    assert!(rows.iter().all(|href| href.starts_with("/es/meetings/")), "{rows:?}");
    let women = spanish_row_text(&page, "alpha-open-women");
    assert!(women.contains("Abierta puede asistir cualquier mujer"), "{women}");
    assert!(women.contains("19:00") && !women.contains("pm"), "24-hour times: {women}");
    let ticked: Vec<String> = page
        .texts("details.more-filters label")
        .into_iter()
        .filter(|label| label.trim() == "Abierta" || label.trim() == "Open")
        .collect();
    assert_eq!(ticked, ["Abierta"], "the type is named in Spanish");
    assert!(page.attributes("form.finder-form", "action").iter().all(|action| action.starts_with("/es/meetings")));
    let toggles = page.attributes(".toggles a", "href");
    assert!(toggles.iter().all(|href| href.starts_with("/es/meetings")), "{toggles:?}");

    assert_ne!(page.header("etag"), english.header("etag"), "each language is its own cached page");
    let raw = app.get("/es/meetings?day=1&type=o&utm=mail").await;
    let alternates = raw.attributes("link[rel=alternate][hreflang=en]", "href");
    assert_eq!(alternates, ["/meetings?type=O&day=1"], "the counterpart is the canonical search, not the raw query");
    let one = app.get("/es/meetings?type=O&type=W&day=1").await;
    assert_eq!(one.texts("#result-count"), ["1 reunión"]);
    let none = app.get("/es/meetings?type=W&day=3").await;
    assert_eq!(none.texts("#result-count"), ["No se encontraron reuniones"]);
    let wider = none.attributes("section.results a", "href");
    assert!(wider.contains(&"/es/meetings?type=W".to_owned()), "{wider:?}");
    assert!(none.texts("section.results li a").iter().any(|text| text == "Mostrar cualquier día"));
}

#[actix_web::test]
async fn a_spanish_row_of_a_family_group_says_for_family_and_friends_in_spanish() {
    let app = TestApp::with_fixture("finder-feed.json");
    import(
        &app,
        r#"[{"name": "Family Closed", "slug": "family-closed", "day": 5, "time": "12:00", "end_time": "13:00",
            "types": ["C"], "formatted_address": "9 Part St, Riverton, MN 55990, USA",
            "fellowship": "al-anon-alateen"}]"#,
    );
    let page = app.get("/es/meetings?day=5").await;
    let family = spanish_row_text(&page, "family-closed");
    assert!(family.contains("Cerrada para familiares y amigos"), "{family}");
    assert!(family.contains("Para familiares y amigos"), "{family}");
    assert!(!family.contains("dejar de beber"), "a family group's closed meeting is not for people who want to quit");
    let own = spanish_row_text(&app.get("/es/meetings").await, "gamma-closed-women");
    assert!(own.contains("Cerrada para mujeres que quieren dejar de beber o de consumir drogas"), "{own}");
}

#[actix_web::test]
async fn spanish_notices_say_in_spanish_what_part_of_the_search_was_not_used() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/es/meetings?day=9&within=5&attendance=teleport").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No se pudo usar parte de su búsqueda"));
    let notices = page.texts("div.notice li");
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert!(notices[0].starts_with("«9» no es un día"), "{notices:?}");
    assert!(notices[1].starts_with("«teleport» no es una forma de asistir"), "{notices:?}");
    assert!(notices[2].starts_with("Para una distancia hace falta un lugar"), "{notices:?}");
    let english = app.get("/meetings?day=9&within=5&attendance=teleport").await.texts("div.notice li");
    assert!(english[0].contains("“9” is not a day"), "the same search in English is told in English: {english:?}");
    let place = app.get("/es/meetings?near=Atlantis").await.texts("div.notice li");
    assert!(place[0].contains("No tenemos reuniones en un lugar llamado «Atlantis»"), "{place:?}");
}

#[actix_web::test]
async fn the_spanish_meeting_page_is_in_spanish_with_the_family_groups_closed_note_and_links_under_es() {
    let app = TestApp::with_fixture("finder-feed.json");
    import(
        &app,
        r#"[{"name": "Family Closed", "slug": "family-closed", "day": 5, "time": "19:30", "end_time": "20:30",
            "types": ["C", "D"], "location": "Hall", "formatted_address": "9 Part St, Riverton, MN 55990, USA",
            "notes": "Use the side door.", "fellowship": "al-anon-alateen"}]"#,
    );
    let page = app.get("/es/meetings/family-closed").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    let headings = page.texts("main h2");
    for heading in ["Cuándo", "Dónde", "Forma de asistir", "Tipo de reunión", "Sobre este anuncio"] {
        assert!(headings.iter().any(|own| own == heading), "{heading} in {headings:?}");
    }
    let schedule = page.texts("main ul.plain li").join(" ");
    assert!(schedule.contains("Viernes") && schedule.contains("19:30") && schedule.contains("20:30"), "{schedule}");
    assert!(!schedule.contains("pm"), "{schedule}");
    assert_eq!(page.texts("ul.types-list li"), ["Cerrada", "Discusión"]);
    let note = page.texts("p.admission").join(" ");
    assert!(note.starts_with("Reunión cerrada. Este grupo es para familiares y amigos"), "{note}");
    assert!(note.contains("pregunte al grupo"), "the caution is kept: {note}");
    let report = page.attributes("p.report-change a", "href");
    assert_eq!(report, ["/es/meetings/family-closed/change"]);
    assert_eq!(page.texts("p.report-change a"), ["Informar un cambio"]);
    let links = page.attributes("main a", "href");
    assert!(links.contains(&"/es/meetings".to_owned()), "the breadcrumb stays in Spanish: {links:?}");
    assert!(links.contains(&"/es/groups/al-anon-alateen".to_owned()), "{links:?}");
    assert!(links.contains(&"/meetings/family-closed.ics".to_owned()), "calendar files are language-neutral");
    assert_eq!(page.attributes("p.plain-text[lang]", "lang"), ["en"], "the feed's English notes say so");
    let english = app.get("/meetings/family-closed").await;
    assert!(english.attributes("p.plain-text[lang]", "lang").is_empty());
}
