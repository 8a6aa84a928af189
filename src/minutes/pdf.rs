//! minutes.pdf: the [`layout`](super::layout) set on A4 pages with printpdf.
//!
//! printpdf draws text at positions; the page layout is ours, in two passes: the blocks are set
//! into pages of drawing operations first (line breaks from the font's own advance widths, a
//! heading moved to the next page with what follows it rather than left alone at the bottom),
//! then every page is drawn with its running header (title and date) and "Side 2 af 5", now
//! that the number of pages is known.
//!
//! Fonts are embedded: DejaVu Sans (regular and bold) for text, with æ ø å and the rest of Latin,
//! Greek and Cyrillic; Symbola for symbols and emoji DejaVu lacks, embedded only when the minutes
//! use one. A character neither has is drawn as U+FFFD, so the reader sees that something was
//! there. Licences are in `assets/fonts/`.

use std::io::Cursor;

use printpdf::path::{PaintMode, WindingOrder};
use printpdf::{
    Color, IndirectFontRef, Line, Mm, PdfDocument, PdfLayerReference, Point, Pt, Rect, Rgb,
};
use ttf_parser::Face;

use super::json::MinutesDoc;
use super::layout::{Block, Clause, Layout, Table, TableKind, layout};
use crate::i18n::Key;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/Symbola.ttf");

/// A4 in points, and the margins around the text.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 62.0;
const RIGHT: f32 = 62.0;
const TOP: f32 = 76.0;
const BOTTOM: f32 = 68.0;
const WIDTH: f32 = PAGE_W - LEFT - RIGHT;

const BODY: f32 = 10.0;
const SMALL: f32 = 8.5;
const CELL_PAD: f32 = 3.0;
const SIGNATURE_ROW: f32 = 30.0;
/// The least that must follow a heading on its page: about two lines of text.
const KEEP_WITH_HEADING: f32 = 2.0 * BODY * 1.4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FontId {
    Regular,
    Bold,
    Symbols,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shade {
    Black,
    Grey,
}

/// What a page holds before it is drawn, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        x: f32,
        y: f32,
        text: String,
        font: FontId,
        size: f32,
        shade: Shade,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
    Cell {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        filled: bool,
    },
}

/// The three faces, parsed once per document.
struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
    symbols: Face<'static>,
}

impl Fonts {
    fn load() -> Result<Self, String> {
        let parse = |bytes: &'static [u8]| Face::parse(bytes, 0).map_err(|e| e.to_string());
        Ok(Fonts {
            regular: parse(REGULAR)?,
            bold: parse(BOLD)?,
            symbols: parse(SYMBOLS)?,
        })
    }

    fn face(&self, id: FontId) -> &Face<'static> {
        match id {
            FontId::Regular => &self.regular,
            FontId::Bold => &self.bold,
            FontId::Symbols => &self.symbols,
        }
    }

    /// The font a character is drawn in, and the character (U+FFFD when no font has it).
    fn pick(&self, c: char, weight: Weight) -> (FontId, char) {
        let main = match weight {
            Weight::Regular => FontId::Regular,
            Weight::Bold => FontId::Bold,
        };
        if c.is_whitespace() || self.face(main).glyph_index(c).is_some() {
            (main, c)
        } else if self.symbols.glyph_index(c).is_some() {
            (FontId::Symbols, c)
        } else {
            (main, '\u{fffd}')
        }
    }

    fn advance(&self, id: FontId, c: char, size: f32) -> f32 {
        let face = self.face(id);
        let units = face
            .glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or(0);
        f32::from(units) * size / f32::from(face.units_per_em())
    }

    fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let (id, c) = self.pick(c, weight);
                self.advance(id, c, size)
            })
            .sum()
    }

    /// Runs of one font each, with their x offsets from the start of the line.
    fn runs(&self, text: &str, weight: Weight, size: f32) -> Vec<(f32, FontId, String)> {
        let mut runs: Vec<(f32, FontId, String)> = vec![];
        let mut x = 0.0;
        for c in text.chars() {
            let (id, c) = self.pick(c, weight);
            match runs.last_mut() {
                Some((_, last, s)) if *last == id => s.push(c),
                Some(_) | None => runs.push((x, id, c.to_string())),
            }
            x += self.advance(id, c, size);
        }
        runs
    }

    /// Greedy line breaking at spaces; a word wider than the line is broken where it must be.
    fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let mut lines = vec![];
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, weight, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if self.width(&line, weight, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// The minutes as a PDF file.
pub fn render(doc: &MinutesDoc) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let l = layout(doc);
    let mut setter = Setter::new(&fonts);
    setter.title(&l);
    for (i, b) in l.blocks.iter().enumerate() {
        setter.block(b, &l.blocks[i + 1..]);
    }
    draw(&l, &fonts, setter.finish())
}

