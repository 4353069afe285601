//! The JSON API, driven in-process through the router (`tower::oneshot`).

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use dossier_query::{EventFilter, Page, Store};
use dossier_server::{router, App, Config};

use crate::fixture;

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }
}

async fn call(app: &Arc<App>, config: &Config, req: Request<Body>) -> Answer {
    let response = router(app.clone(), config)
        .oneshot(req)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Arc<App>, config: &Config, uri: &str) -> Answer {
    call(app, config, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn post(uri: &str, token: Option<&str>, body: Value) -> Request<Body> {
    let mut r = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).unwrap()
}

async fn add_alias(app: &Arc<App>, config: &Config, token: &str, body: Value) -> Answer {
    call(
        app,
        config,
        post("/api/curate/alias/add", Some(token), body),
    )
    .await
}

/// Every route the server has, as the OpenAPI document names it, and a
/// request that reaches it. Adding a route without adding it here fails
/// `openapi_describes_every_route`.
const READ_ROUTES: [(&str, &str); 18] = [
    ("/", "/"),
    ("/actor/{id}", "/actor/dossier:ttp"),
    ("/article/{id}", "/article/a-x"),
    ("/events", "/events"),
    ("/network", "/network"),
    ("/map", "/map"),
    ("/assets/{path}", "/assets/app.css"),
    ("/api/stats", "/api/stats"),
    ("/api/actors", "/api/actors"),
    ("/api/actors/{id}", "/api/actors/dossier:ttp"),
    ("/api/events", "/api/events"),
    ("/api/events.csv", "/api/events.csv"),
    ("/api/timeline", "/api/timeline"),
    ("/api/network", "/api/network?actor=dossier:ttp"),
    ("/api/claims", "/api/claims"),
    ("/api/search", "/api/search?q=police"),
    ("/api/articles/{id}", "/api/articles/ARTICLE"),
    ("/api/openapi.json", "/api/openapi.json"),
];

const WRITE_ROUTES: [&str; 5] = [
    "/api/articles",
    "/api/curate/merge",
    "/api/curate/split",
    "/api/curate/alias/add",
    "/api/curate/alias/remove",
];

fn doc_paths(doc: &Value) -> Vec<String> {
    let mut paths: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .cloned()
        .collect();
    paths.sort();
    paths
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let store = Store::open_read_only(fixture::store_path()).unwrap();
    let article = fixture::hostile_article(&store);
    for token in [None, Some("a-long-enough-token")] {
        let (app, config) = fixture::app(fixture::store_path(), token);
        let doc = get(&app, &config, "/api/openapi.json").await.json();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let mut expected: Vec<String> = READ_ROUTES.iter().map(|r| r.0.to_string()).collect();
        if token.is_some() {
            expected.extend(WRITE_ROUTES.iter().map(|r| r.to_string()));
        }
        expected.sort();
        assert_eq!(doc_paths(&doc), expected, "with token {token:?}");
        // Each described read route answers (the router serves what the
        // document describes).
        for (_, uri) in READ_ROUTES {
            let uri = uri.replace("ARTICLE", &article);
            let a = get(&app, &config, &uri).await;
            assert_eq!(a.status, StatusCode::OK, "{uri}");
        }
        for uri in WRITE_ROUTES {
            let a = call(&app, &config, post(uri, None, json!({}))).await;
            let want = if token.is_some() {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(a.status, want, "POST {uri} without a token");
            assert!(a.json()["error"].is_string());
        }
    }
}

#[tokio::test]
async fn answers_are_the_query_layers_structs() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let store = Store::open_read_only(fixture::store_path()).unwrap();
    let dossier_query::Lookup::Found(want) =
        dossier_query::actor_dossier(&store, "dossier:ttp").unwrap()
    else {
        panic!("TTP is in the fixture")
    };
    let got = get(&app, &config, "/api/actors/dossier:ttp").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.json(), serde_json::to_value(&want).unwrap());
    assert_eq!(got.json()["name"], "Tehrik-i-Taliban Pakistan");

    let filter = EventFilter {
        actor: Some("TTP".into()),
        ..Default::default()
    };
    let page = Page {
        limit: 3,
        offset: 1,
    };
    let want = dossier_query::events(&store, &filter, page).unwrap();
    let got = get(&app, &config, "/api/events?actor=TTP&limit=3&offset=1").await;
    assert_eq!(got.json(), serde_json::to_value(&want).unwrap());
    assert!(want.total > 4, "the fixture has several TTP events");
    assert_eq!(got.json()["events"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_filter_changes_the_events() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let all = get(&app, &config, "/api/events?limit=500").await.json();
    let root = all["events"][0]["root"].as_str().unwrap().to_string();
    let some = get(&app, &config, &format!("/api/events?root={root}&limit=500"))
        .await
        .json();
    let n = |v: &Value| v["total"].as_i64().unwrap();
    assert!(
        n(&some) > 0 && n(&some) < n(&all),
        "{} of {}",
        n(&some),
        n(&all)
    );
    assert!(some["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["root"] == root.as_str()));
}

#[tokio::test]
async fn csv_holds_the_filtered_events() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let page = get(&app, &config, "/api/events?actor=TTP&limit=500")
        .await
        .json();
    let csv = get(&app, &config, "/api/events.csv?actor=TTP").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.body.as_slice());
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    let want: Vec<String> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].to_string())
        .collect();
    assert_eq!(ids, want);
}

