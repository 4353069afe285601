use std::path::Path;

use dossier_dedup::evaluate;

fn pairs_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/pairs"))
}

#[test]
fn bundled_pairs_meet_the_floor_on_the_test_half() {
    let report = evaluate(pairs_dir()).unwrap();
    for (name, r) in [("dev", &report.dev), ("test", &report.test)] {
        eprintln!(
            "{name}: {} duplicate, {} distinct pairs; P {:.3} R {:.3} F1 {:.3}",
            r.n_duplicate, r.n_distinct, r.precision, r.recall, r.f1
        );
    }
    let t = &report.test;
    let errors = serde_json::to_string_pretty(&t.errors).unwrap();
    assert!(t.n_duplicate >= 60 && t.n_distinct >= 60, "{t:?}");
    assert!(
        t.precision >= 0.95,
        "precision {:.3}; errors: {errors}",
        t.precision
    );
    assert!(t.recall >= 0.90, "recall {:.3}; errors: {errors}", t.recall);
}
