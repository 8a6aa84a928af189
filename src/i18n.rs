//! Every user-visible word that depends on the meeting's language: Danish, Norwegian bokmål, English.
//!
//! One table, one row per key, three columns. The `strings!` macro makes a missing column a compile
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
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// Guesses the language of an agenda from words only one of the languages uses.
    pub fn guess(text: &str) -> Lang {
        let lower = text.to_lowercase();
        let count = |words: &[&str]| {
            words
                .iter()
                .map(|w| lower.matches(w).count())
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
        ]);
        let nb = count(&[
            "saksliste",
            "innstilling",
            "forslag til vedtak",
            "vedlegg",
            "saksframlegg",
            "møteleder",
            "vedtak",
            "sak ",
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
        if nb > da && nb >= en {
            Lang::Nb
        } else if en > da && en > nb {
            Lang::En
        } else {
            Lang::Da
        }
    }
}

macro_rules! strings {
    ($($key:ident => $da:expr, $nb:expr, $en:expr;)*) => {
        /// A user-visible text, looked up per language with [`Key::get`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Key::$key => match lang { Lang::Da => $da, Lang::Nb => $nb, Lang::En => $en }),*
                }
            }
        }
    };
}

strings! {
    // Recommendation outcomes: the menu words.
    Approved => "Godkendt", "Vedtatt", "Approved";
    ApprovedWithChanges => "Godkendt med ændringer", "Vedtatt med endringer", "Approved with changes";
    Rejected => "Afvist", "Ikke vedtatt", "Rejected";
    Deferred => "Udsat", "Utsatt", "Deferred";
    Noted => "Taget til efterretning", "Tatt til orientering", "Noted";
    NotTreated => "Ikke behandlet", "Ikke behandlet", "Not treated";
    // The standard wording of each outcome in the minutes.
    WordingApproved => "Indstillingen blev godkendt.", "Innstillingen ble vedtatt.", "The recommendation was approved.";
    WordingApprovedWithChanges => "Indstillingen blev godkendt med følgende ændringer: ", "Innstillingen ble vedtatt med følgende endringer: ", "The recommendation was approved with the following changes: ";
    WordingRejected => "Indstillingen blev ikke godkendt.", "Innstillingen ble ikke vedtatt.", "The recommendation was not approved.";
    WordingDeferred => "Punktet blev udsat.", "Saken ble utsatt.", "The item was deferred.";
    WordingNoted => "Orienteringen blev taget til efterretning.", "Saken ble tatt til orientering.", "The information was noted.";
    // Item states.
    StatusPending => "Afventer", "Venter", "Pending";
    StatusCurrent => "I gang", "Pågår", "Current";
    StatusDone => "Behandlet", "Behandlet", "Done";
    StatusSkipped => "Ikke behandlet", "Ikke behandlet", "Skipped";
    StatusDeferred => "Udsat", "Utsatt", "Deferred";
    // Meeting words.
    Agenda => "Dagsorden", "Saksliste", "Agenda";
    Minutes => "Referat", "Referat", "Minutes";
    Item => "Punkt", "Sak", "Item";
    CaseNumber => "Sagsnr.", "Saksnr.", "Case no.";
    CasePresentation => "Sagsfremstilling", "Saksframlegg", "Case presentation";
    Recommendation => "Indstilling", "Innstilling", "Recommendation";
    Decision => "Beslutning", "Vedtak", "Decision";
    Attachments => "Bilag", "Vedlegg", "Attachments";
    Date => "Dato", "Dato", "Date";
    MeetingStart => "Start", "Start", "Start";
    MeetingEnd => "Slut", "Slutt", "End";
    Language => "Sprog", "Språk", "Language";
    Time => "Tid", "Tid", "Time";
    Place => "Sted", "Sted", "Place";
    Chair => "Mødeleder", "Møteleder", "Chair";
    Referent => "Referent", "Referent", "Minute-taker";
    Participants => "Deltagere", "Deltakere", "Participants";
    Absent => "Afbud", "Forfall", "Apologies";
    Inhabil => "Inhabil", "Inhabil", "Conflict of interest";
    ActionPoints => "Handlinger", "Oppfølgingspunkter", "Action points";
    What => "Hvad", "Hva", "What";
    Who => "Ansvarlig", "Ansvarlig", "Owner";
    Due => "Frist", "Frist", "Due";
    Notes => "Noter", "Notater", "Notes";
    Vote => "Afstemning", "Votering", "Vote";
    VoteFor => "For", "For", "For";
    VoteAgainst => "Imod", "Mot", "Against";
    VoteAbstain => "Undlod at stemme", "Avsto", "Abstained";
    Planned => "Planlagt", "Planlagt", "Planned";
    Actual => "Faktisk", "Faktisk", "Actual";
    Minute => "min", "min", "min";
    Break => "Pause", "Pause", "Break";
    Arrived => "Ankom", "Ankom", "Arrived";
    Left => "Gik", "Gikk", "Left";
    PlanChanged => "Ændret plan", "Endret plan", "Change of plan";
    AllActionPoints => "Samlet oversigt over handlinger", "Samlet oversikt over oppfølgingspunkter", "All action points";
    Interruption => "Afbrydelse", "Avbrudd", "Interruption";
    Unanimous => "Enstemmigt", "Enstemmig", "Unanimous";
    // The meeting screen.
    PressSpace => "Tryk mellemrum for at starte mødet", "Trykk mellomrom for å starte møtet", "Press Space to start the meeting";
    LastItem => "Sidste punkt: tryk q for at afslutte mødet", "Siste sak: trykk q for å avslutte møtet", "Last item: press q to finish the meeting";
    FirstItem => "Dette er første punkt", "Dette er første sak", "This is the first item";
    NothingToUndo => "Intet at fortryde", "Ingenting å angre", "Nothing to undo";
    Undone => "Fortrudt", "Angret", "Undone";
    Saved => "Gemt", "Lagret", "Saved";
    Deleted => "Slettet (u fortryder)", "Slettet (u angrer)", "Deleted (u undoes)";
    NoEntry => "Ingen linje i loggen at vælge", "Ingen linje i loggen å velge", "No log entry to select";
    ConfirmQuit => "Afslut mødet og skriv referatet? (y/n)", "Avslutte møtet og skrive referatet? (y/n)", "Finish the meeting and write the minutes? (y/n)";
    ConfirmQuitUnstarted => "Mødet er ikke startet. Luk? (y/n)", "Møtet er ikke startet. Lukke? (y/n)", "The meeting has not started. Close? (y/n)";
    ConfirmDiscard => "Kassér den skrevne tekst? (y/n)", "Forkaste teksten? (y/n)", "Discard what you typed? (y/n)";
    GoToPrompt => "Gå til punkt", "Gå til sak", "Go to item";
    Number => "Nummer", "Nummer", "Number";
    UnknownItem => "Intet punkt med det nummer", "Ingen sak med det nummeret", "No item with that number";
    NeedNumber => "Skriv et helt tal", "Skriv et heltall", "Enter a whole number";
    NeedText => "Skriv noget først", "Skriv noe først", "Type something first";
    Running => "KØRER", "PÅGÅR", "RUNNING";
    PausedWord => "PAUSE", "PAUSE", "PAUSED";
    NotStarted => "IKKE STARTET", "IKKE STARTET", "NOT STARTED";
    EndedWord => "AFSLUTTET", "AVSLUTTET", "FINISHED";
    Elapsed => "Forløbet", "Brukt", "Elapsed";
    Remaining => "Tilbage", "Igjen", "Remaining";
    Overrun => "OVERSKREDET", "OVERSKREDET", "OVERRUN";
    Drift => "Afvigelse", "Avvik", "Drift";
    OnTime => "til tiden", "i rute", "on time";
    ProjectedEnd => "Forventet slut", "Forventet slutt", "Projected end";
    PlannedEnd => "Planlagt slut", "Planlagt slutt", "Planned end";
    MeetingTime => "Mødetid", "Møtetid", "Meeting time";
    Log => "Log", "Logg", "Log";
    TooSmall => "Vinduet er for lille", "Vinduet er for lite", "Window too small";
    Present => "til stede", "til stede", "present";
    AbsentWord => "fraværende", "fraværende", "absent";
    MarkPresent => "Til stede", "Til stede", "Present";
    MarkAbsent => "Fraværende (afbud)", "Fraværende (forfall)", "Absent (apologies)";
    ArrivedNow => "Ankommet nu", "Ankom nå", "Arrived now";
    LeftNow => "Gået nu", "Gikk nå", "Left now";
    InhabilHere => "Inhabil ved dette punkt (forlod lokalet)", "Inhabil i denne saken (forlot rommet)", "Conflict of interest for this item (left the room)";
    AddLateArrival => "Tilføj person (sen ankomst)", "Legg til person (sen ankomst)", "Add a person (late arrival)";
    Name => "Navn", "Navn", "Name";
    Attendance => "Fremmøde", "Oppmøte", "Attendance";
    Compress => "Komprimér resten, så mødet slutter til tiden", "Komprimer resten, så møtet slutter i tide", "Compress the rest to end on the planned end";
    PushBack => "Skub resten af dagsordenen", "Skyv resten av sakslisten", "Push the rest of the agenda back";
    DeferItem => "Udsæt et punkt til næste møde", "Utsett en sak til neste møte", "Defer an item to the next meeting";
    ChoosePlan => "Mødet er forsinket: hvad giver sig?", "Møtet er forsinket: hva gir seg?", "The meeting runs late: what gives?";
    ChooseItem => "Vælg punkt", "Velg sak", "Choose an item";
    NoPendingItems => "Ingen punkter tilbage at udsætte", "Ingen saker igjen å utsette", "No pending item to defer";
    NotRunning => "Mødet kører ikke", "Møtet pågår ikke", "The meeting is not running";
    Help => "Hjælp", "Hjelp", "Help";
    HelpClose => "Esc eller ? lukker", "Esc eller ? lukker", "Esc or ? closes";
    SessionSaved => "Sessionen er gemt i", "Økten er lagret i", "Session saved in";
    MinutesWritten => "Referatet er skrevet", "Referatet er skrevet", "Minutes written";
    WriteFailed => "KUNNE IKKE GEMME", "KUNNE IKKE LAGRE", "COULD NOT SAVE";
    Resumed => "Genoptaget efter afbrydelse", "Gjenopptatt etter avbrudd", "Resumed after an interruption";
    NextItem => "Næste", "Neste", "Next";
    ChangesPrompt => "Ændringer", "Endringer", "Changes";
    Wording => "Tekst i referatet", "Tekst i referatet", "Text in the minutes";
    FollowUps => "Åbne handlinger fra tidligere møder", "Åpne oppfølgingspunkter fra tidligere møter", "Open action points from earlier meetings";
    ItemDeferred => "Punktet er udsat til næste møde", "Saken er utsatt til neste møte", "The item is deferred to the next meeting";
    NoSuchClause => "Indstillingen har ikke det led", "Innstillingen har ikke det punktet", "The recommendation has no such clause";
    NotPossibleNow => "Det kan ikke lade sig gøre lige nu", "Det går ikke akkurat nå", "That cannot be done now";
    ItemTreated => "Punktet er allerede behandlet og kan ikke flyttes eller fjernes", "Saken er allerede behandlet og kan ikke flyttes eller fjernes", "The item has been treated and cannot be moved or removed";
    ChooseClause => "Hvilke led af indstillingen?", "Hvilke punkter i innstillingen?", "Which clauses of the recommendation?";
    AllClauses => "Alle led", "Alle punkter", "All clauses";
    Clause => "Led", "Punkt", "Clause";
    ConfirmDelete => "Slet", "Slette", "Delete";
    HeldKeys => "Taster kom lige efter feltet lukkede (indsat tekst?). Udfør dem som kommandoer? (y/n)", "Taster kom rett etter at feltet lukket (limt inn tekst?). Utføre dem som kommandoer? (y/n)", "Keys arrived right after the field closed (pasted text?). Run them as commands? (y/n)";
    HeldDropped => "Tasterne blev kasseret", "Tastene ble forkastet", "The keys were dropped";
    UndoneWhat => "Fortrudt", "Angret", "Undone";
    JournalDamaged => "Beskadigede linjer i journalen blev sprunget over", "Skadde linjer i journalen ble hoppet over", "Damaged journal lines were skipped";
    NoFollowUps => "Ingen åbne handlinger fra tidligere møder", "Ingen åpne oppfølgingspunkter fra tidligere møter", "No open action points from earlier meetings";
    MarkDone => "Udført", "Utført", "Done";
    NewDue => "Ny frist", "Ny frist", "New due date";
    // Minutes: headings and sentences.
    MeetingNotStarted => "Mødet er ikke startet.", "Møtet har ikke startet.", "The meeting has not started.";
    MeetingNotFinished => "Mødet er ikke afsluttet. Referatet viser status kl.", "Møtet er ikke avsluttet. Referatet viser status kl.", "The meeting has not ended. These minutes show the state at";
    LeftRoom => "forlod lokalet", "forlot rommet", "left the room";
    CourseOfMeeting => "Mødets forløb", "Møtets forløp", "Course of the meeting";
    InterruptionNote => "programmet var nede; tiden tæller som mødetid", "programmet var nede; tiden teller som møtetid", "the app was down; the time counts as meeting time";
    ReplanCompress => "resten af mødet forkortet, så det slutter til tiden", "resten av møtet forkortet for å slutte i tide", "rest of the meeting shortened to end on time";
    ReplanPushBack => "resten af mødet rykket", "resten av møtet flyttet", "rest of the meeting moved back";
    ReplanDefer => "udsat til næste møde", "utsatt til neste møte", "deferred to the next meeting";
    ExpectedEnd => "forventet slut", "forventet slutt", "expected end";
    FollowUpsHeading => "Opfølgning på handlinger fra tidligere møder", "Oppfølging av tiltak fra tidligere møter", "Follow-up of earlier action points";
    FollowUpDone => "udført", "utført", "done";
    FollowUpMoved => "ny frist", "ny frist", "new due date";
    // Minutes: votes, attachments, approval, pages. {for}, {against}, {n}, {total} are filled in.
    VoteOnRecommendation => "indstillingen", "innstillingen", "the recommendation";
    VoteOnClause => "indstillingens punkt {n}", "innstillingens punkt {n}", "clause {n} of the recommendation";
    VoteOnProposal => "forslaget", "forslaget", "the proposal";
    VoteCarried => "Forslaget blev vedtaget med {for} stemmer for og {against} imod", "Forslaget ble vedtatt med {for} stemmer for og {against} mot", "The proposal was carried with {for} votes for and {against} against";
    VoteCarriedUnanimously => "Forslaget blev vedtaget enstemmigt", "Forslaget ble enstemmig vedtatt", "The proposal was carried unanimously";
    VoteNotCarried => "Forslaget blev ikke vedtaget: {for} stemmer for og {against} imod", "Forslaget ble ikke vedtatt: {for} stemmer for og {against} mot", "The proposal was not carried: {for} votes for and {against} against";
    VoteAbstainedCount => "; {n} undlod at stemme", "; {n} avsto", "; {n} abstained";
    VotedOn => "Afstemning om", "Votering over", "Vote on";
    VoteResult => "Resultat", "Resultat", "Result";
    ApprovalHeading => "Godkendelse af referatet", "Godkjenning av protokollen", "Approval of the minutes";
    ApprovalText => "Referatet godkendt", "Protokollen godkjent", "Minutes approved";
    Signature => "Underskrift", "Underskrift", "Signature";
    PageOf => "Side {n} af {total}", "Side {n} av {total}", "Page {n} of {total}";
    // A long date: {weekday}, {day}, {month}, {year} are filled in.
    DatePattern => "{weekday} den {day}. {month} {year}", "{weekday} {day}. {month} {year}", "{weekday} {day} {month} {year}";
    Monday => "mandag", "mandag", "Monday";
    Tuesday => "tirsdag", "tirsdag", "Tuesday";
    Wednesday => "onsdag", "onsdag", "Wednesday";
    Thursday => "torsdag", "torsdag", "Thursday";
    Friday => "fredag", "fredag", "Friday";
    Saturday => "lørdag", "lørdag", "Saturday";
    Sunday => "søndag", "søndag", "Sunday";
    January => "januar", "januar", "January";
    February => "februar", "februar", "February";
    March => "marts", "mars", "March";
    April => "april", "april", "April";
    May => "maj", "mai", "May";
    June => "juni", "juni", "June";
    July => "juli", "juli", "July";
    August => "august", "august", "August";
    September => "september", "september", "September";
    October => "oktober", "oktober", "October";
    November => "november", "november", "November";
    December => "december", "desember", "December";
    // Due dates typed in the action form.
    DueHint => "Skriv fx 21/3, 1. maj, fredag, næste uge, uge 51 eller om 14 dage.", "Skriv f.eks. 21/3, 1. mai, fredag, neste uke, uke 51 eller om 14 dager.", "Write e.g. 21/3, 1 May, friday, next week, week 51 or in 14 days.";
    DueNoSuchDate => "Datoen findes ikke:", "Datoen finnes ikke:", "That date does not exist:";
    DueTooFar => "Fristen ligger for langt ude:", "Fristen ligger for langt fram:", "That is too far ahead:";
    DueUnknown => "Kan ikke læse fristen:", "Kan ikke lese fristen:", "Not a due date I can read:";
    // The projector view and the follower.
    PjRemaining => "tilbage", "igjen", "left";
    PjElapsed => "brugt", "brukt", "elapsed";
    Of => "af", "av", "of";
    Next => "Næste", "Neste", "Next";
    PjLastItem => "Sidste punkt", "Siste sak", "Last item";
    Schedule => "Tidsplan", "Tidsplan", "Schedule";
    Behind => "bagud", "på etterskudd", "behind";
    Ahead => "foran", "foran", "ahead";
    PjPlannedEnd => "planlagt", "planlagt", "planned";
    PlannedStart => "Planlagt start", "Planlagt start", "Planned start";
    PlannedEndFull => "Planlagt slut", "Planlagt slutt", "Planned end";
    Replanned => "Planen er ændret", "Planen er endret", "Plan changed";
    PjReplanCompress => "punkterne er komprimeret", "sakene er komprimert", "items compressed";
    PjReplanPushBack => "resten er skubbet", "resten er skjøvet", "rest pushed back";
    PjReplanDefer => "et punkt er udsat", "en sak er utsatt", "an item deferred";
    NewEnd => "ny slut", "ny slutt", "new end";
    PjNotStarted => "Mødet er ikke startet", "Møtet har ikke startet", "The meeting has not started";
    BreakSoFar => "Pausen har varet", "Pausen har vart", "Break so far";
    ResumesWith => "Derefter", "Deretter", "Then";
    MeetingFinished => "Mødet er slut", "Møtet er slutt", "Meeting finished";
    Started => "Startede", "Startet", "Started";
    Ended => "Sluttede", "Sluttet", "Ended";
    Duration => "Varighed", "Varighet", "Duration";
    NoCurrentItem => "Intet punkt i gang", "Ingen sak pågår", "No item in progress";
    WaitingForSession => "Venter på mødet", "Venter på møtet", "Waiting for session";
    WaitingForAnySession => "Venter på et møde i", "Venter på et møte i", "Waiting for a session in";
    JournalDeleted => "Journalen er slettet: viser sidste kendte tilstand", "Journalen er slettet: viser siste kjente tilstand", "The journal was deleted: showing the last state";
    JournalReplaced => "Journalen blev udskiftet: læst forfra", "Journalen ble erstattet: lest på nytt", "The journal was replaced: read again from the start";
    JournalUnreadable => "Kan ikke læse journalen", "Kan ikke lese journalen", "Cannot read the journal";
    AgendaUnreadable => "Kan ikke læse dagsordenen", "Kan ikke lese sakslisten", "Cannot read the agenda";
    // Past meetings: the draft of the next agenda.
    OpenActionsItem => "Opfølgning på handlinger fra tidligere møder", "Oppfølgingspunkter fra tidligere møter", "Follow-up of action points from earlier meetings";
    FromMeeting => "fra mødet", "fra møtet", "from the meeting on";
    CarriedDeferred => "Udsat fra mødet", "Utsatt fra møtet", "Deferred from the meeting on";
    CarriedNotTreated => "Ikke behandlet på mødet", "Ikke behandlet på møtet", "Not treated at the meeting on";
    NotedUnderAob => "Noteret under Eventuelt på mødet", "Notert under Eventuelt på møtet", "Noted under any other business at the meeting on";
    NextDateInterval => "Dato foreslået ud fra intervallet mellem de to seneste møder:", "Dato foreslått ut fra intervallet mellom de to siste møtene:", "Date suggested from the interval between the last two meetings:";
    NextDateWeek => "Dato foreslået som en uge efter seneste møde (intet tidligere møde i serien at regne ud fra):", "Dato foreslått som en uke etter siste møte (ikke noe tidligere møte i serien å regne ut fra):", "Date suggested as one week after the last meeting (no earlier meeting in the series to go by):";
    NextDateUnknown => "Datoen for næste møde er ikke sat: datoen for seneste møde kendes ikke.", "Datoen for neste møte er ikke satt: datoen for siste møte er ukjent.", "The date of the next meeting is not set: the last meeting's date is unknown.";
    Days => "dage", "dager", "days";
    // Past meetings: action points across meetings.
    Meeting => "Møde", "Møte", "Meeting";
    Status => "Status", "Status", "Status";
    ActionOpen => "Åben", "Åpen", "Open";
    ActionDone => "Udført", "Utført", "Done";
    ActionOverdue => "Overskredet", "Forfalt", "Overdue";
    NoActions => "Ingen handlinger.", "Ingen oppfølgingspunkter.", "No action points.";
    DueMoved => "fristen er flyttet på et senere møde", "fristen er flyttet på et senere møte", "due date moved in a later meeting";
    // Past meetings: the review screens.
    PastMeetings => "Tidligere møder", "Tidligere møter", "Past meetings";
    SortBy => "Sortering", "Sortering", "Sorted by";
    SortDate => "dato", "dato", "date";
    SortTitle => "titel", "tittel", "title";
    SortOverrun => "overskridelse", "overskridelse", "overrun";
    SortDecisions => "beslutninger", "vedtak", "decisions";
    SortOpenActions => "åbne handlinger", "åpne oppfølgingspunkter", "open actions";
    Filter => "Filter", "Filter", "Filter";
    TypeToFilter => "skriv for at filtrere", "skriv for å filtrere", "type to filter";
    TitleWord => "Titel", "Tittel", "Title";
    MinutesWord => "Minutter", "Minutter", "Minutes";
    NewItem => "Nyt punkt", "Ny sak", "New item";
    EditPlan => "Ret dagsordenen:", "Endre sakslisten:", "Edit the plan:";
    EditorTreatedStay => "behandlede punkter beholder deres referat", "behandlede saker beholder sin protokoll", "items already treated keep their record";
    ConfirmRemoveItem => "Tag punktet af dagsordenen", "Ta saken av sakslisten", "Take the item off the agenda";
    EditItemTitle => "Ret punkt", "Endre sak", "Edit item";
    EditMeetingTitle => "Ret mødet", "Endre møtet", "Edit the meeting";
    NamesHint => "navne adskilt af komma", "navn skilt med komma", "names separated by commas";
    NeedTime => "Skriv et klokkeslæt som 13:30", "Skriv et klokkeslett som 13:30", "Enter a time such as 13:30";
    NeedDate => "Skriv en dato som 2022-03-14 eller 14.03.2022", "Skriv en dato som 2022-03-14 eller 14.03.2022", "Enter a date such as 2022-03-14 or 14.03.2022";
    AgendaChanged => "Dagsordenen blev godkendt med følgende ændringer: ", "Innkalling og saksliste ble godkjent med følgende endringer: ", "The agenda was approved with the following changes: ";
    ChangeAdded => "tilføjet", "lagt til", "added";
    ChangeMoved => "flyttet", "flyttet", "moved";
    ChangeRemoved => "udgik", "utgikk", "withdrawn";
    ActualPlanned => "Faktisk/plan", "Faktisk/plan", "Actual/plan";
    OverWord => "Over", "Over", "Over";
    DecisionsShort => "Beslutn.", "Vedtak", "Decis.";
    OpenShort => "Åbne", "Åpne", "Open";
    Unfinished => "ikke afsluttet", "ikke avsluttet", "unfinished";
    NoSessions => "Ingen møder fundet i", "Ingen møter funnet i", "No meetings found in";
    NoMatch => "Intet møde passer til filteret", "Ingen møter passer til filteret", "No meeting matches the filter";
    KeyOpen => "åbn", "åpne", "open";
    KeySort => "sortér", "sorter", "sort";
    KeySearch => "søg", "søk", "search";
    KeyStats => "statistik", "statistikk", "statistics";
    KeyQuit => "afslut", "avslutt", "quit";
    KeyBack => "tilbage", "tilbake", "back";
    KeyScroll => "rul", "rull", "scroll";
    KeyItem => "næste/forrige punkt", "neste/forrige sak", "next/previous item";
    SearchPrompt => "Søg i alle møder", "Søk i alle møter", "Search all meetings";
    SearchHint => "Enter søger, Esc tilbage", "Enter søker, Esc tilbake", "Enter searches, Esc goes back";
    NoHits => "Intet fundet", "Ingen treff", "Nothing found";
    HitsWord => "fund", "treff", "hits";
    StatsFor => "Statistik for", "Statistikk for", "Statistics for";
    MeetingsWord => "Møder", "Møter", "Meetings";
    MeetingsPerMonth => "Møder pr. måned", "Møter per måned", "Meetings per month";
    AverageOverrun => "Gennemsnitlig overskridelse", "Gjennomsnittlig overskridelse", "Average overrun";
    TotalOverrun => "Samlet overskridelse", "Samlet overskridelse", "Total overrun";
    MeasuredOn => "målt på afsluttede møder med plan", "målt på avsluttede møter med plan", "measured on finished meetings with a plan";
    HabitualOverruns => "Punkter der ofte løber over tiden", "Saker som ofte går over tiden", "Items that habitually run over";
    TimesOver => "gange over", "ganger over", "times over";
    AverageOver => "i snit", "i snitt", "on average";
    NoneWord => "ingen", "ingen", "none";
    DecisionShare => "Andel behandlede punkter med beslutning", "Andel behandlede saker med vedtak", "Share of treated items with a decision";
    ChartTitle => "Planlagt og faktisk tid pr. punkt", "Planlagt og faktisk tid per sak", "Planned and actual time per item";
    ChartLegend => "█ inden for tiden  ▓+ over tiden  ░ ubrugt", "█ innenfor tiden  ▓+ over tiden  ░ ubrukt", "█ within the slot  ▓+ over  ░ unused";
    // Commands without a terminal, files that are not there, and `check`.
    NeedsTerminal => "{command} kræver en terminal; i et script kan `referent minutes` eller `referent actions --json` bruges", "{command} krever en terminal; i et skript kan `referent minutes` eller `referent actions --json` brukes", "{command} needs a terminal; for a script use `referent minutes` or `referent actions --json`";
    NoSuchFile => "filen findes ikke", "filen finnes ikke", "no such file";
    CannotRead => "kan ikke læses", "kan ikke leses", "cannot read";
    PlannedTotal => "I alt {minutes} min planlagt", "Totalt {minutes} min planlagt", "Total {minutes} min planned";
    PlannedSpan => "mellem {span} ({minutes} min)", "mellom {span} ({minutes} min)", "between {span} ({minutes} min)";
    // The speaker list (talerliste).
    SpeakerList => "Talerliste", "Talerliste", "Speaker list";
    AddSpeaker => "Ny på talerlisten", "Ny på talerlisten", "Add to the speaker list";
    Speaker => "Taler", "Taler", "Speaker";
    Speakers => "Talere", "Talere", "Speakers";
    GuestWord => "gæst", "gjest", "guest";
    SpeakingTime => "Taletid", "Taletid", "Speaking time";
    SpeakingLimitPrompt => "Taletid for punktet (min, tom = mødets)", "Taletid for saken (min, tom = møtets)", "Speaking time for this item (min, empty = the meeting's)";
    NoSpeakers => "Ingen på talerlisten", "Ingen på talerlisten", "Nobody on the speaker list";
    FloorTo => "Ordet til", "Ordet til", "Floor to";
    ThenSpeakers => "Derefter", "Deretter", "Then";
    NoCandidates => "ingen deltager passer; gemmes som gæst", "ingen deltaker passer; lagres som gjest", "no participant fits; saved as a guest";
    SpeakersCleared => "Talerlisten er ryddet", "Talerlisten er tømt", "Speaker list cleared";
    SpeakingTimePerPerson => "Taletid pr. person", "Taletid per person", "Speaking time per person";
    TurnsWord => "indlæg", "innlegg", "turns";
    BothPresentAndAbsent => "{name} står både som deltager og med afbud; regnes som fraværende", "{name} står både som deltaker og med forfall; regnes som fraværende", "{name} is listed both as a participant and with apologies; counted as absent";
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
            for lang in [Lang::Da, Lang::Nb, Lang::En] {
                assert!(
                    !key.get(lang).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
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
