//! The meeting state: a pure fold of the agenda and the journal's records.
//!
//! Nothing here reads the clock or the disk. Questions that depend on "now" (elapsed, drift,
//! projected end) take `now` as an argument.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use serde::Serialize;

use super::clock::Time;
use super::event::{Event, FollowUp, Outcome, Record, Replan};
use super::speakers::{SpeakerList, Turn};
use crate::agenda::{Agenda, Facts, Item, same_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    NotStarted,
    Running,
    Paused,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Current,
    Done,
    Skipped,
    Deferred,
}

/// A stretch of time; `end` is `None` while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Time,
    pub end: Option<Time>,
}

impl Span {
    fn length(&self, now: Time) -> Duration {
        (self.end.unwrap_or(now) - self.start).max(Duration::zero())
    }
}

/// One line in an item's log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The seq of the record that created it.
    pub id: u64,
    pub at: Time,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntryKind {
    Decision {
        text: String,
    },
    Outcome {
        clause: Option<usize>,
        outcome: Outcome,
        text: String,
    },
    Action {
        what: String,
        who: String,
        due: Option<NaiveDate>,
    },
    Note {
        text: String,
    },
    Vote {
        votes_for: u32,
        against: u32,
        abstain: u32,
    },
    Inhabil {
        name: String,
    },
}

/// A planned slot as clock times on the meeting's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: Time,
    pub end: Time,
}

impl Slot {
    pub fn length(&self) -> Duration {
        (self.end - self.start).max(Duration::zero())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    pub status: Status,
    /// When the item was current and the meeting not paused.
    pub spans: Vec<Span>,
    pub entries: Vec<Entry>,
    /// Who asked to speak on the item, and who spoke.
    pub speakers: SpeakerList,
}

impl ItemState {
    pub fn elapsed(&self, now: Time) -> Duration {
        self.spans.iter().map(|s| s.length(now)).sum()
    }

    pub fn outcome(&self) -> Option<(Outcome, &str)> {
        self.entries.iter().rev().find_map(|e| match &e.kind {
            EntryKind::Outcome { outcome, text, .. } => Some((*outcome, text.as_str())),
            EntryKind::Decision { .. }
            | EntryKind::Action { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        })
    }

    fn close(&mut self, at: Time) {
        if let Some(last) = self.spans.last_mut()
            && last.end.is_none()
        {
            last.end = Some(at);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub present: bool,
    /// Late arrivals (`true`) and early leaves (`false`), with their time.
    pub movements: Vec<(Time, bool)>,
}

/// An earlier meeting's action point, followed up in this one.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRecord {
    /// Folder name of the session the action point belongs to, and its entry id there.
    pub session: String,
    pub entry: u64,
    pub status: FollowUp,
    pub at: Time,
    /// What the action point said, when the event carries it.
    pub action: Option<String>,
}

/// A change of plan, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanChange {
    pub at: Time,
    /// What was done; a deferred item is named by its identity (see [`Meeting::pos`]).
    pub replan: Replan,
    /// The projected end just before the change and just after it.
    pub before_end: Option<Time>,
    pub after_end: Option<Time>,
}

/// What a plan edit did, for the minutes' *Dagsordenen blev godkendt med følgende ændringer*.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanEditKind {
    Added,
    Edited,
    Moved,
    Removed,
}

/// One change to the items, with the item's number and title as they were after it (for a
/// removal: as they were).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEdit {
    pub at: Time,
    pub kind: PlanEditKind,
    pub id: usize,
    pub number: String,
    pub title: String,
}

/// An item taken out of its place, with everything the meeting keeps about it.
struct Placed {
    item: Item,
    state: ItemState,
    id: usize,
    slot: Option<Slot>,
    original: Option<Slot>,
}

/// The whole meeting as the journal says it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub agenda: Agenda,
    pub phase: Phase,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
    /// Time of the newest record; a resumed session's gap starts here.
    pub last_event_at: Option<Time>,
    pub current: Option<usize>,
    pub items: Vec<ItemState>,
    pub pauses: Vec<Span>,
    /// Times the app was down (crash or power loss), from the last record to the recovery.
    pub interruptions: Vec<Span>,
    pub people: Vec<Person>,
    /// The plan per item, fixed when the meeting starts and changed by replans.
    pub plan: Vec<Option<Slot>>,
    /// The plan as it was at the start, for "against the planned end".
    pub original_plan: Vec<Option<Slot>>,
    /// The agenda's stated end on the meeting's day (moved with the plan), fixed at the start.
    pub stated_end: Option<Time>,
    pub plan_changes: Vec<PlanChange>,
    /// Items added, edited, moved and removed, in order, for the minutes.
    pub plan_edits: Vec<PlanEdit>,
    /// The identity of the item at each position (see the journal's format in `event.rs`).
    pub ids: Vec<usize>,
    /// The agenda as imported: the fold starts from it again on undo.
    pub imported: Agenda,
    pub follow_ups: Vec<FollowUpRecord>,
    /// The speaking-time limit in seconds for items without their own.
    pub speaking_limit: Option<u32>,
    /// Records that were skipped because they made no sense (e.g. an item index out of range,
    /// a seq that is not after the one before, anything after the meeting ended).
    pub ignored: Vec<u64>,
    /// The ignored records that came after `meeting_ended` (a second writer, or a bad copy).
    pub after_end: Vec<u64>,
    /// Records whose seq was not after the one before (a second writer): not folded in.
    pub out_of_order: Vec<u64>,
    /// Records repeated line for line (a bad copy): counted once, the repeat not folded in.
    pub duplicates: Vec<u64>,
    /// The seq of the last record folded in.
    pub last_seq: u64,
    /// Every record folded in, in order.
    records: Vec<Record>,
    /// How to take back each record standing in the state, in order (until the meeting ends).
    trail: Vec<Step>,
    /// The groups `u` can take back, oldest first.
    standing: Vec<Standing>,
}

/// A group still standing: what `u` would take back.
#[derive(Debug, Clone, PartialEq)]
struct Standing {
    group: u64,
    /// Indices into `records` of its first and last record. Its records are the undoable ones
    /// between them: another group's would have ended it.
    first: usize,
    last: usize,
    /// Where its first record is in `trail`.
    trail: usize,
}

/// One record standing in the state, and what it changed, so that an undo can put it back
/// without folding the journal again.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    /// Index into `records`.
    record: usize,
    /// `ignored` was this long before the record.
    ignored: usize,
    change: Change,
}

/// What a record changed, as the values it replaced. Each kind of event saves the parts of the
/// state it can touch (see [`Meeting::saved_for`]); anything the agenda bounds is saved whole,
/// lists that only grow are saved as their length.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    Nothing,
    /// Phase, current item, item statuses and spans, plan, pauses, plan changes.
    Course(Box<Course>),
    /// An entry was added to the item's log.
    EntryAdded {
        item: usize,
    },
    /// An entry was edited or deleted: the entry as it was, and where.
    Entry {
        item: usize,
        pos: usize,
        /// Boxed: edits are few, and every step on the trail is as large as the largest change.
        entry: Box<Entry>,
        deleted: bool,
    },
    Person {
        people: usize,
        pos: Option<usize>,
        present: bool,
        movements: usize,
    },
    Interruptions(usize),
    FollowUps(usize),
    /// An item's speaker list, as it was.
    Speakers {
        item: usize,
        list: Box<SpeakerList>,
    },
    /// The meeting's default speaking-time limit, as it was.
    SpeakingLimit(Option<u32>),
    /// The plan was changed (an item added, edited, moved or removed): every list the agenda's
    /// items index, saved whole. Plan changes are few, so the copy is cheap where it matters.
    Plan(Box<PlanShape>),
    /// The meeting's facts were changed: the facts, the people and the stated end as they were.
    Facts(Box<FactsShape>),
}

