//! Every message a user reads comes from the one strings table (`src/i18n.rs`), in every
//! language: the commands, the command line and the screens hold no words of their own.
//!
//! The sources of `src/commands`, `src/ui`, `src/cli.rs` and the importer's message files
//! (outside their tests) are scanned
//! for string literals; one with a word in it (two letters or more, once `{…}` placeholders are
//! taken out) fails the test unless it is on the short list below of names that are no
//! language's words: key caps, file and program names, environment variables.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::{Path, PathBuf};

use referent::i18n::{Key, Lang};

/// Literals that are names, not messages.
const NAMES: &[&str] = &[
    // Key caps as the keyboard has them (ui/keymap.rs).
    "Space",
    "Esc",
    "Enter",
    "Tab",
    "S-Tab",
    "Ctrl-C",
    "PgUp",
    "PgDn",
    "PgUp/PgDn",
    "Home",
    "End",
    "Backspace",
    // The program, its commands (in «`run` needs a terminal») and its files.
    "referent",
    "referent: {}",
    "referent: {p}",
    "referent: {message}",
    "referent: {}: {problem}",
    "referent follow {}",
    "run",
    "follow",
    "review",
    "the screen",
    "centerledermoede-2022-03-14.txt",
    "../../sessions/centerledermoede-2022-03-14.txt",
    // Environment variables.
    "NO_COLOR",
    "REFERENT_MINUTES_FORMATS",
    "FORMATS",
    // Units that every language writes the same way.
    "±0 min",
    "+{m} min",
    "{m} min",
    " ({m} min)",
    "  {}-{} ({m} min)",
    "  ({m} min)",
    "{}–{} {:>3} min",
    // The form's option keys, not words.
    "123456789abcdefghiklmorstuvwxyz",
    // The names of the `{blanks}` in the table's texts, filled in by `Key::fill`.
    "item",
    "title",
    "detail",
    "column",
    "start",
    "end",
    "slot",
];

/// Literals a reader never sees as text of ours: the command line's own help comes from clap,
/// and an input thread's error only ends the loop.
const NOT_SHOWN: &[&str] = &[
    "Run a meeting live in the terminal: agenda, timer, decisions, action points, minutes",
    "the terminal's input has ended",
    // serde's error text is cut before this tail (agenda/json.rs).
    " at line ",
];

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("cli.rs")];
    // The importer's files that say why a document cannot be read or what a plan gets wrong.
    // (The Word and PDF readers' literals are XML names; their messages are keys like these.)
    for file in ["decode.rs", "json.rs", "schedule.rs", "clean.rs"] {
        files.push(root.join("agenda").join(file));
    }
    for dir in ["commands", "ui"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The string literals of one line of Rust (comments and attributes hold none that count).
fn literals(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") || code.starts_with("#[") {
        return vec![];
    }
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        // A char literal such as '"' is not the start of a string.
        if c == '\'' {
            let rest: String = chars.clone().take(3).collect();
            if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                chars.nth(rest.find('\'').unwrap());
                continue;
            }
        }
        if c == '/' && chars.peek() == Some(&'/') {
            break;
        }
        if c == '"' && prev != '\\' {
            let mut s = String::new();
            let mut escaped = false;
            for d in chars.by_ref() {
                if escaped {
                    s.push(d);
                    escaped = false;
                } else if d == '\\' {
                    s.push(d);
                    escaped = true;
                } else if d == '"' {
                    break;
                } else {
                    s.push(d);
                }
            }
            // A byte string (`b"%PDF-"`) is a file's magic number, not a message.
            if prev != 'b' {
                out.push(s);
            }
        }
        prev = c;
    }
    out
}

fn has_words(literal: &str) -> bool {
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("\\n", " ");
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

#[test]
fn every_user_visible_string_is_in_the_table() {
    let mut found = Vec::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            for lit in literals(line) {
                if has_words(&lit)
                    && !NAMES.contains(&lit.as_str())
                    && !NOT_SHOWN.contains(&lit.as_str())
                {
                    found.push(format!("{}:{}: \"{lit}\"", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words outside the strings table (add a Key in src/i18n.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_should() {
    assert_eq!(
        literals(r#"    println!("{} warning(s)", n); // "not this""#),
        vec!["{} warning(s)"]
    );
    assert_eq!(literals(r#"let q = '"'; f("x")"#), vec!["x"]);
    assert!(has_words("{n} warnings."));
    assert!(!has_words("{}: {}"));
    assert!(!has_words("  {}{num}  {title}"));
}

#[test]
fn every_key_has_every_language_and_the_same_placeholders() {
    let placeholders = |s: &str| {
        let mut names: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        names.sort();
        names
    };
    for key in Key::ALL {
        let english = placeholders(key.get(Lang::En));
        for lang in Lang::ALL {
            let text = key.get(lang);
            assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
            assert_eq!(
                placeholders(text),
                english,
                "{key:?} in {lang:?} fills other blanks than in English"
            );
        }
    }
}

/// Nynorsk is its own column, not bokmål copied: the words that tell them apart are there.
#[test]
fn nynorsk_is_nynorsk() {
    assert_eq!(
        Key::WordingApproved.get(Lang::Nn),
        "Innstillinga vart vedteken."
    );
    assert_eq!(Key::WordingDeferred.get(Lang::Nn), "Saka vart utsett.");
    let differ = Key::ALL
        .iter()
        .filter(|k| k.get(Lang::Nn) != k.get(Lang::Nb))
        .count();
    assert!(
        differ * 2 > Key::ALL.len(),
        "{differ} of {}",
        Key::ALL.len()
    );
    for key in Key::ALL {
        let nn = key.get(Lang::Nn).to_lowercase();
        for bokmaal in [" ikke ", " ble ", " hva ", " fra "] {
            assert!(!format!(" {nn} ").contains(bokmaal), "{key:?}: {nn}");
        }
    }
}
