//! The binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = referent::cli::Cli::parse();
    match referent::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("referent: {e:#}");
            ExitCode::FAILURE
        }
    }
}
