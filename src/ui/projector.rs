//! The chair's projector view: the current item's time left in big digits, readable from the
//! back of the room, with the item, a progress bar, the next item and the schedule.
//!
//! Rendering is read-only: everything comes from the [`Meeting`] and the `now` it is given.
//! The screen is built as a stack of rows with priorities; on a small terminal the least
//! important rows go first, and the big digits take whatever height is left.

use chrono::{Duration, Timelike};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Widget};

use super::agenda_list;
use super::bigtext::BigText;
use super::theme::{Theme, TimerState, timer_state};
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::event::Replan;
use crate::session::state::{Meeting, Phase, Status, round_minutes};
use crate::textutil::{clean, truncate, width};

/// What the projector shows of a meeting at `now`.
pub struct ProjectorView<'a> {
    pub meeting: &'a Meeting,
    pub now: Time,
    pub theme: &'a Theme,
    /// The fuller layout: the agenda list beside the timer.
    pub full: bool,
    pub lang: Lang,
    /// A line for the follower's messages ("waiting for session …").
    pub notice: Option<&'a str>,
}

impl Widget for &ProjectorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.theme.normal());
        let not_started = self.meeting.phase == Phase::NotStarted;
        let main = if self.full && !not_started && area.width >= 60 && area.height >= 6 {
            let side = self.side_width(area.width);
            let [main, _, list] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(side),
            ])
            .areas(area);
            self.agenda_beside(list, buf);
            main
        } else {
            area
        };
        let rows = match self.meeting.phase {
            Phase::NotStarted => self.before_start(area.height as usize),
            Phase::Running => self.running(),
            Phase::Paused => self.paused(),
            Phase::Ended => self.finished(),
        };
        stack(rows, main, buf);
    }
}

// ----- what the screen is made of -----

/// One piece of the screen, kept or dropped as a whole.
struct Row {
    /// Lower is more important.
    prio: u8,
    part: Part,
}

enum Part {
    /// Text on the left, text on the right.
    Line(Line<'static>, Line<'static>),
    /// Big digits; takes the height left over.
    Big(String, Style),
    Gauge {
        ratio: f64,
        label: String,
        filled: Style,
        empty: Style,
    },
    Blank,
}

impl Row {
    fn new(prio: u8, part: Part) -> Self {
        Row { prio, part }
    }
    fn line(prio: u8, text: impl Into<String>, style: Style) -> Self {
        Row::new(
            prio,
            Part::Line(Line::styled(text.into(), style), Line::default()),
        )
    }
    fn blank() -> Self {
        Row::new(9, Part::Blank)
    }
}

/// Keeps the most important rows that fit, in their order; the big digits (if any) get the
/// height left over (the first of two gets three fifths), otherwise the rows are centred
/// vertically.
fn stack(rows: Vec<Row>, area: Rect, buf: &mut Buffer) {
    let height = area.height as usize;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows[i].prio);
    let mut keep = vec![false; rows.len()];
    for &i in order.iter().take(height) {
        keep[i] = true;
    }
    let kept: Vec<&Row> = rows
        .iter()
        .zip(&keep)
        .filter_map(|(r, &k)| k.then_some(r))
        .collect();
    let spare = height - kept.len();
    let bigs = kept
        .iter()
        .filter(|r| matches!(r.part, Part::Big(..)))
        .count();
    let mut shares = match bigs {
        0 => vec![],
        1 => vec![spare],
        _ => {
            let first = spare * 3 / 5;
            vec![first, spare - first]
        }
    }
    .into_iter();
    let mut y = area.y + if bigs > 0 { 0 } else { (spare / 2) as u16 };
    for row in kept {
        let h = match row.part {
            Part::Big(..) => 1 + shares.next().unwrap_or(0) as u16,
            Part::Line(..) | Part::Gauge { .. } | Part::Blank => 1,
        };
        draw_row(row, Rect::new(area.x, y, area.width, h), buf);
        y += h;
    }
}

fn line_at(area: Rect, i: u16) -> Rect {
    Rect::new(area.x, area.y.saturating_add(i), area.width, 1).intersection(area)
}

