//! Tagging throughput on one core over 200k+ tokens of generated news text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_ner::{newsgen::news_text, NerTagger};
use dossier_text::{tokenize, Component, DocMeta, Document};

fn bench(c: &mut Criterion) {
    let tagger = NerTagger::embedded().expect("embedded model");
    let text = news_text(220_000, 7);
    let docs: Vec<Document> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let mut d = Document::new(b.to_string(), DocMeta::default());
            tokenize::segment(&mut d);
            d
        })
        .collect();
    let n_tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    assert!(n_tokens >= 200_000, "only {n_tokens} tokens");
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(10);
    g.bench_function("tag_220k_tokens", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let mut d = d.clone();
                tagger.process(&mut d);
                n += d.mentions.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
