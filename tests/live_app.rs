//! The meeting screen driven by keys under a fake clock: what each key records, and how the
//! screen looks (snapshots at 80x24 and 160x48).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use chrono::NaiveTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use referent::agenda::{Agenda, Break, Item};

use common::screens::{LANGS, SIZES, name};
use referent::i18n::Lang;
use referent::session::event::{Event, Outcome, Replan};
use referent::session::recorder::Recorder;
use referent::session::state::{EntryKind, Phase, Status};
use referent::session::{Clock, FakeClock, journal};
use referent::ui::app::{App, Confirm, Mode, View};

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn agenda() -> Agenda {
    let item = |n: &str, t: &str, s, e, rec: &[&str]| Item {
        number: n.into(),
        title: t.into(),
        case_number: Some("85.02.02P35-25-19".into()),
        start: s,
        end: e,
        minutes: None,
        body: "Opfølgning på det fremadskridende arbejde.\n\n- Første punkt\n- Andet punkt".into(),
        recommendation: rec.iter().map(|r| r.to_string()).collect(),
        ..Default::default()
    };
    Agenda {
        title: "Centerledermøde d. 14-03-2022".into(),
        start: hm(13, 30),
        participants: vec!["Helle".into(), "Rie".into(), "Marie".into(), "Eigil".into()],
        referent: Some("Helle".into()),
        items: vec![
            item(
                "1",
                "Referat og referent",
                hm(13, 30),
                hm(13, 40),
                &["at der findes en referent"],
            ),
            item(
                "2",
                "Eigil orienterer",
                hm(13, 40),
                hm(13, 50),
                &["at Eigil orienterer centerledelsen"],
            ),
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
        Rig::with(agenda(), Lang::Da)
    }

    fn with(agenda: Agenda, lang: Lang) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::at("2022-03-14T13:32:00+01:00");
        let rec = Recorder::create(dir.path(), agenda, clock.now()).unwrap();
        let app = App::new(rec, lang);
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

    fn wait(&mut self, secs: i64) -> &mut Self {
        self.clock.advance_secs(secs);
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
}

#[test]
fn space_starts_then_pauses_and_resumes() {
    let mut r = Rig::new();
    r.keys("d");
    assert!(r.app.status.as_deref().unwrap().contains("mellemrum"));
    r.keys(" ");
    assert_eq!(r.app.meeting().phase, Phase::Running);
    r.wait(60).keys(" ");
    assert_eq!(r.app.meeting().phase, Phase::Paused);
    r.wait(60).keys(" ");
    assert_eq!(r.app.meeting().phase, Phase::Running);
    assert_eq!(
        r.journal_events()[1..],
        [Event::MeetingStarted, Event::Paused, Event::Resumed]
    );
}

#[test]
fn decision_outcome_action_note_are_journaled_before_shown() {
    let mut r = Rig::new();
    r.keys(" d")
        .keys("Helle er referent æøå 🙂")
        .key(KeyCode::Enter);
    r.keys("r1").key(KeyCode::Enter);
    r.keys("a").keys("Send referat");
    r.key(KeyCode::Tab)
        .keys("Helle")
        .key(KeyCode::Tab)
        .keys("2022-03-21")
        .key(KeyCode::Enter);
    r.keys("c").keys("Kort drøftelse").key(KeyCode::Enter);
    let entries = &r.app.meeting().items[0].entries;
    assert_eq!(entries.len(), 4);
    assert!(
        matches!(&entries[0].kind, EntryKind::Decision { text } if text == "Helle er referent æøå 🙂")
    );
    assert!(
        matches!(&entries[1].kind, EntryKind::Outcome { outcome: Outcome::Approved, text, .. } if text == "Indstillingen blev godkendt.")
    );
    assert!(
        matches!(&entries[2].kind, EntryKind::Action { who, due: Some(_), .. } if who == "Helle")
    );
    // Everything on screen is in the journal on disk.
    let events = r.journal_events();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Note { text, .. } if text == "Kort drøftelse"))
    );
}

#[test]
fn outcome_with_changes_keeps_edited_wording() {
    let mut r = Rig::new();
    r.keys(" r2").keys("frist rykkes");
    r.key(KeyCode::Enter);
    let (o, text) = r.app.meeting().items[0].outcome().unwrap();
    assert_eq!(o, Outcome::ApprovedWithChanges);
    assert_eq!(
        text,
        "Indstillingen blev godkendt med følgende ændringer: frist rykkes"
    );
}

