//! The exports read by the tools they are for, in Python: followthemoney
//! validates the FtM entities, networkx reads GEXF and GraphML, pyarrow
//! reads the Parquet tables. The interpreter is `$DOSSIER_PY`, else the
//! venv `.ci/py_readers.sh` makes at `target/py-export`. Without it (or
//! without the package) a test says so and passes, except under `CI=true`,
//! where a missing reader fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use dossier_export::{Filter, Format};

use crate::{export_text, story};

/// The interpreter that has `module`, or `None` (after saying why) when
/// there is none outside CI.
fn python_with(module: &str) -> Option<PathBuf> {
    let py = std::env::var_os("DOSSIER_PY")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/py-export/bin/python")
        });
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let why = if !py.exists() {
        Some(format!("no Python at {}", py.display()))
    } else {
        let ok = Command::new(&py)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success());
        (!ok).then(|| format!("{} cannot import {module}", py.display()))
    };
    match why {
        None => Some(py),
        Some(why) if ci => panic!("{why}: CI needs the export readers; run .ci/py_readers.sh"),
        Some(why) => {
            eprintln!(
                "skipped: {why}; run .ci/py_readers.sh (or set DOSSIER_PY) to run the reader tests"
            );
            None
        }
    }
}

/// Runs a Python script with arguments; panics with its output when it
/// fails, returns its standard output.
fn run_python(py: &Path, script: &str, args: &[&Path]) -> String {
    let out = Command::new(py)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the reader failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn followthemoney_validates_the_ftm_export() {
    let Some(py) = python_with("followthemoney") else {
        return;
    };
    let (d, store, _) = story();
    let path = d.path().join("graph.ftm.json");
    std::fs::write(
        &path,
        export_text(&store, Format::FtmJsonl, &Filter::default()),
    )
    .unwrap();
    // Every entity loads strictly (unknown schemata or properties raise),
    // every value survives FtM's cleaning, every reference points at an
    // entity of the export whose schema the property accepts, and the
    // fragments aggregate.
    let script = r#"
import json, sys
from followthemoney import model
from followthemoney.exc import InvalidData
entities, refs, schemata = {}, [], {}
for n, line in enumerate(open(sys.argv[1]), 1):
    data = json.loads(line)
    proxy = model.get_proxy(data, cleaned=False)
    for prop, values in data["properties"].items():
        p = proxy.schema.get(prop)
        if p is None:
            raise InvalidData(f"line {n}: {proxy.schema.name} has no property {prop}")
        for v in values:
            if p.type.clean(v, proxy=proxy) is None:
                raise InvalidData(f"line {n}: {proxy.schema.name}.{prop}: {v!r} is not a valid {p.type.name}")
            if p.range is not None:
                refs.append((n, p, v))
    if proxy.id in schemata and schemata[proxy.id] != proxy.schema.name:
        raise InvalidData(f"line {n}: {proxy.id} is a {schemata[proxy.id]} and a {proxy.schema.name}")
    schemata[proxy.id] = proxy.schema.name
    if proxy.id in entities:
        entities[proxy.id].merge(proxy)
    else:
        entities[proxy.id] = proxy
for n, p, v in refs:
    target = entities.get(v)
    if target is None:
        raise InvalidData(f"line {n}: {p.qname} points at {v}, which is not in the export")
    if not target.schema.is_a(p.range):
        raise InvalidData(f"line {n}: {p.qname} points at a {target.schema.name}, not a {p.range.name}")
for e in entities.values():
    e.to_dict()
    missing = [r for r in e.schema.required if not e.get(r)]
    if missing:
        raise InvalidData(f"{e.id}: {e.schema.name} lacks {missing}")
counts = {}
for e in entities.values():
    counts[e.schema.name] = counts.get(e.schema.name, 0) + 1
print(json.dumps(counts, sort_keys=True))
"#;
    let out = run_python(&py, script, &[&path]);
    let counts: serde_json::Value = serde_json::from_str(out.trim()).expect("counts");
    assert_eq!(counts["Article"], 4, "{out}");
    assert_eq!(counts["Event"], 5, "{out}");
    assert_eq!(counts["Directorship"], 1, "{out}");
    assert_eq!(counts["Membership"], 1, "{out}");
    assert_eq!(counts["Documentation"], 6, "{out}");
    // The command-line validator of the package agrees.
    let cli = py.with_file_name("followthemoney");
    if cli.exists() {
        let o = Command::new(&cli)
            .args(["validate", "-i"])
            .arg(&path)
            .args(["-o", "/dev/null"])
            .output()
            .expect("followthemoney runs");
        assert!(
            o.status.success(),
            "followthemoney validate: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn networkx_reads_the_gexf_and_graphml_exports() {
    let Some(py) = python_with("networkx") else {
        return;
    };
    let (d, store, _) = story();
    let gexf = d.path().join("graph.gexf");
    let graphml = d.path().join("graph.graphml");
    std::fs::write(&gexf, export_text(&store, Format::Gexf, &Filter::default())).unwrap();
    std::fs::write(
        &graphml,
        export_text(&store, Format::Graphml, &Filter::default()),
    )
    .unwrap();
    let script = r#"
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
h = nx.read_graphml(sys.argv[2])
ttp = g.nodes["dossier:ttp"]
out = {
  "gexf": [g.number_of_nodes(), g.number_of_edges()],
  "graphml": [h.number_of_nodes(), h.number_of_edges()],
  "directed": [g.is_directed(), h.is_directed()],
  "ttp": [ttp["label"], ttp["type"], ttp["start"], ttp["end"]],
  "ttp_graphml": [h.nodes["dossier:ttp"]["label"], h.nodes["dossier:ttp"]["start"]],
  "edge_kinds": sorted(d["kind"] for _, _, d in h.edges(data=True)),
  "gexf_edge_times": sorted((d.get("start"), d.get("end")) for _, _, d in g.edges(data=True)),
}
print(json.dumps(out))
"#;
    let out = run_python(&py, script, &[&gexf, &graphml]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(v["gexf"], serde_json::json!([4, 5]), "{out}");
    assert_eq!(v["graphml"], v["gexf"], "{out}");
    assert_eq!(v["directed"], serde_json::json!([true, true]));
    assert_eq!(
        v["ttp"],
        serde_json::json!([
            "Tehrik-i-Taliban Pakistan",
            "ORG",
            "2018-01-01",
            "2024-04-04"
        ])
    );
    assert_eq!(v["ttp_graphml"][1], "2018-01-01");
    assert_eq!(
        v["edge_kinds"],
        serde_json::json!(["event", "event", "event", "relation", "relation"])
    );
    assert!(
        v["gexf_edge_times"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t[0].is_string()),
        "{out}"
    );
}

#[test]
fn pyarrow_reads_the_parquet_tables() {
    let Some(py) = python_with("pyarrow") else {
        return;
    };
    let (d, store, _) = story();
    let dir = d.path().join("pq");
    let f = Filter::default().resolve(&store).unwrap();
    dossier_export::export(
        &store,
        Format::Parquet,
        &f,
        dossier_export::Output::Folder(&dir),
    )
    .unwrap();
    let script = r#"
import json, sys, os
import pyarrow.parquet as pq
out = {}
for name in sorted(os.listdir(sys.argv[1])):
    t = pq.read_table(os.path.join(sys.argv[1], name))
    out[name[:-len(".parquet")]] = {"rows": t.num_rows, "cols": t.column_names,
        "types": {f.name: str(f.type) for f in t.schema}}
ev = pq.read_table(os.path.join(sys.argv[1], "events.parquet")).to_pylist()
out["bombing"] = [e for e in ev if e["code"] == "1833"][0]
out["bombing"]["day"] = str(out["bombing"]["day"])
out["about"] = pq.read_table(os.path.join(sys.argv[1], "claims.parquet")).column("about").to_pylist()
print(json.dumps(out, default=str))
"#;
    let out = run_python(&py, script, &[&dir]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    let s = store.stats().unwrap();
    assert_eq!(v["events"]["rows"], s.events, "{out}");
    assert_eq!(v["event_mentions"]["rows"], s.event_mentions);
    assert_eq!(v["relations"]["rows"], s.relations);
    assert_eq!(v["relation_mentions"]["rows"], s.relation_mentions);
    assert_eq!(v["claims"]["rows"], s.claims);
    assert_eq!(v["actors"]["rows"], s.actors);
    assert_eq!(v["articles"]["rows"], s.articles + s.duplicates);
    assert!(v["aliases"]["rows"].as_i64().unwrap() >= s.actors);
    assert_eq!(v["events"]["types"]["day"], "date32[day]");
    assert_eq!(v["events"]["types"]["confidence"], "double");
    assert_eq!(v["claims"]["types"]["about"], "list<item: string>");
    assert_eq!(v["bombing"]["day"], "2024-03-01");
    assert_eq!(v["bombing"]["source_name"], "Tehrik-i-Taliban Pakistan");
    assert_eq!(v["bombing"]["n_articles"], 2);
}
