//! Gazetteers and word clusters: the two lexical resources the tagger reads
//! besides its weights. Both are keyed by hashes of lowercased tokens, so they
//! match whatever the casing of the text (ALL CAPS headlines included).

use std::collections::HashMap;

use crate::hash::{hash_str, mix, IdBuild};

/// Gazetteer categories. The first four hold names from the training set's
/// own annotations; 4-7 come from GeoNames; the rest are name lists from the
/// knowledge base and from other labelled corpora (GMB, WNUT-17), whose
/// sentences are not trained on (their guidelines differ from CoNLL's) but
/// whose names are good evidence.
pub const GAZ_TRAIN_PER: usize = 0;
pub const GAZ_COUNTRY: usize = 4;
pub const GAZ_BIG_CITY: usize = 5;
pub const GAZ_CITY: usize = 6;
pub const GAZ_REGION: usize = 7;
/// Person names of other corpora.
pub const GAZ_PERSON: usize = 8;
/// First tokens of multi-word person names of other corpora.
pub const GAZ_FIRST: usize = 9;
/// Last tokens of multi-word person names of other corpora.
pub const GAZ_LAST: usize = 10;
/// Organisations: the knowledge base's and those of other corpora.
pub const GAZ_ORG: usize = 11;
/// Nationalities, religious and political groups (the knowledge base's
/// NORP entries; CoNLL tags them MISC).
pub const GAZ_NORP: usize = 12;
/// First-level administrative areas of the knowledge base.
pub const GAZ_ADMIN1: usize = 13;
/// Places of other corpora.
pub const GAZ_GEO: usize = 14;
/// Works, events and other MISC-like names of other corpora.
pub const GAZ_MISC: usize = 15;
/// Categories: four bits each (B, I, L, U) fill a `u64` per token.
pub const N_GAZ: usize = 16;
/// The longest phrase, in tokens, that the gazetteer matches.
pub const MAX_PHRASE: usize = 6;

/// Hash of a phrase given its tokens' lowercase hashes.
#[inline]
pub fn phrase_key(lowers: &[u64]) -> u64 {
    lowers.iter().fold(0x5a17_u64, |h, &l| mix(h, l))
}

/// Lowercase hash of one token, the key of both resources.
#[inline]
pub fn lower_key(word: &str) -> u64 {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        hash_str(&word.to_lowercase())
    } else {
        hash_str(word)
    }
}

/// Phrase -> categories, with per-type counts for names from training data.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Phrase key -> bit set of categories.
    pub(crate) phrases: HashMap<u64, u16, IdBuild>,
    /// Training-set names: phrase key -> how often each CoNLL type named it.
    /// Only kept while training, to leave a document's own names out of its
    /// features (jackknifing); the saved model keeps the bits alone.
    pub(crate) train_counts: HashMap<u64, [u16; 4], IdBuild>,
}

impl Gazetteer {
    /// Adds a phrase (whitespace-separated tokens) in a category.
    pub fn add(&mut self, phrase: &str, category: usize) {
        let lowers: Vec<u64> = phrase.split_whitespace().map(lower_key).collect();
        if lowers.is_empty() || lowers.len() > MAX_PHRASE {
            return;
        }
        *self.phrases.entry(phrase_key(&lowers)).or_default() |= 1 << category;
    }

    /// Adds a training-set name of CoNLL type `ty`.
    pub fn add_train(&mut self, tokens: &[&str], ty: usize) {
        if tokens.is_empty() || tokens.len() > MAX_PHRASE {
            return;
        }
        let lowers: Vec<u64> = tokens.iter().map(|w| lower_key(w)).collect();
        let key = phrase_key(&lowers);
        self.train_counts.entry(key).or_default()[ty] += 1;
        *self.phrases.entry(key).or_default() |= 1 << (GAZ_TRAIN_PER + ty);
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// For each token, a bit set of `(category, part)` pairs: bit
    /// `4 * category + {0: B, 1: I, 2: L, 3: U}` for every phrase that covers it.
    ///
    /// `own` holds the current document's own training names, which are
    /// subtracted so a training document never sees its answers.
    pub fn matches(
        &self,
        lowers: &[u64],
        own: Option<&HashMap<u64, [u16; 4], IdBuild>>,
    ) -> Vec<u64> {
        let mut out = vec![0u64; lowers.len()];
        if self.phrases.is_empty() {
            return out;
        }
        for s in 0..lowers.len() {
            let mut h = 0x5a17_u64;
            for e in s..lowers.len().min(s + MAX_PHRASE) {
                h = mix(h, lowers[e]);
                let Some(&bits) = self.phrases.get(&h) else {
                    continue;
                };
                let mut bits = bits;
                if let Some(own) = own {
                    if let (Some(mine), Some(all)) = (own.get(&h), self.train_counts.get(&h)) {
                        for t in 0..4 {
                            if all[t] <= mine[t] {
                                bits &= !(1 << (GAZ_TRAIN_PER + t));
                            }
                        }
                    }
                }
                let n = e + 1 - s;
                for c in (0..N_GAZ).filter(|&c| bits & (1 << c) != 0) {
                    if n == 1 {
                        out[s] |= 1 << (4 * c + 3);
                    } else {
                        out[s] |= 1 << (4 * c);
                        for o in &mut out[s + 1..e] {
                            *o |= 1 << (4 * c + 1);
                        }
                        out[e] |= 1 << (4 * c + 2);
                    }
                }
            }
        }
        out
    }
}

/// Word clusters: lowercase word -> (fine, coarse, finest cluster), all
/// 1-based so that 0 means "not in the table". The three levels nest (a
/// hierarchy like Brown cluster prefixes): each finest class sits in one
/// fine class, each fine class in one coarse class. `second` holds the
/// same from a second set of vectors (empty when there is none): two
/// clusterings of different data disagree in useful ways (Guo et al. 2014
/// combine several).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    pub(crate) map: HashMap<u64, (u16, u16, u16), IdBuild>,
    pub(crate) second: HashMap<u64, (u16, u16, u16), IdBuild>,
}

impl Clusters {
    #[inline]
    pub fn get(&self, lower: u64) -> (u16, u16, u16) {
        self.map.get(&lower).copied().unwrap_or((0, 0, 0))
    }

    #[inline]
    pub fn get_second(&self, lower: u64) -> (u16, u16, u16) {
        self.second.get(&lower).copied().unwrap_or((0, 0, 0))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
