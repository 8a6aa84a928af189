//! The plan editor under a fake clock: keys in, events out, and how it looks (snapshots at
//! 80x24 and 160x48, with a `check` warning beside the item it concerns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use chrono::NaiveTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;
use referent::session::event::Event;
use referent::session::recorder::Recorder;
use referent::session::state::Phase;
use referent::session::{Clock, FakeClock, journal};
use referent::ui::app::{App, Mode};

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Item 3 starts before item 2 ends: `check` warns about the overlap.
fn agenda() -> Agenda {
    let item = |n: &str, t: &str, s, e, rec: &[&str]| Item {
        number: n.into(),
        title: t.into(),
        case_number: Some("85.02.02P35-25-19".into()),
        start: s,
        end: e,
        recommendation: rec.iter().map(|r| r.to_string()).collect(),
        attachments: vec!["Bilag 1: Notat".into()],
        ..Default::default()
    };
    Agenda {
        title: "Centerledermøde d. 14-03-2022".into(),
        date: chrono::NaiveDate::from_ymd_opt(2022, 3, 14),
        start: hm(13, 30),
        place: Some("Hos Eigil".into()),
        participants: vec!["Helle".into(), "Rie".into(), "Marie".into(), "Eigil".into()],
        items: vec![
            item(
                "1",
                "Referat og referent",
                hm(13, 30),
                hm(13, 40),
                &["at der findes en referent"],
            ),
            item("2", "Eigil orienterer", hm(13, 40), hm(14, 0), &[]),
            item("3", "Kvalitetshåndbog", hm(13, 50), hm(14, 10), &[]),
            item("4", "Eventuelt", hm(14, 10), hm(14, 20), &[]),
        ],
        ..Default::default()
    }
}

struct Rig {
    _dir: tempfile::TempDir,
    clock: FakeClock,
    app: App,
}

impl Rig {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::at("2022-03-14T13:25:00+01:00");
        let rec = Recorder::create(dir.path(), agenda(), clock.now()).unwrap();
        let mut app = App::new(rec, Lang::Da);
        app.open_editor();
        Rig {
            _dir: dir,
            clock,
            app,
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        self.app
            .on_key(KeyEvent::new(code, KeyModifiers::NONE), self.clock.now())
            .unwrap();
        self
    }

    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    fn ctrl_u(&mut self) -> &mut Self {
        self.app
            .on_key(
                KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
                self.clock.now(),
            )
            .unwrap();
        self
    }

    fn screen(&self, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| referent::ui::run::draw(f, &self.app, self.clock.now()))
            .unwrap();
        let buf = t.backend().buffer();
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn journal_events(&self) -> Vec<Event> {
        let (records, _) = journal::read(&self.app.rec.dir().join("journal.jsonl")).unwrap();
        records.into_iter().map(|r| r.event).collect()
    }

    fn titles(&self) -> Vec<String> {
        self.app
            .meeting()
            .agenda
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    }
}

/// The line right after the item's line is its warning.
fn warning_after(screen: &str, item: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(item))
        .unwrap_or_else(|| panic!("{item} not on\n{screen}"));
    lines[at + 1].to_string()
}

#[test]
fn snapshot_80x24_with_a_warning_beside_its_item() {
    let mut r = Rig::new();
    r.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Down);
    let screen = r.screen(80, 24);
    assert!(
        warning_after(&screen, "3. Kvalitetshåndbog").contains("⚠ Punkt 3"),
        "{screen}"
    );
    insta::assert_snapshot!("editor_80x24", screen);
}

#[test]
fn snapshot_160x48_with_the_selected_items_details() {
    let mut r = Rig::new();
    r.key(KeyCode::Down);
    let screen = r.screen(160, 48);
    assert!(screen.contains("at der findes en referent"), "{screen}");
    assert!(
        warning_after(&screen, "3. Kvalitetshåndbog").contains("overlap"),
        "{screen}"
    );
    insta::assert_snapshot!("editor_160x48", screen);
}

