//! Integration tests of the extractor: one line of fixture, its rendering.

mod devset;
mod extract;
mod props;
mod realset;
