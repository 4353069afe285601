//! The recogniser: hand-written rules over the scanner's tokens, in the
//! spirit of HeidelTime, that find time expressions (longest match, no
//! overlaps) and normalise them to TIMEX3 values at the same time.
//!
//! Each rule looks at the tokens from a start position and returns a
//! candidate: how far it reaches, its TIMEX3 type, and its value, or the
//! reason it has none (no article date, an impossible date). Relative
//! expressions are anchored at the document creation time (DCT); "two days
//! later" and "the next day" at the last day-level date of the narrative.
//!
//! This module holds what the rules share: the candidate ([`Cand`]), the
//! reading context ([`Cx`]) with its token helpers, the trigger test and the
//! choice of the longest candidate. The rules live in one module per family,
//! as rust-analyzer's `grammar/*`: `dates` (numeric, month-first and
//! day-first dates), `years` (years, decades, centuries), `relative` (dates
//! relative to the article date), `periods` (quarters, seasons, holidays),
//! `narrative` (dates anchored at the narrative's last date), `counts`
//! (durations, "ago", "later", sets), `clock` (clock times) and `modifiers`
//! ("early", "about"); `tense` reads the tense they share.

mod clock;
mod counts;
mod dates;
mod modifiers;
mod narrative;
mod periods;
mod relative;
mod tense;
mod years;

use std::fmt;

use chrono::NaiveDate;
use dossier_text::TimexType;

use crate::scan::{Kw, Lex, Suffix, Tok};

use clock::clock;
use counts::{count, set};
use dates::{day_first, month_first, numeric};
use modifiers::modified;
use narrative::{narrative, ordinal_day};
use periods::{holiday, quarter, season};
use relative::{fuzzy, relative_day, this_unit, weekday};
use years::{century, year};

/// The tense around an expression, which decides whether a bare weekday or
/// month points back or forward from the article date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// One recognised expression, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: u32,
    pub end: u32,
    pub ttype: TimexType,
    pub value: Option<String>,
    pub modifier: Option<&'static str>,
    /// Why there is no value, when there is none.
    pub problem: Option<NoValue>,
    pub confidence: f32,
}

/// Why an expression has no value. The text it displays is the reason the
/// time stage's diagnostic gives, so it stays as it is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NoValue {
    /// A relative expression in a document without a date.
    NoArticleDate,
    /// 29 February of a year that has none.
    NoLeapDay { year: i32 },
    /// A day its month never has ("February 30").
    NoSuchDay { month: u32, day: u32 },
    /// The date falls outside the calendar.
    OutOfRange,
    /// "that year" with no earlier date in the text to refer to.
    NothingEarlier,
    /// "several days later": a count of units that cannot be anchored.
    UnspecifiedCount,
    /// A value TIMEX3 cannot write: a year past 9999 or before 0.
    Unwritable(String),
}

impl fmt::Display for NoValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoValue::NoArticleDate => {
                f.write_str("no article date to anchor this expression; give the document a date")
            }
            NoValue::NoLeapDay { year } => write!(
                f,
                "impossible date: {year} has no 29 February; check the source text"
            ),
            NoValue::NoSuchDay { month, day } => write!(
                f,
                "impossible date: month {month} has no day {day}; check the source text"
            ),
            NoValue::OutOfRange => f.write_str("date out of range"),
            NoValue::NothingEarlier => f.write_str("nothing earlier in the text says which one"),
            NoValue::UnspecifiedCount => {
                f.write_str("an unspecified number of units cannot be anchored")
            }
            NoValue::Unwritable(value) => write!(
                f,
                "its value `{value}` falls outside the years TIMEX3 can write (0000 to 9999); check the article date"
            ),
        }
    }
}

struct Cand {
    /// Token index one past the last token of the expression.
    end: usize,
    ttype: TimexType,
    value: Result<String, NoValue>,
    modifier: Option<&'static str>,
    /// The day the expression denotes, which anchors later "the next day".
    anchor: Option<NaiveDate>,
    confidence: f32,
}

impl Cand {
    fn new(end: usize, ttype: TimexType, value: Result<String, NoValue>) -> Cand {
        Cand {
            end,
            ttype,
            value,
            modifier: None,
            anchor: None,
            confidence: 0.9,
        }
    }
    fn date(end: usize, value: Result<String, NoValue>) -> Cand {
        Cand::new(end, TimexType::Date, value)
    }
    fn anchored(mut self, d: Option<NaiveDate>) -> Cand {
        self.anchor = d;
        self
    }
    fn with_mod(mut self, m: &'static str) -> Cand {
        self.modifier = Some(m);
        self
    }
    fn conf(mut self, c: f32) -> Cand {
        self.confidence = c;
        self
    }
}

