//! Event pages and timelines under one filter.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use dossier_store::{EventQuery, EventRow, Near, Store};
use dossier_time::date_of;

use crate::{resolve_actor, DayRange, Page, QueryError, Result};

/// What events to select. Every field is optional; actors are names or ids
/// (looked up as `dossier actor` does), dates are `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` and take whole periods.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Events this actor is the source or target of.
    pub actor: Option<String>,
    /// Events this actor is the source or target of; with `actor`, events
    /// between the two.
    pub with: Option<String>,
    /// A CAMEO root, `18` (or `8`).
    pub root: Option<String>,
    /// A CAMEO code or its start: `183` also selects `1831`.
    pub code: Option<String>,
    /// A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    pub quad: Option<u8>,
    /// ISO 3166 alpha-2 code of the event's place.
    pub country: Option<String>,
    /// Within `km` of a point (an equirectangular distance).
    pub near: Option<Near>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// `asserted`, `claimed`, `denied`, `negated`, `future` or
    /// `hypothetical`.
    pub modality: Option<String>,
    /// At least this many distinct outlets told the event.
    pub min_sources: Option<i64>,
}

const MODALITIES: [&str; 6] = [
    "asserted",
    "claimed",
    "denied",
    "negated",
    "future",
    "hypothetical",
];

/// CAMEO root names (codebook 1.1b3), by root.
const ROOTS: [&str; 20] = [
    "make public statement",
    "appeal",
    "express intent to cooperate",
    "consult",
    "engage in diplomatic cooperation",
    "engage in material cooperation",
    "provide aid",
    "yield",
    "investigate",
    "demand",
    "disapprove",
    "reject",
    "threaten",
    "protest",
    "exhibit force posture",
    "reduce relations",
    "coerce",
    "assault",
    "fight",
    "use unconventional mass violence",
];

/// The name of a two-digit CAMEO root ("18" → "assault").
pub fn root_label(root: &str) -> Option<&'static str> {
    let n: usize = root.parse().ok()?;
    (1..=20).contains(&n).then(|| ROOTS[n - 1])
}

fn root_of(s: &str) -> Result<String> {
    let s = s.trim();
    match s.parse::<u8>() {
        Ok(n @ 1..=20) if s.len() <= 2 => Ok(format!("{n:02}")),
        _ => Err(QueryError::Invalid(format!(
            "{s:?} is not a CAMEO root; give 1 to 20 (18 assault, 19 fight, 20 mass violence)"
        ))),
    }
}

/// The CAMEO roots of a quad class.
fn quad_roots(quad: u8) -> Result<Vec<String>> {
    let roots: Vec<String> = (1..=20)
        .map(|r| format!("{r:02}"))
        .filter(|r| dossier_schema::quad_class(r) == Some(quad))
        .collect();
    if roots.is_empty() {
        return Err(QueryError::Invalid(format!(
            "{quad} is not a quad class; give 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)"
        )));
    }
    Ok(roots)
}

impl EventFilter {
    /// The store's form of the filter: names looked up, dates turned into
    /// days, codes checked.
    pub(crate) fn resolve(&self, store: &Store) -> Result<EventQuery> {
        let actor = |name: &Option<String>| -> Result<Option<String>> {
            name.as_deref()
                .map(|n| resolve_actor(store, n).map(|a| a.id))
                .transpose()
        };
        let mut roots: Vec<String> = Vec::new();
        if let Some(r) = &self.root {
            roots.push(root_of(r)?);
        }
        if let Some(q) = self.quad {
            let of_quad = quad_roots(q)?;
            roots = if roots.is_empty() {
                of_quad
            } else {
                roots.into_iter().filter(|r| of_quad.contains(r)).collect()
            };
            if roots.is_empty() {
                return Err(QueryError::Invalid(format!(
                    "root {} is not in quad class {q}; leave one of them out",
                    self.root.as_deref().unwrap_or_default()
                )));
            }
        }
        let code = match self.code.as_deref().map(str::trim) {
            Some(c) if c.len() >= 2 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit()) => {
                Some(c.to_string())
            }
            Some(c) => {
                return Err(QueryError::Invalid(format!(
                    "{c:?} is not a CAMEO code; give 2 to 4 digits, 183 or 1831"
                )))
            }
            None => None,
        };
        let country = match self.country.as_deref().map(str::trim) {
            Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(c) => {
                return Err(QueryError::Invalid(format!(
                    "{c:?} is not a country code; give ISO 3166 alpha-2, PK or ML"
                )))
            }
            None => None,
        };
        let near = match self.near {
            Some(n)
                if (-90.0..=90.0).contains(&n.lat)
                    && (-180.0..=180.0).contains(&n.lon)
                    && n.km > 0.0 =>
            {
Some(n)
            }
            Some(n) => {
                return Err(QueryError::Invalid(format!(
                    "near {},{} within {} km: give a latitude in -90..90, a longitude in -180..180 and a positive distance",
                    n.lat, n.lon, n.km
                )))
            }
            None => None,
        };
        let modality = match self.modality.as_deref().map(str::trim) {
            Some(m) if MODALITIES.contains(&m.to_ascii_lowercase().as_str()) => {
                Some(m.to_ascii_lowercase())
            }
            Some(m) => {
                return Err(QueryError::Invalid(format!(
                    "{m:?} is not a modality; give one of {}",
                    MODALITIES.join(", ")
                )))
            }
            None => None,
        };
        let days = DayRange::parse(self.from.as_deref(), self.to.as_deref())?;
        Ok(EventQuery {
            actor: actor(&self.actor)?,
            with: actor(&self.with)?,
            roots,
            code,
            country,
            near,
            from_day: days.from,
            to_day: days.to,
            modality,
            min_sources: self.min_sources,
        })
    }
}

