//! `dossier train truecase`: the word list of the truecaser
//! (`crates/text/data/truecase.txt`), built from training text.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use dossier_text::truecase::CaseCounts;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// CoNLL-2003 training files (one word per line, documents and sentences
    /// as the NER trainer reads them)
    #[arg(long, num_args = 1.., default_value = "../shared/data/conll2003/eng.train")]
    conll: Vec<PathBuf>,
    /// CoNLL-U training files
    #[arg(
        long,
        num_args = 1..,
        default_values = [
            "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu",
            "../shared/data/ud-english-gum/en_gum-ud-train.from-sources.conllu",
        ]
    )]
    conllu: Vec<PathBuf>,
    /// Keep the words seen at least this many times away from the start of
    /// a sentence
    #[arg(long, default_value_t = 2)]
    min_count: u32,
    /// Where to write the word list
    #[arg(long, default_value = "crates/text/data/truecase.txt")]
    out: PathBuf,
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut counts = CaseCounts::default();
    let mut n_sentences = 0usize;
    for f in &args.conll {
        let docs = dossier_ner::conll::read_conll(f)
            .with_context(|| format!("reading {}", f.display()))?;
        for s in docs.iter().flat_map(|d| &d.sentences) {
            counts.add_sentence(&s.words);
            n_sentences += 1;
        }
    }
    for f in &args.conllu {
        let sents =
            dossier_syntax::read_conllu(f).with_context(|| format!("reading {}", f.display()))?;
        for s in &sents {
            counts.add_sentence(&s.form);
            n_sentences += 1;
        }
    }
    let list = counts.to_list(args.min_count);
    let n_words = list.lines().count();
    let header = "# Truecaser word list: the most frequent spelling of each word away from the\n\
                  # start of a sentence. Built by `dossier train truecase` from CoNLL-2003 train\n\
                  # and UD English EWT and GUM train; do not edit by hand.\n";
    std::fs::write(&args.out, format!("{header}{list}"))
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "{n_words} words from {n_sentences} sentences written to {}",
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
