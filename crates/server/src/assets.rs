//! The web UI: HTML pages and their scripts, styles and vendored libraries,
//! embedded in the binary. An asset is found by its exact name in a fixed
//! table, never on the file system, so no path can reach outside it.

use std::sync::LazyLock;

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

/// A page: its title, the `<main>` it fills (`assets/pages/`), and the
/// style sheets and scripts it needs besides `app.css`.
struct PageDef {
    title: &'static str,
    main: &'static str,
    styles: &'static [&'static str],
    scripts: &'static [&'static str],
}

const MAP_CSS: &[&str] = &[
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css",
];
const MAP_JS: [&str; 3] = [
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/topojson-client/topojson-client.min.js",
];
const GRAPH_JS: &str = "vendor/cytoscape/cytoscape.min.js";

macro_rules! main_of {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/pages/", $name))
    };
}

static PAGES: [(&str, PageDef); 6] = [
    (
        "home",
        PageDef {
            title: "Home",
            main: main_of!("index.html"),
            styles: &[],
            scripts: &["js/home.js"],
        },
    ),
    (
        "actor",
        PageDef {
            title: "Actor",
            main: main_of!("actor.html"),
            styles: MAP_CSS,
            scripts: &[MAP_JS[0], MAP_JS[1], MAP_JS[2], GRAPH_JS, "js/actor.js"],
        },
    ),
    (
        "events",
        PageDef {
            title: "Events",
            main: main_of!("events.html"),
            styles: MAP_CSS,
            scripts: &[MAP_JS[0], MAP_JS[1], MAP_JS[2], "js/events.js"],
        },
    ),
    (
        "article",
        PageDef {
            title: "Article",
            main: main_of!("article.html"),
            styles: &[],
            scripts: &["js/article.js"],
        },
    ),
    (
        "network",
        PageDef {
            title: "Network",
            main: main_of!("network.html"),
            styles: &[],
            scripts: &[GRAPH_JS, "js/network.js"],
        },
    ),
    (
        "map",
        PageDef {
            title: "Map",
            main: main_of!("map.html"),
            styles: MAP_CSS,
            scripts: &[MAP_JS[0], MAP_JS[1], MAP_JS[2], "js/map.js"],
        },
    ),
];

/// Every page in `layout.html`, made once. The parts are fixed text of
/// the build, never data.
static RENDERED: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    let layout = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/layout.html"));
    PAGES
        .iter()
        .map(|(name, p)| {
            // cytoscape.js injects an inline style sheet unless an element
            // has this id (see app.css); the CSP would refuse it.
            let graph = p.scripts.contains(&GRAPH_JS);
            let app_css = if graph {
                r#"<link rel="stylesheet" href="/assets/app.css" id="__________cytoscape_stylesheet">"#
            } else {
                r#"<link rel="stylesheet" href="/assets/app.css">"#
            };
            let styles: String = std::iter::once(app_css.to_string())
                .chain(p.styles.iter().map(|s| format!(r#"<link rel="stylesheet" href="/assets/{s}">"#)))
                .collect::<Vec<_>>()
                .join("\n");
            let scripts: String = p
                .scripts
                .iter()
                .map(|s| {
                    let module = if s.starts_with("js/") { r#" type="module""# } else { "" };
                    format!(r#"<script{module} src="/assets/{s}"></script>"#)
                })
                .collect::<Vec<_>>()
                .join("\n");
            let html = layout
                .replace("{title}", p.title)
                .replace("{styles}", &styles)
                .replace("{scripts}", &scripts)
                .replace("{main}", p.main);
            (*name, html)
        })
        .collect()
});

fn page(name: &str) -> Response {
    match RENDERED.iter().find(|(n, _)| *n == name) {
        Some((_, html)) => {
            let mut r = (StatusCode::OK, html.clone()).into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(mime("x.html")),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            r
        }
        None => ApiError::Internal(format!("no page {name} in the build")).into_response(),
    }
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
    page("home")
}

/// An actor's page: header, relations, timeline, claims, map, network.
#[utoipa::path(get, path = "/actor/{id}", tag = "pages",
    params(("id" = String, Path, description = "an actor id or name")),
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn actor_page() -> Response {
    page("actor")
}

/// The events explorer: filters, table, map, histogram, CSV download.
#[utoipa::path(get, path = "/events", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn events_page() -> Response {
    page("events")
}

/// An article with its entities, times, event triggers and claims marked.
#[utoipa::path(get, path = "/article/{id}", tag = "pages",
    params(("id" = String, Path, description = "an article id, `a-…`")),
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn article_page() -> Response {
    page("article")
}

/// The network explorer, filtered by predicate and time.
#[utoipa::path(get, path = "/network", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn network_page() -> Response {
    page("network")
}

/// The map: country borders, clustered event points, countries shaded by
/// their events.
#[utoipa::path(get, path = "/map", tag = "pages",
    responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn map_page() -> Response {
    page("map")
}
