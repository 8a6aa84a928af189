//! Past sessions as data: summaries, search, statistics of a series, action points across
//! meetings and the draft of the next agenda.
//!
//! Everything here is a pure function of sessions already read, except [`Archive::load`], the thin
//! loader. The journal is the truth: a session is its agenda plus the fold of its journal, never
//! its `minutes.json` (which an interrupted meeting does not have).

pub mod actions;
pub mod ics;
pub mod next;
pub mod search;
pub mod series;
pub mod stats;
pub mod summary;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::session::Meeting;
use crate::session::store;

/// Dates as the rest of the app shows them (14-03-2022 in Danish, 14.03.2022 in Norwegian).
pub use crate::session::due::format_date;
pub use actions::{ActionPoint, ActionStatus, OpenAction, open_actions_for, review_item};
pub use search::{Field, Hit, search, search_in};
pub use series::{series_key, series_name};
pub use stats::{SeriesStats, series_stats, stats_named, stats_of_session};
pub use summary::{SessionSummary, SortKey};

/// One past (or unfinished) session, read back and folded.
#[derive(Debug, Clone)]
pub struct Session {
    /// The folder's name: how other sessions refer to this one.
    pub name: String,
    pub dir: PathBuf,
    pub meeting: Meeting,
}

impl Session {
    pub fn new(dir: &Path, meeting: Meeting) -> Self {
        Session {
            name: store::session_name(dir),
            dir: dir.to_path_buf(),
            meeting,
        }
    }

    /// The day the meeting was held: when its clock started, else the agenda's date, else the
    /// date the folder name starts with.
    pub fn date(&self) -> Option<NaiveDate> {
        self.meeting
            .started_at
            .map(|t| t.date_naive())
            .or(self.meeting.agenda.date)
            .or_else(|| date_prefix(&self.name))
    }

    pub fn title(&self) -> &str {
        &self.meeting.agenda.title
    }

    pub fn is_finished(&self) -> bool {
        self.meeting.is_finished()
    }

    /// The key that groups this session with the other meetings of its series.
    pub fn series_key(&self) -> String {
        series_key(self.title())
    }
}

/// All sessions under a sessions directory, oldest first, plus what could not be read.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub sessions: Vec<Session>,
    /// One line per folder or journal line that could not be read; the rest is kept.
    pub problems: Vec<String>,
}

impl Archive {
    /// Reads every session folder under `root`. Entries that are not session folders (plain
    /// agenda files, other folders) are ignored; damaged sessions are reported and skipped.
    /// Folders are read on all cores: parsing a thousand agendas and journals is the slow part
    /// of opening the review.
    pub fn load(root: &Path) -> Archive {
        let dirs = store::list(root);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let chunk = dirs.len().div_ceil(threads).max(1);
        let results: Vec<Vec<Loaded>> = std::thread::scope(|scope| {
            let workers: Vec<_> = dirs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|d| load_one(d)).collect()))
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|_| vec![Err("a session could not be read".to_string())])
                })
                .collect()
        });
        let mut sessions = vec![];
        let mut problems = vec![];
        for result in results.into_iter().flatten() {
            match result {
                Ok((session, messages)) => {
                    sessions.push(session);
                    problems.extend(messages);
                }
                Err(e) => problems.push(e),
            }
        }
        Archive::from_sessions(sessions, problems)
    }

    /// An archive of sessions already in memory, put in date order.
    pub fn from_sessions(mut sessions: Vec<Session>, problems: Vec<String>) -> Archive {
        sessions.sort_by(|a, b| (a.date(), &a.name).cmp(&(b.date(), &b.name)));
        Archive { sessions, problems }
    }

    /// The session whose folder is called `name`.
    pub fn find(&self, name: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.name == name)
    }

    /// Index of the session in `dir` (compared by folder name, so relative and absolute paths
    /// of the same folder match).
    pub fn position_of(&self, dir: &Path) -> Option<usize> {
        let name = store::session_name(dir);
        self.sessions.iter().position(|s| s.name == name)
    }

    /// The sessions of one series, oldest first, as indices into `sessions`.
    pub fn series_members(&self, key: &str) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&i| self.sessions[i].series_key() == key)
            .collect()
    }

    /// Whether `dir` looks like a session folder (for commands that take one as an argument).
    pub fn is_session_dir(dir: &Path) -> bool {
        dir.join(store::JOURNAL_FILE).is_file() && dir.join(store::AGENDA_FILE).is_file()
    }
}

/// A session folder read and folded, with what was wrong in its journal; or why it could not be.
type Loaded = Result<(Session, Vec<String>), String>;

/// One session folder read and folded, with what was wrong in its journal.
fn load_one(dir: &Path) -> Loaded {
    let (meeting, report) = store::load_meeting(dir)?;
    let journal = dir.join(store::JOURNAL_FILE);
    let mut messages = report.messages(&journal);
    // What the fold left out (repeated or out-of-order records) is said, as `minutes` says it.
    let shown = crate::textutil::display_path(&journal);
    messages.extend(
        meeting
            .fold_problems()
            .into_iter()
            .map(|p| format!("{shown}: {p}")),
    );
    Ok((Session::new(dir, meeting), messages))
}

/// `2022-03-14` at the start of a folder name.
fn date_prefix(name: &str) -> Option<NaiveDate> {
    name.get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefix_reads_folder_names() {
        assert_eq!(
            date_prefix("2022-03-14-centerledermoede"),
            NaiveDate::from_ymd_opt(2022, 3, 14)
        );
        assert_eq!(date_prefix("notes"), None);
        assert_eq!(date_prefix("ææææææææææææ"), None);
    }
}
