//! The corpus graph: many articles' extractions in one store, with actors
//! that hold across articles, events told once with all their sources,
//! relations with their history and claims with their speakers, every fact
//! traced to the article, sentence and character span that supports it.
//!
//! The store is an embedded SQLite file by default (WAL mode, one transaction
//! per batch), or a PostgreSQL database shared by many ingest workers when
//! `--db` is a `postgres://` URL; both run the same statements through one
//! connection layer (`db`). Callers never write SQL: they hand [`Store::ingest`] the
//! [`OutputDocument`]s that `dossier extract` writes, and read through the
//! methods here.
//!
//! ```
//! use dossier_store::Store;
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("graph.db")).unwrap();
//! let doc: dossier_schema::OutputDocument = serde_json::from_str(r#"{
//!   "schema":"dossier.v1","id":"a1","date":"2024-03-06","title":null,"url":null,
//!   "source":null,"language":null,"text":"TTP claimed the attack.",
//!   "sentences":[{"start":0,"end":23}],
//!   "entities":[{"id":"E0","name":"Tehrik-i-Taliban Pakistan","type":"ORG",
//!     "kb_id":"dossier:ttp","aliases":["TTP"],"titles":[],"geo":null,
//!     "mentions":[{"start":0,"end":3,"text":"TTP","kind":"acronym"}],"confidence":0.9}],
//!   "times":[],"relations":[],"events":[],"claims":[],"diagnostics":[]}"#).unwrap();
//! let report = store.ingest(&[doc]).unwrap();
//! assert_eq!(report.added, 1);
//! assert_eq!(store.stats().unwrap().actors, 1);
//! ```
//!
//! Identity rules (the invariants `ARCHITECTURE.md` lists):
//! - An article is its URL, or without one its normalised text; the same
//!   article ingested again changes nothing, and a changed text under the
//!   same URL replaces the old version's facts.
//! - A near-duplicate (wire copy with a new headline, trimmed or reordered
//!   paragraphs) is kept as an extra source of the first article, without
//!   facts of its own, so nothing is counted twice.
//! - A document entity links to one global actor: by KB id when it has one
//!   (two KB ids never merge), otherwise by type and name or a learnt alias;
//!   a person only by a full name; a name two actors answer to stays
//!   unlinked. Actor ids never change: a KB id, or `x:<type>:<name>` of the
//!   name that created it; a merge leaves a redirect.
//! - An event is stored once per root, source, target, place and modality
//!   within a day; its mentions keep every article that told it.

mod actors;
mod db;
mod ingest;
mod migrations;
mod near_dup;
mod postgres_open;
mod query_reads;
mod queue;
mod read;
pub mod rows;
mod web_reads;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use db::{Db, DbError};

pub use actors::Curation;
pub use db::Backend;
pub use dossier_schema::OutputDocument;
pub use ingest::{ArticleIdentity, IngestReport, COMMIT_ARTICLES};
pub use migrations::SCHEMA_VERSION;
pub use query_reads::{
    ActorNode, ActorRef, ArticleHit, ClaimQuery, ClaimRow, DayRootCount, Edge, EdgeKind, EdgeQuery,
    EventQuery, EventRow, Evidence, Near, PlaceCount, RelationRow, RoleCount,
};
pub use queue::{Claimed, QueueStats};
pub use read::{
    ActorCount, ActorSummary, Dump, EventSummary, Judgement, RelationSummary, SearchHit, Stats,
};
// The exports' row types live under `rows::` (their names would clash with
// the query reads'); the filter is used by both faces.
#[doc(hidden)]
pub use postgres_open::test_database;
pub use rows::RowFilter;
pub use web_reads::{ArticleView, CharSpan, ClaimSpan, EntitySpan, TimeSpan, TriggerSpan};

