//! Due dates as typed in the action form.

use chrono::NaiveDate;

pub fn parse_due(input: &str, _today: NaiveDate) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| format!("not a date: {input}"))
}
