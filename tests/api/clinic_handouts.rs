//! Handouts a clinic hands out as they are (issue 23, items 7, 8 and 10): the clinic's own header,
//! short addresses and a QR code instead of raw links, meetings by day and time, schedules whose
//! titles name what they list, and sample data labelled wherever it shows. The page counts are
//! measured in Chromium (tests/browser.rs).

use crate::helpers::TestApp;

/// Five groups with meetings in `tests/fixtures/referral-feed.json`.
const FIVE: &str = "group=alcoholics-anonymous&group=smart-recovery&group=women-for-sobriety\
    &group=secular-organizations-for-sobriety&group=lifering-secular-recovery";

fn clinic_app() -> TestApp {
    TestApp::with_fixture_and("referral-feed.json", |settings| {
        settings.clinic = mutual_support::state::Clinic::new(
            Some("Harbor Light Recovery Clinic".to_owned()),
            Some("18800 Main St Ste 104, Huntington Beach, CA 92648".to_owned()),
            Some("(714) 555-0142".to_owned()),
        )
        .expect("valid settings");
    })
}

#[actix_web::test]
async fn a_referral_sheet_prints_the_clinics_name_address_and_phone_from_the_settings_and_says_they_are_not_from_the_fact_sheet()
 {
    let app = clinic_app();
    for (path, phone, note) in [
        (format!("/handouts/referral?{FIVE}"), "Phone: (714) 555-0142", "not from the fact sheet"),
        (format!("/es/handouts/referral?{FIVE}"), "Teléfono: (714) 555-0142", "no de la hoja informativa"),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.texts(".clinic-name"), ["Harbor Light Recovery Clinic"], "{path}");
        let contact = page.texts(".clinic-contact").join(" ");
        assert!(contact.contains("18800 Main St Ste 104, Huntington Beach") && contact.contains(phone), "{contact}");
        assert!(page.texts(".referral .source").join(" ").contains(note), "{path}");
    }
    let plain = TestApp::with_fixture("referral-feed.json");
    let page = plain.get(&format!("/handouts/referral?{FIVE}")).await;
    assert!(page.texts(".clinic").is_empty(), "no settings, no clinic header");
}

#[test]
fn a_clinic_setting_that_is_too_long_or_holds_a_control_character_is_refused_naming_the_flag() {
    use mutual_support::state::Clinic;
    let long = Clinic::new(Some("x".repeat(Clinic::MOST + 1)), None, None).expect_err("refused");
    assert!(long.to_string().contains("--clinic-name"), "{long}");
    let control = Clinic::new(None, None, Some("555\u{1b}[2J".to_owned())).expect_err("refused");
    assert!(control.to_string().contains("--clinic-phone"), "{control}");
    let blank = Clinic::new(Some("  ".to_owned()), None, None).expect("blank is none");
    assert!(!blank.is_set());
}

#[actix_web::test]
async fn a_referral_sheet_prints_no_raw_address_only_short_ones_and_a_qr_code_drawn_inline() {
    let app = clinic_app();
    let page = app.get(&format!("/handouts/referral?{FIVE}&near=Huntington+Beach")).await;
    assert_eq!(page.status, 200);
    let printed = page.texts("article.referral").join(" ");
    for raw in ["http://", "https://", "?group=", "&type=", "www."] {
        assert!(!printed.contains(raw), "the sheet prints {raw:?}: {printed}");
    }
    for short in ["localhost:8080/g/aa", "localhost:8080/g/smart-recovery", "localhost:8080/g/wfs"] {
        assert!(printed.contains(short), "{short} in {printed}");
    }
    assert_eq!(page.attributes("svg.qr-code", "aria-hidden"), ["true"], "one code, drawn in the page");
    assert!(!page.body.contains("<?xml"), "the SVG is inline HTML, not a document");
    assert!(page.texts(".qr figcaption").join(" ").contains("Scan"));
    let spanish = app.get(&format!("/es/handouts/referral?{FIVE}")).await;
    assert!(spanish.texts("article.referral").join(" ").contains("localhost:8080/es/g/aa"));
}

