//! The model: feature weights, gazetteer and clusters, the beam decoder,
//! and the binary file format.
//!
//! File format (little-endian, hand-rolled because it is four flat tables and
//! a serializer would add a dependency without saving code):
//!
//! ```text
//! magic "DNER" | u32 version | f32 temperature | f32 weight scale | u8 two_stage
//! u32 n_clusters   | n × (u64 word key, u16 fine, u16 coarse, u16 finest)
//! u32 n_clusters2  | the same for the second set of vectors
//! u32 n_phrases    | n × (u64 phrase key, u16 categories)
//! u32 n_features   | n × (u64 feature key, u8 n_entries)
//! u32 n_entries    | n × (u8 label, i16 weight)
//! ```
//! Weights are averaged-perceptron weights quantized to i16 with one scale;
//! each feature stores only the labels whose weight is not zero, which is a
//! few per feature because perceptron updates are sparse. At load time the
//! weights become a dense table (see `table.rs`) for speed. Version 3: one
//! set of weights serves both passes (the second pass adds its own features'
//! weights to the first pass's scores). Version 5: sixteen gazetteer
//! categories. Version 6: a second table of word clusters.

use crate::features::{
    doc_features_with, dynamic_features, stage2_features, DocFeatures, History, Resources,
    TokenFacts,
};
use crate::lexicon::{Clusters, Gazetteer};
use crate::table::WeightTable;
use crate::tags::{self, N_LABELS};
use crate::NerError;

const MAGIC: &[u8; 4] = b"DNER";
const VERSION: u32 = 6;

/// Anything that can score a feature against every label.
pub(crate) trait Scorer {
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]);

    /// Adds the scores of several features.
    #[inline]
    fn add_all(&self, features: &[u64], scores: &mut [f32; N_LABELS]) {
        for &x in features {
            self.add(x, scores);
        }
    }
}

/// A trained model ready to tag.
pub struct Model {
    pub(crate) gazetteer: Gazetteer,
    pub(crate) clusters: Clusters,
    /// Feature key -> quantized weights of every label.
    table: WeightTable,
    scale: f32,
    /// Softmax temperature for confidences, calibrated on the dev set.
    pub(crate) temperature: f32,
    /// Whether a second stage re-tags with the first stage's document-wide tags.
    pub(crate) two_stage: bool,
    /// Beam width at tagging time; see [`BEAM`].
    pub beam: usize,
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        self.add_all(&[feature], scores);
    }

    #[inline]
    fn add_all(&self, features: &[u64], scores: &mut [f32; N_LABELS]) {
        let mut acc = [0i32; N_LABELS];
        self.table.add_all(features, &mut acc);
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }
}

/// One tagged token: its label and the probability of that label.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tagged {
    pub label: u8,
    pub prob: f32,
}

/// Picks the best label allowed after `prev`; returns it and its softmax
/// probability among the allowed labels at `temperature`.
#[inline]
pub(crate) fn best_allowed(
    scores: &[f32; N_LABELS],
    prev: Option<u8>,
    last: bool,
    temperature: f32,
) -> Tagged {
    let mut best = 0u8;
    let mut best_s = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if s > best_s && tags::allowed(prev, l as u8, last) {
            best = l as u8;
            best_s = s;
        }
    }
    let mut z = 0.0f32;
    for (l, &s) in scores.iter().enumerate() {
        if tags::allowed(prev, l as u8, last) {
            z += ((s - best_s) / temperature).exp();
        }
    }
    Tagged {
        label: best,
        prob: 1.0 / z.max(1.0),
    }
}

/// How many hypotheses the decoder keeps per token. Training is greedy
/// (width 1); a small beam at tagging time lets later tokens overrule an
/// early choice that the BILOU constraints would otherwise force through,
/// such as a score after a name ("Dale 69") being pulled into it.
pub const BEAM: usize = 2;

/// Static scores of every token of a document, flat over its sentences:
/// the sum of the weights of the token's static features for each label.
pub(crate) fn static_scores<S: Scorer>(scorer: &S, feats: &DocFeatures) -> Vec<[f32; N_LABELS]> {
    let mut out = Vec::with_capacity(feats.n_tokens());
    for (s, st) in feats.starts.iter().enumerate() {
        for i in 0..st.len().saturating_sub(1) {
            let mut row = [0f32; N_LABELS];
            scorer.add_all(feats.token(s, i), &mut row);
            out.push(row);
        }
    }
    out
}

