//! Nothing on the site may steer a person wrong: the crisis line on every public page and printed
//! sheet, who may come to a women's or men's meeting, and what a referral sheet lists.

use crate::helpers::{Page, TestApp, language_of};

/// What the crisis line says in each language: the three numbers and that they are not the fact
/// sheet's.
fn crisis_words(lang: &str) -> [&'static str; 4] {
    match lang {
        "es" => ["988", "1-800-662-4357", "911", "no de la hoja informativa"],
        _ => ["988", "1-800-662-4357", "911", "not from the fact sheet"],
    }
}

/// Pages with the full crisis note (the home page, the finder, a meeting) carry it instead of the
/// line: the numbers once, not twice.
fn assert_crisis_line(address: &str, page: &Page) {
    if !page.texts("main aside.crisis").is_empty() {
        let note = page.texts("main aside.crisis").join(" ");
        for words in crisis_words(language_of(address)).into_iter().take(3) {
            assert!(note.contains(words), "{address}: the crisis note lacks {words:?}: {note:?}");
        }
        assert!(!page.texts("main aside.crisis .crisis-source").is_empty(), "{address}: says where they are from");
        assert_eq!(page.texts(".crisis-line").len(), 0, "{address}: the line would say the note's numbers again");
        return;
    }
    let line = page.texts("main .crisis-line").join(" ");
    for words in crisis_words(language_of(address)) {
        assert!(line.contains(words), "{address} ({}): the crisis line lacks {words:?}: {line:?}", page.status);
    }
    assert_eq!(page.texts(".crisis-line").len(), 1, "{address}: one crisis line");
    assert!(page.attributes(".crisis-line a", "href").iter().any(|href| href == "tel:988"), "{address}");
}

#[actix_web::test]
async fn every_public_page_and_printed_handout_in_both_languages_carries_the_crisis_line() {
    let app = TestApp::spawn();
    let walked = app.walk().await;
    assert!(walked.len() > 80, "the walk reached {} pages", walked.len());
    for path in ["/groups/heroin-anonymous", "/about", "/guide", "/guide/match", "/handouts/groups/nar-anon"] {
        for address in [path.to_owned(), format!("/es{path}")] {
            assert!(walked.iter().any(|(reached, _)| *reached == address), "the walk reaches {address}");
        }
    }
    for (address, page) in &walked {
        assert_crisis_line(address, page);
    }
    // Pages no link leads to: the matcher's answers, the referral sheet, error pages.
    for path in [
        "/guide/match?spiritual=avoid&substance=alcohol",
        "/handouts/referral?group=alcoholics-anonymous&group=smart-recovery",
        "/handouts/meetings?type=O&group=narcotics-anonymous",
        "/no-such-page",
        "/meetings/no-such-meeting",
        "/guide/match?spiritual=maybe",
        "/handouts/referral?group=smart-recovery",
    ] {
        for address in [path.to_owned(), format!("/es{path}")] {
            let page = app.get(&address).await;
            assert!([200, 400, 404].contains(&page.status.as_u16()), "{address}: {}", page.status);
            assert_crisis_line(&address, &page);
        }
    }
}

#[actix_web::test]
async fn the_crisis_line_prints_on_every_handout() {
    let css = std::fs::read_to_string("static/site.css").expect("the stylesheet");
    let print_rules: String = css.split("@media print").skip(1).collect();
    let hidden = print_rules
        .lines()
        .map(str::trim)
        .filter(|rule| rule.starts_with(".crisis-line") || rule.starts_with(".handout"));
    assert!(
        !hidden.clone().any(|rule| rule.contains("crisis-line") && rule.contains("display: none")),
        "not hidden on paper"
    );
    let app = TestApp::spawn();
    for address in ["/handouts/groups/smart-recovery", "/es/handouts/meetings?type=O"] {
        let page = app.get(address).await;
        assert_eq!(page.texts("aside.crisis").len(), 0, "{address}: a handout prints the line itself");
        assert_crisis_line(address, &page);
    }
}

