//! Every user-visible word that depends on the meeting's language: Danish, Norwegian bokmål,
//! Norwegian nynorsk, English.
//!
//! One table, one row per key, four columns (da, nb, nn, en). The `strings!` macro makes a missing column a compile
//! error; the test below checks that no cell is empty.

use serde::{Deserialize, Serialize};

/// The languages referent speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    Nb,
    Nn,
    En,
}

impl Lang {
    /// Every language, in the table's column order.
    pub const ALL: [Lang; 4] = [Lang::Da, Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// The language of a locale name as `LANG` holds it: `nb_NO.UTF-8` is bokmål, `nn_NO`
    /// nynorsk, `no_NO` bokmål, `da_DK` Danish, `en_GB` English; `C`, `POSIX` and others are
    /// none of them.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match code.as_str() {
            "da" => Some(Lang::Da),
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The one rule for the language a command speaks: `--lang` when given, else the agenda's
    /// language, else the environment's locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the
    /// first that is set and not empty decides, as POSIX has it), else English.
    ///
    /// `env` reads a variable; [`Lang::from_env`] passes the process environment.
    pub fn choose(
        flag: Option<Lang>,
        agenda: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or(agenda)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|name| env(name))
                    .find(|value| !value.is_empty())
                    .and_then(|value| Lang::from_locale(&value))
            })
            .unwrap_or(Lang::En)
    }

    /// [`Lang::choose`] with the process environment.
    pub fn from_env(flag: Option<Lang>, agenda: Option<Lang>) -> Lang {
        Lang::choose(flag, agenda, |name| std::env::var(name).ok())
    }

    /// Guesses the language of an agenda from words only one of the languages uses (and a few
    /// small words Danish and Norwegian write apart: *af*/*av*, *efter*/*etter*); a Norwegian
    /// text is nynorsk when its nynorsk words outnumber its bokmål words.
    pub fn guess(text: &str) -> Lang {
        let lower = text.to_lowercase();
        let count = |words: &[&str]| {
            words
                .iter()
                // Non-overlapping matches, as `str::matches` counts them, by memchr's faster
                // searcher: the language is guessed from up to 32 KB of every document.
                .map(|w| memchr::memmem::find_iter(lower.as_bytes(), w).count())
                .sum::<usize>()
        };
        let da = count(&[
            "punkt",
            "indstilles",
            "sagsfremstilling",
            "dagsorden",
            "bilag",
            "mødeleder",
            "beslutning",
            "mødet",
            " af ",
            "efter",
            "blev ",
        ]);
        let no = count(&[
            "saksliste",
            "sakliste",
            "innstilling",
            "forslag til vedtak",
            "framlegg til vedtak",
            "vedlegg",
            "saksframlegg",
            "møteleder",
            "møteleiar",
            "vedtak",
            "sak ",
            "møtet",
            " av ",
            "etter",
            "ble ",
            "vart ",
            "ikkje",
        ]);
        let en = count(&[
            "agenda",
            "recommendation",
            "item",
            "minutes",
            "attachment",
            "chair",
            "the ",
        ]);
        if no > da && no >= en {
            Lang::norwegian(&lower)
        } else if en > da && en > no {
            Lang::En
        } else {
            Lang::Da
        }
    }

    /// Nynorsk or bokmål, by whole words that one of them writes and the other does not.
    fn norwegian(lower: &str) -> Lang {
        const NYNORSK: &[&str] = &[
            "ikkje",
            "vart",
            "vert",
            "kva",
            "frå",
            "saka",
            "innstillinga",
            "framlegg",
            "dei",
            "eit",
            "ein",
            "sakliste",
            "møteleiar",
            "deltakarar",
            "berre",
            "noko",
            "korleis",
            "høyring",
            "meldingar",
            "kyrkje",
            "òg",
            "me",
            "stad",
        ];
        const BOKMAAL: &[&str] = &[
            "ikke",
            "ble",
            "blir",
            "hva",
            "fra",
            "saken",
            "innstillingen",
            "forslag",
            "de",
            "et",
            "en",
            "saksliste",
            "møteleder",
            "deltakere",
            "bare",
            "noe",
            "hvordan",
            "høring",
            "meldinger",
            "kirke",
            "også",
            "vi",
            "sted",
        ];
        let (mut nn, mut nb) = (0usize, 0usize);
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            nn += usize::from(NYNORSK.contains(&word));
            nb += usize::from(BOKMAAL.contains(&word));
        }
        if nn > nb { Lang::Nn } else { Lang::Nb }
    }
}

macro_rules! strings {
    ($($key:ident => $da:expr, $nb:expr, $nn:expr, $en:expr;)*) => {
        /// A user-visible text, looked up per language with [`Key::get`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Key::$key => match lang { Lang::Da => $da, Lang::Nb => $nb, Lang::Nn => $nn, Lang::En => $en }),*
                }
            }
        }
    };
}

