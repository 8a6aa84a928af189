//! Which lines of a plain-text agenda head its items.
//!
//! Every line that could head an item becomes one or more *candidates* (the alternatives a line
//! can be read as: `Punkt 15 min…` is item 1 of 5 minutes or item 15), each with its number
//! form, its number and a strength from what the line looks like. Then [`choose`] picks the
//! sequence of candidates that is most consistent over the whole document, a small dynamic
//! program over "is this candidate an item?": consecutive picks score well when they are written
//! the same way, at the same indentation, and their numbers go up by one. Real documents start
//! anywhere (a yearly count at 36), repeat one number for every item, skip one, restart in a
//! closed section or list the items twice (a table of contents, then the bodies).
//!
//! All features and weights are in [`weight`], with what each serves.

use rustc_hash::FxHashMap;

use super::lines::{Heading, number, separated};
use super::times::{self, Slot};
use super::words;

/// The features of a candidate and of a step between two picks, and what each is worth.
mod weight {
    /// `Punkt 4`, `Sak 12/22`, `PS 46/10`: written to head an item.
    pub const KEYWORD: i32 = 4;
    /// `4.`, `4)`, `4:`: a list number, often an item.
    pub const PUNCTUATED: i32 = 2;
    /// `12/22 Title`, `1/15 15/86 Title`: a case number of the year.
    pub const CASE: i32 = 2;
    /// `4 Title`: as often a count or a table cell as an item number.
    pub const SPACED: i32 = 0;
    /// `09.00-09.30: Ankomst`, `5 16.15 16.20 Title`: a programme row without a number.
    pub const TIMED: i32 = 2;
    /// A blank line before: headings stand apart.
    pub const BLANK_BEFORE: i32 = 1;
    /// The line before ends with a colon (`Vi skal:`) or opens a recommendation: a list
    /// inside an item, such as `1. at …` clauses.
    pub const IN_LIST: i32 = -4;
    /// A title starting in lower case (`1. at udvalget …`) continues a sentence.
    pub const LOWERCASE: i32 = -4;
    /// A long title ending in a full stop reads like a sentence, not a heading.
    pub const SENTENCE: i32 = -2;
    /// Indented deeper than the document's outermost list numbers: a sub-point.
    pub const DEEPER: i32 = -2;
    /// A chain starting at 0 or 1.
    pub const STARTS_AT_ONE: i32 = 2;
    /// `1. 1. Velkomstsang`: the list's own number and a typed one agree (a web page's list
    /// around a typed number), which marks a heading, even one indented apart from the rest.
    pub const TYPED_TWICE: i32 = 2;
    /// In a run of one-element lists (`1.` for every item), the entries after an empty one
    /// when the count in reading order meets the number printed after the run only without
    /// them: a sub-list under an entry whose title was lost, flattened to the same level.
    pub const UNDER_LOST_TITLE: i32 = -6;

    /// The next number (`4` after `3`).
    pub const NEXT: i32 = 3;
    /// The same number again: every item its own one-element list.
    pub const REPEAT: i32 = 1;
    /// One or two numbers skipped.
    pub const GAP: i32 = 0;
    /// Back to the start: a closed section, or a sub-list.
    pub const RESTART: i32 = -4;
    /// Back to the start with a title seen before: the items again after their list (this
    /// also forgives the change of form between the list and the headings).
    pub const ECHO: i32 = 7;
    /// From one series to another (`PS 46/10`, then `RS 12/10` under it): each counts alone.
    pub const SERIES_CHANGE: i32 = 1;
    /// Passing over a less indented candidate: the picks would be a sub-list under it.
    pub const UNDER_PARENT: i32 = -8;
    /// A list number with nothing after it (an empty HTML list entry).
    pub const EMPTY_TITLE: i32 = -3;
    /// Any other jump, backwards or far ahead.
    pub const JUMP: i32 = -12;
    /// A short line standing apart, without number or time: an item only between programme
    /// rows (an entry whose time was not printed), never at the start or end of the list.
    pub const PLAIN: i32 = -3;
    /// A step between such a line and a programme row.
    pub const BESIDE_ROW: i32 = 3;
    /// Two programme rows in time order.
    pub const LATER: i32 = 2;
    /// The number written another way than the pick before (`4.` after `Punkt 3`).
    pub const FORM_CHANGE: i32 = -3;
    /// An unnumbered row next to a numbered one (a work session before the cases).
    pub const NUMBERING_CHANGE: i32 = -1;
    /// Indented differently from the pick before: a sub-list.
    pub const INDENT_CHANGE: i32 = -5;
    /// How many earlier candidates a pick may follow; keeps the choice linear.
    pub const WINDOW: usize = 48;
}

/// How a candidate's number is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// `Punkt 4`, `Sak 4`, `PS 46/10`: the keyword (lower case) and the case-year suffix.
    Keyword(String, String),
    /// `4.`, `4)`, `4:` with the punctuation.
    Punctuated(char),
    /// `12/22 Title`: the year suffix.
    Case(String),
    /// `4 Title`.
    Spaced,
    /// No number, a time first.
    Timed,
    /// No number and no time: a short line standing apart.
    Plain,
}

