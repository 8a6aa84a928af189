//! The real binary in a pseudo-terminal: before the clock starts the plan screen is the editor;
//! an item's title and minutes are changed there, and the minutes carry the change. A running
//! `follow` shows a plan change within a second.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::time::Duration;

use chrono::Local;
use common::pty::{PATIENCE, Pty};
use common::session::{SEED, only_session, run};
use referent::agenda::{Agenda, Item};
use referent::session::event::Event;
use referent::session::store;

/// Ctrl-U: the field is emptied before the new text.
const CLEAR: &str = "\u{15}";

#[test]
fn the_editor_changes_an_items_title_and_minutes_and_the_minutes_carry_them() {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path();
    let mut p = run(sessions, &[SEED]);
    p.wait_for("Ret dagsordenen");
    p.wait_for("Tryk mellemrum");
    // The first row is the meeting; the next the first item.
    p.send("j");
    p.send("\r");
    p.wait_for("Ret punkt 1");
    p.send("\t");
    p.send(CLEAR);
    p.type_text("Godkendelse af dagsorden");
    // Title → case number → start → end → minutes: the slot is cleared, the minutes decide.
    p.send("\t\t");
    p.send(CLEAR);
    p.send("\t");
    p.send(CLEAR);
    p.send("\t");
    p.send(CLEAR);
    p.send("7\r");
    p.wait_for("Gemt");
    p.wait_for("1. Godkendelse af dagsorden");
    p.send(" ");
    p.wait_for("KØRER");
    p.send("q");
    p.wait_for("Afslut");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());

    let session = only_session(sessions);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(session.join("minutes.json")).unwrap()).unwrap();
    let item = &json["items"][0];
    assert_eq!(item["title"], "Godkendelse af dagsorden", "{json:#}");
    assert_eq!(item["planned_minutes"], 7, "{json:#}");
    let journal = fs::read_to_string(session.join("journal.jsonl")).unwrap();
    assert!(journal.contains("\"type\":\"item_edited\""), "{journal}");
    // agenda.json stays the agenda as imported.
    let agenda = fs::read_to_string(session.join("agenda.json")).unwrap();
    assert!(!agenda.contains("Godkendelse af dagsorden"));
}

/// A plan change is an event like any other: the follower re-reads the journal and shows it.
#[test]
fn a_plan_change_shows_in_a_running_follow_within_a_second() {
    let item = |n: &str, t: &str| Item {
        number: n.into(),
        title: t.into(),
        minutes: Some(10),
        ..Default::default()
    };
    let agenda = Agenda {
        title: "Centerledermøde".into(),
        items: vec![item("1", "Referat og referent"), item("2", "Budget 2023")],
        ..Default::default()
    };
    let root = tempfile::tempdir().unwrap();
    let (dir, mut j) = store::create(root.path(), &agenda, Local::now().date_naive()).unwrap();
    let now = || Local::now().fixed_offset();
    j.append(now(), Event::MeetingStarted).unwrap();
    let dir_arg = dir.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(
        env!("CARGO_BIN_EXE_referent"),
        &["follow", &dir_arg],
        100,
        30,
        &[],
    );
    pty.wait_for_line("Næste: Punkt 2: Budget 2023");

    j.append(
        now(),
        Event::ItemEdited {
            item: 1,
            fields: Box::new(item("2", "Budget 2024")),
        },
    )
    .unwrap();
    pty.wait_until("the edited title", Duration::from_secs(1), |s| {
        s.contains("Budget 2024")
    });
    j.append(
        now(),
        Event::ItemAdded {
            id: 2,
            after: Some(0),
            fields: Box::new(item("1a", "Nyt punkt")),
        },
    )
    .unwrap();
    pty.wait_until("the added item", Duration::from_secs(1), |s| {
        s.contains("Næste: Punkt 1a: Nyt punkt")
    });
    pty.send("q");
    assert!(pty.wait_exit(PATIENCE).success());
}
