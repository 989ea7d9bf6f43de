//! Writing meetings: one transaction per imported set, upsert by slug, archiving what a full list
//! no longer has. A source's set is matched by the feed's own slugs within that source alone, and
//! replaces only that source's meetings. The one list of stored meeting columns lives in `rows.rs`.

use std::collections::HashSet;
use std::sync::OnceLock;

use rusqlite::{OptionalExtension, ToSql, Transaction, params};

use super::sources::{self, SourceFetch};
use super::{Store, StoreError};
use crate::meetings::Meeting;

/// What an import did, or (with `dry_run`) would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub archived: usize,
}

impl ImportSummary {
    /// The import's summary line, as `import` prints it and the staff upload shows it:
    /// "12 meetings read: 10 were added, ...; 3 warnings."
    pub fn describe(&self, read: usize, warnings: usize, dry_run: bool) -> String {
        let verb = if dry_run { "would be" } else { "were" };
        format!(
            "{read} meetings read: {} {verb} added, {} updated, {} unchanged, {} archived; {warnings} warning{}.{}",
            self.added,
            self.updated,
            self.unchanged,
            self.archived,
            if warnings == 1 { "" } else { "s" },
            if dry_run { " (dry run: nothing was written)" } else { "" }
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Mark the meetings as sample data (the embedded default's seed).
    pub sample: bool,
    /// Treat the file as the full list of this group: its meetings missing from the file are archived.
    pub replace_group: Option<String>,
    /// Report what would change and write nothing.
    pub dry_run: bool,
    /// Who imported it and what to note, written to the audit log in the import's transaction
    /// (the staff upload; the command line writes no log entry).
    pub audit: Option<Audit>,
}

/// An import's line in the audit log.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    /// The staff account's address.
    pub actor: String,
    /// What was imported and what it did, in words (the file's name, the counts).
    pub note: String,
}

impl Store {
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
        let mut connection = self.writer()?;
        // A large set touches every page of the table and its indexes: room for them while it is
        // written (the connection's usual cache is put back after).
        let large = meetings.len() > LARGE_SET;
        if large {
            connection.execute_batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KB}"))?;
        }
        let transaction = connection.transaction()?;
        let summary = import_into(&transaction, meetings, options, None, progress);
        let summary = match summary {
            Ok(summary) => summary,
            Err(error) => {
                drop(transaction);
                if large {
                    connection.execute_batch(&format!("PRAGMA cache_size = -{}", super::CACHE_KB))?;
                }
                return Err(error);
            }
        };
        if options.dry_run {
            transaction.rollback()?;
        } else {
            if summary != (ImportSummary { unchanged: summary.unchanged, ..ImportSummary::default() }) {
                transaction.execute("UPDATE revision SET value = value + 1 WHERE id = 1", [])?;
            }
            if let Some(audit) = &options.audit {
                let note = format!(
                    "{} ({} added, {} updated, {} unchanged, {} archived)",
                    audit.note, summary.added, summary.updated, summary.unchanged, summary.archived
                );
                super::staff::log(&transaction, &audit.actor, "imported a file", None, None, &[], Some(&note))?;
            }
            transaction.commit()?;
        }
        if large {
            connection.execute_batch(&format!("PRAGMA cache_size = -{}", super::CACHE_KB))?;
        }
        drop(connection);
        if !options.dry_run {
            self.revision()?;
        }
        Ok(summary)
    }
}

/// Sets of more meetings than this are written with a larger page cache.
const LARGE_SET: usize = 5_000;
/// The page cache of a large import, in KB.
const IMPORT_CACHE_KB: u32 = 64 * 1024;

impl Store {
    /// Imports a source's whole set in one transaction, with the source's record of this good
    /// fetch: its meetings are matched by the feed's own slugs within this source alone (a new one
    /// gets the feed's slug as its address when that is free, otherwise `{source}-{slug}`, kept
    /// from then on), and its meetings missing from the set are archived. Other sources' meetings
    /// and meetings entered here are never touched.
    pub fn import_source(
        &self,
        source: &super::Source,
        meetings: &[Meeting],
        fetch: &SourceFetch,
    ) -> Result<ImportSummary, StoreError> {
        self.import_source_streamed(source, |writer| {
            for meeting in meetings {
                writer.add(meeting)?;
            }
            Ok::<_, StoreError>(fetch.clone())
        })
    }

