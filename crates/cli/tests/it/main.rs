//! Integration tests of the `dossier` binary: one test binary, as in ripgrep.

mod extract;
