//! The `dossier` command-line tool: `extract` turns articles into a knowledge
//! graph; `ingest`, `load`, `stats` and `curate` keep a corpus graph across
//! articles; `train` and `eval` build and measure the models.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(feature = "train")]
mod cmd_eval_extract;
mod cmd_export;
mod cmd_extract;
#[cfg(feature = "train")]
mod cmd_geo;
#[cfg(feature = "train")]
mod cmd_ingest;
#[cfg(feature = "train")]
mod cmd_kb;
#[cfg(feature = "train")]
mod cmd_ner;
mod cmd_query;
#[cfg(feature = "train")]
mod cmd_seed;
mod cmd_serve;
mod cmd_store;
#[cfg(feature = "train")]
mod cmd_syntax;
#[cfg(feature = "train")]
mod cmd_time;
#[cfg(feature = "train")]
mod cmd_truecase;
mod progress;

/// dossier turns dated news articles into a temporal knowledge graph of
/// actors, relations, coded events and speaker-attributed claims, each traced
/// to the sentence that supports it.
#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Examples:\n  dossier extract examples/peshawar-claim.txt           one article -> JSON\n  dossier extract --format text examples/peshawar-claim.txt\n  dossier extract --format csv examples/ > events.csv   one row per coded event\n  dossier ingest examples/                              articles -> ./dossier.db\n  dossier stats                                         what the store holds\n  dossier COMMAND --help                                options and more examples"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities, times, relations, events and claims from articles.
    Extract(cmd_extract::ExtractArgs),
    /// Run the pipeline over articles and add them to the corpus graph store.
    Ingest(cmd_store::IngestArgs),
    /// Add inputs to the store's work queue for `ingest --worker` processes.
    Enqueue(cmd_store::EnqueueArgs),
    /// Add `extract`'s JSON Lines to the store without running the pipeline.
    Load(cmd_store::LoadArgs),
    /// Counts of the store: articles, duplicates, actors, relations, events.
    Stats(cmd_store::StatsArgs),
    /// Correct the graph: merge, split, alias add|remove (kept as judgements).
    Curate(cmd_store::CurateArgs),
    /// The dossier of one actor: names, relations, events, claims, places.
    Actor(cmd_query::ActorArgs),
    /// Stored events under filters (actor, code, place, dates, sources).
    Events(cmd_query::EventsArgs),
    /// Counts of events per day, week or month by CAMEO root.
    Timeline(cmd_query::TimelineArgs),
    /// Actors and the relations and events between them.
    Network(cmd_query::NetworkArgs),
    /// Attributed claims by speaker, subject and words.
    Claims(cmd_query::ClaimsArgs),
    /// Full-text search over the stored articles.
    Search(cmd_query::SearchArgs),
    /// Export the graph: ACLED, GDELT, PLOVER, FollowTheMoney, GEXF, GraphML, Parquet, JSON Lines.
    Export(cmd_export::ExportArgs),
    /// Serve the JSON API and the web UI (dossiers, events, network, map).
    Serve(cmd_serve::ServeArgs),
    /// Train a model from the benchmark data in ../shared/data.
    #[cfg(feature = "train")]
    #[command(subcommand)]
    Train(TrainCmd),
    /// Measure a stage on benchmark data.
    #[cfg(feature = "train")]
    #[command(subcommand)]
    Eval(EvalCmd),
    /// Build the knowledge base files shipped in kb/ from ../shared/data.
    #[cfg(feature = "train")]
    BuildKb(cmd_kb::BuildArgs),
}

#[cfg(feature = "train")]
#[derive(Subcommand)]
enum TrainCmd {
    /// Train the named-entity tagger (CoNLL-2003 and friends).
    Ner(cmd_ner::TrainArgs),
    /// Train the part-of-speech tagger and dependency parser (UD English).
    Syntax(cmd_syntax::TrainArgs),
    /// Build the truecaser's word list for all-caps text (CoNLL-2003, UD English).
    Truecase(cmd_truecase::TrainArgs),
}

