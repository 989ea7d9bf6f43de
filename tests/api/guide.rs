//! The provider guide, the philosophy matcher and the printable handouts (HTML; page counts are
//! checked in a real browser by the browser suite).

use crate::helpers::TestApp;

#[actix_web::test]
async fn the_guide_covers_referral_and_follow_up_and_links_the_tools() {
    let app = TestApp::spawn();
    let page = app.get("/guide").await;
    assert_eq!(page.status, 200);
    let text = page.texts("main").join(" ").to_lowercase();
    for topic in ["formal treatment", "more than one", "sponsor", "relapse", "methadone", "open meeting"] {
        assert!(text.contains(topic), "the guide lacks {topic:?}");
    }
    let links = page.attributes("main a", "href");
    for link in ["/guide/match", "/handouts", "/meetings"] {
        assert!(links.iter().any(|href| href.starts_with(link)), "no link to {link}");
    }
}

#[actix_web::test]
async fn the_matcher_answers_with_an_ordered_list_of_several_groups_and_their_reasons() {
    let app = TestApp::spawn();
    let page = app.get("/guide/match?for=self&spiritual=avoid&substance=alcohol").await;
    assert_eq!(page.status, 200);
    let names = page.texts("ol.matches > li > h3");
    assert!(names.len() >= 2, "{names:?}");
    assert!(
        ["Secular Organizations for Sobriety/Save Our Selves", "LifeRing Secular Recovery", "SMART Recovery"]
            .contains(&names[0].as_str())
    );
    assert!(
        page.texts("ol.matches > li:first-child .reasons li")
            .iter()
            .any(|r| r.contains("Secular") || r.contains("cognitive"))
    );
    let first_links = page.attributes("ol.matches > li:first-child a", "href");
    assert!(first_links.iter().any(|href| href.starts_with("/meetings?group=")));
    assert!(first_links.iter().any(|href| href.starts_with("/handouts/groups/")));
    assert_eq!(page.attributes("#results", "id").len(), 1);
    let left = page.texts("ul.not-offered li").join(" ");
    assert!(left.contains("Alcoholics Anonymous") && left.contains("higher power"), "says why AA is left out: {left}");
    assert!(left.contains("Women for Sobriety: Only for women"), "{left}");
    let rules = page.texts("ul.rules li").join(" ");
    assert!(rules.contains("−25") && rules.contains("+50"), "the rules carry their points: {rules}");
    let referral = page.attributes("a[href^='/handouts/referral']", "href");
    assert_eq!(referral.len(), 1);
    assert!(referral[0].matches("group=").count() >= 2);
}

#[actix_web::test]
async fn the_matcher_form_alone_asks_and_a_bad_answer_is_a_400_that_names_it() {
    let app = TestApp::spawn();
    let form = app.get("/guide/match").await;
    assert_eq!(form.status, 200);
    assert!(form.texts("ol.matches").is_empty());
    let legends = form.texts("form.matcher fieldset legend");
    assert_eq!(legends.len(), 6, "{legends:?}");
    assert!(legends.iter().any(|legend| legend.contains("women only")), "the form asks about women-only groups");
    assert_eq!(form.attributes("form.matcher", "action"), ["/guide/match#results"], "results come into view");
    let bad = app.get("/guide/match?spiritual=%3Cscript%3E").await;
    assert_eq!(bad.status, 400);
    assert!(bad.texts("main p").iter().any(|text| text.contains("spiritual")));
}

#[actix_web::test]
async fn each_group_has_a_one_page_handout_with_its_website_and_finder_address() {
    let app = TestApp::spawn();
    let page = app.get("/handouts/groups/women-for-sobriety").await;
    assert_eq!(page.status, 200);
    let text = page.texts("main").join(" ");
    assert!(text.contains("womenforsobriety.org (listed in the fact sheet;"), "{text}");
    assert_eq!(page.attributes(".find-box a[href^='https://womenforsobriety.org']", "href").len(), 1);
    assert!(text.contains("/meetings?group=women-for-sobriety"));
    assert!(text.contains("Thirteen Statements"));
    assert_eq!(page.attributes("button[data-print]", "hidden").len(), 1, "the Print button waits for JavaScript");
    assert_eq!(app.get("/handouts/groups/nobody").await.status, 404);
    let group_page = app.get("/groups/women-for-sobriety").await;
    assert!(group_page.attributes("a", "href").contains(&"/handouts/groups/women-for-sobriety".to_owned()));
}

