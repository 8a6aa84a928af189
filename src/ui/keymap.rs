//! Keys as data: which key does what, one table per mode (the meeting screen, menus, forms,
//! confirmations, help, the follower). Footers and the `?` help are written from these tables,
//! so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Key, Lang};

/// What a key asks for in the meeting screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    StartPause,
    Next,
    Previous,
    GoTo,
    Skip,
    Decision,
    Outcome,
    ActionPoint,
    Note,
    Edit,
    Delete,
    Undo,
    Attendance,
    Vote,
    Replan,
    AddItem,
    /// `E`: the plan editor.
    Editor,
    AddSpeaker,
    GiveFloor,
    SpeakerList,
    FollowUps,
    ToggleView,
    Help,
    Quit,
    SelectUp,
    SelectDown,
    ScrollDown,
    ScrollUp,
    ClearSelection,
}

pub struct Binding<A = Action> {
    /// How the key is shown.
    pub key: &'static str,
    pub code: KeyCode,
    /// Whether Ctrl is held (Ctrl-C).
    pub ctrl: bool,
    pub action: A,
    /// What the key does, from the strings table; `None` for the second of paired keys.
    pub desc: Option<Key>,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
}

const fn b<A>(
    key: &'static str,
    code: KeyCode,
    action: A,
    desc: Option<Key>,
    footer: bool,
) -> Binding<A> {
    Binding {
        key,
        code,
        ctrl: false,
        action,
        desc,
        footer,
    }
}

/// Ctrl and a letter.
const fn ctrl<A>(key: &'static str, c: char, action: A, desc: Option<Key>) -> Binding<A> {
    Binding {
        key,
        code: KeyCode::Char(c),
        ctrl: true,
        action,
        desc,
        footer: false,
    }
}

use Action as A;
use KeyCode::Char as C;

/// The fixed keys of the meeting screen, in help order.
pub const BINDINGS: &[Binding] = &[
    b(
        "Space",
        C(' '),
        A::StartPause,
        Some(Key::BindStartPause),
        true,
    ),
    b("n", C('n'), A::Next, Some(Key::BindNext), true),
    b("p", C('p'), A::Previous, Some(Key::BindPrevious), false),
    b("g", C('g'), A::GoTo, Some(Key::BindGoTo), false),
    b("s", C('s'), A::Skip, Some(Key::BindSkip), false),
    b("d", C('d'), A::Decision, Some(Key::BindDecision), true),
    b("r", C('r'), A::Outcome, Some(Key::BindOutcome), true),
    b(
        "a",
        C('a'),
        A::ActionPoint,
        Some(Key::BindActionPoint),
        true,
    ),
    b("c", C('c'), A::Note, Some(Key::BindNote), true),
    b("e", C('e'), A::Edit, Some(Key::BindEdit), false),
    b("x", C('x'), A::Delete, Some(Key::BindDelete), false),
    b("u", C('u'), A::Undo, Some(Key::BindUndo), true),
    b("A", C('A'), A::Attendance, Some(Key::BindAttendance), false),
    b("o", C('o'), A::Vote, Some(Key::BindVote), false),
    b("R", C('R'), A::Replan, Some(Key::BindReplan), false),
    b("+", C('+'), A::AddItem, Some(Key::BindAddItem), false),
    b("E", C('E'), A::Editor, Some(Key::BindEditor), false),
    b("t", C('t'), A::AddSpeaker, Some(Key::BindAddSpeaker), false),
    b("T", C('T'), A::GiveFloor, Some(Key::BindGiveFloor), false),
    b(
        "L",
        C('L'),
        A::SpeakerList,
        Some(Key::BindSpeakerList),
        false,
    ),
    b("F", C('F'), A::FollowUps, Some(Key::BindFollowUps), false),
    b("v", C('v'), A::ToggleView, Some(Key::BindProjector), true),
    b("?", C('?'), A::Help, Some(Key::BindHelp), true),
    b("q", C('q'), A::Quit, Some(Key::BindFinish), true),
    b(
        "↑/↓",
        KeyCode::Up,
        A::SelectUp,
        Some(Key::BindSelect),
        false,
    ),
    b("↓", KeyCode::Down, A::SelectDown, None, false),
    b(
        "PgUp/PgDn",
        KeyCode::PageDown,
        A::ScrollDown,
        Some(Key::BindScrollCase),
        false,
    ),
    b("PgUp", KeyCode::PageUp, A::ScrollUp, None, false),
    b(
        "Esc",
        KeyCode::Esc,
        A::ClearSelection,
        Some(Key::BindClearSelection),
        false,
    ),
    ctrl("Ctrl-C", 'c', A::Quit, Some(Key::BindFinish)),
];

