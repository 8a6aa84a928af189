//! Deriving the schedule: keep what the document says, work out the rest.
//!
//! A slot given as clock times gives the minutes; minutes with a start give the end; items with
//! only minutes are laid out one after another from the meeting start; an item with only a start
//! runs until the next one starts; gaps between slots become breaks (with an empty title, so
//! they can be told from breaks the document announced).

use chrono::{NaiveTime, TimeDelta};

use super::lint::name;
use super::{Agenda, Break, Warning};
use crate::i18n::Key;

pub fn derive(a: &mut Agenda) -> Vec<Warning> {
    let mut warnings = Vec::new();
    complete_items(a, &mut warnings);
    for b in &mut a.breaks {
        complete(&mut b.start, &mut b.end, &mut b.minutes);
    }
    run_until_next(a);
    if a.start.is_none() {
        a.start = a.items.first().and_then(|i| i.start);
    }
    lay_out(a, &mut warnings);
    add_gaps(a);
    warnings
}

/// `t + minutes`, or None past midnight.
pub fn add(t: NaiveTime, minutes: u32) -> Option<NaiveTime> {
    let (sum, wrapped) = t.overflowing_add_signed(TimeDelta::try_minutes(i64::from(minutes))?);
    (wrapped == 0).then_some(sum)
}

/// Minutes from `a` to `b`, when `b` is not before `a`.
pub fn between(a: NaiveTime, b: NaiveTime) -> Option<u32> {
    (b >= a)
        .then(|| u32::try_from((b - a).num_minutes()).ok())
        .flatten()
}

fn sub(t: NaiveTime, minutes: u32) -> Option<NaiveTime> {
    let (diff, wrapped) = t.overflowing_sub_signed(TimeDelta::try_minutes(i64::from(minutes))?);
    (wrapped == 0).then_some(diff)
}

/// Fills the third of start, end and minutes from the other two.
fn complete(start: &mut Option<NaiveTime>, end: &mut Option<NaiveTime>, minutes: &mut Option<u32>) {
    match (*start, *end, *minutes) {
        (Some(s), Some(e), None) => *minutes = between(s, e),
        (Some(s), None, Some(m)) => *end = add(s, m),
        (None, Some(e), Some(m)) => *start = sub(e, m),
        _ => {}
    }
}

fn complete_items(a: &mut Agenda, warnings: &mut Vec<Warning>) {
    let lang = a.language;
    for item in &mut a.items {
        if let (Some(s), Some(e)) = (item.start, item.end) {
            if e < s {
                warnings.push(Warning::new(
                    item.line,
                    Key::ImpEndsBeforeStart.fill(
                        lang,
                        &[
                            ("item", &name(lang, item)),
                            ("end", &hhmm(e)),
                            ("start", &hhmm(s)),
                        ],
                    ),
                ));
            } else if let (Some(m), Some(slot)) = (item.minutes, between(s, e))
                && m != slot
            {
                warnings.push(Warning::new(
                    item.line,
                    Key::ImpSlotDiffers.fill(
                        lang,
                        &[
                            ("item", &name(lang, item)),
                            ("start", &hhmm(s)),
                            ("end", &hhmm(e)),
                            ("slot", &slot.to_string()),
                            ("m", &m.to_string()),
                        ],
                    ),
                ));
            }
        }
        complete(&mut item.start, &mut item.end, &mut item.minutes);
    }
}

/// An item with only a start runs until the next thing on the agenda starts (or the meeting's
/// stated end, for the last item).
fn run_until_next(a: &mut Agenda) {
    let n = a.items.len();
    for i in 0..n {
        let item = &a.items[i];
        let (Some(start), None, None) = (item.start, item.end, item.minutes) else {
            continue;
        };
        let next_item = a.items[i + 1..].iter().find_map(|x| x.start);
        let next_break = a
            .breaks
            .iter()
            .filter(|b| b.after > i)
            .find_map(|b| b.start);
        let next = match (next_item, next_break) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        let end = next.or(if i + 1 == n { a.end } else { None });
        if let Some(end) = end.filter(|e| *e >= start) {
            a.items[i].end = Some(end);
            a.items[i].minutes = between(start, end);
        }
    }
}

/// Lays out items (and breaks) that have minutes but no clock time, from the meeting start or
/// the end of what came before.
fn lay_out(a: &mut Agenda, warnings: &mut Vec<Warning>) {
    let mut cursor = a.start;
    let mut warned_midnight = false;
    let lang = a.language;
    let mut breaks = std::mem::take(&mut a.breaks);
    breaks.sort_by_key(|b| b.after);
    let mut next_break = 0;
    for i in 0..=a.items.len() {
        while next_break < breaks.len() && breaks[next_break].after <= i {
            let b = &mut breaks[next_break];
            cursor = place(&mut b.start, &mut b.end, &mut b.minutes, cursor);
            next_break += 1;
        }
        let Some(item) = a.items.get_mut(i) else {
            break;
        };
        let before = cursor;
        cursor = place(&mut item.start, &mut item.end, &mut item.minutes, cursor);
        let ran_over = before.is_some() && cursor.is_none() && item.end.is_none();
        if ran_over && item.minutes.is_some() && !warned_midnight {
            warned_midnight = true;
            warnings.push(Warning::new(
                item.line,
                Key::ImpPastMidnight.fill(lang, &[("item", &name(lang, item))]),
            ));
        }
    }
    a.breaks = breaks;
}

