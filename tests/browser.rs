//! The real-browser suite (`tests/browser/run.mjs`): headless Chromium against the real server on a
//! temporary database, over every kind of page; and the printed handouts (`tests/browser/print.mjs`)
//! on real-shaped meetings, read back from the PDFs Chromium makes (`pdfinfo`, `pdftotext` and
//! `pdftoppm` from poppler-utils where installed). Outside CI a missing browser or Node.js skips
//! them with a plain message; with `CI=true` that is a failure.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
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

// ==== Printed handouts (issue 23): Chromium's PDFs of real-shaped sheets. ====

/// Five groups with open meetings in `tests/fixtures/referral-feed.json`.
const FIVE: &str = "group=alcoholics-anonymous&group=smart-recovery&group=women-for-sobriety\
    &group=secular-organizations-for-sobriety&group=lifering-secular-recovery";

/// What was printed: each job's PDF and the page's HTML, by job name.
struct Printed {
    folder: PathBuf,
    html: BTreeMap<String, String>,
}

/// The sheets printed, once for every print test; `None` (with the reason said) where Chromium,
/// Node.js or the suite's packages are missing outside CI.
fn printed() -> Option<&'static Printed> {
    static PRINTED: OnceLock<Option<Printed>> = OnceLock::new();
    PRINTED.get_or_init(print_sheets).as_ref()
}

/// The print jobs: (name, path, paper).
fn print_jobs() -> Vec<(String, String, &'static str)> {
    let mut jobs = Vec::new();
    for (prefix, lang) in [("", "en"), ("/es", "es")] {
        for paper in ["Letter", "A4"] {
            let path = format!("{prefix}/handouts/referral?{FIVE}&near=Huntington+Beach&women_only=accept");
            jobs.push((format!("referral-{lang}-{paper}"), path, paper));
        }
    }
    // Seven groups run over one page: the second must hold more than the footer.
    let seven = format!("{FIVE}&group=narcotics-anonymous&group=cocaine-anonymous&near=Huntington+Beach");
    jobs.push(("referral-seven".to_owned(), format!("/handouts/referral?{seven}"), "Letter"));
    let schedule = "/handouts/meetings?type=O&attendance=in_person&region=Huntington+Beach";
    jobs.push(("schedule-en".to_owned(), schedule.to_owned(), "Letter"));
    jobs.push(("schedule-es".to_owned(), format!("/es{schedule}"), "Letter"));
    jobs
}

