//! The tokenizer and sentence splitter on arbitrary text: no panic, tokens
//! on char boundaries that rebuild the text with white-space gaps, and
//! sentences that cover the tokens in order, none longer than the cap.
#![no_main]

use dossier_text::tokenize::{segment, MAX_SENTENCE_TOKENS};
use dossier_text::{DocMeta, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut doc = Document::new(text, DocMeta::default());
    segment(&mut doc);
    let text = doc.text();
    let t = &doc.tokens;
    let mut prev = 0usize;
    for i in 0..t.len() {
        let (s, e) = (t.start[i] as usize, t.end[i] as usize);
        assert!(prev <= s && s < e && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prev = e;
    }
    let mut next = 0usize;
    for s in &doc.sentences {
        let r = s.token_indices();
        assert_eq!(r.start, next);
        assert!(r.end > r.start && r.len() <= MAX_SENTENCE_TOKENS);
        next = r.end;
    }
    assert_eq!(next, t.len());
});