#[actix_web::test]
async fn a_womens_open_meeting_page_says_any_woman_may_come_never_anyone() {
    let app = TestApp::spawn();
    for (address, anyone, woman) in [
        ("/meetings/step-sisters-millbrook", "anyone may come", "any woman may come"),
        ("/es/meetings/step-sisters-millbrook", "puede asistir cualquier persona", "puede asistir cualquier mujer"),
    ] {
        let page = app.get(address).await;
        assert_eq!(page.status, 200, "{address}");
        assert!(page.texts(".types-list li").iter().any(|name| name == "Women" || name == "Mujeres"), "{address}");
        let said = page.texts("p.admission").join(" ");
        assert!(said.contains(woman), "{address}: {said}");
        assert!(!page.body.contains(anyone), "{address} says {anyone:?}");
    }
    let men = app.get("/meetings/men-s-breakfast-group").await;
    assert!(men.texts("p.admission").join(" ").contains("any man may come"));
    assert!(!men.body.contains("anyone may come"));
    let closed = app.get("/meetings/women-in-recovery").await;
    let said = closed.texts("p.admission").join(" ");
    assert!(said.starts_with("For women only.") && said.contains("want to stop drinking"), "{said}");
}

/// A referral sheet's listed meetings, as printed.
fn referral_lines(page: &Page) -> Vec<String> {
    page.texts(".choice-meetings li")
}

#[actix_web::test]
async fn a_referral_sheet_not_asked_for_womens_or_mens_meetings_lists_none_and_never_says_anyone_may_come() {
    let app = TestApp::spawn();
    for (when, name) in [("day=1&time=night", "Step Sisters"), ("day=6&time=morning", "Men's Breakfast")] {
        for address in [
            format!("/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous&{when}"),
            format!("/es/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous&{when}"),
        ] {
            let page = app.get(&address).await;
            assert_eq!(page.status, 200, "{address}");
            let lines = referral_lines(&page);
            assert!(!lines.iter().any(|line| line.contains(name)), "{address}: {lines:?}");
            assert!(page.texts(".choice-meetings .gender").is_empty(), "{address}");
            for anyone in
                ["anyone may come", "Anyone may attend", "Cualquier persona puede asistir", "cualquier persona"]
            {
                assert!(!page.body.contains(anyone), "{address} says {anyone:?}");
            }
        }
    }
}

#[actix_web::test]
async fn a_referral_sheet_for_a_woman_who_would_go_lists_womens_meetings_of_mixed_groups_labelled() {
    let app = TestApp::spawn();
    let base = "/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous&day=1&time=night";
    for answer in ["accept", "want"] {
        let page = app.get(&format!("{base}&women_only={answer}")).await;
        assert_eq!(page.status, 200);
        let lines = referral_lines(&page);
        let sisters = lines.iter().find(|line| line.contains("Step Sisters")).expect("the women's meeting is listed");
        assert!(sisters.contains("(women only)"), "{sisters}");
    }
    let spanish = app.get(&format!("/es{base}&women_only=accept")).await;
    assert!(
        referral_lines(&spanish)
            .iter()
            .any(|line| line.contains("Step Sisters") && line.contains("(solo para mujeres)"))
    );
    let men = app.get(&format!("{base}&women_only=accept").replace("day=1&time=night", "day=6&time=morning")).await;
    assert!(
        !referral_lines(&men).iter().any(|line| line.contains("Men's Breakfast")),
        "a woman's sheet: no men's meeting"
    );
    let asked = app
        .get("/handouts/referral?group=alcoholics-anonymous&group=narcotics-anonymous&day=6&time=morning&type=M")
        .await;
    assert!(referral_lines(&asked).iter().any(|line| line.contains("Men's Breakfast") && line.contains("(men only)")));
    let wrong = app.get(&format!("{base}&women_only=perhaps")).await;
    assert_eq!(wrong.status, 400, "an unknown answer is a clear 400");
}

