//! `dossier train ner` and `dossier eval ner`. Owned by the ner stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct TrainArgs {}

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn train(_args: TrainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier train ner is not built yet")
}

pub fn eval(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval ner is not built yet")
}
