//! `referent run`: open or resume a session and run the meeting screen.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::agenda::{self, Agenda, Format};
use crate::i18n::{Key, Lang};
use crate::session::due::format_date;
use crate::session::lock::{self, Holder, LockError};
use crate::session::recorder::{Recorder, ResumeError};
use crate::session::state::Phase;
use crate::session::{Clock, SystemClock, store};
use crate::ui::app::{App, PastAction};
use crate::ui::theme::{Theme, ThemeName};

/// The example meeting built into the binary, so `referent run` shows something at once.
pub const EXAMPLE_NAME: &str = "centerledermoede-2022-03-14.txt";
pub const EXAMPLE: &[u8] = include_bytes!("../../sessions/centerledermoede-2022-03-14.txt");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The agenda to run (text, Markdown or JSON) [default: the built-in example meeting]
    pub agenda: Option<PathBuf>,
    /// Resume an unfinished session [default: the newest unfinished one]
    #[arg(long, value_name = "SESSION_DIR", num_args = 0..=1, conflicts_with = "agenda")]
    pub resume: Option<Option<PathBuf>>,
    /// Start a new session even if an unfinished one of the same agenda exists
    #[arg(long)]
    pub new: bool,
    /// Read the agenda as this format instead of guessing
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Language of screen and minutes [default: the agenda's]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Colours of the projector view (`v`); NO_COLOR turns colour off
    #[arg(long, value_enum, default_value = "dark")]
    pub theme: ThemeName,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = store::sessions_dir(sessions_dir)?;
    let clock = SystemClock;
    let opened = match &args.resume {
        Some(dir) => resume(&root, dir.as_deref(), &clock),
        None => open_new(&root, &args, &clock),
    };
    let (rec, notice) = match opened {
        Ok(opened) => opened,
        Err(e) => match e.downcast::<ResumeError>() {
            Ok(ResumeError::Locked(LockError::Held { dir, holder })) => {
                return offer_follow(&dir, holder, &args);
            }
            Ok(other) => return Err(other.into()),
            Err(e) => return Err(e),
        },
    };
    let lang = args.lang.unwrap_or(rec.meeting().agenda.language);
    let mut app = App::new(rec, lang);
    app.status = notice;
    app.theme = Theme::from_env(args.theme);
    crate::ui::style::set_theme(app.theme.clone());
    app.past_actions = past_actions(&root, &app);
    crate::ui::run::run(&mut app, &clock)?;
    finish(app, lang)
}

/// Open action points of earlier meetings in the same series, for `F` and the review item.
fn past_actions(root: &Path, app: &App) -> Vec<PastAction> {
    let lang = app.lang;
    crate::archive::open_actions_for(root, &app.meeting().agenda, app.rec.dir())
        .into_iter()
        .map(|a| {
            let due = a
                .due
                .map(|d| {
                    format!(
                        " ({} {})",
                        Key::Due.get(lang).to_lowercase(),
                        format_date(d, lang)
                    )
                })
                .unwrap_or_default();
            let date = a
                .meeting_date
                .map(|d| format_date(d, lang))
                .unwrap_or_default();
            PastAction {
                session: a.session,
                entry: a.entry,
                label: format!("{date}, {}: {} — {}{due}", a.item_label, a.what, a.who),
            }
        })
        .collect()
}