fn draw_row(row: &Row, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    match &row.part {
        Part::Line(left, right) => {
            let right_w: usize = right
                .spans
                .iter()
                .map(|s| crate::textutil::width(&s.content))
                .sum();
            let right_w = right_w.min(area.width as usize / 2) as u16;
            let left_area = Rect::new(area.x, area.y, area.width - right_w, 1);
            fit_line(left, left_area.width).render(left_area, buf);
            if right_w > 0 {
                let right_area = Rect::new(area.right() - right_w, area.y, right_w, 1);
                fit_line(right, right_w).render(right_area, buf);
            }
        }
        Part::Big(text, style) => (&BigText::new(text, *style)).render(area, buf),
        Part::Gauge {
            ratio,
            label,
            filled,
            empty,
        } => {
            let inner = Rect::new(area.x + 1, area.y, area.width.saturating_sub(2), 1);
            LineGauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .label(truncate(label, inner.width as usize))
                .filled_symbol("█")
                .unfilled_symbol("░")
                .filled_style(*filled)
                .unfilled_style(*empty)
                .render(inner, buf);
        }
        Part::Blank => {}
    }
}

/// Cuts a line's spans to `max` cells, with '…' where cut.
fn fit_line(line: &Line<'static>, max: u16) -> Line<'static> {
    let mut left = max as usize;
    let mut spans = vec![];
    for span in &line.spans {
        if left == 0 {
            break;
        }
        let text = truncate(&span.content, left);
        left = left.saturating_sub(width(&text));
        spans.push(Span::styled(text, span.style));
    }
    Line::from(spans).style(line.style)
}

// ----- the screens -----

impl ProjectorView<'_> {
    fn t(&self, key: Key) -> &'static str {
        key.get(self.lang)
    }

    /// Meeting title on the left, the clock on the right.
    fn header(&self) -> Row {
        let title = clean(&self.meeting.agenda.title);
        Row::new(
            5,
            Part::Line(
                Line::styled(title, self.theme.title()),
                Line::styled(clock(self.now), self.theme.dim()),
            ),
        )
    }

    fn notice(&self, rows: &mut Vec<Row>) {
        if let Some(n) = self.notice {
            rows.push(Row::line(3, clean(n), self.theme.warning()));
        }
    }

    fn item_label(&self, item: usize) -> String {
        let Some(it) = self.meeting.agenda.items.get(item) else {
            return String::new();
        };
        let number = clean(&it.number);
        let title = clean(&it.title);
        if number.is_empty() {
            title
        } else {
            format!("{} {number}: {title}", self.t(Key::Item))
        }
    }

    fn running(&self) -> Vec<Row> {
        let th = self.theme;
        let mut rows = vec![self.header(), Row::blank()];
        let Some(c) = self.meeting.current else {
            rows.push(Row::line(2, self.t(Key::NoCurrentItem), th.accent()));
            let elapsed = hms(self.meeting.meeting_elapsed(self.now).num_seconds());
            rows.push(Row::new(0, Part::Big(elapsed, th.timer(TimerState::Calm))));
            rows.push(Row::line(1, self.t(Key::Duration), th.dim()));
            rows.push(self.schedule());
            rows.extend(self.replanned());
            self.notice(&mut rows);
            return rows;
        };
        let reading = Reading::of(self.meeting, c, self.now);
        let style = th.timer(reading.state);
        rows.push(Row::line(2, self.item_label(c), th.accent()));
        rows.push(Row::new(0, Part::Big(reading.text.clone(), style)));
        rows.push(self.caption(&reading));
        if let Some(planned) = reading.planned_secs {
            rows.push(Row::new(
                4,
                Part::Gauge {
                    ratio: reading.elapsed_secs as f64 / planned as f64,
                    label: format!("{} / {}", hms(reading.elapsed_secs), hms(planned)),
                    filled: style,
                    empty: th.dim(),
                },
            ));
        }
        rows.extend(self.speaker_rows(c));
        rows.push(Row::blank());
        rows.push(self.next_row(c));
        rows.push(self.schedule());
        rows.extend(self.replanned());
        self.notice(&mut rows);
        rows
    }

    /// Under the digits: "left of 10 min", or the overrun word (never colour alone).
    fn caption(&self, r: &Reading) -> Row {
        let th = self.theme;
        let text = match (r.state, r.planned_secs) {
            (_, None) => self.t(Key::PjElapsed).to_string(),
            (TimerState::Overrun, Some(p)) => format!(
                "{} · {} {} {}",
                self.t(Key::Overrun),
                self.t(Key::Planned),
                minutes(p),
                self.t(Key::Minute)
            ),
            (_, Some(p)) => format!(
                "{} {} {} {}",
                self.t(Key::PjRemaining),
                self.t(Key::Of),
                minutes(p),
                self.t(Key::Minute)
            ),
        };
        let style = match r.state {
            TimerState::Calm => th.dim(),
            s @ TimerState::Warning | s @ TimerState::Overrun => th.timer(s),
        };
        Row::line(1, text, style)
    }

    /// The speaker with the floor, their time (counting down against the limit, overrun
    /// marked as for items), and the next two on the list.
    fn speaker_rows(&self, item: usize) -> Vec<Row> {
        let th = self.theme;
        let list = &self.meeting.items[item].speakers;
        let mut rows = vec![];
        let reading = SpeakerReading::of(self.meeting, self.now);
        if let Some(r) = &reading {
            let guest = if r.guest {
                format!(" ({})", self.t(Key::GuestWord))
            } else {
                String::new()
            };
            rows.push(Row::blank());
            rows.push(Row::line(
                1,
                format!("{}: {}{guest}", self.t(Key::Speaker), clean(&r.name)),
                th.accent(),
            ));
            rows.push(Row::new(2, Part::Big(r.text.clone(), th.timer(r.state))));
            let caption = match (r.state, r.limit_secs) {
                (_, None) => self.t(Key::SpeakingTime).to_string(),
                (TimerState::Overrun, Some(l)) => format!(
                    "{} · {} {} {}",
                    self.t(Key::Overrun),
                    self.t(Key::SpeakingTime).to_lowercase(),
                    minutes(l),
                    self.t(Key::Minute)
                ),
                (TimerState::Calm | TimerState::Warning, Some(l)) => format!(
                    "{} {} {} {}",
                    self.t(Key::PjRemaining),
                    self.t(Key::Of),
                    minutes(l),
                    self.t(Key::Minute)
                ),
            };
            let style = match r.state {
                TimerState::Calm => th.dim(),
                s @ (TimerState::Warning | TimerState::Overrun) => th.timer(s),
            };
            rows.push(Row::line(2, caption, style));
        }
        if !list.waiting.is_empty() {
            let names: Vec<String> = list
                .waiting
                .iter()
                .take(2)
                .map(|w| clean(&w.name))
                .collect();
            let more = list.waiting.len().saturating_sub(2);
            let more = if more > 0 {
                format!(" (+{more})")
            } else {
                String::new()
            };
            if reading.is_none() {
                rows.push(Row::blank());
            }
            rows.push(Row::line(
                3,
                format!("{}: {}{more}", self.t(Key::ThenSpeakers), names.join(", ")),
                th.normal(),
            ));
        }
        rows
    }

    fn next_row(&self, current: usize) -> Row {
        let th = self.theme;
        let text = match self.meeting.next_pending(current) {
            Some(n) => {
                let at = self
                    .slot_start(n)
                    .map(|t| format!(" · {t}"))
                    .unwrap_or_default();
                format!("{}: {}{at}", self.t(Key::Next), self.item_label(n))
            }
            None => self.t(Key::PjLastItem).to_string(),
        };
        Row::line(6, text, th.normal())
    }

    /// When the item is expected to start now: late meetings show it late.
    fn slot_start(&self, item: usize) -> Option<String> {
        self.meeting.expected_start(item, self.now).map(clock)
    }

    /// "Schedule: +3 min behind · Projected end 15:03 · planned 15:00".
    fn schedule(&self) -> Row {
        let m = self.meeting;
        let mut spans = vec![Span::styled(
            format!("{}: ", self.t(Key::Schedule)),
            self.theme.dim(),
        )];
        if let Some(d) = m.drift(self.now) {
            let mins = round_minutes(d);
            let style = match mins {
                m if m > 0 => self.theme.warning(),
                _ => self.theme.normal(),
            };
            spans.push(Span::styled(self.drift_text(mins, true), style));
        }
        if let Some(end) = m.projected_end(self.now) {
            spans.push(Span::styled(
                format!(" · {} {}", self.t(Key::ProjectedEnd), clock(end)),
                self.theme.normal(),
            ));
        }
        if let Some(planned) = m.original_end() {
            spans.push(Span::styled(
                format!(" · {} {}", self.t(Key::PjPlannedEnd), clock(planned)),
                self.theme.dim(),
            ));
        }
        Row::new(3, Part::Line(Line::from(spans), Line::default()))
    }

    /// "3 min behind", "2 min ahead", "on time"; without the words: "+3 min", "-2 min".
    fn drift_text(&self, mins: i64, words: bool) -> String {
        let min = self.t(Key::Minute);
        let word = |k: Key| {
            if words {
                format!(" {}", self.t(k))
            } else {
                String::new()
            }
        };
        match mins {
            0 => self.t(Key::OnTime).to_string(),
            m if m > 0 && words => format!("{m} {min}{}", word(Key::Behind)),
            m if m > 0 => format!("+{m} {min}"),
            // "38 min ahead", not "-38 min ahead": the word says the sign.
            m if words => format!("{} {min}{}", -m, word(Key::Ahead)),
            m => format!("-{} {min}", -m),
        }
    }

    /// "Plan changed 14:10: items compressed · new end 15:00", after a replan.
    fn replanned(&self) -> Option<Row> {
        let change = self.meeting.plan_changes.last()?;
        let what = match change.replan {
            Replan::Compress => Key::PjReplanCompress,
            Replan::PushBack => Key::PjReplanPushBack,
            Replan::Defer { .. } => Key::PjReplanDefer,
        };
        let end = self
            .meeting
            .planned_end()
            .map(|e| format!(" · {} {}", self.t(Key::NewEnd), clock(e)))
            .unwrap_or_default();
        Some(Row::line(
            7,
            format!(
                "{} {}: {}{end}",
                self.t(Key::Replanned),
                clock(change.at),
                self.t(what)
            ),
            self.theme.accent(),
        ))
    }

    fn paused(&self) -> Vec<Row> {
        let th = self.theme;
        let since = self.meeting.pause_elapsed(self.now).unwrap_or_default();
        let mut rows = vec![
            self.header(),
            Row::blank(),
            Row::line(2, self.t(Key::Break).to_uppercase(), th.accent()),
            Row::new(
                0,
                Part::Big(hms(since.num_seconds()), th.timer(TimerState::Calm)),
            ),
            Row::line(1, self.t(Key::BreakSoFar), th.dim()),
            Row::blank(),
        ];
        if let Some(c) = self.meeting.current {
            let r = Reading::of(self.meeting, c, self.now);
            let left = match (r.state, r.planned_secs) {
                (_, None) => String::new(),
                (TimerState::Overrun, _) => format!(" ({} {})", r.text, self.t(Key::Overrun)),
                _ => format!(" ({} {})", r.text, self.t(Key::PjRemaining)),
            };
            rows.push(Row::line(
                4,
                format!("{}: {}{left}", self.t(Key::ResumesWith), self.item_label(c)),
                th.normal(),
            ));
        }
        rows.push(self.schedule());
        rows.extend(self.replanned());
        self.notice(&mut rows);
        rows
    }

    fn finished(&self) -> Vec<Row> {
        let th = self.theme;
        let m = self.meeting;
        let mut rows = vec![
            self.header(),
            Row::blank(),
            Row::line(0, self.t(Key::MeetingFinished), th.accent()),
            Row::blank(),
        ];
        let mut times = vec![];
        if let Some(s) = m.started_at {
            times.push(format!("{} {}", self.t(Key::Started), clock(s)));
        }
        if let Some(e) = m.ended_at {
            let mut ended = format!("{} {}", self.t(Key::Ended), clock(e));
            if let Some(planned) = m.original_end() {
                let diff = round_minutes(e - planned);
                ended.push_str(&format!(
                    " ({} {}, {})",
                    self.t(Key::PjPlannedEnd),
                    clock(planned),
                    self.drift_text(diff, false)
                ));
            }
            times.push(ended);
        }
        rows.push(Row::line(1, times.join(" · "), th.normal()));
        rows.push(Row::line(
            2,
            format!(
                "{} {}",
                self.t(Key::Duration),
                hm(m.meeting_elapsed(self.now).num_seconds())
            ),
            th.normal(),
        ));
        rows.push(Row::line(4, self.tally(), th.dim()));
        rows.extend(self.replanned());
        self.notice(&mut rows);
        rows
    }

    /// "8 done · 1 skipped · 1 deferred".
    fn tally(&self) -> String {
        let count = |s: Status| self.meeting.items.iter().filter(|i| i.status == s).count();
        [
            (Status::Done, Key::StatusDone),
            (Status::Skipped, Key::StatusSkipped),
            (Status::Deferred, Key::StatusDeferred),
        ]
        .iter()
        .filter(|(s, _)| count(*s) > 0)
        .map(|(s, k)| format!("{} {}", count(*s), self.t(*k).to_lowercase()))
        .collect::<Vec<_>>()
        .join(" · ")
    }

    fn before_start(&self, height: usize) -> Vec<Row> {
        let th = self.theme;
        let plan = self.meeting.plan_at(self.now);
        let start = plan.iter().flatten().map(|s| s.start).min();
        let end = plan.iter().flatten().map(|s| s.end).max();
        let mut when = String::from(self.t(Key::PlannedStart));
        if let Some(s) = start {
            when.push_str(&format!(" {}", clock(s)));
        }
        if let Some(e) = end {
            when.push_str(&format!(" · {} {}", self.t(Key::PlannedEndFull), clock(e)));
        }
        let mut rows = vec![
            self.header(),
            Row::blank(),
            Row::line(1, self.t(Key::PjNotStarted), th.accent()),
            Row::line(0, when, th.normal()),
            Row::blank(),
        ];
        // As many agenda rows as fit under the six other rows.
        let room = height.saturating_sub(5 + usize::from(self.notice.is_some()));
        for row in self.agenda_rows(room) {
            rows.push(Row { prio: 8, ..row });
        }
        self.notice(&mut rows);
        rows
    }

    /// The fuller layout's agenda list: as wide as its longest row needs, at most two fifths of
    /// the screen, at least 28 columns.
    fn side_width(&self, screen_w: u16) -> u16 {
        let longest = self
            .meeting
            .agenda
            .items
            .iter()
            .map(|it| width(&clean(&it.label())))
            .max()
            .unwrap_or(0);
        // Rule and margin, symbol, start, label, the minutes.
        let needed = 2 + 2 + 7 + longest + 1 + width(&format!(" 00 {}", self.t(Key::Minute)));
        u16::try_from(needed)
            .unwrap_or(u16::MAX)
            .clamp(28, (screen_w * 2 / 5).max(28))
    }

    /// The fuller layout's agenda list, behind a thin rule.
    fn agenda_beside(&self, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::LEFT)
            .border_style(self.theme.dim());
        let inner = block.inner(area);
        block.render(area, buf);
        let list = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        };
        for (i, row) in self.agenda_rows(list.height as usize).iter().enumerate() {
            draw_row(row, line_at(list, i as u16), buf);
        }
    }

    /// The agenda as a list: state symbol, planned start, label, planned minutes, with the
    /// planned breaks between the items. At most `max` rows; when the list is longer, it shows
    /// the rows around the current item.
    fn agenda_rows(&self, max: usize) -> Vec<Row> {
        let m = self.meeting;
        let plan = m.plan_at(self.now);
        let list = agenda_list::rows(m, &plan);
        if max == 0 {
            return vec![];
        }
        let focus = m.current.and_then(|c| agenda_list::position(&list, c));
        let first = agenda_list::first_shown(list.len(), max, focus, max / 3);
        list.iter()
            .skip(first)
            .take(max)
            .map(|row| match row {
                agenda_list::Row::Item(i) => self.item_row(&plan, *i),
                agenda_list::Row::Break { title, at, minutes } => {
                    let at = at.clone().unwrap_or_else(|| "     ".into());
                    let mins = format!(" {minutes} {}", self.t(Key::Minute));
                    Row::new(
                        8,
                        Part::Line(
                            Line::styled(format!("‖ {at}  {title}"), self.theme.dim()),
                            Line::styled(mins, self.theme.dim()),
                        ),
                    )
                }
            })
            .collect()
    }

    fn item_row(&self, plan: &[Option<crate::session::state::Slot>], i: usize) -> Row {
        let m = self.meeting;
        let status = m.items[i].status;
        let (symbol, style) = match status {
            Status::Pending => ("·", self.theme.normal()),
            Status::Current => ("▶", self.theme.selected()),
            Status::Done => ("✓", self.theme.done()),
            Status::Skipped => ("–", self.theme.done()),
            Status::Deferred => ("»", self.theme.done()),
        };
        let slot = plan.get(i).copied().flatten();
        let start = slot
            .map(|s| clock(s.start))
            .unwrap_or_else(|| "     ".into());
        let mins = slot
            .map(|s| {
                let m = minutes(s.length().num_seconds());
                format!(" {m} {}", self.t(Key::Minute))
            })
            .unwrap_or_default();
        let label = m
            .agenda
            .items
            .get(i)
            .map(|it| clean(&it.label()))
            .unwrap_or_default();
        Row::new(
            8,
            Part::Line(
                Line::styled(format!("{symbol} {start}  {label}"), style),
                Line::styled(mins, style),
            ),
        )
    }
}

