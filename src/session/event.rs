//! The journal's line format: one [`Record`] per line, an [`Event`] with its sequence number and time.
//!
//! Items are referred to by their identity: an imported item's is its index in `agenda.json`
//! (numbers as written may repeat), an added item's is given by its `item_added` record, past the
//! imported ones. Until the plan changes, identity and position are the same, so journals written
//! before plan changes existed read as they did. Log entries are referred to by the `seq` of the
//! record that created them.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, Error as _, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer as _, Serialize};

use super::clock::Time;
use crate::agenda::{Facts, Item};
use crate::i18n::{Key, Lang};

/// One line of `journal.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 1-based position in the journal; entries are named by the seq that created them.
    pub seq: u64,
    pub at: Time,
    /// The seq of the first record written for the same user intent: `u` takes a group back
    /// whole. Journals written before groups existed read 0, which makes each record its own group.
    #[serde(default)]
    pub group: u64,
    #[serde(flatten)]
    pub event: Event,
}

/// Everything that can happen in a meeting. Serialized with a `"type"` tag in snake_case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The session was created; the clock has not started.
    Opened {
        app_version: String,
    },
    /// The chair pressed Space: the meeting's clock starts, at the first item.
    MeetingStarted,
    /// `item` becomes the current item (the previous current one, if any, is closed as done).
    ItemStarted {
        item: usize,
    },
    /// The current item is closed as not treated, and the next pending one is opened.
    ItemSkipped {
        item: usize,
    },
    Paused,
    Resumed,
    /// The app came back after being down since `down_since` (the last event before the gap).
    Recovered {
        down_since: Time,
    },
    Decision {
        item: usize,
        text: String,
    },
    /// The outcome of the item's recommendation: all clauses, or the one at `clause`.
    Outcome {
        item: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        clause: Option<usize>,
        outcome: Outcome,
        /// The wording written in the minutes; starts as the standard wording, editable.
        text: String,
    },
    ActionAdded {
        item: usize,
        what: String,
        who: String,
        due: Option<NaiveDate>,
    },
    Note {
        item: usize,
        text: String,
    },
    /// Replaces the text of an entry (decision, outcome, note) or the fields of an action.
    EntryEdited {
        entry: u64,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        who: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
    },
    EntryDeleted {
        entry: u64,
    },
    /// Takes back the latest change that is not yet undone.
    Undo,
    Attendance {
        name: String,
        present: bool,
    },
    /// Someone came late (`arrived: true`) or left early.
    Movement {
        name: String,
        arrived: bool,
    },
    /// `name` declared a conflict of interest for `item` and left the room for it.
    Inhabil {
        item: usize,
        name: String,
    },
    Vote {
        item: usize,
        #[serde(rename = "for")]
        votes_for: u32,
        against: u32,
        abstain: u32,
    },
    /// The chair changed the plan for the rest of the meeting.
    Replan {
        plan: Replan,
    },
    /// An open action point from an earlier session was reviewed in this meeting.
    ActionFollowUp {
        /// Folder name of the session the action belongs to.
        session: String,
        /// Its entry id there.
        entry: u64,
        status: FollowUp,
        /// What the action point said ("what — who"), so this meeting's minutes can name it
        /// without reading the other session.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
    },
    MeetingEnded,
    /// An item was added to the plan right after item `after` (`None`: first), with identity `id`.
    ItemAdded {
        id: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<usize>,
        fields: Box<Item>,
    },
    /// The item's number, title, times, recommendation or attachments were changed.
    ItemEdited {
        item: usize,
        fields: Box<Item>,
    },
    /// The item was moved to right after item `after` (`None`: first).
    ItemMoved {
        item: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<usize>,
    },
    /// The item was taken off the plan before it was treated (*udgik*).
    ItemRemoved {
        item: usize,
    },
    /// The meeting's facts (title, date, start, end, place, chair, minute-taker, participants,
    /// apologies) were changed; `agenda.json` keeps them as imported.
    MeetingEdited {
        /// Boxed, as an added item's fields are: every record is as large as the largest kind.
        facts: Box<Facts>,
    },
    /// `name` asked to speak on `item` and joins the end of its speaker list; `guest` when the
    /// name is not among the meeting's participants.
    SpeakerAdded {
        item: usize,
        name: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        guest: bool,
    },
    /// The chair gave the floor to the first one waiting on `item`'s list; the current
    /// speaker's time ends. With nobody waiting, the current speaker's time just ends.
    FloorGiven {
        item: usize,
    },
    /// The one waiting at place `from` (0 = next) on `item`'s list moves to place `to`.
    SpeakerMoved {
        item: usize,
        from: usize,
        to: usize,
    },
    /// The one waiting at place `index` leaves `item`'s list without speaking.
    SpeakerRemoved {
        item: usize,
        index: usize,
    },
    /// Nobody is waiting on `item`'s list any more (the current speaker keeps the floor).
    SpeakersCleared {
        item: usize,
    },
    /// The speaking-time limit for `item` (`None`: the meeting's default), in seconds;
    /// `seconds: None` takes the limit away.
    SpeakingLimitSet {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<usize>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seconds: Option<u32>,
    },
}

