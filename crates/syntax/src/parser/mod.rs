//! Arc-eager dependency parser (Nivre 2003) on an averaged perceptron with
//! the rich feature set of Zhang & Nivre (2011). It parses greedily
//! ([`parse_with`], trained with the dynamic oracle of Goldberg & Nivre
//! 2012 so that it learns to recover from its own mistakes) or with a beam
//! search ([`parse_beam`], trained with the max-violation update of Huang
//! et al. 2012); the model file records the beam width it was trained
//! with, and the shipped model is a beam model that the pipeline runs at a
//! width of 2 (`PipelineConfig::parse_beam`). Word clusters stand in for words and tags in a
//! copy of the main templates (Koo et al. 2008), and the punctuation and
//! verbs between the two candidate words are counted (McDonald et al. 2005).
//!
//! Transitions are labelled: `SHIFT`, `REDUCE`, `LEFT-l` and `RIGHT-l` for
//! every label `l`. Position 0 is the artificial root; words are `1..n`.
//! The root sits at the end of the buffer, not at the bottom of the stack
//! (Ballesteros & Nivre 2013): the parser then decides what the root of the
//! sentence is only after it has seen all of it.

use crate::codec::{Reader, Writer};
#[cfg(feature = "train")]
use crate::perceptron::Trainer;
use crate::perceptron::{fmix64, IdMap, Weights};
use crate::tagger::Scorer;
use crate::SyntaxError;

mod beam;
mod features;
#[cfg(feature = "train")]
mod oracle;

#[cfg(feature = "train")]
pub use beam::train_sentence_beam;
pub use beam::{parse_beam, Beam};
use features::{features, features_of, BUF, REST, S0B};
#[cfg(feature = "train")]
use oracle::static_oracle;
#[cfg(feature = "train")]
pub use oracle::{projectivize, train_sentence, ParseExample, Rng};

const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// A sentence as the parser sees it: per position (0 = root) a word hash
/// and a tag id. Both are 0 for "none"; the root has its own values.
#[derive(Clone, Debug, Default)]
pub struct ParseInput {
    pub word: Vec<u64>,
    pub tag: Vec<u64>,
    /// Fine and coarse word clusters (0: none).
    pub fine: Vec<u64>,
    pub coarse: Vec<u64>,
    /// The tagger's runner-up tag where it nearly won, with how near (see
    /// [`ParseInput::push`]); 0 where the tagger was sure.
    pub alt: Vec<u64>,
    /// Punctuation tokens and verbs up to each position (prefix counts),
    /// for what lies between two words.
    pub punct: Vec<u16>,
    pub verbs: Vec<u16>,
}

impl ParseInput {
    pub fn clear(&mut self) {
        self.word.clear();
        self.tag.clear();
        self.fine.clear();
        self.coarse.clear();
        self.alt.clear();
        self.alt.push(0);
        self.word.push(ROOT_WORD);
        self.tag.push(ROOT_TAG);
        self.fine.push(ROOT_TAG);
        self.coarse.push(ROOT_TAG);
        self.punct.clear();
        self.verbs.clear();
        self.punct.push(0);
        self.verbs.push(0);
    }
    /// Appends a word; `class` is 1 for punctuation, 2 for a verb;
    /// `runner_up` is the tagger's second choice and the score it fell short
    /// by. Where that is under [`NEAR_TAG`], the parser sees the second
    /// choice too: about half such tags are wrong on EWT dev, and then the
    /// second choice is mostly right.
    pub fn push(
        &mut self,
        word: u64,
        tag: u16,
        fine: u64,
        coarse: u64,
        class: u8,
        runner_up: (u16, f32),
    ) {
        self.word.push(word);
        let (second, margin) = runner_up;
        let near = NEAR_TAG.iter().position(|&m| margin < m);
        self.alt
            .push(near.map_or(0, |k| (second as u64 + 1) << 2 | (k as u64 + 1)));
        self.tag.push(tag as u64 + 1);
        let (p, v) = (
            self.punct[self.punct.len() - 1],
            self.verbs[self.verbs.len() - 1],
        );
        self.punct.push(p + (class == 1) as u16);
        self.verbs.push(v + (class == 2) as u16);
        // Shifted so that "no cluster" differs from "no token" (0).
        self.fine.push(fine + 1);
        self.coarse.push(coarse + 1);
    }
    fn n(&self) -> usize {
        self.word.len()
    }

