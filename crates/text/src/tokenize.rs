//! Tokenizer and sentence splitter for English news.
//!
//! [`segment`] (or the [`Segmenter`] component) fills a document's token and
//! sentence layers. Tokens are byte ranges into the unchanged text; the gaps
//! between them hold only white space (and invisible characters such as the
//! zero-width space or control characters), so tokens plus gaps rebuild the
//! text exactly.
//!
//! ```
//! use dossier_text::{tokenize, Tokens};
//! let text = "Lt. Gen. Asim Munir visited the U.S. on Feb. 3. He didn’t speak.";
//! let mut tokens = Tokens::default();
//! tokenize::tokenize_into(text, &mut tokens);
//! let words: Vec<&str> = (0..tokens.len())
//!     .map(|i| &text[tokens.start[i] as usize..tokens.end[i] as usize])
//!     .collect();
//! assert_eq!(words[..5], ["Lt.", "Gen.", "Asim", "Munir", "visited"]);
//! assert_eq!(words[words.len() - 4..], ["did", "n’t", "speak", "."]);
//! assert_eq!(tokenize::split_sentences(text, &tokens).len(), 2);
//! ```
//!
//! # Token conventions
//!
//! The taggers and the parser downstream are trained on Penn Treebank and
//! Universal Dependencies tokens, so clitics are split as there:
//! `don't` -> `do` `n't`, `can't` -> `ca` `n't`, `we're` -> `we` `'re`,
//! `Khan’s` -> `Khan` `’s` (straight and curly apostrophes alike).
//!
//! Hyphenated compounds stay one token (`Tehrik-i-Taliban`, `al-Logari`,
//! `Jamaat-ul-Ahrar`, `COVID-19`). UD EWT splits hyphens, but for the people
//! who read dossier's output the names of armed groups and their members are
//! what matters, and a transliterated name cut into five tokens is a name the
//! entity tagger has to reassemble; a parser that wants UD hyphens can split
//! these tokens itself.
//!
//! A full stop stays on abbreviations, initials and dotted acronyms (`Gen.`,
//! `J.`, `U.S.`), and is a token of its own everywhere else. Decimals and
//! numbers with thousands separators (`3.5`, `1,000`), times and dates
//! (`10:30`, `26/08/2021`), URLs, host names, e-mail addresses, `@handles`
//! and `#hashtags` are single tokens with their own [`TokenKind`]. Ellipses
//! (`...`, `…`), dashes (`--`, `—`) and runs of `!`/`?` are single tokens.
//!
//! Sentence rules are described in the splitter's module, `sentence.rs`.

mod lexicon;
mod scan;
mod sentence;

use crate::{Component, Document, Sentence, Severity, Tokens};

/// The pipeline component that fills `tokens` and `sentences`: see
/// [`segment`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment.v1"
    }

    fn process(&self, doc: &mut Document) {
        segment(doc);
    }
}

/// Fills `doc.tokens` and `doc.sentences`, replacing what they held.
///
/// A document too large for the `u32` offsets of the model (4 GiB) gets a
/// diagnostic and empty layers instead.
pub fn segment(doc: &mut Document) {
    if u32::try_from(doc.text().len()).is_err() {
        doc.tokens.clear();
        doc.sentences.clear();
        doc.diagnose(
            "segment.v1",
            Severity::Error,
            None,
            "document is larger than 4 GiB; split it into articles before segmenting",
        );
        return;
    }
    let mut tokens = std::mem::take(&mut doc.tokens);
    tokens.clear();
    tokenize_into(doc.text(), &mut tokens);
    doc.sentences = split_sentences(doc.text(), &tokens);
    doc.tokens = tokens;
}

/// Appends the tokens of `text` to `out`.
///
/// # Panics
///
/// If `text` is 4 GiB or larger: offsets are `u32`. [`segment`] checks this
/// and reports a diagnostic instead.
pub fn tokenize_into(text: &str, out: &mut Tokens) {
    scan::tokenize(text, out);
}

/// Groups `tokens`, made by [`tokenize_into`] from the same `text`, into
/// sentences. Sentences cover all tokens, in order, without overlap.
pub fn split_sentences(text: &str, tokens: &Tokens) -> Vec<Sentence> {
    sentence::split(text, tokens)
}
