//! What the CLI-level tests share: a tiny HTTP/1.1 server on 127.0.0.1 that answers each request
//! through a handler the test sets (and records every request), and the real binary run on a
//! temporary database.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

pub const BINARY: &str = env!("CARGO_BIN_EXE_mutual-support");

/// One request as the server saw it: its target (path and query) and headers (names lower-cased).
#[derive(Debug, Clone)]
pub struct SeenRequest {
    pub target: String,
    pub headers: HashMap<String, String>,
}

impl SeenRequest {
    /// A query parameter's first value, decoded.
    pub fn query(&self, name: &str) -> Option<String> {
        let query = self.target.split_once('?')?.1;
        form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == name).map(|(_, value)| value.into_owned())
    }
}

/// An answer: a `304` is sent instead when the request's `If-None-Match` carries its `etag`.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    /// Sent as `Location` (for a redirect).
    pub location: Option<String>,
    /// Sent as `Last-Modified`.
    pub last_modified: Option<String>,
    /// Sent as `Content-Encoding` (the body is then already encoded so).
    pub content_encoding: Option<&'static str>,
    /// Waited before answering.
    pub delay: std::time::Duration,
}

impl Reply {
    pub fn json(body: &[u8]) -> Reply {
        Reply { content_type: "application/json", ..Reply::status(200, "", "") }.with_body(body)
    }

    pub fn status(status: u16, content_type: &'static str, body: &str) -> Reply {
        Reply {
            status,
            content_type,
            body: body.as_bytes().to_vec(),
            etag: None,
            location: None,
            last_modified: None,
            content_encoding: None,
            delay: std::time::Duration::ZERO,
        }
    }

    fn with_body(self, body: &[u8]) -> Reply {
        Reply { body: body.to_vec(), ..self }
    }
}

type Handler = Box<dyn Fn(&SeenRequest) -> Reply + Send>;

/// The server: one thread per connection, each answer closes its connection.
pub struct TestServer {
    pub port: u16,
    handler: Arc<Mutex<Handler>>,
    requests: Arc<Mutex<Vec<SeenRequest>>>,
}

impl TestServer {
    pub fn start(handler: impl Fn(&SeenRequest) -> Reply + Send + 'static) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("address").port();
        let handler: Arc<Mutex<Handler>> = Arc::new(Mutex::new(Box::new(handler)));
        let requests: Arc<Mutex<Vec<SeenRequest>>> = Arc::default();
        let (shared_handler, shared_requests) = (handler.clone(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (handler, requests) = (shared_handler.clone(), shared_requests.clone());
                std::thread::spawn(move || answer(stream, &handler, &requests));
            }
        });
        TestServer { port, handler, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Answers from now on through `handler`.
    pub fn set(&self, handler: impl Fn(&SeenRequest) -> Reply + Send + 'static) {
        *self.handler.lock().expect("handler") = Box::new(handler);
    }

    pub fn requests(&self) -> Vec<SeenRequest> {
        self.requests.lock().expect("requests").clone()
    }
}

fn answer(stream: TcpStream, handler: &Mutex<Handler>, requests: &Mutex<Vec<SeenRequest>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
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
    let request = SeenRequest { target, headers };
    let reply = (handler.lock().expect("handler"))(&request);
    std::thread::sleep(reply.delay);
    let not_modified = reply.etag.is_some() && request.headers.get("if-none-match") == reply.etag.as_ref();
    requests.lock().expect("requests").push(request);
    let (status, body): (u16, &[u8]) = if not_modified { (304, b"") } else { (reply.status, &reply.body) };
    let mut head = format!("HTTP/1.1 {status} Test\r\nConnection: close\r\nContent-Type: {}\r\n", reply.content_type);
    if let Some(etag) = &reply.etag {
        head.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(location) = &reply.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    if let Some(encoding) = reply.content_encoding {
        head.push_str(&format!("Content-Encoding: {encoding}\r\n"));
    }
    if let Some(last_modified) = &reply.last_modified {
        head.push_str(&format!("Last-Modified: {last_modified}\r\n"));
    }
    if status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut stream = stream;
    // The client may have given up (a timeout test): a broken pipe is expected then.
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body)).and_then(|()| stream.flush());
}

/// A temporary database, and the binary run on it.
pub struct Site {
    pub folder: tempfile::TempDir,
    pub database: PathBuf,
    /// The limits `sync` is run with.
    sync_limits: &'static [&'static str],
}

impl Site {
    pub fn new() -> Site {
        Site::with_sync_limits(&["--fetch-timeout", "5s"])
    }

    /// A site whose `sync` runs with these limits (e.g. a short timeout and a small size limit).
    pub fn with_sync_limits(sync_limits: &'static [&'static str]) -> Site {
        let folder = tempfile::tempdir().expect("folder");
        let database = folder.path().join("data").join("directory.sqlite3");
        Site { folder, database, sync_limits }
    }

    pub fn run(&self, arguments: &[&str]) -> Output {
        Command::new(BINARY)
            .args(arguments)
            .arg("--db")
            .arg(&self.database)
            .env("RUST_LOG", "warn")
            .output()
            .expect("the binary runs")
    }

    pub fn run_ok(&self, arguments: &[&str]) -> String {
        let output = self.run(arguments);
        assert!(output.status.success(), "{arguments:?} failed: {}", text(&output.stderr));
        text(&output.stdout)
    }

    /// `sync` with this site's limits; whether it succeeded, its output and its errors.
    pub fn sync(&self, names: &[&str]) -> (bool, String, String) {
        let mut arguments = vec!["sync"];
        arguments.extend(self.sync_limits);
        arguments.extend(names);
        let output = self.run(&arguments);
        (output.status.success(), text(&output.stdout), text(&output.stderr))
    }

    /// The active meetings as the Meeting Guide export gives them.
    pub fn exported(&self) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.run_ok(&["export", "--format", "json"])).expect("the export is JSON")
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The site served by the real binary (`serve`) on a free port of 127.0.0.1, stopped when dropped.
pub struct Served {
    child: std::process::Child,
    pub port: u16,
}

impl Served {
    pub fn start(site: &Site) -> Served {
        let port = TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port();
        let child = Command::new(BINARY)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--db"])
            .arg(&site.database)
            .env("RUST_LOG", "warn")
            .spawn()
            .expect("the binary serves");
        let served = Served { child, port };
        for _ in 0..100 {
            if served.get("/healthz").0 == 200 {
                return served;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the site did not start on port {port}");
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Status, headers and body of a GET (0 when nothing answers).
    pub fn get(&self, path: &str) -> (u16, HashMap<String, String>, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        match agent.get(&self.url(path)).call() {
            Ok(mut response) => {
                let headers = response
                    .headers()
                    .iter()
                    .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap_or_default().to_owned()))
                    .collect();
                let body = response.body_mut().read_to_string().unwrap_or_default();
                (response.status().as_u16(), headers, body)
            }
            Err(_) => (0, HashMap::new(), String::new()),
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
