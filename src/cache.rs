//! Caching, in one place: rendered responses kept in memory (keyed by request and data revision,
//! held to a byte budget, evicting the least valuable entries one by one, computed once when many
//! ask at the same time), their ETags and cache lifetimes, and values computed once per revision.

use std::future::Future;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::meetings::MeetingFilter;
use crate::state::AppState;

/// A response body with what is needed to send it again.
#[derive(Clone)]
pub struct CachedResponse {
    pub etag: String,
    pub content_type: &'static str,
    pub cache_control: String,
    pub body: web::Bytes,
}

/// Rendered responses by key, within a byte budget. moka's TinyLFU policy keeps the entries asked
/// for most and evicts others one at a time; concurrent misses of one key render it once.
pub struct ResponseCache {
    entries: Option<moka::future::Cache<String, CachedResponse>>,
    /// The data revision the entries belong to: a new one empties the cache.
    revision: AtomicI64,
}

impl ResponseCache {
    /// A cache holding at most `byte_budget` bytes of keys and bodies (0 turns it off). One
    /// response larger than an eighth of the budget is rendered but not kept.
    pub fn new(byte_budget: u64) -> ResponseCache {
        let entries = (byte_budget > 0).then(|| {
            let largest = byte_budget / 8;
            moka::future::Cache::builder()
                .max_capacity(byte_budget)
                .weigher(move |key: &String, response: &CachedResponse| {
                    let size = (key.len() + response.body.len()) as u64;
                    // Entries over the limit weigh the whole budget: moka then declines to keep them.
                    u32::try_from(if size > largest { byte_budget.saturating_add(1) } else { size }).unwrap_or(u32::MAX)
                })
                .build()
        });
        ResponseCache { entries, revision: AtomicI64::new(i64::MIN) }
    }

    /// The response for `key` at `revision`: kept, or rendered by `render` (once, however many
    /// ask for it at the same time) and kept.
    pub async fn get_or_render<Fut>(&self, revision: i64, key: String, render: Fut) -> Result<CachedResponse, AppError>
    where
        Fut: Future<Output = Result<CachedResponse, AppError>>,
    {
        let Some(entries) = &self.entries else { return render.await };
        if self.revision.swap(revision, Ordering::AcqRel) != revision {
            entries.invalidate_all();
        }
        entries.try_get_with(format!("{revision}|{key}"), render).await.map_err(|error| match &*error {
            AppError::BadRequest(message) => AppError::BadRequest(message.clone()),
            AppError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        })
    }

    /// Bytes held now (after pending evictions are applied).
    pub async fn weighed_bytes(&self) -> u64 {
        match &self.entries {
            Some(entries) => {
                entries.run_pending_tasks().await;
                entries.weighted_size()
            }
            None => 0,
        }
    }

    /// Is a response kept for `key` at `revision`?
    pub fn contains(&self, revision: i64, key: &str) -> bool {
        self.entries.as_ref().is_some_and(|entries| entries.contains_key(&format!("{revision}|{key}")))
    }
}

/// The build's version (code, templates, content, static files): part of every ETag, so a deploy
/// never lets a browser keep an old page through a 304.
pub const BUILD: &str = crate::embedded::BUILD_VERSION;

/// Cache lifetime of public pages: a browser or a shared cache (nginx, a CDN) may keep them a
/// minute, serve a stale copy half a minute more while it revalidates, then must ask again.
pub const PUBLIC_CACHE: &str = "public, max-age=60, stale-while-revalidate=30";

/// The ETag of a response: the data's revision, the build and a hash of what else it depends on.
/// The build is a parameter so that tests can show two builds differ.
pub fn entity_tag(revision: i64, build: &str, hash: u64) -> String {
    format!("\"r{revision}-b{build}-{hash:016x}\"")
}

/// A 304 when the client already has this version: `If-None-Match` compared weakly (RFC 9110
/// 13.1.2), `*` matching any current representation.
pub fn not_modified(request: &HttpRequest, etag: &str) -> Option<HttpResponse> {
    if !request.headers().contains_key(header::IF_NONE_MATCH) {
        return None;
    }
    let ours: header::EntityTag = etag.parse().ok()?;
    let matches = match <header::IfNoneMatch as header::Header>::parse(request) {
        Ok(header::IfNoneMatch::Any) => true,
        Ok(header::IfNoneMatch::Items(tags)) => tags.iter().any(|tag| tag.weak_eq(&ours)),
        Err(_) => false,
    };
    matches.then(|| HttpResponse::NotModified().insert_header((header::ETAG, etag.to_owned())).finish())
}