/// Sets blocks into pages, top to bottom.
struct Setter<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// Distance from the page's top edge to where the next line starts.
    y: f32,
    /// The least height of a table's body row: room to sign in the approval block.
    min_row: f32,
}

impl<'f> Setter<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Setter {
            fonts,
            pages: vec![vec![]],
            y: TOP,
            min_row: 0.0,
        }
    }

    fn finish(self) -> Vec<Vec<Op>> {
        self.pages
    }

    fn room(&self) -> f32 {
        PAGE_H - BOTTOM - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(vec![]);
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits on this one (a new page takes anything).
    fn need(&mut self, height: f32) {
        if height > self.room() && self.y > TOP {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn text(&mut self, x: f32, baseline: f32, text: &str, weight: Weight, size: f32, shade: Shade) {
        for (dx, font, run) in self.fonts.runs(text, weight, size) {
            self.push(Op::Text {
                x: x + dx,
                y: baseline,
                text: run,
                font,
                size,
                shade,
            });
        }
    }

    fn title(&mut self, l: &Layout) {
        let size = 17.0;
        for line in self.fonts.wrap(&l.title, Weight::Bold, size, WIDTH) {
            self.y += size * 1.25;
            self.text(LEFT, self.y, &line, Weight::Bold, size, Shade::Black);
        }
        if !l.date.is_empty() {
            self.y += BODY * 1.6;
            self.text(LEFT, self.y, &l.date, Weight::Regular, BODY, Shade::Grey);
        }
        self.y += BODY;
    }

    fn block(&mut self, b: &Block, rest: &[Block]) {
        match b {
            Block::Facts(rows) => {
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(k, v)| vec![(*k).to_string(), v.clone()])
                    .collect();
                self.table(None, &rows, &[0.24, 0.76], true);
                self.y += BODY * 0.6;
            }
            Block::Notice(s) => {
                self.y += 2.0;
                let top = self.y;
                self.paragraph(
                    LEFT + 8.0,
                    WIDTH - 8.0,
                    s,
                    Weight::Regular,
                    BODY,
                    Shade::Grey,
                );
                self.push(Op::Rule {
                    x1: LEFT + 2.0,
                    y1: top + 2.0,
                    x2: LEFT + 2.0,
                    y2: self.y + 2.0,
                });
                self.y += BODY * 0.6;
            }
            Block::Heading { text, .. } => {
                let size = 12.5;
                let lines = self.fonts.wrap(text, Weight::Bold, size, WIDTH);
                let height = size * 1.9 + lines.len() as f32 * size * 1.3;
                self.need(height + follow_height(self.fonts, rest));
                // Space above a heading, except at the top of a page.
                if self.y > TOP {
                    self.y += size * 1.2;
                }
                for line in lines {
                    self.y += size * 1.3;
                    self.text(LEFT, self.y, &line, Weight::Bold, size, Shade::Black);
                }
                self.y += 3.0;
                self.push(Op::Rule {
                    x1: LEFT,
                    y1: self.y,
                    x2: LEFT + WIDTH,
                    y2: self.y,
                });
                self.y += size * 0.5;
            }
            Block::Label(s) => {
                self.need(BODY * 2.2 + follow_height(self.fonts, rest));
                self.y += BODY * 0.6;
                self.paragraph(LEFT, WIDTH, s, Weight::Bold, BODY, Shade::Black);
                self.y += 1.0;
            }
            Block::Para(s) => {
                self.paragraph(LEFT, WIDTH, s, Weight::Regular, BODY, Shade::Black);
                self.y += BODY * 0.4;
            }
            Block::Aside(s) => {
                self.paragraph(LEFT, WIDTH, s, Weight::Regular, SMALL + 0.5, Shade::Grey);
                self.y += BODY * 0.4;
            }
            Block::Field(label, value) => {
                let text = format!("{label}: {value}");
                self.paragraph(LEFT, WIDTH, &text, Weight::Regular, BODY, Shade::Black);
                self.y += BODY * 0.4;
            }
            Block::Bullets(lines) => {
                for line in lines {
                    self.hanging("•", line);
                }
                self.y += BODY * 0.4;
            }
            Block::Clauses(clauses) => {
                for c in clauses {
                    self.hanging(&clause_mark(c), &clause_text(c));
                }
                self.y += BODY * 0.4;
            }
            Block::Table(t) => {
                let head: Vec<String> = t.head.iter().map(|h| (*h).to_string()).collect();
                self.min_row = min_row(t.kind);
                self.table(Some(&head), &t.rows, &columns(t), false);
                self.min_row = 0.0;
                self.y += BODY * 0.6;
            }
        }
    }

    /// Wrapped lines, each moved to the next page when it does not fit.
    fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        text: &str,
        weight: Weight,
        size: f32,
        shade: Shade,
    ) {
        let leading = size * 1.4;
        for line in self.fonts.wrap(text, weight, size, width) {
            self.need(leading);
            self.y += leading;
            self.text(x, self.y - size * 0.25, &line, weight, size, shade);
        }
    }

    /// A list entry: the mark in the margin, the text indented under itself.
    fn hanging(&mut self, mark: &str, text: &str) {
        let indent = 16.0;
        let leading = BODY * 1.4;
        self.need(leading);
        let first = self.y + leading - BODY * 0.25;
        self.text(LEFT + 2.0, first, mark, Weight::Regular, BODY, Shade::Black);
        self.paragraph(
            LEFT + indent,
            WIDTH - indent,
            text,
            Weight::Regular,
            BODY,
            Shade::Black,
        );
    }

    /// A table with borders; the head is bold on grey and repeats on every page the table
    /// runs onto; a row is never split. With `label_column`, the first column is a bold head.
    fn table(
        &mut self,
        head: Option<&[String]>,
        rows: &[Vec<String>],
        widths: &[f32],
        label_column: bool,
    ) {
        let cols: Vec<f32> = widths.iter().map(|w| w * WIDTH).collect();
        let mut head_drawn_on = None;
        for row in rows {
            let height = self.row_height(row, &cols, false);
            let head_height = head.map_or(0.0, |h| self.row_height(h, &cols, true));
            let on_new_page = height + head_height > self.room() && self.y > TOP;
            if on_new_page {
                self.new_page();
            }
            if let Some(h) = head
                && head_drawn_on != Some(self.pages.len())
            {
                self.row(h, &cols, true, false);
                head_drawn_on = Some(self.pages.len());
            }
            self.row(row, &cols, false, label_column);
        }
        if rows.is_empty()
            && let Some(h) = head
        {
            self.need(self.row_height(h, &cols, true));
            self.row(h, &cols, true, false);
        }
    }

    fn cell_lines(&self, text: &str, width: f32, bold: bool) -> Vec<String> {
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        self.fonts
            .wrap(text, weight, SMALL + 0.5, width - 2.0 * CELL_PAD)
    }

    fn row_height(&self, cells: &[String], cols: &[f32], bold: bool) -> f32 {
        let lines = cells
            .iter()
            .zip(cols)
            .map(|(c, w)| self.cell_lines(c, *w, bold).len())
            .max()
            .unwrap_or(1);
        let height = lines as f32 * (SMALL + 0.5) * 1.35 + 2.0 * CELL_PAD;
        if bold {
            height
        } else {
            height.max(self.min_row)
        }
    }

    fn row(&mut self, cells: &[String], cols: &[f32], head: bool, label_column: bool) {
        let size = SMALL + 0.5;
        let height = self.row_height(cells, cols, head);
        let mut x = LEFT;
        for (k, (c, w)) in cells.iter().zip(cols).enumerate() {
            let bold = head || (label_column && k == 0);
            self.push(Op::Cell {
                x,
                y: self.y,
                w: *w,
                h: height,
                filled: bold,
            });
            let weight = if bold { Weight::Bold } else { Weight::Regular };
            let mut baseline = self.y + CELL_PAD;
            for line in self.cell_lines(c, *w, bold) {
                baseline += size * 1.35;
                self.text(
                    x + CELL_PAD,
                    baseline - size * 0.3,
                    &line,
                    weight,
                    size,
                    Shade::Black,
                );
            }
            x += w;
        }
        self.y += height;
    }
}

