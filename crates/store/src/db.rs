//! One connection layer over the two backends, so that every statement of
//! the store is written once: SQLite (`rusqlite`) for one machine and
//! PostgreSQL (`postgres`) for a shared deployment.
//!
//! Statements are written with numbered placeholders (`?1`, `?2`) in the
//! SQL both engines accept (`ON CONFLICT … DO UPDATE`, `RETURNING`,
//! `IS NOT DISTINCT FROM`); for PostgreSQL they are rewritten to `$1` once
//! and kept prepared. The few places where the dialects must differ (full
//! text, JSON functions, string aggregation) choose their text with
//! [`Db::pick`]. Parameters are [`Arg`]s (borrowed where they can be) and
//! rows are read through [`Row::get`] into plain Rust values, whatever the
//! backend's column types.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use postgres::types::{IsNull, ToSql, Type};

/// An error of either backend, or a value of a type the store does not read.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgres(#[from] postgres::Error),
    #[error("{0}")]
    Type(String),
    #[error("the query returned no rows")]
    NoRows,
}

pub(crate) type DbResult<T> = Result<T, DbError>;

/// `row(…).optional()`: no row is `None` rather than an error.
pub(crate) trait OptionalExt<T> {
    fn optional(self) -> DbResult<Option<T>>;
}

impl<T> OptionalExt<T> for DbResult<T> {
    fn optional(self) -> DbResult<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(DbError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A bound parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(Cow<'a, str>),
    Blob(Cow<'a, [u8]>),
}

/// A Rust value as a parameter.
pub trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(Cow::Borrowed(self))
    }
}
impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(Cow::Borrowed(self))
    }
}
impl ToArg for [u8] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Blob(Cow::Borrowed(self))
    }
}
impl ToArg for Vec<u8> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Blob(Cow::Borrowed(self))
    }
}
impl ToArg for f64 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Real(*self)
    }
}
impl ToArg for bool {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(i64::from(*self))
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg<'_> {
                Arg::Int(*self as i64)
            }
        }
    )*};
}
int_arg!(i64, i32, i16, u8, u16, u32, u64, usize);
impl<T: ToArg> ToArg for Option<T> {
    fn to_arg(&self) -> Arg<'_> {
        match self {
            Some(v) => v.to_arg(),
            None => Arg::Null,
        }
    }
}
impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
}
impl ToArg for Arg<'_> {
    fn to_arg(&self) -> Arg<'_> {
        match self {
            Arg::Text(s) => Arg::Text(Cow::Borrowed(s)),
            Arg::Blob(b) => Arg::Blob(Cow::Borrowed(b)),
            Arg::Null => Arg::Null,
            Arg::Int(n) => Arg::Int(*n),
            Arg::Real(f) => Arg::Real(*f),
        }
    }
}

/// The parameters of a statement: `args![a, b]` borrows each value, as
/// `rusqlite::params!` does.
macro_rules! args {
    () => { &[] as &[$crate::db::Arg] };
    ($($x:expr),+ $(,)?) => {
        &[$($crate::db::ToArg::to_arg(&$x)),+] as &[$crate::db::Arg]
    };
}
pub(crate) use args;

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Arg::Null => ValueRef::Null,
            Arg::Int(n) => ValueRef::Integer(*n),
            Arg::Real(f) => ValueRef::Real(*f),
            Arg::Text(s) => ValueRef::Text(s.as_bytes()),
            Arg::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

/// PostgreSQL types parameters, so each value is written as the type the
/// server inferred for its place (an integer as `int4` in `substr`, as
/// `int8` against a `bigint` column).
impl ToSql for Arg<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let mismatch = || -> Box<dyn std::error::Error + Sync + Send> {
            format!("cannot write {self:?} as {ty}").into()
        };
        match self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(n) => match *ty {
                Type::INT8 => n.to_sql(ty, out),
                Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
                Type::FLOAT8 => (*n as f64).to_sql(ty, out),
                Type::FLOAT4 => (*n as f32).to_sql(ty, out),
                Type::BOOL => (*n != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Arg::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Arg::Text(s) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    s.as_ref().to_sql(ty, out)
                }
                _ => Err(mismatch()),
            },
            Arg::Blob(b) => match *ty {
                Type::BYTEA => b.as_ref().to_sql(ty, out),
                _ => Err(mismatch()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A column value as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A Rust value read from a column.
pub trait FromVal: Sized {
    fn from_val(v: Val<'_>) -> DbResult<Self>;
}

fn wrong(v: Val<'_>, want: &str) -> DbError {
    DbError::Type(format!("read {v:?} where {want} was expected"))
}

impl FromVal for i64 {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        match v {
            Val::Int(n) => Ok(n),
            _ => Err(wrong(v, "an integer")),
        }
    }
}
impl FromVal for i32 {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        i32::try_from(i64::from_val(v)?).map_err(|_| wrong(v, "a 32-bit integer"))
    }
}
impl FromVal for f64 {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        match v {
            Val::Real(f) => Ok(f),
            Val::Int(n) => Ok(n as f64),
            _ => Err(wrong(v, "a number")),
        }
    }
}
impl FromVal for bool {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        Ok(i64::from_val(v)? != 0)
    }
}
impl FromVal for String {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        match v {
            Val::Text(s) => Ok(s.to_string()),
            _ => Err(wrong(v, "text")),
        }
    }
}
impl FromVal for Vec<u8> {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        match v {
            Val::Blob(b) => Ok(b.to_vec()),
            _ => Err(wrong(v, "bytes")),
        }
    }
}
impl<T: FromVal> FromVal for Option<T> {
    fn from_val(v: Val<'_>) -> DbResult<Self> {
        match v {
            Val::Null => Ok(None),
            v => T::from_val(v).map(Some),
        }
    }
}

