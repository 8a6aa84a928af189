//! Where time comes from. The app reads the system clock; tests use [`FakeClock`] and never sleep.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, FixedOffset, Local};

/// A point in time, with the local offset it was read in (so journals show local clock times).
pub type Time = DateTime<FixedOffset>;

pub trait Clock: Send + Sync {
    fn now(&self) -> Time;
}

/// The machine's clock, in local time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Time {
        Local::now().fixed_offset()
    }
}

/// A clock that only moves when told to. Clones share the same time.
#[derive(Debug, Clone)]
pub struct FakeClock(Arc<Mutex<Time>>);

impl FakeClock {
    pub fn new(start: Time) -> Self {
        FakeClock(Arc::new(Mutex::new(start)))
    }

    /// A fake clock at `YYYY-MM-DDTHH:MM:SS+01:00`; panics on a malformed literal (test use only).
    #[allow(clippy::expect_used)] // for tests and benches, whose literals are fixed
    pub fn at(rfc3339: &str) -> Self {
        Self::new(DateTime::parse_from_rfc3339(rfc3339).expect("valid RFC 3339 literal"))
    }

    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *t += by;
    }

    pub fn advance_secs(&self, secs: i64) {
        self.advance(Duration::seconds(secs));
    }

    pub fn set(&self, to: Time) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = to;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Time {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
