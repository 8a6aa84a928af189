//! The meeting screen's controller: keys in, commands out. It holds only screen state (mode,
//! selection, scroll); which events a command writes, and whether it may, is
//! [`crate::session::decide`]'s business, and the meeting is the recorder's fold of the journal.

use std::io;

use ratatui::crossterm::event::KeyEvent;

use super::editor::Editor;
use super::field::Field;
use super::form::{Form, FormKey, Menu, MenuKey};
use super::keymap::{self, Action, Answer, SpeakerAction};
use super::live::entry_text;
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::decide::{self, Command, Refusal, decide, deferrable};
use crate::session::edits::{FactsText, ItemText};
use crate::session::event::{Event, Outcome, Replan};
use crate::session::recorder::Recorder;
use crate::session::state::{Entry, EntryKind, Meeting};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Live,
    Projector,
}

/// What a menu option stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// The whole recommendation (`None`) or one clause.
    Clause(Option<usize>),
    Outcome {
        clause: Option<usize>,
        outcome: Outcome,
    },
    Compress,
    PushBack,
    ChooseDefer,
    Defer(usize),
    Person(String),
    AddPerson,
    Mark {
        name: String,
        present: bool,
    },
    Move {
        name: String,
        arrived: bool,
    },
    Inhabil(String),
    PastAction(usize),
    FollowUpDone(usize),
    FollowUpMove(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    Decision,
    Note,
    Outcome {
        clause: Option<usize>,
        outcome: Outcome,
    },
    Action,
    GoTo,
    Vote,
    Edit(u64),
    EditAction(u64),
    EditVote(u64),
    NewPerson,
    NewDue(usize),
    /// `+`: a new item right after the current one.
    AddItem,
    /// `+` in the plan editor: a new item right after the one at this position (`None`: first).
    AddItemAt(Option<usize>),
    /// The plan editor's form for the item with this identity: number, title, case number,
    /// start, end, minutes, then one field per recommendation clause and per attachment.
    EditItem {
        id: usize,
        clauses: usize,
        attachments: usize,
    },
    /// The plan editor's form of the meeting's facts.
    EditFacts,
    /// `t`: a name for the current item's speaker list (Tab completes from the participants).
    Speaker,
    /// `l` in the speaker list: the current item's speaking-time limit.
    SpeakingLimit,
}

