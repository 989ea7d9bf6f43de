//! The store: the SQLite database of groups and meetings. All SQL lives in `db/`; callers pass
//! domain values in and get domain values back. Every function blocks: call it inside `web::block`.
//! This file opens the database (pool, migrations, revision); `import.rs` writes meetings,
//! `rows.rs` reads them back. Finder filters are answered by the in-memory index (`finder/`).

use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use std::time::Instant;

use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{OptionalExtension, params};
use rusqlite_migration::{M, Migrations};

use crate::content::Group;
use crate::meetings::Meeting;

/// The schema, one `.sql` file per step, applied in order at start-up.
pub static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/001_initial.sql")),
        M::up(include_str!("../../migrations/002_sources.sql")),
        M::up(include_str!("../../migrations/003_staff.sql")),
        M::up(include_str!("../../migrations/004_finder_in_memory.sql")),
        M::up(include_str!("../../migrations/005_site_secrets.sql")),
        M::up(include_str!("../../migrations/006_source_redirects.sql")),
        M::up(include_str!("../../migrations/007_password_links.sql")),
        M::up(include_str!("../../migrations/008_source_format.sql")),
        M::up(include_str!("../../migrations/009_staff_notifications.sql")),
        M::up(include_str!("../../migrations/010_source_change_form.sql")),
    ])
});

/// Connections to the database: one per core (the web server runs one worker, with one
/// database thread, per connection).
pub fn pool_size() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(2, 16)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("migrating the database: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("the connection pool's lock was poisoned by a panic")]
    Poisoned,
    /// A thread doing this work panicked.
    #[error("{0} stopped: its thread panicked")]
    Interrupted(&'static str),
    #[error("{0}: there is no database file here")]
    Missing(String),
    /// The file this store opened was deleted, moved or replaced while it served: nothing more
    /// is written (it would go to a file no one sees, or over one this store did not open).
    #[error(
        "{0}: the database file was deleted or replaced while the site ran; restart the site to serve the file now there"
    )]
    Replaced(String),
    /// No file where one with real meetings was served before (see [`served_marker`]).
    #[error(
        "{path}: there is no database file here, but one with real meetings was served from here before \
         ({marker} says so). Restore it from a backup (see the README's Restore), or start afresh with the \
         sample meetings: `mutual-support serve --seed`"
    )]
    Vanished { path: String, marker: String },
    #[error("{0}: the database's schema is not this version's (open it once for writing to migrate it)")]
    Schema(String),
    /// The file cannot serve as the database (empty, not SQLite, damaged, not writable); the
    /// message names the file and says what to do.
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("creating the database folder {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    /// Records naming a fellowship that is not one of our groups, one line each.
    #[error("{} record(s) name an unknown group:\n  {}", .0.len(), .0.join("\n  "))]
    UnknownGroups(Vec<String>),
    /// Records entered here whose slug is a source's meeting, one line each.
    #[error("{} record(s) would overwrite a source's meeting:\n  {}", .0.len(), .0.join("\n  "))]
    SourceMeetings(Vec<String>),
    #[error("there is already a source named \"{0}\"")]
    SourceExists(String),
    #[error("there is no source named \"{0}\"")]
    NoSource(String),
    /// The account is the last administrator: removing it or making it an editor would leave
    /// no one who can manage accounts and sources.
    #[error("{0} is the last administrator: make another account an administrator first")]
    LastAdmin(String),
}

impl StoreError {
    /// Was this store's file deleted or replaced while it served, so it writes no more?
    pub fn is_replaced(&self) -> bool {
        matches!(self, StoreError::Replaced(_))
    }

    /// Could a write not be made because the file cannot be written (replaced under the store,
    /// made read-only, or its disk full)?
    pub fn is_unwritable(&self) -> bool {
        self.is_replaced()
            || matches!(self, StoreError::Sqlite(error) if matches!(
                error.sqlite_error_code(),
                Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::DiskFull)
            ))
    }

    /// Did another connection (another process: a backup tool, an operator's `sqlite3`) hold
    /// the database's write lock for longer than the busy timeout?
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(error) if matches!(
            error.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        ))
    }
}

