//! Calendar arithmetic and TIMEX3 value formatting.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::scan::Unit;

pub(crate) fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(crate) fn fmt_month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

pub(crate) fn fmt_year(y: i32) -> String {
    format!("{y:04}")
}

/// ISO week of a day, as TIMEX3 writes it: `2023-W07`.
pub(crate) fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn fmt_quarter(y: i32, q: u32) -> String {
    format!("{y:04}-Q{q}")
}

/// Decades are written with three digits: the 1990s are `199`.
pub(crate) fn fmt_decade(y: i32) -> String {
    format!("{:03}", y.div_euclid(10))
}

/// Centuries with two: the 19th century (1800s) is `18`.
pub(crate) fn fmt_century(first_year: i32) -> String {
    format!("{:02}", first_year.div_euclid(100))
}

pub(crate) fn season_code(s: u8) -> &'static str {
    match s {
        1 => "SP",
        2 => "SU",
        3 => "FA",
        _ => "WI",
    }
}

/// `d` shifted by `n` units (negative: back), clamped to the end of the
/// month where needed ("a month after 31 January" is 28 February).
pub(crate) fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            d.checked_add_months(Months::new(k32))
        } else {
            d.checked_sub_months(Months::new(k32))
        }
    };
    let days = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            d.checked_add_days(Days::new(k as u64))
        } else {
            d.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n.checked_mul(7)?),
        Unit::Fortnight => days(n.checked_mul(14)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// The TIMEX3 value of the calendar unit that contains `d`: the day, its
/// week, month, quarter, year, decade or century.
pub(crate) fn at_granularity(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => fmt_day(d),
        Unit::Week | Unit::Fortnight => fmt_week(d),
        Unit::Weekend => format!("{}-WE", fmt_week(d)),
        Unit::Month => fmt_month(d.year(), d.month()),
        Unit::Quarter => fmt_quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => fmt_year(d.year()),
        Unit::Decade => fmt_decade(d.year()),
        Unit::Century => fmt_century(d.year()),
    }
}

/// The letter of a unit in a TIMEX3 duration, and whether it goes after `T`.
pub(crate) fn duration_letter(unit: Unit) -> (&'static str, bool, u32) {
    match unit {
        Unit::Second => ("S", true, 1),
        Unit::Minute => ("M", true, 1),
        Unit::Hour => ("H", true, 1),
        Unit::Day => ("D", false, 1),
        Unit::Weekend => ("D", false, 2),
        Unit::Week => ("W", false, 1),
        Unit::Fortnight => ("W", false, 2),
        Unit::Month => ("M", false, 1),
        Unit::Quarter => ("Q", false, 1),
        Unit::Year => ("Y", false, 1),
        Unit::Decade => ("Y", false, 10),
        Unit::Century => ("Y", false, 100),
    }
}

/// A duration of `n` units (`None`: an unspecified number, `PXY`).
pub(crate) fn fmt_duration(n: Option<u32>, unit: Unit) -> String {
    let (letter, t, mult) = duration_letter(unit);
    let t = if t { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{}{letter}", u64::from(n) * u64::from(mult)),
        None => format!("P{t}X{letter}"),
    }
}

/// The most recent day with ISO weekday `wd` (1 = Monday) on or before `d`
/// (`strict`: before), or the next one on or after it.
pub(crate) fn weekday_near(d: NaiveDate, wd: u8, forward: bool, strict: bool) -> Option<NaiveDate> {
    let cur = d.weekday().number_from_monday() as i64;
    let wd = i64::from(wd);
    let mut delta = if forward {
        (wd - cur).rem_euclid(7)
    } else {
        -((cur - wd).rem_euclid(7))
    };
    if strict && delta == 0 {
        delta = if forward { 7 } else { -7 };
    }
    shift(d, Unit::Day, delta)
}

/// The `n`th (1-based) weekday `wd` of a month: Thanksgiving is the fourth
/// Thursday of November.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u8, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let d = weekday_near(first, wd, true, false)?;
    shift(d, Unit::Week, i64::from(n) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_go_back_or_forward() {
        // 2023-02-01 was a Wednesday.
        assert_eq!(
            weekday_near(d("2023-02-01"), 1, false, false),
            Some(d("2023-01-30"))
        );
        assert_eq!(
            weekday_near(d("2024-03-04"), 6, true, false),
            Some(d("2024-03-09"))
        );
        assert_eq!(
            weekday_near(d("2023-02-01"), 3, false, true),
            Some(d("2023-01-25"))
        );
    }

    #[test]
    fn values_at_each_granularity() {
        let x = d("2023-02-18");
        assert_eq!(at_granularity(x, Unit::Week), "2023-W07");
        assert_eq!(at_granularity(x, Unit::Quarter), "2023-Q1");
        assert_eq!(at_granularity(x, Unit::Decade), "202");
        assert_eq!(fmt_duration(Some(3), Unit::Hour), "PT3H");
        assert_eq!(fmt_duration(None, Unit::Year), "PXY");
        assert_eq!(nth_weekday(2023, 11, 4, 4), Some(d("2023-11-23")));
    }
}
