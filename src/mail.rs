//! E-mail to staff, optional: with `serve --smtp-url`, "a new change request" and "a sync failed"
//! messages go to the staff who asked for them on their own account page. They are sent by a
//! thread of their own, never on a request's path: a slow, refusing or missing mail server
//! delays and fails no page, and without `--smtp-url` nothing is sent at all. A message names the
//! meeting or the source and what happened, never the person who asked (their address and
//! message stay in the staff area).

use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{Message, SmtpTransport, Transport};

use crate::db::{Notification, Store};

/// How long one message may take to hand to the mail server.
const SEND_TIMEOUT: Duration = Duration::from_secs(20);

/// One message for every staff member who asked for its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: Notification,
    pub subject: String,
    pub body: String,
}

impl Notice {
    /// A visitor sent request `id` about `meeting` (its name), asking `asked` ("Start time 07:00
    /// → 07:15"); nothing about the visitor.
    pub fn new_request(id: i64, meeting: &str, asked: &str) -> Notice {
        Notice {
            kind: Notification::NewRequest,
            subject: format!("New change request #{id}: {meeting}"),
            body: format!(
                "A visitor sent a change request about \"{meeting}\": {asked}.\n\n\
                 Review it in the staff area: /staff/requests/{id}\n\n\
                 You get this because you asked for e-mail about new change requests on your \
                 account page (/staff/account)."
            ),
        }
    }

    /// Source `name` failed to sync, for `reason` (its URL's secrets already left out).
    pub fn sync_failed(name: &str, reason: &str) -> Notice {
        Notice {
            kind: Notification::SyncFailed,
            subject: format!("Sync failed: {name}"),
            body: format!(
                "The source \"{name}\" could not be synced: {}\n\n\
                 Its meetings stay as they were after its last good sync. The sources page (/sources) \
                 and `mutual-support source list` show its last success and error.\n\n\
                 You get this because you asked for e-mail about failed syncs on your account page \
                 (/staff/account).",
                crate::sync::first_line(reason)
            ),
        }
    }
}

/// The mail queue: off until [`Mailer::start`], then a thread that sends what is queued.
#[derive(Default)]
pub struct Mailer {
    queue: OnceLock<mpsc::Sender<Notice>>,
}

impl Mailer {
    /// Starts sending through the SMTP server at `url` (`smtp://host:port` plain, for a server
    /// on the same machine; `smtp://host:587?tls=required` STARTTLS; `smtps://user:pass@host`
    /// TLS, both with rustls), from `from`. A bad URL or address is an error now, not at the
    /// first message.
    pub fn start(&self, url: &str, from: &str, store: Store) -> anyhow::Result<()> {
        let transport = SmtpTransport::from_url(url)
            .map_err(|error| anyhow::anyhow!("--smtp-url: {error}"))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        let from: Mailbox = from.parse().map_err(|error| anyhow::anyhow!("--mail-from \"{from}\": {error}"))?;
        let (sender, receiver) = mpsc::channel::<Notice>();
        std::thread::Builder::new().name("mail".to_owned()).spawn(move || {
            for notice in receiver {
                send(&transport, &from, &store, &notice);
            }
        })?;
        self.queue.set(sender).map_err(|_| anyhow::anyhow!("the mailer was started twice"))
    }

    /// Is mail sent at all (`--smtp-url` given)?
    pub fn is_on(&self) -> bool {
        self.queue.get().is_some()
    }

    /// Queues a notice; returns at once. Without `--smtp-url`, does nothing.
    pub fn notify(&self, notice: Notice) {
        if let Some(queue) = self.queue.get()
            && queue.send(notice).is_err()
        {
            tracing::error!("the mail thread has stopped; a notice was not sent");
        }
    }
}

/// Sends one notice to each staff member who asked for its kind, one message each (no one sees
/// another's address). Failures are logged, never raised.
fn send(transport: &SmtpTransport, from: &Mailbox, store: &Store, notice: &Notice) {
    let addresses = match store.notified(notice.kind) {
        Ok(addresses) => addresses,
        Err(error) => {
            tracing::error!(%error, "could not read who is sent notices");
            return;
        }
    };
    for address in addresses {
        let message = address.parse::<Mailbox>().map_err(|error| error.to_string()).and_then(|to| {
            Message::builder()
                .from(from.clone())
                .to(to)
                .subject(notice.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(notice.body.clone())
                .map_err(|error| error.to_string())
        });
        match message.map(|message| transport.send(&message).map_err(|error| error.to_string())) {
            Ok(Ok(_)) => tracing::info!(subject = notice.subject, "notice sent"),
            Ok(Err(error)) | Err(error) => tracing::warn!(%error, subject = notice.subject, "a notice was not sent"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_names_the_meeting_and_the_request_but_no_one_who_asked() {
        let notice = Notice::new_request(12, "Sunrise Serenity", "Start time 07:00 → 07:15");
        assert_eq!(notice.subject, "New change request #12: Sunrise Serenity");
        assert!(notice.body.contains("/staff/requests/12") && notice.body.contains("07:00 → 07:15"));
        let failed = Notice::sync_failed("metro", "HTTP 500 from https://feeds.example/metro.json\nmore detail");
        assert_eq!(failed.subject, "Sync failed: metro");
        assert!(failed.body.contains("HTTP 500") && !failed.body.contains("more detail\n"), "{}", failed.body);
    }

    #[test]
    fn without_a_server_nothing_is_queued_and_a_bad_url_is_an_error_at_start() {
        let mailer = Mailer::default();
        assert!(!mailer.is_on());
        mailer.notify(Notice::sync_failed("metro", "down"));
        let folder = tempfile::tempdir().expect("folder");
        let store = Store::open(&folder.path().join("mail.sqlite3")).expect("store");
        assert!(mailer.start("gopher://mail.example", "directory@example.org", store.clone()).is_err());
        assert!(mailer.start("smtp://127.0.0.1:1", "not an address", store).is_err());
        assert!(!mailer.is_on());
    }
}
