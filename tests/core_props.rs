//! Random meetings: sequences of commands as a user could give them, with undo and resumes,
//! through the real recorder and journal. After every step:
//! - the live state equals a fold of the whole journal as read back from disk;
//! - `decide` never wrote an event the fold refused;
//! - an undo restores the state from before the group it took back;
//! - every entry standing in the meeting is in the minutes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

#[path = "common/undo.rs"]
mod undo;

use chrono::{Duration, NaiveTime};
use proptest::prelude::*;
use referent::agenda::{Agenda, Break, Item};
use referent::i18n::Lang;
use referent::minutes;
use referent::session::decide::{Command, decide};
use referent::session::event::{Event, Outcome, Record, Replan};
use referent::session::journal;
use referent::session::recorder::Recorder;
use referent::session::state::{EntryKind, Meeting};
use referent::session::{Clock, FakeClock};

fn agenda() -> Agenda {
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    let item = |n: usize, s, e, clauses: usize| Item {
        number: n.to_string(),
        title: format!("Sag {n}"),
        start: s,
        end: e,
        recommendation: (0..clauses).map(|k| format!("at punkt {k}")).collect(),
        ..Default::default()
    };
    Agenda {
        title: "Ledermøde".into(),
        start: hm(13, 0),
        participants: vec!["Helle".into(), "Eigil".into()],
        items: vec![
            item(1, hm(13, 0), hm(13, 10), 1),
            item(2, hm(13, 10), hm(13, 30), 3),
            item(3, hm(13, 45), hm(14, 0), 0),
            item(4, hm(14, 0), hm(14, 10), 2),
        ],
        breaks: vec![Break {
            title: "Pause".into(),
            start: hm(13, 30),
            end: hm(13, 45),
            minutes: Some(15),
            after: 2,
        }],
        ..Default::default()
    }
}

/// A step of the random meeting; entry picks are indices into the entries standing then.
#[derive(Debug, Clone)]
enum Step {
    Do(Cmd),
    Resume,
}

#[derive(Debug, Clone)]
enum Cmd {
    StartPause,
    Next,
    Previous,
    GoTo(usize),
    Skip,
    Decision,
    Note,
    Outcome(Option<usize>, usize),
    Action,
    Vote(u32),
    Edit(usize),
    EditVote,
    Delete(usize),
    Undo,
    Attendance(bool),
    Movement(bool),
    Inhabil,
    Replan(usize, usize),
    Finish,
}

fn step() -> impl Strategy<Value = (Step, i64)> {
    let cmd = prop_oneof![
        4 => Just(Cmd::StartPause),
        6 => Just(Cmd::Next),
        1 => Just(Cmd::Previous),
        2 => (0usize..6).prop_map(Cmd::GoTo),
        2 => Just(Cmd::Skip),
        3 => Just(Cmd::Decision),
        4 => Just(Cmd::Note),
        3 => (proptest::option::of(0usize..4), 0usize..5).prop_map(|(c, o)| Cmd::Outcome(c, o)),
        3 => Just(Cmd::Action),
        2 => (0u32..9).prop_map(Cmd::Vote),
        2 => (0usize..8).prop_map(Cmd::Edit),
        3 => Just(Cmd::EditVote),
        2 => (0usize..8).prop_map(Cmd::Delete),
        6 => Just(Cmd::Undo),
        1 => any::<bool>().prop_map(Cmd::Attendance),
        1 => any::<bool>().prop_map(Cmd::Movement),
        1 => Just(Cmd::Inhabil),
        2 => (0usize..3, 0usize..4).prop_map(|(k, i)| Cmd::Replan(k, i)),
        1 => Just(Cmd::Finish),
    ];
    let step = prop_oneof![12 => cmd.prop_map(Step::Do), 1 => Just(Step::Resume)];
    (step, 0i64..400)
}

/// The command for a step, given the meeting; `n` makes texts unique.
fn command(m: &Meeting, cmd: &Cmd, n: usize) -> Command {
    let entries = m.all_entries();
    let pick = |i: usize| entries.get(i % entries.len().max(1)).map(|(_, e)| *e);
    let id = |i: usize| pick(i).map_or(9999, |e| e.id);
    match cmd {
        Cmd::StartPause => Command::StartPause,
        Cmd::Next => Command::Next,
        Cmd::Previous => Command::Previous,
        Cmd::GoTo(i) => Command::GoTo {
            number: i.to_string(),
        },
        Cmd::Skip => Command::Skip,
        Cmd::Decision => Command::Decision {
            text: format!("beslutning{n}"),
        },
        Cmd::Note => Command::Note {
            text: format!("note{n}"),
        },
        Cmd::Outcome(clause, o) => Command::Outcome {
            clause: *clause,
            outcome: Outcome::ALL[*o],
            text: format!("udfald{n}"),
        },
        Cmd::Action => Command::ActionPoint {
            what: format!("handling{n}"),
            who: "Helle".into(),
            due: "+7d".into(),
        },
        Cmd::Vote(f) => Command::Vote {
            votes_for: f.to_string(),
            against: "1".into(),
            abstain: String::new(),
        },
        Cmd::Edit(i) => match pick(*i).map(|e| &e.kind) {
            Some(EntryKind::Action { .. }) => Command::EditAction {
                entry: id(*i),
                what: format!("rettet{n}"),
                who: "Eigil".into(),
                due: String::new(),
            },
            _ => Command::Edit {
                entry: id(*i),
                text: format!("rettet{n}"),
            },
        },
        Cmd::EditVote => Command::EditVote {
            // The newest vote: its edit writes two events, one intent.
            entry: entries
                .iter()
                .rev()
                .find(|(_, e)| matches!(e.kind, EntryKind::Vote { .. }))
                .map_or(9999, |(_, e)| e.id),
            votes_for: "5".into(),
            against: "0".into(),
            abstain: "0".into(),
        },
        Cmd::Delete(i) => Command::Delete { entry: id(*i) },
        Cmd::Undo => Command::Undo,
        Cmd::Attendance(present) => Command::Attendance {
            name: "Eigil".into(),
            present: *present,
        },
        Cmd::Movement(arrived) => Command::Movement {
            name: "Helle".into(),
            arrived: *arrived,
        },
        Cmd::Inhabil => Command::Inhabil {
            name: "Helle".into(),
        },
        Cmd::Replan(k, item) => Command::Replan(match k {
            0 => Replan::Compress,
            1 => Replan::PushBack,
            _ => Replan::Defer { item: *item },
        }),
        Cmd::Finish => Command::Finish,
    }
}

