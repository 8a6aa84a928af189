//! Web pages (.html) as saved from agenda portals: parsed with an HTML5 parser and read as the
//! text layout of [`layout`](super::layout). Headings, lists (with the numbers a browser
//! shows) and tables keep their structure; scripts, styles, navigation, page headers and
//! footers, and cookie banners are not content.

use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

use super::layout::{Layout, collapse};

/// How much of the start of a file is looked at for markup and a declared charset.
const SNIFF: usize = 4096;

/// Whether the bytes start like an HTML document (after a BOM, blank space and comments).
pub fn is_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let head = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head))
        .0
        .to_lowercase();
    let start = head.trim_start();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<') && ["<html", "<head", "<body"].iter().any(|t| head.contains(t)))
}

/// The page's text in reading order.
pub fn to_text(bytes: &[u8]) -> String {
    let page = Html::parse_document(&decode(bytes));
    let mut reader = Reader::default();
    reader.block(page.root_element());
    reader.flush();
    reader.out.finish()
}

/// A BOM decides, then a `<meta>` charset declaration, then UTF-8 if the bytes are valid
/// UTF-8, else Windows-1252 (the order browsers use, less the network's say).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let enc = declared_charset(bytes).unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    });
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the
/// start. Read through an ASCII-compatible decoding, which every declaration is written in.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF * 4)];
    let text = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(head)
        .0;
    let page = Html::parse_document(&text);
    let metas = page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "meta");
    for meta in metas {
        let label = meta
            .value()
            .attr("charset")
            .map(str::to_string)
            .or_else(|| {
                let equiv = meta.value().attr("http-equiv")?;
                if !equiv.eq_ignore_ascii_case("content-type") {
                    return None;
                }
                let content = meta.value().attr("content")?.to_lowercase();
                let (_, after) = content.split_once("charset=")?;
                let value = after.split(';').next()?.trim().trim_matches(['"', '\'']);
                Some(value.to_string())
            });
        // A page cannot declare itself UTF-16 in ASCII; the output encoding maps that to UTF-8.
        if let Some(enc) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            return Some(enc.output_encoding());
        }
    }
    None
}

/// Elements whose content is never agenda text.
const NOT_CONTENT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "iframe", "svg", "canvas",
    "button", "select", "option", "input", "textarea", "img", "picture", "video", "audio",
    "object", "embed", "map", "dialog", "menu",
];

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "li",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "hr",
    "pre",
    "header",
    "footer",
    "caption",
    "legend",
];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "dialog",
    "alertdialog",
];

/// Deeper nesting than this is not read: no agenda nests so deep, and a file that does must
/// not exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Words in an id or class that mark a cookie or consent banner.
const BANNER_MARKS: &[&str] = &["cookie", "consent", "gdpr"];

fn is_chrome(e: &ElementRef) -> bool {
    let el = e.value();
    let name = el.name();
    if NOT_CONTENT.contains(&name) || el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden") == Some("true")
        || el.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r))
    {
        return true;
    }
    let hidden_style = el
        .attr("style")
        .is_some_and(|s| s.replace(' ', "").to_lowercase().contains("display:none"));
    let banner = el
        .id()
        .into_iter()
        .chain(el.classes())
        .any(|w| BANNER_MARKS.iter().any(|m| w.to_lowercase().contains(m)));
    // A page's header and footer are chrome; an article's own header holds its title.
    let page_part = matches!(name, "header" | "footer")
        && !e
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main"));
    hidden_style || banner || page_part
}

#[derive(Default)]
struct Reader {
    out: Layout,
    /// The text of the line being gathered.
    inline: String,
    /// A list entry's number, for the entry's first line.
    prefix: Option<String>,
    depth: usize,
}

impl Reader {
    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.inline));
        if text.is_empty() {
            return;
        }
        match self.prefix.take() {
            Some(p) => self.out.line(&format!("{p} {text}")),
            None => self.out.line(&text),
        }
    }

    fn block(&mut self, el: ElementRef) {
        for node in el.children() {
            match node.value() {
                Node::Text(t) => self.inline.push_str(t),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(node) {
                        self.element(child);
                    }
                }
                Node::Document
                | Node::Fragment
                | Node::Doctype(_)
                | Node::Comment(_)
                | Node::ProcessingInstruction(_) => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef) {
        if self.depth > MAX_DEPTH || is_chrome(&el) {
            return;
        }
        self.depth += 1;
        self.element_content(el);
        self.depth -= 1;
    }

    fn element_content(&mut self, el: ElementRef) {
        let name = el.value().name();
        match name {
            "br" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = text_of(el);
                match self.prefix.take() {
                    Some(p) => self.out.heading(&format!("{p} {text}")),
                    None => self.out.heading(&text),
                }
            }
            "ol" | "ul" => {
                self.flush();
                self.list(el);
            }
            "table" => {
                self.flush();
                self.table(el);
            }
            "pre" => {
                self.flush();
                for line in text_with_breaks(el, 0).lines() {
                    self.out.line(line);
                }
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.block(el);
                self.flush();
            }
            _ => self.block(el),
        }
    }

    /// Entries numbered as a browser shows them: `start`, `reversed`, a `value` on an entry,
    /// the `type` of numbering; `- ` for an unordered list.
    fn list(&mut self, list: ElementRef) {
        let entries: Vec<ElementRef> = list
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "li" && !is_chrome(e))
            .collect();
        let ordered = list.value().name() == "ol";
        let reversed = list.value().attr("reversed").is_some();
        let count = i64::try_from(entries.len()).unwrap_or(i64::MAX);
        let mut n: i64 = list
            .value()
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(if reversed { count } else { 1 });
        let kind = list.value().attr("type").unwrap_or("1");
        for entry in entries {
            if let Some(v) = entry
                .value()
                .attr("value")
                .and_then(|v| v.trim().parse().ok())
            {
                n = v;
            }
            self.prefix = Some(if ordered {
                format!("{}.", list_number(kind, n))
            } else {
                "-".into()
            });
            self.block(entry);
            self.flush();
            self.prefix = None;
            n = if reversed {
                n.saturating_sub(1)
            } else {
                n.saturating_add(1)
            };
        }
    }

    /// One line per row, cells joined by ` | `; rows of nested tables stay in their cell.
    fn table(&mut self, table: ElementRef) {
        let rows = table
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| {
                e.value().name() == "tr"
                    && e.ancestors()
                        .filter_map(ElementRef::wrap)
                        .find(|a| a.value().name() == "table")
                        == Some(table)
            });
        for row in rows {
            if is_chrome(&row) {
                continue;
            }
            let cells: Vec<String> = row
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th") && !is_chrome(c))
                .map(text_of)
                .collect();
            self.out.row(&cells);
        }
    }
}

