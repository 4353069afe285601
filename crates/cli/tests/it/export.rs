//! `dossier export` end to end: the examples of its `--help` run, and bad
//! input (an unknown format, a missing store, an impossible range) is a
//! message and a non-zero exit.

use std::path::{Path, PathBuf};

use crate::{dossier, run, stderr};

/// A store with one article: TTP bombs a checkpoint in Peshawar.
fn small_store(dir: &Path) -> PathBuf {
    let text = "TTP bombed a checkpoint of the Pakistan Army in Peshawar on Friday.";
    let doc = serde_json::json!({
        "schema": "dossier.v1", "id": "a1", "date": "2024-03-01", "title": "Blast",
        "url": "https://dawn.example/blast", "source": "Dawn", "language": "en",
        "text": text, "sentences": [{"start": 0, "end": text.len()}],
        "entities": [
            {"id": "E0", "name": "Tehrik-i-Taliban Pakistan", "type": "ORG", "kb_id": "dossier:ttp",
             "aliases": ["TTP"], "titles": [], "geo": null,
             "mentions": [{"start": 0, "end": 3, "text": "TTP", "kind": "acronym"}], "confidence": 0.9},
            {"id": "E1", "name": "Pakistan Army", "type": "ORG", "kb_id": null, "aliases": [], "titles": [],
             "geo": null, "mentions": [{"start": 31, "end": 44, "text": "Pakistan Army", "kind": "name"}],
             "confidence": 0.9},
            {"id": "E2", "name": "Peshawar", "type": "GPE", "kb_id": null, "aliases": [], "titles": [],
             "geo": {"lat": 34.0, "lon": 71.5, "country": "PK", "geonames_id": null, "level": "city"},
             "mentions": [{"start": 48, "end": 56, "text": "Peshawar", "kind": "name"}], "confidence": 0.9}
        ],
        "times": [], "relations": [],
        "events": [{"id": "V0", "code": "183", "root": "18", "label": "bombing", "source": "E0",
            "target": "E1", "time": "2024-03-01", "place": "E2", "sentence": 0,
            "trigger": {"start": 4, "end": 10, "text": "bombed"}, "modality": "asserted",
            "attributed_to": null, "goldstein": -10.0, "confidence": 0.8}],
        "claims": [], "diagnostics": []
    });
    let jsonl = dir.join("docs.jsonl");
    std::fs::write(&jsonl, format!("{doc}\n")).expect("write");
    let db = dir.join("graph.db");
    let o = run(&[
        "load",
        "-q",
        "--db",
        db.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "load: {}", stderr(&o));
    db
}

#[test]
fn export_help_examples_run() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = small_store(dir.path());
    let help = run(&["export", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let examples: Vec<&str> = help
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("dossier export"))
        .collect();
    assert!(examples.len() >= 5, "{help}");
    for ex in examples {
        // A pipe into another program is the shell's business.
        let cmd = ex.split('|').next().unwrap_or(ex);
        let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
        let o = dossier()
            .args(&args)
            .env("DOSSIER_DB", &db)
            .current_dir(dir.path())
            .output()
            .expect("dossier runs");
        assert!(o.status.success(), "{ex}: {}", stderr(&o));
    }
    let csv = std::fs::read_to_string(dir.path().join("events.csv")).expect("events.csv");
    assert!(csv.starts_with("event_id_cnty,event_date,year,"), "{csv}");
    assert!(csv.contains("Explosions/Remote violence"), "{csv}");
    assert!(dir.path().join("graph-parquet/events.parquet").is_file());
}

#[test]
fn export_refuses_bad_input_with_a_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = small_store(dir.path());
    let db = db.to_str().unwrap();
    let o = run(&["export", "--db", db, "--format", "xlsx"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("unknown format"), "{}", stderr(&o));
    let missing = dir.path().join("nothing.db");
    let o = run(&[
        "export",
        "--db",
        missing.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no store here"), "{}", stderr(&o));
    assert!(!missing.exists(), "a read-only export makes no store");
    let o = run(&[
        "export", "--db", db, "--format", "jsonl", "--from", "2024-05", "--to", "2024-01",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is after --to"), "{}", stderr(&o));
    let o = run(&["export", "--db", db, "--format", "parquet"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("give a folder with -o"),
        "{}",
        stderr(&o)
    );
    let o = run(&[
        "export", "--db", db, "--format", "gexf", "--actor", "Nobody",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no actor is named"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}
