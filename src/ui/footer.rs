//! The line of keys at the foot of a screen: as many whole `key word` bindings as fit the width,
//! in the table's order, never one cut mid-word. One binding can be reserved (the meeting
//! screen's `?`): it is kept last and room is kept for it, so help can always be found.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::textutil::width;

/// Cells between two bindings.
const GAP: &str = "  ";

/// One binding as the footer shows it: its key, and a word (which may be empty).
pub type Pair<'a> = (&'a str, &'a str);

/// The bindings that fit in `max` cells: `pairs` in order while they fit, then `reserved`.
/// When not even the reserved binding fits whole, its key alone is shown (if that fits).
pub fn fit<'a>(pairs: &[Pair<'a>], reserved: Option<Pair<'a>>, max: usize) -> Vec<Pair<'a>> {
    let reserved = reserved.map(|r| if pair_width(r) <= max { r } else { (r.0, "") });
    let room_for_reserved = reserved.map_or(0, |r| pair_width(r) + GAP.len());
    let mut shown = vec![];
    let mut used = 0;
    for &p in pairs {
        let add = pair_width(p) + if shown.is_empty() { 0 } else { GAP.len() };
        // With a binding reserved, the others stop where it would no longer fit after them.
        let limit = if reserved.is_some() {
            max.saturating_sub(room_for_reserved)
        } else {
            max
        };
        if used + add > limit {
            break;
        }
        shown.push(p);
        used += add;
    }
    if let Some(r) = reserved.filter(|r| pair_width(*r) <= max) {
        shown.push(r);
    }
    shown
}

/// The footer line of at most `max` cells, keys in `key_style`, words in `word_style`.
pub fn line<'a>(
    pairs: &[Pair<'a>],
    reserved: Option<Pair<'a>>,
    max: usize,
    key_style: Style,
    word_style: Style,
) -> Line<'a> {
    let mut spans = vec![];
    for (n, (key, word)) in fit(pairs, reserved, max).into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(GAP, word_style));
        }
        spans.push(Span::styled(key, key_style));
        if !word.is_empty() {
            spans.push(Span::styled(format!(" {word}"), word_style));
        }
    }
    Line::from(spans)
}

/// Cells one binding takes: `key word`, or the key alone.
fn pair_width((key, word): Pair<'_>) -> usize {
    if word.is_empty() {
        width(key)
    } else {
        width(key) + 1 + width(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ui::keymap;

    const PAIRS: &[Pair<'static>] = &[
        ("Space", "start / pause / fortsæt"),
        ("n", "næste punkt"),
        ("d", "beslutning"),
        ("r", "indstilling: udfald"),
        ("u", "fortryd"),
    ];

    fn text(pairs: &[Pair<'_>]) -> String {
        line(pairs, None, usize::MAX, Style::new(), Style::new()).to_string()
    }

    #[test]
    fn whole_bindings_only_and_help_last() {
        let shown = fit(PAIRS, Some(("?", "hjælp")), 53);
        assert_eq!(
            shown,
            [
                ("Space", "start / pause / fortsæt"),
                ("n", "næste punkt"),
                ("?", "hjælp")
            ]
        );
        assert_eq!(
            text(&shown).len(),
            "Space start / pause / fortsæt  n næste punkt  ? hjælp".len()
        );
        assert_eq!(fit(PAIRS, Some(("?", "hjælp")), 7), [("?", "hjælp")]);
        assert_eq!(fit(PAIRS, Some(("?", "hjælp")), 3), [("?", "")]);
        assert!(fit(PAIRS, Some(("?", "hjælp")), 0).is_empty());
        assert!(fit(PAIRS, None, 4).is_empty());
    }

    /// Every binding of the meeting screen's footer, in every language, at every width.
    #[test]
    fn at_every_width_no_binding_is_cut_and_help_ends_the_line() {
        for lang in [Lang::Da, Lang::Nb, Lang::En] {
            let (pairs, help) = keymap::live_footer(lang);
            let whole: Vec<String> = pairs
                .iter()
                .chain(help.iter())
                .map(|&(k, w)| format!("{k} {w}").trim_end().to_string())
                .collect();
            for max in 1..=250 {
                let l = line(&pairs, help, max, Style::new(), Style::new());
                let s = l.to_string();
                assert!(width(&s) <= max, "{lang:?} {max}: {s:?}");
                for part in s.split(GAP).filter(|p| !p.is_empty()) {
                    assert!(
                        whole.iter().any(|w| w == part) || Some(part) == help.map(|h| h.0),
                        "{lang:?} at {max}: {part:?} is not a whole binding in {s:?}"
                    );
                }
                let help = help.unwrap();
                if max >= width(help.0) {
                    assert!(
                        s == help.0 || s.ends_with(&format!("{} {}", help.0, help.1)),
                        "{lang:?} at {max}: {s:?} does not end with help"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// Any bindings at any width: the line fits, and is a run of whole bindings.
        #[test]
        fn any_bindings_fit_whole(
            pairs in proptest::collection::vec(("[a-zA-Z?]{1,3}", "[a-zæøå /]{0,12}"), 0..12),
            max in 0usize..120,
        ) {
            let pairs: Vec<Pair<'_>> = pairs.iter().map(|(k, w)| (k.as_str(), w.as_str())).collect();
            let shown = fit(&pairs[1.min(pairs.len())..], pairs.first().copied(), max);
            let s = line(&pairs[1.min(pairs.len())..], pairs.first().copied(), max, Style::new(), Style::new()).to_string();
            proptest::prop_assert!(width(&s) <= max, "{s:?}");
            let expected: Vec<String> = shown.iter().map(|(k, w)| if w.is_empty() { k.to_string() } else { format!("{k} {w}") }).collect();
            proptest::prop_assert_eq!(s, expected.join(GAP));
            // Shown in the table's order, the reserved one last.
            let others = &shown[..shown.len().saturating_sub(1)];
            proptest::prop_assert!(pairs.iter().skip(1).zip(others).all(|(a, b)| a == b));
        }
    }
}
