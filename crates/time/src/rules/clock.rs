//! Clock times: "3 p.m.", "10:30 am", "15:00 GMT", "noon".

use chrono::NaiveDate;
use dossier_text::TimexType;

use super::dates::{day_first, month_first};
use super::relative::{relative_day, weekday};
use super::{Cand, Cx, NoValue};
use crate::calendar::fmt_day;
use crate::scan::{DayPart, Kw, Lex, Suffix};

/// "a.m." / "p.m." / "am" / "PM" at `i`: whether it is p.m., and the next
/// token.
fn meridiem(cx: &Cx, i: usize) -> Option<(bool, usize)> {
    let w = cx.tok_text(i);
    if w.eq_ignore_ascii_case("am") {
        return Some((false, cx.dot(i + 1)));
    }
    if w.eq_ignore_ascii_case("pm") {
        return Some((true, cx.dot(i + 1)));
    }
    let pm = if w.eq_ignore_ascii_case("p") {
        true
    } else if w.eq_ignore_ascii_case("a") {
        false
    } else {
        return None;
    };
    if cx.adj(i) && cx.is_punct(i + 1, b'.') && cx.adj(i + 1) && cx.is(i + 2, "m") {
        let mut j = i + 3;
        if cx.adj(i + 2) && cx.is_punct(j, b'.') {
            j += 1;
        }
        return Some((pm, j));
    }
    None
}

/// Clock times: "3 p.m.", "10:30 am", "15:00 GMT", "0600 hours", "3 p.m.
/// local time", "3 p.m. Monday", "noon".
pub(super) fn clock(cx: &Cx, i: usize) -> Option<Cand> {
    let (h, m, mut end) = time_of_day(cx, i)?;
    if matches!(cx.lex_at(end), Lex::Kw(Kw::Zone)) || cx.is(end, "hours") || cx.is(end, "hrs") {
        end += 1;
        // "(1500 GMT)" and "15:00 GMT+3"
    } else if cx.is_kw(end, Kw::Local) && cx.is_kw(end + 1, Kw::Time) {
        end += 2;
    }
    // A day right after the time: "3 p.m. Monday", "10 a.m. on Friday".
    let mut day: Option<Result<NaiveDate, NoValue>> = None;
    let k = if cx.is_kw(end, Kw::On) || cx.is_punct(end, b',') {
        end + 1
    } else {
        end
    };
    for rule in [weekday, relative_day, month_first, day_first] {
        if let Some(c) = rule(cx, k) {
            if let Some(a) = c.anchor {
                day = Some(Ok(a));
                end = c.end;
                break;
            }
            if let Err(e) = c.value {
                day = Some(Err(e));
                end = c.end;
                break;
            }
        }
    }
    let day = match day {
        Some(d) => d,
        // "Monday at 3 p.m.": the day just named.
        None => match cx.narrative {
            Some((d, e)) if i >= e && i - e <= 2 => Ok(d),
            _ => cx.dct(),
        },
    };
    let hh = if h == 24 { 24 } else { h };
    let value = day
        .as_ref()
        .map(|d| format!("{}T{hh:02}:{m:02}", fmt_day(*d)))
        .map_err(Clone::clone);
    Some(
        Cand::new(end, TimexType::Time, value)
            .anchored(day.ok())
            .conf(0.9),
    )
}

/// The hour, the minute and the token after the time of day at `i`: a
/// clock time, "0600 hours" or "noon", without its zone or day.
fn time_of_day(cx: &Cx, i: usize) -> Option<(u32, u32, usize)> {
    let (h, m, end) = match cx.lex_at(i) {
        Lex::Num {
            val,
            digits: 1..=2,
            suffix,
        } => return hour_and_minutes(cx, i, val, suffix),
        Lex::Num {
            val,
            digits: 4,
            suffix: Suffix::None,
        } if val % 100 < 60 && val / 100 < 24 => {
            let zone = matches!(cx.lex_at(i + 1), Lex::Kw(Kw::Zone))
                || cx.is(i + 1, "hours")
                || cx.is(i + 1, "hrs");
            if !zone {
                return None;
            }
            (val / 100, val % 100, i + 1)
        }
        Lex::DayPart(p @ (DayPart::Noon | DayPart::Midnight)) => {
            let at = i > 0
                && matches!(
                    cx.lex_at(i - 1),
                    Lex::Kw(
                        Kw::At
                            | Kw::By
                            | Kw::Until
                            | Kw::Before
                            | Kw::After
                            | Kw::Around
                            | Kw::About
                    )
                );
            // "noon Saturday" needs no "at".
            let day_next = matches!(
                cx.lex_at(i + 1),
                Lex::Weekday(_) | Lex::Kw(Kw::Today | Kw::Yesterday | Kw::Tomorrow)
            );
            if !at && !day_next {
                return None;
            }
            let h = if p == DayPart::Noon { 12 } else { 24 };
            (h, 0, i + 1)
        }
        _ => return None,
    };
    Some((h, m, end))
}

/// "3 p.m.", "10:30 am", "at 10:30", "10.30 GMT": an hour of one or two
/// digits (token `i`, its value and suffix), maybe with minutes and a
/// meridiem.
fn hour_and_minutes(cx: &Cx, i: usize, val: u32, suffix: Suffix) -> Option<(u32, u32, usize)> {
    let mut min = 0;
    let mut j = i + 1;
    let mut has_min = false;
    if cx.adj(i) && matches!(cx.lex_at(j), Lex::Punct(b':' | b'.')) && cx.adj(j) {
        let dotted = cx.is_punct(j, b'.');
        if let Some((mm @ 0..=59, 2, s @ (Suffix::None | Suffix::Am | Suffix::Pm))) = cx.num(j + 1)
        {
            // "2.46" is a number unless "p.m." or a zone follows.
            if dotted
                && s == Suffix::None
                && meridiem(cx, j + 2).is_none()
                && !matches!(cx.lex_at(j + 2), Lex::Kw(Kw::Zone))
            {
                return None;
            }
            min = mm;
            has_min = true;
            j += 2;
        }
    }
    let suffix = if has_min {
        match cx.num(j - 1) {
            Some((_, _, s)) => s,
            None => Suffix::None,
        }
    } else {
        suffix
    };
    let mer = match suffix {
        Suffix::Am => Some(false),
        Suffix::Pm => Some(true),
        Suffix::None => match meridiem(cx, j) {
            Some((pm, k)) => {
                j = k;
                Some(pm)
            }
            None => None,
        },
        _ => return None,
    };
    let h = match mer {
        Some(pm) if (1..=12).contains(&val) => {
            if pm {
                val % 12 + 12
            } else {
                val % 12
            }
        }
        Some(_) => return None,
        None if has_min && val <= 23 => {
            // "10:30" alone could be a score or a verse: it needs a
            // zone or "at" before it.
            let at = i > 0
                && matches!(
                    cx.lex_at(i - 1),
                    Lex::Kw(
                        Kw::At
                            | Kw::By
                            | Kw::Until
                            | Kw::Around
                            | Kw::About
                            | Kw::Before
                            | Kw::After
                            | Kw::From
                    )
                );
            if !at && !matches!(cx.lex_at(j), Lex::Kw(Kw::Zone)) {
                return None;
            }
            val
        }
        None => return None,
    };
    Some((h, min, j))
}
