//! minutes.md: the [`layout`](super::layout) of a referat in Markdown, with every text escaped
//! so that nothing typed in the meeting can turn into a heading, list, table cell or HTML tag.

use std::fmt::Write;
use std::io;

use super::json::MinutesDoc;
use super::layout::{Block, Table, layout};
use super::{md_cell, md_inline, md_text};

/// The whole minutes.md.
pub fn render(doc: &MinutesDoc) -> String {
    let mut out = String::new();
    let _ = pieces(doc, &mut |text| {
        out.push_str(text);
        Ok(())
    });
    out
}

/// The whole minutes.md, written to `out` as it is made.
pub fn write(doc: &MinutesDoc, out: &mut impl io::Write) -> io::Result<()> {
    pieces(doc, &mut |text| out.write_all(text.as_bytes()))
}

/// The text of minutes.md, handed to `put` in order, in pieces of about [`CHUNK`].
fn pieces(doc: &MinutesDoc, put: &mut dyn FnMut(&str) -> io::Result<()>) -> io::Result<()> {
    let l = layout(doc);
    let mut out = Pieces {
        text: String::with_capacity(2 * CHUNK),
        put,
        failed: None,
    };
    let _ = write!(out, "# {}\n\n", md_inline(&l.title));
    for block in &l.blocks {
        write_block(&mut out, block);
    }
    out.finish()
}

/// How much text is gathered before it is handed on.
const CHUNK: usize = 64 * 1024;

/// Text being made, handed on whenever [`CHUNK`] of it has gathered. Blank space at its end is
/// held back, so that the file can end in exactly one newline whatever the last block wrote.
/// After a failed hand-on nothing more is gathered, and [`Pieces::finish`] gives the error.
struct Pieces<'a> {
    text: String,
    put: &'a mut dyn FnMut(&str) -> io::Result<()>,
    failed: Option<io::Error>,
}

impl Pieces<'_> {
    fn push(&mut self, c: char) {
        let _ = self.write_char(c);
    }

    /// Hands on the text before `end`.
    fn hand_on(&mut self, end: usize) {
        if self.failed.is_none()
            && let Err(e) = (self.put)(self.text.get(..end).unwrap_or_default())
        {
            self.failed = Some(e);
        }
        self.text.drain(..end);
    }

    fn finish(mut self) -> io::Result<()> {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.text.push('\n');
        self.hand_on(self.text.len());
        self.failed.map_or(Ok(()), Err)
    }
}

impl Write for Pieces<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.failed.is_none() {
            self.text.push_str(s);
            if self.text.len() >= CHUNK {
                self.hand_on(self.text.trim_end().len());
            }
        }
        match self.failed {
            Some(_) => Err(std::fmt::Error),
            None => Ok(()),
        }
    }
}

fn write_block(out: &mut Pieces, block: &Block) {
    match block {
        Block::Facts(rows) => {
            for (label, value) in rows {
                let _ = writeln!(out, "- **{label}:** {}", md_inline(value));
            }
        }
        Block::Notice(s) => {
            let _ = writeln!(out, "> {}", md_inline(s));
        }
        Block::Heading { text, .. } => {
            let _ = writeln!(out, "## {}", md_inline(text));
        }
        Block::Label(label) => {
            let _ = writeln!(out, "**{label}**");
        }
        Block::Para(s) => {
            let _ = writeln!(out, "{}", md_text(s));
        }
        Block::Aside(s) => {
            let _ = writeln!(out, "*{}*", md_inline(s));
        }
        Block::Field(label, value) => {
            let _ = writeln!(out, "**{label}:** {}", md_inline(value));
        }
        Block::Bullets(lines) => {
            for line in lines {
                let _ = writeln!(out, "- {}", md_text(line));
            }
        }
        Block::Clauses(clauses) => {
            for c in clauses {
                let bullet = c
                    .number
                    .map_or_else(|| "-".to_string(), |n| format!("{n}."));
                let outcome = c.outcome.map(|o| format!(" — *{o}*")).unwrap_or_default();
                let _ = writeln!(out, "{bullet} {}{outcome}", md_text(&c.text));
            }
        }
        Block::Table(t) => table(out, t),
    }
    out.push('\n');
}

fn table(out: &mut Pieces, t: &Table) {
    let _ = writeln!(out, "| {} |", t.head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(t.head.len()));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use crate::i18n::Lang;
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
            "The proposal was carried unanimously.",
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
            md.contains("| indstillingen | 4 | 1 | 2 | Forslaget blev vedtaget med 4 stemmer for og 1 imod; 2 undlod at stemme. |"),
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
        use crate::minutes::layout::meeting_title;
        assert_eq!(
            meeting_title("DAGSORDEN Centerledermøde"),
            "Centerledermøde"
        );
        assert_eq!(meeting_title("Saksliste: Styremøte"), "Styremøte");
        assert_eq!(meeting_title("Dagsorden"), "Dagsorden");
        assert_eq!(meeting_title("Agendapunkter"), "punkter");
    }

    /// Found trying the app: *Dagsorden til ledermøde i Skole og Dagtilbud* gave the minutes
    /// the title *Referat: til ledermøde i Skole og Dagtilbud*.
    #[test]
    fn the_minutes_take_the_meetings_name() {
        use crate::minutes::layout::minutes_title;
        assert_eq!(
            minutes_title("Dagsorden til ledermøde i Skole og Dagtilbud", Lang::Da),
            "Referat af ledermøde i Skole og Dagtilbud"
        );
        assert_eq!(
            minutes_title("Saksliste for driftsutvalget", Lang::Nb),
            "Referat fra driftsutvalget"
        );
        assert_eq!(
            minutes_title("Sakliste til formannskapet", Lang::Nn),
            "Møtebok frå formannskapet"
        );
        assert_eq!(
            minutes_title("Agenda for the board meeting", Lang::En),
            "Minutes of the board meeting"
        );
        assert_eq!(
            minutes_title("DAGSORDEN Centerledermøde", Lang::Da),
            "Referat: Centerledermøde"
        );
        assert_eq!(minutes_title("Dagsorden til", Lang::Da), "Referat: til");
    }
}
