//! The recogniser: hand-written rules over the scanner's tokens, in the
//! spirit of HeidelTime, that find time expressions (longest match, no
//! overlaps) and normalise them to TIMEX3 values at the same time.
//!
//! Each rule looks at the tokens from a start position and returns a
//! candidate: how far it reaches, its TIMEX3 type, and its value, or the
//! reason it has none (no article date, an impossible date). Relative
//! expressions are anchored at the document creation time (DCT); "two days
//! later" and "the next day" at the last day-level date of the narrative.

use chrono::{Datelike, NaiveDate};
use dossier_text::TimexType;

use crate::calendar::*;
use crate::scan::{DayPart, Kw, Lex, Mark, Suffix, Tok, Unit};

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
    pub problem: Option<String>,
    pub confidence: f32,
}

struct Cand {
    /// Token index one past the last token of the expression.
    end: usize,
    ttype: TimexType,
    value: Result<String, String>,
    modifier: Option<&'static str>,
    /// The day the expression denotes, which anchors later "the next day".
    anchor: Option<NaiveDate>,
    confidence: f32,
}

impl Cand {
    fn new(end: usize, ttype: TimexType, value: Result<String, String>) -> Cand {
        Cand {
            end,
            ttype,
            value,
            modifier: None,
            anchor: None,
            confidence: 0.9,
        }
    }
    fn date(end: usize, value: Result<String, String>) -> Cand {
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
    t: &'a [Tok],
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
        t: toks,
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
        self.t.get(i).map_or(Lex::Punct(b'\n'), |t| t.lex)
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
        i + 1 < self.t.len() && self.t[i].end == self.t[i + 1].start
    }
    #[inline]
    fn upper(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.upper)
    }
    /// Token `i`'s text ("" past the end).
    fn tok_text(&self, i: usize) -> &str {
        self.t
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
    fn dct(&self) -> Result<NaiveDate, String> {
        self.dct.ok_or_else(|| {
            "no article date to anchor this expression; give the document a date".to_string()
        })
    }
    /// The anchor of "the next day", "two days later": the last day-level
    /// date of the narrative, else the article date.
    fn anchor(&self) -> Result<NaiveDate, String> {
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

fn valid_date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        if month_day_exists(m, d) {
            format!("impossible date: {y} has no 29 February; check the source text")
        } else {
            format!("impossible date: month {m} has no day {d}; check the source text")
        }
    })
}

fn month_day_exists(m: u32, d: u32) -> bool {
    // 2000 is a leap year, so 29 February passes here and is checked again
    // once the year is known.
    NaiveDate::from_ymd_opt(2000, m, d).is_some()
}

// ---------------------------------------------------------------------------
// Tense.

