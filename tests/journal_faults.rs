//! Fault injection under the journal: over a scripted meeting, every single write, sync and cut
//! fails in turn (nothing written, only part of the buffer written, EIO on fsync, or a disk that
//! stays full for a while). After each run the journal is reopened from disk: every record that
//! was reported saved must be there exactly once, and nothing else.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::cell::Cell;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::rc::Rc;

use chrono::NaiveDate;
use referent::session::event::{Event, Outcome, Record};
use referent::session::journal::{self, Journal, JournalFile};
use referent::session::{Clock, FakeClock};

/// How the failure point behaves.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// The operation fails and writes nothing (ENOSPC for a write, EIO for a sync or cut).
    Fail,
    /// A write puts half its buffer in the file, and the rest fails with ENOSPC.
    Partial,
    /// The disk stays full for this many operations: writes get half in, then fail, and syncs
    /// fail; cutting a file back still works (it needs no space). Covers retries that fail again.
    FullFor(usize),
}

const KINDS: [Kind; 4] = [
    Kind::Fail,
    Kind::Partial,
    Kind::FullFor(3),
    Kind::FullFor(7),
];

/// A real file whose `at`-th operation (1-based; 0 = never) goes wrong as `kind` says.
struct FaultFile {
    inner: File,
    /// Operations so far, shared with the test that counts them.
    ops: Rc<Cell<usize>>,
    at: usize,
    kind: Kind,
    /// A partial write has happened: the next write of the same buffer fails.
    partial_pending: bool,
}

impl FaultFile {
    fn new(inner: File, at: usize, kind: Kind) -> (Self, Rc<Cell<usize>>) {
        let ops = Rc::new(Cell::new(0));
        let file = FaultFile {
            inner,
            ops: Rc::clone(&ops),
            at,
            kind,
            partial_pending: false,
        };
        (file, ops)
    }

    fn failing(&mut self) -> bool {
        let op = self.ops.get() + 1;
        self.ops.set(op);
        let span = match self.kind {
            Kind::Fail | Kind::Partial => 1,
            Kind::FullFor(n) => n,
        };
        self.at > 0 && op >= self.at && op < self.at + span
    }
}

fn enospc() -> io::Error {
    io::Error::from_raw_os_error(libc::ENOSPC)
}

fn eio() -> io::Error {
    io::Error::from_raw_os_error(libc::EIO)
}

impl JournalFile for FaultFile {
    fn write_some(&mut self, buf: &[u8]) -> io::Result<usize> {
        if std::mem::take(&mut self.partial_pending) {
            return Err(enospc());
        }
        if !self.failing() {
            return self.inner.write(buf);
        }
        match self.kind {
            Kind::Fail => Err(enospc()),
            Kind::Partial | Kind::FullFor(_) => {
                let half = buf.len() / 2;
                if half == 0 {
                    return Err(enospc());
                }
                self.partial_pending = true;
                self.inner.write(&buf[..half])
            }
        }
    }

    fn sync(&mut self) -> io::Result<()> {
        if self.failing() {
            return Err(eio());
        }
        self.inner.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        let full_disk = matches!(self.kind, Kind::FullFor(_));
        if self.failing() && !full_disk {
            return Err(eio());
        }
        self.inner.set_len(len)?;
        self.inner.sync_all()
    }
}

/// A short meeting with one of every common kind of entry.
fn script() -> Vec<Event> {
    vec![
        Event::Opened {
            app_version: "test".into(),
        },
        Event::MeetingStarted,
        Event::Decision {
            item: 0,
            text: "Helle er referent æøå".into(),
        },
        Event::Outcome {
            item: 0,
            clause: None,
            outcome: Outcome::Approved,
            text: "Indstillingen blev godkendt.".into(),
        },
        Event::ActionAdded {
            item: 0,
            what: "Udsend referat".into(),
            who: "Helle".into(),
            due: NaiveDate::from_ymd_opt(2022, 3, 21),
        },
        Event::ItemStarted { item: 1 },
        Event::Paused,
        Event::Resumed,
        Event::Note {
            item: 1,
            text: "Netværk for inkluderende fællesskaber".into(),
        },
        Event::Vote {
            item: 1,
            votes_for: 5,
            against: 1,
            abstain: 0,
        },
        Event::Undo,
        Event::ItemSkipped { item: 1 },
        Event::MeetingEnded,
    ]
}

