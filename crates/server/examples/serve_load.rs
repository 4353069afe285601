//! A bounded load test of `dossier serve`, run by `bench/serve_load.sh`.
//! It sends requests only to a server on 127.0.0.1, a fixed number of
//! them, and stops by itself. For the actor page (its dossier, the API call
//! the page draws from), the events API and full-text search, it measures
//! p50/p95/p99 latency at 1, 10 and 50 concurrent clients, then tops the
//! run up with mixed requests to 10,000 in all; the server's resident
//! memory (VmRSS of `--pid`) is read before the first request and after the
//! 1,000th and the 10,000th. The first 1,000 requests (`--warmup`) are the
//! three kinds mixed, from 50 clients, not timed: the 1,000th request is
//! then a point where the server has met every kind of request at the
//! highest concurrency, so what its memory does from there to the 10,000th
//! is growth under the same traffic (a leak, an unbounded cache), not the
//! first use of a code path. `--warmup 0` starts with the actor pages.
//!
//! ```sh
//! cargo run --release -p dossier-server --example serve_load -- \
//!     --port 8080 --pid "$(pgrep -n dossier)" --out load.json
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};

type Http = Client<HttpConnector, Empty<Bytes>>;

struct Args {
    port: u16,
    pid: Option<u32>,
    out: Option<String>,
    /// Requests per scenario and concurrency: at 1, 10 and 50 clients.
    counts: [usize; 3],
    total: usize,
    warmup: usize,
}

fn args() -> Args {
    let mut a = Args {
        port: 8080,
        pid: None,
        out: None,
        counts: [200, 600, 1500],
        total: 10_000,
        warmup: 1_000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--port" => a.port = v.parse().expect("--port N"),
            "--pid" => a.pid = Some(v.parse().expect("--pid N")),
            "--out" => a.out = Some(v),
            "--total" => a.total = v.parse().expect("--total N"),
            "--warmup" => a.warmup = v.parse().expect("--warmup N"),
            "--counts" => {
                let n: Vec<usize> = v
                    .split(',')
                    .map(|x| x.parse().expect("--counts A,B,C"))
                    .collect();
                a.counts = [n[0], n[1], n[2]];
            }
            _ => {
                panic!("unknown option {k}; give --port, --pid, --out, --total, --counts, --warmup")
            }
        }
    }
    a
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: Option<u32>) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

struct Counter {
    sent: AtomicUsize,
    pid: Option<u32>,
    /// RSS after the 1,000th and the 10,000th request.
    marks: Mutex<Vec<(usize, u64)>>,
}

impl Counter {
    fn tick(&self) {
        let n = self.sent.fetch_add(1, Ordering::SeqCst) + 1;
        if n == 1_000 || n == 10_000 {
            if let Some(kib) = rss_kib(self.pid) {
                self.marks.lock().unwrap().push((n, kib));
            }
        }
    }
}

/// GETs a path; the status and the time to the whole body.
async fn fetch(http: &Http, port: u16, path: &str) -> (u16, Duration) {
    let t = Instant::now();
    let uri: hyper::Uri = format!("http://127.0.0.1:{port}{path}")
        .parse()
        .expect("uri");
    let status = match http.get(uri).await {
        Ok(r) => {
            let s = r.status().as_u16();
            match r.into_body().collect().await {
                Ok(_) => s,
                Err(_) => 0,
            }
        }
        Err(_) => 0,
    };
    (status, t.elapsed())
}

async fn get_json(http: &Http, port: u16, path: &str) -> Value {
    let uri: hyper::Uri = format!("http://127.0.0.1:{port}{path}")
        .parse()
        .expect("uri");
    let r = http.get(uri).await.expect("the server answers");
    let body = r.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&body).expect("JSON")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1]
}

/// Sends `n` requests from `clients` concurrent clients, each taking the
/// next path in turn; returns latencies in ms and the failed requests.
async fn run(
    http: &Http,
    port: u16,
    paths: Arc<Vec<String>>,
    n: usize,
    clients: usize,
    counter: Arc<Counter>,
) -> (Vec<f64>, usize) {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (http, paths, next, counter) =
            (http.clone(), paths.clone(), next.clone(), counter.clone());
        tasks.push(tokio::spawn(async move {
            let mut ms = Vec::new();
            let mut errors = 0;
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= n {
                    break;
                }
                let (status, took) = fetch(&http, port, &paths[i % paths.len()]).await;
                counter.tick();
                if status != 200 {
                    errors += 1;
                }
                ms.push(took.as_secs_f64() * 1000.0);
            }
            (ms, errors)
        }));
    }
    let mut all = Vec::with_capacity(n);
    let mut errors = 0;
    for t in tasks {
        let (ms, e) = t.await.expect("client task");
        all.extend(ms);
        errors += e;
    }
    all.sort_by(f64::total_cmp);
    (all, errors)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::main]
