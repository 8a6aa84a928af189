//! The referat as formatted screen text, built from the minutes [`Layout`] (the same blocks
//! Markdown, HTML, Word and PDF render): headings bold, lists with their text hanging under the
//! mark, each clause's outcome in its own style. Review shows these paragraphs, wrapped to the
//! width of the screen when drawn.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::{style, wrap};
use crate::minutes::layout::{Block, Layout, Table};

/// One paragraph of the referat: a mark that its text hangs under (maybe empty) and the text in
/// styled parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub mark: String,
    pub parts: Vec<(String, Style)>,
    /// The agenda item (index) whose heading this is.
    pub item: Option<usize>,
}

impl Para {
    fn new(parts: Vec<(String, Style)>) -> Self {
        Para {
            mark: String::new(),
            parts,
            item: None,
        }
    }

    fn plain(text: impl Into<String>, style: Style) -> Self {
        Para::new(vec![(text.into(), style)])
    }

    fn marked(mark: impl Into<String>, parts: Vec<(String, Style)>) -> Self {
        Para {
            mark: mark.into(),
            ..Para::new(parts)
        }
    }

    fn blank() -> Self {
        Para::new(vec![])
    }

    /// The paragraph as plain text, for search.
    pub fn text(&self) -> String {
        let parts: String = self.parts.iter().map(|(t, _)| t.as_str()).collect();
        format!("{}{parts}", self.mark)
    }

    /// Screen rows of at most `width` cells.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        if self.parts.iter().all(|(t, _)| t.trim().is_empty()) && self.mark.is_empty() {
            return vec![Line::raw("")];
        }
        let parts: Vec<(&str, Style)> = self.parts.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        wrap::hanging_spans(&self.mark, Style::default(), &parts, width)
    }
}

fn heading() -> Style {
    style::title().patch(style::warning())
}

fn outcome() -> Style {
    style::theme().accent().add_modifier(Modifier::ITALIC)
}

/// The referat's paragraphs, in order; a blank one before each section and each part of it.
pub fn paras(l: &Layout) -> Vec<Para> {
    let mut out = vec![Para::plain(l.title.clone(), style::title())];
    for b in &l.blocks {
        let opens = matches!(
            b,
            Block::Facts(_) | Block::Notice(_) | Block::Heading { .. } | Block::Label(_)
        );
        if opens {
            out.push(Para::blank());
        }
        block(&mut out, b);
    }
    out
}

fn block(out: &mut Vec<Para>, b: &Block) {
    let plain = Style::default();
    match b {
        Block::Facts(rows) => out.extend(rows.iter().map(|(k, v)| field(k, v))),
        Block::Notice(s) => out.push(Para::plain(s.clone(), style::warning())),
        Block::Heading { text, item } => out.push(Para {
            item: *item,
            ..Para::plain(text.clone(), heading())
        }),
        Block::Label(s) => out.push(Para::plain(*s, style::title())),
        Block::Para(s) => out.push(match wrap::list_mark(s) {
            Some(mark) => Para::marked(mark, vec![(s[mark.len()..].to_string(), plain)]),
            None => Para::plain(s.clone(), plain),
        }),
        Block::Aside(s) => out.push(Para::plain(
            s.clone(),
            style::dim().add_modifier(Modifier::ITALIC),
        )),
        Block::Field(k, v) => out.push(field(k, v)),
        Block::Bullets(items) => out.extend(
            items
                .iter()
                .map(|s| Para::marked("• ", vec![(s.clone(), plain)])),
        ),
        Block::Clauses(clauses) => out.extend(clauses.iter().map(|c| {
            let mark = c
                .number
                .map_or_else(|| "• ".to_string(), |n| format!("{n}. "));
            let mut parts = vec![(c.text.clone(), plain)];
            if let Some(o) = c.outcome {
                parts.push((" — ".to_string(), style::dim()));
                parts.push((o.to_string(), outcome()));
            }
            Para::marked(mark, parts)
        })),
        Block::Table(t) => table(out, t),
    }
}

/// "Dato: mandag den 14. marts 2022", the value hanging under itself.
fn field(label: &str, value: &str) -> Para {
    Para::marked(
        format!("{label}: "),
        vec![(value.to_string(), Style::default())],
    )
}

/// A table as a list: its head once, then each row's cells that have something in them.
fn table(out: &mut Vec<Para>, t: &Table) {
    out.push(Para::plain(t.head.join(" · "), style::dim()));
    for row in &t.rows {
        let mut parts = vec![];
        for (n, cell) in row.iter().filter(|c| !c.trim().is_empty()).enumerate() {
            if n > 0 {
                parts.push((" · ".to_string(), style::dim()));
            }
            let st = if n == 0 {
                Style::default()
            } else {
                style::dim()
            };
            parts.push((cell.clone(), st));
        }
        out.push(Para::marked("• ", parts));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn seed_paras() -> Vec<Para> {
        let agenda = crate::minutes::testutil::seed_agenda();
        let m = crate::minutes::testutil::meeting(agenda, vec![]);
        let doc = crate::minutes::MinutesDoc::from_meeting(&m, Lang::Da);
        paras(&crate::minutes::layout::layout(&doc))
    }

    #[test]
    fn item_headings_come_from_the_minutes_document() {
        let paras = seed_paras();
        let third = paras.iter().find(|p| p.item == Some(2)).unwrap();
        assert_eq!(third.text(), "Punkt 3: Kvalitetshåndbog");
        assert_eq!(third.parts[0].1, heading());
        assert!(paras[0].text().starts_with("Referat: "));
    }

    #[test]
    fn no_markdown_reaches_the_screen() {
        for p in seed_paras() {
            let t = p.text();
            assert!(!t.contains('*') && !t.starts_with('#'), "{t}");
        }
    }

    #[test]
    fn a_clause_hangs_under_its_number_with_the_outcome_styled() {
        let p = Para::marked(
            "2. ",
            vec![
                ("at planen godkendes".into(), Style::default()),
                (" — ".into(), style::dim()),
                ("Godkendt".into(), outcome()),
            ],
        );
        let lines = p.lines(14);
        let rows: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(rows, ["2. at planen", "   godkendes —", "   Godkendt"]);
        let last = lines[2].spans.last().unwrap();
        assert_eq!(last.style, outcome());
    }
}
