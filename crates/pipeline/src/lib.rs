//! The dossier pipeline: the stages in order, built once, run over many
//! documents in parallel; the conversion to the public output schema
//! (`dossier-schema`), and the run loop that `extract` and `ingest` share.
//!
//! ```
//! use dossier_pipeline::{Pipeline, PipelineConfig};
//! use dossier_text::{DocMeta, Document};
//!
//! let pipeline = Pipeline::new(&PipelineConfig::default()).unwrap();
//! let mut docs = vec![Document::new("Gen. Asim Munir visited Moscow.".into(), DocMeta::default())];
//! pipeline.process_batch(&mut docs);
//! assert_eq!(docs[0].sentences.len(), 1);
//! assert!(docs[0].entities.iter().any(|e| e.name == "Moscow"));
//! ```

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use dossier_text::{Component, Document, Severity};

mod output;
mod render;
pub mod table;

pub use dossier_schema::{OutputDocument, SCHEMA_VERSION};
pub use output::{output_document, CharOffsets};
pub use render::render_text;

/// Errors while building the pipeline: a model or lexicon that does not load.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A stage's model or data failed to load; `source` is that stage's
    /// own error (`SyntaxError`, `NerError`, `KbError`).
    #[error("stage {stage}")]
    Stage {
        stage: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl PipelineError {
    fn stage(
        stage: &'static str,
        e: impl std::error::Error + Send + Sync + 'static,
    ) -> PipelineError {
        PipelineError::Stage {
            stage,
            source: Box::new(e),
        }
    }
}

/// How to build the pipeline.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// Extra knowledge-base files (`--kb my.toml`), loaded after the shipped one.
    pub kb_extra: Vec<PathBuf>,
    /// The parser's beam width; by default [`PIPELINE_PARSE_BEAM`], or the
    /// width the syntax model records if that is smaller.
    pub parse_beam: Option<usize>,
    /// The parser's beam gap: candidates scoring more than this many weight
    /// units below the best are dropped (by default the gap the syntax
    /// model records). A smaller gap parses closer to greedy speed.
    pub parse_gap: Option<f32>,
}

/// The beam width the pipeline parses with by default. The shipped parser
/// was trained with a beam of 8 and parses best at 8, at half the speed of
/// 2; at 2 it still parses better than a greedy parser (see
/// `dossier_syntax::train`), and `extract` stays several times faster than
/// spaCy's small pipeline.
pub const PIPELINE_PARSE_BEAM: usize = 2;

/// The stages, in order. Built once: every model, gazetteer and lexicon is
/// loaded here, never per document.
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
    /// Nanoseconds spent in each stage, summed over every document and
    /// thread; read by `dossier extract --stats`. One relaxed atomic add per
    /// stage per document costs nothing measurable.
    stage_nanos: Vec<AtomicU64>,
}

/// Time spent in one stage, summed over documents (and threads).
#[derive(Debug, Clone, PartialEq)]
pub struct StageTime {
    pub stage: &'static str,
    pub seconds: f64,
}

impl Pipeline {
    /// Builds the full pipeline with the shipped models: segment, syntax,
    /// ner, time, resolve (with the knowledge base and any extra KB files),
    /// extract.
    pub fn new(config: &PipelineConfig) -> Result<Pipeline, PipelineError> {
        // The three models are independent and each takes a noticeable share
        // of start-up (parsing the embedded syntax model, NER model and
        // knowledge base), so they load in parallel.
        let (syntax, (ner, kb)) = rayon::join(dossier_syntax::SyntaxTagger::embedded, || {
            rayon::join(dossier_ner::NerTagger::embedded, dossier_kb::Kb::embedded)
        });
        let syntax = syntax.map_err(|e| PipelineError::stage("syntax", e))?;
        let width = config
            .parse_beam
            .unwrap_or(PIPELINE_PARSE_BEAM.min(syntax.model().beam));
        let mut syntax = syntax.with_beam(width);
        if let Some(gap) = config.parse_gap {
            syntax = syntax.with_gap(gap);
        }
        let ner = ner.map_err(|e| PipelineError::stage("ner", e))?;
        let mut kb = kb.map_err(|e| PipelineError::stage("kb", e))?;
        for path in &config.kb_extra {
            kb.load_extra(path)
                .map_err(|e| PipelineError::stage("kb", e))?;
        }
        let components: Vec<Box<dyn Component>> = vec![
            Box::new(dossier_text::tokenize::Segmenter),
            Box::new(syntax),
            Box::new(ner),
            Box::new(dossier_time::TimeTagger::default()),
            Box::new(dossier_resolve::Resolver::new(Arc::new(kb))),
            Box::new(dossier_extract::Extractor::new()),
        ];
        Ok(Pipeline::from_components(components))
    }

