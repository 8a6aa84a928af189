//! Small text helpers shared by importers, the journal and the screens.

/// Removes terminal escape sequences and control characters from one line of text, and trims it.
/// Tabs become spaces; other controls (including newlines) are dropped.
pub fn clean(s: &str) -> String {
    strip_controls(s).trim().to_string()
}

/// [`clean`] without the trim, for text being typed.
pub fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            // Bidi overrides can reorder what the terminal shows; drop them too.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Like [`clean`], but keeps line breaks.
pub fn clean_multiline(s: &str) -> String {
    s.lines().map(clean).collect::<Vec<_>>().join("\n")
}

/// Skips the rest of an escape sequence (CSI, OSC, or a two-character escape).
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            // CSI: parameters and intermediates, then one final byte in @..~
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') | Some('P') | Some('_') | Some('^') => {
            // OSC / DCS / APC / PM: until BEL or ESC \
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

/// A file-name-safe slug: lowercase ASCII letters, digits and dashes; Danish letters folded.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let mapped: &str = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'é' | 'è' | 'ê' => "e",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(mapped);
    }
    let parts: Vec<&str> = out.split('-').filter(|p| !p.is_empty()).collect();
    let joined = parts.join("-");
    let short: String = joined.chars().take(60).collect();
    let short = short.trim_end_matches('-').to_string();
    if short.is_empty() {
        "meeting".into()
    } else {
        short
    }
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with '…' when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_escapes_and_controls() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]8;;http://e\u{1b}\\y"), "xy");
        assert_eq!(clean("tab\there\u{0}\u{8}"), "tab here");
        assert_eq!(clean("æøå 🙂"), "æøå 🙂");
    }

    #[test]
    fn slug_folds_danish_letters() {
        assert_eq!(
            slug("Centerledermøde d. 14-03-2022"),
            "centerledermoede-d-14-03-2022"
        );
        assert_eq!(slug("Kvalitetshåndbog"), "kvalitetshaandbog");
        assert_eq!(slug("!!!"), "meeting");
    }

    #[test]
    fn truncate_respects_wide_chars() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ab", 4), "ab");
        assert_eq!(width(&truncate("日本語テキスト", 5)), 5);
    }
}
