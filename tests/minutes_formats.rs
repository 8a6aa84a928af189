//! Every format of the minutes, read back the way its reader would: the .docx's XML from the zip,
//! the PDF's text with pdftotext, the HTML with an HTML parser. Each must hold every text of the
//! referat, for the example meetings in sessions/ and for one with Nordic letters, an emoji and
//! markup typed as a decision.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;
use referent::minutes::layout::layout;
use referent::minutes::{self, Format, MinutesDoc, Options};
use referent::session::clock::{Clock, FakeClock};
use referent::session::{Event, Meeting, Outcome, Record, store};

const MARKUP: &str = "<b>x</b> & <script>alert(1)</script>";
const EMOJI: &str = "🎉";

fn example_sessions() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sessions"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("journal.jsonl").is_file())
            .collect();
    dirs.sort();
    assert!(dirs.len() >= 3, "{dirs:?}");
    dirs
}

fn full() -> Options {
    Options {
        case_text: true,
        times: true,
        approval: true,
        speakers: true,
    }
}

/// A meeting with everything a referat can hold, typed with æ ø å, an emoji and markup.
fn typed_meeting() -> Meeting {
    let agenda = Agenda {
        title: "Ledermøde på Ærø".into(),
        date: NaiveDate::from_ymd_opt(2022, 5, 2),
        place: Some("Mødelokale Å".into()),
        chair: Some("Søren Ødegård".into()),
        referent: Some("Åse Bjørnstad".into()),
        participants: vec!["Søren Ødegård".into(), "Åse Bjørnstad".into(), "Bo".into()],
        absent: vec!["Jørgen".into()],
        items: vec![Item {
            number: "1".into(),
            title: "Trivsel og økonomi".into(),
            case_number: Some("22/1234".into()),
            minutes: Some(20),
            body: "Sagen handler om trivsel på skolerne.\n\nØkonomien er stram.".into(),
            recommendation: vec![
                "at trivselsplanen godkendes".into(),
                "at økonomien følges".into(),
            ],
            attachments: vec!["Bilag 1: Trivselsplan 2022.pdf".into()],
            ..Default::default()
        }],
        ..Default::default()
    };
    let clock = FakeClock::at("2022-05-02T09:00:00+02:00");
    let events = vec![
        Event::MeetingStarted,
        Event::Movement {
            name: "Bo".into(),
            arrived: true,
        },
        Event::Decision {
            item: 0,
            text: MARKUP.into(),
        },
        Event::Vote {
            item: 0,
            votes_for: 5,
            against: 2,
            abstain: 0,
        },
        Event::Outcome {
            item: 0,
            clause: Some(0),
            outcome: Outcome::Approved,
            text: "Indstillingen blev godkendt.".into(),
        },
        Event::Inhabil {
            item: 0,
            name: "Bo".into(),
        },
        Event::ActionAdded {
            item: 0,
            what: format!("Fejre trivselsdagen {EMOJI} på Ærø"),
            who: "Åse Bjørnstad".into(),
            due: NaiveDate::from_ymd_opt(2022, 6, 1),
        },
        Event::Note {
            item: 0,
            text: "Blåbærgrød til alle 😀".into(),
        },
        Event::SpeakerAdded {
            item: 0,
            name: "Søren Ødegård".into(),
            guest: false,
        },
        Event::SpeakerAdded {
            item: 0,
            name: "Øjvind Æbelø".into(),
            guest: true,
        },
        Event::FloorGiven { item: 0 },
        Event::FloorGiven { item: 0 },
        Event::FloorGiven { item: 0 },
        Event::MeetingEnded,
    ];
    let records: Vec<Record> = events
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            clock.advance_secs(120);
            Record {
                seq: i as u64 + 1,
                at: clock.now(),
                group: 0,
                event,
            }
        })
        .collect();
    Meeting::replay(agenda, &records)
}

fn documents() -> Vec<(String, MinutesDoc)> {
    let mut docs: Vec<(String, MinutesDoc)> = example_sessions()
        .iter()
        .map(|dir| {
            let loaded = store::load(dir).unwrap();
            let m = loaded.meeting();
            let lang = m.agenda.language;
            (
                dir.display().to_string(),
                MinutesDoc::with_options(&m, lang, full()),
            )
        })
        .collect();
    docs.push((
        "typed".into(),
        MinutesDoc::with_options(&typed_meeting(), Lang::Da, full()),
    ));
    docs
}

/// Whitespace of any kind folded to single spaces, so wrapped lines compare as one.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entries recorded in the meeting, from the document model, and every text of the layout.
fn expected(doc: &MinutesDoc) -> Vec<String> {
    let mut all = layout(doc).texts();
    for item in &doc.items {
        all.extend(item.decisions.iter().map(|d| d.text.clone()));
        all.extend(item.notes.iter().map(|n| n.text.clone()));
        all.extend(
            item.actions
                .iter()
                .flat_map(|a| [a.what.clone(), a.who.clone()]),
        );
        all.extend(item.inhabil.iter().cloned());
        all.extend(item.votes.iter().map(|v| v.result.clone()));
        all.extend(item.outcomes.iter().map(|o| o.text.clone()));
        all.extend(item.attachments.iter().cloned());
        all.extend(item.speakers.iter().map(|s| s.name.clone()));
    }
    all.into_iter()
        .map(|t| fold(&t))
        .filter(|t| !t.is_empty())
        .collect()
}