#[test]
fn fixing_the_overlap_in_the_editor_takes_the_warning_away() {
    let mut r = Rig::new();
    r.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Down);
    r.key(KeyCode::Enter);
    assert!(matches!(r.app.mode, Mode::Form(_)));
    // Number, title, case number, start: 14:00.
    r.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    r.ctrl_u().keys("14:00").key(KeyCode::Enter);
    assert!(matches!(r.app.mode, Mode::Normal), "{:?}", r.app.status);
    let screen = r.screen(80, 24);
    assert!(!screen.contains("overlap"), "{screen}");
    assert!(matches!(
        r.journal_events().last(),
        Some(Event::ItemEdited { item: 2, .. })
    ));
}

#[test]
fn add_move_remove_and_undo_in_the_editor_are_journal_events() {
    let mut r = Rig::new();
    // `+` on the meeting's row adds a first item.
    r.keys("+").keys("Godkendelse af dagsorden");
    r.key(KeyCode::Tab).keys("5").key(KeyCode::Enter);
    assert_eq!(r.titles()[0], "Godkendelse af dagsorden");
    // The new item is selected: J moves it down one place.
    r.keys("J");
    assert_eq!(
        r.titles()[..2],
        ["Referat og referent", "Godkendelse af dagsorden"]
    );
    r.keys("x");
    r.keys("y");
    assert!(!r.titles().contains(&"Godkendelse af dagsorden".to_string()));
    r.keys("u");
    assert_eq!(r.titles()[1], "Godkendelse af dagsorden");
    let kinds: Vec<&str> = r
        .journal_events()
        .iter()
        .filter_map(|e| match e {
            Event::ItemAdded { .. } => Some("added"),
            Event::ItemMoved { .. } => Some("moved"),
            Event::ItemRemoved { .. } => Some("removed"),
            Event::Undo => Some("undo"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["added", "moved", "removed", "undo"]);
}

#[test]
fn the_meetings_facts_are_edited_from_the_first_row() {
    let mut r = Rig::new();
    r.key(KeyCode::Enter);
    // Title, date, start, end, place.
    for _ in 0..4 {
        r.key(KeyCode::Tab);
    }
    r.ctrl_u().keys("Rådhuset, lokale 2").key(KeyCode::Enter);
    assert_eq!(
        r.app.meeting().agenda.place.as_deref(),
        Some("Rådhuset, lokale 2")
    );
    assert!(matches!(
        r.journal_events().last(),
        Some(Event::MeetingEdited { .. })
    ));
    assert!(r.screen(80, 24).contains("Rådhuset, lokale 2"));
}

#[test]
fn space_starts_the_meeting_and_e_opens_the_editor_where_treated_items_are_refused() {
    let mut r = Rig::new();
    r.keys(" ");
    assert_eq!(r.app.meeting().phase, Phase::Running);
    assert!(r.app.editor.is_none(), "the live screen takes over");
    r.clock.advance_secs(60);
    r.keys("n").keys("E");
    assert!(r.app.editor.is_some());
    // The editor opens at the current item (2); up once is item 1, treated.
    r.key(KeyCode::Up).keys("J");
    let status = r.app.status.clone().unwrap();
    assert!(status.contains("allerede behandlet"), "{status}");
    r.key(KeyCode::Enter);
    assert!(
        matches!(r.app.mode, Mode::Normal),
        "no form for a treated item"
    );
    assert!(
        r.app
            .status
            .as_deref()
            .unwrap()
            .contains("allerede behandlet")
    );
    // Lengthening a pending item moves the projected end at once.
    let end = r.app.meeting().projected_end(r.clock.now()).unwrap();
    r.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Enter);
    for _ in 0..5 {
        r.key(KeyCode::Tab);
    }
    r.ctrl_u().keys("40").key(KeyCode::Enter);
    let later = r.app.meeting().projected_end(r.clock.now()).unwrap();
    assert_eq!((later - end).num_minutes(), 20);
    r.key(KeyCode::Esc);
    assert!(r.app.editor.is_none());
}
