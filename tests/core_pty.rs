//! The meeting core's bugs as a user meets them: the real binary in a pseudo-terminal over the
//! seed agenda. A deferred item stays deferred; a second window cannot write the same session;
//! a paste without bracketed-paste markers never runs as commands.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::{PATIENCE, Pty};
use referent::session::event::{Event, Record};
use referent::session::journal;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/centerledermoede-2022-03-14.txt"
);

fn run(sessions: &Path, args: &[&str]) -> Pty {
    let dir = sessions.to_str().unwrap();
    let mut all = vec!["--sessions-dir", dir, "run"];
    all.extend_from_slice(args);
    Pty::spawn(env!("CARGO_BIN_EXE_referent"), &all, 100, 30, &[])
}

fn only_session(sessions: &Path) -> PathBuf {
    let dirs: Vec<PathBuf> = fs::read_dir(sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "expected one session folder: {dirs:?}");
    dirs[0].clone()
}

fn records(session: &Path) -> Vec<Record> {
    journal::read(&session.join("journal.jsonl")).unwrap().0
}

fn finish(p: &mut Pty) {
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
}

/// Bug 1: Space, n, R, 3 (defer), the next item, then n opened the deferred item, and the
/// minutes showed it as treated.
#[test]
fn n_skips_a_deferred_item_and_the_minutes_keep_it_deferred() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.send("n");
    p.wait_for("Punkt 2: Eigil orienterer");
    p.send("R");
    p.wait_for("Udsæt et punkt");
    p.send("3");
    p.wait_for("Vælg punkt");
    // The first pending item, 3. Kvalitetshåndbog.
    p.send("1");
    p.wait_for("» 3.");
    p.send("n");
    p.wait_for("Punkt 4: Budget 2023");
    p.send("c");
    p.wait_for("Noter");
    p.type_text("noteret under budget");
    p.send("\r");
    p.wait_for("✎ noteret");
    finish(&mut p);

    let session = only_session(tmp.path());
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(session.join("minutes.json")).unwrap()).unwrap();
    assert_eq!(
        json["items"][2]["status"], "deferred",
        "{}",
        json["items"][2]
    );
    assert_eq!(json["items"][3]["status"], "done");
}

/// Bug 4: a second `run` of the same agenda offered to "resume" the session the first window
/// was running, logged a false interruption, and both wrote. Now it says who holds the session
/// and offers `follow`; the first window's journal stays its own.
#[test]
fn a_second_window_cannot_write_a_running_session_and_follows_it_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = run(tmp.path(), &[SEED]);
    first.wait_for("Tryk mellemrum");
    first.send(" ");
    first.wait_for("KØRER");
    let pid = first.pid().unwrap();

    let mut second = run(tmp.path(), &[SEED]);
    second.wait_for("åbent i et andet vindue");
    second.wait_for(&format!("pid {pid}"));
    second.wait_for("[J/n]");
    assert!(second.screen().contains("referent follow"));
    // One key answers; `y` works as well as `j`.
    second.send("y");
    second.wait_for("Punkt 1: Referat og referent");

    // What the first window does, the second shows.
    first.send("n");
    first.wait_for("Punkt 2: Eigil orienterer");
    second.wait_for("Punkt 2: Eigil orienterer");
    second.send("q");
    assert!(second.wait_exit(PATIENCE).success());

    finish(&mut first);
    let session = only_session(tmp.path());
    let recs = records(&session);
    assert!(
        !recs
            .iter()
            .any(|r| matches!(r.event, Event::Recovered { .. })),
        "no false interruption"
    );
    let mut seqs: Vec<u64> = recs.iter().map(|r| r.seq).collect();
    seqs.dedup();
    assert_eq!(seqs.len(), recs.len(), "one writer: every seq once");
    assert!(matches!(recs.last().unwrap().event, Event::MeetingEnded));

    // The lock goes with the process, even under kill -9: the session can be resumed then.
    let mut third = run(tmp.path(), &["--resume", session.to_str().unwrap()]);
    third.wait_for("AFSLUTTET");
    third.kill_9();
    let mut fourth = run(tmp.path(), &["--resume", session.to_str().unwrap()]);
    fourth.wait_for("AFSLUTTET");
    fourth.send("q");
    fourth.wait_until("the quit question or exit", Duration::from_secs(15), |s| {
        s.contains("(j/n)") || s.is_empty()
    });
}

/// Bug 8: pasting two lines into a note without bracketed paste saved line 1 and ran line 2 as
/// commands (it recorded an attendance change). The keys after the Enter are held now.
#[test]
fn an_unbracketed_paste_never_runs_as_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.send("c");
    p.wait_for("Noter");
    // One write, as a terminal without bracketed paste delivers a pasted text.
    p.send("første linje\rA2");
    p.wait_for("Taster kom lige efter");
    p.send("n");
    p.wait_for("✎ første linje");
    finish(&mut p);

    let recs = records(&only_session(tmp.path()));
    assert!(
        !recs
            .iter()
            .any(|r| matches!(r.event, Event::Attendance { .. } | Event::Movement { .. })),
        "the pasted line ran as commands: {recs:?}"
    );
    assert!(recs.iter().any(|r| matches!(
        &r.event,
        Event::Note { text, .. } if text == "første linje"
    )));
}
