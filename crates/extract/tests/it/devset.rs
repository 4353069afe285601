//! The development set under the extractor alone (gold mentions and
//! entities from the markup): floors that fail CI on a regression. The
//! figures themselves come from `dossier eval extract --oracle`.

use std::path::Path;

use dossier_extract::eval::{self, Scores};
use dossier_extract::Extractor;
use dossier_text::Component;

fn devset_scores() -> Scores {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/devset");
    let articles = eval::load_dir(&dir).unwrap();
    assert!(
        articles.len() >= 25,
        "the dev set has {} articles",
        articles.len()
    );
    let extractor = Extractor::new();
    let mut total = Scores::default();
    for a in &articles {
        eval::check_gold(a).unwrap();
        let mut doc = a.oracle_document().unwrap();
        extractor.process(&mut doc);
        if std::env::var_os("DEVSET_VERBOSE").is_some() {
            println!("== {}\n{}", a.id, eval::misses(&doc, &a.gold));
        }
        total.add(eval::score(&doc, &a.gold));
    }
    total
}

#[test]
fn devset_oracle_floors() {
    let s = devset_scores();
    println!("{s:?}");
    // The bars, with the gold markup standing in for the upstream
    // stages; the measured figures are well above them.
    assert!(
        s.relations.recall() >= 0.6 && s.relations.precision() >= 0.7,
        "{s:?}"
    );
    assert!(
        s.events.recall() >= 0.5 && s.events.precision() >= 0.6,
        "{s:?}"
    );
    assert!(s.claims.recall() >= 0.7, "{s:?}");
}
