//! The fold at scale: journals of 10^4, 10^5 and 10^6 events (generated once, in a temp dir).
//! Targets: 10^6 events to minutes under 1 s; `follow`'s first frame at 10^5 under 300 ms;
//! one `u` at 10^5 under 5 ms. Measured:
//! - resume: read the journal and fold its records as they are read, a chunk at a time (as
//!   `--resume` does);
//! - minutes: fold the records read (moved in, as `referent minutes` does), build the minutes
//!   document once and write it as Markdown and JSON (to a sink: no file);
//! - minutes_command: the same from the file, as `referent minutes SESSION_DIR --minutes-formats
//!   md,json` does it: load the session (agenda and journal, every line checked, folded as it is
//!   read), build, and write minutes.md and minutes.json into the session folder (at once, as
//!   the command writes them);
//! - follow: a follower's first check of the session and its first frame on a TestBackend;
//! - undo: one `u` on the folded meeting (the clone it starts from is not timed).
//!
//! `cargo bench --bench fold`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration as StdDuration, Instant};

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;
use referent::minutes::{self, Format, MinutesDoc};
use referent::session::Clock;
use referent::session::event::Outcome;
use referent::session::state::Meeting;
use referent::session::{Event, FakeClock, Record, journal, store};
use referent::ui::follow::{Follower, Source};
use referent::ui::projector::ProjectorView;
use referent::ui::theme::Theme;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const ITEMS: usize = 8;

