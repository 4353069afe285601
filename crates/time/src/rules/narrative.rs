//! Expressions anchored at the narrative's last date: "the 18th", "the
//! next day", "that year".

use chrono::Datelike;

use super::tense::tense;
use super::{valid_date, Cand, Cx, NoValue, Tense};
use crate::calendar::{at_granularity, fmt_day, shift};
use crate::scan::{Kw, Lex, Suffix, Unit};

/// "the 18th": a day of the article's month.
pub(super) fn ordinal_day(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.is_kw(i, Kw::The) {
        return None;
    }
    let Some((d @ 1..=31, 1..=2, Suffix::Ordinal)) = cx.num(i + 1) else {
        return None;
    };
    // "the 18th floor", "the 5th Army": only a day when nothing follows.
    if !matches!(
        cx.lex_at(i + 2),
        Lex::Punct(b',' | b'.' | b';' | b')' | b'\n')
            | Lex::Kw(Kw::And | Kw::To | Kw::When | Kw::At)
    ) {
        return None;
    }
    let value = cx.anchor().and_then(|a| {
        let first = a.with_day(1).unwrap_or(a);
        let month = |k: i64| shift(first, Unit::Month, k).unwrap_or(first);
        let m = match tense(cx, i) {
            Tense::Past if d > a.day() => month(-1),
            Tense::Future if d < a.day() => month(1),
            // No tense: the nearer of this month's and the neighbour's day.
            Tense::Unknown if d + 15 < a.day() => month(1),
            Tense::Unknown if d > a.day() + 15 => month(-1),
            _ => first,
        };
        valid_date(m.year(), m.month(), d)
    });
    let anchor = value.as_ref().ok().copied();
    Some(
        Cand::date(i + 2, value.map(fmt_day))
            .anchored(anchor)
            .conf(0.75),
    )
}

/// "the next day", "the following week", "the previous day", "the same day",
/// "the day before": anchored at the narrative's last date.
pub(super) fn narrative(cx: &Cx, i: usize) -> Option<Cand> {
    if cx.is_kw(i, Kw::That) {
        return that_unit(cx, i);
    }
    if !cx.is_kw(i, Kw::The) {
        return None;
    }
    let (off, j) = match cx.lex_at(i + 1) {
        Lex::Kw(Kw::Next | Kw::Following) => (1, i + 2),
        Lex::Kw(Kw::Previous) => (-1, i + 2),
        Lex::Kw(Kw::Same) => (0, i + 2),
        Lex::Unit(Unit::Day, false) => match cx.lex_at(i + 2) {
            Lex::Kw(Kw::Before)
                if !matches!(cx.lex_at(i + 3), Lex::Other | Lex::Kw(_))
                    || cx.is_kw(i + 3, Kw::Yesterday) =>
            {
                (-1, i + 1)
            }
            _ => return None,
        },
        _ => return None,
    };
    let Lex::Unit(u, false) = cx.lex_at(j) else {
        return None;
    };
    if u < Unit::Day || u == Unit::Fortnight {
        return None;
    }
    let end = if cx.lex_at(i + 1) == Lex::Unit(Unit::Day, false) {
        if cx.is_kw(i + 3, Kw::Yesterday) {
            // "the day before yesterday"
            let d = cx
                .dct()
                .and_then(|d| shift(d, Unit::Day, -2).ok_or(NoValue::OutOfRange));
            let anchor = d.as_ref().ok().copied();
            return Some(Cand::date(i + 4, d.map(fmt_day)).anchored(anchor));
        }
        i + 3
    } else {
        j + 1
    };
    let d = cx
        .anchor()
        .and_then(|a| shift(a, u, off).ok_or(NoValue::OutOfRange));
    let anchor = if u == Unit::Day {
        d.as_ref().ok().copied()
    } else {
        None
    };
    Some(
        Cand::date(end, d.map(|d| at_granularity(d, u)))
            .anchored(anchor)
            .conf(0.8),
    )
}

/// "that year", "that month", "that day": the unit of the last date the
/// narrative named, cut to that granularity.
fn that_unit(cx: &Cx, i: usize) -> Option<Cand> {
    let len = match cx.lex_at(i + 1) {
        Lex::Unit(Unit::Year, false) => 4,
        Lex::Unit(Unit::Month, false) => 7,
        Lex::Unit(Unit::Day, false) => 10,
        _ => return None,
    };
    let value = match (&cx.last_value, cx.narrative) {
        (_, Some((d, _))) if len == 10 => Ok(fmt_day(d)),
        (Some(v), _) if v.len() >= len && !v[..len].contains(['Q', 'W', 'H', 'S', 'F']) => {
            Ok(v[..len].to_string())
        }
        _ => Err(NoValue::NothingEarlier),
    };
    Some(Cand::date(i + 2, value).conf(0.7))
}
