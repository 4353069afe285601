//! Feature extraction: each token becomes a list of 64-bit feature hashes.
//!
//! Static features depend on the text alone and are computed once per
//! document; dynamic features depend on the tags already given (the previous
//! two labels and how the same word was tagged earlier in the document, the
//! "extended prediction history" of Ratinov and Roth 2009).
//!
//! Document-level context matters for news: a word capitalised mid-sentence
//! elsewhere in the article is probably a name even when it opens a sentence
//! or sits in an ALL CAPS headline, and a word seen in lowercase elsewhere is
//! probably not.

use std::collections::HashMap;

use crate::hash::{hash_bytes, hash_str, mix, IdBuild};
use crate::lexicon::{lower_key, Clusters, Gazetteer, N_GAZ};
use crate::tags::{self, N_TYPES};

// Template ids; they are mixed into every feature hash, so a change of
// meaning needs a new id (or a new model).
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_PRE: u64 = 5;
const T_SUF: u64 = 9;
const T_LOWER_AT: u64 = 13; // + offset index
const T_SHAPE_BI_L: u64 = 20;
const T_SHAPE_BI_R: u64 = 21;
const T_SHAPE_TRI: u64 = 22;
const T_BIGRAM_L: u64 = 23;
const T_BIGRAM_R: u64 = 24;
const T_FIRST_SHAPE: u64 = 25;
const T_CLUSTER: u64 = 26;
const T_CLUSTER_AT: u64 = 28;
const T_GAZ: u64 = 32;
const T_GAZ_AT: u64 = 33;
const T_DOC_CASE: u64 = 35;
const T_REGIME: u64 = 36;
const T_REGIME_SHAPE: u64 = 37;
const T_LEN: u64 = 38;
const T_SHORT_SHAPE_AT: u64 = 39;
const T_CLUSTER_LOWER_PREV: u64 = 43;
const T_WORD_AT: u64 = 44;
const T_GAZ_WORD_SHAPE: u64 = 46;
const T_CLUSTER_FINEST: u64 = 48;
const T_COARSE_AT: u64 = 49; // + offset index
const T_CLUSTER2: u64 = 50; // + level (0..3)
const T_CLUSTER2_AT: u64 = 54; // + offset index (0..4)
const T_P1: u64 = 60;
const T_P12: u64 = 61;
const T_P1_LOWER: u64 = 62;
const T_P1_SHAPE: u64 = 63;
const T_HIST: u64 = 64;
const T_HIST_SHAPE: u64 = 65;
const T_HIST_NEXT: u64 = 66;
const T_P1_CLUSTER: u64 = 67;

#[inline]
fn f(t: u64, v: u64) -> u64 {
    mix(t, v)
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t, a), b)
}

/// Resources the features read besides the text.
pub struct Resources<'a> {
    pub gazetteer: &'a Gazetteer,
    pub clusters: &'a Clusters,
}

const F_INIT_CAP: u8 = 1;
const F_ALL_CAPS: u8 = 2;
const F_LOWER: u8 = 4;
const F_HAS_ALPHA: u8 = 8;

/// Shape of a word: X for uppercase, x for lowercase, d for digits, other
/// characters as they are; runs longer than two are cut to two. The short
/// shape collapses every run to one character.
fn shapes(word: &str) -> (u64, u64, u8) {
    let mut long = Vec::with_capacity(16);
    let mut short = Vec::with_capacity(8);
    let mut run = 0;
    let mut last = 0u8;
    let (mut n_up, mut n_low, mut n_alpha) = (0, 0, 0);
    let mut first_up = false;
    for (i, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            n_up += 1;
            n_alpha += 1;
            if i == 0 {
                first_up = true;
            }
            b'X'
        } else if c.is_lowercase() {
            n_low += 1;
            n_alpha += 1;
            b'x'
        } else if c.is_alphabetic() {
            n_alpha += 1;
            b'a'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            short.push(s);
        }
        if run <= 2 && long.len() < 16 {
            long.push(s);
        }
        last = s;
    }
    let mut flags = 0;
    if first_up {
        flags |= F_INIT_CAP;
    }
    if n_up > 0 && n_low == 0 {
        flags |= F_ALL_CAPS;
    }
    if n_low > 0 && n_up == 0 {
        flags |= F_LOWER;
    }
    if n_alpha > 0 {
        flags |= F_HAS_ALPHA;
    }
    (hash_bytes(&long), hash_bytes(&short), flags)
}

