//! `dossier eval extract|muc4|petrarch`. Owned by the extraction stage.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use dossier_extract::eval::{self, Counts, Scores};
use dossier_extract::Extractor;
use dossier_pipeline::{Pipeline, PipelineConfig};
use dossier_text::{tokenize, Component, Document};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Folder of dev-set articles (NAME.txt with entity markup + NAME.toml).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/test_data/devset"))]
    data: PathBuf,
    /// Score the held-back articles (DATA/heldout) instead.
    #[arg(long)]
    heldout: bool,
    /// Use the gold mentions and entities of the markup instead of the
    /// upstream stages: the extractor measured on its own.
    #[arg(long)]
    oracle: bool,
    /// Print each article's spurious (+) and missed (-) items.
    #[arg(long)]
    verbose: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct Muc4Args {}

#[derive(clap::Args)]
pub struct PetrarchArgs {}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let dir = if args.heldout {
        args.data.join("heldout")
    } else {
        args.data.clone()
    };
    if !dir.is_dir() {
        eprintln!(
            "dossier: no dev set at {}; skipping (pass --data DIR)",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let articles = eval::load_dir(&dir).with_context(|| format!("loading {}", dir.display()))?;
    for a in &articles {
        eval::check_gold(a)?;
    }
    let extractor = Extractor::new();
    let pipeline = if args.oracle {
        None
    } else {
        Some(Pipeline::new(&PipelineConfig::default()).context("building the pipeline")?)
    };
    let mut total = Scores::default();
    for a in &articles {
        let doc = match &pipeline {
            Some(p) => {
                let mut doc = Document::new(a.text()?, a.meta());
                p.process(&mut doc);
                // The extractor runs last; run it here when the pipeline
                // does not include it yet.
                if !p.stage_names().contains(&extractor.name()) {
                    extractor.process(&mut doc);
                }
                doc
            }
            None => {
                let mut doc = a.oracle_document()?;
                if doc.tokens.is_empty() {
                    tokenize::segment(&mut doc);
                }
                extractor.process(&mut doc);
                doc
            }
        };
        let s = eval::score(&doc, &a.gold);
        if args.verbose {
            println!("== {}", a.id);
            print!("{}", eval::misses(&doc, &a.gold));
        }
        total.add(s);
    }
    let mode = if args.oracle { "oracle" } else { "pipeline" };
    if args.json {
        let layer = |c: Counts| {
            serde_json::json!({
                "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
                "tp": c.tp, "predicted": c.predicted, "gold": c.gold,
            })
        };
        let out = serde_json::json!({
            "articles": articles.len(),
            "mode": mode,
            "heldout": args.heldout,
            "relations": layer(total.relations),
            "events": layer(total.events),
            "claims": layer(total.claims),
        });
        println!("{out}");
    } else {
        println!(
            "{} articles from {} ({mode})",
            articles.len(),
            dir.display()
        );
        println!("layer       precision  recall  f1     tp/pred/gold");
        for (name, c) in [
            ("relations", total.relations),
            ("events", total.events),
            ("claims", total.claims),
        ] {
            println!(
                "{name:<11} {:>9.3}  {:>6.3}  {:.3}  {}/{}/{}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.predicted,
                c.gold
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn muc4(_args: Muc4Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval muc4 is not built yet")
}

pub fn petrarch(_args: PetrarchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dossier eval petrarch is not built yet")
}
