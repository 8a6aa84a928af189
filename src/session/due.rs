//! Due dates as a minute-taker types them in the action form: `21/3`, `1. maj`, `fredag`,
//! `næste uge`, `uge 51`, `om 14 dage`, `ultimo januar`, `+7d` … in Danish, Norwegian (bokmål
//! and nynorsk) and English.
//!
//! Pure: "today" is an argument. A date without a year means its next occurrence (today counts);
//! a weekday means the next such day after today; a week means its Friday.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::i18n::{Key, Lang};

/// Parses a due date, with error messages in English. See [`parse_due_lang`].
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_due_lang(input, today, Lang::En)
}

/// Parses a due date, with error messages in `lang`.
///
/// Accepts `2022-03-21`, `21/3`, `21/3/2022`, `21.3.`, `21.3.2022`, `21-03-2022`; `1. maj`,
/// `1 mai 2023`, `May 1`, `21. mar.` (month names in full or from three letters); weekday names
/// (`fredag`, `fre`, `thu`); `i dag`, `i morgen`, `i overmorgen` and their English; `næste uge`
/// / `neste uke` / `neste veke` / `next week` (its Friday); `uge 51` / `uke 51` / `veke 51` /
/// `week 51` (the Friday of that ISO week, next occurrence); `om 14 dage`, `om en uge`, `in two
/// weeks` (digits or a number word up to twelve); `ultimo januar`, `utgangen av januar`, `end of
/// january` (its last day); and offsets `+7d`, `+2w`, `+3u`, `+3 uger`, `+1m` (months).
pub fn parse_due_lang(input: &str, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    parse(input, today).map_err(|e| e.message(input.trim(), lang))
}

/// A date as every screen, table, search result and the minutes show it, one format per
/// language (`21.03.2022` in Danish and Norwegian, `21 Mar 2022` in English), in a shape
/// [`parse_due`] reads back. Data (JSON, iCalendar, folder names) stays ISO.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let pattern = match lang {
        Lang::Da | Lang::Nb | Lang::Nn => "%d.%m.%Y",
        Lang::En => "%-d %b %Y",
    };
    date.format(pattern).to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DueError {
    Empty,
    /// Looks like a date but the day does not exist (31/2, 0/3, 12/13, week 54).
    NoSuchDate,
    /// An offset too large to be a due date.
    TooFar,
    Unknown,
}

impl DueError {
    fn message(self, input: &str, lang: Lang) -> String {
        let hint = Key::DueHint.get(lang);
        match self {
            DueError::Empty => hint.to_string(),
            DueError::NoSuchDate => format!("{} «{input}». {hint}", Key::DueNoSuchDate.get(lang)),
            DueError::TooFar => format!("{} «{input}».", Key::DueTooFar.get(lang)),
            DueError::Unknown => format!("{} «{input}». {hint}", Key::DueUnknown.get(lang)),
        }
    }
}

