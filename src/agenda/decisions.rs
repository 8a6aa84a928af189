//! Decisions written apart from the *Beslutning* label:
//! - gathered in a block of their own after the items: minutes that list the agenda first and
//!   then decide item by item in lines keyed to the numbers (`Ad 1: Godkendt.`, `Ad 2 Drøftet`,
//!   `Ad 3. Udsat.`). Each keyed paragraph becomes its item's decision and leaves the body it
//!   was read into (the last item's, as the block follows the list);
//! - on the item's own line, in compact minutes where each item is one line: after the title
//!   comes an outcome (`2. Godkendelse af dagsorden Godkendt`) or a sentence
//!   (`4. Fællesspisning fredag 9 Nov. Vi mødes kl. 17.00.`).

use super::words;
use super::{Agenda, Item};

/// Both readings, on an imported agenda; `text` is what it was read from, whose lines the items'
/// `line` numbers name.
pub fn read(agenda: &mut Agenda, text: &str) {
    gather(&mut agenda.items);
    if reads_as_minutes(agenda) {
        let lines: Vec<&str> = text.lines().collect();
        for item in &mut agenda.items {
            let source = item
                .line
                .and_then(|n| lines.get(n.checked_sub(1)?))
                .copied();
            split_title_line(item, source);
        }
    }
}

/// Minutes, not an agenda: a title that says so, or decisions read already. Only minutes have
/// a decision on a title's line; an agenda's title may well hold a full stop or a capital.
fn reads_as_minutes(agenda: &Agenda) -> bool {
    words::names_minutes(&agenda.title) || agenda.items.iter().any(|i| i.decision.is_some())
}

/// A one-line item of minutes (no body, no decision) whose title runs on into its decision.
/// The decision is taken from the `source` line as written, with the clock times the heading
/// reader cut out (`Vi mødes kl 17.00.`); a time that was only in the decision is not the
/// item's slot.
fn split_title_line(item: &mut Item, source: Option<&str>) {
    if !item.body.is_empty() || item.decision.is_some() {
        return;
    }
    let Some((title, decision)) = title_and_decision(&item.title) else {
        return;
    };
    let written = source
        .and_then(|line| Some(&line[line.find(title.split_whitespace().next()?)?..]))
        .and_then(title_and_decision)
        .map(|(_, tail)| tail);
    if let Some(tail) = written {
        let (slot, _) = super::times::extract(tail);
        if slot.start.is_some() && slot.start == item.start {
            item.start = None;
            item.end = None;
        }
        if slot.minutes.is_some() && slot.minutes == item.minutes {
            item.minutes = None;
        }
    }
    item.decision = Some(written.unwrap_or(decision).to_string());
    item.title = title.to_string();
}

/// Words a sentence after a title needs at least (`Vi diskuterede det.`).
const SENTENCE_WORDS: usize = 3;

/// Where a title ends and its decision begins: before an outcome (`Godkendt`, `Udsat.`, `intet`,
/// a capital or the whole rest), or at a full stop after a word of three letters or more that
/// a capitalised sentence of [`SENTENCE_WORDS`] words follows (so `v. Hansen` is no end).
fn title_and_decision(title: &str) -> Option<(&str, &str)> {
    let starts: Vec<usize> = title
        .char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_whitespace() && title[..i].ends_with(' '))
        .map(|(i, _)| i)
        .collect();
    for &at in &starts {
        let (head, tail) = (title[..at].trim_end(), &title[at..]);
        let clean_tail = tail.trim_end_matches(['|', ' ', '.', '!']);
        let capital = tail.starts_with(char::is_uppercase);
        let outcome = words::outcome_prefix(clean_tail);
        if outcome.is_some_and(|n| n == clean_tail.len() || capital) {
            return Some((head, tail.trim_end_matches(['|', ' '])));
        }
        let ends_sentence = head
            .strip_suffix('.')
            .and_then(|h| h.split_whitespace().last())
            .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        if ends_sentence && capital && tail.split_whitespace().count() >= SENTENCE_WORDS {
            return Some((head, tail.trim_end_matches(['|', ' '])));
        }
    }
    None
}

