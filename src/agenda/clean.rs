//! What every agenda passes through where it comes in ([`super::parse`], which also reads a
//! session's `agenda.json`): its text cleaned of anything that could drive the terminal, and its
//! numbers checked.
//!
//! The cleaning walks the agenda's serde value tree, so every string field is cleaned, including
//! ones added later: a new field cannot be forgotten.

use serde_json::Value;

use super::{Agenda, Warning};
use crate::textutil::{clean, clean_multiline};

/// Fields whose text keeps its line breaks.
const MULTILINE: &[&str] = &["body", "decision"];

/// Strips control characters, escape sequences and bidi overrides from every string in the
/// agenda. Fails only if the cleaned tree no longer reads as an agenda.
pub fn sanitize(agenda: &mut Agenda) -> Result<(), String> {
    let mut tree = serde_json::to_value(&*agenda).map_err(|e| e.to_string())?;
    clean_tree(&mut tree, false);
    let mut cleaned: Agenda = serde_json::from_value(tree).map_err(|e| e.to_string())?;
    // Source lines are not part of the JSON: carry them over.
    for (to, from) in cleaned.items.iter_mut().zip(&agenda.items) {
        to.line = from.line;
    }
    *agenda = cleaned;
    Ok(())
}

fn clean_tree(value: &mut Value, multiline: bool) {
    match value {
        Value::String(s) => {
            *s = if multiline {
                clean_multiline(s)
            } else {
                clean(s)
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| clean_tree(v, multiline)),
        Value::Object(fields) => fields
            .iter_mut()
            .for_each(|(k, v)| clean_tree(v, MULTILINE.contains(&k.as_str()))),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Longest planned item or break that makes sense: a day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// Planned minutes beyond a day: a typo, or a file made to break the plan.
pub fn check_numbers(agenda: &Agenda) -> Vec<Warning> {
    let lang = agenda.language;
    let items = agenda.items.iter().filter_map(|i| {
        i.minutes
            .filter(|&m| m > MAX_MINUTES)
            .map(|m| (i.line, super::lint::name(lang, i), m))
    });
    let breaks = agenda.breaks.iter().filter_map(|b| {
        b.minutes
            .filter(|&m| m > MAX_MINUTES)
            .map(|m| (None, format!("the break «{}»", b.title), m))
    });
    items
        .chain(breaks)
        .map(|(line, name, m)| {
            Warning::new(
                line,
                format!("{name} is planned for {m} minutes, longer than a day"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string field of the JSON form, with garbage that would drive a terminal.
    #[test]
    fn every_text_field_of_a_json_agenda_is_cleaned() {
        let bad = "x\u{1b}]0;owned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}c\u{9b}\u{7f}\u{202e}\u{85}y";
        let mut tree = serde_json::to_value(Agenda {
            items: vec![super::super::Item::default()],
            breaks: vec![super::super::Break::default()],
            ..Default::default()
        })
        .unwrap();
        fill(&mut tree, bad);
        let text = serde_json::to_string(&tree).unwrap();
        let imported = super::super::parse("a.json", text.as_bytes(), None).unwrap();
        let mut out = serde_json::to_value(&imported.agenda).unwrap();
        let mut seen = 0;
        visit(&mut out, &mut |s| {
            seen += 1;
            assert_eq!(s.replace('\n', ""), "xy", "a field kept {s:?}");
        });
        // Every string and every list of strings of the model was filled and checked.
        assert!(seen >= 12, "only {seen} strings checked");
        let json = imported.agenda.to_json();
        assert!(
            !json
                .chars()
                .any(|c| crate::textutil::is_unsafe(c) && c != '\n')
        );
    }

    /// Puts `bad` into every string field, and one `bad` into every list that holds strings.
    fn fill(v: &mut Value, bad: &str) {
        match v {
            Value::Object(fields) => {
                for (k, f) in fields.iter_mut().filter(|(k, _)| *k != "language") {
                    match f {
                        Value::Null
                            if !["date", "start", "end", "minutes"].contains(&k.as_str()) =>
                        {
                            *f = Value::String(bad.into())
                        }
                        Value::String(_) => *f = Value::String(bad.into()),
                        Value::Array(a) if a.is_empty() => a.push(Value::String(bad.into())),
                        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) => {}
                        Value::Object(_) => {}
                    }
                    fill(f, bad);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| fill(x, bad)),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }

    fn visit(v: &mut Value, f: &mut impl FnMut(&str)) {
        match v {
            Value::String(s) => f(s),
            Value::Array(a) => a.iter_mut().for_each(|x| visit(x, f)),
            Value::Object(o) => o.iter_mut().for_each(|(k, x)| {
                if k != "language" {
                    visit(x, f)
                }
            }),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    #[test]
    fn an_item_longer_than_a_day_is_reported() {
        let text = r#"{"items":[{"number":"1","title":"A","minutes":4294967295}],
            "breaks":[{"title":"Frokost","minutes":2000,"after":1}]}"#;
        let imported = super::super::parse("a.json", text.as_bytes(), None).unwrap();
        let messages: Vec<String> = imported
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("4294967295 minutes, longer than a day")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("«Frokost»")),
            "{messages:?}"
        );
    }
}
