//! Every agenda in sessions/ and tests/fixtures/ imported and checked item by item.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::Path;

use referent::agenda::{self, Agenda, Format, Item};
use referent::i18n::Lang;

fn load(path: &str) -> Agenda {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    agenda::load(&root.join(path), None)
        .unwrap_or_else(|e| panic!("{e}"))
        .agenda
}

/// What one item must be: number, title, case number, start, end, minutes, recommendation,
/// attachments.
struct Want<'a> {
    number: &'a str,
    title: &'a str,
    case: Option<&'a str>,
    slot: (&'a str, &'a str, u32),
    rec: &'a [&'a str],
    att: &'a [&'a str],
}

fn want<'a>(number: &'a str, title: &'a str, slot: (&'a str, &'a str, u32)) -> Want<'a> {
    Want {
        number,
        title,
        case: None,
        slot,
        rec: &[],
        att: &[],
    }
}

impl<'a> Want<'a> {
    fn case(mut self, c: &'a str) -> Self {
        self.case = Some(c);
        self
    }
    fn rec(mut self, r: &'a [&'a str]) -> Self {
        self.rec = r;
        self
    }
    fn att(mut self, a: &'a [&'a str]) -> Self {
        self.att = a;
        self
    }
}

fn hhmm(t: Option<chrono::NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn check_items(items: &[Item], wants: &[Want]) {
    assert_eq!(
        items.iter().map(|i| i.number.as_str()).collect::<Vec<_>>(),
        wants.iter().map(|w| w.number).collect::<Vec<_>>()
    );
    for (item, w) in items.iter().zip(wants) {
        let n = w.number;
        assert_eq!(item.title, w.title, "title of {n}");
        assert_eq!(item.case_number.as_deref(), w.case, "case number of {n}");
        let slot = (hhmm(item.start), hhmm(item.end), item.minutes.unwrap_or(0));
        assert_eq!(
            (slot.0.as_str(), slot.1.as_str(), slot.2),
            w.slot,
            "slot of {n}"
        );
        assert_eq!(item.recommendation, w.rec, "recommendation of {n}");
        assert_eq!(item.attachments, w.att, "attachments of {n}");
        // The body holds the case presentation, not the structure around it.
        for word in [
            "Sagsfremstilling",
            "Saksframlegg",
            "Det indstilles",
            "Forslag til vedtak",
        ] {
            assert!(
                !item.body.contains(word),
                "{n} body holds {word}: {}",
                item.body
            );
        }
        if let Some(case) = w.case {
            assert!(!item.body.contains(case), "{n} body holds its case number");
        }
        assert!(item.line.is_some(), "{n} has no source line");
    }
}

const SEED_CASE: &str = "85.02.02P35-25-19";

fn seed_items() -> Vec<Want<'static>> {
    vec![
        want("1", "Referat og referent", ("13:30", "13:40", 10))
            .case(SEED_CASE)
            .rec(&[
                "at der findes en referent",
                "at kommentarer til seneste referat nedskrives.",
            ]),
        want("2", "Eigil orienterer", ("13:40", "13:50", 10))
            .case(SEED_CASE)
            .rec(&["at Eigil orienterer centerledelsen"]),
        want("3", "Kvalitetshåndbog", ("13:50", "14:10", 20))
            .case(SEED_CASE)
            .rec(&["at centerledelsen gensidigt informerer hinanden i forhold til det seneste, der er sket i arbejdet med Kvalitetshåndbogen."]),
        want("4", "Budget 2023", ("14:10", "14:25", 15))
            .case(SEED_CASE)
            .rec(&["at centerledelsen opdateres, hvis der er nyt i budgetprocessen for 2023"]),
        want("5", "Handlinger efter Lederforum", ("14:15", "14:45", 30))
            .case(SEED_CASE)
            .rec(&["at centerledelsen overvejer, hvad vi kan få ud af Lederforum"]),
        want("6", "Nemøkonomi - opfølgning på 2021 - videre i 2022", ("14:45", "15:10", 25))
            .case(SEED_CASE)
            .rec(&["at vi prøver at få et samlet overblik. Dette i sammenhæng med at Eigil skal mødes med Maja."]),
        want("7", "Samarbejde med de frivillige", ("15:10", "15:20", 10))
            .case(SEED_CASE)
            .rec(&["at centerledelsen forholder sig til bilagte dokument."])
            .att(&["2022.02.18 - Spilleregler for Samarbejde med Frivillige"]),
        want("8", "Eventuelt", ("15:20", "15:30", 10))
            .case(SEED_CASE)
            .rec(&["at kommentarer og punkter noteres."]),
    ]
}