/// A yes/no question over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Quit,
    /// Esc on a form with text: the form is kept until the answer.
    Discard(Form<FormKind>),
    /// `x`: the entry is named before it goes.
    Delete {
        entry: u64,
        what: String,
    },
    /// `x` in the plan editor: the item is named before it goes.
    RemoveItem {
        item: usize,
        what: String,
    },
    /// Keys that arrived right after a field closed (an unbracketed paste): held, not run.
    Held(Vec<KeyEvent>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    Menu(Menu<Choice>),
    Form(Form<FormKind>),
    Confirm(Confirm),
    /// `L`: the current item's speaker list, with the selected waiting place.
    Speakers(usize),
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
    /// The selected log entry of the current item, by id; `None` means the newest.
    pub selected: Option<u64>,
    /// Scroll of the case presentation, in lines.
    pub scroll: u16,
    /// One line of feedback: what was saved, what went wrong.
    pub status: Option<String>,
    /// Why the last write to the journal failed; shown until a write succeeds again.
    pub write_error: Option<String>,
    /// Set when the user confirmed `q`; the loop then ends.
    pub quit: bool,
    /// A quit whose end of meeting could not be saved was held back once.
    quit_refused: bool,
    /// Open actions of earlier meetings in the series, for `F`.
    pub past_actions: Vec<PastAction>,
    /// The projector view's fuller layout.
    pub full: bool,
    /// Colours of the projector view.
    pub theme: super::theme::Theme,
    /// Whether the last key closed a field (or was held): keys queued right behind it are held.
    field_closed: bool,
    /// The plan editor, when it is open (over the live screen).
    pub editor: Option<Editor>,
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
            quit_refused: false,
            past_actions: vec![],
            full: false,
            theme: super::theme::Theme::from_env(super::theme::ThemeName::Dark),
            field_closed: false,
            editor: None,
        }
    }

    /// Opens the plan editor at the current item (or the meeting's facts).
    pub fn open_editor(&mut self) {
        let mut editor = Editor::default();
        editor.select(self.meeting().current);
        self.editor = Some(editor);
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

    /// The selected entry's position among `entries` (the current item's log).
    pub fn selected_index(&self, entries: &[Entry]) -> Option<usize> {
        self.selected
            .and_then(|id| entries.iter().position(|e| e.id == id))
    }

    /// Handles one key press: updates screen state and records what the key asks for.
    pub fn on_key(&mut self, key: KeyEvent, now: Time) -> io::Result<()> {
        self.on_typed_key(key, false, now)
    }

    /// Handles a key from the terminal; `queued` says it was already waiting when the key before
    /// it was read, as the keys of a paste are. Queued keys right after a field closed are held
    /// until the user says to run them: pasted lines never become commands unseen.
    pub fn on_typed_key(&mut self, key: KeyEvent, queued: bool, now: Time) -> io::Result<()> {
        if queued && self.field_closed {
            match &mut self.mode {
                Mode::Confirm(Confirm::Held(keys)) => keys.push(key),
                Mode::Normal
                | Mode::Help
                | Mode::Menu(_)
                | Mode::Form(_)
                | Mode::Confirm(_)
                | Mode::Speakers(_) => {
                    self.mode = Mode::Confirm(Confirm::Held(vec![key]));
                }
            }
            return Ok(());
        }
        let was_form = matches!(self.mode, Mode::Form(_));
        let result = self.key_in_mode(key, now);
        self.field_closed = was_form
            && !matches!(
                self.mode,
                Mode::Form(_) | Mode::Confirm(Confirm::Discard(_))
            );
        result
    }

    /// Bracketed paste goes into the focused text field, and never becomes commands.
    pub fn on_paste(&mut self, text: &str) {
        if let Mode::Form(form) = &mut self.mode {
            form.paste(text);
        }
    }

    fn key_in_mode(&mut self, key: KeyEvent, now: Time) -> io::Result<()> {
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match mode {
            Mode::Normal => self.normal_key(key, now),
            Mode::Help => {
                if keymap::lookup(keymap::HELP, &key).is_none() {
                    self.mode = Mode::Help;
                }
                Ok(())
            }
            Mode::Confirm(question) => match keymap::lookup(keymap::CONFIRM, &key) {
                Some(Answer::Yes) => self.confirmed(question, now),
                Some(Answer::No) => {
                    match question {
                        Confirm::Discard(form) => self.mode = Mode::Form(form),
                        Confirm::Held(_) => self.say(Key::HeldDropped),
                        Confirm::Quit | Confirm::Delete { .. } | Confirm::RemoveItem { .. } => {}
                    }
                    Ok(())
                }
                None => {
                    self.mode = Mode::Confirm(question);
                    Ok(())
                }
            },
            Mode::Menu(mut menu) => match menu.on_key(key) {
                MenuKey::Picked(choice) => self.picked(choice, now),
                MenuKey::Closed => Ok(()),
                MenuKey::Stay => {
                    self.mode = Mode::Menu(menu);
                    Ok(())
                }
            },
            Mode::Speakers(selected) => self.speakers_key(selected, key, now),
            Mode::Form(mut form)
                if form.kind == FormKind::Speaker
                    && key.code == ratatui::crossterm::event::KeyCode::Tab =>
            {
                self.complete_speaker(&mut form);
                self.mode = Mode::Form(form);
                Ok(())
            }
            Mode::Form(mut form) => match form.on_key(key) {
                FormKey::Save => self.form_saved(form, now),
                FormKey::Cancel if form.touched => {
                    self.mode = Mode::Confirm(Confirm::Discard(form));
                    Ok(())
                }
                FormKey::Cancel => Ok(()),
                FormKey::Stay => {
                    if form.kind == FormKind::Speaker {
                        form.hint = Some(self.speaker_hint(&form.value(0)));
                    }
                    self.mode = Mode::Form(form);
                    Ok(())
                }
            },
        }
    }

    // ----- the speaker list -----

    /// The names Tab would complete to, or that the name is saved as a guest.
    fn speaker_hint(&self, typed: &str) -> String {
        let names = decide::speaker_candidates(self.meeting(), typed);
        if names.is_empty() {
            self.t(Key::NoCandidates).to_string()
        } else {
            names.join(", ")
        }
    }

    /// Tab in the name field: the first participant that fits; Tab again, the next one.
    fn complete_speaker(&self, form: &mut Form<FormKind>) {
        let typed = form.value(0);
        let m = self.meeting();
        // Once completed, the text is a name: Tab goes on from it among what the prefix fits.
        let prefix = form
            .hint_prefix
            .clone()
            .filter(|_| m.people.iter().any(|p| p.name == typed))
            .unwrap_or_else(|| typed.clone());
        let names = decide::speaker_candidates(m, &prefix);
        let next = match names.iter().position(|n| *n == typed) {
            Some(i) => names.get(i + 1).or(names.first()),
            None => names.first(),
        };
        if let Some(name) = next.cloned() {
            if let Some((_, field)) = form.fields.get_mut(0) {
                *field = Field::new(&name);
            }
            form.touched = true;
            form.hint_prefix = Some(prefix.clone());
        }
        form.hint = Some(self.speaker_hint(&prefix));
    }

    fn open_speaker_form(&mut self) {
        self.open_form(FormKind::Speaker, Key::AddSpeaker, &[(Key::Name, "")]);
        let hint = self.speaker_hint("");
        if let Mode::Form(form) = &mut self.mode {
            form.hint = Some(hint);
        }
    }

    /// `T`: the floor to the next one; the status line says to whom.
    fn give_floor(&mut self, now: Time) -> io::Result<()> {
        match self.run_command(Command::GiveFloor, now)? {
            Ok(_) => {
                self.status = self
                    .meeting()
                    .current_speaker(now)
                    .map(|(t, _)| format!("{}: {}", self.t(Key::FloorTo), t.name));
            }
            Err(refusal) => self.status = Some(refusal.message(self.lang)),
        }
        Ok(())
    }

    fn waiting_len(&self) -> usize {
        let m = self.meeting();
        m.current
            .and_then(|c| m.items.get(c))
            .map_or(0, |s| s.speakers.waiting.len())
    }

    fn speakers_key(&mut self, selected: usize, key: KeyEvent, now: Time) -> io::Result<()> {
        let last = self.waiting_len().saturating_sub(1);
        let mut selected = selected.min(last);
        let result = match keymap::lookup(keymap::SPEAKERS, &key) {
            None => Ok(()),
            Some(SpeakerAction::Close) => return Ok(()),
            Some(SpeakerAction::Up) => {
                selected = selected.saturating_sub(1);
                Ok(())
            }
            Some(SpeakerAction::Down) => {
                selected = (selected + 1).min(last);
                Ok(())
            }
            Some(SpeakerAction::MoveUp) => {
                let r = self.run_command(
                    Command::MoveSpeaker {
                        index: selected,
                        up: true,
                    },
                    now,
                )?;
                if r.is_ok() {
                    selected = selected.saturating_sub(1);
                }
                self.refused(r)
            }
            Some(SpeakerAction::MoveDown) => {
                let r = self.run_command(
                    Command::MoveSpeaker {
                        index: selected,
                        up: false,
                    },
                    now,
                )?;
                if r.is_ok() {
                    selected += 1;
                }
                self.refused(r)
            }
            Some(SpeakerAction::Remove) => {
                self.run(Command::RemoveSpeaker { index: selected }, now)
            }
            Some(SpeakerAction::Clear) => {
                let r = self.run_command(Command::ClearSpeakers, now)?;
                if r.is_ok() {
                    self.say(Key::SpeakersCleared);
                }
                self.refused(r)
            }
            Some(SpeakerAction::GiveFloor) => self.give_floor(now),
            Some(SpeakerAction::Add) => {
                self.open_speaker_form();
                return Ok(());
            }
            Some(SpeakerAction::Limit) => {
                let m = self.meeting();
                let current = m
                    .current
                    .and_then(|c| m.items.get(c))
                    .and_then(|s| s.speakers.limit)
                    .map(limit_text)
                    .unwrap_or_default();
                self.open_form(
                    FormKind::SpeakingLimit,
                    Key::SpeakingTime,
                    &[(Key::SpeakingLimitPrompt, &current)],
                );
                return Ok(());
            }
        };
        if matches!(self.mode, Mode::Normal) {
            self.mode = Mode::Speakers(selected.min(self.waiting_len().saturating_sub(1)));
        }
        result
    }

    /// A refusal goes to the status line.
    fn refused(&mut self, r: Result<bool, Refusal>) -> io::Result<()> {
        if let Err(refusal) = r {
            self.status = Some(refusal.message(self.lang));
        }
        Ok(())
    }

    fn confirmed(&mut self, question: Confirm, now: Time) -> io::Result<()> {
        match question {
            Confirm::Quit => {
                self.quit = true;
                let written = self.run(Command::Finish, now);
                if written.is_err() && !self.quit_refused {
                    // The end of the meeting was not saved: stay, so the banner is seen; asked
                    // again while writes still fail, the screen closes with the session left
                    // resumable.
                    self.quit = false;
                    self.quit_refused = true;
                }
                written
            }
            Confirm::Discard(_) => Ok(()),
            Confirm::Delete { entry, .. } => {
                self.run(Command::Delete { entry }, now)?;
                self.selected = None;
                Ok(())
            }
            Confirm::RemoveItem { item, .. } => {
                self.run(Command::RemoveItem { item }, now)?;
                let items = self.meeting().items.len();
                if let Some(e) = &mut self.editor {
                    e.step(0, items);
                }
                Ok(())
            }
            Confirm::Held(keys) => {
                for key in keys {
                    self.key_in_mode(key, now)?;
                }
                Ok(())
            }
        }
    }

    /// Decides `command` and records its events as one group; a refusal is shown instead.
    /// Returns whether anything was recorded.
    fn run_command(&mut self, command: Command, now: Time) -> io::Result<Result<bool, Refusal>> {
        let events = match decide(self.meeting(), command, now) {
            Ok(events) => events,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let wrote = !events.is_empty();
        let before = self.meeting().current;
        let new_entry = events.iter().any(adds_entry);
        // A group is written whole or not at all (the journal cuts a failed write back).
        if let Err(e) = self.rec.record_group(events, now) {
            let message = format!("{}: {e}", self.t(Key::WriteFailed));
            self.status = Some(message.clone());
            self.write_error = Some(message);
            return Err(e);
        }
        self.write_error = None;
        if self.meeting().current != before {
            self.scroll = 0;
        }
        // The selection follows new entries, and never points at one that is gone.
        if new_entry || self.meeting().current != before || !self.selection_exists() {
            self.selected = None;
        }
        Ok(Ok(wrote))
    }

    /// Runs a command from a key: a refusal goes to the status line.
    fn run(&mut self, command: Command, now: Time) -> io::Result<()> {
        if let Err(refusal) = self.run_command(command, now)? {
            self.status = Some(refusal.message(self.lang));
        }
        Ok(())
    }

    fn selection_exists(&self) -> bool {
        let Some(id) = self.selected else { return true };
        self.current_entries().iter().any(|e| e.id == id)
    }

    fn current_entries(&self) -> &[Entry] {
        let m = self.meeting();
        m.current
            .and_then(|c| m.items.get(c))
            .map_or(&[], |i| i.entries.as_slice())
    }

    fn normal_key(&mut self, key: KeyEvent, now: Time) -> io::Result<()> {
        if self.editor.is_some() {
            return self.editor_key(key, now);
        }
        let Some(action) = keymap::action_for(key) else {
            return Ok(());
        };
        self.status = None;
        self.act(action, now)
    }

    /// What a key of the meeting screen asks for.
    fn act(&mut self, action: Action, now: Time) -> io::Result<()> {
        let open = |app: &mut Self, kind, title, fields: &[(Key, &str)]| {
            app.open_form(kind, title, fields);
            Ok(())
        };
        match action {
            Action::StartPause => self.run(Command::StartPause, now),
            Action::Help => {
                self.mode = Mode::Help;
                Ok(())
            }
            Action::ToggleView => {
                self.view = match self.view {
                    View::Live => View::Projector,
                    View::Projector => View::Live,
                };
                Ok(())
            }
            Action::Quit => {
                self.mode = Mode::Confirm(Confirm::Quit);
                Ok(())
            }
            Action::SelectUp => self.move_selection(-1),
            Action::SelectDown => self.move_selection(1),
            Action::ClearSelection => {
                self.selected = None;
                Ok(())
            }
            Action::ScrollDown => {
                self.scroll = self.scroll.saturating_add(5);
                Ok(())
            }
            Action::ScrollUp => {
                self.scroll = self.scroll.saturating_sub(5);
                Ok(())
            }
            Action::Next => self.run(Command::Next, now),
            Action::Previous => self.run(Command::Previous, now),
            Action::Skip => self.run(Command::Skip, now),
            Action::Undo => self.undo(now),
            Action::Replan => self.open_replan(),
            Action::Attendance => self.open_attendance(),
            Action::FollowUps => self.open_follow_ups(),
            Action::Editor => {
                self.open_editor();
                Ok(())
            }
            Action::AddSpeaker => {
                self.open_speaker_form();
                Ok(())
            }
            Action::GiveFloor => self.give_floor(now),
            Action::SpeakerList => {
                if self.needs_item() {
                    self.mode = Mode::Speakers(0);
                }
                Ok(())
            }
            Action::AddItem => open(
                self,
                FormKind::AddItem,
                Key::NewItem,
                &[(Key::TitleWord, ""), (Key::MinutesWord, "")],
            ),
            Action::GoTo => open(self, FormKind::GoTo, Key::GoToPrompt, &[(Key::Number, "")]),
            Action::Decision => open(
                self,
                FormKind::Decision,
                Key::Decision,
                &[(Key::Decision, "")],
            ),
            Action::Note => open(self, FormKind::Note, Key::Notes, &[(Key::Notes, "")]),
            Action::ActionPoint => open(
                self,
                FormKind::Action,
                Key::ActionPoints,
                &[(Key::What, ""), (Key::Who, ""), (Key::Due, "")],
            ),
            Action::Vote => open(
                self,
                FormKind::Vote,
                Key::Vote,
                &[
                    (Key::VoteFor, ""),
                    (Key::VoteAgainst, "0"),
                    (Key::VoteAbstain, "0"),
                ],
            ),
            Action::Outcome => self.open_outcome(),
            Action::Edit => self.edit_selected(),
            Action::Delete => self.ask_delete(),
        }
    }

    /// Forms and menus that record on the current item open only when `decide` would take
    /// what they write, so the user is told at once rather than after typing.
    fn needs_item(&mut self) -> bool {
        match decide::current(self.meeting()) {
            Ok(_) => true,
            Err(refusal) => {
                self.status = Some(refusal.message(self.lang));
                false
            }
        }
    }

    fn undo(&mut self, now: Time) -> io::Result<()> {
        let what: Vec<String> = self
            .meeting()
            .undo_preview()
            .iter()
            .filter_map(|r| self.describe(r.seq))
            .collect();
        if self.run_command(Command::Undo, now)?.is_ok() {
            let mut text = self.t(Key::Undone).to_string();
            if !what.is_empty() {
                text = format!("{text}: {}", what.join("; "));
            }
            self.status = Some(text);
        } else {
            self.say(Key::NothingToUndo);
        }
        Ok(())
    }

    /// The log line of entry `id`, if it is one.
    fn describe(&self, id: u64) -> Option<String> {
        self.meeting()
            .entry(id)
            .map(|(_, e)| entry_text(e, self.lang))
    }

    fn move_selection(&mut self, delta: i32) -> io::Result<()> {
        let entries = self.current_entries();
        let n = entries.len();
        if n == 0 {
            self.selected = None;
            return Ok(());
        }
        let cur = self.selected_index(entries).unwrap_or(n) as i32;
        let i = (cur + delta).clamp(0, n as i32 - 1) as usize;
        self.selected = entries.get(i).map(|e| e.id);
        Ok(())
    }

    /// The selected entry; with nothing selected, the newest.
    fn selected_entry(&self) -> Option<Entry> {
        let entries = self.current_entries();
        match self.selected {
            Some(id) => entries.iter().find(|e| e.id == id),
            None => entries.last(),
        }
        .cloned()
    }

    fn ask_delete(&mut self) -> io::Result<()> {
        if !self.needs_item() {
            return Ok(());
        }
        match self.selected_entry() {
            Some(e) => {
                self.selected = Some(e.id);
                self.mode = Mode::Confirm(Confirm::Delete {
                    entry: e.id,
                    what: entry_text(&e, self.lang),
                });
            }
            None => self.say(Key::NoEntry),
        }
        Ok(())
    }

    fn open_form(&mut self, kind: FormKind, title: Key, fields: &[(Key, &str)]) {
        let needs_item = !matches!(
            kind,
            FormKind::NewPerson | FormKind::NewDue(_) | FormKind::GoTo
        );
        if needs_item && !self.needs_item() {
            return;
        }
        let labelled: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (self.t(*k), *v)).collect();
        self.mode = Mode::Form(Form::new(kind, self.t(title), &labelled));
    }

    fn open_menu(&mut self, title: impl Into<String>, options: Vec<(String, Choice)>) {
        self.mode = Mode::Menu(Menu::new(title, options));
    }

    fn edit_selected(&mut self) -> io::Result<()> {
        if !self.needs_item() {
            return Ok(());
        }
        let Some(entry) = self.selected_entry() else {
            self.say(Key::NoEntry);
            return Ok(());
        };
        let id = entry.id;
        self.selected = Some(id);
        match &entry.kind {
            // Each editor is titled and labelled as the form that wrote the entry.
            EntryKind::Decision { text } => {
                self.open_form(FormKind::Edit(id), Key::Decision, &[(Key::Decision, text)]);
            }
            EntryKind::Note { text } => {
                self.open_form(FormKind::Edit(id), Key::Notes, &[(Key::Notes, text)]);
            }
            EntryKind::Outcome { text, .. } => {
                self.open_form(
                    FormKind::Edit(id),
                    Key::Recommendation,
                    &[(Key::Wording, text)],
                );
            }
            EntryKind::Inhabil { name } => {
                self.open_form(FormKind::Edit(id), Key::Inhabil, &[(Key::Name, name)]);
            }
            EntryKind::Action { what, who, due } => {
                let due = due
                    .map(|d| crate::session::due::format_date(d, self.lang))
                    .unwrap_or_default();
                self.open_form(
                    FormKind::EditAction(id),
                    Key::ActionPoints,
                    &[(Key::What, what), (Key::Who, who), (Key::Due, &due)],
                );
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
                );
            }
        }
        Ok(())
    }

    /// `r`: with several clauses, first which ones; then the outcome.
    fn open_outcome(&mut self) -> io::Result<()> {
        if !self.needs_item() {
            return Ok(());
        }
        let m = self.meeting();
        let clauses = m
            .current
            .and_then(|c| m.agenda.items.get(c))
            .map(|i| i.recommendation.clone())
            .unwrap_or_default();
        if clauses.len() > 1 {
            let mut options = vec![(self.t(Key::AllClauses).to_string(), Choice::Clause(None))];
            options.extend(clauses.iter().enumerate().map(|(k, text)| {
                (
                    format!("{} {}: {text}", self.t(Key::Clause), k + 1),
                    Choice::Clause(Some(k)),
                )
            }));
            self.open_menu(self.t(Key::ChooseClause), options);
        } else {
            self.open_outcome_menu(None);
        }
        Ok(())
    }

    fn open_outcome_menu(&mut self, clause: Option<usize>) {
        let options = Outcome::ALL
            .iter()
            .map(|&outcome| {
                (
                    outcome.label(self.lang).to_string(),
                    Choice::Outcome { clause, outcome },
                )
            })
            .collect();
        self.open_menu(self.t(Key::Recommendation), options);
    }

    fn open_replan(&mut self) -> io::Result<()> {
        if let Err(refusal) = decide::running(self.meeting()) {
            self.status = Some(refusal.message(self.lang));
            return Ok(());
        }
        let options = vec![
            (self.t(Key::Compress).to_string(), Choice::Compress),
            (self.t(Key::PushBack).to_string(), Choice::PushBack),
            (self.t(Key::DeferItem).to_string(), Choice::ChooseDefer),
        ];
        self.open_menu(self.t(Key::ChoosePlan), options);
        Ok(())
    }

    fn open_attendance(&mut self) -> io::Result<()> {
        let mut options: Vec<(String, Choice)> = self
            .meeting()
            .people
            .iter()
            .map(|p| {
                let state = if p.present {
                    Key::Present
                } else {
                    Key::AbsentWord
                };
                (
                    format!("{} ({})", p.name, self.t(state)),
                    Choice::Person(p.name.clone()),
                )
            })
            .collect();
        options.push((self.t(Key::AddLateArrival).to_string(), Choice::AddPerson));
        self.open_menu(self.t(Key::Attendance), options);
        Ok(())
    }

    fn open_follow_ups(&mut self) -> io::Result<()> {
        if self.past_actions.is_empty() {
            self.say(Key::NoFollowUps);
            return Ok(());
        }
        let options = self
            .past_actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.label.clone(), Choice::PastAction(i)))
            .collect();
        self.open_menu(self.t(Key::FollowUps), options);
        Ok(())
    }

    fn picked(&mut self, choice: Choice, now: Time) -> io::Result<()> {
        match choice {
            Choice::Clause(clause) => self.open_outcome_menu(clause),
            Choice::Outcome { clause, outcome } => {
                let wording = outcome.wording(self.lang, "");
                self.open_form(
                    FormKind::Outcome { clause, outcome },
                    Key::Recommendation,
                    &[(Key::Wording, &wording)],
                );
            }
            Choice::Compress => return self.replan(Replan::Compress, now),
            Choice::PushBack => return self.replan(Replan::PushBack, now),
            Choice::ChooseDefer => self.open_defer(),
            Choice::Defer(item) => return self.replan(Replan::Defer { item }, now),
            Choice::Person(name) => {
                let mut options = vec![
                    (
                        self.t(Key::MarkPresent).to_string(),
                        Choice::Mark {
                            name: name.clone(),
                            present: true,
                        },
                    ),
                    (
                        self.t(Key::MarkAbsent).to_string(),
                        Choice::Mark {
                            name: name.clone(),
                            present: false,
                        },
                    ),
                ];
                if decide::running(self.meeting()).is_ok() {
                    options.push((
                        self.t(Key::ArrivedNow).to_string(),
                        Choice::Move {
                            name: name.clone(),
                            arrived: true,
                        },
                    ));
                    options.push((
                        self.t(Key::LeftNow).to_string(),
                        Choice::Move {
                            name: name.clone(),
                            arrived: false,
                        },
                    ));
                }
                if decide::current(self.meeting()).is_ok() {
                    options.push((
                        self.t(Key::InhabilHere).to_string(),
                        Choice::Inhabil(name.clone()),
                    ));
                }
                self.open_menu(name, options);
            }
            Choice::AddPerson => {
                self.open_form(FormKind::NewPerson, Key::AddLateArrival, &[(Key::Name, "")]);
            }
            Choice::Mark { name, present } => {
                return self.run(Command::Attendance { name, present }, now);
            }
            Choice::Move { name, arrived } => {
                return self.run(Command::Movement { name, arrived }, now);
            }
            Choice::Inhabil(name) => return self.run(Command::Inhabil { name }, now),
            Choice::PastAction(i) => {
                let title = self
                    .past_actions
                    .get(i)
                    .map(|a| a.label.clone())
                    .unwrap_or_default();
                let options = vec![
                    (self.t(Key::MarkDone).to_string(), Choice::FollowUpDone(i)),
                    (self.t(Key::NewDue).to_string(), Choice::FollowUpMove(i)),
                ];
                self.open_menu(title, options);
            }
            Choice::FollowUpDone(i) => {
                if let Some(command) = self.follow_up(i, None) {
                    return self.run(command, now);
                }
            }
            Choice::FollowUpMove(i) => {
                self.open_form(FormKind::NewDue(i), Key::NewDue, &[(Key::Due, "")]);
            }
        }
        Ok(())
    }

    fn follow_up(&self, i: usize, moved_to: Option<String>) -> Option<Command> {
        let action = self.past_actions.get(i)?;
        Some(Command::FollowUp {
            session: action.session.clone(),
            entry: action.entry,
            action: action.label.clone(),
            moved_to,
        })
    }

    /// A replan, then the new projected end in the status line.
    fn replan(&mut self, plan: Replan, now: Time) -> io::Result<()> {
        match self.run_command(Command::Replan(plan), now)? {
            Ok(_) => {
                let end = self.meeting().projected_end(now);
                self.status = end
                    .map(|end| format!("{}: {}", self.t(Key::NewEnd), crate::minutes::hhmm(&end)));
            }
            Err(refusal) => self.status = Some(refusal.message(self.lang)),
        }
        Ok(())
    }

    fn open_defer(&mut self) {
        let m = self.meeting();
        let pending = deferrable(m);
        if pending.is_empty() {
            self.say(Key::NoPendingItems);
            return;
        }
        let options = pending
            .iter()
            .map(|&i| (m.agenda.items[i].label(), Choice::Defer(i)))
            .collect();
        self.open_menu(self.t(Key::ChooseItem), options);
    }

    /// A key in the plan editor: its own table, and the meeting screen's keys it lets through.
    fn editor_key(&mut self, key: KeyEvent, now: Time) -> io::Result<()> {
        use keymap::EditorAction as E;
        let Some(action) = keymap::lookup(keymap::EDITOR, &key) else {
            return Ok(());
        };
        self.status = None;
        let items = self.meeting().items.len();
        // An undo or a removal may have left the selection past the last item.
        if let Some(e) = &mut self.editor {
            e.step(0, items);
        }
        let row = self.editor.map(|e| e.item());
        let Some(selected) = row else {
            return Ok(());
        };
        match action {
            E::Up | E::Down => {
                if let Some(e) = &mut self.editor {
                    e.step(if action == E::Up { -1 } else { 1 }, items);
                }
                Ok(())
            }
            E::Close => {
                self.editor = None;
                Ok(())
            }
            E::Edit => {
                match selected {
                    None => self.open_facts_form(),
                    Some(pos) => self.open_item_form(pos, now),
                }
                Ok(())
            }
            E::Add => {
                let title = self.t(Key::NewItem);
                let fields = [(self.t(Key::TitleWord), ""), (self.t(Key::MinutesWord), "")];
                self.mode = Mode::Form(Form::new(FormKind::AddItemAt(selected), title, &fields));
                Ok(())
            }
            E::Remove => {
                match selected.and_then(|p| self.meeting().agenda.items.get(p)) {
                    Some(item) => {
                        self.mode = Mode::Confirm(Confirm::RemoveItem {
                            item: selected.unwrap_or_default(),
                            what: item.label(),
                        });
                    }
                    None => self.say(Key::NotPossibleNow),
                }
                Ok(())
            }
            E::MoveUp | E::MoveDown => {
                let up = action == E::MoveUp;
                let Some(item) = selected else {
                    self.say(Key::NotPossibleNow);
                    return Ok(());
                };
                match self.run_command(Command::MoveItem { item, up }, now)? {
                    Ok(_) => {
                        if let Some(e) = &mut self.editor {
                            e.step(if up { -1 } else { 1 }, items);
                        }
                    }
                    Err(refusal) => self.status = Some(refusal.message(self.lang)),
                }
                Ok(())
            }
            E::Meeting(action) => {
                let unstarted = self.meeting().phase == crate::session::state::Phase::NotStarted;
                self.act(action, now)?;
                // Space starts the meeting: the live screen takes over.
                if unstarted && self.meeting().phase != crate::session::state::Phase::NotStarted {
                    self.editor = None;
                }
                Ok(())
            }
        }
    }

    fn open_facts_form(&mut self) {
        let f = FactsText::of(&self.meeting().agenda.facts());
        let names = self.t(Key::NamesHint);
        let participants = format!("{} ({names})", self.t(Key::Participants));
        let absent = format!("{} ({names})", self.t(Key::Absent));
        let fields = [
            (self.t(Key::TitleWord), f.title.as_str()),
            (self.t(Key::Date), &f.date),
            (self.t(Key::MeetingStart), &f.start),
            (self.t(Key::MeetingEnd), &f.end),
            (self.t(Key::Place), &f.place),
            (self.t(Key::Chair), &f.chair),
            (self.t(Key::Referent), &f.referent),
            (participants.as_str(), &f.participants),
            (absent.as_str(), &f.absent),
        ];
        self.mode = Mode::Form(Form::new(
            FormKind::EditFacts,
            self.t(Key::EditMeetingTitle),
            &fields,
        ));
    }

    /// The item's form, when `decide` would take an edit of it (a treated item is refused now,
    /// with the reason, not after typing).
    fn open_item_form(&mut self, pos: usize, now: Time) {
        let m = self.meeting();
        let (Some(item), Some(id)) = (m.agenda.items.get(pos), m.id_of(pos)) else {
            return;
        };
        let mut text = ItemText::of(item);
        text.speaking_time = m.items[pos]
            .speakers
            .limit
            .map(limit_text)
            .unwrap_or_default();
        let probe = Command::EditItemText {
            item: pos,
            text: text.clone(),
        };
        if let Err(refusal) = decide(m, probe, now) {
            self.status = Some(refusal.message(self.lang));
            return;
        }
        let (clause, attachment) = (self.t(Key::Recommendation), self.t(Key::Attachments));
        let mut labels: Vec<(String, String)> = vec![
            (self.t(Key::Number).into(), text.number.clone()),
            (self.t(Key::TitleWord).into(), text.title.clone()),
            (self.t(Key::CaseNumber).into(), text.case_number.clone()),
            (self.t(Key::MeetingStart).into(), text.start.clone()),
            (self.t(Key::MeetingEnd).into(), text.end.clone()),
            (self.t(Key::MinutesWord).into(), text.minutes.clone()),
            (self.t(Key::SpeakingTime).into(), text.speaking_time.clone()),
        ];
        // One more empty field each, to add a clause or an attachment.
        let clauses = text.recommendation.len() + 1;
        let attachments = text.attachments.len() + 1;
        let numbered = |word: &str, list: &[String], n: usize| -> Vec<(String, String)> {
            (0..n)
                .map(|k| {
                    (
                        format!("{word} {}", k + 1),
                        list.get(k).cloned().unwrap_or_default(),
                    )
                })
                .collect()
        };
        labels.extend(numbered(clause, &text.recommendation, clauses));
        labels.extend(numbered(attachment, &text.attachments, attachments));
        let fields: Vec<(&str, &str)> = labels
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        self.mode = Mode::Form(Form::new(
            FormKind::EditItem {
                id,
                clauses,
                attachments,
            },
            format!("{} {}", self.t(Key::EditItemTitle), item.number),
            &fields,
        ));
    }

    /// Enter on a form: `decide` checks the input; on a refusal the form stays open with it.
    fn form_saved(&mut self, mut form: Form<FormKind>, now: Time) -> io::Result<()> {
        let Some(command) = self.form_command(&form) else {
            return Ok(());
        };
        let result = match self.run_command(command, now) {
            Ok(result) => result,
            Err(e) => {
                // Nothing of the form was saved: keep it open with its text, to try again.
                self.mode = Mode::Form(form);
                return Err(e);
            }
        };
        match result {
            Ok(wrote) => {
                if wrote {
                    self.say(Key::Saved);
                }
                // The editor selects the item it added.
                if let (FormKind::AddItemAt(after), Some(e)) = (&form.kind, &mut self.editor)
                    && wrote
                {
                    e.select(Some(after.map_or(0, |a| a + 1)));
                }
            }
            Err(refusal) => {
                form.error = Some(refusal.message(self.lang));
                self.mode = Mode::Form(form);
            }
        }
        Ok(())
    }

    /// What the filled-in form asks for.
    fn form_command(&self, form: &Form<FormKind>) -> Option<Command> {
        let v = |i: usize| form.value(i);
        Some(match &form.kind {
            FormKind::Decision => Command::Decision { text: v(0) },
            FormKind::Note => Command::Note { text: v(0) },
            FormKind::Outcome { clause, outcome } => Command::Outcome {
                clause: *clause,
                outcome: *outcome,
                text: v(0),
            },
            FormKind::Action => Command::ActionPoint {
                what: v(0),
                who: v(1),
                due: v(2),
            },
            FormKind::Edit(entry) => Command::Edit {
                entry: *entry,
                text: v(0),
            },
            FormKind::EditAction(entry) => Command::EditAction {
                entry: *entry,
                what: v(0),
                who: v(1),
                due: v(2),
            },
            FormKind::Vote => Command::Vote {
                votes_for: v(0),
                against: v(1),
                abstain: v(2),
            },
            FormKind::EditVote(entry) => Command::EditVote {
                entry: *entry,
                votes_for: v(0),
                against: v(1),
                abstain: v(2),
            },
            FormKind::GoTo => Command::GoTo { number: v(0) },
            FormKind::AddItem => Command::AddItem {
                after: self.meeting().current,
                title: v(0),
                minutes: v(1),
            },
            FormKind::AddItemAt(after) => Command::AddItem {
                after: *after,
                title: v(0),
                minutes: v(1),
            },
            FormKind::EditItem {
                id,
                clauses,
                attachments,
            } => {
                let list = |from: usize, n: usize| (from..from + n).map(v).collect();
                Command::EditItemText {
                    item: self.meeting().pos(*id)?,
                    text: ItemText {
                        number: v(0),
                        title: v(1),
                        case_number: v(2),
                        start: v(3),
                        end: v(4),
                        minutes: v(5),
                        speaking_time: v(6),
                        recommendation: list(7, *clauses),
                        attachments: list(7 + clauses, *attachments),
                    },
                }
            }
            FormKind::EditFacts => Command::EditFacts(FactsText {
                title: v(0),
                date: v(1),
                start: v(2),
                end: v(3),
                place: v(4),
                chair: v(5),
                referent: v(6),
                participants: v(7),
                absent: v(8),
            }),
            FormKind::Speaker => Command::AddSpeaker { name: v(0) },
            FormKind::SpeakingLimit => Command::SpeakingLimit { minutes: v(0) },
            FormKind::NewPerson => Command::Movement {
                name: v(0),
                arrived: true,
            },
            FormKind::NewDue(i) => return self.follow_up(*i, Some(v(0))),
        })
    }
}