/// Per-token facts shared by the static and dynamic features.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenFacts {
    pub lower: u64,
    pub word: u64,
    pub shape: u64,
    pub short: u64,
    pub flags: u8,
    pub cluster: (u16, u16, u16),
    /// Clusters from the second set of vectors.
    pub cluster2: (u16, u16, u16),
}

/// How the case of a sentence can be read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Regime {
    Mixed = 0,
    Caps = 1,
    Lower = 2,
}

/// The static features of a document, with the facts the dynamic ones need.
#[derive(Default)]
pub(crate) struct DocFeatures {
    pub facts: Vec<Vec<TokenFacts>>,
    /// For sentence s, token i: feats[s][starts[s][i]..starts[s][i + 1]].
    pub feats: Vec<Vec<u64>>,
    pub starts: Vec<Vec<u32>>,
}

impl DocFeatures {
    pub fn n_tokens(&self) -> usize {
        self.starts.iter().map(|s| s.len().saturating_sub(1)).sum()
    }

    #[inline]
    pub fn token(&self, s: usize, i: usize) -> &[u64] {
        let st = &self.starts[s];
        &self.feats[s][st[i] as usize..st[i + 1] as usize]
    }
}

fn regime(facts: &[TokenFacts]) -> Regime {
    let (mut caps, mut lower, mut alpha) = (0, 0, 0);
    for t in facts {
        if t.flags & F_HAS_ALPHA != 0 {
            alpha += 1;
            if t.flags & F_ALL_CAPS != 0 {
                caps += 1;
            }
            if t.flags & F_LOWER != 0 {
                lower += 1;
            }
        }
    }
    if alpha >= 2 && caps * 10 >= alpha * 8 {
        Regime::Caps
    } else if alpha >= 3 && lower == alpha {
        Regime::Lower
    } else {
        Regime::Mixed
    }
}

/// Computes the static features of a document given as sentences of tokens.
///
/// `own` is the document's own training names (see
/// [`Gazetteer::matches`]); it is `None` outside training.
#[cfg(feature = "train")]
pub(crate) fn doc_features<S: AsRef<str>>(
    res: &Resources,
    sents: &[&[S]],
    own: Option<&HashMap<u64, [u16; 4], IdBuild>>,
) -> DocFeatures {
    let mut feats_of = Vec::with_capacity(sents.len());
    let mut starts_of = Vec::with_capacity(sents.len());
    let mut out = doc_features_with(res, sents, own, |feats, starts| {
        feats_of.push(feats);
        starts_of.push(starts);
    });
    out.feats = feats_of;
    out.starts = starts_of;
    out
}

