//! Keeping sources current: fetching each registered feed over HTTP(S) (a timeout, a size limit,
//! gzip, conditional requests, redirects only where they are safe) into a temporary file, then
//! reading it record by record into `db` as the source's whole set, one transaction per source:
//! memory holds one record, never the feed. A source that fails keeps its last good meetings and
//! never stops the others.
//!
//! The fetch ([`fetch`], giving a [`Download`]) knows nothing of formats: a reader of any format
//! takes the download's bytes or its reader. A BMLT source is several requests, each through
//! [`fetch`] (see [`fetch_bmlt`]), made into one download.

use std::fmt;
use std::io::{BufRead, Read, Seek, Write};
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use actix_web::web;

use crate::db::{ImportSummary, NewSource, Source, SourceFetch, StoreError};
use crate::feed::{self, FeedDefaults, RecordStream, SourceFormat};
use crate::state::{AppState, Core};

/// How long a fetch may take, how large a feed may be and how many records it may list.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// For connecting, and for the whole request including the body and any redirects.
    pub timeout: Duration,
    /// For all of one source's requests together (a BMLT source makes several, a page each).
    pub source_timeout: Duration,
    /// The largest feed read, in bytes after decompression.
    pub max_bytes: u64,
    /// The most records one source's feed may list.
    pub max_records: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            timeout: Duration::from_secs(30),
            source_timeout: Duration::from_secs(300),
            max_bytes: MAX_FEED_BYTES,
            max_records: MAX_RECORDS,
        }
    }
}

/// The largest feed a sync reads unless `sync --max-bytes` says otherwise, in bytes after
/// decompression (and the largest file the staff upload takes).
pub const MAX_FEED_BYTES: u64 = 50 * 1024 * 1024;

/// The most records a source's feed may list, unless `sync --max-records` says otherwise: far
/// above any real intergroup's feed (a few thousand), far below what would swamp the site.
pub const MAX_RECORDS: usize = 200_000;

/// Redirects followed for one fetch, at most.
const MAX_REDIRECTS: usize = 5;

/// Bad records named in a failed sync's message (the rest are counted).
const ERRORS_SHOWN: usize = 3;

/// What one source's sync did.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The server answered 304: the feed has not changed since the last good fetch.
    Unchanged,
    /// The feed was read and imported as the source's whole set.
    Imported { read: usize, warnings: usize, summary: ImportSummary },
    /// Nothing was written; the source keeps its last good meetings. The reason, in words.
    Failed(String),
}

/// One source's line of a sync run.
#[derive(Debug, Clone)]
pub struct SourceReport {
    pub name: String,
    pub outcome: Outcome,
    /// Where the feed was fetched from when the source's address redirected elsewhere.
    pub redirected_to: Option<String>,
}

impl SourceReport {
    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

impl fmt::Display for SourceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::Unchanged => write!(f, "{}: unchanged (304)", self.name)?,
            Outcome::Imported { read, warnings, summary } => write!(
                f,
                "{}: {read} meetings read: {} added, {} updated, {} unchanged, {} archived; {warnings} warnings",
                self.name, summary.added, summary.updated, summary.unchanged, summary.archived
            )?,
            Outcome::Failed(reason) => {
                write!(f, "{}: FAILED, kept its last good meetings: {}", self.name, first_line(reason))?
            }
        }
        match &self.redirected_to {
            Some(url) if !self.failed() => write!(f, " (redirected to {url})"),
            _ => Ok(()),
        }
    }
}

/// The first line of a message, with how many more there are.
pub fn first_line(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or_default().to_owned();
    match lines.count() {
        0 => first,
        more => format!("{first} (and {more} more lines)"),
    }
}

/// Syncs the named sources (every registered one when `names` is empty), one after another.
/// An unknown name is an error before anything is fetched.
pub fn sync(
    core: &Core,
    default_timezone: &str,
    names: &[String],
    limits: &FetchLimits,
) -> anyhow::Result<Vec<SourceReport>> {
    sync_with(core, default_timezone, names, limits, &mut |_| {})
}

