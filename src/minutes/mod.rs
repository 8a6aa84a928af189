//! The minutes (*referat*): pure functions of a [`Meeting`] to Markdown, JSON, HTML, Word and PDF.
//!
//! [`json::MinutesDoc::with_options`] reads the meeting once (who was there, which outcome applies
//! to which clause, how long each item took, what each vote was on); [`layout`] turns that
//! document into the blocks of a referat, and every format renders those blocks, so all files
//! always agree. Durations of an unfinished meeting run up to its last record, which keeps the
//! output a function of the journal alone.

pub mod docx;
pub mod html;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod pdf;
pub mod vote;

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};

use crate::i18n::{Key, Lang};
use crate::session::Meeting;
use crate::session::clock::Time;
use crate::session::store::{self, MINUTES_JSON, MINUTES_MD};

pub use json::{MinutesDoc, Options};

/// The formats the minutes are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
    Docx,
    Pdf,
    Html,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Json,
        Format::Docx,
        Format::Pdf,
        Format::Html,
    ];

    /// The file's name in a session folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Md => MINUTES_MD,
            Format::Json => MINUTES_JSON,
            Format::Docx => "minutes.docx",
            Format::Pdf => "minutes.pdf",
            Format::Html => "minutes.html",
        }
    }

    /// The format a file name's extension names.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.file_name().ends_with(&format!(".{ext}")))
            .or(match ext.as_str() {
                "markdown" => Some(Format::Md),
                "htm" => Some(Format::Html),
                _ => None,
            })
    }
}

/// The document in one format.
pub fn render(doc: &MinutesDoc, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Md => Ok(markdown::render(doc).into_bytes()),
        Format::Json => Ok(doc.to_json().into_bytes()),
        Format::Html => Ok(html::render(doc).into_bytes()),
        Format::Docx => docx::render(doc),
        Format::Pdf => pdf::render(doc),
    }
}

/// The document in one format, written to `out` as it is rendered: Markdown and JSON, the
/// files a long meeting makes long, are never held whole in memory. A format that cannot be
/// rendered fails with the minutes' message in the document's language.
pub fn write(doc: &MinutesDoc, format: Format, out: &mut impl io::Write) -> io::Result<()> {
    match format {
        Format::Md => markdown::write(doc, out),
        Format::Json => doc.write_json(out),
        Format::Html | Format::Docx | Format::Pdf => {
            let bytes = render(doc, format).map_err(|e| {
                io::Error::other(
                    Key::MinutesFailed
                        .get(doc.lang)
                        .replace("{format}", &format!("{format:?}"))
                        .replace("{error}", &e),
                )
            })?;
            out.write_all(&bytes)
        }
    }
}

/// minutes.md as a string.
pub fn to_markdown(meeting: &Meeting, lang: Lang) -> String {
    markdown::render(&MinutesDoc::from_meeting(meeting, lang))
}

/// minutes.json as a string.
pub fn to_json(meeting: &Meeting, lang: Lang) -> String {
    MinutesDoc::from_meeting(meeting, lang).to_json()
}

/// Writes the minutes in `formats` into `dir`, each atomically (a temporary file renamed into
/// place, so a crash leaves the old file or the new one, never half of one) and readable by the
/// user only. Returns the paths written, in the order of `formats`. The formats are rendered and
/// written at once, each in a thread of its own, and each file as it is made (see [`write`]).
pub fn write_files(dir: &Path, doc: &MinutesDoc, formats: &[Format]) -> io::Result<Vec<PathBuf>> {
    crate::parallel::map(formats, |&format| {
        let path = dir.join(format.file_name());
        store::write_atomic_with(&path, |out| write(doc, format, out))?;
        Ok(path)
    })
    .into_iter()
    .collect()
}

