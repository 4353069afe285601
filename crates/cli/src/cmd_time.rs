//! `dossier eval time`. Owned by the time stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn eval(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval time is not built yet")
}