/// How a sync run goes, step by step (the staff page shows it while it runs).
pub enum Progress<'a> {
    /// The sources it will sync, in order.
    Planned(&'a [Source]),
    /// This source is being fetched and imported.
    Syncing(&'a Source),
    /// A source is done.
    Done(&'a SourceReport),
}

/// [`sync`], telling `progress` each step.
pub fn sync_with(
    core: &Core,
    default_timezone: &str,
    names: &[String],
    limits: &FetchLimits,
    progress: &mut dyn FnMut(Progress),
) -> anyhow::Result<Vec<SourceReport>> {
    let sources = if names.is_empty() {
        core.store.sources()?
    } else {
        let mut sources = Vec::with_capacity(names.len());
        for name in names {
            sources
                .push(core.store.source(name)?.ok_or_else(|| anyhow::anyhow!("there is no source named \"{name}\""))?);
        }
        sources
    };
    progress(Progress::Planned(&sources));
    let agent = agent(limits);
    let spool = core.store.folder();
    let mut reports = Vec::with_capacity(sources.len());
    for source in &sources {
        progress(Progress::Syncing(source));
        let report = sync_one(core, &agent, default_timezone, source, limits, spool);
        progress(Progress::Done(&report));
        reports.push(report);
    }
    Ok(reports)
}

/// What is wrong with one field of a source as typed: the field (`name`, `url`, `group`,
/// `timezone`, `services`) and why, in words.
pub type EntryProblem = (&'static str, String);

/// The source to register from one as typed (on `source add`'s command line or the staff form:
/// an empty group is none), or every problem with what was typed, each naming its field.
pub fn check_source(typed: &NewSource, core: &Core) -> Result<NewSource, Vec<EntryProblem>> {
    let mut problems = Vec::new();
    let name = typed.name.trim();
    if name.is_empty()
        || name.len() > 40
        || !name.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        problems.push((
            "name",
            format!(
                "source name \"{}\": use 1 to 40 lower-case letters, digits and hyphens (like \"metro-intergroup\")",
                feed::text::escaped(name)
            ),
        ));
    }
    let url = typed.url.trim();
    // Even a URL refused here is shown without its password or query.
    let shown_url = crate::db::address_of(url);
    match url::Url::parse(url) {
        Err(error) => problems.push(("url", format!("URL \"{shown_url}\" cannot be read: {error}"))),
        Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() => {
            problems.push(("url", format!("URL \"{shown_url}\": give a full http:// or https:// address")))
        }
        Ok(_) => {}
    }
    let group = match (typed.group_slug.trim(), typed.format) {
        ("", SourceFormat::Bmlt) => crate::bmlt::DEFAULT_GROUP,
        ("", SourceFormat::MeetingGuide) => {
            problems.push(("group", "--group SLUG: the fellowship of the feed's meetings".to_owned()));
            ""
        }
        (group, _) => {
            if core.content.group(group).is_none() {
                let shown = feed::text::escaped(group);
                problems.push(("group", format!("--group {shown}: there is no such group")));
            }
            group
        }
    };
    if !typed.services.is_empty() && typed.format != SourceFormat::Bmlt {
        problems.push(("services", "--services goes with --format bmlt (BMLT service body ids)".to_owned()));
    }
    let change_form = typed.change_form.as_deref().map(str::trim).filter(|form| !form.is_empty());
    if change_form.is_some() && typed.format != SourceFormat::Bmlt {
        problems.push((
            "change_form",
            "--change-form goes with --format bmlt (a Meeting Guide feed names its own feedback_url)".to_owned(),
        ));
    }
    if let Some(form) = change_form
        && !url::Url::parse(form).is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
    {
        let shown = feed::text::escaped(form);
        problems.push(("change_form", format!("--change-form \"{shown}\": give a full http:// or https:// address")));
    }
    let timezone = match typed.timezone.as_deref().map(str::trim).filter(|zone| !zone.is_empty()) {
        Some(zone) => match jiff::tz::TimeZone::get(zone).ok().and_then(|zone| zone.iana_name().map(str::to_owned)) {
            Some(name) => Some(name),
            None => {
                problems.push((
                    "timezone",
                    format!(
                        "time zone \"{}\": not an IANA time zone (like America/Chicago)",
                        feed::text::escaped(zone)
                    ),
                ));
                None
            }
        },
        None => None,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let url = match typed.format {
        SourceFormat::Bmlt => crate::bmlt::fetch::root_of(url),
        SourceFormat::MeetingGuide => url.to_owned(),
    };
    Ok(NewSource {
        name: name.to_owned(),
        url,
        group_slug: group.to_owned(),
        timezone,
        format: typed.format,
        services: typed.services.clone(),
        change_form: change_form.map(str::to_owned),
        follow_redirects: typed.follow_redirects,
    })
}

/// Warnings a preview shows (the rest are counted).
pub const PREVIEW_WARNINGS: usize = 20;
/// Meetings a preview lists with their zone (the zones' counts cover them all).
pub const PREVIEW_MEETINGS: usize = 200;

/// What a new source's first sync would bring, found by fetching it and importing it into a
/// transaction that is rolled back: nothing is written.
#[derive(Debug, Clone)]
pub struct Preview {
    pub read: usize,
    pub warning_count: usize,
    /// The first [`PREVIEW_WARNINGS`].
    pub warnings: Vec<feed::RecordWarning>,
    /// What the import would do (the sample meetings a first real import retires among the archived).
    pub summary: ImportSummary,
    /// How many meetings each zone would get, most first.
    pub zones: Vec<(String, usize)>,
    /// The first [`PREVIEW_MEETINGS`] meetings: name, days and time, zone.
    pub meetings: Vec<(String, String, String)>,
    /// Where the feed was fetched from when the address redirected elsewhere.
    pub redirected_to: Option<String>,
}

impl Preview {
    /// What the first sync would do, in words (as `import --dry-run` says it).
    pub fn line(&self) -> String {
        self.summary.describe(self.read, self.warning_count, true)
    }
}

/// Fetches and reads a source that is not registered, as [`sync`] would, and imports it into a
/// transaction that is rolled back (a name already taken is refused as `source add` refuses it).
/// Every failure in words, without the URL's secrets.
pub fn preview(core: &Core, default_timezone: &str, new: &NewSource, limits: &FetchLimits) -> Result<Preview, String> {
    let source = Source::unsaved(new);
    let mut download = match fetch_set(&agent(limits), &source, limits, core.store.folder()) {
        Ok(Fetched::Feed(download)) => download,
        Ok(Fetched::NotModified { .. }) => return Err("the server answered 304 (not modified)".to_owned()),
        Err(reason) => return Err(source.without_secrets(&reason)),
    };
    let redirected_to = download.redirected.clone();
    let defaults = source_defaults(core, default_timezone, &source);
    let mut zones = std::collections::BTreeMap::<String, usize>::new();
    let mut meetings = Vec::new();
    let mut read = None;
    let summary = core.store.dry_run_source(new, |writer| {
        read =
            Some(read_set(&mut download, &defaults, &source, limits.max_records, PREVIEW_WARNINGS, &mut |meeting| {
                let zone = meeting.timezone.clone();
                if meetings.len() < PREVIEW_MEETINGS {
                    let days: Vec<&str> = meeting.days.iter().map(|day| day.name()).collect();
                    let time = meeting.time.map(|time| time.to_string()).unwrap_or_default();
                    meetings.push((
                        meeting.name.clone(),
                        format!("{} {time}", days.join(", ")).trim().to_owned(),
                        zone.clone(),
                    ));
                }
                *zones.entry(zone).or_default() += 1;
                writer.add(meeting).map_err(Failure::from)
            })?);
        Ok::<_, Failure>(())
    });
    let summary = summary.map_err(|Failure(reason)| source.without_secrets(&reason))?;
    let read = read.unwrap_or_default();
    let mut zones: Vec<(String, usize)> = zones.into_iter().collect();
    zones.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Preview {
        read: read.records,
        warning_count: read.warning_count,
        warnings: read.warnings,
        summary,
        zones,
        meetings,
        redirected_to,
    })
}

/// How a source's feed is read: its zone and group for records that name none, the known groups.
fn source_defaults(core: &Core, default_timezone: &str, source: &Source) -> FeedDefaults {
    FeedDefaults {
        import_timezone: source.timezone.clone(),
        group_slug: Some(source.group_slug.clone()),
        change_form: source.change_form.clone(),
        known_groups: Some(core.content.groups.iter().map(|group| group.slug.clone()).collect()),
        ..FeedDefaults::new(default_timezone)
    }
}

/// The HTTP client of every fetch: our limits, redirects left to [`fetch`].
fn agent(limits: &FetchLimits) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(limits.timeout))
        .timeout_global(Some(limits.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("mutual-support-directory/", env!("CARGO_PKG_VERSION"), " (feed sync)"))
        .build()
        .into()
}

fn sync_one(
    core: &Core,
    agent: &ureq::Agent,
    default_timezone: &str,
    source: &Source,
    limits: &FetchLimits,
    spool: Option<&std::path::Path>,
) -> SourceReport {
    let mut redirected_to = None;
    let outcome = match fetch_set(agent, source, limits, spool) {
        Ok(Fetched::NotModified { redirected }) => {
            redirected_to = redirected;
            match core.store.record_source_unchanged(source.id) {
                Ok(()) => Outcome::Unchanged,
                Err(error) => Outcome::Failed(format!("recording the sync: {error}")),
            }
        }
        Ok(Fetched::Feed(download)) => {
            redirected_to = download.redirected.clone();
            let defaults = source_defaults(core, default_timezone, source);
            import_download(core, source, download, &defaults, limits)
        }
        Err(reason) => Outcome::Failed(reason),
    };
    // The URL's password and query (`?api_key=…`) stay out of the record, the output and the log.
    let outcome = match outcome {
        Outcome::Failed(reason) => Outcome::Failed(source.without_secrets(&reason)),
        other => other,
    };
    if let Outcome::Failed(reason) = &outcome {
        if let Err(error) = core.store.record_source_failure(source.id, reason) {
            tracing::error!(source = source.name, %error, "could not record a failed sync");
        }
        core.mailer.notify(crate::mail::Notice::sync_failed(&source.name, reason));
    }
    SourceReport { name: source.name.clone(), outcome, redirected_to }
}

/// Why a source's set was not imported, in words (a store error included).
struct Failure(String);

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        Failure(format!("nothing was imported: {error}"))
    }
}

