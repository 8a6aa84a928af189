//! PDF agendas: the text layer, laid out again as the text layout of
//! [`layout`](super::layout).
//!
//! The PDF library gives each glyph with its position and size; here the glyphs become lines
//! (top to bottom, left to right), running page headers, footers and page numbers are dropped,
//! lines that a paragraph wrapped are joined, and lines set larger than the body text become
//! headings. A PDF with no text layer (a scan) is refused with a message that says so.

use std::collections::HashMap;

use super::layout::Layout;
use crate::i18n::{Key, Said};

/// One glyph (or a run of them) as placed on the page; `y` grows downwards.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Debug, Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
}

/// A line of text as set on a page.
#[derive(Debug, Clone)]
struct Line {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// The document's text, or why it cannot be read.
pub fn to_text(bytes: &[u8]) -> Result<String, Said> {
    let pages = extract::pages(bytes)?;
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(Said::new(Key::ImpPdfScan));
    }
    let heights: Vec<f64> = pages.iter().map(|p| p.height).collect();
    let pages: Vec<Vec<Line>> = pages.iter().map(lines).collect();
    Ok(write(&drop_furniture(pages, &heights)))
}

/// Glyphs to lines: a new line where the baseline moves by more than half the text size; a
/// space where glyphs leave a gap; ` | ` where the gap is as wide as a table's column gap.
fn lines(page: &Page) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.size > 0.0).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() <= row[0].size.min(g.size) * 0.5 => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut out: Vec<Line> = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
        let mut text = String::new();
        let mut last_end = f64::NEG_INFINITY;
        for g in &row {
            let gap = g.x - last_end;
            if !text.is_empty() && gap > size * 2.0 && !is_label(text.trim()) {
                text = text.trim_end().to_string();
                text.push_str(CELL);
            } else if !text.is_empty() && gap > size * 0.15 && !text.ends_with(' ') {
                text.push(' ');
            }
            text.push_str(&g.text);
            last_end = last_end.max(g.end);
        }
        let text = super::layout::collapse(&text);
        if text.is_empty() {
            continue;
        }
        out.push(Line {
            x: row[0].x,
            y: row[0].y,
            end: last_end,
            size,
            text,
        });
    }
    out
}

/// A list label set apart from its text by a tab: `1.`, `12)`, `a)`, `•`.
fn is_label(text: &str) -> bool {
    let body = text.trim_end_matches(['.', ')', ':']);
    (body.len() < text.len() || body.chars().all(|c| c.is_ascii_digit()))
        && body.chars().count() <= 4
        && body.chars().all(|c| c.is_alphanumeric() || c == '.')
        || matches!(text, "•" | "-" | "–" | "▪" | "o")
}

/// Between the cells of a table row, as in the text layout.
const CELL: &str = " | ";

/// Share of the page at the top and at the bottom where running headers and footers sit.
const MARGIN: f64 = 0.12;

/// Drops page numbers and the lines repeated in the top or bottom margin of most pages.
fn drop_furniture(pages: Vec<Vec<Line>>, heights: &[f64]) -> Vec<Vec<Line>> {
    // A page without a usable size takes the tallest line position as its height.
    let heights: Vec<f64> = pages
        .iter()
        .zip(heights)
        .map(|(p, &h)| {
            let lowest = p.iter().map(|l| l.y + l.size).fold(1.0, f64::max);
            if h.is_finite() && h > 0.0 { h } else { lowest }
        })
        .collect();
    let in_margin = |l: &Line, h: f64| l.y < h * MARGIN || l.y > h * (1.0 - MARGIN);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, &h) in pages.iter().zip(&heights) {
        let mut keys: Vec<String> = page
            .iter()
            .filter(|l| in_margin(l, h))
            .map(|l| shape(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeated = |l: &Line, pages: usize| {
        pages >= 2 && seen.get(&shape(&l.text)).copied().unwrap_or(0) * 2 > pages
    };
    let count = pages.len();
    pages
        .into_iter()
        .zip(heights)
        .map(|(page, h)| {
            page.into_iter()
                .filter(|l| !(in_margin(l, h) && (page_number(&l.text) || repeated(l, count))))
                .collect()
        })
        .collect()
}

/// A line with its digits taken out, so that `Side 2 af 5` and `Side 3 af 5` match.
fn shape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .to_lowercase()
}

/// `3`, `- 3 -`, `3/5`, `Side 3 af 5`, `Side 3`, `Page 3 of 5`, `s. 3`.
fn page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    // A year in a margin is a date, not a page number.
    let is_num = |w: &&str| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3;
    match words.as_slice() {
        [] => false,
        [n] | [n, _] | [_, n] if words.iter().all(is_num) => is_num(n),
        [label, n, rest @ ..]
            if matches!(*label, "side" | "page" | "sida" | "seite" | "s") && is_num(n) =>
        {
            matches!(rest, [] | [_]) && rest.iter().all(is_num)
                || matches!(rest, [of, m] if matches!(*of, "af" | "av" | "of" | "von") && is_num(m))
        }
        _ => false,
    }
}

