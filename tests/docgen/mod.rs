//! Documents made for the tests: one agenda as plain text (the twin) and as a Word document,
//! a PDF and a saved web page, each laid out the way its kind of file holds it.

#![allow(dead_code)]

use std::io::Write;

/// The agenda as a text agenda, the layout every document is read into.
pub const TWIN: &str = "Børne- og Skoleudvalget

Mødedato: 13. juni 2022
Mødetidspunkt: kl. 16.00-17.30
Mødested: Byrådssalen

1. Godkendelse af dagsorden (16:00-16:05)

Sagsnr.: 22/4411
Indstilling:
Det indstilles, at dagsordenen godkendes.

2. Skolestruktur - høring (16:05-16:45)

Sagsnr.: 22/2210
Byrådet har bedt udvalget om at sende forslag til ny skolestruktur i høring. Forslaget samler overbygningen fra tre skoler på to matrikler, og der lægges op til en grundig høringsperiode med borgermøder på alle de berørte skoler i løbet af efteråret.
Skole | Elever | Klasser
Vestskolen | 412 | 18
Østskolen | 388 | 16
Indstilling:
Det indstilles, at høringsmaterialet godkendes.

3. Orientering om elevtrivsel på mellemtrinnet og i udskolingen efter den nationale måling (16:45-17:00)

Den nationale trivselsmåling viser en lille fremgang i social trivsel på mellemtrinnet, mens udskolingen ligger på niveau med sidste år. Forvaltningen følger op med skolernes ledelser.

4. Eventuelt (17:00-17:10)
";

/// Item headings of the twin: (title with slot, case number, body paragraphs, table rows,
/// recommendation).
pub struct Item {
    pub title: &'static str,
    pub case: Option<&'static str>,
    pub body: &'static [&'static str],
    pub table: &'static [&'static [&'static str]],
    pub recommendation: Option<&'static str>,
}

pub const TITLE: &str = "Børne- og Skoleudvalget";
pub const FACTS: &[&str] = &[
    "Mødedato: 13. juni 2022",
    "Mødetidspunkt: kl. 16.00-17.30",
    "Mødested: Byrådssalen",
];

pub const ITEMS: &[Item] = &[
    Item {
        title: "Godkendelse af dagsorden (16:00-16:05)",
        case: Some("22/4411"),
        body: &[],
        table: &[],
        recommendation: Some("Det indstilles, at dagsordenen godkendes."),
    },
    Item {
        title: "Skolestruktur - høring (16:05-16:45)",
        case: Some("22/2210"),
        body: &[
            "Byrådet har bedt udvalget om at sende forslag til ny skolestruktur i høring. Forslaget samler overbygningen fra tre skoler på to matrikler, og der lægges op til en grundig høringsperiode med borgermøder på alle de berørte skoler i løbet af efteråret.",
        ],
        table: &[
            &["Skole", "Elever", "Klasser"],
            &["Vestskolen", "412", "18"],
            &["Østskolen", "388", "16"],
        ],
        recommendation: Some("Det indstilles, at høringsmaterialet godkendes."),
    },
    Item {
        title: "Orientering om elevtrivsel på mellemtrinnet og i udskolingen efter den nationale måling (16:45-17:00)",
        case: None,
        body: &[
            "Den nationale trivselsmåling viser en lille fremgang i social trivsel på mellemtrinnet, mens udskolingen ligger på niveau med sidste år. Forvaltningen følger op med skolernes ledelser.",
        ],
        table: &[],
        recommendation: None,
    },
    Item {
        title: "Eventuelt (17:00-17:10)",
        case: None,
        body: &[],
        table: &[],
        recommendation: None,
    },
];

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

// ---------------------------------------------------------------- Word

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// A .docx package from its parts, deflated as Word writes them.
pub fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A paragraph: style, direct numbering (numId, ilvl) and runs; a `\t` in the text is a tab.
pub fn para(style: Option<&str>, num: Option<(u32, u32)>, text: &str) -> String {
    let mut ppr = String::new();
    if let Some(s) = style {
        ppr.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
    }
    if let Some((id, level)) = num {
        ppr.push_str(&format!(
            "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
        ));
    }
    // Split the text over several runs, as Word does after edits.
    let runs: String = text
        .split_inclusive(' ')
        .collect::<Vec<_>>()
        .chunks(3)
        .map(|words| {
            format!(
                "<w:r><w:rPr><w:lang w:val=\"da-DK\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml_escape(&words.concat())
            )
        })
        .collect();
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

pub fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<w:tc><w:tcPr/>{}</w:tc>", para(None, None, c)))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl><w:tblPr/>{rows}</w:tbl>")
}

