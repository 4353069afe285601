//! End-to-end golden: one article of our own
//! (`test_data/golden/*.txt`) through the whole pipeline to its
//! `OutputDocument`, as `dossier extract --format json` writes it, in the
//! `.json` file beside it. Refresh with
//! `UPDATE_EXPECT=1 cargo test -p dossier-pipeline` and review the diff.

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier_pipeline::{output_document, Pipeline, PipelineConfig};
use dossier_text::{DocMeta, Document};
use expect_test::expect_file;

#[test]
fn whole_output_document_golden() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/golden");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/golden is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    assert!(!articles.is_empty(), "no article in {dir:?}");
    let pipeline = Pipeline::new(&PipelineConfig::default()).expect("the pipeline builds");
    for path in articles {
        let text = std::fs::read_to_string(&path).expect("article is UTF-8");
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_string();
        let mut doc = Document::new(
            text,
            DocMeta {
                id,
                date: NaiveDate::from_ymd_opt(2024, 5, 14),
                ..DocMeta::default()
            },
        );
        pipeline.process(&mut doc);
        let out = output_document(&doc);
        assert!(!out.entities.is_empty(), "{path:?}: no entities");
        assert!(!out.events.is_empty(), "{path:?}: no events");
        let mut json = serde_json::to_string_pretty(&out).expect("serialises");
        json.push('\n');
        expect_file![path.with_extension("json")].assert_eq(&json);
    }
}
