//! MUC-4 templates from coded events, scored GTT-style.
//!
//! Each violent event of a document (CAMEO roots 18 to 20) becomes a
//! template: its incident type from the code (183 bombing, 181 kidnapping,
//! the rest attack), its source as PerpOrg (an organisation) or PerpInd (a
//! person or a group of people), its target as Victim (a person) or Target
//! (anything else). Events of the same type that share an actor merge into
//! one template. Weapon takes the weapon nouns of the event's sentence
//! (a short list of our own: bombs, explosives, rifles, grenades, ...),
//! with the words that modify them; when no named actor is the source,
//! PerpInd takes the sentence's common nouns for attackers ("guerrillas").
//!
//! Scoring follows the GTT evaluation in spirit: predicted templates are
//! aligned one-to-one with gold templates of a compatible incident type so
//! that matched role fillers are maximal; a filler is right when one of its
//! entity's mention strings equals one of the gold entity's mention strings
//! (lowercased, leading article dropped). Micro-averaged over the five
//! roles. This is our reimplementation, not GTT's script.

use dossier_text::{Document, EntityId, EntityType};
use serde::Deserialize;

pub const ROLES: [&str; 5] = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"];

/// A gold document of the GTT files.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    pub docid: String,
    pub doctext: String,
    pub templates: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// A template: incident type and, per role, entities as lists of strings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Template {
    pub incident: String,
    pub roles: [Vec<Vec<String>>; 5],
}

fn norm(s: &str) -> String {
    let s = s.trim().to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_string()
}

impl Template {
    /// A gold template from the GTT JSON object.
    pub fn from_gold(t: &serde_json::Map<String, serde_json::Value>) -> Template {
        let mut out = Template {
            incident: t
                .get("incident_type")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            ..Template::default()
        };
        for (k, role) in ROLES.iter().enumerate() {
            let entities = t
                .get(*role)
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            for e in entities {
                let names: Vec<String> = e
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|m| m.get(0).and_then(|s| s.as_str()).map(norm))
                    .collect();
                if !names.is_empty() {
                    out.roles[k].push(names);
                }
            }
        }
        out
    }
}

fn incident(code: &str) -> Option<&'static str> {
    match code {
        "183" => Some("bombing"),
        "181" => Some("kidnapping"),
        _ if matches!(&code[..2], "18" | "19" | "20") => Some("attack"),
        _ => None,
    }
}

