//! Small utilities that several dossier crates share, one copy each (like
//! tantivy's `common`): the FNV-1a hash and the MurmurHash3 finaliser
//! ([`hash`]), seeded random generators for reproducible training
//! ([`rng`]), and a reader of little-endian numbers for model files
//! ([`le`]). No dependencies, no IO.
//!
//! Their outputs are saved in model files and KB tables, so they must never
//! change: a change here changes every artifact.
//!
//! ```
//! use dossier_common::hash::{fmix64, fnv1a};
//! use dossier_common::rng::{Rng, SplitMix64};
//!
//! assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
//! assert_ne!(fmix64(1), 1);
//! let mut rng = SplitMix64::new(7);
//! let mut v = [1, 2, 3, 4];
//! rng.shuffle(&mut v);
//! v.sort();
//! assert_eq!(v, [1, 2, 3, 4]);
//! ```

pub mod hash;
pub mod le;
pub mod rng;
