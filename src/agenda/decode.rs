//! Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (old Word
//! exports). Line ends become `\n`. Binary files and documents that are not text are refused
//! with a message that says what to do instead. (Word, PDF and HTML documents have readers of
//! their own and reach this only when read as text on purpose.)

/// A refusal: the 1-based line where the problem is, and what it is.
pub type Refusal = (usize, Said);

use crate::i18n::{Key, Said};

pub fn decode(bytes: &[u8]) -> Result<String, Refusal> {
    if let Some(hint) = known_binary(bytes) {
        return Err((1, Said::new(hint)));
    }
    let text = if let Some((enc, rest)) = utf16(bytes) {
        enc.decode_without_bom_handling(rest).0.into_owned()
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    };
    if let Some(line) = binary_line(&text) {
        return Err((line, Said::new(Key::ImpBinary)));
    }
    Ok(normalize_line_ends(text))
}

/// Formats people try to pass instead of their text export.
fn known_binary(bytes: &[u8]) -> Option<Key> {
    if bytes.starts_with(b"%PDF-") {
        Some(Key::ImpPdfAsText)
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(Key::ImpZipNotDocx)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(Key::ImpOldDoc)
    } else if bytes.starts_with(b"{\\rtf") {
        Some(Key::ImpRtf)
    } else {
        None
    }
}

/// UTF-16 with a BOM, or without one when the text is plainly Latin letters with a zero byte
/// beside each (as some Windows tools save "Unicode text").
fn utf16(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some((encoding_rs::UTF_16LE, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some((encoding_rs::UTF_16BE, rest));
    }
    let sample = &bytes[..bytes.len().min(400)];
    if sample.len() < 8 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let zeros_at = |odd: usize| {
        sample
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if zeros_at(1) * 10 >= half * 9 && zeros_at(0) == 0 {
        Some((encoding_rs::UTF_16LE, bytes))
    } else if zeros_at(0) * 10 >= half * 9 && zeros_at(1) == 0 {
        Some((encoding_rs::UTF_16BE, bytes))
    } else {
        None
    }
}

/// When more than one character in twenty is a control character that text files do not hold
/// (NUL and the like), the line of the first one. A few stray ones are left to the cleaning
/// that every text field gets.
fn binary_line(text: &str) -> Option<usize> {
    let line_of = |i: usize| text[..i].matches('\n').count() + 1;
    // Read as bytes, for speed: the control characters are C0 and DEL (one byte each, counted
    // by table) and C1 (`C2 80` to `C2 9F`, after a byte `memchr` finds). Most texts have none.
    let b = text.as_bytes();
    let is_c0 = |c: u8| C0_CONTROL[usize::from(c)] == 1;
    let is_c1 = |i: usize| b[i] == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
    let c0 = b
        .iter()
        .map(|&c| usize::from(C0_CONTROL[usize::from(c)]))
        .sum::<usize>();
    let c1 = memchr::memchr_iter(0xC2, b).filter(|&i| is_c1(i)).count();
    let controls = c0 + c1;
    if controls == 0 || controls * 20 <= text.chars().count() {
        return None;
    }
    let first = b
        .iter()
        .enumerate()
        .position(|(i, &c)| is_c0(c) || is_c1(i));
    Some(first.map_or(1, line_of))
}

/// 1 for the one-byte control characters that are not line, tab, page or escape characters.
const C0_CONTROL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 0x20 {
        if !matches!(c as u8, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B) {
            t[c] = 1;
        }
        c += 1;
    }
    t[0x7F] = 1;
    t
};

/// CRLF and lone CR (old Mac exports) become LF.
fn normalize_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn windows_1252_is_decoded() {
        assert_eq!(
            decode(b"M\xF8dested: K\xF8benhavn \x96 sal").unwrap(),
            "Mødested: København – sal"
        );
    }

    #[test]
    fn utf16_with_bom() {
        assert_eq!(decode(b"\xFF\xFEa\x00\xF8\x00").unwrap(), "aø");
        assert_eq!(
            decode(b"P\x00u\x00n\x00k\x00t\x00 \x001\x00").unwrap(),
            "Punkt 1"
        );
    }

    #[test]
    fn binary_is_refused_with_a_line() {
        let (line, msg) = decode(b"line one\nline two\n\x00\x01\x02\x03\x04").unwrap_err();
        assert_eq!(line, 3);
        assert!(msg.text(crate::i18n::Lang::En).contains("binary"));
        assert!(
            decode(b"%PDF-1.7 ...")
                .unwrap_err()
                .1
                .text(crate::i18n::Lang::En)
                .contains("PDF")
        );
    }
}
