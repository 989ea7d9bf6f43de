//! The `user` commands, run as an administrator would: the real binary, the password piped in.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_mutual-support");

fn user(database: &Path, arguments: &[&str], password: Option<&str>) -> Output {
    let mut child = Command::new(BINARY)
        .arg("user")
        .args(arguments)
        .arg("--db")
        .arg(database)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(password) = password {
        child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("written");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("finishes")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn user_add_creates_the_database_and_stores_an_argon2id_hash_never_the_password() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("new").join("directory.sqlite3");
    let added = user(&database, &["add", "--role", "admin", "Admin@Example.org"], Some("a long enough password"));
    assert!(added.status.success(), "{}", text(&added));
    assert!(text(&added).contains("Added admin admin@example.org"), "{}", text(&added));
    let bytes = std::fs::read(&database).expect("the database was created");
    let contents = String::from_utf8_lossy(&bytes);
    assert!(contents.contains("$argon2id$"), "an Argon2id PHC string is stored");
    assert!(!contents.contains("a long enough password"), "the password itself is never stored");
    let listed = user(&database, &["list"], None);
    assert!(text(&listed).contains("admin@example.org\tadmin"), "{}", text(&listed));
}

#[test]
fn a_short_password_a_bad_role_and_a_second_account_for_one_address_are_refused() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    let short = user(&database, &["add", "--role", "editor", "e@example.org"], Some("short pass"));
    assert!(!short.status.success());
    assert!(text(&short).contains("at least 12 characters"), "{}", text(&short));
    let role = user(&database, &["add", "--role", "owner", "e@example.org"], Some("a long enough password"));
    assert!(!role.status.success());
    assert!(
        user(&database, &["add", "--role", "editor", "e@example.org"], Some("a long enough password")).status.success()
    );
    let twice = user(&database, &["add", "--role", "admin", "E@example.org"], Some("another long password"));
    assert!(!twice.status.success());
    assert!(text(&twice).contains("already an account"), "{}", text(&twice));
    let listed = text(&user(&database, &["list"], None));
    assert!(listed.contains("e@example.org\teditor"), "{listed}");
}

#[test]
fn user_password_and_user_remove_change_only_existing_accounts() {
    let folder = tempfile::tempdir().expect("folder");
    let database = folder.path().join("directory.sqlite3");
    assert!(
        user(&database, &["add", "--role", "editor", "e@example.org"], Some("first long password")).status.success()
    );
    let changed = user(&database, &["password", "e@example.org"], Some("second long password"));
    assert!(changed.status.success(), "{}", text(&changed));
    let unknown = user(&database, &["password", "nobody@example.org"], Some("second long password"));
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("no account"), "{}", text(&unknown));
    assert!(user(&database, &["remove", "e@example.org"], None).status.success());
    assert!(text(&user(&database, &["list"], None)).contains("No staff accounts"));
    let again = user(&database, &["remove", "e@example.org"], None);
    assert!(!again.status.success());
}
