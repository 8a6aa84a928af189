//! Around the edges: commands without a terminal, files that are not there, a person both
//! present and absent, the draft of the next agenda, and the built-in example's minutes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::{NaiveDate, NaiveTime};
use referent::archive::{self, Archive};
use referent::i18n::Lang;
use referent::session::state::Meeting;
use referent::session::{Clock, Event, FakeClock, store};

fn referent(sessions: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referent"))
        // No locale: messages without an agenda are in English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(args)
        .env("REFERENT_SESSIONS_DIR", sessions)
        .current_dir(sessions)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

/// Found trying `follow` and `review` in a pipe: `os error 6` and escape sequences; `run` in a
/// pipe began a session it could not show.
#[test]
fn screen_commands_without_a_terminal_say_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["follow", "review"] {
        let out = referent(dir.path(), &[command]);
        assert!(!out.status.success(), "{command}");
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr,
            format!(
                "referent: {command} needs a terminal; for a script use `referent minutes` or \
                 `referent actions --json`\n"
            ),
            "{command}"
        );
        assert!(out.stdout.is_empty(), "{command}: {:?}", text(&out.stdout));
        assert!(!stderr.contains('\u{1b}') && !stderr.contains("os error"));
    }
    // The built-in example is Danish: `run` says so in its language; `--lang` decides first.
    let out = referent(dir.path(), &["run"]);
    assert!(text(&out.stderr).starts_with("referent: run kræver en terminal;"));
    let out = referent(dir.path(), &["run", "--lang", "nn"]);
    assert!(text(&out.stderr).starts_with("referent: run krev ein terminal;"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no session is begun"
    );
    let out = referent(dir.path(), &["review", "--lang", "da"]);
    assert!(text(&out.stderr).starts_with("referent: review kræver en terminal;"));
}

/// Found trying `run nope.md`: `nope.md:0: cannot read: … (os error 2)`.
#[test]
fn a_missing_agenda_is_named_without_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = common::session::run(dir.path(), &["nope.md"]);
    assert!(!p.wait_exit(std::time::Duration::from_secs(20)).success());
    let out = String::from_utf8_lossy(&p.raw).into_owned();
    assert!(out.contains("referent: nope.md: no such file"), "{out:?}");
    assert!(!out.contains(":0:") && !out.contains("os error"), "{out:?}");
    let out = referent(dir.path(), &["check", "nope.md"]);
    assert_eq!(text(&out.stderr), "nope.md: no such file\n");
    let out = referent(dir.path(), &["check", "."]);
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(".: cannot read: "), "{stderr}");
    assert!(!stderr.contains(":0:"), "{stderr}");
}

const DOUBLE: &str = "Dagsorden til ledermøde\n\nDato: Mandag den 4. april 2022\nMødetid: kl. 9.00\n\
    Deltagere: Anne Mikkelsen, Jonas Berg og Peter Dam\nAfbud: Peter Dam\n\n\
    Pkt. 1 Godkendelse af dagsorden (5 min)\n\nPkt. 2 Eventuelt (5 min)\n";

/// Found trying `check`: a name both under *Deltagere* and *Afbud* passed silently and the
/// minutes listed the person twice.
#[test]
fn a_participant_who_sent_apologies_is_warned_about_and_listed_once_as_absent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("double.txt");
    std::fs::write(&file, DOUBLE).unwrap();
    let out = referent(dir.path(), &["check", file.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "advarsel: Peter Dam står både som deltager og med afbud; regnes som fraværende"
        ),
        "{stdout}"
    );

    let agenda = referent::agenda::parse("double.txt", DOUBLE.as_bytes(), None)
        .unwrap()
        .agenda;
    let minutes = referent::minutes::to_markdown(&Meeting::new(agenda), Lang::Da);
    assert_eq!(minutes.matches("Peter Dam").count(), 1, "{minutes}");
    let absent = minutes
        .lines()
        .find(|l| l.contains("Peter Dam"))
        .unwrap_or_default();
    assert!(absent.starts_with("- **Afbud:**"), "{minutes}");
}

/// The built-in example is held on the day it is run: its title and the minutes' date agree.
/// Found trying it: *Dato: tirsdag den 1. december 2026* under *d. 14-03-2022*.
#[test]
fn the_example_is_dated_the_day_it_is_run() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let imported = referent::commands::run::example(today).unwrap();
    let agenda = imported.agenda;
    assert_eq!(agenda.date, Some(today));
    assert!(agenda.title.contains("01-12-2026"), "{}", agenda.title);
    let minutes = referent::minutes::to_markdown(&Meeting::new(agenda), Lang::Da);
    let header: String = minutes.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(!header.contains("2022"), "{header}");
    assert!(!minutes.contains("14-03-2022"), "{minutes}");
    assert!(
        minutes.contains("tirsdag den 1. december 2026"),
        "{minutes}"
    );
}

