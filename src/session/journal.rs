//! The append-only journal: one JSON record per line, each flushed to disk before it counts.
//!
//! Reading tolerates a torn last line (power loss mid-write): it is reported and, when the journal
//! is reopened for writing, cut off so the next record starts on a clean line.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::clock::Time;
use super::event::{Event, Record};
use super::state::Meeting;

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

/// Reads every record of a journal, as every session file is read: never through a symlink,
/// and only the user's own file (see [`super::store::open_session_file`]).
pub fn read(path: &Path) -> io::Result<(Vec<Record>, ReadReport)> {
    let mut records = Vec::new();
    let report = read_into(path, &mut records)?;
    Ok((records, report))
}

/// [`read`], handing the records to `sink` a chunk at a time as they are parsed (a meeting
/// folds them in as they come): the journal is never in memory whole, nor are its records.
pub fn read_into(path: &Path, sink: &mut impl Sink) -> io::Result<ReadReport> {
    let mut options = OpenOptions::new();
    options.read(true);
    let mut file = super::store::open_session_file(path, &mut options)?;
    let size = file.metadata()?.len();
    let read = read_chunks(&mut file, Position::START, size, Cut::AtEnd, CHUNK, sink)?;
    Ok(read.report)
}

/// Where the records of a journal read a chunk at a time go, in the journal's order.
pub trait Sink {
    /// About `n` more records are coming, these first ones included (estimated from the file's
    /// size): room for them is made once, rather than doubled again and again.
    fn expect(&mut self, n: usize);
    /// Takes the next records; `records` is left empty.
    fn take(&mut self, records: &mut Vec<Record>);
}

impl Sink for Vec<Record> {
    fn expect(&mut self, n: usize) {
        self.reserve_exact(n);
    }

    fn take(&mut self, records: &mut Vec<Record>) {
        self.append(records);
    }
}

impl Sink for Meeting {
    fn expect(&mut self, n: usize) {
        self.reserve(n);
    }

    fn take(&mut self, records: &mut Vec<Record>) {
        self.extend(records.drain(..));
    }
}

/// Bytes read and parsed at a time: enough for every core to parse a part of its own, little
/// enough that the whole file is never in memory.
const CHUNK: usize = 4 << 20;

/// No record line is shorter than this: a bound for the estimate of how many are to come.
const SHORTEST_LINE: u64 = 32;

/// A place in a journal: lines and bytes before it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Position {
    line: usize,
    offset: u64,
}

impl Position {
    const START: Position = Position { line: 0, offset: 0 };
}

/// Where a chunked read stops.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cut {
    /// At the end of the file: a last line without its newline is read too (as a torn tail if
    /// it does not parse).
    AtEnd,
    /// After the last newline: a half-written last line waits (the follower's reads).
    AtLastNewline,
}

/// What a chunked read found, and where it stopped.
#[derive(Debug, PartialEq)]
struct ChunkedRead {
    report: ReadReport,
    end: Position,
}

/// Reads journal bytes from `file`, which starts at `from` in the journal and holds about
/// `size` bytes, `chunk` bytes at a time, each cut at its last newline (the rest is carried
/// into the next), parsed by [`parse`] and handed to `sink`. The records, damaged lines, torn
/// tail and good length are what parsing the bytes whole finds: only the last chunk can end
/// without a newline.
fn read_chunks(
    file: &mut impl Read,
    from: Position,
    size: u64,
    cut: Cut,
    chunk: usize,
    sink: &mut impl Sink,
) -> io::Result<ChunkedRead> {
    let mut report = ReadReport {
        good_len: from.offset,
        ..Default::default()
    };
    let mut at = from;
    let mut buf = Vec::with_capacity(chunk.max(1));
    let mut estimated = false;
    loop {
        let room = buf.capacity() - buf.len();
        let eof = file.by_ref().take(room as u64).read_to_end(&mut buf)? < room;
        let whole = match (eof, cut) {
            (true, Cut::AtEnd) => Some(buf.len()),
            (false, Cut::AtEnd | Cut::AtLastNewline) | (true, Cut::AtLastNewline) => {
                memchr::memrchr(b'\n', &buf).map(|n| n + 1)
            }
        };
        let Some(whole) = whole else {
            if eof {
                break;
            }
            // A line longer than the buffer: read on until its end.
            buf.reserve(buf.capacity());
            continue;
        };
        let part = buf.get(..whole).unwrap_or_default();
        let (mut records, part_report) = parse(part, at.line, at.offset);
        if !estimated {
            estimated = true;
            sink.expect(estimate(records.len(), whole, size));
        }
        sink.take(&mut records);
        report.bad_lines.extend(part_report.bad_lines);
        report.torn_tail = part_report.torn_tail;
        report.good_len = part_report.good_len;
        at.line += count_lines(part);
        at.offset += whole as u64;
        buf.drain(..whole);
        if eof {
            break;
        }
    }
    Ok(ChunkedRead { report, end: at })
}

