//! `referent minutes SESSION_DIR`: the minutes again from the journal, also for an unfinished session.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::{Key, Lang};
use crate::minutes::{self, Format, MinutesDoc, Options};
use crate::session::Meeting;
use crate::session::store::{self, AGENDA_FILE, JOURNAL_FILE};

/// What the minutes show and which files are written; shared by `run` and `minutes`.
#[derive(Debug, Clone, clap::Args)]
pub struct Render {
    /// Include each item's case presentation (sagsfremstilling) from the agenda
    #[arg(long)]
    pub with_case_text: bool,
    /// Leave out planned against actual time per item
    #[arg(long)]
    pub no_times: bool,
    /// Add room for the approval of the minutes: date and signature per participant
    #[arg(long)]
    pub approval: bool,
    /// List each item's speakers and how long they spoke
    #[arg(long)]
    pub speakers: bool,
    /// The files written into the session folder, comma-separated [default: all five]
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        env = "REFERENT_MINUTES_FORMATS",
        value_name = "FORMATS"
    )]
    pub minutes_formats: Vec<Format>,
}

impl Render {
    pub fn options(&self) -> Options {
        Options {
            case_text: self.with_case_text,
            times: !self.no_times,
            approval: self.approval,
            speakers: self.speakers,
        }
    }

    /// The formats asked for, each once, in the order of [`Format::ALL`].
    pub fn formats(&self) -> Vec<Format> {
        Format::ALL
            .into_iter()
            .filter(|f| self.minutes_formats.is_empty() || self.minutes_formats.contains(f))
            .collect()
    }

    pub fn document(&self, meeting: &Meeting, lang: Lang) -> MinutesDoc {
        MinutesDoc::with_options(meeting, lang, self.options())
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session folder, or its name in the sessions directory
    #[arg(value_name = "SESSION_DIR")]
    pub session: PathBuf,
    /// Print only this format (to stdout, or to FILE with -o) instead of rewriting the files
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Labels in this language [default: the agenda's language]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write to FILE instead of stdout (format from --format, else from the extension)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub render: Render,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = match find_session(&args.session, sessions_dir, Lang::from_env(args.lang, None)) {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("referent: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let (meeting, report) = match store::load_meeting(&dir) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("referent: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let journal = dir.join(JOURNAL_FILE);
    // Damage is reported, not fatal: the minutes hold everything that could be read.
    for message in report.messages(&journal) {
        eprintln!("referent: {message}");
    }
    for problem in meeting.fold_problems() {
        eprintln!("referent: {}: {problem}", journal.display());
    }
    let lang = Lang::from_env(args.lang, Some(meeting.agenda.language));
    let doc = args.render.document(&meeting, lang);
    match (args.format, args.output) {
        (None, None) => {
            let written = minutes::write_files(&dir, &doc, &args.render.formats())
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
            for path in written {
                println!("{}", path.display());
            }
        }
        (Some(format), None) => print_stdout(&doc, format)?,
        (format, Some(file)) => {
            let format = format.unwrap_or_else(|| format_of(&file));
            store::write_atomic_with(&file, |out| minutes::write(&doc, format, out))
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!("{}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder as given, else a folder of that name in the sessions directory.
fn find_session(given: &Path, sessions_dir: Option<&Path>, lang: Lang) -> Result<PathBuf, String> {
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
            None => {
                return Err(format!(
                    "{}: {}",
                    given.display(),
                    Key::NoSuchSessionDir.get(lang)
                ));
            }
        }
    };
    if !dir.join(AGENDA_FILE).is_file() {
        return Err(format!(
            "{}: {}",
            dir.display(),
            Key::NotSessionDirNoAgenda
                .get(lang)
                .replace("{agenda}", AGENDA_FILE)
        ));
    }
    Ok(dir)
}

/// The format named by the file's extension; Markdown for an unknown one.
fn format_of(file: &Path) -> Format {
    Format::of_path(file).unwrap_or(Format::Md)
}

/// Writes the minutes to stdout; a reader that stops early (`| head`) is not an error.
fn print_stdout(doc: &MinutesDoc, format: Format) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match minutes::write(doc, format, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_format_follows_the_extension() {
        assert_eq!(format_of(Path::new("x/minutes.JSON")), Format::Json);
        assert_eq!(format_of(Path::new("referat.md")), Format::Md);
        assert_eq!(format_of(Path::new("referat")), Format::Md);
        assert_eq!(format_of(Path::new("referat.DOCX")), Format::Docx);
        assert_eq!(format_of(Path::new("referat.pdf")), Format::Pdf);
        assert_eq!(format_of(Path::new("referat.htm")), Format::Html);
    }

    #[test]
    fn finds_a_session_by_name_in_the_sessions_dir() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("2022-03-14-moede");
        std::fs::create_dir(&dir).unwrap();
        assert!(
            find_session(Path::new("2022-03-14-moede"), Some(root.path()), Lang::En)
                .unwrap_err()
                .contains("no agenda.json")
        );
        std::fs::write(dir.join(AGENDA_FILE), "{}").unwrap();
        assert_eq!(
            find_session(Path::new("2022-03-14-moede"), Some(root.path()), Lang::En).unwrap(),
            dir
        );
        assert!(
            find_session(Path::new("nowhere/2022"), Some(root.path()), Lang::En)
                .unwrap_err()
                .contains("no such session folder")
        );
    }
}
