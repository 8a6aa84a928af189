//! The words real agendas use, in Danish, Norwegian and English, and small matchers for them.
//!
//! Everything here works on one line at a time and never allocates more than a lowercase copy.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

/// Strips `prefix` from the start of `s`, comparing without regard to case.
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    // Fast path: most calls fail on the first byte, and most prefixes are ASCII.
    let (sb, pb) = (s.as_bytes(), prefix.as_bytes());
    if let (Some(a), Some(b)) = (sb.first(), pb.first())
        && a.is_ascii()
        && b.is_ascii()
        && !a.eq_ignore_ascii_case(b)
    {
        return None;
    }
    if prefix.is_ascii() {
        let head = sb.get(..pb.len())?;
        return head
            .eq_ignore_ascii_case(pb)
            .then(|| s.get(pb.len()..))
            .flatten();
    }
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if c != p && !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    let at = rest.next().map_or(s.len(), |(i, _)| i);
    Some(&s[at..])
}

/// Like [`strip_prefix_ci`], but the prefix must end at a word boundary.
pub fn strip_word_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = strip_prefix_ci(s, word)?;
    let ends_word = word.ends_with(|c: char| !c.is_alphanumeric());
    match rest.chars().next() {
        Some(c) if c.is_alphanumeric() && !ends_word => None,
        _ => Some(rest),
    }
}

/// Metadata a line can carry: `Dato: 14. marts 2022`, `Mødested Hos Eigil`, `Referent: Helle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    Date,
    /// A time of day or a span: `Tid: 13:30-15:30`.
    Time,
    End,
    Place,
    Chair,
    Referent,
    Participants,
    Absent,
    Language,
    CaseNumber,
}

/// (label, meaning, whether the label may stand without a colon: `Mødested Hos Eigil`).
const META: &[(&str, Meta, bool)] = &[
    ("mødedato", Meta::Date, true),
    ("møtedato", Meta::Date, true),
    ("meeting date", Meta::Date, false),
    ("dato", Meta::Date, false),
    ("date", Meta::Date, false),
    ("dag", Meta::Date, false),
    ("tid og sted", Meta::Time, false),
    ("mødetidspunkt", Meta::Time, true),
    ("møtetidspunkt", Meta::Time, true),
    ("mødetid", Meta::Time, true),
    ("møtetid", Meta::Time, true),
    ("tidspunkt", Meta::Time, true),
    ("starttid", Meta::Time, false),
    ("start", Meta::Time, false),
    ("begin", Meta::Time, false),
    ("tid", Meta::Time, false),
    ("time", Meta::Time, false),
    ("sluttid", Meta::End, false),
    ("slutt", Meta::End, false),
    ("slut", Meta::End, false),
    ("mødet slutter", Meta::End, true),
    ("møtet slutter", Meta::End, true),
    ("møtet avsluttes", Meta::End, true),
    ("end", Meta::End, false),
    ("mødested", Meta::Place, true),
    ("møtested", Meta::Place, true),
    ("mødelokale", Meta::Place, true),
    ("møterom", Meta::Place, true),
    ("lokale", Meta::Place, false),
    ("sted", Meta::Place, false),
    ("place", Meta::Place, false),
    ("location", Meta::Place, false),
    ("venue", Meta::Place, false),
    ("mødeleder", Meta::Chair, false),
    ("møteleder", Meta::Chair, false),
    ("formand", Meta::Chair, false),
    ("forperson", Meta::Chair, false),
    ("ordstyrer", Meta::Chair, false),
    ("leder", Meta::Chair, false),
    ("chair", Meta::Chair, false),
    ("chairperson", Meta::Chair, false),
    ("referent", Meta::Referent, false),
    ("sekretær", Meta::Referent, false),
    ("minute-taker", Meta::Referent, false),
    ("minute taker", Meta::Referent, false),
    ("secretary", Meta::Referent, false),
    ("mødedeltagere", Meta::Participants, false),
    ("deltagere", Meta::Participants, false),
    ("møtedeltakere", Meta::Participants, false),
    ("deltakere", Meta::Participants, false),
    ("til stede", Meta::Participants, false),
    ("tilstede", Meta::Participants, false),
    ("fremmødte", Meta::Participants, false),
    ("møtt", Meta::Participants, false),
    ("medlemmer", Meta::Participants, false),
    ("inviterede", Meta::Participants, false),
    ("innkalte", Meta::Participants, false),
    ("participants", Meta::Participants, false),
    ("attendees", Meta::Participants, false),
    ("present", Meta::Participants, false),
    ("afbud", Meta::Absent, false),
    ("fraværende", Meta::Absent, false),
    ("forfall", Meta::Absent, false),
    ("ikke møtt", Meta::Absent, false),
    ("apologies", Meta::Absent, false),
    ("absent", Meta::Absent, false),
    ("sprog", Meta::Language, false),
    ("språk", Meta::Language, false),
    ("language", Meta::Language, false),
    ("sagsnummer", Meta::CaseNumber, false),
    ("sagsnr.", Meta::CaseNumber, false),
    ("sagsnr", Meta::CaseNumber, false),
    ("sags nr.", Meta::CaseNumber, false),
    ("journalnummer", Meta::CaseNumber, false),
    ("journalnr.", Meta::CaseNumber, false),
    ("j.nr.", Meta::CaseNumber, false),
    ("j. nr.", Meta::CaseNumber, false),
    ("saksnummer", Meta::CaseNumber, false),
    ("saksnr.", Meta::CaseNumber, false),
    ("saksnr", Meta::CaseNumber, false),
    ("arkivsaksnr.", Meta::CaseNumber, false),
    ("arkivsaksnr", Meta::CaseNumber, false),
    ("arkivsak", Meta::CaseNumber, false),
    ("case number", Meta::CaseNumber, false),
    ("case no.", Meta::CaseNumber, false),
    ("case", Meta::CaseNumber, false),
];