/// The recommendation outcomes, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    ApprovedWithChanges,
    Rejected,
    Deferred,
    Noted,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Approved,
        Outcome::ApprovedWithChanges,
        Outcome::Rejected,
        Outcome::Deferred,
        Outcome::Noted,
    ];

    /// The menu word: *Godkendt*, *Vedtatt*, *Approved* …
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Approved => Key::Approved,
            Outcome::ApprovedWithChanges => Key::ApprovedWithChanges,
            Outcome::Rejected => Key::Rejected,
            Outcome::Deferred => Key::Deferred,
            Outcome::Noted => Key::Noted,
        }
        .get(lang)
    }

    /// The sentence a referat uses: *Indstillingen blev godkendt.*; with changes, the changes follow.
    pub fn wording(self, lang: Lang, changes: &str) -> String {
        let key = match self {
            Outcome::Approved => Key::WordingApproved,
            Outcome::ApprovedWithChanges => Key::WordingApprovedWithChanges,
            Outcome::Rejected => Key::WordingRejected,
            Outcome::Deferred => Key::WordingDeferred,
            Outcome::Noted => Key::WordingNoted,
        };
        format!("{}{}", key.get(lang), changes.trim())
    }
}

/// How the chair changed the plan when the meeting ran late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Replan {
    /// Shrink the remaining items proportionally so the meeting ends on its planned end.
    Compress,
    /// Move every remaining slot back so that the next one starts now (the end moves too).
    PushBack,
    /// Move `item` to the next meeting.
    Defer { item: usize },
}

/// What happened to an earlier meeting's action point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FollowUp {
    Done,
    Moved { due: NaiveDate },
}

impl Event {
    /// Whether `u` can take this event back. Undo itself, the start/end of the meeting,
    /// recovery markers, the session header and the meeting's default speaking time (given on
    /// the command line, not by a key) cannot be undone.
    pub fn is_undoable(&self) -> bool {
        !matches!(
            self,
            Event::Opened { .. }
                | Event::MeetingStarted
                | Event::Recovered { .. }
                | Event::Undo
                | Event::MeetingEnded
                | Event::SpeakingLimitSet { item: None, .. }
        )
    }

