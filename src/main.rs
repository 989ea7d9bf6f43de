//! The `mutual-support` binary: parses the command line and hands over to the library.

fn main() -> std::process::ExitCode {
    mutual_support::cli::main()
}