/// [`doc_features`] that hands each sentence's features to `sink`
/// (`feats`, `starts`) instead of keeping them: the returned value holds the
/// facts only. A tagger that turns them into scores at once holds one
/// sentence's features at a time, not the document's (about 450 bytes per
/// token, 400 MB for a 5 MB article).
pub(crate) fn doc_features_with<S: AsRef<str>>(
    res: &Resources,
    sents: &[&[S]],
    own: Option<&HashMap<u64, [u16; 4], IdBuild>>,
    mut sink: impl FnMut(Vec<u64>, Vec<u32>),
) -> DocFeatures {
    let mut out = DocFeatures::default();
    let mut regimes = Vec::with_capacity(sents.len());
    // Document case statistics: lower key -> (capitalised mid-sentence in a
    // mixed-case sentence, all lowercase).
    let mut case_stats: HashMap<u64, (u16, u16), IdBuild> = HashMap::default();
    for sent in sents {
        let facts: Vec<TokenFacts> = sent
            .iter()
            .map(|w| {
                let w = w.as_ref();
                let (shape, short, flags) = shapes(w);
                let lower = lower_key(w);
                TokenFacts {
                    lower,
                    word: hash_str(w),
                    shape,
                    short,
                    flags,
                    cluster: res.clusters.get(lower),
                    cluster2: res.clusters.get_second(lower),
                }
            })
            .collect();
        let r = regime(&facts);
        if r == Regime::Mixed {
            for (i, t) in facts.iter().enumerate() {
                let e = case_stats.entry(t.lower).or_default();
                if i > 0 && t.flags & F_INIT_CAP != 0 {
                    e.0 = e.0.saturating_add(1);
                } else if t.flags & F_LOWER != 0 {
                    e.1 = e.1.saturating_add(1);
                }
            }
        }
        regimes.push(r);
        out.facts.push(facts);
    }

    let pad = TokenFacts {
        lower: hash_str("<pad>"),
        word: hash_str("<pad>"),
        shape: hash_str("<pad>"),
        short: hash_str("<pad>"),
        flags: 0,
        cluster: (0, 0, 0),
        cluster2: (0, 0, 0),
    };
    for (s, sent) in sents.iter().enumerate() {
        let facts = &out.facts[s];
        let n = facts.len();
        let lowers: Vec<u64> = facts.iter().map(|t| t.lower).collect();
        let gaz = res.gazetteer.matches(&lowers, own);
        let r = regimes[s] as u64;
        let at = |j: isize| -> &TokenFacts {
            if j < 0 || j as usize >= n {
                &pad
            } else {
                &facts[j as usize]
            }
        };
        let mut feats = Vec::with_capacity(n * 56);
        let mut starts = Vec::with_capacity(n + 1);
        for i in 0..n {
            starts.push(feats.len() as u32);
            let t = &facts[i];
            let w = sent[i].as_ref();
            let ii = i as isize;
            feats.push(T_BIAS);
            feats.push(f(T_WORD, t.word));
            feats.push(f(T_LOWER, t.lower));
            feats.push(f(T_SHAPE, t.shape));
            // Affixes over characters of the lowercased word, hashed as
            // slices of one lowercase string: no allocation for the common
            // all-lowercase ASCII word.
            let owned;
            let lw: &str = if w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic())
                && w.is_ascii()
            {
                w
            } else {
                owned = w.chars().flat_map(char::to_lowercase).collect::<String>();
                &owned
            };
            let n_chars = lw.chars().count();
            let mut pre_ends = lw.char_indices().map(|(b, _)| b).skip(1).chain([lw.len()]);
            let mut suf_starts = lw.char_indices().rev().map(|(b, _)| b);
            for k in 1..=4usize.min(n_chars) {
                let pe = pre_ends.next().unwrap_or(lw.len());
                let ss = suf_starts.next().unwrap_or(0);
                feats.push(f(T_PRE + k as u64 - 1, hash_bytes(&lw.as_bytes()[..pe])));
                feats.push(f(T_SUF + k as u64 - 1, hash_bytes(&lw.as_bytes()[ss..])));
            }
            for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                feats.push(f(T_LOWER_AT + k as u64, at(ii + d).lower));
                feats.push(f(T_SHORT_SHAPE_AT + k as u64, at(ii + d).short));
            }
            for (k, d) in [-1isize, 1].into_iter().enumerate() {
                feats.push(f(T_WORD_AT + k as u64, at(ii + d).word));
            }
            let (l1, r1) = (at(ii - 1), at(ii + 1));
            feats.push(f2(T_SHAPE_BI_L, l1.short, t.shape));
            feats.push(f2(T_SHAPE_BI_R, t.shape, r1.short));
            feats.push(f2(T_SHAPE_TRI, mix(l1.short, t.short), r1.short));
            feats.push(f2(T_BIGRAM_L, l1.lower, t.lower));
            feats.push(f2(T_BIGRAM_R, t.lower, r1.lower));
            feats.push(f2(T_FIRST_SHAPE, (i == 0) as u64, t.shape));
            feats.push(f(T_LEN, w.len().min(12) as u64));
            feats.push(f(T_REGIME, r));
            feats.push(f2(T_REGIME_SHAPE, r, t.short));
            if t.cluster.0 > 0 {
                feats.push(f(T_CLUSTER, t.cluster.0 as u64));
                feats.push(f(T_CLUSTER + 1, t.cluster.1 as u64));
                feats.push(f2(T_CLUSTER_LOWER_PREV, t.cluster.0 as u64, l1.lower));
                if t.cluster.2 > 0 {
                    feats.push(f(T_CLUSTER_FINEST, t.cluster.2 as u64));
                }
            }
            for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let c = at(ii + d).cluster;
                if c.0 > 0 {
                    feats.push(f(T_CLUSTER_AT + k as u64, c.0 as u64));
                    if d.abs() == 1 {
                        feats.push(f(T_COARSE_AT + k as u64, c.1 as u64));
                    }
                }
            }
            if t.cluster2.0 > 0 {
                let c = t.cluster2;
                feats.push(f(T_CLUSTER2, c.0 as u64));
                feats.push(f(T_CLUSTER2 + 1, c.1 as u64));
                if c.2 > 0 {
                    feats.push(f(T_CLUSTER2 + 2, c.2 as u64));
                }
            }
            for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let c = at(ii + d).cluster2;
                if c.0 > 0 {
                    feats.push(f(T_CLUSTER2_AT + k as u64, c.0 as u64));
                }
            }
            let g = gaz[i];
            if g != 0 {
                let mut bits = g;
                while bits != 0 {
                    let b = bits.trailing_zeros() as u64;
                    bits &= bits - 1;
                    feats.push(f(T_GAZ, b));
                    feats.push(f2(T_GAZ_WORD_SHAPE, b, t.short));
                }
            }
            for (k, d) in [-1isize, 1].into_iter().enumerate() {
                let j = ii + d;
                if j >= 0 && (j as usize) < n {
                    // Categories only, not the part, for the neighbours.
                    let g = gaz[j as usize];
                    for c in 0..N_GAZ {
                        if g & (0xf << (4 * c)) != 0 {
                            feats.push(f2(T_GAZ_AT + k as u64, c as u64, 0));
                        }
                    }
                }
            }
            if t.flags & F_HAS_ALPHA != 0 {
                let (cap, low) = case_stats.get(&t.lower).copied().unwrap_or((0, 0));
                // Discount this token's own contribution to the statistics.
                let mine_cap =
                    (regimes[s] == Regime::Mixed && i > 0 && t.flags & F_INIT_CAP != 0) as u16;
                let mine_low = (regimes[s] == Regime::Mixed
                    && !(i > 0 && t.flags & F_INIT_CAP != 0)
                    && t.flags & F_LOWER != 0) as u16;
                let key = ((cap > mine_cap) as u64)
                    | (((low > mine_low) as u64) << 1)
                    | (((i == 0) as u64) << 2)
                    | ((t.flags as u64 & 7) << 3)
                    | (r << 6);
                feats.push(f(T_DOC_CASE, key));
            }
        }
        starts.push(feats.len() as u32);
        sink(feats, starts);
    }
    out
}

