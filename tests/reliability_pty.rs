//! The real binary in a pseudo-terminal under hostile conditions: signals that end it or stop
//! it, a file-size limit that makes writes fail, and a resumed journal it cannot read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::{PATIENCE, Pty};
use common::session::{SEED, only_session, run};
use referent::session::journal;

fn signal(p: &Pty, name: &str) {
    let pid = p.pid().expect("pid").to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The process state letter from /proc: 'T' when stopped.
fn state(p: &Pty) -> char {
    let pid = p.pid().expect("pid");
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state follows the command name in parentheses.
    stat.rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next())
        .unwrap_or('?')
}

fn wait_state(p: &mut Pty, want: char) {
    let end = Instant::now() + PATIENCE;
    while state(p) != want {
        assert!(Instant::now() < end, "state stayed {}", state(p));
        p.pump(Duration::from_millis(20));
    }
}

/// The screen has been handed back: alternate screen left and cursor shown.
fn wait_restored(p: &mut Pty) {
    let end = Instant::now() + PATIENCE;
    loop {
        p.pump(Duration::from_millis(20));
        let s = p.parser.screen();
        if !s.alternate_screen() && !s.hide_cursor() {
            return;
        }
        assert!(
            Instant::now() < end,
            "terminal not restored:\n{}",
            p.screen()
        );
    }
}

#[test]
fn sigquit_and_sigusr1_restore_the_terminal_before_the_end() {
    for sig in ["QUIT", "USR1"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut p = run(tmp.path(), &[SEED]);
        p.wait_for("Tryk mellemrum");
        assert!(p.parser.screen().alternate_screen());
        p.send(" ");
        p.wait_for("KØRER");
        signal(&p, sig);
        let status = p.wait_exit(PATIENCE);
        assert!(status.success(), "SIG{sig}: {status:?}");
        let s = p.parser.screen();
        assert!(
            !s.alternate_screen(),
            "SIG{sig}: still on the alternate screen"
        );
        assert!(!s.hide_cursor(), "SIG{sig}: cursor still hidden");
        // The journal keeps the meeting resumable.
        let (records, _) = journal::read(&only_session(tmp.path()).join("journal.jsonl")).unwrap();
        assert!(records.len() >= 2);
    }
}

/// SIGTSTP from outside, or Ctrl-Z: the terminal is handed back in cooked mode and the program
/// stops; on SIGCONT raw mode and the screen come back.
#[test]
fn stop_and_continue_hand_the_terminal_back_and_take_it_again() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    for (how, current, next) in [
        ("SIGTSTP", "Punkt 1: Referat og referent", "Punkt 2: Eigil"),
        ("Ctrl-Z", "Punkt 2: Eigil", "Punkt 3: Kvalitetshåndbog"),
    ] {
        if how == "Ctrl-Z" {
            p.send("\u{1a}");
        } else {
            signal(&p, "TSTP");
        }
        wait_state(&mut p, 'T');
        wait_restored(&mut p);
        // Cooked mode: the terminal echoes what is typed (raw mode would not).
        p.send("zz");
        p.wait_for("zz");
        signal(&p, "CONT");
        let end = Instant::now() + PATIENCE;
        while !p.parser.screen().alternate_screen() {
            assert!(
                Instant::now() < end,
                "{how}: not back on the alternate screen"
            );
            p.pump(Duration::from_millis(20));
        }
        p.wait_for(current);
        assert!(p.parser.screen().hide_cursor(), "{how}");
        // Keys work again: raw mode is back.
        p.send("n");
        p.wait_for(next);
    }
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
}

