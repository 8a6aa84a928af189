//! The append-only journal: one JSON record per line, each flushed to disk before it counts.
//!
//! Reading tolerates a torn last line (power loss mid-write): it is reported and, when the journal
//! is reopened for writing, cut off so the next record starts on a clean line.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::clock::Time;
use super::event::{Event, Record};

/// What reading a journal found besides its records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadReport {
    /// A last line without its newline that did not parse: the write was cut short.
    pub torn_tail: Option<TornTail>,
    /// Complete lines that did not parse (line number, message); they are skipped.
    pub bad_lines: Vec<(usize, String)>,
    /// Byte length of the part that holds whole, valid-or-skipped lines.
    pub good_len: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TornTail {
    pub line: usize,
    pub bytes: usize,
}

impl ReadReport {
    /// Human-readable problems, naming the file and line.
    pub fn messages(&self, path: &Path) -> Vec<String> {
        let mut out: Vec<String> = self
            .bad_lines
            .iter()
            .map(|(line, m)| format!("{}:{line}: skipped a damaged record: {m}", path.display()))
            .collect();
        if let Some(t) = &self.torn_tail {
            out.push(format!(
                "{}:{}: the last record was cut off mid-write ({} bytes); it was dropped",
                path.display(),
                t.line,
                t.bytes
            ));
        }
        out
    }
}

/// Reads every record of a journal.
pub fn read(path: &Path) -> io::Result<(Vec<Record>, ReadReport)> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(parse(&bytes, 0, 0))
}

/// Parses journal bytes; `first_line` and `base` say where `bytes` starts in the file.
pub fn parse(bytes: &[u8], first_line: usize, base: u64) -> (Vec<Record>, ReadReport) {
    let mut records = vec![];
    let mut report = ReadReport {
        good_len: base,
        ..Default::default()
    };
    let mut pos = 0;
    let mut line_no = first_line;
    while pos < bytes.len() {
        line_no += 1;
        let rest = &bytes[pos..];
        let (line, complete) = match rest.iter().position(|&b| b == b'\n') {
            Some(n) => (&rest[..n], true),
            None => (rest, false),
        };
        let parsed = std::str::from_utf8(line)
            .map_err(|e| e.to_string())
            .and_then(|s| Event::parse_line(s.trim_end_matches('\r')).map_err(|e| e.to_string()));
        match (parsed, complete) {
            (Ok(r), _) => records.push(r),
            (Err(_), true) if line.iter().all(u8::is_ascii_whitespace) => {}
            (Err(e), true) => report.bad_lines.push((line_no, e)),
            (Err(_), false) => {
                report.torn_tail = Some(TornTail {
                    line: line_no,
                    bytes: line.len(),
                });
                break;
            }
        }
        // A complete last line without '\n' still counts as whole.
        pos += line.len() + usize::from(complete);
        report.good_len = base + pos as u64;
    }
    (records, report)
}

/// An open journal that appends records durably.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    next_seq: u64,
}