/// Left-to-right beam tagging of a whole document, sentence by sentence,
/// given each token's static scores (`statics`, flat over the sentences of
/// `facts`). Hypotheses are ranked by the sum of log-probabilities of their
/// labels (softmax at `temperature` over the allowed labels): raw perceptron
/// scores of a greedily trained model favour long names, because after `B-`
/// the transition weights make `I-`/`L-` score high whatever the word.
/// Only the few dynamic features are scored per hypothesis. Back-pointers keep it linear in the sentence length.
pub(crate) fn tag_doc<S: Scorer>(
    scorer: &S,
    facts_doc: &[Vec<TokenFacts>],
    statics: &[[f32; N_LABELS]],
    temperature: f32,
    beam: usize,
) -> Vec<Vec<Tagged>> {
    let beam = beam.max(1);
    let mut hist = History::default();
    let mut dynf = Vec::with_capacity(16);
    let mut out = Vec::with_capacity(facts_doc.len());
    // Per token, `beam` slots: (parent hypothesis, label, probability).
    let mut steps: Vec<(u32, u8, f32)> = Vec::new();
    // Live hypotheses: (total score, last label, label before it).
    let mut hyps: Vec<(f32, u8, u8)> = Vec::with_capacity(beam);
    let mut next_hyps: Vec<(f32, u8, u8)> = Vec::with_capacity(beam);
    let mut cands: Vec<(f32, u32, u8, f32)> = Vec::with_capacity(beam * N_LABELS);
    let mut at = 0usize;
    for facts in facts_doc {
        let n = facts.len();
        steps.clear();
        hyps.clear();
        hyps.push((0.0, 0, 0));
        for i in 0..n {
            let base = statics.get(at + i).copied().unwrap_or([0.0; N_LABELS]);
            cands.clear();
            let prev_ok = i > 0;
            let last = i + 1 == n;
            for (h, &(total, p1, p2)) in hyps.iter().enumerate() {
                dynf.clear();
                dynamic_features(facts, i, p1, if i >= 2 { p2 } else { 0 }, &hist, &mut dynf);
                let mut scores = base;
                scorer.add_all(&dynf, &mut scores);
                let prev = prev_ok.then_some(p1);
                let best = best_allowed(&scores, prev, last, temperature);
                if beam == 1 {
                    cands.push((total, h as u32, best.label, best.prob.ln()));
                    continue;
                }
                let top = scores[best.label as usize];
                // log p = (s - top) / T - ln z: one logarithm per hypothesis.
                let mut z = 0f32;
                for l in 0..N_LABELS as u8 {
                    if tags::allowed(prev, l, last) {
                        z += ((scores[l as usize] - top) / temperature).exp();
                    }
                }
                let lnz = z.ln();
                for l in 0..N_LABELS as u8 {
                    if tags::allowed(prev, l, last) {
                        let lp = ((scores[l as usize] - top) / temperature - lnz).max(-69.08);
                        cands.push((total + lp, h as u32, l, lp));
                    }
                }
            }
            // Best first; ties go to the lower parent and label, so the
            // result does not depend on the sort's stability.
            let by = |a: &(f32, u32, u8, f32), b: &(f32, u32, u8, f32)| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
            };
            if cands.len() > beam {
                cands.select_nth_unstable_by(beam - 1, by);
                cands.truncate(beam);
            }
            cands.sort_unstable_by(by);
            // Fixed stride `beam`; only the first cands.len() are read.
            steps.resize(steps.len() + beam, (0, 0, 0.0));
            let at_step = steps.len() - beam;
            for (k, c) in cands.iter().enumerate() {
                steps[at_step + k] = (c.1, c.2, c.3.exp());
            }
            next_hyps.clear();
            next_hyps.extend(cands.iter().map(|c| (c.0, c.2, hyps[c.1 as usize].1)));
            std::mem::swap(&mut hyps, &mut next_hyps);
        }
        at += n;
        let mut sent = vec![
            Tagged {
                label: 0,
                prob: 1.0
            };
            n
        ];
        let mut h = 0usize;
        for i in (0..n).rev() {
            let (parent, label, prob) = steps[i * beam + h];
            sent[i] = Tagged { label, prob };
            h = parent as usize;
        }
        let labels: Vec<u8> = sent.iter().map(|t| t.label).collect();
        hist.record(facts, &labels);
        out.push(sent);
    }
    out
}

