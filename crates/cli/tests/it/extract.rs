//! `dossier extract` end to end: formats, schema validity, and bad input.

use std::process::Stdio;

use crate::{dossier, repo_root, run, stderr};

use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("docs/output.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the schema file is a valid JSON Schema")
}

fn assert_valid(doc: &Value) {
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "output does not match docs/output.schema.json: {errors:#?}"
    );
}

/// Every span in the output must cut `text` at the character offsets it gives.
fn assert_spans_match_text(doc: &Value) {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let cut = |s: &Value| -> String {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(
            a <= b && b <= text.len(),
            "span {a}..{b} outside text of {} chars",
            text.len()
        );
        text[a..b].iter().collect()
    };
    for e in doc["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(cut(m), m["text"].as_str().unwrap());
        }
    }
    for t in doc["times"].as_array().unwrap() {
        assert_eq!(cut(t), t["text"].as_str().unwrap());
    }
    for c in doc["claims"].as_array().unwrap() {
        assert_eq!(cut(c), c["text"].as_str().unwrap());
    }
    for e in doc["events"].as_array().unwrap() {
        assert_eq!(cut(&e["trigger"]), e["trigger"]["text"].as_str().unwrap());
    }
}

#[test]
fn example_article_gives_valid_schema_json() {
    let example = repo_root().join("examples/peshawar-claim.txt");
    let o = run(&["extract", "--quiet", example.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).expect("one pretty JSON object");
    assert_eq!(doc["date"], "2024-03-06");
    assert_eq!(doc["id"], "peshawar-claim");
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .starts_with("PESHAWAR, March 6"));
    assert_valid(&doc);
    assert_spans_match_text(&doc);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 9);
}