strings! {
    // Recommendation outcomes: the menu words.
    Approved => "Godkendt", "Vedtatt", "Vedteke", "Approved";
    ApprovedWithChanges => "Godkendt med ændringer", "Vedtatt med endringer", "Vedteke med endringar", "Approved with changes";
    Rejected => "Afvist", "Ikke vedtatt", "Ikkje vedteke", "Rejected";
    Deferred => "Udsat", "Utsatt", "Utsett", "Deferred";
    Noted => "Taget til efterretning", "Tatt til orientering", "Teke til orientering", "Noted";
    NotTreated => "Ikke behandlet", "Ikke behandlet", "Ikkje handsama", "Not treated";
    // The standard wording of each outcome in the minutes.
    WordingApproved => "Indstillingen blev godkendt.", "Innstillingen ble vedtatt.", "Innstillinga vart vedteken.", "The recommendation was approved.";
    WordingApprovedWithChanges => "Indstillingen blev godkendt med følgende ændringer: ", "Innstillingen ble vedtatt med følgende endringer: ", "Innstillinga vart vedteken med desse endringane: ", "The recommendation was approved with the following changes: ";
    WordingRejected => "Indstillingen blev ikke godkendt.", "Innstillingen ble ikke vedtatt.", "Innstillinga vart ikkje vedteken.", "The recommendation was not approved.";
    WordingDeferred => "Punktet blev udsat.", "Saken ble utsatt.", "Saka vart utsett.", "The item was deferred.";
    WordingNoted => "Orienteringen blev taget til efterretning.", "Saken ble tatt til orientering.", "Saka vart teken til orientering.", "The information was noted.";
    // Item states.
    StatusPending => "Afventer", "Venter", "Ventar", "Pending";
    StatusCurrent => "I gang", "Pågår", "Pågår", "Current";
    StatusDone => "Behandlet", "Behandlet", "Handsama", "Done";
    StatusSkipped => "Ikke behandlet", "Ikke behandlet", "Ikkje handsama", "Skipped";
    StatusDeferred => "Udsat", "Utsatt", "Utsett", "Deferred";
    // Meeting words.
    Agenda => "Dagsorden", "Saksliste", "Sakliste", "Agenda";
    Minutes => "Referat", "Referat", "Møtebok", "Minutes";
    MinutesOf => "Referat af", "Referat fra", "Møtebok frå", "Minutes of";
    Item => "Punkt", "Sak", "Sak", "Item";
    CaseNumber => "Sagsnr.", "Saksnr.", "Saksnr.", "Case no.";
    CasePresentation => "Sagsfremstilling", "Saksframlegg", "Saksframlegg", "Case presentation";
    Recommendation => "Indstilling", "Innstilling", "Innstilling", "Recommendation";
    Decision => "Beslutning", "Vedtak", "Vedtak", "Decision";
    Attachments => "Bilag", "Vedlegg", "Vedlegg", "Attachments";
    Date => "Dato", "Dato", "Dato", "Date";
    MeetingStart => "Start", "Start", "Start", "Start";
    MeetingEnd => "Slut", "Slutt", "Slutt", "End";
    Language => "Sprog", "Språk", "Språk", "Language";
    Time => "Tid", "Tid", "Tid", "Time";
    Place => "Sted", "Sted", "Stad", "Place";
    Chair => "Mødeleder", "Møteleder", "Møteleiar", "Chair";
    Referent => "Referent", "Referent", "Referent", "Minute-taker";
    Participants => "Deltagere", "Deltakere", "Deltakarar", "Participants";
    Absent => "Afbud", "Forfall", "Forfall", "Apologies";
    Inhabil => "Inhabil", "Inhabil", "Inhabil", "Conflict of interest";
    ActionPoints => "Handlinger", "Oppfølgingspunkter", "Oppfølgingspunkt", "Action points";
    What => "Hvad", "Hva", "Kva", "What";
    Who => "Ansvarlig", "Ansvarlig", "Ansvarleg", "Owner";
    Due => "Frist", "Frist", "Frist", "Due";
    Notes => "Noter", "Notater", "Notat", "Notes";
    Vote => "Afstemning", "Votering", "Avrøysting", "Vote";
    VoteFor => "For", "For", "For", "For";
    VoteAgainst => "Imod", "Mot", "Mot", "Against";
    VoteAbstain => "Undlod at stemme", "Avsto", "Avstod", "Abstained";
    Planned => "Planlagt", "Planlagt", "Planlagt", "Planned";
    Actual => "Faktisk", "Faktisk", "Faktisk", "Actual";
    Minute => "min", "min", "min", "min";
    UnderAMinute => "under 1 min", "under 1 min", "under 1 min", "under 1 min";
    Break => "Pause", "Pause", "Pause", "Break";
    Arrived => "Ankom", "Ankom", "Kom", "Arrived";
    Left => "Gik", "Gikk", "Gjekk", "Left";
    PlanChanged => "Ændret plan", "Endret plan", "Endra plan", "Change of plan";
    AllActionPoints => "Samlet oversigt over handlinger", "Samlet oversikt over oppfølgingspunkter", "Samla oversikt over oppfølgingspunkt", "All action points";
    Interruption => "Afbrydelse", "Avbrudd", "Avbrot", "Interruption";
    Unanimous => "Enstemmigt", "Enstemmig", "Samrøystes", "Unanimous";
    // The meeting screen.
    PressSpace => "Tryk mellemrum for at starte mødet", "Trykk mellomrom for å starte møtet", "Trykk mellomrom for å starte møtet", "Press Space to start the meeting";
    LastItem => "Sidste punkt: tryk q for at afslutte mødet", "Siste sak: trykk q for å avslutte møtet", "Siste sak: trykk q for å avslutte møtet", "Last item: press q to finish the meeting";
    FirstItem => "Dette er første punkt", "Dette er første sak", "Dette er første sak", "This is the first item";
    NothingToUndo => "Intet at fortryde", "Ingenting å angre", "Ingenting å angre", "Nothing to undo";
    Undone => "Fortrudt", "Angret", "Angra", "Undone";
    Saved => "Gemt", "Lagret", "Lagra", "Saved";
    Deleted => "Slettet (u fortryder)", "Slettet (u angrer)", "Sletta (u angrar)", "Deleted (u undoes)";
    NoEntry => "Ingen linje i loggen at vælge", "Ingen linje i loggen å velge", "Inga linje i loggen å velje", "No log entry to select";
    ConfirmQuit => "Afslut mødet og skriv referatet? (j/n)", "Avslutte møtet og skrive referatet? (j/n)", "Avslutte møtet og skrive møteboka? (j/n)", "Finish the meeting and write the minutes? (y/n)";
    ConfirmQuitUnstarted => "Mødet er ikke startet. Luk? (j/n)", "Møtet er ikke startet. Lukke? (j/n)", "Møtet har ikkje starta. Lukke? (j/n)", "The meeting has not started. Close? (y/n)";
    ConfirmDiscard => "Kassér den skrevne tekst? (j/n)", "Forkaste teksten? (j/n)", "Forkaste teksten? (j/n)", "Discard what you typed? (y/n)";
    GoToPrompt => "Gå til punkt", "Gå til sak", "Gå til sak", "Go to item";
    Number => "Nummer", "Nummer", "Nummer", "Number";
    UnknownItem => "Intet punkt med det nummer", "Ingen sak med det nummeret", "Inga sak med det nummeret", "No item with that number";
    NeedNumber => "Skriv et helt tal", "Skriv et heltall", "Skriv eit heiltal", "Enter a whole number";
    NeedText => "Skriv noget først", "Skriv noe først", "Skriv noko først", "Type something first";
    Running => "KØRER", "PÅGÅR", "PÅGÅR", "RUNNING";
    PausedWord => "PAUSE", "PAUSE", "PAUSE", "PAUSED";
    NotStarted => "IKKE STARTET", "IKKE STARTET", "IKKJE STARTA", "NOT STARTED";
    EndedWord => "AFSLUTTET", "AVSLUTTET", "AVSLUTTA", "FINISHED";
    Elapsed => "Forløbet", "Brukt", "Brukt", "Elapsed";
    Remaining => "Tilbage", "Igjen", "Att", "Remaining";
    Overrun => "OVERSKREDET", "OVERSKREDET", "OVER TIDA", "OVERRUN";
    Drift => "Afvigelse", "Avvik", "Avvik", "Drift";
    OnTime => "til tiden", "i rute", "i rute", "on time";
    ProjectedEnd => "Forventet slut", "Forventet slutt", "Forventa slutt", "Projected end";
    PlannedEnd => "Planlagt slut", "Planlagt slutt", "Planlagt slutt", "Planned end";
    MeetingTime => "Mødetid", "Møtetid", "Møtetid", "Meeting time";
    Log => "Log", "Logg", "Logg", "Log";
    TooSmall => "Vinduet er for lille", "Vinduet er for lite", "Vindauget er for lite", "Window too small";
    Present => "til stede", "til stede", "til stades", "present";
    AbsentWord => "fraværende", "fraværende", "fråverande", "absent";
    MarkPresent => "Til stede", "Til stede", "Til stades", "Present";
    MarkAbsent => "Fraværende (afbud)", "Fraværende (forfall)", "Fråverande (forfall)", "Absent (apologies)";
    ArrivedNow => "Ankommet nu", "Ankom nå", "Kom no", "Arrived now";
    LeftNow => "Gået nu", "Gikk nå", "Gjekk no", "Left now";
    InhabilHere => "Inhabil ved dette punkt (forlod lokalet)", "Inhabil i denne saken (forlot rommet)", "Inhabil i denne saka (forlét rommet)", "Conflict of interest for this item (left the room)";
    AddLateArrival => "Tilføj person (sen ankomst)", "Legg til person (sen ankomst)", "Legg til person (kom seint)", "Add a person (late arrival)";
    Name => "Navn", "Navn", "Namn", "Name";
    Attendance => "Fremmøde", "Oppmøte", "Oppmøte", "Attendance";
    Compress => "Komprimér resten, så mødet slutter til tiden", "Komprimer resten, så møtet slutter i tide", "Komprimer resten, så møtet sluttar i tide", "Compress the rest to end on the planned end";
    PushBack => "Skub resten af dagsordenen", "Skyv resten av sakslisten", "Skyv resten av saklista", "Push the rest of the agenda back";
    DeferItem => "Udsæt et punkt til næste møde", "Utsett en sak til neste møte", "Utset ei sak til neste møte", "Defer an item to the next meeting";
    ChoosePlan => "Tilpas planen", "Tilpass planen", "Tilpass planen", "Adjust the plan";
    ConfirmTitle => "Bekræft", "Bekreft", "Stadfest", "Confirm";
    YesNo => "(j/n)", "(j/n)", "(j/n)", "(y/n)";
    ChooseItem => "Vælg punkt", "Velg sak", "Vel sak", "Choose an item";
    NoPendingItems => "Ingen punkter tilbage at udsætte", "Ingen saker igjen å utsette", "Ingen saker att å utsetje", "No pending item to defer";
    NotRunning => "Mødet kører ikke", "Møtet pågår ikke", "Møtet pågår ikkje", "The meeting is not running";
    Help => "Hjælp", "Hjelp", "Hjelp", "Help";
    HelpClose => "Esc eller ? lukker", "Esc eller ? lukker", "Esc eller ? lukkar", "Esc or ? closes";
    SessionSaved => "Sessionen er gemt i", "Økten er lagret i", "Økta er lagra i", "Session saved in";
    MinutesWritten => "Referatet er skrevet", "Referatet er skrevet", "Møteboka er skriven", "Minutes written";
    WriteFailed => "KUNNE IKKE GEMME", "KUNNE IKKE LAGRE", "KUNNE IKKJE LAGRE", "COULD NOT SAVE";
    Resumed => "Genoptaget efter afbrydelse", "Gjenopptatt etter avbrudd", "Teke opp att etter avbrot", "Resumed after an interruption";
    NextItem => "Næste", "Neste", "Neste", "Next";
    ChangesPrompt => "Ændringer", "Endringer", "Endringar", "Changes";
    Wording => "Ordlyd i referatet", "Ordlyd i referatet", "Ordlyd i møteboka", "Wording in the minutes";
    FollowUps => "Åbne handlinger fra tidligere møder", "Åpne oppfølgingspunkter fra tidligere møter", "Opne oppfølgingspunkt frå tidlegare møte", "Open action points from earlier meetings";
    ItemDeferred => "Punktet er udsat til næste møde", "Saken er utsatt til neste møte", "Saka er utsett til neste møte", "The item is deferred to the next meeting";
    NoSuchClause => "Indstillingen har ikke det led", "Innstillingen har ikke det punktet", "Innstillinga har ikkje det punktet", "The recommendation has no such clause";
    NotPossibleNow => "Det kan ikke lade sig gøre lige nu", "Det går ikke akkurat nå", "Det går ikkje akkurat no", "That cannot be done now";
    ItemTreated => "Punktet er allerede behandlet og kan ikke flyttes eller fjernes", "Saken er allerede behandlet og kan ikke flyttes eller fjernes", "Saka er allereie handsama og kan ikkje flyttast eller fjernast", "The item has been treated and cannot be moved or removed";
    ChooseClause => "Hvilke led af indstillingen?", "Hvilke punkter i innstillingen?", "Kva punkt i innstillinga?", "Which clauses of the recommendation?";
    AllClauses => "Alle led", "Alle punkter", "Alle punkt", "All clauses";
    Clause => "Led", "Punkt", "Punkt", "Clause";
    ConfirmDelete => "Slet", "Slette", "Slette", "Delete";
    HeldKeys => "Taster kom lige efter feltet lukkede (indsat tekst?). Udfør dem som kommandoer? (j/n)", "Taster kom rett etter at feltet lukket (limt inn tekst?). Utføre dem som kommandoer? (j/n)", "Tastar kom rett etter at feltet lukka seg (lima inn tekst?). Utføre dei som kommandoar? (j/n)", "Keys arrived right after the field closed (pasted text?). Run them as commands? (y/n)";
    HeldDropped => "Tasterne blev kasseret", "Tastene ble forkastet", "Tastane vart forkasta", "The keys were dropped";
    UndoneWhat => "Fortrudt", "Angret", "Angra", "Undone";
    JournalDamaged => "Beskadigede linjer i journalen blev sprunget over", "Skadde linjer i journalen ble hoppet over", "Skadde linjer i journalen vart hoppa over", "Damaged journal lines were skipped";
    NoFollowUps => "Ingen åbne handlinger fra tidligere møder", "Ingen åpne oppfølgingspunkter fra tidligere møter", "Ingen opne oppfølgingspunkt frå tidlegare møte", "No open action points from earlier meetings";
    MarkDone => "Udført", "Utført", "Utført", "Done";
    NewDue => "Ny frist", "Ny frist", "Ny frist", "New due date";
    // Minutes: headings and sentences.
    MeetingNotStarted => "Mødet er ikke startet.", "Møtet har ikke startet.", "Møtet har ikkje starta.", "The meeting has not started.";
    MeetingNotFinished => "Mødet er ikke afsluttet. Referatet viser status kl.", "Møtet er ikke avsluttet. Referatet viser status kl.", "Møtet er ikkje avslutta. Møteboka viser status kl.", "The meeting has not ended. These minutes show the state at";
    LeftRoom => "forlod lokalet", "forlot rommet", "forlét rommet", "left the room";
    CourseOfMeeting => "Mødets forløb", "Møtets forløp", "Gangen i møtet", "Course of the meeting";
    InterruptionNote => "programmet var nede; tiden tæller som mødetid", "programmet var nede; tiden teller som møtetid", "programmet var nede; tida tel som møtetid", "the app was down; the time counts as meeting time";
    ReplanCompress => "resten af mødet forkortet, så det slutter til tiden", "resten av møtet forkortet for å slutte i tide", "resten av møtet forkorta for å slutte i tide", "rest of the meeting shortened to end on time";
    ReplanPushBack => "resten af mødet rykket", "resten av møtet flyttet", "resten av møtet flytta", "rest of the meeting moved back";
    ReplanDefer => "udsat til næste møde", "utsatt til neste møte", "utsett til neste møte", "deferred to the next meeting";
    ExpectedEnd => "forventet slut", "forventet slutt", "forventa slutt", "expected end";
    FollowUpsHeading => "Opfølgning på handlinger fra tidligere møder", "Oppfølging av tiltak fra tidligere møter", "Oppfølging av tiltak frå tidlegare møte", "Follow-up of earlier action points";
    FollowUpDone => "udført", "utført", "utført", "done";
    FollowUpMoved => "ny frist", "ny frist", "ny frist", "new due date";
    // Minutes: votes, attachments, approval, pages. {for}, {against}, {n}, {total} are filled in.
    VoteOnRecommendation => "indstillingen", "innstillingen", "innstillinga", "the recommendation";
    VoteOnClause => "indstillingens punkt {n}", "innstillingens punkt {n}", "punkt {n} i innstillinga", "clause {n} of the recommendation";
    VoteOnProposal => "forslaget", "forslaget", "framlegget", "the proposal";
    VoteCarried => "Forslaget blev vedtaget med {for} stemmer for og {against} imod", "Forslaget ble vedtatt med {for} stemmer for og {against} mot", "Framlegget vart vedteke med {for} røyster for og {against} mot", "The proposal was carried with {for} votes for and {against} against";
    VoteCarriedUnanimously => "Forslaget blev vedtaget enstemmigt", "Forslaget ble enstemmig vedtatt", "Framlegget vart samrøystes vedteke", "The proposal was carried unanimously";
    VoteNotCarried => "Forslaget blev ikke vedtaget: {for} stemmer for og {against} imod", "Forslaget ble ikke vedtatt: {for} stemmer for og {against} mot", "Framlegget vart ikkje vedteke: {for} røyster for og {against} mot", "The proposal was not carried: {for} votes for and {against} against";
    VoteAbstainedCount => "; {n} undlod at stemme", "; {n} avsto", "; {n} avstod", "; {n} abstained";
    VotedOn => "Afstemning om", "Votering over", "Avrøysting over", "Vote on";
    VoteResult => "Resultat", "Resultat", "Resultat", "Result";
    ApprovalHeading => "Godkendelse af referatet", "Godkjenning av protokollen", "Godkjenning av møteboka", "Approval of the minutes";
    ApprovalText => "Referatet godkendt", "Protokollen godkjent", "Møteboka godkjend", "Minutes approved";
    Signature => "Underskrift", "Underskrift", "Underskrift", "Signature";
    PageOf => "Side {n} af {total}", "Side {n} av {total}", "Side {n} av {total}", "Page {n} of {total}";
    // A long date: {weekday}, {day}, {month}, {year} are filled in.
    DatePattern => "{weekday} den {day}. {month} {year}", "{weekday} {day}. {month} {year}", "{weekday} {day}. {month} {year}", "{weekday} {day} {month} {year}";
    Monday => "mandag", "mandag", "måndag", "Monday";
    Tuesday => "tirsdag", "tirsdag", "tysdag", "Tuesday";
    Wednesday => "onsdag", "onsdag", "onsdag", "Wednesday";
    Thursday => "torsdag", "torsdag", "torsdag", "Thursday";
    Friday => "fredag", "fredag", "fredag", "Friday";
    Saturday => "lørdag", "lørdag", "laurdag", "Saturday";
    Sunday => "søndag", "søndag", "sundag", "Sunday";
    January => "januar", "januar", "januar", "January";
    February => "februar", "februar", "februar", "February";
    March => "marts", "mars", "mars", "March";
    April => "april", "april", "april", "April";
    May => "maj", "mai", "mai", "May";
    June => "juni", "juni", "juni", "June";
    July => "juli", "juli", "juli", "July";
    August => "august", "august", "august", "August";
    September => "september", "september", "september", "September";
    October => "oktober", "oktober", "oktober", "October";
    November => "november", "november", "november", "November";
    December => "december", "desember", "desember", "December";
    // Due dates typed in the action form.
    DueHint => "Skriv fx 21/3, 1. maj, fredag, næste uge, uge 51 eller om 14 dage.", "Skriv f.eks. 21/3, 1. mai, fredag, neste uke, uke 51 eller om 14 dager.", "Skriv t.d. 21/3, 1. mai, fredag, neste veke, veke 51 eller om 14 dagar.", "Write e.g. 21/3, 1 May, friday, next week, week 51 or in 14 days.";
    DueNoSuchDate => "Datoen findes ikke:", "Datoen finnes ikke:", "Datoen finst ikkje:", "That date does not exist:";
    DueTooFar => "Fristen ligger for langt ude:", "Fristen ligger for langt fram:", "Fristen ligg for langt fram:", "That is too far ahead:";
    DueUnknown => "Kan ikke læse fristen:", "Kan ikke lese fristen:", "Kan ikkje lese fristen:", "Not a due date I can read:";
    // The projector view and the follower.
    PjRemaining => "tilbage", "igjen", "att", "left";
    PjElapsed => "brugt", "brukt", "brukt", "elapsed";
    Of => "af", "av", "av", "of";
    Next => "Næste", "Neste", "Neste", "Next";
    PjLastItem => "Sidste punkt", "Siste sak", "Siste sak", "Last item";
    Schedule => "Tidsplan", "Tidsplan", "Tidsplan", "Schedule";
    Behind => "bagud", "på etterskudd", "på etterskot", "behind";
    Ahead => "foran", "foran", "føre", "ahead";
    PjPlannedEnd => "planlagt", "planlagt", "planlagt", "planned";
    PlannedStart => "Planlagt start", "Planlagt start", "Planlagt start", "Planned start";
    PlannedEndFull => "Planlagt slut", "Planlagt slutt", "Planlagt slutt", "Planned end";
    Replanned => "Planen er ændret", "Planen er endret", "Planen er endra", "Plan changed";
    PjReplanCompress => "punkterne er komprimeret", "sakene er komprimert", "sakene er komprimerte", "items compressed";
    PjReplanPushBack => "resten er skubbet", "resten er skjøvet", "resten er skuva", "rest pushed back";
    PjReplanDefer => "et punkt er udsat", "en sak er utsatt", "ei sak er utsett", "an item deferred";
    NewEnd => "ny slut", "ny slutt", "ny slutt", "new end";
    PjNotStarted => "Mødet er ikke startet", "Møtet har ikke startet", "Møtet har ikkje starta", "The meeting has not started";
    BreakSoFar => "Pausen har varet", "Pausen har vart", "Pausen har vart", "Break so far";
    ResumesWith => "Derefter", "Deretter", "Deretter", "Then";
    MeetingFinished => "Mødet er slut", "Møtet er slutt", "Møtet er slutt", "Meeting finished";
    Started => "Startede", "Startet", "Starta", "Started";
    Ended => "Sluttede", "Sluttet", "Slutta", "Ended";
    Duration => "Varighed", "Varighet", "Varigheit", "Duration";
    NoCurrentItem => "Intet punkt i gang", "Ingen sak pågår", "Inga sak pågår", "No item in progress";
    WaitingForSession => "Venter på mødet", "Venter på møtet", "Ventar på møtet", "Waiting for session";
    WaitingForAnySession => "Venter på et møde i", "Venter på et møte i", "Ventar på eit møte i", "Waiting for a session in";
    JournalDeleted => "Journalen er slettet: viser sidste kendte tilstand", "Journalen er slettet: viser siste kjente tilstand", "Journalen er sletta: viser siste kjende tilstand", "The journal was deleted: showing the last state";
    JournalReplaced => "Journalen blev udskiftet: læst forfra", "Journalen ble erstattet: lest på nytt", "Journalen vart bytt ut: lesen på nytt", "The journal was replaced: read again from the start";
    JournalUnreadable => "Kan ikke læse journalen", "Kan ikke lese journalen", "Kan ikkje lese journalen", "Cannot read the journal";
    AgendaUnreadable => "Kan ikke læse dagsordenen", "Kan ikke lese sakslisten", "Kan ikkje lese saklista", "Cannot read the agenda";
    // Past meetings: the draft of the next agenda.
    OpenActionsItem => "Opfølgning på handlinger fra tidligere møder", "Oppfølgingspunkter fra tidligere møter", "Oppfølgingspunkt frå tidlegare møte", "Follow-up of action points from earlier meetings";
    FromMeeting => "fra mødet", "fra møtet", "frå møtet", "from the meeting on";
    CarriedDeferred => "Udsat fra mødet", "Utsatt fra møtet", "Utsett frå møtet", "Deferred from the meeting on";
    CarriedNotTreated => "Ikke behandlet på mødet", "Ikke behandlet på møtet", "Ikkje handsama på møtet", "Not treated at the meeting on";
    NotedUnderAob => "Noteret under Eventuelt på mødet", "Notert under Eventuelt på møtet", "Notert under Eventuelt på møtet", "Noted under any other business at the meeting on";
    NextDateInterval => "Dato foreslået ud fra intervallet mellem de to seneste møder:", "Dato foreslått ut fra intervallet mellom de to siste møtene:", "Dato føreslått ut frå intervallet mellom dei to siste møta:", "Date suggested from the interval between the last two meetings:";
    NextDateWeek => "Dato foreslået som en uge efter seneste møde (intet tidligere møde i serien at regne ud fra):", "Dato foreslått som en uke etter siste møte (ikke noe tidligere møte i serien å regne ut fra):", "Dato føreslått som ei veke etter siste møte (inkje tidlegare møte i serien å rekne ut frå):", "Date suggested as one week after the last meeting (no earlier meeting in the series to go by):";
    NextDateUnknown => "Datoen for næste møde er ikke sat: datoen for seneste møde kendes ikke.", "Datoen for neste møte er ikke satt: datoen for siste møte er ukjent.", "Datoen for neste møte er ikkje sett: datoen for siste møte er ukjend.", "The date of the next meeting is not set: the last meeting's date is unknown.";
    Days => "dage", "dager", "dagar", "days";
    // Past meetings: action points across meetings.
    Meeting => "Møde", "Møte", "Møte", "Meeting";
    Status => "Status", "Status", "Status", "Status";
    ActionOpen => "Åben", "Åpen", "Open", "Open";
    ActionDone => "Udført", "Utført", "Utført", "Done";
    ActionOverdue => "Overskredet", "Forfalt", "Forfalle", "Overdue";
    NoActions => "Ingen handlinger.", "Ingen oppfølgingspunkter.", "Ingen oppfølgingspunkt.", "No action points.";
    DueMoved => "fristen er flyttet på et senere møde", "fristen er flyttet på et senere møte", "fristen er flytta på eit seinare møte", "due date moved in a later meeting";
    // Past meetings: the review screens.
    PastMeetings => "Tidligere møder", "Tidligere møter", "Tidlegare møte", "Past meetings";
    SortBy => "Sortering", "Sortering", "Sortering", "Sorted by";
    SortDate => "dato", "dato", "dato", "date";
    SortTitle => "titel", "tittel", "tittel", "title";
    SortOverrun => "overskridelse", "overskridelse", "overskriding", "overrun";
    SortDecisions => "beslutninger", "vedtak", "vedtak", "decisions";
    SortOpenActions => "åbne handlinger", "åpne oppfølgingspunkter", "opne oppfølgingspunkt", "open actions";
    Filter => "Filter", "Filter", "Filter", "Filter";
    TypeToFilter => "skriv for at filtrere", "skriv for å filtrere", "skriv for å filtrere", "type to filter";
    TitleWord => "Titel", "Tittel", "Tittel", "Title";
    MinutesWord => "Minutter", "Minutter", "Minutt", "Minutes";
    NewItem => "Nyt punkt", "Ny sak", "Ny sak", "New item";
    AgendaChanged => "Dagsordenen blev godkendt med følgende ændringer: ", "Innkalling og saksliste ble godkjent med følgende endringer: ", "Innkalling og sakliste vart godkjend med desse endringane: ", "The agenda was approved with the following changes: ";
    ChangeAdded => "tilføjet", "lagt til", "lagt til", "added";
    ChangeMoved => "flyttet", "flyttet", "flytta", "moved";
    ChangeRemoved => "udgik", "utgikk", "utgjekk", "withdrawn";
    ActualPlanned => "Faktisk/plan", "Faktisk/plan", "Faktisk/plan", "Actual/plan";
    OverWord => "Over", "Over", "Over", "Over";
    DecisionsShort => "Beslutn.", "Vedtak", "Vedtak", "Decis.";
    OpenShort => "Åbne", "Åpne", "Opne", "Open";
    Unfinished => "ikke afsluttet", "ikke avsluttet", "ikkje avslutta", "unfinished";
    NoSessions => "Ingen møder fundet i", "Ingen møter funnet i", "Ingen møte funne i", "No meetings found in";
    NoMatch => "Intet møde passer til filteret", "Ingen møter passer til filteret", "Ingen møte passar til filteret", "No meeting matches the filter";
    KeyOpen => "åbn", "åpne", "opne", "open";
    KeySort => "sortér", "sorter", "sorter", "sort";
    KeySearch => "søg", "søk", "søk", "search";
    KeyStats => "statistik", "statistikk", "statistikk", "statistics";
    KeyQuit => "afslut", "avslutt", "avslutt", "quit";
    KeyBack => "tilbage", "tilbake", "tilbake", "back";
    KeyScroll => "rul", "rull", "rull", "scroll";
    KeyItem => "næste/forrige punkt", "neste/forrige sak", "neste/førre sak", "next/previous item";
    SearchPrompt => "Søg i alle møder", "Søk i alle møter", "Søk i alle møte", "Search all meetings";
    SearchHint => "Enter søger, Esc tilbage", "Enter søker, Esc tilbake", "Enter søkjer, Esc tilbake", "Enter searches, Esc goes back";
    NoHits => "Intet fundet", "Ingen treff", "Ingen treff", "Nothing found";
    HitsWord => "fund", "treff", "treff", "hits";
    StatsFor => "Statistik for", "Statistikk for", "Statistikk for", "Statistics for";
    MeetingsWord => "Møder", "Møter", "Møte", "Meetings";
    MeetingsPerMonth => "Møder pr. måned", "Møter per måned", "Møte per månad", "Meetings per month";
    AverageOverrun => "Gennemsnitlig overskridelse", "Gjennomsnittlig overskridelse", "Gjennomsnittleg overskriding", "Average overrun";
    TotalOverrun => "Samlet overskridelse", "Samlet overskridelse", "Samla overskriding", "Total overrun";
    MeasuredOn => "målt på afsluttede møder med plan", "målt på avsluttede møter med plan", "målt på avslutta møte med plan", "measured on finished meetings with a plan";
    HabitualOverruns => "Punkter der ofte løber over tiden", "Saker som ofte går over tiden", "Saker som ofte går over tida", "Items that habitually run over";
    TimesOver => "gange over", "ganger over", "gonger over", "times over";
    AverageOver => "i snit", "i snitt", "i snitt", "on average";
    NoneWord => "ingen", "ingen", "ingen", "none";
    DecisionShare => "Andel behandlede punkter med beslutning", "Andel behandlede saker med vedtak", "Del handsama saker med vedtak", "Share of treated items with a decision";
    ChartTitle => "Planlagt og faktisk tid pr. punkt", "Planlagt og faktisk tid per sak", "Planlagt og faktisk tid per sak", "Planned and actual time per item";
    ChartLegend => "█ inden for tiden  ▓+ over tiden  ░ ubrugt", "█ innenfor tiden  ▓+ over tiden  ░ ubrukt", "█ innanfor tida  ▓+ over tida  ░ ubrukt", "█ within the slot  ▓+ over  ░ unused";
    // What each key does, for the footers and the help (`ui/keymap.rs`).
    BindStartPause => "start / pause / fortsæt", "start / pause / fortsett", "start / pause / hald fram", "start / pause / resume";
    BindNext => "næste punkt", "neste sak", "neste sak", "next item";
    BindPrevious => "forrige punkt", "forrige sak", "førre sak", "previous item";
    BindGoTo => "gå til punkt", "gå til sak", "gå til sak", "go to item";
    BindSkip => "spring over (ikke behandlet)", "hopp over (ikke behandlet)", "hopp over (ikkje handsama)", "skip (not treated)";
    BindDecision => "beslutning", "vedtak", "vedtak", "decision";
    BindOutcome => "indstilling: udfald", "innstilling: utfall", "innstilling: utfall", "recommendation outcome";
    BindActionPoint => "handling", "oppfølgingspunkt", "oppfølgingspunkt", "action point";
    BindNote => "note", "notat", "notat", "note";
    BindEdit => "ret valgt linje", "endre valgt linje", "endre vald linje", "edit selected entry";
    BindDelete => "slet valgt linje", "slett valgt linje", "slett vald linje", "delete selected entry";
    BindUndo => "fortryd", "angre", "angre", "undo";
    BindAttendance => "fremmøde, inhabil", "oppmøte, inhabil", "oppmøte, inhabil", "attendance, conflict of interest";
    BindVote => "afstemning", "votering", "avrøysting", "vote";
    BindReplan => "tidsplan: komprimér / skub / udsæt", "tidsplan: komprimer / skyv / utsett", "tidsplan: komprimer / skyv / utset", "re-plan: compress / push back / defer";
    BindAddItem => "nyt punkt efter dette", "ny sak etter denne", "ny sak etter denne", "add an item after this one";
    BindFollowUps => "åbne handlinger fra tidligere møder", "åpne oppfølgingspunkter fra tidligere møter", "opne oppfølgingspunkt frå tidlegare møte", "open actions from earlier meetings";
    BindProjector => "projektorvisning", "projektorvisning", "projektorvising", "projector view";
    BindHelp => "hjælp", "hjelp", "hjelp", "help";
    BindFinish => "afslut mødet", "avslutt møtet", "avslutt møtet", "finish the meeting";
    BindSelect => "vælg linje i log", "velg linje i logg", "vel linje i loggen", "select log entry";
    BindScrollCase => "rul sagsfremstilling", "rull saksframlegg", "rull saksframlegget", "scroll case presentation";
    BindClearSelection => "fravælg linje", "fjern valg", "fjern valet", "clear the selection";
    BindUp => "op", "opp", "opp", "up";
    BindDown => "ned", "ned", "ned", "down";
    BindPick => "vælg", "velg", "vel", "pick";
    BindClose => "luk", "lukk", "lukk", "close";
    BindSave => "gem", "lagre", "lagre", "save";
    BindCancel => "fortryd", "avbryt", "avbryt", "cancel";
    BindNextField => "næste felt", "neste felt", "neste felt", "next field";
    BindPreviousField => "forrige felt", "forrige felt", "førre felt", "previous field";
    BindYes => "ja", "ja", "ja", "yes";
    BindNo => "nej", "nei", "nei", "no";
    BindCloseFollow => "luk", "lukk", "lukk", "quit";
    BindFullLayout => "fuld visning", "full visning", "full vising", "fuller layout";
    BindSelectRow => "vælg møde eller punkt", "velg møte eller sak", "vel møte eller sak", "select meeting or item";
    BindEditSelection => "ret", "endre", "endre", "edit";
    BindNewItem => "nyt punkt", "ny sak", "ny sak", "add item";
    BindRemoveItem => "fjern punkt", "fjern sak", "fjern sak", "remove item";
    BindMoveUpDown => "flyt op/ned", "flytt opp/ned", "flytt opp/ned", "move up/down";
    BindStart => "start", "start", "start", "start";
    BindPresence => "fremmøde", "oppmøte", "oppmøte", "attendance";
    BindQuit => "afslut", "avslutt", "avslutt", "quit";
    BindChoose => "vælg", "velg", "vel", "select";
    BindMoveUp => "ryk op", "flytt opp", "flytt opp", "move up";
    BindMoveDown => "ryk ned", "flytt ned", "flytt ned", "move down";
    BindRemove => "fjern", "fjern", "fjern", "remove";
    BindClearList => "ryd listen", "tøm lista", "tøm lista", "clear the list";
    BindNewSpeaker => "ny taler", "ny taler", "ny talar", "add speaker";
    BindGiveFloorOn => "giv ordet videre", "gi ordet videre", "gi ordet vidare", "give the floor";
    BindItemSpeakingTime => "taletid for punktet", "taletid for saken", "taletid for saka", "speaking time for this item";
    BindEditor => "ret dagsordenen", "endre sakslisten", "endre sakslista", "edit the plan";
    BindAddSpeaker => "ny på talerlisten", "ny på talerlisten", "ny på talarlista", "add to the speaker list";
    BindGiveFloor => "ordet til den næste på talerlisten", "ordet til den neste på talerlisten", "ordet til den neste på talarlista", "give the floor to the next speaker";
    BindSpeakerList => "talerliste: ryk, fjern, ryd, taletid", "talerliste: flytt, fjern, tøm, taletid", "talarliste: flytt, fjern, tøm, taletid", "speaker list: reorder, remove, clear, time limit";
    // Messages of the commands: resuming, following, `check`, `next-agenda`. {…} are filled in.
    ResumeQuestion => "Der findes en uafsluttet session af denne dagsorden:\n  {dir}\nGenoptag den? [J/n]", "Det finnes en uavsluttet økt av denne sakslisten:\n  {dir}\nFortsette den? [J/n]", "Det finst ei uavslutta økt av denne saklista:\n  {dir}\nHalde fram med henne? [J/n]", "An unfinished session of this agenda exists:\n  {dir}\nResume it? [Y/n]";
    UnfinishedExists => "der findes en uafsluttet session af denne dagsorden: {dir} (genoptag med --resume)", "det finnes en uavsluttet økt av denne sakslisten: {dir} (fortsett med --resume)", "det finst ei uavslutta økt av denne saklista: {dir} (hald fram med --resume)", "an unfinished session of this agenda exists: {dir} (resume with --resume)";
    NoUnfinished => "ingen uafsluttet session i {dir}", "ingen uavsluttet økt i {dir}", "inga uavslutta økt i {dir}", "no unfinished session in {dir}";
    OfferFollow => "Mødet er åbent i et andet vindue ({who}):\n  {dir}\nKun ét vindue kan skrive i det. Følg det her i stedet ({follow})? [J/n]", "Møtet er åpent i et annet vindu ({who}):\n  {dir}\nBare ett vindu kan skrive i det. Følge det her i stedet ({follow})? [J/n]", "Møtet er ope i eit anna vindauge ({who}):\n  {dir}\nBerre eitt vindauge kan skrive i det. Følgje det her i staden ({follow})? [J/n]", "This meeting is open in another window ({who}):\n  {dir}\nOnly one window can write it. Follow it here instead ({follow})? [Y/n]";
    OpenElsewhere => "{dir} er åbent i et andet vindue ({who}); følg det med `{follow}`", "{dir} er åpent i et annet vindu ({who}); følg det med `{follow}`", "{dir} er ope i eit anna vindauge ({who}); følg det med `{follow}`", "{dir} is open in another window ({who}); watch it with `{follow}`";
    AnotherProcess => "en anden proces", "en annen prosess", "ein annan prosess", "another process";
    AgendaWarnings => "{n} advarsel(er) i dagsordenen: se `referent check`", "{n} advarsel(er) i sakslisten: se `referent check`", "{n} åtvaring(ar) i saklista: sjå `referent check`", "{n} warning(s) in the agenda: see `referent check`";
    LastChangeNotSaved => "Den sidste ændring blev ikke gemt; genoptag med: referent run --resume {dir}", "Den siste endringen ble ikke lagret; fortsett med: referent run --resume {dir}", "Den siste endringa vart ikkje lagra; hald fram med: referent run --resume {dir}", "The last change was not saved; resume with: referent run --resume {dir}";
    WritingMinutesIn => "referatet skrives i {dir}", "referatet skrives i {dir}", "møteboka vert skriven i {dir}", "writing the minutes in {dir}";
    WarningWord => "advarsel", "advarsel", "åtvaring", "warning";
    NoWarnings => "Ingen advarsler.", "Ingen advarsler.", "Ingen åtvaringar.", "No warnings.";
    OneWarning => "1 advarsel.", "1 advarsel.", "1 åtvaring.", "1 warning.";
    Warnings => "{n} advarsler.", "{n} advarsler.", "{n} åtvaringar.", "{n} warnings.";
    NoItemsFound => "ingen punkter fundet", "ingen saker funnet", "ingen saker funne", "no agenda items found";
    UntitledAgenda => "(dagsorden uden titel)", "(saksliste uten tittel)", "(sakliste utan tittel)", "(untitled agenda)";
    Gap => "(ophold)", "(opphold)", "(opphald)", "(gap)";
    SessionUnreadable => "kunne ikke læse denne session", "kunne ikke lese denne økten", "kunne ikkje lese denne økta", "could not read this session";
    NotSessionDir => "ikke en sessionsmappe (en med {agenda} og {journal})", "ikke en øktmappe (en med {agenda} og {journal})", "ikkje ei øktmappe (ei med {agenda} og {journal})", "not a session folder (one holding {agenda} and {journal})";
    MinutesFailed => "{format}-referat: {error}", "{format}-referat: {error}", "{format}-møtebok: {error}", "{format} minutes: {error}";
    NoSuchSessionDir => "ingen sådan sessionsmappe", "ingen slik øktmappe", "inga slik øktmappe", "no such session folder";
    NotSessionDirNoAgenda => "ikke en sessionsmappe (den har ingen {agenda})", "ikke en øktmappe (den har ingen {agenda})", "ikkje ei øktmappe (ho har ingen {agenda})", "not a session folder (it has no {agenda})";
    Writing => "skriver {file}", "skriver {file}", "skriv {file}", "writing {file}";
    Removing => "fjerner {dir}", "fjerner {dir}", "fjernar {dir}", "removing {dir}";
    CreatingSession => "opretter en session i {dir}", "oppretter en økt i {dir}", "opprettar ei økt i {dir}", "creating a session in {dir}";
    CannotUseTerminal => "kan ikke bruge terminalen", "kan ikke bruke terminalen", "kan ikkje bruke terminalen", "cannot use the terminal";
    // What `check` warns about (`agenda/lint.rs`). {item} is "Punkt 5", "Sak 12/22" or a title.
    ItemWithoutName => "et punkt uden nummer og titel", "en sak uten nummer og tittel", "ei sak utan nummer og tittel", "an item without number or title";
    NoItemTimed => "intet punkt har en planlagt tid", "ingen sak har en planlagt tid", "inga sak har ei planlagd tid", "no item has a planned time";
    HasNoTime => "{item} har ingen planlagt tid", "{item} har ingen planlagt tid", "{item} har inga planlagd tid", "{item} has no planned time";
    HasRecommendationNoTime => "{item} har en indstilling, men ingen planlagt tid", "{item} har en innstilling, men ingen planlagt tid", "{item} har ei innstilling, men inga planlagd tid", "{item} has a recommendation but no planned time";
    HasNoTitle => "{item} har ingen titel", "{item} har ingen tittel", "{item} har ingen tittel", "{item} has no title";
    UnsureSentence => "usikkert: titlen på {item} ligner en sætning; er overskriften rigtig?", "usikkert: tittelen på {item} ligner en setning; er overskriften riktig?", "usikkert: tittelen på {item} liknar ei setning; er overskrifta rett?", "unsure: the title of {item} reads like a sentence; is the heading right?";
    UnsureSequence => "usikkert: {item} står uden for rækkefølgen efter {before}", "usikkert: {item} står utenfor rekkefølgen etter {before}", "usikkert: {item} står utanfor rekkjefølgja etter {before}", "unsure: {item} is out of sequence after {before}";
    HasNoNumber => "{item} har intet nummer", "{item} har ikke noe nummer", "{item} har ikkje noko nummer", "{item} has no number";
    NumberTwice => "nummeret {number} er brugt to gange{at}", "nummeret {number} er brukt to ganger{at}", "nummeret {number} er brukt to gonger{at}", "the number {number} is used twice{at}";
    AlsoAtLine => " (også i linje {line})", " (også på linje {line})", " (òg på linje {line})", " (also at line {line})";
    OneMissing => "{word} {n} mangler", "{word} {n} mangler", "{word} {n} manglar", "{word} {n} is missing";
    ManyMissing => "{word} {from} til {to} mangler", "{word} {from} til {to} mangler", "{word} {from} til {to} manglar", "{word} {from} to {to} are missing";
    NumbersGo => "{missing}: numrene går fra {from} til {to}", "{missing}: numrene går fra {from} til {to}", "{missing}: nummera går frå {from} til {to}", "{missing}: the numbers go from {from} to {to}";
    OverlapMinutes => " ({m} min overlap)", " ({m} min overlapp)", " ({m} min overlapp)", " ({m} min overlap)";
    Overlaps => "{item} starter {start}, mens {before} slutter {end}{overlap}", "{item} starter {start}, mens {before} slutter {end}{overlap}", "{item} startar {start}, medan {before} sluttar {end}{overlap}", "{item} starts {start} while {before} ends {end}{overlap}";
    GapBetween => "{m} min ophold mellem {before} (slutter {start}) og {next} (starter {end}): en pause?", "{m} min opphold mellom {before} (slutter {start}) og {next} (starter {end}): en pause?", "{m} min opphald mellom {before} (sluttar {start}) og {next} (startar {end}): ein pause?", "{m} min gap between {before} (ends {start}) and {next} (starts {end}): a break?";
    GapFrom => "{m} min ophold fra {start} til {end}: en pause?", "{m} min opphold fra {start} til {end}: en pause?", "{m} min opphald frå {start} til {end}: ein pause?", "{m} min gap from {start} to {end}: a break?";
    StartsLater => "mødet starter {meeting}, men {item} starter {start}", "møtet starter {meeting}, men {item} starter {start}", "møtet startar {meeting}, men {item} startar {start}", "the meeting starts {meeting} but {item} starts {start}";
    StartsEarlier => "{item} starter {start}, før mødet starter {meeting}", "{item} starter {start}, før møtet starter {meeting}", "{item} startar {start}, før møtet startar {meeting}", "{item} starts {start}, before the meeting starts {meeting}";
    EndsEarly => "punkterne slutter {last}, men mødet skal slutte {end} ({m} min uden plan)", "sakene slutter {last}, men møtet skal slutte {end} ({m} min uten plan)", "sakene sluttar {last}, men møtet skal slutte {end} ({m} min utan plan)", "the items end {last} but the meeting is to end {end} ({m} min unplanned)";
    RunsPast => "punkterne varer til {last}, {m} min efter den angivne slut {end}", "sakene varer til {last}, {m} min etter oppgitt slutt {end}", "sakene varer til {last}, {m} min etter oppgitt slutt {end}", "the items run to {last}, {m} min past the stated end {end}";
    // Commands without a terminal, files that are not there, and `check`.
    NeedsTerminal => "{command} kræver en terminal; i et script kan `referent minutes` eller `referent actions --json` bruges", "{command} krever en terminal; i et skript kan `referent minutes` eller `referent actions --json` brukes", "{command} krev ein terminal; i eit skript kan `referent minutes` eller `referent actions --json` brukast", "{command} needs a terminal; for a script use `referent minutes` or `referent actions --json`";
    NoSuchFile => "filen findes ikke", "filen finnes ikke", "fila finst ikkje", "no such file";
    CannotRead => "kan ikke læses", "kan ikke leses", "kan ikkje lesast", "cannot read";
    PlannedTotal => "I alt {minutes} min planlagt", "Totalt {minutes} min planlagt", "Totalt {minutes} min planlagt", "Total {minutes} min planned";
    PlannedSpan => "mellem {span} ({minutes} min)", "mellom {span} ({minutes} min)", "mellom {span} ({minutes} min)", "between {span} ({minutes} min)";
    BothPresentAndAbsent => "{name} står både som deltager og med afbud; regnes som fraværende", "{name} står både som deltaker og med forfall; regnes som fraværende", "{name} står både som deltakar og med forfall; vert rekna som fråverande", "{name} is listed both as a participant and with apologies; counted as absent";
    // The plan editor.
    EditPlan => "Ret dagsordenen:", "Endre sakslisten:", "Endre sakslista:", "Edit the plan:";
    EditorTreatedStay => "behandlede punkter beholder deres referat", "behandlede saker beholder sin protokoll", "handsama saker held på protokollen sin", "items already treated keep their record";
    ConfirmRemoveItem => "Tag punktet af dagsordenen", "Ta saken av sakslisten", "Ta saka av sakslista", "Take the item off the agenda";
    EditItemTitle => "Ret punkt", "Endre sak", "Endre sak", "Edit item";
    EditMeetingTitle => "Ret mødet", "Endre møtet", "Endre møtet", "Edit the meeting";
    NamesHint => "navne adskilt af komma", "navn skilt med komma", "namn skilde med komma", "names separated by commas";
    NeedTime => "Skriv et klokkeslæt som 13:30", "Skriv et klokkeslett som 13:30", "Skriv eit klokkeslett som 13:30", "Enter a time such as 13:30";
    NeedDate => "Skriv en dato som 2022-03-14 eller 14.03.2022", "Skriv en dato som 2022-03-14 eller 14.03.2022", "Skriv ein dato som 2022-03-14 eller 14.03.2022", "Enter a date such as 2022-03-14 or 14.03.2022";
    // The speaker list (talerliste).
    SpeakerList => "Talerliste", "Talerliste", "Talarliste", "Speaker list";
    AddSpeaker => "Ny på talerlisten", "Ny på talerlisten", "Ny på talarlista", "Add to the speaker list";
    Speaker => "Taler", "Taler", "Talar", "Speaker";
    Speakers => "Talere", "Talere", "Talarar", "Speakers";
    GuestWord => "gæst", "gjest", "gjest", "guest";
    SpeakingTime => "Taletid", "Taletid", "Taletid", "Speaking time";
    SpeakingLimitPrompt => "Taletid for punktet (min, tom = mødets)", "Taletid for saken (min, tom = møtets)", "Taletid for saka (min, tom = møtet si)", "Speaking time for this item (min, empty = the meeting's)";
    NoSpeakers => "Ingen på talerlisten", "Ingen på talerlisten", "Ingen på talarlista", "Nobody on the speaker list";
    FloorTo => "Ordet til", "Ordet til", "Ordet til", "Floor to";
    ThenSpeakers => "Derefter", "Deretter", "Deretter", "Then";
    NoCandidates => "ingen deltager passer; gemmes som gæst", "ingen deltaker passer; lagres som gjest", "ingen deltakar passar; blir lagra som gjest", "no participant fits; saved as a guest";
    SpeakersCleared => "Talerlisten er ryddet", "Talerlisten er tømt", "Talarlista er tømd", "Speaker list cleared";
    SpeakingTimePerPerson => "Taletid pr. person", "Taletid per person", "Taletid per person", "Speaking time per person";
    NotMinutes => "ikke et antal minutter", "ikke et antall minutter", "ikkje eit tal minutt", "not a number of minutes";
    TurnsWord => "indlæg", "innlegg", "innlegg", "turns";
    // The importer: documents it cannot read, and what it is unsure of.
    ImpBinary => "det ligner en binær fil, ikke en dagsorden (den indeholder NUL eller andre kontroltegn)", "det ser ut som en binærfil, ikke en saksliste (den inneholder NUL eller andre kontrolltegn)", "det ser ut som ei binærfil, ikkje ei sakliste (ho inneheld NUL eller andre kontrollteikn)", "this looks like a binary file, not an agenda (it holds NUL or other control bytes)";
    ImpPdfAsText => "det er en PDF; læs den uden --format (eller med --format pdf)", "det er en PDF; les den uten --format (eller med --format pdf)", "det er ein PDF; les han utan --format (eller med --format pdf)", "this is a PDF; read it without --format (or with --format pdf)";
    ImpZipNotDocx => "det er en zip-fil, men ikke et Word-dokument (.docx); gem dagsordenen som Word-dokument, ren tekst eller Markdown", "det er en zip-fil, men ikke et Word-dokument (.docx); lagre sakslisten som Word-dokument, ren tekst eller Markdown", "det er ei zip-fil, men ikkje eit Word-dokument (.docx); lagre saklista som Word-dokument, rein tekst eller Markdown", "this is a zip file but not a Word document (.docx); save the agenda as a Word document, plain text or Markdown";
    ImpOldDoc => "det er et gammelt Word-dokument (.doc); gem det som ren tekst eller Markdown først", "det er et gammelt Word-dokument (.doc); lagre det som ren tekst eller Markdown først", "det er eit gammalt Word-dokument (.doc); lagre det som rein tekst eller Markdown først", "this is an old Word document (.doc); save it as plain text or Markdown first";
    ImpRtf => "det er et RTF-dokument; gem det som ren tekst eller Markdown først", "det er et RTF-dokument; lagre det som ren tekst eller Markdown først", "det er eit RTF-dokument; lagre det som rein tekst eller Markdown først", "this is an RTF document; save it as plain text or Markdown first";
    ImpDocxDamaged => "Word-dokumentet er beskadiget ({detail})", "Word-dokumentet er skadet ({detail})", "Word-dokumentet er skadd ({detail})", "this Word document is damaged ({detail})";
    ImpDocxNoDocument => "zip-filen er ikke et Word-dokument (den har ingen word/document.xml)", "zip-filen er ikke et Word-dokument (den har ingen word/document.xml)", "zip-fila er ikkje eit Word-dokument (ho har ingen word/document.xml)", "this zip file is not a Word document (it has no word/document.xml)";
    ImpDocxNoBody => "Word-dokumentet har ingen brødtekst", "Word-dokumentet har ingen brødtekst", "Word-dokumentet har ingen brødtekst", "this Word document has no body";
    ImpPdfDamaged => "PDF'en er beskadiget eller ulæselig ({detail})", "PDF-en er skadet eller uleselig ({detail})", "PDF-en er skadd eller uleseleg ({detail})", "this PDF is damaged or unreadable ({detail})";
    ImpPdfGaveUp => "PDF'en er beskadiget eller ulæselig (PDF-læseren gav op)", "PDF-en er skadet eller uleselig (PDF-leseren ga opp)", "PDF-en er skadd eller uleseleg (PDF-lesaren gav opp)", "this PDF is damaged or unreadable (the PDF reader gave up on it)";
    ImpPdfPassword => "PDF'en er beskyttet med adgangskode; gem en ubeskyttet kopi først", "PDF-en er beskyttet med passord; lagre en ubeskyttet kopi først", "PDF-en er verna med passord; lagre ein uverna kopi først", "this PDF is protected by a password; save an unprotected copy first";
    ImpPdfScan => "PDF'en har intet tekstlag (den ligner en scanning); kør den gennem tekstgenkendelse (OCR) først, eller brug det dokument, den blev lavet fra", "PDF-en har ikke noe tekstlag (den ser ut som en skanning); kjør den gjennom tekstgjenkjenning (OCR) først, eller bruk dokumentet den ble laget fra", "PDF-en har ikkje noko tekstlag (han ser ut som ei skanning); køyr han gjennom tekstattkjenning (OCR) først, eller bruk dokumentet han vart laga frå", "this PDF has no text layer (it looks like a scan); run it through text recognition (OCR) first, or use the document it was made from";
    ImpNoText => "dokumentet indeholder ingen tekst", "dokumentet inneholder ingen tekst", "dokumentet inneheld ingen tekst", "the document holds no text";
    ImpEmpty => "filen er tom", "filen er tom", "fila er tom", "the file is empty";
    ImpNoItems => "ingen dagsordenspunkter fundet", "ingen saker funnet", "ingen saker funne", "no agenda items found";
    ImpJsonList => "forventede en dagsorden (et JSON-objekt i { }), fandt en liste", "forventet en saksliste (et JSON-objekt i { }), fant en liste", "venta ei sakliste (eit JSON-objekt i { }), fann ei liste", "expected an agenda (a JSON object in { }), found a list";
    ImpJsonError => "{detail} (kolonne {column})", "{detail} (kolonne {column})", "{detail} (kolonne {column})", "{detail} (column {column})";
    ImpCannotRead => "kan ikke læses: {detail}", "kan ikke leses: {detail}", "kan ikkje lesast: {detail}", "cannot read: {detail}";
    ImpUnsureLayout => "usikker: intet er nummereret; punkterne er de korte linjer, der står for sig", "usikker: ingenting er nummerert; sakene er de korte linjene som står for seg", "usikker: ingenting er nummerert; sakene er dei korte linjene som står for seg", "unsure: nothing is numbered; the items are the short lines standing apart";
    ImpTocCount => "indholdsfortegnelsen har {toc} punkter, men der blev fundet {found}", "innholdsfortegnelsen har {toc} punkter, men det ble funnet {found}", "innhaldslista har {toc} punkt, men det vart funne {found}", "the table of contents lists {toc} entries but {found} items were found";
    ImpLeftOut => "usikker: udeladt som sidehoved eller sidefod: «{text}»{more}", "usikker: utelatt som topptekst eller bunntekst: «{text}»{more}", "usikker: utelate som topptekst eller botntekst: «{text}»{more}", "unsure: left out as a page header or footer: «{text}»{more}";
    ImpTimes => " ({n} gange)", " ({n} ganger)", " ({n} gonger)", " ({n} times)";
    ImpEndsBeforeStart => "{item} slutter {end}, før det starter {start}", "{item} slutter {end} før den starter {start}", "{item} sluttar {end} før ho startar {start}", "{item} ends {end} before it starts {start}";
    ImpSlotDiffers => "{item}: tidsrummet {start}-{end} er {slot} min, men dagsordenen siger også {m} min", "{item}: tidsrommet {start}-{end} er {slot} min, men sakslisten sier også {m} min", "{item}: tidsrommet {start}-{end} er {slot} min, men saklista seier òg {m} min", "{item}: the slot {start}-{end} is {slot} min but the agenda also says {m} min";
    ImpPastMidnight => "planen løber over midnat ved {item}; de senere punkter får intet klokkeslæt", "planen går over midnatt ved {item}; de senere sakene får ikke noe klokkeslett", "planen går over midnatt ved {item}; dei seinare sakene får ikkje noko klokkeslett", "the plan runs past midnight at {item}; later items get no clock time";
    ImpTheBreak => "pausen «{title}»", "pausen «{title}»", "pausen «{title}»", "the break «{title}»";
    ImpLongerThanADay => "{item} er planlagt til {m} minutter, mere end et døgn", "{item} er planlagt til {m} minutter, mer enn et døgn", "{item} er planlagd til {m} minutt, meir enn eit døgn", "{item} is planned for {m} minutes, longer than a day";
}

