//! The canonical JSON form: what `referent agenda --json` prints and sessions store.
use super::{Agenda, Imported};
use crate::i18n::{Key, Said};

/// Reads the canonical JSON. An error gives the 1-based line and a message without serde's
/// "at line X column Y" tail (the caller puts the line in front, `FILE:LINE:`).
pub fn parse(text: &str) -> Result<Imported, (usize, Said)> {
    // serde reads a struct from an array too (`[]` would be an empty agenda): only an object is one.
    let first = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if first.starts_with('[') {
        let line = text[..text.len() - first.len()].matches('\n').count() + 1;
        return Err((line, Said::new(Key::ImpJsonList)));
    }
    let agenda: Agenda = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde's own words stay as they are: they name the field and what it expected.
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m)
            .to_string();
        (
            e.line().max(1),
            Said::new(Key::ImpJsonError)
                .with("detail", message)
                .with("column", e.column().to_string()),
        )
    })?;
    Ok(Imported {
        agenda,
        warnings: vec![],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_names_the_line() {
        let (line, msg) =
            parse("{\n  \"title\": \"x\",\n  \"items\": [\n    {\"number\": 1,}\n  ]\n}")
                .err()
                .unwrap();
        assert_eq!(line, 4);
        assert!(
            !msg.text(crate::i18n::Lang::En).contains("at line"),
            "{msg:?}"
        );
    }

    #[test]
    fn a_list_is_not_an_agenda() {
        let (line, msg) = parse("\n  []\n").err().unwrap();
        assert_eq!(line, 2);
        assert!(
            msg.text(crate::i18n::Lang::En).contains("found a list"),
            "{msg:?}"
        );
        assert!(parse("{}").is_ok());
    }

    #[test]
    fn bad_time_is_an_error() {
        let (line, msg) = parse("{\"start\": \"25:99\"}").err().unwrap();
        assert_eq!(line, 1);
        assert!(msg.text(crate::i18n::Lang::En).contains("HH:MM"), "{msg:?}");
    }
}
