//! Action points across meetings: who was to do what by when, and whether a later meeting saw it
//! done. Old sessions are never edited: a later meeting records an [`Event::ActionFollowUp`]
//! naming the session folder and the entry, and the status is read from all journals together.
//!
//! [`Event::ActionFollowUp`]: crate::session::Event::ActionFollowUp

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::series::series_key;
use super::{Archive, Session, format_date};
use crate::agenda::Agenda;
use crate::i18n::{Key, Lang};
use crate::session::Time;
use crate::session::event::FollowUp;
use crate::session::state::EntryKind;
use crate::textutil::clean;

/// One action point of one session, with what later meetings said about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionPoint {
    /// Folder name of the session it was agreed in.
    pub session: String,
    pub meeting_date: Option<NaiveDate>,
    pub meeting_title: String,
    /// Index of the item in that session's agenda, and its label ("3. Budget 2023").
    pub item: usize,
    pub item_label: String,
    /// The entry id (the seq of the record that created it) in that session's journal.
    pub entry: u64,
    pub what: String,
    pub who: String,
    /// The due date in force: the last `moved` follow-up's, else the one agreed.
    pub due: Option<NaiveDate>,
    /// The due date agreed in the meeting, when a follow-up has moved it since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed_due: Option<NaiveDate>,
    pub done: bool,
    /// The session that marked it done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_in: Option<String>,
}

/// What the action lists call an action point that a live meeting can review.
pub type OpenAction = ActionPoint;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    Overdue,
}

impl ActionPoint {
    /// Open, done, or overdue (open with a due date before `today`).
    pub fn status(&self, today: NaiveDate) -> ActionStatus {
        if self.done {
            ActionStatus::Done
        } else if self.due.is_some_and(|d| d < today) {
            ActionStatus::Overdue
        } else {
            ActionStatus::Open
        }
    }

    /// One line for a list or an agenda: `what (who, frist 21.03.2022, fra mødet 14.03.2022)`.
    pub fn line(&self, lang: Lang) -> String {
        let mut detail = vec![];
        if !self.who.trim().is_empty() {
            detail.push(self.who.trim().to_string());
        }
        if let Some(d) = self.due {
            detail.push(format!(
                "{} {}",
                Key::Due.get(lang).to_lowercase(),
                format_date(d, lang)
            ));
        }
        if let Some(d) = self.meeting_date {
            detail.push(format!(
                "{} {}",
                Key::FromMeeting.get(lang),
                format_date(d, lang)
            ));
        }
        let what = clean(&self.what);
        if detail.is_empty() {
            what
        } else {
            format!("{what} ({})", clean(&detail.join(", ")))
        }
    }

    /// Applies one follow-up about this action.
    pub fn follow(&mut self, status: &FollowUp, in_session: &str) {
        match status {
            FollowUp::Done => {
                self.done = true;
                self.done_in = Some(in_session.to_string());
            }
            FollowUp::Moved { due } => {
                if self.agreed_due.is_none() {
                    self.agreed_due = self.due;
                }
                self.due = Some(*due);
            }
        }
    }
}

/// A follow-up as recorded in some session's journal.
#[derive(Debug, Clone)]
struct Recorded<'a> {
    in_session: &'a str,
    about_session: &'a str,
    entry: u64,
    status: &'a FollowUp,
    at: Time,
}

/// Every action point of every session, oldest meeting first, with every follow-up applied.
pub fn all_actions(archive: &Archive) -> Vec<ActionPoint> {
    with_follow_ups(archive, |_| true)
}

