//! Terminal lifecycle: raw mode and the alternate screen on entry, always restored on exit,
//! on panic (ratatui's hook) and on SIGTERM / SIGHUP / SIGINT (flags checked by the loops). A terminal
//! that has gone away (hung up) is left alone: there is nothing left to restore.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::{DefaultTerminal, Frame};

use super::input::terminal_alive;

/// An entered terminal; dropping it restores the terminal.
pub struct Tui {
    /// Always `Some` until drop, which takes it out to restore or, on a dead terminal, to leak
    /// it: dropping it there would write (and panic) on a dead stderr.
    terminal: Option<DefaultTerminal>,
    stop: Arc<AtomicBool>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, with bracketed paste.
    pub fn enter() -> io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in stop_signals() {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let terminal = ratatui::try_init().inspect_err(|_| {
            // Half entered (raw mode on, no alternate screen): undo what was done.
            let _ = ratatui::try_restore();
        })?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Tui {
            terminal: Some(terminal),
            stop,
        })
    }

    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        if let Some(t) = self.terminal.as_mut() {
            t.draw(render)?;
        }
        Ok(())
    }

    /// Whether a signal asked the program to stop, or the terminal went away.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || !terminal_alive()
    }
}

/// The signals that end a screen: the terminal stays usable and the journal keeps what was saved.
fn stop_signals() -> Vec<i32> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        vec![SIGTERM, SIGHUP, SIGINT]
    }
    #[cfg(not(unix))]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        vec![SIGTERM, SIGINT]
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let Some(terminal) = self.terminal.take() else {
            return;
        };
        if !terminal_alive() {
            std::mem::forget(terminal);
            return;
        }
        drop(terminal);
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        let _ = io::stdout().flush();
    }
}
