//! The resolution pass: acronym definitions, name typing and linking, the
//! grouping of names into entities, then coreference.
//!
//! Names are grouped with a union-find: definitions, KB ids, shared name
//! keys and acronym initials join groups when their types agree and their KB
//! links do not clash. Partial person names ("Khan", "Noor Wali") are not
//! joined by key, which is transitive and would chain two Khans together:
//! each one goes on its own to the nearest preceding full name it fits.

use std::collections::{HashMap, HashSet};

use dossier_kb::{normalize, EntryIdx, EntryKind, Kb};

use crate::place_cues;
use dossier_text::{
    Document, Entity, EntityId, EntityType, Mention, MentionIdx, MentionKind, TextRange, TokenIdx,
    TokenKind,
};

use crate::coref::{self, Antecedent, Want};
use crate::names::{self, acronym_letters, is_acronym_of};
use crate::typing::{self, Context};
use crate::Config;

mod acronyms;
mod anaphors;
mod entities;
mod grouping;
mod naming;
mod spans;

use acronyms::*;
use anaphors::*;
use entities::*;
use grouping::*;
use naming::*;
use spans::*;

/// A name mention as the grouping sees it.
#[derive(Clone, Debug)]
pub(super) struct Name {
    pub(super) mention: usize,
    pub(super) core: TextRange,
    pub(super) text: String,
    pub(super) titles: Vec<&'static str>,
    pub(super) acronym: Option<String>,
    pub(super) etype: EntityType,
    pub(super) kb: Option<EntryIdx>,
    /// Exact key and variant keys (loose spelling, demonym as country,
    /// country words dropped) that identify the name within a document.
    pub(super) exact: String,
    pub(super) variants: Vec<String>,
    /// Person name parts, as loose keys.
    pub(super) parts: Vec<String>,
}

/// The resolver. Besides filling the entity layer, it is the one stage after
/// ner that edits the mention layer (repairs, retypes, adds, reorders and
/// links mentions; see ARCHITECTURE.md, "Who writes which layer").
pub(crate) fn resolve(kb: &Kb, config: &Config, doc: &mut Document) {
    doc.entities.clear();
    for m in &mut doc.mentions {
        m.entity = None;
    }
    if doc.mentions.is_empty() {
        return;
    }
    trim_trailing_function_words(doc);
    split_titled_pairs(doc);
    split_titled_names(kb, doc);
    drop_bare_titles(doc);
    extend_clipped_names(doc);
    extend_name_particles(doc);
    add_demonyms(kb, doc);
    widen_demonym_phrases(kb, doc);
    widen_place_institutions(doc);
    let defs = acronym_definitions(doc);
    if config.add_acronyms {
        add_acronym_uses(kb, doc, &defs);
    }
    sort_mentions(doc);
    let mut names: Vec<Name> = (0..doc.mentions.len())
        .filter(|&i| {
            matches!(
                doc.mentions[i].kind,
                MentionKind::Name | MentionKind::Acronym
            )
        })
        .filter_map(|i| name_of(kb, doc, i))
        .collect();
    // A long form with a defined acronym names an organisation or a place,
    // whatever the NER made of it.
    for n in &mut names {
        let range = doc.mentions[n.mention].range;
        if n.etype == EntityType::Person && n.kb.is_none() && defs.iter().any(|d| d.long == range) {
            n.etype = EntityType::Misc;
        }
    }
    let groups = group(doc, &names, &defs);
    build_entities(kb, doc, &names, &groups);
    if config.coreference && !doc.tokens.is_empty() {
        add_anaphors(kb, doc);
    }
    sort_mentions(doc);
    crate::geocode_entities(kb, doc);
}

/// Sorts mentions by position and renumbers the entities' mention lists.
fn sort_mentions(doc: &mut Document) {
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&i| (doc.mentions[i].range.start(), doc.mentions[i].range.end()));
    if order.iter().enumerate().all(|(a, &b)| a == b) {
        return;
    }
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let old = std::mem::take(&mut doc.mentions);
    let mut slots: Vec<Option<Mention>> = old.into_iter().map(Some).collect();
    doc.mentions = order
        .iter()
        .map(|&i| slots[i].take().expect("each index once"))
        .collect();
    for e in &mut doc.entities {
        for m in &mut e.mentions {
            *m = MentionIdx::new(new_index[m.index()]);
        }
        e.mentions.sort();
    }
}
