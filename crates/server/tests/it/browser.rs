//! The UI in a real browser: headless Chromium (Debian's `chromium` and
//! `chromium-driver`) driven over WebDriver against a server on
//! 127.0.0.1. For each page: it shows the expected actor, event or article;
//! the console has no errors (a CSP violation or a failed load is one); the
//! map and the graph hold the expected number of points and nodes; a filter
//! changes the table. The hostile article must run nothing. Screenshots go
//! to `target/screenshots/`; with `DOSSIER_DOCS_SCREENSHOT=1` the TTP actor
//! page of a store of `examples/` is also written to `docs/img/actor-ttp.png`.
//!
//! Without Chromium the tests say so and pass, except under `CI=true`,
//! where a missing browser fails them.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use dossier_query::{EventFilter, NetworkFilter, Page, Store};

use crate::fixture;

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// Chromium and its driver, or `None` (a failure under `CI=true`).
fn browser() -> Option<(PathBuf, PathBuf)> {
    let found = (
        which(&["chromium", "chromium-browser"]),
        which(&["chromedriver"]),
    );
    match found {
        (Some(c), Some(d)) => Some((c, d)),
        _ => {
            let msg = "chromium and chromedriver are not installed \
                       (`apt-get install -y chromium chromium-driver`)";
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("{msg}; the browser tests must run under CI=true");
            }
            eprintln!("skipped: {msg}");
            None
        }
    }
}

/// A child process killed when dropped.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "nothing listens on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts the server over `db` on a thread of its own, on a free port.
fn start_server(db: &Path) -> SocketAddr {
    let config = fixture::config(db, None);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        rt.block_on(dossier_server::serve(
            &config,
            "127.0.0.1:0".parse().unwrap(),
            |addr| tx.send(addr).expect("report the address"),
        ))
        .expect("the server runs");
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the server starts")
}

/// A headless Chromium session, with the driver process it talks to.
struct Browser {
    client: Client,
    driver_port: u16,
    _driver: Reaped,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start(chromium: &Path, driver: &Path) -> Browser {
        let port = free_port();
        // The driver's log stays beside the screenshots for when a session
        // breaks.
        let log = screenshot_dir().join(format!("chromedriver-{port}.log"));
        std::fs::create_dir_all(screenshot_dir()).expect("screenshot dir");
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver_proc = Reaped(child);
        wait_for_port(port);
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,2000",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        Browser {
            client,
            driver_port: port,
            _driver: driver_proc,
            _profile: profile,
        }
    }

    /// The browser console's messages since the last call (chromedriver's
    /// log endpoint), as `(level, message)`.
    async fn console(&self) -> Vec<(String, String)> {
        let sid = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        let http =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http::<String>();
        let request = hyper::Request::post(format!(
            "http://127.0.0.1:{}/session/{sid}/se/log",
            self.driver_port
        ))
        .header("content-type", "application/json")
        .body(json!({"type": "browser"}).to_string())
        .expect("log request");
        let answer = http.request(request).await.expect("the driver answers");
        let body = http_body_util::BodyExt::collect(answer.into_body())
            .await
            .expect("log body")
            .to_bytes();
        let v: Value = serde_json::from_slice(&body).expect("the log is JSON");
        v["value"]
            .as_array()
            .expect("log entries")
            .iter()
            .map(|e| {
                (
                    e["level"].as_str().unwrap_or_default().to_string(),
                    e["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    async fn no_console_errors(&self, page: &str) {
        let errors: Vec<_> = self
            .console()
            .await
            .into_iter()
            .filter(|(level, _)| level == "SEVERE")
            .collect();
        assert!(errors.is_empty(), "{page}: console errors: {errors:?}");
    }

    async fn open(&self, base: SocketAddr, path: &str) {
        self.client
            .goto(&format!("http://{base}{path}"))
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }

    /// Waits for an element, then gives its attribute (or text with
    /// `attr` empty).
    async fn wait_attr(&self, css: &str, attr: &str) -> String {
        let e = match self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                let page = self
                    .js("return document.querySelector('main').innerText")
                    .await;
                panic!(
                    "no {css}: {e}\nconsole: {:?}\npage: {page}",
                    self.console().await
                )
            }
        };
        if attr.is_empty() {
            e.text().await.expect("text")
        } else {
            e.attr(attr).await.expect("attr").unwrap_or_default()
        }
    }

    async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .len()
    }

    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }

    async fn close(self) {
        self.client.close().await.expect("close the session");
    }
}

/// `target/screenshots` (beside the test's own temporary folder).
fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("screenshots")
}

