//! Integration tests of the pipeline as a whole: a stage that panics, and
//! one whole article through every stage to its `OutputDocument`.

mod claims;
mod golden;
mod panics;