    /// [`Store::import_source`] of meetings handed over one at a time: `fill` gives each to the
    /// writer as it is read (so a feed of a million records is never held whole) and returns
    /// the fetch's record. An error from `fill` (a bad record, a limit) rolls everything back.
    pub fn import_source_streamed<E: From<StoreError>>(
        &self,
        source: &super::Source,
        fill: impl FnOnce(&mut SetWriter) -> Result<SourceFetch, E>,
    ) -> Result<ImportSummary, E> {
        let mut connection = self.writer()?;
        let transaction = connection.transaction().map_err(StoreError::from)?;
        let mut fetch = None;
        let summary = write_source_set(&transaction, source, |writer| {
            fetch = Some(fill(writer)?);
            Ok::<_, E>(())
        })?;
        let fetch = fetch.unwrap_or_default();
        sources::record_success(&transaction, source.id, &fetch)?;
        if summary != (ImportSummary { unchanged: summary.unchanged, ..ImportSummary::default() }) {
            transaction.execute("UPDATE revision SET value = value + 1 WHERE id = 1", []).map_err(StoreError::from)?;
        }
        transaction.commit().map_err(StoreError::from)?;
        self.revision()?;
        Ok(summary)
    }
}

/// Writes a source's set inside a transaction: `fill` hands over the meetings, then what the set
/// no longer has is archived. What the set did.
pub(super) fn write_source_set<E: From<StoreError>>(
    transaction: &Transaction,
    source: &super::Source,
    fill: impl FnOnce(&mut SetWriter) -> Result<(), E>,
) -> Result<ImportSummary, E> {
    let scope = SourceScope { id: source.id, name: &source.name };
    let options = ImportOptions::default();
    let mut writer = SetWriter::new(transaction, &options, Some(&scope));
    fill(&mut writer)?;
    Ok(writer.finish()?)
}

/// The source a set comes from.
struct SourceScope<'a> {
    id: i64,
    /// Prefix of a meeting's public slug when the feed's own is taken.
    name: &'a str,
}

/// The stored row a record updates (id, fingerprint, archived, group), and the public slug it has
/// or gets.
type Match = (Option<(i64, String, bool, Option<String>)>, String);

/// A record's row: by slug for meetings entered here; by (source, feed slug) for a source's.
fn find_row(transaction: &Transaction, meeting: &Meeting, source: Option<&SourceScope>) -> Result<Match, StoreError> {
    let Some(source) = source else {
        let found = transaction
            .prepare_cached("SELECT id, fingerprint, archived, group_slug FROM meetings WHERE slug = ?1")?
            .query_row([&meeting.slug], |row| {
                Ok((row.get("id")?, row.get("fingerprint")?, row.get("archived")?, row.get("group_slug")?))
            })
            .optional()?;
        return Ok((found, meeting.slug.clone()));
    };
    let found = transaction
        .prepare_cached(
            "SELECT id, fingerprint, archived, group_slug, slug FROM meetings
             WHERE source_id = ?1 AND source_slug = ?2",
        )?
        .query_row(params![source.id, meeting.slug], |row| {
            let stored = (row.get("id")?, row.get("fingerprint")?, row.get("archived")?, row.get("group_slug")?);
            Ok((stored, row.get("slug")?))
        })
        .optional()?;
    if let Some((row, slug)) = found {
        return Ok((Some(row), slug));
    }
    // First sight: the feed's slug when no meeting (of any source, active or archived) has it.
    let mut taken = transaction.prepare_cached("SELECT EXISTS (SELECT 1 FROM meetings WHERE slug = ?1)")?;
    let mut candidate = meeting.slug.clone();
    let mut attempt = 1;
    while taken.query_row([&candidate], |row| row.get::<_, bool>(0))? {
        attempt += 1;
        candidate = match attempt {
            2 => format!("{}-{}", source.name, meeting.slug),
            n => format!("{}-{}-{n}", source.name, meeting.slug),
        };
    }
    Ok((None, candidate))
}

