//! The beam search over transition sequences and the scores its items
//! share, and its training with the max-violation update.

use super::*;

/// A move proposed for the next beam: the total score of the sequence,
/// the beam item it extends and the move.
#[derive(Clone, Copy, Debug)]
struct Cand {
    score: f64,
    parent: u32,
    class: u16,
}

/// The widths of the groups of the `REST` part of [`features`] whose scores
/// beam items share, keyed by their feature hashes, in order: s0's arcs
/// without s0's own label; that label and s0's arcs with n0; n0's left arcs
/// without the last one's label; that label and n0's left arcs with s0; s1.
/// Items that differ only in the label of their last arc share all but the
/// second or fourth group.
const GROUP_WIDTHS: [usize; 5] = [28, 7, 8, 5, 5];

const GROUPS: [std::ops::Range<usize>; GROUP_WIDTHS.len()] = {
    let mut g = [0..0, 0..0, 0..0, 0..0, 0..0];
    let mut at = 0;
    let mut i = 0;
    while i < g.len() {
        g[i] = at..at + GROUP_WIDTHS[i];
        at += GROUP_WIDTHS[i];
        i += 1;
    }
    g
};

/// Partial scores that beam items share within one sentence. Items of a
/// beam mostly differ in one recent move, so most of their templates are
/// the same: those of the buffer alone (kept per buffer position and the
/// front's joint tag), of s0 and the buffer (per pair), and the
/// [`GROUP_WIDTHS`] groups of the rest, keyed by their feature hashes
/// (compared in full, so a collision only costs a lookup). The
/// sums are of integers (quantised weights, or the trainer's unit updates),
/// so they are exact and the parse is the same as without them. On EWT dev
/// at width 8 about 310 weight lookups a token are left (25 an item);
/// splitting the label of the last arc off the s0 group saved a fifth.
///
/// A beam step first plans every item ([`SharedScores::plan`]: which sums
/// it reads, and the lists of features still to score), then scores all
/// the lists in one call ([`SharedScores::run`]), so that their cache
/// misses overlap, then adds up each item's sums ([`SharedScores::sum`]).
#[derive(Default)]
pub(super) struct SharedScores {
    n_classes: usize,
    /// Per buffer position, 1 + the offset of its sums in `sums` (0: none).
    by_b: Vec<u32>,
    /// Per (s0, buffer position): the offset of its sums in `sums`.
    by_s0b: IdMap<u32>,
    /// Per group: hash of the group's features -> entry.
    pub(super) index: [IdMap<u32>; GROUPS.len()],
    /// Entry e's features are `keys[e * width..]` (its group's width) and
    /// its sums `sums[at[e]..]`.
    keys: [Vec<u64>; GROUPS.len()],
    at: [Vec<u32>; GROUPS.len()],
    /// Every sum of this sentence, `n_classes` a piece.
    sums: Vec<f32>,
    /// The lists of features the next [`SharedScores::run`] scores: list j
    /// ends at `ends[j]` in `feats` and its sums go to `sums[dest[j]..]`.
    feats: Vec<u64>,
    ends: Vec<u32>,
    dest: Vec<u32>,
    rest: Vec<u64>,
}

/// Where one beam item's scores come from: the offsets in `sums` of the
/// buffer's, s0 and the buffer's, and each group's sums.
pub(super) type Parts = [u32; 2 + GROUPS.len()];

impl SharedScores {
    pub(super) fn start(&mut self, n_classes: usize, n: usize) {
        self.n_classes = n_classes;
        self.by_b.clear();
        self.by_b.resize(2 * (n + 2), 0);
        self.by_s0b.clear();
        self.sums.clear();
        for g in 0..GROUPS.len() {
            self.index[g].clear();
            self.keys[g].clear();
            self.at[g].clear();
        }
    }

    /// Closes the list of features queued since the last one: its sums
    /// will go to the offset returned.
    fn queue(&mut self) -> u32 {
        let at = self.sums.len();
        self.sums.resize(at + self.n_classes, 0.0);
        self.ends.push(self.feats.len() as u32);
        self.dest.push(at as u32);
        at as u32
    }