/// The parts of the meeting that a change of its facts rewrites.
#[derive(Debug, Clone, PartialEq)]
struct FactsShape {
    facts: Facts,
    people: Vec<Person>,
    stated_end: Option<Time>,
}

/// The parts of the meeting that a change of plan rewrites.
#[derive(Debug, Clone, PartialEq)]
struct PlanShape {
    agenda: Agenda,
    items: Vec<ItemState>,
    ids: Vec<usize>,
    current: Option<usize>,
    plan: Vec<Option<Slot>>,
    original_plan: Vec<Option<Slot>>,
    plan_edits: Vec<PlanEdit>,
}

/// A slot per item (`None`: not planned).
type Plan = Vec<Option<Slot>>;

/// The parts of the meeting that the course of it (start, items, pauses, plan, end) changes.
#[derive(Debug, Clone, PartialEq)]
struct Course {
    phase: Phase,
    started_at: Option<Time>,
    ended_at: Option<Time>,
    current: Option<usize>,
    stated_end: Option<Time>,
    /// Per item: status, number of spans, the last span.
    items: Vec<(Status, usize, Option<Span>)>,
    /// The plan and the plan as it was at the start, unless the record cannot change them.
    plan: Option<(Plan, Plan)>,
    pauses: usize,
    last_pause: Option<Span>,
    plan_changes: usize,
}

impl Meeting {
    /// A meeting that has not started.
    pub fn new(agenda: Agenda) -> Self {
        // A participant who also sent apologies is one person: absent.
        let people = agenda
            .participants
            .iter()
            .filter(|n| !agenda.sent_apologies(n))
            .map(|n| Person {
                name: n.clone(),
                present: true,
                movements: vec![],
            })
            .chain(agenda.absent.iter().map(|n| Person {
                name: n.clone(),
                present: false,
                movements: vec![],
            }))
            .collect();
        let items = agenda
            .items
            .iter()
            .map(|_| ItemState {
                status: Status::Pending,
                spans: vec![],
                entries: vec![],
                speakers: SpeakerList::default(),
            })
            .collect();
        Meeting {
            ids: (0..agenda.items.len()).collect(),
            imported: agenda.clone(),
            plan_edits: vec![],
            agenda,
            phase: Phase::NotStarted,
            started_at: None,
            ended_at: None,
            last_event_at: None,
            current: None,
            items,
            pauses: vec![],
            interruptions: vec![],
            people,
            plan: vec![],
            original_plan: vec![],
            stated_end: None,
            plan_changes: vec![],
            follow_ups: vec![],
            speaking_limit: None,
            ignored: vec![],
            after_end: vec![],
            out_of_order: vec![],
            duplicates: vec![],
            last_seq: 0,
            records: vec![],
            trail: vec![],
            standing: vec![],
        }
    }

    /// Folds all records into a meeting, one [`Meeting::apply`] at a time.
    pub fn replay(agenda: Agenda, records: &[Record]) -> Self {
        let mut m = Meeting::new(agenda);
        m.reserve(records.len());
        for r in records {
            m.apply(r);
        }
        m
    }

    /// [`Meeting::replay`] over records the caller no longer needs: each is moved into the
    /// meeting instead of copied (what resume, `minutes` and review read from disk).
    pub fn replay_owned(agenda: Agenda, records: Vec<Record>) -> Self {
        let mut m = Meeting::new(agenda);
        m.extend(records);
        m
    }

    /// Folds in more records the caller no longer needs, with room made for them at once (what
    /// the follower and a journal read a chunk at a time hand over).
    pub fn extend(&mut self, records: impl IntoIterator<Item = Record>) {
        let records = records.into_iter();
        self.reserve(records.size_hint().0);
        for r in records {
            self.apply_owned(r);
        }
    }

    /// Makes room for `n` more records, once (growing lists of a million records copy them again
    /// and again): a journal read in chunks says how many it expects. Past the end no step is
    /// kept for undo, so none is made room for.
    pub fn reserve(&mut self, n: usize) {
        self.records.reserve(n);
        if self.phase != Phase::Ended {
            self.trail.reserve(n);
        }
    }

    /// The one way a record changes the meeting. Records that do not fit (an item out of range,
    /// a seq not after the last one, anything after the meeting ended) are ignored and
    /// remembered in `ignored`. An undo takes back the latest group still standing, from what
    /// its records saved: its cost is that group's, not the journal's.
    pub fn apply(&mut self, r: &Record) {
        if self.admits(r) {
            self.fold_record(r.clone());
        }
    }

    /// [`Meeting::apply`] for a record the caller no longer needs (it is kept, not copied).
    pub fn apply_owned(&mut self, r: Record) {
        if self.admits(&r) {
            self.fold_record(r);
        }
    }

    /// Whether `r` comes after every record folded in; a repeat or a record out of order is
    /// counted where [`Meeting::fold_problems`] reports it.
    fn admits(&mut self, r: &Record) -> bool {
        if let Some(last) = self.records.last()
            && r.seq <= last.seq
        {
            // Seqs only grow, so the record with this seq, if any, is found by halving.
            let same = self
                .records
                .binary_search_by_key(&r.seq, |x| x.seq)
                .is_ok_and(|i| self.records.get(i) == Some(r));
            if same {
                self.duplicates.push(r.seq);
            } else {
                self.out_of_order.push(r.seq);
            }
            return false;
        }
        true
    }

    fn fold_record(&mut self, r: Record) {
        let index = self.records.len();
        self.last_seq = r.seq;
        self.last_event_at = Some(r.at);
        let (seq, group, undoable, undo) = (
            r.seq,
            r.group(),
            r.event.is_undoable(),
            r.event == Event::Undo,
        );
        self.records.push(r);
        if self.phase == Phase::Ended {
            self.ignored.push(seq);
            self.after_end.push(seq);
        } else if undo {
            self.undo();
        } else {
            if undoable {
                match self.standing.last_mut() {
                    Some(g) if g.group == group => g.last = index,
                    Some(_) | None => self.standing.push(Standing {
                        group,
                        first: index,
                        last: index,
                        trail: self.trail.len(),
                    }),
                }
            }
            self.fold_in(index);
        }
    }