/// One way to read one line as an item heading.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the line.
    pub line: usize,
    pub form: Form,
    /// The number's value, for the sequence (none for unnumbered rows).
    pub value: Option<u32>,
    /// In `14/36`, the number after the slash: some documents count there (`14/35`, `14/36`).
    pub second: Option<u32>,
    /// A bullet or a word such as `åbent` before the number (a list of the items).
    pub marked: bool,
    pub indent: usize,
    pub heading: Heading,
    pub strength: i32,
    /// An earlier candidate has the same number and title: this is the item again.
    pub echo: bool,
    /// In a run printing one number for every item (each its own one-element list): its
    /// place in reading order, the number it stands for.
    pub ordinal: Option<u32>,
    /// Small numbers for the form family and the keyword (see [`intern_forms`]).
    family: u32,
    keyword: u32,
    series: bool,
}

/// Keywords that introduce an item number; series keywords keep their prefix in the number.
const KEYWORDS: &[(&str, bool)] = &[
    ("dagsordenspunkt", false),
    ("dagsordenpunkt", false),
    ("agenda item", false),
    ("punkt", false),
    ("pkt.", false),
    ("pkt", false),
    ("sak nr.", false),
    ("sak", false),
    ("sag nr.", false),
    ("sag", false),
    ("item", false),
    ("ps", true),
    ("rs", true),
    ("os", true),
];

/// Whether `word` introduces an item number (`Sak`, `PS`, `Punkt`).
pub fn is_keyword(word: &str) -> bool {
    let lower = word.to_lowercase();
    KEYWORDS.iter().any(|(kw, _)| *kw == lower)
}

/// Words before the number of a listed item: `åbent 1 …` in a table of contents.
const LIST_MARKS: &[&str] = &[
    "åbent punkt",
    "åbent",
    "lukket punkt",
    "lukket",
    "åpen",
    "lukket",
];

/// The candidates of one line (none, one, or alternatives).
pub fn candidates(line: &str, index: usize) -> Vec<Candidate> {
    let indent = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let t = words::trim(line);
    if t.is_empty() || t.chars().count() > 200 {
        return Vec::new();
    }
    let (marked, t) = match words::bullet(t) {
        Some(rest) => (true, rest),
        None => match LIST_MARKS
            .iter()
            .filter(|_| t.starts_with(['å', 'Å', 'l', 'L']))
            .find_map(|m| words::strip_word_ci(t, m))
        {
            Some(rest) => (true, rest.trim_start()),
            None => (false, t),
        },
    };
    // Every numbered heading and every timed row has a digit; most body lines have none.
    if !may_head(t) || !t.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |form: Form, value: Option<u32>, number: String, title: &str, slot: Slot| {
        let title = tidy_title(title);
        let second = number.rsplit_once('/').and_then(|(_, y)| y.parse().ok());
        out.push(Candidate {
            line: index,
            form,
            value,
            second,
            marked,
            indent,
            heading: Heading {
                number,
                title,
                slot,
            },
            strength: 0,
            echo: false,
            ordinal: None,
            family: 0,
            keyword: 0,
            series: false,
        });
    };
    if t.contains(['|', '\t']) {
        return table_cells(line, t, index, marked, indent);
    }
    if let Some(row) = timed_row(t) {
        push(Form::Timed, None, String::new(), &row.1, row.0);
        return out;
    }
    let (mut slot, rest) = times::extract(t);
    let rest = rest.as_ref();
    let (start, rest) = bracketed_start(rest);
    slot.start = slot.start.or(start);
    if let Some((kw, series, after)) = keyword(rest) {
        for (number, title, minutes) in keyword_numbers(after) {
            let Some((value, suffix)) = value_of(&number) else {
                continue;
            };
            let mut slot = slot;
            if slot.minutes.is_none() {
                slot.minutes = minutes;
            }
            let printed = if series {
                format!("{} {number}", kw.to_uppercase())
            } else {
                number.clone()
            };
            push(
                Form::Keyword(kw.to_lowercase(), suffix.to_string()),
                Some(value),
                printed,
                title,
                slot,
            );
        }
        return out;
    }
    if let Some((number, form, title)) = bare(rest)
        && let Some((value, _)) = value_of(&number)
    {
        push(form, Some(value), number, title, slot);
    }
    out
}

