//! The speaker list in the fold: each event, its undo, the time a speaker has, and the
//! invariants random speaker events must keep.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use chrono::Duration;
use proptest::prelude::*;
use referent::agenda::{Agenda, Item};
use referent::archive::stats::series_stats;
use referent::archive::{Archive, Session};
use referent::session::decide::{Command, Refusal, decide, speaker_candidates};
use referent::session::event::{Event, Record};
use referent::session::state::Meeting;
use referent::session::{Clock, FakeClock, Time};

fn agenda(n: usize) -> Agenda {
    Agenda {
        title: "Udvalgsmøde".into(),
        participants: vec![
            "Helle Jensen".into(),
            "Henrik Ravn".into(),
            "Ole Bak".into(),
        ],
        items: (1..=n)
            .map(|i| Item {
                number: i.to_string(),
                title: format!("Sag {i}"),
                minutes: Some(20),
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
        let mut r = Rig {
            clock: FakeClock::at("2022-03-14T13:30:00+01:00"),
            m: Meeting::new(agenda(n)),
            records: vec![],
        };
        r.run(Command::StartPause).unwrap();
        r
    }

    fn run(&mut self, c: Command) -> Result<Vec<Event>, Refusal> {
        let events = decide(&self.m, c, self.clock.now())?;
        let group = self.m.last_seq + 1;
        for event in events.clone() {
            let r = Record {
                seq: self.m.last_seq + 1,
                at: self.clock.now(),
                group,
                event,
            };
            self.m.apply(&r);
            self.records.push(r);
        }
        Ok(events)
    }

    fn add(&mut self, name: &str) {
        self.run(Command::AddSpeaker { name: name.into() }).unwrap();
    }

    fn wait(&self, secs: i64) {
        self.clock.advance_secs(secs);
    }

    fn now(&self) -> Time {
        self.clock.now()
    }

    fn waiting(&self) -> Vec<String> {
        let c = self.m.current.unwrap();
        self.m.items[c]
            .speakers
            .waiting
            .iter()
            .map(|w| w.name.clone())
            .collect()
    }

    fn speaker(&self) -> Option<(String, i64)> {
        self.m
            .current_speaker(self.now())
            .map(|(t, d)| (t.name.clone(), d.num_seconds()))
    }

    /// `u`, and the meeting is as it was before the last command.
    fn undo_restores(&mut self, before: &Meeting) {
        self.run(Command::Undo).unwrap();
        assert_eq!(self.m.items, before.items);
        assert_eq!(self.m.speaking_limit, before.speaking_limit);
        // And folding the journal from the start gives the same.
        let again = Meeting::replay(agenda(self.m.items.len()), &self.records);
        assert_eq!(again.items, self.m.items);
    }
}

#[test]
fn a_speaker_is_added_as_a_participant_or_a_guest_and_undone() {
    let mut r = Rig::new(2);
    let before = r.m.clone();
    let written = r
        .run(Command::AddSpeaker {
            name: "helle jensen".into(),
        })
        .unwrap();
    assert_eq!(
        written,
        vec![Event::SpeakerAdded {
            item: 0,
            name: "Helle Jensen".into(),
            guest: false,
        }],
        "a participant's name as the agenda spells it"
    );
    r.undo_restores(&before);
    r.add("Borgmester Bo");
    assert!(r.m.items[0].speakers.waiting[0].guest);
    assert_eq!(
        r.run(Command::AddSpeaker { name: "  ".into() }),
        Err(Refusal::Plain(referent::i18n::Key::NeedText))
    );
}

#[test]
fn the_floor_goes_down_the_list_and_each_turn_keeps_its_time() {
    let mut r = Rig::new(2);
    r.add("Helle Jensen");
    r.add("Ole Bak");
    assert_eq!(r.speaker(), None, "nobody has the floor until T");
    let before = r.m.clone();
    r.run(Command::GiveFloor).unwrap();
    r.wait(90);
    assert_eq!(r.speaker(), Some(("Helle Jensen".into(), 90)));
    assert_eq!(r.waiting(), vec!["Ole Bak"]);
    let mid = r.m.clone();
    r.run(Command::GiveFloor).unwrap();
    r.wait(30);
    assert_eq!(r.speaker(), Some(("Ole Bak".into(), 30)));
    let times = r.m.speaking_times(0, r.now());
    assert_eq!(
        times,
        vec![
            ("Helle Jensen".into(), Duration::seconds(90)),
            ("Ole Bak".into(), Duration::seconds(30))
        ]
    );
    // The last T ends the last turn; with nobody left, T is refused.
    r.run(Command::GiveFloor).unwrap();
    assert_eq!(r.speaker(), None);
    assert!(r.run(Command::GiveFloor).is_err());
    // Undo, step by step.
    r.run(Command::Undo).unwrap();
    r.run(Command::Undo).unwrap();
    assert_eq!(r.m.items, mid.items);
    r.undo_restores(&before);
}

#[test]
fn a_pause_and_another_item_stop_the_speakers_clock() {
    let mut r = Rig::new(2);
    r.add("Helle Jensen");
    r.run(Command::GiveFloor).unwrap();
    r.wait(60);
    r.run(Command::StartPause).unwrap();
    r.wait(600);
    assert_eq!(r.m.items[0].speakers.turns[0].name, "Helle Jensen");
    assert_eq!(
        r.m.speaking_times(0, r.now())[0].1,
        Duration::seconds(60),
        "the pause does not count"
    );
    r.run(Command::StartPause).unwrap();
    r.wait(20);
    assert_eq!(r.speaker(), Some(("Helle Jensen".into(), 80)));
    r.run(Command::Next).unwrap();
    r.wait(300);
    assert_eq!(r.speaker(), None, "the next item has its own list");
    assert_eq!(r.m.speaking_times(0, r.now())[0].1, Duration::seconds(80));
}

#[test]
fn the_list_is_reordered_thinned_and_cleared_and_each_is_undone() {
    let mut r = Rig::new(1);
    for n in ["Helle Jensen", "Henrik Ravn", "Ole Bak"] {
        r.add(n);
    }
    let before = r.m.clone();
    let moved = r.run(Command::MoveSpeaker { index: 2, up: true }).unwrap();
    assert_eq!(
        moved,
        vec![Event::SpeakerMoved {
            item: 0,
            from: 2,
            to: 1
        }]
    );
    assert_eq!(r.waiting(), vec!["Helle Jensen", "Ole Bak", "Henrik Ravn"]);
    r.undo_restores(&before);
    assert!(
        r.run(Command::MoveSpeaker { index: 0, up: true }).is_err(),
        "the first cannot go further up"
    );
    assert!(
        r.run(Command::MoveSpeaker {
            index: 2,
            up: false
        })
        .is_err()
    );

    r.run(Command::RemoveSpeaker { index: 1 }).unwrap();
    assert_eq!(r.waiting(), vec!["Helle Jensen", "Ole Bak"]);
    r.undo_restores(&before);
    assert!(r.run(Command::RemoveSpeaker { index: 3 }).is_err());

    r.run(Command::GiveFloor).unwrap();
    let floor = r.m.clone();
    r.run(Command::ClearSpeakers).unwrap();
    assert!(r.waiting().is_empty());
    assert_eq!(
        r.speaker().map(|s| s.0),
        Some("Helle Jensen".into()),
        "clearing the list leaves the floor as it is"
    );
    assert!(
        r.run(Command::ClearSpeakers).is_err(),
        "nothing left to clear"
    );
    r.undo_restores(&floor);
}

#[test]
fn the_speaking_limit_counts_down_per_item_over_the_meetings_default() {
    let mut r = Rig::new(2);
    // What `run --speaking-time 3` writes: not something `u` takes back.
    let default = Event::SpeakingLimitSet {
        item: None,
        seconds: Some(180),
    };
    assert!(!default.is_undoable());
    r.m.apply(&Record {
        seq: r.m.last_seq + 1,
        at: r.now(),
        group: 0,
        event: default,
    });
    r.add("Helle Jensen");
    r.run(Command::GiveFloor).unwrap();
    r.wait(200);
    assert_eq!(r.m.speaker_remaining(r.now()), Some(Duration::seconds(-20)));
    let before = r.m.clone();
    r.run(Command::SpeakingLimit {
        minutes: "5".into(),
    })
    .unwrap();
    assert_eq!(r.m.speaker_remaining(r.now()), Some(Duration::seconds(100)));
    r.undo_restores(&before);
    r.run(Command::SpeakingLimit {
        minutes: "0".into(),
    })
    .unwrap();
    assert_eq!(r.m.speaker_remaining(r.now()), None, "0: no limit here");
    r.run(Command::SpeakingLimit {
        minutes: "2:30".into(),
    })
    .unwrap();
    assert_eq!(r.m.items[0].speakers.limit, Some(150));
    assert!(
        r.run(Command::SpeakingLimit {
            minutes: "snart".into()
        })
        .is_err()
    );
    r.run(Command::Next).unwrap();
    assert_eq!(r.m.speaking_limit(1), Some(Duration::seconds(180)));
}

#[test]
fn names_complete_from_the_participants_by_any_word() {
    let r = Rig::new(1);
    assert_eq!(
        speaker_candidates(&r.m, "he"),
        vec!["Helle Jensen", "Henrik Ravn"]
    );
    assert_eq!(speaker_candidates(&r.m, "bak"), vec!["Ole Bak"]);
    assert!(speaker_candidates(&r.m, "x").is_empty());
}

#[test]
fn speaker_lists_move_with_their_item_when_the_plan_changes() {
    let mut r = Rig::new(3);
    r.add("Ole Bak");
    r.run(Command::AddItem {
        after: None,
        title: "Nyt punkt".into(),
        minutes: "5".into(),
    })
    .unwrap();
    let c = r.m.current.unwrap();
    assert_eq!(c, 1);
    assert_eq!(r.waiting(), vec!["Ole Bak"]);
    assert!(r.m.items[0].speakers.waiting.is_empty());
}

#[test]
fn review_statistics_give_speaking_time_per_person_across_a_series() {
    let meeting = |turns: &[(&str, i64)]| {
        let mut r = Rig::new(1);
        for (name, _) in turns {
            r.add(name);
        }
        for (_, secs) in turns {
            r.run(Command::GiveFloor).unwrap();
            r.wait(*secs);
        }
        r.run(Command::Finish).unwrap();
        r.m
    };
    let a = meeting(&[("Helle Jensen", 120), ("Ole Bak", 30), ("Helle Jensen", 60)]);
    let b = meeting(&[("helle jensen", 45), ("Gæst Gram", 10)]);
    let archive = Archive::from_sessions(
        vec![
            Session::new(std::path::Path::new("/x/2022-03-14-udvalg"), a),
            Session::new(std::path::Path::new("/x/2022-04-11-udvalg"), b),
        ],
        vec![],
    );
    let stats = series_stats(&archive, "Udvalgsmøde", &[0, 1]);
    let rows: Vec<(String, i64, usize, usize)> = stats
        .speaking
        .iter()
        .map(|s| (s.name.clone(), s.total.num_seconds(), s.turns, s.meetings))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Helle Jensen".into(), 225, 3, 2),
            ("Ole Bak".into(), 30, 1, 1),
            ("Gæst Gram".into(), 10, 1, 1),
        ]
    );
}