/// A block needs two keyed lines at least: `Ad 2 omgange` alone is prose ("in two rounds").
const MIN_KEYED_LINES: usize = 2;

/// Moves every keyed decision out of the bodies into the decision of the item it names.
fn gather(items: &mut [Item]) {
    for from in 0..items.len() {
        let Some(block) = keyed_block(&items[from].body, items) else {
            continue;
        };
        for (to, text) in block.decisions {
            let decision = &mut items[to].decision;
            match decision {
                Some(d) => {
                    d.push('\n');
                    d.push_str(&text);
                }
                None => *decision = Some(text),
            }
        }
        items[from].body = block.rest;
    }
}

/// What a body holds once its keyed decisions are taken out.
struct Block {
    /// (index of the item named, decision) in the order written.
    decisions: Vec<(usize, String)>,
    /// The body without the block (and without the block's label line).
    rest: String,
}

/// The keyed decisions in `body` that name items of `items`, if there are enough of them.
fn keyed_block(body: &str, items: &[Item]) -> Option<Block> {
    let lines: Vec<&str> = body.lines().collect();
    // (line, the item it names, the text after the key)
    let keyed: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (number, text) = keyed_line(l)?;
            item_numbered(items, &number).map(|to| (i, to, text))
        })
        .collect();
    if keyed.len() < MIN_KEYED_LINES {
        return None;
    }
    let mut taken = vec![false; lines.len()];
    let mut decisions = Vec::new();
    for (k, &(i, to, first)) in keyed.iter().enumerate() {
        taken[i] = true;
        // The paragraph runs on to a blank line or the next keyed line (one naming no item too).
        let stop = keyed.get(k + 1).map_or(lines.len(), |(next, _, _)| *next);
        let mut text = vec![first.trim()];
        for j in i + 1..stop {
            if lines[j].trim().is_empty() || keyed_line(lines[j]).is_some() {
                break;
            }
            taken[j] = true;
            text.push(lines[j].trim());
        }
        let text = text.join("\n").trim().to_string();
        // `Ad 5. -`: nothing was decided.
        if text.chars().any(char::is_alphanumeric) {
            decisions.push((to, text));
        }
    }
    if let Some(label) = keyed.first().and_then(|(i, _, _)| i.checked_sub(1))
        && words::is_decisions_label(lines[label])
    {
        taken[label] = true;
    }
    let rest: Vec<&str> = lines
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(l, _)| *l)
        .collect();
    Some(Block {
        decisions,
        rest: rest.join("\n").trim_end().to_string(),
    })
}

/// `Ad 1: …`, `Ad 2 …`, `Ad 3. …`, `Ad pkt. 4 - …`: the item number and the text after it.
fn keyed_line(line: &str) -> Option<(String, &str)> {
    let rest = words::strip_word_ci(line.trim_start(), "ad")?.trim_start();
    let rest = ["punkt", "pkt.", "pkt", "sak"]
        .iter()
        .find_map(|w| words::strip_word_ci(rest, w))
        .map_or(rest, str::trim_start);
    let (number, after) = super::lines::number(rest, 3)?;
    if !super::lines::separated(after) {
        return None;
    }
    let text = after.trim_start_matches([':', '.', ')', '-', '–', '—', ' ', '\t']);
    Some((number, text))
}

