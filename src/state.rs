//! What the site has while it runs: [`Core`] (the store, the content and the type vocabulary,
//! opened once; all the command-line tools need) and [`AppState`] (the core plus the web's
//! settings and caches). Handlers import this module; it imports no handler.

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::web;

use crate::cache::{ResponseCache, RevisionMemo};
use crate::content::Content;
use crate::db::{ImportOptions, Store, StoreError};
use crate::feed::{FeedDefaults, SourceFormat, parse_meeting_guide};
use crate::finder::{FinderIndex, IndexBuilder};
use crate::meetings::{Meeting, MeetingFilter, TypeVocabulary};

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
    /// Bytes of rendered finder pages and feeds kept in memory (0: none).
    pub response_cache_bytes: u64,
    /// The unit distances are asked and shown in.
    pub distance_unit: crate::meetings::DistanceUnit,
    /// The clinic or office that runs the site, printed at the top of referral sheets.
    pub clinic: Clinic,
}

/// The clinic or office that hands out the site's referral sheets (`--clinic-name`,
/// `--clinic-address`, `--clinic-phone`): not from the fact sheet, the site's own settings. Each
/// is left off the sheet when not set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clinic {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
}

impl Clinic {
    /// The longest value a clinic setting may have, in characters.
    pub const MOST: usize = 200;

    /// The settings as given (blank ones left out), or the error naming the setting that is too
    /// long or holds a control character.
    pub fn new(name: Option<String>, address: Option<String>, phone: Option<String>) -> anyhow::Result<Clinic> {
        let check = |flag: &str, value: Option<String>| -> anyhow::Result<Option<String>> {
            let Some(value) = value.map(|value| value.trim().to_owned()).filter(|value| !value.is_empty()) else {
                return Ok(None);
            };
            anyhow::ensure!(value.chars().count() <= Clinic::MOST, "{flag} is longer than {} characters", Clinic::MOST);
            anyhow::ensure!(!value.chars().any(char::is_control), "{flag} holds a control character");
            Ok(Some(value))
        };
        Ok(Clinic {
            name: check("--clinic-name", name)?,
            address: check("--clinic-address", address)?,
            phone: check("--clinic-phone", phone)?,
        })
    }

    /// Whether any of the clinic's settings is given.
    pub fn is_set(&self) -> bool {
        self.name.is_some() || self.address.is_some() || self.phone.is_some()
    }
}

