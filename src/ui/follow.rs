//! `referent follow`: the projector view of a session that another process is running,
//! read-only, from its journal.
//!
//! [`Follower`] watches the disk (one stat of the journal per check when nothing changed) and
//! keeps the meeting folded from what it read; [`run`] is the terminal loop around it. The loop
//! wakes for a key, for the next second the timer shows, or for the next journal check, and
//! draws only when something on screen changed. Keys are read on their own thread (see
//! [`super::input`]), so a terminal that goes away cannot trap the loop.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::input::{Input, terminal_alive};
use super::keymap::{self, FollowAction};
use super::projector::{ProjectorView, next_change, time_key};
use super::terminal::Tui;
use super::theme::Theme;
use crate::agenda::Agenda;
use crate::i18n::{Key, Lang};
use crate::session::event::Record;
use crate::session::journal::{Tail, TailEvent};
use crate::session::state::Meeting;
use crate::session::store::{self, AGENDA_FILE, JOURNAL_FILE};
use crate::session::{Clock, SystemClock};
use crate::textutil::{clean, truncate};

/// How often the journal is looked at: a change shows within this (plus a frame).
pub const CHECK_EVERY: Duration = Duration::from_millis(250);

/// Checks of the sessions folder after it changed: a new session's folder appears before its
/// agenda and journal are written, so look again for a little while.
const RESCANS_AFTER_CHANGE: u8 = 8;

/// Which session to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// This folder (it may not exist yet).
    Session(PathBuf),
    /// The newest unfinished session under this sessions folder, once there is one.
    Newest { root: PathBuf },
}

/// What the follower has to tell beside the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    WaitingFor(String),
    WaitingForAny(PathBuf),
    Deleted,
    Replaced,
    Unreadable(String),
    AgendaUnreadable(String),
    /// Lines of the journal that did not parse: skipped, and said (line numbers).
    Damaged(Vec<usize>),
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        let t = |k: Key| k.get(lang);
        match self {
            Notice::WaitingFor(name) => format!("{} {name} …", t(Key::WaitingForSession)),
            Notice::WaitingForAny(root) => {
                format!("{} {} …", t(Key::WaitingForAnySession), root.display())
            }
            Notice::Deleted => t(Key::JournalDeleted).to_string(),
            Notice::Replaced => t(Key::JournalReplaced).to_string(),
            Notice::Unreadable(e) => format!("{}: {e}", t(Key::JournalUnreadable)),
            Notice::AgendaUnreadable(e) => format!("{}: {e}", t(Key::AgendaUnreadable)),
            Notice::Damaged(lines) => {
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                format!("{}: {}", t(Key::JournalDamaged), lines.join(", "))
            }
        }
    }
}

/// A session followed from the disk: finds it, reads its agenda, tails its journal.
#[derive(Debug)]
pub struct Follower {
    source: Source,
    dir: Option<PathBuf>,
    agenda: Option<Agenda>,
    /// Records read from the journal so far (the meeting keeps them, folded).
    read: usize,
    meeting: Option<Meeting>,
    tail: Option<Tail>,
    notice: Option<Notice>,
    /// The journal was replaced and is being read again: the notice stays for that batch.
    rereading: bool,
    root_mtime: Option<SystemTime>,
    rescans: u8,
}

impl Follower {
    pub fn new(source: Source) -> Self {
        Follower {
            source,
            dir: None,
            agenda: None,
            read: 0,
            meeting: None,
            tail: None,
            notice: None,
            rereading: false,
            root_mtime: None,
            rescans: 1,
        }
    }

