//! Sources: the feeds staff follow, with what the last fetch of each gave (validators for
//! conditional requests, last success, last error, counts). Their meetings are written by
//! `import.rs` ([`Store::import_source`]); the fetching is `crate::sync`'s.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{Store, StoreError};
use crate::feed::SourceFormat;

/// What `source add` registers.
#[derive(Debug, Clone, Default)]
pub struct NewSource {
    /// Slug-like (lower-case letters, digits, hyphens): it may prefix meeting slugs.
    pub name: String,
    pub url: String,
    /// The fellowship of the feed's meetings that do not name one.
    pub group_slug: String,
    /// Zone of the feed's meetings that name none (IANA); `None`: the site's zone.
    pub timezone: Option<String>,
    pub format: SourceFormat,
    /// BMLT service body ids to read (with their children); empty: all.
    pub services: Vec<u32>,
    /// The web form where the source's people take changes (`source add --change-form`).
    pub change_form: Option<String>,
    /// Redirects to other hosts are followed (`source add --follow-redirects`).
    pub follow_redirects: bool,
}

/// A registered source and how its last fetches went.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub group_slug: String,
    pub timezone: Option<String>,
    pub format: SourceFormat,
    /// BMLT service body ids to read (with their children); empty: all.
    pub services: Vec<u32>,
    /// The web form where the source's people take changes: its meetings' `feedback_url`.
    pub change_form: Option<String>,
    /// Redirects to other hosts are followed; otherwise only within the source's host and port.
    pub follow_redirects: bool,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_success_at: Option<Timestamp>,
    pub last_error: Option<String>,
    pub last_error_at: Option<Timestamp>,
    /// Active meetings after the last good import.
    pub meeting_count: u64,
    /// Warnings of the last good import.
    pub warning_count: u64,
    pub created_at: Option<Timestamp>,
}

impl Source {
    /// A source not registered (yet): what a preview fetches, with no validators and no history.
    pub fn unsaved(source: &NewSource) -> Source {
        Source {
            id: 0,
            name: source.name.clone(),
            url: source.url.clone(),
            group_slug: source.group_slug.clone(),
            timezone: source.timezone.clone(),
            format: source.format,
            services: source.services.clone(),
            change_form: source.change_form.clone(),
            follow_redirects: source.follow_redirects,
            etag: None,
            last_modified: None,
            last_success_at: None,
            last_error: None,
            last_error_at: None,
            meeting_count: 0,
            warning_count: 0,
            created_at: None,
        }
    }

    /// The feed's address as pages, the command line, logs and error messages show it: scheme,
    /// host, port and path, without `user:password@`, query (`?api_key=…`) or fragment, which may
    /// hold secrets. (The stored URL, as entered, is what `sync` fetches.)
    pub fn address(&self) -> String {
        address_of(&self.url)
    }

    /// `message` with this source's URL as [`Self::address`] shows it, and its password and
    /// query values, wherever they appear (an HTTP library's error may quote them), hidden.
    pub fn without_secrets(&self, message: &str) -> String {
        let mut message = message.replace(&self.url, &self.address());
        if let Ok(url) = url::Url::parse(&self.url) {
            let mut secrets: Vec<String> = url.query_pairs().map(|(_, value)| value.into_owned()).collect();
            secrets.extend(url.query().map(str::to_owned));
            secrets.extend(url.password().map(str::to_owned));
            secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
            for secret in secrets.iter().filter(|secret| secret.len() >= 3) {
                message = message.replace(secret.as_str(), "…");
            }
        }
        message
    }

    /// Did the most recent attempt fail (an error newer than the last success)?
    pub fn last_attempt_failed(&self) -> bool {
        match (self.last_error_at, self.last_success_at) {
            (Some(error), Some(success)) => error > success,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// A URL's scheme, host, port and path (see [`Source::address`]); text that is no URL, as it is
/// up to its first `?`, with anything before an `@` left out.
pub fn address_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) if parsed.has_host() => {
            let port = parsed.port().map(|port| format!(":{port}")).unwrap_or_default();
            format!("{}://{}{port}{}", parsed.scheme(), parsed.host_str().unwrap_or_default(), parsed.path())
        }
        _ => {
            let before_query = url.split(['?', '#']).next().unwrap_or_default();
            before_query.rsplit_once('@').map_or(before_query, |(_, after)| after).to_owned()
        }
    }
}

/// What a good fetch brought besides the meetings: its validators and the reader's warnings.
#[derive(Debug, Clone, Default)]
pub struct SourceFetch {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub warnings: usize,
}

/// The columns of `sources` that [`source_from_row`] reads, by name.
const SOURCE_COLUMNS: &str =
    "id, name, url, group_slug, timezone, format, services, change_form, follow_redirects, etag, last_modified, last_success_at, last_error,
     last_error_at, meeting_count, warning_count, created_at";

