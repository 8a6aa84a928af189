//! The referat as a sequence of blocks: what every format shows, in order, in the minutes'
//! language, with every text cleaned of control characters. Markdown, HTML, Word, PDF and the
//! review screen each render these blocks and nothing else, so they always agree.
//!
//! The layout follows a Danish *referat*: the meeting's facts, follow-ups of earlier action
//! points, then item by item the recommendation with each clause's outcome, the decision, votes,
//! conflicts of interest, action points, notes, attachments and time; then the course of the
//! meeting, all action points, and room for the approval when asked for.

use chrono::Duration;

use super::json::{
    ActionDoc, AgendaChangeKind, ClauseDoc, ItemDoc, ItemStatus, MeetingDoc, MinutesDoc,
    OutcomeDoc, VoteDoc,
};
use super::{hhmm, long_date, minutes_of};
use crate::i18n::{Key, Lang};
use crate::session::clock::Time;
use crate::session::due::format_date;
use crate::session::event::{FollowUp, Replan};

/// The referat, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub lang: Lang,
    /// "Referat: Centerledermøde d. 14-03-2022".
    pub title: String,
    /// "mandag den 14. marts 2022", or empty.
    pub date: String,
    pub blocks: Vec<Block>,
}

/// One piece of the referat. Texts are single lines unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Label and value, one row each: the meeting's facts.
    Facts(Vec<(&'static str, String)>),
    /// A remark on the state of the minutes ("The meeting has not ended …").
    Notice(String),
    /// A section: an agenda item (`item` is its index) or a closing section.
    Heading {
        text: String,
        item: Option<usize>,
    },
    /// A small heading inside a section: *Indstilling*, *Beslutning* …
    Label(&'static str),
    Para(String),
    /// A line set apart in italics: an item's state or its time.
    Aside(String),
    /// A label and a value on one line: *Inhabil: Bo (forlod lokalet)*.
    Field(&'static str, String),
    Bullets(Vec<String>),
    /// The recommendation; numbered when it has more than one clause.
    Clauses(Vec<Clause>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// 1-based, when the recommendation has several clauses.
    pub number: Option<usize>,
    pub text: String,
    /// The outcome's menu word: *Godkendt*.
    pub outcome: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// What a table holds, for formats that lay them out differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Actions,
    Votes,
    /// Names with empty cells to sign in.
    Signatures,
}

/// Lays the document out.
pub fn layout(doc: &MinutesDoc) -> Layout {
    let lang = doc.lang;
    let mut blocks = vec![];
    header(&mut blocks, doc);
    follow_ups(&mut blocks, doc);
    let approving = doc.items.iter().position(approves_agenda);
    if approving.is_none() {
        blocks.extend(agenda_changes(doc).map(Block::Para));
    }
    for (i, item) in doc.items.iter().enumerate() {
        item_section(&mut blocks, item, doc);
        if approving == Some(i) {
            blocks.extend(agenda_changes(doc).map(Block::Para));
        }
    }
    course(&mut blocks, doc);
    closing_actions(&mut blocks, doc);
    approval(&mut blocks, doc);
    Layout {
        lang,
        title: minutes_title(&doc.meeting.title, lang),
        date: doc
            .meeting
            .date
            .map(|d| long_date(d, lang))
            .unwrap_or_default(),
        blocks,
    }
}

/// Whether the item is the one that approves the agenda (*Godkendelse af dagsorden*).
fn approves_agenda(item: &ItemDoc) -> bool {
    let t = item.title.to_lowercase();
    ["dagsorden", "saksliste", "sakliste", "agenda"]
        .iter()
        .any(|w| t.contains(w))
        && ["godkend", "godkjen", "approv"]
            .iter()
            .any(|w| t.contains(w))
}

/// *Dagsordenen blev godkendt med følgende ændringer: punkt 8a (Nyt punkt) tilføjet; punkt 5
/// udgik.*, when the plan changed.
fn agenda_changes(doc: &MinutesDoc) -> Option<String> {
    let lang = doc.lang;
    if doc.agenda_changes.is_empty() {
        return None;
    }
    let parts: Vec<String> = doc
        .agenda_changes
        .iter()
        .map(|c| {
            let what = match c.change {
                AgendaChangeKind::Added => Key::ChangeAdded,
                AgendaChangeKind::Moved => Key::ChangeMoved,
                AgendaChangeKind::Removed => Key::ChangeRemoved,
            };
            format!(
                "{} {} ({}) {}",
                Key::Item.get(lang).to_lowercase(),
                text(&c.number),
                text(&c.title),
                what.get(lang)
            )
        })
        .collect();
    Some(format!(
        "{}{}.",
        Key::AgendaChanged.get(lang),
        parts.join("; ")
    ))
}

/// Text from the agenda or the journal on one line: control characters and escape sequences
/// removed, line breaks folded into spaces.
pub fn text(s: &str) -> String {
    // Most text has nothing to remove: one copy instead of a string per line and a join.
    if !crate::textutil::has_unsafe(s) {
        return s.trim().to_string();
    }
    s.lines()
        .map(crate::textutil::clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The minutes' title from the agenda's: *Dagsorden til ledermøde i Skole og Dagtilbud* gives
/// *Referat af ledermøde i Skole og Dagtilbud* (the meeting's name, not what follows the word
/// *Dagsorden*), *Dagsorden: Centerledermøde* gives *Referat: Centerledermøde*.
pub(crate) fn minutes_title(title: &str, lang: Lang) -> String {
    let name = text(&meeting_title(title));
    match meeting_name(&name) {
        Some(name) => format!("{} {name}", Key::MinutesOf.get(lang)),
        None => format!("{}: {name}", Key::Minutes.get(lang)),
    }
}

/// What follows a leading *til*, *for*, *ved* … (the rest of a title such as *Dagsorden til
/// ledermøde*), or `None` when the title does not start with one.
fn meeting_name(rest: &str) -> Option<&str> {
    const LINKS: &[&str] = &[
        "til", "for", "ved", "af", "av", "over", "fra", "frå", "of", "to",
    ];
    let (first, name) = rest.split_once(' ')?;
    let name = name.trim_start();
    (LINKS.contains(&first.to_lowercase().as_str()) && !name.is_empty()).then_some(name)
}

/// The title without a leading "Dagsorden"/"Saksliste"/"Agenda", which the minutes replace.
pub(crate) fn meeting_title(title: &str) -> String {
    let trimmed = title.trim();
    for lang in Lang::ALL {
        let word = Key::Agenda.get(lang);
        if let Some(head) = trimmed.get(..word.len())
            && head.eq_ignore_ascii_case(word)
        {
            let rest = trimmed[word.len()..].trim_start_matches([' ', ':', '-', '–']);
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    trimmed.to_string()
}

fn header(out: &mut Vec<Block>, doc: &MinutesDoc) {
    let lang = doc.lang;
    let m = &doc.meeting;
    let opt = |o: &Option<String>| o.as_deref().map(text).unwrap_or_default();
    let facts: Vec<(&'static str, String)> = [
        (
            Key::Date,
            m.date.map(|d| long_date(d, lang)).unwrap_or_default(),
        ),
        (Key::Time, time_range(m, lang)),
        (Key::Place, opt(&m.place)),
        (Key::Chair, opt(&m.chair)),
        (Key::Referent, opt(&m.referent)),
        (Key::Participants, participants(m, lang)),
        (Key::Absent, names(&m.absent)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k.get(lang), v))
    .collect();
    if !facts.is_empty() {
        out.push(Block::Facts(facts));
    }
    if m.started_at.is_none() {
        out.push(Block::Notice(Key::MeetingNotStarted.get(lang).to_string()));
    } else if m.ended_at.is_none() {
        let at = m.as_of.as_ref().map(hhmm).unwrap_or_default();
        out.push(Block::Notice(format!(
            "{} {at}.",
            Key::MeetingNotFinished.get(lang)
        )));
    }
}

/// "13:32–15:14 (planlagt 13:30–15:30)".
fn time_range(m: &MeetingDoc, lang: Lang) -> String {
    let actual = match (&m.started_at, &m.ended_at) {
        (Some(s), Some(e)) => format!("{}–{}", hhmm(s), hhmm(e)),
        (Some(s), None) => format!("{}–", hhmm(s)),
        (None, Some(_) | None) => String::new(),
    };
    let planned = match (m.planned_start, m.planned_end) {
        (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%H:%M")),
        (Some(s), None) => s.format("%H:%M").to_string(),
        (None, Some(_) | None) => String::new(),
    };
    let word = Key::Planned.get(lang);
    match (actual.is_empty(), planned.is_empty()) {
        (false, false) => format!("{actual} ({} {planned})", word.to_lowercase()),
        (false, true) => actual,
        (true, false) => format!("{word} {planned}"),
        (true, true) => String::new(),
    }
}

/// "Anna, Bo (ankom 13:42), Carl (gik 14:50)".
fn participants(m: &MeetingDoc, lang: Lang) -> String {
    m.participants
        .iter()
        .map(|name| {
            let moves: Vec<String> = m
                .movements
                .iter()
                .filter(|mv| &mv.name == name)
                .map(|mv| {
                    let word = if mv.arrived { Key::Arrived } else { Key::Left };
                    format!("{} {}", word.get(lang).to_lowercase(), hhmm(&mv.at))
                })
                .collect();
            if moves.is_empty() {
                text(name)
            } else {
                format!("{} ({})", text(name), moves.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn names(list: &[String]) -> String {
    list.iter().map(|n| text(n)).collect::<Vec<_>>().join(", ")
}

fn follow_ups(out: &mut Vec<Block>, doc: &MinutesDoc) {
    if doc.follow_ups.is_empty() {
        return;
    }
    let lang = doc.lang;
    out.push(section(Key::FollowUpsHeading, lang));
    let lines = doc
        .follow_ups
        .iter()
        .map(|f| {
            let status = match &f.status {
                FollowUp::Done => Key::FollowUpDone.get(lang).to_string(),
                FollowUp::Moved { due } => {
                    format!(
                        "{} {}",
                        Key::FollowUpMoved.get(lang),
                        format_date(*due, lang)
                    )
                }
            };
            match &f.action {
                Some(action) => format!("{}: {status}", text(action)),
                None => format!("{} #{}: {status}", text(&f.session), f.entry),
            }
        })
        .collect();
    out.push(Block::Bullets(lines));
}

/// The heading of a section that is not an agenda item.
fn section(key: Key, lang: Lang) -> Block {
    Block::Heading {
        text: key.get(lang).to_string(),
        item: None,
    }
}

/// "Punkt 3: Kvalitetshåndbog", or the title alone for an unnumbered item.
pub fn item_heading(item: &ItemDoc, lang: Lang) -> String {
    if item.number.trim().is_empty() {
        text(&item.title)
    } else {
        format!(
            "{} {}: {}",
            Key::Item.get(lang),
            text(&item.number),
            text(&item.title)
        )
    }
}

fn item_section(out: &mut Vec<Block>, item: &ItemDoc, doc: &MinutesDoc) {
    let lang = doc.lang;
    out.push(Block::Heading {
        text: item_heading(item, lang),
        item: Some(item.index),
    });
    if let Some(case) = item.case_number.as_deref().filter(|c| !c.trim().is_empty()) {
        out.push(Block::Para(format!(
            "{} {}",
            Key::CaseNumber.get(lang),
            text(case)
        )));
    }
    if let Some(status) = status_word(item.status, doc.is_finished(), lang) {
        out.push(Block::Aside(format!("{status}.")));
    }
    if let Some(body) = &item.case_text {
        out.push(Block::Label(Key::CasePresentation.get(lang)));
        out.extend(paragraphs(body).into_iter().map(Block::Para));
    }
    recommendation(out, &item.recommendation, lang);
    decision(out, item, lang);
    votes(out, &item.votes, lang);
    if !item.inhabil.is_empty() {
        out.push(Block::Field(
            Key::Inhabil.get(lang),
            format!("{} ({})", names(&item.inhabil), Key::LeftRoom.get(lang)),
        ));
    }
    if !item.actions.is_empty() {
        out.push(Block::Label(Key::ActionPoints.get(lang)));
        out.push(Block::Table(action_table(
            item.actions.iter().map(|a| (None, a)),
            lang,
        )));
    }
    if !item.notes.is_empty() {
        out.push(Block::Label(Key::Notes.get(lang)));
        out.push(Block::Bullets(
            item.notes.iter().map(|n| text(&n.text)).collect(),
        ));
    }
    let attachments: Vec<String> = item
        .attachments
        .iter()
        .map(|a| text(a))
        .filter(|a| !a.is_empty())
        .collect();
    if !attachments.is_empty() {
        out.push(Block::Label(Key::Attachments.get(lang)));
        out.push(Block::Bullets(attachments));
    }
    if !item.speakers.is_empty() {
        out.push(Block::Label(Key::Speakers.get(lang)));
        out.push(Block::Bullets(
            item.speakers
                .iter()
                .map(|s| speaker_line(s, lang))
                .collect(),
        ));
    }
    if doc.options.times
        && let Some(time) = item_time(item, lang)
    {
        out.push(Block::Aside(format!("{}: {time}", Key::Time.get(lang))));
    }
}

/// "Helle Jensen: 3 min 12 s (2 indlæg)"; a guest is marked.
fn speaker_line(s: &super::json::SpeakerDoc, lang: Lang) -> String {
    let guest = if s.guest {
        format!(" ({})", Key::GuestWord.get(lang))
    } else {
        String::new()
    };
    let secs = s.seconds.max(0);
    let time = format!("{}:{:02}", secs / 60, secs % 60);
    let turns = if s.turns > 1 {
        format!(" ({} {})", s.turns, Key::TurnsWord.get(lang))
    } else {
        String::new()
    };
    format!("{}{guest}: {time}{turns}", text(&s.name))
}

/// A case presentation's lines, each a paragraph: agendas write lists and short paragraphs
/// line by line.
fn paragraphs(body: &str) -> Vec<String> {
    body.lines().map(text).filter(|p| !p.is_empty()).collect()
}

/// The state an item's section opens with, when it is not simply "treated".
fn status_word(status: ItemStatus, finished: bool, lang: Lang) -> Option<&'static str> {
    match status {
        ItemStatus::Done => None,
        ItemStatus::Skipped => Some(Key::NotTreated.get(lang)),
        ItemStatus::Deferred => Some(Key::StatusDeferred.get(lang)),
        ItemStatus::Pending if finished => Some(Key::NotTreated.get(lang)),
        ItemStatus::Pending => Some(Key::StatusPending.get(lang)),
        ItemStatus::Current => Some(Key::StatusCurrent.get(lang)),
    }
}

fn recommendation(out: &mut Vec<Block>, clauses: &[ClauseDoc], lang: Lang) {
    if clauses.is_empty() {
        return;
    }
    out.push(Block::Label(Key::Recommendation.get(lang)));
    let numbered = clauses.len() > 1;
    out.push(Block::Clauses(
        clauses
            .iter()
            .enumerate()
            .map(|(k, c)| Clause {
                number: numbered.then_some(k + 1),
                text: text(&c.text),
                outcome: c.outcome.map(|o| o.label(lang)),
            })
            .collect(),
    ));
}

/// The outcome sentences that apply (each once), then the decisions as written.
fn decision(out: &mut Vec<Block>, item: &ItemDoc, lang: Lang) {
    let numbered = item.recommendation.len() > 1;
    let applying: Vec<&OutcomeDoc> = if item.recommendation.is_empty() {
        item.outcomes.last().into_iter().collect()
    } else {
        item.outcomes
            .iter()
            .filter(|o| {
                item.recommendation
                    .iter()
                    .any(|c| c.outcome_id == Some(o.id))
            })
            .collect()
    };
    if applying.is_empty() && item.decisions.is_empty() {
        return;
    }
    out.push(Block::Label(Key::Decision.get(lang)));
    for o in applying {
        let prefix = match o.clause {
            Some(k) if numbered => format!("({}) ", k + 1),
            Some(_) | None => String::new(),
        };
        out.push(Block::Para(format!("{prefix}{}", text(&o.text))));
    }
    for d in &item.decisions {
        out.push(Block::Para(text(&d.text)));
    }
}

fn votes(out: &mut Vec<Block>, votes: &[VoteDoc], lang: Lang) {
    if votes.is_empty() {
        return;
    }
    out.push(Block::Label(Key::Vote.get(lang)));
    out.push(Block::Table(Table {
        kind: TableKind::Votes,
        head: vec![
            Key::VotedOn.get(lang),
            Key::VoteFor.get(lang),
            Key::VoteAgainst.get(lang),
            Key::VoteAbstain.get(lang),
            Key::VoteResult.get(lang),
        ],
        rows: votes
            .iter()
            .map(|v| {
                vec![
                    text(&v.subject),
                    v.votes_for.to_string(),
                    v.against.to_string(),
                    v.abstain.to_string(),
                    text(&v.result),
                ]
            })
            .collect(),
    }));
}

/// A table of action points; with `Some(item)` per row, the first column names the item.
fn action_table<'a>(
    rows: impl Iterator<Item = (Option<&'a ItemDoc>, &'a ActionDoc)>,
    lang: Lang,
) -> Table {
    let rows: Vec<_> = rows.collect();
    let with_item = rows.iter().any(|(i, _)| i.is_some());
    let mut head = vec![Key::What.get(lang), Key::Who.get(lang), Key::Due.get(lang)];
    if with_item {
        head.insert(0, Key::Item.get(lang));
    }
    let rows = rows
        .into_iter()
        .map(|(item, a)| {
            let due = a.due.map(|d| format_date(d, lang)).unwrap_or_default();
            let mut cells = vec![text(&a.what), text(&a.who), due];
            if let Some(item) = item {
                let name = if item.number.trim().is_empty() {
                    &item.title
                } else {
                    &item.number
                };
                cells.insert(0, text(name));
            }
            cells
        })
        .collect();
    Table {
        kind: TableKind::Actions,
        head,
        rows,
    }
}

/// "planlagt 10 min, faktisk 12 min" (with a changed plan: "planlagt 20 min (ændret plan: 15 min)").
fn item_time(item: &ItemDoc, lang: Lang) -> Option<String> {
    let min = Key::Minute.get(lang);
    let mut parts = vec![];
    if let Some(p) = item.planned_minutes {
        let mut s = format!("{} {p} {min}", Key::Planned.get(lang).to_lowercase());
        if let Some(r) = item.replanned_minutes {
            s.push_str(&format!(
                " ({}: {r} {min})",
                Key::PlanChanged.get(lang).to_lowercase()
            ));
        }
        parts.push(s);
    }
    let treated =
        item.actual_seconds > 0 || matches!(item.status, ItemStatus::Done | ItemStatus::Current);
    if treated {
        let actual = minutes_of(Duration::seconds(item.actual_seconds));
        parts.push(format!(
            "{} {actual} {min}",
            Key::Actual.get(lang).to_lowercase()
        ));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Breaks, interruptions and changes of plan, in time order.
fn course(out: &mut Vec<Block>, doc: &MinutesDoc) {
    let lang = doc.lang;
    let span = |start: &Time, end: &Option<Time>, secs: i64| {
        let to = end.as_ref().map(hhmm).unwrap_or_default();
        (
            format!("{}–{to}", hhmm(start)),
            super::duration_text(secs, lang),
        )
    };
    let mut lines: Vec<(Time, String)> = vec![];
    for p in &doc.pauses {
        let (when, length) = span(&p.start, &p.end, p.seconds);
        lines.push((
            p.start,
            format!("{when}: {} ({length})", Key::Break.get(lang)),
        ));
    }
    for p in &doc.interruptions {
        let (when, length) = span(&p.start, &p.end, p.seconds);
        lines.push((
            p.start,
            format!(
                "{when}: {} ({length}): {}",
                Key::Interruption.get(lang),
                Key::InterruptionNote.get(lang)
            ),
        ));
    }
    for c in &doc.plan_changes {
        let what = match &c.plan {
            Replan::Compress => Key::ReplanCompress.get(lang).to_string(),
            Replan::PushBack => Key::ReplanPushBack.get(lang).to_string(),
            Replan::Defer { item } => {
                let number = c.item_number.clone().unwrap_or_else(|| item.to_string());
                format!(
                    "{} {} {}",
                    Key::Item.get(lang),
                    text(&number),
                    Key::ReplanDefer.get(lang)
                )
            }
        };
        let ends = match (&c.expected_end_before, &c.planned_end_after) {
            (Some(b), Some(a)) => format!(
                " ({} {} → {})",
                Key::ExpectedEnd.get(lang),
                hhmm(b),
                hhmm(a)
            ),
            (Some(_) | None, _) => String::new(),
        };
        lines.push((
            c.at,
            format!(
                "{}: {}: {what}{ends}",
                hhmm(&c.at),
                Key::PlanChanged.get(lang)
            ),
        ));
    }
    if lines.is_empty() {
        return;
    }
    lines.sort_by_key(|(at, _)| *at);
    out.push(section(Key::CourseOfMeeting, lang));
    out.push(Block::Bullets(lines.into_iter().map(|(_, l)| l).collect()));
}

fn closing_actions(out: &mut Vec<Block>, doc: &MinutesDoc) {
    if doc.all_actions().next().is_none() {
        return;
    }
    out.push(section(Key::AllActionPoints, doc.lang));
    out.push(Block::Table(action_table(
        doc.all_actions().map(|(i, a)| (Some(i), a)),
        doc.lang,
    )));
}

/// *Referatet godkendt*: a line per participant to date and sign.
fn approval(out: &mut Vec<Block>, doc: &MinutesDoc) {
    if !doc.options.approval {
        return;
    }
    let lang = doc.lang;
    out.push(section(Key::ApprovalHeading, lang));
    out.push(Block::Label(Key::ApprovalText.get(lang)));
    out.push(Block::Table(Table {
        kind: TableKind::Signatures,
        head: vec![
            Key::Name.get(lang),
            Key::Date.get(lang),
            Key::Signature.get(lang),
        ],
        rows: doc
            .meeting
            .participants
            .iter()
            .map(|p| vec![text(p), String::new(), String::new()])
            .collect(),
    }));
}

impl Layout {
    /// Every text the layout shows, for tests that a format left nothing out.
    pub fn texts(&self) -> Vec<String> {
        let mut all = vec![self.title.clone()];
        for b in &self.blocks {
            match b {
                Block::Facts(rows) => {
                    for (k, v) in rows {
                        all.push((*k).to_string());
                        all.push(v.clone());
                    }
                }
                Block::Notice(s) | Block::Para(s) | Block::Aside(s) => all.push(s.clone()),
                Block::Heading { text, .. } => all.push(text.clone()),
                Block::Label(s) => all.push((*s).to_string()),
                Block::Field(k, v) => {
                    all.push((*k).to_string());
                    all.push(v.clone());
                }
                Block::Bullets(lines) => all.extend(lines.iter().cloned()),
                Block::Clauses(cs) => {
                    for c in cs {
                        all.push(c.text.clone());
                        all.extend(c.outcome.map(str::to_string));
                    }
                }
                Block::Table(t) => {
                    all.extend(t.head.iter().map(|h| (*h).to_string()));
                    all.extend(t.rows.iter().flatten().filter(|c| !c.is_empty()).cloned());
                }
            }
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::json::Options;
    use crate::minutes::markdown::tests::seed_events;
    use crate::minutes::testutil::{meeting, seed_agenda, small_agenda};
    use crate::session::{Event, Outcome};

    #[test]
    fn text_is_one_trimmed_line_with_or_without_anything_to_remove() {
        assert_eq!(text("  Budget 2023  "), "Budget 2023");
        assert_eq!(text(" \u{a0}"), "");
        assert_eq!(text(" første\n\n  anden \r\n"), "første anden");
        assert_eq!(text("a\u{1b}[31mb\tc\u{202e}"), "ab c");
    }

    fn doc(options: Options) -> MinutesDoc {
        let mut agenda = seed_agenda();
        agenda.items[6].attachments = vec!["Spilleregler for samarbejdet.pdf".into()];
        agenda.items[2].body = "Opfølgning på kvalitetshåndbogen.\n- næste område".into();
        MinutesDoc::with_options(&meeting(agenda, seed_events()), Lang::Da, options)
    }

    fn has(l: &Layout, want: &str) -> bool {
        l.texts().iter().any(|t| t.contains(want))
    }

    #[test]
    fn options_choose_case_text_times_and_approval() {
        let plain = layout(&doc(Options::default()));
        assert!(
            has(&plain, "Spilleregler for samarbejdet.pdf"),
            "attachments always"
        );
        assert!(has(&plain, "planlagt 10 min"));
        assert!(!has(&plain, "Opfølgning på kvalitetshåndbogen."));
        assert!(!has(&plain, "Referatet godkendt"));
        let full = layout(&doc(Options {
            case_text: true,
            times: false,
            approval: true,
            speakers: false,
        }));
        assert!(has(&full, "Opfølgning på kvalitetshåndbogen."));
        assert!(
            has(&full, "- næste område"),
            "each line of the case text on its own"
        );
        assert!(!has(&full, "planlagt 10 min"));
        assert!(has(&full, "Referatet godkendt"));
        let Some(Block::Table(signatures)) = full.blocks.last() else {
            panic!("the approval block ends the minutes");
        };
        assert_eq!(signatures.kind, TableKind::Signatures);
        assert_eq!(signatures.rows.len(), 3, "one row per participant");
    }

    #[test]
    fn a_vote_is_on_the_clause_whose_outcome_follows_it() {
        let mut agenda = small_agenda();
        agenda.items[0].recommendation = vec!["at a".into(), "at b".into()];
        let m = meeting(
            agenda,
            vec![
                (0, Event::MeetingStarted),
                (
                    10,
                    Event::Vote {
                        item: 0,
                        votes_for: 2,
                        against: 3,
                        abstain: 0,
                    },
                ),
                (
                    20,
                    Event::Outcome {
                        item: 0,
                        clause: Some(1),
                        outcome: Outcome::Rejected,
                        text: String::new(),
                    },
                ),
                (
                    30,
                    Event::Vote {
                        item: 1,
                        votes_for: 4,
                        against: 0,
                        abstain: 0,
                    },
                ),
            ],
        );
        let d = MinutesDoc::from_meeting(&m, Lang::Da);
        let v = &d.items[0].votes[0];
        assert_eq!(v.clause, Some(1));
        assert_eq!(v.subject, "indstillingens punkt 2");
        assert_eq!(
            v.result,
            "Forslaget blev ikke vedtaget: 2 stemmer for og 3 imod."
        );
        assert_eq!(d.items[1].votes[0].subject, "indstillingen");
        assert_eq!(
            d.items[1].votes[0].result,
            "Forslaget blev vedtaget enstemmigt."
        );
    }
}
