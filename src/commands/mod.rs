//! One module per subcommand: its options (`Args`) and what it does (`run`).

pub mod agenda;
pub mod check;
pub mod follow;
pub mod minutes;
pub mod run;