#[test]
fn empty_text_and_bad_due_keep_the_form_open() {
    let mut r = Rig::new();
    r.keys(" d").key(KeyCode::Enter);
    assert!(matches!(&r.app.mode, Mode::Form(f) if f.error.is_some()));
    r.key(KeyCode::Esc);
    assert_eq!(r.app.mode, Mode::Normal);
    r.keys("a")
        .keys("x")
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .keys("hvornår?")
        .key(KeyCode::Enter);
    assert!(matches!(&r.app.mode, Mode::Form(f) if f.error.is_some()));
    // Esc with typed text asks first; 'n' keeps the form.
    r.key(KeyCode::Esc);
    assert!(matches!(r.app.mode, Mode::Confirm(Confirm::Discard(_))));
    r.keys("n");
    assert!(matches!(r.app.mode, Mode::Form(_)));
    r.key(KeyCode::Esc).keys("y");
    assert_eq!(r.app.mode, Mode::Normal);
    assert!(r.app.meeting().items[0].entries.is_empty());
}

#[test]
fn navigation_skip_goto_and_undo() {
    let mut r = Rig::new();
    r.keys(" ").wait(300).keys("n");
    assert_eq!(r.app.meeting().current, Some(1));
    r.keys("s");
    assert_eq!(r.app.meeting().items[1].status, Status::Skipped);
    assert_eq!(r.app.meeting().current, Some(2));
    r.keys("g").keys("4").key(KeyCode::Enter);
    assert_eq!(r.app.meeting().current, Some(3));
    r.keys("n");
    assert!(r.app.status.as_deref().unwrap().contains("Sidste punkt"));
    r.keys("p");
    assert_eq!(r.app.meeting().current, Some(2));
    r.keys("u");
    assert_eq!(r.app.meeting().current, Some(3));
    r.keys("g").keys("9").key(KeyCode::Enter);
    assert!(matches!(&r.app.mode, Mode::Form(f) if f.error.is_some()));
}

#[test]
fn edit_and_delete_selected_entry() {
    let mut r = Rig::new();
    r.keys(" d").keys("første").key(KeyCode::Enter);
    r.keys("c").keys("anden").key(KeyCode::Enter);
    r.key(KeyCode::Up).key(KeyCode::Up).keys("e");
    r.key(KeyCode::End).keys(" rettet").key(KeyCode::Enter);
    let entries = &r.app.meeting().items[0].entries;
    assert!(matches!(&entries[0].kind, EntryKind::Decision { text } if text == "første rettet"));
    r.key(KeyCode::Down).keys("x");
    // `x` names the entry and asks first.
    assert!(
        matches!(&r.app.mode, Mode::Confirm(Confirm::Delete { what, .. }) if what.contains("anden"))
    );
    assert_eq!(r.app.meeting().items[0].entries.len(), 2);
    r.keys("y");
    assert_eq!(r.app.meeting().items[0].entries.len(), 1);
    r.keys("u");
    assert_eq!(r.app.meeting().items[0].entries.len(), 2);
}

/// Bug: after Up and an edit, a new note left the old selection in place, and `x` deleted the
/// earlier entry without saying which. The selection now follows new entries; Esc clears it.
#[test]
fn delete_after_a_new_entry_names_the_new_one_not_a_stale_selection() {
    let mut r = Rig::new();
    r.keys(" d").keys("første").key(KeyCode::Enter);
    r.keys("c").keys("anden").key(KeyCode::Enter);
    r.key(KeyCode::Up).key(KeyCode::Up).keys("e");
    r.keys(" rettet").key(KeyCode::Enter);
    r.keys("c").keys("tredje").key(KeyCode::Enter);
    r.keys("x");
    match &r.app.mode {
        Mode::Confirm(Confirm::Delete { what, .. }) => assert!(what.contains("tredje"), "{what}"),
        other => panic!("x should ask first, got {other:?}"),
    }
    r.keys("n");
    assert_eq!(
        r.app.meeting().items[0].entries.len(),
        3,
        "n keeps the entry"
    );
    r.key(KeyCode::Up).key(KeyCode::Up).key(KeyCode::Esc);
    assert_eq!(r.app.selected, None, "Esc clears the selection");
}

