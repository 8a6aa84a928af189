//! The draft agenda for the next meeting of a series: the standing items, what was deferred or
//! not treated, the points noted for coming meetings under *Eventuelt*, and an item for the open
//! action points.

use chrono::{Duration, NaiveDate};

use super::actions::{OpenAction, open_actions_before};
use super::format_date;
use super::{Archive, Session};
use crate::agenda::{Agenda, Item};
use crate::i18n::{Key, Lang};
use crate::session::state::{EntryKind, Status};

/// A draft agenda and how its date was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub agenda: Agenda,
    /// One line for the reader: where the date comes from.
    pub date_note: String,
}

/// Titles that recur in almost every meeting of any series (lowercase, da / nb / en).
const STANDING_WORDS: &[&str] = &[
    "referat",
    "godkendelse af dagsorden",
    "godkjenning av innkalling",
    "godkjenning av protokoll",
    "eventuelt",
    "evt.",
    "orientering",
    "meddelelser",
    "næste møde",
    "neste møte",
    "approval of the agenda",
    "approval of the minutes",
    "minutes",
    "any other business",
    "next meeting",
];

/// Titles of the item under which points for coming meetings are noted.
const AOB_WORDS: &[&str] = &["eventuelt", "evt.", "any other business", "aob"];

/// Phrases a minute-taker puts before a point for a coming meeting; stripped from the title.
const POINT_PREFIXES: &[&str] = &[
    "punkter til kommende møder",
    "punkt til kommende møde",
    "til kommende møde",
    "til næste møde",
    "næste møde",
    "saker til neste møte",
    "sak til neste møte",
    "til neste møte",
    "items for coming meetings",
    "for the next meeting",
    "next meeting",
];

/// The draft for the meeting after `archive.sessions[index]`, in its series.
pub fn draft(archive: &Archive, index: usize) -> Option<Draft> {
    let last = archive.sessions.get(index)?;
    let key = last.series_key();
    let earlier: Vec<&Session> = archive.sessions[..index]
        .iter()
        .filter(|s| s.series_key() == key)
        .collect();
    let lang = last.meeting.agenda.language;
    let (date, date_note) = next_date(last, earlier.last().copied(), lang);
    let open = open_actions_before(archive, &key, None, last.date());
    let agenda = compose(last, &earlier, &open, date);
    Some(Draft { agenda, date_note })
}

/// The next date: the interval between the last two meetings of the series, else a week.
fn next_date(last: &Session, before: Option<&Session>, lang: Lang) -> (Option<NaiveDate>, String) {
    let Some(last_date) = last.date() else {
        return (None, Key::NextDateUnknown.get(lang).to_string());
    };
    let interval = before
        .and_then(|b| b.date())
        .map(|b| last_date - b)
        .filter(|d| *d > Duration::zero());
    match interval {
        Some(d) => (
            Some(last_date + d),
            format!(
                "{} {} + {} {}",
                Key::NextDateInterval.get(lang),
                format_date(last_date, lang),
                d.num_days(),
                Key::Days.get(lang)
            ),
        ),
        None => (
            Some(last_date + Duration::days(7)),
            format!(
                "{} {} + 7 {}",
                Key::NextDateWeek.get(lang),
                format_date(last_date, lang),
                Key::Days.get(lang)
            ),
        ),
    }
}

/// The items in order: the review item, the open action points, the other standing items,
/// what was carried over, the new points, and a closing standing item (*Eventuelt*) last.
fn compose(
    last: &Session,
    earlier: &[&Session],
    open: &[OpenAction],
    date: Option<NaiveDate>,
) -> Agenda {
    let prev = &last.meeting.agenda;
    let lang = prev.language;
    // An item deferred last time is carried over whole, even when it recurs.
    let standing: Vec<usize> = standing_items(last, earlier)
        .into_iter()
        .filter(|&i| !is_deferred(last, i))
        .collect();
    let review = super::actions::review_item(prev);
    let closing = prev
        .items
        .len()
        .checked_sub(1)
        .filter(|l| standing.contains(l) && *l != review);
    let mut items: Vec<Item> = vec![];
    if standing.contains(&review) {
        items.push(standing_copy(&prev.items[review]));
    }
    if !open.is_empty() {
        items.push(actions_item(open, lang));
    }
    for &i in &standing {
        if i != review && Some(i) != closing {
            items.push(standing_copy(&prev.items[i]));
        }
    }
    items.extend(carried_over(last, &standing));
    items.extend(points_for_coming(last));
    if let Some(c) = closing {
        items.push(standing_copy(&prev.items[c]));
    }
    for (n, item) in items.iter_mut().enumerate() {
        item.number = (n + 1).to_string();
    }
    Agenda {
        title: retitle(&prev.title, last.date(), date),
        date,
        start: prev.start,
        end: None,
        place: prev.place.clone(),
        chair: prev.chair.clone(),
        referent: None,
        participants: prev.participants.clone(),
        absent: vec![],
        language: lang,
        breaks: vec![],
        items,
    }
}

/// Indices of the items of `last` that are standing: those whose title also appears in an
/// earlier meeting of the series; with no earlier meeting, the first and last items and any
/// whose title is a usual standing one.
pub fn standing_items(last: &Session, earlier: &[&Session]) -> Vec<usize> {
    let items = &last.meeting.agenda.items;
    let key = |t: &str| t.trim().to_lowercase();
    if earlier.is_empty() {
        let n = items.len();
        return (0..n)
            .filter(|&i| {
                i == 0 || i + 1 == n || {
                    let t = key(&items[i].title);
                    STANDING_WORDS.iter().any(|w| t.starts_with(w))
                }
            })
            .collect();
    }
    (0..items.len())
        .filter(|&i| {
            let t = key(&items[i].title);
            earlier
                .iter()
                .any(|s| s.meeting.agenda.items.iter().any(|o| key(&o.title) == t))
        })
        .collect()
}

