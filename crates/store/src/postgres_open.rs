//! Opening a PostgreSQL store: connecting, telling a dossier database from
//! another program's, and migrating it under the writers' advisory lock, so
//! that many workers starting at once apply each migration once.
//!
//! What SQLite keeps in PRAGMAs (`application_id`, `user_version`) lives in
//! the table `dossier_meta (key, value)`.

use std::path::{Path, PathBuf};

use crate::db::{args, Db};
use crate::migrations::{self, SCHEMA_VERSION};
use crate::{write_error, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Write,
    Read,
}

/// The application marker in `dossier_meta`.
const APPLICATION: &str = "dossier";

pub(crate) fn open(url: &Path, mode: Mode) -> Result<Store, StoreError> {
    let path: PathBuf = url.to_path_buf();
    let text = url.to_str().unwrap_or_default();
    let client = postgres::Client::connect(text, postgres::NoTls)
        .map_err(|source| crate::postgres_error(&path, source))?;
    let store = Store {
        db: Db::postgres(client),
        path,
    };
    let err = |s: &Store, e| write_error(&s.path, e);
    // Several statements per document with the same shape: a session-wide
    // setting keeps the planner from re-planning them as generic ones too
    // late; and no statement may wait for ever on another worker's lock.
    store
        .db
        .batch("SET lock_timeout = '120s'; SET client_min_messages = warning")
        .map_err(|e| err(&store, e))?;
    check_kind(&store)?;
    if mode == Mode::Write {
        migrate(&store)?;
    } else {
        let version = version(&store)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: store.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            return Err(StoreError::NeedsMigration {
                path: store.path.clone(),
                found: version,
            });
        }
        store
            .db
            .batch("SET default_transaction_read_only = on")
            .map_err(|e| err(&store, e))?;
    }
    Ok(store)
}

/// Refuses a database that holds another program's tables; an empty one
/// becomes a store.
fn check_kind(store: &Store) -> Result<(), StoreError> {
    let err = |e| write_error(&store.path, e);
    let has_meta: bool = store
        .db
        .one("SELECT to_regclass('dossier_meta') IS NOT NULL", args![])
        .map_err(err)?;
    if has_meta {
        let app: Option<String> = store
            .db
            .opt(
                "SELECT value FROM dossier_meta WHERE key = 'application'",
                args![],
                |r| r.get(0),
            )
            .map_err(err)?;
        return match app.as_deref() {
            Some(APPLICATION) | None => Ok(()),
            Some(other) => Err(StoreError::NotAStore {
                path: store.path.clone(),
                why: format!("its dossier_meta names the application {other:?}"),
            }),
        };
    }
    let tables: i64 = store
        .db
        .one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
            args![],
        )
        .map_err(err)?;
    if tables > 0 {
        return Err(StoreError::NotAStore {
            path: store.path.clone(),
            why: format!("a PostgreSQL schema of another program ({tables} tables)"),
        });
    }
    Ok(())
}

/// The schema version in `dossier_meta` (0 for a new database).
pub(crate) fn version(store: &Store) -> Result<i64, StoreError> {
    let err = |e| write_error(&store.path, e);
    let has_meta: bool = store
        .db
        .one("SELECT to_regclass('dossier_meta') IS NOT NULL", args![])
        .map_err(err)?;
    if !has_meta {
        return Ok(0);
    }
    let v: Option<String> = store
        .db
        .opt(
            "SELECT value FROM dossier_meta WHERE key = 'schema_version'",
            args![],
            |r| r.get(0),
        )
        .map_err(err)?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Applies the missing migrations, one transaction each, under the
/// writers' lock.
fn migrate(store: &Store) -> Result<(), StoreError> {
    loop {
        let tx = store
            .db
            .begin_write()
            .map_err(|e| write_error(&store.path, e))?;
        tx.batch(
            "CREATE TABLE IF NOT EXISTS dossier_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        )
        .map_err(|e| write_error(&store.path, e))?;
        let version = version(store)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: store.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == SCHEMA_VERSION {
            tx.commit().map_err(|e| write_error(&store.path, e))?;
            return Ok(());
        }
        let run = || -> Result<(), crate::db::DbError> {
            tx.batch(migrations::POSTGRES[version as usize])?;
            tx.exec(
                "INSERT INTO dossier_meta (key, value) VALUES ('application', ?1),
                    ('schema_version', ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                args![APPLICATION, (version + 1).to_string()],
            )?;
            Ok(())
        };
        run().map_err(|e| write_error(&store.path, e))?;
        tx.commit().map_err(|e| write_error(&store.path, e))?;
    }
}

/// The size of the database, for `stats`.
pub(crate) fn database_bytes(db: &Db) -> Result<i64, crate::db::DbError> {
    db.one("SELECT pg_database_size(current_database())", args![])
}

/// A fresh, empty PostgreSQL database for a test, named `dossier_test_<name>`
/// on the server `$DOSSIER_TEST_PG` (a connection URL) points at; its URL.
///
/// Without `$DOSSIER_TEST_PG` the caller skips: `None`, after a message
/// saying how to run it. Under CI (`CI=true`) a missing PostgreSQL is a
/// failure, never a silent pass.
#[doc(hidden)]
pub fn test_database(name: &str) -> Option<String> {
    let Ok(server) = std::env::var("DOSSIER_TEST_PG") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but DOSSIER_TEST_PG is not set: the PostgreSQL tests must run in CI (.ci/run starts a cluster)"
        );
        eprintln!(
            "skipped {name}: set DOSSIER_TEST_PG=postgres://user@host:port/db to run the PostgreSQL tests"
        );
        return None;
    };
    let db = format!("dossier_test_{name}");
    let mut client = postgres::Client::connect(&server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("DOSSIER_TEST_PG={server}: cannot connect: {e}"));
    for sql in [
        format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        format!("CREATE DATABASE {db}"),
    ] {
        client
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("cannot make the test database {db}: {e:?}"));
    }
    Some(with_database(&server, &db))
}

/// The URL `url` with its database replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    format!("{}/{db}{query}", &base[..host_end])
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_test_database_replaces_the_url_database() {
        assert_eq!(
            super::with_database("postgres://u@h:5/postgres?sslmode=disable", "t"),
            "postgres://u@h:5/t?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "t"),
            "postgres://u@h/t"
        );
    }
}