// ----- time as the screen shows it -----

/// The current item's timer as displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// "07:12", "+02:05", "1:02:03"; elapsed when the item has no planned time.
    pub text: String,
    pub state: TimerState,
    /// Whole seconds shown: remaining (negative when over), or elapsed without a plan.
    pub shown_secs: i64,
    pub elapsed_secs: i64,
    /// The slot, when the item has a planned time.
    pub planned_secs: Option<i64>,
}

impl Reading {
    pub fn of(meeting: &Meeting, item: usize, now: Time) -> Self {
        let elapsed = meeting.item_elapsed(item, now);
        let planned = meeting.item_planned(item).filter(|p| *p > Duration::zero());
        match planned {
            None => {
                let secs = elapsed.num_seconds();
                Reading {
                    text: hms(secs),
                    state: TimerState::Calm,
                    shown_secs: secs,
                    elapsed_secs: secs,
                    planned_secs: None,
                }
            }
            Some(planned) => {
                let remaining = planned - elapsed;
                let shown = shown_remaining(remaining);
                let planned_secs = (planned.num_milliseconds() + 500) / 1000;
                let text = if remaining < Duration::zero() {
                    format!("+{}", hms(-shown))
                } else {
                    hms(shown)
                };
                Reading {
                    text,
                    state: timer_state(remaining, planned),
                    shown_secs: shown,
                    elapsed_secs: planned_secs - shown,
                    planned_secs: Some(planned_secs),
                }
            }
        }
    }
}

