//! The plan editor: the meeting's facts and its items with their planned slots, `check`'s
//! warnings beside the items they concern (recomputed on the plan as edited), and the keys
//! that change it. Before the clock starts it is the plan screen; during the meeting `E`
//! opens it. What a change writes, and whether it may, is `session::decide`'s business.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::app::App;
use super::{keymap, live, style};
use crate::agenda::Warning;
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::state::{Meeting, Phase, Status, round_minutes};
use crate::textutil::{clean, truncate};

/// Which row is selected: 0 is the meeting's facts, `k + 1` the item at position `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Editor {
    pub row: usize,
}

impl Editor {
    /// The selected item's position, when an item (not the facts) is selected.
    pub fn item(&self) -> Option<usize> {
        self.row.checked_sub(1)
    }

    /// Selects the item at `pos`, or the facts for `None`.
    pub fn select(&mut self, pos: Option<usize>) {
        self.row = pos.map_or(0, |p| p + 1);
    }

    /// Moves the selection by `delta` rows within the facts and `items` items.
    pub fn step(&mut self, delta: isize, items: usize) {
        self.row = self.row.saturating_add_signed(delta).min(items);
    }
}

/// `check`'s warnings on the plan as it stands: per item, and those about the meeting.
pub fn warnings(m: &Meeting) -> (Vec<Vec<String>>, Vec<String>) {
    let mut per_item = vec![vec![]; m.agenda.items.len()];
    let mut meeting = vec![];
    for Warning { item, message, .. } in crate::agenda::lint::lint(&m.agenda) {
        match item.and_then(|i| per_item.get_mut(i)) {
            Some(list) => list.push(message),
            None => meeting.push(message),
        }
    }
    (per_item, meeting)
}

pub struct EditorView<'a> {
    pub app: &'a App,
    pub editor: &'a Editor,
    pub now: Time,
}

impl Widget for &EditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.app.meeting();
        let lang = self.app.lang;
        let [header, hint, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Paragraph::new(live::header_line(m, lang, self.now, area.width)).render(header, buf);
        let hint_text = if m.phase == Phase::NotStarted {
            Key::PressSpace.get(lang)
        } else {
            Key::EditorTreatedStay.get(lang)
        };
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} ", Key::EditPlan.get(lang)), style::title()),
            Span::styled(hint_text, style::warning()),
        ]))
        .render(hint, buf);
        // A wide screen shows the selected item's details beside the list.
        let (list, detail) = if body.width >= 110 {
            let [l, d] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Min(20)]).areas(body);
            (l, Some(d))
        } else {
            (body, None)
        };
        render_list(m, self.editor, lang, self.now, list, buf);
        if let Some(d) = detail {
            render_detail(m, self.editor, lang, d, buf);
        }
        if let Some(s) = self.app.write_error.as_ref().or(self.app.status.as_ref()) {
            buf.set_stringn(
                status.x,
                status.y,
                clean(s),
                usize::from(status.width),
                style::warning(),
            );
        }
        let (pairs, help) = keymap::footer_keeping(
            keymap::EDITOR,
            keymap::EditorAction::Meeting(keymap::Action::Help),
            lang,
        );
        let line = super::footer::line(
            &pairs,
            help,
            usize::from(footer.width),
            style::dim(),
            style::dim(),
        );
        buf.set_line(footer.x, footer.y, &line, footer.width);
    }
}

