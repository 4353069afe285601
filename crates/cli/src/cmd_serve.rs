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
    /// MiB of actor dossiers kept between requests, so that a popular
    /// actor's page is computed once per change of the store; 0 turns the
    /// cache off. A commit by another process is seen within half a second.
    #[arg(long, default_value_t = 32, value_name = "MIB")]
    cache_mib: usize,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = dossier_server::Config::new(args.db.db.clone());
    config.token = args.token;
    if let Some(n) = args.readers {
        config.readers = n.max(1);
    }
    config.cache_bytes = args.cache_mib.saturating_mul(1024 * 1024);
    let writes = config.token.is_some();
    // One arena keeps the server's memory level under load (see the
    // function); each query runs on one thread and the server has few, so
    // the allocator's lock is little contended.
    dossier_text::memory::bound_malloc_arenas(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // The queries' threads are kept rather than made again after ten
        // idle seconds, so that a server's memory levels off early.
        .thread_keep_alive(std::time::Duration::from_secs(600))
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
