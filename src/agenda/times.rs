//! Clock times, spans, durations and dates as agendas write them.
//!
//! `13:30`, `kl. 13.30`, `(13:30 - 13:40)`, `13.30-13.40`, `kl. 13-14`, `(15 min)`, `15 minutter`,
//! `1 time og 30 min`, `½ time`; dates `14. marts 2022`, `14-03-2022`, `2022-03-14`, `14/3 2022`.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime};

/// What a piece of text says about when: a start, an end, a length. Any may be missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Slot {
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub minutes: Option<u32>,
}

impl Slot {
    pub fn is_empty(&self) -> bool {
        self.start.is_none() && self.end.is_none() && self.minutes.is_none()
    }

    /// Fills what `self` lacks from `other`.
    pub fn fill_from(&mut self, other: Slot) {
        self.start = self.start.or(other.start);
        self.end = self.end.or(other.end);
        self.minutes = self.minutes.or(other.minutes);
    }
}

/// Finds times, spans and durations in `s`; returns them and `s` with them cut out.
///
/// A lone `13.30` only counts after `kl.` or in a span (it could be a date or a section number);
/// a duration only counts inside brackets or at the end of the text (`2 timer om ugen` is prose).
pub fn extract(s: &str) -> (Slot, Cow<'_, str>) {
    // Every time and duration has a digit (or ½); most lines have neither.
    if !s.bytes().any(|b| b.is_ascii_digit() || b == 0xC2) {
        return (Slot::default(), Cow::Borrowed(s));
    }
    let mut slot = Slot::default();
    // What is cut: one span and one duration at most, as each is kept only once.
    let mut cuts: [Option<(usize, usize)>; 2] = [None; 2];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Only a digit, `k` (`kl.`) or `½` (`C2 BD`) starts a time or a duration.
        match b[i..]
            .iter()
            .position(|&c| c.is_ascii_digit() || matches!(c, b'k' | b'K' | 0xC2))
        {
            Some(skip) => i += skip,
            None => break,
        }
        if let Some((end, found)) = match_at(s, i) {
            let keep = match found {
                Found::Span(a, z) if slot.start.is_none() => {
                    slot.start = Some(a);
                    slot.end = z;
                    true
                }
                Found::Minutes(m) if slot.minutes.is_none() => {
                    slot.minutes = Some(m);
                    true
                }
                Found::Span(..) | Found::Minutes(_) => false,
            };
            if keep && let Some(free) = cuts.iter_mut().find(|c| c.is_none()) {
                *free = Some((i, end));
            }
            i = end;
            continue;
        }
        i += utf8_len(b[i]);
    }
    if cuts[0].is_none() {
        return (slot, Cow::Borrowed(s));
    }
    let mut rest = String::with_capacity(s.len());
    let mut from = 0;
    for (a, z) in cuts.into_iter().flatten() {
        rest.push_str(&s[from..a]);
        rest.push(' ');
        from = z;
    }
    rest.push_str(&s[from..]);
    (slot, Cow::Owned(tidy(&rest)))
}

/// Whether a line says nothing but when: `(13:30 - 13:40)`, `Tid: 10 min`, `kl. 9.00`.
pub fn time_only(line: &str) -> Option<Slot> {
    let (slot, rest) = extract(line);
    if slot.is_empty() {
        return None;
    }
    let mut buf = [0u8; 256];
    let only_labels = crate::agenda::words::lower_in(&rest, &mut buf)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| TIME_LABELS.contains(&w));
    only_labels.then_some(slot)
}

const TIME_LABELS: &[&str] = &[
    "tid",
    "mødetid",
    "møtetid",
    "tidspunkt",
    "tidsramme",
    "tidsforbrug",
    "varighed",
    "varighet",
    "afsat",
    "afsatt",
    "estimeret",
    "planlagt",
    "duration",
    "time",
    "planned",
    "kl",
    "ca",
    "cirka",
    "approx",
    "fra",
    "til",
    "from",
    "to",
];

