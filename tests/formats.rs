//! Word documents, PDFs and saved web pages read directly: each generated document imports to
//! the same agenda as its plain-text twin, and damaged ones are refused with a message.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod docgen;

use referent::agenda::{self, Agenda, Format, ImportError};

fn import(name: &str, bytes: &[u8], format: Option<Format>) -> Agenda {
    let mut a = agenda::parse(name, bytes, format)
        .unwrap_or_else(|e| panic!("{e}\n{}", text_of(name, bytes)))
        .agenda;
    // Where an item starts in its source differs between two files of the same agenda.
    for item in &mut a.items {
        item.line = None;
    }
    a
}

/// The text a document was laid out as, for failure messages.
fn text_of(name: &str, bytes: &[u8]) -> String {
    let format = agenda::detect_document(name, bytes);
    agenda::document_text(bytes, format).unwrap_or_else(|(_, m)| m.text(referent::i18n::Lang::En))
}

/// Compares a document's agenda with the twin's, showing the document's text when they differ.
fn assert_reads_as_twin(name: &str, bytes: &[u8]) {
    let a = import(name, bytes, None);
    if a != twin() {
        panic!(
            "{name} differs from its twin\n--- text:\n{}\n--- agenda:\n{}\n--- twin:\n{}",
            text_of(name, bytes),
            a.to_json(),
            twin().to_json()
        );
    }
}

fn twin() -> Agenda {
    import("twin.txt", docgen::TWIN.as_bytes(), None)
}

fn refusal(name: &str, bytes: &[u8], format: Option<Format>) -> ImportError {
    match agenda::parse(name, bytes, format) {
        Ok(_) => panic!("{name} was read"),
        Err(e) => e,
    }
}

#[test]
fn the_twin_is_the_agenda_the_documents_hold() {
    let a = twin();
    let numbers: Vec<&str> = a.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert!(a.items[1].body.contains("Vestskolen"), "{:#?}", a.items[1]);
    assert!(!a.items[1].recommendation.is_empty(), "{:#?}", a.items[1]);
}

#[test]
fn word_document_reads_as_its_twin() {
    let bytes = docgen::agenda_docx();
    assert_eq!(agenda::detect_document("x.bin", &bytes), Some(Format::Docx));
    assert_reads_as_twin("dagsorden.docx", &bytes);
}

#[test]
fn word_headers_footers_and_deleted_text_are_not_content() {
    let body = docgen::para(Some("Titel"), None, "Møde")
        + &docgen::para(Some("Punkt"), None, "Budget")
        + "<w:p><w:r><w:t>Tekst </w:t></w:r><w:del><w:r><w:delText>slettet </w:delText></w:r></w:del>\
           <w:r><w:fldChar/><w:instrText>PAGE</w:instrText><w:t>med</w:t><w:tab/><w:t>tab</w:t></w:r></w:p>";
    let a = import("m.docx", &docgen::docx_with_body(&body), None);
    assert_eq!(a.items.len(), 1, "{a:#?}");
    assert_eq!(a.items[0].number, "1");
    assert_eq!(a.items[0].title, "Budget");
    assert_eq!(a.items[0].body, "Tekst med tab");
    let json = a.to_json();
    assert!(
        !json.contains("Side 1 af 1") && !json.contains("13.06.2022"),
        "{json}"
    );
}

#[test]
fn word_numbering_counts_levels_and_restarts() {
    // Items numbered by list 1; sub-points at level 1 restart below each item; list 3
    // restarts list 1's definition at 1 for a second section.
    let p = docgen::para;
    let body = p(None, Some((1, 0)), "Godkendelse af dagsorden")
        + &p(None, Some((1, 0)), "Budget")
        + &p(None, Some((1, 1)), "at budgettet godkendes")
        + &p(None, Some((1, 1)), "at tallene noteres")
        + &p(None, Some((1, 0)), "Eventuelt")
        + &p(None, Some((2, 0)), "et punkt i en punktopstilling")
        + &p(Some("Overskrift1"), Some((0, 0)), "Lukket dagsorden")
        + &p(None, Some((3, 0)), "Personalesag")
        + &p(None, Some((3, 0)), "Ejendomssag");
    let mut text_twin = String::from(
        "1. Godkendelse af dagsorden\n2. Budget\na) at budgettet godkendes\nb) at tallene noteres\n\
         3. Eventuelt\n- et punkt i en punktopstilling\n\nLukket dagsorden\n\n1. Personalesag\n2. Ejendomssag\n",
    );
    let from_word = import("n.docx", &docgen::docx_with_body(&body), None);
    assert_eq!(from_word, import("n.txt", text_twin.as_bytes(), None));
    // The typed-digit reading of the same text differs, so the comparison can fail.
    text_twin = text_twin.replace("2. Budget", "7. Budget");
    assert_ne!(from_word, import("n.txt", text_twin.as_bytes(), None));
}