/// How many records `size` bytes hold if they are like the first `read` bytes, which held
/// `records`; a little more, so that an estimate just short does not double the lists at the
/// end, and never more than the shortest lines would give.
fn estimate(records: usize, read: usize, size: u64) -> usize {
    let read = read.max(1) as u64;
    let mean = (records as u64 * size.max(read) / read).saturating_add(records as u64 / 16);
    usize::try_from(mean.min(size / SHORTEST_LINE).max(records as u64)).unwrap_or(records)
}

/// Parses journal bytes; `first_line` and `base` say where `bytes` starts in the file.
///
/// A long journal is cut at line ends into one part per core, and the parts are parsed at once
/// and put together in order: the records, the damaged lines and the torn tail are what
/// parsing it whole finds. Only the last part can end without a newline.
pub fn parse(bytes: &[u8], first_line: usize, base: u64) -> (Vec<Record>, ReadReport) {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    parse_split(bytes, first_line, base, cores.min(bytes.len() / PART_MIN))
}

/// [`parse`] in (at most) `parts` parts at once.
fn parse_split(
    bytes: &[u8],
    first_line: usize,
    base: u64,
    parts: usize,
) -> (Vec<Record>, ReadReport) {
    let mut starts = vec![0];
    for k in 1..parts {
        let from = (bytes.len() * k / parts).max(starts.last().copied().unwrap_or(0));
        let cut = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map(|n| from + n + 1);
        if let Some(cut) = cut.filter(|&c| c < bytes.len()) {
            starts.push(cut);
        }
    }
    if starts.len() == 1 {
        return parse_part(bytes, first_line, base, count_lines(bytes) + 1);
    }
    starts.push(bytes.len());
    let mut line = first_line;
    let mut jobs: Vec<(&[u8], usize, u64, usize)> = starts
        .windows(2)
        .map(|w| {
            let part = bytes.get(w[0]..w[1]).unwrap_or_default();
            let lines = count_lines(part);
            let job = (part, line, base + w[0] as u64, lines + 1);
            line += lines;
            job
        })
        .collect();
    // The first part's list has room for every record: the others are moved in after it.
    if let Some(first) = jobs.first_mut() {
        first.3 = line - first_line + 1;
    }
    let parsed = crate::parallel::map(&jobs, |&(part, line, at, room)| {
        parse_part(part, line, at, room)
    });
    let mut records = Vec::new();
    let mut report = ReadReport::default();
    for (part, part_report) in parsed {
        if records.is_empty() {
            records = part;
        } else {
            records.extend(part);
        }
        report.bad_lines.extend(part_report.bad_lines);
        report.torn_tail = part_report.torn_tail;
        report.good_len = part_report.good_len;
    }
    (records, report)
}

/// Below this many bytes per part a journal is parsed in one piece: a thread costs more.
const PART_MIN: usize = 1 << 20;

