//! The article-extraction metric on strings whose overlaps are easy to count.

use dossier_ingest::eval::{shingle_overlap, tokens};

fn overlap(truth: &str, pred: &str) -> (f64, f64, f64) {
    shingle_overlap(truth, pred, 3)
}

#[test]
fn tokens_are_runs_of_word_characters() {
    assert_eq!(tokens("x y,zz:w(k,l) "), ["x", "y", "zz", "w", "k", "l"]);
    assert_eq!(tokens("Kyiv’s 2nd café"), ["Kyiv", "s", "2nd", "café"]);
}

#[test]
fn shingle_overlap_counts_multisets_and_normalises() {
    assert_eq!(overlap("p q r", "p q r"), (1.0, 0.0, 0.0));
    assert_eq!(overlap("p q r s", "p q r"), (0.5, 0.0, 0.5));
    assert_eq!(overlap("p q r", "p q r s"), (0.5, 0.5, 0.0));
    assert_eq!(overlap("", ""), (0.0, 0.0, 0.0));
    assert_eq!(overlap("p", ""), (0.0, 0.0, 1.0));
    assert_eq!(overlap("", "p"), (0.0, 1.0, 0.0));
    // Four shingles in the truth (pqr twice), one in the prediction.
    assert_eq!(overlap("p q r p q r", "p q r"), (0.25, 0.0, 0.75));
    // Short texts are one shingle each: the whole token list.
    assert_eq!(overlap("p q", "p q"), (1.0, 0.0, 0.0));
    assert_eq!(overlap("p q", "q p"), (0.0, 0.5, 0.5));
}
