//! The JSON API: one thin handler per query command, each turning its
//! query string into the `dossier-query` filter the CLI builds from its
//! flags, and serialising the answer as it comes.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::{header, request::Parts, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use dossier_query::{
    ActorCount, ClaimFilter, EventFilter, EventRow, Lookup, Near, NetworkFilter, Page, Period,
};

use crate::error::{ApiError, ErrorBody};
use crate::highlight::ArticlePage;
use crate::App;

/// The most rows one page may ask for.
pub const MAX_LIMIT: usize = 500;
/// The most rows one CSV download holds.
pub const MAX_CSV_ROWS: usize = 20_000;
/// The longest text a search, name or filter value may be, in bytes.
pub const MAX_VALUE_BYTES: usize = 512;

/// `axum::extract::Query` whose refusals are JSON errors like the rest.
pub struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Q(q.0))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

/// Paging of a list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// At most this many rows (1 to 500; 50 when absent).
    limit: Option<usize>,
    /// Skip this many rows first.
    offset: Option<usize>,
}

impl PageParams {
    fn page(&self) -> Result<Page, ApiError> {
        let limit = self.limit.unwrap_or(Page::default().limit);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::BadRequest(format!(
                "limit={limit}: give 1 to {MAX_LIMIT}, and page with offset"
            )));
        }
        Ok(Page {
            limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

/// Refuses a value longer than [`MAX_VALUE_BYTES`].
fn bounded<'a>(name: &str, v: Option<&'a String>) -> Result<Option<&'a String>, ApiError> {
    match v {
        Some(s) if s.len() > MAX_VALUE_BYTES => Err(ApiError::TooLarge(format!(
            "{name} is {} bytes long; give at most {MAX_VALUE_BYTES}",
            s.len()
        ))),
        _ => Ok(v.filter(|s| !s.trim().is_empty())),
    }
}

fn owned(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    Ok(bounded(name, v.as_ref())?.cloned())
}

/// The filters of `dossier events` and `dossier timeline`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// Events this actor (a name or id) is the source or target of.
    actor: Option<String>,
    /// Events this actor is in too; with `actor`, events between the two.
    with: Option<String>,
    /// A CAMEO root, `18`.
    root: Option<String>,
    /// A CAMEO code or its start (`183` also selects `1831`).
    code: Option<String>,
    /// Quad class 1 to 4.
    quad: Option<u8>,
    /// ISO 3166 alpha-2 code of the event's place.
    country: Option<String>,
    /// With `lon` and `km`: events within `km` of a point.
    lat: Option<f64>,
    lon: Option<f64>,
    km: Option<f64>,
    /// First date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), its whole period.
    from: Option<String>,
    /// Last date, its whole period.
    to: Option<String>,
    /// `asserted`, `claimed`, `denied`, `negated`, `future` or
    /// `hypothetical`.
    modality: Option<String>,
    /// At least this many distinct outlets told the event.
    min_sources: Option<i64>,
}

impl EventParams {
    pub fn filter(&self) -> Result<EventFilter, ApiError> {
        let near = match (self.lat, self.lon, self.km) {
            (Some(lat), Some(lon), Some(km)) => Some(Near { lat, lon, km }),
            (None, None, None) => None,
            _ => {
                return Err(ApiError::BadRequest(
                    "a place filter needs lat, lon and km together".into(),
                ))
            }
        };
        Ok(EventFilter {
            actor: owned("actor", &self.actor)?,
            with: owned("with", &self.with)?,
            root: owned("root", &self.root)?,
            code: owned("code", &self.code)?,
            quad: self.quad,
            country: owned("country", &self.country)?,
            near,
            from: owned("from", &self.from)?,
            to: owned("to", &self.to)?,
            modality: owned("modality", &self.modality)?,
            min_sources: self.min_sources,
        })
    }
}

