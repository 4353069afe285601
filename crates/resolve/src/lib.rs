//! Entity resolution: the NER's name mentions become typed, merged,
//! KB-linked entities.
//!
//! The [`Resolver`] component (`"resolve.v1"`) reads `doc.mentions` (PERSON,
//! ORG, LOC and MISC names from the NER) with the token and sentence layers,
//! and the syntax layer when it is filled, and writes `doc.entities`, setting
//! every mention's `entity`. On the way it
//!
//! - types names finely ([`typing`]): LOC into GPE, LOC and FAC, MISC into
//!   NORP, WORK, EVENT and MISC, and fixes NER types the KB contradicts (a
//!   known country is never a PERSON);
//! - reads acronyms defined in parentheses, "Islamic State Khorasan Province
//!   (ISKP)", and adds the later uses the NER missed;
//! - merges spelling and transliteration variants ("Tehrik-i-Taliban
//!   Pakistan", "Tehrik-e-Taliban", "TTP"), surnames ("Khan" with the nearest
//!   "Imran Khan", never with "Omar Ayub Khan"), and keeps titles ("Gen.",
//!   "Mufti") as attributes, not names ([`names`]);
//! - links entities to the knowledge base, which gives stable ids: a
//!   person by a whole name or an alias the KB lists ("Imran Khan",
//!   "Zabiullah Mujahid"), never by a surname alone, and not when two
//!   people in the KB share the name;
//! - adds nominal and pronoun mentions of the actors of reporting and event
//!   verbs, "the outfit said", "It has pledged" ([`coref`]);
//! - geocodes places with the [`geocode::Geocoder`].
//!
//! Every mention's `etype` is set to its entity's fine type, so a stage or
//! an evaluation after this one reads GPE, NORP and the rest from mentions
//! too. Where an NER span is visibly off the resolver repairs it before
//! grouping, and only then: a demonym with an organisation noun becomes one
//! ORG mention ("the Pakistani army"), words clipped off after "the" or a
//! title are given back, one span over two titled people is split, and a
//! span that is only a title before a name is dropped (the title goes on the
//! person). Mentions stay sorted by position.
//!
//! ```
//! use std::sync::Arc;
//! use dossier_kb::Kb;
//! use dossier_resolve::Resolver;
//! use dossier_text::{tokenize, Component, DocMeta, Document, EntityType, Mention, MentionKind, TextRange};
//!
//! let text = "Imran Khan flew to Moscow. Khan said he met officials there.";
//! let mut doc = Document::new(text.to_string(), DocMeta::default());
//! tokenize::segment(&mut doc);
//! for (start, end, etype) in [(0, 10, EntityType::Person), (19, 25, EntityType::Loc), (27, 31, EntityType::Person)] {
//!     doc.mentions.push(Mention { range: TextRange::new(start, end), etype, kind: MentionKind::Name, confidence: 1.0, entity: None });
//! }
//! Resolver::new(Arc::new(Kb::empty())).process(&mut doc);
//! assert_eq!(doc.entities[0].name, "Imran Khan");
//! assert_eq!(doc.entities[0].aliases, ["Khan"]);
//! assert_eq!(doc.entities[0].mentions.len(), 3); // "Imran Khan", "Khan", "he"
//! ```

mod coref;
#[cfg(feature = "eval")]
pub mod geo_eval;
pub mod geocode;
mod group;
mod names;
mod place_cues;
mod typing;

use std::sync::Arc;

use dossier_kb::Kb;
use dossier_text::{Component, Document, EntityType, MentionKind, Severity};

/// Options of the resolver.
#[derive(Clone, Debug)]
pub struct Config {
    /// Add nominal and pronoun mentions of actors ("the group", "it").
    pub coreference: bool,
    /// Add acronym mentions the NER missed, when the document defines them
    /// or the KB knows them.
    pub add_acronyms: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            coreference: true,
            add_acronyms: true,
        }
    }
}

/// The resolve stage: see the crate docs. Build it once and share it; it
/// holds the knowledge base.
pub struct Resolver {
    kb: Arc<Kb>,
    config: Config,
}

impl Resolver {
    pub const NAME: &'static str = "resolve.v1";

    pub fn new(kb: Arc<Kb>) -> Resolver {
        Resolver::with_config(kb, Config::default())
    }

    pub fn with_config(kb: Arc<Kb>, config: Config) -> Resolver {
        Resolver { kb, config }
    }

    pub fn kb(&self) -> &Kb {
        &self.kb
    }
}

impl Component for Resolver {
    fn name(&self) -> &'static str {
        Resolver::NAME
    }

    fn process(&self, doc: &mut Document) {
        group::resolve(&self.kb, &self.config, doc);
    }
}

