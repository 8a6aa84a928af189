//! The draft agenda for the next meeting of a series: the standing items, what was deferred or
//! not treated, the points noted for coming meetings under *Eventuelt*, and an item for the open
//! action points.

use chrono::{Datelike, Duration, NaiveDate};

use super::actions::{OpenAction, open_actions_before};
use super::format_date;
use super::{Archive, Session};
use crate::agenda::times::find_date;
use crate::agenda::{Agenda, Item};
use crate::i18n::{Key, Lang};
use crate::session::due::month_name_like;
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

/// Phrases a minute-taker puts before a point for a coming meeting, followed by `:` or a dash;
/// only notes that begin so become items, and the phrase is stripped from the title.
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
    "for next meeting",
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
        title: retitle(&prev.title, last.date(), date, lang),
        date,
        start: prev.start,
        end: prev.end,
        place: prev.place.clone(),
        chair: prev.chair.clone(),
        referent: None,
        participants: members(prev),
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

/// The members of the series: last time's participants and those who sent apologies then.
fn members(prev: &Agenda) -> Vec<String> {
    let mut all = prev.participants.clone();
    for name in &prev.absent {
        if !all.iter().any(|p| crate::agenda::same_name(p, name)) {
            all.push(name.clone());
        }
    }
    all
}

/// The notes on the *Eventuelt* item that say they are for a coming meeting, one item each.
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
            EntryKind::Note { text } => strip_point_prefix(text),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Action { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        })
        .map(|point| {
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

/// The point of a note that begins with one of [`POINT_PREFIXES`] and `:` or a dash; `None`
/// for any other note (*Næste møde holdes 3. april* is news, not a point).
fn strip_point_prefix(text: &str) -> Option<&str> {
    let t = text.trim();
    POINT_PREFIXES.iter().find_map(|p| {
        // Lowercasing can change byte lengths; only cut when the prefix lines up.
        let head = t.get(..p.len())?;
        if head.to_lowercase() != *p {
            return None;
        }
        let rest = t[p.len()..].trim_start();
        let rest = rest
            .strip_prefix([':', '-', '–', '—'])?
            .trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace());
        (!rest.is_empty()).then_some(rest)
    })
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

/// The title with the old date replaced by the new one, written the same way: every form the
/// importer reads (`14-03-2022`, `14.3.22`, `14/3 2022`, `d. 1. december 2026`, `March 14,
/// 2022` …). A title without the old date is kept.
pub fn retitle(title: &str, old: Option<NaiveDate>, new: Option<NaiveDate>, lang: Lang) -> String {
    let (Some(old), Some(new)) = (old, new) else {
        return title.to_string();
    };
    let words: Vec<(usize, usize)> = word_spans(title);
    for k in 0..words.len() {
        for last in words.iter().skip(k).take(3) {
            let (from, to) = (words[k].0, last.1);
            let written = &title[from..to];
            if find_date(written) != Some(old) {
                continue;
            }
            let rewritten = rewrite_date(written, new, lang);
            // Only a rewrite that reads back as the new date replaces the old one.
            if find_date(&rewritten) != Some(new) {
                return title.to_string();
            }
            let before = reweekday(&title[..from], old, new);
            return format!("{before}{rewritten}{}", &title[to..]);
        }
    }
    title.to_string()
}

/// `before` (the title up to its date) with the old date's weekday, when it names it just
/// before the date (`tirsdag den`, `Mandag d.`), changed to the new date's.
fn reweekday(before: &str, old: NaiveDate, new: NaiveDate) -> String {
    use crate::session::due::weekday_name_like;
    let spans = word_spans(before);
    for &(from, to) in spans.iter().rev().take(2) {
        let word = before[from..to].trim_end_matches(',');
        // The word names the old date's weekday when writing that weekday its way gives it back.
        if weekday_name_like(word, old.weekday()).as_deref() == Some(word)
            && let Some(changed) = weekday_name_like(word, new.weekday())
        {
            let rest = &before[from + word.len()..];
            return format!("{}{changed}{rest}", &before[..from]);
        }
    }
    before.to_string()
}

/// Byte ranges of the whitespace-separated words of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = vec![];
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                spans.push((b, i));
                start = None;
            }
            (false, None) => start = Some(i),
            (true, None) | (false, Some(_)) => {}
        }
    }
    if let Some(b) = start {
        spans.push((b, s.len()));
    }
    spans
}

