//! Hashing of feature strings.
//!
//! Hand-rolled rather than a crate: features are hashed on the hot path
//! (tens per token), the keys must be the same on every platform and in every
//! release because they are saved in the model file, and std's SipHash is both
//! slower and randomly keyed. FNV-1a over the bytes, then the MurmurHash3
//! finalizer so that the low bits (which hashbrown uses) are well mixed.

pub use dossier_common::hash::IdBuild;
use dossier_common::hash::{fmix64, fnv1a};

/// Hash of a byte string.
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    fmix64(fnv1a(b))
}

#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines two hashes; order matters.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    fmix64(a.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}
