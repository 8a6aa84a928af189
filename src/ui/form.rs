//! Menus and forms that pop up over the meeting screen: their state, keys and drawing.
//! What a finished menu or form means for the meeting is decided in `app.rs`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::field::Field;
use super::style;
use crate::textutil::truncate;

/// A list of options: digits pick in order, arrows and Enter pick the highlighted one, Esc closes.
#[derive(Debug, Clone, PartialEq)]
pub struct Menu<K> {
    pub kind: K,
    pub title: String,
    pub options: Vec<String>,
    pub highlighted: usize,
}

pub enum MenuKey {
    Picked(usize),
    Closed,
    Stay,
}

impl<K> Menu<K> {
    pub fn new(kind: K, title: impl Into<String>, options: Vec<String>) -> Self {
        Menu {
            kind,
            title: title.into(),
            options,
            highlighted: 0,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> MenuKey {
        let n = self.options.len();
        match key.code {
            KeyCode::Esc => MenuKey::Closed,
            KeyCode::Up => {
                self.highlighted = (self.highlighted + n.max(1) - 1) % n.max(1);
                MenuKey::Stay
            }
            KeyCode::Down | KeyCode::Tab => {
                self.highlighted = (self.highlighted + 1) % n.max(1);
                MenuKey::Stay
            }
            KeyCode::Enter if n > 0 => MenuKey::Picked(self.highlighted),
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let d = c as usize - '0' as usize;
                if d >= 1 && d <= n.min(9) {
                    MenuKey::Picked(d - 1)
                } else {
                    MenuKey::Stay
                }
            }
            _ => MenuKey::Stay,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = self
            .options
            .iter()
            .map(|o| crate::textutil::width(o) + 6)
            .chain([crate::textutil::width(&self.title) + 4, 30])
            .max()
            .unwrap_or(30) as u16;
        let rect = popup(area, width, self.options.len() as u16 + 2);
        let inner = frame(rect, buf, &self.title);
        for (i, option) in self.options.iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.y + inner.height {
                break;
            }
            let prefix = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".into()
            };
            let text = truncate(&format!("{prefix}{option}"), usize::from(inner.width));
            let st = if i == self.highlighted {
                style::selected()
            } else {
                Style::default()
            };
            buf.set_stringn(inner.x, y, &text, usize::from(inner.width), st);
        }
    }
}

/// Labelled one-line fields; Tab moves between them, Enter saves, Esc cancels.
#[derive(Debug, Clone, PartialEq)]
pub struct Form<K> {
    pub kind: K,
    pub title: String,
    pub fields: Vec<(String, Field)>,
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
    /// Whether the user has typed anything (Esc then asks before discarding).
    pub touched: bool,
}

pub enum FormKey {
    Save,
    Cancel,
    Stay,
}

impl<K> Form<K> {
    pub fn new(kind: K, title: impl Into<String>, fields: &[(&str, &str)]) -> Self {
        Form {
            kind,
            title: title.into(),
            fields: fields
                .iter()
                .map(|(l, v)| (l.to_string(), Field::new(v)))
                .collect(),
            focus: 0,
            error: None,
            touched: false,
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|(_, f)| f.text().trim().to_string())
            .unwrap_or_default()
    }

    pub fn paste(&mut self, s: &str) {
        if let Some((_, f)) = self.fields.get_mut(self.focus) {
            f.insert_str(s);
            self.touched = true;
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        let n = self.fields.len().max(1);
        match key.code {
            KeyCode::Enter => FormKey::Save,
            KeyCode::Esc => FormKey::Cancel,
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % n;
                FormKey::Stay
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + n - 1) % n;
                FormKey::Stay
            }
            _ => {
                if let Some((_, f)) = self.fields.get_mut(self.focus)
                    && f.on_key(key)
                {
                    self.touched = true;
                    self.error = None;
                }
                FormKey::Stay
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let label_w = self
            .fields
            .iter()
            .map(|(l, _)| crate::textutil::width(l))
            .max()
            .unwrap_or(0) as u16;
        let width = area.width.saturating_sub(4).min(90);
        // The error is wrapped to the form's inside, so a long one is read whole, not cut.
        let error = self
            .error
            .as_deref()
            .map(|e| crate::textutil::wrap(e, usize::from(width.saturating_sub(2))))
            .unwrap_or_default();
        let error_rows = u16::try_from(error.len()).unwrap_or(u16::MAX);
        let height = (self.fields.len() as u16 + 2).saturating_add(error_rows);
        let rect = popup(area, width, height);
        let inner = frame(rect, buf, &self.title);
        for (i, (label, field)) in self.fields.iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.y + inner.height {
                break;
            }
            let lw = (label_w + 2).min(inner.width / 2);
            buf.set_stringn(inner.x, y, label, usize::from(lw), style::dim());
            let fa = Rect::new(inner.x + lw, y, inner.width.saturating_sub(lw), 1);
            field.render(fa, buf, Style::default(), i == self.focus);
        }
        for (k, line) in error.iter().enumerate() {
            let y = inner.y + (self.fields.len() + k) as u16;
            if y < inner.y + inner.height {
                buf.set_stringn(inner.x, y, line, usize::from(inner.width), style::warning());
            }
        }
    }
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `rect`, draws a titled border, returns the inside.
pub fn frame(rect: Rect, buf: &mut Buffer, title: &str) -> Rect {
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        format!(
            " {} ",
            truncate(title, usize::from(rect.width.saturating_sub(4)))
        ),
        Style::default().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn rows(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (area.y..area.y + area.height)
            .map(|y| {
                (area.x..area.x + area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    /// The due-date error lists examples; every word of it is on the screen, at 80x24 and 40x12.
    #[test]
    fn a_long_error_is_wrapped_inside_the_form_not_cut() {
        let today = chrono::NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
        for lang in [Lang::Da, Lang::Nb, Lang::En] {
            let error = crate::session::due::parse_due_lang("snart", today, lang).unwrap_err();
            let mut form = Form::new(
                (),
                "Handling",
                &[("Hvad", ""), ("Hvem", ""), ("Frist", "snart")],
            );
            form.error = Some(error.clone());
            for (w, h) in [(80, 24), (40, 12)] {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                form.render(area, &mut buf);
                let screen = rows(&buf).join("\n");
                for word in error.split_whitespace() {
                    assert!(
                        screen.contains(word),
                        "{lang:?} {w}x{h}: {word:?} missing in\n{screen}"
                    );
                }
                assert!(!screen.contains('…'), "{lang:?} {w}x{h}: cut\n{screen}");
            }
        }
    }
}