#[actix_web::test]
async fn a_short_address_leads_to_the_groups_open_meetings_with_the_place_it_carries() {
    let app = clinic_app();
    for (path, location) in [
        ("/g/aa", "/meetings?group=alcoholics-anonymous&type=O"),
        ("/g/smart-recovery?near=92648", "/meetings?group=smart-recovery&type=O&near=92648"),
        ("/es/g/wfs", "/es/meetings?group=women-for-sobriety&type=O"),
        (
            "/g/aa+sos?near=Huntington+Beach&attendance=in_person&group=narcotics-anonymous",
            "/meetings?group=alcoholics-anonymous&group=secular-organizations-for-sobriety&type=O&near=Huntington+Beach&attendance=in_person",
        ),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 302, "{path}");
        assert_eq!(page.header("location"), Some(location), "{path}");
    }
    assert_eq!(app.get("/g/nobody").await.status, 404);
    assert_eq!(app.get("/g/aa+nobody").await.status, 404);
}

#[actix_web::test]
async fn the_referral_sheets_own_form_asks_for_a_place_and_keeps_its_groups_and_answers() {
    let app = clinic_app();
    let page = app.get(&format!("/handouts/referral?{FIVE}&women_only=accept&near=Huntington+Beach")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("form.sheet-form input[name=near]", "value"), ["Huntington Beach"]);
    let kept: Vec<String> = page
        .attributes("form.sheet-form input[type=hidden]", "name")
        .into_iter()
        .zip(page.attributes("form.sheet-form input[type=hidden]", "value"))
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    assert_eq!(kept.iter().filter(|pair| pair.starts_with("group=")).count(), 5, "{kept:?}");
    assert!(kept.contains(&"women_only=accept".to_owned()), "{kept:?}");
    assert!(!kept.iter().any(|pair| pair.starts_with("near=")), "the place is the field itself");
    assert!(page.body.contains("class=\"sheet-form no-print\""), "the form is not printed");
}

#[actix_web::test]
async fn the_matchers_print_a_referral_sheet_link_carries_the_place_the_client_gave() {
    let app = clinic_app();
    let page = app.get("/guide/match?spiritual=avoid&substance=alcohol&near=Huntington+Beach").await;
    assert_eq!(page.attributes("#matcher-near", "value"), ["Huntington Beach"]);
    let link = page
        .attributes("a.button", "href")
        .into_iter()
        .find(|href| href.starts_with("/handouts/referral?"))
        .expect("the referral link");
    assert!(link.ends_with("&near=Huntington+Beach"), "{link}");
    let sheet = app.get(&link).await;
    assert!(sheet.texts(".referral-intro").join(" ").contains("nearest to Huntington Beach"));
    let spanish = app.get("/es/guide/match?spiritual=avoid&near=92648").await;
    assert!(spanish.attributes("a.button", "href").iter().any(|href| href.ends_with("&near=92648")));
}

/// (day index, minutes) of "Monday, 7:00 pm" or "Lunes, 19:00".
fn day_and_time(line: &str) -> (usize, u32) {
    let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    let day = days.iter().position(|day| line.starts_with(day)).expect("a day");
    let clock = line.split(", ").nth(1).expect("a time").trim_end_matches(':');
    let (hours, rest) = clock.split_once(':').expect("h:mm");
    let minutes: u32 = rest[..2].parse().expect("minutes");
    let mut hours: u32 = hours.parse().expect("hours");
    if rest.contains("pm") && hours != 12 {
        hours += 12;
    }
    (day, hours * 60 + minutes)
}

#[actix_web::test]
async fn a_referral_sheet_lists_each_groups_meetings_by_day_then_time_with_the_zone_said_once() {
    let app = clinic_app();
    for query in ["", "&near=Huntington+Beach"] {
        let page = app.get(&format!("/handouts/referral?group=alcoholics-anonymous&group=smart-recovery{query}")).await;
        let html = page.html();
        let choice = scraper::Selector::parse(".choice").expect("selector");
        let strong = scraper::Selector::parse(".choice-meetings li > strong:first-child").expect("selector");
        for group in html.select(&choice) {
            let whens: Vec<(usize, u32)> =
                group.select(&strong).map(|when| day_and_time(&when.text().collect::<String>())).collect();
            assert!(whens.len() >= 2, "{query}: {whens:?}");
            assert!(whens.windows(2).all(|pair| pair[0] <= pair[1]), "{query}: not by day then time: {whens:?}");
        }
        let lines = page.texts(".choice-meetings li").join(" ");
        assert!(!lines.contains("Los Angeles time"), "the fixture's zone is not the site's, said once: {lines}");
    }
}

