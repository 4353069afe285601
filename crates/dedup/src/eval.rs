//! Precision and recall on labelled article pairs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{signature, Config, Error, Signature};

/// The scores of [`evaluate`] for both halves of a pair set.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    /// Articles read (every article named in the pairs file).
    pub n_articles: usize,
    /// The decision rule that was scored.
    pub config: Config,
    /// The half the thresholds were tuned on.
    pub dev: SplitReport,
    /// The held-out half.
    pub test: SplitReport,
}

/// Counts and scores on one half; "positive" means flagged as a
/// near-duplicate.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SplitReport {
    /// Pairs labelled `duplicate`.
    pub n_duplicate: usize,
    /// Pairs labelled `distinct`.
    pub n_distinct: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Every pair judged wrongly, for inspection.
    pub errors: Vec<PairResult>,
}

/// One labelled pair and how it was judged.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PairResult {
    pub a: String,
    pub b: String,
    /// Whether the pair is labelled a near-duplicate.
    pub duplicate: bool,
    /// The pair's kind in the pairs file (`trim`, `rewrite`, ...).
    pub kind: String,
    /// Estimated Jaccard similarity.
    pub similarity: f64,
    /// Estimated containment of the smaller text in the larger.
    pub containment: f64,
    /// Whether the pair shares an LSH band key.
    pub candidate: bool,
    /// Whether the pair was flagged (a candidate judged a near-duplicate).
    pub flagged: bool,
}

/// Scores [`Config::default`] on the pairs in `dir` (see [`evaluate_with`]).
pub fn evaluate(dir: &Path) -> Result<Report, Error> {
    evaluate_with(dir, &Config::default())
}

/// Scores `config` on the labelled pairs in `dir`.
///
/// `dir/pairs.tsv` has a header line and then one pair a line: `a`, `b`,
/// `label` (`duplicate` or `distinct`), `split` (`dev` or `test`) and
/// `kind`, tab-separated; `a` and `b` name files `dir/articles/<name>.txt`.
/// A pair is flagged when the two signatures share a band key (as an LSH
/// lookup would find it) and `config` judges them near-duplicates.
pub fn evaluate_with(dir: &Path, config: &Config) -> Result<Report, Error> {
    let pairs = score_pairs(dir)?;
    let mut n_articles = std::collections::HashSet::new();
    let mut dev = SplitReport::default();
    let mut test = SplitReport::default();
    for (split, mut pair) in pairs.pairs {
        n_articles.insert(pair.a.clone());
        n_articles.insert(pair.b.clone());
        let report = if split == "dev" { &mut dev } else { &mut test };
        let (sa, sb) = (&pairs.signatures[&pair.a], &pairs.signatures[&pair.b]);
        pair.flagged = pair.candidate && config.is_near_duplicate(sa, sb);
        match (pair.duplicate, pair.flagged) {
            (true, true) => report.true_positives += 1,
            (false, true) => report.false_positives += 1,
            (true, false) => report.false_negatives += 1,
            (false, false) => {}
        }
        if pair.duplicate {
            report.n_duplicate += 1;
        } else {
            report.n_distinct += 1;
        }
        if pair.duplicate != pair.flagged {
            report.errors.push(pair);
        }
    }
    for report in [&mut dev, &mut test] {
        let tp = report.true_positives as f64;
        report.precision = ratio(tp, tp + report.false_positives as f64);
        report.recall = ratio(tp, tp + report.false_negatives as f64);
        report.f1 = ratio(
            2.0 * report.precision * report.recall,
            report.precision + report.recall,
        );
    }
    Ok(Report {
        n_articles: n_articles.len(),
        config: config.clone(),
        dev,
        test,
    })
}

fn ratio(num: f64, den: f64) -> f64 {
    if den == 0.0 {
        0.0
    } else {
        num / den
    }
}

struct ScoredPairs {
    pairs: Vec<(String, PairResult)>,
    signatures: HashMap<String, Signature>,
}

fn score_pairs(dir: &Path) -> Result<ScoredPairs, Error> {
    let path = dir.join("pairs.tsv");
    let tsv = read(&path)?;
    let mut signatures = HashMap::new();
    let mut pairs = Vec::new();
    for (i, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::BadPairs {
            path: path.clone(),
            line: i + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [a, b, label, split, kind] = fields[..] else {
            return Err(bad(format!("{} fields, expected 5", fields.len())));
        };
        let duplicate = match label {
            "duplicate" => true,
            "distinct" => false,
            _ => {
                return Err(bad(format!(
                    "label {label:?}, expected duplicate or distinct"
                )))
            }
        };
        if !matches!(split, "dev" | "test") {
            return Err(bad(format!("split {split:?}, expected dev or test")));
        }
        for name in [a, b] {
            if !signatures.contains_key(name) {
                let text = read(&dir.join("articles").join(format!("{name}.txt")))?;
                signatures.insert(name.to_string(), signature(&text));
            }
        }
        let (sa, sb) = (&signatures[a], &signatures[b]);
        pairs.push((
            split.to_string(),
            PairResult {
                a: a.to_string(),
                b: b.to_string(),
                duplicate,
                kind: kind.to_string(),
                similarity: sa.similarity(sb),
                containment: crate::containment(sa, sb),
                candidate: sa.shares_band(sb),
                flagged: false,
            },
        ));
    }
    Ok(ScoredPairs { pairs, signatures })
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: PathBuf::from(path),
        source,
    })
}