/// Records of a set entered here whose slug is the address of a source's meeting, one line each:
/// the next sync would overwrite them, so they are refused.
fn claimed_by_sources(transaction: &Transaction, meetings: &[Meeting]) -> Result<Vec<String>, StoreError> {
    // Most sites follow no source: then no lookup per record.
    if !transaction.query_row("SELECT EXISTS (SELECT 1 FROM sources)", [], |row| row.get::<_, bool>(0))? {
        return Ok(Vec::new());
    }
    let mut owner = transaction
        .prepare_cached("SELECT s.name FROM meetings m JOIN sources s ON s.id = m.source_id WHERE m.slug = ?1")?;
    let mut claimed = Vec::new();
    for (index, meeting) in meetings.iter().enumerate() {
        if let Some(name) = owner.query_row([&meeting.slug], |row| row.get::<_, String>("name")).optional()? {
            claimed.push(format!(
                "record {} (slug \"{}\"): slug: is a meeting of source \"{name}\"; give this record another slug",
                index + 1,
                meeting.slug
            ));
        }
    }
    Ok(claimed)
}

/// Archives a source's active meetings except `keep`; returns how many.
pub(super) fn archive_source_meetings(
    transaction: &Transaction,
    source_id: i64,
    keep: &HashSet<i64>,
) -> Result<usize, StoreError> {
    let current: Vec<i64> = transaction
        .prepare("SELECT id FROM meetings WHERE source_id = ?1 AND archived = 0")?
        .query_map([source_id], |row| row.get("id"))?
        .collect::<Result<_, _>>()?;
    let mut archived = 0;
    for id in current.into_iter().filter(|id| !keep.contains(id)) {
        archive_meeting(transaction, id)?;
        archived += 1;
    }
    Ok(archived)
}

fn import_into(
    transaction: &Transaction,
    meetings: &[Meeting],
    options: &ImportOptions,
    source: Option<&SourceScope>,
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
    if source.is_none() {
        let claimed = claimed_by_sources(transaction, meetings)?;
        if !claimed.is_empty() {
            return Err(StoreError::SourceMeetings(claimed));
        }
    }
    let mut writer = SetWriter::new(transaction, options, source);
    // Fingerprints are worked out on a second thread, in order, while this one writes.
    let (fingerprints, fingerprinted) = std::sync::mpsc::sync_channel::<String>(FINGERPRINTS_AHEAD);
    std::thread::scope(|scope| {
        // Owned here: dropped when this returns (at an error too), which stops the other thread.
        let fingerprinted = fingerprinted;
        scope.spawn(move || {
            for meeting in meetings {
                // This side stops when the writer has (it stopped at an error).
                if fingerprints.send(fingerprint(meeting, options.sample)).is_err() {
                    break;
                }
            }
        });
        for (done, meeting) in meetings.iter().enumerate() {
            if done % 1000 == 0 {
                progress(done);
            }
            writer.add_fingerprinted(meeting, fingerprinted.recv().ok())?;
        }
        Ok::<(), StoreError>(())
    })?;
    progress(meetings.len());
    writer.finish()
}

/// Writes one set's meetings, one at a time, inside the set's transaction, and at the end
/// archives what the set no longer has.
pub struct SetWriter<'t> {
    transaction: &'t Transaction<'t>,
    options: &'t ImportOptions,
    source: Option<&'t SourceScope<'t>>,
    summary: ImportSummary,
    /// The rows this set wrote or found unchanged.
    kept: HashSet<i64>,
}