#[test]
fn vote_attendance_inhabil_and_late_arrival() {
    let mut r = Rig::new();
    r.keys(" o")
        .key(KeyCode::Backspace)
        .keys("3")
        .key(KeyCode::Tab);
    r.key(KeyCode::Backspace).keys("1").key(KeyCode::Enter);
    assert!(matches!(
        r.app.meeting().items[0].entries[0].kind,
        EntryKind::Vote {
            votes_for: 3,
            against: 1,
            abstain: 0
        }
    ));
    r.keys("A2").keys("5");
    assert!(
        matches!(&r.app.meeting().items[0].entries[1].kind, EntryKind::Inhabil { name } if name == "Rie")
    );
    r.keys("A4").keys("4");
    assert!(!r.app.meeting().people[3].present);
    r.keys("A5").keys("Ole").key(KeyCode::Enter);
    let ole = r
        .app
        .meeting()
        .people
        .iter()
        .find(|p| p.name == "Ole")
        .unwrap();
    assert!(ole.present && ole.movements.len() == 1);
}

#[test]
fn replan_menu_records_the_choice() {
    let mut r = Rig::new();
    r.keys(" ").wait(900).keys("R3").keys("2");
    assert_eq!(r.app.meeting().items[2].status, Status::Deferred);
    r.keys("R2");
    let events = r.journal_events();
    assert!(events.contains(&Event::Replan {
        plan: Replan::Defer { item: 2 }
    }));
    assert!(events.contains(&Event::Replan {
        plan: Replan::PushBack
    }));
}

#[test]
fn quit_asks_and_ends_the_meeting() {
    let mut r = Rig::new();
    r.keys(" q").keys("n");
    assert!(!r.app.quit);
    r.keys("q").keys("y");
    assert!(r.app.quit);
    assert_eq!(r.app.meeting().phase, Phase::Ended);
    assert_eq!(r.journal_events().last(), Some(&Event::MeetingEnded));
}

#[test]
fn v_toggles_projector_and_keys_keep_working() {
    let mut r = Rig::new();
    r.keys("v");
    assert_eq!(r.app.view, View::Projector);
    r.keys(" n");
    assert_eq!(r.app.meeting().current, Some(1));
    let screen = r.screen(120, 40);
    assert!(screen.contains("Eigil orienterer"), "{screen}");
    assert!(
        !screen.contains("Dagsorden"),
        "the projector shows no minute-taker panes:\n{screen}"
    );
    r.keys("v");
    assert_eq!(r.app.view, View::Live);
}

fn busy_meeting() -> Rig {
    let mut r = Rig::new();
    r.keys(" ").wait(8 * 60 + 10).keys("n").wait(30);
    r.keys("d")
        .keys("Eigil orienterede om netværk for inkluderende fællesskaber")
        .key(KeyCode::Enter);
    r.keys("a").keys("Indkald til møde om dialogaftaler");
    r.key(KeyCode::Tab)
        .keys("Eigil")
        .key(KeyCode::Tab)
        .keys("2022-03-21")
        .key(KeyCode::Enter);
    r.keys("r5").key(KeyCode::Enter);
    r.wait(11 * 60);
    r
}

#[test]
fn snapshot_80x24_overrun() {
    let r = busy_meeting();
    insta::assert_snapshot!(r.screen(80, 24));
}

#[test]
fn snapshot_160x48() {
    let r = busy_meeting();
    insta::assert_snapshot!(r.screen(160, 48));
}

#[test]
fn snapshot_before_start_and_help() {
    let mut r = Rig::new();
    insta::assert_snapshot!("before_start", r.screen(80, 24));
    r.keys("?");
    insta::assert_snapshot!("help", r.screen(80, 30));
}

/// Found with the editor's and the speaker list's keys: at 80x24 the help had more rows than
/// lines and cut the last ones (`q` among them). Now it takes columns: every key shows.
#[test]
fn help_shows_every_key_at_80x24() {
    let mut r = Rig::new();
    r.keys("?");
    let screen = r.screen(80, 24);
    for b in referent::ui::keymap::listed() {
        let start: String = b
            .describe(referent::i18n::Lang::Da)
            .chars()
            .take(6)
            .collect();
        assert!(screen.contains(&start), "{} {start}: {screen}", b.key);
    }
    insta::assert_snapshot!("help_80x24", screen);
}

