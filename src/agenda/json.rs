//! The canonical JSON form.
use super::{Agenda, Imported};

pub fn parse(text: &str) -> Result<Imported, (usize, String)> {
    let agenda: Agenda = serde_json::from_str(text).map_err(|e| (e.line(), e.to_string()))?;
    Ok(Imported {
        agenda,
        warnings: vec![],
    })
}
