//! Plain-text agendas as exported from Word or PDF, Danish and Norwegian.
//!
//! Reading happens in passes over the lines: mark what is page furniture (page numbers, headers
//! and footers repeated on every page) and the table of contents, decide which lines head items,
//! then let the shared [`Builder`](super::build::Builder) place everything else.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::build::Builder;
use super::headings;
use super::lines::{self, Heading, Line};
use super::words;
use super::{Imported, Item, Warning};
use crate::i18n::{Key, Lang};

/// One source line with its 1-based number.
struct Src<'a> {
    n: usize,
    text: Cow<'a, str>,
    /// A page break (form feed) came right before this line.
    page_break: bool,
}

pub fn parse(text: &str) -> Imported {
    let src = split(text);
    let mut dropped = furniture(&src);
    let chrome = dropped.clone();
    let toc = table_of_contents(&src, &mut dropped);
    let kept: Vec<&Src> = src
        .iter()
        .zip(&dropped)
        .filter(|(_, d)| !**d)
        .map(|(s, _)| s)
        .collect();
    let (headings, by_layout) = choose_headings(&kept);
    let mut b = Builder::new();
    feed(&mut b, &kept, headings);
    let (mut agenda, mut warnings) = b.finish(text);
    merge_repeats(&mut agenda.items);
    let lang = agenda.language;
    warnings.extend(left_out(&src, &chrome, lang));
    if by_layout && !agenda.items.is_empty() {
        warnings.push(Warning::new(
            agenda.items[0].line,
            Key::ImpUnsureLayout.get(lang),
        ));
    }
    if toc > 0 && agenda.items.len() != toc {
        warnings.push(Warning::new(
            None,
            Key::ImpTocCount.fill(
                lang,
                &[
                    ("toc", &toc.to_string()),
                    ("found", &agenda.items.len().to_string()),
                ],
            ),
        ));
    }
    Imported { agenda, warnings }
}

fn split(text: &str) -> Vec<Src<'_>> {
    let mut out = Vec::new();
    // Form feeds are found in one pass over the text, not looked for in every line.
    let feeds = memchr::memchr_iter(0x0C, text.as_bytes());
    let mut feeds = feeds.peekable();
    for (i, l) in lines(text).enumerate() {
        // `lines` yields slices of `text`: where this one ends, as an offset.
        let end = l.as_ptr() as usize - text.as_ptr() as usize + l.len();
        let page_break = feeds.peek().is_some_and(|&f| f < end);
        while feeds.next_if(|&f| f < end).is_some() {}
        let text = if page_break {
            Cow::Owned(l.replace('\u{c}', ""))
        } else {
            Cow::Borrowed(l)
        };
        // Most lines are short and whole: no pieces to make.
        if text.len() <= GLUED_LABELS && glued_range(&text).is_none() {
            out.push(Src {
                n: i + 1,
                text,
                page_break,
            });
            continue;
        }
        for (k, piece) in unglue(text).into_iter().enumerate() {
            out.push(Src {
                n: i + 1,
                text: piece,
                page_break: page_break && k == 0,
            });
        }
    }
    out
}

/// The lines of `text` as `str::lines` gives them (a `\r` before the `\n` dropped, no empty
/// line after a last `\n`), found by `memchr`, which is several times faster on long texts.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.filter_map(move |end| {
        let start = from;
        from = end + 1;
        if end == text.len() && start >= text.len() {
            return None;
        }
        let line = text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Lines longer than this lost their line breaks (a PDF transcript on one line).
const FLATTENED: usize = 300;

/// Lines longer than this may hold a label glued after a title (`… saksliste Framlegg til
/// vedtak: Innkalling …`).
const GLUED_LABELS: usize = 120;

/// Whether `rest` starts with a recommendation, decision or case label and its colon
/// (`Framlegg til vedtak:`, `Vedtak:`, `Saksopplysninger:`).
fn label_at(rest: &str) -> bool {
    use words::Section;
    if !rest.starts_with(char::is_uppercase) {
        return false;
    }
    let Some(colon) = rest.get(..rest.len().min(40)).and_then(|h| h.find(':')) else {
        return false;
    };
    let label = &rest[..colon];
    label.split_whitespace().count() <= 4
        && matches!(
            words::section(label),
            Some((
                Section::Recommendation | Section::Decision | Section::CasePresentation,
                _,
                _
            ))
        )
}