/// Runs the script over a journal whose `at`-th file operation fails as `kind` says. Each event
/// is tried up to three times, as a user retries a form that stayed open. Returns the records
/// that were reported saved, and how many file operations the run made.
fn run_script(path: &Path, at: usize, kind: Kind) -> (Vec<Record>, usize) {
    let _ = std::fs::remove_file(path);
    let inner = OpenOptions::new()
        .read(true)
        .append(true)
        .create_new(true)
        .open(path)
        .unwrap();
    let (file, ops) = FaultFile::new(inner, at, kind);
    let mut j = Journal::over(path, file, 0, Some(1));
    let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
    let mut saved = vec![];
    for event in script() {
        clock.advance_secs(30);
        for _try in 0..3 {
            if let Ok(record) = j.append(clock.now(), event.clone()) {
                saved.push(record);
                break;
            }
        }
    }
    (saved, ops.get())
}

/// What a later session reads back (a torn tail left by a cut that could not be made is cut on
/// opening), and that it can go on appending.
fn reopen_and_check(path: &Path, saved: &[Record], what: &str) {
    let (mut j, records, report) = Journal::open(path).unwrap();
    assert!(
        report.bad_lines.is_empty(),
        "{what}: damaged lines: {report:?}"
    );
    assert_eq!(
        records, saved,
        "{what}: read back differs from what was saved"
    );
    let (raw, report) = journal::read(path).unwrap();
    assert_eq!(
        report,
        journal::ReadReport {
            good_len: report.good_len,
            ..Default::default()
        }
    );
    assert_eq!(raw, saved, "{what}");
    let next = j
        .append(
            FakeClock::at("2022-03-14T15:00:00+01:00").now(),
            Event::Paused,
        )
        .unwrap();
    let expected_seq = saved.last().map_or(1, |r| r.seq + 1);
    assert_eq!(next.seq, expected_seq, "{what}");
    let (after, report) = journal::read(path).unwrap();
    assert!(
        report.bad_lines.is_empty() && report.torn_tail.is_none(),
        "{what}"
    );
    assert_eq!(after.len(), saved.len() + 1, "{what}");
}

#[test]
fn every_failure_point_keeps_exactly_what_was_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("journal.jsonl");
    let (clean, total_ops) = run_script(&path, 0, Kind::Fail);
    assert_eq!(clean.len(), script().len());
    reopen_and_check(&path, &clean, "no fault");
    assert!(total_ops >= 2 * script().len(), "{total_ops} operations");

    let mut points = 0;
    let mut lost = 0;
    for kind in KINDS {
        // A few operations past the fault-free count: retries and cuts add operations.
        for at in 1..=total_ops + 8 {
            let (saved, _) = run_script(&path, at, kind);
            let what = format!("{kind:?} at operation {at}");
            reopen_and_check(&path, &saved, &what);
            lost += script().len() - saved.len();
            points += 1;
        }
    }
    // Short outages are ridden out by the retries; only a long one gives an entry up.
    assert!(
        lost > 0,
        "the long outage must make some entry fail for good"
    );
    println!("journal fault injection: {points} failure points tried");
    assert!(points >= 4 * total_ops);
}

/// A full disk mid-record, then space again: the next entry must not land on the partial line
/// (before the fix it was appended to it, shown as saved, and dropped as damaged on every read).
#[test]
fn an_entry_after_a_full_disk_is_not_merged_into_a_partial_line() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("journal.jsonl");
    let inner = OpenOptions::new()
        .read(true)
        .append(true)
        .create_new(true)
        .open(&path)
        .unwrap();
    let (file, _) = FaultFile::new(inner, 3, Kind::Partial);
    let mut j = Journal::over(&path, file, 0, Some(1));
    let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
    let first = j.append(clock.now(), Event::MeetingStarted).unwrap();
    // Operation 3 writes half and the rest fails; the cut after it works.
    assert!(j.append(clock.now(), Event::Paused).is_err());
    let second = j.append(clock.now(), Event::Resumed).unwrap();
    drop(j);
    let (records, report) = journal::read(&path).unwrap();
    assert_eq!(report.bad_lines, vec![]);
    assert_eq!(records, vec![first, second]);
}
