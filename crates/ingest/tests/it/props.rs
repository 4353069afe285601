//! Properties: no input makes ingest panic, and every document it yields has
//! non-empty, trimmed text.

use dossier_ingest::{ingest_bytes, IngestConfig};
use proptest::prelude::*;

const NAMES: [&str; 6] = ["a.txt", "a.jsonl", "a.html", "a.rss", "a.atom", "-"];

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), which in 0..6usize) {
        let cfg = IngestConfig::default();
        for item in ingest_bytes(NAMES[which], &bytes, &cfg).into_iter().flatten() {
            prop_assert!(!item.text().is_empty());
        }
    }

    #[test]
    fn markup_like_text_never_panics(s in r#"(<[a-z/!?]{0,8}( [a-z]+="[^"]{0,6}")?>|[ a-zA-Z.,\n{}":]{0,12}|&[a-z]{0,4};?){0,40}"#, which in 0..6usize) {
        let cfg = IngestConfig::default();
        for doc in ingest_bytes(NAMES[which], s.as_bytes(), &cfg).into_iter().flatten() {
            prop_assert_eq!(doc.text().trim(), doc.text());
            prop_assert!(!doc.text().is_empty());
        }
    }
}
