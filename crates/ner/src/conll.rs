//! CoNLL-format data and conlleval-style chunk scoring.
//!
//! The reader takes the last column of each line as the tag and accepts IOB1
//! (CoNLL-2003), IOB2 and BILOU/IOBES. Chunks follow conlleval's rules: a
//! chunk starts at `B-`, at `U-`/`S-`, or at `I-` after `O` or after a tag of
//! another type; an `I-X` after `I-X` continues the chunk, which is what makes
//! one function right for both IOB1 and IOB2.

use std::collections::BTreeMap;
use std::path::Path;

use dossier_text::EntityType;

use crate::NerError;

/// A sentence of a CoNLL file: its words and their tags as written.
#[derive(Clone, Debug, Default)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// A document of a CoNLL file: the sentences between two document lines
/// (see [`is_doc_line`]).
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// A chunk: tokens `start..end` of a sentence, with its type as written
/// (`PER`, `LOC`, ...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Reads a CoNLL file (columns separated by spaces or tabs, the tag last).
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(parse_conll(&text))
}

/// The placeholder CoNLL-2003 writes instead of a part-of-speech tag on the
/// line that opens a document (`<marker> -X- O O`).
pub const DOC_PLACEHOLDER: &str = "-X-";

/// Whether a line opens a new document: its second column is
/// [`DOC_PLACEHOLDER`]. On a token line that column is a part-of-speech tag
/// or, in two-column files, the name tag, never the placeholder; so the
/// reader needs no list of marker words.
pub fn is_doc_line(line: &str) -> bool {
    line.split([' ', '\t']).filter(|c| !c.is_empty()).nth(1) == Some(DOC_PLACEHOLDER)
}

/// Parses CoNLL text. A file without document lines is one document.
pub fn parse_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs = vec![ConllDoc::default()];
    let mut sent = ConllSentence::default();
    let flush = |docs: &mut Vec<ConllDoc>, sent: &mut ConllSentence| {
        if !sent.words.is_empty() {
            let s = std::mem::take(sent);
            docs.last_mut().expect("never empty").sentences.push(s);
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        if is_doc_line(line) {
            flush(&mut docs, &mut sent);
            if !docs.last().expect("never empty").sentences.is_empty() {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let mut cols = line.split([' ', '\t']).filter(|c| !c.is_empty());
        let word = cols.next().unwrap_or_default();
        let tag = cols.next_back().unwrap_or("O");
        sent.words.push(word.to_string());
        sent.tags.push(tag.to_string());
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => (p.chars().next().unwrap_or('O'), t),
        _ if tag == "O" || tag.is_empty() => ('O', ""),
        // A bare type with no prefix is read as an inside tag, as conlleval does.
        _ => ('I', tag),
    }
}

/// The chunks of a tag sequence, with conlleval's start and end rules.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut prev = ('O', "");
    for (i, tag) in tags.iter().enumerate() {
        let (p, t) = split_tag(tag.as_ref());
        let (pp, pt) = prev;
        let ends = matches!(pp, 'L' | 'E' | 'U' | 'S')
            || (pp != 'O' && (matches!(p, 'O' | 'B' | 'U' | 'S') || pt != t));
        if ends {
            if let Some((s, label)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    label: label.to_string(),
                });
            }
        }
        let starts = matches!(p, 'B' | 'U' | 'S')
            || (p != 'O' && matches!(pp, 'O' | 'L' | 'E' | 'U' | 'S'))
            || (p != 'O' && pt != t);
        if p != 'O' && (starts || open.is_none()) {
            open = Some((i, t));
        }
        prev = (p, t);
    }
    if let Some((s, label)) = open {
        out.push(Chunk {
            start: s,
            end: tags.len(),
            label: label.to_string(),
        });
    }
    out
}

/// Precision, recall and F1 of one type or of all types.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Counts of gold, predicted and correct chunks, overall and per type.
///
/// A predicted chunk is correct when its start, end and type all match a gold
/// chunk of the same sentence, as in conlleval.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// type -> (n_gold, n_pred, n_correct)
    pub by_type: BTreeMap<String, (usize, usize, usize)>,
}

impl Scores {
    /// Adds one sentence's (or document's) gold and predicted spans.
    pub fn add<T: Ord + Clone + Into<String>>(
        &mut self,
        gold: &[(usize, usize, T)],
        pred: &[(usize, usize, T)],
    ) {
        let gold_set: std::collections::BTreeSet<_> = gold.iter().cloned().collect();
        for (_, _, t) in gold {
            self.by_type.entry(t.clone().into()).or_default().0 += 1;
        }
        for p in pred {
            let e = self.by_type.entry(p.2.clone().into()).or_default();
            e.1 += 1;
            if gold_set.contains(p) {
                e.2 += 1;
            }
        }
    }

