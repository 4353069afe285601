//! `dossier eval geo`. Owned by the geo stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn eval(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval geo is not built yet")
}
