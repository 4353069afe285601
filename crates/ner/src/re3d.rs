//! The re3d corpus (Dstl): documents with crowd-aggregated entity spans.
//!
//! Gold names: for each span the annotation with the highest confidence
//! wins; it is kept when that confidence is at least 0.5 and its type maps
//! to the model's (Person -> PERSON, Organisation -> ORG, Location -> LOC,
//! Nationality -> MISC). Where kept spans overlap, the more confident (then
//! the longer) one stays. Spans are compared exactly, in byte offsets.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::conll::Scores;
use crate::NerError;

/// One re3d document with its gold names as byte spans.
#[derive(Clone, Debug)]
pub struct Re3dDoc {
    pub id: String,
    pub text: String,
    /// `(start byte, end byte, type)` with schema type names.
    pub gold: Vec<(usize, usize, String)>,
    /// Byte offset of each character, and the text length at the end.
    char_to_byte: Vec<usize>,
}

impl Re3dDoc {
    /// Byte offset of a character offset, if it is inside the text.
    pub fn byte_of(&self, ch: usize) -> Option<usize> {
        self.char_to_byte.get(ch).copied()
    }
}

/// Maps a re3d type, or a spaCy/OntoNotes label, to the model's types.
pub fn map_type(label: &str) -> Option<&'static str> {
    Some(match label {
        "Person" | "PERSON" | "PER" => "PERSON",
        "Organisation" | "ORG" => "ORG",
        "Location" | "LOC" | "GPE" | "FAC" => "LOC",
        "Nationality" | "NORP" | "MISC" => "MISC",
        _ => return None,
    })
}

fn json_lines(path: &Path) -> Result<Vec<serde_json::Value>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            serde_json::from_str(l).map_err(|e| NerError::Data {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Reads every sub-corpus folder of `dir` (those with a documents.json).
pub fn read_re3d(dir: &Path) -> Result<Vec<Re3dDoc>, NerError> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| NerError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("documents.json").exists())
        .collect();
    folders.sort();
    let mut out = Vec::new();
    for folder in folders {
        let docs = json_lines(&folder.join("documents.json"))?;
        let ents = json_lines(&folder.join("entities.json"))?;
        // (doc, begin, end) -> best (confidence, type)
        let mut best: HashMap<(String, usize, usize), (f64, String)> = HashMap::new();
        for e in &ents {
            let (Some(doc), Some(b), Some(en), Some(ty)) = (
                e["documentId"].as_str(),
                e["begin"].as_u64(),
                e["end"].as_u64(),
                e["type"].as_str(),
            ) else {
                continue;
            };
            let conf = e["confidence"].as_f64().unwrap_or(0.0);
            let key = (doc.to_string(), b as usize, en as usize);
            match best.get(&key) {
                Some((c, _)) if *c >= conf => {}
                _ => {
                    best.insert(key, (conf, ty.to_string()));
                }
            }
        }
        let mut by_doc: BTreeMap<String, Vec<(usize, usize, f64, &'static str)>> = BTreeMap::new();
        for ((doc, b, e), (conf, ty)) in &best {
            if let Some(t) = map_type(ty).filter(|_| *conf >= 0.5) {
                by_doc
                    .entry(doc.clone())
                    .or_default()
                    .push((*b, *e, *conf, t));
            }
        }
        for d in &docs {
            let (Some(id), Some(text)) = (d["_id"].as_str(), d["text"].as_str()) else {
                continue;
            };
            let mut char_to_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            char_to_byte.push(text.len());
            let mut spans = by_doc.remove(id).unwrap_or_default();
            spans.sort_by(|a, b| {
                b.2.total_cmp(&a.2)
                    .then((b.1 - b.0).cmp(&(a.1 - a.0)))
                    .then(a.0.cmp(&b.0))
            });
            let mut kept: Vec<(usize, usize, String)> = Vec::new();
            for (b, e, _, t) in spans {
                let (Some(&bb), Some(&be)) = (char_to_byte.get(b), char_to_byte.get(e)) else {
                    continue;
                };
                if bb >= be || kept.iter().any(|k| k.0 < be && bb < k.1) {
                    continue;
                }
                kept.push((bb, be, t.to_string()));
            }
            kept.sort();
            out.push(Re3dDoc {
                id: id.to_string(),
                text: text.to_string(),
                gold: kept,
                char_to_byte,
            });
        }
    }
    Ok(out)
}

/// The re3d class a fine type is scored against, with typing on: GPE, LOC
/// and FAC are re3d's Location, NORP its Nationality; WORK, EVENT and MISC
/// have no re3d class (`None`).
pub fn class_of_fine(label: &str) -> Option<&'static str> {
    match label {
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        "NORP" => Some("MISC"),
        "PERSON" | "ORG" => map_type(label),
        _ => None,
    }
}