/// A message kept for later and shown in the reader's language: a key and the values of its
/// `{blanks}`. The importer says what it cannot read before anyone knows the agenda's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    key: Key,
    args: Vec<(&'static str, String)>,
}

impl Said {
    pub fn new(key: Key) -> Self {
        Said { key, args: vec![] }
    }

    pub fn with(mut self, blank: &'static str, value: impl Into<String>) -> Self {
        self.args.push((blank, value.into()));
        self
    }

    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.key.fill(lang, &args)
    }
}

impl From<Key> for Said {
    fn from(key: Key) -> Self {
        Said::new(key)
    }
}

impl Key {
    /// The text with its `{name}` blanks filled in.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.get(lang).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

/// Shorthand for `key.get(lang)`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    key.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_missing_in_any_language() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !key.get(lang).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn locale_names() {
        for (locale, lang) in [
            ("nb_NO.UTF-8", Some(Lang::Nb)),
            ("no_NO", Some(Lang::Nb)),
            ("nn_NO", Some(Lang::Nn)),
            ("nn_NO.UTF-8@euro", Some(Lang::Nn)),
            ("da_DK.UTF-8", Some(Lang::Da)),
            ("en_GB.UTF-8", Some(Lang::En)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("de_DE", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }

    #[test]
    fn the_flag_then_the_agenda_then_the_locale_then_english() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let nb = env(&[("LANG", "nb_NO.UTF-8")]);
        assert_eq!(Lang::choose(Some(Lang::En), Some(Lang::Da), nb), Lang::En);
        assert_eq!(Lang::choose(None, Some(Lang::Da), nb), Lang::Da);
        assert_eq!(Lang::choose(None, None, nb), Lang::Nb);
        assert_eq!(Lang::choose(None, None, env(&[])), Lang::En);
        assert_eq!(
            Lang::choose(None, None, env(&[("LANG", "C.UTF-8")])),
            Lang::En
        );
        // LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        let all = env(&[
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "da_DK.UTF-8"),
            ("LC_ALL", "nn_NO.UTF-8"),
        ]);
        assert_eq!(Lang::choose(None, None, all), Lang::Nn);
        let messages = env(&[
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "da_DK.UTF-8"),
            ("LC_ALL", ""),
        ]);
        assert_eq!(Lang::choose(None, None, messages), Lang::Da);
    }

    #[test]
    fn guesses_nynorsk() {
        assert_eq!(
            Lang::guess(
                "Sakliste\nSak 12/22\nFramlegg til vedtak: Saka vart ikkje handsama. Kva no?"
            ),
            Lang::Nn
        );
        assert_eq!(
            Lang::guess(
                "Saksliste\nSak 12/22\nForslag til vedtak: Saken ble ikke behandlet. Hva nå?"
            ),
            Lang::Nb
        );
    }

    #[test]
    fn guesses_language() {
        assert_eq!(
            Lang::guess("Punkt 1: Referat\nDet indstilles, at"),
            Lang::Da
        );
        assert_eq!(
            Lang::guess("Saksliste\nSak 12/22\nForslag til vedtak:"),
            Lang::Nb
        );
        assert_eq!(
            Lang::guess("Agenda\nItem 1: the budget\nRecommendation: approve the minutes"),
            Lang::En
        );
    }
}
