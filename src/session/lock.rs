//! One writer per session: an exclusive OS lock on `session.lock` in the session folder.
//!
//! The lock is the kernel's (`flock` on Unix, `LockFileEx` on Windows, through `File::try_lock`),
//! so it goes with the process however that ends, `kill -9` and power loss included; no stale
//! lock is ever left to clean up. The file's text names the holder (host and pid) so a second
//! window can say who has the session.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "session.lock";

/// Held while a process writes the session; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

/// Who holds a session, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub host: String,
    pub pid: u32,
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "host {}, pid {}", self.host, self.pid)
    }
}

#[derive(Debug)]
pub enum LockError {
    /// Another process has the session open for writing.
    Held {
        dir: PathBuf,
        holder: Option<Holder>,
    },
    Io(io::Error),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Held { dir, holder } => {
                let who = holder
                    .as_ref()
                    .map_or_else(|| "another process".to_string(), Holder::to_string);
                write!(
                    f,
                    "{} is open in another window ({who}); watch it with `referent follow {}`",
                    dir.display(),
                    dir.display()
                )
            }
            LockError::Io(e) => write!(f, "cannot lock the session: {e}"),
        }
    }
}

impl std::error::Error for LockError {}

/// Takes the session's lock, or says who has it. Never waits.
pub fn acquire(dir: &Path) -> Result<SessionLock, LockError> {
    let mut file = take(dir)?;
    let me = Holder {
        host: host_name(),
        pid: std::process::id(),
    };
    file.set_len(0).map_err(LockError::Io)?;
    file.seek(SeekFrom::Start(0)).map_err(LockError::Io)?;
    writeln!(file, "{} {}", me.host, me.pid).map_err(LockError::Io)?;
    Ok(SessionLock { _file: file })
}

/// Whether another process holds the session now, and who (when its lock file says).
pub fn holder(dir: &Path) -> Option<Option<Holder>> {
    match take(dir) {
        Err(LockError::Held { holder, .. }) => Some(holder),
        Ok(_) | Err(LockError::Io(_)) => None,
    }
}

fn take(dir: &Path) -> Result<File, LockError> {
    let path = dir.join(LOCK_FILE);
    let mut file = open(&path).map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(LockError::Held {
                dir: dir.to_path_buf(),
                holder: read_holder(&mut file),
            });
        }
        Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
    }
    Ok(file)
}

fn open(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    // Like every session file: never through a symlink, and only the user's own.
    super::store::open_session_file(path, &mut o)
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    let (host, pid) = text.trim().rsplit_once(' ')?;
    Some(Holder {
        host: host.to_string(),
        pid: pid.parse().ok()?,
    })
}

/// This machine's name, for telling the user where the session is open.
fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "this computer".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_names_the_holder_until_the_first_goes() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path()).unwrap();
        match acquire(dir.path()) {
            Err(LockError::Held { holder, .. }) => {
                assert_eq!(holder.unwrap().pid, std::process::id());
            }
            other => panic!("expected the session to be held, got {other:?}"),
        }
        assert!(holder(dir.path()).is_some());
        drop(first);
        assert!(holder(dir.path()).is_none());
        acquire(dir.path()).unwrap();
    }
}