/// Lines in `bytes`, a last one without its newline included.
fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Parses journal bytes in one piece (see [`parse`]), into a list with `room` for records.
fn parse_part(
    bytes: &[u8],
    first_line: usize,
    base: u64,
    room: usize,
) -> (Vec<Record>, ReadReport) {
    let mut records = Vec::with_capacity(room);
    let mut report = ReadReport {
        good_len: base,
        ..Default::default()
    };
    let mut pos = 0;
    let mut line_no = first_line;
    while pos < bytes.len() {
        line_no += 1;
        let rest = &bytes[pos..];
        let (line, complete) = match memchr::memchr(b'\n', rest) {
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

/// What the journal needs of the file under it. A trait so that a test can make any single
/// write, sync or cut fail (or write only part of its buffer) and check what survives.
pub trait JournalFile {
    /// Writes some of `buf` at the end of the file, like [`Write::write`].
    fn write_some(&mut self, buf: &[u8]) -> io::Result<usize>;
    /// Waits until everything written is on disk.
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file back to `len` bytes, durably; later writes go to the new end.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl JournalFile for File {
    fn write_some(&mut self, buf: &[u8]) -> io::Result<usize> {
        Write::write(self, buf)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)?;
        self.sync_all()
    }
}

/// An open journal that appends records durably.
///
/// A record counts as saved only once it is written whole and synced. When a write or sync
/// fails (full disk, EIO, file-size limit), whatever part of the record reached the file is cut
/// off again, so the journal always ends on the last saved record; if even the cut fails, it is
/// retried before the next append, which never lands on a partial line.
#[derive(Debug)]
pub struct Journal<F: JournalFile = File> {
    path: PathBuf,
    file: F,
    /// `None` once a record took seq `u64::MAX`: nothing more can be numbered after it.
    next_seq: Option<u64>,
    /// Bytes of whole, saved records: where the file must end.
    saved_len: u64,
    /// A failed append may have left bytes past `saved_len`.
    needs_cut: bool,
}

impl Journal {
    /// Creates a new, empty journal; fails if one exists (or a symlink stands in its place).
    pub fn create(path: &Path) -> io::Result<Self> {
        let file = private_options().create_new(true).open(path)?;
        sync_dir(path);
        Ok(Journal::over(path, file, 0, Some(1)))
    }

    /// Opens an existing journal for appending, after reading it. A torn tail is cut off, and a
    /// last record without its newline gets one, so that appends always start on a clean line.
    /// The file is opened without following symlinks, must be the user's own regular file, and
    /// is made private (0600) if group or others could write it.
    pub fn open(path: &Path) -> io::Result<(Self, Vec<Record>, ReadReport)> {
        let mut records = Vec::new();
        let (journal, report) = Journal::open_into(path, &mut records)?;
        Ok((journal, records, report))
    }

    /// [`Journal::open`], handing the records read to `sink` a chunk at a time (see
    /// [`read_into`]).
    pub fn open_into(path: &Path, sink: &mut impl Sink) -> io::Result<(Self, ReadReport)> {
        let mut file = super::store::open_session_file(path, &mut private_options())?;
        file.seek(SeekFrom::Start(0))?;
        let size = file.metadata()?.len();
        let mut seqs = LastSeq { sink, last: 0 };
        let read = read_chunks(
            &mut file,
            Position::START,
            size,
            Cut::AtEnd,
            CHUNK,
            &mut seqs,
        )?;
        let (report, last_seq) = (read.report, seqs.last);
        let mut saved_len = report.good_len;
        if saved_len < read.end.offset {
            file.set_len(saved_len)?;
            file.sync_all()?;
        }
        if let Some(last) = saved_len.checked_sub(1) {
            let mut byte = [0];
            file.seek(SeekFrom::Start(last))?;
            file.read_exact(&mut byte)?;
            if byte != *b"\n" {
                file.write_all(b"\n")?;
                file.sync_data()?;
                saved_len += 1;
            }
        }
        Ok((
            Journal::over(path, file, saved_len, last_seq.checked_add(1)),
            report,
        ))
    }
}

/// A [`Sink`] that notes the highest seq passing through it.
struct LastSeq<'a, S> {
    sink: &'a mut S,
    last: u64,
}

impl<S: Sink> Sink for LastSeq<'_, S> {
    fn expect(&mut self, n: usize) {
        self.sink.expect(n);
    }

    fn take(&mut self, records: &mut Vec<Record>) {
        self.last = records.iter().map(|r| r.seq).fold(self.last, u64::max);
        self.sink.take(records);
    }
}

impl<F: JournalFile> Journal<F> {
    /// A journal over an open `file` that holds `saved_len` bytes of whole records, whose next
    /// record gets `next_seq`.
    pub fn over(path: &Path, file: F, saved_len: u64, next_seq: Option<u64>) -> Self {
        Journal {
            path: path.to_path_buf(),
            file,
            next_seq,
            saved_len,
            needs_cut: false,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends an event and waits until it is on disk. Returns the record as written. On an
    /// error nothing of the record stays in the journal (or will be cut before the next one).
    pub fn append(&mut self, at: Time, event: Event) -> io::Result<Record> {
        let mut written = self.append_group(at, vec![event])?;
        written
            .pop()
            .ok_or_else(|| io::Error::other("no record was written"))
    }

    /// Appends the events of one user intent as one group (the group is the first one's seq),
    /// in one write and one flush. Returns the records as written. On an error nothing of the
    /// group stays in the journal (or it is cut before the next append).
    pub fn append_group(&mut self, at: Time, events: Vec<Event>) -> io::Result<Vec<Record>> {
        if self.needs_cut {
            self.file.truncate(self.saved_len)?;
            self.needs_cut = false;
        }
        // A seq is never reused or wrapped: past u64::MAX the journal takes no more records.
        let group = self.next_seq.ok_or_else(exhausted)?;
        let last = u64::try_from(events.len().saturating_sub(1))
            .ok()
            .and_then(|n| group.checked_add(n))
            .ok_or_else(exhausted)?;
        let records: Vec<Record> = events
            .into_iter()
            .zip(group..=last)
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
        // One write call per group (short writes continue it): a crash leaves at most one torn
        // line at the end.
        let written = write_all(&mut self.file, lines.as_bytes()).and_then(|()| self.file.sync());
        if let Err(e) = written {
            // Bytes of this group may be in the file: cut them now, or before the next append.
            self.needs_cut = self.file.truncate(self.saved_len).is_err();
            return Err(e);
        }
        self.saved_len += lines.len() as u64;
        self.next_seq = last.checked_add(1);
        Ok(records)
    }
}

/// Why a journal past seq `u64::MAX` takes no more; callers name the journal's path, as for any
/// other failed append.
fn exhausted() -> io::Error {
    io::Error::other(format!(
        "the record numbers (seq) have reached their limit ({}): no more records can be \
             appended to this journal",
        u64::MAX
    ))
}

impl<F: JournalFile> Drop for Journal<F> {
    fn drop(&mut self) {
        // Last chance to cut a failed record's bytes; if this fails too, the next open does it.
        if self.needs_cut {
            let _ = self.file.truncate(self.saved_len);
        }
    }
}

/// [`Write::write_all`] over a [`JournalFile`].
fn write_all(file: &mut impl JournalFile, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        match file.write_some(buf) {
            Ok(0) => return Err(io::Error::from(io::ErrorKind::WriteZero)),
            Ok(n) => buf = buf.get(n..).unwrap_or_default(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Session files are opened read + append, created 0600, and never through a symlink: a link
/// planted in a session folder must not make the journal write somewhere else.
fn private_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    o
}

/// Makes a write past the file-size limit (`ulimit -f`) fail with EFBIG, like a full disk,
/// instead of killing the process with SIGXFSZ halfway through a record. Call once at start.
pub fn survive_file_size_limit() -> io::Result<()> {
    #[cfg(unix)]
    {
        let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught)?;
    }
    Ok(())
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
        // Like every reader: a symlink in the journal's place is refused, not followed.
        let meta = match super::store::session_file_metadata(&self.path) {
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
        let mut file = super::store::open_session_file(&self.path, OpenOptions::new().read(true))?;
        file.seek(SeekFrom::Start(self.offset))?;
        let from = Position {
            line: self.lines,
            offset: self.offset,
        };
        let size = meta.len().saturating_sub(self.offset);
        let mut records = Vec::new();
        // Only whole lines: a half-written last line waits for its newline.
        let read = read_chunks(
            &mut file,
            from,
            size,
            Cut::AtLastNewline,
            CHUNK,
            &mut records,
        )?;
        self.offset = read.end.offset;
        self.lines = read.end.line;
        self.skipped.extend(read.report.bad_lines);
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
    use crate::agenda::Agenda;
    use crate::session::clock::{Clock, FakeClock};

    fn clock() -> FakeClock {
        FakeClock::at("2022-03-14T13:30:00+01:00")
    }

    /// Issue 13.3: a journal whose last seq is u64::MAX was appended to with a repeated (or
    /// wrapped) seq; it now refuses to append, saying why, and the file is left as it was.
    #[test]
    fn a_journal_at_the_last_seq_refuses_to_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let line = format!(
            "{{\"seq\":{},\"at\":\"2022-03-14T13:30:00+01:00\",\"type\":\"meeting_started\"}}\n",
            u64::MAX
        );
        std::fs::write(&path, &line).unwrap();
        let (mut j, records, _) = Journal::open(&path).unwrap();
        assert_eq!(records[0].seq, u64::MAX);
        let err = j.append(clock().now(), Event::Paused).unwrap_err();
        assert!(err.to_string().contains("no more records"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), line);
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

    /// A journal parsed in parts reads as it does whole: the same records, damaged lines (with
    /// their numbers) and torn tail, wherever the parts are cut.
    #[test]
    fn a_journal_parsed_in_parts_reads_as_it_does_whole() {
        let c = clock();
        let mut bytes = Vec::new();
        for seq in 1..=40u64 {
            let record = Record {
                seq,
                at: c.now(),
                group: seq,
                event: Event::Note {
                    item: 0,
                    text: format!("note {seq}"),
                },
            };
            match seq % 7 {
                3 => bytes.extend_from_slice(b"garbage\n"),
                5 => bytes.extend_from_slice(b"\r\n"),
                _ => {}
            }
            bytes.extend_from_slice(record.to_line().as_bytes());
            bytes.push(b'\n');
        }
        let torn = br#"{"seq":41,"at":"2022-03-14T13:30:00+01:00","type":"no"#;
        for tail in [&b""[..], b"{\"seq\":41}", torn] {
            let mut journal = bytes.clone();
            journal.extend_from_slice(tail);
            let whole = parse_part(&journal, 3, 100, 0);
            assert!(whole.1.bad_lines.len() >= 5);
            for parts in 2..=9 {
                assert_eq!(parse_split(&journal, 3, 100, parts), whole, "{parts} parts");
            }
        }
    }

    /// A line of a journal for the chunked-read tests: a record (also with CRLF, and its repeat),
    /// a damaged, blank or non-UTF-8 line.
    fn test_line(kind: u8, seq: u64) -> Vec<u8> {
        let record = Record {
            seq,
            at: clock().now(),
            group: seq,
            event: Event::Note {
                item: 0,
                text: format!("note {seq}: æøå"),
            },
        };
        let mut line = match kind % 6 {
            0 | 1 => record.to_line().into_bytes(),
            2 => format!("{}\r", record.to_line()).into_bytes(),
            3 => b"garbage {\"seq\":".to_vec(),
            4 => b"  \r".to_vec(),
            _ => vec![b'{', 0xff, 0xfe, b'}'],
        };
        line.push(b'\n');
        line
    }

    /// Reads `bytes` as the journal from `from` in chunks of `chunk` bytes, into a list.
    fn read_in_chunks(
        bytes: &[u8],
        from: Position,
        cut: Cut,
        chunk: usize,
    ) -> (Vec<Record>, ChunkedRead) {
        let mut records = Vec::new();
        let read = read_chunks(
            &mut &bytes[..],
            from,
            bytes.len() as u64,
            cut,
            chunk,
            &mut records,
        )
        .unwrap();
        (records, read)
    }

    /// A chunked read gives what a whole parse gives (records, damaged lines with their numbers,
    /// torn tail, good length), and ends where the bytes end; cut at the last newline, what a
    /// whole parse of the lines before it gives, and ends after that newline.
    fn assert_chunked_reads_as_whole(bytes: &[u8], chunk: usize) {
        let from = Position {
            line: 3,
            offset: 100,
        };
        let (records, read) = read_in_chunks(bytes, from, Cut::AtEnd, chunk);
        assert_eq!(
            (records, read.report),
            parse(bytes, 3, 100),
            "chunk {chunk}"
        );
        assert_eq!(read.end.offset, 100 + bytes.len() as u64);
        let whole = memchr::memrchr(b'\n', bytes).map_or(0, |n| n + 1);
        let (records, read) = read_in_chunks(bytes, from, Cut::AtLastNewline, chunk);
        let (expected, mut report) = parse(&bytes[..whole], 3, 100);
        report.good_len = 100 + whole as u64;
        assert_eq!(records, expected, "chunk {chunk}");
        assert_eq!(read.report.bad_lines, report.bad_lines);
        assert_eq!(read.report.torn_tail, None);
        assert_eq!(
            read.end,
            Position {
                line: 3 + count_lines(&bytes[..whole]),
                offset: 100 + whole as u64
            }
        );
    }

    /// Every chunk size, so that a chunk ends at every byte: mid-line, between CR and LF, in a
    /// damaged or non-UTF-8 line, in the torn tail.
    #[test]
    fn a_journal_read_in_chunks_of_any_size_reads_as_it_does_whole() {
        let mut bytes: Vec<u8> = (0..12u8)
            .flat_map(|k| test_line(k, u64::from(k) + 1))
            .collect();
        let repeat = test_line(0, 12);
        bytes.extend_from_slice(&repeat);
        let torn = br#"{"seq":41,"at":"2022-03-14T13:30:00+01:00","type":"no"#;
        for tail in [&b""[..], b"{\"seq\":41}", torn, &repeat[..repeat.len() - 1]] {
            let mut journal = bytes.clone();
            journal.extend_from_slice(tail);
            let (_, report) = parse(&journal, 0, 0);
            assert!(report.bad_lines.len() >= 4, "{report:?}");
            for chunk in 1..=journal.len() + 1 {
                assert_chunked_reads_as_whole(&journal, chunk);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_journal_read_in_chunks_reads_as_it_does_whole(
            kinds in proptest::collection::vec(0u8..6, 0..60),
            seqs in proptest::collection::vec(1u64..40, 60),
            torn in 0usize..80,
            chunk in 1usize..400,
        ) {
            let mut bytes: Vec<u8> = kinds.iter().zip(&seqs).flat_map(|(&k, &seq)| test_line(k, seq)).collect();
            let last = test_line(0, 99);
            bytes.extend_from_slice(&last[..torn.min(last.len())]);
            assert_chunked_reads_as_whole(&bytes, chunk);
        }
    }

    /// A meeting folded as the journal is read in chunks is the meeting folded from the whole
    /// list, repeats and records out of order included.
    #[test]
    fn a_meeting_folded_chunk_by_chunk_is_the_one_folded_whole() {
        let agenda = Agenda {
            items: vec![crate::agenda::Item::default()],
            ..Default::default()
        };
        let seqs = [1, 2, 3, 3, 2, 5, 4, 6, 7, 7, 8, 9, 10];
        let bytes: Vec<u8> = seqs
            .iter()
            .enumerate()
            .flat_map(|(k, &seq)| test_line(k as u8 % 3, seq))
            .collect();
        let (records, _) = parse(&bytes, 0, 0);
        let whole = Meeting::replay_owned(agenda.clone(), records);
        assert!(!whole.duplicates.is_empty() && !whole.out_of_order.is_empty());
        for chunk in [1, 50, 200, 100_000] {
            let mut meeting = Meeting::new(agenda.clone());
            read_chunks(
                &mut &bytes[..],
                Position::START,
                bytes.len() as u64,
                Cut::AtEnd,
                chunk,
                &mut meeting,
            )
            .unwrap();
            assert_eq!(meeting, whole, "chunk {chunk}");
        }
    }

    /// Room is made from the first chunk's lines, a little over, and never past what the
    /// shortest lines could hold.
    #[test]
    fn the_records_to_come_are_estimated_from_the_first_chunk() {
        assert_eq!(estimate(100, 10_000, 1_000_000), 10_006);
        assert_eq!(estimate(0, 0, 0), 0);
        assert_eq!(estimate(100, 1_000, 1_000), 100);
        assert_eq!(
            estimate(1_000, 1_000, 1_000_000),
            1_000_000 / SHORTEST_LINE as usize
        );
    }

    /// A last record without its newline is whole: reopened, the journal gets its newline, and
    /// the next record starts on a line of its own.
    #[test]
    fn a_last_record_without_its_newline_gets_one_before_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let line = test_line(0, 1);
        std::fs::write(&path, &line[..line.len() - 1]).unwrap();
        let (mut j, records, report) = Journal::open(&path).unwrap();
        assert_eq!((records.len(), report.torn_tail), (1, None));
        assert_eq!(std::fs::read(&path).unwrap(), line);
        j.append(clock().now(), Event::Paused).unwrap();
        let (records, report) = read(&path).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(
            report,
            ReadReport {
                good_len: std::fs::metadata(&path).unwrap().len(),
                ..Default::default()
            }
        );
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
