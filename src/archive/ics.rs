//! Open action points with a due date as iCalendar to-dos (VTODO), for calendars to import.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Todo, TodoStatus};

use super::{ActionPoint, format_date};
use crate::i18n::{Key, Lang};
use crate::textutil::clean;

/// A calendar of the action points that are not done and have a due date. `stamp` is when the
/// file was made (DTSTAMP); each to-do's UID stays the same across exports, so importing again
/// updates a to-do instead of adding a second one.
pub fn to_ics(actions: &[ActionPoint], lang: Lang, stamp: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name(Key::ActionPoints.get(lang));
    for a in actions.iter().filter(|a| !a.done) {
        let Some(due) = a.due else { continue };
        cal.push(
            Todo::new()
                .uid(&format!("{}-{}@referent", a.session, a.entry))
                .timestamp(stamp)
                .summary(&clean(&a.what))
                .description(&description(a, lang))
                .due(due)
                .status(TodoStatus::NeedsAction)
                .done(),
        );
    }
    cal.done().to_string()
}

/// Who, and the meeting and item it came from.
fn description(a: &ActionPoint, lang: Lang) -> String {
    let meeting = match a.meeting_date {
        Some(d) => format!("{} ({})", clean(&a.meeting_title), format_date(d, lang)),
        None => clean(&a.meeting_title),
    };
    format!(
        "{}: {}\n{}: {meeting}\n{}: {}",
        Key::Who.get(lang),
        clean(&a.who),
        Key::Meeting.get(lang),
        Key::Item.get(lang),
        clean(&a.item_label)
    )
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    fn action(entry: u64, due: Option<NaiveDate>, done: bool) -> ActionPoint {
        ActionPoint {
            session: "2022-03-14-centerledermoede".into(),
            meeting_date: NaiveDate::from_ymd_opt(2022, 3, 14),
            meeting_title: "Centerledermøde".into(),
            item: 2,
            item_label: "3 Kvalitetshåndbog".into(),
            entry,
            what: "Beskrive næste udviklingsområde 🎯".into(),
            who: "Marie H. Poulsen".into(),
            due,
            agreed_due: due,
            done,
            done_in: None,
        }
    }

    #[test]
    fn open_actions_with_a_due_date_become_todos() {
        let due = NaiveDate::from_ymd_opt(2022, 4, 11);
        let actions = [
            action(7, due, false),
            action(8, None, false),
            action(9, due, true),
        ];
        let stamp = Utc.with_ymd_and_hms(2022, 3, 14, 16, 0, 0).unwrap();
        let ics = to_ics(&actions, Lang::Da, stamp);
        let cal: Calendar = ics.parse().unwrap();
        let todos: Vec<_> = cal.components.iter().filter_map(|c| c.as_todo()).collect();
        assert_eq!(todos.len(), 1, "{ics}");
        let todo = todos[0];
        assert_eq!(
            todo.get_summary(),
            Some("Beskrive næste udviklingsområde 🎯")
        );
        assert_eq!(
            todo.get_uid(),
            Some("2022-03-14-centerledermoede-7@referent")
        );
        assert_eq!(todo.get_due(), due.map(Into::into));
        let description = todo.get_description().unwrap();
        assert!(
            description.contains("Ansvarlig: Marie H. Poulsen"),
            "{description}"
        );
        assert!(
            description.contains("Centerledermøde (14.03.2022)"),
            "{description}"
        );
        assert!(
            description.contains("Punkt: 3 Kvalitetshåndbog"),
            "{description}"
        );
        assert!(
            ics.contains("BEGIN:VTODO") && ics.contains("STATUS:NEEDS-ACTION"),
            "{ics}"
        );
    }
}
