//! Ingests files, directories or `-` (standard input) and prints one line
//! per document; errors go to standard error, and the exit code is 1 when
//! anything was skipped. This is the loop `dossier extract` runs.
//!
//! ```text
//! cargo run -p dossier-ingest --example ingest -- ../shared/examples/seed.txt news/ -
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use dossier_ingest::{ingest_paths, IngestConfig};

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: ingest PATH...; give files, directories or - for standard input");
        return ExitCode::from(2);
    }
    let mut skipped = 0;
    for item in ingest_paths(&paths, &IngestConfig::default()) {
        match item {
            Ok(doc) => {
                let date = doc.meta.date.map_or("-".to_string(), |d| d.to_string());
                let title = doc.meta.title.as_deref().unwrap_or("-");
                println!(
                    "{}\t{date}\t{} bytes\t{title}",
                    doc.meta.id,
                    doc.text().len()
                );
                for d in &doc.diagnostics {
                    eprintln!("{:?}: {}", d.severity, d.message);
                }
            }
            Err(e) => {
                eprintln!("skipped: {e}");
                skipped += 1;
            }
        }
    }
    if skipped > 0 {
        eprintln!("{skipped} input(s) skipped; see the messages above");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