/// Reads a metadata line: the label and the value after it (possibly empty).
pub fn meta(line: &str) -> Option<(Meta, &str)> {
    let line = trim(line);
    let first = line.bytes().next()?.to_ascii_lowercase();
    if !first.is_ascii_alphabetic() {
        return None;
    }
    for &(label, meta, colonless) in META {
        if label.as_bytes()[0] != first {
            continue;
        }
        let Some(rest) = strip_word_ci(line, label) else {
            continue;
        };
        let after = rest.trim_start();
        if let Some(value) = after.strip_prefix(':') {
            return Some((meta, value.trim()));
        }
        // `Mødested Hos Eigil`, `Sagsnr. 85.02.02`: a value after whitespace.
        let spaced = rest.starts_with(char::is_whitespace) && !after.is_empty();
        if spaced && (colonless || label.ends_with('.')) {
            return Some((meta, after));
        }
    }
    None
}

/// Sections inside an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// *Sagsfremstilling*: the heading word is dropped, what follows is body.
    CasePresentation,
    /// *Indstilling*, *Forslag til vedtak*: what follows are recommendation clauses.
    Recommendation,
    /// *Beslutning*, *Vedtak*: minutes-style; kept in the body when filled in.
    Decision,
    /// *Bilag*, *Vedlegg*.
    Attachments,
    /// Any other known sub-heading (*Økonomi*, *Vurdering*); kept in the body.
    Other,
}

const CASE_PRESENTATION: &[&str] = &[
    "sagsfremstilling",
    "sagsfremstillingen",
    "sagsbeskrivelse",
    "saksframlegg",
    "saksfremstilling",
    "saksutredning",
    "saksopplysninger",
    "saksutgreiing",
    "case presentation",
];

const RECOMMENDATION_ENDS: &[&str] = &[
    "indstilling",
    "indstillinger",
    "innstilling",
    "innstillinger",
    "forslag til vedtak",
    "framlegg til vedtak",
    "framlegg til innstilling",
    "forslag til beslutning",
    "forslag til indstilling",
    "recommendation",
    "recommendations",
    "proposed decision",
];

const DECISION_WORDS: &[&str] = &[
    "beslutning",
    "beslutninger",
    "vedtak",
    "decision",
    "decisions",
    "referat",
    "protokol",
    "protokoll",
];

