//! The network around an actor, or the heaviest part of the whole graph:
//! actors as nodes, relations and events between them as edges.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use dossier_store::{Edge, EdgeQuery, Store};

use crate::{resolve_actor, DayRange, QueryError, Result};

/// What network to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkFilter {
    /// The actor at the centre (a name or id); without one, the heaviest
    /// edges of the whole graph.
    pub actor: Option<String>,
    /// How many steps out from the actor (1 to 4).
    pub hops: u32,
    /// Relation predicates to follow (`member_of`, `leader_of`); empty:
    /// all.
    pub predicates: Vec<String>,
    /// Edges seen in this period (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Also edges made of events, one per source, target and CAMEO root.
    pub events: bool,
    /// At most this many edges, the heaviest first (per actor when walking
    /// out from one).
    pub limit: usize,
}

impl Default for NetworkFilter {
    fn default() -> NetworkFilter {
        NetworkFilter {
            actor: None,
            hops: 1,
            predicates: Vec::new(),
            from: None,
            to: None,
            events: true,
            limit: 200,
        }
    }
}

/// An actor of the network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    /// Steps from the centre actor (0 is the centre); `None` without one.
    pub hop: Option<u32>,
}

/// Nodes and weighted edges with their time spans.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Hops beyond this are refused: four steps out already reach most of a
/// news graph.
const MAX_HOPS: u32 = 4;

/// The network a filter selects. Walking out from an actor, each step takes
/// the `limit` heaviest edges of each actor reached in the step before.
pub fn network(store: &Store, filter: &NetworkFilter) -> Result<Network> {
    let days = DayRange::parse(filter.from.as_deref(), filter.to.as_deref())?;
    if filter.hops == 0 || filter.hops > MAX_HOPS {
        return Err(QueryError::Invalid(format!(
            "--hops {}: give 1 to {MAX_HOPS}",
            filter.hops
        )));
    }
    let base = EdgeQuery {
        actor: None,
        predicates: filter.predicates.clone(),
        from_day: days.from,
        to_day: days.to,
        events: filter.events,
        limit: filter.limit.max(1),
    };
    let mut hop_of: BTreeMap<String, Option<u32>> = BTreeMap::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut seen: BTreeSet<(String, String, dossier_store::EdgeKind, String)> = BTreeSet::new();
    let mut add = |e: Edge, edges: &mut Vec<Edge>| {
        let key = (
            e.source.clone(),
            e.target.clone(),
            e.kind,
            e.predicate.clone(),
        );
        if seen.insert(key) {
            edges.push(e);
        }
    };
    match &filter.actor {
        None => {
            for e in store.edges(&base)? {
                for end in [&e.source, &e.target] {
                    hop_of.entry(end.clone()).or_insert(None);
                }
                add(e, &mut edges);
            }
        }
        Some(name) => {
            let centre = resolve_actor(store, name)?.id;
            hop_of.insert(centre.clone(), Some(0));
            let mut frontier = vec![centre];
            for hop in 1..=filter.hops {
                let mut next = Vec::new();
                for actor in &frontier {
                    let q = EdgeQuery {
                        actor: Some(actor.clone()),
                        ..base.clone()
                    };
                    for e in store.edges(&q)? {
                        for end in [&e.source, &e.target] {
                            if !hop_of.contains_key(end) {
                                hop_of.insert(end.clone(), Some(hop));
                                next.push(end.clone());
                            }
                        }
                        add(e, &mut edges);
                    }
                }
                frontier = next;
            }
        }
    }
    let ids: Vec<&str> = hop_of.keys().map(String::as_str).collect();
    let mut nodes: Vec<Node> = store
        .actor_nodes(&ids)?
        .into_iter()
        .map(|n| Node {
            hop: hop_of.get(&n.id).copied().flatten(),
            id: n.id,
            name: n.name,
            etype: n.etype,
        })
        .collect();
    nodes.sort_by(|a, b| a.hop.cmp(&b.hop).then_with(|| a.id.cmp(&b.id)));
    Ok(Network { nodes, edges })
}
