//! Plan changes in the fold: items added, edited, moved and removed, their undo, their refusals.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

#[path = "common/undo.rs"]
mod undo;

use chrono::Duration;
use proptest::prelude::*;
use referent::agenda::{Agenda, Item};
use referent::session::decide::{Command, decide};
use referent::session::event::{Event, Record};
use referent::session::state::{Meeting, PlanEditKind, Status};
use referent::session::{Clock, FakeClock};

fn agenda(n: usize) -> Agenda {
    Agenda {
        title: "Møde".into(),
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

/// Runs commands as the app does: decide, then fold the events in as one group.
struct Rig {
    clock: FakeClock,
    m: Meeting,
    records: Vec<Record>,
}

impl Rig {
    fn new(n: usize) -> Self {
        Rig {
            clock: FakeClock::at("2022-03-14T13:30:00+01:00"),
            m: Meeting::new(agenda(n)),
            records: vec![],
        }
    }
    fn run(&mut self, c: Command) -> Result<(), String> {
        let events = decide(&self.m, c, self.clock.now()).map_err(|r| format!("{r:?}"))?;
        let group = self.m.last_seq + 1;
        for event in events {
            let r = Record {
                seq: self.m.last_seq + 1,
                at: self.clock.now(),
                group,
                event,
            };
            self.m.apply(&r);
            self.records.push(r);
        }
        Ok(())
    }
    fn titles(&self) -> Vec<String> {
        self.m
            .agenda
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    }
    fn add(&mut self, after: Option<usize>, title: &str, minutes: &str) -> Result<(), String> {
        self.run(Command::AddItem {
            after,
            title: title.into(),
            minutes: minutes.into(),
        })
    }
}

#[test]
fn an_item_added_while_one_runs_comes_right_after_it_and_moves_the_end() {
    let mut r = Rig::new(3);
    r.run(Command::StartPause).unwrap();
    let before = r.m.projected_end(r.clock.now()).unwrap();
    r.add(Some(0), "Nyt punkt", "5").unwrap();
    assert_eq!(r.titles(), ["Sag 1", "Nyt punkt", "Sag 2", "Sag 3"]);
    assert_eq!(r.m.agenda.items[1].number, "1a");
    assert_eq!(r.m.current, Some(0));
    let after = r.m.projected_end(r.clock.now()).unwrap();
    assert_eq!(after - before, Duration::minutes(5));
    // The next item is the added one, and records on it stay with it when the plan moves on.
    r.run(Command::Next).unwrap();
    assert_eq!(r.m.current, Some(1));
    r.run(Command::Note {
        text: "om det nye".into(),
    })
    .unwrap();
    r.run(Command::MoveItem { item: 3, up: true }).unwrap();
    assert_eq!(r.titles(), ["Sag 1", "Nyt punkt", "Sag 3", "Sag 2"]);
    assert_eq!(r.m.items[1].entries.len(), 1);
    // The journal replays to the same meeting (resume, follow, review).
    let again = Meeting::replay(agenda(3), &r.records);
    assert_eq!(again, r.m);
    // agenda.json is not touched: the imported agenda is still what it was.
    assert_eq!(r.m.imported, agenda(3));
}

#[test]
fn numbers_follow_the_item_they_come_after() {
    let mut r = Rig::new(2);
    r.add(Some(0), "A", "").unwrap();
    r.add(Some(0), "B", "").unwrap();
    r.add(Some(1), "C", "").unwrap();
    let numbers: Vec<&str> = r.m.agenda.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "1b", "1c", "1a", "2"]);
}

#[test]
fn each_plan_change_is_undone_whole() {
    let mut r = Rig::new(3);
    r.run(Command::StartPause).unwrap();
    let start = r.m.clone();
    let changes = [
        Command::AddItem {
            after: Some(0),
            title: "X".into(),
            minutes: "5".into(),
        },
        Command::EditItem {
            item: 1,
            fields: Item {
                number: "2".into(),
                title: "Sag to".into(),
                minutes: Some(20),
                ..Default::default()
            },
        },
        Command::MoveItem { item: 2, up: true },
        Command::RemoveItem { item: 2 },
    ];
    for c in changes {
        let before = r.m.clone();
        r.run(c.clone()).unwrap();
        assert_ne!(r.m.agenda, before.agenda, "{c:?} changed nothing");
        r.run(Command::Undo).unwrap();
        assert_eq!(r.m.agenda, before.agenda, "{c:?} not undone");
        assert_eq!(r.m.plan, before.plan, "{c:?} plan not undone");
        assert_eq!(r.m.ids, before.ids);
    }
    assert_eq!(r.m.agenda, start.agenda);
}

#[test]
fn a_treated_item_cannot_be_moved_or_removed() {
    let mut r = Rig::new(3);
    r.run(Command::StartPause).unwrap();
    r.run(Command::Next).unwrap();
    for c in [
        Command::RemoveItem { item: 0 },
        Command::MoveItem { item: 0, up: false },
        Command::RemoveItem { item: 1 },
        Command::MoveItem { item: 2, up: true },
    ] {
        let err = r.run(c.clone()).unwrap_err();
        assert!(err.contains("ItemTreated"), "{c:?}: {err}");
    }
    r.run(Command::RemoveItem { item: 2 }).unwrap();
    assert_eq!(r.titles(), ["Sag 1", "Sag 2"]);
    assert_eq!(r.m.plan_edits[0].kind, PlanEditKind::Removed);
    assert_eq!(r.m.plan_edits[0].number, "3");
}

