//! Training the parser: gold trees made projective, the arc-eager oracles
//! (static, and the dynamic one's move costs), and the greedy parser's
//! training pass. Compiled with the `train` feature only.

use dossier_common::rng::Rng as _;

use super::*;

/// A training tree: gold heads (index 0 unused) and label ids, projective.
pub struct ParseExample {
    pub input: ParseInput,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Per position: whether the gold tag is the tagger's runner-up (joint
    /// tagging); may be empty.
    pub second: Vec<bool>,
}

/// Makes a tree projective by lifting the shortest non-projective arc to the
/// grandparent until none is left (Nivre & Nilsson 2005, without encoding the
/// lift in the label). The arc-eager oracle is only exact for projective trees.
pub fn projectivize(head: &mut [u32]) {
    let n = head.len();
    loop {
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..n {
            let h = head[d] as usize;
            let (lo, hi) = (h.min(d), h.max(d));
            let projective = (lo + 1..hi).all(|k| dominates(head, h, k));
            if !projective && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        let Some((d, _)) = worst else { return };
        let h = head[d] as usize;
        if h == 0 {
            return;
        }
        head[d] = head[h];
    }
}

fn dominates(head: &[u32], h: usize, mut k: usize) -> bool {
    for _ in 0..head.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = head[k] as usize;
    }
    false
}

/// The number of gold arcs each unlabelled move would make unreachable
/// (Goldberg & Nivre 2012, arc-eager, root at the end of the buffer).
/// `[shift, reduce, left, right]`; only meaningful for valid moves.
fn costs(st: &State, gold: &[u32]) -> [u32; 4] {
    let s0 = st.s0();
    let b0 = st.b0();
    let n = st.n;
    // The root (0) stays in the buffer until the end.
    let in_buffer = |x: u32| x == 0 || (x >= st.b && x < n);
    let mut c = [0u32; 4];
    if b0 != 0 {
        // Shift: b0 loses its head and headless dependents on the stack.
        // Right: the same, except s0 as head, and b0 also loses a head
        // further in the buffer.
        let gb = gold[b0 as usize];
        for &k in &st.stack {
            if gb == k && k != s0 {
                c[0] += 1;
                c[3] += 1;
            }
            if gb == k && k == s0 {
                c[0] += 1;
            }
            if gold[k as usize] == b0 && st.head[k as usize] == NONE {
                c[0] += 1;
                c[3] += 1;
            }
        }
        if gb != b0 && in_buffer(gb) {
            c[3] += 1;
        }
    }
    if s0 != NONE {
        // Reduce and left: s0 loses its dependents in the buffer; left also
        // loses s0's head further in the buffer.
        let kids = (st.b..n).filter(|&k| gold[k as usize] == s0).count() as u32;
        c[1] = kids;
        c[2] = kids;
        let gs = gold[s0 as usize];
        if gs != b0 && in_buffer(gs) && st.head[s0 as usize] == NONE {
            c[2] += 1;
        }
    }
    c
}

/// The cost of class `c` from the unlabelled `costs`: an arc also loses
/// its gold arc when it has the wrong label.
fn labelled_cost(moves: Moves, st: &State, ex: &ParseExample, cost: &[u32; 4], c: usize) -> u32 {
    let s0 = st.s0() as usize;
    let b0 = st.b0() as usize;
    if c >= moves.tag_keep() {
        let second = ex.second.get(b0).copied().unwrap_or(false);
        return (second != (c > moves.tag_keep())) as u32;
    }
    match c {
        SHIFT => cost[0],
        REDUCE => cost[1],
        c if c < 2 + moves.n_labels => {
            cost[2] + (ex.head[s0] == b0 as u32 && ex.label[s0] as usize != c - 2) as u32
        }
        c => {
            let l = c - 2 - moves.n_labels;
            cost[3] + (ex.head[b0] == s0 as u32 && ex.label[b0] as usize != l) as u32
        }
    }
}

/// The static oracle's move: a cheapest valid move (zero cost on the gold
/// path of a projective tree), preferring an arc, then `REDUCE` (reduce as
/// early as possible), then `SHIFT`, so the gold sequence is unique.
pub(super) fn static_oracle(moves: Moves, st: &State, ex: &ParseExample) -> usize {
    let cost = costs(st, &ex.head);
    let order = (2..moves.n_classes()).chain([REDUCE, SHIFT]);
    let mut best = (u32::MAX, SHIFT);
    for c in order {
        if moves.valid(st, c) {
            let k = labelled_cost(moves, st, ex, &cost, c);
            if k < best.0 {
                best = (k, c);
            }
        }
    }
    best.1
}

/// The generator of shuffling and exploration in training (xorshift64*).
pub use dossier_common::rng::XorShift64Star as Rng;

/// One training pass over one sentence with the dynamic oracle: the parser
/// follows its own prediction with probability `explore` and is updated
/// whenever that prediction loses a gold arc.
pub fn train_sentence(
    trainer: &mut Trainer,
    moves: Moves,
    ex: &ParseExample,
    explore: f64,
    rng: &mut Rng,
    scratch: &mut ParseScratch,
) {
    let st = &mut scratch.state;
    st.reset(&ex.input, moves);
    scratch.scores.resize(moves.n_classes(), 0.0);
    while !st.done() {
        features(&ex.input, st, &mut scratch.feats);
        trainer.tick();
        trainer.score(&scratch.feats, &mut scratch.scores);
        let cost = costs(st, &ex.head);
        let class_cost = |c: usize| labelled_cost(moves, st, ex, &cost, c);
        let mut min_cost = u32::MAX;
        for c in 0..moves.n_classes() {
            if moves.valid(st, c) {
                min_cost = min_cost.min(class_cost(c));
            }
        }
        let guess = best_valid(moves, st, &scratch.scores, |_| true);
        let best_gold = best_valid(moves, st, &scratch.scores, |c| class_cost(c) == min_cost);
        if class_cost(guess) > min_cost {
            trainer.update(&scratch.feats, best_gold, guess);
        }
        let next = if explore > 0.0 && rng.unit() < explore {
            guess
        } else {
            best_gold
        };
        moves.apply(st, next);
    }
}
