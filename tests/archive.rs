//! Past sessions read back: listing, filter, search, series statistics, action points followed up
//! in later meetings, and the draft of the next agenda. Sessions are written through the store
//! and the journal with a fake clock, as the live app writes them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod common;

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use referent::archive::actions::{ActionFilter, all_actions, open_actions_before};
use referent::archive::summary::{self, SortKey};
use referent::archive::{
    self, ActionStatus, Archive, Field, open_actions_for, review_item, search, stats_named,
};
use referent::session::event::FollowUp;
use referent::session::journal::Journal;
use referent::session::{Clock, Event, FakeClock, Outcome, store};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A meeting being recorded: its folder, journal and clock.
struct Rec {
    dir: PathBuf,
    j: Journal,
    c: FakeClock,
}

impl Rec {
    /// A new session of `title` on `day` at 13:30, items with their planned minutes.
    fn new(root: &Path, title: &str, day: &str, items: &[(&str, u32)]) -> Rec {
        let agenda = common::fixtures::series_agenda(title, day, items);
        let (dir, j) = store::create(root, &agenda, date(day)).unwrap();
        let c = FakeClock::at(&format!("{day}T13:30:00+01:00"));
        let mut r = Rec { dir, j, c };
        r.ev(Event::Opened {
            app_version: "test".into(),
        });
        r
    }

    fn ev(&mut self, e: Event) -> u64 {
        self.j.append(self.c.now(), e).unwrap().seq
    }

    fn wait(&self, minutes: i64) {
        self.c.advance(Duration::minutes(minutes));
    }

    /// Opens item `i` (the first is opened by the start) and spends `minutes` on it.
    fn item(&mut self, i: usize, minutes: i64) {
        if i > 0 {
            self.ev(Event::ItemStarted { item: i });
        }
        self.wait(minutes);
    }

    fn name(&self) -> String {
        store::session_name(&self.dir)
    }
}

/// Three meetings of one series and one of another; plus a plain agenda file and an empty folder
/// in the sessions directory, which must be ignored. Returns the session folder names.
struct Fixture {
    root: tempfile::TempDir,
    m1: String,
    m2: String,
    m3: String,
    budget_action: u64,
}

