//! Opening stores: versions, foreign files, read-only files, a full disk.

use dossier_store::{Store, StoreError, SCHEMA_VERSION};

use crate::fixture::Doc;
use crate::store;

fn doc(i: usize) -> dossier_schema::OutputDocument {
    let words: Vec<String> = (0..60).map(|w| format!("w{i}x{w}")).collect();
    Doc::new(&format!("d{i}"), "2024-01-01", &words.join(" ")).build()
}

#[test]
fn an_older_store_is_migrated() {
    let (_dir, mut store, path) = store();
    store.ingest(&[doc(1)]).expect("ingest");
    drop(store);
    // Take the store back to version 1: no full-text index, no work queue,
    // no claim days (the query tables of migration 3 and the indices are
    // made again where missing).
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(
        "DROP TABLE article_fts; DROP TABLE work_queue;
         DROP TRIGGER claims_about_insert; DROP TRIGGER claims_about_update;
         DROP INDEX claim_about_day; ALTER TABLE claim_about DROP COLUMN day;
         PRAGMA user_version = 1;",
    )
    .expect("downgrade");
    drop(conn);
    // A reader does not misread it: it must be migrated first.
    let err = Store::open_read_only(&path).err().expect("refused");
    assert!(
        matches!(err, StoreError::NeedsMigration { found: 1, .. }),
        "{err}"
    );
    let store = Store::open_for_reading(&path).expect("the old store is migrated, then read");
    assert_eq!(store.stats().expect("stats").schema_version, SCHEMA_VERSION);
    assert_eq!(store.search("w1x5", 5).expect("search").len(), 1);
}

#[test]
fn a_newer_store_is_refused() {
    let (_dir, store, path) = store();
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("PRAGMA user_version = 99;")
        .expect("bump");
    drop(conn);
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(Store::open_read_only(&path).is_err());
}

#[test]
fn files_that_are_not_stores_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).expect("open");
    conn.execute_batch("CREATE TABLE notes (body TEXT);")
        .expect("table");
    drop(conn);
    let err = Store::open(&other).err().expect("refused");
    assert!(err.to_string().contains("is not a dossier store"), "{err}");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "these are notes, not a database, and there are enough of them to fill a page header",
    )
    .expect("write");
    let err = Store::open(&text).err().expect("refused");
    assert!(err.to_string().contains("is not a dossier store"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).expect("read"),
        "these are notes, not a database, and there are enough of them to fill a page header"
    );
}

#[test]
fn a_missing_store_is_not_created_by_readers() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("none.db");
    let err = Store::open_read_only(&path).err().expect("refused");
    assert!(err.to_string().contains("no store here"), "{err}");
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_store_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, mut store, path) = store();
    store.ingest(&[doc(1)]).expect("ingest");
    drop(store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("read-only"), "{err}");
    // Reading still works.
    let store = Store::open_read_only(&path).expect("read-only open");
    assert_eq!(store.stats().expect("stats").articles, 1);
}

#[test]
fn a_full_disk_leaves_nothing_half_written() {
    let (_dir, mut store, path) = store();
    store.ingest(&[doc(0)]).expect("ingest");
    let before = store.dump().expect("dump");
    let pages: u64 = std::fs::metadata(&path)
        .map(|m| m.len() / 4096)
        .unwrap_or(8)
        + 8;
    store.set_max_pages(pages).expect("limit");
    let batch: Vec<_> = (1..400).map(doc).collect();
    let err = store.ingest(&batch).expect_err("the disk fills");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    drop(store);
    let store = Store::open(&path).expect("the store still opens");
    assert_eq!(store.dump().expect("dump"), before);
}