/// The standard outcomes as minutes write them (see the glossary), lower case, longest first
/// where one starts another.
const OUTCOMES: &[&str] = &[
    "godkendt med ændringer",
    "ikke godkendt",
    "godkendt",
    "tiltrådt",
    "afvist",
    "udsat",
    "udskudt",
    "taget til efterretning",
    "ikke behandlet",
    "vedtatt med endringer",
    "ikke vedtatt",
    "vedtatt",
    "vedteken",
    "godkjent",
    "godkjend",
    "avvist",
    "utsatt",
    "utsett",
    "tatt til orientering",
    "teken til orientering",
    "intet",
    "ingen",
    "approved",
    "rejected",
    "deferred",
    "noted",
];

/// The length of the standard outcome `text` starts with, as a whole word (`Godkendt uden
/// bemærkninger` starts with *godkendt*).
pub fn outcome_prefix(text: &str) -> Option<usize> {
    OUTCOMES.iter().find_map(|o| {
        let rest = strip_word_ci(text, o)?;
        Some(text.len() - rest.len())
    })
}

/// Words in the title of minutes (not of an agenda).
const MINUTES_WORDS: &[&str] = &[
    "referat",
    "protokol",
    "møtebok",
    "minutes",
    "beslutningsprotokol",
];

/// Whether a document's title says it is minutes: `Referat af bestyrelsesmøde`, `Møteprotokoll`.
pub fn names_minutes(title: &str) -> bool {
    let lower = title.to_lowercase();
    MINUTES_WORDS.iter().any(|w| lower.contains(w))
}

/// What a label heading a block of decisions holds: `Beslutningsreferat:`, `Vedtak:`.
const DECISION_STEMS: &[&str] = &["beslut", "vedtak", "referat", "protokol", "decision"];

/// A short label heading a block of decisions, alone on its line.
pub fn is_decisions_label(line: &str) -> bool {
    let t = trim(line).trim_end_matches(':');
    let lower = t.to_lowercase();
    t.split_whitespace().count() <= 3 && DECISION_STEMS.iter().any(|s| lower.contains(s))
}

const ATTACHMENT_WORDS: &[&str] = &[
    "bilag",
    "bilagsliste",
    "vedlegg",
    "vedlagt",
    "vedlagte dokumenter",
    "vedhæftet",
    "vedhæftede bilag",
    "attachment",
    "attachments",
    "appendix",
    "appendices",
];

const OTHER_SECTIONS: &[&str] = &[
    "baggrund",
    "bakgrunn",
    "beskrivelse",
    "vurdering",
    "økonomi",
    "økonomiske konsekvenser",
    "økonomiske forhold",
    "høring",
    "lovgrundlag",
    "lovgrunnlag",
    "tidsplan",
    "kommunikation",
    "kommunikasjon",
    "videre proces",
    "videre prosess",
    "konsekvenser",
    "formål",
    "indledning",
    "sammendrag",
    "resumé",
    "resume",
    "sagens forløb",
    "sakens gang",
    "tidligere behandling",
    "faktiske opplysninger",
    "handleplan",
    "background",
    "assessment",
    "summary",
    "next steps",
];

