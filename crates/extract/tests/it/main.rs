//! Integration tests of the extractor: one line of fixture, its rendering.

mod extract;