    /// A pipeline of the given stages, for tests and tools that need a part.
    pub fn from_components(components: Vec<Box<dyn Component>>) -> Pipeline {
        let stage_nanos = components.iter().map(|_| AtomicU64::new(0)).collect();
        Pipeline {
            components,
            stage_nanos,
        }
    }

    /// Time spent so far in each stage, in order, summed over every document
    /// processed by this pipeline (CPU-parallel time adds up across threads).
    pub fn stage_times(&self) -> Vec<StageTime> {
        self.components
            .iter()
            .zip(&self.stage_nanos)
            .map(|(c, n)| StageTime {
                stage: c.name(),
                seconds: n.load(Ordering::Relaxed) as f64 * 1e-9,
            })
            .collect()
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Runs every stage on one document. A stage that panics does not take
    /// the batch down: the panic becomes an error diagnostic on the document
    /// and the later stages are skipped for it.
    pub fn process(&self, doc: &mut Document) {
        for (c, nanos) in self.components.iter().zip(&self.stage_nanos) {
            let start = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| c.process(doc)));
            nanos.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
            if let Err(payload) = result {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_string());
                doc.diagnose(
                    c.name(),
                    Severity::Error,
                    None,
                    format!("stage failed on this document and later stages were skipped: {what}; please report it"),
                );
                return;
            }
        }
    }

    /// Runs the pipeline over many documents in parallel; the documents stay
    /// in input order.
    pub fn process_batch(&self, docs: &mut [Document]) {
        docs.par_iter_mut().for_each(|d| self.process(d));
    }

    /// The loop that `extract` and `ingest` share: reads a stream of inputs,
    /// hands each bad one to `on_skip` and goes on, runs the pipeline over
    /// the good ones in batches of `batch_size` (in parallel, in input
    /// order), and hands each processed batch to `on_batch`. An error from
    /// `on_batch` (a full disk, a closed pipe) ends the run; a bad input
    /// never does.
    pub fn run<E, X>(
        &self,
        inputs: impl IntoIterator<Item = Result<Document, E>>,
        batch_size: usize,
        mut on_skip: impl FnMut(E),
        mut on_batch: impl FnMut(&mut [Document]) -> Result<(), X>,
    ) -> Result<RunSummary, X> {
        let batch_size = batch_size.max(1);
        let mut inputs = inputs.into_iter();
        let mut summary = RunSummary::default();
        let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
        loop {
            batch.clear();
            for item in inputs.by_ref() {
                match item {
                    Ok(doc) => {
                        batch.push(doc);
                        if batch.len() >= batch_size {
                            break;
                        }
                    }
                    Err(err) => {
                        summary.skipped += 1;
                        on_skip(err);
                    }
                }
            }
            if batch.is_empty() {
                return Ok(summary);
            }
            self.process_batch(&mut batch);
            summary.processed += batch.len();
            on_batch(&mut batch)?;
        }
    }
}

/// What [`Pipeline::run`] did: documents processed and inputs skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub processed: usize,
    pub skipped: usize,
}

/// The content warnings of a processed document (an impossible date, a lost
/// anchor, a failed stage) as one line for a terminal, or `None` when it has
/// none: `extract` and `ingest` print it on standard error, and the same
/// messages stay in the output's diagnostics.
pub fn warning_line(doc: &Document) -> Option<String> {
    let messages: Vec<String> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| format!("{} ({})", d.message, d.stage))
        .collect();
    if messages.is_empty() {
        return None;
    }
    let id = if doc.meta.id.is_empty() {
        "(no id)"
    } else {
        doc.meta.id.as_str()
    };
    Some(format!("{id}: {}", messages.join("; ")))
}