    /// Folds `records[index]` into the state and keeps on the trail what it replaced.
    fn fold_in(&mut self, index: usize) {
        // The record is read where it is kept, not copied: the list is set aside while the
        // state changes (nothing the fold does reads it) and put back after.
        let records = std::mem::take(&mut self.records);
        if let Some(r) = records.get(index) {
            // Records name items by identity; the fold works on positions.
            let positioned = r.event.map_items(|id| self.pos(id));
            let step = Step {
                record: index,
                ignored: self.ignored.len(),
                change: positioned
                    .as_deref()
                    .map_or(Change::Nothing, |e| self.saved_for(e)),
            };
            let applied = positioned.is_some_and(|e| self.try_apply(r.seq, r.at, &e));
            if !applied {
                self.ignored.push(r.seq);
            }
            // Once the meeting has ended nothing is taken back: the trail is no longer needed.
            if self.phase == Phase::Ended {
                self.trail = vec![];
                self.standing = vec![];
            } else {
                self.trail.push(step);
            }
        }
        self.records = records;
    }

    /// Takes back the latest group standing: puts back what every record since its first one
    /// replaced, newest first, then folds in again the records since then that were not in
    /// the group (the meeting's start, a recovery: what `u` cannot take back).
    fn undo(&mut self) {
        let Some(group) = self.standing.pop() else {
            return;
        };
        let later = self.trail.split_off(group.trail.min(self.trail.len()));
        for step in later.iter().rev() {
            self.restore(&step.change);
            self.ignored.truncate(step.ignored);
        }
        for step in &later {
            if !self.in_group(&group, step.record) {
                self.fold_in(step.record);
            }
        }
    }

    /// Whether `records[index]` is one of the group's.
    fn in_group(&self, group: &Standing, index: usize) -> bool {
        (group.first..=group.last).contains(&index)
            && self
                .records
                .get(index)
                .is_some_and(|r| r.event.is_undoable())
    }

    /// What `event` (its items named by position) may change, saved before it is folded in. A
    /// new kind of event names here the parts it touches (and [`Meeting::restore`] puts them back).
    fn saved_for(&self, event: &Event) -> Change {
        match event {
            Event::Opened { .. } | Event::Undo => Change::Nothing,
            // A break leaves the plan as it is: only what it changes is saved.
            Event::Paused | Event::Resumed => Change::Course(Box::new(self.course(false))),
            Event::MeetingStarted
            | Event::ItemStarted { .. }
            | Event::ItemSkipped { .. }
            | Event::Replan { .. }
            | Event::MeetingEnded => Change::Course(Box::new(self.course(true))),
            Event::Decision { item, .. }
            | Event::Outcome { item, .. }
            | Event::ActionAdded { item, .. }
            | Event::Note { item, .. }
            | Event::Vote { item, .. }
            | Event::Inhabil { item, .. } => Change::EntryAdded { item: *item },
            Event::EntryEdited { entry, .. } | Event::EntryDeleted { entry } => {
                match self.find_entry(*entry) {
                    Some((item, pos)) => Change::Entry {
                        item,
                        pos,
                        entry: Box::new(self.items[item].entries[pos].clone()),
                        deleted: matches!(event, Event::EntryDeleted { .. }),
                    },
                    None => Change::Nothing,
                }
            }
            Event::Attendance { name, .. } | Event::Movement { name, .. } => {
                let pos = self.people.iter().position(|p| &p.name == name);
                let person = pos.and_then(|i| self.people.get(i));
                Change::Person {
                    people: self.people.len(),
                    pos,
                    present: person.is_some_and(|p| p.present),
                    movements: person.map_or(0, |p| p.movements.len()),
                }
            }
            Event::Recovered { .. } => Change::Interruptions(self.interruptions.len()),
            Event::ActionFollowUp { .. } => Change::FollowUps(self.follow_ups.len()),
            Event::SpeakerAdded { item, .. }
            | Event::FloorGiven { item }
            | Event::SpeakerMoved { item, .. }
            | Event::SpeakerRemoved { item, .. }
            | Event::SpeakersCleared { item }
            | Event::SpeakingLimitSet {
                item: Some(item), ..
            } => match self.items.get(*item) {
                Some(state) => Change::Speakers {
                    item: *item,
                    list: Box::new(state.speakers.clone()),
                },
                None => Change::Nothing,
            },
            Event::SpeakingLimitSet { item: None, .. } => {
                Change::SpeakingLimit(self.speaking_limit)
            }
            Event::ItemAdded { .. }
            | Event::ItemEdited { .. }
            | Event::ItemMoved { .. }
            | Event::ItemRemoved { .. } => Change::Plan(Box::new(PlanShape {
                agenda: self.agenda.clone(),
                items: self.items.clone(),
                ids: self.ids.clone(),
                current: self.current,
                plan: self.plan.clone(),
                original_plan: self.original_plan.clone(),
                plan_edits: self.plan_edits.clone(),
            })),
            Event::MeetingEdited { .. } => Change::Facts(Box::new(FactsShape {
                facts: self.agenda.facts(),
                people: self.people.clone(),
                stated_end: self.stated_end,
            })),
        }
    }

    /// The course of the meeting as it is, with its plan when `with_plan`.
    fn course(&self, with_plan: bool) -> Course {
        Course {
            phase: self.phase,
            started_at: self.started_at,
            ended_at: self.ended_at,
            current: self.current,
            stated_end: self.stated_end,
            items: self
                .items
                .iter()
                .map(|i| (i.status, i.spans.len(), i.spans.last().copied()))
                .collect(),
            plan: with_plan.then(|| (self.plan.clone(), self.original_plan.clone())),
            pauses: self.pauses.len(),
            last_pause: self.pauses.last().copied(),
            plan_changes: self.plan_changes.len(),
        }
    }

    /// Puts back what a record replaced.
    fn restore(&mut self, change: &Change) {
        match change {
            Change::Nothing => {}
            Change::Course(c) => {
                self.phase = c.phase;
                self.started_at = c.started_at;
                self.ended_at = c.ended_at;
                self.current = c.current;
                self.stated_end = c.stated_end;
                for (state, (status, spans, last)) in self.items.iter_mut().zip(&c.items) {
                    state.status = *status;
                    restore_list(&mut state.spans, *spans, *last);
                }
                if let Some((plan, original)) = &c.plan {
                    self.plan.clone_from(plan);
                    self.original_plan.clone_from(original);
                }
                restore_list(&mut self.pauses, c.pauses, c.last_pause);
                self.plan_changes.truncate(c.plan_changes);
            }
            Change::EntryAdded { item } => {
                if let Some(state) = self.items.get_mut(*item) {
                    state.entries.pop();
                }
            }
            Change::Entry {
                item,
                pos,
                entry,
                deleted,
            } => {
                if let Some(state) = self.items.get_mut(*item) {
                    if *deleted {
                        state
                            .entries
                            .insert((*pos).min(state.entries.len()), entry.as_ref().clone());
                    } else if let Some(e) = state.entries.get_mut(*pos) {
                        *e = entry.as_ref().clone();
                    }
                }
            }
            Change::Person {
                people,
                pos,
                present,
                movements,
            } => {
                if let Some(p) = pos.and_then(|i| self.people.get_mut(i)) {
                    p.present = *present;
                    p.movements.truncate(*movements);
                }
                self.people.truncate(*people);
            }
            Change::Interruptions(len) => self.interruptions.truncate(*len),
            Change::FollowUps(len) => self.follow_ups.truncate(*len),
            Change::Speakers { item, list } => {
                if let Some(state) = self.items.get_mut(*item) {
                    state.speakers = list.as_ref().clone();
                }
            }
            Change::SpeakingLimit(limit) => self.speaking_limit = *limit,
            Change::Plan(shape) => {
                let shape = shape.as_ref().clone();
                self.agenda = shape.agenda;
                self.items = shape.items;
                self.ids = shape.ids;
                self.current = shape.current;
                self.plan = shape.plan;
                self.original_plan = shape.original_plan;
                self.plan_edits = shape.plan_edits;
            }
            Change::Facts(shape) => {
                self.agenda.set_facts(shape.facts.clone());
                self.people.clone_from(&shape.people);
                self.stated_end = shape.stated_end;
            }
        }
    }