fn fixture() -> Fixture {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("centerledermoede-2022-03-14.txt"),
        "DAGSORDEN\n",
    )
    .unwrap();
    std::fs::create_dir(root.path().join("notes")).unwrap();

    // 1: planned 10+15+20+10 = 55 min.
    let mut m1 = Rec::new(
        root.path(),
        "Centerledermøde d. 14-03-2022",
        "2022-03-14",
        &[
            ("Referat", 10),
            ("Budget 2023", 15),
            ("Kvalitetshåndbog", 20),
            ("Eventuelt", 10),
        ],
    );
    m1.ev(Event::MeetingStarted);
    m1.item(0, 12);
    m1.ev(Event::ItemStarted { item: 1 });
    m1.ev(Event::Decision {
        item: 1,
        text: "Budgetrammen for 2023 fastholdes.".into(),
    });
    let budget_action = m1.ev(Event::ActionAdded {
        item: 1,
        what: "Udarbejde budgetoplæg".into(),
        who: "Helle".into(),
        due: Some(date("2022-03-21")),
    });
    m1.wait(20);
    m1.ev(Event::Outcome {
        item: 2,
        clause: None,
        outcome: Outcome::Deferred,
        text: "Punktet blev udsat.".into(),
    });
    m1.item(2, 1);
    m1.ev(Event::ItemStarted { item: 3 });
    m1.ev(Event::Note {
        item: 3,
        text: "Til næste møde: Trivselsmåling i centeret".into(),
    });
    m1.wait(5);
    m1.ev(Event::MeetingEnded);

    // 2: the budget action is moved; a new action for Rie.
    let mut m2 = Rec::new(
        root.path(),
        "Centerledermøde d. 28-03-2022",
        "2022-03-28",
        &[
            ("Referat", 10),
            ("Budget 2023", 15),
            ("Kvalitetshåndbog", 20),
            ("Trivselsmåling i centeret", 15),
            ("Eventuelt", 10),
        ],
    );
    m2.ev(Event::MeetingStarted);
    m2.ev(Event::ActionFollowUp {
        session: m1.name(),
        entry: budget_action,
        status: FollowUp::Moved {
            due: date("2022-04-04"),
        },
        action: None,
    });
    m2.item(0, 10);
    m2.item(1, 25);
    m2.ev(Event::Outcome {
        item: 1,
        clause: None,
        outcome: Outcome::Noted,
        text: "Orienteringen blev taget til efterretning.".into(),
    });
    m2.item(2, 20);
    m2.item(3, 10);
    m2.ev(Event::ActionAdded {
        item: 3,
        what: "Tjekke lokaler til trivselsdag".into(),
        who: "Rie".into(),
        due: Some(date("2022-03-30")),
    });
    m2.item(4, 5);
    m2.ev(Event::MeetingEnded);

    // Another series in between.
    let mut s = Rec::new(
        root.path(),
        "Styregruppe for frivillighed",
        "2022-03-20",
        &[("Spilleregler", 30)],
    );
    s.ev(Event::MeetingStarted);
    s.ev(Event::ActionAdded {
        item: 0,
        what: "Sende spilleregler ud".into(),
        who: "Eigil".into(),
        due: Some(date("2022-03-25")),
    });
    s.wait(30);
    s.ev(Event::MeetingEnded);

    // 3: the budget action is done; Nemøkonomi is skipped; a point for coming meetings.
    let mut m3 = Rec::new(
        root.path(),
        "Centerledermøde d. 11-04-2022",
        "2022-04-11",
        &[
            ("Referat", 10),
            ("Budget 2023", 15),
            ("Nemøkonomi", 20),
            ("Eventuelt", 10),
        ],
    );
    m3.ev(Event::MeetingStarted);
    m3.ev(Event::ActionFollowUp {
        session: m1.name(),
        entry: budget_action,
        status: FollowUp::Done,
        action: Some("Budgetønsker — Eigil".into()),
    });
    m3.item(0, 10);
    m3.item(1, 30);
    m3.ev(Event::ActionAdded {
        item: 1,
        what: "Indkalde Maja".into(),
        who: "Eigil".into(),
        due: Some(date("2022-04-20")),
    });
    m3.ev(Event::ItemStarted { item: 2 });
    m3.ev(Event::ItemSkipped { item: 2 });
    m3.ev(Event::Note {
        item: 3,
        text: "Punkt til kommende møde: Julefrokost".into(),
    });
    m3.wait(5);
    m3.ev(Event::MeetingEnded);

    Fixture {
        m1: m1.name(),
        m2: m2.name(),
        m3: m3.name(),
        budget_action,
        root,
    }
}

#[test]
fn listing_ignores_plain_files_and_sorts_and_filters() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    assert!(archive.problems.is_empty(), "{:?}", archive.problems);
    assert_eq!(archive.sessions.len(), 4);
    let all = summary::summaries(&archive);

    let by_date = summary::listing(&all, "", SortKey::Date);
    let names: Vec<&str> = by_date.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            f.m3.as_str(),
            f.m2.as_str(),
            "2022-03-20-styregruppe-for-frivillighed",
            f.m1.as_str()
        ]
    );

    let first = all.iter().find(|s| s.name == f.m1).unwrap();
    assert_eq!(first.series, "Centerledermøde");
    assert_eq!(first.planned, Some(Duration::minutes(55)));
    assert_eq!(first.actual, Some(Duration::minutes(12 + 20 + 1 + 5)));
    assert_eq!(first.overrun(), Some(Duration::minutes(38 - 55)));
    assert_eq!(first.decisions, 2, "a decision and an outcome");
    assert_eq!((first.actions, first.open_actions), (1, 0));
    assert!(first.finished);

    let centre = summary::listing(&all, "center", SortKey::Title);
    assert_eq!(centre.len(), 3);
    let march = summary::listing(&all, "03.2022", SortKey::Date);
    assert_eq!(march.len(), 3);
    assert_eq!(
        summary::listing(&all, "styre frivil", SortKey::Date).len(),
        1
    );
    assert!(summary::listing(&all, "nothing like this", SortKey::Date).is_empty());

    // Meeting 2: planned 70, actual 70; meeting 3: planned 55, actual 45.
    let by_overrun = summary::listing(&all, "center", SortKey::Overrun);
    assert_eq!(by_overrun[0].name, f.m2);
    assert_eq!(by_overrun[0].overrun(), Some(Duration::zero()));
    let by_open = summary::listing(&all, "", SortKey::OpenActions);
    assert!(by_open[0].open_actions >= by_open[3].open_actions);
    assert_eq!(SortKey::OpenActions.next(), SortKey::Date);
}