enum Found {
    Span(NaiveTime, Option<NaiveTime>),
    Minutes(u32),
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Whether position `i` starts a new word-like token (nothing numeric or alphabetic glued before).
fn at_boundary(s: &str, i: usize) -> bool {
    match s[..i].chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '.' | ':' | ',' | '/' | '-' | '½')),
    }
}

fn match_at(s: &str, i: usize) -> Option<(usize, Found)> {
    let first = s.as_bytes()[i];
    if !(first.is_ascii_digit() || first == b'k' || first == b'K' || first == 0xC2) {
        return None;
    }
    if !at_boundary(s, i) {
        return None;
    }
    if let Some(after) = kl_prefix(s, i)
        && let Some((end, t, hour_only)) = clock(s, after, true)
    {
        let (end, to) =
            span_end(s, end, true, hour_only).map_or((end, None), |(e, t)| (e, Some(t)));
        return Some((end, Found::Span(t, to)));
    }
    if let Some((end, t, dotted)) =
        clock(s, i, false).map(|(e, t, _)| (e, t, s[i..e].contains('.')))
    {
        if let Some((end2, to)) = span_end(s, end, false, false) {
            return Some((end2, Found::Span(t, Some(to))));
        }
        if !dotted {
            return Some((end, Found::Span(t, None)));
        }
    }
    let (end, minutes) = duration(s, i)?;
    (inside_brackets(s, i) || nothing_after(s, end)).then_some((end, Found::Minutes(minutes)))
}

/// `kl.`, `kl`, `klokken`, `klokka` followed by spaces: where the time starts.
fn kl_prefix(s: &str, i: usize) -> Option<usize> {
    if !matches!(s.as_bytes().get(i), Some(b'k' | b'K')) {
        return None;
    }
    let rest = &s[i..];
    for w in ["klokken", "klokka", "kl.", "kl"] {
        if let Some(r) = crate::agenda::words::strip_word_ci(rest, w) {
            let trimmed = r.trim_start();
            if trimmed.starts_with(|c: char| c.is_ascii_digit())
                && (w.ends_with('.') || r.len() > trimmed.len())
            {
                return Some(s.len() - trimmed.len());
            }
        }
    }
    None
}

/// A clock time at `i`: `13:30`, `13.30`, or (with `hour_ok`) `13`. Returns (end, time, hour only).
fn clock(s: &str, i: usize, hour_ok: bool) -> Option<(usize, NaiveTime, bool)> {
    let b = s.as_bytes();
    let h_len = digits(b, i, 2);
    if h_len == 0 {
        return None;
    }
    let hour: u32 = s[i..i + h_len].parse().ok()?;
    let j = i + h_len;
    let sep = b.get(j).copied();
    if matches!(sep, Some(b':') | Some(b'.')) && digits(b, j + 1, 3) == 2 {
        let minute: u32 = s[j + 1..j + 3].parse().ok()?;
        let end = j + 3;
        // `14.03.2022`, `10:30:15`: a date or more than we read.
        if matches!(b.get(end), Some(b'.') | Some(b':'))
            && b.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        return NaiveTime::from_hms_opt(hour, minute, 0).map(|t| (end, t, false));
    }
    let glued = sep.is_some_and(|c| c.is_ascii_digit() || c == b':' || c.is_ascii_alphabetic())
        || (sep == Some(b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit));
    if hour_ok && !glued {
        return NaiveTime::from_hms_opt(hour, 0, 0).map(|t| (j, t, true));
    }
    None
}

/// How many ASCII digits (up to `max`) start at `i`; `max + 1` means "more than max".
fn digits(b: &[u8], i: usize, max: usize) -> usize {
    let n = b.get(i..).map_or(0, |r| {
        r.iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_digit())
            .count()
    });
    if n > max { 0 } else { n }
}

