//! Integration tests of the store, on documents built here in the shape
//! `dossier extract` writes (the pipeline itself is exercised by the CLI's
//! tests).

mod fixture;
mod graph;
mod open;
mod postgres;

use std::path::PathBuf;

use dossier_store::Store;

/// A fresh store in a temporary folder (kept alive with it).
pub fn store() -> (tempfile::TempDir, Store, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("graph.db");
    let store = Store::open(&path).expect("a new store opens");
    (dir, store, path)
}