#[test]
fn lengthening_an_item_moves_the_planned_end() {
    let mut r = Rig::new(2);
    r.run(Command::StartPause).unwrap();
    let end = r.m.planned_end().unwrap();
    let mut fields = r.m.agenda.items[1].clone();
    fields.minutes = Some(25);
    r.run(Command::EditItem { item: 1, fields }).unwrap();
    assert_eq!(r.m.planned_end().unwrap() - end, Duration::minutes(15));
}

#[test]
fn before_the_start_the_changed_plan_is_the_one_laid_out() {
    let mut r = Rig::new(2);
    r.add(None, "Godkendelse af dagsorden", "5").unwrap();
    r.run(Command::StartPause).unwrap();
    assert_eq!(r.m.current, Some(0));
    assert_eq!(r.m.agenda.items[0].title, "Godkendelse af dagsorden");
    assert_eq!(r.m.plan.len(), 3);
    assert_eq!(r.m.item_planned(0), Some(Duration::minutes(5)));
}

#[test]
fn records_naming_a_removed_item_are_ignored() {
    let mut r = Rig::new(3);
    r.run(Command::RemoveItem { item: 1 }).unwrap();
    let seq = r.m.last_seq + 1;
    r.m.apply(&Record {
        seq,
        at: r.clock.now(),
        group: seq,
        event: Event::Note {
            item: 1,
            text: "x".into(),
        },
    });
    assert_eq!(r.m.ignored, [seq]);
}

#[derive(Debug, Clone)]
enum Step {
    Add(usize, u32),
    Edit(usize, u32),
    Move(usize, bool),
    Remove(usize),
    Note,
    Next,
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..8usize, 0..30u32).prop_map(|(a, m)| Step::Add(a, m)),
        (0..8usize, 0..30u32).prop_map(|(a, m)| Step::Edit(a, m)),
        (0..8usize, any::<bool>()).prop_map(|(a, u)| Step::Move(a, u)),
        (0..8usize).prop_map(Step::Remove),
        Just(Step::Note),
        Just(Step::Next),
        Just(Step::Undo),
    ]
}

proptest! {
    #[test]
    fn random_plan_edits_keep_every_entry_and_unique_identities(steps in prop::collection::vec(step(), 1..40)) {
        let mut r = Rig::new(4);
        r.run(Command::StartPause).unwrap();
        for s in steps {
            let c = match s {
                Step::Add(a, m) => Command::AddItem { after: Some(a), title: "Ny".into(), minutes: m.to_string() },
                Step::Edit(a, m) => {
                    let Some(item) = r.m.agenda.items.get(a) else { continue };
                    Command::EditItem { item: a, fields: Item { minutes: Some(m), ..item.clone() } }
                }
                Step::Move(a, up) => Command::MoveItem { item: a, up },
                Step::Remove(a) => Command::RemoveItem { item: a },
                Step::Note => Command::Note { text: "n".into() },
                Step::Next => Command::Next,
                Step::Undo => Command::Undo,
            };
            let _ = r.run(c);
            // Every note written and not undone is still in the meeting, on the item it was written on.
            let replayed = Meeting::replay(agenda(4), &r.records);
            prop_assert_eq!(&replayed, &r.m);
            let undone = undo::undone_seqs(&r.records);
            let notes: Vec<(usize, u64)> = r.records.iter()
                .filter(|rec| !undone.contains(&rec.seq))
                .filter_map(|rec| match rec.event { Event::Note { item, .. } => Some((item, rec.seq)), _ => None })
                .collect();
            for (id, seq) in notes {
                let pos = r.m.pos(id).expect("an item with a note is never removed");
                prop_assert!(r.m.items[pos].entries.iter().any(|e| e.id == seq));
            }
            let mut ids = r.m.ids.clone();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), r.m.items.len());
            prop_assert_eq!(r.m.agenda.items.len(), r.m.items.len());
            prop_assert_eq!(r.m.plan.len(), r.m.items.len());
            prop_assert!(r.m.items.iter().filter(|i| i.status == Status::Current).count() <= 1);
        }
    }
}

/// A deferral keeps naming its item when the plan changes after it: the minutes say the item
/// that was deferred, not the one now standing where it stood.
#[test]
fn a_deferral_names_its_item_after_a_later_change() {
    use referent::i18n::Lang;
    use referent::minutes::json::MinutesDoc;
    use referent::session::event::Replan;
    let mut r = Rig::new(4);
    r.run(Command::StartPause).unwrap();
    r.run(Command::Replan(Replan::Defer { item: 3 })).unwrap();
    r.add(Some(0), "Nyt punkt", "5").unwrap();
    assert_eq!(r.m.agenda.items[4].number, "4");
    let doc = MinutesDoc::from_meeting(&r.m, Lang::Da);
    assert_eq!(doc.plan_changes[0].item_number.as_deref(), Some("4"));
    assert_eq!(Meeting::replay(agenda(4), &r.records), r.m);
}
