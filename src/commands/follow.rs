//! `referent follow`: the projector view of a running session, read-only, for a second screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::session::store;
use crate::ui::follow::Source;
use crate::ui::theme::{Theme, ThemeName};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session folder to follow [default: the newest unfinished session in the sessions dir]
    #[arg(value_name = "SESSION_DIR")]
    pub session_dir: Option<PathBuf>,
    /// Colours of the view; NO_COLOR turns colours off in any of them
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,
    /// Language of the labels [default: the agenda's]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    crate::ui::terminal::require("follow", Lang::from_env(args.lang, None))?;
    let source = match args.session_dir {
        Some(dir) => Source::Session(dir),
        None => Source::Newest {
            root: store::sessions_dir(sessions_dir)?,
        },
    };
    crate::ui::follow::run(source, Theme::from_env(args.theme), args.lang)?;
    Ok(ExitCode::SUCCESS)
}
