//! Tagging throughput on one core over 200k+ tokens of generated news text.
//!
//! Two measurements of the same work: `tag_220k_tokens` is wall-clock time
//! (criterion's default); `tag_220k_tokens_cpu` is this thread's CPU time,
//! read from the POSIX thread CPU clock (nanoseconds on a CPU), which
//! stays meaningful on a machine shared with other jobs, where wall time
//! also counts the time the thread waited for a core. Run pinned to one
//! core: `taskset -c 0 cargo bench -p dossier-ner`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_ner::{newsgen::news_text, NerTagger};
use dossier_text::cpu::thread_cpu_time;
use dossier_text::{tokenize, Component, DocMeta, Document};

fn tag_all(tagger: &NerTagger, docs: &[Document]) -> usize {
    let mut n = 0;
    for d in docs {
        let mut d = d.clone();
        tagger.process(&mut d);
        n += d.mentions.len();
    }
    n
}

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
    g.bench_function("tag_220k_tokens", |b| b.iter(|| tag_all(&tagger, &docs)));
    if thread_cpu_time().is_some() {
        g.bench_function("tag_220k_tokens_cpu", |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu_time().unwrap_or_default();
                for _ in 0..iters {
                    std::hint::black_box(tag_all(&tagger, &docs));
                }
                thread_cpu_time().unwrap_or_default().saturating_sub(start)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
