//! The speed of `export --format parquet` on events, on a store filled with
//! many generated documents. Ignored by default (it builds a large store);
//! run it with
//! `cargo test --release -p dossier-export --test it -- --ignored --nocapture parquet_events_per_second`
//! (`DOSSIER_BENCH_DOCS` documents of 10 events each, 20,000 by default).

use std::time::Instant;

use dossier_export::{export, Filter, Format, Output};
use dossier_schema::Modality;
use dossier_store::Store;

use crate::fixture::Doc;

/// A document of ten events between ten of 200 organisations, on days
/// spread over four years, with filler words of its own so that no two
/// documents are near-duplicates.
fn generated(i: usize) -> dossier_schema::OutputDocument {
    let mut seed = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let orgs: Vec<String> = (0..10).map(|_| format!("Org{:03}", next() % 200)).collect();
    let filler: Vec<String> = (0..40)
        .map(|_| format!("w{:x}", next() % 1_000_000))
        .collect();
    let text = format!(
        "{} clashed with {} and attacked {}; {} ... {}",
        orgs.join(" "),
        orgs[1],
        orgs[2],
        filler.join(" "),
        "attacked"
    );
    let day0 = 19_000 + (i % 1400) as i64;
    let mut doc = Doc::new(
        &format!("g{i}"),
        &dossier_time::date_of(day0 as i32).to_string(),
        &text,
    )
    .url(
        &format!("https://gen.example/{i}"),
        &format!("outlet{}", i % 50),
    );
    let mut seen = std::collections::HashSet::new();
    for o in &orgs {
        if seen.insert(o.clone()) {
            doc = doc.entity(o, "ORG", None, &[]);
        }
    }
    let n_ent = seen.len();
    let codes = [
        "190", "193", "195", "183", "1831", "141", "173", "181", "042", "112",
    ];
    for (k, code) in codes.iter().enumerate() {
        let s = k % n_ent;
        let t = (k + 1) % n_ent;
        let day = dossier_time::date_of((day0 - (k as i64) * 3) as i32).to_string();
        doc = doc.event(
            code,
            Some(s),
            Some(t),
            None,
            "attacked",
            Some(&day),
            Modality::Asserted,
        );
    }
    doc.build()
}

#[test]
#[ignore = "builds a large store; run with --ignored --nocapture"]
fn parquet_events_per_second() {
    let n_docs: usize = std::env::var("DOSSIER_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path).unwrap();
    let t = Instant::now();
    let mut batch = Vec::with_capacity(500);
    for i in 0..n_docs {
        batch.push(generated(i));
        if batch.len() == 500 {
            store.ingest(&batch).unwrap();
            batch.clear();
        }
    }
    store.ingest(&batch).unwrap();
    let stats = store.stats().unwrap();
    eprintln!(
        "store: {} articles, {} events, {} event mentions, {:.1} MB, built in {:.1} s",
        stats.articles,
        stats.events,
        stats.event_mentions,
        stats.file_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    drop(store);
    let store = Store::open_read_only(&path).unwrap();
    let filter = Filter::default().resolve(&store).unwrap();
    let out = dir.path().join("pq");
    // A warm-up run reads the file into the page cache, as a second export
    // of the same store would find it.
    dossier_export::parquet_events_only(&store, &filter, &out).unwrap();
    let mut best = f64::MAX;
    let mut rows = 0;
    for _ in 0..3 {
        let t = Instant::now();
        rows = dossier_export::parquet_events_only(&store, &filter, &out).unwrap();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let size = std::fs::metadata(out.join("events.parquet")).unwrap().len();
    eprintln!(
        "parquet events: {rows} rows in {:.3} s (best of 3) = {:.0} rows/s, {:.1} MB",
        best,
        rows as f64 / best,
        size as f64 / 1e6
    );
    let t = Instant::now();
    let report = export(&store, Format::Parquet, &filter, Output::Folder(&out)).unwrap();
    eprintln!(
        "parquet, all tables: {} rows in {:.3} s = {:.0} rows/s",
        report.written,
        t.elapsed().as_secs_f64(),
        report.written as f64 / t.elapsed().as_secs_f64()
    );
    assert_eq!(rows as i64, stats.events);
    assert!(
        rows as f64 / best >= 100_000.0,
        "export --format parquet of events must do 100k rows/s"
    );
}
