//! A meeting as it happens: events in an append-only journal, and the state folded from them.

pub mod clock;
pub mod decide;
pub mod due;
pub mod edits;
pub mod event;
pub mod journal;
pub mod lock;
pub mod recorder;
pub mod speakers;
pub mod state;
pub mod store;

pub use clock::{Clock, FakeClock, SystemClock, Time};
pub use event::{Event, Outcome, Record};
pub use state::Meeting;
