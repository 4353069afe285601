//! The work queue: `dossier enqueue` adds inputs, and any number of
//! `dossier ingest --worker` processes, on any number of machines, take
//! them in batches until none is left.
//!
//! A claim is a lease: the worker's name, an expiry on the database's clock
//! and an attempt count. PostgreSQL claims with `FOR UPDATE SKIP LOCKED`, so
//! that two workers never take the same row and never wait for each other;
//! SQLite's single writer makes the same statement safe without it. A batch's
//! facts and the `done` mark of its inputs commit in one transaction
//! ([`Store::ingest_work`]): a worker killed before the commit leaves its
//! inputs queued, and they go to another worker when the lease runs out; a
//! worker killed after it loses nothing. Queue order is the inputs' keys
//! (their paths) in byte order, not the order they were enqueued in.
//! Workers extract in parallel but commit in queue order
//! ([`Store::queued_before`]): the graph is the one a single process
//! ingesting the inputs in that order writes, whatever order they were
//! enqueued in and whatever the number of workers, their speeds and their
//! failures. An input that failed
//! [`MAX_ATTEMPTS`] times (a worker died on it each time) is set aside as
//! `failed` rather than retried for ever.

use std::time::Duration;

use crate::db::{args, Db, DbResult};
use crate::ingest::IngestReport;
use crate::{now, OutputDocument, Store, StoreError};

/// How many times an input is claimed before it is set aside as failed.
pub const MAX_ATTEMPTS: i64 = 3;

/// An input a worker claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    /// What `enqueue` was given for it (a path).
    pub key: String,
    /// The name its content is read under (its extension hints the format).
    pub name: String,
    pub content: Vec<u8>,
    /// How many times it has been claimed, this time included.
    pub attempts: i64,
}

/// The queue's state, for `dossier stats` and for workers deciding whether
/// to wait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct QueueStats {
    /// Waiting for a worker.
    pub queued: i64,
    /// Claimed under a lease that has not run out.
    pub leased: i64,
    pub done: i64,
    pub failed: i64,
}

/// The database's clock in Unix seconds: leases are compared on one clock
/// whatever the workers' machines say.
fn clock(db: &Db) -> &'static str {
    db.pick(
        "unixepoch()",
        "CAST(extract(epoch FROM clock_timestamp()) AS BIGINT)",
    )
}

