//! The parser's features: the Zhang & Nivre (2011) templates of a
//! configuration, in three groups that beam items share the scores of (see
//! [`SharedScores`](super::beam::SharedScores)).

use super::{ParseInput, State, NONE};
use crate::perceptron::FeatureHasher;

/// Zhang & Nivre (2011) features of a configuration, with word clusters in
/// place of words and tags in a copy of the main templates (Koo et al. 2008).
/// The order is grouped (see [`SharedScores`](super::beam::SharedScores)); the model does not depend
/// on it: templates of the buffer alone, of s0 and the buffer alone, then
/// the rest.
pub(super) fn features(inp: &ParseInput, st: &State, out: &mut Vec<u64>) {
    out.clear();
    features_of(inp, st, ALL, out);
}

/// Which groups of templates [`features_of`] appends.
pub(super) const BUF: u8 = 1;
pub(super) const S0B: u8 = 2;
pub(super) const REST: u8 = 4;
pub(super) const ALL: u8 = BUF | S0B | REST;

/// Appends the templates of the groups in `parts` (in [`features`]' order).
pub(super) fn features_of(inp: &ParseInput, st: &State, parts: u8, out: &mut Vec<u64>) {
    let x = View { inp, st };
    let a = Atoms::new(&x);
    if parts & BUF != 0 {
        buffer_templates(&x, &a, out);
    }
    if parts & S0B != 0 {
        s0_buffer_templates(&x, &a, out);
    }
    if parts & REST != 0 {
        other_templates(&x, &a, out);
    }
}

/// `v[i]`, or 0 for `NONE`.
#[inline]
fn of(v: &[u64], i: u32) -> u64 {
    if i == NONE {
        0
    } else {
        v[i as usize]
    }
}

/// A configuration and its sentence, read by the templates.
struct View<'a> {
    inp: &'a ParseInput,
    st: &'a State,
}

impl View<'_> {
    /// Word `i`'s cluster-or-word id (0 for none).
    #[inline]
    fn w(&self, i: u32) -> u64 {
        of(&self.inp.word, i)
    }

    /// Word `i`'s tag. A word given the tagger's second choice (joint
    /// tagging) swaps its tag with its runner-up.
    #[inline]
    fn p(&self, i: u32) -> u64 {
        match i {
            NONE => 0,
            // `alt` holds the runner-up + 1, as `tag` holds the tag + 1.
            i if self.st.flipped(i) => self.inp.alt[i as usize] >> 2,
            i => self.inp.tag[i as usize],
        }
    }

    /// Word `i`'s fine cluster.
    #[inline]
    fn c(&self, i: u32) -> u64 {
        of(&self.inp.fine, i)
    }

    /// Word `i`'s coarse cluster.
    #[inline]
    fn cc(&self, i: u32) -> u64 {
        of(&self.inp.coarse, i)
    }

    /// Word `i`'s near runner-up tag, swapped with its tag when flipped.
    #[inline]
    fn alt(&self, i: u32) -> u64 {
        match i {
            NONE => 0,
            i if self.st.flipped(i) => self.inp.tag[i as usize] << 2 | self.inp.alt[i as usize] & 3,
            i => self.inp.alt[i as usize],
        }
    }

    /// The head of word `i`, or `NONE`.
    #[inline]
    fn hd(&self, i: u32) -> u32 {
        if i == NONE {
            NONE
        } else {
            self.st.head[i as usize]
        }
    }

    /// The label of word `i`'s arc + 1 (0 without one).
    #[inline]
    fn lab(&self, i: u32) -> u64 {
        if i == NONE || self.st.head[i as usize] == NONE {
            0
        } else {
            self.st.label[i as usize] as u64 + 1
        }
    }
}

/// The items of a configuration the templates combine: the stack's top
/// two, the buffer's front three, s0's head, grandparent and outer
/// children, n0's left children, their words, tags and clusters, and the
/// distance, punctuation, verbs and valencies between and around them.
#[derive(Clone, Copy)]
struct Atoms {
    s0: u32,
    s1: u32,
    n0: u32,
    n1: u32,
    n2: u32,
    s0h: u32,
    s0h2: u32,
    s0l: u32,
    s0l2: u32,
    s0r: u32,
    s0r2: u32,
    n0l: u32,
    n0l2: u32,
    s0w: u64,
    s0p: u64,
    n0w: u64,
    n0p: u64,
    n1w: u64,
    n1p: u64,
    n2w: u64,
    n2p: u64,
    s0c: u64,
    s0cc: u64,
    n0c: u64,
    n0cc: u64,
    n1c: u64,
    pb: u64,
    vb: u64,
    d: u64,
    s0vl: u64,
    s0vr: u64,
    s0sl: u64,
    s0sr: u64,
    n0vl: u64,
    n0sl: u64,
}

