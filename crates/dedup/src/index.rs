//! An in-memory LSH index over signatures.

use std::collections::HashMap;

use crate::{Config, Signature};

/// A stored article that an [`Index`] query returned.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Match {
    /// The id given to [`Index::insert`].
    pub id: u64,
    /// The estimated Jaccard similarity to the query.
    pub similarity: f64,
}

/// Signatures by id, with their band keys in a hash table, as a database
/// would keep them in a table indexed on `(band, key)`.
#[derive(Default)]
pub struct Index {
    ids: Vec<u64>,
    signatures: Vec<Signature>,
    buckets: HashMap<(u8, u64), Vec<u32>>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Number of signatures inserted.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds a signature under `id`. Ids need not be unique; a query returns
    /// each insertion.
    pub fn insert(&mut self, id: u64, signature: Signature) {
        let slot = u32::try_from(self.ids.len()).expect("an index holds at most 2^32 signatures");
        for key in signature.band_keys() {
            self.buckets.entry(key).or_default().push(slot);
        }
        self.ids.push(id);
        self.signatures.push(signature);
    }

    /// The inserted signatures that share at least one band key with
    /// `signature` and whose estimated similarity is at least
    /// `min_similarity`, most similar first (ties by id).
    pub fn query(&self, signature: &Signature, min_similarity: f64) -> Vec<Match> {
        self.matching(signature, |s| {
            let similarity = signature.similarity(s);
            (similarity >= min_similarity).then_some(similarity)
        })
    }

    /// The inserted signatures that `config` judges near-duplicates of
    /// `signature`, most similar first (ties by id).
    pub fn duplicates(&self, signature: &Signature, config: &Config) -> Vec<Match> {
        self.matching(signature, |s| {
            config
                .is_near_duplicate(signature, s)
                .then(|| signature.similarity(s))
        })
    }

    fn matching(
        &self,
        signature: &Signature,
        mut score: impl FnMut(&Signature) -> Option<f64>,
    ) -> Vec<Match> {
        let mut slots: Vec<u32> = signature
            .band_keys()
            .filter_map(|key| self.buckets.get(&key))
            .flatten()
            .copied()
            .collect();
        slots.sort_unstable();
        slots.dedup();
        let mut out: Vec<Match> = slots
            .into_iter()
            .filter_map(|slot| {
                let slot = slot as usize;
                score(&self.signatures[slot]).map(|similarity| Match {
                    id: self.ids[slot],
                    similarity,
                })
            })
            .collect();
        out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        out
    }
}
