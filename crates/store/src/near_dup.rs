//! Near-duplicate articles in the store: each original article's MinHash
//! signature is kept with its LSH band keys (`article_bands`), so a new
//! article finds its candidates with an index lookup per band, and only
//! those are compared (`dossier-dedup` decides).

use rusqlite::{params, Transaction};

use dossier_dedup::Signature;

/// The stored original that `text` nearly duplicates, with their estimated
/// similarity: the most similar candidate, the earliest on a tie.
pub(crate) fn find(tx: &Transaction, sig: &Signature) -> rusqlite::Result<Option<(i64, f64)>> {
    if sig.is_empty() {
        return Ok(None);
    }
    let mut candidates = std::collections::BTreeSet::new();
    {
        let mut st =
            tx.prepare_cached("SELECT article FROM article_bands WHERE band = ?1 AND key = ?2")?;
        for (band, key) in sig.band_keys() {
            for a in st.query_map(params![band, key as i64], |r| r.get::<_, i64>(0))? {
                candidates.insert(a?);
            }
        }
    }
    let mut best: Option<(i64, f64)> = None;
    let mut st = tx
        .prepare_cached("SELECT minhash FROM articles WHERE rowid = ?1 AND duplicate_of IS NULL")?;
    for article in candidates {
        let bytes: Option<Vec<u8>> = match st.query_row([article], |r| r.get(0)) {
            Ok(b) => b,
            Err(rusqlite::Error::QueryReturnedNoRows) => continue,
            Err(e) => return Err(e),
        };
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
pub(crate) fn index(tx: &Transaction, article: i64, sig: &Signature) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE articles SET minhash = ?2 WHERE rowid = ?1")?
        .execute(params![article, sig.to_bytes()])?;
    if sig.is_empty() {
        return Ok(());
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_bands (band, key, article) VALUES (?1, ?2, ?3)",
    )?;
    for (band, key) in sig.band_keys() {
        st.execute(params![band, key as i64, article])?;
    }
    Ok(())
}
