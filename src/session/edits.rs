//! What the plan editor's forms say, read into the agenda's facts and items: times as `HH:MM`
//! (or `HH.MM`), the date as `YYYY-MM-DD` or `DD.MM.YYYY`, names separated by commas. The forms
//! hand over text as typed; reading it, and refusing what does not read, happens here.

use chrono::{NaiveDate, NaiveTime};

use super::decide::Refusal;
use crate::agenda::{Facts, Item};
use crate::i18n::Key;

/// The meeting's facts as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FactsText {
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub chair: String,
    pub referent: String,
    /// Names separated by commas.
    pub participants: String,
    pub absent: String,
}

/// An item as typed: one field per recommendation clause and per attachment (empty ones drop).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemText {
    pub number: String,
    pub title: String,
    pub case_number: String,
    pub start: String,
    pub end: String,
    pub minutes: String,
    /// The item's own speaking-time limit as the speaker list reads it (`3`, `2:30`, `90s`);
    /// empty for the meeting's, `0` for none. It lives in the meeting, not in the item.
    pub speaking_time: String,
    pub recommendation: Vec<String>,
    pub attachments: Vec<String>,
}

impl FactsText {
    /// The facts as the form shows them.
    pub fn of(f: &Facts) -> Self {
        FactsText {
            title: f.title.clone(),
            date: f
                .date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            start: hhmm(f.start),
            end: hhmm(f.end),
            place: f.place.clone().unwrap_or_default(),
            chair: f.chair.clone().unwrap_or_default(),
            referent: f.referent.clone().unwrap_or_default(),
            participants: f.participants.join(", "),
            absent: f.absent.join(", "),
        }
    }

    /// The facts it says, or why they do not read.
    pub fn read(&self) -> Result<Facts, Refusal> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Refusal::Plain(Key::NeedText));
        }
        Ok(Facts {
            title: title.to_string(),
            date: date(&self.date)?,
            start: time(&self.start)?,
            end: time(&self.end)?,
            place: optional(&self.place),
            chair: optional(&self.chair),
            referent: optional(&self.referent),
            participants: names(&self.participants),
            absent: names(&self.absent),
        })
    }
}

impl ItemText {
    /// The item as the form shows it.
    pub fn of(i: &Item) -> Self {
        ItemText {
            number: i.number.clone(),
            title: i.title.clone(),
            case_number: i.case_number.clone().unwrap_or_default(),
            start: hhmm(i.start),
            end: hhmm(i.end),
            minutes: i.minutes.map(|m| m.to_string()).unwrap_or_default(),
            speaking_time: String::new(),
            recommendation: i.recommendation.clone(),
            attachments: i.attachments.clone(),
        }
    }

    /// `base` with what the form says; the case presentation and any decision stay.
    pub fn read(&self, base: &Item) -> Result<Item, Refusal> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Refusal::Plain(Key::NeedText));
        }
        let minutes = self.minutes.trim();
        let minutes = if minutes.is_empty() {
            None
        } else {
            Some(
                minutes
                    .parse::<u32>()
                    .map_err(|_| Refusal::About(Key::NeedNumber, minutes.into()))?,
            )
        };
        let kept = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Ok(Item {
            number: self.number.trim().to_string(),
            title: title.to_string(),
            case_number: optional(&self.case_number),
            start: time(&self.start)?,
            end: time(&self.end)?,
            minutes,
            recommendation: kept(&self.recommendation),
            attachments: kept(&self.attachments),
            ..base.clone()
        })
    }
}

fn hhmm(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn optional(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn names(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn time(s: &str) -> Result<Option<NaiveTime>, Refusal> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    ["%H:%M", "%H.%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(s, f).ok())
        .map(Some)
        .ok_or_else(|| Refusal::About(Key::NeedTime, s.into()))
}

fn date(s: &str) -> Result<Option<NaiveDate>, Refusal> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .map(Some)
        .ok_or_else(|| Refusal::About(Key::NeedDate, s.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_read_back_as_shown() {
        let facts = Facts {
            title: "Centerledermøde".into(),
            date: NaiveDate::from_ymd_opt(2022, 3, 14),
            start: NaiveTime::from_hms_opt(13, 30, 0),
            end: NaiveTime::from_hms_opt(15, 0, 0),
            place: Some("Mødelokale 2".into()),
            chair: Some("Eigil".into()),
            referent: None,
            participants: vec!["Helle".into(), "Rie".into()],
            absent: vec!["Marie".into()],
        };
        assert_eq!(FactsText::of(&facts).read().unwrap(), facts);
    }

    #[test]
    fn times_dates_and_names_as_people_type_them() {
        let typed = FactsText {
            title: " Møde ".into(),
            date: "14.03.2022".into(),
            start: "13.30".into(),
            participants: "Helle; Rie ,, Marie".into(),
            ..Default::default()
        };
        let f = typed.read().unwrap();
        assert_eq!(f.date, NaiveDate::from_ymd_opt(2022, 3, 14));
        assert_eq!(f.start, NaiveTime::from_hms_opt(13, 30, 0));
        assert_eq!(f.participants, ["Helle", "Rie", "Marie"]);
        assert_eq!(f.title, "Møde");
    }

    #[test]
    fn what_does_not_read_is_refused_with_the_input() {
        let bad_time = FactsText {
            title: "Møde".into(),
            start: "halv to".into(),
            ..Default::default()
        };
        assert_eq!(
            bad_time.read(),
            Err(Refusal::About(Key::NeedTime, "halv to".into()))
        );
        let item = ItemText {
            title: "Budget".into(),
            minutes: "ti".into(),
            ..Default::default()
        };
        assert_eq!(
            item.read(&Item::default()),
            Err(Refusal::About(Key::NeedNumber, "ti".into()))
        );
    }

    #[test]
    fn an_item_keeps_its_case_presentation_and_drops_empty_clauses() {
        let base = Item {
            title: "Budget".into(),
            body: "Sagsfremstilling".into(),
            ..Default::default()
        };
        let mut typed = ItemText::of(&base);
        typed.recommendation = vec!["at budgettet godkendes".into(), "  ".into()];
        typed.attachments = vec![String::new(), "Bilag 1".into()];
        let item = typed.read(&base).unwrap();
        assert_eq!(item.body, "Sagsfremstilling");
        assert_eq!(item.recommendation, ["at budgettet godkendes"]);
        assert_eq!(item.attachments, ["Bilag 1"]);
    }
}
