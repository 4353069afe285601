//! The store's own rows as JSON Lines: one object per row, every table in
//! one stream, each object with a `table` field naming its table
//! (`articles`, `actors`, `aliases`, `relations`, `relation_mentions`,
//! `events`, `event_mentions`, `claims`, in that order). Values are as
//! stored: days are day numbers since 1970-01-01, spans character offsets
//! into the article's text, valid intervals `[valid_start, valid_end)`.

use std::io::Write;

use dossier_store::{RowFilter, Store};
use serde::Serialize;

use crate::ExportError;

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    table: &'static str,
    #[serde(flatten)]
    row: &'a T,
}

fn line<T: Serialize>(w: &mut dyn Write, table: &'static str, row: &T) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *w, &Tagged { table, row }).map_err(std::io::Error::from)?;
    w.write_all(b"\n")?;
    Ok(())
}

pub fn write(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    let mut n = 0u64;
    let mut count = || n += 1;
    store.for_each_article(|r| {
        count();
        line(w, "articles", r)
    })?;
    store.for_each_actor(|r| {
        count();
        line(w, "actors", r)
    })?;
    store.for_each_alias(|r| {
        count();
        line(w, "aliases", r)
    })?;
    store.for_each_relation(filter, |r| {
        count();
        line(w, "relations", r)
    })?;
    store.for_each_relation_mention(filter, false, |r| {
        count();
        line(w, "relation_mentions", r)
    })?;
    store.for_each_event(filter, |r| {
        count();
        line(w, "events", r)
    })?;
    store.for_each_event_mention(filter, false, |r| {
        count();
        line(w, "event_mentions", r)
    })?;
    store.for_each_claim(filter, |r| {
        count();
        line(w, "claims", r)
    })?;
    Ok(n)
}