impl<'t> SetWriter<'t> {
    fn new(
        transaction: &'t Transaction<'t>,
        options: &'t ImportOptions,
        source: Option<&'t SourceScope<'t>>,
    ) -> SetWriter<'t> {
        SetWriter { transaction, options, source, summary: ImportSummary::default(), kept: HashSet::new() }
    }

    /// Writes (or finds unchanged) one meeting of the set.
    pub fn add(&mut self, meeting: &Meeting) -> Result<(), StoreError> {
        self.add_fingerprinted(meeting, None)
    }

    /// [`SetWriter::add`] with the meeting's fingerprint when it was worked out already.
    fn add_fingerprinted(&mut self, meeting: &Meeting, as_given: Option<String>) -> Result<(), StoreError> {
        let (transaction, sample) = (self.transaction, self.options.sample);
        let (found, public_slug) = find_row(transaction, meeting, self.source)?;
        // A record naming no group keeps the group its meeting has (a re-import without --group
        // must not take meetings out of their group's lists).
        let with_stored_group;
        let (meeting, fingerprint) = match (&found, as_given) {
            (Some((_, _, _, Some(group))), _) if meeting.group_slug.is_none() => {
                with_stored_group = Meeting { group_slug: Some(group.clone()), ..meeting.clone() };
                (&with_stored_group, fingerprint(&with_stored_group, sample))
            }
            (_, Some(fingerprint)) => (meeting, fingerprint),
            (_, None) => (meeting, fingerprint(meeting, sample)),
        };
        // A source's meeting is stored under its public slug, with the feed's own beside it.
        let renamed;
        let stored = if public_slug == meeting.slug {
            meeting
        } else {
            renamed = Meeting { slug: public_slug, ..meeting.clone() };
            &renamed
        };
        let origin = self.source.map(|source| (source.id, meeting.slug.as_str()));
        let id = match found {
            Some((id, old, false, _)) if old == fingerprint => {
                self.summary.unchanged += 1;
                id
            }
            Some((id, _, _, _)) => {
                self.summary.updated += 1;
                write_meeting(transaction, Some(id), stored, &fingerprint, sample, origin)?
            }
            None => {
                self.summary.added += 1;
                write_meeting(transaction, None, stored, &fingerprint, sample, origin)?
            }
        };
        self.kept.insert(id);
        Ok(())
    }

    /// Archives what the set no longer has; what the set did.
    fn finish(mut self) -> Result<ImportSummary, StoreError> {
        let transaction = self.transaction;
        // The first real import retires the sample meetings of the embedded default (a sample
        // meeting the import itself brought again is now a real one and stays).
        if !self.options.sample {
            let mut statement = transaction.prepare("SELECT id FROM meetings WHERE sample = 1 AND archived = 0")?;
            let sample_ids: Vec<i64> = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
            for id in sample_ids {
                if !self.kept.contains(&id) {
                    archive_meeting(transaction, id)?;
                    self.summary.archived += 1;
                }
            }
        }
        if let Some(group) = &self.options.replace_group {
            // Only meetings entered here: a source's meetings are that source's to replace.
            let mut statement = transaction
                .prepare("SELECT id FROM meetings WHERE group_slug = ?1 AND archived = 0 AND source_id IS NULL")?;
            let current: Vec<i64> = statement.query_map([group], |row| row.get("id"))?.collect::<Result<_, _>>()?;
            for id in current {
                if !self.kept.contains(&id) {
                    archive_meeting(transaction, id)?;
                    self.summary.archived += 1;
                }
            }
        }
        if let Some(source) = self.source {
            self.summary.archived += archive_source_meetings(transaction, source.id, &self.kept)?;
        }
        Ok(self.summary)
    }
}

