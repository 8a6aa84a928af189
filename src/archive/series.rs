//! Which meetings belong together: a series is the title without its date or number.
//!
//! "Centerledermøde d. 14-03-2022" and "Centerledermøde mandag d. 21. marts 2022" are both
//! "Centerledermøde".

/// Words that only say when: month and weekday names (da, nb, en) and the small words around a
/// date. Compared in lowercase without a trailing dot.
const DATE_WORDS: &[&str] = &[
    "januar",
    "jan",
    "februar",
    "feb",
    "marts",
    "mars",
    "mar",
    "april",
    "apr",
    "maj",
    "mai",
    "juni",
    "jun",
    "juli",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "oktober",
    "okt",
    "november",
    "nov",
    "december",
    "desember",
    "dec",
    "des",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "oct",
    "mandag",
    "tirsdag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "d",
    "den",
    "dato",
    "kl",
    "uge",
    "veke",
    "week",
    "nr",
    "no",
    "on",
    "of",
    "the",
];

/// The series a title belongs to, as shown: the title without dates, numbers and date words.
/// A title that is nothing but a date keeps its words.
pub fn series_name(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    // Date words are dropped only at the end (after the digits have gone), so a title such as
    // "Møde om den nye skole" keeps its "den".
    let mut end = kept.len();
    while end > 0 && is_date_word(kept[end - 1]) {
        end -= 1;
    }
    let name = kept[..end]
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || "-–—,:;/(".contains(c))
        .to_string();
    if name.is_empty() {
        title.trim().to_string()
    } else {
        name
    }
}

/// The key that compares series: [`series_name`] in lowercase with single spaces.
pub fn series_key(title: &str) -> String {
    series_name(title).to_lowercase()
}

/// Whether a session titled `title` belongs to the series the user named: the same key, or the
/// name as part of the title.
pub fn matches(title: &str, named: &str) -> bool {
    let named = named.trim().to_lowercase();
    !named.is_empty()
        && (series_key(title) == series_key(&named) || title.to_lowercase().contains(&named))
}

fn is_date_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.is_empty() || DATE_WORDS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_dates_in_the_usual_forms() {
        for title in [
            "Centerledermøde d. 14-03-2022",
            "Centerledermøde mandag d. 21. marts 2022",
            "Centerledermøde 2022-04-04",
            "Centerledermøde (4/4)",
            "Centerledermøde - uge 14",
            "Centerledermøde",
        ] {
            assert_eq!(series_name(title), "Centerledermøde", "{title}");
        }
        assert_eq!(series_name("Ledermøte 12. mai 2022 kl. 09.00"), "Ledermøte");
        assert_eq!(series_name("Board meeting on 3 March"), "Board meeting");
    }

    #[test]
    fn keeps_words_that_are_not_about_the_date() {
        assert_eq!(
            series_name("Møde om den nye skole"),
            "Møde om den nye skole"
        );
        assert_eq!(series_name("14-03-2022"), "14-03-2022");
        assert_eq!(series_key("Centerledermøde  d. 1/2"), "centerledermøde");
    }

    #[test]
    fn a_named_series_matches_by_key_or_part() {
        assert!(matches("Centerledermøde d. 14-03-2022", "centerledermøde"));
        assert!(matches("Centerledermøde d. 14-03-2022", "center"));
        assert!(!matches("Styregruppe 2022", "center"));
        assert!(!matches("Styregruppe", " "));
    }
}