/// A row of either backend.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// Column `i` as it is stored.
    pub fn val(&self, i: usize) -> DbResult<Val<'_>> {
        match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef;
                Ok(match r.get_ref(i)? {
                    ValueRef::Null => Val::Null,
                    ValueRef::Integer(n) => Val::Int(n),
                    ValueRef::Real(f) => Val::Real(f),
                    ValueRef::Text(t) => {
                        Val::Text(std::str::from_utf8(t).map_err(|e| DbError::Type(e.to_string()))?)
                    }
                    ValueRef::Blob(b) => Val::Blob(b),
                })
            }
            Row::Postgres(r) => pg_val(r, i),
        }
    }

    /// Column `i` as a Rust value.
    pub fn get<T: FromVal>(&self, i: usize) -> DbResult<T> {
        T::from_val(self.val(i)?)
    }
}

fn pg_val(r: &postgres::Row, i: usize) -> DbResult<Val<'_>> {
    let ty = r
        .columns()
        .get(i)
        .ok_or_else(|| DbError::Type(format!("no column {i}")))?
        .type_()
        .clone();
    let v = match ty {
        Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Val::Int),
        Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map(|n| Val::Int(n.into())),
        Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map(|n| Val::Int(n.into())),
        Type::BOOL => r.try_get::<_, Option<bool>>(i)?.map(|b| Val::Int(b.into())),
        Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Val::Real),
        Type::FLOAT4 => r.try_get::<_, Option<f32>>(i)?.map(|f| Val::Real(f.into())),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => {
            r.try_get::<_, Option<&str>>(i)?.map(Val::Text)
        }
        Type::BYTEA => r.try_get::<_, Option<&[u8]>>(i)?.map(Val::Blob),
        other => {
            return Err(DbError::Type(format!(
                "column {i} is of type {other}, which the store does not read; cast it in the query"
            )))
        }
    };
    Ok(v.unwrap_or(Val::Null))
}

/// Which engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A PostgreSQL session with its prepared statements.
pub(crate) struct Pg {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    /// Open export cursors (an export's callback may read through another).
    cursors: Cell<u32>,
    /// Whether a transaction block is open.
    in_tx: Cell<bool>,
}

/// A connection to either backend. Methods take `&self`, so that the
/// store's functions pass one connection around (the PostgreSQL client sits
/// in a `RefCell`, borrowed for one call at a time).
pub(crate) enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Pg>),
}

/// How many rows an export reads from a PostgreSQL cursor at a time.
const FETCH: usize = 512;

impl Db {
    pub fn postgres(client: postgres::Client) -> Db {
        Db::Postgres(Box::new(Pg {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            cursors: Cell::new(0),
            in_tx: Cell::new(false),
        }))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.backend() == Backend::Postgres
    }

    /// The SQLite or the PostgreSQL text of a statement whose dialects
    /// differ.
    pub fn pick<'s>(&self, sqlite: &'s str, postgres: &'s str) -> &'s str {
        match self {
            Db::Sqlite(_) => sqlite,
            Db::Postgres(_) => postgres,
        }
    }

    /// SQL for the text of sentence `index` (an SQL expression) of an
    /// article, by the character span its `sentences` JSON gives (both
    /// engines' `substr` count characters).
    pub fn sentence_sql(&self, text: &str, sentences: &str, index: &str) -> String {
        let (start, end) = match self {
            Db::Sqlite(_) => (
                format!("json_extract({sentences}, '$[' || {index} || '].start')"),
                format!("json_extract({sentences}, '$[' || {index} || '].end')"),
            ),
            Db::Postgres(_) => (
                format!(
                    "((({sentences})::jsonb -> CAST({index} AS INTEGER)) ->> 'start')::integer"
                ),
                format!("((({sentences})::jsonb -> CAST({index} AS INTEGER)) ->> 'end')::integer"),
            ),
        };
        format!("substr({text}, {start} + 1, {end} - {start})")
    }

