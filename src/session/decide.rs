//! What a user may ask for in a meeting, and which events it writes: the meeting's rules.
//!
//! [`decide`] is pure: it reads the meeting and "now" and returns the events of one intent (they
//! are written as one group, so `u` takes them back together) or a [`Refusal`] with the message
//! the user sees. The screen maps keys to a [`Command`]; it does not know the rules.

use chrono::NaiveDate;

use super::clock::Time;
use super::due::parse_due_lang;
use super::edits::{FactsText, ItemText};
use super::event::{Event, FollowUp, Outcome, Replan};
use super::state::{EntryKind, Meeting, Phase, Status};
use crate::agenda::Item;
use crate::i18n::{Key, Lang};

/// One thing a user can ask for. Text comes as typed: `decide` checks it.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Space: start the meeting, pause it, or resume it.
    StartPause,
    /// The next item not yet treated.
    Next,
    Previous,
    /// An item by its number as written ("3", "3a", "12/22"), else by position.
    GoTo {
        number: String,
    },
    Skip,
    Decision {
        text: String,
    },
    Note {
        text: String,
    },
    /// The outcome of the current item's recommendation: all clauses (`None`) or one.
    Outcome {
        clause: Option<usize>,
        outcome: Outcome,
        text: String,
    },
    ActionPoint {
        what: String,
        who: String,
        due: String,
    },
    Vote {
        votes_for: String,
        against: String,
        abstain: String,
    },
    /// New text for a decision, outcome, note or conflict of interest.
    Edit {
        entry: u64,
        text: String,
    },
    EditAction {
        entry: u64,
        what: String,
        who: String,
        due: String,
    },
    /// A vote is replaced: the new count is written and the old one deleted, as one intent.
    EditVote {
        entry: u64,
        votes_for: String,
        against: String,
        abstain: String,
    },
    Delete {
        entry: u64,
    },
    /// Take back the last intent still standing.
    Undo,
    Attendance {
        name: String,
        present: bool,
    },
    Movement {
        name: String,
        arrived: bool,
    },
    /// `name` has a conflict of interest in the current item.
    Inhabil {
        name: String,
    },
    Replan(Replan),
    FollowUp {
        session: String,
        entry: u64,
        action: String,
        /// `None`: done; `Some(text)`: moved to the due date typed.
        moved_to: Option<String>,
    },
    /// A new item right after the one at position `after` (`None`: first), numbered after it.
    AddItem {
        after: Option<usize>,
        title: String,
        minutes: String,
    },
    /// New number, title, times, recommendation or attachments for the item at `item`.
    EditItem {
        item: usize,
        fields: Item,
    },
    /// The item at `item` one place up (`up`) or down.
    MoveItem {
        item: usize,
        up: bool,
    },
    RemoveItem {
        item: usize,
    },
    /// The plan editor's item form, as typed, for the item at `item`.
    EditItemText {
        item: usize,
        text: ItemText,
    },
    /// The plan editor's form of the meeting's facts, as typed.
    EditFacts(FactsText),
    /// `t`: `name` joins the current item's speaker list (a guest when not a participant).
    AddSpeaker {
        name: String,
    },
    /// `T`: the floor goes to the next one waiting; the current speaker's time ends.
    GiveFloor,
    /// The one waiting at place `index` one place up (`up`) or down.
    MoveSpeaker {
        index: usize,
        up: bool,
    },
    RemoveSpeaker {
        index: usize,
    },
    ClearSpeakers,
    /// The current item's speaking-time limit as typed: minutes (`3`, `2:30`); empty for the
    /// meeting's default, `0` for none.
    SpeakingLimit {
        minutes: String,
    },
    /// `q`, confirmed: the meeting ends (a meeting never started just closes).
    Finish,
}

/// Why a command writes nothing; [`Refusal::message`] is what the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Plain(Key),
    /// A message and the input it is about.
    About(Key, String),
    /// A due date that does not read.
    Due {
        input: String,
        today: NaiveDate,
    },
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::Plain(key) => key.get(lang).to_string(),
            Refusal::About(key, what) => format!("{}: {what}", key.get(lang)),
            Refusal::Due { input, today } => parse_due_lang(input, *today, lang)
                .err()
                .unwrap_or_else(|| Key::DueHint.get(lang).to_string()),
        }
    }
}

