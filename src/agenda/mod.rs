//! The plan coming in: a meeting's agenda, its items and their planned slots.
//!
//! `Agenda` is the canonical model; its JSON form (see [`Agenda::to_json`]) is what
//! other commands and tests rely on, so the field names stay stable.

mod build;
pub mod clean;
mod decisions;
pub mod decode;
mod docx;
pub mod headings;
mod html;
pub mod json;
mod layout;
pub mod lines;
pub mod lint;
pub mod markdown;
mod pdf;
pub mod schedule;
pub mod text;
pub mod times;
pub mod words;

use std::fmt;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A meeting as planned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Agenda {
    pub title: String,
    pub date: Option<NaiveDate>,
    #[serde(with = "hhmm_opt")]
    pub start: Option<NaiveTime>,
    /// The meeting's stated end, when the document gives one.
    #[serde(with = "hhmm_opt")]
    pub end: Option<NaiveTime>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub referent: Option<String>,
    pub participants: Vec<String>,
    /// Apologies (*afbud*, *forfall*) known before the meeting.
    pub absent: Vec<String>,
    /// The language the agenda is written in; labels in the minutes follow it.
    pub language: Lang,
    pub items: Vec<Item>,
    /// Breaks in the programme: stated ones (`Frokost 12:00-12:45`) and the gaps between slots.
    pub breaks: Vec<Break>,
}

/// The meeting's facts as the agenda states them (everything but the items and breaks): what
/// the editor changes with one `meeting_edited` event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    pub title: String,
    pub date: Option<NaiveDate>,
    #[serde(with = "hhmm_opt")]
    pub start: Option<NaiveTime>,
    #[serde(with = "hhmm_opt")]
    pub end: Option<NaiveTime>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub referent: Option<String>,
    pub participants: Vec<String>,
    pub absent: Vec<String>,
}

impl Agenda {
    /// The meeting's facts.
    pub fn facts(&self) -> Facts {
        Facts {
            title: self.title.clone(),
            date: self.date,
            start: self.start,
            end: self.end,
            place: self.place.clone(),
            chair: self.chair.clone(),
            referent: self.referent.clone(),
            participants: self.participants.clone(),
            absent: self.absent.clone(),
        }
    }

    /// Replaces the meeting's facts; items, breaks and language stay.
    pub fn set_facts(&mut self, f: Facts) {
        self.title = f.title;
        self.date = f.date;
        self.start = f.start;
        self.end = f.end;
        self.place = f.place;
        self.chair = f.chair;
        self.referent = f.referent;
        self.participants = f.participants;
        self.absent = f.absent;
    }
}

/// A pause between items. A break with an empty title is a gap the schedule found, not one
/// the document announced.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Break {
    pub title: String,
    #[serde(with = "hhmm_opt")]
    pub start: Option<NaiveTime>,
    #[serde(with = "hhmm_opt")]
    pub end: Option<NaiveTime>,
    pub minutes: Option<u32>,
    /// How many items come before it.
    pub after: usize,
}

/// One numbered item on the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Item {
    /// The number as written: "1", "3a", "12/22".
    pub number: String,
    pub title: String,
    pub case_number: Option<String>,
    /// Planned start and end, local clock time: as the document says, or derived.
    #[serde(with = "hhmm_opt")]
    pub start: Option<NaiveTime>,
    #[serde(with = "hhmm_opt")]
    pub end: Option<NaiveTime>,
    /// Planned minutes: as the document says, or derived from start and end.
    pub minutes: Option<u32>,
    /// The case presentation, paragraphs separated by blank lines, bullets kept as `- `.
    pub body: String,
    /// Each "at …" clause of the recommendation.
    pub recommendation: Vec<String>,
    /// What was decided, as minutes record it under *Beslutning* or *Vedtak*; null in an agenda.
    pub decision: Option<String>,
    pub attachments: Vec<String>,
    /// Where the item starts in its source file (1-based), for warnings; not part of the JSON.
    #[serde(skip)]
    pub line: Option<usize>,
}

