//! Parquet: one file per table in a folder (`articles.parquet`,
//! `actors.parquet`, `aliases.parquet`, `relations.parquet`,
//! `relation_mentions.parquet`, `events.parquet`, `event_mentions.parquet`,
//! `claims.parquet`), written through arrow-rs in batches of
//! [`BATCH_ROWS`] rows, Snappy-compressed. Days are Arrow `date32` (the
//! store's day numbers are exactly that), spans and counts `int64`,
//! confidences and coordinates `double`, a claim's `about` a list of actor
//! ids.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use dossier_store::{RowFilter, Store};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::{ExportError, ExportReport};

/// Rows per record batch (and so per row group, at most).
pub const BATCH_ROWS: usize = 16 * 1024;

#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Day,
    Float,
    Bool,
    StrList,
}

enum Col {
    Str(StringBuilder),
    Int(Int64Builder),
    Day(Date32Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    StrList(ListBuilder<StringBuilder>),
}

impl Col {
    fn new(kind: Kind) -> Col {
        match kind {
            Kind::Str => Col::Str(StringBuilder::new()),
            Kind::Int => Col::Int(Int64Builder::new()),
            Kind::Day => Col::Day(Date32Builder::new()),
            Kind::Float => Col::Float(Float64Builder::new()),
            Kind::Bool => Col::Bool(BooleanBuilder::new()),
            Kind::StrList => Col::StrList(ListBuilder::new(StringBuilder::new())),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Col::Str(b) => Arc::new(b.finish()),
            Col::Int(b) => Arc::new(b.finish()),
            Col::Day(b) => Arc::new(b.finish()),
            Col::Float(b) => Arc::new(b.finish()),
            Col::Bool(b) => Arc::new(b.finish()),
            Col::StrList(b) => Arc::new(b.finish()),
        }
    }
}

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Str => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Day => DataType::Date32,
        Kind::Float => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

/// One table's file: columns are appended left to right, one row at a
/// time, and written out every [`BATCH_ROWS`] rows.
struct Table {
    path: PathBuf,
    schema: SchemaRef,
    cols: Vec<Col>,
    at: usize,
    rows: usize,
    written: u64,
    writer: ArrowWriter<File>,
}

impl Table {
    fn create(dir: &Path, name: &str, spec: &[(&str, Kind)]) -> Result<Table, ExportError> {
        let path = dir.join(format!("{name}.parquet"));
        let schema: SchemaRef = Arc::new(Schema::new(
            spec.iter()
                .map(|(n, k)| Field::new(*n, data_type(*k), true))
                .collect::<Vec<_>>(),
        ));
        let file = File::create(&path).map_err(|source| ExportError::WithPath {
            path: path.clone(),
            source,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(1024 * 1024)
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))?;
        Ok(Table {
            path,
            schema,
            cols: spec.iter().map(|(_, k)| Col::new(*k)).collect(),
            at: 0,
            rows: 0,
            written: 0,
            writer,
        })
    }

    fn next(&mut self) -> &mut Col {
        let c = &mut self.cols[self.at];
        self.at += 1;
        c
    }

    fn s(&mut self, v: Option<&str>) -> &mut Self {
        match self.next() {
            Col::Str(b) => b.append_option(v),
            _ => unreachable!("column is not a string"),
        }
        self
    }

    fn i(&mut self, v: Option<i64>) -> &mut Self {
        match self.next() {
            Col::Int(b) => b.append_option(v),
            _ => unreachable!("column is not an integer"),
        }
        self
    }

    fn d(&mut self, v: Option<i32>) -> &mut Self {
        match self.next() {
            Col::Day(b) => b.append_option(v),
            _ => unreachable!("column is not a date"),
        }
        self
    }

    fn f(&mut self, v: Option<f64>) -> &mut Self {
        match self.next() {
            Col::Float(b) => b.append_option(v),
            _ => unreachable!("column is not a double"),
        }
        self
    }

    fn b(&mut self, v: bool) -> &mut Self {
        match self.next() {
            Col::Bool(b) => b.append_value(v),
            _ => unreachable!("column is not a boolean"),
        }
        self
    }

    fn list(&mut self, v: &[String]) -> &mut Self {
        match self.next() {
            Col::StrList(b) => {
                for x in v {
                    b.values().append_value(x);
                }
                b.append(true);
            }
            _ => unreachable!("column is not a list"),
        }
        self
    }

