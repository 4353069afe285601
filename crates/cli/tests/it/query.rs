//! `dossier actor`, `events`, `timeline`, `network`, `claims` and `search`
//! end to end, on one store of the extraction development set plus the
//! bundled example, built once for all the tests here.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use crate::{dossier, stderr};

/// The dev-set store, ingested once per test run.
fn store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dossier-query-it-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        let articles = crate::store::stage_articles(&dir);
        let db = dir.join("graph.db");
        let out = dossier()
            .args(["ingest", "-q", "--db"])
            .arg(&db)
            .arg(&articles)
            .output()
            .expect("dossier runs");
        assert!(out.status.success(), "{}", stderr(&out));
        db
    })
}

fn query(args: &[&str]) -> Output {
    dossier()
        .args(args)
        .arg("--db")
        .arg(store())
        .output()
        .expect("dossier runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(args: &[&str]) -> String {
    let out = query(args);
    assert!(
        out.status.success(),
        "dossier {args:?}: {}\n{}",
        stderr(&out),
        stdout(&out)
    );
    stdout(&out)
}

fn dossier_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&ok(&["actor", name, "--format", "json"])).expect("one JSON object")
}

fn aliases(d: &serde_json::Value) -> Vec<String> {
    d["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .map(|a| a["name"].as_str().expect("a name").to_string())
        .collect()
}

#[test]
fn dossiers_of_iskp_ttp_and_a_spokesman_on_the_dev_set() {
    let iskp = dossier_json("ISKP");
    let names = aliases(&iskp);
    for n in ["ISKP", "Islamic State Khorasan Province"] {
        assert!(names.iter().any(|a| a == n), "ISKP aliases {names:?}");
    }
    assert!(
        iskp["events"]["by_month"]
            .as_array()
            .is_some_and(|m| !m.is_empty()),
        "{}",
        iskp["events"]
    );

    let ttp = dossier_json("Tehreek-e-Taliban Pakistan");
    assert_eq!(ttp["id"], dossier_json("TTP")["id"]);
    let names = aliases(&ttp);
    assert!(names.iter().any(|a| a == "TTP"), "TTP aliases {names:?}");
    assert!(
        ttp["articles"].as_i64().unwrap_or(0) >= 2,
        "{}",
        ttp["articles"]
    );
    for key in [
        "id",
        "name",
        "type",
        "aliases",
        "articles",
        "relations",
        "events",
        "claims",
    ] {
        assert!(ttp.get(key).is_some(), "no {key}");
    }
    // The spokesman relation is stated by the dev-set article and the
    // example: two articles, with the evidence sentence.
    let spokes = ttp["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .find(|r| r["predicate"] == "spokesperson_of")
        .unwrap_or_else(|| panic!("no spokesperson_of in {}", ttp["relations"]));
    assert!(spokes["evidence"]["sentence"]
        .as_str()
        .is_some_and(|s| s.contains("spokesman")));
    for key in [
        "predicate",
        "object",
        "object_name",
        "first_seen",
        "last_seen",
        "articles",
    ] {
        assert!(spokes.get(key).is_some(), "no {key} in {spokes}");
    }
    let person = spokes["subject"].as_str().expect("a subject id");
    let p = dossier_json(person);
    assert_eq!(p["type"], "PERSON");
    assert!(
        p["relations"].as_array().is_some_and(|r| !r.is_empty()),
        "{p}"
    );
}

#[test]
fn the_text_dossier_has_its_sections() {
    let text = ok(&["actor", "TTP"]);
    for section in ["aliases", "seen", "relations", "events", "claims"] {
        assert!(
            text.lines().any(|l| l.starts_with(section)),
            "no {section} in\n{text}"
        );
    }
    assert!(text.contains("spokesperson_of"), "{text}");
}

#[test]
fn events_filter_and_page_in_three_formats() {
    let all = ok(&["events", "--format", "jsonl", "--limit", "1000"]);
    let n = all.lines().count();
    assert!(n >= 10, "{n} events");
    let page = ok(&[
        "events", "--format", "jsonl", "--limit", "3", "--offset", "2",
    ]);
    let rows: Vec<&str> = all.lines().skip(2).take(3).collect();
    assert_eq!(page.lines().collect::<Vec<_>>(), rows);

    let csv = ok(&["events", "--actor", "TTP", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "date", "code", "source", "target", "place", "sources", "articles", "sentence", "article",
    ] {
        assert!(header.iter().any(|h| h == col), "no {col} in {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert!(!rows.is_empty());

    let text = ok(&["events", "--quad", "4", "--country", "PK"]);
    assert!(
        text.trim_end().ends_with(" events") || text.trim_end().ends_with(" event"),
        "{text}"
    );
    let none = ok(&["events", "--from", "1990", "--to", "1990"]);
    assert_eq!(none.trim(), "none of 0 events");
}

#[test]
fn timeline_network_claims_and_search_answer() {
    let chart = ok(&["timeline", "--by", "month"]);
    assert!(chart.contains("events"), "{chart}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["timeline", "TTP", "--format", "json"])).expect("json");
    assert!(json["periods"].as_array().is_some_and(|p| !p.is_empty()));
    let csv = ok(&["timeline", "--by", "week", "--format", "csv"]);
    assert!(csv.starts_with("period,start,total"), "{csv}");

    let net: serde_json::Value =
        serde_json::from_str(&ok(&["network", "TTP", "--hops", "2", "--format", "json"]))
            .expect("json");
    assert!(
        net["nodes"].as_array().is_some_and(|n| n.len() >= 2),
        "{net}"
    );
    assert!(
        net["edges"].as_array().is_some_and(|e| !e.is_empty()),
        "{net}"
    );

    let claims = ok(&["claims", "--speaker", "TTP"]);
    assert!(claims.contains("claim"), "{claims}");
    let search = ok(&["search", "suicide", "bombing", "--format", "jsonl"]);
    let hit: serde_json::Value =
        serde_json::from_str(search.lines().next().expect("a hit")).expect("json");
    assert!(hit["snippet"].as_str().is_some_and(|s| s.contains('[')));
    assert!(hit["actors"].as_array().is_some_and(|a| !a.is_empty()));
}

/// Bad input ends with a message on standard error that says what to do,
/// and exit status 2; never a panic.
#[test]
fn bad_input_gives_a_clear_message_and_non_zero_exit() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["actor", "Nobody At All"],
            "no actor is called \"Nobody At All\"",
        ),
        (
            &["events", "--from", "2024-05", "--to", "2024-03"],
            "the date range is empty",
        ),
        (&["timeline", "--from", "March"], "is not a date"),
        (
            &["events", "--actor", "Nobody At All"],
            "no actor is called",
        ),
        (&["network", "TTP", "--hops", "9"], "give 1 to 4"),
        (&["events", "--root", "42"], "is not a CAMEO root"),
        (
            &["claims", "--about", "Nobody At All"],
            "no actor is called",
        ),
    ];
    for (args, message) in cases {
        let out = query(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    let missing = dossier()
        .args(["actor", "TTP", "--db", "/nonexistent/graph.db"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no store here; run `dossier ingest"),
        "{}",
        stderr(&missing)
    );
    let near = query(&["events", "--near", "north"]);
    assert_eq!(near.status.code(), Some(2), "{}", stderr(&near));
    assert!(stderr(&near).contains("give LAT,LON"), "{}", stderr(&near));
}

/// Words of a shell command line: spaces split, '...' and "..." quote.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// Every example in the query commands' `--help` runs on the dev-set store
/// (`graph.db` in an example stands for it).
#[test]
fn help_examples_of_the_query_commands_run() {
    let db = store().to_string_lossy().into_owned();
    for cmd in ["actor", "events", "timeline", "network", "claims", "search"] {
        let help = dossier().args([cmd, "--help"]).output().expect("help");
        let text = stdout(&help);
        let examples: Vec<&str> = text
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd} --help has no examples"))
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("dossier "))
            .collect();
        assert!(!examples.is_empty(), "{cmd}");
        for example in examples {
            let mut words = shell_words(example);
            words.remove(0);
            let has_db = words.iter().any(|w| w == "--db");
            for w in &mut words {
                if w == "graph.db" {
                    *w = db.clone();
                }
            }
            let mut c = dossier();
            c.args(&words);
            if !has_db {
                c.env("DOSSIER_DB", &db);
            }
            let out = c.output().expect("runs");
            assert!(
                out.status.success(),
                "{example}: {}\n{}",
                stderr(&out),
                stdout(&out)
            );
        }
    }
}
