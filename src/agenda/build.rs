//! Assembling an agenda from classified lines, shared by the plain-text and Markdown importers.
//!
//! The importers decide what each line is ([`Line`]); the builder decides where it goes: meeting
//! metadata, an item's slot, its body, its recommendation clauses or its attachments.

use std::sync::LazyLock;

use memchr::memmem;

use super::lines::{Heading, Line};
use super::times::{self, Slot};
use super::words::{Meta, Section};
use super::{Agenda, Break, Item, Warning};
use crate::i18n::Lang;

/// Where the lines being read go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Body,
    Recommendation,
    Decision,
    Attachments,
    /// The lines after `Mødedeltagere:` with nothing after the colon.
    Value(Meta),
}

/// An item being read.
#[derive(Debug, Default)]
struct Draft {
    item: Item,
    slot: Slot,
    body: Vec<String>,
    clauses: Vec<String>,
    /// The next recommendation line starts a new clause (after a blank line or a heading).
    new_clause: bool,
    /// `Det indstilles, at` with the clauses on the lines after: each clause gets the "at".
    at_list: bool,
    /// The lines under a `Beslutning`/`Vedtak` label: the item's decision, not its body.
    decision: Vec<String>,
}

/// Builds an [`Agenda`] line by line.
pub struct Builder {
    agenda: Agenda,
    draft: Option<Draft>,
    mode: Mode,
    /// The mode to go back to after a metadata value.
    before_value: Mode,
    value_taken: bool,
    title_pending: bool,
    /// The title came from a `DAGSORDEN …` line (or Markdown `#`), not just the first line.
    title_from_keyword: bool,
    header_slot: Slot,
    /// The text before the first item, for the meeting's date and start when no label gives them.
    header_lines: Vec<String>,
    language_set: bool,
    pub warnings: Vec<Warning>,
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            agenda: Agenda::default(),
            draft: None,
            mode: Mode::Body,
            before_value: Mode::Body,
            value_taken: false,
            title_pending: false,
            title_from_keyword: false,
            header_slot: Slot::default(),
            header_lines: Vec::new(),
            language_set: false,
            warnings: Vec::new(),
        }
    }

    /// Sets the meeting title (Markdown `# Title`).
    pub fn title(&mut self, title: &str) {
        if self.agenda.title.is_empty() {
            self.agenda.title = title.trim().to_string();
            self.title_from_keyword = true;
        }
    }

    pub fn title_missing(&self) -> bool {
        self.agenda.title.is_empty()
    }

    /// Feeds one line; `n` is its 1-based number in the source.
    pub fn line(&mut self, n: usize, line: Line<'_>) {
        if let Mode::Value(meta) = self.mode
            && self.value_line(meta, &line)
        {
            return;
        }
        match line {
            Line::Heading(h) => self.heading(n, h),
            Line::Break { title, slot } => self.add_break(title, slot),
            other @ (Line::Blank
            | Line::Meta(..)
            | Line::Slot(_)
            | Line::Section(..)
            | Line::Recommends(_)
            | Line::CaseNumber(_)
            | Line::Bullet(..)
            | Line::Text(_)) => {
                if self.draft.is_none() {
                    self.header(other);
                } else {
                    self.item_line(n, other);
                }
            }
        }
    }

    /// Takes the value of a metadata line given on the lines after it. Returns false when the
    /// line is not part of the value (and must be read normally).
    fn value_line(&mut self, meta: Meta, line: &Line<'_>) -> bool {
        let text = match line {
            Line::Blank if self.value_taken => {
                self.mode = self.before_value;
                return true;
            }
            Line::Blank => return true,
            Line::Text(t) | Line::Bullet(t, _) => *t,
            Line::CaseNumber(t) if meta == Meta::CaseNumber => *t,
            Line::Heading(_)
            | Line::Break { .. }
            | Line::Meta(..)
            | Line::Slot(_)
            | Line::Section(..)
            | Line::Recommends(_)
            | Line::CaseNumber(_) => {
                self.mode = self.before_value;
                return false;
            }
        };
        self.set_meta(meta, text);
        self.value_taken = true;
        // Lists of names may run over several lines; single values take one.
        if !matches!(meta, Meta::Participants | Meta::Absent) {
            self.mode = self.before_value;
        }
        true
    }

    fn header(&mut self, line: Line<'_>) {
        match &line {
            Line::Text(t) | Line::Meta(_, _, t) | Line::CaseNumber(t) | Line::Bullet(t, _) => {
                self.header_lines.push(t.to_string());
            }
            Line::Section(_, label, rest) => self.header_lines.push(format!("{label} {rest}")),
            Line::Blank
            | Line::Heading(_)
            | Line::Break { .. }
            | Line::Slot(_)
            | Line::Recommends(_) => {}
        }
        match line {
            Line::Meta(meta, value, _) => self.meta(meta, value),
            Line::Slot(slot) => self.header_slot.fill_from(slot),
            Line::Text(t) => self.header_text(t),
            Line::Section(_, label, _) => self.header_text(label),
            Line::CaseNumber(t) => self.header_text(t),
            Line::Bullet(t, _) => {
                if let Some((meta, value)) = super::words::meta(t) {
                    self.meta(meta, value);
                }
            }
            Line::Blank | Line::Heading(_) | Line::Break { .. } | Line::Recommends(_) => {}
        }
    }

    /// Text before the first item: the title, from a `DAGSORDEN …` line (or the line after a
    /// bare `MØTEINNKALLING`), else the first line.
    fn header_text(&mut self, t: &str) {
        if let Some(rest) = super::words::title_line(t) {
            if self.title_from_keyword {
                return;
            }
            if rest.is_empty() {
                self.title_pending = true;
            } else if rest.starts_with(char::is_lowercase) {
                // `Dagsorden til ledermøde i …`: the words belong to the title.
                self.agenda.title = t.to_string();
                self.title_from_keyword = true;
            } else {
                self.agenda.title = rest.to_string();
                self.title_from_keyword = true;
            }
            return;
        }
        if self.title_pending {
            self.agenda.title = t.to_string();
            self.title_pending = false;
            self.title_from_keyword = true;
        } else if self.agenda.title.is_empty() {
            self.agenda.title = t.to_string();
        }
    }

    fn meta(&mut self, meta: Meta, value: &str) {
        if value.is_empty() {
            self.before_value = if self.mode == Mode::Value(meta) {
                Mode::Body
            } else {
                self.mode
            };
            self.mode = Mode::Value(meta);
            self.value_taken = false;
        } else {
            self.set_meta(meta, value);
        }
    }

    fn set_meta(&mut self, meta: Meta, value: &str) {
        let a = &mut self.agenda;
        let value = value.trim();
        match meta {
            Meta::Date => {
                a.date = a.date.or_else(|| times::find_date(value));
                let (slot, _) = times::extract(value);
                self.header_slot.fill_from(slot);
            }
            Meta::Time => {
                a.date = a.date.or_else(|| times::find_date(value));
                self.header_slot.fill_from(times::extract(value).0);
            }
            Meta::End => {
                let slot = times::extract(value).0;
                a.end = a.end.or(slot.start);
            }
            Meta::Place => set_once(&mut a.place, value),
            Meta::Chair => set_once(&mut a.chair, &person(value)),
            Meta::Referent => set_once(&mut a.referent, &person(value)),
            Meta::Participants => a.participants.extend(names(value)),
            Meta::Absent => a.absent.extend(names(value)),
            Meta::Language => {
                if let Some(lang) = language(value) {
                    a.language = lang;
                    self.language_set = true;
                }
            }
            Meta::CaseNumber => {
                if let Some(d) = self.draft.as_mut() {
                    set_once(&mut d.item.case_number, value);
                }
            }
        }
    }

    fn heading(&mut self, n: usize, h: Heading) {
        self.finish_item();
        self.mode = Mode::Body;
        self.draft = Some(Draft {
            item: Item {
                number: h.number,
                title: h.title,
                line: Some(n),
                ..Item::default()
            },
            slot: h.slot,
            ..Draft::default()
        });
    }

    fn add_break(&mut self, title: String, slot: Slot) {
        self.agenda.breaks.push(Break {
            title,
            start: slot.start,
            end: slot.end,
            minutes: slot.minutes,
            after: self.agenda.items.len() + usize::from(self.draft.is_some()),
        });
    }

    fn item_line(&mut self, _n: usize, line: Line<'_>) {
        let wants_meta = match line {
            Line::Meta(meta, ..) => self.agenda.items.len() < 2 && self.meta_missing(meta),
            Line::Blank
            | Line::Heading(_)
            | Line::Break { .. }
            | Line::Slot(_)
            | Line::Section(..)
            | Line::Recommends(_)
            | Line::CaseNumber(_)
            | Line::Bullet(..)
            | Line::Text(_) => false,
        };
        let Some(d) = self.draft.as_mut() else {
            return;
        };
        match line {
            Line::Blank => {
                d.new_clause = true;
                if d.body.last().is_some_and(|l| !l.is_empty()) {
                    d.body.push(String::new());
                }
            }
            // A clock range on its own line under the heading (`Punkt 1 5 min` / `18.00 - 18.05`).
            Line::Slot(slot) if d.slot.start.is_none() => d.slot.fill_from(slot),
            Line::CaseNumber(cn) if d.item.case_number.is_none() && !has_body(d) => {
                d.item.case_number = Some(cn.to_string());
            }
            Line::Meta(Meta::CaseNumber, value, _) if d.item.case_number.is_none() => {
                if value.is_empty() {
                    self.meta(Meta::CaseNumber, value);
                } else {
                    d.item.case_number = Some(value.to_string());
                }
            }
            // "Mødet slutter kl. 15:30" after the last item.
            Line::Meta(Meta::End, value, _)
                if self.agenda.end.is_none() && times::extract(value).0.start.is_some() =>
            {
                self.agenda.end = times::extract(value).0.start;
            }
            Line::Meta(Meta::Time, value, _)
                if d.slot.is_empty() && !times::extract(value).0.is_empty() =>
            {
                d.slot = times::extract(value).0;
            }
            // Participants and the minute-taker are often named under the first item
            // ("Referat og referent"); elsewhere such lines are just text.
            Line::Meta(meta, value, _) if wants_meta => {
                self.meta(meta, value);
            }
            Line::Section(section, label, rest) => self.section(section, label, rest),
            Line::Recommends(rest) => {
                self.mode = Mode::Recommendation;
                d.new_clause = true;
                d.at_list = rest.eq_ignore_ascii_case("at");
                if !rest.is_empty() && !d.at_list {
                    clause_line(d, rest, true);
                }
            }
            Line::Bullet(t, indented) => self.text(t, Some(indented)),
            Line::Text(t) | Line::Meta(_, _, t) | Line::CaseNumber(t) => self.text(t, None),
            Line::Slot(slot) => {
                // A second time for the same item: keep it readable in the body.
                let _ = slot;
            }
            Line::Heading(_) | Line::Break { .. } => {}
        }
    }

    fn meta_missing(&self, meta: Meta) -> bool {
        let a = &self.agenda;
        match meta {
            Meta::Participants => a.participants.is_empty(),
            Meta::Absent => a.absent.is_empty(),
            Meta::Referent => a.referent.is_none(),
            Meta::Chair => a.chair.is_none(),
            Meta::Place => a.place.is_none(),
            Meta::Date | Meta::Time | Meta::End | Meta::Language | Meta::CaseNumber => false,
        }
    }

    fn section(&mut self, section: Section, label: &str, rest: &str) {
        let Some(d) = self.draft.as_mut() else {
            return;
        };
        d.new_clause = true;
        d.at_list = false;
        match section {
            Section::CasePresentation => {
                self.mode = Mode::Body;
                if !rest.is_empty() {
                    push_body(d, rest.to_string());
                }
            }
            Section::Recommendation => {
                self.mode = Mode::Recommendation;
                d.at_list = rest.eq_ignore_ascii_case("at");
                if !rest.is_empty() && !d.at_list {
                    clause_line(d, rest, true);
                }
            }
            Section::Decision => {
                self.mode = Mode::Decision;
                if !rest.is_empty() {
                    d.decision.push(rest.to_string());
                }
            }
            Section::Attachments => {
                self.mode = Mode::Attachments;
                if !rest.is_empty() {
                    d.item.attachments.push(strip_list_number(rest).to_string());
                }
            }
            Section::Other => {
                self.mode = Mode::Body;
                let heading = if rest.is_empty() {
                    label.to_string()
                } else {
                    format!("{label}: {rest}")
                };
                push_body(d, heading);
            }
        }
    }

    /// A line of text or a bullet, placed by the current mode.
    fn text(&mut self, t: &str, bullet: Option<bool>) {
        let Some(d) = self.draft.as_mut() else {
            return;
        };
        // `Punkt 4:` with the title on the next line.
        if d.item.title.is_empty() && !has_body(d) && self.mode == Mode::Body && bullet.is_none() {
            d.item.title = t.to_string();
            return;
        }
        match self.mode {
            Mode::Recommendation => clause_line(d, t, bullet.is_some()),
            Mode::Attachments => d.item.attachments.push(strip_list_number(t).to_string()),
            Mode::Decision => d.decision.push(format_line(t, bullet)),
            Mode::Body | Mode::Value(_) => push_body(d, format_line(t, bullet)),
        }
    }

    fn finish_item(&mut self) {
        let Some(d) = self.draft.take() else {
            return;
        };
        let mut item = d.item;
        item.start = d.slot.start;
        item.end = d.slot.end;
        item.minutes = d.slot.minutes;
        let mut body = d.body;
        while body.last().is_some_and(String::is_empty) {
            body.pop();
        }
        item.body = body.join("\n");
        item.recommendation = split_clauses(d.clauses);
        let decision = d.decision.join("\n");
        item.decision = (!decision.trim().is_empty()).then(|| decision.trim().to_string());
        self.agenda.items.push(item);
    }

    /// Finishes the agenda. `text` is the whole source, for guessing the language.
    pub fn finish(mut self, text: &str) -> (Agenda, Vec<Warning>) {
        self.finish_item();
        let a = &mut self.agenda;
        let facts = header_facts(&self.header_lines);
        if self.header_slot.start.is_none() {
            self.header_slot.fill_from(facts.1);
        }
        a.start = a.start.or(self.header_slot.start);
        if a.end.is_none() && self.header_slot.end.is_some() {
            a.end = self.header_slot.end;
        }
        a.date = a.date.or(facts.0);
        if a.date.is_none() {
            a.date = times::find_date(&a.title);
        }
        if !self.language_set {
            // The first pages say enough about the language.
            let mut head = text.len().min(32 * 1024);
            while !text.is_char_boundary(head) {
                head -= 1;
            }
            a.language = Lang::guess(&text[..head]);
        }
        dedup(&mut a.participants);
        dedup(&mut a.absent);
        (self.agenda, self.warnings)
    }
}