/// The events `command` writes now, or why it writes none. Events the fold would refuse (a
/// compress with no planned end left, say) are never written: they are tried on a copy first.
pub fn decide(m: &Meeting, command: Command, now: Time) -> Result<Vec<Event>, Refusal> {
    // The rules work on positions; the journal names items by identity.
    let events = events_for(m, command, now)?
        .iter()
        .map(|e| {
            e.map_items(|pos| m.id_of(pos))
                .map(std::borrow::Cow::into_owned)
        })
        .collect::<Option<Vec<Event>>>()
        .ok_or(Refusal::Plain(Key::NotPossibleNow))?;
    // An undo always fits (it puts back what its group replaced, and what it folds in again
    // fitted before): it needs no trial on a copy, whose cost grows with the journal.
    if events == [Event::Undo] {
        return Ok(events);
    }
    let mut trial = m.clone();
    let at = m.last_event_at.map_or(now, |last| last.max(now));
    for (seq, event) in (m.last_seq + 1..).zip(&events) {
        trial.apply(&super::event::Record {
            seq,
            at,
            group: m.last_seq + 1,
            event: event.clone(),
        });
    }
    if trial.ignored.len() > m.ignored.len() {
        return Err(Refusal::Plain(Key::NotPossibleNow));
    }
    Ok(events)
}