/// Places one entry at `cursor` if the document gave it no clock time; returns the new cursor.
fn place(
    start: &mut Option<NaiveTime>,
    end: &mut Option<NaiveTime>,
    minutes: &mut Option<u32>,
    cursor: Option<NaiveTime>,
) -> Option<NaiveTime> {
    if start.is_some() {
        return *end;
    }
    let at = cursor?;
    match (*minutes, *end) {
        (Some(m), _) => {
            *start = Some(at);
            *end = add(at, m);
            *end
        }
        (None, Some(e)) if e >= at => {
            *start = Some(at);
            *minutes = between(at, e);
            Some(e)
        }
        // No time at all: it takes none, the next item starts where the last one ended.
        _ => cursor,
    }
}

/// Turns each gap between consecutive slots into a break with an empty title.
fn add_gaps(a: &mut Agenda) {
    // (end of what came before, how many items precede the next entry, next start)
    let mut entries: Vec<(Option<NaiveTime>, Option<NaiveTime>, usize)> = Vec::new();
    let mut bi = 0;
    for i in 0..=a.items.len() {
        while bi < a.breaks.len() && a.breaks[bi].after <= i {
            let b = &a.breaks[bi];
            entries.push((b.start, b.end, i));
            bi += 1;
        }
        if let Some(item) = a.items.get(i) {
            entries.push((item.start, item.end, i));
        }
    }
    let mut gaps = Vec::new();
    let mut last_end: Option<NaiveTime> = None;
    for (start, end, after) in entries {
        if let (Some(prev), Some(s)) = (last_end, start)
            && s > prev
        {
            gaps.push(Break {
                title: String::new(),
                start: Some(prev),
                end: Some(s),
                minutes: between(prev, s),
                after,
            });
        }
        if start.is_some() || end.is_some() {
            last_end = end;
        }
    }
    a.breaks.extend(gaps);
    a.breaks.sort_by_key(|b| (b.after, b.start));
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn item(
        n: &str,
        start: Option<NaiveTime>,
        end: Option<NaiveTime>,
        minutes: Option<u32>,
    ) -> Item {
        Item {
            number: n.into(),
            title: format!("Item {n}"),
            start,
            end,
            minutes,
            ..Item::default()
        }
    }

    #[test]
    fn durations_are_laid_out_from_the_start() {
        let mut a = Agenda {
            start: t(9, 0),
            items: vec![
                item("1", None, None, Some(10)),
                item("2", None, None, Some(20)),
            ],
            ..Agenda::default()
        };
        assert!(derive(&mut a).is_empty());
        assert_eq!((a.items[1].start, a.items[1].end), (t(9, 10), t(9, 30)));
    }

    #[test]
    fn clock_slots_give_minutes_and_gaps_become_breaks() {
        let mut a = Agenda {
            items: vec![
                item("1", t(11, 0), t(12, 0), None),
                item("2", t(12, 30), t(13, 0), None),
            ],
            ..Agenda::default()
        };
        derive(&mut a);
        assert_eq!(a.start, t(11, 0));
        assert_eq!(a.items[0].minutes, Some(60));
        assert_eq!(a.breaks.len(), 1);
        assert_eq!(
            (a.breaks[0].start, a.breaks[0].minutes, a.breaks[0].after),
            (t(12, 0), Some(30), 1)
        );
        // Deriving again adds nothing: the gap is now a break.
        derive(&mut a);
        assert_eq!(a.breaks.len(), 1);
    }

    #[test]
    fn start_only_runs_until_the_next_start() {
        let mut a = Agenda {
            end: t(10, 0),
            items: vec![
                item("1", t(9, 0), None, None),
                item("2", t(9, 40), None, None),
            ],
            ..Agenda::default()
        };
        derive(&mut a);
        assert_eq!(a.items[0].minutes, Some(40));
        assert_eq!(a.items[1].end, t(10, 0));
    }

    #[test]
    fn an_untimed_item_takes_no_time() {
        let mut a = Agenda {
            start: t(9, 0),
            items: vec![
                item("1", None, None, Some(10)),
                item("2", None, None, None),
                item("3", None, None, Some(5)),
            ],
            ..Agenda::default()
        };
        derive(&mut a);
        assert_eq!(a.items[1].start, None);
        assert_eq!(a.items[2].start, t(9, 10));
    }

    #[test]
    fn past_midnight_stops_the_layout_with_a_warning() {
        let mut a = Agenda {
            start: t(23, 0),
            items: vec![
                item("1", None, None, Some(50)),
                item("2", None, None, Some(50)),
                item("3", None, None, Some(5)),
            ],
            ..Agenda::default()
        };
        let w = derive(&mut a);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(a.items[2].start, None);
    }

    #[test]
    fn disagreeing_minutes_are_kept_and_reported() {
        let mut a = Agenda {
            items: vec![item("1", t(9, 0), t(9, 20), Some(15))],
            ..Agenda::default()
        };
        let w = derive(&mut a);
        assert_eq!(a.items[0].minutes, Some(15));
        assert!(w[0].message.contains("20 min"), "{w:?}");
    }
}
