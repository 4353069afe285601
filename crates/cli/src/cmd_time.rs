//! `dossier eval time`: scores the time tagger on TimeML (`.tml`) files with
//! the TempEval-3 task A measures. Owned by the time stage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use dossier_time::eval::{evaluate_doc, parse_timeml, render_mismatch, Counts};
use dossier_time::TimeTagger;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Folder of TimeML files, searched recursively for `*.tml`
    /// (e.g. ../shared/data/tempeval3/te3-platinum).
    #[arg(long, default_value = "../shared/data/tempeval3/te3-platinum")]
    pub data: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write every missed, spurious or wrongly normalised expression to this
    /// file, one per line.
    #[arg(long)]
    pub errors: Option<PathBuf>,
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            tml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if !args.data.is_dir() {
        eprintln!(
            "dossier eval time: skipped: no TimeML folder at {}; pass --data DIR",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut files = Vec::new();
    tml_files(&args.data, &mut files)?;
    files.sort();
    let tagger = TimeTagger::default();
    let mut counts = Counts::default();
    let mut lines = Vec::new();
    let mut skipped = 0;
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let xml = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let doc = match parse_timeml(&name, &xml) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("dossier eval time: skipping {}: {e}", path.display());
                skipped += 1;
                continue;
            }
        };
        for m in evaluate_doc(&tagger, &doc, &mut counts) {
            lines.push(render_mismatch(&doc, &m));
        }
    }
    if let Some(path) = &args.errors {
        std::fs::write(path, lines.join("\n") + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let r = counts.report();
    if args.json {
        println!("{}", serde_json::to_string(&r)?);
    } else {
        println!(
            "time expressions on {} ({} files)",
            args.data.display(),
            files.len() - skipped
        );
        println!(
            "{:<10} {:>9} {:>9} {:>9}",
            "match", "precision", "recall", "f1"
        );
        println!(
            "{:<10} {:>9.4} {:>9.4} {:>9.4}",
            "strict", r.strict_precision, r.strict_recall, r.strict_f1
        );
        println!(
            "{:<10} {:>9.4} {:>9.4} {:>9.4}",
            "relaxed", r.relaxed_precision, r.relaxed_recall, r.relaxed_f1
        );
        println!(
            "type accuracy {:.4}  value f1 {:.4}  gold {}  predicted {}",
            r.type_accuracy, r.value_f1, r.n_gold, r.n_pred
        );
    }
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
