//! What staff started from the browser and wait on, kept in memory while the site runs: the sync
//! run started from the staff pages (one at a time, with its progress and result), and uploaded
//! files waiting to be imported or cancelled (each in a nameless temporary file beside the
//! database, tied to the session that uploaded it, gone when it expires, is used or cancelled,
//! and with the process). It knows the formats' names and nothing else of the site.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How long an uploaded file waits for "import" or "cancel".
pub const UPLOAD_KEPT: Duration = Duration::from_secs(60 * 60);

/// A sync run started from the staff pages.
#[derive(Debug, Clone, Default)]
pub struct SyncRun {
    /// Who started it (the staff account's address).
    pub started_by: String,
    /// Unix seconds.
    pub started_at: i64,
    /// The sources it syncs, in order.
    pub planned: Vec<String>,
    /// The source being synced now.
    pub current: Option<String>,
    /// Each source done: its name, its line (as `sync` prints it), whether it failed.
    pub done: Vec<(String, String, bool)>,
    /// Unix seconds; `None` while it runs.
    pub finished_at: Option<i64>,
    /// Why the run stopped before syncing (an unknown source, the database).
    pub error: Option<String>,
}

impl SyncRun {
    pub fn running(&self) -> bool {
        self.finished_at.is_none()
    }

    pub fn failures(&self) -> usize {
        self.done.iter().filter(|(_, _, failed)| *failed).count()
    }
}

/// An uploaded file waiting for "import" or "cancel".
#[derive(Debug)]
pub struct Upload {
    /// The SHA-256 of the session that uploaded it: no other session can import or cancel it.
    pub session: String,
    /// The file as it came, in a temporary file without a name (deleted when this is dropped).
    pub file: std::fs::File,
    /// Its name as the browser gave it (shown and logged only).
    pub file_name: String,
    /// How it is read: the group of records naming none, whether the group's other meetings are
    /// archived, whether warnings are errors.
    pub group: Option<String>,
    /// The zone of its meetings that name none and have no coordinates (`import --timezone`).
    pub timezone: Option<String>,
    pub replace: bool,
    pub strict: bool,
    pub format: crate::feed::SourceFormat,
    pub expires: Instant,
}

/// The jobs of the running site.
#[derive(Debug, Default)]
pub struct Jobs {
    sync: Mutex<Option<SyncRun>>,
    /// By the SHA-256 of the upload's random token.
    uploads: Mutex<HashMap<String, Upload>>,
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind: still usable.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Jobs {
    /// Begins a sync run unless one is running: false then (the page shows that one instead).
    pub fn start_sync(&self, started_by: &str, started_at: i64) -> bool {
        let mut run = locked(&self.sync);
        if run.as_ref().is_some_and(SyncRun::running) {
            return false;
        }
        *run = Some(SyncRun { started_by: started_by.to_owned(), started_at, ..SyncRun::default() });
        true
    }

    /// Changes the current run (its progress, its end).
    pub fn update_sync(&self, change: impl FnOnce(&mut SyncRun)) {
        if let Some(run) = locked(&self.sync).as_mut() {
            change(run);
        }
    }

    /// The current or last run, as it is now.
    pub fn sync_run(&self) -> Option<SyncRun> {
        locked(&self.sync).clone()
    }

    /// Keeps an upload under the digest of its token. The session's earlier upload and every
    /// expired one are dropped (their files deleted): a session waits on one file at a time.
    pub fn keep_upload(&self, token_hash: String, upload: Upload) {
        let mut uploads = locked(&self.uploads);
        let now = Instant::now();
        uploads.retain(|_, kept| kept.session != upload.session && kept.expires > now);
        uploads.insert(token_hash, upload);
    }

    /// Takes an upload out (to import it, or to cancel it): only for the session that made it,
    /// and only before it expires.
    pub fn take_upload(&self, token_hash: &str, session: &str) -> Option<Upload> {
        let mut uploads = locked(&self.uploads);
        let ours = uploads.get(token_hash).is_some_and(|upload| upload.session == session);
        let upload = if ours { uploads.remove(token_hash) } else { None };
        upload.filter(|upload| upload.expires > Instant::now())
    }

    /// How many uploads wait (expired ones included until the next upload drops them).
    pub fn uploads_waiting(&self) -> usize {
        locked(&self.uploads).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(session: &str, expires: Instant) -> Upload {
        Upload {
            session: session.to_owned(),
            file: tempfile::tempfile().expect("temporary file"),
            file_name: "feed.json".to_owned(),
            group: None,
            timezone: None,
            replace: false,
            strict: false,
            format: Default::default(),
            expires,
        }
    }

    #[test]
    fn an_upload_is_taken_only_by_its_own_session_and_only_before_it_expires() {
        let jobs = Jobs::default();
        let later = Instant::now() + UPLOAD_KEPT;
        jobs.keep_upload("t1".to_owned(), upload("session-a", later));
        assert!(jobs.take_upload("t1", "session-b").is_none(), "another session cannot take it");
        assert!(jobs.take_upload("t1", "session-a").is_some());
        assert!(jobs.take_upload("t1", "session-a").is_none(), "taken once");
        jobs.keep_upload("t2".to_owned(), upload("session-a", Instant::now()));
        assert!(jobs.take_upload("t2", "session-a").is_none(), "expired");
    }

    #[test]
    fn a_new_upload_replaces_the_sessions_earlier_one_and_drops_expired_ones() {
        let jobs = Jobs::default();
        let later = Instant::now() + UPLOAD_KEPT;
        jobs.keep_upload("old".to_owned(), upload("session-a", later));
        jobs.keep_upload("stale".to_owned(), upload("session-b", Instant::now()));
        jobs.keep_upload("new".to_owned(), upload("session-a", later));
        assert_eq!(jobs.uploads_waiting(), 1);
        assert!(jobs.take_upload("old", "session-a").is_none());
        assert!(jobs.take_upload("new", "session-a").is_some());
    }

    #[test]
    fn one_sync_run_at_a_time() {
        let jobs = Jobs::default();
        assert!(jobs.start_sync("a@example.org", 1));
        assert!(!jobs.start_sync("b@example.org", 2), "one is running");
        jobs.update_sync(|run| run.finished_at = Some(3));
        assert!(jobs.start_sync("b@example.org", 4), "the last one finished");
        assert_eq!(jobs.sync_run().map(|run| run.started_by), Some("b@example.org".to_owned()));
    }
}