/// The current speaker's time as displayed: left of the limit, else spoken so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerReading {
    pub name: String,
    pub guest: bool,
    /// "02:30", "+00:12"; "01:05" spoken when there is no limit.
    pub text: String,
    pub state: TimerState,
    pub shown_secs: i64,
    pub limit_secs: Option<i64>,
}

impl SpeakerReading {
    pub fn of(meeting: &Meeting, now: Time) -> Option<Self> {
        let (turn, spoken) = meeting.current_speaker(now)?;
        let limit = meeting.current.and_then(|c| meeting.speaking_limit(c));
        let (text, state, shown) = match limit {
            None => {
                let secs = spoken.num_seconds();
                (hms(secs), TimerState::Calm, secs)
            }
            Some(limit) => {
                let remaining = limit - spoken;
                let shown = shown_remaining(remaining);
                let text = if remaining < Duration::zero() {
                    format!("+{}", hms(-shown))
                } else {
                    hms(shown)
                };
                (text, timer_state(remaining, limit), shown)
            }
        };
        Some(SpeakerReading {
            name: turn.name.clone(),
            guest: turn.guest,
            text,
            state,
            shown_secs: shown,
            limit_secs: limit.map(|l| l.num_seconds()),
        })
    }
}

/// A countdown shows whole seconds rounded up (10:00 at the start, 00:00 only at zero); past
/// zero it counts the whole seconds over.
fn shown_remaining(remaining: Duration) -> i64 {
    let nanos = remaining.num_nanoseconds().unwrap_or(i64::MAX);
    if nanos > 0 {
        nanos / NANOS + i64::from(nanos % NANOS != 0)
    } else {
        -((-nanos) / NANOS)
    }
}

