//! A one-line text field: Unicode-aware cursor movement, paste, and rendering that keeps the
//! cursor in view. Typed text is cleaned of control characters before it is stored.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    chars: Vec<char>,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
}

impl Field {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = crate::textutil::strip_controls(text).chars().collect();
        let cursor = chars.len();
        Field { chars, cursor }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.iter().all(|c| c.is_whitespace())
    }

    pub fn insert_str(&mut self, s: &str) {
        // Pasted newlines become spaces: every field is one line.
        let cleaned = crate::textutil::strip_controls(&s.replace(['\r', '\n'], " "));
        for c in cleaned.chars() {
            self.chars.insert(self.cursor, c);
            self.cursor += 1;
        }
    }

    /// Handles an editing key; returns false if the key is not an editing key.
    // A terminal's keys, not our enum: keys without a binding do nothing.
    #[allow(clippy::wildcard_enum_match_arm)]
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.chars.len(),
            KeyCode::Char('u') if ctrl => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            KeyCode::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.chars.len(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    fn delete_word(&mut self) {
        let mut start = self.cursor;
        while start > 0 && self.chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && self.chars[start - 1] != ' ' {
            start -= 1;
        }
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }

    /// Draws the text in one row, scrolled so the cursor is visible; the cursor cell is reversed.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        let cw = |c: &char| c.width().unwrap_or(0);
        // Scroll: the first visible char is chosen so the text up to the cursor fits.
        let mut first = 0;
        let mut used: usize = self.chars[..self.cursor].iter().map(cw).sum::<usize>() + 1;
        while used > width && first < self.cursor {
            used -= cw(&self.chars[first]);
            first += 1;
        }
        let mut x = area.x;
        let right = area.x + area.width;
        for (i, c) in self.chars.iter().enumerate().skip(first) {
            let w = cw(c) as u16;
            if x + w.max(1) > right {
                break;
            }
            let s = if focused && i == self.cursor {
                style.add_modifier(Modifier::REVERSED)
            } else {
                style
            };
            buf[(x, area.y)].set_char(*c).set_style(s);
            if w == 2 && x + 1 < right {
                // The second cell of a wide char is left to the terminal.
                buf[(x + 1, area.y)].set_symbol("");
            }
            x += w.max(1);
        }
        if focused && self.cursor == self.chars.len() && x < right {
            buf[(x, area.y)]
                .set_char(' ')
                .set_style(style.add_modifier(Modifier::REVERSED));
        }
    }
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