/// "14:05": minutes show local clock times as recorded.
pub(crate) fn hhmm(t: &Time) -> String {
    // Not chrono's formatter: the minutes show a time on every entry.
    use chrono::Timelike;
    let t = t.naive_local();
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Whole minutes, rounded to the nearest.
pub(crate) fn minutes_of(d: Duration) -> i64 {
    crate::session::state::round_minutes(d)
}

/// A length of time as every screen and the minutes say it: whole minutes ("12 min"), and
/// "under 1 min" for less than half a minute rather than "0 min".
pub fn duration_text(secs: i64, lang: Lang) -> String {
    match minutes_of(Duration::seconds(secs.max(0))) {
        0 => Key::UnderAMinute.get(lang).to_string(),
        m => format!("{m} {}", Key::Minute.get(lang)),
    }
}

/// "mandag den 14. marts 2022".
pub(crate) fn long_date(date: NaiveDate, lang: Lang) -> String {
    const WEEKDAYS: [Key; 7] = [
        Key::Monday,
        Key::Tuesday,
        Key::Wednesday,
        Key::Thursday,
        Key::Friday,
        Key::Saturday,
        Key::Sunday,
    ];
    const MONTHS: [Key; 12] = [
        Key::January,
        Key::February,
        Key::March,
        Key::April,
        Key::May,
        Key::June,
        Key::July,
        Key::August,
        Key::September,
        Key::October,
        Key::November,
        Key::December,
    ];
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    Key::DatePattern
        .get(lang)
        .replace("{weekday}", weekday.get(lang))
        .replace("{day}", &date.day().to_string())
        .replace("{month}", month.get(lang))
        .replace("{year}", &date.year().to_string())
}

/// Text from the agenda or the journal for the middle of a Markdown line: control characters and
/// escape sequences removed, line breaks folded into spaces, HTML tags defused.
pub(crate) fn md_inline(s: &str) -> Cow<'_, str> {
    let line = one_line(s);
    // Most lines hold no '<': they are not copied again.
    if line.contains('<') {
        Cow::Owned(line.replace('<', "\\<"))
    } else {
        line
    }
}

/// [`layout::text`], without a copy of text it leaves as it is (most of what the layout hands
/// on, which it cleaned already).
fn one_line(s: &str) -> Cow<'_, str> {
    if s.trim().len() == s.len() && !crate::textutil::has_unsafe(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(layout::text(s))
    }
}

/// As [`md_inline`], for text that starts a paragraph or list item: a leading `#`, `>`, `-`,
/// `1.` … is escaped so it cannot turn into a heading, quote or list.
pub(crate) fn md_text(s: &str) -> Cow<'_, str> {
    let line = md_inline(s);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        Cow::Owned(format!("{}\\{}", &line[..digits], &line[digits..]))
    } else if line.starts_with(['#', '>', '-', '+', '*', '=', '`', '~']) {
        Cow::Owned(format!("\\{line}"))
    } else {
        line
    }
}