impl Atoms {
    #[inline]
    fn new(x: &View) -> Atoms {
        let (inp, st) = (x.inp, x.st);
        let kid = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
        let n = st.n;
        let s0 = st.s0();
        let s1 = if st.stack.len() >= 2 {
            st.stack[st.stack.len() - 2]
        } else {
            NONE
        };
        let (n0, n1, n2) = (st.buffer(0), st.buffer(1), st.buffer(2));
        let s0h = x.hd(s0);
        let s0h2 = x.hd(s0h);
        let (s0l, s0l2) = (kid(&st.lc1, s0), kid(&st.lc2, s0));
        let (s0r, s0r2) = (kid(&st.rc1, s0), kid(&st.rc2, s0));
        let (n0l, n0l2) = (kid(&st.lc1, n0), kid(&st.lc2, n0));
        let (s0w, s0p, n0w, n0p) = (x.w(s0), x.p(s0), x.w(n0), x.p(n0));
        let (n1w, n1p, n2w, n2p) = (x.w(n1), x.p(n1), x.w(n2), x.p(n2));
        let (s0c, s0cc, n0c, n0cc, n1c) = (x.c(s0), x.cc(s0), x.c(n0), x.cc(n0), x.c(n1));
        // Punctuation and verbs strictly between s0 and n0 (the root is last).
        let (pb, vb) = if s0 == NONE || n0 == NONE {
            (9, 9)
        } else {
            let end = if n0 == 0 { n } else { n0 } as usize - 1;
            let s = s0 as usize;
            (
                (inp.punct[end] - inp.punct[s]).min(3) as u64,
                (inp.verbs[end] - inp.verbs[s]).min(2) as u64,
            )
        };
        let d = if n0 == NONE || s0 == NONE {
            0
        } else if n0 == 0 {
            (n - s0).min(15) as u64
        } else {
            (n0 - s0).min(15) as u64
        };
        let (s0vl, s0vr, s0sl, s0sr) = if s0 == NONE {
            (0, 0, 0, 0)
        } else {
            let i = s0 as usize;
            (st.nl[i] as u64, st.nr[i] as u64, st.lset[i], st.rset[i])
        };
        let (n0vl, n0sl) = if n0 == NONE {
            (0, 0)
        } else {
            (st.nl[n0 as usize] as u64, st.lset[n0 as usize])
        };
        Atoms {
            s0,
            s1,
            n0,
            n1,
            n2,
            s0h,
            s0h2,
            s0l,
            s0l2,
            s0r,
            s0r2,
            n0l,
            n0l2,
            s0w,
            s0p,
            n0w,
            n0p,
            n1w,
            n1p,
            n2w,
            n2p,
            s0c,
            s0cc,
            n0c,
            n0cc,
            n1c,
            pb,
            vb,
            d,
            s0vl,
            s0vr,
            s0sl,
            s0sr,
            n0vl,
            n0sl,
        }
    }
}

