//! Nothing on the site may steer a person wrong: the crisis line on every public page and printed
//! sheet, who may come to a women's or men's meeting, and what a referral sheet lists.

use crate::helpers::{Page, TestApp, language_of};

/// What the crisis line says in each language: the three numbers and that they are not the fact
/// sheet's.
fn crisis_words(lang: &str) -> [&'static str; 4] {
    match lang {
        "es" => ["988", "1-800-662-4357", "911", "no provienen de la hoja informativa"],
        _ => ["988", "1-800-662-4357", "911", "not from the fact sheet"],
    }
}

fn assert_crisis_line(address: &str, page: &Page) {
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
async fn the_crisis_line_prints_on_every_handout_and_gives_way_to_the_full_note_where_a_page_has_one() {
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
    assert!(print_rules.contains("body:has(aside.crisis) .crisis-line { display: none; }"));
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
