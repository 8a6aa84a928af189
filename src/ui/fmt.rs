//! How times and durations look on screen.

use chrono::Duration;

use crate::session::Time;

/// `MM:SS`, or `H:MM:SS` from an hour on; negative durations get a leading `-`.
pub fn duration(d: Duration) -> String {
    let s = d.num_seconds();
    let sign = if s < 0 { "-" } else { "" };
    let s = s.abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{:02}:{:02}", s / 60, s % 60)
    }
}

/// Drift in whole minutes with its sign: `+3 min`, `-2 min`, `±0 min`.
pub fn drift(d: Duration) -> String {
    match crate::session::state::round_minutes(d) {
        0 => "±0 min".to_string(),
        m if m > 0 => format!("+{m} min"),
        m => format!("{m} min"),
    }
}

/// Local clock time `HH:MM`.
pub fn clock(t: Time) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(duration(Duration::seconds(65)), "01:05");
        assert_eq!(duration(Duration::seconds(-90)), "-01:30");
        assert_eq!(duration(Duration::seconds(3725)), "1:02:05");
        assert_eq!(drift(Duration::seconds(170)), "+3 min");
        assert_eq!(drift(Duration::seconds(-125)), "-2 min");
        assert_eq!(drift(Duration::seconds(20)), "±0 min");
    }
}