/// The action points, with the follow-ups recorded in the sessions that `counts` accepts.
fn with_follow_ups(archive: &Archive, counts: impl Fn(&Session) -> bool) -> Vec<ActionPoint> {
    let mut actions: Vec<ActionPoint> = archive.sessions.iter().flat_map(actions_of).collect();
    let mut follow_ups: Vec<Recorded> = archive
        .sessions
        .iter()
        .filter(|s| counts(s))
        .flat_map(|s| {
            s.meeting.follow_ups.iter().map(move |f| Recorded {
                in_session: &s.name,
                about_session: &f.session,
                entry: f.entry,
                status: &f.status,
                at: f.at,
            })
        })
        .collect();
    // In the order they happened, so that "moved, then done" ends as done with the new date.
    follow_ups.sort_by_key(|f| f.at);
    let index: std::collections::HashMap<(&str, u64), usize> = actions
        .iter()
        .enumerate()
        .map(|(i, a)| ((a.session.as_str(), a.entry), i))
        .collect();
    let targets: Vec<Option<usize>> = follow_ups
        .iter()
        .map(|f| index.get(&(f.about_session, f.entry)).copied())
        .collect();
    for (f, target) in follow_ups.iter().zip(targets) {
        if let Some(i) = target {
            actions[i].follow(f.status, f.in_session);
        }
    }
    actions
}

/// The action points recorded in one session, as they stand after edits and deletions.
pub fn actions_of(session: &Session) -> Vec<ActionPoint> {
    let m = &session.meeting;
    m.all_entries()
        .into_iter()
        .filter_map(|(item, e)| match &e.kind {
            EntryKind::Action { what, who, due } => Some(ActionPoint {
                session: session.name.clone(),
                meeting_date: session.date(),
                meeting_title: session.title().to_string(),
                item,
                item_label: m
                    .agenda
                    .items
                    .get(item)
                    .map(|i| i.label())
                    .unwrap_or_default(),
                entry: e.id,
                what: what.clone(),
                who: who.clone(),
                due: *due,
                agreed_due: None,
                done: false,
                done_in: None,
            }),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        })
        .collect()
}

/// Which action points a listing asks for.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    /// Only those not done (open or overdue).
    pub open: bool,
    /// Only those past their due date and not done.
    pub overdue: bool,
    /// Only those whose owner contains this text (case-insensitive).
    pub who: Option<String>,
}

impl ActionFilter {
    pub fn keeps(&self, a: &ActionPoint, today: NaiveDate) -> bool {
        let status = a.status(today);
        (!self.open || status != ActionStatus::Done)
            && (!self.overdue || status == ActionStatus::Overdue)
            && self
                .who
                .as_deref()
                .is_none_or(|w| a.who.to_lowercase().contains(&w.trim().to_lowercase()))
    }
}

/// The open action points of earlier meetings of a series, for a meeting of that series.
///
/// `exclude` is the meeting's own folder name: its actions are not "earlier", and its own
/// follow-ups are not applied here, so the caller sees the list as it stood before the meeting and
/// overlays the meeting's own `follow_ups`. Sessions dated after `date` count for nothing: neither
/// their actions nor their follow-ups (the list is as it stood on that day).
pub fn open_actions_before(
    archive: &Archive,
    key: &str,
    exclude: Option<&str>,
    date: Option<NaiveDate>,
) -> Vec<OpenAction> {
    let counts = |s: &Session| {
        Some(s.name.as_str()) != exclude
            && match (date, s.date()) {
                (Some(d), Some(sd)) => sd <= d,
                _ => true,
            }
    };
    let earlier: Vec<&str> = archive
        .sessions
        .iter()
        .filter(|s| counts(s) && s.series_key() == key)
        .map(|s| s.name.as_str())
        .collect();
    with_follow_ups(archive, counts)
        .into_iter()
        .filter(|a| !a.done && earlier.contains(&a.session.as_str()))
        .collect()
}

/// The open action points from earlier meetings of the series `agenda` belongs to, read from the
/// sessions under `root`; `exclude_dir` is the live meeting's own folder. For the live screen.
pub fn open_actions_for(root: &Path, agenda: &Agenda, exclude_dir: &Path) -> Vec<OpenAction> {
    let archive = Archive::load(root);
    let exclude = crate::session::store::session_name(exclude_dir);
    open_actions_before(
        &archive,
        &series_key(&agenda.title),
        Some(exclude.as_str()),
        agenda.date,
    )
}