/// An ordered list's number in the list's `type`: `1`, `a`, `A`, `i`, `I`.
fn list_number(kind: &str, n: i64) -> String {
    let Ok(positive) = u32::try_from(n) else {
        return n.to_string();
    };
    match kind {
        "a" => letters(positive).to_lowercase(),
        "A" => letters(positive),
        "i" => roman(positive).to_lowercase(),
        "I" => roman(positive),
        _ => n.to_string(),
    }
}

fn letters(n: u32) -> String {
    super::docx::format_number("upperLetter", n)
}

fn roman(n: u32) -> String {
    super::docx::format_number("upperRoman", n)
}

/// An element's visible text on one line.
fn text_of(el: ElementRef) -> String {
    collapse(&text_with_breaks(el, 0))
}

/// An element's visible text, `<br>` as a line break.
fn text_with_breaks(el: ElementRef, depth: usize) -> String {
    let mut out = String::new();
    if depth > MAX_DEPTH {
        return out;
    }
    for node in el.children() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(node).filter(|c| !is_chrome(c)) {
                    if child.value().name() == "br" {
                        out.push('\n');
                    } else {
                        if BLOCKS.contains(&child.value().name()) {
                            out.push(' ');
                        }
                        out.push_str(&text_with_breaks(child, depth + 1));
                    }
                }
            }
            Node::Document
            | Node::Fragment
            | Node::Doctype(_)
            | Node::Comment(_)
            | Node::ProcessingInstruction(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_number_as_a_browser_shows_them() {
        let page = "<ol start=\"4\"><li>Budget</li><li value=\"9\">Plan</li><li>Eventuelt</li></ol>\
            <ol reversed><li>to</li><li>en</li></ol><ol type=\"i\" start=\"3\"><li>tre</li></ol>\
            <ul><li>punkt</li></ul>";
        assert_eq!(
            to_text(page.as_bytes()),
            "4. Budget\n9. Plan\n10. Eventuelt\n2. to\n1. en\niii. tre\n- punkt\n"
        );
    }

    #[test]
    fn headings_tables_and_breaks_keep_their_structure() {
        let page = "<h2>1. Budget</h2><p>Linje et<br>linje\n  to</p><table><tr><th>Tid</th><th>Punkt</th>\
            </tr><tr><td>16.00</td><td><b>Velkomst</b> og intro</td></tr></table>";
        assert_eq!(
            to_text(page.as_bytes()),
            "1. Budget\n\nLinje et\nlinje to\nTid | Punkt\n16.00 | Velkomst og intro\n"
        );
    }

    #[test]
    fn chrome_is_dropped() {
        let page = "<body><nav>Menu</nav><div class=\"CookieConsent\">Accepter</div>\
            <div hidden>skjult</div><div style=\"display: none\">skjult</div><span aria-hidden=\"true\">x</span>\
            <main><article><header><h1>Dagsorden</h1></header><p>Tekst</p></article></main>\
            <footer>Kontakt</footer><script>var a = 1;</script></body>";
        assert_eq!(to_text(page.as_bytes()), "Dagsorden\n\nTekst\n");
    }

    #[test]
    fn declared_charset_decides_and_utf8_is_the_fallback() {
        let latin = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
            </head><body><p>M\xf8de</p></body></html>";
        assert_eq!(to_text(latin), "Møde\n");
        assert_eq!(to_text("<p>Møde</p>".as_bytes()), "Møde\n");
        assert_eq!(to_text(b"<p>M\xf8de</p>"), "Møde\n");
        assert!(is_html(b"\xEF\xBB\xBF  <!DOCTYPE html><p>"));
        assert!(is_html(b"<!-- saved --><html>"));
        assert!(!is_html(b"1. Godkendelse <html> nok"));
    }
}
