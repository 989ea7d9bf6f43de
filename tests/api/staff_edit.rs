//! The staff edit form covers the meeting (issue 23 item 6): venue notes, town and region,
//! coordinates, how to attend and the online notes; an unknown type code, a coordinate out of
//! range or alone, and an attendance the other fields contradict are errors beside their fields
//! (400, the form as typed, nothing saved); a meeting with an address and no coordinates is
//! placed from the site's own data, marked approximate, and found by "near" searches.

use actix_web::http::StatusCode;
use mutual_support::meetings::Attendance;

use crate::helpers::{Page, TestApp};
use crate::staff::{SAMPLE, get_as, logged_in_editor, post};

/// The form on a staff page as a browser would send it, with `overrides` (a field named there
/// replaces the page's value; `day` replaces all the ticked days).
fn filled(page: &Page, token: &str, overrides: &[(&str, &str)]) -> Vec<(String, String)> {
    let html = page.html();
    let pick = |css: &str| scraper::Selector::parse(css).expect("selector");
    let mut fields: Vec<(String, String)> = vec![("csrf".into(), token.to_owned())];
    let form = "form.staff-form";
    for input in html.select(&pick(&format!("{form} input[type=text]"))) {
        let attr = |name| input.value().attr(name).unwrap_or_default().to_owned();
        fields.push((attr("name"), attr("value")));
    }
    for input in html.select(&pick(&format!("{form} input[type=checkbox][checked], {form} input[type=radio][checked]")))
    {
        let attr = |name| input.value().attr(name).unwrap_or_default().to_owned();
        fields.push((attr("name"), attr("value")));
    }
    for option in html.select(&pick(&format!("{form} select[name=fellowship] option[selected]"))) {
        fields.push(("fellowship".into(), option.value().attr("value").unwrap_or_default().to_owned()));
    }
    for area in html.select(&pick(&format!("{form} textarea"))) {
        fields.push((area.value().attr("name").unwrap_or_default().to_owned(), area.text().collect()));
    }
    for (name, _) in overrides {
        fields.retain(|(own, _)| own != name);
    }
    fields.extend(overrides.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())));
    fields
}

async fn send(app: &TestApp, path: &str, cookie: &str, fields: &[(String, String)]) -> Page {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    post(app, path, Some(cookie), &pairs).await
}

/// Adds a meeting with the new-meeting form as a browser sends it, with `overrides`.
async fn add_meeting(app: &TestApp, cookie: &str, token: &str, overrides: &[(&str, &str)]) -> Page {
    let form = get_as(app, "/staff/meetings/new", cookie).await;
    send(app, "/staff/meetings/new", cookie, &filled(&form, token, overrides)).await
}

#[actix_web::test]
async fn the_edit_form_shows_and_saves_venue_notes_town_coordinates_attendance_and_online_notes() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let edit = format!("/staff/meetings/{SAMPLE}/edit");
    let form = get_as(&app, &edit, &cookie).await;
    assert_eq!(form.attributes("#field-regions", "value"), ["Prairie County > Riverton"]);
    assert_eq!(form.attributes("#field-latitude", "value"), ["45.1533"]);
    assert_eq!(form.attributes("input[name=attendance][checked]", "value"), ["in_person"]);
    for field in ["location_notes", "conference_url_notes", "conference_phone_notes"] {
        assert_eq!(form.attributes(&format!("textarea#field-{field}"), "name"), [field], "{field}");
    }
    let fields = filled(
        &form,
        &token,
        &[
            ("location_notes", "Side door by the parking lot."),
            ("regions", "Prairie County > Lakeport"),
            ("latitude", "45.16"),
            ("longitude", "-93.25"),
            ("attendance", "hybrid"),
            ("conference_url", "https://zoom.example/j/123"),
            ("conference_url_notes", "Passcode from the office."),
        ],
    );
    let saved = send(&app, &edit, &cookie, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let meeting = app.state.store.meeting(SAMPLE).expect("reads").expect("listed");
    assert_eq!(meeting.location_notes.as_deref(), Some("Side door by the parking lot."));
    assert_eq!(meeting.regions, ["Prairie County", "Lakeport"]);
    assert_eq!((meeting.latitude, meeting.longitude), (Some(45.16), Some(-93.25)));
    assert_eq!(meeting.attendance(), Attendance::Hybrid);
    assert_eq!(meeting.conference_url_notes.as_deref(), Some("Passcode from the office."));
    assert!(meeting.approximate_location().is_none(), "typed coordinates are exact");
    // Online only: the address now says only the area.
    let form = get_as(&app, &edit, &cookie).await;
    let online = filled(&form, &token, &[("attendance", "online")]);
    assert_eq!(send(&app, &edit, &cookie, &online).await.status, StatusCode::SEE_OTHER);
    let meeting = app.state.store.meeting(SAMPLE).expect("reads").expect("listed");
    assert_eq!(meeting.attendance(), Attendance::Online);
    assert!(meeting.approximate);
}

