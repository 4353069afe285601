//! `dossier export`: the corpus graph in the formats other tools read
//! (the work is in `dossier-export`; this file parses the arguments and
//! opens the output).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use dossier_export::{export, ExportError, Filter, Format, Output};
use dossier_store::Store;

use crate::cmd_store::DbArg;

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// Export the corpus graph: events as ACLED- or GDELT-shaped tables or
/// PLOVER records, the graph as FollowTheMoney entities, GEXF or GraphML,
/// or every table as Parquet or JSON Lines.
///
/// The export streams: memory stays flat however large the store. Text
/// formats go to standard output unless -o names a file; parquet writes one
/// file per table into the folder -o names. The filters narrow the facts
/// (events, relations, claims); --root and --country apply to events only,
/// and articles, actors and aliases are exported whole. Column mappings and
/// what each format fills: docs/exports.md.
#[derive(clap::Args)]
#[command(
    after_help = "Formats: acled-csv, gdelt-tsv, plover-jsonl, ftm-jsonl, gexf, graphml, parquet, jsonl\n\nExamples:\n  dossier export --format acled-csv -o events.csv\n  dossier export --format gdelt-tsv --from 2024-01 --to 2024-03 --country PK\n  dossier export --format plover-jsonl --root 18 --actor TTP\n  dossier export --format ftm-jsonl -o graph.ftm.json\n  dossier export --format gexf -o graph.gexf\n  dossier export --format parquet -o graph-parquet/\n  dossier export --db graph.db --format jsonl | head"
)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArg,
    /// The format: acled-csv, gdelt-tsv, plover-jsonl, ftm-jsonl, gexf,
    /// graphml, parquet or jsonl.
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = parse_format)]
    format: Format,
    /// Where to write: a file, or a folder for parquet [default: standard
    /// output].
    #[arg(long, short = 'o', value_name = "PATH")]
    output: Option<PathBuf>,
    /// Facts from this date on (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Facts up to this date, its whole period included (YYYY, YYYY-MM or
    /// YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Facts with this actor (a name, alias or actor id).
    #[arg(long, value_name = "NAME|ID")]
    actor: Option<String>,
    /// Events of this CAMEO root (01 to 20).
    #[arg(long, value_name = "ROOT")]
    root: Option<String>,
    /// Events placed in this country (ISO 3166 alpha-2, e.g. PK).
    #[arg(long, value_name = "CC")]
    country: Option<String>,
    /// Do not report what was written on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let filter = Filter {
        from: args.from.clone(),
        to: args.to.clone(),
        actor: args.actor.clone(),
        root: args.root.clone(),
        country: args.country.clone(),
    }
    .resolve(&store)?;
    let format = args.format;
    let report = if format.is_folder() {
        let Some(dir) = &args.output else {
            anyhow::bail!(
                "{format} writes one file per table: give a folder with -o, e.g. -o graph-parquet/"
            );
        };
        if dir.is_file() {
            anyhow::bail!(
                "{}: is a file; {format} writes one file per table into a folder: give a folder with -o",
                dir.display()
            );
        }
        export(&store, format, &filter, Output::Folder(dir))?
    } else if let Some(path) = &args.output {
        write_file(&store, format, &filter, path)?
    } else {
        let stdout = std::io::stdout();
        let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
        match export(&store, format, &filter, Output::Writer(&mut w)) {
            Ok(r) => r,
            // A reader that stops early (`| head`) is not a failure.
            Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                return Ok(ExitCode::SUCCESS)
            }
            Err(e) => return Err(e.into()),
        }
    };
    if !args.quiet {
        let place = match (&args.output, report.files.len()) {
            (Some(p), 0) => p.display().to_string(),
            (Some(p), n) => format!("{} ({n} files)", p.display()),
            (None, _) => "standard output".into(),
        };
        eprintln!(
            "dossier: {}: {} {} written to {place}",
            format,
            report.written,
            if format.is_folder() || format == Format::Jsonl {
                "rows"
            } else if matches!(format, Format::Gexf | Format::Graphml) {
                "nodes and edges"
            } else if format == Format::FtmJsonl {
                "entities"
            } else {
                "events"
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes into a temporary file beside `path` and renames it into place, so
/// that a failed export leaves no half-written file under the name.
fn write_file(
    store: &Store,
    format: Format,
    filter: &dossier_store::RowFilter,
    path: &Path,
) -> anyhow::Result<dossier_export::ExportReport> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let file = std::fs::File::create(&tmp)
        .with_context(|| format!("{}: cannot create the file", path.display()))?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    let result = export(store, format, filter, Output::Writer(&mut w))
        .map_err(anyhow::Error::from)
        .and_then(|r| {
            w.flush()?;
            Ok(r)
        });
    drop(w);
    match result {
        Ok(r) => {
            std::fs::rename(&tmp, path).with_context(|| {
                format!("{}: cannot move the export into place", path.display())
            })?;
            Ok(r)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e.context(format!("{}: export failed", path.display())))
        }
    }
}