/// One random thing a chair does to the speaker list (or the meeting around it).
#[derive(Debug, Clone)]
enum Op {
    Add(usize),
    Floor,
    Move(usize, bool),
    Remove(usize),
    Clear,
    Limit(u32),
    Next,
    Previous,
    Pause,
    Undo,
    Wait(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..5).prop_map(Op::Add),
        Just(Op::Floor),
        (0usize..4, any::<bool>()).prop_map(|(i, up)| Op::Move(i, up)),
        (0usize..4).prop_map(Op::Remove),
        Just(Op::Clear),
        (0u32..6).prop_map(Op::Limit),
        Just(Op::Next),
        Just(Op::Previous),
        Just(Op::Pause),
        Just(Op::Undo),
        (0i64..400).prop_map(Op::Wait),
    ]
}

const NAMES: [&str; 5] = ["Helle Jensen", "Henrik Ravn", "Ole Bak", "Gæst", "Ida"];

proptest! {
    /// Whatever the chair does, at most one speaker's clock runs, no time is negative, an
    /// item has at most one open turn (its last), and folding the journal again agrees.
    #[test]
    fn random_speaker_events_never_leave_two_speakers_or_negative_time(
        ops in proptest::collection::vec(op(), 1..60)
    ) {
        let mut r = Rig::new(3);
        for op in ops {
            let c = match op {
                Op::Add(i) => Command::AddSpeaker { name: NAMES[i].into() },
                Op::Floor => Command::GiveFloor,
                Op::Move(index, up) => Command::MoveSpeaker { index, up },
                Op::Remove(index) => Command::RemoveSpeaker { index },
                Op::Clear => Command::ClearSpeakers,
                Op::Limit(m) => Command::SpeakingLimit { minutes: m.to_string() },
                Op::Next => Command::Next,
                Op::Previous => Command::Previous,
                Op::Pause => Command::StartPause,
                Op::Undo => Command::Undo,
                Op::Wait(s) => {
                    r.wait(s);
                    continue;
                }
            };
            let _ = r.run(c);
            let now = r.now();
            let later = now + Duration::seconds(1);
            let mut running = 0;
            for state in &r.m.items {
                let open = state.speakers.turns.iter().filter(|t| t.end.is_none()).count();
                prop_assert!(open <= 1);
                if open == 1 {
                    prop_assert!(state.speakers.turns.last().unwrap().end.is_none());
                }
                for t in &state.speakers.turns {
                    let d = t.spoken(&state.spans, now);
                    prop_assert!(d >= Duration::zero());
                    if t.spoken(&state.spans, later) > d {
                        running += 1;
                    }
                }
            }
            prop_assert!(running <= 1, "{running} speakers' clocks run at once");
            if let Some(rem) = r.m.speaker_remaining(now) {
                let (_, spoken) = r.m.current_speaker(now).unwrap();
                prop_assert_eq!(rem + spoken, r.m.speaking_limit(r.m.current.unwrap()).unwrap());
            }
        }
        let again = Meeting::replay(agenda(3), &r.records);
        prop_assert_eq!(again.items, r.m.items);
    }
}