#[cfg(feature = "train")]
#[derive(Subcommand)]
enum EvalCmd {
    /// Score the named-entity tagger on CoNLL files or the re3d folder.
    Ner(cmd_ner::EvalArgs),
    /// Score main-text extraction from HTML pages (article-extraction set).
    Ingest(cmd_ingest::EvalArgs),
    /// Score time expressions on TimeML (.tml) files.
    Time(cmd_time::EvalArgs),
    /// Score tagging and parsing on a CoNLL-U file.
    Syntax(cmd_syntax::EvalArgs),
    /// Score geocoding on GeoWebNews and LGL with gold toponyms.
    Geo(cmd_geo::EvalArgs),
    /// Score relations, events and claims on the development set.
    Extract(cmd_eval_extract::EvalArgs),
    /// Map events to MUC-4 templates and score them.
    Muc4(cmd_eval_extract::Muc4Args),
    /// Score near-duplicate detection on the labelled article pairs.
    Dedup(cmd_store::EvalDedupArgs),
    /// Run the PETRARCH2 validation records, with their actor and verb
    /// dictionaries loaded (the verbs replace dossier's own patterns for
    /// the same verbs), and count the expected codings that come out.
    Petrarch(cmd_eval_extract::PetrarchArgs),
    /// Check what the founding article must give (../shared/examples/seed.txt).
    Seed(cmd_seed::SeedArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        end_quietly_on_a_closed_pipe();
    }
    let result = match cli.command {
        Command::Extract(args) => cmd_extract::run(args),
        Command::Ingest(args) => cmd_store::ingest(args),
        Command::Enqueue(args) => cmd_store::enqueue(args),
        Command::Load(args) => cmd_store::load(args),
        Command::Stats(args) => cmd_store::stats(args),
        Command::Curate(args) => cmd_store::curate(args),
        Command::Actor(args) => cmd_query::actor(args),
        Command::Events(args) => cmd_query::events(args),
        Command::Timeline(args) => cmd_query::timeline(args),
        Command::Network(args) => cmd_query::network(args),
        Command::Claims(args) => cmd_query::claims(args),
        Command::Search(args) => cmd_query::search(args),
        Command::Export(args) => cmd_export::run(args),
        Command::Serve(args) => cmd_serve::run(args),
        #[cfg(feature = "train")]
        Command::BuildKb(args) => cmd_kb::build(args),
        #[cfg(feature = "train")]
        Command::Train(TrainCmd::Ner(args)) => cmd_ner::train(args),
        #[cfg(feature = "train")]
        Command::Train(TrainCmd::Syntax(args)) => cmd_syntax::train(args),
        #[cfg(feature = "train")]
        Command::Train(TrainCmd::Truecase(args)) => cmd_truecase::train(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Ner(args)) => cmd_ner::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Ingest(args)) => cmd_ingest::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Dedup(args)) => cmd_store::eval_dedup(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Time(args)) => cmd_time::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Syntax(args)) => cmd_syntax::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Geo(args)) => cmd_geo::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Extract(args)) => cmd_eval_extract::eval(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Muc4(args)) => cmd_eval_extract::muc4(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Petrarch(args)) => cmd_eval_extract::petrarch(args),
        #[cfg(feature = "train")]
        Command::Eval(EvalCmd::Seed(args)) => cmd_seed::seed(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dossier: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stops early (`dossier events | head`) ends the command
/// quietly, as it ends other Unix tools: Rust ignores SIGPIPE, which turns
/// the next print into a panic. The server keeps ignoring it, so that a
/// client that hangs up cannot end it.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition at start, before any
    // thread exists, touches no Rust state.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Prints a processed document's content warnings on standard error, one
/// line per article, above the progress bar; the same messages stay in the
/// document's diagnostics.
fn print_warnings(progress: &indicatif::ProgressBar, doc: &dossier_text::Document) {
    if let Some(line) = dossier_pipeline::warning_line(doc) {
        progress.suspend(|| eprintln!("dossier: warning: {line}"));
    }
}
