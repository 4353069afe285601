//! Throughput of the extractor on generated documents with gold markup.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_extract::{fixture, Extractor};
use dossier_text::Component;

const SENTENCES: &[&str] = &[
    "[Tehreek-e-Labbaik]{ORG#1} leader [Saad Rizvi]{PERSON#2} told supporters in [Lahore]{GPE#3} that the march would go on.",
    "“We will not bow to pressure from [Islamabad]{GPE#4},” said [Rizvi]{PERSON#2}.",
    "[Hafiz Gul Bahadur]{PERSON#5}, a commander of the [Tehrik-i-Taliban Pakistan]{ORG#6}, claimed responsibility for the attack on [police]{ORG#7} in [Bannu]{GPE#8}.",
    "[Pakistan]{GPE#9} accused [Afghanistan]{GPE#10} of sheltering the militants, while [the Taliban]{ORG#11} denied that [they]{ORG#11} had any role.",
];

fn bench(c: &mut Criterion) {
    let marked: String = (0..50)
        .map(|i| SENTENCES[i % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let doc = fixture::document(&marked).expect("bench fixture parses");
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(doc.text().len() as u64));
    group.bench_function("process", |b| {
        b.iter(|| {
            let mut d = doc.clone();
            extractor.process(&mut d);
            d.events.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