/// A page of events, the latest first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventPage {
    /// Events the filter selects, on all pages.
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub events: Vec<EventRow>,
}

/// The stored events a filter selects, the latest first, one page of them,
/// each with one evidence sentence.
pub fn events(store: &Store, filter: &EventFilter, page: Page) -> Result<EventPage> {
    let q = filter.resolve(store)?;
    let events = store.query_events(&q, page.limit, page.offset)?;
    // The first page usually says how many there are without counting.
    let total = if page.offset == 0 && events.len() < page.limit {
        events.len() as i64
    } else {
        store.count_events(&q)?
    };
    Ok(EventPage {
        total,
        offset: page.offset,
        limit: page.limit,
        events,
    })
}

/// The length of a timeline's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// ISO weeks, from Monday.
    Week,
    #[default]
    Month,
}

/// Counts of events per period and CAMEO root.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Timeline {
    pub by: Period,
    /// The roots that occur, with their names.
    pub roots: Vec<RootLabel>,
    /// Every period from the first event's to the last's, empty ones
    /// included.
    pub periods: Vec<PeriodCount>,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RootLabel {
    pub root: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PeriodCount {
    /// `2024-03-04`, `2024-W10` or `2024-03`.
    pub period: String,
    /// The period's first day.
    pub start: String,
    pub total: i64,
    /// Counts by root ("18"); roots without events are left out.
    pub by_root: BTreeMap<String, i64>,
}

/// The first day of the period a day falls in.
fn period_start(day: i32, by: Period) -> NaiveDate {
    let d = date_of(day);
    match by {
        Period::Day => d,
        Period::Week => d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday())),
        Period::Month => d.with_day(1).unwrap_or(d),
    }
}

fn next_period(start: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Day => start + chrono::Duration::days(1),
        Period::Week => start + chrono::Duration::days(7),
        Period::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(start + chrono::Duration::days(31)),
    }
}

fn period_name(start: NaiveDate, by: Period) -> String {
    match by {
        Period::Day => start.to_string(),
        Period::Week => {
            let w = start.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        Period::Month => start.format("%Y-%m").to_string(),
    }
}

/// Counts of the events a filter selects per period and root, every period
/// from the first to the last (events without a day are left out).
pub fn timeline(store: &Store, filter: &EventFilter, by: Period) -> Result<Timeline> {
    let q = filter.resolve(store)?;
    let counts = store.event_counts(&q)?;
    let mut buckets: BTreeMap<NaiveDate, BTreeMap<String, i64>> = BTreeMap::new();
    for c in counts {
        *buckets
            .entry(period_start(c.day, by))
            .or_default()
            .entry(c.root)
            .or_default() += c.n;
    }
    Ok(fill_periods(buckets, by))
}

/// A timeline from counts per period start, with the empty periods
/// between them filled in.
pub(crate) fn fill_periods(
    buckets: BTreeMap<NaiveDate, BTreeMap<String, i64>>,
    by: Period,
) -> Timeline {
    let mut roots: Vec<String> = buckets.values().flat_map(|m| m.keys().cloned()).collect();
    roots.sort();
    roots.dedup();
    let mut periods = Vec::new();
    if let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) {
        let mut at = first;
        while at <= last {
            let by_root = buckets.get(&at).cloned().unwrap_or_default();
            periods.push(PeriodCount {
                period: period_name(at, by),
                start: at.to_string(),
                total: by_root.values().sum(),
                by_root,
            });
            at = next_period(at, by);
        }
    }
    Timeline {
        by,
        roots: roots
            .into_iter()
            .map(|r| RootLabel {
                label: root_label(&r).unwrap_or("?").to_string(),
                root: r,
            })
            .collect(),
        total: periods.iter().map(|p| p.total).sum(),
        periods,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_time::day_number;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let d = day_number(NaiveDate::from_ymd_opt(2024, 3, 7).expect("a date"));
        assert_eq!(period_start(d, Period::Week).to_string(), "2024-03-04");
        assert_eq!(
            period_name(period_start(d, Period::Week), Period::Week),
            "2024-W10"
        );
        assert_eq!(period_start(d, Period::Month).to_string(), "2024-03-01");
    }

    #[test]
    fn roots_and_quads_are_checked() {
        assert_eq!(root_of("8").expect("a root"), "08");
        assert!(root_of("21").is_err());
        assert!(root_of("183").is_err());
        assert_eq!(quad_roots(4).expect("a quad").len(), 6);
        assert!(quad_roots(5).is_err());
        assert_eq!(root_label("19"), Some("fight"));
    }
}
