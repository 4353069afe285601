//! A sparse averaged perceptron (Collins 2002) over hashed features.
//!
//! Features are 64-bit hashes built by [`FeatureHasher`]; each feature owns a
//! short list of `(class, weight)` pairs rather than a dense row, because a
//! perceptron only ever touches the classes it confused, and a dense row of a
//! hundred parser transitions per feature would not fit the 40 MB budget.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::codec::{Reader, Writer};
use crate::SyntaxError;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Builds a feature hash from a template id and a few values (FxHash-style
/// mixing, finished with MurmurHash3's `fmix64` so the low bits are usable as
/// a table index). Hand-rolled because it runs ~100 times per token.
#[derive(Clone, Copy)]
pub struct FeatureHasher(u64);

impl FeatureHasher {
    #[inline]
    pub fn new(template: u32) -> FeatureHasher {
        FeatureHasher((template as u64 + 1).wrapping_mul(K))
    }
    #[inline]
    pub fn add(self, v: u64) -> FeatureHasher {
        FeatureHasher((self.0.rotate_left(5) ^ v).wrapping_mul(K))
    }
    #[inline]
    pub fn finish(self) -> u64 {
        let h = fmix64(self.0);
        // 0 marks an empty slot in the inference table.
        if h == 0 {
            1
        } else {
            h
        }
    }
}

#[inline]
pub fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// Hashes a string (for word identities).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for chunk in s.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    fmix64(h ^ s.len() as u64)
}

/// Identity hasher for maps keyed by feature hashes, which are already mixed.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past updates, for averaging.
    total: f64,
    stamp: u32,
}