fn clause_mark(c: &Clause) -> String {
    c.number
        .map_or_else(|| "•".to_string(), |n| format!("{n}."))
}

fn clause_text(c: &Clause) -> String {
    match c.outcome {
        Some(o) => format!("{} — {o}", c.text),
        None => c.text.clone(),
    }
}

/// The height that must stay with a heading: the next headings and the start of what follows.
fn follow_height(fonts: &Fonts, rest: &[Block]) -> f32 {
    match rest.first() {
        Some(Block::Label(_)) => BODY * 2.2 + follow_height(fonts, &rest[1..]),
        Some(Block::Table(t)) => {
            let head: Vec<String> = t.head.iter().map(|h| (*h).to_string()).collect();
            let cols: Vec<f32> = columns(t).iter().map(|w| w * WIDTH).collect();
            let mut setter = Setter::new(fonts);
            setter.min_row = min_row(t.kind);
            // The approval block stays together; other tables keep their first row.
            let keep = match t.kind {
                TableKind::Signatures => t.rows.len(),
                TableKind::Actions | TableKind::Votes => 1,
            };
            let rows: f32 = t
                .rows
                .iter()
                .take(keep)
                .map(|r| setter.row_height(r, &cols, false))
                .sum();
            setter.row_height(&head, &cols, true) + rows
        }
        Some(
            Block::Facts(_)
            | Block::Notice(_)
            | Block::Para(_)
            | Block::Aside(_)
            | Block::Field(..)
            | Block::Bullets(_)
            | Block::Clauses(_),
        ) => KEEP_WITH_HEADING,
        Some(Block::Heading { .. }) | None => 0.0,
    }
}

