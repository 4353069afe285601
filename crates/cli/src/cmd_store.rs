//! The corpus-graph commands: `ingest` (articles through the pipeline into
//! the store, or, with `--worker`, the inputs of the store's work queue),
//! `enqueue` (inputs into the work queue), `load` (`extract`'s JSON Lines
//! into the store), `stats` and `curate`.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use dossier_ingest::ingest_paths;
use dossier_pipeline::{output_document, Pipeline};
use dossier_schema::OutputDocument;
use dossier_store::{ArticleIdentity, Curation, IngestReport, Store, COMMIT_ARTICLES};

use crate::cmd_extract::InputArgs;
use crate::progress::plural;

/// Where the store is: `--db`, else `$DOSSIER_DB`, else `dossier.db` here.
/// A `postgres://user@host/db` URL names a PostgreSQL store.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// The store file, or a postgres://user@host/db URL [default:
    /// $DOSSIER_DB, else ./dossier.db].
    #[arg(
        long,
        value_name = "FILE|URL",
        env = "DOSSIER_DB",
        default_value = "dossier.db"
    )]
    pub db: PathBuf,
}

/// How the store's writer works.
#[derive(clap::Args, Clone, Copy)]
pub struct WriterArgs {
    /// The writer's SQLite page cache, in MiB. A larger one keeps more of
    /// the indexes in memory as the store grows: loading 100,000 generated
    /// articles took 15% less CPU at 256 than at 64 (peak RSS 393 against
    /// 173 MiB). PostgreSQL keeps its own buffers and ignores it.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    cache_mib: u32,
}

/// Run the pipeline over articles and add them to the corpus graph.
///
/// Reads every input `extract` reads. Articles are written 1,024 to a
/// transaction: a killed ingest loses nothing already committed, and running
/// it again skips the articles already stored and completes the rest. An
/// article already stored (same URL, or same text) is skipped before the
/// pipeline runs; a changed text under the same URL replaces the old
/// version's facts; a near-duplicate (wire copy) is kept as an extra source
/// of the first.
///
/// With `--worker`, takes its inputs from the store's work queue (filled by
/// `dossier enqueue`) instead of PATHs, a few at a time under a lease, until
/// the queue is empty: run one worker per core on as many machines as you
/// like against one PostgreSQL store.
#[derive(clap::Args)]
#[command(
    mut_arg("paths", |a| a.required(false)),
    after_help = "Examples:\n  dossier ingest examples/\n  dossier ingest --db graph.db examples/peshawar-claim.txt examples/2024-02-12-bannu-police-station.txt\n  DOSSIER_DB=graph.db dossier ingest -q examples/\n  dossier enqueue --db queue.db examples/\n  dossier ingest --db queue.db --worker --claim 4\n  dossier stats"
)]
pub struct IngestArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    input: InputArgs,
    /// Articles written per transaction (tests kill an ingest between
    /// small commits).
    #[arg(long, default_value_t = COMMIT_ARTICLES, hide = true, value_name = "N")]
    commit: usize,
    #[command(flatten)]
    writer: WriterArgs,
    #[command(flatten)]
    worker: WorkerArgs,
}

