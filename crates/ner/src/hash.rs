//! Hashing of feature strings.
//!
//! Hand-rolled rather than a crate: features are hashed on the hot path
//! (tens per token), the keys must be the same on every platform and in every
//! release because they are saved in the model file, and std's SipHash is both
//! slower and randomly keyed. FNV-1a over the bytes, then the MurmurHash3
//! finalizer so that the low bits (which hashbrown uses) are well mixed.

use std::hash::{BuildHasherDefault, Hasher};

#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a byte string.
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines two hashes; order matters.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}

/// A hasher for keys that are hashes already: it passes them through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are used; this path keeps the trait complete.
        self.0 = hash_bytes(bytes);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;
