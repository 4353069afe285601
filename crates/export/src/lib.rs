//! Exports of the corpus graph into the formats other tools read: ACLED- and
//! GDELT-shaped event tables, PLOVER event records, FollowTheMoney entities
//! for Aleph, dynamic GEXF for Gephi, GraphML for networkx and igraph,
//! Parquet tables for DuckDB, Spark or pandas, and the store's own rows as
//! JSON Lines.
//!
//! Every export streams: rows come from the store one at a time
//! (`Store::for_each_*`) and go straight to the writer, so memory stays flat
//! however large the store. The column mappings, what each format fills and
//! what it leaves empty are in `docs/exports.md`.
//!
//! ```
//! use dossier_export::{export, Filter, Format, Output};
//! let dir = tempfile::tempdir().unwrap();
//! let store = dossier_store::Store::open(&dir.path().join("graph.db")).unwrap();
//! let mut out = Vec::new();
//! let filter = Filter::default().resolve(&store).unwrap();
//! export(&store, Format::GdeltTsv, &filter, Output::Writer(&mut out)).unwrap();
//! let header = String::from_utf8(out).unwrap();
//! assert_eq!(header.trim_end().split('\t').count(), 61);
//! ```

mod events;
mod ftm;
mod graph;
mod jsonl;
mod mapping;
mod parquet_out;

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_store::{RowFilter, Store, StoreError};

pub use mapping::{acled_type, plover_type, quad_class, AcledType, PloverType};

/// Errors of an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    #[error("{path}: {source}")]
    WithPath {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("cannot build an arrow batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("{0}")]
    Invalid(String),
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> ExportError {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => ExportError::Write(io),
            other => ExportError::Invalid(format!("csv: {other:?}")),
        }
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    AcledCsv,
    GdeltTsv,
    PloverJsonl,
    FtmJsonl,
    Gexf,
    Graphml,
    Parquet,
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::AcledCsv,
        Format::GdeltTsv,
        Format::PloverJsonl,
        Format::FtmJsonl,
        Format::Gexf,
        Format::Graphml,
        Format::Parquet,
        Format::Jsonl,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::AcledCsv => "acled-csv",
            Format::GdeltTsv => "gdelt-tsv",
            Format::PloverJsonl => "plover-jsonl",
            Format::FtmJsonl => "ftm-jsonl",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Parquet => "parquet",
            Format::Jsonl => "jsonl",
        }
    }

    /// Whether the format is a folder of files rather than one stream.
    pub fn is_folder(self) -> bool {
        self == Format::Parquet
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?}; use one of {}", names.join(", "))
            })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What to export, as the user gives it: dates (`2024`, `2024-03`,
/// `2024-03-05`), an actor's name or id, a CAMEO root, a country code.
/// [`Filter::resolve`] checks it against the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub actor: Option<String>,
    pub root: Option<String>,
    pub country: Option<String>,
}