    /// SQL for a field of a JSON object stored as text, as text.
    pub fn json_field_sql(&self, column: &str, field: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("json_extract({column}, '$.{field}')"),
            Db::Postgres(_) => format!("(({column})::jsonb ->> '{field}')"),
        }
    }

    /// Runs statements without parameters and without results.
    pub fn batch(&self, sql: &str) -> DbResult<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg.client.borrow_mut().batch_execute(sql)?),
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn exec(&self, sql: &str, args: &[Arg]) -> DbResult<usize> {
        match self {
            Db::Sqlite(c) => Ok(c
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(args.iter()))?),
            Db::Postgres(pg) => {
                let st = pg.statement(sql)?;
                let refs = pg_args(args);
                Ok(pg.client.borrow_mut().execute(&st, &refs)? as usize)
            }
        }
    }

    /// Every row of a query, each mapped by `f`.
    pub fn rows<T>(
        &self,
        sql: &str,
        args: &[Arg],
        mut f: impl FnMut(&Row) -> DbResult<T>,
    ) -> DbResult<Vec<T>> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r))?);
                }
                Ok(out)
            }
            Db::Postgres(pg) => {
                let st = pg.statement(sql)?;
                let refs = pg_args(args);
                let rows = pg.client.borrow_mut().query(&st, &refs)?;
                rows.iter().map(|r| f(&Row::Postgres(r))).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub fn opt<T>(
        &self,
        sql: &str,
        args: &[Arg],
        f: impl FnOnce(&Row) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(args.iter()))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)).map(Some),
                    None => Ok(None),
                }
            }
            Db::Postgres(pg) => {
                let st = pg.statement(sql)?;
                let refs = pg_args(args);
                let row = pg.client.borrow_mut().query_opt(&st, &refs)?;
                row.as_ref().map(|r| f(&Row::Postgres(r))).transpose()
            }
        }
    }

    /// The first row of a query, which must have one.
    pub fn row<T>(
        &self,
        sql: &str,
        args: &[Arg],
        f: impl FnOnce(&Row) -> DbResult<T>,
    ) -> DbResult<T> {
        self.opt(sql, args, f)?.ok_or(DbError::NoRows)
    }

    /// The first column of the first row.
    pub fn one<T: FromVal>(&self, sql: &str, args: &[Arg]) -> DbResult<T> {
        self.row(sql, args, |r| r.get(0))
    }

    /// Hands every row of a query to `f` as it is read, so that memory stays
    /// flat whatever the number of rows; `f` may run other statements on
    /// this connection. PostgreSQL reads through a cursor, inside the
    /// current transaction or a read-only one of its own.
    pub fn each<E: From<DbError>>(
        &self,
        sql: &str,
        args: &[Arg],
        mut f: impl FnMut(&Row) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare(sql).map_err(DbError::from)?;
                let mut rows = st
                    .query(rusqlite::params_from_iter(args.iter()))
                    .map_err(DbError::from)?;
                while let Some(r) = rows.next().map_err(DbError::from)? {
                    f(&Row::Sqlite(r))?;
                }
                Ok(())
            }
            Db::Postgres(pg) => {
                let own_tx = !pg.in_tx.get();
                if own_tx {
                    self.batch("BEGIN READ ONLY")?;
                    pg.in_tx.set(true);
                }
                let depth = pg.cursors.get() + 1;
                pg.cursors.set(depth);
                let name = format!("dossier_cursor_{depth}");
                let result = (|| -> Result<(), E> {
                    // A cursor's declaration does not type its parameters:
                    // they take the types the query alone has.
                    let types = pg.statement(sql)?.params().to_vec();
                    let declare = pg.statement_typed(
                        &format!("DECLARE {name} NO SCROLL CURSOR FOR {sql}"),
                        &types,
                    )?;
                    pg.client
                        .borrow_mut()
                        .execute(&declare, &pg_args(args))
                        .map_err(DbError::from)?;
                    let fetch = format!("FETCH {FETCH} FROM {name}");
                    loop {
                        let rows = pg
                            .client
                            .borrow_mut()
                            .query(fetch.as_str(), &[])
                            .map_err(DbError::from)?;
                        for r in &rows {
                            f(&Row::Postgres(r))?;
                        }
                        if rows.len() < FETCH {
                            break;
                        }
                    }
                    self.batch(&format!("CLOSE {name}"))?;
                    Ok(())
                })();
                pg.cursors.set(depth - 1);
                if result.is_err() && !own_tx {
                    // The caller's transaction goes on: the cursor must not
                    // stay open under a name the next read takes.
                    let _ = self.batch(&format!("CLOSE {name}"));
                }
                if own_tx {
                    pg.in_tx.set(false);
                    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
                    self.batch(end)?;
                }
                result
            }
        }
    }

    /// Starts a write transaction: SQLite takes the write lock at once
    /// (`BEGIN IMMEDIATE`); PostgreSQL writers take the store's advisory
    /// lock, so that batches from many workers commit one after another
    /// while the workers extract in parallel.
    pub fn begin_write(&self) -> DbResult<Tx<'_>> {
        match self {
            Db::Sqlite(_) => self.batch("BEGIN IMMEDIATE")?,
            Db::Postgres(_) => {
                self.batch("BEGIN")?;
                self.set_in_tx(true);
                let locked = self.exec("SELECT pg_advisory_xact_lock(?1)", args![WRITE_LOCK]);
                if let Err(e) = locked {
                    let _ = self.batch("ROLLBACK");
                    self.set_in_tx(false);
                    return Err(e);
                }
            }
        }
        Ok(Tx {
            db: self,
            done: false,
        })
    }

    /// Starts a transaction that takes no lock of the store's own (the work
    /// queue's claims).
    pub fn begin(&self) -> DbResult<Tx<'_>> {
        self.batch(match self {
            Db::Sqlite(_) => "BEGIN IMMEDIATE",
            Db::Postgres(_) => "BEGIN",
        })?;
        self.set_in_tx(true);
        Ok(Tx {
            db: self,
            done: false,
        })
    }
}

