//! Years, decades, fiscal years and centuries, and the test that four
//! digits are a year here.

use super::{Cand, Cx};
use crate::calendar::{fmt_century, fmt_decade, fmt_year};
use crate::scan::{Kw, Lex, Suffix, Unit};

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
pub(super) fn year(cx: &Cx, i: usize) -> Option<Cand> {
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
pub(super) fn century(cx: &Cx, i: usize) -> Option<Cand> {
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
