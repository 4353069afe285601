//! Greedy left-to-right part-of-speech tagger on an averaged perceptron
//! (Collins 2002; features after Ratnaparkhi 1996 and Honnibal's tagger).
//!
//! Tags are joint `UPOS XPOS` pairs, so one model predicts both and they
//! never disagree. Frequent unambiguous words skip the model through a tag
//! dictionary.
//!
//! Besides its tag, the tagger reports each token's runner-up tag and by how
//! much it lost; the parser sees near runner-ups (see `ParseInput::push`).

use crate::codec::{Reader, Writer};
#[cfg(feature = "train")]
use crate::perceptron::Trainer;
use crate::perceptron::{hash_str, FeatureHasher, IdMap, Weights};
use crate::SyntaxError;

/// What the tagger knows about one token, hashed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Atoms {
    /// Lowercased form with digits folded to 0.
    pub norm: u64,
    /// The form as written.
    pub raw: u64,
    pub shape: u64,
    pub suffix: [u64; 4],
    pub prefix: [u64; 3],
    /// The part after the last hyphen of a hyphenated word, else `norm`: the
    /// document tokenizer keeps "anti-terror" whole where UD splits it, so the
    /// head part carries most of the tag.
    pub tail: u64,
    pub flags: u64,
    /// The word's ambiguity class: the set of tags it had in training (0
    /// when unseen). It gives the tagger a view of the tags to its right.
    pub amb: u64,
    /// The word's fine and coarse cluster (0 when it has none): classes of
    /// words with similar embeddings, which reach words training never saw.
    pub fine: u64,
    pub coarse: u64,
}

/// Normalised word form: lowercase, ASCII digits folded to `0`.
pub fn normalize(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
    out
}

impl Atoms {
    pub fn new(form: &str) -> Atoms {
        let norm = normalize(form);
        // Slices, not new strings: this runs for every token.
        let suffix_of = |k: usize| {
            let i = norm.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
            hash_str(&norm[i..]) ^ k as u64
        };
        let prefix_of = |k: usize| {
            let i = norm.char_indices().nth(k).map_or(norm.len(), |(i, _)| i);
            hash_str(&norm[..i]) ^ (k as u64) << 8
        };
        let first = form.chars().next().unwrap_or(' ');
        let mut flags = 0u64;
        flags |= first.is_uppercase() as u64;
        flags |= (form.chars().all(|c| !c.is_lowercase()) as u64) << 1;
        flags |= (form.chars().any(|c| c.is_numeric()) as u64) << 2;
        flags |= (form.contains('-') as u64) << 3;
        flags |= (form.contains('.') as u64) << 4;
        flags |= (norm.chars().count().min(6) as u64) << 5;
        let tail = match norm.rfind('-') {
            Some(i) if i + 1 < norm.len() && i > 0 => hash_str(&norm[i + 1..]),
            _ => hash_str(&norm),
        };
        Atoms {
            norm: hash_str(&norm),
            raw: hash_str(form) ^ 0x5bd1_e995,
            shape: hash_str(&shape(form)),
            suffix: [suffix_of(1), suffix_of(2), suffix_of(3), suffix_of(4)],
            prefix: [prefix_of(1), prefix_of(2), prefix_of(3)],
            tail,
            flags,
            amb: 0,
            fine: 0,
            coarse: 0,
        }
    }

    /// Stand-ins for positions before the start and after the end.
    fn boundary(which: u64) -> Atoms {
        Atoms {
            norm: which,
            raw: which,
            shape: which,
            suffix: [which; 4],
            prefix: [which; 3],
            tail: which,
            flags: which,
            amb: which,
            fine: which,
            coarse: which,
        }
    }
}

/// Something that scores feature vectors: the trainer or the final weights.
pub trait Scorer {
    fn score(&self, feats: &[u64], scores: &mut [f32]);
    /// Scores several feature lists, as [`Weights::score_into`] does; by
    /// default one list at a time.
    fn score_into(&self, feats: &[u64], ends: &[u32], at: &[u32], out: &mut [f32]) {
        let n = self.n_classes();
        let mut start = 0;
        for (&end, &a) in ends.iter().zip(at) {
            let a = a as usize;
            self.score(&feats[start..end as usize], &mut out[a..a + n]);
            start = end as usize;
        }
    }
    fn n_classes(&self) -> usize;
    /// What the scores are multiplied by, against the weights themselves.
    fn scale(&self) -> f32;
}

