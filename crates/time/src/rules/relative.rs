//! Dates relative to the article date: weekdays, today and yesterday,
//! "last year", and fuzzy references ("recently", "the future").

use chrono::{Datelike, NaiveDate};
use dossier_text::TimexType;

use super::periods::season_of;
use super::tense::tense;
use super::{Cand, Cx, NoValue, Tense};
use crate::calendar::{
    at_granularity, fmt_day, fmt_month, fmt_week, season_code, shift, weekday_near,
};
use crate::scan::{DayPart, Kw, Lex, Unit};

fn weekday_date(cx: &Cx, i: usize, wd: u8, dir: Option<Kw>) -> Result<NaiveDate, NoValue> {
    let dct = cx.dct()?;
    let (forward, strict) = match dir {
        Some(Kw::Last | Kw::Past | Kw::Previous) => (false, true),
        Some(Kw::Next | Kw::Coming) => (true, true),
        _ => (tense(cx, i) == Tense::Future, false),
    };
    weekday_near(dct, wd, forward, strict).ok_or(NoValue::OutOfRange)
}

/// Weekdays: "Monday", "last Friday", "next Tuesday", "Monday evening".
pub(super) fn weekday(cx: &Cx, i: usize) -> Option<Cand> {
    let (dir, j) = match cx.lex_at(i) {
        Lex::Kw(k @ (Kw::Last | Kw::Next | Kw::This | Kw::Coming | Kw::Past)) => (Some(k), i + 1),
        _ => (None, i),
    };
    let Lex::Weekday(wd) = cx.lex_at(j) else {
        return None;
    };
    if !cx.upper(j) {
        return None;
    }
    let date = weekday_date(cx, j, wd, dir);
    let end = cx.dot(j + 1);
    if let Lex::DayPart(p) = cx.lex_at(end) {
        let value = date.map(|d| format!("{}T{}", fmt_day(d), p.code()));
        let anchor = weekday_date(cx, j, wd, dir).ok();
        return Some(Cand::new(end + 1, TimexType::Time, value).anchored(anchor));
    }
    let anchor = date.as_ref().ok().copied();
    Some(Cand::date(end, date.map(fmt_day)).anchored(anchor))
}

/// today, yesterday, tomorrow, tonight, this morning, last night.
pub(super) fn relative_day(cx: &Cx, i: usize) -> Option<Cand> {
    let (off, j) = match cx.lex_at(i) {
        Lex::Kw(Kw::Today) => (0, i + 1),
        Lex::Kw(Kw::Yesterday) => (-1, i + 1),
        Lex::Kw(Kw::Tomorrow) => (1, i + 1),
        Lex::Kw(Kw::Tonight) => {
            let value = cx.dct().map(|d| format!("{}TNI", fmt_day(d)));
            return Some(Cand::new(i + 1, TimexType::Time, value).anchored(cx.dct));
        }
        Lex::Kw(Kw::This) => match cx.lex_at(i + 1) {
            Lex::DayPart(p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening)) => {
                let value = cx.dct().map(|d| format!("{}T{}", fmt_day(d), p.code()));
                return Some(Cand::new(i + 2, TimexType::Time, value).anchored(cx.dct));
            }
            _ => return None,
        },
        Lex::Kw(Kw::Last) => match cx.lex_at(i + 1) {
            Lex::DayPart(DayPart::Night | DayPart::Evening) => {
                let d = cx
                    .dct()
                    .and_then(|d| shift(d, Unit::Day, -1).ok_or(NoValue::OutOfRange));
                let anchor = d.as_ref().ok().copied();
                let value = d.map(|d| format!("{}TNI", fmt_day(d)));
                return Some(Cand::new(i + 2, TimexType::Time, value).anchored(anchor));
            }
            _ => return None,
        },
        _ => return None,
    };
    let d = cx
        .dct()
        .and_then(|d| shift(d, Unit::Day, off).ok_or(NoValue::OutOfRange));
    let anchor = d.as_ref().ok().copied();
    if let Lex::DayPart(p) = cx.lex_at(j) {
        let value = d.map(|d| format!("{}T{}", fmt_day(d), p.code()));
        return Some(Cand::new(j + 1, TimexType::Time, value).anchored(anchor));
    }
    Some(Cand::date(j, d.map(fmt_day)).anchored(anchor))
}

