//! Keys as data: which key does what, one table per mode (the meeting screen, menus, forms,
//! confirmations, help, the follower). Footers and the `?` help are written from these tables,
//! so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

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
    /// Description per language: da, nb, en.
    pub desc: [&'static str; 3],
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
}

const fn b<A>(
    key: &'static str,
    code: KeyCode,
    action: A,
    desc: [&'static str; 3],
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
const fn ctrl<A>(key: &'static str, c: char, action: A, desc: [&'static str; 3]) -> Binding<A> {
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
        [
            "start / pause / fortsæt",
            "start / pause / fortsett",
            "start / pause / resume",
        ],
        true,
    ),
    b(
        "n",
        C('n'),
        A::Next,
        ["næste punkt", "neste sak", "next item"],
        true,
    ),
    b(
        "p",
        C('p'),
        A::Previous,
        ["forrige punkt", "forrige sak", "previous item"],
        false,
    ),
    b(
        "g",
        C('g'),
        A::GoTo,
        ["gå til punkt", "gå til sak", "go to item"],
        false,
    ),
    b(
        "s",
        C('s'),
        A::Skip,
        [
            "spring over (ikke behandlet)",
            "hopp over (ikke behandlet)",
            "skip (not treated)",
        ],
        false,
    ),
    b(
        "d",
        C('d'),
        A::Decision,
        ["beslutning", "vedtak", "decision"],
        true,
    ),
    b(
        "r",
        C('r'),
        A::Outcome,
        [
            "indstilling: udfald",
            "innstilling: utfall",
            "recommendation outcome",
        ],
        true,
    ),
    b(
        "a",
        C('a'),
        A::ActionPoint,
        ["handling", "oppfølgingspunkt", "action point"],
        true,
    ),
    b("c", C('c'), A::Note, ["note", "notat", "note"], true),
    b(
        "e",
        C('e'),
        A::Edit,
        [
            "ret valgt linje",
            "endre valgt linje",
            "edit selected entry",
        ],
        false,
    ),
    b(
        "x",
        C('x'),
        A::Delete,
        [
            "slet valgt linje",
            "slett valgt linje",
            "delete selected entry",
        ],
        false,
    ),
    b("u", C('u'), A::Undo, ["fortryd", "angre", "undo"], true),
    b(
        "A",
        C('A'),
        A::Attendance,
        [
            "fremmøde, inhabil",
            "oppmøte, inhabil",
            "attendance, conflict of interest",
        ],
        false,
    ),
    b(
        "o",
        C('o'),
        A::Vote,
        ["afstemning", "votering", "vote"],
        false,
    ),
    b(
        "R",
        C('R'),
        A::Replan,
        [
            "tidsplan: komprimér / skub / udsæt",
            "tidsplan: komprimer / skyv / utsett",
            "re-plan: compress / push back / defer",
        ],
        false,
    ),
    b(
        "+",
        C('+'),
        A::AddItem,
        [
            "nyt punkt efter dette",
            "ny sak etter denne",
            "add an item after this one",
        ],
        false,
    ),
    b(
        "E",
        C('E'),
        A::Editor,
        ["ret dagsordenen", "endre sakslisten", "edit the plan"],
        false,
    ),
    b(
        "t",
        C('t'),
        A::AddSpeaker,
        [
            "ny på talerlisten",
            "ny på talerlisten",
            "add to the speaker list",
        ],
        false,
    ),
    b(
        "T",
        C('T'),
        A::GiveFloor,
        [
            "ordet til den næste på talerlisten",
            "ordet til den neste på talerlisten",
            "give the floor to the next speaker",
        ],
        false,
    ),
    b(
        "L",
        C('L'),
        A::SpeakerList,
        [
            "talerliste: ryk, fjern, ryd, taletid",
            "talerliste: flytt, fjern, tøm, taletid",
            "speaker list: reorder, remove, clear, time limit",
        ],
        false,
    ),
    b(
        "F",
        C('F'),
        A::FollowUps,
        [
            "åbne handlinger fra tidligere møder",
            "åpne oppfølgingspunkter fra tidligere møter",
            "open actions from earlier meetings",
        ],
        false,
    ),
    b(
        "v",
        C('v'),
        A::ToggleView,
        ["projektorvisning", "projektorvisning", "projector view"],
        true,
    ),
    b("?", C('?'), A::Help, ["hjælp", "hjelp", "help"], true),
    b(
        "q",
        C('q'),
        A::Quit,
        ["afslut mødet", "avslutt møtet", "finish the meeting"],
        true,
    ),
    b(
        "↑/↓",
        KeyCode::Up,
        A::SelectUp,
        ["vælg linje i log", "velg linje i logg", "select log entry"],
        false,
    ),
    b("↓", KeyCode::Down, A::SelectDown, ["", "", ""], false),
    b(
        "PgUp/PgDn",
        KeyCode::PageDown,
        A::ScrollDown,
        [
            "rul sagsfremstilling",
            "rull saksframlegg",
            "scroll case presentation",
        ],
        false,
    ),
    b("PgUp", KeyCode::PageUp, A::ScrollUp, ["", "", ""], false),
    b(
        "Esc",
        KeyCode::Esc,
        A::ClearSelection,
        ["fravælg linje", "fjern valg", "clear the selection"],
        false,
    ),
    ctrl(
        "Ctrl-C",
        'c',
        A::Quit,
        ["afslut mødet", "avslutt møtet", "finish the meeting"],
    ),
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
    b(
        "?",
        C('?'),
        Ed::Meeting(A::Help),
        ["hjælp", "hjelp", "help"],
        true,
    ),
    b(
        "↑/↓",
        KeyCode::Up,
        Ed::Up,
        [
            "vælg møde eller punkt",
            "velg møte eller sak",
            "select meeting or item",
        ],
        false,
    ),
    b("↓", KeyCode::Down, Ed::Down, ["", "", ""], false),
    b("k", C('k'), Ed::Up, ["", "", ""], false),
    b("j", C('j'), Ed::Down, ["", "", ""], false),
    b(
        "Enter",
        KeyCode::Enter,
        Ed::Edit,
        ["ret", "endre", "edit"],
        true,
    ),
    b("e", C('e'), Ed::Edit, ["", "", ""], false),
    b(
        "+",
        C('+'),
        Ed::Add,
        ["nyt punkt", "ny sak", "add item"],
        true,
    ),
    b(
        "x",
        C('x'),
        Ed::Remove,
        ["fjern punkt", "fjern sak", "remove item"],
        true,
    ),
    b(
        "K/J",
        C('K'),
        Ed::MoveUp,
        ["flyt op/ned", "flytt opp/ned", "move up/down"],
        true,
    ),
    b("J", C('J'), Ed::MoveDown, ["", "", ""], false),
    b(
        "Space",
        C(' '),
        Ed::Meeting(A::StartPause),
        ["start", "start", "start"],
        true,
    ),
    b(
        "u",
        C('u'),
        Ed::Meeting(A::Undo),
        ["fortryd", "angre", "undo"],
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        Ed::Close,
        ["luk", "lukk", "close"],
        true,
    ),
    b("E", C('E'), Ed::Close, ["", "", ""], false),
    b(
        "v",
        C('v'),
        Ed::Meeting(A::ToggleView),
        ["projektorvisning", "projektorvisning", "projector view"],
        false,
    ),
    b(
        "A",
        C('A'),
        Ed::Meeting(A::Attendance),
        ["fremmøde", "oppmøte", "attendance"],
        false,
    ),
    b(
        "q",
        C('q'),
        Ed::Meeting(A::Quit),
        ["afslut", "avslutt", "quit"],
        false,
    ),
    ctrl("Ctrl-C", 'c', Ed::Meeting(A::Quit), ["", "", ""]),
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
    b("↑", KeyCode::Up, MenuAction::Up, ["op", "opp", "up"], false),
    b(
        "↓",
        KeyCode::Down,
        MenuAction::Down,
        ["ned", "ned", "down"],
        false,
    ),
    b("Tab", KeyCode::Tab, MenuAction::Down, ["", "", ""], false),
    b(
        "Enter",
        KeyCode::Enter,
        MenuAction::Pick,
        ["vælg", "velg", "pick"],
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        MenuAction::Close,
        ["luk", "lukk", "close"],
        true,
    ),
    ctrl("Ctrl-C", 'c', MenuAction::Close, ["luk", "lukk", "close"]),
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
        ["gem", "lagre", "save"],
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        FormAction::Cancel,
        ["fortryd", "avbryt", "cancel"],
        true,
    ),
    ctrl(
        "Ctrl-C",
        'c',
        FormAction::Cancel,
        ["fortryd", "avbryt", "cancel"],
    ),
    b(
        "Tab",
        KeyCode::Tab,
        FormAction::NextField,
        ["næste felt", "neste felt", "next field"],
        true,
    ),
    b(
        "↓",
        KeyCode::Down,
        FormAction::NextField,
        ["", "", ""],
        false,
    ),
    b(
        "S-Tab",
        KeyCode::BackTab,
        FormAction::PreviousField,
        ["forrige felt", "forrige felt", "previous field"],
        false,
    ),
    b(
        "↑",
        KeyCode::Up,
        FormAction::PreviousField,
        ["", "", ""],
        false,
    ),
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
        ["vælg", "velg", "select"],
        false,
    ),
    b("↓", KeyCode::Down, SpeakerAction::Down, NONE, false),
    b(
        "+",
        KeyCode::Char('+'),
        SpeakerAction::MoveUp,
        ["ryk op", "flytt opp", "move up"],
        true,
    ),
    b(
        "-",
        KeyCode::Char('-'),
        SpeakerAction::MoveDown,
        ["ryk ned", "flytt ned", "move down"],
        true,
    ),
    b(
        "x",
        KeyCode::Char('x'),
        SpeakerAction::Remove,
        ["fjern", "fjern", "remove"],
        true,
    ),
    b(
        "C",
        KeyCode::Char('C'),
        SpeakerAction::Clear,
        ["ryd listen", "tøm lista", "clear the list"],
        true,
    ),
    b(
        "t",
        KeyCode::Char('t'),
        SpeakerAction::Add,
        ["ny taler", "ny taler", "add speaker"],
        false,
    ),
    b(
        "T",
        KeyCode::Char('T'),
        SpeakerAction::GiveFloor,
        ["giv ordet videre", "gi ordet videre", "give the floor"],
        true,
    ),
    b(
        "l",
        KeyCode::Char('l'),
        SpeakerAction::Limit,
        [
            "taletid for punktet",
            "taletid for saken",
            "speaking time for this item",
        ],
        true,
    ),
    b(
        "Esc",
        KeyCode::Esc,
        SpeakerAction::Close,
        ["luk", "lukk", "close"],
        true,
    ),
    b("q", KeyCode::Char('q'), SpeakerAction::Close, NONE, false),
    ctrl("Ctrl-C", 'c', SpeakerAction::Close, NONE),
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
        ["ja", "ja", "yes"],
        true,
    ),
    b("Y", KeyCode::Char('Y'), Answer::Yes, ["", "", ""], false),
    b("j", KeyCode::Char('j'), Answer::Yes, ["", "", ""], false),
    b("J", KeyCode::Char('J'), Answer::Yes, ["", "", ""], false),
    b(
        "n",
        KeyCode::Char('n'),
        Answer::No,
        ["nej", "nei", "no"],
        true,
    ),
    b("N", KeyCode::Char('N'), Answer::No, ["", "", ""], false),
    b("Esc", KeyCode::Esc, Answer::No, ["", "", ""], false),
    ctrl("Ctrl-C", 'c', Answer::No, ["", "", ""]),
];

