//! Integration tests of dossier-dedup: the signature's properties and the
//! evaluation on the bundled labelled pairs.

mod eval;
mod signature;
