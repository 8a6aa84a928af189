//! `referent next-agenda SESSION_DIR`: a draft agenda for the next meeting of the series, in
//! Markdown that `referent check` and `referent run` read back.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::archive::next::{self, Draft};
use crate::archive::{Archive, format_date};
use crate::session::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session to follow on from: its folder, or its folder name in the sessions directory
    pub session: PathBuf,
    /// Write the draft here instead of printing it
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = resolve(&args.session, sessions_dir)?;
    // The series lives beside the session: its siblings are the earlier meetings.
    let root = dir.parent().unwrap_or(Path::new("."));
    let archive = Archive::load(root);
    for p in &archive.problems {
        eprintln!("referent: {p}");
    }
    let Some(index) = archive.position_of(&dir) else {
        bail!("{}: could not read this session", dir.display());
    };
    let Some(draft) = next::draft(&archive, index) else {
        bail!("{}: could not read this session", dir.display());
    };
    let text = render(&draft);
    match &args.output {
        Some(path) => {
            store::write_atomic(path, text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!("{}", path.display());
            eprintln!("{}", draft.date_note);
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The session folder the argument names: a path to one, or a folder name under the sessions
/// directory.
fn resolve(arg: &Path, sessions_dir: Option<&Path>) -> anyhow::Result<PathBuf> {
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
        "{}: not a session folder (one holding {} and {})",
        arg.display(),
        store::AGENDA_FILE,
        store::JOURNAL_FILE
    )
}

/// The draft as Markdown, with the note on how its date was chosen under the title.
pub fn render(draft: &Draft) -> String {
    let md = write_markdown(&draft.agenda);
    let note = format!("_{}_", draft.date_note);
    match md.split_once('\n') {
        Some((title, rest)) => format!("{title}\n\n{note}\n{rest}"),
        None => format!("{md}\n\n{note}\n"),
    }
}

/// Markdown for an agenda: a title, the meeting's facts, one `##` section per item.
fn write_markdown(a: &crate::agenda::Agenda) -> String {
    let mut out = format!("# {}\n\n", a.title);
    if let Some(d) = a.date {
        let time = a
            .start
            .map(|t| format!(" kl. {}", t.format("%H:%M")))
            .unwrap_or_default();
        out.push_str(&format!("Dato: {}{time}\n", format_date(d)));
    }
    if let Some(p) = &a.place {
        out.push_str(&format!("Sted: {p}\n"));
    }
    if !a.participants.is_empty() {
        out.push_str(&format!("Deltagere: {}\n", a.participants.join(", ")));
    }
    for item in &a.items {
        out.push_str(&format!("\n## {}. {}", item.number, item.title));
        if let Some(m) = item.minutes {
            out.push_str(&format!(" ({m} min)"));
        }
        out.push('\n');
        if !item.body.is_empty() {
            out.push_str(&format!("\n{}\n", item.body));
        }
        for clause in &item.recommendation {
            out.push_str(&format!("\n- {clause}\n"));
        }
    }
    out
}