fn source_from_row(row: &rusqlite::Row) -> rusqlite::Result<Source> {
    let time = |column: &str| -> rusqlite::Result<Option<Timestamp>> {
        Ok(row.get::<_, Option<String>>(column)?.and_then(|text| text.parse().ok()))
    };
    Ok(Source {
        id: row.get("id")?,
        name: row.get("name")?,
        url: row.get("url")?,
        group_slug: row.get("group_slug")?,
        timezone: row.get("timezone")?,
        format: SourceFormat::parse(&row.get::<_, String>("format")?).unwrap_or_default(),
        services: row
            .get::<_, Option<String>>("services")?
            .unwrap_or_default()
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect(),
        change_form: row.get("change_form")?,
        follow_redirects: row.get("follow_redirects")?,
        etag: row.get("etag")?,
        last_modified: row.get("last_modified")?,
        last_success_at: time("last_success_at")?,
        last_error: row.get("last_error")?,
        last_error_at: time("last_error_at")?,
        meeting_count: row.get::<_, i64>("meeting_count")?.unsigned_abs(),
        warning_count: row.get::<_, i64>("warning_count")?.unsigned_abs(),
        created_at: time("created_at")?,
    })
}

impl Store {
    /// Registers a source. A removed source of the same name comes back (its meetings keep their
    /// public slugs) and is fetched in full at the next sync.
    pub fn add_source(&self, source: &NewSource) -> Result<Source, StoreError> {
        self.add_source_as(source, None)
    }

    /// [`Store::add_source`], written to the audit log as done by `actor` (a staff account)
    /// when one is given, in the same transaction.
    pub fn add_source_as(&self, source: &NewSource, actor: Option<&str>) -> Result<Source, StoreError> {
        let mut connection = self.writer()?;
        let transaction = connection.transaction()?;
        let added = add_source_in(&transaction, source)?;
        if let Some(actor) = actor {
            let note = format!("{} ({})", added.name, added.address());
            super::staff::log(&transaction, actor, "added the source", None, None, &[], Some(&note))?;
        }
        transaction.commit()?;
        Ok(added)
    }

    /// What adding `source` and importing its first set would do, written nowhere: the source is
    /// registered and `fill` hands its meetings to the writer inside one transaction that is then
    /// rolled back (the staff pages' preview). The same checks as [`Store::add_source`] and
    /// [`Store::import_source_streamed`].
    pub fn dry_run_source<E: From<StoreError>>(
        &self,
        source: &NewSource,
        fill: impl FnOnce(&mut super::SetWriter) -> Result<(), E>,
    ) -> Result<super::ImportSummary, E> {
        let mut connection = self.writer()?;
        let transaction = connection.transaction().map_err(StoreError::from)?;
        let added = add_source_in(&transaction, source)?;
        let summary = super::import::write_source_set(&transaction, &added, fill)?;
        transaction.rollback().map_err(StoreError::from)?;
        Ok(summary)
    }

    /// Removes a source: its meetings are archived (their rows stay, so re-adding the source
    /// brings them back under the same addresses). Returns how many were archived.
    pub fn remove_source(&self, name: &str) -> Result<usize, StoreError> {
        self.remove_source_as(name, None)
    }

    /// [`Store::remove_source`], written to the audit log as done by `actor` when one is given.
    pub fn remove_source_as(&self, name: &str, actor: Option<&str>) -> Result<usize, StoreError> {
        let mut connection = self.writer()?;
        let transaction = connection.transaction()?;
        let source = source_named(&transaction, name)?.ok_or_else(|| StoreError::NoSource(name.to_owned()))?;
        let archived = super::import::archive_source_meetings(&transaction, source.id, &Default::default())?;
        transaction.execute(
            "UPDATE sources SET removed_at = :now, meeting_count = 0 WHERE id = :id",
            named_params! { ":now": Timestamp::now().to_string(), ":id": source.id },
        )?;
        if archived > 0 {
            transaction.execute("UPDATE revision SET value = value + 1 WHERE id = 1", [])?;
        }
        if let Some(actor) = actor {
            let note = format!("{name}; {archived} of its meetings were archived");
            super::staff::log(&transaction, actor, "removed the source", None, None, &[], Some(&note))?;
        }
        transaction.commit()?;
        self.revision()?;
        Ok(archived)
    }

    /// Every registered source, by name.
    pub fn sources(&self) -> Result<Vec<Source>, StoreError> {
        let connection = self.connection()?;
        let mut statement = connection
            .prepare(&format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE removed_at IS NULL ORDER BY name"))?;
        let sources = statement.query_map([], source_from_row)?.collect::<Result<_, _>>()?;
        Ok(sources)
    }

    /// One registered source by name.
    pub fn source(&self, name: &str) -> Result<Option<Source>, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        source_named(&transaction, name)
    }

    /// The source an active meeting comes from (by its public slug); `None` when it was entered
    /// here (the CLI `import`, staff) or there is no such meeting.
    pub fn source_of_meeting(&self, slug: &str) -> Result<Option<Source>, StoreError> {
        let connection = self.connection()?;
        let columns = SOURCE_COLUMNS.split(", ").map(|column| format!("s.{}", column.trim())).collect::<Vec<_>>();
        Ok(connection
            .query_row(
                &format!(
                    "SELECT {} FROM meetings m JOIN sources s ON s.id = m.source_id
                     WHERE m.slug = ?1 AND m.archived = 0",
                    columns.join(", ")
                ),
                [slug],
                source_from_row,
            )
            .optional()?)
    }

