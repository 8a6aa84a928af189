//! The meeting fold under a fake clock: elapsed, overrun, pause, drift, projected end, undo, replan.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use chrono::{Duration, NaiveTime};
use referent::agenda::{Agenda, Break, Item};
use referent::session::event::{Event, Outcome, Record, Replan};
use referent::session::state::{Meeting, Phase, Status, round_minutes};
use referent::session::{Clock, FakeClock, Time};

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Three items: 13:30-13:40, 13:40-13:50, a break, 14:00-14:20.
fn agenda() -> Agenda {
    let item = |n: &str, s, e| Item {
        number: n.into(),
        title: format!("Punkt {n}"),
        start: s,
        end: e,
        ..Default::default()
    };
    Agenda {
        title: "Centerledermøde".into(),
        start: hm(13, 30),
        participants: vec!["Helle".into(), "Eigil".into()],
        items: vec![
            item("1", hm(13, 30), hm(13, 40)),
            item("2", hm(13, 40), hm(13, 50)),
            item("3", hm(14, 0), hm(14, 20)),
        ],
        breaks: vec![Break {
            title: "Pause".into(),
            start: hm(13, 50),
            end: hm(14, 0),
            minutes: Some(10),
            after: 2,
        }],
        ..Default::default()
    }
}

/// Builds records as the app would, with a shared fake clock.
struct Script {
    clock: FakeClock,
    records: Vec<Record>,
}

impl Script {
    fn at(start: &str) -> Self {
        Script {
            clock: FakeClock::at(start),
            records: vec![],
        }
    }
    fn wait(&mut self, mins: i64, secs: i64) -> &mut Self {
        self.clock
            .advance(Duration::minutes(mins) + Duration::seconds(secs));
        self
    }
    fn ev(&mut self, event: Event) -> &mut Self {
        let seq = self.records.len() as u64 + 1;
        self.records.push(Record {
            seq,
            at: self.clock.now(),
            group: 0,
            event,
        });
        self
    }
    fn now(&self) -> Time {
        self.clock.now()
    }
    fn meeting(&self) -> Meeting {
        Meeting::replay(agenda(), &self.records)
    }
}

#[test]
fn elapsed_remaining_and_overrun() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted).wait(4, 30);
    let m = s.meeting();
    assert_eq!(m.phase, Phase::Running);
    assert_eq!(m.current, Some(0));
    assert_eq!(m.item_elapsed(0, s.now()), Duration::seconds(270));
    assert_eq!(m.item_remaining(0, s.now()), Some(Duration::seconds(330)));
    s.wait(7, 0);
    let m = s.meeting();
    assert_eq!(m.item_remaining(0, s.now()), Some(Duration::seconds(-90)));
    assert_eq!(m.drift(s.now()), Some(Duration::seconds(90)));
}

#[test]
fn pause_counts_toward_no_item_but_toward_drift() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted)
        .wait(2, 0)
        .ev(Event::Paused)
        .wait(5, 0);
    let m = s.meeting();
    assert_eq!(m.phase, Phase::Paused);
    assert_eq!(m.item_elapsed(0, s.now()), Duration::minutes(2));
    assert_eq!(m.pause_elapsed(s.now()), Some(Duration::minutes(5)));
    assert_eq!(m.drift(s.now()), Some(Duration::minutes(5)));
    s.ev(Event::Resumed).wait(1, 0);
    let m = s.meeting();
    assert_eq!(m.item_elapsed(0, s.now()), Duration::minutes(3));
    assert_eq!(m.paused_total(s.now()), Duration::minutes(5));
    assert_eq!(m.meeting_elapsed(s.now()), Duration::minutes(8));
}

#[test]
fn started_five_late_caught_up_two_shows_plus_three() {
    let mut s = Script::at("2022-03-14T13:35:00+01:00");
    s.ev(Event::MeetingStarted);
    assert_eq!(s.meeting().drift(s.now()), Some(Duration::minutes(5)));
    // Item 1 takes 8 of its 10 minutes: two minutes caught up.
    s.wait(8, 0).ev(Event::ItemStarted { item: 1 });
    let m = s.meeting();
    assert_eq!(m.items[0].status, Status::Done);
    assert_eq!(m.current, Some(1));
    assert_eq!(round_minutes(m.drift(s.now()).unwrap()), 3);
    let planned_end = m.planned_end().unwrap();
    assert_eq!(
        planned_end.time(),
        NaiveTime::from_hms_opt(14, 20, 0).unwrap()
    );
    assert_eq!(
        m.projected_end(s.now()).unwrap().time(),
        NaiveTime::from_hms_opt(14, 23, 0).unwrap()
    );
}

