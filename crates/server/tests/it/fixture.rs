//! The fixture store, built once per test run by the real pipeline.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use dossier_pipeline::{output_document, Pipeline, PipelineConfig};
use dossier_server::{App, Config};
use dossier_store::{OutputDocument, Store};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the pipeline over `inputs` into a new store at `path`; returns how
/// many articles were added.
pub fn build_store(path: &Path, inputs: &[PathBuf]) -> usize {
    let mut store = Store::open(path).expect("store");
    let pipeline = Pipeline::new(&PipelineConfig::default()).expect("pipeline");
    let docs = dossier_ingest::ingest_paths(inputs, &Default::default());
    let mut n = 0;
    pipeline
        .run(
            docs,
            16,
            |e| panic!("fixture article skipped: {e}"),
            |batch| -> Result<(), dossier_store::StoreError> {
                let docs: Vec<OutputDocument> = batch.iter().map(output_document).collect();
                n += store.ingest(&docs)?.added;
                Ok(())
            },
        )
        .expect("ingest");
    n
}

/// The fixture's articles: `examples/` and the hostile article.
pub fn inputs() -> [PathBuf; 2] {
    [
        crate_dir().join("../../examples"),
        crate_dir().join("tests/fixtures/hostile.jsonl"),
    ]
}

/// A store of `examples/` and the hostile article, built once; tests that
/// write copy it first.
pub fn store_path() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fixture.db");
        assert_eq!(
            build_store(&path, &inputs()),
            13,
            "every fixture article is stored"
        );
        (dir, path)
    });
    path
}

/// A copy of the fixture store that a test may write to.
pub fn writable_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("copy.db");
    // The fixture store is closed after it is built, so its file holds
    // everything (no write-ahead log beside it).
    std::fs::copy(store_path(), &path).expect("copy the store");
    (dir, path)
}

pub fn config(path: &Path, token: Option<&str>) -> Config {
    let mut c = Config::new(path.to_path_buf());
    c.token = token.map(str::to_string);
    c
}

pub fn app(path: &Path, token: Option<&str>) -> (Arc<App>, Config) {
    let c = config(path, token);
    (App::open(&c).expect("app"), c)
}

/// The id of the hostile article.
pub fn hostile_article(store: &Store) -> String {
    let (_, hits) = store
        .search_articles("Karim", 5, 0)
        .expect("search the fixture");
    hits.into_iter()
        .find(|h| h.title.as_deref().is_some_and(|t| t.contains("<script>")))
        .expect("the hostile article is stored")
        .article
}
