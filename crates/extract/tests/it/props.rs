//! The extractor never panics, whatever the text and the mentions on it,
//! and every span it reports lies on character boundaries of the text.

use dossier_extract::{render, Extractor};
use dossier_text::{
    tokenize, Component, DocMeta, Document, Entity, EntityId, EntityType, Mention, MentionIdx,
    MentionKind, TokenIdx,
};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "ISKP",
    "said",
    "that",
    "“",
    "”",
    "\"",
    ",",
    ".",
    "the",
    "attacked",
    "visited",
    "its",
    "magazine",
    "named",
    "according",
    "to",
    "a",
    "spokesman",
    "for",
    "head",
    "of",
    "active",
    "in",
    "and",
    "claimed",
    "responsibility",
    "was",
    "by",
    "which",
    "is",
    "engaged",
    "power",
    "struggle",
    "with",
    "warned",
    "denied",
    "suicide",
    "bombing",
    "Kabul",
    "é",
    "—",
    "'s",
    "it",
    "(",
    ")",
];

fn build(words: Vec<usize>, marks: Vec<(usize, usize, u8)>) -> Document {
    let text = words
        .iter()
        .map(|&w| WORDS[w % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let mut doc = Document::new(text, DocMeta::default());
    tokenize::segment(&mut doc);
    let n = doc.tokens.len();
    for (k, (start, len, ty)) in marks.into_iter().enumerate() {
        if n == 0 {
            break;
        }
        let first = start % n;
        let last = (first + 1 + len % 3).min(n);
        let range = doc
            .tokens
            .range(TokenIdx::new(first))
            .cover(doc.tokens.range(TokenIdx::new(last - 1)));
        let etype = EntityType::ALL[ty as usize % EntityType::ALL.len()];
        let id = k % 3;
        while doc.entities.len() <= id {
            doc.entities.push(Entity {
                name: format!("e{id}"),
                etype,
                kb_id: None,
                aliases: vec![],
                geo: None,
                mentions: vec![],
                titles: vec![],
                confidence: 1.0,
            });
        }
        doc.entities[id]
            .mentions
            .push(MentionIdx::new(doc.mentions.len()));
        doc.mentions.push(Mention {
            range,
            etype,
            kind: MentionKind::Name,
            confidence: 1.0,
            entity: Some(EntityId::new(id)),
        });
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn no_panic_and_spans_on_char_boundaries(
        words in proptest::collection::vec(0usize..200, 0..60),
        marks in proptest::collection::vec((0usize..100, 0usize..5, 0u8..9), 0..12),
    ) {
        let mut doc = build(words, marks);
        Extractor::new().process(&mut doc);
        let text = doc.text().to_string();
        let spans = doc
            .events
            .iter()
            .map(|e| e.trigger)
            .chain(doc.relations.iter().map(|r| r.evidence))
            .chain(doc.claims.iter().flat_map(|c| [c.range, c.evidence]));
        for r in spans {
            prop_assert!(text.is_char_boundary(r.start() as usize) && text.is_char_boundary(r.end() as usize));
            prop_assert!(r.end() as usize <= text.len());
        }
        let _ = render::all(&doc);
    }
}