/// A table row as Word, PDF and web readers write it, cells separated by ` | ` or tabs
/// (`1 | Godkendelse af dagsorden | 13:30-13:40 | Eigil`): the number cell, the time cells and
/// the first cell of text, read as the heading they make. A row without a number but with a
/// time or a duration is a programme row.
fn table_cells(line: &str, t: &str, index: usize, marked: bool, indent: usize) -> Vec<Candidate> {
    let cells: Vec<&str> = t
        .split(['|', '\t'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() < 2 {
        let single = cells.first().copied().unwrap_or("");
        return if single == t {
            Vec::new()
        } else {
            candidates(&line.replace(['|', '\t'], " "), index)
        };
    }
    let mut number: Option<&str> = None;
    let mut title: Option<&str> = None;
    let mut slot = Slot::default();
    for cell in &cells {
        let numeric = cell.trim_end_matches(['.', ')', ':']);
        let is_number = !numeric.is_empty()
            && numeric.len() <= 3
            && numeric.bytes().all(|b| b.is_ascii_digit());
        let keyword_number = keyword(cell).is_some_and(|(_, _, rest)| number_only(rest));
        if title.is_none() && number.is_none() && (is_number || keyword_number) {
            number = Some(if is_number { numeric } else { cell });
        } else if let Some(s) = times::time_only(cell) {
            slot.fill_from(s);
        } else if let Some(start) = clock_cell(cell) {
            slot.start = slot.start.or(Some(start));
        } else if title.is_none() && cell.starts_with(|c: char| c.is_alphabetic()) {
            title = Some(cell);
        }
    }
    let Some(title) = title else {
        return Vec::new();
    };
    let mut out = match number {
        Some(n) if n.starts_with(|c: char| c.is_ascii_digit()) => {
            candidates(&format!("{n}. {title}"), index)
        }
        Some(n) => candidates(&format!("{n} {title}"), index),
        None if !slot.is_empty() => vec![Candidate {
            line: index,
            form: Form::Timed,
            value: None,
            second: None,
            marked,
            indent,
            heading: Heading {
                number: String::new(),
                title: tidy_title(title),
                slot,
            },
            strength: 0,
            echo: false,
            ordinal: None,
            family: 0,
            keyword: 0,
            series: false,
        }],
        None => Vec::new(),
    };
    for c in &mut out {
        c.heading.slot.fill_from(slot);
        c.indent = indent;
        c.marked = marked;
    }
    out
}

/// A cell holding only an item number after its keyword: `12/22`, `4`.
fn number_only(rest: &str) -> bool {
    number(rest, 5).is_some_and(|(_, after)| after.trim_matches([':', '.', ' ']).is_empty())
}

/// `Indledning (19.15)`: a start time alone in brackets at the end of a heading.
fn bracketed_start(t: &str) -> (Option<chrono::NaiveTime>, &str) {
    let trimmed = t.trim_end();
    let inner = trimmed
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .and_then(|(head, time)| clock_cell(time.trim()).map(|c| (head, c)));
    match inner {
        Some((head, time)) => (Some(time), head),
        None => (None, t),
    }
}

/// A cheap first look: a heading starts with a digit, a time, a bracket or a keyword's first
/// letter, or is a table row. Most body lines fail here.
fn may_head(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    first.is_ascii_digit()
        || first == '('
        || matches!(
            first.to_ascii_lowercase(),
            'd' | 'a' | 'p' | 's' | 'i' | 'r' | 'o' | 'k'
        )
        || t.contains(['|', '\t'])
}

/// A keyword at the start: (the keyword as written, whether it names a series, the rest).
fn keyword(line: &str) -> Option<(&str, bool, &str)> {
    KEYWORDS.iter().find_map(|(kw, series)| {
        let rest = words::strip_prefix_ci(line, kw)?;
        let written = &line[..line.len() - rest.len()];
        // `Sak14/36`: the number may be glued to the keyword; a letter may not.
        if rest.starts_with(char::is_alphabetic) {
            return None;
        }
        let rest = rest.trim_start();
        let rest = words::strip_word_ci(rest, "nr.")
            .or_else(|| words::strip_word_ci(rest, "nr"))
            .map_or(rest, str::trim_start);
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some((written, *series, rest))
    })
}

/// The readings of what follows a keyword: (number, title, glued minutes). `15 minGodkendelse`
/// is cells glued together (number 1, 5 minutes) or number 15 with a duration; both are kept
/// and the sequence decides.
fn keyword_numbers(after: &str) -> Vec<(String, &str, Option<u32>)> {
    let d = after.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after[d..];
    let glued_minutes = rest
        .trim_start()
        .strip_prefix("min")
        .filter(|r| !r.starts_with(|c: char| c.is_lowercase()) || r.starts_with(' '))
        .filter(|_| rest.len() - rest.trim_start().len() <= 1);
    if let Some(title) = glued_minutes
        && d >= 2
    {
        return (1..d)
            .filter_map(|split| {
                let minutes = after[split..d].parse().ok()?;
                Some((after[..split].to_string(), title, Some(minutes)))
            })
            .collect();
    }
    match number(after, 5) {
        Some((n, rest)) if separated(rest) => vec![(n, rest, None)],
        _ => Vec::new(),
    }
}

/// A number without a keyword: `4.`, `4)`, `4:`, `12/22 Title`, `4 Title`.
fn bare(line: &str) -> Option<(String, Form, &str)> {
    // Three digits at most: `2022. Året der gik` is a year, not item 2022.
    let (number, after) = number(line, 3)?;
    let (form, title) = if number.contains('/') {
        let suffix = number.split_once('/').map_or("", |(_, y)| y).to_string();
        let title = after.strip_prefix(['.', ':', ')']).unwrap_or(after);
        (Form::Case(suffix), title)
    } else if let Some(p) = after
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ')' | ':'))
    {
        (Form::Punctuated(p), &after[1..])
    } else {
        (Form::Spaced, after)
    };
    // A space after the number, or nothing at all after `4.` (an empty list entry).
    let spaced = title.starts_with([' ', '\t']);
    let empty_entry = title.is_empty() && form != Form::Spaced;
    if !(spaced || empty_entry) {
        return None;
    }
    let mut title = title.trim_start();
    // `1. 1. Velkomstsang`: a typed number after the list's own.
    if let Some(rest) = title.strip_prefix(number.as_str())
        && let Some(rest) = rest.strip_prefix(". ")
    {
        title = rest.trim_start();
    }
    // `1/15 15/86 Title`: an archive number between the case number and the title.
    if matches!(form, Form::Case(_))
        && let Some((archive, rest)) = title.split_once(' ')
        && archive.contains('/')
        && archive.bytes().all(|b| b.is_ascii_digit() || b == b'/')
    {
        title = rest.trim_start();
    }
    let starts_well =
        title.is_empty() || title.starts_with(|c: char| c.is_alphabetic() || "\"'«“(".contains(c));
    // `14. marts 2022`, `12. januar`: a date.
    let is_date = title
        .split_whitespace()
        .next()
        .is_some_and(|w| words::month(w).is_some());
    (starts_well && !is_date && !(title.is_empty() && form == Form::Spaced))
        .then_some((number, form, title))
}

