//! dossier's document model: the immutable article text, byte [`TextRange`]s
//! into it, and the layers that pipeline stages add, from tokens up to
//! relations, events and claims.
//!
//! ```
//! use dossier_text::{Document, DocMeta, tokenize};
//! let mut doc = Document::new("Gen. Asim Munir visited Moscow.".to_string(), DocMeta::default());
//! tokenize::segment(&mut doc);
//! assert_eq!(doc.sentences.len(), 1);
//! ```

pub mod cpu;
mod document;
mod idx;
pub mod memory;
mod range;
pub mod tokenize;
pub mod truecase;
pub mod wordlists;

pub use document::*;
pub use idx::*;
pub use range::TextRange;

/// One stage of the pipeline. Stages are built once (models and lexicons are
/// loaded then) and run over many documents, possibly in parallel.
///
/// Stages talk only through the document's layers: a stage reads the layers
/// below it and fills its own. Bad content becomes a diagnostic, never a panic.
pub trait Component: Send + Sync {
    /// Purpose-named and versioned: `"time.v1"`.
    fn name(&self) -> &'static str;
    fn process(&self, doc: &mut Document);
}