/// What a key does in the plan editor. Keys of the meeting screen that make sense there
/// (start, undo, help, projector, attendance, quit) do what they do on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    Up,
    Down,
    Edit,
    Add,
    Remove,
    MoveUp,
    MoveDown,
    Close,
    Meeting(Action),
}

use EditorAction as Ed;

pub const EDITOR: &[Binding<EditorAction>] = &[
    b("?", C('?'), Ed::Meeting(A::Help), Some(Key::BindHelp), true),
    b("↑/↓", KeyCode::Up, Ed::Up, Some(Key::BindSelectRow), false),
    b("↓", KeyCode::Down, Ed::Down, None, false),
    b("k", C('k'), Ed::Up, None, false),
    b("j", C('j'), Ed::Down, None, false),
    b(
        "Enter",
        KeyCode::Enter,
        Ed::Edit,
        Some(Key::BindEditSelection),
        true,
    ),
    b("e", C('e'), Ed::Edit, None, false),
    b("+", C('+'), Ed::Add, Some(Key::BindNewItem), true),
    b("x", C('x'), Ed::Remove, Some(Key::BindRemoveItem), true),
    b("K/J", C('K'), Ed::MoveUp, Some(Key::BindMoveUpDown), true),
    b("J", C('J'), Ed::MoveDown, None, false),
    b(
        "Space",
        C(' '),
        Ed::Meeting(A::StartPause),
        Some(Key::BindStart),
        true,
    ),
    b("u", C('u'), Ed::Meeting(A::Undo), Some(Key::BindUndo), true),
    b("Esc", KeyCode::Esc, Ed::Close, Some(Key::BindClose), true),
    b("E", C('E'), Ed::Close, None, false),
    b(
        "v",
        C('v'),
        Ed::Meeting(A::ToggleView),
        Some(Key::BindProjector),
        false,
    ),
    b(
        "A",
        C('A'),
        Ed::Meeting(A::Attendance),
        Some(Key::BindPresence),
        false,
    ),
    b(
        "q",
        C('q'),
        Ed::Meeting(A::Quit),
        Some(Key::BindQuit),
        false,
    ),
    ctrl("Ctrl-C", 'c', Ed::Meeting(A::Quit), None),
];

/// What a key does in a menu; the options' own keys (1-9, then letters) pick them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuAction {
    Up,
    Down,
    Pick,
    Close,
}

pub const MENU: &[Binding<MenuAction>] = &[
    b("↑", KeyCode::Up, MenuAction::Up, Some(Key::BindUp), false),
    b(
        "↓",
        KeyCode::Down,
        MenuAction::Down,
        Some(Key::BindDown),
        false,
    ),
    b("Tab", KeyCode::Tab, MenuAction::Down, None, false),
    b(
        "Enter",
        KeyCode::Enter,
        MenuAction::Pick,
        Some(Key::BindPick),
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        MenuAction::Close,
        Some(Key::BindClose),
        true,
    ),
    ctrl("Ctrl-C", 'c', MenuAction::Close, Some(Key::BindClose)),
];

/// What a key does in a form; every other key edits the focused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    Cancel,
    NextField,
    PreviousField,
}

pub const FORM: &[Binding<FormAction>] = &[
    b(
        "Enter",
        KeyCode::Enter,
        FormAction::Save,
        Some(Key::BindSave),
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        FormAction::Cancel,
        Some(Key::BindCancel),
        true,
    ),
    ctrl("Ctrl-C", 'c', FormAction::Cancel, Some(Key::BindCancel)),
    b(
        "Tab",
        KeyCode::Tab,
        FormAction::NextField,
        Some(Key::BindNextField),
        true,
    ),
    b("↓", KeyCode::Down, FormAction::NextField, None, false),
    b(
        "S-Tab",
        KeyCode::BackTab,
        FormAction::PreviousField,
        Some(Key::BindPreviousField),
        false,
    ),
    b("↑", KeyCode::Up, FormAction::PreviousField, None, false),
];

/// What a key does in the speaker list (`L`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerAction {
    Up,
    Down,
    MoveUp,
    MoveDown,
    Remove,
    Clear,
    Add,
    GiveFloor,
    Limit,
    Close,
}

