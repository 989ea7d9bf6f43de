//! The site's own pages, the error pages, the health check and the response headers.

use crate::helpers::TestApp;

#[actix_web::test]
async fn the_home_page_opens_every_door() {
    let app = TestApp::spawn();
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    let links = page.attributes("main a", "href");
    for door in [
        "/meetings?type=O&for=self#results",
        "/meetings?for=family#results",
        "/meetings",
        "/groups#comparison",
        "/about",
    ] {
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
