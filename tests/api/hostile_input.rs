//! Values meant to mislead a reader, a terminal, a spreadsheet or a calendar: control characters
//! typed into forms, fields that identify people, secrets in source addresses, slugs that are routes.

use actix_web::http::StatusCode;

use crate::helpers::TestApp;
use crate::staff::{logged_in_editor, post};

const SAMPLE: &str = "sunrise-serenity-riverton";

#[actix_web::test]
async fn control_characters_typed_into_a_public_or_staff_form_are_refused_naming_the_field() {
    let app = TestApp::spawn();
    let new_meeting = |name: &'static str, message: &'static str| {
        vec![
            ("name", name),
            ("fellowship", "smart-recovery"),
            ("day", "6"),
            ("time", "6:30 AM"),
            ("location", "Riverside Library"),
            ("message", message),
        ]
    };
    for name in ["Riverside\u{1b}[2J Sunrise", "Riverside\u{0}", "Riverside\r\nSunrise", "Riverside \u{202E}esir"] {
        let page = post(&app, "/meetings/new", None, &new_meeting(name, "")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{name:?}");
        let error = page.texts("#name-error");
        assert!(error.first().is_some_and(|error| error.contains("holds")), "{name:?}: {error:?}");
        let spanish = post(&app, "/es/meetings/new", None, &new_meeting(name, "")).await;
        assert!(spanish.texts("#name-error").first().is_some_and(|error| error.contains("carácter de control")));
    }
    let bell = post(&app, "/meetings/new", None, &new_meeting("Riverside Sunrise", "Ring\u{7} twice\r\nthanks")).await;
    assert_eq!(bell.status, StatusCode::BAD_REQUEST);
    assert!(bell.body.contains("The message holds an invisible control character"), "{}", bell.body);
    assert!(app.state.store.open_requests().expect("reads").is_empty(), "nothing was kept");
    let kept = post(&app, "/meetings/new", None, &new_meeting("Riverside Sunrise", "Ring twice\r\nthanks")).await;
    assert_eq!(kept.status, StatusCode::OK, "a message keeps its line breaks: {}", kept.body);

    let (cookie, token) = logged_in_editor(&app).await;
    let edit = format!("/staff/meetings/{SAMPLE}/edit");
    let fields = |location: &'static str| {
        vec![
            ("csrf", token.as_str()),
            ("name", "Sunrise Serenity"),
            ("fellowship", "alcoholics-anonymous"),
            ("day", "1"),
            ("time", "07:00"),
            ("timezone", "America/Chicago"),
            ("location", location),
            ("notes", "Side door.\r\nRing twice."),
        ]
    };
    let refused = post(&app, &edit, Some(&cookie), &fields("Hall\u{2066}B\u{2069}")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.texts("#location-error").first().is_some_and(|error| error.contains("U+2066")), "{}", refused.body);
    let saved = post(&app, &edit, Some(&cookie), &fields("Hall")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let meeting = app.state.store.meeting(SAMPLE).expect("reads").expect("there");
    assert_eq!(meeting.notes.as_deref(), Some("Side door.\nRing twice."), "notes keep their line breaks");
}

#[actix_web::test]
async fn a_meeting_whose_slug_is_a_route_is_renamed_on_import_with_a_warning_and_refused_from_staff() {
    let app = TestApp::spawn();
    let feed = br#"[{"name": "New Beginnings", "slug": "new", "day": 1, "time": "19:00", "fellowship": "co-anon",
        "timezone": "America/Chicago"}]"#;
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let read = mutual_support::feed::parse_meeting_guide(feed, &defaults).expect("parses");
    let warnings: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [r#"record 1 (slug "new"): slug: read "new", took it as new-meeting (/meetings/new is a page of the site)"#]
    );
    app.state.store.import(&read.meetings, &Default::default()).expect("imports");
    let page = app.get("/meetings/new-meeting").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("New Beginnings"));
    let strict = mutual_support::feed::FeedDefaults { strict: true, ..defaults };
    assert!(mutual_support::feed::parse_meeting_guide(feed, &strict).is_err(), "--strict refuses the renaming");

    let (cookie, token) = logged_in_editor(&app).await;
    let fields = [
        ("csrf", token.as_str()),
        ("slug", "new"),
        ("name", "New"),
        ("fellowship", "alcoholics-anonymous"),
        ("day", "2"),
        ("time", "18:30"),
        ("timezone", "America/Chicago"),
    ];
    let refused = post(&app, "/staff/meetings/new", Some(&cookie), &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.texts("#slug-error").first().is_some_and(|error| error.contains("/meetings/new is a page")));
    let named = post(
        &app,
        "/staff/meetings/new",
        Some(&cookie),
        &fields[..1].iter().chain(&fields[2..]).copied().collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(named.status, StatusCode::BAD_REQUEST, "a slug made from the name \"New\" is refused too");
}

