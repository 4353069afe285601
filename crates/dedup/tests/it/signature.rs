use dossier_dedup::{signature, Index, Signature, SIGNATURE_BYTES};

const ARTICLE: &str = "Flood waters rose across the lowlands of Sindh province on Sunday \
    after three days of monsoon rain, forcing thousands of families from their homes, \
    officials said. The provincial disaster authority said at least 14 people had died, \
    most of them when the roofs of mud houses collapsed.";

#[test]
fn signature_is_deterministic() {
    assert_eq!(signature(ARTICLE), signature(ARTICLE));
    // A fixed value guards against changes of hashing across builds and
    // platforms: stored signatures must stay comparable.
    let bytes = signature(ARTICLE).to_bytes();
    let sum: u64 = bytes.iter().map(|&b| u64::from(b)).sum();
    expect_test::expect!["50300 [1, 43, 0, 0, 0, 8, 76, 143, 4]"].assert_eq(&format!(
        "{} {:?}",
        sum,
        &bytes[..9]
    ));
}

#[test]
fn identical_text_has_similarity_one() {
    assert_eq!(signature(ARTICLE).similarity(&signature(ARTICLE)), 1.0);
}

#[test]
fn case_and_punctuation_do_not_matter() {
    let shouted = ARTICLE.to_uppercase().replace([',', '.'], "");
    assert_eq!(signature(ARTICLE).similarity(&signature(&shouted)), 1.0);
}

#[test]
fn bytes_round_trip() {
    let sig = signature(ARTICLE);
    let bytes = sig.to_bytes();
    assert_eq!(bytes.len(), SIGNATURE_BYTES);
    assert_eq!(Signature::from_bytes(&bytes).unwrap(), sig);
    let empty = signature("");
    assert_eq!(Signature::from_bytes(&empty.to_bytes()).unwrap(), empty);
}

#[test]
fn bad_bytes_are_an_error() {
    let mut bytes = signature(ARTICLE).to_bytes();
    assert!(Signature::from_bytes(&bytes[1..]).is_err());
    bytes[0] = 99;
    let err = Signature::from_bytes(&bytes).unwrap_err().to_string();
    assert!(err.contains("format version 99"), "{err}");
}

#[test]
fn empty_text_matches_nothing() {
    for text in ["", "   \n\t", "-- . , \u{2014}"] {
        let sig = signature(text);
        assert!(sig.is_empty());
        assert_eq!(sig.similarity(&sig), 0.0);
        assert_eq!(sig.band_keys().count(), 0);
        assert!(!dossier_dedup::is_near_duplicate(&sig, &sig));
    }
}

#[test]
fn text_shorter_than_a_shingle_is_one_shingle() {
    let a = signature("Ceasefire holds");
    assert_eq!(a.n_shingles(), 1);
    assert_eq!(a.similarity(&signature("CEASEFIRE, holds.")), 1.0);
    assert_eq!(a.similarity(&signature("Ceasefire collapses")), 0.0);
    assert!(dossier_dedup::is_near_duplicate(
        &a,
        &signature("ceasefire holds")
    ));
    assert_eq!(signature("one").n_shingles(), 1);
    assert_eq!(signature("one two three four five").n_shingles(), 1);
    assert_eq!(signature("one two three four five six").n_shingles(), 2);
}

#[test]
fn repeated_shingles_count_once() {
    assert_eq!(signature("a b c d e a b c d e").n_shingles(), 5);
}

#[test]
fn band_keys_cover_every_band() {
    let keys: Vec<(u8, u64)> = signature(ARTICLE).band_keys().collect();
    assert_eq!(keys.len(), dossier_dedup::N_BANDS);
    assert!(keys
        .iter()
        .enumerate()
        .all(|(i, &(band, _))| usize::from(band) == i));
}

#[test]
fn index_finds_a_copy_and_not_an_unrelated_text() {
    let mut index = Index::new();
    index.insert(7, signature(ARTICLE));
    index.insert(
        8,
        signature("Parliament passed the budget on Tuesday after a long night of debate."),
    );
    let copy = format!("Floods in Sindh\n\nBy Staff\n\n{ARTICLE}");
    let found = index.query(&signature(&copy), 0.5);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, 7);
    assert!(index.query(&signature(""), 0.0).is_empty());
}

#[test]
fn copy_cut_to_its_lead_is_contained_in_the_original() {
    let paragraphs: Vec<String> = (0..8)
        .map(|i| {
            format!(
                "Paragraph {i} reports that the committee met for the {i}th time on \
                 the question of the harbour levy, and that members from district {i} \
                 asked for a delay of {} weeks before any vote was held.",
                i * 3 + 1
            )
        })
        .collect();
    let full = signature(&paragraphs.join("\n\n"));
    let cut = signature(&paragraphs[..3].join("\n\n"));
    let containment = dossier_dedup::containment(&full, &cut);
    assert!(containment > 0.85, "{containment}");
    assert!(full.similarity(&cut) < 0.5);
    assert!(dossier_dedup::is_near_duplicate(&full, &cut));
}
