//! Ingest of arbitrary bytes as jsonl: no panic, and every document's text
//! within the article limit.
#![no_main]

use dossier_ingest::{ingest_bytes, Format, IngestConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = IngestConfig {
        format: Some(Format::Jsonl),
        ..IngestConfig::default()
    };
    for doc in ingest_bytes("fuzz.jsonl", data, &cfg).into_iter().flatten() {
        assert!(doc.text().len() <= cfg.max_bytes);
    }
});
