//! The minute-taker's screen: header with clock and drift, the agenda with item states, the
//! current item (timer, case presentation, recommendation, log) and a footer of keys.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::app::App;
use super::theme::{TimerState, timer_state};
use super::{fmt, keymap, style};
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::state::{Entry, EntryKind, Meeting, Phase, Status};
use crate::textutil::{clean, truncate};

/// The smallest screen the full layout fits in.
const MIN_W: u16 = 40;
const MIN_H: u16 = 10;

pub struct LiveView<'a> {
    pub app: &'a App,
    pub now: Time,
}

impl Widget for &LiveView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.app.meeting();
        let lang = self.app.lang;
        if area.width < MIN_W || area.height < MIN_H {
            render_too_small(m, lang, self.now, area, buf);
            return;
        }
        let [header, timer, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Paragraph::new(header_line(m, lang, self.now, area.width)).render(header, buf);
        Paragraph::new(timer_line(m, lang, self.now)).render(timer, buf);
        let list_w = (area.width / 3).clamp(24, 44);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(10)]).areas(body);
        render_agenda(m, lang, self.now, list, buf);
        render_item(self.app, detail, buf);
        // A failed write stays in view until a write succeeds.
        if let Some(s) = self.app.write_error.as_ref().or(self.app.status.as_ref()) {
            buf.set_stringn(
                status.x,
                status.y,
                s,
                usize::from(status.width),
                style::warning(),
            );
        }
        Paragraph::new(footer_line(lang))
            .style(style::dim())
            .render(footer, buf);
    }
}

fn phase_word(m: &Meeting, lang: Lang) -> (&'static str, Style) {
    match m.phase {
        Phase::NotStarted => (Key::NotStarted.get(lang), style::dim()),
        Phase::Running => (Key::Running.get(lang), style::ok()),
        Phase::Paused => (Key::PausedWord.get(lang), style::warning()),
        Phase::Ended => (Key::EndedWord.get(lang), style::title()),
    }
}

fn header_line(m: &Meeting, lang: Lang, now: Time, width: u16) -> Line<'static> {
    let (word, word_style) = phase_word(m, lang);
    // (priority, span): when the line is too narrow the lowest priorities go first.
    let mut right: Vec<(u8, Span<'static>)> = vec![
        (5, Span::styled(format!(" [{word}]"), word_style)),
        (4, Span::raw(format!(" {}", now.format("%H:%M:%S")))),
    ];
    if m.phase != Phase::NotStarted {
        right.push((
            2,
            Span::raw(format!(" │ {}", fmt::duration(m.meeting_elapsed(now)))),
        ));
    }
    if let Some(d) = m.drift(now) {
        let st = if d > Duration::minutes(1) {
            style::warning()
        } else {
            style::ok()
        };
        right.push((
            5,
            Span::styled(format!(" │ {} {}", Key::Drift.get(lang), fmt::drift(d)), st),
        ));
    }
    if let Some(end) = m.projected_end(now) {
        right.push((
            4,
            Span::raw(format!(
                " │ {} {}",
                Key::ProjectedEnd.get(lang),
                fmt::clock(end)
            )),
        ));
    }
    let planned = m.planned_end_at(now);
    if let Some(p) = planned {
        right.push((
            3,
            Span::styled(
                format!(" │ {} {}", Key::PlannedEnd.get(lang), fmt::clock(p)),
                style::dim(),
            ),
        ));
    }
    // Room for the title to be recognisable, before the less important figures go.
    let min_title = crate::textutil::width(&m.agenda.title).min(20);
    for level in 1..=5 {
        let w: usize = right
            .iter()
            .map(|(_, s)| crate::textutil::width(&s.content))
            .sum();
        if w + min_title <= usize::from(width) {
            break;
        }
        right.retain(|(p, _)| *p > level);
    }
    let right_w: usize = right
        .iter()
        .map(|(_, s)| crate::textutil::width(&s.content))
        .sum();
    // The title gives way first; what is left of the line belongs to the clock and drift.
    let title_w = usize::from(width).saturating_sub(right_w).max(8);
    let mut spans = vec![Span::styled(
        truncate(&m.agenda.title, title_w),
        style::title(),
    )];
    spans.extend(right.into_iter().map(|(_, s)| s));
    Line::from(spans)
}