    pub fn meeting(&self) -> Option<&Meeting> {
        self.meeting.as_ref()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The session folder, once found.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Looks at the disk once. Returns whether anything shown changed.
    pub fn check(&mut self) -> bool {
        let before = self.fingerprint();
        if self.dir.is_none() {
            self.find_dir();
        }
        if self.dir.is_some() && self.agenda.is_none() {
            self.load_agenda();
        }
        if self.agenda.is_some() {
            self.poll_journal();
        }
        before != self.fingerprint()
    }

    fn fingerprint(&self) -> (Option<u64>, usize, Option<Notice>, bool) {
        (
            self.meeting.as_ref().map(|m| m.last_seq),
            self.read,
            self.notice.clone(),
            self.meeting.is_some(),
        )
    }

    fn find_dir(&mut self) {
        match &self.source {
            Source::Session(dir) => {
                if dir.join(AGENDA_FILE).is_file() {
                    self.dir = Some(dir.clone());
                } else {
                    self.notice = Some(Notice::WaitingFor(store::session_name(dir)));
                }
            }
            Source::Newest { root } => {
                let root = root.clone();
                // One stat per check; the folders are listed only when the sessions dir changed.
                let mtime = std::fs::metadata(&root).and_then(|m| m.modified()).ok();
                if mtime != self.root_mtime {
                    self.root_mtime = mtime;
                    self.rescans = RESCANS_AFTER_CHANGE;
                }
                if self.rescans > 0 {
                    self.rescans -= 1;
                    self.dir = store::newest_unfinished(&root);
                }
                if self.dir.is_none() {
                    self.notice = Some(Notice::WaitingForAny(root));
                }
            }
        }
    }

    fn load_agenda(&mut self) {
        let Some(dir) = &self.dir else { return };
        // The folder must be the user's own and the agenda no symlink, as for every reader.
        match store::load_agenda(dir) {
            Ok(agenda) => {
                self.meeting = Some(Meeting::new(agenda.clone()));
                self.agenda = Some(agenda);
                self.tail = Some(Tail::new(&dir.join(JOURNAL_FILE)));
                self.notice = None;
            }
            Err(e) => self.notice = Some(Notice::AgendaUnreadable(e)),
        }
    }

    fn poll_journal(&mut self) {
        // A replaced journal is read again at once: at most two polls.
        for _ in 0..2 {
            let Some(tail) = &mut self.tail else { return };
            match tail.poll() {
                Ok(TailEvent::Idle) => {
                    if self.notice.is_none() {
                        self.note_damage();
                    }
                    return;
                }
                Ok(TailEvent::Records(records)) => {
                    self.take(records);
                    if self.rereading {
                        self.rereading = false;
                    } else {
                        self.notice = None;
                    }
                    self.note_damage();
                    return;
                }
                Ok(TailEvent::Missing) => {
                    self.notice = Some(if self.read == 0 {
                        let name = self.dir.as_deref().map(store::session_name);
                        Notice::WaitingFor(name.unwrap_or_default())
                    } else {
                        Notice::Deleted
                    });
                    return;
                }
                Ok(TailEvent::Replaced) => self.start_over(),
                Err(e) => {
                    self.notice = Some(Notice::Unreadable(e.to_string()));
                    return;
                }
            }
        }
    }

    /// Damaged lines the tail skipped are said, not dropped silently.
    fn note_damage(&mut self) {
        let Some(tail) = &self.tail else { return };
        if !tail.skipped().is_empty() {
            self.notice = Some(Notice::Damaged(
                tail.skipped().iter().map(|(line, _)| *line).collect(),
            ));
        }
    }

    /// The journal was replaced: forget what was read, read the agenda again if it can be.
    fn start_over(&mut self) {
        if let Some(dir) = &self.dir
            && let Ok(agenda) = store::load_agenda(dir)
        {
            self.agenda = Some(agenda);
        }
        self.read = 0;
        self.meeting = self.agenda.clone().map(Meeting::new);
        self.notice = Some(Notice::Replaced);
        self.rereading = true;
    }

    /// Folds new records in, the same way the live app does; the meeting keeps them.
    fn take(&mut self, records: Vec<Record>) {
        let Some(meeting) = &mut self.meeting else {
            return;
        };
        self.read += records.len();
        meeting.extend(records);
    }
}

/// The screen before there is a meeting to show: the follower's notice, centred.
struct WaitingView<'a> {
    text: &'a str,
    theme: &'a Theme,
}

impl Widget for &WaitingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.normal());
        let text = truncate(&clean(self.text), area.width as usize);
        let line = Line::styled(text, self.theme.warning()).centered();
        line.render(
            Rect::new(area.x, area.y + area.height / 2, area.width, 1),
            buf,
        );
    }
}

/// Follows `source` in the terminal until `q`, Ctrl-C, SIGTERM, SIGHUP or the terminal going away.
pub fn run(source: Source, theme: Theme, lang: Option<Lang>) -> anyhow::Result<()> {
    let mut follower = Follower::new(source);
    follower.check();
    let mut tui = Tui::enter().map_err(|e| {
        let lang = lang.unwrap_or_else(|| Lang::from_env(None, None));
        anyhow::anyhow!("{}: {e}", Key::CannotUseTerminal.get(lang))
    })?;
    let input = Input::spawn();
    match event_loop(&mut tui, &input, &mut follower, &theme, lang) {
        // A terminal that went away ends the follower; that is not an error to report.
        Err(_) if !terminal_alive() => Ok(()),
        result => result,
    }
}

