//! Questions to the corpus graph: an actor's dossier, filtered event pages,
//! timelines, networks, claims and full-text search. Every answer is a plain
//! serde struct; the CLI renders it as text, JSON or CSV and the server
//! serialises the same struct, so neither face computes anything the other
//! cannot get. This crate does no IO of its own and writes no SQL: it asks
//! the [`Store`] and shapes the answer (name lookup, date ranges, periods,
//! hops).
//!
//! ```
//! use dossier_query::{actor_dossier, events, EventFilter, Lookup, Page};
//! use dossier_store::Store;
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("graph.db")).unwrap();
//! let doc: dossier_store::OutputDocument = serde_json::from_str(r#"{
//!   "schema":"dossier.v1","id":"a1","date":"2024-03-06","title":null,"url":null,
//!   "source":null,"language":null,"text":"TTP claimed the attack.",
//!   "sentences":[{"start":0,"end":23}],
//!   "entities":[{"id":"E0","name":"Tehrik-i-Taliban Pakistan","type":"ORG",
//!     "kb_id":"dossier:ttp","aliases":["TTP"],"titles":[],"geo":null,
//!     "mentions":[{"start":0,"end":3,"text":"TTP","kind":"acronym"}],"confidence":0.9}],
//!   "times":[],"relations":[],"events":[],"claims":[],"diagnostics":[]}"#).unwrap();
//! store.ingest(&[doc]).unwrap();
//! let Lookup::Found(d) = actor_dossier(&store, "TTP").unwrap() else { panic!() };
//! assert_eq!(d.id, "dossier:ttp");
//! let page = events(&store, &EventFilter::default(), Page::default()).unwrap();
//! assert_eq!(page.total, 0);
//! ```

mod dossier;
mod events;
mod network;
mod text;

use serde::Serialize;

pub use dossier::{
    actor_dossier, ActorClaims, ActorDossier, ActorEvents, CoActor, Lookup, MonthCount, NameCount,
};
pub use dossier_store::{
    ActorCount, ActorRef, ArticleHit, ClaimRow, Edge, EdgeKind, EventRow, Evidence, Near,
    PlaceCount, RelationRow, Store, StoreError,
};
pub use events::{
    events, root_label, timeline, EventFilter, EventPage, Period, PeriodCount, RootLabel, Timeline,
};
pub use network::{network, Network, NetworkFilter, Node};
pub use text::{claims, search, ClaimFilter, ClaimPage, SearchPage};

/// Errors of a query: the store's, or a question that cannot be asked.
/// Messages say what to do next.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no actor is called {name:?}; `dossier search {name:?}` finds the articles that name it, `dossier stats` lists the most reported actors")]
    UnknownActor { name: String },
    #[error("{name:?} may mean {}; give one of the ids", list(candidates))]
    AmbiguousActor {
        name: String,
        candidates: Vec<ActorCount>,
    },
    #[error("{value:?} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate { value: String },
    #[error("the date range is empty: from {from} is after to {to}; give the earlier date first")]
    DateRange { from: String, to: String },
    #[error("{0}")]
    Invalid(String),
}

fn list(candidates: &[ActorCount]) -> String {
    candidates
        .iter()
        .map(|c| {
            format!(
                "{} ({}, {}, {} articles)",
                c.id, c.name, c.etype, c.articles
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub type Result<T, E = QueryError> = std::result::Result<T, E>;

/// One page of a long answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Default for Page {
    fn default() -> Page {
        Page {
            limit: 50,
            offset: 0,
        }
    }
}

/// The one actor a name or id means, for filters: an unknown name and a
/// name several actors answer to are errors (the dossier lists candidates
/// instead, see [`actor_dossier`]).
pub fn resolve_actor(store: &Store, name_or_id: &str) -> Result<ActorCount> {
    let mut found = store.find_actors(name_or_id.trim())?;
    match found.len() {
        0 => Err(QueryError::UnknownActor {
            name: name_or_id.to_string(),
        }),
        1 => Ok(found.remove(0)),
        _ => Err(QueryError::AmbiguousActor {
            name: name_or_id.to_string(),
            candidates: found,
        }),
    }
}

/// A range of days, `[from, to)` in day numbers, from dates given as
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: `from` is the first day of its
/// period and `to` the last, so `--from 2024-03 --to 2024-03` is March.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRange {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl DayRange {
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<DayRange> {
        let interval = |v: &str| {
            let ok = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            ok.then(|| dossier_time::timex_interval(v))
                .flatten()
                .ok_or_else(|| QueryError::BadDate {
                    value: v.to_string(),
                })
        };
        let from_iv = from.map(|v| interval(v.trim())).transpose()?;
        let to_iv = to.map(|v| interval(v.trim())).transpose()?;
        let range = DayRange {
            from: from_iv.map(|i| i.start),
            to: to_iv.map(|i| i.end),
        };
        if let (Some(f), Some(t)) = (range.from, range.to) {
            if f >= t {
                return Err(QueryError::DateRange {
                    from: from.unwrap_or_default().to_string(),
                    to: to.unwrap_or_default().to_string(),
                });
            }
        }
        Ok(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_range_takes_whole_periods() {
        let r = DayRange::parse(Some("2024-03"), Some("2024-03")).expect("a range");
        assert_eq!(r.to.unwrap() - r.from.unwrap(), 31);
        let r = DayRange::parse(Some("2024-03-05"), Some("2024-03-05")).expect("a range");
        assert_eq!(r.to.unwrap() - r.from.unwrap(), 1);
        assert!(matches!(
            DayRange::parse(Some("2024-04"), Some("2024-03")),
            Err(QueryError::DateRange { .. })
        ));
        assert!(matches!(
            DayRange::parse(Some("yesterday"), None),
            Err(QueryError::BadDate { .. })
        ));
        assert!(matches!(
            DayRange::parse(Some("2024-13-01"), None),
            Err(QueryError::BadDate { .. })
        ));
    }
}
