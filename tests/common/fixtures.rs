//! Agendas the tests build by hand.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime};
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;

/// A meeting of a series on `day` (YYYY-MM-DD) at 13:30, with items of the given planned minutes.
pub fn series_agenda(title: &str, day: &str, items: &[(&str, u32)]) -> Agenda {
    Agenda {
        title: title.into(),
        date: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        place: Some("Hos Eigil".into()),
        referent: Some("Helle".into()),
        participants: vec!["Helle".into(), "Rie".into(), "Eigil".into()],
        language: Lang::Da,
        items: items
            .iter()
            .enumerate()
            .map(|(i, (t, m))| Item {
                number: (i + 1).to_string(),
                title: t.to_string(),
                minutes: Some(*m),
                body: format!("Sagsfremstilling om {t}."),
                recommendation: vec![format!("at {t} drøftes")],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}