#[actix_web::test]
async fn the_matcher_carries_a_womans_answer_to_the_referral_sheet_and_points_to_mixed_groups_womens_meetings() {
    let app = TestApp::spawn();
    let page = app.get("/guide/match?substance=alcohol&women_only=accept").await;
    let links = page.attributes("a", "href");
    assert!(links.iter().any(|href| href.starts_with("/handouts/referral?") && href.ends_with("&women_only=accept")));
    assert!(links.iter().any(|href| href == "/meetings?group=alcoholics-anonymous&type=W"), "{links:?}");
    let unasked = app.get("/guide/match?substance=alcohol").await.attributes("a", "href");
    assert!(!unasked.iter().any(|href| href.contains("women_only=") || href.contains("type=W")), "{unasked:?}");
}

const GROUPS: [&str; 18] = [
    "al-anon-alateen",
    "alcoholics-anonymous",
    "chemically-dependent-anonymous",
    "co-anon",
    "cocaine-anonymous",
    "crystal-meth-anonymous",
    "double-trouble-in-recovery",
    "dual-recovery-anonymous",
    "families-anonymous",
    "heroin-anonymous",
    "lifering-secular-recovery",
    "marijuana-anonymous",
    "methadone-anonymous",
    "nar-anon",
    "narcotics-anonymous",
    "secular-organizations-for-sobriety",
    "smart-recovery",
    "women-for-sobriety",
];

#[actix_web::test]
async fn every_group_page_and_handout_says_its_figures_are_the_fact_sheets_of_spring_2008() {
    let app = TestApp::spawn();
    assert_eq!(app.state.content.groups.len(), GROUPS.len(), "every group is checked");
    for slug in GROUPS {
        for (address, dated) in [
            (format!("/groups/{slug}"), "the fact sheet's (spring 2008)"),
            (format!("/handouts/groups/{slug}"), "the fact sheet's (spring 2008)"),
            (format!("/es/groups/{slug}"), "hoja informativa (primavera de 2008)"),
            (format!("/es/handouts/groups/{slug}"), "hoja informativa (primavera de 2008)"),
        ] {
            let page = app.get(&address).await;
            assert_eq!(page.status, 200, "{address}");
            assert!(page.texts("main").join(" ").contains(dated), "{address} does not date its figures");
        }
    }
    let referral = app.get("/handouts/referral?group=smart-recovery&group=alcoholics-anonymous").await;
    assert!(referral.texts(".source").join(" ").contains("(SAMHSA, spring 2008); its figures may have changed"));
    let smart = app.get("/groups/smart-recovery").await.texts("main").join(" ");
    assert!(smart.contains("About 300 weekly meetings in the fact sheet; far more today"), "{smart}");
    assert!(!smart.contains("About 300 weekly meetings worldwide"), "not stated as now");
    let spanish_aa = app.get("/es/groups/alcoholics-anonymous").await.texts("main").join(" ");
    assert!(spanish_aa.contains("100.000") && !spanish_aa.contains("100,000"), "Spanish writes 100.000");
}