/// How a queue worker works.
#[derive(clap::Args)]
struct WorkerArgs {
    /// Take inputs from the store's work queue (see `dossier enqueue`)
    /// instead of PATHs.
    #[arg(long, conflicts_with = "paths")]
    worker: bool,
    /// Inputs claimed at a time.
    #[arg(long, default_value_t = 8, requires = "worker", value_name = "N")]
    claim: usize,
    /// How long a claim holds without renewal; a killed worker's inputs go
    /// to another worker this long after its last renewal.
    #[arg(
        long,
        default_value_t = 60,
        requires = "worker",
        value_name = "SECONDS"
    )]
    lease: u64,
    /// Keep polling for new work when the queue is empty instead of
    /// stopping.
    #[arg(long, requires = "worker")]
    poll: bool,
    /// This worker's name in the queue [default: host:pid].
    #[arg(long, requires = "worker", value_name = "NAME")]
    worker_name: Option<String>,
    /// Wait this long after each claim before working (tests kill a worker
    /// that holds a claim).
    #[arg(long, hide = true, default_value_t = 0, value_name = "MS")]
    pause_after_claim: u64,
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    args.input.init_threads()?;
    if args.worker.worker {
        return work(args);
    }
    if args.input.paths.is_empty() {
        anyhow::bail!("give the PATHs of the articles to ingest, or --worker to take them from the store's work queue");
    }
    let ingest_config = args.input.ingest_config()?;
    let store = Store::open(&args.db.db)?;
    let pipeline =
        Pipeline::new(&args.input.pipeline_config()).context("cannot build the pipeline")?;
    let total = if args.input.quiet {
        None
    } else {
        dossier_ingest::estimate_count(&args.input.paths, &ingest_config)
    };
    let progress = crate::progress::bar(args.input.quiet, total, "articles");
    let mut report = IngestReport::default();
    // An article stored already with the same text (a rerun after a killed
    // ingest) skips the pipeline: the store would change nothing for it.
    // An input with the identity of an earlier input of the same batch (one
    // URL twice) goes through: the earlier one, not stored yet, may change
    // what is stored. When the store cannot say, the pipeline runs and the
    // store decides.
    // The keys of inputs that went through and are not committed yet,
    // counted (one URL may come twice): the store cannot tell for those.
    let mut already = 0usize;
    let in_batch: RefCell<HashMap<String, usize>> = RefCell::default();
    // The writer thread has a connection of its own; this one reads.
    let reader = Store::open(&args.db.db)?;
    let pending = RefCell::new(Pending::new(store, args.commit, args.writer)?);
    let inputs = ingest_paths(&args.input.paths, &ingest_config).filter(|input| {
        let Ok(doc) = input else { return true };
        let article = ArticleIdentity::of(doc.meta.url.as_deref(), doc.text());
        let stored = !in_batch.borrow().contains_key(&article.key)
            && reader.is_stored(&article).unwrap_or(false);
        if stored {
            already += 1;
            progress.inc(1);
        } else {
            *in_batch.borrow_mut().entry(article.key).or_insert(0) += 1;
        }
        !stored
    });
    let committed = |keys: Vec<String>| {
        let mut in_batch = in_batch.borrow_mut();
        for key in keys {
            if let Some(n) = in_batch.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    in_batch.remove(&key);
                }
            }
        }
    };
    let summary = pipeline.run(
        inputs,
        args.input.batch,
        |err| progress.suspend(|| eprintln!("dossier: skipped {err}")),
        |batch| -> anyhow::Result<()> {
            let mut pending = pending.borrow_mut();
            for d in batch.iter() {
                crate::print_warnings(&progress, d);
                pending.docs.push(output_document(d));
                pending
                    .keys
                    .push(ArticleIdentity::of(d.meta.url.as_deref(), d.text()).key);
            }
            progress.inc(batch.len() as u64);
            let (_, keys) = pending.write(&mut report, false)?;
            committed(keys);
            Ok(())
        },
    )?;
    let (_, store) = pending.into_inner().finish(&mut report)?;
    progress.finish_and_clear();
    report.unchanged += already;
    if !args.input.quiet && already > 0 {
        eprintln!(
            "dossier: {} already stored with the same text: not run through the pipeline again",
            plural(already, "article", "articles"),
        );
    }
    finish(&store, &report, summary.skipped, args.input.quiet)
}

/// Documents gathered for the store, written `limit` to a transaction
/// (COMMIT_ARTICLES by default): fewer, larger transactions write far less.
/// The writes run on a thread of their own ([`Writer`]), so the next
/// transaction's worth is extracted (or read) while one is written.
struct Pending {
    docs: Vec<OutputDocument>,
    /// The identity key of each document, for `ingest`'s duplicate check.
    keys: Vec<String>,
    limit: usize,
    writer: Writer,
}