fn parse(input: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let text = input.trim().to_lowercase();
    let text = text.trim_end_matches(['.', ',']).trim();
    if text.is_empty() {
        return Err(DueError::Empty);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(d) = relative_day(&words, today) {
        return Ok(d);
    }
    if let Some(rest) = text.strip_prefix('+') {
        return offset_text(rest.trim(), today);
    }
    if let Some(result) = phrase(&words, today) {
        return result;
    }
    if let Some(w) = weekday(text) {
        return next_weekday(today, w).ok_or(DueError::TooFar);
    }
    if let Some(result) = named_month_date(&words, today) {
        return result;
    }
    numeric(text, today)
}

fn relative_day(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    match words.concat().as_str() {
        "idag" | "today" => Some(today),
        "imorgen" | "imorgon" | "tomorrow" => today.succ_opt(),
        "iovermorgen"
        | "overimorgen"
        | "overmorgen"
        | "iovermorgon"
        | "overmorgon"
        | "thedayaftertomorrow"
        | "dayaftertomorrow" => today.checked_add_days(Days::new(2)),
        _ => None,
    }
}

/// The phrases of more than one word: next week, week N, in N days, end of a month.
fn phrase(words: &[&str], today: NaiveDate) -> Option<Result<NaiveDate, DueError>> {
    match words {
        ["næste" | "neste" | "next", w] if is_week_word(w) => {
            Some(friday_of_next_week(today).ok_or(DueError::TooFar))
        }
        [w, n] if is_week_word(w) => Some(week_number(n, today)),
        ["om" | "in", n, unit] => {
            Some(count(n).map_or(Err(DueError::Unknown), |n| offset(n, unit, today)))
        }
        ["ultimo", m]
        | [
            "utgangen" | "slutten" | "slutningen" | "enden",
            "av" | "af",
            m,
        ]
        | ["end", "of", m] => Some(end_of_month(m, today)),
        _ => None,
    }
}

fn is_week_word(w: &str) -> bool {
    matches!(w, "uge" | "uke" | "veke" | "week" | "wk")
}

/// Friday in the week after this one (Monday to Sunday).
fn friday_of_next_week(today: NaiveDate) -> Option<NaiveDate> {
    let monday =
        today.checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))?;
    monday.checked_add_days(Days::new(7 + 4))
}

/// The Friday of ISO week `n`: this year's when it is still to come (today counts), else the
/// next year that has such a week.
fn week_number(n: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let n: u32 = digits(n).ok_or(DueError::Unknown)?;
    if !(1..=53).contains(&n) {
        return Err(DueError::NoSuchDate);
    }
    let year = today.iso_week().year();
    (year..=year.saturating_add(6))
        .filter_map(|y| NaiveDate::from_isoywd_opt(y, n, Weekday::Fri))
        .find(|d| *d >= today)
        .ok_or(DueError::NoSuchDate)
}

/// The last day of the month named `m`, next occurrence.
fn end_of_month(m: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let month = month(m).ok_or(DueError::Unknown)?;
    (today.year()..=today.year().saturating_add(1))
        .filter_map(|y| last_day(y, month))
        .find(|d| *d >= today)
        .ok_or(DueError::TooFar)
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// Digits only, or `None`.
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A count in digits or as a small number word (`en`, `ei`, `to`, `two`, `fjorten` …).
fn count(word: &str) -> Option<u32> {
    if let Some(n) = digits(word) {
        return Some(n);
    }
    let n = match word {
        "en" | "et" | "ei" | "eitt" | "ett" | "one" | "a" | "an" => 1,
        "to" | "two" => 2,
        "tre" | "three" => 3,
        "fire" | "four" => 4,
        "fem" | "five" => 5,
        "seks" | "six" => 6,
        "syv" | "sju" | "seven" => 7,
        "otte" | "åtte" | "eight" => 8,
        "ni" | "nine" => 9,
        "ti" | "ten" => 10,
        "elleve" | "eleven" => 11,
        "tolv" | "twelve" => 12,
        "fjorten" | "fourteen" => 14,
        _ => return None,
    };
    Some(n)
}

/// `7d`, `2w`, `3u`, `3 uger`, `1m`; a bare number means days.
fn offset_text(rest: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let unit = rest[number.len()..].trim();
    let n: u32 = number.parse().map_err(|_| DueError::Unknown)?;
    offset(n, unit, today)
}

/// `n` days, weeks or months after today.
fn offset(n: u32, unit: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let days = |k: u64| {
        today
            .checked_add_days(Days::new(u64::from(n) * k))
            .ok_or(DueError::TooFar)
    };
    let too_far = |d: NaiveDate| {
        if d.year() - today.year() > 100 {
            Err(DueError::TooFar)
        } else {
            Ok(d)
        }
    };
    match unit {
        "" | "d" | "dag" | "dage" | "dager" | "dagar" | "day" | "days" => too_far(days(1)?),
        "u" | "uge" | "uger" | "uke" | "uker" | "veke" | "veker" | "vekor" | "w" | "wk"
        | "week" | "weeks" => too_far(days(7)?),
        "m" | "md" | "mdr" | "mnd" | "måned" | "måneder" | "månad" | "månader" | "month"
        | "months" => too_far(
            today
                .checked_add_months(Months::new(n))
                .ok_or(DueError::TooFar)?,
        ),
        _ => Err(DueError::Unknown),
    }
}

/// Weekday names: Danish and bokmål share theirs, nynorsk has four of its own; ASCII spellings
/// of ø are accepted.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mandag", Weekday::Mon),
    ("tirsdag", Weekday::Tue),
    ("onsdag", Weekday::Wed),
    ("torsdag", Weekday::Thu),
    ("fredag", Weekday::Fri),
    ("lørdag", Weekday::Sat),
    ("lordag", Weekday::Sat),
    ("loerdag", Weekday::Sat),
    ("søndag", Weekday::Sun),
    ("sondag", Weekday::Sun),
    ("soendag", Weekday::Sun),
    ("måndag", Weekday::Mon),
    ("tysdag", Weekday::Tue),
    ("laurdag", Weekday::Sat),
    ("sundag", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// A weekday name, or at least its first three letters (`tor`, `thurs`, `lør`).
fn weekday(text: &str) -> Option<Weekday> {
    if text.chars().count() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.starts_with(text))
        .map(|&(_, w)| w)
}

/// Full weekday names, Monday first: Danish and bokmål, nynorsk, then English.
const WEEKDAY_ROWS: [[&str; 7]; 3] = [
    [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ],
    [
        "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag",
    ],
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ],
];

