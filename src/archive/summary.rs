//! One line per session: when, what, how long against the plan, what came out of it.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate, TimeZone};

use super::actions::{self, ActionPoint};
use super::series::{self, series_name};
use super::{Archive, Session};
use crate::i18n::Lang;
use crate::session::state::{EntryKind, Meeting, Slot, initial_plan};

/// What the session list shows about one session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    /// Index into [`Archive::sessions`].
    pub index: usize,
    pub name: String,
    pub dir: PathBuf,
    pub date: Option<NaiveDate>,
    pub title: String,
    /// The series as shown ([`series_name`]); compare with [`SessionSummary::series_key`].
    pub series: String,
    /// From the plan's first start to its last end, breaks included.
    pub planned: Option<Duration>,
    /// Wall time from the start to the end (or to the last record of an unfinished session).
    pub actual: Option<Duration>,
    pub items: usize,
    /// Decisions and recommendation outcomes recorded.
    pub decisions: usize,
    pub actions: usize,
    /// Action points of this session not (yet) marked done in any session.
    pub open_actions: usize,
    pub finished: bool,
}

impl SessionSummary {
    /// Actual minus planned; negative when the meeting ended early.
    pub fn overrun(&self) -> Option<Duration> {
        Some(self.actual? - self.planned?)
    }

    pub fn series_key(&self) -> String {
        self.series.to_lowercase()
    }

    /// Whether every word typed in the filter appears in the date, title or folder name.
    pub fn matches(&self, filter: &str) -> bool {
        let hay = format!(
            "{} {} {} {} {}",
            self.date
                .map(|d| super::format_date(d, Lang::Da))
                .unwrap_or_default(),
            self.date
                .map(|d| super::format_date(d, Lang::Nb))
                .unwrap_or_default(),
            self.date.map(|d| d.to_string()).unwrap_or_default(),
            self.title,
            self.name
        )
        .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|w| hay.contains(w))
    }
}

/// How the list can be ordered; [`SortKey::next`] cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first.
    #[default]
    Date,
    /// A to Z.
    Title,
    /// Largest overrun first.
    Overrun,
    /// Most decisions first.
    Decisions,
    /// Most open action points first.
    OpenActions,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Overrun,
        SortKey::Decisions,
        SortKey::OpenActions,
    ];

    pub fn next(self) -> SortKey {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// Summaries of every session in the archive, in archive order (oldest first).
pub fn summaries(archive: &Archive) -> Vec<SessionSummary> {
    let actions = actions::all_actions(archive);
    let mut by_session: std::collections::HashMap<&str, Vec<&ActionPoint>> = Default::default();
    for a in &actions {
        by_session.entry(a.session.as_str()).or_default().push(a);
    }
    archive
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let own = by_session.get(s.name.as_str()).map(Vec::as_slice);
            summarize(i, s, own.unwrap_or_default())
        })
        .collect()
}

/// The summary of one session; `own` are its action points with their follow-ups applied.
pub fn summarize(index: usize, session: &Session, own: &[&ActionPoint]) -> SessionSummary {
    let m = &session.meeting;
    SessionSummary {
        index,
        name: session.name.clone(),
        dir: session.dir.clone(),
        date: session.date(),
        title: session.title().to_string(),
        series: series_name(session.title()),
        planned: planned_length(m),
        actual: actual_length(m),
        items: m.items.len(),
        decisions: count_decisions(m),
        actions: own.len(),
        open_actions: own.iter().filter(|a| !a.done).count(),
        finished: session.is_finished(),
    }
}

/// Sorts summaries by `key`, each key in its natural direction; ties keep date order.
pub fn sort(list: &mut [SessionSummary], key: SortKey) {
    list.sort_by(|a, b| {
        let by_date = (b.date, &b.name).cmp(&(a.date, &a.name));
        let primary = match key {
            SortKey::Date => std::cmp::Ordering::Equal,
            SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
            SortKey::Overrun => b.overrun().cmp(&a.overrun()),
            SortKey::Decisions => b.decisions.cmp(&a.decisions),
            SortKey::OpenActions => b.open_actions.cmp(&a.open_actions),
        };
        primary.then(by_date)
    });
}

/// The summaries that match `filter`, sorted by `key`.
pub fn listing(all: &[SessionSummary], filter: &str, key: SortKey) -> Vec<SessionSummary> {
    let mut list: Vec<SessionSummary> = all.iter().filter(|s| s.matches(filter)).cloned().collect();
    sort(&mut list, key);
    list
}

/// The summaries of the series `named` (see [`series::matches`]).
pub fn of_series(all: &[SessionSummary], named: &str) -> Vec<SessionSummary> {
    all.iter()
        .filter(|s| series::matches(&s.title, named))
        .cloned()
        .collect()
}

/// The plan per item as it stood when the meeting started, or as it would be for an agenda
/// that never started.
pub fn plan_of(m: &Meeting) -> Vec<Option<Slot>> {
    if m.original_plan.is_empty() {
        // Any fixed day will do: only lengths are asked of this plan.
        let day = chrono::FixedOffset::east_opt(0)
            .and_then(|o| o.with_ymd_and_hms(2000, 1, 3, 8, 0, 0).single());
        day.map(|t| initial_plan(&m.agenda, t)).unwrap_or_default()
    } else {
        m.original_plan.clone()
    }
}

/// The planned length of the whole meeting, breaks included; `None` when nothing is planned.
pub fn planned_length(m: &Meeting) -> Option<Duration> {
    let plan = plan_of(m);
    let start = plan.iter().flatten().map(|s| s.start).min()?;
    let end = plan.iter().flatten().map(|s| s.end).max()?;
    Some(end - start).filter(|d| *d > Duration::zero())
}

/// Wall time from the start to the end, or to the last record while unfinished.
pub fn actual_length(m: &Meeting) -> Option<Duration> {
    let start = m.started_at?;
    let end = m.ended_at.or(m.last_event_at)?;
    Some((end - start).max(Duration::zero()))
}

/// The planned length of one item, as planned at the start.
pub fn item_planned(m: &Meeting, plan: &[Option<Slot>], item: usize) -> Option<Duration> {
    plan.get(item)
        .copied()
        .flatten()
        .map(|s| s.length())
        .filter(|d| *d > Duration::zero())
        .or_else(|| {
            m.agenda
                .items
                .get(item)
                .and_then(|i| i.planned_minutes())
                .map(|mins| Duration::minutes(i64::from(mins)))
        })
}

/// Time spent on an item (pauses excluded); for an ended meeting nothing is still running.
pub fn item_actual(m: &Meeting, item: usize) -> Duration {
    let now = m.ended_at.or(m.last_event_at);
    match now {
        Some(now) => m.item_elapsed(item, now),
        None => Duration::zero(),
    }
}

/// Whether an item has a decision or a recommendation outcome recorded.
pub fn has_decision(m: &Meeting, item: usize) -> bool {
    m.items.get(item).is_some_and(|s| {
        s.entries.iter().any(|e| {
            matches!(
                e.kind,
                EntryKind::Decision { .. } | EntryKind::Outcome { .. }
            )
        })
    })
}

fn count_decisions(m: &Meeting) -> usize {
    m.items
        .iter()
        .flat_map(|s| &s.entries)
        .filter(|e| {
            matches!(
                e.kind,
                EntryKind::Decision { .. } | EntryKind::Outcome { .. }
            )
        })
        .count()
}