impl Store {
    /// Adds inputs to the queue: `(key, name, content)` each. A key already
    /// queued (or done) is left as it is; returns how many were added.
    pub fn enqueue(&mut self, items: &[(String, String, Vec<u8>)]) -> Result<usize, StoreError> {
        let tx = self.db.begin().map_err(|e| self.err(e))?;
        let queued_at = now();
        let mut added = 0;
        for (key, name, content) in items {
            added += tx
                .exec(
                    "INSERT INTO work_queue (key, name, content, queued_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (key) DO NOTHING",
                    args![key, name, content, queued_at],
                )
                .map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(added)
    }

    /// Claims up to `n` queued inputs whose lease (if any) ran out, for
    /// `lease`, in queue order (by key); with `before`, only inputs before
    /// that key (a worker whose extracted batches wait for an earlier input
    /// takes that input over when its worker died).
    pub fn claim(
        &mut self,
        worker: &str,
        n: usize,
        lease: Duration,
        before: Option<&str>,
    ) -> Result<Vec<Claimed>, StoreError> {
        let tx = self.db.begin().map_err(|e| self.err(e))?;
        let run = || -> DbResult<Vec<Claimed>> {
            let now = clock(&tx);
            // Inputs a dying worker took down too often are set aside.
            tx.exec(
                &format!(
                    "UPDATE work_queue SET state = 'failed',
                        error = 'claimed ' || attempts || ' times without finishing'
                     WHERE state = 'queued' AND attempts >= ?1 AND lease_until < {now}"
                ),
                args![MAX_ATTEMPTS],
            )?;
            let lock = tx.pick("", "FOR UPDATE SKIP LOCKED");
            let sql = format!(
                "UPDATE work_queue SET worker = ?1, lease_until = {now} + ?2,
                    attempts = attempts + 1
                 WHERE id IN (SELECT id FROM work_queue
                              WHERE state = 'queued'
                                AND (lease_until IS NULL OR lease_until < {now})
                                AND (?4 = '' OR key < ?4)
                              ORDER BY key LIMIT ?3 {lock})
                 RETURNING id, key, name, content, attempts"
            );
            let mut claimed = tx.rows(
                &sql,
                args![
                    worker,
                    lease.as_secs().max(1) as i64,
                    n as i64,
                    before.unwrap_or("")
                ],
                |r| {
                    Ok(Claimed {
                        id: r.get(0)?,
                        key: r.get(1)?,
                        name: r.get(2)?,
                        content: r.get(3)?,
                        attempts: r.get(4)?,
                    })
                },
            )?;
            claimed.sort_by(|a, b| a.key.cmp(&b.key));
            Ok(claimed)
        };
        let claimed = run().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(claimed)
    }

    /// Extends the lease on inputs this worker holds; returns how many it
    /// still held (an input whose lease ran out and went to another worker
    /// is not taken back).
    pub fn renew(&self, worker: &str, ids: &[i64], lease: Duration) -> Result<usize, StoreError> {
        let mut held = 0;
        let sql = format!(
            "UPDATE work_queue SET lease_until = {} + ?3
             WHERE id = ?1 AND worker = ?2 AND state = 'queued'",
            clock(&self.db)
        );
        for id in ids {
            held += self.q(self
                .db
                .exec(&sql, args![id, worker, lease.as_secs().max(1) as i64]))?;
        }
        Ok(held)
    }

    /// Writes a batch of documents, as [`Store::ingest`] does, and marks
    /// the inputs they came from done, in the same transaction.
    pub fn ingest_work(
        &mut self,
        docs: &[OutputDocument],
        inputs: &[i64],
    ) -> Result<IngestReport, StoreError> {
        self.ingest_with(docs, |tx| {
            let done_at = now();
            for id in inputs {
                tx.exec(
                    "UPDATE work_queue SET state = 'done', done_at = ?2, content = ?3
                     WHERE id = ?1",
                    args![id, done_at, Vec::<u8>::new()],
                )?;
            }
            Ok(())
        })
    }

    /// How many inputs before the one keyed `key` (in queue order) are not
    /// done yet: a worker commits a batch only when none is, so that the
    /// graph is written in queue order whatever the workers' speeds.
    pub fn queued_before(&self, key: &str) -> Result<i64, StoreError> {
        self.q(self.db.one(
            "SELECT count(*) FROM work_queue WHERE state = 'queued' AND key < ?1",
            args![key],
        ))
    }

    /// Counts of the queue's inputs by state.
    pub fn queue_stats(&self) -> Result<QueueStats, StoreError> {
        let sql = format!(
            "SELECT
                CAST(sum(CASE WHEN state = 'queued' AND (lease_until IS NULL OR lease_until < {now})
                         THEN 1 ELSE 0 END) AS BIGINT),
                CAST(sum(CASE WHEN state = 'queued' AND lease_until >= {now}
                         THEN 1 ELSE 0 END) AS BIGINT),
                CAST(sum(CASE WHEN state = 'done' THEN 1 ELSE 0 END) AS BIGINT),
                CAST(sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS BIGINT)
             FROM work_queue",
            now = clock(&self.db)
        );
        self.q(self.db.row(&sql, args![], |r| {
            Ok(QueueStats {
                queued: r.get::<Option<i64>>(0)?.unwrap_or(0),
                leased: r.get::<Option<i64>>(1)?.unwrap_or(0),
                done: r.get::<Option<i64>>(2)?.unwrap_or(0),
                failed: r.get::<Option<i64>>(3)?.unwrap_or(0),
            })
        }))
    }
}