pub fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {W_NS}><w:body>{body}\
         <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/><w:footerReference w:type=\"default\" r:id=\"rId2\"/></w:sectPr></w:body></w:document>"
    )
}

/// Styles as Word names them in a Danish installation: ids in Danish, names in English.
pub fn styles() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles {W_NS}>\
         <w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Overskrift1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>\
           <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Punkt\"><w:name w:val=\"Agenda point\"/><w:basedOn w:val=\"Overskrift1\"/></w:style>\
         </w:styles>"
    )
}

/// List 1 numbers the item headings `1.`, `2.`; list 2 is a bullet list; list 3 is list 1's
/// definition restarted at 1.
pub fn numbering() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {W_NS}>\
         <w:abstractNum w:abstractNumId=\"0\">\
           <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
           <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>\
         </w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         <w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
         </w:numbering>"
    )
}

fn header_part(kind: &str, text: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:{kind} {W_NS}>{}</w:{kind}>",
        para(None, None, text)
    )
}

/// A full package around a body.
pub fn docx_with_body(body: &str) -> Vec<u8> {
    package(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                .into(),
        ),
        ("word/document.xml", document(body)),
        ("word/styles.xml", styles()),
        ("word/numbering.xml", numbering()),
        ("word/header1.xml", header_part("hdr", "Børne- og Skoleudvalget 13.06.2022")),
        ("word/footer1.xml", header_part("ftr", "Side 1 af 1")),
    ])
}

/// The agenda as Word holds it: the item headings numbered by their style's list, the
/// numbers not typed.
pub fn agenda_docx() -> Vec<u8> {
    let mut body = para(Some("Titel"), None, TITLE);
    for f in FACTS {
        body += &para(None, None, f);
    }
    for item in ITEMS {
        body += &para(Some("Overskrift1"), None, item.title);
        if let Some(c) = item.case {
            body += &para(None, None, &format!("Sagsnr.: {c}"));
        }
        for b in item.body {
            body += &para(None, None, b);
        }
        if !item.table.is_empty() {
            body += &table(item.table);
        }
        if let Some(r) = item.recommendation {
            body += &para(None, None, "Indstilling:");
            body += &para(None, None, r);
        }
    }
    docx_with_body(&body)
}

// ---------------------------------------------------------------- HTML

/// The agenda as a municipal portal serves it: chrome around, items in an ordered list that
/// the page splits (`start=`), tables for the data. Encoded as `charset` says.
pub fn agenda_html(charset: &str) -> Vec<u8> {
    let mut main = format!("<h1>{TITLE}</h1>\n<div class=\"meta\">");
    for f in FACTS {
        main += &format!("<p>{f}</p>");
    }
    main += "</div>\n";
    for (i, item) in ITEMS.iter().enumerate() {
        let mut content = format!("<h2>{}</h2>", item.title);
        if let Some(c) = item.case {
            content += &format!("<p>Sagsnr.: <a href=\"/sag/{c}\">{c}</a></p>");
        }
        for b in item.body {
            // The source wraps long lines; the browser does not show the breaks.
            content += &format!("<p>{}</p>", b.replacen(". ", ".\n      ", 1));
        }
        if !item.table.is_empty() {
            content += "<table><thead>";
            for (r, row) in item.table.iter().enumerate() {
                let tag = if r == 0 { "th" } else { "td" };
                let cells: String = row.iter().map(|c| format!("<{tag}>{c}</{tag}>")).collect();
                content += &format!("<tr>{cells}</tr>");
                if r == 0 {
                    content += "</thead><tbody>";
                }
            }
            content += "</tbody></table>";
        }
        if let Some(r) = item.recommendation {
            content +=
                &format!("<div class=\"indstilling\"><strong>Indstilling:</strong><br>{r}</div>");
        }
        main += &format!("<ol start=\"{}\"><li>{content}</li></ol>\n", i + 1);
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"{charset}\"><title>Dagsorden</title>\
         <style>h2 {{ color: red }}</style><script>var x = \"1. Not an item\";</script></head>\n\
         <body><div id=\"cookie-banner\"><p>Vi bruger cookies. Accepter alle</p></div>\n\
         <header><a href=\"/\">Forside</a> Kommune</header>\n\
         <nav><ul><li>Politik</li><li>Dagsordener</li></ul></nav>\n\
         <main>{main}</main>\n<footer><p>Kommunen · Rådhuset · 1234 By</p></footer>\n\
         <script>document.write('2. Neither')</script></body></html>\n"
    );
    match encoding_rs::Encoding::for_label(charset.as_bytes()) {
        Some(enc) => enc.encode(&page).0.into_owned(),
        None => page.into_bytes(),
    }
}