#[actix_web::test]
async fn an_unknown_type_code_is_an_error_beside_its_field_with_the_form_kept_and_nothing_saved() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let edit = format!("/staff/meetings/{SAMPLE}/edit");
    let before = app.state.store.meeting(SAMPLE).expect("reads");
    let form = get_as(&app, &edit, &cookie).await;
    let page = send(&app, &edit, &cookie, &filled(&form, &token, &[("types", "O, OO, d"), ("name", "Renamed")])).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let error = page.texts("#types-error").pop().expect("an error beside the types");
    assert!(error.contains("\"OO\" is not a Meeting Guide type code"), "{error}");
    assert_eq!(page.attributes("#field-types", "value"), ["O, OO, d"], "the form as typed");
    assert_eq!(page.attributes("#field-name", "value"), ["Renamed"]);
    assert_eq!(app.state.store.meeting(SAMPLE).expect("reads"), before, "nothing saved");
    let fine = send(&app, &edit, &cookie, &filled(&form, &token, &[("types", "O, open, d")])).await;
    assert_eq!(fine.status, StatusCode::SEE_OTHER, "known codes, and a type's name, are fine: {}", fine.body);
}

#[actix_web::test]
async fn coordinates_out_of_range_or_alone_and_a_contradicted_attendance_are_errors_beside_their_fields() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let edit = format!("/staff/meetings/{SAMPLE}/edit");
    let before = app.state.store.meeting(SAMPLE).expect("reads");
    let form = get_as(&app, &edit, &cookie).await;
    for (overrides, field, says) in [
        (vec![("latitude", "95"), ("longitude", "-93")], "latitude", "from -90 to 90"),
        (vec![("latitude", "45"), ("longitude", "-193.5")], "longitude", "from -180 to 180"),
        (vec![("latitude", "north"), ("longitude", "-93")], "latitude", "is not a number"),
        (vec![("latitude", "45.2"), ("longitude", "")], "longitude", "is missing"),
        (vec![("attendance", "online")], "attendance", "needs an online meeting link"),
        (vec![("attendance", "in_person"), ("conference_phone", "+1 555 0100")], "attendance", "choose hybrid"),
        (vec![("attendance", "hybrid")], "attendance", "hybrid needs"),
        (vec![("attendance", "by_carrier_pigeon")], "attendance", "is not a way to attend"),
    ] {
        let page = send(&app, &edit, &cookie, &filled(&form, &token, &overrides)).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{overrides:?}");
        let error = page.texts(&format!("#{field}-error")).pop().unwrap_or_default();
        assert!(error.contains(says), "{overrides:?}: {error}");
    }
    assert_eq!(app.state.store.meeting(SAMPLE).expect("reads"), before, "nothing saved");
    let forged = post(&app, &edit, Some(&cookie), &[("name", "No token"), ("latitude", "1"), ("longitude", "1")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "no CSRF token, nothing saved");
}