impl Pending {
    fn new(store: Store, limit: usize, writer: WriterArgs) -> anyhow::Result<Pending> {
        let limit = limit.max(1);
        store.prepare_bulk_writes(writer.cache_mib)?;
        Ok(Pending {
            docs: Vec::with_capacity(limit),
            keys: Vec::new(),
            limit,
            writer: Writer::spawn(store),
        })
    }

    /// Hands the gathered documents to the writer once a transaction's
    /// worth is there, or, with `rest`, whatever is there, and then waits
    /// for every write. Returns the keys of the documents whose write has
    /// finished (as many as the documents when they carry no keys) and how
    /// many documents those were.
    fn write(
        &mut self,
        report: &mut IngestReport,
        rest: bool,
    ) -> anyhow::Result<(usize, Vec<String>)> {
        let n = self.docs.len();
        let mut done = (0, Vec::new());
        if n > 0 && (n >= self.limit || rest) {
            let docs = std::mem::replace(&mut self.docs, Vec::with_capacity(self.limit));
            let keys = std::mem::take(&mut self.keys);
            done = self.writer.submit(docs, keys, report)?;
        }
        if rest {
            let (m, keys) = self.writer.wait(report)?;
            done.0 += m;
            done.1.extend(keys);
        }
        Ok(done)
    }

    /// Writes what is left and gives the store back.
    fn finish(mut self, report: &mut IngestReport) -> anyhow::Result<(usize, Store)> {
        let (n, _) = self.write(report, true)?;
        Ok((n, self.writer.close()?))
    }
}

/// The store's writer on a thread of its own. One write is in flight at
/// most: a new one waits for the last to finish (double buffering), so a
/// killed process loses at most the transaction being written and the one
/// being gathered, as before.
struct Writer {
    to: Option<std::sync::mpsc::SyncSender<Vec<OutputDocument>>>,
    from: std::sync::mpsc::Receiver<Result<IngestReport, dossier_store::StoreError>>,
    /// The keys and size of the write in flight.
    in_flight: Option<(usize, Vec<String>)>,
    thread: Option<std::thread::JoinHandle<Store>>,
}

impl Writer {
    fn spawn(mut store: Store) -> Writer {
        let (to, docs_in) = std::sync::mpsc::sync_channel::<Vec<OutputDocument>>(1);
        let (reports_out, from) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            for docs in docs_in {
                let result = store.ingest(&docs);
                let failed = result.is_err();
                if reports_out.send(result).is_err() || failed {
                    break;
                }
            }
            store
        });
        Writer {
            to: Some(to),
            from,
            in_flight: None,
            thread: Some(thread),
        }
    }

    /// Waits for the write in flight, if any; its size and keys.
    fn wait(&mut self, report: &mut IngestReport) -> anyhow::Result<(usize, Vec<String>)> {
        let Some((n, keys)) = self.in_flight.take() else {
            return Ok((0, Vec::new()));
        };
        match self.from.recv() {
            Ok(result) => report.add(&result?),
            Err(_) => anyhow::bail!("the store's writer stopped"),
        }
        Ok((n, keys))
    }

    /// Waits for the write in flight, then starts writing `docs`.
    fn submit(
        &mut self,
        docs: Vec<OutputDocument>,
        keys: Vec<String>,
        report: &mut IngestReport,
    ) -> anyhow::Result<(usize, Vec<String>)> {
        let done = self.wait(report)?;
        let n = docs.len();
        let sent = self.to.as_ref().map(|to| to.send(docs));
        if !matches!(sent, Some(Ok(()))) {
            anyhow::bail!("the store's writer stopped");
        }
        self.in_flight = Some((n, keys));
        Ok(done)
    }

    /// Stops the thread and gives the store back.
    fn close(mut self) -> anyhow::Result<Store> {
        self.to = None;
        self.thread
            .take()
            .expect("the writer's thread is joined once")
            .join()
            .map_err(|_| anyhow::anyhow!("the store's writer panicked"))
    }
}