/// Adds `b` into `a`, row by row.
pub(crate) fn add_rows(a: &mut [[f32; N_LABELS]], b: &[[f32; N_LABELS]]) {
    for (x, y) in a.iter_mut().zip(b) {
        for (p, q) in x.iter_mut().zip(y) {
            *p += q;
        }
    }
}

/// Tags a document with the first stage and, if `two_stage`, again with the
/// second, which sees the first stage's tags of the whole document. The
/// second stage is stacked on the first: its scores are the first stage's
/// (static ones already computed, dynamic ones from the same weights) plus
/// the weights of its own document-consistency features, so it costs a few
/// lookups per token instead of a second full scoring.
#[cfg(feature = "train")]
pub(crate) fn tag_stages<S: Scorer>(
    scorer: &S,
    feats: &DocFeatures,
    two_stage: bool,
    temperature: f32,
    beam: usize,
) -> Vec<Vec<Tagged>> {
    let statics = static_scores(scorer, feats);
    tag_stages_from(scorer, feats, statics, two_stage, temperature, beam)
}

/// [`tag_stages`] given the first stage's static scores; `feats` needs only
/// its facts.
pub(crate) fn tag_stages_from<S: Scorer>(
    scorer: &S,
    feats: &DocFeatures,
    mut statics: Vec<[f32; N_LABELS]>,
    two_stage: bool,
    temperature: f32,
    beam: usize,
) -> Vec<Vec<Tagged>> {
    let first = tag_doc(scorer, &feats.facts, &statics, temperature, beam);
    if !two_stage {
        return first;
    }
    let labels: Vec<Vec<u8>> = first
        .iter()
        .map(|s| s.iter().map(|t| t.label).collect())
        .collect();
    let f2 = stage2_features(feats, &labels);
    add_rows(&mut statics, &static_scores(scorer, &f2));
    tag_doc(scorer, &feats.facts, &statics, temperature, beam)
}

impl Model {
    /// Builds a model from trained parts. `weights` holds, per feature, the
    /// averaged weight of every label.
    #[cfg(feature = "train")]
    pub(crate) fn from_parts(
        gazetteer: Gazetteer,
        clusters: Clusters,
        features: Vec<(u64, [f32; N_LABELS])>,
        temperature: f32,
        two_stage: bool,
    ) -> Model {
        let max = features
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let table = WeightTable::new(
            features
                .into_iter()
                .map(|(key, w)| (key, w.map(|x| (x / scale).round() as i16))),
        );
        let mut gazetteer = gazetteer;
        gazetteer.train_counts = std::collections::HashMap::default();
        Model {
            gazetteer,
            clusters,
            table,
            scale,
            temperature,
            two_stage,
            beam: BEAM,
        }
    }

