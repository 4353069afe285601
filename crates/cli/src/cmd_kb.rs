//! `dossier build-kb`. Owned by the knowledge-base stage.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct BuildArgs {}

pub fn build(_args: BuildArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier build-kb is not built yet")
}