/// "last year", "this week", "next month", "last November", "this summer",
/// "the coming week".
pub(super) fn this_unit(cx: &Cx, i: usize) -> Option<Cand> {
    let (off, j) = match (cx.lex_at(i), cx.lex_at(i + 1)) {
        (Lex::Kw(Kw::Last), _) => (-1, i + 1),
        (Lex::Kw(Kw::This), _) => (0, i + 1),
        (Lex::Kw(Kw::Next), _) => (1, i + 1),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Coming)) => (1, i + 2),
        (Lex::Kw(Kw::The), Lex::Other) if cx.is(i + 1, "current") => (0, i + 2),
        (Lex::Kw(Kw::The), Lex::Unit(Unit::Weekend, false)) => (0, i + 1),
        _ => return None,
    };
    let need = || cx.dct();
    match cx.lex_at(j) {
        Lex::Unit(u, false) if u >= Unit::Week && u != Unit::Fortnight => {
            let value = need().and_then(|d| {
                shift(d, u, off)
                    .map(|d| at_granularity(d, u))
                    .ok_or(NoValue::OutOfRange)
            });
            let value = if u == Unit::Weekend && off == 0 {
                need().map(|d| this_weekend(d, tense(cx, j)))
            } else {
                value
            };
            Some(Cand::date(j + 1, value))
        }
        Lex::Month(m) if cx.upper(j) => {
            let m = u32::from(m);
            let value = need().map(|d| {
                let y = d.year();
                let y = match off {
                    -1 if m >= d.month() => y - 1,
                    1 if m <= d.month() => y + 1,
                    _ => y,
                };
                fmt_month(y, m)
            });
            Some(Cand::date(j + 1, value))
        }
        Lex::Season(s) => {
            let value = need().map(|d| {
                // Winter belongs to the year it starts in.
                let (sy, cur) = season_of(d);
                let y = match off {
                    -1 if s < cur => sy,
                    -1 => sy - 1,
                    1 if s > cur => sy,
                    1 => sy + 1,
                    _ if s == 4 => sy,
                    _ => d.year(),
                };
                format!("{y:04}-{}", season_code(s))
            });
            Some(Cand::date(j + 1, value))
        }
        _ => None,
    }
}

/// The weekend of the week of `d`: the one just past in past-tense text.
fn this_weekend(d: NaiveDate, t: Tense) -> String {
    let wd = d.weekday().number_from_monday();
    let d = if t != Tense::Future && wd < 5 {
        shift(d, Unit::Week, -1).unwrap_or(d)
    } else {
        d
    };
    format!("{}-WE", fmt_week(d))
}

/// Fuzzy references: now, currently, recently, in the past, the future,
/// recent days.
pub(super) fn fuzzy(cx: &Cx, i: usize) -> Option<Cand> {
    let prev_in = i > 0 && matches!(cx.lex_at(i - 1), Lex::Kw(Kw::In | Kw::For | Kw::Into));
    let c = |end, v: &str| Some(Cand::date(end, Ok(v.to_string())).conf(0.7));
    match cx.lex_at(i) {
        Lex::Kw(Kw::Right) if cx.is_kw(i + 1, Kw::Now) => c(i + 2, "PRESENT_REF"),
        Lex::Kw(Kw::Now) => {
            // "from now" belongs to "two weeks from now".
            c(i + 1, "PRESENT_REF")
        }
        Lex::Kw(Kw::Currently | Kw::Nowadays) => c(i + 1, "PRESENT_REF"),
        Lex::Kw(Kw::Present) if i > 0 && cx.is_kw(i - 1, Kw::At) => c(i + 1, "PRESENT_REF"),
        Lex::Kw(Kw::Recently) => c(i + 1, "PAST_REF"),
        // "in recent days", "recent years": the recent past, not a length.
        Lex::Kw(Kw::Recent) => match cx.lex_at(i + 1) {
            Lex::Unit(u, true) if u >= Unit::Hour => c(i + 2, "PAST_REF"),
            _ => None,
        },
        Lex::Kw(Kw::The) if prev_in => match (cx.lex_at(i + 1), cx.lex_at(i + 2)) {
            (Lex::Kw(Kw::Past), Lex::Punct(_) | Lex::Kw(_) | Lex::Other) => {
                if matches!(cx.lex_at(i + 2), Lex::Kw(Kw::Few | Kw::Several | Kw::A)) {
                    return None;
                }
                c(i + 2, "PAST_REF")
            }
            (Lex::Kw(Kw::Future), _) => c(i + 2, "FUTURE_REF"),
            (Lex::Kw(Kw::Near), Lex::Kw(Kw::Future)) => c(i + 3, "FUTURE_REF"),
            (Lex::Kw(Kw::Coming), Lex::Unit(_, true)) => c(i + 3, "FUTURE_REF"),
            _ => None,
        },
        Lex::Kw(Kw::The) if cx.is_kw(i + 1, Kw::Near) && cx.is(i + 2, "term") => {
            c(i + 3, "FUTURE_REF")
        }
        _ => None,
    }
}
