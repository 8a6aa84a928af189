//! The real binary's `run` in a pseudo-terminal over a sessions folder, and what it leaves there.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use super::pty::Pty;

/// The seed agenda of the repository.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/centerledermoede-2022-03-14.txt"
);

/// `referent --sessions-dir SESSIONS run ARGS` in a 100 x 30 terminal.
pub fn run(sessions: &Path, args: &[&str]) -> Pty {
    let dir = sessions.to_str().unwrap();
    let mut all = vec!["--sessions-dir", dir, "run"];
    all.extend_from_slice(args);
    Pty::spawn(env!("CARGO_BIN_EXE_referent"), &all, 100, 30, &[])
}

/// The one session folder in `sessions`.
pub fn only_session(sessions: &Path) -> PathBuf {
    let dirs: Vec<PathBuf> = fs::read_dir(sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "expected one session folder: {dirs:?}");
    dirs[0].clone()
}