/// The data's revision: the one read within the last second, without I/O, or a fresh read.
pub async fn current_revision(state: &AppState) -> Result<i64, AppError> {
    if let Some(revision) = state.store.recent_revision() {
        return Ok(revision);
    }
    let store = state.store.clone();
    Ok(web::block(move || store.revision()).await??)
}

/// Answers a request whose response depends only on the data (its revision), on `filter` (its
/// canonical form and notices, so that parameters we ignore make no new entry) and, for results
/// from now, on the current minute: 304 when the client has it, the kept bytes when the server
/// has them, otherwise `produce` renders them for that revision (once) and they are kept.
pub async fn cached_response<Fut>(
    state: &AppState,
    request: &HttpRequest,
    filter: &MeetingFilter,
    content_type: &'static str,
    produce: impl FnOnce(i64) -> Fut,
) -> Result<HttpResponse, AppError>
where
    Fut: Future<Output = Result<Vec<u8>, AppError>>,
{
    let mut key = format!("{}?{}|{}", request.path(), filter.query_string_for_page(filter.page), filter.notices_key());
    if filter.depends_on_now() {
        key.push_str(&format!("#{}", jiff::Timestamp::now().as_second() / 60));
    }
    cached_by_key(state, request, key, content_type, produce).await
}

/// [`cached_response`] for a response that depends only on the data's revision and `key` (which
/// names everything else it depends on): 304, the kept bytes, or `produce`d once and kept.
pub async fn cached_by_key<Fut>(
    state: &AppState,
    request: &HttpRequest,
    key: String,
    content_type: &'static str,
    produce: impl FnOnce(i64) -> Fut,
) -> Result<HttpResponse, AppError>
where
    Fut: Future<Output = Result<Vec<u8>, AppError>>,
{
    let revision = current_revision(state).await?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    let etag = entity_tag(revision, BUILD, hasher.finish());
    if let Some(response) = not_modified(request, &etag) {
        return Ok(response);
    }
    let render = async {
        Ok(CachedResponse {
            etag,
            content_type,
            cache_control: PUBLIC_CACHE.to_owned(),
            body: produce(revision).await?.into(),
        })
    };
    let cached = state.responses.get_or_render(revision, key, render).await?;
    Ok(HttpResponse::Ok()
        .content_type(cached.content_type)
        .insert_header((header::ETAG, cached.etag))
        .insert_header((header::CACHE_CONTROL, cached.cache_control))
        .body(cached.body))
}

/// A value computed once per data revision (the finder's index). Single flight: when the
/// revision moves, one caller computes the new value and the others wait for it.
pub struct RevisionMemo<T> {
    value: Mutex<Option<(i64, Arc<T>)>>,
    /// Held while a new value is computed.
    computing: Mutex<()>,
}

impl<T> Default for RevisionMemo<T> {
    fn default() -> Self {
        RevisionMemo { value: Mutex::new(None), computing: Mutex::new(()) }
    }
}

impl<T> RevisionMemo<T> {
    /// The value of this revision, if it was computed already (never blocks on a computation).
    pub fn current(&self, revision: i64) -> Option<Arc<T>> {
        let guard = self.value.lock().ok()?;
        guard.as_ref().filter(|(seen, _)| *seen == revision).map(|(_, value)| Arc::clone(value))
    }

