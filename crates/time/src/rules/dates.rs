//! Absolute dates: numeric dates and dates led by the month or the day.

use chrono::Datelike;

use super::tense::infer_year;
use super::{month_day_exists, valid_date, Cand, Cx};
use crate::calendar::{fmt_day, fmt_month};
use crate::scan::{Kw, Lex, Suffix, Unit};

/// `2023-02-18`, `18/02/2023`, `02/18/23`, `18.02.2023`.
///
/// The day/month rule for slashed dates: when one part is above 12 it is the
/// day; when both could be months, `ReadOptions::day_first` decides (on by
/// default: most of the world writes day/month, and US outlets spell their
/// dates out).
pub(super) fn numeric(cx: &Cx, i: usize) -> Option<Cand> {
    let (a, ad, asuf) = cx.num(i)?;
    if asuf != Suffix::None || !cx.adj(i) || !cx.adj(i + 1) || !cx.adj(i + 2) || !cx.adj(i + 3) {
        return None;
    }
    let sep = match cx.lex_at(i + 1) {
        Lex::Punct(c @ (b'-' | b'/' | b'.')) => c,
        _ => return None,
    };
    if !cx.is_punct(i + 3, sep) {
        return None;
    }
    let (b, bd, _) = cx.num(i + 2)?;
    let (c, cd, csuf) = cx.num(i + 4)?;
    if csuf != Suffix::None || bd > 2 {
        return None;
    }
    // A fourth part means a phone number or a version, not a date.
    if cx.adj(i + 4)
        && matches!(cx.lex_at(i + 5), Lex::Punct(b'-' | b'/' | b'.'))
        && cx.adj(i + 5)
        && cx.num(i + 6).is_some()
    {
        return None;
    }
    let (y, m, d) = if ad == 4 && sep == b'-' && cd <= 2 {
        (a as i32, b, c)
    } else if ad <= 2 && (cd == 4 || cd == 2) && sep != b'-' {
        let y = if cd == 4 {
            c as i32
        } else if c < 50 {
            2000 + c as i32
        } else {
            1900 + c as i32
        };
        let day_first = if a > 12 {
            true
        } else if b > 12 {
            false
        } else {
            sep == b'.' || cx.opts.day_first
        };
        if day_first {
            (y, b, a)
        } else {
            (y, a, b)
        }
    } else {
        return None;
    };
    if !(1000..=2099).contains(&y) {
        return None;
    }
    let date = valid_date(y, m, d);
    let anchor = date.as_ref().ok().copied();
    Some(
        Cand::date(i + 5, date.map(fmt_day))
            .anchored(anchor)
            .conf(0.95),
    )
}

/// An optional weekday (and comma) before a date: "Friday, Oct. 23".
fn skip_weekday(cx: &Cx, i: usize) -> usize {
    if matches!(cx.lex_at(i), Lex::Weekday(_)) && cx.upper(i) {
        let j = cx.dot(i + 1);
        if cx.is_punct(j, b',') {
            j + 1
        } else {
            j
        }
    } else {
        i
    }
}

