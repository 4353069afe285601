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
//! - links entities to the knowledge base, which gives stable ids;
//! - adds nominal and pronoun mentions of the actors of reporting and event
//!   verbs, "the outfit said", "It has pledged" ([`coref`]).
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

pub mod coref;
pub mod geocode;
mod group;
pub mod names;
pub mod typing;

use std::sync::Arc;

use dossier_kb::Kb;
use dossier_text::{Component, Document, Geo, Severity};

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

/// Puts place entities on the map from their KB entry. A place the KB does
/// not know keeps no geo and gets a diagnostic: nothing is guessed at (0, 0).
fn geocode_entities(kb: &Kb, doc: &mut Document) {
    let mut unknown = Vec::new();
    for e in &mut doc.entities {
        if !e.etype.is_place() {
            continue;
        }
        let entry = e
            .kb_id
            .as_deref()
            .and_then(|id| kb.by_id(id))
            .map(|i| kb.entry(i));
        let geo = entry.and_then(|k| {
            let (lat, lon) = k.coords()?;
            Some(Geo {
                lat,
                lon,
                country: k.country.clone(),
                geonames_id: k.geonames_id,
                level: k.kind.geo_level()?.to_string(),
            })
        });
        if geo.is_none() {
            let first = e.mentions.first().map(|m| doc.mentions[m.index()].range);
            let why = if entry.is_some() {
                "has no coordinates in the knowledge base"
            } else {
                "is not in the knowledge base"
            };
            unknown.push((first, e.name.clone(), why));
        }
        e.geo = geo;
    }
    for (range, name, why) in unknown {
        doc.diagnose(
            Resolver::NAME,
            Severity::Info,
            range,
            format!("place {name:?} {why}; add it with --kb to geocode it"),
        );
    }
}
