//! The `dossier` command-line tool.
fn main() {}
