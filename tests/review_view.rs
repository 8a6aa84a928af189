//! The review screens: key handling (filter, sort, open, search, statistics) and snapshots of
//! every screen at 80x24 and 120x40. Sessions are folded in memory from fixed records: no disk,
//! no real time of day.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use referent::agenda::Agenda;
use referent::archive::{Archive, Session};
use referent::i18n::Lang;
use referent::session::event::FollowUp;
use referent::session::{Event, Meeting, Outcome, Record};
use referent::ui::review::{ReviewView, Screen};

use common::fixtures::series_agenda as agenda;
use common::screens::{LANGS, SIZES, name};

/// Records from (minutes after 13:30, event), numbered from 1.
fn records(day: &str, events: Vec<(i64, Event)>) -> Vec<Record> {
    let start = DateTime::parse_from_rfc3339(&format!("{day}T13:30:00+01:00")).unwrap();
    events
        .into_iter()
        .enumerate()
        .map(|(i, (min, event))| Record {
            seq: i as u64 + 1,
            at: start + Duration::minutes(min),
            group: 0,
            event,
        })
        .collect()
}

fn session(folder: &str, agenda: Agenda, records: &[Record]) -> Session {
    Session::new(
        &Path::new("/sessions").join(folder),
        Meeting::replay(agenda, records),
    )
}

fn archive() -> Archive {
    let items = [
        ("Referat", 10),
        ("Budget 2023", 15),
        ("Kvalitetshåndbog", 20),
        ("Eventuelt", 10),
    ];
    let m1 = session(
        "2022-03-14-centerledermoede",
        agenda("Centerledermøde d. 14-03-2022", "2022-03-14", &items),
        &records(
            "2022-03-14",
            vec![
                (0, Event::MeetingStarted),
                (12, Event::ItemStarted { item: 1 }),
                (
                    20,
                    Event::Decision {
                        item: 1,
                        text: "Budgetrammen fastholdes.".into(),
                    },
                ),
                (
                    21,
                    Event::ActionAdded {
                        item: 1,
                        what: "Udarbejde budgetoplæg".into(),
                        who: "Helle".into(),
                        due: NaiveDate::from_ymd_opt(2022, 3, 21),
                    },
                ),
                (34, Event::ItemStarted { item: 2 }),
                (
                    40,
                    Event::Outcome {
                        item: 2,
                        clause: None,
                        outcome: Outcome::Approved,
                        text: "Indstillingen blev godkendt.".into(),
                    },
                ),
                (50, Event::ItemStarted { item: 3 }),
                (
                    52,
                    Event::Note {
                        item: 3,
                        text: "Til næste møde: trivselsmåling".into(),
                    },
                ),
                (58, Event::MeetingEnded),
            ],
        ),
    );
    let m2 = session(
        "2022-03-28-centerledermoede",
        agenda("Centerledermøde d. 28-03-2022", "2022-03-28", &items),
        &records(
            "2022-03-28",
            vec![
                (0, Event::MeetingStarted),
                (
                    1,
                    Event::ActionFollowUp {
                        session: "2022-03-14-centerledermoede".into(),
                        entry: 4,
                        status: FollowUp::Done,
                        action: None,
                    },
                ),
                (9, Event::ItemStarted { item: 1 }),
                (30, Event::ItemStarted { item: 2 }),
                (31, Event::ItemSkipped { item: 2 }),
                (
                    33,
                    Event::ActionAdded {
                        item: 3,
                        what: "Booke lokale til trivselsdag".into(),
                        who: "Rie".into(),
                        due: NaiveDate::from_ymd_opt(2022, 4, 4),
                    },
                ),
                (40, Event::MeetingEnded),
            ],
        ),
    );
    let other = session(
        "2022-03-20-styregruppe",
        agenda(
            "Styregruppe for frivillighed",
            "2022-03-20",
            &[("Spilleregler", 30)],
        ),
        &records(
            "2022-03-20",
            vec![(0, Event::MeetingStarted), (45, Event::MeetingEnded)],
        ),
    );
    Archive::from_sessions(vec![m2, other, m1], vec![])
}

fn view() -> ReviewView {
    ReviewView::new(archive(), Path::new("/sessions"), None, Lang::Da)
}

