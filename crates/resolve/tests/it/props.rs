//! Property tests: the resolver never panics, and what it writes is
//! consistent with the text and with itself.

use dossier_text::{EntityType, TextRange};
use proptest::prelude::*;

use crate::{resolve, test_kb};

/// Words that exercise the resolver's rules: names, acronyms, titles,
/// pronouns, nominal heads, parentheses, quotes and possessives.
const WORDS: &[&str] = &[
    "Imran",
    "Khan",
    "Khan’s",
    "Gen.",
    "Mufti",
    "ISKP",
    "TTP",
    "(",
    ")",
    "“",
    "”",
    "it",
    "It",
    "he",
    "they",
    "the",
    "group",
    "outfit",
    "country",
    "said",
    "has",
    "pledged",
    "is",
    "clear",
    "that",
    "Pakistani",
    "army",
    "Pakistan",
    "Moscow",
    "magazine",
    "named",
    ",",
    ".",
    "\n\n",
    "Tehrik-i-Taliban",
    "Islamic",
    "State",
    "of",
    "Zürich",
    "é",
    "’s",
    "AQAP",
    "U.S.",
    "President",
    "Lt.",
    "state",
    "journal",
];

fn article() -> impl Strategy<Value = (String, Vec<(usize, usize, usize)>)> {
    (
        prop::collection::vec(0..WORDS.len(), 0..60),
        prop::collection::vec((0usize..60, 1usize..4, 0usize..4), 0..12),
    )
        .prop_map(|(ws, marks)| {
            let text = ws.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            (text, marks)
        })
}

proptest! {
    #[test]
    fn resolver_output_is_consistent((text, marks) in article()) {
        // Mentions on word boundaries: the k-th to (k+len)-th space-separated words.
        let bounds: Vec<(usize, usize)> = {
            let mut v = Vec::new();
            let mut at = 0;
            for w in text.split(' ') {
                v.push((at, at + w.len()));
                at += w.len() + 1;
            }
            v
        };
        let types = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];
        let mut gold: Vec<(TextRange, EntityType)> = Vec::new();
        for (k, len, t) in marks {
            if k + len > bounds.len() || bounds.is_empty() {
                continue;
            }
            let r = TextRange::from_usize(bounds[k].0, bounds[k + len - 1].1);
            if !r.is_empty() && !gold.iter().any(|(g, _)| g.overlaps(r)) {
                gold.push((r, types[t]));
            }
        }
        let doc = resolve(test_kb(), &text, &gold);
        for m in &doc.mentions {
            prop_assert!(m.range.end() as usize <= text.len());
            prop_assert!(text.is_char_boundary(m.range.start() as usize));
            prop_assert!(text.is_char_boundary(m.range.end() as usize));
        }
        for w in doc.mentions.windows(2) {
            prop_assert!(w[0].range.start() <= w[1].range.start());
        }
        for (i, e) in doc.entities.iter().enumerate() {
            prop_assert!(!e.mentions.is_empty());
            for &m in &e.mentions {
                prop_assert_eq!(doc.mentions[m.index()].entity.map(|x| x.index()), Some(i));
            }
            prop_assert!(e.geo.as_ref().is_none_or(|g| g.lat != 0.0 || g.lon != 0.0));
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_text_and_spans_never_panic(text in "\\PC{0,200}", cuts in prop::collection::vec((0usize..200, 0usize..200, 0usize..4), 0..8)) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let types = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];
        let mut gold: Vec<(TextRange, EntityType)> = Vec::new();
        for (a, b, t) in cuts {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let r = TextRange::from_usize(a.min(b), a.max(b));
            if !r.is_empty() && !gold.iter().any(|(g, _)| g.overlaps(r)) {
                gold.push((r, types[t]));
            }
        }
        let doc = resolve(test_kb(), &text, &gold);
        for m in &doc.mentions {
            prop_assert!(text.is_char_boundary(m.range.start() as usize));
            prop_assert!(text.is_char_boundary(m.range.end() as usize));
        }
    }
}
