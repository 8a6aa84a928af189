use std::path::PathBuf;
use std::process::ExitCode;

use crate::agenda::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agenda: plain text (.txt), Markdown (.md) or JSON (.json)
    pub file: PathBuf,
    /// Read the file as this format instead of guessing
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match crate::agenda::load(&args.file, args.format) {
        Ok(imported) => {
            println!("{}", imported.agenda.title);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(2))
        }
    }
}
