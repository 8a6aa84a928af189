//! `referent review`: browse past sessions in the terminal (read-only).

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::session::store;
use crate::ui::review::{self, ReviewView};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the meetings of this series (its title without dates, or part of the title)
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    /// Language of the screens and the minutes shown [default: the newest session's]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    crate::ui::terminal::require("review", Lang::from_env(args.lang, None))?;
    let root = store::sessions_dir(sessions_dir)?;
    let archive = super::load_archive(&root);
    let lang = Lang::from_env(args.lang, super::actions::newest_language(&archive));
    let mut view = ReviewView::new(archive, &root, args.series, lang);
    review::run(&mut view)?;
    Ok(ExitCode::SUCCESS)
}
