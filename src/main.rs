//! The binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = referent::cli::Cli::parse();
    if let Err(e) = referent::session::journal::survive_file_size_limit() {
        eprintln!("referent: {e}");
    }
    match referent::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Errors name files: print them so that no name can drive the terminal.
            let message = format!("{e:#}");
            let lines: Vec<String> = message
                .lines()
                .map(referent::textutil::escape_unsafe)
                .collect();
            eprintln!("referent: {}", lines.join("\n"));
            ExitCode::FAILURE
        }
    }
}