/// Reads a download into the source's set, record by record, in one transaction.
fn import_download(
    core: &Core,
    source: &Source,
    mut download: Download,
    defaults: &FeedDefaults,
    limits: &FetchLimits,
) -> Outcome {
    let (etag, last_modified) = (download.etag.take(), download.last_modified.take());
    let mut counts = (0, 0);
    let imported = core.store.import_source_streamed(source, |writer| {
        let read = read_set(&mut download, defaults, source, limits.max_records, 0, &mut |meeting| {
            writer.add(meeting).map_err(Failure::from)
        })?;
        counts = (read.records, read.warning_count);
        Ok(SourceFetch { etag, last_modified, warnings: read.warning_count })
    });
    match imported {
        Ok(summary) => Outcome::Imported { read: counts.0, warnings: counts.1, summary },
        Err(Failure(reason)) => Outcome::Failed(reason),
    }
}

/// What reading a feed found: its records, and its warnings (counted, the first few kept).
#[derive(Debug, Default)]
struct FeedCounts {
    records: usize,
    warning_count: usize,
    warnings: Vec<feed::RecordWarning>,
}

/// Reads a source's download (a Meeting Guide JSON feed, streamed record by record; CSV or a
/// BMLT source's answers, read whole within the size limit) and hands each good meeting to
/// `each`; after the first bad record nothing more is handed over, but every record is still
/// read, so all errors are counted. More than `max_records` is an error naming the source, and so
/// is a feed listing none. The first `warnings_kept` warnings are kept.
fn read_set(
    download: &mut Download,
    defaults: &FeedDefaults,
    source: &Source,
    max_records: usize,
    warnings_kept: usize,
    each: &mut dyn FnMut(&crate::meetings::Meeting) -> Result<(), Failure>,
) -> Result<FeedCounts, Failure> {
    let too_many = || {
        Failure(format!(
            "source \"{}\": the feed lists more than {max_records} records, the most one source may have \
             (`sync --max-records`); nothing was imported",
            source.name
        ))
    };
    let unreadable = |error: std::io::Error| Failure(format!("reading the downloaded feed: {error}"));
    let mut reader = download.reader().map_err(unreadable)?;
    let streamed = source.format == SourceFormat::MeetingGuide
        && matches!(first_bytes(&mut reader).map_err(unreadable)?.first(), Some(b'[' | b'{'));
    let counts = if streamed {
        let mut stream = RecordStream::keeping(defaults, ERRORS_SHOWN.max(warnings_kept));
        let mut failure = None;
        feed::each_meeting_guide_record(reader, &mut |record| {
            if stream.records_read() >= max_records {
                failure = Some(too_many());
                return ControlFlow::Break(());
            }
            if let Some(meeting) = stream.read(record)
                && stream.error_count() == 0
                && let Err(error) = each(&meeting)
            {
                failure = Some(error);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        })
        .map_err(cannot_read)?;
        if let Some(failure) = failure {
            return Err(failure);
        }
        if stream.error_count() > 0 {
            return Err(Failure(bad_records(stream.errors(), stream.error_count())));
        }
        let warnings = stream.warnings().iter().take(warnings_kept).cloned().collect();
        FeedCounts { records: stream.records_read(), warning_count: stream.warning_count(), warnings }
    } else {
        // CSV (or not text at all), or BMLT: read whole, within the size limit the fetch enforced.
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(unreadable)?;
        let read = match source.format {
            SourceFormat::MeetingGuide => feed::parse_any(&bytes, defaults),
            SourceFormat::Bmlt => crate::bmlt::read(&bytes, None, defaults),
        };
        let read = read.map_err(|error| match error {
            feed::FeedError::Records(records) => Failure(bad_records(&records, records.len())),
            other => cannot_read(other),
        })?;
        if read.meetings.len() > max_records {
            return Err(too_many());
        }
        for meeting in &read.meetings {
            each(meeting)?;
        }
        let warning_count = read.warnings.len();
        let warnings = read.warnings.into_iter().take(warnings_kept).collect();
        FeedCounts { records: read.meetings.len(), warning_count, warnings }
    };
    if counts.records == 0 {
        // A feed that suddenly lists nothing is far more often a broken server than an office
        // that closed every meeting: keep the last good set (`source remove` retires a source).
        return Err(Failure("the feed lists no meetings; the last good ones are kept".to_owned()));
    }
    Ok(counts)
}

fn cannot_read(error: feed::FeedError) -> Failure {
    Failure(format!("the feed cannot be read, nothing was imported: {error}"))
}

/// The first bytes of a feed after blanks and a byte-order mark, which are consumed.
fn first_bytes(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            continue;
        }
        let (length, blank) = (buffer.len(), buffer.iter().take_while(|byte| byte.is_ascii_whitespace()).count());
        if length == 0 || blank < length {
            let start = buffer[blank..].iter().take(4).copied().collect();
            reader.consume(blank);
            return Ok(start);
        }
        reader.consume(blank);
    }
}