fn assert_holds(format: &str, name: &str, text: &str, doc: &MinutesDoc) {
    let text = fold(text);
    for want in expected(doc) {
        assert!(
            text.contains(&want),
            "{format} of {name} lacks {want:?}\n--- text ---\n{text}"
        );
    }
}

/// The text of every paragraph of word/document.xml, one line each.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            quick_xml::events::Event::Text(t) if in_text => {
                out.push_str(&t.decode().unwrap());
            }
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name = String::from_utf8_lossy(&r);
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("m.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text without the running header and page numbers, which a page break puts in the
/// middle of a paragraph.
fn pdf_body(bytes: &[u8], doc: &MinutesDoc) -> String {
    let l = layout(doc);
    let text = pdftotext(bytes);
    let pages = text.matches('\u{c}').count().max(1);
    let mut body = text;
    for n in 1..=pages {
        for word in ["Side", "Page"] {
            for of in ["af", "av", "of"] {
                body = body.replace(&format!("{word} {n} {of} {pages}"), " ");
            }
        }
    }
    // The header line: the title (shortened with … when long) and the date; a page starts
    // with a form feed.
    let head: String = l.title.chars().take(12).collect();
    body.lines()
        .filter(|line| {
            let line = line.trim_start_matches('\u{c}');
            l.date.is_empty() || !(line.starts_with(&head) && line.ends_with(&l.date))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn html_text(html: &str) -> String {
    let page = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    page.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_format_holds_every_entry() {
    for (name, doc) in documents() {
        let md = String::from_utf8(minutes::render(&doc, Format::Md).unwrap()).unwrap();
        assert_holds("md", &name, &md.replace('\\', ""), &doc);
        let json = String::from_utf8(minutes::render(&doc, Format::Json).unwrap()).unwrap();
        assert_eq!(MinutesDoc::from_json(&json).unwrap(), doc, "json of {name}");
        let html = String::from_utf8(minutes::render(&doc, Format::Html).unwrap()).unwrap();
        assert_holds("html", &name, &html_text(&html), &doc);
        let docx = minutes::render(&doc, Format::Docx).unwrap();
        assert_holds("docx", &name, &docx_text(&docx), &doc);
        let pdf = minutes::render(&doc, Format::Pdf).unwrap();
        assert_holds("pdf", &name, &pdf_body(&pdf, &doc), &doc);
    }
}

/// `--speakers` lists who spoke and how long under the item; without it nobody is listed.
#[test]
fn speakers_are_listed_only_when_asked_for() {
    let m = typed_meeting();
    let with = MinutesDoc::with_options(&m, Lang::Da, full());
    let names: Vec<(&str, i64, bool)> = with.items[0]
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.seconds, s.guest))
        .collect();
    assert_eq!(
        names,
        vec![("Søren Ødegård", 120, false), ("Øjvind Æbelø", 120, true)]
    );
    let md = String::from_utf8(minutes::render(&with, Format::Md).unwrap()).unwrap();
    assert!(md.contains("Søren Ødegård: 2:00"), "{md}");
    assert!(md.contains("Øjvind Æbelø (gæst): 2:00"), "{md}");
    let without = MinutesDoc::with_options(
        &m,
        Lang::Da,
        Options {
            speakers: false,
            ..full()
        },
    );
    assert!(without.items[0].speakers.is_empty());
    let md = String::from_utf8(minutes::render(&without, Format::Md).unwrap()).unwrap();
    assert!(!md.contains("Øjvind"), "{md}");
}

#[test]
fn nordic_letters_and_emoji_survive_every_format() {
    let doc = MinutesDoc::with_options(&typed_meeting(), Lang::Da, full());
    let html = String::from_utf8(minutes::render(&doc, Format::Html).unwrap()).unwrap();
    let docx = docx_text(&minutes::render(&doc, Format::Docx).unwrap());
    let pdf = pdftotext(&minutes::render(&doc, Format::Pdf).unwrap());
    for text in [html_text(&html), docx, pdf] {
        for want in [
            "Ærø",
            "Åse Bjørnstad",
            "Søren Ødegård",
            "Blåbærgrød",
            EMOJI,
            "😀",
        ] {
            assert!(text.contains(want), "lacks {want:?}:\n{text}");
        }
    }
}

#[test]
fn markup_typed_in_the_meeting_stays_text() {
    let doc = MinutesDoc::with_options(&typed_meeting(), Lang::Da, full());
    let html = String::from_utf8(minutes::render(&doc, Format::Html).unwrap()).unwrap();
    let page = scraper::Html::parse_document(&html);
    for tag in ["script", "b"] {
        let sel = scraper::Selector::parse(tag).unwrap();
        assert_eq!(page.select(&sel).count(), 0, "a <{tag}> element in\n{html}");
    }
    assert!(html_text(&html).contains(MARKUP), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let docx = docx_text(&minutes::render(&doc, Format::Docx).unwrap());
    assert!(docx.lines().any(|l| l == MARKUP), "{docx}");
}

#[test]
fn the_docx_has_word_headings_tables_page_numbers_and_a_language() {
    let doc = MinutesDoc::with_options(&typed_meeting(), Lang::Da, full());
    let bytes = minutes::render(&doc, Format::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let document = part("word/document.xml");
    assert!(
        document.contains(r#"<w:pStyle w:val="Heading1" />"#),
        "{document}"
    );
    assert!(document.contains(r#"<w:pStyle w:val="Heading2" />"#));
    assert!(
        document.contains("<w:keepNext />"),
        "headings keep with what follows"
    );
    assert!(
        document.matches("<w:tbl>").count() >= 4,
        "facts, votes, actions, signatures"
    );
    let styles = part("word/styles.xml");
    assert!(
        styles.contains(r#"<w:name w:val="heading 2" />"#),
        "{styles}"
    );
    assert!(styles.contains(r#"<w:outlineLvl w:val="1" />"#), "{styles}");
    assert!(styles.contains(r#"<w:lang w:val="da-DK""#), "{styles}");
    let footers: Vec<String> = (1..=3)
        .filter_map(|n| {
            let mut s = String::new();
            zip.by_name(&format!("word/footer{n}.xml"))
                .ok()?
                .read_to_string(&mut s)
                .ok()?;
            Some(s)
        })
        .collect();
    let footer = footers.join("");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    assert!(
        footer.contains("Side ") && footer.contains(" af "),
        "{footer}"
    );
}

#[test]
fn the_pdf_is_a4_with_running_header_and_page_numbers() {
    let dir = &example_sessions()[0];
    let m = store::load(dir).unwrap().meeting();
    let doc = MinutesDoc::with_options(&m, Lang::Nb, full());
    let pdf = minutes::render(&doc, Format::Pdf).unwrap();
    let text = pdftotext(&pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{text}");
    let l = layout(&doc);
    for (n, page) in pages.iter().enumerate() {
        let number = format!("Side {} av {}", n + 1, pages.len());
        assert!(page.contains(&number), "page {}: {page}", n + 1);
        assert!(page.contains(&l.date), "page {}: {page}", n + 1);
    }
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("m.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let info = Command::new("pdfinfo").arg(&file).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("595.28 x 841.89 pts (A4)") || info.contains("595.276 x 841.89"),
        "{info}"
    );
    // The document's title (a viewer's title bar) keeps its Nordic letters.
    let title = info.lines().find_map(|l| l.strip_prefix("Title:"));
    assert_eq!(title.map(str::trim), Some(l.title.as_str()), "{info}");
    assert!(l.title.contains('ø'), "{}", l.title);
}

#[test]
fn no_item_heading_is_left_alone_at_the_foot_of_a_page() {
    for (name, doc) in documents() {
        let pdf = minutes::render(&doc, Format::Pdf).unwrap();
        let text = pdftotext(&pdf);
        let headings: Vec<String> = layout(&doc)
            .blocks
            .iter()
            .filter_map(|b| match b {
                referent::minutes::layout::Block::Heading { text, .. } => Some(fold(text)),
                _ => None,
            })
            .collect();
        for page in text.split('\u{c}') {
            // The last line of body text on the page, above the page number.
            let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            let body: Vec<&&str> = lines
                .iter()
                .filter(|l| !l.starts_with("Side ") && !l.starts_with("Page "))
                .collect();
            if let Some(last) = body.last() {
                assert!(
                    !headings.contains(&fold(last)),
                    "{name}: heading {last:?} ends a page"
                );
            }
        }
    }
}

#[test]
fn write_files_lists_the_five_files_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = MinutesDoc::with_options(&typed_meeting(), Lang::Da, full());
    let written = minutes::write_files(dir.path(), &doc, &Format::ALL).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "minutes.md",
            "minutes.json",
            "minutes.docx",
            "minutes.pdf",
            "minutes.html"
        ]
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(
        std::fs::read(dir.path().join("minutes.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    assert!(
        std::fs::read(dir.path().join("minutes.docx"))
            .unwrap()
            .starts_with(b"PK")
    );
}

#[test]
fn html_of_the_typed_meeting() {
    let doc = MinutesDoc::with_options(&typed_meeting(), Lang::Da, full());
    let html = String::from_utf8(minutes::render(&doc, Format::Html).unwrap()).unwrap();
    // One element per line, so a change shows as a readable diff.
    insta::assert_snapshot!(html.replace("><", ">\n<"));
}
