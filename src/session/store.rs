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

/// Reads a session folder's agenda. The folder must be the user's own (see
/// [`check_session_dir`]) and the agenda is read without following a symlink.
pub fn load_agenda(dir: &Path) -> Result<Agenda, String> {
    if !dir.is_dir() {
        return Err(format!(
            "{}: no such session folder",
            crate::textutil::display_path(dir)
        ));
    }
    check_session_dir(dir)?;
    let path = dir.join(AGENDA_FILE);
    let name = crate::textutil::display_path(&path);
    let bytes = read_session_file(&path).map_err(|e| format!("{name}: {e}"))?;
    crate::agenda::parse(&name, &bytes, Some(crate::agenda::Format::Json))
        .map(|i| i.agenda)
        .map_err(|e| e.to_string())
}

/// Reads a session file (agenda, journal) as every reader does: by [`open_session_file`]'s
/// rule, never through a symlink and only the user's own regular file (made private).
pub fn read_session_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    let mut bytes = Vec::new();
    open_session_file(path, &mut options)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A session file's own metadata, for a reader that watches it (the follower): a symlink in its
/// place is refused, with the same message [`open_session_file`] gives.
pub fn session_file_metadata(path: &Path) -> io::Result<fs::Metadata> {
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(symlink_refused(path));
    }
    Ok(meta)
}

/// Why a session file that is a symlink is not used, naming it.
fn symlink_refused(path: &Path) -> io::Error {
    io::Error::other(format!(
        "{} is a symbolic link; session files are never followed through links",
        crate::textutil::display_path(path)
    ))
}

/// Opens a session file with `options`, never through a symlink: a link planted in a session
/// folder must not make referent read or write somewhere else. The file must be a regular file
/// of the user's own; one that group or others may access is made private (0600) first.
pub fn open_session_file(path: &Path, options: &mut fs::OpenOptions) -> io::Result<fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return symlink_refused(path);
        }
        e
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            crate::textutil::display_path(path)
        )));
    }
    check_owner(path, &meta)?;
    make_private(&file, &meta, 0o600)?;
    Ok(file)
}

/// Reads a session folder: its agenda and journal.
pub fn load(dir: &Path) -> Result<Loaded, String> {
    let agenda = load_agenda(dir)?;
    let mut records = Vec::new();
    let report = read_journal(dir, &mut records)?;
    Ok(Loaded {
        dir: dir.to_path_buf(),
        agenda,
        records,
        report,
    })
}

/// Reads a session folder and folds its journal into the meeting as it is read, a chunk at a
/// time (see [`journal::read_into`]): what `minutes` and review need, without the journal's
/// bytes or its list of records ever in memory whole. The report says what was skipped.
pub fn load_meeting(dir: &Path) -> Result<(Meeting, ReadReport), String> {
    let mut meeting = Meeting::new(load_agenda(dir)?);
    let report = read_journal(dir, &mut meeting)?;
    Ok((meeting, report))
}

/// Reads the folder's journal into `sink`; an error names the journal.
fn read_journal(dir: &Path, sink: &mut impl journal::Sink) -> Result<ReadReport, String> {
    let path = dir.join(JOURNAL_FILE);
    journal::read_into(&path, sink)
        .map_err(|e| format!("{}: {e}", crate::textutil::display_path(&path)))
}

