//! What `check` warns about: what a chair would want to fix before the meeting starts.
use std::collections::HashMap;

use chrono::NaiveTime;

use super::schedule::between;
use super::{Agenda, Item, Warning};
use crate::i18n::{Key, Lang};

/// How warnings name an item: "Punkt 5", "Sak 12/22", or its title when it has no number.
pub fn name(lang: Lang, item: &Item) -> String {
    if !item.number.is_empty() {
        format!("{} {}", Key::Item.get(lang), item.number)
    } else if !item.title.is_empty() {
        format!("«{}»", item.title)
    } else {
        Key::ItemWithoutName.get(lang).to_string()
    }
}

/// The warnings in the agenda's language.
pub fn lint(a: &Agenda) -> Vec<Warning> {
    lint_in(a, a.language)
}

/// The warnings, worded in `lang`.
pub fn lint_in(a: &Agenda, lang: Lang) -> Vec<Warning> {
    let mut w = Vec::new();
    untimed(a, lang, &mut w);
    titles(a, lang, &mut w);
    sentence_titles(a, lang, &mut w);
    numbers(a, lang, &mut w);
    backwards(a, lang, &mut w);
    overlaps(a, lang, &mut w);
    gaps(a, lang, &mut w);
    meeting_bounds(a, lang, &mut w);
    present_and_absent(a, lang, &mut w);
    w.sort_by_key(|x| x.line);
    w
}