/// Splits one source line where several lines were glued: a clock range glued to the text after
/// it (`18.05 - 18.15Der har været`), and in a flattened transcript before every keyword-numbered
/// heading (`… PS 47/10 Budsjett … PS 48/10 …`).
fn unglue(line: Cow<'_, str>) -> Vec<Cow<'_, str>> {
    if let Some(at) = glued_range(&line) {
        let (range, rest) = line.split_at(at);
        return vec![Cow::Owned(range.to_string()), Cow::Owned(rest.to_string())];
    }
    if line.len() <= GLUED_LABELS {
        return vec![line];
    }
    let mut cuts = vec![0];
    let flattened = line.len() > FLATTENED;
    for (i, c) in line.char_indices() {
        if c == ' ' && label_at(&line[i + 1..]) {
            cuts.push(i + 1);
            continue;
        }
        if !flattened {
            continue;
        }
        let after_keyword = line[..i]
            .rsplit(' ')
            .next()
            .is_some_and(headings::is_keyword);
        if c == ' ' && !after_keyword && i + 1 < line.len() && starts_heading(&line[i + 1..]) {
            cuts.push(i + 1);
        }
    }
    if cuts.len() == 1 {
        return vec![line];
    }
    cuts.push(line.len());
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let piece = line[w[0]..w[1]].trim_end();
        let (head, body) = title_end(piece).map_or((piece, ""), |at| piece.split_at(at));
        out.push(Cow::Owned(head.trim_end().to_string()));
        if !body.trim().is_empty() {
            out.push(Cow::Owned(body.trim().to_string()));
        }
    }
    out
}

/// In a flattened transcript the title ends at the first punctuation that ends a phrase
/// (`Sak 14/37 Gudstenesta på Sandane-dagane : 17.august …`); the rest is the body.
fn title_end(piece: &str) -> Option<usize> {
    if !starts_heading(piece) {
        return None;
    }
    let marks = [" : ", ": ", ". ", " , "];
    marks
        .iter()
        .filter_map(|m| piece.find(m).map(|i| (i, m)))
        .filter(|(i, _)| *i > 8)
        .min()
        .map(|(i, m)| if m.starts_with('.') { i + 1 } else { i })
}

/// Whether `rest` starts with a keyword-numbered heading or a case number (`Sak 14/36`, `14/38`).
fn starts_heading(rest: &str) -> bool {
    let head = match rest.char_indices().nth(120) {
        Some((i, _)) => &rest[..i],
        None => rest,
    };
    headings::candidates(head, 0).iter().any(|c| {
        matches!(
            c.form,
            headings::Form::Keyword(..) | headings::Form::Case(_)
        ) && c.heading.title.starts_with(char::is_uppercase)
    })
}

/// Where the text starts in ` 18.05 - 18.15Der har været …`: a line opening with a clock range
/// and a word glued straight onto it.
fn glued_range(line: &str) -> Option<usize> {
    let t = line.trim_start();
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let letter = t.find(char::is_alphabetic)?;
    let before = &t[..letter];
    if before.ends_with([' ', '\t', '(', ':']) {
        return None;
    }
    let slot = super::times::time_only(before)?;
    (slot.start.is_some() && slot.end.is_some()).then(|| line.len() - t.len() + letter)
}

