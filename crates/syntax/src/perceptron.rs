//! A sparse averaged perceptron (Collins 2002) over hashed features.
//!
//! Features are 64-bit hashes built by [`FeatureHasher`]; each feature owns a
//! short list of `(class, weight)` pairs rather than a dense row, because a
//! perceptron only ever touches the classes it confused, and a dense row of a
//! hundred parser transitions per feature would not fit the 40 MB budget.

use std::collections::HashMap;

use dossier_common::hash::IdBuild;

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

pub use dossier_common::hash::fmix64;

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

thread_local! {
    /// [`Weights::score_into`]'s row of each feature, reused across calls.
    static FOUND: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A map keyed by feature hashes, which are already mixed.
pub type IdMap<V> = HashMap<u64, V, IdBuild>;

#[cfg(feature = "train")]
#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past updates, for averaging.
    total: f64,
    stamp: u32,
}

/// The perceptron while it learns.
#[cfg(feature = "train")]
pub struct Trainer {
    n_classes: usize,
    rows: IdMap<Vec<Entry>>,
    /// Number of training instances seen so far (the averaging clock).
    clock: u32,
}

#[cfg(feature = "train")]
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
        // Each (feature, class) entry is updated on its own, so the two
        // passes leave the same weights, totals and entry order as one
        // interleaved pass.
        self.add(feats, truth, 1.0);
        self.add(feats, guess, -1.0);
    }

    /// Adds `delta` to the weight of `class` on every feature (one side of
    /// a structured update: the gold sequence up, the predicted one down).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let clock = self.clock;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
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

/// One slot of the inference table: a feature hash and its row. Rows of up
/// to two entries live in the slot itself (most rows after pruning), so a
/// lookup usually costs one cache line; longer rows point into `overflow`.
///
/// `data` layout: byte 0 is the row length, or [`OVERFLOW`] for a pointer.
/// Inline: entry j (class byte, then `i16` weight) at bits `8 + 24j..`.
/// Pointer: start at bits 8..40, length at 40..56.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u64,
    data: u64,
}

const OVERFLOW: u64 = 0xff;
/// `data` byte 0 for a dense row: start (in `dense`) at bits 8..40.
const DENSE: u64 = 0xfe;

/// Averaged weights for inference: an open-addressing table from feature
/// hash to a row of `(class, weight)` pairs. Hand-rolled because scoring is
/// bound by memory latency: the table is laid out so that a lookup touches
/// one cache line in the common case, all of a configuration's lines are
/// prefetched before any is read, and weights are quantised to `i16` (the
/// model file keeps `f32`; the table is rebuilt on load).
#[derive(Debug, Default)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    /// Entries of rows longer than two: class in the low byte, weight in
    /// the high half.
    overflow: Vec<u32>,
    /// Rows with weights for at least a third of the classes, one `i16` per
    /// class (`stride` of them): the frequent features (tags, the bias),
    /// summed with vector instructions instead of scattered adds.
    dense: Vec<i16>,
    stride: usize,
    /// Scores come out multiplied by this power of two (argmax is unchanged).
    scale: f32,
    /// Whether the CPU has AVX2, for the dense sums.
    avx2: bool,
    /// The unquantised rows, in file order: `offsets[r]..offsets[r + 1]`
    /// are row r's entries.
    keys: Vec<u64>,
    offsets: Vec<u32>,
    classes: Vec<u8>,
    weights: Vec<f32>,
    /// For weights read to score only ([`Weights::read`]), which keep no
    /// rows: how many rows and entries the file held.
    dropped: Option<(usize, usize)>,
}

/// A copy's table is on huge pages too (a derived clone would not be).
impl Clone for Weights {
    fn clone(&self) -> Weights {
        let mut slots = huge_table(self.slots.len());
        slots.copy_from_slice(&self.slots);
        Weights {
            n_classes: self.n_classes,
            mask: self.mask,
            slots,
            overflow: self.overflow.clone(),
            dense: self.dense.clone(),
            stride: self.stride,
            scale: self.scale,
            avx2: self.avx2,
            keys: self.keys.clone(),
            offsets: self.offsets.clone(),
            classes: self.classes.clone(),
            weights: self.weights.clone(),
            dropped: self.dropped,
        }
    }
}