// ---------------------------------------------------------------- PDF

/// A4 in points.
const PAGE_W: f64 = 595.0;
const PAGE_H: f64 = 842.0;
const LEFT: f64 = 72.0;
const BODY_PT: f64 = 11.0;
const LEADING: f64 = 14.0;
/// Characters in a wrapped body line (Helvetica 11 pt across 451 pt is about 85).
const WRAP: usize = 80;

/// One line to set: font (`F1` regular, `F2` bold), size, x, and text cells at x offsets.
struct Set {
    font: &'static str,
    size: f64,
    cells: Vec<(f64, String)>,
    space_before: f64,
}

fn set(font: &'static str, size: f64, text: &str) -> Set {
    Set {
        font,
        size,
        cells: vec![(LEFT, text.to_string())],
        space_before: 0.0,
    }
}

/// Greedy wrapping at word boundaries, as a word processor does.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().unwrap();
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// The agenda's lines as a word processor sets them: headings in bold and larger, wrapped
/// paragraphs, tables in columns.
fn agenda_lines() -> Vec<Set> {
    let mut out = vec![set("F2", 18.0, TITLE)];
    for f in FACTS {
        out.push(set("F1", BODY_PT, f));
    }
    for (i, item) in ITEMS.iter().enumerate() {
        // A long title wraps onto a second heading line.
        for (n, line) in wrap(&format!("{}. {}", i + 1, item.title), 55)
            .iter()
            .enumerate()
        {
            let mut h = set("F2", 14.0, line);
            h.space_before = if n == 0 { 10.0 } else { 0.0 };
            out.push(h);
        }
        if let Some(c) = item.case {
            out.push(set("F1", BODY_PT, &format!("Sagsnr.: {c}")));
        }
        for b in item.body {
            for line in wrap(b, WRAP) {
                out.push(set("F1", BODY_PT, &line));
            }
        }
        for row in item.table {
            out.push(Set {
                font: "F1",
                size: BODY_PT,
                cells: row
                    .iter()
                    .enumerate()
                    .map(|(c, text)| (LEFT + 130.0 * c as f64, text.to_string()))
                    .collect(),
                space_before: 0.0,
            });
        }
        if let Some(r) = item.recommendation {
            out.push(set("F1", BODY_PT, "Indstilling:"));
            out.push(set("F1", BODY_PT, r));
        }
    }
    out
}

fn pdf_string(text: &str) -> lopdf::Object {
    let bytes = encoding_rs::WINDOWS_1252.encode(text).0.into_owned();
    lopdf::Object::string_literal(bytes)
}

/// The agenda as a PDF: `per_page` lines on a page, a running header and a `Side N af M`
/// footer on every page; each line its own text object, as most producers write them.
pub fn agenda_pdf(per_page: usize) -> Vec<u8> {
    let lines = agenda_lines();
    let pages: Vec<&[Set]> = lines.chunks(per_page).collect();
    pdf_from_pages(&pages, true)
}

/// The agenda as a PDF whose body is one text object a page: lines reached by `T*` and
/// `Td` moves, words kerned in `TJ` arrays, as word processors write them.
pub fn agenda_pdf_kerned(per_page: usize) -> Vec<u8> {
    let lines = agenda_lines();
    let pages: Vec<&[Set]> = lines.chunks(per_page).collect();
    pdf_from_pages_with(&pages, true, body_as_one_text_object)
}