/// The value in the sequence and the case-year suffix: `12/22` -> (12, "22"), `3a` -> (3, "").
fn value_of(number: &str) -> Option<(u32, &str)> {
    let d = number.bytes().take_while(u8::is_ascii_digit).count();
    let value = number.get(..d)?.parse().ok()?;
    let suffix = number[d..].strip_prefix('/').unwrap_or("");
    Some((value, suffix))
}

/// Separators around a title: `4. - Budget:` is titled `Budget`.
fn tidy_title(title: &str) -> String {
    title
        .trim()
        .trim_start_matches([':', '.', ')', '-', '–', '—'])
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_string()
}

/// A programme row without a number: a time or span first, then a title (`08.00-09.00: Ankomst`,
/// `Kl. 10.15 Pause`, `0900 -10.30 Arbeidsmøte`), or a flattened table row of duration, start,
/// end, title and perhaps the actual start (`5 16.15 16.20 Velkommen 16.17`).
pub fn timed_row(t: &str) -> Option<(Slot, String)> {
    if let Some(row) = table_row(t) {
        return Some(row);
    }
    let (slot, rest) = leading_time(t)?;
    let title = rest.trim_start_matches([':', '-', '–', ' ', '\t']).trim();
    let starts_well = title.starts_with(|c: char| c.is_alphabetic() || c == '"' || c == '«');
    (starts_well && slot.start.is_some()).then(|| (slot, title.to_string()))
}

/// A time or span at the start of `t`, and the text after it.
fn leading_time(t: &str) -> Option<(Slot, &str)> {
    let t = t.trim_start();
    // `0900 -10.30`: a four-digit clock before a dash.
    let (first, body) = match four_digit_clock(t) {
        Some((rest, time)) => (Some(time), rest),
        None => (None, t),
    };
    let after_kl = words::strip_word_ci(body, "kl.")
        .or_else(|| words::strip_word_ci(body, "kl"))
        .map(str::trim_start);
    let b = after_kl.unwrap_or(body);
    let e = b
        .char_indices()
        .find(|&(_, c)| c.is_alphabetic())
        .map_or(b.len(), |(i, _)| i);
    let (head, rest) = (&b[..e], &b[e..]);
    if first.is_none() && !head.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first = first
        .map(|t| t.format("%H.%M").to_string())
        .unwrap_or_default();
    let probe = match after_kl {
        Some(_) => format!("kl. {first}{head}"),
        None => format!("{first}{head}"),
    };
    // `16.00: Frist`: a lone clock time heading the row.
    let lone = probe.trim().trim_end_matches([':', '-', '–', ' ']);
    if let Some(start) = clock_cell(lone) {
        let slot = Slot {
            start: Some(start),
            ..Slot::default()
        };
        return Some((slot, rest));
    }
    let (slot, left) = times::extract(&probe);
    let only_time = left
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '.' | ','));
    (only_time && slot.start.is_some()).then_some((slot, rest))
}

/// `0900` followed by a dash: the clock and the text from the dash on.
fn four_digit_clock(t: &str) -> Option<(&str, chrono::NaiveTime)> {
    let b = t.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = &t[4..];
    if !rest.trim_start().starts_with(['-', '–']) {
        return None;
    }
    let h = t[..2].parse().ok()?;
    let m = t[2..4].parse().ok()?;
    Some((rest, chrono::NaiveTime::from_hms_opt(h, m, 0)?))
}

/// `5 16.15 16.20 Velkommen v/leder 16.17`: minutes, start, end, title, actual start.
fn table_row(t: &str) -> Option<(Slot, String)> {
    let mut parts = t.split_whitespace();
    let minutes: u32 = parts.next()?.parse().ok()?;
    let start = clock_cell(parts.next()?)?;
    let end = clock_cell(parts.next()?)?;
    let rest: Vec<&str> = parts.collect();
    let mut title = rest.as_slice();
    if let Some((last, head)) = title.split_last()
        && clock_cell(last).is_some()
    {
        title = head;
    }
    let title = title.join(" ");
    if !title.starts_with(char::is_alphabetic) || minutes > 24 * 60 {
        return None;
    }
    Some((
        Slot {
            start: Some(start),
            end: Some(end),
            minutes: Some(minutes),
        },
        title,
    ))
}