/// Puts place entities on the map with the [`geocode::Geocoder`], which
/// decides ambiguous names from the article's other places and the
/// countries its demonyms name. The geocoder's choice also becomes the
/// entity's KB link. A place the KB cannot resolve is placed at the place
/// the article names nearest to it ([`geocode::Geocoder::place_unknown`]),
/// marked so in [`dossier_text::Geo::within`], with its KB link left empty
/// and a diagnostic; with no such neighbour it keeps no geo. Nothing is
/// guessed at (0, 0).
fn geocode_entities(kb: &Kb, doc: &mut Document) {
    let geocoder = geocode::Geocoder::new(kb);
    // Every name mention of a place is evidence for the others.
    let mut toponyms: Vec<geocode::TextToponym> = Vec::new();
    let mut representative: Vec<Option<usize>> = vec![None; doc.entities.len()];
    for (e, entity) in doc.entities.iter().enumerate() {
        if !entity.etype.is_place() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for &m in &entity.mentions {
            let m = &doc.mentions[m.index()];
            if !matches!(m.kind, MentionKind::Name | MentionKind::Acronym) {
                continue;
            }
            let text = doc.slice(m.range);
            if best.is_none_or(|(_, len)| text.len() > len) {
                best = Some((toponyms.len(), text.len()));
            }
            let sentence = doc
                .sentence_at(m.range.start())
                .map_or(usize::MAX, |s| s.index());
            toponyms.push(geocode::TextToponym {
                name: text,
                span: m.range.start() as usize..m.range.end() as usize,
                sentence,
            });
        }
        representative[e] = best.map(|(i, _)| i);
    }
    let countries: Vec<String> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Norp)
        .filter_map(|e| kb.entry(kb.by_id(e.kb_id.as_deref()?)?).country.clone())
        .collect();
    let matches = geocoder.geocode_text(doc.text(), &toponyms, &countries);
    let surface: Vec<String> = toponyms.iter().map(|t| t.name.to_string()).collect();
    let mut unknown = Vec::new();
    for (e, rep) in representative.into_iter().enumerate() {
        let Some(rep) = rep else { continue };
        let entity = &mut doc.entities[e];
        let first = entity
            .mentions
            .first()
            .map(|m| doc.mentions[m.index()].range);
        match &matches[rep] {
            Some(m) if m.geo.within.is_some() => {
                // Not this place's own point: no KB link, and the reader
                // is told.
                entity.geo = Some(m.geo.clone());
                let passed_over = m.passed_over.map(|p| kb.entry(p));
                // A place the KB lacks has no place entry: a link the names
                // made ("Frankfort" is also an old name of Frankfurt) goes,
                // and so does the name it gave.
                let linked = entity.kb_id.as_deref().and_then(|id| kb.by_id(id));
                if linked.is_some_and(|l| kb.entry(l).kind.geo_level().is_some()) {
                    entity.kb_id = None;
                    entity.name = surface[rep].clone();
                    let name = &entity.name;
                    entity.aliases.retain(|a| a != name);
                }
                unknown.push((
                    first,
                    entity.name.clone(),
                    m.geo.within.clone(),
                    passed_over,
                ));
            }
            Some(m) => {
                entity.geo = Some(m.geo.clone());
                let entry = kb.entry(m.entry);
                if entity.kb_id.as_deref() != Some(entry.id.as_str()) {
                    // The geocoder read the whole article: its entry, and
                    // the type that goes with it (the Red Sea region, not
                    // Egypt's Red Sea governorate), replace the first guess.
                    entity.kb_id = Some(entry.id.clone());
                    entity.name = entry.name.clone();
                    entity.aliases.retain(|a| *a != entry.name);
                    if entry.etype.is_place() {
                        entity.etype = entry.etype;
                        for &m in &entity.mentions {
                            doc.mentions[m.index()].etype = entry.etype;
                        }
                    }
                }
            }
            None => unknown.push((first, entity.name.clone(), None, None)),
        }
    }
    for (range, name, within, passed_over) in unknown {
        let known = match passed_over {
            Some(p) => {
                let province = p.admin1.as_deref().and_then(|a| kb.admin1(a));
                let province = province.map_or("?", |a| kb.entry(a).name.as_str());
                format!(
                    "is taken for a place the knowledge base lacks: the {name:?} it holds, in {province}, {}, lies outside the province named beside it",
                    p.country.as_deref().unwrap_or("?")
                )
            }
            None => "is not in the knowledge base with coordinates".to_string(),
        };
        let placed = match within {
            Some(host) => format!("; placed at {host:?}, named near it in the article"),
            None => String::new(),
        };
        doc.diagnose(
            Resolver::NAME,
            Severity::Info,
            range,
            format!("place {name:?} {known}{placed}; add it with --kb to geocode it"),
        );
    }
}
