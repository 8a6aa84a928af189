//! The command line. Each subcommand's options live beside its code in `commands/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "referent",
    version,
    about = "Run a meeting live in the terminal: agenda, timer, decisions, action points, minutes",
    long_about = None
)]
pub struct Cli {
    /// Where sessions are kept [default: $REFERENT_SESSIONS_DIR, else the user data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub sessions_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show an agenda's plan and warn about what a chair should fix before the meeting
    Check(commands::check::Args),
    /// Print an agenda as read, or as canonical JSON with --json
    Agenda(commands::agenda::Args),
    /// Run a meeting live: timer, decisions, action points; minutes when it ends
    Run(commands::run::Args),
    /// Write a session's minutes again from its journal (also for an unfinished session)
    Minutes(commands::minutes::Args),
    /// Show the projector view of a running session, read-only (q quits, f toggles the agenda)
    Follow(commands::follow::Args),
    /// List action points from all sessions: open, done or overdue
    Actions(commands::actions::Args),
    /// Draft the next meeting's agenda (Markdown) from a session: standing items, carried-over
    /// items, points for coming meetings and open action points
    NextAgenda(commands::next_agenda::Args),
    /// Browse past sessions: minutes, time per item, search across meetings, series statistics
    Review(commands::review::Args),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let sessions_dir = cli.sessions_dir.as_deref();
    match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Agenda(args) => commands::agenda::run(args, sessions_dir),
        Command::Run(args) => commands::run::run(args, sessions_dir),
        Command::Minutes(args) => commands::minutes::run(args, sessions_dir),
        Command::Follow(args) => commands::follow::run(args, sessions_dir),
        Command::Actions(args) => commands::actions::run(args, sessions_dir),
        Command::NextAgenda(args) => commands::next_agenda::run(args, sessions_dir),
        Command::Review(args) => commands::review::run(args, sessions_dir),
    }
}
