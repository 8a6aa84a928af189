//! The agenda's language as the importer guesses it from real documents: the Norwegian ones of
//! the shared corpus (`../shared/corpus`, beside the repository here and in CI) are told apart as
//! bokmål and nynorsk, and the Danish ones stay Danish.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::path::Path;

use referent::i18n::Lang;

fn corpus() -> Vec<(String, Lang, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the shared corpus") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let lang = match expected["language"].as_str().unwrap() {
            "da" => Lang::Da,
            "nb" => Lang::Nb,
            "nn" => Lang::Nn,
            "en" => Lang::En,
            other => panic!("{name}: language {other}"),
        };
        let text = std::fs::read(dir.join(format!("{stem}.txt"))).unwrap();
        docs.push((format!("{stem}.txt"), lang, text));
    }
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

#[test]
fn nynorsk_and_bokmaal_documents_are_told_apart() {
    let docs = corpus();
    let mut wrong = Vec::new();
    let mut counted = [0usize; 2];
    for (name, expected, text) in &docs {
        let index = match expected {
            Lang::Nb => 0,
            Lang::Nn => 1,
            Lang::Da | Lang::En => continue,
        };
        counted[index] += 1;
        let got = referent::agenda::parse(name, text, None)
            .unwrap()
            .agenda
            .language;
        if got != *expected {
            wrong.push(format!("{name}: {got:?}, expected {expected:?}"));
        }
    }
    assert!(counted[0] >= 5 && counted[1] >= 3, "{counted:?}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn danish_documents_stay_danish() {
    let wrong: Vec<String> = corpus()
        .iter()
        .filter(|(_, lang, _)| *lang == Lang::Da)
        .filter_map(|(name, _, text)| {
            let got = referent::agenda::parse(name, text, None)
                .ok()?
                .agenda
                .language;
            (got != Lang::Da).then(|| format!("{name}: {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
