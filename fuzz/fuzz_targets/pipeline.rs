//! The whole pipeline on arbitrary text: no stage may panic (the pipeline
//! turns a panic into an error diagnostic, which this target reports), and
//! the output conversion must hold.
#![no_main]

use std::sync::LazyLock;

use dossier_pipeline::{output_document, Pipeline, PipelineConfig};
use dossier_text::{DocMeta, Document, Severity};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(&PipelineConfig::default()).expect("the pipeline builds"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let meta = DocMeta {
        id: "fuzz".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
        ..DocMeta::default()
    };
    let mut doc = Document::new(text, meta);
    PIPELINE.process(&mut doc);
    for d in &doc.diagnostics {
        assert!(d.severity != Severity::Error, "{}: {}", d.stage, d.message);
    }
    let _ = output_document(&doc);
});
