//! `dossier ingest`, `load`, `stats` and `curate` end to end, on the bundled
//! example and the extraction development set (articles the project wrote).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use dossier_store::Store;

use crate::{dossier, repo_root, run, stderr};

/// The development-set articles with their annotation markup removed, in the
/// seed format (` date YYYY-MM-DD ` then the text), plus the bundled
/// example, copied into `dir`.
pub(crate) fn stage_articles(dir: &Path) -> PathBuf {
    let out = dir.join("articles");
    std::fs::create_dir_all(&out).expect("mkdir");
    let markup = regex::Regex::new(r"\[([^\]]*)\]\{[^}]*\}").expect("regex");
    let devset = repo_root().join("crates/extract/test_data/devset");
    let mut files: Vec<PathBuf> = Vec::new();
    for d in [devset.clone(), devset.join("heldout")] {
        for e in std::fs::read_dir(&d).expect("the dev set is in the repository") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        let raw = std::fs::read_to_string(&p).expect("read");
        let (date, body) = match raw.strip_prefix("date: ") {
            Some(rest) => rest.split_once('\n').expect("a date line"),
            None => ("2024-01-15", raw.as_str()),
        };
        let text = markup.replace_all(body, "$1");
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        std::fs::write(
            out.join(name),
            format!(" date {} {}", date.trim(), text.trim()),
        )
        .expect("write");
    }
    std::fs::copy(
        repo_root().join("examples/peshawar-claim.txt"),
        out.join("peshawar-claim.txt"),
    )
    .expect("copy the example");
    out
}

fn ingest(db: &Path, paths: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut cmd = dossier();
    cmd.arg("ingest").arg("--db").arg(db).arg("-q").args(extra);
    for p in paths {
        cmd.arg(p);
    }
    cmd.output().expect("dossier runs")
}

/// `dossier ingest` with its report (no `-q`), which must succeed: what it
/// says on standard error.
fn ingest_reported(db: &Path, paths: &[&Path]) -> String {
    let out = dossier()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(paths)
        .output()
        .expect("dossier runs");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    err
}

fn dump(db: &Path) -> String {
    Store::open_read_only(db)
        .expect("the store opens")
        .dump()
        .expect("dump")
        .0
}

