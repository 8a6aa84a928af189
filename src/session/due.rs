//! Due dates as a minute-taker types them in the action form: `21/3`, `21.3.`, `fredag`, `+7d` …
//!
//! Pure: "today" is an argument. A date without a year means its next occurrence (today counts);
//! a weekday means the next such day after today.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::i18n::{Key, Lang};

/// Parses a due date, with error messages in English. See [`parse_due_lang`].
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_due_lang(input, today, Lang::En)
}

/// Parses a due date, with error messages in `lang`.
///
/// Accepts `2022-03-21`, `21/3`, `21/3/2022`, `21.3.`, `21.3.2022`, `21-03-2022`, weekday names in
/// Danish, Norwegian and English (full or from three letters: `fredag`, `fre`, `thu`), `i morgen`,
/// `tomorrow`, `i dag`, `today`, and offsets `+7d`, `+2w`, `+3u`, `+3 uger`, `+1m` (months).
pub fn parse_due_lang(input: &str, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    parse(input, today).map_err(|e| e.message(input.trim(), lang))
}

/// A due date as the form shows it, in a shape [`parse_due`] reads back.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let pattern = match lang {
        Lang::Da => "%d-%m-%Y",
        Lang::Nb => "%d.%m.%Y",
        Lang::En => "%Y-%m-%d",
    };
    date.format(pattern).to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DueError {
    Empty,
    /// Looks like a date but the day does not exist (31/2, 0/3, 12/13).
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
    if let Some(d) = relative_day(text, today) {
        return Ok(d);
    }
    if let Some(rest) = text.strip_prefix('+') {
        return offset(rest.trim(), today);
    }
    if let Some(w) = weekday(text) {
        return next_weekday(today, w).ok_or(DueError::TooFar);
    }
    numeric(text, today)
}

fn relative_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let squeezed: String = text.split_whitespace().collect();
    match squeezed.as_str() {
        "idag" | "today" => Some(today),
        "imorgen" | "tomorrow" => today.succ_opt(),
        "iovermorgen" | "overimorgen" => today.checked_add_days(Days::new(2)),
        _ => None,
    }
}

/// `7d`, `2w`, `3u`, `3 uger`, `1m`; a bare number means days.
fn offset(rest: &str, today: NaiveDate) -> Result<NaiveDate, DueError> {
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let unit = rest[digits.len()..].trim();
    let n: u32 = digits.parse().map_err(|_| DueError::Unknown)?;
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
        "" | "d" | "dag" | "dage" | "dager" | "day" | "days" => too_far(days(1)?),
        "u" | "uge" | "uger" | "uke" | "uker" | "w" | "wk" | "week" | "weeks" => too_far(days(7)?),
        "m" | "md" | "mdr" | "mnd" | "måned" | "måneder" | "month" | "months" => too_far(
            today
                .checked_add_months(Months::new(n))
                .ok_or(DueError::TooFar)?,
        ),
        _ => Err(DueError::Unknown),
    }
}

/// Weekday names: Danish and Norwegian share theirs; ASCII spellings of ø are accepted.
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

/// The first `w` strictly after `today`: on a Friday, "fredag" means a week later.
fn next_weekday(today: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let ahead = (w.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today.checked_add_days(Days::new(u64::from(ahead)))
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
        for lang in [Lang::Da, Lang::Nb, Lang::En] {
            assert_eq!(ok(&format_date(date, lang)), date, "{lang:?}");
        }
        assert_eq!(format_date(date, Lang::Da), "21-03-2022");
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
        ] {
            let _ = parse_due(s, today());
        }
        let last = NaiveDate::MAX;
        let _ = parse_due("+1d", last);
        let _ = parse_due("i morgen", last);
        let _ = parse_due("1/1", last);
        let _ = parse_due("fredag", NaiveDate::from_ymd_opt(2022, 3, 18).unwrap());
    }
}
