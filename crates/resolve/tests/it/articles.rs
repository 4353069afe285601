//! Golden tests on whole articles: `test_data/articles/*.txt` mark the gold
//! name mentions inline; `*.expected` hold the entities the resolver makes of
//! them with the shipped knowledge base (groups, types, KB ids, geocodes).
//! Refresh with `UPDATE_EXPECT=1 cargo test -p dossier-resolve` and review
//! the diff.

use std::path::Path;

use crate::{parse_fixture, render, resolve, shipped_kb};

fn golden(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/articles");
    let marked = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("article exists");
    let (text, gold) = parse_fixture(&marked);
    let doc = resolve(shipped_kb(), &text, &gold);
    let mut actual = render(&doc);
    for d in &doc.diagnostics {
        actual.push_str(&format!("diagnostic {}: {}\n", d.stage, d.message));
    }
    let expected_path = dir.join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &actual).expect("write expected file");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        panic!(
            "{name}: resolution differs from {} (refresh with UPDATE_EXPECT=1 and review):\n--- expected\n{expected}--- actual\n{actual}",
            expected_path.display()
        );
    }
}

#[test]
fn sahel() {
    golden("sahel");
}

#[test]
fn yemen() {
    golden("yemen");
}

#[test]
fn myanmar() {
    golden("myanmar");
}

#[test]
fn colombia() {
    golden("colombia");
}

#[test]
fn ukraine() {
    golden("ukraine");
}

#[test]
fn us_local() {
    golden("us_local");
}