#[inline]
fn pack(class: u8, q: i16) -> u32 {
    class as u32 | (q as u16 as u32) << 16
}

#[inline]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it never faults and reads nothing.
    unsafe {
        core::arch::x86_64::_mm_prefetch(
            p as *const T as *const i8,
            core::arch::x86_64::_MM_HINT_T0,
        )
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `len` empty slots in memory backed by transparent huge pages where the
/// kernel offers them on request (`madvise`). The parser's table is tens of
/// MB and read at random, so with 4 KB pages nearly every lookup also
/// misses the TLB; with 2 MB pages scoring runs much faster.
fn huge_table(len: usize) -> Vec<Slot> {
    let mut v: Vec<Slot> = Vec::with_capacity(len);
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let bytes = len * std::mem::size_of::<Slot>();
        let start = v.as_mut_ptr() as usize;
        let (lo, hi) = (start.next_multiple_of(HUGE), (start + bytes) / HUGE * HUGE);
        if hi > lo {
            // SAFETY: the range lies inside this vector's allocation, which
            // nothing has touched yet; the advice only changes page size.
            unsafe { libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE) };
        }
    }
    v.resize(len, Slot::default());
    v
}

/// Adds dense rows (each `out.len()` long, from the offsets in `rows`)
/// into `out`, in `i32` (no float conversion per row). Written plainly so
/// that the compiler vectorises it; the rows are read as blocks of 16
/// lanes (rows start at multiples of 16). The shipped models' rows are 7
/// and 8 blocks long (106 and 116 classes): for those the whole sum stays
/// in registers while each row is added; other widths are summed a block
/// at a time.
#[inline(always)]
fn sum_dense(dense: &[i16], rows: &[u32], out: &mut [i32]) {
    let blocks = dense.as_chunks::<16>().0;
    match out.len() / 16 {
        7 => sum_dense_rows::<7>(blocks, rows, out),
        8 => sum_dense_rows::<8>(blocks, rows, out),
        _ => {
            for (c, block) in out.chunks_exact_mut(16).enumerate() {
                let mut acc: [i32; 16] = block.try_into().expect("16 lanes");
                for &r in rows {
                    let row = &blocks[r as usize / 16 + c];
                    for k in 0..16 {
                        acc[k] += row[k] as i32;
                    }
                }
                block.copy_from_slice(&acc);
            }
        }
    }
}

/// [`sum_dense`] for rows of `B` blocks: one bounds check a row.
#[inline(always)]
fn sum_dense_rows<const B: usize>(blocks: &[[i16; 16]], rows: &[u32], out: &mut [i32]) {
    let mut acc = [[0i32; 16]; B];
    for (a, o) in acc.iter_mut().zip(out.chunks_exact(16)) {
        a.copy_from_slice(o);
    }
    for &r in rows {
        let at = r as usize / 16;
        let row: &[[i16; 16]; B] = blocks[at..at + B].try_into().expect("B blocks");
        for (a, w) in acc.iter_mut().zip(row) {
            for k in 0..16 {
                a[k] += w[k] as i32;
            }
        }
    }
    for (a, o) in acc.iter().zip(out.chunks_exact_mut(16)) {
        o.copy_from_slice(a);
    }
}