#[cfg(feature = "train")]
impl Scorer for Trainer {
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        Trainer::score(self, feats, scores)
    }
    fn n_classes(&self) -> usize {
        Trainer::n_classes(self)
    }
    fn scale(&self) -> f32 {
        1.0
    }
}

impl Scorer for Weights {
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        Weights::score(self, feats, scores)
    }
    fn score_into(&self, feats: &[u64], ends: &[u32], at: &[u32], out: &mut [f32]) {
        Weights::score_into(self, feats, ends, at, out)
    }
    fn n_classes(&self) -> usize {
        Weights::n_classes(self)
    }
    fn scale(&self) -> f32 {
        Weights::scale(self)
    }
}

const START: u64 = 0x1111;
const END: u64 = 0x2222;

/// Features of token `i` given the two previous predicted tags.
fn features(atoms: &[Atoms], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let start = Atoms::boundary(START);
    let end = Atoms::boundary(END);
    let at = |j: isize| -> &Atoms {
        if j < 0 {
            &start
        } else if j as usize >= atoms.len() {
            &end
        } else {
            &atoms[j as usize]
        }
    };
    let i = i as isize;
    let (w, m1, m2, n1, n2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let f = FeatureHasher::new;
    out.clear();
    out.extend_from_slice(&[
        f(0).finish(),
        f(1).add(w.norm).finish(),
        f(2).add(w.raw).finish(),
        f(3).add(w.suffix[0]).finish(),
        f(4).add(w.suffix[1]).finish(),
        f(5).add(w.suffix[2]).finish(),
        f(6).add(w.suffix[3]).finish(),
        f(7).add(w.prefix[0]).finish(),
        f(8).add(w.prefix[1]).finish(),
        f(9).add(w.prefix[2]).finish(),
        f(10).add(w.shape).finish(),
        f(11).add(w.flags).add((i == 0) as u64).finish(),
        f(12).add(m1.norm).finish(),
        f(13).add(m2.norm).finish(),
        f(14).add(n1.norm).finish(),
        f(15).add(n2.norm).finish(),
        f(16).add(m1.suffix[2]).finish(),
        f(17).add(n1.suffix[2]).finish(),
        f(18).add(p1).finish(),
        f(19).add(p1).add(p2).finish(),
        f(20).add(p1).add(w.norm).finish(),
        f(21).add(w.norm).add(n1.norm).finish(),
        f(22).add(m1.norm).add(w.norm).finish(),
        f(23).add(n1.shape).finish(),
        f(24).add(m1.shape).finish(),
        f(25).add(p1).add(w.suffix[2]).finish(),
        f(26).add(w.shape).add(n1.shape).finish(),
        f(27).add(n1.norm).add(n2.norm).finish(),
        f(28).add(p1).add(n1.norm).finish(),
        f(29).add(w.tail).finish(),
        f(30).add(n1.suffix[1]).finish(),
        f(31).add(m1.suffix[1]).add(w.norm).finish(),
        f(32).add(p2).add(m2.norm).finish(),
        f(33).add((i == 0) as u64).add(w.raw).finish(),
        f(34).add(w.amb).finish(),
        f(35).add(n1.amb).finish(),
        f(36).add(n2.amb).finish(),
        f(37).add(p1).add(n1.amb).finish(),
        f(38).add(w.amb).add(n1.amb).finish(),
        f(39).add(m1.amb).add(w.amb).finish(),
        f(40).add(w.amb).add(w.suffix[2]).finish(),
        f(41).add(w.fine).finish(),
        f(42).add(w.coarse).finish(),
        f(43).add(m1.fine).finish(),
        f(44).add(n1.fine).finish(),
        f(45).add(p1).add(w.fine).finish(),
        f(46).add(w.fine).add(n1.coarse).finish(),
    ]);
}

/// What the tagger remembers of its training words.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Frequent words (exact form) that always carry one tag.
    pub dict: IdMap<u16>,
    /// Normalised form -> ambiguity class hash.
    pub amb: IdMap<u64>,
    /// Normalised form -> word cluster ids, see [`pack_clusters`].
    pub clusters: IdMap<u64>,
}

/// Packs a word's fine and coarse cluster ids into one map value.
#[cfg(feature = "train")]
pub fn pack_clusters(fine: u16, coarse: u16) -> u64 {
    (fine as u64) << 16 | coarse as u64
}