fn min_row(kind: TableKind) -> f32 {
    match kind {
        TableKind::Signatures => SIGNATURE_ROW,
        TableKind::Actions | TableKind::Votes => 0.0,
    }
}

/// Column widths as parts of the text width.
fn columns(t: &Table) -> Vec<f32> {
    match (t.kind, t.head.len()) {
        (TableKind::Actions, 4) => vec![0.12, 0.50, 0.24, 0.14],
        (TableKind::Actions, _) => vec![0.58, 0.27, 0.15],
        (TableKind::Votes, _) => vec![0.26, 0.08, 0.08, 0.14, 0.44],
        (TableKind::Signatures, _) => vec![0.4, 0.2, 0.4],
    }
}

/// Draws the pages with their header and footer.
fn draw(l: &Layout, fonts: &Fonts, pages: Vec<Vec<Op>>) -> Result<Vec<u8>, String> {
    let err = |e: printpdf::Error| e.to_string();
    let (doc, first_page, first_layer) = PdfDocument::new(&l.title, Mm(210.0), Mm(297.0), "1");
    let regular = doc.add_external_font(Cursor::new(REGULAR)).map_err(err)?;
    let bold = doc.add_external_font(Cursor::new(BOLD)).map_err(err)?;
    let uses_symbols = pages.iter().flatten().any(|op| {
        matches!(
            op,
            Op::Text {
                font: FontId::Symbols,
                ..
            }
        )
    });
    let symbols = if uses_symbols {
        Some(doc.add_external_font(Cursor::new(SYMBOLS)).map_err(err)?)
    } else {
        None
    };
    let total = pages.len();
    let mut layers = vec![doc.get_page(first_page).get_layer(first_layer)];
    for n in 2..=total {
        let (page, layer) = doc.add_page(Mm(210.0), Mm(297.0), n.to_string());
        layers.push(doc.get_page(page).get_layer(layer));
    }
    let pen = Pen {
        regular: &regular,
        bold: &bold,
        symbols: symbols.as_ref(),
    };
    for (n, (ops, layer)) in pages.iter().zip(&layers).enumerate() {
        let mut furniture = Setter::new(fonts);
        page_furniture(&mut furniture, l, n + 1, total);
        for op in furniture.finish().iter().flatten().chain(ops) {
            pen.draw(layer, op);
        }
    }
    let bytes = doc.save_to_bytes().map_err(err)?;
    let astral = pages.iter().flatten().any(|op| match op {
        Op::Text { text, .. } => text.chars().any(|c| u32::from(c) > 0xffff),
        Op::Rule { .. } | Op::Cell { .. } => false,
    });
    if !astral && l.title.is_ascii() {
        return Ok(bytes);
    }
    let err = |e: printpdf::lopdf::Error| e.to_string();
    let mut pdf = printpdf::lopdf::Document::load_mem(&bytes).map_err(err)?;
    if astral {
        astral_to_unicode(&mut pdf);
    }
    unicode_title(&mut pdf, &l.title);
    let mut out = vec![];
    pdf.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// printpdf 0.7 writes the document's Title as UTF-8 bytes in a PDF string, which readers take
/// as PDFDocEncoding (`Centerledermøde` shows as `CenterledermÃ¸de` in a viewer's title bar).
/// A PDF text string beyond ASCII is UTF-16BE behind a byte-order mark.
fn unicode_title(pdf: &mut printpdf::lopdf::Document, title: &str) {
    use printpdf::lopdf::{Object, StringFormat};
    let Ok(info) = pdf.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    let Ok(dict) = pdf.get_dictionary_mut(info) else {
        return;
    };
    let mut utf16 = vec![0xfe, 0xff];
    utf16.extend(title.encode_utf16().flat_map(u16::to_be_bytes));
    dict.set("Title", Object::String(utf16, StringFormat::Hexadecimal));
}

/// printpdf 0.7 writes the ToUnicode entry of a character beyond U+FFFF (most emoji) as five hex
/// digits, which readers cut to four: an emoji is drawn right but copied or searched as another
/// character. This rewrites those entries as the UTF-16 surrogate pairs the PDF format expects.
fn astral_to_unicode(pdf: &mut printpdf::lopdf::Document) {
    for object in pdf.objects.values_mut() {
        let printpdf::lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let content = if stream.dict.get(b"Filter").is_ok() {
            match stream.decompressed_content() {
                Ok(c) => c,
                Err(_) => continue,
            }
        } else {
            stream.content.clone()
        };
        let text = String::from_utf8_lossy(&content);
        if !text.contains("beginbfchar") {
            continue;
        }
        let fixed: Vec<String> = text.lines().map(fix_cmap_line).collect();
        stream.set_plain_content(fixed.join("\n").into_bytes());
        // Compression is an optimisation; an uncompressed map is still a valid one.
        let _ = stream.compress();
    }
}

/// `<0a1b> <1f389>` becomes `<0a1b> <d83cdf89>`; every other line stays as it is.
fn fix_cmap_line(line: &str) -> String {
    let parsed = line
        .strip_prefix('<')
        .and_then(|rest| rest.split_once("> <"))
        .and_then(|(gid, code)| Some((gid, code.strip_suffix('>')?)))
        .and_then(|(gid, code)| Some((gid, u32::from_str_radix(code, 16).ok()?)));
    match parsed.and_then(|(gid, code)| Some((gid, char::from_u32(code)?))) {
        Some((gid, c)) if u32::from(c) > 0xffff => {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04x}"))
                .collect();
            format!("<{gid}> <{hex}>")
        }
        Some(_) | None => line.to_string(),
    }
}

