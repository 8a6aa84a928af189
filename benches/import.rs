//! Importing a 1,000-item agenda, as plain text and as Markdown. Budget: under 20 ms each.
//!
//! Measured twice: wall-clock time (criterion's default) and the CPU time of the benchmark
//! thread, which stays meaningful on a machine busy with other work.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::wildcard_enum_match_arm
)]

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, criterion_group, criterion_main};
use referent::agenda;

/// CPU time of the calling thread, in nanoseconds.
struct ThreadCpu {
    wall: WallTime,
}

fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is a constant.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
    } else {
        0
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall-clock time: the same formatting applies.
        self.wall.formatter()
    }
}

/// A plain-text agenda in the seed's layout, with a table of contents and page footers.
fn text_agenda(items: usize) -> String {
    let mut s = String::from(
        "DAGSORDEN Stort møde d. 14-03-2022\n\nMødedato Mandag d. 14. marts 2022 kl. 08:00\n\n\
         Mødested Rådhuset\n\nIndholdsfortegnelse\n\n",
    );
    for i in 1..=items {
        s.push_str(&format!("Emne {i}.....\t{}\n", i + 2));
    }
    for i in 1..=items {
        let (h, m) = (8 + (i / 60) % 14, i % 60);
        s.push_str(&format!(
            "\nPunkt {i}: Emne nummer {i}\n\n85.02.02P35-25-19\n\nSagsfremstilling\n\n\
             ({h:02}:{m:02} - {h:02}:{m:02})\n\nBaggrunden for punktet er beskrevet her i et afsnit \
             af en vis længde, som man ser det i rigtige dagsordener.\n\n- første stikord\n\
             - andet stikord\n\nDet indstilles,\n\nat punkt {i} drøftes og at der følges op.\n\n\
             Bilag\n\nBilag til punkt {i}\n\nStort møde 14-03-2022 Side {i} af {items}\n\u{c}"
        ));
    }
    s
}

fn markdown_agenda(items: usize) -> String {
    let mut s = String::from("# Stort møde\n\nDato: 2022-03-14\nStart: 08:00\nSted: Rådhuset\n\n");
    for i in 1..=items {
        s.push_str(&format!(
            "## {i}. Emne nummer {i} (5 min)\n\nSagsnr.: 85.02.02P35-25-19\n\n\
             Baggrunden for punktet er beskrevet her i et afsnit af en vis længde.\n\n\
             - første stikord\n- andet stikord\n\n### Indstilling\n\n- at punkt {i} drøftes\n\
             - at der følges op\n\n### Bilag\n\n- Bilag til punkt {i}\n\n"
        ));
    }
    s
}

fn bench<M: Measurement + 'static>(c: &mut Criterion<M>, label: &str) {
    let text = text_agenda(1000);
    let md = markdown_agenda(1000);
    // Sanity: the benchmark measures a real import of every item.
    assert_eq!(
        agenda::parse("a.txt", text.as_bytes(), None)
            .unwrap()
            .agenda
            .items
            .len(),
        1000
    );
    assert_eq!(
        agenda::parse("a.md", md.as_bytes(), None)
            .unwrap()
            .agenda
            .items
            .len(),
        1000
    );
    c.bench_function(&format!("import 1000-item text agenda ({label})"), |b| {
        b.iter(|| agenda::parse("a.txt", std::hint::black_box(text.as_bytes()), None))
    });
    c.bench_function(
        &format!("import 1000-item markdown agenda ({label})"),
        |b| b.iter(|| agenda::parse("a.md", std::hint::black_box(md.as_bytes()), None)),
    );
}

fn wall(c: &mut Criterion) {
    bench(c, "wall clock");
}

fn cpu(c: &mut Criterion<ThreadCpu>) {
    bench(c, "thread CPU");
}

criterion_group!(wall_clock, wall);
criterion_group! {
    name = thread_cpu;
    config = Criterion::default().with_measurement(ThreadCpu { wall: WallTime });
    targets = cpu
}
criterion_main!(wall_clock, thread_cpu);
