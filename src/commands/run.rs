//! `referent run`: open or resume a session and run the meeting screen.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::agenda::{self, Agenda, Format};
use crate::i18n::{Key, Lang};
use crate::session::due::format_date;
use crate::session::lock::{self, Holder, LockError};
use crate::session::recorder::{Recorder, ResumeError};
use crate::session::state::{Meeting, Phase};
use crate::session::{Clock, Event, SystemClock, store};
use crate::textutil;
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
    /// Speaking-time limit per speaker, in minutes (`3`, `2:30`); an item may set its own
    #[arg(long, value_name = "MIN", value_parser = speaking_time)]
    pub speaking_time: Option<u32>,
    #[command(flatten)]
    pub minutes: crate::commands::minutes::Render,
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
    let mut rec = rec;
    // The default limit goes into the journal, so the follower and a resume see it too.
    if let Some(seconds) = args.speaking_time
        && rec.meeting().speaking_limit != Some(seconds)
    {
        rec.record(
            Event::SpeakingLimitSet {
                item: None,
                seconds: Some(seconds),
            },
            clock.now(),
        )?;
    }
    let lang = Lang::from_env(args.lang, Some(rec.meeting().agenda.language));
    let mut app = App::new(rec, lang);
    // Before the clock starts the plan screen is the editor: fix the plan, then Space.
    if app.meeting().phase == crate::session::state::Phase::NotStarted {
        app.open_editor();
    }
    app.status = notice;
    app.theme = Theme::from_env(args.theme);
    crate::ui::style::set_theme(app.theme.clone());
    app.past_actions = past_actions(&root, &app);
    crate::ui::run::run(&mut app, &clock)?;
    finish(app, lang, &args.minutes)
}

/// `--speaking-time`: minutes as the speaker list's limit field reads them, in seconds.
fn speaking_time(text: &str) -> Result<u32, String> {
    match crate::session::decide::parse_limit(text) {
        Ok(Some(seconds)) if seconds > 0 => Ok(seconds),
        Ok(Some(_) | None) | Err(_) => Err(format!(
            "{}: {}",
            Key::NotMinutes.get(Lang::from_env(None, None)),
            text
        )),
    }
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
        // Nothing happened: leave no empty session behind, but never remove what may be
        // worth recovering.
        let kept = store::remove_if_unused(&dir).with_context(|| {
            Key::Removing
                .get(lang)
                .replace("{dir}", &textutil::display_path(&dir))
        })?;
        match kept {
            Some(why) => println!("{why}"),
            None => return Ok(ExitCode::SUCCESS),
        }
    }
    if meeting.phase == Phase::Ended {
        let doc = render.document(meeting, lang);
        let written =
            crate::minutes::write_files(&dir, &doc, &render.formats()).with_context(|| {
                Key::WritingMinutesIn
                    .get(lang)
                    .replace("{dir}", &textutil::display_path(&dir))
            })?;
        println!("{}:", Key::MinutesWritten.get(lang));
        for path in written {
            println!("  {}", textutil::display_path(&path));
        }
    }
    println!(
        "{} {}",
        Key::SessionSaved.get(lang),
        textutil::display_path(&dir)
    );
    if let Some(error) = &app.write_error {
        println!(
            "{error}\n{}",
            Key::LastChangeNotSaved
                .get(lang)
                .replace("{dir}", &textutil::display_path(&dir))
        );
    }
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
            None => bail!(
                "{}",
                Key::NoUnfinished
                    .get(Lang::from_env(None, None))
                    .replace("{dir}", &textutil::display_path(root))
            ),
        },
    };
    // A folder that is no session is said first; then, before the journal is touched, whether
    // the meeting can be shown at all.
    let agenda = store::load_agenda(&dir).map_err(anyhow::Error::msg)?;
    needs_terminal(Lang::from_env(None, Some(agenda.language)))?;
    let (rec, report) = Recorder::resume(&dir, clock.now())?;
    let journal = dir.join(store::JOURNAL_FILE);
    let mut problems = report.messages(&journal);
    problems.extend(
        rec.meeting()
            .fold_problems()
            .into_iter()
            .map(|p| format!("{}: {p}", textutil::display_path(&journal))),
    );
    let problems: Vec<String> = problems
        .iter()
        .map(|p| textutil::escape_unsafe(p))
        .collect();
    for p in &problems {
        eprintln!("referent: {p}");
    }
    let notice = resume_notice(rec.meeting(), &problems);
    Ok((rec, notice))
}

/// What the screen says on resuming: that the meeting goes on after an interruption (only if it
/// had started), and what was wrong with the journal.
fn resume_notice(meeting: &Meeting, problems: &[String]) -> Option<String> {
    let started = match meeting.phase {
        Phase::NotStarted => false,
        Phase::Running | Phase::Paused | Phase::Ended => true,
    };
    let resumed = started.then(|| Key::Resumed.get(meeting.agenda.language).to_string());
    let problems = (!problems.is_empty()).then(|| problems.join("; "));
    match (resumed, problems) {
        (Some(r), Some(p)) => Some(format!("{r} — {p}")),
        (r, p) => r.or(p),
    }
}

/// `run` in a pipe: one line, before any session is begun or resumed, in the language the
/// screen would have spoken.
fn needs_terminal(lang: Lang) -> std::io::Result<()> {
    crate::ui::terminal::require("run", lang)
}

