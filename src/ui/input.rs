//! Terminal input on its own thread, and whether the terminal is still there.
//!
//! crossterm 0.29's event reader never returns once its terminal is gone: a hung-up tty stays
//! readable while `read` gives 0 bytes or EIO, and its read loop retries at once, forever, even
//! inside `poll` with a timeout (crossterm issue #793). A loop that waits in `event::poll` would
//! then burn a core and never see SIGHUP. Reading on a thread keeps the loop free: it waits on a
//! channel with its own timeout, checks its signal flags and [`terminal_alive`], and returns; a
//! reader stuck on a dead terminal ends with the process.

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Terminal events, read on a thread of their own.
pub struct Input {
    rx: Receiver<(io::Result<Event>, bool)>,
}

impl Input {
    pub fn spawn() -> Self {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Whether the event was already waiting when the one before it was read: the keys
            // of a paste come in one read, a person's keys one by one.
            let mut queued = false;
            loop {
                let ev = event::read().map(suspend_on_ctrl_z);
                let failed = ev.is_err();
                if tx.send((ev, queued)).is_err() || failed {
                    break;
                }
                queued = event::poll(Duration::ZERO).unwrap_or(false);
            }
        });
        Input { rx }
    }

    /// The next event, waiting at most `timeout`; `None` when the time is up.
    pub fn next(&self, timeout: Duration) -> io::Result<Option<Event>> {
        Ok(self.next_queued(timeout)?.map(|(ev, _)| ev))
    }

    /// The next event, and whether it was already waiting behind the one before (a burst).
    pub fn next_queued(&self, timeout: Duration) -> io::Result<Option<(Event, bool)>> {
        match self.rx.recv_timeout(timeout) {
            Ok((Ok(ev), queued)) => Ok(Some((ev, queued))),
            Ok((Err(e), _)) => Err(e),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal's input has ended",
            )),
        }
    }
}

/// Raw mode turns Ctrl-Z into a key: it becomes SIGTSTP, as in a shell, and the screen's loop
/// (woken by a harmless event in its place) stops the program the way it does for any SIGTSTP.
fn suspend_on_ctrl_z(ev: Event) -> Event {
    let ctrl_z = |key: &KeyEvent| {
        key.code == KeyCode::Char('z')
            && key.modifiers.contains(KeyModifiers::CONTROL)
            && key.kind == KeyEventKind::Press
    };
    if let Event::Key(key) = &ev
        && ctrl_z(key)
    {
        #[cfg(unix)]
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        return Event::FocusGained;
    }
    ev
}

/// Whether stdout is still a terminal: one ioctl, false once the terminal was hung up (closed
/// window, dropped ssh link, killed tmux pane).
pub fn terminal_alive() -> bool {
    io::stdout().is_terminal()
}
