//! Deriving the schedule.
use super::{Agenda, Warning};

pub fn derive(_agenda: &mut Agenda) -> Vec<Warning> {
    vec![]
}
