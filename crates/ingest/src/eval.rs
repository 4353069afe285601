//! Scores the HTML main-text extraction on the article-extraction benchmark
//! (Scrapinghub/Zyte, 181 news pages with gold article bodies), with the
//! benchmark's own metric, so the figures compare with its published table.
//!
//! The metric: texts are cut into `\w+` tokens (case kept); each text is a
//! multiset of word 4-grams (a text of 1 to 3 tokens is one shingle); per page
//! true positives, false positives and false negatives are the multiset
//! overlaps, normalised by their sum so long pages weigh no more than short
//! ones; precision and recall are averaged over pages and F1 is taken from
//! the averages. Accuracy is the share of pages whose token lists match
//! exactly.
//!
//! The pages are split by their id (the SHA-256 of the URL): ids starting
//! `0`-`7` are the development half, used to tune the extractor, and `8`-`f`
//! the test half, reported.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::error::{IngestError, Source};
use crate::html::main_text;

/// Precision, recall, F1 and accuracy over a set of pages, as fractions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

/// The scores on the development half, the test half and all pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExtractionReport {
    pub dev: Scores,
    pub test: Scores,
    pub all: Scores,
    /// Seconds spent extracting (parsing and scoring the pages), all pages.
    pub extract_seconds: f64,
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// The benchmark's tokens: runs of word characters.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(tokens: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < n {
        counts.insert(tokens, 1);
        return counts;
    }
    for w in tokens.windows(n) {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// True positives, false positives and false negatives of `pred` against
/// `truth` over word `n`-grams, normalised to sum to 1 (all 0 when both are
/// empty).
pub fn shingle_overlap(truth: &str, pred: &str, n: usize) -> (f64, f64, f64) {
    let (t_tokens, p_tokens) = (tokens(truth), tokens(pred));
    let (t, p) = (shingles(&t_tokens, n), shingles(&p_tokens, n));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (s, &tc) in &t {
        let pc = p.get(s).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (s, &pc) in &p {
        fp += pc.saturating_sub(t.get(s).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

/// Accumulates per-page results into corpus scores.
#[derive(Default)]
struct Tally {
    precisions: Vec<f64>,
    recalls: Vec<f64>,
    exact: usize,
    pages: usize,
}

impl Tally {
    fn add(&mut self, truth: &str, pred: &str) {
        let (tp, fp, fn_) = shingle_overlap(truth, pred, 4);
        self.pages += 1;
        if tokens(truth) == tokens(pred) {
            self.exact += 1;
        }
        let perfect = fp == 0.0 && fn_ == 0.0;
        if tp + fp > 0.0 {
            self.precisions
                .push(if perfect { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fn_ > 0.0 {
            self.recalls
                .push(if perfect { 1.0 } else { tp / (tp + fn_) });
        }
    }

    fn scores(&self) -> Scores {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        let (precision, recall) = (mean(&self.precisions), mean(&self.recalls));
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let accuracy = if self.pages == 0 {
            0.0
        } else {
            self.exact as f64 / self.pages as f64
        };
        Scores {
            pages: self.pages,
            precision,
            recall,
            f1,
            accuracy,
        }
    }
}

/// Runs the extractor over the benchmark folder (`ground-truth.json` and
/// `html/<id>.html.gz`) and scores it.
pub fn evaluate_extraction(dir: &Path) -> Result<ExtractionReport, IngestError> {
    let truth_path = dir.join("ground-truth.json");
    let bench = |message: String| IngestError::Benchmark {
        path: Source::new(&truth_path),
        message,
    };
    let raw = std::fs::read(&truth_path).map_err(|e| IngestError::Io {
        path: Source::new(&truth_path),
        source: e,
    })?;
    let truth: HashMap<String, serde_json::Value> = serde_json::from_slice(&raw).map_err(|e| {
        bench(format!(
            "not the benchmark's ground truth ({e}); point to the article-extraction folder"
        ))
    })?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();

    let (mut dev, mut test, mut all) = (Tally::default(), Tally::default(), Tally::default());
    let started = std::time::Instant::now();
    for id in ids {
        let body = truth[id]
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or("");
        let page_path = dir.join("html").join(format!("{id}.html.gz"));
        let io = |e: std::io::Error| IngestError::Io {
            path: Source::new(&page_path),
            source: e,
        };
        let mut html = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&page_path).map_err(io)?)
            .read_to_string(&mut html)
            .map_err(io)?;
        let pred = main_text(&html);
        let half = if id
            .as_bytes()
            .first()
            .is_some_and(|c| b"01234567".contains(c))
        {
            &mut dev
        } else {
            &mut test
        };
        half.add(body, &pred);
        all.add(body, &pred);
    }
    Ok(ExtractionReport {
        dev: dev.scores(),
        test: test.scores(),
        all: all.scores(),
        extract_seconds: started.elapsed().as_secs_f64(),
    })
}