fn events_for(m: &Meeting, command: Command, now: Time) -> Result<Vec<Event>, Refusal> {
    use Command as C;
    let today = now.date_naive();
    match command {
        C::StartPause => match m.phase {
            Phase::NotStarted => Ok(vec![Event::MeetingStarted]),
            Phase::Running => Ok(vec![Event::Paused]),
            Phase::Paused => Ok(vec![Event::Resumed]),
            Phase::Ended => Err(Refusal::Plain(Key::NotRunning)),
        },
        C::Finish => match m.phase {
            Phase::Running | Phase::Paused => Ok(vec![Event::MeetingEnded]),
            Phase::NotStarted | Phase::Ended => Ok(vec![]),
        },
        C::Undo => match m.undo_target() {
            Some(_) if m.phase != Phase::Ended => Ok(vec![Event::Undo]),
            Some(_) | None => Err(Refusal::Plain(Key::NothingToUndo)),
        },
        // Who is there can be recorded before the clock starts.
        C::Attendance { name, present } => Ok(vec![Event::Attendance {
            name: need_text(&name)?,
            present,
        }]),
        C::Movement { name, arrived } => Ok(vec![Event::Movement {
            name: need_text(&name)?,
            arrived,
        }]),
        C::FollowUp {
            session,
            entry,
            action,
            moved_to,
        } => {
            running(m)?;
            let status = match moved_to {
                None => FollowUp::Done,
                Some(text) => FollowUp::Moved {
                    due: parse_due(&text, today)?,
                },
            };
            Ok(vec![Event::ActionFollowUp {
                session,
                entry,
                status,
                action: Some(action),
            }])
        }
        C::Replan(plan) => {
            running(m)?;
            replan(m, plan)
        }
        C::GoTo { number } => {
            running(m)?;
            let item = find_item(m, &number)?;
            match m.items[item].status {
                Status::Deferred => Err(Refusal::About(Key::ItemDeferred, number)),
                Status::Pending | Status::Current | Status::Done | Status::Skipped => {
                    Ok(vec![Event::ItemStarted { item }])
                }
            }
        }
        C::Next => {
            let c = current(m)?;
            match m.next_pending(c) {
                Some(item) => Ok(vec![Event::ItemStarted { item }]),
                None => Err(Refusal::Plain(Key::LastItem)),
            }
        }
        C::Previous => {
            let c = current(m)?;
            match (0..c)
                .rev()
                .find(|&i| m.items[i].status != Status::Deferred)
            {
                Some(item) => Ok(vec![Event::ItemStarted { item }]),
                None => Err(Refusal::Plain(Key::FirstItem)),
            }
        }
        C::Skip => Ok(vec![Event::ItemSkipped { item: current(m)? }]),
        C::Decision { text } => Ok(vec![Event::Decision {
            item: current(m)?,
            text: need_text(&text)?,
        }]),
        C::Note { text } => Ok(vec![Event::Note {
            item: current(m)?,
            text: need_text(&text)?,
        }]),
        C::Outcome {
            clause,
            outcome,
            text,
        } => {
            let item = current(m)?;
            let clauses = m.agenda.items[item].recommendation.len();
            if clause.is_some_and(|k| k >= clauses) {
                return Err(Refusal::Plain(Key::NoSuchClause));
            }
            Ok(vec![Event::Outcome {
                item,
                clause,
                outcome,
                text: need_text(&text)?,
            }])
        }
        C::ActionPoint { what, who, due } => Ok(vec![Event::ActionAdded {
            item: current(m)?,
            what: need_text(&what)?,
            who: who.trim().to_string(),
            due: optional_due(&due, today)?,
        }]),
        C::Vote {
            votes_for,
            against,
            abstain,
        } => Ok(vec![vote(current(m)?, &votes_for, &against, &abstain)?]),
        C::Inhabil { name } => Ok(vec![Event::Inhabil {
            item: current(m)?,
            name: need_text(&name)?,
        }]),
        C::Edit { entry, text } => {
            running(m)?;
            match entry_kind(m, entry)? {
                EntryKind::Decision { .. }
                | EntryKind::Note { .. }
                | EntryKind::Outcome { .. }
                | EntryKind::Inhabil { .. } => Ok(vec![Event::EntryEdited {
                    entry,
                    text: need_text(&text)?,
                    who: None,
                    due: None,
                }]),
                EntryKind::Action { .. } | EntryKind::Vote { .. } => {
                    Err(Refusal::Plain(Key::NoEntry))
                }
            }
        }
        C::EditAction {
            entry,
            what,
            who,
            due,
        } => {
            running(m)?;
            match entry_kind(m, entry)? {
                EntryKind::Action { .. } => Ok(vec![Event::EntryEdited {
                    entry,
                    text: need_text(&what)?,
                    who: Some(who.trim().to_string()),
                    due: optional_due(&due, today)?,
                }]),
                EntryKind::Decision { .. }
                | EntryKind::Note { .. }
                | EntryKind::Outcome { .. }
                | EntryKind::Inhabil { .. }
                | EntryKind::Vote { .. } => Err(Refusal::Plain(Key::NoEntry)),
            }
        }
        C::EditVote {
            entry,
            votes_for,
            against,
            abstain,
        } => {
            running(m)?;
            let item = item_of(m, entry)?;
            match entry_kind(m, entry)? {
                EntryKind::Vote { .. } => Ok(vec![
                    vote(item, &votes_for, &against, &abstain)?,
                    Event::EntryDeleted { entry },
                ]),
                EntryKind::Decision { .. }
                | EntryKind::Note { .. }
                | EntryKind::Outcome { .. }
                | EntryKind::Inhabil { .. }
                | EntryKind::Action { .. } => Err(Refusal::Plain(Key::NoEntry)),
            }
        }
        C::AddItem {
            after,
            title,
            minutes,
        } => {
            not_ended(m)?;
            let minutes = minutes.trim();
            let minutes = if minutes.is_empty() {
                None
            } else {
                Some(
                    minutes
                        .parse::<u32>()
                        .map_err(|_| Refusal::About(Key::NeedNumber, minutes.into()))?,
                )
            };
            let fields = Item {
                number: number_after(m, after),
                title: need_text(&title)?,
                minutes,
                ..Default::default()
            };
            Ok(vec![Event::ItemAdded {
                id: m.fresh_id(),
                after,
                fields: Box::new(fields),
            }])
        }
        C::EditItem { item, fields } => {
            not_ended(m)?;
            match m.items.get(item).map(|i| i.status) {
                Some(Status::Pending | Status::Current) => {}
                Some(Status::Done | Status::Skipped | Status::Deferred) => {
                    return Err(Refusal::Plain(Key::ItemTreated));
                }
                None => return Err(Refusal::Plain(Key::NotPossibleNow)),
            }
            let fields = Item {
                title: need_text(&fields.title)?,
                ..fields
            };
            Ok(vec![Event::ItemEdited {
                item,
                fields: Box::new(fields),
            }])
        }
        C::EditItemText { item, text } => {
            let base = m
                .agenda
                .items
                .get(item)
                .ok_or(Refusal::Plain(Key::NotPossibleNow))?;
            let fields = text.read(base)?;
            let limit = parse_limit(&text.speaking_time)?;
            let mut events = events_for(m, C::EditItem { item, fields }, now)?;
            // The editor's speaking time is the speaker list's limit for this item.
            if m.items.get(item).is_some_and(|s| s.speakers.limit != limit) {
                events.push(Event::SpeakingLimitSet {
                    item: Some(item),
                    seconds: limit,
                });
            }
            Ok(events)
        }
        C::EditFacts(text) => {
            not_ended(m)?;
            let facts = text.read()?;
            if facts == m.agenda.facts() {
                return Ok(vec![]);
            }
            Ok(vec![Event::MeetingEdited {
                facts: Box::new(facts),
            }])
        }
        C::MoveItem { item, up } => {
            not_ended(m)?;
            untreated(m, item)?;
            let target = if up {
                item.checked_sub(1)
            } else {
                Some(item + 1).filter(|&t| t < m.items.len())
            };
            let Some(target) = target else {
                return Err(Refusal::Plain(Key::NotPossibleNow));
            };
            untreated(m, target)?;
            // Up: after the one before the target; down: after the target.
            let after = if up {
                target.checked_sub(1)
            } else {
                Some(target)
            };
            Ok(vec![Event::ItemMoved { item, after }])
        }
        C::RemoveItem { item } => {
            not_ended(m)?;
            untreated(m, item)?;
            Ok(vec![Event::ItemRemoved { item }])
        }
        C::AddSpeaker { name } => {
            let item = current(m)?;
            let name = need_text(&name)?;
            let known = m
                .people
                .iter()
                .map(|p| p.name.as_str())
                .chain(m.agenda.participants.iter().map(String::as_str))
                .find(|p| p.to_lowercase() == name.to_lowercase());
            Ok(vec![Event::SpeakerAdded {
                item,
                name: known.map_or(name.clone(), str::to_string),
                guest: known.is_none(),
            }])
        }
        C::GiveFloor => {
            let item = current(m)?;
            let list = &m.items[item].speakers;
            if list.current().is_none() && list.waiting.is_empty() {
                return Err(Refusal::Plain(Key::NoSpeakers));
            }
            Ok(vec![Event::FloorGiven { item }])
        }
        C::MoveSpeaker { index, up } => {
            let item = current(m)?;
            let to = if up {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            match to.filter(|&t| t < m.items[item].speakers.waiting.len()) {
                Some(to) if index < m.items[item].speakers.waiting.len() => {
                    Ok(vec![Event::SpeakerMoved {
                        item,
                        from: index,
                        to,
                    }])
                }
                Some(_) | None => Err(Refusal::Plain(Key::NotPossibleNow)),
            }
        }
        C::RemoveSpeaker { index } => {
            let item = current(m)?;
            if index >= m.items[item].speakers.waiting.len() {
                return Err(Refusal::Plain(Key::NoSpeakers));
            }
            Ok(vec![Event::SpeakerRemoved { item, index }])
        }
        C::ClearSpeakers => {
            let item = current(m)?;
            if m.items[item].speakers.waiting.is_empty() {
                return Err(Refusal::Plain(Key::NoSpeakers));
            }
            Ok(vec![Event::SpeakersCleared { item }])
        }
        C::SpeakingLimit { minutes } => {
            let item = current(m)?;
            let seconds = parse_limit(&minutes)?;
            Ok(vec![Event::SpeakingLimitSet {
                item: Some(item),
                seconds,
            }])
        }
        C::Delete { entry } => {
            running(m)?;
            entry_kind(m, entry)?;
            Ok(vec![Event::EntryDeleted { entry }])
        }
    }
}

/// A speaking-time limit as typed: `3` (minutes), `2:30`, `90s`; empty: none of its own.
pub fn parse_limit(text: &str) -> Result<Option<u32>, Refusal> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || Refusal::About(Key::NeedNumber, t.to_string());
    let seconds = if let Some(s) = t.strip_suffix('s') {
        s.trim().parse::<u32>().map_err(|_| bad())?
    } else if let Some((m, s)) = t.split_once(':') {
        let m = m.trim().parse::<u32>().map_err(|_| bad())?;
        let s = s.trim().parse::<u32>().map_err(|_| bad())?;
        if s >= 60 {
            return Err(bad());
        }
        m.checked_mul(60)
            .and_then(|m| m.checked_add(s))
            .ok_or_else(bad)?
    } else {
        t.parse::<u32>()
            .ok()
            .and_then(|m| m.checked_mul(60))
            .ok_or_else(bad)?
    };
    Ok(Some(seconds))
}