#[test]
fn seed_shaped_article_has_its_date_and_sentences() {
    // An article of our own in the seed article's shapes; the seed itself
    // is checked by `dossier eval seed`.
    let fixture = repo_root().join("crates/text/tests/fixtures/khorasan-ghag.txt");
    let o = run(&["extract", "--quiet", fixture.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&doc);
    assert_spans_match_text(&doc);
    assert_eq!(doc["date"], "2023-02-18");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let sentences: Vec<String> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert_eq!(sentences.len(), 11, "{sentences:#?}");
    assert!(sentences.iter().any(|s| s.contains("Gen. Asim Munir")));
    assert!(
        sentences.iter().any(|s| s.ends_with("banking.’")),
        "{sentences:#?}"
    );
}

#[test]
fn several_inputs_give_json_lines_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("b-first.txt");
    let b = dir.path().join("a-second.txt");
    std::fs::write(&a, "Rebels shelled the town on Friday.").unwrap();
    std::fs::write(&b, " date 2024-01-02 Troops withdrew from the border.").unwrap();
    let o = run(&[
        "extract",
        "--quiet",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b-first", "a-second"]);
    assert_eq!(lines[0]["date"], Value::Null);
    assert_eq!(lines[1]["date"], "2024-01-02");
    for d in &lines {
        assert_valid(d);
    }
}

#[test]
fn standard_input_and_date_flag() {
    let mut child = dossier()
        .args(["extract", "--quiet", "--date", "2023-02-01", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Officials met in Doha on Monday.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["id"], "stdin");
    assert_eq!(doc["date"], "2023-02-01");
}

#[test]
fn bad_inputs_are_named_skipped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(
        p("binary.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 0],
    )
    .unwrap();
    std::fs::write(
        p("latin1.txt"),
        b"Protesters gathered in Bogot\xe1 on Sunday.",
    )
    .unwrap();
    std::fs::write(
        p("batch.jsonl"),
        concat!(
            "{\"id\": \"ok-1\", \"date\": \"2024-05-01\", \"text\": \"Militants attacked a convoy.\"}\n",
            "this is not json\n",
            "{\"id\": \"no-text\", \"date\": \"2024-05-01\"}\n",
            "{\"id\": \"bad-date\", \"date\": \"2023-02-30\", \"text\": \"The army said it repelled the raid.\"}\n",
            "{\"id\": \"ok-2\", \"date\": \"2024-05-02T09:30:00Z\", \"text\": \"Talks resumed in Geneva.\"}\n",
        ),
    )
    .unwrap();
    std::fs::write(p("big.txt"), "word ".repeat(400)).unwrap();
    let paths = [
        "missing.txt",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "batch.jsonl",
        "big.txt",
    ];
    let mut args: Vec<String> = vec![
        "extract".into(),
        "--quiet".into(),
        "--max-bytes".into(),
        "1000".into(),
    ];
    args.extend(paths.iter().map(|n| p(n).to_string_lossy().into_owned()));
    let o = dossier().args(&args).output().unwrap();
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code says something was skipped; stderr: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("binary.txt"), "{err}");
    assert!(
        err.contains("batch.jsonl:2"),
        "names the JSON Lines line: {err}"
    );
    assert!(
        err.contains("batch.jsonl:3"),
        "names the JSON Lines line: {err}"
    );
    assert!(err.contains("big.txt"), "{err}");

    let docs: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["latin1", "ok-1", "bad-date", "ok-2"]);
    // Invalid UTF-8 is decoded lossily, with a diagnostic.
    assert!(!docs[0]["diagnostics"].as_array().unwrap().is_empty());
    // An impossible date is kept out of `date` and reported on the document.
    assert_eq!(docs[2]["date"], Value::Null);
    assert!(docs[2]["diagnostics"].to_string().contains("2023-02-30"));
    assert_eq!(docs[3]["date"], "2024-05-02");
}

#[test]
fn text_format_is_a_readable_summary() {
    let example = repo_root().join("examples/peshawar-claim.txt");
    let o = run(&[
        "extract",
        "--quiet",
        "--format",
        "text",
        example.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("# peshawar-claim (2024-03-06)"), "{out}");
    assert!(out.contains("sentences"), "{out}");
}

#[test]
fn help_names_the_commands() {
    let o = run(&["--help"]);
    let out = String::from_utf8(o.stdout).unwrap();
    for cmd in ["extract", "train", "eval", "build-kb"] {
        assert!(out.contains(cmd), "{out}");
    }
}

#[test]
fn stats_flag_reports_throughput_and_every_stage() {
    let example = repo_root().join("examples/peshawar-claim.txt");
    let o = run(&[
        "extract",
        "--quiet",
        "--stats",
        "-j",
        "1",
        example.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let words = std::fs::read_to_string(&example)
        .unwrap()
        .split_whitespace()
        .count()
        - 2; // the ` date YYYY-MM-DD ` header is not article text
    assert!(
        err.contains(&format!("1 documents, 0.0 MB, {words} words")),
        "{err}"
    );
    assert!(err.contains("words/s"), "{err}");
    for stage in ["segment", "syntax", "ner", "time", "resolve", "extract"] {
        assert!(err.contains(&format!("{stage}.v1 ")), "no {stage} in {err}");
    }
    // The statistics go to standard error; standard output stays pure JSON.
    let _: Value = serde_json::from_slice(&o.stdout).expect("stdout is still JSON");
}

/// Every geocoding level the resolver can give is one the schema allows:
/// a US county is an `admin2`, a state an `admin1`.
#[test]
fn county_and_state_levels_are_valid_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("county.txt");
    std::fs::write(
        &path,
        " date 2024-05-01 Floodwaters rose across Harris County, Texas, on Tuesday, and \
         officials in Fort Bend County ordered evacuations along the Brazos River.\n",
    )
    .unwrap();
    let o = run(&["extract", "--quiet", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&doc);
    let level = |name: &str| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| e["geo"]["level"].clone())
    };
    assert_eq!(level("Harris County"), Some(Value::from("admin2")));
    assert_eq!(level("Texas"), Some(Value::from("admin1")));
}

/// `--format csv` is one header and one row per event, every row as wide as
/// the header, with the actors' names and the evidence sentence spelled out.
#[test]
fn csv_format_is_one_row_per_event() {
    let example = repo_root().join("examples/peshawar-claim.txt");
    let json = run(&["extract", "--quiet", example.to_str().unwrap()]);
    assert!(json.status.success(), "{}", stderr(&json));
    let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty(), "the example article has events");

    let o = run(&[
        "extract",
        "--quiet",
        "--format",
        "csv",
        example.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, dossier_pipeline::table::EVENT_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), events.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let text = doc["text"].as_str().unwrap();
    for (row, event) in rows.iter().zip(events) {
        assert_eq!(&row[col("event_id")], event["id"].as_str().unwrap());
        assert_eq!(&row[col("code")], event["code"].as_str().unwrap());
        assert_eq!(&row[col("doc_date")], "2024-03-06");
        assert!(!row[col("date")].is_empty());
        let start: usize = row[col("sentence_start")].parse().unwrap();
        let end: usize = row[col("sentence_end")].parse().unwrap();
        let sentence: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(&row[col("sentence")], sentence);
        assert!(sentence.contains(&row[col("trigger")]));
        if let Some(source) = event["source"].as_str() {
            let name = doc["entities"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["id"] == source)
                .unwrap()["name"]
                .as_str()
                .unwrap();
            assert_eq!(&row[col("source")], name);
        }
    }
    // The article's bombing is material conflict: quad class 4, TTP's.
    assert!(
        rows.iter()
            .any(|r| &r[col("quad_class")] == "4"
                && &r[col("source")] == "Tehrik-i-Taliban Pakistan"),
        "{rows:?}"
    );
}

#[test]
fn csv_format_writes_its_header_even_without_events() {
    let o = dossier()
        .args(["extract", "--quiet", "--format", "csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"The weather was mild.\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.trim_end(),
        dossier_pipeline::table::EVENT_COLUMNS.join(",")
    );
}

fn realset_fixture() -> std::path::PathBuf {
    repo_root().join("crates/extract/test_data/realset_fixture")
}

/// `dossier eval extract --set real --json` on the annotations in `set`
/// over the texts in `texts`.
fn eval_real_json(set: &std::path::Path, texts: &std::path::Path) -> std::process::Output {
    run(&[
        "eval",
        "extract",
        "--set",
        "real",
        "--data",
        set.to_str().unwrap(),
        "--texts",
        texts.to_str().unwrap(),
        "--json",
    ])
}

#[test]
fn real_set_eval_scores_each_source() {
    let fx = realset_fixture();
    let (set, texts) = (fx.join("set"), fx.join("data"));
    let o = eval_real_json(&set, &texts);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["set"], "real");
    assert_eq!(v["articles"], 2);
    // The fixture's gold: 3 + 1 claims, 2 + 1 events (two 19x events by
    // the same actors count once), 3 + 3 entities.
    assert_eq!(v["claims"]["gold"], 4);
    assert_eq!(v["events"]["gold"], 3);
    assert_eq!(v["entities"]["gold"], 6);
    assert_eq!(v["sources"]["TBAQ"]["articles"], 1);
    assert_eq!(v["sources"]["MUC-4"]["articles"], 1);
}

#[test]
fn real_set_eval_skips_without_shared_data() {
    let o = run(&[
        "eval",
        "extract",
        "--set",
        "real",
        "--texts",
        "/nonexistent/shared/data",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("no shared data at"), "{}", stderr(&o));
}

#[test]
fn real_set_eval_reports_and_skips_a_bad_annotation() {
    let fx = realset_fixture();
    let dir = std::env::temp_dir().join(format!("dossier-realset-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(fx.join("set/tbaq-DOC0001.toml")).unwrap();
    std::fs::write(dir.join("tbaq-DOC0001.toml"), &good).unwrap();
    let bad = good.replace("three officers were wounded", "four officers were wounded");
    std::fs::write(dir.join("tbaq-DOC0002.toml"), bad).unwrap();
    let o = eval_real_json(&dir, &fx.join("data"));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("tbaq-DOC0002.toml") && err.contains("claim content"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["articles"].clone(), v["skipped"].clone()),
        (1.into(), 1.into())
    );
}

/// The parser's beam and gap are the user's to set: a greedy parse or a
/// narrow gap still gives the article's entities, and a gap that is not a
/// number of weight units is refused with a message.
#[test]
fn parse_beam_and_gap_flags_run_and_a_bad_gap_is_refused() {
    let article = repo_root().join("examples");
    let first = std::fs::read_dir(&article)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .min()
        .expect("an example article");
    let names = |extra: &[&str]| -> Vec<String> {
        let path = first.to_str().unwrap();
        let mut args = vec!["extract", "--quiet", "--format", "json", path];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut names: Vec<String> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    let default = names(&[]);
    assert!(!default.is_empty());
    assert!(!names(&["--parse-beam", "1"]).is_empty());
    assert!(!names(&["--parse-gap", "50"]).is_empty());
    for bad in ["-1", "inf", "wide"] {
        let flag = format!("--parse-gap={bad}");
        let o = run(&["extract", &flag, first.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("is not a gap"), "{bad}: {}", stderr(&o));
    }
}
