//! The real binary in a pseudo-terminal, its screen parsed with vt100.
//!
//! Waiting is for output (read the pty in short slices until the screen shows what is expected,
//! with a deadline); nothing here asserts how long anything took.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    rx: Receiver<Vec<u8>>,
    /// Everything the program wrote, as bytes.
    pub raw: Vec<u8>,
    pub parser: vt100::Parser,
    master: Option<Box<dyn MasterPty + Send>>,
    closed: Arc<AtomicBool>,
}

impl Pty {
    /// Starts the referent binary with `args` in a `cols` x `rows` terminal.
    pub fn spawn(bin: &str, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // No locale of the machine's: what is not the agenda's language is English.
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        // Our copy of the slave must go, or reading the master never ends.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        let closed = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&closed);
        // The reader holds a copy of the master: on hang-up it stops after its next read, and
        // dropping it closes the terminal for good.
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if stop.load(Ordering::Relaxed) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Pty {
            child,
            writer: Some(writer),
            rx,
            raw: vec![],
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            master: Some(pair.master),
            closed,
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Reads what arrives within `wait`; returns the number of bytes, or None once the
    /// program's side of the terminal is closed.
    pub fn pump(&mut self, wait: Duration) -> Option<usize> {
        let mut n = 0;
        let mut wait = wait;
        loop {
            match self.rx.recv_timeout(wait) {
                Ok(bytes) => {
                    n += bytes.len();
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                    wait = Duration::ZERO;
                }
                Err(RecvTimeoutError::Timeout) => return Some(n),
                Err(RecvTimeoutError::Disconnected) => return (n > 0).then_some(n),
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads until `ok(screen)` holds; panics with the screen when `deadline` passes first.
    pub fn wait_until(&mut self, what: &str, deadline: Duration, ok: impl Fn(&str) -> bool) {
        let end = Instant::now() + deadline;
        loop {
            if ok(&self.screen()) {
                return;
            }
            if Instant::now() > end {
                panic!(
                    "gave up waiting for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            self.pump(Duration::from_millis(5));
        }
    }

    /// Reads until the screen contains `text`, and returns the screen.
    pub fn wait_for(&mut self, text: &str) -> String {
        let t = text.to_string();
        self.wait_until(text, PATIENCE, move |s| s.contains(&t));
        self.screen()
    }

    /// Reads until the screen no longer contains `text`.
    pub fn wait_gone(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_until(&format!("{text:?} to go"), PATIENCE, move |s| {
            !s.contains(&t)
        });
    }

    /// Types `text` and waits until its last word shows.
    pub fn type_text(&mut self, text: &str) {
        self.send(text);
        let last = text.split_whitespace().last().unwrap_or(text).to_string();
        self.wait_for(&last);
    }

    /// Kills the program the way a power cut would: no chance to clean up.
    pub fn kill_9(&mut self) {
        let pid = self.pid().expect("pid").to_string();
        let status = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status();
        assert!(status.expect("run kill").success());
        self.wait_exit(PATIENCE);
    }

    /// Resizes the terminal; what was drawn before is parsed at the old size first.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.pump(Duration::from_millis(20));
        self.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        if let Some(master) = &self.master {
            master
                .resize(PtySize {
                    rows,
                    cols,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("resize the pty");
        }
    }

    /// Reads until a line of the screen starts with `prefix`.
    pub fn wait_for_line(&mut self, prefix: &str) {
        let p = prefix.to_string();
        self.wait_until(prefix, Duration::from_secs(15), move |s| {
            s.lines().any(|l| l.trim_start().starts_with(&p))
        });
    }

    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush keys");
    }

    /// Closes our side of the terminal, as a closed terminal window or a dropped ssh link does.
    /// The terminal is fully closed once the program writes again (the reader then lets go).
    pub fn hang_up(&mut self) {
        self.closed.store(true, Ordering::Relaxed);
        self.writer = None;
        self.master = None;
    }

    /// Reads until the program has exited and its output has ended.
    pub fn wait_exit(&mut self, deadline: Duration) -> portable_pty::ExitStatus {
        let end = Instant::now() + deadline;
        loop {
            let open = self.pump(Duration::from_millis(5)).is_some();
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Read until the reader sees the pty close, so the last bytes are not lost
                // on a busy machine; a grace period bounds it.
                let grace = Instant::now() + Duration::from_secs(5);
                while self.pump(Duration::from_millis(50)).is_some() && Instant::now() < grace {}
                return status;
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!(
                    "the program did not exit (output open: {open}); screen:\n{}",
                    self.screen()
                );
            }
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}