    /// What the fold left out, one sentence per kind, for `minutes`, `review` and resume.
    pub fn fold_problems(&self) -> Vec<String> {
        let list = |seqs: &[u64]| {
            seqs.iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = vec![];
        if !self.after_end.is_empty() {
            out.push(format!(
                "{} record(s) after the meeting ended were ignored (seq {})",
                self.after_end.len(),
                list(&self.after_end)
            ));
        }
        let after_end: std::collections::HashSet<u64> = self.after_end.iter().copied().collect();
        let other: Vec<u64> = self
            .ignored
            .iter()
            .copied()
            .filter(|s| !after_end.contains(s))
            .collect();
        if !other.is_empty() {
            out.push(format!(
                "{} record(s) that do not fit the agenda were ignored (seq {})",
                other.len(),
                list(&other)
            ));
        }
        if !self.duplicates.is_empty() {
            out.push(format!(
                "{} repeated record(s) (identical lines) were counted once (seq {})",
                self.duplicates.len(),
                list(&self.duplicates)
            ));
        }
        if !self.out_of_order.is_empty() {
            out.push(format!(
                "{} record(s) out of order were ignored (seq {})",
                self.out_of_order.len(),
                list(&self.out_of_order)
            ));
        }
        out
    }

    /// The records folded in so far.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The group `u` would take back now, if any.
    pub fn undo_target(&self) -> Option<u64> {
        self.standing.last().map(|g| g.group)
    }

    /// The records of the group `u` would take back now.
    pub fn undo_preview(&self) -> Vec<&Record> {
        self.standing.last().map_or(vec![], |g| {
            (g.first..=g.last)
                .filter(|&i| self.in_group(g, i))
                .filter_map(|i| self.records.get(i))
                .collect()
        })
    }

    /// Folds in the event of record `seq` at `at`, its items named by position. False when it
    /// does not fit.
    fn try_apply(&mut self, seq: u64, at: Time, event: &Event) -> bool {
        let n = self.items.len();
        let valid = |i: &usize| *i < n;
        let r = (seq, at);
        match event {
            Event::Opened { .. } | Event::Undo => true,
            Event::MeetingStarted => self.start(at),
            Event::ItemStarted { item } => valid(item) && self.start_item(*item, at),
            Event::ItemSkipped { item } => {
                valid(item) && {
                    self.items[*item].close(at);
                    self.items[*item].status = Status::Skipped;
                    if self.current == Some(*item) {
                        self.current = None;
                    }
                    // The next item still to be treated: a deferred or done one stays as it is.
                    if let Some(next) = self.next_pending(*item) {
                        self.open_item(next, at);
                    }
                    true
                }
            }
            Event::Paused => {
                self.phase == Phase::Running && {
                    self.phase = Phase::Paused;
                    self.pauses.push(Span {
                        start: at,
                        end: None,
                    });
                    if let Some(c) = self.current {
                        self.items[c].close(at);
                    }
                    true
                }
            }
            Event::Resumed => {
                self.phase == Phase::Paused && {
                    self.phase = Phase::Running;
                    if let Some(p) = self.pauses.last_mut() {
                        p.end = Some(at);
                    }
                    if let Some(c) = self.current {
                        self.items[c].spans.push(Span {
                            start: at,
                            end: None,
                        });
                    }
                    true
                }
            }
            Event::Recovered { down_since } => {
                self.interruptions.push(Span {
                    start: *down_since,
                    end: Some(at),
                });
                true
            }
            Event::Decision { item, text } => {
                valid(item) && self.push_entry(*item, r, EntryKind::Decision { text: text.clone() })
            }
            Event::Outcome {
                item,
                clause,
                outcome,
                text,
            } => {
                valid(item)
                    && self.push_entry(
                        *item,
                        r,
                        EntryKind::Outcome {
                            clause: *clause,
                            outcome: *outcome,
                            text: text.clone(),
                        },
                    )
            }
            Event::ActionAdded {
                item,
                what,
                who,
                due,
            } => {
                valid(item)
                    && self.push_entry(
                        *item,
                        r,
                        EntryKind::Action {
                            what: what.clone(),
                            who: who.clone(),
                            due: *due,
                        },
                    )
            }
            Event::Note { item, text } => {
                valid(item) && self.push_entry(*item, r, EntryKind::Note { text: text.clone() })
            }
            Event::Vote {
                item,
                votes_for,
                against,
                abstain,
            } => {
                valid(item)
                    && self.push_entry(
                        *item,
                        r,
                        EntryKind::Vote {
                            votes_for: *votes_for,
                            against: *against,
                            abstain: *abstain,
                        },
                    )
            }
            Event::Inhabil { item, name } => {
                valid(item) && self.push_entry(*item, r, EntryKind::Inhabil { name: name.clone() })
            }
            Event::EntryEdited {
                entry,
                text,
                who,
                due,
            } => self.edit_entry(*entry, text, who.as_deref(), *due),
            Event::EntryDeleted { entry } => self.delete_entry(*entry),
            Event::Attendance { name, present } => {
                self.person(name).present = *present;
                true
            }
            Event::Movement { name, arrived } => {
                let p = self.person(name);
                p.present = *arrived;
                p.movements.push((at, *arrived));
                true
            }
            Event::Replan { plan } => self.replan(plan, at),
            Event::ActionFollowUp {
                session,
                entry,
                status,
                action,
            } => {
                self.follow_ups.push(FollowUpRecord {
                    session: session.clone(),
                    entry: *entry,
                    status: status.clone(),
                    at,
                    action: action.clone(),
                });
                true
            }
            Event::ItemAdded { id, after, fields } => self.add_item(*id, *after, fields, at),
            Event::ItemEdited { item, fields } => self.edit_item(*item, fields, at),
            Event::ItemMoved { item, after } => self.move_item(*item, *after, at),
            Event::ItemRemoved { item } => self.remove_item(*item, at),
            Event::MeetingEdited { facts } => self.edit_facts(facts),
            Event::SpeakerAdded { item, name, guest } => {
                valid(item) && self.items[*item].speakers.add(name, *guest)
            }
            Event::FloorGiven { item } => valid(item) && self.items[*item].speakers.give_floor(at),
            Event::SpeakerMoved { item, from, to } => {
                valid(item) && self.items[*item].speakers.move_waiting(*from, *to)
            }
            Event::SpeakerRemoved { item, index } => {
                valid(item) && self.items[*item].speakers.remove(*index)
            }
            Event::SpeakersCleared { item } => valid(item) && self.items[*item].speakers.clear(),
            Event::SpeakingLimitSet { item, seconds } => match item {
                Some(item) => {
                    valid(item) && {
                        self.items[*item].speakers.limit = *seconds;
                        true
                    }
                }
                None => {
                    self.speaking_limit = *seconds;
                    true
                }
            },
            Event::MeetingEnded => {
                self.phase != Phase::NotStarted && {
                    if let Some(c) = self.current.take() {
                        self.items[c].close(at);
                        self.items[c].status = Status::Done;
                    }
                    if let Some(p) = self.pauses.last_mut()
                        && p.end.is_none()
                    {
                        p.end = Some(at);
                    }
                    self.phase = Phase::Ended;
                    self.ended_at = Some(at);
                    true
                }
            }
        }
    }

    /// New facts for the meeting. The people follow the lists: a name newly listed joins (absent
    /// when it sent apologies), a name moved to the apologies is absent, one moved back is
    /// present, and a name taken off both lists leaves unless something was recorded about its
    /// coming or going. A new stated end counts from the start, as it would have.
    fn edit_facts(&mut self, facts: &Facts) -> bool {
        let old = self.agenda.facts();
        self.agenda.set_facts(facts.clone());
        let listed = |n: &str, list: &[String]| list.iter().any(|x| same_name(x, n));
        self.people.retain(|p| {
            !p.movements.is_empty()
                || listed(&p.name, &facts.participants)
                || listed(&p.name, &facts.absent)
        });
        for name in facts.participants.iter().chain(&facts.absent) {
            let apologised = listed(name, &facts.absent);
            let was_apologised = listed(name, &old.absent);
            match self.people.iter_mut().find(|p| same_name(&p.name, name)) {
                Some(p) if apologised != was_apologised && p.movements.is_empty() => {
                    p.present = !apologised;
                }
                Some(_) => {}
                None => self.people.push(Person {
                    name: name.clone(),
                    present: !apologised,
                    movements: vec![],
                }),
            }
        }
        if old.end != facts.end
            && let Some(start) = self.started_at
        {
            self.stated_end = stated_end(&self.agenda, start);
        }
        true
    }

    // ----- plan edits: items keep their identity, positions follow the changed plan -----

    /// The position of the item with identity `id`.
    pub fn pos(&self, id: usize) -> Option<usize> {
        self.ids.iter().position(|&i| i == id)
    }

    /// The identity of the item at position `pos`.
    pub fn id_of(&self, pos: usize) -> Option<usize> {
        self.ids.get(pos).copied()
    }

    /// An identity no item has had in this meeting: past the imported ones and every added one.
    pub fn fresh_id(&self) -> usize {
        let added = self
            .plan_edits
            .iter()
            .filter(|e| e.kind == PlanEditKind::Added)
            .map(|e| e.id + 1);
        added
            .chain(self.ids.iter().map(|i| i + 1))
            .max()
            .unwrap_or(0)
            .max(self.imported.items.len())
    }

    fn add_item(&mut self, id: usize, after: Option<usize>, fields: &Item, at: Time) -> bool {
        if self.phase == Phase::Ended || self.ids.contains(&id) {
            return false;
        }
        let started = self.phase != Phase::NotStarted;
        let minutes = Duration::minutes(i64::from(fields.planned_minutes().unwrap_or(0)));
        let slot = started.then(|| Slot {
            start: at,
            end: at + minutes,
        });
        let placed = Placed {
            item: fields.clone(),
            state: ItemState {
                status: Status::Pending,
                spans: vec![],
                entries: vec![],
                speakers: SpeakerList::default(),
            },
            id,
            slot,
            original: None,
        };
        self.put(after.map_or(0, |a| a + 1), placed);
        self.note_edit(PlanEditKind::Added, id, fields, at);
        true
    }

    fn edit_item(&mut self, pos: usize, fields: &Item, at: Time) -> bool {
        if !matches!(self.items[pos].status, Status::Pending | Status::Current) {
            return false;
        }
        let line = self.agenda.items[pos].line;
        self.agenda.items[pos] = Item {
            line,
            ..fields.clone()
        };
        // A new length moves the item's end and everything after it.
        if let (Some(Some(slot)), Some(m)) = (self.plan.get(pos).copied(), fields.planned_minutes())
        {
            let delta = Duration::minutes(i64::from(m)) - slot.length();
            self.plan[pos] = Some(Slot {
                start: slot.start,
                end: slot.end + delta,
            });
            self.shift_pending_after(pos, delta);
        }
        self.note_edit(PlanEditKind::Edited, self.ids[pos], fields, at);
        true
    }

    fn move_item(&mut self, pos: usize, after: Option<usize>, at: Time) -> bool {
        if self.items[pos].status != Status::Pending || after == Some(pos) {
            return false;
        }
        let after_id = after.and_then(|a| self.id_of(a));
        let placed = self.take(pos);
        let id = placed.id;
        let to = match after_id {
            Some(a) => self.pos(a).map_or(0, |p| p + 1),
            None => 0,
        };
        self.put(to, placed);
        let fields = self.agenda.items[to].clone();
        self.note_edit(PlanEditKind::Moved, id, &fields, at);
        true
    }

    fn remove_item(&mut self, pos: usize, at: Time) -> bool {
        if self.items[pos].status != Status::Pending {
            return false;
        }
        let placed = self.take(pos);
        self.note_edit(PlanEditKind::Removed, placed.id, &placed.item, at);
        true
    }

    fn note_edit(&mut self, kind: PlanEditKind, id: usize, item: &Item, at: Time) {
        self.plan_edits.push(PlanEdit {
            at,
            kind,
            id,
            number: item.number.clone(),
            title: item.title.clone(),
        });
    }

    /// Takes the pending item at `pos` out of every list; later pending slots move up by its length.
    fn take(&mut self, pos: usize) -> Placed {
        let current = self.current.and_then(|c| self.id_of(c));
        let slot = (pos < self.plan.len())
            .then(|| self.plan.remove(pos))
            .flatten();
        let original = (pos < self.original_plan.len())
            .then(|| self.original_plan.remove(pos))
            .flatten();
        let placed = Placed {
            item: self.agenda.items.remove(pos),
            state: self.items.remove(pos),
            id: self.ids.remove(pos),
            slot,
            original,
        };
        if let Some(s) = slot {
            self.shift_pending_after(pos.wrapping_sub(1), -s.length());
        }
        for b in &mut self.agenda.breaks {
            if b.after > pos {
                b.after -= 1;
            }
        }
        self.current = current.and_then(|id| self.pos(id));
        placed
    }

    /// Puts an item in at `pos`: its slot starts where the one before ends, later pending slots
    /// move back by its length.
    fn put(&mut self, pos: usize, placed: Placed) {
        let current = self.current.and_then(|c| self.id_of(c));
        let pos = pos.min(self.items.len());
        let mut shift = None;
        if !self.plan.is_empty() {
            let slot = placed.slot.map(|s| {
                let start = self.plan[..pos]
                    .iter()
                    .rev()
                    .find_map(|s| s.map(|s| s.end))
                    .unwrap_or(s.start);
                Slot {
                    start,
                    end: start + s.length(),
                }
            });
            self.plan.insert(pos, slot);
            // An added item was planned when it was added: that slot is its "planned".
            self.original_plan
                .insert(pos.min(self.original_plan.len()), placed.original.or(slot));
            shift = slot.map(|s| s.length());
        }
        for b in &mut self.agenda.breaks {
            if b.after >= pos {
                b.after += 1;
            }
        }
        self.agenda.items.insert(pos, placed.item);
        self.items.insert(pos, placed.state);
        self.ids.insert(pos, placed.id);
        if let Some(length) = shift {
            self.shift_pending_after(pos, length);
        }
        self.current = current.and_then(|id| self.pos(id));
    }

    /// Moves the slots of the pending items after `pos` (all of them for `usize::MAX`) by `delta`.
    fn shift_pending_after(&mut self, pos: usize, delta: Duration) {
        let from = pos.wrapping_add(1);
        for i in from..self.items.len().min(self.plan.len()) {
            if self.items[i].status == Status::Pending
                && let Some(s) = &mut self.plan[i]
            {
                s.start += delta;
                s.end += delta;
            }
        }
    }

    fn start(&mut self, at: Time) -> bool {
        if self.phase != Phase::NotStarted {
            return false;
        }
        self.phase = Phase::Running;
        self.started_at = Some(at);
        self.plan = initial_plan(&self.agenda, at);
        self.original_plan = self.plan.clone();
        self.stated_end = stated_end(&self.agenda, at);
        if !self.items.is_empty() {
            self.open_item(0, at);
        }
        true
    }

    /// A deferred item belongs to the next meeting: it cannot be opened in this one.
    fn start_item(&mut self, item: usize, at: Time) -> bool {
        self.items[item].status != Status::Deferred && self.open_item(item, at)
    }

    fn open_item(&mut self, item: usize, at: Time) -> bool {
        if matches!(self.phase, Phase::NotStarted | Phase::Ended) {
            return false;
        }
        if let Some(c) = self.current
            && c != item
        {
            self.items[c].close(at);
            self.items[c].status = Status::Done;
        }
        self.current = Some(item);
        let state = &mut self.items[item];
        state.status = Status::Current;
        if self.phase == Phase::Running && state.spans.last().is_none_or(|s| s.end.is_some()) {
            state.spans.push(Span {
                start: at,
                end: None,
            });
        }
        true
    }

    fn push_entry(&mut self, item: usize, (seq, at): (u64, Time), kind: EntryKind) -> bool {
        self.items[item].entries.push(Entry { id: seq, at, kind });
        true
    }

    /// The item and position of entry `id`. An item's entries are in the order of their seqs
    /// (an undone delete goes back where it was), so each item's log is searched by halving.
    fn find_entry(&self, id: u64) -> Option<(usize, usize)> {
        self.items.iter().enumerate().find_map(|(i, state)| {
            state
                .entries
                .binary_search_by_key(&id, |e| e.id)
                .ok()
                .map(|pos| (i, pos))
        })
    }

    fn entry_mut(&mut self, id: u64) -> Option<&mut Entry> {
        let (item, pos) = self.find_entry(id)?;
        self.items.get_mut(item)?.entries.get_mut(pos)
    }

    fn edit_entry(
        &mut self,
        id: u64,
        new: &str,
        who: Option<&str>,
        due: Option<NaiveDate>,
    ) -> bool {
        let Some(entry) = self.entry_mut(id) else {
            return false;
        };
        match &mut entry.kind {
            EntryKind::Decision { text } | EntryKind::Note { text } => *text = new.to_string(),
            EntryKind::Outcome { text, .. } => *text = new.to_string(),
            EntryKind::Inhabil { name } => *name = new.to_string(),
            EntryKind::Action {
                what,
                who: w,
                due: d,
            } => {
                *what = new.to_string();
                // An action edit carries the whole form: `who` present means `due` is meant as is.
                if let Some(who) = who {
                    *w = who.to_string();
                    *d = due;
                }
            }
            EntryKind::Vote { .. } => return false,
        }
        true
    }

    fn delete_entry(&mut self, id: u64) -> bool {
        let Some((item, pos)) = self.find_entry(id) else {
            return false;
        };
        self.items[item].entries.remove(pos);
        true
    }

    fn person(&mut self, name: &str) -> &mut Person {
        let pos = match self.people.iter().position(|p| p.name == name) {
            Some(pos) => pos,
            None => {
                self.people.push(Person {
                    name: name.to_string(),
                    present: true,
                    movements: vec![],
                });
                self.people.len() - 1
            }
        };
        &mut self.people[pos]
    }

    fn replan(&mut self, replan: &Replan, at: Time) -> bool {
        if self.phase == Phase::NotStarted || self.phase == Phase::Ended {
            return false;
        }
        let before_end = self.projected_end(at);
        let ok = match replan {
            Replan::PushBack => self.push_back(at),
            Replan::Compress => self.compress(at),
            Replan::Defer { item } => self.defer(*item),
        };
        if ok {
            // Kept by the item's identity: the plan may change after it.
            let replan = match replan {
                Replan::Defer { item } => Replan::Defer {
                    item: self.id_of(*item).unwrap_or(*item),
                },
                Replan::Compress | Replan::PushBack => replan.clone(),
            };
            self.plan_changes.push(PlanChange {
                at,
                replan,
                before_end,
                // Projected, like `before_end`: a deferral does not make up for lateness so far.
                after_end: self.projected_end(at),
            });
        }
        ok
    }

    /// Indices of items still to be treated: the current one, then the pending ones.
    fn remaining(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| matches!(self.items[i].status, Status::Current | Status::Pending))
            .collect()
    }