/// A failed read's message, on one line (`source list` and the log show one line): the first
/// bad records and how many more.
fn bad_records(errors: &[feed::RecordError], count: usize) -> String {
    let first: Vec<String> = errors.iter().take(ERRORS_SHOWN).map(ToString::to_string).collect();
    let more = count.saturating_sub(first.len());
    format!(
        "the feed has {count} bad record(s), nothing was imported: {}{}",
        first.join("; "),
        if more > 0 { format!("; and {more} more") } else { String::new() }
    )
}

/// What a fetch brought.
pub enum Fetched {
    /// 304 to a conditional request; where it was redirected, if it was.
    NotModified {
        redirected: Option<String>,
    },
    Feed(Download),
}

/// A feed's body as fetched, kept in a temporary file (deleted when dropped), at most the size
/// limit, with the response's validators.
pub struct Download {
    file: std::fs::File,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The address the body came from when the source's own redirected.
    pub redirected: Option<String>,
}

impl Download {
    /// The body from its start, buffered.
    pub fn reader(&mut self) -> std::io::Result<std::io::BufReader<&std::fs::File>> {
        self.file.rewind()?;
        Ok(std::io::BufReader::with_capacity(64 * 1024, &self.file))
    }

    /// The whole body (within the size limit), for formats read whole.
    pub fn bytes(&mut self) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.reader()?.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// One conditional GET, within the limits, following redirects only where that is safe (see
/// [`check_redirect`]); the body is kept in a temporary file in `spool` (the system's temporary
/// folder when `None`); every failure in words.
pub fn fetch(
    agent: &ureq::Agent,
    source: &Source,
    limits: &FetchLimits,
    spool: Option<&std::path::Path>,
) -> Result<Fetched, String> {
    fetch_by(agent, source, limits, spool, Instant::now() + limits.timeout.min(limits.source_timeout))
}

/// [`fetch`], done within the request timeout and by `deadline` (the source's, which a BMLT
/// source's requests share).
fn fetch_by(
    agent: &ureq::Agent,
    source: &Source,
    limits: &FetchLimits,
    spool: Option<&std::path::Path>,
    deadline: Instant,
) -> Result<Fetched, String> {
    let started = Instant::now();
    // Which limit a timeout is: the source's when it ends before this request's own would.
    let source_bound = deadline < started + limits.timeout;
    let timed_out = || {
        if source_bound {
            format!(
                "no complete answers within {} s for all of the source's requests (`--source-timeout`; timed out)",
                limits.source_timeout.as_secs_f64()
            )
        } else {
            format!("no complete answer within {} s (timed out)", limits.timeout.as_secs_f64())
        }
    };
    let first =
        url::Url::parse(&source.url).map_err(|error| format!("the source's address cannot be read: {error}"))?;
    let describe = |error: ureq::Error, url: &url::Url| match error {
        ureq::Error::Timeout(_) => timed_out(),
        ureq::Error::BodyExceedsLimit(limit) => format!("the feed is larger than the limit of {limit} bytes"),
        other => format!("fetching {url}: {other}"),
    };
    let conditional = source.etag.is_some() || source.last_modified.is_some();
    let mut url = first.clone();
    for _ in 0..=MAX_REDIRECTS {
        let remaining =
            limits.timeout.saturating_sub(started.elapsed()).min(deadline.saturating_duration_since(Instant::now()));
        if remaining.is_zero() {
            return Err(timed_out());
        }
        let mut request = agent
            .get(url.as_str())
            .header("Accept", "application/json, text/csv;q=0.9, */*;q=0.1")
            .config()
            .timeout_global(Some(remaining))
            .build();
        if let Some(etag) = &source.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = &source.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
        let mut response = request.call().map_err(|error| describe(error, &url))?;
        let status = response.status();
        let header = |name: &str| response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
        let redirected = (url != first).then(|| url.to_string());
        if status == ureq::http::StatusCode::NOT_MODIFIED {
            if !conditional {
                return Err("the server answered 304 (not modified) to a first, unconditional request: \
                            there is nothing it could be unchanged from"
                    .to_owned());
            }
            return Ok(Fetched::NotModified { redirected });
        }
        if status.is_redirection() {
            let location =
                header("Location").ok_or_else(|| format!("the server answered {status} without saying where to"))?;
            let next =
                url.join(&location).map_err(|error| format!("the server redirected to \"{location}\": {error}"))?;
            check_redirect(&first, &next, source.follow_redirects)?;
            url = next;
            continue;
        }
        if !status.is_success() {
            return Err(format!("the server answered {status}"));
        }
        let (etag, last_modified) = (header("ETag"), header("Last-Modified"));
        let is_html =
            header("Content-Type").is_some_and(|kind| kind.trim_start().to_ascii_lowercase().starts_with("text/html"));
        let mut file = spool_file(spool)?;
        let mut body = response.body_mut().with_config().limit(limits.max_bytes).reader();
        std::io::copy(&mut body, &mut file).map_err(|error| match error.kind() {
            std::io::ErrorKind::StorageFull => format!("no room on the disk for the feed: {error}"),
            _ => describe(ureq::Error::from(error), &url),
        })?;
        let mut download = Download { file, etag, last_modified, redirected };
        let start = first_bytes(&mut download.reader().map_err(|error| error.to_string())?)
            .map_err(|error| format!("reading the downloaded feed: {error}"))?;
        if is_html || start.first() == Some(&b'<') {
            return Err("the server sent a web page (HTML), not a meeting feed".to_owned());
        }
        return Ok(Fetched::Feed(download));
    }
    Err(format!("more than {MAX_REDIRECTS} redirects; the feed was not fetched"))
}

/// A source's set as its format is fetched: one feed ([`fetch`]), or a BMLT root server's
/// answers ([`fetch_bmlt`]).
fn fetch_set(
    agent: &ureq::Agent,
    source: &Source,
    limits: &FetchLimits,
    spool: Option<&std::path::Path>,
) -> Result<Fetched, String> {
    match source.format {
        SourceFormat::MeetingGuide => fetch(agent, source, limits, spool),
        SourceFormat::Bmlt => fetch_bmlt(agent, source, limits, spool),
    }
}

/// A temporary file for a download, in `spool` (the system's temporary folder when `None`).
fn spool_file(spool: Option<&std::path::Path>) -> Result<std::fs::File, String> {
    spool
        .map_or_else(tempfile::tempfile, tempfile::tempfile_in)
        .map_err(|error| format!("making a temporary file for the feed: {error}"))
}

/// A BMLT source's set: its root server's answers (see [`crate::bmlt::fetch`]), each request
/// through [`fetch`] (the same timeout, size limit, redirect policy and checks; the first search
/// page carries the source's validators), made into one download; not modified when the first
/// search page is not. The timeout and the size limit hold for all the answers together (a
/// thousand pages may not take a thousand timeouts), and paging stops past `max_records`
/// meetings (which [`read_set`] then refuses).
fn fetch_bmlt(
    agent: &ureq::Agent,
    source: &Source,
    limits: &FetchLimits,
    spool: Option<&std::path::Path>,
) -> Result<Fetched, String> {
    let (mut validators, mut redirected) = ((None, None), None);
    let deadline = Instant::now() + limits.source_timeout;
    let mut get = |url: &str, first: bool| {
        let request = Source {
            url: url.to_owned(),
            etag: source.etag.clone().filter(|_| first),
            last_modified: source.last_modified.clone().filter(|_| first),
            ..source.clone()
        };
        Ok(match fetch_by(agent, &request, limits, spool, deadline)? {
            Fetched::NotModified { redirected: to } => {
                redirected = redirected.take().or(to);
                crate::bmlt::fetch::Answer::NotModified
            }
            Fetched::Feed(mut download) => {
                redirected = redirected.take().or(download.redirected.take());
                if first {
                    validators = (download.etag.take(), download.last_modified.take());
                }
                crate::bmlt::fetch::Answer::Body(
                    download.bytes().map_err(|error| format!("reading the downloaded answer: {error}"))?,
                )
            }
        })
    };
    let Some(bytes) =
        crate::bmlt::fetch(&source.url, &source.services, limits.max_bytes, limits.max_records, &mut get)?
    else {
        return Ok(Fetched::NotModified { redirected });
    };
    let mut file = spool_file(spool)?;
    file.write_all(&bytes).map_err(|error| match error.kind() {
        std::io::ErrorKind::StorageFull => format!("no room on the disk for the feed: {error}"),
        _ => format!("writing the answers down: {error}"),
    })?;
    Ok(Fetched::Feed(Download { file, etag: validators.0, last_modified: validators.1, redirected }))
}

/// A redirect is followed only to http or https, and only within the source's host and port
/// (an upgrade from http to https on the default ports counts as the same) unless the source
/// was added with `--follow-redirects`.
fn check_redirect(first: &url::Url, next: &url::Url, follow_anywhere: bool) -> Result<(), String> {
    if !matches!(next.scheme(), "http" | "https") {
        return Err(format!("the server redirected to {next}, which is not an http or https address; not followed"));
    }
    let same_host = next.host_str() == first.host_str()
        && (next.port_or_known_default() == first.port_or_known_default()
            || (first.scheme() == "http"
                && next.scheme() == "https"
                && next.port().is_none()
                && first.port().is_none()));
    if !same_host && !follow_anywhere {
        return Err(format!(
            "the server redirected to {next}, another host or port; not followed (add the source with \
             `--follow-redirects` to allow it, or give its new address)"
        ));
    }
    Ok(())
}

/// Runs [`sync`] of every source now and then every `every`, on its own thread (never on the web
/// server's workers). Each run that changes meetings bumps the data's revision, as any import does.
pub fn spawn_background(state: web::Data<AppState>, every: Duration) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new().name("sync".to_owned()).spawn(move || {
        loop {
            match sync(&state.core, &state.settings.default_timezone, &[], &FetchLimits::default()) {
                Ok(reports) => {
                    for report in reports {
                        if report.failed() {
                            tracing::warn!("sync: {report}");
                        } else {
                            tracing::info!("sync: {report}");
                        }
                    }
                }
                Err(error) => tracing::error!(%error, "sync could not run"),
            }
            std::thread::sleep(every);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_error_is_shown_by_its_first_line() {
        assert_eq!(first_line("2 bad record(s):\n  a\n  b"), "2 bad record(s): (and 2 more lines)");
        assert_eq!(first_line("timed out"), "timed out");
    }
}