/// Words that say a line is about the meeting itself (`Referat fra bestyrelsesmøde 4. november`).
const MEETING_WORDS: &[&str] = &[
    "møde",
    "møte",
    "mødet",
    "møtet",
    "mødes",
    "møtes",
    "referat",
    "dagsorden",
    "protokol",
    "protokoll",
    "generalforsamling",
    "innkalling",
    "indkald",
    "saksliste",
    "meeting",
];

/// Words of a publishing stamp or page chrome, not the meeting: `Publiceret 25-10-2017`.
const STAMP_WORDS: &[&str] = &[
    "publiceret",
    "opdateret",
    "udgivet",
    "publisert",
    "oppdatert",
    "posted",
    "skrevet",
    "sidst",
];

const WEEKDAYS: &[&str] = &[
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "tysdag",
    "måndag",
    "laurdag",
    "sundag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
];

/// The meeting's date and start from the lines before the first item, when no label names
/// them: the line that speaks most of the meeting wins (a meeting word, a weekday), a
/// publishing stamp loses, and so does a bare date heading the page (a blog's or CMS's date).
fn header_facts(lines: &[String]) -> (Option<chrono::NaiveDate>, Slot) {
    let mut best_date: Option<(i32, chrono::NaiveDate)> = None;
    let mut best_time: Option<(i32, Slot)> = None;
    for (i, line) in lines.iter().enumerate() {
        let lower = line.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.iter().any(|m| w.starts_with(m)));
        let mut score = 0;
        if has(MEETING_WORDS) {
            score += 2;
        }
        if words.iter().any(|w| WEEKDAYS.contains(w)) {
            score += 1;
        }
        if has(STAMP_WORDS) {
            score -= 5;
        }
        let date = times::find_date(line);
        let only_date = words.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_digit())
                || WEEKDAYS.contains(w)
                || super::words::month(w).is_some()
                || *w == "den"
        });
        if i == 0 && only_date {
            score -= 3;
        }
        if let Some(d) = date
            && best_date.is_none_or(|(s, _)| score > s)
        {
            best_date = Some((score, d));
        }
        let (slot, _) = times::extract(line);
        if slot.start.is_some()
            && score >= 0
            && (date.is_some() || score > 0)
            && best_time.is_none_or(|(s, _)| score > s)
        {
            best_time = Some((score, slot));
        }
    }
    (
        best_date.map(|(_, d)| d),
        best_time.map(|(_, s)| s).unwrap_or_default(),
    )
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

