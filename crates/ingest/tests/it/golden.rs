//! Whole articles under `test_data/ingest/`, each with its `.expected`
//! rendering (full text). Refresh with `UPDATE_EXPECT=1 cargo test -p dossier-ingest`.

use std::path::PathBuf;

use dossier_ingest::{ingest_paths, IngestConfig};
use expect_test::expect_file;

use crate::render;

#[test]
fn golden_articles() {
    let dir = PathBuf::from("test_data/ingest");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/ingest exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 8, "fixtures are missing");
    for input in inputs {
        let items: Vec<_> =
            ingest_paths(std::slice::from_ref(&input), &IngestConfig::default()).collect();
        let mut expected = std::env::current_dir()
            .expect("cwd")
            .join(&input)
            .into_os_string();
        expected.push(".expected");
        expect_file![PathBuf::from(expected)].assert_eq(&render(&items, usize::MAX));
    }
}