#[test]
fn search_finds_lines_in_every_field() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    let at = |name: &str| archive.sessions.iter().position(|s| s.name == name);

    let hits = search(&archive, "TRIVSEL");
    assert!(hits.iter().any(|h| h.session == at(&f.m1).unwrap()
        && h.item == Some(3)
        && h.field == Field::Note
        && h.line == "Til næste møde: Trivselsmåling i centeret"));
    assert!(
        hits.iter()
            .any(|h| h.session == at(&f.m2).unwrap() && h.field == Field::ItemTitle)
    );
    assert!(hits.iter().any(|h| h.field == Field::Action));

    let hits = search(&archive, "fastholdes");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].field, Field::Decision);
    assert_eq!(search(&archive, "efterretning")[0].field, Field::Outcome);
    assert!(
        search(&archive, "drøftes")
            .iter()
            .all(|h| h.field == Field::Recommendation)
    );
    assert!(
        search(&archive, "styregruppe")
            .iter()
            .any(|h| h.field == Field::MeetingTitle && h.item.is_none())
    );
    assert!(search(&archive, "  ").is_empty());
}

#[test]
fn statistics_of_a_series() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    let stats = stats_named(&archive, "centerledermøde");
    assert_eq!(stats.series, "Centerledermøde");
    assert_eq!(stats.meetings, 3);
    assert_eq!(
        stats.per_month,
        vec![("2022-03".to_string(), 2), ("2022-04".to_string(), 1)]
    );
    assert_eq!(stats.measured, 3);
    // -17, 0, -10 minutes.
    assert_eq!(stats.total_overrun, Duration::minutes(-27));
    assert_eq!(stats.average_overrun, Some(Duration::minutes(-9)));
    // Budget 2023 ran over in all three (20, 25, 30 against 15); Referat only once of three.
    assert_eq!(stats.habitual_overruns.len(), 1);
    let budget = &stats.habitual_overruns[0];
    assert_eq!(budget.title, "Budget 2023");
    assert_eq!((budget.treated, budget.over), (3, 3));
    assert_eq!(budget.average_over, Duration::minutes(10));
    // Treated: 4 + 5 + 3 (Nemøkonomi skipped); with a decision or outcome: Budget in 1 and 2,
    // Kvalitetshåndbog in 1 (its outcome: deferred).
    assert_eq!(stats.items_treated, 12);
    assert_eq!(stats.items_with_decision, 3);
    assert!((stats.decision_share().unwrap() - 3.0 / 12.0).abs() < 1e-9);

    let other = stats_named(&archive, "styregruppe");
    assert_eq!(other.meetings, 1);
    assert!(other.habitual_overruns.is_empty());
}

#[test]
fn actions_across_meetings_done_moved_and_overdue() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    let today = date("2022-04-05");
    let actions = all_actions(&archive);
    assert_eq!(actions.len(), 4);

    let budget = actions
        .iter()
        .find(|a| a.session == f.m1 && a.entry == f.budget_action)
        .unwrap();
    assert_eq!(budget.status(today), ActionStatus::Done);
    assert_eq!(
        budget.due,
        Some(date("2022-04-04")),
        "the moved date applies"
    );
    assert_eq!(budget.agreed_due, Some(date("2022-03-21")));
    assert_eq!(budget.done_in.as_deref(), Some(f.m3.as_str()));
    assert_eq!(budget.item_label, "2. Budget 2023");

    let rie = actions.iter().find(|a| a.who == "Rie").unwrap();
    assert_eq!(rie.status(today), ActionStatus::Overdue);
    assert_eq!(rie.status(date("2022-03-30")), ActionStatus::Open);

    let overdue = ActionFilter {
        overdue: true,
        ..Default::default()
    };
    let who: Vec<&str> = actions
        .iter()
        .filter(|a| overdue.keeps(a, today))
        .map(|a| a.who.as_str())
        .collect();
    assert_eq!(who, ["Eigil", "Rie"], "Styregruppe (20/3) then meeting 2");
    let open_eigil = ActionFilter {
        open: true,
        who: Some("eigil".into()),
        ..Default::default()
    };
    assert_eq!(
        actions
            .iter()
            .filter(|a| open_eigil.keeps(a, today))
            .count(),
        2
    );
}