fn finish(
    store: &Store,
    report: &IngestReport,
    skipped: usize,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    if !quiet || skipped > 0 {
        eprintln!(
            "dossier: {}: {} added, {} unchanged, {} replaced, {} kept as duplicates; {} skipped",
            store.path().display(),
            plural(report.added, "article", "articles"),
            report.unchanged,
            report.replaced,
            report.duplicates,
            plural(skipped, "input", "inputs"),
        );
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracted batches a worker keeps waiting for their turn before it stops
/// claiming more.
const MAX_READY: usize = 4;

/// A queue worker: claims inputs, runs the pipeline over them and writes
/// their documents with the `done` mark of the inputs in one transaction,
/// in queue order, while a second connection renews the leases; stops when
/// nothing is queued or leased (or, with `--poll`, never).
fn work(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let ingest_config = args.input.ingest_config()?;
    let w = &args.worker;
    let name = w.worker_name.clone().unwrap_or_else(|| {
        let host = std::fs::read_to_string("/etc/hostname")
            .map(|h| h.trim().to_string())
            .ok()
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "worker".into());
        format!("{host}:{}", std::process::id())
    });
    let lease = Duration::from_secs(w.lease.max(1));
    let mut store = Store::open(&args.db.db)?;
    let pipeline =
        Pipeline::new(&args.input.pipeline_config()).context("cannot build the pipeline")?;

    // The lease keeper: its own connection, so that a long batch keeps its
    // claim while the pipeline runs.
    let held: Arc<Mutex<Vec<i64>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let keeper = {
        let (held, stop, name) = (held.clone(), stop.clone(), name.clone());
        let db = args.db.db.clone();
        std::thread::spawn(move || -> anyhow::Result<()> {
            let keeper = Store::open(&db)?;
            let tick = Duration::from_millis(100);
            let every = (lease / 3).max(tick);
            let mut waited = Duration::ZERO;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(tick);
                waited += tick;
                if waited >= every {
                    waited = Duration::ZERO;
                    let ids = held.lock().map(|h| h.clone()).unwrap_or_default();
                    if !ids.is_empty() {
                        keeper.renew(&name, &ids, lease)?;
                    }
                }
            }
            Ok(())
        })
    };

    let mut report = IngestReport::default();
    let mut skipped = 0usize;
    let mut inputs_done = 0usize;
    // Batches extracted and waiting for their turn, by their first input's
    // key.
    let mut ready: BTreeMap<String, (Vec<OutputDocument>, Vec<i64>)> = BTreeMap::new();
    let lock_held = || {
        held.lock()
            .map_err(|_| anyhow::anyhow!("the lease keeper died"))
    };
    let result = (|| -> anyhow::Result<()> {
        loop {
            // Commit in queue order: a batch waits while an earlier input
            // is not done (another worker's, or one whose worker died and
            // whose lease runs out).
            while let Some((first, _)) = ready.first_key_value() {
                if store.queued_before(first)? > 0 {
                    break;
                }
                let Some((_, (docs, ids))) = ready.pop_first() else {
                    break;
                };
                report.add(&store.ingest_work(&docs, &ids)?);
                lock_held()?.retain(|id| !ids.contains(id));
                inputs_done += ids.len();
            }
            // With enough batches waiting, only an earlier input whose
            // worker died is worth taking: the waiting batches need it.
            let claimed = match ready.first_key_value() {
                Some((first, _)) if ready.len() >= MAX_READY => {
                    let first = first.clone();
                    store.claim(&name, 1, lease, Some(&first))?
                }
                _ => store.claim(&name, w.claim.max(1), lease, None)?,
            };
            if claimed.is_empty() {
                if ready.is_empty() {
                    let q = store.queue_stats()?;
                    if q.queued == 0 && q.leased == 0 && !w.poll {
                        return Ok(());
                    }
                }
                std::thread::sleep(Duration::from_millis(200));
                continue;
            }
            let ids: Vec<i64> = claimed.iter().map(|c| c.id).collect();
            lock_held()?.extend(&ids);
            if w.pause_after_claim > 0 {
                std::thread::sleep(Duration::from_millis(w.pause_after_claim));
            }
            let docs_in = claimed
                .iter()
                .flat_map(|c| dossier_ingest::ingest_bytes(&c.name, &c.content, &ingest_config));
            let mut docs: Vec<OutputDocument> = Vec::new();
            let summary = pipeline.run(
                docs_in,
                args.input.batch,
                |err| eprintln!("dossier: skipped {err}"),
                |batch| -> anyhow::Result<()> {
                    docs.extend(batch.iter().map(output_document));
                    Ok(())
                },
            )?;
            skipped += summary.skipped;
            ready.insert(claimed[0].key.clone(), (docs, ids));
        }
    })();
    stop.store(true, Ordering::Relaxed);
    let kept = keeper
        .join()
        .map_err(|_| anyhow::anyhow!("the lease keeper panicked"))?;
    result?;
    kept?;
    if !args.input.quiet {
        eprintln!("dossier: worker {name}: {inputs_done} inputs done");
    }
    finish(&store, &report, skipped, args.input.quiet)
}

