//! One module per subcommand: its options (`Args`) and what it does (`run`).

pub mod actions;
pub mod agenda;
pub mod check;
pub mod follow;
pub mod minutes;
pub mod next_agenda;
pub mod review;
pub mod run;
