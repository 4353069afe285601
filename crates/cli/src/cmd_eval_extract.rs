//! `dossier eval extract|muc4|petrarch`. Owned by the extraction stage.
//!
//! `dossier eval extract` scores the dev set (articles written for dossier,
//! `--set dev`, the default) or the real-news set (`--set real`: TempEval-3
//! TBAQ and MUC-4 articles annotated in `crates/extract/test_data/realset`,
//! their texts read from `../shared/data`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use dossier_extract::eval::{self, Counts, Scores};
use dossier_extract::realset;
use dossier_extract::Extractor;
use dossier_pipeline::Pipeline;

use crate::cmd_extract::ParserArgs;
use dossier_text::{tokenize, Component, Document};

/// Which annotated set `dossier eval extract` scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Set {
    /// The articles written for dossier (test_data/devset).
    Dev,
    /// Real news from TempEval-3 TBAQ and MUC-4 (test_data/realset), its
    /// texts read from the shared data folder.
    Real,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Which set to score.
    #[arg(long, value_enum, default_value_t = Set::Dev)]
    set: Set,
    /// Folder of the set's annotations (default: the set's folder under
    /// crates/extract/test_data). Dev: NAME.txt with entity markup +
    /// NAME.toml; real: tbaq-*.toml and muc4-*.toml.
    #[arg(long)]
    data: Option<PathBuf>,
    /// The shared data folder the real set's annotations point into.
    #[arg(long, default_value = "../shared/data")]
    texts: PathBuf,
    /// Score the held-back articles (DATA/heldout) instead.
    #[arg(long)]
    heldout: bool,
    /// Use the gold mentions and entities of the markup instead of the
    /// upstream stages: the extractor measured on its own.
    #[arg(long)]
    oracle: bool,
    /// Print each article's spurious (+) and missed (-) items.
    #[arg(long)]
    verbose: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// The parser's search, as `extract` takes it: what a setting costs.
    #[command(flatten)]
    parser: ParserArgs,
}

#[derive(clap::Args)]
pub struct Muc4Args {
    /// The GTT-processed MUC-4 folder (train/dev/test JSON lines).
    #[arg(long, default_value = "../shared/data/muc4/gtt_processed")]
    data: PathBuf,
    /// Which split to score: test (report) or dev.
    #[arg(long, default_value = "test")]
    split: String,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Print each document's gold and predicted templates.
    #[arg(long)]
    verbose: bool,
    /// The parser's search, as `extract` takes it: what a setting costs.
    #[command(flatten)]
    parser: ParserArgs,
}

#[derive(clap::Args)]
pub struct PetrarchArgs {
    /// The petrarch2 folder (text/ and dictionaries/).
    #[arg(long, default_value = "../shared/data/petrarch2")]
    data: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Print each record's expected and produced codings.
    #[arg(long)]
    verbose: bool,
}

const TEST_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/test_data");

/// Runs the pipeline over `text`, and the extractor after it when the
/// pipeline does not include it yet.
fn run_pipeline(
    pipeline: &Pipeline,
    extractor: &Extractor,
    text: String,
    meta: dossier_text::DocMeta,
) -> Document {
    let mut doc = Document::new(text, meta);
    pipeline.process(&mut doc);
    if !pipeline.stage_names().contains(&extractor.name()) {
        extractor.process(&mut doc);
    }
    doc
}

/// The P/R/F1 of one layer as JSON.
fn layer_json(c: Counts) -> serde_json::Value {
    serde_json::json!({
        "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
        "tp": c.tp, "predicted": c.predicted, "gold": c.gold,
    })
}

/// The three layers' table rows.
fn print_layers(s: &Scores) {
    println!("layer       precision  recall  f1     tp/pred/gold");
    for (name, c) in [
        ("relations", s.relations),
        ("events", s.events),
        ("claims", s.claims),
    ] {
        println!(
            "{name:<11} {:>9.3}  {:>6.3}  {:.3}  {}/{}/{}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.predicted,
            c.gold
        );
    }
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.set {
        Set::Dev => eval_dev(args),
        Set::Real => eval_real(args),
    }
}

fn set_dir(args: &EvalArgs, name: &str) -> PathBuf {
    let root = args
        .data
        .clone()
        .unwrap_or_else(|| PathBuf::from(TEST_DATA).join(name));
    if args.heldout {
        root.join("heldout")
    } else {
        root
    }
}

