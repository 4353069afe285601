//! Integration tests of the pipeline as a whole: a stage that panics, and
//! one whole article through every stage to its `OutputDocument`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use dossier_pipeline::{Pipeline, PipelineConfig};
use dossier_text::{DocMeta, Document};

mod claims;
mod golden;
mod panics;
mod relations;

/// A short article of our own, dated 2024-05-14, through the default
/// pipeline (built once for all tests).
fn processed(id: &str, text: &str) -> Document {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE
        .get_or_init(|| Pipeline::new(&PipelineConfig::default()).expect("the pipeline builds"));
    let mut doc = Document::new(
        text.to_string(),
        DocMeta {
            id: id.to_string(),
            date: NaiveDate::from_ymd_opt(2024, 5, 14),
            ..DocMeta::default()
        },
    );
    pipeline.process(&mut doc);
    doc
}
