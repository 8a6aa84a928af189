//! `referent check FILE`: the plan as a table, and what a chair should fix before the meeting.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveTime;

use crate::agenda::{self, Agenda, Format, Warning};
use crate::i18n::{Key, Lang};
use crate::textutil::{truncate, width};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agenda: plain text, Markdown, JSON, Word (.docx), PDF or a saved web page (.html)
    pub file: PathBuf,
    /// Read the file as this format instead of guessing
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Language of messages and labels [default: the agenda's, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else English]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// Exit code when the agenda could not be read.
pub const UNREADABLE: u8 = 2;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let name = crate::textutil::display_path(&args.file);
    let (agenda, warnings) = match read(&args.file, args.format, args.lang) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("{message}");
            return Ok(ExitCode::from(UNREADABLE));
        }
    };
    let lang = Lang::from_env(args.lang, Some(agenda.language));
    let mut out = plan_in(&agenda, lang);
    out.push('\n');
    for w in &warnings {
        let _ = writeln!(out, "{}", w.display(&name, lang));
    }
    let count = match warnings.len() {
        0 => Key::NoWarnings.get(lang).to_string(),
        1 => Key::OneWarning.get(lang).to_string(),
        n => Key::Warnings.get(lang).replace("{n}", &n.to_string()),
    };
    let _ = writeln!(out, "{count}");
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout; a reader that went away (`referent check x | head`) is not an error.
pub fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Reads an agenda for `check`: the agenda and every warning (import, schedule, lint; the lint's
/// in the language [`Lang::from_env`] picks), or the
/// `FILE:LINE: message` that says why it could not be read.
pub fn read(
    path: &std::path::Path,
    format: Option<Format>,
    lang: Option<Lang>,
) -> Result<(Agenda, Vec<Warning>), String> {
    let imported = agenda::load(path, format).map_err(|e| e.text(Lang::from_env(lang, None)))?;
    if imported.agenda.items.is_empty() {
        return Err(format!(
            "{}:1: {}",
            crate::textutil::display_path(path),
            Key::NoItemsFound.get(Lang::from_env(lang, Some(imported.agenda.language)))
        ));
    }
    let lang = Lang::from_env(lang, Some(imported.agenda.language));
    let mut warnings = imported.warnings;
    warnings.extend(agenda::lint::lint_in(&imported.agenda, lang));
    warnings.sort_by_key(|w| w.line);
    Ok((imported.agenda, warnings))
}

fn hhmm(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn span(start: Option<NaiveTime>, end: Option<NaiveTime>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        _ => format!("{:>5}-{:<5}", hhmm(start), hhmm(end)),
    }
}

/// The plan as text: a heading with the meeting's facts, then one row per item and break.
pub fn plan(a: &Agenda) -> String {
    plan_in(a, a.language)
}

/// The plan as text, labelled in `lang`.
pub fn plan_in(a: &Agenda, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        if a.title.is_empty() {
            Key::UntitledAgenda.get(lang)
        } else {
            &a.title
        }
    );
    let facts: Vec<String> = [
        a.date.map(|d| crate::session::due::format_date(d, lang)),
        a.start.map(|s| match a.end {
            Some(e) => format!("{}-{}", hhmm(Some(s)), hhmm(Some(e))),
            None => hhmm(Some(s)),
        }),
        a.place.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        let _ = writeln!(out, "{}", facts.join(", "));
    }
    for (key, value) in [
        (Key::Chair, a.chair.clone().unwrap_or_default()),
        (Key::Referent, a.referent.clone().unwrap_or_default()),
        (Key::Participants, a.participants.join(", ")),
        (Key::Absent, a.absent.join(", ")),
    ] {
        if !value.is_empty() {
            let _ = writeln!(out, "{}: {value}", key.get(lang));
        }
    }
    out.push('\n');
    table(&mut out, a, lang);
    out
}

const TITLE_MAX: usize = 50;

