//! `referent agenda FILE --markdown`: every agenda in sessions/ written as Markdown reads back
//! to the same agenda.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::{Path, PathBuf};

use referent::agenda::{self, Agenda, Format};

fn session_agendas() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let inner = path.join("agenda.json");
            if inner.exists() {
                found.push(inner);
            }
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Source lines are where an item starts in its file; they differ between two files.
fn without_lines(mut a: Agenda) -> Agenda {
    for item in &mut a.items {
        item.line = None;
    }
    a
}

#[test]
fn every_session_agenda_reads_back_from_its_markdown() {
    let paths = session_agendas();
    assert!(paths.len() >= 9, "{paths:?}");
    for path in paths {
        let read = without_lines(agenda::load(&path, None).unwrap().agenda);
        let written = agenda::markdown::write(&read);
        let back = agenda::parse("fixed.md", written.as_bytes(), Some(Format::Markdown))
            .unwrap_or_else(|e| panic!("{}: {e}\n{written}", path.display()));
        let back = without_lines(back.agenda);
        assert_eq!(back, read, "{}:\n{written}", path.display());
        assert_eq!(
            agenda::markdown::write(&back),
            written,
            "{}",
            path.display()
        );
    }
}