fn has_body(d: &Draft) -> bool {
    d.body.iter().any(|l| !l.is_empty()) || !d.clauses.is_empty() || !d.item.attachments.is_empty()
}

fn push_body(d: &mut Draft, line: String) {
    d.body.push(line);
}

fn format_line(t: &str, bullet: Option<bool>) -> String {
    // Every body line passes here: joined, not formatted.
    let mark = match bullet {
        Some(true) => "  - ",
        Some(false) => "- ",
        None => "",
    };
    let mut line = String::with_capacity(mark.len() + t.len());
    line.push_str(mark);
    line.push_str(t);
    line
}

/// Adds a line to the recommendation: a new clause when it starts one, else a continuation.
fn clause_line(d: &mut Draft, t: &str, bullet: bool) {
    let mut text = strip_list_number(t).trim().to_string();
    if text.is_empty() {
        return;
    }
    let starts_at =
        super::words::strip_word_ci(&text, "at").is_some() && text.split_whitespace().count() > 1;
    let numbered = text.len() != t.trim().len();
    let new = d.new_clause || bullet || starts_at || numbered || d.clauses.is_empty();
    match d.clauses.last_mut() {
        Some(last) if !new => {
            last.push(' ');
            last.push_str(&text);
        }
        _ => {
            if d.at_list && !starts_at {
                text = format!("at {text}");
            }
            d.clauses.push(text);
        }
    }
    d.new_clause = false;
}