/// Events of the fixture under a filter, counted the way the pages ask.
fn total(store: &Store, filter: &EventFilter) -> i64 {
    dossier_query::events(
        store,
        filter,
        Page {
            limit: 1,
            offset: 0,
        },
    )
    .expect("events")
    .total
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_work_in_chromium() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let db = fixture::store_path();
    let store = Store::open_read_only(db).unwrap();
    let base = start_server(db);
    let b = Browser::start(&chromium, &driver).await;

    // Home: the most reported actors and the latest events.
    b.open(base, "/").await;
    b.wait_attr("#top-actors li", "").await;
    let top = b.wait_attr("#top-actors", "").await;
    assert!(top.contains("Tehrik-i-Taliban Pakistan"), "{top}");
    assert_eq!(b.count("#latest-events li").await, 15);
    b.no_console_errors("home").await;
    b.screenshot("home").await;

    // Search from the home page finds actors and articles.
    b.open(base, "/?q=Khurasani").await;
    b.wait_attr("#article-results", "").await;
    assert!(b.count("#article-results li").await > 0);
    b.no_console_errors("search").await;

    // The actor page: header, map points, graph nodes, timeline.
    let dossier = match dossier_query::actor_dossier(&store, "dossier:ttp").unwrap() {
        dossier_query::Lookup::Found(d) => d,
        other => panic!("{other:?}"),
    };
    b.open(base, "/actor/dossier:ttp").await;
    assert_eq!(
        b.wait_attr("#actor-name", "").await,
        "Tehrik-i-Taliban Pakistan"
    );
    assert_eq!(b.wait_attr("#actor-type", "").await, "ORG");
    let places = dossier
        .places
        .iter()
        .filter(|p| p.lat.is_some() && p.lon.is_some())
        .count();
    assert!(places > 0, "TTP's events have places");
    assert_eq!(
        b.wait_attr("#map[data-points]", "data-points").await,
        places.to_string()
    );
    assert!(
        b.count("#map .leaflet-marker-icon").await > 0,
        "markers are drawn"
    );
    assert!(
        b.count("#map path.leaflet-interactive").await > 100,
        "country borders are drawn"
    );
    let network = dossier_query::network(
        &store,
        &NetworkFilter {
            actor: Some("dossier:ttp".into()),
            limit: 40,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        b.wait_attr("#graph[data-nodes]", "data-nodes").await,
        network.nodes.len().to_string()
    );
    assert!(network.nodes.len() > 1);
    let months = dossier
        .events
        .by_month
        .iter()
        .map(|m| &m.month)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert_eq!(
        b.wait_attr("#timeline[data-bars]", "data-bars").await,
        months.to_string()
    );
    // Every relation, event and claim links to its sentence.
    let facts = b.count("#relations-table tbody tr").await
        + b.count("#events li").await
        + b.count("#claims-made li").await
        + b.count("#claims-about li").await;
    assert!(facts > 0);
    assert_eq!(b.count("a.evidence").await, facts);
    b.no_console_errors("actor").await;
    b.screenshot("actor-ttp").await;

    // The events explorer: the table, map and histogram follow the filter.
    b.open(base, "/events").await;
    b.wait_attr("body[data-loaded]", "data-loaded").await;
    let all = total(&store, &EventFilter::default());
    assert_eq!(
        b.wait_attr("#events-table", "data-total").await,
        all.to_string()
    );
    assert_eq!(
        b.count("#events-table tbody tr").await,
        all.min(50) as usize
    );
    let first = dossier_query::events(&store, &EventFilter::default(), Page::default()).unwrap();
    let root = first.events[0].root.clone();
    let with_coords = |f: &EventFilter| {
        dossier_query::events(
            &store,
            f,
            Page {
                limit: 500,
                offset: 0,
            },
        )
        .unwrap()
        .events
        .iter()
        .filter(|e| e.lat.is_some() && e.lon.is_some())
        .count()
    };
    assert_eq!(
        b.wait_attr("#map[data-points]", "data-points").await,
        with_coords(&EventFilter::default()).to_string()
    );
    let before = b.wait_attr("#events-table tbody", "").await;
    b.client
        .find(Locator::Css("select[name=root]"))
        .await
        .unwrap()
        .select_by_value(&root)
        .await
        .unwrap();
    b.wait_attr("body[data-loaded=\"2\"]", "data-loaded").await;
    let by_root = EventFilter {
        root: Some(root.clone()),
        ..Default::default()
    };
    let n = total(&store, &by_root);
    assert!(n < all, "the root filter selects fewer events");
    assert_eq!(
        b.wait_attr("#events-table", "data-total").await,
        n.to_string()
    );
    assert_ne!(b.wait_attr("#events-table tbody", "").await, before);
    assert_eq!(
        b.wait_attr("#map[data-points]", "data-points").await,
        with_coords(&by_root).to_string()
    );
    let csv = b.wait_attr("#csv", "href").await;
    assert!(
        csv.ends_with(&format!("/api/events.csv?root={root}")),
        "{csv}"
    );
    b.no_console_errors("events").await;
    b.screenshot("events").await;

    // An article: entities, times and triggers marked and linked.
    let article = dossier_query::search(&store, "Khurasani", Page::default())
        .unwrap()
        .hits[0]
        .clone();
    b.open(base, &format!("/article/{}", article.article)).await;
    let title = b.wait_attr("#article-title", "").await;
    // An article without a title is headed by its id.
    assert_eq!(
        title,
        article.title.clone().unwrap_or(article.article.clone())
    );
    assert!(b.count("#article-text .ent").await > 0);
    assert!(b.count("#article-text .trigger").await > 0);
    assert!(b.count("#article-text .time").await > 0);
    let links = b
        .js("return [...document.querySelectorAll('#article-text a.ent')].map(a => a.getAttribute('href'))")
        .await;
    let links = links.as_array().unwrap();
    assert!(!links.is_empty());
    assert!(links
        .iter()
        .all(|h| h.as_str().unwrap().starts_with("/actor/")));
    b.no_console_errors("article").await;
    b.screenshot("article").await;

    // The network explorer.
    b.open(base, "/network?actor=dossier:ttp").await;
    assert_eq!(
        b.wait_attr("#graph[data-nodes]", "data-nodes").await,
        network.nodes.len().to_string()
    );
    b.no_console_errors("network").await;
    b.screenshot("network").await;

    // The map, shaded by country.
    b.open(base, "/map").await;
    b.wait_attr("body[data-loaded]", "data-loaded").await;
    let events = dossier_query::events(
        &store,
        &EventFilter::default(),
        Page {
            limit: 500,
            offset: 0,
        },
    )
    .unwrap()
    .events;
    let placed = events.iter().filter(|e| e.lat.is_some()).count();
    assert_eq!(b.wait_attr("#map", "data-points").await, placed.to_string());
    assert!(
        b.wait_attr("#map", "data-countries")
            .await
            .parse::<usize>()
            .unwrap()
            > 0
    );
    b.no_console_errors("map").await;
    b.screenshot("map").await;
    b.close().await;

    if std::env::var("DOSSIER_DOCS_SCREENSHOT").as_deref() == Ok("1") {
        docs_screenshot(&chromium, &driver).await;
    }
}

/// The README's picture: the TTP page of a store of `examples/` only.
async fn docs_screenshot(chromium: &Path, driver: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    fixture::build_store(
        &db,
        &[Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")],
    );
    let base = start_server(&db);
    let b = Browser::start(chromium, driver).await;
    b.open(base, "/actor/dossier:ttp").await;
    b.wait_attr("#map[data-points]", "data-points").await;
    b.wait_attr("#graph[data-nodes]", "data-nodes").await;
    b.no_console_errors("actor (examples)").await;
    let png = b.client.screenshot().await.unwrap();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/img/actor-ttp.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, png).unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_article_runs_nothing() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let db = fixture::store_path();
    let store = Store::open_read_only(db).unwrap();
    let id = fixture::hostile_article(&store);
    let base = start_server(db);
    let b = Browser::start(&chromium, &driver).await;
    let pages = [
        (format!("/article/{id}"), "#article-title"),
        ("/?q=Karim".to_string(), "#article-results li"),
        ("/actor/dossier:ttp".to_string(), "#actor-name"),
        (
            "/events?from=2024-03-25&to=2024-03-25".to_string(),
            "body[data-loaded]",
        ),
    ];
    for (path, ready) in &pages {
        b.open(base, path).await;
        b.wait_attr(ready, "").await;
        // Let any injected handler fire before looking.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ran = b
            .js("return window.__pwned === undefined ? null : String(window.__pwned)")
            .await;
        assert_eq!(ran, Value::Null, "{path}: article text ran as script");
        let injected = b
            .js("return document.querySelectorAll('main script, main img, main iframe, [onerror], [onload]').length")
            .await;
        assert_eq!(injected, json!(0), "{path}: article markup became elements");
        let js_links = b
            .js("return [...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|\\/|#)/.test(a.getAttribute('href'))).length")
            .await;
        assert_eq!(
            js_links,
            json!(0),
            "{path}: a link that is not http(s) or local"
        );
        b.no_console_errors(path).await;
    }
    // The markup is shown as the text it is.
    b.open(base, &format!("/article/{id}")).await;
    let title = b.wait_attr("#article-title", "").await;
    assert!(
        title.contains("<script>window.__pwned='title-script'</script>"),
        "{title}"
    );
    let text = b.wait_attr("#article-text", "").await;
    assert!(text.contains("<img src=x onerror="), "{text}");
    b.screenshot("hostile-article").await;
    b.close().await;
}
