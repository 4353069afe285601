//! Parts of a year: quarters and halves, seasons, and holidays.

use chrono::{Datelike, NaiveDate};

use super::dates::rel_word;
use super::tense::{infer_year, tense};
use super::{valid_date, Cand, Cx, NoValue, Tense};
use crate::calendar::{at_granularity, fmt_day, fmt_quarter, nth_weekday, season_code, shift};
use crate::scan::{Kw, Lex, Unit};

/// The season a day falls in, with the year winter counts to (December 2022
/// is in the winter of 2022).
pub(super) fn season_of(d: NaiveDate) -> (i32, u8) {
    match d.month() {
        3..=5 => (d.year(), 1),
        6..=8 => (d.year(), 2),
        9..=11 => (d.year(), 3),
        12 => (d.year(), 4),
        _ => (d.year() - 1, 4),
    }
}

/// Quarters and halves: "the third quarter", "third-quarter", "the fourth
/// quarter of 2014", "the latest quarter", "the first half".
pub(super) fn quarter(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let the = cx.is_kw(j, Kw::The);
    if the {
        j += 1;
    }
    let mut year = None;
    if let Some(y) = cx.year_num(j) {
        year = Some(y);
        j += 1;
    }
    if cx.is_kw(j, Kw::Fiscal) {
        j += 1;
    }
    let (n, latest) = match cx.lex_at(j) {
        Lex::Ordinal(o @ 1..=4) => (Some(u32::from(o)), false),
        Lex::Kw(Kw::Last | Kw::Previous) if the => (None, true),
        Lex::Other if the && cx.is(j, "latest") => (None, true),
        Lex::Unit(Unit::Quarter, false) if the => (None, true),
        _ => return None,
    };
    let k = match cx.lex_at(j) {
        Lex::Unit(..) => j,
        _ => cx.hyphen(j + 1).unwrap_or(j + 1),
    };
    let half = cx.is_kw(k, Kw::Half);
    let is_quarter = matches!(cx.lex_at(k), Lex::Unit(Unit::Quarter, false));
    let is_half = half && n.is_some_and(|n| n <= 2);
    if !(is_quarter || is_half) {
        return None;
    }
    let mut end = k + 1;
    if cx.is_kw(end, Kw::Of) {
        if let Some(y) = cx.year_num(end + 1) {
            year = Some(y);
            end += 2;
        } else if let (Some(off), Lex::Unit(Unit::Year, false)) =
            (rel_word(cx, end + 1), cx.lex_at(end + 2))
        {
            year = cx.dct.map(|d| d.year() + off);
            end += 3;
        } else {
            // "the first half of the match" is not a date.
            return None;
        }
    } else if let Some(y) = cx.year_num(end) {
        year = Some(y);
        end += 1;
    }
    let value = match (n, year) {
        (Some(n), Some(y)) if half => Ok(format!("{y:04}-H{n}")),
        (Some(n), Some(y)) => Ok(fmt_quarter(y, n)),
        (Some(n), None) => cx.dct().map(|d| {
            if half {
                format!("{:04}-H{n}", d.year())
            } else {
                fmt_quarter(d.year(), n)
            }
        }),
        (None, _) if latest && !half => cx.dct().map(|d| {
            // Financial news means the quarter last reported on.
            let d = shift(d, Unit::Quarter, -1).unwrap_or(d);
            at_granularity(d, Unit::Quarter)
        }),
        _ => return None,
    };
    Some(Cand::date(end, value).conf(0.85))
}

/// Seasons: "summer 2014", "the winter of 2014", "in the spring".
pub(super) fn season(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let mut modifier = None;
    if cx.is_kw(j, Kw::The) {
        j += 1;
    }
    match cx.lex_at(j) {
        Lex::Kw(Kw::Early) => {
            modifier = Some("START");
            j += 1;
        }
        Lex::Kw(Kw::Late) => {
            modifier = Some("END");
            j += 1;
        }
        _ => {}
    }
    let Lex::Season(s) = cx.lex_at(j) else {
        return None;
    };
    let mut end = j + 1;
    let mut year = None;
    if let Some(y) = cx.year_num(end) {
        year = Some(y);
        end += 1;
    } else if cx.is_kw(end, Kw::Of) && cx.year_num(end + 1).is_some() {
        year = cx.year_num(end + 1);
        end += 2;
    }
    let value = match year {
        Some(y) => Ok(format!("{y:04}-{}", season_code(s))),
        None => {
            // "fall" and "spring" are also a verb and a noun: a bare season
            // needs "in" or "the" before it.
            let ok = i > 0
                && matches!(
                    cx.lex_at(i - 1),
                    Lex::Kw(Kw::In | Kw::Since | Kw::By | Kw::During | Kw::Until)
                )
                || (cx.is_kw(i, Kw::The) && s != 3);
            if !ok {
                return None;
            }
            cx.dct().map(|d| {
                let (y, cur) = season_of(d);
                let y = match tense(cx, j) {
                    Tense::Past if s > cur => y - 1,
                    Tense::Future if s < cur => y + 1,
                    _ => y,
                };
                format!("{y:04}-{}", season_code(s))
            })
        }
    };
    let mut c = Cand::date(end, value);
    if let Some(m) = modifier {
        c = c.with_mod(m);
    }
    Some(c)
}

/// Christmas, New Year's Day, Thanksgiving, Halloween.
pub(super) fn holiday(cx: &Cx, i: usize) -> Option<Cand> {
    let (m, d, end) = match cx.lex_at(i) {
        Lex::Kw(Kw::Christmas) if cx.upper(i) => {
            if cx.is_kw(i + 1, Kw::Eve) {
                (12, 24, i + 2)
            } else if cx.is(i + 1, "Day") {
                (12, 25, i + 2)
            } else {
                (12, 25, i + 1)
            }
        }
        Lex::Kw(Kw::Halloween) => (10, 31, i + 1),
        Lex::Kw(Kw::Thanksgiving) => (11, 0, if cx.is(i + 1, "Day") { i + 2 } else { i + 1 }),
        Lex::Kw(Kw::NewYear)
            if cx.upper(i)
                && cx.is(i + 1, "Year")
                && cx.is_punct(i + 2, b'\'')
                && cx.is(i + 3, "s") =>
        {
            if cx.is_kw(i + 4, Kw::Eve) {
                (12, 31, i + 5)
            } else if cx.is(i + 4, "Day") {
                (1, 1, i + 5)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let (y, end) = match cx.year_num(end) {
        Some(y) => (Ok(y), end + 1),
        None => (infer_year(cx, i, m, Some(d.max(1))), end),
    };
    let date = y.and_then(|y| {
        if d == 0 {
            nth_weekday(y, m, 4, 4).ok_or(NoValue::OutOfRange)
        } else {
            valid_date(y, m, d)
        }
    });
    let anchor = date.as_ref().ok().copied();
    Some(Cand::date(end, date.map(fmt_day)).anchored(anchor))
}