/// Errors of the store. Each names the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: is not a dossier store ({why}); give another file with --db")]
    NotAStore { path: PathBuf, why: String },
    #[error("{path}: was written by a newer dossier (schema version {found}; this build reads up to {supported}); use a newer dossier")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: the store is at schema version {found} and must be migrated before it is read; open it for writing once (`dossier stats` does so)")]
    NeedsMigration { path: PathBuf, found: i64 },
    #[error("{path}: no store here; run `dossier ingest --db {path}` to make one")]
    Missing { path: PathBuf },
    #[error("{path}: cannot write: the file or its folder is read-only; give a writable --db")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the disk is full; nothing of this batch was written (articles already stored stay); free some space and run again")]
    DiskFull { path: PathBuf },
    #[error("{path}: another dossier process is writing to this store and did not finish within {seconds} s ({message}); try again when it is done")]
    Busy {
        path: PathBuf,
        seconds: u64,
        message: String,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {message}")]
    Postgres {
        path: PathBuf,
        /// The server's message (the client's own says only "db error").
        message: String,
        #[source]
        source: postgres::Error,
    },
    #[error("{path}: {message}")]
    Value { path: PathBuf, message: String },
    #[error("{0}")]
    Invalid(String),
}

/// How long a writer waits for another process's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// Pages (4 KiB each) a bulk writer's write-ahead log holds before SQLite
/// copies it into the store file: 65,536, 256 MiB, several batches.
pub const BULK_WAL_PAGES: i64 = 65_536;

/// A corpus graph store.
pub struct Store {
    db: Db,
    path: PathBuf,
}

