//! The speaker list (*talerliste*) of one item: who waits for the floor, who has had it and
//! for how long. Pure: the fold in `state.rs` calls these with the record's time.
//!
//! A turn's time is its stretch from the floor being given to its end, counted only while its
//! item was being treated and the meeting not paused (the item's spans). So a pause, or going
//! on to another item, stops the speaker's clock without an event of its own, and no two
//! speakers' clocks can run at once.

use chrono::Duration;

use super::clock::Time;
use super::state::Span;

/// Someone on the list, waiting for the floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub name: String,
    /// Not among the meeting's participants.
    pub guest: bool,
}

/// One time someone had the floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub name: String,
    pub guest: bool,
    pub start: Time,
    /// `None` while they still have the floor.
    pub end: Option<Time>,
}

impl Turn {
    /// Time spoken by `at`: the turn's stretch within the item's `spans`, never negative.
    pub fn spoken(&self, spans: &[Span], at: Time) -> Duration {
        let end = self.end.unwrap_or(at);
        spans
            .iter()
            .map(|s| {
                let from = s.start.max(self.start);
                let to = s.end.unwrap_or(at).min(end);
                (to - from).max(Duration::zero())
            })
            .sum()
    }
}

/// An item's speaker list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerList {
    pub waiting: Vec<Waiting>,
    /// Turns in the order the floor was given; only the last may still be open.
    pub turns: Vec<Turn>,
    /// The item's own speaking-time limit in seconds, over the meeting's default.
    pub limit: Option<u32>,
}

impl SpeakerList {
    /// The one who has the floor on this item.
    pub fn current(&self) -> Option<&Turn> {
        self.turns.last().filter(|t| t.end.is_none())
    }

    pub fn add(&mut self, name: &str, guest: bool) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        self.waiting.push(Waiting {
            name: name.to_string(),
            guest,
        });
        true
    }

    /// Ends the current turn and opens one for the first waiting; false when there is neither.
    pub fn give_floor(&mut self, at: Time) -> bool {
        if self.current().is_none() && self.waiting.is_empty() {
            return false;
        }
        if let Some(t) = self.turns.last_mut()
            && t.end.is_none()
        {
            // A clock set back never makes a turn end before it began.
            t.end = Some(at.max(t.start));
        }
        if !self.waiting.is_empty() {
            let next = self.waiting.remove(0);
            self.turns.push(Turn {
                name: next.name,
                guest: next.guest,
                start: at,
                end: None,
            });
        }
        true
    }

    pub fn move_waiting(&mut self, from: usize, to: usize) -> bool {
        if from >= self.waiting.len() || to >= self.waiting.len() || from == to {
            return false;
        }
        let w = self.waiting.remove(from);
        self.waiting.insert(to, w);
        true
    }

    pub fn remove(&mut self, index: usize) -> bool {
        if index >= self.waiting.len() {
            return false;
        }
        self.waiting.remove(index);
        true
    }

    pub fn clear(&mut self) -> bool {
        if self.waiting.is_empty() {
            return false;
        }
        self.waiting.clear();
        true
    }

    /// Total time per person on this item, in the order they first spoke.
    pub fn totals(&self, spans: &[Span], at: Time) -> Vec<(String, Duration)> {
        let mut out: Vec<(String, Duration)> = vec![];
        for t in &self.turns {
            let d = t.spoken(spans, at);
            match out.iter_mut().find(|(n, _)| *n == t.name) {
                Some((_, total)) => *total += d,
                None => out.push((t.name.clone(), d)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::clock::{Clock, FakeClock};

    fn t(secs: i64) -> Time {
        FakeClock::at("2022-03-14T13:30:00+01:00").now() + Duration::seconds(secs)
    }

    #[test]
    fn a_turn_counts_only_inside_the_items_spans() {
        let spans = [
            Span {
                start: t(0),
                end: Some(t(100)),
            },
            Span {
                start: t(200),
                end: None,
            },
        ];
        let turn = Turn {
            name: "Helle".into(),
            guest: false,
            start: t(50),
            end: None,
        };
        assert_eq!(turn.spoken(&spans, t(260)), Duration::seconds(50 + 60));
    }

    #[test]
    fn the_floor_goes_to_the_first_waiting_and_ends_the_turn_before() {
        let mut l = SpeakerList::default();
        assert!(!l.give_floor(t(0)), "nobody to give it to");
        l.add("A", false);
        l.add("B", true);
        assert!(l.give_floor(t(10)));
        assert!(l.give_floor(t(40)));
        assert_eq!(l.turns[0].end, Some(t(40)));
        assert_eq!(l.current().map(|c| c.name.as_str()), Some("B"));
        assert!(l.give_floor(t(50)));
        assert!(l.current().is_none());
    }
}