/// A warning about `item`, one of `a`'s items: at its source line, naming its position.
fn for_item(a: &Agenda, item: &Item, message: impl Into<String>) -> Warning {
    Warning {
        item: a.items.iter().position(|i| std::ptr::eq(i, item)),
        ..Warning::new(item.line, message)
    }
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn untimed(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    let timed = |i: &Item| i.start.is_some() || i.minutes.is_some();
    if !a.items.is_empty() && !a.items.iter().any(timed) {
        w.push(Warning::new(None, Key::NoItemTimed.get(lang)));
        return;
    }
    for item in a.items.iter().filter(|i| !timed(i)) {
        let what = if item.recommendation.is_empty() {
            Key::HasNoTime
        } else {
            Key::HasRecommendationNoTime
        };
        w.push(for_item(
            a,
            item,
            what.fill(lang, &[("item", &name(lang, item))]),
        ));
    }
}

fn titles(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    for item in a.items.iter().filter(|i| i.title.trim().is_empty()) {
        w.push(for_item(
            a,
            item,
            Key::HasNoTitle.fill(lang, &[("item", &name(lang, item))]),
        ));
    }
}

/// Words in a title beyond which it reads like a sentence that became a heading.
const SENTENCE_WORDS: usize = 14;

/// What the importer may have misread: a title that reads like a sentence (a body line taken
/// for a heading, or a heading glued to its text).
fn sentence_titles(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    for item in &a.items {
        let words = item.title.split_whitespace().count();
        let inner_stop = item.title.trim_end_matches('.').contains(". ");
        if words > SENTENCE_WORDS || (inner_stop && words > 6) {
            w.push(for_item(
                a,
                item,
                Key::UnsureSentence.fill(lang, &[("item", &name(lang, item))]),
            ));
        }
    }
}

/// What the importer may have misread: a number lower than the one before it in the same
/// series (an item read from a list inside another item, or from another meeting's cases).
fn backwards(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    let mut last: HashMap<&str, (u32, &str, &Item)> = HashMap::new();
    for item in &a.items {
        let Some((n, suffix)) = sequence_key(&item.number) else {
            continue;
        };
        let prev = last.get(series(&item.number)).copied();
        if let Some((p, ps, before)) = prev
            && ps == suffix
            && n < p
        {
            w.push(for_item(
                a,
                item,
                Key::UnsureSequence.fill(
                    lang,
                    &[("item", &name(lang, item)), ("before", &name(lang, before))],
                ),
            ));
        }
        last.insert(series(&item.number), (n, suffix, item));
    }
}

/// `3` -> (3, ""), `12/22` -> (12, "/22"), `3a` -> None (sub-items don't break the sequence).
fn sequence_key(number: &str) -> Option<(u32, &str)> {
    // `PS 46/10`: the series prefix is not part of the count.
    let number = number.rsplit(' ').next().unwrap_or(number);
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let major = number[..digits].parse().ok()?;
    let rest = &number[digits..];
    (rest.is_empty() || rest.starts_with('/')).then_some((major, rest))
}

fn numbers(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    let mut seen: HashMap<&str, &Item> = HashMap::new();
    let numbered = a.items.iter().filter(|i| !i.number.is_empty()).count();
    let mut last: HashMap<&str, (u32, &str)> = HashMap::new();
    for item in &a.items {
        let prev = last.get(series(&item.number)).copied();
        if item.number.is_empty() {
            if numbered > 0 {
                w.push(for_item(
                    a,
                    item,
                    Key::HasNoNumber.fill(lang, &[("item", &name(lang, item))]),
                ));
            }
            continue;
        }
        if let Some(first) = seen.get(item.number.as_str()) {
            let at = first
                .line
                .map(|l| Key::AlsoAtLine.fill(lang, &[("line", &l.to_string())]))
                .unwrap_or_default();
            w.push(for_item(
                a,
                item,
                Key::NumberTwice.fill(lang, &[("number", &item.number), ("at", &at)]),
            ));
        } else {
            seen.insert(&item.number, item);
        }
        let Some(key) = sequence_key(&item.number) else {
            continue;
        };
        if let Some((p, suffix)) = prev
            && suffix == key.1
            && key.0 > p + 1
        {
            let word = Key::Item.get(lang);
            let missing = if key.0 == p + 2 {
                Key::OneMissing.fill(
                    lang,
                    &[("word", word), ("n", &format!("{}{suffix}", p + 1))],
                )
            } else {
                Key::ManyMissing.fill(
                    lang,
                    &[
                        ("word", word),
                        ("from", &format!("{}{suffix}", p + 1)),
                        ("to", &format!("{}{suffix}", key.0 - 1)),
                    ],
                )
            };
            w.push(for_item(
                a,
                item,
                Key::NumbersGo.fill(
                    lang,
                    &[
                        ("missing", &missing),
                        ("from", &format!("{p}{suffix}")),
                        ("to", &item.number),
                    ],
                ),
            ));
        }
        last.insert(series(&item.number), key);
    }
}

/// `PS 46/10` -> "PS": cases and referatsaker are counted apart.
fn series(number: &str) -> &str {
    number.rsplit_once(' ').map_or("", |(s, _)| s)
}

fn overlaps(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    let mut prev: Option<&Item> = None;
    for item in a.items.iter().filter(|i| i.start.is_some()) {
        if let Some(p) = prev
            && let (Some(p_end), Some(start)) = (p.end, item.start)
            && start < p_end
        {
            let overlap = between(start, p_end)
                .map(|m| Key::OverlapMinutes.fill(lang, &[("m", &m.to_string())]))
                .unwrap_or_default();
            w.push(for_item(
                a,
                item,
                Key::Overlaps.fill(
                    lang,
                    &[
                        ("item", &name(lang, item)),
                        ("start", &hhmm(start)),
                        ("before", &name(lang, p)),
                        ("end", &hhmm(p_end)),
                        ("overlap", &overlap),
                    ],
                ),
            ));
        }
        prev = Some(item);
    }
}

/// Gaps the schedule found (breaks without a title): a break nobody announced.
fn gaps(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    for b in a.breaks.iter().filter(|b| b.title.is_empty()) {
        let (Some(s), Some(e)) = (b.start, b.end) else {
            continue;
        };
        let minutes = between(s, e).unwrap_or(0);
        let next = a.items.get(b.after);
        let before = b.after.checked_sub(1).and_then(|i| a.items.get(i));
        let message = match (before, next) {
            (Some(p), Some(n)) => Key::GapBetween.fill(
                lang,
                &[
                    ("m", &minutes.to_string()),
                    ("before", &name(lang, p)),
                    ("start", &hhmm(s)),
                    ("next", &name(lang, n)),
                    ("end", &hhmm(e)),
                ],
            ),
            _ => Key::GapFrom.fill(
                lang,
                &[
                    ("m", &minutes.to_string()),
                    ("start", &hhmm(s)),
                    ("end", &hhmm(e)),
                ],
            ),
        };
        w.push(match next {
            Some(n) => for_item(a, n, message),
            None => Warning::new(None, message),
        });
    }
}

/// The stated meeting start and end against the items' slots.
fn meeting_bounds(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    if let (Some(start), Some(first)) = (a.start, a.items.iter().find(|i| i.start.is_some())) {
        let s = first.start.unwrap_or(start);
        if s > start {
            w.push(for_item(
                a,
                first,
                Key::StartsLater.fill(
                    lang,
                    &[
                        ("meeting", &hhmm(start)),
                        ("item", &name(lang, first)),
                        ("start", &hhmm(s)),
                    ],
                ),
            ));
        } else if s < start {
            w.push(for_item(
                a,
                first,
                Key::StartsEarlier.fill(
                    lang,
                    &[
                        ("item", &name(lang, first)),
                        ("start", &hhmm(s)),
                        ("meeting", &hhmm(start)),
                    ],
                ),
            ));
        }
    }
    let Some(end) = a.end else {
        return;
    };
    let last = a.last_slot_end();
    match last {
        Some(l) if l < end => w.push(Warning::new(
            None,
            Key::EndsEarly.fill(
                lang,
                &[
                    ("last", &hhmm(l)),
                    ("end", &hhmm(end)),
                    ("m", &between(l, end).unwrap_or(0).to_string()),
                ],
            ),
        )),
        Some(l) if l > end => w.push(Warning::new(
            None,
            Key::RunsPast.fill(
                lang,
                &[
                    ("last", &hhmm(l)),
                    ("m", &between(end, l).unwrap_or(0).to_string()),
                    ("end", &hhmm(end)),
                ],
            ),
        )),
        _ => {}
    }
}

/// A name both among the participants and among the apologies: the meeting counts them absent.
fn present_and_absent(a: &Agenda, lang: Lang, w: &mut Vec<Warning>) {
    for name in a.participants.iter().filter(|p| a.sent_apologies(p)) {
        let message = Key::BothPresentAndAbsent.fill(lang, &[("name", name)]);
        w.push(Warning::new(None, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn item(n: &str, start: Option<NaiveTime>, end: Option<NaiveTime>) -> Item {
        Item {
            number: n.into(),
            title: format!("Item {n}"),
            start,
            end,
            line: Some(10),
            ..Item::default()
        }
    }

    fn messages(a: &Agenda) -> Vec<String> {
        lint_in(a, Lang::En)
            .into_iter()
            .map(|w| w.message)
            .collect()
    }

    /// The plan editor shows a warning beside its item: the warning names the item's position,
    /// also for an agenda read from JSON, which has no source lines.
    #[test]
    fn a_warning_names_the_position_of_its_item() {
        let mut a = Agenda {
            items: vec![
                item("1", t(13, 0), t(13, 30)),
                item("2", t(13, 30), t(14, 0)),
                item("3", t(13, 45), t(14, 10)),
            ],
            end: t(14, 0),
            ..Agenda::default()
        };
        for i in &mut a.items {
            i.line = None;
        }
        let found: Vec<(Option<usize>, String)> = lint_in(&a, Lang::En)
            .into_iter()
            .map(|w| (w.item, w.message))
            .collect();
        assert!(
            found
                .iter()
                .any(|(i, m)| *i == Some(2) && m.contains("overlap")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(i, m)| i.is_none() && m.contains("past the stated end")),
            "{found:?}"
        );
    }

    #[test]
    fn overlap_names_both_items_and_times() {
        let a = Agenda {
            items: vec![
                item("4", t(14, 10), t(14, 25)),
                item("5", t(14, 15), t(14, 45)),
            ],
            ..Agenda::default()
        };
        assert_eq!(
            messages(&a),
            ["Item 5 starts 14:15 while Item 4 ends 14:25 (10 min overlap)"]
        );
    }

    #[test]
    fn numbers_duplicate_and_missing() {
        let a = Agenda {
            items: vec![
                item("1", t(9, 0), t(9, 10)),
                item("1", t(9, 10), t(9, 20)),
                item("4", t(9, 20), t(9, 30)),
            ],
            ..Agenda::default()
        };
        let m = messages(&a);
        assert!(
            m.iter()
                .any(|x| x.starts_with("the number 1 is used twice")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|x| x.starts_with("Item 2 to 3 are missing")),
            "{m:?}"
        );
    }

    #[test]
    fn untimed_items_with_recommendations_and_empty_titles() {
        let mut no_time = item("2", None, None);
        no_time.recommendation = vec!["at X".into()];
        let mut untitled = item("3", t(9, 0), t(9, 5));
        untitled.title.clear();
        let a = Agenda {
            items: vec![item("1", t(8, 50), t(9, 0)), no_time, untitled],
            ..Agenda::default()
        };
        let m = messages(&a);
        assert!(
            m.contains(&"Item 2 has a recommendation but no planned time".to_string()),
            "{m:?}"
        );
        assert!(m.contains(&"Item 3 has no title".to_string()), "{m:?}");
    }

    #[test]
    fn unsure_of_sentence_titles_and_numbers_out_of_sequence() {
        let mut long = item("2", t(9, 10), t(9, 20));
        long.title = "Der har været lidt uro. Nogen har taget ting man ikke må".into();
        let a = Agenda {
            items: vec![item("3", t(9, 0), t(9, 10)), long],
            ..Agenda::default()
        };
        let m = messages(&a);
        assert!(
            m.contains(
                &"unsure: the title of Item 2 reads like a sentence; is the heading right?"
                    .to_string()
            ),
            "{m:?}"
        );
        assert!(
            m.contains(&"unsure: Item 2 is out of sequence after Item 3".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn stated_end_against_the_slots() {
        let a = Agenda {
            start: t(9, 0),
            end: t(10, 0),
            items: vec![item("1", t(9, 0), t(9, 45))],
            ..Agenda::default()
        };
        assert_eq!(
            messages(&a),
            ["the items end 09:45 but the meeting is to end 10:00 (15 min unplanned)"]
        );
    }

    #[test]
    fn a_participant_who_sent_apologies_is_named_once() {
        let a = Agenda {
            participants: vec!["Anna Holm".into(), "Bo Ek".into()],
            absent: vec!["anna  holm".into()],
            language: Lang::En,
            items: vec![item("1", t(9, 0), t(9, 30))],
            ..Agenda::default()
        };
        let found: Vec<String> = messages(&a)
            .into_iter()
            .filter(|m| m.contains("apologies"))
            .collect();
        assert_eq!(
            found,
            ["Anna Holm is listed both as a participant and with apologies; counted as absent"]
        );
        let none = Agenda {
            absent: vec!["Carl".into()],
            ..a.clone()
        };
        assert!(!messages(&none).iter().any(|m| m.contains("apologies")));
    }
}
