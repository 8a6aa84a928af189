//! No input makes the importers panic; what they give is always clean and self-consistent.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use proptest::prelude::*;
use referent::agenda::{self, Agenda, Format, Item};
use referent::i18n::{Key, Lang};

/// Whether `message` is `key`'s text in one of the languages (the agenda's, which the generated
/// text may make any): its longest part between `{blanks}` is in it.
fn says(message: &str, key: Key) -> bool {
    Lang::ALL.iter().any(|&lang| {
        let text = key.get(lang);
        let longest = text
            .split(['{', '}'])
            .step_by(2)
            .max_by_key(|part| part.len())
            .unwrap_or(text);
        message.contains(longest)
    })
}

/// Whatever an import produced must be safe to print and consistent in itself; where the
/// document itself disagrees (a printed duration beside a printed range), the import says so.
fn check_invariants(a: &Agenda, warnings: &[agenda::Warning]) {
    let clean = |s: &str| !s.chars().any(|c| c.is_control() && c != '\n');
    assert!(clean(&a.title));
    for item in &a.items {
        assert!(clean(&item.title) && clean(&item.number) && clean(&item.body));
        assert!(
            item.recommendation
                .iter()
                .all(|r| clean(r) && !r.is_empty())
        );
        if let (Some(s), Some(e), Some(m)) = (item.start, item.end, item.minutes)
            && e >= s
            && i64::from(m) != (e - s).num_minutes()
        {
            let reported = warnings
                .iter()
                .any(|w| w.line == item.line && says(&w.message, Key::ImpSlotDiffers));
            assert!(
                reported,
                "{item:?} disagrees with itself unreported: {warnings:?}"
            );
        }
    }
    let _ = agenda::lint::lint(a);
    let _ = agenda::markdown::write(a);
    let _ = referent::commands::check::plan(a);
    let _ = referent::commands::agenda::render(a);
}

fn parse_all_ways(bytes: &[u8]) {
    for (name, format) in [
        ("a.txt", None),
        ("a.md", None),
        ("a.json", None),
        ("a", Some(Format::Text)),
        ("a", Some(Format::Markdown)),
    ] {
        if let Ok(imported) = agenda::parse(name, bytes, format) {
            check_invariants(&imported.agenda, &imported.warnings);
        }
    }
}

/// Lines that look like agendas: headings, times, sections, metadata, furniture, noise.
fn agenda_line() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "Punkt 1: Referat",
        "Punkt 3a:",
        "Pkt. 4 Budget",
        "Sak 12/22 Budsjett",
        "PS 7/22:",
        "4. Titel",
        "4) Titel",
        "## 2. Overskrift (10 min)",
        "# Titel",
        "### Indstilling",
        "### Bilag",
        "(13:30 - 13:40)",
        "13.30-13.40",
        "kl. 9",
        "kl. 23.59-00.10",
        "(15 min)",
        "Tid: 10 min",
        "1 time og 30 min",
        "½ time",
        "Det indstilles,",
        "Det indstilles, at",
        "at noget sker og at andet sker",
        "Forslag til vedtak:",
        "Innstilling: Saken tas til orientering.",
        "Beslutning:",
        "Bilag",
        "Bilag 1: Noget",
        "Vedlegg:",
        "Sagsfremstilling",
        "Mødedeltagere:",
        "Referent: Denne gang er det Helle",
        "Deltagere: A, B og C",
        "Dato: 2022-03-14",
        "Mødedato Mandag d. 31. februar 2022 kl. 25:61",
        "Start: 13:30",
        "Slut: 12:00",
        "Mødet slutter kl. 10.30",
        "Indholdsfortegnelse",
        "Referat.....\t3",
        "Side 2 af 5",
        "\u{c}Header",
        "- punkt",
        "• punkt",
        "  - under",
        "1. liste",
        "Frokost 12:00-12:45",
        "Pause (15 min)",
        "85.02.02P35-25-19",
        "Sprog: nb",
        "\\escaped",
        "```",
        "",
        "\u{1b}[31mrød\u{1b}[0m",
        "9999. Stor",
        "Sak 99999/2022 for stort",
        "at",
        ":",
        "(",
        "kl.",
    ]);
    prop_oneof![
        4 => fragments.prop_map(str::to_string),
        1 => "[ -~æøåÆØÅ–\t]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        parse_all_ways(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        parse_all_ways(text.as_bytes());
    }

    #[test]
    fn near_agenda_text_never_panics(lines in prop::collection::vec(agenda_line(), 0..80), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        parse_all_ways(text.as_bytes());
    }

    #[test]
    fn markdown_writer_round_trips(agenda in plain_agenda()) {
        let md = agenda::markdown::write(&agenda);
        let back = agenda::parse("a.md", md.as_bytes(), None).unwrap().agenda;
        let written_again = agenda::markdown::write(&back);
        prop_assert_eq!(&written_again, &md);
        prop_assert_eq!(back.items.len(), agenda.items.len());
        for (b, a) in back.items.iter().zip(&agenda.items) {
            prop_assert_eq!(&b.title, &a.title);
            prop_assert_eq!(&b.body, &a.body);
            prop_assert_eq!(&b.recommendation, &a.recommendation);
            prop_assert_eq!(&b.attachments, &a.attachments);
            prop_assert_eq!(b.minutes, a.minutes);
        }
    }
}

