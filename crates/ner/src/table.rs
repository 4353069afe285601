//! The tagger's weight table: feature hash -> one dense row of `i16` weights,
//! one per label.
//!
//! Hand-rolled rather than a `HashMap` because tagging is bound by memory
//! latency: each token looks up some sixty features in a table of a few
//! hundred thousand, most of them cache misses. A `HashMap<u64, (start, n)>`
//! over sparse (label, weight) lists costs three or four misses per feature
//! (control bytes, bucket, labels, weights). Here a lookup reads one 8-byte
//! slot (a 32-bit fingerprint and the row number) and then one dense row whose
//! labels sit together, so a feature costs two misses, and the row adds into
//! integer scores that the compiler vectorises.

use crate::tags::N_LABELS;

/// Open addressing with linear probing; a slot is `fingerprint << 32 | row + 1`
/// and 0 marks an empty slot. The fingerprint is the key's high half, the
/// home slot comes from its low bits (keys are well-mixed hashes), so two
/// keys are confused only if all 64 bits agree on both: with ~10^5 keys and
/// ~10^7 lookups per run that is about one wrong hit in 10^3 runs, and it
/// would add one feature's weights, not crash.
#[derive(Clone, Debug, Default)]
pub(crate) struct WeightTable {
    slots: Vec<u64>,
    mask: usize,
    /// The keys of the rows, in row order (for saving the model).
    keys: Vec<u64>,
    rows: Vec<i16>,
}

impl WeightTable {
    /// Builds the table from `(key, row)` pairs; rows of zeros are left out.
    pub fn new(entries: impl IntoIterator<Item = (u64, [i16; N_LABELS])>) -> WeightTable {
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        for (k, r) in entries {
            if r.iter().any(|&w| w != 0) {
                keys.push(k);
                rows.extend_from_slice(&r);
            }
        }
        // Load at most one half, so that a miss (most lookups of rare
        // features) stops after a slot or two.
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        for (row, &k) in keys.iter().enumerate() {
            let mut i = k as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k >> 32) << 32 | (row as u64 + 1);
        }
        WeightTable {
            slots,
            mask,
            keys,
            rows,
        }
    }

    /// The row of a feature, if it has one.
    #[inline]
    pub fn row(&self, key: u64) -> Option<&[i16]> {
        let fp = key >> 32;
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 32 == fp {
                let r = (s as u32 - 1) as usize * N_LABELS;
                return self.rows.get(r..r + N_LABELS);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the rows of `feats` into integer scores.
    #[inline]
    pub fn add_all(&self, feats: &[u64], acc: &mut [i32; N_LABELS]) {
        for &k in feats {
            if let Some(row) = self.row(k) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Every `(key, row)`, sorted by key.
    pub fn entries(&self) -> Vec<(u64, &[i16])> {
        let mut out: Vec<(u64, &[i16])> = self
            .keys
            .iter()
            .zip(self.rows.chunks_exact(N_LABELS))
            .map(|(&k, r)| (k, r))
            .collect();
        out.sort_unstable_by_key(|x| x.0);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        let keys: Vec<u64> = (1..2000u64).map(|i| crate::hash::mix(i, 7)).collect();
        let table = WeightTable::new(keys.iter().enumerate().map(|(i, &k)| {
            let mut r = [0i16; N_LABELS];
            r[i % N_LABELS] = i as i16 + 1;
            (k, r)
        }));
        assert_eq!(table.len(), keys.len());
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(table.row(k).map(|r| r[i % N_LABELS]), Some(i as i16 + 1));
        }
        let absent = (1..2000u64).filter(|&i| table.row(crate::hash::mix(i, 8)).is_some());
        assert_eq!(absent.count(), 0);
    }
}
