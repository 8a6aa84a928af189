//! `referent review`: past sessions in the terminal. A sortable, filterable list; a session's
//! minutes with a chart of planned against actual minutes per item; search across all sessions;
//! statistics for a series. Read-only: nothing here writes a session.
//!
//! [`ReviewView`] holds the screen state; [`ReviewView::on_key`] is its pure update and
//! `impl Widget for &ReviewView` draws it. [`run`] is the terminal loop.

use std::io;
use std::path::Path;
use std::time::Duration as StdDuration;

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::keymap::{self, ReviewAction};

use super::minutes_view::{Para, paras};
use super::style;
use crate::archive::summary::{self, SessionSummary, SortKey, item_actual, item_planned, plan_of};
use crate::archive::{
    Archive, Hit, SeriesStats, format_date, search_in, stats_named, stats_of_session,
};
use crate::i18n::{Key, Lang};
use crate::session::state::{Status, round_minutes};
use crate::textutil::{clean, truncate, width};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Session,
    Search,
    Stats,
}

/// One bar of the chart: an item's planned and actual minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub planned: Option<i64>,
    pub actual: i64,
    pub treated: bool,
}

/// An open session: its minutes as lines, where each item starts, and the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub index: usize,
    pub heading: String,
    /// The referat, formatted; scrolling moves by paragraphs.
    pub paras: Vec<Para>,
    /// Index of each item's heading in `paras`, by item.
    pub item_lines: Vec<Option<usize>>,
    pub bars: Vec<Bar>,
    pub scroll: usize,
}

/// The whole review: the sessions read once, and what each screen shows.
pub struct ReviewView {
    pub lang: Lang,
    pub archive: Archive,
    /// Where the sessions were read from, for "no meetings in …".
    pub root: String,
    all: Vec<SessionSummary>,
    /// `--series NAME`: the list shows that series only, and `s` shows its statistics.
    pub series: Option<String>,
    pub screen: Screen,
    pub sort: SortKey,
    pub filter: String,
    pub rows: Vec<SessionSummary>,
    pub selected: usize,
    pub query: String,
    /// Typing goes to the search field (else the results have the keys).
    pub editing_query: bool,
    pub hits: Vec<Hit>,
    pub hit_selected: usize,
    /// Where Esc on an open session goes back to.
    pub back: Screen,
    pub opened: Option<Opened>,
    pub stats: Option<SeriesStats>,
    pub stats_scroll: usize,
    /// Where Esc on the statistics goes back to.
    pub stats_back: Screen,
    pub quit: bool,
}

/// Lines moved by PageUp / PageDown.
const PAGE: usize = 10;

impl ReviewView {
    pub fn new(archive: Archive, root: &Path, series: Option<String>, lang: Lang) -> Self {
        let mut all = summary::summaries(&archive);
        if let Some(name) = &series {
            all = summary::of_series(&all, name);
        }
        let mut view = ReviewView {
            lang,
            archive,
            root: root.display().to_string(),
            all,
            series,
            screen: Screen::List,
            sort: SortKey::default(),
            filter: String::new(),
            rows: vec![],
            selected: 0,
            query: String::new(),
            editing_query: false,
            hits: vec![],
            hit_selected: 0,
            back: Screen::List,
            opened: None,
            stats: None,
            stats_scroll: 0,
            stats_back: Screen::List,
            quit: false,
        };
        view.relist();
        view
    }

