//! Menus and forms that pop up over the meeting screen: their state, keys and drawing.
//! What a finished menu or form means for the meeting is decided in `session::decide`.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::field::Field;
use super::keymap::{self, FormAction, MenuAction};
use super::style;
use crate::i18n::Lang;
use crate::textutil::truncate;

/// A list of options, each picked by its own key (1-9, then a-z), or by arrows and Enter;
/// Esc or Ctrl-C closes. What an option means is its `choice`, never its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Menu<C> {
    pub title: String,
    pub options: Vec<MenuOption<C>>,
    pub highlighted: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MenuOption<C> {
    pub key: Option<char>,
    pub label: String,
    pub choice: C,
}

pub enum MenuKey<C> {
    Picked(C),
    Closed,
    Stay,
}

/// The keys options get, in order.
const OPTION_KEYS: &str = "123456789abcdefghiklmorstuvwxyz";

impl<C: Clone> Menu<C> {
    pub fn new(title: impl Into<String>, options: Vec<(String, C)>) -> Self {
        let mut keys = OPTION_KEYS.chars();
        Menu {
            title: title.into(),
            options: options
                .into_iter()
                .map(|(label, choice)| MenuOption {
                    key: keys.next(),
                    label,
                    choice,
                })
                .collect(),
            highlighted: 0,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> MenuKey<C> {
        let n = self.options.len().max(1);
        match keymap::lookup(keymap::MENU, &key) {
            Some(MenuAction::Close) => return MenuKey::Closed,
            Some(MenuAction::Up) => {
                self.highlighted = (self.highlighted + n - 1) % n;
                return MenuKey::Stay;
            }
            Some(MenuAction::Down) => {
                self.highlighted = (self.highlighted + 1) % n;
                return MenuKey::Stay;
            }
            Some(MenuAction::Pick) => {
                return self
                    .options
                    .get(self.highlighted)
                    .map_or(MenuKey::Stay, |o| MenuKey::Picked(o.choice.clone()));
            }
            None => {}
        }
        let KeyCode::Char(c) = key.code else {
            return MenuKey::Stay;
        };
        self.options
            .iter()
            .find(|o| o.key == Some(c))
            .map_or(MenuKey::Stay, |o| MenuKey::Picked(o.choice.clone()))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
        let width = self
            .options
            .iter()
            .map(|o| crate::textutil::width(&o.label) + 6)
            .chain([crate::textutil::width(&self.title) + 4, 30])
            .max()
            .unwrap_or(30) as u16;
        let rect = popup(area, width, self.options.len() as u16 + 3);
        let inner = frame(rect, buf, &self.title);
        footer(inner, buf, keymap::MENU, lang);
        for (i, option) in self.options.iter().enumerate() {
            let y = inner.y + i as u16;
            if y + 1 >= inner.y + inner.height {
                break;
            }
            let prefix = option.key.map_or("  ".into(), |k| format!("{k} "));
            let text = truncate(
                &format!("{prefix}{}", option.label),
                usize::from(inner.width),
            );
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
    /// A line of help under the fields (the names Tab completes to).
    pub hint: Option<String>,
    /// What was typed before Tab completed it, so Tab again goes on to the next name.
    pub hint_prefix: Option<String>,
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
            hint: None,
            hint_prefix: None,
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
        match keymap::lookup(keymap::FORM, &key) {
            Some(FormAction::Save) => FormKey::Save,
            Some(FormAction::Cancel) => FormKey::Cancel,
            Some(FormAction::NextField) => {
                self.focus = (self.focus + 1) % n;
                FormKey::Stay
            }
            Some(FormAction::PreviousField) => {
                self.focus = (self.focus + n - 1) % n;
                FormKey::Stay
            }
            None => {
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

    pub fn render(&self, area: Rect, buf: &mut Buffer, lang: Lang) {
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
        let hint = self
            .hint
            .as_deref()
            .map(|h| crate::textutil::wrap(h, usize::from(width.saturating_sub(2))))
            .unwrap_or_default();
        let error_rows = u16::try_from(error.len() + hint.len()).unwrap_or(u16::MAX);
        // The fields, the frame and the footer of keys, then the error's rows.
        let height = (self.fields.len() as u16 + 3).saturating_add(error_rows);
        let rect = popup(area, width, height);
        let inner = frame(rect, buf, &self.title);
        footer(inner, buf, keymap::FORM, lang);
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
        for (k, line) in hint.iter().enumerate() {
            let y = inner.y + (self.fields.len() + error.len() + k) as u16;
            if y + 1 < inner.y + inner.height {
                buf.set_stringn(inner.x, y, line, usize::from(inner.width), style::dim());
            }
        }
    }
}

/// The mode's keys on the last line of a popup, from its table.
pub fn footer<A>(inner: Rect, buf: &mut Buffer, table: &[keymap::Binding<A>], lang: Lang) {
    if inner.height == 0 {
        return;
    }
    let pairs = keymap::footer_pairs(table, lang);
    let line = super::footer::line(
        &pairs,
        None,
        usize::from(inner.width),
        style::dim(),
        style::dim(),
    );
    let y = inner.y + inner.height - 1;
    buf.set_line(inner.x, y, &line, inner.width);
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
                form.render(area, &mut buf, Lang::Da);
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