fn ids(store: &Store, name: &str) -> Vec<String> {
    store
        .find_actors(name)
        .expect("lookup")
        .into_iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn one_actor_across_articles_and_ingesting_again_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let db = dir.path().join("graph.db");
    let out = ingest(&db, &[&articles], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open_read_only(&db).expect("open");

    // ISKP, TTP and the Afghan Taliban are one actor each, under every
    // spelling and acronym the articles use.
    for group in [
        &["ISKP", "Islamic State Khorasan Province"][..],
        &[
            "TTP",
            "Tehrik-i-Taliban Pakistan",
            "Tehreek-e-Taliban Pakistan",
        ][..],
        &["Afghan Taliban", "the Taliban", "Taliban"][..],
    ] {
        let found: Vec<Vec<String>> = group.iter().map(|n| ids(&store, n)).collect();
        assert_eq!(found[0].len(), 1, "{}: {found:?}", group[0]);
        for (name, f) in group.iter().zip(&found) {
            assert_eq!(f, &found[0], "{name} is another actor than {}", group[0]);
        }
    }
    let ttp = store
        .actor(&ids(&store, "TTP")[0])
        .expect("read")
        .expect("actor");
    assert!(ttp.articles >= 2, "{ttp:?}");

    // No actor holds two KB ids; namesakes stay apart.
    let out = dossier()
        .args(["stats", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .expect("stats");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in [
        "articles",
        "duplicates",
        "actors",
        "relations",
        "events",
        "claims",
    ] {
        assert!(stats[key].is_number(), "stats has no {key}: {stats}");
    }
    let conn_dump = dump(&db);
    let entities = conn_dump
        .split("## entities\n")
        .nth(1)
        .and_then(|s| s.split("## ").next())
        .expect("entities section");
    let mut kb_of: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let s2 = Store::open_read_only(&db).expect("open");
    for line in entities.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(actor) = cols.get(4).filter(|a| **a != "-") {
            if let Some(a) = s2.actor(actor).expect("read") {
                if let Some(kb) = a.kb_id {
                    kb_of.entry(actor.to_string()).or_default().insert(kb);
                }
            }
        }
    }
    assert!(kb_of.values().all(|k| k.len() == 1), "{kb_of:?}");
    let khans: Vec<_> = store
        .find_actors("Imran Khan")
        .expect("lookup")
        .into_iter()
        .chain(store.find_actors("Khan").expect("lookup"))
        .collect();
    assert!(khans.iter().all(|a| a.name != "Khan"), "{khans:?}");

    // The same inputs again: nothing changes.
    let before = dump(&db);
    let out = ingest(&db, &[&articles], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dump(&db), before);
}

#[test]
fn a_rerun_runs_no_pipeline_for_articles_already_stored() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("graph.db");
    let examples = repo_root().join("examples");
    let n = std::fs::read_dir(&examples).expect("examples").count();
    let out = ingest(&db, &[&examples], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = dump(&db);

    // The examples again, with one new article: only the new one goes
    // through the pipeline.
    let more = dir.path().join("more");
    std::fs::create_dir_all(&more).expect("mkdir");
    std::fs::write(
        more.join("new.txt"),
        "KABUL, May 2 - The Taliban government said on Thursday it had reopened the \
         Torkham border crossing with Pakistan after a week of talks in Islamabad.",
    )
    .expect("write");
    let err = ingest_reported(&db, &[&examples, &more]);
    assert!(
        err.contains(&format!(
            "{n} articles already stored with the same text: not run through the pipeline again"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("1 article added, {n} unchanged, 0 replaced")),
        "{err}"
    );
    assert_ne!(dump(&db), before);
}

#[test]
fn a_url_given_twice_in_a_batch_is_not_skipped_for_its_stored_text() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("graph.db");
    // Ids differ within a run (ingest would rename a repeated one), and the
    // stored text comes back under its first id.
    let line = |id: &str, text: &str| {
        serde_json::json!({
            "id": id, "date": "2024-02-12", "url": "https://news.example/bannu",
            "text": text,
        })
        .to_string()
    };
    let first = "BANNU, Feb 12 - Militants attacked a police station in Bannu on Monday, \
                 killing three officers, police said.";
    let second = "BANNU, Feb 12 - Militants attacked a police station in Bannu on Monday, \
                  killing four officers, police said.";
    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, line("bannu", first) + "\n").expect("write");
    let out = ingest(&db, &[&one], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = dump(&db);
    // A correction, then the stored text again, in one batch: the stored
    // text is the last word, so it must not be skipped for being stored.
    let both = dir.path().join("both.jsonl");
    let lines = line("bannu-corrected", second) + "\n" + &line("bannu", first) + "\n";
    std::fs::write(&both, lines).expect("write");
    let err = ingest_reported(&db, &[&both]);
    assert!(
        err.contains("0 articles added, 0 unchanged, 2 replaced"),
        "{err}"
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn load_gives_the_graph_that_ingest_gives() {
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let jsonl = dir.path().join("graph.jsonl");
    let out = dossier()
        .args(["extract", "-q", "--format", "jsonl", "-o"])
        .arg(&jsonl)
        .arg(&articles)
        .output()
        .expect("extract");
    assert!(out.status.success(), "{}", stderr(&out));
    // A line that is no dossier document is named and skipped.
    let mut text = std::fs::read_to_string(&jsonl).expect("read");
    text.push_str("{\"not\": \"a document\"}\n");
    std::fs::write(&jsonl, text).expect("write");
    let loaded = dir.path().join("loaded.db");
    let out = dossier()
        .args(["load", "-q", "--db"])
        .arg(&loaded)
        .arg(&jsonl)
        .output()
        .expect("load");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = std::fs::read_to_string(&jsonl)
        .expect("read")
        .lines()
        .count();
    assert!(
        stderr(&out).contains(&format!(
            "graph.jsonl, line {lines}: not a dossier document"
        )),
        "{}",
        stderr(&out)
    );
    let ingested = dir.path().join("ingested.db");
    let out = ingest(&ingested, &[&articles], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dump(&loaded), dump(&ingested));
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let whole = dir.path().join("whole.db");
    let out = ingest(
        &whole,
        &[&articles],
        &["--batch", "2", "--commit", "2", "-j", "1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let n_articles = Store::open_read_only(&whole)
        .expect("open")
        .stats()
        .expect("stats")
        .articles;

    let killed = dir.path().join("killed.db");
    let mut child = dossier()
        .args([
            "ingest", "-q", "--batch", "2", "--commit", "2", "-j", "1", "--db",
        ])
        .arg(&killed)
        .arg(&articles)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait for some batches to commit, then kill -9 mid-run.
    let start = Instant::now();
    let mut committed = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(s) = Store::open_read_only(&killed).and_then(|s| s.stats()) {
            committed = s.articles;
            if committed >= 4 {
                break;
            }
        }
    }
    child.kill().expect("kill -9");
    child.wait().expect("reaped");
    assert!(committed >= 4, "no batch committed in time");
    let after_kill = Store::open(&killed).expect("the killed store opens");
    let kept = after_kill.stats().expect("stats").articles;
    assert!(
        kept >= committed && kept < n_articles,
        "{kept} of {n_articles} after the kill"
    );
    drop(after_kill);

    let out = ingest(
        &killed,
        &[&articles],
        &["--batch", "2", "--commit", "2", "-j", "1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dump(&killed), dump(&whole));
}

#[test]
fn two_writers_on_one_file_both_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    let articles = stage_articles(dir.path());
    let jsonl = dir.path().join("graph.jsonl");
    let out = dossier()
        .args(["extract", "-q", "--format", "jsonl", "-o"])
        .arg(&jsonl)
        .arg(&articles)
        .output()
        .expect("extract");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&jsonl).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let half = lines.len() / 2;
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    std::fs::write(&a, lines[..half].join("\n")).expect("write");
    std::fs::write(&b, lines[half..].join("\n")).expect("write");
    let db = dir.path().join("shared.db");
    let spawn = |p: &Path| {
        dossier()
            .args(["load", "-q", "--batch", "1", "--db"])
            .arg(&db)
            .arg(p)
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (ca, cb) = (spawn(&a), spawn(&b));
    let (oa, ob) = (
        ca.wait_with_output().expect("a"),
        cb.wait_with_output().expect("b"),
    );
    assert!(oa.status.success(), "{}", stderr(&oa));
    assert!(ob.status.success(), "{}", stderr(&ob));
    let s = Store::open_read_only(&db)
        .expect("open")
        .stats()
        .expect("stats");
    assert_eq!((s.articles + s.duplicates) as usize, lines.len());
}

#[test]
fn store_commands_explain_bad_stores() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("missing.db");
    let out = run(&["stats", "--db", missing.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no store here"), "{}", stderr(&out));
    let notes = dir.path().join("notes.db");
    std::fs::write(
        &notes,
        "not a database at all, only some notes that fill the first page",
    )
    .expect("write");
    let out = run(&["stats", "--db", notes.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a dossier store"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn curate_merges_and_lists_judgements() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("graph.db");
    let out = ingest(&db, &[&repo_root().join("examples")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open_read_only(&db).expect("open");
    let top = store.top_actors(2).expect("top");
    drop(store);
    let (a, b) = (&top[0], &top[1]);
    let out = run(&[
        "curate",
        "--db",
        db.to_str().expect("utf-8"),
        "merge",
        &a.id,
        &b.id,
    ]);
    if a.etype == b.etype {
        assert!(out.status.success(), "{}", stderr(&out));
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("only actors of one type merge"),
            "{}",
            stderr(&out)
        );
    }
    let out = run(&[
        "curate",
        "--db",
        db.to_str().expect("utf-8"),
        "alias",
        "add",
        &a.id,
        "The Outfit",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["curate", "--db", db.to_str().expect("utf-8"), "list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("alias-add"));
}
