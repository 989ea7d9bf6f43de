//! Safety notes and provider tools: the crisis note on the public pages, what a closed meeting
//! means per kind of group, the group comparison and the favicon.

use crate::helpers::TestApp;

/// The 12-Step sentence about closed meetings, which must not reach family groups' meetings.
const TWELVE_STEP_CLOSED: &str = "only for people who want to stop drinking or using drugs themselves";

#[actix_web::test]
async fn the_home_page_the_finder_and_every_meeting_page_carry_the_crisis_note_once_without_the_line() {
    let app = TestApp::spawn();
    for path in [
        "/",
        "/meetings",
        "/meetings?type=O",
        "/meetings/detachment-with-love-afg-riverton",
        "/meetings/sunrise-serenity-riverton",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let note = page.texts("main aside.crisis").join(" ");
        for words in ["988", "1-800-662-4357", "911", "not treatment", "not from the fact sheet"] {
            assert!(note.contains(words), "{path}: the crisis note lacks {words:?}: {note}");
        }
        assert_eq!(page.texts("main aside.crisis").len(), 1, "{path}: one note");
        assert_eq!(page.texts(".crisis-line").len(), 0, "{path}: no line above it saying the same");
        assert_eq!(page.attributes("a[href='tel:988']", "href").len(), 1, "{path}: 988 said once");
    }
    let about = app.get("/about").await;
    assert_eq!((about.texts(".crisis-line").len(), about.texts("aside.crisis").len()), (1, 0), "the line elsewhere");
}

#[actix_web::test]
async fn a_family_groups_closed_meeting_does_not_carry_the_twelve_step_sentence() {
    let app = TestApp::spawn();
    let family = app.get("/meetings/detachment-with-love-afg-riverton").await;
    assert_eq!(family.status, 200);
    let note = family.texts(".admission").join(" ");
    assert!(!note.is_empty(), "the closed meeting is explained");
    assert!(!family.body.contains(TWELVE_STEP_CLOSED), "{note}");
    assert!(note.contains("families and friends"), "{note}");
    let twelve_step = app.get("/meetings/sunrise-serenity-riverton").await;
    assert!(twelve_step.texts(".admission").join(" ").contains(TWELVE_STEP_CLOSED));
    let smart = app.get("/meetings/smart-recovery-cedar-grove").await;
    let note = smart.texts(".admission").join(" ");
    assert!(!note.contains(TWELVE_STEP_CLOSED) && note.contains("12-Step groups only"), "{note}");
}

#[actix_web::test]
async fn two_or_three_groups_are_compared_as_columns_with_facts_as_rows() {
    let app = TestApp::spawn();
    let page =
        app.get("/groups/compare?group=smart-recovery&group=alcoholics-anonymous&group=methadone-anonymous").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("table.compare thead th"), ["SMART Recovery", "Alcoholics Anonymous", "Methadone Anonymous"]);
    let rows = page.texts("table.compare tbody th[scope=row]");
    for row in ["Approach", "Spiritual emphasis", "Medication-assisted treatment", "Website"] {
        assert!(rows.iter().any(|heading| heading == row), "no {row} row in {rows:?}");
    }
    assert!(!page.texts("table.compare .not-described").is_empty(), "silence is a mark");
    assert!(
        !page.texts("table.compare td").iter().any(|cell| cell == "Not described in the fact sheet"),
        "not the words in every cell"
    );
    assert_eq!(page.texts(".legend-note").len(), 1, "one legend");
    assert_eq!(page.texts("main cite").len(), 1, "the fact sheet is named once as the source");
    let two = app.get("/groups/compare?group=co-anon&group=nar-anon&group=co-anon").await;
    assert_eq!(two.status, 200, "a group named twice counts once");
    assert_eq!(two.texts("table.compare thead th").len(), 2);
}

#[actix_web::test]
async fn a_comparison_of_unknown_too_few_or_too_many_groups_is_a_400_that_says_why() {
    let app = TestApp::spawn();
    let cases = [
        ("/groups/compare", "at least two"),
        ("/groups/compare?group=smart-recovery", "at least two"),
        ("/groups/compare?group=smart-recovery&group=%3Cb%3Enope", "is not a group"),
        ("/groups/compare?group=co-anon&group=nar-anon&group=smart-recovery&group=alcoholics-anonymous", "at most 3"),
    ];
    for (path, words) in cases {
        let page = app.get(path).await;
        assert_eq!(page.status, 400, "{path}");
        assert!(page.texts("main p").iter().any(|text| text.contains(words)), "{path}: {:?}", page.texts("main p"));
        assert!(!page.body.contains("<b>nope"), "escaped");
    }
}

#[actix_web::test]
async fn every_group_card_and_group_page_offers_a_comparison() {
    let app = TestApp::spawn();
    let groups = app.get("/groups").await;
    let cards = groups.texts(".card").len();
    assert_eq!(groups.attributes(".card input[type=checkbox][name=group][form=compare-form]", "value").len(), cards);
    assert_eq!(groups.attributes("form#compare-form", "action"), ["/groups/compare"]);
    assert_eq!(groups.attributes("#comparison", "id").len(), 1, "the full table has its anchor");
    let page = app.get("/groups/women-for-sobriety").await;
    assert_eq!(page.attributes("form[action='/groups/compare'] input[type=hidden]", "value"), ["women-for-sobriety"]);
    let choices = page.attributes("form[action='/groups/compare'] option", "value");
    assert!(choices.contains(&"smart-recovery".to_owned()) && !choices.contains(&"women-for-sobriety".to_owned()));
}

#[actix_web::test]
async fn the_favicon_answers_at_the_address_browsers_ask_for() {
    let app = TestApp::spawn();
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.status, 200);
    assert_eq!(icon.header("content-type"), Some("image/x-icon"));
    assert!(icon.body.starts_with("\0\0\u{1}\0"), "an ICO file");
    assert!(app.get("/").await.attributes("link[rel=icon]", "href")[0].starts_with("/static/favicon.svg"));
    assert_eq!(app.get("/static/favicon.svg").await.status, 200);
}

#[actix_web::test]
async fn every_printed_page_carries_the_print_date_from_its_own_stylesheet() {
    let app = TestApp::spawn();
    let stamp = app.get("/print.css").await;
    assert_eq!(stamp.status, 200);
    assert!(stamp.header("content-type").is_some_and(|value| value.starts_with("text/css")));
    assert!(stamp.body.contains("@top-right") && stamp.body.contains("\"Printed "), "{}", stamp.body);
    assert!(stamp.body.contains("\"Mutual Support Directory\"") && stamp.body.contains("\"Page \" counter(page)"));
    let spanish = app.get("/es/print.css").await;
    assert!(spanish.body.contains("\"Impreso el ") && spanish.body.contains(" de "), "{}", spanish.body);
    assert!(spanish.body.contains("\"Página \" counter(page) \" de \" counter(pages)"), "{}", spanish.body);
    for (path, sheet) in [
        ("/", "/print.css"),
        ("/groups/co-anon", "/print.css"),
        ("/handouts/meetings?type=O", "/print.css"),
        ("/es/handouts/meetings?type=O", "/es/print.css"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.attributes(&format!("link[href='{sheet}']"), "media"), ["print"], "{path}");
    }
}
