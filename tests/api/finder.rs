//! The finder's order and reach at fixed moments: upcoming from now (in progress, starting soon,
//! ended last), across zones and a change of the clocks; near a place, within a distance, nearest
//! first; for one's own recovery or a relative's; counts of meetings, not of weekly occurrences.

use mutual_support::finder::{Found, Listing};
use mutual_support::i18n::Lang;
use mutual_support::meetings::MeetingFilter;

use crate::helpers::TestApp;

fn find(app: &TestApp, query: &str, now: &str) -> Found {
    let filter: MeetingFilter = app.state.meeting_filter(query);
    let now: jiff::Timestamp = now.parse().expect("timestamp");
    app.state.finder().expect("index").find(&filter, now, Listing::PerMeeting, 0, 100)
}

fn order(found: &Found) -> Vec<(&str, Option<i32>)> {
    found.listings.iter().map(|listing| (listing.slug.as_str(), listing.starts_in)).collect()
}

/// Saturday 10:44 pm in Chicago (8:44 pm in Los Angeles, 4:44 am Sunday in London).
const SATURDAY_NIGHT: &str = "2026-11-29T04:44:00Z";

#[actix_web::test]
async fn upcoming_lists_meetings_in_progress_then_starting_soon_and_ended_ones_last() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let found = find(&app, "", SATURDAY_NIGHT);
    assert_eq!(
        order(&found),
        [
            ("started-no-end", Some(-54)),
            ("started-with-end", Some(-44)),
            ("family-soon", Some(16)),
            ("starting-soon", Some(31)),
            ("at-midnight", Some(76)),
            ("early-sunday", Some(136)),
            ("la-late", Some(166)),
            ("london-morning", Some(286)),
            ("after-the-change", Some(301)),
            ("tomorrow-noon", Some(796)),
            ("ended-tonight", Some(7 * 1440 - 104)),
        ],
        "a meeting with no end time is in progress for an hour; one that ended tonight comes next week"
    );
    assert_eq!(found.total, 11);
}

#[actix_web::test]
async fn just_before_midnight_the_late_meetings_are_in_progress_and_sunday_starts_soon() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let found = find(&app, "", "2026-11-29T05:55:00Z");
    assert_eq!(
        order(&found)[..5],
        [
            ("family-soon", Some(-55)),
            ("starting-soon", Some(-40)),
            ("at-midnight", Some(5)),
            ("early-sunday", Some(65)),
            ("la-late", Some(95)),
        ]
    );
}

#[actix_web::test]
async fn across_a_change_of_the_clocks_minutes_are_real_minutes() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    // 1:30 am on the Sunday Chicago springs forward at 2 am.
    let found = find(&app, "", "2026-03-08T07:30:00Z");
    let starts_in = |slug: &str| found.listings.iter().find(|l| l.slug == slug).and_then(|l| l.starts_in);
    assert_eq!(starts_in("early-sunday"), Some(-30), "1 am to 2:30 am is in progress");
    assert_eq!(starts_in("after-the-change"), Some(75), "3:45 am daylight time is 75 minutes away, not 135");
    assert_eq!(starts_in("tomorrow-noon"), Some(570));
    assert_eq!(found.listings[0].slug, "early-sunday");
}

#[actix_web::test]
async fn for_self_leaves_out_family_groups_and_for_family_keeps_only_them() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let own = find(&app, "for=self&type=O", SATURDAY_NIGHT);
    assert!(own.listings.iter().all(|l| l.slug != "family-soon" && l.slug != "starting-soon"));
    assert_eq!(own.total, 9);
    let family = find(&app, "for=family", SATURDAY_NIGHT);
    assert_eq!(order(&family), [("family-soon", Some(16))]);
    let page = app.get("/meetings?for=bogus").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("is not a choice of whom the meeting is for"), "a bad value is explained");
}