/// Templates of the buffer alone (the same for every state with this
/// buffer).
fn buffer_templates(x: &View, a: &Atoms, out: &mut Vec<u64>) {
    let Atoms {
        n0,
        n1,
        n0w,
        n0p,
        n1w,
        n1p,
        n2,
        n2w,
        n2p,
        n0c,
        n0cc,
        n1c,
        ..
    } = *a;
    let f = FeatureHasher::new;
    out.extend_from_slice(&[
        // Buffer-only templates (the same for every state with this buffer).
        f(0).finish(),
        f(4).add(n0w).add(n0p).finish(),
        f(5).add(n0w).finish(),
        f(6).add(n0p).finish(),
        f(7).add(n1w).add(n1p).finish(),
        f(8).add(n1w).finish(),
        f(9).add(n1p).finish(),
        f(10).add(n2w).add(n2p).finish(),
        f(11).add(n2w).finish(),
        f(12).add(n2p).finish(),
        f(20).add(n0p).add(n1p).finish(),
        f(21).add(n0p).add(n1p).add(n2p).finish(),
        f(77).add(n0c).finish(),
        f(78).add(n1c).finish(),
        f(80).add(n0cc).finish(),
        f(81).add(x.cc(n1)).finish(),
        f(88).add(n0c).add(n1c).finish(),
        f(96).add(x.c(n2)).finish(),
        f(100)
            .add(n0p)
            .add(n1p)
            .add(n2p)
            .add(x.p(x.st.buffer(3)))
            .finish(),
    ]);
    // Near runner-up tags, only where there are some.
    let (n0a, n1a) = (x.alt(n0), x.alt(n1));
    if n0a != 0 {
        out.extend_from_slice(&[
            f(102).add(n0p).add(n0a).finish(),
            f(103).add(n0w).add(n0a).finish(),
            f(104).add(n0a).add(n1p).finish(),
        ]);
    }
    if n1a != 0 {
        out.push(f(105).add(n0p).add(n1p).add(n1a).finish());
    }
}

/// Templates of s0 and the buffer alone.
fn s0_buffer_templates(x: &View, a: &Atoms, out: &mut Vec<u64>) {
    let Atoms {
        s0,
        n0,
        n1,
        s0w,
        s0p,
        n0w,
        n0p,
        n1p,
        s0c,
        s0cc,
        n0c,
        n0cc,
        pb,
        vb,
        d,
        ..
    } = *a;
    let f = FeatureHasher::new;
    out.extend_from_slice(&[
        // Templates of s0 and the buffer alone.
        f(1).add(s0w).add(s0p).finish(),
        f(2).add(s0w).finish(),
        f(3).add(s0p).finish(),
        f(13).add(s0w).add(s0p).add(n0w).add(n0p).finish(),
        f(14).add(s0w).add(s0p).add(n0w).finish(),
        f(15).add(s0w).add(n0w).add(n0p).finish(),
        f(16).add(s0w).add(s0p).add(n0p).finish(),
        f(17).add(s0p).add(n0w).add(n0p).finish(),
        f(18).add(s0w).add(n0w).finish(),
        f(19).add(s0p).add(n0p).finish(),
        f(22).add(s0p).add(n0p).add(n1p).finish(),
        f(27).add(s0w).add(d).finish(),
        f(28).add(s0p).add(d).finish(),
        f(29).add(n0w).add(d).finish(),
        f(30).add(n0p).add(d).finish(),
        f(31).add(s0w).add(n0w).add(d).finish(),
        f(32).add(s0p).add(n0p).add(d).finish(),
        f(76).add(s0c).finish(),
        f(79).add(s0cc).finish(),
        f(82).add(s0c).add(n0c).finish(),
        f(83).add(s0cc).add(n0cc).finish(),
        f(84).add(s0c).add(n0p).finish(),
        f(85).add(s0p).add(n0c).finish(),
        f(86).add(s0w).add(n0c).finish(),
        f(87).add(s0c).add(n0w).finish(),
        f(89).add(s0cc).add(n0cc).add(x.cc(n1)).finish(),
        f(94).add(s0cc).add(n0cc).add(d).finish(),
        f(97).add(s0p).add(n0p).add(pb).finish(),
        f(98).add(s0p).add(n0p).add(vb).finish(),
        f(101).add(s0w).add(n0p).add(pb).finish(),
    ]);
    let (s0a, n0a) = (x.alt(s0), x.alt(n0));
    if s0a != 0 || n0a != 0 {
        out.extend_from_slice(&[
            f(106).add(s0p).add(s0a).add(n0p).add(n0a).finish(),
            f(107).add(s0a).add(n0p).finish(),
            f(108).add(s0p).add(n0a).finish(),
        ]);
    }
    if s0a != 0 {
        out.extend_from_slice(&[
            f(109).add(s0w).add(s0a).finish(),
            f(110).add(s0a).add(n0w).finish(),
        ]);
    }
}