#[actix_web::test]
async fn every_groups_website_is_https_and_says_whether_the_fact_sheet_lists_it() {
    let app = TestApp::spawn();
    for slug in GROUPS {
        let page = app.get(&format!("/groups/{slug}")).await;
        let links = page.attributes(".group-actions a[rel~=external]", "href");
        assert_eq!(links.len(), 1, "{slug}: {links:?}");
        assert!(links[0].starts_with("https://"), "{slug}: {}", links[0]);
        let note = page.texts(".website-note").join(" ");
        assert!(
            note.contains("listed in the fact sheet") || note.contains("not from the fact sheet (it lists"),
            "{slug}: {note}"
        );
    }
    for (slug, shown, listed) in [
        ("alcoholics-anonymous", "aa.org", "alcoholics-anonymous.org"),
        ("al-anon-alateen", "al-anon.org", "al-anon.alateen.org"),
        ("lifering-secular-recovery", "lifering.org", "unhooked.com"),
        ("heroin-anonymous", "heroinanonymous.org", "heroin-anonymous.org"),
        ("dual-recovery-anonymous", "draonline.org", "dualrecovery.org"),
    ] {
        let page = app.get(&format!("/groups/{slug}")).await;
        assert!(page.texts(".group-actions a").iter().any(|text| text == shown), "{slug}");
        assert!(page.texts(".website-note").join(" ").contains(&format!("(it lists {listed})")), "{slug}");
        let handout = app.get(&format!("/es/handouts/groups/{slug}")).await.texts(".find-box").join(" ");
        assert!(handout.contains(shown) && handout.contains(&format!("esta indica {listed}")), "{slug}: {handout}");
    }
    for address in ["/groups/heroin-anonymous", "/es/groups/marijuana-anonymous"] {
        let said = app.get(address).await.texts(".known-approach").join(" ");
        assert!(
            said.contains("12") && (said.contains("not from the fact sheet") || said.contains("no proviene")),
            "{said}"
        );
    }
    assert!(app.get("/groups/narcotics-anonymous").await.texts(".known-approach").is_empty());
    let methadone = app.get("/groups/methadone-anonymous").await;
    assert_eq!(methadone.texts(".website-note"), ["(listed in the fact sheet)"]);
    let sos = app.get("/groups/secular-organizations-for-sobriety").await.texts("main").join(" ");
    assert!(sos.contains("Yahoo Groups, which closed in 2020"), "the e-support groups are not presented as current");
}

#[actix_web::test]
async fn the_about_page_and_the_guide_say_membership_is_voluntary_and_treatment_comes_first() {
    let app = TestApp::spawn();
    let about = app.get("/about").await.body;
    assert!(!about.contains("Nobody is made to join") && about.contains("Membership is voluntary"));
    let guide = app.get("/guide").await.body;
    assert!(!guide.contains("has had formal treatment") && guide.contains("Once the client receives formal treatment"));
    let spanish = app.get("/es/about").await.body;
    assert!(spanish.contains("una lectura del programa de 12 Pasos") && !spanish.contains("casi siempre"));
    let inactive = app.get("/es/meetings?attendance=inactive").await.body;
    assert!(!inactive.contains("errada temporalmente") && inactive.contains("suspendidas temporalmente"), "suspendida");
}

#[actix_web::test]
async fn a_calendar_event_says_who_may_come_as_the_meeting_page_does() {
    let app = TestApp::spawn();
    let unfold = |page: Page| page.body.replace("\r\n ", "").replace("\\,", ",");
    let women = unfold(app.get("/meetings/step-sisters-millbrook.ics").await);
    assert!(women.contains("An open meeting for women: any woman may come"), "{women}");
    assert!(!women.contains("anyone may come"));
    let mixed = unfold(app.get("/meetings/sunrise-serenity-riverton.ics").await);
    assert!(mixed.contains("A closed meeting: not for everyone"), "{mixed}");
    let feed = unfold(app.get("/meetings.ics?type=W").await);
    assert!(!feed.contains("anyone may come") && feed.contains("any woman may come"));
}

#[actix_web::test]
async fn the_referral_form_asks_before_it_lists_womens_meetings_in_both_languages() {
    let app = TestApp::spawn();
    for (address, words) in
        [("/handouts", "For a woman: list women's meetings too"), ("/es/handouts", "Para una mujer")]
    {
        let page = app.get(address).await;
        let boxes = page.attributes("form[action$='/handouts/referral'] input[name=women_only]", "value");
        assert_eq!(boxes, ["accept"], "{address}");
        assert_eq!(page.attributes("input[name=women_only][checked]", "value").len(), 0, "unticked: {address}");
        assert!(page.texts("form label").iter().any(|label| label.contains(words)), "{address}");
    }
}