/// Found trying `next-agenda`: the end and those with apologies were dropped, and every note
/// under *Eventuelt* became an item.
#[test]
fn next_agenda_keeps_members_and_end_and_takes_only_points_meant_for_it() {
    let root = tempfile::tempdir().unwrap();
    let mut agenda = common::fixtures::series_agenda(
        "Ledermøde d. 1. december 2026",
        "2026-12-01",
        &[("Referat", 10), ("Budget", 20), ("Eventuelt", 10)],
    );
    agenda.absent = vec!["Maja".into()];
    agenda.end = NaiveTime::from_hms_opt(15, 0, 0);
    let (dir, mut j) = store::create(root.path(), &agenda, agenda.date.unwrap()).unwrap();
    let c = FakeClock::at("2026-12-01T13:30:00+01:00");
    let mut ev = |e: Event| {
        j.append(c.now(), e).unwrap();
    };
    ev(Event::Opened {
        app_version: "test".into(),
    });
    ev(Event::MeetingStarted);
    ev(Event::ItemStarted { item: 1 });
    ev(Event::ItemStarted { item: 2 });
    for text in [
        "Til næste møde: Trivselsmåling",
        "Næste møde holdes hos Rie",
        "Helle fortalte om julefrokosten",
    ] {
        ev(Event::Note {
            item: 2,
            text: text.into(),
        });
    }
    ev(Event::MeetingEnded);
    let archive = Archive::load(root.path());
    let index = archive.position_of(&dir).unwrap();
    let draft = archive::next::draft(&archive, index).unwrap();
    let a = &draft.agenda;
    assert_eq!(a.title, "Ledermøde d. 8. december 2026");
    assert_eq!(a.end, NaiveTime::from_hms_opt(15, 0, 0));
    assert_eq!(a.participants, ["Helle", "Rie", "Eigil", "Maja"]);
    assert!(a.absent.is_empty());
    let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Referat", "Trivselsmåling", "Eventuelt"]);
}

/// A session with one decision, and beside the sessions a journal of another meeting whose
/// decision must never show up in this one's minutes, review or projector.
#[cfg(unix)]
fn session_and_outside_journal(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let agenda = common::fixtures::series_agenda(
        "Ledermøde d. 1. december 2026",
        "2026-12-01",
        &[("Referat", 10), ("Eventuelt", 10)],
    );
    let c = FakeClock::at("2026-12-01T13:30:00+01:00");
    let sessions = root.join("sessions");
    let mut dirs = vec![];
    for (title, text) in [("Ledermøde", "Vores beslutning"), ("Andet", "Udefra")] {
        let mut agenda = agenda.clone();
        agenda.title = title.into();
        let (dir, mut j) = store::create(&sessions, &agenda, agenda.date.unwrap()).unwrap();
        for e in [
            Event::MeetingStarted,
            Event::Decision {
                item: 0,
                text: text.into(),
            },
        ] {
            j.append(c.now(), e).unwrap();
        }
        dirs.push(dir);
    }
    // The other meeting's journal is moved out of the sessions folder.
    let outside = root.join("outside.jsonl");
    std::fs::rename(dirs[1].join(store::JOURNAL_FILE), &outside).unwrap();
    std::fs::remove_dir_all(&dirs[1]).unwrap();
    (dirs.swap_remove(0), outside)
}