/// The participants whose name, or a word of it, starts with what was typed (any case), the
/// ones present first: what `t`'s name field offers and Tab completes to.
pub fn speaker_candidates(m: &Meeting, typed: &str) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    let fits = |name: &str| {
        let lower = name.to_lowercase();
        lower.starts_with(&typed) || lower.split_whitespace().any(|w| w.starts_with(&typed))
    };
    let mut names: Vec<(bool, String)> = m
        .people
        .iter()
        .filter(|p| fits(&p.name))
        .map(|p| (!p.present, p.name.clone()))
        .collect();
    // Stable: the agenda's order within present and absent.
    names.sort_by_key(|(absent, _)| *absent);
    names.into_iter().map(|(_, n)| n).collect()
}

/// The meeting has started and not ended.
pub fn running(m: &Meeting) -> Result<(), Refusal> {
    match m.phase {
        Phase::Running | Phase::Paused => Ok(()),
        Phase::NotStarted => Err(Refusal::Plain(Key::PressSpace)),
        Phase::Ended => Err(Refusal::Plain(Key::NotRunning)),
    }
}

fn not_ended(m: &Meeting) -> Result<(), Refusal> {
    match m.phase {
        Phase::Ended => Err(Refusal::Plain(Key::NotRunning)),
        Phase::NotStarted | Phase::Running | Phase::Paused => Ok(()),
    }
}

