//! One actor's dossier: who it is, when it was seen, its relations, events,
//! claims, places and the actors it appears with.

use std::collections::BTreeMap;

use serde::Serialize;

use dossier_store::{
    ActorCount, ClaimQuery, ClaimRow, EventQuery, EventRow, PlaceCount, RelationRow, Store,
};
use dossier_time::date_of;

use crate::events::root_label;
use crate::Result;

/// How many of the latest events and claims, places and companions a
/// dossier lists.
const LATEST: usize = 10;
/// Companions are counted over the actor's latest articles, so that the most
/// reported actors stay quick to read.
const COMPANION_WINDOW: usize = 500;

/// What a name or id finds.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Lookup {
    Found(Box<ActorDossier>),
    /// Several actors answer to the name; the most reported first.
    Ambiguous {
        name: String,
        candidates: Vec<ActorCount>,
    },
    NotFound {
        name: String,
    },
}

/// A name and how often it was used.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NameCount {
    pub name: String,
    pub n: i64,
}

/// Everything the graph knows about one actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorDossier {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Names the articles used, with how many of its entities used each.
    pub aliases: Vec<NameCount>,
    /// Titles the articles gave it ("spokesman").
    pub titles: Vec<NameCount>,
    /// Articles that name it, and the first and last of their publication
    /// days.
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Relations it is the subject or object of, by predicate.
    pub relations: Vec<RelationRow>,
    pub events: ActorEvents,
    pub claims: ActorClaims,
    /// Where its events happened, the most frequent first.
    pub places: Vec<PlaceCount>,
    /// Actors named in the same articles, the most frequent first.
    pub appears_with: Vec<CoActor>,
}

/// An actor's events: totals, counts per month and root, and the latest.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorEvents {
    pub as_source: i64,
    pub as_target: i64,
    pub by_month: Vec<MonthCount>,
    pub latest: Vec<EventRow>,
}

/// Events of one month and root, by the actor's role in them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthCount {
    /// `2024-03`.
    pub month: String,
    pub root: String,
    pub label: String,
    pub as_source: i64,
    pub as_target: i64,
}

/// Claims an actor made and claims about it, the latest of each.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorClaims {
    pub made: i64,
    pub about: i64,
    pub latest_made: Vec<ClaimRow>,
    pub latest_about: Vec<ClaimRow>,
}

/// An actor named in the same articles, with how many.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CoActor {
    pub id: String,
    pub name: String,
    pub articles: i64,
}

/// The dossier of the actor a name or id means. Names go through the
/// store's lookup (the KB normaliser: case, diacritics, transliteration
/// variants, acronyms an article defined); an old id of a merged actor
/// finds the actor it was merged into.
pub fn actor_dossier(store: &Store, name_or_id: &str) -> Result<Lookup> {
    let name = name_or_id.trim();
    let mut found = store.find_actors(name)?;
    let id = match found.len() {
        0 => {
            return Ok(Lookup::NotFound {
                name: name.to_string(),
            })
        }
        1 => found.remove(0).id,
        _ => {
            return Ok(Lookup::Ambiguous {
                name: name.to_string(),
                candidates: found,
            })
        }
    };
    let Some(actor) = store.actor(&id)? else {
        return Ok(Lookup::NotFound {
            name: name.to_string(),
        });
    };
    let counts = store.actor_event_counts(&id)?;
    let mut months: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
    for c in &counts {
        let month = date_of(c.day).format("%Y-%m").to_string();
        let m = months.entry((month, c.root.clone())).or_default();
        m.0 += c.as_source;
        m.1 += c.as_target;
    }
    let events = ActorEvents {
        as_source: counts.iter().map(|c| c.as_source).sum(),
        as_target: counts.iter().map(|c| c.as_target).sum(),
        by_month: months
            .into_iter()
            .map(|((month, root), (s, t))| MonthCount {
                month,
                label: root_label(&root).unwrap_or("?").to_string(),
                root,
                as_source: s,
                as_target: t,
            })
            .collect(),
        latest: store.query_events(
            &EventQuery {
                actor: Some(id.clone()),
                ..EventQuery::default()
            },
            LATEST,
            0,
        )?,
    };
    let made = ClaimQuery {
        speaker: Some(id.clone()),
        ..ClaimQuery::default()
    };
    let about = ClaimQuery {
        about: Some(id.clone()),
        ..ClaimQuery::default()
    };
    let claims = ActorClaims {
        made: store.count_claims(&made)?,
        about: store.count_claims(&about)?,
        latest_made: store.query_claims(&made, LATEST, 0)?,
        latest_about: store.query_claims(&about, LATEST, 0)?,
    };
    let names = |v: Vec<(String, i64)>| {
        v.into_iter()
            .map(|(name, n)| NameCount { name, n })
            .collect()
    };
    Ok(Lookup::Found(Box::new(ActorDossier {
        aliases: names(actor.aliases),
        titles: names(store.actor_titles(&id)?),
        relations: store.relation_rows(&id)?,
        events,
        claims,
        places: store.actor_places(&id, LATEST)?,
        appears_with: store
            .co_actors(&id, COMPANION_WINDOW, LATEST)?
            .into_iter()
            .map(|(a, n)| CoActor {
                id: a.id,
                name: a.name,
                articles: n,
            })
            .collect(),
        id,
        name: actor.name,
        etype: actor.etype,
        kb_id: actor.kb_id,
        country: actor.country,
        lat: actor.lat,
        lon: actor.lon,
        articles: actor.articles,
        first_seen: actor.first_seen,
        last_seen: actor.last_seen,
    })))
}
