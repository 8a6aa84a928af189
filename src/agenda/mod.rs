//! The plan coming in: a meeting's agenda, its items and their planned slots.
//!
//! `Agenda` is the canonical model; its JSON form (see [`Agenda::to_json`]) is what
//! other commands and tests rely on, so the field names stay stable.

mod build;
pub mod decode;
pub mod headings;
pub mod json;
pub mod lines;
pub mod lint;
pub mod markdown;
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
}

/// A problem in the input that stopped the import, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Something a chair would want to know about an agenda that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based source line, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn new(line: Option<usize>, message: impl Into<String>) -> Self {
        Warning {
            line,
            message: message.into(),
        }
    }
}

impl Warning {
    /// `FILE:LINE: warning: message`, or `FILE: warning: message` when no line is known.
    pub fn display(&self, file: &str) -> String {
        match self.line {
            Some(line) => format!("{file}:{line}: warning: {}", self.message),
            None => format!("{file}: warning: {}", self.message),
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
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ImportError {
        file: name.clone(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    parse(&name, &bytes, format)
}

/// Parses agenda bytes; `name` is used in messages.
pub fn parse(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Imported, ImportError> {
    let err = |line: usize, message: String| ImportError {
        file: name.to_string(),
        line,
        message,
    };
    let text = decode::decode(bytes).map_err(|(line, m)| err(line, m))?;
    if text.trim().is_empty() {
        return Err(err(1, "the file is empty".into()));
    }
    let format = format.unwrap_or_else(|| detect(name, &text));
    let mut imported = match format {
        Format::Json => json::parse(&text).map_err(|(line, m)| err(line, m))?,
        Format::Markdown => markdown::parse(&text),
        Format::Text => text::parse(&text),
    };
    if imported.agenda.items.is_empty() && format != Format::Json {
        return Err(err(1, "no agenda items found".into()));
    }
    imported.agenda.sanitize();
    imported
        .warnings
        .extend(schedule::derive(&mut imported.agenda));
    Ok(imported)
}

/// Guesses the format from the file name, then from the content.
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
    } else if first.starts_with("# ") || text.lines().any(|l| l.starts_with("## ")) {
        Format::Markdown
    } else {
        Format::Text
    }
}

impl Agenda {
    /// Strips control characters and terminal escape sequences from every text field,
    /// so that an agenda can never drive the terminal.
    pub fn sanitize(&mut self) {
        use crate::textutil::clean;
        let opt = |o: &mut Option<String>| {
            if let Some(s) = o {
                *s = clean(s);
            }
        };
        self.title = clean(&self.title);
        opt(&mut self.place);
        opt(&mut self.chair);
        opt(&mut self.referent);
        self.participants.iter_mut().for_each(|p| *p = clean(p));
        self.absent.iter_mut().for_each(|p| *p = clean(p));
        for item in &mut self.items {
            item.number = clean(&item.number);
            item.title = clean(&item.title);
            opt(&mut item.case_number);
            item.body = crate::textutil::clean_multiline(&item.body);
            item.recommendation.iter_mut().for_each(|r| *r = clean(r));
            if let Some(d) = &mut item.decision {
                *d = crate::textutil::clean_multiline(d);
            }
            item.attachments.iter_mut().for_each(|a| *a = clean(a));
        }
    }

    /// The canonical JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The latest end of any planned slot, item or break.
    pub fn last_slot_end(&self) -> Option<NaiveTime> {
        self.items
            .iter()
            .filter_map(|i| i.end)
            .chain(self.breaks.iter().filter_map(|b| b.end))
            .max()
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
