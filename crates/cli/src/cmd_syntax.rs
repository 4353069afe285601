//! `dossier train syntax` and `dossier eval syntax`. Owned by the syntax stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct TrainArgs {}

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn train(_args: TrainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier train syntax is not built yet")
}

pub fn eval(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval syntax is not built yet")
}
