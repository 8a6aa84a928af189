//! `referent minutes` on session folders written the way the live app writes them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{NaiveDate, NaiveTime};
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;
use referent::minutes::json::MinutesDoc;
use referent::session::clock::{Clock, FakeClock};
use referent::session::store;
use referent::session::{Event, Outcome};

fn agenda() -> Agenda {
    Agenda {
        title: "Centerledermøde".into(),
        date: NaiveDate::from_ymd_opt(2022, 3, 14),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        place: Some("Hos Eigil".into()),
        referent: Some("Helle".into()),
        participants: vec!["Helle".into(), "Eigil".into()],
        absent: vec!["Rie".into()],
        language: Lang::Da,
        items: vec![
            Item {
                number: "1".into(),
                title: "Referat og referent".into(),
                minutes: Some(10),
                recommendation: vec!["at der findes en referent".into()],
                ..Default::default()
            },
            Item {
                number: "2".into(),
                title: "Budget 2023".into(),
                minutes: Some(15),
                ..Default::default()
            },
        ],
        ..Default::default()
    }
}

/// A session folder with the meeting recorded up to item 2; `ended` adds the end.
fn session(root: &Path, ended: bool) -> PathBuf {
    let date = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
    let (dir, mut journal) = store::create(root, &agenda(), date).unwrap();
    let clock = FakeClock::at("2022-03-14T13:31:00+01:00");
    let mut log = |secs: i64, event: Event| {
        clock.advance_secs(secs);
        journal.append(clock.now(), event).unwrap();
    };
    log(0, Event::MeetingStarted);
    log(
        240,
        Event::Outcome {
            item: 0,
            clause: None,
            outcome: Outcome::Approved,
            text: "Indstillingen blev godkendt.".into(),
        },
    );
    log(
        60,
        Event::ActionAdded {
            item: 0,
            what: "Send referatet".into(),
            who: "Helle".into(),
            due: NaiveDate::from_ymd_opt(2022, 3, 21),
        },
    );
    log(300, Event::ItemStarted { item: 1 });
    log(
        120,
        Event::Decision {
            item: 1,
            text: "Ingen nye tal endnu.".into(),
        },
    );
    if ended {
        log(600, Event::MeetingEnded);
    }
    dir
}

