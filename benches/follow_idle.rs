//! What `referent follow` costs while nothing happens, and how fast it shows a change.
//!
//! Runs the release binary in a pseudo-terminal, following a running session whose timer ticks,
//! and reports:
//! - CPU time of the follower over the idle window (utime + stime from /proc/<pid>/stat),
//! - bytes it wrote to the terminal per second over that window,
//! - the delay from a journal record being written to the screen showing it.
//!
//! `cargo bench --bench follow_idle`; FOLLOW_IDLE_SECS sets the idle window (default 60).
//! Linux only (it reads /proc).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

#[path = "../tests/common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use chrono::Local;
use pty::Pty;
use referent::agenda::{Agenda, Item};
use referent::session::event::Event;
use referent::session::journal::Journal;
use referent::session::store;

const BIN: &str = env!("CARGO_BIN_EXE_referent");

fn agenda() -> Agenda {
    Agenda {
        title: "Centerledermøde".into(),
        items: (1..=8)
            .map(|n| Item {
                number: n.to_string(),
                title: format!("Punkt nummer {n}"),
                minutes: Some(15),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn append(j: &mut Journal, event: Event) {
    j.append(Local::now().fixed_offset(), event).unwrap();
}

/// utime + stime of a process, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|f| f.parse().ok()).unwrap_or(0);
    ticks as f64 / clock_ticks()
}

fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Reads the terminal for `secs` seconds; returns (cpu seconds, bytes written).
fn idle(pty: &mut Pty, pid: u32, secs: u64) -> (f64, usize) {
    let cpu0 = cpu_seconds(pid);
    let bytes0 = pty.raw.len();
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        pty.pump(Duration::from_millis(100));
    }
    (cpu_seconds(pid) - cpu0, pty.raw.len() - bytes0)
}

fn latency(pty: &mut Pty, j: &mut Journal, rounds: usize) -> Vec<Duration> {
    let mut delays = vec![];
    for i in 0..rounds {
        let (event, shows): (Event, fn(&str) -> bool) = if i % 2 == 0 {
            (Event::Paused, |s| s.contains("Pausen har varet"))
        } else {
            (Event::Resumed, |s| s.contains("tilbage af"))
        };
        let start = Instant::now();
        append(j, event);
        pty.wait_until("the change", Duration::from_secs(10), shows);
        delays.push(start.elapsed());
        // Let a random part of a check interval pass, so the delays sample the whole interval.
        pty.pump(Duration::from_millis(37 * (i as u64 % 7)));
    }
    delays.sort();
    delays
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not, and must stay quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!("follow_idle: run with `cargo bench --bench follow_idle`");
        return;
    }
    let secs: u64 = std::env::var("FOLLOW_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let root = tempfile::tempdir().unwrap();
    let (dir, mut j) = store::create(root.path(), &agenda(), Local::now().date_naive()).unwrap();
    append(&mut j, Event::MeetingStarted);
    let dir_arg = dir.to_string_lossy().into_owned();

    for (cols, rows) in [(100u16, 30u16), (200, 60)] {
        let mut pty = Pty::spawn(BIN, &["follow", &dir_arg], cols, rows, &[]);
        let pid = pty.pid().expect("pid");
        pty.wait_for_line("Punkt 1: Punkt nummer 1");
        pty.pump(Duration::from_secs(2));
        let (cpu, bytes) = idle(&mut pty, pid, secs);
        println!(
            "follow {cols}x{rows}, timer running, idle {secs} s: CPU {:.3} s = {:.3}% of a core; \
             {:.0} bytes/s to the terminal",
            cpu,
            cpu / secs as f64 * 100.0,
            bytes as f64 / secs as f64
        );
        if cols == 100 {
            let d = latency(&mut pty, &mut j, 20);
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!(
                "record written -> shown, {} rounds: min {:.0} ms, median {:.0} ms, max {:.0} ms",
                d.len(),
                ms(d[0]),
                ms(d[d.len() / 2]),
                ms(d[d.len() - 1])
            );
        }
        pty.send("q");
        pty.wait_exit(Duration::from_secs(10));
    }
}