/// The body text size: the size most characters are set in.
fn body_size(pages: &[Vec<Line>]) -> f64 {
    let mut by_size: HashMap<i64, usize> = HashMap::new();
    for l in pages.iter().flatten() {
        *by_size.entry((l.size * 10.0).round() as i64).or_default() += l.text.chars().count();
    }
    by_size
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(size, _)| size as f64 / 10.0)
}

/// Lines to the text layout: headings set apart, wrapped lines joined, a blank line where
/// the page leaves a paragraph's gap.
fn write(pages: &[Vec<Line>]) -> String {
    let body = body_size(pages);
    let is_heading = |l: &Line| l.size > body * 1.15;
    // How far right the text runs: a line that reaches it was wrapped.
    let right = pages
        .iter()
        .flatten()
        .filter(|l| !is_heading(l))
        .map(|l| l.end)
        .fold(0.0, f64::max);
    let left = pages
        .iter()
        .flatten()
        .map(|l| l.x)
        .fold(f64::INFINITY, f64::min);
    // A line was wrapped when the next line's first word would not have fitted after it; in
    // a column narrower than this, short lines are a list, not a wrapped paragraph.
    let column = right - left >= 200.0;
    let wrapped = |p: &Line, next: &Line| {
        let chars = next.text.chars().count().max(1) as f64;
        let per_char = (next.end - next.x) / chars;
        let word = next
            .text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count()) as f64;
        column && p.end + per_char * (word + 1.0) > right - per_char
    };
    let mut out = Layout::new();
    let flush = |out: &mut Layout, p: Line| {
        if is_heading(&p) {
            out.heading(&p.text);
        } else {
            out.line(&p.text);
        }
    };
    let mut para: Option<Line> = None;
    for page in pages {
        let mut prev_y: Option<f64> = None;
        for line in page {
            let gap = prev_y.map(|y| line.y - y);
            prev_y = Some(line.y);
            // A wrapped paragraph or heading goes on in the same size, at about the same
            // left edge (a first-line or hanging indent allowed), with no paragraph gap.
            let continues = para.as_ref().is_some_and(|p| {
                wrapped(p, line)
                    && (p.size - line.size).abs() <= body * 0.1
                    && is_heading(p) == is_heading(line)
                    && gap.is_none_or(|g| g > 0.0 && g <= line.size * 1.6)
                    && line.x >= p.x - line.size * 2.5
                    && line.x <= p.x + line.size * 3.0
                    && !p.text.ends_with(':')
                    && !starts_like_entry(&line.text)
                    && !is_row(p)
                    && !is_row(line)
            });
            match para.as_mut() {
                Some(p) if continues => {
                    p.text.push(' ');
                    p.text.push_str(&line.text);
                    p.end = line.end;
                }
                _ => {
                    if let Some(p) = para.take() {
                        flush(&mut out, p);
                    }
                    if gap.is_some_and(|g| g > line.size * 1.9) {
                        out.blank();
                    }
                    para = Some(line.clone());
                }
            }
        }
    }
    if let Some(p) = para {
        flush(&mut out, p);
    }
    out.finish()
}

/// A table row: its cells stand apart by column gaps. A row is a line of its own.
fn is_row(line: &Line) -> bool {
    line.text.contains(CELL)
}

/// A line that starts a new entry rather than continuing a paragraph: a numbered or bulleted
/// line (`2.`, `b)`, `- `, `• `).
fn starts_like_entry(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    is_label(first) && text.len() > first.len()
}

mod extract {
    //! The PDF library's side: glyphs with their positions, page by page.

