//! The command line's import and export, run as a user would: the real binary on a temporary database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_mutual-support");

fn run(database: &Path, arguments: &[&str]) -> Output {
    Command::new(BINARY)
        .args(arguments)
        .arg("--db")
        .arg(database)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn run_ok(database: &Path, arguments: &[&str]) -> String {
    let output = run(database, arguments);
    assert!(output.status.success(), "{arguments:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn export_json(database: &Path) -> Vec<Value> {
    serde_json::from_str(&run_ok(database, &["export", "--format", "json"])).expect("the export is JSON")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

/// Objects keyed by slug, for comparing exports regardless of order.
fn by_slug(feed: &[Value]) -> std::collections::BTreeMap<String, Value> {
    feed.iter().map(|meeting| (meeting["slug"].as_str().unwrap_or_default().to_owned(), meeting.clone())).collect()
}

#[test]
fn import_then_export_gives_back_every_field() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let summary = run_ok(&database, &["import", &fixture("finder-feed.json")]);
    assert!(summary.contains("11 meetings read: 11 were added"), "{summary}");
    let exported = by_slug(&export_json(&database));
    let original: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(fixture("finder-feed.json")).expect("fixture")).expect("JSON");
    assert_eq!(exported.len(), original.len());
    for meeting in &original {
        let slug = meeting["slug"].as_str().expect("slug");
        let back = &exported[slug];
        for (field, value) in meeting.as_object().expect("object") {
            assert_eq!(&back[field], value, "{slug}.{field}");
        }
    }
    let again = run_ok(&database, &["import", &fixture("finder-feed.json")]);
    assert!(again.contains("0 were added, 0 updated, 11 unchanged"), "{again}");
}

#[test]
fn the_shared_sample_feed_keeps_fields_we_do_not_model() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let sample = fixture("sample-feed.json");
    run_ok(&database, &["import", "--group", "alcoholics-anonymous", &sample]);
    let exported = by_slug(&export_json(&database));
    assert_eq!(exported["lakeside-morning-reflections"]["venmo"], "@lakeside-aa");
    assert_eq!(exported["saturday-hybrid-speaker"]["feedback_url"], "https://example.org/update");
    assert_eq!(exported["4012"]["day"], serde_json::json!([2, 4]));
    assert_eq!(exported["4012"]["region"], "Lakeview");
    assert_eq!(
        exported["late-night-equipe"]["notes"],
        "Notes are plain text: <script>alert(1)</script> must show as text."
    );
    assert_eq!(exported["noon-online-discussion"]["attendance_option"], "online");
    assert_eq!(exported["lakeside-morning-reflections"]["fellowship"], "alcoholics-anonymous");
}

#[test]
fn the_csv_round_trip_loses_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let first = folder.path().join("first.sqlite3");
    run_ok(&first, &["import", &fixture("finder-feed.json")]);
    let csv = run_ok(&first, &["export", "--format", "csv"]);
    let csv_file = write(folder.path(), "meetings.csv", &csv);
    let second = folder.path().join("second.sqlite3");
    run_ok(&second, &["import", csv_file.to_str().expect("path")]);
    assert_eq!(by_slug(&export_json(&first)), by_slug(&export_json(&second)));
}

