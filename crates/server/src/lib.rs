//! `dossier serve`: the corpus graph over HTTP. A JSON API that mirrors the
//! query commands (actor, actor search, events, timeline, network, claims,
//! search, article, stats), its OpenAPI 3 document at `/api/openapi.json`,
//! and a web UI (home, actor, events, article, network and map pages) whose
//! assets are embedded in the binary. Handlers are thin: each calls
//! `dossier-query` as the CLI does, so neither face computes anything the
//! other cannot get. This is the only crate that knows HTTP.
//!
//! The server is read-only unless it is given a token; then the write
//! endpoints (ingest, curation) exist and need `Authorization: Bearer
//! TOKEN`. Bodies, query strings and page sizes are bounded, answers are
//! compressed, errors are JSON with their status, and every page is served
//! under a Content-Security-Policy that allows no inline script.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! let config = dossier_server::Config::new("dossier.db".into());
//! let addr = "127.0.0.1:8080".parse()?;
//! dossier_server::serve(&config, addr, |at| println!("http://{at}/")).await
//! # }
//! ```

mod api;
mod assets;
mod cache;
mod error;
mod highlight;
mod pool;
mod write;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::Context;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use dossier_query::Store;

pub use api::{MAX_CSV_ROWS, MAX_LIMIT, MAX_VALUE_BYTES};
pub use error::{ApiError, ErrorBody};
pub use highlight::{segments, ArticlePage, Segment};

use cache::DossierCache;
use pool::Pool;
use write::Writer;

/// The Content-Security-Policy of every answer: scripts, styles and data
/// only from this server, no inline script, no plugins, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// The longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store file.
    pub db: PathBuf,
    /// The Bearer token the write endpoints need; without one they do not
    /// exist.
    pub token: Option<String>,
    /// Read connections, the most queries that run at once.
    pub readers: usize,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// A request still running after this long is answered 408.
    pub timeout: Duration,
    /// Bytes of actor dossiers kept between requests (see `cache`); 0
    /// computes every dossier afresh.
    pub cache_bytes: usize,
}

impl Config {
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            token: None,
            readers: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                .clamp(2, 8),
            max_body_bytes: 16 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            cache_bytes: 32 * 1024 * 1024,
        }
    }
}

/// What the handlers share.
pub struct App {
    pool: Arc<Pool>,
    writer: Option<Writer>,
    cache: Option<Arc<DossierCache>>,
    openapi: OnceLock<utoipa::openapi::OpenApi>,
}

impl App {
    /// Opens the store: read-only connections for the queries, and a
    /// writable one when there is a token. An older store is migrated first
    /// (the one write a reading command makes).
    pub fn open(config: &Config) -> anyhow::Result<Arc<App>> {
        if let Some(t) = &config.token {
            anyhow::ensure!(
                t.trim().len() >= 8,
                "the token is too short to keep anyone out; give at least 8 characters"
            );
        }
        let writer = match &config.token {
            Some(t) => Some(Writer::new(Store::open(&config.db)?, t.trim().to_string())),
            None => {
                drop(Store::open_for_reading(&config.db)?);
                None
            }
        };
        let pool = Pool::open(&config.db, config.readers)?;
        let cache = match config.cache_bytes {
            0 => None,
            n => {
                let cache = Arc::new(DossierCache::new(n));
                cache::watch(&cache, &config.db)?;
                Some(cache)
            }
        };
        Ok(Arc::new(App {
            pool: Arc::new(pool),
            writer,
            cache,
            openapi: OnceLock::new(),
        }))
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dossier",
        description = "The corpus graph of dossier: actors, relations, CAMEO events and \
                       attributed claims, each traced to its sentence."
    ),
    paths(assets::asset),
    components(schemas(ErrorBody)),
    modifiers(&BearerToken)
)]
struct ApiDoc;

struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The routes and the OpenAPI document, from the same list: a route cannot
/// be served without being described. The write routes exist only with a
/// token.
fn routes(writes: bool, app: &Arc<App>) -> OpenApiRouter<Arc<App>> {
    let mut r = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(api::stats))
        .routes(routes!(api::actors))
        .routes(routes!(api::actor))
        .routes(routes!(api::events))
        .routes(routes!(api::events_csv))
        .routes(routes!(api::timeline))
        .routes(routes!(api::network))
        .routes(routes!(api::claims))
        .routes(routes!(api::search))
        .routes(routes!(api::article))
        .routes(routes!(api::openapi))
        .routes(routes!(assets::home))
        .routes(routes!(assets::actor_page))
        .routes(routes!(assets::events_page))
        .routes(routes!(assets::article_page))
        .routes(routes!(assets::network_page))
        .routes(routes!(assets::map_page));
    if writes {
        let w = OpenApiRouter::new()
            .routes(routes!(write::ingest))
            .routes(routes!(write::merge))
            .routes(routes!(write::split))
            .routes(routes!(write::alias_add))
            .routes(routes!(write::alias_remove))
            .layer(middleware::from_fn_with_state(
                app.clone(),
                write::require_token,
            ));
        r = r.merge(w);
    }
    r
}

/// The whole HTTP service over an opened app.
pub fn router(app: Arc<App>, config: &Config) -> Router {
    let (router, doc) = routes(app.writer.is_some(), &app).split_for_parts();
    // The document is made once, with the routes; a second router over the
    // same app (tests) describes the same routes.
    let _ = app.openapi.set(doc);
    router
        .route("/assets/{*path}", get(assets::asset))
        .fallback(not_found)
        .with_state(app)
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(bound_query))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(RequestBodyLimitLayer::new(config.max_body_bytes))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

async fn not_found(request: Request) -> ApiError {
    ApiError::NotFound(format!(
        "no route {}; the API is described at /api/openapi.json",
        request.uri().path()
    ))
}

/// Refuses query strings longer than [`MAX_QUERY_BYTES`].
async fn bound_query(request: Request, next: Next) -> Response {
    let n = request.uri().query().map_or(0, str::len);
    if n > MAX_QUERY_BYTES {
        return error::error_response(
            StatusCode::URI_TOO_LONG,
            format!("the query string is {n} bytes long; give at most {MAX_QUERY_BYTES}"),
            Vec::new(),
        );
    }
    next.run(request).await
}

/// Turns the error answers of the layers and of axum itself (a too-large
/// body, a wrong method) into the JSON errors the handlers give.
async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
        return error::error_response(status, reason, Vec::new());
    }
    response
}

/// `axum::Json` whose refusals are JSON errors like the rest.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(j) => Ok(JsonBody(j.0)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge(e.body_text()))
            }
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
        }
    }
}

/// Opens the store, binds `addr` and serves until Ctrl-C (or SIGTERM).
/// `on_ready` is told the bound address (port 0 picks a free one).
pub async fn serve(
    config: &Config,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    // The store's clients block (PostgreSQL's even when it connects and
    // when it is dropped), so the app is opened and dropped off the
    // runtime's threads.
    let app = {
        let config = config.clone();
        tokio::task::spawn_blocking(move || App::open(&config))
            .await
            .context("opening the store failed")??
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}; give another --addr"))?;
    on_ready(listener.local_addr()?);
    let served = axum::serve(listener, router(app.clone(), config))
        .with_graceful_shutdown(shutdown())
        .await
        .context("the server failed");
    let _ = tokio::task::spawn_blocking(move || drop(app)).await;
    served
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
