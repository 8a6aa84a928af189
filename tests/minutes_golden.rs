//! minutes.md and minutes.json of one long, varied journal, pinned byte for byte: the way a
//! journal is read and the minutes are written may get faster, never different.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::io::Write;

use chrono::{NaiveDate, NaiveTime};
use referent::agenda::{Agenda, Item};
use referent::i18n::Lang;
use referent::minutes::{self, Format, MinutesDoc};
use referent::session::store;

fn agenda() -> Agenda {
    Agenda {
        title: "Dagsorden til centerledermøde".into(),
        date: NaiveDate::from_ymd_opt(2022, 3, 14),
        start: NaiveTime::from_hms_opt(13, 30, 0),
        participants: vec!["Helle".into(), "Rie".into(), "Eigil".into()],
        items: (1..=4)
            .map(|n| Item {
                number: n.to_string(),
                title: format!("Punkt <{n}>"),
                minutes: Some(15),
                recommendation: vec![format!("at punkt {n} godkendes"), "at det noteres".into()],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// The lines of a journal as the app writes them, with times in every form a line may hold
/// (an offset, `Z`, a fraction of a second), texts that need cleaning or escaping, and a
/// damaged line, a repeated one, one out of order and one of an unknown kind.
fn journal() -> String {
    let mut lines = vec![
        r#"{"seq":1,"at":"2022-03-14T13:29:00+01:00","group":1,"type":"opened","app_version":"0.1.0"}"#.to_string(),
        r#"{"seq":2,"at":"2022-03-14T13:30:00+01:00","group":2,"type":"meeting_started"}"#.into(),
    ];
    let texts = [
        "Stikord fra drøftelsen, og hvem der sagde hvad",
        "# ikke en overskrift",
        "1. ikke en liste",
        "<b>fed</b> & \"citat\"",
        "to\nlinjer\r\n",
        "farve\u{1b}[31m rød \u{202e}vendt",
        "  mellemrum omkring  ",
        "tabel | streg \\ skrå",
    ];
    let mut seq = 2;
    for k in 0..160u64 {
        seq += 1;
        let item = (k / 40) as usize;
        let min = 30 + k / 4;
        let (h, m) = (13 + min / 60, min % 60);
        let at = match k % 5 {
            0 => format!("2022-03-14T{h:02}:{m:02}:{:02}+01:00", k % 60),
            1 => format!("2022-03-14T{:02}:{m:02}:07Z", h - 1),
            2 => format!("2022-03-14T{h:02}:{m:02}:08.250+01:00"),
            3 => format!("2022-03-14T{:02}:{m:02}:09-02:30", h - 4),
            _ => format!("2022-03-14T{h:02}:{m:02}:10.000001+01:00"),
        };
        let text = serde_json::to_string(texts[((k * 3 + k / 10) % 8) as usize]).unwrap();
        let body = match k % 10 {
            0 if k % 40 == 0 => format!(r#""type":"item_started","item":{item}"#),
            1 => format!(r#""type":"decision","item":{item},"text":{text}"#),
            2 => format!(
                r#""type":"outcome","item":{item},"clause":1,"outcome":"approved_with_changes","text":"Vedtaget med ændringer: {k}""#
            ),
            3 => format!(
                r#""type":"action_added","item":{item},"what":{text},"who":"Helle","due":"2022-04-01""#
            ),
            4 => format!(r#""type":"entry_edited","entry":{},"text":{text}"#, seq - 3),
            5 => format!(r#""type":"entry_deleted","entry":{}"#, seq - 2),
            6 => r#""type":"paused""#.into(),
            7 => r#""type":"resumed""#.into(),
            8 => format!(
                r#""type":"vote","item":{item},"for":5,"against":{},"abstain":1"#,
                k % 3
            ),
            9 => r#""type":"undo""#.into(),
            _ => format!(r#""type":"note","item":{item},"text":{text}"#),
        };
        lines.push(format!(
            r#"{{"seq":{seq},"at":"{at}","group":{seq},{body}}}"#
        ));
        match k {
            50 => lines.push("this line is damaged".into()),
            70 => lines.push(lines.last().unwrap().clone()),
            90 => lines.push(lines[10].clone().replace("\"group\":", "\"group\":9")),
            110 => lines.push(format!(
                r#"{{"seq":{},"at":"2022-03-14T14:00:00+01:00","type":"no_such_kind"}}"#,
                seq + 1
            )),
            _ => {}
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn a_long_journal_gives_the_same_minutes_as_ever() {
    let root = tempfile::tempdir().unwrap();
    let date = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
    let (dir, j) = store::create(root.path(), &agenda(), date).unwrap();
    drop(j);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(dir.join(store::JOURNAL_FILE))
        .unwrap();
    f.write_all(journal().as_bytes()).unwrap();
    drop(f);

    // Read as `referent minutes` reads it: folded a chunk at a time.
    let (meeting, report) = store::load_meeting(&dir).unwrap();
    let damage = report.messages(std::path::Path::new("journal.jsonl"));
    let problems = meeting.fold_problems();
    let doc = MinutesDoc::from_meeting(&meeting, Lang::Da);
    let [md, json] = [Format::Md, Format::Json]
        .map(|format| String::from_utf8(minutes::render(&doc, format).unwrap()).unwrap());
    insta::assert_snapshot!(
        "reported",
        format!("{}\n{}", damage.join("\n"), problems.join("\n"))
    );
    insta::assert_snapshot!("minutes_md", md);
    insta::assert_snapshot!("minutes_json", json);
    // The files as the command writes them, at once and as they are made.
    minutes::write_files(&dir, &doc, &[Format::Md, Format::Json]).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("minutes.md")).unwrap(), md);
    assert_eq!(
        std::fs::read_to_string(dir.join("minutes.json")).unwrap(),
        json
    );
}