/// The rows of the list: the facts, then each item, each followed by its warnings.
fn render_list(m: &Meeting, editor: &Editor, lang: Lang, now: Time, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let (per_item, about_meeting) = warnings(m);
    let plan = m.plan_at(now);
    // (row, line): the row each display line belongs to, for scrolling to the selection.
    let mut lines: Vec<(usize, Line<'static>)> = vec![];
    let pick = |row: usize| {
        if row == editor.row {
            style::selected()
        } else {
            Style::default()
        }
    };
    // The selection is marked by a sign as well as by colour, for screens without colour.
    let cursor = |row: usize| if row == editor.row { "›" } else { " " };
    lines.push((
        0,
        Line::styled(
            truncate(&format!("{}{}", cursor(0), facts_line(m, lang)), width),
            pick(0),
        ),
    ));
    for w in &about_meeting {
        lines.push((0, warning_line(w, width)));
    }
    for (i, item) in m.agenda.items.iter().enumerate() {
        let slot = plan
            .get(i)
            .copied()
            .flatten()
            .map(|s| {
                format!(
                    "{}–{} {:>3} min",
                    s.start.format("%H:%M"),
                    s.end.format("%H:%M"),
                    round_minutes(s.length())
                )
            })
            .unwrap_or_else(|| "–".into());
        let mark = match m.items[i].status {
            Status::Pending => " ",
            Status::Current => "▶",
            Status::Done => "✓",
            Status::Skipped => "–",
            Status::Deferred => "»",
        };
        let label_w = width.saturating_sub(crate::textutil::width(&slot) + 5);
        let label = truncate(&clean(&item.label()), label_w);
        let pad = label_w.saturating_sub(crate::textutil::width(&label));
        let st = match m.items[i].status {
            Status::Pending | Status::Current => pick(i + 1),
            Status::Done | Status::Skipped | Status::Deferred => pick(i + 1).patch(style::dim()),
        };
        lines.push((
            i + 1,
            Line::styled(
                format!(
                    "{}{mark} {label}{} {slot}",
                    cursor(i + 1),
                    " ".repeat(pad + 1)
                ),
                st,
            ),
        ));
        for w in per_item.get(i).into_iter().flatten() {
            lines.push((i + 1, warning_line(w, width)));
        }
    }
    let rows = usize::from(area.height);
    let first_sel = lines
        .iter()
        .position(|(r, _)| *r == editor.row)
        .unwrap_or(0);
    let last_sel = lines
        .iter()
        .rposition(|(r, _)| *r == editor.row)
        .unwrap_or(0);
    // Keep the selected row and its warnings in view, the list from the top when it fits.
    let top = (last_sel + 1).saturating_sub(rows).min(first_sel);
    for (k, (_, line)) in lines.into_iter().skip(top).take(rows).enumerate() {
        buf.set_line(area.x, area.y + k as u16, &line, area.width);
    }
}

fn warning_line(message: &str, width: usize) -> Line<'static> {
    Line::styled(
        truncate(&format!("    ⚠ {}", clean(message)), width),
        style::warning(),
    )
}

/// "Møde: Centerledermøde · 14.03.2022 13:30–15:00 · Mødelokale 2"
fn facts_line(m: &Meeting, lang: Lang) -> String {
    let a = &m.agenda;
    let mut parts = vec![format!("{}: {}", Key::Meeting.get(lang), clean(&a.title))];
    let when = [
        a.date.map(|d| d.format("%d.%m.%Y").to_string()),
        match (a.start, a.end) {
            (Some(s), Some(e)) => Some(format!("{}–{}", s.format("%H:%M"), e.format("%H:%M"))),
            (Some(s), None) => Some(s.format("%H:%M").to_string()),
            (None, Some(e)) => Some(format!("–{}", e.format("%H:%M"))),
            (None, None) => None,
        },
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    if !when.is_empty() {
        parts.push(when);
    }
    if let Some(p) = &a.place {
        parts.push(clean(p));
    }
    format!(" {}", parts.join(" · "))
}

/// The selected row in full: the facts, or the item's case number, recommendation, attachments.
fn render_detail(m: &Meeting, editor: &Editor, lang: Lang, area: Rect, buf: &mut Buffer) {
    let block = Block::default().borders(Borders::LEFT);
    let inner = block.inner(area);
    block.render(area, buf);
    let field = |k: Key, v: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", k.get(lang)), style::dim()),
            Span::raw(clean(&v)),
        ])
    };
    let a = &m.agenda;
    let lines: Vec<Line> = match editor.item().and_then(|i| a.items.get(i)) {
        None => vec![
            Line::styled(clean(&a.title), style::title()),
            field(Key::Chair, a.chair.clone().unwrap_or_default()),
            field(Key::Referent, a.referent.clone().unwrap_or_default()),
            field(Key::Participants, a.participants.join(", ")),
            field(Key::Absent, a.absent.join(", ")),
        ],
        Some(item) => {
            let mut l = vec![
                Line::styled(clean(&item.label()), style::title()),
                field(
                    Key::CaseNumber,
                    item.case_number.clone().unwrap_or_default(),
                ),
                Line::styled(Key::Recommendation.get(lang), style::title()),
            ];
            l.extend(
                item.recommendation
                    .iter()
                    .map(|r| Line::raw(format!("• {}", clean(r)))),
            );
            l.push(Line::styled(Key::Attachments.get(lang), style::title()));
            l.extend(
                item.attachments
                    .iter()
                    .map(|b| Line::raw(format!("• {}", clean(b)))),
            );
            l
        }
    };
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
        buf,
    );
}