#[actix_web::test]
async fn the_schedule_lists_meetings_by_day_then_time_with_a_legend() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/handouts/meetings?type=O").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts(".schedule-day h2"), ["Sunday", "Monday", "Tuesday", "Thursday"]);
    let monday: Vec<String> = page.texts(".schedule-day:nth-of-type(2) .schedule-entry .entry-head");
    assert!(monday[0].starts_with("7:00 am"), "{monday:?}");
    assert_eq!(
        page.texts(".schedule-day:nth-of-type(2) thead th"),
        ["Monday, continued", "Time", "Meeting", "Group", "Where", "Kind"]
    );
    let legend = page.texts(".legend-list dt");
    assert!(!legend.contains(&"O".to_owned()) && legend.contains(&"POA".to_owned()), "the title says Open: {legend:?}");
    let mut unique = legend.clone();
    unique.dedup();
    assert_eq!(unique, legend, "each code once");
    for item in page.texts(".legend-list div") {
        let words: Vec<&str> = item.split_whitespace().collect();
        assert!(words.len() < 2 || words[0] != words[1], "the key repeats a code: {item}");
    }
    let text = page.texts("main").join(" ");
    assert!(text.contains("Check before you go"));
    assert!(text.contains("Online: video.example.org"), "online links shortened to their host");
    assert!(!text.contains("https://video.example.org/delta"));
    let finder = app.get("/meetings?type=O").await;
    assert!(finder.attributes("a", "href").contains(&"/handouts/meetings?type=O".to_owned()));
}

#[actix_web::test]
async fn the_referral_sheet_offers_several_groups_with_open_meetings_and_blanks() {
    let app = TestApp::with_fixture("finder-feed.json");
    let page = app.get("/handouts/referral?group=alcoholics-anonymous&group=smart-recovery").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("ol.choices > li h2").len(), 2);
    let meetings = page.texts("ol.choices > li:first-child .choice-meetings li");
    assert!(!meetings.is_empty() && meetings.len() <= 3);
    assert!(meetings.iter().all(|m| !m.contains("Epsilon")), "closed meetings are not offered: {meetings:?}");
    let blanks = page.texts(".blanks p");
    assert_eq!(blanks, ["Client:", "Date:", "Contact person:", "Phone:", "Follow-up visit:"]);
    let one = app.get("/handouts/referral?group=alcoholics-anonymous").await;
    assert_eq!(one.status, 400);
    assert!(one.texts("main p").iter().any(|text| text.contains("more than one choice")));
}

#[actix_web::test]
async fn the_referral_sheet_lists_the_open_meetings_nearest_the_place_given() {
    let app = TestApp::spawn();
    let page = app.get("/handouts/referral?group=alcoholics-anonymous&group=smart-recovery&near=Riverton").await;
    assert_eq!(page.status, 200);
    assert!(page.texts(".referral-intro").join(" ").contains("nearest to Riverton"));
    let listed = page.texts(".choice-meetings li").join(" | ");
    assert!(listed.contains("Riverton"), "{listed}");
    for far in ["Birchport", "Sunvale", "Palmcrest"] {
        assert!(!listed.contains(far), "{far} is not near Riverton: {listed}");
    }
    let unknown = app.get("/handouts/referral?group=alcoholics-anonymous&group=smart-recovery&near=Nowhereville").await;
    assert_eq!(unknown.status, 400);
    assert!(unknown.texts("main p").iter().any(|text| text.contains("Nowhereville")));
}

