//! Integration tests of the NER stage: tagging fixtures, robustness, and the
//! conlleval-compatible scorer on a hand-checked file.

mod model_file;
mod robustness;
mod scoring;
mod tagging;
mod training;

use dossier_ner::NerTagger;
use dossier_text::{tokenize, Component, DocMeta, Document};
use std::sync::OnceLock;

/// The embedded model, loaded once for all tests.
pub fn tagger() -> &'static NerTagger {
    static T: OnceLock<NerTagger> = OnceLock::new();
    T.get_or_init(|| NerTagger::embedded().expect("models/ner.bin is embedded"))
}

/// Segments and tags `text` as one document.
pub fn tag(text: &str) -> Document {
    let mut doc = Document::new(text.to_string(), DocMeta::default());
    tokenize::segment(&mut doc);
    tagger().process(&mut doc);
    doc
}

/// Renders the mentions of `text` inline: `[Moscow]{LOC}`.
pub fn render(text: &str) -> String {
    let doc = tag(text);
    let mut out = String::new();
    let mut at = 0;
    for m in &doc.mentions {
        let r = m.range.as_range();
        out.push_str(&text[at..r.start]);
        out.push_str(&format!("[{}]{{{}}}", &text[r.clone()], m.etype.as_str()));
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}