fn names(doc: &Document, id: EntityId) -> Vec<String> {
    let Some(e) = doc.entities.get(id.index()) else {
        return Vec::new();
    };
    let mut out = vec![norm(&e.name)];
    for m in &e.mentions {
        if let Some(m) = doc.mentions.get(m.index()) {
            let n = norm(doc.slice(m.range));
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// Weapon nouns of MUC-4's incidents (written for dossier, singular and
/// plural): the head of a Weapon filler.
const WEAPONS: &[&str] = &[
    "bomb",
    "bombs",
    "car bomb",
    "car bombs",
    "dynamite",
    "explosive",
    "explosives",
    "explosive device",
    "explosive devices",
    "charge",
    "charges",
    "grenade",
    "grenades",
    "mortar",
    "mortars",
    "rocket",
    "rockets",
    "rifle",
    "rifles",
    "machine gun",
    "machine guns",
    "machinegun",
    "machineguns",
    "gun",
    "guns",
    "pistol",
    "pistols",
    "firearm",
    "firearms",
    "submachine gun",
    "submachine guns",
    "bullet",
    "bullets",
    "mine",
    "mines",
    "missile",
    "missiles",
    "incendiary",
    "molotov cocktail",
    "molotov cocktails",
    "knife",
    "knives",
    "machete",
    "machetes",
    "m-16",
    "ak-47",
    "fal",
    "tnt",
    "artillery",
];

/// Common nouns for the people who carry out attacks (PerpInd when no
/// name is given): written for dossier, singular and plural.
const PERPETRATORS: &[&str] = &[
    "terrorist",
    "terrorists",
    "guerrilla",
    "guerrillas",
    "urban guerrillas",
    "rebel",
    "rebels",
    "gunman",
    "gunmen",
    "drug traffickers",
    "hit men",
    "hitmen",
    "assassins",
    "assassin",
    "insurgents",
    "militants",
    "kidnappers",
    "attackers",
    "subversives",
    "death squad",
    "death squads",
    "paramilitary",
    "paramilitaries",
];

/// Weapon fillers in the sentence of `range`: each weapon noun with the
/// spellings a gold filler may use ("bomb", "powerful bomb").
fn weapons(doc: &Document, range: dossier_text::TextRange) -> Vec<Vec<String>> {
    nouns_in_sentence(doc, range, WEAPONS)
}

/// Nouns of `list` in the sentence of `range`, each with one or two words
/// before it as other spellings.
fn nouns_in_sentence(
    doc: &Document,
    range: dossier_text::TextRange,
    list: &[&str],
) -> Vec<Vec<String>> {
    let Some(sentence) = doc
        .sentences
        .iter()
        .find(|s| s.range.start() <= range.start() && range.start() < s.range.end())
    else {
        return Vec::new();
    };
    let words: Vec<String> = sentence
        .token_indices()
        .map(|t| {
            doc.token_text(dossier_text::TokenIdx::new(t))
                .to_lowercase()
        })
        .collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = [3, 2, 1]
            .into_iter()
            .find(|&n| i + n <= words.len() && list.contains(&words[i..i + n].join(" ").as_str()));
        let Some(n) = hit else {
            i += 1;
            continue;
        };
        let head = words[i..i + n].join(" ");
        let mut spellings = vec![head.clone()];
        // One or two modifiers before the head ("powerful bomb", "50 kg of
        // dynamite" is left to the head).
        for m in 1..=2 {
            if i >= m
                && words[i - m]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-')
            {
                spellings.push(format!("{} {head}", words[i - m..i].join(" ")));
            }
        }
        if !out.iter().any(|w| w[0] == head) {
            out.push(spellings);
        }
        i += n;
    }
    out
}

/// Templates from the events of an annotated document.
pub fn templates(doc: &Document) -> Vec<Template> {
    let mut out: Vec<(Template, Vec<EntityId>)> = Vec::new();
    for e in &doc.events {
        let Some(kind) = incident(&e.code) else {
            continue;
        };
        if e.modality == dossier_text::Modality::Negated {
            continue;
        }
        let actors: Vec<EntityId> = e.source.into_iter().chain(e.target).collect();
        let slot = out
            .iter()
            .position(|(t, ids)| t.incident == kind && actors.iter().any(|a| ids.contains(a)));
        let k = match slot {
            Some(k) => k,
            None => {
                out.push((
                    Template {
                        incident: kind.to_string(),
                        ..Template::default()
                    },
                    Vec::new(),
                ));
                out.len() - 1
            }
        };
        let etype = |id: EntityId| doc.entities.get(id.index()).map(|x| x.etype);
        let add = |role: usize, id: EntityId, out: &mut Vec<(Template, Vec<EntityId>)>| {
            if !out[k].1.contains(&id) {
                out[k].1.push(id);
                out[k].0.roles[role].push(names(doc, id));
            }
        };
        if let Some(s) = e.source {
            let role = if etype(s) == Some(EntityType::Org) {
                1
            } else {
                0
            };
            add(role, s, &mut out);
        }
        if let Some(t) = e.target {
            let role = if etype(t) == Some(EntityType::Person) {
                3
            } else {
                2
            };
            add(role, t, &mut out);
        }
        for w in weapons(doc, e.trigger) {
            if !out[k].0.roles[4].iter().any(|x| x[0] == w[0]) {
                out[k].0.roles[4].push(w);
            }
        }
        // A perpetrator named only by a common noun ("guerrillas attacked").
        if e.source.is_none() || (out[k].0.roles[0].is_empty() && out[k].0.roles[1].is_empty()) {
            for p in nouns_in_sentence(doc, e.trigger, PERPETRATORS) {
                if !out[k].0.roles[0].iter().any(|x| x[0] == p[0]) {
                    out[k].0.roles[0].push(p);
                }
            }
        }
    }
    out.into_iter().map(|(t, _)| t).collect()
}

/// Matched, predicted and gold role fillers.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

fn compatible(pred: &str, gold: &str) -> bool {
    gold.split('/').any(|g| g.trim() == pred)
}

fn matched_fillers(p: &Template, g: &Template) -> usize {
    if !compatible(&p.incident, &g.incident) {
        return 0;
    }
    let mut n = 0;
    for k in 0..5 {
        let mut used = vec![false; g.roles[k].len()];
        for pe in &p.roles[k] {
            if let Some(j) = (0..g.roles[k].len())
                .find(|&j| !used[j] && g.roles[k][j].iter().any(|s| pe.contains(s)))
            {
                used[j] = true;
                n += 1;
            }
        }
    }
    n
}

/// Scores one document: greedy one-to-one alignment by matched fillers.
pub fn score(pred: &[Template], gold: &[Template]) -> Counts {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let m = matched_fillers(p, g);
            if m > 0 {
                pairs.push((m, i, j));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut pu, mut gu) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut tp = 0;
    for (m, i, j) in pairs {
        if !pu[i] && !gu[j] {
            pu[i] = true;
            gu[j] = true;
            tp += m;
        }
    }
    let fillers = |t: &[Template]| {
        t.iter()
            .map(|t| t.roles.iter().map(Vec::len).sum::<usize>())
            .sum()
    };
    Counts {
        tp,
        predicted: fillers(pred),
        gold: fillers(gold),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::Component;

    #[test]
    fn bombing_by_a_group_fills_perp_org_and_victim() {
        let mut doc = crate::fixture::document(
            "[The Shining Path]{ORG#1} bombed [Mayor Luis Garcia]{PERSON#2} .",
        )
        .unwrap();
        crate::Extractor::new().process(&mut doc);
        let pred = templates(&doc);
        let gold_json: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"incident_type": "bombing", "PerpOrg": [[["shining path", 4]]], "Victim": [[["mayor luis garcia", 30]]], "PerpInd": [], "Target": [], "Weapon": []}"#,
        )
        .unwrap();
        let gold = [Template::from_gold(&gold_json)];
        assert_eq!(
            score(&pred, &gold),
            Counts {
                tp: 2,
                predicted: 2,
                gold: 2
            }
        );
    }

    #[test]
    fn weapons_and_unnamed_perpetrators_fill_their_roles() {
        let mut doc = crate::fixture::document(
            "Guerrillas bombed [Mayor Luis Garcia]{PERSON#1} with dynamite .",
        )
        .unwrap();
        crate::Extractor::new().process(&mut doc);
        let pred = templates(&doc);
        let gold_json: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"incident_type": "bombing", "PerpInd": [[["guerrillas", 0]]], "Victim": [[["mayor luis garcia", 30]]], "PerpOrg": [], "Target": [], "Weapon": [[["dynamite", 50]]]}"#,
        )
        .unwrap();
        let gold = [Template::from_gold(&gold_json)];
        assert_eq!(
            score(&pred, &gold),
            Counts {
                tp: 3,
                predicted: 3,
                gold: 3
            }
        );
    }
}