/// `written` (one date as the importer reads it) with its numbers and month name changed to
/// `date`'s, keeping separators, zero padding, the year's length and the month's language.
fn rewrite_date(written: &str, date: NaiveDate, lang: Lang) -> String {
    let mut pieces: Vec<(bool, bool, String)> = vec![]; // (digits, letters, text)
    for c in written.chars() {
        let kind = (c.is_ascii_digit(), c.is_alphabetic());
        match pieces.last_mut() {
            Some((d, l, text)) if (*d, *l) == kind && (kind.0 || kind.1) => text.push(c),
            _ => pieces.push((kind.0, kind.1, c.to_string())),
        }
    }
    let named_month = pieces
        .iter()
        .any(|(_, letters, w)| *letters && crate::session::due::month(w).is_some());
    let groups: Vec<&str> = pieces
        .iter()
        .filter(|(d, _, _)| *d)
        .map(|(_, _, t)| t.as_str())
        .collect();
    let year_first = groups.first().is_some_and(|g| g.len() == 4);
    let roles: &[char] = match (named_month, year_first) {
        (true, _) => &['d', 'y'],
        (false, true) => &['y', 'm', 'd'],
        (false, false) => &['d', 'm', 'y'],
    };
    let mut roles = roles.iter();
    let mut out = String::new();
    for (digits, letters, text) in &pieces {
        if *digits {
            let value = match roles.next().copied() {
                Some('d') => i64::from(date.day()),
                Some('m') => i64::from(date.month()),
                Some(_) if text.len() == 2 => i64::from(date.year() % 100),
                Some(_) => i64::from(date.year()),
                None => {
                    out.push_str(text);
                    continue;
                }
            };
            // `05.01.2027` is padded, `5. januar` is not: as the old date was.
            let padded = text.starts_with('0') || (!named_month && text.len() >= 2);
            let width = if padded { 2 } else { 1 };
            out.push_str(&format!("{value:0width$}"));
        } else if *letters && let Some(name) = month_name_like(text, date.month(), lang) {
            out.push_str(&name);
        } else {
            out.push_str(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retitle_keeps_the_date_format() {
        let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day);
        assert_eq!(
            retitle(
                "Centerledermøde d. 14-03-2022",
                d(3, 14),
                d(3, 21),
                Lang::Da
            ),
            "Centerledermøde d. 21-03-2022"
        );
        assert_eq!(
            retitle("Ledermøte 14.03.2022", d(3, 14), d(3, 28), Lang::Nb),
            "Ledermøte 28.03.2022"
        );
        assert_eq!(
            retitle("Styregruppe", d(3, 14), d(3, 21), Lang::Da),
            "Styregruppe"
        );
    }

    /// Found trying `next-agenda`: *d. 1. december 2026* stayed in the new title.
    #[test]
    fn retitle_replaces_the_date_in_every_form_the_importer_reads() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            (
                "Ledermøde d. 1. december 2026",
                "Ledermøde d. 8. december 2026",
                Lang::Da,
            ),
            (
                "Ledermøte 1. desember 2026",
                "Ledermøte 8. desember 2026",
                Lang::Nb,
            ),
            (
                "Board, December 1, 2026",
                "Board, December 8, 2026",
                Lang::En,
            ),
            ("Møde 01.12.26", "Møde 08.12.26", Lang::Da),
            ("Møde 1/12 2026", "Møde 8/12 2026", Lang::Da),
            ("Møde 1/12-2026 kl. 9", "Møde 8/12-2026 kl. 9", Lang::Da),
            ("Møde (2026-12-01)", "Møde (2026-12-08)", Lang::Da),
            ("Mandag d. 1. dec. 2026", "Mandag d. 8. dec. 2026", Lang::Da),
            (
                "tirsdag den 1. december 2026",
                "tirsdag den 8. december 2026",
                Lang::Da,
            ),
        ];
        for (old, new, lang) in cases {
            assert_eq!(
                retitle(old, d(2026, 12, 1), d(2026, 12, 8), lang),
                new,
                "{old}"
            );
        }
        // Into the next month and year the month's name follows, in the title's language, and
        // so does a weekday named before the date; another date in the title is left alone.
        for (old, from, to, lang, new) in [
            (
                "Ledermøde tirsdag den 1. december 2026",
                d(2026, 12, 1),
                d(2026, 12, 3),
                Lang::Da,
                "Ledermøde torsdag den 3. december 2026",
            ),
            (
                "Board, Tuesday, December 1, 2026",
                d(2026, 12, 1),
                d(2026, 12, 2),
                Lang::En,
                "Board, Wednesday, December 2, 2026",
            ),
            (
                "Møde d. 29. december 2026",
                d(2026, 12, 29),
                d(2027, 1, 5),
                Lang::Da,
                "Møde d. 5. januar 2027",
            ),
            (
                "Møte 10.11.2026",
                d(2026, 11, 10),
                d(2026, 12, 1),
                Lang::Nb,
                "Møte 01.12.2026",
            ),
            (
                "Møte 24. november 2026",
                d(2026, 11, 24),
                d(2026, 12, 1),
                Lang::Nb,
                "Møte 1. desember 2026",
            ),
            (
                "Budget 2027, møde 1. december 2026",
                d(2026, 12, 1),
                d(2026, 12, 8),
                Lang::Da,
                "Budget 2027, møde 8. december 2026",
            ),
        ] {
            assert_eq!(retitle(old, from, to, lang), new, "{old}");
        }
    }

    #[test]
    fn point_prefixes_and_long_notes() {
        assert_eq!(
            strip_point_prefix("Til næste møde: Budget 2024"),
            Some("Budget 2024")
        );
        assert_eq!(
            strip_point_prefix("Til neste møte – Budsjett"),
            Some("Budsjett")
        );
        assert_eq!(
            strip_point_prefix("For next meeting: budget"),
            Some("budget")
        );
        assert_eq!(strip_point_prefix("Næste møde"), None);
        assert_eq!(strip_point_prefix("Næste møde holdes 3. april"), None);
        assert_eq!(strip_point_prefix("Trivselsmåling"), None);
        assert_eq!(strip_point_prefix("Til næste møde:"), None);
        let long = "ord ".repeat(40);
        let t = first_line_short(&long);
        assert!(t.chars().count() <= 80 && t.ends_with('…'), "{t}");
    }
}
