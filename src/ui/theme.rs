//! Colours and text styles for the screens: dark, light and high-contrast palettes, and a
//! colourless variant for `NO_COLOR` that keeps only bold / reversed / dim.
//!
//! The timer's three states (calm, warning, overrun) are never told apart by colour alone:
//! screens also show an overrun with a `+` sign and a word.

use chrono::Duration;
use ratatui::style::{Color, Modifier, Style};

/// The palettes a user can pick with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

/// Where an item's timer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimerState {
    Calm,
    /// Two minutes left, or 20% of a slot shorter than ten minutes.
    Warning,
    /// Past the planned time.
    Overrun,
}

/// The timer state for `remaining` of a `planned` slot: overrun below zero; warning from two
/// minutes left, or from 20% of the slot when that is less (a slot under ten minutes).
pub fn timer_state(remaining: Duration, planned: Duration) -> TimerState {
    if remaining < Duration::zero() {
        return TimerState::Overrun;
    }
    let fifth = Duration::milliseconds(planned.num_milliseconds().max(0) / 5);
    let threshold = fifth.min(Duration::minutes(2));
    if remaining <= threshold {
        TimerState::Warning
    } else {
        TimerState::Calm
    }
}

/// A palette. Without colour (`NO_COLOR`) every colour is dropped and only modifiers remain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub colour: bool,
    palette: Palette,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Palette {
    fg: Color,
    bg: Color,
    dim: Color,
    accent: Color,
    calm: Color,
    warning: Color,
    overrun: Color,
    done: Color,
    selected_fg: Color,
    selected_bg: Color,
}

impl Theme {
    /// White on black, calm in cyan, warning in yellow, overrun in light red.
    pub fn dark() -> Self {
        Self::new(ThemeName::Dark, true)
    }

    /// Black on white, with darker tones that stay readable on a bright wall.
    pub fn light() -> Self {
        Self::new(ThemeName::Light, true)
    }

    /// Bright white on black and saturated signal colours, all bold.
    pub fn high_contrast() -> Self {
        Self::new(ThemeName::HighContrast, true)
    }

    /// No colours at all, only bold / reversed / dim.
    pub fn plain() -> Self {
        Self::new(ThemeName::Dark, false)
    }

    pub fn new(name: ThemeName, colour: bool) -> Self {
        Theme {
            name,
            colour,
            palette: palette(name),
        }
    }

