//! A live session: the journal on disk, the records read or written so far, and the meeting
//! folded from them. Every change goes through [`Recorder::record`], which writes the event to
//! disk before the meeting state (and so the screen) shows it.

use std::io;

use chrono::Timelike;
use std::path::{Path, PathBuf};

use super::clock::Time;
use super::event::{Event, Record};
use super::journal::{Journal, ReadReport};
use super::lock::{self, LockError, SessionLock};
use super::state::{Meeting, Phase};
use super::store;
use crate::agenda::Agenda;

#[derive(Debug)]
pub struct Recorder {
    dir: PathBuf,
    journal: Journal,
    meeting: Meeting,
    /// Held as long as the recorder lives: one writer per session.
    _lock: SessionLock,
}

/// Why a session could not be reopened for writing.
#[derive(Debug)]
pub enum ResumeError {
    /// Another window has it: it can be followed instead.
    Locked(LockError),
    Failed(String),
}

impl std::fmt::Display for ResumeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResumeError::Locked(e) => e.fmt(f),
            ResumeError::Failed(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for ResumeError {}

impl Recorder {
    /// Starts a new session folder for `agenda` under `root`.
    pub fn create(root: &Path, agenda: Agenda, now: Time) -> io::Result<Self> {
        let (dir, journal) = store::create(root, &agenda, now.date_naive())?;
        let lock = lock::acquire(&dir).map_err(|e| match e {
            LockError::Io(e) => e,
            LockError::Held { .. } => io::Error::new(io::ErrorKind::WouldBlock, e.to_string()),
        })?;
        let mut rec = Recorder {
            dir,
            journal,
            meeting: Meeting::new(agenda),
            _lock: lock,
        };
        rec.record(
            Event::Opened {
                app_version: env!("CARGO_PKG_VERSION").to_string(),
            },
            now,
        )?;
        Ok(rec)
    }

    /// Reopens an existing session, once no other process holds it. A torn last line is cut
    /// off and reported; if the meeting was running, the time the app was down is noted as an
    /// interruption.
    pub fn resume(dir: &Path, now: Time) -> Result<(Self, ReadReport), ResumeError> {
        // A folder that is no session, or not the user's own, is refused before anything in it
        // is opened; then the lock: the journal is not even read for writing while another
        // window has it.
        store::check_session_dir(dir).map_err(ResumeError::Failed)?;
        let lock = lock::acquire(dir).map_err(ResumeError::Locked)?;
        let agenda = store::load_agenda(dir).map_err(ResumeError::Failed)?;
        let path = dir.join(store::JOURNAL_FILE);
        let failed = |e: io::Error| ResumeError::Failed(format!("{}: {e}", path.display()));
        let mut meeting = Meeting::new(agenda);
        let (journal, report) = Journal::open_into(&path, &mut meeting).map_err(failed)?;
        let mut rec = Recorder {
            dir: dir.to_path_buf(),
            journal,
            meeting,
            _lock: lock,
        };
        if matches!(rec.meeting.phase, Phase::Running | Phase::Paused)
            && let Some(down_since) = rec.meeting.last_event_at
        {
            rec.record(Event::Recovered { down_since }, now)
                .map_err(failed)?;
        }
        Ok((rec, report))
    }

    /// Appends `event` durably, then folds it into the meeting.
    pub fn record(&mut self, event: Event, now: Time) -> io::Result<()> {
        self.record_group(vec![event], now)
    }

    /// Appends the events of one intent durably as one group (so `u` takes them back together),
    /// then folds them into the meeting.
    pub fn record_group(&mut self, events: Vec<Event>, now: Time) -> io::Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        // Whole seconds: every timer on screen then changes on the wall clock's second, so one
        // wake-up per second serves them all. Keep times in order even if the clock steps back.
        let now = now.with_nanosecond(0).unwrap_or(now);
        let at = self.meeting.last_event_at.map_or(now, |last| last.max(now));
        for record in self.journal.append_group(at, events)? {
            self.meeting.apply(&record);
        }
        Ok(())
    }

    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    pub fn records(&self) -> &[Record] {
        self.meeting.records()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether anything beyond the session header was recorded.
    pub fn is_empty(&self) -> bool {
        self.records()
            .iter()
            .all(|r| matches!(r.event, Event::Opened { .. }))
    }
}