#[test]
fn a_malformed_feed_changes_nothing_and_names_every_bad_record() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let before = export_json(&database);
    let bad = write(
        folder.path(),
        "bad.json",
        r#"[
          {"name": "Fine", "slug": "alpha-open-women", "day": 1, "time": "18:00", "fellowship": "alcoholics-anonymous"},
          {"name": "Bad Day", "slug": "bad-day", "day": 9, "time": "19:00"},
          {"name": "Bad Time", "slug": "bad-time", "day": 1, "time": "25:99"},
          {"slug": "no-name", "day": 1, "time": "19:00"},
          {"name": "Twice", "slug": "bad-day", "day": 2, "time": "19:00"}
        ]"#,
    );
    let output = run(&database, &["import", bad.to_str().expect("path")]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("nothing was imported"), "{message}");
    for expected in [
        "record 2 (slug \"bad-day\"): day",
        "record 3 (slug \"bad-time\"): time: \"25:99\"",
        "record 4 (slug \"no-name\"): name",
        "record 5 (slug \"bad-day\"): slug: appears twice",
    ] {
        assert!(message.contains(expected), "missing {expected:?} in {message}");
    }
    let truncated = write(folder.path(), "truncated.json", r#"[{"name": "Cut", "slug": "cut", "day": 1"#);
    let output = run(&database, &["import", truncated.to_str().expect("path")]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a meeting feed"));
    assert_eq!(export_json(&database), before, "the database is exactly as it was");
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let report = run_ok(&database, &["import", "--dry-run", &fixture("finder-feed.json")]);
    assert!(report.contains("11 would be added") && report.contains("nothing was written"), "{report}");
    assert!(export_json(&database).is_empty());
}

#[test]
fn replace_archives_the_groups_meetings_missing_from_the_file() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let smaller = write(
        folder.path(),
        "na.json",
        r#"[{"name": "Eta Two Days", "slug": "eta-two-days", "day": [2, 4], "time": "06:45", "types": ["O"]}]"#,
    );
    let report =
        run_ok(&database, &["import", "--group", "narcotics-anonymous", "--replace", smaller.to_str().expect("path")]);
    assert!(report.contains("1 updated") && report.contains("1 archived"), "{report}");
    let slugs: Vec<String> = by_slug(&export_json(&database)).into_keys().collect();
    assert!(!slugs.contains(&"gamma-closed-women".to_owned()), "archived meetings are not exported");
    assert!(slugs.contains(&"alpha-open-women".to_owned()), "other groups are untouched");
    let missing_group = run(&database, &["import", "--replace", smaller.to_str().expect("path")]);
    assert!(!missing_group.status.success(), "--replace needs --group");
}

#[test]
fn tsml_csv_imports_with_the_group_given_on_the_command_line() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let csv = write(
        folder.path(),
        "tsml.csv",
        "Time,Day,Name,Location,Address,City,State,Types,Notes\n\
         7:00 PM,Tuesday,Hope Group,Hall,1 Main St,Riverton,MN,\"Open, Speaker\",<b>Bring</b> a friend\n",
    );
    run_ok(&database, &["import", "--group", "cocaine-anonymous", csv.to_str().expect("path")]);
    let exported = export_json(&database);
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["fellowship"], "cocaine-anonymous");
    assert_eq!(exported[0]["types"], serde_json::json!(["O", "SP"]));
    assert_eq!(exported[0]["time"], "19:00");
    assert_eq!(exported[0]["notes"], "<b>Bring</b> a friend");
}

#[test]
fn calendar_events_keep_their_local_time_across_daylight_saving() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let calendar = run_ok(&database, &["export", "--format", "ics", "--group", "smart-recovery"]).replace("\r\n ", "");
    let start = calendar.lines().find(|line| line.starts_with("DTSTART;TZID=America/Chicago:")).expect("DTSTART");
    let local: jiff::civil::DateTime = start.rsplit(':').next().expect("value").parse().expect("local time");
    assert_eq!((local.hour(), local.minute()), (12, 30));
    // The series is local time in the meeting's zone: 12:30 in Chicago is 17:30 UTC in summer, 18:30 in winter.
    let zone = jiff::tz::TimeZone::get("America/Chicago").expect("zone");
    let summer = jiff::civil::date(2026, 10, 27).at(12, 30, 0, 0).to_zoned_datetime(zone.clone()).expect("time");
    let winter = jiff::civil::date(2026, 11, 3).at(12, 30, 0, 0).to_zoned_datetime(zone).expect("time");
    assert_eq!(summer.timestamp().to_string(), "2026-10-27T17:30:00Z");
    assert_eq!(winter.timestamp().to_string(), "2026-11-03T18:30:00Z");
    assert!(calendar.contains("RRULE:FREQ=WEEKLY;BYDAY=TU"), "{calendar}");
    assert!(!calendar.contains("DTSTART:"), "no floating or UTC start times: {calendar}");
}