    /// The same event with every item it names passed through `f` (identity ↔ position).
    /// `None` when `f` finds no such item. An event whose items `f` leaves as they are (every
    /// record until the plan changes) is not copied: the fold asks this of every record.
    pub fn map_items(&self, f: impl Fn(usize) -> Option<usize>) -> Option<Cow<'_, Event>> {
        let mut same = true;
        for item in self.named_items().into_iter().flatten() {
            same &= f(item)? == item;
        }
        if same {
            Some(Cow::Borrowed(self))
        } else {
            self.mapped(f).map(Cow::Owned)
        }
    }

    /// The items the event names (at most two: an item, and the one it goes after).
    fn named_items(&self) -> [Option<usize>; 2] {
        match self {
            Event::ItemStarted { item }
            | Event::ItemSkipped { item }
            | Event::Decision { item, .. }
            | Event::Outcome { item, .. }
            | Event::ActionAdded { item, .. }
            | Event::Note { item, .. }
            | Event::Inhabil { item, .. }
            | Event::Vote { item, .. }
            | Event::ItemEdited { item, .. }
            | Event::ItemRemoved { item }
            | Event::SpeakerAdded { item, .. }
            | Event::FloorGiven { item }
            | Event::SpeakerMoved { item, .. }
            | Event::SpeakerRemoved { item, .. }
            | Event::SpeakersCleared { item }
            | Event::SpeakingLimitSet {
                item: Some(item), ..
            }
            | Event::Replan {
                plan: Replan::Defer { item },
            } => [Some(*item), None],
            Event::ItemMoved { item, after } => [Some(*item), *after],
            Event::ItemAdded { after, .. } => [*after, None],
            Event::Opened { .. }
            | Event::MeetingStarted
            | Event::Paused
            | Event::Resumed
            | Event::Recovered { .. }
            | Event::EntryEdited { .. }
            | Event::EntryDeleted { .. }
            | Event::Undo
            | Event::Attendance { .. }
            | Event::Movement { .. }
            | Event::Replan {
                plan: Replan::Compress | Replan::PushBack,
            }
            | Event::ActionFollowUp { .. }
            | Event::SpeakingLimitSet { item: None, .. }
            | Event::MeetingEdited { .. }
            | Event::MeetingEnded => [None, None],
        }
    }

    /// A copy of the event with its items passed through `f`.
    fn mapped(&self, f: impl Fn(usize) -> Option<usize>) -> Option<Event> {
        let mut e = self.clone();
        match &mut e {
            Event::ItemStarted { item }
            | Event::ItemSkipped { item }
            | Event::Decision { item, .. }
            | Event::Outcome { item, .. }
            | Event::ActionAdded { item, .. }
            | Event::Note { item, .. }
            | Event::Inhabil { item, .. }
            | Event::Vote { item, .. }
            | Event::ItemEdited { item, .. }
            | Event::ItemRemoved { item }
            | Event::SpeakerAdded { item, .. }
            | Event::FloorGiven { item }
            | Event::SpeakerMoved { item, .. }
            | Event::SpeakerRemoved { item, .. }
            | Event::SpeakersCleared { item }
            | Event::SpeakingLimitSet {
                item: Some(item), ..
            }
            | Event::Replan {
                plan: Replan::Defer { item },
            } => *item = f(*item)?,
            Event::ItemMoved { item, after } => {
                *item = f(*item)?;
                if let Some(a) = after {
                    *a = f(*a)?;
                }
            }
            Event::ItemAdded { after: Some(a), .. } => *a = f(*a)?,
            Event::ItemAdded { after: None, .. }
            | Event::SpeakingLimitSet { item: None, .. }
            | Event::Opened { .. }
            | Event::MeetingStarted
            | Event::Paused
            | Event::Resumed
            | Event::Recovered { .. }
            | Event::EntryEdited { .. }
            | Event::EntryDeleted { .. }
            | Event::Undo
            | Event::Attendance { .. }
            | Event::Movement { .. }
            | Event::Replan {
                plan: Replan::Compress | Replan::PushBack,
            }
            | Event::ActionFollowUp { .. }
            | Event::MeetingEdited { .. }
            | Event::MeetingEnded => {}
        }
        Some(e)
    }

    /// Parses one journal line, as [`Record`]'s `Deserialize` would, in one pass: the header's
    /// fields (`seq`, `at`, `group`) are taken out of the line's map as they come, and the rest
    /// is handed to the event's own `Deserialize`. `Record`'s `flatten` is slower: it gathers
    /// every field of the line into a buffer, and the tagged event gathers them again from there.
    pub fn parse_line(line: &str) -> Result<Record, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(line);
        let record = de.deserialize_map(RecordVisitor)?;
        de.end()?;
        Ok(record)
    }
}

/// Reads a journal line's map: the header's fields here, the event's through [`HeadSplit`].
struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a journal record")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Record, A::Error> {
        let mut head = Head::default();
        let event = Event::deserialize(MapAccessDeserializer::new(HeadSplit {
            map,
            head: &mut head,
        }))?;
        Ok(Record {
            seq: head.seq.ok_or_else(|| A::Error::missing_field("seq"))?,
            at: head.at.ok_or_else(|| A::Error::missing_field("at"))?,
            group: head.group.unwrap_or_default(),
            event,
        })
    }
}

/// A record's header fields, as they are found in its line.
#[derive(Default)]
struct Head {
    seq: Option<u64>,
    at: Option<Time>,
    group: Option<u64>,
}

/// The line's map without the header's fields, which it reads into `head` on the way: what the
/// event's `Deserialize` sees.
struct HeadSplit<'h, A> {
    map: A,
    head: &'h mut Head,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for HeadSplit<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key_seed(KeySeed)? {
            match key.as_ref() {
                "seq" => once(&mut self.head.seq, self.map.next_value()?, "seq")?,
                "at" => once(&mut self.head.at, self.map.next_value_seed(TimeSeed)?, "at")?,
                "group" => once(&mut self.head.group, self.map.next_value()?, "group")?,
                _ => return seed.deserialize(key.into_deserializer()).map(Some),
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key of the line's map, borrowed from the line unless it had to be unescaped.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
}

/// Sets a header field the line names once; a second one is an error, as `Deserialize` has it.
fn once<T, E: serde::de::Error>(
    field: &mut Option<T>,
    value: T,
    name: &'static str,
) -> Result<(), E> {
    match field.replace(value) {
        Some(_) => Err(E::duplicate_field(name)),
        None => Ok(()),
    }
}

