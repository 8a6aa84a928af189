//! Writing the minutes at the end of the seed meeting (sessions/2022-03-14-…): all five formats
//! (md, json, docx, pdf, html), each to a temporary file renamed into place. Target: under 200 ms.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use referent::minutes::{self, Format, MinutesDoc, Options};
use referent::session::store;

fn bench(c: &mut Criterion) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/2022-03-14-centerledermoede-d-14-03-2022");
    let meeting = store::load(&seed)
        .map(|l| l.meeting())
        .unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lang = meeting.agenda.language;
    c.bench_function("write all five formats of the seed meeting", |b| {
        b.iter(|| {
            let doc = MinutesDoc::with_options(&meeting, lang, Options::default());
            let written = minutes::write_files(out.path(), &doc, &Format::ALL);
            black_box(written.map(|w| w.len()).unwrap_or(0))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
