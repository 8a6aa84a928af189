//! The live meeting's loop: wait for a key or the next visible second, update, draw if needed.

use std::io;
use std::time::Duration as StdDuration;

use chrono::{Timelike, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::Event as TermEvent;
use ratatui::widgets::Paragraph;

use super::app::{App, Confirm, Mode, View, is_press};
use super::editor::EditorView;
use super::form::{frame, popup};
use super::help::Help;
use super::input::Input;
use super::live::LiveView;
use super::projector::ProjectorView;
use super::style;
use super::terminal::Tui;
use crate::i18n::Key;
use crate::session::state::Phase;
use crate::session::{Clock, Time};

/// Runs the meeting screen until the user finishes the meeting or a signal stops the program.
pub fn run(app: &mut App, clock: &dyn Clock) -> io::Result<()> {
    let mut tui = Tui::enter()?;
    let input = Input::spawn();
    let mut shown: Option<Tick> = None;
    let mut dirty = true;
    while !app.quit && !tui.stop_requested() {
        let now = whole_second(clock.now());
        let tick = Tick::of(app, now);
        if dirty || shown != Some(tick) {
            tui.draw(|f| draw(f, app, now))?;
            shown = Some(tick);
            dirty = false;
        }
        // Input comes from a thread: a terminal that goes away cannot trap this loop.
        if let Some((ev, queued)) = input.next_queued(until_next_tick(app, clock.now()))? {
            dirty |= handle(app, ev, queued, clock.now());
        }
    }
    Ok(())
}

/// Journal times are whole seconds; showing "now" the same way keeps elapsed and remaining
/// adding up to the planned time on screen.
fn whole_second(t: Time) -> Time {
    t.with_nanosecond(0).unwrap_or(t)
}

/// Applies one terminal event; returns whether the screen may have changed.
fn handle(app: &mut App, ev: TermEvent, queued: bool, now: Time) -> bool {
    match ev {
        TermEvent::Key(key) if is_press(&key) => {
            // A failed write is shown in the status line; the loop goes on.
            let _ = app.on_typed_key(key, queued, now);
            true
        }
        TermEvent::Paste(text) => {
            app.on_paste(&text);
            true
        }
        TermEvent::Resize(..) => true,
        TermEvent::Key(_) | TermEvent::Mouse(_) | TermEvent::FocusGained | TermEvent::FocusLost => {
            false
        }
    }
}

/// What the clock shows: seconds while the meeting runs or pauses, minutes otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tick(i64);

impl Tick {
    fn of(app: &App, now: Time) -> Tick {
        let secs = now.timestamp();
        Tick(if ticks_every_second(app) {
            secs
        } else {
            secs / 60
        })
    }
}

fn ticks_every_second(app: &App) -> bool {
    // The header clock shows seconds at all times on the live screen.
    app.view == View::Live || matches!(app.meeting().phase, Phase::Running | Phase::Paused)
}

/// Time until the displayed second (or minute) changes. Capped at a second so that a stop
/// signal is noticed promptly; waking without a change draws nothing.
fn until_next_tick(app: &App, now: Time) -> StdDuration {
    let ms_into_second = u64::from(now.with_timezone(&Utc).nanosecond() / 1_000_000).min(999);
    let ms = if ticks_every_second(app) {
        1000 - ms_into_second
    } else {
        (60 - u64::from(now.second())) * 1000 - ms_into_second
    };
    StdDuration::from_millis(ms.clamp(1, 1000))
}

/// Draws the current view and any overlay.
pub fn draw(f: &mut Frame, app: &App, now: Time) {
    let area = f.area();
    match app.view {
        View::Live => match &app.editor {
            Some(editor) => f.render_widget(&EditorView { app, editor, now }, area),
            None => f.render_widget(&LiveView { app, now }, area),
        },
        View::Projector => f.render_widget(
            &ProjectorView {
                meeting: app.meeting(),
                now,
                theme: &app.theme,
                full: app.full,
                lang: app.lang,
                notice: app.write_error.as_deref().or(app.status.as_deref()),
            },
            area,
        ),
    }
    let buf = f.buffer_mut();
    let lang = app.lang;
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => ratatui::widgets::Widget::render(
            &Help {
                lang,
                editor: app.editor.is_some() && app.view == View::Live,
            },
            area,
            buf,
        ),
        Mode::Menu(menu) => menu.render(area, buf, lang),
        Mode::Form(form) => form.render(area, buf, lang),
        Mode::Speakers(selected) => {
            super::speakers::render_dialog(app.meeting(), lang, now, *selected, area, buf);
        }
        Mode::Confirm(question) => {
            let text = match question {
                Confirm::Quit if app.meeting().phase == Phase::NotStarted => {
                    Key::ConfirmQuitUnstarted.get(lang).to_string()
                }
                Confirm::Quit => Key::ConfirmQuit.get(lang).to_string(),
                Confirm::Discard(form) => {
                    form.render(area, buf, lang);
                    Key::ConfirmDiscard.get(lang).to_string()
                }
                Confirm::RemoveItem { what, .. } => {
                    format!("{} «{what}»? (y/n)", Key::ConfirmRemoveItem.get(lang))
                }
                Confirm::Delete { what, .. } => {
                    format!(
                        "{} «{what}»? {}",
                        Key::ConfirmDelete.get(lang),
                        Key::YesNo.get(lang)
                    )
                }
                Confirm::Held(keys) => format!("{} «{}»", Key::HeldKeys.get(lang), typed(keys)),
            };
            confirm(area, buf, &text, lang);
        }
    }
}

/// Held keys as the characters they would type.
fn typed(keys: &[ratatui::crossterm::event::KeyEvent]) -> String {
    use ratatui::crossterm::event::KeyCode;
    let text: String = keys
        .iter()
        .filter_map(|k| {
            if let KeyCode::Char(c) = k.code {
                Some(c)
            } else {
                (k.code == KeyCode::Enter).then_some('⏎')
            }
        })
        .collect();
    crate::textutil::truncate(&crate::textutil::clean(&text), 40)
}

fn confirm(
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
    text: &str,
    lang: crate::i18n::Lang,
) {
    let w = (crate::textutil::width(text) as u16 + 4).min(area.width.saturating_sub(2));
    let rect = popup(area, w, 3);
    let inner = frame(rect, buf, crate::i18n::Key::ConfirmTitle.get(lang));
    ratatui::widgets::Widget::render(Paragraph::new(text).style(style::warning()), inner, buf);
}