fn press(v: &mut ReviewView, code: KeyCode) {
    v.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(v: &mut ReviewView, text: &str) {
    for c in text.chars() {
        press(v, KeyCode::Char(c));
    }
}

fn draw(v: &ReviewView, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(v, f.area())).unwrap();
    t
}

fn screen(v: &ReviewView, w: u16, h: u16) -> String {
    let t = draw(v, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            let line: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn titles(v: &ReviewView) -> Vec<&str> {
    v.rows.iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn list_is_newest_first_and_filters_as_you_type() {
    let mut v = view();
    assert_eq!(
        titles(&v),
        [
            "Centerledermøde d. 28-03-2022",
            "Styregruppe for frivillighed",
            "Centerledermøde d. 14-03-2022"
        ]
    );
    type_text(&mut v, "Center");
    assert_eq!(v.rows.len(), 2);
    // Once a filter is being typed, s and q are letters, not commands.
    type_text(&mut v, " 14");
    assert_eq!(titles(&v), ["Centerledermøde d. 14-03-2022"]);
    type_text(&mut v, "q");
    assert!(!v.quit);
    assert!(v.rows.is_empty());
    press(&mut v, KeyCode::Backspace);
    assert_eq!(v.rows.len(), 1);
    press(&mut v, KeyCode::Esc);
    assert_eq!((v.filter.as_str(), v.rows.len()), ("", 3));
    // A capital S filters (the filter ignores case); a small s would open the statistics.
    type_text(&mut v, "Styre");
    assert_eq!(titles(&v), ["Styregruppe for frivillighed"]);
}

#[test]
fn tab_cycles_the_sort_and_keeps_the_selection() {
    let mut v = view();
    press(&mut v, KeyCode::Down);
    let chosen = v.rows[v.selected].name.clone();
    press(&mut v, KeyCode::Tab);
    assert_eq!(titles(&v)[0], "Centerledermøde d. 14-03-2022", "by title");
    assert_eq!(v.rows[v.selected].name, chosen);
    press(&mut v, KeyCode::Tab);
    // Overrun: the Styregruppe (45 of 30 min) leads, then the first meeting (58 of 55).
    assert_eq!(v.rows[0].name, "2022-03-20-styregruppe");
    assert_eq!(v.rows[1].name, "2022-03-14-centerledermoede");
    for _ in 0..3 {
        press(&mut v, KeyCode::Tab);
    }
    assert_eq!(
        v.rows[0].name, "2022-03-28-centerledermoede",
        "back to date"
    );
}

#[test]
fn enter_opens_the_minutes_and_n_p_go_item_by_item() {
    let mut v = view();
    press(&mut v, KeyCode::End);
    press(&mut v, KeyCode::Enter);
    assert_eq!(v.screen, Screen::Session);
    let o = v.opened.as_ref().unwrap();
    assert!(
        o.paras[0]
            .text()
            .starts_with("Referat: Centerledermøde d. 14-03-2022")
    );
    assert_eq!(o.bars.len(), 4);
    assert_eq!((o.bars[1].planned, o.bars[1].actual), (Some(15), 22));
    press(&mut v, KeyCode::Char('n'));
    press(&mut v, KeyCode::Char('n'));
    let o = v.opened.as_ref().unwrap();
    assert!(
        o.paras[o.scroll].text().starts_with("Punkt 2: Budget 2023"),
        "{}",
        o.paras[o.scroll].text()
    );
    press(&mut v, KeyCode::Char('p'));
    let o = v.opened.as_ref().unwrap();
    assert!(o.paras[o.scroll].text().starts_with("Punkt 1: Referat"));
    press(&mut v, KeyCode::Esc);
    assert_eq!(v.screen, Screen::List);
    press(&mut v, KeyCode::Char('q'));
    assert!(v.quit);
}

#[test]
fn search_lists_hits_and_opens_at_the_line() {
    let mut v = view();
    press(&mut v, KeyCode::Char('/'));
    assert_eq!(v.screen, Screen::Search);
    type_text(&mut v, "trivsel");
    press(&mut v, KeyCode::Enter);
    assert_eq!(v.hits.len(), 2, "{:?}", v.hits);
    press(&mut v, KeyCode::Enter);
    assert_eq!(v.screen, Screen::Session);
    let o = v.opened.as_ref().unwrap();
    assert!(
        o.paras[o.scroll]
            .text()
            .contains("Til næste møde: trivselsmåling"),
        "{}",
        o.paras[o.scroll].text()
    );
    press(&mut v, KeyCode::Esc);
    assert_eq!(v.screen, Screen::Search, "back to the results");
    press(&mut v, KeyCode::Esc);
    assert_eq!(v.screen, Screen::List);
}

#[test]
fn statistics_of_the_selected_series() {
    let mut v = view();
    press(&mut v, KeyCode::Char('s'));
    assert_eq!(v.screen, Screen::Stats);
    let st = v.stats.as_ref().unwrap();
    assert_eq!((st.series.as_str(), st.meetings), ("Centerledermøde", 2));
    press(&mut v, KeyCode::Esc);
    assert_eq!(v.screen, Screen::List);

    let mut v = ReviewView::new(
        archive(),
        Path::new("/sessions"),
        Some("styregruppe".into()),
        Lang::Da,
    );
    assert_eq!(v.rows.len(), 1);
    press(&mut v, KeyCode::Char('s'));
    assert_eq!(v.stats.as_ref().unwrap().meetings, 1);
}

#[test]
fn overrun_is_marked_by_colour_and_sign() {
    let mut v = view();
    press(&mut v, KeyCode::End);
    press(&mut v, KeyCode::Enter);
    let text = screen(&v, 80, 24);
    let row = text
        .lines()
        .find(|l| l.starts_with("2. Budget 2023"))
        .unwrap();
    assert!(row.contains('▓') && row.ends_with("22/15 +7"), "{row}");
    let t = draw(&v, 80, 24);
    let buf = t.backend().buffer();
    let y = text
        .lines()
        .position(|l| l.starts_with("2. Budget 2023"))
        .unwrap() as u16;
    let x = (0..80).find(|&x| buf[(x, y)].symbol() == "▓").unwrap();
    // The theme's overrun colour (none under NO_COLOR, where the sign alone carries it).
    let expected = referent::ui::style::overrun().fg.unwrap_or(Color::Reset);
    assert_eq!(buf[(x, y)].fg, expected);
}

#[test]
fn list_80x24() {
    insta::assert_snapshot!(screen(&view(), 80, 24));
}

#[test]
fn list_filtered_sorted_120x40() {
    let mut v = view();
    type_text(&mut v, "Center");
    press(&mut v, KeyCode::Tab);
    press(&mut v, KeyCode::Tab);
    insta::assert_snapshot!(screen(&v, 120, 40));
}

#[test]
fn session_80x24() {
    let mut v = view();
    press(&mut v, KeyCode::End);
    press(&mut v, KeyCode::Enter);
    insta::assert_snapshot!(screen(&v, 80, 24));
}

#[test]
fn session_120x40() {
    let mut v = view();
    press(&mut v, KeyCode::Enter);
    insta::assert_snapshot!(screen(&v, 120, 40));
}

#[test]
fn search_80x24() {
    let mut v = view();
    press(&mut v, KeyCode::Char('/'));
    type_text(&mut v, "budget");
    press(&mut v, KeyCode::Enter);
    insta::assert_snapshot!(screen(&v, 80, 24));
}

#[test]
fn stats_120x40() {
    let mut v = view();
    press(&mut v, KeyCode::Char('s'));
    insta::assert_snapshot!(screen(&v, 120, 40));
}

#[test]
fn empty_and_tiny() {
    let v = ReviewView::new(Archive::default(), Path::new("/sessions"), None, Lang::En);
    let text = screen(&v, 80, 24);
    assert!(text.contains("No meetings found in /sessions"), "{text}");
    for (w, h) in [(20, 5), (10, 3), (1, 1)] {
        let _ = screen(&view(), w, h);
    }
    let mut v = view();
    press(&mut v, KeyCode::Enter);
    for (w, h) in [(20, 5), (30, 8), (10, 3)] {
        let _ = screen(&v, w, h);
    }
}

/// A meeting's referat, formatted, in every language at every size.
#[test]
fn session_in_every_language_at_every_size() {
    for &lang in LANGS {
        let mut v = ReviewView::new(archive(), Path::new("/sessions"), None, lang);
        press(&mut v, KeyCode::Enter);
        for &size in SIZES {
            insta::assert_snapshot!(name("review", lang, size), screen(&v, size.0, size.1));
        }
    }
}