/// The current item's clock: elapsed, planned, remaining or overrun, coloured by state.
fn timer_line(m: &Meeting, lang: Lang, now: Time) -> Line<'static> {
    if m.phase == Phase::NotStarted {
        return Line::styled(Key::PressSpace.get(lang).to_string(), style::warning());
    }
    if let Some(p) = m.pause_elapsed(now) {
        return Line::styled(
            format!(
                "{} {}",
                Key::Break.get(lang).to_uppercase(),
                fmt::duration(p)
            ),
            style::warning(),
        );
    }
    let Some(c) = m.current else {
        return Line::raw(String::new());
    };
    let item = &m.agenda.items[c];
    let elapsed = m.item_elapsed(c, now);
    let mut spans = vec![Span::styled(
        format!("▶ {} ", truncate(&item.label(), 40)),
        style::title(),
    )];
    spans.push(Span::raw(format!(
        "{} {} ",
        Key::Elapsed.get(lang),
        fmt::duration(elapsed)
    )));
    if let Some(planned) = m.item_planned(c) {
        let remaining = planned - elapsed;
        spans.push(Span::raw(format!("/ {} ", fmt::duration(planned))));
        let (text, st) = remaining_text(remaining, planned, lang);
        spans.push(Span::styled(text, st));
    }
    Line::from(spans)
}

/// "Remaining 04:12", or "+01:30 OVERRUN": the sign and word carry the state, not colour alone.
pub fn remaining_text(remaining: Duration, planned: Duration, lang: Lang) -> (String, Style) {
    let state = timer_state(remaining, planned);
    let text = match state {
        TimerState::Overrun => format!("+{} {}", fmt::duration(-remaining), Key::Overrun.get(lang)),
        TimerState::Calm | TimerState::Warning => {
            format!("{} {}", Key::Remaining.get(lang), fmt::duration(remaining))
        }
    };
    (text, style::theme().timer(state))
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Pending => " ",
        Status::Current => "▶",
        Status::Done => "✓",
        Status::Skipped => "–",
        Status::Deferred => "»",
    }
}

fn render_agenda(m: &Meeting, lang: Lang, now: Time, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::RIGHT)
        .title(Span::styled(Key::Agenda.get(lang), style::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let plan = m.plan_at(now);
    let rows = usize::from(inner.height);
    // Keep the current item in view on long agendas.
    let first = m.current.map(|c| c.saturating_sub(rows / 2)).unwrap_or(0);
    let first = first.min(m.items.len().saturating_sub(rows));
    for (row, i) in (first..m.items.len()).take(rows).enumerate() {
        let item = &m.agenda.items[i];
        let state = &m.items[i];
        let status = display_status(m, i);
        let planned = plan
            .get(i)
            .copied()
            .flatten()
            .map(|s| crate::session::state::round_minutes(s.length()).to_string())
            .unwrap_or_else(|| "–".into());
        let actual = if state.spans.is_empty() {
            String::new()
        } else {
            crate::session::state::round_minutes(state.elapsed(now)).to_string()
        };
        let times = format!("{actual:>3}/{planned:<3}");
        let label_w = usize::from(inner.width).saturating_sub(2 + times.len() + 1);
        let label = truncate(&item.label(), label_w);
        let st = match status {
            Status::Current => style::selected(),
            Status::Done => style::dim(),
            Status::Skipped | Status::Deferred => style::dim().add_modifier(Modifier::CROSSED_OUT),
            Status::Pending => Style::default(),
        };
        let over = !actual.is_empty() && m.item_planned(i).is_some_and(|p| state.elapsed(now) > p);
        let y = inner.y + row as u16;
        buf.set_stringn(
            inner.x,
            y,
            format!("{} {label}", status_mark(status)),
            label_w + 2,
            st,
        );
        let tx = inner.x + inner.width.saturating_sub(times.len() as u16);
        buf.set_stringn(
            tx,
            y,
            &times,
            times.len(),
            if over { style::overrun() } else { style::dim() },
        );
    }
}

/// An item closed with the outcome "deferred" shows as deferred.
fn display_status(m: &Meeting, i: usize) -> Status {
    let s = m.items[i].status;
    match m.items[i].outcome() {
        Some((crate::session::Outcome::Deferred, _)) if s == Status::Done => Status::Deferred,
        _ => s,
    }
}

fn render_item(app: &App, area: Rect, buf: &mut Buffer) {
    let m = app.meeting();
    let lang = app.lang;
    let index = m
        .current
        .or_else(|| (m.phase == Phase::NotStarted && !m.items.is_empty()).then_some(0));
    let Some(c) = index else {
        Paragraph::new(Key::LastItem.get(lang)).render(area, buf);
        return;
    };
    let item = &m.agenda.items[c];
    let entries = &m.items[c].entries;
    let rec_lines: usize = item
        .recommendation
        .iter()
        .map(|r| crate::textutil::width(r) / usize::from(area.width.saturating_sub(3)).max(1) + 1)
        .sum();
    let rec_h = (rec_lines as u16 + 1).min(area.height / 3 + 1);
    let log_h = (entries.len() as u16 + 1).clamp(2, area.height / 3 + 1);
    let [title, body, rec, log] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(if item.recommendation.is_empty() {
            0
        } else {
            rec_h
        }),
        Constraint::Length(log_h),
    ])
    .areas(Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    });
    let case = item
        .case_number
        .as_deref()
        .map(|n| format!("  {} {n}", Key::CaseNumber.get(lang)))
        .unwrap_or_default();
    Paragraph::new(Line::from(vec![
        Span::styled(
            format!("{} {}: {}", Key::Item.get(lang), item.number, item.title),
            style::title(),
        ),
        Span::styled(case, style::dim()),
    ]))
    .render(title, buf);
    let mut text: Vec<Line> = follow_up_lines(app, c);
    text.extend(item.body.lines().map(|l| Line::raw(l.to_string())));
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll, 0))
        .render(body, buf);
    render_recommendation(m, c, lang, rec, buf);
    render_log(app, entries, lang, log, buf);
}

