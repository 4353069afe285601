//! Runs the syntax stage over the `text` field of every line of a JSONL
//! file (or over a plain text file) and writes one line per token: form,
//! UPOS, XPOS, lemma, head, label. For profiling the stage alone
//! (`valgrind --tool=callgrind`) and for diffing its output before and
//! after a change:
//!
//!   cargo run --release -p dossier-syntax --example syntax_dump -- FILE [BEAM [GAP]] > out.tsv
//!
//! BEAM is the parser's beam width: by default 2, what `dossier extract`
//! parses with (`PIPELINE_PARSE_BEAM` in `dossier-pipeline`); GAP the beam
//! gap, by default the one the model file records.

use std::io::{BufWriter, Write};

use dossier_syntax::SyntaxTagger;
use dossier_text::{tokenize, Component, DocMeta, Document, TokenIdx};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: syntax_dump FILE [BEAM [GAP]]"))?;
    let beam: usize = match std::env::args().nth(2) {
        Some(b) => b.parse()?,
        None => 2,
    };
    let raw = std::fs::read_to_string(&path)?;
    let texts: Vec<String> = if path.ends_with(".jsonl") {
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l)?;
                Ok(v["text"].as_str().unwrap_or_default().to_string())
            })
            .collect::<anyhow::Result<_>>()?
    } else {
        vec![raw]
    };
    let mut tagger = SyntaxTagger::embedded()?.with_beam(beam);
    if let Some(gap) = std::env::args().nth(3) {
        tagger = tagger.with_gap(gap.parse()?);
    }
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for text in texts {
        let mut doc = Document::new(text, DocMeta::default());
        tokenize::segment(&mut doc);
        tagger.process(&mut doc);
        let s = &doc.syntax;
        for i in 0..doc.tokens.len() {
            writeln!(
                out,
                "{}\t{:?}\t{}\t{}\t{:?}\t{}",
                doc.token_text(TokenIdx::new(i)),
                s.upos[i],
                s.xpos[i],
                s.lemma[i],
                s.head[i].map(|h| h.index()),
                s.deprel[i]
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