/// Keys that close the help overlay.
pub const HELP: &[Binding<()>] = &[
    b("Esc", KeyCode::Esc, (), ["luk", "lukk", "close"], true),
    b("?", KeyCode::Char('?'), (), ["", "", ""], false),
    b("q", KeyCode::Char('q'), (), ["", "", ""], false),
    ctrl("Ctrl-C", 'c', (), ["", "", ""]),
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
        ["luk", "lukk", "quit"],
        true,
    ),
    ctrl("Ctrl-C", 'c', FollowAction::Quit, ["luk", "lukk", "quit"]),
    b(
        "f",
        KeyCode::Char('f'),
        FollowAction::ToggleFull,
        ["fuld visning", "full visning", "fuller layout"],
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

const QUIT: [&str; 3] = ["afslut", "avslutt", "quit"];
const BACK: [&str; 3] = ["tilbage", "tilbake", "back"];
const SCROLL: [&str; 3] = ["rul", "rull", "scroll"];
const NONE: [&str; 3] = ["", "", ""];

/// The list of meetings. With a filter being typed, letters are text (see `ui/review.rs`).
pub const REVIEW_LIST: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, NONE, true),
    b("↓", KeyCode::Down, R::Down, NONE, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, NONE, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, NONE, false),
    b("Home", KeyCode::Home, R::Home, NONE, false),
    b("End", KeyCode::End, R::End, NONE, false),
    b(
        "Enter",
        KeyCode::Enter,
        R::Open,
        ["åbn", "åpne", "open"],
        true,
    ),
    b(
        "Tab",
        KeyCode::Tab,
        R::Sort,
        ["sortér", "sorter", "sort"],
        true,
    ),
    b("Backspace", KeyCode::Backspace, R::Erase, NONE, false),
    b("Esc", KeyCode::Esc, R::Back, NONE, false),
    b(
        "/",
        KeyCode::Char('/'),
        R::Search,
        ["søg", "søk", "search"],
        true,
    ),
    b(
        "s",
        KeyCode::Char('s'),
        R::Stats,
        ["statistik", "statistikk", "statistics"],
        true,
    ),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// One meeting's minutes.
