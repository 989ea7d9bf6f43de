//! A tiny HTTP/1.1 feed server on 127.0.0.1 for the tests that sync (the CLI's `tests/sync.rs`
//! and the staff pages' "sync now" in `tests/api`): canned answers per path, every request
//! recorded, one thread per connection, each answer closing its connection.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

/// What the test server answers on one path.
#[derive(Clone)]
pub struct Canned {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Sent as `ETag`; a request whose `If-None-Match` carries it gets a 304.
    pub etag: Option<String>,
    /// Sent as `Last-Modified`.
    pub last_modified: Option<String>,
    /// Waited before answering.
    pub delay: Duration,
    /// Sent as `Content-Encoding` (the body is then already encoded so).
    pub content_encoding: Option<&'static str>,
    /// Sent as `Location` (a redirect).
    pub location: Option<String>,
}

impl Canned {
    pub fn feed(meetings: &[Value], etag: &str) -> Canned {
        Canned {
            status: 200,
            content_type: "application/json",
            body: serde_json::to_vec(meetings).expect("JSON"),
            etag: Some(format!("\"{etag}\"")),
            last_modified: Some("Sat, 28 Nov 2026 10:00:00 GMT".to_owned()),
            delay: Duration::ZERO,
            content_encoding: None,
            location: None,
        }
    }

    pub fn redirect(location: &str) -> Canned {
        Canned { location: Some(location.to_owned()), ..Canned::status(302, "text/plain", "moved") }
    }

    pub fn status(status: u16, content_type: &'static str, body: &str) -> Canned {
        Canned {
            status,
            content_type,
            body: body.as_bytes().to_vec(),
            etag: None,
            last_modified: None,
            delay: Duration::ZERO,
            content_encoding: None,
            location: None,
        }
    }
}

/// One request as the server saw it: its path and headers (names lower-cased).
#[derive(Debug, Clone)]
pub struct SeenRequest {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// A tiny HTTP/1.1 server on 127.0.0.1 with a port of its own: one thread per connection, each
/// answer closes its connection.
pub struct FeedServer {
    pub port: u16,
    routes: Arc<Mutex<HashMap<String, Canned>>>,
    requests: Arc<Mutex<Vec<SeenRequest>>>,
}

impl FeedServer {
    pub fn start() -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("address").port();
        let routes: Arc<Mutex<HashMap<String, Canned>>> = Arc::default();
        let requests: Arc<Mutex<Vec<SeenRequest>>> = Arc::default();
        let (shared_routes, shared_requests) = (routes.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (routes, requests) = (shared_routes.clone(), shared_requests.clone());
                std::thread::spawn(move || answer(stream, &routes, &requests));
            }
        });
        FeedServer { port, routes, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn set(&self, path: &str, canned: Canned) {
        self.routes.lock().expect("routes").insert(path.to_owned(), canned);
    }

    /// The requests made for `path`, oldest first.
    pub fn requests_for(&self, path: &str) -> Vec<SeenRequest> {
        self.requests.lock().expect("requests").iter().filter(|request| request.path == path).cloned().collect()
    }
}

fn answer(stream: TcpStream, routes: &Mutex<HashMap<String, Canned>>, requests: &Mutex<Vec<SeenRequest>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_or(true, |read| read == 0) || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let canned = routes.lock().expect("routes").get(&path).cloned();
    let if_none_match = headers.get("if-none-match").cloned();
    requests.lock().expect("requests").push(SeenRequest { path, headers });
    let canned = canned.unwrap_or_else(|| Canned::status(404, "text/plain", "not found"));
    std::thread::sleep(canned.delay);
    let mut stream = stream;
    let not_modified = canned.etag.is_some() && if_none_match == canned.etag;
    let (status, body): (u16, &[u8]) = if not_modified { (304, b"") } else { (canned.status, &canned.body) };
    let mut head =
        format!("HTTP/1.1 {status} Canned\r\nConnection: close\r\nContent-Type: {}\r\n", canned.content_type);
    if let Some(etag) = &canned.etag {
        head.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(location) = &canned.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    if let Some(encoding) = canned.content_encoding {
        head.push_str(&format!("Content-Encoding: {encoding}\r\n"));
    }
    if let Some(last_modified) = &canned.last_modified {
        head.push_str(&format!("Last-Modified: {last_modified}\r\n"));
    }
    if status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    // The client may have given up (the timeout test): a broken pipe is expected then.
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body)).and_then(|()| stream.flush());
}

/// `canned` with its body gzipped.
pub fn gzipped(canned: Canned) -> Canned {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&canned.body).expect("compressed");
    Canned { body: encoder.finish().expect("compressed"), content_encoding: Some("gzip"), ..canned }
}