/// Add inputs to the store's work queue, for `dossier ingest --worker`
/// processes on any machine to take.
///
/// Reads what `ingest` reads (article files, folders of them, JSON Lines,
/// feeds, pages) and stores each file's content in the queue, so that the
/// workers need no access to these files. An input already queued (by its
/// path) is not queued again.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier enqueue --db queue.db examples/\n  dossier ingest --db queue.db --worker\n\nWith --db postgres://user@host/db, run the workers on as many machines as you like."
)]
pub struct EnqueueArgs {
    #[command(flatten)]
    db: DbArg,
    /// Article files, folders of them, JSON Lines files, feeds.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    max_file_bytes: u64,
    /// Print nothing but problems.
    #[arg(long, short = 'q')]
    quiet: bool,
}

pub fn enqueue(args: EnqueueArgs) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db.db)?;
    let mut skipped = 0usize;
    let (mut added, mut seen) = (0usize, 0usize);
    let mut items: Vec<(String, String, Vec<u8>)> = Vec::new();
    for path in &args.paths {
        if path == Path::new("-") {
            anyhow::bail!("enqueue reads files, not standard input; save it to a file first");
        }
        let files = if path.is_dir() {
            dossier_ingest::list_articles(path)
        } else {
            vec![Ok(path.clone())]
        };
        for file in files {
            let read = file.map_err(anyhow::Error::from).and_then(|f| {
                let len = std::fs::metadata(&f)?.len();
                if len > args.max_file_bytes {
                    anyhow::bail!(
                        "{}: {len} bytes, over --max-file-bytes {}",
                        f.display(),
                        args.max_file_bytes
                    );
                }
                let content = std::fs::read(&f).with_context(|| f.display().to_string())?;
                let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
                Ok((key.display().to_string(), f.display().to_string(), content))
            });
            match read {
                Ok(item) => items.push(item),
                Err(e) => {
                    eprintln!("dossier: skipped {e:#}");
                    skipped += 1;
                }
            }
            if items.len() >= 256 {
                seen += items.len();
                added += store.enqueue(&items)?;
                items.clear();
            }
        }
    }
    seen += items.len();
    added += store.enqueue(&items)?;
    if !args.quiet || skipped > 0 {
        let q = store.queue_stats()?;
        eprintln!(
            "dossier: {}: {added} of {seen} inputs queued ({} already were); the queue holds {} waiting, {} leased, {} done, {} failed; {}",
            store.path().display(),
            seen - added,
            q.queued,
            q.leased,
            q.done,
            q.failed,
            plural(skipped, "input skipped", "inputs skipped"),
        );
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Add `dossier extract`'s JSON Lines to the corpus graph without running
/// the pipeline again: extract on many machines, load in one place.
///
/// A line that is not a dossier document is reported with its file and line
/// and skipped; the rest goes on.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier extract --format jsonl examples/ > graph.jsonl\n  dossier load --db graph.db graph.jsonl\n  cat graph.jsonl | dossier load --db graph.db -"
)]
pub struct LoadArgs {
    #[command(flatten)]
    db: DbArg,
    /// JSON Lines files written by `dossier extract --format jsonl`, or `-`.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Documents written per transaction.
    #[arg(long, default_value_t = COMMIT_ARTICLES, hide = true)]
    batch: usize,
    #[command(flatten)]
    writer: WriterArgs,
    /// Do not show a progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
}

