//! The whole syntax model (tagger, lemmatiser, parser) and its file format.

use std::sync::Arc;

use dossier_text::Upos;

use crate::codec::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::{ParseInput, ParseScratch, ParserModel};
use crate::tagger::{TagScratch, TaggerModel};
use crate::SyntaxError;

/// Version 4 records the beam gap and the parser reads the tagger's near
/// runner-up tags; version 3 records the beam width; version 2 files parse
/// greedily.
const MAGIC: &[u8; 8] = b"DSYNTAX4";
const MAGIC_V3: &[u8; 8] = b"DSYNTAX3";
const MAGIC_V2: &[u8; 8] = b"DSYNTAX2";

/// Tagger, lemmatiser and parser, loaded once and shared across threads.
#[derive(Clone, Debug)]
pub struct Model {
    pub tagger: TaggerModel,
    pub lemmatizer: Lemmatizer,
    pub parser: ParserModel,
    /// `tagger.tags` split into UPOS and XPOS.
    split: Vec<(Upos, Arc<str>)>,
    /// The parser's labels, shared by every token that carries one.
    labels: Vec<Arc<str>>,
    /// `tag_classes(&tagger.tags)`.
    classes: Vec<u8>,
    /// Parser beam width (1: greedy), as the model file records it; a
    /// caller may choose another with [`Model::with_beam`].
    pub beam: usize,
    /// How far below the best a beam item may score and stay (weight units;
    /// infinite: no limit), as the model file records it.
    pub gap: f32,
}

/// Per-thread buffers for [`Model::analyze`]; reuse one across sentences.
#[derive(Default)]
pub struct Scratch {
    pub tag: TagScratch,
    pub parse: ParseScratch,
    input: ParseInput,
    /// Joint tag ids of the last sentence.
    pub tags: Vec<u16>,
}

impl Scratch {
    /// Heads of the last sentence, 1-based, 0 for the root; index 0 unused.
    pub fn heads(&self) -> &[u32] {
        &self.parse.state.head
    }
    /// Label ids of the last sentence; index 0 unused.
    pub fn labels(&self) -> &[u8] {
        &self.parse.state.label
    }
}

/// Splits a joint tag `"UPOS XPOS"`.
pub fn split_tag(tag: &str) -> (Upos, Arc<str>) {
    let (u, x) = tag.split_once(' ').unwrap_or((tag, "_"));
    (Upos::parse(u).unwrap_or(Upos::X), Arc::from(x))
}

/// Per joint tag: 1 for punctuation, 2 for verbs and auxiliaries, else 0.
/// The parser counts these between the two words it may attach.
pub fn tag_classes(tags: &[String]) -> Vec<u8> {
    tags.iter()
        .map(|t| match split_tag(t).0 {
            Upos::PUNCT => 1,
            Upos::VERB | Upos::AUX => 2,
            _ => 0,
        })
        .collect()
}

/// Parser word identity: the normalised form, or its part after the last
/// hyphen (the document tokenizer keeps hyphenated words whole).
pub fn parse_input(tag: &TagScratch, tags: &[u16], classes: &[u8], out: &mut ParseInput) {
    out.clear();
    for (i, (a, &t)) in tag.atoms.iter().zip(tags).enumerate() {
        let class = classes.get(t as usize).copied().unwrap_or(0);
        // Tags not from the tagger (gold training tags) have no runner-up.
        let runner_up = match tag.runner_up.get(i) {
            Some(&r) if tag.runner_up.len() == tags.len() => r,
            _ => (0, f32::INFINITY),
        };
        out.push(a.tail, t, a.fine, a.coarse, class, runner_up);
    }
}

impl Model {
    pub fn new(tagger: TaggerModel, lemmatizer: Lemmatizer, parser: ParserModel) -> Model {
        let split = tagger.tags.iter().map(|t| split_tag(t)).collect();
        let classes = tag_classes(&tagger.tags);
        let labels = parser
            .labels
            .iter()
            .map(|l| Arc::from(l.as_str()))
            .collect();
        Model {
            tagger,
            lemmatizer,
            parser,
            split,
            labels,
            classes,
            beam: 1,
            gap: f32::INFINITY,
        }
    }

    /// The same model parsing with a beam of `width` (1: greedy).
    pub fn with_beam(mut self, width: usize) -> Model {
        self.beam = width.max(1);
        self
    }

