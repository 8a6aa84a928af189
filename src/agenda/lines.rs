//! What one line of an agenda is: an item heading, metadata, a section heading, a time, text.
//!
//! Shared by the plain-text and the Markdown importers; each decides for itself which lines are
//! item headings (plain text needs more care), the rest is classified here.

use super::times::{self, Slot};
use super::words::{self, Meta, Section};

/// One classified line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    Heading(Heading),
    /// A break in the programme: `Frokost 12:00-12:45`.
    Break {
        title: String,
        slot: Slot,
    },
    /// Metadata: what it is, its value, and the whole line (for when it is kept as text).
    Meta(Meta, &'a str, &'a str),
    /// A line that only says when: `(13:30 - 13:40)`, `Tid: 10 min`.
    Slot(Slot),
    /// A section heading as written, and the text after its colon.
    Section(Section, &'a str, &'a str),
    /// `Det indstilles, at …`: the text from the first clause on.
    Recommends(&'a str),
    CaseNumber(&'a str),
    /// A bullet's text and whether it is indented (a sub-bullet).
    Bullet(&'a str, bool),
    Text(&'a str),
}

/// An item heading: `Punkt 4: Budget 2023 (14:10 - 14:25)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Heading {
    pub number: String,
    pub title: String,
    pub slot: Slot,
}

/// How a heading was written; plain text trusts a keyword more than a bare number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `Punkt 4`, `Pkt. 4`, `Sak 12/22`, `Item 4`.
    Keyword,
    /// `4.`, `4)`.
    Bare,
}

/// Words that introduce an item number.
const KEYWORDS: &[&str] = &[
    "dagsordenspunkt",
    "dagsordenpunkt",
    "agenda item",
    "punkt",
    "pkt.",
    "pkt",
    "sak nr.",
    "sak",
    "ps",
    "os",
    "rs",
    "item",
];

/// Reads an item heading. Times in the line are cut out into the slot.
pub fn heading(line: &str) -> Option<(Style, Heading)> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 200 || words::bullet(line).is_some() {
        return None;
    }
    let (slot, rest) = times::extract(line);
    let (style, number, title) = keyword_heading(&rest).or_else(|| bare_heading(&rest))?;
    let title = title
        .trim()
        .trim_start_matches([':', '.', ')', '-', '–', '—'])
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_string();
    Some((
        style,
        Heading {
            number,
            title,
            slot,
        },
    ))
}

fn keyword_heading(line: &str) -> Option<(Style, String, &str)> {
    for kw in KEYWORDS {
        let Some(rest) = words::strip_word_ci(line, kw) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = words::strip_word_ci(rest, "nr.")
            .or_else(|| words::strip_word_ci(rest, "nr"))
            .map_or(rest, str::trim_start);
        if let Some((number, after)) = number(rest, 5)
            && separated(after)
        {
            return Some((Style::Keyword, number, after));
        }
    }
    None
}

fn bare_heading(line: &str) -> Option<(Style, String, &str)> {
    // Three digits at most: `2022. Året der gik` is a year, not item 2022.
    let (number, after) = number(line, 3)?;
    let after = after.strip_prefix(['.', ')'])?;
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let title = after.trim_start();
    // `14. marts 2022` is a date; a title starts with a letter or a quote.
    let starts_well = title.starts_with(|c: char| c.is_alphabetic() || "\"'«“(".contains(c));
    let is_date = title
        .split_whitespace()
        .next()
        .is_some_and(|w| words::month(w).is_some());
    (starts_well && !is_date).then_some((Style::Bare, number, title))
}

/// An item number as written: `4`, `3a`, `12/22`, `012/22`; at most `max` digits before any `/`.
pub(super) fn number(s: &str, max: usize) -> Option<(String, &str)> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > max {
        return None;
    }
    let mut end = d;
    let b = s.as_bytes();
    if b.get(end) == Some(&b'/') {
        let y = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if (2..=4).contains(&y) {
            end += 1 + y;
        } else {
            return None;
        }
    }
    if let Some(&c) = b.get(end)
        && c.is_ascii_lowercase()
        && !b.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        end += 1;
    }
    Some((s[..end].to_string(), &s[end..]))
}

/// After a number comes a separator, whitespace or the end of the line; not more digits or letters.
pub(super) fn separated(after: &str) -> bool {
    after.is_empty() || after.starts_with([' ', '\t', ':', '.', ')', '-', '–', '—', ','])
}