    fn t(&self, key: Key) -> &'static str {
        key.get(self.lang)
    }

    /// Filters and sorts the list again, keeping the selected session when it is still there.
    fn relist(&mut self) {
        let keep = self.rows.get(self.selected).map(|s| s.index);
        self.rows = summary::listing(&self.all, &self.filter, self.sort);
        self.selected = keep
            .and_then(|i| self.rows.iter().position(|s| s.index == i))
            .unwrap_or(0);
    }

    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        match self.screen {
            Screen::List => self.list_key(key),
            Screen::Session => self.session_key(key),
            Screen::Search => self.search_key(key),
            Screen::Stats => self.stats_key(key),
        }
    }

    /// Pasted text goes to the field being typed in.
    pub fn on_paste(&mut self, text: &str) {
        let text = clean(text);
        match self.screen {
            Screen::List => {
                self.filter.push_str(&text);
                self.relist();
            }
            Screen::Search if self.editing_query => self.query.push_str(&text),
            Screen::Session | Screen::Search | Screen::Stats => {}
        }
    }

    fn list_key(&mut self, key: KeyEvent) {
        let last = self.rows.len().saturating_sub(1);
        // Once a filter is being typed, letters are text (capitals always are: the filter
        // ignores case); the table's keys are commands only with no filter.
        let typing = !self.filter.is_empty();
        if let KeyCode::Char(c) = key.code
            && !c.is_control()
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && (typing || keymap::lookup(keymap::REVIEW_LIST, &key).is_none())
        {
            self.filter.push(c);
            self.relist();
            return;
        }
        let Some(action) = keymap::lookup(keymap::REVIEW_LIST, &key) else {
            return;
        };
        match action {
            ReviewAction::Up => self.selected = self.selected.saturating_sub(1),
            ReviewAction::Down => self.selected = (self.selected + 1).min(last),
            ReviewAction::PageUp => self.selected = self.selected.saturating_sub(PAGE),
            ReviewAction::PageDown => self.selected = (self.selected + PAGE).min(last),
            ReviewAction::Home => self.selected = 0,
            ReviewAction::End => self.selected = last,
            ReviewAction::Open => {
                if let Some(i) = self.rows.get(self.selected).map(|s| s.index) {
                    self.open(i, None, Screen::List);
                }
            }
            ReviewAction::Sort => {
                self.sort = self.sort.next();
                self.relist();
            }
            ReviewAction::Erase => {
                self.filter.pop();
                self.relist();
            }
            ReviewAction::Back if typing => {
                self.filter.clear();
                self.relist();
            }
            ReviewAction::Back | ReviewAction::Quit => self.quit = true,
            ReviewAction::Search => {
                self.screen = Screen::Search;
                self.editing_query = true;
            }
            ReviewAction::Stats => self.show_stats(),
            ReviewAction::NextItem | ReviewAction::PreviousItem => {}
        }
    }

    fn session_key(&mut self, key: KeyEvent) {
        let Some(o) = &mut self.opened else {
            self.screen = self.back;
            return;
        };
        let last = o.paras.len().saturating_sub(1);
        let Some(action) = keymap::lookup(keymap::REVIEW_SESSION, &key) else {
            return;
        };
        match action {
            ReviewAction::Up => o.scroll = o.scroll.saturating_sub(1),
            ReviewAction::Down => o.scroll = (o.scroll + 1).min(last),
            ReviewAction::PageUp => o.scroll = o.scroll.saturating_sub(PAGE),
            ReviewAction::PageDown => o.scroll = (o.scroll + PAGE).min(last),
            ReviewAction::Home => o.scroll = 0,
            ReviewAction::End => o.scroll = last,
            ReviewAction::NextItem => {
                if let Some(next) = o.item_lines.iter().flatten().find(|&&l| l > o.scroll) {
                    o.scroll = *next;
                }
            }
            ReviewAction::PreviousItem => {
                if let Some(prev) = o.item_lines.iter().flatten().rev().find(|&&l| l < o.scroll) {
                    o.scroll = *prev;
                }
            }
            ReviewAction::Stats => {
                let index = o.index;
                self.stats = Some(stats_of_session(&self.archive, index));
                self.stats_scroll = 0;
                self.stats_back = Screen::Session;
                self.screen = Screen::Stats;
            }
            ReviewAction::Back => self.screen = self.back,
            ReviewAction::Quit => self.quit = true,
            ReviewAction::Open
            | ReviewAction::Sort
            | ReviewAction::Erase
            | ReviewAction::Search => {}
        }
    }

    // A terminal's keys, not our enum: keys without a binding do nothing.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn search_key(&mut self, key: KeyEvent) {
        // Typing a query, only Ctrl-C of the table's keys counts (q is a letter then).
        if self.editing_query
            && key.modifiers.contains(KeyModifiers::CONTROL)
            && keymap::lookup(keymap::REVIEW_SEARCH, &key) == Some(ReviewAction::Quit)
        {
            self.quit = true;
            return;
        }
        if self.editing_query {
            match key.code {
                KeyCode::Enter => {
                    self.hits = search_in(&self.archive, &self.query, Some(self.lang));
                    self.hit_selected = 0;
                    self.editing_query = false;
                }
                KeyCode::Esc => {
                    self.editing_query = false;
                    if self.hits.is_empty() {
                        self.screen = Screen::List;
                    }
                }
                KeyCode::Backspace => {
                    self.query.pop();
                }
                KeyCode::Char(c) if !c.is_control() => self.query.push(c),
                _ => {}
            }
            return;
        }
        let last = self.hits.len().saturating_sub(1);
        let Some(action) = keymap::lookup(keymap::REVIEW_SEARCH, &key) else {
            return;
        };
        match action {
            ReviewAction::Up => self.hit_selected = self.hit_selected.saturating_sub(1),
            ReviewAction::Down => self.hit_selected = (self.hit_selected + 1).min(last),
            ReviewAction::PageUp => self.hit_selected = self.hit_selected.saturating_sub(PAGE),
            ReviewAction::PageDown => self.hit_selected = (self.hit_selected + PAGE).min(last),
            ReviewAction::Open => {
                if let Some(hit) = self.hits.get(self.hit_selected).cloned() {
                    self.open(hit.session, Some(&hit), Screen::Search);
                }
            }
            ReviewAction::Search => self.editing_query = true,
            ReviewAction::Back => self.screen = Screen::List,
            ReviewAction::Quit => self.quit = true,
            ReviewAction::Home
            | ReviewAction::End
            | ReviewAction::Sort
            | ReviewAction::Erase
            | ReviewAction::Stats
            | ReviewAction::NextItem
            | ReviewAction::PreviousItem => {}
        }
    }

    fn stats_key(&mut self, key: KeyEvent) {
        let Some(action) = keymap::lookup(keymap::REVIEW_STATS, &key) else {
            return;
        };
        match action {
            ReviewAction::Up => self.stats_scroll = self.stats_scroll.saturating_sub(1),
            ReviewAction::Down => self.stats_scroll += 1,
            ReviewAction::Back => self.screen = self.stats_back,
            ReviewAction::Quit => self.quit = true,
            ReviewAction::PageUp
            | ReviewAction::PageDown
            | ReviewAction::Home
            | ReviewAction::End
            | ReviewAction::Open
            | ReviewAction::Sort
            | ReviewAction::Erase
            | ReviewAction::Search
            | ReviewAction::Stats
            | ReviewAction::NextItem
            | ReviewAction::PreviousItem => {}
        }
    }

    /// Statistics for `--series`, else for the series of the selected session.
    fn show_stats(&mut self) {
        let stats = match (&self.series, self.rows.get(self.selected)) {
            (Some(name), _) => stats_named(&self.archive, name),
            (None, Some(row)) => stats_of_session(&self.archive, row.index),
            (None, None) => return,
        };
        self.stats = Some(stats);
        self.stats_scroll = 0;
        self.stats_back = Screen::List;
        self.screen = Screen::Stats;
    }

    /// Opens a session's minutes, at the item of `hit` when given.
    pub fn open(&mut self, index: usize, hit: Option<&Hit>, back: Screen) {
        let Some(session) = self.archive.sessions.get(index) else {
            return;
        };
        let m = &session.meeting;
        let doc = crate::minutes::MinutesDoc::from_meeting(m, self.lang);
        let paras = paras(&crate::minutes::layout::layout(&doc));
        let item_lines = (0..m.agenda.items.len())
            .map(|i| paras.iter().position(|p| p.item == Some(i)))
            .collect::<Vec<_>>();
        let lines: Vec<String> = paras.iter().map(Para::text).collect();
        let scroll = hit
            .and_then(|h| {
                let from = h.item.and_then(|i| item_lines.get(i).copied().flatten())?;
                // The matching line itself, when the minutes show it; else the item's heading.
                let needle = clean(&h.line);
                let found = lines[from..]
                    .iter()
                    .position(|l| !needle.is_empty() && l.contains(&needle))
                    .map(|p| from + p);
                Some(found.unwrap_or(from))
            })
            .unwrap_or(0);
        let heading = format!(
            "{}  {}",
            session
                .date()
                .map(|d| format_date(d, self.lang))
                .unwrap_or_default(),
            clean(session.title())
        );
        self.opened = Some(Opened {
            index,
            heading,
            paras,
            item_lines,
            bars: bars(session),
            scroll,
        });
        self.back = back;
        self.screen = Screen::Session;
    }
}