/// At the item that reviews the previous minutes: earlier meetings' open action points, each
/// marked once this meeting has followed it up (`F`).
fn follow_up_lines(app: &App, c: usize) -> Vec<Line<'static>> {
    let m = app.meeting();
    if app.past_actions.is_empty() || c != crate::archive::review_item(&m.agenda) {
        return vec![];
    }
    let mut lines = vec![Line::styled(
        format!("{} (F)", Key::FollowUps.get(app.lang)),
        style::title(),
    )];
    for a in &app.past_actions {
        let followed = m
            .follow_ups
            .iter()
            .rev()
            .find(|f| f.session == a.session && f.entry == a.entry);
        let mark = match followed.map(|f| &f.status) {
            Some(crate::session::event::FollowUp::Done) => "✓",
            Some(_) => "»",
            None => "•",
        };
        lines.push(Line::raw(format!("{mark} {}", a.label)));
    }
    lines.push(Line::raw(String::new()));
    lines
}

fn render_recommendation(m: &Meeting, c: usize, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let item = &m.agenda.items[c];
    let outcome = m.items[c].outcome();
    let head = match outcome {
        Some((o, _)) => format!("{} — {}", Key::Recommendation.get(lang), o.label(lang)),
        None => Key::Recommendation.get(lang).to_string(),
    };
    let mut lines = vec![Line::styled(head, style::title())];
    for clause in &item.recommendation {
        lines.push(Line::raw(format!("• {clause}")));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

pub fn entry_text(e: &Entry, lang: Lang) -> String {
    match &e.kind {
        EntryKind::Decision { text } => format!("{}: {text}", Key::Decision.get(lang)),
        EntryKind::Outcome { text, .. } => format!("{}: {text}", Key::Recommendation.get(lang)),
        EntryKind::Action { what, who, due } => {
            let due = due.map(|d| {
                format!(
                    " ({} {})",
                    Key::Due.get(lang).to_lowercase(),
                    crate::session::due::format_date(d, lang)
                )
            });
            format!("→ {what} — {who}{}", due.unwrap_or_default())
        }
        EntryKind::Note { text } => format!("✎ {text}"),
        EntryKind::Vote {
            votes_for,
            against,
            abstain,
        } => format!(
            "{}: {} {votes_for}, {} {against}, {} {abstain}",
            Key::Vote.get(lang),
            Key::VoteFor.get(lang),
            Key::VoteAgainst.get(lang).to_lowercase(),
            Key::VoteAbstain.get(lang).to_lowercase()
        ),
        EntryKind::Inhabil { name } => format!("{}: {name}", Key::Inhabil.get(lang)),
    }
}

fn render_log(app: &App, entries: &[Entry], lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    buf.set_stringn(
        area.x,
        area.y,
        Key::Log.get(lang),
        usize::from(area.width),
        style::title(),
    );
    let rows = usize::from(area.height - 1);
    // Show the newest entries, and the selected one.
    let selected = app.selected_index(entries);
    let sel = selected.unwrap_or(entries.len().saturating_sub(1));
    let first = entries.len().saturating_sub(rows).min(sel);
    for (row, (i, e)) in entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let text = truncate(&clean(&entry_text(e, lang)), usize::from(area.width));
        let st = if selected == Some(i) {
            style::selected()
        } else {
            Style::default()
        };
        buf.set_stringn(
            area.x,
            area.y + 1 + row as u16,
            &text,
            usize::from(area.width),
            st,
        );
    }
}

fn footer_line(lang: Lang) -> Line<'static> {
    // Help first, so it shows however narrow the screen.
    let (help, rest): (Vec<_>, Vec<_>) = keymap::BINDINGS
        .iter()
        .filter(|b| b.footer)
        .partition(|b| b.action == keymap::Action::Help);
    let parts: Vec<String> = help
        .into_iter()
        .chain(rest)
        .map(|b| format!("{} {}", b.key, b.describe(lang)))
        .collect();
    Line::raw(parts.join("  "))
}

fn render_too_small(m: &Meeting, lang: Lang, now: Time, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::styled(Key::TooSmall.get(lang), style::warning())];
    lines.push(timer_line(m, lang, now));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