/// Classifies a line that is not an item heading.
pub fn classify(line: &str) -> Line<'_> {
    let t = words::trim(line);
    if t.is_empty() {
        return Line::Blank;
    }
    if let Some(text) = words::bullet(line) {
        let indented = line.len() - line.trim_start().len() >= 2;
        return Line::Bullet(text, indented);
    }
    if let Some(rest) = words::recommends(t) {
        return Line::Recommends(rest);
    }
    if let Some((section, label, rest)) = words::section(t) {
        return Line::Section(section, label, rest);
    }
    if let Some(slot) = times::time_only(t) {
        return Line::Slot(slot);
    }
    if let Some(b) = break_line(t) {
        return b;
    }
    if let Some((meta, value)) = words::meta(t) {
        return Line::Meta(meta, value, t);
    }
    if let Some(cn) = words::bare_case_number(t) {
        return Line::CaseNumber(cn);
    }
    Line::Text(t)
}

/// `Frokost 12:00-12:45`, `Pause (15 min)`.
pub fn break_line(t: &str) -> Option<Line<'static>> {
    if (t.len() > 80 && t.chars().count() > 80) || !words::mentions_break(t) {
        return None;
    }
    let (slot, rest) = times::extract(t);
    // `Kaffepause` alone on its line is a break without a time.
    let alone = slot.is_empty() && rest.split_whitespace().count() == 1;
    ((!slot.is_empty() || alone) && words::is_break(&rest)).then(|| Line::Break {
        title: rest.trim().to_string(),
        slot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(Style, String, String)> {
        heading(line).map(|(s, h)| (s, h.number, h.title))
    }

    #[test]
    fn headings_in_real_forms() {
        let k = |n: &str, t: &str| Some((Style::Keyword, n.to_string(), t.to_string()));
        let b = |n: &str, t: &str| Some((Style::Bare, n.to_string(), t.to_string()));
        assert_eq!(
            h("Punkt 1: Referat og referent"),
            k("1", "Referat og referent")
        );
        assert_eq!(h("Pkt. 4 Budget"), k("4", "Budget"));
        assert_eq!(h("PUNKT 3a - Kvalitet"), k("3a", "Kvalitet"));
        assert_eq!(h("Sak 12/22 Budsjett 2023"), k("12/22", "Budsjett 2023"));
        assert_eq!(h("Sak 12/22: Budsjett"), k("12/22", "Budsjett"));
        assert_eq!(
            h("PS 7/22 Godkjenning av protokoll"),
            k("7/22", "Godkjenning av protokoll")
        );
        assert_eq!(h("Punkt 4:"), k("4", ""));
        assert_eq!(h("4. Budget 2023"), b("4", "Budget 2023"));
        assert_eq!(h("4) Budget"), b("4", "Budget"));
        assert_eq!(h("14. marts 2022"), None);
        assert_eq!(h("Punkter til kommende møder."), None);
        assert_eq!(h("Saksnr. 22/123"), None);
        assert_eq!(h("2022.02.18 - Spilleregler"), None);
        assert_eq!(h("- 4. Budget"), None);
        let (_, with_time) = heading("13.30-13.40 1. Referat (10 min)").unwrap();
        assert_eq!(with_time.title, "Referat");
        assert!(with_time.slot.start.is_some());
    }

    #[test]
    fn classifies_the_seed_lines() {
        assert_eq!(
            classify("Sagsfremstilling"),
            Line::Section(Section::CasePresentation, "Sagsfremstilling", "")
        );
        assert!(matches!(classify("(13:30 - 13:40)"), Line::Slot(_)));
        assert_eq!(classify("Det indstilles,"), Line::Recommends(""));
        assert_eq!(
            classify("85.02.02P35-25-19"),
            Line::CaseNumber("85.02.02P35-25-19")
        );
        assert_eq!(
            classify("Mødedeltagere:"),
            Line::Meta(Meta::Participants, "", "Mødedeltagere:")
        );
        assert_eq!(classify("- Andet"), Line::Bullet("Andet", false));
        assert!(matches!(
            classify("Frokost 12:00-12:45"),
            Line::Break { .. }
        ));
        assert_eq!(classify("Nemøkonomi."), Line::Text("Nemøkonomi."));
    }
}
