//! What `check` warns about.
use super::{Agenda, Warning};

pub fn lint(_agenda: &Agenda) -> Vec<Warning> {
    vec![]
}
