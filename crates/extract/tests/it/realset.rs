//! The real-news set's annotations, checked without their texts (which stay
//! in `../shared/data`; `dossier eval extract --set real` checks those): every
//! file parses, names only entities of its article or generic actors, and
//! uses the project's predicates and CAMEO codes; no article is on both
//! sides of the held-back split.

use std::path::Path;

use dossier_extract::realset::{self, Known};
use dossier_extract::Lexicon;

#[test]
fn realset_annotations_are_well_formed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/realset");
    let known = Known::of(&Lexicon::embedded().unwrap());
    let dev = realset::paths(&dir).unwrap();
    let heldout = realset::paths(&dir.join("heldout")).unwrap();
    assert!(
        dev.len() >= 20 && heldout.len() >= 10,
        "{} dev, {} held back",
        dev.len(),
        heldout.len()
    );
    let mut problems = Vec::new();
    for path in dev.iter().chain(&heldout) {
        let (_, annotation) = realset::read_annotation(path).unwrap();
        for p in annotation.problems(&known) {
            problems.push(format!("{}: {p}", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let name = |p: &std::path::PathBuf| p.file_name().unwrap().to_owned();
    for p in &heldout {
        assert!(
            !dev.iter().any(|d| name(d) == name(p)),
            "{} is on both sides",
            p.display()
        );
    }
}
