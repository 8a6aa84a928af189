//! Word documents (.docx): the zip's `word/document.xml` read as the text layout of
//! [`layout`](super::layout). Heading styles become headings, Word's list numbering is
//! counted from `word/numbering.xml` as Word shows it, tables become rows of cells. Page
//! headers and footers live in parts of their own, which are not read.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::layout::Layout;
use crate::i18n::{Key, Said};

/// WordprocessingML's main namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Markup compatibility: `mc:Fallback` repeats `mc:Choice` for older readers.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// No XML part of an agenda comes near this; it keeps a zip bomb from filling memory.
const MAX_PART: u64 = 64 * 1024 * 1024;

/// Whether the bytes are a zip that holds a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(Cursor::new(bytes))
            .is_ok_and(|z| z.index_for_name("word/document.xml").is_some())
}

/// The document's text, or why it cannot be read.
pub fn to_text(bytes: &[u8]) -> Result<String, Said> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| damaged(format!("not a readable zip: {e}")))?;
    let document = part(&mut zip, "word/document.xml")?.ok_or(Said::new(Key::ImpDocxNoDocument))?;
    let styles = part(&mut zip, "word/styles.xml")?.unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml")?.unwrap_or_default();
    let doc = xml(&document, "word/document.xml")?;
    let styles = if styles.is_empty() {
        Styles::default()
    } else {
        Styles::read(&xml(&styles, "word/styles.xml")?)
    };
    let lists = if numbering.is_empty() {
        Numbering::default()
    } else {
        Numbering::read(&xml(&numbering, "word/numbering.xml")?)
    };
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(n, "body"))
        .ok_or(Said::new(Key::ImpDocxNoBody))?;
    let mut reader = Reader {
        styles,
        lists,
        out: Layout::new(),
    };
    reader.block(body, 0);
    Ok(reader.out.finish())
}

fn xml<'a>(text: &'a str, what: &str) -> Result<Document<'a>, Said> {
    Document::parse(text).map_err(|e| damaged(format!("{what}: {e}")))
}

/// A damaged document, with what the zip or XML reader said.
fn damaged(detail: String) -> Said {
    Said::new(Key::ImpDocxDamaged).with("detail", detail)
}

/// A part of the package as text; `None` when it is not there.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Said> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let damaged = |e: &dyn std::fmt::Display| damaged(format!("{name}: {e}"));
    let file = zip.by_index(index).map_err(|e| damaged(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_PART)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(&e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|e| damaged(&e))
}

fn is_w(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

/// `w:val` of a child element: `<w:pStyle w:val="Heading1"/>`.
fn val<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(n, name).and_then(|c| c.attribute((W, "val")))
}

fn number_val(n: Node, name: &str) -> Option<u32> {
    val(n, name).and_then(|v| v.trim().parse().ok())
}

/// A paragraph's list membership: which list (`w:numId`) and level (`w:ilvl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumPr {
    num: u32,
    level: usize,
}

fn num_pr(ppr: Node) -> Option<NumPr> {
    let n = child(ppr, "numPr")?;
    Some(NumPr {
        num: number_val(n, "numId")?,
        level: number_val(n, "ilvl").map_or(0, |l| l as usize),
    })
}

/// What a paragraph style says: whether it is a heading, and the list it numbers with.
#[derive(Debug, Clone, Default)]
struct Style {
    heading: bool,
    num: Option<NumPr>,
    based_on: Option<String>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn read(doc: &Document) -> Self {
        let mut by_id = HashMap::new();
        for s in doc.descendants().filter(|n| is_w(n, "style")) {
            let Some(id) = s.attribute((W, "styleId")) else {
                continue;
            };
            // Built-in styles keep their English name ("heading 1", "Title") whatever the
            // language Word shows them in; the outline level marks custom heading styles.
            let name = val(s, "name").unwrap_or("").to_lowercase();
            let ppr = child(s, "pPr");
            let outline = ppr.and_then(|p| number_val(p, "outlineLvl"));
            let style = Style {
                heading: name.starts_with("heading")
                    || name == "title"
                    || outline.is_some_and(|l| l < 9),
                num: ppr.and_then(num_pr),
                based_on: val(s, "basedOn").map(str::to_string),
            };
            by_id.insert(id.to_string(), style);
        }
        Styles { by_id }
    }

    /// Follows `basedOn` (a bounded number of steps: a cycle in a damaged file must not hang).
    fn lookup<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id;
        for _ in 0..16 {
            let style = self.by_id.get(id)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            id = style.based_on.as_deref()?;
        }
        None
    }

    fn is_heading(&self, id: &str) -> bool {
        self.lookup(id, |s| s.heading.then_some(())).is_some()
    }

    fn num(&self, id: &str) -> Option<NumPr> {
        self.lookup(id, |s| s.num)
    }
}