fn print_sheets() -> Option<Printed> {
    let Some(chromium) = chromium() else {
        unavailable("Chromium is not installed (apt-get install chromium)");
        return None;
    };
    let suite = Path::new(SUITE);
    if !succeeds("node", &["--version"], suite) || !suite.join("node_modules/playwright-core").exists() {
        unavailable(
            "Node.js or the suite's packages are missing (apt-get install nodejs npm; npm ci in tests/browser)",
        );
        return None;
    }
    let data = tempfile::tempdir().expect("temporary folder");
    let database = data.path().join("print.sqlite3");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/referral-feed.json");
    let imported = Command::new(BINARY)
        .args(["import", "--db"])
        .arg(&database)
        .arg(fixture)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .status()
        .expect("import runs");
    assert!(imported.success(), "the fixture imports");
    let port = free_port();
    let mut server = Server(
        Command::new(BINARY)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--timezone", "America/Los_Angeles"])
            .args(["--clinic-name", "Harbor Light Recovery Clinic"])
            .args(["--clinic-address", "18800 Main St Ste 104, Huntington Beach, CA 92648"])
            .args(["--clinic-phone", "(714) 555-0142", "--db"])
            .arg(&database)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("the server starts"),
    );
    assert!(wait_until_healthy(port, &mut server), "the server did not answer /healthz");
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/print"));
    let mut jobs: Vec<String> = print_jobs()
        .iter()
        .map(|(name, path, paper)| format!(r#"{{"name": "{name}", "path": "{path}", "format": "{paper}"}}"#))
        .collect();
    for (name, path) in [("groups-1280", "/groups"), ("groups-es-1280", "/es/groups")] {
        jobs.push(format!(r##"{{"name": "{name}", "path": "{path}", "width": 1280, "selector": ".table-scroll"}}"##));
    }
    let status = Command::new("node")
        .arg(suite.join("print.mjs"))
        .args(["--base", &format!("http://127.0.0.1:{port}/"), "--chromium"])
        .arg(&chromium)
        .arg("--out")
        .arg(&folder)
        .args(["--jobs", &format!("[{}]", jobs.join(","))])
        .current_dir(suite)
        .status()
        .expect("node runs");
    assert!(status.success(), "printing failed");
    let html = print_jobs().into_iter().map(|(name, path, _)| (name, fetch(port, &path))).collect();
    let printed = Printed { folder, html };
    save_screenshot(&printed, "referral-en-Letter", "referral-sheet");
    save_screenshot(&printed, "referral-es-Letter", "referral-sheet-es");
    save_screenshot(&printed, "schedule-en", "schedule");
    Some(printed)
}

/// The body of `GET path` from the test's server.
fn fetch(port: u16, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("the server answers");
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("request sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer read");
    answer.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default()
}

/// `target/screenshots/<file>.png`: the first page of a print job at 60 dpi (with `pdftoppm`).
fn save_screenshot(printed: &Printed, job: &str, file: &str) {
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/target/screenshots"));
    let _ = std::fs::create_dir_all(folder);
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-singlefile"])
        .arg(printed.folder.join(format!("{job}.pdf")))
        .arg(folder.join(file))
        .status();
}

/// The pages of a PDF: `pdfinfo`'s count where it is installed, else the page objects counted.
fn pages(pdf: &Path) -> usize {
    if let Ok(output) = Command::new("pdfinfo").arg(pdf).output()
        && output.status.success()
    {
        let info = String::from_utf8_lossy(&output.stdout);
        if let Some(count) = info.lines().find_map(|line| line.strip_prefix("Pages:")) {
            return count.trim().parse().expect("a page count");
        }
    }
    let bytes = std::fs::read(pdf).expect("the PDF");
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/Type /Page").filter(|(at, _)| !text[at + 11..].starts_with('s')).count()
}

/// The printed words of each page (`pdftotext`), or `None` where it is not installed.
fn page_texts(pdf: &Path) -> Option<Vec<String>> {
    let output = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().ok()?;
    output.status.success().then(|| {
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        let mut texts: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
        if texts.last().is_some_and(|last| last.trim().is_empty()) {
            texts.pop();
        }
        texts
    })
}

/// The text of the printed sheet: the PDF's where `pdftotext` is installed, else the article's HTML.
fn sheet_text(printed: &Printed, job: &str) -> String {
    page_texts(&printed.folder.join(format!("{job}.pdf"))).map_or_else(
        || {
            let html = &printed.html[job];
            let article = html.split_once("<article").map_or(html.as_str(), |(_, rest)| rest);
            article.split_once("</article>").map_or(article, |(inside, _)| inside).to_owned()
        },
        |pages| pages.join("\n"),
    )
}

#[test]
fn a_five_group_referral_sheet_with_real_shaped_data_prints_on_exactly_one_page_with_no_raw_address() {
    let Some(printed) = printed() else { return };
    for lang in ["en", "es"] {
        for paper in ["Letter", "A4"] {
            let job = format!("referral-{lang}-{paper}");
            let count = pages(&printed.folder.join(format!("{job}.pdf")));
            assert_eq!(count, 1, "{job} printed on {count} pages");
            let text = sheet_text(printed, &job);
            for raw in ["http://", "https://", "?group=", "&type=", "www."] {
                assert!(!text.contains(raw), "{job} prints {raw:?}:\n{text}");
            }
            assert!(text.contains("Harbor Light Recovery Clinic") && text.contains("(714) 555-0142"), "{job}:\n{text}");
            let short = if lang == "en" { "/g/aa" } else { "/es/g/aa" };
            assert!(text.contains(short), "{job} prints the short address {short}:\n{text}");
        }
    }
    assert!(printed.html["referral-en-Letter"].contains("<svg class=\"qr-code\""), "the QR code is drawn");
}

#[test]
fn a_referral_sheet_longer_than_a_page_never_leaves_a_page_holding_only_its_footer() {
    let Some(printed) = printed() else { return };
    let pdf = printed.folder.join("referral-seven.pdf");
    assert!(pages(&pdf) >= 2, "seven groups run over one page");
    let Some(texts) = page_texts(&pdf) else { return };
    let last = texts.last().expect("a last page");
    assert!(last.contains("Client:"), "the fill-in lines are with the footer:\n{last}");
    assert!(
        ["Narcotics Anonymous", "Cocaine Anonymous", "LifeRing"].iter().any(|group| last.contains(group)),
        "the last page holds a group, not only the footer:\n{last}"
    );
}

#[test]
fn a_printed_schedules_title_names_its_filters_and_its_zone_once() {
    let Some(printed) = printed() else { return };
    for (job, title, zone) in [
        ("schedule-en", "Open in-person meetings, Huntington Beach", "Times are Los Angeles time."),
        ("schedule-es", "Reuniones abiertas en persona, Huntington Beach", "Horario: hora de Los Angeles."),
    ] {
        let text = sheet_text(printed, job);
        assert!(text.contains(title), "{job}:\n{text}");
        assert_eq!(text.matches("Los Angeles").count(), 1, "{job}: the zone once:\n{text}");
        assert!(text.contains(zone), "{job}:\n{text}");
        let count = pages(&printed.folder.join(format!("{job}.pdf")));
        assert_eq!(count, 1, "{job}: a dozen meetings on one page, {count} printed");
    }
}

#[test]
fn the_table_of_every_group_fits_a_1280_px_screen_without_sideways_scroll() {
    let Some(printed) = printed() else { return };
    for job in ["groups-1280", "groups-es-1280"] {
        let widths = std::fs::read_to_string(printed.folder.join(format!("{job}.json"))).expect("measured");
        let number = |key: &str| -> u32 {
            let after = widths.split(&format!("\"{key}\":")).nth(1).expect("a width");
            after.chars().take_while(char::is_ascii_digit).collect::<String>().parse().expect("a number")
        };
        let (scroll, client) = (number("scrollWidth"), number("clientWidth"));
        assert!(scroll <= client, "{job}: the table is {scroll} px wide in {client} px");
    }
}
