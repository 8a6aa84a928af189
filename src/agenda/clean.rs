//! What every agenda passes through where it comes in ([`super::parse`], which also reads a
//! session's `agenda.json`): its text cleaned of anything that could drive the terminal, and its
//! numbers checked.
//!
//! The cleaning walks the model's fields one by one. Each walk takes its struct apart without
//! `..`, so a field added to the model does not compile until its walk names it: a new text
//! field cannot be forgotten. Text that is already clean (nearly all of it) is left in place
//! without a copy.

use chrono::{NaiveTime, Timelike};

use super::{Agenda, Break, Item, Warning};
use crate::i18n::Key;
use crate::textutil::{clean, clean_multiline, has_unsafe};

/// Strips control characters, escape sequences and bidi overrides from every text field of
/// the agenda, and keeps its clock times to the minute, as its JSON form does.
pub fn sanitize(agenda: &mut Agenda) {
    let Agenda {
        title,
        date: _,
        start,
        end,
        place,
        chair,
        referent,
        participants,
        absent,
        language: _,
        items,
        breaks,
    } = agenda;
    line(title);
    minute(start);
    minute(end);
    for text in [place, chair, referent].into_iter().flatten() {
        line(text);
    }
    participants
        .iter_mut()
        .chain(absent.iter_mut())
        .for_each(line);
    items.iter_mut().for_each(item);
    breaks.iter_mut().for_each(pause);
}

fn item(item: &mut Item) {
    let Item {
        number,
        title,
        case_number,
        start,
        end,
        minutes: _,
        body,
        recommendation,
        decision,
        attachments,
        line: _,
    } = item;
    line(number);
    line(title);
    case_number.iter_mut().for_each(line);
    minute(start);
    minute(end);
    multiline(body);
    recommendation.iter_mut().for_each(line);
    decision.iter_mut().for_each(multiline);
    attachments.iter_mut().for_each(line);
}

fn pause(pause: &mut Break) {
    let Break {
        title,
        start,
        end,
        minutes: _,
        after: _,
    } = pause;
    line(title);
    minute(start);
    minute(end);
}

/// One line of text: cleaned and trimmed ([`clean`]).
fn line(s: &mut String) {
    if !is_clean_line(s) {
        *s = clean(s);
    }
}

/// Text that keeps its line breaks (a body, a decision): each line cleaned and trimmed.
fn multiline(s: &mut String) {
    if s.ends_with('\n') || !s.split('\n').all(is_clean_line) {
        *s = clean_multiline(s);
    }
}

/// Whether [`clean`] would give `s` back unchanged.
fn is_clean_line(s: &str) -> bool {
    !has_unsafe(s) && s.trim().len() == s.len()
}

/// A clock time to the minute: the JSON form writes `HH:MM`.
fn minute(t: &mut Option<NaiveTime>) {
    *t = t
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0));
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
            .map(|m| (None, Key::ImpTheBreak.fill(lang, &[("title", &b.title)]), m))
    });
    items
        .chain(breaks)
        .map(|(line, name, m)| {
            Warning::new(
                line,
                Key::ImpLongerThanADay.fill(lang, &[("item", &name), ("m", &m.to_string())]),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

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
                .any(|m| m.contains("4294967295 minutter, mere end et døgn")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("«Frokost»")),
            "{messages:?}"
        );
    }
}
