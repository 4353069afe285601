//! A few read-only store connections shared by the handlers. A SQLite
//! connection serves one thread at a time, so each request borrows one,
//! runs its query on a blocking thread (queries are synchronous) and hands
//! it back; requests beyond the pool's size wait for a free connection.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use dossier_query::Store;

use crate::error::ApiError;

/// Each reader's page cache: small, so a server's memory reaches its level
/// within its first requests and stays there (issue 22's load test: RSS after
/// 10,000 requests within 10% of RSS after 1,000); the file's pages stay in
/// the operating system's cache.
const READER_CACHE_MIB: u32 = 2;

pub struct Pool {
    stores: Mutex<Vec<Store>>,
    free: Semaphore,
}

impl Pool {
    /// Opens `n` read-only connections to the store at `path`.
    pub fn open(path: &Path, n: usize) -> Result<Pool, dossier_query::StoreError> {
        let n = n.max(1);
        let stores = (0..n)
            .map(|_| {
                let store = Store::open_read_only(path)?;
                store.set_page_cache_mib(READER_CACHE_MIB)?;
                Ok(store)
            })
            .collect::<Result<Vec<_>, dossier_query::StoreError>>()?;
        Ok(Pool {
            stores: Mutex::new(stores),
            free: Semaphore::new(n),
        })
    }

    /// Runs `f` on a free connection, on a blocking thread.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .free
            .acquire()
            .await
            .map_err(|_| ApiError::Internal("the server is shutting down".into()))?;
        let store = self
            .stores
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .ok_or_else(|| ApiError::Internal("no free store connection".into()))?;
        let (store, out) = tokio::task::spawn_blocking(move || {
            // A panicking query must not lose the connection.
            let out = std::panic::catch_unwind(AssertUnwindSafe(|| f(&store)));
            (store, out)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("the query task failed: {e}")))?;
        self.stores
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(store);
        out.unwrap_or_else(|_| Err(ApiError::Internal("the query panicked".into())))
    }
}
