//! Integration tests of the dossier binary.
