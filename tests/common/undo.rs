//! What Undo records took back, the slow and obvious way, for tests that check the live fold
//! (which takes groups back from what they saved) against it.

use std::collections::HashSet;

use referent::session::event::{Event, Record};

/// The seqs taken back: each Undo takes the latest group standing, and nothing after a started
/// meeting's end counts.
pub fn undone_seqs(records: &[Record]) -> HashSet<u64> {
    let mut stack: Vec<(u64, Vec<u64>)> = vec![];
    let mut undone = HashSet::new();
    let mut started = false;
    for r in records {
        match &r.event {
            Event::Undo => undone.extend(stack.pop().map(|(_, s)| s).unwrap_or_default()),
            Event::MeetingEnded if started => break,
            Event::MeetingStarted => started = true,
            e if e.is_undoable() => match stack.last_mut() {
                Some((g, seqs)) if *g == r.group() => seqs.push(r.seq),
                _ => stack.push((r.group(), vec![r.seq])),
            },
            _ => {}
        }
    }
    undone
}
