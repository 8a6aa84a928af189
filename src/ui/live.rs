//! The minute-taker's screen: header with clock and drift, the agenda with item states, the
//! current item (timer, case presentation, recommendation, log) and a footer of keys.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::app::App;
use super::theme::{TimerState, timer_state};
use super::{agenda_list, fmt, keymap, style, wrap};
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::state::{Entry, EntryKind, Meeting, Phase, Status};
use crate::textutil::{clean, truncate};

/// The smallest screen the full layout fits in.
const MIN_W: u16 = 40;
const MIN_H: u16 = 10;

/// What the screen has room for. Decided here, from the size alone, for every frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Header, timer line, agenda, the current item, status line and keys.
    Full,
    /// The current item's remaining time alone, in big digits when they fit.
    TimerOnly,
}

pub fn fit(area: Rect) -> Fit {
    if area.width >= MIN_W && area.height >= MIN_H {
        Fit::Full
    } else {
        Fit::TimerOnly
    }
}

pub struct LiveView<'a> {
    pub app: &'a App,
    pub now: Time,
}

impl Widget for &LiveView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.app.meeting();
        let lang = self.app.lang;
        match fit(area) {
            Fit::Full => {}
            Fit::TimerOnly => {
                render_timer_only(m, lang, self.now, area, buf);
                return;
            }
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
        Paragraph::new(timer_line(m, lang, self.now, timer.width)).render(timer, buf);
        let list_w = agenda_width(m, area.width);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(10)]).areas(body);
        render_agenda(m, lang, self.now, list, buf);
        render_item(self.app, self.now, detail, buf);
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
        Paragraph::new(footer_line(lang, footer.width))
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

pub(super) fn header_line(m: &Meeting, lang: Lang, now: Time, width: u16) -> Line<'static> {
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
    keep_important(&mut right, usize::from(width).saturating_sub(min_title));
    let right_w = spans_width(&right);
    // The title gives way first; what is left of the line belongs to the clock and drift.
    let title_w = usize::from(width).saturating_sub(right_w).max(8);
    let mut spans = vec![Span::styled(
        truncate(&m.agenda.title, title_w),
        style::title(),
    )];
    spans.extend(right.into_iter().map(|(_, s)| s));
    Line::from(spans)
}