/// An item listed twice, first in a list of the items and later with its body, is one item: the
/// later occurrence's content goes to the list's place, the fuller title is kept, and items only
/// the list has stay.
fn merge_repeats(items: &mut Vec<Item>) {
    let key = |i: &Item| title_key(&i.title);
    // Where each number was first seen; only those items can be listed twice.
    let mut first_at: HashMap<String, Vec<usize>> = HashMap::new();
    let mut j = 0;
    while j < items.len() {
        let number = items[j].number.clone();
        let earlier = first_at.get(&number).cloned().unwrap_or_default();
        let later = key(&items[j]);
        let twin = earlier.into_iter().find(|&i| {
            let first = &items[i];
            !first.number.is_empty()
                && first.recommendation.is_empty()
                && first.decision.is_none()
                && similar(&key(first), &later)
        });
        let Some(i) = twin else {
            first_at.entry(number).or_default().push(j);
            j += 1;
            continue;
        };
        let later = items.remove(j);
        let first = &mut items[i];
        if later.title.chars().count() > first.title.chars().count() {
            first.title = later.title;
        }
        first.body = match (first.body.is_empty(), later.body.is_empty()) {
            (true, _) => later.body,
            (false, true) => std::mem::take(&mut first.body),
            (false, false) => format!("{}\n\n{}", first.body, later.body),
        };
        first.recommendation = later.recommendation;
        first.decision = later.decision;
        first.attachments.extend(later.attachments);
        first.case_number = first.case_number.take().or(later.case_number);
        first.start = first.start.or(later.start);
        first.end = first.end.or(later.end);
        first.minutes = first.minutes.or(later.minutes);
    }
}

/// A title for comparing: lower case, letters and digits only.
fn title_key(title: &str) -> String {
    let mut key = String::with_capacity(title.len());
    key.extend(
        title
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
    key
}

/// One title is the start of the other (a list shortens, a wrapped heading lengthens).
fn similar(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count()).min(20);
    n >= 3 && a.chars().take(n).eq(b.chars().take(n))
}

/// Marks page numbers and headers/footers repeated at page breaks.
fn furniture(src: &[Src]) -> Vec<bool> {
    let mut dropped = vec![false; src.len()];
    let nonblank: Vec<usize> = (0..src.len())
        .filter(|&i| !words::trim(&src[i].text).is_empty())
        .collect();
    let mut boundary = vec![false; nonblank.len()];
    for (p, &i) in nonblank.iter().enumerate() {
        let isolated = |q: Option<usize>| q.is_none_or(|q| words::trim(&src[q].text).is_empty());
        let prev = i.checked_sub(1);
        let next = (i + 1 < src.len()).then_some(i + 1);
        if page_number(&src[i].text, isolated(prev) && isolated(next)) {
            dropped[i] = true;
            boundary[p] = true;
        }
        if src[i].page_break && p > 0 {
            boundary[p - 1] = true;
            boundary[p] = true;
        }
    }
    let any_boundary = boundary.iter().any(|b| *b);
    let near = |p: usize| {
        p < 2
            || p + 2 >= nonblank.len()
            || (p.saturating_sub(2)..=(p + 2).min(nonblank.len() - 1)).any(|q| boundary[q])
    };
    // Headers and footers are short lines; long ones are content. Most lines are seen once,
    // so a line's repeats are chained (`later`) rather than each given a list of its own.
    let mut seen: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    seen.reserve(nonblank.len());
    let mut later: Vec<Option<usize>> = vec![None; nonblank.len()];
    for (p, &i) in nonblank.iter().enumerate() {
        if !dropped[i] && src[i].text.len() <= 120 {
            let (_, last) = seen.entry(words::trim(&src[i].text)).or_insert((p, p));
            if *last != p {
                later[*last] = Some(p);
                *last = p;
            }
        }
    }
    let first = nonblank.first().map(|&i| words::trim(&src[i].text));
    for (text, (head, last)) in seen {
        if head == last {
            continue;
        }
        let ps: Vec<usize> = std::iter::successors(Some(head), |&p| later[p]).collect();
        if ps.len() < 2 || protected(text) {
            continue;
        }
        let at_breaks = any_boundary && ps.iter().all(|&p| near(p));
        // A header without page numbers still repeats the document's first line.
        let repeats_title = Some(text) == first && ps.len() >= 3;
        if at_breaks || repeats_title {
            let keep_first = ps[0] == 0;
            for &p in ps.iter().skip(usize::from(keep_first)) {
                dropped[nonblank[p]] = true;
            }
        }
    }
    dropped
}

/// Lines that repeat because agendas are like that, not because of the page layout.
fn protected(text: &str) -> bool {
    lines::heading(text).is_some()
        || !matches!(lines::classify(text), Line::Text(_))
        || words::strip_word_ci(text, "at").is_some()
}

