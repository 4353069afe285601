//! Publication dates as they appear in the wild: ISO dates, RFC 3339 and
//! RFC 2822 datetimes, compact `YYYYMMDD`, and English month names.
//!
//! A datetime keeps the calendar date its writer gave (`2023-02-18T23:30:00-05:00`
//! is 18 February): that is the date the article calls "today", the anchor
//! for relative time expressions. Converting to UTC would move it.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

/// Why a date string did not give a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// The string has the shape of a date, but no such day exists (`2023-02-30`).
    Impossible,
    /// The string is not in a date format this crate reads.
    Unrecognised,
}

impl DateError {
    /// A lowercase phrase for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            DateError::Impossible => "no such day exists",
            DateError::Unrecognised => {
                "not a date format dossier reads, use YYYY-MM-DD or RFC 3339"
            }
        }
    }
}

static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])").expect("valid regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)").expect("valid regex"));

/// Parses a publication date.
///
/// ```
/// use dossier_ingest::date::{parse_date, DateError};
/// use chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(parse_date("2023-02-18"), Ok(d(2023, 2, 18)));
/// assert_eq!(parse_date("2023-02-18T23:30:00-05:00"), Ok(d(2023, 2, 18)));
/// assert_eq!(parse_date("Sat, 18 Feb 2023 10:00:00 GMT"), Ok(d(2023, 2, 18)));
/// assert_eq!(parse_date("February 18, 2023"), Ok(d(2023, 2, 18)));
/// assert_eq!(parse_date("2023-02-30"), Err(DateError::Impossible));
/// assert_eq!(parse_date("soon"), Err(DateError::Unrecognised));
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    for re in [&*YMD, &*COMPACT] {
        if let Some(c) = re.captures(s) {
            let num = |i: usize| c[i].parse::<u32>().unwrap_or(0);
            let year = c[1].parse::<i32>().unwrap_or(0);
            return NaiveDate::from_ymd_opt(year, num(2), num(3)).ok_or(DateError::Impossible);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(dt.date_naive());
    }
    // Written-out dates, as bylines and some meta tags give them.
    let cleaned: String = s
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for fmt in [
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%a %b %d %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, fmt) {
            return Ok(d);
        }
    }
    Err(DateError::Unrecognised)
}
