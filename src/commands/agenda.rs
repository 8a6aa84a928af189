use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::agenda::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agenda: plain text (.txt), Markdown (.md) or JSON (.json)
    pub file: PathBuf,
    /// Read the file as this format instead of guessing
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Print the canonical JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, _sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    match crate::agenda::load(&args.file, args.format) {
        Ok(imported) => {
            println!("{}", imported.agenda.to_json());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(2))
        }
    }
}