/// After a time: ` - 13:40`, `–13.40`, ` til 14`, ` to 14:00`. Returns (end, time).
fn span_end(s: &str, i: usize, hour_ok: bool, first_hour_only: bool) -> Option<(usize, NaiveTime)> {
    let rest = &s[i..];
    let t = rest.trim_start();
    let t = if let Some(r) = t.strip_prefix(['-', '–', '—']) {
        r
    } else {
        ["til", "to", "until"]
            .iter()
            .find_map(|w| crate::agenda::words::strip_word_ci(t, w))
            .filter(|r| r.starts_with(' '))?
    };
    let t = t.trim_start();
    let from = s.len() - t.len();
    let from = kl_prefix(s, from).unwrap_or(from);
    let (end, time, hour_only) = clock(s, from, hour_ok || first_hour_only)?;
    // `kl. 13-14` is a span of hours, but `13:30-14` is not a span.
    if hour_only && !first_hour_only {
        return None;
    }
    Some((end, time))
}

/// A duration at `i`: `15 min`, `15 minutter`, `1,5 time`, `1 time og 30 min`, `½ time`.
fn duration(s: &str, i: usize) -> Option<(usize, u32)> {
    let (end, first) = one_duration(s, i)?;
    // `1 time og 30 min`, `1 t 30 min`
    let rest = &s[end..];
    let t = rest.trim_start();
    let t = ["og ", "and ", "& "]
        .iter()
        .find_map(|w| crate::agenda::words::strip_prefix_ci(t, w))
        .unwrap_or(t)
        .trim_start();
    let from = s.len() - t.len();
    if first >= 60
        && let Some((end2, more)) = one_duration(s, from)
        && more < 60
    {
        return Some((end2, first + more));
    }
    Some((end, first))
}

fn one_duration(s: &str, i: usize) -> Option<(usize, u32)> {
    let (j, amount) = amount(s, i)?;
    let rest = &s[j..];
    let t = rest.trim_start_matches([' ', '\u{a0}']);
    if rest.len() - t.len() > 2 {
        return None;
    }
    let word_len = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let word = &t[..word_len];
    // The units are short ASCII words, and no other letter lower-cases to one of theirs: a
    // long word or one with a letter beyond ASCII (`drøftes`) is no unit, without a copy.
    if word.is_empty() || !word.is_ascii() || word.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    let buf = &mut buf[..word.len()];
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    let factor = match std::str::from_utf8(buf).unwrap_or("") {
        "min" | "mins" | "minut" | "minutter" | "minute" | "minutes" | "minuter" => 1.0,
        "t" | "time" | "timer" | "timers" | "h" | "hour" | "hours" | "hr" | "hrs" | "tim" => 60.0,
        _ => return None,
    };
    let mut end = j + (rest.len() - t.len()) + word_len;
    if s[end..].starts_with('.') && !s[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        end += 1;
    }
    let minutes = (amount * factor).round();
    (minutes > 0.0 && minutes <= 24.0 * 60.0).then_some((end, minutes as u32))
}