#[actix_web::test]
async fn near_a_place_from_the_data_within_a_distance_and_nearest_first() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let within_five = find(&app, "near=Riverton&within=5", SATURDAY_NIGHT);
    assert_eq!(within_five.place.as_ref().map(|p| p.name.as_str()), Some("Riverton"));
    let mut slugs: Vec<&str> = within_five.listings.iter().map(|l| l.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(
        slugs,
        ["after-the-change", "early-sunday", "ended-tonight", "started-no-end", "started-with-end", "tomorrow-noon"],
        "Lakeport is about 7 miles north, Far Lake about 69"
    );
    assert_eq!(find(&app, "near=riverton&within=10", SATURDAY_NIGHT).total, 8, "any case; Lakeport is in");
    let nearest = find(&app, "near=Riverton&within=100&sort=distance", SATURDAY_NIGHT);
    let distances: Vec<Option<f64>> = nearest.listings.iter().map(|l| l.distance_km).collect();
    assert!(distances[..6].iter().all(|d| d.is_some_and(|km| km < 1.0)), "{distances:?}");
    let lakeport = distances[6].expect("Lakeport has a distance");
    assert!((lakeport - 11.1).abs() < 0.3, "about 11 km: {lakeport}");
    assert_eq!(nearest.listings[8].slug, "at-midnight", "Far Lake after Lakeport");
    assert_eq!(nearest.total, 9, "online meetings have no distance: they are listed apart, not here");
    assert_eq!(find(&app, "near=55990&within=1", SATURDAY_NIGHT).total, 6, "a postal code from the data");
}

#[actix_web::test]
async fn an_unknown_place_is_explained_with_suggestions_and_distance_is_not_used() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let found = find(&app, "near=Riverside&within=5", SATURDAY_NIGHT);
    assert_eq!(found.total, 11, "nothing is left out by a place we do not know");
    assert!(found.notices[0].text(Lang::DEFAULT).contains("Did you mean Riverton?"), "{:?}", found.notices);
    let page = app.get("/meetings?near=Atlantis").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("We have no meetings in a place called “Atlantis”"), "shown on the page");
    let page = app.get("/meetings?within=5").await;
    assert!(page.body.contains("A distance needs a place"));
}

#[actix_web::test]
async fn counts_count_meetings_and_the_home_group_and_finder_pages_agree() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let found = find(&app, "day=1&day=3&day=5", SATURDAY_NIGHT);
    assert_eq!(order(&found).len(), 1, "a meeting on three days is one meeting");
    assert_eq!(found.total, 1);
    let finder = app.get("/meetings").await;
    assert!(finder.body.contains("11 meetings"), "the finder counts 11");
    assert!(app.get("/").await.body.contains("11"), "the home page says 11 too");
    let group = app.get("/groups/alcoholics-anonymous").await;
    let aa_total = find(&app, "group=alcoholics-anonymous", SATURDAY_NIGHT).total;
    assert!(group.body.contains(&format!("{aa_total} ")), "the group page agrees with the finder ({aa_total})");
}

#[actix_web::test]
async fn any_number_of_filter_values_is_answered_not_a_server_error() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let many: Vec<String> = (0..1200).map(|n| format!("type=X{n}")).collect();
    let page = app.get(&format!("/meetings?{}", many.join("&"))).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("At most"), "the extra codes are dropped with a notice");
}

#[actix_web::test]
async fn an_unknown_place_is_explained_in_spanish_on_a_spanish_page() {
    let app = TestApp::with_fixture("upcoming-feed.json");
    let spanish = Lang::from_code("es").expect("the site speaks Spanish");
    let found = find(&app, "near=Riverside&within=5", SATURDAY_NIGHT);
    assert_eq!(
        found.notices[0].text(spanish),
        "No tenemos reuniones en un lugar llamado «Riverside», así que no se usó la distancia. ¿Quiso decir Riverton?"
    );
    let page = app.get("/es/meetings?near=Riverside").await;
    assert_eq!(page.status, 200);
    assert!(page.texts("div.notice li").iter().any(|notice| notice.ends_with("¿Quiso decir: Riverton")));
    assert_eq!(
        page.attributes("div.notice li a", "href"),
        ["/es/meetings?near=Riverton#results"],
        "the suggestion is a link, in the results where the page lands"
    );
    let near = app.get("/es/meetings?near=Riverton&sort=distance").await;
    let distances = near.texts("ol.meeting-list .distance");
    assert!(
        !distances.is_empty() && distances.iter().all(|d| d.ends_with(" mi") || d.ends_with(" km")),
        "{distances:?}"
    );
    assert!(near.texts("div.notice li").is_empty());
}
