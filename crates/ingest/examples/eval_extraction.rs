//! Scores the HTML main-text extractor on the article-extraction benchmark
//! and prints one JSON object (fractions in 0..1).
//!
//! ```text
//! cargo run --release -p dossier-ingest --example eval_extraction -- ../shared/data/article-extraction
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/article-extraction"));
    if !dir.join("ground-truth.json").exists() {
        eprintln!(
            "{}: benchmark data not found; skipping the article-extraction evaluation",
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    match dossier_ingest::evaluate_extraction(&dir) {
        Ok(report) => {
            println!(
                "{}",
                serde_json::to_string(&report).expect("scores serialise")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval_extraction: {e}");
            ExitCode::from(2)
        }
    }
}