/// An item that may still be moved or removed: one not treated (nor being treated) yet.
fn untreated(m: &Meeting, item: usize) -> Result<(), Refusal> {
    match m.items.get(item).map(|i| i.status) {
        Some(Status::Pending) => Ok(()),
        Some(Status::Current | Status::Done | Status::Skipped | Status::Deferred) => Err(
            Refusal::About(Key::ItemTreated, m.agenda.items[item].label()),
        ),
        None => Err(Refusal::Plain(Key::NotPossibleNow)),
    }
}

/// The number for an item added after the one at `after`: `8a` after `8`, `8b` after `8a`,
/// the first letter no item has yet.
pub fn number_after(m: &Meeting, after: Option<usize>) -> String {
    let Some(base) = after.and_then(|a| m.agenda.items.get(a)) else {
        return String::new();
    };
    let stem = base.number.trim_end_matches(|c: char| c.is_alphabetic());
    let taken = |n: &str| {
        m.agenda
            .items
            .iter()
            .any(|i| i.number.eq_ignore_ascii_case(n))
    };
    ('a'..='z')
        .map(|c| format!("{stem}{c}"))
        .find(|n| !taken(n) && n.as_str() > base.number.as_str())
        .unwrap_or_else(|| format!("{}+", base.number))
}

/// The item being treated, for commands that record on it (the screen asks before it opens a
/// form for one).
pub fn current(m: &Meeting) -> Result<usize, Refusal> {
    running(m)?;
    m.current.ok_or(Refusal::Plain(Key::LastItem))
}

fn need_text(text: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        Err(Refusal::Plain(Key::NeedText))
    } else {
        Ok(text.to_string())
    }
}

fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    parse_due_lang(text, today, Lang::En).map_err(|_| Refusal::Due {
        input: text.trim().to_string(),
        today,
    })
}

fn optional_due(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Refusal> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_due(text, today).map(Some)
    }
}

fn vote(item: usize, votes_for: &str, against: &str, abstain: &str) -> Result<Event, Refusal> {
    let n = |v: &str| -> Result<u32, Refusal> {
        let v = v.trim();
        if v.is_empty() {
            return Ok(0);
        }
        v.parse()
            .map_err(|_| Refusal::About(Key::NeedNumber, v.into()))
    };
    Ok(Event::Vote {
        item,
        votes_for: n(votes_for)?,
        against: n(against)?,
        abstain: n(abstain)?,
    })
}

fn entry_kind(m: &Meeting, entry: u64) -> Result<&EntryKind, Refusal> {
    m.items
        .iter()
        .flat_map(|i| &i.entries)
        .find(|e| e.id == entry)
        .map(|e| &e.kind)
        .ok_or(Refusal::Plain(Key::NoEntry))
}

fn item_of(m: &Meeting, entry: u64) -> Result<usize, Refusal> {
    m.items
        .iter()
        .position(|i| i.entries.iter().any(|e| e.id == entry))
        .ok_or(Refusal::Plain(Key::NoEntry))
}

fn replan(m: &Meeting, plan: Replan) -> Result<Vec<Event>, Refusal> {
    match &plan {
        Replan::Compress | Replan::PushBack => {}
        Replan::Defer { item } => {
            if m.items.get(*item).map(|i| i.status) != Some(Status::Pending) {
                return Err(Refusal::Plain(Key::NoPendingItems));
            }
        }
    }
    Ok(vec![Event::Replan { plan }])
}

/// An item by its number as written ("3", "3a", "12/22"), else by position.
pub fn find_item(m: &Meeting, number: &str) -> Result<usize, Refusal> {
    let items = &m.agenda.items;
    let wanted = number.trim().trim_end_matches('.').to_lowercase();
    items
        .iter()
        .position(|i| i.number.to_lowercase() == wanted)
        .or_else(|| {
            wanted
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1 && n <= items.len())
                .map(|n| n - 1)
        })
        .ok_or_else(|| Refusal::About(Key::UnknownItem, number.trim().to_string()))
}