fn agenda() -> Agenda {
    Agenda {
        title: "Centerledermøde".into(),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        participants: vec!["Helle".into(), "Rie".into(), "Eigil".into()],
        items: (1..=ITEMS)
            .map(|n| Item {
                number: n.to_string(),
                title: format!("Punkt nummer {n}"),
                minutes: Some(15),
                recommendation: vec![format!("at punkt {n} godkendes")],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// A long meeting as a minute-taker writes it: mostly notes and decisions, with outcomes,
/// action points, edits, deletions, pauses, undos and the items in turn.
fn events(n: usize) -> Vec<Event> {
    let mut out = vec![
        Event::Opened {
            app_version: "0.1.0".into(),
        },
        Event::MeetingStarted,
    ];
    let per_item = n / ITEMS;
    while out.len() < n {
        let k = out.len();
        let item = (k / per_item.max(1)).min(ITEMS - 1);
        let seq = k as u64 + 1;
        // The first twenty are notes, so that every edit and delete names an entry.
        let slot = if k < 20 { 10 } else { k % 20 };
        let event = match slot {
            0 if k % per_item.max(1) < 20 => Event::ItemStarted { item },
            1 => Event::Decision {
                item,
                text: format!("Beslutning {k} om punktet, med en begrundelse"),
            },
            2 => Event::Outcome {
                item,
                clause: None,
                outcome: Outcome::Approved,
                text: "Indstillingen blev godkendt.".into(),
            },
            3 => Event::ActionAdded {
                item,
                what: format!("Opfølgning {k}"),
                who: "Helle".into(),
                due: NaiveDate::from_ymd_opt(2022, 4, 1),
            },
            // Edits and deletes name an entry written a few records before.
            4 => Event::EntryEdited {
                entry: seq - 3,
                text: format!("Beslutning {k}, rettet"),
                who: None,
                due: None,
            },
            5 => Event::EntryDeleted { entry: seq - 2 },
            6 => Event::Paused,
            7 => Event::Resumed,
            9 => Event::Undo,
            _ => Event::Note {
                item,
                text: format!("Note {k}: stikord fra drøftelsen, og hvem der sagde hvad"),
            },
        };
        out.push(event);
    }
    out
}

fn records(n: usize) -> Vec<Record> {
    let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
    events(n)
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            clock.advance(Duration::seconds(1));
            Record {
                seq: i as u64 + 1,
                at: clock.now(),
                group: i as u64 + 1,
                event,
            }
        })
        .collect()
}

/// A session folder holding `records` as its journal.
fn session(root: &Path, records: &[Record]) -> PathBuf {
    let date = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
    let (dir, j) = store::create(root, &agenda(), date).unwrap();
    drop(j);
    let mut f = std::io::BufWriter::new(
        std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(store::JOURNAL_FILE))
            .unwrap(),
    );
    for r in records {
        writeln!(f, "{}", r.to_line()).unwrap();
    }
    f.flush().unwrap();
    dir
}

fn first_frame(dir: &Path, now: referent::session::Time) -> usize {
    let mut follower = Follower::new(Source::Session(dir.to_path_buf()));
    follower.check();
    let meeting = follower.meeting().unwrap();
    let theme = Theme::dark();
    let view = ProjectorView {
        meeting,
        now,
        theme: &theme,
        full: false,
        lang: Lang::Da,
        notice: None,
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| f.render_widget(&view, f.area())).unwrap();
    terminal.backend().buffer().content.len()
}

fn fold(c: &mut Criterion) {
    let root = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("fold");
    g.sample_size(10)
        .warm_up_time(StdDuration::from_millis(500))
        .measurement_time(StdDuration::from_secs(3));
    for n in SIZES {
        let records = records(n);
        let dir = session(&root.path().join(n.to_string()), &records);
        let path = dir.join(store::JOURNAL_FILE);
        let now = records.last().unwrap().at;
        let meeting = Meeting::replay(agenda(), &records);
        let ignored: Vec<&Record> = records
            .iter()
            .filter(|r| meeting.ignored.contains(&r.seq))
            .take(3)
            .collect();
        assert!(ignored.is_empty(), "{ignored:?}");
        g.bench_with_input(BenchmarkId::new("resume", n), &path, |b, path| {
            b.iter(|| {
                let mut meeting = Meeting::new(agenda());
                journal::read_into(path, &mut meeting).unwrap();
                black_box(meeting.last_seq)
            })
        });
        // As `referent minutes` does it: the records read are moved into the fold (their copy
        // is not timed), the document is built once and rendered as Markdown and JSON.
        g.bench_with_input(BenchmarkId::new("minutes", n), &records, |b, records| {
            b.iter_batched(
                || records.clone(),
                |records| {
                    let m = Meeting::replay_owned(agenda(), records);
                    let doc = MinutesDoc::from_meeting(&m, Lang::Da);
                    for format in [Format::Md, Format::Json] {
                        let mut out = std::io::BufWriter::new(std::io::sink());
                        minutes::write(&doc, format, &mut out).unwrap();
                    }
                    black_box(doc.items.len())
                },
                BatchSize::LargeInput,
            )
        });
        // The whole of `referent minutes SESSION_DIR --minutes-formats md,json`: the journal
        // is read and parsed from the file, and the files are written into the session folder
        // (each fsynced and renamed into place).
        g.bench_with_input(BenchmarkId::new("minutes_command", n), &dir, |b, dir| {
            b.iter(|| {
                let (m, _) = store::load_meeting(dir).unwrap();
                let doc = MinutesDoc::from_meeting(&m, Lang::Da);
                black_box(minutes::write_files(dir, &doc, &[Format::Md, Format::Json]).unwrap())
            })
        });
        g.bench_with_input(BenchmarkId::new("follow_first_frame", n), &dir, |b, dir| {
            b.iter(|| black_box(first_frame(dir, now)))
        });
        // One u on a live meeting: a note is written (not timed), then taken back (timed), so
        // the meeting's lists have the room they have in a running session.
        let mut live = meeting;
        let mut seq = n as u64;
        g.bench_function(BenchmarkId::new("undo", n), |b| {
            b.iter_custom(|iters| {
                let mut total = StdDuration::ZERO;
                for _ in 0..iters {
                    seq += 2;
                    let note = Record {
                        seq: seq - 1,
                        at: now,
                        group: seq - 1,
                        event: Event::Note {
                            item: ITEMS - 1,
                            text: "Note til at fortryde".into(),
                        },
                    };
                    live.apply(&note);
                    let undo = Record {
                        seq,
                        at: now,
                        group: seq,
                        event: Event::Undo,
                    };
                    let start = Instant::now();
                    live.apply(&undo);
                    total += start.elapsed();
                }
                total
            })
        });
        black_box(live.last_seq);
    }
    g.finish();
}

criterion_group!(benches, fold);
criterion_main!(benches);
