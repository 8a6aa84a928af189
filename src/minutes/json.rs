//! minutes.json: the minutes for machines, and the one reading of a [`Meeting`] that the Markdown
//! is rendered from.
//!
//! The types deserialize too, so that reviews of past sessions and the action-point list can read
//! minutes.json back. Fields added later carry `#[serde(default)]` so older files still read.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::agenda::{Item, hhmm_opt};
use crate::i18n::Lang;
use crate::session::clock::Time;
use crate::session::event::{FollowUp, Outcome, Replan};
use crate::session::state::{
    Entry, EntryKind, ItemState, Meeting, PlanEditKind, Slot, Span, Status,
};

/// Times in minutes.json, written as `Time`'s own `Serialize` writes them (RFC 3339 to the
/// second, the offset as `+01:00` or `Z`, more digits only where chrono needs them). The common
/// case is written digit by digit: a long meeting has a time on every entry, and chrono's
/// formatter is most of the cost of writing them.
mod rfc3339 {
    use serde::{Serialize, Serializer};

    use crate::session::clock::Time;

    pub fn write<S: Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
        match plain(t) {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => t.serialize(s),
        }
    }

    #[allow(clippy::ref_option)] // the signature serde's `serialize_with` calls
    pub fn write_opt<S: Serializer>(t: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
        struct Plain<'a>(&'a Time);
        impl Serialize for Plain<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                write(self.0, s)
            }
        }
        match t {
            Some(t) => s.serialize_some(&Plain(t)),
            None => s.serialize_none(),
        }
    }

    /// `2022-03-14T13:30:00+01:00`, for a time chrono writes so: a four-digit year, whole
    /// seconds, an offset of whole minutes other than none (which chrono writes as `Z`).
    /// `None` for any other, which chrono writes.
    pub(super) fn plain(t: &Time) -> Option<[u8; 25]> {
        use chrono::{Datelike, Timelike};
        let offset = t.offset().local_minus_utc();
        // Each of `t`'s field getters works the local time out again: it is worked out once.
        let t = t.naive_local();
        let ordinary = (0..=9999).contains(&t.year())
            && t.nanosecond() == 0
            && offset % 60 == 0
            && offset != 0;
        if !ordinary {
            return None;
        }
        let mut out = *b"0000-00-00T00:00:00+00:00";
        let mut put = |at: usize, n: u32, digits: usize| {
            let mut n = n;
            for i in (at..at + digits).rev() {
                if let Some(b) = out.get_mut(i) {
                    *b = b'0' + (n % 10) as u8;
                }
                n /= 10;
            }
        };
        put(0, t.year().unsigned_abs(), 4);
        put(5, t.month(), 2);
        put(8, t.day(), 2);
        put(11, t.hour(), 2);
        put(14, t.minute(), 2);
        put(17, t.second(), 2);
        let minutes = offset.unsigned_abs() / 60;
        put(20, minutes / 60, 2);
        put(23, minutes % 60, 2);
        if offset < 0 {
            out[19] = b'-';
        }
        Some(out)
    }
}

/// Bumped when a field changes meaning; new fields alone do not bump it.
pub const FORMAT_VERSION: u32 = 1;

/// The whole of minutes.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesDoc {
    pub version: u32,
    /// The language the labels of minutes.md were written in.
    pub lang: Lang,
    pub meeting: MeetingDoc,
    pub items: Vec<ItemDoc>,
    /// Breaks, in order; `end` is null for a break still running when the journal stops.
    #[serde(default)]
    pub pauses: Vec<PeriodDoc>,
    /// Times the app was down (crash, power loss); they count as meeting time.
    #[serde(default)]
    pub interruptions: Vec<PeriodDoc>,
    #[serde(default)]
    pub plan_changes: Vec<PlanChangeDoc>,
    /// Items added, moved or withdrawn, in order, with their number and title.
    #[serde(default)]
    pub agenda_changes: Vec<AgendaChangeDoc>,
    /// Action points of earlier sessions that were reviewed in this meeting.
    #[serde(default)]
    pub follow_ups: Vec<FollowUpDoc>,
    /// What the referat shows beyond the record itself.
    #[serde(default)]
    pub options: Options,
}