/// The non-web core: the store, the content and the vocabulary, opened once. The command-line
/// tools use it alone; the site wraps it in [`AppState`].
pub struct Core {
    pub store: Store,
    pub content: Content,
    pub vocabulary: TypeVocabulary,
    /// E-mail to staff: off unless started (`serve --smtp-url`).
    pub mailer: crate::mail::Mailer,
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
        Ok(Core { store, content, vocabulary, mailer: Default::default() })
    }

    /// Opens an existing database for reading only: nothing is created, migrated or written
    /// (`export` works on a read-only file).
    pub fn open_read_only(database_path: &std::path::Path) -> anyhow::Result<Core> {
        let store = Store::open_read_only(database_path)?;
        Ok(Core {
            store,
            content: Content::embedded()?,
            vocabulary: TypeVocabulary::embedded()?,
            mailer: Default::default(),
        })
    }

    /// Builds the finder's index from the store at `revision` (blocking; a second at 120,000
    /// meetings: callers keep it per revision).
    pub fn build_index(
        &self,
        revision: i64,
        unit: crate::meetings::DistanceUnit,
        site_zone: &str,
    ) -> Result<FinderIndex, StoreError> {
        self.build_views(revision, unit, site_zone, None)
    }

    /// [`Core::build_index`], adding each meeting to `semantic` too (the BMLT interface's
    /// projection) as it is read: one read of the store, one revision, for both.
    fn build_views(
        &self,
        revision: i64,
        unit: crate::meetings::DistanceUnit,
        site_zone: &str,
        mut semantic: Option<&mut crate::bmlt::serve::SemanticBuilder>,
    ) -> Result<FinderIndex, StoreError> {
        let sample = self.store.has_sample_meetings()?;
        let mut builder = IndexBuilder::new(revision, &self.content.groups, sample, unit, site_zone);
        // Two threads: one reads the meetings from the store, in batches, while the other adds
        // them to the index (each half of the work takes about as long as the other).
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<(i64, Meeting)>>(INDEX_BATCHES_IN_FLIGHT);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let mut batch = Vec::with_capacity(INDEX_BATCH);
                self.store.each_active_meeting(|id, meeting| {
                    batch.push((id, meeting));
                    if batch.len() == INDEX_BATCH {
                        // A closed channel means the builder has stopped: nothing more to do.
                        let _ = batches.send(std::mem::replace(&mut batch, Vec::with_capacity(INDEX_BATCH)));
                    }
                })?;
                let _ = batches.send(batch);
                Ok::<(), StoreError>(())
            });
            for (id, meeting) in received.iter().flatten() {
                builder.add(id, &meeting);
                if let Some(semantic) = semantic.as_mut() {
                    semantic.add(id, &meeting);
                }
            }
            reader.join().unwrap_or_else(|_| Err(StoreError::Interrupted("reading meetings for the finder's index")))
        })?;
        Ok(builder.finish())
    }

    /// Reads a file of meetings as `import` does (and the staff upload), by `rules`. Unknown
    /// groups in records are errors.
    pub fn read_import(
        &self,
        bytes: &[u8],
        rules: &FileRules,
    ) -> Result<crate::feed::FeedRead, crate::feed::FeedError> {
        let defaults = FeedDefaults {
            import_timezone: rules.file_zone.map(str::to_owned),
            // A BMLT file is NA's, as a BMLT source is, unless the group is named.
            group_slug: rules
                .group
                .map(str::to_owned)
                .or_else(|| (rules.format == SourceFormat::Bmlt).then(|| crate::bmlt::DEFAULT_GROUP.to_owned())),
            known_groups: Some(self.content.groups.iter().map(|group| group.slug.clone()).collect()),
            strict: rules.strict,
            ..FeedDefaults::new(rules.site_zone)
        };
        match rules.format {
            SourceFormat::MeetingGuide => crate::feed::parse_any(bytes, &defaults),
            SourceFormat::Bmlt => crate::bmlt::read(bytes, rules.formats, &defaults),
        }
    }

    /// The finder's filter from a query string, checked against our vocabulary and groups.
    pub fn meeting_filter(&self, query_string: &str) -> MeetingFilter {
        MeetingFilter::parse(query_string, &self.vocabulary, |slug| self.content.group(slug).is_some())
    }
}

/// How `import` (and the staff upload) reads a file.
#[derive(Debug, Clone, Copy)]
pub struct FileRules<'a> {
    /// The site's zone: the last resort, with a warning.
    pub site_zone: &'a str,
    /// The zone of the file's meetings that name none and have no coordinates
    /// (`import --timezone`), before the site's.
    pub file_zone: Option<&'a str>,
    /// The fellowship of records that name none.
    pub group: Option<&'a str>,
    /// Every warning is an error.
    pub strict: bool,
    /// A Meeting Guide feed (JSON or CSV, told apart by content) or a saved BMLT answer.
    pub format: SourceFormat,
    /// With BMLT: a saved `GetFormats` answer, for a file that has no formats.
    pub formats: Option<&'a [u8]>,
}

/// Meetings passed at once from the thread reading them to the one indexing them, and how many
/// such batches may wait.
const INDEX_BATCH: usize = 512;
const INDEX_BATCHES_IN_FLIGHT: usize = 4;

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

/// What the site answers from at one revision: the finder's index, and the BMLT interface's
/// projection of the same meetings (its answers are in BMLT's own strings and order).
struct Views {
    finder: Arc<FinderIndex>,
    semantic: Arc<crate::bmlt::serve::Semantic>,
}

