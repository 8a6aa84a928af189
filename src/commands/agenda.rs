//! `referent agenda FILE [--json | --markdown]`: the agenda as read, for people, as canonical
//! JSON, or as a Markdown agenda to correct in an editor and run from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::agenda::{Agenda, Format, Item};
use crate::i18n::{Key, Lang};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agenda: plain text, Markdown, JSON, Word (.docx), PDF or a saved web page (.html)
    pub file: PathBuf,
    /// Read the file as this format instead of guessing
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Print the canonical JSON
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print the agenda in the Markdown agenda format, which reads back to the same agenda:
    /// fix what was misread in any editor, then run the fixed file
    #[arg(long)]
    pub markdown: bool,
    /// Language of messages and labels [default: the agenda's, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else English]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args, _sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let name = crate::textutil::display_path(&args.file);
    match crate::agenda::load(&args.file, args.format) {
        Ok(imported) => {
            let lang = Lang::from_env(args.lang, Some(imported.agenda.language));
            // Warnings go to stderr so that stdout stays the agenda (or clean JSON).
            for w in &imported.warnings {
                eprintln!("{}", w.display(&name, lang));
            }
            let text = if args.json {
                imported.agenda.to_json() + "\n"
            } else if args.markdown {
                crate::agenda::markdown::write(&imported.agenda) + "\n"
            } else {
                render_in(&imported.agenda, lang)
            };
            super::check::write_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", e.text(Lang::from_env(args.lang, None)));
            Ok(ExitCode::from(super::check::UNREADABLE))
        }
    }
}

/// The whole agenda as readable text, labelled in the agenda's language.
pub fn render(a: &Agenda) -> String {
    render_in(a, a.language)
}

/// The whole agenda as readable text, labelled in `lang`.
pub fn render_in(a: &Agenda, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", a.title);
    let _ = writeln!(
        out,
        "{}\n",
        "=".repeat(crate::textutil::width(&a.title).max(3))
    );
    let hhmm = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let facts = [
        (
            Key::Date,
            a.date.map(|d| crate::session::due::format_date(d, lang)),
        ),
        (Key::MeetingStart, hhmm(a.start)),
        (Key::MeetingEnd, hhmm(a.end)),
        (Key::Place, a.place.clone()),
        (Key::Chair, a.chair.clone()),
        (Key::Referent, a.referent.clone()),
        (
            Key::Participants,
            Some(a.participants.join(", ")).filter(|s| !s.is_empty()),
        ),
        (
            Key::Absent,
            Some(a.absent.join(", ")).filter(|s| !s.is_empty()),
        ),
    ];
    for (key, value) in facts {
        if let Some(v) = value {
            let _ = writeln!(out, "{}: {v}", key.get(lang));
        }
    }
    for (i, item) in a.items.iter().enumerate() {
        for b in a
            .breaks
            .iter()
            .filter(|b| b.after == i && !b.title.is_empty())
        {
            let when = match (hhmm(b.start), hhmm(b.end)) {
                (Some(s), Some(e)) => format!(" {s}-{e}"),
                _ => b.minutes.map(|m| format!(" ({m} min)")).unwrap_or_default(),
            };
            let _ = writeln!(out, "\n-- {}{when} --", b.title);
        }
        item_text(&mut out, item, lang);
    }
    out
}

fn item_text(out: &mut String, item: &Item, lang: Lang) {
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let when = match (item.start, item.end, item.planned_minutes()) {
        (Some(s), Some(e), Some(m)) => format!("  {}-{} ({m} min)", hhmm(s), hhmm(e)),
        (Some(s), _, _) => format!("  {}", hhmm(s)),
        (None, _, Some(m)) => format!("  ({m} min)"),
        _ => String::new(),
    };
    let head = if item.number.is_empty() {
        item.title.clone()
    } else {
        format!("{} {}: {}", Key::Item.get(lang), item.number, item.title)
    };
    let _ = writeln!(out, "\n{head}{when}");
    if let Some(cn) = &item.case_number {
        let _ = writeln!(out, "  {}: {cn}", Key::CaseNumber.get(lang));
    }
    if !item.body.is_empty() {
        out.push('\n');
        for line in item.body.lines() {
            let _ = writeln!(
                out,
                "{}",
                if line.is_empty() {
                    String::new()
                } else {
                    format!("  {line}")
                }
            );
        }
    }
    let lists = [
        (Key::Recommendation, &item.recommendation),
        (Key::Attachments, &item.attachments),
    ];
    for (key, list) in lists {
        if !list.is_empty() {
            let _ = writeln!(out, "\n  {}:", key.get(lang));
            for entry in list {
                let _ = writeln!(out, "  - {entry}");
            }
        }
    }
}