#[tokio::test]
async fn errors_are_json_with_their_status() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let long = "x".repeat(5000);
    let cases = [
        ("/api/actors/nobody-at-all", StatusCode::NOT_FOUND),
        ("/api/events?from=March", StatusCode::BAD_REQUEST),
        (
            "/api/events?from=2024-05&to=2024-01",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/events?limit=100000", StatusCode::BAD_REQUEST),
        ("/api/events?limit=ten", StatusCode::BAD_REQUEST),
        ("/api/events?lat=34", StatusCode::BAD_REQUEST),
        ("/api/network?actor=TTP&hops=9", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/articles/a-none", StatusCode::NOT_FOUND),
        ("/api/nothing", StatusCode::NOT_FOUND),
        ("/assets/../Cargo.toml", StatusCode::NOT_FOUND),
        ("/assets/%2e%2e/%2e%2e/Cargo.toml", StatusCode::NOT_FOUND),
        ("/assets/..%2f..%2fsrc%2flib.rs", StatusCode::NOT_FOUND),
        ("/assets/%2Fetc%2Fpasswd", StatusCode::NOT_FOUND),
    ];
    for (uri, status) in cases {
        let a = get(&app, &config, uri).await;
        assert_eq!(a.status, status, "{uri}");
        let body = a.json();
        assert_eq!(body["status"], status.as_u16(), "{uri}");
        assert!(!body["error"].as_str().unwrap().is_empty(), "{uri}");
    }
    let a = get(&app, &config, &format!("/api/search?q={long}")).await;
    assert_eq!(a.status, StatusCode::URI_TOO_LONG);
    let a = get(&app, &config, &format!("/api/search?q={}", &long[..600])).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"].as_str().unwrap().contains("at most 512"));
    let a = call(
        &app,
        &config,
        Request::delete("/api/stats").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(a.json()["status"], 405);
}

#[tokio::test]
async fn an_ambiguous_name_lists_its_candidates() {
    // Two actors that share an alias, made by curation on a copy.
    let (_dir, path) = fixture::writable_copy();
    let token = "a-long-enough-token";
    let (app, config) = fixture::app(&path, Some(token));
    let top = get(&app, &config, "/api/actors?limit=2").await.json();
    let a = top["actors"][0]["id"].as_str().unwrap().to_string();
    let b = top["actors"][1]["id"].as_str().unwrap().to_string();
    for actor in [&a, &b] {
        let r = call(
            &app,
            &config,
            post(
                "/api/curate/alias/add",
                Some(token),
                json!({"actor": actor, "name": "The Shared Alias"}),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    }
    let r = get(&app, &config, "/api/actors/The%20Shared%20Alias").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let ids: Vec<String> = r.json()["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&a) && ids.contains(&b), "{ids:?}");
}

#[tokio::test]
async fn writes_need_the_token() {
    let (_dir, path) = fixture::writable_copy();
    let token = "a-long-enough-token";
    let (app, config) = fixture::app(&path, Some(token));
    let body = json!({"actor": "dossier:ttp", "name": "Pakistani Taliban movement"});
    for bad in [None, Some("wrong-token-here"), Some("a-long-enough-tokeN")] {
        let r = call(
            &app,
            &config,
            post("/api/curate/alias/add", bad, body.clone()),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "token {bad:?}");
        assert_eq!(r.headers[header::WWW_AUTHENTICATE], "Bearer");
    }
    // Nothing was written.
    let r = get(
        &app,
        &config,
        "/api/actors?q=Pakistani%20Taliban%20movement",
    )
    .await;
    assert_eq!(r.json()["total"], 0);
    let r = add_alias(&app, &config, token, body).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["actor"], "dossier:ttp");
    let r = get(
        &app,
        &config,
        "/api/actors?q=Pakistani%20Taliban%20movement",
    )
    .await;
    assert_eq!(r.json()["actors"][0]["id"], "dossier:ttp");
    // A malformed body is a JSON 400, not a panic.
    let r = call(
        &app,
        &config,
        post("/api/curate/merge", Some(token), json!({"keep": 1})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json()["error"].is_string());
}

#[tokio::test]
async fn ingest_runs_the_pipeline_and_bounds_the_body() {
    let (_dir, path) = fixture::writable_copy();
    let token = "a-long-enough-token";
    let (app, mut config) = fixture::app(&path, Some(token));
    let article = json!({
        "date": "2024-04-02",
        "title": "Checkpoint attacked near Bannu",
        "text": "BANNU, April 2 - Tehrik-i-Taliban Pakistan (TTP) fighters attacked a police \
                 checkpoint near Bannu on Monday night, killing one officer, police said."
    });
    let ndjson = |body: String, token: Option<&str>| {
        let mut r =
            Request::post("/api/articles").header(header::CONTENT_TYPE, "application/x-ndjson");
        if let Some(t) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        r.body(Body::from(body)).unwrap()
    };
    let r = call(&app, &config, ndjson(format!("{article}\n"), None)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = call(
        &app,
        &config,
        ndjson(format!("{article}\nnot json\n"), Some(token)),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json());
    assert_eq!(r.json()["added"], 1);
    assert_eq!(r.json()["skipped"].as_array().unwrap().len(), 1);
    let r = get(&app, &config, "/api/search?q=Bannu%20checkpoint").await;
    assert!(r.json()["hits"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["title"] == "Checkpoint attacked near Bannu"));
    // Bodies are bounded.
    config.max_body_bytes = 1024;
    let r = call(&app, &config, ndjson("x".repeat(4096), Some(token))).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.json()["status"], 413);
}

#[tokio::test]
async fn answers_are_compressed_and_pages_carry_the_csp() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let r = call(
        &app,
        &config,
        Request::get("/api/events?limit=50")
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.headers[header::CONTENT_ENCODING], "gzip");
    for page in [
        "/",
        "/actor/dossier:ttp",
        "/events",
        "/article/a-x",
        "/network",
        "/map",
    ] {
        let r = get(&app, &config, page).await;
        let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        // No inline script in the page itself: every script has a source.
        let html = String::from_utf8(r.body).unwrap();
        let scripts = html.matches("<script").count();
        assert!(scripts > 0, "{page}");
        assert_eq!(
            html.matches("<script src=").count()
                + html.matches("<script type=\"module\" src=").count(),
            scripts,
            "{page}"
        );
        assert!(
            !has_inline_handler(&html),
            "{page} has an inline event handler"
        );
    }
}

/// Whether the HTML has an inline event handler attribute (` onclick=`).
fn has_inline_handler(html: &str) -> bool {
    html.match_indices(" on").any(|(i, _)| {
        let name: String = html[i + 3..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        !name.is_empty() && html[i + 3 + name.len()..].starts_with('=')
    })
}

#[tokio::test]
async fn the_article_is_cut_at_its_marks() {
    let (app, config) = fixture::app(fixture::store_path(), None);
    let store = Store::open_read_only(fixture::store_path()).unwrap();
    let id = fixture::hostile_article(&store);
    let r = get(&app, &config, &format!("/api/articles/{id}"))
        .await
        .json();
    let text = r["article"]["text"].as_str().unwrap();
    let joined: String = r["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(joined, text);
    let marked = |kind: &str| {
        r["segments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| !s[kind].is_null())
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        marked("entity").iter().any(|t| t == "TTP"),
        "{:?}",
        marked("entity")
    );
    assert!(!marked("event").is_empty());
    assert!(!marked("time").is_empty());
}

/// The names in an actor's dossier as the server gives it.
async fn alias_names(app: &Arc<App>, config: &Config, id: &str) -> Vec<String> {
    let r = get(app, config, &format!("/api/actors/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_kept_dossier_follows_the_store() {
    let (_dir, path) = fixture::writable_copy();
    kept_dossier_follows(&path).await;
}

/// The same on PostgreSQL, where the change mark is the write-ahead log's
/// position; and every read route answers there as it does on SQLite. The
/// PostgreSQL client blocks (even when it connects and when it is dropped),
/// so it is opened, used and dropped off the test's runtime, as the server
/// does.
#[tokio::test]
async fn a_postgres_store_is_served_as_sqlite_is() {
    let made = tokio::task::spawn_blocking(|| {
        let url = dossier_store::test_database("server_serve")?;
        assert_eq!(
            fixture::build_store(Path::new(&url), &fixture::inputs()),
            13
        );
        Some(url)
    });
    let Some(url) = made.await.unwrap() else {
        return;
    };
    let (lite, lite_config) = fixture::app(fixture::store_path(), None);
    let at = url.clone();
    let (pg, pg_config) = tokio::task::spawn_blocking(move || fixture::app(Path::new(&at), None))
        .await
        .unwrap();
    for uri in [
        "/api/stats",
        "/api/actors?limit=5",
        "/api/actors/dossier:ttp",
        "/api/events?actor=TTP&limit=4",
        "/api/events?country=PK&root=19",
        "/api/timeline",
        "/api/network?actor=dossier:ttp",
        "/api/claims?limit=5",
    ] {
        let a = get(&lite, &lite_config, uri).await;
        let b = get(&pg, &pg_config, uri).await;
        assert_eq!(b.status, StatusCode::OK, "{uri}");
        let (mut a, mut b) = (a.json(), b.json());
        // The one number that belongs to the engine: the size of its files.
        for v in [&mut a, &mut b] {
            if let Some(o) = v.as_object_mut() {
                o.remove("file_bytes");
            }
        }
        assert_eq!(a, b, "{uri}");
    }
    // Full-text search ranks by each engine's own measure (FTS5's bm25,
    // PostgreSQL's ts_rank): the same articles, not always in one order.
    let hits = |v: Value| {
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["article"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        (v["total"].clone(), ids)
    };
    let uri = "/api/search?q=police";
    let want = hits(get(&lite, &lite_config, uri).await.json());
    assert!(want.1.len() > 3);
    assert_eq!(hits(get(&pg, &pg_config, uri).await.json()), want);
    tokio::task::spawn_blocking(move || drop(pg)).await.unwrap();
    kept_dossier_follows(Path::new(&url)).await;
}

/// A dossier the server keeps is renewed after a write through the server
/// (at once) and after a write by another connection (within the watcher's
/// interval).
async fn kept_dossier_follows(path: &Path) {
    let token = "a-long-enough-token";
    let at = path.to_path_buf();
    let (app, config) = tokio::task::spawn_blocking(move || fixture::app(&at, Some(token)))
        .await
        .unwrap();
    let before = alias_names(&app, &config, "dossier:ttp").await;
    assert!(!before.iter().any(|n| n == "Pakistani Taliban movement"));
    // Asked again, the same body (from the cache).
    assert_eq!(alias_names(&app, &config, "dossier:ttp").await, before);

    let body = json!({"actor": "dossier:ttp", "name": "Pakistani Taliban movement"});
    let r = add_alias(&app, &config, token, body).await;
    assert_eq!(r.status, StatusCode::OK);
    let after = alias_names(&app, &config, "dossier:ttp").await;
    assert!(
        after.iter().any(|n| n == "Pakistani Taliban movement"),
        "{after:?}"
    );

    let at = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        Store::open(&at)
            .unwrap()
            .curate(&dossier_store::Curation::AliasAdd {
                actor: "dossier:ttp".into(),
                name: "Movement of the Pakistani Taliban".into(),
            })
            .unwrap()
    })
    .await
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let names = alias_names(&app, &config, "dossier:ttp").await;
        if names
            .iter()
            .any(|n| n == "Movement of the Pakistani Taliban")
        {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the dossier still misses the alias another process added: {names:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::task::spawn_blocking(move || drop(app))
        .await
        .unwrap();
}