#[test]
fn open_actions_for_a_live_meeting_of_the_series() {
    let f = fixture();
    let root = f.root.path();
    let m3_dir = root.join(&f.m3);
    let agenda = store::load(&m3_dir).unwrap().agenda;
    // Meeting 3's own follow-ups are left for the live screen to overlay: the budget action
    // still shows, as it did when the meeting began; the other series' action does not.
    let open = open_actions_for(root, &agenda, &m3_dir);
    let what: Vec<&str> = open.iter().map(|a| a.what.as_str()).collect();
    assert_eq!(
        what,
        ["Udarbejde budgetoplæg", "Tjekke lokaler til trivselsdag"]
    );
    assert_eq!(open[0].due, Some(date("2022-04-04")));
    assert_eq!(review_item(&agenda), 0);

    // Before meeting 2 only meeting 1's action is open, with the date it was agreed.
    let archive = Archive::load(root);
    let before_2 = open_actions_before(
        &archive,
        "centerledermøde",
        Some(&f.m2),
        Some(date("2022-03-28")),
    );
    assert_eq!(before_2.len(), 1);
    assert_eq!(before_2[0].due, Some(date("2022-03-21")));
}

#[test]
fn draft_of_the_next_agenda() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    let m3 = archive.position_of(&f.root.path().join(&f.m3)).unwrap();
    let draft = archive::next::draft(&archive, m3).unwrap();
    let a = &draft.agenda;
    let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Referat",
            "Opfølgning på handlinger fra tidligere møder",
            "Budget 2023",
            "Nemøkonomi",
            "Julefrokost",
            "Eventuelt"
        ]
    );
    let numbers: Vec<&str> = a.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        a.date,
        Some(date("2022-04-25")),
        "the last interval: 14 days"
    );
    assert_eq!(a.title, "Centerledermøde d. 25-04-2022");
    assert!(
        draft.date_note.contains("11.04.2022 + 14 dage"),
        "{}",
        draft.date_note
    );
    let actions = &a.items[1].body;
    assert!(
        actions.contains(
            "- Tjekke lokaler til trivselsdag (Rie, frist 30.03.2022, fra mødet 28.03.2022)"
        ),
        "{actions}"
    );
    assert!(actions.contains("- Indkalde Maja (Eigil"), "{actions}");
    assert!(!actions.contains("budgetoplæg"), "done in meeting 3");
    assert!(
        a.items[3]
            .body
            .starts_with("Ikke behandlet på mødet 11.04.2022.")
    );
    assert!(a.items[3].body.contains("Sagsfremstilling om Nemøkonomi."));
    assert!(
        a.items[2].body.is_empty(),
        "a standing item leaves last time's body behind"
    );
    assert_eq!(a.items[2].minutes, Some(15));

    // From the first meeting alone: the first and last items stand; the deferred item and the
    // point noted under Eventuelt follow; a week later. The budget action is open as it stood
    // then (meeting 3 marked it done later).
    let m1 = archive.position_of(&f.root.path().join(&f.m1)).unwrap();
    let draft = archive::next::draft(&archive, m1).unwrap();
    let titles: Vec<&str> = draft
        .agenda
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Referat",
            "Opfølgning på handlinger fra tidligere møder",
            "Kvalitetshåndbog",
            "Trivselsmåling i centeret",
            "Eventuelt"
        ]
    );
    assert_eq!(draft.agenda.date, Some(date("2022-03-21")));
    assert!(
        draft.agenda.items[2]
            .body
            .starts_with("Udsat fra mødet 14.03.2022.")
    );
    assert!(
        draft.agenda.items[1]
            .body
            .contains("Udarbejde budgetoplæg (Helle, frist 21.03.2022")
    );
    assert!(draft.date_note.contains("en uge"), "{}", draft.date_note);
}