/// The cluster map of `words`, keyed like [`Atoms::norm`].
#[cfg(feature = "train")]
pub fn cluster_map(c: &dossier_vectors::WordClusters) -> IdMap<u64> {
    c.words
        .iter()
        .zip(c.fine.iter().zip(&c.coarse))
        .map(|(w, (&f, &k))| (hash_str(&normalize(w)), pack_clusters(f, k)))
        .collect()
}

impl Lexicon {
    /// Builds the lexicon: the tag dictionary holds forms seen at least 20
    /// times with one tag at least 97% of the time; ambiguity classes hold
    /// the tags with at least 5% of a word's (2+) occurrences.
    #[cfg(feature = "train")]
    pub fn build(examples: &[TagExample], n_tags: usize) -> Lexicon {
        let mut raw: IdMap<Vec<u32>> = IdMap::default();
        let mut norm: IdMap<Vec<u32>> = IdMap::default();
        for ex in examples {
            for (f, &t) in ex.forms.iter().zip(&ex.tags) {
                if t as usize >= n_tags {
                    continue;
                }
                let a = Atoms::new(f);
                raw.entry(a.raw).or_insert_with(|| vec![0; n_tags])[t as usize] += 1;
                norm.entry(a.norm).or_insert_with(|| vec![0; n_tags])[t as usize] += 1;
            }
        }
        let dict = raw
            .into_iter()
            .filter_map(|(k, c)| {
                let total: u32 = c.iter().sum();
                let (best, &n) = c.iter().enumerate().max_by_key(|&(_, n)| *n)?;
                (total >= 20 && n as f64 / total as f64 >= 0.97).then_some((k, best as u16))
            })
            .collect();
        let amb = norm
            .into_iter()
            .filter_map(|(k, c)| {
                let total: u32 = c.iter().sum();
                if total < 2 {
                    return None;
                }
                let mut h = FeatureHasher::new(99);
                for (t, &n) in c.iter().enumerate() {
                    if n as f64 >= 0.05 * total as f64 {
                        h = h.add(t as u64);
                    }
                }
                Some((k, h.finish()))
            })
            .collect();
        Lexicon {
            dict,
            amb,
            clusters: IdMap::default(),
        }
    }

    fn write(&self, w: &mut Writer) {
        for map in [
            &self
                .dict
                .iter()
                .map(|(&k, &v)| (k, v as u64))
                .collect::<IdMap<u64>>(),
            &self.amb,
            &self.clusters,
        ] {
            let mut pairs: Vec<(u64, u64)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            pairs.sort_unstable();
            w.u64s(&pairs.iter().map(|d| d.0).collect::<Vec<_>>());
            w.u64s(&pairs.iter().map(|d| d.1).collect::<Vec<_>>());
        }
    }

    fn read(r: &mut Reader, n_tags: usize) -> Result<Lexicon, SyntaxError> {
        let mut maps = Vec::new();
        for _ in 0..3 {
            let keys = r.u64s()?;
            let vals = r.u64s()?;
            if keys.len() != vals.len() {
                return Err(SyntaxError::Corrupt("bad tagger lexicon".into()));
            }
            maps.push(keys.into_iter().zip(vals).collect::<IdMap<u64>>());
        }
        let clusters = maps.pop().expect("three maps");
        let amb = maps.pop().expect("three maps");
        let dict = maps.pop().expect("three maps");
        if dict.values().any(|&v| v as usize >= n_tags) {
            return Err(SyntaxError::Corrupt("bad tag dictionary".into()));
        }
        Ok(Lexicon {
            dict: dict.into_iter().map(|(k, v)| (k, v as u16)).collect(),
            amb,
            clusters,
        })
    }
}

/// The trained tagger.
#[derive(Clone, Debug, Default)]
pub struct TaggerModel {
    /// Joint tags, `"UPOS XPOS"`.
    pub tags: Vec<String>,
    pub lexicon: Lexicon,
    pub weights: Weights,
}

