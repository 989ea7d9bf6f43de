//! The command line: `serve` (the default), and the meeting data tools. Every flag has an
//! environment fallback, so a service manager can configure the site without arguments.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::ImportOptions;
use crate::feed::{self, ExportFormat, SourceFormat};
use crate::meetings::MeetingFilter;
use crate::startup;
use crate::state::{AppState, Core, Settings};

#[derive(Debug, Parser)]
#[command(name = "mutual-support", version, about = "A directory of mutual support groups and their meetings")]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// `serve`'s options, so that a bare `mutual-support` serves.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the website (what runs when no subcommand is given).
    Serve(ServeArgs),
    /// Import meetings from a Meeting Guide JSON feed, a CSV file or a saved BMLT answer (all or
    /// nothing).
    Import(ImportArgs),
    /// Write meetings to standard output as a Meeting Guide feed, CSV or iCalendar.
    Export(ExportArgs),
    /// Register, list or remove the feeds the site keeps in sync.
    Source(SourceArgs),
    /// Fetch sources and import each as its whole set (all sources when none is named).
    Sync(SyncArgs),
    /// Add, list or remove staff accounts, or set a password.
    User(UserArgs),
    /// Copy the database, consistently, while the site serves and imports run (SQLite's online
    /// backup). Restore: stop the site, put the copy in the database's place, start it.
    Backup(BackupArgs),
}

#[derive(Debug, Args)]
struct BackupArgs {
    /// The SQLite database file to copy (read only).
    #[arg(long = "db", env = "DATABASE_PATH", default_value = "data/directory.sqlite3")]
    database_path: PathBuf,
    /// Where to write the copy (replaced if it exists).
    file: PathBuf,
}

#[derive(Debug, Args)]
struct SourceArgs {
    #[command(subcommand)]
    command: SourceCommand,
}

#[derive(Debug, Subcommand)]
enum SourceCommand {
    /// Register a feed (fetched at the next `sync`).
    Add(SourceAddArgs),
    /// Each source: URL, group, last success, last error, meetings, warnings.
    List(SourceListArgs),
    /// Stop following a source; its meetings are archived.
    Remove(SourceRemoveArgs),
}

#[derive(Debug, Args)]
struct SourceAddArgs {
    /// The SQLite database file; created, with its folder, when missing.
    #[arg(long = "db", env = "DATABASE_PATH", default_value = "data/directory.sqlite3")]
    database_path: PathBuf,
    /// The group (fellowship slug) of the feed's meetings that do not name one; required for a
    /// Meeting Guide feed, `narcotics-anonymous` for a BMLT root server.
    #[arg(long)]
    group: Option<String>,
    /// Zone of the feed's meetings that name none (an IANA name); default: the site's zone.
    #[arg(long = "timezone", value_name = "ZONE")]
    source_timezone: Option<String>,
    /// How the source is read: a Meeting Guide feed (JSON or CSV), or a BMLT root server.
    #[arg(long, value_enum, default_value = "meeting-guide")]
    format: SourceFormat,
    /// BMLT only: the service body ids to read (with the bodies under them); default: all.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    services: Vec<u32>,
    /// BMLT only: the web form where the server's people take changes to its meetings (BMLT
    /// names none); each meeting page links to it. Default: none.
    #[arg(long, value_name = "URL")]
    change_form: Option<String>,
    /// Follow the feed's redirects to other hosts too (by default only within its host and port).
    #[arg(long)]
    follow_redirects: bool,
    /// A short name: lower-case letters, digits and hyphens (it may prefix meeting addresses).
    name: String,
    /// The feed's address (http or https); for BMLT the root server's base
    /// (`https://example.org/main_server`).
    url: String,
}

#[derive(Debug, Args)]
struct SourceListArgs {
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Args)]
struct SourceRemoveArgs {
    #[command(flatten)]
    data: DataArgs,
    name: String,
}

