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
use crate::feed::{self, ExportFormat, FeedDefaults};
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
    /// Import meetings from a Meeting Guide JSON feed or a CSV file (all or nothing).
    Import(ImportArgs),
    /// Write meetings to standard output as a Meeting Guide feed, CSV or iCalendar.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
struct ImportArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The group (fellowship slug) of meetings whose record does not name one.
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
    /// The file to read (JSON or CSV, told apart by its content), or `-` for standard input.
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
    /// Rendered finder pages and feeds kept in memory (0 turns the cache off).
    #[arg(long, env = "RESPONSE_CACHE_ENTRIES", default_value_t = 2000)]
    cache_entries: usize,
    /// The unit of distances in the finder (`near`, `within`).
    #[arg(long, env = "DISTANCE_UNIT", value_enum, default_value = "mi")]
    distance_unit: crate::meetings::DistanceUnit,
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
            response_cache_entries: 0,
            distance_unit: crate::meetings::DistanceUnit::default(),
        }
    }
}

/// Runs the command line; errors are printed in words and give a non-zero exit code.
pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    // `import --timezone` typed on the command line is the import's zone, not the site's.
    let import_zone_given = matches
        .subcommand_matches("import")
        .is_some_and(|import| import.value_source("timezone") == Some(ValueSource::CommandLine));
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let result = match cli.command {
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Import(args)) => import(args, import_zone_given),
        Some(Command::Export(args)) => export(args),
        None => serve(cli.serve),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let settings = Settings {
        response_cache_entries: args.cache_entries,
        distance_unit: args.distance_unit,
        ..args.data.settings(true)
    };
    let state = AppState::prepare(settings)?;
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
    let state = Core::open(&args.data.settings(false))?;
    if let Some(group) = &args.group {
        anyhow::ensure!(state.content.group(group).is_some(), "--group {group}: there is no such group");
    }
    let defaults = FeedDefaults {
        timezone: args.data.timezone.clone(),
        import_timezone: import_zone_given.then(|| args.data.timezone.clone()),
        group_slug: args.group.clone(),
        known_groups: Some(state.content.groups.iter().map(|group| group.slug.clone()).collect()),
        strict: args.strict,
    };
    let read = feed::parse_any(&bytes, &defaults)
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
            "warning: {}, values read by interpretation (check them; `--strict` refuses them):\n{lines}",
            plural(warnings.len(), "warning")
        );
    }
    let meetings = &read.meetings;
    let options =
        ImportOptions { replace_group: args.group.filter(|_| args.replace), dry_run: args.dry_run, sample: false };
    let bar = ProgressBar::new(meetings.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} meetings {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let summary = state.store.import_with_progress(meetings, &options, &mut |done| bar.set_position(done as u64))?;
    bar.finish_and_clear();
    let verb = if args.dry_run { "would be" } else { "were" };
    println!(
        "{} meetings read: {} {verb} added, {} updated, {} unchanged, {} archived; {}.{}",
        meetings.len(),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.archived,
        plural(warnings.len(), "warning"),
        if args.dry_run { " (dry run: nothing was written)" } else { "" }
    );
    Ok(())
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
    let index = state.build_index(state.store.revision()?, crate::meetings::DistanceUnit::default())?;
    let meetings = state.store.meetings_by_id(&index.matching_ids(&filter, jiff::Timestamp::now()))?;
    let bytes = args.format.write(&meetings, jiff::Timestamp::now())?;
    std::io::stdout().write_all(&bytes)?;
    Ok(())
}