/// `Side 2 af 5`, `Page 2 of 5`, `- 2 -`, `2/5`, a footer ending in `Side 2 af 5`, or (when
/// `isolated`, alone between blank lines) a bare `2`.
fn page_number(line: &str, isolated: bool) -> bool {
    let line = words::trim(line);
    // Every form ends in a digit (`Side 2 af 5`, `2/5`, `2`) or a dash (`- 2 -`).
    if line.len() > 160 || !line.ends_with(|c: char| c.is_ascii_digit() || c == '-') {
        return false;
    }
    // The last four words are all the rules look at, and whether there are more than three;
    // they are read from the end, without a copy of the line.
    let mut last = [""; 4];
    let mut words = line.split_whitespace().rev();
    let mut count = 0;
    while count < 5
        && let Some(w) = words.next()
    {
        if count < 4 {
            last[3 - count] = w;
        }
        count += 1;
    }
    let t = &last[4 - count.min(4)..];
    let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit());
    let word = |s: &str| {
        ["side", "page", "s.", "sida"]
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w))
    };
    let of = |s: &str| {
        ["af", "av", "of", "/", "ud", "fra"]
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w))
    };
    let n = t.len();
    if n >= 4 && word(t[n - 4]) && num(t[n - 3]) && of(t[n - 2]) && num(t[n - 1]) {
        return true;
    }
    if n >= 2
        && word(t[n - 2])
        && t[n - 1].split('/').all(num)
        && (n == 2 || t[n - 1].contains('/'))
    {
        return true;
    }
    if count > 3 {
        return false;
    }
    match t {
        ["-", x, "-"] => num(x),
        [x] if x.contains('/') => x.split('/').count() == 2 && x.split('/').all(num),
        [a, o, b] => num(a) && of(o) && num(b),
        [x] => isolated && num(x) && x.len() <= 3,
        _ => false,
    }
}

/// Marks the table of contents: a heading like *Indholdsfortegnelse* and the entries after it,
/// and anywhere else lines with dotted leaders and a page number. Returns how many entries the
/// headed table listed.
fn table_of_contents(src: &[Src], dropped: &mut [bool]) -> usize {
    let mut entries = 0;
    let mut i = 0;
    while i < src.len() {
        if dropped[i] {
            i += 1;
            continue;
        }
        if words::is_toc_heading(&src[i].text) {
            dropped[i] = true;
            i += 1;
            while i < src.len() {
                let t = src[i].text.trim();
                if t.is_empty() || dropped[i] {
                    dropped[i] = true;
                } else if toc_entry(t, true) {
                    dropped[i] = true;
                    entries += 1;
                } else {
                    break;
                }
                i += 1;
            }
            continue;
        }
        if toc_entry(src[i].text.trim(), false) {
            dropped[i] = true;
        }
        i += 1;
    }
    entries
}

/// `Budget 2023.....<tab>6`, `Budget 2023 …… 6`; inside a headed table also `Budget 2023<tab>6`.
fn toc_entry(t: &str, in_table: bool) -> bool {
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let has_page = body.len() < t.len() && t.len() - body.len() <= 3;
    let body_trim = body.trim_end();
    let leader = body_trim.ends_with("....")
        || body_trim.ends_with('…')
        || body_trim.ends_with(". . .")
        || body_trim.ends_with("____");
    if leader && (has_page || in_table) {
        return true;
    }
    in_table && has_page && (body.ends_with('\t') || body.ends_with("  "))
}

/// Decides which lines head items: the most consistent sequence of candidates
/// (see [`headings`](super::headings)).
/// Also says whether the headings were found by layout alone (no numbers, no times).
fn choose_headings(kept: &[&Src]) -> (Vec<Option<Heading>>, bool) {
    let lines: Vec<&str> = kept.iter().map(|s| s.text.as_ref()).collect();
    let chosen = headings::choose(&lines);
    let by_layout = !chosen.is_empty()
        && chosen
            .iter()
            .all(|c| c.value.is_none() && c.form != headings::Form::Timed);
    // Indexed by kept line: the feed looks up every line.
    let mut by_line: Vec<Option<Heading>> = vec![None; kept.len()];
    for c in chosen {
        if let Some(slot) = by_line.get_mut(c.line) {
            *slot = Some(c.heading);
        }
    }
    (by_line, by_layout)
}

