//! The plain-text layout that Word, PDF and HTML documents are turned into before the text
//! importer reads them: the layout a text agenda uses, so one importer serves every format.
//!
//! - a heading is a line of its own with a blank line before and after it;
//! - a paragraph is one line (its wrapped lines joined);
//! - a numbered paragraph starts with its number as the reader sees it (`3. `, `2.1 `, `b) `);
//! - a table row is one line, its cells separated by ` | `;
//! - an empty paragraph is a blank line.

/// Builds the text line by line; whitespace inside a line is collapsed, empty lines are kept
/// single.
#[derive(Debug, Default)]
pub struct Layout {
    out: String,
}

impl Layout {
    pub fn new() -> Self {
        Self::default()
    }

    /// A paragraph or list entry: one line. Blank text gives a blank line.
    pub fn line(&mut self, text: &str) {
        let text = collapse(text);
        if text.is_empty() {
            self.blank();
        } else {
            self.out.push_str(&text);
            self.out.push('\n');
        }
    }

    /// A heading, set apart by blank lines.
    pub fn heading(&mut self, text: &str) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        self.blank();
        self.out.push_str(&text);
        self.out.push('\n');
        self.blank();
    }

    /// A table row: non-empty cells joined by ` | `; a row with no text is skipped.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| collapse(c.as_ref()))
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.is_empty() {
            self.line(&cells.join(" | "));
        }
    }

    /// An empty line, unless the text already ends with one (or is empty).
    pub fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// The text, ending with one newline.
    pub fn finish(mut self) -> String {
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }
}

/// Runs of whitespace (tabs, no-break spaces, line breaks) become one space; ends trimmed.
pub fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_set_apart_and_blank_lines_stay_single() {
        let mut l = Layout::new();
        l.heading("Dagsorden");
        l.line("Mødedato:\t13. juni  2022");
        l.line("");
        l.line("  ");
        l.heading("1. Godkendelse");
        l.row(&["1", "", "Budget", "15 min"]);
        l.row(&["", " "]);
        assert_eq!(
            l.finish(),
            "Dagsorden\n\nMødedato: 13. juni 2022\n\n1. Godkendelse\n\n1 | Budget | 15 min\n"
        );
    }
}
