//! `dossier eval geo`: geocoding with gold toponym spans on GeoWebNews and
//! LGL (the Mordecai3 protocol: gold spans in, one point out per span).
//!
//! Scored toponyms are those the gold ties to a GeoNames id (GeoWebNews
//! `geonamesID`, LGL `gaztag`). The context of each toponym is every gold
//! toponym of its article (GeoWebNews: every span with coordinates), as a
//! geoparser with a perfect tagger would see them. A toponym the geocoder
//! leaves unresolved counts with the largest possible error, 20,039 km, so
//! that abstaining is never cheaper than a guess.
//!
//! Metrics (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"):
//! accuracy@161 km (share of errors under 161 km), mean and median error in
//! km, and AUC, the area under the curve of sorted `ln(1 + error)`,
//! normalised by `ln(20039)` (the trapezoidal rule over the sorted errors;
//! 0 is perfect, lower is better).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_kb::Kb;
use dossier_resolve::geocode::Geocoder;
use regex::Regex;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The folder holding GeoWebNews/GWN.xml and corpora/lgl.xml.
    #[arg(long, default_value = "../shared/data/geoparsing")]
    data: PathBuf,
    /// Extra knowledge-base entries (TOML, the format of kb/curated/*.toml).
    #[arg(long)]
    kb: Vec<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Half the Earth's circumference: the largest error a point can have.
const MAX_ERROR_KM: f64 = 20039.0;

struct GoldToponym {
    text: String,
    /// Gold point; `None` for spans that only serve as context.
    gold: Option<(f64, f64)>,
}

struct Article {
    toponyms: Vec<GoldToponym>,
}