/// A number: `15`, `1,5`, `1.5`, `½`, `1½`.
fn amount(s: &str, i: usize) -> Option<(usize, f64)> {
    let b = s.as_bytes();
    let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 4 {
        return None;
    }
    // At most four digits and two decimals: read as integers, which is exact (and far cheaper
    // than parsing a float).
    let mut value = f64::from(digits_value(&b[i..i + n]));
    let mut j = i + n;
    if n > 0 && matches!(b.get(j), Some(b',') | Some(b'.')) {
        let f = b[j + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if f > 0 && f <= 2 {
            let frac = f64::from(digits_value(&b[j + 1..j + 1 + f]));
            value += frac / 10f64.powi(f as i32);
            j += 1 + f;
        }
    }
    if s[j..].starts_with('½') {
        value += 0.5;
        j += '½'.len_utf8();
    }
    (j > i).then_some((j, value))
}

/// The value of a run of at most four ASCII digits.
fn digits_value(d: &[u8]) -> u32 {
    d.iter().fold(0, |v, c| v * 10 + u32::from(c - b'0'))
}

fn inside_brackets(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let open = before.matches(['(', '[']).count();
    let close = before.matches([')', ']']).count();
    open > close
}

fn nothing_after(s: &str, i: usize) -> bool {
    !s[i..].chars().any(char::is_alphanumeric)
}

/// Cleans what is left after cutting times out: empty brackets, doubled spaces, dangling dashes.
fn tidy(s: &str) -> String {
    let mut out = Cow::Borrowed(s);
    // Most rests have no brackets left to empty.
    while out.contains(['(', '[']) {
        let before = out.len();
        for (open, close) in [('(', ')'), ('[', ']')] {
            out = Cow::Owned(drop_empty_pairs(&out, open, close));
        }
        if out.len() == before {
            break;
        }
    }
    // Trimming the junk first and then collapsing the spaces inside gives what collapsing and
    // then trimming gives, as the junk includes every space.
    let junk =
        |c: char| matches!(c, '-' | '–' | '—' | ':' | ',' | ';' | '/' | '|') || c.is_whitespace();
    let trimmed = out.trim_matches(junk);
    let mut collapsed = String::with_capacity(trimmed.len());
    for w in trimmed.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(w);
    }
    collapsed
}