#[test]
fn any_size_renders_without_panic() {
    let mut r = busy_meeting();
    // Too small for the layout: the remaining time alone (an overrun too wide for big digits).
    let small = r.screen(20, 5);
    assert!(
        small.contains("+01:30") && !small.contains("Punkt"),
        "{small}"
    );
    r.keys("a");
    for w in [1u16, 5, 20, 39, 40, 41, 80, 200] {
        for h in [1u16, 3, 5, 9, 10, 24, 60] {
            r.screen(w, h);
        }
    }
}

#[test]
fn earlier_open_actions_are_shown_at_the_review_item_and_followed_up_with_f() {
    use referent::session::event::FollowUp;
    use referent::ui::app::PastAction;
    let mut r = Rig::new();
    r.app.past_actions = vec![
        PastAction {
            session: "2022-02-28-centerledermoede".into(),
            entry: 9,
            label: "28-02-2022, 3. Kvalitetshåndbog: Beskrive udviklingsområde — Marie".into(),
        },
        PastAction {
            session: "2022-02-28-centerledermoede".into(),
            entry: 12,
            label: "28-02-2022, 5. Lederforum: Kortlægge kapacitet — Rie".into(),
        },
    ];
    r.keys(" ");
    // "Referat og referent" is the item that reviews the previous minutes.
    let screen = r.screen(100, 30);
    assert!(
        screen.contains("• 28-02-2022, 3. Kvalitetshåndbog"),
        "{screen}"
    );
    r.keys("F1").keys("1");
    r.keys("F2").keys("2").keys("+14d").key(KeyCode::Enter);
    let follow_ups: Vec<_> = r
        .journal_events()
        .into_iter()
        .filter_map(|e| match e {
            Event::ActionFollowUp { entry, status, .. } => Some((entry, status)),
            _ => None,
        })
        .collect();
    assert_eq!(follow_ups.len(), 2);
    assert_eq!(follow_ups[0], (9, FollowUp::Done));
    // The event names the action, so this meeting's minutes can say what was followed up.
    assert!(r.journal_events().iter().any(|e| matches!(
        e,
        Event::ActionFollowUp { entry: 9, action: Some(a), .. } if a.contains("Beskrive udviklingsområde")
    )));
    assert!(matches!(follow_ups[1], (12, FollowUp::Moved { .. })));
    let screen = r.screen(100, 30);
    assert!(
        screen.contains("✓ 28-02-2022, 3. Kvalitetshåndbog"),
        "{screen}"
    );
    assert!(screen.contains("» 28-02-2022, 5. Lederforum"), "{screen}");
}

#[test]
fn f_without_earlier_meetings_says_so() {
    let mut r = Rig::new();
    r.keys(" F");
    assert!(
        r.app
            .status
            .as_deref()
            .unwrap()
            .contains("Ingen åbne handlinger")
    );
}

/// Bug 3: `r` on a multi-clause recommendation stamped one outcome on all clauses. It now asks
/// for all clauses or one, and the journal says which.
#[test]
fn outcome_for_one_clause_of_several() {
    let mut r = Rig::new();
    r.keys(" ");
    // Item 1 has one clause: straight to the outcomes.
    r.keys("r");
    assert!(matches!(&r.app.mode, Mode::Menu(m) if m.options.len() == 5));
    r.key(KeyCode::Esc);
    r.keys("n");
    // Item 2, given two clauses for this test, asks first.
    let mut a = agenda();
    a.items[1].recommendation.push("at der afsættes tid".into());
    let dir = tempfile::tempdir().unwrap();
    let rec = Recorder::create(dir.path(), a, r.clock.now()).unwrap();
    r.app = App::new(rec, Lang::Da);
    r.keys(" n").keys("r");
    assert!(matches!(&r.app.mode, Mode::Menu(m) if m.options.len() == 3));
    r.keys("3").keys("3").key(KeyCode::Enter);
    let events = r
        .app
        .rec
        .records()
        .iter()
        .map(|r| r.event.clone())
        .collect::<Vec<_>>();
    assert!(
        events.iter().any(|e| matches!(
            e,
            Event::Outcome {
                item: 1,
                clause: Some(1),
                outcome: Outcome::Rejected,
                ..
            }
        )),
        "{events:?}"
    );
}

