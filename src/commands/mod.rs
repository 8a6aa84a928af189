//! One module per subcommand: its options (`Args`) and what it does (`run`).

pub mod actions;
pub mod agenda;
pub mod check;
pub mod follow;
pub mod minutes;
pub mod next_agenda;
pub mod review;
pub mod run;

/// Reads every session under `root`, telling on stderr about the ones that could not be read
/// (before any screen takes over, so the messages can be seen).
fn load_archive(root: &std::path::Path) -> crate::archive::Archive {
    let archive = crate::archive::Archive::load(root);
    for p in &archive.problems {
        eprintln!("referent: {p}");
    }
    archive
}