#[test]
fn a_record_naming_an_unknown_group_is_reported_with_the_other_errors_in_one_pass() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let feed = write(
        folder.path(),
        "unknown.json",
        r#"[{"name": "Fine", "slug": "fine", "day": 1, "time": "18:00", "fellowship": "smart-recovery"},
            {"name": "Stray", "slug": "stray", "day": 1, "time": "19:00", "fellowship": "no-such-group"},
            {"name": "Bad Day", "slug": "bad-day", "day": 9, "time": "19:00"}]"#,
    );
    let output = run(&database, &["import", feed.to_str().expect("path")]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("record 2 (slug \"stray\"): fellowship: there is no group"), "{message}");
    assert!(message.contains("record 3 (slug \"bad-day\"): day"), "reported in the same pass: {message}");
    assert!(export_json(&database).is_empty(), "nothing was imported");
}

/// The standard error of a run, as text.
fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The warning lines (`  record N ...`) a run printed.
fn warning_lines(output: &Output) -> Vec<String> {
    stderr_of(output).lines().filter(|line| line.starts_with("  record ")).map(str::to_owned).collect()
}

#[test]
fn a_real_world_feed_imports_with_each_meeting_in_the_zone_of_its_coordinates() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let output = run(&database, &["import", "--group", "alcoholics-anonymous", &fixture("wild-feed.json")]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("4 meetings read: 4 were added") && summary.contains("; 20 warnings."), "{summary}");
    assert_eq!(warning_lines(&output).len(), 20, "a normal import prints its warnings too");
    let exported = by_slug(&export_json(&database));
    let early = &exported["foothill-early-risers"];
    assert_eq!(early["timezone"], "America/Los_Angeles", "California coordinates, no zone: Los Angeles");
    assert_eq!(early["time"], "06:00");
    assert_eq!(early["day"], 1);
    assert_eq!(early["types"], serde_json::json!(["O", "D", "X"]));
    assert_eq!(early["regions"], serde_json::json!(["Orange County", "Huntington Beach"]));
    assert_eq!(early["notes"], "<p>Enter through the <b>side door</b>.</p><br>Coffee from 5:45.");
    assert_eq!(exported["late-night-serenity"]["timezone"], "America/Los_Angeles");
    assert_eq!(exported["online-sunrise"]["timezone"], "America/Chicago", "neither zone nor place: the site's");
    let calendar = run_ok(&database, &["export", "--format", "ics"]).replace("\r\n ", "");
    assert!(calendar.contains("DTSTART;TZID=America/Los_Angeles:"), "{calendar}");
}

#[test]
fn a_dry_run_lists_every_warning_naming_record_field_and_values() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let output =
        run(&database, &["import", "--dry-run", "--group", "alcoholics-anonymous", &fixture("wild-feed.json")]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let lines = warning_lines(&output);
    assert_eq!(lines.len(), 20, "{lines:?}");
    for expected in [
        r#"record 1 (slug "foothill-early-risers"): time: read "6:00 AM", took it as 06:00"#,
        r#"record 1 (slug "foothill-early-risers"): day: read "Monday", took it as 1 (Monday)"#,
        r#"record 2 (slug "nooner-on-the-pier"): approximate: read [], took it as no"#,
        r#"record 4 (slug "online-sunrise"): timezone: read no timezone and no coordinates, took it as America/Chicago (the site's zone)"#,
    ] {
        assert!(lines.iter().any(|line| line.contains(expected)), "missing {expected:?} in {lines:#?}");
    }
    assert!(String::from_utf8_lossy(&output.stdout).contains("20 warnings. (dry run: nothing was written)"));
    assert!(export_json(&database).is_empty());
}