    /// Records a failed fetch or import; the source's meetings stay as they were.
    pub fn record_source_failure(&self, id: i64, error: &str) -> Result<(), StoreError> {
        self.writer()?.execute(
            "UPDATE sources SET last_error = :error, last_error_at = :now WHERE id = :id",
            named_params! { ":error": error, ":now": Timestamp::now().to_string(), ":id": id },
        )?;
        Ok(())
    }

    /// Records a fetch that found the feed unchanged (a 304): a success, nothing else moves.
    pub fn record_source_unchanged(&self, id: i64) -> Result<(), StoreError> {
        self.writer()?.execute(
            "UPDATE sources SET last_success_at = :now WHERE id = :id",
            named_params! { ":now": Timestamp::now().to_string(), ":id": id },
        )?;
        Ok(())
    }
}

/// Registers a source inside a transaction (see [`Store::add_source`]).
fn add_source_in(transaction: &Transaction, source: &NewSource) -> Result<Source, StoreError> {
    let existing: Option<Option<String>> = transaction
        .query_row("SELECT removed_at FROM sources WHERE name = ?1", [&source.name], |row| row.get("removed_at"))
        .optional()?;
    let values = named_params! {
        ":name": source.name,
        ":url": source.url,
        ":group_slug": source.group_slug,
        ":timezone": source.timezone,
        ":format": source.format.as_str(),
        ":services": (!source.services.is_empty())
            .then(|| source.services.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")),
        ":change_form": source.change_form,
        ":follow_redirects": source.follow_redirects,
        ":now": Timestamp::now().to_string(),
    };
    match existing {
        Some(None) => return Err(StoreError::SourceExists(source.name.clone())),
        Some(Some(_)) => transaction.execute(
            "UPDATE sources SET url = :url, group_slug = :group_slug, timezone = :timezone, format = :format,
                 services = :services, change_form = :change_form, follow_redirects = :follow_redirects, etag = NULL,
                 last_modified = NULL, removed_at = NULL, created_at = :now
             WHERE name = :name",
            values,
        )?,
        None => transaction.execute(
            "INSERT INTO sources (name, url, group_slug, timezone, format, services, change_form, follow_redirects, created_at)
             VALUES (:name, :url, :group_slug, :timezone, :format, :services, :change_form, :follow_redirects, :now)",
            values,
        )?,
    };
    source_named(transaction, &source.name)?.ok_or_else(|| StoreError::NoSource(source.name.clone()))
}

/// A registered (not removed) source by name, inside a transaction.
fn source_named(transaction: &Transaction, name: &str) -> Result<Option<Source>, StoreError> {
    Ok(transaction
        .query_row(
            &format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE name = ?1 AND removed_at IS NULL"),
            [name],
            source_from_row,
        )
        .optional()?)
}

/// Records a good import of a source, in the import's transaction: its validators, the time,
/// and its counts.
pub(super) fn record_success(transaction: &Transaction, id: i64, fetch: &SourceFetch) -> Result<(), StoreError> {
    let warnings = i64::try_from(fetch.warnings).unwrap_or(i64::MAX);
    transaction.execute(
        "UPDATE sources SET etag = :etag, last_modified = :last_modified, last_success_at = :now,
             warning_count = :warnings,
             meeting_count = (SELECT count(*) FROM meetings WHERE source_id = :id AND archived = 0)
         WHERE id = :id",
        named_params! {
            ":etag": fetch.etag,
            ":last_modified": fetch.last_modified,
            ":now": Timestamp::now().to_string(),
            ":warnings": warnings,
            ":id": id,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str) -> Source {
        Source::unsaved(&NewSource {
            name: "metro".into(),
            url: url.into(),
            group_slug: "alcoholics-anonymous".into(),
            timezone: None,
            format: SourceFormat::MeetingGuide,
            services: Vec::new(),
            change_form: None,
            follow_redirects: false,
        })
    }

    #[test]
    fn an_address_is_shown_without_its_password_query_or_fragment() {
        assert_eq!(
            address_of("https://u:p%40ss@Feeds.Example.org:8443/a/b.json?key=1#x"),
            "https://feeds.example.org:8443/a/b.json"
        );
        assert_eq!(address_of("https://feeds.example.org/meetings.json"), "https://feeds.example.org/meetings.json");
        assert_eq!(address_of("user:pw@feeds.example/x?key=1"), "feeds.example/x", "not a URL: still no secret");
        let quoted = source("http://u:pw-s3cret@127.0.0.1:9/f.json?api_key=k%20abc123&x=1");
        let message = quoted.without_secrets(
            "fetching http://u:pw-s3cret@127.0.0.1:9/f.json?api_key=k%20abc123&x=1: bad uri: pw-s3cret k abc123",
        );
        assert_eq!(message, "fetching http://127.0.0.1:9/f.json: bad uri: … …");
    }
}