/// A file-size limit (`ulimit -f`) makes a journal write fail part-way: the program must live
/// (SIGXFSZ ignored), keep the form open with its text, show a lasting banner, and leave the
/// journal ending on its last whole record.
#[test]
fn a_file_size_limit_fails_the_write_and_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let agenda = tmp.path().join("kort.json");
    fs::write(
        &agenda,
        r#"{"title":"Kort","items":[{"number":"1","title":"Punkt","minutes":10}]}"#,
    )
    .unwrap();
    let sessions = tmp.path().join("s");
    let script = "ulimit -f 2; exec \"$0\" \"$@\"";
    let mut p = Pty::spawn(
        "sh",
        &[
            "-c",
            script,
            env!("CARGO_BIN_EXE_referent"),
            "--sessions-dir",
            sessions.to_str().unwrap(),
            "run",
            agenda.to_str().unwrap(),
        ],
        100,
        30,
        &[],
    );
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    let mut saved = 0;
    let mut failed_text = None;
    for i in 0..12 {
        p.send("c");
        p.wait_for("Noter");
        let text = format!("note{i:02} {}", "x".repeat(120));
        p.send(&text);
        p.wait_for(&format!("note{i:02}"));
        p.send("\r");
        p.wait_until("saved or failed", PATIENCE, |s| {
            s.contains("Gemt") || s.contains("KUNNE IKKE GEMME")
        });
        if p.screen().contains("KUNNE IKKE GEMME") {
            failed_text = Some(format!("note{i:02}"));
            break;
        }
        saved += 1;
    }
    let failed = failed_text.expect("the size limit was never reached");
    assert!(saved >= 1);
    // The form is still open, with what was typed (Home scrolls the field to its start).
    p.send("\u{1b}[H");
    let screen = p.wait_for(&failed);
    assert!(screen.contains("┌ Noter"), "form closed:\n{screen}");
    // The banner stays when other keys are pressed.
    p.send("\u{1b}");
    p.wait_for("(j/n)");
    p.send("y");
    p.send("j");
    p.pump(Duration::from_millis(200));
    assert!(p.screen().contains("KUNNE IKKE GEMME"), "{}", p.screen());
    // Still alive, and the journal ends on its last whole record.
    assert!(p.pid().is_some());
    let session = only_session(&sessions);
    let (records, report) = journal::read(&session.join("journal.jsonl")).unwrap();
    assert!(
        report.bad_lines.is_empty() && report.torn_tail.is_none(),
        "{report:?}"
    );
    let notes = records
        .iter()
        .filter(|r| matches!(r.event, referent::session::Event::Note { .. }))
        .count();
    assert_eq!(notes, saved);
    // Fill what is left with the shortest records (pause, resume) until one fails: then the
    // end of the meeting cannot be saved either.
    let mut filled = false;
    for _ in 0..40 {
        p.send(" ");
        p.pump(Duration::from_millis(150));
        if p.screen().contains("KUNNE IKKE GEMME") {
            filled = true;
            break;
        }
    }
    assert!(filled, "{}", p.screen());
    // Ending the meeting fails too: the screen stays, with the banner, until asked again.
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    p.pump(Duration::from_millis(300));
    assert!(p.screen().contains("KUNNE IKKE GEMME"), "{}", p.screen());
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    assert!(p.wait_exit(PATIENCE).success());
    let out = String::from_utf8_lossy(&p.raw).into_owned();
    assert!(out.contains("genoptag med: referent run --resume"), "{out}");
    let (records, report) = journal::read(&session.join("journal.jsonl")).unwrap();
    assert!(report.bad_lines.is_empty() && report.torn_tail.is_none());
    assert!(
        !records
            .iter()
            .any(|r| r.event == referent::session::Event::MeetingEnded)
    );
    let stray: Vec<_> = fs::read_dir(&session)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// A resumed journal whose records after `opened` cannot be read shows a meeting that never
/// started; closing it must not remove the folder with what could be recovered.
#[test]
fn closing_a_resumed_unreadable_journal_keeps_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p = run(tmp.path(), &[SEED]);
    p.wait_for("Tryk mellemrum");
    p.send(" ");
    p.wait_for("KØRER");
    p.kill_9();
    let session = only_session(tmp.path());
    let path = session.join("journal.jsonl");
    let text = fs::read_to_string(&path).unwrap();
    // Every record after `opened` is written by a "newer version" this one cannot read.
    let damaged: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                format!("{}\n", l.replace("meeting_started", "meeting_started_v2"))
            }
        })
        .collect();
    fs::write(&path, &damaged).unwrap();
    let mut p = run(tmp.path(), &["--resume", session.to_str().unwrap()]);
    p.wait_for("Tryk mellemrum");
    // A meeting that never started is not "resumed after an interruption".
    assert!(
        !p.screen().contains("Genoptaget efter afbrydelse"),
        "{}",
        p.screen()
    );
    p.send("q");
    p.wait_for("(j/n)");
    p.send("y");
    p.wait_exit(PATIENCE);
    assert!(session.exists(), "the folder was removed");
    assert_eq!(fs::read_to_string(&path).unwrap(), damaged);
    let out = String::from_utf8_lossy(&p.raw).into_owned();
    assert!(out.contains("kept"), "{out}");
}

/// Minutes written under a file-size limit: the program reports the error instead of dying of
/// SIGXFSZ, and leaves no temporary file behind.
#[test]
fn minutes_past_the_file_size_limit_fail_cleanly_without_stray_files() {
    let tmp = tempfile::tempdir().unwrap();
    let session = tmp.path().join("2022-03-14-centerledermoede-d-14-03-2022");
    fs::create_dir(&session).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(session.file_name().unwrap());
    for name in ["agenda.json", "journal.jsonl"] {
        fs::copy(example.join(name), session.join(name)).unwrap();
    }
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -f 1; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_referent"),
        ])
        .arg("minutes")
        .arg(&session)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Exit code 1 with a message; a process killed by SIGXFSZ has no exit code.
    assert_eq!(out.status.code(), Some(1), "{:?} {stderr}", out.status);
    assert!(stderr.contains("too large"), "{stderr}");
    let names: Vec<String> = fs::read_dir(&session)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

/// A file name is printed with its control characters escaped, in every kind of message.
#[test]
fn file_names_in_messages_cannot_drive_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = tmp.path().join("x\u{1b}]0;pwned\u{7}\u{9b}2J.json");
    fs::write(&evil, "[]").unwrap();
    let referent = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_referent"))
            .args(args)
            .env("REFERENT_SESSIONS_DIR", tmp.path())
            .output()
            .unwrap()
    };
    let check = referent(&["check".as_ref(), evil.as_os_str()]);
    let resume = referent(&["run".as_ref(), "--resume".as_ref(), evil.as_os_str()]);
    for (what, out, says) in [(&"check", check, "found a list"), (&"run", resume, "pwned")] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{what}");
        assert!(stderr.contains(says), "{what}: {stderr}");
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{9b}') && !stderr.contains('\u{7}'),
            "{what}: {stderr:?}"
        );
    }
}
