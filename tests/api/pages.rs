//! The site's own pages, the error pages, the health check and the response headers.

use crate::helpers::TestApp;

#[actix_web::test]
async fn the_home_page_opens_every_door() {
    let app = TestApp::spawn();
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    let links = page.attributes("main a", "href");
    for door in
        ["/meetings?for=self#results", "/meetings?for=family#results", "/meetings", "/groups#comparison", "/about"]
    {
        assert!(links.iter().any(|link| link == door), "no link to {door} in {links:?}");
    }
}

#[actix_web::test]
async fn an_unknown_path_gets_the_html_404_page() {
    let app = TestApp::spawn();
    let page = app.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    assert!(page.header("content-type").is_some_and(|value| value.starts_with("text/html")));
    assert_eq!(page.texts("h1"), ["Page not found"]);
    assert_eq!(page.texts("header nav a").first().map(String::as_str), Some("Find a meeting"), "uses the layout");
}

#[actix_web::test]
async fn every_response_carries_the_security_headers_and_no_cookie() {
    let app = TestApp::spawn();
    for path in ["/", "/groups", "/groups/smart-recovery", "/about", "/nope", "/static/site.css", "/healthz"] {
        let page = app.get(path).await;
        let policy = page.header("content-security-policy").unwrap_or_default();
        assert!(policy.contains("default-src 'self'"), "{path}: {policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{path}: {policy}");
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(page.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(page.header("x-frame-options"), Some("DENY"), "{path}");
        assert!(page.header("set-cookie").is_none(), "{path} sets a cookie");
    }
}

#[actix_web::test]
async fn pages_load_nothing_from_other_hosts() {
    let app = TestApp::spawn();
    for path in ["/", "/groups", "/groups/women-for-sobriety", "/about"] {
        let page = app.get(path).await;
        for (selector, attribute) in [("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")] {
            for address in page.attributes(selector, attribute) {
                assert!(address.starts_with('/'), "{path} loads {address}");
            }
        }
    }
}

#[actix_web::test]
async fn the_health_check_reports_the_database() {
    let app = TestApp::spawn();
    let page = app.get("/healthz").await;
    assert_eq!(page.status, 200);
    let body: serde_json::Value = serde_json::from_str(&page.body).expect("JSON");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
}

#[actix_web::test]
async fn the_about_page_covers_the_fact_sheet_and_names_it() {
    let app = TestApp::spawn();
    let page = app.get("/about").await;
    assert_eq!(page.status, 200);
    let text = page.texts("main").join(" ");
    let lower = text.to_lowercase();
    for fact in ["100,000", "2 million", "open meeting", "closed meeting", "donation", "sponsor", "higher power"] {
        assert!(lower.contains(fact), "/about lacks {fact:?}");
    }
    assert!(text.contains("An Introduction to Mutual Support Groups for Alcohol and Drug Abuse"));
}

#[actix_web::test]
async fn static_files_are_served_with_an_etag_and_revalidate() {
    let app = TestApp::spawn();
    let page = app.get("/static/site.css").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/css; charset=utf-8"));
    let etag = page.header("etag").expect("an ETag").to_owned();
    let again = app
        .request(actix_web::test::TestRequest::get().uri("/static/site.css").insert_header(("if-none-match", etag)))
        .await;
    assert_eq!(again.status, 304);
    assert_eq!(app.get("/static/missing.css").await.status, 404);
}

#[actix_web::test]
async fn the_spanish_home_page_is_in_spanish_with_its_counts_and_links_under_es() {
    let app = TestApp::spawn();
    let english = app.get("/").await;
    let page = app.get("/es").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attributes("html", "lang"), ["es"]);
    assert_eq!(page.texts("h1"), ["Apoyo mutuo para recuperarse del alcohol y las drogas"]);
    let count: String = english.texts(".start-more a")[0].chars().filter(char::is_ascii_digit).collect();
    assert!(count.len() > 1, "the directory holds several meetings");
    assert_eq!(page.texts(".start-more a"), [format!("Las {count} reuniones, con todos los filtros")]);
    assert!(
        page.texts(".door p").iter().any(|text| text.starts_with("18 grupos: de 12 Pasos")),
        "{:?}",
        page.texts(".door p")
    );
    let links = page.attributes("main a", "href");
    for door in [
        "/es/meetings?for=self#results",
        "/es/meetings?for=family#results",
        "/es/meetings",
        "/es/groups#comparison",
        "/es/guide/match",
        "/es/handouts",
        "/es/about",
    ] {
        assert!(links.iter().any(|link| link == door), "no link to {door} in {links:?}");
    }
    let internal: Vec<&String> = links.iter().filter(|link| link.starts_with('/')).collect();
    assert!(internal.iter().all(|link| link.starts_with("/es/")), "every internal link stays in Spanish: {internal:?}");
    assert!(page.texts("main h2").iter().any(|heading| heading == "Hojas para imprimir"));
}
