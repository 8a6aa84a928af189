//! The real binary in a pseudo-terminal: `+` adds an item after the current one, and the
//! minutes carry it and say that the agenda changed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;

use common::pty::PATIENCE;
use common::session::{SEED, only_session, run};

#[test]
fn plus_adds_an_item_after_the_current_one_and_the_minutes_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path();
    let mut p = run(sessions, &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.send("+");
    p.wait_for("Minutter");
    p.type_text("Nyt punkt");
    p.send("\t5\r");
    p.wait_for("Gemt");
    p.send("q");
    p.wait_for("Afslut");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());

    let session = only_session(sessions);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(session.join("minutes.json")).unwrap()).unwrap();
    let item = &json["items"][1];
    assert_eq!(item["title"], "Nyt punkt", "{json:#}");
    assert_eq!(item["planned_minutes"], 5);
    assert_eq!(item["number"], "1a");
    let md = fs::read_to_string(session.join("minutes.md")).unwrap();
    assert!(
        md.contains(
            "Dagsordenen blev godkendt med følgende ændringer: punkt 1a (Nyt punkt) tilføjet."
        ),
        "{md}"
    );
    // agenda.json stays the agenda as imported.
    let agenda = fs::read_to_string(session.join("agenda.json")).unwrap();
    assert!(!agenda.contains("Nyt punkt"));
}
