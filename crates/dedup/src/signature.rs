//! MinHash signatures of word shingles, and their LSH band keys.

use crate::Error;
use dossier_common::hash::{fmix64, fnv1a_byte, FNV_OFFSET};

/// Words per shingle.
///
/// Five words is long enough that template phrasing shared by different
/// stories ("killing at least ... people, police said") contributes few
/// shingles, and short enough that a reworded sentence or a changed number
/// costs only the few shingles that overlap it.
pub const SHINGLE_WORDS: usize = 5;

/// Hash functions (simulated permutations) per signature.
///
/// The standard error of the Jaccard estimate is `sqrt(J(1-J)/128)`, about
/// 0.044 at J = 0.5: enough to separate near-duplicates (J well above 0.5)
/// from distinct articles on the same story (J below 0.25).
pub const N_PERMUTATIONS: usize = 128;

/// Rows (signature values) hashed together into one band key.
pub const BAND_ROWS: usize = 3;

/// Band keys per signature: `N_PERMUTATIONS / BAND_ROWS` (the last two
/// values take part in the similarity only).
///
/// With 42 bands of 3 rows two articles share at least one key with
/// probability `1 - (1 - J^3)^42`: 0.84 at J = 0.35, 0.94 at J = 0.4, 0.995
/// at J = 0.5, and about 3 in 10,000 at the J = 0.02 of unrelated news
/// stories. The low rows per band are there for wire copy cut to its first
/// paragraphs, whose Jaccard similarity to the full story is 0.35 to 0.5
/// (their containment is what marks them; see `Config`); 4 rows would miss
/// 40% of them at J = 0.35.
pub const N_BANDS: usize = N_PERMUTATIONS / BAND_ROWS;

/// Format version written as the first byte of [`Signature::to_bytes`].
///
/// It changes whenever the tokenisation, hashing or parameters change, since
/// signatures made by different versions cannot be compared.
pub const FORMAT_VERSION: u8 = 1;

/// Length of [`Signature::to_bytes`]: version, shingle count, values.
pub const SIGNATURE_BYTES: usize = 1 + 4 + 4 * N_PERMUTATIONS;

/// The MinHash signature of one text.
///
/// Holds, for each of [`N_PERMUTATIONS`] seeded hash functions, the least
/// 32-bit hash over the text's distinct shingles, plus the number of distinct
/// shingles (which turns the Jaccard estimate into a containment estimate).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    n_shingles: u32,
    mins: [u32; N_PERMUTATIONS],
}

impl std::fmt::Debug for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signature")
            .field("n_shingles", &self.n_shingles)
            .field("mins", &&self.mins[..4])
            .finish_non_exhaustive()
    }
}

