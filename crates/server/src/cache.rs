//! The dossiers of recently asked actors, as the JSON bodies sent, so that a
//! popular actor's page is computed once per change of the store rather than
//! once per visitor.
//!
//! A dossier is the one answer that aggregates (an actor's events by month
//! and root, its places, neighbours, claims and relations): tens of
//! milliseconds on a store of 100k articles, where every other answer is a
//! page read from an index. The cache holds at most `budget` bytes, least
//! recently asked first out.
//!
//! Freshness: every body is stored under the generation it was computed in,
//! and a body computed in an older generation is never stored. The
//! generation moves when this server writes (ingest, curation) and when the
//! store's change mark moves ([`dossier_query::Store::change_mark`]), which a
//! watcher thread reads every [`WATCH_EVERY`]: another process's commit is
//! seen within that interval.

use std::path::Path;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use axum::body::Bytes;
use lru::LruCache;

use dossier_query::Store;

/// How often the watcher reads the store's change mark.
pub const WATCH_EVERY: Duration = Duration::from_millis(500);

pub struct DossierCache {
    inner: Mutex<Inner>,
    budget: usize,
}

struct Inner {
    generation: u64,
    bytes: usize,
    bodies: LruCache<String, Bytes>,
}

impl DossierCache {
    /// A cache of at most `budget` bytes of bodies.
    pub fn new(budget: usize) -> DossierCache {
        DossierCache {
            inner: Mutex::new(Inner {
                generation: 0,
                bytes: 0,
                bodies: LruCache::unbounded(),
            }),
            budget,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The body stored for `key`, if it is of the current generation.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        self.lock().bodies.get(key).cloned()
    }

    /// The current generation; read it before computing a body.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Stores `body` for `key` if the store has not changed since
    /// `generation` was read, dropping the least recently asked bodies to
    /// stay within the budget. A body larger than the budget is not kept.
    pub fn put(&self, key: String, body: Bytes, generation: u64) {
        if body.len() > self.budget {
            return;
        }
        let mut g = self.lock();
        if g.generation != generation {
            return;
        }
        g.bytes += body.len();
        if let Some(old) = g.bodies.put(key, body) {
            g.bytes -= old.len();
        }
        while g.bytes > self.budget {
            match g.bodies.pop_lru() {
                Some((_, b)) => g.bytes -= b.len(),
                None => break,
            }
        }
    }

    /// Forgets every body: the store has changed.
    pub fn invalidate(&self) {
        let mut g = self.lock();
        g.generation += 1;
        g.bodies.clear();
        g.bytes = 0;
    }

    /// Bodies held and their bytes.
    #[cfg(test)]
    fn held(&self) -> (usize, usize) {
        let g = self.lock();
        (g.bodies.len(), g.bytes)
    }
}

/// Starts the thread that invalidates `cache` whenever the store at `path`
/// changes; it ends when the cache is dropped. Its own read connection is
/// opened here, so a store that cannot be watched is an error at start.
pub fn watch(cache: &Arc<DossierCache>, path: &Path) -> anyhow::Result<()> {
    let store = Store::open_read_only(path)?;
    store.set_page_cache_mib(1)?;
    let mut mark = store.change_mark()?;
    let cache: Weak<DossierCache> = Arc::downgrade(cache);
    std::thread::Builder::new()
        .name("dossier-cache-watch".into())
        .spawn(move || loop {
            std::thread::sleep(WATCH_EVERY);
            let Some(cache) = cache.upgrade() else { return };
            match store.change_mark() {
                Ok(m) if m == mark => {}
                Ok(m) => {
                    mark = m;
                    cache.invalidate();
                }
                // A mark that cannot be read may hide a change.
                Err(_) => cache.invalidate(),
            }
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Bytes {
        Bytes::from(vec![b'x'; n])
    }

    #[test]
    fn keeps_within_budget_dropping_the_least_recently_asked() {
        let c = DossierCache::new(100);
        let g = c.generation();
        c.put("a".into(), body(40), g);
        c.put("b".into(), body(40), g);
        assert!(c.get("a").is_some()); // a is now the more recent
        c.put("c".into(), body(40), g);
        assert_eq!(c.held(), (2, 80));
        assert!(c.get("b").is_none());
        assert!(c.get("a").is_some() && c.get("c").is_some());
        c.put("huge".into(), body(101), g);
        assert!(c.get("huge").is_none());
        c.put("a".into(), body(10), g);
        assert_eq!(c.held(), (2, 50));
    }

    #[test]
    fn a_body_computed_before_a_change_is_not_stored() {
        let c = DossierCache::new(1000);
        let before = c.generation();
        c.put("a".into(), body(5), before);
        c.invalidate();
        assert!(c.get("a").is_none());
        c.put("b".into(), body(5), before);
        assert!(c.get("b").is_none());
        c.put("b".into(), body(5), c.generation());
        assert_eq!(c.get("b").map(|b| b.len()), Some(5));
    }
}