/// [`sum_dense`] compiled for AVX2 (16 lanes per instruction).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sum_dense_avx2(dense: &[i16], rows: &[u32], out: &mut [i32]) {
    sum_dense(dense, rows, out)
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
            keys: rows.iter().map(|(f, _)| *f).collect(),
            offsets,
            classes,
            weights,
            ..Weights::default()
        };
        w.build_table();
        w
    }

    /// Builds the scoring table from the weights' own rows.
    fn build_table(&mut self) {
        let keys = std::mem::take(&mut self.keys);
        let offsets = std::mem::take(&mut self.offsets);
        let classes = std::mem::take(&mut self.classes);
        let weights = std::mem::take(&mut self.weights);
        self.build_table_from(&OwnRows {
            keys: &keys,
            offsets: &offsets,
            classes: &classes,
            weights: &weights,
        });
        (self.keys, self.offsets, self.classes, self.weights) = (keys, offsets, classes, weights);
    }

    /// Builds the scoring table from `rows`.
    fn build_table_from(&mut self, rows: &impl Rows) {
        let max = (0..rows.n_entries()).fold(0f32, |m, e| m.max(rows.weight(e).abs()));
        // The largest power of two that keeps every weight within i16.
        let mut scale = 1.0f32;
        while max * scale * 2.0 < 32000.0 && scale < 65536.0 {
            scale *= 2.0;
        }
        while max * scale >= 32000.0 {
            scale /= 2.0;
        }
        self.scale = scale;
        #[cfg(target_arch = "x86_64")]
        {
            self.avx2 = std::arch::is_x86_feature_detected!("avx2");
        }
        let q = |w: f32| (w * scale).round() as i16;
        // Between 32.5% and 65% full: lookups mostly miss, and a miss probes
        // on to the next free slot, but a doubling costs memory (the shipped
        // parser's 1.35M rows fill 64% of 2^21 slots, 32 MB; at 2^22 the
        // pipeline's peak memory went over 300 MB).
        let n = rows.n_rows();
        let mut size = (n * 2).next_power_of_two();
        if n * 40 < size * 13 {
            size /= 2;
        }
        let size = size.max(16);
        self.mask = size - 1;
        self.slots = huge_table(size);
        self.overflow.clear();
        self.dense.clear();
        // A multiple of 16 lanes, so the dense sum needs no remainder loop.
        self.stride = self.n_classes.div_ceil(16) * 16;
        for r in 0..n {
            let k = rows.key(r);
            let (a, b) = (rows.offset(r), rows.offset(r + 1));
            let data = if b - a <= 2 {
                let mut d = (b - a) as u64;
                for (j, e) in (a..b).enumerate() {
                    let e24 = rows.class(e) as u64 | (q(rows.weight(e)) as u16 as u64) << 8;
                    d |= e24 << (8 + 24 * j);
                }
                d
            } else if 3 * (b - a) >= self.n_classes {
                let start = self.dense.len();
                self.dense.resize(start + self.stride, 0);
                for e in a..b {
                    self.dense[start + rows.class(e) as usize] = q(rows.weight(e));
                }
                DENSE | (start as u64) << 8
            } else {
                let start = self.overflow.len() as u64;
                self.overflow
                    .extend((a..b).map(|e| pack(rows.class(e), q(rows.weight(e)))));
                OVERFLOW | start << 8 | ((b - a) as u64) << 40
            };
            let mut slot = k as usize & self.mask;
            while self.slots[slot].key != 0 {
                slot = (slot + 1) & self.mask;
            }
            self.slots[slot] = Slot { key: k, data };
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_entries(&self) -> usize {
        self.dropped.map_or(self.weights.len(), |(_, e)| e)
    }

    pub fn n_rows(&self) -> usize {
        self.dropped
            .map_or(self.offsets.len().saturating_sub(1), |(r, _)| r)
    }

    fn assert_rows(&self) {
        assert!(
            self.dropped.is_none(),
            "weights loaded for scoring only have no rows to write or prune"
        );
    }

    /// The weights without entries of magnitude `threshold` or less (and
    /// without the rows left empty): a smaller model that scores almost alike.
    pub fn pruned(&self, threshold: f32) -> Weights {
        self.assert_rows();
        let rows: Vec<(u64, Vec<(u8, f32)>)> = self
            .keys
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

    /// What [`Weights::score`] multiplies the weights by.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Sets `scores` (length `n_classes`) to the sum of the weights of
    /// `feats`, times a positive constant (see `scale`).
    ///
    /// The quantised weights are summed in `i32` and converted once per
    /// class at the end: the sums are the same integers a float sum gives
    /// (they stay far below 2^24, where `f32` stops being exact), without
    /// a conversion per entry.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_into(feats, &[feats.len() as u32], &[0], scores);
    }

    /// Scores several feature lists in one pass: list `j` is
    /// `feats[ends[j - 1]..ends[j]]` (from 0 for the first), and its sums,
    /// as [`Weights::score`] sets them, go to `out[at[j]..][..n_classes]`.
    ///
    /// Scoring waits on memory (the parser's table is tens of MB, read at
    /// random), so the lookups are made in three passes over all the lists
    /// together: every slot is prefetched, then every row found and its
    /// long row's lines prefetched, then the rows summed. The cache misses
    /// of all the lists overlap: a beam step scores every item's groups of
    /// features in one call (see `parser::beam`), where a call per group
    /// waited for each group's misses in turn.
    pub fn score_into(&self, feats: &[u64], ends: &[u32], at: &[u32], out: &mut [f32]) {
        debug_assert_eq!(ends.len(), at.len());
        for &f in feats {
            prefetch(&self.slots[f as usize & self.mask]);
        }
        FOUND.with(|found| {
            let found = &mut *found.borrow_mut();
            found.clear();
            found.extend(feats.iter().map(|&f| {
                let d = self.find(f);
                self.prefetch_row(d);
                d
            }));
            let mut acc = [0i32; 256];
            let mut dense = [0u32; 128];
            let mut start = 0;
            for (&end, &a) in ends.iter().zip(at) {
                let rows = &found[start..end as usize];
                self.sum_rows(rows, &mut acc, &mut dense, &mut out[a as usize..]);
                start = end as usize;
            }
        })
    }

    /// Sets `out[..n_classes]` to the sums of the rows whose slots' `data`
    /// are `rows` (0: no row). `acc` comes in zeroed and is left so; dense
    /// rows are summed together at the end, a block of classes at a time
    /// (see `sum_dense`), those past `dense`'s length one at a time.
    #[inline]
    fn sum_rows(
        &self,
        rows: &[u64],
        acc: &mut [i32; 256],
        dense: &mut [u32; 128],
        out: &mut [f32],
    ) {
        let mut n_dense = 0;
        for &d in rows {
            match d & 0xff {
                0 => {}
                DENSE if n_dense < dense.len() => {
                    dense[n_dense] = (d >> 8) as u32;
                    n_dense += 1;
                }
                DENSE | OVERFLOW => self.add_long(d, acc),
                n => {
                    for j in 0..n as usize {
                        let e24 = (d >> (8 + 24 * j)) as u32;
                        acc[(e24 & 0xff) as usize] += (e24 >> 8) as u16 as i16 as i32;
                    }
                }
            }
        }
        if n_dense > 0 {
            self.add_dense(&dense[..n_dense], &mut acc[..self.stride]);
        }
        let k = self.n_classes;
        for (s, &v) in out[..k].iter_mut().zip(acc.iter()) {
            *s = v as f32;
        }
        acc[..self.stride.max(k)].fill(0);
    }

    /// The `data` of feature `f`'s slot, 0 when the table lacks it (a row
    /// has at least one entry, so its `data` is never 0).
    #[inline]
    fn find(&self, f: u64) -> u64 {
        let mut slot = f as usize & self.mask;
        loop {
            let s = &self.slots[slot];
            if s.key == f {
                return s.data;
            }
            if s.key == 0 {
                return 0;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Prefetches the lines of a row kept outside its slot: a dense row's
    /// every line, an overflow row's first, middle and last entries' (the
    /// shipped parser's overflow rows have at most 35 entries, 140 bytes,
    /// so these are all their lines; no loop to count).
    #[inline]
    fn prefetch_row(&self, d: u64) {
        let start = (d >> 8) as u32 as usize;
        match d & 0xff {
            DENSE => {
                let row = &self.dense[start..start + self.stride];
                let mut k = 0;
                while k < row.len() {
                    prefetch(&row[k]);
                    k += 32;
                }
            }
            OVERFLOW => {
                let len = (d >> 40) as u16 as usize;
                let row = &self.overflow[start..start + len];
                prefetch(&row[0]);
                prefetch(&row[len / 2]);
                prefetch(&row[len - 1]);
            }
            _ => {}
        }
    }

    /// Adds the dense rows starting at `rows` into `acc` (`stride` long).
    #[inline]
    fn add_dense(&self, rows: &[u32], acc: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is set only where the CPU reports AVX2.
            unsafe { sum_dense_avx2(&self.dense, rows, acc) };
        } else {
            sum_dense(&self.dense, rows, acc);
        }
        #[cfg(not(target_arch = "x86_64"))]
        sum_dense(&self.dense, rows, acc);
    }

    #[inline]
    fn add_long(&self, d: u64, acc: &mut [i32; 256]) {
        let start = (d >> 8) as u32 as usize;
        if d & 0xff == DENSE {
            let row = &self.dense[start..start + self.stride];
            for (s, &w) in acc.iter_mut().zip(row) {
                *s += w as i32;
            }
            return;
        }
        let len = (d >> 40) as u16 as usize;
        for &e in &self.overflow[start..start + len] {
            acc[(e & 0xff) as usize] += (e >> 16) as u16 as i16 as i32;
        }
    }

    pub fn write(&self, w: &mut Writer) {
        self.assert_rows();
        w.u32(self.n_classes as u32);
        w.u64s(&self.keys);
        w.u32s(&self.offsets);
        w.bytes(&self.classes);
        w.f32s(&self.weights);
    }

    /// Reads what [`Weights::write`] wrote. From a
    /// [`Reader::for_scoring`], the table is built straight from the
    /// file's bytes and the rows are not kept:
    /// loading the shipped parser to tag then never holds its 58 MB of
    /// rows.
    pub fn read(r: &mut Reader) -> Result<Weights, SyntaxError> {
        let n_classes = r.u32()? as usize;
        let rows = RawRows {
            keys: r.raw(8)?,
            offsets: r.raw(4)?,
            classes: r.bytes()?,
            weights: r.raw(4)?,
        };
        let n = rows.n_rows();
        let ok = rows.offsets.len() == 4 * (n + 1)
            && rows.offset(n) == rows.classes.len()
            && rows.classes.len() == rows.n_entries()
            && (0..n).all(|i| rows.offset(i) < rows.offset(i + 1) && rows.key(i) != 0)
            && rows.classes.iter().all(|&c| (c as usize) < n_classes);
        if !ok {
            return Err(SyntaxError::Corrupt("inconsistent weight table".into()));
        }
        let mut w = Weights {
            n_classes,
            ..Weights::default()
        };
        if r.scoring_only() {
            w.build_table_from(&rows);
            w.dropped = Some((n, rows.n_entries()));
        } else {
            w.keys = (0..n).map(|i| rows.key(i)).collect();
            w.offsets = (0..=n).map(|i| rows.offset(i) as u32).collect();
            w.classes = rows.classes.to_vec();
            w.weights = (0..rows.n_entries()).map(|e| rows.weight(e)).collect();
            w.build_table();
        }
        Ok(w)
    }
}

/// A weight table's rows: row `r` has the entries `offset(r)..offset(r + 1)`.
trait Rows {
    fn n_rows(&self) -> usize;
    fn n_entries(&self) -> usize;
    fn key(&self, r: usize) -> u64;
    fn offset(&self, r: usize) -> usize;
    fn class(&self, e: usize) -> u8;
    fn weight(&self, e: usize) -> f32;
}

/// Rows held in vectors.
struct OwnRows<'a> {
    keys: &'a [u64],
    offsets: &'a [u32],
    classes: &'a [u8],
    weights: &'a [f32],
}

impl Rows for OwnRows<'_> {
    fn n_rows(&self) -> usize {
        self.keys.len()
    }
    fn n_entries(&self) -> usize {
        self.weights.len()
    }
    fn key(&self, r: usize) -> u64 {
        self.keys[r]
    }
    fn offset(&self, r: usize) -> usize {
        self.offsets[r] as usize
    }
    fn class(&self, e: usize) -> u8 {
        self.classes[e]
    }
    fn weight(&self, e: usize) -> f32 {
        self.weights[e]
    }
}

/// Rows as a model file holds them: little-endian arrays.
struct RawRows<'a> {
    keys: &'a [u8],
    offsets: &'a [u8],
    classes: &'a [u8],
    weights: &'a [u8],
}