/// Computes the MinHash signature of `text`.
///
/// Words are the whitespace-separated tokens of the text (dashes and slashes
/// also separate), lowercased, with every character that is not a letter or
/// digit removed: "U.S." is `us`, "1,200" is `1200`, "Al-Shabaab's" is
/// `alshabaabs`. A text with fewer words than [`SHINGLE_WORDS`] has one
/// shingle made of all its words, so two identical short texts still match;
/// a text with no words has the empty signature, which matches nothing.
pub fn signature(text: &str) -> Signature {
    let mut shingles = Vec::with_capacity(text.len() / 5);
    let mut window = [0u64; SHINGLE_WORDS];
    let mut n_words = 0usize;
    for_each_word(text, |word| {
        window[n_words % SHINGLE_WORDS] = word;
        n_words += 1;
        if n_words >= SHINGLE_WORDS {
            shingles.push(shingle_hash(&window, n_words, SHINGLE_WORDS));
        }
    });
    if (1..SHINGLE_WORDS).contains(&n_words) {
        shingles.push(shingle_hash(&window, n_words, n_words));
    }
    shingles.sort_unstable();
    shingles.dedup();

    let mut mins = [u32::MAX; N_PERMUTATIONS];
    let perms = permutations();
    for &x in &shingles {
        for (min, &(a, b)) in mins.iter_mut().zip(perms.iter()) {
            // Multiply-shift hashing: the high half of `a * x + b` with odd
            // random `a` is close to min-wise independent when `x` is itself
            // a well-mixed hash, and costs one multiply per permutation.
            let h = (x.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
            *min = (*min).min(h);
        }
    }
    Signature {
        n_shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
        mins,
    }
}

impl Signature {
    /// Number of distinct shingles in the text (0 for a text with no words).
    pub fn n_shingles(&self) -> u32 {
        self.n_shingles
    }

    /// Whether the text had no words.
    pub fn is_empty(&self) -> bool {
        self.n_shingles == 0
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets: the
    /// fraction of hash functions whose minimum agrees.
    ///
    /// An empty signature has similarity 0 with everything, itself included:
    /// an empty text is no evidence that two articles are the same.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let agree = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        agree as f64 / N_PERMUTATIONS as f64
    }

    /// The estimated fraction of this text's shingles that also occur in
    /// `other`: `|A ∩ B| / |A|`, derived from the Jaccard estimate `J` and
    /// the two shingle counts as `J (|A| + |B|) / ((1 + J) |A|)`.
    ///
    /// A wire copy with paragraphs trimmed is almost wholly contained in the
    /// original even when its Jaccard similarity is low.
    pub fn containment_in(&self, other: &Signature) -> f64 {
        let j = self.similarity(other);
        if j == 0.0 {
            return 0.0;
        }
        let a = f64::from(self.n_shingles);
        let b = f64::from(other.n_shingles);
        (j * (a + b) / ((1.0 + j) * a)).min(1.0)
    }

    /// The LSH band keys: for each band, its index and a 64-bit hash of the
    /// band's [`BAND_ROWS`] values. Two signatures are candidates when they
    /// share a `(band, key)` pair.
    ///
    /// A database stores the keys in a table `(band, key, article)` with an
    /// index on `(band, key)`; SQLite's signed integers take the key as
    /// `key as i64`. An empty signature has no keys.
    pub fn band_keys(&self) -> impl Iterator<Item = (u8, u64)> + '_ {
        let n = if self.is_empty() { 0 } else { N_BANDS };
        self.mins
            .chunks_exact(BAND_ROWS)
            .take(n)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = 0x6A09_E667_F3BC_C908 ^ band as u64;
                for &row in rows {
                    h = fmix64(h ^ u64::from(row));
                }
                (band as u8, h)
            })
    }

    /// Whether the two signatures share a band key, that is whether an LSH
    /// index would return one as a candidate for the other.
    pub fn shares_band(&self, other: &Signature) -> bool {
        self.band_keys().zip(other.band_keys()).any(|(a, b)| a == b)
    }

    /// The signature as [`SIGNATURE_BYTES`] bytes, for a BLOB column: the
    /// format version, the shingle count and the values, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SIGNATURE_BYTES);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&self.n_shingles.to_le_bytes());
        for v in &self.mins {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Reads a signature written by [`Signature::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, Error> {
        if bytes.len() != SIGNATURE_BYTES {
            return Err(Error::BadSignature {
                reason: format!(
                    "{} bytes, expected {SIGNATURE_BYTES}; recompute the signature from the text",
                    bytes.len()
                ),
            });
        }
        if bytes[0] != FORMAT_VERSION {
            return Err(Error::BadSignature {
                reason: format!(
                    "format version {}, this build reads {FORMAT_VERSION}; recompute the signature from the text",
                    bytes[0]
                ),
            });
        }
        let word = |i: usize| {
            let at = 1 + 4 * i;
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let mut mins = [0u32; N_PERMUTATIONS];
        for (i, v) in mins.iter_mut().enumerate() {
            *v = word(i + 1);
        }
        Ok(Signature {
            n_shingles: word(0),
            mins,
        })
    }
}

/// Calls `f` with the hash of each normalised word of `text`.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    let mut h = FNV_OFFSET;
    let mut len = 0usize;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                h = fnv1a_byte(h, c.to_ascii_lowercase() as u8);
                len += 1;
            } else if c.is_ascii_whitespace() || c == '/' {
                if len > 0 {
                    f(fmix64(h));
                }
                h = FNV_OFFSET;
                len = 0;
            }
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &byte in lower.encode_utf8(&mut buf).as_bytes() {
                    h = fnv1a_byte(h, byte);
                }
            }
            len += 1;
        } else if c.is_whitespace() || matches!(c, '\u{2013}' | '\u{2014}') {
            if len > 0 {
                f(fmix64(h));
            }
            h = FNV_OFFSET;
            len = 0;
        }
    }
    if len > 0 {
        f(fmix64(h));
    }
}

/// The hash of the shingle made of the last `len` words of the ring buffer
/// `window`, in order; `n_words` is the number of words seen so far.
fn shingle_hash(window: &[u64; SHINGLE_WORDS], n_words: usize, len: usize) -> u64 {
    let mut h = len as u64;
    for i in 0..len {
        let word = window[(n_words - len + i) % SHINGLE_WORDS];
        h = fmix64(h.rotate_left(23) ^ word);
    }
    h
}

/// The `(a, b)` coefficients of the permutations, drawn from SplitMix64 with
/// a fixed seed so that signatures agree across runs, builds and platforms.
fn permutations() -> &'static [(u64, u64); N_PERMUTATIONS] {
    static PERMS: std::sync::OnceLock<[(u64, u64); N_PERMUTATIONS]> = std::sync::OnceLock::new();
    PERMS.get_or_init(|| {
        let mut state: u64 = 0x05EE_D0F0_D055_1E12;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            fmix64(state)
        };
        let mut out = [(0, 0); N_PERMUTATIONS];
        for p in out.iter_mut() {
            *p = (next() | 1, next());
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> usize {
        let mut n = 0;
        for_each_word(text, |_| n += 1);
        n
    }

    #[test]
    fn punctuation_is_removed_and_case_folded() {
        let mut a = Vec::new();
        for_each_word("U.S. troops, 1,200 of them — Al-Shabaab's", |h| a.push(h));
        let mut b = Vec::new();
        for_each_word("us TROOPS 1200 of them alshabaabs", |h| b.push(h));
        assert_eq!(a, b);
    }

    #[test]
    fn lone_punctuation_is_not_a_word() {
        assert_eq!(words(" -- , . \u{2014} "), 0);
        assert_eq!(words("a/b c\u{2014}d"), 4);
    }

    #[test]
    fn non_ascii_words_are_lowercased() {
        let mut a = Vec::new();
        for_each_word("ÉTAT São", |h| a.push(h));
        let mut b = Vec::new();
        for_each_word("état são", |h| b.push(h));
        assert_eq!(a, b);
    }

    #[test]
    fn word_order_matters_within_a_shingle() {
        let a = signature("one two three four five");
        let b = signature("five four three two one");
        assert_eq!(a.similarity(&b), 0.0);
    }
}
