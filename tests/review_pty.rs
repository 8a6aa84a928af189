//! `referent review` in a pseudo-terminal: open, filter, Enter, the minutes, search, q. The
//! sessions folder also holds a plain agenda file; nothing in it is written.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use common::pty::{PATIENCE, Pty};
use referent::agenda::{Agenda, Item};
use referent::session::{Clock, Event, FakeClock, store};

fn record(root: &Path, title: &str, day: &str, overrun: i64) {
    let agenda = Agenda {
        title: title.into(),
        date: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        items: ["Referat", "Budget 2023", "Eventuelt"]
            .iter()
            .map(|t| Item {
                number: String::new(),
                title: t.to_string(),
                minutes: Some(10),
                ..Default::default()
            })
            .enumerate()
            .map(|(i, mut item)| {
                item.number = (i + 1).to_string();
                item
            })
            .collect(),
        ..Default::default()
    };
    let (_, mut j) = store::create(root, &agenda, agenda.date.unwrap()).unwrap();
    let c = FakeClock::at(&format!("{day}T13:30:00+01:00"));
    let mut ev = |e: Event| {
        j.append(c.now(), e).unwrap();
    };
    ev(Event::MeetingStarted);
    c.advance(Duration::minutes(10));
    ev(Event::ItemStarted { item: 1 });
    ev(Event::Decision {
        item: 1,
        text: "Budgettet for skolerne fastholdes.".into(),
    });
    ev(Event::ActionAdded {
        item: 1,
        what: "Sende budgetnotat".into(),
        who: "Rie".into(),
        due: None,
    });
    c.advance(Duration::minutes(10 + overrun));
    ev(Event::ItemStarted { item: 2 });
    c.advance(Duration::minutes(5));
    ev(Event::MeetingEnded);
}

/// Every file under `dir` with its bytes, to show that review wrote nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![];
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn review_opens_filters_shows_minutes_searches_and_quits() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    record(root, "Centerledermøde d. 14-03-2022", "2022-03-14", 7);
    record(root, "Styregruppe", "2022-03-20", 0);
    fs::write(root.join("centerledermoede-2022-03-14.txt"), "DAGSORDEN\n").unwrap();
    let before = snapshot(root);

    let dir = root.to_str().unwrap();
    let mut pty = Pty::spawn(
        env!("CARGO_BIN_EXE_referent"),
        &["--sessions-dir", dir, "review"],
        80,
        24,
        &[],
    );
    pty.wait_for("Tidligere møder (2)");
    pty.wait_for("Styregruppe");
    pty.type_text("Center");
    pty.wait_for("Tidligere møder (1)");
    assert!(!pty.screen().contains("Styregruppe"));

    pty.send("\r");
    let screen = pty.wait_for("Referat: Centerledermøde d. 14-03-2022");
    assert!(screen.contains("2. Budget 2023"), "{screen}");
    assert!(
        screen.contains("17/10 +7"),
        "the chart marks the overrun: {screen}"
    );
    pty.send("n");
    pty.send("n");
    pty.wait_for("Punkt 2: Budget 2023");

    pty.send("\x1b");
    pty.wait_for("Tidligere møder (1)");
    pty.send("\x7f\x7f\x7f\x7f\x7f\x7f");
    pty.wait_for("Tidligere møder (2)");
    pty.send("/");
    pty.wait_for("Søg i alle møder");
    pty.type_text("fastholdes");
    pty.send("\r");
    pty.wait_for("2 fund");
    pty.send("\r");
    pty.wait_for("Budgettet for skolerne fastholdes.");

    pty.send("q");
    assert!(pty.wait_exit(PATIENCE).success());
    assert_eq!(snapshot(root), before, "review never writes");
}