/// A record's time. RFC 3339, as the journal writes it, is read by chrono's RFC 3339 parser;
/// anything else by chrono's general one, as `Time`'s own `Deserialize` reads every time.
struct TimeSeed;

impl<'de> DeserializeSeed<'de> for TimeSeed {
    type Value = Time;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Time, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for TimeSeed {
    type Value = Time;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Time, E> {
        chrono::DateTime::parse_from_rfc3339(s)
            .or_else(|_| s.parse())
            .map_err(E::custom)
    }
}

impl Record {
    /// The group this record belongs to: its own seq when it was written alone or before groups.
    pub fn group(&self) -> u64 {
        if self.group == 0 {
            self.seq
        } else {
            self.group
        }
    }

    /// The record as one JSON line, without the newline.
    pub fn to_line(&self) -> String {
        // A Record holds only strings, numbers and dates: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn records_round_trip_as_tagged_lines() {
        let at = DateTime::parse_from_rfc3339("2022-03-14T13:30:00+01:00").unwrap();
        let events = vec![
            Event::MeetingStarted,
            Event::Outcome {
                item: 2,
                clause: None,
                outcome: Outcome::ApprovedWithChanges,
                text: "x".into(),
            },
            Event::Vote {
                item: 1,
                votes_for: 3,
                against: 1,
                abstain: 0,
            },
            Event::Replan {
                plan: Replan::Defer { item: 4 },
            },
            Event::ActionFollowUp {
                session: "2022-03-14-x".into(),
                entry: 7,
                status: FollowUp::Moved {
                    due: NaiveDate::from_ymd_opt(2022, 4, 1).unwrap(),
                },
                action: Some("Send referat — Helle".into()),
            },
        ];
        for (i, event) in events.into_iter().enumerate() {
            let r = Record {
                seq: i as u64 + 1,
                at,
                group: 1,
                event,
            };
            let line = r.to_line();
            assert!(line.contains("\"type\":"), "{line}");
            assert_eq!(Event::parse_line(&line).unwrap(), r);
        }
    }

    /// The one-pass reading of a line agrees with `Record`'s own `Deserialize` on every line,
    /// good or bad: fields in any order, escaped names, a missing group, repeated or missing
    /// fields, unknown kinds, times in other forms, trailing bytes.
    #[test]
    fn a_line_reads_as_records_deserialize_reads_it() {
        let lines = [
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","group":7,"type":"note","item":0,"text":"x"}"#,
            r#"{"type":"note","text":"x","item":0,"group":7,"at":"2022-03-14T13:30:00+01:00","seq":7}"#,
            r#"{"item":0,"s\u0065q":7,"text":"x","at":"2022-03-14T13:30:00.250+01:00","t\u0079pe":"note"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00Z","type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14 13:30:00+01:00","type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"paused","extra":[1,{"a":2}]}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"replan","plan":{"mode":"defer","item":1}}"#,
            r#"{"seq":7,"seq":8,"at":"2022-03-14T13:30:00+01:00","type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"paused","type":"resumed"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","group":1,"group":2,"type":"paused"}"#,
            r#"{"at":"2022-03-14T13:30:00+01:00","type":"paused"}"#,
            r#"{"seq":7,"type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"no_such_kind"}"#,
            r#"{"seq":7,"at":"yesterday","type":"paused"}"#,
            r#"{"seq":-1,"at":"2022-03-14T13:30:00+01:00","type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","group":null,"type":"paused"}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"note","item":0}"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"paused"} x"#,
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"paused""#,
            r#"[7,"2022-03-14T13:30:00+01:00"]"#,
            "garbage",
            "",
        ];
        for line in lines {
            let ours = Event::parse_line(line);
            let theirs = serde_json::from_str::<Record>(line);
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{line}: {ours:?} / {theirs:?}"
            );
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_eq!(a, b, "{line}");
            }
        }
    }

    #[test]
    fn a_record_without_group_is_its_own_group() {
        let r = Event::parse_line(
            r#"{"seq":7,"at":"2022-03-14T13:30:00+01:00","type":"note","item":0,"text":"x"}"#,
        )
        .unwrap();
        assert_eq!((r.group, r.group()), (0, 7));
    }

    #[test]
    fn wording_in_three_languages() {
        assert_eq!(
            Outcome::Approved.wording(Lang::Da, ""),
            "Indstillingen blev godkendt."
        );
        assert_eq!(
            Outcome::ApprovedWithChanges.wording(Lang::Nb, "ny frist"),
            "Innstillingen ble vedtatt med følgende endringer: ny frist"
        );
    }
}
