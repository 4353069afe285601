//! Casing, long documents, and arbitrary input.

use dossier_ner::newsgen::news_text;
use proptest::prelude::*;

#[test]
fn all_caps_headline_still_has_names() {
    let doc = crate::tag("PRESIDENT JOE BIDEN MEETS XI JINPING IN SAN FRANCISCO");
    assert!(doc.mentions.len() >= 2, "{}", crate::render(doc.text()));
}

#[test]
fn all_caps_headline_uses_the_article_body() {
    let text = "TURKEY AND SYRIA TALK TRADE\n\nOfficials from Turkey and Syria met on Friday.";
    let doc = crate::tag(text);
    let in_headline = doc.mentions.iter().filter(|m| m.range.end() < 27).count();
    assert!(in_headline >= 2, "{}", crate::render(text));
}

#[test]
fn lowercase_text_still_has_names() {
    let doc = crate::tag("yesterday barack obama flew from washington to london for talks with the british government.");
    assert!(!doc.mentions.is_empty(), "{}", crate::render(doc.text()));
}

#[test]
fn hundred_thousand_token_document_runs() {
    let text = news_text(130_000, 3);
    let doc = crate::tag(&text);
    assert!(doc.tokens.len() >= 100_000);
    // The text is full of names; a long document must not lose them.
    assert!(
        doc.mentions.len() > 10_000,
        "{} mentions",
        doc.mentions.len()
    );
}

#[test]
fn mentions_align_to_tokens() {
    let doc = crate::tag(&news_text(2_000, 5));
    for m in &doc.mentions {
        assert!(doc.tokens.start.contains(&m.range.start()), "{m:?}");
        assert!(doc.tokens.end.contains(&m.range.end()), "{m:?}");
    }
}

proptest! {
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,300}") {
        let doc = crate::tag(&text);
        for m in &doc.mentions {
            prop_assert!(text.is_char_boundary(m.range.start() as usize));
            prop_assert!(text.is_char_boundary(m.range.end() as usize));
        }
    }

    #[test]
    fn no_panic_on_arbitrary_tokens(words in proptest::collection::vec("\\PC{0,12}", 0..40)) {
        let refs: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
        for n in crate::tagger().tag_tokens(&refs) {
            prop_assert!(n.start < n.end && n.end <= refs.len());
        }
    }
}
