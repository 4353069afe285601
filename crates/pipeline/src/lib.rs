//! the pipeline: stages in order, batch runs, and the public output schema