/// Issue 13.5, the reading side: `minutes`, the archive behind `review` and `actions`, and
/// `follow` read a journal or agenda through a planted symlink (the minutes of the other
/// meeting were written into this session's folder). Each now refuses it and names the file.
#[cfg(unix)]
#[test]
fn readers_refuse_a_symlinked_journal_or_agenda_and_name_it() {
    use referent::ui::follow::{Follower, Notice, Source};
    let root = tempfile::tempdir().unwrap();
    let (dir, outside) = session_and_outside_journal(root.path());
    let sessions = dir.parent().unwrap().to_path_buf();
    let journal = dir.join(store::JOURNAL_FILE);
    let own = dir.join("own.jsonl");
    std::fs::rename(&journal, &own).unwrap();
    std::os::unix::fs::symlink(&outside, &journal).unwrap();
    let refused = |s: &str, file: &str| {
        s.contains(&format!("{file} is a symbolic link")) && !s.contains("Udefra")
    };

    let out = referent(&sessions, &["minutes", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(refused(&stderr, "journal.jsonl"), "{stderr}");
    assert!(!dir.join(store::MINUTES_MD).exists(), "no minutes written");

    let archive = Archive::load(&sessions);
    assert!(archive.sessions.is_empty(), "{:?}", archive.sessions.len());
    assert!(
        archive.problems.iter().any(|p| refused(p, "journal.jsonl")),
        "{:?}",
        archive.problems
    );

    let mut follower = Follower::new(Source::Session(dir.clone()));
    follower.check();
    match follower.notice() {
        Some(Notice::Unreadable(e)) => assert!(refused(e, "journal.jsonl"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(follower.meeting().unwrap().last_seq, 0, "nothing read");
    // Looking for the newest session to follow, one that would be refused is passed over.
    assert_eq!(store::newest_unfinished(&sessions), None);

    // The same for the agenda.
    std::fs::remove_file(&journal).unwrap();
    std::fs::rename(&own, &journal).unwrap();
    let agenda = dir.join(store::AGENDA_FILE);
    let outside_agenda = root.path().join("outside.json");
    std::fs::rename(&agenda, &outside_agenda).unwrap();
    std::os::unix::fs::symlink(&outside_agenda, &agenda).unwrap();
    let out = referent(&sessions, &["minutes", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(refused(&stderr, "agenda.json"), "{stderr}");
    let mut follower = Follower::new(Source::Session(dir.clone()));
    follower.check();
    match follower.notice() {
        Some(Notice::AgendaUnreadable(e)) => assert!(refused(e, "agenda.json"), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(follower.meeting().is_none());
    // Nor is it offered for resuming when its agenda is run again.
    let same = referent::agenda::load(&outside_agenda, Some(referent::agenda::Format::Json))
        .unwrap()
        .agenda;
    assert!(store::unfinished_of(&sessions, &same).is_empty());
}

/// Issue 13.5: a session folder that is a symlink to a folder of another user was followed by
/// `follow`; every reader refuses it, naming the folder's owner. Giving a folder away needs
/// root (CI runs as root); as another user this checks nothing and says so.
#[cfg(unix)]
#[test]
fn readers_refuse_a_session_folder_linked_to_another_users() {
    use referent::ui::follow::{Follower, Notice, Source};
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: giving a folder to another user needs root");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let (theirs, _) = session_and_outside_journal(root.path());
    let sessions = root.path().join("mine");
    std::fs::create_dir(&sessions).unwrap();
    let link = sessions.join(theirs.file_name().unwrap());
    std::os::unix::fs::symlink(&theirs, &link).unwrap();
    std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
    let refused = |s: &str| s.contains("belongs to user id 65534") && !s.contains("Vores");

    let out = referent(&sessions, &["minutes", link.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(refused(&stderr), "{stderr}");
    let archive = Archive::load(&sessions);
    assert!(archive.sessions.is_empty());
    assert!(
        archive.problems.iter().any(|p| refused(p)),
        "{:?}",
        archive.problems
    );
    let mut follower = Follower::new(Source::Session(link.clone()));
    follower.check();
    match follower.notice() {
        Some(Notice::AgendaUnreadable(e)) => assert!(refused(e), "{e}"),
        other => panic!("{other:?}"),
    }
    assert!(follower.meeting().is_none());
    assert_eq!(store::newest_unfinished(&sessions), None);
}

/// Issue 13.3: a journal with repeated lines was read by the archive (behind `review`,
/// `actions` and `next-agenda`) without a word, while `minutes` and `run` said what the fold
/// left out. The archive says it too, naming the journal.
#[test]
fn the_archive_reports_repeated_records() {
    let root = tempfile::tempdir().unwrap();
    let agenda = common::fixtures::series_agenda(
        "Ledermøde d. 1. december 2026",
        "2026-12-01",
        &[("Referat", 10), ("Eventuelt", 10)],
    );
    let (dir, mut j) = store::create(root.path(), &agenda, agenda.date.unwrap()).unwrap();
    let c = FakeClock::at("2026-12-01T13:30:00+01:00");
    j.append(c.now(), Event::MeetingStarted).unwrap();
    j.append(c.now(), Event::ItemStarted { item: 1 }).unwrap();
    drop(j);
    let journal = dir.join(store::JOURNAL_FILE);
    let text = std::fs::read_to_string(&journal).unwrap();
    let first = text.lines().next().unwrap();
    std::fs::write(&journal, format!("{text}{first}\n{first}\n")).unwrap();
    let archive = Archive::load(root.path());
    assert_eq!(archive.sessions.len(), 1);
    assert!(
        archive.problems.iter().any(|p| p.contains("journal.jsonl")
            && p.contains("2 repeated record(s) (identical lines) were counted once (seq 1, 1)")),
        "{:?}",
        archive.problems
    );
}