/// The perceptron while it learns.
pub struct Trainer {
    n_classes: usize,
    rows: IdMap<Vec<Entry>>,
    /// Number of training instances seen so far (the averaging clock).
    clock: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            rows: IdMap::default(),
            clock: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current weights of `feats` into `scores` (length `n_classes`).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves weight from `guess` to `truth` on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let e = match row.iter_mut().position(|e| e.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Entry {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: clock,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                e.total += (clock - e.stamp) as f64 * e.weight as f64;
                e.stamp = clock;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights, ready for inference. Weights whose magnitude
    /// is below `prune` are dropped to keep the model small.
    pub fn average(&self, prune: f32) -> Weights {
        let clock = self.clock.max(1) as f64;
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(self.rows.len());
        for (&f, row) in &self.rows {
            let mut out = Vec::new();
            for e in row {
                let total = e.total + (self.clock - e.stamp) as f64 * e.weight as f64;
                let avg = (total / clock) as f32;
                if avg.abs() > prune {
                    out.push((e.class as u8, avg));
                }
            }
            if !out.is_empty() {
                out.sort_by_key(|&(c, _)| c);
                rows.push((f, out));
            }
        }
        // Sorting makes the model file byte-identical for a given seed.
        rows.sort_by_key(|&(f, _)| f);
        Weights::from_rows(self.n_classes, &rows)
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

/// Averaged weights for inference: an open-addressing table from feature
/// hash to a slice of `(class, weight)` pairs. Hand-rolled so that the model
/// loads by copying flat arrays and a lookup is one probe in the common case.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    /// The hash table: a key and its row's entry range in one slot, so a
    /// lookup touches one cache line before the entries themselves.
    slots: Vec<Slot>,
    /// `(class, weight)` pairs, interleaved for the same reason.
    packed: Vec<(u8, f32)>,
    /// `offsets[r]..offsets[r + 1]` are row r's entries.
    offsets: Vec<u32>,
    classes: Vec<u8>,
    weights: Vec<f32>,
}

impl Weights {
    fn from_rows(n_classes: usize, rows: &[(u64, Vec<(u8, f32)>)]) -> Weights {
        let mut offsets = Vec::with_capacity(rows.len() + 1);
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        offsets.push(0u32);
        for (_, row) in rows {
            for &(c, w) in row {
                classes.push(c);
                weights.push(w);
            }
            offsets.push(classes.len() as u32);
        }
        let mut w = Weights {
            n_classes,
            mask: 0,
            slots: Vec::new(),
            packed: Vec::new(),
            offsets,
            classes,
            weights,
        };
        w.build_table(rows.iter().map(|(f, _)| *f));
        w
    }

    fn build_table(&mut self, keys: impl ExactSizeIterator<Item = u64>) {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        self.mask = size - 1;
        self.slots = vec![Slot::default(); size];
        for (r, k) in keys.enumerate() {
            let mut slot = k as usize & self.mask;
            while self.slots[slot].key != 0 {
                slot = (slot + 1) & self.mask;
            }
            self.slots[slot] = Slot {
                key: k,
                start: self.offsets[r],
                end: self.offsets[r + 1],
            };
        }
        self.packed = self
            .classes
            .iter()
            .copied()
            .zip(self.weights.iter().copied())
            .collect();
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_entries(&self) -> usize {
        self.weights.len()
    }

    pub fn n_rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The weights without entries of magnitude `threshold` or less (and
    /// without the rows left empty): a smaller model that scores almost alike.
    pub fn pruned(&self, threshold: f32) -> Weights {
        let keys = self.rows_in_order();
        let rows: Vec<(u64, Vec<(u8, f32)>)> = keys
            .iter()
            .enumerate()
            .filter_map(|(r, &k)| {
                let (a, b) = (self.offsets[r] as usize, self.offsets[r + 1] as usize);
                let row: Vec<(u8, f32)> = (a..b)
                    .filter(|&e| self.weights[e].abs() > threshold)
                    .map(|e| (self.classes[e], self.weights[e]))
                    .collect();
                (!row.is_empty()).then_some((k, row))
            })
            .collect();
        Weights::from_rows(self.n_classes, &rows)
    }

    /// Sets `scores` (length `n_classes`) to the sum of the weights of `feats`.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for &f in feats {
            let mut slot = f as usize & self.mask;
            loop {
                let s = &self.slots[slot];
                if s.key == f {
                    for &(c, w) in &self.packed[s.start as usize..s.end as usize] {
                        scores[c as usize] += w;
                    }
                    break;
                }
                if s.key == 0 {
                    break;
                }
                slot = (slot + 1) & self.mask;
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        let keys: Vec<u64> = self.rows_in_order();
        w.u64s(&keys);
        w.u32s(&self.offsets);
        w.bytes(&self.classes);
        w.f32s(&self.weights);
    }

    /// Row keys in row order (the table itself is rebuilt on load).
    fn rows_in_order(&self) -> Vec<u64> {
        let mut keys = vec![0u64; self.offsets.len().saturating_sub(1)];
        for s in &self.slots {
            if s.key != 0 {
                // Rows are never empty, so a row's start identifies it.
                let r = self.offsets.partition_point(|&o| o < s.start);
                keys[r] = s.key;
            }
        }
        keys
    }

    pub fn read(r: &mut Reader) -> Result<Weights, SyntaxError> {
        let n_classes = r.u32()? as usize;
        let keys = r.u64s()?;
        let offsets = r.u32s()?;
        let classes = r.bytes()?.to_vec();
        let weights = r.f32s()?;
        let ok = offsets.len() == keys.len() + 1
            && offsets.last().copied() == Some(classes.len() as u32)
            && classes.len() == weights.len()
            && offsets.windows(2).all(|p| p[0] < p[1])
            && classes.iter().all(|&c| (c as usize) < n_classes)
            && keys.iter().all(|&k| k != 0);
        if !ok {
            return Err(SyntaxError::Corrupt("inconsistent weight table".into()));
        }
        let mut w = Weights {
            n_classes,
            mask: 0,
            slots: Vec::new(),
            packed: Vec::new(),
            offsets,
            classes,
            weights,
        };
        w.build_table(keys.into_iter());
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(2);
        let data = [(vec![1u64, 10], 0usize), (vec![2u64, 10], 1)];
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for (feats, gold) in &data {
                t.tick();
                t.score(feats, &mut scores);
                let guess = if scores[1] > scores[0] { 1 } else { 0 };
                t.update(feats, *gold, guess);
            }
        }
        let w = t.average(0.0);
        let mut buf = Writer::default();
        w.write(&mut buf);
        let bytes = buf.into_bytes();
        let w = Weights::read(&mut Reader::new(&bytes)).unwrap();
        for (feats, gold) in &data {
            w.score(feats, &mut scores);
            let guess = if scores[1] > scores[0] { 1 } else { 0 };
            assert_eq!(guess, *gold);
        }
    }
}
