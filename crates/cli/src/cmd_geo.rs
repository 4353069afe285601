//! `dossier eval geo`: geocoding with gold toponym spans (the Mordecai3
//! protocol: gold spans in, one point out per span) on the four corpora of
//! `../shared/data/geoparsing`, read by [`dossier_resolve::geo_eval`].
//!
//! The collection has no official splits: TR-News and GeoVirus are the
//! development sets (`--set dev`), on which every choice of the geocoder
//! and the ranker's weights were made; GeoWebNews and LGL are the reported
//! test sets (`--set test`, the default reports both groups, labelled).
//! `--fit PATH` fits the ranker's weights on the development sets and
//! writes them (the shipped `models/geo.tsv` is built so; rebuild the
//! binary to embed a new one). Scored toponyms are those with a gold point
//! tied to the gazetteer (GeoWebNews `geonamesID`, LGL and TR-News
//! `gaztag`, every GeoVirus location).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_kb::Kb;
use dossier_resolve::geo_eval::{self, Split, CORPORA};
use dossier_resolve::geocode::Geocoder;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The folder holding GeoWebNews/GWN.xml and corpora/*.xml.
    #[arg(long, default_value = "../shared/data/geoparsing")]
    data: PathBuf,
    /// Which corpora: dev (TR-News, GeoVirus), test (GeoWebNews, LGL) or all.
    #[arg(long, default_value = "all", value_parser = ["dev", "test", "all"])]
    set: String,
    /// Fit the ranker's weights on the dev sets, write them here, and score
    /// with them.
    #[arg(long)]
    fit: Option<PathBuf>,
    /// Extra knowledge-base entries (TOML, the format of kb/curated/*.toml).
    #[arg(long)]
    kb: Vec<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Write every scored toponym of the development sets (never the test
    /// sets: error analysis is tuning) as TSV here: corpus, article,
    /// toponym, gold point, chosen entry, error, and the error of the
    /// nearest candidate.
    #[arg(long)]
    errors: Option<PathBuf>,
}

#[derive(serde::Serialize)]
struct Scores {
    split: &'static str,
    acc161: f64,
    mean_km: f64,
    median_km: f64,
    auc: f64,
    n: usize,
    unresolved: usize,
    by_context: usize,
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if !CORPORA
        .iter()
        .any(|(_, path, _, _)| args.data.join(path).is_file())
    {
        eprintln!(
            "dossier eval geo: no geoparsing corpora under {}; skipping (pass --data)",
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
    let mut geocoder = Geocoder::new(&kb);

    let mut corpora = Vec::new();
    for (name, path, split, reader) in CORPORA {
        let path = args.data.join(path);
        if !path.is_file() {
            eprintln!(
                "dossier eval geo: {} missing; skipping {name}",
                path.display()
            );
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        corpora.push((name, split, reader(&text)));
    }
    if let Some(out) = &args.fit {
        // Development sets only: the test sets never shape the weights.
        let dev: Vec<geo_eval::Article> = corpora
            .iter()
            .filter(|c| c.1 == Split::Dev)
            .flat_map(|c| c.2.iter().cloned())
            .collect();
        anyhow::ensure!(!dev.is_empty(), "--fit needs TR-News or GeoVirus");
        let config = geo_eval::fit(&geocoder, &dev);
        std::fs::write(out, config.to_tsv())
            .with_context(|| format!("writing {}", out.display()))?;
        eprintln!("wrote {}; rebuild the binary to ship it", out.display());
        geocoder = geocoder.with_weights(config);
    }

    if let Some(path) = &args.errors {
        let mut out = String::from(
            "corpus\tarticle\ttoponym\tgold_lat\tgold_lon\tchosen\tkind\tcc\tlat\tlon\terror_km\tconfidence\tcandidates\tbest_km\n",
        );
        for (name, split, articles) in &corpora {
            if *split != Split::Dev {
                continue;
            }
            for o in geo_eval::run(&geocoder, articles) {
                out.push_str(&error_row(&kb, &geocoder, name, &o));
            }
        }
        std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    }

    let mut results = serde_json::Map::new();
    for (name, split, articles) in &corpora {
        let label = match split {
            Split::Dev => "dev",
            Split::Test => "test",
        };
        if args.set != "all" && args.set != label {
            continue;
        }
        let s = geo_eval::summarize(&geo_eval::run(&geocoder, articles));
        if !args.json {
            println!(
                "{name:<11} {label:<4} n={:<5} acc@161={:.3} mean={:.0} km median={:.1} km AUC={:.3} unresolved={} by_context={}",
                s.n, s.acc161, s.mean_km, s.median_km, s.auc, s.unresolved, s.by_context
            );
        }
        let scores = Scores {
            split: label,
            acc161: s.acc161,
            mean_km: s.mean_km,
            median_km: s.median_km,
            auc: s.auc,
            n: s.n,
            unresolved: s.unresolved,
            by_context: s.by_context,
        };
        results.insert(name.to_string(), serde_json::to_value(&scores)?);
    }
    if args.json {
        println!("{}", serde_json::Value::Object(results));
    } else {
        let counts: Vec<String> = kb
            .counts()
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.as_str()))
            .collect();
        eprintln!(
            "knowledge base ({} entries: {}) loaded in {load_ms:.0} ms; total {:.1}s",
            kb.len(),
            counts.join(", "),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of `--errors`.
fn error_row(kb: &Kb, geocoder: &Geocoder, corpus: &str, o: &geo_eval::Outcome) -> String {
    let cands = geocoder.candidates(&o.text);
    let best_km = cands
        .iter()
        .filter_map(|&i| kb.entry(i).coords())
        .map(|p| geo_eval::haversine_km(o.gold, p))
        .fold(geo_eval::MAX_ERROR_KM, f64::min);
    let (chosen, kind, cc, lat, lon, conf) = match &o.decision {
        Some(m) => {
            let e = kb.entry(m.entry);
            (
                m.geo
                    .within
                    .as_ref()
                    .map_or(e.name.clone(), |w| format!("within {w}")),
                m.geo.level.as_str(),
                m.geo.country.as_deref().unwrap_or(""),
                format!("{:.4}", m.geo.lat),
                format!("{:.4}", m.geo.lon),
                format!("{:.3}", m.confidence),
            )
        }
        None => (
            String::new(),
            "",
            "",
            String::new(),
            String::new(),
            String::new(),
        ),
    };
    format!(
        "{corpus}\t{}\t{}\t{}\t{}\t{chosen}\t{kind}\t{cc}\t{lat}\t{lon}\t{:.1}\t{conf}\t{}\t{best_km:.1}\n",
        o.article,
        o.text.replace(['\t', '\n'], " "),
        o.gold.0,
        o.gold.1,
        o.error_km,
        cands.len(),
    )
}
