//! Markdown agendas, for people who write their own, and the writer that produces them.
//!
//! ```markdown
//! # Centerledermøde
//!
//! Dato: 2022-03-14
//! Start: 13:30
//! Referent: Helle
//!
//! ## 1. Referat og referent (13:30-13:40)
//!
//! Sagsnr.: 85.02.02P35-25-19
//!
//! Body text, paragraphs and `- ` bullets.
//!
//! ### Indstilling
//!
//! - at der findes en referent
//!
//! ### Beslutning
//!
//! A filled-in decision (minutes), as lines of text.
//!
//! ### Bilag
//!
//! - Spilleregler for samarbejde
//! ```
//!
//! [`write`] emits this form and [`parse`] reads it back to the same agenda.

use std::fmt::Write as _;

use super::build::Builder;
use super::lines::{self, Heading, Line};
use super::{Agenda, Imported, Item, times, words};
use crate::i18n::{Key, Lang};

pub fn parse(text: &str) -> Imported {
    let mut b = Builder::new();
    let mut in_fence = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            b.line(n, Line::Text(line));
            continue;
        }
        // `\Det indstilles` in a body: the writer's escape for text that looks like structure.
        if let Some(rest) = line.strip_prefix('\\') {
            b.line(n, Line::Text(rest.trim()));
            continue;
        }
        match heading_level(line) {
            Some((1, text)) if b.title_missing() => b.title(text),
            Some((1 | 2, text)) => {
                if let Some(l) = item_heading(text) {
                    b.line(n, l);
                }
            }
            Some((_, text)) => b.line(n, sub_heading(text, line)),
            None => {
                let plain = strip_emphasis(line);
                b.line(n, lines::classify(&plain));
            }
        }
    }
    let (agenda, warnings) = b.finish(text);
    Imported { agenda, warnings }
}

/// `## 4. Title (10 min)` -> (2, "4. Title (10 min)").
fn heading_level(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&c| c == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    (rest.starts_with(' ') || rest.is_empty())
        .then(|| (hashes, rest.trim().trim_end_matches('#').trim()))
}

/// A `##` heading: a numbered item, a break, the list's own heading (skipped), or an item
/// without a number.
fn item_heading(text: &str) -> Option<Line<'static>> {
    if let Some((_, h)) = lines::heading(text) {
        return Some(Line::Heading(h));
    }
    if let Some(b) = lines::break_line(text) {
        return Some(b);
    }
    if words::is_list_heading(text) || text.is_empty() {
        return None;
    }
    let (slot, title) = times::extract(text);
    Some(Line::Heading(Heading {
        number: String::new(),
        title: title.into_owned(),
        slot,
    }))
}

/// `### Indstilling`, `### Bilag`: a section; other sub-headings stay in the body as written.
fn sub_heading<'a>(text: &'a str, line: &'a str) -> Line<'a> {
    let l = lines::classify(text);
    if matches!(l, Line::Section(..) | Line::Recommends(_)) {
        l
    } else {
        Line::Text(line.trim())
    }
}

/// `**Dato:** 2022-03-14` -> `Dato: 2022-03-14`.
fn strip_emphasis(line: &str) -> String {
    let t = line.trim_start();
    let t = words::bullet(t)
        .filter(|b| words::meta(&b.replace("**", "")).is_some())
        .unwrap_or(line);
    if t.contains("**") || t.contains("__") {
        t.replace("**", "").replace("__", "")
    } else {
        t.to_string()
    }
}

/// Writes an agenda as Markdown that [`parse`] reads back to the same agenda.
pub fn write(a: &Agenda) -> String {
    let lang = a.language;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", a.title);
    write_meta(&mut out, a);
    for (index, item) in a.items.iter().enumerate() {
        write_breaks(&mut out, a, index, lang);
        write_item(&mut out, item, lang);
    }
    write_breaks(&mut out, a, a.items.len(), lang);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_meta(out: &mut String, a: &Agenda) {
    let lang = a.language;
    let mut line = |key: Key, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "{}: {}", key.get(lang), value);
        }
    };
    line(
        Key::Date,
        &a.date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    line(Key::MeetingStart, &hhmm(a.start));
    line(Key::MeetingEnd, &hhmm(a.end));
    line(Key::Place, a.place.as_deref().unwrap_or(""));
    line(Key::Chair, a.chair.as_deref().unwrap_or(""));
    line(Key::Referent, a.referent.as_deref().unwrap_or(""));
    line(Key::Participants, &a.participants.join(", "));
    line(Key::Absent, &a.absent.join(", "));
    line(Key::Language, lang.code());
    out.push('\n');
}

