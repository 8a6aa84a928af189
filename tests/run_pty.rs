//! The real binary in a pseudo-terminal: a whole meeting over the seed agenda, a `kill -9` in the
//! middle and a resume, resizing, and a signal. Keys in, screen text out, files checked after.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::path::Path;

use common::pty::{PATIENCE, Pty};
use common::session::{SEED, only_session, run};
use referent::session::event::Event;
use referent::session::journal;

fn events(session: &Path) -> Vec<Event> {
    let (records, _) = journal::read(&session.join("journal.jsonl")).unwrap();
    records.into_iter().map(|r| r.event).collect()
}

/// Records a decision, an outcome and an action point on the current item.
fn log_item(p: &mut Pty, decision: &str, action: &str) {
    p.send("d");
    p.wait_for("Beslutning");
    p.type_text(decision);
    p.send("\r");
    // "Gemt" may still show from the save before: the decision in the log says this one landed,
    // so `r` is not read as a key queued behind the closing field.
    p.wait_for(&format!("Beslutning: {decision}"));
    p.send("r");
    // A recommendation with several clauses asks which first: all of them.
    p.wait_until("the clause or outcome menu", PATIENCE, |s| {
        s.contains("Alle led") || s.contains("Godkendt med ændringer")
    });
    if p.screen().contains("Alle led") {
        p.send("1");
    }
    p.wait_for("Godkendt med ændringer");
    p.send("1");
    p.wait_for("Indstillingen blev godkendt.");
    p.send("\r");
    p.wait_for("Gemt");
    p.send("a");
    p.wait_for("Ansvarlig");
    p.type_text(action);
    p.send("\tHelle\t+7d\r");
    p.wait_for(&format!("→ {action}"));
}

#[test]
fn whole_meeting_with_kill_9_and_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path();
    let mut p = run(sessions, &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.wait_for("Punkt 1: Referat og referent");
    log_item(&mut p, "Helle er referent æøå", "Udsend referat");
    p.send("n");
    p.wait_for("Punkt 2: Eigil orienterer");
    p.send("c");
    p.wait_for("Noter");
    p.type_text("Netværk for inkluderende fællesskaber");
    p.send("\r");
    p.wait_for("✎ Netværk");

    // Power cut: everything shown as saved must come back.
    p.kill_9();
    let session = only_session(sessions);
    assert!(
        events(&session)
            .iter()
            .any(|e| matches!(e, Event::Note { .. }))
    );

    let mut p = run(sessions, &["--resume"]);
    p.wait_for("Genoptaget");
    p.wait_for("Punkt 2: Eigil orienterer");
    p.wait_for("✎ Netværk");
    p.send("p");
    p.wait_for("Helle er referent æøå");
    p.wait_for("→ Udsend referat");
    p.send("g");
    p.wait_for("Gå til punkt");
    p.send("7\r");
    p.wait_for("Punkt 7: Samarbejde med de frivillige");
    log_item(
        &mut p,
        "Spillereglerne drøftes i næste møde",
        "Læs spillereglerne",
    );
    p.send("s");
    p.wait_for("Punkt 8: Eventuelt");
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
    p.wait_for("Referatet er skrevet");
    p.wait_for("minutes.pdf");
    p.wait_for("minutes.html");

    let evs = events(&session);
    assert!(evs.iter().any(|e| matches!(e, Event::Recovered { .. })));
    assert_eq!(evs.last(), Some(&Event::MeetingEnded));
    let md = fs::read_to_string(session.join("minutes.md")).unwrap();
    for text in [
        "Helle er referent æøå",
        "Udsend referat",
        "Netværk for inkluderende fællesskaber",
        "Spillereglerne drøftes i næste møde",
        "Indstillingen blev godkendt.",
        "Ikke behandlet",
    ] {
        assert!(md.contains(text), "minutes.md lacks {text:?}:\n{md}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(session.join("minutes.json")).unwrap()).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 8);
    assert_eq!(json["items"][0]["actions"][0]["who"], "Helle");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in ["journal.jsonl", "minutes.md", "minutes.json", "agenda.json"] {
            let mode = fs::metadata(session.join(f)).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{f} must be readable by the user only");
        }
    }
}

#[test]
fn built_in_example_runs_and_quitting_before_start_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[]);
    p.wait_for("Centerledermøde");
    // Before the clock starts the plan screen is the editor, one row per item.
    p.wait_for("1. Referat og referent");
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn resize_down_to_tiny_and_back_never_breaks() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    for (w, h) in [(20, 5), (10, 3), (80, 24), (1, 1), (160, 48)] {
        p.resize(w, h);
        // Help opens and closes at every size (Esc alone: Esc and a key at once read as Alt).
        p.send("?");
        std::thread::sleep(std::time::Duration::from_millis(100));
        p.send("\x1b");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    p.resize(100, 30);
    p.wait_gone("Esc eller ? lukker");
    // Too small for the layout: the remaining time alone, in big digits.
    p.resize(20, 5);
    p.wait_until("the remaining time alone", PATIENCE, |s| {
        s.contains('█') && !s.contains("Punkt")
    });
    p.resize(100, 30);
    p.wait_for("Punkt 1");
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    let pid = p.pid().unwrap();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    p.wait_exit(PATIENCE);
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    // Left the alternate screen and showed the cursor again.
    assert!(raw.contains("\x1b[?1049l"), "alternate screen not left");
    let session = only_session(tmp.path());
    assert!(events(&session).contains(&Event::MeetingStarted));
}

#[test]
fn offers_to_resume_an_unfinished_session_of_the_same_agenda() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.send("n");
    p.wait_for("Punkt 2: Eigil");
    p.kill_9();
    // The question is in the agenda's language, and one key answers it: no Enter.
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Genoptag den? [J/n]");
    p.send("j");
    p.wait_for("Punkt 2: Eigil");
    p.wait_for("Genoptaget");
}

#[test]
fn n_declines_to_resume_and_starts_a_new_session() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.kill_9();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Der findes en uafsluttet session af denne dagsorden");
    p.send("n");
    p.wait_for("Tryk mellemrum");
    assert!(
        p.screen().contains("1. Referat og referent"),
        "{}",
        p.screen()
    );
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2);
    p.send("q");
    p.wait_for("(j/n)");
    p.send("j");
    p.wait_exit(PATIENCE);
}

#[test]
fn agenda_text_cannot_drive_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let agenda = tmp.path().join("evil.md");
    fs::write(
        &agenda,
        "# Møde \u{1b}]0;pwned\u{7}\n\nDato: 2022-03-14\n\n## 1. Titel \u{1b}[2J\u{1b}[31mrød (10 min)\n\nTekst \u{1b}[?1049l her\n",
    )
    .unwrap();
    let sessions = tmp.path().join("s");
    let mut p = run(&sessions, &[agenda.to_str().unwrap()]);
    p.wait_for("Titel rød");
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    assert!(!raw.contains("pwned"));
    assert!(!raw.contains("\u{1b}[2J\u{1b}[31mrød"));
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    p.wait_exit(PATIENCE);
}

#[test]
fn hang_up_ends_the_program_and_keeps_the_session_resumable() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    // The terminal goes away (closed window, dropped ssh link).
    p.hang_up();
    p.wait_exit(PATIENCE);
    let session = only_session(tmp.path());
    let evs = events(&session);
    assert!(evs.contains(&Event::MeetingStarted));
    assert!(
        !evs.contains(&Event::MeetingEnded),
        "a hang-up is not the end of the meeting"
    );
}
