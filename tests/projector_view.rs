//! Snapshots of the projector view at fixed sizes and fake-clock times, and checks that it never
//! panics, never lets control characters through, and never signals by colour alone.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use chrono::{Duration, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use referent::agenda::{Agenda, Break, Item};

use common::screens::{LANGS, SIZES, name};
use referent::i18n::Lang;
use referent::session::event::{Event, Record, Replan};
use referent::session::state::Meeting;
use referent::session::{Clock, FakeClock, Time};
use referent::ui::projector::{ProjectorView, Reading, SpeakerReading, next_change, time_key};
use referent::ui::theme::{Theme, TimerState};

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The seed meeting's eight items, with Punkt 5 moved to start when Punkt 4 ends.
fn agenda() -> Agenda {
    let items = [
        ("1", "Referat og referent", (13, 30), (13, 40)),
        ("2", "Eigil orienterer", (13, 40), (13, 50)),
        ("3", "Kvalitetshåndbog", (13, 50), (14, 10)),
        ("4", "Budget 2023", (14, 10), (14, 25)),
        ("5", "Handlinger efter Lederforum", (14, 25), (14, 40)),
        (
            "6",
            "Nemøkonomi - opfølgning på 2021 - videre i 2022",
            (14, 40),
            (14, 55),
        ),
        ("7", "Samarbejde med de frivillige", (14, 55), (15, 10)),
        ("8", "Eventuelt", (15, 10), (15, 15)),
    ];
    Agenda {
        title: "Centerledermøde d. 14-03-2022".into(),
        start: hm(13, 30),
        place: Some("Hos Eigil".into()),
        items: items
            .iter()
            .map(|(n, t, s, e)| Item {
                number: n.to_string(),
                title: t.to_string(),
                start: hm(s.0, s.1),
                end: hm(e.0, e.1),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Records written as the live app would, against a fake clock.
struct Script {
    clock: FakeClock,
    records: Vec<Record>,
    agenda: Agenda,
}

impl Script {
    fn at(t: &str) -> Self {
        Script {
            clock: FakeClock::at(&format!("2022-03-14T{t}+01:00")),
            records: vec![],
            agenda: agenda(),
        }
    }
    fn ev(mut self, event: Event) -> Self {
        let seq = self.records.len() as u64 + 1;
        self.records.push(Record {
            seq,
            at: self.clock.now(),
            group: 0,
            event,
        });
        self
    }
    fn wait(self, mins: i64, secs: i64) -> Self {
        self.clock
            .advance(Duration::minutes(mins) + Duration::seconds(secs));
        self
    }
    fn now(&self) -> Time {
        self.clock.now()
    }
    fn meeting(&self) -> Meeting {
        Meeting::replay(self.agenda.clone(), &self.records)
    }
}

fn render_with(s: &Script, w: u16, h: u16, theme: &Theme, full: bool, lang: Lang) -> Buffer {
    let meeting = s.meeting();
    let view = ProjectorView {
        meeting: &meeting,
        now: s.now(),
        theme,
        full,
        lang,
        notice: None,
    };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(&view, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(s: &Script, w: u16, h: u16) -> String {
    text(&render_with(s, w, h, &Theme::dark(), false, Lang::Da))
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            format!("{line:?}\n")
        })
        .collect()
}

/// 13:32 start (two minutes late), Punkt 2 opened at 13:45, now 13:48:17.
fn running() -> Script {
    Script::at("13:32:00")
        .ev(Event::MeetingStarted)
        .wait(13, 0)
        .ev(Event::ItemStarted { item: 1 })
        .wait(3, 17)
}

/// Punkt 3 (20 minutes) running for 23:05.
fn overrun() -> Script {
    Script::at("13:30:00")
        .ev(Event::MeetingStarted)
        .wait(10, 0)
        .ev(Event::ItemStarted { item: 1 })
        .wait(10, 0)
        .ev(Event::ItemStarted { item: 2 })
        .wait(23, 5)
}

fn paused() -> Script {
    running().ev(Event::Paused).wait(7, 42)
}

/// Started 13:33, Punkt 5 skipped, Punkt 7 deferred, a 20-minute break, ended 15:20.
fn finished() -> Script {
    Script::at("13:33:00")
        .ev(Event::MeetingStarted)
        .wait(9, 0)
        .ev(Event::ItemStarted { item: 1 })
        .wait(12, 0)
        .ev(Event::ItemStarted { item: 2 })
        .wait(25, 0)
        .ev(Event::Paused)
        .wait(20, 0)
        .ev(Event::Resumed)
        .ev(Event::ItemStarted { item: 3 })
        .wait(18, 0)
        .ev(Event::ItemStarted { item: 4 })
        .ev(Event::ItemSkipped { item: 4 })
        .wait(17, 0)
        .ev(Event::Replan {
            plan: Replan::Defer { item: 6 },
        })
        .ev(Event::ItemStarted { item: 7 })
        .wait(6, 0)
        .ev(Event::MeetingEnded)
        .wait(30, 0)
}

/// Punkt 2 running; `run --speaking-time 3`; Helle Jensen has had the floor for 2:10, three wait.
fn speaking() -> Script {
    running()
        .ev(Event::SpeakingLimitSet {
            item: None,
            seconds: Some(180),
        })
        .ev(speaker("Helle Jensen", false))
        .ev(speaker("Ole Bak", false))
        .ev(speaker("Borgmester Ærø", true))
        .ev(speaker("Kari Nord", false))
        .ev(Event::FloorGiven { item: 1 })
        .wait(2, 10)
}

fn speaker(name: &str, guest: bool) -> Event {
    Event::SpeakerAdded {
        item: 1,
        name: name.into(),
        guest,
    }
}

fn before_start() -> Script {
    Script::at("13:21:40")
}

#[test]
fn running_80x24() {
    insta::assert_snapshot!(screen(&running(), 80, 24));
}

#[test]
fn running_120x40() {
    insta::assert_snapshot!(screen(&running(), 120, 40));
}

#[test]
fn running_200x60() {
    insta::assert_snapshot!(screen(&running(), 200, 60));
}

#[test]
fn running_full_layout_120x40() {
    let buf = render_with(&running(), 120, 40, &Theme::dark(), true, Lang::Da);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn overrun_80x24() {
    insta::assert_snapshot!(screen(&overrun(), 80, 24));
}

#[test]
fn overrun_in_english_120x40() {
    let buf = render_with(&overrun(), 120, 40, &Theme::dark(), false, Lang::En);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn paused_80x24() {
    insta::assert_snapshot!(screen(&paused(), 80, 24));
}

#[test]
fn paused_200x60() {
    insta::assert_snapshot!(screen(&paused(), 200, 60));
}

#[test]
fn finished_80x24() {
    insta::assert_snapshot!(screen(&finished(), 80, 24));
}

#[test]
fn before_start_80x24() {
    insta::assert_snapshot!(screen(&before_start(), 80, 24));
}

#[test]
fn replanned_80x24() {
    // Ten minutes late at Punkt 1; the chair compresses the rest to end at 15:15.
    let s = Script::at("13:40:00")
        .ev(Event::MeetingStarted)
        .wait(5, 0)
        .ev(Event::Replan {
            plan: Replan::Compress,
        })
        .wait(0, 30);
    insta::assert_snapshot!(screen(&s, 80, 24));
}

#[test]
fn deferred_item_in_full_layout_120x40() {
    let s = running().ev(Event::Replan {
        plan: Replan::Defer { item: 4 },
    });
    let buf = render_with(&s, 120, 40, &Theme::dark(), true, Lang::Nb);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn very_small_20x5_and_10x3() {
    let small = format!(
        "{}\n{}\n{}\n{}",
        screen(&overrun(), 20, 5),
        screen(&overrun(), 10, 3),
        screen(&running(), 20, 5),
        screen(&paused(), 10, 3)
    );
    insta::assert_snapshot!(small);
}

#[test]
fn notice_line_is_shown() {
    let s = running();
    let meeting = s.meeting();
    let theme = Theme::dark();
    let view = ProjectorView {
        meeting: &meeting,
        now: s.now(),
        theme: &theme,
        full: false,
        lang: Lang::Da,
        notice: Some("Journalen er slettet\u{1b}[2J: viser sidste kendte tilstand"),
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&view, f.area())).unwrap();
    let shown = text(terminal.backend().buffer());
    assert!(shown.contains("Journalen er slettet: viser sidste kendte tilstand"));
    assert!(!shown.contains('\u{1b}'));
}

#[test]
fn every_size_down_to_1x1_renders_without_panic() {
    let scripts = [before_start(), running(), overrun(), paused(), finished()];
    for s in &scripts {
        for w in 1..=70 {
            for h in 1..=26 {
                for full in [false, true] {
                    render_with(s, w, h, &Theme::plain(), full, Lang::En);
                }
            }
        }
    }
}

#[test]
fn hostile_agenda_text_cannot_reach_the_terminal() {
    let mut s = running();
    s.agenda.title = "Møde\u{1b}]0;pwned\u{7} 日本語\u{202e}".into();
    s.agenda.items[1].title = "Eigil\u{1b}[31m orienterer\u{0}\u{9b}".into();
    for full in [false, true] {
        let buf = render_with(&s, 100, 30, &Theme::dark(), full, Lang::Da);
        let shown = text(&buf);
        assert!(
            shown
                .chars()
                .all(|c| c == '\n' || !c.is_control() && c != '\u{202e}'),
            "{shown}"
        );
        assert!(shown.contains("Eigil orienterer"), "{shown}");
    }
}

#[test]
fn speaker_80x24() {
    insta::assert_snapshot!(screen(&speaking(), 80, 24));
}

#[test]
fn speaker_200x60() {
    insta::assert_snapshot!(screen(&speaking(), 200, 60));
}

#[test]
fn a_speaker_over_the_limit_is_told_by_sign_and_word() {
    let s = speaking().wait(1, 5);
    let shown = text(&render_with(&s, 80, 24, &Theme::plain(), false, Lang::Da));
    assert!(shown.contains("Taler: Helle Jensen"), "{shown}");
    assert!(shown.contains("OVERSKREDET · taletid 3 min"), "{shown}");
    let r = SpeakerReading::of(&s.meeting(), s.now()).unwrap();
    assert_eq!((r.text.as_str(), r.state), ("+00:15", TimerState::Overrun));
    // The next two names, and how many more wait.
    assert!(
        shown.contains("Derefter: Ole Bak, Borgmester Ærø (+1)"),
        "{shown}"
    );
}

#[test]
fn the_speakers_second_turns_at_its_own_moment() {
    // The floor is given 400 ms into a second: the speaker's clock ticks on its own beat.
    let s = Script::at("13:30:00").ev(Event::MeetingStarted).wait(0, 0);
    s.clock.advance(Duration::milliseconds(400));
    let s = s
        .ev(Event::SpeakerAdded {
            item: 0,
            name: "Helle".into(),
            guest: false,
        })
        .ev(Event::FloorGiven { item: 0 });
    let m = s.meeting();
    let t = s.now() + Duration::milliseconds(700);
    // The item's countdown turns in 900 ms; the speaker's second in 300 ms.
    assert_eq!(next_change(&m, t), std::time::Duration::from_millis(300));
    let before = time_key(&m, t);
    assert_eq!(time_key(&m, t + Duration::milliseconds(299)), before);
    assert_ne!(time_key(&m, t + Duration::milliseconds(300))[4], before[4]);
}

#[test]
fn overrun_is_told_by_sign_and_word_not_colour_alone() {
    let buf = render_with(&overrun(), 80, 24, &Theme::plain(), false, Lang::Da);
    let shown = text(&buf);
    assert!(shown.contains("OVERSKREDET"), "{shown}");
    // The big digits start with a plus: its middle bar is three blocks wide, alone in its glyph.
    let r = Reading::of(&overrun().meeting(), 2, overrun().now());
    assert_eq!(r.text, "+03:05");
    assert_eq!(r.state, TimerState::Overrun);
    let no_colour = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .all(|p| buf[p].fg == Color::Reset && buf[p].bg == Color::Reset);
    assert!(no_colour, "the plain theme must not colour anything");
}

#[test]
fn overrun_digits_use_the_overrun_colour() {
    let theme = Theme::dark();
    let buf = render_with(&overrun(), 80, 24, &theme, false, Lang::Da);
    let over = theme.timer(TimerState::Overrun).fg.unwrap();
    let blocks = buf.content().iter().filter(|c| c.symbol() == "█");
    assert!(blocks.clone().count() > 50);
    assert!(blocks.clone().any(|c| c.fg == over));
    let calm = render_with(&running(), 80, 24, &theme, false, Lang::Da);
    let calm_fg = theme.timer(TimerState::Calm).fg.unwrap();
    assert!(
        calm.content()
            .iter()
            .any(|c| c.symbol() == "█" && c.fg == calm_fg)
    );
}

#[test]
fn readings_round_the_countdown_up_and_the_overrun_down() {
    let s = Script::at("13:30:00").ev(Event::MeetingStarted);
    let m = s.meeting();
    let at = |ms: i64| s.now() + Duration::milliseconds(ms);
    assert_eq!(Reading::of(&m, 0, at(0)).text, "10:00");
    assert_eq!(Reading::of(&m, 0, at(1)).text, "10:00");
    assert_eq!(Reading::of(&m, 0, at(1000)).text, "09:59");
    assert_eq!(Reading::of(&m, 0, at(599_500)).text, "00:01");
    assert_eq!(Reading::of(&m, 0, at(600_000)).text, "00:00");
    assert_eq!(Reading::of(&m, 0, at(600_000)).state, TimerState::Warning);
    assert_eq!(Reading::of(&m, 0, at(600_400)).text, "+00:00");
    assert_eq!(Reading::of(&m, 0, at(601_000)).text, "+00:01");
    assert_eq!(Reading::of(&m, 0, at(4_200_000)).text, "+1:00:00");
}

#[test]
fn the_next_change_is_when_the_shown_second_turns() {
    let s = Script::at("13:30:00").ev(Event::MeetingStarted);
    let m = s.meeting();
    let t0 = s.now() + Duration::milliseconds(250);
    let wait = next_change(&m, t0);
    // 9:59.75 left shows as 10:00 until 9:59 is reached, 750 ms later.
    assert_eq!(wait, std::time::Duration::from_millis(750));
    let before = time_key(&m, t0);
    let just_before = t0 + Duration::milliseconds(749);
    assert_eq!(time_key(&m, just_before), before);
    let after = t0 + Duration::milliseconds(750);
    assert_ne!(time_key(&m, after)[0], before[0]);

    // Paused: the break's seconds count up from the pause.
    let s = s.wait(1, 0).ev(Event::Paused);
    let m = s.meeting();
    let t = s.now() + Duration::milliseconds(300);
    assert_eq!(next_change(&m, t), std::time::Duration::from_millis(700));

    // Ended: only the clock's minute moves.
    let s = s.ev(Event::MeetingEnded);
    let m = s.meeting();
    let t = s.now() + Duration::seconds(15);
    assert_eq!(next_change(&m, t), std::time::Duration::from_secs(45));
}

/// The running meeting with a lunch break after Punkt 4, in the fuller layout (the agenda list
/// beside the timer where it fits), in every language at every size.
#[test]
fn every_size_in_every_language() {
    let mut s = running();
    s.agenda.breaks = vec![Break {
        title: "Frokost".into(),
        start: hm(14, 25),
        end: hm(14, 55),
        minutes: Some(30),
        after: 4,
    }];
    for &lang in LANGS {
        for &size in SIZES {
            let buf = render_with(&s, size.0, size.1, &Theme::dark(), true, lang);
            insta::assert_snapshot!(name("projector", lang, size), text(&buf));
        }
    }
}
/// Started on time, Punkt 4 reached at 13:42 instead of 14:10: well ahead of the plan.
fn ahead() -> Script {
    Script::at("13:30:00")
        .ev(Event::MeetingStarted)
        .wait(4, 0)
        .ev(Event::ItemStarted { item: 1 })
        .wait(4, 0)
        .ev(Event::ItemStarted { item: 2 })
        .wait(4, 0)
        .ev(Event::ItemStarted { item: 3 })
        .wait(1, 0)
}

/// Found trying the projector: "-38 min foran" said ahead twice. The word says the sign, in
/// every language.
#[test]
fn ahead_of_the_plan_is_said_without_a_minus() {
    for (lang, word) in [
        (Lang::Da, "min foran"),
        (Lang::Nb, "min foran"),
        (Lang::Nn, "min føre"),
        (Lang::En, "min ahead"),
    ] {
        let text = text(&render_with(&ahead(), 120, 40, &Theme::dark(), false, lang));
        assert!(text.contains(word), "{lang:?}: {text}");
        // The number before the word: "28 min foran", never "-28 min foran".
        for (at, _) in text.match_indices(word) {
            let number = text[..at].split_whitespace().last().unwrap();
            assert!(number.parse::<u32>().is_ok(), "{lang:?}: {number} {word}");
        }
    }
}

#[test]
fn running_in_nynorsk_80x24() {
    let buf = render_with(&running(), 80, 24, &Theme::dark(), false, Lang::Nn);
    insta::assert_snapshot!(text(&buf));
}
