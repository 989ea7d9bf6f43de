//! What the site has while it runs: [`Core`] (the store, the content and the type vocabulary,
//! opened once; all the command-line tools need) and [`AppState`] (the core plus the web's
//! settings and caches). Handlers import this module; it imports no handler.

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::web;

use crate::cache::{ResponseCache, RevisionMemo};
use crate::content::Content;
use crate::db::{ImportOptions, Store, StoreError};
use crate::feed::{FeedDefaults, parse_meeting_guide};
use crate::meetings::{MeetingFilter, TypeVocabulary};

/// Where the site keeps its data and how it answers.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The SQLite file (created with its folder when missing).
    pub database_path: PathBuf,
    /// The zone of meetings whose feed gives none (IANA name).
    pub default_timezone: String,
    /// Load the sample meetings into a database that has never had meetings (the embedded
    /// default of `serve`; off for `import`, which brings its own).
    pub seed_sample_meetings: bool,
    /// How many rendered finder pages and feeds to keep in memory (0: none).
    pub response_cache_entries: usize,
}

/// The non-web core: the store, the content and the vocabulary, opened once. The command-line
/// tools use it alone; the site wraps it in [`AppState`].
pub struct Core {
    pub store: Store,
    pub content: Content,
    pub vocabulary: TypeVocabulary,
}

impl Core {
    /// Opens the database (creating and migrating it as needed), loads the content and writes the
    /// groups from `content/` into the database.
    pub fn open(settings: &Settings) -> anyhow::Result<Core> {
        jiff::tz::TimeZone::get(&settings.default_timezone)
            .map_err(|_| anyhow::anyhow!("`{}` is not an IANA time zone", settings.default_timezone))?;
        let content = Content::embedded()?;
        let vocabulary = TypeVocabulary::embedded()?;
        let store = Store::open(&settings.database_path)?;
        store.sync_groups(&content.groups)?;
        if settings.seed_sample_meetings && store.never_had_meetings()? {
            seed_sample_meetings(&store, settings)?;
        }
        Ok(Core { store, content, vocabulary })
    }

    /// Opens an existing database for reading only: nothing is created, migrated or written
    /// (`export` works on a read-only file).
    pub fn open_read_only(database_path: &std::path::Path) -> anyhow::Result<Core> {
        let store = Store::open_read_only(database_path)?;
        Ok(Core { store, content: Content::embedded()?, vocabulary: TypeVocabulary::embedded()? })
    }

    /// The finder's filter from a query string, checked against our vocabulary and groups.
    pub fn meeting_filter(&self, query_string: &str) -> MeetingFilter {
        MeetingFilter::parse(query_string, &self.vocabulary, |slug| self.content.group(slug).is_some())
    }
}

/// Loads `content/meetings/sample-meetings.json` into a database that has never had meetings.
fn seed_sample_meetings(store: &Store, settings: &Settings) -> anyhow::Result<()> {
    let bytes = crate::embedded::content_file("meetings/sample-meetings.json").unwrap_or(b"[]");
    let defaults = FeedDefaults::new(settings.default_timezone.clone());
    let meetings =
        parse_meeting_guide(bytes, &defaults).map_err(|error| anyhow::anyhow!("sample meetings: {error}"))?.meetings;
    let summary = store.import(&meetings, &ImportOptions { sample: true, ..ImportOptions::default() })?;
    tracing::info!(added = summary.added, "loaded the sample meetings into a new database");
    Ok(())
}

/// What every request handler can reach.
pub struct AppState {
    pub core: Core,
    pub settings: Settings,
    /// Rendered finder pages and feeds, by request and data revision.
    pub responses: ResponseCache,
    /// The finder's list of regions, per data revision.
    region_list: RevisionMemo<Vec<String>>,
    /// Whether sample meetings are shown (and so labelled), per data revision.
    sample_data: RevisionMemo<bool>,
}

impl std::ops::Deref for AppState {
    type Target = Core;

    fn deref(&self) -> &Core {
        &self.core
    }
}

impl AppState {
    /// Opens the core and sets up the web's caches.
    pub fn prepare(settings: Settings) -> anyhow::Result<web::Data<AppState>> {
        let core = Core::open(&settings)?;
        let responses = ResponseCache::new(settings.response_cache_entries);
        Ok(web::Data::new(AppState {
            core,
            settings,
            responses,
            region_list: RevisionMemo::default(),
            sample_data: RevisionMemo::default(),
        }))
    }

    /// The regions of the active meetings at this revision (blocking: call in `web::block`).
    pub fn regions(&self, revision: i64) -> Result<Arc<Vec<String>>, StoreError> {
        self.region_list.get_or_try(revision, || self.store.regions())
    }

    /// Are sample meetings shown at this revision, so that pages must say so? (blocking)
    pub fn shows_sample_data(&self, revision: i64) -> Result<bool, StoreError> {
        Ok(*self.sample_data.get_or_try(revision, || self.store.has_sample_meetings())?)
    }
}
