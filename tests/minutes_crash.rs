//! `kill -9` while `referent minutes` writes the five files: each file under its real name is
//! whole or absent, never half written (each is written to a temporary file, then renamed).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::Path;
use std::process::{Child, Command};

use referent::i18n::Lang;
use referent::minutes::{self, Format, MinutesDoc};
use referent::session::store;

const SEED: &str = "sessions/2022-03-14-centerledermoede-d-14-03-2022";

fn copy_session(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    std::fs::create_dir_all(to).unwrap();
    for name in ["agenda.json", "journal.jsonl"] {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
}

fn spawn(dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_referent"))
        .arg("minutes")
        .arg(dir)
        .env_remove("REFERENT_MINUTES_FORMATS")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits (without sleeping) until a temporary file for `format` shows up or the child exits.
fn kill_while_writing(child: &mut Child, dir: &Path, format: Format) {
    let prefix = format!(".{}.tmp", format.file_name());
    loop {
        let writing = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(&prefix));
        if writing {
            let _ = child.kill();
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::yield_now();
    }
    child.wait().unwrap();
}

fn assert_whole(dir: &Path, expected: &MinutesDoc) {
    for format in Format::ALL {
        let path = dir.join(format.file_name());
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        match format {
            Format::Md | Format::Json | Format::Html => {
                assert_eq!(
                    bytes,
                    minutes::render(expected, format).unwrap(),
                    "{} is not whole",
                    path.display()
                );
            }
            Format::Docx => {
                let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes));
                assert!(zip.is_ok(), "{} is not a whole zip", path.display());
            }
            Format::Pdf => {
                let tail =
                    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).into_owned();
                assert!(
                    bytes.starts_with(b"%PDF-") && tail.contains("%%EOF"),
                    "{} is not a whole PDF",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn a_kill_while_writing_leaves_whole_files_or_none() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    copy_session(&dir);
    let meeting = store::load(&dir).unwrap().meeting();
    let expected = MinutesDoc::from_meeting(&meeting, Lang::Da);
    for format in [Format::Docx, Format::Pdf, Format::Html, Format::Md] {
        for f in Format::ALL {
            let _ = std::fs::remove_file(dir.join(f.file_name()));
        }
        let mut child = spawn(&dir);
        kill_while_writing(&mut child, &dir, format);
        assert_whole(&dir, &expected);
    }
    // And once more over complete files from an earlier run: they stay whole too.
    let mut child = spawn(&dir);
    child.wait().unwrap();
    let mut child = spawn(&dir);
    kill_while_writing(&mut child, &dir, Format::Pdf);
    assert_whole(&dir, &expected);
    for format in Format::ALL {
        assert!(dir.join(format.file_name()).is_file(), "{format:?} lost");
    }
}
