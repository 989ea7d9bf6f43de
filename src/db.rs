//! The store: the SQLite database of groups and meetings. All SQL lives here; callers pass domain
//! values in and get domain values back. Every function blocks: call it inside `web::block`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};
use rusqlite_migration::{M, Migrations};

use crate::content::Group;
use crate::meetings::filter::PAGE_SIZE;
use crate::meetings::{
    Attendance, DayChoice, FinderResults, Meeting, MeetingFilter, MeetingListing, MeetingTime, TimeOfDay, Weekday,
};

/// The schema, one `.sql` file per step, applied in order at start-up.
pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(vec![M::up(include_str!("../migrations/001_initial.sql"))]));

/// Connections to the database: one per core (the web server runs one worker, with one
/// database thread, per connection).
pub fn pool_size() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(2, 16)
}

/// The day number stored for a meeting by appointment (after Saturday, so it sorts last).
const APPOINTMENT_DAY: i64 = 7;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("migrating the database: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("creating the database folder {path}: {source}")]
    Folder { path: String, source: std::io::Error },
    /// Records naming a fellowship that is not one of our groups, one line each.
    #[error("{} record(s) name an unknown group:\n  {}", .0.len(), .0.join("\n  "))]
    UnknownGroups(Vec<String>),
}

/// What an import did, or (with `dry_run`) would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub archived: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Mark the meetings as sample data (the embedded default's seed).
    pub sample: bool,
    /// Treat the file as the full list of this group: its meetings missing from the file are archived.
    pub replace_group: Option<String>,
    /// Report what would change and write nothing.
    pub dry_run: bool,
}

/// How long a revision read from the database is trusted before it is read again: an import by
/// another process (the CLI) is seen within this time; one by this process at once.
const REVISION_TRUST: std::time::Duration = std::time::Duration::from_secs(1);

