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

/// Scores predictions `(start byte, end byte, type)` per document against
/// the gold names.
pub fn score(docs: &[Re3dDoc], preds: &[Vec<(usize, usize, String)>]) -> Scores {
    let mut scores = Scores::default();
    for (d, p) in docs.iter().zip(preds) {
        scores.add(&d.gold, p);
    }
    scores
}