#[derive(Debug, Args)]
struct SyncArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Longest wait for one feed (connecting and reading), e.g. `30s`, `2m`.
    #[arg(long = "fetch-timeout", env = "SYNC_TIMEOUT", default_value = "30s", value_parser = humantime::parse_duration)]
    fetch_timeout: std::time::Duration,
    /// Longest wait for all of one source's requests together (a BMLT root server is asked
    /// several times, once per page of meetings), e.g. `5m`.
    #[arg(long = "source-timeout", env = "SYNC_SOURCE_TIMEOUT", default_value = "5m", value_parser = humantime::parse_duration)]
    source_timeout: std::time::Duration,
    /// Largest feed read, in bytes.
    #[arg(long, env = "SYNC_MAX_BYTES", default_value_t = crate::sync::FetchLimits::default().max_bytes)]
    max_bytes: u64,
    /// The most records one source's feed may list (more fails that source).
    #[arg(long, env = "SYNC_MAX_RECORDS", default_value_t = crate::sync::MAX_RECORDS)]
    max_records: usize,
    /// The sources to sync (all when none is named).
    names: Vec<String>,
}

#[derive(Debug, Args)]
struct ImportArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The group (fellowship slug) of meetings whose record does not name one (with `--format
    /// bmlt`: `narcotics-anonymous` unless given).
    #[arg(long)]
    group: Option<String>,
    /// The file is the group's full list: its meetings missing from the file are archived.
    #[arg(long, requires = "group")]
    replace: bool,
    /// Report what would change, and every warning, without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Refuse the file if any value had to be read by interpretation (every warning is an error).
    #[arg(long)]
    strict: bool,
    /// The file's format: a Meeting Guide feed (JSON or CSV, told apart by content), or a saved
    /// BMLT `GetSearchResults` answer.
    #[arg(long, value_enum, default_value = "meeting-guide")]
    format: SourceFormat,
    /// With `--format bmlt`: a saved `GetFormats` answer, for a file that has no formats.
    #[arg(long, value_name = "FILE")]
    formats: Option<PathBuf>,
    /// The file to read, or `-` for standard input.
    file: PathBuf,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    data: DataArgs,
    #[arg(long, value_enum, default_value = "json")]
    format: ExportFormat,
    /// Only this group's meetings (a fellowship slug).
    #[arg(long)]
    group: Option<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    /// Megabytes of rendered finder pages and feeds kept in memory (0 turns the cache off).
    #[arg(long, env = "RESPONSE_CACHE_MB", default_value_t = 16)]
    cache_mb: u64,
    /// The unit of distances in the finder (`near`, `within`).
    #[arg(long, env = "DISTANCE_UNIT", value_enum, default_value = "mi")]
    distance_unit: crate::meetings::DistanceUnit,
    /// Sync every source in the background this often (`30m`, `6h`, `1d`); off when not given.
    #[arg(long, env = "SYNC_EVERY", value_parser = humantime::parse_duration)]
    sync_every: Option<std::time::Duration>,
    /// Serve from a database another process keeps current (a Litestream restore): never write
    /// to it; staff pages point to `--primary-url`.
    #[arg(long, env = "READ_ONLY")]
    read_only: bool,
    /// The primary's address, for a read-only replica's staff pages (e.g. https://example.org).
    #[arg(long, env = "PRIMARY_URL", requires = "read_only")]
    primary_url: Option<String>,
    /// E-mail staff who asked for it about new change requests and failed syncs through this
    /// SMTP server (`smtps://user:pass@mail.example.org`, `smtp://mail.example.org:587?tls=required`
    /// for STARTTLS, `smtp://127.0.0.1:25` plain on this machine); off when not given.
    #[arg(long, env = "SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of those messages.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Mutual Support Directory <directory@localhost>",
        requires = "smtp_url"
    )]
    mail_from: String,
    /// Start a new database with the sample meetings even where one with real meetings was
    /// served before and is now missing (otherwise such a start stops and says so).
    #[arg(long, env = "SEED")]
    seed: bool,
    /// A proxy (IP address) whose X-Forwarded-* headers are believed; repeat for several.
    #[arg(long = "trusted-proxy", env = "TRUSTED_PROXIES", value_delimiter = ',', value_name = "ADDR")]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// The clinic or office printed at the top of referral sheets (not from the fact sheet).
    #[arg(long, env = "CLINIC_NAME")]
    clinic_name: Option<String>,
    /// The clinic's street address, printed under its name on referral sheets.
    #[arg(long, env = "CLINIC_ADDRESS")]
    clinic_address: Option<String>,
    /// The clinic's telephone number, printed under its name on referral sheets.
    #[arg(long, env = "CLINIC_PHONE")]
    clinic_phone: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