    /// Queues `part` of `st`'s features; returns where their sums will be.
    fn queue_part(&mut self, inp: &ParseInput, st: &State, part: u8) -> u32 {
        features_of(inp, st, part, &mut self.feats);
        self.queue()
    }

    /// Where the sums of `st`'s [`features`] are, queueing the lists not
    /// yet scored in this sentence.
    pub(super) fn plan(&mut self, inp: &ParseInput, st: &State) -> Parts {
        let mut parts = Parts::default();
        let b = st.b as usize;
        // The tags the joint tagger chose for s0 and the buffer front.
        let (flip_s0, flip_b) = (st.flipped(st.s0()) as usize, st.flipped(st.b) as usize);
        let at_b = 2 * b + flip_b;
        parts[0] = match self.by_b[at_b] {
            0 => {
                let at = self.queue_part(inp, st, BUF);
                self.by_b[at_b] = at + 1;
                at
            }
            x => x - 1,
        };
        let key = fmix64((st.s0() as u64) << 32 | (at_b as u64) << 1 | flip_s0 as u64);
        parts[1] = match self.by_s0b.get(&key) {
            Some(&at) => at,
            None => {
                let at = self.queue_part(inp, st, S0B);
                self.by_s0b.insert(key, at);
                at
            }
        };
        let mut rest = std::mem::take(&mut self.rest);
        rest.clear();
        features_of(inp, st, REST, &mut rest);
        debug_assert_eq!(rest.len(), GROUPS[GROUPS.len() - 1].end);
        for (g, range) in GROUPS.iter().enumerate() {
            let group = &rest[range.clone()];
            let w = group.len();
            let hash = fmix64(group.iter().fold(0u64, |h, &f| h.rotate_left(7) ^ f));
            parts[2 + g] = match self.index[g].get(&hash) {
                Some(&e) if self.keys[g][e as usize * w..][..w] == *group => self.at[g][e as usize],
                Some(_) => {
                    // A collision: score the group without keeping it.
                    self.feats.extend_from_slice(group);
                    self.queue()
                }
                None => {
                    let e = self.at[g].len() as u32;
                    self.keys[g].extend_from_slice(group);
                    self.feats.extend_from_slice(group);
                    let at = self.queue();
                    self.at[g].push(at);
                    self.index[g].insert(hash, e);
                    at
                }
            };
        }
        self.rest = rest;
        parts
    }

    /// Scores the lists the plans since the last run queued.
    pub(super) fn run<S: Scorer>(&mut self, scorer: &S) {
        if !self.ends.is_empty() {
            scorer.score_into(&self.feats, &self.ends, &self.dest, &mut self.sums);
        }
        self.feats.clear();
        self.ends.clear();
        self.dest.clear();
    }

    /// Sets `scores` to the sum of the sums in `parts` (after the
    /// [`SharedScores::run`] that scored them).
    pub(super) fn sum(&self, parts: &Parts, scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2.
            return unsafe { self.sum_avx2(parts, scores) };
        }
        self.sum_plain(parts, scores)
    }

    /// [`SharedScores::sum`] compiled for AVX2 (8 classes an instruction;
    /// each class's sum is added in the same order, so it is the same).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn sum_avx2(&self, parts: &Parts, scores: &mut [f32]) {
        self.sum_plain(parts, scores)
    }

    #[inline(always)]
    fn sum_plain(&self, parts: &Parts, scores: &mut [f32]) {
        let k = self.n_classes;
        let [ib, is, groups @ ..] = parts.map(|at| &self.sums[at as usize..at as usize + k]);
        for ((s, &x), &y) in scores.iter_mut().zip(ib).zip(is) {
            *s = x + y;
        }
        for group in groups {
            for (s, &x) in scores.iter_mut().zip(group) {
                *s += x;
            }
        }
    }

    /// Sets `scores` to the scores of `st`'s [`features`].
    #[cfg(test)]
    pub(super) fn score<S: Scorer>(
        &mut self,
        scorer: &S,
        inp: &ParseInput,
        st: &State,
        scores: &mut [f32],
    ) {
        let parts = self.plan(inp, st);
        self.run(scorer);
        self.sum(&parts, scores);
    }
}