/// `1. Kommunestyret godkjenner …`, `a) …`: the clause without its list number.
fn strip_list_number(t: &str) -> &str {
    let t = t.trim_start();
    let n = t
        .bytes()
        .take_while(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        .count();
    let digits = t.bytes().take(n).filter(u8::is_ascii_digit).count();
    let ok = n > 0 && n <= 2 && (digits == n || n == 1);
    if ok
        && let Some(rest) = t[n..].strip_prefix(['.', ')'])
        && rest.starts_with(' ')
    {
        return rest.trim_start();
    }
    t
}

/// Splits "at X og at Y" into two clauses and tidies the joints ("at X, og" -> "at X").
fn split_clauses(clauses: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for c in clauses {
        let is_at = super::words::strip_word_ci(&c, "at").is_some();
        let parts: Vec<&str> = if is_at {
            split_keep(&c)
        } else {
            vec![c.as_str()]
        };
        for p in parts {
            let p = p
                .trim()
                .trim_end_matches([',', ';'])
                .trim_end()
                .strip_suffix(", og")
                .or_else(|| p.trim().strip_suffix(" og"))
                .unwrap_or(p.trim().trim_end_matches([',', ';']))
                .trim();
            if !p.is_empty() {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Splits at each separator, keeping the "at" that starts the next part.
fn split_keep(s: &str) -> Vec<&str> {
    // Built once: every clause is searched for each of them.
    static SEPARATORS: LazyLock<[memmem::Finder<'static>; 4]> =
        LazyLock::new(|| [", og at ", " og at ", "; at ", ", samt at "].map(memmem::Finder::new));
    let seps = &*SEPARATORS;
    let mut parts = Vec::new();
    let mut from = 0;
    let mut buf = [0u8; 256];
    let lower = super::words::lower_in(s, &mut buf);
    // Every separator ends in " at ": a clause without one is a single part.
    if lower.len() != s.len() || !lower.contains(" at ") {
        return vec![s];
    }
    loop {
        let next = seps
            .iter()
            .filter_map(|sep| {
                let i = sep.find(&lower.as_bytes()[from..])?;
                Some((from + i, sep.needle().len()))
            })
            .min();
        match next {
            Some((i, len)) => {
                parts.push(&s[from..i]);
                from = i + len - "at ".len();
            }
            None => {
                parts.push(&s[from..]);
                return parts;
            }
        }
    }
}

fn set_once(field: &mut Option<String>, value: &str) {
    if field.is_none() && !value.trim().is_empty() {
        *field = Some(value.trim().trim_end_matches('.').trim().to_string());
    }
}

/// "Denne gang er det Helle" -> "Helle".
fn person(value: &str) -> String {
    let v = value.trim().trim_end_matches('.');
    for marker in [" er det ", " blir det ", " is "] {
        if let Some(i) = v.to_lowercase().rfind(marker)
            && v.is_char_boundary(i + marker.len())
        {
            return v[i + marker.len()..].trim().to_string();
        }
    }
    v.to_string()
}

/// "A, B, C og D" -> [A, B, C, D].
fn names(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in value.split([',', ';']) {
        let mut rest = part;
        loop {
            let lower = rest.to_lowercase();
            let cut = [" og ", " and ", " & "]
                .iter()
                .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
                .min();
            match cut {
                Some((i, len)) if rest.is_char_boundary(i) && rest.is_char_boundary(i + len) => {
                    out.push(rest[..i].to_string());
                    rest = &rest[i + len..];
                }
                _ => {
                    out.push(rest.to_string());
                    break;
                }
            }
        }
    }
    out.into_iter()
        .map(|n| n.trim().trim_end_matches('.').trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
}

fn language(value: &str) -> Option<Lang> {
    match value.trim().to_lowercase().as_str() {
        "da" | "dansk" | "danish" => Some(Lang::Da),
        "nb" | "no" | "norsk" | "bokmål" | "norwegian" => Some(Lang::Nb),
        "nn" | "nynorsk" => Some(Lang::Nn),
        "en" | "english" | "engelsk" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meeting_line_gives_date_and_start_not_the_stamp() {
        let lines: Vec<String> = [
            "søndag den 30. november 2014",
            "Publiceret 28-11-2014 kl. 10:12",
            "Referat fra bestyrelsesmøde mandag 24. november 2014 kl. 19.00",
        ]
        .map(String::from)
        .to_vec();
        let (date, slot) = header_facts(&lines);
        assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2014, 11, 24));
        assert_eq!(slot.start, chrono::NaiveTime::from_hms_opt(19, 0, 0));
    }

    #[test]
    fn labels_without_a_time_stay_in_the_body() {
        let mut b = Builder::new();
        b.line(1, super::super::lines::classify("Punkt 1: Start"));
        let h = super::super::lines::heading("Punkt 1: Start").unwrap().1;
        b.line(1, Line::Heading(h));
        for l in [
            "Start: vi begynder med kaffe",
            "Slut: som sædvanlig",
            "Tid: 10 min",
        ] {
            b.line(2, super::super::lines::classify(l));
        }
        let (a, _) = b.finish("");
        assert_eq!(
            a.items[0].body,
            "Start: vi begynder med kaffe\nSlut: som sædvanlig"
        );
        assert_eq!(a.items[0].minutes, Some(10));
        assert_eq!(a.end, None);
    }

    #[test]
    fn names_and_people() {
        assert_eq!(
            names("Helle Ø. Enstrøm, Rie S. Hosbond, Marie H. Poulsen og Eigil Jensen"),
            [
                "Helle Ø. Enstrøm",
                "Rie S. Hosbond",
                "Marie H. Poulsen",
                "Eigil Jensen"
            ]
        );
        assert_eq!(person("Denne gang er det Helle"), "Helle");
        assert_eq!(person("Kari Nordmann"), "Kari Nordmann");
    }

    #[test]
    fn clauses_split_at_og_at() {
        assert_eq!(
            split_clauses(vec![
                "at der findes en referent og at kommentarer nedskrives.".into(),
                "at X, og".into(),
                "at Y".into(),
                "Saken tas til orientering.".into()
            ]),
            [
                "at der findes en referent",
                "at kommentarer nedskrives.",
                "at X",
                "at Y",
                "Saken tas til orientering."
            ]
        );
        assert_eq!(strip_list_number("1. Kommunestyret"), "Kommunestyret");
        assert_eq!(strip_list_number("a) Planen"), "Planen");
        assert_eq!(strip_list_number("2023 budget"), "2023 budget");
    }
}
