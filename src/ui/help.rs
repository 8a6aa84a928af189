//! The `?` overlay, written from the keymap so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::form::{frame, popup};
use super::{keymap, style};
use crate::i18n::{Key, Lang};

pub struct Help {
    pub lang: Lang,
    /// Over the plan editor: its keys.
    pub editor: bool,
}

impl Widget for &Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows: Vec<(&str, &str)> = if self.editor {
            keymap::EDITOR
                .iter()
                .filter(|b| b.desc.is_some())
                .map(|b| (b.key, b.describe(self.lang)))
                .collect()
        } else {
            keymap::listed()
                .map(|b| (b.key, b.describe(self.lang)))
                .collect()
        };
        let rect = popup(area, 64, rows.len() as u16 + 3);
        let title = format!(
            "{} — {}",
            Key::Help.get(self.lang),
            Key::HelpClose.get(self.lang)
        );
        let inner = frame(rect, buf, &title);
        for (i, (key, desc)) in rows.iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.y + inner.height {
                break;
            }
            buf.set_stringn(inner.x, y, key, 10, style::title());
            buf.set_stringn(
                inner.x + 11,
                y,
                desc,
                usize::from(inner.width.saturating_sub(11)),
                ratatui::style::Style::default(),
            );
        }
    }
}
