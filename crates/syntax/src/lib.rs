//! syntax: part-of-speech tagger, lemmatiser and dependency parser for
//! English news, trained in Rust on Universal Dependencies treebanks.
//!
//! [`SyntaxTagger`] fills `doc.syntax` (UPOS, PTB XPOS, lemma, head and UD
//! relation per token) for every sentence; [`query`] answers the questions
//! the extraction stage asks of a parse (who did what to whom, who said what).
//!
//! ```
//! use dossier_text::{tokenize, Component, DocMeta, Document};
//! use dossier_syntax::{query, SyntaxTagger};
//!
//! let tagger = SyntaxTagger::embedded().unwrap();
//! let mut doc = Document::new("The army said it shelled the town.".into(), DocMeta::default());
//! tokenize::segment(&mut doc);
//! tagger.process(&mut doc);
//! let said = doc.syntax.lemma.iter().position(|l| l == "say").unwrap();
//! let speaker = query::speaker(&doc, dossier_text::TokenIdx::new(said)).unwrap();
//! assert_eq!(doc.token_text(speaker), "army");
//! ```
//!
//! The tagger is a greedy averaged perceptron over joint UPOS/XPOS tags; it
//! also hands the parser each token's runner-up tag where that nearly won,
//! and the shipped parser decides between the two itself (joint tagging).
//! The parser is arc-eager with the Zhang & Nivre (2011) features, greedy
//! with a dynamic oracle or a beam search trained globally (as shipped:
//! `--beam 8`; the model file records the width it parses with and the
//! score gap beyond which beam items are dropped, and [`Model::with_beam`]
//! and [`Model::with_gap`] change them; the pipeline parses at width 2;
//! figures in [`train`]). Both also read
//! word clusters (spherical k-means over MiniLM's word embeddings, built by
//! `dossier-vectors` at training time and stored in the model), which reach
//! words the treebanks never saw. Both score hashed sparse features;
//! `benches/throughput.rs` measures tokens per second on one core.

mod codec;
#[cfg(feature = "train")]
pub mod conllu;
mod lemma;
mod model;
mod parser;
mod perceptron;
pub mod query;
mod tagger;
#[cfg(feature = "train")]
pub mod train;

use std::cell::RefCell;
use std::sync::Arc;

use dossier_text::{Component, Document, Syntax, TokenIdx, Upos};

#[cfg(feature = "train")]
pub use conllu::{parse_conllu, read_conllu, TreebankSentence};
#[cfg(feature = "train")]
pub use dossier_vectors::{read_word_vectors, WordVectors};
pub use model::{Model, Scratch};
#[cfg(feature = "train")]
pub use train::{evaluate, Progress, Quiet, Scores, TrainConfig};

/// Errors of the syntax crate.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Conllu {
        path: String,
        line: usize,
        message: String,
    },
    #[error("the syntax model is unusable: {0}")]
    Corrupt(String),
}

/// The model shipped with the binary, built by `dossier train syntax`.
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/syntax.bin"
));

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The syntax stage: tags, lemmatises and parses every sentence.
pub struct SyntaxTagger {
    model: Model,
}

impl SyntaxTagger {
    /// Loads the model embedded in the binary.
    pub fn embedded() -> Result<SyntaxTagger, SyntaxError> {
        let tagger = SyntaxTagger::from_bytes(EMBEDDED);
        dossier_text::memory::release_embedded(EMBEDDED);
        tagger
    }

    /// Loads a model file written by `dossier train syntax`, for tagging
    /// only ([`Model::from_bytes_for_scoring`]; [`Model::from_bytes`]
    /// keeps all of it).
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxTagger, SyntaxError> {
        Ok(SyntaxTagger {
            model: Model::from_bytes_for_scoring(bytes)?,
        })
    }

    /// The embedded model whole, which can be pruned and written again.
    pub fn embedded_model() -> Result<Model, SyntaxError> {
        Model::from_bytes(EMBEDDED)
    }

    pub fn from_model(model: Model) -> SyntaxTagger {
        SyntaxTagger { model }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The same stage parsing with a beam of `width` (1: greedy).
    pub fn with_beam(self, width: usize) -> SyntaxTagger {
        SyntaxTagger {
            model: self.model.with_beam(width),
        }
    }

    /// The same stage dropping beam items more than `gap` weight units
    /// below the best (see [`Model::with_gap`]).
    pub fn with_gap(self, gap: f32) -> SyntaxTagger {
        SyntaxTagger {
            model: self.model.with_gap(gap),
        }
    }
}

/// The form the model sees: typographic quotes and apostrophes folded to the
/// ASCII ones the treebanks mostly use ("n’t" -> "n't"). The document text
/// itself is never changed.
fn model_form(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']) {
        text.replace(['\u{2018}', '\u{2019}'], "'")
            .replace(['\u{201c}', '\u{201d}'], "\"")
            .into()
    } else {
        text.into()
    }
}

impl Component for SyntaxTagger {
    fn name(&self) -> &'static str {
        "syntax.v1"
    }

    fn process(&self, doc: &mut Document) {
        let n = doc.tokens.len();
        let mut syn = Syntax {
            upos: vec![Upos::X; n],
            xpos: vec![Arc::from(""); n],
            lemma: (0..n)
                .map(|i| doc.cased_token_text(TokenIdx::new(i)).to_string())
                .collect(),
            head: vec![None; n],
            deprel: vec![Arc::from("dep"); n],
        };
        SCRATCH.with(|cell| {
            let scratch = &mut *cell.borrow_mut();
            let mut forms: Vec<std::borrow::Cow<str>> = Vec::new();
            for sent in &doc.sentences {
                let range = sent.token_indices();
                if range.is_empty() || range.end > n {
                    continue;
                }
                forms.clear();
                forms.extend(
                    range
                        .clone()
                        .map(|i| model_form(doc.cased_token_text(TokenIdx::new(i)))),
                );
                let refs: Vec<&str> = forms.iter().map(|f| f.as_ref()).collect();
                self.model.analyze(&refs, scratch);
                for (k, i) in range.clone().enumerate() {
                    let t = scratch.tags[k];
                    let xpos = self.model.xpos(t);
                    syn.upos[i] = self.model.upos(t);
                    syn.lemma[i] = self.model.lemmatizer.lemma(&forms[k], xpos);
                    syn.xpos[i] = self.model.xpos_shared(t);
                    let h = scratch.heads()[k + 1];
                    syn.head[i] = (h != 0).then(|| TokenIdx::new(range.start + h as usize - 1));
                    syn.deprel[i] = self.model.label_shared(scratch.labels()[k + 1]);
                }
            }
        });
        doc.syntax = syn;
    }
}