/// A paged list of actors.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActorList {
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    #[schema(value_type = Vec<Object>)]
    pub actors: Vec<ActorCount>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActorSearch {
    /// A name, alias, acronym or id; without one, the most reported actors.
    q: Option<String>,
}

fn json<T: Serialize>(v: T) -> Response {
    Json(v).into_response()
}

/// A JSON body already written.
fn json_bytes(body: Bytes) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// Counts of the store and its most reported actors (`dossier stats`).
#[utoipa::path(get, path = "/api/stats", tag = "api",
    responses((status = 200, description = "counts of the store", body = Object),
              (status = 500, body = ErrorBody)))]
pub async fn stats(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    app.pool.run(|s| Ok(json(s.stats()?))).await
}

/// Actors a name may mean, or the most reported ones without a name.
#[utoipa::path(get, path = "/api/actors", tag = "api", params(ActorSearch, PageParams),
    responses((status = 200, body = ActorList), (status = 400, body = ErrorBody)))]
pub async fn actors(
    State(app): State<Arc<App>>,
    Q(q): Q<ActorSearch>,
    Q(p): Q<PageParams>,
) -> Result<Json<ActorList>, ApiError> {
    let page = p.page()?;
    let name = owned("q", &q.q)?;
    app.pool
        .run(move |s| {
            let all = match name {
                Some(n) => s.find_actors(n.trim())?,
                None => s.top_actors(page.offset + page.limit)?,
            };
            Ok(ActorList {
                total: all.len() as i64,
                offset: page.offset,
                limit: page.limit,
                actors: all.into_iter().skip(page.offset).take(page.limit).collect(),
            })
        })
        .await
        .map(Json)
}

/// The dossier of one actor, by id or name (`dossier actor`). An ambiguous
/// name answers 409 with the candidates.
#[utoipa::path(get, path = "/api/actors/{id}", tag = "api",
    params(("id" = String, Path, description = "an actor id (`dossier:ttp`) or a name")),
    responses((status = 200, description = "the actor's dossier", body = Object),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn actor(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    bounded("the actor", Some(&id))?;
    let cache = app.cache.clone();
    if let Some(body) = cache.as_ref().and_then(|c| c.get(&id)) {
        return Ok(json_bytes(body));
    }
    let generation = cache.as_ref().map(|c| c.generation());
    let key = id.clone();
    let body = app
        .pool
        .run(move |s| match dossier_query::actor_dossier(s, &id)? {
            Lookup::Found(d) => serde_json::to_vec(&d)
                .map(Bytes::from)
                .map_err(|e| ApiError::Internal(format!("cannot write the dossier: {e}"))),
            Lookup::NotFound { name } => {
                Err(dossier_query::QueryError::UnknownActor { name }.into())
            }
            Lookup::Ambiguous { name, candidates } => {
                Err(dossier_query::QueryError::AmbiguousActor { name, candidates }.into())
            }
        })
        .await?;
    if let (Some(c), Some(g)) = (cache, generation) {
        c.put(key, body.clone(), g);
    }
    Ok(json_bytes(body))
}

/// Stored events under filters, the latest first (`dossier events`).
#[utoipa::path(get, path = "/api/events", tag = "api", params(EventParams, PageParams),
    responses((status = 200, description = "a page of events", body = Object),
              (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn events(
    State(app): State<Arc<App>>,
    Q(f): Q<EventParams>,
    Q(p): Q<PageParams>,
) -> Result<Response, ApiError> {
    let filter = f.filter()?;
    let page = p.page()?;
    app.pool
        .run(move |s| Ok(json(dossier_query::events(s, &filter, page)?)))
        .await
}

/// The events under the filters as CSV, one row per event with its evidence
/// sentence (at most 20,000 rows, the latest first).
#[utoipa::path(get, path = "/api/events.csv", tag = "api", params(EventParams),
    responses((status = 200, description = "CSV, one row per event", content_type = "text/csv"),
              (status = 400, body = ErrorBody)))]
pub async fn events_csv(
    State(app): State<Arc<App>>,
    Q(f): Q<EventParams>,
) -> Result<Response, ApiError> {
    let filter = f.filter()?;
    let body = app
        .pool
        .run(move |s| {
            let mut out = csv::Writer::from_writer(Vec::new());
            let csv_err = |e: csv::Error| ApiError::Internal(format!("cannot write CSV: {e}"));
            out.write_record(CSV_HEADER).map_err(csv_err)?;
            let mut offset = 0;
            while offset < MAX_CSV_ROWS {
                let page = Page {
                    limit: MAX_LIMIT.min(MAX_CSV_ROWS - offset),
                    offset,
                };
                let rows = dossier_query::events(s, &filter, page)?.events;
                for e in &rows {
                    out.write_record(csv_row(e)).map_err(csv_err)?;
                }
                if rows.len() < page.limit {
                    break;
                }
                offset += rows.len();
            }
            out.into_inner()
                .map_err(|e| ApiError::Internal(format!("cannot write CSV: {e}")))
        })
        .await?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"events.csv\""),
    );
    Ok(response)
}