/// Whether a `--db` value names a PostgreSQL database
/// (`postgres://user@host/db` or `postgresql://…`) rather than a file.
pub fn is_postgres_url(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating it when it
    /// does not exist and migrating it when it is older than this build.
    /// A `postgres://` URL opens that database instead of a file.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if is_postgres_url(path) {
            return postgres_open::open(path, postgres_open::Mode::Write);
        }
        let exists = path.exists();
        if exists {
            let meta = std::fs::metadata(path).map_err(|e| StoreError::NotAStore {
                path: path.to_path_buf(),
                why: e.to_string(),
            })?;
            if meta.permissions().readonly() {
                return Err(StoreError::ReadOnly {
                    path: path.to_path_buf(),
                });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let mut store = Store {
            db: Db::Sqlite(conn),
            path: path.to_path_buf(),
        };
        store.configure(true)?;
        store.check_kind()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for reading only: commands that only read
    /// (`stats`, the queries) never change the file.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if is_postgres_url(path) {
            return postgres_open::open(path, postgres_open::Mode::Read);
        }
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let store = Store {
            db: Db::Sqlite(conn),
            path: path.to_path_buf(),
        };
        store.configure(false)?;
        store.check_kind()?;
        let version = store.version()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            return Err(StoreError::NeedsMigration {
                path: path.to_path_buf(),
                found: version,
            });
        }
        Ok(store)
    }

    /// Opens a store for reading, migrating it first when it was written by
    /// an older dossier (the one write a reading command makes).
    pub fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
        match Store::open_read_only(path) {
            Err(StoreError::NeedsMigration { .. }) => {
                drop(Store::open(path)?);
                Store::open_read_only(path)
            }
            other => other,
        }
    }

    /// Sets this connection's page cache to `mib` MiB (SQLite; PostgreSQL
    /// keeps its own buffers, so there it does nothing). A server holding
    /// several read connections uses a small one each, so its memory is
    /// bounded early and stays flat under load: the operating system's
    /// file cache still holds the pages.
    pub fn set_page_cache_mib(&self, mib: u32) -> Result<(), StoreError> {
        match &self.db {
            Db::Sqlite(conn) => conn
                .pragma_update(None, "cache_size", -(i64::from(mib) * 1024))
                .map_err(|e| self.sqlite_err(e)),
            Db::Postgres(_) => Ok(()),
        }
    }

    /// Readies this connection for a bulk writer (`ingest`, `load`): a page
    /// cache of `cache_mib` MiB, and on SQLite a write-ahead log that grows
    /// to [`BULK_WAL_PAGES`] pages before it is copied into the store file.
    /// SQLite's default copies it after every commit of more than 1,000
    /// pages, which for batches of a thousand articles is every commit, and
    /// rewrites each hot index page once a batch: at 125,000 articles that
    /// copying was a fifth of the writer's time. Committed batches are as
    /// safe in the log as in the file.
    pub fn prepare_bulk_writes(&self, cache_mib: u32) -> Result<(), StoreError> {
        self.set_page_cache_mib(cache_mib)?;
        match &self.db {
            Db::Sqlite(conn) => conn
                .pragma_update(None, "wal_autocheckpoint", BULK_WAL_PAGES)
                .map_err(|e| self.sqlite_err(e)),
            Db::Postgres(_) => Ok(()),
        }
    }

    /// A number that changes whenever a commit by another connection (or
    /// another process) may have changed the store, as this connection sees
    /// it: a reader compares two marks to know whether what it computed
    /// from the store may be stale. SQLite gives `PRAGMA data_version`
    /// (commits by this connection itself do not move it); PostgreSQL the
    /// position of its write-ahead log, which moves with any write to the
    /// cluster, so it errs towards "changed".
    pub fn change_mark(&self) -> Result<i64, StoreError> {
        match &self.db {
            Db::Sqlite(conn) => conn
                .pragma_query_value(None, "data_version", |r| r.get(0))
                .map_err(|e| self.sqlite_err(e)),
            Db::Postgres(_) => self
                .db
                .one(
                    "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() \
                     ELSE pg_current_wal_lsn() END - '0/0'::pg_lsn)::bigint",
                    &[],
                )
                .map_err(|e| self.err(e)),
        }
    }

    /// The file this store lives in (or the PostgreSQL URL it was opened
    /// with).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which engine holds this store.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// The SQLite connection; the PostgreSQL store has its own paths for
    /// the few things SQLite keeps in PRAGMAs.
    fn sqlite(&self) -> &Connection {
        match &self.db {
            Db::Sqlite(c) => c,
            Db::Postgres(_) => unreachable!("an SQLite-only path reached on PostgreSQL"),
        }
    }

    fn configure(&self, write: bool) -> Result<(), StoreError> {
        let conn = self.sqlite();
        // Ingest runs some fifty distinct statements per document: all of
        // them stay prepared.
        conn.set_prepared_statement_cache_capacity(128);
        // The query planner's stability guarantee: a plan never depends on
        // the values bound. Without it SQLite marks a statement whose plan
        // might (an equality on a column the index leaves as a filter, as
        // in the event lookup) to be prepared again after its parameters
        // are cleared, which rusqlite does each time a cached statement is
        // put back: ingest then parsed and planned such statements once per
        // use. The store gathers no statistics (no ANALYZE), so the values
        // only ever nudged the planner's guesses.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(|e| self.sqlite_err(e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.sqlite_err(e))?;
        if write {
            // WAL lets readers go on while one writer commits; NORMAL
            // syncing keeps every committed batch across a killed process.
            // The mode is kept in the file, so only a new store switches,
            // and two processes that create one at once take turns.
            let start = std::time::Instant::now();
            loop {
                let mode: String = conn
                    .pragma_query_value(None, "journal_mode", |r| r.get(0))
                    .map_err(|e| open_error(&self.path, e))?;
                if mode.eq_ignore_ascii_case("wal") {
                    break;
                }
                match conn.pragma_update(None, "journal_mode", "WAL") {
                    Ok(()) => {}
                    Err(e)
                        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                            && start.elapsed() < BUSY_TIMEOUT =>
                    {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    Err(e) => return Err(open_error(&self.path, e)),
                }
            }
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| self.sqlite_err(e))?;
        }
        // A 64 MiB page cache (SQLite's default is 2 MiB): the indexes an
        // ingest probes for every entity and event stay in memory as the
        // store grows, instead of being read again from the file.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(|e| self.sqlite_err(e))?;
        // Statement journals in memory: inside a batch's transaction every
        // upsert and every insert under a trigger keeps a copy of the pages
        // it changes, which SQLite otherwise writes to a temporary file.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(|e| self.sqlite_err(e))?;
        conn.pragma_update(None, "foreign_keys", "OFF")
            .map_err(|e| self.sqlite_err(e))?;
        Ok(())
    }

    fn version(&self) -> Result<i64, StoreError> {
        match &self.db {
            Db::Sqlite(conn) => conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(|e| open_error(&self.path, e)),
            Db::Postgres(_) => postgres_open::version(self),
        }
    }

    /// Refuses files that are not dossier stores: another program's SQLite
    /// database, or a file that is no database at all.
    fn check_kind(&self) -> Result<(), StoreError> {
        let app: i32 = self
            .sqlite()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| open_error(&self.path, e))?;
        if app == migrations::APPLICATION_ID {
            return Ok(());
        }
        let tables: i64 = self
            .sqlite()
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| open_error(&self.path, e))?;
        if app != 0 || tables > 0 {
            return Err(StoreError::NotAStore {
                path: self.path.clone(),
                why: format!("an SQLite database of another program (application id {app:#x}, {tables} schema objects)"),
            });
        }
        Ok(())
    }

    /// Brings the schema to [`SCHEMA_VERSION`], one migration per
    /// transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let Db::Sqlite(conn) = &mut self.db else {
            unreachable!("PostgreSQL migrates in postgres_open")
        };
        loop {
            // The version is read again inside each write transaction, so
            // two processes opening a new or old store at once apply each
            // migration once.
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| sqlite_error(&path, e))?;
            let version: i64 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(|e| open_error(&path, e))?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path,
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            if version == SCHEMA_VERSION {
                tx.commit().map_err(|e| sqlite_error(&path, e))?;
                return Ok(());
            }
            let sql = migrations::SQLITE[version as usize];
            tx.execute_batch(sql).map_err(|e| sqlite_error(&path, e))?;
            tx.pragma_update(None, "application_id", migrations::APPLICATION_ID)
                .map_err(|e| sqlite_error(&path, e))?;
            tx.pragma_update(None, "user_version", version + 1)
                .map_err(|e| sqlite_error(&path, e))?;
            tx.commit().map_err(|e| sqlite_error(&path, e))?;
        }
    }

    /// Limits the file to this many pages (SQLite's `max_page_count`), so
    /// that tests can run into a full disk without filling one.
    #[doc(hidden)]
    pub fn set_max_pages(&self, pages: u64) -> Result<(), StoreError> {
        self.sqlite()
            .pragma_update(None, "max_page_count", pages as i64)
            .map_err(|e| self.sqlite_err(e))
    }

    fn sqlite_err(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, e)
    }

    fn err(&self, e: DbError) -> StoreError {
        write_error(&self.path, e)
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotAStore {
            path: path.to_path_buf(),
            why: "not an SQLite database".into(),
        },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) if path_read_only(path) => {
            StoreError::ReadOnly {
                path: path.to_path_buf(),
            }
        }
        _ => sqlite_error(path, e),
    }
}