impl Journal {
    /// Creates a new, empty journal; fails if one exists.
    pub fn create(path: &Path) -> io::Result<Self> {
        let file = private_options().create_new(true).open(path)?;
        sync_dir(path);
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            next_seq: 1,
        })
    }

    /// Opens an existing journal for appending, after reading it. A torn tail is cut off.
    pub fn open(path: &Path) -> io::Result<(Self, Vec<Record>, ReadReport)> {
        let (records, report) = read(path)?;
        let mut file = private_options().open(path)?;
        let len = file.metadata()?.len();
        if report.good_len < len {
            file.set_len(report.good_len)?;
            file.sync_all()?;
        }
        // A last line that parsed but lacks its newline gets one, so appends start clean.
        if report.good_len > 0 {
            file.seek(SeekFrom::Start(report.good_len - 1))?;
            let mut last = [0u8; 1];
            file.read_exact(&mut last)?;
            if last[0] != b'\n' {
                file.seek(SeekFrom::End(0))?;
                file.write_all(b"\n")?;
                file.sync_data()?;
            }
        }
        file.seek(SeekFrom::End(0))?;
        let next_seq = records.iter().map(|r| r.seq).max().unwrap_or(0) + 1;
        Ok((
            Journal {
                path: path.to_path_buf(),
                file,
                next_seq,
            },
            records,
            report,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends an event and waits until it is on disk. Returns the record as written.
    pub fn append(&mut self, at: Time, event: Event) -> io::Result<Record> {
        let mut written = self.append_group(at, vec![event])?;
        written
            .pop()
            .ok_or_else(|| io::Error::other("no record was written"))
    }

    /// Appends the events of one user intent as one group (the group is the first one's seq),
    /// in one write and one flush. Returns the records as written.
    pub fn append_group(&mut self, at: Time, events: Vec<Event>) -> io::Result<Vec<Record>> {
        let group = self.next_seq;
        let records: Vec<Record> = events
            .into_iter()
            .zip(group..)
            .map(|(event, seq)| Record {
                seq,
                at,
                group,
                event,
            })
            .collect();
        let mut lines = String::new();
        for record in &records {
            lines.push_str(&record.to_line());
            lines.push('\n');
        }
        // One write call per group: a crash leaves at most one torn line at the end.
        self.file.write_all(lines.as_bytes())?;
        self.file.sync_data()?;
        self.next_seq += records.len() as u64;
        Ok(records)
    }
}

fn private_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Makes a new file's directory entry durable too (best effort: not every platform allows it).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// Follows a journal that another process appends to, reading only what is new.
#[derive(Debug)]
pub struct Tail {
    path: PathBuf,
    offset: u64,
    lines: usize,
    identity: Option<FileId>,
    skipped: Vec<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
}

/// What a poll of the tailed journal found.
#[derive(Debug, PartialEq)]
pub enum TailEvent {
    /// Nothing changed.
    Idle,
    /// New complete records.
    Records(Vec<Record>),
    /// The file is not there (yet, or any more).
    Missing,
    /// The file was replaced or truncated; the caller should start over.
    Replaced,
}

impl Tail {
    pub fn new(path: &Path) -> Self {
        Tail {
            path: path.to_path_buf(),
            offset: 0,
            lines: 0,
            identity: None,
            skipped: vec![],
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks the file with one stat; reads only bytes past what was read before, and only
    /// whole lines (a half-written line waits for its newline).
    pub fn poll(&mut self) -> io::Result<TailEvent> {
        let meta = match std::fs::metadata(&self.path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(TailEvent::Missing),
            Err(e) => return Err(e),
        };
        let id = file_id(&meta);
        if self.identity.is_some() && (self.identity != id || meta.len() < self.offset) {
            self.identity = None;
            self.offset = 0;
            self.lines = 0;
            self.skipped.clear();
            return Ok(TailEvent::Replaced);
        }
        self.identity = id;
        if meta.len() == self.offset {
            return Ok(TailEvent::Idle);
        }
        let mut file = File::open(&self.path)?;
        file.seek(SeekFrom::Start(self.offset))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        // Only whole lines: a half-written last line waits for its newline.
        let Some(end) = bytes.iter().rposition(|&b| b == b'\n') else {
            return Ok(TailEvent::Idle);
        };
        let whole = &bytes[..=end];
        let (records, report) = parse(whole, self.lines, self.offset);
        self.offset += whole.len() as u64;
        self.lines += whole.iter().filter(|&&b| b == b'\n').count();
        self.skipped.extend(report.bad_lines);
        Ok(if records.is_empty() {
            TailEvent::Idle
        } else {
            TailEvent::Records(records)
        })
    }

    /// Damaged lines read so far (line number, message): skipped, and reported by the caller.
    pub fn skipped(&self) -> &[(usize, String)] {
        &self.skipped
    }
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId {
        dev: meta.dev(),
        ino: meta.ino(),
    })
}

#[cfg(not(unix))]
fn file_id(_meta: &std::fs::Metadata) -> Option<FileId> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::clock::{Clock, FakeClock};

    fn clock() -> FakeClock {
        FakeClock::at("2022-03-14T13:30:00+01:00")
    }

    #[test]
    fn append_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let c = clock();
        let mut j = Journal::create(&path).unwrap();
        j.append(c.now(), Event::MeetingStarted).unwrap();
        c.advance_secs(60);
        j.append(c.now(), Event::Paused).unwrap();
        let (records, report) = read(&path).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].seq, 2);
        assert_eq!(report.torn_tail, None);
    }

    #[test]
    fn torn_tail_is_reported_cut_and_appending_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let c = clock();
        let mut j = Journal::create(&path).unwrap();
        j.append(c.now(), Event::MeetingStarted).unwrap();
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"seq":2,"at":"2022-03-14T13:31:00+01:00","type":"no"#)
            .unwrap();
        drop(f);

        let (records, report) = read(&path).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(report.torn_tail.as_ref().map(|t| t.line), Some(2));
        assert!(report.messages(&path)[0].contains(":2: the last record was cut off"));

        let (mut j, records, _) = Journal::open(&path).unwrap();
        assert_eq!(records.len(), 1);
        j.append(c.now(), Event::Paused).unwrap();
        let (records, report) = read(&path).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].seq, 2);
        assert_eq!(report.torn_tail, None);
    }

    #[test]
    fn a_group_is_written_together_and_named_by_its_first_seq() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let c = clock();
        let mut j = Journal::create(&path).unwrap();
        j.append(c.now(), Event::MeetingStarted).unwrap();
        let written = j
            .append_group(c.now(), vec![Event::Paused, Event::Resumed])
            .unwrap();
        assert_eq!(
            written.iter().map(|r| (r.seq, r.group)).collect::<Vec<_>>(),
            [(2, 2), (3, 2)]
        );
        let (records, _) = read(&path).unwrap();
        assert_eq!(records[1..], written[..]);
        assert_eq!(records[0].group(), 1);
    }

    #[test]
    fn damaged_middle_line_is_skipped_and_named() {
        let (records, report) = parse(
            b"{\"seq\":1,\"at\":\"2022-03-14T13:30:00+01:00\",\"type\":\"meeting_started\"}\ngarbage\n\n{\"seq\":3,\"at\":\"2022-03-14T13:30:00+01:00\",\"type\":\"paused\"}\n",
            0,
            0,
        );
        assert_eq!(records.len(), 2);
        assert_eq!(report.bad_lines.len(), 1);
        assert_eq!(report.bad_lines[0].0, 2);
    }

    #[test]
    fn tail_reads_only_new_whole_lines_and_sees_replacement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let mut tail = Tail::new(&path);
        assert_eq!(tail.poll().unwrap(), TailEvent::Missing);
        let c = clock();
        let mut j = Journal::create(&path).unwrap();
        j.append(c.now(), Event::MeetingStarted).unwrap();
        assert!(matches!(tail.poll().unwrap(), TailEvent::Records(r) if r.len() == 1));
        assert_eq!(tail.poll().unwrap(), TailEvent::Idle);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"seq\":2,").unwrap();
        assert_eq!(tail.poll().unwrap(), TailEvent::Idle);
        f.write_all(b"\"at\":\"2022-03-14T13:31:00+01:00\",\"type\":\"paused\"}\n")
            .unwrap();
        assert!(
            matches!(tail.poll().unwrap(), TailEvent::Records(r) if r[0].event == Event::Paused)
        );
        f.write_all(b"garbage\n").unwrap();
        assert_eq!(tail.poll().unwrap(), TailEvent::Idle);
        assert_eq!(
            tail.skipped().len(),
            1,
            "a damaged line is reported, not dropped silently"
        );
        assert_eq!(tail.skipped()[0].0, 3);
        drop(f);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(tail.poll().unwrap(), TailEvent::Missing);
        Journal::create(&path).unwrap();
        assert_eq!(tail.poll().unwrap(), TailEvent::Replaced);
    }
}
