//! minutes.docx: the [`layout`](super::layout) as a Word document, made with docx-rs.
//!
//! Word's own heading styles (`heading 1` for the title, `heading 2` for items and closing
//! sections, `heading 3` for the parts of an item) carry outline levels, so the navigation pane
//! and a table of contents find them. The meeting's facts, votes, action points and signatures
//! are tables; the footer numbers the pages ("Side 2 af 5"); the document's language is set.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Shading, Style, StyleType, Table as DocxTable, TableCell, TableRow, WidthType,
};

use super::json::MinutesDoc;
use super::layout::{Block, Layout, Table, TableKind, layout};
use crate::i18n::{Key, Lang};

/// A4 in twentieths of a point, and 2 cm margins.
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = (A4_WIDTH as usize) - 2 * (MARGIN as usize);

/// The whole minutes.docx.
pub fn render(doc: &MinutesDoc) -> Result<Vec<u8>, String> {
    let l = layout(doc);
    let mut docx = base(&l);
    docx = docx.add_paragraph(para(&l.title).style("Heading1"));
    if !l.date.is_empty() {
        docx = docx.add_paragraph(para(&l.date));
    }
    for b in &l.blocks {
        docx = add_block(docx, b);
    }
    let mut xml = docx.build();
    // docx-rs has no setting for the document language: add it to the default run properties.
    xml.styles = with_language(&xml.styles, doc.lang);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The BCP 47 tag Word expects in `w:lang`.
fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da-DK",
        Lang::Nb => "nb-NO",
        Lang::Nn => "nn-NO",
        Lang::En => "en-GB",
    }
}

fn with_language(styles: &[u8], lang: Lang) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let marker = "<w:rPrDefault><w:rPr>";
    let tag = language_tag(lang);
    let lang_el = format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA" />"#);
    text.replacen(marker, &format!("{marker}{lang_el}"), 1)
        .into_bytes()
}

/// Page, styles, running header and the page-numbered footer.
fn base(l: &Layout) -> Docx {
    let header_line = if l.date.is_empty() {
        l.title.clone()
    } else {
        format!("{} · {}", l.title, l.date)
    };
    let header =
        Header::new().add_paragraph(para(&header_line).size(16).align(AlignmentType::Right));
    let footer = Footer::new().add_paragraph(page_numbers(l.lang));
    Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_style(heading("Heading1", "heading 1", 0, 32))
        .add_style(heading("Heading2", "heading 2", 1, 26))
        .add_style(heading("Heading3", "heading 3", 2, 22))
        .header(header)
        .footer(footer)
}

fn heading(id: &str, name: &str, level: usize, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(240).after(80))
}

/// "Side {PAGE} af {NUMPAGES}", with Word filling in the fields.
fn page_numbers(lang: Lang) -> Paragraph {
    let pattern = Key::PageOf.get(lang);
    let (before, rest) = pattern.split_once("{n}").unwrap_or((pattern, ""));
    let (middle, after) = rest.split_once("{total}").unwrap_or((rest, ""));
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(before).size(18))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(middle).size(18))
        .add_num_pages(NumPages::new())
        .add_run(Run::new().add_text(after).size(18))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn add_block(docx: Docx, b: &Block) -> Docx {
    match b {
        Block::Facts(rows) => docx.add_table(facts(rows)).add_paragraph(Paragraph::new()),
        Block::Notice(s) => {
            docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(s).italic()))
        }
        // Word keeps a heading on the page of what follows it.
        Block::Heading { text, .. } => {
            docx.add_paragraph(para(text).style("Heading2").keep_next(true))
        }
        Block::Label(s) => docx.add_paragraph(para(s).style("Heading3").keep_next(true)),
        Block::Para(s) => docx.add_paragraph(para(s)),
        Block::Aside(s) => {
            docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(s).italic()))
        }
        Block::Field(label, value) => docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{label}: ")).bold())
                .add_run(Run::new().add_text(value)),
        ),
        Block::Bullets(lines) => lines
            .iter()
            .fold(docx, |d, l| d.add_paragraph(para(&format!("•\u{a0}{l}")))),
        Block::Clauses(clauses) => clauses.iter().fold(docx, |d, c| {
            let mark = c
                .number
                .map_or_else(|| "•".to_string(), |n| format!("{n}."));
            let mut p =
                Paragraph::new().add_run(Run::new().add_text(format!("{mark}\u{a0}{}", c.text)));
            if let Some(o) = c.outcome {
                p = p.add_run(Run::new().add_text(format!(" — {o}")).italic());
            }
            d.add_paragraph(p)
        }),
        Block::Table(t) => docx.add_table(table(t)).add_paragraph(Paragraph::new()),
    }
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(text))
}

fn head_cell(text: &str) -> TableCell {
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text).bold()))
        .shading(Shading::new().fill("EEEEEE"))
}

fn facts(rows: &[(&'static str, String)]) -> DocxTable {
    DocxTable::new(
        rows.iter()
            .map(|(label, value)| {
                TableRow::new(vec![
                    head_cell(label).width(2200, WidthType::Dxa),
                    cell(value).width(TEXT_WIDTH - 2200, WidthType::Dxa),
                ])
            })
            .collect(),
    )
    .width(TEXT_WIDTH, WidthType::Dxa)
}

fn table(t: &Table) -> DocxTable {
    let head = TableRow::new(t.head.iter().map(|h| head_cell(h)).collect());
    let rows = t.rows.iter().map(|row| {
        let r = TableRow::new(row.iter().map(|c| cell(c)).collect()).cant_split();
        match t.kind {
            // Room to sign.
            TableKind::Signatures => r.row_height(600.0),
            TableKind::Actions | TableKind::Votes => r,
        }
    });
    DocxTable::new(std::iter::once(head).chain(rows).collect()).width(TEXT_WIDTH, WidthType::Dxa)
}
