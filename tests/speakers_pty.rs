//! The real binary in a pseudo-terminal: `t` puts a participant (completed with Tab) and a
//! guest on the speaker list, `T` gives them the floor, and `minutes --speakers` lists them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::process::Command;

use common::pty::PATIENCE;
use common::session::{only_session, run};

const AGENDA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/ledermoede-skole-dagtilbud-2022-04-04.txt"
);

#[test]
fn t_adds_speakers_t_gives_the_floor_and_the_minutes_list_them_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path();
    let mut p = run(sessions, &[AGENDA, "--speaking-time", "2"]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");

    // A participant by a prefix of their name: the candidates are shown, Tab completes.
    p.send("t");
    p.wait_for("Ny på talerlisten");
    p.wait_for("Anne Mikkelsen, Jonas Berg");
    p.type_text("So");
    p.send("\t");
    p.wait_for("Sofie Lund");
    p.send("\r");
    p.wait_for("Gemt");

    // A name among no participants is a guest.
    p.send("t");
    p.wait_for("Ny på talerlisten");
    p.type_text("Ib Holt");
    p.wait_for("gemmes som gæst");
    p.send("\r");
    p.wait_for("Gemt");

    // The list shows under the item, with the meeting's limit.
    p.wait_for("Taletid 02:00");
    p.send("T");
    p.wait_for("Ordet til: Sofie Lund");
    p.wait_for("▶ Sofie Lund");
    p.send("T");
    p.wait_for("Ordet til: Ib Holt");
    p.send("q");
    p.wait_for("Afslut");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());

    let session = only_session(sessions);
    // A referat records decisions, not debate: the minutes written at the end list no one.
    let md = fs::read_to_string(session.join("minutes.md")).unwrap();
    assert!(!md.contains("Ib Holt"), "{md}");

    let minutes = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_referent"))
            .args(["minutes", session.to_str().unwrap(), "--speakers"])
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let md = minutes("md");
    assert!(md.contains("Talere"), "{md}");
    assert!(md.contains("Sofie Lund: "), "{md}");
    assert!(md.contains("Ib Holt (gæst): "), "{md}");
    let json: serde_json::Value = serde_json::from_str(&minutes("json")).unwrap();
    let speakers = &json["items"][0]["speakers"];
    assert_eq!(speakers[0]["name"], "Sofie Lund", "{json:#}");
    assert_eq!(speakers[1]["name"], "Ib Holt");
    assert_eq!(speakers[1]["guest"], true);
    assert!(speakers[0]["seconds"].as_i64().unwrap() >= 0);
}