fn check_seed_meeting(a: &Agenda) {
    assert_eq!(a.title, "Centerledermøde d. 14-03-2022");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-03-14"));
    assert_eq!(hhmm(a.start), "13:30");
    assert_eq!(a.place.as_deref(), Some("Hos Eigil"));
    assert_eq!(a.referent.as_deref(), Some("Helle"));
    assert_eq!(
        a.participants,
        [
            "Helle Ø. Enstrøm",
            "Rie S. Hosbond",
            "Marie H. Poulsen",
            "Eigil Jensen"
        ]
    );
    assert_eq!(a.language, Lang::Da);
    check_items(&a.items, &seed_items());
}

#[test]
fn seed_text_agenda() {
    let a = load("sessions/centerledermoede-2022-03-14.txt");
    check_seed_meeting(&a);
    // Punkt 1 keeps nothing but its structure: participants and referent went to the meeting.
    assert_eq!(a.items[0].body, "");
    assert!(a.items[1].body.starts_with("Eigil orienterer om punkter"));
    assert!(a.items[1].body.ends_with("- Andet"));
    assert_eq!(a.items[4].body.matches("\n- ").count(), 21);
    assert!(a.items[6].body.starts_with("I tråd med strategi"));
    assert_eq!(
        a.items[7].body,
        "Kommentarer til områder, som ikke er kommet på dagsordenen - uden beslutning.\n\n\
         Punkter til kommende møder."
    );
    assert!(a.breaks.is_empty(), "{:?}", a.breaks);
}

#[test]
fn seed_markdown_twin_is_the_same_agenda() {
    let text = load("sessions/centerledermoede-2022-03-14.txt");
    let md = load("sessions/centerledermoede-2022-03-14.md");
    check_seed_meeting(&md);
    assert_eq!(md.to_json(), text.to_json());
}

#[test]
fn seed_round_trips_through_json_and_markdown() {
    let a = load("sessions/centerledermoede-2022-03-14.txt");
    let json = a.to_json();
    let back = agenda::parse("x.json", json.as_bytes(), Some(Format::Json)).unwrap();
    assert_eq!(back.agenda.to_json(), json);
    let md = agenda::markdown::write(&a);
    let back = agenda::parse("x.md", md.as_bytes(), None).unwrap();
    assert_eq!(back.agenda.to_json(), json);
}