/// Items that `R` → defer may move to the next meeting.
pub fn deferrable(m: &Meeting) -> Vec<usize> {
    (0..m.items.len())
        .filter(|&i| m.items[i].status == Status::Pending)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Agenda, Item};
    use crate::session::clock::{Clock, FakeClock};
    use crate::session::event::Record;

    fn agenda(n: usize) -> Agenda {
        Agenda {
            title: "Møde".into(),
            participants: vec!["Helle".into()],
            items: (1..=n)
                .map(|i| Item {
                    number: i.to_string(),
                    title: format!("Sag {i}"),
                    minutes: Some(10),
                    recommendation: vec!["at a".into(), "at b".into()],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// Runs commands as the app does: decide, then fold the events in as one group.
    struct Rig {
        clock: FakeClock,
        m: Meeting,
    }

    impl Rig {
        fn new(n: usize) -> Self {
            Rig {
                clock: FakeClock::at("2022-03-14T13:30:00+01:00"),
                m: Meeting::new(agenda(n)),
            }
        }

        fn run(&mut self, c: Command) -> Result<Vec<Event>, Refusal> {
            self.clock.advance_secs(30);
            let events = decide(&self.m, c, self.clock.now())?;
            let group = self.m.last_seq + 1;
            for (seq, event) in (group..).zip(events.clone()) {
                self.m.apply(&Record {
                    seq,
                    at: self.clock.now(),
                    group,
                    event,
                });
            }
            Ok(events)
        }
    }

    /// Bug 1: `n` after deferring the next item opened the deferred item.
    #[test]
    fn next_skips_a_deferred_item_and_goto_refuses_it() {
        let mut r = Rig::new(4);
        r.run(Command::StartPause).unwrap();
        r.run(Command::Next).unwrap();
        r.run(Command::Replan(Replan::Defer { item: 2 })).unwrap();
        r.run(Command::Next).unwrap();
        assert_eq!(r.m.current, Some(3));
        assert_eq!(r.m.items[2].status, Status::Deferred);
        assert_eq!(
            r.run(Command::GoTo { number: "3".into() }),
            Err(Refusal::About(Key::ItemDeferred, "3".into()))
        );
        assert_eq!(r.m.items[2].status, Status::Deferred);
    }

    /// Bug 7: `s` on an item, back to it with `g`, then `n` reopened the (done) item after it.
    #[test]
    fn next_after_going_back_to_a_skipped_item_goes_to_one_not_yet_treated() {
        let mut r = Rig::new(8);
        r.run(Command::StartPause).unwrap();
        r.run(Command::GoTo { number: "6".into() }).unwrap();
        r.run(Command::Skip).unwrap();
        assert_eq!(r.m.current, Some(6));
        r.run(Command::GoTo { number: "6".into() }).unwrap();
        assert_eq!(r.m.items[6].status, Status::Done);
        r.run(Command::Next).unwrap();
        assert_eq!(r.m.current, Some(7), "item 8, not item 7 again");
    }

    /// Bug 6: attendance before the clock started was refused with "press Space".
    #[test]
    fn attendance_is_recorded_before_the_meeting_starts() {
        let mut r = Rig::new(2);
        r.run(Command::Attendance {
            name: "Helle".into(),
            present: false,
        })
        .unwrap();
        assert!(!r.m.people[0].present);
        assert!(r.m.ignored.is_empty());
    }

    /// Bug 3: one outcome was stamped on every clause.
    #[test]
    fn an_outcome_can_be_for_one_clause() {
        let mut r = Rig::new(1);
        r.run(Command::StartPause).unwrap();
        let written = r
            .run(Command::Outcome {
                clause: Some(1),
                outcome: Outcome::Rejected,
                text: "Afvist".into(),
            })
            .unwrap();
        assert!(matches!(
            written[0],
            Event::Outcome {
                clause: Some(1),
                ..
            }
        ));
        assert_eq!(
            r.run(Command::Outcome {
                clause: Some(2),
                outcome: Outcome::Approved,
                text: "x".into(),
            }),
            Err(Refusal::Plain(Key::NoSuchClause))
        );
    }

    /// Editing a vote writes two events; `u` takes back both.
    #[test]
    fn undo_takes_back_the_whole_intent() {
        let mut r = Rig::new(1);
        r.run(Command::StartPause).unwrap();
        let vote = |f: &str| Command::Vote {
            votes_for: f.into(),
            against: "1".into(),
            abstain: String::new(),
        };
        r.run(vote("3")).unwrap();
        let before = r.m.items[0].entries.clone();
        let entry = before[0].id;
        let written = r
            .run(Command::EditVote {
                entry,
                votes_for: "4".into(),
                against: "0".into(),
                abstain: "0".into(),
            })
            .unwrap();
        assert_eq!(written.len(), 2);
        r.run(Command::Undo).unwrap();
        assert_eq!(r.m.items[0].entries, before);
    }

    #[test]
    fn form_input_is_checked_here() {
        let mut r = Rig::new(1);
        r.run(Command::StartPause).unwrap();
        assert_eq!(
            r.run(Command::Note { text: "  ".into() }),
            Err(Refusal::Plain(Key::NeedText))
        );
        let due = r.run(Command::ActionPoint {
            what: "Send".into(),
            who: "Helle".into(),
            due: "blå mandag".into(),
        });
        let Err(refusal) = due else {
            panic!("a bad due date is refused")
        };
        assert!(refusal.message(Lang::Da).contains("blå mandag"));
    }

    /// Nothing after the end counts, and `decide` writes nothing then.
    #[test]
    fn after_the_end_nothing_is_written() {
        let mut r = Rig::new(1);
        r.run(Command::StartPause).unwrap();
        r.run(Command::Finish).unwrap();
        assert!(r.run(Command::Note { text: "x".into() }).is_err());
        assert!(r.run(Command::Undo).is_err());
    }
}
