//! Measures the live screen as a user feels it, on the real binary in a pseudo-terminal:
//! launch to first frame, keystroke to screen, CPU and terminal bytes while the timer runs idle.
//!
//! `cargo bench --bench live_idle` (set REFERENT_IDLE_SECS to change the idle minute).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    let idle_secs: u64 = std::env::var("REFERENT_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let bin = env!("CARGO_BIN_EXE_referent");
    let sessions = tempfile::tempdir().expect("temp dir");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args([
        "--sessions-dir",
        sessions.path().to_str().unwrap_or("."),
        "run",
    ]);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZero::new(30).expect("nonzero"),
        std::num::NonZero::new(100).expect("nonzero"),
        0,
    )));
    let bytes = Arc::new(AtomicUsize::new(0));
    let (s2, b2) = (Arc::clone(&screen), Arc::clone(&bytes));
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            b2.fetch_add(n, Ordering::Relaxed);
            if let Ok(mut p) = s2.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    let wait_for = |text: &str| -> Duration {
        let t0 = Instant::now();
        loop {
            if screen
                .lock()
                .map(|p| p.screen().contents().contains(text))
                .unwrap_or(false)
            {
                return t0.elapsed();
            }
            assert!(t0.elapsed() < Duration::from_secs(30), "never saw {text}");
            std::thread::sleep(Duration::from_micros(200));
        }
    };
    wait_for("Punkt 1");
    let first_frame = start.elapsed();

    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("write");
        writer.flush().expect("flush");
    };
    send(" ");
    wait_for("KØRER");
    // Keystroke to screen: open the note form and type a word, timed per key.
    send("c");
    wait_for("Noter");
    send("xq");
    wait_for("xq");
    // A word that appears nowhere else on screen, so each prefix shows only once typed.
    let word = "xqzjwvkyxq";
    let mut key_times = vec![];
    for (i, c) in word.chars().enumerate().skip(2) {
        let t0 = Instant::now();
        send(&c.to_string());
        let typed: String = word.chars().take(i + 1).collect();
        wait_for(&typed);
        key_times.push(t0.elapsed());
    }
    send("\r");
    wait_for("Gemt");
    // A key that is journaled (fsync) before the screen changes: pause, then resume.
    let t0 = Instant::now();
    send(" ");
    wait_for("PAUSE");
    let journaled = t0.elapsed();
    send(" ");
    wait_for("KØRER");
    std::thread::sleep(Duration::from_millis(300));

    let pid = child.process_id().expect("pid");
    let cpu_before = cpu_ticks(pid);
    let bytes_before = bytes.load(Ordering::Relaxed);
    std::thread::sleep(Duration::from_secs(idle_secs));
    let cpu_after = cpu_ticks(pid);
    let idle_bytes = bytes.load(Ordering::Relaxed) - bytes_before;
    let ticks_per_sec = 100.0; // USER_HZ on Linux
    let cpu_secs = (cpu_after - cpu_before) as f64 / ticks_per_sec;

    send("q");
    send("y");
    let _ = child.wait();

    key_times.sort();
    println!(
        "launch to first frame:      {:>8.1} ms",
        first_frame.as_secs_f64() * 1000.0
    );
    println!(
        "keystroke to screen:        median {:.2} ms, worst {:.2} ms (n={})",
        key_times[key_times.len() / 2].as_secs_f64() * 1000.0,
        key_times[key_times.len() - 1].as_secs_f64() * 1000.0,
        key_times.len()
    );
    println!(
        "journaled key to screen:    {:.2} ms (pause, fsync included)",
        journaled.as_secs_f64() * 1000.0
    );
    println!(
        "idle CPU over {idle_secs} s:        {:.3} s = {:.3}% of a core",
        cpu_secs,
        cpu_secs / idle_secs as f64 * 100.0
    );
    println!(
        "terminal bytes while idle:  {} bytes = {:.0} bytes/s",
        idle_bytes,
        idle_bytes as f64 / idle_secs as f64
    );
}

/// utime + stime of a process, in clock ticks, from /proc.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get(11) + get(12)
}