/// What the meeting says, without the bookkeeping of how it was read.
fn standing(m: &Meeting) -> String {
    let state = (
        (m.phase, m.current, m.started_at, m.ended_at),
        m.items.clone(),
        m.people.clone(),
        (
            m.plan.clone(),
            m.original_plan.clone(),
            m.plan_changes.clone(),
        ),
        (
            m.pauses.clone(),
            m.interruptions.clone(),
            m.follow_ups.clone(),
        ),
    );
    format!("{state:#?}")
}

/// The texts of the standing entries that the minutes must show. An outcome recorded again for
/// the same clauses replaces the earlier one, so only the latest per clause counts.
fn entry_texts(m: &Meeting) -> Vec<String> {
    let mut texts = vec![];
    for (i, state) in m.items.iter().enumerate() {
        let clauses = m.agenda.items[i].recommendation.len();
        let latest_for = |k: Option<usize>| {
            state.entries.iter().rev().find_map(|e| match &e.kind {
                EntryKind::Outcome { clause, text, .. }
                    if k.is_none() || clause.is_none() || *clause == k =>
                {
                    Some(text.clone())
                }
                _ => None,
            })
        };
        if clauses == 0 {
            texts.extend(latest_for(None));
        } else {
            texts.extend((0..clauses).filter_map(|k| latest_for(Some(k))));
        }
        texts.extend(state.entries.iter().filter_map(|e| match &e.kind {
            EntryKind::Decision { text } | EntryKind::Note { text } => Some(text.clone()),
            EntryKind::Action { what, .. } => Some(what.clone()),
            EntryKind::Inhabil { name } => Some(name.clone()),
            EntryKind::Vote { votes_for, .. } => Some(votes_for.to_string()),
            EntryKind::Outcome { .. } => None,
        }));
    }
    texts
}

/// The meeting as the journal says it, the slow and obvious way: find the groups that Undo
/// records take back (each the latest group standing, nothing after a started meeting's end),
/// then fold the rest without them. The live fold takes groups back from what they saved.
fn fold_without_undone(agenda: Agenda, records: &[Record]) -> Meeting {
    let undone = undo::undone_seqs(records);
    let kept: Vec<Record> = records
        .iter()
        .filter(|r| !undone.contains(&r.seq) && r.event != Event::Undo)
        .cloned()
        .collect();
    Meeting::replay(agenda, &kept)
}

fn undoable(events: &[Event]) -> bool {
    events.iter().any(Event::is_undoable)
}

fn run_meeting(steps: Vec<(Step, i64)>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::at("2022-03-14T12:58:00+01:00");
    let mut rec = Recorder::create(dir.path(), agenda(), clock.now()).unwrap();
    let session = rec.dir().to_path_buf();
    // The state before each undoable group still standing, newest last.
    let mut before: Vec<_> = vec![];
    for (n, (step, secs)) in steps.into_iter().enumerate() {
        clock.advance(Duration::seconds(secs));
        let now = clock.now();
        match step {
            Step::Resume => {
                drop(rec);
                rec = Recorder::resume(&session, now).unwrap().0;
                // A resume may note an interruption: older groups no longer have their old state.
                before.clear();
            }
            Step::Do(cmd) => {
                let m = rec.meeting().clone();
                let command = command(&m, &cmd, n);
                let is_undo = command == Command::Undo;
                let Ok(events) = decide(&m, command, now) else {
                    continue;
                };
                let wrote_undoable = undoable(&events);
                rec.record_group(events.clone(), now).unwrap();
                let after = rec.meeting();
                prop_assert_eq!(
                    &after.ignored,
                    &m.ignored,
                    "decide wrote an event the fold refused: {:?}",
                    events
                );
                if is_undo {
                    if let Some(state) = before.pop() {
                        prop_assert_eq!(standing(after), state, "undo did not restore");
                    }
                } else if wrote_undoable {
                    before.push(standing(&m));
                } else {
                    before.clear();
                }
            }
        }
        let (records, report) = journal::read(&session.join("journal.jsonl")).unwrap();
        prop_assert!(report.bad_lines.is_empty() && report.torn_tail.is_none());
        let folded = Meeting::replay(rec.meeting().agenda.clone(), &records);
        prop_assert_eq!(
            rec.meeting(),
            &folded,
            "live state differs from the journal's fold"
        );
        prop_assert_eq!(
            standing(rec.meeting()),
            standing(&fold_without_undone(agenda(), &records)),
            "undo differs from folding the journal without the groups taken back"
        );
        let md = minutes::to_markdown(rec.meeting(), Lang::Da);
        for text in entry_texts(rec.meeting()) {
            prop_assert!(md.contains(&text), "{} is missing from the minutes", text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_meetings_keep_journal_state_and_minutes_in_step(
        steps in proptest::collection::vec(step(), 1..60)
    ) {
        run_meeting(steps)?;
    }
}
