//! `referent next-agenda SESSION_DIR`: a draft agenda for the next meeting of the series, in
//! Markdown that `referent check` and `referent run` read back.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::archive::Archive;
use crate::archive::next::{self, Draft};
use crate::i18n::{Key, Lang};
use crate::session::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session to follow on from: its folder, or its folder name in the sessions directory
    pub session: PathBuf,
    /// Write the draft here instead of printing it
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of messages and labels [default: the agenda's, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else English]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = resolve(&args.session, sessions_dir, args.lang)?;
    // The series lives beside the session: its siblings are the earlier meetings.
    let root = dir.parent().unwrap_or(Path::new("."));
    let archive = Archive::load(root);
    for p in &archive.problems {
        eprintln!("referent: {p}");
    }
    let lang = Lang::from_env(args.lang, super::actions::newest_language(&archive));
    let unreadable = || format!("{}: {}", dir.display(), Key::SessionUnreadable.get(lang));
    let Some(index) = archive.position_of(&dir) else {
        bail!(unreadable());
    };
    let Some(draft) = next::draft(&archive, index) else {
        bail!(unreadable());
    };
    let text = render(&draft);
    match &args.output {
        Some(path) => {
            store::write_atomic(path, text.as_bytes()).with_context(|| {
                Key::Writing
                    .get(lang)
                    .replace("{file}", &path.display().to_string())
            })?;
            eprintln!("{}", path.display());
            eprintln!("{}", draft.date_note);
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The session folder the argument names: a path to one, or a folder name under the sessions
/// directory.
fn resolve(arg: &Path, sessions_dir: Option<&Path>, lang: Option<Lang>) -> anyhow::Result<PathBuf> {
    if Archive::is_session_dir(arg) {
        return Ok(arg.to_path_buf());
    }
    if arg.components().count() == 1 {
        let root = store::sessions_dir(sessions_dir)?;
        let candidate = root.join(arg);
        if Archive::is_session_dir(&candidate) {
            return Ok(candidate);
        }
    }
    bail!(
        "{}: {}",
        arg.display(),
        Key::NotSessionDir
            .get(Lang::from_env(lang, None))
            .replace("{agenda}", store::AGENDA_FILE)
            .replace("{journal}", store::JOURNAL_FILE)
    )
}

/// The draft as Markdown (the importer's own writer, so `check` and `run` read it back), with
/// the note on how its date was chosen under the title.
pub fn render(draft: &Draft) -> String {
    let md = crate::agenda::markdown::write(&draft.agenda);
    let md = md.trim_end();
    let note = format!("_{}_", draft.date_note);
    match md.split_once("\n\n") {
        Some((title, rest)) => format!("{title}\n\n{note}\n\n{rest}\n"),
        None => format!("{md}\n\n{note}\n"),
    }
}