/// Dates led by the month: "Feb. 18, 2023", "February 18", "January 2015",
/// "November last year", "March".
pub(super) fn month_first(cx: &Cx, i: usize) -> Option<Cand> {
    let j = skip_weekday(cx, i);
    let m = cx.month(j)?;
    let m32 = u32::from(m);
    let abbrev =
        cx.tok_text(j).len() <= 4 && cx.tok_text(j) != "June" && cx.tok_text(j) != "July" && m != 5;
    let k = cx.dot(j + 1);
    if let Some(d) = cx.day_num(k) {
        // "May 5-7": the range's first day.
        let mut end = k + 1;
        let year = if cx.is_punct(end, b',') && cx.year_num(end + 1).is_some() {
            end += 2;
            cx.year_num(end - 1)
        } else if let Some(y) = cx.year_num(end) {
            end += 1;
            Some(y)
        } else {
            None
        };
        // "June 2 years" is not a date.
        if year.is_none() && matches!(cx.lex_at(k + 1), Lex::Unit(..)) {
            return None;
        }
        let value = match year {
            Some(y) => valid_date(y, m32, d),
            None if !month_day_exists(m32, d) => valid_date(2000, m32, d),
            None => infer_year(cx, j, m32, Some(d)).and_then(|y| valid_date(y, m32, d)),
        };
        let anchor = value.as_ref().ok().copied();
        return Some(
            Cand::date(end, value.map(fmt_day))
                .anchored(anchor)
                .conf(0.95),
        );
    }
    if let Some(y) = cx.year_num(k) {
        return Some(Cand::date(k + 1, Ok(fmt_month(y, m32))).conf(0.95));
    }
    if cx.is_kw(k, Kw::Of) {
        if let Some(y) = cx.year_num(k + 1) {
            return Some(Cand::date(k + 2, Ok(fmt_month(y, m32))).conf(0.95));
        }
    }
    // "November last year", "March next year", "May of last year".
    let r = if cx.is_kw(k, Kw::Of) { k + 1 } else { k };
    if let (Some(off), Lex::Unit(Unit::Year, false)) = (rel_word(cx, r), cx.lex_at(r + 1)) {
        let value = cx.dct().map(|d| fmt_month(d.year() + off, m32));
        return Some(Cand::date(r + 2, value));
    }
    if abbrev || j != i {
        return None;
    }
    // A bare month name. "May" and "March" are also a verb and a noun, so
    // they need a preposition or modifier before them.
    let ctx = i > 0
        && matches!(
            cx.lex_at(i - 1),
            Lex::Kw(
                Kw::In
                    | Kw::Since
                    | Kw::Of
                    | Kw::Until
                    | Kw::By
                    | Kw::From
                    | Kw::To
                    | Kw::Between
                    | Kw::And
                    | Kw::During
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Before
                    | Kw::After
                    | Kw::End
                    | Kw::Through
            ) | Lex::Punct(b'-')
        );
    if (m == 5 || m == 3) && !ctx {
        return None;
    }
    // "August Wilson": a capitalised word after a bare month makes a name.
    if !ctx && cx.upper(i + 1) && matches!(cx.lex_at(i + 1), Lex::Other) {
        return None;
    }
    // "from January to March": the range's end decides the year of both.
    let end_month = match cx.lex_at(i + 1) {
        Lex::Kw(Kw::To | Kw::Until | Kw::Through | Kw::And) | Lex::Punct(b'-') => cx.month(i + 2),
        _ => None,
    };
    let value = match end_month {
        Some(m2) if cx.year_num(i + 3).is_none() => infer_year(cx, i + 2, u32::from(m2), None)
            .map(|y| fmt_month(if m <= m2 { y } else { y - 1 }, m32)),
        _ => infer_year(cx, i, m32, None).map(|y| fmt_month(y, m32)),
    };
    Some(Cand::date(i + 1, value).conf(0.85))
}

/// "last"/"this"/"next" as a year offset.
pub(super) fn rel_word(cx: &Cx, i: usize) -> Option<i32> {
    match cx.lex_at(i) {
        Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => Some(-1),
        Lex::Kw(Kw::This) => Some(0),
        Lex::Kw(Kw::Next | Kw::Coming) => Some(1),
        _ => None,
    }
}

/// Dates led by the day: "18 February 2023", "the 18th of February".
pub(super) fn day_first(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = skip_weekday(cx, i);
    if cx.is_kw(j, Kw::The) {
        j += 1;
    }
    let d = match cx.lex_at(j) {
        Lex::Ordinal(o) if cx.is_kw(j + 1, Kw::Of) => u32::from(o),
        _ => cx.day_num(j)?,
    };
    let mut k = j + 1;
    if cx.is_kw(k, Kw::Of) {
        k += 1;
    }
    let m = u32::from(cx.month(k)?);
    let mut end = cx.dot(k + 1);
    let mut year = None;
    if let Some(y) = cx.year_num(end) {
        year = Some(y);
        end += 1;
    } else if cx.is_punct(end, b',') && cx.year_num(end + 1).is_some() {
        year = cx.year_num(end + 1);
        end += 2;
    }
    let value = match year {
        Some(y) => valid_date(y, m, d),
        None if !month_day_exists(m, d) => valid_date(2000, m, d),
        None => infer_year(cx, k, m, Some(d)).and_then(|y| valid_date(y, m, d)),
    };
    let anchor = value.as_ref().ok().copied();
    Some(
        Cand::date(end, value.map(fmt_day))
            .anchored(anchor)
            .conf(0.95),
    )
}