/// Removes a session folder in which nothing happened: one that holds only its agenda and a
/// journal of `opened` records written by this version. Anything else (records that cannot be
/// read, or were written by another version, other files) keeps the folder; the answer then
/// says what was kept and why.
pub fn remove_if_unused(dir: &Path) -> io::Result<Option<String>> {
    let shown = crate::textutil::display_path(dir);
    let mut others = vec![];
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if ![AGENDA_FILE, JOURNAL_FILE, super::lock::LOCK_FILE].contains(&name.as_str()) {
            others.push(crate::textutil::escape_unsafe(&name));
        }
    }
    if !others.is_empty() {
        return Ok(Some(format!(
            "kept {shown}: it also holds {}",
            others.join(", ")
        )));
    }
    let (records, report) = journal::read(&dir.join(JOURNAL_FILE))?;
    let unreadable = report.bad_lines.len() + usize::from(report.torn_tail.is_some());
    if unreadable > 0 {
        return Ok(Some(format!(
            "kept {shown}: its journal holds {unreadable} record(s) this version cannot read"
        )));
    }
    let this_version = |r: &Record| matches!(&r.event, Event::Opened { app_version } if app_version == env!("CARGO_PKG_VERSION"));
    let foreign = records.iter().filter(|r| !this_version(r)).count();
    if foreign > 0 {
        return Ok(Some(format!(
            "kept {shown}: its journal holds {foreign} record(s) besides this version's start"
        )));
    }
    fs::remove_file(dir.join(JOURNAL_FILE))?;
    fs::remove_file(dir.join(AGENDA_FILE))?;
    // The lock is this process's own (the session is open in this window).
    match fs::remove_file(dir.join(super::lock::LOCK_FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        Ok(()) | Err(_) => {}
    }
    // Not remove_dir_all: a file that appeared meanwhile keeps the folder.
    fs::remove_dir(dir)?;
    Ok(None)
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

/// An unfinished session whose folder and journal pass the readers' rule (the user's own, no
/// symlinks): one that would be refused when opened is not offered.
fn is_open_unfinished(dir: &Path) -> bool {
    check_session_dir(dir).is_ok()
        && journal::read(&dir.join(JOURNAL_FILE))
            .is_ok_and(|(records, _)| !records.iter().any(|r| r.event == Event::MeetingEnded))
}

/// The most recently changed session that has not ended.
pub fn newest_unfinished(root: &Path) -> Option<PathBuf> {
    list(root)
        .into_iter()
        .filter(|d| is_open_unfinished(d))
        .max_by_key(|d| {
            session_file_metadata(&d.join(JOURNAL_FILE))
                .and_then(|m| m.modified())
                .ok()
        })
}

/// Unfinished sessions of the same agenda (same title and items), newest first.
pub fn unfinished_of(root: &Path, agenda: &Agenda) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = list(root)
        .into_iter()
        .filter(|d| is_open_unfinished(d))
        .filter(|d| {
            load_agenda(d)
                // Compared as canonical JSON: source line numbers are not part of an agenda.
                .is_ok_and(|a| a.to_json() == agenda.to_json())
        })
        .collect();
    found.reverse();
    found
}

/// How much a file being written gathers before each write to disk.
const WRITE_BUFFER: usize = 256 * 1024;