#[test]
fn strict_refuses_a_feed_with_warnings_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let output = run(&database, &["import", "--strict", "--group", "alcoholics-anonymous", &fixture("wild-feed.json")]);
    assert!(!output.status.success());
    let message = stderr_of(&output);
    assert!(message.contains("nothing was imported") && message.contains("20 bad record(s)"), "{message}");
    assert!(message.contains(r#"time: read "6:00 AM", would take it as 06:00 (strict"#), "{message}");
    assert!(export_json(&database).is_empty());
    run_ok(&database, &["import", "--strict", &fixture("finder-feed.json")]);
}

#[test]
fn an_import_timezone_comes_after_coordinates_and_silences_the_site_zone_warning() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let output = run(
        &database,
        &["import", "--timezone", "America/Los_Angeles", "--group", "alcoholics-anonymous", &fixture("wild-feed.json")],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(!stderr_of(&output).contains("timezone:"), "{}", stderr_of(&output));
    assert_eq!(by_slug(&export_json(&database))["online-sunrise"]["timezone"], "America/Los_Angeles");
    let unknown = run(&database, &["import", "--timezone", "Mars/Olympus", &fixture("wild-feed.json")]);
    assert!(!unknown.status.success());
    assert!(stderr_of(&unknown).contains("Mars/Olympus"), "{}", stderr_of(&unknown));
}

#[test]
fn a_normal_import_prints_the_first_fifty_warnings_and_counts_the_rest() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let records: Vec<String> = (0..30)
        .map(|n| format!(r#"{{"name": "M{n}", "slug": "m{n}", "day": "Monday", "time": "7 pm", "timezone": "UTC"}}"#))
        .collect();
    let feed = write(folder.path(), "many.json", &format!("[{}]", records.join(",")));
    let output = run(&database, &["import", feed.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(warning_lines(&output).len(), 50);
    assert!(stderr_of(&output).contains("... and 10 more (`--dry-run` lists them all)"), "{}", stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("; 60 warnings."));
}

#[test]
fn a_utf16_or_binary_file_is_refused_as_not_utf8_text() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Name,Day,Time\nA,1,19:00\n".encode_utf16().flat_map(u16::to_le_bytes));
    let binary = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0xC3, 0x28];
    for (name, bytes) in [("utf16.csv", utf16.as_slice()), ("sheet.xlsx", binary.as_slice())] {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        let output = run(&database, &["import", path.to_str().expect("path")]);
        assert!(!output.status.success());
        let message = stderr_of(&output);
        assert!(message.contains("not UTF-8 text"), "{name}: {message}");
        assert!(!message.contains("the CSV") && !message.contains("row"), "not a CSV error: {message}");
    }
}

#[test]
fn a_one_megabyte_note_is_an_error_naming_the_record() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let note = "x".repeat(1_000_000);
    let feed = write(
        folder.path(),
        "big.json",
        &format!(
            r#"[{{"name": "Fine", "slug": "fine", "day": 1, "time": "19:00", "timezone": "UTC"}},
                {{"name": "Huge", "slug": "huge", "day": 1, "time": "19:00", "notes": "{note}"}}]"#
        ),
    );
    let output = run(&database, &["import", feed.to_str().expect("path")]);
    assert!(!output.status.success());
    let message = stderr_of(&output);
    assert!(message.contains(r#"record 2 (slug "huge"): record: is 1000"#), "{}", &message[..message.len().min(500)]);
    assert!(message.len() < 2_000, "the note is not echoed back");
    assert!(export_json(&database).is_empty());
}

#[test]
fn reimporting_without_a_group_keeps_the_group_of_stored_meetings() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let feed = write(
        folder.path(),
        "plain.json",
        r#"[{"name": "Plain", "slug": "plain", "day": 1, "time": "19:00", "timezone": "America/Chicago"}]"#,
    );
    run_ok(&database, &["import", "--group", "smart-recovery", feed.to_str().expect("path")]);
    let again = run_ok(&database, &["import", feed.to_str().expect("path")]);
    assert!(again.contains("1 unchanged"), "{again}");
    let exported = export_json(&database);
    assert_eq!(exported[0]["fellowship"], "smart-recovery");
    let listed = run_ok(&database, &["export", "--group", "smart-recovery"]);
    assert!(listed.contains("\"plain\""), "still in its group's list: {listed}");
}

#[test]
fn coordinates_are_written_back_exactly_as_read() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let feed = write(
        folder.path(),
        "exact.json",
        r#"[{"name": "Number", "slug": "number", "day": 1, "time": "19:00", "latitude": 33.6846, "longitude": -117.9878253},
            {"name": "Text", "slug": "text", "day": 1, "time": "19:00", "latitude": "33.6846", "longitude": "-117.9878253"}]"#,
    );
    run_ok(&database, &["import", feed.to_str().expect("path")]);
    let json = run_ok(&database, &["export", "--format", "json"]);
    assert_eq!(json.matches(r#""longitude":-117.9878253"#).count(), 2, "{json}");
    assert!(!json.contains("-117.98782529"), "{json}");
    let csv = run_ok(&database, &["export", "--format", "csv"]);
    assert_eq!(csv.matches(",-117.9878253,").count(), 2, "{csv}");
}

#[test]
fn a_zero_length_database_is_refused_not_reseeded() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    std::fs::write(&database, b"").expect("an empty file");
    for arguments in [&["serve", "--bind", "127.0.0.1:0"][..], &["export"], &["import", &fixture("finder-feed.json")]] {
        let output = run(&database, arguments);
        assert!(!output.status.success(), "{arguments:?} accepted an empty file");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&database.display().to_string()) && stderr.contains("empty"), "{stderr}");
    }
    assert_eq!(std::fs::metadata(&database).expect("still there").len(), 0, "nothing was written into it");
}

