//! The write endpoints: ingest articles, and the curation judgements of
//! `dossier curate` (merge, split, alias add and remove). They exist only
//! when the server was started with a token, and every request must carry
//! it as `Authorization: Bearer TOKEN`.

use std::sync::{Arc, Mutex, OnceLock};

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use dossier_pipeline::{output_document, Pipeline, PipelineConfig};
use dossier_query::Store;
use dossier_store::{Curation, IngestReport, OutputDocument};

use crate::error::{ApiError, ErrorBody};
use crate::App;

/// The store opened for writing, and the pipeline, built at the first
/// ingest (loading the models takes a few seconds and much memory, which a
/// server that only curates never needs).
pub struct Writer {
    token: String,
    store: Mutex<Store>,
    pipeline: OnceLock<Result<Pipeline, String>>,
}

impl Writer {
    pub fn new(store: Store, token: String) -> Writer {
        Writer {
            token,
            store: Mutex::new(store),
            pipeline: OnceLock::new(),
        }
    }

    /// Runs `f` on the writable store, on a blocking thread.
    async fn run<T, F>(app: &Arc<App>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Writer, &mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let app = app.clone();
        tokio::task::spawn_blocking(move || {
            let w = app.writer.as_ref().ok_or(ApiError::Unauthorized)?;
            let mut store = w.store.lock().unwrap_or_else(|e| e.into_inner());
            let out = f(w, &mut store);
            // Whatever it did, the dossiers computed before may be stale.
            if let Some(c) = &app.cache {
                c.invalidate();
            }
            out
        })
        .await
        .map_err(|e| ApiError::Internal(format!("the write task failed: {e}")))?
    }
}

/// Compares the token in constant time, so its length is all a timing can
/// tell.
fn same_token(given: &[u8], token: &[u8]) -> bool {
    given.len() == token.len() && given.iter().zip(token).fold(0u8, |d, (a, b)| d | (a ^ b)) == 0
}

/// Refuses a request without the server's token.
pub async fn require_token(
    State(app): State<Arc<App>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let writer = app.writer.as_ref().ok_or(ApiError::Unauthorized)?;
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    if given.is_empty() || !same_token(given.as_bytes(), writer.token.as_bytes()) {
        return Err(ApiError::Unauthorized);
    }
    Ok(next.run(request).await)
}

/// What an ingest request did.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestAnswer {
    pub added: usize,
    pub unchanged: usize,
    pub replaced: usize,
    pub duplicates: usize,
    /// Articles that could not be read, each with why.
    pub skipped: Vec<String>,
}

impl IngestAnswer {
    fn new(r: &IngestReport, skipped: Vec<String>) -> IngestAnswer {
        IngestAnswer {
            added: r.added,
            unchanged: r.unchanged,
            replaced: r.replaced,
            duplicates: r.duplicates,
            skipped,
        }
    }
}

/// Runs the pipeline over articles and adds them to the store, as `dossier
/// ingest` does. The body is JSON Lines, one article a line, in the format
/// `dossier ingest` reads (`{"id", "date", "title", "url", "text"}`).
#[utoipa::path(post, path = "/api/articles", tag = "write",
    request_body(content = String, content_type = "application/x-ndjson",
                 description = "one article a line: {\"date\", \"title\", \"url\", \"text\"}"),
    security(("token" = [])),
    responses((status = 200, body = IngestAnswer), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub async fn ingest(
    State(app): State<Arc<App>>,
    body: String,
) -> Result<Json<IngestAnswer>, ApiError> {
    if body.trim().is_empty() {
        return Err(ApiError::BadRequest(
            "no articles: send JSON Lines, one article a line".into(),
        ));
    }
    Writer::run(&app, move |w, store| {
        let pipeline = w
            .pipeline
            .get_or_init(|| {
                Pipeline::new(&PipelineConfig::default())
                    .map_err(|e| format!("cannot build the pipeline: {:#}", anyhow::Error::from(e)))
            })
            .as_ref()
            .map_err(|e| ApiError::Internal(e.clone()))?;
        let cfg = dossier_ingest::IngestConfig {
            format: Some(dossier_ingest::Format::Jsonl),
            ..Default::default()
        };
        let inputs = dossier_ingest::ingest_str("request.jsonl", &body, &cfg);
        let mut report = IngestReport::default();
        let mut skipped = Vec::new();
        pipeline.run(
            inputs,
            32,
            |e| skipped.push(e.to_string()),
            |batch| -> Result<(), ApiError> {
                let docs: Vec<OutputDocument> = batch.iter().map(output_document).collect();
                report.add(&store.ingest(&docs)?);
                Ok(())
            },
        )?;
        Ok(Json(IngestAnswer::new(&report, skipped)))
    })
    .await
}

/// Two actors are one: `gone`'s facts move to `keep`, and `gone` redirects.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MergeBody {
    pub keep: String,
    pub gone: String,
}

