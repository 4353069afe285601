//! `dossier eval ingest`: scores the HTML main-text extractor on the
//! article-extraction benchmark (181 news pages with gold bodies), with the
//! benchmark's own metric (word 4-gram precision, recall and F1). Owned by
//! the ingest stage.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The benchmark folder, with `ground-truth.json` and `html/`.
    #[arg(long, default_value = "../shared/data/article-extraction")]
    pub data: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if !args.data.join("ground-truth.json").is_file() {
        eprintln!(
            "dossier eval ingest: skipped: no article-extraction benchmark at {}; pass --data DIR",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let report = dossier_ingest::evaluate_extraction(&args.data)
        .with_context(|| format!("cannot score the extractor on {}", args.data.display()))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "article body extraction ({} pages, {:.1} s)",
        report.all.pages, report.extract_seconds
    );
    println!(
        "{:<6} {:>6} {:>10} {:>8} {:>8} {:>9}",
        "split", "pages", "precision", "recall", "F1", "accuracy"
    );
    for (name, s) in [
        ("dev", &report.dev),
        ("test", &report.test),
        ("all", &report.all),
    ] {
        println!(
            "{name:<6} {:>6} {:>10.3} {:>8.3} {:>8.3} {:>9.3}",
            s.pages, s.precision, s.recall, s.f1, s.accuracy
        );
    }
    Ok(ExitCode::SUCCESS)
}