    fn push_back(&mut self, at: Time) -> bool {
        let Some(drift) = self.drift(at) else {
            return false;
        };
        for i in self.remaining() {
            if let Some(s) = &mut self.plan[i] {
                s.start += drift;
                s.end += drift;
            }
        }
        true
    }

    /// Shares the time left until the original planned end among what is still to be treated:
    /// the rest of the current item and the pending items, laid out from now one after the
    /// other. Announced breaks still ahead keep their length; gaps between slots and breaks
    /// already past are dropped, so no time is left unused.
    fn compress(&mut self, at: Time) -> bool {
        let Some(target) = self.original_end() else {
            return false;
        };
        let remaining = self.remaining();
        let lengths: Vec<Duration> = remaining
            .iter()
            .map(|&i| {
                let planned = self.plan[i].map(|s| s.length()).unwrap_or_default();
                if Some(i) == self.current {
                    (planned - self.items[i].elapsed(at)).max(Duration::zero())
                } else {
                    planned
                }
            })
            .collect();
        let first = self.current.or_else(|| remaining.first().copied());
        let breaks: Vec<Duration> = remaining
            .iter()
            .map(|&i| self.breaks_ahead_before(first, i))
            .collect();
        let work: i64 = lengths.iter().map(|d| d.num_seconds()).sum();
        let kept: Duration = breaks.iter().copied().sum();
        let available = (target - at - kept).num_seconds();
        if work <= 0 {
            return false;
        }
        // Never stretch, and never shrink an item below a minute.
        let factor = (available as f64 / work as f64).clamp(0.0, 1.0);
        let mut cursor = at;
        for (k, &i) in remaining.iter().enumerate() {
            cursor += breaks[k];
            let scaled =
                Duration::seconds(((lengths[k].num_seconds() as f64) * factor).round() as i64)
                    .max(Duration::minutes(1));
            let start = if Some(i) == self.current {
                at - self.items[i].elapsed(at)
            } else {
                cursor
            };
            let end = cursor + scaled;
            self.plan[i] = Some(Slot { start, end });
            cursor = end;
        }
        true
    }