/// Titles of the item that reviews the previous minutes, lowercase, in da / nb / en.
const REVIEW_WORDS: &[&str] = &[
    "godkendelse af referat",
    "godkjenning av protokoll",
    "godkjenning av referat",
    "approval of the minutes",
    "approval of minutes",
    "referat",
    "opfølgning",
    "oppfølging",
    "protokoll",
    "minutes",
    "follow-up",
    "follow up",
    "matters arising",
];

/// The index of the item where the previous minutes and their action points are reviewed: the
/// first item whose title starts with one of the review words, else the first that mentions
/// one, else the first item. (0 for an empty agenda.)
pub fn review_item(agenda: &Agenda) -> usize {
    let titles: Vec<String> = agenda
        .items
        .iter()
        .map(|i| i.title.trim().to_lowercase())
        .collect();
    let starts = titles
        .iter()
        .position(|t| REVIEW_WORDS.iter().any(|w| t.starts_with(w)));
    let mentions = || {
        titles
            .iter()
            .position(|t| REVIEW_WORDS.iter().any(|w| contains_word(t, w)))
    };
    starts.or_else(mentions).unwrap_or(0)
}

/// Whether `word` appears in `text` on word boundaries.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::Item;

    fn agenda(titles: &[&str]) -> Agenda {
        Agenda {
            items: titles
                .iter()
                .map(|t| Item {
                    title: t.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn review_item_prefers_a_title_that_starts_with_a_review_word() {
        let seed = agenda(&[
            "Referat og referent",
            "Eigil orienterer",
            "Nemøkonomi - opfølgning på 2021",
        ]);
        assert_eq!(review_item(&seed), 0);
        let a = agenda(&[
            "Velkommen",
            "Nemøkonomi - opfølgning på 2021",
            "Godkendelse af referat",
        ]);
        assert_eq!(review_item(&a), 2);
        let nb = agenda(&["Innkalling", "Godkjenning av protokoll"]);
        assert_eq!(review_item(&nb), 1);
        let en = agenda(&["Welcome", "Budget", "Actions: follow-up"]);
        assert_eq!(review_item(&en), 2);
        assert_eq!(review_item(&agenda(&["Budget", "Eventuelt"])), 0);
        assert_eq!(review_item(&agenda(&["Referenter", "Budget"])), 0);
        assert_eq!(review_item(&agenda(&[])), 0);
    }

    #[test]
    fn status_and_follow_ups() {
        let d = |day| NaiveDate::from_ymd_opt(2022, 3, day).unwrap();
        let mut a = ActionPoint {
            session: "s".into(),
            meeting_date: None,
            meeting_title: String::new(),
            item: 0,
            item_label: String::new(),
            entry: 1,
            what: "x".into(),
            who: "Helle".into(),
            due: Some(d(10)),
            agreed_due: None,
            done: false,
            done_in: None,
        };
        assert_eq!(a.status(d(10)), ActionStatus::Open);
        assert_eq!(a.status(d(11)), ActionStatus::Overdue);
        a.follow(&FollowUp::Moved { due: d(20) }, "t");
        assert_eq!(a.status(d(11)), ActionStatus::Open);
        assert_eq!(a.line(Lang::Da), "x (Helle, frist 20.03.2022)");
        a.meeting_date = Some(d(7));
        assert_eq!(
            a.line(Lang::En),
            "x (Helle, due 20 Mar 2022, from the meeting on 7 Mar 2022)"
        );
        assert_eq!(a.agreed_due, Some(d(10)));
        a.follow(&FollowUp::Done, "u");
        assert_eq!(a.status(d(30)), ActionStatus::Done);
        assert_eq!(a.done_in.as_deref(), Some("u"));
        let f = ActionFilter {
            who: Some("hel".into()),
            ..Default::default()
        };
        assert!(f.keeps(&a, d(30)));
        let open = ActionFilter {
            open: true,
            ..Default::default()
        };
        assert!(!open.keeps(&a, d(30)));
    }
}