#[actix_web::test]
async fn who_entered_a_meeting_and_its_admin_page_are_kept_for_staff_but_never_published() {
    let app = TestApp::with_fixture("finder-feed.json");
    let feed = br#"[{"name": "WordPress Meeting", "slug": "wp-meeting", "day": 1, "time": "09:00", "fellowship": "co-anon",
        "timezone": "America/Chicago", "formatted_address": "1 Example St, Riverton, MN 55990, USA",
        "author": "dana.smith@example.org", "edit_url": "https://intergroup.example/wp-admin/post.php?post=7&action=edit",
        "mailing_address": "12 Home Rd, Riverton", "last_contact": "2024-01-02", "admin_link": "https://intergroup.example/wp-admin/edit.php",
        "venmo": "@wp-meeting", "url": "https://intergroup.example/meetings/wp-meeting/"}]"#;
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(feed, &defaults).expect("parses").meetings;
    app.state.store.import(&meetings, &Default::default()).expect("imports");
    let private = ["dana.smith", "wp-admin", "12 Home Rd", "2024-01-02"];
    for path in
        ["/feed/meetings.json?group=co-anon", "/meetings/wp-meeting", "/meetings/wp-meeting.ics", "/meetings.ics"]
    {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        for text in private {
            assert!(!page.body.contains(text), "{path} publishes {text}");
        }
    }
    let published: Vec<serde_json::Value> =
        serde_json::from_str(&app.get("/feed/meetings.json?group=co-anon").await.body).expect("JSON");
    assert_eq!(published[0]["venmo"], "@wp-meeting", "fields that name no one are still published");
    assert_eq!(published[0]["url"], "https://intergroup.example/meetings/wp-meeting/");
    for field in ["author", "edit_url", "mailing_address", "last_contact", "admin_link"] {
        assert!(published[0].get(field).is_none(), "{field} is published");
    }
    // Kept for staff: the CLI export writes what the store holds.
    let stored = app.state.store.meeting("wp-meeting").expect("reads").expect("there");
    let export = String::from_utf8(
        mutual_support::feed::ExportFormat::Json.write(&[stored], jiff::Timestamp::now()).expect("writes"),
    )
    .expect("text");
    assert!(export.contains("dana.smith@example.org") && export.contains("post.php?post=7"), "{export}");
}

#[actix_web::test]
async fn the_sources_page_shows_a_feeds_host_and_path_but_no_password_or_key() {
    let app = TestApp::spawn();
    app.state
        .store
        .add_source(&mutual_support::db::NewSource {
            name: "metro".into(),
            url: "https://feeduser:pw-s3cret@feeds.example.org/meetings.json?api_key=key-abc123#top".into(),
            group_slug: "alcoholics-anonymous".into(),
            timezone: None,
            ..Default::default()
        })
        .expect("added");
    let page = app.get("/sources").await;
    assert_eq!(page.status, StatusCode::OK);
    for secret in ["feeduser", "pw-s3cret", "key-abc123", "api_key", "#top"] {
        assert!(!page.body.contains(secret), "{secret} shown:\n{}", page.body);
    }
    assert!(page.attributes("main li.card a", "href").contains(&"https://feeds.example.org/meetings.json".to_owned()));
    assert!(page.texts("main li.card").iter().any(|text| text.contains("https://feeds.example.org/meetings.json")));
}

#[test]
fn calendar_words_in_a_meetings_text_do_not_split_the_calendar_written_in_chunks() {
    let app = TestApp::with_fixture("finder-feed.json");
    let feed = br#"[{"name": "BEGIN:VEVENT", "slug": "words-a", "day": 1, "time": "09:00", "fellowship": "co-anon",
            "timezone": "America/Chicago", "notes": "Then END:VCALENDAR and END:VEVENT"},
        {"name": "END:VCALENDAR", "slug": "words-b", "day": 2, "time": "09:00", "fellowship": "co-anon",
            "timezone": "America/Chicago", "location": "BEGIN:VCALENDAR"}]"#;
    let defaults = mutual_support::feed::FeedDefaults::new("America/Chicago");
    let meetings = mutual_support::feed::parse_meeting_guide(feed, &defaults).expect("parses").meetings;
    app.state.store.import(&meetings, &Default::default()).expect("imports");
    let (whole, streamed) = app.feed_at_once_and_in_chunks(mutual_support::feed::ExportFormat::Ics, 1);
    let without_stamps = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .filter(|line| !line.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_stamps(&streamed), without_stamps(&whole));
    let streamed = without_stamps(&streamed);
    let count = |words: &str| streamed.lines().filter(|line| *line == words).count();
    assert_eq!(count("BEGIN:VEVENT"), count("END:VEVENT"));
    assert_eq!(count("BEGIN:VEVENT"), streamed.lines().filter(|line| line.starts_with("UID:")).count());
    assert_eq!((count("BEGIN:VCALENDAR"), count("END:VCALENDAR")), (1, 1));
    for uid in ["UID:words-a@mutual-support-directory", "UID:words-b@mutual-support-directory"] {
        assert_eq!(count(uid), 1, "{uid}");
    }
}
