//! `referent run`: open or resume a session and run the meeting screen.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::agenda::{self, Agenda, Format};
use crate::i18n::{Key, Lang};
use crate::session::due::format_date;
use crate::session::recorder::Recorder;
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
    #[command(flatten)]
    pub minutes: crate::commands::minutes::Render,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = store::sessions_dir(sessions_dir)?;
    let clock = SystemClock;
    let (rec, notice) = match &args.resume {
        Some(dir) => resume(&root, dir.as_deref(), &clock)?,
        None => open_new(&root, &args, &clock)?,
    };
    let lang = args.lang.unwrap_or(rec.meeting().agenda.language);
    let mut app = App::new(rec, lang);
    app.status = notice;
    app.theme = Theme::from_env(args.theme);
    crate::ui::style::set_theme(app.theme.clone());
    app.past_actions = past_actions(&root, &app);
    crate::ui::run::run(&mut app, &clock)?;
    finish(app, lang, &args.minutes)
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
fn finish(
    app: App,
    lang: Lang,
    render: &crate::commands::minutes::Render,
) -> anyhow::Result<ExitCode> {
    let dir = app.rec.dir().to_path_buf();
    let meeting = app.rec.meeting();
    if app.quit && meeting.phase == Phase::NotStarted && app.rec.is_empty() {
        // Nothing happened: leave no empty session behind.
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if meeting.phase == Phase::Ended {
        let doc = render.document(meeting, lang);
        let written = crate::minutes::write_files(&dir, &doc, &render.formats())
            .with_context(|| format!("writing the minutes in {}", dir.display()))?;
        println!("{}:", Key::MinutesWritten.get(lang));
        for path in written {
            println!("  {}", path.display());
        }
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
    let (rec, report) = Recorder::resume(&dir, clock.now()).map_err(anyhow::Error::msg)?;
    let problems = report.messages(&dir.join(store::JOURNAL_FILE));
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

/// Asks, before the screen starts, whether to resume an unfinished session of the same agenda.
fn offer_resume(root: &Path, agenda: &Agenda) -> anyhow::Result<Option<PathBuf>> {
    let Some(dir) = store::unfinished_of(root, agenda).into_iter().next() else {
        return Ok(None);
    };
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
    let no = matches!(
        answer.trim().to_lowercase().as_str(),
        "n" | "no" | "nej" | "nei"
    );
    Ok((!no).then_some(dir))
}