/// Scores fine-typed predictions: the coarse table (each prediction as its
/// re3d class, [`class_of_fine`]; a type without one is not scored), and
/// one row per fine place and group type: a GPE, LOC or FAC is right when
/// its span is a gold Location, a NORP when it is a gold Nationality, and
/// the row's recall is the share of that gold class it found.
pub fn score_typed(docs: &[Re3dDoc], preds: &[Vec<(usize, usize, String)>]) -> (Scores, Scores) {
    let mut coarse = Scores::default();
    let mut fine = Scores::default();
    for (d, p) in docs.iter().zip(preds) {
        let as_class: Vec<(usize, usize, String)> = p
            .iter()
            .filter_map(|(a, b, t)| Some((*a, *b, class_of_fine(t)?.to_string())))
            .collect();
        coarse.add(&d.gold, &as_class);
        for label in ["GPE", "LOC", "FAC", "NORP"] {
            let class = class_of_fine(label).unwrap_or_default();
            let gold: Vec<(usize, usize, &str)> = d
                .gold
                .iter()
                .filter(|g| g.2 == class)
                .map(|g| (g.0, g.1, label))
                .collect();
            let pred: Vec<(usize, usize, &str)> = p
                .iter()
                .filter(|q| q.2 == label)
                .map(|q| (q.0, q.1, label))
                .collect();
            fine.add(&gold, &pred);
        }
    }
    (coarse, fine)
}

/// Scores predictions `(start byte, end byte, type)` per document against
/// the gold names.
pub fn score(docs: &[Re3dDoc], preds: &[Vec<(usize, usize, String)>]) -> Scores {
    let mut scores = Scores::default();
    for (d, p) in docs.iter().zip(preds) {
        scores.add(&d.gold, p);
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(gold: &[(usize, usize, &str)]) -> Re3dDoc {
        Re3dDoc {
            id: "d".into(),
            text: String::new(),
            gold: gold.iter().map(|g| (g.0, g.1, g.2.to_string())).collect(),
            char_to_byte: Vec::new(),
        }
    }

    #[test]
    fn fine_types_are_scored_against_their_re3d_class() {
        // Gold: two Locations and one Nationality.
        let docs = [doc(&[(0, 5, "LOC"), (10, 15, "LOC"), (20, 27, "MISC")])];
        let preds = vec![vec![
            (0, 5, "GPE".to_string()),
            (10, 15, "LOC".to_string()),
            (20, 27, "NORP".to_string()),
            (30, 35, "WORK".to_string()),
        ]];
        let (coarse, fine) = score_typed(&docs, &preds);
        // The WORK has no re3d class and is not a prediction.
        assert_eq!(coarse.by_type["LOC"], (2, 2, 2));
        assert_eq!(coarse.by_type["MISC"], (1, 1, 1));
        assert_eq!(coarse.n_pred(), 3);
        // GPE found one of the two Locations; NORP the one Nationality.
        assert_eq!(fine.by_type["GPE"], (2, 1, 1));
        assert_eq!(fine.by_type["LOC"], (2, 1, 1));
        assert_eq!(fine.by_type["FAC"], (2, 0, 0));
        assert_eq!(fine.by_type["NORP"], (1, 1, 1));
    }
}
