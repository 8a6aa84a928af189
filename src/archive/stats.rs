//! Statistics for a series of meetings: how often, how far over time, which items keep running
//! over their slot, and how many items end with a decision.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration};

use super::Archive;
use super::summary::{
    actual_length, has_decision, item_actual, item_planned, plan_of, planned_length,
};
use crate::session::state::Status;

/// An item title (as it recurs across meetings) and how it kept to its slot.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemOverrun {
    pub title: String,
    /// Meetings in which it was treated with a planned slot.
    pub treated: usize,
    /// Of those, the meetings in which it ran over by a minute or more.
    pub over: usize,
    /// Average time over the slot across the meetings it ran over in.
    pub average_over: Duration,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeriesStats {
    pub series: String,
    pub meetings: usize,
    /// ("2022-03", meetings held that month), in date order.
    pub per_month: Vec<(String, usize)>,
    /// Finished meetings with a plan: the ones overrun is measured on.
    pub measured: usize,
    pub total_overrun: Duration,
    pub average_overrun: Option<Duration>,
    /// Items that ran over in more than half of at least two meetings, worst first.
    pub habitual_overruns: Vec<ItemOverrun>,
    /// Items treated (done) across the series, and those with a decision or outcome.
    pub items_treated: usize,
    pub items_with_decision: usize,
    /// Speaking time per person across the series, most first.
    pub speaking: Vec<SpeakingTime>,
}

/// One person's speaking time over a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakingTime {
    pub name: String,
    pub total: Duration,
    /// How many times they had the floor.
    pub turns: usize,
    /// In how many of the meetings they spoke.
    pub meetings: usize,
}

impl SeriesStats {
    /// Share of treated items that ended with a decision or outcome, 0.0 to 1.0.
    pub fn decision_share(&self) -> Option<f64> {
        (self.items_treated > 0)
            .then(|| self.items_with_decision as f64 / self.items_treated as f64)
    }
}

/// Running over by less than this is rounding, not overrun.
const GRACE: i64 = 60;

/// Statistics over the sessions at `members` (indices into the archive), called `series`.
pub fn series_stats(archive: &Archive, series: &str, members: &[usize]) -> SeriesStats {
    let mut stats = SeriesStats {
        series: series.to_string(),
        ..Default::default()
    };
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    // title key -> (shown title, treated, over, total over)
    let mut per_item: BTreeMap<String, (String, usize, usize, Duration)> = BTreeMap::new();
    let mut speaking: BTreeMap<String, SpeakingTime> = BTreeMap::new();
    for &i in members {
        let Some(s) = archive.sessions.get(i) else {
            continue;
        };
        stats.meetings += 1;
        if let Some(d) = s.date() {
            *months
                .entry(format!("{:04}-{:02}", d.year(), d.month()))
                .or_default() += 1;
        }
        let m = &s.meeting;
        if s.is_finished()
            && let (Some(planned), Some(actual)) = (planned_length(m), actual_length(m))
        {
            stats.measured += 1;
            stats.total_overrun += actual - planned;
        }
        add_speaking(&mut speaking, m);
        let plan = plan_of(m);
        for (k, item) in m.agenda.items.iter().enumerate() {
            if m.items.get(k).map(|st| st.status) != Some(Status::Done) {
                continue;
            }
            stats.items_treated += 1;
            if has_decision(m, k) {
                stats.items_with_decision += 1;
            }
            let Some(planned) = item_planned(m, &plan, k) else {
                continue;
            };
            let over = item_actual(m, k) - planned;
            let key = item.title.trim().to_lowercase();
            let entry = per_item
                .entry(key)
                .or_insert_with(|| (item.title.trim().to_string(), 0, 0, Duration::zero()));
            entry.1 += 1;
            if over.num_seconds() >= GRACE {
                entry.2 += 1;
                entry.3 += over;
            }
        }
    }
    stats.per_month = months.into_iter().collect();
    stats.speaking = speaking.into_values().collect();
    stats
        .speaking
        .sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name)));
    if stats.measured > 0 {
        stats.average_overrun = Some(stats.total_overrun / stats.measured as i32);
    }
    stats.habitual_overruns = per_item
        .into_values()
        .filter(|(_, treated, over, _)| *treated >= 2 && over * 2 > *treated)
        .map(|(title, treated, over, total)| ItemOverrun {
            title,
            treated,
            over,
            average_over: total / over.max(1) as i32,
        })
        .collect();
    stats.habitual_overruns.sort_by(|a, b| {
        (b.over * a.treated)
            .cmp(&(a.over * b.treated))
            .then(b.average_over.cmp(&a.average_over))
    });
    stats
}

/// Adds one meeting's turns to the per-person totals; the same name in any case is one person.
fn add_speaking(speaking: &mut BTreeMap<String, SpeakingTime>, m: &crate::session::Meeting) {
    // A meeting's speaking time is read as of its last record (an unfinished one stops there).
    let Some(at) = m.ended_at.or(m.last_event_at) else {
        return;
    };
    let mut seen = std::collections::BTreeSet::new();
    for state in &m.items {
        for turn in &state.speakers.turns {
            let key = turn.name.trim().to_lowercase();
            let entry = speaking.entry(key.clone()).or_insert_with(|| SpeakingTime {
                name: turn.name.trim().to_string(),
                total: Duration::zero(),
                turns: 0,
                meetings: 0,
            });
            entry.total += turn.spoken(&state.spans, at);
            entry.turns += 1;
            if seen.insert(key) {
                entry.meetings += 1;
            }
        }
    }
}

/// Statistics for the series the user named (`--series NAME`): sessions whose series key is the
/// name's, or whose title contains it. Shown under the first member's series name.
pub fn stats_named(archive: &Archive, named: &str) -> SeriesStats {
    let members: Vec<usize> = (0..archive.sessions.len())
        .filter(|&i| super::series::matches(archive.sessions[i].title(), named))
        .collect();
    let shown = members
        .first()
        .map(|&i| super::series::series_name(archive.sessions[i].title()))
        .unwrap_or_else(|| named.trim().to_string());
    series_stats(archive, &shown, &members)
}

/// Statistics for the series of `archive.sessions[index]`.
pub fn stats_of_session(archive: &Archive, index: usize) -> SeriesStats {
    let Some(s) = archive.sessions.get(index) else {
        return SeriesStats::default();
    };
    let members = archive.series_members(&s.series_key());
    series_stats(archive, &super::series::series_name(s.title()), &members)
}