pub const SPEAKERS: &[Binding<SpeakerAction>] = &[
    b(
        "↑/↓",
        KeyCode::Up,
        SpeakerAction::Up,
        Some(Key::BindChoose),
        false,
    ),
    b("↓", KeyCode::Down, SpeakerAction::Down, None, false),
    b(
        "+",
        KeyCode::Char('+'),
        SpeakerAction::MoveUp,
        Some(Key::BindMoveUp),
        true,
    ),
    b(
        "-",
        KeyCode::Char('-'),
        SpeakerAction::MoveDown,
        Some(Key::BindMoveDown),
        true,
    ),
    b(
        "x",
        KeyCode::Char('x'),
        SpeakerAction::Remove,
        Some(Key::BindRemove),
        true,
    ),
    b(
        "C",
        KeyCode::Char('C'),
        SpeakerAction::Clear,
        Some(Key::BindClearList),
        true,
    ),
    b(
        "t",
        KeyCode::Char('t'),
        SpeakerAction::Add,
        Some(Key::BindNewSpeaker),
        false,
    ),
    b(
        "T",
        KeyCode::Char('T'),
        SpeakerAction::GiveFloor,
        Some(Key::BindGiveFloorOn),
        true,
    ),
    b(
        "l",
        KeyCode::Char('l'),
        SpeakerAction::Limit,
        Some(Key::BindItemSpeakingTime),
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        SpeakerAction::Close,
        Some(Key::BindClose),
        true,
    ),
    b("q", KeyCode::Char('q'), SpeakerAction::Close, None, false),
    ctrl("Ctrl-C", 'c', SpeakerAction::Close, None),
];

/// The answer to a yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

pub const CONFIRM: &[Binding<Answer>] = &[
    b(
        "y",
        KeyCode::Char('y'),
        Answer::Yes,
        Some(Key::BindYes),
        true,
    ),
    b("Y", KeyCode::Char('Y'), Answer::Yes, None, false),
    b("j", KeyCode::Char('j'), Answer::Yes, None, false),
    b("J", KeyCode::Char('J'), Answer::Yes, None, false),
    b("n", KeyCode::Char('n'), Answer::No, Some(Key::BindNo), true),
    b("N", KeyCode::Char('N'), Answer::No, None, false),
    b("Esc", KeyCode::Esc, Answer::No, None, false),
    ctrl("Ctrl-C", 'c', Answer::No, None),
];

/// Keys that close the help overlay.
pub const HELP: &[Binding<()>] = &[
    b("Esc", KeyCode::Esc, (), Some(Key::BindClose), true),
    b("?", KeyCode::Char('?'), (), None, false),
    b("q", KeyCode::Char('q'), (), None, false),
    ctrl("Ctrl-C", 'c', (), None),
];

/// The follower's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowAction {
    Quit,
    ToggleFull,
}

pub const FOLLOW: &[Binding<FollowAction>] = &[
    b(
        "q",
        KeyCode::Char('q'),
        FollowAction::Quit,
        Some(Key::BindCloseFollow),
        true,
    ),
    ctrl(
        "Ctrl-C",
        'c',
        FollowAction::Quit,
        Some(Key::BindCloseFollow),
    ),
    b(
        "f",
        KeyCode::Char('f'),
        FollowAction::ToggleFull,
        Some(Key::BindFullLayout),
        true,
    ),
];

/// What a key does in `referent review`; each screen has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    Sort,
    /// Backspace in the list: takes a character off the filter.
    Erase,
    Back,
    Search,
    Stats,
    NextItem,
    PreviousItem,
    Quit,
}

use ReviewAction as R;

const QUIT: Option<Key> = Some(Key::KeyQuit);
const BACK: Option<Key> = Some(Key::KeyBack);
const SCROLL: Option<Key> = Some(Key::KeyScroll);

/// The list of meetings. With a filter being typed, letters are text (see `ui/review.rs`).
pub const REVIEW_LIST: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, None, true),
    b("↓", KeyCode::Down, R::Down, None, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, None, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, None, false),
    b("Home", KeyCode::Home, R::Home, None, false),
    b("End", KeyCode::End, R::End, None, false),
    b("Enter", KeyCode::Enter, R::Open, Some(Key::KeyOpen), true),
    b("Tab", KeyCode::Tab, R::Sort, Some(Key::KeySort), true),
    b("Backspace", KeyCode::Backspace, R::Erase, None, false),
    b("Esc", KeyCode::Esc, R::Back, None, false),
    b(
        "/",
        KeyCode::Char('/'),
        R::Search,
        Some(Key::KeySearch),
        true,
    ),
    b("s", KeyCode::Char('s'), R::Stats, Some(Key::KeyStats), true),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// One meeting's minutes.
pub const REVIEW_SESSION: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, SCROLL, true),
    b("k", KeyCode::Char('k'), R::Up, None, false),
    b("↓", KeyCode::Down, R::Down, None, false),
    b("j", KeyCode::Char('j'), R::Down, None, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, None, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, None, false),
    b("Space", KeyCode::Char(' '), R::PageDown, None, false),
    b("Home", KeyCode::Home, R::Home, None, false),
    b("End", KeyCode::End, R::End, None, false),
    b(
        "n/p",
        KeyCode::Char('n'),
        R::NextItem,
        Some(Key::KeyItem),
        true,
    ),
    b("p", KeyCode::Char('p'), R::PreviousItem, None, false),
    b("s", KeyCode::Char('s'), R::Stats, Some(Key::KeyStats), true),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, None, false),
    b("←", KeyCode::Left, R::Back, None, false),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// Search results (while the query is being typed, keys are text).