/// What the loop should do after a key.
enum KeyAction {
    Quit,
    ToggleFull,
    Nothing,
}

fn key_action(ev: &TermEvent) -> KeyAction {
    let TermEvent::Key(key) = ev else {
        return KeyAction::Nothing;
    };
    if key.kind != KeyEventKind::Press {
        return KeyAction::Nothing;
    }
    match keymap::lookup(keymap::FOLLOW, key) {
        Some(FollowAction::Quit) => KeyAction::Quit,
        Some(FollowAction::ToggleFull) => KeyAction::ToggleFull,
        None => KeyAction::Nothing,
    }
}

fn event_loop(
    terminal: &mut Tui,
    input: &Input,
    follower: &mut Follower,
    theme: &Theme,
    lang: Option<Lang>,
) -> anyhow::Result<()> {
    let clock = SystemClock;
    let mut full = false;
    let mut dirty = true;
    let mut shown: Option<[i64; 5]> = None;
    let mut next_check = Instant::now() + CHECK_EVERY;
    loop {
        if terminal.stop_requested() {
            return Ok(());
        }
        let now = clock.now();
        let key = follower.meeting().map(|m| time_key(m, now));
        if dirty || key != shown {
            terminal.draw(|frame| {
                let area = frame.area();
                draw(frame.buffer_mut(), area, follower, now, theme, full, lang);
            })?;
            shown = key;
            dirty = false;
        }
        // Wait for a key, the next shown second or the next journal check; a couple of
        // milliseconds late rather than early, so the second has turned when we look.
        let until_check = next_check.saturating_duration_since(Instant::now());
        let until_tick = follower
            .meeting()
            .map(|m| next_change(m, clock.now()) + Duration::from_millis(2))
            .unwrap_or(until_check);
        let timeout = until_check.min(until_tick).max(Duration::from_millis(1));
        if let Some(ev) = input.next(timeout)? {
            match key_action(&ev) {
                KeyAction::Quit => return Ok(()),
                KeyAction::ToggleFull => {
                    full = !full;
                    dirty = true;
                }
                KeyAction::Nothing => dirty |= matches!(ev, TermEvent::Resize(..)),
            }
        }
        if Instant::now() >= next_check {
            dirty |= follower.check();
            next_check = Instant::now() + CHECK_EVERY;
        }
    }
}

