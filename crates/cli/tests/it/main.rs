//! Integration tests of the `dossier` binary: one test binary, as in ripgrep.

mod export;
mod extract;
mod help;
mod hostile;
mod postgres;
mod query;
mod store;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    dossier().args(args).output().expect("dossier runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