/// Planned and actual minutes per item, as the chart shows them.
pub fn bars(session: &crate::archive::Session) -> Vec<Bar> {
    let m = &session.meeting;
    let plan = plan_of(m);
    m.agenda
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| Bar {
            label: clean(&item.label()),
            planned: item_planned(m, &plan, i).map(round_minutes),
            actual: round_minutes(item_actual(m, i)),
            treated: m
                .items
                .get(i)
                .is_some_and(|s| matches!(s.status, Status::Done | Status::Current)),
        })
        .collect()
}

/// `+12`, `-3`, `±0` minutes.
fn signed_minutes(d: Duration) -> String {
    match round_minutes(d) {
        0 => "±0".to_string(),
        m if m > 0 => format!("+{m}"),
        m => m.to_string(),
    }
}

fn overrun_style(d: Option<Duration>) -> Style {
    match d.map(round_minutes) {
        Some(m) if m > 0 => style::overrun(),
        Some(_) => style::ok(),
        None => style::dim(),
    }
}

/// Pads or cuts `s` to exactly `w` cells.
fn cell(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// Right-aligns `s` in `w` cells.
fn rcell(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    format!("{}{t}", " ".repeat(w.saturating_sub(width(&t))))
}

fn sort_word(key: SortKey) -> Key {
    match key {
        SortKey::Date => Key::SortDate,
        SortKey::Title => Key::SortTitle,
        SortKey::Overrun => Key::SortOverrun,
        SortKey::Decisions => Key::SortDecisions,
        SortKey::OpenActions => Key::SortOpenActions,
    }
}

/// The footer: as many whole `key word` pairs as fit, keys bold.
fn footer<'a>(pairs: &[(&'a str, &'a str)], area: Rect) -> Line<'a> {
    super::footer::line(
        pairs,
        None,
        usize::from(area.width),
        style::title(),
        Style::default(),
    )
}

impl Widget for &ReviewView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 20 || area.height < 5 {
            Paragraph::new(Key::TooSmall.get(self.lang)).render(area, buf);
            return;
        }
        match self.screen {
            Screen::List => self.render_list(area, buf),
            Screen::Session => self.render_session(area, buf),
            Screen::Search => self.render_search(area, buf),
            Screen::Stats => self.render_stats(area, buf),
        }
    }
}