const CSV_HEADER: [&str; 22] = [
    "id",
    "date",
    "code",
    "root",
    "label",
    "source_id",
    "source",
    "target_id",
    "target",
    "place",
    "country",
    "lat",
    "lon",
    "modality",
    "goldstein",
    "mentions",
    "articles",
    "sources",
    "confidence",
    "article",
    "url",
    "sentence",
];

fn csv_row(e: &EventRow) -> Vec<String> {
    let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let ev = e.evidence.as_ref();
    vec![
        e.id.to_string(),
        opt(e.date.as_deref()),
        e.code.clone(),
        e.root.clone(),
        e.label.clone(),
        opt(e.source.as_ref().map(|a| a.id.as_str())),
        opt(e.source.as_ref().map(|a| a.name.as_str())),
        opt(e.target.as_ref().map(|a| a.id.as_str())),
        opt(e.target.as_ref().map(|a| a.name.as_str())),
        opt(e.place.as_ref().map(|a| a.name.as_str())),
        opt(e.country.as_deref()),
        num(e.lat),
        num(e.lon),
        e.modality.clone(),
        e.goldstein.to_string(),
        e.mentions.to_string(),
        e.articles.to_string(),
        e.sources.to_string(),
        e.confidence.to_string(),
        opt(ev.map(|v| v.article.as_str())),
        opt(ev.and_then(|v| v.url.as_deref())),
        opt(ev.map(|v| v.sentence.as_str())),
    ]
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// `day`, `week` or `month` (the default).
    #[param(value_type = Option<String>)]
    by: Option<Period>,
}

/// Counts of the filtered events per period and CAMEO root, empty periods
/// included (`dossier timeline`).
#[utoipa::path(get, path = "/api/timeline", tag = "api", params(EventParams, TimelineParams),
    responses((status = 200, description = "counts per period and root", body = Object),
              (status = 400, body = ErrorBody)))]