/// A PDF of pages of lines; `furniture` adds the header and footer.
fn pdf_from_pages(pages: &[&[Set]], furniture: bool) -> Vec<u8> {
    pdf_from_pages_with(pages, furniture, body_line_by_line)
}

type BodyOps = fn(&[Set]) -> Vec<lopdf::content::Operation>;

/// Each line (and each table cell) its own text object at an absolute position.
fn body_line_by_line(page: &[Set]) -> Vec<lopdf::content::Operation> {
    let mut ops = Vec::new();
    let mut y = 750.0;
    for line in page {
        y -= line.space_before;
        for (x, text) in &line.cells {
            ops.extend(text_op(line.font, line.size, *x, y, text));
        }
        y -= LEADING.max(line.size * 1.25);
    }
    ops
}

/// One text object: relative moves between lines and cells, words as `TJ` arrays with a
/// kerning adjustment between each pair of letters at the start of a word.
fn body_as_one_text_object(page: &[Set]) -> Vec<lopdf::content::Operation> {
    use lopdf::Object;
    use lopdf::content::Operation;
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Td", vec![LEFT.into(), 750.0.into()]),
    ];
    for (n, line) in page.iter().enumerate() {
        let leading = LEADING.max(line.size * 1.25);
        if n > 0 {
            ops.push(Operation::new("TL", vec![leading.into()]));
            ops.push(Operation::new("T*", vec![]));
        }
        if line.space_before > 0.0 {
            ops.push(Operation::new(
                "Td",
                vec![0.into(), (-line.space_before).into()],
            ));
        }
        ops.push(Operation::new(
            "Tf",
            vec![line.font.into(), line.size.into()],
        ));
        let mut at = LEFT;
        for (x, text) in &line.cells {
            if *x != at {
                ops.push(Operation::new("Td", vec![(x - at).into(), 0.into()]));
                at = *x;
            }
            let mut parts: Vec<Object> = Vec::new();
            for (i, ch) in text.char_indices() {
                if i == 1 {
                    parts.push(Object::Real(-20.0));
                    parts.push(pdf_string(&text[i..]));
                    break;
                }
                parts.push(pdf_string(&ch.to_string()));
            }
            ops.push(Operation::new("TJ", vec![Object::Array(parts)]));
        }
        if at != LEFT {
            ops.push(Operation::new("Td", vec![(LEFT - at).into(), 0.into()]));
        }
    }
    ops.push(Operation::new("ET", vec![]));
    ops
}

fn text_op(font: &str, size: f64, x: f64, y: f64, text: &str) -> Vec<lopdf::content::Operation> {
    use lopdf::content::Operation;
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec![font.into(), size.into()]),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new("Tj", vec![pdf_string(text)]),
        Operation::new("ET", vec![]),
    ]
}

fn pdf_from_pages_with(pages: &[&[Set]], furniture: bool, body: BodyOps) -> Vec<u8> {
    use lopdf::content::Content;
    use lopdf::{Document, Object, Stream, dictionary};

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => name.to_string(),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let f1 = doc.add_object(font("Helvetica"));
    let f2 = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2 },
    });
    let total = pages.len();
    let mut kids = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        if furniture {
            ops.extend(text_op(
                "F1",
                9.0,
                LEFT,
                800.0,
                "Børne- og Skoleudvalget · Dagsorden 13. juni 2022",
            ));
            ops.extend(text_op(
                "F1",
                9.0,
                PAGE_W / 2.0 - 25.0,
                40.0,
                &format!("Side {} af {total}", n + 1),
            ));
        }
        ops.extend(body(page));
        let content = Content { operations: ops };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        });
        kids.push(Object::Reference(page_id));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => total as i64,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF whose pages hold no text, as a scanner writes them (an image would be drawn; a
/// rectangle stands in for it).
pub fn scanned_pdf() -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let ops = vec![
        Operation::new("re", vec![10.into(), 10.into(), 500.into(), 700.into()]),
        Operation::new("f", vec![]),
    ];
    let stream = doc.add_object(Stream::new(
        dictionary! {},
        Content { operations: ops }.encode().unwrap(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
