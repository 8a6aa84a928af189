//! The [`layout`](super::layout) as plain lines for a screen: review shows the minutes with
//! these, and knows where each item starts without searching the text for headings.

use super::layout::{Block, Layout};

/// What a line is, for the screen to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// An item's or a closing section's heading.
    Heading,
    /// A part of an item, or a table's head.
    Label,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    pub text: String,
    /// The agenda item (index) whose heading this is.
    pub item: Option<usize>,
}

fn line(kind: LineKind, text: impl Into<String>) -> TextLine {
    TextLine {
        kind,
        text: text.into(),
        item: None,
    }
}

/// The lines, blocks separated by an empty line.
pub fn lines(l: &Layout) -> Vec<TextLine> {
    // The date is among the facts that follow.
    let mut out = vec![line(LineKind::Title, l.title.clone())];
    for b in &l.blocks {
        out.push(line(LineKind::Text, ""));
        block(&mut out, b);
    }
    out
}

fn block(out: &mut Vec<TextLine>, b: &Block) {
    match b {
        Block::Facts(rows) => out.extend(
            rows.iter()
                .map(|(k, v)| line(LineKind::Text, format!("{k}: {v}"))),
        ),
        Block::Notice(s) => out.push(line(LineKind::Text, format!("> {s}"))),
        Block::Heading { text, item } => out.push(TextLine {
            kind: LineKind::Heading,
            text: text.clone(),
            item: *item,
        }),
        Block::Label(s) => out.push(line(LineKind::Label, *s)),
        Block::Para(s) | Block::Aside(s) => out.push(line(LineKind::Text, s.clone())),
        Block::Field(k, v) => out.push(line(LineKind::Text, format!("{k}: {v}"))),
        Block::Bullets(items) => {
            out.extend(items.iter().map(|s| line(LineKind::Text, format!("- {s}"))))
        }
        Block::Clauses(clauses) => out.extend(clauses.iter().map(|c| {
            let mark = c
                .number
                .map_or_else(|| "-".to_string(), |n| format!("{n}."));
            let outcome = c.outcome.map(|o| format!(" — {o}")).unwrap_or_default();
            line(LineKind::Text, format!("{mark} {}{outcome}", c.text))
        })),
        Block::Table(t) => {
            out.push(line(LineKind::Label, t.head.join(" · ")));
            out.extend(t.rows.iter().map(|r| {
                let cells: Vec<&str> = r.iter().map(|c| c.as_str()).collect();
                line(LineKind::Text, cells.join(" · "))
            }));
        }
    }
}
