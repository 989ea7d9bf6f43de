//! Feeds on the shared test server (`tests/support`, a tiny HTTP/1.1 server on 127.0.0.1) for the
//! tests that sync: the CLI's `tests/sync.rs` and the staff pages' "sync now" in `tests/api`.
//! A canned answer per path (and query), every request recorded.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::support::TestServer;
pub use crate::support::{Reply as Canned, SeenRequest};

impl Canned {
    /// A Meeting Guide feed of `meetings`, with an ETag and a Last-Modified.
    pub fn feed(meetings: &[Value], etag: &str) -> Canned {
        Canned {
            etag: Some(format!("\"{etag}\"")),
            last_modified: Some("Sat, 28 Nov 2026 10:00:00 GMT".to_owned()),
            ..Canned::json(&serde_json::to_vec(meetings).expect("JSON"))
        }
    }

    pub fn redirect(location: &str) -> Canned {
        Canned { location: Some(location.to_owned()), ..Canned::status(302, "text/plain", "moved") }
    }
}

/// The server, answering each path (with its query) as set, and 404 elsewhere.
pub struct FeedServer {
    server: TestServer,
    routes: Arc<Mutex<HashMap<String, Canned>>>,
}

impl FeedServer {
    pub fn start() -> FeedServer {
        let routes: Arc<Mutex<HashMap<String, Canned>>> = Arc::default();
        let answering = routes.clone();
        let server = TestServer::start(move |request| {
            let canned = answering.lock().expect("routes").get(&request.target).cloned();
            canned.unwrap_or_else(|| Canned::status(404, "text/plain", "not found"))
        });
        FeedServer { server, routes }
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    pub fn set(&self, path: &str, canned: Canned) {
        self.routes.lock().expect("routes").insert(path.to_owned(), canned);
    }

    /// The requests made for `path` (with its query), oldest first.
    pub fn requests_for(&self, path: &str) -> Vec<SeenRequest> {
        self.server.requests().into_iter().filter(|request| request.target == path).collect()
    }
}

/// `canned` with its body gzipped.
pub fn gzipped(canned: Canned) -> Canned {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&canned.body).expect("compressed");
    Canned { body: encoder.finish().expect("compressed"), content_encoding: Some("gzip"), ..canned }
}