/// How long a revision read from the database is trusted before it is read again: an import by
/// another process (the CLI) is seen within this time; one by this process at once.
const REVISION_TRUST: std::time::Duration = std::time::Duration::from_secs(1);

/// A pool of connections to one SQLite file.
#[derive(Clone)]
pub struct Store {
    /// Behind a lock so that a read-only store can move to a replaced file (see `follow`).
    pool: Arc<RwLock<r2d2::Pool<SqliteConnectionManager>>>,
    /// A read-only store's file and its identity when opened: a replica is refreshed by restoring
    /// into a new file and renaming it over the old, and the store then reads the new file.
    follow: Option<Arc<Follow>>,
    /// The last revision read, and when.
    last_revision: Arc<Mutex<Option<(Instant, i64)>>>,
    /// When the whole file last passed `PRAGMA quick_check` (for `/healthz`).
    last_deep_check: Arc<Mutex<Option<Instant>>>,
    /// A writable store's file and its identity when opened (see `Guard`).
    guard: Option<Arc<Guard>>,
}

/// The file a writable store opened, which file that was (device and inode), and whether it is
/// gone: a store never writes to a file it did not open, nor keeps writing to one deleted or
/// replaced under it (writes would vanish, and a checkpoint could land on the new file).
struct Guard {
    path: std::path::PathBuf,
    identity: (u64, u64),
    replaced: std::sync::atomic::AtomicBool,
    /// The marker beside the file says real meetings were served from it.
    marked: std::sync::atomic::AtomicBool,
}

/// The file beside a database that says real meetings (not only the sample) were served from
/// it: a start that then finds no database there stops instead of making a new one.
pub fn served_marker(database: &Path) -> std::path::PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".served");
    std::path::PathBuf::from(name)
}

/// The file a read-only store reads, and which file that was (device and inode) when opened.
struct Follow {
    path: std::path::PathBuf,
    identity: Mutex<Option<(u64, u64)>>,
}

fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|metadata| (metadata.dev(), metadata.ino()))
}

/// Each connection's page cache, in KB (SQLite's default): the finder answers from its own index,
/// so the store reads single meetings, exports and staff lists, which need no more.
const CACHE_KB: u32 = 2000;

/// How long a passed `PRAGMA quick_check` is trusted by the health check (it reads every page:
/// a fraction of a second at 120,000 meetings, so at most once a minute).
const DEEP_CHECK_TRUST: std::time::Duration = std::time::Duration::from_secs(60);

mod backup;
mod import;
mod rows;
mod sources;
mod staff;

