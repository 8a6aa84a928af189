//! A pseudo-terminal harness: run the real binary at a fixed size, type keys, read the screen.

#![allow(dead_code)]

pub mod pty;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, for checks on escape sequences.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

impl Pty {
    pub fn spawn(args: &[&str], cwd: &Path, env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_referent"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn referent");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types text one key at a time and waits until the screen has taken each in.
    pub fn type_text(&mut self, text: &str) {
        self.send(text);
        let last_word = text.split_whitespace().last().unwrap_or(text).to_string();
        self.wait_for(&last_word);
    }

    /// Waits until the screen contains `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("screen never showed {text:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{text:?} never went away:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "program did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the program the way a power cut would: no chance to clean up.
    pub fn kill_9(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_exit();
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        // Hold the parser while the pty changes size, so no frame drawn for the new size is
        // parsed at the old one.
        let mut parser = self.parser.lock().unwrap();
        parser.screen_mut().set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        drop(parser);
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n.max(1)).unwrap()
}

impl Drop for Pty {
    /// A test that fails half-way must not leave the program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
