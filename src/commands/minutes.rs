//! `referent minutes SESSION_DIR`: the minutes again from the journal, also for an unfinished session.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::minutes;
use crate::session::store::{self, AGENDA_FILE, JOURNAL_FILE, MINUTES_JSON, MINUTES_MD};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session folder, or its name in the sessions directory
    #[arg(value_name = "SESSION_DIR")]
    pub session: PathBuf,
    /// Print only this format (to stdout, or to FILE with -o) instead of rewriting both files
    #[arg(long, value_enum)]
    pub format: Option<MinutesFormat>,
    /// Labels in this language [default: the agenda's language]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write to FILE instead of stdout (format from --format, else from the extension)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MinutesFormat {
    Md,
    Json,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = match find_session(&args.session, sessions_dir) {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("referent: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let loaded = match store::load(&dir) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("referent: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let journal = dir.join(JOURNAL_FILE);
    // Damage is reported, not fatal: the minutes hold everything that could be read.
    for message in loaded.report.messages(&journal) {
        eprintln!("referent: {message}");
    }
    let meeting = loaded.meeting();
    for problem in meeting.fold_problems() {
        eprintln!("referent: {}: {problem}", journal.display());
    }
    let lang = args.lang.unwrap_or(meeting.agenda.language);
    let render = |format: MinutesFormat| match format {
        MinutesFormat::Md => minutes::to_markdown(&meeting, lang),
        MinutesFormat::Json => minutes::to_json(&meeting, lang),
    };
    match (args.format, args.output) {
        (None, None) => {
            minutes::write_files(&dir, &meeting, lang)
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
            println!("{}", dir.join(MINUTES_MD).display());
            println!("{}", dir.join(MINUTES_JSON).display());
        }
        (Some(format), None) => print_stdout(&render(format))?,
        (format, Some(file)) => {
            let format = format.unwrap_or_else(|| format_of(&file));
            store::write_atomic(&file, render(format).as_bytes())
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!("{}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder as given, else a folder of that name in the sessions directory.
fn find_session(given: &Path, sessions_dir: Option<&Path>) -> Result<PathBuf, String> {
    let dir = if given.is_dir() {
        given.to_path_buf()
    } else {
        let bare_name = given.components().count() == 1;
        let in_store = store::sessions_dir(sessions_dir)
            .ok()
            .map(|root| root.join(given))
            .filter(|d| bare_name && d.is_dir());
        match in_store {
            Some(dir) => dir,
            None => return Err(format!("{}: no such session folder", given.display())),
        }
    };
    if !dir.join(AGENDA_FILE).is_file() {
        return Err(format!(
            "{}: not a session folder (it has no {AGENDA_FILE})",
            dir.display()
        ));
    }
    Ok(dir)
}

fn format_of(file: &Path) -> MinutesFormat {
    match file.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("json") => MinutesFormat::Json,
        _ => MinutesFormat::Md,
    }
}

/// Prints, treating a closed pipe (`| head`) as the reader's choice rather than an error.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_format_follows_the_extension() {
        assert_eq!(format_of(Path::new("x/minutes.JSON")), MinutesFormat::Json);
        assert_eq!(format_of(Path::new("referat.md")), MinutesFormat::Md);
        assert_eq!(format_of(Path::new("referat")), MinutesFormat::Md);
    }

    #[test]
    fn finds_a_session_by_name_in_the_sessions_dir() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("2022-03-14-moede");
        std::fs::create_dir(&dir).unwrap();
        assert!(
            find_session(Path::new("2022-03-14-moede"), Some(root.path()))
                .unwrap_err()
                .contains("no agenda.json")
        );
        std::fs::write(dir.join(AGENDA_FILE), "{}").unwrap();
        assert_eq!(
            find_session(Path::new("2022-03-14-moede"), Some(root.path())).unwrap(),
            dir
        );
        assert!(
            find_session(Path::new("nowhere/2022"), Some(root.path()))
                .unwrap_err()
                .contains("no such session folder")
        );
    }
}