/// Reads a section heading: `Bilag`, `Forslag til vedtak:`, `Beslutning: Godkendt.`,
/// `Bilag 1: Spilleregler`. Returns the kind, the heading as written and the text after it.
pub fn section(line: &str) -> Option<(Section, &str, &str)> {
    let line = trim(line);
    let (label, rest) = match line.find(':') {
        Some(i) => (line[..i].trim(), line[i + 1..].trim()),
        None => (line.trim_end_matches('.').trim(), ""),
    };
    // Every heading word starts with a letter: `(13:30 - 13:40)` and `85.02.02` are no heading.
    if !label.starts_with(char::is_alphabetic) || label.chars().count() > 60 {
        return None;
    }
    // `Beslutning i Økonomiudvalget den 3. marts 2022`: a decision label naming who decided
    // and when, however many words that takes.
    if let Some(named) = dated_decision_label(label) {
        return Some((Section::Decision, named, rest));
    }
    // Every heading below has five words or fewer, but for a numbered attachment: a longer
    // label is not lowercased and looked up.
    if label.split_whitespace().nth(5).is_some() {
        return numbered_attachment(line).map(|named| (Section::Attachments, label, named));
    }
    let mut buf = [0u8; 256];
    let lower = lower_in(label, &mut buf);
    let lower = lower.as_ref();
    let words = lower.split_whitespace().count();
    if CASE_PRESENTATION.contains(&lower) {
        return Some((Section::CasePresentation, label, rest));
    }
    if words <= 5 && RECOMMENDATION_ENDS.iter().any(|w| ends_with_word(lower, w)) {
        return Some((Section::Recommendation, label, rest));
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    if words <= 5
        && (DECISION_WORDS.contains(&first) || DECISION_WORDS.contains(&last))
        && (words <= 2 || line.contains(':'))
    {
        return Some((Section::Decision, label, rest));
    }
    if ATTACHMENT_WORDS.contains(&lower) {
        return Some((Section::Attachments, label, rest));
    }
    // `Bilag 1: Spilleregler`, `Vedlegg 2 - Budsjett`: one attachment on the line.
    if ATTACHMENT_WORDS.contains(&first) && words == 2 && last.chars().all(|c| c.is_ascii_digit()) {
        return Some((Section::Attachments, label, rest));
    }
    if let Some(named) = numbered_attachment(line) {
        return Some((Section::Attachments, label, named));
    }
    if OTHER_SECTIONS.contains(&lower) || (words <= 3 && ends_with_word(lower, "vurdering")) {
        return Some((Section::Other, label, rest));
    }
    None
}

/// `Beslutning i Økonomiudvalget den 3. marts 2022`, `Vedtak i kommunestyret 12.03.2022`: a
/// decision word, `i`/`fra`/`in`, and a date that ends the label (a sentence such as
/// `Protokoll fra møtet 23.08.2022 godkjennes.` goes on after its date).
fn dated_decision_label(label: &str) -> Option<&str> {
    // Every label is asked: the last word is looked at first, and the words are compared
    // without lowercase copies (the words are ASCII).
    let last = label.split_whitespace().next_back()?;
    let ends_in_date = last.bytes().any(|b| b.is_ascii_digit())
        && last
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'/'))
        && !last.ends_with('.');
    if !ends_in_date {
        return None;
    }
    let mut words = label.split_whitespace();
    let (first, by) = (words.next()?, words.next()?);
    let dated = DECISION_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
        && ["i", "fra", "in"]
            .iter()
            .any(|w| by.eq_ignore_ascii_case(w))
        && crate::agenda::times::find_date(label).is_some();
    dated.then_some(label)
}

/// `Bilag 1 - Spilleregler` (no colon): the attachment's name.
fn numbered_attachment(line: &str) -> Option<&str> {
    let rest = ["bilag", "vedlegg"]
        .iter()
        .find_map(|w| strip_word_ci(line, w))?
        .trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let name = rest[digits..].trim_start();
    let name = name
        .strip_prefix(['-', '–', '.', ')'])
        .map(str::trim_start)?;
    (!name.is_empty()).then_some(name)
}

fn ends_with_word(s: &str, word: &str) -> bool {
    s == word
        || s.strip_suffix(word)
            .is_some_and(|head| head.ends_with(' ') || head.ends_with("s "))
}

/// `Det indstilles, at …`, `Administrationen indstiller, at …`, `Rådmannen tilrår at …`,
/// `It is recommended that …`: returns the text from the first clause on ("at …"), or ""
/// when the clauses follow on the next lines.
pub fn recommends(line: &str) -> Option<&str> {
    let line = trim(line);
    for phrase in ["det indstilles", "it is recommended"] {
        if let Some(rest) = strip_word_ci(line, phrase) {
            return Some(clause_start(rest));
        }
    }
    // `Administrationen indstiller, at …`: a short subject, the verb, then "at" or nothing.
    // Every line is asked: the two searchers are built once, not per line.
    static STILLE: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("stille"));
    static TILRAR: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("ilrår"));
    let b = line.as_bytes();
    if STILLE.find(b).is_none() && TILRAR.find(b).is_none() {
        return None;
    }
    let lower = line.to_lowercase();
    let (words, after) = ["indstiller", "innstiller", "tilrår"]
        .iter()
        .find_map(|v| word_position(&lower, v))?;
    let rest = line.get(after..)?;
    let clause = clause_start(rest);
    let starts_clause = clause.is_empty() || strip_word_ci(clause, "at").is_some();
    (words <= 3 && starts_clause).then_some(clause)
}

