//! Throughput of the tokenizer and sentence splitter on news-like text.
//!
//! The corpus is made from the project's own golden articles: their
//! paragraphs, reshuffled with a fixed-seed generator and repeated until the
//! text is over 2 MB, so the branch predictor cannot learn one article.
//!
//! `cargo bench -p dossier-text --bench segment`
//!
//! Each case is timed twice: in wall-clock time (`segment/...`), and in the
//! CPU time of the benchmark thread (`segment-cpu/...`). The second figure is
//! the single-core throughput even when the machine is shared and the thread
//! spends much of the wall-clock time waiting for a core.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dossier_text::{tokenize, Tokens};

const ARTICLES: [&str; 4] = [
    include_str!("../test_data/segment/kabul_airport.txt"),
    include_str!("../test_data/segment/sahel_convoy.txt"),
    include_str!("../test_data/segment/bogota_talks.txt"),
    include_str!("../test_data/segment/mogadishu_siege.txt"),
];

const TARGET_BYTES: usize = 2 << 20;

fn corpus() -> String {
    let paragraphs: Vec<&str> = ARTICLES
        .iter()
        .flat_map(|a| a.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A 64-bit linear congruential generator (Knuth's MMIX constants): a
    // fixed, dependency-free shuffle is all a benchmark corpus needs.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = String::with_capacity(TARGET_BYTES + 4096);
    while out.len() < TARGET_BYTES {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let p = paragraphs[(state >> 33) as usize % paragraphs.len()];
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}

/// The CPU time this thread has used so far.
fn thread_cpu_time() -> Duration {
    dossier_text::cpu::thread_cpu_time().expect("the thread CPU clock is readable")
}

/// Tokenizes and splits `text` as `segment` does for one document,
/// allocation of the layers included, and returns the sentence count.
fn segment_text(text: &str) -> usize {
    let mut tokens = Tokens::default();
    tokenize::tokenize_into(text, &mut tokens);
    tokenize::split_sentences(text, &tokens).len()
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut tokens = Tokens::default();
    tokenize::tokenize_into(&text, &mut tokens);
    eprintln!(
        "corpus: {} bytes, {} tokens, {} sentences",
        text.len(),
        tokens.len(),
        segment_text(&text)
    );

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let mut buf = Tokens::default();
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            buf.clear();
            tokenize::tokenize_into(black_box(&text), &mut buf);
            buf.len()
        })
    });
    group.bench_function("split_sentences", |b| {
        b.iter(|| tokenize::split_sentences(black_box(&text), &tokens).len())
    });
    group.bench_function("tokenize+split", |b| {
        b.iter(|| segment_text(black_box(&text)))
    });
    group.finish();

    let mut group = c.benchmark_group("segment-cpu");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("tokenize+split", |b| {
        b.iter_custom(|iters| {
            let start = thread_cpu_time();
            for _ in 0..iters {
                black_box(segment_text(black_box(&text)));
            }
            thread_cpu_time() - start
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
