//! Relations, CAMEO-coded events and speaker-attributed claims.
//!
//! [`Extractor`] (component `"extract.v1"`) reads the layers the earlier
//! stages fill (tokens, sentences, mentions resolved to entities, times and,
//! when present, syntax) and fills `doc.claims`, `doc.events` and
//! `doc.relations`. Claims come first, so that events and relations inside
//! someone's words are marked claimed and attributed to the speaker, never
//! mixed with the article's own statements.
//!
//! The patterns are dossier's own lexicon (`data/lexicon.tsv`: verb and noun
//! triggers for CAMEO codes, reporting verbs, role nouns, relation phrases,
//! publication nouns and epithets) and the CAMEO code table with Goldstein weights
//! (`data/cameo_codes.tsv`). Both are embedded and parsed once, in
//! [`Extractor::new`].
//!
//! ```
//! use dossier_extract::{fixture, render, Extractor};
//! use dossier_text::Component;
//! let mut doc = fixture::document("[ISKP]{ORG#1} threatened [Pakistan]{GPE#2}.").unwrap();
//! Extractor::new().process(&mut doc);
//! assert_eq!(render::events(&doc), "130 ISKP -> Pakistan asserted 'threatened'\n");
//! ```

mod actors;
mod claims;
#[cfg(feature = "eval")]
pub mod eval;
mod events;
pub mod fixture;
pub mod lexicon;
#[cfg(feature = "eval")]
pub mod muc4;
#[cfg(feature = "eval")]
pub mod petrarch;
#[cfg(feature = "eval")]
pub mod realset;
mod relations;
pub mod render;
mod view;

use std::path::PathBuf;

use dossier_text::{Component, Document};

pub use lexicon::Lexicon;
pub use relations::SYMMETRIC;

/// Errors of this crate: a lexicon that does not parse, a development-set
/// file that cannot be read or is malformed.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{file}:{line}: {message}")]
    Lexicon {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Data { path: PathBuf, message: String },
    #[error("fixture: {0}")]
    Fixture(String),
}

/// The extraction stage: relations, coded events and claims.
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    titles: std::collections::HashSet<String>,
    actor_heads: actors::ActorHeads,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The extractor with dossier's embedded lexicon.
    pub fn new() -> Extractor {
        // The embedded files are part of the build and a unit test parses
        // them, so a failure here is a bug in the crate, not bad input.
        let lexicon = Lexicon::embedded().expect("embedded extraction lexicon parses");
        Extractor::with_lexicon(lexicon)
    }

    /// An extractor with another lexicon (see `data/lexicon.tsv` for the
    /// format).
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        let titles = lexicon.title_words();
        Extractor {
            lexicon,
            titles,
            actor_heads: actors::ActorHeads::embedded(),
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

impl Component for Extractor {
    fn name(&self) -> &'static str {
        "extract.v1"
    }

    fn process(&self, doc: &mut Document) {
        let mut view = view::DocView::new(doc, &self.titles);
        let claims = claims::find(&self.lexicon, &view);
        // Unnamed actors ("police", "troops") are arguments of events only:
        // claims and relations need named speakers and parties.
        let generics = actors::find(&self.actor_heads, &view);
        view.set_generics(generics);
        view.use_generics(true);
        let events = events::find(&self.lexicon, &view, &claims);
        view.use_generics(false);
        let relations = relations::find(&self.lexicon, &view, &claims);
        doc.claims = claims.into_iter().map(|c| c.claim).collect();
        doc.events = events;
        doc.relations = relations;
    }
}