/// The item printed with `number`, or else the one whose number starts with it (`12/22` for
/// `Ad 12`) when only one does.
fn item_numbered(items: &[Item], number: &str) -> Option<usize> {
    if let Some(i) = items.iter().position(|it| it.number == number) {
        return Some(i);
    }
    let leading = |n: &str| n.split(|c: char| !c.is_ascii_alphanumeric()).next() == Some(number);
    let mut starting = items
        .iter()
        .enumerate()
        .filter(|(_, it)| leading(&it.number));
    match (starting.next(), starting.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(numbers: &[&str]) -> Vec<Item> {
        numbers
            .iter()
            .map(|n| Item {
                number: n.to_string(),
                title: format!("Punkt {n}"),
                ..Item::default()
            })
            .collect()
    }

    #[test]
    fn a_keyed_block_after_the_list_gives_each_item_its_decision() {
        let mut it = items(&["1", "2", "3", "4", "5"]);
        it[4].body = "Beslutningsreferat:\nAd 1: Datoer står ved magt.\nAd 2 Emner blev drøftet,\n\
                      som går videre.\nAd 3. Åben drøftelse.\nAd 4. TBD.\nAd 5. -"
            .into();
        gather(&mut it);
        let d: Vec<Option<&str>> = it.iter().map(|i| i.decision.as_deref()).collect();
        assert_eq!(
            d,
            [
                Some("Datoer står ved magt."),
                Some("Emner blev drøftet,\nsom går videre."),
                Some("Åben drøftelse."),
                Some("TBD."),
                None
            ]
        );
        assert_eq!(it[4].body, "");
    }

    #[test]
    fn compact_minutes_have_the_decision_on_the_title_line() {
        let split = title_and_decision;
        assert_eq!(
            split("Godkendelse af dagsorden Godkendt"),
            Some(("Godkendelse af dagsorden", "Godkendt"))
        );
        assert_eq!(
            split("Godkendelse af referat Udskudt."),
            Some(("Godkendelse af referat", "Udskudt."))
        );
        assert_eq!(split("Eventuelt intet |"), Some(("Eventuelt", "intet")));
        assert_eq!(
            split("Fællesspisning fredag 9 Nov. Vi mødes til borddækning kl 17.00."),
            Some((
                "Fællesspisning fredag 9 Nov.",
                "Vi mødes til borddækning kl 17.00."
            ))
        );
        assert_eq!(
            split("Godkjenning av protokoll Godkjent uten merknader"),
            Some(("Godkjenning av protokoll", "Godkjent uten merknader"))
        );
        // Titles as agendas write them stay whole.
        for t in [
            "Orientering v. Hans Jensen om status",
            "Budget 2023 for Ældreområdet",
            "Sager der er godkendt af formanden",
            "Ny Lokalplan og videre proces",
            "Godkendelse af dagsorden",
        ] {
            assert_eq!(split(t), None, "{t}");
        }
    }

    #[test]
    fn only_minutes_split_their_titles() {
        let mut agenda = Agenda {
            title: "Dagsorden for bestyrelsesmøde".into(),
            items: items(&["1"]),
            ..Agenda::default()
        };
        agenda.items[0].title = "Godkendelse af dagsorden Godkendt".into();
        read(&mut agenda, "");
        assert_eq!(agenda.items[0].decision, None);
        agenda.title = "Referat af bestyrelsesmøde".into();
        read(&mut agenda, "");
        assert_eq!(agenda.items[0].title, "Godkendelse af dagsorden");
        assert_eq!(agenda.items[0].decision.as_deref(), Some("Godkendt"));
    }

    #[test]
    fn one_line_of_prose_is_no_block() {
        let mut it = items(&["1", "2"]);
        it[1].body = "Sagen blev behandlet\nad 2 omgange i udvalget.".into();
        gather(&mut it);
        assert!(it.iter().all(|i| i.decision.is_none()));
        assert_eq!(it[1].body, "Sagen blev behandlet\nad 2 omgange i udvalget.");
    }

    #[test]
    fn keys_that_name_no_item_stay_in_the_body() {
        let mut it = items(&["1", "2"]);
        it[1].body = "Tekst\n\nAd 1: Godkendt.\nAd 2: Udsat.\nAd 9: Ukendt.".into();
        gather(&mut it);
        assert_eq!(it[0].decision.as_deref(), Some("Godkendt."));
        assert_eq!(it[1].decision.as_deref(), Some("Udsat."));
        assert_eq!(it[1].body, "Tekst\n\nAd 9: Ukendt.");
    }

    #[test]
    fn case_numbers_are_named_by_their_count() {
        let mut it = items(&["12/22", "13/22"]);
        it[1].body = "Ad pkt. 12: Vedtatt.\nAd 13 - Utsatt.".into();
        gather(&mut it);
        assert_eq!(it[0].decision.as_deref(), Some("Vedtatt."));
        assert_eq!(it[1].decision.as_deref(), Some("Utsatt."));
    }
}
