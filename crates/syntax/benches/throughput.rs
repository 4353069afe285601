//! Tagging and parsing throughput on one core, in tokens per second, over
//! about 200k tokens of generated news text. Measured twice: in wall-clock
//! time (`syntax/tag_and_parse`) and in the CPU time of the benchmarking
//! thread (`syntax-cpu/tag_and_parse`), which stays meaningful on a machine
//! shared with other jobs.
//!
//! `SYNTAX_BENCH_MODEL=FILE SYNTAX_BENCH_BEAM=K SYNTAX_BENCH_GAP=G` measure a
//! model file other than the embedded one, a parser beam of width K and a
//! beam gap of G.

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_syntax::{Model, SyntaxTagger};
use dossier_text::{tokenize, Component, DocMeta, Document};

/// Sentences written for this benchmark, recombined into articles.
const SENTENCES: &[&str] = &[
    "The interior ministry said on Tuesday that security forces had arrested four suspects linked to the bombing of a market in the northern city.",
    "Officials warned that the militant group could launch further attacks against government buildings before the elections.",
    "A spokesman for the group, which has claimed several attacks this year, denied any role in the killing of the two aid workers.",
    "The prime minister met the visiting foreign minister in the capital and discussed trade, border security and the return of refugees.",
    "According to the police, the gunmen opened fire on a convoy carrying judges near the provincial headquarters.",
    "The army chief visited the United States in June, where he held talks with senior defence officials about counter-terrorism cooperation.",
    "Witnesses told reporters that the explosion destroyed at least three shops and damaged a nearby mosque.",
    "The government has been accused by rights groups of detaining hundreds of people without charge since the start of the year.",
    "In a statement posted online, the group threatened to target foreign companies operating in the region.",
    "The United Nations called for an independent investigation into the deaths of civilians during the operation.",
    "Negotiations between the two sides collapsed last month after a ceasefire was violated repeatedly.",
    "The court sentenced the former governor to ten years in prison for corruption and abuse of power.",
    "Protesters gathered outside parliament on Friday to demand the release of the detained journalists.",
    "He said the attack was planned by commanders based across the border and carried out by a small cell.",
    "The ministry of foreign affairs summoned the ambassador and lodged a strong protest over the remarks.",
    "Two soldiers were killed and five were wounded when their vehicle struck a roadside bomb on Sunday morning.",
];

fn articles() -> Vec<String> {
    // A fixed, seedless permutation so every run measures the same text.
    let n = SENTENCES.len();
    (0..700)
        .map(|a| {
            (0..n)
                .map(|k| SENTENCES[(a * 7 + k * 5) % n])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// CPU time of the calling thread.
struct ThreadCpu;

fn thread_cpu() -> Duration {
    dossier_text::cpu::thread_cpu_time().unwrap_or_default()
}

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        thread_cpu()
    }
    fn end(&self, start: Duration) -> Duration {
        thread_cpu().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Nanoseconds shown as CPU milliseconds, throughput as elements per
/// CPU second.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v /= 1e6);
        "ms (cpu)"
    }
    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let n = match *t {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => n,
        } as f64;
        values.iter_mut().for_each(|v| *v = n * 1e9 / *v / 1e3);
        "Kelem/s (cpu)"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns (cpu)"
    }
}

/// The embedded model, or the model file named by `SYNTAX_BENCH_MODEL`,
/// parsing with the beam width in `SYNTAX_BENCH_BEAM` and the beam gap in
/// `SYNTAX_BENCH_GAP` (default: what the model file records).
fn tagger() -> SyntaxTagger {
    let model = match std::env::var_os("SYNTAX_BENCH_MODEL") {
        Some(path) => {
            let bytes = std::fs::read(&path).expect("SYNTAX_BENCH_MODEL is readable");
            Model::from_bytes(&bytes).expect("SYNTAX_BENCH_MODEL is a syntax model")
        }
        None => SyntaxTagger::embedded()
            .expect("embedded model loads")
            .model()
            .clone(),
    };
    let model = match std::env::var("SYNTAX_BENCH_BEAM") {
        Ok(b) => model.with_beam(b.parse().expect("SYNTAX_BENCH_BEAM is a number")),
        Err(_) => model,
    };
    let model = match std::env::var("SYNTAX_BENCH_GAP") {
        Ok(g) => model.with_gap(g.parse().expect("SYNTAX_BENCH_GAP is a number")),
        Err(_) => model,
    };
    SyntaxTagger::from_model(model)
}

fn bench(c: &mut Criterion) {
    run(c, "syntax");
}

fn bench_cpu(c: &mut Criterion<ThreadCpu>) {
    run(c, "syntax-cpu");
}

fn run<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let tagger = tagger();
    let docs: Vec<Document> = articles()
        .into_iter()
        .map(|t| {
            let mut d = Document::new(t, DocMeta::default());
            tokenize::segment(&mut d);
            d
        })
        .collect();
    let n_tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    assert!(n_tokens >= 200_000, "only {n_tokens} tokens");
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(n_tokens as u64));
    group.sample_size(10);
    group.bench_function("tag_and_parse", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for d in &mut docs {
                    tagger.process(d);
                }
                docs
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_cpu
}
criterion_main!(benches, cpu);