    /// Adds one sentence: its gold IOB tags and the predicted spans, the
    /// scoring step that training's dev scores and `dossier eval ner`
    /// share.
    pub fn add_tagged<S: AsRef<str>>(&mut self, tags: &[S], pred: &[(usize, usize, String)]) {
        self.add(&gold_spans(tags), pred);
    }

    /// Adds a sentence's chunks.
    pub fn add_chunks(&mut self, gold: &[Chunk], pred: &[Chunk]) {
        let g: Vec<_> = gold
            .iter()
            .map(|c| (c.start, c.end, label_name(&c.label)))
            .collect();
        let p: Vec<_> = pred
            .iter()
            .map(|c| (c.start, c.end, label_name(&c.label)))
            .collect();
        self.add(&g, &p);
    }

    pub fn n_gold(&self) -> usize {
        self.by_type.values().map(|v| v.0).sum()
    }
    pub fn n_pred(&self) -> usize {
        self.by_type.values().map(|v| v.1).sum()
    }
    pub fn n_correct(&self) -> usize {
        self.by_type.values().map(|v| v.2).sum()
    }
    pub fn overall(&self) -> Prf {
        prf(self.n_gold(), self.n_pred(), self.n_correct())
    }
    pub fn per_type(&self) -> BTreeMap<String, Prf> {
        self.by_type
            .iter()
            .map(|(k, &(g, p, c))| (k.clone(), prf(g, p, c)))
            .collect()
    }

    /// The JSON object that every `dossier eval ner` prints with `--json`.
    pub fn to_json(&self) -> serde_json::Value {
        let o = self.overall();
        serde_json::json!({
            "precision": o.precision,
            "recall": o.recall,
            "f1": o.f1,
            "per_type": self.per_type(),
            "n_gold": self.n_gold(),
            "n_pred": self.n_pred(),
        })
    }

    /// A conlleval-like table, for people.
    pub fn render(&self) -> String {
        let o = self.overall();
        let mut s = format!(
            "gold {} pred {} correct {}\noverall   precision {:6.2}  recall {:6.2}  F1 {:6.2}\n",
            self.n_gold(),
            self.n_pred(),
            self.n_correct(),
            100.0 * o.precision,
            100.0 * o.recall,
            100.0 * o.f1
        );
        s.push_str(&self.render_per_type());
        s
    }

    /// The per-type lines of [`Self::render`].
    pub fn render_per_type(&self) -> String {
        let mut s = String::new();
        for (t, p) in self.per_type() {
            s.push_str(&format!(
                "{t:<9} precision {:6.2}  recall {:6.2}  F1 {:6.2}\n",
                100.0 * p.precision,
                100.0 * p.recall,
                100.0 * p.f1
            ));
        }
        s
    }
}

/// A sentence's gold names from its IOB tags, as `(start, end, schema
/// type)` token spans.
pub fn gold_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    chunks(tags)
        .into_iter()
        .map(|c| (c.start, c.end, label_name(&c.label)))
        .collect()
}

/// Maps a CoNLL or schema type name to the schema's name (`PER` -> `PERSON`);
/// unknown names are kept as they are.
pub fn label_name(label: &str) -> String {
    EntityType::parse(label)
        .map(|t| t.as_str().to_string())
        .unwrap_or_else(|| label.to_string())
}

fn prf(gold: usize, pred: usize, correct: usize) -> Prf {
    let precision = if pred == 0 {
        0.0
    } else {
        correct as f64 / pred as f64
    };
    let recall = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(tags: &str, expect: Expect) {
        let tags: Vec<&str> = tags.split_whitespace().collect();
        let got: Vec<String> = chunks(&tags)
            .iter()
            .map(|c| format!("{}..{} {}", c.start, c.end, c.label))
            .collect();
        expect.assert_eq(&got.join(", "));
    }

    #[test]
    fn iob1_inside_after_inside_continues() {
        check(
            "I-PER I-PER O I-LOC B-LOC I-LOC",
            expect!["0..2 PER, 3..4 LOC, 4..6 LOC"],
        );
    }

    #[test]
    fn iob2_begin_starts_chunk() {
        check(
            "B-ORG I-ORG B-ORG O B-MISC",
            expect!["0..2 ORG, 2..3 ORG, 4..5 MISC"],
        );
    }

    #[test]
    fn type_change_starts_chunk() {
        check("I-PER I-ORG I-ORG", expect!["0..1 PER, 1..3 ORG"]);
    }

    #[test]
    fn bilou_tags_close_chunks() {
        check(
            "B-PER L-PER U-LOC U-LOC O",
            expect!["0..2 PER, 2..3 LOC, 3..4 LOC"],
        );
    }

    #[test]
    fn document_lines_split_documents() {
        let docs = parse_conll(&format!(
            "DOC {DOC_PLACEHOLDER} O O\n\nA NN O\nB NN I-PER\n\nDOC {DOC_PLACEHOLDER} O O\n\nC NN O\n"
        ));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].words, vec!["A", "B"]);
        assert_eq!(docs[1].sentences[0].tags, vec!["O"]);
    }
}
