//! Safety notes and provider tools: the crisis note on the public pages, what a closed meeting
//! means per kind of group, the group comparison and the favicon.

use crate::helpers::TestApp;

/// The 12-Step sentence about closed meetings, which must not reach family groups' meetings.
const TWELVE_STEP_CLOSED: &str = "only for people who want to stop drinking or using drugs themselves";

#[actix_web::test]
async fn the_home_page_the_finder_and_every_meeting_page_carry_the_crisis_note() {
    let app = TestApp::spawn();
    for path in
        ["/", "/meetings", "/meetings?type=O", "/meetings/tuesday-night-al-anon", "/meetings/early-bird-big-book"]
    {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let note = page.texts("main aside.crisis").join(" ");
        for words in ["988", "1-800-662-4357", "911", "not treatment", "not from the fact sheet"] {
            assert!(note.contains(words), "{path}: the crisis note lacks {words:?}: {note}");
        }
        assert_eq!(page.texts("main aside.crisis").len(), 1, "{path}: one note");
    }
}

#[actix_web::test]
async fn a_family_groups_closed_meeting_does_not_carry_the_twelve_step_sentence() {
    let app = TestApp::spawn();
    let family = app.get("/meetings/tuesday-night-al-anon").await;
    assert_eq!(family.status, 200);
    let note = family.texts(".closed-note").join(" ");
    assert!(!note.is_empty(), "the closed meeting is explained");
    assert!(!family.body.contains(TWELVE_STEP_CLOSED), "{note}");
    assert!(note.contains("families and friends"), "{note}");
    let twelve_step = app.get("/meetings/early-bird-big-book").await;
    assert!(twelve_step.texts(".closed-note").join(" ").contains(TWELVE_STEP_CLOSED));
    let smart = app.get("/meetings/smart-recovery-for-women").await;
    let note = smart.texts(".closed-note").join(" ");
    assert!(!note.contains(TWELVE_STEP_CLOSED) && note.contains("12-Step groups only"), "{note}");
}
