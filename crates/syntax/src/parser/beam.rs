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
#[derive(Default)]
pub(super) struct SharedScores {
    n_classes: usize,
    /// Per buffer position, 1 + the offset of its sums in `pos_sums` (0: none).
    by_b: Vec<u32>,
    /// Per (s0, buffer position): the offset of its sums in `pos_sums`.
    by_s0b: IdMap<u32>,
    pos_sums: Vec<f32>,
    /// Per group: hash of the group's features -> entry.
    pub(super) index: [IdMap<u32>; GROUPS.len()],
    /// Entry e's features are `keys[e * width..]` (its group's width) and
    /// its sums `sums[e * n_classes..]`.
    keys: [Vec<u64>; GROUPS.len()],
    sums: [Vec<f32>; GROUPS.len()],
    part: Vec<f32>,
}

impl SharedScores {
    pub(super) fn start(&mut self, n_classes: usize, n: usize) {
        self.n_classes = n_classes;
        self.by_b.clear();
        self.by_b.resize(2 * (n + 2), 0);
        self.by_s0b.clear();
        self.pos_sums.clear();
        for g in 0..GROUPS.len() {
            self.index[g].clear();
            self.keys[g].clear();
            self.sums[g].clear();
        }
    }

    /// The offset in `pos_sums` of the scores of `part` of `st`'s features.
    fn position_sums<S: Scorer>(
        &mut self,
        scorer: &S,
        inp: &ParseInput,
        st: &State,
        part: u8,
        feats: &mut Vec<u64>,
    ) -> usize {
        let at = self.pos_sums.len();
        self.pos_sums.resize(at + self.n_classes, 0.0);
        feats.clear();
        features_of(inp, st, part, feats);
        scorer.score(feats, &mut self.pos_sums[at..]);
        at
    }

    /// Sets `scores` to the scores of `st`'s [`features`].
    pub(super) fn score<S: Scorer>(
        &mut self,
        scorer: &S,
        inp: &ParseInput,
        st: &State,
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        let k = self.n_classes;
        let b = st.b as usize;
        // The tags the joint tagger chose for s0 and the buffer front.
        let (flip_s0, flip_b) = (st.flipped(st.s0()) as usize, st.flipped(st.b) as usize);
        let at_b = 2 * b + flip_b;
        let ib = match self.by_b[at_b] {
            0 => {
                let at = self.position_sums(scorer, inp, st, BUF, feats);
                self.by_b[at_b] = at as u32 + 1;
                at
            }
            x => x as usize - 1,
        };
        let key = fmix64((st.s0() as u64) << 32 | (at_b as u64) << 1 | flip_s0 as u64);
        let is = match self.by_s0b.get(&key) {
            Some(&at) => at as usize,
            None => {
                let at = self.position_sums(scorer, inp, st, S0B, feats);
                self.by_s0b.insert(key, at as u32);
                at
            }
        };
        feats.clear();
        features_of(inp, st, REST, feats);
        debug_assert_eq!(feats.len(), GROUPS[GROUPS.len() - 1].end);
        scores.fill(0.0);
        let (sb, ss) = (&self.pos_sums[ib..ib + k], &self.pos_sums[is..is + k]);
        for ((s, &x), &y) in scores.iter_mut().zip(sb).zip(ss) {
            *s += x + y;
        }
        for (g, range) in GROUPS.iter().enumerate() {
            let group = &feats[range.clone()];
            let w = group.len();
            let hash = fmix64(group.iter().fold(0u64, |h, &f| h.rotate_left(7) ^ f));
            let (keys, sums) = (&mut self.keys[g], &mut self.sums[g]);
            let e = match self.index[g].get(&hash) {
                Some(&e) if keys[e as usize * w..][..w] == *group => e as usize,
                Some(_) => {
                    // A collision: score the group without keeping it.
                    self.part.resize(k, 0.0);
                    scorer.score(group, &mut self.part);
                    for (s, &x) in scores.iter_mut().zip(&self.part) {
                        *s += x;
                    }
                    continue;
                }
                None => {
                    let e = keys.len() / w;
                    keys.extend_from_slice(group);
                    sums.resize((e + 1) * k, 0.0);
                    scorer.score(group, &mut sums[e * k..]);
                    self.index[g].insert(hash, e as u32);
                    e
                }
            };
            for (s, &x) in scores.iter_mut().zip(&sums[e * k..(e + 1) * k]) {
                *s += x;
            }
        }
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
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        self.top.clear();
        for i in 0..self.len {
            let st = &self.cur[i];
            self.shared.score(scorer, inp, st, feats, scores);
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
        beam.step(
            scorer,
            moves,
            inp,
            width,
            &mut scratch.feats,
            &mut scratch.scores,
        );
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
        beam.step(
            &*trainer,
            moves,
            &ex.input,
            width,
            &mut scratch.feats,
            &mut scratch.scores,
        );
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