/// Options every command that touches the database shares.
#[derive(Debug, Args)]
struct DataArgs {
    /// The SQLite database file; created, with its folder, when missing.
    #[arg(long = "db", env = "DATABASE_PATH", default_value = "data/directory.sqlite3")]
    database_path: PathBuf,
    /// The site's time zone (an IANA name): the last resort for a meeting whose record names no
    /// zone and has no coordinates, with a warning. Given on `import`'s command line, it is the
    /// zone of that file's meetings that name none and have no coordinates, without a warning.
    #[arg(long, env = "DEFAULT_TIMEZONE", default_value = "America/Chicago")]
    timezone: String,
}

impl DataArgs {
    fn settings(&self, seed_sample_meetings: bool) -> Settings {
        Settings {
            database_path: self.database_path.clone(),
            default_timezone: self.timezone.clone(),
            seed_sample_meetings,
            response_cache_bytes: 0,
            distance_unit: crate::meetings::DistanceUnit::default(),
            clinic: crate::state::Clinic::default(),
        }
    }
}

/// The log filter when RUST_LOG is not set.
pub const DEFAULT_LOG: &str = "info,actix_http::h1=off";

/// Runs the command line; errors are printed in words and give a non-zero exit code.
pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    // `import --timezone` typed on the command line is the import's zone, not the site's.
    let import_zone_given = matches
        .subcommand_matches("import")
        .is_some_and(|import| import.value_source("timezone") == Some(ValueSource::CommandLine));
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        // A client's malformed request is answered (400, 431) and is its problem, not ours: the
        // HTTP/1 codec's messages about it stay out of the log unless RUST_LOG asks for them.
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(DEFAULT_LOG));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let result = match cli.command {
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Import(args)) => import(args, import_zone_given),
        Some(Command::Export(args)) => export(args),
        Some(Command::Source(args)) => source(args),
        Some(Command::Sync(args)) => sync(args),
        Some(Command::User(args)) => user(args),
        Some(Command::Backup(args)) => backup(args),
        None => serve(cli.serve),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", for_terminal(&describe(&error)));
            ExitCode::FAILURE
        }
    }
}

/// A command's error in words, once: "the database is busy" when another process held its write
/// lock, otherwise each cause once (SQLite's message is its own cause, twice over).
fn describe(error: &anyhow::Error) -> String {
    let busy = error.chain().any(|cause| {
        cause.downcast_ref::<crate::db::StoreError>().is_some_and(crate::db::StoreError::is_busy)
            || cause.downcast_ref::<rusqlite::Error>().is_some_and(|error| {
                matches!(
                    error.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                )
            })
    });
    if busy {
        return "the database is busy (another process is writing); try again".to_owned();
    }
    let mut causes: Vec<String> = Vec::new();
    for cause in error.chain().map(ToString::to_string) {
        if !causes.last().is_some_and(|last| last.ends_with(&cause)) {
            causes.push(cause);
        }
    }
    causes.join(": ")
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let settings = Settings {
        response_cache_bytes: args.cache_mb << 20,
        distance_unit: args.distance_unit,
        clinic: crate::state::Clinic::new(
            args.clinic_name.clone(),
            args.clinic_address.clone(),
            args.clinic_phone.clone(),
        )?,
        ..args.data.settings(true)
    };
    let deployment = crate::deployment::Deployment {
        trusted_proxies: args.trusted_proxies.clone(),
        read_only: args.read_only,
        primary_url: args.primary_url.clone(),
    };
    anyhow::ensure!(
        !(args.read_only && args.sync_every.is_some()),
        "--sync-every writes to the database: a --read-only replica cannot sync (the primary does)"
    );
    let marker = crate::db::served_marker(&settings.database_path);
    if args.seed && !args.read_only && !settings.database_path.exists() && marker.exists() {
        std::fs::remove_file(&marker)
            .map_err(|error| anyhow::anyhow!("--seed: cannot remove {}: {error}", marker.display()))?;
        tracing::warn!(file = %settings.database_path.display(), "--seed: starting afresh with the sample meetings");
    }
    let state = AppState::prepare_deployed(settings, deployment)?;
    if let Some(url) = &args.smtp_url {
        state.mailer.start(url, &args.mail_from, state.store.clone())?;
        tracing::info!("e-mailing staff who asked for notices");
    }
    // The finder's index is built while the server starts listening: the health check answers at
    // once, and the first finder request waits for this one build (never a second).
    let warm = state.clone();
    std::thread::spawn(move || {
        if let Err(error) = warm.finder() {
            tracing::error!(%error, "building the finder's index");
        }
    });
    if let Some(every) = args.sync_every {
        crate::sync::spawn_background(state.clone(), every)?;
        tracing::info!("syncing sources every {}", humantime::format_duration(every));
    }
    let listener =
        TcpListener::bind(&args.bind).map_err(|error| anyhow::anyhow!("cannot listen on {}: {error}", args.bind))?;
    let address = listener.local_addr()?;
    tracing::info!("serving the Mutual Support Directory at http://{address}/");
    actix_web::rt::System::new().block_on(async move { startup::serve(listener, state)?.await })?;
    Ok(())
}

