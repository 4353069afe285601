//! Throughput of ingest on inputs generated from the crate's own fixtures:
//! HTML main-text extraction on a long page, and JSON Lines parsing.
//!
//! ```text
//! cargo bench -p dossier-ingest
//! ```

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier_ingest::{html, ingest_str, IngestConfig};

const PAGE: &str = include_str!("../test_data/ingest/article_news.html");
const SEED: &str = include_str!("../test_data/ingest/seed_checkpoint.txt");

/// The fixture page with its article section repeated, to the size of a
/// heavy news page.
fn long_page(copies: usize) -> String {
    let start = PAGE
        .find("<p>Talks")
        .expect("fixture has the first paragraph");
    let end = PAGE.find("</article>").expect("fixture has an article");
    let section = &PAGE[start..end];
    let mut page = PAGE[..start].to_string();
    for _ in 0..copies {
        page.push_str(section);
    }
    page.push_str(&PAGE[end..]);
    page
}

fn jsonl(lines: usize) -> String {
    let seed = ingest_str("seed.txt", SEED, &IngestConfig::default());
    let text = seed[0].as_ref().expect("the fixture ingests").text();
    (0..lines)
        .map(|i| {
            serde_json::json!({"id": format!("a{i}"), "date": "2024-05-02", "text": text})
                .to_string()
                + "\n"
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("ingest");
    for copies in [1, 20] {
        let page = long_page(copies);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("html_main_text", page.len()),
            &page,
            |b, page| b.iter(|| html::extract_article(page)),
        );
    }
    let lines = jsonl(1000);
    group.throughput(Throughput::Bytes(lines.len() as u64));
    group.bench_function("jsonl_1000_articles", |b| {
        b.iter(|| ingest_str("bench.jsonl", &lines, &IngestConfig::default()))
    });
    group.finish();
}

criterion_group!(ingest, benches);
criterion_main!(ingest);