    fn end_row(&mut self) -> Result<(), ExportError> {
        debug_assert_eq!(
            self.at,
            self.cols.len(),
            "{}: a row of the wrong width",
            self.path.display()
        );
        self.at = 0;
        self.rows += 1;
        if self.rows >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.cols.iter_mut().map(Col::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        self.written += self.rows as u64;
        self.rows = 0;
        Ok(())
    }

    fn close(mut self) -> Result<(PathBuf, u64), ExportError> {
        self.flush()?;
        self.writer.close()?;
        Ok((self.path, self.written))
    }
}

use Kind::*;

const ARTICLES: &[(&str, Kind)] = &[
    ("id", Str),
    ("key", Str),
    ("doc_id", Str),
    ("url", Str),
    ("source", Str),
    ("outlet", Str),
    ("title", Str),
    ("published", Str),
    ("published_day", Day),
    ("ingested_at", Str),
    ("content_hash", Str),
    ("duplicate_of", Str),
    ("similarity", Float),
    ("sentences", Str),
    ("text", Str),
];

const ACTORS: &[(&str, Kind)] = &[
    ("id", Str),
    ("name", Str),
    ("type", Str),
    ("kb_id", Str),
    ("country", Str),
    ("lat", Float),
    ("lon", Float),
    ("geonames_id", Int),
    ("created_at", Str),
];

const ALIASES: &[(&str, Kind)] = &[("actor", Str), ("name", Str), ("n", Int)];

const RELATIONS: &[(&str, Kind)] = &[
    ("id", Int),
    ("subject", Str),
    ("subject_name", Str),
    ("predicate", Str),
    ("object", Str),
    ("object_name", Str),
    ("first_seen", Day),
    ("last_seen", Day),
    ("valid_start", Day),
    ("valid_end", Day),
    ("n_mentions", Int),
    ("n_articles", Int),
    ("confidence", Float),
];

const RELATION_MENTIONS: &[(&str, Kind)] = &[
    ("relation", Int),
    ("article", Str),
    ("subject_local", Str),
    ("object_local", Str),
    ("predicate", Str),
    ("sentence", Int),
    ("start", Int),
    ("end", Int),
    ("time", Str),
    ("valid_start", Day),
    ("valid_end", Day),
    ("attributed_to", Str),
    ("confidence", Float),
];

const EVENTS: &[(&str, Kind)] = &[
    ("id", Int),
    ("code", Str),
    ("root", Str),
    ("label", Str),
    ("source", Str),
    ("source_name", Str),
    ("target", Str),
    ("target_name", Str),
    ("place", Str),
    ("place_name", Str),
    ("modality", Str),
    ("day", Day),
    ("lat", Float),
    ("lon", Float),
    ("country", Str),
    ("goldstein", Float),
    ("n_mentions", Int),
    ("n_articles", Int),
    ("n_sources", Int),
    ("first_seen", Day),
    ("confidence", Float),
];

const EVENT_MENTIONS: &[(&str, Kind)] = &[
    ("event", Int),
    ("article", Str),
    ("local", Str),
    ("code", Str),
    ("source_local", Str),
    ("target_local", Str),
    ("place_local", Str),
    ("sentence", Int),
    ("start", Int),
    ("end", Int),
    ("trigger", Str),
    ("time", Str),
    ("valid_start", Day),
    ("valid_end", Day),
    ("modality", Str),
    ("attributed_to", Str),
    ("confidence", Float),
];

const CLAIMS: &[(&str, Kind)] = &[
    ("id", Int),
    ("article", Str),
    ("local", Str),
    ("speaker", Str),
    ("speaker_local", Str),
    ("medium", Str),
    ("text", Str),
    ("start", Int),
    ("end", Int),
    ("sentence", Int),
    ("evidence_start", Int),
    ("evidence_end", Int),
    ("direct", Bool),
    ("polarity", Str),
    ("about", StrList),
    ("valid_start", Day),
    ("valid_end", Day),
    ("confidence", Float),
];

/// Writes every table into `dir` (made when missing).
pub fn write(store: &Store, filter: &RowFilter, dir: &Path) -> Result<ExportReport, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::WithPath {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut report = ExportReport::default();
    let mut done = |t: Table| -> Result<(), ExportError> {
        let (path, n) = t.close()?;
        report.written += n;
        report.files.push(path);
        Ok(())
    };

    let mut t = Table::create(dir, "articles", ARTICLES)?;
    store.for_each_article(|r| {
        t.s(Some(&r.id))
            .s(Some(&r.key))
            .s(Some(&r.doc_id))
            .s(r.url.as_deref())
            .s(r.source.as_deref())
            .s(Some(&r.outlet))
            .s(r.title.as_deref())
            .s(r.published.as_deref())
            .d(r.published_day)
            .s(Some(&r.ingested_at))
            .s(Some(&r.content_hash))
            .s(r.duplicate_of.as_deref())
            .f(r.similarity)
            .s(Some(&r.sentences))
            .s(Some(&r.text));
        t.end_row()
    })?;
    done(t)?;

    let mut t = Table::create(dir, "actors", ACTORS)?;
    store.for_each_actor(|r| {
        t.s(Some(&r.id))
            .s(Some(&r.name))
            .s(Some(&r.etype))
            .s(r.kb_id.as_deref())
            .s(r.country.as_deref())
            .f(r.lat)
            .f(r.lon)
            .i(r.geonames_id)
            .s(Some(&r.created_at));
        t.end_row()
    })?;
    done(t)?;

    let mut t = Table::create(dir, "aliases", ALIASES)?;
    store.for_each_alias(|r| {
        t.s(Some(&r.actor)).s(Some(&r.name)).i(Some(r.n));
        t.end_row()
    })?;
    done(t)?;

    let mut t = Table::create(dir, "relations", RELATIONS)?;
    store.for_each_relation(filter, |r| {
        t.i(Some(r.id))
            .s(Some(&r.subject.id))
            .s(Some(&r.subject.name))
            .s(Some(&r.predicate))
            .s(Some(&r.object.id))
            .s(Some(&r.object.name))
            .d(r.first_seen)
            .d(r.last_seen)
            .d(r.valid_start)
            .d(r.valid_end)
            .i(Some(r.n_mentions))
            .i(Some(r.n_articles))
            .f(Some(r.confidence));
        t.end_row()
    })?;
    done(t)?;

    let mut t = Table::create(dir, "relation_mentions", RELATION_MENTIONS)?;
    store.for_each_relation_mention(filter, false, |r| {
        t.i(r.relation)
            .s(Some(&r.article))
            .s(Some(&r.subject_local))
            .s(Some(&r.object_local))
            .s(Some(&r.predicate))
            .i(Some(r.sentence))
            .i(Some(r.start))
            .i(Some(r.end))
            .s(r.time.as_deref())
            .d(r.valid_start)
            .d(r.valid_end)
            .s(r.attributed_to.as_deref())
            .f(Some(r.confidence));
        t.end_row()
    })?;
    done(t)?;

    write_events(store, filter, dir, &mut done)?;

    let mut t = Table::create(dir, "event_mentions", EVENT_MENTIONS)?;
    store.for_each_event_mention(filter, false, |r| {
        t.i(r.event)
            .s(Some(&r.article))
            .s(Some(&r.local))
            .s(Some(&r.code))
            .s(r.source_local.as_deref())
            .s(r.target_local.as_deref())
            .s(r.place_local.as_deref())
            .i(Some(r.sentence))
            .i(Some(r.start))
            .i(Some(r.end))
            .s(Some(&r.trigger))
            .s(r.time.as_deref())
            .d(r.valid_start)
            .d(r.valid_end)
            .s(Some(&r.modality))
            .s(r.attributed_to.as_deref())
            .f(Some(r.confidence));
        t.end_row()
    })?;
    done(t)?;

    let mut t = Table::create(dir, "claims", CLAIMS)?;
    store.for_each_claim(filter, |r| {
        t.i(Some(r.id))
            .s(Some(&r.article))
            .s(Some(&r.local))
            .s(r.speaker.as_deref())
            .s(r.speaker_local.as_deref())
            .s(r.medium.as_deref())
            .s(Some(&r.text))
            .i(Some(r.start))
            .i(Some(r.end))
            .i(Some(r.sentence))
            .i(Some(r.evidence_start))
            .i(Some(r.evidence_end))
            .b(r.direct)
            .s(Some(&r.polarity))
            .list(&r.about)
            .d(r.valid_start)
            .d(r.valid_end)
            .f(Some(r.confidence));
        t.end_row()
    })?;
    done(t)?;
    Ok(report)
}

/// Writes `events.parquet` alone (the table the speed target is about);
/// returns the rows written.
pub fn write_events_only(
    store: &Store,
    filter: &RowFilter,
    dir: &Path,
) -> Result<u64, ExportError> {
    let mut n = 0;
    write_events(store, filter, dir, &mut |t: Table| {
        n = t.close()?.1;
        Ok(())
    })?;
    Ok(n)
}

fn id(a: &Option<dossier_store::rows::ActorRef>) -> Option<&str> {
    a.as_ref().map(|a| a.id.as_str())
}

fn name(a: &Option<dossier_store::rows::ActorRef>) -> Option<&str> {
    a.as_ref().map(|a| a.name.as_str())
}

fn write_events(
    store: &Store,
    filter: &RowFilter,
    dir: &Path,
    done: &mut dyn FnMut(Table) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut t = Table::create(dir, "events", EVENTS)?;
    store.for_each_event(filter, |r| {
        t.i(Some(r.id))
            .s(Some(&r.code))
            .s(Some(&r.root))
            .s(Some(&r.label))
            .s(id(&r.source))
            .s(name(&r.source))
            .s(id(&r.target))
            .s(name(&r.target))
            .s(id(&r.place))
            .s(name(&r.place))
            .s(Some(&r.modality))
            .d(r.day)
            .f(r.lat)
            .f(r.lon)
            .s(r.country.as_deref())
            .f(Some(r.goldstein))
            .i(Some(r.n_mentions))
            .i(Some(r.n_articles))
            .i(Some(r.n_sources))
            .d(r.first_seen)
            .f(Some(r.confidence));
        t.end_row()
    })?;
    done(t)
}