#[test]
fn norwegian_saksliste() {
    let a = load("sessions/saksliste-oppvekstutvalget-2022-09-20.txt");
    assert_eq!(a.title, "Oppvekstutvalget");
    assert_eq!(a.language, Lang::Nb);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-09-20"));
    assert_eq!(
        (hhmm(a.start), hhmm(a.end)),
        ("18:00".into(), "20:00".into())
    );
    assert_eq!(a.place.as_deref(), Some("Rådhuset, kommunestyresalen"));
    assert_eq!(a.chair.as_deref(), Some("Kari Nordmann"));
    assert_eq!(a.referent.as_deref(), Some("Ola Hansen"));
    assert_eq!(a.participants.len(), 5);
    assert_eq!(a.absent, ["Per Olsen"]);
    check_items(
        &a.items,
        &[
            want("12/22", "Godkjenning av innkalling og saksliste", ("18:00", "18:05", 5))
                .case("22/01234")
                .rec(&["Innkalling og saksliste godkjennes."]),
            want("13/22", "Godkjenning av protokoll fra forrige møte", ("18:05", "18:10", 5))
                .case("22/01235")
                .rec(&["Protokoll fra møtet 23.08.2022 godkjennes."]),
            want("14/22", "Budsjett 2023 - oppvekst", ("18:10", "19:00", 50))
                .case("22/00987")
                .rec(&[
                    "Oppvekstutvalget tar budsjettforslaget for 2023 til orientering.",
                    "Oppvekstutvalget ber kommunedirektøren legge fram en sak om skyssordningen før 1. desember.",
                ])
                .att(&["Budsjettforslag oppvekst 2023", "Oversikt over skyssruter"]),
            want("15/22", "Tilstandsrapport for grunnskolen 2022", ("19:00", "19:45", 45))
                .case("22/01011")
                .rec(&["Tilstandsrapporten for grunnskolen 2022 tas til orientering."])
                .att(&["Tilstandsrapport for grunnskolen 2022"]),
            want("16/22", "Eventuelt", ("19:45", "20:00", 15)),
        ],
    );
    // Page headers, footers and the table of contents are gone.
    for item in &a.items {
        assert!(!item.body.contains("Side "), "{}", item.body);
        assert!(
            !item.body.contains("Oppvekstutvalget 20.09.2022"),
            "{}",
            item.body
        );
        assert!(!item.body.contains("...."), "{}", item.body);
    }
    assert!(a.items[2].body.contains("Vurdering\n\nReduksjonen"));
    assert!(a.items[2].body.contains("- samordning av skoleskyss"));
}

#[test]
fn durations_only_laid_out_from_the_start() {
    let a = load("sessions/ledermoede-skole-dagtilbud-2022-04-04.txt");
    assert_eq!(a.title, "Dagsorden til ledermøde i Skole og Dagtilbud");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-04-04"));
    assert_eq!(
        (hhmm(a.start), hhmm(a.end)),
        ("09:00".into(), "10:30".into())
    );
    assert_eq!(a.chair.as_deref(), Some("Anne Mikkelsen"));
    assert_eq!(a.referent.as_deref(), Some("Jonas Berg"));
    assert_eq!(a.participants.len(), 5);
    assert_eq!(a.absent, ["Peter Dam"]);
    check_items(
        &a.items,
        &[
            want("1", "Godkendelse af dagsorden", ("09:00", "09:05", 5))
                .rec(&["at dagsordenen godkendes."]),
            want("2", "Nyt fra forvaltningen", ("09:05", "09:20", 15))
                .rec(&["at orienteringen tages til efterretning."]),
            want("3", "Kapacitet i dagtilbud 2023", ("09:20", "09:50", 30))
                .rec(&[
                    "at der oprettes 24 nye vuggestuepladser fra 1. august 2023",
                    "at finansieringen indgår i budgetforhandlingerne.",
                ])
                .att(&[
                    "Prognose for børnetal 2022-2030",
                    "Oversigt over ventelister",
                ]),
            want("4", "Sygefravær - opfølgning", ("09:50", "10:10", 20))
                .rec(&["at ledergruppen udpeger to indsatsområder."]),
            want("5", "Eventuelt", ("10:10", "10:20", 10)),
        ],
    );
    assert_eq!(
        a.items[1].body,
        "Orientering ved Anne Mikkelsen.\n\n- Status på skolernes trivselsmåling\n\
         - Nye retningslinjer for sygefravær"
    );
}

#[test]
fn day_with_a_lunch_break() {
    let a = load("sessions/temadag-skoleledere-2022-05-02.txt");
    assert_eq!(a.title, "Temadag for skoleledere");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-05-02"));
    assert_eq!(a.chair.as_deref(), Some("Karen Vestergaard"));
    check_items(
        &a.items,
        &[
            want("1", "Velkomst og formål med dagen", ("09:00", "09:15", 15)),
            want(
                "2",
                "Oplæg: Inkluderende læringsmiljøer",
                ("09:15", "10:30", 75),
            ),
            want(
                "3",
                "Gruppearbejde: Erfaringer fra egen skole",
                ("10:45", "12:00", 75),
            ),
            want(
                "4",
                "Fælles opsamling og næste skridt",
                ("12:45", "13:45", 60),
            )
            .rec(&[
                "at hver skole udpeger en inklusionsansvarlig inden 1. juni",
                "at erfaringerne samles i et fælles idékatalog.",
            ])
            .att(&["Program for dagen", "Idékatalog (udkast)"]),
            want("5", "Evaluering og afslutning", ("13:45", "14:00", 15)),
        ],
    );
    let breaks: Vec<_> = a
        .breaks
        .iter()
        .map(|b| (b.title.as_str(), hhmm(b.start), hhmm(b.end), b.after))
        .collect();
    assert_eq!(
        breaks,
        [
            ("", "10:30".into(), "10:45".into(), 2),
            ("Frokost", "12:00".into(), "12:45".into(), 3)
        ]
    );
    // The page footer and the repeated header are gone from Punkt 3.
    assert_eq!(
        a.items[2].body,
        "Grupperne drøfter:\n- Hvad virker hos os?\n- Hvor oplever vi barrierer?"
    );
}

