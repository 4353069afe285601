//! Modifier prefixes that set the TIMEX3 mod: "early March", "about three
//! years".

use dossier_text::TimexType;

use super::{core, Cand, Cx};
use crate::calendar::at_granularity;
use crate::scan::{Kw, Lex, Unit};

/// Prefixes that set the TIMEX3 mod: "early March" (START), "mid-2014"
/// (MID), "the end of November" (END), "about three years" (APPROX), "more
/// than a decade" (MORE_THAN).
pub(super) fn modified(cx: &Cx, i: usize) -> Option<Cand> {
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
