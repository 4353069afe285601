//! TIMEX3 values as intervals of days, so that "2015", "2015-01" and
//! "2015-01-12" can be compared and filtered: the store keeps every fact's
//! valid time as such an interval.

use chrono::{Duration, NaiveDate, Weekday};

/// A half-open interval of days, `[start, end)`, in days since 1970-01-01
/// (negative before it). "2015-01" is `[2015-01-01, 2015-02-01)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayInterval {
    pub start: i32,
    pub end: i32,
}

impl DayInterval {
    fn of(start: NaiveDate, end: NaiveDate) -> Option<DayInterval> {
        let s = day_number(start);
        let e = day_number(end);
        (s < e).then_some(DayInterval { start: s, end: e })
    }

    /// The first day.
    pub fn start_date(&self) -> NaiveDate {
        date_of(self.start)
    }

    /// The day after the last.
    pub fn end_date(&self) -> NaiveDate {
        date_of(self.end)
    }

    /// The number of days it spans.
    pub fn days(&self) -> i32 {
        self.end - self.start
    }

    pub fn overlaps(&self, other: &DayInterval) -> bool {
        self.start < other.end && other.start < self.end
    }
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

/// Days since 1970-01-01.
pub fn day_number(d: NaiveDate) -> i32 {
    (d - EPOCH).num_days() as i32
}

/// The date of a day number.
pub fn date_of(day: i32) -> NaiveDate {
    EPOCH + Duration::days(i64::from(day))
}

/// The interval of days a TIMEX3 date value covers, or `None` for values
/// that name no stretch of the calendar (`PAST_REF`, `PRESENT_REF`,
/// `FUTURE_REF`, durations such as `P3Y`, sets).
///
/// Understood: years (`2015`), months (`2015-01`), days (`2015-01-12`, also
/// with a time or a part of day: `2015-01-12T14:30`, `2015-01-12TNI`), ISO
/// weeks and weekends (`2015-W03`, `2015-W03-WE`), quarters and halves
/// (`2015-Q1`, `2015-H2`), seasons (`2015-SU`; winter runs from December
/// into the next year), decades (`201`, `201X`) and centuries (`20`, `20XX`).
///
/// ```
/// use dossier_time::timex_interval;
/// let jan = timex_interval("2015-01").unwrap();
/// let day = timex_interval("2015-01-12").unwrap();
/// assert!(jan.start <= day.start && day.end <= jan.end);
/// assert_eq!(jan.days(), 31);
/// assert_eq!(timex_interval("PAST_REF"), None);
/// ```
pub fn timex_interval(value: &str) -> Option<DayInterval> {
    let value = value.trim();
    let (date_part, _time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let head = parts[0];
    if head.is_empty() || !head.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return None;
    }
    // Decades and centuries: "201", "201X", "20", "20XX".
    let digits = head.trim_end_matches('X');
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() || head.len() > 4 {
        return None;
    }
    if head.len() < 4 || digits.len() < 4 {
        if parts.len() > 1 {
            return None;
        }
        let n: i32 = digits.parse().ok()?;
        let span = 10i32.pow(4 - digits.len() as u32);
        let y = n * span;
        return DayInterval::of(ymd(y, 1, 1)?, ymd(y + span, 1, 1)?);
    }
    let year: i32 = head.parse().ok()?;
    match parts.len() {
        1 => DayInterval::of(ymd(year, 1, 1)?, ymd(year + 1, 1, 1)?),
        2 | 3 => {
            let second = parts[1];
            if let Some(w) = second
                .strip_prefix('W')
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty())
            {
                let week: u32 = w.parse().ok()?;
                let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                return match parts.get(2) {
                    None => DayInterval::of(monday, monday + Duration::days(7)),
                    Some(&"WE") => {
                        DayInterval::of(monday + Duration::days(5), monday + Duration::days(7))
                    }
                    Some(_) => None,
                };
            }
            if parts.len() == 3 {
                let month: u32 = second.parse().ok()?;
                let day: u32 = parts[2].parse().ok()?;
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return DayInterval::of(d, d.succ_opt()?);
            }
            let (from, to) = match second {
                "Q1" => ((year, 1), (year, 4)),
                "Q2" => ((year, 4), (year, 7)),
                "Q3" => ((year, 7), (year, 10)),
                "Q4" => ((year, 10), (year + 1, 1)),
                "H1" => ((year, 1), (year, 7)),
                "H2" => ((year, 7), (year + 1, 1)),
                "SP" => ((year, 3), (year, 6)),
                "SU" => ((year, 6), (year, 9)),
                "FA" => ((year, 9), (year, 12)),
                "WI" => ((year, 12), (year + 1, 3)),
                m => {
                    let month: u32 = m.parse().ok()?;
                    if !(1..=12).contains(&month) {
                        return None;
                    }
                    let next = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                    ((year, month), next)
                }
            };
            DayInterval::of(ymd(from.0, from.1, 1)?, ymd(to.0, to.1, 1)?)
        }
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The precision of a TIMEX3 date value, for tables that keep the date and
/// its precision apart: `day`, `week`, `month`, `quarter`, `season`, `year`,
/// `decade`, `century`; `None` when [`timex_interval`] gives none.
pub fn timex_precision(value: &str) -> Option<&'static str> {
    let iv = timex_interval(value)?;
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    Some(match parts.len() {
        1 => match parts[0].trim_end_matches('X').len() {
            4 => "year",
            3 => "decade",
            _ => "century",
        },
        2 if parts[1].starts_with('W') && parts[1] != "WI" => "week",
        2 if parts[1].starts_with('Q') || parts[1].starts_with('H') => "quarter",
        2 if parts[1].bytes().all(|b| b.is_ascii_digit()) => "month",
        2 => "season",
        _ if iv.days() == 1 => "day",
        _ => "week",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, expect: &str) {
        let got = match timex_interval(value) {
            Some(iv) => format!("{}..{}", iv.start_date(), iv.end_date()),
            None => "none".to_string(),
        };
        assert_eq!(got, expect, "{value}");
    }

    #[test]
    fn values_become_day_intervals() {
        check("2015", "2015-01-01..2016-01-01");
        check("2015-01", "2015-01-01..2015-02-01");
        check("2015-12", "2015-12-01..2016-01-01");
        check("2015-01-12", "2015-01-12..2015-01-13");
        check("2015-01-12T14:30", "2015-01-12..2015-01-13");
        check("2015-01-12TNI", "2015-01-12..2015-01-13");
        check("2015-W03", "2015-01-12..2015-01-19");
        check("2015-W03-WE", "2015-01-17..2015-01-19");
        check("2015-Q4", "2015-10-01..2016-01-01");
        check("2015-H1", "2015-01-01..2015-07-01");
        check("2015-WI", "2015-12-01..2016-03-01");
        check("201", "2010-01-01..2020-01-01");
        check("201X", "2010-01-01..2020-01-01");
        check("20", "2000-01-01..2100-01-01");
        check("19XX", "1900-01-01..2000-01-01");
    }

    #[test]
    fn unplaceable_values_give_none() {
        for v in [
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "P3Y",
            "PT2H",
            "XXXX-12",
            "2015-13",
            "2015-02-30",
            "",
            "2015-W60",
            "-001-12-27",
            "10000",
        ] {
            check(v, "none");
        }
    }

    #[test]
    fn nested_values_nest() {
        let y = timex_interval("2015").unwrap();
        let m = timex_interval("2015-01").unwrap();
        let d = timex_interval("2015-01-12").unwrap();
        assert!(y.start <= m.start && m.end <= y.end);
        assert!(m.start <= d.start && d.end <= m.end);
        assert!(m.overlaps(&d) && !d.overlaps(&timex_interval("2015-01-13").unwrap()));
    }

    #[test]
    fn precision_names_the_grain() {
        assert_eq!(timex_precision("2024-03-04"), Some("day"));
        assert_eq!(timex_precision("2024-04"), Some("month"));
        assert_eq!(timex_precision("2021"), Some("year"));
        assert_eq!(timex_precision("2021-W10"), Some("week"));
        assert_eq!(timex_precision("FUTURE_REF"), None);
    }
}
