//! The scorer against numbers worked out by hand, with conlleval's rules, on
//! test_data/hand_checked.conll (columns: word, gold tag, predicted tag).
//!
//! Sentence 1: gold PER "Ann Lee", PER "Bob", LOC "New York"; predicted PER
//! "Ann Lee" (right), ORG "Bob" (wrong type), LOC "New" (wrong end).
//! Sentence 2 (IOB1, where B- separates two adjacent names of one type): gold
//! LOC "Paris", LOC "Lyon", ORG "Reuters"; predicted LOC "Paris Lyon"
//! (wrong), ORG "Reuters" (right).
//! So 6 gold, 5 predicted, 2 correct: P = 2/5, R = 2/6, F1 = 4/11.

use dossier_ner::conll::{chunks, Scores};

#[test]
fn scorer_agrees_with_hand_checked_file() {
    let text = include_str!("../../test_data/hand_checked.conll");
    let mut scores = Scores::default();
    let (mut gold, mut pred) = (Vec::new(), Vec::new());
    let mut flush = |gold: &mut Vec<String>, pred: &mut Vec<String>| {
        if !gold.is_empty() {
            scores.add_chunks(&chunks(gold), &chunks(pred));
        }
        gold.clear();
        pred.clear();
    };
    for line in text.lines() {
        if dossier_ner::conll::is_doc_line(line) {
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        match cols[..] {
            [] => flush(&mut gold, &mut pred),
            [_, g, p] => {
                gold.push(g.to_string());
                pred.push(p.to_string());
            }
            _ => panic!("bad line {line:?}"),
        }
    }
    flush(&mut gold, &mut pred);

    assert_eq!(
        (scores.n_gold(), scores.n_pred(), scores.n_correct()),
        (6, 5, 2)
    );
    let o = scores.overall();
    assert!((o.precision - 0.4).abs() < 1e-9);
    assert!((o.recall - 2.0 / 6.0).abs() < 1e-9);
    assert!((o.f1 - 4.0 / 11.0).abs() < 1e-9);
    let per = scores.per_type();
    assert!(
        (per["PERSON"].precision - 1.0).abs() < 1e-9 && (per["PERSON"].recall - 0.5).abs() < 1e-9
    );
    assert!((per["ORG"].precision - 0.5).abs() < 1e-9 && (per["ORG"].recall - 1.0).abs() < 1e-9);
    assert_eq!(per["LOC"].f1, 0.0);
    let json = scores.to_json();
    assert_eq!(json["n_gold"], 6);
    assert!((json["per_type"]["ORG"]["f1"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
}