impl ReviewView {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let title = match &self.series {
            Some(s) => format!("{} · {}", self.t(Key::PastMeetings), clean(s)),
            None => self.t(Key::PastMeetings).to_string(),
        };
        let filter = if self.filter.is_empty() {
            Span::styled(format!("({})", self.t(Key::TypeToFilter)), style::dim())
        } else {
            Span::styled(format!("{}▏", clean(&self.filter)), style::warning())
        };
        let w = usize::from(area.width);
        // date 10, actual/plan 12, over 5, decisions 8, open 5, gaps; the title takes the rest.
        let fixed = 10 + 12 + 5 + 8 + 5 + 5;
        let title_w = w.saturating_sub(fixed).max(8);
        let columns = format!(
            "{} {} {} {} {} {}",
            cell(self.t(Key::Date), 10),
            cell(self.t(Key::TitleWord), title_w),
            rcell(self.t(Key::ActualPlanned), 12),
            rcell(self.t(Key::OverWord), 5),
            rcell(self.t(Key::DecisionsShort), 8),
            rcell(self.t(Key::OpenShort), 5),
        );
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{title} ({})", self.rows.len()), style::title()),
                Span::raw(format!(
                    "   {}: {}   {}: ",
                    self.t(Key::SortBy),
                    self.t(sort_word(self.sort)),
                    self.t(Key::Filter)
                )),
                filter,
            ]),
            Line::raw(""),
            Line::styled(columns, style::dim()),
        ])
        .render(head, buf);

        let visible = usize::from(body.height);
        let first = self.selected.saturating_sub(visible.saturating_sub(1));
        let mut lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, s)| self.list_row(s, title_w, i == self.selected))
            .collect();
        if self.rows.is_empty() {
            let msg = if self.all.is_empty() {
                format!("{} {}", self.t(Key::NoSessions), clean(&self.root))
            } else {
                self.t(Key::NoMatch).to_string()
            };
            lines.push(Line::styled(msg, style::dim()));
        }
        Paragraph::new(lines).render(body, buf);
        footer(&keymap::footer_pairs(keymap::REVIEW_LIST, self.lang), foot).render(foot, buf);
    }

    fn list_row(&self, s: &SessionSummary, title_w: usize, selected: bool) -> Line<'static> {
        let mins = |d: Option<Duration>| d.map(|d| round_minutes(d).to_string());
        let times = format!(
            "{}/{}",
            mins(s.actual).unwrap_or_else(|| "-".into()),
            mins(s.planned).unwrap_or_else(|| "-".into())
        );
        let mut title = clean(&s.title);
        if !s.finished {
            title = format!("{title} ({})", self.t(Key::Unfinished));
        }
        let over = s.overrun();
        let base = if selected {
            style::selected()
        } else {
            Style::default()
        };
        let open_style = if s.open_actions > 0 {
            style::warning()
        } else {
            Style::default()
        };
        Line::from(vec![
            Span::styled(
                format!(
                    "{} {} {} ",
                    cell(
                        &s.date
                            .map(|d| format_date(d, self.lang))
                            .unwrap_or_default(),
                        10,
                    ),
                    cell(&title, title_w),
                    rcell(&times, 12)
                ),
                base,
            ),
            Span::styled(
                rcell(&over.map(signed_minutes).unwrap_or_else(|| "-".into()), 5),
                base.patch(overrun_style(over)),
            ),
            Span::styled(format!(" {} ", rcell(&s.decisions.to_string(), 8)), base),
            Span::styled(
                rcell(&s.open_actions.to_string(), 5),
                base.patch(open_style),
            ),
        ])
    }

    fn render_session(&self, area: Rect, buf: &mut Buffer) {
        let Some(o) = &self.opened else {
            return;
        };
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let position = format!("  {}/{}", o.scroll + 1, o.paras.len().max(1));
        Paragraph::new(Line::from(vec![
            Span::styled(o.heading.clone(), style::title()),
            Span::styled(position, style::dim()),
        ]))
        .render(head, buf);
        let chart_rows = o.bars.len() as u16 + 2;
        let (text_area, chart_area) = if area.width >= 110 {
            let [t, c] =
                Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                    .areas(body);
            (t, c)
        } else {
            let h = chart_rows.min(body.height / 2);
            let [c, t] = Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(body);
            (t, c)
        };
        self.render_chart(o, chart_area, buf);
        let first = o.scroll.min(o.paras.len());
        let rows = usize::from(text_area.height);
        let w = usize::from(text_area.width);
        let lines: Vec<Line> = o.paras[first..]
            .iter()
            .flat_map(|p| p.lines(w))
            .take(rows)
            .collect();
        Paragraph::new(lines).render(text_area, buf);
        footer(
            &keymap::footer_pairs(keymap::REVIEW_SESSION, self.lang),
            foot,
        )
        .render(foot, buf);
    }

    fn render_chart(&self, o: &Opened, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let w = usize::from(area.width).saturating_sub(1);
        let label_w = (w / 3).clamp(6, 28);
        let number_w = 12;
        let bar_w = w.saturating_sub(label_w + number_w + 2).max(1);
        let scale = o
            .bars
            .iter()
            .map(|b| b.actual.max(b.planned.unwrap_or(0)))
            .max()
            .unwrap_or(0)
            .max(1);
        let cells = |m: i64| ((m.max(0) as usize * bar_w) as f64 / scale as f64).round() as usize;
        let mut lines = vec![
            Line::styled(self.t(Key::ChartTitle), style::title()),
            Line::styled(self.t(Key::ChartLegend), style::dim()),
        ];
        for b in &o.bars {
            let mut spans = vec![Span::raw(format!("{} ", cell(&b.label, label_w)))];
            if !b.treated {
                spans.push(Span::styled(
                    self.t(Key::NotTreated).to_string(),
                    style::dim(),
                ));
                lines.push(Line::from(spans));
                continue;
            }
            let planned = b.planned.map(cells).unwrap_or(0);
            let actual = cells(b.actual);
            let within = actual.min(planned);
            let over_minutes = b.planned.map(|p| b.actual - p);
            let over = over_minutes.filter(|m| *m > 0);
            let over_cells = if over.is_some() {
                actual.saturating_sub(planned).max(1)
            } else {
                0
            };
            let unused = planned.saturating_sub(actual);
            let within = if b.planned.is_none() { actual } else { within };
            spans.push(Span::styled("█".repeat(within), style::ok()));
            spans.push(Span::styled("▓".repeat(over_cells), style::overrun()));
            spans.push(Span::styled("░".repeat(unused), style::dim()));
            let pad = bar_w.saturating_sub(within + over_cells + unused);
            let numbers = format!(
                "{}/{}",
                b.actual,
                b.planned
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "-".into())
            );
            spans.push(Span::raw(format!("{} {}", " ".repeat(pad), numbers)));
            if let Some(m) = over {
                spans.push(Span::styled(format!(" +{m}"), style::overrun()));
            }
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(area, buf);
    }

    fn render_search(&self, area: Rect, buf: &mut Buffer) {
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let cursor = if self.editing_query { "▏" } else { "" };
        let count = if self.editing_query {
            String::new()
        } else {
            format!("   {} {}", self.hits.len(), self.t(Key::HitsWord))
        };
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{}: ", self.t(Key::SearchPrompt)), style::title()),
                Span::styled(format!("{}{cursor}", clean(&self.query)), style::warning()),
                Span::styled(count, style::dim()),
            ]),
            Line::styled(self.t(Key::SearchHint), style::dim()),
        ])
        .render(head, buf);
        let w = usize::from(area.width);
        let meeting_w = (w / 4).clamp(12, 40);
        let item_w = (w / 5).clamp(8, 30);
        let visible = usize::from(body.height);
        let first = self.hit_selected.saturating_sub(visible.saturating_sub(1));
        let mut lines: Vec<Line> = self
            .hits
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, h)| {
                let session = self.archive.sessions.get(h.session);
                let meeting = session
                    .map(|s| {
                        format!(
                            "{} {}",
                            s.date()
                                .map(|d| format_date(d, self.lang))
                                .unwrap_or_default(),
                            clean(s.title())
                        )
                    })
                    .unwrap_or_default();
                let item = h
                    .item
                    .and_then(|k| session.and_then(|s| s.meeting.agenda.items.get(k)))
                    .map(|it| clean(&it.label()))
                    .unwrap_or_default();
                let text = format!(
                    "{} {} {}",
                    cell(&meeting, meeting_w),
                    cell(&item, item_w),
                    clean(&h.line)
                );
                let st = if i == self.hit_selected && !self.editing_query {
                    style::selected()
                } else {
                    Style::default()
                };
                Line::styled(truncate(&text, w), st)
            })
            .collect();
        if self.hits.is_empty() && !self.editing_query && !self.query.is_empty() {
            lines.push(Line::styled(self.t(Key::NoHits), style::dim()));
        }
        Paragraph::new(lines).render(body, buf);
        footer(
            &keymap::footer_pairs(keymap::REVIEW_SEARCH, self.lang),
            foot,
        )
        .render(foot, buf);
    }

    fn render_stats(&self, area: Rect, buf: &mut Buffer) {
        let Some(st) = &self.stats else {
            return;
        };
        let [body, foot] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let lines = self.stats_lines(st);
        let first = self.stats_scroll.min(lines.len().saturating_sub(1));
        Paragraph::new(lines.into_iter().skip(first).collect::<Vec<_>>()).render(body, buf);
        footer(&keymap::footer_pairs(keymap::REVIEW_STATS, self.lang), foot).render(foot, buf);
    }

    fn stats_lines(&self, st: &SeriesStats) -> Vec<Line<'static>> {
        let t = |k: Key| k.get(self.lang);
        let min = t(Key::Minute);
        let mut lines = vec![
            Line::styled(
                format!("{} {}", t(Key::StatsFor), clean(&st.series)),
                style::title(),
            ),
            Line::raw(""),
            Line::raw(format!("{}: {}", t(Key::MeetingsWord), st.meetings)),
            Line::raw(format!("{}:", t(Key::MeetingsPerMonth))),
        ];
        for (month, n) in &st.per_month {
            lines.push(Line::raw(format!(
                "  {month}  {} {n}",
                "■".repeat((*n).min(40))
            )));
        }
        lines.push(Line::raw(""));
        let avg = st.average_overrun;
        lines.push(Line::from(vec![
            Span::raw(format!("{}: ", t(Key::AverageOverrun))),
            Span::styled(
                avg.map(|d| format!("{} {min}", signed_minutes(d)))
                    .unwrap_or_else(|| "-".into()),
                overrun_style(avg),
            ),
        ]));
        let total = (st.measured > 0).then_some(st.total_overrun);
        lines.push(Line::from(vec![
            Span::raw(format!("{}: ", t(Key::TotalOverrun))),
            Span::styled(
                total
                    .map(|d| format!("{} {min}", signed_minutes(d)))
                    .unwrap_or_else(|| "-".into()),
                overrun_style(total),
            ),
            Span::styled(
                format!(
                    "  ({} {}, {})",
                    st.measured,
                    t(Key::MeetingsWord).to_lowercase(),
                    t(Key::MeasuredOn)
                ),
                style::dim(),
            ),
        ]));
        lines.push(Line::raw(format!(
            "{}: {}",
            t(Key::DecisionShare),
            st.decision_share()
                .map(|s| format!(
                    "{:.0} % ({}/{})",
                    s * 100.0,
                    st.items_with_decision,
                    st.items_treated
                ))
                .unwrap_or_else(|| "-".into())
        )));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}:", t(Key::HabitualOverruns)),
            style::title(),
        ));
        if st.habitual_overruns.is_empty() {
            lines.push(Line::styled(
                format!("  {}", t(Key::NoneWord)),
                style::dim(),
            ));
        }
        for h in &st.habitual_overruns {
            lines.push(Line::from(vec![
                Span::raw(format!("  {}  ", clean(&h.title))),
                Span::styled(
                    format!(
                        "{}/{} {}, {} {min} {}",
                        h.over,
                        h.treated,
                        t(Key::TimesOver),
                        signed_minutes(h.average_over),
                        t(Key::AverageOver)
                    ),
                    style::overrun(),
                ),
            ]));
        }
        if !st.speaking.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{}:", t(Key::SpeakingTimePerPerson)),
                style::title(),
            ));
            for s in &st.speaking {
                lines.push(Line::from(vec![
                    Span::raw(format!("  {}  ", clean(&s.name))),
                    Span::styled(
                        format!(
                            "{} · {} {} · {} {}",
                            super::fmt::duration(s.total),
                            s.turns,
                            t(Key::TurnsWord),
                            s.meetings,
                            t(Key::MeetingsWord).to_lowercase()
                        ),
                        style::dim(),
                    ),
                ]));
            }
        }
        lines
    }
}