/// Hides a meeting from the finder and the exports; its row stays, so a later import can revive it.
pub(super) fn archive_meeting(transaction: &Transaction, id: i64) -> Result<(), StoreError> {
    transaction.prepare_cached("UPDATE meetings SET archived = 1 WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Fingerprints worked out ahead of the writer, at most.
const FINGERPRINTS_AHEAD: usize = 1024;

/// A digest of everything stored for a meeting (its feed object and whether it is sample data),
/// to tell an unchanged record on re-import. FNV-1a: stable across builds and toolchains.
pub(super) fn fingerprint(meeting: &Meeting, sample: bool) -> String {
    /// FNV-1a over the bytes written to it: the feed record is hashed as it is serialised.
    struct Fnv(u64);
    impl std::io::Write for Fnv {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            for byte in bytes {
                self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
            }
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    // The same bytes as `format!("{record}{sample}")`, without making that string.
    let written = serde_json::to_writer(&mut hash, &crate::feed::to_meeting_guide(meeting));
    let written = written
        .map_err(std::io::Error::from)
        .and_then(|()| std::io::Write::write_all(&mut hash, if sample { b"true" } else { b"false" }));
    debug_assert!(written.is_ok(), "hashing cannot fail");
    format!("{:016x}", hash.0)
}

pub(super) fn write_meeting(
    transaction: &Transaction,
    id: Option<i64>,
    meeting: &Meeting,
    fingerprint: &str,
    sample: bool,
    origin: Option<(i64, &str)>,
) -> Result<i64, StoreError> {
    let regions = serde_json::to_string(&meeting.regions).unwrap_or_else(|_| "[]".to_owned());
    let types = serde_json::to_string(&meeting.types).unwrap_or_else(|_| "[]".to_owned());
    let extra = serde_json::to_string(&meeting.extra).unwrap_or_else(|_| "{}".to_owned());
    let time = meeting.time.map(|t| t.to_string());
    let end_time = meeting.end_time.map(|t| t.to_string());
    let attendance = meeting.attendance().as_str();
    let display_address = meeting.address();
    // The stored columns, each once: the INSERT and the UPDATE are both built from this list.
    let mut columns: Vec<(&str, &dyn ToSql)> = vec![
        ("slug", &meeting.slug),
        ("name", &meeting.name),
        ("group_slug", &meeting.group_slug),
        ("time", &time),
        ("end_time", &end_time),
        ("timezone", &meeting.timezone),
        ("location", &meeting.location),
        ("formatted_address", &meeting.formatted_address),
        ("approximate", &meeting.approximate),
        ("latitude", &meeting.latitude),
        ("longitude", &meeting.longitude),
        ("regions", &regions),
        ("conference_url", &meeting.conference_url),
        ("conference_url_notes", &meeting.conference_url_notes),
        ("conference_phone", &meeting.conference_phone),
        ("conference_phone_notes", &meeting.conference_phone_notes),
        ("notes", &meeting.notes),
        ("location_notes", &meeting.location_notes),
        ("home_group", &meeting.home_group),
        ("updated", &meeting.updated),
        ("attendance", &attendance),
        ("extra", &extra),
        ("fingerprint", &fingerprint),
        ("types", &types),
        ("sample", &sample),
        ("display_address", &display_address),
    ];
    // A source's meeting: which source, and the feed's own slug (meetings entered here have none).
    let (source_id, source_slug) = origin.unzip();
    if origin.is_some() {
        columns.extend([("source_id", &source_id as &dyn ToSql), ("source_slug", &source_slug)]);
    }
    // The statement's text is the same for every meeting of a kind: made once, then reused.
    static STATEMENTS: [OnceLock<String>; 4] = [const { OnceLock::new() }; 4];
    let kind = usize::from(id.is_some()) * 2 + usize::from(origin.is_some());
    let statement = STATEMENTS[kind].get_or_init(|| {
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        match id {
            Some(_) => {
                let assignments: Vec<String> =
                    names.iter().zip(1..).map(|(name, number)| format!("{name} = ?{number}")).collect();
                let id_number = names.len() + 1;
                format!("UPDATE meetings SET {}, archived = 0 WHERE id = ?{id_number}", assignments.join(", "))
            }
            None => {
                let numbers: Vec<String> = (1..=names.len()).map(|number| format!("?{number}")).collect();
                format!("INSERT INTO meetings ({}) VALUES ({})", names.join(", "), numbers.join(", "))
            }
        }
    });
    let mut values: Vec<&dyn ToSql> = columns.iter().map(|(_, value)| *value).collect();
    let id = match id {
        Some(id) => {
            values.push(&id);
            transaction.prepare_cached(statement)?.execute(values.as_slice())?;
            transaction.prepare_cached("DELETE FROM meeting_weekdays WHERE meeting_id = ?1")?.execute([id])?;
            id
        }
        None => {
            transaction.prepare_cached(statement)?.execute(values.as_slice())?;
            transaction.last_insert_rowid()
        }
    };
    let mut add_day =
        transaction.prepare_cached("INSERT OR IGNORE INTO meeting_weekdays (meeting_id, day) VALUES (?1, ?2)")?;
    for day in &meeting.days {
        add_day.execute(params![id, day.number()])?;
    }
    Ok(id)
}