/// How `written` (a full weekday name) writes `day`: the same language, and a capital when it
/// had one (`Tirsdag` for a Tuesday where `Mandag` was written).
pub fn weekday_name_like(written: &str, day: Weekday) -> Option<String> {
    let lower = written.to_lowercase();
    let row = WEEKDAY_ROWS
        .iter()
        .find(|row| row.contains(&lower.as_str()))?;
    let name = row.get(usize::try_from(day.num_days_from_monday()).ok()?)?;
    Some(case_like(written, name))
}

/// `name` with a capital first letter when `written` has one.
fn case_like(written: &str, name: &str) -> String {
    if !written.chars().next().is_some_and(char::is_uppercase) {
        return name.to_string();
    }
    let mut cs = name.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// The first `w` strictly after `today`: on a Friday, "fredag" means a week later.
fn next_weekday(today: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let ahead = (w.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today.checked_add_days(Days::new(u64::from(ahead)))
}

/// Month names, one row per language and form, January first. Nynorsk writes them as bokmål
/// (its rows are the bokmål ones, so a nynorsk text's months are written back the same way).
const MONTH_ROWS: &[(Lang, [&str; 12])] = &[
    (
        Lang::Da,
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        Lang::Nb,
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
    (
        Lang::En,
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ),
    (
        Lang::Da,
        [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
    ),
    (
        Lang::Nb,
        [
            "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
        ],
    ),
    (
        Lang::En,
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
    ),
];

/// The language whose month rows `lang` uses.
fn month_lang(lang: Lang) -> Lang {
    match lang {
        Lang::Nn => Lang::Nb,
        Lang::Da | Lang::Nb | Lang::En => lang,
    }
}

/// A month name in any of the languages, in full or from its first three letters (`sept.`).
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    let mut found = MONTH_ROWS.iter().flat_map(|(_, row)| {
        (1..=12u32)
            .zip(row.iter())
            .filter(|(_, name)| name.starts_with(w.as_str()))
            .map(|(m, _)| m)
    });
    let first = found.next()?;
    // `ma` is too short above; a prefix that fits two months names neither.
    found.all(|m| m == first).then_some(first)
}

/// How `written` (a month name as some text has it) writes `month`: the same language (the
/// `lang` one first), the same form (full or short), and a capital when it had one.
pub fn month_name_like(written: &str, month: u32, lang: Lang) -> Option<String> {
    let w = written.trim_end_matches('.').to_lowercase();
    let index = usize::try_from(month.checked_sub(1)?).ok()?;
    let rows = MONTH_ROWS
        .iter()
        .filter(|(l, _)| *l == month_lang(lang))
        .chain(MONTH_ROWS.iter().filter(|(l, _)| *l != month_lang(lang)));
    let name = rows
        .map(|(_, row)| row)
        .find(|row| row.contains(&w.as_str()))?
        .get(index)?;
    let mut out = case_like(written, name);
    if written.ends_with('.') {
        out.push('.');
    }
    Some(out)
}

/// `1. maj`, `1 mai 2023`, `may 1`, `1st of may`: a day and a month name, maybe a year.
fn named_month_date(words: &[&str], today: NaiveDate) -> Option<Result<NaiveDate, DueError>> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "of" | "den" | "d."))
        .collect();
    let (a, b, year) = match words.as_slice() {
        [a, b] => (*a, *b, None),
        [a, b, y] => (*a, *b, Some(*y)),
        _ => return None,
    };
    let (day, month) = day_word(a)
        .zip(month(b))
        .or_else(|| day_word(b).zip(month(a)))?;
    Some(match year {
        None => next_occurrence(day, month, today),
        Some(y) if y.len() == 4 => digits(y)
            .and_then(|y| i32::try_from(y).ok())
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .ok_or(DueError::NoSuchDate),
        Some(_) => Err(DueError::Unknown),
    })
}

