//! Near-duplicate articles in the store: each original article's MinHash
//! signature is kept with its LSH band keys (`article_bands`), so a new
//! article finds its candidates with an index lookup per band, and only
//! those are compared (`dossier-dedup` decides).

use crate::db::{args, Arg, Db, DbResult, OptionalExt};

use dossier_dedup::Signature;

/// The stored original that `text` nearly duplicates, with their estimated
/// similarity: the most similar candidate, the earliest on a tie.
pub(crate) fn find(tx: &Db, sig: &Signature) -> DbResult<Option<(i64, f64)>> {
    if sig.is_empty() {
        return Ok(None);
    }
    let keys = band_args(sig);
    let candidates: std::collections::BTreeSet<i64> = tx
        .rows(&statements().probe, &keys, |r| r.get::<i64>(0))?
        .into_iter()
        .collect();
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
    let mut values = band_args(sig);
    values.push(Arg::Int(article));
    tx.exec(&statements().insert, &values)?;
    Ok(())
}

/// A signature's band keys as parameters: band, key, band, key, ...
fn band_args(sig: &Signature) -> Vec<Arg<'static>> {
    let args: Vec<Arg> = sig
        .band_keys()
        .flat_map(|(band, key)| [Arg::Int(i64::from(band)), Arg::Int(key as i64)])
        .collect();
    debug_assert_eq!(
        args.len(),
        2 * dossier_dedup::N_BANDS,
        "a signature has every band"
    );
    args
}

/// One statement for all of a signature's bands rather than one per band:
/// the same index lookups and inserts, in one round trip to PostgreSQL
/// (42 statements an article fewer each way).
struct BandStatements {
    /// Every article under any of the bands: `?1, ?2` the first band and
    /// its key, and so on.
    probe: String,
    /// The bands' rows of one article, the article last.
    insert: String,
}

fn statements() -> &'static BandStatements {
    static STATEMENTS: std::sync::OnceLock<BandStatements> = std::sync::OnceLock::new();
    STATEMENTS.get_or_init(|| {
        let n = dossier_dedup::N_BANDS;
        let probe = (0..n)
            .map(|i| {
                format!(
                    "SELECT article FROM article_bands WHERE band = ?{} AND key = ?{}",
                    2 * i + 1,
                    2 * i + 2
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let article = 2 * n + 1;
        let rows = (0..n)
            .map(|i| format!("(?{}, ?{}, ?{article})", 2 * i + 1, 2 * i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let insert = format!(
            "INSERT INTO article_bands (band, key, article) VALUES {rows} ON CONFLICT DO NOTHING"
        );
        BandStatements { probe, insert }
    })
}