impl Filter {
    /// The store-level filter: dates as day numbers (`--to` takes in the
    /// whole of its period), the actor as its id. An unknown or ambiguous
    /// actor, a date that is not one, or a range that ends before it
    /// starts, is an error that says what to do.
    pub fn resolve(&self, store: &Store) -> Result<RowFilter, ExportError> {
        let day = |flag: &str, v: &str| {
            dossier_time::timex_interval(v.trim()).ok_or_else(|| {
                ExportError::Invalid(format!(
                    "{flag} {v:?} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            })
        };
        let from_day = match &self.from {
            Some(v) => Some(day("--from", v)?.start),
            None => None,
        };
        let to_day = match &self.to {
            Some(v) => Some(day("--to", v)?.end),
            None => None,
        };
        if let (Some(f), Some(t)) = (from_day, to_day) {
            if f >= t {
                return Err(ExportError::Invalid(format!(
                    "--from {} is after --to {}: nothing can match; swap them",
                    self.from.as_deref().unwrap_or_default(),
                    self.to.as_deref().unwrap_or_default()
                )));
            }
        }
        let root = match &self.root {
            Some(r) => {
                let r = r.trim();
                let n: u8 = r
                    .parse()
                    .ok()
                    .filter(|n| (1..=20).contains(n))
                    .ok_or_else(|| {
                        ExportError::Invalid(format!(
                            "--root {r:?} is not a CAMEO root; give a number from 01 to 20"
                        ))
                    })?;
                Some(format!("{n:02}"))
            }
            None => None,
        };
        let country = match &self.country {
            Some(c) => {
                let c = c.trim().to_ascii_uppercase();
                if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(ExportError::Invalid(format!(
                        "--country {c:?} is not a country code; give an ISO 3166 alpha-2 code such as PK"
                    )));
                }
                Some(c)
            }
            None => None,
        };
        let actor = match &self.actor {
            Some(name) => Some(resolve_actor(store, name)?),
            None => None,
        };
        Ok(RowFilter {
            from_day,
            to_day,
            actor,
            root,
            country,
        })
    }
}

/// The id of the one actor a name or id means.
fn resolve_actor(store: &Store, name: &str) -> Result<String, ExportError> {
    let found = store.find_actors(name)?;
    match found.as_slice() {
        [] => Err(ExportError::Invalid(format!(
            "no actor is named {name:?}; `dossier stats` lists the most reported ones"
        ))),
        [one] => Ok(one.id.clone()),
        many => {
            if let Some(exact) = many.iter().find(|a| a.id == name) {
                return Ok(exact.id.clone());
            }
            let list: Vec<String> = many
                .iter()
                .take(10)
                .map(|a| format!("{} ({}, {} articles)", a.id, a.name, a.articles))
                .collect();
            Err(ExportError::Invalid(format!(
                "{name:?} may mean several actors: {}; give one of these ids with --actor",
                list.join("; ")
            )))
        }
    }
}

/// Where an export goes: a writer for the one-stream formats, a folder for
/// Parquet.
pub enum Output<'a> {
    Writer(&'a mut dyn Write),
    Folder(&'a Path),
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Rows, records, entities or graph elements written.
    pub written: u64,
    /// Files written (Parquet).
    pub files: Vec<PathBuf>,
}

/// Writes the store's rows that `filter` keeps in `format` to `out`.
pub fn export(
    store: &Store,
    format: Format,
    filter: &RowFilter,
    out: Output,
) -> Result<ExportReport, ExportError> {
    match (format, out) {
        (Format::Parquet, Output::Folder(dir)) => parquet_out::write(store, filter, dir),
        (Format::Parquet, Output::Writer(_)) => Err(ExportError::Invalid(
            "parquet writes one file per table: give a folder with -o".into(),
        )),
        (_, Output::Folder(dir)) => Err(ExportError::Invalid(format!(
            "{}: {format} writes one stream; give a file with -o, or none for standard output",
            dir.display()
        ))),
        (format, Output::Writer(w)) => {
            let written = match format {
                Format::AcledCsv => events::acled(store, filter, w)?,
                Format::GdeltTsv => events::gdelt(store, filter, w)?,
                Format::PloverJsonl => events::plover(store, filter, w)?,
                Format::FtmJsonl => ftm::write(store, filter, w)?,
                Format::Gexf => graph::gexf(store, filter, w)?,
                Format::Graphml => graph::graphml(store, filter, w)?,
                Format::Jsonl => jsonl::write(store, filter, w)?,
                Format::Parquet => unreachable!("handled above"),
            };
            w.flush()?;
            Ok(ExportReport {
                written,
                files: Vec::new(),
            })
        }
    }
}

/// Writes only `events.parquet` into `dir`, the table the speed target is
/// about (the benchmark's entry point); returns the rows written.
#[doc(hidden)]
pub fn parquet_events_only(
    store: &Store,
    filter: &RowFilter,
    dir: &Path,
) -> Result<u64, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::WithPath {
        path: dir.to_path_buf(),
        source,
    })?;
    parquet_out::write_events_only(store, filter, dir)
}

/// `YYYY-MM-DD` of a day number.
fn date(day: i32) -> String {
    dossier_time::date_of(day).format("%Y-%m-%d").to_string()
}

/// Whether an event is told as having happened (asserted, or claimed by
/// someone): the event tables (ACLED, GDELT, PLOVER) keep only these.
fn happened(modality: &str) -> bool {
    matches!(modality, "asserted" | "claimed")
}
