//! Styles of the minute-taker's and review screens, from the same [`Theme`] as the projector,
//! so that `--theme` and `NO_COLOR` apply to every screen. The theme is chosen once at start-up
//! (before the first frame) and only read while drawing.

use std::sync::OnceLock;

use ratatui::style::Style;

use super::theme::{Theme, ThemeName, TimerState};

static THEME: OnceLock<Theme> = OnceLock::new();

/// Chooses the theme for the rest of the program; a second call changes nothing.
pub fn set_theme(theme: Theme) {
    let _ = THEME.set(theme);
}

/// The chosen theme, or the dark one (without colour under `NO_COLOR`).
pub fn theme() -> &'static Theme {
    THEME.get_or_init(|| Theme::from_env(ThemeName::Dark))
}

pub fn dim() -> Style {
    theme().dim()
}

pub fn selected() -> Style {
    theme().selected()
}

pub fn warning() -> Style {
    theme().warning()
}

pub fn overrun() -> Style {
    theme().overrun()
}

/// On schedule: the calm timer colour.
pub fn ok() -> Style {
    theme().timer(TimerState::Calm)
}

pub fn title() -> Style {
    theme().title()
}