#[test]
fn a_database_damaged_in_the_middle_is_refused_at_start_naming_the_file() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let copy = folder.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&database).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle..middle + 2048].fill(0xA5);
    std::fs::write(&copy, &bytes).expect("written");
    for arguments in [&["serve", "--bind", "127.0.0.1:0"][..], &["export"]] {
        let output = run(&copy, arguments);
        assert!(!output.status.success(), "{arguments:?} accepted a damaged file");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("damaged.sqlite3") && stderr.contains("damaged"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let text = folder.path().join("notes.sqlite3");
    std::fs::write(&text, "these are not meetings").expect("written");
    let stderr = String::from_utf8_lossy(&run(&text, &["export"]).stderr).into_owned();
    assert!(stderr.contains("notes.sqlite3: is not an SQLite database"), "{stderr}");
}

/// A feed of `count` generated meetings.
fn generated_feed(folder: &Path, count: usize) -> PathBuf {
    let meetings: Vec<Value> = (0..count)
        .map(|n| {
            serde_json::json!({
                "name": format!("Generated Meeting {n}"), "slug": format!("generated-{n}"),
                "fellowship": "alcoholics-anonymous", "day": n % 7, "time": "19:00",
                "timezone": "America/Chicago", "types": ["O"], "location": format!("Hall {n}"),
                "formatted_address": format!("{n} Example St, Riverton, MN 55990, USA"),
                "notes": "x".repeat(200)
            })
        })
        .collect();
    write(folder, "generated.json", &serde_json::to_string(&meetings).expect("JSON"))
}

#[test]
fn a_backup_taken_while_an_import_runs_is_whole_and_exports_like_its_source() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let before = run_ok(&database, &["export"]);
    let feed = generated_feed(folder.path(), 5_000);
    let mut import = Command::new(BINARY)
        .args(["import", "--db"])
        .arg(&database)
        .arg(&feed)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the import starts");
    let copy = folder.path().join("copy.sqlite3");
    let mut copies = 0;
    // Copies taken while the import runs (and one after, at least).
    loop {
        let running = import.try_wait().expect("the import").is_none();
        let summary = run_ok(&database, &["backup", copy.to_str().expect("path")]);
        assert!(summary.contains("checked"), "{summary}");
        copies += 1;
        let check = rusqlite::Connection::open(&copy)
            .and_then(|connection| connection.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)))
            .expect("the copy opens");
        assert_eq!(check, "ok");
        let exported = run_ok(&copy, &["export"]);
        if running && exported == before {
            continue;
        }
        if !running {
            assert_eq!(exported, run_ok(&database, &["export"]), "a copy after the import exports like its source");
            break;
        }
        // Taken during the import: the import is wholly in it (it committed), never half.
        assert_eq!(exported.matches("\"generated-").count(), 5_000, "all or nothing");
    }
    assert!(import.wait().expect("the import ends").success());
    assert!(copies >= 1);
}