/// The running header (title left, date right, a rule) and the page number at the foot.
fn page_furniture(s: &mut Setter, l: &Layout, page: usize, total: usize) {
    let y = TOP - 30.0;
    let date_w = s.fonts.width(&l.date, Weight::Regular, SMALL);
    let title_room = WIDTH - date_w - 12.0;
    let title = fit(s.fonts, &l.title, title_room);
    s.text(LEFT, y, &title, Weight::Regular, SMALL, Shade::Grey);
    s.text(
        LEFT + WIDTH - date_w,
        y,
        &l.date,
        Weight::Regular,
        SMALL,
        Shade::Grey,
    );
    s.push(Op::Rule {
        x1: LEFT,
        y1: y + 4.0,
        x2: LEFT + WIDTH,
        y2: y + 4.0,
    });
    let number = Key::PageOf
        .get(l.lang)
        .replace("{n}", &page.to_string())
        .replace("{total}", &total.to_string());
    let w = s.fonts.width(&number, Weight::Regular, SMALL);
    s.text(
        LEFT + (WIDTH - w) / 2.0,
        PAGE_H - BOTTOM + 34.0,
        &number,
        Weight::Regular,
        SMALL,
        Shade::Grey,
    );
}

/// `text` cut with an ellipsis to fit `width`.
fn fit(fonts: &Fonts, text: &str, width: f32) -> String {
    if fonts.width(text, Weight::Regular, SMALL) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts.width(&format!("{out}…"), Weight::Regular, SMALL) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// The embedded fonts, to draw operations with.
struct Pen<'a> {
    regular: &'a IndirectFontRef,
    bold: &'a IndirectFontRef,
    symbols: Option<&'a IndirectFontRef>,
}

