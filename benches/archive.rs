//! Past sessions at scale: 1,000 generated session folders (made once, in a temp dir).
//! Targets: the session list (read every folder, fold, summarize, sort) under 200 ms; a search
//! across all sessions under 300 ms.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use referent::agenda::{Agenda, Item};
use referent::archive::summary::{self, SortKey};
use referent::archive::{Archive, search, stats_named};
use referent::i18n::Lang;
use referent::session::event::{FollowUp, Outcome};
use referent::session::{Event, Record, Time, store};

const SESSIONS: usize = 1_000;

const TITLES: [&str; 8] = [
    "Referat og referent",
    "Eigil orienterer",
    "Kvalitetshåndbog",
    "Budget 2023",
    "Handlinger efter Lederforum",
    "Nemøkonomi - opfølgning",
    "Samarbejde med de frivillige",
    "Eventuelt",
];

fn agenda(n: usize, date: NaiveDate) -> Agenda {
    let series = ["Centerledermøde", "Styregruppe", "Ledermøde", "MED-udvalg"][n % 4];
    Agenda {
        title: format!("{series} d. {}", date.format("%d-%m-%Y")),
        date: Some(date),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        participants: vec!["Helle".into(), "Rie".into(), "Marie".into(), "Eigil".into()],
        language: Lang::Da,
        items: TITLES
            .iter()
            .enumerate()
            .map(|(i, t)| Item {
                number: (i + 1).to_string(),
                title: t.to_string(),
                minutes: Some(10 + 5 * (i as u32 % 3)),
                body: (0..12)
                    .map(|l| {
                        format!("- Linje {l} om {t} i møde {n}: stikord, opfølgning og aftaler")
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                recommendation: vec![format!("at centerledelsen drøfter {t}")],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// A finished meeting's journal: every item treated with a decision, an outcome, an action and
/// a note; a follow-up of the previous meeting's first action.
/// Returns the journal and the entry id of its first action point.
fn journal(n: usize, start: Time, previous: Option<&(String, u64)>) -> (String, u64) {
    let mut at = start;
    let mut events = vec![
        Event::Opened {
            app_version: "bench".into(),
        },
        Event::MeetingStarted,
    ];
    if let Some((session, entry)) = previous {
        events.push(Event::ActionFollowUp {
            session: session.clone(),
            entry: *entry,
            status: if n.is_multiple_of(3) {
                FollowUp::Moved {
                    due: start.date_naive() + Duration::days(14),
                }
            } else {
                FollowUp::Done
            },
            action: None,
        });
    }
    for item in 0..TITLES.len() {
        if item > 0 {
            events.push(Event::ItemStarted { item });
        }
        events.push(Event::Decision {
            item,
            text: format!("Beslutning {n}.{item}: vi fortsætter som aftalt"),
        });
        events.push(Event::ActionAdded {
            item,
            what: format!("Handling {n}.{item}"),
            who: ["Helle", "Rie", "Marie", "Eigil"][item % 4].into(),
            due: Some(start.date_naive() + Duration::days(7)),
        });
        events.push(Event::Outcome {
            item,
            clause: None,
            outcome: Outcome::Approved,
            text: "Indstillingen blev godkendt.".into(),
        });
        events.push(Event::Note {
            item,
            text: format!("Note {n}.{item} til kvalitetsarbejdet"),
        });
    }
    events.push(Event::MeetingEnded);
    let first_action = events
        .iter()
        .position(|e| matches!(e, Event::ActionAdded { .. }))
        .unwrap_or(0) as u64
        + 1;
    let mut out = String::new();
    for (i, event) in events.into_iter().enumerate() {
        at += Duration::seconds(90 + (n % 7) as i64 * 10);
        let line = Record {
            seq: i as u64 + 1,
            at,
            group: 0,
            event,
        }
        .to_line();
        out.push_str(&line);
        out.push('\n');
    }
    (out, first_action)
}

/// Writes the session folders through the store; each journal in one write (the app appends
/// record by record, which only makes generating slow).
fn generate(root: &Path) {
    let first = NaiveDate::from_ymd_opt(2015, 1, 5).unwrap_or_default();
    let mut previous: [Option<(String, u64)>; 4] = Default::default();
    for n in 0..SESSIONS {
        let date = first + Duration::days(7 * (n / 4) as i64);
        let (dir, _journal) = store::create(root, &agenda(n, date), date).unwrap();
        let start =
            chrono::DateTime::parse_from_rfc3339(&format!("{date}T13:30:00+01:00")).unwrap();
        let (text, first_action) = journal(n, start, previous[n % 4].as_ref());
        std::fs::write(dir.join(store::JOURNAL_FILE), text).unwrap();
        previous[n % 4] = Some((store::session_name(&dir), first_action));
    }
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path());
    let root = tmp.path();

    let mut group = c.benchmark_group("archive_1000_sessions");
    group.sample_size(10);
    group.bench_function("listing (read, fold, summarize, sort)", |b| {
        b.iter(|| {
            let archive = Archive::load(root);
            let all = summary::summaries(&archive);
            black_box(summary::listing(&all, "", SortKey::Date))
        })
    });
    let archive = Archive::load(root);
    assert_eq!(archive.sessions.len(), SESSIONS);
    group.bench_function("search (loaded sessions)", |b| {
        b.iter(|| black_box(search(&archive, "kvalitet")))
    });
    group.bench_function("search (read from disk first)", |b| {
        b.iter(|| black_box(search(&Archive::load(root), "kvalitet")))
    });
    group.bench_function("read and fold only", |b| {
        b.iter(|| black_box(Archive::load(root)))
    });
    group.bench_function("summaries (loaded)", |b| {
        b.iter(|| black_box(summary::summaries(&archive)))
    });
    let all = summary::summaries(&archive);
    group.bench_function("filter and sort (loaded)", |b| {
        b.iter(|| black_box(summary::listing(&all, "styre", SortKey::Overrun)))
    });
    group.bench_function("series statistics (loaded)", |b| {
        b.iter(|| black_box(stats_named(&archive, "centerledermøde")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