/// What every request handler can reach.
pub struct AppState {
    pub core: Core,
    pub settings: Settings,
    /// Rendered finder pages and feeds, by request and data revision.
    pub responses: ResponseCache,
    /// The finder's index of the current revision, and the BMLT interface's projection of it,
    /// built together from one read of the meetings.
    views: RevisionMemo<Views>,
    /// Trusted proxies, read-only replica, primary.
    pub deployment: crate::deployment::Deployment,
    /// What staff started and wait on: a sync run, uploaded files.
    pub jobs: crate::jobs::Jobs,
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
        AppState::prepare_deployed(settings, crate::deployment::Deployment::default())
    }

    /// [`AppState::prepare`] for a deployment: a read-only replica opens its database for
    /// reading only (nothing created, migrated, seeded or written).
    pub fn prepare_deployed(
        settings: Settings,
        deployment: crate::deployment::Deployment,
    ) -> anyhow::Result<web::Data<AppState>> {
        let core =
            if deployment.read_only { Core::open_read_only(&settings.database_path)? } else { Core::open(&settings)? };
        let responses = ResponseCache::new(settings.response_cache_bytes);
        let state = web::Data::new(AppState {
            core,
            settings,
            responses,
            views: RevisionMemo::default(),
            deployment,
            jobs: crate::jobs::Jobs::default(),
        });
        Ok(state)
    }

    /// The finder's index at the data's current revision, built once per revision (blocking:
    /// call it inside `web::block`).
    pub fn finder(&self) -> Result<Arc<FinderIndex>, StoreError> {
        let revision = match self.store.recent_revision() {
            Some(revision) => revision,
            None => self.store.revision()?,
        };
        self.finder_at(revision)
    }

    /// The finder's index at this revision if it is built already: no waiting, no I/O, so the
    /// async threads may ask.
    pub fn built_finder(&self, revision: i64) -> Option<Arc<FinderIndex>> {
        self.views.current(revision).map(|views| Arc::clone(&views.finder))
    }

    /// The BMLT interface's projection at a revision already read, built with the finder's index
    /// of that revision in the same read of the meetings (blocking).
    pub fn semantic_at(&self, revision: i64) -> Result<Arc<crate::bmlt::serve::Semantic>, StoreError> {
        Ok(Arc::clone(&self.views_at(revision)?.semantic))
    }

    /// The finder's index at a revision already read.
    pub fn finder_at(&self, revision: i64) -> Result<Arc<FinderIndex>, StoreError> {
        Ok(Arc::clone(&self.views_at(revision)?.finder))
    }

    fn views_at(&self, revision: i64) -> Result<Arc<Views>, StoreError> {
        self.views.get_or_try(revision, || {
            let mut semantic =
                crate::bmlt::serve::SemanticBuilder::new(&self.core.content.groups, &self.core.vocabulary);
            let finder = self.core.build_views(
                revision,
                self.settings.distance_unit,
                &self.settings.default_timezone,
                Some(&mut semantic),
            )?;
            Ok(Views { finder: Arc::new(finder), semantic: Arc::new(semantic.finish()) })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bmlt_projection_is_built_with_the_finder_index_from_one_read_of_the_meetings() {
        let folder = tempfile::tempdir().expect("folder");
        let settings = Settings {
            database_path: folder.path().join("directory.sqlite3"),
            default_timezone: "America/Chicago".into(),
            seed_sample_meetings: true,
            response_cache_bytes: 0,
            distance_unit: crate::meetings::DistanceUnit::default(),
            clinic: Clinic::default(),
        };
        let state = AppState::prepare(settings).expect("the app starts");
        let revision = state.store.revision().expect("revision");
        let finder = state.finder_at(revision).expect("index");
        // Building the finder's index built the projection of the same revision: asking for it
        // reads nothing more, and both come from the one memo of that revision.
        let views = state.views.current(revision).expect("built together");
        assert!(Arc::ptr_eq(&views.finder, &finder));
        let semantic = state.semantic_at(revision).expect("projection");
        assert!(Arc::ptr_eq(&views.semantic, &semantic));
        assert!(!semantic.is_empty(), "the sample meetings are served");
    }
}
