//! Throughput of recognition and normalisation on one core, over text built
//! from our own news-like sentences.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_time::TimeTagger;

const SENTENCES: &[&str] = &[
    "Security forces said on Monday that 14 militants were killed in a raid near the border.",
    "The group was formed in 2014 and declared a new province in January 2015.",
    "Talks are expected to resume on Saturday, officials told reporters at 3 p.m. local time.",
    "Prices have risen by a third over the past three years, the central bank said in its report.",
    "A 1,000-strong force was deployed to the district, which has about 379480 residents.",
    "Two days later the convoy reached the capital, where protests have continued every Friday.",
    "The ministry released figures for the first quarter of 2023 late last week.",
    "In recent days, the opposition leader has called for early elections this year.",
    "The ceasefire, agreed on 18 February 2023, collapsed in early March amid shelling.",
    "Witnesses described a chaotic scene as crowds gathered outside the hospital.",
];

fn corpus(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        s.push(if i % 7 == 6 { '\n' } else { ' ' });
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let tagger = TimeTagger::default();
    let dct = NaiveDate::from_ymd_opt(2023, 2, 18);
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("annotate_1MiB", |b| b.iter(|| tagger.annotate(&text, dct)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