/// How each word was tagged earlier in the document: lower key -> counts of
/// `O` and of each type.
#[derive(Default)]
pub(crate) struct History {
    counts: HashMap<u64, [u16; 1 + N_TYPES], IdBuild>,
}

impl History {
    fn majority(&self, lower: u64) -> Option<usize> {
        let c = self.counts.get(&lower)?;
        let (best, n) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
        (*n > 0).then_some(best)
    }

    /// Records the labels of a tagged sentence. Only words with a capital
    /// letter are recorded: the history is there to keep names consistent.
    pub fn record(&mut self, facts: &[TokenFacts], labels: &[u8]) {
        for (t, &l) in facts.iter().zip(labels) {
            if t.flags & (F_INIT_CAP | F_ALL_CAPS) == 0 {
                continue;
            }
            let k = tags::type_of(l).map_or(0, |x| x + 1);
            let e = self.counts.entry(t.lower).or_default();
            e[k] = e[k].saturating_add(1);
        }
    }
}

/// Appends the dynamic features of token `i` given the two previous labels.
pub(crate) fn dynamic_features(
    facts: &[TokenFacts],
    i: usize,
    p1: u8,
    p2: u8,
    hist: &History,
    out: &mut Vec<u64>,
) {
    let t = &facts[i];
    let p1 = p1 as u64;
    out.push(f(T_P1, p1));
    out.push(f2(T_P12, p1, p2 as u64));
    out.push(f2(T_P1_LOWER, p1, t.lower));
    out.push(f2(T_P1_SHAPE, p1, t.short));
    if t.cluster.0 > 0 {
        out.push(f2(T_P1_CLUSTER, p1, t.cluster.1 as u64));
    }
    if t.flags & F_HAS_ALPHA != 0 {
        if let Some(h) = hist.majority(t.lower) {
            out.push(f(T_HIST, h as u64));
            out.push(f2(T_HIST_SHAPE, h as u64, t.short));
        }
    }
    if let Some(n) = facts.get(i + 1) {
        if let Some(h) = hist.majority(n.lower) {
            out.push(f(T_HIST_NEXT, h as u64));
        }
    }
}