#[test]
fn skip_previous_and_end() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted)
        .wait(1, 0)
        .ev(Event::ItemSkipped { item: 0 })
        .wait(2, 0)
        .ev(Event::ItemStarted { item: 0 })
        .wait(1, 0);
    let m = s.meeting();
    assert_eq!(m.current, Some(0));
    assert_eq!(m.items[1].status, Status::Done);
    assert_eq!(m.item_elapsed(0, s.now()), Duration::minutes(2));
    s.ev(Event::MeetingEnded).wait(10, 0);
    let m = s.meeting();
    assert_eq!(m.phase, Phase::Ended);
    assert_eq!(m.current, None);
    assert_eq!(m.meeting_elapsed(s.now()), Duration::minutes(4));
}

#[test]
fn undo_takes_back_latest_change_only() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted)
        .ev(Event::Decision {
            item: 0,
            text: "Helle er referent".into(),
        })
        .ev(Event::Note {
            item: 0,
            text: "typo".into(),
        })
        .ev(Event::Undo);
    let m = s.meeting();
    assert_eq!(m.items[0].entries.len(), 1);
    s.ev(Event::Undo).ev(Event::Undo);
    let m = s.meeting();
    assert!(m.items[0].entries.is_empty());
    assert_eq!(m.phase, Phase::Running, "the start cannot be undone");
}

#[test]
fn edit_and_delete_entries() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted)
        .ev(Event::Outcome {
            item: 0,
            clause: None,
            outcome: Outcome::Approved,
            text: "Indstillingen blev godkendt.".into(),
        })
        .ev(Event::ActionAdded {
            item: 0,
            what: "Send referat".into(),
            who: "Helle".into(),
            due: None,
        })
        .ev(Event::EntryEdited {
            entry: 3,
            text: "Send referat ud".into(),
            who: Some("Rie".into()),
            due: chrono::NaiveDate::from_ymd_opt(2022, 3, 21),
        })
        .ev(Event::EntryDeleted { entry: 2 });
    let m = s.meeting();
    assert_eq!(m.items[0].entries.len(), 1);
    assert!(m.items[0].outcome().is_none());
    match &m.items[0].entries[0].kind {
        referent::session::state::EntryKind::Action { what, who, due } => {
            assert_eq!(what, "Send referat ud");
            assert_eq!(who, "Rie");
            assert!(due.is_some());
        }
        other => panic!("expected an action, got {other:?}"),
    }
}

#[test]
fn events_that_do_not_fit_are_ignored_not_fatal() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::Decision {
        item: 0,
        text: "before start is fine".into(),
    })
    .ev(Event::ItemStarted { item: 99 })
    .ev(Event::Resumed);
    let m = s.meeting();
    assert_eq!(m.ignored, vec![2, 3]);
    assert_eq!(m.items[0].entries.len(), 1);
}

#[test]
fn push_back_moves_the_rest_and_clears_drift() {
    let mut s = Script::at("2022-03-14T13:40:00+01:00");
    s.ev(Event::MeetingStarted).wait(5, 0);
    let before = s.meeting();
    assert_eq!(before.drift(s.now()), Some(Duration::minutes(10)));
    s.ev(Event::Replan {
        plan: Replan::PushBack,
    });
    let m = s.meeting();
    assert_eq!(m.drift(s.now()), Some(Duration::zero()));
    assert_eq!(
        m.planned_end().unwrap().time(),
        NaiveTime::from_hms_opt(14, 30, 0).unwrap()
    );
    assert_eq!(
        m.original_end().unwrap().time(),
        NaiveTime::from_hms_opt(14, 20, 0).unwrap()
    );
    assert_eq!(m.plan_changes.len(), 1);
}

#[test]
fn compress_ends_on_the_planned_end_keeping_breaks() {
    let mut s = Script::at("2022-03-14T13:40:00+01:00");
    s.ev(Event::MeetingStarted).wait(5, 0).ev(Event::Replan {
        plan: Replan::Compress,
    });
    let m = s.meeting();
    let end = m.planned_end().unwrap().time();
    assert_eq!(end, NaiveTime::from_hms_opt(14, 20, 0).unwrap());
    // The 10-minute break between item 2 and 3 stays.
    let (b, c) = (m.plan[1].unwrap(), m.plan[2].unwrap());
    assert_eq!(c.start - b.end, Duration::minutes(10));
    assert_eq!(round_minutes(m.drift(s.now()).unwrap()), 0);
}

