//! `referent actions`: every action point from every session, with its status.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use crate::archive::actions::{ActionFilter, all_actions};
use crate::archive::{ActionPoint, ActionStatus, Archive, format_date};
use crate::i18n::{Key, Lang};
use crate::session::{Clock, SystemClock, store};
use crate::textutil::{clean, truncate, width};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only action points not done (open or overdue)
    #[arg(long)]
    pub open: bool,
    /// Only action points whose owner contains NAME (case-insensitive)
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Only action points past their due date and not done
    #[arg(long)]
    pub overdue: bool,
    /// Print a JSON array instead of a table
    #[arg(long, conflicts_with = "ics")]
    pub json: bool,
    /// Print the open action points that have a due date as iCalendar to-dos (VTODO)
    #[arg(long)]
    pub ics: bool,
    /// Judge "overdue" as of this date (YYYY-MM-DD) instead of today
    #[arg(long, value_name = "DATE")]
    pub today: Option<NaiveDate>,
    /// Language of the table's headings [default: the newest session's]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args, sessions_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = store::sessions_dir(sessions_dir)?;
    let archive = super::load_archive(&root);
    let today = args.today.unwrap_or_else(|| SystemClock.now().date_naive());
    let filter = ActionFilter {
        open: args.open,
        overdue: args.overdue,
        who: args.who.clone(),
    };
    let actions: Vec<ActionPoint> = all_actions(&archive)
        .into_iter()
        .filter(|a| filter.keeps(a, today))
        .collect();
    if args.json {
        println!("{}", to_json(&actions, today));
    } else if args.ics {
        let lang = Lang::from_env(args.lang, newest_language(&archive));
        let stamp = SystemClock.now().with_timezone(&chrono::Utc);
        print!("{}", crate::archive::ics::to_ics(&actions, lang, stamp));
    } else {
        let lang = Lang::from_env(args.lang, newest_language(&archive));
        print!("{}", table(&actions, today, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// The language of the newest session, if there is one: the agenda's language for commands
/// that read many sessions.
pub fn newest_language(archive: &Archive) -> Option<Lang> {
    archive.sessions.last().map(|s| s.meeting.agenda.language)
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    action: &'a ActionPoint,
    status: ActionStatus,
}

/// The action points as a JSON array, each with its status as of `today`.
pub fn to_json(actions: &[ActionPoint], today: NaiveDate) -> String {
    let rows: Vec<Row> = actions
        .iter()
        .map(|action| Row {
            action,
            status: action.status(today),
        })
        .collect();
    // Plain strings, numbers and dates: serialization cannot fail.
    serde_json::to_string_pretty(&rows).unwrap_or_default()
}

pub fn status_word(status: ActionStatus, lang: Lang) -> &'static str {
    match status {
        ActionStatus::Open => Key::ActionOpen,
        ActionStatus::Done => Key::ActionDone,
        ActionStatus::Overdue => Key::ActionOverdue,
    }
    .get(lang)
}

/// The action points as an aligned table with a heading row; a line saying so when empty.
pub fn table(actions: &[ActionPoint], today: NaiveDate, lang: Lang) -> String {
    if actions.is_empty() {
        return format!("{}\n", Key::NoActions.get(lang));
    }
    let head: Vec<String> = [
        Key::Date,
        Key::Meeting,
        Key::Item,
        Key::What,
        Key::Who,
        Key::Due,
        Key::Status,
    ]
    .iter()
    .map(|k| k.get(lang).to_string())
    .collect();
    let limits = [10, 32, 28, 48, 20, 11, 12];
    let mut rows = vec![head];
    for a in actions {
        let mut due = a
            .due
            .map(|d| format_date(d, lang))
            .unwrap_or_else(|| "-".into());
        if a.agreed_due.is_some() {
            due.push('*');
        }
        rows.push(vec![
            a.meeting_date
                .map(|d| format_date(d, lang))
                .unwrap_or_default(),
            clean(&a.meeting_title),
            clean(&a.item_label),
            clean(&a.what),
            clean(&a.who),
            due,
            status_word(a.status(today), lang).to_string(),
        ]);
    }
    let cells: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .zip(limits)
                .map(|(c, max)| truncate(&c, max))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..limits.len())
        .map(|c| cells.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &cells {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - width(c))))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    if actions.iter().any(|a| a.agreed_due.is_some()) {
        out.push_str(&format!("* {}\n", Key::DueMoved.get(lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(what: &str, due: Option<NaiveDate>, done: bool) -> ActionPoint {
        ActionPoint {
            session: "2022-03-14-centerledermoede".into(),
            meeting_date: NaiveDate::from_ymd_opt(2022, 3, 14),
            meeting_title: "Centerledermøde d. 14-03-2022".into(),
            item: 1,
            item_label: "2. Budget 2023".into(),
            entry: 5,
            what: what.into(),
            who: "Helle".into(),
            due,
            agreed_due: None,
            done,
            done_in: None,
        }
    }

    #[test]
    fn table_aligns_columns_and_names_the_status() {
        let today = NaiveDate::from_ymd_opt(2022, 4, 1).unwrap();
        let mut moved = action(
            "Tjek \u{1b}[31mlokaler",
            NaiveDate::from_ymd_opt(2022, 3, 21),
            false,
        );
        moved.agreed_due = NaiveDate::from_ymd_opt(2022, 3, 18);
        let t = table(&[action("Budgetoplæg", None, true), moved], today, Lang::Da);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(
            lines[0],
            "Dato        Møde                           Punkt           Hvad          Ansvarlig  Frist        Status"
        );
        assert!(lines[1].ends_with("-            Udført"), "{t}");
        assert!(
            lines[2].contains("Tjek lokaler"),
            "escape sequences are removed: {t}"
        );
        assert!(lines[2].ends_with("21.03.2022*  Overskredet"), "{t}");
        assert!(lines[3].starts_with("* "));
        assert_eq!(table(&[], today, Lang::En), "No action points.\n");
    }

    #[test]
    fn json_has_the_status() {
        let today = NaiveDate::from_ymd_opt(2022, 4, 1).unwrap();
        let json = to_json(
            &[action("x", NaiveDate::from_ymd_opt(2022, 4, 2), false)],
            today,
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["status"], "open");
        assert_eq!(v[0]["due"], "2022-04-02");
        assert_eq!(v[0]["who"], "Helle");
        assert_eq!(v[0]["entry"], 5);
    }
}
