//! The PostgreSQL store end to end: the dev set through `dossier ingest`
//! into SQLite and PostgreSQL gives one graph; four queue workers give the
//! graph one process gives, whatever order the inputs were enqueued in, and
//! so do workers one of which is killed with SIGKILL while it holds a
//! claim; and every query command and export answer alike on both stores.
//!
//! The tests need `$DOSSIER_TEST_PG`, a connection URL (`.ci/run` starts a
//! throwaway cluster and sets it); without it they skip with a message,
//! except under `CI=true`, where they fail.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use dossier_store::Store;

use crate::store::stage_articles;
use crate::{dossier, stderr};

fn dump(db: &str) -> String {
    Store::open_read_only(Path::new(db))
        .expect("the store opens")
        .dump()
        .expect("dump")
        .0
}

/// The dev set ingested by one process into SQLite: the reference graph.
fn sqlite_reference(dir: &Path, articles: &Path) -> PathBuf {
    let db = dir.join("reference.db");
    let out = dossier()
        .args(["ingest", "-q", "-j", "1", "--db"])
        .arg(&db)
        .arg(articles)
        .output()
        .expect("dossier runs");
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn enqueue(url: &str, paths: &[PathBuf]) {
    let out = dossier()
        .args(["enqueue", "-q", "--db", url])
        .args(paths)
        .output()
        .expect("dossier runs");
    assert!(out.status.success(), "{}", stderr(&out));
}

fn worker(url: &str, name: &str, extra: &[&str]) -> Child {
    dossier()
        .args([
            "ingest", "--worker", "-q", "-j", "1", "--claim", "3", "--lease", "2",
        ])
        .args(["--db", url, "--worker-name", name])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("a worker starts")
}

fn finish(children: Vec<Child>) {
    for child in children {
        let out = child.wait_with_output().expect("the worker ends");
        assert!(out.status.success(), "a worker failed: {}", stderr(&out));
    }
}

#[test]
fn the_dev_set_in_postgres_is_the_graph_it_is_in_sqlite() {
    let Some(url) = dossier_store::test_database("cli_same_graph") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let reference = sqlite_reference(dir.path(), &articles);
    let out = dossier()
        .args(["ingest", "-q", "-j", "1", "--db", &url])
        .arg(&articles)
        .output()
        .expect("dossier runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let lite = dump(&reference.display().to_string());
    assert!(lite.lines().count() > 300, "the dev set makes a graph");
    assert_eq!(dump(&url), lite);

    // Every query command, and the exports, read the same from both.
    let reference = reference.display().to_string();
    // When each store ingested an article (ACLED's `timestamp`, RFC 3339
    // times elsewhere) is no part of the graph.
    let clock = regex::Regex::new(r"(?m)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|,\d{10}$").expect("regex");
    for args in [
        &["stats", "--format", "json"][..],
        &["actor", "TTP"],
        &["actor", "ISKP", "--format", "json"],
        &["events", "--actor", "TTP", "--format", "jsonl"],
        &[
            "events", "--root", "18", "--from", "2024-01", "--format", "csv",
        ],
        &["timeline", "TTP", "--format", "csv"],
        &["network", "TTP", "--hops", "2", "--format", "json"],
        &["claims", "--format", "jsonl"],
        &["claims", "--about", "Pakistan", "--text", "police"],
        &["export", "--format", "acled-csv"],
        &["export", "--format", "gexf"],
        &["export", "--format", "ftm-jsonl"],
    ] {
        let read = |db: &str| {
            let out = dossier()
                .args(args)
                .args(["--db", db])
                .output()
                .expect("dossier runs");
            assert!(out.status.success(), "dossier {args:?}: {}", stderr(&out));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let (a, b) = (read(&reference), read(&url));
        if args[0] == "stats" {
            // The sizes differ: a file against a database.
            let strip = |s: &str| {
                let mut v: serde_json::Value = serde_json::from_str(s).expect("json");
                v["file_bytes"] = serde_json::Value::Null;
                v
            };
            assert_eq!(strip(&a), strip(&b));
        } else {
            assert!(!a.trim().is_empty(), "dossier {args:?} printed nothing");
            let (a, b) = (
                clock.replace_all(&a, "<time>"),
                clock.replace_all(&b, "<time>"),
            );
            let first = a.lines().zip(b.lines()).find(|(x, y)| x != y);
            assert!(a == b, "dossier {args:?}: the first difference: {first:?}");
        }
    }
    // Full-text search runs on both engines (their ranking and snippets
    // are their own).
    let out = dossier()
        .args(["search", "checkpoint", "--db", &url])
        .output()
        .expect("dossier runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !out.stdout.is_empty(),
        "search finds the checkpoint articles"
    );
}

#[test]
fn four_workers_into_postgres_give_the_graph_one_sqlite_ingest_gives() {
    let Some(url) = dossier_store::test_database("cli_four_workers") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let reference = sqlite_reference(dir.path(), &articles);
    // The files enqueued one by one, last first: the queue orders them by
    // path, as `ingest` reads a folder. Enqueueing again adds nothing.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&articles)
        .expect("the staged articles")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files.reverse();
    enqueue(&url, &files);
    enqueue(&url, &[articles]);
    let workers = (0..4)
        .map(|i| worker(&url, &format!("w{i}"), &[]))
        .collect();
    finish(workers);
    assert_eq!(dump(&url), dump(&reference.display().to_string()));
    let q = Store::open_read_only(Path::new(&url))
        .expect("open")
        .queue_stats()
        .expect("queue");
    assert_eq!((q.queued, q.leased, q.failed), (0, 0, 0), "{q:?}");
    assert!(q.done > 30, "{q:?}");
}

#[test]
fn a_worker_killed_while_it_holds_a_claim_loses_it_to_the_others() {
    let Some(url) = dossier_store::test_database("cli_killed_worker") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let reference = sqlite_reference(dir.path(), &articles);
    enqueue(&url, &[articles]);
    // The victim claims the first inputs and stalls on them.
    let mut victim = worker(&url, "victim", &["--pause-after-claim", "600000"]);
    let store = Store::open_read_only(Path::new(&url)).expect("open");
    let start = Instant::now();
    while store.queue_stats().expect("queue").leased == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the victim never claimed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // SIGKILL: no chance to clean up.
    victim.kill().expect("kill -9");
    victim.wait().expect("reaped");
    let workers = (0..3)
        .map(|i| worker(&url, &format!("w{i}"), &[]))
        .collect();
    finish(workers);
    assert_eq!(dump(&url), dump(&reference.display().to_string()));
    let q = store.queue_stats().expect("queue");
    assert_eq!((q.queued, q.leased, q.failed), (0, 0, 0), "{q:?}");
}