    /// The announced breaks (they have a title; an untitled one is a gap) that sit right before
    /// `item` and after `first`, the item the meeting is at: those are still ahead.
    fn breaks_ahead_before(&self, first: Option<usize>, item: usize) -> Duration {
        let previous = (0..item)
            .rev()
            .find(|&i| matches!(self.items[i].status, Status::Current | Status::Pending));
        let from = previous.or(first).map_or(0, |p| p + 1);
        if first.is_some_and(|f| item <= f) {
            return Duration::zero();
        }
        self.agenda
            .breaks
            .iter()
            .filter(|b| !b.title.trim().is_empty() && b.after >= from && b.after <= item)
            .map(break_length)
            .sum()
    }

    /// Moves `item` to the next meeting and pulls the later pending items forward by its length.
    fn defer(&mut self, item: usize) -> bool {
        if item >= self.items.len() || self.items[item].status != Status::Pending {
            return false;
        }
        self.items[item].status = Status::Deferred;
        let gained = self.plan[item].map(|s| s.length()).unwrap_or_default();
        for i in (item + 1)..self.items.len() {
            if self.items[i].status == Status::Pending
                && let Some(s) = &mut self.plan[i]
            {
                s.start -= gained;
                s.end -= gained;
            }
        }
        self.plan[item] = None;
        true
    }