/// A standing item as it recurs: title, case number, slot length and recommendation; the body
/// was about last time and is left out.
fn standing_copy(item: &Item) -> Item {
    Item {
        title: item.title.clone(),
        case_number: item.case_number.clone(),
        minutes: item.planned_minutes(),
        recommendation: item.recommendation.clone(),
        ..Default::default()
    }
}

/// Items of `last` that were deferred or not treated, or whose recommendation was deferred,
/// whole, with a line saying where they come from.
fn carried_over(last: &Session, standing: &[usize]) -> Vec<Item> {
    let m = &last.meeting;
    let lang = m.agenda.language;
    let when = last
        .date()
        .map(|d| format_date(d, lang))
        .unwrap_or_default();
    m.agenda
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| !standing.contains(i))
        .filter_map(|(i, item)| {
            let state = m.items.get(i)?;
            let deferred = is_deferred(last, i);
            let untreated = matches!(state.status, Status::Skipped | Status::Pending)
                || (state.status == Status::Current && !m.is_finished());
            let key = if deferred {
                Key::CarriedDeferred
            } else if untreated {
                Key::CarriedNotTreated
            } else {
                return None;
            };
            let mut copy = Item {
                number: String::new(),
                start: None,
                end: None,
                minutes: item.planned_minutes(),
                line: None,
                ..item.clone()
            };
            let origin = format!("{} {when}.", key.get(lang));
            copy.body = if copy.body.trim().is_empty() {
                origin
            } else {
                format!("{origin}\n\n{}", copy.body)
            };
            Some(copy)
        })
        .collect()
}

/// Whether the item was moved to a later meeting, by a replan or by its recommendation's outcome.
fn is_deferred(session: &Session, item: usize) -> bool {
    session.meeting.items.get(item).is_some_and(|state| {
        state.status == Status::Deferred
            || state
                .outcome()
                .is_some_and(|(o, _)| o == crate::session::Outcome::Deferred)
    })
}

/// The notes on the *Eventuelt* item, one item each.
fn points_for_coming(last: &Session) -> Vec<Item> {
    let m = &last.meeting;
    let lang = m.agenda.language;
    let Some(aob) = m.agenda.items.iter().position(|i| {
        let t = i.title.trim().to_lowercase();
        AOB_WORDS.iter().any(|w| t.starts_with(w))
    }) else {
        return vec![];
    };
    let when = last
        .date()
        .map(|d| format_date(d, lang))
        .unwrap_or_default();
    m.items[aob]
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Note { text } if !text.trim().is_empty() => Some(text.as_str()),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Action { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        })
        .map(|text| {
            let point = strip_point_prefix(text);
            let title = first_line_short(point);
            let mut body = format!("{} {when}.", Key::NotedUnderAob.get(lang));
            if title != point.trim() {
                body = format!("{body}\n\n{}", point.trim());
            }
            Item {
                title,
                body,
                ..Default::default()
            }
        })
        .collect()
}

fn strip_point_prefix(text: &str) -> &str {
    let t = text.trim();
    let lower = t.to_lowercase();
    for p in POINT_PREFIXES {
        // Lowercasing can change byte lengths; only cut when the prefix lines up.
        if lower.starts_with(p) && t.is_char_boundary(p.len()) && t[..p.len()].to_lowercase() == *p
        {
            let rest = t[p.len()..]
                .trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace());
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    t
}

/// A title from a note: its first line, cut at 80 characters on a word.
fn first_line_short(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default().trim();
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    let mut out = String::new();
    for word in line.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > 79 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// The item that lists the open action points, one bullet each.
fn actions_item(open: &[OpenAction], lang: Lang) -> Item {
    let body = open
        .iter()
        .map(|a| format!("- {}", a.line(lang)))
        .collect::<Vec<_>>()
        .join("\n");
    Item {
        title: Key::OpenActionsItem.get(lang).to_string(),
        minutes: Some(10),
        body,
        ..Default::default()
    }
}

/// The title with the old date replaced by the new one, in the same format, when it has one.
fn retitle(title: &str, old: Option<NaiveDate>, new: Option<NaiveDate>) -> String {
    let (Some(old), Some(new)) = (old, new) else {
        return title.to_string();
    };
    for fmt in [
        "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%d/%m-%Y",
    ] {
        let written = old.format(fmt).to_string();
        if title.contains(&written) {
            return title.replacen(&written, &new.format(fmt).to_string(), 1);
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retitle_keeps_the_date_format() {
        let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day);
        assert_eq!(
            retitle("Centerledermøde d. 14-03-2022", d(3, 14), d(3, 21)),
            "Centerledermøde d. 21-03-2022"
        );
        assert_eq!(
            retitle("Ledermøte 14.03.2022", d(3, 14), d(3, 28)),
            "Ledermøte 28.03.2022"
        );
        assert_eq!(retitle("Styregruppe", d(3, 14), d(3, 21)), "Styregruppe");
    }

    #[test]
    fn point_prefixes_and_long_notes() {
        assert_eq!(
            strip_point_prefix("Til næste møde: Budget 2024"),
            "Budget 2024"
        );
        assert_eq!(strip_point_prefix("Næste møde"), "Næste møde");
        assert_eq!(strip_point_prefix("Trivselsmåling"), "Trivselsmåling");
        let long = "ord ".repeat(40);
        let t = first_line_short(&long);
        assert!(t.chars().count() <= 80 && t.ends_with('…'), "{t}");
    }
}
