//! Machine-readable meeting lists: `/feed/meetings.json` (the Meeting Guide feed) and
//! `/meetings.ics` (a calendar), both taking the finder's filters and returning every match.
//!
//! A feed can be tens of megabytes, so it is never built in memory nor on the async workers: once
//! per data revision (and filter), a thread of its own writes it, meetings a few hundred at a time,
//! into a file under the data folder with its gzip copy beside it, and every request is answered
//! from the file (ETag, gzip when accepted, ranges). Files of older revisions are removed.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::cache::{BUILD, current_revision, entity_tag, not_modified};
use crate::error::AppError;
use crate::feed::{ExportFormat, for_the_public};
use crate::meetings::MeetingFilter;
use crate::state::{AppState, Core};

/// The full feeds' paths.
pub const MEETING_GUIDE: &str = "/feed/meetings.json";
pub const CALENDAR: &str = "/meetings.ics";

pub async fn meeting_guide(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    respond(state, request, ExportFormat::Json).await
}

pub async fn calendar(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    respond(state, request, ExportFormat::Ics).await
}

/// Meetings read from the store at a time while a feed is written: memory stays bounded.
const CHUNK: usize = 500;

/// Feed files kept for one revision before the filtered ones are cleared (any filter makes one).
const MOST_FILES: usize = 256;

/// One feed is written at a time, so many clients asking at once cost one writer, not many.
static WRITING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What a feed request asks for: its filter, the data's revision, the request's hash (the file's
/// name) and the feed's ETag.
struct FeedRequest {
    filter: MeetingFilter,
    revision: i64,
    hash: u64,
    etag: String,
}

async fn feed_request(state: &AppState, request: &HttpRequest) -> Result<FeedRequest, AppError> {
    let mut filter = state.meeting_filter(request.query_string());
    // Feeds have no language in their path; their 400 answers are in the default language.
    let lang = crate::i18n::Lang::DEFAULT;
    // Feeds carry temporarily closed meetings too: readers show them as such.
    filter.include_inactive = true;
    if let Some(notice) = filter.notices.first() {
        return Err(AppError::BadRequest(notice.text(lang)));
    }
    let revision = current_revision(state).await?;
    // A feed without "today"/"tonight" is the same all day (the calendar: its first dates) or
    // for the whole revision (the JSON, in a stable order): one file, not one a minute.
    let now = jiff::Timestamp::now().as_second();
    let mut key = format!("{}?{}", request.path(), filter.query_string_for_page(filter.page));
    if filter.depends_on_now() && !filter.is_upcoming() {
        key.push_str(&format!("#{}", now / 60));
    } else if request.path().ends_with(ExportFormat::Ics.extension()) {
        key.push_str(&format!("#day{}", now / 86_400));
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    let hash = hasher.finish();
    Ok(FeedRequest { filter, revision, hash, etag: entity_tag(revision, BUILD, hash) })
}

/// `If-Range` (RFC 9110 13.1.5), which actix-files ignores: a range is sent only of the feed the
/// client has. A validator that is not the current ETag, compared strongly (or a date: feeds carry
/// no `Last-Modified`), takes the `Range` off the request, so the whole feed is sent with 200 and
/// a resumed download never splices two revisions.
pub async fn honour_if_range(
    mut request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if [MEETING_GUIDE, CALENDAR].contains(&request.path())
        && request.headers().contains_key(header::RANGE)
        && request.headers().contains_key(header::IF_RANGE)
    {
        let current = match request.app_data::<web::Data<AppState>>() {
            Some(state) => feed_request(state, request.request()).await.ok().map(|asked| asked.etag),
            None => None,
        };
        let fresh = match (<header::IfRange as header::Header>::parse(request.request()), current) {
            (Ok(header::IfRange::EntityTag(theirs)), Some(ours)) => {
                ours.parse::<header::EntityTag>().is_ok_and(|ours| ours.strong_eq(&theirs))
            }
            _ => false,
        };
        if !fresh {
            request.headers_mut().remove(header::RANGE);
        }
    }
    next.call(request).await
}

async fn respond(
    state: web::Data<AppState>,
    request: HttpRequest,
    format: ExportFormat,
) -> Result<HttpResponse, AppError> {
    let FeedRequest { filter, revision, hash, etag } = feed_request(&state, &request).await?;
    if let Some(response) = not_modified(&request, &etag) {
        return Ok(response);
    }
    let folder = cache_folder(&state.settings.database_path);
    let name = format!("feed-r{revision}-b{BUILD}-{hash:016x}.{}", format.extension());
    let path = folder.join(&name);
    if !path.is_file() {
        let _writing = WRITING.lock().await;
        if !path.is_file() {
            let (writer_state, target) = (state.clone(), path.clone());
            let (sender, receiver) = tokio::sync::oneshot::channel();
            std::thread::Builder::new()
                .name("feed-writer".to_owned())
                .spawn(move || {
                    let written = write_feed_file(&writer_state, revision, &filter, format, &target);
                    let _ = sender.send(written);
                })
                .map_err(|error| AppError::Internal(format!("starting the feed writer: {error}")))?;
            let written = receiver.await.map_err(|_| AppError::Internal("the feed writer stopped".to_owned()))??;
            if let Written::NoRoom(ids) = written {
                return from_memory(state, ids, format, etag).await;
            }
        }
    }
    let gzip = accepts_gzip(&request) && gzip_path(&path).is_file();
    let file = NamedFile::open_async(if gzip { gzip_path(&path) } else { path })
        .await
        .map_err(|error| AppError::Internal(format!("{name}: {error}")))?
        .use_etag(false)
        .use_last_modified(false)
        .disable_content_disposition();
    let mut response = file.into_response(&request);
    // Not "identity" would let the Compress middleware compress tens of megabytes on the async
    // worker for each request: the file is sent as written (gzip) or as it is.
    response
        .headers_mut()
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static(if gzip { "gzip" } else { "identity" }));
    feed_headers(&mut response, format, &etag);
    Ok(response)
}

/// A feed's headers, whether it is sent from its file or from memory.
fn feed_headers(response: &mut HttpResponse, format: ExportFormat, etag: &str) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    if let Ok(value) = HeaderValue::from_str(etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(crate::cache::PUBLIC_CACHE));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
}

