//! Throughput of `signature` on news-length articles.
//!
//! The inputs are the bundled pair-set articles (`test_data/pairs/articles`),
//! cut or repeated to exactly 400 words each, so the figure reads directly
//! as articles of 400 words per second on one core.
//!
//! `cargo bench -p dossier-dedup --bench signature`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier_dedup::signature;

fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/pairs/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the bundled articles are in test_data/pairs/articles")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .take(64)
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let words: Vec<&str> = text.split_whitespace().collect();
            words
                .iter()
                .cycle()
                .take(400)
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("signature");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("400-word articles", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(signature(black_box(a)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
