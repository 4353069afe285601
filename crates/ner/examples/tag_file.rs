//! Tags a text file with the embedded model and prints what it found and how
//! fast: `cargo run --release -p dossier-ner --example tag_file -- FILE`
//! (or `-- --news 200000` for generated text).
//! bench/compare_spacy.sh runs it beside spaCy on the same text.

use std::time::Instant;

use dossier_ner::NerTagger;
use dossier_text::{tokenize, Component, DocMeta, Document};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text =
        match args.as_slice() {
            // Generated news text, for a quick speed check without a file.
            [flag, n] if flag == "--news" => dossier_ner::newsgen::news_text(n.parse()?, 7),
            // Prints the generated text, so that another tagger can read the same.
            [flag, n] if flag == "--print-news" => {
                print!("{}", dossier_ner::newsgen::news_text(n.parse()?, 7));
                return Ok(());
            }
            [path] => std::fs::read_to_string(path)?,
            _ => return Err(
                "usage: tag_file FILE | tag_file --news N_TOKENS | tag_file --print-news N_TOKENS"
                    .into(),
            ),
        };
    let loaded = Instant::now();
    let tagger = NerTagger::embedded()?;
    let load_s = loaded.elapsed().as_secs_f64();
    // One document per blank-line-separated block, as articles would come.
    let mut docs: Vec<Document> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| Document::new(b.to_string(), DocMeta::default()))
        .collect();
    let seg = Instant::now();
    let seg_cpu0 = thread_cpu_secs();
    for d in &mut docs {
        tokenize::segment(d);
    }
    let seg_s = seg.elapsed().as_secs_f64();
    let tag = Instant::now();
    let cpu0 = thread_cpu_secs();
    for d in &mut docs {
        tagger.process(d);
    }
    let tag_s = tag.elapsed().as_secs_f64();
    let cpu1 = thread_cpu_secs();
    let tag_cpu_s = cpu1.zip(cpu0).map(|(b, a)| b - a);
    let all_cpu_s = cpu1.zip(seg_cpu0).map(|(b, a)| b - a);
    let n_tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let n_words: usize = docs
        .iter()
        .map(|d| d.text().split_whitespace().count())
        .sum();
    let mut by_type = std::collections::BTreeMap::new();
    for d in &docs {
        for m in &d.mentions {
            *by_type.entry(m.etype.as_str()).or_insert(0usize) += 1;
        }
    }
    println!(
        "dossier: {} documents, {n_tokens} tokens, {n_words} words, mentions {by_type:?}",
        docs.len()
    );
    println!(
        "dossier: model load {load_s:.3}s, segment {seg_s:.3}s, tag {tag_s:.3}s: {:.0} tokens/s tagging, {:.0} words/s segment+tag",
        n_tokens as f64 / tag_s,
        n_words as f64 / (seg_s + tag_s)
    );
    // On a shared machine wall time counts waits for a core; CPU time does not.
    if let (Some(tag_cpu), Some(all_cpu)) = (tag_cpu_s, all_cpu_s) {
        println!(
            "dossier: CPU time tag {tag_cpu:.3}s: {:.0} tokens/CPU-s tagging; segment+tag {all_cpu:.3}s: {:.0} words/CPU-s",
            n_tokens as f64 / tag_cpu,
            n_words as f64 / all_cpu
        );
    }
    Ok(())
}

/// This thread's time on a CPU, in seconds.
fn thread_cpu_secs() -> Option<f64> {
    dossier_text::cpu::thread_cpu_time().map(|d| d.as_secs_f64())
}
