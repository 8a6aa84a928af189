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
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that must never reach the terminal as they are: C0 and C1 controls, DEL, and the
/// bidi overrides and isolates that can reorder what the terminal shows.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds an unsafe character (see [`is_unsafe`]). Its bytes are looked at first:
/// every unsafe character is a byte below 0x20, DEL, or starts with `C2` (C1) or `E2` (bidi),
/// and most text has none of these.
pub fn has_unsafe(s: &str) -> bool {
    s.bytes()
        .any(|b| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xE2))
        && s.chars().any(is_unsafe)
}

/// A path as it may be printed: every unsafe character (see [`is_unsafe`]) written as an escape
/// (`\u{1b}`), so that a file name cannot drive the terminal.
pub fn display_path(path: &std::path::Path) -> String {
    escape_unsafe(&path.display().to_string())
}

/// `s` with every unsafe character written as a Rust-style escape.
pub fn escape_unsafe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// JSON text with every unsafe character that serde_json leaves as it is (C1 controls, DEL, bidi
/// overrides) written as a `\uXXXX` escape. serde_json escapes C0 controls inside strings, so
/// the ones left are the layout's newlines; the others can only be inside strings, where an
/// escape means the same.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) && c > '\u{1f}' {
            // Unsafe characters are all in the Basic Multilingual Plane: one \uXXXX each.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
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

/// Display width of a string in terminal cells: the sum of its grapheme clusters' widths. The
/// one way text is measured, so that what is cut to fit is measured as it is drawn.
pub fn width(s: &str) -> usize {
    graphemes(s).map(grapheme_width).sum()
}

/// The grapheme clusters of `s` (a letter with its accents, an emoji with its modifiers).
pub fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    unicode_segmentation::UnicodeSegmentation::graphemes(s, true)
}

/// Cells one grapheme cluster takes. Controls take none (they are never drawn).
pub fn grapheme_width(g: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(g)
}

/// Cuts `s` to at most `max` cells, ending with '…' when cut; never splits a grapheme cluster.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in graphemes(s) {
        let gw = grapheme_width(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Breaks `s` into lines of at most `max` cells, between words; a word longer than a line is
/// cut into pieces. Never returns an empty list for a non-empty `s`.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() {
            if width(&line) + 1 + width(word) <= max {
                line.push(' ');
                line.push_str(word);
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        for g in graphemes(word) {
            if !line.is_empty() && width(&line) + grapheme_width(g) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(g);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
    fn wrap_breaks_between_words_and_cuts_long_ones() {
        assert_eq!(
            wrap("Kan ikke læse fristen: «x».", 12),
            ["Kan ikke", "læse", "fristen:", "«x»."]
        );
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("日本語テ", 5), ["日本", "語テ"]);
        assert!(wrap("   ", 5).is_empty());
        for line in wrap(&"ord ".repeat(30), 7) {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn truncate_respects_wide_chars() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ab", 4), "ab");
        assert_eq!(width(&truncate("日本語テキスト", 5)), 5);
    }

    /// Found by fuzzing `check`: a cut title measured wider than the cut allowed.
    #[test]
    fn truncate_never_exceeds_max_with_emoji_sequences_and_controls() {
        for s in [
            "☺\u{fe0f}☺\u{fe0f}☺\u{fe0f}☺\u{fe0f}☺\u{fe0f}☺\u{fe0f}",
            "👍🏽👍🏽👍🏽👍🏽",
            "a\u{1b}b\u{7f}c\u{85}d\u{0}e",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
            "👨\u{200d}👩\u{200d}👧👨\u{200d}👩\u{200d}👧",
        ] {
            for max in 0..12 {
                let t = truncate(s, max);
                assert!(width(&t) <= max.max(1), "{s:?} cut to {max}: {t:?}");
            }
        }
    }

    #[test]
    fn the_byte_look_finds_every_unsafe_character() {
        for c in (0..0x3000)
            .chain(0x1_F000..0x1_F700)
            .filter_map(char::from_u32)
        {
            let s = format!("a{c}b");
            assert_eq!(has_unsafe(&s), is_unsafe(c), "{:X}", c as u32);
        }
    }

    #[test]
    fn unsafe_characters_are_escaped_for_json_and_paths() {
        let json = escape_json("{\"t\":\"a\u{9b}b\u{7f}c\u{202e}d\"}");
        assert_eq!(json, "{\"t\":\"a\\u009bb\\u007fc\\u202ed\"}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], "a\u{9b}b\u{7f}c\u{202e}d");
        let p = display_path(std::path::Path::new("x\u{1b}]0;pwned\u{7}.json"));
        assert!(!p.chars().any(is_unsafe), "{p}");
        assert!(!has_unsafe(&p), "{p}");
        assert!(p.contains("\\u{1b}"), "{p}");
        assert_eq!(clean("a\u{9b}b\u{202e}c"), "abc");
    }
}
