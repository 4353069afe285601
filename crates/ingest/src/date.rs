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
    find_date(s).unwrap_or(Err(DateError::Unrecognised))
}

static WRITTEN_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?,?\s+(\d{4})\b").expect("valid regex")
});
static WRITTEN_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(\p{L}{3,9})\.?,?\s+(\d{4})\b")
        .expect("valid regex")
});
static ISO_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));

/// The month a name or abbreviation stands for (`Nov`, `Sept.`, `november`;
/// German names too, `März`, `Mai`, `Oktober`, for the datelines of German
/// pages).
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const GERMAN: [&str; 12] = [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ];
    let name = name.to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    let n = MONTHS
        .iter()
        .position(|m| m.starts_with(&name) || (name == "sept" && *m == "september"))
        .or_else(|| GERMAN.iter().position(|m| *m == name))?;
    Some(n as u32 + 1)
}

/// The first date written inside a longer string: a date followed by a time
/// and a zone (`November 19, 2019, 07:47 PM EST`), a time before the date
/// (`01:38:07 PM IST Nov 20, 2019`), a dateline (`Posted: Fri 6:45 PM, Feb
/// 16, 2018`). `None` when the string holds none.
pub fn find_date(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let ymd = |y: &str, m: u32, d: &str| {
        let (y, d) = (y.parse().ok()?, d.parse().ok()?);
        Some(NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::Impossible))
    };
    let mut found: Vec<(usize, Result<NaiveDate, DateError>)> = Vec::new();
    if let Some(c) = WRITTEN_MDY
        .captures_iter(s)
        .find(|c| month_number(&c[1]).is_some())
    {
        let m = month_number(&c[1])?;
        found.extend(ymd(&c[3], m, &c[2]).map(|r| (c.get(0).map_or(0, |m| m.start()), r)));
    }
    if let Some(c) = WRITTEN_DMY
        .captures_iter(s)
        .find(|c| month_number(&c[2]).is_some())
    {
        let m = month_number(&c[2])?;
        found.extend(ymd(&c[3], m, &c[1]).map(|r| (c.get(0).map_or(0, |m| m.start()), r)));
    }
    if let Some(c) = ISO_ANYWHERE.captures(s) {
        let m: u32 = c[2].parse().ok()?;
        found.extend(ymd(&c[1], m, &c[3]).map(|r| (c.get(0).map_or(0, |m| m.start()), r)));
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, r)| r)
}