fn open_new(
    root: &Path,
    args: &Args,
    clock: &dyn Clock,
) -> anyhow::Result<(Recorder, Option<String>)> {
    let imported = match &args.agenda {
        Some(path) => agenda::load(path, args.format)
            .map_err(|e| anyhow::anyhow!(e.text(Lang::from_env(args.lang, None))))?,
        None => example(clock.now().date_naive())?,
    };
    let agenda = imported.agenda;
    let lang = Lang::from_env(args.lang, Some(agenda.language));
    // Before a session is created: a meeting that cannot be shown is not begun.
    needs_terminal(lang)?;
    if !args.new
        && let Some(dir) = offer_resume(root, &agenda, lang)?
    {
        return resume(root, Some(&dir), clock);
    }
    let rec = Recorder::create(root, agenda, clock.now()).with_context(|| {
        Key::CreatingSession
            .get(lang)
            .replace("{dir}", &textutil::display_path(root))
    })?;
    let notice = (!imported.warnings.is_empty()).then(|| {
        Key::AgendaWarnings
            .get(lang)
            .replace("{n}", &imported.warnings.len().to_string())
    });
    Ok((rec, notice))
}

/// A session another window is writing: say who has it, and offer to follow it instead.
fn offer_follow(dir: &Path, holder: Option<Holder>, args: &Args) -> anyhow::Result<ExitCode> {
    let agenda_lang = store::load_agenda(dir).ok().map(|a| a.language);
    let lang = Lang::from_env(args.lang, agenda_lang);
    let who = holder.map_or_else(
        || Key::AnotherProcess.get(lang).to_string(),
        |h| h.to_string(),
    );
    let follow = format!("referent follow {}", dir.display());
    if !io::stdin().is_terminal() {
        eprintln!(
            "referent: {}",
            Key::OpenElsewhere
                .get(lang)
                .replace("{dir}", &dir.display().to_string())
                .replace("{who}", &who)
                .replace("{follow}", &follow)
        );
        return Ok(ExitCode::FAILURE);
    }
    let question = Key::OfferFollow
        .get(lang)
        .replace("{who}", &who)
        .replace("{dir}", &dir.display().to_string())
        .replace("{follow}", &follow);
    if !crate::ui::terminal::ask_yes(&question, lang)? {
        return Ok(ExitCode::FAILURE);
    }
    let source = crate::ui::follow::Source::Session(dir.to_path_buf());
    crate::ui::follow::run(source, Theme::from_env(args.theme), args.lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The built-in example, held on `today`: its title and date say the day it is run, so the
/// minutes' title and their date agree.
pub fn example(today: chrono::NaiveDate) -> Result<agenda::Imported, agenda::ImportError> {
    let mut imported = agenda::parse(EXAMPLE_NAME, EXAMPLE, None)?;
    let a = &mut imported.agenda;
    a.title = crate::archive::next::retitle(&a.title, a.date, Some(today), a.language);
    a.date = Some(today);
    Ok(imported)
}

/// Asks, before the screen starts, whether to resume an unfinished session of the same agenda.
/// One that another window is running is not offered for resuming: opening it says who has it.
fn offer_resume(root: &Path, agenda: &Agenda, lang: Lang) -> anyhow::Result<Option<PathBuf>> {
    let Some(dir) = store::unfinished_of(root, agenda).into_iter().next() else {
        return Ok(None);
    };
    if lock::holder(&dir).is_some() {
        return Ok(Some(dir));
    }
    if !io::stdin().is_terminal() {
        eprintln!(
            "referent: {}",
            Key::UnfinishedExists
                .get(lang)
                .replace("{dir}", &textutil::display_path(&dir))
        );
        return Ok(None);
    }
    let question = Key::ResumeQuestion
        .get(lang)
        .replace("{dir}", &textutil::display_path(&dir));
    let yes = crate::ui::terminal::ask_yes(&question, lang)?;
    Ok(yes.then_some(dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::journal::Journal;
    use crate::session::{Event, FakeClock, Record};

    fn meeting(events: &[Event]) -> Meeting {
        let clock = FakeClock::at("2022-03-14T13:30:00+01:00");
        let tmp = tempfile::tempdir().unwrap();
        let mut journal = Journal::create(&tmp.path().join("journal.jsonl")).unwrap();
        let records: Vec<Record> = events
            .iter()
            .map(|e| journal.append(clock.now(), e.clone()).unwrap())
            .collect();
        Meeting::replay(crate::agenda::Agenda::default(), &records)
    }

    #[test]
    fn resumed_after_an_interruption_only_for_a_meeting_that_started() {
        let opened = Event::Opened {
            app_version: "0.1.0".into(),
        };
        assert_eq!(
            resume_notice(&meeting(std::slice::from_ref(&opened)), &[]),
            None
        );
        let problem = vec!["j:2: skipped".to_string()];
        assert_eq!(
            resume_notice(&meeting(std::slice::from_ref(&opened)), &problem).as_deref(),
            Some("j:2: skipped")
        );
        let started = meeting(&[opened, Event::MeetingStarted]);
        assert_eq!(
            resume_notice(&started, &problem).as_deref(),
            Some("Genoptaget efter afbrydelse — j:2: skipped")
        );
    }
}