fn table(out: &mut String, a: &Agenda, lang: Lang) {
    let num_w = a
        .items
        .iter()
        .map(|i| width(&i.number))
        .max()
        .unwrap_or(1)
        .max(1);
    let title_w = a
        .items
        .iter()
        .map(|i| width(&i.title))
        .chain(a.breaks.iter().map(|b| width(&b.title).max(5)))
        .max()
        .unwrap_or(5)
        .clamp(5, TITLE_MAX);
    let row = |out: &mut String, num: &str, title: &str, time: &str, minutes: &str| {
        let title = truncate(title, title_w);
        // truncate measures as width does, so this never goes below zero; saturate anyway.
        let pad = title_w.saturating_sub(width(&title));
        let npad = num_w.saturating_sub(width(num));
        let _ = writeln!(
            out,
            "  {}{num}  {title}{}  {time:<11}  {minutes:>4}",
            " ".repeat(npad),
            " ".repeat(pad)
        );
    };
    row(
        out,
        "#",
        Key::TitleWord.get(lang),
        Key::Time.get(lang),
        Key::Minute.get(lang),
    );
    let mut breaks = a.breaks.iter().peekable();
    for (i, item) in a.items.iter().enumerate() {
        while let Some(b) = breaks.next_if(|b| b.after <= i) {
            break_row(out, b, &row, lang);
        }
        let minutes = item
            .planned_minutes()
            .map(|m| m.to_string())
            .unwrap_or_else(|| "-".into());
        let time = span(item.start, item.end);
        let time = if time.is_empty() {
            "-".to_string()
        } else {
            time
        };
        row(out, &item.number, &item.title, &time, &minutes);
    }
    for b in breaks {
        break_row(out, b, &row, lang);
    }
    let _ = writeln!(out, "\n  {}", total_line(a, lang));
}

/// The items' planned minutes, and the span of the day they are laid out in (breaks and gaps
/// count in the span, not in the minutes): "I alt 23 min planlagt, mellem 21:20-22:00 (40 min)".
fn total_line(a: &Agenda, lang: Lang) -> String {
    // Summed wide: a file may give any u32 of minutes per item, and their sum must not overflow.
    let total: u64 = a
        .items
        .iter()
        .filter_map(|i| i.planned_minutes())
        .map(u64::from)
        .sum();
    let planned = Key::PlannedTotal
        .get(lang)
        .replace("{minutes}", &total.to_string());
    let first = a.items.iter().find_map(|i| i.start);
    match (first, a.last_slot_end()) {
        (Some(first), Some(last)) if last >= first => {
            let within = Key::PlannedSpan
                .get(lang)
                .replace("{span}", &span(Some(first), Some(last)))
                .replace("{minutes}", &(last - first).num_minutes().to_string());
            format!("{planned}, {within}")
        }
        _ => planned,
    }
}

fn break_row(
    out: &mut String,
    b: &agenda::Break,
    row: &impl Fn(&mut String, &str, &str, &str, &str),
    lang: Lang,
) {
    let title = if b.title.is_empty() {
        Key::Gap.get(lang)
    } else {
        b.title.as_str()
    };
    let minutes = b.minutes.map(|m| m.to_string()).unwrap_or_default();
    row(out, "", title, &span(b.start, b.end), &minutes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_lists_items_breaks_and_total() {
        let imported = agenda::parse(
            "x.md",
            "# Temadag\n\nDato: 2022-05-02\n\n## 1. Velkomst (09:00-09:15)\n\n## 2. Oplæg (09:15-12:00)\n\n\
              ## Frokost (12:00-12:45)\n\n## 3. Workshop (12:45-14:00)\n"
                .as_bytes(),
            None,
        )
        .unwrap();
        let text = plan(&imported.agenda);
        assert!(text.contains("02.05.2022, 09:00"), "{text}");
        assert!(text.contains("  1  Velkomst  09:00-09:15    15"), "{text}");
        assert!(text.contains("Frokost   12:00-12:45    45"), "{text}");
        // The total counts the items' minutes; the lunch break is not one of them.
        assert!(
            text.contains("I alt 255 min planlagt, mellem 09:00-14:00 (300 min)"),
            "{text}"
        );
    }

    /// Found trying `check`: `Total 21:20-22:00 23` read as 23 minutes in a 40-minute span.
    #[test]
    fn the_total_says_planned_minutes_and_the_span_apart() {
        let imported = agenda::parse(
            "x.md",
            "# Board\n\n## 1. Opening (21:20-21:25)\n\n## 2. Budget (21:25-21:43)\n\n\
              ## 3. Closing (21:55-22:00)\n"
                .as_bytes(),
            None,
        )
        .unwrap();
        let mut agenda = imported.agenda;
        agenda.language = crate::i18n::Lang::En;
        let text = plan(&agenda);
        assert!(
            text.contains("Total 28 min planned, between 21:20-22:00 (40 min)"),
            "{text}"
        );
        assert!(!text.contains("Total     21:20-22:00"), "{text}");
        agenda.items.iter_mut().for_each(|i| i.start = None);
        agenda.breaks.clear();
        assert!(plan(&agenda).contains("Total 28 min planned\n"));
    }
}
