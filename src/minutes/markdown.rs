//! minutes.md in the layout of a Danish *referat*: the meeting's facts, then item by item the
//! recommendation and its outcome, decisions, votes, conflicts of interest, action points and
//! notes, then the course of the meeting (breaks, interruptions, changes of plan) and all action
//! points in one table.

use std::fmt::Write;

use super::json::{
    ActionDoc, ClauseDoc, ItemDoc, ItemStatus, MeetingDoc, MinutesDoc, OutcomeDoc, VoteDoc,
};
use super::{hhmm, long_date, md_cell, md_inline, md_text};
use crate::i18n::{Key, Lang};
use crate::session::clock::Time;
use crate::session::due::format_date;
use crate::session::event::{FollowUp, Replan};

/// The whole minutes.md.
pub fn render(doc: &MinutesDoc) -> String {
    let mut out = String::new();
    header(&mut out, doc);
    follow_ups(&mut out, doc);
    for item in &doc.items {
        item_section(&mut out, item, doc);
    }
    course(&mut out, doc);
    closing_actions(&mut out, doc);
    // One trailing newline, whatever the last section wrote.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn label(key: Key, lang: Lang) -> &'static str {
    key.get(lang)
}

/// The title without a leading "Dagsorden"/"Saksliste"/"Agenda", which the minutes replace.
fn meeting_title(title: &str) -> String {
    let trimmed = title.trim();
    for lang in [Lang::Da, Lang::Nb, Lang::En] {
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

fn header(out: &mut String, doc: &MinutesDoc) {
    let lang = doc.lang;
    let m = &doc.meeting;
    let _ = writeln!(
        out,
        "# {}: {}\n",
        label(Key::Minutes, lang),
        md_inline(&meeting_title(&m.title))
    );
    let opt = |o: &Option<String>| o.as_deref().map(md_inline).unwrap_or_default();
    let fields = [
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
    ];
    let mut any = false;
    for (key, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "- **{}:** {value}", label(*key, lang));
        any = true;
    }
    if any {
        out.push('\n');
    }
    if m.started_at.is_none() {
        let _ = writeln!(out, "> {}\n", label(Key::MeetingNotStarted, lang));
    } else if m.ended_at.is_none() {
        let at = m.as_of.as_ref().map(hhmm).unwrap_or_default();
        let _ = writeln!(out, "> {} {at}.\n", label(Key::MeetingNotFinished, lang));
    }
}

/// "13:32–15:14 (planlagt 13:30–15:30)".
fn time_range(m: &MeetingDoc, lang: Lang) -> String {
    let actual = match (&m.started_at, &m.ended_at) {
        (Some(s), Some(e)) => format!("{}–{}", hhmm(s), hhmm(e)),
        (Some(s), None) => format!("{}–", hhmm(s)),
        _ => String::new(),
    };
    let planned = match (m.planned_start, m.planned_end) {
        (Some(s), Some(e)) => format!("{}–{}", s.format("%H:%M"), e.format("%H:%M")),
        (Some(s), None) => s.format("%H:%M").to_string(),
        _ => String::new(),
    };
    match (actual.is_empty(), planned.is_empty()) {
        (false, false) => format!(
            "{actual} ({} {planned})",
            label(Key::Planned, lang).to_lowercase()
        ),
        (false, true) => actual,
        (true, false) => format!("{} {planned}", label(Key::Planned, lang)),
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
                    format!("{} {}", label(word, lang).to_lowercase(), hhmm(&mv.at))
                })
                .collect();
            if moves.is_empty() {
                md_inline(name)
            } else {
                format!("{} ({})", md_inline(name), moves.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn names(list: &[String]) -> String {
    list.iter()
        .map(|n| md_inline(n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn follow_ups(out: &mut String, doc: &MinutesDoc) {
    if doc.follow_ups.is_empty() {
        return;
    }
    let lang = doc.lang;
    let _ = writeln!(out, "## {}\n", label(Key::FollowUpsHeading, lang));
    for f in &doc.follow_ups {
        let status = match &f.status {
            FollowUp::Done => label(Key::FollowUpDone, lang).to_string(),
            FollowUp::Moved { due } => format!(
                "{} {}",
                label(Key::FollowUpMoved, lang),
                format_date(*due, lang)
            ),
        };
        match &f.action {
            Some(action) => {
                let _ = writeln!(out, "- {}: {status}", md_text(action));
            }
            None => {
                let _ = writeln!(out, "- {} #{}: {status}", md_text(&f.session), f.entry);
            }
        }
    }
    out.push('\n');
}

fn item_heading(item: &ItemDoc, lang: Lang) -> String {
    if item.number.trim().is_empty() {
        md_inline(&item.title)
    } else {
        format!(
            "{} {}: {}",
            label(Key::Item, lang),
            md_inline(&item.number),
            md_inline(&item.title)
        )
    }
}

fn item_section(out: &mut String, item: &ItemDoc, doc: &MinutesDoc) {
    let lang = doc.lang;
    let _ = writeln!(out, "## {}\n", item_heading(item, lang));
    if let Some(case) = item.case_number.as_deref().filter(|c| !c.trim().is_empty()) {
        let _ = writeln!(
            out,
            "{} {}\n",
            label(Key::CaseNumber, lang),
            md_inline(case)
        );
    }
    if let Some(status) = status_word(item.status, doc.is_finished(), lang) {
        let _ = writeln!(out, "*{status}.*\n");
    }
    recommendation(out, &item.recommendation, lang);
    decision(out, item, lang);
    for v in &item.votes {
        let _ = writeln!(
            out,
            "**{}:** {}\n",
            label(Key::Vote, lang),
            vote_line(v, lang)
        );
    }
    if !item.inhabil.is_empty() {
        let _ = writeln!(
            out,
            "**{}:** {} ({})\n",
            label(Key::Inhabil, lang),
            names(&item.inhabil),
            label(Key::LeftRoom, lang)
        );
    }
    if !item.actions.is_empty() {
        let _ = writeln!(out, "**{}**\n", label(Key::ActionPoints, lang));
        action_table(out, item.actions.iter().map(|a| (None, a)), lang);
    }
    if !item.notes.is_empty() {
        let _ = writeln!(out, "**{}**\n", label(Key::Notes, lang));
        for n in &item.notes {
            let _ = writeln!(out, "- {}", md_text(&n.text));
        }
        out.push('\n');
    }
    if let Some(time) = item_time(item, lang) {
        let _ = writeln!(out, "*{}: {time}*\n", label(Key::Time, lang));
    }
}

/// The state an item's section opens with, when it is not simply "treated".
fn status_word(status: ItemStatus, finished: bool, lang: Lang) -> Option<&'static str> {
    match status {
        ItemStatus::Done => None,
        ItemStatus::Skipped => Some(label(Key::NotTreated, lang)),
        ItemStatus::Deferred => Some(label(Key::StatusDeferred, lang)),
        ItemStatus::Pending if finished => Some(label(Key::NotTreated, lang)),
        ItemStatus::Pending => Some(label(Key::StatusPending, lang)),
        ItemStatus::Current => Some(label(Key::StatusCurrent, lang)),
    }
}

fn recommendation(out: &mut String, clauses: &[ClauseDoc], lang: Lang) {
    if clauses.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", label(Key::Recommendation, lang));
    let numbered = clauses.len() > 1;
    for (k, c) in clauses.iter().enumerate() {
        let bullet = if numbered {
            format!("{}.", k + 1)
        } else {
            "-".into()
        };
        let outcome = c
            .outcome
            .map(|o| format!(" — *{}*", o.label(lang)))
            .unwrap_or_default();
        let _ = writeln!(out, "{bullet} {}{outcome}", md_text(&c.text));
    }
    out.push('\n');
}

/// The outcome sentences that apply (each once), then the decisions as written.
fn decision(out: &mut String, item: &ItemDoc, lang: Lang) {
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
    let _ = writeln!(out, "**{}**\n", label(Key::Decision, lang));
    for o in applying {
        let prefix = match o.clause {
            Some(k) if numbered => format!("({}) ", k + 1),
            _ => String::new(),
        };
        let _ = writeln!(out, "{prefix}{}\n", md_text(&o.text));
    }
    for d in &item.decisions {
        let _ = writeln!(out, "{}\n", md_text(&d.text));
    }
}

/// "Enstemmigt (4 for)" or "For 2 · Imod 1 · Undlod at stemme 0".
fn vote_line(v: &VoteDoc, lang: Lang) -> String {
    if v.unanimous {
        format!(
            "{} ({} {})",
            label(Key::Unanimous, lang),
            v.votes_for,
            label(Key::VoteFor, lang).to_lowercase()
        )
    } else {
        format!(
            "{} {} · {} {} · {} {}",
            label(Key::VoteFor, lang),
            v.votes_for,
            label(Key::VoteAgainst, lang),
            v.against,
            label(Key::VoteAbstain, lang),
            v.abstain
        )
    }
}

/// A table of action points; with `Some(item)` per row, the first column names the item.
fn action_table<'a>(
    out: &mut String,
    rows: impl Iterator<Item = (Option<&'a ItemDoc>, &'a ActionDoc)>,
    lang: Lang,
) {
    let rows: Vec<_> = rows.collect();
    let with_item = rows.iter().any(|(i, _)| i.is_some());
    let mut head = vec![
        label(Key::What, lang),
        label(Key::Who, lang),
        label(Key::Due, lang),
    ];
    if with_item {
        head.insert(0, label(Key::Item, lang));
    }
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for (item, a) in rows {
        let due = a.due.map(|d| format_date(d, lang)).unwrap_or_default();
        let mut cells = vec![md_cell(&a.what), md_cell(&a.who), due];
        if let Some(item) = item {
            let name = if item.number.trim().is_empty() {
                &item.title
            } else {
                &item.number
            };
            cells.insert(0, md_cell(name));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// "planlagt 10 min, faktisk 12 min" (with a changed plan: "planlagt 20 min (ændret plan: 15 min)").
fn item_time(item: &ItemDoc, lang: Lang) -> Option<String> {
    let min = label(Key::Minute, lang);
    let mut parts = vec![];
    if let Some(p) = item.planned_minutes {
        let mut s = format!("{} {p} {min}", label(Key::Planned, lang).to_lowercase());
        if let Some(r) = item.replanned_minutes {
            let _ = write!(
                s,
                " ({}: {r} {min})",
                label(Key::PlanChanged, lang).to_lowercase()
            );
        }
        parts.push(s);
    }
    let treated =
        item.actual_seconds > 0 || matches!(item.status, ItemStatus::Done | ItemStatus::Current);
    if treated {
        let actual = super::minutes_of(chrono::Duration::seconds(item.actual_seconds));
        parts.push(format!(
            "{} {actual} {min}",
            label(Key::Actual, lang).to_lowercase()
        ));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Breaks, interruptions and changes of plan, in time order.
fn course(out: &mut String, doc: &MinutesDoc) {
    let lang = doc.lang;
    let min = label(Key::Minute, lang);
    let span = |start: &Time, end: &Option<Time>, secs: i64| {
        let to = end.as_ref().map(hhmm).unwrap_or_default();
        let mins = super::minutes_of(chrono::Duration::seconds(secs));
        (format!("{}–{to}", hhmm(start)), format!("{mins} {min}"))
    };
    let mut lines: Vec<(Time, String)> = vec![];
    for p in &doc.pauses {
        let (when, length) = span(&p.start, &p.end, p.seconds);
        lines.push((
            p.start,
            format!("{when}: {} ({length})", label(Key::Break, lang)),
        ));
    }
    for p in &doc.interruptions {
        let (when, length) = span(&p.start, &p.end, p.seconds);
        lines.push((
            p.start,
            format!(
                "{when}: {} ({length}): {}",
                label(Key::Interruption, lang),
                label(Key::InterruptionNote, lang)
            ),
        ));
    }
    for c in &doc.plan_changes {
        let what = match &c.plan {
            Replan::Compress => label(Key::ReplanCompress, lang).to_string(),
            Replan::PushBack => label(Key::ReplanPushBack, lang).to_string(),
            Replan::Defer { item } => {
                let number = c.item_number.clone().unwrap_or_else(|| item.to_string());
                format!(
                    "{} {} {}",
                    label(Key::Item, lang),
                    md_inline(&number),
                    label(Key::ReplanDefer, lang)
                )
            }
        };
        let ends = match (&c.expected_end_before, &c.planned_end_after) {
            (Some(b), Some(a)) => format!(
                " ({} {} → {})",
                label(Key::ExpectedEnd, lang),
                hhmm(b),
                hhmm(a)
            ),
            _ => String::new(),
        };
        lines.push((
            c.at,
            format!(
                "{}: {}: {what}{ends}",
                hhmm(&c.at),
                label(Key::PlanChanged, lang)
            ),
        ));
    }
    if lines.is_empty() {
        return;
    }
    lines.sort_by_key(|(at, _)| *at);
    let _ = writeln!(out, "## {}\n", label(Key::CourseOfMeeting, lang));
    for (_, line) in lines {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

fn closing_actions(out: &mut String, doc: &MinutesDoc) {
    if doc.all_actions().next().is_none() {
        return;
    }
    let lang = doc.lang;
    let _ = writeln!(out, "## {}\n", label(Key::AllActionPoints, lang));
    action_table(out, doc.all_actions().map(|(i, a)| (Some(i), a)), lang);
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::minutes::testutil::{at, meeting, seed_agenda, small_agenda};
    use crate::minutes::to_markdown;
    use crate::session::Event;
    use crate::session::event::Outcome;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The seed meeting as it could have gone: Rie sends apologies, Marie comes late, a break,
    /// a crash, item 6 deferred, the rest compressed, a conflict of interest and two votes.
    pub(crate) fn seed_events() -> Vec<(i64, Event)> {
        use Event::*;
        vec![
            (0, Opened { app_version: "0.1.0".into() }),
            (0, Attendance { name: "Rie S. Hosbond".into(), present: false }),
            (120, MeetingStarted),
            (300, Outcome { item: 0, clause: None, outcome: crate::session::Outcome::Approved, text: "Indstillingen blev godkendt.".into() }),
            (320, Decision { item: 0, text: "Helle er referent. Der var ingen kommentarer til seneste referat.".into() }),
            (720, Movement { name: "Marie H. Poulsen".into(), arrived: true }),
            (740, ItemStarted { item: 1 }),
            (900, Note { item: 1, text: "Netværk for inkluderende fællesskaber mødes første gang i april.".into() }),
            (1400, Outcome { item: 1, clause: None, outcome: crate::session::Outcome::Noted, text: "Orienteringen blev taget til efterretning.".into() }),
            (1460, ItemStarted { item: 2 }),
            (2000, ActionAdded { item: 2, what: "Beskrive næste udviklingsområde | kvalitet".into(), who: "Marie H. Poulsen".into(), due: date(2022, 4, 11) }),
            (2300, Paused),
            (2900, Resumed),
            (3100, Outcome { item: 2, clause: None, outcome: crate::session::Outcome::Approved, text: "Indstillingen blev godkendt.".into() }),
            (3200, ItemStarted { item: 3 }),
            (3500, Outcome { item: 3, clause: None, outcome: crate::session::Outcome::Noted, text: "Orienteringen blev taget til efterretning.".into() }),
            (3600, Replan { plan: crate::session::event::Replan::Defer { item: 5 } }),
            (3620, ItemStarted { item: 4 }),
            (4000, Decision { item: 4, text: "Centerledelsen kortlægger relationernes styrke i egne afdelinger.".into() }),
            (4050, ActionAdded { item: 4, what: "Kortlægning af relationel kapacitet".into(), who: "Eigil Jensen".into(), due: date(2022, 5, 2) }),
            (4100, Vote { item: 4, votes_for: 3, against: 0, abstain: 0 }),
            (4200, ActionAdded { item: 4, what: "Forslag til ny tilgang til dialogtaler".into(), who: "Helle Ø. Enstrøm".into(), due: None }),
            (4380, Recovered { down_since: at(4200) }),
            (4800, Replan { plan: crate::session::event::Replan::Compress }),
            (4900, ItemStarted { item: 6 }),
            (5000, Inhabil { item: 6, name: "Marie H. Poulsen".into() }),
            (5300, Outcome { item: 6, clause: Some(0), outcome: crate::session::Outcome::ApprovedWithChanges, text: "Indstillingen blev godkendt med følgende ændringer: spillereglerne drøftes igen i juni.".into() }),
            (5400, Vote { item: 6, votes_for: 2, against: 0, abstain: 1 }),
            (5500, ItemStarted { item: 7 }),
            (5600, Note { item: 7, text: "Punkt til kommende møde: arbejdsmiljø".into() }),
            (5700, ActionFollowUp { session: "2022-02-14-centerledermoede".into(), entry: 12, status: crate::session::event::FollowUp::Done, action: Some("Opdatere kvalitetshåndbogen — Marie".into()) }),
            (5760, ActionFollowUp { session: "2022-02-14-centerledermoede".into(), entry: 15, status: crate::session::event::FollowUp::Moved { due: NaiveDate::from_ymd_opt(2022, 4, 4).unwrap() }, action: None }),
            (5800, Note { item: 7, text: "slet mig".into() }),
            (5810, Undo),
            (6300, MeetingEnded),
        ]
    }

    #[test]
    fn seed_meeting_minutes() {
        let m = meeting(seed_agenda(), seed_events());
        assert!(m.ignored.is_empty(), "ignored records: {:?}", m.ignored);
        insta::assert_snapshot!(to_markdown(&m, Lang::Da));
    }

    #[test]
    fn seed_meeting_minutes_in_english_have_english_labels() {
        let md = to_markdown(&meeting(seed_agenda(), seed_events()), Lang::En);
        for label in [
            "# Minutes:",
            "**Date:** Monday 14 March 2022",
            "## Item 1:",
            "**Decision**",
            "All action points",
            "Unanimous (3 for)",
            "Conflict of interest",
        ] {
            assert!(md.contains(label), "missing {label:?} in\n{md}");
        }
        let nb = to_markdown(&meeting(seed_agenda(), seed_events()), Lang::Nb);
        assert!(nb.contains("## Sak 1:"), "{nb}");
        assert!(nb.contains("**Vedtak**"), "{nb}");
    }

    #[test]
    fn skipped_deferred_and_untreated_items_say_so() {
        use crate::session::event::Replan;
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (
                    60,
                    Event::Replan {
                        plan: Replan::Defer { item: 2 },
                    },
                ),
                (120, Event::ItemSkipped { item: 0 }),
                (600, Event::MeetingEnded),
            ],
        );
        let md = to_markdown(&m, Lang::Da);
        let sections: Vec<&str> = md.split("## Punkt ").skip(1).collect();
        assert!(sections[0].contains("*Ikke behandlet.*"), "{md}");
        assert!(
            !sections[1].contains("*Ikke behandlet.*"),
            "item 2 was treated: {md}"
        );
        assert!(sections[1].contains("faktisk 8 min"), "{md}");
        assert!(sections[2].contains("*Udsat.*"), "{md}");
        assert!(md.contains("Punkt 3 udsat til næste møde"), "{md}");

        // Ended with an item never reached: not treated either.
        let m = meeting(
            small_agenda(),
            vec![(0, Event::MeetingStarted), (600, Event::MeetingEnded)],
        );
        let md = to_markdown(&m, Lang::Da);
        assert_eq!(md.matches("*Ikke behandlet.*").count(), 2, "{md}");
    }

    #[test]
    fn unfinished_meeting_runs_up_to_its_last_record() {
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (600, Event::ItemStarted { item: 1 }),
                (
                    900,
                    Event::Note {
                        item: 1,
                        text: "i gang".into(),
                    },
                ),
            ],
        );
        let md = to_markdown(&m, Lang::Da);
        // The planned end is the plan's, as on the screen: three 10-minute items.
        assert!(
            md.contains("- **Tid:** 13:30– (planlagt 13:30–14:00)"),
            "{md}"
        );
        assert!(
            md.contains("> Mødet er ikke afsluttet. Referatet viser status kl. 13:45."),
            "{md}"
        );
        let item2 = md.split("## Punkt 2").nth(1).unwrap();
        assert!(item2.contains("*I gang.*"), "{md}");
        assert!(item2.contains("faktisk 5 min"), "{md}");
        assert!(md.contains("## Punkt 3: Sag 3\n\n*Afventer.*"), "{md}");
        assert!(!md.contains("Ikke behandlet"), "{md}");
    }

    #[test]
    fn a_meeting_not_started_still_renders() {
        let md = to_markdown(&meeting(small_agenda(), vec![]), Lang::Da);
        assert!(md.contains("> Mødet er ikke startet."), "{md}");
        assert!(md.contains("- **Tid:** Planlagt 13:30"), "{md}");
        assert!(md.contains("*Tid: planlagt 10 min*"), "{md}");
        assert!(md.contains("- **Afbud:** Carl"), "{md}");
    }

    #[test]
    fn outcomes_per_clause_and_for_the_whole_recommendation() {
        let mut agenda = small_agenda();
        agenda.items[0].recommendation = vec!["at a".into(), "at b".into(), "at c".into()];
        let outcome = |clause, outcome, text: &str| Event::Outcome {
            item: 0,
            clause,
            outcome,
            text: text.into(),
        };
        let m = meeting(
            agenda,
            vec![
                (0, Event::MeetingStarted),
                (10, outcome(Some(1), Outcome::Rejected, "B afvist.")),
                (20, outcome(None, Outcome::Approved, "Alt godkendt.")),
                (30, outcome(Some(2), Outcome::Deferred, "")),
            ],
        );
        let md = to_markdown(&m, Lang::Da);
        assert!(
            md.contains("1. at a — *Godkendt*\n2. at b — *Godkendt*\n3. at c — *Udsat*"),
            "{md}"
        );
        assert!(
            md.contains("Alt godkendt.\n\n(3) Punktet blev udsat.\n"),
            "{md}"
        );
        assert!(
            !md.contains("B afvist."),
            "overridden by the later whole-item outcome: {md}"
        );
    }

    #[test]
    fn votes_inhabil_and_attendance() {
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (
                    10,
                    Event::Vote {
                        item: 0,
                        votes_for: 4,
                        against: 1,
                        abstain: 2,
                    },
                ),
                (
                    20,
                    Event::Inhabil {
                        item: 0,
                        name: "Bo".into(),
                    },
                ),
                (
                    30,
                    Event::Movement {
                        name: "Dorte".into(),
                        arrived: true,
                    },
                ),
                (
                    40,
                    Event::Movement {
                        name: "Anna".into(),
                        arrived: false,
                    },
                ),
                (
                    50,
                    Event::Attendance {
                        name: "Bo".into(),
                        present: false,
                    },
                ),
                (60, Event::MeetingEnded),
            ],
        );
        let md = to_markdown(&m, Lang::Da);
        assert!(
            md.contains("**Afstemning:** For 4 · Imod 1 · Undlod at stemme 2"),
            "{md}"
        );
        assert!(md.contains("**Inhabil:** Bo (forlod lokalet)"), "{md}");
        assert!(
            md.contains("- **Deltagere:** Anna (gik 13:30), Dorte (ankom 13:30)"),
            "{md}"
        );
        assert!(md.contains("- **Afbud:** Bo, Carl"), "{md}");
    }

    #[test]
    fn user_text_cannot_break_tables_or_structure() {
        let m = meeting(
            small_agenda(),
            vec![
                (0, Event::MeetingStarted),
                (
                    10,
                    Event::ActionAdded {
                        item: 0,
                        what: "a|b\nc".into(),
                        who: "|".into(),
                        due: None,
                    },
                ),
                (
                    20,
                    Event::Note {
                        item: 0,
                        text: "# ikke en overskrift\n- ikke en liste".into(),
                    },
                ),
                (
                    30,
                    Event::Decision {
                        item: 0,
                        text: "\u{1b}[2Jryd skærmen".into(),
                    },
                ),
            ],
        );
        let md = to_markdown(&m, Lang::Da);
        assert!(md.contains("| a\\|b c | \\| |  |"), "{md}");
        assert!(
            md.contains("- \\# ikke en overskrift - ikke en liste"),
            "{md}"
        );
        assert!(md.contains("ryd skærmen") && !md.contains('\u{1b}'), "{md}");
        // Every row of a table has as many cell borders as its header.
        let mut columns = None;
        for line in md.lines() {
            if !line.starts_with('|') {
                columns = None;
                continue;
            }
            let borders = line.replace("\\|", "").matches('|').count();
            assert_eq!(*columns.get_or_insert(borders), borders, "{line}");
        }
    }

    #[test]
    fn title_loses_a_leading_agenda_word() {
        assert_eq!(
            meeting_title("DAGSORDEN Centerledermøde"),
            "Centerledermøde"
        );
        assert_eq!(meeting_title("Saksliste: Styremøte"), "Styremøte");
        assert_eq!(meeting_title("Dagsorden"), "Dagsorden");
        assert_eq!(meeting_title("Agendapunkter"), "punkter");
    }
}