/// A normal import prints this many warnings; `--dry-run` prints them all.
const WARNINGS_SHOWN: usize = 50;

fn import(args: ImportArgs, import_zone_given: bool) -> anyhow::Result<()> {
    let bytes = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(&args.file).map_err(|error| anyhow::anyhow!("cannot read {}: {error}", args.file.display()))?
    };
    anyhow::ensure!(
        args.formats.is_none() || args.format == SourceFormat::Bmlt,
        "--formats goes with --format bmlt (a saved GetFormats answer)"
    );
    let formats = match &args.formats {
        Some(path) => {
            Some(std::fs::read(path).map_err(|error| anyhow::anyhow!("cannot read {}: {error}", path.display()))?)
        }
        None => None,
    };
    let state = Core::open(&args.data.settings(false))?;
    if let Some(group) = &args.group {
        anyhow::ensure!(state.content.group(group).is_some(), "--group {group}: there is no such group");
    }
    let rules = crate::state::FileRules {
        site_zone: &args.data.timezone,
        file_zone: import_zone_given.then_some(args.data.timezone.as_str()),
        group: args.group.as_deref(),
        strict: args.strict,
        format: args.format,
        formats: formats.as_deref(),
    };
    let read = state
        .read_import(&bytes, &rules)
        .map_err(|error| anyhow::anyhow!("{}: nothing was imported.\n{error}", args.file.display()))?;
    let warnings = &read.warnings;
    if !warnings.is_empty() {
        let shown = if args.dry_run { warnings.len() } else { warnings.len().min(WARNINGS_SHOWN) };
        let mut lines = String::new();
        for warning in &warnings[..shown] {
            lines.push_str(&format!("  {warning}\n"));
        }
        if shown < warnings.len() {
            lines.push_str(&format!("  ... and {} more (`--dry-run` lists them all)\n", warnings.len() - shown));
        }
        eprint!(
            "warning: {}, values read by interpretation (check them; `--strict` refuses them):\n{}",
            plural(warnings.len(), "warning"),
            for_terminal(&lines)
        );
    }
    let meetings = &read.meetings;
    let options = ImportOptions {
        replace_group: args.group.filter(|_| args.replace),
        dry_run: args.dry_run,
        ..ImportOptions::default()
    };
    let bar = ProgressBar::new(meetings.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} meetings {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let summary = state.store.import_with_progress(meetings, &options, &mut |done| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    println!("{}", summary.describe(meetings.len(), warnings.len(), args.dry_run));
    Ok(())
}

/// Text for the terminal: what came from a file, a server or the database with its control
/// characters escaped (`\u{1b}`), so none can move the cursor or recolour the screen; only our own
/// line breaks stay.
fn for_terminal(text: &str) -> String {
    text.split('\n').map(feed::text::escaped).collect::<Vec<_>>().join("\n")
}

/// "1 warning", "3 warnings".
fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn export(args: ExportArgs) -> anyhow::Result<()> {
    let state = Core::open_read_only(&args.data.database_path)?;
    let mut filter = MeetingFilter { include_inactive: true, ..MeetingFilter::default() };
    if let Some(group) = args.group {
        anyhow::ensure!(state.content.group(&group).is_some(), "--group {group}: there is no such group");
        filter.groups.push(group);
    }
    let index = state.build_index(state.store.revision()?, crate::meetings::DistanceUnit::default(), "UTC")?;
    let meetings = state.store.meetings_by_id(&index.matching_ids(&filter, jiff::Timestamp::now()))?;
    let bytes = args.format.write(&meetings, jiff::Timestamp::now())?;
    std::io::stdout().write_all(&bytes)?;
    Ok(())
}

fn source(args: SourceArgs) -> anyhow::Result<()> {
    match args.command {
        SourceCommand::Add(args) => source_add(args),
        SourceCommand::List(args) => source_list(args),
        SourceCommand::Remove(args) => {
            let state = Core::open(&args.data.settings(false))?;
            let archived = state.store.remove_source(&args.name)?;
            println!("Removed source \"{}\"; {archived} of its meetings were archived.", for_terminal(&args.name));
            Ok(())
        }
    }
}

fn source_add(args: SourceAddArgs) -> anyhow::Result<()> {
    // The site's zone plays no part in registering a source (`--timezone` here is the source's).
    let settings = DataArgs { database_path: args.database_path.clone(), timezone: "UTC".to_owned() }.settings(false);
    let state = Core::open(&settings)?;
    let typed = crate::db::NewSource {
        name: args.name.clone(),
        url: args.url.clone(),
        group_slug: args.group.clone().unwrap_or_default(),
        timezone: args.source_timezone.clone(),
        format: args.format,
        services: args.services.clone(),
        change_form: args.change_form.clone(),
        follow_redirects: args.follow_redirects,
    };
    let new = crate::sync::check_source(&typed, &state).map_err(|problems| {
        anyhow::anyhow!("{}", problems.into_iter().map(|(_, problem)| problem).collect::<Vec<_>>().join("; "))
    })?;
    let source = state.store.add_source(&new)?;
    println!(
        "Added {} source \"{}\" ({}, group {}, zone {}); run `mutual-support sync {}` to fetch it.",
        source.format.as_str(),
        source.name,
        source.address(),
        source.group_slug,
        source.timezone.as_deref().unwrap_or("the site's"),
        source.name
    );
    Ok(())
}

fn source_list(args: SourceListArgs) -> anyhow::Result<()> {
    let state = Core::open(&args.data.settings(false))?;
    let sources = state.store.sources()?;
    if sources.is_empty() {
        println!("No sources. Add one with `mutual-support source add --group SLUG NAME URL`.");
        return Ok(());
    }
    let now = jiff::Timestamp::now();
    let when = |time: Option<jiff::Timestamp>| {
        time.map_or_else(
            || "never".to_owned(),
            |time| {
                format!(
                    "{} ({})",
                    time.strftime("%Y-%m-%d %H:%M UTC"),
                    crate::views::time_ago(time, now, crate::i18n::Lang::DEFAULT)
                )
            },
        )
    };
    let header =
        ["NAME", "FORMAT", "GROUP", "MEETINGS", "WARNINGS", "LAST SUCCESS", "LAST ERROR", "URL"].map(str::to_owned);
    let rows: Vec<[String; 8]> = sources
        .iter()
        .map(|source| {
            let error = match (&source.last_error, source.last_error_at) {
                (Some(error), at) => {
                    format!("{}: {}", when(at), crate::sync::first_line(&source.without_secrets(error)))
                }
                (None, _) => "none".to_owned(),
            };
            let url = match source.services.as_slice() {
                [] => source.address(),
                ids => format!(
                    "{} (services {})",
                    source.address(),
                    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
                ),
            };
            [
                source.name.clone(),
                source.format.as_str().to_owned(),
                source.group_slug.clone(),
                source.meeting_count.to_string(),
                source.warning_count.to_string(),
                when(source.last_success_at),
                error,
                url,
            ]
            .map(|cell| for_terminal(&cell))
        })
        .collect();
    let mut widths = header.clone().map(|cell| cell.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row.iter().zip(widths).map(|(cell, width)| format!("{cell:width$}")).collect();
        println!("{}", cells.join("  ").trim_end());
    }
    Ok(())
}

fn sync(args: SyncArgs) -> anyhow::Result<()> {
    let state = Core::open(&args.data.settings(false))?;
    let limits = crate::sync::FetchLimits {
        timeout: args.fetch_timeout,
        source_timeout: args.source_timeout,
        max_bytes: args.max_bytes,
        max_records: args.max_records,
    };
    let reports = crate::sync::sync(&state, &args.data.timezone, &args.names, &limits)?;
    if reports.is_empty() {
        println!("No sources to sync. Add one with `mutual-support source add --group SLUG NAME URL`.");
    }
    for report in &reports {
        println!("{}", for_terminal(&report.to_string()));
    }
    let failed = reports.iter().filter(|report| report.failed()).count();
    anyhow::ensure!(failed == 0, "{failed} of {} sources failed; they keep their last good meetings", reports.len());
    Ok(())
}

#[derive(Debug, Args)]
struct UserArgs {
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a staff account; the password is read from the terminal (or standard input when piped).
    Add(UserAddArgs),
    /// Every staff account: address, role, since when.
    List(UserListArgs),
    /// Remove a staff account (its sessions end; the audit log keeps its address).
    Remove(UserEmailArgs),
    /// Set a new password (read like `add`'s); the account's sessions end.
    Password(UserEmailArgs),
}

#[derive(Debug, Args)]
struct UserAddArgs {
    #[command(flatten)]
    data: DataArgs,
    /// `editor` keeps meetings and requests; `admin` also sees the accounts.
    #[arg(long, value_parser = ["editor", "admin"])]
    role: String,
    email: String,
}

#[derive(Debug, Args)]
struct UserListArgs {
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Args)]
struct UserEmailArgs {
    #[command(flatten)]
    data: DataArgs,
    email: String,
}

