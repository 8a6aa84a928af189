//! Search across all sessions: titles, case presentations, recommendations, decisions, outcomes,
//! action points and notes. A hit names the session, the item and the line that matched.

use serde::Serialize;

use super::Archive;
use crate::session::state::EntryKind;

/// Where in a session the text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    MeetingTitle,
    ItemTitle,
    Body,
    Recommendation,
    Decision,
    Outcome,
    Action,
    Note,
}

/// One matching line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Index into [`Archive::sessions`].
    pub session: usize,
    /// The item, or `None` for the meeting's own title.
    pub item: Option<usize>,
    pub field: Field,
    pub line: String,
}

/// Every line in the archive that contains `query` (case-insensitive), in archive order and item
/// order. An empty query finds nothing. Dates are shown in each meeting's language.
pub fn search(archive: &Archive, query: &str) -> Vec<Hit> {
    search_in(archive, query, None)
}

/// [`search`], with dates shown in `lang` when given (the review screen's language).
pub fn search_in(archive: &Archive, query: &str, lang: Option<crate::i18n::Lang>) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return vec![];
    }
    let mut hits = vec![];
    for (si, s) in archive.sessions.iter().enumerate() {
        let mut hit = |item: Option<usize>, field: Field, text: &str| {
            for line in text.lines() {
                if contains_folded(line, &needle) {
                    hits.push(Hit {
                        session: si,
                        item,
                        field,
                        line: line.trim().to_string(),
                    });
                }
            }
        };
        let m = &s.meeting;
        hit(None, Field::MeetingTitle, &m.agenda.title);
        for (i, item) in m.agenda.items.iter().enumerate() {
            hit(Some(i), Field::ItemTitle, &item.title);
            hit(Some(i), Field::Body, &item.body);
            for clause in &item.recommendation {
                hit(Some(i), Field::Recommendation, clause);
            }
            let Some(state) = m.items.get(i) else {
                continue;
            };
            for e in &state.entries {
                match &e.kind {
                    EntryKind::Decision { text } => hit(Some(i), Field::Decision, text),
                    EntryKind::Outcome { text, .. } => hit(Some(i), Field::Outcome, text),
                    EntryKind::Note { text } => hit(Some(i), Field::Note, text),
                    EntryKind::Action { what, who, due } => {
                        let lang = lang.unwrap_or(m.agenda.language);
                        let due =
                            due.map(|d| format!(", {}", crate::session::due::format_date(d, lang)));
                        let line = format!("{what} ({who}{})", due.unwrap_or_default());
                        hit(Some(i), Field::Action, &line);
                    }
                    EntryKind::Vote { .. } | EntryKind::Inhabil { .. } => {}
                }
            }
        }
    }
    hits
}

/// Case-insensitive `contains` with a lowercase needle; avoids lowercasing lines that are plain
/// ASCII and cannot match.
fn contains_folded(line: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if line.is_ascii() && needle.is_ascii() {
        let (h, n) = (line.as_bytes(), needle.as_bytes());
        return n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    line.to_lowercase().contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_contains() {
        assert!(contains_folded("Budget 2023", "budget"));
        assert!(contains_folded("KVALITETSHÅNDBOG", "håndbog"));
        assert!(!contains_folded("Budget", "budgets"));
        assert!(contains_folded("Æbler og pærer", "æbler"));
    }
}