/// A pool of connections to one SQLite file.
#[derive(Clone)]
pub struct Store {
    pool: r2d2::Pool<SqliteConnectionManager>,
    /// The last revision read, and when.
    last_revision: Arc<Mutex<Option<(Instant, i64)>>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|source| StoreError::Folder { path: folder.display().to_string(), source })?;
        }
        let manager = SqliteConnectionManager::file(path).with_init(|connection| {
            // busy_timeout first: the other settings may wait for a lock.
            connection.execute_batch(
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON; PRAGMA cache_size = -8000; PRAGMA mmap_size = 268435456;",
            )
        });
        // One connection first, so a new file is created and switched to WAL before others open it.
        let pool = r2d2::Pool::builder()
            .max_size(u32::try_from(pool_size()).unwrap_or(2))
            .min_idle(Some(1))
            .connection_timeout(std::time::Duration::from_secs(5))
            .build(manager)?;
        MIGRATIONS.to_latest(&mut *pool.get()?)?;
        Ok(Store { pool, last_revision: Arc::default() })
    }

    fn connection(&self) -> Result<r2d2::PooledConnection<SqliteConnectionManager>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Checks that the database answers (for `/healthz`).
    pub fn check(&self) -> Result<(), StoreError> {
        self.connection()?.query_row("SELECT count(*) FROM groups", [], |_| Ok(()))?;
        Ok(())
    }

    /// The number that changes whenever meetings or groups change, read from the database.
    pub fn revision(&self) -> Result<i64, StoreError> {
        let revision = self.connection()?.query_row("SELECT value FROM revision WHERE id = 1", [], |row| row.get(0))?;
        if let Ok(mut last) = self.last_revision.lock() {
            *last = Some((Instant::now(), revision));
        }
        Ok(revision)
    }

    /// The revision last read, if it was read recently enough to trust: no I/O, for hot paths.
    pub fn recent_revision(&self) -> Option<i64> {
        let last = *self.last_revision.lock().ok()?;
        last.filter(|(read, _)| read.elapsed() < REVISION_TRUST).map(|(_, revision)| revision)
    }

    /// Writes the groups from `content/` into the database (insert or update by slug).
    pub fn sync_groups(&self, groups: &[Group]) -> Result<(), StoreError> {
        let mut connection = self.connection()?;
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

    /// Imports meetings in one transaction: upsert by slug, optionally archiving the group's
    /// meetings that are missing. Nothing is written on error or with `dry_run`.
    pub fn import(&self, meetings: &[Meeting], options: &ImportOptions) -> Result<ImportSummary, StoreError> {
        self.import_with_progress(meetings, options, &mut |_| {})
    }

    /// [`Store::import`], calling `progress` with the number of meetings written so far.
    pub fn import_with_progress(
        &self,
        meetings: &[Meeting],
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let summary = import_into(&transaction, meetings, options, progress)?;
        if options.dry_run {
            transaction.rollback()?;
        } else {
            if summary != (ImportSummary { unchanged: summary.unchanged, ..ImportSummary::default() }) {
                transaction.execute("UPDATE revision SET value = value + 1 WHERE id = 1", [])?;
            }
            transaction.commit()?;
            self.revision()?;
        }
        Ok(summary)
    }

    /// One active meeting by slug.
    pub fn meeting(&self, slug: &str) -> Result<Option<Meeting>, StoreError> {
        let connection = self.connection()?;
        let id: Option<i64> = connection
            .query_row("SELECT id FROM meetings WHERE slug = ?1 AND archived = 0", [slug], |row| row.get(0))
            .optional()?;
        match id {
            Some(id) => Ok(load_meetings(&connection, &[id])?.pop()),
            None => Ok(None),
        }
    }

    /// Every active meeting matching the filter (ignoring its page), in schedule order: for
    /// exports and printed schedules.
    pub fn meetings_matching(&self, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<Vec<Meeting>, StoreError> {
        let connection = self.connection()?;
        let query = FinderQuery::build(&connection, filter, now)?;
        let sql = format!(
            "SELECT d.meeting_id FROM {} WHERE {} GROUP BY d.meeting_id ORDER BY min({}), d.meeting_id",
            query.from, query.condition, query.sort_key
        );
        let mut statement = connection.prepare(&sql)?;
        let ids: Vec<i64> =
            statement.query_map(params_from_iter(&query.values), |row| row.get(0))?.collect::<Result<_, _>>()?;
        load_meetings(&connection, &ids)
    }

    /// A page of finder results, sorted by day and time (from now, for `day=today`).
    pub fn find(&self, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<FinderResults, StoreError> {
        let offset = u64::from(filter.page.saturating_sub(1)) * u64::from(PAGE_SIZE);
        self.find_range(filter, now, offset, u64::from(PAGE_SIZE))
    }

    /// The first `limit` weekly occurrences matching the filter, in schedule order, and the total:
    /// a printed schedule.
    pub fn schedule(
        &self,
        filter: &MeetingFilter,
        now: jiff::Timestamp,
        limit: u64,
    ) -> Result<FinderResults, StoreError> {
        self.find_range(filter, now, 0, limit)
    }

    fn find_range(
        &self,
        filter: &MeetingFilter,
        now: jiff::Timestamp,
        offset: u64,
        limit: u64,
    ) -> Result<FinderResults, StoreError> {
        let connection = self.connection()?;
        let query = FinderQuery::build(&connection, filter, now)?;
        let total: i64 = connection
            .prepare_cached(&format!("SELECT count(*) FROM {} WHERE {}", query.from, query.condition))?
            .query_row(params_from_iter(&query.values), |row| row.get(0))?;
        let sql = format!(
            "SELECT m.slug, m.name, m.group_slug, d.day, d.minutes, m.end_time, m.timezone, m.location,
                    m.display_address, m.approximate, m.attendance, m.conference_url, m.conference_phone,
                    m.types, m.time
             FROM (SELECT d.day, d.minutes, d.meeting_id, {} AS sort_key FROM {} WHERE {}
                   ORDER BY {} LIMIT ?{} OFFSET ?{}) d
             JOIN meetings m ON m.id = d.meeting_id
             ORDER BY d.sort_key, d.meeting_id",
            query.sort_key,
            query.from,
            query.condition,
            query.order,
            query.values.len() + 1,
            query.values.len() + 2
        );
        let mut values = query.values.clone();
        values.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        values.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
        let mut statement = connection.prepare_cached(&sql)?;
        let listings = statement
            .query_map(params_from_iter(&values), |row| {
                let day: i64 = row.get(3)?;
                let minutes: i64 = row.get(4)?;
                let has_time = row.get::<_, Option<String>>(14)?.is_some();
                Ok(MeetingListing {
                    slug: row.get(0)?,
                    name: row.get(1)?,
                    group_slug: row.get(2)?,
                    day: u8::try_from(day).ok().and_then(Weekday::new),
                    time: (has_time && day != APPOINTMENT_DAY)
                        .then(|| MeetingTime::from_minutes(u16::try_from(minutes).unwrap_or(0))),
                    end_time: parse_time(row.get(5)?),
                    timezone: row.get(6)?,
                    location: row.get(7)?,
                    address: row.get(8)?,
                    approximate: row.get(9)?,
                    attendance: parse_attendance(row.get(10)?),
                    conference_url: row.get(11)?,
                    conference_phone: row.get(12)?,
                    types: serde_json::from_str(&row.get::<_, String>(13)?).unwrap_or_default(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(FinderResults { total: total.unsigned_abs(), listings })
    }

    /// Distinct regions of active meetings (archiving removes a meeting's regions), for the finder.
    pub fn regions(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.connection()?;
        let mut statement =
            connection.prepare_cached("SELECT DISTINCT region FROM meeting_regions ORDER BY region LIMIT 500")?;
        let regions = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
        Ok(regions)
    }
}

/// The FROM and WHERE clauses, sort key and parameters of a finder query.
struct FinderQuery {
    /// `meeting_days d`, driven by the text search or the region when there is one.
    from: String,
    condition: String,
    /// One integer expression: minutes from the start of the (finder's) week.
    sort_key: String,
    /// The ORDER BY of a page of results (follows the table's clustering when it can); the same
    /// order as `sort_key, d.meeting_id`. Pages are chosen first and joined to `meetings` after.
    order: String,
    values: Vec<Value>,
}

impl FinderQuery {
    fn build(connection: &Connection, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<FinderQuery, StoreError> {
        let mut conditions = vec!["d.archived = 0".to_owned()];
        let mut values: Vec<Value> = Vec::new();
        let bind = |values: &mut Vec<Value>, value: Value| {
            values.push(value);
            format!("?{}", values.len())
        };
        let mut sort_key = "d.day * 1440 + d.minutes".to_owned();
        let mut order = "d.day, d.minutes, d.meeting_id".to_owned();

        if !filter.days.is_empty() {
            let mut any_day = Vec::new();
            let weekdays: Vec<String> = filter
                .days
                .iter()
                .filter_map(|day| match day {
                    DayChoice::Weekday(day) => Some(day.number().to_string()),
                    DayChoice::Today => None,
                })
                .collect();
            if !weekdays.is_empty() {
                any_day.push(format!("d.day IN ({})", weekdays.join(", ")));
            }
            if filter.has_day(DayChoice::Today) {
                // Today and the time now, in each meeting's own zone; zone names are bound values.
                let clocks = zone_clocks(connection, now)?;
                let mut day_arms = String::new();
                let mut minute_arms = String::new();
                for (zone, day, minutes) in &clocks {
                    let zone = bind(&mut values, Value::Text(zone.clone()));
                    any_day.push(format!("(d.day = {day} AND d.timezone = {zone})"));
                    day_arms.push_str(&format!(" WHEN {zone} THEN {day}"));
                    minute_arms.push_str(&format!(" WHEN {zone} THEN {minutes}"));
                }
                if !clocks.is_empty() {
                    let today = format!("(CASE d.timezone{day_arms} ELSE -1 END)");
                    let now_minutes = format!("(CASE d.timezone{minute_arms} ELSE 0 END)");
                    // Minutes until it starts, in its own zone: the soonest first, earlier today last.
                    sort_key = format!(
                        "((d.day - {today} + 7) % 7) * 1440 + d.minutes - {now_minutes}
                         + (CASE WHEN d.day = {today} AND d.minutes < {now_minutes} THEN 10080 ELSE 0 END)"
                    );
                    order = format!("{sort_key}, d.meeting_id");
                }
            }
            if any_day.is_empty() {
                // Only "today" was asked for and no meeting has a zone we know: nothing matches.
                any_day.push("0".to_owned());
            }
            conditions.push(format!("({})", any_day.join(" OR ")));
        }
        if let Some(band) = filter.time {
            let (start, end) = band.minutes();
            conditions.push(match band {
                TimeOfDay::Night => format!("(d.minutes >= {start} OR d.minutes < {end}) AND d.day < 7"),
                _ => format!("d.minutes >= {start} AND d.minutes < {end} AND d.day < 7"),
            });
        }
        for code in &filter.types {
            let placeholder = bind(&mut values, Value::Text(code.clone()));
            conditions.push(format!("instr(d.types, ' ' || {placeholder} || ' ') > 0"));
        }
        if !filter.groups.is_empty() {
            let placeholders: Vec<String> =
                filter.groups.iter().map(|slug| bind(&mut values, Value::Text(slug.clone()))).collect();
            conditions.push(format!("d.group_slug IN ({})", placeholders.join(", ")));
        }
        match filter.attendance {
            Some(Attendance::InPerson) => conditions.push("d.attendance IN ('in_person', 'hybrid')".to_owned()),
            Some(Attendance::Online) => conditions.push("d.attendance IN ('online', 'hybrid')".to_owned()),
            Some(Attendance::Hybrid) => conditions.push("d.attendance = 'hybrid'".to_owned()),
            Some(Attendance::Inactive) | None => {}
        }
        if !filter.include_inactive {
            conditions.push("d.attendance != 'inactive'".to_owned());
        }
        // A text search or a region picks few meetings: start from those (CROSS JOIN fixes the order).
        let mut from = "meeting_days d".to_owned();
        if let Some(words) = filter.query.as_deref().and_then(full_text_query) {
            let placeholder = bind(&mut values, Value::Text(words));
            from = "meeting_search s CROSS JOIN meeting_days d ON d.meeting_id = s.rowid".to_owned();
            conditions.push(format!("meeting_search MATCH {placeholder}"));
        }
        if let Some(region) = &filter.region {
            let placeholder = bind(&mut values, Value::Text(region.clone()));
            if from == "meeting_days d" {
                from = "meeting_regions r CROSS JOIN meeting_days d ON d.meeting_id = r.meeting_id".to_owned();
                conditions.push(format!("r.region = {placeholder}"));
            } else {
                conditions.push(format!(
                    "d.meeting_id IN (SELECT r.meeting_id FROM meeting_regions r WHERE r.region = {placeholder})"
                ));
            }
        }
        Ok(FinderQuery { from, condition: conditions.join(" AND "), sort_key, order, values })
    }
}

/// Each zone of the meetings with today's weekday and the minutes past midnight now there.
/// Zones are few; one the time-zone database does not know is left out (its meetings never
/// match `today`, and the import already refuses such zones).
fn zone_clocks(connection: &Connection, now: jiff::Timestamp) -> Result<Vec<(String, u8, u16)>, StoreError> {
    // A loose index scan: one index lookup per zone instead of a pass over every meeting.
    let mut next_zone = connection.prepare_cached("SELECT min(timezone) FROM meetings WHERE timezone > ?1")?;
    let mut zones: Vec<String> = Vec::new();
    while let Some(zone) = next_zone.query_row([zones.last().map_or("", String::as_str)], |row| row.get(0))? {
        zones.push(zone);
    }
    Ok(zones
        .into_iter()
        .filter_map(|zone| {
            let local = now.to_zoned_datetime(jiff::tz::TimeZone::get(&zone).ok()?);
            let minutes = u16::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute())).ok()?;
            Some((zone, Weekday::of(local.date()).number(), minutes))
        })
        .collect())
}

/// Turns search words into an FTS5 query: every word must appear, as a word prefix.
fn full_text_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(10)
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn parse_time(text: Option<String>) -> Option<MeetingTime> {
    text.as_deref().and_then(MeetingTime::parse)
}

fn parse_attendance(text: String) -> Attendance {
    Attendance::parse(&text).unwrap_or(Attendance::InPerson)
}

fn import_into(
    transaction: &Transaction,
    meetings: &[Meeting],
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportSummary, StoreError> {
    let known_groups: HashSet<String> = {
        let mut statement = transaction.prepare("SELECT slug FROM groups")?;
        statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?
    };
    if let Some(group) = options.replace_group.as_ref().filter(|group| !known_groups.contains(*group)) {
        return Err(StoreError::UnknownGroups(vec![format!("--group {group}: there is no such group")]));
    }
    let unknown: Vec<String> = meetings
        .iter()
        .enumerate()
        .filter_map(|(index, meeting)| {
            let slug = meeting.group_slug.as_ref().filter(|slug| !known_groups.contains(*slug))?;
            Some(format!("record {} (slug \"{}\"): fellowship: there is no group \"{slug}\"", index + 1, meeting.slug))
        })
        .collect();
    if !unknown.is_empty() {
        return Err(StoreError::UnknownGroups(unknown));
    }
    let mut summary = ImportSummary::default();
    let mut existing = transaction.prepare("SELECT id, fingerprint, archived FROM meetings WHERE slug = ?1")?;
    let sample_ids: Vec<i64> = if options.sample {
        Vec::new()
    } else {
        let mut statement = transaction.prepare("SELECT id FROM meetings WHERE sample = 1 AND archived = 0")?;
        statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?
    };
    for (done, meeting) in meetings.iter().enumerate() {
        if done % 1000 == 0 {
            progress(done);
        }
        let fingerprint = fingerprint(meeting, options.sample);
        let found: Option<(i64, String, bool)> =
            existing.query_row([&meeting.slug], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).optional()?;
        match found {
            Some((_, old, false)) if old == fingerprint => summary.unchanged += 1,
            Some((id, _, _)) => {
                write_meeting(transaction, Some(id), meeting, &fingerprint, options.sample)?;
                summary.updated += 1;
            }
            None => {
                write_meeting(transaction, None, meeting, &fingerprint, options.sample)?;
                summary.added += 1;
            }
        }
    }
    progress(meetings.len());
    // The first real import retires the sample meetings of the embedded default (a sample
    // meeting the import itself brought again is now a real one and stays).
    let kept: HashSet<&str> = meetings.iter().map(|m| m.slug.as_str()).collect();
    let mut slug_of = transaction.prepare("SELECT slug FROM meetings WHERE id = ?1")?;
    for id in sample_ids {
        let slug: String = slug_of.query_row([id], |row| row.get(0))?;
        if !kept.contains(slug.as_str()) {
            archive_meeting(transaction, id)?;
            summary.archived += 1;
        }
    }
    if let Some(group) = &options.replace_group {
        let keep: HashSet<&str> = meetings.iter().map(|m| m.slug.as_str()).collect();
        let mut statement =
            transaction.prepare("SELECT id, slug FROM meetings WHERE group_slug = ?1 AND archived = 0")?;
        let current: Vec<(i64, String)> =
            statement.query_map([group], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
        for (id, slug) in current {
            if !keep.contains(slug.as_str()) {
                archive_meeting(transaction, id)?;
                summary.archived += 1;
            }
        }
    }
    Ok(summary)
}

/// Hides a meeting from the finder and the exports; its row stays, so a later import can revive it.
fn archive_meeting(transaction: &Transaction, id: i64) -> Result<(), StoreError> {
    transaction.prepare_cached("UPDATE meetings SET archived = 1 WHERE id = ?1")?.execute([id])?;
    transaction.prepare_cached("UPDATE meeting_days SET archived = 1 WHERE meeting_id = ?1")?.execute([id])?;
    transaction.prepare_cached("DELETE FROM meeting_regions WHERE meeting_id = ?1")?.execute([id])?;
    transaction.prepare_cached("DELETE FROM meeting_search WHERE rowid = ?1")?.execute([id])?;
    Ok(())
}

/// A digest of everything stored for a meeting (its feed object and whether it is sample data),
/// to tell an unchanged record on re-import. FNV-1a: stable across builds and toolchains.
fn fingerprint(meeting: &Meeting, sample: bool) -> String {
    let text = format!("{}{sample}", crate::feed::to_meeting_guide(meeting));
    let hash = text
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

fn write_meeting(
    transaction: &Transaction,
    id: Option<i64>,
    meeting: &Meeting,
    fingerprint: &str,
    sample: bool,
) -> Result<(), StoreError> {
    let regions = serde_json::to_string(&meeting.regions).unwrap_or_else(|_| "[]".to_owned());
    let types = serde_json::to_string(&meeting.types).unwrap_or_else(|_| "[]".to_owned());
    let extra = serde_json::Value::Object(meeting.extra.clone()).to_string();
    let values = params![
        meeting.slug,
        meeting.name,
        meeting.group_slug,
        meeting.time.map(|t| t.to_string()),
        meeting.end_time.map(|t| t.to_string()),
        meeting.timezone,
        meeting.location,
        meeting.formatted_address,
        meeting.approximate,
        meeting.latitude,
        meeting.longitude,
        regions,
        meeting.conference_url,
        meeting.conference_url_notes,
        meeting.conference_phone,
        meeting.conference_phone_notes,
        meeting.notes,
        meeting.location_notes,
        meeting.home_group,
        meeting.updated,
        meeting.attendance().as_str(),
        extra,
        fingerprint,
        types,
        sample,
        meeting.address(),
    ];
    let id = match id {
        Some(id) => {
            transaction.prepare_cached(
                "UPDATE meetings SET slug = ?1, name = ?2, group_slug = ?3, time = ?4, end_time = ?5, timezone = ?6,
                    location = ?7, formatted_address = ?8, approximate = ?9, latitude = ?10, longitude = ?11,
                    regions = ?12, conference_url = ?13, conference_url_notes = ?14, conference_phone = ?15,
                    conference_phone_notes = ?16, notes = ?17, location_notes = ?18, home_group = ?19,
                    updated = ?20, attendance = ?21, extra = ?22, fingerprint = ?23, types = ?24, sample = ?25, display_address = ?26, archived = 0
                 WHERE id = ?27",
            )?
            .execute(rusqlite::params_from_iter(values.iter().copied().chain([&id as &dyn rusqlite::ToSql])))?;
            for table in ["meeting_days", "meeting_regions"] {
                transaction.prepare_cached(&format!("DELETE FROM {table} WHERE meeting_id = ?1"))?.execute([id])?;
            }
            transaction.prepare_cached("DELETE FROM meeting_search WHERE rowid = ?1")?.execute([id])?;
            id
        }
        None => {
            transaction.prepare_cached(
                "INSERT INTO meetings (slug, name, group_slug, time, end_time, timezone, location, formatted_address,
                    approximate, latitude, longitude, regions, conference_url, conference_url_notes, conference_phone,
                    conference_phone_notes, notes, location_notes, home_group, updated, attendance, extra, fingerprint, types, sample, display_address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                    ?21, ?22, ?23, ?24, ?25, ?26)",
            )?
            .execute(values)?;
            transaction.last_insert_rowid()
        }
    };
    let minutes = meeting.time.map_or(0, MeetingTime::minutes);
    let days: Vec<i64> = if meeting.is_by_appointment() {
        vec![APPOINTMENT_DAY]
    } else {
        meeting.days.iter().map(|day| i64::from(day.number())).collect()
    };
    // Upper-cased: the finder matches codes without regard to case.
    let type_set = format!(" {} ", meeting.types.join(" ").to_uppercase());
    let mut add_day = transaction.prepare_cached(
        "INSERT OR IGNORE INTO meeting_days (day, minutes, meeting_id, group_slug, attendance, timezone, types)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for day in days {
        add_day.execute(params![
            day,
            minutes,
            id,
            meeting.group_slug,
            meeting.attendance().as_str(),
            meeting.timezone,
            type_set
        ])?;
    }
    let mut add_region =
        transaction.prepare_cached("INSERT OR IGNORE INTO meeting_regions (meeting_id, region) VALUES (?1, ?2)")?;
    for region in &meeting.regions {
        add_region.execute(params![id, region])?;
    }
    // The fellowship's name and abbreviation are searchable too ("smart", "AA").
    let fellowship: Option<String> = match &meeting.group_slug {
        Some(slug) => transaction
            .prepare_cached("SELECT name || ' ' || coalesce(short_name, '') FROM groups WHERE slug = ?1")?
            .query_row([slug], |row| row.get(0))
            .optional()?,
        None => None,
    };
    let words = format!("{} {}", meeting.search_words(), fellowship.unwrap_or_default());
    transaction
        .prepare_cached("INSERT INTO meeting_search (rowid, words) VALUES (?1, ?2)")?
        .execute(params![id, words])?;
    Ok(())
}

/// Loads whole meetings by id, in the order given.
fn load_meetings(connection: &Connection, ids: &[i64]) -> Result<Vec<Meeting>, StoreError> {
    // One statement for all of them: the ids go in as a JSON array, and come out in its order.
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
    let mut statement = connection.prepare_cached(
        "SELECT m.slug, m.name, m.group_slug, m.time, m.end_time, m.timezone, m.location, m.formatted_address,
                m.approximate, m.latitude, m.longitude, m.regions, m.conference_url, m.conference_url_notes,
                m.conference_phone, m.conference_phone_notes, m.notes, m.location_notes, m.home_group, m.updated,
                m.extra, m.types,
                (SELECT group_concat(d.day) FROM meeting_days d WHERE d.meeting_id = m.id AND d.day < 7)
         FROM json_each(?1) wanted JOIN meetings m ON m.id = wanted.value
         ORDER BY wanted.key",
    )?;
    let meetings = statement
        .query_map([ids], |row| {
            let regions: String = row.get(11)?;
            let extra: String = row.get(20)?;
            let types: String = row.get(21)?;
            let days: Option<String> = row.get(22)?;
            let mut days: Vec<Weekday> = days.unwrap_or_default().split(',').filter_map(Weekday::parse).collect();
            days.sort();
            Ok(Meeting {
                slug: row.get(0)?,
                name: row.get(1)?,
                group_slug: row.get(2)?,
                time: parse_time(row.get(3)?),
                end_time: parse_time(row.get(4)?),
                timezone: row.get(5)?,
                location: row.get(6)?,
                formatted_address: row.get(7)?,
                approximate: row.get(8)?,
                latitude: row.get(9)?,
                longitude: row.get(10)?,
                regions: serde_json::from_str(&regions).unwrap_or_default(),
                conference_url: row.get(12)?,
                conference_url_notes: row.get(13)?,
                conference_phone: row.get(14)?,
                conference_phone_notes: row.get(15)?,
                notes: row.get(16)?,
                location_notes: row.get(17)?,
                home_group: row.get(18)?,
                updated: row.get(19)?,
                extra: serde_json::from_str(&extra).unwrap_or_default(),
                types: serde_json::from_str(&types).unwrap_or_default(),
                days,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(meetings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn search_words_become_quoted_prefix_terms() {
        assert_eq!(full_text_query("Hope  \"and\" AND").as_deref(), Some("\"Hope\"* \"and\"* \"AND\"*"));
        assert_eq!(full_text_query("\" * ( ) -"), None);
    }
}