pub async fn timeline(
    State(app): State<Arc<App>>,
    Q(f): Q<EventParams>,
    Q(t): Q<TimelineParams>,
) -> Result<Response, ApiError> {
    let filter = f.filter()?;
    let by = t.by.unwrap_or_default();
    app.pool
        .run(move |s| Ok(json(dossier_query::timeline(s, &filter, by)?)))
        .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NetworkParams {
    /// The actor at the centre; without one, the heaviest edges.
    actor: Option<String>,
    /// Steps out from the actor, 1 to 4 (1 when absent).
    hops: Option<u32>,
    /// Relation predicates to follow, comma-separated (`member_of,leader_of`).
    predicate: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// Also edges made of events (true when absent).
    events: Option<bool>,
    /// At most this many edges (per actor when walking out), 1 to 500.
    limit: Option<usize>,
}

/// Actors and the relations and events between them (`dossier network`).
#[utoipa::path(get, path = "/api/network", tag = "api", params(NetworkParams),
    responses((status = 200, description = "nodes and edges", body = Object),
              (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn network(
    State(app): State<Arc<App>>,
    Q(n): Q<NetworkParams>,
) -> Result<Response, ApiError> {
    let defaults = NetworkFilter::default();
    let limit = n.limit.unwrap_or(defaults.limit);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::BadRequest(format!(
            "limit={limit}: give 1 to {MAX_LIMIT}"
        )));
    }
    let filter = NetworkFilter {
        actor: owned("actor", &n.actor)?,
        hops: n.hops.unwrap_or(defaults.hops),
        predicates: bounded("predicate", n.predicate.as_ref())?
            .map(|p| {
                p.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        from: owned("from", &n.from)?,
        to: owned("to", &n.to)?,
        events: n.events.unwrap_or(defaults.events),
        limit,
    };
    app.pool
        .run(move |s| Ok(json(dossier_query::network(s, &filter)?)))
        .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClaimParams {
    /// The speaker (a name or id).
    speaker: Option<String>,
    /// An actor the claim is about.
    about: Option<String>,
    /// Words the claim contains, all of them.
    text: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// Attributed claims by speaker, subject and words (`dossier claims`).
#[utoipa::path(get, path = "/api/claims", tag = "api", params(ClaimParams, PageParams),
    responses((status = 200, description = "a page of claims", body = Object),
              (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn claims(
    State(app): State<Arc<App>>,
    Q(c): Q<ClaimParams>,
    Q(p): Q<PageParams>,
) -> Result<Response, ApiError> {
    let filter = ClaimFilter {
        speaker: owned("speaker", &c.speaker)?,
        about: owned("about", &c.about)?,
        text: owned("text", &c.text)?,
        from: owned("from", &c.from)?,
        to: owned("to", &c.to)?,
    };
    let page = p.page()?;
    app.pool
        .run(move |s| Ok(json(dossier_query::claims(s, &filter, page)?)))
        .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words the articles contain (FTS5: quotes for phrases, `OR`, `NOT`,
    /// `word*`).
    q: Option<String>,
}

/// Full-text search over the stored articles (`dossier search`).
#[utoipa::path(get, path = "/api/search", tag = "api", params(SearchParams, PageParams),
    responses((status = 200, description = "a page of hits", body = Object),
              (status = 400, body = ErrorBody)))]
pub async fn search(
    State(app): State<Arc<App>>,
    Q(q): Q<SearchParams>,
    Q(p): Q<PageParams>,
) -> Result<Response, ApiError> {
    let words = owned("q", &q.q)?.unwrap_or_default();
    let page = p.page()?;
    app.pool
        .run(move |s| Ok(json(dossier_query::search(s, &words, page)?)))
        .await
}

/// One article with its text cut into highlighted pieces: entity mentions,
/// times, event triggers and claims.
#[utoipa::path(get, path = "/api/articles/{id}", tag = "api",
    params(("id" = String, Path, description = "the article id, `a-…`")),
    responses((status = 200, body = ArticlePage), (status = 404, body = ErrorBody)))]
pub async fn article(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<ArticlePage>, ApiError> {
    bounded("the article id", Some(&id))?;
    app.pool
        .run(move |s| {
            crate::highlight::article_page(s, &id)?.ok_or_else(|| {
                ApiError::NotFound(format!(
                    "no article {id:?}; find articles with /api/search?q=WORDS"
                ))
            })
        })
        .await
        .map(Json)
}

/// This document: the OpenAPI 3 description of every route.
#[utoipa::path(get, path = "/api/openapi.json", tag = "api",
    responses((status = 200, description = "the OpenAPI 3 document", body = Object)))]
pub async fn openapi(State(app): State<Arc<App>>) -> Response {
    json(app.openapi.get())
}
