//! Scoring against TimeML gold: the TempEval-3 task A measures.
//!
//! - strict match: the predicted span equals the gold span;
//! - relaxed match: the spans overlap;
//! - type accuracy: the share of relaxed matches whose TIMEX3 type is right;
//! - value F1: value-correct relaxed matches counted against both the
//!   predictions (precision) and the gold (recall), which equals relaxed F1
//!   times value accuracy, as in the official scorer.
//!
//! Gold and predictions are paired one to one, exact spans first, so one
//! long prediction cannot match two gold expressions.
//!
//! The caller reads the files; this module parses and scores strings.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{TimeError, TimeTagger};

/// One TIMEX3, gold or predicted, in byte offsets of the document text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub ttype: String,
    pub value: String,
}

/// A TimeML document: the text of its `TEXT` element with the tags removed
/// and the entities decoded, its creation time and its gold expressions.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    pub name: String,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub gold: Vec<Timex>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before = rest[..p].chars().next_back();
        let after = &rest[p + name.len()..];
        if before.is_none_or(char::is_whitespace) {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|e| &v[..e]);
            }
        }
        rest = after;
    }
    None
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';')?;
    if end > 10 {
        return None;
    }
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = if let Some(h) = name.strip_prefix("#x") {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Parses a `.tml` file.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimemlDoc, TimeError> {
    let err = |what: &str| TimeError::TimeMl {
        name: name.to_string(),
        what: what.to_string(),
    };
    let dct = xml.find("CREATION_TIME").and_then(|p| {
        let open = xml[..p].rfind('<')?;
        let close = p + xml[p..].find('>')?;
        let v = attr(&xml[open..close], "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let start = xml.find("<TEXT>").ok_or_else(|| err("no <TEXT> element"))? + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .ok_or_else(|| err("no </TEXT>"))?
        + start;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| err("unclosed tag"))?;
            let tag = &rest[1..close];
            if tag.starts_with("TIMEX3") {
                let ttype = attr(tag, "type").unwrap_or("").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                open = Some((text.len(), ttype, value));
            } else if tag.starts_with("/TIMEX3") {
                let (s, ttype, value) = open
                    .take()
                    .ok_or_else(|| err("</TIMEX3> without <TIMEX3>"))?;
                gold.push(Timex {
                    start: s,
                    end: text.len(),
                    ttype,
                    value,
                });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            match decode_entity(rest) {
                Some((c, n)) => {
                    text.push(c);
                    i += n;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            }
        } else {
            let n = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..n]);
            i += n;
        }
    }
    Ok(TimemlDoc {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

/// Counts over a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub n_gold: usize,
    pub n_pred: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_correct: usize,
    pub value_correct: usize,
}

/// What went wrong on one expression, for error analysis.
#[derive(Clone, Debug)]
pub enum Mismatch {
    Missed(Timex),
    Spurious(Timex),
    Paired { gold: Timex, pred: Timex },
}

/// Pairs gold and predicted expressions of one document and adds the
/// counts; returns the mismatches (missed, spurious, and pairs whose span,
/// type or value differ).
pub fn score(gold: &[Timex], pred: &[Timex], counts: &mut Counts) -> Vec<Mismatch> {
    counts.n_gold += gold.len();
    counts.n_pred += pred.len();
    let mut pred_used = vec![false; pred.len()];
    let mut pair: Vec<Option<usize>> = vec![None; gold.len()];
    // Exact spans first, then any overlap.
    for exact in [true, false] {
        for (g, gt) in gold.iter().enumerate() {
            if pair[g].is_some() {
                continue;
            }
            let hit = pred.iter().enumerate().position(|(p, pt)| {
                !pred_used[p]
                    && if exact {
                        pt.start == gt.start && pt.end == gt.end
                    } else {
                        pt.start < gt.end && gt.start < pt.end
                    }
            });
            if let Some(p) = hit {
                pred_used[p] = true;
                pair[g] = Some(p);
            }
        }
    }
    let mut out = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        let Some(p) = pair[g] else {
            out.push(Mismatch::Missed(gt.clone()));
            continue;
        };
        let pt = &pred[p];
        counts.relaxed += 1;
        let strict = pt.start == gt.start && pt.end == gt.end;
        counts.strict += usize::from(strict);
        counts.type_correct += usize::from(pt.ttype == gt.ttype);
        counts.value_correct += usize::from(pt.value == gt.value);
        if !strict || pt.ttype != gt.ttype || pt.value != gt.value {
            out.push(Mismatch::Paired {
                gold: gt.clone(),
                pred: pt.clone(),
            });
        }
    }
    for (p, pt) in pred.iter().enumerate() {
        if !pred_used[p] {
            out.push(Mismatch::Spurious(pt.clone()));
        }
    }
    out
}

/// The figures `dossier eval time` prints, all fractions in 0..1.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub strict_f1: f64,
    pub relaxed_f1: f64,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub relaxed_precision: f64,
    pub relaxed_recall: f64,
    pub type_accuracy: f64,
    pub value_f1: f64,
    pub n_gold: usize,
    pub n_pred: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    pub fn report(&self) -> Report {
        let sp = ratio(self.strict, self.n_pred);
        let sr = ratio(self.strict, self.n_gold);
        let rp = ratio(self.relaxed, self.n_pred);
        let rr = ratio(self.relaxed, self.n_gold);
        let vp = ratio(self.value_correct, self.n_pred);
        let vr = ratio(self.value_correct, self.n_gold);
        Report {
            strict_f1: f1(sp, sr),
            relaxed_f1: f1(rp, rr),
            strict_precision: sp,
            strict_recall: sr,
            relaxed_precision: rp,
            relaxed_recall: rr,
            type_accuracy: ratio(self.type_correct, self.relaxed),
            value_f1: f1(vp, vr),
            n_gold: self.n_gold,
            n_pred: self.n_pred,
        }
    }
}

/// Tags one TimeML document and scores it.
pub fn evaluate_doc(tagger: &TimeTagger, doc: &TimemlDoc, counts: &mut Counts) -> Vec<Mismatch> {
    let (times, _) = tagger.annotate(&doc.text, doc.dct);
    let pred: Vec<Timex> = times
        .iter()
        .map(|t| Timex {
            start: t.range.start() as usize,
            end: t.range.end() as usize,
            ttype: t.ttype.as_str().to_string(),
            value: t.value.clone().unwrap_or_default(),
        })
        .collect();
    score(&doc.gold, &pred, counts)
}

/// One line per mismatch, for reading errors: `MISS`, `SPUR` or `DIFF`, the
/// text and the values.
pub fn render_mismatch(doc: &TimemlDoc, m: &Mismatch) -> String {
    let span = |t: &Timex| {
        doc.text
            .get(t.start..t.end)
            .unwrap_or("")
            .replace('\n', " ")
    };
    let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
    match m {
        Mismatch::Missed(g) => format!(
            "MISS\t{}\t{}\t{}\t{}\t{dct}",
            span(g),
            g.ttype,
            g.value,
            doc.name
        ),
        Mismatch::Spurious(p) => format!(
            "SPUR\t{}\t{}\t{}\t{}\t{dct}",
            span(p),
            p.ttype,
            p.value,
            doc.name
        ),
        Mismatch::Paired { gold, pred } => format!(
            "DIFF\t{} | {}\t{} | {}\t{} | {}\t{}\t{dct}",
            span(gold),
            span(pred),
            gold.ttype,
            pred.ttype,
            gold.value,
            pred.value,
            doc.name
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2021-05-04" functionInDocument="CREATION_TIME">May 4</TIMEX3></DCT>
<TEXT>Rains hit &amp; flooded the valley <TIMEX3 tid="t1" type="DATE" value="2021-05-03">Monday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of storms.</TEXT></TimeML>"#;

    #[test]
    fn timeml_text_is_stripped_and_decoded() {
        let doc = parse_timeml("x", DOC).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2021, 5, 4));
        assert!(doc.text.starts_with("Rains hit & flooded"));
        assert_eq!(&doc.text[doc.gold[0].start..doc.gold[0].end], "Monday");
        assert_eq!(doc.gold[1].value, "P3D");
    }

    fn t(start: usize, end: usize, ty: &str, v: &str) -> Timex {
        Timex {
            start,
            end,
            ttype: ty.into(),
            value: v.into(),
        }
    }

    #[test]
    fn scores_follow_tempeval3_definitions() {
        let gold = [
            t(0, 6, "DATE", "2021-05-03"),
            t(10, 20, "DURATION", "P3D"),
            t(30, 34, "DATE", "2020"),
        ];
        // One exact and right, one overlapping with a wrong value, one spurious.
        let pred = [
            t(0, 6, "DATE", "2021-05-03"),
            t(14, 20, "DURATION", "P4D"),
            t(40, 44, "DATE", "1999"),
        ];
        let mut c = Counts::default();
        let m = score(&gold, &pred, &mut c);
        assert_eq!(m.len(), 3);
        let r = c.report();
        assert_eq!((c.strict, c.relaxed, c.value_correct), (1, 2, 1));
        assert!((r.relaxed_f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((r.strict_f1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((r.value_f1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((r.type_accuracy - 1.0).abs() < 1e-9);
        // Value F1 is relaxed F1 times value accuracy.
        assert!((r.value_f1 - r.relaxed_f1 * 0.5).abs() < 1e-9);
    }

    #[test]
    fn one_prediction_matches_one_gold() {
        let gold = [t(0, 5, "DATE", "a"), t(6, 10, "DATE", "b")];
        let pred = [t(0, 10, "DATE", "a")];
        let mut c = Counts::default();
        score(&gold, &pred, &mut c);
        assert_eq!(c.relaxed, 1);
    }
}