/// Feeds of at most this many meetings are sent from memory when the disk has no room for their
/// file (a few megabytes); larger ones answer 503 with `Retry-After` until it has.
const MEMORY_FEED_MEETINGS: usize = 5_000;

/// The feed of `ids` made in memory, for a disk without room for its file; too large a feed
/// answers 503 with `Retry-After`.
async fn from_memory(
    state: web::Data<AppState>,
    ids: Vec<i64>,
    format: ExportFormat,
    etag: String,
) -> Result<HttpResponse, AppError> {
    if ids.len() > MEMORY_FEED_MEETINGS {
        return Err(AppError::NoRoom);
    }
    let bytes = web::block(move || {
        let mut bytes = Vec::new();
        write_feed(&state.core, &ids, CHUNK, format, jiff::Timestamp::now(), &mut bytes).map(|()| bytes)
    })
    .await??;
    let mut response = HttpResponse::Ok().body(bytes);
    feed_headers(&mut response, format, &etag);
    Ok(response)
}

/// Where feed files are written: `cache/` beside the database, or the system's temporary folder
/// when that cannot be written (a read-only replica).
pub fn cache_folder(database_path: &Path) -> PathBuf {
    let beside = database_path.parent().filter(|folder| !folder.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = beside.join("cache");
    if std::fs::create_dir_all(&folder).is_ok() && !std::fs::metadata(&folder).is_ok_and(|m| m.permissions().readonly())
    {
        return folder;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    database_path.hash(&mut hasher);
    let folder = std::env::temp_dir().join(format!("mutual-support-cache-{:016x}", hasher.finish()));
    let _ = std::fs::create_dir_all(&folder);
    folder
}

fn gzip_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

fn accepts_gzip(request: &HttpRequest) -> bool {
    request
        .headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|parameter| matches!(parameter.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case("gzip") && !refused
        })
}

/// What writing a feed's file came to.
enum Written {
    File,
    /// The disk had no room (too little free before, or full while writing; nothing of it is
    /// left behind): the feed's meetings, to be sent from memory.
    NoRoom(Vec<i64>),
}

/// Room kept free on the disk beyond a feed file's expected size: the database needs it more.
const DISK_RESERVE: u64 = 8 << 20;
/// A feed file's expected size per meeting, with its gzip copy (generously: the JSON is about
/// 600 bytes, the calendar 900).
const BYTES_PER_MEETING: u64 = 2048;

/// Writes the feed of `filter` at `revision` into `path` (and `path.gz`), through temporary files
/// renamed into place, so a reader never sees half a feed. Clears older revisions' files, and,
/// the first time in a folder, the half-written files a stopped process left. Checks the free
/// space first; a failed write leaves no temporary file behind.
fn write_feed_file(
    state: &AppState,
    revision: i64,
    filter: &MeetingFilter,
    format: ExportFormat,
    path: &Path,
) -> Result<Written, AppError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    clear_old_files(folder, revision);
    let mut ids = state.finder_at(revision)?.matching_ids(filter, jiff::Timestamp::now());
    if filter.is_upcoming() {
        // No day asked: the feed is not "from now" but every meeting, in the store's order.
        ids.sort_unstable();
    }
    let needed = (ids.len() as u64).saturating_mul(BYTES_PER_MEETING).saturating_add(DISK_RESERVE);
    if crate::disk::free_bytes(folder).is_some_and(|free| free < needed) {
        tracing::warn!(folder = %folder.display(), needed, "no room on the disk for a feed file; sent from memory");
        return Ok(Written::NoRoom(ids));
    }
    let temporary = path.with_extension("partial");
    let temporary_gzip = gzip_path(&temporary);
    let written = write_through(state, &ids, format, path, &temporary, &temporary_gzip);
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
        let _ = std::fs::remove_file(&temporary_gzip);
    }
    match written {
        Ok(()) => Ok(Written::File),
        Err(error) if matches!(error.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded) => {
            tracing::warn!(file = %path.display(), %error, "the disk filled while a feed was written; sent from memory");
            Ok(Written::NoRoom(ids))
        }
        Err(error) => Err(AppError::Internal(format!("writing {}: {error}", path.display()))),
    }
}

