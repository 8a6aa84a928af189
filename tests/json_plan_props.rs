//! The JSON importer and the plan under hostile input: the cases fuzzing found (each panicked
//! before), and a property test over arbitrary JSON agendas, their plan and a replanned meeting.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use proptest::prelude::*;
use referent::agenda::{self, Agenda};
use referent::session::event::{Event, Record, Replan};
use referent::session::journal::Journal;
use referent::session::{Clock, FakeClock, Meeting};
use referent::textutil::{is_unsafe, width};
use serde_json::{Value, json};

/// A meeting over `agenda` that starts, moves on, and is replanned every way.
fn replanned(agenda: Agenda) -> Meeting {
    let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
    let n = agenda.items.len();
    let mut events = vec![Event::MeetingStarted];
    if n > 1 {
        events.push(Event::ItemStarted { item: 1 });
    }
    events.extend([
        Event::Replan {
            plan: Replan::PushBack,
        },
        Event::Replan {
            plan: Replan::Compress,
        },
        Event::Replan {
            plan: Replan::Defer {
                item: n.saturating_sub(1),
            },
        },
        Event::Paused,
        Event::Resumed,
    ]);
    // Written through a journal, as the app does, so the records have their real shape.
    let tmp = tempfile::tempdir().unwrap();
    let mut journal = Journal::create(&tmp.path().join("journal.jsonl")).unwrap();
    let records: Vec<Record> = events
        .into_iter()
        .map(|event| {
            clock.advance_secs(600);
            journal.append(clock.now(), event).unwrap()
        })
        .collect();
    let m = Meeting::replay(agenda, &records);
    let now = clock.now();
    for i in 0..n {
        let _ = m.item_remaining(i, now);
    }
    m
}

fn check_everything(text: &str) {
    let Ok(imported) = agenda::parse("a.json", text.as_bytes(), None) else {
        return;
    };
    let a = imported.agenda;
    let plan = referent::commands::check::plan(&a);
    let json = a.to_json();
    assert!(!json.chars().any(|c| is_unsafe(c) && c != '\n'), "{json}");
    assert!(
        !plan.chars().any(|c| is_unsafe(c) && c != '\n'),
        "the plan prints unsafe text: {plan:?}"
    );
    let _ = agenda::lint::lint(&a);
    let _ = referent::commands::agenda::render(&a);
    let _ = replanned(a);
}

/// Found by fuzzing `check`: a title of emoji with variation selectors was cut by one width and
/// padded by another, and the padding underflowed ("capacity overflow").
#[test]
fn check_survives_emoji_with_variation_selectors_and_controls() {
    let emoji = "☺\u{fe0f}".repeat(40);
    let text = json!({
        "title": "T",
        "items": [{"number": "1", "title": emoji, "minutes": 5}],
        "breaks": [{"title": format!("Pause\u{85}\u{9b}\u{1b}[2J{}", "👍🏽".repeat(30)), "after": 1}],
    })
    .to_string();
    let imported = agenda::parse("a.json", text.as_bytes(), None).unwrap();
    let plan = referent::commands::check::plan(&imported.agenda);
    for line in plan
        .lines()
        .filter(|l| l.contains('☺') || l.contains("Pause"))
    {
        assert!(width(line) < 90, "{line}");
    }
    assert!(
        !plan.contains('\u{1b}') && !plan.contains('\u{85}'),
        "{plan:?}"
    );
}

/// Found by fuzzing `run`: huge `minutes` made the plan's date-time arithmetic overflow.
#[test]
fn run_survives_huge_minutes() {
    let items: Vec<Value> = (0..40)
        .map(|i| json!({"number": i.to_string(), "title": "x", "minutes": u32::MAX}))
        .collect();
    for date in [Value::Null, json!("2022-03-01"), json!("2999-12-31")] {
        let text =
            json!({"title": "T", "date": date, "start": "09:00", "items": items}).to_string();
        let imported = agenda::parse("a.json", text.as_bytes(), None).unwrap();
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.message.contains("mere end et døgn")),
            "{:?}",
            imported.warnings
        );
        let m = replanned(imported.agenda);
        let _ = m.item_planned(0);
    }
}

#[test]
fn an_empty_list_is_not_an_agenda() {
    let err = agenda::parse("agenda.json", b"[]", None).unwrap_err();
    assert_eq!(
        err.to_string().split(':').take(2).collect::<Vec<_>>(),
        ["agenda.json", "1"]
    );
}

fn nasty_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "æ",
            " ",
            "☺",
            "\u{fe0f}",
            "👍🏽",
            "👨\u{200d}👩",
            "\u{1b}",
            "[2J",
            "]0;x\u{7}",
            "\u{85}",
            "\u{9b}",
            "\u{7f}",
            "\u{202e}",
            "\u{2066}",
            "\n",
            "\t",
            "\u{0}",
            "e\u{301}",
            "日本",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        (0u32..200).prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        Just(json!(-1)),
        Just(json!(1e300)),
    ]
}

fn time() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        (0u32..24, 0u32..60).prop_map(|(h, m)| Value::from(format!("{h:02}:{m:02}"))),
        nasty_string().prop_map(Value::from),
    ]
}

fn item() -> impl Strategy<Value = Value> {
    (
        nasty_string(),
        nasty_string(),
        time(),
        time(),
        number(),
        nasty_string(),
        prop::collection::vec(nasty_string(), 0..3),
    )
        .prop_map(|(number, title, start, end, minutes, body, rec)| {
            json!({"number": number, "title": title, "start": start, "end": end,
                   "minutes": minutes, "body": body, "recommendation": rec, "attachments": rec})
        })
}

fn agenda_json() -> impl Strategy<Value = String> {
    (
        nasty_string(),
        prop_oneof![
            Just(Value::Null),
            Just(json!("2022-03-14")),
            Just(json!("9999-12-31"))
        ],
        time(),
        time(),
        prop::collection::vec(item(), 0..8),
        prop::collection::vec((nasty_string(), time(), time(), number(), 0usize..10), 0..3),
    )
        .prop_map(|(title, date, start, end, items, breaks)| {
            let breaks: Vec<Value> = breaks
                .into_iter()
                .map(|(t, s, e, m, after)| {
                    json!({"title": t, "start": s, "end": e, "minutes": m, "after": after})
                })
                .collect();
            json!({"title": title, "date": date, "start": start, "end": end, "place": title,
                   "participants": [title], "items": items, "breaks": breaks})
            .to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_json_agenda_imports_plans_and_replans_without_panicking(text in agenda_json()) {
        check_everything(&text);
    }
}
