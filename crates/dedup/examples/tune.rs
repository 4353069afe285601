//! Prints the similarity and containment of every labelled pair by kind and
//! sweeps the decision thresholds on the dev half.
//!
//! `cargo run -p dossier-dedup --example tune --release [-- test]`: with
//! `test`, the held-out half is printed instead (look only after tuning).

use std::collections::BTreeMap;
use std::path::Path;

use dossier_dedup::{containment, evaluate_with, signature, Config};

/// Similarity, containment, candidate or not, and the pair's names.
type Scored = (f64, f64, bool, String);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test_data/pairs"));
    let split = std::env::args().nth(1).unwrap_or_else(|| "dev".into());
    let tsv = std::fs::read_to_string(dir.join("pairs.tsv"))?;
    let sig = |name: &str| -> Result<_, std::io::Error> {
        let text = std::fs::read_to_string(dir.join("articles").join(format!("{name}.txt")))?;
        Ok(signature(&text))
    };
    let mut by_kind: BTreeMap<String, Vec<Scored>> = BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[3] != split {
            continue;
        }
        let (a, b) = (sig(f[0])?, sig(f[1])?);
        let kind = format!("{} {}", f[2], f[4].split('/').next().unwrap_or(""));
        by_kind.entry(kind).or_default().push((
            a.similarity(&b),
            containment(&a, &b),
            a.shares_band(&b),
            format!("{}-{}", f[0], f[1]),
        ));
    }
    println!("{split}: kind  n  J(min/mean/max)  C(min/mean/max)  candidates");
    for (kind, v) in &by_kind {
        let stat = |g: &dyn Fn(&Scored) -> f64| {
            let xs: Vec<f64> = v.iter().map(g).collect();
            let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
            let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!(
                "{min:.2}/{:.2}/{max:.2}",
                xs.iter().sum::<f64>() / xs.len() as f64
            )
        };
        let cands = v.iter().filter(|x| x.2).count();
        let (lo, hi) = if kind.starts_with("dup") {
            let w = v.iter().min_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
            (w.3.clone(), String::new())
        } else {
            let w = v.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
            (String::new(), w.3.clone())
        };
        println!(
            "{kind:38} {:3} {} {} {cands}  {lo}{hi}",
            v.len(),
            stat(&|x| x.0),
            stat(&|x| x.1)
        );
    }
    if split != "dev" {
        return Ok(());
    }
    println!("\nsweep on dev: min_similarity min_containment min_similarity_contained -> P R F1");
    let mut results = Vec::new();
    for s in (20..=80).step_by(5) {
        for c in [0.8, 0.85, 0.9, 0.95, 2.0] {
            for sc in [0.2, 0.25, 0.3, 0.35, 0.4] {
                let config = Config {
                    min_similarity: f64::from(s) / 100.0,
                    min_containment: c,
                    min_similarity_contained: sc,
                };
                let r = evaluate_with(dir, &config)?.dev;
                results.push((r.f1, r.precision, r.recall, config));
            }
        }
    }
    results.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (f1, p, r, c) in results.iter().take(15) {
        println!(
            "{:.2} {:.2} {:.2} -> {p:.3} {r:.3} {f1:.3}",
            c.min_similarity, c.min_containment, c.min_similarity_contained
        );
    }
    Ok(())
}