/// Agendas with words for text (no digits: a title like "Budget 13:30" would read as a time).
fn plain_agenda() -> impl Strategy<Value = Agenda> {
    // "og", "at" and "samt" join or end recommendation clauses ("… og at …" is two clauses, a
    // dangling "og" belongs to the next line), so a one-clause round trip cannot contain them.
    let word = "[a-zæøåA-ZÆØÅ]{1,10}".prop_filter("a clause connector", |w| {
        !["og", "at", "samt"].contains(&w.to_lowercase().as_str())
    });
    let sentence = prop::collection::vec(word, 1..8).prop_map(|w| w.join(" "));
    let item = (
        sentence.clone(),
        prop::collection::vec(sentence.clone(), 0..4),
        prop::collection::vec(sentence.clone(), 0..3),
        prop::collection::vec(sentence.clone(), 0..3),
        prop::option::of(1u32..120),
    )
        .prop_map(|(title, paragraphs, rec, att, minutes)| Item {
            title,
            body: paragraphs.join("\n\n"),
            recommendation: rec.into_iter().map(|r| format!("at {r}")).collect(),
            attachments: att,
            minutes,
            ..Item::default()
        });
    (sentence, prop::collection::vec(item, 1..8)).prop_map(|(title, mut items)| {
        for (i, item) in items.iter_mut().enumerate() {
            item.number = (i + 1).to_string();
        }
        let mut a = Agenda {
            title,
            items,
            ..Agenda::default()
        };
        agenda::schedule::derive(&mut a);
        a
    })
}

#[test]
fn ten_thousand_items() {
    let mut text = String::from("DAGSORDEN Stort møde\n\nMødedato 14. marts 2022 kl. 08:00\n\n");
    for i in 1..=10_000 {
        text.push_str(&format!(
            "Punkt {i}: Emne nummer {i} (5 min)\n\nSagsfremstilling\n\nTekst om emne {i}.\n\n\
             Det indstilles,\n\nat emne {i} drøftes.\n\n"
        ));
    }
    let imported = agenda::parse("big.txt", text.as_bytes(), None).unwrap();
    let a = &imported.agenda;
    assert_eq!(a.items.len(), 10_000);
    assert_eq!(a.items[9_999].title, "Emne nummer 10000");
    assert_eq!(a.items[9_999].recommendation, ["at emne 10000 drøftes."]);
    // 10,000 x 5 minutes from 08:00 runs past midnight: said once, later items keep minutes only.
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| says(&w.message, Key::ImpPastMidnight))
    );
    assert_eq!(a.items[9_999].minutes, Some(5));
    assert!(a.items[9_999].start.is_none());
    let warnings = agenda::lint::lint(a);
    assert!(warnings.len() < 10, "{}", warnings.len());
}