/// Bug: with a gap between slots and a break already passed, compress kept both as holes and
/// left time unused. Now the time left is shared among the remaining items; only breaks still
/// ahead are kept.
#[test]
fn compress_drops_gaps_and_past_breaks() {
    // 1: 13:30-13:40, lunch 13:40-13:55 (announced), 2: 13:55-14:05, gap, 3: 14:10-14:20.
    let mut a = agenda();
    a.items[1].start = hm(13, 55);
    a.items[1].end = hm(14, 5);
    a.items[2].start = hm(14, 10);
    a.items[2].end = hm(14, 20);
    a.breaks = vec![Break {
        title: "Frokost".into(),
        start: hm(13, 40),
        end: hm(13, 55),
        minutes: Some(15),
        after: 1,
    }];
    let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
    let mut records = vec![];
    let mut push = |secs: i64, event| {
        let at = clock.now() + Duration::seconds(secs);
        let seq = records.len() as u64 + 1;
        records.push(Record {
            seq,
            at,
            group: 0,
            event,
        });
    };
    push(0, Event::MeetingStarted);
    // Item 1 ran long; item 2 starts 14:00, after lunch; compress at once.
    push(1800, Event::ItemStarted { item: 1 });
    push(
        1800,
        Event::Replan {
            plan: Replan::Compress,
        },
    );
    let m = Meeting::replay(a, &records);
    assert!(m.ignored.is_empty());
    let (two, three) = (m.plan[1].unwrap(), m.plan[2].unwrap());
    assert_eq!(
        three.start, two.end,
        "no gap kept between the remaining items"
    );
    assert_eq!(
        three.end.time(),
        NaiveTime::from_hms_opt(14, 20, 0).unwrap()
    );
    // 20 minutes left for 10 + 10 planned: nothing shrinks, nothing is left unused.
    assert_eq!(two.length(), Duration::minutes(10));
    assert_eq!(three.length(), Duration::minutes(10));
}

#[test]
fn defer_pulls_later_items_forward() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted).ev(Event::Replan {
        plan: Replan::Defer { item: 1 },
    });
    let m = s.meeting();
    assert_eq!(m.items[1].status, Status::Deferred);
    assert_eq!(
        m.plan[2].unwrap().start.time(),
        NaiveTime::from_hms_opt(13, 50, 0).unwrap()
    );
    assert_eq!(m.next_pending(0), Some(2));
}

#[test]
fn recovery_gap_counts_as_meeting_time() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted).wait(2, 0);
    let down = s.now();
    s.wait(3, 0)
        .ev(Event::Recovered { down_since: down })
        .wait(1, 0);
    let m = s.meeting();
    assert_eq!(m.interruptions.len(), 1);
    assert_eq!(m.item_elapsed(0, s.now()), Duration::minutes(6));
}

#[test]
fn an_agenda_dated_another_day_is_planned_from_the_actual_start() {
    let mut dated = agenda();
    dated.date = chrono::NaiveDate::from_ymd_opt(2022, 3, 14);
    let clock = FakeClock::at("2026-11-24T09:05:00+01:00");
    let records = vec![Record {
        seq: 1,
        at: clock.now(),
        group: 0,
        event: Event::MeetingStarted,
    }];
    let m = Meeting::replay(dated.clone(), &records);
    assert_eq!(m.drift(clock.now()), Some(Duration::zero()));
    // Same shape: 10 + 10 minutes, a 10-minute break, 20 minutes.
    assert_eq!(
        m.planned_end().unwrap().time(),
        NaiveTime::from_hms_opt(9, 55, 0).unwrap()
    );
    // On its own day the clock times hold.
    let clock = FakeClock::at("2022-03-14T13:35:00+01:00");
    let records = vec![Record {
        seq: 1,
        at: clock.now(),
        group: 0,
        event: Event::MeetingStarted,
    }];
    let m = Meeting::replay(dated, &records);
    assert_eq!(m.drift(clock.now()), Some(Duration::minutes(5)));
}

