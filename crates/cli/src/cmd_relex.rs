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
pub struct Muc4Args {
    /// The GTT-processed MUC-4 folder (train/dev/test JSON lines).
    #[arg(long, default_value = "../shared/data/muc4/gtt_processed")]
    data: PathBuf,
    /// Which split to score: test (report) or dev.
    #[arg(long, default_value = "test")]
    split: String,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct PetrarchArgs {
    /// The petrarch2 folder (text/ and dictionaries/).
    #[arg(long, default_value = "../shared/data/petrarch2")]
    data: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Print each record's expected and produced codings.
    #[arg(long)]
    verbose: bool,
}

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

pub fn muc4(args: Muc4Args) -> anyhow::Result<ExitCode> {
    use dossier_extract::muc4;
    let path = args.data.join(format!("{}.json", args.split));
    if !path.is_file() {
        eprintln!(
            "dossier: no MUC-4 file at {}; skipping (pass --data DIR)",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let pipeline = Pipeline::new(&PipelineConfig::default()).context("building the pipeline")?;
    let extractor = Extractor::new();
    let mut total = muc4::Counts::default();
    let mut n_docs = 0;
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let gold: muc4::GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a GTT document", path.display(), n + 1))?;
        let mut doc = Document::new(
            gold.doctext.clone(),
            dossier_text::DocMeta {
                id: gold.docid.clone(),
                ..Default::default()
            },
        );
        pipeline.process(&mut doc);
        if !pipeline.stage_names().contains(&extractor.name()) {
            extractor.process(&mut doc);
        }
        let gold_templates: Vec<muc4::Template> = gold
            .templates
            .iter()
            .map(muc4::Template::from_gold)
            .collect();
        let c = muc4::score(&muc4::templates(&doc), &gold_templates);
        total.tp += c.tp;
        total.predicted += c.predicted;
        total.gold += c.gold;
        n_docs += 1;
    }
    let p = if total.predicted == 0 {
        0.0
    } else {
        total.tp as f64 / total.predicted as f64
    };
    let r = if total.gold == 0 {
        0.0
    } else {
        total.tp as f64 / total.gold as f64
    };
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    if args.json {
        println!(
            "{}",
            serde_json::json!({"documents": n_docs, "split": args.split, "precision": p, "recall": r, "f1": f1,
                "tp": total.tp, "predicted": total.predicted, "gold": total.gold})
        );
    } else {
        println!(
            "{n_docs} MUC-4 documents ({}), role fillers {}/{}/{} (tp/pred/gold)",
            args.split, total.tp, total.predicted, total.gold
        );
        println!(
            "precision {p:.3}  recall {r:.3}  micro-F1 {f1:.3}  (GTT 0.502, IterX 0.530 on test)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn petrarch(args: PetrarchArgs) -> anyhow::Result<ExitCode> {
    use dossier_extract::petrarch;
    let records_path = args.data.join("text/PETR.UnitTest.records.xml");
    let actors_path = args.data.join("dictionaries/PETR.Validate.actors.txt");
    if !records_path.is_file() || !actors_path.is_file() {
        eprintln!(
            "dossier: no PETRARCH2 validation records under {}; skipping (pass --data DIR)",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let xml = std::fs::read_to_string(&records_path)
        .with_context(|| format!("reading {}", records_path.display()))?;
    let dict = std::fs::read_to_string(&actors_path)
        .with_context(|| format!("reading {}", actors_path.display()))?;
    let records = petrarch::parse_records(&xml);
    let actors = petrarch::parse_actors(&dict);
    let extractor = Extractor::new();
    let mut report = petrarch::Report::default();
    for r in &records {
        let mut doc = petrarch::document(r, &actors);
        extractor.process(&mut doc);
        petrarch::score(&doc, r, &mut report);
        if args.verbose {
            println!("{} {}: {}", r.id, r.category, r.text);
            println!("  expected {:?}", r.expected);
            print!("{}", dossier_extract::render::events(&doc));
        }
    }
    let frac = |n: usize| {
        if report.expected == 0 {
            0.0
        } else {
            n as f64 / report.expected as f64
        }
    };
    if args.json {
        let out = serde_json::json!({
            "records": report.records,
            "expected": report.expected,
            "predicted": report.predicted,
            "exact": frac(report.exact),
            "root_and_dyad": frac(report.root_and_dyad),
            "root_only": frac(report.root_only),
            "counts": report,
        });
        println!("{out}");
    } else {
        println!(
            "{} records, {} expected codings, {} events produced",
            report.records, report.expected, report.predicted
        );
        println!(
            "same source, target and code   {:>4}  {:.3}",
            report.exact,
            frac(report.exact)
        );
        println!(
            "same source, target and root   {:>4}  {:.3}",
            report.root_and_dyad,
            frac(report.root_and_dyad)
        );
        println!(
            "same root                      {:>4}  {:.3}",
            report.root_only,
            frac(report.root_only)
        );
    }
    Ok(ExitCode::SUCCESS)
}
