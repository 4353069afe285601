//! Training end to end on a tiny corpus of our own, with one and with two
//! folders of word vectors: deterministic, the second cluster table is kept
//! in the model file, and a third folder is refused.

use std::path::{Path, PathBuf};

use dossier_ner::{conll, train, Model, TrainConfig};

/// Four short documents in CoNLL format, written for this test.
const CORPUS: &str = "\
DOC -X- O

Ahmed NNP I-PER
Khan NNP I-PER
visited VBD O
Kabul NNP I-LOC
. . O

Officials NNS O
in IN O
Herat NNP I-LOC
met VBD O
Ahmed NNP I-PER
. . O

DOC -X- O

Maria NNP I-PER
Lopez NNP I-PER
left VBD O
Bogota NNP I-LOC
. . O

The DT O
army NN O
of IN O
Colombia NNP I-LOC
spoke VBD O
. . O

DOC -X- O

Police NNS O
in IN O
Kabul NNP I-LOC
arrested VBD O
Maria NNP I-PER
. . O

DOC -X- O

Khan NNP I-PER
flew VBD O
to TO O
Herat NNP I-LOC
. . O
";

/// Writes `vectors.npy` (C order, float32) and `vocab.txt` into a fresh
/// folder: names point one way, places another, other words a third.
fn vectors_dir(name: &str, words: &[(&str, [f32; 3])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-ner-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut header = format!(
        "{{'descr': '<f4', 'fortran_order': False, 'shape': ({}, 3), }}",
        words.len()
    );
    header.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend(
        words
            .iter()
            .flat_map(|(_, v)| v.iter().flat_map(|x| x.to_le_bytes())),
    );
    std::fs::write(dir.join("vectors.npy"), bytes).unwrap();
    let vocab: String = words.iter().map(|(w, _)| format!("{w}\n")).collect();
    std::fs::write(dir.join("vocab.txt"), vocab).unwrap();
    dir
}

fn train_bytes(vectors: &[&Path]) -> Result<Vec<u8>, dossier_ner::NerError> {
    let docs = conll::parse_conll(CORPUS);
    let config = TrainConfig {
        epochs: 3,
        vectors: vectors.iter().map(|p| p.to_path_buf()).collect(),
        n_clusters: vec![(3, 2)],
        ..TrainConfig::default()
    };
    Ok(train(&docs, &docs, &config, &mut |_| {})?.to_bytes())
}

#[test]
fn two_vector_folders_give_a_second_cluster_table() {
    let people = [1.0, 0.0, 0.0];
    let places = [0.0, 1.0, 0.0];
    let other = [0.0, 0.0, 1.0];
    let first = vectors_dir(
        "first",
        &[
            ("ahmed", people),
            ("maria", people),
            ("khan", people),
            ("kabul", places),
            ("herat", places),
            ("bogota", places),
            ("visited", other),
            ("left", other),
        ],
    );
    let second = vectors_dir("second", &[("lopez", people), ("colombia", places)]);

    let one = train_bytes(&[&first]).unwrap();
    let two = train_bytes(&[&first, &second]).unwrap();
    assert_eq!(
        two,
        train_bytes(&[&first, &second]).unwrap(),
        "deterministic"
    );
    // Two more words in the second table: 14 bytes each, and the model has
    // features from them.
    assert!(
        two.len() > one.len() + 2 * 14,
        "{} vs {}",
        two.len(),
        one.len()
    );
    let model = Model::from_bytes(&two).unwrap();
    assert_eq!(model.to_bytes(), two, "round trip");

    let err = train_bytes(&[&first, &second, &first]).unwrap_err();
    assert!(err.to_string().contains("at most two"), "{err}");
    for dir in [first, second] {
        std::fs::remove_dir_all(dir).ok();
    }
}
