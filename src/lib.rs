//! Mutual Support Directory: a server-rendered directory of mutual support groups for alcohol and
//! drug recovery and of their meetings. One binary, one SQLite file.
//!
//! A request flows `startup::app` (middleware) → `routes::*` (parse the request into domain values,
//! with `state::AppState` at hand) → `db::Store` (all SQL) → an askama template → HTML. Errors
//! become `AppError`, which renders the HTML error page. The command-line tools use
//! `state::Core` (store, content, vocabulary) without the web.

pub mod bmlt;
pub mod cache;
pub mod cli;
pub mod content;
pub mod db;
pub mod deployment;
pub mod disk;
pub mod error;
pub mod feed;
pub mod finder;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod matcher;
pub mod meetings;
pub mod routes;
pub mod staff;
pub mod startup;
pub mod state;
pub mod sync;
pub mod views;

/// Files under `content/` and `static/`, embedded at build time by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

    /// The bytes of `content/<path>`, if the file exists.
    pub fn content_file(path: &str) -> Option<&'static [u8]> {
        CONTENT_FILES.iter().find(|(name, _)| *name == path).map(|(_, bytes)| *bytes)
    }
}