#[derive(serde::Serialize)]
struct Scores {
    acc161: f64,
    mean_km: f64,
    median_km: f64,
    auc: f64,
    n: usize,
    unresolved: usize,
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let gwn_path = args.data.join("GeoWebNews/GWN.xml");
    let lgl_path = args.data.join("corpora/lgl.xml");
    if !gwn_path.is_file() && !lgl_path.is_file() {
        eprintln!(
            "dossier eval geo: no GeoWebNews/GWN.xml or corpora/lgl.xml under {}; skipping (pass --data)",
            args.data.display()
        );
        if args.json {
            println!("{{}}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let start = Instant::now();
    let mut kb = Kb::embedded().context("loading the embedded knowledge base")?;
    for path in &args.kb {
        kb.load_extra(path)
            .with_context(|| format!("loading {}", path.display()))?;
    }
    let load_ms = start.elapsed().as_secs_f64() * 1e3;
    let geocoder = Geocoder::new(&kb);

    let mut results = serde_json::Map::new();
    for (name, path, reader) in [
        (
            "GeoWebNews",
            &gwn_path,
            read_gwn as fn(&Path) -> anyhow::Result<Vec<Article>>,
        ),
        ("LGL", &lgl_path, read_lgl),
    ] {
        if !path.is_file() {
            eprintln!(
                "dossier eval geo: {} missing; skipping {name}",
                path.display()
            );
            continue;
        }
        let articles = reader(path).with_context(|| format!("reading {}", path.display()))?;
        let scores = score(&geocoder, &articles);
        if !args.json {
            println!(
                "{name:<11} n={:<5} acc@161={:.3} mean={:.0} km median={:.1} km AUC={:.3} unresolved={}",
                scores.n, scores.acc161, scores.mean_km, scores.median_km, scores.auc, scores.unresolved
            );
        }
        results.insert(name.to_string(), serde_json::to_value(&scores)?);
    }
    if args.json {
        println!("{}", serde_json::Value::Object(results));
    } else {
        eprintln!(
            "knowledge base loaded in {load_ms:.0} ms; total {:.1}s",
            start.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn score(geocoder: &Geocoder, articles: &[Article]) -> Scores {
    let mut errors = Vec::new();
    let mut unresolved = 0;
    for article in articles {
        let names: Vec<&str> = article.toponyms.iter().map(|t| t.text.as_str()).collect();
        let decisions = geocoder.geocode_all(&names, &[]);
        for (t, decision) in article.toponyms.iter().zip(decisions) {
            let Some(gold) = t.gold else { continue };
            match decision {
                Some(m) => errors.push(haversine_km(gold, (m.geo.lat, m.geo.lon))),
                None => {
                    unresolved += 1;
                    errors.push(MAX_ERROR_KM);
                }
            }
        }
    }
    summarize(errors, unresolved)
}

fn summarize(mut errors: Vec<f64>, unresolved: usize) -> Scores {
    let n = errors.len();
    if n == 0 {
        return Scores {
            acc161: 0.0,
            mean_km: 0.0,
            median_km: 0.0,
            auc: 0.0,
            n,
            unresolved,
        };
    }
    errors.sort_by(f64::total_cmp);
    let acc161 = errors.iter().filter(|&&e| e < 161.0).count() as f64 / n as f64;
    let mean_km = errors.iter().sum::<f64>() / n as f64;
    let median_km = if n % 2 == 1 {
        errors[n / 2]
    } else {
        (errors[n / 2 - 1] + errors[n / 2]) / 2.0
    };
    let logs: Vec<f64> = errors.iter().map(|e| e.ln_1p()).collect();
    let auc = if n > 1 {
        let area: f64 = logs.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        area / (MAX_ERROR_KM.ln_1p() * (n - 1) as f64)
    } else {
        logs[0] / MAX_ERROR_KM.ln_1p()
    };
    Scores {
        acc161,
        mean_km,
        median_km,
        auc,
        n,
        unresolved,
    }
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// GeoWebNews: `<article>` elements with `<toponym>` children. The files are
/// regular and machine-written, so a few patterns read them; a full XML
/// parser would add a dependency for no gain.
fn read_gwn(path: &Path) -> anyhow::Result<Vec<Article>> {
    let text = std::fs::read_to_string(path)?;
    let article_re = Regex::new(r"(?s)<article\b.*?</article>")?;
    let toponym_re = Regex::new(r"(?s)<toponym>(.*?)</toponym>")?;
    let mut out = Vec::new();
    for a in article_re.find_iter(&text) {
        let mut toponyms = Vec::new();
        for t in toponym_re.captures_iter(a.as_str()) {
            let body = &t[1];
            let name = tag(body, "extractedName").unwrap_or_default();
            let coords = tag(body, "latitude")
                .and_then(|lat| lat.parse::<f64>().ok())
                .zip(tag(body, "longitude").and_then(|lon| lon.parse::<f64>().ok()));
            let has_id = tag(body, "geonamesID").is_some_and(|g| !g.is_empty());
            // Spans without coordinates are not toponyms ("city", "citizens").
            let Some(coords) = coords else { continue };
            toponyms.push(GoldToponym {
                text: name,
                gold: has_id.then_some(coords),
            });
        }
        out.push(Article { toponyms });
    }
    anyhow::ensure!(!out.is_empty(), "no <article> found");
    Ok(out)
}

/// LGL: `<article>` elements whose `<toponym>`s carry a `<gaztag>` with the
/// gold GeoNames point, or none where no gazetteer entry matched.
fn read_lgl(path: &Path) -> anyhow::Result<Vec<Article>> {
    let text = std::fs::read_to_string(path)?;
    let article_re = Regex::new(r"(?s)<article\b.*?</article>")?;
    let toponym_re = Regex::new(r"(?s)<toponym>(.*?)</toponym>")?;
    let mut out = Vec::new();
    for a in article_re.find_iter(&text) {
        let mut toponyms = Vec::new();
        for t in toponym_re.captures_iter(a.as_str()) {
            let body = &t[1];
            let name = tag(body, "phrase").unwrap_or_default();
            let gold = if body.contains("<gaztag") {
                tag(body, "lat")
                    .and_then(|lat| lat.parse::<f64>().ok())
                    .zip(tag(body, "lon").and_then(|lon| lon.parse::<f64>().ok()))
            } else {
                None
            };
            toponyms.push(GoldToponym { text: name, gold });
        }
        out.push(Article { toponyms });
    }
    anyhow::ensure!(!out.is_empty(), "no <article> found");
    Ok(out)
}

/// The unescaped text of the first `<name>...</name>` in `body`.
fn tag(body: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = body.find(&open)? + open.len();
    let end = start + body[start..].find(&format!("</{name}>"))?;
    let raw = body[start..end].trim();
    let raw = raw
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
        .unwrap_or(raw);
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_is_zero_for_perfect_and_one_for_worst() {
        let perfect = summarize(vec![0.0, 0.0, 0.0], 0);
        assert_eq!((perfect.acc161, perfect.auc), (1.0, 0.0));
        let worst = summarize(vec![MAX_ERROR_KM; 4], 4);
        assert_eq!(worst.acc161, 0.0);
        assert!((worst.auc - 1.0).abs() < 1e-9);
    }

    #[test]
    fn haversine_moscow_to_kyiv_is_about_750_km() {
        let d = haversine_km((55.75, 37.62), (50.45, 30.52));
        assert!((740.0..770.0).contains(&d), "{d}");
    }
}