pub fn load(args: LoadArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.db.db)?;
    let total = if args.quiet {
        None
    } else {
        let cfg = dossier_ingest::IngestConfig {
            format: Some(dossier_ingest::Format::Jsonl),
            ..dossier_ingest::IngestConfig::default()
        };
        dossier_ingest::estimate_count(&args.files, &cfg)
    };
    let progress = crate::progress::bar(args.quiet, total, "documents");
    let mut report = IngestReport::default();
    let mut skipped = 0usize;
    let mut pending = Pending::new(store, args.batch, args.writer)?;
    for file in &args.files {
        let reader: Box<dyn BufRead> = if file == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(file) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    progress.suspend(|| eprintln!("dossier: skipped {}: {e}", file.display()));
                    skipped += 1;
                    continue;
                }
            }
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    progress.suspend(|| eprintln!("dossier: skipped {}: {e}", file.display()));
                    skipped += 1;
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<OutputDocument>(&line) {
                Ok(doc) => pending.docs.push(doc),
                Err(e) => {
                    progress.suspend(|| {
                        eprintln!(
                            "dossier: skipped {}, line {}: not a dossier document: {e}",
                            file.display(),
                            n + 1
                        )
                    });
                    skipped += 1;
                    continue;
                }
            }
            let (written, _) = pending.write(&mut report, false)?;
            progress.inc(written as u64);
        }
    }
    let (written, store) = pending.finish(&mut report)?;
    progress.inc(written as u64);
    progress.finish_and_clear();
    finish(&store, &report, skipped, args.quiet)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

/// Counts of the corpus graph: articles, duplicates, actors by type,
/// relations, events, claims, and the most reported actors.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  dossier stats\n  dossier stats --db graph.db --format json")]
pub struct StatsArgs {
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = StatsFormat::Text)]
    format: StatsFormat,
}