    // ----- questions about time -----

    /// The current item's speaker with the floor, and the time they have spoken by `now`.
    pub fn current_speaker(&self, now: Time) -> Option<(&Turn, Duration)> {
        let state = self.items.get(self.current?)?;
        let turn = state.speakers.current()?;
        Some((
            turn,
            turn.spoken(&state.spans, self.ended_at.unwrap_or(now)),
        ))
    }

    /// The speaking-time limit on `item`: its own, else the meeting's.
    pub fn speaking_limit(&self, item: usize) -> Option<Duration> {
        self.items
            .get(item)
            .and_then(|s| s.speakers.limit)
            .or(self.speaking_limit)
            .filter(|&s| s > 0)
            .map(|s| Duration::seconds(i64::from(s)))
    }

    /// The time the current speaker has left of the limit: negative when they have overrun.
    pub fn speaker_remaining(&self, now: Time) -> Option<Duration> {
        let (_, spoken) = self.current_speaker(now)?;
        Some(self.speaking_limit(self.current?)? - spoken)
    }

    /// Time spoken per item and person, over the meeting (for the minutes and the statistics).
    pub fn speaking_times(&self, item: usize, now: Time) -> Vec<(String, Duration)> {
        self.items.get(item).map_or(vec![], |s| {
            s.speakers.totals(&s.spans, self.ended_at.unwrap_or(now))
        })
    }

    /// Time spent on `item` so far, excluding pauses.
    pub fn item_elapsed(&self, item: usize, now: Time) -> Duration {
        self.items
            .get(item)
            .map(|i| i.elapsed(now))
            .unwrap_or_default()
    }

    /// Planned length of `item` under the current plan.
    pub fn item_planned(&self, item: usize) -> Option<Duration> {
        match self.plan.get(item) {
            Some(slot) => slot.map(|s| s.length()),
            None => self
                .agenda
                .items
                .get(item)
                .and_then(|i| i.planned_minutes())
                .map(|m| Duration::minutes(i64::from(m))),
        }
    }

    /// Planned minus elapsed for `item`: negative when it has overrun.
    pub fn item_remaining(&self, item: usize, now: Time) -> Option<Duration> {
        self.item_planned(item)
            .map(|p| p - self.item_elapsed(item, now))
    }

    /// Wall time since the clock started (pauses and interruptions count).
    pub fn meeting_elapsed(&self, now: Time) -> Duration {
        match self.started_at {
            Some(s) => (self.ended_at.unwrap_or(now) - s).max(Duration::zero()),
            None => Duration::zero(),
        }
    }

    /// Total time in pauses so far.
    pub fn paused_total(&self, now: Time) -> Duration {
        self.pauses.iter().map(|p| p.length(now)).sum()
    }

    /// How long the current pause has lasted, if paused.
    pub fn pause_elapsed(&self, now: Time) -> Option<Duration> {
        match (self.phase, self.pauses.last()) {
            (Phase::Paused, Some(p)) => Some(p.length(now)),
            _ => None,
        }
    }

    /// How late the meeting is against its (current) plan: positive = behind.
    /// At an item, it is "now" against where the plan would be after the time spent on it
    /// (an overrun counts, time saved on earlier items does too).
    pub fn drift(&self, now: Time) -> Option<Duration> {
        let now = self.ended_at.unwrap_or(now);
        match self.current {
            Some(c) => {
                let slot = self.plan.get(c).copied().flatten()?;
                let spent = self.item_elapsed(c, now).min(slot.length());
                Some(now - (slot.start + spent))
            }
            None if self.phase == Phase::NotStarted => None,
            None => self.planned_end().map(|end| now - end),
        }
    }

    /// The last slot's end after any replans: where the items lead, for the projected end.
    pub fn planned_end(&self) -> Option<Time> {
        plan_end(&self.plan)
    }

    /// The meeting's planned end as it was when it started: the agenda's stated end, or the last
    /// slot's end if that is later. Every view, compress and the minutes read it from here.
    pub fn original_end(&self) -> Option<Time> {
        plan_end(&self.original_plan).max(self.stated_end)
    }

    /// The planned end as it stands at `now`: before the start, as if it started now.
    pub fn planned_end_at(&self, now: Time) -> Option<Time> {
        if self.phase == Phase::NotStarted {
            plan_end(&initial_plan(&self.agenda, now)).max(stated_end(&self.agenda, now))
        } else {
            self.original_end()
        }
    }

    /// When `item` is now expected to start: its planned start moved by how late the meeting
    /// runs (what the projector's "Next" shows).
    pub fn expected_start(&self, item: usize, now: Time) -> Option<Time> {
        let slot = self.plan_at(now).get(item).copied().flatten()?;
        Some(slot.start + self.drift(now).unwrap_or_default())
    }

    /// When the meeting will end if the rest goes as planned.
    pub fn projected_end(&self, now: Time) -> Option<Time> {
        if let Some(end) = self.ended_at {
            return Some(end);
        }
        if self.phase == Phase::NotStarted {
            return None;
        }
        let end = self.planned_end()?;
        Some(end + self.drift(now).unwrap_or_default())
    }

    /// The plan as it would be if the meeting started at `now` (for screens before the start).
    pub fn plan_at(&self, now: Time) -> Vec<Option<Slot>> {
        if self.phase == Phase::NotStarted {
            initial_plan(&self.agenda, now)
        } else {
            self.plan.clone()
        }
    }