/// A day of the month as written before or after a month name: `1.`, `21`, `1st`, `22nd`.
fn day_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.len() > 2 {
        return None;
    }
    digits(w)
}

/// `2022-03-21`, or day and month (and maybe year) separated by `/`, `.` or `-`.
fn numeric(text: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if parts.len() < 2
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
    {
        return Err(DueError::Unknown);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| DueError::Unknown);
    if parts.len() == 3 && parts[0].len() == 4 {
        let year = i32::try_from(num(parts[0])?).map_err(|_| DueError::Unknown)?;
        return NaiveDate::from_ymd_opt(year, num(parts[1])?, num(parts[2])?)
            .ok_or(DueError::NoSuchDate);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return Err(DueError::Unknown);
    }
    let (day, month) = (num(parts[0])?, num(parts[1])?);
    match parts.get(2) {
        Some(y) => {
            let year = match y.len() {
                2 => 2000 + num(y)?,
                4 => num(y)?,
                _ => return Err(DueError::Unknown),
            };
            let year = i32::try_from(year).map_err(|_| DueError::Unknown)?;
            NaiveDate::from_ymd_opt(year, month, day).ok_or(DueError::NoSuchDate)
        }
        None => next_occurrence(day, month, today),
    }
}

/// The first `day`/`month` on or after `today` (29/2 waits for a leap year).
fn next_occurrence(day: u32, month: u32, today: NaiveDate) -> Result<NaiveDate, DueError> {
    // 1 January 2000 exists, so an impossible day/month shows in a leap year too.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(DueError::NoSuchDate);
    }
    (today.year()..=today.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
        .ok_or(DueError::NoSuchDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 14 March 2022, the seed meeting's day.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, 14).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ok(s: &str) -> NaiveDate {
        parse_due(s, today()).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn full_dates() {
        assert_eq!(ok("2022-03-21"), d(2022, 3, 21));
        assert_eq!(ok("21/3/2022"), d(2022, 3, 21));
        assert_eq!(ok("21.3.2022"), d(2022, 3, 21));
        assert_eq!(ok("21-03-2022"), d(2022, 3, 21));
        assert_eq!(ok("21.03.2022."), d(2022, 3, 21));
        assert_eq!(ok("21/3/23"), d(2023, 3, 21));
        assert_eq!(ok(" 1/12/2022 "), d(2022, 12, 1));
        // An explicit year is taken as written, even in the past (editing an old action).
        assert_eq!(ok("1/1/2020"), d(2020, 1, 1));
    }

    #[test]
    fn day_and_month_mean_the_next_occurrence() {
        assert_eq!(ok("21/3"), d(2022, 3, 21));
        assert_eq!(ok("21.3."), d(2022, 3, 21));
        assert_eq!(ok("21.3"), d(2022, 3, 21));
        assert_eq!(ok("21-03"), d(2022, 3, 21));
        assert_eq!(ok("14/3"), today(), "today is not in the past");
        assert_eq!(ok("13/3"), d(2023, 3, 13), "yesterday means next year");
        assert_eq!(ok("1/1"), d(2023, 1, 1));
        assert_eq!(ok("29/2"), d(2024, 2, 29), "waits for a leap year");
    }

    #[test]
    fn weekdays_in_three_languages_mean_the_next_one_after_today() {
        // today is a Monday
        for s in ["mandag", "man", "Monday", "mon", "MAN."] {
            assert_eq!(ok(s), d(2022, 3, 21), "{s}");
        }
        for s in ["tirsdag", "tir", "tirs", "tuesday", "tue", "tues"] {
            assert_eq!(ok(s), d(2022, 3, 15), "{s}");
        }
        for s in ["onsdag", "ons", "wednesday", "wed"] {
            assert_eq!(ok(s), d(2022, 3, 16), "{s}");
        }
        for s in ["torsdag", "tor", "thursday", "thu", "thurs"] {
            assert_eq!(ok(s), d(2022, 3, 17), "{s}");
        }
        for s in ["fredag", "fre", "Friday", "fri"] {
            assert_eq!(ok(s), d(2022, 3, 18), "{s}");
        }
        for s in [
            "lørdag", "lør", "lordag", "lor", "loerdag", "saturday", "sat",
        ] {
            assert_eq!(ok(s), d(2022, 3, 19), "{s}");
        }
        for s in ["søndag", "søn", "sondag", "son", "soendag", "sunday", "sun"] {
            assert_eq!(ok(s), d(2022, 3, 20), "{s}");
        }
        assert!(
            parse_due("ma", today()).is_err(),
            "two letters are ambiguous"
        );
    }

    #[test]
    fn relative_days_and_offsets() {
        assert_eq!(ok("i morgen"), d(2022, 3, 15));
        assert_eq!(ok("imorgen"), d(2022, 3, 15));
        assert_eq!(ok("I  Morgen"), d(2022, 3, 15));
        assert_eq!(ok("tomorrow"), d(2022, 3, 15));
        assert_eq!(ok("i dag"), today());
        assert_eq!(ok("today"), today());
        assert_eq!(ok("+7d"), d(2022, 3, 21));
        assert_eq!(ok("+7"), d(2022, 3, 21));
        assert_eq!(ok("+ 10 dage"), d(2022, 3, 24));
        assert_eq!(ok("+2w"), d(2022, 3, 28));
        assert_eq!(ok("+3u"), d(2022, 4, 4));
        assert_eq!(ok("+3 uger"), d(2022, 4, 4));
        assert_eq!(ok("+1 uke"), d(2022, 3, 21));
        assert_eq!(ok("+2 weeks"), d(2022, 3, 28));
        assert_eq!(ok("+1m"), d(2022, 4, 14));
        assert_eq!(ok("+0d"), today());
    }

    /// Tuesday 20 December 2022, ISO week 51: the year turns before most of these.
    fn december() -> NaiveDate {
        d(2022, 12, 20)
    }

    fn ok_on(s: &str, today: NaiveDate) -> NaiveDate {
        parse_due(s, today).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn next_week_means_its_friday() {
        for s in [
            "næste uge",
            "neste uke",
            "neste veke",
            "next week",
            "Næste  uge.",
        ] {
            assert_eq!(ok(s), d(2022, 3, 25), "{s}");
            // From the Sunday of the same week it is the same Friday.
            assert_eq!(ok_on(s, d(2022, 3, 20)), d(2022, 3, 25), "{s}");
        }
        assert_eq!(ok_on("næste uge", december()), d(2022, 12, 30));
        assert_eq!(ok_on("next week", d(2022, 12, 27)), d(2023, 1, 6));
    }

    #[test]
    fn a_week_number_means_the_friday_of_its_next_occurrence() {
        for s in ["uge 51", "uke 51", "veke 51", "week 51", "Uge 51"] {
            assert_eq!(ok(s), d(2022, 12, 23), "{s}");
        }
        assert_eq!(ok("uge 11"), d(2022, 3, 18), "this week, still to come");
        assert_eq!(ok("uge 10"), d(2023, 3, 10), "past weeks are next year's");
        assert_eq!(ok_on("uge 2", december()), d(2023, 1, 13), "year wrap");
        assert_eq!(ok_on("uke 52", december()), d(2022, 12, 30));
        // 2026 has a week 53; its Friday is 1 January 2027.
        assert_eq!(ok_on("uge 53", d(2026, 12, 1)), d(2027, 1, 1));
        // 30 December 2024 is in week 1 of 2025.
        assert_eq!(ok_on("week 1", d(2024, 12, 30)), d(2025, 1, 3));
        assert_eq!(ok_on("week 52", d(2024, 12, 30)), d(2025, 12, 26));
        let err = parse_due("uge 54", today()).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        assert!(parse_due("uge 0", today()).is_err());
        assert!(parse_due("uge x", today()).is_err());
    }

    #[test]
    fn in_so_many_days_weeks_or_months() {
        for s in [
            "om 14 dage",
            "om 14 dager",
            "om 14 dagar",
            "in 14 days",
            "om fjorten dage",
        ] {
            assert_eq!(ok(s), d(2022, 3, 28), "{s}");
        }
        for s in [
            "om en uge",
            "om en uke",
            "om ei veke",
            "in a week",
            "in one week",
            "om 1 uge",
        ] {
            assert_eq!(ok(s), d(2022, 3, 21), "{s}");
        }
        for s in ["om to uger", "om to uker", "om to veker", "in two weeks"] {
            assert_eq!(ok(s), d(2022, 3, 28), "{s}");
        }
        assert_eq!(ok("om tre måneder"), d(2022, 6, 14));
        assert_eq!(ok("om tre månader"), d(2022, 6, 14));
        assert_eq!(ok("in 3 months"), d(2022, 6, 14));
        assert_eq!(ok("om syv dage"), d(2022, 3, 21));
        assert_eq!(ok("om sju dager"), d(2022, 3, 21));
        assert_eq!(ok_on("om 14 dage", december()), d(2023, 1, 3));
        assert!(parse_due("om mange dage", today()).is_err());
        assert!(parse_due("om 14 år", today()).is_err());
    }

    #[test]
    fn the_day_after_tomorrow() {
        for s in [
            "i overmorgen",
            "overmorgen",
            "i overmorgon",
            "the day after tomorrow",
            "day after tomorrow",
        ] {
            assert_eq!(ok(s), d(2022, 3, 16), "{s}");
        }
        assert_eq!(ok_on("i overmorgen", d(2022, 12, 31)), d(2023, 1, 2));
    }

    #[test]
    fn the_end_of_a_month_is_its_last_day() {
        for s in [
            "ultimo januar",
            "utgangen av januar",
            "slutten av januar",
            "end of january",
            "ultimo jan.",
        ] {
            assert_eq!(ok(s), d(2023, 1, 31), "{s}");
        }
        assert_eq!(
            ok("ultimo marts"),
            d(2022, 3, 31),
            "this month, still to come"
        );
        assert_eq!(ok("utgangen av februar"), d(2023, 2, 28));
        assert_eq!(
            ok_on("ultimo februar", d(2023, 6, 1)),
            d(2024, 2, 29),
            "leap year"
        );
        assert_eq!(ok_on("ultimo december", december()), d(2022, 12, 31));
        assert_eq!(ok_on("end of november", december()), d(2023, 11, 30));
        assert!(parse_due("ultimo snart", today()).is_err());
    }

    #[test]
    fn a_day_and_a_month_name() {
        for s in [
            "1. maj",
            "1. mai",
            "1 may",
            "May 1",
            "May 1st",
            "1st of May",
            "1. Mai",
        ] {
            assert_eq!(ok(s), d(2022, 5, 1), "{s}");
        }
        assert_eq!(ok("1/5"), d(2022, 5, 1));
        assert_eq!(ok("1. maj 2023"), d(2023, 5, 1));
        assert_eq!(ok("May 1, 2023"), d(2023, 5, 1));
        assert_eq!(ok("13. marts"), d(2023, 3, 13), "yesterday means next year");
        assert_eq!(ok("den 21. mar."), d(2022, 3, 21));
        assert_eq!(ok_on("1/1", december()), d(2023, 1, 1), "year wrap");
        assert_eq!(ok_on("1. januar", december()), d(2023, 1, 1), "year wrap");
        let err = parse_due("30. februar", today()).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        assert!(parse_due("1. maj 23", today()).is_err());
    }

    #[test]
    fn month_names_in_full_and_short_in_three_languages() {
        let full = [
            ["januar", "januar", "january"],
            ["februar", "februar", "february"],
            ["marts", "mars", "march"],
            ["april", "april", "april"],
            ["maj", "mai", "may"],
            ["juni", "juni", "june"],
            ["juli", "juli", "july"],
            ["august", "august", "august"],
            ["september", "september", "september"],
            ["oktober", "oktober", "october"],
            ["november", "november", "november"],
            ["december", "desember", "december"],
        ];
        let short = [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ];
        for (m, names) in (1..=12u32).zip(full) {
            let date = next_occurrence(15, m, today()).unwrap();
            for name in names.iter().chain([&short[m as usize - 1]]) {
                assert_eq!(ok(&format!("15. {name}")), date, "{name}");
                assert_eq!(ok(&format!("15 {name}.")), date, "{name}");
            }
        }
        for (s, m) in [
            ("15. des", 12),
            ("15 oct", 10),
            ("15. sept.", 9),
            ("15 mai", 5),
        ] {
            assert_eq!(ok(s), next_occurrence(15, m, today()).unwrap(), "{s}");
        }
        assert_eq!(month("ma"), None, "two letters name no month");
        assert_eq!(month("ju"), None);
    }

    #[test]
    fn a_month_is_written_back_as_it_was_written() {
        for (written, month, lang, back) in [
            ("december", 1, Lang::Da, "januar"),
            ("januar", 12, Lang::Da, "december"),
            ("januar", 12, Lang::Nb, "desember"),
            ("March", 5, Lang::Da, "May"),
            ("mar.", 5, Lang::Da, "maj."),
        ] {
            assert_eq!(
                month_name_like(written, month, lang).as_deref(),
                Some(back),
                "{written}"
            );
        }
        assert_eq!(month_name_like("snart", 5, Lang::Da), None);
        let tuesday = Weekday::Tue;
        assert_eq!(
            weekday_name_like("Mandag", tuesday).as_deref(),
            Some("Tirsdag")
        );
        assert_eq!(
            weekday_name_like("monday", tuesday).as_deref(),
            Some("tuesday")
        );
        assert_eq!(weekday_name_like("man", tuesday), None);
    }

    #[test]
    fn the_hint_fits_a_form_at_80_columns_in_two_lines() {
        for lang in Lang::ALL {
            let e = parse_due_lang("snart om lidt", today(), lang).unwrap_err();
            let lines = crate::textutil::wrap(&e, 74);
            assert!(lines.len() <= 2, "{lang:?}: {lines:?}");
        }
    }

    #[test]
    fn errors_say_what_was_wrong() {
        let err = |s: &str| parse_due(s, today()).unwrap_err();
        assert!(err("").contains("21/3"), "empty input shows examples");
        assert!(err("31/2").contains("does not exist"), "{}", err("31/2"));
        assert!(err("2022-02-30").contains("does not exist"));
        assert!(err("0/3").contains("does not exist"));
        assert!(err("12/13").contains("does not exist"));
        assert!(err("snart").contains("«snart»"), "{}", err("snart"));
        assert!(err("+3x").contains("«+3x»"));
        assert!(err("+d").contains("«+d»"));
        assert!(err("1/2/3/4").contains("«1/2/3/4»"));
        assert!(err("123/4").contains("«123/4»"));
        assert!(
            err("+99999999w").contains("too far"),
            "{}",
            err("+99999999w")
        );
        assert!(err("+99999999999999999999d").contains("«"));
    }

    #[test]
    fn errors_follow_the_language() {
        let e = parse_due_lang("31/2", today(), Lang::Da).unwrap_err();
        assert!(e.contains("findes ikke"), "{e}");
        let e = parse_due_lang("snart", today(), Lang::Nb).unwrap_err();
        assert!(e.contains("«snart»"), "{e}");
    }

    #[test]
    fn formatted_dates_read_back() {
        let date = d(2022, 3, 21);
        for lang in Lang::ALL {
            assert_eq!(ok(&format_date(date, lang)), date, "{lang:?}");
        }
        assert_eq!(format_date(date, Lang::Da), "21.03.2022");
        assert_eq!(format_date(date, Lang::En), "21 Mar 2022");
    }

    /// Nynorsk as a minute-taker types it, on Monday 14 March 2022.
    #[test]
    fn nynorsk_due_dates() {
        for (s, want) in [
            ("neste veke", d(2022, 3, 25)),
            ("veke 51", d(2022, 12, 23)),
            ("om 14 dagar", d(2022, 3, 28)),
            ("om ei veke", d(2022, 3, 21)),
            ("om to veker", d(2022, 3, 28)),
            ("i overmorgon", d(2022, 3, 16)),
            ("i morgon", d(2022, 3, 15)),
            ("utgangen av januar", d(2023, 1, 31)),
            ("utgangen av mars", d(2022, 3, 31)),
            ("1. mai", d(2022, 5, 1)),
            ("tysdag", d(2022, 3, 15)),
            ("laurdag", d(2022, 3, 19)),
            ("sundag", d(2022, 3, 20)),
            ("måndag", d(2022, 3, 21)),
        ] {
            assert_eq!(parse_due_lang(s, today(), Lang::Nn), Ok(want), "{s}");
        }
        let e = parse_due_lang("snart", today(), Lang::Nn).unwrap_err();
        assert!(e.contains("Kan ikkje lese fristen: «snart»"), "{e}");
        assert!(e.contains("neste veke"), "{e}");
        assert_eq!(format_date(d(2022, 3, 21), Lang::Nn), "21.03.2022");
        assert_eq!(
            weekday_name_like("Måndag", Weekday::Tue).as_deref(),
            Some("Tysdag")
        );
        assert_eq!(
            month_name_like("januar", 12, Lang::Nn).as_deref(),
            Some("desember")
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "/",
            "..",
            "-",
            "+",
            "++1",
            "1//2",
            "٣/٣",
            "🙂",
            "+1🙂",
            "mandagx",
            "9999-99-99",
            "uge 99999999999",
            "om 99999999999 uger",
            "ultimo",
            "1. 🙂",
            "1st",
            "of of",
        ] {
            let _ = parse_due(s, today());
        }
        let last = NaiveDate::MAX;
        let _ = parse_due("+1d", last);
        let _ = parse_due("i morgen", last);
        let _ = parse_due("1/1", last);
        for s in [
            "næste uge",
            "uge 51",
            "om en uge",
            "ultimo december",
            "1. maj",
            "uge 53",
        ] {
            let _ = parse_due(s, last);
            let _ = parse_due(s, NaiveDate::MIN);
        }
        let _ = parse_due("fredag", NaiveDate::from_ymd_opt(2022, 3, 18).unwrap());
    }
}