/// Bug 6: `A` before the clock started said to press Space.
#[test]
fn attendance_before_the_start() {
    let mut r = Rig::new();
    r.keys("A");
    assert!(matches!(&r.app.mode, Mode::Menu(_)), "{:?}", r.app.status);
    r.keys("2").keys("2");
    assert_eq!(r.app.meeting().phase, Phase::NotStarted);
    assert!(!r.app.meeting().people[1].present);
}

/// Bug 8: a paste without bracketed-paste markers saved line 1 and ran line 2 as commands.
/// Keys queued behind the Enter that closed the field are held until the user says.
#[test]
fn keys_queued_behind_a_closing_enter_are_held() {
    let mut r = Rig::new();
    r.keys(" c");
    let now = r.clock.now();
    let typed = |c| KeyEvent::new(c, KeyModifiers::NONE);
    for c in "første linje".chars() {
        r.app
            .on_typed_key(typed(KeyCode::Char(c)), true, now)
            .unwrap();
    }
    r.app
        .on_typed_key(typed(KeyCode::Enter), true, now)
        .unwrap();
    for c in "A2".chars() {
        r.app
            .on_typed_key(typed(KeyCode::Char(c)), true, now)
            .unwrap();
    }
    assert!(matches!(&r.app.mode, Mode::Confirm(Confirm::Held(keys)) if keys.len() == 2));
    let people = r.app.meeting().people.clone();
    r.keys("n");
    assert_eq!(r.app.mode, Mode::Normal);
    assert_eq!(r.app.meeting().people, people, "the held keys did nothing");
    assert!(matches!(
        &r.app.meeting().items[0].entries[0].kind,
        EntryKind::Note { text } if text == "første linje"
    ));
    // Typed one by one, the same keys are commands.
    r.keys("A");
    assert!(matches!(&r.app.mode, Mode::Menu(_)));
}

/// The agenda with a coffee break after Punkt 2 and a list item long enough to wrap.
fn agenda_with_break() -> Agenda {
    let mut a = agenda();
    a.items[1].body =
        "Eigil orienterer om:\n\n- Netværket for inkluderende fællesskaber, som mødes \
        hver anden måned på skift mellem centrene\n- Dialogaftalerne"
            .into();
    a.items[2].start = hm(14, 0);
    a.items[2].end = hm(14, 20);
    a.items[3].start = hm(14, 20);
    a.items[3].end = hm(14, 30);
    a.breaks = vec![Break {
        title: "Kaffepause".into(),
        start: hm(13, 50),
        end: hm(14, 0),
        minutes: Some(10),
        after: 2,
    }];
    a
}

/// Punkt 2 over its time with a decision, an action with an owner and one without, an outcome.
fn busy_meeting_in(lang: Lang) -> Rig {
    let mut r = Rig::with(agenda_with_break(), lang);
    r.keys(" ").wait(8 * 60 + 10).keys("n").wait(30);
    r.keys("d")
        .keys("Eigil orienterede om netværk for inkluderende fællesskaber og om hvordan centrene deler erfaringer")
        .key(KeyCode::Enter);
    r.keys("a").keys("Indkald til møde om dialogaftaler");
    r.key(KeyCode::Tab)
        .keys("Eigil")
        .key(KeyCode::Tab)
        .keys("2022-03-21")
        .key(KeyCode::Enter);
    r.keys("a").keys("Book lokale").key(KeyCode::Enter);
    r.keys("r5").key(KeyCode::Enter);
    r.wait(11 * 60);
    r
}

#[test]
fn every_size_in_every_language() {
    for &lang in LANGS {
        let r = busy_meeting_in(lang);
        for &size in SIZES {
            insta::assert_snapshot!(name("live", lang, size), r.screen(size.0, size.1));
        }
    }
}

/// At 20x5 the remaining time alone, in big digits; at 40x12 the timer line keeps it.
#[test]
fn a_tiny_screen_shows_the_remaining_time_alone() {
    for &lang in LANGS {
        let mut r = Rig::with(agenda_with_break(), lang);
        r.keys(" ").wait(3 * 60 + 15);
        let tiny = r.screen(20, 5);
        assert!(tiny.contains('█'), "{tiny}");
        insta::assert_snapshot!(name("live_remaining", lang, (20, 5)), tiny);
        let small = r.screen(40, 12);
        let timer = small.lines().nth(1).unwrap();
        assert!(timer.ends_with(" 06:45"), "{lang:?}: {timer}");
    }
}