    /// The item after `item` that is still to be treated.
    pub fn next_pending(&self, item: usize) -> Option<usize> {
        ((item + 1)..self.items.len()).find(|&i| self.items[i].status == Status::Pending)
    }

    /// Entry `id` with the index of its item, found without walking every entry.
    pub fn entry(&self, id: u64) -> Option<(usize, &Entry)> {
        let (item, pos) = self.find_entry(id)?;
        Some((item, self.items.get(item)?.entries.get(pos)?))
    }

    /// All entries with the index of their item, in journal order.
    pub fn all_entries(&self) -> Vec<(usize, &Entry)> {
        let mut all: Vec<(usize, &Entry)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.entries.iter().map(move |e| (i, e)))
            .collect();
        all.sort_by_key(|(_, e)| e.id);
        all
    }

    /// Whether anything has been recorded that `u` could take back.
    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Ended
    }
}

/// Cuts a list that only grows, or whose last element is changed, back to `len` elements with
/// `last` as the last one.
fn restore_list<T: Copy>(list: &mut Vec<T>, len: usize, last: Option<T>) {
    list.truncate(len);
    if let (Some(slot), Some(last)) = (list.last_mut(), last) {
        *slot = last;
    }
}

/// Lays the agenda out on the day of `start`: items with clock times keep them; the others follow
/// the previous item with their planned minutes (none = zero). With no clock times at all the plan
/// starts at `start` itself. An agenda dated another day (an old agenda run again, a rehearsal)
/// keeps its shape but is moved to begin at `start`: its clock times belong to that other day.
pub fn initial_plan(agenda: &Agenda, start: Time) -> Vec<Option<Slot>> {
    let shift = day_shift(agenda, start);
    plan_on_day(agenda, start)
        .into_iter()
        .map(|slot| {
            // A slot that cannot be moved (past the calendar's end) has no plan.
            slot.and_then(|s| {
                Some(Slot {
                    start: s.start.checked_add_signed(shift)?,
                    end: s.end.checked_add_signed(shift)?,
                })
            })
        })
        .collect()
}

/// The agenda's stated end (*kl. 13.30-16.00*) for a meeting starting at `start`, moved with
/// the plan when the agenda is dated another day.
pub fn stated_end(agenda: &Agenda, start: Time) -> Option<Time> {
    let end = agenda.end?;
    let local = start
        .offset()
        .from_local_datetime(&start.date_naive().and_time(end));
    local.single()?.checked_add_signed(day_shift(agenda, start))
}

/// How far an agenda dated another day is moved so that it begins at `start`.
fn day_shift(agenda: &Agenda, start: Time) -> Duration {
    let first = plan_on_day(agenda, start)
        .into_iter()
        .flatten()
        .map(|s| s.start)
        .min();
    match (agenda.date, first) {
        (Some(date), Some(first)) if date != start.date_naive() => start - first,
        (Some(_) | None, Some(_) | None) => Duration::zero(),
    }
}

fn plan_on_day(agenda: &Agenda, start: Time) -> Vec<Option<Slot>> {
    let day = start.date_naive();
    let offset = *start.offset();
    let on_day =
        |t: NaiveTime| -> Option<Time> { offset.from_local_datetime(&day.and_time(t)).single() };
    let mut cursor = agenda.start.and_then(on_day).unwrap_or(start);
    agenda
        .items
        .iter()
        .map(|item| {
            let start = item.start.and_then(on_day).unwrap_or(cursor);
            // Checked: an agenda file may plan any number of minutes; one that runs past the
            // calendar's end leaves the item without a slot instead of ending the program.
            let end = match (item.end.and_then(on_day), item.planned_minutes()) {
                (Some(e), _) if e >= start => e,
                (_, Some(m)) => start.checked_add_signed(Duration::minutes(i64::from(m)))?,
                _ => start,
            };
            cursor = end;
            Some(Slot { start, end })
        })
        .collect()
}

/// A break's planned length: its minutes, else its clock times.
/// A break's length: as stated, else from its start and end.
pub fn break_length(b: &crate::agenda::Break) -> Duration {
    match (b.minutes, b.start, b.end) {
        (Some(m), _, _) => Duration::minutes(i64::from(m)),
        (None, Some(s), Some(e)) if e > s => e - s,
        (None, _, _) => Duration::zero(),
    }
}

fn plan_end(plan: &[Option<Slot>]) -> Option<Time> {
    plan.iter().flatten().map(|s| s.end).max()
}

/// Minutes, rounded to the nearest, for display of durations that may be negative.
pub fn round_minutes(d: Duration) -> i64 {
    let s = d.num_seconds();
    if s >= 0 {
        (s + 30) / 60
    } else {
        -((-s + 30) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::session::clock::{Clock, FakeClock};

    fn agenda(n: usize) -> Agenda {
        Agenda {
            title: "Møde".into(),
            start: NaiveTime::from_hms_opt(13, 30, 0),
            items: (1..=n)
                .map(|i| Item {
                    number: i.to_string(),
                    title: format!("Sag {i}"),
                    minutes: Some(10),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn replay(n: usize, events: Vec<(i64, Event)>) -> Meeting {
        let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
        let start = clock.now();
        let records: Vec<Record> = events
            .into_iter()
            .enumerate()
            .map(|(i, (secs, event))| {
                clock.set(start + Duration::seconds(secs));
                Record {
                    seq: i as u64 + 1,
                    at: clock.now(),
                    group: 0,
                    event,
                }
            })
            .collect();
        Meeting::replay(agenda(n), &records)
    }

    #[test]
    fn skipping_opens_the_next_pending_item_not_a_deferred_one() {
        let m = replay(
            3,
            vec![
                (0, Event::MeetingStarted),
                (
                    60,
                    Event::Replan {
                        plan: Replan::Defer { item: 1 },
                    },
                ),
                (120, Event::ItemSkipped { item: 0 }),
            ],
        );
        assert_eq!(m.items[0].status, Status::Skipped);
        assert_eq!(m.items[1].status, Status::Deferred);
        assert_eq!(m.items[2].status, Status::Current);
        assert_eq!(m.current, Some(2));
    }

    #[test]
    fn skipping_the_last_item_leaves_none_current() {
        let m = replay(
            2,
            vec![
                (0, Event::MeetingStarted),
                (60, Event::ItemStarted { item: 1 }),
                (120, Event::ItemSkipped { item: 1 }),
            ],
        );
        assert_eq!(m.items[0].status, Status::Done);
        assert_eq!(m.items[1].status, Status::Skipped);
        assert_eq!(m.current, None);
    }

    #[test]
    fn a_plan_change_compares_expected_ends_before_and_after() {
        // 5 minutes late on item 1 of three 10-minute items; deferring item 3 gains 10 minutes.
        let m = replay(
            3,
            vec![
                (0, Event::MeetingStarted),
                (
                    900,
                    Event::Replan {
                        plan: Replan::Defer { item: 2 },
                    },
                ),
            ],
        );
        let change = &m.plan_changes[0];
        let at =
            |h: u32, min: u32| FakeClock::at(&format!("2022-03-14T{h:02}:{min:02}:00+01:00")).now();
        assert_eq!(change.before_end, Some(at(14, 5)));
        assert_eq!(change.after_end, Some(at(13, 55)), "still 5 minutes late");
    }
}