/// Drops the least important parts (lowest priority first) until they fit in `room` cells.
fn keep_important(parts: &mut Vec<(u8, Span<'static>)>, room: usize) {
    let top = parts.iter().map(|(p, _)| *p).max().unwrap_or(0);
    for level in 0..top {
        if spans_width(parts) <= room {
            break;
        }
        parts.retain(|(p, _)| *p > level);
    }
}

fn spans_width(parts: &[(u8, Span<'static>)]) -> usize {
    parts
        .iter()
        .map(|(_, s)| crate::textutil::width(&s.content))
        .sum()
}

/// The current item's clock: the item, elapsed, planned, and remaining or overrun, coloured by
/// state. When the line is narrow the item's title gives way first, then elapsed and planned;
/// the remaining time stays.
fn timer_line(m: &Meeting, lang: Lang, now: Time, width: u16) -> Line<'static> {
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
    let mut figures: Vec<(u8, Span<'static>)> = vec![(
        1,
        Span::raw(format!(
            " {} {}",
            Key::Elapsed.get(lang),
            fmt::duration(elapsed)
        )),
    )];
    if let Some(planned) = m.item_planned(c) {
        figures.push((2, Span::raw(format!(" / {}", fmt::duration(planned)))));
        let (text, st) = remaining_text(planned - elapsed, planned, lang);
        figures.push((3, Span::styled(format!(" {text}"), st)));
    }
    let label = format!("▶ {}", clean(&item.label()));
    // A title of a few letters is still worth showing; less is noise beside the figures.
    let min_label = crate::textutil::width(&label).min(10);
    keep_important(&mut figures, usize::from(width).saturating_sub(min_label));
    let label_w = usize::from(width).saturating_sub(spans_width(&figures));
    let mut spans = vec![];
    if label_w >= 4 {
        spans.push(Span::styled(truncate(&label, label_w), style::title()));
    }
    spans.extend(figures.into_iter().map(|(_, s)| s));
    if label_w < 4 {
        // No title: the figures start at the edge.
        if let Some(first) = spans.first_mut() {
            first.content = first.content.trim_start().to_string().into();
        }
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

/// Cells of the agenda pane's times column: `actual/planned` minutes.
const TIMES_W: usize = 7;

/// The agenda pane: a third of the screen at most, as wide as its longest row needs, and never
/// narrower than 24 columns.
fn agenda_width(m: &Meeting, width: u16) -> u16 {
    let longest = m
        .agenda
        .items
        .iter()
        .map(|it| crate::textutil::width(&clean(&it.label())))
        .chain(
            m.agenda
                .breaks
                .iter()
                .map(|b| crate::textutil::width(&break_label(&clean(&b.title), Some("00:00")))),
        )
        .max()
        .unwrap_or(0);
    // Mark and space, the label, a space, the times, the border.
    let needed = u16::try_from(2 + longest + 1 + TIMES_W + 1).unwrap_or(u16::MAX);
    needed.clamp(24, (width / 3).max(24))
}

/// "Frokost 12:00": a break's row in the agenda.
fn break_label(title: &str, at: Option<&str>) -> String {
    match at {
        Some(at) => format!("{title} {at}"),
        None => title.to_string(),
    }
}

fn render_agenda(m: &Meeting, lang: Lang, now: Time, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::RIGHT)
        .title(Span::styled(Key::Agenda.get(lang), style::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let plan = m.plan_at(now);
    let rows = agenda_list::rows(m, &plan);
    let visible = usize::from(inner.height);
    // Keep the current item in view on long agendas.
    let focus = m.current.and_then(|c| agenda_list::position(&rows, c));
    let first = agenda_list::first_shown(rows.len(), visible, focus, visible / 2);
    let label_w = usize::from(inner.width).saturating_sub(2 + TIMES_W + 1);
    for (n, row) in rows.iter().skip(first).take(visible).enumerate() {
        let y = inner.y + n as u16;
        let (mark, label, times, st, times_st) = match row {
            agenda_list::Row::Item(i) => item_row(m, &plan, now, *i),
            agenda_list::Row::Break { title, at, minutes } => (
                "‖",
                break_label(title, at.as_deref()),
                format!("{:>3}/{minutes:<3}", ""),
                style::dim(),
                style::dim(),
            ),
        };
        buf.set_stringn(
            inner.x,
            y,
            format!("{mark} {}", truncate(&label, label_w)),
            label_w + 2,
            st,
        );
        let tx = inner.x + inner.width.saturating_sub(TIMES_W as u16);
        buf.set_stringn(tx, y, &times, TIMES_W, times_st);
    }
}

/// An item's row in the agenda: mark, label, `actual/planned` minutes, and their styles.
fn item_row(
    m: &Meeting,
    plan: &[Option<crate::session::state::Slot>],
    now: Time,
    i: usize,
) -> (&'static str, String, String, Style, Style) {
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
    let st = match status {
        Status::Current => style::selected(),
        Status::Done => style::dim(),
        Status::Skipped | Status::Deferred => style::dim().add_modifier(Modifier::CROSSED_OUT),
        Status::Pending => Style::default(),
    };
    let over = !actual.is_empty() && m.item_planned(i).is_some_and(|p| state.elapsed(now) > p);
    let times_st = if over { style::overrun() } else { style::dim() };
    (
        status_mark(status),
        clean(&item.label()),
        format!("{actual:>3}/{planned:<3}"),
        st,
        times_st,
    )
}

/// An item closed with the outcome "deferred" shows as deferred.
fn display_status(m: &Meeting, i: usize) -> Status {
    let s = m.items[i].status;
    match m.items[i].outcome() {
        Some((crate::session::Outcome::Deferred, _)) if s == Status::Done => Status::Deferred,
        _ => s,
    }
}

fn render_item(app: &App, now: Time, area: Rect, buf: &mut Buffer) {
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
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let w = usize::from(inner.width);
    let rec = recommendation_lines(m, c, lang, w);
    let log = log_lines(app, entries, lang, w);
    // The recommendation and the log take what they need, each at most a third of the pane;
    // the case presentation keeps the rest.
    let third = area.height / 3 + 1;
    let rec_h = u16::try_from(rec.len()).unwrap_or(u16::MAX).min(third);
    let log_rows: usize = log.iter().map(|(_, l)| l.len()).sum();
    let log_h = u16::try_from(log_rows + 1)
        .unwrap_or(u16::MAX)
        .clamp(2, third);
    // The speaker list, while anyone is on it: the heading, the floor and the next few.
    let speakers = if super::speakers::has_speakers(m) {
        super::speakers::lines(m, lang, now, None)
    } else {
        vec![]
    };
    let speakers_h = u16::try_from(speakers.len())
        .unwrap_or(u16::MAX)
        .min(area.height / 4 + 1);
    let [title, body, rec_area, talers, log_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(rec_h),
        Constraint::Length(speakers_h),
        Constraint::Length(log_h),
    ])
    .areas(inner);
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
    let mut text: Vec<Line> = follow_up_lines(app, c, w);
    text.extend(
        item.body
            .lines()
            .flat_map(|l| wrap::text_line(&clean_keep_indent(l), Style::default(), w)),
    );
    Paragraph::new(text)
        .scroll((app.scroll, 0))
        .render(body, buf);
    Paragraph::new(rec).render(rec_area, buf);
    Paragraph::new(speakers).render(talers, buf);
    render_log(app, entries, log, lang, log_area, buf);
}

/// A line of the agenda's text made safe to draw, its leading indent kept.
fn clean_keep_indent(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    format!("{}{}", " ".repeat(indent), clean(line))
}

/// At the item that reviews the previous minutes: earlier meetings' open action points, each
/// marked once this meeting has followed it up (`F`).
fn follow_up_lines(app: &App, c: usize, width: usize) -> Vec<Line<'static>> {
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
        lines.extend(wrap::hanging(
            &format!("{mark} "),
            Style::default(),
            &clean(&a.label),
            Style::default(),
            width,
        ));
    }
    lines.push(Line::raw(String::new()));
    lines
}

/// The recommendation's heading (with the outcome once recorded) and its clauses as a list;
/// none when the item has no recommendation.
fn recommendation_lines(m: &Meeting, c: usize, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let item = &m.agenda.items[c];
    if item.recommendation.is_empty() {
        return vec![];
    }
    let head = match m.items[c].outcome() {
        Some((o, _)) => format!("{} — {}", Key::Recommendation.get(lang), o.label(lang)),
        None => Key::Recommendation.get(lang).to_string(),
    };
    let mut lines = vec![Line::styled(truncate(&head, width), style::title())];
    for clause in &item.recommendation {
        lines.extend(wrap::hanging(
            "• ",
            Style::default(),
            &clean(clause),
            Style::default(),
            width,
        ));
    }
    lines
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
            let who = if who.trim().is_empty() {
                String::new()
            } else {
                format!(" — {who}")
            };
            format!("→ {what}{who}{}", due.unwrap_or_default())
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

/// Each entry of the log wrapped to `width`, with its index among `entries`.
fn log_lines(
    app: &App,
    entries: &[Entry],
    lang: Lang,
    width: usize,
) -> Vec<(usize, Vec<Line<'static>>)> {
    let selected = app.selected_index(entries);
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let st = if selected == Some(i) {
                style::selected()
            } else {
                Style::default()
            };
            let text = clean(&entry_text(e, lang));
            // The mark of an action or a note hangs; a labelled line wraps under its label.
            let (mark, rest) = match text.split_once(' ') {
                Some((m, rest)) if m == "→" || m == "✎" => (format!("{m} "), rest.to_string()),
                Some(_) | None => (String::new(), text.clone()),
            };
            (i, wrap::hanging(&mark, st, &rest, st, width))
        })
        .collect()
}

