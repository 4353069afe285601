//! Near-duplicate articles in the store: each original article's MinHash
//! signature is kept with its LSH band keys (`article_bands`), so a new
//! article finds its candidates with an index lookup per band, and only
//! those are compared (`dossier-dedup` decides).

use crate::db::{args, Db, DbResult, OptionalExt};

use dossier_dedup::Signature;

/// The stored original that `text` nearly duplicates, with their estimated
/// similarity: the most similar candidate, the earliest on a tie.
pub(crate) fn find(tx: &Db, sig: &Signature) -> DbResult<Option<(i64, f64)>> {
    if sig.is_empty() {
        return Ok(None);
    }
    let mut candidates = std::collections::BTreeSet::new();
    for (band, key) in sig.band_keys() {
        candidates.extend(tx.rows(
            "SELECT article FROM article_bands WHERE band = ?1 AND key = ?2",
            args![band, key as i64],
            |r| r.get::<i64>(0),
        )?);
    }
    let mut best: Option<(i64, f64)> = None;
    for article in candidates {
        let bytes: Option<Option<Vec<u8>>> = tx
            .row(
                "SELECT minhash FROM articles WHERE rowid = ?1 AND duplicate_of IS NULL",
                args![article],
                |r| r.get(0),
            )
            .optional()?;
        let Some(bytes) = bytes else { continue };
        let Some(other) = bytes.and_then(|b| Signature::from_bytes(&b).ok()) else {
            continue;
        };
        if dossier_dedup::is_near_duplicate(sig, &other) {
            let s = sig.similarity(&other);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((article, s));
            }
        }
    }
    Ok(best)
}

/// Keeps an original article's signature and band keys.
pub(crate) fn index(tx: &Db, article: i64, sig: &Signature) -> DbResult<()> {
    tx.exec(
        "UPDATE articles SET minhash = ?2 WHERE rowid = ?1",
        args![article, sig.to_bytes()],
    )?;
    if sig.is_empty() {
        return Ok(());
    }
    for (band, key) in sig.band_keys() {
        tx.exec(
            "INSERT INTO article_bands (band, key, article) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            args![band, key as i64, article],
        )?;
    }
    Ok(())
}