#[test]
fn web_page_reads_as_its_twin_in_any_declared_charset() {
    for charset in ["utf-8", "windows-1252", "iso-8859-1"] {
        let bytes = docgen::agenda_html(charset);
        assert_eq!(agenda::detect_document("page", &bytes), Some(Format::Html));
        assert_reads_as_twin("dagsorden.html", &bytes);
        let a = import("dagsorden.html", &bytes, None);
        let json = a.to_json();
        for chrome in [
            "cookies",
            "Forside",
            "Dagsordener",
            "Rådhuset",
            "Not an item",
            "Neither",
        ] {
            assert!(!json.contains(chrome), "{charset}: {chrome} in {json}");
        }
    }
}

#[test]
fn web_page_lists_number_as_a_browser_shows_them() {
    // The portal splits the list around a paragraph and goes on with `start=`.
    let page = "<html><body><h1>Møde i bestyrelsen</h1><ol><li>Godkendelse af dagsorden</li>\
        <li>Referat fra sidste møde</li></ol><p>Pause</p><ol start=\"3\"><li>Budget<ol type=\"a\">\
        <li>Driften</li></ol></li><li>Eventuelt</li></ol></body></html>";
    let twin = "Møde i bestyrelsen\n\n1. Godkendelse af dagsorden\n2. Referat fra sidste møde\n\
        Pause\n3. Budget\na. Driften\n4. Eventuelt\n";
    let from_page = import("p.html", page.as_bytes(), None);
    assert_eq!(from_page, import("p.txt", twin.as_bytes(), None));
    let restarted = twin
        .replace("3. Budget", "1. Budget")
        .replace("4. Eventuelt", "2. Eventuelt");
    assert_ne!(from_page, import("p.txt", restarted.as_bytes(), None));
}

#[test]
fn pdf_reads_as_its_twin() {
    // 12 lines a page: the long paragraph of item 2 runs over a page break.
    for per_page in [12, 20] {
        let bytes = docgen::agenda_pdf(per_page);
        assert_eq!(agenda::detect_document("x", &bytes), Some(Format::Pdf));
        assert_reads_as_twin(&format!("dagsorden-{per_page}.pdf"), &bytes);
        let kerned = docgen::agenda_pdf_kerned(per_page);
        assert_reads_as_twin(&format!("kerned-{per_page}.pdf"), &kerned);
    }
}

#[test]
fn a_scanned_pdf_is_refused_by_name() {
    let e = refusal("scan.pdf", &docgen::scanned_pdf(), None);
    assert_eq!(e.line, None);
    let shown = e.to_string();
    assert!(shown.starts_with("scan.pdf: "), "{shown}");
    assert!(shown.contains("no text layer"), "{shown}");
}

#[test]
fn damaged_documents_are_refused_with_the_file_name() {
    let docx = docgen::agenda_docx();
    let pdf = docgen::agenda_pdf(40);
    let cases: [(&str, Vec<u8>, Option<Format>); 5] = [
        ("cut.docx", docx[..docx.len() / 2].to_vec(), None),
        ("cut.pdf", pdf[..200].to_vec(), None),
        ("not.docx", b"plain words".to_vec(), Some(Format::Docx)),
        ("not.pdf", b"plain words".to_vec(), Some(Format::Pdf)),
        (
            "other.zip",
            docgen::package(&[("readme.txt", "hello".into())]),
            Some(Format::Docx),
        ),
    ];
    for (name, bytes, format) in cases {
        let e = refusal(name, &bytes, format);
        assert!(e.to_string().starts_with(&format!("{name}: ")), "{e}");
    }
}

#[test]
fn binary_junk_is_still_refused_as_binary() {
    let e = refusal(
        "junk.bin",
        b"\x00\x01\x02\x03\x04\x05garbage\x00\x00\x00",
        None,
    );
    assert!(e.to_string().contains("binary"), "{e}");
}

fn referent(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_referent"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn markdown_printed_from_a_pdf_runs_as_the_same_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("dagsorden.pdf");
    std::fs::write(&pdf, docgen::agenda_pdf(12)).unwrap();
    let pdf = pdf.to_str().unwrap();
    let md = referent(&["agenda", pdf, "--markdown"]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let fixed = dir.path().join("fixed.md");
    std::fs::write(&fixed, &md.stdout).unwrap();
    let from_md = referent(&["agenda", fixed.to_str().unwrap(), "--json"]);
    let from_pdf = referent(&["agenda", pdf, "--json"]);
    assert!(from_md.status.success());
    assert_eq!(
        String::from_utf8_lossy(&from_md.stdout),
        String::from_utf8_lossy(&from_pdf.stdout)
    );
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# Børne- og Skoleudvalget"));
}

#[test]
fn check_of_a_damaged_word_file_names_it_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let docx = docgen::agenda_docx();
    let path = dir.path().join("cut.docx");
    std::fs::write(&path, &docx[..docx.len() / 3]).unwrap();
    let path = path.to_str().unwrap();
    for command in ["check", "agenda"] {
        let out = referent(&[command, path]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(&format!("{path}: ")), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