/// The parts of a referat that are a choice of the minute-taker, not a fact of the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Each item's case presentation (*sagsfremstilling*) from the agenda.
    #[serde(default)]
    pub case_text: bool,
    /// Planned against actual time per item.
    #[serde(default = "yes")]
    pub times: bool,
    /// Room for the approval of the minutes (*Referatet godkendt*, date, signatures).
    #[serde(default)]
    pub approval: bool,
    /// Each item's speaker list: who had the floor and for how long (a referat records
    /// decisions, not debate, so only when asked for).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub speakers: bool,
}

fn yes() -> bool {
    true
}

impl Default for Options {
    fn default() -> Self {
        Options {
            case_text: false,
            times: true,
            approval: false,
            speakers: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDoc {
    pub title: String,
    /// The day the meeting was held (else the agenda's date).
    pub date: Option<NaiveDate>,
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub started_at: Option<Time>,
    /// Null while the meeting has not ended.
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub ended_at: Option<Time>,
    /// The time durations run up to: the end, or the last record of an unfinished meeting.
    #[serde(default)]
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub as_of: Option<Time>,
    pub place: Option<String>,
    #[serde(default)]
    pub chair: Option<String>,
    pub referent: Option<String>,
    /// Everyone who attended, including late arrivals and early leavers.
    pub participants: Vec<String>,
    /// Apologies: listed but never present.
    pub absent: Vec<String>,
    #[serde(default)]
    pub movements: Vec<MovementDoc>,
    #[serde(default, with = "hhmm_opt")]
    pub planned_start: Option<NaiveTime>,
    #[serde(default, with = "hhmm_opt")]
    pub planned_end: Option<NaiveTime>,
    /// Wall time from start to end (or `as_of`), breaks included.
    #[serde(default)]
    pub duration_seconds: i64,
    #[serde(default)]
    pub paused_seconds: i64,
}

/// A late arrival (`arrived: true`) or an early leave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MovementDoc {
    pub name: String,
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    pub arrived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Pending,
    Current,
    Done,
    Skipped,
    Deferred,
}

impl From<Status> for ItemStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Pending => ItemStatus::Pending,
            Status::Current => ItemStatus::Current,
            Status::Done => ItemStatus::Done,
            Status::Skipped => ItemStatus::Skipped,
            Status::Deferred => ItemStatus::Deferred,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDoc {
    /// Position in the agenda (numbers as written may repeat).
    #[serde(default)]
    pub index: usize,
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub case_number: Option<String>,
    /// The case presentation, when [`Options::case_text`] asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_text: Option<String>,
    /// The attachments (*bilag*) by name, as the agenda lists them.
    #[serde(default)]
    pub attachments: Vec<String>,
    pub status: ItemStatus,
    /// Minutes as planned when the meeting started.
    pub planned_minutes: Option<u32>,
    /// Minutes after a change of plan, when it changed this item's slot.
    #[serde(default)]
    pub replanned_minutes: Option<u32>,
    /// Time the item was current, breaks excluded.
    pub actual_seconds: i64,
    #[serde(default)]
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub started_at: Option<Time>,
    #[serde(default)]
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub ended_at: Option<Time>,
    pub recommendation: Vec<ClauseDoc>,
    /// Every recorded outcome still standing, in order; `recommendation` says which applies.
    #[serde(default)]
    pub outcomes: Vec<OutcomeDoc>,
    pub decisions: Vec<TextDoc>,
    #[serde(default)]
    pub votes: Vec<VoteDoc>,
    /// Who declared a conflict of interest and left the room for this item.
    #[serde(default)]
    pub inhabil: Vec<String>,
    pub actions: Vec<ActionDoc>,
    pub notes: Vec<TextDoc>,
    /// Who spoke and for how long, in the order they first had the floor (with `--speakers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<SpeakerDoc>,
}

/// One person's speaking time on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerDoc {
    pub name: String,
    /// Not among the meeting's participants.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guest: bool,
    pub seconds: i64,
    /// How many times they had the floor.
    pub turns: usize,
}

/// One clause of the recommendation and the outcome that applies to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseDoc {
    pub text: String,
    pub outcome: Option<Outcome>,
    /// The wording in the minutes: the standard sentence or the minute-taker's edit.
    #[serde(default)]
    pub outcome_text: Option<String>,
    /// The entry that recorded the outcome.
    #[serde(default)]
    pub outcome_id: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeDoc {
    pub id: u64,
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    /// The clause (0-based) it was recorded for; null = the whole recommendation.
    pub clause: Option<usize>,
    pub outcome: Outcome,
    pub text: String,
}

/// A decision or a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextDoc {
    pub id: u64,
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteDoc {
    pub id: u64,
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
    /// Nobody against and nobody abstaining.
    pub unanimous: bool,
    /// The clause (0-based) voted on: the one the next outcome was recorded for; null = the
    /// recommendation as a whole (or the proposal, for an item without one).
    #[serde(default)]
    pub clause: Option<usize>,
    /// What was voted on, in the minutes' language: "indstillingens punkt 2".
    #[serde(default)]
    pub subject: String,
    /// The result in standard wording: "Forslaget blev vedtaget med 5 stemmer for og 2 imod."
    #[serde(default)]
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionDoc {
    /// The entry id in this session's journal; follow-ups in later sessions refer to it.
    pub id: u64,
    pub what: String,
    pub who: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodDoc {
    #[serde(serialize_with = "rfc3339::write")]
    pub start: Time,
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub end: Option<Time>,
    pub seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanChangeDoc {
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    /// `{"mode": "compress" | "push_back" | "defer", "item": index}` as in the journal.
    #[serde(flatten)]
    pub plan: Replan,
    /// The deferred item's number as written.
    #[serde(default)]
    pub item_number: Option<String>,
    /// When the meeting was expected to end just before the change, and planned to after it.
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub expected_end_before: Option<Time>,
    #[serde(serialize_with = "rfc3339::write_opt")]
    pub planned_end_after: Option<Time>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaChangeKind {
    Added,
    Moved,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaChangeDoc {
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    pub change: AgendaChangeKind,
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpDoc {
    /// Folder name of the session the action point belongs to, and its id there.
    pub session: String,
    pub entry: u64,
    #[serde(serialize_with = "rfc3339::write")]
    pub at: Time,
    /// `{"status": "done"}` or `{"status": "moved", "due": "YYYY-MM-DD"}`.
    #[serde(flatten)]
    pub status: FollowUp,
    /// What the action point said, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl MinutesDoc {
    /// Reads the meeting with the default [`Options`].
    pub fn from_meeting(m: &Meeting, lang: Lang) -> Self {
        Self::with_options(m, lang, Options::default())
    }

    /// Reads the meeting. Pure: "now" for an unfinished meeting is its last record.
    pub fn with_options(m: &Meeting, lang: Lang, options: Options) -> Self {
        let as_of = m.ended_at.or(m.last_event_at);
        let now = as_of.unwrap_or_default();
        MinutesDoc {
            version: FORMAT_VERSION,
            lang,
            meeting: meeting_doc(m, as_of, now),
            // Zipped: a hand-built Meeting with fewer states than items cannot make this panic.
            items: m
                .agenda
                .items
                .iter()
                .zip(&m.items)
                .enumerate()
                .map(|(i, (item, state))| item_doc(m, i, item, state, now, lang, options))
                .collect(),
            pauses: m.pauses.iter().map(|s| period(s, now)).collect(),
            interruptions: m.interruptions.iter().map(|s| period(s, now)).collect(),
            plan_changes: m
                .plan_changes
                .iter()
                .map(|c| PlanChangeDoc {
                    at: c.at,
                    plan: c.replan.clone(),
                    item_number: match c.replan {
                        Replan::Defer { item } => m
                            .pos(item)
                            .and_then(|p| m.agenda.items.get(p))
                            .map(|i| i.number.clone()),
                        Replan::Compress | Replan::PushBack => None,
                    },
                    expected_end_before: c.before_end,
                    planned_end_after: c.after_end,
                })
                .collect(),
            agenda_changes: m
                .plan_edits
                .iter()
                .filter_map(|e| {
                    let change = match e.kind {
                        PlanEditKind::Added => AgendaChangeKind::Added,
                        PlanEditKind::Moved => AgendaChangeKind::Moved,
                        PlanEditKind::Removed => AgendaChangeKind::Removed,
                        // A corrected title or time is not a change to the agenda's content.
                        PlanEditKind::Edited => return None,
                    };
                    Some(AgendaChangeDoc {
                        at: e.at,
                        change,
                        number: e.number.clone(),
                        title: e.title.clone(),
                    })
                })
                .collect(),
            follow_ups: m
                .follow_ups
                .iter()
                .map(|f| FollowUpDoc {
                    session: f.session.clone(),
                    entry: f.entry,
                    at: f.at,
                    status: f.status.clone(),
                    action: f.action.clone(),
                })
                .collect(),
            options,
        }
    }

    /// [`MinutesDoc::to_json`], written to `out` as it is made.
    pub fn write_json(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    /// Pretty-printed, with a final newline.
    pub fn to_json(&self) -> String {
        // Strings, numbers, dates and enums with string tags: serialization cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads minutes.json back.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Every action point with the item it belongs to, in agenda order.
    pub fn all_actions(&self) -> impl Iterator<Item = (&ItemDoc, &ActionDoc)> {
        self.items
            .iter()
            .flat_map(|i| i.actions.iter().map(move |a| (i, a)))
    }

    /// Whether the meeting has ended.
    pub fn is_finished(&self) -> bool {
        self.meeting.ended_at.is_some()
    }
}

fn meeting_doc(m: &Meeting, as_of: Option<Time>, now: Time) -> MeetingDoc {
    let a = &m.agenda;
    // Someone who came late or left early was there; only those never present are absent.
    let attended = |p: &&crate::session::state::Person| p.present || !p.movements.is_empty();
    MeetingDoc {
        title: a.title.clone(),
        date: m.started_at.map(|t| t.date_naive()).or(a.date),
        started_at: m.started_at,
        ended_at: m.ended_at,
        as_of,
        place: a.place.clone(),
        chair: a.chair.clone(),
        referent: a.referent.clone(),
        participants: m
            .people
            .iter()
            .filter(attended)
            .map(|p| p.name.clone())
            .collect(),
        absent: m
            .people
            .iter()
            .filter(|p| !attended(p))
            .map(|p| p.name.clone())
            .collect(),
        movements: movements(m),
        // The plan the meeting ran on (an old agenda is moved to the day it ran), not the
        // agenda's own clock times: the screen and the minutes say the same.
        planned_start: m
            .original_plan
            .iter()
            .flatten()
            .map(|s| s.start.time())
            .min()
            .or(a.start),
        planned_end: m
            .original_end()
            .map(|t| t.time())
            .or_else(|| a.planned_end()),
        duration_seconds: m.meeting_elapsed(now).num_seconds(),
        paused_seconds: m.paused_total(now).num_seconds(),
    }
}

fn movements(m: &Meeting) -> Vec<MovementDoc> {
    let mut all: Vec<MovementDoc> = m
        .people
        .iter()
        .flat_map(|p| {
            p.movements.iter().map(|(at, arrived)| MovementDoc {
                name: p.name.clone(),
                at: *at,
                arrived: *arrived,
            })
        })
        .collect();
    all.sort_by_key(|mv| mv.at);
    all
}

fn period(s: &Span, now: Time) -> PeriodDoc {
    PeriodDoc {
        start: s.start,
        end: s.end,
        seconds: (s.end.unwrap_or(now) - s.start)
            .max(Duration::zero())
            .num_seconds(),
    }
}

fn slot_minutes(slot: Option<&Option<Slot>>) -> Option<u32> {
    slot.copied()
        .flatten()
        .and_then(|s| u32::try_from(super::minutes_of(s.length())).ok())
}

fn item_doc(
    m: &Meeting,
    i: usize,
    item: &Item,
    state: &ItemState,
    now: Time,
    lang: Lang,
    options: Options,
) -> ItemDoc {
    let planned = if m.original_plan.is_empty() {
        item.planned_minutes()
    } else {
        slot_minutes(m.original_plan.get(i))
    };
    let replanned = slot_minutes(m.plan.get(i)).filter(|r| Some(*r) != planned);
    ItemDoc {
        index: i,
        number: item.number.clone(),
        title: item.title.clone(),
        case_number: item.case_number.clone(),
        case_text: Some(item.body.trim())
            .filter(|b| options.case_text && !b.is_empty())
            .map(str::to_string),
        attachments: item.attachments.clone(),
        status: state.status.into(),
        planned_minutes: planned,
        replanned_minutes: replanned,
        actual_seconds: state.elapsed(now).num_seconds(),
        started_at: state.spans.first().map(|s| s.start),
        ended_at: state.spans.last().and_then(|s| s.end),
        recommendation: clauses(&item.recommendation, state, lang),
        outcomes: entries(state, |e| match &e.kind {
            EntryKind::Outcome {
                clause,
                outcome,
                text,
            } => Some(OutcomeDoc {
                id: e.id,
                at: e.at,
                clause: *clause,
                outcome: *outcome,
                text: outcome_text(*outcome, text, lang),
            }),
            EntryKind::Decision { .. }
            | EntryKind::Action { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        }),
        decisions: entries(state, |e| match &e.kind {
            EntryKind::Decision { text } => Some(text_doc(e, text)),
            EntryKind::Outcome { .. }
            | EntryKind::Action { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        }),
        votes: entries(state, |e| vote_doc(e, state, item, lang)),
        inhabil: entries(state, |e| match &e.kind {
            EntryKind::Inhabil { name } => Some(name.clone()),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Action { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. } => None,
        }),
        actions: entries(state, |e| match &e.kind {
            EntryKind::Action { what, who, due } => Some(ActionDoc {
                id: e.id,
                what: what.clone(),
                who: who.clone(),
                due: *due,
            }),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Note { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        }),
        notes: entries(state, |e| match &e.kind {
            EntryKind::Note { text } => Some(text_doc(e, text)),
            EntryKind::Decision { .. }
            | EntryKind::Outcome { .. }
            | EntryKind::Action { .. }
            | EntryKind::Vote { .. }
            | EntryKind::Inhabil { .. } => None,
        }),
        speakers: if options.speakers {
            speaker_docs(state, now)
        } else {
            vec![]
        },
    }
}

/// Speaking time per person on one item, in the order they first had the floor.
fn speaker_docs(state: &ItemState, now: Time) -> Vec<SpeakerDoc> {
    let mut out: Vec<SpeakerDoc> = vec![];
    for turn in &state.speakers.turns {
        let seconds = turn.spoken(&state.spans, now).num_seconds();
        match out.iter_mut().find(|s| s.name == turn.name) {
            Some(s) => {
                s.seconds += seconds;
                s.turns += 1;
            }
            None => out.push(SpeakerDoc {
                name: turn.name.clone(),
                guest: turn.guest,
                seconds,
                turns: 1,
            }),
        }
    }
    out
}

fn entries<T>(state: &ItemState, pick: impl Fn(&Entry) -> Option<T>) -> Vec<T> {
    state.entries.iter().filter_map(pick).collect()
}

fn text_doc(e: &Entry, text: &str) -> TextDoc {
    TextDoc {
        id: e.id,
        at: e.at,
        text: text.to_string(),
    }
}

fn vote_doc(e: &Entry, state: &ItemState, item: &Item, lang: Lang) -> Option<VoteDoc> {
    let EntryKind::Vote {
        votes_for,
        against,
        abstain,
    } = e.kind
    else {
        return None;
    };
    // A vote decides what the outcome recorded after it says; for one clause, that clause.
    let clause = state
        .entries
        .iter()
        .filter(|o| o.id > e.id)
        .find_map(|o| {
            if let EntryKind::Outcome { clause, .. } = &o.kind {
                Some(*clause)
            } else {
                None
            }
        })
        .flatten()
        .filter(|k| *k < item.recommendation.len() && item.recommendation.len() > 1);
    let tally = crate::minutes::vote::Tally {
        votes_for,
        against,
        abstain,
    };
    Some(VoteDoc {
        id: e.id,
        at: e.at,
        votes_for,
        against,
        abstain,
        unanimous: tally.unanimous(),
        clause,
        subject: crate::minutes::vote::subject(clause, !item.recommendation.is_empty(), lang),
        result: tally.result(lang),
    })
}

/// The wording in the minutes: a standard sentence (in whichever language it was recorded) in
/// the minutes' language, the standard wording for an emptied text, else the text as typed.
fn outcome_text(outcome: Outcome, text: &str, lang: Lang) -> String {
    let typed = text.trim();
    if typed.is_empty() {
        return outcome.wording(lang, "").trim().to_string();
    }
    for recorded in [Lang::Da, Lang::Nb, Lang::En] {
        let standard = outcome.wording(recorded, "");
        if typed == standard.trim() {
            return standard_in(outcome, lang, "");
        }
        // "… med følgende ændringer: X": the frame is standard, the changes stay as typed.
        if matches!(outcome, Outcome::ApprovedWithChanges)
            && let Some(changes) = typed.strip_prefix(standard.trim_end())
        {
            return standard_in(outcome, lang, changes);
        }
    }
    text.to_string()
}

fn standard_in(outcome: Outcome, lang: Lang, changes: &str) -> String {
    outcome.wording(lang, changes).trim().to_string()
}

/// Each clause with the latest outcome recorded for it or for the whole recommendation.
fn clauses(texts: &[String], state: &ItemState, lang: Lang) -> Vec<ClauseDoc> {
    texts
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let applies = state.entries.iter().rev().find_map(|e| match &e.kind {
                EntryKind::Outcome {
                    clause,
                    outcome,
                    text,
                } if clause.is_none_or(|c| c == k) => Some((e.id, *outcome, text)),
                EntryKind::Decision { .. }
                | EntryKind::Outcome { .. }
                | EntryKind::Action { .. }
                | EntryKind::Note { .. }
                | EntryKind::Vote { .. }
                | EntryKind::Inhabil { .. } => None,
            });
            ClauseDoc {
                text: text.clone(),
                outcome: applies.map(|(_, o, _)| o),
                outcome_text: applies.map(|(_, o, t)| outcome_text(o, t, lang)),
                outcome_id: applies.map(|(id, _, _)| id),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::minutes::markdown::tests::seed_events;
    use crate::minutes::testutil::{at, meeting, seed_agenda, small_agenda};
    use crate::session::Event;

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// A time written digit by digit reads exactly as chrono writes it, for any time,
        /// offset (zero, negative, with seconds) and fraction of a second.
        #[test]
        fn times_are_written_as_chrono_writes_them(
            secs in -80_000_000_000i64..300_000_000_000,
            nanos in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..2_000_000_000],
            offset in proptest::prop_oneof![
                proptest::strategy::Just(0i32),
                (-1439i32..=1439).prop_map(|m| m * 60),
                -86_399i32..86_400,
            ],
        ) {
            let offset = chrono::FixedOffset::east_opt(offset).unwrap();
            let Some(utc) = chrono::DateTime::from_timestamp(secs, nanos) else {
                return Ok(());
            };
            let t = utc.with_timezone(&offset);
            #[derive(Serialize)]
            struct Fast {
                #[serde(serialize_with = "rfc3339::write")]
                at: Time,
                #[serde(serialize_with = "rfc3339::write_opt")]
                maybe: Option<Time>,
                #[serde(serialize_with = "rfc3339::write_opt")]
                none: Option<Time>,
            }
            #[derive(Serialize)]
            struct Chrono {
                at: Time,
                maybe: Option<Time>,
                none: Option<Time>,
            }
            proptest::prop_assert_eq!(
                serde_json::to_string(&Fast { at: t, maybe: Some(t), none: None }).unwrap(),
                serde_json::to_string(&Chrono { at: t, maybe: Some(t), none: None }).unwrap()
            );
        }
    }

    #[test]
    fn the_usual_time_is_written_digit_by_digit() {
        let t = at(65);
        assert_eq!(
            rfc3339::plain(&t).map(|b| String::from_utf8(b.to_vec()).unwrap()),
            Some("2022-03-14T13:31:05+01:00".to_string())
        );
    }

    fn seed_json() -> Value {
        let m = meeting(seed_agenda(), seed_events());
        serde_json::from_str(&crate::minutes::to_json(&m, Lang::Da)).unwrap()
    }

    #[test]
    fn has_the_required_fields() {
        let v = seed_json();
        let meeting = &v["meeting"];
        for key in [
            "title",
            "date",
            "started_at",
            "ended_at",
            "place",
            "referent",
            "participants",
            "absent",
        ] {
            assert!(meeting.get(key).is_some(), "meeting.{key} missing");
        }
        assert_eq!(meeting["date"], "2022-03-14");
        assert_eq!(meeting["started_at"], "2022-03-14T13:32:00+01:00");
        assert_eq!(meeting["ended_at"], "2022-03-14T15:15:00+01:00");
        assert_eq!(meeting["place"], "Hos Eigil");
        assert_eq!(meeting["referent"], "Helle Ø. Enstrøm");
        assert_eq!(meeting["absent"], serde_json::json!(["Rie S. Hosbond"]));
        assert_eq!(meeting["participants"].as_array().unwrap().len(), 3);

        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), 8);
        for item in items {
            for key in [
                "number",
                "title",
                "status",
                "planned_minutes",
                "actual_seconds",
                "recommendation",
                "decisions",
                "actions",
                "notes",
            ] {
                assert!(item.get(key).is_some(), "item.{key} missing in {item}");
            }
        }
        let first = &items[0];
        assert_eq!(first["number"], "1");
        assert_eq!(first["status"], "done");
        assert_eq!(first["planned_minutes"], 10);
        assert_eq!(first["actual_seconds"], 620);
        assert_eq!(first["recommendation"][0]["outcome"], "approved");
        assert!(
            first["recommendation"][0]["text"]
                .as_str()
                .unwrap()
                .starts_with("at der findes")
        );
        assert_eq!(
            first["decisions"][0]["text"],
            "Helle er referent. Der var ingen kommentarer til seneste referat."
        );
        assert_eq!(items[5]["status"], "deferred");
        assert_eq!(items[5]["recommendation"][0]["outcome"], Value::Null);
        assert_eq!(
            items[6]["recommendation"][0]["outcome"],
            "approved_with_changes"
        );
        assert_eq!(items[6]["inhabil"], serde_json::json!(["Marie H. Poulsen"]));
        assert_eq!(items[6]["votes"][0]["for"], 2);
        let action = &items[2]["actions"][0];
        assert_eq!(action["what"], "Beskrive næste udviklingsområde | kvalitet");
        assert_eq!(action["who"], "Marie H. Poulsen");
        assert_eq!(action["due"], "2022-04-11");
        assert!(action["id"].as_u64().is_some());
        assert_eq!(items[4]["actions"][1]["due"], Value::Null);
        // The undone note is gone.
        assert_eq!(items[7]["notes"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn records_the_course_of_the_meeting() {
        let v = seed_json();
        assert_eq!(v["pauses"][0]["seconds"], 600);
        assert_eq!(v["interruptions"][0]["start"], "2022-03-14T14:40:00+01:00");
        assert_eq!(v["plan_changes"][0]["mode"], "defer");
        assert_eq!(v["plan_changes"][0]["item"], 5);
        assert_eq!(v["plan_changes"][0]["item_number"], "6");
        assert_eq!(v["plan_changes"][1]["mode"], "compress");
        assert_eq!(v["follow_ups"][0]["status"], "done");
        assert_eq!(v["follow_ups"][1]["status"], "moved");
        assert_eq!(v["follow_ups"][1]["due"], "2022-04-04");
        assert_eq!(v["meeting"]["movements"][0]["name"], "Marie H. Poulsen");
        assert_eq!(v["meeting"]["movements"][0]["arrived"], true);
        assert_eq!(v["meeting"]["paused_seconds"], 600);
        assert_eq!(v["lang"], "da");
    }

    #[test]
    fn reads_back_what_it_writes() {
        let m = meeting(seed_agenda(), seed_events());
        let doc = MinutesDoc::from_meeting(&m, Lang::Nb);
        let back = MinutesDoc::from_json(&doc.to_json()).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.all_actions().count(), 3);
        assert!(back.is_finished());
    }

    #[test]
    fn reads_a_file_with_only_the_required_fields() {
        let minimal = r#"{"version":1,"lang":"da",
            "meeting":{"title":"M","date":null,"started_at":null,"ended_at":null,"place":null,
                       "referent":null,"participants":[],"absent":[]},
            "items":[{"number":"1","title":"T","status":"pending","planned_minutes":null,
                      "actual_seconds":0,"recommendation":[{"text":"at","outcome":null}],
                      "decisions":[],"actions":[],"notes":[]}]}"#;
        let doc = MinutesDoc::from_json(minimal).unwrap();
        assert_eq!(doc.items[0].status, ItemStatus::Pending);
        assert!(!doc.is_finished());
    }

    #[test]
    fn unfinished_meeting_counts_up_to_its_last_record() {
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (300, Event::Paused),
                (
                    420,
                    Event::Note {
                        item: 0,
                        text: "pause".into(),
                    },
                ),
            ],
        );
        let doc = MinutesDoc::from_meeting(&m, Lang::Da);
        assert_eq!(doc.meeting.ended_at, None);
        assert_eq!(doc.meeting.as_of, Some(at(420)));
        assert_eq!(doc.items[0].status, ItemStatus::Current);
        assert_eq!(
            doc.items[0].actual_seconds, 300,
            "the break counts toward no item"
        );
        assert_eq!(doc.meeting.duration_seconds, 420);
        assert_eq!(doc.pauses[0].end, None);
        assert_eq!(doc.pauses[0].seconds, 120);
        let v: Value = serde_json::from_str(&doc.to_json()).unwrap();
        assert_eq!(v["meeting"]["ended_at"], Value::Null);
    }

    #[test]
    fn an_edited_outcome_keeps_its_text_and_an_empty_one_gets_the_standard_wording() {
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (
                    10,
                    Event::Outcome {
                        item: 0,
                        clause: None,
                        outcome: Outcome::Approved,
                        text: "Indstillingen blev godkendt.".into(),
                    },
                ),
                (
                    20,
                    Event::EntryEdited {
                        entry: 2,
                        text: "Godkendt med bemærkning om tidsplanen.".into(),
                        who: None,
                        due: None,
                    },
                ),
                (
                    30,
                    Event::Outcome {
                        item: 1,
                        clause: None,
                        outcome: Outcome::Rejected,
                        text: " ".into(),
                    },
                ),
            ],
        );
        let doc = MinutesDoc::from_meeting(&m, Lang::Da);
        assert_eq!(
            doc.items[0].recommendation[0].outcome_text.as_deref(),
            Some("Godkendt med bemærkning om tidsplanen.")
        );
        assert_eq!(
            doc.items[1].recommendation[0].outcome_text.as_deref(),
            Some("Indstillingen blev ikke godkendt.")
        );
    }

    #[test]
    fn replanned_minutes_only_when_the_slot_changed() {
        use crate::session::event::Replan;
        // 15 minutes late after item 1, then compressed: items 2 and 3 shrink.
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (1500, Event::ItemStarted { item: 1 }),
                (
                    1500,
                    Event::Replan {
                        plan: Replan::Compress,
                    },
                ),
            ],
        );
        let doc = MinutesDoc::from_meeting(&m, Lang::Da);
        assert_eq!(doc.items[0].replanned_minutes, None);
        assert_eq!(doc.items[1].planned_minutes, Some(10));
        assert_eq!(doc.items[1].replanned_minutes, Some(3));
        assert_eq!(doc.items[2].replanned_minutes, Some(3));
    }

    #[test]
    fn standard_wording_is_written_in_the_language_of_the_minutes() {
        let outcome = |item, outcome, text: &str| Event::Outcome {
            item,
            clause: None,
            outcome,
            text: text.into(),
        };
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (
                    10,
                    outcome(0, Outcome::Approved, "The recommendation was approved."),
                ),
                (
                    20,
                    outcome(
                        1,
                        Outcome::ApprovedWithChanges,
                        "Indstillingen blev godkendt med følgende ændringer: tidsplanen rykkes.",
                    ),
                ),
                (
                    30,
                    outcome(2, Outcome::Rejected, "Afvist, men tages op igen i juni."),
                ),
            ],
        );
        let doc = MinutesDoc::from_meeting(&m, Lang::Nb);
        let text = |i: usize| doc.items[i].recommendation[0].outcome_text.clone();
        assert_eq!(text(0).as_deref(), Some("Innstillingen ble vedtatt."));
        assert_eq!(
            text(1).as_deref(),
            Some("Innstillingen ble vedtatt med følgende endringer: tidsplanen rykkes.")
        );
        assert_eq!(
            text(2).as_deref(),
            Some("Afvist, men tages op igen i juni."),
            "edited wording stays as typed"
        );
        assert_eq!(doc.items[0].outcomes[0].text, "Innstillingen ble vedtatt.");
    }
}