fn referent(root: &Path, args: &[&str]) -> (String, String, bool) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referent"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .arg("--sessions-dir")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn actions_command_lists_filters_and_prints_json() {
    let f = fixture();
    let root = f.root.path();
    let (out, err, ok) = referent(root, &["actions", "--today", "2022-04-05", "--json"]);
    assert!(ok, "{err}");
    assert!(
        err.is_empty(),
        "plain files in the folder are not complained about: {err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let statuses: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["done", "overdue", "overdue", "open"]);
    assert_eq!(v[0]["done_in"], f.m3.as_str());

    let (out, _, ok) = referent(
        root,
        &[
            "actions",
            "--today",
            "2022-04-05",
            "--overdue",
            "--who",
            "RIE",
        ],
    );
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("Dato"), "{out}");
    assert!(lines[1].contains("Tjekke lokaler til trivselsdag"), "{out}");
    assert!(lines[1].ends_with("Overskredet"), "{out}");

    let (out, _, _) = referent(
        root,
        &["actions", "--open", "--lang", "en", "--today", "2022-04-05"],
    );
    assert!(out.starts_with("Date"), "{out}");
    assert_eq!(out.lines().count(), 4, "three open, one header: {out}");
}

#[test]
fn next_agenda_command_writes_a_draft_file() {
    let f = fixture();
    let root = f.root.path();
    let out_file = root.join("next.md");
    let (_, err, ok) = referent(
        root,
        &["next-agenda", &f.m3, "-o", out_file.to_str().unwrap()],
    );
    assert!(ok, "{err}");
    assert!(err.contains("11.04.2022 + 14 dage"), "{err}");
    let md = std::fs::read_to_string(&out_file).unwrap();
    assert!(md.starts_with("# Centerledermøde d. 25-04-2022\n"), "{md}");
    assert!(md.contains("Julefrokost"), "{md}");

    let (_, err, ok) = referent(root, &["next-agenda", "no-such-session"]);
    assert!(!ok);
    assert!(
        err.contains("no-such-session: not a session folder"),
        "{err}"
    );
}

#[test]
fn next_agenda_round_trips_through_the_markdown_importer() {
    let f = fixture();
    let archive = Archive::load(f.root.path());
    let m3 = archive.position_of(&f.root.path().join(&f.m3)).unwrap();
    let draft = archive::next::draft(&archive, m3).unwrap();
    let md = referent::commands::next_agenda::render(&draft);
    assert!(md.contains("_Dato foreslået ud fra intervallet"), "{md}");
    assert!(md.ends_with("drøftes\n"), "one newline at the end: {md:?}");
    let imported = referent::agenda::parse("next.md", md.as_bytes(), None).unwrap();
    let back = imported.agenda;
    assert_eq!(back.title, draft.agenda.title);
    assert_eq!(back.date, Some(date("2022-04-25")));
    assert_eq!(back.start, chrono::NaiveTime::from_hms_opt(13, 30, 0));
    assert_eq!(back.place.as_deref(), Some("Hos Eigil"));
    let titles: Vec<&str> = back.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Referat",
            "Opfølgning på handlinger fra tidligere møder",
            "Budget 2023",
            "Nemøkonomi",
            "Julefrokost",
            "Eventuelt"
        ]
    );
    for (a, b) in back.items.iter().zip(&draft.agenda.items) {
        assert_eq!(a.number, b.number);
        assert_eq!(a.body.trim(), b.body.trim(), "item {}", a.number);
        assert_eq!(a.recommendation, b.recommendation, "item {}", a.number);
        assert_eq!(a.planned_minutes(), b.minutes, "item {}", a.number);
    }
    assert!(
        !imported
            .warnings
            .iter()
            .any(|w| w.message.contains("Dato foreslået")),
        "the date note is not taken for an item: {:?}",
        imported.warnings
    );
}
