//! Rendered responses kept in memory, keyed by request and by the data's revision: meeting data
//! changes only through imports, so a repeat of the same question is answered without the database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A response body with what is needed to send it again.
#[derive(Clone)]
pub struct CachedResponse {
    pub etag: String,
    pub content_type: &'static str,
    pub cache_control: String,
    pub body: actix_web::web::Bytes,
}

/// The most bytes of responses kept; a response over an eighth of it is not kept at all.
const BYTE_BUDGET: usize = 64 * 1024 * 1024;

/// The entries of one revision and their total size.
#[derive(Default)]
struct Entries {
    revision: i64,
    bytes: usize,
    responses: HashMap<String, CachedResponse>,
}

/// A bounded map from request key to response, emptied whenever the revision moves on or it
/// fills (by count or by bytes).
pub struct ResponseCache {
    capacity: usize,
    entries: Mutex<Entries>,
}

impl ResponseCache {
    /// `capacity` 0 turns the cache off.
    pub fn new(capacity: usize) -> ResponseCache {
        ResponseCache { capacity, entries: Mutex::new(Entries::default()) }
    }

    pub fn get(&self, revision: i64, key: &str) -> Option<CachedResponse> {
        let entries = self.entries.lock().ok()?;
        if entries.revision != revision {
            return None;
        }
        entries.responses.get(key).cloned()
    }

    pub fn put(&self, revision: i64, key: String, response: CachedResponse) {
        let size = response.body.len() + key.len();
        if self.capacity == 0 || size > BYTE_BUDGET / 8 {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.revision != revision
                || entries.responses.len() >= self.capacity
                || entries.bytes + size > BYTE_BUDGET
            {
                *entries = Entries { revision, ..Entries::default() };
            }
            entries.bytes += size;
            if let Some(old) = entries.responses.insert(key, response) {
                entries.bytes -= old.body.len();
            }
        }
    }
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
    fn current(&self, revision: i64) -> Option<Arc<T>> {
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
    use super::*;

    fn response(body: &'static str) -> CachedResponse {
        CachedResponse {
            etag: "\"e\"".into(),
            content_type: "text/html",
            cache_control: String::new(),
            body: body.into(),
        }
    }

    #[test]
    fn a_new_revision_empties_the_cache() {
        let cache = ResponseCache::new(10);
        cache.put(1, "a".into(), response("one"));
        assert!(cache.get(1, "a").is_some());
        assert!(cache.get(2, "a").is_none());
        cache.put(2, "b".into(), response("two"));
        assert!(cache.get(1, "a").is_none());
    }

    #[test]
    fn a_full_cache_starts_over_and_capacity_zero_keeps_nothing() {
        let cache = ResponseCache::new(2);
        cache.put(1, "a".into(), response("a"));
        cache.put(1, "b".into(), response("b"));
        cache.put(1, "c".into(), response("c"));
        assert!(cache.get(1, "a").is_none() && cache.get(1, "c").is_some());
        let off = ResponseCache::new(0);
        off.put(1, "a".into(), response("a"));
        assert!(off.get(1, "a").is_none());
    }

    #[test]
    fn a_response_too_large_for_the_budget_is_not_kept() {
        let cache = ResponseCache::new(10);
        let large = vec![b'x'; BYTE_BUDGET / 8 + 1];
        cache.put(1, "big".into(), CachedResponse { body: large.into(), ..response("") });
        assert!(cache.get(1, "big").is_none());
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
}