/// How one list level is shown: its format, its start and its text (`%1.`, `%1.%2`).
#[derive(Debug, Clone)]
struct Level {
    format: String,
    start: u32,
    text: String,
}

/// Word's list definitions and the running counters, as Word counts them: every list
/// instance (`w:num`) of one definition (`w:abstractNum`) shares its counters, a level
/// restarts below a higher level's next entry, and an instance's `w:startOverride`
/// restarts a level the first time the instance is used.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    /// numId -> (abstractNumId, level -> start override)
    nums: HashMap<u32, (u32, HashMap<usize, u32>)>,
    counters: HashMap<u32, Vec<Option<u32>>>,
    used: std::collections::HashSet<u32>,
}

/// Word has nine list levels.
const LEVELS: usize = 9;

impl Numbering {
    fn read(doc: &Document) -> Self {
        let mut n = Numbering::default();
        // A list style: one definition carries its levels (`w:styleLink`), others only point
        // to it (`w:numStyleLink`) and share its levels and counters.
        let mut links: HashMap<u32, String> = HashMap::new();
        let mut linked: HashMap<String, u32> = HashMap::new();
        for a in doc.descendants().filter(|x| is_w(x, "abstractNum")) {
            let Some(id) = a
                .attribute((W, "abstractNumId"))
                .and_then(|v| v.parse().ok())
            else {
                continue;
            };
            if let Some(style) = val(a, "numStyleLink") {
                links.insert(id, style.to_string());
            }
            if let Some(style) = val(a, "styleLink") {
                linked.insert(style.to_string(), id);
            }
        }
        for a in doc.descendants().filter(|x| is_w(x, "abstractNum")) {
            let Some(id) = a
                .attribute((W, "abstractNumId"))
                .and_then(|v| v.parse().ok())
            else {
                continue;
            };
            let mut levels = vec![
                Level {
                    format: "decimal".into(),
                    start: 1,
                    text: String::new(),
                };
                LEVELS
            ];
            for l in a.children().filter(|x| is_w(x, "lvl")) {
                let Some(i) = l
                    .attribute((W, "ilvl"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&i| i < LEVELS)
                else {
                    continue;
                };
                levels[i] = Level {
                    format: val(l, "numFmt").unwrap_or("decimal").to_string(),
                    start: number_val(l, "start").unwrap_or(1),
                    text: val(l, "lvlText").unwrap_or("").to_string(),
                };
            }
            n.abstracts.insert(id, levels);
        }
        for num in doc.descendants().filter(|x| is_w(x, "num")) {
            let Some(id) = num.attribute((W, "numId")).and_then(|v| v.parse().ok()) else {
                continue;
            };
            let Some(mut abs) = number_val(num, "abstractNumId") else {
                continue;
            };
            if let Some(target) = links.get(&abs).and_then(|style| linked.get(style)) {
                abs = *target;
            }
            let overrides = num
                .children()
                .filter(|x| is_w(x, "lvlOverride"))
                .filter_map(|o| {
                    let level = o.attribute((W, "ilvl"))?.parse().ok()?;
                    Some((level, number_val(o, "startOverride")?))
                })
                .collect();
            n.nums.insert(id, (abs, overrides));
        }
        n
    }

    /// The label of the next entry of `pr` (`3.`, `2.1`, `b)`, `-` for a bullet), counting it.
    fn next(&mut self, pr: NumPr) -> Option<String> {
        let (abs, overrides) = self.nums.get(&pr.num)?;
        let levels = self.abstracts.get(abs)?;
        let level = levels.get(pr.level)?;
        let counters = self
            .counters
            .entry(*abs)
            .or_insert_with(|| vec![None; LEVELS]);
        if self.used.insert(pr.num) {
            for (&l, &start) in overrides {
                if let Some(c) = counters.get_mut(l) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        let value = counters[pr.level].map_or(level.start, |c| c.saturating_add(1));
        counters[pr.level] = Some(value);
        counters[pr.level + 1..].iter_mut().for_each(|c| *c = None);
        match level.format.as_str() {
            "bullet" => return Some("-".into()),
            "none" => return None,
            _ => {}
        }
        let shown = |i: usize| {
            let l = &levels[i];
            format_number(&l.format, counters[i].unwrap_or(l.start))
        };
        if level.text.is_empty() {
            return Some(format!("{}.", shown(pr.level)));
        }
        let mut label = level.text.clone();
        for i in (0..=pr.level).rev() {
            label = label.replace(&format!("%{}", i + 1), &shown(i));
        }
        Some(label)
    }
}

/// A counter in a list level's format.
pub(super) fn format_number(format: &str, n: u32) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// 1 -> A, 26 -> Z, 27 -> AA (Word repeats the letter).
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(10) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const PARTS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in PARTS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Deeper nesting than this is not read: Word nests a few levels, and a file that nests
/// thousands must not exhaust the stack.
const MAX_DEPTH: usize = 100;

struct Reader {
    styles: Styles,
    lists: Numbering,
    out: Layout,
}

impl Reader {
    /// Body-level content in reading order: paragraphs, tables, and the containers Word wraps
    /// them in (content controls, custom XML, tracked insertions).
    fn block(&mut self, node: Node, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for n in node.children().filter(Node::is_element) {
            if is_w(&n, "p") {
                self.paragraph(n);
            } else if is_w(&n, "tbl") {
                self.table(n);
            } else if is_w(&n, "sectPr") || is_fallback(&n) {
                continue;
            } else {
                self.block(n, depth + 1);
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let ppr = child(p, "pPr");
        let style = ppr.and_then(|x| val(x, "pStyle")).unwrap_or("");
        let heading = self.styles.is_heading(style);
        let direct = ppr.and_then(num_pr);
        let numbering = direct.or_else(|| self.styles.num(style));
        // `numId` 0 is Word's way of taking a style's numbering off one paragraph.
        let label = numbering
            .filter(|n| n.num != 0)
            .and_then(|n| self.lists.next(n));
        let mut lines = paragraph_text(p);
        if let (Some(label), Some(first)) = (label, lines.first_mut()) {
            *first = format!("{label} {first}");
        }
        for line in &lines {
            if heading {
                self.out.heading(line);
            } else {
                self.out.line(line);
            }
        }
        if lines.is_empty() {
            self.out.blank();
        }
    }

    /// Each row a line of cells; a cell's paragraphs joined by spaces, nested tables flattened.
    fn table(&mut self, tbl: Node) {
        for tr in tbl.descendants().filter(|n| is_w(n, "tr")) {
            if tr.ancestors().skip(1).find(|a| is_w(a, "tbl")) != Some(tbl) {
                continue;
            }
            let cells: Vec<String> = tr
                .children()
                .filter(|c| is_w(c, "tc"))
                .map(|tc| {
                    tc.descendants()
                        .filter(|d| is_w(d, "p"))
                        .flat_map(|p| paragraph_text(p))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            self.out.row(&cells);
        }
    }
}

fn is_fallback(n: &Node) -> bool {
    n.tag_name().name() == "Fallback" && n.tag_name().namespace() == Some(MC)
}

/// A paragraph's text, split at its line breaks. Deleted text (tracked changes), field codes
/// and the fallback copies of text boxes are not text the reader sees.
fn paragraph_text(p: Node) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut stack: Vec<Node> = p.children().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if !n.is_element() || is_fallback(&n) {
            continue;
        }
        let last = lines.len() - 1;
        match n.tag_name().name() {
            "t" if n.tag_name().namespace() == Some(W) => {
                lines[last].push_str(n.text().unwrap_or(""));
            }
            "tab" | "ptab" => lines[last].push('\t'),
            "noBreakHyphen" => lines[last].push('-'),
            "br" | "cr" if n.attribute((W, "type")) != Some("page") => lines.push(String::new()),
            "delText" | "instrText" | "pPr" | "rPr" | "del" | "footnoteReference" => {}
            // A paragraph nested in a text box: its text is part of this one.
            "p" if n.tag_name().namespace() == Some(W) => {
                lines.push(String::new());
                stack.extend(n.children().rev());
            }
            _ => stack.extend(n.children().rev()),
        }
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbering(xml: &str) -> Numbering {
        let text = format!("<w:numbering xmlns:w=\"{W}\">{xml}</w:numbering>");
        Numbering::read(&Document::parse(&text).unwrap())
    }

    fn labels(n: &mut Numbering, entries: &[(u32, usize)]) -> Vec<String> {
        entries
            .iter()
            .map(|&(num, level)| n.next(NumPr { num, level }).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_list_style_shares_its_definition_and_counters() {
        let mut n = numbering(
            "<w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"Dagsorden\"/>\
               <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
               <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>\
             </w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"Dagsorden\"/></w:abstractNum>\
             <w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>\
             <w:num w:numId=\"6\"><w:abstractNumId w:val=\"2\"/></w:num>",
        );
        assert_eq!(
            labels(&mut n, &[(5, 0), (6, 0), (6, 1), (6, 1), (5, 0), (5, 1)]),
            ["1.", "2.", "2.1", "2.2", "3.", "3.1"]
        );
    }

    #[test]
    fn numbers_in_list_formats() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(28), "BB");
        assert_eq!(roman(14), "XIV");
        assert_eq!(format_number("lowerRoman", 4), "iv");
        assert_eq!(format_number("decimal", 12), "12");
    }
}