pub fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_for_reading(&args.db.db)?;
    let s = store.stats()?;
    if args.format == StatsFormat::Json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "store        {} (schema v{}, {:.1} MB)",
        args.db.db.display(),
        s.schema_version,
        s.file_bytes as f64 / 1e6
    );
    println!(
        "articles     {} ({} near-duplicates kept as extra sources), published {} to {}",
        s.articles,
        s.duplicates,
        s.first_published.as_deref().unwrap_or("?"),
        s.last_published.as_deref().unwrap_or("?")
    );
    let by_type: Vec<String> = s
        .actors_by_type
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    println!("actors       {} ({})", s.actors, by_type.join(", "));
    println!(
        "entities     {} ({} unlinked)",
        s.entities, s.unlinked_entities
    );
    println!(
        "relations    {} ({} mentions)",
        s.relations, s.relation_mentions
    );
    println!("events       {} ({} mentions)", s.events, s.event_mentions);
    println!("claims       {}", s.claims);
    println!("times        {}", s.times);
    println!("judgements   {}", s.judgements);
    if !s.top_actors.is_empty() {
        println!("top actors");
        for a in &s.top_actors {
            println!(
                "  {:>6}  {:<40} {:<7} {}",
                a.articles, a.name, a.etype, a.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Correct the corpus graph: merge two actors, split a name off an actor,
/// add or remove an alias. Each correction is stored as a judgement and
/// holds through later ingests.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier ingest examples/\n  dossier curate merge x:org:afghan-government x:org:afghan-authorities\n  dossier curate split x:org:afghan-government \"Afghan authorities\"\n  dossier curate alias add dossier:ttp \"Pakistani Taliban\"\n  dossier curate alias remove dossier:ttp \"Pakistani Taliban\"\n  dossier curate list"
)]
pub struct CurateArgs {
    #[command(flatten)]
    db: DbArg,
    #[command(subcommand)]
    action: CurateAction,
}

#[derive(clap::Subcommand)]
enum CurateAction {
    /// KEEP and GONE are one actor: GONE's entities, names and facts move to
    /// KEEP, and GONE's id redirects to it. Two KB entries never merge.
    Merge {
        #[arg(value_name = "KEEP")]
        keep: String,
        #[arg(value_name = "GONE")]
        gone: String,
    },
    /// The entities of ACTOR that go by NAME are another actor: they move to
    /// a new one, and NAME no longer links to ACTOR.
    Split { actor: String, name: String },
    /// Add or remove a name of an actor.
    #[command(subcommand)]
    Alias(AliasAction),
    /// List the judgements recorded so far.
    List,
}

#[derive(clap::Subcommand)]
enum AliasAction {
    /// NAME links to ACTOR from now on.
    Add { actor: String, name: String },
    /// NAME no longer links to ACTOR.
    Remove { actor: String, name: String },
}

pub fn curate(args: CurateArgs) -> anyhow::Result<ExitCode> {
    let judgement = match args.action {
        CurateAction::List => return list_judgements(&args.db.db),
        CurateAction::Merge { keep, gone } => Curation::Merge { keep, gone },
        CurateAction::Split { actor, name } => Curation::Split { actor, name },
        CurateAction::Alias(AliasAction::Add { actor, name }) => Curation::AliasAdd { actor, name },
        CurateAction::Alias(AliasAction::Remove { actor, name }) => {
            Curation::AliasRemove { actor, name }
        }
    };
    if !dossier_store::is_postgres_url(&args.db.db) && !args.db.db.exists() {
        anyhow::bail!(
            "{}: no store here; run `dossier ingest --db {}` first",
            args.db.db.display(),
            args.db.db.display()
        );
    }
    let mut store = Store::open(&args.db.db)?;
    let actor = store.curate(&judgement)?;
    eprintln!("dossier: recorded; the actor is now {actor}");
    Ok(ExitCode::SUCCESS)
}

fn list_judgements(db: &Path) -> anyhow::Result<ExitCode> {
    let store = Store::open_for_reading(db)?;
    for j in store.judgements()? {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            j.id,
            j.created_at,
            j.kind,
            j.actor,
            j.other.as_deref().unwrap_or("-"),
            j.name.as_deref().unwrap_or("-")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Score near-duplicate detection on the labelled article pairs.
#[cfg(feature = "train")]
#[derive(clap::Args)]
pub struct EvalDedupArgs {
    /// The pairs folder (`pairs.tsv` and `articles/`).
    #[arg(long, default_value = "crates/dedup/test_data/pairs")]
    data: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

#[cfg(feature = "train")]
pub fn eval_dedup(args: EvalDedupArgs) -> anyhow::Result<ExitCode> {
    if !args.data.join("pairs.tsv").is_file() {
        eprintln!(
            "dossier eval dedup: skipped: no pairs.tsv in {}; run from the repository root or pass --data DIR",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let report = dossier_dedup::evaluate(&args.data)
        .with_context(|| format!("cannot score near-duplicates on {}", args.data.display()))?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("near-duplicate detection ({} articles)", report.n_articles);
    println!(
        "{:<5} {:>10} {:>9} {:>10} {:>8} {:>8}",
        "split", "dup pairs", "distinct", "precision", "recall", "F1"
    );
    for (name, s) in [("dev", &report.dev), ("test", &report.test)] {
        println!(
            "{name:<5} {:>10} {:>9} {:>10.3} {:>8.3} {:>8.3}",
            s.n_duplicate, s.n_distinct, s.precision, s.recall, s.f1
        );
    }
    Ok(ExitCode::SUCCESS)
}