/// Salt of the second stage's features, mixed into their keys.
pub(crate) const SALT2: u64 = 0x5eed_0002_d055_1e55;
const T2_SELF: u64 = 80;
const T2_NEIGH: u64 = 81;
const T2_AGG: u64 = 82;
const T2_AGG_ANY: u64 = 83;
const T2_AGG_NEXT: u64 = 84;
const T2_AGG_PREV: u64 = 85;

/// The second stage's own static features: how the first stage tagged this
/// token and every other occurrence of the same word in the document,
/// before and after it ("two-stage prediction aggregation", Ratinov and Roth
/// 2009). A surname tagged PERSON in a full name pulls its bare mentions
/// along; a word tagged ORG five times votes against the one LOC. The
/// result holds these features alone (salted with [`SALT2`]) and no facts:
/// the second stage adds their scores to the first stage's.
pub(crate) fn stage2_features(f1: &DocFeatures, labels: &[Vec<u8>]) -> DocFeatures {
    let ty = |l: u8| tags::type_of(l).map_or(0, |t| t + 1) as u64;
    let mut agg: HashMap<u64, [u16; 1 + N_TYPES], IdBuild> = HashMap::default();
    for (facts, ls) in f1.facts.iter().zip(labels) {
        for (t, &l) in facts.iter().zip(ls) {
            if t.flags & F_HAS_ALPHA != 0 {
                let e = agg.entry(t.lower).or_default();
                e[ty(l) as usize] = e[ty(l) as usize].saturating_add(1);
            }
        }
    }
    // The majority label type among the *other* occurrences of token t.
    let others = |t: &TokenFacts, own: u64| -> Option<([u16; 1 + N_TYPES], usize)> {
        if t.flags & F_HAS_ALPHA == 0 {
            return None;
        }
        let mut c = *agg.get(&t.lower)?;
        c[own as usize] -= 1;
        let (best, &n) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
        (n > 0).then_some((c, best))
    };
    let mut out = DocFeatures {
        facts: Vec::new(),
        feats: Vec::with_capacity(f1.feats.len()),
        starts: Vec::with_capacity(f1.starts.len()),
    };
    for (s, facts) in f1.facts.iter().enumerate() {
        let ls = &labels[s];
        let n = facts.len();
        let mut feats = Vec::with_capacity(n * 8);
        let mut starts = Vec::with_capacity(n + 1);
        for i in 0..n {
            starts.push(feats.len() as u32);
            let me = ty(ls[i]);
            let prev = if i > 0 { ty(ls[i - 1]) } else { 9 };
            let next = if i + 1 < n { ty(ls[i + 1]) } else { 9 };
            let t = &facts[i];
            let mut extra = [0u64; 12];
            let mut k = 0;
            let mut push = |x: u64| {
                extra[k] = x;
                k += 1;
            };
            push(f(T2_SELF, ls[i] as u64));
            push(f2(T2_NEIGH, mix(prev, me), next));
            if let Some((c, best)) = others(t, me) {
                push(f2(T2_AGG, best as u64, t.short));
                push(f2(T2_AGG, best as u64, me));
                for (j, &cnt) in c.iter().enumerate().skip(1) {
                    if cnt > 0 {
                        push(f(T2_AGG_ANY, j as u64));
                    }
                }
            }
            if i + 1 < n {
                if let Some((_, best)) = others(&facts[i + 1], next) {
                    push(f2(T2_AGG_NEXT, best as u64, me));
                }
            }
            if i > 0 {
                if let Some((_, best)) = others(&facts[i - 1], prev) {
                    push(f2(T2_AGG_PREV, best as u64, me));
                }
            }
            feats.extend(extra[..k].iter().map(|&x| mix(x, SALT2)));
        }
        starts.push(feats.len() as u32);
        out.feats.push(feats);
        out.starts.push(starts);
    }
    out
}
