//! No bytes given as a Word document, PDF or web page panic the importer: arbitrary bytes, and
//! valid generated documents with bytes changed or cut off.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

mod docgen;

use proptest::prelude::*;
use referent::agenda::{self, Format};

const DOCUMENTS: [Format; 3] = [Format::Docx, Format::Pdf, Format::Html];

fn read_all_ways(bytes: &[u8]) {
    for format in DOCUMENTS {
        // Either an agenda or a message; what matters is that it returns.
        let _ = agenda::parse("doc", bytes, Some(format));
    }
    let _ = agenda::parse("doc", bytes, None);
}

/// Changes `edits` bytes at positions drawn by proptest and maybe cuts the end off.
fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    for &(at, value) in edits {
        let len = bytes.len();
        if len > 0 {
            bytes[at % len] = value;
        }
    }
    if let Some(c) = cut {
        let keep = c % (bytes.len() + 1);
        bytes.truncate(keep);
    }
    bytes
}

fn valid_documents() -> Vec<Vec<u8>> {
    vec![
        docgen::agenda_docx(),
        docgen::agenda_pdf(12),
        docgen::agenda_html("utf-8"),
        docgen::agenda_html("windows-1252"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        read_all_ways(&bytes);
    }

    #[test]
    fn bytes_behind_a_document_magic_never_panic(
        magic in prop::sample::select(vec![&b"%PDF-1.7\n"[..], b"PK\x03\x04", b"<!DOCTYPE html><html>"]),
        rest in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        let mut bytes = magic.to_vec();
        bytes.extend(rest);
        read_all_ways(&bytes);
    }

    #[test]
    fn mutated_documents_never_panic(
        which in 0usize..4,
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..12),
        cut in prop::option::of(any::<usize>()),
    ) {
        let doc = valid_documents().swap_remove(which);
        read_all_ways(&mutate(doc, &edits, cut));
    }
}

/// Nesting far deeper than any document (the HTML parser itself takes time quadratic in the
/// depth, so the depth stays where that is still quick).
#[test]
fn deeply_nested_markup_returns() {
    let page = "<div>".repeat(5_000) + "1. Budget" + &"</div>".repeat(5_000);
    let _ = agenda::parse("deep.html", page.as_bytes(), None);
    let mut xml = String::new();
    for _ in 0..5_000 {
        xml.push_str("<w:sdt><w:sdtContent>");
    }
    xml.push_str(&docgen::para(None, None, "1. Budget"));
    for _ in 0..5_000 {
        xml.push_str("</w:sdtContent></w:sdt>");
    }
    let _ = agenda::parse(
        "deep.docx",
        &docgen::docx_with_body(&xml),
        Some(Format::Docx),
    );
}
