//! The agenda as the screens list it: the items in order, with the planned breaks between them
//! at the time the plan now gives them. The live view and the projector both list these rows.

use crate::session::state::{Meeting, Slot, break_length};
use crate::textutil::clean;

/// One row of an agenda list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The agenda item at this index.
    Item(usize),
    /// An announced break (a gap the schedule found is not listed).
    Break {
        title: String,
        /// `HH:MM` when it starts, by the plan as it now stands.
        at: Option<String>,
        minutes: i64,
    },
}

/// Items and breaks in order, from `plan` (one slot per item, as [`Meeting::plan_at`] gives).
pub fn rows(m: &Meeting, plan: &[Option<Slot>]) -> Vec<Row> {
    let n = m.items.len();
    let mut breaks: Vec<&crate::agenda::Break> = m
        .agenda
        .breaks
        .iter()
        .filter(|b| !b.title.trim().is_empty())
        .collect();
    breaks.sort_by_key(|b| b.after);
    let mut out = Vec::with_capacity(n + breaks.len());
    let mut next = breaks.into_iter().peekable();
    for i in 0..=n {
        while let Some(b) = next.next_if(|b| b.after.min(n) == i) {
            let length = break_length(b);
            // Where the plan puts it: after the item before, else before the item after.
            let before = i
                .checked_sub(1)
                .and_then(|p| plan.get(p).copied().flatten());
            let after = plan.get(i).copied().flatten();
            let at = before
                .map(|s| s.end)
                .or_else(|| after.map(|s| s.start - length))
                .map(|t| t.format("%H:%M").to_string())
                .or_else(|| b.start.map(|t| t.format("%H:%M").to_string()));
            out.push(Row::Break {
                title: clean(&b.title),
                at,
                minutes: crate::session::state::round_minutes(length),
            });
        }
        if i < n {
            out.push(Row::Item(i));
        }
    }
    out
}

/// The row of item `item`.
pub fn position(rows: &[Row], item: usize) -> Option<usize> {
    rows.iter().position(|r| *r == Row::Item(item))
}

/// The first of `visible` rows to show so that `focus` (a row) stays in view, `above` rows
/// from the top when the list is longer than the screen.
pub fn first_shown(len: usize, visible: usize, focus: Option<usize>, above: usize) -> usize {
    focus
        .map(|f| f.saturating_sub(above))
        .unwrap_or(0)
        .min(len.saturating_sub(visible))
}