impl Rows for RawRows<'_> {
    fn n_rows(&self) -> usize {
        self.keys.len() / 8
    }
    fn n_entries(&self) -> usize {
        self.weights.len() / 4
    }
    fn key(&self, r: usize) -> u64 {
        u64::from_le_bytes(self.keys[8 * r..8 * r + 8].try_into().expect("8 bytes"))
    }
    fn offset(&self, r: usize) -> usize {
        u32::from_le_bytes(self.offsets[4 * r..4 * r + 4].try_into().expect("4 bytes")) as usize
    }
    fn class(&self, e: usize) -> u8 {
        self.classes[e]
    }
    fn weight(&self, e: usize) -> f32 {
        f32::from_le_bytes(self.weights[4 * e..4 * e + 4].try_into().expect("4 bytes"))
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
        // Read to score only: the same scores, the same sizes, no rows.
        let lean = Weights::read(&mut Reader::for_scoring(&bytes)).unwrap();
        let mut lean_scores = [0.0f32; 2];
        for (feats, _) in &data {
            w.score(feats, &mut scores);
            lean.score(feats, &mut lean_scores);
            assert_eq!(scores, lean_scores);
        }
        assert_eq!(
            (lean.n_rows(), lean.n_entries()),
            (w.n_rows(), w.n_entries())
        );
        assert!(lean.keys.is_empty() && lean.weights.is_empty());
    }

    /// The sums of `feats` from the weights' own rows, quantised as the
    /// table quantises them.
    fn naive(w: &Weights, feats: &[u64]) -> Vec<f32> {
        let mut sums = vec![0f32; w.n_classes];
        for f in feats {
            if let Some(r) = w.keys.iter().position(|k| k == f) {
                for e in w.offsets[r] as usize..w.offsets[r + 1] as usize {
                    sums[w.classes[e] as usize] += (w.weights[e] * w.scale).round();
                }
            }
        }
        sums
    }

    #[test]
    fn lists_scored_together_sum_as_each_list_alone() {
        // 12 classes: rows of every layout, inline (1 or 2 entries),
        // overflow (3) and dense (4 or more); 106 and 116 (the shipped
        // parser's and tagger's, dense rows of 7 and 8 blocks of 16):
        // dense from 36 and 39 entries. Features 50.. are absent.
        for n in [12, 106, 116] {
            let mut t = Trainer::new(n);
            for f in 1..50u64 {
                for c in 0..1 + f as usize % n {
                    t.tick();
                    t.add(&[f], c, f as f32 - 3.0 * c as f32);
                }
            }
            let w = t.average(0.0);
            let feats: Vec<u64> = (1..70).chain(1..40).chain([45; 140]).collect();
            // An empty list first and in the middle; the last has more
            // dense rows than are summed together.
            let ends = [0u32, 7, 7, 20, 248];
            let at: Vec<u32> = (0..ends.len() as u32).map(|j| j * n as u32).collect();
            let mut out = vec![f32::NAN; ends.len() * n];
            w.score_into(&feats, &ends, &at, &mut out);
            let mut start = 0;
            for (j, &end) in ends.iter().enumerate() {
                let list = &feats[start..end as usize];
                assert_eq!(out[j * n..(j + 1) * n], naive(&w, list), "{n}: list {j}");
                let mut alone = vec![0f32; n];
                w.score(list, &mut alone);
                assert_eq!(alone, naive(&w, list), "{n}: list {j} alone");
                start = end as usize;
            }
        }
    }

    #[test]
    fn the_table_stays_between_32_and_65_percent_full_and_copies_score_alike() {
        for n_rows in [1usize, 7, 300, 1000, 1300, 1320, 5000] {
            let mut t = Trainer::new(3);
            for f in 0..n_rows as u64 {
                t.tick();
                t.update(&[f * 7919 + 1], (f % 3) as usize, ((f + 1) % 3) as usize);
            }
            let w = t.average(0.0);
            let load = n_rows as f64 / w.slots.len() as f64;
            assert!(
                w.slots.len() == 16 || (0.325..=0.65).contains(&load),
                "{n_rows}: {load}"
            );
            let copy = w.clone();
            let (mut a, mut b) = ([0.0f32; 3], [0.0f32; 3]);
            for f in 0..n_rows as u64 + 5 {
                w.score(&[f * 7919 + 1, 42], &mut a);
                copy.score(&[f * 7919 + 1, 42], &mut b);
                assert_eq!(a, b);
            }
        }
    }
}
