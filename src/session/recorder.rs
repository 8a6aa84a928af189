//! A live session: the journal on disk, the records read or written so far, and the meeting
//! folded from them. Every change goes through [`Recorder::record`], which writes the event to
//! disk before the meeting state (and so the screen) shows it.

use std::io;

use chrono::Timelike;
use std::path::{Path, PathBuf};

use super::clock::Time;
use super::event::{Event, Record};
use super::journal::{Journal, ReadReport};
use super::state::{Meeting, Phase};
use super::store;
use crate::agenda::Agenda;

#[derive(Debug)]
pub struct Recorder {
    dir: PathBuf,
    journal: Journal,
    records: Vec<Record>,
    meeting: Meeting,
}

impl Recorder {
    /// Starts a new session folder for `agenda` under `root`.
    pub fn create(root: &Path, agenda: Agenda, now: Time) -> io::Result<Self> {
        let (dir, journal) = store::create(root, &agenda, now.date_naive())?;
        let mut rec = Recorder {
            dir,
            journal,
            records: vec![],
            meeting: Meeting::new(agenda),
        };
        rec.record(
            Event::Opened {
                app_version: env!("CARGO_PKG_VERSION").to_string(),
            },
            now,
        )?;
        Ok(rec)
    }

    /// Reopens an existing session. A torn last line is cut off and reported; if the meeting
    /// was running, the time the app was down is noted as an interruption.
    pub fn resume(dir: &Path, now: Time) -> Result<(Self, ReadReport), String> {
        let agenda = store::load_agenda(dir)?;
        let path = dir.join(store::JOURNAL_FILE);
        let (journal, records, report) =
            Journal::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let meeting = Meeting::replay(agenda, &records);
        let mut rec = Recorder {
            dir: dir.to_path_buf(),
            journal,
            records,
            meeting,
        };
        if matches!(rec.meeting.phase, Phase::Running | Phase::Paused)
            && let Some(down_since) = rec.meeting.last_event_at
        {
            rec.record(Event::Recovered { down_since }, now)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok((rec, report))
    }

    /// Appends `event` durably, then folds it into the meeting.
    pub fn record(&mut self, event: Event, now: Time) -> io::Result<()> {
        // Whole seconds: every timer on screen then changes on the wall clock's second, so one
        // wake-up per second serves them all. Keep times in order even if the clock steps back.
        let now = now.with_nanosecond(0).unwrap_or(now);
        let at = self.records.last().map_or(now, |r| r.at.max(now));
        let record = self.journal.append(at, event)?;
        let undo = record.event == Event::Undo;
        self.records.push(record);
        if undo {
            // Undo needs the whole list: fold again from the start.
            self.meeting = Meeting::replay(self.meeting.agenda.clone(), &self.records);
        } else if let Some(r) = self.records.last() {
            self.meeting.last_seq = r.seq;
            self.meeting.last_event_at = Some(r.at);
            self.meeting.apply(r);
        }
        Ok(())
    }

    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether anything beyond the session header was recorded.
    pub fn is_empty(&self) -> bool {
        self.records
            .iter()
            .all(|r| matches!(r.event, Event::Opened { .. }))
    }
}