/// Bug 4: a second writer's records after `meeting_ended` changed the minutes. The fold ignores
/// and reports them, and records whose seq repeats.
#[test]
fn records_after_the_end_and_repeated_seqs_are_ignored_and_reported() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted)
        .wait(1, 0)
        .ev(Event::MeetingEnded)
        .ev(Event::Note {
            item: 0,
            text: "from the other window".into(),
        });
    let mut records = s.records.clone();
    records.push(records[0].clone());
    let m = Meeting::replay(agenda(), &records);
    assert!(m.items[0].entries.is_empty());
    assert_eq!(m.after_end, vec![3]);
    assert_eq!(m.duplicates, vec![1]);
    let problems = m.fold_problems().join("\n");
    assert!(problems.contains("after the meeting ended"), "{problems}");
    assert!(problems.contains("repeated record(s)"), "{problems}");
}

/// Bug 9: the screen planned an old agenda from "now" while the minutes printed the agenda's own
/// times; the screen took the last item's end and the minutes the stated end; the projector's
/// "Next" showed the original start while the meeting ran late. One plan now serves them all.
#[test]
fn screen_minutes_and_projector_read_one_plan() {
    let mut a = agenda();
    a.date = chrono::NaiveDate::from_ymd_opt(2021, 1, 4);
    a.end = hm(14, 30);
    let clock = FakeClock::at("2022-03-14T09:00:00+01:00");
    let before = Meeting::new(a.clone());
    let screen_end = before.planned_end_at(clock.now()).unwrap();
    // Run on another day, the agenda is moved to start now; its stated end moves with it.
    assert_eq!(
        screen_end.time(),
        NaiveTime::from_hms_opt(10, 0, 0).unwrap()
    );
    let records = vec![
        Record {
            seq: 1,
            at: clock.now(),
            group: 0,
            event: Event::MeetingStarted,
        },
        Record {
            seq: 2,
            at: clock.now() + Duration::minutes(27),
            group: 0,
            event: Event::ItemStarted { item: 1 },
        },
    ];
    let m = Meeting::replay(a, &records);
    assert_eq!(m.original_end(), Some(screen_end));
    let json: serde_json::Value =
        serde_json::from_str(&referent::minutes::to_json(&m, referent::i18n::Lang::Da)).unwrap();
    let meeting = &json["meeting"];
    assert_eq!(meeting["planned_start"], "09:00", "{meeting}");
    assert_eq!(meeting["planned_end"], "10:00", "{meeting}");
    // 17 minutes late at item 2: item 3 is expected 17 minutes after its slot.
    let now = clock.now() + Duration::minutes(27);
    let slot = m.plan[2].unwrap();
    assert_eq!(
        m.expected_start(2, now),
        Some(slot.start + Duration::minutes(17))
    );
}

/// Issue 13.3: an identical line repeated (a bad copy) is counted once and reported as a
/// duplicate, not as a record out of order; two different records sharing a seq keep the first,
/// and one `u` takes back one group only.
#[test]
fn duplicated_lines_count_once_and_one_undo_takes_one_group() {
    let mut s = Script::at("2022-03-14T13:30:00+01:00");
    s.ev(Event::MeetingStarted).wait(1, 0).ev(Event::Note {
        item: 0,
        text: "første".into(),
    });
    let mut records = s.records.clone();
    records.push(records[1].clone());
    let mut other = records[1].clone();
    other.event = Event::Note {
        item: 0,
        text: "anden skriver".into(),
    };
    records.push(other);
    let next = |seq: u64, text: &str| Record {
        seq,
        at: s.now(),
        group: seq,
        event: Event::Note {
            item: 0,
            text: text.into(),
        },
    };
    records.push(next(3, "tredje"));
    records.push(Record {
        seq: 4,
        at: s.now(),
        group: 0,
        event: Event::Undo,
    });
    let m = Meeting::replay(agenda(), &records);
    let texts: Vec<String> = m.items[0]
        .entries
        .iter()
        .map(|e| format!("{:?}", e.kind))
        .collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("første"), "{texts:?}");
    assert_eq!(m.duplicates, vec![2]);
    assert_eq!(m.out_of_order, vec![2]);
    let problems = m.fold_problems().join("\n");
    assert!(
        problems.contains("1 repeated record(s) (identical lines) were counted once (seq 2)"),
        "{problems}"
    );
    assert!(problems.contains("out of order"), "{problems}");
}