/// Beam search state, reused across sentences: `len` items in `cur` (best
/// first) with their sequence scores, and for training the back pointers of
/// every step (`back[t * width + j]`: parent and move of item j after step t).
///
/// Sequence scores are summed in `f64`: the inference weights are integers
/// (quantised), so sums stay exact and ties break the same way as greedy.
#[derive(Default)]
pub struct Beam {
    pub(super) cur: Vec<State>,
    next: Vec<State>,
    score: Vec<f64>,
    next_score: Vec<f64>,
    len: usize,
    top: Vec<Cand>,
    back: Vec<(u32, u16)>,
    #[cfg(feature = "train")]
    gold: Vec<u16>,
    #[cfg(feature = "train")]
    pred: Vec<u16>,
    #[cfg(feature = "train")]
    other: State,
    shared: SharedScores,
    /// Per item, where its scores are (this step's plans).
    parts: Vec<Parts>,
    /// Items scoring more than this below the best are dropped (in scorer
    /// units; infinite in training).
    gap: f64,
}

impl Beam {
    pub(super) fn start(&mut self, width: usize, inp: &ParseInput, moves: Moves) {
        let n = inp.n();
        self.shared.start(moves.n_classes(), n);
        while self.cur.len() < width {
            self.cur.push(State::default());
            self.next.push(State::default());
        }
        self.score.resize(width, 0.0);
        self.next_score.resize(width, 0.0);
        self.cur[0].reset(inp, moves);
        self.score[0] = 0.0;
        self.len = 1;
        self.back.clear();
        self.gap = f64::INFINITY;
    }

    /// One transition for every item: scores all valid moves of all items
    /// and keeps the `width` best sequences.
    pub(super) fn step<S: Scorer>(
        &mut self,
        scorer: &S,
        moves: Moves,
        inp: &ParseInput,
        width: usize,
        scores: &mut [f32],
    ) {
        self.top.clear();
        // Every item's lists of features are scored together (see
        // `SharedScores`).
        self.parts.clear();
        for st in &self.cur[..self.len] {
            self.parts.push(self.shared.plan(inp, st));
        }
        self.shared.run(scorer);
        for i in 0..self.len {
            let st = &self.cur[i];
            self.shared.sum(&self.parts[i], scores);
            let base = self.score[i];
            let top = &mut self.top;
            let valid = moves.validity(st);
            let mut floor = if top.len() == width {
                top[width - 1].score
            } else {
                f64::NEG_INFINITY
            };
            for (c, &s) in scores.iter().enumerate() {
                let score = base + s as f64;
                // Candidates come in increasing (parent, class) order, so on
                // equal scores the earlier one stays ahead: with width 1 this
                // is the greedy parser's choice.
                if score <= floor || !valid.allows(c) {
                    continue;
                }
                let mut at = top.len();
                while at > 0 && score > top[at - 1].score {
                    at -= 1;
                }
                if top.len() == width {
                    top.pop();
                }
                top.insert(
                    at,
                    Cand {
                        score,
                        parent: i as u32,
                        class: c as u16,
                    },
                );
                if top.len() == width {
                    floor = top[width - 1].score;
                }
            }
        }
        if let Some(best) = self.top.first().map(|c| c.score) {
            let keep = self
                .top
                .iter()
                .take_while(|c| c.score >= best - self.gap)
                .count();
            self.top.truncate(keep);
        }
        for j in 0..self.top.len() {
            let Cand {
                score,
                parent,
                class,
            } = self.top[j];
            self.next[j].copy_from(&self.cur[parent as usize]);
            moves.apply(&mut self.next[j], class as usize);
            self.next_score[j] = score;
        }
        std::mem::swap(&mut self.cur, &mut self.next);
        std::mem::swap(&mut self.score, &mut self.next_score);
        self.len = self.top.len();
    }
}