const NANOS: i64 = 1_000_000_000;

/// What the screen shows that depends on the time, at the resolution it shows it; when this is
/// unchanged, a redraw would show the same frame.
pub fn time_key(meeting: &Meeting, now: Time) -> [i64; 5] {
    let timer = match (meeting.phase, meeting.current) {
        (Phase::Running, Some(c)) => Reading::of(meeting, c, now).shown_secs,
        (Phase::Running, None) => meeting.meeting_elapsed(now).num_seconds(),
        (Phase::Paused, _) => meeting.pause_elapsed(now).unwrap_or_default().num_seconds(),
        _ => 0,
    };
    let drift = meeting.drift(now).map(round_minutes).unwrap_or_default();
    let end = meeting
        .projected_end(now)
        .map(|t| t.timestamp().div_euclid(60))
        .unwrap_or_default();
    let speaker = match meeting.phase {
        Phase::Running => SpeakerReading::of(meeting, now).map_or(0, |r| r.shown_secs),
        Phase::NotStarted | Phase::Paused | Phase::Ended => 0,
    };
    [timer, now.timestamp().div_euclid(60), drift, end, speaker]
}

/// How long until something on screen changes with time alone: the next whole second of the
/// running timer or the break, and at the latest the next minute of the clock in the header.
pub fn next_change(meeting: &Meeting, now: Time) -> std::time::Duration {
    let nanos = |d: Duration| d.num_nanoseconds().unwrap_or(0);
    let until_up = |d: Duration| NANOS - nanos(d).rem_euclid(NANOS);
    let into_minute = i64::from(now.second()) * NANOS + i64::from(now.nanosecond()) % NANOS;
    let minute = 60 * NANOS - into_minute;
    let timer = match (meeting.phase, meeting.current) {
        (Phase::Running, Some(c)) => {
            match meeting.item_planned(c).filter(|p| *p > Duration::zero()) {
                // Counting down: the shown second changes when what is left crosses a whole second.
                Some(p) => match nanos(p - meeting.item_elapsed(c, now)).rem_euclid(NANOS) {
                    0 => NANOS,
                    left => left,
                },
                None => until_up(meeting.item_elapsed(c, now)),
            }
        }
        (Phase::Running, None) => until_up(meeting.meeting_elapsed(now)),
        (Phase::Paused, _) => until_up(meeting.pause_elapsed(now).unwrap_or_default()),
        (Phase::NotStarted | Phase::Ended, _) => minute,
    };
    // The speaker's seconds turn at their own moments: the floor was given mid-second.
    let speaker = match (meeting.phase, meeting.current_speaker(now)) {
        (Phase::Running, Some((_, spoken))) => {
            match meeting.current.and_then(|c| meeting.speaking_limit(c)) {
                Some(limit) => match nanos(limit - spoken).rem_euclid(NANOS) {
                    0 => NANOS,
                    left => left,
                },
                None => until_up(spoken),
            }
        }
        (Phase::Running | Phase::NotStarted | Phase::Paused | Phase::Ended, _) => minute,
    };
    std::time::Duration::from_nanos(timer.min(speaker).min(minute).max(1) as u64)
}

/// "MM:SS" under an hour, "H:MM:SS" from an hour.
pub fn hms(secs: i64) -> String {
    super::fmt::duration(Duration::seconds(secs.max(0)))
}

/// "1:35" hours and minutes.
fn hm(secs: i64) -> String {
    let m = (secs.max(0) + 30) / 60;
    format!("{}:{:02}", m / 60, m % 60)
}

/// Whole minutes, rounded as the minutes round them: a compressed slot of 9:30 is "10", so a
/// length reads one way everywhere ("10 min", never "9:30 min").
fn minutes(secs: i64) -> String {
    crate::session::state::round_minutes(Duration::seconds(secs.max(0))).to_string()
}

fn clock(t: Time) -> String {
    t.format("%H:%M").to_string()
}