/// A cell holding only a clock time, `16.15` or `16:15`.
fn clock_cell(cell: &str) -> Option<chrono::NaiveTime> {
    let (h, m) = cell.split_once(['.', ':'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Sets each candidate's strength from its line and the lines around it.
fn strengthen(c: &mut Candidate, lines: &[&str]) {
    let mut s = match c.form {
        Form::Keyword(..) => weight::KEYWORD,
        Form::Punctuated(_) => weight::PUNCTUATED,
        Form::Case(_) => weight::CASE,
        Form::Spaced => weight::SPACED,
        Form::Timed => weight::TIMED,
        Form::Plain => {
            c.strength = weight::PLAIN;
            return;
        }
    };
    let prev = lines[..c.line].iter().rev().find(|l| !l.trim().is_empty());
    let blank_before = c.line == 0 || lines[c.line - 1].trim().is_empty();
    if blank_before {
        s += weight::BLANK_BEFORE;
    }
    // `Vi skal:` opens a list inside an item; `DAGSORDEN:` or `Sakliste:` opens the items.
    let opens_list = |p: &str| {
        let p = p.trim();
        let colon = p.ends_with(':')
            && p.split_whitespace().count() >= 2
            && !(words::is_list_heading(p) || words::title_line(p).is_some());
        (colon && candidates(p, 0).is_empty()) || words::recommends(p).is_some()
    };
    if !blank_before && c.value.is_some() && prev.is_some_and(|p| opens_list(p)) {
        s += weight::IN_LIST;
    }
    if typed_twice(lines[c.line], &c.heading.number) {
        s += weight::TYPED_TWICE;
    }
    let title = &c.heading.title;
    if title.is_empty() && !matches!(c.form, Form::Keyword(..)) {
        s += weight::EMPTY_TITLE;
    }
    if title.starts_with(char::is_lowercase) {
        s += weight::LOWERCASE;
    }
    if title.ends_with('.') && title.split_whitespace().count() > 12 {
        s += weight::SENTENCE;
    }
    c.strength = s;
}

/// `1. 1. Title`: the number printed twice, the list's and a typed one.
fn typed_twice(line: &str, number: &str) -> bool {
    fn once<'a>(t: &'a str, number: &str) -> Option<&'a str> {
        t.trim_start()
            .strip_prefix(number)
            .and_then(|r| r.strip_prefix(". "))
    }
    !number.is_empty() && once(line, number).and_then(|r| once(r, number)).is_some()
}

/// What a step from pick `p` to pick `c` is worth.
fn step(p: &Candidate, c: &Candidate) -> i32 {
    let mut s = 0;
    if p.indent != c.indent {
        s += weight::INDENT_CHANGE;
    }
    match (p.value, c.value) {
        (Some(_), Some(_)) if series_change(p, c) => s += weight::SERIES_CHANGE,
        (Some(a), Some(b)) => {
            // Out of a run of one-element lists, the count goes on from the reading order.
            let a = match (p.ordinal, c.ordinal) {
                (Some(o), None) => o,
                _ => a,
            };
            if p.family != c.family || p.marked != c.marked {
                s += weight::FORM_CHANGE;
            }
            let counts_after_slash =
                a == b && matches!((p.second, c.second), (Some(x), Some(y)) if y == x + 1);
            s += if b == a + 1 || counts_after_slash {
                weight::NEXT
            } else if b == a {
                weight::REPEAT
            } else if b > a && b <= a + 3 {
                weight::GAP
            } else if b <= 1 {
                weight::RESTART + if c.echo { weight::ECHO } else { 0 }
            } else {
                weight::JUMP
            };
        }
        (None, None) if p.form == Form::Plain || c.form == Form::Plain => {
            if p.form == Form::Timed || c.form == Form::Timed {
                s += weight::BESIDE_ROW;
            }
        }
        (None, None) => {
            let later = match (p.heading.slot.start, c.heading.slot.start) {
                (Some(a), Some(b)) => b >= a,
                _ => false,
            };
            if later {
                s += weight::LATER;
            }
        }
        (None, Some(b)) => {
            s += weight::NUMBERING_CHANGE;
            if b <= 1 {
                s += weight::STARTS_AT_ONE;
            }
        }
        (Some(_), None) => s += weight::NUMBERING_CHANGE,
    }
    s
}

/// `PS 46/10` to `RS 12/10`: two series of one list.
fn series_change(a: &Candidate, b: &Candidate) -> bool {
    a.series && b.series && a.keyword != b.keyword
}

/// What makes two forms the same way of numbering: `Punkt 3` and `Punkt 4` share it,
/// `PS 46/10` and `RS 12/10` too (two series of one list), `4.` and `4)` do not.
#[derive(PartialEq, Eq, Hash)]
enum Family<'a> {
    /// A series keyword (`PS`, `RS`) with its case-year suffix.
    Series(&'a str),
    /// Another keyword and its suffix.
    Keyword(&'a str, &'a str),
    Punctuated(char),
    Case(&'a str),
    Spaced,
    Timed,
    Plain,
}

fn family_of(form: &Form) -> Family<'_> {
    match form {
        Form::Keyword(k, y) if is_series(k) => Family::Series(y),
        Form::Keyword(k, y) => Family::Keyword(k, y),
        Form::Punctuated(c) => Family::Punctuated(*c),
        Form::Case(y) => Family::Case(y),
        Form::Spaced => Family::Spaced,
        Form::Timed => Family::Timed,
        Form::Plain => Family::Plain,
    }
}

/// Gives each candidate small numbers for its form family and keyword, so that the sequence
/// compares numbers, not strings.
fn intern_forms(cands: &mut [Candidate]) {
    let mut families: FxHashMap<Family, u32> = FxHashMap::default();
    let mut keywords: FxHashMap<&str, u32> = FxHashMap::default();
    let mut ids = Vec::with_capacity(cands.len());
    for c in cands.iter() {
        let next = families.len() as u32 + 1;
        let family = *families.entry(family_of(&c.form)).or_insert(next);
        let keyword = match &c.form {
            Form::Keyword(k, _) => {
                let next = keywords.len() as u32 + 1;
                Some((*keywords.entry(k.as_str()).or_insert(next), is_series(k)))
            }
            Form::Punctuated(_) | Form::Case(_) | Form::Spaced | Form::Timed | Form::Plain => None,
        };
        ids.push((family, keyword));
    }
    for (c, (family, keyword)) in cands.iter_mut().zip(ids) {
        c.family = family;
        if let Some((keyword, series)) = keyword {
            c.keyword = keyword;
            c.series = series;
        }
    }
}

/// `PS` and `RS` are two series of one list: cases and referatsaker under them.
fn is_series(k: &str) -> bool {
    KEYWORDS.iter().any(|(w, series)| *series && *w == k)
}

/// Picks the item headings among `lines`: the candidates of the best-scoring sequence, in order.
pub fn choose(lines: &[&str]) -> Vec<Candidate> {
    let mut cands: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| candidates(l, i))
        .collect();
    if cands.iter().filter(|c| c.form == Form::Timed).count() >= 2 {
        let taken: std::collections::HashSet<usize> = cands.iter().map(|c| c.line).collect();
        let apart = (0..lines.len())
            .filter(|i| !taken.contains(i) && standing_apart(lines, *i))
            .map(|i| plain(i, lines[i].trim()));
        cands.extend(apart.collect::<Vec<_>>());
        cands.sort_by_key(|c| c.line);
    }
    for c in &mut cands {
        strengthen(c, lines);
    }
    mark_echoes(&mut cands);
    intern_forms(&mut cands);
    let outermost = cands
        .iter()
        .filter(|c| matches!(c.form, Form::Punctuated(_)))
        .map(|c| c.indent)
        .min();
    for c in cands.iter_mut() {
        if matches!(c.form, Form::Punctuated(_)) && outermost.is_some_and(|o| c.indent > o) {
            c.strength += weight::DEEPER;
        }
    }
    count_runs(&mut cands);
    let n = cands.len();
    let mut best = vec![0i32; n];
    let mut from: Vec<Option<usize>> = vec![None; n];
    for c in 0..n {
        let starts = match cands[c].value {
            Some(v) if v <= 1 => weight::STARTS_AT_ONE,
            Some(_) | None => 0,
        };
        best[c] = cands[c].strength + starts;
        // The least indentation among the candidates between a pick and this one.
        let mut between = usize::MAX;
        for p in (c.saturating_sub(weight::WINDOW)..c).rev() {
            let skipped = between;
            if cands[p].line < cands[c].line {
                between = between.min(cands[p].indent);
            }
            if cands[p].line >= cands[c].line {
                continue;
            }
            let under = skipped < cands[p].indent.min(cands[c].indent);
            let score = best[p]
                + cands[c].strength
                + step(&cands[p], &cands[c])
                + if under { weight::UNDER_PARENT } else { 0 };
            if score > best[c] {
                best[c] = score;
                from[c] = Some(p);
            }
        }
    }
    let mut picked = Vec::new();
    let mut at = (0..n).filter(|&c| best[c] > 0).max_by_key(|&c| best[c]);
    if at.is_none() {
        return plain_headings(lines);
    }
    while let Some(c) = at {
        picked.push(c);
        at = from[c];
    }
    picked.reverse();
    let mut out: Vec<Candidate> = Vec::with_capacity(picked.len());
    for c in picked {
        out.push(cands[c].clone());
    }
    number_repeats(&mut out);
    // An empty entry of such a run counts, but heads nothing: its title was lost.
    out.retain(|c| c.ordinal.is_none() || !c.heading.title.is_empty());
    out
}

