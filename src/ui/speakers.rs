//! The speaker list on the meeting screen: a small pane under the item while anyone is on it,
//! and the `L` dialog that reorders, removes and clears it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::form::{footer, frame, popup};
use super::projector::SpeakerReading;
use super::theme::TimerState;
use super::{fmt, keymap, style};
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::state::Meeting;
use crate::textutil::clean;

/// The list's lines: a heading with the limit, the speaker with the floor and their time, then
/// those waiting, numbered; `selected` marks a waiting place.
pub fn lines(m: &Meeting, lang: Lang, now: Time, selected: Option<usize>) -> Vec<Line<'static>> {
    let Some(state) = m.current.and_then(|c| m.items.get(c)) else {
        return vec![];
    };
    let list = &state.speakers;
    let guest = |g: bool| {
        if g {
            format!(" ({})", Key::GuestWord.get(lang))
        } else {
            String::new()
        }
    };
    let limit = m
        .current
        .and_then(|c| m.speaking_limit(c))
        .map(|l| format!(" · {} {}", Key::SpeakingTime.get(lang), fmt::duration(l)))
        .unwrap_or_default();
    let mut out = vec![Line::styled(
        format!("{}{limit}", Key::SpeakerList.get(lang)),
        style::dim(),
    )];
    if let Some(r) = SpeakerReading::of(m, now) {
        let time_style = match r.state {
            TimerState::Calm => style::ok(),
            TimerState::Warning | TimerState::Overrun => style::warning(),
        };
        let over = if r.state == TimerState::Overrun {
            format!(" {}", Key::Overrun.get(lang))
        } else {
            String::new()
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("▶ {}{}  ", clean(&r.name), guest(r.guest)),
                style::title(),
            ),
            Span::styled(format!("{}{over}", r.text), time_style),
        ]));
    }
    for (i, w) in list.waiting.iter().enumerate() {
        let st = if selected == Some(i) {
            style::selected()
        } else {
            Style::default()
        };
        out.push(Line::styled(
            format!("{:>2}. {}{}", i + 1, clean(&w.name), guest(w.guest)),
            st,
        ));
    }
    out
}

/// Whether the current item's list has anyone on it (the pane is shown then).
pub fn has_speakers(m: &Meeting) -> bool {
    m.current
        .and_then(|c| m.items.get(c))
        .is_some_and(|s| s.speakers.current().is_some() || !s.speakers.waiting.is_empty())
}

/// The `L` dialog over the screen.
pub fn render_dialog(
    m: &Meeting,
    lang: Lang,
    now: Time,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut text = lines(m, lang, now, Some(selected));
    if text.len() <= 1 {
        text.push(Line::styled(Key::NoSpeakers.get(lang), style::dim()));
    }
    let height = u16::try_from(text.len())
        .unwrap_or(u16::MAX)
        .saturating_add(3);
    // Wide enough for the footer of its keys (from the keymap table, like every popup's).
    let rect = popup(area, area.width.saturating_sub(4).min(100), height);
    let inner = frame(rect, buf, Key::SpeakerList.get(lang));
    footer(inner, buf, keymap::SPEAKERS, lang);
    let body = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    // The heading is the frame's title here.
    Paragraph::new(text.split_off(1)).render(body, buf);
}