/// Options that change how text is read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReadOptions {
    pub day_first: bool,
    /// Forces the tense instead of reading it from the sentence.
    pub tense: Option<Tense>,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    dct: Option<NaiveDate>,
    /// The last day-level date of the narrative, and the token where it ended.
    narrative: Option<(NaiveDate, usize)>,
    /// The value of the last calendar date of any granularity ("2014",
    /// "2015-01"), which "that year" and "that month" refer back to.
    last_value: Option<String>,
    opts: ReadOptions,
}

/// Finds and normalises the time expressions of `text`.
pub(crate) fn recognise(
    text: &str,
    toks: &[Tok],
    dct: Option<NaiveDate>,
    opts: ReadOptions,
) -> Vec<Found> {
    let mut cx = Cx {
        text,
        toks,
        dct,
        narrative: None,
        last_value: None,
        opts,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !trigger(&cx, i) {
            i += 1;
            continue;
        }
        match best(&cx, i) {
            Some(c) if c.end > i => {
                let confidence = if c.value_is_none() { 0.5 } else { c.confidence };
                let (value, problem) = match c.value {
                    Ok(v) => (Some(v), None),
                    Err(p) => (None, Some(p)),
                };
                if c.ttype == TimexType::Date
                    && value.as_ref().is_some_and(|v| {
                        v.len() >= 4 && v.bytes().take(4).all(|b| b.is_ascii_digit())
                    })
                {
                    cx.last_value.clone_from(&value);
                }
                out.push(Found {
                    start: toks[i].start,
                    end: toks[c.end - 1].end,
                    ttype: c.ttype,
                    value,
                    modifier: c.modifier,
                    problem,
                    confidence,
                });
                if let Some(a) = c.anchor {
                    cx.narrative = Some((a, c.end));
                }
                i = c.end;
            }
            _ => i += 1,
        }
    }
    out
}

impl Cand {
    fn value_is_none(&self) -> bool {
        self.value.is_err()
    }
}

/// Whether an expression can start at token `i`. Most tokens are plain
/// words or function words that start nothing; skipping them here, before
/// any rule runs, is what keeps the tagger fast.
fn trigger(cx: &Cx, i: usize) -> bool {
    match cx.lex_at(i) {
        Lex::Other => false,
        Lex::Punct(c) => c == b'\'',
        Lex::Kw(k) => match k {
            // "the" and "a" start an expression only before a time word
            // ("the latest quarter", "the current year" are the exceptions).
            Kw::That => matches!(cx.lex_at(i + 1), Lex::Unit(..)),
            Kw::The | Kw::A => match cx.lex_at(i + 1) {
                Lex::Punct(_) => false,
                Lex::Other => {
                    cx.is(i + 1, "latest") || cx.is(i + 1, "current") || cx.is(i + 1, "couple")
                }
                _ => true,
            },
            Kw::Of
            | Kw::In
            | Kw::And
            | Kw::To
            | Kw::On
            | Kw::By
            | Kw::For
            | Kw::From
            | Kw::Since
            | Kw::Between
            | Kw::Until
            | Kw::During
            | Kw::Within
            | Kw::Than
            | Kw::Least
            | Kw::Other
            | Kw::Same
            | Kw::Near
            | Kw::Eve
            | Kw::Local
            | Kw::Time
            | Kw::Zone
            | Kw::Through
            | Kw::When
            | Kw::Into
            | Kw::Long
            | Kw::Ago
            | Kw::Before
            | Kw::After
            | Kw::Half
            | Kw::Future => false,
            _ => true,
        },
        _ => true,
    }
}