/// The other templates: s0's head, children, labels and valencies, n0's
/// left children, and s1.
fn other_templates(x: &View, a: &Atoms, out: &mut Vec<u64>) {
    let Atoms {
        s0,
        s1,
        s0h,
        s0h2,
        s0l,
        s0l2,
        s0r,
        s0r2,
        n0l,
        n0l2,
        s0w,
        s0p,
        n0w,
        n0p,
        s0cc,
        n0cc,
        s0vl,
        s0vr,
        s0sl,
        s0sr,
        n0vl,
        n0sl,
        ..
    } = *a;
    let f = FeatureHasher::new;
    out.extend_from_slice(&[
        // s0's head, children, their labels and valencies: the same for the
        // items that differ only in s0's own label or in the buffer.
        f(33).add(s0w).add(s0vr).finish(),
        f(34).add(s0p).add(s0vr).finish(),
        f(35).add(s0w).add(s0vl).finish(),
        f(36).add(s0p).add(s0vl).finish(),
        f(39).add(x.w(s0h)).finish(),
        f(40).add(x.p(s0h)).finish(),
        f(42).add(x.w(s0l)).finish(),
        f(43).add(x.p(s0l)).finish(),
        f(44).add(x.lab(s0l)).finish(),
        f(45).add(x.w(s0r)).finish(),
        f(46).add(x.p(s0r)).finish(),
        f(47).add(x.lab(s0r)).finish(),
        f(51).add(x.w(s0h2)).finish(),
        f(52).add(x.p(s0h2)).finish(),
        f(53).add(x.lab(s0h)).finish(),
        f(54).add(x.w(s0l2)).finish(),
        f(55).add(x.p(s0l2)).finish(),
        f(56).add(x.lab(s0l2)).finish(),
        f(57).add(x.w(s0r2)).finish(),
        f(58).add(x.p(s0r2)).finish(),
        f(59).add(x.lab(s0r2)).finish(),
        f(63).add(s0p).add(x.p(s0l)).add(x.p(s0l2)).finish(),
        f(64).add(s0p).add(x.p(s0r)).add(x.p(s0r2)).finish(),
        f(65).add(s0p).add(x.p(s0h)).add(x.p(s0h2)).finish(),
        f(67).add(s0w).add(s0sr).finish(),
        f(68).add(s0p).add(s0sr).finish(),
        f(69).add(s0w).add(s0sl).finish(),
        f(70).add(s0p).add(s0sl).finish(),
        // s0's label, and its arcs with the buffer front.
        f(41).add(x.lab(s0)).finish(),
        f(23).add(x.p(s0h)).add(s0p).add(n0p).finish(),
        f(24).add(s0p).add(x.p(s0l)).add(n0p).finish(),
        f(25).add(s0p).add(x.p(s0r)).add(n0p).finish(),
        f(90).add(x.cc(s0h)).add(s0cc).add(n0cc).finish(),
        f(91).add(s0cc).add(x.cc(s0l)).add(n0cc).finish(),
        f(92).add(s0cc).add(x.cc(s0r)).add(n0cc).finish(),
        // n0's left children, without the label of the last one.
        f(37).add(n0w).add(n0vl).finish(),
        f(38).add(n0p).add(n0vl).finish(),
        f(48).add(x.w(n0l)).finish(),
        f(49).add(x.p(n0l)).finish(),
        f(60).add(x.w(n0l2)).finish(),
        f(61).add(x.p(n0l2)).finish(),
        f(62).add(x.lab(n0l2)).finish(),
        f(66).add(n0p).add(x.p(n0l)).add(x.p(n0l2)).finish(),
        // Its label, and n0's left children with s0.
        f(50).add(x.lab(n0l)).finish(),
        f(71).add(n0w).add(n0sl).finish(),
        f(72).add(n0p).add(n0sl).finish(),
        f(26).add(s0p).add(n0p).add(x.p(n0l)).finish(),
        f(93).add(s0cc).add(n0cc).add(x.cc(n0l)).finish(),
        // s1.
        f(73).add(x.p(s1)).add(s0p).add(n0p).finish(),
        f(74).add(x.w(s1)).add(x.p(s1)).finish(),
        f(75).add(x.p(s1)).add(x.lab(s1)).add(s0p).finish(),
        f(95).add(x.cc(s1)).add(s0cc).add(n0cc).finish(),
        f(99).add(x.p(s1)).add(n0p).finish(),
    ]);
}