/// Runs of three or more list entries printing the same number (`1.` for every item, each its
/// own one-element HTML list): each entry gets its place in reading order as its
/// [`Candidate::ordinal`], so that the number printed after the run (`10.`) continues the count.
/// Entries after an empty one that the count has no room for are a sub-list
/// ([`weight::UNDER_LOST_TITLE`]) and get no place.
fn count_runs(cands: &mut [Candidate]) {
    let same = |a: &Candidate, b: &Candidate| {
        a.value.is_some()
            && a.value == b.value
            && a.form == b.form
            && a.heading.number == b.heading.number
    };
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len() && same(&cands[i], &cands[j]) {
            j += 1;
        }
        if j - i >= 3
            && let Some(first) = cands[i].value
            && matches!(cands[i].form, Form::Punctuated(_))
        {
            // The number printed after the run, if it is higher.
            let next = cands[j..]
                .iter()
                .find_map(|c| c.value)
                .filter(|&m| m > first);
            let lost = lost_title(&cands[i..j], first, next);
            let mut place = first;
            for (k, c) in cands[i..j].iter_mut().enumerate() {
                if lost.is_some_and(|e| k > e) {
                    c.strength += weight::UNDER_LOST_TITLE;
                } else {
                    c.ordinal = Some(place);
                    place += 1;
                }
            }
        }
        i = j;
    }
}

/// First words of lines that name the document or sign it, not an item.
const NOT_PLAIN: &[&str] = &[
    "referat",
    "dagsorden",
    "protokol",
    "protokoll",
    "møtebok",
    "saksliste",
    "innkalling",
    "ref",
    "mvh",
    "hilsen",
    "venlig",
    "vennlig",
    "skip",
    "til",
    "tilstede",
    "tilstade",
    "afbud",
    "forfall",
    "deltagere",
    "deltakere",
];

