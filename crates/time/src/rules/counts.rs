//! Counts of units: durations, "ago", "later", and sets ("every Friday",
//! "daily").

use dossier_text::TimexType;

use super::{Cand, Cx, NoValue};
use crate::calendar::{at_granularity, fmt_duration, shift};
use crate::scan::{DayPart, Kw, Lex, Suffix, Unit};

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
pub(super) fn count(cx: &Cx, i: usize) -> Option<Cand> {
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
        if let Some(c) = offset(cx, end, u, nval) {
            return Some(c);
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

/// A count of units (`n` of `u`, `None` for "several") that ends at `end`
/// and is an offset: "two years ago", "three days later", "two weeks from
/// now".
fn offset(cx: &Cx, mut end: usize, u: Unit, nval: Option<u32>) -> Option<Cand> {
    match cx.lex_at(end) {
        Lex::Kw(Kw::Ago) => {
            end += 1;
            let value = match nval {
                None => Ok("PAST_REF".to_string()),
                Some(v) => cx.dct().and_then(|d| {
                    shift(d, u, -i64::from(v))
                        .map(|d| at_granularity(d, u))
                        .ok_or(NoValue::OutOfRange)
                }),
            };
            Some(Cand::date(end, value).conf(0.85))
        }
        Lex::Kw(k2 @ (Kw::Later | Kw::Earlier)) if !cx.is_kw(end + 1, Kw::Than) => {
            end += 1;
            let sign = if k2 == Kw::Later { 1 } else { -1 };
            let d = match nval {
                None => Err(NoValue::UnspecifiedCount),
                Some(v) => cx
                    .anchor()
                    .and_then(|a| shift(a, u, sign * i64::from(v)).ok_or(NoValue::OutOfRange)),
            };
            let anchor = if u == Unit::Day {
                d.as_ref().ok().copied()
            } else {
                None
            };
            Some(
                Cand::date(end, d.map(|d| at_granularity(d, u)))
                    .anchored(anchor)
                    .conf(0.75),
            )
        }
        Lex::Kw(Kw::From) if cx.is_kw(end + 1, Kw::Now) => {
            let value = match nval {
                None => Ok("FUTURE_REF".to_string()),
                Some(v) => cx.dct().and_then(|d| {
                    shift(d, u, i64::from(v))
                        .map(|d| at_granularity(d, u))
                        .ok_or(NoValue::OutOfRange)
                }),
            };
            Some(Cand::date(end + 2, value).conf(0.85))
        }
        _ => None,
    }
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
pub(super) fn set(cx: &Cx, i: usize) -> Option<Cand> {
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
