//! The real-browser suite (`tests/browser/run.mjs`): headless Chromium against the real server on a
//! temporary database, over every kind of page. Outside CI a missing browser or Node.js skips it
//! with a plain message; with `CI=true` that is a failure.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_mutual-support");
const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser");

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true")
}

/// Says why the suite cannot run: a failure in CI, a plain skip elsewhere.
fn unavailable(reason: &str) {
    assert!(!in_ci(), "the browser tests cannot run in CI: {reason}");
    // Written to the terminal directly: the test harness would hide an eprintln! of a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "\nbrowser tests SKIPPED: {reason}. With CI=true this fails; .ci/run installs what they need.\n"
    );
}

/// `$CHROMIUM` when set, otherwise Debian's `/usr/bin/chromium`.
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()));
    path.exists().then_some(path)
}

fn succeeds(program: &str, arguments: &[&str], folder: &Path) -> bool {
    Command::new(program)
        .args(arguments)
        .current_dir(folder)
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .unwrap_or(18_765)
}

fn wait_until_healthy(port: u16, server: &mut Server) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = server.0.try_wait() {
            return false;
        }
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let request = format!("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
            let mut answer = String::new();
            if stream.write_all(request.as_bytes()).is_ok()
                && stream.read_to_string(&mut answer).is_ok()
                && answer.starts_with("HTTP/1.1 200")
            {
                return true;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn every_page_works_in_a_real_browser() {
    let Some(chromium) = chromium() else {
        return unavailable("Chromium is not installed (apt-get install chromium chromium-driver)");
    };
    let suite = Path::new(SUITE);
    if !succeeds("node", &["--version"], suite) {
        return unavailable("Node.js is not installed (apt-get install nodejs npm)");
    }
    if !suite.join("node_modules/playwright-core").exists()
        && !succeeds("npm", &["ci", "--no-audit", "--no-fund", "--silent"], suite)
    {
        return unavailable("npm could not install the suite's packages (playwright-core, axe-core)");
    }
    let folder = tempfile::tempdir().expect("temporary folder");
    // A staff account for the staff pages (issue 13), made as an administrator would.
    let (staff_email, staff_password) = ("browser@example.org", "browser suite password");
    let mut adding = Command::new(BINARY)
        .args(["user", "add", "--role", "admin", staff_email, "--db"])
        .arg(folder.path().join("browser.sqlite3"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .spawn()
        .expect("user add runs");
    if let Some(mut input) = adding.stdin.take() {
        input.write_all(format!("{staff_password}\n").as_bytes()).expect("password written");
    }
    assert!(adding.wait().is_ok_and(|status| status.success()), "user add failed");
    let port = free_port();
    let mut server = Server(
        Command::new(BINARY)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--db"])
            .arg(folder.path().join("browser.sqlite3"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("the server starts"),
    );
    assert!(wait_until_healthy(port, &mut server), "the server did not answer /healthz");
    let output = concat!(env!("CARGO_MANIFEST_DIR"), "/target/browser");
    let status = Command::new("node")
        .arg(suite.join("run.mjs"))
        .args(["--base", &format!("http://127.0.0.1:{port}/"), "--out", output, "--chromium"])
        .arg(&chromium)
        .current_dir(suite)
        .env("STAFF_EMAIL", staff_email)
        .env("STAFF_PASSWORD", staff_password)
        .status()
        .expect("node runs");
    assert!(status.success(), "the browser suite found problems (see FAIL lines above; {output}/summary.json)");
}