/// The feed written into the two temporary files, then renamed into place.
fn write_through(
    state: &AppState,
    ids: &[i64],
    format: ExportFormat,
    path: &Path,
    temporary: &Path,
    temporary_gzip: &Path,
) -> std::io::Result<()> {
    let plain = std::io::BufWriter::new(std::fs::File::create(temporary)?);
    let gzip = flate2::write::GzEncoder::new(
        std::io::BufWriter::new(std::fs::File::create(temporary_gzip)?),
        flate2::Compression::default(),
    );
    let mut both = Tee(plain, gzip);
    write_feed(&state.core, ids, CHUNK, format, jiff::Timestamp::now(), &mut both).map_err(|error| match error {
        AppError::Io(error) => error,
        other => std::io::Error::other(other.to_string()),
    })?;
    let Tee(mut plain, gzip) = both;
    plain.flush()?;
    gzip.finish().and_then(|mut inner| inner.flush())?;
    std::fs::rename(temporary_gzip, gzip_path(path))?;
    std::fs::rename(temporary, path)
}

/// Writes the meetings `ids` as a feed of `format`, a chunk at a time: the same bytes as
/// [`ExportFormat::write`] of them all (the calendar's stamps aside), holding `chunk` at a time.
pub fn write_feed(
    core: &Core,
    ids: &[i64],
    chunk: usize,
    format: ExportFormat,
    now: jiff::Timestamp,
    out: &mut impl Write,
) -> Result<(), AppError> {
    let io = AppError::Io;
    let mut written_any = false;
    let mut trailer: Vec<u8> = Vec::new();
    let empty: [i64; 0] = [];
    let chunks: Box<dyn Iterator<Item = &[i64]>> =
        if ids.is_empty() { Box::new(std::iter::once(&empty[..])) } else { Box::new(ids.chunks(chunk.max(1))) };
    for (number, chunk) in chunks.enumerate() {
        let mut meetings = core.store.meetings_by_id(chunk)?;
        meetings.iter_mut().for_each(for_the_public);
        let bytes = format.write(&meetings, now).map_err(|error| AppError::Internal(error.to_string()))?;
        // A JSON array: `[`, every chunk's items joined by commas, `]`. A calendar: the first
        // chunk's head, every chunk's events, `END:VCALENDAR`, found as whole lines: a meeting's
        // text may hold those words but never a line break (the writer escapes it as `\n`).
        let (start, end) = match format {
            ExportFormat::Json => (1, bytes.len().saturating_sub(1).max(1)),
            _ => {
                let line = |words: &[u8]| find(&bytes, &[b"\r\n", words, b"\r\n"].concat()).map(|at| at + 2);
                let end = line(b"END:VCALENDAR").unwrap_or(bytes.len());
                (line(b"BEGIN:VEVENT").unwrap_or(end), end)
            }
        };
        if number == 0 {
            out.write_all(&bytes[..start]).map_err(io)?;
            trailer = bytes[end..].to_vec();
        }
        let body = &bytes[start..end];
        if !body.is_empty() {
            if written_any && format == ExportFormat::Json {
                out.write_all(b",").map_err(io)?;
            }
            out.write_all(body).map_err(io)?;
            written_any = true;
        }
    }
    out.write_all(&trailer).map_err(io)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Removes feed files of other revisions or builds, and every filtered one when too many gather;
/// the first time in a folder (since this process started), every half-written one too: writes
/// are one at a time, so none is being written.
fn clear_old_files(folder: &Path, revision: i64) {
    static CLEARED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let first_time = CLEARED.lock().is_ok_and(|mut cleared| {
        let first = !cleared.iter().any(|seen| seen == folder);
        if first {
            cleared.push(folder.to_owned());
        }
        first
    });
    let current = format!("feed-r{revision}-b{BUILD}-");
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("feed-"))
        .collect();
    let crowded = names.iter().filter(|name| name.starts_with(&current)).count() > MOST_FILES;
    for name in names {
        let partial = name.ends_with(".partial") || name.ends_with(".partial.gz");
        if !name.starts_with(&current) || crowded || (first_time && partial) {
            let _ = std::fs::remove_file(folder.join(name));
        }
    }
}

/// Writes to two writers at once (the feed and its gzip copy).
struct Tee<A, B>(A, B);

impl<A: Write, B: Write> Write for Tee<A, B> {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.0.write_all(buffer)?;
        self.1.write_all(buffer)?;
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()?;
        self.1.flush()
    }
}
