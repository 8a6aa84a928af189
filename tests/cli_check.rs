//! The real binary: `referent check` and `referent agenda` on good and bad files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn referent(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referent"))
        // No locale: messages without an agenda are in English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

const SEED: &str = "sessions/centerledermoede-2022-03-14.txt";

#[test]
fn check_on_the_seed_shows_the_plan_and_the_overlap() {
    let out = referent(&["check", SEED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Centerledermøde d. 14-03-2022"), "{stdout}");
    assert!(stdout.contains("  1  Referat og referent"), "{stdout}");
    assert!(stdout.contains("13:30-13:40"), "{stdout}");
    assert!(stdout.contains("  8  Eventuelt"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{SEED}:87: advarsel: Punkt 5 starter 14:15, mens Punkt 4 slutter 14:25"
        )),
        "{stdout}"
    );
    // Planned minutes and the span apart: the overlap plans 130 minutes into 120.
    assert!(
        stdout.contains("\n  I alt 130 min planlagt, mellem 13:30-15:30 (120 min)\n"),
        "{stdout}"
    );
}

#[test]
fn check_of_an_empty_file_fails_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let empty = temp_file(&dir, "empty.txt", b"");
    let out = referent(&["check", arg(&empty)]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:1: ", empty.display())),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_of_broken_json_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = temp_file(
        &dir,
        "a.json",
        b"{\n  \"title\": \"x\",\n  \"items\": [\n    {,}\n  ]\n}\n",
    );
    let out = referent(&["check", arg(&json)]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:4: ", json.display())),
        "{stderr}"
    );
}

#[test]
fn check_of_text_without_items_fails() {
    let dir = tempfile::tempdir().unwrap();
    let prose = temp_file(
        &dir,
        "note.txt",
        "Bare en huskeseddel.\nIngen punkter her.\n".as_bytes(),
    );
    let out = referent(&["check", arg(&prose)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains(":1: no agenda items found"),
        "in the agenda's language (English prose): {}",
        text(&out.stderr)
    );
    let json = temp_file(&dir, "none.json", b"{\"title\": \"x\", \"items\": []}");
    let out = referent(&["check", arg(&json)]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains(":1: ingen punkter fundet"));
}

/// Found trying `run` in Danish: a file the importer could not read was refused in English
/// whatever the language. Its messages come from the strings table: `--lang`, else the locale.
#[test]
fn import_errors_speak_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let empty = temp_file(&dir, "tom.txt", b"");
    let bin = temp_file(&dir, "blob.txt", &[0u8, 1, 2, 3, 0, 0, 7, 8]);
    for (lang, empty_says, binary_says) in [
        ("da", "filen er tom", "binær fil"),
        ("nb", "filen er tom", "binærfil"),
        ("nn", "fila er tom", "binærfil"),
        ("en", "the file is empty", "binary file"),
    ] {
        for command in ["check", "agenda", "run"] {
            let out = referent(&[command, arg(&empty), "--lang", lang]);
            let err = text(&out.stderr);
            assert!(err.contains(empty_says), "{command} {lang}: {err}");
        }
        let err = text(&referent(&["check", arg(&bin), "--lang", lang]).stderr);
        assert!(err.contains(binary_says), "{lang}: {err}");
    }
    // Without --lang the locale decides.
    let out = Command::new(env!("CARGO_BIN_EXE_referent"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "da_DK.UTF-8")
        .args(["check", arg(&empty)])
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("filen er tom"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_of_binary_and_missing_files_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let bin = temp_file(&dir, "blob.txt", &bin);
    let out = referent(&["check", arg(&bin)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("binary"),
        "{}",
        text(&out.stderr)
    );
    let pdf = temp_file(&dir, "agenda.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let out = referent(&["check", arg(&pdf)]);
    assert!(text(&out.stderr).contains("PDF"));
    let out = referent(&["check", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("no/such/file.txt:"));
}

#[test]
fn escape_sequences_in_titles_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "DAGSORDEN Møde\u{1b}]0;owned\u{7}\n\n\
                Punkt 1: Ren\u{1b}[2J\u{1b}[31mtitel\u{1b}[0m (10:00-10:10)\n\n\
                Det indstilles, at\u{9b}31m noget\u{7} sker\n\n\
                Punkt 2: Bidi \u{202e}tset\u{202c} og \u{0}nul (10:10-10:20)\n";
    let path = temp_file(&dir, "evil.txt", evil.as_bytes());
    for args in [
        vec!["check", arg(&path)],
        vec!["agenda", arg(&path)],
        vec!["agenda", "--json", arg(&path)],
    ] {
        let out = referent(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        let shown = text(&all);
        assert!(
            !shown
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?} printed a control character: {shown:?}"
        );
        assert!(shown.contains("Rentitel"), "{args:?}: {shown}");
    }
}

#[test]
fn agenda_json_is_the_canonical_form() {
    let out = referent(&["agenda", "--json", SEED]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Centerledermøde d. 14-03-2022");
    assert_eq!(v["date"], "2022-03-14");
    assert_eq!(v["start"], "13:30");
    assert_eq!(v["referent"], "Helle");
    assert_eq!(v["participants"].as_array().unwrap().len(), 4);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 8);
    let seven = &items[6];
    for key in [
        "number",
        "title",
        "case_number",
        "start",
        "end",
        "minutes",
        "body",
        "recommendation",
        "attachments",
    ] {
        assert!(seven.get(key).is_some(), "item has no {key}");
    }
    assert_eq!(seven["start"], "15:10");
    assert_eq!(seven["minutes"], 10);
    assert_eq!(
        seven["attachments"][0],
        "2022.02.18 - Spilleregler for Samarbejde med Frivillige"
    );
}

#[test]
fn agenda_without_json_reads_like_an_agenda() {
    let out = referent(&["agenda", SEED]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Punkt 7: Samarbejde med de frivillige  15:10-15:20 (10 min)"),
        "{stdout}"
    );
    assert!(stdout.contains("Sagsnr.: 85.02.02P35-25-19"));
    assert!(
        stdout.contains("Indstilling:\n  - at centerledelsen forholder sig til bilagte dokument.")
    );
    assert!(stdout.contains("Bilag:\n  - 2022.02.18"));
}

#[test]
fn format_is_detected_from_content_and_the_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let md = std::fs::read("sessions/centerledermoede-2022-03-14.md").unwrap();
    let renamed = temp_file(&dir, "agenda.txt", &md);
    let out = referent(&["check", arg(&renamed)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("  8  Eventuelt"));
    // Forced to plain text, the `##` headings are not items.
    let out = referent(&["check", "--format", "text", arg(&renamed)]);
    assert!(!out.status.success());
    let out = referent(&["check", "--format", "json", SEED]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).starts_with(&format!("{SEED}:3: expected value")));
}

#[test]
fn help_for_each_command() {
    for cmd in ["check", "agenda"] {
        let out = referent(&[cmd, "--help"]);
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("--format"));
    }
}
