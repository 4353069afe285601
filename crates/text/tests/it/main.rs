//! Integration tests of dossier-text: one binary (see STYLE.md).

mod golden;
mod props;
mod seed;
mod segment;

use dossier_text::{tokenize, Document};

/// Renders the segmentation of `text`: one sentence per line, each token as
/// `'text'` separated by spaces.
pub(crate) fn render(text: &str) -> String {
    let mut doc = Document::new(text.to_string(), Default::default());
    tokenize::segment(&mut doc);
    let mut out = String::new();
    for s in &doc.sentences {
        let toks: Vec<String> = s
            .token_indices()
            .map(|i| format!("'{}'", doc.token_text(dossier_text::TokenIdx::new(i))))
            .collect();
        out.push_str(&toks.join(" "));
        out.push('\n');
    }
    out
}