fn path_read_only(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    [path, dir].iter().any(|p| {
        std::fs::metadata(p)
            .map(|m| m.permissions().readonly())
            .unwrap_or(false)
    })
}

/// A backend error as the store reports it, naming the store.
fn write_error(path: &Path, e: DbError) -> StoreError {
    match e {
        DbError::Sqlite(e) => sqlite_error(path, e),
        DbError::Postgres(source) => postgres_error(path, source),
        DbError::Type(message) => StoreError::Value {
            path: path.to_path_buf(),
            message,
        },
        DbError::NoRows => StoreError::Value {
            path: path.to_path_buf(),
            message: "a row the store expected is missing".into(),
        },
    }
}

pub(crate) fn postgres_error(path: &Path, source: postgres::Error) -> StoreError {
    let message = match source.as_db_error() {
        Some(db) => {
            let mut m = format!("{}: {}", db.severity(), db.message());
            if let Some(d) = db.detail() {
                m.push_str(&format!(" ({d})"));
            }
            if let Some(h) = db.hint() {
                m.push_str(&format!("; {h}"));
            }
            m
        }
        None => {
            let mut m = source.to_string();
            let mut cause = std::error::Error::source(&source);
            while let Some(c) = cause {
                m.push_str(&format!(": {c}"));
                cause = c.source();
            }
            m
        }
    };
    StoreError::Postgres {
        path: path.to_path_buf(),
        message,
        source,
    }
}

fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => StoreError::DiskFull {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy {
            path: path.to_path_buf(),
            seconds: BUSY_TIMEOUT.as_secs(),
            message: e.to_string(),
        },
        Some(ErrorCode::NotADatabase) => StoreError::NotAStore {
            path: path.to_path_buf(),
            why: "not an SQLite database".into(),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// The time now, as the store writes it (RFC 3339, UTC, seconds).
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}