/// Runs the review screens until `q`. Waits for terminal events (a one-second cap only to notice
/// SIGTERM/SIGHUP); draws only after one arrived.
pub fn run(view: &mut ReviewView) -> io::Result<()> {
    let mut tui = super::terminal::Tui::enter()?;
    let input = super::input::Input::spawn();
    tui.draw(|f| f.render_widget(&*view, f.area()))?;
    while !view.quit && !tui.stop_requested() {
        let Some(ev) = input.next(StdDuration::from_secs(1))? else {
            continue;
        };
        let changed = match ev {
            TermEvent::Key(key) if super::app::is_press(&key) => {
                view.on_key(key);
                true
            }
            TermEvent::Paste(text) => {
                view.on_paste(&text);
                true
            }
            TermEvent::Resize(..) => true,
            TermEvent::Key(_)
            | TermEvent::Mouse(_)
            | TermEvent::FocusGained
            | TermEvent::FocusLost => false,
        };
        if changed && !view.quit {
            tui.draw(|f| f.render_widget(&*view, f.area()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_minutes_always_carry_a_sign() {
        assert_eq!(signed_minutes(Duration::minutes(7)), "+7");
        assert_eq!(signed_minutes(Duration::minutes(-3)), "-3");
        assert_eq!(signed_minutes(Duration::seconds(20)), "±0");
    }

    #[test]
    fn cells_pad_and_cut_by_display_width() {
        assert_eq!(cell("Møde", 6), "Møde  ");
        assert_eq!(cell("Centerledermøde", 6), "Cente…");
        assert_eq!(rcell("12", 4), "  12");
        assert_eq!(width(&cell("日本語", 5)), 5);
    }
}