/// Where `word` first occurs as a whole word: (how many words precede it, byte offset after it).
fn word_position(lower: &str, word: &str) -> Option<(usize, usize)> {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in lower.char_indices() {
        let starts = c.is_alphanumeric() && !in_word;
        in_word = c.is_alphanumeric();
        if !starts {
            continue;
        }
        let rest = &lower[i..];
        if rest.starts_with(word) && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            return Some((count, i + word.len()));
        }
        count += 1;
    }
    None
}

/// The text from the first "at"/"that" clause on; "" when nothing follows the verb.
fn clause_start(rest: &str) -> &str {
    let rest = rest.trim_start_matches([',', ':', ' ', '\t']);
    if rest.is_empty() {
        return "";
    }
    let lower = rest.to_lowercase();
    for marker in ["at ", "that "] {
        if lower.starts_with(marker) || lower == marker.trim() {
            return rest;
        }
    }
    for marker in [", at ", " at ", ", that ", " that "] {
        if let Some(i) = lower.find(marker) {
            let from = i + marker.len() - marker.trim_start_matches([',', ' ']).len();
            return rest.get(from..).unwrap_or(rest);
        }
    }
    if lower.trim() == "at" || lower.trim().ends_with(", at") {
        return "at";
    }
    rest
}

/// Breaks in a day's programme: `Frokost 12:00-12:45`, `Pause (15 min)`.
const BREAK_WORDS: &[&str] = &[
    "pause",
    "kaffepause",
    "kaffe",
    "kaffe og kage",
    "frokost",
    "frokostpause",
    "middag",
    "lunsj",
    "lunsjpause",
    "lunch",
    "lunch break",
    "break",
    "coffee break",
    "formiddagspause",
    "eftermiddagspause",
    "ettermiddagspause",
];

/// What every break word contains: one of these is in the line if a break word is.
const BREAK_STEMS: &[&str] = &[
    "pause", "kaffe", "frokost", "middag", "lunsj", "lunch", "break",
];

/// `str::trim`, with a shortcut for the usual line, which starts and ends with a visible ASCII
/// character: every line of a document passes here several times.
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Whether `text` holds a break word anywhere: a cheap first look before its times are read.
pub fn mentions_break(text: &str) -> bool {
    // The stems are ASCII, so the bytes are compared without a lowercase copy. Only two
    // characters that are not ASCII lower-case to ASCII letters (the Kelvin sign, a dotted
    // capital I): a line holding one takes the long way.
    if text.contains(['\u{212A}', '\u{130}']) {
        let lower = text.to_lowercase();
        return BREAK_STEMS.iter().any(|w| lower.contains(w));
    }
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        // Most bytes start no stem: the first letter is compared first (`| 0x20` lower-cases
        // an ASCII letter).
        BREAK_STEMS.iter().any(|w| {
            w.as_bytes().first() == Some(&(b[i] | 0x20))
                && b.get(i..i + w.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        })
    })
}

/// `s` in lower case, written into `buf` when it fits there (most words and labels do), so that
/// matching a line against the word lists makes no copy on the heap.
pub fn lower_in<'b>(s: &str, buf: &'b mut [u8; 256]) -> Cow<'b, str> {
    match write_lower(s, buf).map(|n| std::str::from_utf8(&buf[..n])) {
        Some(Ok(lower)) => Cow::Borrowed(lower),
        Some(Err(_)) | None => Cow::Owned(s.to_lowercase()),
    }
}

/// Writes `s` in lower case into `buf`; its length, or none when it does not fit or only
/// `str::to_lowercase` can say (a capital sigma lower-cases by its place in the word).
fn write_lower(s: &str, buf: &mut [u8]) -> Option<usize> {
    if s.is_ascii() {
        let room = buf.get_mut(..s.len())?;
        room.copy_from_slice(s.as_bytes());
        room.make_ascii_lowercase();
        return Some(s.len());
    }
    if s.contains('Σ') {
        return None;
    }
    let mut at = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(at)? = (c as u8).to_ascii_lowercase();
            at += 1;
            continue;
        }
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            l.encode_utf8(buf.get_mut(at..at + n)?);
            at += n;
        }
    }
    Some(at)
}

