//! The seed article of the project, read from `../shared` when it is there.
//!
//! This is the one test allowed to read outside the repository: the article
//! must not be copied into it. Without the file the test says so and passes.

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

#[test]
fn seed_article_has_eighteen_sentences() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed.txt"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("skipping: seed article not found at {path}");
        return;
    };
    let text = strip_date_header(&raw);
    assert!(!text.starts_with("date"), "date header not stripped");
    let mut doc = Document::new(text.to_string(), Default::default());
    tokenize::segment(&mut doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.range)).collect();
    assert_eq!(sentences.len(), 18, "{sentences:#?}");

    // "Gen." does not end a sentence.
    assert!(sentences.iter().any(|s| s.contains("Gen. Asim Munir")));
    // The sentence ends after the quote that closes after its full stop.
    assert!(sentences.iter().any(|s| s.ends_with("banking.’")));
    // Possessives are split from the name.
    let toks: Vec<&str> = (0..doc.tokens.len())
        .map(|i| doc.token_text(TokenIdx::new(i)))
        .collect();
    let khan = toks
        .iter()
        .position(|t| *t == "Khan")
        .expect("Khan is a token");
    assert_eq!(toks[khan + 1], "’s");
    assert!(toks.contains(&"Tehrik-i-Taliban"));
}
