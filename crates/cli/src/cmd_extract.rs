//! `dossier extract`: articles in, knowledge graph out.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_ingest::{ingest_paths, IngestConfig};
use dossier_pipeline::table::{write_event_header, write_event_rows};
use dossier_pipeline::{output_document, render_text, Pipeline, PipelineConfig};
use dossier_text::Document;

use crate::progress::plural;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One pretty JSON object for a single document, JSON Lines for several.
    Auto,
    /// One pretty JSON object per document.
    Json,
    /// One compact JSON object per line.
    Jsonl,
    /// A readable summary for a terminal.
    Text,
    /// One CSV row per coded event, with a header line: date, CAMEO code and
    /// quad class, actors, place with coordinates, and the evidence sentence
    /// (the columns are listed in docs/output.md).
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Seed,
    Text,
    Jsonl,
    Html,
    Feed,
}

/// Extract entities, times, relations, events and claims from articles.
///
/// Inputs are files, directories (read recursively, in sorted order) or `-`
/// for standard input. The format of each is taken from its extension, then
/// from its content: ` date YYYY-MM-DD ` followed by text, plain text, JSON
/// Lines (`id`, `date`, `title`, `url`, `source`, `text`), HTML article pages,
/// RSS or Atom feeds.
///
/// A bad input is reported on standard error, naming the file (and line), and
/// skipped; the rest of the batch goes on. Exit status: 0 when every input
/// was processed, 1 when some were skipped, 2 on a fatal error.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier extract examples/peshawar-claim.txt\n  dossier extract --format text examples/\n  cat examples/peshawar-claim.txt | dossier extract - > graph.json\n  dossier extract --format csv examples/ > events.csv"
)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Auto)]
    format: OutputFormat,
    /// Write the output here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// At the end, print throughput (words/s) and the time spent in each
    /// stage on standard error.
    #[arg(long)]
    stats: bool,
}

/// The inputs and pipeline options that `extract` and `ingest` share.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Articles to read: files, directories, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Force the input format instead of detecting it per file.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Publication date (YYYY-MM-DD) for articles that do not carry one; it
    /// anchors relative dates such as "on Monday".
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Skip articles larger than this many bytes (a text file, a JSON Lines
    /// line, a page's main text, a feed item).
    #[arg(long, default_value_t = 5 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: usize,
    /// Skip files larger than this many bytes once read: a page or feed,
    /// standard input, a pipe, or the decompressed content of a .gz file
    /// (which caps gzip bombs). Reading stops at the limit.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    max_file_bytes: usize,
    /// Extra knowledge-base file(s) in the shipped TOML format; repeatable.
    #[arg(long = "kb", value_name = "FILE")]
    kb: Vec<PathBuf>,
    #[command(flatten)]
    parser: ParserArgs,
    /// Worker threads (default: all cores; at most 1024).
    #[arg(long, short = 'j', value_parser = parse_threads)]
    threads: Option<usize>,
    /// Documents processed together in one parallel batch.
    #[arg(long, default_value_t = 256, hide = true)]
    pub batch: usize,
    /// Do not show a progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// The most worker threads `-j` takes. Far more threads than cores only
/// costs memory (each has its own stack, and its own parser scratch space):
/// `-j 20000` stalled the machine.
const MAX_THREADS: usize = 1024;

fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of threads"))?;
    if !(1..=MAX_THREADS).contains(&n) {
        return Err(format!(
            "{n} worker threads is out of range: give 1 to {MAX_THREADS}, or leave -j out to use one per core"
        ));
    }
    Ok(n)
}