/// A document without numbers or times: its items are the short lines standing apart (a blank
/// line before, or a one-word heading ending in a full stop) with text after them, below the
/// header.
fn plain_headings(lines: &[&str]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let words: Vec<&str> = t.split_whitespace().collect();
        let blank_before = i == 0 || lines[i - 1].trim().is_empty();
        let short_stop = words.len() <= 2 && t.ends_with('.');
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
        let first = words.first().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        let plain = !t.is_empty()
            && (1..=8).contains(&words.len())
            && t.chars().count() <= 60
            && (blank_before || short_stop)
            && t.starts_with(char::is_uppercase)
            && !t.ends_with([',', ':', ';', '!', '?'])
            && !t.contains(':')
            && times::find_date(t).is_none()
            && words::meta(t).is_none()
            && words::section(t).is_none()
            && first.is_none_or(|f| !NOT_PLAIN.contains(&f.as_str()))
            && next.is_some();
        if plain {
            out.push(self::plain(i, t));
        }
    }
    // One or two such lines are a header or remarks, not a list of items.
    if out.len() < 3 {
        out.clear();
    }
    out
}

/// In a run counting from `first`, the last empty entry when the entries after it are what
/// keeps the count from meeting `next`, the number printed after the run.
fn lost_title(run: &[Candidate], first: u32, next: Option<u32>) -> Option<usize> {
    let e = run.iter().rposition(|c| c.heading.title.is_empty())?;
    let meets = next.is_some_and(|m| first + e as u32 + 1 == m);
    (meets && e + 1 < run.len()).then_some(e)
}

/// A candidate without number or time.
fn plain(line: usize, title: &str) -> Candidate {
    Candidate {
        line,
        form: Form::Plain,
        value: None,
        second: None,
        marked: false,
        indent: 0,
        heading: Heading {
            number: String::new(),
            title: title.to_string(),
            slot: Slot::default(),
        },
        strength: weight::PLAIN,
        echo: false,
        ordinal: None,
        family: 0,
        keyword: 0,
        series: false,
    }
}

/// A short line with blank lines around it, starting like a heading, between two programme rows.
fn standing_apart(lines: &[&str], i: usize) -> bool {
    let t = lines[i].trim();
    let blank =
        |j: Option<usize>| j.is_none_or(|j| lines.get(j).is_none_or(|l| l.trim().is_empty()));
    !t.is_empty()
        && blank(i.checked_sub(1))
        && blank(Some(i + 1))
        && t.split_whitespace().count() <= 8
        && t.starts_with(char::is_uppercase)
        && !t.ends_with([':', '.', ','])
        && !t.bytes().any(|b| b.is_ascii_digit())
        && neighbours_are_rows(lines, i)
}

/// Whether the nearest non-blank lines before and after line `i` are programme rows.
fn neighbours_are_rows(lines: &[&str], i: usize) -> bool {
    let row = |l: &&str| timed_row(l.trim()).is_some();
    let before = lines[..i].iter().rev().find(|l| !l.trim().is_empty());
    let after = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
    before.is_some_and(row) && after.is_some_and(row)
}

/// Marks candidates that repeat an earlier candidate's number and title.
fn mark_echoes(cands: &mut [Candidate]) {
    let mut seen: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    for c in cands.iter_mut() {
        let title: String = c
            .heading
            .title
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(20)
            .flat_map(char::to_lowercase)
            .collect();
        let key = (c.heading.number.clone(), title);
        c.echo = seen.contains_key(&key);
        seen.entry(key).or_insert(c.line);
    }
}

