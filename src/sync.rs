//! Keeping sources current: fetching each registered feed over HTTP(S) (a timeout, a size limit,
//! gzip, conditional requests) and handing each good set to `db` as a whole, one transaction per
//! source. A source that fails keeps its last good meetings and never stops the others.

use std::fmt;
use std::time::Duration;

use actix_web::web;

use crate::db::{ImportSummary, Source, SourceFetch};
use crate::feed::{self, FeedDefaults};
use crate::meetings::Meeting;
use crate::state::{AppState, Core};

/// How long a fetch may take and how large a feed may be.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// For connecting, and for the whole request including the body.
    pub timeout: Duration,
    /// The largest feed read, in bytes after decompression.
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits { timeout: Duration::from_secs(30), max_bytes: 50 * 1024 * 1024 }
    }
}

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
}

impl SourceReport {
    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

impl fmt::Display for SourceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::Unchanged => write!(f, "{}: unchanged (304)", self.name),
            Outcome::Imported { read, warnings, summary } => write!(
                f,
                "{}: {read} meetings read: {} added, {} updated, {} unchanged, {} archived; {warnings} warnings",
                self.name, summary.added, summary.updated, summary.unchanged, summary.archived
            ),
            Outcome::Failed(reason) => {
                write!(f, "{}: FAILED, kept its last good meetings: {}", self.name, first_line(reason))
            }
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
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.timeout))
        .timeout_global(Some(limits.timeout))
        .http_status_as_error(false)
        .user_agent(concat!("mutual-support-directory/", env!("CARGO_PKG_VERSION"), " (feed sync)"))
        .build()
        .into();
    Ok(sources.iter().map(|source| sync_one(core, &agent, default_timezone, source, limits)).collect())
}

fn sync_one(
    core: &Core,
    agent: &ureq::Agent,
    default_timezone: &str,
    source: &Source,
    limits: &FetchLimits,
) -> SourceReport {
    let outcome = match fetch(agent, source, limits) {
        Ok(Fetched::NotModified) => match core.store.record_source_unchanged(source.id) {
            Ok(()) => Outcome::Unchanged,
            Err(error) => Outcome::Failed(format!("recording the sync: {error}")),
        },
        Ok(Fetched::Feed { bytes, etag, last_modified }) => {
            let defaults = FeedDefaults {
                import_timezone: source.timezone.clone(),
                group_slug: Some(source.group_slug.clone()),
                known_groups: Some(core.content.groups.iter().map(|group| group.slug.clone()).collect()),
                ..FeedDefaults::new(default_timezone)
            };
            match read_feed(&bytes, &defaults) {
                Ok((meetings, warnings)) => {
                    let fetch = SourceFetch { etag, last_modified, warnings };
                    match core.store.import_source(source, &meetings, &fetch) {
                        Ok(summary) => Outcome::Imported { read: meetings.len(), warnings, summary },
                        Err(error) => Outcome::Failed(format!("nothing was imported: {error}")),
                    }
                }
                Err(reason) => Outcome::Failed(reason),
            }
        }
        Err(reason) => Outcome::Failed(reason),
    };
    // The URL's password and query (`?api_key=…`) stay out of the record, the output and the log.
    let outcome = match outcome {
        Outcome::Failed(reason) => Outcome::Failed(source.without_secrets(&reason)),
        other => other,
    };
    if let Outcome::Failed(reason) = &outcome
        && let Err(error) = core.store.record_source_failure(source.id, reason)
    {
        tracing::error!(source = source.name, %error, "could not record a failed sync");
    }
    SourceReport { name: source.name.clone(), outcome }
}

/// Reads a fetched feed: its meetings and the number of warnings. The one call of the feed reader.
fn read_feed(bytes: &[u8], defaults: &FeedDefaults) -> Result<(Vec<Meeting>, usize), String> {
    let read = feed::parse_any(bytes, defaults).map_err(|error| match error {
        // On one line, naming the first records: `source list` and the log show one line.
        feed::FeedError::Records(records) => {
            let first: Vec<String> = records.iter().take(3).map(ToString::to_string).collect();
            let more = records.len().saturating_sub(first.len());
            format!(
                "the feed has {} bad record(s), nothing was imported: {}{}",
                records.len(),
                first.join("; "),
                if more > 0 { format!("; and {more} more") } else { String::new() }
            )
        }
        other => format!("the feed cannot be read, nothing was imported: {other}"),
    })?;
    let (meetings, warnings) = (read.meetings, read.warnings.len());
    if meetings.is_empty() {
        // A feed that suddenly lists nothing is far more often a broken server than an office
        // that closed every meeting: keep the last good set (`source remove` retires a source).
        return Err("the feed lists no meetings; the last good ones are kept".to_owned());
    }
    Ok((meetings, warnings))
}

/// What a fetch brought.
enum Fetched {
    NotModified,
    Feed { bytes: Vec<u8>, etag: Option<String>, last_modified: Option<String> },
}

/// One conditional GET, within the limits; every failure in words.
fn fetch(agent: &ureq::Agent, source: &Source, limits: &FetchLimits) -> Result<Fetched, String> {
    let mut request = agent.get(&source.url).header("Accept", "application/json, text/csv;q=0.9, */*;q=0.1");
    if let Some(etag) = &source.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(last_modified) = &source.last_modified {
        request = request.header("If-Modified-Since", last_modified);
    }
    let seconds = limits.timeout.as_secs_f64();
    let describe = |error: ureq::Error| match error {
        ureq::Error::Timeout(_) => format!("no complete answer within {seconds} s (timed out)"),
        ureq::Error::BodyExceedsLimit(limit) => format!("the feed is larger than the limit of {limit} bytes"),
        other => format!("fetching {}: {other}", source.url),
    };
    let mut response = request.call().map_err(describe)?;
    let status = response.status();
    if status == ureq::http::StatusCode::NOT_MODIFIED {
        return Ok(Fetched::NotModified);
    }
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    let header = |name: &str| response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
    let (etag, last_modified) = (header("ETag"), header("Last-Modified"));
    let is_html =
        header("Content-Type").is_some_and(|kind| kind.trim_start().to_ascii_lowercase().starts_with("text/html"));
    let bytes = response.body_mut().with_config().limit(limits.max_bytes).read_to_vec().map_err(describe)?;
    if is_html || bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'<') {
        return Err("the server sent a web page (HTML), not a meeting feed".to_owned());
    }
    Ok(Fetched::Feed { bytes, etag, last_modified })
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
