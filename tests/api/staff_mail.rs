//! E-mail to staff (issue 23 item 4): with a mail server, "a new change request" and "a sync
//! failed" reach the staff who asked for them on their account page, and no one else; without
//! one nothing is sent; a mail server that is down fails no public form. Tested against a small
//! SMTP server the test starts on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use mutual_support::db::Role;

use crate::helpers::TestApp;
use crate::staff::{SAMPLE, add_user, csrf, get_as, login, post, request_change};

/// One message as the server received it.
#[derive(Debug)]
struct Received {
    recipients: Vec<String>,
    /// The message's headers and body, quoted-printable undone.
    data: String,
}

/// Undoes quoted-printable (`=E2=86=92`, soft line breaks `=\r\n`).
fn unquoted(text: &str) -> String {
    let joined = text.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'='
            && let Some(byte) = joined.get(at + 1..at + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            at += 3;
            continue;
        }
        out.push(bytes[at]);
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An SMTP server on 127.0.0.1 that accepts everything (EHLO, MAIL, RCPT, DATA, QUIT) and hands
/// each message to the receiver; its `smtp://` URL.
fn smtp_server() -> (String, mpsc::Receiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let url = format!("smtp://{}", listener.local_addr().expect("address"));
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Ok(copy) = stream.try_clone() else { continue };
            let mut lines = BufReader::new(copy);
            let _ = stream.write_all(b"220 test ESMTP\r\n");
            let mut recipients = Vec::new();
            let mut line = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let command = line.trim_end().to_ascii_uppercase();
                let answer: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                    b"250-test\r\n250 8BITMIME\r\n"
                } else if command.starts_with("RCPT TO:") {
                    recipients.push(line.trim_end()[8..].trim_matches(['<', '>', ' ']).to_owned());
                    b"250 OK\r\n"
                } else if command == "DATA" {
                    let _ = stream.write_all(b"354 go on\r\n");
                    let mut data = String::new();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).unwrap_or(0) == 0 || line == ".\r\n" {
                            break;
                        }
                        data.push_str(&line);
                    }
                    let _ =
                        sender.send(Received { recipients: std::mem::take(&mut recipients), data: unquoted(&data) });
                    b"250 queued\r\n"
                } else if command == "QUIT" {
                    let _ = stream.write_all(b"221 bye\r\n");
                    break;
                } else {
                    b"250 OK\r\n"
                };
                let _ = stream.write_all(answer);
            }
        }
    });
    (url, receiver)
}

fn next_message(receiver: &mpsc::Receiver<Received>) -> Received {
    receiver.recv_timeout(Duration::from_secs(20)).expect("a message arrived")
}

/// Two editors, one of whom (Dana) asked for the notices given.
fn staff_with_one_asking(app: &TestApp, requests: bool, syncs: bool) {
    add_user(app, "dana@example.org", Role::Editor);
    add_user(app, "lee@example.org", Role::Editor);
    let dana = app.state.store.users().expect("reads").into_iter().find(|user| user.email == "dana@example.org");
    app.state.store.set_notifications(dana.expect("dana").id, requests, syncs).expect("saved");
}

