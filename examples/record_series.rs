//! Records the example series in `sessions/`: three meetings of the seed agenda's series, played
//! through the same recorder the live screen uses, with a scripted clock. Run it again with
//! `cargo run --example record_series -- sessions` to rebuild them.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use referent::agenda;
use referent::session::event::{Event, FollowUp, Outcome, Replan};
use referent::session::recorder::Recorder;
use referent::session::{Clock, FakeClock};

/// One scripted step: minutes to wait, then the event.
type Step = (i64, Event);

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "sessions".into()));
    let seed = root.join("centerledermoede-2022-03-14.txt");
    let base = agenda::load(&seed, None)?.agenda;
    let mut first_session = String::new();
    for (n, date) in ["2022-03-14", "2022-03-28", "2022-04-11"]
        .iter()
        .enumerate()
    {
        let mut agenda = base.clone();
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")?;
        agenda.date = Some(day);
        agenda.title = format!("Centerledermøde d. {}", day.format("%d-%m-%Y"));
        let late = [4, 0, 7][n];
        let clock = FakeClock::at(&format!("{date}T13:{:02}:00+01:00", 30 + late));
        let mut rec = Recorder::create(&root, agenda, clock.now())?;
        let name = rec
            .dir()
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (wait, event) in script(n, &first_session) {
            clock.advance(Duration::minutes(wait));
            rec.record(event, clock.now())?;
        }
        // The text formats only: the examples are kept in the repository.
        let doc = referent::minutes::MinutesDoc::from_meeting(
            rec.meeting(),
            rec.meeting().agenda.language,
        );
        let text = [
            referent::minutes::Format::Md,
            referent::minutes::Format::Json,
        ];
        referent::minutes::write_files(rec.dir(), &doc, &text)?;
        println!("{}", rec.dir().display());
        if n == 0 {
            first_session = name;
        }
    }
    Ok(())
}

fn decided(item: usize, outcome: Outcome, changes: &str) -> Event {
    Event::Outcome {
        item,
        clause: None,
        outcome,
        text: outcome.wording(referent::i18n::Lang::Da, changes),
    }
}

fn action(item: usize, what: &str, who: &str, due: &str) -> Event {
    Event::ActionAdded {
        item,
        what: what.into(),
        who: who.into(),
        due: NaiveDate::parse_from_str(due, "%Y-%m-%d").ok(),
    }
}

fn note(item: usize, text: &str) -> Event {
    Event::Note {
        item,
        text: text.into(),
    }
}

fn script(n: usize, first: &str) -> Vec<Step> {
    let mut s: Vec<Step> = vec![(0, Event::MeetingStarted)];
    match n {
        0 => s.extend([
            (
                2,
                Event::Decision {
                    item: 0,
                    text: "Helle er referent. Ingen kommentarer til seneste referat.".into(),
                },
            ),
            (0, decided(0, Outcome::Approved, "")),
            (9, Event::ItemStarted { item: 1 }),
            (
                6,
                note(
                    1,
                    "Skoleledere mødes i netværk for inkluderende fællesskaber.",
                ),
            ),
            (0, decided(1, Outcome::Noted, "")),
            (8, Event::ItemStarted { item: 2 }),
            (
                12,
                action(
                    2,
                    "Beskrive næste udviklingsområde i kvalitetshåndbogen",
                    "Marie",
                    "2022-03-28",
                ),
            ),
            (0, decided(2, Outcome::Approved, "")),
            (14, Event::ItemStarted { item: 3 }),
            (3, Event::Paused),
            (10, Event::Resumed),
            (12, decided(3, Outcome::Noted, "")),
            (
                0,
                Event::Replan {
                    plan: Replan::Compress,
                },
            ),
            (5, Event::ItemStarted { item: 4 }),
            (
                20,
                action(
                    4,
                    "Kortlægge relationel kapacitet i afdelingerne",
                    "Rie",
                    "2022-04-11",
                ),
            ),
            (
                0,
                decided(
                    4,
                    Outcome::ApprovedWithChanges,
                    "drøftes igen efter sommerferien",
                ),
            ),
            (6, Event::ItemStarted { item: 5 }),
            (
                15,
                action(5, "Samlet overblik over NemØkonomi", "Eigil", "2022-03-25"),
            ),
            (0, decided(5, Outcome::Deferred, "")),
            (5, Event::ItemStarted { item: 6 }),
            (8, decided(6, Outcome::Approved, "")),
            (2, Event::ItemStarted { item: 7 }),
            (4, note(7, "Punkter til kommende møder: Trivselsmåling")),
            (1, Event::MeetingEnded),
        ]),
        1 => s.extend([
            (
                1,
                Event::Attendance {
                    name: "Marie H. Poulsen".into(),
                    present: false,
                },
            ),
            (
                3,
                Event::ActionFollowUp {
                    session: first.into(),
                    entry: 9,
                    status: FollowUp::Done,
                    action: Some(
                        "14-03-2022, 3. Kvalitetshåndbog: Beskrive næste udviklingsområde i \
                         kvalitetshåndbogen — Marie"
                            .into(),
                    ),
                },
            ),
            (1, decided(0, Outcome::Approved, "")),
            (5, Event::ItemStarted { item: 1 }),
            (7, decided(1, Outcome::Noted, "")),
            (3, Event::ItemStarted { item: 2 }),
            (18, decided(2, Outcome::Approved, "")),
            (2, Event::ItemStarted { item: 3 }),
            (
                9,
                Event::Vote {
                    item: 3,
                    votes_for: 3,
                    against: 0,
                    abstain: 0,
                },
            ),
            (
                0,
                Event::Decision {
                    item: 3,
                    text: "Budgetønsker samles af Eigil inden 1. maj.".into(),
                },
            ),
            (1, action(3, "Samle budgetønsker", "Eigil", "2022-05-01")),
            (5, Event::ItemStarted { item: 4 }),
            (25, decided(4, Outcome::Noted, "")),
            (6, Event::ItemSkipped { item: 5 }),
            (12, decided(6, Outcome::Approved, "")),
            (4, Event::ItemStarted { item: 7 }),
            (5, Event::MeetingEnded),
        ]),
        _ => s.extend([
            (
                0,
                Event::Movement {
                    name: "Rie S. Hosbond".into(),
                    arrived: true,
                },
            ),
            (6, decided(0, Outcome::Approved, "")),
            (6, Event::ItemStarted { item: 1 }),
            (12, decided(1, Outcome::Noted, "")),
            (1, Event::ItemStarted { item: 2 }),
            (24, decided(2, Outcome::Approved, "")),
            (2, Event::ItemStarted { item: 3 }),
            (
                16,
                Event::Inhabil {
                    item: 3,
                    name: "Marie H. Poulsen".into(),
                },
            ),
            (0, decided(3, Outcome::Rejected, "")),
            (
                1,
                Event::Replan {
                    plan: Replan::PushBack,
                },
            ),
            (0, Event::ItemStarted { item: 4 }),
            (28, action(4, "Plan for dialogtaler", "Helle", "2022-05-09")),
            (0, decided(4, Outcome::Approved, "")),
            (4, Event::ItemStarted { item: 5 }),
            (20, decided(5, Outcome::Approved, "")),
            (3, Event::ItemStarted { item: 6 }),
            (11, decided(6, Outcome::Noted, "")),
            (1, Event::ItemStarted { item: 7 }),
            (6, note(7, "Punkter til kommende møder: Sommerfest")),
            (1, Event::MeetingEnded),
        ]),
    }
    s
}
