//! `dossier serve`: the store's JSON API and web UI over HTTP
//! (`dossier-server`). Everything the pages show comes from the same query
//! API the query commands use.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd_store::DbArg;

/// Serve the store's JSON API and web UI over HTTP.
///
/// The UI (home, actor, events, article, network and map pages) and the
/// API (`/api/...`, described at `/api/openapi.json`) need no network: every
/// script and the world map are inside the binary. The server binds to
/// 127.0.0.1 unless `--addr` says otherwise, and is read-only unless it is
/// given a token: then `POST /api/articles` (ingest) and `POST
/// /api/curate/...` (merge, split, alias) exist and need `Authorization:
/// Bearer TOKEN`. Stop it with Ctrl-C.
#[derive(clap::Args)]
#[command(
    args_override_self = true,
    after_help = "Examples:\n  dossier serve                                         http://127.0.0.1:8080/, read-only\n  dossier serve --db graph.db --addr 127.0.0.1:3000\n  DOSSIER_TOKEN=change-this-secret dossier serve        writes need the token"
)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// The address and port to listen on; 0.0.0.0 exposes the store to the
    /// network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Enables the write endpoints, which need this Bearer token (8
    /// characters or more); the variable keeps it out of the process list.
    #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Store connections for queries, the most that run at once.
    #[arg(long)]
    readers: Option<usize>,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = dossier_server::Config::new(args.db.db.clone());
    config.token = args.token;
    if let Some(n) = args.readers {
        config.readers = n.max(1);
    }
    let writes = config.token.is_some();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(dossier_server::serve(&config, args.addr, |at| {
        eprintln!(
            "dossier: serving {} at http://{at}/ ({}); Ctrl-C stops",
            config.db.display(),
            if writes {
                "writes need the token"
            } else {
                "read-only"
            }
        );
    }))?;
    Ok(ExitCode::SUCCESS)
}