pub const REVIEW_SEARCH: &[Binding<ReviewAction>] = &[
    b("↑", KeyCode::Up, R::Up, None, false),
    b("↓", KeyCode::Down, R::Down, None, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, None, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, None, false),
    b("Enter", KeyCode::Enter, R::Open, Some(Key::KeyOpen), true),
    b(
        "/",
        KeyCode::Char('/'),
        R::Search,
        Some(Key::KeySearch),
        true,
    ),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, None, false),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// The statistics.
pub const REVIEW_STATS: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, SCROLL, true),
    b("k", KeyCode::Char('k'), R::Up, None, false),
    b("↓", KeyCode::Down, R::Down, None, false),
    b("j", KeyCode::Char('j'), R::Down, None, false),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, None, false),
    b("←", KeyCode::Left, R::Back, None, false),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// The footer's (key, word) pairs of a table, for screens that style them themselves.
pub fn footer_pairs<A>(table: &[Binding<A>], lang: Lang) -> Vec<(&'static str, &'static str)> {
    table
        .iter()
        .filter(|b| b.footer)
        .map(|b| (b.key, b.describe(lang)))
        .collect()
}

/// The action bound to `key` in `table`. Ctrl must match; Shift only shows in the character.
pub fn lookup<A: Copy>(table: &[Binding<A>], key: &KeyEvent) -> Option<A> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    table
        .iter()
        .find(|b| b.code == key.code && b.ctrl == ctrl)
        .map(|b| b.action)
}

/// A binding as a footer shows it: key and word.
pub type Pair = (&'static str, &'static str);

/// A screen's footer bindings from `table`, with its help binding apart: the footer keeps
/// room for help and shows it last, however narrow the screen.
pub fn footer_keeping<A: Copy + PartialEq>(
    table: &[Binding<A>],
    help: A,
    lang: Lang,
) -> (Vec<Pair>, Option<Pair>) {
    let mut pairs = vec![];
    let mut kept = None;
    for b in table.iter().filter(|b| b.footer) {
        if b.action == help {
            kept = Some((b.key, b.describe(lang)));
        } else {
            pairs.push((b.key, b.describe(lang)));
        }
    }
    (pairs, kept)
}

/// The meeting screen's footer bindings, and its help binding apart.
pub fn live_footer(lang: Lang) -> (Vec<Pair>, Option<Pair>) {
    footer_keeping(BINDINGS, Action::Help, lang)
}

/// The action for a key press in the meeting screen.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    lookup(BINDINGS, &key)
}

impl<A> Binding<A> {
    pub fn describe(&self, lang: Lang) -> &'static str {
        self.desc.map_or("", |k| k.get(lang))
    }
}

/// Bindings worth listing (the second half of paired keys has no description of its own).
pub fn listed() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(|b| b.desc.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_described() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert_ne!(
                    (a.code, a.ctrl),
                    (b.code, b.ctrl),
                    "{} and {} share a key",
                    a.key,
                    b.key
                );
            }
        }
        for b in listed() {
            assert!(
                Lang::ALL.iter().all(|l| !b.describe(*l).is_empty()),
                "{} lacks a description",
                b.key
            );
        }
    }

    #[test]
    fn keys_map_to_actions() {
        let k = |c| KeyEvent::new(C(c), KeyModifiers::NONE);
        assert_eq!(action_for(k(' ')), Some(A::StartPause));
        assert_eq!(action_for(k('A')), Some(A::Attendance));
        assert_eq!(
            action_for(KeyEvent::new(C('c'), KeyModifiers::CONTROL)),
            Some(A::Quit)
        );
        assert_eq!(action_for(k('z')), None);
    }

    fn unique<A>(name: &str, table: &[Binding<A>]) {
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert_ne!(
                    (a.code, a.ctrl),
                    (b.code, b.ctrl),
                    "{name}: {} twice",
                    a.key
                );
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_any_mode() {
        unique("menu", MENU);
        unique("editor", EDITOR);
        unique("form", FORM);
        unique("confirm", CONFIRM);
        unique("help", HELP);
        unique("speakers", SPEAKERS);
        unique("follow", FOLLOW);
        unique("review list", REVIEW_LIST);
        unique("review session", REVIEW_SESSION);
        unique("review search", REVIEW_SEARCH);
        unique("review stats", REVIEW_STATS);
    }

    #[test]
    fn ctrl_c_cancels_forms_and_menus() {
        let cc = KeyEvent::new(C('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(FORM, &cc), Some(FormAction::Cancel));
        assert_eq!(lookup(MENU, &cc), Some(MenuAction::Close));
        assert_eq!(
            lookup(FORM, &KeyEvent::new(C('c'), KeyModifiers::NONE)),
            None
        );
    }
}
