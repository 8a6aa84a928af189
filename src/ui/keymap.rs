//! Keys as data: which key does what in the meeting screen. The footer and the `?` help are
//! written from this table, so they cannot drift from what the keys do.

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
    FollowUps,
    ToggleView,
    Help,
    Quit,
    SelectUp,
    SelectDown,
    ScrollDown,
    ScrollUp,
}

pub struct Binding {
    /// How the key is shown.
    pub key: &'static str,
    pub code: KeyCode,
    pub action: Action,
    /// Description per language: da, nb, en.
    pub desc: [&'static str; 3],
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
}

const fn b(
    key: &'static str,
    code: KeyCode,
    action: Action,
    desc: [&'static str; 3],
    footer: bool,
) -> Binding {
    Binding {
        key,
        code,
        action,
        desc,
        footer,
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
];

/// The action for a key press in the meeting screen.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == C('c') {
        return Some(A::Quit);
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    BINDINGS
        .iter()
        .find(|b| b.code == key.code)
        .map(|b| b.action)
}

impl Binding {
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
                assert_ne!(a.code, b.code, "{} and {} share a key", a.key, b.key);
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
}