/// Scratch space reused across sentences.
#[derive(Default)]
pub struct TagScratch {
    pub atoms: Vec<Atoms>,
    /// Per token, the runner-up tag and how far its score fell short of the
    /// chosen one's (infinite for words the tag dictionary decides).
    pub runner_up: Vec<(u16, f32)>,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl TagScratch {
    pub fn load(&mut self, forms: &[&str], lexicon: &Lexicon) {
        self.atoms.clear();
        self.runner_up.clear();
        self.atoms.extend(forms.iter().map(|f| {
            let mut a = Atoms::new(f);
            a.amb = lexicon.amb.get(&a.norm).copied().unwrap_or(0);
            // A hyphenated word the vectors lack takes its head part's cluster.
            let c = lexicon
                .clusters
                .get(&a.norm)
                .or_else(|| lexicon.clusters.get(&a.tail))
                .copied()
                .unwrap_or(0);
            (a.fine, a.coarse) = (c >> 16, c & 0xffff);
            a
        }));
    }
}

pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

impl TaggerModel {
    /// Tags one sentence whose atoms are in `scratch` (see
    /// [`TagScratch::load`]), keeping each token's runner-up in it too.
    pub fn tag(&self, scratch: &mut TagScratch, out: &mut Vec<u16>) {
        out.clear();
        scratch.runner_up.clear();
        scratch.scores.resize(self.tags.len(), 0.0);
        let (mut p1, mut p2) = (START, START);
        for i in 0..scratch.atoms.len() {
            let t = match self.lexicon.dict.get(&scratch.atoms[i].raw) {
                Some(&t) => {
                    scratch.runner_up.push((t, f32::INFINITY));
                    t
                }
                None => {
                    features(&scratch.atoms, i, p1, p2, &mut scratch.feats);
                    self.weights.score(&scratch.feats, &mut scratch.scores);
                    let best = argmax(&scratch.scores);
                    let top = scratch.scores[best];
                    scratch.scores[best] = f32::NEG_INFINITY;
                    let second = argmax(&scratch.scores);
                    let margin = (top - scratch.scores[second]) / self.weights.scale();
                    scratch.runner_up.push((second as u16, margin));
                    best as u16
                }
            };
            out.push(t);
            p2 = p1;
            p1 = t as u64;
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.tags);
        self.lexicon.write(w);
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<TaggerModel, SyntaxError> {
        let tags = r.strs()?;
        let lexicon = Lexicon::read(r, tags.len())?;
        let weights = Weights::read(r)?;
        if weights.n_classes() != tags.len() {
            return Err(SyntaxError::Corrupt(
                "tagger weights do not match its tags".into(),
            ));
        }
        Ok(TaggerModel {
            tags,
            lexicon,
            weights,
        })
    }
}

/// A training sentence for the tagger: forms and gold tag ids.
#[cfg(feature = "train")]
pub struct TagExample<'a> {
    pub forms: Vec<&'a str>,
    pub tags: Vec<u16>,
}

/// Runs one training epoch over `order` (indices into `examples`).
#[cfg(feature = "train")]
pub fn train_epoch(
    trainer: &mut Trainer,
    lexicon: &Lexicon,
    examples: &[TagExample],
    order: &[usize],
    scratch: &mut TagScratch,
    mut progress: impl FnMut(usize),
) {
    let n_tags = trainer.n_classes();
    scratch.scores.resize(n_tags, 0.0);
    for &k in order {
        let ex = &examples[k];
        scratch.load(&ex.forms, lexicon);
        let (mut p1, mut p2) = (START, START);
        for i in 0..ex.forms.len() {
            let gold = ex.tags[i] as usize;
            let guess = match lexicon.dict.get(&scratch.atoms[i].raw) {
                Some(&t) => t as usize,
                None => {
                    trainer.tick();
                    features(&scratch.atoms, i, p1, p2, &mut scratch.feats);
                    trainer.score(&scratch.feats, &mut scratch.scores);
                    let guess = argmax(&scratch.scores);
                    trainer.update(&scratch.feats, gold, guess);
                    guess
                }
            };
            p2 = p1;
            p1 = guess as u64;
        }
        progress(ex.forms.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_take_their_cluster_or_their_head_parts() {
        let clusters = dossier_vectors::WordClusters {
            words: vec!["terror".into(), "Police".into()],
            fine: vec![7, 3],
            coarse: vec![2, 1],
            finest: vec![25, 9],
        };
        let lexicon = Lexicon {
            clusters: cluster_map(&clusters),
            ..Lexicon::default()
        };
        let mut scratch = TagScratch::default();
        scratch.load(&["POLICE", "anti-terror", "unheard"], &lexicon);
        let got: Vec<(u64, u64)> = scratch.atoms.iter().map(|a| (a.fine, a.coarse)).collect();
        assert_eq!(got, [(3, 1), (7, 2), (0, 0)]);
    }
}