/// An actor and a name.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ActorName {
    pub actor: String,
    pub name: String,
}

/// The actor a judgement leaves (the new actor of a split).
#[derive(Debug, Serialize, ToSchema)]
pub struct CurateAnswer {
    pub actor: String,
}

async fn curate(app: &Arc<App>, judgement: Curation) -> Result<Json<CurateAnswer>, ApiError> {
    Writer::run(app, move |_, store| {
        Ok(Json(CurateAnswer {
            actor: store.curate(&judgement)?,
        }))
    })
    .await
}

/// `dossier curate merge KEEP GONE`.
#[utoipa::path(post, path = "/api/curate/merge", tag = "write", request_body = MergeBody,
    security(("token" = [])),
    responses((status = 200, body = CurateAnswer), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)))]
pub async fn merge(
    State(app): State<Arc<App>>,
    crate::JsonBody(b): crate::JsonBody<MergeBody>,
) -> Result<Json<CurateAnswer>, ApiError> {
    curate(
        &app,
        Curation::Merge {
            keep: b.keep,
            gone: b.gone,
        },
    )
    .await
}

/// `dossier curate split ACTOR NAME`: the entities of the actor that go by
/// the name become a new actor.
#[utoipa::path(post, path = "/api/curate/split", tag = "write", request_body = ActorName,
    security(("token" = [])),
    responses((status = 200, body = CurateAnswer), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)))]
pub async fn split(
    State(app): State<Arc<App>>,
    crate::JsonBody(b): crate::JsonBody<ActorName>,
) -> Result<Json<CurateAnswer>, ApiError> {
    curate(
        &app,
        Curation::Split {
            actor: b.actor,
            name: b.name,
        },
    )
    .await
}

/// `dossier curate alias add ACTOR NAME`.
#[utoipa::path(post, path = "/api/curate/alias/add", tag = "write", request_body = ActorName,
    security(("token" = [])),
    responses((status = 200, body = CurateAnswer), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)))]
pub async fn alias_add(
    State(app): State<Arc<App>>,
    crate::JsonBody(b): crate::JsonBody<ActorName>,
) -> Result<Json<CurateAnswer>, ApiError> {
    curate(
        &app,
        Curation::AliasAdd {
            actor: b.actor,
            name: b.name,
        },
    )
    .await
}

/// `dossier curate alias remove ACTOR NAME`.
#[utoipa::path(post, path = "/api/curate/alias/remove", tag = "write", request_body = ActorName,
    security(("token" = [])),
    responses((status = 200, body = CurateAnswer), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody)))]
pub async fn alias_remove(
    State(app): State<Arc<App>>,
    crate::JsonBody(b): crate::JsonBody<ActorName>,
) -> Result<Json<CurateAnswer>, ApiError> {
    curate(
        &app,
        Curation::AliasRemove {
            actor: b.actor,
            name: b.name,
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn token_comparison_needs_every_byte() {
        assert!(super::same_token(b"s3cret", b"s3cret"));
        assert!(!super::same_token(b"s3creT", b"s3cret"));
        assert!(!super::same_token(b"s3cre", b"s3cret"));
        assert!(!super::same_token(b"", b"s3cret"));
    }
}