    use std::panic::{AssertUnwindSafe, catch_unwind};

    use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

    use super::{Glyph, Key, Page, Said};

    #[derive(Default)]
    struct Collect {
        pages: Vec<Page>,
        flip: f64,
    }

    impl OutputDev for Collect {
        fn begin_page(
            &mut self,
            _num: u32,
            media_box: &MediaBox,
            _art_box: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), OutputError> {
            self.flip = media_box.ury;
            self.pages.push(Page {
                height: media_box.ury - media_box.lly,
                glyphs: Vec::new(),
            });
            Ok(())
        }
        fn end_page(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn output_character(
            &mut self,
            trm: &Transform,
            width: f64,
            _spacing: f64,
            font_size: f64,
            text: &str,
        ) -> Result<(), OutputError> {
            // The text matrix scales the font: its determinant is the area factor.
            let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
            let size = font_size * scale;
            let (x, y) = (trm.m31, self.flip - trm.m32);
            if let Some(page) = self.pages.last_mut()
                && size.is_finite()
                && x.is_finite()
                && y.is_finite()
            {
                page.glyphs.push(Glyph {
                    x,
                    y,
                    end: x + width * size,
                    size,
                    text: text.to_string(),
                });
            }
            Ok(())
        }
        fn begin_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_word(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
        fn end_line(&mut self) -> Result<(), OutputError> {
            Ok(())
        }
    }

    pub(super) fn pages(bytes: &[u8]) -> Result<Vec<Page>, Said> {
        let damaged =
            |e: &dyn std::fmt::Display| Said::new(Key::ImpPdfDamaged).with("detail", e.to_string());
        // The library stops on some malformed files by panicking; such a file is damaged,
        // and the panic must not reach the user.
        let run = || -> Result<Vec<Page>, Said> {
            let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(&e))?;
            // Most protected PDFs open without a password (they only restrict editing).
            if doc.is_encrypted() && doc.decrypt("").is_err() {
                return Err(Said::new(Key::ImpPdfPassword));
            }
            let mut out = Collect::default();
            pdf_extract::output_doc(&doc, &mut out).map_err(|e| damaged(&e))?;
            Ok(out.pages)
        };
        quietly(run).unwrap_or_else(|| Err(Said::new(Key::ImpPdfGaveUp)))
    }

    thread_local! {
        /// Set while this thread runs the PDF library: its panics are not printed.
        static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Runs `f`, turning a panic into `None` without printing it. The panic hook is wrapped
    /// once, and only the thread inside `f` is kept quiet, so other threads' panics (and a
    /// hook installed before this one) still report as usual.
    fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
        static WRAP: std::sync::Once = std::sync::Once::new();
        WRAP.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !QUIET.with(std::cell::Cell::get) {
                    previous(info);
                }
            }));
        });
        QUIET.with(|q| q.set(true));
        let result = catch_unwind(AssertUnwindSafe(f)).ok();
        QUIET.with(|q| q.set(false));
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_the_forms_they_take() {
        for yes in [
            "3",
            "- 3 -",
            "3/5",
            "Side 3 af 5",
            "Side 3",
            "Page 3 of 5",
            "s. 3",
            "(3)",
        ] {
            assert!(page_number(yes), "{yes}");
        }
        for no in [
            "3. Budget",
            "Side 3 handler om budget",
            "2022",
            "Sagsnr. 22/4411",
        ] {
            assert!(!page_number(no), "{no}");
        }
    }

    fn line(y: f64, text: &str) -> Line {
        Line {
            x: 72.0,
            y,
            end: 72.0 + 5.0 * text.chars().count() as f64,
            size: 11.0,
            text: text.to_string(),
        }
    }

    #[test]
    fn running_headers_repeat_and_body_lines_do_not() {
        let pages: Vec<Vec<Line>> = (1..=3)
            .map(|n| {
                vec![
                    line(40.0, &format!("Udvalget {n}. juni")),
                    line(300.0, &format!("Tekst på side {n}")),
                    line(800.0, &format!("Side {n} af 3")),
                ]
            })
            .collect();
        let kept = drop_furniture(pages, &[842.0; 3]);
        let texts: Vec<&str> = kept.iter().flatten().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Tekst på side 1", "Tekst på side 2", "Tekst på side 3"]
        );
    }
}