#[test]
fn minutes_style_with_beslutning() {
    let a = load("sessions/boerne-skoleudvalget-2022-06-13.txt");
    assert_eq!(a.title, "Børne- og Skoleudvalget");
    assert_eq!(
        (hhmm(a.start), hhmm(a.end)),
        ("16:00".into(), "17:30".into())
    );
    assert_eq!(a.participants.len(), 4);
    assert_eq!(a.absent, ["Thomas Krogh"]);
    check_items(
        &a.items,
        &[
            want("1", "Godkendelse af dagsorden", ("16:00", "16:05", 5))
                .case("22/4411")
                .rec(&["at dagsordenen godkendes."]),
            want("2", "Skolestruktur - høring", ("16:05", "16:45", 40))
                .case("22/2210")
                .rec(&[
                    "at høringsmaterialet godkendes",
                    "at høringsperioden fastsættes til 6 uger.",
                ]),
            want("3", "Orientering om elevtrivsel", ("16:45", "17:00", 15))
                .rec(&["at orienteringen tages til efterretning."]),
            want(
                "4",
                "Anlægsprojekt: Ny idrætshal ved Vestskolen",
                ("", "", 0),
            )
            .case("21/9876")
            .rec(&["at udvalget anbefaler byrådet at frigive en anlægsbevilling på 12,5 mio. kr."])
            .att(&["Projektbeskrivelse idrætshal", "Økonomioversigt"]),
            want("6", "Eventuelt", ("17:00", "17:10", 10)),
        ],
    );
    // Decisions already written are the item's decision, not its body; an empty Beslutning
    // leaves nothing.
    assert_eq!(a.items[0].body, "");
    assert_eq!(a.items[0].decision.as_deref(), Some("Godkendt."));
    let second = a.items[1].decision.as_deref().unwrap_or_default();
    assert!(second.ends_with("Ahmed Nasser tog forbehold."), "{second}");
    assert!(!a.items[1].body.contains("forbehold"));
    assert!(!a.items[2].body.contains("Beslutning"));
    assert_eq!(a.items[2].decision, None);
    assert_eq!(a.items[4].decision.as_deref(), Some("Intet."));
}

#[test]
fn windows_1252_with_page_footers() {
    let a = load("tests/fixtures/personalemoede-cp1252.txt");
    assert_eq!(a.title, "Personalemøde – Børnehuset Solsikken");
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2022-03-15"));
    assert_eq!(a.referent.as_deref(), Some("Maja"));
    check_items(
        &a.items,
        &[
            want("1", "Velkommen og “tjek ind”", ("17:00", "17:10", 10)),
            want("2", "Sommerferie 2022", ("17:10", "17:40", 30))
                .rec(&["at ferieplanen godkendes som foreslået."]),
            want("3", "Legepladsen – nye regler", ("17:40", "18:10", 30))
                .rec(&["at de nye regler træder i kraft 1. april."])
                .att(&["Regler for legepladsen, udkast 2"]),
            want("4", "Eventuelt", ("18:10", "18:30", 20)),
        ],
    );
    assert!(a.items.iter().all(|i| !i.body.contains("Side")));
}