fn eval_dev(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let dir = set_dir(&args, "devset");
    if !dir.is_dir() {
        eprintln!(
            "dossier: no dev set at {}; skipping (pass --data DIR)",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let articles = eval::load_dir(&dir).with_context(|| format!("loading {}", dir.display()))?;
    for a in &articles {
        eval::check_gold(a)?;
    }
    let extractor = Extractor::new();
    let pipeline = if args.oracle {
        None
    } else {
        Some(Pipeline::new(&args.parser.pipeline_config()).context("building the pipeline")?)
    };
    let mut total = Scores::default();
    for a in &articles {
        let doc = match &pipeline {
            Some(p) => run_pipeline(p, &extractor, a.text()?, a.meta()),
            None => {
                let mut doc = a.oracle_document()?;
                if doc.tokens.is_empty() {
                    tokenize::segment(&mut doc);
                }
                extractor.process(&mut doc);
                doc
            }
        };
        let s = eval::score(&doc, &a.gold);
        if args.verbose {
            println!("== {}", a.id);
            print!("{}", eval::misses(&doc, &a.gold));
        }
        total.add(s);
    }
    let mode = if args.oracle { "oracle" } else { "pipeline" };
    if args.json {
        let out = serde_json::json!({
            "set": "dev",
            "articles": articles.len(),
            "mode": mode,
            "heldout": args.heldout,
            "relations": layer_json(total.relations),
            "events": layer_json(total.events),
            "claims": layer_json(total.claims),
        });
        println!("{out}");
    } else {
        println!(
            "{} articles from {} ({mode})",
            articles.len(),
            dir.display()
        );
        print_layers(&total);
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores of one source of the real set.
#[derive(Default)]
struct RealTotals {
    articles: usize,
    scores: Scores,
    entities: realset::EntityCounts,
    attributes: realset::Attributes,
}

impl RealTotals {
    fn add(
        &mut self,
        scores: Scores,
        entities: realset::EntityCounts,
        attributes: realset::Attributes,
    ) {
        self.articles += 1;
        self.scores.add(scores);
        self.entities.add(entities);
        self.attributes.add(attributes);
    }

    fn json(&self) -> serde_json::Value {
        let e = self.entities;
        serde_json::json!({
            "articles": self.articles,
            "entities": {
                "recall": e.recall(), "typed_recall": e.typed_recall(),
                "found": e.found, "typed": e.typed, "gold": e.gold,
            },
            "relations": layer_json(self.scores.relations),
            "events": layer_json(self.scores.events),
            "claims": layer_json(self.scores.claims),
            "matched_attributes": self.attributes,
        })
    }

    fn print(&self, title: &str) {
        let e = self.entities;
        println!("{title}: {} articles", self.articles);
        println!(
            "entities    recall {:.3}, with the gold type {:.3}  ({}/{}/{} found/typed/gold)",
            e.recall(),
            e.typed_recall(),
            e.found,
            e.typed,
            e.gold
        );
        print_layers(&self.scores);
        let t = self.attributes;
        println!(
            "of {} matched events, as annotated: full code {}, modality {}, time {}, place {}; \
             of {} matched claims, direct or reported {}",
            t.events, t.code, t.modality, t.time, t.place, t.claims, t.kind
        );
    }
}

/// `dossier eval extract --set real`: the full pipeline on the real-news
/// set, per source and in all.
fn eval_real(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if args.oracle {
        anyhow::bail!("the real set has no gold mentions; drop --oracle");
    }
    let dir = set_dir(&args, "realset");
    if !args.texts.is_dir() {
        eprintln!(
            "dossier: no shared data at {}; skipping the real set (pass --texts DIR)",
            args.texts.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !dir.is_dir() {
        eprintln!(
            "dossier: no real set at {}; skipping (pass --data DIR)",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let extractor = Extractor::new();
    let known = realset::Known::of(extractor.lexicon());
    let mut articles = Vec::new();
    let mut skipped = 0;
    for path in realset::paths(&dir).with_context(|| format!("listing {}", dir.display()))? {
        // A bad annotation is reported and skipped; the others are scored.
        let article = match realset::load(&path, &args.texts) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("dossier: skipping {:#}", anyhow::Error::from(e));
                skipped += 1;
                continue;
            }
        };
        let problems = article.problems(&known);
        if !problems.is_empty() {
            for p in &problems {
                eprintln!("dossier: {}: {p}", path.display());
            }
            skipped += 1;
            continue;
        }
        articles.push(article);
    }
    let pipeline =
        Pipeline::new(&args.parser.pipeline_config()).context("building the pipeline")?;
    let mut by_corpus: std::collections::BTreeMap<realset::Corpus, RealTotals> = Default::default();
    let mut total = RealTotals::default();
    for a in &articles {
        let doc = run_pipeline(&pipeline, &extractor, a.text.clone(), a.meta());
        let gold = a.gold();
        let scores = eval::score(&doc, &gold);
        let entities = realset::score_entities(&doc, &a.annotation);
        let attributes = realset::score_attributes(&doc, a);
        if args.verbose {
            println!("== {}", a.id);
            print!("{}", realset::entity_misses(&doc, &a.annotation));
            print!("{}", eval::misses(&doc, &gold));
        }
        by_corpus
            .entry(a.corpus)
            .or_default()
            .add(scores, entities, attributes);
        total.add(scores, entities, attributes);
    }
    if args.json {
        let per_source: serde_json::Map<String, serde_json::Value> = by_corpus
            .iter()
            .map(|(c, t)| (c.as_str().to_string(), t.json()))
            .collect();
        let mut out = total.json();
        out["set"] = "real".into();
        out["heldout"] = args.heldout.into();
        out["skipped"] = skipped.into();
        out["sources"] = per_source.into();
        println!("{out}");
    } else {
        let title = format!("real set, {} (full pipeline)", dir.display());
        total.print(&title);
        for (c, t) in &by_corpus {
            println!();
            t.print(c.as_str());
        }
        if skipped > 0 {
            println!("\n{skipped} annotation files skipped (see the messages above)");
        }
    }
    Ok(if skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn muc4(args: Muc4Args) -> anyhow::Result<ExitCode> {
    use dossier_extract::muc4;
    let path = args.data.join(format!("{}.json", args.split));
    if !path.is_file() {
        eprintln!(
            "dossier: no MUC-4 file at {}; skipping (pass --data DIR)",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let pipeline =
        Pipeline::new(&args.parser.pipeline_config()).context("building the pipeline")?;
    let extractor = Extractor::new();
    let mut roles = [muc4::Counts::default(); 5];
    let mut n_docs = 0;
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let gold: muc4::GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a GTT document", path.display(), n + 1))?;
        let doc = run_pipeline(
            &pipeline,
            &extractor,
            gold.doctext.clone(),
            dossier_text::DocMeta {
                id: gold.docid.clone(),
                ..Default::default()
            },
        );
        let gold_templates: Vec<muc4::Template> = gold
            .templates
            .iter()
            .map(muc4::Template::from_gold)
            .collect();
        let predicted = muc4::templates(&doc);
        let c = muc4::score_roles(&predicted, &gold_templates);
        if args.verbose {
            print_muc4_doc(&gold.docid, &c, &gold_templates, &predicted);
        }
        for (t, c) in roles.iter_mut().zip(c) {
            t.tp += c.tp;
            t.predicted += c.predicted;
            t.gold += c.gold;
        }
        n_docs += 1;
    }
    let total = muc4::Counts {
        tp: roles.iter().map(|c| c.tp).sum(),
        predicted: roles.iter().map(|c| c.predicted).sum(),
        gold: roles.iter().map(|c| c.gold).sum(),
    };
    let prf = |c: &muc4::Counts| {
        let p = if c.predicted == 0 {
            0.0
        } else {
            c.tp as f64 / c.predicted as f64
        };
        let r = if c.gold == 0 {
            0.0
        } else {
            c.tp as f64 / c.gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f1)
    };
    let (p, r, f1) = prf(&total);
    if args.json {
        let per_role: serde_json::Map<String, serde_json::Value> = muc4::ROLES
            .iter()
            .zip(&roles)
            .map(|(name, c)| {
                let (p, r, f1) = prf(c);
                (
                    name.to_string(),
                    serde_json::json!({"precision": p, "recall": r, "f1": f1,
                        "tp": c.tp, "predicted": c.predicted, "gold": c.gold}),
                )
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"documents": n_docs, "split": args.split, "precision": p, "recall": r, "f1": f1,
                "tp": total.tp, "predicted": total.predicted, "gold": total.gold, "roles": per_role})
        );
    } else {
        println!(
            "{n_docs} MUC-4 documents ({}), role fillers {}/{}/{} (tp/pred/gold)",
            args.split, total.tp, total.predicted, total.gold
        );
        for (name, c) in muc4::ROLES.iter().zip(&roles) {
            let (p, r, f1) = prf(c);
            println!(
                "  {name:<8} {:>4}/{:>4}/{:>4}  P {p:.3}  R {r:.3}  F1 {f1:.3}",
                c.tp, c.predicted, c.gold
            );
        }
        println!(
            "precision {p:.3}  recall {r:.3}  micro-F1 {f1:.3}  (GTT 0.502, IterX 0.530 on test)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One document's gold and predicted templates, for `--verbose`: a
/// filler is its entity's strings joined by " | ".
fn print_muc4_doc(
    docid: &str,
    counts: &[dossier_extract::muc4::Counts; 5],
    gold: &[dossier_extract::muc4::Template],
    predicted: &[dossier_extract::muc4::Template],
) {
    use dossier_extract::muc4::ROLES;
    let (tp, p, g) = counts.iter().fold((0, 0, 0), |(a, b, c), x| {
        (a + x.tp, b + x.predicted, c + x.gold)
    });
    println!("== {docid}  {tp}/{p}/{g} (tp/pred/gold)");
    for (side, templates) in [("gold", gold), ("pred", predicted)] {
        for t in templates {
            println!("  {side} [{}]", t.incident);
            for (name, fillers) in ROLES.iter().zip(&t.roles) {
                for f in fillers {
                    println!("    {name}: {}", f.join(" | "));
                }
            }
        }
    }
}

pub fn petrarch(args: PetrarchArgs) -> anyhow::Result<ExitCode> {
    use dossier_extract::petrarch;
    let records_path = args.data.join("text/PETR.UnitTest.records.xml");
    let actors_path = args.data.join("dictionaries/PETR.Validate.actors.txt");
    if !records_path.is_file() || !actors_path.is_file() {
        eprintln!(
            "dossier: no PETRARCH2 validation records under {}; skipping (pass --data DIR)",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let xml = std::fs::read_to_string(&records_path)
        .with_context(|| format!("reading {}", records_path.display()))?;
    let dict = std::fs::read_to_string(&actors_path)
        .with_context(|| format!("reading {}", actors_path.display()))?;
    let verbs_path = args.data.join("dictionaries/PETR.Validate.verbs.txt");
    let verbs = std::fs::read_to_string(&verbs_path)
        .with_context(|| format!("reading {}", verbs_path.display()))?;
    let records = petrarch::parse_records(&xml);
    let actors = petrarch::parse_actors(&dict);
    let verbs = petrarch::parse_verbs(&verbs);
    let mut lexicon = dossier_extract::Lexicon::embedded()?;
    petrarch::extend_lexicon(&mut lexicon, &verbs);
    let syntax =
        dossier_syntax::SyntaxTagger::embedded()?.with_beam(dossier_pipeline::PIPELINE_PARSE_BEAM);
    let pipeline = Pipeline::from_components(vec![
        Box::new(syntax),
        Box::new(Extractor::with_lexicon(lexicon)),
    ]);
    let mut report = petrarch::Report::default();
    for r in &records {
        let mut doc = petrarch::document(r, &actors);
        pipeline.process(&mut doc);
        petrarch::score(&doc, r, &mut report);
        if args.verbose {
            println!("{} {}: {}", r.id, r.category, r.text);
            println!("  expected {:?}", r.expected);
            print!("{}", dossier_extract::render::events(&doc));
        }
    }
    let frac = |n: usize| {
        if report.expected == 0 {
            0.0
        } else {
            n as f64 / report.expected as f64
        }
    };
    if args.json {
        let out = serde_json::json!({
            "records": report.records,
            "expected": report.expected,
            "predicted": report.predicted,
            "exact": frac(report.exact),
            "root_and_dyad": frac(report.root_and_dyad),
            "root_only": frac(report.root_only),
            "counts": report,
        });
        println!("{out}");
    } else {
        println!(
            "{} records, {} expected codings, {} events produced",
            report.records, report.expected, report.predicted
        );
        println!(
            "same source, target and code   {:>4}  {:.3}",
            report.exact,
            frac(report.exact)
        );
        println!(
            "same source, target and root   {:>4}  {:.3}",
            report.root_and_dyad,
            frac(report.root_and_dyad)
        );
        println!(
            "same root                      {:>4}  {:.3}",
            report.root_only,
            frac(report.root_only)
        );
    }
    Ok(ExitCode::SUCCESS)
}