    /// The named palette, without colour when `NO_COLOR` is set to anything non-empty
    /// (<https://no-color.org>).
    pub fn from_env(name: ThemeName) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::new(name, !no_color)
    }

    fn style(&self, fg: Color, bg: Option<Color>, modifier: Modifier) -> Style {
        let style = Style::new().add_modifier(modifier);
        if !self.colour {
            return style;
        }
        let style = style.fg(fg);
        match bg {
            Some(bg) => style.bg(bg),
            None => style,
        }
    }

    fn bold(&self) -> Modifier {
        if self.name == ThemeName::HighContrast {
            Modifier::BOLD
        } else {
            Modifier::empty()
        }
    }

    /// Body text, with the palette's background: fill a screen with it before drawing on it.
    pub fn normal(&self) -> Style {
        let p = &self.palette;
        self.style(p.fg, Some(p.bg), self.bold())
    }

    /// Secondary text: planned times, hints.
    pub fn dim(&self) -> Style {
        if !self.colour {
            return Style::new().add_modifier(Modifier::DIM);
        }
        self.style(self.palette.dim, None, Modifier::empty())
    }

    /// What the eye should find first after the timer: the current item.
    pub fn accent(&self) -> Style {
        self.style(self.palette.accent, None, Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.style(self.palette.warning, None, Modifier::BOLD)
    }

    /// Overrun: without colour it is reversed, so it still stands out.
    pub fn overrun(&self) -> Style {
        let m = if self.colour {
            Modifier::BOLD
        } else {
            Modifier::BOLD | Modifier::REVERSED
        };
        self.style(self.palette.overrun, None, m)
    }

    /// Items that are over (done, skipped, deferred).
    pub fn done(&self) -> Style {
        if !self.colour {
            return Style::new().add_modifier(Modifier::DIM);
        }
        self.style(self.palette.done, None, Modifier::empty())
    }

    pub fn title(&self) -> Style {
        self.style(self.palette.fg, None, Modifier::BOLD)
    }

    /// The highlighted row of a list or menu.
    pub fn selected(&self) -> Style {
        let p = &self.palette;
        if !self.colour {
            return Style::new().add_modifier(Modifier::REVERSED);
        }
        self.style(p.selected_fg, Some(p.selected_bg), Modifier::BOLD)
    }

    /// The timer digits in each state.
    pub fn timer(&self, state: TimerState) -> Style {
        match state {
            TimerState::Calm => self.style(self.palette.calm, None, Modifier::BOLD),
            TimerState::Warning => self.warning(),
            TimerState::Overrun => self.overrun(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

fn palette(name: ThemeName) -> Palette {
    match name {
        ThemeName::Dark => Palette {
            fg: Color::Gray,
            bg: Color::Black,
            dim: Color::DarkGray,
            accent: Color::White,
            calm: Color::Cyan,
            warning: Color::Yellow,
            overrun: Color::LightRed,
            done: Color::DarkGray,
            selected_fg: Color::Black,
            selected_bg: Color::Cyan,
        },
        // Yellow is unreadable on white: warning is a dark orange from the 256-colour table.
        ThemeName::Light => Palette {
            fg: Color::Black,
            bg: Color::White,
            dim: Color::Indexed(242),
            accent: Color::Black,
            calm: Color::Blue,
            warning: Color::Indexed(130),
            overrun: Color::Red,
            done: Color::Indexed(245),
            selected_fg: Color::White,
            selected_bg: Color::Blue,
        },
        ThemeName::HighContrast => Palette {
            fg: Color::White,
            bg: Color::Black,
            dim: Color::Gray,
            accent: Color::White,
            calm: Color::White,
            warning: Color::LightYellow,
            overrun: Color::LightRed,
            done: Color::Gray,
            selected_fg: Color::Black,
            selected_bg: Color::LightYellow,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mins(m: i64) -> Duration {
        Duration::minutes(m)
    }

    #[test]
    fn long_slot_warns_at_two_minutes() {
        let planned = mins(20);
        assert_eq!(timer_state(mins(10), planned), TimerState::Calm);
        assert_eq!(
            timer_state(mins(2) + Duration::seconds(1), planned),
            TimerState::Calm
        );
        assert_eq!(timer_state(mins(2), planned), TimerState::Warning);
        assert_eq!(timer_state(Duration::zero(), planned), TimerState::Warning);
        assert_eq!(
            timer_state(Duration::seconds(-1), planned),
            TimerState::Overrun
        );
    }

    #[test]
    fn short_slot_warns_at_a_fifth() {
        // 5 minutes: a fifth is one minute, earlier than two minutes would be.
        let planned = mins(5);
        assert_eq!(timer_state(mins(2), planned), TimerState::Calm);
        assert_eq!(
            timer_state(Duration::seconds(61), planned),
            TimerState::Calm
        );
        assert_eq!(timer_state(mins(1), planned), TimerState::Warning);
        // Ten minutes and up: two minutes.
        assert_eq!(timer_state(mins(2), mins(10)), TimerState::Warning);
        assert_eq!(
            timer_state(Duration::seconds(121), mins(10)),
            TimerState::Calm
        );
    }

    #[test]
    fn empty_slot_is_warning_then_overrun() {
        assert_eq!(
            timer_state(Duration::zero(), Duration::zero()),
            TimerState::Warning
        );
        assert_eq!(
            timer_state(Duration::seconds(-5), Duration::zero()),
            TimerState::Overrun
        );
    }

    #[test]
    fn no_colour_keeps_only_modifiers() {
        let t = Theme::new(ThemeName::Light, false);
        for style in [
            t.normal(),
            t.dim(),
            t.accent(),
            t.warning(),
            t.overrun(),
            t.done(),
            t.title(),
            t.selected(),
            t.timer(TimerState::Calm),
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(t.overrun().add_modifier.contains(Modifier::REVERSED));
        assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_three_timer_states_differ_in_every_palette() {
        for t in [
            Theme::dark(),
            Theme::light(),
            Theme::high_contrast(),
            Theme::plain(),
        ] {
            let calm = t.timer(TimerState::Calm);
            let warn = t.timer(TimerState::Warning);
            let over = t.timer(TimerState::Overrun);
            assert_ne!(calm, over, "{:?}", t.name);
            if t.colour {
                assert_ne!(calm, warn, "{:?}", t.name);
                assert_ne!(warn, over, "{:?}", t.name);
            }
        }
    }
}
