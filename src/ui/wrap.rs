//! Text broken into screen rows with a hanging indent: a list item's mark on its first row,
//! and the rows after it start under the text, not under the mark.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::textutil::{truncate, width};

/// `mark` then `text`, wrapped to `max` cells; continuation rows are indented by the mark's
/// width. The mark gets `mark_style`, the text `style`. An empty text gives the mark alone.
pub fn hanging(
    mark: &str,
    mark_style: Style,
    text: &str,
    style: Style,
    max: usize,
) -> Vec<Line<'static>> {
    hanging_spans(mark, mark_style, &[(text, style)], max)
}

/// Like [`hanging`], for text in several styles: `parts` follow each other as written (a space
/// between two parts only where one of them has it).
pub fn hanging_spans(
    mark: &str,
    mark_style: Style,
    parts: &[(&str, Style)],
    max: usize,
) -> Vec<Line<'static>> {
    let max = max.max(1);
    let indent = width(mark);
    let mut words = words(parts);
    // A mark wider than half the row leaves no room to hang under: it wraps with the text.
    let indent = if indent * 2 > max {
        words.insert(
            0,
            Word {
                text: mark.trim_end().to_string(),
                style: mark_style,
                glued: false,
            },
        );
        0
    } else {
        indent
    };
    let rows = fill(words, max - indent);
    if rows.is_empty() {
        return vec![Line::styled(truncate(mark, max), mark_style)];
    }
    rows.into_iter()
        .enumerate()
        .map(|(n, mut spans)| {
            if indent > 0 {
                let lead = if n == 0 {
                    Span::styled(mark.to_string(), mark_style)
                } else {
                    Span::raw(" ".repeat(indent))
                };
                spans.insert(0, lead);
            }
            Line::from(spans)
        })
        .collect()
}

/// A word and its style; `glued` when nothing separates it from the word before.
struct Word {
    text: String,
    style: Style,
    glued: bool,
}

fn words(parts: &[(&str, Style)]) -> Vec<Word> {
    let mut out = vec![];
    let mut space_before = true;
    for (text, style) in parts {
        let mut first = true;
        for w in text.split_whitespace() {
            let glued = first && !space_before && !text.starts_with(char::is_whitespace);
            out.push(Word {
                text: w.to_string(),
                style: *style,
                glued,
            });
            first = false;
        }
        if !text.is_empty() {
            space_before = text.ends_with(char::is_whitespace);
        }
    }
    out
}

/// Greedy filling of rows of `max` cells; a word longer than a row is cut into pieces.
fn fill(words: Vec<Word>, max: usize) -> Vec<Vec<Span<'static>>> {
    let max = max.max(1);
    let mut rows: Vec<Vec<Span<'static>>> = vec![];
    let mut row: Vec<Span<'static>> = vec![];
    let mut used = 0;
    for w in words {
        let ww = width(&w.text);
        let gap = usize::from(used > 0 && !w.glued);
        if used > 0 && used + gap + ww <= max {
            if gap == 1 {
                row.push(Span::raw(" "));
            }
            row.push(Span::styled(w.text, w.style));
            used += gap + ww;
            continue;
        }
        if used > 0 {
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        // Pieces of a word too long for a row.
        let mut piece = String::new();
        for g in crate::textutil::graphemes(&w.text) {
            let gw = crate::textutil::grapheme_width(g);
            if used + gw > max && used > 0 {
                row.push(Span::styled(std::mem::take(&mut piece), w.style));
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            piece.push_str(g);
            used += gw;
        }
        row.push(Span::styled(piece, w.style));
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// A line of the agenda's text, wrapped: a list item (`- `, `• `, `* `, `1. `, `a) `) hangs
/// under its text; other lines wrap flush left.
pub fn text_line(line: &str, style: Style, max: usize) -> Vec<Line<'static>> {
    let trimmed = line.trim_start();
    let lead = &line[..line.len() - trimmed.len()];
    match list_mark(trimmed) {
        Some(mark) => hanging(
            &format!("{lead}{mark}"),
            style,
            &trimmed[mark.len()..],
            style,
            max,
        ),
        None if line.trim().is_empty() => vec![Line::raw("")],
        None => hanging(lead, style, trimmed, style, max),
    }
}

/// The list mark a line starts with, with the space after it.
pub fn list_mark(s: &str) -> Option<&str> {
    for bullet in ["- ", "• ", "* ", "– "] {
        if s.starts_with(bullet) {
            return Some(&s[..bullet.len()]);
        }
    }
    // "1. ", "12) ", "a) ".
    let end = s.find(' ')?;
    let head = &s[..end];
    let body = head.strip_suffix(['.', ')'])?;
    let numbered = !body.is_empty() && body.len() <= 3 && body.chars().all(|c| c.is_ascii_digit());
    let lettered = body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase());
    (numbered || lettered).then(|| &s[..end + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn bullets_hang_under_their_text() {
        let l = text_line(
            "- Første punkt er langt nok til to linjer",
            Style::new(),
            20,
        );
        assert_eq!(
            rows(&l),
            ["- Første punkt er", "  langt nok til to", "  linjer"]
        );
        let l = text_line("12. Tolv ord på række her", Style::new(), 12);
        assert_eq!(rows(&l), ["12. Tolv ord", "    på række", "    her"]);
        let l = text_line("Et afsnit uden mærke der ombrydes", Style::new(), 16);
        assert_eq!(rows(&l), ["Et afsnit uden", "mærke der", "ombrydes"]);
        assert_eq!(rows(&text_line("", Style::new(), 10)), [""]);
    }

    #[test]
    fn styles_stay_with_their_words() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let l = hanging_spans(
            "1. ",
            Style::new(),
            &[("at planen godkendes", Style::new()), (" — Godkendt", bold)],
            16,
        );
        assert_eq!(rows(&l), ["1. at planen", "   godkendes —", "   Godkendt"]);
        let last = l[2].spans.last().unwrap();
        assert_eq!((last.content.as_ref(), last.style), ("Godkendt", bold));
        // Parts written together stay together.
        let l = hanging_spans(
            "",
            Style::new(),
            &[("Dato:", bold), ("x", Style::new())],
            20,
        );
        assert_eq!(rows(&l), ["Dato:x"]);
    }

    #[test]
    fn no_row_is_wider_than_the_screen() {
        for max in 1..30 {
            for l in hanging("→ ", Style::new(), &"ord ".repeat(12), Style::new(), max) {
                assert!(width(&l.to_string()) <= max, "{max}: {l}");
            }
        }
    }
}