/// A run of three or more picks printing the same number (`1.` for every item, each its own
/// one-element HTML list) is numbered in reading order.
fn number_repeats(picks: &mut [Candidate]) {
    let mut i = 0;
    while i < picks.len() {
        let mut j = i + 1;
        while j < picks.len()
            && picks[j].value.is_some()
            && picks[j].value == picks[i].value
            && picks[j].heading.number == picks[i].heading.number
        {
            j += 1;
        }
        if j - i >= 3
            && let Some(first) = picks[i].value
        {
            for (k, p) in picks[i..j].iter_mut().enumerate() {
                let n = first + k as u32;
                p.value = Some(n);
                p.heading.number = n.to_string();
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        choose(&lines)
            .into_iter()
            .map(|c| c.heading.number)
            .collect()
    }

    #[test]
    fn forms_of_numbers() {
        let one = |l: &str| {
            let c = candidates(l, 0);
            assert_eq!(c.len(), 1, "{l}: {c:?}");
            (c[0].heading.number.clone(), c[0].heading.title.clone())
        };
        assert_eq!(one("Punkt 4: Budget"), ("4".into(), "Budget".into()));
        assert_eq!(
            one("PS 46/10 Referat"),
            ("PS 46/10".into(), "Referat".into())
        );
        assert_eq!(
            one("Sak14/36 Orientering"),
            ("14/36".into(), "Orientering".into())
        );
        assert_eq!(
            one("1/15 15/86 Godkjenning"),
            ("1/15".into(), "Godkjenning".into())
        );
        assert_eq!(
            one("1 Indledning (19.00)"),
            ("1".into(), "Indledning".into())
        );
        assert_eq!(
            one("1: VALG AF DIRIGENT"),
            ("1".into(), "VALG AF DIRIGENT".into())
        );
        assert_eq!(one("12/22. Budget"), ("12/22".into(), "Budget".into()));
        assert_eq!(
            one("- 3. Nyt fra formanden"),
            ("3".into(), "Nyt fra formanden".into())
        );
        assert!(candidates("14. marts 2022", 0).is_empty());
        assert!(candidates("2022. Året der gik", 0).is_empty());
    }

    #[test]
    fn glued_cells_give_alternatives() {
        let c = candidates("Punkt 210 minElevrådet har ordet", 0);
        let read: Vec<_> = c
            .iter()
            .map(|c| (c.heading.number.as_str(), c.heading.slot.minutes))
            .collect();
        assert_eq!(read, [("2", Some(10)), ("21", Some(0))]);
        assert_eq!(c[0].heading.title, "Elevrådet har ordet");
    }

    #[test]
    fn table_rows_with_cells() {
        let c = candidates("1 | Godkendelse af dagsorden | 13:30-13:40 | Eigil", 0);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].heading.number, "1");
        assert_eq!(c[0].heading.title, "Godkendelse af dagsorden");
        assert_eq!(
            c[0].heading.slot.start,
            chrono::NaiveTime::from_hms_opt(13, 30, 0)
        );
        let c = candidates("Sak 12/22\tBudsjett 2023\t(15 min)", 0);
        assert_eq!(c[0].heading.number, "12/22");
        assert_eq!(c[0].heading.slot.minutes, Some(15));
        let c = candidates("Velkomst | 10 min", 0);
        assert_eq!(
            (c[0].form.clone(), c[0].heading.slot.minutes),
            (Form::Timed, Some(10))
        );
        assert!(candidates("Tid | Emne | Ansvarlig", 0).is_empty());
        assert!(candidates("at | udvalget godkender dagsorden. |", 0).is_empty());
    }

    #[test]
    fn programme_rows() {
        let (slot, title) = timed_row("08.00-09.00: Ankomst").unwrap();
        assert_eq!(title, "Ankomst");
        assert_eq!(slot.end, chrono::NaiveTime::from_hms_opt(9, 0, 0));
        let (slot, title) = timed_row("5 16.15 16.20 Velkommen v/leder 16.17").unwrap();
        assert_eq!(
            (title.as_str(), slot.minutes),
            ("Velkommen v/leder", Some(5))
        );
        let (slot, title) = timed_row("0900 -10.30 Arbeidsmøte").unwrap();
        assert_eq!(title, "Arbeidsmøte");
        assert_eq!(slot.start, chrono::NaiveTime::from_hms_opt(9, 0, 0));
        let (_, title) = timed_row("Kl. 10.15 Pause").unwrap();
        assert_eq!(title, "Pause");
        assert!(timed_row("Mødet starter kl. 10").is_none());
        assert!(timed_row("12. januar møde").is_none());
    }

    #[test]
    fn the_sequence_skips_lists_inside_items() {
        let text = "Dagsorden\n\n1. Godkendelse\n\nVi skal:\n1. læse\n2. skrive\n3. regne\n\n\
                    2. Budget\n\n3. Eventuelt\n";
        assert_eq!(numbers(text), ["1", "2", "3"]);
    }

    #[test]
    fn the_sequence_starts_anywhere_and_keeps_its_indent() {
        assert_eq!(numbers("36 Høring\n37 Plan\n38 Pris\n"), ["36", "37", "38"]);
        let nested =
            " 1. Besøg\n\n  1. Status\n  2. Høring\n 2. Virtuelt\n\n  1. Podcast\n 3. Evt.\n";
        assert_eq!(numbers(nested), ["1", "2", "3"]);
        // Every item its own one-element list: numbered in reading order.
        assert_eq!(
            numbers("1. Sang\n\n1. Dagsorden\n\n1. Økonomi\n"),
            ["1", "2", "3"]
        );
    }

    #[test]
    fn clauses_are_not_items() {
        let text =
            "1. Budget\nDet indstilles,\n1. at budgettet godkendes\n2. at X sker\n\n2. Eventuelt\n";
        assert_eq!(numbers(text), ["1", "2"]);
    }

    #[test]
    fn one_element_lists_count_in_reading_order_past_lost_titles() {
        // Each item its own `1.` list, the first printed `1. 1.` one column apart, two entries
        // whose titles were lost, a sub-list flattened under the second, then `6.` as printed.
        let text = " 1. 1. Åbning\n\n  1. Referat\n\n  1. Budget\n  Tal for året.\n\n  1.  \n\n  \
                    1.  \n\n  1. Haveudvalg\n\n  1. Festudvalg\n\n  6. Nyt fra formanden\n\n  \
                    7. Eventuelt\n";
        assert_eq!(numbers(text), ["1", "2", "3", "6", "7"]);
        let lines: Vec<&str> = text.lines().collect();
        let titles: Vec<String> = choose(&lines)
            .into_iter()
            .map(|c| c.heading.title)
            .collect();
        assert_eq!(titles[0], "Åbning");
        assert_eq!(titles[3], "Nyt fra formanden");
    }

    #[test]
    fn an_empty_entry_without_a_printed_count_after_it_keeps_what_follows() {
        // Nothing printed after the run to count towards: the entries after the empty one stay.
        let text = "1. Åbning\n\n1. Referat\n\n1.\n\n1. Budget\n\n1. Eventuelt\n";
        assert_eq!(numbers(text).len(), 4, "{:?}", numbers(text));
    }
}