/// Writes a file so that readers see the old or the new content, never a half: a temporary file
/// with a random name, created exclusively beside the target (never through a planted link),
/// fsynced and renamed over it. The file is readable by the user only. On any failure the
/// temporary file is removed again.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] of what `write` writes, as it writes it (through a buffer, so that a long
/// file is never held whole in memory).
pub fn write_atomic_with(
    path: &Path,
    // A buffer of the file's own type, not `dyn Write`: JSON is written a few bytes at a time.
    write: impl FnOnce(&mut io::BufWriter<&mut fs::File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".referent-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Creates `dir` and every missing parent, each readable by the user only.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Refuses a session folder that is not the user's own: one owned by someone else, or a
/// symlink to such a folder. Others' write access to the user's own folder is taken away.
pub fn check_session_dir(dir: &Path) -> Result<(), String> {
    let shown = crate::textutil::display_path(dir);
    let meta = fs::metadata(dir).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_dir() {
        return Err(format!("{shown}: not a session folder"));
    }
    check_owner(dir, &meta).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o022 != 0 {
            set_private(dir, 0o700).map_err(|e| format!("{shown}: {e}"))?;
        }
    }
    Ok(())
}

/// Session files and folders must belong to the user running referent.
#[cfg(unix)]
fn check_owner(path: &Path, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let me = effective_uid();
    if meta.uid() != me {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} belongs to user id {}, not to you (user id {me}); refusing to use it",
                crate::textutil::display_path(path),
                meta.uid()
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_owner(_path: &Path, _meta: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions, touches no memory of ours and cannot fail.
    unsafe { libc::geteuid() }
}

/// Takes group and world access away from an open session file that has it.
#[cfg(unix)]
fn make_private(file: &fs::File, meta: &fs::Metadata, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if meta.permissions().mode() & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn make_private(_file: &fs::File, _meta: &fs::Metadata, _mode: u32) -> io::Result<()> {
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

    fn session(root: &Path) -> (PathBuf, Journal) {
        let date = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
        create(root, &agenda(), date).unwrap()
    }

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    fn running_as_root() -> bool {
        effective_uid() == 0
    }

    #[cfg(unix)]
    #[test]
    fn a_journal_that_is_a_symlink_is_never_followed() {
        let root = tempfile::tempdir().unwrap();
        let (dir, j) = session(root.path());
        drop(j);
        let outside = root.path().join("outside.txt");
        fs::write(&outside, "precious\n").unwrap();
        fs::remove_file(dir.join(JOURNAL_FILE)).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join(JOURNAL_FILE)).unwrap();
        let err = Journal::open(&dir.join(JOURNAL_FILE)).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "precious\n");
        // The agenda too.
        fs::remove_file(dir.join(AGENDA_FILE)).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join(AGENDA_FILE)).unwrap();
        let err = load_agenda(&dir).unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn temporary_files_are_random_exclusive_and_never_left_behind() {
        let root = tempfile::tempdir().unwrap();
        let outside = root.path().join("outside.txt");
        fs::write(&outside, "precious").unwrap();
        let dir = root.path().join("s");
        fs::create_dir(&dir).unwrap();
        // A link planted at the name the old scheme used is left alone.
        let planted = dir.join(format!(".{MINUTES_MD}.tmp{}", std::process::id()));
        std::os::unix::fs::symlink(&outside, &planted).unwrap();
        write_atomic(&dir.join(MINUTES_MD), b"# Referat\n").unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "precious");
        assert_eq!(mode(&outside) & 0o600, 0o600, "outside file left as it was");
        assert_eq!(mode(&dir.join(MINUTES_MD)), 0o600);
        fs::remove_file(&planted).unwrap();
        // A write that fails (here: the target is a folder) leaves no temporary file.
        fs::create_dir(dir.join(MINUTES_JSON)).unwrap();
        assert!(write_atomic(&dir.join(MINUTES_JSON), b"{}").is_err());
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn every_missing_parent_of_the_sessions_folder_is_private() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("a").join("b").join("sessions");
        let (dir, _) = session(&root);
        for p in [
            tmp.path().join("a"),
            tmp.path().join("a").join("b"),
            root.clone(),
            dir,
        ] {
            assert_eq!(mode(&p), 0o700, "{}", p.display());
        }
    }

    #[cfg(unix)]
    #[test]
    fn session_files_others_could_write_are_made_private() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let (dir, j) = session(root.path());
        drop(j);
        let open =
            |p: &Path, m: u32| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
        open(&dir, 0o777);
        open(&dir.join(JOURNAL_FILE), 0o666);
        open(&dir.join(AGENDA_FILE), 0o666);
        load_agenda(&dir).unwrap();
        Journal::open(&dir.join(JOURNAL_FILE)).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join(JOURNAL_FILE)), 0o600);
        assert_eq!(mode(&dir.join(AGENDA_FILE)), 0o600);
    }

    /// Needs root to give a folder away (CI runs as root); as another user it checks nothing
    /// and says so.
    #[cfg(unix)]
    #[test]
    fn a_folder_of_another_user_is_refused_also_through_a_symlink() {
        if !running_as_root() {
            eprintln!("skipped: giving a folder to another user needs root");
            return;
        }
        let root = tempfile::tempdir().unwrap();
        let (dir, j) = session(root.path());
        drop(j);
        let link = root.path().join("link");
        std::os::unix::fs::symlink(&dir, &link).unwrap();
        // A symlink to the user's own folder is fine.
        load_agenda(&link).unwrap();
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
        for d in [&dir, &link] {
            let err = load_agenda(d).unwrap_err();
            assert!(err.contains("belongs to user id 65534"), "{err}");
        }
        std::os::unix::fs::chown(&dir, Some(0), Some(0)).unwrap();
        std::os::unix::fs::chown(dir.join(JOURNAL_FILE), Some(65534), None).unwrap();
        let err = Journal::open(&dir.join(JOURNAL_FILE)).unwrap_err();
        assert!(
            err.to_string().contains("belongs to user id 65534"),
            "{err}"
        );
    }

    #[test]
    fn an_unstarted_session_is_removed_only_if_it_holds_nothing_else() {
        let root = tempfile::tempdir().unwrap();
        let c = FakeClock::at("2022-03-14T13:30:00+01:00");
        let opened = || Event::Opened {
            app_version: env!("CARGO_PKG_VERSION").into(),
        };
        let (dir, mut j) = session(root.path());
        j.append(c.now(), opened()).unwrap();
        assert_eq!(remove_if_unused(&dir).unwrap(), None);
        assert!(!dir.exists());

        // Records this version cannot read (damaged, or from a newer version) are kept.
        let (dir, mut j) = session(root.path());
        j.append(c.now(), opened()).unwrap();
        drop(j);
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(dir.join(JOURNAL_FILE))
            .unwrap();
        f.write_all(
            b"{\"seq\":2,\"at\":\"2022-03-14T13:31:00+01:00\",\"type\":\"from_the_future\"}\n",
        )
        .unwrap();
        let kept = remove_if_unused(&dir).unwrap().unwrap();
        assert!(
            kept.contains("1 record(s) this version cannot read"),
            "{kept}"
        );
        assert!(dir.join(JOURNAL_FILE).exists());

        // So are records of another version, and other files.
        let (dir, mut j) = session(root.path());
        j.append(
            c.now(),
            Event::Opened {
                app_version: "9.9.9".into(),
            },
        )
        .unwrap();
        assert!(remove_if_unused(&dir).unwrap().unwrap().contains("besides"));
        let (dir, mut j) = session(root.path());
        j.append(c.now(), opened()).unwrap();
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        assert!(
            remove_if_unused(&dir)
                .unwrap()
                .unwrap()
                .contains("notes.txt")
        );
    }
}
