//! `referent follow` in a pseudo-terminal, following a journal that this test appends to as
//! another writer would: the screen follows, the terminal is restored, the session untouched.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::Local;
use common::pty::Pty;
use referent::agenda::{Agenda, Item};
use referent::session::event::Event;
use referent::session::journal::Journal;
use referent::session::store;
use referent::session::{Record, Time};

const BIN: &str = env!("CARGO_BIN_EXE_referent");

fn agenda() -> Agenda {
    let item = |n: &str, t: &str, m| Item {
        number: n.into(),
        title: t.into(),
        minutes: Some(m),
        ..Default::default()
    };
    Agenda {
        title: "Centerledermøde".into(),
        items: vec![
            item("1", "Referat og referent", 10),
            item("2", "Budget 2023", 15),
            item("3", "Eventuelt", 5),
        ],
        ..Default::default()
    }
}

/// The follower reads the system clock, so the records carry the real time.
fn now() -> Time {
    Local::now().fixed_offset()
}

fn append(j: &mut Journal, event: Event) -> Record {
    j.append(now(), event).unwrap()
}

/// Every file in the folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn assert_terminal_restored(pty: &Pty) {
    let raw = String::from_utf8_lossy(&pty.raw);
    let entered = raw
        .rfind("\u{1b}[?1049h")
        .expect("entered the alternate screen");
    let left = raw
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    assert!(left > entered, "the alternate screen was left last");
    assert!(!pty.parser.screen().alternate_screen());
}

#[test]
fn follows_another_writer_through_items_break_and_end() {
    let root = tempfile::tempdir().unwrap();
    let (dir, mut j) = store::create(root.path(), &agenda(), Local::now().date_naive()).unwrap();
    append(
        &mut j,
        Event::Opened {
            app_version: "test".into(),
        },
    );
    append(&mut j, Event::MeetingStarted);

    let dir_arg = dir.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(BIN, &["follow", &dir_arg], 100, 30, &[]);
    pty.wait_for_line("Punkt 1: Referat og referent");
    pty.wait_for_line("Næste: Punkt 2: Budget 2023");

    append(&mut j, Event::ItemStarted { item: 1 });
    pty.wait_for_line("Punkt 2: Budget 2023");

    append(&mut j, Event::Paused);
    pty.wait_for_line("Pausen har varet");
    assert!(pty.screen().contains("PAUSE"));

    // The fuller layout puts the agenda beside the break.
    pty.send("f");
    pty.wait_until("the agenda list", Duration::from_secs(15), |s| {
        s.contains("✓") && s.contains("▶ ")
    });

    append(&mut j, Event::Resumed);
    append(&mut j, Event::MeetingEnded);
    pty.wait_for_line("Mødet er slut");

    let before = snapshot(&dir);
    pty.send("q");
    let status = pty.wait_exit(Duration::from_secs(15));
    assert!(status.success(), "{status:?}");
    assert_terminal_restored(&pty);
    assert_eq!(snapshot(&dir), before, "the follower changed the session");
}

#[test]
fn waits_for_a_session_that_does_not_exist_yet_and_stops_on_sigterm() {
    let root = tempfile::tempdir().unwrap();
    let date = Local::now().date_naive();
    let dir = root
        .path()
        .join(format!("{}-centerledermoede", date.format("%Y-%m-%d")));
    let dir_arg = dir.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(BIN, &["follow", &dir_arg, "--lang", "en"], 100, 30, &[]);
    pty.wait_until("the waiting notice", Duration::from_secs(15), |s| {
        s.contains("Waiting for session")
    });
    assert!(!dir.exists(), "following must not create the session");

    let (made, mut j) = store::create(root.path(), &agenda(), date).unwrap();
    assert_eq!(made, dir);
    append(&mut j, Event::MeetingStarted);
    pty.wait_for_line("Item 1: Referat og referent");

    let before = snapshot(&dir);
    let pid = pty.pid().expect("child pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    pty.wait_exit(Duration::from_secs(15));
    assert_terminal_restored(&pty);
    assert_eq!(snapshot(&dir), before, "the follower changed the session");
}

#[test]
fn newest_unfinished_session_in_the_sessions_dir_by_default() {
    let root = tempfile::tempdir().unwrap();
    let sessions = root.path().join("sessions");
    let sessions_arg = sessions.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(
        BIN,
        &[
            "--sessions-dir",
            &sessions_arg,
            "follow",
            "--theme",
            "high-contrast",
        ],
        100,
        30,
        // No meeting yet, so the locale decides the language.
        &[("NO_COLOR", "1"), ("LANG", "da_DK.UTF-8")],
    );
    pty.wait_until("the waiting notice", Duration::from_secs(15), |s| {
        s.contains("Venter på et møde i")
    });
    let (_, mut j) = store::create(&sessions, &agenda(), Local::now().date_naive()).unwrap();
    append(&mut j, Event::MeetingStarted);
    pty.wait_for_line("Punkt 1: Referat og referent");
    pty.send("\u{3}"); // Ctrl-C
    assert!(pty.wait_exit(Duration::from_secs(15)).success());
    assert_terminal_restored(&pty);
}

#[test]
fn exits_when_its_terminal_goes_away() {
    let root = tempfile::tempdir().unwrap();
    let (dir, mut j) = store::create(root.path(), &agenda(), Local::now().date_naive()).unwrap();
    append(&mut j, Event::MeetingStarted);
    let dir_arg = dir.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(BIN, &["follow", &dir_arg], 100, 30, &[]);
    pty.wait_for_line("Punkt 1: Referat og referent");
    // Without its terminal the follower must stop rather than spin on a dead tty.
    pty.hang_up();
    pty.wait_exit(Duration::from_secs(15));
}