pub const REVIEW_SESSION: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, SCROLL, true),
    b("k", KeyCode::Char('k'), R::Up, NONE, false),
    b("↓", KeyCode::Down, R::Down, NONE, false),
    b("j", KeyCode::Char('j'), R::Down, NONE, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, NONE, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, NONE, false),
    b("Space", KeyCode::Char(' '), R::PageDown, NONE, false),
    b("Home", KeyCode::Home, R::Home, NONE, false),
    b("End", KeyCode::End, R::End, NONE, false),
    b(
        "n/p",
        KeyCode::Char('n'),
        R::NextItem,
        [
            "næste/forrige punkt",
            "neste/forrige sak",
            "next/previous item",
        ],
        true,
    ),
    b("p", KeyCode::Char('p'), R::PreviousItem, NONE, false),
    b(
        "s",
        KeyCode::Char('s'),
        R::Stats,
        ["statistik", "statistikk", "statistics"],
        true,
    ),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, NONE, false),
    b("←", KeyCode::Left, R::Back, NONE, false),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// Search results (while the query is being typed, keys are text).
pub const REVIEW_SEARCH: &[Binding<ReviewAction>] = &[
    b("↑", KeyCode::Up, R::Up, NONE, false),
    b("↓", KeyCode::Down, R::Down, NONE, false),
    b("PgUp", KeyCode::PageUp, R::PageUp, NONE, false),
    b("PgDn", KeyCode::PageDown, R::PageDown, NONE, false),
    b(
        "Enter",
        KeyCode::Enter,
        R::Open,
        ["åbn", "åpne", "open"],
        true,
    ),
    b(
        "/",
        KeyCode::Char('/'),
        R::Search,
        ["søg", "søk", "search"],
        true,
    ),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, NONE, false),
    b("q", KeyCode::Char('q'), R::Quit, QUIT, true),
    ctrl("Ctrl-C", 'c', R::Quit, QUIT),
];

/// The statistics.
pub const REVIEW_STATS: &[Binding<ReviewAction>] = &[
    b("↑↓", KeyCode::Up, R::Up, SCROLL, true),
    b("k", KeyCode::Char('k'), R::Up, NONE, false),
    b("↓", KeyCode::Down, R::Down, NONE, false),
    b("j", KeyCode::Char('j'), R::Down, NONE, false),
    b("Esc", KeyCode::Esc, R::Back, BACK, true),
    b("Backspace", KeyCode::Backspace, R::Back, NONE, false),
    b("←", KeyCode::Left, R::Back, NONE, false),
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
        match lang {
            Lang::Da => self.desc[0],
            Lang::Nb => self.desc[1],
            Lang::En => self.desc[2],
        }
    }
}

/// Bindings worth listing (the second half of paired keys has no description of its own).
pub fn listed() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(|b| !b.desc[2].is_empty())
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
                b.desc.iter().all(|d| !d.is_empty()),
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