impl Item {
    /// Planned length in whole minutes, from `minutes` or the slot.
    pub fn planned_minutes(&self) -> Option<u32> {
        self.minutes.or_else(|| match (self.start, self.end) {
            (Some(s), Some(e)) if e >= s => u32::try_from((e - s).num_minutes()).ok(),
            _ => None,
        })
    }

    /// "Punkt 3: Kvalitetshåndbog" style label, language-neutral: "3. Kvalitetshåndbog".
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{}. {}", self.number, self.title)
        }
    }
}

/// The agenda formats referent reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
    /// A Word document (.docx).
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// A web page as saved from a browser.
    Html,
}

/// A problem in the input that stopped the import, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    /// 1-based line, when the problem is at one (a file that cannot be read has none).
    pub line: Option<usize>,
    /// What is wrong, said in the reader's language when shown ([`ImportError::text`]).
    pub message: crate::i18n::Said,
}

impl ImportError {
    /// `FILE:LINE: message`, or `FILE: message` when no line is known, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let message = self.message.text(lang);
        match self.line {
            Some(line) => format!("{}:{line}: {message}", self.file),
            None => format!("{}: {message}", self.file),
        }
    }
}

impl fmt::Display for ImportError {
    /// In English; commands show [`ImportError::text`] in the user's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Something a chair would want to know about an agenda that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based source line, when the problem has one.
    pub line: Option<usize>,
    /// The position of the item it concerns, when it concerns one (`check` on an agenda
    /// read from JSON has no lines; the plan editor shows a warning beside its item).
    pub item: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn new(line: Option<usize>, message: impl Into<String>) -> Self {
        Warning {
            line,
            item: None,
            message: message.into(),
        }
    }
}

impl Warning {
    /// `FILE:LINE: warning: message`, or `FILE: warning: message` when no line is known; the
    /// word *warning* in `lang`.
    pub fn display(&self, file: &str, lang: crate::i18n::Lang) -> String {
        let word = crate::i18n::Key::WarningWord.get(lang);
        match self.line {
            Some(line) => format!("{file}:{line}: {word}: {}", self.message),
            None => format!("{file}: {word}: {}", self.message),
        }
    }
}

/// What an import gives: the agenda and what the reader noticed on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub agenda: Agenda,
    pub warnings: Vec<Warning>,
}

/// Reads an agenda file, detecting its format unless `format` is given.
pub fn load(path: &Path, format: Option<Format>) -> Result<Imported, ImportError> {
    let name = crate::textutil::display_path(path);
    let bytes = std::fs::read(path).map_err(|e| ImportError {
        file: name.clone(),
        line: None,
        message: read_error(&e),
    })?;
    parse(&name, &bytes, format)
}

/// Why a file could not be read.
fn read_error(e: &std::io::Error) -> crate::i18n::Said {
    use crate::i18n::{Key, Said};
    if e.kind() == std::io::ErrorKind::NotFound {
        Said::new(Key::NoSuchFile)
    } else {
        Said::new(Key::ImpCannotRead).with("detail", e.to_string())
    }
}

/// Parses agenda bytes; `name` is used in messages.
pub fn parse(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Imported, ImportError> {
    // Line 0 is a problem with the whole document: it has no line to point at.
    use crate::i18n::{Key, Said};
    let err = |line: usize, message: Said| ImportError {
        file: name.to_string(),
        line: (line > 0).then_some(line),
        message,
    };
    let format = format.or_else(|| detect_document(name, bytes));
    let text = document_text(bytes, format).map_err(|(line, m)| err(line, m))?;
    let (first_line, empty) = match format {
        Some(Format::Docx | Format::Pdf | Format::Html) => (0, Key::ImpNoText),
        Some(Format::Text | Format::Markdown | Format::Json) | None => (1, Key::ImpEmpty),
    };
    if text.trim().is_empty() {
        return Err(err(first_line, Said::new(empty)));
    }
    let format = format.unwrap_or_else(|| detect(name, &text));
    let mut imported = match format {
        Format::Json => json::parse(&text).map_err(|(line, m)| err(line, m))?,
        Format::Markdown => markdown::parse(&text),
        Format::Text | Format::Docx | Format::Pdf | Format::Html => text::parse(&text),
    };
    if imported.agenda.items.is_empty() && format != Format::Json {
        return Err(err(first_line, Said::new(Key::ImpNoItems)));
    }
    if format != Format::Json {
        decisions::read(&mut imported.agenda, &text);
    }
    clean::sanitize(&mut imported.agenda);
    let numbers = clean::check_numbers(&imported.agenda);
    imported.warnings.extend(numbers);
    imported
        .warnings
        .extend(schedule::derive(&mut imported.agenda));
    Ok(imported)
}

/// Whether two names as written are the same person's: case and spacing aside.
pub fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    key(a) == key(b)
}