pub use import::{Audit, ImportOptions, ImportSummary, SetWriter};
pub use sources::{NewSource, Source, SourceFetch, address_of};
pub use staff::{
    AuditEntry, ChangeRequest, MeetingLine, NewChangeRequest, Notification, Role, SaveOutcome, StaffMeeting,
    StaffMeetingFilter, User,
};

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        check_file(path, true)?;
        let marker = served_marker(path);
        if !path.exists() && marker.exists() {
            return Err(StoreError::Vanished {
                path: path.display().to_string(),
                marker: marker.display().to_string(),
            });
        }
        if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|source| StoreError::Folder { path: folder.display().to_string(), source })?;
        }
        // Set once the file exists: a connection opened later must open that same file.
        let opened: Arc<std::sync::OnceLock<(u64, u64)>> = Arc::default();
        let (expected, file) = (opened.clone(), path.to_owned());
        let manager = SqliteConnectionManager::file(path).with_init(move |connection| {
            if let Some(identity) = expected.get()
                && file_identity(&file).as_ref() != Some(identity)
            {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                    Some("the database file was deleted or replaced; not opening the new one".to_owned()),
                ));
            }
            // busy_timeout first: the other settings may wait for a lock.
            connection.execute_batch(&format!(
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON; PRAGMA cache_size = -{CACHE_KB};"
            ))
        });
        // One connection first, so a new file is created and switched to WAL before others open it.
        let pool = build_pool(path, manager)?;
        let mut connection = pool.get()?;
        quick_check(path, &connection)?;
        MIGRATIONS
            .to_latest(&mut connection)
            .map_err(|error| file_error(path, &format!("its schema could not be brought up to date: {error}")))?;
        drop(connection);
        let identity = file_identity(path).ok_or_else(|| StoreError::Missing(path.display().to_string()))?;
        let _ = opened.set(identity);
        // Every connection opened now, to this file, and kept (the pool neither retires nor
        // reopens them): none is opened later on a file put in its place.
        let connections = (0..pool.max_size()).map(|_| pool.get()).collect::<Result<Vec<_>, _>>()?;
        drop(connections);
        let guard = Guard { path: path.to_owned(), identity, replaced: Default::default(), marked: Default::default() };
        Ok(Store {
            pool: Arc::new(RwLock::new(pool)),
            follow: None,
            last_revision: Arc::default(),
            // The file passed `quick_check` just now: the health check need not read it all again.
            last_deep_check: Arc::new(Mutex::new(Some(Instant::now()))),
            guard: Some(Arc::new(guard)),
        })
    }

    /// Opens an existing database for reading only: nothing is created, migrated or written, so
    /// a read-only file (or a replica another process keeps current) can be read. Its schema must
    /// be this build's.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let pool = read_only_pool(path)?;
        let follow = Follow { path: path.to_owned(), identity: Mutex::new(file_identity(path)) };
        Ok(Store {
            pool: Arc::new(RwLock::new(pool)),
            follow: Some(Arc::new(follow)),
            last_revision: Arc::default(),
            last_deep_check: Arc::default(),
            guard: None,
        })
    }

    /// A read-only store whose file was replaced (a refreshed replica) reads the new file from
    /// now on; a file that cannot be read keeps the old one in use and is reported.
    fn follow_replaced_file(&self) -> Result<(), StoreError> {
        let Some(follow) = &self.follow else { return Ok(()) };
        let now = file_identity(&follow.path);
        let Ok(mut identity) = follow.identity.lock() else { return Ok(()) };
        if now.is_none() || *identity == now {
            return Ok(());
        }
        let pool = read_only_pool(&follow.path)?;
        if let Ok(mut current) = self.pool.write() {
            *current = pool;
        }
        *identity = now;
        tracing::info!(file = %follow.path.display(), "the database file was replaced; reading the new one");
        Ok(())
    }

    /// A writable store whose file is no longer the one it opened (deleted, moved, replaced)
    /// marks itself so, once and for good, and says so in the log.
    fn check_file_identity(&self) -> Result<(), StoreError> {
        use std::sync::atomic::Ordering;
        let Some(guard) = &self.guard else { return Ok(()) };
        if !guard.replaced.load(Ordering::Relaxed) && file_identity(&guard.path) == Some(guard.identity) {
            return Ok(());
        }
        if !guard.replaced.swap(true, Ordering::Relaxed) {
            tracing::error!(
                file = %guard.path.display(),
                "the database file was deleted or replaced while the site ran: nothing more is written; \
                 /healthz fails; restart the site to serve the file now there"
            );
        }
        Err(StoreError::Replaced(guard.path.display().to_string()))
    }

    /// The folder of a writable store's file (where a sync keeps a feed while it reads it: a
    /// disk the service may write, and not a `/tmp` that may be memory).
    pub fn folder(&self) -> Option<&Path> {
        self.guard.as_ref().and_then(|guard| guard.path.parent()).filter(|folder| !folder.as_os_str().is_empty())
    }

    /// A pooled connection. Once the store's file was deleted or replaced, a connection still
    /// reads the file it opened (pages go on) but writes nothing: `query_only`.
    fn connection(&self) -> Result<r2d2::PooledConnection<SqliteConnectionManager>, StoreError> {
        let pool = self.pool.read().map(|pool| pool.clone()).map_err(|_| StoreError::Poisoned)?;
        let connection = pool.get()?;
        if self.check_file_identity().is_err() {
            connection.execute_batch("PRAGMA query_only = ON")?;
        }
        Ok(connection)
    }

    /// A connection to write with: refused once the store's file was deleted or replaced.
    fn writer(&self) -> Result<r2d2::PooledConnection<SqliteConnectionManager>, StoreError> {
        self.check_file_identity()?;
        self.connection()
    }

    /// Checks that the database answers what pages ask (for `/healthz`): the revision and the
    /// newest meeting read whole, every time; every page of the file (`PRAGMA quick_check`) at
    /// most once a minute, so damage anywhere is found within a minute.
    pub fn check(&self) -> Result<(), StoreError> {
        self.check_file_identity()?;
        let connection = self.connection()?;
        connection.query_row("SELECT value FROM revision WHERE id = 1", [], |row| row.get::<_, i64>(0))?;
        let newest: Option<i64> =
            connection.query_row("SELECT max(id) AS newest FROM meetings", [], |row| row.get("newest"))?;
        if let Some(id) = newest {
            rows::load_meetings(&connection, &[id])?;
        }
        let trusted = self
            .last_deep_check
            .lock()
            .ok()
            .and_then(|last| *last)
            .is_some_and(|checked| checked.elapsed() < DEEP_CHECK_TRUST);
        if !trusted {
            quick_check(Path::new("the database"), &connection)?;
            if let Ok(mut last) = self.last_deep_check.lock() {
                *last = Some(Instant::now());
            }
        }
        Ok(())
    }

    /// The number that changes whenever meetings or groups change, read from the database.
    pub fn revision(&self) -> Result<i64, StoreError> {
        self.follow_replaced_file()?;
        // Pages go on from the file this store opened; writes and the health check say it is gone.
        let _ = self.check_file_identity();
        let connection = self.connection()?;
        let revision = connection.query_row("SELECT value FROM revision WHERE id = 1", [], |row| row.get(0))?;
        self.mark_served(&connection);
        if let Ok(mut last) = self.last_revision.lock() {
            *last = Some((Instant::now(), revision));
        }
        Ok(revision)
    }

    /// Writes the marker beside the file ([`served_marker`]) the first time the store sees real
    /// meetings in it (not only the sample): from then on, a start that finds no file stops.
    fn mark_served(&self, connection: &rusqlite::Connection) {
        use std::sync::atomic::Ordering;
        let Some(guard) = self.guard.as_ref().filter(|guard| !guard.marked.load(Ordering::Relaxed)) else { return };
        let real = connection
            .query_row("SELECT EXISTS (SELECT 1 FROM meetings WHERE sample = 0)", [], |row| row.get::<_, bool>(0))
            .unwrap_or(false);
        if !real || guard.replaced.load(Ordering::Relaxed) {
            return;
        }
        let note = format!(
            "Real meetings were served from {}. A start that finds no database file there stops instead of \
             making a new one (`serve --seed` starts afresh and removes this file).\n",
            guard.path.display()
        );
        match std::fs::write(served_marker(&guard.path), note) {
            Ok(()) => guard.marked.store(true, Ordering::Relaxed),
            Err(error) => tracing::warn!(%error, "could not write the marker beside the database"),
        }
    }

    /// The revision last read, if it was read recently enough to trust: no I/O, for hot paths.
    pub fn recent_revision(&self) -> Option<i64> {
        let last = *self.last_revision.lock().ok()?;
        last.filter(|(read, _)| read.elapsed() < REVISION_TRUST).map(|(_, revision)| revision)
    }

    /// Writes the groups from `content/` into the database (insert or update by slug).
    pub fn sync_groups(&self, groups: &[Group]) -> Result<(), StoreError> {
        let mut connection = self.writer()?;
        let transaction = connection.transaction()?;
        {
            let mut upsert = transaction.prepare(
                "INSERT INTO groups (slug, name, short_name, audience, approach, website)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (slug) DO UPDATE SET name = ?2, short_name = ?3, audience = ?4,
                     approach = ?5, website = ?6
                 WHERE (name, short_name, audience, approach, website) IS NOT (?2, ?3, ?4, ?5, ?6)",
            )?;
            for group in groups {
                upsert.execute(params![
                    group.slug,
                    group.name,
                    group.short_name,
                    group.audience.anchor(),
                    group.approach.parameter(),
                    group.website
                ])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    /// Are any of the active meetings sample data?
    pub fn has_sample_meetings(&self) -> Result<bool, StoreError> {
        Ok(self.connection()?.query_row(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE sample = 1 AND archived = 0)",
            [],
            |row| row.get(0),
        )?)
    }

    /// Has this database never held a meeting (not even an archived one)?
    pub fn never_had_meetings(&self) -> Result<bool, StoreError> {
        Ok(self.connection()?.query_row("SELECT NOT EXISTS (SELECT 1 FROM meetings)", [], |row| row.get(0))?)
    }

    pub fn meeting_count(&self) -> Result<u64, StoreError> {
        let count: i64 =
            self.connection()?.query_row("SELECT count(*) FROM meetings WHERE archived = 0", [], |row| row.get(0))?;
        Ok(count.unsigned_abs())
    }

    /// Active meetings of one group (by the index on the group, not a pass over every group).
    pub fn group_meeting_count(&self, group_slug: &str) -> Result<u64, StoreError> {
        let count: i64 = self
            .connection()?
            .prepare_cached("SELECT count(*) FROM meetings WHERE group_slug = ?1 AND archived = 0")?
            .query_row([group_slug], |row| row.get(0))?;
        Ok(count.unsigned_abs())
    }

    /// One active meeting by slug.
    pub fn meeting(&self, slug: &str) -> Result<Option<Meeting>, StoreError> {
        let connection = self.connection()?;
        let id: Option<i64> = connection
            .query_row("SELECT id FROM meetings WHERE slug = ?1 AND archived = 0", [slug], |row| row.get(0))
            .optional()?;
        match id {
            Some(id) => Ok(rows::load_meetings(&connection, &[id])?.pop()),
            None => Ok(None),
        }
    }
}

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn file_error(path: &Path, message: &str) -> StoreError {
    StoreError::File { path: path.display().to_string(), message: message.to_owned() }
}

/// Refuses, before SQLite sees it, a file that exists but cannot be our database: empty (a failed
/// copy: never silently re-seeded), not SQLite, or (when `write`) not writable.
fn check_file(path: &Path, write: bool) -> Result<(), StoreError> {
    use std::io::Read;
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(()) };
    if metadata.is_dir() {
        return Err(file_error(path, "is a folder, not a database file"));
    }
    if metadata.len() == 0 {
        return Err(file_error(
            path,
            "is empty (0 bytes), not a database: a failed copy? Restore a backup, or remove the file to start afresh",
        ));
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .map_err(|error| file_error(path, &format!("cannot be read: {error}")));
    if read.is_err() || &header != SQLITE_HEADER {
        return Err(read.err().unwrap_or_else(|| file_error(path, "is not an SQLite database")));
    }
    if write && let Err(error) = std::fs::OpenOptions::new().write(true).open(path) {
        return Err(file_error(
            path,
            &format!("cannot be written ({error}); `export` and `serve --read-only` only read"),
        ));
    }
    Ok(())
}

/// The pool every store uses: one connection per web worker, one kept open.
fn build_pool(
    path: &Path,
    manager: SqliteConnectionManager,
) -> Result<r2d2::Pool<SqliteConnectionManager>, StoreError> {
    r2d2::Pool::builder()
        .max_size(u32::try_from(pool_size()).unwrap_or(2))
        .min_idle(Some(1))
        .connection_timeout(std::time::Duration::from_secs(5))
        .build(manager)
        .map_err(|error| file_error(path, &format!("cannot be opened: {error}")))
}

/// A pool of read-only connections to an existing, current, undamaged database file.
fn read_only_pool(path: &Path) -> Result<r2d2::Pool<SqliteConnectionManager>, StoreError> {
    check_file(path, false)?;
    let manager = SqliteConnectionManager::file(path)
        .with_flags(rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_init(|connection| connection.execute_batch("PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;"));
    let pool = build_pool(path, manager)?;
    quick_check(path, &*pool.get()?)?;
    if MIGRATIONS.pending_migrations(&*pool.get()?)? != 0 {
        return Err(StoreError::Schema(path.display().to_string()));
    }
    Ok(pool)
}

/// `PRAGMA quick_check` at start: a damaged database is refused with what SQLite found.
fn quick_check(path: &Path, connection: &rusqlite::Connection) -> Result<(), StoreError> {
    let found = connection.prepare("PRAGMA quick_check").and_then(|mut statement| {
        statement.query_map([], |row| row.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()
    });
    match found {
        Ok(lines) if lines == ["ok"] => Ok(()),
        Ok(lines) => Err(file_error(
            path,
            &format!(
                "the database is damaged ({}); restore a backup",
                lines.into_iter().take(3).collect::<Vec<_>>().join("; ")
            ),
        )),
        Err(error) => {
            Err(file_error(path, &format!("the database is damaged or unreadable ({error}); restore a backup")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    fn meeting(slug: &str) -> Meeting {
        Meeting {
            slug: slug.to_owned(),
            name: slug.to_owned(),
            days: vec![crate::meetings::Weekday::new(1).expect("Monday")],
            time: crate::meetings::MeetingTime::new(19, 0),
            timezone: "America/Chicago".to_owned(),
            ..Meeting::default()
        }
    }

    #[test]
    fn a_fingerprint_is_the_one_stored_databases_already_hold() {
        // The definition the stored fingerprints were made with: FNV-1a over the record and `sample`.
        let reference = |meeting: &Meeting, sample: bool| {
            let text = format!("{}{sample}", crate::feed::to_meeting_guide(meeting));
            let hash = text
                .bytes()
                .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
            format!("{hash:016x}")
        };
        let mut full = meeting("full");
        full.notes = Some("Meets in the “back room”; bring ☕".to_owned());
        full.regions = vec!["Prairie County".to_owned(), "Riverton".to_owned()];
        full.types = vec!["O".to_owned(), "D".to_owned()];
        full.latitude = Some(-117.987_825_3);
        for (meeting, sample) in [(meeting("plain"), false), (full.clone(), true), (full, false)] {
            assert_eq!(import::fingerprint(&meeting, sample), reference(&meeting, sample));
        }
    }

    #[test]
    fn a_read_only_store_reads_the_new_file_when_its_file_is_replaced() {
        let folder = tempfile::tempdir().expect("folder");
        let (served, fresh) = (folder.path().join("replica.sqlite3"), folder.path().join("restored.sqlite3"));
        Store::open(&served).expect("creates").import(&[meeting("first")], &ImportOptions::default()).expect("imports");
        let replica = Store::open_read_only(&served).expect("opens read-only");
        let before = replica.revision().expect("revision");
        assert!(replica.meeting("second").expect("reads").is_none());
        // A refresh as the README gives it: restore into a new file, then rename it over.
        let restored = Store::open(&fresh).expect("creates");
        restored.import(&[meeting("first"), meeting("second")], &ImportOptions::default()).expect("imports");
        restored.import(&[meeting("third")], &ImportOptions::default()).expect("imports");
        drop(restored);
        std::fs::rename(&fresh, &served).expect("renamed over");
        assert!(replica.revision().expect("revision") > before, "the new file's revision is read");
        assert!(replica.meeting("second").expect("reads").is_some(), "and its meetings");
    }

    #[test]
    fn weekdays_survive_the_move_to_the_in_memory_finder() {
        let mut connection = rusqlite::Connection::open_in_memory().expect("opens");
        MIGRATIONS.to_version(&mut connection, 3).expect("migrates to 3");
        connection
            .execute_batch(
                "INSERT INTO meetings (id, slug, name, timezone, attendance, fingerprint)
                 VALUES (1, 'a', 'A', 'America/Chicago', 'in_person', 'x');
                 INSERT INTO meeting_days (day, minutes, meeting_id, attendance, timezone, types)
                 VALUES (3, 600, 1, 'in_person', 'America/Chicago', ' O '),
                        (1, 600, 1, 'in_person', 'America/Chicago', ' O ');",
            )
            .expect("old rows");
        MIGRATIONS.to_latest(&mut connection).expect("migrates");
        let days: Vec<i64> = connection
            .prepare("SELECT day FROM meeting_weekdays WHERE meeting_id = 1 ORDER BY day")
            .expect("prepares")
            .query_map([], |row| row.get(0))
            .expect("runs")
            .collect::<Result<_, _>>()
            .expect("reads");
        assert_eq!(days, [1, 3]);
    }
}