/// Beam search over transition sequences (Zhang & Clark 2008): the `width`
/// best partial parses are kept at every step and the best complete one
/// wins. Items scoring more than `gap` (weight units) below the best are
/// dropped: where the parser is sure, the beam narrows and costs less.
/// Every sequence has 2 moves per word, so all items finish together.
/// Width 1 is the greedy parser ([`parse_with`]).
pub fn parse_beam<S: Scorer>(
    scorer: &S,
    moves: Moves,
    inp: &ParseInput,
    width: usize,
    gap: f32,
    scratch: &mut ParseScratch,
) {
    if width <= 1 {
        return parse_with(scorer, moves, inp, scratch);
    }
    scratch.scores.resize(moves.n_classes(), 0.0);
    let beam = &mut scratch.beam;
    beam.start(width, inp, moves);
    beam.gap = gap as f64 * scorer.scale() as f64;
    while !beam.cur[0].done() {
        beam.step(scorer, moves, inp, width, &mut scratch.scores);
    }
    scratch.state.copy_from(&beam.cur[0]);
    finish(moves, &mut scratch.state);
}

/// One structured-perceptron pass over one sentence with beam search and the
/// max-violation update (Huang, Fayong & Guo 2012): the beam is run to the
/// end, and at the step where the best item outscores the gold prefix by
/// the most, the gold prefix's features are rewarded and the best item's
/// penalised (from the first move where they differ). The gold sequence is
/// the static oracle's. The averaging clock advances once per sentence.
#[cfg(feature = "train")]
pub fn train_sentence_beam(
    trainer: &mut Trainer,
    moves: Moves,
    ex: &ParseExample,
    width: usize,
    scratch: &mut ParseScratch,
) {
    let width = width.max(1);
    scratch.scores.resize(moves.n_classes(), 0.0);
    let beam = &mut scratch.beam;
    // The gold sequence.
    beam.gold.clear();
    let st = &mut scratch.state;
    st.reset(&ex.input, moves);
    while !st.done() {
        let c = static_oracle(moves, st, ex);
        beam.gold.push(c as u16);
        moves.apply(st, c);
    }
    // `st` now follows the gold sequence again, scored once gold leaves the beam.
    st.reset(&ex.input, moves);
    trainer.tick();
    beam.start(width, &ex.input, moves);
    let mut gold_at = Some(0usize);
    let mut gold_score = 0.0f64;
    // (violation, step) of the largest violation so far.
    let mut worst: Option<(f64, usize)> = None;
    for t in 0..beam.gold.len() {
        let g = beam.gold[t] as usize;
        beam.step(&*trainer, moves, &ex.input, width, &mut scratch.scores);
        gold_at = gold_at.and_then(|p| {
            beam.top
                .iter()
                .position(|c| c.parent as usize == p && c.class as usize == g)
        });
        if let Some(j) = gold_at {
            gold_score = beam.score[j];
        } else {
            features(&ex.input, st, &mut scratch.feats);
            trainer.score(&scratch.feats, &mut scratch.scores);
            gold_score += scratch.scores[g] as f64;
        }
        moves.apply(st, g);
        beam.back
            .extend(beam.top.iter().map(|c| (c.parent, c.class)));
        beam.back.resize((t + 1) * width, (0, 0));
        if gold_at != Some(0) {
            let v = beam.score[0] - gold_score;
            if v >= 0.0 && worst.is_none_or(|(w, _)| v > w) {
                worst = Some((v, t));
            }
        }
    }
    let Some((_, t_max)) = worst else { return };
    // The best item's moves up to t_max, from its back pointers.
    beam.pred.clear();
    beam.pred.resize(t_max + 1, 0);
    let mut j = 0usize;
    for t in (0..=t_max).rev() {
        let (p, c) = beam.back[t * width + j];
        beam.pred[t] = c;
        j = p as usize;
    }
    let first = (0..=t_max)
        .find(|&t| beam.pred[t] != beam.gold[t])
        .unwrap_or(t_max + 1);
    st.reset(&ex.input, moves);
    for &c in &beam.gold[..first] {
        moves.apply(st, c as usize);
    }
    beam.other.copy_from(st);
    for t in first..=t_max {
        features(&ex.input, st, &mut scratch.feats);
        trainer.add(&scratch.feats, beam.gold[t] as usize, 1.0);
        moves.apply(st, beam.gold[t] as usize);
        features(&ex.input, &beam.other, &mut scratch.feats);
        trainer.add(&scratch.feats, beam.pred[t] as usize, -1.0);
        moves.apply(&mut beam.other, beam.pred[t] as usize);
    }
}
