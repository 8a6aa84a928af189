//! Terminal lifecycle: raw mode and the alternate screen on entry, always restored on exit, on
//! panic (ratatui's hook) and on every signal that ends the program (SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT, SIGUSR1: flags checked by the loops). Stop and continue work like in other terminal
//! programs: SIGTSTP (or Ctrl-Z, which raw mode delivers as a key) restores the terminal and
//! stops; on SIGCONT raw mode and the alternate screen come back and the last frame is drawn
//! again. A terminal that has gone away (hung up) is left alone: there is nothing to restore.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame};

use super::input::terminal_alive;

/// Fails with one clear line when stdin or stdout is not a terminal, before anything is written
/// to either: a screen program in a pipe would only print escape sequences or an OS error.
pub fn require(command: &str, lang: crate::i18n::Lang) -> io::Result<()> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        return Ok(());
    }
    Err(io::Error::other(
        crate::i18n::Key::NeedsTerminal
            .get(lang)
            .replace("{command}", command),
    ))
}

/// Asks a yes/no question on the terminal before any screen starts, answered by one key without
/// Enter: `j`, `y` or Enter say yes (the default), `n`, Esc or Ctrl-C say no. `question` ends
/// with its own `[J/n]`; the answer is echoed so the line reads as it was answered.
pub fn ask_yes(question: &str, lang: crate::i18n::Lang) -> io::Result<bool> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut out = io::stdout();
    write!(out, "{question} ")?;
    out.flush()?;
    enable_raw_mode()?;
    let answer = loop {
        let key = match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => key,
            Ok(_) => continue,
            Err(e) => {
                let _ = disable_raw_mode();
                return Err(e);
            }
        };
        let ctrl_c =
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        if ctrl_c || matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc) {
            break false;
        }
        if matches!(
            key.code,
            KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter
        ) {
            break true;
        }
    };
    disable_raw_mode()?;
    let word = if answer {
        crate::i18n::Key::BindYes
    } else {
        crate::i18n::Key::BindNo
    };
    writeln!(out, "{}", word.get(lang))?;
    Ok(answer)
}

/// An entered terminal; dropping it restores the terminal.
pub struct Tui {
    /// Always `Some` until drop, which takes it out to restore or, on a dead terminal, to leak
    /// it: dropping it there would write (and panic) on a dead stderr.
    terminal: Option<DefaultTerminal>,
    flags: Flags,
    /// What the last draw showed, to show it again after a stop.
    last_frame: Option<Buffer>,
}

/// Set from signal handlers, read by the loop.
#[derive(Default)]
struct Flags {
    stop: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, with bracketed paste.
    pub fn enter() -> io::Result<Self> {
        // Each command says so first, in its words; this keeps any screen out of a pipe.
        require("the screen", crate::i18n::Lang::En)?;
        let flags = Flags::default();
        register(&flags)?;
        let terminal = ratatui::try_init().inspect_err(|_| {
            // Half entered (raw mode on, no alternate screen): undo what was done.
            let _ = ratatui::try_restore();
        })?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Tui {
            terminal: Some(terminal),
            flags,
            last_frame: None,
        })
    }

    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        if let Some(t) = self.terminal.as_mut() {
            let done = t.draw(render)?;
            self.last_frame = Some(done.buffer.clone());
        }
        Ok(())
    }

    /// Whether a signal asked the program to stop, or the terminal went away. A request to
    /// suspend (SIGTSTP, Ctrl-Z) is carried out here: the call returns once the program has
    /// been continued and the screen is back.
    pub fn stop_requested(&mut self) -> bool {
        if self.flags.suspend.swap(false, Ordering::Relaxed) && terminal_alive() {
            self.suspend();
        }
        if self.flags.continued.swap(false, Ordering::Relaxed) && terminal_alive() {
            // Continued after a stop we did not see (SIGSTOP): the shell may have drawn over us.
            let _ = self.reenter();
        }
        self.flags.stop.load(Ordering::Relaxed) || !terminal_alive()
    }

    /// Hands the terminal back to the shell, stops, and takes it again when continued.
    fn suspend(&mut self) {
        let _ = self.leave();
        #[cfg(unix)]
        {
            // SIGSTOP cannot be caught: the process stops here until SIGCONT.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        }
        self.flags.continued.store(false, Ordering::Relaxed);
        let _ = self.reenter();
    }

    fn leave(&mut self) -> io::Result<()> {
        if let Some(t) = self.terminal.as_mut() {
            let _ = t.show_cursor();
        }
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        disable_raw_mode()?;
        execute!(io::stdout(), LeaveAlternateScreen)?;
        io::stdout().flush()
    }

    /// Raw mode and the alternate screen again, and the last frame drawn in full.
    fn reenter(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        let Some(t) = self.terminal.as_mut() else {
            return Ok(());
        };
        t.hide_cursor()?;
        // Not `clear()`: it asks the terminal where the cursor is, and the answer would go to
        // the input thread. A resize clears the screen and forgets what was drawn just as well.
        let size = t.size()?;
        t.resize(Rect::new(0, 0, size.width, size.height))?;
        if let Some(last) = &self.last_frame {
            t.draw(|f| {
                // A resize while stopped brings its own event and a fresh frame.
                if f.area() == last.area {
                    *f.buffer_mut() = last.clone();
                }
            })?;
        }
        Ok(())
    }
}

/// Connects the signals to the flags. Ctrl-Z arrives as a key in raw mode: the input thread
/// turns it into SIGTSTP (see `input.rs`), so both take the same way.
fn register(flags: &Flags) -> io::Result<()> {
    for signal in stop_signals() {
        signal_hook::flag::register(signal, Arc::clone(&flags.stop))?;
    }
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGTSTP};
        signal_hook::flag::register(SIGTSTP, Arc::clone(&flags.suspend))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&flags.continued))?;
    }
    Ok(())
}

/// The signals that end a screen: the terminal stays usable and the journal keeps what was saved.
fn stop_signals() -> Vec<i32> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1};
        vec![SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1]
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