async fn main() {
    let a = args();
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let http: Http = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(64)
        .build(connector);
    let counter = Arc::new(Counter {
        sent: AtomicUsize::new(0),
        pid: a.pid,
        marks: Mutex::new(Vec::new()),
    });
    let rss_before = rss_kib(a.pid);
    // The questions: the 50 most reported actors, their events, words
    // from their names. Asking for them is not counted.
    let top = get_json(&http, a.port, "/api/actors?limit=50").await;
    let actors: Vec<String> = top["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect();
    let names: Vec<String> = top["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_string())
        .collect();
    assert!(!actors.is_empty(), "the store has no actors");
    let actor_paths: Vec<String> = actors
        .iter()
        .map(|id| format!("/api/actors/{}", enc(id)))
        .collect();
    let mut event_paths = Vec::new();
    for (i, id) in actors.iter().enumerate() {
        event_paths.push(format!("/api/events?actor={}&limit=50", enc(id)));
        event_paths.push(format!("/api/events?limit=50&offset={}", i * 50));
        event_paths.push(format!("/api/events?root={:02}&limit=50", 1 + i % 20));
    }
    let search_paths: Vec<String> = names
        .iter()
        .flat_map(|n| {
            n.split_whitespace()
                .filter(|w| w.len() > 3)
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
        })
        .map(|w| format!("/api/search?q={}&limit=20", enc(&w)))
        .collect();
    let scenarios = [
        ("actor page (/api/actors/ID)", Arc::new(actor_paths)),
        ("events API (/api/events)", Arc::new(event_paths)),
        ("search (/api/search)", Arc::new(search_paths)),
    ];
    let mixed: Arc<Vec<String>> = Arc::new(
        scenarios
            .iter()
            .flat_map(|(_, p)| p.iter().cloned())
            .collect(),
    );
    let (_, warmup_errors) = run(&http, a.port, mixed.clone(), a.warmup, 50, counter.clone()).await;
    let mut rows = Vec::new();
    println!("| scenario | clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, paths) in &scenarios {
        for (clients, n) in [1usize, 10, 50].into_iter().zip(a.counts) {
            let t = Instant::now();
            let (ms, errors) = run(&http, a.port, paths.clone(), n, clients, counter.clone()).await;
            let secs = t.elapsed().as_secs_f64();
            let (p50, p95, p99) = (
                percentile(&ms, 50.0),
                percentile(&ms, 95.0),
                percentile(&ms, 99.0),
            );
            println!(
                "| {name} | {clients} | {n} | {errors} | {p50:.1} | {p95:.1} | {p99:.1} | {:.0} |",
                n as f64 / secs
            );
            rows.push(
                json!({"scenario": name, "clients": clients, "requests": n, "errors": errors,
                "p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "req_per_s": n as f64 / secs}),
            );
        }
    }
    // Mixed requests at 10 clients up to the total, for the memory marks.
    let sent = counter.sent.load(Ordering::SeqCst);
    let mut mixed_errors = 0;
    if sent < a.total {
        let (_, e) = run(&http, a.port, mixed, a.total - sent, 10, counter.clone()).await;
        mixed_errors = e;
    }
    let marks = counter.marks.lock().unwrap().clone();
    let rss_at = |n: usize| marks.iter().find(|m| m.0 == n).map(|m| m.1);
    let (r1, r10) = (rss_at(1_000), rss_at(10_000));
    println!();
    println!(
        "requests: {} (warm-up {}, errors {warmup_errors}); mixed top-up errors: {mixed_errors}",
        counter.sent.load(Ordering::SeqCst),
        a.warmup
    );
    println!(
        "server RSS: before {} KiB, after 1,000 requests {} KiB, after 10,000 {} KiB{}",
        rss_before.map_or("?".into(), |v| v.to_string()),
        r1.map_or("?".into(), |v| v.to_string()),
        r10.map_or("?".into(), |v| v.to_string()),
        match (r1, r10) {
            (Some(a), Some(b)) => format!(
                " ({:+.1}% from 1,000 to 10,000)",
                100.0 * (b as f64 - a as f64) / a as f64
            ),
            _ => String::new(),
        }
    );
    if let Some(out) = a.out {
        let v = json!({"rows": rows, "rss_kib": {"before": rss_before, "after_1000": r1, "after_10000": r10},
            "requests": counter.sent.load(Ordering::SeqCst), "warmup": a.warmup,
            "warmup_errors": warmup_errors, "mixed_errors": mixed_errors});
        std::fs::write(&out, serde_json::to_string_pretty(&v).unwrap()).expect("write --out");
    }
}
