//! Tense: whether a bare weekday or month points back or forward from
//! the article date, and the year a month given without one falls in.

use chrono::{Datelike, NaiveDate};

use super::{Cx, NoValue, Tense};
use crate::scan::{Kw, Lex, Mark};

pub(super) fn tense(cx: &Cx, i: usize) -> Tense {
    if let Some(t) = cx.opts.tense {
        return t;
    }
    let mut best: Option<(usize, Tense)> = None;
    let mut look = |k: usize| -> bool {
        let t = &cx.toks[k];
        if let Lex::Punct(c) = t.lex {
            if matches!(c, b'.' | b'!' | b'?' | b';') && sentence_end(cx, k) {
                return false;
            }
            return true;
        }
        // A participle after "be" or "to" ("is expected to be announced")
        // carries no tense of its own.
        let participle = || {
            k > 0
                && (cx.is_kw(k - 1, Kw::To)
                    || ["be", "been", "being", "is", "are", "has", "have"]
                        .iter()
                        .any(|w| cx.is(k - 1, w)))
        };
        let tense = match (t.lex, t.mark) {
            (Lex::Kw(Kw::Next | Kw::Tomorrow | Kw::Coming), _) | (_, Mark::Future) => Tense::Future,
            (Lex::Kw(Kw::Last | Kw::Ago | Kw::Yesterday | Kw::Earlier), _) | (_, Mark::Past) => {
                Tense::Past
            }
            (_, Mark::Ed) if !participle() => Tense::Past,
            _ => return true,
        };
        let dist = k.abs_diff(i);
        if best.is_none_or(|(d, bt)| dist < d || (dist == d && bt == Tense::Past)) {
            best = Some((dist, tense));
        }
        true
    };
    for k in (i.saturating_sub(40)..i).rev() {
        if !look(k) || newline_before(cx, k) {
            break;
        }
    }
    for k in i + 1..(i + 40).min(cx.toks.len()) {
        if newline_before(cx, k) || !look(k) {
            break;
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

fn newline_before(cx: &Cx, k: usize) -> bool {
    k > 0 && cx.text[cx.toks[k - 1].end as usize..cx.toks[k].start as usize].contains('\n')
}

/// Whether the punctuation at `k` ends a sentence: not the dot of "Feb." or
/// "U.S.", and followed by an uppercase word, a quote or the end.
fn sentence_end(cx: &Cx, k: usize) -> bool {
    if cx.is_punct(k, b'.') && k > 0 && cx.adj(k - 1) {
        let prev = cx.tok_text(k - 1);
        if prev.len() <= 1 || matches!(cx.lex_at(k - 1), Lex::Month(_)) {
            return false;
        }
        if matches!(
            prev,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Col"
                | "Lt"
                | "Sgt"
                | "St"
                | "Capt"
                | "Maj"
                | "Rep"
                | "Sen"
                | "Gov"
                | "Prof"
                | "No"
        ) {
            return false;
        }
    }
    k + 1 >= cx.toks.len()
        || cx.upper(k + 1)
        || !matches!(cx.lex_at(k + 1), Lex::Other | Lex::Kw(_))
}

/// The year of a month (and maybe day) given without one, read from the
/// article date and the tense: "in November" in a past-tense sentence
/// published in February 2023 is November 2022.
pub(super) fn infer_year(cx: &Cx, i: usize, m: u32, d: Option<u32>) -> Result<i32, NoValue> {
    let dct = cx.dct()?;
    let y = dct.year();
    if let Some(d) = d {
        // A day and month: the year that puts it nearest the article date,
        // as annotators and readers do ("Jan. 14" in a December article).
        let best = [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|yy| {
                NaiveDate::from_ymd_opt(yy, m, d)
                    .map(|x| (x.signed_duration_since(dct).num_days().abs(), yy))
            })
            .min();
        return Ok(best.map_or(y, |(_, yy)| yy));
    }
    let key = (m, d.unwrap_or(0));
    let now = (dct.month(), if d.is_some() { dct.day() } else { 0 });
    Ok(match tense(cx, i) {
        Tense::Past if key > now => {
            // A date a few days ahead in a past sentence is more often a
            // datelined report than one from last year.
            if d.is_some() && m == dct.month() && key.1 <= now.1 + 2 {
                y
            } else {
                y - 1
            }
        }
        Tense::Future if key < now => y + 1,
        _ => y,
    })
}