fn hhmm(t: Option<chrono::NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn write_breaks(out: &mut String, a: &Agenda, index: usize, lang: Lang) {
    for br in a
        .breaks
        .iter()
        .filter(|b| b.after == index && !b.title.is_empty())
    {
        let title = if words::is_break(&br.title) {
            br.title.as_str()
        } else {
            Key::Break.get(lang)
        };
        let when = slot_text(br.start, br.end, br.minutes);
        let _ = writeln!(out, "## {title}{when}\n");
    }
}

/// ` (13:30-13:40)`, ` (13:30-13:40, 15 min)`, ` (kl. 13:30)`, ` (15 min)`, or "".
fn slot_text(
    start: Option<chrono::NaiveTime>,
    end: Option<chrono::NaiveTime>,
    minutes: Option<u32>,
) -> String {
    let span = match (start, end) {
        (Some(s), Some(e)) => Some(format!("{}-{}", hhmm(Some(s)), hhmm(Some(e)))),
        (Some(s), None) => Some(format!("kl. {}", hhmm(Some(s)))),
        _ => None,
    };
    let slot_minutes = match (start, end) {
        (Some(s), Some(e)) if e >= s => u32::try_from((e - s).num_minutes()).ok(),
        _ => None,
    };
    let minutes = minutes
        .filter(|m| Some(*m) != slot_minutes)
        .map(|m| format!("{m} min"));
    match (span, minutes) {
        (Some(s), Some(m)) => format!(" ({s}, {m})"),
        (Some(s), None) => format!(" ({s})"),
        (None, Some(m)) => format!(" ({m})"),
        (None, None) => String::new(),
    }
}

fn write_item(out: &mut String, item: &Item, lang: Lang) {
    let when = slot_text(item.start, item.end, item.minutes);
    if item.number.is_empty() {
        let _ = writeln!(out, "## {}{when}\n", item.title);
    } else {
        let _ = writeln!(
            out,
            "## {} {}: {}{when}\n",
            Key::Item.get(lang),
            item.number,
            item.title
        );
    }
    if let Some(cn) = &item.case_number {
        let _ = writeln!(out, "{}: {cn}\n", Key::CaseNumber.get(lang));
    }
    if !item.body.trim().is_empty() {
        for line in item.body.lines() {
            out.push_str(&escape_body_line(line));
            out.push('\n');
        }
        out.push('\n');
    }
    if !item.recommendation.is_empty() {
        let _ = writeln!(out, "### {}\n", Key::Recommendation.get(lang));
        for clause in &item.recommendation {
            let _ = writeln!(out, "- {clause}");
        }
        out.push('\n');
    }
    if let Some(decision) = item.decision.as_deref().filter(|d| !d.trim().is_empty()) {
        let _ = writeln!(out, "### {}\n", Key::Decision.get(lang));
        for line in decision.lines() {
            out.push_str(&escape_body_line(line));
            out.push('\n');
        }
        out.push('\n');
    }
    if !item.attachments.is_empty() {
        let _ = writeln!(out, "### {}\n", Key::Attachments.get(lang));
        for a in &item.attachments {
            let _ = writeln!(out, "- {a}");
        }
        out.push('\n');
    }
}

/// A body line that would read as structure (a heading, a section, a time, metadata) gets a
/// leading backslash, which [`parse`] removes.
fn escape_body_line(line: &str) -> String {
    let t = line.trim();
    if t.is_empty() {
        return String::new();
    }
    let structural = t.starts_with('#')
        || t.starts_with('\\')
        || t.starts_with("```")
        || t.contains("**")
        || t.contains("__")
        || lines::heading(t).is_some()
        || !matches!(lines::classify(t), Line::Text(_) | Line::Bullet(..));
    if structural {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# Centerledermøde\n\nDato: 2022-03-14\nStart: 13:30\nSted: Hos Eigil\n\
        Referent: Helle\nDeltagere: Helle, Rie og Eigil\n\n## Dagsorden\n\n\
        ## 1. Referat og referent (13:30-13:40)\n\nSagsnr.: 85.02.02P35-25-19\n\nTekst.\n\n\
        - punkt a\n- punkt b\n\n### Indstilling\n\n- at der findes en referent\n\n\
        ## 2. Budget (15 min)\n\nDet indstilles, at\n- budgettet godkendes\n- tal noteres\n\n\
        ### Bilag\n\n- Budget.pdf\n\n## Frokost (13:55-14:30)\n\n## 3. Eventuelt\n";

    #[test]
    fn reads_the_documented_form() {
        let a = parse(SAMPLE).agenda;
        assert_eq!(a.title, "Centerledermøde");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-03-14"));
        assert_eq!(a.participants, ["Helle", "Rie", "Eigil"]);
        assert_eq!(a.items.len(), 3);
        let one = &a.items[0];
        assert_eq!(one.case_number.as_deref(), Some("85.02.02P35-25-19"));
        assert_eq!(one.body, "Tekst.\n\n- punkt a\n- punkt b");
        assert_eq!(one.recommendation, ["at der findes en referent"]);
        let two = &a.items[1];
        assert_eq!(two.minutes, Some(15));
        assert_eq!(
            two.recommendation,
            ["at budgettet godkendes", "at tal noteres"]
        );
        assert_eq!(two.attachments, ["Budget.pdf"]);
        assert_eq!(a.breaks.len(), 1);
        assert_eq!(a.breaks[0].after, 2);
    }

    #[test]
    fn write_then_parse_gives_the_same_agenda() {
        let mut a = parse(SAMPLE).agenda;
        a.items[0]
            .body
            .push_str("\n\nDet indstilles, at dette er brødtekst\n## ikke en overskrift");
        let written = write(&a);
        let mut back = parse(&written).agenda;
        for i in a.items.iter_mut().chain(back.items.iter_mut()) {
            i.line = None;
        }
        assert_eq!(back, a, "{written}");
        assert_eq!(write(&back), written);
    }
}