#[actix_web::test]
async fn a_meeting_added_with_an_address_and_no_coordinates_is_placed_approximately_and_found_near_its_town() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let added = add_meeting(
        &app,
        &cookie,
        &token,
        &[
            ("name", "Harbor Light"),
            ("fellowship", "alcoholics-anonymous"),
            ("day", "1"),
            ("time", "19:00"),
            ("location", "Harbor Hall"),
            ("formatted_address", "12 Dock St, Riverton, MN 55990"),
            ("types", "O"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let meeting = app.state.store.meeting("harbor-light").expect("reads").expect("listed");
    assert_eq!(meeting.approximate_location(), Some("55990"), "placed by the postal code's meetings");
    let (latitude, longitude) = (meeting.latitude.expect("placed"), meeting.longitude.expect("placed"));
    assert!((latitude - 45.15).abs() < 0.05 && (longitude + 93.21).abs() < 0.05, "{latitude}, {longitude}");
    assert!(!meeting.approximate, "the address is still a venue");

    let near = app.get("/meetings?near=Riverton&within=5&q=Harbor").await;
    assert!(near.listed_meetings().contains(&"harbor-light".to_owned()), "found near Riverton");
    let public = app.get("/meetings/harbor-light").await;
    assert!(public.texts(".approximate-location").pop().is_some_and(|line| line.contains("Approximate location")));
    assert!(!public.body.contains("openstreetmap.org/?mlat"), "no map pin at a guessed point");
    let edit = get_as(&app, "/staff/meetings/harbor-light/edit", &cookie).await;
    assert!(edit.texts(".approximate-location").pop().is_some_and(|line| line.contains("55990")));
    assert_eq!(edit.attributes("#field-latitude", "value"), [""], "placed, not typed: the field is empty");

    // Placed exactly by typing where it is.
    let exact = filled(&edit, &token, &[("latitude", "45.1601"), ("longitude", "-93.2222")]);
    let saved = send(&app, "/staff/meetings/harbor-light/edit", &cookie, &exact).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let meeting = app.state.store.meeting("harbor-light").expect("reads").expect("listed");
    assert_eq!((meeting.latitude, meeting.longitude), (Some(45.1601), Some(-93.2222)));
    assert_eq!(meeting.approximate_location(), None);
    assert!(app.get("/meetings/harbor-light").await.texts(".approximate-location").is_empty());
}

#[actix_web::test]
async fn an_address_the_sites_data_does_not_know_leaves_the_meeting_unplaced() {
    let app = TestApp::spawn();
    let (cookie, token) = logged_in_editor(&app).await;
    let fields =
        &[("name", "Far Away"), ("day", "2"), ("time", "18:00"), ("formatted_address", "1 High St, Nowhere, ZZ")];
    assert_eq!(add_meeting(&app, &cookie, &token, fields).await.status, StatusCode::SEE_OTHER);
    let meeting = app.state.store.meeting("far-away").expect("reads").expect("listed");
    assert_eq!((meeting.latitude, meeting.approximate_location()), (None, None));
}

#[actix_web::test]
async fn a_visitor_adding_an_online_link_is_not_refused_and_approving_it_makes_the_meeting_hybrid() {
    let app = TestApp::spawn();
    let sent = crate::staff::request_change(&app, SAMPLE, &[("conference_url", "https://zoom.example/j/9")]).await;
    assert_eq!(sent.status, StatusCode::OK, "how to attend follows from the link: {}", sent.body);
    let request = app.state.store.open_requests().expect("reads").pop().expect("stored");
    let (cookie, token) = logged_in_editor(&app).await;
    let review = get_as(&app, &format!("/staff/requests/{}", request.id), &cookie).await;
    assert!(review.attributes("input[name=attendance][checked]", "value").is_empty(), "unchosen: follows the data");
    let fields = filled(&review, &token, &[]);
    let approved = send(&app, &format!("/staff/requests/{}/approve", request.id), &cookie, &fields).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let meeting = app.state.store.meeting(SAMPLE).expect("reads").expect("listed");
    assert_eq!(meeting.attendance(), Attendance::Hybrid);
}