fn draw(
    buf: &mut Buffer,
    area: Rect,
    follower: &Follower,
    now: crate::session::Time,
    theme: &Theme,
    full: bool,
    lang: Option<Lang>,
) {
    // Before a meeting is read (waiting for one), the locale's language.
    let lang = lang
        .or_else(|| follower.meeting().map(|m| m.agenda.language))
        .unwrap_or_else(|| Lang::from_env(None, None));
    let notice = follower.notice().map(|n| n.text(lang));
    match follower.meeting() {
        Some(meeting) => {
            let view = ProjectorView {
                meeting,
                now,
                theme,
                full,
                lang,
                notice: notice.as_deref(),
            };
            (&view).render(area, buf);
        }
        None => {
            let text = notice.unwrap_or_default();
            (&WaitingView { text: &text, theme }).render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;
    use crate::session::event::Event;
    use crate::session::journal::Journal;
    use crate::session::state::Phase;
    use crate::session::{FakeClock, Time};
    use chrono::NaiveDate;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use std::io::Write;

    fn agenda() -> Agenda {
        Agenda {
            title: "Centerledermøde".into(),
            items: ["Referat", "Budget", "Eventuelt"]
                .iter()
                .enumerate()
                .map(|(i, t)| Item {
                    number: (i + 1).to_string(),
                    title: t.to_string(),
                    minutes: Some(10),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn now() -> Time {
        FakeClock::at("2022-03-14T13:30:00+01:00").now()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, 14).unwrap()
    }

    /// The follower shows the speaker list as the chair keeps it: it reads the same journal.
    #[test]
    fn the_speaker_with_the_floor_shows_in_the_follower() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        let mut f = Follower::new(Source::Session(dir));
        j.append(now(), Event::MeetingStarted).unwrap();
        j.append(
            now(),
            Event::SpeakerAdded {
                item: 0,
                name: "Helle".into(),
                guest: false,
            },
        )
        .unwrap();
        j.append(now(), Event::FloorGiven { item: 0 }).unwrap();
        assert!(f.check());
        let later = now() + chrono::Duration::seconds(75);
        let m = f.meeting().unwrap();
        let (turn, spoken) = m.current_speaker(later).unwrap();
        assert_eq!((turn.name.as_str(), spoken.num_seconds()), ("Helle", 75));
        let view = ProjectorView {
            meeting: m,
            now: later,
            theme: &Theme::plain(),
            full: false,
            lang: Lang::Da,
            notice: None,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        (&view).render(buf.area, &mut buf);
        let shown: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(shown.contains("Taler: Helle"), "{shown}");
    }

    #[test]
    fn waits_for_a_named_session_then_follows_it() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("2022-03-14-centerledermoede");
        let mut f = Follower::new(Source::Session(dir.clone()));
        assert!(f.check());
        assert_eq!(
            f.notice(),
            Some(&Notice::WaitingFor("2022-03-14-centerledermoede".into()))
        );
        assert!(f.meeting().is_none());
        assert!(!f.check(), "nothing changed");

        let (made, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        assert_eq!(made, dir);
        j.append(now(), Event::MeetingStarted).unwrap();
        assert!(f.check());
        assert_eq!(f.notice(), None);
        let m = f.meeting().unwrap();
        assert_eq!(m.phase, Phase::Running);
        assert_eq!(m.last_seq, 1);

        j.append(now(), Event::ItemStarted { item: 1 }).unwrap();
        assert!(f.check());
        assert_eq!(f.meeting().unwrap().current, Some(1));
        assert!(!f.check());
    }

    #[test]
    fn a_torn_line_waits_for_its_newline() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        let mut f = Follower::new(Source::Session(dir.clone()));
        f.check();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(JOURNAL_FILE))
            .unwrap();
        file.write_all(br#"{"seq":2,"at":"2022-03-14T13:31:00+01:00","#)
            .unwrap();
        assert!(!f.check());
        file.write_all(b"\"type\":\"paused\"}\n").unwrap();
        assert!(f.check());
        assert_eq!(f.meeting().unwrap().phase, Phase::Paused);
    }

    /// The follower's reader dropped damaged lines silently; now it says which it skipped.
    #[test]
    fn a_damaged_line_is_skipped_and_said() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        let mut f = Follower::new(Source::Session(dir.clone()));
        f.check();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(JOURNAL_FILE))
            .unwrap();
        file.write_all(b"not a record\n").unwrap();
        j.append(now(), Event::ItemStarted { item: 1 }).unwrap();
        assert!(f.check());
        assert_eq!(f.meeting().unwrap().current, Some(1));
        assert_eq!(f.notice(), Some(&Notice::Damaged(vec![2])));
    }

    #[test]
    fn undo_replays_from_all_records() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        let mut f = Follower::new(Source::Session(dir));
        j.append(now(), Event::MeetingStarted).unwrap();
        j.append(now(), Event::ItemStarted { item: 2 }).unwrap();
        f.check();
        assert_eq!(f.meeting().unwrap().current, Some(2));
        j.append(now(), Event::Undo).unwrap();
        assert!(f.check());
        let m = f.meeting().unwrap();
        assert_eq!(m.current, Some(0));
        assert_eq!(m.last_seq, 3);
    }

    #[test]
    fn deleted_journal_keeps_the_last_state_and_a_replaced_one_is_read_again() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        j.append(now(), Event::ItemStarted { item: 1 }).unwrap();
        drop(j);
        let mut f = Follower::new(Source::Session(dir.clone()));
        f.check();
        let journal = dir.join(JOURNAL_FILE);
        std::fs::remove_file(&journal).unwrap();
        assert!(f.check());
        assert_eq!(f.notice(), Some(&Notice::Deleted));
        assert_eq!(f.meeting().unwrap().current, Some(1), "last state kept");

        // A new journal in its place: read from the start, and say so.
        let mut j = Journal::create(&journal).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        assert!(f.check());
        assert_eq!(f.notice(), Some(&Notice::Replaced));
        assert_eq!(f.meeting().unwrap().current, Some(0));
        assert_eq!(f.meeting().unwrap().last_seq, 1);
        j.append(now(), Event::Paused).unwrap();
        assert!(f.check());
        assert_eq!(f.notice(), None);
        assert_eq!(f.meeting().unwrap().phase, Phase::Paused);
    }

    /// A journal swapped for a symlink while it is followed was read as a replaced journal,
    /// from wherever the link pointed; now the link is refused, named, and the last state kept.
    #[cfg(unix)]
    #[test]
    fn a_journal_swapped_for_a_symlink_is_refused_and_named() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        j.append(now(), Event::ItemStarted { item: 1 }).unwrap();
        drop(j);
        let mut f = Follower::new(Source::Session(dir.clone()));
        f.check();
        let journal = dir.join(JOURNAL_FILE);
        let outside = root.path().join("outside.jsonl");
        std::fs::rename(&journal, &outside).unwrap();
        let mut other = std::fs::OpenOptions::new()
            .append(true)
            .open(&outside)
            .unwrap();
        writeln!(
            other,
            "{{\"seq\":3,\"at\":\"2022-03-14T13:31:00+01:00\",\"type\":\"paused\"}}"
        )
        .unwrap();
        std::os::unix::fs::symlink(&outside, &journal).unwrap();
        assert!(f.check());
        match f.notice() {
            Some(Notice::Unreadable(e)) => {
                assert!(e.contains("journal.jsonl is a symbolic link"), "{e}")
            }
            other => panic!("{other:?}"),
        }
        let m = f.meeting().unwrap();
        assert_eq!(
            (m.current, m.phase, m.last_seq),
            (Some(1), Phase::Running, 2)
        );
    }

    #[test]
    fn truncated_journal_counts_as_replaced() {
        let root = tempfile::tempdir().unwrap();
        let (dir, mut j) = store::create(root.path(), &agenda(), date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        j.append(now(), Event::Paused).unwrap();
        let mut f = Follower::new(Source::Session(dir.clone()));
        f.check();
        let journal = dir.join(JOURNAL_FILE);
        let first_line = std::fs::read_to_string(&journal)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        std::fs::write(&journal, format!("{first_line}\n")).unwrap();
        assert!(f.check());
        assert_eq!(f.notice(), Some(&Notice::Replaced));
        assert_eq!(f.meeting().unwrap().phase, Phase::Running);
    }

    #[test]
    fn newest_mode_waits_for_a_session_to_appear() {
        let root = tempfile::tempdir().unwrap();
        let sessions = root.path().join("sessions");
        let mut f = Follower::new(Source::Newest {
            root: sessions.clone(),
        });
        f.check();
        assert_eq!(f.notice(), Some(&Notice::WaitingForAny(sessions.clone())));
        // A finished session does not count.
        let (_, mut old) = store::create(&sessions, &agenda(), date()).unwrap();
        old.append(now(), Event::MeetingStarted).unwrap();
        old.append(now(), Event::MeetingEnded).unwrap();
        f.check();
        assert!(f.meeting().is_none());
        let mut next = agenda();
        next.title = "Lederforum".into();
        let (dir, mut j) = store::create(&sessions, &next, date()).unwrap();
        j.append(now(), Event::MeetingStarted).unwrap();
        assert!(f.check());
        assert_eq!(f.dir(), Some(dir.as_path()));
        assert_eq!(f.meeting().unwrap().agenda.title, "Lederforum");
    }

    #[test]
    fn a_broken_agenda_is_reported_with_its_file() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("s");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join(AGENDA_FILE), "{ not json").unwrap();
        let mut f = Follower::new(Source::Session(dir));
        f.check();
        match f.notice() {
            Some(Notice::AgendaUnreadable(e)) => assert!(e.contains("agenda.json"), "{e}"),
            other => panic!("{other:?}"),
        }
        assert!(
            f.notice()
                .unwrap()
                .text(Lang::Da)
                .starts_with("Kan ikke læse dagsordenen")
        );
    }

    #[test]
    fn keys() {
        use ratatui::crossterm::event::KeyEvent;
        let key = |code, m| TermEvent::Key(KeyEvent::new(code, m));
        assert!(matches!(
            key_action(&key(KeyCode::Char('q'), KeyModifiers::NONE)),
            KeyAction::Quit
        ));
        assert!(matches!(
            key_action(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            KeyAction::Quit
        ));
        assert!(matches!(
            key_action(&key(KeyCode::Char('f'), KeyModifiers::NONE)),
            KeyAction::ToggleFull
        ));
        assert!(matches!(
            key_action(&key(KeyCode::Char('c'), KeyModifiers::NONE)),
            KeyAction::Nothing
        ));
    }
}
