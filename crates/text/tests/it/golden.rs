//! Golden files: whole articles in `test_data/segment/*.txt`, their
//! segmentation in the `.expected` file beside each. Refresh with
//! `UPDATE_EXPECT=1 cargo test -p dossier-text` and review the diff.

use std::path::PathBuf;

use expect_test::expect_file;

#[test]
fn segment_golden_articles() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/segment");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/segment is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    assert!(
        articles.len() >= 3,
        "expected at least 3 articles in {dir:?}"
    );
    for path in articles {
        let text = std::fs::read_to_string(&path).expect("article is UTF-8");
        let rendered = crate::render(&text);
        assert!(rendered.lines().count() >= 8, "{path:?}: too few sentences");
        expect_file![path.with_extension("expected")].assert_eq(&rendered);
    }
}
