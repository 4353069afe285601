//! Acronyms: definitions ("Tehreek-e-Taliban Pakistan (TTP)") and the later
//! uses of a defined or known acronym.

use super::*;

/// An acronym defined in the text: its letters and the long form's range.
#[derive(Clone, Debug)]
pub(super) struct Definition {
    pub(super) letters: String,
    pub(super) acronym: TextRange,
    pub(super) long: TextRange,
}

pub(super) fn token_is(doc: &Document, i: usize, s: &str) -> bool {
    i < doc.tokens.len() && doc.token_text(TokenIdx::new(i)) == s
}

pub(super) fn is_possessive(doc: &Document, i: usize) -> bool {
    i < doc.tokens.len() && matches!(doc.token_text(TokenIdx::new(i)), "'s" | "’s" | "'" | "’")
}

/// Finds "Long Form (ACR)" and "ACR (Long Form)", adding an acronym mention
/// where the NER has none. Also reads "Long Form's ACR)", a common slip.
pub(super) fn acronym_definitions(doc: &mut Document) -> Vec<Definition> {
    let mut defs = Vec::new();
    let n = doc.tokens.len();
    for i in 1..n {
        let close = |j: usize| token_is(doc, j, ")");
        let opens = token_is(doc, i, "(") || (is_possessive(doc, i) && !token_is(doc, i + 1, "("));
        if !(opens && i + 2 < n && close(i + 2)) {
            continue;
        }
        let (acr_tok, before) = (i + 1, i - 1);
        let acr_range = doc.tokens.range(TokenIdx::new(acr_tok));
        let Some(letters) = acronym_letters(doc.slice(acr_range)) else {
            continue;
        };
        // The long form ends at `before`, or before a possessive there.
        let mut end_tok = before;
        if is_possessive(doc, end_tok) && end_tok > 0 {
            end_tok -= 1;
        }
        let end = doc.tokens.end[end_tok];
        let Some(long) = doc
            .mentions
            .iter()
            .filter(|m| m.range.end() == end && m.range != acr_range)
            .max_by_key(|m| m.range.len())
            .cloned()
        else {
            continue;
        };
        let long_core = {
            let text = doc.slice(long.range);
            let c = names::core(text, false);
            &text[c.start..c.end]
        };
        let slip = !token_is(doc, i, "(");
        // "CHICAGO (AP)": a dateline's agency after one word is no
        // definition of that word unless its letters spell it.
        let one_word = !long_core.contains(char::is_whitespace);
        if (slip || one_word) && !is_acronym_of(&letters, long_core) {
            continue;
        }
        if !doc.mentions.iter().any(|m| m.range.overlaps(acr_range)) {
            doc.mentions.push(Mention {
                range: acr_range,
                etype: long.etype,
                kind: MentionKind::Acronym,
                confidence: long.confidence,
                entity: None,
            });
        }
        defs.push(Definition {
            letters,
            acronym: acr_range,
            long: long.range,
        });
    }
    // "ACR (Long Form)": an acronym mention, then a mention filling the
    // parentheses.
    for i in 1..n.saturating_sub(1) {
        if !token_is(doc, i, "(") {
            continue;
        }
        let acr_range = doc.tokens.range(TokenIdx::new(i - 1));
        let Some(letters) = acronym_letters(doc.slice(acr_range)) else {
            continue;
        };
        let inner_start = doc.tokens.start[i + 1];
        let Some(long) = doc.mentions.iter().find(|m| m.range.start() == inner_start) else {
            continue;
        };
        let after = doc.tokens.start.partition_point(|&s| s < long.range.end());
        if token_is(doc, after, ")") && is_acronym_of(&letters, doc.slice(long.range)) {
            defs.push(Definition {
                letters,
                acronym: acr_range,
                long: long.range,
            });
        }
    }
    defs
}

/// Adds mentions for acronyms the NER missed: ones the text defines, and
/// ones the KB knows as an organisation or a country.
pub(super) fn add_acronym_uses(kb: &Kb, doc: &mut Document, defs: &[Definition]) {
    let mut added = Vec::new();
    for sent in &doc.sentences {
        let toks = sent.token_indices();
        let words: Vec<usize> = toks
            .clone()
            .filter(|&t| doc.tokens.kind[t] == TokenKind::Word)
            .collect();
        let caps = words
            .iter()
            .filter(|&&t| {
                let w = doc.token_text(TokenIdx::new(t));
                w.len() > 1 && !w.chars().any(char::is_lowercase)
            })
            .count();
        // A headline in capitals: every word looks like an acronym.
        if words.len() > 2 && caps * 2 > words.len() {
            continue;
        }
        for t in words {
            let range = doc.tokens.range(TokenIdx::new(t));
            let Some(letters) = acronym_letters(doc.slice(range)) else {
                continue;
            };
            if doc.mentions.iter().any(|m| m.range.overlaps(range)) {
                continue;
            }
            let etype = if let Some(d) = defs.iter().find(|d| d.letters == letters) {
                doc.mentions
                    .iter()
                    .find(|m| m.range == d.long)
                    .map(|m| m.etype)
            } else {
                kb.lookup(doc.slice(range)).iter().find_map(|&i| {
                    let e = kb.entry(i);
                    matches!(e.kind, EntryKind::Org | EntryKind::Country).then_some(e.etype)
                })
            };
            if let Some(etype) = etype {
                added.push(Mention {
                    range,
                    etype,
                    kind: MentionKind::Acronym,
                    confidence: 0.8,
                    entity: None,
                });
            }
        }
    }
    doc.mentions.extend(added);
}