#[actix_web::test]
async fn a_printed_schedules_title_names_its_filters_in_both_languages() {
    let app = clinic_app();
    for (path, title) in [
        (
            "/handouts/meetings?type=O&attendance=in_person&region=Huntington+Beach",
            "Open in-person meetings, Huntington Beach",
        ),
        (
            "/es/handouts/meetings?type=O&attendance=in_person&region=Huntington+Beach",
            "Reuniones abiertas en persona, Huntington Beach",
        ),
        ("/handouts/meetings?group=alcoholics-anonymous&day=5", "Meetings of AA, Friday"),
        ("/handouts/meetings?type=O&type=W&near=92648", "Open meetings (Women), near 92648"),
        ("/handouts/meetings?attendance=online&for=family", "Online meetings for families and friends"),
        ("/handouts/meetings", "Meetings"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.texts(".schedule h1"), [title], "{path}");
        assert!(page.texts("title").join("").starts_with(title), "{path}: {:?}", page.texts("title"));
    }
}

#[actix_web::test]
async fn a_printed_schedule_says_its_zone_once_in_the_header_and_not_on_each_row() {
    // The site's zone is Chicago; the fixture's meetings are all in Los Angeles.
    let app = clinic_app();
    for (path, zone) in [
        ("/handouts/meetings?type=O", "Times are Los Angeles time."),
        ("/es/handouts/meetings?type=O", "Horario: hora de Los Angeles."),
    ] {
        let page = app.get(path).await;
        assert!(page.texts(".schedule-meta").join(" ").starts_with(zone), "{path}: {:?}", page.texts(".schedule-meta"));
        let times = page.texts(".schedule-entry .entry-head");
        assert!(times.len() > 10 && times.iter().all(|time| !time.contains("Los Angeles")), "{times:?}");
    }
}

#[actix_web::test]
async fn a_printed_schedule_leaves_out_a_column_that_says_the_same_on_every_row_and_says_it_once() {
    let app = clinic_app();
    let one_group = app.get("/handouts/meetings?group=women-for-sobriety").await;
    let headings = one_group.texts(".schedule-table thead tr:last-child th");
    assert!(
        headings.len() >= 3 && headings.chunks(3).all(|table| table == ["Time", "Meeting", "Where"]),
        "{headings:?}"
    );
    assert!(one_group.texts(".schedule-meta").join(" ").contains("Every meeting listed: Open, Women."));
    assert_eq!(one_group.attributes(".day-row th", "colspan")[0], "3");
    let open = app.get("/handouts/meetings?type=O&attendance=in_person&region=Huntington+Beach").await;
    let kinds = open.texts(".schedule-entry .codes");
    assert!(!kinds.is_empty() && kinds.iter().all(|kind| !kind.split(' ').any(|code| code == "O")), "{kinds:?}");
    assert!(!open.texts(".legend-list dt").contains(&"O".to_owned()), "the title says Open");
    let mixed = app.get("/handouts/meetings?type=O").await;
    assert_eq!(
        mixed.texts(".schedule-table thead tr:last-child th")[..5],
        ["Time", "Meeting", "Group", "Where", "Kind"]
    );
    assert!(!mixed.texts(".schedule-meta").join(" ").contains("Every meeting listed"));
}

#[actix_web::test]
async fn sample_data_is_labelled_on_the_home_page_the_printed_schedule_and_the_referral_sheet() {
    let sample = TestApp::spawn();
    let real = clinic_app();
    for path in [
        "/",
        "/es/",
        "/handouts/meetings?type=O",
        "/es/handouts/meetings?type=O",
        "/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous",
        "/es/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous",
    ] {
        let shown = sample.get(path).await;
        assert_eq!(shown.status, 200, "{path}");
        let label = shown.texts(".sample-data").join(" ");
        assert!(label.contains("Sample data") || label.contains("Datos de ejemplo"), "{path}: {label:?}");
        assert!(real.get(path).await.texts(".sample-data").is_empty(), "{path}: real meetings are not labelled");
    }
}

#[actix_web::test]
async fn a_group_one_pager_says_its_meetings_are_samples_instead_of_counting_them() {
    let sample = TestApp::spawn();
    let real = clinic_app();
    for (path, said) in [
        ("/handouts/groups/alcoholics-anonymous", "sample meetings"),
        ("/es/handouts/groups/alcoholics-anonymous", "reuniones de ejemplo"),
    ] {
        let find = sample.get(path).await.texts(".find-box").join(" ");
        assert!(find.contains(said), "{path}: {find:?}");
        let find = real.get(path).await.texts(".find-box").join(" ");
        assert!(!find.contains(said), "{path}: real meetings are counted, not called samples: {find:?}");
    }
}
