//! The command line: `serve` (the default), and the meeting data tools. Every flag has an
//! environment fallback, so a service manager can configure the site without arguments.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::startup::{self, Settings};

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
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    #[command(flatten)]
    data: DataArgs,
}

/// Options every command that touches the database shares.
#[derive(Debug, Args)]
struct DataArgs {
    /// The SQLite database file; created, with its folder, when missing.
    #[arg(long = "db", env = "DATABASE_PATH", default_value = "data/directory.sqlite3")]
    database_path: PathBuf,
    /// Time zone of meetings whose data gives none (an IANA name).
    #[arg(long, env = "DEFAULT_TIMEZONE", default_value = "America/Chicago")]
    timezone: String,
}

impl DataArgs {
    fn settings(&self) -> Settings {
        Settings { database_path: self.database_path.clone(), default_timezone: self.timezone.clone() }
    }
}

/// Runs the command line; errors are printed in words and give a non-zero exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let result = match cli.command {
        Some(Command::Serve(args)) => serve(args),
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
    let state = startup::prepare(args.data.settings())?;
    let listener =
        TcpListener::bind(&args.bind).map_err(|error| anyhow::anyhow!("cannot listen on {}: {error}", args.bind))?;
    let address = listener.local_addr()?;
    tracing::info!("serving the Mutual Support Directory at http://{address}/");
    actix_web::rt::System::new().block_on(async move { startup::serve(listener, state)?.await })?;
    Ok(())
}