pub fn is_break(text: &str) -> bool {
    let lower = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BREAK_WORDS.contains(&lower.as_str())
}

/// Words that say "this is the agenda" at the top of a document: `DAGSORDEN Centerledermøde …`.
const TITLE_WORDS: &[&str] = &[
    "dagsorden for",
    "dagsorden til",
    "dagsorden",
    "saksliste for",
    "saksliste",
    "møteinnkalling",
    "innkalling til",
    "mødeindkaldelse",
    "indkaldelse til",
    "agenda for",
    "agenda",
];

/// For a title line, the title after its leading word ("" if the line is only the word).
pub fn title_line(line: &str) -> Option<&str> {
    let line = line.trim();
    TITLE_WORDS.iter().find_map(|w| {
        let rest = strip_word_ci(line, w)?;
        Some(rest.trim_start_matches([':', '-', '–', ' ', '\t']).trim())
    })
}

/// Words that head a table of contents.
pub fn is_toc_heading(line: &str) -> bool {
    let t = trim(line);
    // Every line is asked: those not starting like one of the words need no lowercase copy.
    let first = t.chars().next().and_then(|c| c.to_lowercase().next());
    if t.len() > 24 || !matches!(first, Some('i' | 't' | 'c')) {
        return false;
    }
    let lower = t.trim_end_matches(':').to_lowercase();
    matches!(
        lower.as_str(),
        "indholdsfortegnelse"
            | "innholdsfortegnelse"
            | "indhold"
            | "innhold"
            | "table of contents"
            | "contents"
    )
}

/// Headings that only name the list itself (`## Dagsorden` in Markdown).
pub fn is_list_heading(line: &str) -> bool {
    let lower = line.trim().trim_end_matches(':').to_lowercase();
    matches!(
        lower.as_str(),
        "dagsorden" | "saksliste" | "agenda" | "punkter" | "saker" | "items"
    )
}

/// Month names and abbreviations in Danish, Norwegian and English.
pub fn month(word: &str) -> Option<u32> {
    let mut buf = [0u8; 256];
    let w = lower_in(word.trim_end_matches('.'), &mut buf);
    let m = match w.as_ref() {
        "januar" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "marts" | "mars" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "mai" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "desember" | "dec" | "des" => 12,
        _ => return None,
    };
    Some(m)
}

/// Bullet markers as they come out of Word, PDF and Markdown.
pub fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let is_marker = matches!(
        first,
        '-' | '–' | '•' | '·' | '◦' | '▪' | '■' | '○' | '●' | '*' | '+' | '\u{f0b7}' | '\u{f0a7}'
    );
    if is_marker && (rest.starts_with([' ', '\t']) || rest.is_empty()) {
        return Some(rest.trim());
    }
    // Word's "o" sub-bullet.
    if first == 'o' && rest.starts_with('\t') {
        return Some(rest.trim());
    }
    None
}

/// A case number standing alone on its line: `85.02.02P35-25-19`, `22/01234-3`.
pub fn bare_case_number(line: &str) -> Option<&str> {
    let t = trim(line);
    if !t.starts_with(|c: char| c.is_ascii_digit()) || t.len() < 6 {
        return None;
    }
    let len = t.chars().count();
    if !(6..=40).contains(&len) || t.contains(char::is_whitespace) {
        return None;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let separators = t.chars().filter(|c| matches!(c, '.' | '-' | '/')).count();
    let allowed = t
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '/'));
    let starts_digit = t.starts_with(|c: char| c.is_ascii_digit());
    (allowed && starts_digit && digits >= 5 && separators >= 1 && !looks_like_date(t)).then_some(t)
}