#[actix_web::test]
async fn the_spanish_matcher_gives_spanish_reasons_with_links_under_es() {
    let app = TestApp::spawn();
    let english = app.get("/guide/match?for=self&spiritual=avoid&substance=alcohol").await;
    let page = app.get("/es/guide/match?for=self&spiritual=avoid&substance=alcohol").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert_eq!(page.texts("h1"), ["¿Qué grupos podrían convenir a este cliente?"]);
    let names = page.texts("ol.matches > li > h3");
    assert_eq!(names, english.texts("ol.matches > li > h3"), "the same groups in the same order");
    assert!(page.texts("#suggestions")[0].ends_with("grupos para ofrecer, del que mejor encaja al que menos"));
    let reasons = page.texts("ol.matches > li:first-child .reasons li").join(" ");
    assert!(
        reasons.contains("A favor:") && (reasons.contains("Laico") || reasons.contains("Incluye alcohol")),
        "{reasons}"
    );
    assert!(page.texts(".score")[0].ends_with("puntos:"));
    let left = page.texts("ul.not-offered li").join(" ");
    assert!(left.contains("Alcoholics Anonymous") && left.contains("poder superior") && left.contains("−25"), "{left}");
    assert!(
        left.contains("Women for Sobriety: Solo para mujeres: se ofrece cuando la persona quiere o aceptaría"),
        "{left}"
    );
    let rules = page.texts("ul.rules li").join(" ");
    assert!(rules.contains("−25") && rules.contains("+50") && rules.contains("Trastornos concurrentes"), "{rules}");
    let first_links = page.attributes("ol.matches > li:first-child a", "href");
    assert!(first_links.iter().any(|href| href.starts_with("/es/groups/")));
    assert!(first_links.iter().any(|href| href.starts_with("/es/meetings?group=")));
    assert!(first_links.iter().any(|href| href.starts_with("/es/handouts/groups/")));
    assert_eq!(page.attributes("a[href^='/es/handouts/referral']", "href").len(), 1);
    assert_eq!(page.attributes("form.matcher", "action"), ["/es/guide/match#results"]);
    let legends = page.texts("form.matcher fieldset legend");
    assert!(
        legends
            .iter()
            .any(|legend| legend == "Si la persona es mujer: ¿iría a un grupo o a una reunión solo para mujeres?"),
        "{legends:?}"
    );
    assert!(page.texts("form.matcher label").iter().any(|label| label == "Heroína"));
}

#[actix_web::test]
async fn the_spanish_matcher_never_offers_a_women_only_group_unless_the_client_wants_or_accepts_one() {
    let app = TestApp::spawn();
    for query in ["for=self", "substance=alcohol&spiritual=welcome", "women_only=no&spiritual=avoid", "mat=methadone"] {
        let page = app.get(&format!("/es/guide/match?{query}")).await;
        assert_eq!(page.status, 200, "{query}");
        let offered = page.attributes("ol.matches > li > h3 a", "href");
        assert!(!offered.iter().any(|href| href.ends_with("/women-for-sobriety")), "{query}: {offered:?}");
        assert!(
            page.texts("ul.not-offered li").iter().any(|li| li.starts_with("Women for Sobriety: Solo para mujeres")),
            "{query}: the page says why"
        );
    }
    let wanted = app.get("/es/guide/match?women_only=want&substance=alcohol").await;
    assert_eq!(wanted.attributes("ol.matches > li > h3 a", "href")[0], "/es/groups/women-for-sobriety");
    assert!(
        wanted
            .texts("ol.matches > li:first-child .reasons li")
            .iter()
            .any(|r| r.contains("como lo prefiere la persona"))
    );
}

#[actix_web::test]
async fn a_bad_answer_to_the_spanish_matcher_is_a_spanish_400_that_names_the_question() {
    let app = TestApp::spawn();
    let bad = app.get("/es/guide/match?spiritual=%3Cscript%3E").await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.attributes("html", "lang"), ["es"]);
    assert!(
        bad.texts("main p").iter().any(|text| text == "“spiritual” puede ser welcome, neutral o avoid."),
        "{:?}",
        bad.texts("main p")
    );
    assert!(!bad.body.contains("<script>"));
}
