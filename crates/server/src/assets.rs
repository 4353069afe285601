//! The web UI: HTML pages and their scripts, styles and vendored libraries,
//! embedded in the binary. An asset is found by its exact name in a fixed
//! table, never on the file system, so no path can reach outside it.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ErrorBody};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $name)) as &[u8])),*]
    };
}

/// Every file the UI serves, by its name under `/assets/`.
static ASSETS: &[(&str, &[u8])] = embed!(
    "index.html",
    "actor.html",
    "events.html",
    "article.html",
    "network.html",
    "map.html",
    "app.css",
    "js/common.js",
    "js/home.js",
    "js/actor.js",
    "js/events.js",
    "js/article.js",
    "js/network.js",
    "js/map.js",
    "js/mapview.js",
    "js/graph.js",
    "js/histogram.js",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css",
    "vendor/topojson-client/topojson-client.min.js",
    "vendor/world-atlas/countries-110m.json",
    "vendor/cytoscape/cytoscape.min.js",
);

fn mime(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

fn file(name: &str) -> Option<Response> {
    let (name, bytes) = ASSETS.iter().find(|(n, _)| *n == name)?;
    let mut r = (StatusCode::OK, *bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime(name)));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Some(r)
}

fn page(name: &str) -> Response {
    file(name).unwrap_or_else(|| {
        ApiError::Internal(format!("the page {name} is missing from the build")).into_response()
    })
}

/// A script, style sheet or vendored library of the UI.
#[utoipa::path(get, path = "/assets/{path}", tag = "pages",
    params(("path" = String, Path, description = "a file of the UI, `js/actor.js`")),
    responses((status = 200, description = "the file"), (status = 404, body = ErrorBody)))]
pub async fn asset(Path(path): Path<String>) -> Response {
    file(&path).unwrap_or_else(|| ApiError::NotFound(format!("no asset {path:?}")).into_response())
}

/// The home page: search, the most reported actors, the latest events.
#[utoipa::path(get, path = "/", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn home() -> Response {
    page("index.html")
}

/// An actor's page: header, relations, timeline, claims, map, network.
#[utoipa::path(get, path = "/actor/{id}", tag = "pages",
    params(("id" = String, Path, description = "an actor id or name")),
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn actor_page() -> Response {
    page("actor.html")
}

/// The events explorer: filters, table, map, histogram, CSV download.
#[utoipa::path(get, path = "/events", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn events_page() -> Response {
    page("events.html")
}

/// An article with its entities, times, event triggers and claims marked.
#[utoipa::path(get, path = "/article/{id}", tag = "pages",
    params(("id" = String, Path, description = "an article id, `a-…`")),
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn article_page() -> Response {
    page("article.html")
}

/// The network explorer, filtered by predicate and time.
#[utoipa::path(get, path = "/network", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn network_page() -> Response {
    page("network.html")
}

/// The map: country borders, clustered event points, countries shaded by
/// their events.
#[utoipa::path(get, path = "/map", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn map_page() -> Response {
    page("map.html")
}