    /// The same model keeping only beam items within `gap` of the best.
    pub fn with_gap(mut self, gap: f32) -> Model {
        self.gap = gap;
        self
    }

    /// Tags and parses one sentence; the results stay in `scratch`.
    pub fn analyze(&self, forms: &[&str], scratch: &mut Scratch) {
        scratch.tag.load(forms, &self.tagger.lexicon);
        self.tagger.tag(&mut scratch.tag, &mut scratch.tags);
        parse_input(
            &scratch.tag,
            &scratch.tags,
            &self.classes,
            &mut scratch.input,
        );
        self.parser
            .parse_beam(&scratch.input, self.beam, self.gap, &mut scratch.parse);
        // A joint parser may have taken the tagger's runner-up.
        for (i, t) in scratch.tags.iter_mut().enumerate() {
            if scratch.parse.state.flipped(i as u32 + 1) {
                *t = scratch.input.second_tag(i + 1).unwrap_or(*t);
            }
        }
    }

    /// The model without its smallest weights (see [`crate::train::TrainConfig::prune`]).
    pub fn pruned(&self, threshold: f32) -> Model {
        let mut m = self.clone();
        m.tagger.weights = m.tagger.weights.pruned(threshold);
        m.parser.weights = m.parser.weights.pruned(threshold);
        m
    }

    /// The model without the parser weights of magnitude `threshold` or
    /// less: the parser `train` would have kept with that `prune`.
    pub fn parser_pruned(&self, threshold: f32) -> Model {
        let mut m = self.clone();
        m.parser.weights = m.parser.weights.pruned(threshold);
        m
    }

    /// Rows and entries of the tagger and parser weight tables.
    pub fn size(&self) -> [usize; 4] {
        [
            self.tagger.weights.n_rows(),
            self.tagger.weights.n_entries(),
            self.parser.weights.n_rows(),
            self.parser.weights.n_entries(),
        ]
    }

    pub fn upos(&self, tag: u16) -> Upos {
        self.split[tag as usize].0
    }
    pub fn xpos(&self, tag: u16) -> &str {
        &self.split[tag as usize].1
    }
    /// The XPOS of a joint tag, shared (no allocation per token).
    pub fn xpos_shared(&self, tag: u16) -> Arc<str> {
        self.split[tag as usize].1.clone()
    }
    pub fn label(&self, label: u8) -> &str {
        &self.labels[label as usize]
    }
    /// A parser label, shared (no allocation per token).
    pub fn label_shared(&self, label: u8) -> Arc<str> {
        self.labels[label as usize].clone()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.u32(self.beam as u32);
        w.f32s(&[self.gap]);
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, SyntaxError> {
        Model::read(Reader::new(bytes))
    }

    /// The model for tagging only: its weight tables keep what scoring
    /// reads ([`Reader::for_scoring`]), and it can be neither written nor
    /// pruned.
    pub fn from_bytes_for_scoring(bytes: &[u8]) -> Result<Model, SyntaxError> {
        Model::read(Reader::for_scoring(bytes))
    }

    fn read(mut r: Reader) -> Result<Model, SyntaxError> {
        let version = match r.bytes().ok() {
            Some(m) if m == MAGIC.as_slice() => 4,
            Some(m) if m == MAGIC_V3.as_slice() => 3,
            Some(m) if m == MAGIC_V2.as_slice() => 2,
            _ => {
                return Err(SyntaxError::Corrupt(
                    "not a dossier syntax model (rebuild it with `dossier train syntax`)".into(),
                ))
            }
        };
        let tagger = TaggerModel::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = ParserModel::read(&mut r)?;
        let beam = if version >= 3 { r.u32()? as usize } else { 1 };
        if !(1..=64).contains(&beam) {
            return Err(SyntaxError::Corrupt(format!("beam width {beam}")));
        }
        let mut gap = f32::INFINITY;
        if version >= 4 {
            gap = match r.f32s()?[..] {
                [g] if g > 0.0 => g,
                _ => return Err(SyntaxError::Corrupt("bad beam gap".into())),
            };
        }
        Ok(Model::new(tagger, lemmatizer, parser)
            .with_beam(beam)
            .with_gap(gap))
    }
}