#[test]
fn crlf_with_start_times_only() {
    let a = load("tests/fixtures/teammoede-crlf.txt");
    assert_eq!(a.title, "Teammøde IT-afdelingen");
    assert_eq!(hhmm(a.end), "10:50");
    check_items(
        &a.items,
        &[
            want("1", "Status på driften", ("10:00", "10:15", 15)),
            want("2", "Nyt ticketsystem", ("10:15", "10:40", 25))
                .rec(&["at vi vælger leverandør B."]),
            want("3", "Eventuelt", ("10:40", "10:50", 10)),
        ],
    );
    assert!(a.items.iter().all(|i| !i.body.contains('\r')));
}

#[test]
fn every_agenda_in_sessions_is_covered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let covered = [
        "centerledermoede-2022-03-14.txt",
        "centerledermoede-2022-03-14.md",
        "saksliste-oppvekstutvalget-2022-09-20.txt",
        "ledermoede-skole-dagtilbud-2022-04-04.txt",
        "temadag-skoleledere-2022-05-02.txt",
        "boerne-skoleudvalget-2022-06-13.txt",
    ];
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let is_agenda = path
            .extension()
            .is_some_and(|e| e == "txt" || e == "md" || e == "json");
        if path.is_file() && is_agenda {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            assert!(covered.contains(&name.as_str()), "{name} has no test");
        }
    }
}

#[test]
fn decisions_gathered_after_the_list_go_to_their_items() {
    let text = "Referat fra bestyrelsesmøde 17. juni 2019\n\n\
                1. Budget 2020\n2. Møde med borgmesteren\n3. Evaluering af valget\n4. Eventuelt\n\n\
                Beslutningsreferat:\nAd 1: Budgettet blev godkendt.\nAd 2 Udsat til august,\n\
                da borgmesteren var syg.\nAd 3. Drøftet.\nAd 4. -\n";
    let a = agenda::parse("referat.txt", text.as_bytes(), None)
        .unwrap()
        .agenda;
    let decisions: Vec<Option<&str>> = a.items.iter().map(|i| i.decision.as_deref()).collect();
    assert_eq!(
        decisions,
        [
            Some("Budgettet blev godkendt."),
            Some("Udsat til august,\nda borgmesteren var syg."),
            Some("Drøftet."),
            None
        ]
    );
    assert!(a.items.iter().all(|i| i.body.is_empty()), "{:?}", a.items);
    // The Markdown form writes them as each item's Beslutning and reads them back.
    let md = agenda::markdown::write(&a);
    let back = agenda::parse("referat.md", md.as_bytes(), None)
        .unwrap()
        .agenda;
    assert_eq!(back.to_json(), a.to_json());
}

#[test]
fn compact_minutes_keep_title_and_decision_apart() {
    let text = "Referat af bestyrelsesmøde 7. november 2012\n\
                1. Godkendelse af dagsorden Godkendt\n\
                2. Godkendelse af referat Udskudt.\n\
                3. Fællesspisning fredag 9 Nov. Vi mødes til borddækning kl 17.00. Jacob tager projektor med.\n\
                4. Eventuelt intet |\n";
    let a = agenda::parse("referat.txt", text.as_bytes(), None)
        .unwrap()
        .agenda;
    let got: Vec<(&str, Option<&str>)> = a
        .items
        .iter()
        .map(|i| (i.title.as_str(), i.decision.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Godkendelse af dagsorden", Some("Godkendt")),
            ("Godkendelse af referat", Some("Udskudt.")),
            (
                "Fællesspisning fredag 9 Nov.",
                Some("Vi mødes til borddækning kl 17.00. Jacob tager projektor med.")
            ),
            ("Eventuelt", Some("intet")),
        ]
    );
    // The clock time in the decision is not the item's slot.
    assert_eq!(a.items[2].start, None);
    // An agenda's titles are left as they are.
    let agenda_text = text.replace("Referat af", "Dagsorden for");
    let b = agenda::parse("dagsorden.txt", agenda_text.as_bytes(), None)
        .unwrap()
        .agenda;
    assert_eq!(b.items[0].title, "Godkendelse af dagsorden Godkendt");
    assert!(b.items.iter().all(|i| i.decision.is_none()));
}
