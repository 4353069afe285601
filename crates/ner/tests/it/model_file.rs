//! The model file: it reads back to the same bytes, and bad files are
//! refused with an error, not a panic.

use dossier_ner::Model;

fn embedded_bytes() -> Vec<u8> {
    crate::tagger().model().to_bytes()
}

#[test]
fn model_round_trips_byte_for_byte() {
    let bytes = embedded_bytes();
    let again = Model::from_bytes(&bytes).expect("reads its own output");
    assert_eq!(again.n_features(), crate::tagger().model().n_features());
    assert!(again.to_bytes() == bytes, "bytes differ after a round trip");
}

#[test]
fn truncated_or_foreign_files_are_errors() {
    let bytes = embedded_bytes();
    for cut in [0, 3, 17, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut other = bytes.clone();
    other[..4].copy_from_slice(b"NOPE");
    let err = Model::from_bytes(&other).err().map(|e| e.to_string());
    expect_test::expect![[r#"Some("bad model: not a dossier NER model (bad magic)")"#]]
        .assert_eq(&format!("{err:?}"));
}