fn referent(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referent"))
        // No locale: messages without an agenda are in English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(args)
        .env_remove("REFERENT_SESSIONS_DIR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn writes_every_format_into_the_session_and_prints_their_paths() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), true);
    let out = referent(&["minutes", arg(&dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let md_path = dir.join("minutes.md");
    let json_path = dir.join("minutes.json");
    let listed: String = ["md", "json", "docx", "pdf", "html"]
        .iter()
        .map(|ext| format!("{}\n", dir.join(format!("minutes.{ext}")).display()))
        .collect();
    assert_eq!(stdout, listed);
    for ext in ["docx", "pdf", "html"] {
        assert!(
            dir.join(format!("minutes.{ext}")).is_file(),
            "minutes.{ext}"
        );
    }
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.starts_with("# Referat: Centerledermøde\n"), "{md}");
    assert!(
        md.contains("- **Tid:** 13:31–13:53 (planlagt 13:30–13:55)"),
        "{md}"
    );
    assert!(md.contains("- **Afbud:** Rie"), "{md}");
    assert!(
        md.contains("| 1 | Send referatet | Helle | 21.03.2022 |"),
        "{md}"
    );
    assert!(md.contains("Ingen nye tal endnu."), "{md}");
    let doc = MinutesDoc::from_json(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert!(doc.is_finished());
    assert_eq!(doc.items[0].actions[0].who, "Helle");
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_torn_last_line_is_reported_and_the_rest_is_kept() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), false);
    let mut f = OpenOptions::new()
        .append(true)
        .open(dir.join("journal.jsonl"))
        .unwrap();
    f.write_all(br#"{"seq":6,"at":"2022-03-14T13:45:00+01:00","type":"note","item":1,"te"#)
        .unwrap();
    drop(f);

    let out = referent(&["minutes", arg(&dir), "--format", "md"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("journal.jsonl:6: the last record was cut off"),
        "{stderr}"
    );
    let md = text(&out.stdout);
    assert!(
        md.contains("> Mødet er ikke afsluttet. Referatet viser status kl. 13:43."),
        "{md}"
    );
    assert!(md.contains("Ingen nye tal endnu."), "{md}");
    assert!(md.contains("*I gang.*"), "{md}");
    assert!(
        !dir.join("minutes.md").exists(),
        "--format prints, it does not write"
    );
}

#[test]
fn json_of_an_unfinished_session_in_another_language_to_a_file() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), false);
    let file = root.path().join("out.json");
    let out = referent(&["minutes", arg(&dir), "--lang", "en", "-o", arg(&file)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["lang"], "en");
    assert_eq!(v["meeting"]["ended_at"], serde_json::Value::Null);
    assert_eq!(v["items"][1]["status"], "current");
    assert_eq!(v["items"][1]["actual_seconds"], 120);

    let out = referent(&["minutes", arg(&dir), "--format", "md", "--lang", "nb"]);
    assert!(text(&out.stdout).contains("## Sak 2: Budget 2023"));
}

#[test]
fn finds_a_session_by_name_in_the_sessions_dir() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), true);
    let name = dir.file_name().unwrap().to_str().unwrap();
    let out = referent(&[
        "--sessions-dir",
        arg(root.path()),
        "minutes",
        name,
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc = MinutesDoc::from_json(&text(&out.stdout)).unwrap();
    assert_eq!(doc.meeting.title, "Centerledermøde");
}

#[test]
fn missing_folder_or_agenda_is_a_clear_error() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("nope");
    let out = referent(&["minutes", arg(&missing)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no such session folder"),
        "{}",
        text(&out.stderr)
    );

    let dir = session(root.path(), true);
    std::fs::remove_file(dir.join("agenda.json")).unwrap();
    let out = referent(&["minutes", arg(&dir)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a session folder (it has no agenda.json)"),
        "{}",
        text(&out.stderr)
    );

    let dir = session(root.path(), true);
    std::fs::remove_file(dir.join("journal.jsonl")).unwrap();
    let out = referent(&["minutes", arg(&dir)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("journal.jsonl"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_formats_written_follow_the_flag_and_the_environment() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), true);
    let out = referent(&["minutes", arg(&dir), "--minutes-formats", "pdf,md"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}\n{}\n",
            dir.join("minutes.md").display(),
            dir.join("minutes.pdf").display()
        )
    );
    assert!(!dir.join("minutes.docx").exists());
    let out = Command::new(env!("CARGO_BIN_EXE_referent"))
        .args(["minutes", arg(&dir)])
        .env("REFERENT_MINUTES_FORMATS", "html")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{}\n", dir.join("minutes.html").display())
    );
}

#[test]
fn one_format_to_a_file_or_stdout() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), true);
    let file = root.path().join("referat.docx");
    let out = referent(&["minutes", arg(&dir), "-o", arg(&file)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    let out = referent(&["minutes", arg(&dir), "--format", "html"]);
    assert!(
        text(&out.stdout).starts_with("<!DOCTYPE html>"),
        "{}",
        text(&out.stdout)
    );
    let out = referent(&["minutes", arg(&dir), "--format", "pdf"]);
    assert!(out.stdout.starts_with(b"%PDF-"));
}

#[test]
fn standard_wording_follows_the_language_of_the_minutes() {
    let root = tempfile::tempdir().unwrap();
    let dir = session(root.path(), true);
    let out = referent(&["minutes", arg(&dir), "--format", "md", "--lang", "nb"]);
    let md = text(&out.stdout);
    assert!(md.contains("Innstillingen ble vedtatt."), "{md}");
    assert!(!md.contains("Indstillingen blev godkendt."), "{md}");
    let out = referent(&["minutes", arg(&dir), "--format", "md", "--lang", "en"]);
    assert!(text(&out.stdout).contains("The recommendation was approved."));
}

#[test]
fn actions_as_icalendar_todos() {
    let sessions = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions");
    let out = referent(&[
        "actions",
        "--sessions-dir",
        sessions,
        "--open",
        "--ics",
        "--today",
        "2022-04-20",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ics = text(&out.stdout);
    let cal: icalendar::Calendar = ics.parse().unwrap();
    let todos: Vec<&icalendar::Todo> = cal.components.iter().filter_map(|c| c.as_todo()).collect();
    assert!(!todos.is_empty(), "{ics}");
    use icalendar::Component;
    for todo in &todos {
        assert!(
            todo.get_due().is_some(),
            "only action points with a due date"
        );
        assert!(todo.get_uid().is_some_and(|u| u.ends_with("@referent")));
        let description = todo.get_description().unwrap_or_default();
        assert!(
            description.contains("Ansvarlig:") && description.contains("Punkt:"),
            "{description}"
        );
    }
    assert!(
        todos
            .iter()
            .any(|t| t.get_summary() == Some("Samlet overblik over NemØkonomi")),
        "{ics}"
    );
}