#[actix_web::test]
async fn a_new_change_request_is_emailed_to_the_staff_who_asked_and_names_no_visitor() {
    let app = TestApp::spawn();
    staff_with_one_asking(&app, true, false);
    let (url, messages) = smtp_server();
    app.state.mailer.start(&url, "Directory <directory@example.org>", app.state.store.clone()).expect("started");
    let sent = request_change(
        &app,
        SAMPLE,
        &[("time", "07:15"), ("reply_to", "visitor@example.org"), ("message", "Ask for Pat Smithers at the door")],
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let message = next_message(&messages);
    assert_eq!(message.recipients, ["dana@example.org"], "only the one who asked");
    assert!(message.data.contains("Subject: New change request #1: Sunrise Serenity"), "{}", message.data);
    assert!(message.data.contains("To: dana@example.org"), "{}", message.data);
    assert!(message.data.contains("Start time 07:00 → 07:15") && message.data.contains("/staff/requests/1"));
    for private in ["visitor@example.org", "Smithers", "Pat"] {
        assert!(!message.data.contains(private), "{private} must not be mailed: {}", message.data);
    }
    assert!(messages.recv_timeout(Duration::from_millis(500)).is_err(), "one message, to one person");
}

#[actix_web::test]
async fn a_failed_sync_is_emailed_to_the_staff_who_asked_for_it() {
    let app = TestApp::spawn();
    staff_with_one_asking(&app, false, true);
    let (url, messages) = smtp_server();
    app.state.mailer.start(&url, "directory@example.org", app.state.store.clone()).expect("started");
    // A feed address where nothing listens.
    let closed = TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("address");
    app.state
        .store
        .add_source(&mutual_support::db::NewSource {
            name: "metro".into(),
            url: format!("http://{closed}/feed.json?api_key=secret"),
            group_slug: "alcoholics-anonymous".into(),
            timezone: None,
            ..Default::default()
        })
        .expect("added");
    let limits = mutual_support::sync::FetchLimits { timeout: Duration::from_secs(5), ..Default::default() };
    let reports = mutual_support::sync::sync(&app.state.core, "America/Chicago", &[], &limits).expect("ran");
    assert!(reports[0].failed());
    let message = next_message(&messages);
    assert_eq!(message.recipients, ["dana@example.org"]);
    assert!(message.data.contains("Subject: Sync failed: metro"), "{}", message.data);
    assert!(!message.data.contains("secret"), "the URL's query stays out: {}", message.data);
}

#[actix_web::test]
async fn without_a_mail_server_nothing_is_sent_and_a_server_that_is_down_fails_no_public_form() {
    let app = TestApp::spawn();
    staff_with_one_asking(&app, true, true);
    assert!(!app.state.mailer.is_on(), "off unless --smtp-url is given");
    assert_eq!(request_change(&app, SAMPLE, &[("time", "07:15")]).await.status, StatusCode::OK);
    // A mail server that does not answer: the form is answered at once all the same.
    let down = TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("address");
    app.state.mailer.start(&format!("smtp://{down}"), "directory@example.org", app.state.store.clone()).expect("ok");
    let started = Instant::now();
    let page = request_change(&app, SAMPLE, &[("location", "Library")]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(started.elapsed() < Duration::from_secs(5), "the form did not wait for the mail server");
    assert_eq!(app.state.store.open_requests().expect("reads").len(), 2);
}

#[actix_web::test]
async fn each_staff_member_chooses_their_own_notices_on_their_account_page_with_the_csrf_token() {
    let app = TestApp::spawn();
    add_user(&app, "editor@example.org", Role::Editor);
    add_user(&app, "admin@example.org", Role::Admin);
    for email in ["editor@example.org", "admin@example.org"] {
        let cookie = login(&app, email).await;
        let page = get_as(&app, "/staff/account", &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.attributes("input[name=notify_requests][checked]", "name").is_empty(), "off at first");
        assert!(page.body.contains("sends no e-mail now"), "the page says mail is off");
        let forged = post(&app, "/staff/account/notices", Some(&cookie), &[("notify_requests", "yes")]).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let token = csrf(&app, &cookie).await;
        let saved =
            post(&app, "/staff/account/notices", Some(&cookie), &[("csrf", &token), ("notify_requests", "yes")]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let page = get_as(&app, "/staff/account?notices=saved", &cookie).await;
        assert_eq!(page.attributes("input[name=notify_requests][checked]", "name"), ["notify_requests"]);
        assert!(page.attributes("input[name=notify_sync_failures][checked]", "name").is_empty());
    }
    let notified = app.state.store.notified(mutual_support::db::Notification::NewRequest).expect("reads");
    assert_eq!(notified, ["admin@example.org", "editor@example.org"], "each chose for themselves");
    assert!(app.state.store.notified(mutual_support::db::Notification::SyncFailed).expect("reads").is_empty());
}