impl InputArgs {
    pub fn init_threads(&self) -> anyhow::Result<()> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .context("cannot start the worker threads")?;
        }
        Ok(())
    }

    pub fn ingest_config(&self) -> anyhow::Result<IngestConfig> {
        let date = match &self.date {
            Some(s) => Some(dossier_ingest::date::parse_date(s).map_err(|e| {
                anyhow::anyhow!("--date {s:?}: {}; give a date as YYYY-MM-DD", e.describe())
            })?),
            None => None,
        };
        Ok(IngestConfig {
            max_bytes: self.max_bytes,
            max_file_bytes: self.max_file_bytes,
            date,
            format: self.input_format.map(|f| match f {
                InputFormat::Seed => dossier_ingest::Format::Seed,
                InputFormat::Text => dossier_ingest::Format::Text,
                InputFormat::Jsonl => dossier_ingest::Format::Jsonl,
                InputFormat::Html => dossier_ingest::Format::Html,
                InputFormat::Feed => dossier_ingest::Format::Feed,
            }),
        })
    }

    pub fn pipeline_config(&self) -> PipelineConfig {
        PipelineConfig {
            kb_extra: self.kb.clone(),
            ..self.parser.pipeline_config()
        }
    }
}

/// How the parser searches: `extract`, `ingest` and the evals that run the
/// pipeline take the same two flags.
#[derive(clap::Args, Debug, Clone)]
pub struct ParserArgs {
    /// Parser beam width: 2 by default; 8, the width the shipped parser was
    /// trained with, parses about one point of attachment better at half
    /// the speed; 1 is greedy (about 30% faster, a little worse on events
    /// and claims: see the README's speed section).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(1..=64))]
    parse_beam: Option<u16>,
    /// Parser beam gap in weight units: candidates further below the best
    /// are dropped (default: the syntax model's, 200). Smaller is faster.
    #[arg(long, value_name = "G", value_parser = parse_gap)]
    parse_gap: Option<f32>,
}

impl ParserArgs {
    /// The shipped pipeline with this search.
    pub fn pipeline_config(&self) -> PipelineConfig {
        PipelineConfig {
            parse_beam: self.parse_beam.map(usize::from),
            parse_gap: self.parse_gap,
            ..PipelineConfig::default()
        }
    }
}

