//! The plan editor's changes in the fold: the meeting's facts edited (and undone), items edited
//! from the editor's form, the projected end moved at once, and what `next-agenda` carries.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use chrono::{Duration, NaiveTime};
use referent::agenda::{Agenda, Item};
use referent::archive::{self, Archive, Session};
use referent::i18n::{Key, Lang};
use referent::session::decide::{Command, Refusal, decide};
use referent::session::edits::{FactsText, ItemText};
use referent::session::event::{Event, Record, Replan};
use referent::session::state::{Meeting, Status};
use referent::session::{Clock, FakeClock};

fn agenda() -> Agenda {
    Agenda {
        title: "Centerledermøde".into(),
        date: chrono::NaiveDate::from_ymd_opt(2022, 3, 14),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        end: NaiveTime::from_hms_opt(14, 30, 0),
        participants: vec!["Helle".into(), "Rie".into(), "Marie".into()],
        items: (1..=3)
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

struct Rig {
    clock: FakeClock,
    m: Meeting,
    records: Vec<Record>,
}

impl Rig {
    fn new() -> Self {
        Rig {
            clock: FakeClock::at("2022-03-14T13:30:00+01:00"),
            m: Meeting::new(agenda()),
            records: vec![],
        }
    }

    fn run(&mut self, c: Command) -> Result<Vec<Event>, Refusal> {
        self.clock.advance_secs(30);
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

    fn facts(&self, f: impl FnOnce(&mut FactsText)) -> Command {
        let mut text = FactsText::of(&self.m.agenda.facts());
        f(&mut text);
        Command::EditFacts(text)
    }

    fn edit_item(&self, item: usize, f: impl FnOnce(&mut ItemText)) -> Command {
        let mut text = ItemText::of(&self.m.agenda.items[item]);
        f(&mut text);
        Command::EditItemText { item, text }
    }

    fn names(&self) -> Vec<(String, bool)> {
        self.m
            .people
            .iter()
            .map(|p| (p.name.clone(), p.present))
            .collect()
    }
}

#[test]
fn facts_edited_before_the_start_are_in_the_minutes_and_undo_takes_them_back() {
    let mut r = Rig::new();
    let before = r.m.clone();
    let written = r
        .run(r.facts(|f| {
            f.title = "Centerledermøde (ekstraordinært)".into();
            f.place = "Mødelokale 2".into();
            f.chair = "Eigil".into();
            f.date = "15.03.2022".into();
        }))
        .unwrap();
    assert!(matches!(written[..], [Event::MeetingEdited { .. }]));
    assert_eq!(r.m.agenda.title, "Centerledermøde (ekstraordinært)");
    assert_eq!(r.m.agenda.place.as_deref(), Some("Mødelokale 2"));
    assert_eq!(r.m.imported.title, "Centerledermøde", "the import stays");
    let json: serde_json::Value =
        serde_json::from_str(&referent::minutes::to_json(&r.m, Lang::Da)).unwrap();
    assert_eq!(json["meeting"]["title"], "Centerledermøde (ekstraordinært)");
    assert_eq!(json["meeting"]["chair"], "Eigil");

    // Resume and the follower fold the same records: the same meeting.
    assert_eq!(Meeting::replay(agenda(), &r.records).agenda, r.m.agenda);

    r.run(Command::Undo).unwrap();
    assert_eq!(r.m.agenda, before.agenda);
    assert_eq!(r.m.people, before.people);
}

#[test]
fn unchanged_facts_write_nothing_and_a_bad_time_is_refused() {
    let mut r = Rig::new();
    assert_eq!(r.run(r.facts(|_| {})), Ok(vec![]));
    assert_eq!(
        r.run(r.facts(|f| f.start = "halv to".into())),
        Err(Refusal::About(Key::NeedTime, "halv to".into()))
    );
    assert_eq!(
        r.run(r.facts(|f| f.title = " ".into())),
        Err(Refusal::Plain(Key::NeedText))
    );
    assert!(r.records.is_empty());
}

#[test]
fn the_people_follow_the_lists_of_participants_and_apologies() {
    let mut r = Rig::new();
    r.run(r.facts(|f| {
        f.participants = "Helle, Rie, Eigil".into();
        f.absent = "Rie".into();
    }))
    .unwrap();
    assert_eq!(
        r.names(),
        [
            ("Helle".to_string(), true),
            ("Rie".to_string(), false),
            ("Eigil".to_string(), true),
        ],
        "Marie left the lists, Eigil joined, Rie sent apologies"
    );
    // Rie comes after all: back among the present.
    r.run(r.facts(|f| f.absent = String::new())).unwrap();
    assert!(r.names().contains(&("Rie".to_string(), true)));
    r.run(Command::Undo).unwrap();
    r.run(Command::Undo).unwrap();
    assert_eq!(r.m.people, Meeting::new(agenda()).people);
}

#[test]
fn someone_whose_arrival_was_recorded_stays_when_taken_off_the_list() {
    let mut r = Rig::new();
    r.run(Command::StartPause).unwrap();
    r.run(Command::Movement {
        name: "Marie".into(),
        arrived: true,
    })
    .unwrap();
    r.run(r.facts(|f| f.participants = "Helle, Rie".into()))
        .unwrap();
    assert!(r.m.people.iter().any(|p| p.name == "Marie"));
}

#[test]
fn a_new_end_during_the_meeting_moves_the_stated_end_and_undo_puts_it_back() {
    let mut r = Rig::new();
    r.run(Command::StartPause).unwrap();
    let stated = r.m.stated_end.unwrap();
    r.run(r.facts(|f| f.end = "15:00".into())).unwrap();
    assert_eq!(r.m.stated_end.unwrap() - stated, Duration::minutes(30));
    r.run(Command::Undo).unwrap();
    assert_eq!(r.m.stated_end, Some(stated));
}

/// The editor's item form also holds the item's speaking time: the speaker list's limit for
/// that item, set in the same group as the edit so one `u` takes both back.
#[test]
fn the_editor_sets_an_items_speaking_time_and_undo_takes_it_back() {
    let mut r = Rig::new();
    let events = r
        .run(r.edit_item(2, |t| {
            t.title = "Sag tre".into();
            t.speaking_time = "2:30".into();
        }))
        .unwrap();
    assert!(events.contains(&Event::SpeakingLimitSet {
        item: Some(2),
        seconds: Some(150),
    }));
    assert_eq!(r.m.items[2].speakers.limit, Some(150));
    assert_eq!(r.m.agenda.items[2].title, "Sag tre");
    // The same limit again writes no limit event.
    let again = r
        .run(r.edit_item(2, |t| t.speaking_time = "150s".into()))
        .unwrap();
    assert!(
        !again
            .iter()
            .any(|e| matches!(e, Event::SpeakingLimitSet { .. }))
    );
    r.run(Command::Undo).unwrap();
    r.run(Command::Undo).unwrap();
    assert_eq!(r.m.items[2].speakers.limit, None);
    assert_eq!(r.m.agenda.items[2].title, "Sag 3");
    assert!(matches!(
        r.run(r.edit_item(2, |t| t.speaking_time = "lang".into())),
        Err(Refusal::About(Key::NeedNumber, _))
    ));
}

#[test]
fn lengthening_an_item_in_the_editor_moves_the_projected_end_at_once() {
    let mut r = Rig::new();
    r.run(Command::StartPause).unwrap();
    let now = r.clock.now();
    let end = r.m.projected_end(now).unwrap();
    r.run(r.edit_item(1, |t| t.minutes = "25".into())).unwrap();
    let now = r.clock.now();
    assert_eq!(r.m.projected_end(now).unwrap() - end, Duration::minutes(15));
    // The re-plan works on the changed plan: pushing back keeps the new length.
    r.run(Command::Replan(Replan::PushBack)).unwrap();
    let slot = r.m.plan[1].unwrap();
    assert_eq!(slot.length(), Duration::minutes(25));
}

#[test]
fn the_editor_changes_what_is_not_yet_treated_and_refuses_the_rest_with_a_reason() {
    let mut r = Rig::new();
    r.run(Command::StartPause).unwrap();
    r.run(Command::Next).unwrap();
    assert_eq!(r.m.items[0].status, Status::Done);
    assert_eq!(
        r.run(r.edit_item(0, |t| t.title = "Nyt navn".into())),
        Err(Refusal::Plain(Key::ItemTreated))
    );
    assert_eq!(
        r.run(Command::MoveItem { item: 0, up: false }),
        Err(Refusal::About(Key::ItemTreated, "1. Sag 1".into()))
    );
    r.run(r.edit_item(2, |t| {
        t.title = "Budget 2023".into();
        t.case_number = "22/123".into();
        t.recommendation = vec!["at budgettet godkendes".into()];
        t.attachments = vec!["Bilag 1: Budget".into()];
    }))
    .unwrap();
    let item = &r.m.agenda.items[2];
    assert_eq!(item.title, "Budget 2023");
    assert_eq!(item.case_number.as_deref(), Some("22/123"));
    assert_eq!(item.recommendation, ["at budgettet godkendes"]);
    assert_eq!(item.attachments, ["Bilag 1: Budget"]);
}

/// Items moved out of this meeting, as the editor left them, are on the next agenda.
#[test]
fn next_agenda_carries_the_items_moved_out_as_edited() {
    let mut r = Rig::new();
    r.run(Command::StartPause).unwrap();
    r.run(Command::AddItem {
        after: Some(0),
        title: "Nyt punkt".into(),
        minutes: "5".into(),
    })
    .unwrap();
    // Sag 3 is now at position 3; it gets a new title, then is deferred.
    r.run(r.edit_item(3, |t| t.title = "Budget 2023".into()))
        .unwrap();
    r.run(Command::Replan(Replan::Defer { item: 3 })).unwrap();
    r.run(Command::RemoveItem { item: 2 }).unwrap();
    r.run(Command::Finish).unwrap();
    assert_eq!(
        r.m.agenda
            .items
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        ["Sag 1", "Nyt punkt", "Budget 2023"]
    );

    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("2022-03-14-centerledermoede");
    let archive = Archive::from_sessions(vec![Session::new(&session, r.m.clone())], vec![]);
    let draft = archive::next::draft(&archive, 0).unwrap();
    let titles: Vec<&str> = draft
        .agenda
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert!(titles.contains(&"Budget 2023"), "{titles:?}");
    assert!(
        !titles.contains(&"Sag 2"),
        "an item withdrawn is not carried"
    );
}