/// The text the importer reads: a Word document, PDF or web page laid out as a text agenda,
/// other files decoded. A problem with a document concerns the whole file: its line is 0.
pub fn document_text(bytes: &[u8], format: Option<Format>) -> Result<String, decode::Refusal> {
    let whole = |m: crate::i18n::Said| (0, m);
    match format {
        Some(Format::Docx) => docx::to_text(bytes).map_err(whole),
        Some(Format::Pdf) => pdf::to_text(bytes).map_err(whole),
        Some(Format::Html) => Ok(html::to_text(bytes)),
        Some(Format::Text | Format::Markdown | Format::Json) | None => decode::decode(bytes),
    }
}

/// A Word document, PDF or web page, known by its content (magic bytes, markup) or, for a
/// page that lacks the usual markup, by its name.
pub fn detect_document(name: &str, bytes: &[u8]) -> Option<Format> {
    // PDF readers accept the header anywhere in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    let lower = name.to_lowercase();
    // A zip that cannot be opened (a cut-off download) is a damaged Word file if so named.
    if docx::is_docx(bytes) || (bytes.starts_with(b"PK\x03\x04") && lower.ends_with(".docx")) {
        return Some(Format::Docx);
    }
    if html::is_html(bytes)
        || [".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| lower.ends_with(e))
    {
        return Some(Format::Html);
    }
    None
}

/// Guesses a text format from the file name, then from the content.
pub fn detect(name: &str, text: &str) -> Format {
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        return Format::Json;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let first = text.trim_start();
    if first.starts_with('{') {
        Format::Json
    } else if first.starts_with("# ") || text.starts_with("## ") || text.contains("\n## ") {
        Format::Markdown
    } else {
        Format::Text
    }
}

impl Agenda {
    /// The canonical JSON, pretty-printed, with C1 controls, DEL and bidi overrides escaped.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        crate::textutil::escape_json(&serde_json::to_string_pretty(self).unwrap_or_default())
    }

    /// The latest end of any planned slot, item or break.
    pub fn last_slot_end(&self) -> Option<NaiveTime> {
        self.items
            .iter()
            .filter_map(|i| i.end)
            .chain(self.breaks.iter().filter_map(|b| b.end))
            .max()
    }

    /// Whether `name` sent apologies; names are compared ignoring case and spacing, so a
    /// participant also listed under *afbud* is one person, absent.
    pub fn sent_apologies(&self, name: &str) -> bool {
        self.absent.iter().any(|a| same_name(a, name))
    }

    /// Planned meeting end: stated, else the last item's planned end.
    pub fn planned_end(&self) -> Option<NaiveTime> {
        self.end
            .or_else(|| self.items.iter().rev().find_map(|i| i.end))
    }
}

/// Serde for `Option<NaiveTime>` as "HH:MM" (or null).
pub mod hhmm_opt {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.format("%H:%M").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        match s {
            None => Ok(None),
            Some(s) => NaiveTime::parse_from_str(&s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M:%S"))
                .map(Some)
                .map_err(|_| serde::de::Error::custom(format!("expected HH:MM, found {s:?}"))),
        }
    }
}