    /// The tagger's near runner-up tag at position `i` (words are 1-based),
    /// as [`ParseInput::push`] was given it.
    pub fn second_tag(&self, i: usize) -> Option<u16> {
        (self.alt[i] != 0).then(|| (self.alt[i] >> 2) as u16 - 1)
    }
}

const ROOT_WORD: u64 = 0x00a1_b2c3;
const ROOT_TAG: u64 = 0xffff;
const NONE: u32 = u32::MAX;

/// The parser configuration, with per-token summaries of the arcs so far.
#[derive(Default)]
pub struct State {
    stack: Vec<u32>,
    b: u32,
    n: u32,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Joint tagging (see [`Moves::joint`]): bit sets of the words whose tag
    /// is still open between the tagger's two choices when they reach the
    /// buffer front, and of those given the second choice; `tagged` is the
    /// first position not yet decided.
    open: Vec<u64>,
    flip: Vec<u64>,
    tagged: u32,
}

impl State {
    fn reset(&mut self, inp: &ParseInput, moves: Moves) {
        let n = inp.n();
        self.stack.clear();
        self.b = 1;
        self.n = n as u32;
        self.tagged = 0;
        for v in [&mut self.open, &mut self.flip] {
            v.clear();
            v.resize(n / 64 + 1, 0);
        }
        if moves.joint {
            for (i, &a) in inp.alt.iter().enumerate() {
                self.open[i / 64] |= ((a != 0) as u64) << (i % 64);
            }
        }
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n, NONE);
        }
        for v in [&mut self.label, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n, 0);
        }
    }

    /// Becomes a copy of `o`, reusing this state's buffers (no allocation
    /// once they have grown to the sentence length).
    fn copy_from(&mut self, o: &State) {
        self.stack.clone_from(&o.stack);
        self.b = o.b;
        self.n = o.n;
        self.head.clone_from(&o.head);
        self.label.clone_from(&o.label);
        self.lc1.clone_from(&o.lc1);
        self.lc2.clone_from(&o.lc2);
        self.rc1.clone_from(&o.rc1);
        self.rc2.clone_from(&o.rc2);
        self.nl.clone_from(&o.nl);
        self.nr.clone_from(&o.nr);
        self.lset.clone_from(&o.lset);
        self.rset.clone_from(&o.rset);
        self.open.clone_from(&o.open);
        self.flip.clone_from(&o.flip);
        self.tagged = o.tagged;
    }

    /// Whether word `i` took the tagger's second choice (joint tagging).
    #[inline]
    pub fn flipped(&self, i: u32) -> bool {
        let i = i as usize;
        self.flip
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Whether the buffer front's tag must be decided before anything else.
    #[inline]
    fn tag_pending(&self) -> bool {
        let b = self.b as usize;
        self.b < self.n && self.b >= self.tagged && self.open[b / 64] >> (b % 64) & 1 == 1
    }

    /// Done when only the root is left in the buffer and the stack is empty.
    fn done(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// Whether the root is the front of the buffer.
    fn root_front(&self) -> bool {
        self.b >= self.n
    }

    /// The top of the stack, or `NONE`.
    fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The front of the buffer: a word, or 0 for the root.
    fn b0(&self) -> u32 {
        if self.b < self.n {
            self.b
        } else {
            0
        }
    }

    /// The buffer item `k` places after the front, or `NONE`.
    fn buffer(&self, k: u32) -> u32 {
        let p = self.b + k;
        if p < self.n {
            p
        } else if p == self.n {
            0
        } else {
            NONE
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hi, di) = (h as usize, d as usize);
        self.head[di] = h;
        self.label[di] = l;
        // The root is at the end: its dependents are left dependents.
        if d < h || h == 0 {
            self.lc2[hi] = self.lc1[hi];
            self.lc1[hi] = d;
            self.nl[hi] = self.nl[hi].saturating_add(1);
            self.lset[hi] |= 1 << (l % 64);
        } else {
            self.rc2[hi] = self.rc1[hi];
            self.rc1[hi] = d;
            self.nr[hi] = self.nr[hi].saturating_add(1);
            self.rset[hi] |= 1 << (l % 64);
        }
    }
}

/// Which classes a configuration allows (see [`Moves::validity`]).
struct Validity {
    shift: bool,
    reduce: bool,
    left: bool,
    right: bool,
    root_front: bool,
    /// Only the tag moves are allowed, and only then.
    tag: bool,
    moves: Moves,
}

impl Validity {
    #[inline]
    fn allows(&self, c: usize) -> bool {
        let Moves { n_labels, root, .. } = self.moves;
        if self.tag || c >= self.moves.tag_keep() {
            return self.tag && c >= self.moves.tag_keep();
        }
        match c {
            SHIFT => self.shift,
            REDUCE => self.reduce,
            c if c < 2 + n_labels => self.left && ((c - 2 == root) == self.root_front),
            c => self.right && c - 2 - n_labels != root,
        }
    }
}

/// The trained parser.
#[derive(Clone, Debug, Default)]
pub struct ParserModel {
    pub labels: Vec<String>,
    pub weights: Weights,
}

/// Transition layout for a label inventory.
#[derive(Clone, Copy)]
pub struct Moves {
    n_labels: usize,
    root: usize,
    /// Label for extra root words, attached to the first (`parataxis`).
    fallback: usize,
    /// Joint tagging: where the tagger's runner-up tag was near (see
    /// [`ParseInput::push`]), the parser decides between the two tags when
    /// the word reaches the buffer front, by `TAG-KEEP` or `TAG-SECOND`
    /// (the last two classes), scored with all its features; later features
    /// see the tag it chose.
    pub joint: bool,
}

impl Moves {
    pub fn new(labels: &[String], joint: bool) -> Moves {
        Moves {
            joint,
            n_labels: labels.len(),
            root: labels.iter().position(|l| l == "root").unwrap_or(0),
            fallback: labels
                .iter()
                .position(|l| l == "parataxis")
                .or_else(|| labels.iter().position(|l| l == "dep"))
                .unwrap_or(0),
        }
    }
    pub fn n_classes(self) -> usize {
        2 + 2 * self.n_labels + 2 * self.joint as usize
    }

    /// The class that keeps the tagger's first choice; the next one takes
    /// its second.
    fn tag_keep(self) -> usize {
        2 + 2 * self.n_labels
    }

    /// Whether class `c` may be applied in `st`. The root label is reserved
    /// for arcs from the artificial root, which are all left arcs.
    fn valid(self, st: &State, c: usize) -> bool {
        if st.done() {
            return false;
        }
        let pending = st.tag_pending();
        if pending || c >= self.tag_keep() {
            return pending && c >= self.tag_keep() && c < self.n_classes();
        }
        let s0 = st.s0();
        let root_front = st.root_front();
        let has_head = s0 != NONE && st.head[s0 as usize] != NONE;
        match c {
            SHIFT => !root_front,
            REDUCE => has_head,
            c if c < 2 + self.n_labels => {
                s0 != NONE && !has_head && ((c - 2 == self.root) == root_front)
            }
            c => s0 != NONE && !root_front && c - 2 - self.n_labels != self.root,
        }
    }

    /// [`Moves::valid`] for every class of `st` at once.
    fn validity(self, st: &State) -> Validity {
        let ok = |c| self.valid(st, c);
        let root_front = st.root_front();
        // A label other than root, for the classes that must not use it.
        let other = usize::from(self.root == 0);
        let first_left = if root_front { 2 + self.root } else { 2 + other };
        Validity {
            shift: ok(SHIFT),
            reduce: ok(REDUCE),
            // Left arcs: only `LEFT-root` when the root is the buffer front,
            // else all but it; right arcs: all but `RIGHT-root`.
            left: ok(first_left),
            right: !root_front && ok(2 + self.n_labels + other),
            root_front,
            tag: st.tag_pending(),
            moves: self,
        }
    }

    fn apply(self, st: &mut State, c: usize) {
        let s0 = st.s0();
        if c >= self.tag_keep() {
            let b = st.b as usize;
            st.flip[b / 64] |= ((c > self.tag_keep()) as u64) << (b % 64);
            st.tagged = st.b + 1;
            return;
        }
        match c {
            SHIFT => {
                st.stack.push(st.b);
                st.b += 1;
            }
            REDUCE => {
                st.stack.pop();
            }
            c if c < 2 + self.n_labels => {
                st.add_arc(st.b0(), s0, (c - 2) as u8);
                st.stack.pop();
            }
            c => {
                st.add_arc(s0, st.b, (c - 2 - self.n_labels) as u8);
                st.stack.push(st.b);
                st.b += 1;
            }
        }
    }
}

/// Tagger score margins (in weight units) under which a runner-up
/// tag counts as near, closest first: on EWT dev about 2% of tokens fall
/// under the first and 6% under the second.
const NEAR_TAG: [f32; 2] = [4.0, 16.0];

/// Scratch space reused across sentences.
#[derive(Default)]
pub struct ParseScratch {
    pub state: State,
    feats: Vec<u64>,
    scores: Vec<f32>,
    beam: Beam,
}

fn best_valid(moves: Moves, st: &State, scores: &[f32], ok: impl Fn(usize) -> bool) -> usize {
    let valid = moves.validity(st);
    let mut best = SHIFT;
    let mut best_score = f32::NEG_INFINITY;
    for (c, &s) in scores.iter().enumerate() {
        if s > best_score && valid.allows(c) && ok(c) {
            best = c;
            best_score = s;
        }
    }
    best
}

/// Parses into `out_head` (0 = root, words 1-based) and `out_label`.
pub fn parse_with<S: Scorer>(
    scorer: &S,
    moves: Moves,
    inp: &ParseInput,
    scratch: &mut ParseScratch,
) {
    let st = &mut scratch.state;
    st.reset(inp, moves);
    scratch.scores.resize(moves.n_classes(), 0.0);
    while !st.done() {
        features(inp, st, &mut scratch.feats);
        scorer.score(&scratch.feats, &mut scratch.scores);
        let c = best_valid(moves, st, &scratch.scores, |_| true);
        moves.apply(st, c);
    }
    finish(moves, st);
}

/// Leaves one root per sentence: the first word attached to the
/// artificial root stays the root, and later ones attach to it (as
/// `parataxis`, what UD uses for run-on clauses).
fn finish(moves: Moves, st: &mut State) {
    let n = st.n as usize;
    let mut root = None;
    for i in 1..n {
        if st.head[i] == NONE || st.head[i] == 0 {
            match root {
                None => {
                    root = Some(i);
                    st.head[i] = 0;
                    st.label[i] = moves.root as u8;
                }
                Some(r) => {
                    st.head[i] = r as u32;
                    st.label[i] = moves.fallback as u8;
                }
            }
        }
    }
}

impl ParserModel {
    pub fn moves(&self) -> Moves {
        let plain = Moves::new(&self.labels, false);
        Moves::new(&self.labels, self.weights.n_classes() > plain.n_classes())
    }

    pub fn parse(&self, inp: &ParseInput, scratch: &mut ParseScratch) {
        parse_with(&self.weights, self.moves(), inp, scratch)
    }

    /// Parses with a beam of `width` (1: greedy, the same as [`Self::parse`])
    /// whose items may score at most `gap` (in weight units) below the best.
    pub fn parse_beam(&self, inp: &ParseInput, width: usize, gap: f32, scratch: &mut ParseScratch) {
        parse_beam(&self.weights, self.moves(), inp, width, gap, scratch)
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<ParserModel, SyntaxError> {
        let labels = r.strs()?;
        let weights = Weights::read(r)?;
        let fits = |joint| weights.n_classes() == Moves::new(&labels, joint).n_classes();
        if labels.is_empty() || !(fits(false) || fits(true)) {
            return Err(SyntaxError::Corrupt(
                "parser weights do not match its labels".into(),
            ));
        }
        Ok(ParserModel { labels, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::beam::SharedScores;
    use super::*;

    #[test]
    fn punctuation_and_verbs_between_two_words_are_counted() {
        // "He said , she left ." with classes: said and left verbs, commas
        // and the full stop punctuation.
        let mut input = ParseInput::default();
        input.clear();
        for (t, class) in [0u8, 2, 1, 0, 2, 1].into_iter().enumerate() {
            input.push(t as u64, t as u16, 0, 0, class, (0, f32::INFINITY));
        }
        assert_eq!(input.punct, [0, 0, 0, 1, 1, 1, 2]);
        assert_eq!(input.verbs, [0, 0, 1, 1, 1, 2, 2]);
        // Between "said" (2) and "left" (5): one comma, no verb.
        assert_eq!(input.punct[4] - input.punct[2], 1);
        assert_eq!(input.verbs[4] - input.verbs[2], 0);
    }

    #[test]
    fn only_near_runner_up_tags_reach_the_parser() {
        let mut input = ParseInput::default();
        input.clear();
        for margin in [2.0, 10.0, 100.0, f32::INFINITY] {
            input.push(1, 3, 0, 0, 0, (5, margin));
        }
        // Root, then runner-up 5 (stored + 1) with its nearness 1 or 2.
        assert_eq!(input.alt, [0, 6 << 2 | 1, 6 << 2 | 2, 0, 0]);
        let second: Vec<_> = (0..5).map(|i| input.second_tag(i)).collect();
        assert_eq!(second, [None, Some(5), Some(5), None, None]);
    }

    #[test]
    fn projectivize_lifts_crossing_arc() {
        // Heads (1-based): 3 -> 1 spans 2, which 3 does not dominate, so 1
        // is lifted to 3's head, 2; then 1 -> 4 spans 2 and is lifted too.
        let mut head = vec![0, 3, 0, 2, 1];
        projectivize(&mut head);
        assert_eq!(head, vec![0, 2, 0, 2, 2]);
    }

    /// "She said he left ." (heads and labels as UD has them). For joint
    /// tagging, the tagger nearly chose another tag for "She" (which the
    /// gold tag is) and for "left" (which it is not).
    fn toy_example(joint: bool) -> (Moves, ParseExample) {
        let labels: Vec<String> = ["punct", "root", "nsubj", "ccomp"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut input = ParseInput::default();
        input.clear();
        for t in 0..5 {
            let runner_up = match t {
                0 if joint => (7, 2.0),
                3 if joint => (8, 10.0),
                _ => (0, f32::INFINITY),
            };
            input.push(t as u64 + 100, t, 0, 0, 0, runner_up);
        }
        let ex = ParseExample {
            input,
            head: vec![0, 2, 0, 4, 2, 2],
            label: vec![0, 2, 1, 2, 3, 0],
            second: vec![false, joint, false, false, false, false],
        };
        (Moves::new(&labels, joint), ex)
    }

    /// Checks that `st` holds `ex`'s tree and tag choices.
    fn check_tree(st: &State, ex: &ParseExample) {
        assert_eq!(&st.head[1..], &ex.head[1..]);
        assert_eq!(&st.label[1..], &ex.label[1..]);
        let flips: Vec<bool> = (0..ex.head.len() as u32).map(|i| st.flipped(i)).collect();
        assert_eq!(flips, ex.second);
    }

    #[test]
    fn the_static_oracle_rebuilds_a_projective_tree_in_two_moves_a_word() {
        // Joint tagging adds one move per word whose tag is open.
        for (joint, moves_per_sentence) in [(false, 2 * 5), (true, 2 * 5 + 2)] {
            let (moves, ex) = toy_example(joint);
            let mut st = State::default();
            st.reset(&ex.input, moves);
            let mut steps = 0;
            while !st.done() {
                let c = static_oracle(moves, &st, &ex);
                moves.apply(&mut st, c);
                steps += 1;
            }
            assert_eq!(steps, moves_per_sentence);
            check_tree(&st, &ex);
        }
    }

    #[test]
    fn a_joint_parser_learns_which_tag_to_take_and_reports_it() {
        let (moves, ex) = toy_example(true);
        let mut trainer = Trainer::new(moves.n_classes());
        let mut scratch = ParseScratch::default();
        for _ in 0..5 {
            train_sentence_beam(&mut trainer, moves, &ex, 4, &mut scratch);
        }
        let weights = trainer.average(0.0);
        parse_beam(&weights, moves, &ex.input, 4, f32::INFINITY, &mut scratch);
        check_tree(&scratch.state, &ex);
        // The greedy parser, trained with the dynamic oracle, too.
        let mut trainer = Trainer::new(moves.n_classes());
        let mut rng = Rng::new(1);
        for _ in 0..5 {
            train_sentence(&mut trainer, moves, &ex, 0.0, &mut rng, &mut scratch);
        }
        parse_with(&trainer.average(0.0), moves, &ex.input, &mut scratch);
        check_tree(&scratch.state, &ex);
        // A model file's class count tells whether it tags jointly.
        let parser = ParserModel {
            labels: ["punct", "root", "nsubj", "ccomp"]
                .map(String::from)
                .to_vec(),
            weights: trainer.average(0.0),
        };
        assert!(parser.moves().joint);
    }

    #[test]
    fn beam_training_learns_a_tree_and_width_one_is_greedy() {
        let (moves, ex) = toy_example(false);
        let mut trainer = Trainer::new(moves.n_classes());
        let mut scratch = ParseScratch::default();
        for _ in 0..5 {
            train_sentence_beam(&mut trainer, moves, &ex, 4, &mut scratch);
        }
        let weights = trainer.average(0.0);
        parse_beam(&weights, moves, &ex.input, 4, f32::INFINITY, &mut scratch);
        check_tree(&scratch.state, &ex);
        // The beam's own search with one item makes the greedy choices.
        let mut greedy = ParseScratch::default();
        parse_with(&weights, moves, &ex.input, &mut greedy);
        let beam = &mut scratch.beam;
        beam.start(1, &ex.input, moves);
        while !beam.cur[0].done() {
            beam.step(&weights, moves, &ex.input, 1, &mut scratch.scores);
        }
        assert_eq!(beam.cur[0].head, greedy.state.head[..]);
    }

    #[test]
    fn scores_shared_by_buffer_and_s0_equal_the_full_scores() {
        for joint in [false, true] {
            check_shared_scores(joint);
        }
    }

    fn check_shared_scores(joint: bool) {
        let (moves, ex) = toy_example(joint);
        let mut trainer = Trainer::new(moves.n_classes());
        let mut scratch = ParseScratch::default();
        for _ in 0..3 {
            train_sentence_beam(&mut trainer, moves, &ex, 4, &mut scratch);
        }
        let weights = trainer.average(0.0);
        let mut shared = SharedScores::default();
        shared.start(moves.n_classes(), ex.input.n());
        let root_first = Moves::new(
            &["root", "punct", "nsubj", "ccomp"].map(String::from),
            joint,
        );
        let (mut feats, mut full, mut part) = (
            Vec::new(),
            vec![0.0; moves.n_classes()],
            vec![0.0; moves.n_classes()],
        );
        // States reached by every sequence of valid moves, a level at a
        // time: many share s0 and the buffer but differ in their arcs.
        let mut level = vec![State::default()];
        level[0].reset(&ex.input, moves);
        let mut checked = 0;
        while !level.is_empty() {
            let mut next = Vec::new();
            for st in &level {
                features(&ex.input, st, &mut feats);
                weights.score(&feats, &mut full);
                shared.score(&weights, &ex.input, st, &mut part);
                assert_eq!(full, part);
                checked += 1;
                // The per-state validity agrees with the per-class one,
                // whether the root label comes first or not.
                for m in [moves, root_first] {
                    let v = m.validity(st);
                    for c in 0..m.n_classes() {
                        assert_eq!(v.allows(c), m.valid(st, c), "class {c}");
                    }
                }
                for c in (0..moves.n_classes()).filter(|&c| moves.valid(st, c)) {
                    let mut after = State::default();
                    after.copy_from(st);
                    moves.apply(&mut after, c);
                    next.push(after);
                }
            }
            next.truncate(200);
            level = next;
        }
        assert!(checked > 500, "{checked}");
        assert!(
            shared.index[2].len() < checked / 4,
            "{}",
            shared.index[2].len()
        );
    }

    #[test]
    fn static_run_of_the_oracle_rebuilds_a_projective_tree() {
        let (moves, ex) = toy_example(false);
        // With no weights every score ties, so the oracle's choice decides.
        let mut trainer = Trainer::new(moves.n_classes());
        let mut scratch = ParseScratch::default();
        let mut rng = Rng::new(1);
        for _ in 0..5 {
            train_sentence(&mut trainer, moves, &ex, 0.0, &mut rng, &mut scratch);
        }
        let weights = trainer.average(0.0);
        parse_with(&weights, moves, &ex.input, &mut scratch);
        check_tree(&scratch.state, &ex);
    }
}
