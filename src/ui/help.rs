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
        // One column of 64 cells where the rows fit in height; more columns side by side when
        // they do not (at 80x24 the meeting screen has more keys than lines), so every key shows.
        let n = u16::try_from(rows.len()).unwrap_or(u16::MAX);
        let room = area.height.saturating_sub(3).max(1);
        let columns = n.div_ceil(room).max(1);
        let width = if columns == 1 { 64 } else { area.width };
        let rect = popup(area, width, n.div_ceil(columns) + 3);
        let title = format!(
            "{} — {}",
            Key::Help.get(self.lang),
            Key::HelpClose.get(self.lang)
        );
        let inner = frame(rect, buf, &title);
        let column_width = inner.width / columns;
        let widest = rows.iter().map(|(k, _)| crate::textutil::width(k)).max();
        let key_width = u16::try_from(widest.unwrap_or(0))
            .unwrap_or(10)
            .min(column_width / 3);
        let per_column = usize::from(inner.height.max(1));
        for (i, (key, desc)) in rows.iter().enumerate() {
            let column = u16::try_from(i / per_column).unwrap_or(u16::MAX);
            if column >= columns {
                break;
            }
            let x = inner.x + column * column_width;
            let y = inner.y + u16::try_from(i % per_column).unwrap_or(0);
            buf.set_stringn(x, y, key, usize::from(key_width), style::title());
            // Cut with an ellipsis where a column is too narrow, so a cut word shows it is cut.
            let room = usize::from(column_width.saturating_sub(key_width + 2));
            buf.set_stringn(
                x + key_width + 1,
                y,
                crate::textutil::truncate(desc, room),
                room,
                ratatui::style::Style::default(),
            );
        }
    }
}
