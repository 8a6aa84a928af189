//! The meeting screen's controller: keys in, events out. It holds only screen state (mode,
//! selection, scroll); the meeting itself is the recorder's fold of the journal.

use std::io;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::form::{Form, FormKey, Menu, MenuKey};
use super::keymap::{self, Action};
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::event::{Event, Outcome, Replan};
use crate::session::recorder::Recorder;
use crate::session::state::{EntryKind, Meeting, Phase, Status};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Live,
    Projector,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MenuKind {
    Outcome,
    Replan,
    Defer(Vec<usize>),
    Attendance(Vec<String>),
    Person(String),
    FollowUps,
    FollowUp(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    Decision,
    Note,
    Outcome(Outcome),
    Action,
    GoTo,
    Vote,
    Edit(u64),
    EditAction(u64),
    EditVote(u64),
    NewPerson,
    NewDue(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    Menu(Menu<MenuKind>),
    Form(Form<FormKind>),
    ConfirmQuit,
    /// Esc on a form with text: the form is kept until the answer.
    ConfirmDiscard(Form<FormKind>),
}

/// An open action point from an earlier meeting, as shown under `F`.
#[derive(Debug, Clone, PartialEq)]
pub struct PastAction {
    pub session: String,
    pub entry: u64,
    pub label: String,
}

pub struct App {
    pub rec: Recorder,
    pub lang: Lang,
    pub mode: Mode,
    pub view: View,
    /// Index into the current item's entries.
    pub selected: Option<usize>,
    /// Scroll of the case presentation, in lines.
    pub scroll: u16,
    /// One line of feedback: what was saved, what went wrong.
    pub status: Option<String>,
    /// Why the last write to the journal failed; shown until a write succeeds again.
    pub write_error: Option<String>,
    /// Set when the user confirmed `q`; the loop then ends.
    pub quit: bool,
    /// Whether the last key wrote any event (a failed form is reopened only if none).
    wrote_any: bool,
    /// A quit whose end of meeting could not be saved was held back once.
    quit_refused: bool,
    /// Open actions of earlier meetings in the series, for `F`.
    pub past_actions: Vec<PastAction>,
    /// The projector view's fuller layout.
    pub full: bool,
    /// Colours of the projector view.
    pub theme: super::theme::Theme,
}

impl App {
    pub fn new(rec: Recorder, lang: Lang) -> Self {
        App {
            rec,
            lang,
            mode: Mode::Normal,
            view: View::Live,
            selected: None,
            scroll: 0,
            status: None,
            write_error: None,
            quit: false,
            wrote_any: false,
            quit_refused: false,
            past_actions: vec![],
            full: false,
            theme: super::theme::Theme::from_env(super::theme::ThemeName::Dark),
        }
    }

    pub fn meeting(&self) -> &Meeting {
        self.rec.meeting()
    }

    fn t(&self, key: Key) -> &'static str {
        key.get(self.lang)
    }

    fn say(&mut self, key: Key) {
        self.status = Some(self.t(key).to_string());
    }

    /// Handles one key press: updates screen state and records what the key means.
    pub fn on_key(&mut self, key: KeyEvent, now: Time) -> io::Result<()> {
        let before = matches!(self.mode, Mode::Form(_)).then(|| self.mode.clone());
        let events = self.events_for_key(key, now);
        let written = self.record_all(events, now);
        if written.is_err() && self.quit && !self.quit_refused {
            // The end of the meeting was not saved: stay, so the banner is seen; asked again
            // while writes still fail, the screen closes with the session left resumable.
            self.quit = false;
            self.quit_refused = true;
        }
        if written.is_err()
            && !self.wrote_any
            && let Some(form) = before
        {
            // Nothing of the form was saved: keep it open with its text, to try again.
            self.mode = form;
        }
        written
    }

    /// Bracketed paste goes into the focused text field.
    pub fn on_paste(&mut self, text: &str) {
        if let Mode::Form(form) = &mut self.mode {
            form.paste(text);
        }
    }

    fn record_all(&mut self, events: Vec<Event>, now: Time) -> io::Result<()> {
        self.wrote_any = false;
        for event in events {
            let before = self.meeting().current;
            if let Err(e) = self.rec.record(event, now) {
                let message = format!("{}: {e}", self.t(Key::WriteFailed));
                self.status = Some(message.clone());
                self.write_error = Some(message);
                return Err(e);
            }
            self.write_error = None;
            self.wrote_any = true;
            if self.meeting().current != before {
                self.selected = None;
                self.scroll = 0;
            }
        }
        self.clamp_selection();
        Ok(())
    }

    fn clamp_selection(&mut self) {
        let n = self.current_entries_len();
        self.selected = match self.selected {
            Some(_) if n == 0 => None,
            Some(s) => Some(s.min(n - 1)),
            None => None,
        };
    }

    fn current_entries_len(&self) -> usize {
        self.meeting()
            .current
            .map(|c| self.meeting().items[c].entries.len())
            .unwrap_or(0)
    }

    /// Turns a key into the events it stands for, changing only screen state on the way.
    pub fn events_for_key(&mut self, key: KeyEvent, now: Time) -> Vec<Event> {
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match mode {
            Mode::Normal => self.normal_key(key, now),
            Mode::Help => {
                if !matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q')
                ) {
                    self.mode = Mode::Help;
                }
                vec![]
            }
            Mode::ConfirmQuit => match key.code {
                KeyCode::Char('y')
                | KeyCode::Char('Y')
                | KeyCode::Char('j')
                | KeyCode::Char('J') => {
                    self.quit = true;
                    match self.meeting().phase {
                        Phase::Running | Phase::Paused => vec![Event::MeetingEnded],
                        _ => vec![],
                    }
                }
                _ => vec![],
            },
            Mode::ConfirmDiscard(form) => {
                if !matches!(
                    key.code,
                    KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Char('j')
                ) {
                    self.mode = Mode::Form(form);
                }
                vec![]
            }
            Mode::Menu(mut menu) => match menu.on_key(key) {
                MenuKey::Picked(i) => self.menu_picked(menu, i, now),
                MenuKey::Closed => vec![],
                MenuKey::Stay => {
                    self.mode = Mode::Menu(menu);
                    vec![]
                }
            },
            Mode::Form(mut form) => match form.on_key(key) {
                FormKey::Save => self.form_saved(form, now),
                FormKey::Cancel if form.touched => {
                    self.mode = Mode::ConfirmDiscard(form);
                    vec![]
                }
                FormKey::Cancel => vec![],
                FormKey::Stay => {
                    self.mode = Mode::Form(form);
                    vec![]
                }
            },
        }
    }

    fn normal_key(&mut self, key: KeyEvent, now: Time) -> Vec<Event> {
        let Some(action) = keymap::action_for(key) else {
            return vec![];
        };
        self.status = None;
        let m = self.meeting();
        let phase = m.phase;
        let current = m.current;
        match action {
            Action::StartPause => match phase {
                Phase::NotStarted => vec![Event::MeetingStarted],
                Phase::Running => vec![Event::Paused],
                Phase::Paused => vec![Event::Resumed],
                Phase::Ended => vec![],
            },
            Action::Help => {
                self.mode = Mode::Help;
                vec![]
            }
            Action::ToggleView => {
                self.view = match self.view {
                    View::Live => View::Projector,
                    View::Projector => View::Live,
                };
                vec![]
            }
            Action::Quit => {
                self.mode = Mode::ConfirmQuit;
                vec![]
            }
            Action::SelectUp => self.move_selection(-1),
            Action::SelectDown => self.move_selection(1),
            Action::ScrollDown => {
                self.scroll = self.scroll.saturating_add(5);
                vec![]
            }
            Action::ScrollUp => {
                self.scroll = self.scroll.saturating_sub(5);
                vec![]
            }
            _ if phase == Phase::NotStarted => {
                self.say(Key::PressSpace);
                vec![]
            }
            _ if phase == Phase::Ended => vec![],
            Action::Replan => self.open_replan(),
            Action::Attendance => self.open_attendance(),
            Action::FollowUps => self.open_follow_ups(),
            Action::GoTo => self.open_form(FormKind::GoTo, Key::GoToPrompt, &[(Key::Number, "")]),
            Action::Undo => {
                if crate::session::state::undone_seqs(self.rec.records()).len()
                    >= self
                        .rec
                        .records()
                        .iter()
                        .filter(|r| r.event.is_undoable())
                        .count()
                {
                    self.say(Key::NothingToUndo);
                    vec![]
                } else {
                    self.say(Key::Undone);
                    vec![Event::Undo]
                }
            }
            _ => match current {
                Some(c) => self.item_action(action, c, now),
                None => {
                    self.say(Key::LastItem);
                    vec![]
                }
            },
        }
    }

    fn item_action(&mut self, action: Action, c: usize, _now: Time) -> Vec<Event> {
        let n_items = self.meeting().items.len();
        match action {
            Action::Next if c + 1 < n_items => vec![Event::ItemStarted { item: c + 1 }],
            Action::Next => {
                self.say(Key::LastItem);
                vec![]
            }
            Action::Previous if c > 0 => vec![Event::ItemStarted { item: c - 1 }],
            Action::Previous => {
                self.say(Key::FirstItem);
                vec![]
            }
            Action::Skip => vec![Event::ItemSkipped { item: c }],
            Action::Decision => {
                self.open_form(FormKind::Decision, Key::Decision, &[(Key::Decision, "")])
            }
            Action::Note => self.open_form(FormKind::Note, Key::Notes, &[(Key::Notes, "")]),
            Action::ActionPoint => self.open_form(
                FormKind::Action,
                Key::ActionPoints,
                &[(Key::What, ""), (Key::Who, ""), (Key::Due, "")],
            ),
            Action::Vote => self.open_form(
                FormKind::Vote,
                Key::Vote,
                &[
                    (Key::VoteFor, ""),
                    (Key::VoteAgainst, "0"),
                    (Key::VoteAbstain, "0"),
                ],
            ),
            Action::Outcome => {
                let options = Outcome::ALL
                    .iter()
                    .map(|o| o.label(self.lang).to_string())
                    .collect();
                self.mode = Mode::Menu(Menu::new(
                    MenuKind::Outcome,
                    self.t(Key::Recommendation),
                    options,
                ));
                vec![]
            }
            Action::Edit => self.edit_selected(c),
            Action::Delete => match self.selected_entry(c) {
                Some(id) => {
                    self.say(Key::Deleted);
                    vec![Event::EntryDeleted { entry: id }]
                }
                None => {
                    self.say(Key::NoEntry);
                    vec![]
                }
            },
            _ => vec![],
        }
    }

    fn move_selection(&mut self, delta: i32) -> Vec<Event> {
        let n = self.current_entries_len();
        if n == 0 {
            self.selected = None;
            return vec![];
        }
        let cur = self.selected.unwrap_or(n) as i32;
        self.selected = Some((cur + delta).clamp(0, n as i32 - 1) as usize);
        vec![]
    }

    /// The selected entry's id; with nothing selected, the newest entry.
    fn selected_entry(&mut self, c: usize) -> Option<u64> {
        let entries = &self.meeting().items[c].entries;
        let i = self.selected.unwrap_or(entries.len().checked_sub(1)?);
        let id = entries.get(i)?.id;
        self.selected = Some(i);
        Some(id)
    }

    fn open_form(&mut self, kind: FormKind, title: Key, fields: &[(Key, &str)]) -> Vec<Event> {
        let labelled: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (self.t(*k), *v)).collect();
        self.mode = Mode::Form(Form::new(kind, self.t(title), &labelled));
        vec![]
    }

    fn edit_selected(&mut self, c: usize) -> Vec<Event> {
        let Some(id) = self.selected_entry(c) else {
            self.say(Key::NoEntry);
            return vec![];
        };
        let Some(entry) = self.meeting().items[c]
            .entries
            .iter()
            .find(|e| e.id == id)
            .cloned()
        else {
            return vec![];
        };
        match &entry.kind {
            EntryKind::Decision { text }
            | EntryKind::Note { text }
            | EntryKind::Outcome { text, .. } => {
                self.open_form(FormKind::Edit(id), Key::Log, &[(Key::Wording, text)])
            }
            EntryKind::Inhabil { name } => {
                self.open_form(FormKind::Edit(id), Key::Inhabil, &[(Key::Name, name)])
            }
            EntryKind::Action { what, who, due } => {
                let due = due
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                self.open_form(
                    FormKind::EditAction(id),
                    Key::ActionPoints,
                    &[(Key::What, what), (Key::Who, who), (Key::Due, &due)],
                )
            }
            EntryKind::Vote {
                votes_for,
                against,
                abstain,
            } => {
                let (f, a, b) = (
                    votes_for.to_string(),
                    against.to_string(),
                    abstain.to_string(),
                );
                self.open_form(
                    FormKind::EditVote(id),
                    Key::Vote,
                    &[
                        (Key::VoteFor, &f),
                        (Key::VoteAgainst, &a),
                        (Key::VoteAbstain, &b),
                    ],
                )
            }
        }
    }

    fn open_replan(&mut self) -> Vec<Event> {
        let options = [Key::Compress, Key::PushBack, Key::DeferItem]
            .iter()
            .map(|k| self.t(*k).to_string())
            .collect();
        self.mode = Mode::Menu(Menu::new(
            MenuKind::Replan,
            self.t(Key::ChoosePlan),
            options,
        ));
        vec![]
    }

    fn open_attendance(&mut self) -> Vec<Event> {
        let people: Vec<String> = self
            .meeting()
            .people
            .iter()
            .map(|p| p.name.clone())
            .collect();
        let mut options: Vec<String> = self
            .meeting()
            .people
            .iter()
            .map(|p| {
                let state = if p.present {
                    Key::Present
                } else {
                    Key::AbsentWord
                };
                format!("{} ({})", p.name, self.t(state))
            })
            .collect();
        options.push(self.t(Key::AddLateArrival).to_string());
        self.mode = Mode::Menu(Menu::new(
            MenuKind::Attendance(people),
            self.t(Key::Attendance),
            options,
        ));
        vec![]
    }

    fn open_follow_ups(&mut self) -> Vec<Event> {
        if self.past_actions.is_empty() {
            self.say(Key::NoFollowUps);
            return vec![];
        }
        let options = self.past_actions.iter().map(|a| a.label.clone()).collect();
        self.mode = Mode::Menu(Menu::new(
            MenuKind::FollowUps,
            self.t(Key::FollowUps),
            options,
        ));
        vec![]
    }

    fn menu_picked(&mut self, menu: Menu<MenuKind>, i: usize, now: Time) -> Vec<Event> {
        let current = self.meeting().current;
        match menu.kind {
            MenuKind::Outcome => {
                let Some(&outcome) = Outcome::ALL.get(i) else {
                    return vec![];
                };
                let wording = outcome.wording(self.lang, "");
                self.open_form(
                    FormKind::Outcome(outcome),
                    Key::Recommendation,
                    &[(Key::Wording, &wording)],
                )
            }
            MenuKind::Replan => match i {
                0 => vec![Event::Replan {
                    plan: Replan::Compress,
                }],
                1 => vec![Event::Replan {
                    plan: Replan::PushBack,
                }],
                _ => self.open_defer(),
            },
            MenuKind::Defer(items) => match items.get(i) {
                Some(&item) => vec![Event::Replan {
                    plan: Replan::Defer { item },
                }],
                None => vec![],
            },
            MenuKind::Attendance(people) => match people.get(i) {
                Some(name) => {
                    let options = [
                        Key::MarkPresent,
                        Key::MarkAbsent,
                        Key::ArrivedNow,
                        Key::LeftNow,
                        Key::InhabilHere,
                    ]
                    .iter()
                    .map(|k| self.t(*k).to_string())
                    .collect();
                    self.mode = Mode::Menu(Menu::new(
                        MenuKind::Person(name.clone()),
                        name.clone(),
                        options,
                    ));
                    vec![]
                }
                None => {
                    self.open_form(FormKind::NewPerson, Key::AddLateArrival, &[(Key::Name, "")])
                }
            },
            MenuKind::Person(name) => match (i, current) {
                (0, _) => vec![Event::Attendance {
                    name,
                    present: true,
                }],
                (1, _) => vec![Event::Attendance {
                    name,
                    present: false,
                }],
                (2, _) => vec![Event::Movement {
                    name,
                    arrived: true,
                }],
                (3, _) => vec![Event::Movement {
                    name,
                    arrived: false,
                }],
                (4, Some(item)) => vec![Event::Inhabil { item, name }],
                _ => vec![],
            },
            MenuKind::FollowUps => {
                let options = vec![
                    self.t(Key::MarkDone).to_string(),
                    self.t(Key::NewDue).to_string(),
                ];
                let title = self
                    .past_actions
                    .get(i)
                    .map(|a| a.label.clone())
                    .unwrap_or_default();
                self.mode = Mode::Menu(Menu::new(MenuKind::FollowUp(i), title, options));
                vec![]
            }
            MenuKind::FollowUp(a) => {
                let Some(action) = self.past_actions.get(a).cloned() else {
                    return vec![];
                };
                if i == 0 {
                    vec![Event::ActionFollowUp {
                        session: action.session,
                        entry: action.entry,
                        status: crate::session::event::FollowUp::Done,
                        action: Some(action.label),
                    }]
                } else {
                    let _ = now;
                    self.open_form(FormKind::NewDue(a), Key::NewDue, &[(Key::Due, "")])
                }
            }
        }
    }

    fn open_defer(&mut self) -> Vec<Event> {
        let m = self.meeting();
        let pending: Vec<usize> = (0..m.items.len())
            .filter(|&i| m.items[i].status == Status::Pending)
            .collect();
        if pending.is_empty() {
            self.say(Key::NoPendingItems);
            return vec![];
        }
        let options = pending.iter().map(|&i| m.agenda.items[i].label()).collect();
        self.mode = Mode::Menu(Menu::new(
            MenuKind::Defer(pending),
            self.t(Key::ChooseItem),
            options,
        ));
        vec![]
    }

    /// Enter on a form: checks the input; on a problem the form stays open with a message.
    fn form_saved(&mut self, mut form: Form<FormKind>, now: Time) -> Vec<Event> {
        match self.form_events(&form, now) {
            Ok(events) => {
                if !events.is_empty() {
                    self.say(Key::Saved);
                }
                events
            }
            Err(message) => {
                form.error = Some(message);
                self.mode = Mode::Form(form);
                vec![]
            }
        }
    }

    fn form_events(&mut self, form: &Form<FormKind>, now: Time) -> Result<Vec<Event>, String> {
        let need_text = |s: String| -> Result<String, String> {
            if s.is_empty() {
                Err(Key::NeedText.get(self.lang).to_string())
            } else {
                Ok(s)
            }
        };
        let today = now.date_naive();
        let item = self.meeting().current.unwrap_or(0);
        Ok(match &form.kind {
            FormKind::Decision => vec![Event::Decision {
                item,
                text: need_text(form.value(0))?,
            }],
            FormKind::Note => vec![Event::Note {
                item,
                text: need_text(form.value(0))?,
            }],
            FormKind::Outcome(outcome) => vec![Event::Outcome {
                item,
                clause: None,
                outcome: *outcome,
                text: need_text(form.value(0))?,
            }],
            FormKind::Action => vec![Event::ActionAdded {
                item,
                what: need_text(form.value(0))?,
                who: form.value(1),
                due: optional_due(&form.value(2), today, self.lang)?,
            }],
            FormKind::Edit(id) => vec![Event::EntryEdited {
                entry: *id,
                text: need_text(form.value(0))?,
                who: None,
                due: None,
            }],
            FormKind::EditAction(id) => vec![Event::EntryEdited {
                entry: *id,
                text: need_text(form.value(0))?,
                who: Some(form.value(1)),
                due: optional_due(&form.value(2), today, self.lang)?,
            }],
            FormKind::Vote => vec![self.vote_event(form, item)?],
            FormKind::EditVote(id) => vec![
                self.vote_event(form, item)?,
                Event::EntryDeleted { entry: *id },
            ],
            FormKind::GoTo => vec![Event::ItemStarted {
                item: self.find_item(&form.value(0))?,
            }],
            FormKind::NewPerson => vec![Event::Movement {
                name: need_text(form.value(0))?,
                arrived: true,
            }],
            FormKind::NewDue(a) => {
                let due = parse_due(&form.value(0), today, self.lang)?;
                match self.past_actions.get(*a) {
                    Some(action) => vec![Event::ActionFollowUp {
                        session: action.session.clone(),
                        entry: action.entry,
                        status: crate::session::event::FollowUp::Moved { due },
                        action: Some(action.label.clone()),
                    }],
                    None => vec![],
                }
            }
        })
    }

    fn vote_event(&self, form: &Form<FormKind>, item: usize) -> Result<Event, String> {
        let n = |i: usize| -> Result<u32, String> {
            let v = form.value(i);
            if v.is_empty() {
                return Ok(0);
            }
            v.parse()
                .map_err(|_| Key::NeedNumber.get(self.lang).to_string())
        };
        Ok(Event::Vote {
            item,
            votes_for: n(0)?,
            against: n(1)?,
            abstain: n(2)?,
        })
    }

    /// An item by its number as written ("3", "3a", "12/22"), else by position.
    fn find_item(&self, number: &str) -> Result<usize, String> {
        let items = &self.meeting().agenda.items;
        let wanted = number.trim().trim_end_matches('.').to_lowercase();
        items
            .iter()
            .position(|i| i.number.to_lowercase() == wanted)
            .or_else(|| {
                wanted
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n >= 1 && n <= items.len())
                    .map(|n| n - 1)
            })
            .ok_or_else(|| format!("{}: {number}", self.t(Key::UnknownItem)))
    }
}

fn optional_due(text: &str, today: NaiveDate, lang: Lang) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_due(text, today, lang).map(Some)
    }
}

fn parse_due(text: &str, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    crate::session::due::parse_due_lang(text, today, lang)
}

/// Whether a key event is a press worth handling (not a release).
pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != ratatui::crossterm::event::KeyEventKind::Release
}

/// Ctrl-C in any mode asks to finish the meeting (in a form, it cancels the form first).
pub fn is_interrupt(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}