/// A password from the terminal without echo (asked twice), or the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (at least 12 characters): ")?;
        let second = rpassword::prompt_password("The same password again: ")?;
        anyhow::ensure!(first == second, "the two passwords differ; nothing was changed");
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

fn user(args: UserArgs) -> anyhow::Result<()> {
    use crate::db::Role;
    use crate::staff::password;
    let check_email = |email: &str| password::account_email(email).map_err(anyhow::Error::msg);
    match args.command {
        UserCommand::Add(args) => {
            let email = check_email(&args.email)?;
            let role = Role::parse(&args.role).ok_or_else(|| anyhow::anyhow!("--role must be editor or admin"))?;
            let core = Core::open(&args.data.settings(false))?;
            anyhow::ensure!(
                core.store.user_for_login(&email)?.is_none(),
                "there is already an account for {email} (use `user password` to change its password)"
            );
            let hash = password::hash(&read_password()?).map_err(anyhow::Error::msg)?;
            anyhow::ensure!(core.store.add_user(&email, role, &hash)?, "there is already an account for {email}");
            println!("Added {} {email}.", role.as_str());
        }
        UserCommand::List(args) => {
            let core = Core::open(&args.data.settings(false))?;
            let users = core.store.users()?;
            if users.is_empty() {
                println!("No staff accounts yet (add one with `mutual-support user add --role admin EMAIL`).");
            }
            for user in users {
                println!("{}\t{}\tsince {}", for_terminal(&user.email), user.role.as_str(), user.created_at);
            }
        }
        UserCommand::Remove(args) => {
            let email = check_email(&args.email)?;
            let core = Core::open(&args.data.settings(false))?;
            anyhow::ensure!(core.store.remove_user(&email, "the command line")?, "there is no account for {email}");
            println!("Removed {email}.");
        }
        UserCommand::Password(args) => {
            let email = check_email(&args.email)?;
            let core = Core::open(&args.data.settings(false))?;
            anyhow::ensure!(core.store.user_for_login(&email)?.is_some(), "there is no account for {email}");
            let hash = password::hash(&read_password()?).map_err(anyhow::Error::msg)?;
            core.store.set_password(&email, &hash)?;
            println!("Set a new password for {email}; its sessions were ended.");
        }
    }
    Ok(())
}

fn backup(args: BackupArgs) -> anyhow::Result<()> {
    let same = std::fs::canonicalize(&args.file).ok() == std::fs::canonicalize(&args.database_path).ok();
    anyhow::ensure!(
        !(same && args.file.exists()),
        "{}: the copy cannot replace the database itself",
        args.file.display()
    );
    let store = crate::db::Store::open_read_only(&args.database_path)?;
    let started = std::time::Instant::now();
    store.backup_to(&args.file)?;
    println!(
        "Copied {} to {} ({} bytes, checked) in {:.1} s.",
        args.database_path.display(),
        args.file.display(),
        std::fs::metadata(&args.file).map_or(0, |metadata| metadata.len()),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