/// A limit in seconds as the limit field shows it: "3", "2:30".
fn limit_text(seconds: u32) -> String {
    if seconds.is_multiple_of(60) {
        (seconds / 60).to_string()
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    }
}

/// Whether an event adds a line to a log (the selection then moves to it).
fn adds_entry(event: &Event) -> bool {
    match event {
        Event::Decision { .. }
        | Event::Outcome { .. }
        | Event::ActionAdded { .. }
        | Event::Note { .. }
        | Event::Vote { .. }
        | Event::Inhabil { .. } => true,
        Event::Opened { .. }
        | Event::MeetingStarted
        | Event::ItemStarted { .. }
        | Event::ItemSkipped { .. }
        | Event::Paused
        | Event::Resumed
        | Event::Recovered { .. }
        | Event::EntryEdited { .. }
        | Event::EntryDeleted { .. }
        | Event::Undo
        | Event::Attendance { .. }
        | Event::Movement { .. }
        | Event::Replan { .. }
        | Event::ActionFollowUp { .. }
        | Event::ItemAdded { .. }
        | Event::ItemEdited { .. }
        | Event::ItemMoved { .. }
        | Event::ItemRemoved { .. }
        | Event::MeetingEdited { .. }
        | Event::SpeakerAdded { .. }
        | Event::FloorGiven { .. }
        | Event::SpeakerMoved { .. }
        | Event::SpeakerRemoved { .. }
        | Event::SpeakersCleared { .. }
        | Event::SpeakingLimitSet { .. }
        | Event::MeetingEnded => false,
    }
}

/// Whether a key event is a press worth handling (not a release).
pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != ratatui::crossterm::event::KeyEventKind::Release
}