impl Db {
    fn set_in_tx(&self, inside: bool) {
        if let Db::Postgres(pg) = self {
            pg.in_tx.set(inside);
        }
    }
}

/// The advisory lock key PostgreSQL writers share ("DOSS" in ASCII).
pub(crate) const WRITE_LOCK: i64 = 0x444f_5353;

impl Pg {
    /// The prepared statement of `sql`, its placeholders rewritten once.
    fn statement(&self, sql: &str) -> DbResult<postgres::Statement> {
        self.statement_typed(sql, &[])
    }

    /// [`Pg::statement`], with the types of the first parameters given.
    fn statement_typed(&self, sql: &str, types: &[Type]) -> DbResult<postgres::Statement> {
        if let Some(st) = self.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = self
            .client
            .borrow_mut()
            .prepare_typed(&dollar_placeholders(sql), types)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

fn pg_args<'a>(args: &'a [Arg<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    args.iter().map(|a| a as &(dyn ToSql + Sync)).collect()
}

/// `?1` → `$1`, outside quoted strings.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '?' && !quoted && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// `:name` parameters → numbered ones cast to their SQL type (`(":from",
/// "BIGINT", value)`), in the order of first use, with the values of the
/// names the statement uses. The casts type a parameter PostgreSQL meets
/// first in `:x IS NULL`; a name the statement does not use is not bound.
pub(crate) fn bind_named<'a>(sql: &str, named: &[(&str, &str, Arg<'a>)]) -> (String, Vec<Arg<'a>>) {
    let mut out = String::with_capacity(sql.len());
    let mut order: Vec<usize> = Vec::new();
    let mut rest = sql;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let hit = named.iter().position(|(name, _, _)| {
            after.starts_with(name)
                && !after[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        });
        match hit {
            Some(i) => {
                let n = match order.iter().position(|&j| j == i) {
                    Some(p) => p + 1,
                    None => {
                        order.push(i);
                        order.len()
                    }
                };
                out.push_str(&format!("CAST(?{n} AS {})", named[i].1));
                rest = &after[named[i].0.len()..];
            }
            None => {
                out.push(':');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    let values = order.into_iter().map(|i| named[i].2.clone()).collect();
    (out, values)
}

/// A transaction: rolled back when dropped without [`Tx::commit`].
pub(crate) struct Tx<'a> {
    db: &'a Db,
    done: bool,
}

impl Tx<'_> {
    pub fn commit(mut self) -> DbResult<()> {
        self.done = true;
        self.db.set_in_tx(false);
        self.db.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.db.set_in_tx(false);
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_strings() {
        assert_eq!(
            dollar_placeholders("SELECT '?1', x FROM t WHERE a = ?1 AND b = ?12"),
            "SELECT '?1', x FROM t WHERE a = $1 AND b = $12"
        );
    }

    #[test]
    fn named_parameters_are_numbered_by_first_use() {
        let named = [
            (":from", "BIGINT", Arg::Int(3)),
            (":to", "BIGINT", Arg::Null),
            (":actor", "TEXT", Arg::Text("x".into())),
        ];
        let (sql, values) = bind_named("(:actor IS NULL OR a = :actor) AND d >= :from", &named);
        assert_eq!(
            sql,
            "(CAST(?1 AS TEXT) IS NULL OR a = CAST(?1 AS TEXT)) AND d >= CAST(?2 AS BIGINT)"
        );
        assert_eq!(values, vec![Arg::Text("x".into()), Arg::Int(3)]);
    }
}
