//! Session folders: where they live, how they are named, finding them again.
//!
//! A session folder `<YYYY-MM-DD>-<slug>[-N]/` holds `agenda.json`, `journal.jsonl` and, once the
//! meeting has ended, `minutes.md` and `minutes.json`. Everything in it is readable by the user only.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::event::{Event, Record};
use super::journal::{self, Journal, ReadReport};
use super::state::Meeting;
use crate::agenda::Agenda;

pub const AGENDA_FILE: &str = "agenda.json";
pub const JOURNAL_FILE: &str = "journal.jsonl";
pub const MINUTES_MD: &str = "minutes.md";
pub const MINUTES_JSON: &str = "minutes.json";
pub const SESSIONS_ENV: &str = "REFERENT_SESSIONS_DIR";

/// The sessions directory: the flag, else `$REFERENT_SESSIONS_DIR`, else the user data directory.
pub fn sessions_dir(flag: Option<&Path>) -> io::Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(SESSIONS_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "referent")
        .map(|d| d.data_dir().join("sessions"))
        .ok_or_else(|| {
            io::Error::other("no home directory: pass --sessions-dir or set REFERENT_SESSIONS_DIR")
        })
}

/// A session on disk, read back.
#[derive(Debug)]
pub struct Loaded {
    pub dir: PathBuf,
    pub agenda: Agenda,
    pub records: Vec<Record>,
    pub report: ReadReport,
}

impl Loaded {
    pub fn meeting(&self) -> Meeting {
        Meeting::replay(self.agenda.clone(), &self.records)
    }

    pub fn is_finished(&self) -> bool {
        self.records.iter().any(|r| r.event == Event::MeetingEnded)
    }

    /// The folder's name, used to refer to the session from other sessions.
    pub fn name(&self) -> String {
        session_name(&self.dir)
    }
}

pub fn session_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Creates a new session folder for `agenda` on `date`, with its agenda and an empty journal.
pub fn create(root: &Path, agenda: &Agenda, date: NaiveDate) -> io::Result<(PathBuf, Journal)> {
    create_private_dir(root)?;
    let base = format!(
        "{}-{}",
        date.format("%Y-%m-%d"),
        crate::textutil::slug(&agenda.title)
    );
    for n in 1.. {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let dir = root.join(&name);
        match fs::create_dir(&dir) {
            Ok(()) => {
                set_private(&dir, 0o700)?;
                write_atomic(&dir.join(AGENDA_FILE), agenda.to_json().as_bytes())?;
                let journal = Journal::create(&dir.join(JOURNAL_FILE))?;
                return Ok((dir, journal));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("the loop above returns or errors")
}

/// Reads a session folder's agenda.
pub fn load_agenda(dir: &Path) -> Result<Agenda, String> {
    if !dir.is_dir() {
        return Err(format!("{}: no such session folder", dir.display()));
    }
    let agenda_path = dir.join(AGENDA_FILE);
    crate::agenda::load(&agenda_path, Some(crate::agenda::Format::Json))
        .map(|i| i.agenda)
        .map_err(|e| e.to_string())
}

/// Reads a session folder: its agenda and journal.
pub fn load(dir: &Path) -> Result<Loaded, String> {
    let agenda = load_agenda(dir)?;
    let journal_path = dir.join(JOURNAL_FILE);
    let (records, report) =
        journal::read(&journal_path).map_err(|e| format!("{}: {e}", journal_path.display()))?;
    Ok(Loaded {
        dir: dir.to_path_buf(),
        agenda,
        records,
        report,
    })
}

/// Every session folder under `root` (folders holding a journal), sorted by name (= by date).
pub fn list(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root) else {
        return vec![];
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(JOURNAL_FILE).is_file() && p.join(AGENDA_FILE).is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Whether the journal in `dir` holds a `meeting_ended` record.
pub fn is_finished(dir: &Path) -> bool {
    journal::read(&dir.join(JOURNAL_FILE))
        .map(|(records, _)| records.iter().any(|r| r.event == Event::MeetingEnded))
        .unwrap_or(false)
}

/// The most recently changed session that has not ended.
pub fn newest_unfinished(root: &Path) -> Option<PathBuf> {
    list(root)
        .into_iter()
        .filter(|d| !is_finished(d))
        .max_by_key(|d| {
            fs::metadata(d.join(JOURNAL_FILE))
                .and_then(|m| m.modified())
                .ok()
        })
}

/// Unfinished sessions of the same agenda (same title and items), newest first.
pub fn unfinished_of(root: &Path, agenda: &Agenda) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = list(root)
        .into_iter()
        .filter(|d| !is_finished(d))
        .filter(|d| {
            crate::agenda::load(&d.join(AGENDA_FILE), Some(crate::agenda::Format::Json))
                // Compared as canonical JSON: source line numbers are not part of an agenda.
                .map(|i| i.agenda.to_json() == agenda.to_json())
                .unwrap_or(false)
        })
        .collect();
    found.reverse();
    found
}

/// Writes a file so that readers see the old or the new content, never a half: temp file, fsync,
/// rename. The file is readable by the user only.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    {
        let mut f = fs::File::create(&tmp)?;
        set_private(&tmp, 0o600)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        fs::create_dir_all(dir)?;
        set_private(dir, 0o700)?;
    }
    Ok(())
}

#[cfg(unix)]
fn set_private(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_private(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::session::clock::{Clock, FakeClock};

    fn agenda() -> Agenda {
        Agenda {
            title: "Centerledermøde".into(),
            items: vec![Item {
                number: "1".into(),
                title: "Referat".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn creates_numbered_private_folders_and_finds_unfinished() {
        let root = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
        let (a, mut ja) = create(root.path(), &agenda(), date).unwrap();
        let (b, _) = create(root.path(), &agenda(), date).unwrap();
        assert!(a.ends_with("2022-03-14-centerledermoede"));
        assert!(b.ends_with("2022-03-14-centerledermoede-2"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(a.join(JOURNAL_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "journal must be private");
            let mode = fs::metadata(a.join(AGENDA_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "agenda must be private");
        }
        assert_eq!(list(root.path()).len(), 2);
        assert_eq!(unfinished_of(root.path(), &agenda()).len(), 2);
        let c = FakeClock::at("2022-03-14T13:30:00+01:00");
        ja.append(c.now(), Event::MeetingStarted).unwrap();
        ja.append(c.now(), Event::MeetingEnded).unwrap();
        assert!(is_finished(&a));
        assert_eq!(unfinished_of(root.path(), &agenda()), vec![b.clone()]);
        assert_eq!(newest_unfinished(root.path()), Some(b));
        let loaded = load(&a).unwrap();
        assert!(loaded.is_finished());
        assert_eq!(loaded.agenda.title, "Centerledermøde");
    }
}
