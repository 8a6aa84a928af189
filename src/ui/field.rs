//! A one-line text field: Unicode-aware cursor movement, paste, and rendering that keeps the
//! cursor in view. Typed text is cleaned of control characters before it is stored.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    text: String,
    /// Cursor position in grapheme clusters (what the user sees as characters), 0..=len.
    cursor: usize,
}

impl Field {
    pub fn new(text: &str) -> Self {
        let text = crate::textutil::strip_controls(text);
        let cursor = graphemes(&text).count();
        Field { text, cursor }
    }

    pub fn text(&self) -> String {
        self.text.clone()
    }

    pub fn is_empty(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    fn len(&self) -> usize {
        graphemes(&self.text).count()
    }

    /// Byte offset of grapheme `i` (or the end).
    fn offset(&self, i: usize) -> usize {
        unicode_segmentation::UnicodeSegmentation::grapheme_indices(self.text.as_str(), true)
            .nth(i)
            .map_or(self.text.len(), |(o, _)| o)
    }

    /// Removes graphemes `from..to`.
    fn remove(&mut self, from: usize, to: usize) {
        let (a, b) = (self.offset(from), self.offset(to));
        self.text.replace_range(a..b, "");
    }

    pub fn insert_str(&mut self, s: &str) {
        // Pasted newlines become spaces: every field is one line.
        let cleaned = crate::textutil::strip_controls(&s.replace(['\r', '\n'], " "));
        let at = self.offset(self.cursor);
        self.text.insert_str(at, &cleaned);
        // A combining mark joins the grapheme before it: count again up to the insertion's end.
        self.cursor = graphemes(&self.text[..at + cleaned.len()]).count();
    }

    /// Handles an editing key; returns false if the key is not an editing key.
    // A terminal's keys, not our enum: keys without a binding do nothing.
    #[allow(clippy::wildcard_enum_match_arm)]
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let len = self.len();
        match key.code {
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = len,
            KeyCode::Char('u') if ctrl => {
                self.remove(0, self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => self.delete_word(),
            // Typed text is held to the same rule as pasted text: nothing that drives a terminal.
            KeyCode::Char(c) if !ctrl && !crate::textutil::is_unsafe(c) => {
                self.insert_str(c.encode_utf8(&mut [0; 4]));
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.remove(self.cursor - 1, self.cursor);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => self.remove(self.cursor, self.cursor + 1),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    fn delete_word(&mut self) {
        let gs: Vec<&str> = graphemes(&self.text).collect();
        let mut start = self.cursor.min(gs.len());
        while start > 0 && gs[start - 1] == " " {
            start -= 1;
        }
        while start > 0 && gs[start - 1] != " " {
            start -= 1;
        }
        self.remove(start, self.cursor);
        self.cursor = start;
    }

    /// Draws the text in one row, scrolled so the cursor is visible; the cursor cell is reversed.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        let gs: Vec<&str> = graphemes(&self.text).collect();
        let cursor = self.cursor.min(gs.len());
        let gw = |g: &str| crate::textutil::grapheme_width(g);
        // Scroll: the first visible grapheme is chosen so the text up to the cursor fits.
        let mut first = 0;
        let mut used: usize = gs[..cursor].iter().map(|g| gw(g)).sum::<usize>() + 1;
        while used > width && first < cursor {
            used -= gw(gs[first]);
            first += 1;
        }
        let mut x = area.x;
        let right = area.x + area.width;
        for (i, g) in gs.iter().enumerate().skip(first) {
            let w = u16::try_from(gw(g)).unwrap_or(u16::MAX);
            if x.saturating_add(w.max(1)) > right {
                break;
            }
            let s = if focused && i == cursor {
                style.add_modifier(Modifier::REVERSED)
            } else {
                style
            };
            buf[(x, area.y)].set_symbol(g).set_style(s);
            for extra in 1..w {
                // The other cells of a wide grapheme are left to the terminal.
                if x + extra < right {
                    buf[(x + extra, area.y)].set_symbol("");
                }
            }
            x += w.max(1);
        }
        if focused && cursor == gs.len() && x < right {
            buf[(x, area.y)]
                .set_char(' ')
                .set_style(style.add_modifier(Modifier::REVERSED));
        }
    }
}

fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    crate::textutil::graphemes(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_in_the_middle_with_unicode() {
        let mut f = Field::new("Kvalitetshndbog");
        for _ in 0..5 {
            f.on_key(key(KeyCode::Left));
        }
        f.on_key(key(KeyCode::Char('å')));
        assert_eq!(f.text(), "Kvalitetshåndbog");
        f.on_key(key(KeyCode::End));
        f.insert_str(" 🙂\nnæste\u{1b}[2J");
        assert_eq!(f.text(), "Kvalitetshåndbog 🙂 næste");
        f.on_key(key(KeyCode::Home));
        f.on_key(key(KeyCode::Delete));
        assert_eq!(f.text(), "valitetshåndbog 🙂 næste");
        f.on_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(f.text(), "valitetshåndbog 🙂 næste");
        f.on_key(key(KeyCode::End));
        f.on_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(f.text(), "valitetshåndbog 🙂 ");
    }

    #[test]
    fn typed_controls_and_bidi_overrides_are_dropped() {
        let mut f = Field::new("");
        for c in ['a', '\u{202e}', '\u{9b}', '\u{7f}', '\u{2066}', 'b'] {
            f.on_key(key(KeyCode::Char(c)));
        }
        assert_eq!(f.text(), "ab");
    }

    #[test]
    fn the_cursor_moves_over_whole_grapheme_clusters() {
        let mut f = Field::new("a☺\u{fe0f}e\u{301}");
        f.on_key(key(KeyCode::Backspace));
        assert_eq!(f.text(), "a☺\u{fe0f}");
        f.on_key(key(KeyCode::Left));
        f.on_key(key(KeyCode::Delete));
        assert_eq!(f.text(), "a");
        // A combining mark typed after a letter joins it.
        f.on_key(key(KeyCode::Char('e')));
        f.on_key(key(KeyCode::Char('\u{301}')));
        f.on_key(key(KeyCode::Backspace));
        assert_eq!(f.text(), "a");
    }

    #[test]
    fn renders_with_cursor_in_view() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let f = Field::new("abcdefgh");
        f.render(Rect::new(0, 0, 5, 1), &mut buf, Style::default(), true);
        let row: String = (0..5).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "efgh ");
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        Field::new("日本語テ").render(Rect::new(0, 0, 6, 1), &mut buf, Style::default(), false);
        assert_eq!(buf[(0, 0)].symbol(), "語");
    }
}