fn looks_like_date(t: &str) -> bool {
    t.len() <= 10 && crate::agenda::times::find_date(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_without_a_copy_is_the_same_lower_case() {
        let long = "Æ".repeat(200);
        for s in [
            "",
            "Sagsfremstilling",
            "ØKONOMI og Møde",
            "İstanbul \u{212A}affe",
            "ΟΔΟΣ Σ",
            long.as_str(),
        ] {
            let mut buf = [0u8; 256];
            assert_eq!(lower_in(s, &mut buf), s.to_lowercase(), "{s}");
        }
        assert!(mentions_break("FROKOST 12:00"));
        assert!(mentions_break("Kort kaffepause"));
        assert!(!mentions_break("Budget"));
    }

    #[test]
    fn reads_metadata_with_and_without_colon() {
        assert_eq!(meta("Mødested Hos Eigil"), Some((Meta::Place, "Hos Eigil")));
        assert_eq!(
            meta("Referent: Denne gang er det Helle"),
            Some((Meta::Referent, "Denne gang er det Helle"))
        );
        assert_eq!(meta("Mødedeltagere:"), Some((Meta::Participants, "")));
        assert_eq!(
            meta("Sagsnr. 85.02.02"),
            Some((Meta::CaseNumber, "85.02.02"))
        );
        assert_eq!(meta("Sted Rådhuset"), None);
        assert_eq!(meta("Referat og referent"), None);
        assert_eq!(
            meta("Tid og sted: i morgen"),
            Some((Meta::Time, "i morgen"))
        );
    }

    #[test]
    fn reads_sections() {
        assert_eq!(
            section("Sagsfremstilling"),
            Some((Section::CasePresentation, "Sagsfremstilling", ""))
        );
        assert_eq!(
            section("Forslag til vedtak:"),
            Some((Section::Recommendation, "Forslag til vedtak", ""))
        );
        assert_eq!(
            section("Kommunedirektørens innstilling:"),
            Some((
                Section::Recommendation,
                "Kommunedirektørens innstilling",
                ""
            ))
        );
        assert_eq!(
            section("Beslutning: Godkendt."),
            Some((Section::Decision, "Beslutning", "Godkendt."))
        );
        assert_eq!(
            section("Beslutning i Økonomiudvalget den 3. marts 2022").map(|s| s.0),
            Some(Section::Decision)
        );
        assert_eq!(section("Protokoll fra møtet 23.08.2022 godkjennes."), None);
        assert_eq!(
            section("Framlegg til vedtak: Planen godkjennes.").map(|s| s.0),
            Some(Section::Recommendation)
        );
        assert_eq!(section("Bilag"), Some((Section::Attachments, "Bilag", "")));
        assert_eq!(
            section("Bilag 1 - Spilleregler"),
            Some((
                Section::Attachments,
                "Bilag 1 - Spilleregler",
                "Spilleregler"
            ))
        );
        assert_eq!(section("Økonomi"), Some((Section::Other, "Økonomi", "")));
        assert_eq!(
            section("Vedtak i kommunestyret blev udsat igen i dag"),
            None
        );
    }

    #[test]
    fn finds_the_first_clause() {
        assert_eq!(recommends("Det indstilles,"), Some(""));
        assert_eq!(recommends("Det indstilles, at X sker"), Some("at X sker"));
        assert_eq!(
            recommends("Det indstilles til udvalget, at X sker"),
            Some("at X sker")
        );
        assert_eq!(recommends("Det indstilles, at"), Some("at"));
        assert_eq!(
            recommends("Administrationen indstiller, at planen godkendes"),
            Some("at planen godkendes")
        );
        assert_eq!(recommends("Vi indstiller os på en lang dag"), None);
        assert_eq!(recommends("Eigil orienterer"), None);
    }

    #[test]
    fn knows_bullets_case_numbers_and_titles() {
        assert_eq!(bullet("- Andet"), Some("Andet"));
        assert_eq!(bullet("• Punkt"), Some("Punkt"));
        assert_eq!(bullet("-5 grader"), None);
        assert_eq!(
            bare_case_number("85.02.02P35-25-19"),
            Some("85.02.02P35-25-19")
        );
        assert_eq!(bare_case_number("22/01234-3"), Some("22/01234-3"));
        assert_eq!(bare_case_number("14-03-2022"), None);
        assert_eq!(bare_case_number("Budget"), None);
        assert_eq!(
            title_line("DAGSORDEN Centerledermøde d. 14-03-2022"),
            Some("Centerledermøde d. 14-03-2022")
        );
        assert_eq!(title_line("Saksliste"), Some(""));
        assert!(is_break("Frokost"));
        assert!(!is_break("Budget"));
    }
}
