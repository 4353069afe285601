//! An article of our own in the shapes of the project's seed article
//! (`tests/fixtures/khorasan-ghag.txt`): abbreviated ranks, curly quotes
//! that close after a full stop, possessives, hyphenated names. The seed
//! article itself is checked by `dossier eval seed`, outside the tests.

use dossier_text::{tokenize, Document, TokenIdx};

/// Strips the ` date YYYY-MM-DD ` header that ingest removes in production.
fn strip_date_header(raw: &str) -> &str {
    let t = raw.trim_start();
    match t.strip_prefix("date ") {
        Some(rest)
            if rest.len() > 10
                && rest.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        *b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                }) =>
        {
            rest[10..].trim_start()
        }
        _ => raw,
    }
}

/// The fixture's sentences, counted by hand.
const SENTENCES: usize = 11;

#[test]
fn seed_shaped_article_splits_into_its_sentences() {
    let raw = include_str!("../fixtures/khorasan-ghag.txt");
    let text = strip_date_header(raw);
    assert!(!text.starts_with("date"), "date header not stripped");
    let mut doc = Document::new(text.to_string(), Default::default());
    tokenize::segment(&mut doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.range)).collect();
    assert_eq!(sentences.len(), SENTENCES, "{sentences:#?}");

    // "Gen." does not end a sentence.
    assert!(sentences.iter().any(|s| s.contains("Gen. Asim Munir")));
    // The sentence ends after the quote that closes after its full stop.
    assert!(sentences.iter().any(|s| s.ends_with("banking.’")));
    // Possessives are split from the name.
    let toks: Vec<&str> = (0..doc.tokens.len())
        .map(|i| doc.token_text(TokenIdx::new(i)))
        .collect();
    assert!(toks.windows(2).any(|w| w == ["Khan", "’s"]), "{toks:?}");
    assert!(toks.contains(&"Tehrik-i-Taliban"));
}