/// After the screen closes: minutes for an ended meeting, and where everything is.
fn finish(app: App, lang: Lang) -> anyhow::Result<ExitCode> {
    let dir = app.rec.dir().to_path_buf();
    let meeting = app.rec.meeting();
    if app.quit && meeting.phase == Phase::NotStarted && app.rec.is_empty() {
        // Nothing happened: leave no empty session behind.
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if meeting.phase == Phase::Ended {
        crate::minutes::write_files(&dir, meeting, lang)
            .with_context(|| format!("writing the minutes in {}", dir.display()))?;
        println!(
            "{}: {}",
            Key::MinutesWritten.get(lang),
            dir.join(store::MINUTES_MD).display()
        );
    }
    println!("{} {}", Key::SessionSaved.get(lang), dir.display());
    Ok(ExitCode::SUCCESS)
}

fn resume(
    root: &Path,
    dir: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<(Recorder, Option<String>)> {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => match store::newest_unfinished(root) {
            Some(d) => d,
            None => bail!("no unfinished session in {}", root.display()),
        },
    };
    let (rec, report) = Recorder::resume(&dir, clock.now())?;
    let journal = dir.join(store::JOURNAL_FILE);
    let mut problems = report.messages(&journal);
    problems.extend(
        rec.meeting()
            .fold_problems()
            .into_iter()
            .map(|p| format!("{}: {p}", journal.display())),
    );
    for p in &problems {
        eprintln!("referent: {p}");
    }
    let lang = rec.meeting().agenda.language;
    let mut notice = Key::Resumed.get(lang).to_string();
    if !problems.is_empty() {
        notice = format!("{notice} — {}", problems.join("; "));
    }
    Ok((rec, Some(notice)))
}

fn open_new(
    root: &Path,
    args: &Args,
    clock: &dyn Clock,
) -> anyhow::Result<(Recorder, Option<String>)> {
    let imported = match &args.agenda {
        Some(path) => agenda::load(path, args.format)?,
        None => agenda::parse(EXAMPLE_NAME, EXAMPLE, None)?,
    };
    let agenda = imported.agenda;
    if !args.new
        && let Some(dir) = offer_resume(root, &agenda)?
    {
        return resume(root, Some(&dir), clock);
    }
    let rec = Recorder::create(root, agenda, clock.now())
        .with_context(|| format!("creating a session in {}", root.display()))?;
    let notice = (!imported.warnings.is_empty()).then(|| {
        format!(
            "{} warning(s) in the agenda: see `referent check`",
            imported.warnings.len()
        )
    });
    Ok((rec, notice))
}

/// A session another window is writing: say who has it, and offer to follow it instead.
fn offer_follow(dir: &Path, holder: Option<Holder>, args: &Args) -> anyhow::Result<ExitCode> {
    let who = holder.map_or_else(|| "another process".to_string(), |h| h.to_string());
    let follow = format!("referent follow {}", dir.display());
    if !io::stdin().is_terminal() {
        eprintln!(
            "referent: {} is open in another window ({who}); watch it with `{follow}`",
            dir.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    print!(
        "This meeting is open in another window ({who}):\n  {}\nOnly one window can write it. \
         Follow it here instead ({follow})? [Y/n] ",
        dir.display()
    );
    io::stdout().flush()?;
    let mut answer = String::new();
    io::stdin().lock().read_line(&mut answer)?;
    if is_no(&answer) {
        return Ok(ExitCode::FAILURE);
    }
    let source = crate::ui::follow::Source::Session(dir.to_path_buf());
    crate::ui::follow::run(source, Theme::from_env(args.theme), args.lang)?;
    Ok(ExitCode::SUCCESS)
}

fn is_no(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "n" | "no" | "nej" | "nei"
    )
}

/// Asks, before the screen starts, whether to resume an unfinished session of the same agenda.
/// One that another window is running is not offered for resuming: opening it says who has it.
fn offer_resume(root: &Path, agenda: &Agenda) -> anyhow::Result<Option<PathBuf>> {
    let Some(dir) = store::unfinished_of(root, agenda).into_iter().next() else {
        return Ok(None);
    };
    if lock::holder(&dir).is_some() {
        return Ok(Some(dir));
    }
    if !io::stdin().is_terminal() {
        eprintln!(
            "referent: an unfinished session of this agenda exists: {} (resume with --resume)",
            dir.display()
        );
        return Ok(None);
    }
    print!(
        "An unfinished session of this agenda exists:\n  {}\nResume it? [Y/n] ",
        dir.display()
    );
    io::stdout().flush()?;
    let mut answer = String::new();
    io::stdin().lock().read_line(&mut answer)?;
    Ok((!is_no(&answer)).then_some(dir))
}
