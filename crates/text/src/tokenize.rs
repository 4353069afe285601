//! Tokenizer and sentence splitter for English news.
//!
//! This first version splits on whitespace and punctuation; it is replaced by
//! the careful tokenizer of the foundation issue.

use crate::{Document, Sentence, TextRange, TokenIdx, TokenKind, Tokens};

/// Fills `doc.tokens` and `doc.sentences`.
pub fn segment(doc: &mut Document) {
    let mut tokens = Tokens::default();
    tokenize_into(doc.text(), &mut tokens);
    let sentences = split_sentences(doc.text(), &tokens);
    doc.tokens = tokens;
    doc.sentences = sentences;
}

/// Tokenizes `text` into `out`.
pub fn tokenize_into(text: &str, out: &mut Tokens) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                out.push(TextRange::from_usize(s, i), TokenKind::Word);
            }
            if !c.is_whitespace() {
                out.push(TextRange::from_usize(i, i + c.len_utf8()), TokenKind::Punct);
            }
        }
    }
    if let Some(s) = start {
        out.push(TextRange::from_usize(s, text.len()), TokenKind::Word);
    }
}

/// Splits tokens into sentences at `.`, `!` and `?`.
pub fn split_sentences(text: &str, tokens: &Tokens) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    for i in 0..tokens.len() {
        let t = &text[tokens.start[i] as usize..tokens.end[i] as usize];
        if matches!(t, "." | "!" | "?") || i + 1 == tokens.len() {
            out.push(Sentence {
                range: TextRange::new(tokens.start[first], tokens.end[i]),
                first: TokenIdx::new(first),
                last: TokenIdx::new(i + 1),
            });
            first = i + 1;
        }
    }
    out
}
