//! The meeting screen's controller: keys in, commands out. It holds only screen state (mode,
//! selection, scroll); which events a command writes, and whether it may, is
//! [`crate::session::decide`]'s business, and the meeting is the recorder's fold of the journal.

use std::io;

use ratatui::crossterm::event::KeyEvent;

use super::form::{Form, FormKey, Menu, MenuKey};
use super::keymap::{self, Action, Answer};
use super::live::entry_text;
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::decide::{self, Command, Refusal, decide, deferrable};
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
                Mode::Normal | Mode::Help | Mode::Menu(_) | Mode::Form(_) | Mode::Confirm(_) => {
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
                        Confirm::Quit | Confirm::Delete { .. } => {}
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
            Mode::Form(mut form) => match form.on_key(key) {
                FormKey::Save => self.form_saved(form, now),
                FormKey::Cancel if form.touched => {
                    self.mode = Mode::Confirm(Confirm::Discard(form));
                    Ok(())
                }
                FormKey::Cancel => Ok(()),
                FormKey::Stay => {
                    self.mode = Mode::Form(form);
                    Ok(())
                }
            },
        }
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
        let Some(action) = keymap::action_for(key) else {
            return Ok(());
        };
        self.status = None;
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
            FormKind::NewPerson => Command::Movement {
                name: v(0),
                arrived: true,
            },
            FormKind::NewDue(i) => return self.follow_up(*i, Some(v(0))),
        })
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
        | Event::MeetingEnded => false,
    }
}

/// Whether a key event is a press worth handling (not a release).
pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != ratatui::crossterm::event::KeyEventKind::Release
}
