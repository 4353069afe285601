//! `dossier eval extract|muc4|petrarch`. Owned by the extraction stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {}

#[derive(clap::Args)]
pub struct Muc4Args {}

#[derive(clap::Args)]
pub struct PetrarchArgs {}

pub fn eval(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval extract is not built yet")
}

pub fn muc4(_args: Muc4Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval muc4 is not built yet")
}

pub fn petrarch(_args: PetrarchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval petrarch is not built yet")
}