fn tense(cx: &Cx, i: usize) -> Tense {
    if let Some(t) = cx.opts.tense {
        return t;
    }
    let mut best: Option<(usize, Tense)> = None;
    let mut look = |k: usize| -> bool {
        let t = &cx.t[k];
        if let Lex::Punct(c) = t.lex {
            if matches!(c, b'.' | b'!' | b'?' | b';') && sentence_end(cx, k) {
                return false;
            }
            return true;
        }
        // A participle after "be" or "to" ("is expected to be announced")
        // carries no tense of its own.
        let participle = || {
            k > 0
                && (cx.is_kw(k - 1, Kw::To)
                    || ["be", "been", "being", "is", "are", "has", "have"]
                        .iter()
                        .any(|w| cx.is(k - 1, w)))
        };
        let tense = match (t.lex, t.mark) {
            (Lex::Kw(Kw::Next | Kw::Tomorrow | Kw::Coming), _) | (_, Mark::Future) => Tense::Future,
            (Lex::Kw(Kw::Last | Kw::Ago | Kw::Yesterday | Kw::Earlier), _) | (_, Mark::Past) => {
                Tense::Past
            }
            (_, Mark::Ed) if !participle() => Tense::Past,
            _ => return true,
        };
        let dist = k.abs_diff(i);
        if best.is_none_or(|(d, bt)| dist < d || (dist == d && bt == Tense::Past)) {
            best = Some((dist, tense));
        }
        true
    };
    for k in (i.saturating_sub(40)..i).rev() {
        if !look(k) || newline_before(cx, k) {
            break;
        }
    }
    for k in i + 1..(i + 40).min(cx.t.len()) {
        if newline_before(cx, k) || !look(k) {
            break;
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

fn newline_before(cx: &Cx, k: usize) -> bool {
    k > 0 && cx.text[cx.t[k - 1].end as usize..cx.t[k].start as usize].contains('\n')
}

/// Whether the punctuation at `k` ends a sentence: not the dot of "Feb." or
/// "U.S.", and followed by an uppercase word, a quote or the end.
fn sentence_end(cx: &Cx, k: usize) -> bool {
    if cx.is_punct(k, b'.') && k > 0 && cx.adj(k - 1) {
        let prev = cx.tok_text(k - 1);
        if prev.len() <= 1 || matches!(cx.lex_at(k - 1), Lex::Month(_)) {
            return false;
        }
        if matches!(
            prev,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Col"
                | "Lt"
                | "Sgt"
                | "St"
                | "Capt"
                | "Maj"
                | "Rep"
                | "Sen"
                | "Gov"
                | "Prof"
                | "No"
        ) {
            return false;
        }
    }
    k + 1 >= cx.t.len() || cx.upper(k + 1) || !matches!(cx.lex_at(k + 1), Lex::Other | Lex::Kw(_))
}

/// The year of a month (and maybe day) given without one, read from the
/// article date and the tense: "in November" in a past-tense sentence
/// published in February 2023 is November 2022.
fn infer_year(cx: &Cx, i: usize, m: u32, d: Option<u32>) -> Result<i32, String> {
    let dct = cx.dct()?;
    let y = dct.year();
    if let Some(d) = d {
        // A day and month: the year that puts it nearest the article date,
        // as annotators and readers do ("Jan. 14" in a December article).
        let best = [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|yy| {
                NaiveDate::from_ymd_opt(yy, m, d)
                    .map(|x| (x.signed_duration_since(dct).num_days().abs(), yy))
            })
            .min();
        return Ok(best.map_or(y, |(_, yy)| yy));
    }
    let key = (m, d.unwrap_or(0));
    let now = (dct.month(), if d.is_some() { dct.day() } else { 0 });
    Ok(match tense(cx, i) {
        Tense::Past if key > now => {
            // A date a few days ahead in a past sentence is more often a
            // datelined report than one from last year.
            if d.is_some() && m == dct.month() && key.1 <= now.1 + 2 {
                y
            } else {
                y - 1
            }
        }
        Tense::Future if key < now => y + 1,
        _ => y,
    })
}

// ---------------------------------------------------------------------------
// Absolute dates.

/// `2023-02-18`, `18/02/2023`, `02/18/23`, `18.02.2023`.
///
/// The day/month rule for slashed dates: when one part is above 12 it is the
/// day; when both could be months, `ReadOptions::day_first` decides (on by
/// default: most of the world writes day/month, and US outlets spell their
/// dates out).
fn numeric(cx: &Cx, i: usize) -> Option<Cand> {
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
fn month_first(cx: &Cx, i: usize) -> Option<Cand> {
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
fn rel_word(cx: &Cx, i: usize) -> Option<i32> {
    match cx.lex_at(i) {
        Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => Some(-1),
        Lex::Kw(Kw::This) => Some(0),
        Lex::Kw(Kw::Next | Kw::Coming) => Some(1),
        _ => None,
    }
}

/// Dates led by the day: "18 February 2023", "the 18th of February".
fn day_first(cx: &Cx, i: usize) -> Option<Cand> {
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

/// Words after a number that show it counts things, so it is not a year.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "fighters",
    "militants",
    "men",
    "women",
    "children",
    "civilians",
    "members",
    "deaths",
    "dead",
    "refugees",
    "families",
    "homes",
    "houses",
    "cases",
    "votes",
    "points",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "pounds",
    "rupees",
    "yuan",
    "barrels",
    "acres",
    "hectares",
    "units",
    "jobs",
    "workers",
    "employees",
    "students",
    "police",
    "policemen",
    "officers",
    "prisoners",
    "detainees",
    "rockets",
    "missiles",
    "shells",
    "attacks",
    "incidents",
    "percent",
    "pc",
    "times",
    "cars",
    "vehicles",
    "flights",
    "passengers",
    "residents",
    "villagers",
    "protesters",
    "demonstrators",
    "supporters",
    "followers",
    "recruits",
    "cadres",
    "strong",
    "rounds",
    "bombs",
    "shares",
    "seats",
    "deputies",
    "delegates",
    "pages",
    "words",
    "dollar",
    "rupee",
    "million",
    "billion",
    "thousand",
    "hundred",
    "kg",
    "mm",
    "cm",
    "ft",
    "lb",
    "lbs",
    "mph",
    "kmh",
    "hp",
    "rpm",
];

/// Words before a number that show it is a label, not a year.
const LABELS: &[&str] = &[
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "page",
    "pages",
    "room",
    "model",
    "resolution",
    "article",
    "section",
    "chapter",
    "vol",
    "volume",
    "tel",
    "phone",
    "fax",
    "box",
    "suite",
    "bus",
    "code",
    "id",
    "highway",
    "interstate",
    "channel",
    "verse",
    "lot",
    "batch",
    "item",
    "exhibit",
    "pp",
    "p",
    "ext",
    "unit",
    "apartment",
    "apt",
    "platform",
    "gate",
    "bill",
    "rule",
];

/// Whether the four digits at `i` are a year here. Numbers that count things
/// ("2015 people", "a 1,000-strong force"), labels ("flight 1549"), parts of
/// longer numbers ("2,015", "555-2014") and amounts ("$2014") are not.
fn year_ok(cx: &Cx, i: usize) -> bool {
    let Some(y) = cx.year_num(i) else {
        return false;
    };
    if i > 0 && cx.adj(i - 1) {
        match cx.lex_at(i - 1) {
            Lex::Punct(b'$' | b'#' | b'+' | b'.' | b',' | b':' | 0) => return false,
            Lex::Punct(b'-' | b'/')
                if i >= 2
                    && cx.adj(i - 2)
                    && cx.num(i - 2).is_some()
                    && cx.year_num(i - 2).is_none() =>
            {
                return false;
            }
            Lex::Other => return false,
            _ => {}
        }
    }
    if cx.adj(i) {
        match cx.lex_at(i + 1) {
            Lex::Punct(b'%') => return false,
            Lex::Punct(b',' | b'.' | b':') if cx.adj(i + 1) && cx.num(i + 2).is_some() => {
                return false
            }
            Lex::Punct(b'-' | b'/') if cx.adj(i + 1) => {
                if let Some((v, d, _)) = cx.num(i + 2) {
                    let range = (d == 4 && cx.year_num(i + 2).is_some())
                        || (d == 2 && v > (y as u32 % 100));
                    if !range {
                        return false;
                    }
                }
                if cx.is(i + 2, "strong") {
                    return false;
                }
            }
            Lex::Other => return false,
            _ => {}
        }
    }
    if matches!(cx.lex_at(i + 1), Lex::Other) && COUNTED.iter().any(|w| cx.is(i + 1, w)) {
        return false;
    }
    if i > 0 && matches!(cx.lex_at(i - 1), Lex::Other) && LABELS.iter().any(|w| cx.is(i - 1, w)) {
        return false;
    }
    if i > 0 && cx.is_punct(i - 1, b'$') {
        return false;
    }
    if y < 1900 {
        // Old years need a preposition or a month before them.
        return i > 0
            && matches!(
                cx.lex_at(i - 1),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::From
                        | Kw::Until
                        | Kw::By
                        | Kw::During
                        | Kw::Of
                        | Kw::Before
                        | Kw::After
                        | Kw::Between
                        | Kw::And
                        | Kw::To
                        | Kw::Early
                        | Kw::Late
                        | Kw::Mid
                ) | Lex::Month(_)
                    | Lex::Punct(b'-')
            );
    }
    true
}

/// Years, decades and fiscal years: "2014", "the 1990s", "the '90s",
/// "fiscal 1989".
fn year(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.is_kw(j, Kw::The) {
        j += 1;
    }
    if cx.is_kw(j, Kw::Fiscal) {
        j += 1;
        if matches!(cx.lex_at(j), Lex::Unit(Unit::Year, false)) {
            j += 1;
        }
        let y = cx.year_num(j)?;
        return Some(Cand::date(j + 1, Ok(fmt_year(y))).conf(0.95));
    }
    match cx.num(j)? {
        (v @ 1000..=2099, 4, Suffix::Plural) if v % 10 == 0 => {
            let v = v as i32;
            let value = if v % 100 == 0 && v < 2000 {
                fmt_century(v)
            } else {
                fmt_decade(v)
            };
            Some(Cand::date(j + 1, Ok(value)).conf(0.95))
        }
        (_, 4, Suffix::None) if j == i && year_ok(cx, i) => {
            let y = cx.year_num(i)?;
            Some(Cand::date(i + 1, Ok(fmt_year(y))).conf(0.9))
        }
        _ => None,
    }
    .or_else(|| {
        // "the '90s"
        if cx.is_punct(j, b'\'') && cx.adj(j) {
            if let Some((v, 2, Suffix::Plural)) = cx.num(j + 1) {
                if v % 10 == 0 {
                    let y = if v >= 30 { 1900 + v } else { 2000 + v } as i32;
                    return Some(Cand::date(j + 2, Ok(fmt_decade(y))).conf(0.9));
                }
            }
        }
        None
    })
}

/// "the 19th century", "the twenty-first century".
fn century(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.is_kw(j, Kw::The) {
        j += 1;
    }
    let n = match cx.lex_at(j) {
        Lex::Num {
            val: v @ 1..=30,
            suffix: Suffix::Ordinal,
            ..
        } => v,
        Lex::Ordinal(o) => u32::from(o),
        Lex::NumWord(20) if cx.hyphen(j + 1).is_some() => match cx.lex_at(j + 2) {
            Lex::Ordinal(o @ 1..=9) => {
                j += 2;
                20 + u32::from(o)
            }
            _ => return None,
        },
        _ => return None,
    };
    let k = cx.hyphen(j + 1).unwrap_or(j + 1);
    if !matches!(cx.lex_at(k), Lex::Unit(Unit::Century, false)) {
        return None;
    }
    Some(Cand::date(k + 1, Ok(format!("{:02}", n - 1))).conf(0.9))
}

// ---------------------------------------------------------------------------
// Dates relative to the article date.

fn weekday_date(cx: &Cx, i: usize, wd: u8, dir: Option<Kw>) -> Result<NaiveDate, String> {
    let dct = cx.dct()?;
    let (forward, strict) = match dir {
        Some(Kw::Last | Kw::Past | Kw::Previous) => (false, true),
        Some(Kw::Next | Kw::Coming) => (true, true),
        _ => (tense(cx, i) == Tense::Future, false),
    };
    weekday_near(dct, wd, forward, strict).ok_or_else(|| "date out of range".to_string())
}

/// Weekdays: "Monday", "last Friday", "next Tuesday", "Monday evening".
fn weekday(cx: &Cx, i: usize) -> Option<Cand> {
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
fn relative_day(cx: &Cx, i: usize) -> Option<Cand> {
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
                let d = cx.dct().and_then(|d| {
                    shift(d, Unit::Day, -1).ok_or_else(|| "date out of range".to_string())
                });
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
        .and_then(|d| shift(d, Unit::Day, off).ok_or_else(|| "date out of range".to_string()));
    let anchor = d.as_ref().ok().copied();
    if let Lex::DayPart(p) = cx.lex_at(j) {
        let value = d.map(|d| format!("{}T{}", fmt_day(d), p.code()));
        return Some(Cand::new(j + 1, TimexType::Time, value).anchored(anchor));
    }
    Some(Cand::date(j, d.map(fmt_day)).anchored(anchor))
}

/// "last year", "this week", "next month", "last November", "this summer",
/// "the coming week".
fn this_unit(cx: &Cx, i: usize) -> Option<Cand> {
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
                    .ok_or_else(|| "date out of range".to_string())
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

/// The season a day falls in, with the year winter counts to (December 2022
/// is in the winter of 2022).
fn season_of(d: NaiveDate) -> (i32, u8) {
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
fn quarter(cx: &Cx, i: usize) -> Option<Cand> {
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
fn season(cx: &Cx, i: usize) -> Option<Cand> {
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
fn holiday(cx: &Cx, i: usize) -> Option<Cand> {
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
            nth_weekday(y, m, 4, 4).ok_or_else(|| "date out of range".to_string())
        } else {
            valid_date(y, m, d)
        }
    });
    let anchor = date.as_ref().ok().copied();
    Some(Cand::date(end, date.map(fmt_day)).anchored(anchor))
}

/// Fuzzy references: now, currently, recently, in the past, the future,
/// recent days.
fn fuzzy(cx: &Cx, i: usize) -> Option<Cand> {
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

/// "the 18th": a day of the article's month.
fn ordinal_day(cx: &Cx, i: usize) -> Option<Cand> {
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
fn narrative(cx: &Cx, i: usize) -> Option<Cand> {
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
            let d = cx.dct().and_then(|d| {
                shift(d, Unit::Day, -2).ok_or_else(|| "date out of range".to_string())
            });
            let anchor = d.as_ref().ok().copied();
            return Some(Cand::date(i + 4, d.map(fmt_day)).anchored(anchor));
        }
        i + 3
    } else {
        j + 1
    };
    let d = cx
        .anchor()
        .and_then(|a| shift(a, u, off).ok_or_else(|| "date out of range".to_string()));
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
        _ => Err("nothing earlier in the text says which one".to_string()),
    };
    Some(Cand::date(i + 2, value).conf(0.7))
}

// ---------------------------------------------------------------------------
// Counts of units: durations, "ago", "later".

enum Count {
    N(u32),
    /// several, a few, many: an unspecified number.
    X,
}

/// A count at `i`: digits, number words ("twenty-five"), "a"/"an" (one),
/// "several", "a few". Returns the count and the next token.
fn count_at(cx: &Cx, i: usize) -> Option<(Count, usize, bool)> {
    match cx.lex_at(i) {
        Lex::Num {
            val,
            digits: 1..=5,
            suffix: Suffix::None,
        } => {
            // "1,000" and "2.5" are not counts of whole units here.
            if cx.adj(i)
                && matches!(cx.lex_at(i + 1), Lex::Punct(b',' | b'.'))
                && cx.adj(i + 1)
                && cx.num(i + 2).is_some()
            {
                return None;
            }
            if i > 0 && cx.adj(i - 1) && matches!(cx.lex_at(i - 1), Lex::Punct(b'$' | b'.' | b','))
            {
                return None;
            }
            Some((Count::N(val), i + 1, false))
        }
        Lex::NumWord(n) => {
            let mut n = n;
            let mut j = i + 1;
            if (20..=90).contains(&n) {
                let k = cx.hyphen(j).unwrap_or(j);
                if let Lex::NumWord(u @ 1..=9) = cx.lex_at(k) {
                    n += u;
                    j = k + 1;
                }
            }
            if cx.lex_at(j) == Lex::NumWord(100) && n < 100 {
                n *= 100;
                j += 1;
            }
            Some((Count::N(n), j, false))
        }
        Lex::Kw(Kw::A) => match cx.lex_at(i + 1) {
            Lex::Kw(Kw::Few) => Some((Count::X, i + 2, false)),
            Lex::Other if cx.is(i + 1, "couple") && cx.is_kw(i + 2, Kw::Of) => {
                Some((Count::N(2), i + 3, false))
            }
            Lex::NumWord(100) => Some((Count::N(100), i + 2, false)),
            Lex::NumWord(12) => Some((Count::N(12), i + 2, false)),
            _ => Some((Count::N(1), i + 1, true)),
        },
        Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((Count::X, i + 1, false)),
        _ => None,
    }
}

/// Durations and counted offsets: "75 years", "a month", "two-year", "three
/// hours", "the past three years", "two years ago", "two days later",
/// "three weeks from now", "for years".
fn count(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let the = cx.is_kw(j, Kw::The);
    if the {
        j += 1;
    }
    let lead = match cx.lex_at(j) {
        Lex::Kw(
            k @ (Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following),
        ) => {
            j += 1;
            Some(k)
        }
        Lex::Ordinal(1) => {
            j += 1;
            Some(Kw::Start)
        }
        _ => None,
    };
    if lead.is_none() && the && !matches!(cx.lex_at(j), Lex::Num { .. } | Lex::NumWord(_)) {
        return None;
    }
    // "the past week", "the next year", "past year": one unit.
    if let (Some(l), Lex::Unit(u, false)) = (lead, cx.lex_at(j)) {
        let ok = the || matches!(l, Kw::Past);
        if ok && u != Unit::Quarter || (the && u == Unit::Quarter && matches!(l, Kw::Past)) {
            return Some(Cand::new(
                j + 1,
                TimexType::Duration,
                Ok(fmt_duration(Some(1), u)),
            ));
        }
        return None;
    }
    // Bare plural units: "for years", "in months".
    if lead.is_none() {
        if let Lex::Unit(u, true) = cx.lex_at(i) {
            let ok = i > 0
                && matches!(
                    cx.lex_at(i - 1),
                    Lex::Kw(Kw::For | Kw::In | Kw::Over | Kw::Within)
                )
                && !cx.is_kw(i + 1, Kw::Of)
                && !cx.is_kw(i + 1, Kw::Ago);
            if cx.is_kw(i + 1, Kw::Ago) && u >= Unit::Day {
                return Some(Cand::date(i + 2, Ok("PAST_REF".to_string())).conf(0.7));
            }
            if ok && u >= Unit::Hour {
                return Some(
                    Cand::new(i + 1, TimexType::Duration, Ok(fmt_duration(None, u))).conf(0.6),
                );
            }
            return None;
        }
    }
    let (n, mut k, article) = count_at(cx, j)?;
    if cx.is_kw(k, Kw::More) && lead.is_none() && !article {
        k += 1;
    }
    let hyph = cx.hyphen(k);
    let k = hyph.unwrap_or(k);
    let Lex::Unit(u, plural) = cx.lex_at(k) else {
        return None;
    };
    // Plural agreement: "three year" only hyphenated ("three-year").
    let one = matches!(n, Count::N(1));
    if hyph.is_some() {
        if plural {
            return None;
        }
    } else if plural && (one || article) {
        return None;
    }
    if matches!(n, Count::X) && !plural {
        return None;
    }
    let mut end = k + 1;
    // Ages are not time expressions: "a 25-year-old", "75 years old".
    if cx.is(end, "old") || (cx.hyphen(end).is_some() && cx.is(end + 1, "old")) {
        return None;
    }
    let lead_the = lead.is_some();
    // "twice a day", "$5 a month": a rate, which TIMEX3 calls a set.
    if article && !lead_the && i > 0 {
        let prev = cx.tok_text(i - 1).to_ascii_lowercase();
        if matches!(prev.as_str(), "once" | "twice" | "times" | "thrice") {
            return Some(Cand::new(end, TimexType::Set, Ok(fmt_duration(Some(1), u))));
        }
    }
    let nval = match n {
        Count::N(v) => Some(v),
        Count::X => None,
    };
    if !lead_the && hyph.is_none() {
        match cx.lex_at(end) {
            Lex::Kw(Kw::Ago) => {
                end += 1;
                let value = match nval {
                    None => Ok("PAST_REF".to_string()),
                    Some(v) => cx.dct().and_then(|d| {
                        shift(d, u, -i64::from(v))
                            .map(|d| at_granularity(d, u))
                            .ok_or_else(|| "date out of range".to_string())
                    }),
                };
                return Some(Cand::date(end, value).conf(0.85));
            }
            Lex::Kw(k2 @ (Kw::Later | Kw::Earlier)) if !cx.is_kw(end + 1, Kw::Than) => {
                end += 1;
                let sign = if k2 == Kw::Later { 1 } else { -1 };
                let d = match nval {
                    None => Err("an unspecified number of units cannot be anchored".to_string()),
                    Some(v) => cx.anchor().and_then(|a| {
                        shift(a, u, sign * i64::from(v))
                            .ok_or_else(|| "date out of range".to_string())
                    }),
                };
                let anchor = if u == Unit::Day {
                    d.as_ref().ok().copied()
                } else {
                    None
                };
                return Some(
                    Cand::date(end, d.map(|d| at_granularity(d, u)))
                        .anchored(anchor)
                        .conf(0.75),
                );
            }
            Lex::Kw(Kw::From) if cx.is_kw(end + 1, Kw::Now) => {
                let value = match nval {
                    None => Ok("FUTURE_REF".to_string()),
                    Some(v) => cx.dct().and_then(|d| {
                        shift(d, u, i64::from(v))
                            .map(|d| at_granularity(d, u))
                            .ok_or_else(|| "date out of range".to_string())
                    }),
                };
                return Some(Cand::date(end + 2, value).conf(0.85));
            }
            _ => {}
        }
    }
    // "$2 million a year", "four flights a week": a rate of an amount,
    // which news annotation leaves untagged.
    if article && !lead_the && after_amount(cx, i) {
        return None;
    }
    if cx.is_kw(end, Kw::Long) {
        end += 1;
    }
    Some(Cand::new(end, TimexType::Duration, Ok(fmt_duration(nval, u))).conf(0.85))
}

/// Whether an amount (a number, maybe with a noun or "million" after it)
/// comes right before `i`: "$1.76 a year", "20% annually".
fn after_amount(cx: &Cx, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|k| {
        matches!(
            cx.lex_at(k),
            Lex::Num { .. } | Lex::NumWord(_) | Lex::Punct(b'%' | b'$')
        )
    })
}

/// Sets: "every Friday", "each year", "every two weeks", "daily", "on
/// Mondays".
fn set(cx: &Cx, i: usize) -> Option<Cand> {
    let s = |end, v: String| Some(Cand::new(end, TimexType::Set, Ok(v)).conf(0.8));
    match cx.lex_at(i) {
        Lex::Kw(Kw::Every | Kw::Each) => {
            let mut j = i + 1;
            let mut n = 1;
            if cx.is_kw(j, Kw::Other) {
                n = 2;
                j += 1;
            }
            match cx.lex_at(j) {
                Lex::Unit(u, false) => s(j + 1, fmt_duration(Some(n), u)),
                Lex::Weekday(wd) if cx.upper(j) => s(j + 1, format!("XXXX-WXX-{wd}")),
                Lex::DayPart(
                    p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
                ) => s(j + 1, format!("XXXX-XX-XXT{}", p.code())),
                _ => match count_at(cx, j) {
                    Some((Count::N(n), k, false)) => match cx.lex_at(k) {
                        Lex::Unit(u, true) => s(k + 1, fmt_duration(Some(n), u)),
                        _ => None,
                    },
                    _ => None,
                },
            }
        }
        Lex::Kw(Kw::Daily) => s(i + 1, "P1D".into()),
        Lex::Kw(Kw::Weekly) => s(i + 1, "P1W".into()),
        Lex::Kw(Kw::Monthly) => s(i + 1, "P1M".into()),
        Lex::Kw(Kw::Annually) if !after_amount(cx, i) => s(i + 1, "P1Y".into()),
        Lex::Kw(Kw::Hourly) => s(i + 1, "PT1H".into()),
        Lex::Kw(Kw::Per) => match cx.lex_at(i + 1) {
            Lex::Unit(u, false) => s(i + 2, fmt_duration(Some(1), u)),
            _ => None,
        },
        Lex::Weekdays(wd) if cx.upper(i) => s(i + 1, format!("XXXX-WXX-{wd}")),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Clock times.

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
fn clock(cx: &Cx, i: usize) -> Option<Cand> {
    let (h, m, mut end) = match cx.lex_at(i) {
        Lex::Num {
            val,
            digits: 1..=2,
            suffix,
        } => {
            let mut min = 0;
            let mut j = i + 1;
            let mut has_min = false;
            if cx.adj(i) && matches!(cx.lex_at(j), Lex::Punct(b':' | b'.')) && cx.adj(j) {
                let dotted = cx.is_punct(j, b'.');
                if let Some((mm @ 0..=59, 2, s @ (Suffix::None | Suffix::Am | Suffix::Pm))) =
                    cx.num(j + 1)
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
            (h, min, j)
        }
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
    if matches!(cx.lex_at(end), Lex::Kw(Kw::Zone)) || cx.is(end, "hours") || cx.is(end, "hrs") {
        end += 1;
        // "(1500 GMT)" and "15:00 GMT+3"
    } else if cx.is_kw(end, Kw::Local) && cx.is_kw(end + 1, Kw::Time) {
        end += 2;
    }
    // A day right after the time: "3 p.m. Monday", "10 a.m. on Friday".
    let mut day: Option<Result<NaiveDate, String>> = None;
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

// ---------------------------------------------------------------------------
// Modifiers.

/// Prefixes that set the TIMEX3 mod: "early March" (START), "mid-2014"
/// (MID), "the end of November" (END), "about three years" (APPROX), "more
/// than a decade" (MORE_THAN).
fn modified(cx: &Cx, i: usize) -> Option<Cand> {
    if cx.is_kw(i, Kw::The) && matches!(cx.lex_at(i + 1), Lex::Kw(Kw::Early | Kw::Late | Kw::Mid)) {
        // "the late 1970s": the article goes with the decade.
        let c = modified(cx, i + 1)?;
        let decade = c
            .value
            .as_ref()
            .is_ok_and(|v| v.len() <= 3 && v.bytes().all(|b| b.is_ascii_digit()));
        return decade.then_some(c);
    }
    let (m, j, point) = match (cx.lex_at(i), cx.lex_at(i + 1), cx.lex_at(i + 2)) {
        (Lex::Kw(Kw::Early), ..) => ("START", i + 1, true),
        (Lex::Kw(Kw::Late), ..) => ("END", i + 1, true),
        (Lex::Kw(Kw::Mid), Lex::Punct(b'-'), _) => ("MID", cx.hyphen(i + 1)?, true),
        (Lex::Kw(Kw::Mid), ..) => ("MID", i + 1, true),
        (Lex::Kw(Kw::Earlier), Lex::Kw(Kw::This | Kw::Last | Kw::That), _) => {
            ("START", i + 1, true)
        }
        (Lex::Kw(Kw::Later), Lex::Kw(Kw::This | Kw::Next | Kw::That), _) => ("END", i + 1, true),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::End), Lex::Kw(Kw::Of)) => ("END", i + 3, true),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Beginning | Kw::Start), Lex::Kw(Kw::Of)) => {
            ("START", i + 3, true)
        }
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Middle), Lex::Kw(Kw::Of)) => ("MID", i + 3, true),
        (Lex::Kw(Kw::End), Lex::Punct(b'-'), _) => ("END", cx.hyphen(i + 1)?, true),
        (Lex::Kw(Kw::About | Kw::Around | Kw::Approximately), ..) => ("APPROX", i + 1, false),
        (Lex::Kw(Kw::Some), Lex::Num { .. } | Lex::NumWord(_), _) => ("APPROX", i + 1, false),
        (Lex::Kw(Kw::Nearly | Kw::Almost), ..) => ("LESS_THAN", i + 1, false),
        (Lex::Kw(Kw::More), Lex::Kw(Kw::Than), _) => ("MORE_THAN", i + 2, false),
        (Lex::Kw(Kw::Over), Lex::Num { .. } | Lex::NumWord(_) | Lex::Kw(Kw::A), _) => {
            ("MORE_THAN", i + 1, false)
        }
        (Lex::Kw(Kw::Less), Lex::Kw(Kw::Than), _) => ("LESS_THAN", i + 2, false),
        (Lex::Kw(Kw::At), Lex::Kw(Kw::Least), _) => ("EQUAL_OR_MORE", i + 2, false),
        (Lex::Kw(Kw::Up), Lex::Kw(Kw::To), _) => ("EQUAL_OR_LESS", i + 2, false),
        _ => return None,
    };
    if point && cx.is_kw(j, Kw::The) {
        if let Lex::Unit(
            u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century),
            false,
        ) = cx.lex_at(j + 1)
        {
            let value = cx.dct().map(|d| at_granularity(d, u));
            return Some(Cand::date(j + 2, value).with_mod(m).conf(0.75));
        }
    }
    let c = core(cx, j)?;
    if point {
        // Point modifiers go with dates, not durations ("late last year",
        // not "late two years").
        if c.ttype == TimexType::Duration || c.ttype == TimexType::Set {
            return None;
        }
        // "early Monday" names a part of that day; keep the date's value.
        Some(c.with_mod(m))
    } else {
        // Quantity modifiers go with durations and "ago" dates.
        let is_ago = c.end > j && cx.is_kw(c.end - 1, Kw::Ago);
        if c.ttype != TimexType::Duration && !is_ago {
            return None;
        }
        if c.modifier.is_some() {
            return Some(c);
        }
        Some(c.with_mod(m))
    }
}
