//! Integration tests of dossier-ingest: one binary, one module per concern.

mod errors;
mod formats;
mod golden;
mod html;
mod metric;
mod props;

use std::fmt::Write;

use dossier_ingest::{IngestConfig, IngestError};
use dossier_text::Document;
use expect_test::Expect;

/// One line per document (`id | date | title | text`), its metadata and
/// diagnostics indented below; one `error:` line per skipped input. The text
/// is cut to `width` characters, line breaks shown as `⏎`.
pub fn render(items: &[Result<Document, IngestError>], width: usize) -> String {
    let mut out = String::new();
    for item in items {
        match item {
            Ok(doc) => {
                let m = &doc.meta;
                let mut text: String = doc.text().chars().take(width).collect();
                if doc.text().chars().count() > width {
                    text.push('…');
                }
                let date = m.date.map_or("-".to_string(), |d| d.to_string());
                let title = m.title.as_deref().unwrap_or("-");
                writeln!(
                    out,
                    "{} | {date} | {title} | {}",
                    m.id,
                    text.replace('\n', "⏎")
                )
                .unwrap();
                for (key, value) in [
                    ("url", &m.url),
                    ("source", &m.source),
                    ("language", &m.language),
                ] {
                    if let Some(v) = value {
                        writeln!(out, "  {key}: {v}").unwrap();
                    }
                }
                for d in &doc.diagnostics {
                    writeln!(out, "  {:?}: {}", d.severity, d.message).unwrap();
                }
            }
            Err(e) => writeln!(out, "error: {e}").unwrap(),
        }
    }
    out
}

/// Ingests `input` as if read from a file called `name` and compares the
/// rendering, texts cut to 60 characters.
pub fn check(name: &str, input: &str, expect: Expect) {
    check_with(name, input, &IngestConfig::default(), expect);
}

pub fn check_with(name: &str, input: &str, cfg: &IngestConfig, expect: Expect) {
    let items = dossier_ingest::ingest_str(name, input, cfg);
    expect.assert_eq(&render(&items, 60));
}