/// The log: the newest entries, and the selected one, each whole when there is room; an entry
/// taller than the room left is cut, with '…' where it is cut.
fn render_log(
    app: &App,
    entries: &[Entry],
    lines: Vec<(usize, Vec<Line<'static>>)>,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
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
    let sel = app
        .selected_index(entries)
        .unwrap_or(entries.len().saturating_sub(1));
    // From the newest back, as many entries as fit; never past the selected one.
    let mut first = lines.len();
    let mut used = 0;
    while first > 0 {
        let h = lines[first - 1].1.len();
        if used + h > rows && first <= sel + 1 {
            break;
        }
        used += h;
        first -= 1;
    }
    let first = first.min(sel);
    let mut shown: Vec<Line<'static>> =
        lines.into_iter().skip(first).flat_map(|(_, l)| l).collect();
    if shown.len() > rows {
        shown.truncate(rows);
        if let Some(last) = shown.last_mut() {
            mark_cut(last, usize::from(area.width));
        }
    }
    Paragraph::new(shown).render(
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
        buf,
    );
}

/// Ends a row with '…', within `width` cells, to say the text goes on.
fn mark_cut(line: &mut Line<'static>, width: usize) {
    let text = line.to_string();
    let style = line.spans.last().map(|s| s.style).unwrap_or_default();
    let cut = if crate::textutil::width(&text) < width {
        format!("{text}…")
    } else {
        truncate(&text, width)
    };
    *line = Line::styled(cut, style);
}

fn footer_line(lang: Lang, width: u16) -> Line<'static> {
    let (pairs, help) = keymap::live_footer(lang);
    super::footer::line(&pairs, help, usize::from(width), style::dim(), style::dim())
}

/// A screen too small for the layout: the current item's remaining time (or the break's
/// length), in big digits when they fit; before the start, what to press.
fn render_timer_only(m: &Meeting, lang: Lang, now: Time, area: Rect, buf: &mut Buffer) {
    let theme = style::theme();
    let (text, st) = match (m.phase, m.current) {
        (Phase::NotStarted, _) => {
            let lines = crate::textutil::wrap(Key::PressSpace.get(lang), usize::from(area.width));
            Paragraph::new(lines.into_iter().map(Line::raw).collect::<Vec<_>>())
                .style(style::warning())
                .render(area, buf);
            return;
        }
        (Phase::Paused, _) => (
            super::projector::hms(m.pause_elapsed(now).unwrap_or_default().num_seconds()),
            style::warning(),
        ),
        (Phase::Running, Some(c)) => {
            let r = super::projector::Reading::of(m, c, now);
            (r.text, theme.timer(r.state))
        }
        (Phase::Running, None) => (
            super::projector::hms(m.meeting_elapsed(now).num_seconds()),
            style::ok(),
        ),
        (Phase::Ended, _) => {
            Paragraph::new(Key::EndedWord.get(lang))
                .style(style::title())
                .render(area, buf);
            return;
        }
    };
    (&super::bigtext::BigText::new(&text, st)).render(area, buf);
}