/// One warning per distinct text left out as a repeated page header or footer, so that `check`
/// shows what the importer did not read (page numbers are left out without a word).
fn left_out(src: &[Src], dropped: &[bool], lang: Lang) -> Vec<Warning> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut order = Vec::new();
    let shown = |s: &Src| !s.text.trim().is_empty() && !page_number(&s.text, true);
    for (s, _) in src.iter().zip(dropped).filter(|(s, d)| **d && shown(s)) {
        let t = s.text.trim();
        let count = seen.entry(t).or_insert(0);
        if *count == 0 {
            order.push((s.n, t));
        }
        *count += 1;
    }
    order
        .into_iter()
        .map(|(n, t)| {
            let times = seen.get(t).copied().unwrap_or(1);
            let shown = crate::textutil::truncate(t, 60);
            let more = if times > 1 {
                Key::ImpTimes.fill(lang, &[("n", &times.to_string())])
            } else {
                String::new()
            };
            Warning::new(
                Some(n),
                Key::ImpLeftOut.fill(lang, &[("text", &shown), ("more", &more)]),
            )
        })
        .collect()
}

/// Classifies the kept lines and hands them to the builder. A time standing alone right before
/// a heading belongs to that heading when the item before it already has its time.
fn feed(b: &mut Builder, kept: &[&Src], mut headings: Vec<Option<Heading>>) {
    let mut prev_has_slot = true;
    let mut k = 0;
    while k < kept.len() {
        let s = kept[k];
        if let Some(h) = headings.get_mut(k).and_then(Option::take) {
            prev_has_slot = !h.slot.is_empty();
            b.line(s.n, Line::Heading(h));
            k += 1;
            continue;
        }
        let line = lines::classify(&s.text);
        if let Line::Slot(slot) = line {
            let next = (k + 1..kept.len()).find(|&j| !kept[j].text.trim().is_empty());
            if prev_has_slot
                && let Some(j) = next
                && let Some(Some(h)) = headings.get_mut(j)
                && h.slot.is_empty()
            {
                h.slot = slot;
                k += 1;
                continue;
            }
            prev_has_slot = true;
        }
        b.line(s.n, line);
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for t in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "\n",
            "a\r\nb\r\n",
            "a\rb",
            "\r\n\r\n",
            "x\n\n",
        ] {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.lines().collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn page_numbers() {
        assert!(page_number("Side 2 af 5", false));
        assert!(page_number("Side 2 av 5", false));
        assert!(page_number(
            "Centerledermøde 14-03-2022    Side 2 af 5",
            false
        ));
        assert!(page_number("Page 3 of 10", false));
        assert!(page_number("- 4 -", false));
        assert!(page_number("3/10", false));
        assert!(page_number("Side 2", false));
        assert!(page_number("7", true));
        assert!(!page_number("7", false));
        assert!(!page_number("se side 4 i bilaget", false));
    }

    #[test]
    fn toc_entries() {
        assert!(toc_entry("Referat og referent.....\t3", false));
        assert!(toc_entry("Budget 2023 …… 6", false));
        assert!(toc_entry("Punkt 1: Referat\t3", true));
        assert!(!toc_entry("Punkt 1: Referat\t3", false));
        assert!(!toc_entry("Og så videre....", false));
        assert!(!toc_entry("Punkt 1: Referat og referent", true));
    }

    #[test]
    fn bare_numbers_take_the_longest_run() {
        let text = "Dagsorden\n\n1. Godkendelse\n\nVi skal:\n1. læse\n2. skrive\n3. regne\n\n\
                    2. Budget\n\n3. Eventuelt\n";
        let imported = parse(text);
        let titles: Vec<_> = imported
            .agenda
            .items
            .iter()
            .map(|i| i.title.as_str())
            .collect();
        assert_eq!(titles, ["Godkendelse", "Budget", "Eventuelt"]);
        assert!(imported.agenda.items[0].body.contains("2. skrive"));
    }

    /// A bare heading numbered like a case (`12/22.`) once overflowed the sequence scorer.
    #[test]
    fn case_numbered_bare_heading_is_an_item() {
        let imported = parse("12/22. Budget\n");
        let items = &imported.agenda.items;
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].number, "12/22");
        assert_eq!(items[0].title, "Budget");
    }

    #[test]
    fn glued_lines_are_split() {
        assert_eq!(glued_range(" 18.05 - 18.15Der har været uro"), Some(14));
        assert_eq!(glued_range("18.05 - 18.15 Der har været uro"), None);
        assert_eq!(glued_range("Der har været uro"), None);
        let flat = format!(
            "Saksliste {} Sak 14/35 Godkjenning av referat. Vedtak: Godkjent Sak14/36 Orientering : \
             Info om dei tilsette",
            "x ".repeat(150)
        );
        let pieces: Vec<String> = unglue(Cow::Owned(flat))
            .into_iter()
            .map(|p| p.into_owned())
            .collect();
        assert!(
            pieces.contains(&"Sak 14/35 Godkjenning av referat.".to_string()),
            "{pieces:?}"
        );
        assert!(
            pieces.contains(&"Sak14/36 Orientering".to_string()),
            "{pieces:?}"
        );
        assert!(
            pieces.contains(&"Vedtak: Godkjent".to_string()),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_list_of_items_then_their_bodies_is_read_once() {
        let text = "Dagsorden\n- 1. Velkomst\n- 2. Budget\n- 3. Eventuelt\n\n1. Velkomst\nVi bød velkommen.\n\n\
                    2. Budget\nBudgettet blev drøftet.\n";
        let items = parse(text).agenda.items;
        let read: Vec<_> = items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str(), i.body.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("1", "Velkomst", "Vi bød velkommen."),
                ("2", "Budget", "Budgettet blev drøftet."),
                ("3", "Eventuelt", "")
            ]
        );
    }

    #[test]
    fn programme_rows_are_items() {
        let text =
            "Program\n\nLørdag:\n08.00-09.00: Ankomst\n09.00-09.30: Andagt\n12.40-13.30: Frokost\n";
        let a = parse(text).agenda;
        let titles: Vec<_> = a.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Ankomst", "Andagt", "Frokost"]);
        assert_eq!(a.items[1].start, chrono::NaiveTime::from_hms_opt(9, 0, 0));
    }

    #[test]
    fn unnumbered_headings_standing_apart() {
        let text = "Referat fra bestyrelsesmøde 4. november 2014\n\nTil stede:\nOle, Lis\n\n\
                    Fælleslokalet\nDer er aftalt nyt møde.\n\nVandmålere\nDer er opsat ny måler.\n\n\
                    Gårdlaug\nPunktet udgik.\n";
        let imported = parse(text);
        let titles: Vec<_> = imported
            .agenda
            .items
            .iter()
            .map(|i| i.title.as_str())
            .collect();
        assert_eq!(titles, ["Fælleslokalet", "Vandmålere", "Gårdlaug"]);
        assert_eq!(
            imported.agenda.date,
            chrono::NaiveDate::from_ymd_opt(2014, 11, 4)
        );
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.message.starts_with("usikker: intet er nummereret")),
            "{:?}",
            imported.warnings
        );
    }

    #[test]
    fn decisions_are_kept_apart_from_the_body() {
        let text = "Referat\n\n1. Budget\nBudgettet blev fremlagt.\nBeslutning:\nGodkendt.\n\n2. Eventuelt\n";
        let items = parse(text).agenda.items;
        assert_eq!(items[0].body, "Budgettet blev fremlagt.");
        assert_eq!(items[0].decision.as_deref(), Some("Godkendt."));
        assert_eq!(items[1].decision, None);
    }

    #[test]
    fn compact_list_agenda() {
        let text = "Teammøde\n1. Godkendelse af dagsorden\n2. Budget\n3. Eventuelt\n";
        let imported = parse(text);
        assert_eq!(imported.agenda.title, "Teammøde");
        assert_eq!(imported.agenda.items.len(), 3);
    }
}