#[test]
fn export_and_backup_work_on_a_read_only_database_file() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let before = run_ok(&database, &["export"]);
    let mut permissions = std::fs::metadata(&database).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&database, permissions).expect("made read-only");
    assert_eq!(run_ok(&database, &["export"]), before);
    let copy = folder.path().join("copy.sqlite3");
    run_ok(&database, &["backup", copy.to_str().expect("path")]);
    assert_eq!(run_ok(&copy, &["export"]), before);
    let refused = run(&database, &["import", &fixture("finder-feed.json")]);
    // As root the file stays writable; otherwise the refusal names the file.
    if !refused.status.success() {
        let stderr = stderr_of(&refused);
        assert!(stderr.contains("directory.sqlite3") && stderr.contains("cannot be written"), "{stderr}");
    }
}

/// Standard output and error of a run, as the terminal would get them.
fn both(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// No character in `text` that a terminal would act on or that reorders what it shows.
fn assert_no_raw_controls(text: &str) {
    let raw: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n')
                || ('\u{202A}'..='\u{202E}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect();
    assert!(raw.is_empty(), "raw control characters {raw:?} in:\n{text}");
}

#[test]
fn terminal_escapes_in_files_and_stored_errors_are_shown_escaped_by_import_and_source_list() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let bad = write(
        folder.path(),
        "bad.json",
        r#"[{"name": "A", "slug": "\u001b[2J\u001b[31mevil", "day": 1, "time": "19:00", "timezone": "UTC"},
            {"name": "B", "slug": "b", "day": 1, "time": "19:00", "timezone": "UTC", "types": ["\u001b]0;pwned\u0007"]},
            {"name": "C", "slug": "c\u202e", "day": 1, "time": "19:00", "timezone": "UTC"}]"#,
    );
    let output = run(&database, &["import", bad.to_str().expect("path")]);
    assert!(!output.status.success());
    let printed = both(&output);
    assert_no_raw_controls(&printed);
    assert!(printed.contains(r#"(slug "\u{1b}[2J\u{1b}[31mevil")"#), "{printed}");
    assert!(printed.contains(r#"types: "\u{1b}]0;pwned\u{7}" is not a type code"#), "{printed}");
    assert!(printed.contains(r#"(slug "c\u{202e}")"#), "{printed}");

    let warned = write(
        folder.path(),
        "warned.json",
        r#"[{"name": "Serenity \u202egnp.exe", "slug": "s", "day": "Monday", "time": "19:00", "timezone": "UTC", "fellowship": "alcoholics-anonymous"}]"#,
    );
    let output = run(&database, &["import", "--dry-run", warned.to_str().expect("path")]);
    assert!(output.status.success(), "{}", both(&output));
    let printed = both(&output);
    assert_no_raw_controls(&printed);
    assert!(printed.contains(r"\u{202e}gnp.exe"), "{printed}");

    run_ok(
        &database,
        &["source", "add", "--group", "alcoholics-anonymous", "metro", "https://feeds.example/metro.json"],
    );
    let store = mutual_support::db::Store::open(&database).expect("opens");
    let source = store.source("metro").expect("reads").expect("there");
    store
        .record_source_failure(source.id, "the feed has 1 bad record(s): record 1 (slug \"\u{1b}[5m\")")
        .expect("recorded");
    drop(store);
    let listed = run_ok(&database, &["source", "list"]);
    assert_no_raw_controls(&listed);
    assert!(listed.contains(r"\u{1b}[5m"), "{listed}");
}

#[test]
fn a_sources_password_and_api_key_stay_out_of_source_list_sync_errors_and_the_log() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    // A port nothing listens on: the fetch fails and its error is printed and recorded.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("binds").local_addr().expect("address").port();
    let url = format!("http://feeduser:pw-s3cret@127.0.0.1:{port}/feed.json?api_key=key-abc123&format=json");
    let secrets = ["feeduser", "pw-s3cret", "key-abc123", "api_key"];
    let added = run_ok(&database, &["source", "add", "--group", "alcoholics-anonymous", "metro", &url]);
    let synced = run(&database, &["sync"]);
    assert!(!synced.status.success(), "the fetch fails: {}", both(&synced));
    let listed = run_ok(&database, &["source", "list"]);
    for printed in [added, both(&synced), listed.clone()] {
        for secret in secrets {
            assert!(!printed.contains(secret), "{secret} shown in:\n{printed}");
        }
    }
    assert!(listed.contains(&format!("http://127.0.0.1:{port}/feed.json")), "{listed}");
    let store = mutual_support::db::Store::open(&database).expect("opens");
    let error = store.source("metro").expect("reads").expect("there").last_error.expect("an error recorded");
    assert!(secrets.iter().all(|secret| !error.contains(secret)), "{error}");
}

#[test]
fn an_import_while_another_process_holds_the_write_lock_says_the_database_is_busy_once() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    let other = rusqlite::Connection::open(&database).expect("a second connection");
    other.execute_batch("BEGIN IMMEDIATE").expect("the write lock");
    let output = run(&database, &["import", &fixture("finder-feed.json")]);
    drop(other);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(errors.trim(), "error: the database is busy (another process is writing); try again", "{errors}");
}

#[test]
fn where_real_meetings_were_served_a_missing_file_stops_every_command_until_serve_seed() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    run_ok(&database, &["import", &fixture("finder-feed.json")]);
    std::fs::remove_file(&database).expect("deleted");
    let output = run(&database, &["source", "list"]);
    assert!(!output.status.success());
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("there is no database file here, but one with real meetings was served"), "{errors}");
    assert!(!database.exists(), "no empty database was made in its place");
    let mut server = std::process::Command::new(BINARY)
        .args(["serve", "--seed", "--bind", "127.0.0.1:0", "--db"])
        .arg(&database)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !database.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Stop the server this test started.
    server.kill().expect("stopped");
    server.wait().expect("gone");
    assert!(database.exists(), "--seed starts afresh");
}

/// One GET to a server on loopback; the status line.
fn get_status(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return String::new() };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let mut answer = String::new();
    if stream.write_all(request.as_bytes()).is_err() || stream.read_to_string(&mut answer).is_err() {
        return String::new();
    }
    answer.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn the_request_log_names_the_path_never_a_place_or_the_coordinates_use_my_location_sends() {
    let folder = tempfile::tempdir().expect("folder");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("binds").local_addr().expect("address").port();
    let log = std::fs::File::create(folder.path().join("log")).expect("log file");
    let mut server = Command::new(BINARY)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--db"])
        .arg(folder.path().join("directory.sqlite3"))
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(log.try_clone().expect("log file"))
        .stderr(log)
        .spawn()
        .expect("the server starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !get_status(port, "/healthz").contains("200") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let asked = [
        "/meetings?near=45.153%2C-93.213#results",
        "/meetings?near=45.153,-93.213&day=tonight",
        "/meetings/sunrise-serenity-riverton?from=near%3D45.153%252C-93.213",
        "/meetings?near=Millbrook+MN",
    ];
    for path in asked {
        assert!(get_status(port, path).contains("200"), "{path}");
    }
    let _ = server.kill();
    let _ = server.wait();
    let written = std::fs::read_to_string(folder.path().join("log")).expect("the log");
    let requests: Vec<&str> = written.lines().filter(|line| line.contains("GET /meetings")).collect();
    assert_eq!(requests.len(), asked.len(), "each request is logged: {written}");
    for line in requests {
        for secret in ["45.153", "93.213", "near", "Millbrook", "from=", "?"] {
            assert!(!line.contains(secret), "{secret} in the log line {line:?}");
        }
    }
}