/// Removes `( )`, `(, )` and the like: brackets holding only spaces and separators.
fn drop_empty_pairs(s: &str, open: char, close: char) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find(open) {
        let after = &rest[a + open.len_utf8()..];
        match after.find(close) {
            Some(z)
                if after[..z]
                    .chars()
                    .all(|c| c.is_whitespace() || ",;-–:".contains(c)) =>
            {
                out.push_str(&rest[..a]);
                rest = &after[z + close.len_utf8()..];
            }
            _ => {
                out.push_str(&rest[..a + open.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first date in `s`: `14. marts 2022`, `mandag den 14. marts 2022`, `14-03-2022`,
/// `14.03.22`, `14/3 2022`, `14/3-2022`, `2022-03-14`, `March 14, 2022`.
pub fn find_date(s: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ';')))
        .filter(|t| !t.is_empty())
        .collect();
    for (k, tok) in tokens.iter().enumerate() {
        let next = tokens.get(k + 1).copied().unwrap_or("");
        let after = tokens.get(k + 2).copied().unwrap_or("");
        if let Some(d) = numeric_date(tok, next) {
            return Some(d);
        }
        // `4.november 2014`: day and month glued.
        if let Some((day, month)) = tok.split_once('.')
            && let Some(day) = day_number(day)
            && let Some(m) = crate::agenda::words::month(month)
            && let Some(y) = year(next)
        {
            return NaiveDate::from_ymd_opt(y, m, day);
        }
        // `14. marts 2022`
        if let Some(day) = day_number(tok)
            && let Some(m) = crate::agenda::words::month(next)
            && let Some(y) = year(after)
        {
            return NaiveDate::from_ymd_opt(y, m, day);
        }
        // `March 14 2022`
        if let Some(m) = crate::agenda::words::month(tok)
            && let Some(day) = day_number(next)
            && let Some(y) = year(after)
        {
            return NaiveDate::from_ymd_opt(y, m, day);
        }
    }
    None
}

fn day_number(t: &str) -> Option<u32> {
    let t = t.trim_end_matches('.');
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(t: &str) -> Option<i32> {
    let t = t.trim_end_matches('.');
    match t.len() {
        4 if t.bytes().all(|c| c.is_ascii_digit()) => t.parse().ok(),
        _ => None,
    }
}

/// `2022-03-14`, `14-03-2022`, `14.3.2022`, `14/3/22`, `14/3-2022`, or `14/3` followed by `2022`.
fn numeric_date(tok: &str, next: &str) -> Option<NaiveDate> {
    let tok = tok.trim_end_matches('.');
    let parts: Vec<&str> = tok.split(['-', '.', '/']).collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(y.parse().ok()?, n(m)?, n(d)?),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
            let y: i32 = y.parse().ok()?;
            let y = if y < 100 { 2000 + y } else { y };
            NaiveDate::from_ymd_opt(y, n(m)?, n(d)?)
        }
        // `14/3 2022`, `22.11. 2022`
        [d, m] if d.len() <= 2 && m.len() <= 2 && (tok.contains('/') || year(next).is_some()) => {
            NaiveDate::from_ymd_opt(year(next)?, n(m)?, n(d)?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn spans_in_the_forms_agendas_use() {
        for s in [
            "(13:30 - 13:40)",
            "13.30-13.40",
            "kl. 13.30 – 13.40",
            "13:30 til 13:40",
            "Tid: 13:30-13:40",
        ] {
            let slot = time_only(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((slot.start, slot.end), (t(13, 30), t(13, 40)), "{s}");
        }
        assert_eq!(time_only("kl. 13-14").unwrap().end, t(14, 0));
        assert_eq!(time_only("kl. 9").unwrap().start, t(9, 0));
        assert_eq!(time_only("kl 9.00").unwrap().start, t(9, 0));
    }

    #[test]
    fn durations() {
        for (s, m) in [
            ("(15 min)", 15),
            ("15 minutter", 15),
            ("Tid: 10 min", 10),
            ("Varighed: 20 min.", 20),
            ("1 time og 30 min", 90),
            ("1,5 time", 90),
            ("½ time", 30),
            ("(1 t)", 60),
        ] {
            assert_eq!(time_only(s).and_then(|x| x.minutes), Some(m), "{s}");
        }
    }

    #[test]
    fn cuts_times_out_of_headings() {
        let (slot, rest) = extract("Budget 2023 (14:10 - 14:25)");
        assert_eq!(rest, "Budget 2023");
        assert_eq!(slot.start, t(14, 10));
        let (slot, rest) = extract("Godkendelse af dagsorden (5 min)");
        assert_eq!(
            (rest.as_ref(), slot.minutes),
            ("Godkendelse af dagsorden", Some(5))
        );
        let (slot, rest) = extract("13.30-13.40 Referat");
        assert_eq!((rest.as_ref(), slot.end), ("Referat", t(13, 40)));
        let (slot, rest) = extract("Punkt 4: 2 timer om ugen til motion");
        assert!(slot.is_empty());
        assert_eq!(rest, "Punkt 4: 2 timer om ugen til motion");
    }

    #[test]
    fn leaves_numbers_that_are_not_times() {
        for s in [
            "85.02.02P35-25-19",
            "d. 14-03-2022",
            "14.03.2022",
            "Nemøkonomi - opfølgning på 2021 - videre i 2022",
            "2022.02.18 - Spilleregler",
            "afsnit 3.10 om frister",
            "Mandag d. 14. marts 2022",
        ] {
            assert!(extract(s).0.is_empty(), "{s}");
        }
        let (slot, _) = extract("Mandag d. 14. marts 2022 kl. 13:30");
        assert_eq!((slot.start, slot.end), (t(13, 30), None));
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 14);
        for s in [
            "Mandag d. 14. marts 2022 kl. 13:30",
            "Centerledermøde d. 14-03-2022",
            "2022-03-14",
            "14.03.22",
            "14/3 2022",
            "14/3-2022",
            "mandag 14. mars 2022",
            "Monday, March 14, 2022",
            "Referat fra møde d. 14.marts 2022",
            "Møte 14.03. 2022 kl 18.00",
        ] {
            assert_eq!(find_date(s), d, "{s}");
        }
        assert_eq!(find_date("Budget 2023"), None);
        assert_eq!(find_date("31. februar 2022"), None);
    }
}