impl Pen<'_> {
    fn draw(&self, layer: &PdfLayerReference, op: &Op) {
        let at = |x: f32, y: f32| Point {
            x: Pt(x),
            y: Pt(PAGE_H - y),
        };
        match op {
            Op::Text {
                x,
                y,
                text,
                font,
                size,
                shade,
            } => {
                let font = match font {
                    FontId::Regular => Some(self.regular),
                    FontId::Bold => Some(self.bold),
                    FontId::Symbols => self.symbols,
                };
                let Some(font) = font else { return };
                layer.set_fill_color(match shade {
                    Shade::Black => grey(0.0),
                    Shade::Grey => grey(0.35),
                });
                layer.use_text(
                    text.clone(),
                    *size,
                    Mm::from(Pt(*x)),
                    Mm::from(Pt(PAGE_H - y)),
                    font,
                );
            }
            Op::Rule { x1, y1, x2, y2 } => {
                layer.set_outline_color(grey(0.55));
                layer.set_outline_thickness(0.6);
                layer.add_line(Line {
                    points: vec![(at(*x1, *y1), false), (at(*x2, *y2), false)],
                    is_closed: false,
                });
            }
            Op::Cell { x, y, w, h, filled } => {
                let rect = Rect {
                    ll: at(*x, y + h),
                    ur: at(x + w, *y),
                    mode: PaintMode::Stroke,
                    winding: WindingOrder::NonZero,
                };
                layer.set_outline_color(grey(0.6));
                layer.set_outline_thickness(0.5);
                if *filled {
                    layer.set_fill_color(grey(0.92));
                    layer.add_rect(Rect {
                        mode: PaintMode::FillStroke,
                        ..rect
                    });
                } else {
                    layer.add_rect(rect);
                }
            }
        }
    }
}

fn grey(level: f32) -> Color {
    Color::Rgb(Rgb::new(level, level, level, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_get_surrogate_pairs_in_the_cmap() {
        assert_eq!(fix_cmap_line("<0a1b> <1f389>"), "<0a1b> <d83cdf89>");
        assert_eq!(fix_cmap_line("<0003> <00e6>"), "<0003> <00e6>");
        assert_eq!(fix_cmap_line("endbfchar"), "endbfchar");
    }

    #[test]
    fn lines_break_at_spaces_and_long_words_where_they_must() {
        let fonts = Fonts::load().unwrap();
        let lines = fonts.wrap("æøå ".repeat(60).trim(), Weight::Regular, BODY, 200.0);
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(fonts.width(l, Weight::Regular, BODY) <= 200.0, "{l}");
        }
        let long = "x".repeat(400);
        assert!(fonts.wrap(&long, Weight::Regular, BODY, 100.0).len() > 1);
        assert_eq!(
            fonts.wrap("", Weight::Regular, BODY, 100.0),
            vec![String::new()]
        );
    }

    #[test]
    fn characters_no_font_has_become_the_replacement_character() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.pick('ø', Weight::Bold), (FontId::Bold, 'ø'));
        assert_eq!(fonts.pick('🎉', Weight::Regular), (FontId::Symbols, '🎉'));
        assert_eq!(
            fonts.pick('\u{10ffff}', Weight::Regular),
            (FontId::Regular, '\u{fffd}')
        );
    }
}