/// Text for a Markdown table cell: backslashes and pipes escaped, so no text can end a cell.
pub(crate) fn md_cell(s: &str) -> String {
    one_line(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "\\<")
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Meetings built from (seconds after 13:30, event) pairs on the seed meeting's day.

    use chrono::{NaiveDate, NaiveTime};

    use crate::agenda::{Agenda, Item};
    use crate::i18n::Lang;
    use crate::session::clock::{Clock, FakeClock, Time};
    use crate::session::{Event, Meeting, Record};

    pub const BASE: &str = "2022-03-14T13:30:00+01:00";

    /// The time `secs` after 13:30 on 14 March 2022.
    pub fn at(secs: i64) -> Time {
        let clock = FakeClock::at(BASE);
        clock.advance_secs(secs);
        clock.now()
    }

    /// Journal records, numbered from 1, at the given offsets.
    pub fn records(events: Vec<(i64, Event)>) -> Vec<Record> {
        let clock = FakeClock::at(BASE);
        let start = clock.now();
        events
            .into_iter()
            .enumerate()
            .map(|(i, (secs, event))| {
                clock.set(start + chrono::Duration::seconds(secs));
                Record {
                    seq: i as u64 + 1,
                    at: clock.now(),
                    group: 0,
                    event,
                }
            })
            .collect()
    }

    pub fn meeting(agenda: Agenda, events: Vec<(i64, Event)>) -> Meeting {
        Meeting::replay(agenda, &records(events))
    }

    fn hm(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn item(n: &str, title: &str, from: (u32, u32), to: (u32, u32), rec: &str) -> Item {
        Item {
            number: n.into(),
            title: title.into(),
            case_number: Some("85.02.02P35-25-19".into()),
            start: hm(from.0, from.1),
            end: hm(to.0, to.1),
            recommendation: vec![rec.into()],
            ..Default::default()
        }
    }

    /// The seed agenda (Centerledermøde 14 March 2022), by hand, with its overlap of items 4
    /// and 5 as written.
    pub fn seed_agenda() -> Agenda {
        Agenda {
            title: "Centerledermøde d. 14-03-2022".into(),
            date: NaiveDate::from_ymd_opt(2022, 3, 14),
            start: hm(13, 30),
            end: hm(15, 30),
            place: Some("Hos Eigil".into()),
            chair: Some("Eigil Jensen".into()),
            referent: Some("Helle Ø. Enstrøm".into()),
            participants: vec![
                "Helle Ø. Enstrøm".into(),
                "Rie S. Hosbond".into(),
                "Marie H. Poulsen".into(),
                "Eigil Jensen".into(),
            ],
            absent: vec![],
            language: Lang::Da,
            breaks: vec![],
            items: vec![
                item(
                    "1",
                    "Referat og referent",
                    (13, 30),
                    (13, 40),
                    "at der findes en referent og at kommentarer til seneste referat nedskrives.",
                ),
                item(
                    "2",
                    "Eigil orienterer",
                    (13, 40),
                    (13, 50),
                    "at Eigil orienterer centerledelsen",
                ),
                item(
                    "3",
                    "Kvalitetshåndbog",
                    (13, 50),
                    (14, 10),
                    "at centerledelsen gensidigt informerer hinanden i forhold til det seneste, der er sket i arbejdet med Kvalitetshåndbogen.",
                ),
                item(
                    "4",
                    "Budget 2023",
                    (14, 10),
                    (14, 25),
                    "at centerledelsen opdateres, hvis der er nyt i budgetprocessen for 2023",
                ),
                item(
                    "5",
                    "Handlinger efter Lederforum",
                    (14, 15),
                    (14, 45),
                    "at centerledelsen overvejer, hvad vi kan få ud af Lederforum",
                ),
                item(
                    "6",
                    "Nemøkonomi - opfølgning på 2021 - videre i 2022",
                    (14, 45),
                    (15, 10),
                    "at vi prøver at få et samlet overblik. Dette i sammenhæng med at Eigil skal mødes med Maja.",
                ),
                item(
                    "7",
                    "Samarbejde med de frivillige",
                    (15, 10),
                    (15, 20),
                    "at centerledelsen forholder sig til bilagte dokument.",
                ),
                item(
                    "8",
                    "Eventuelt",
                    (15, 20),
                    (15, 30),
                    "at kommentarer og punkter noteres.",
                ),
            ],
        }
    }

    /// A small agenda: three items of 10 minutes from 13:30, no clock times of their own.
    pub fn small_agenda() -> Agenda {
        Agenda {
            title: "Ledermøde".into(),
            start: hm(13, 30),
            participants: vec!["Anna".into(), "Bo".into()],
            absent: vec!["Carl".into()],
            items: (1..=3)
                .map(|n| Item {
                    number: n.to_string(),
                    title: format!("Sag {n}"),
                    minutes: Some(10),
                    recommendation: vec![format!("at sag {n} godkendes")],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Event;

    /// A meeting whose minutes.md is many times [`markdown`]'s piece size.
    fn long_meeting() -> Meeting {
        let mut events = vec![
            (0, Event::MeetingStarted),
            (1, Event::ItemStarted { item: 0 }),
        ];
        events.extend((0..10_000).map(|n| {
            (
                2 + n,
                Event::Note {
                    item: 0,
                    text: format!("Note {n}: {}", "stikord ".repeat(n as usize % 7)),
                },
            )
        }));
        events.push((20_000, Event::MeetingEnded));
        testutil::meeting(testutil::small_agenda(), events)
    }

    #[test]
    fn minutes_written_as_made_are_the_minutes_rendered() {
        let doc = MinutesDoc::from_meeting(&long_meeting(), Lang::Da);
        let dir = tempfile::tempdir().unwrap();
        // HTML stands for the formats rendered whole before they are written.
        let formats = [Format::Md, Format::Json, Format::Html];
        write_files(dir.path(), &doc, &formats).unwrap();
        for format in formats {
            let rendered = render(&doc, format).unwrap();
            assert!(
                rendered.len() > 4 * 64 * 1024,
                "{format:?}: too short to test"
            );
            let file = std::fs::read(dir.path().join(format.file_name())).unwrap();
            assert!(file == rendered, "{format:?}: the file is not the minutes");
            let mut written = Vec::new();
            write(&doc, format, &mut written).unwrap();
            assert!(
                written == rendered,
                "{format:?}: what was written is not the minutes"
            );
        }
        // Read back: every note once, in order, and the document whole.
        let md = std::fs::read_to_string(dir.path().join(MINUTES_MD)).unwrap();
        let notes: Vec<&str> = md.lines().filter(|l| l.starts_with("- Note ")).collect();
        assert_eq!(notes.len(), 10_000);
        for (n, line) in notes.iter().enumerate() {
            assert!(line.starts_with(&format!("- Note {n}:")), "{n}: {line}");
        }
        assert!(md.ends_with("\n") && !md.ends_with("\n\n"));
        let json = std::fs::read_to_string(dir.path().join(MINUTES_JSON)).unwrap();
        assert_eq!(MinutesDoc::from_json(&json).unwrap(), doc);
    }

    /// A writer that takes `room` bytes, then fails as a full disk does.
    struct Full {
        room: usize,
    }

    impl io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from_raw_os_error(28));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_of_long_minutes_is_an_error_not_a_short_file() {
        let doc = MinutesDoc::from_meeting(&long_meeting(), Lang::Da);
        for format in [Format::Md, Format::Json] {
            for room in [0, 100, 64 * 1024, 200 * 1024] {
                let e = write(&doc, format, &mut Full { room }).unwrap_err();
                assert_eq!(e.raw_os_error(), Some(28), "{format:?} {room}");
            }
        }
    }

    #[test]
    fn writes_both_files_private_and_replaces_them() {
        let dir = tempfile::tempdir().unwrap();
        let m = testutil::meeting(
            testutil::small_agenda(),
            vec![(0, Event::MeetingStarted), (60, Event::MeetingEnded)],
        );
        std::fs::write(dir.path().join(MINUTES_MD), "old").unwrap();
        let doc = MinutesDoc::from_meeting(&m, Lang::En);
        write_files(dir.path(), &doc, &[Format::Md, Format::Json]).unwrap();
        let md = std::fs::read_to_string(dir.path().join(MINUTES_MD)).unwrap();
        assert!(md.starts_with("# Minutes: Ledermøde\n"), "{md}");
        let json = std::fs::read_to_string(dir.path().join(MINUTES_JSON)).unwrap();
        assert_eq!(json::MinutesDoc::from_json(&json).unwrap().lang, Lang::En);
        #[cfg(unix)]
        for name in [MINUTES_MD, MINUTES_JSON] {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{name} must be private");
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
    }

    #[test]
    fn long_dates_in_three_languages() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
        assert_eq!(long_date(d, Lang::Da), "mandag den 14. marts 2022");
        assert_eq!(long_date(d, Lang::Nb), "mandag 14. mars 2022");
        assert_eq!(long_date(d, Lang::En), "Monday 14 March 2022");
    }

    #[test]
    fn markdown_text_is_escaped_where_it_would_change_structure() {
        assert_eq!(md_text("# ikke en overskrift"), "\\# ikke en overskrift");
        assert_eq!(md_text("- ikke en liste"), "\\- ikke en liste");
        assert_eq!(md_text("2022. år"), "2022\\. år");
        assert_eq!(md_text("to\nlinjer\r\n\n"), "to linjer");
        assert_eq!(md_text("<script>"), "\\<script>");
        assert_eq!(md_text("rød\u{1b}[31m tekst"), "rød tekst");
        assert_eq!(md_text("Budget 2023"), "Budget 2023");
        assert_eq!(md_inline("85.02.02P35 - 25"), "85.02.02P35 - 25");
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
        assert_eq!(md_cell("|"), "\\|");
        assert_eq!(md_cell("<b>"), "\\<b>");
        assert_eq!(md_cell("a\\|b"), "a\\\\\\|b");
    }
}