/// A beam gap: a finite number of weight units, zero or more.
pub(crate) fn parse_gap(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(g) if g.is_finite() && g >= 0.0 => Ok(g),
        _ => Err(format!(
            "'{s}' is not a gap: give a number of weight units, 0 or more"
        )),
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.output.is_none() {
        check_stdout_open()?;
    }
    args.input.init_threads()?;
    let ingest_config = args.input.ingest_config()?;
    let build_start = Instant::now();
    let pipeline =
        Pipeline::new(&args.input.pipeline_config()).context("cannot build the pipeline")?;
    let build_secs = build_start.elapsed().as_secs_f64();
    let run_start = Instant::now();
    let mut counts = Counts::default();

    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    if args.format == OutputFormat::Csv {
        write_event_header(&mut out).context("cannot write the output")?;
    }

    let total = if args.input.quiet {
        None
    } else {
        dossier_ingest::estimate_count(&args.input.paths, &ingest_config)
    };
    let progress = crate::progress::bar(args.input.quiet, total, "documents");
    let mut written = 0usize;
    let inputs = ingest_paths(&args.input.paths, &ingest_config);
    let batch_size = args.input.batch;
    // The first batch decides between one pretty object and JSON Lines when
    // the format is `auto`, so nothing is printed until it is complete.
    let mut format = args.format;
    let summary = pipeline.run(
        inputs,
        batch_size,
        |err| progress.suspend(|| eprintln!("dossier: skipped {err}")),
        |batch| -> anyhow::Result<()> {
            if format == OutputFormat::Auto {
                format = if written == 0 && batch.len() == 1 && batch_size > 1 {
                    OutputFormat::Json
                } else {
                    OutputFormat::Jsonl
                };
            }
            for doc in batch.iter() {
                if args.stats {
                    counts.add(doc);
                }
                crate::print_warnings(&progress, doc);
                write_document(&mut out, doc, format).context("cannot write the output")?;
                written += 1;
            }
            progress.inc(batch.len() as u64);
            Ok(())
        },
    )?;
    let skipped = summary.skipped;
    out.flush().context("cannot write the output")?;
    progress.finish_and_clear();
    if args.stats {
        counts.report(&pipeline, build_secs, run_start.elapsed().as_secs_f64());
    }
    if written == 0 && skipped == 0 {
        eprintln!("dossier: no articles found in the given paths");
    }
    if skipped > 0 {
        eprintln!(
            "dossier: {} written, {} skipped",
            plural(written, "document", "documents"),
            plural(skipped, "input", "inputs")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Fails when standard output is closed (`dossier extract x >&-`), which
/// would otherwise write nothing and exit 0. The Rust runtime reopens a
/// closed standard output on `/dev/null` before `main`, read-write; a
/// shell's `> /dev/null` opens it write-only, so the access mode tells the
/// two apart (on Linux, from /proc). Elsewhere a descriptor that cannot be
/// duplicated is taken as closed.
fn check_stdout_open() -> anyhow::Result<()> {
    let closed = || {
        anyhow::anyhow!("standard output is closed; redirect it to a file, or give --output FILE")
    };
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if std::io::stdout().as_fd().try_clone_to_owned().is_err() {
            return Err(closed());
        }
    }
    #[cfg(target_os = "linux")]
    {
        let is_null = std::fs::read_link("/proc/self/fd/1")
            .is_ok_and(|p| p == std::path::Path::new("/dev/null"));
        let read_write = || {
            let info = std::fs::read_to_string("/proc/self/fdinfo/1").ok()?;
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            let flags = u32::from_str_radix(flags.trim(), 8).ok()?;
            Some(flags & 0o3 == 0o2)
        };
        if is_null && read_write() == Some(true) {
            return Err(closed());
        }
    }
    Ok(())
}

/// What `--stats` reports. Words are counted as whitespace-separated pieces,
/// the way the spaCy comparison script counts them, so words/s compare.
#[derive(Default)]
struct Counts {
    documents: usize,
    bytes: usize,
    words: usize,
    tokens: usize,
}

impl Counts {
    fn add(&mut self, doc: &Document) {
        self.documents += 1;
        self.bytes += doc.text().len();
        self.words += doc.text().split_whitespace().count();
        self.tokens += doc.tokens.len();
    }

    fn report(&self, pipeline: &Pipeline, build_secs: f64, run_secs: f64) {
        let threads = rayon::current_num_threads();
        eprintln!("dossier: pipeline built in {build_secs:.2} s");
        eprintln!(
            "dossier: {} documents, {:.1} MB, {} words, {} tokens in {run_secs:.2} s on {threads} thread(s): {:.0} words/s, {:.0} tokens/s (reading and writing included)",
            self.documents,
            self.bytes as f64 / 1e6,
            self.words,
            self.tokens,
            self.words as f64 / run_secs.max(1e-9),
            self.tokens as f64 / run_secs.max(1e-9),
        );
        let stages = pipeline.stage_times();
        let total: f64 = stages.iter().map(|s| s.seconds).sum();
        let shares: Vec<String> = stages
            .iter()
            .map(|s| {
                format!(
                    "{} {:.2} s ({:.0}%)",
                    s.stage,
                    s.seconds,
                    100.0 * s.seconds / total.max(1e-9)
                )
            })
            .collect();
        eprintln!(
            "dossier: time per stage, summed over threads: {}",
            shares.join(", ")
        );
    }
}

fn write_document(
    out: &mut impl Write,
    doc: &Document,
    format: OutputFormat,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Text => {
            out.write_all(render_text(doc).as_bytes())?;
            writeln!(out)
        }
        OutputFormat::Json | OutputFormat::Auto => {
            serde_json::to_writer_pretty(&mut *out, &output_document(doc))?;
            writeln!(out)
        }
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, &output_document(doc))?;
            writeln!(out)
        }
        OutputFormat::Csv => write_event_rows(out, &output_document(doc)),
    }
}
