use std::path::Path;

use dossier_dedup::evaluate;

fn pairs_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/pairs"))
}

#[test]
fn bundled_pairs_meet_the_floor_on_the_test_half() {
    let report = evaluate(pairs_dir()).unwrap();
    let t = &report.test;
    let errors = serde_json::to_string_pretty(&t.errors).unwrap();
    assert!(t.n_duplicate >= 60 && t.n_distinct >= 60, "{t:?}");
    assert!(t.precision >= 0.95, "precision {:.3}; errors: {errors}", t.precision);
    assert!(t.recall >= 0.90, "recall {:.3}; errors: {errors}", t.recall);
}
