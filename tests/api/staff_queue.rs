//! The change-request queue and the staff meeting list (issue 23 item 5): rows that say which
//! meeting and what is asked, a banner after approving or rejecting that lands on the next
//! request, values in another spelling not marked "changed", and a meeting list that tells
//! meetings of one name apart and filters by day, time, town and source.

use actix_web::http::StatusCode;
use mutual_support::db::Role;

use crate::helpers::TestApp;
use crate::staff::{SAMPLE, add_user, csrf, get_as, logged_in_editor, login, post, request_change};

#[actix_web::test]
async fn each_queue_row_names_the_meeting_its_day_time_and_town_and_what_is_asked() {
    let app = TestApp::spawn();
    request_change(&app, SAMPLE, &[("time", "07:15")]).await;
    let (cookie, _) = logged_in_editor(&app).await;
    let queue = get_as(&app, "/staff/requests", &cookie).await;
    assert_eq!(queue.status, StatusCode::OK);
    let row = queue.texts("table.staff-queue tbody tr").pop().expect("one row");
    for expected in ["Sunrise Serenity", "Tuesday, Thursday, Friday", "07:00", "Riverton", "Start time 07:00 → 07:15"]
    {
        assert!(row.contains(expected), "{expected} missing from the row: {row}");
    }
}

#[actix_web::test]
async fn a_value_in_another_spelling_is_not_marked_changed_but_a_real_change_is() {
    let app = TestApp::spawn();
    // The sample meeting meets on days 2, 4, 5 at 07:00, types C, B, MED, H, X, at First Lutheran Church.
    request_change(
        &app,
        SAMPLE,
        &[
            ("time", "7:00 AM"),
            ("day", "Tuesday"),
            ("types", "x h med b c"),
            ("location", "  first   lutheran church "),
            ("end_time", "9 am"),
        ],
    )
    .await;
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    let (cookie, _) = logged_in_editor(&app).await;
    let review = get_as(&app, &format!("/staff/requests/{}", request.id), &cookie).await;
    let changed = review.texts("tr.changed th");
    assert_eq!(changed.len(), 1, "only the end time changed: {changed:?}");
    assert!(changed[0].contains("(end_time)"), "{changed:?}");
    let queue = get_as(&app, "/staff/requests", &cookie).await;
    let row = queue.texts("table.staff-queue tbody tr").pop().expect("one row");
    assert!(row.contains("End time 08:00 → 09:00") && !row.contains("Start time"), "{row}");
}

/// The `Location` of a redirect.
fn location(page: &crate::helpers::Page) -> String {
    page.header("location").unwrap_or_default().to_owned()
}

