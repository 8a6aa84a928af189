//! Terminal lifecycle: raw mode and the alternate screen on entry, always restored on exit,
//! on panic (ratatui's hook) and on SIGTERM / SIGHUP (flags checked by the loops).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

/// An entered terminal; dropping it restores the terminal.
pub struct Tui {
    pub terminal: DefaultTerminal,
    stop: Arc<AtomicBool>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, with bracketed paste.
    pub fn enter() -> io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let terminal = ratatui::try_init()?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Tui { terminal, stop })
    }

    /// Whether a signal asked the program to stop.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        let _ = io::stdout().flush();
    }
}