    pub fn get_or_try<E>(&self, revision: i64, compute: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        if let Some(value) = self.current(revision) {
            return Ok(value);
        }
        let _computing = self.computing.lock();
        if let Some(value) = self.current(revision) {
            return Ok(value);
        }
        let value = Arc::new(compute()?);
        if let Ok(mut guard) = self.value.lock() {
            *guard = Some((revision, Arc::clone(&value)));
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    fn response(body: &str) -> CachedResponse {
        CachedResponse {
            etag: "\"e\"".into(),
            content_type: "text/html",
            cache_control: String::new(),
            body: web::Bytes::copy_from_slice(body.as_bytes()),
        }
    }

    fn run<T>(future: impl Future<Output = T>) -> T {
        actix_web::rt::System::new().block_on(future)
    }

    async fn keep(cache: &ResponseCache, revision: i64, key: &str, body: &str) {
        let body = body.to_owned();
        cache.get_or_render(revision, key.to_owned(), async move { Ok(response(&body)) }).await.expect("rendered");
    }

    #[test]
    fn a_new_revision_empties_the_cache() {
        run(async {
            let cache = ResponseCache::new(1 << 20);
            keep(&cache, 1, "a", "one").await;
            assert!(cache.contains(1, "a"));
            keep(&cache, 2, "b", "two").await;
            cache.weighed_bytes().await;
            assert!(!cache.contains(1, "a") && cache.contains(2, "b"));
        });
    }

    #[test]
    fn the_byte_budget_holds_and_entries_are_evicted_one_by_one() {
        run(async {
            let cache = ResponseCache::new(10_000);
            for n in 0..100 {
                keep(&cache, 1, &format!("key{n:03}"), &"x".repeat(500)).await;
                assert!(cache.weighed_bytes().await <= 10_000, "over budget after {n}");
            }
            let kept = (0..100).filter(|n| cache.contains(1, &format!("key{n:03}"))).count();
            assert!(kept >= 10, "it keeps what fits, evicting one by one, not all at once: {kept}");
            let off = ResponseCache::new(0);
            keep(&off, 1, "a", "a").await;
            assert!(!off.contains(1, "a"));
        });
    }

    #[test]
    fn a_response_too_large_for_the_budget_is_not_kept() {
        run(async {
            let cache = ResponseCache::new(8_000);
            keep(&cache, 1, "big", &"x".repeat(1_001)).await;
            cache.weighed_bytes().await;
            assert!(!cache.contains(1, "big"));
            assert_eq!(cache.weighed_bytes().await, 0);
        });
    }

    #[test]
    fn concurrent_misses_of_one_key_render_once() {
        run(async {
            let cache = Arc::new(ResponseCache::new(1 << 20));
            let renders = Arc::new(AtomicUsize::new(0));
            let waiting: Vec<_> = (0..16)
                .map(|_| {
                    let (cache, renders) = (Arc::clone(&cache), Arc::clone(&renders));
                    actix_web::rt::spawn(async move {
                        let render = async {
                            renders.fetch_add(1, Ordering::SeqCst);
                            actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
                            Ok(response("page"))
                        };
                        cache.get_or_render(1, "same".to_owned(), render).await.map(|r| r.body)
                    })
                })
                .collect();
            for task in waiting {
                assert_eq!(task.await.expect("task").ok().as_deref(), Some(b"page".as_slice()));
            }
            assert_eq!(renders.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn a_memo_recomputes_only_for_a_new_revision() {
        let memo = RevisionMemo::default();
        let mut calls = 0;
        for revision in [1, 1, 2, 2] {
            let value = memo.get_or_try::<()>(revision, || {
                calls += 1;
                Ok(revision * 10)
            });
            assert_eq!(value.map(|v| *v), Ok(revision * 10));
        }
        assert_eq!(calls, 2);
    }

    #[test]
    fn a_memo_computes_once_for_many_concurrent_callers() {
        let memo = Arc::new(RevisionMemo::default());
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (memo, calls) = (Arc::clone(&memo), Arc::clone(&calls));
                std::thread::spawn(move || {
                    memo.get_or_try::<()>(7, || {
                        calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        Ok(70)
                    })
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().expect("thread").map(|v| *v), Ok(70));
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn two_builds_give_the_same_data_different_etags() {
        assert_ne!(entity_tag(7, "aaaa0001", 42), entity_tag(7, "aaaa0002", 42));
        assert_ne!(entity_tag(7, BUILD, 42), entity_tag(8, BUILD, 42));
        assert!(entity_tag(7, BUILD, 42).contains(&format!("-b{BUILD}-")));
    }

    fn asked_with(if_none_match: &str) -> HttpRequest {
        actix_web::test::TestRequest::get().insert_header((header::IF_NONE_MATCH, if_none_match)).to_http_request()
    }

    #[test]
    fn if_none_match_compares_weakly_and_star_matches_anything() {
        let etag = entity_tag(3, BUILD, 9);
        let weak = format!("W/{etag}");
        for matching in [etag.as_str(), weak.as_str(), "*", &format!("\"other\", {weak}")] {
            let response = not_modified(&asked_with(matching), &etag).map(|response| response.status());
            assert_eq!(response, Some(actix_web::http::StatusCode::NOT_MODIFIED), "{matching}");
        }
        let older = entity_tag(3, "00000000", 9);
        for other in [older.as_str(), "W/\"r3\"", "garbage"] {
            assert!(not_modified(&asked_with(other), &etag).is_none(), "{other}");
        }
        let plain = actix_web::test::TestRequest::get().to_http_request();
        assert!(not_modified(&plain, &etag).is_none());
    }
}
