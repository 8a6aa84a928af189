//! Plain-text agendas as exported from Word or PDF, Danish and Norwegian.
//!
//! Reading happens in passes over the lines: mark what is page furniture (page numbers, headers
//! and footers repeated on every page) and the table of contents, decide which lines head items,
//! then let the shared [`Builder`](super::build::Builder) place everything else.

use std::borrow::Cow;
use std::collections::HashMap;

use super::build::Builder;
use super::lines::{self, Heading, Line, Style};
use super::{Imported, Warning};

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
    let toc = table_of_contents(&src, &mut dropped);
    let kept: Vec<&Src> = src
        .iter()
        .zip(&dropped)
        .filter(|(_, d)| !**d)
        .map(|(s, _)| s)
        .collect();
    let headings = choose_headings(&kept);
    let mut b = Builder::new();
    feed(&mut b, &kept, headings);
    let (agenda, mut warnings) = b.finish(text);
    if toc > 0 && agenda.items.len() != toc {
        warnings.push(Warning::new(
            None,
            format!(
                "the table of contents lists {toc} entries but {} items were found",
                agenda.items.len()
            ),
        ));
    }
    Imported { agenda, warnings }
}

fn split(text: &str) -> Vec<Src<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let page_break = l.contains('\u{c}');
            let text = if page_break {
                Cow::Owned(l.replace('\u{c}', ""))
            } else {
                Cow::Borrowed(l)
            };
            Src {
                n: i + 1,
                text,
                page_break,
            }
        })
        .collect()
}

/// Marks page numbers and headers/footers repeated at page breaks.
fn furniture(src: &[Src]) -> Vec<bool> {
    let mut dropped = vec![false; src.len()];
    let nonblank: Vec<usize> = (0..src.len())
        .filter(|&i| !src[i].text.trim().is_empty())
        .collect();
    let mut boundary = vec![false; nonblank.len()];
    for (p, &i) in nonblank.iter().enumerate() {
        let isolated = |q: Option<usize>| q.is_none_or(|q| src[q].text.trim().is_empty());
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
    // Headers and footers are short lines; long ones are content.
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, &i) in nonblank.iter().enumerate() {
        if !dropped[i] && src[i].text.len() <= 120 {
            seen.entry(src[i].text.trim()).or_default().push(p);
        }
    }
    let first = nonblank.first().map(|&i| src[i].text.trim());
    for (text, ps) in seen {
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
        || super::words::strip_word_ci(text, "at").is_some()
}

/// `Side 2 af 5`, `Page 2 of 5`, `- 2 -`, `2/5`, a footer ending in `Side 2 af 5`, or (when
/// `isolated`, alone between blank lines) a bare `2`.
fn page_number(line: &str, isolated: bool) -> bool {
    let line = line.trim();
    if line.len() > 160 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    let t: Vec<&str> = lower.split_whitespace().collect();
    let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit());
    let word = |s: &str| matches!(s, "side" | "page" | "s." | "sida");
    let of = |s: &str| matches!(s, "af" | "av" | "of" | "/" | "ud" | "fra");
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
    match t.as_slice() {
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
        if super::words::is_toc_heading(&src[i].text) {
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

/// `Budget 2023.....    6`, `Budget 2023 …… 6`; inside a headed table also `Budget 2023    6`.
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

/// Decides which lines head items: keyword headings (`Punkt 4`, `Sak 12/22`) when the document
/// has any, else bare numbers (`4.`, `4)`) forming the longest run 1, 2, 3 … through the text.
fn choose_headings(kept: &[&Src]) -> HashMap<usize, Heading> {
    let candidates: Vec<(usize, Style, Heading)> = kept
        .iter()
        .enumerate()
        .filter_map(|(k, s)| lines::heading(&s.text).map(|(st, h)| (k, st, h)))
        .collect();
    if candidates.iter().any(|(_, st, _)| *st == Style::Keyword) {
        return candidates
            .into_iter()
            .filter(|(_, st, _)| *st == Style::Keyword)
            .map(|(k, _, h)| (k, h))
            .collect();
    }
    longest_run(kept, candidates)
}

/// The bare-numbered candidates forming the best numbered run; a heading that stands alone
/// (a blank line before it) counts more than one inside a list.
fn longest_run(kept: &[&Src], candidates: Vec<(usize, Style, Heading)>) -> HashMap<usize, Heading> {
    let key = |h: &Heading| -> Option<(u32, u32)> {
        let digits: String = h.number.chars().take_while(char::is_ascii_digit).collect();
        let major = digits.parse().ok()?;
        let minor = h.number[digits.len()..]
            .chars()
            .next()
            .map_or(0, |c| u32::from(c) - u32::from('a') + 1);
        Some((major, minor))
    };
    // best score of a run ending in a candidate with this major number: (score, candidate index)
    let mut by_major: HashMap<u32, (u32, usize)> = HashMap::new();
    let mut by_exact: HashMap<(u32, u32), (u32, usize)> = HashMap::new();
    let mut prev: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut score = vec![0u32; candidates.len()];
    for (c, (k, _, h)) in candidates.iter().enumerate() {
        let Some((major, minor)) = key(h) else {
            continue;
        };
        let alone = *k == 0 || kept[k - 1].text.trim().is_empty();
        let weight = if alone { 3 } else { 1 };
        // The previous number, or (at a cost) a skipped or repeated one: real agendas have
        // both, and `check` reports them.
        let mut best: Option<(u32, usize)> = None;
        for (back, cost) in [(1, 0), (2, 2), (3, 4), (0, 2)] {
            let Some(m) = major.checked_sub(back) else {
                continue;
            };
            if back == 0 && minor > 0 {
                continue;
            }
            if let Some(&(s, from)) = by_major.get(&m) {
                best = best.max(Some((s.saturating_sub(cost), from)));
            }
        }
        if minor > 0
            && let Some(&same) = by_exact.get(&(major, minor - 1))
        {
            best = best.max(Some(same));
        }
        let starts = major <= 1 && minor <= 1;
        match best {
            Some((s, from)) => {
                score[c] = s + weight;
                prev[c] = Some(from);
            }
            None if starts => score[c] = weight,
            None => continue,
        }
        let entry = by_major.entry(major).or_insert((0, c));
        if score[c] > entry.0 {
            *entry = (score[c], c);
        }
        let entry = by_exact.entry((major, minor)).or_insert((0, c));
        if score[c] > entry.0 {
            *entry = (score[c], c);
        }
    }
    let mut out = HashMap::new();
    let mut at = (0..candidates.len())
        .filter(|&c| score[c] > 0)
        .max_by_key(|&c| score[c]);
    while let Some(c) = at {
        let (k, _, h) = &candidates[c];
        out.insert(*k, h.clone());
        at = prev[c];
    }
    out
}

/// Classifies the kept lines and hands them to the builder. A time standing alone right before
/// a heading belongs to that heading when the item before it already has its time.
fn feed(b: &mut Builder, kept: &[&Src], mut headings: HashMap<usize, Heading>) {
    let mut prev_has_slot = true;
    let mut k = 0;
    while k < kept.len() {
        let s = kept[k];
        if let Some(h) = headings.remove(&k) {
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
                && let Some(h) = headings.get_mut(&j)
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

    #[test]
    fn compact_list_agenda() {
        let text = "Teammøde\n1. Godkendelse af dagsorden\n2. Budget\n3. Eventuelt\n";
        let imported = parse(text);
        assert_eq!(imported.agenda.title, "Teammøde");
        assert_eq!(imported.agenda.items.len(), 3);
    }
}