/// The longest candidate of all rules at `i`.
fn best(cx: &Cx, i: usize) -> Option<Cand> {
    let mut best: Option<Cand> = None;
    let mut consider = |c: Option<Cand>| {
        if let Some(c) = c {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
    };
    consider(modified(cx, i));
    consider(core(cx, i));
    best
}

/// All rules but the modifier prefixes.
fn core(cx: &Cx, i: usize) -> Option<Cand> {
    let rules: [fn(&Cx, usize) -> Option<Cand>; 16] = [
        numeric,
        month_first,
        day_first,
        year,
        century,
        weekday,
        relative_day,
        this_unit,
        quarter,
        season,
        holiday,
        fuzzy,
        ordinal_day,
        narrative,
        count,
        set,
    ];
    let mut best: Option<Cand> = None;
    for r in rules {
        if let Some(c) = r(cx, i) {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
    }
    if let Some(c) = clock(cx, i) {
        if best.as_ref().is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

// ---------------------------------------------------------------------------
// Token helpers.

impl Cx<'_> {
    /// Token `i`'s lexical class (a newline past the end).
    #[inline]
    fn lex_at(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::Punct(b'\n'), |t| t.lex)
    }
    /// Token `i` is the keyword `k`.
    #[inline]
    fn is_kw(&self, i: usize, k: Kw) -> bool {
        self.lex_at(i) == Lex::Kw(k)
    }
    /// Token `i` is the punctuation `c`.
    #[inline]
    fn is_punct(&self, i: usize, c: u8) -> bool {
        self.lex_at(i) == Lex::Punct(c)
    }
    /// Tokens `i` and `i + 1` touch (no space between them).
    #[inline]
    fn adj(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }
    #[inline]
    fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }
    /// Token `i`'s text ("" past the end).
    fn tok_text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.tok_text(i).eq_ignore_ascii_case(w)
    }
    /// Skips the abbreviation dot of "Feb." or "Sept.".
    fn dot(&self, i: usize) -> usize {
        if i > 0
            && self.is_punct(i, b'.')
            && self.adj(i - 1)
            && self.tok_text(i - 1).len() <= 5
            && !self.is(i - 1, "March")
            && !self.is(i - 1, "April")
        {
            i + 1
        } else {
            i
        }
    }
    /// Skips a hyphen glued to both neighbours ("mid-March", "two-year").
    fn hyphen(&self, i: usize) -> Option<usize> {
        (self.is_punct(i, b'-') && i > 0 && self.adj(i - 1) && self.adj(i)).then_some(i + 1)
    }
    fn dct(&self) -> Result<NaiveDate, NoValue> {
        self.dct.ok_or(NoValue::NoArticleDate)
    }
    /// The anchor of "the next day", "two days later": the last day-level
    /// date of the narrative, else the article date.
    fn anchor(&self) -> Result<NaiveDate, NoValue> {
        match self.narrative {
            Some((d, _)) => Ok(d),
            None => self.dct(),
        }
    }
    fn num(&self, i: usize) -> Option<(u32, u8, Suffix)> {
        match self.lex_at(i) {
            Lex::Num {
                val,
                digits,
                suffix,
            } => Some((val, digits, suffix)),
            _ => None,
        }
    }
    /// A plain number of days of the month: 1-31, one or two digits, maybe
    /// with an ordinal suffix.
    fn day_num(&self, i: usize) -> Option<u32> {
        match self.num(i)? {
            (v @ 1..=31, 1..=2, Suffix::None | Suffix::Ordinal) => {
                // "5:30" or "5.5" is not a day.
                if self.adj(i)
                    && (self.is_punct(i + 1, b':') || self.is_punct(i + 1, b'.') && self.adj(i + 1))
                {
                    return None;
                }
                Some(v)
            }
            _ => None,
        }
    }
    /// A four-digit year right at `i` ("2015"), with no test of context.
    fn year_num(&self, i: usize) -> Option<i32> {
        match self.num(i)? {
            (v @ 1000..=2099, 4, Suffix::None) => Some(v as i32),
            _ => None,
        }
    }
    fn month(&self, i: usize) -> Option<u8> {
        match self.lex_at(i) {
            Lex::Month(m) if self.upper(i) => Some(m),
            _ => None,
        }
    }
}

fn valid_date(y: i32, m: u32, d: u32) -> Result<NaiveDate, NoValue> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(if month_day_exists(m, d) {
        NoValue::NoLeapDay { year: y }
    } else {
        NoValue::NoSuchDay { month: m, day: d }
    })
}

fn month_day_exists(m: u32, d: u32) -> bool {
    // 2000 is a leap year, so 29 February passes here and is checked again
    // once the year is known.
    NaiveDate::from_ymd_opt(2000, m, d).is_some()
}

#[cfg(test)]
mod tests {
    use super::NoValue;

    /// The reasons are the text of the time stage's diagnostics, which the
    /// output carries: they keep the words they had as strings.
    #[test]
    fn reasons_display_as_the_diagnostics_read() {
        let cases = [
            (
                NoValue::NoArticleDate,
                "no article date to anchor this expression; give the document a date",
            ),
            (
                NoValue::NoLeapDay { year: 2023 },
                "impossible date: 2023 has no 29 February; check the source text",
            ),
            (
                NoValue::NoSuchDay { month: 2, day: 30 },
                "impossible date: month 2 has no day 30; check the source text",
            ),
            (NoValue::OutOfRange, "date out of range"),
            (
                NoValue::NothingEarlier,
                "nothing earlier in the text says which one",
            ),
            (
                NoValue::UnspecifiedCount,
                "an unspecified number of units cannot be anchored",
            ),
            (
                NoValue::Unwritable("10000".into()),
                "its value `10000` falls outside the years TIMEX3 can write (0000 to 9999); check the article date",
            ),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.to_string(), text);
        }
    }
}