    pub(crate) fn resources(&self) -> Resources<'_> {
        Resources {
            gazetteer: &self.gazetteer,
            clusters: &self.clusters,
        }
    }

    /// Tags a document given as sentences of tokens.
    pub(crate) fn tag<S: AsRef<str>>(&self, sents: &[&[S]]) -> Vec<Vec<Tagged>> {
        // Scores are taken sentence by sentence, so the document's features
        // are never all held at once.
        let mut statics = Vec::new();
        let facts = doc_features_with(&self.resources(), sents, None, |feats, starts| {
            for w in starts.windows(2) {
                let mut row = [0f32; N_LABELS];
                self.add_all(&feats[w[0] as usize..w[1] as usize], &mut row);
                statics.push(row);
            }
        });
        tag_stages_from(
            self,
            &facts,
            statics,
            self.two_stage,
            self.temperature,
            self.beam,
        )
    }

    pub fn n_features(&self) -> usize {
        self.table.len()
    }

    /// Serializes the model; the output is the same for the same model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 + self.table.len() * 16);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&self.temperature.to_le_bytes());
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.push(self.two_stage as u8);

        for table in [&self.clusters.map, &self.clusters.second] {
            let mut clusters: Vec<_> = table.iter().collect();
            clusters.sort_unstable();
            b.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
            for (k, (c1, c2, c3)) in clusters {
                b.extend_from_slice(&k.to_le_bytes());
                b.extend_from_slice(&c1.to_le_bytes());
                b.extend_from_slice(&c2.to_le_bytes());
                b.extend_from_slice(&c3.to_le_bytes());
            }
        }

        let mut phrases: Vec<_> = self.gazetteer.phrases.iter().collect();
        phrases.sort_unstable();
        b.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
        for (k, c) in phrases {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&c.to_le_bytes());
        }

        let feats = self.table.entries();
        b.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        for (k, row) in &feats {
            b.extend_from_slice(&k.to_le_bytes());
            b.push(row.iter().filter(|&&w| w != 0).count() as u8);
        }
        let n_entries: usize = feats
            .iter()
            .map(|(_, r)| r.iter().filter(|&&w| w != 0).count())
            .sum();
        b.extend_from_slice(&(n_entries as u32).to_le_bytes());
        for (_, row) in &feats {
            for (l, &w) in row.iter().enumerate().filter(|x| *x.1 != 0) {
                b.push(l as u8);
                b.extend_from_slice(&w.to_le_bytes());
            }
        }
        b
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        let mut r = Reader(dossier_common::le::LeReader::new(bytes));
        if r.take(4)? != MAGIC {
            return Err(NerError::BadModel(
                "not a dossier NER model (bad magic)".into(),
            ));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(NerError::BadModel(format!(
                "model version {version}, this build reads {VERSION}; retrain with `dossier train ner`"
            )));
        }
        let temperature = r.f32()?;
        let scale = r.f32()?;
        let two_stage = r.u8()? != 0;

        let mut clusters = Clusters::default();
        for table in [&mut clusters.map, &mut clusters.second] {
            let n = r.u32()? as usize;
            table.reserve(n);
            for _ in 0..n {
                let k = r.u64()?;
                let c1 = r.u16()?;
                let c2 = r.u16()?;
                let c3 = r.u16()?;
                table.insert(k, (c1, c2, c3));
            }
        }

        let n = r.u32()? as usize;
        let mut gazetteer = Gazetteer::default();
        gazetteer.phrases.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u16()?;
            gazetteer.phrases.insert(k, c);
        }

        let n = r.u32()? as usize;
        let mut keys = Vec::with_capacity(n);
        let mut total = 0usize;
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u8()?;
            keys.push((k, c));
            total += c as usize;
        }
        let n_entries = r.u32()? as usize;
        if n_entries != total {
            return Err(NerError::BadModel(
                "entry count does not match the index".into(),
            ));
        }
        // Entries follow in the order of the keys.
        let mut rows = Vec::with_capacity(n);
        for (k, c) in keys {
            let mut row = [0i16; N_LABELS];
            for _ in 0..c {
                let l = r.u8()?;
                if l as usize >= N_LABELS {
                    return Err(NerError::BadModel(format!("label {l} out of range")));
                }
                row[l as usize] = r.u16()? as i16;
            }
            rows.push((k, row));
        }
        let table = WeightTable::new(rows);
        Ok(Model {
            gazetteer,
            clusters,
            table,
            scale,
            temperature,
            two_stage,
            beam: BEAM,
        })
    }
}

/// The model file's numbers; the end of the bytes is a truncated file.
struct Reader<'a>(dossier_common::le::LeReader<'a>);

fn truncated() -> NerError {
    NerError::BadModel("model file is truncated".into())
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        self.0.take(n).ok_or_else(truncated)
    }
    fn u8(&mut self) -> Result<u8, NerError> {
        self.0.u8().ok_or_else(truncated)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        self.0.u16().ok_or_else(truncated)
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        self.0.u32().ok_or_else(truncated)
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        self.0.f32().ok_or_else(truncated)
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        self.0.u64().ok_or_else(truncated)
    }
}
