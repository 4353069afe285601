//! Throughput of the resolve stage on the golden articles (text written for
//! this project), with their gold mentions, against the shipped KB.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_kb::Kb;
use dossier_resolve::Resolver;
use dossier_text::{
    tokenize, Component, DocMeta, Document, EntityType, Mention, MentionKind, TextRange,
};

/// Strips `[name]{TYPE}` marks, returning text and mentions.
fn parse(marked: &str) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut out = Vec::new();
    let mut rest = marked;
    while let (Some(open), Some(close)) = (rest.find('['), rest.find("]{")) {
        let end = close + rest[close..].find('}').unwrap_or(0);
        text.push_str(&rest[..open]);
        let start = text.len();
        text.push_str(&rest[open + 1..close]);
        out.push(Mention {
            range: TextRange::from_usize(start, text.len()),
            etype: EntityType::parse(&rest[close + 2..end]).unwrap_or(EntityType::Misc),
            kind: MentionKind::Name,
            confidence: 1.0,
            entity: None,
        });
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    (text, out)
}

fn bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/articles");
    let mut docs = Vec::new();
    for name in ["sahel", "yemen", "myanmar", "colombia", "ukraine"] {
        let marked = std::fs::read_to_string(format!("{dir}/{name}.txt")).expect("article");
        let (text, mentions) = parse(&marked);
        let mut doc = Document::new(text, DocMeta::default());
        tokenize::segment(&mut doc);
        doc.mentions = mentions;
        docs.push(doc);
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let resolver = Resolver::new(Arc::new(Kb::embedded().expect("shipped KB")));
    let mut group = c.benchmark_group("resolve");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("five_articles", |b| {
        b.iter(|| {
            for d in &docs {
                let mut d = d.clone();
                resolver.process(&mut d);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