#[actix_web::test]
async fn approving_lands_on_the_next_request_with_a_banner_and_rejecting_the_last_says_none_are_left() {
    let app = TestApp::spawn();
    request_change(&app, SAMPLE, &[("time", "07:15")]).await;
    request_change(&app, SAMPLE, &[("location", "Library")]).await;
    let requests = app.state.store.open_requests().expect("reads");
    let (first, second) = (requests[0].id, requests[1].id);
    let (cookie, token) = logged_in_editor(&app).await;

    let forged = post(&app, &format!("/staff/requests/{first}/approve"), Some(&cookie), &[("time", "07:15")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "no CSRF token, no approval");
    assert_eq!(app.state.store.open_requests().expect("reads").len(), 2);

    // Approve with the review page's own values (the requested time).
    let review = get_as(&app, &format!("/staff/requests/{first}"), &cookie).await;
    let mut fields: Vec<(String, String)> = vec![("csrf".into(), token.clone())];
    for name in review.attributes("form[action$=approve] input[type=text]", "name") {
        let value = review.attributes(&format!("form[action$=approve] input[name={name}]"), "value").pop();
        fields.push((name, value.unwrap_or_default()));
    }
    for day in review.attributes("form[action$=approve] input[name=day][checked]", "value") {
        fields.push(("day".into(), day));
    }
    fields.push(("fellowship".into(), "alcoholics-anonymous".into()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    let approved = post(&app, &format!("/staff/requests/{first}/approve"), Some(&cookie), &pairs).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(location(&approved), format!("/staff/requests/{second}?done={first}"), "lands on the next request");

    let next = get_as(&app, &location(&approved), &cookie).await;
    assert_eq!(next.status, StatusCode::OK);
    let banner = next.texts(".done-banner").pop().expect("a banner");
    assert!(banner.contains(&format!("Request #{first} approved")), "{banner}");
    assert!(banner.contains("Start time 07:00 → 07:15"), "it says what changed: {banner}");
    assert!(banner.contains("next open request") && banner.contains("1 open"), "{banner}");
    assert!(next.texts("h1").iter().any(|h1| h1.contains(&format!("#{second}"))), "the next request is shown");

    let rejected = post(
        &app,
        &format!("/staff/requests/{second}/reject"),
        Some(&cookie),
        &[("csrf", &token), ("reason", "The venue did not move")],
    )
    .await;
    assert_eq!(location(&rejected), format!("/staff/requests?done={second}"), "none left: the queue");
    let queue = get_as(&app, &location(&rejected), &cookie).await;
    let banner = queue.texts(".done-banner").pop().expect("a banner");
    assert!(banner.contains(&format!("Request #{second} rejected")) && banner.contains("The venue did not move"));
    assert!(banner.contains("No open requests are left"), "{banner}");
    // A banner is only about a closed request: an open one's number says nothing.
    request_change(&app, SAMPLE, &[("location", "Hall B")]).await;
    let open = app.state.store.open_requests().expect("reads").pop().expect("open").id;
    assert!(get_as(&app, &format!("/staff/requests?done={open}"), &cookie).await.texts(".done-banner").is_empty());
}

#[actix_web::test]
async fn an_admin_is_sent_on_to_the_next_request_as_an_editor_is() {
    let app = TestApp::spawn();
    request_change(&app, SAMPLE, &[("location", "Library")]).await;
    request_change(&app, SAMPLE, &[("location", "Hall B")]).await;
    let requests = app.state.store.open_requests().expect("reads");
    add_user(&app, "admin@example.org", Role::Admin);
    let admin = login(&app, "admin@example.org").await;
    let token = csrf(&app, &admin).await;
    let rejected = post(
        &app,
        &format!("/staff/requests/{}/reject", requests[0].id),
        Some(&admin),
        &[("csrf", &token), ("reason", "no")],
    )
    .await;
    assert_eq!(location(&rejected), format!("/staff/requests/{}?done={}", requests[1].id, requests[0].id));
}

/// Seven "Early Birds" from a source, on different days, times and towns, and one entered here.
fn early_birds(app: &TestApp) {
    let mut records = Vec::new();
    for (number, (day, time, town)) in [
        (1, "06:30", "Lakeport"),
        (1, "07:00", "Riverton"),
        (2, "06:30", "Riverton"),
        (3, "06:00", "Stonebridge"),
        (4, "06:30", "Lakeport"),
        (5, "19:30", "Maple Falls"),
        (6, "06:30", "Millbrook"),
    ]
    .into_iter()
    .enumerate()
    {
        records.push(serde_json::json!({
            "name": "Early Birds", "slug": format!("early-birds-{number}"), "day": day, "time": time,
            "timezone": "America/Chicago", "formatted_address": format!("{number} Main St, {town}, MN"),
            "regions": ["Prairie County", town],
        }));
    }
    app.with_metro_source_meetings(serde_json::to_string(&records).expect("json").as_bytes());
}

#[actix_web::test]
async fn the_meetings_list_tells_meetings_of_one_name_apart_and_filters_by_day_time_town_and_source() {
    let app = TestApp::spawn();
    early_birds(&app);
    let (cookie, _) = logged_in_editor(&app).await;
    let rows = |path: &str| {
        let path = path.to_owned();
        let cookie = cookie.clone();
        let app = &app;
        async move { get_as(app, &path, &cookie).await.texts("table.staff-meetings tbody tr") }
    };
    let all = rows("/staff/meetings?q=Early+Birds&source=metro").await;
    assert_eq!(all.len(), 7, "{all:?}");
    let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), 7, "every row differs from the others: {all:?}");
    assert!(all.iter().any(|row| row.contains("Monday")
        && row.contains("06:30")
        && row.contains("Lakeport")
        && row.contains("metro")));
    assert_eq!(rows("/staff/meetings?q=Early+Birds&source=metro&day=1").await.len(), 2, "Monday");
    assert_eq!(
        rows("/staff/meetings?q=Early+Birds&source=metro&town=riverton").await.len(),
        2,
        "Riverton, in any case"
    );
    assert_eq!(rows("/staff/meetings?q=Early+Birds&source=metro&time=evening").await.len(), 1, "the evening one");
    assert_eq!(rows("/staff/meetings?q=Early+Birds&source=metro&day=1&town=Lakeport&time=morning").await.len(), 1);
    let entered_here = rows("/staff/meetings?q=Early+Birds&source=here").await;
    assert!(entered_here.iter().all(|row| row.contains("entered here") && !row.contains("metro")), "{entered_here:?}");
    let here = rows(&format!("/staff/meetings?q={SAMPLE}&source=here")).await;
    assert!(here.len() == 1 && here[0].contains("entered here"), "{here:?}");
    let form = get_as(&app, "/staff/meetings?day=3&source=metro", &cookie).await;
    assert_eq!(form.attributes("form.staff-filters", "method"), ["get"]);
    assert_eq!(form.attributes("#filter-day option[selected]", "value"), ["3"], "the form keeps its choices");
    assert_eq!(form.attributes("#filter-source option[selected]", "value"), ["metro"]);
    let bad = get_as(&app, "/staff/meetings?day=9", &cookie).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("is not a day"), "{}", bad.body);
    assert_eq!(get_as(&app, "/staff/meetings?time=teatime", &cookie).await.status, StatusCode::BAD_REQUEST);
}
