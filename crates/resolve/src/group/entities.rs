//! Entities from the groups: name, type by vote, KB link and aliases.

use super::*;

pub(super) fn build_entities(kb: &Kb, doc: &mut Document, names: &[Name], roots: &[usize]) {
    // Entities in order of their first mention.
    let mut members_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        members_of
            .entry(r)
            .or_insert_with(|| {
                order.push(r);
                Vec::new()
            })
            .push(i);
    }
    order.sort_by_key(|r| {
        members_of[r]
            .iter()
            .map(|&i| doc.mentions[names[i].mention].range.start())
            .min()
    });
    for r in order {
        let members: Vec<&Name> = members_of[&r].iter().map(|&i| &names[i]).collect();
        let entry = members.iter().find_map(|n| n.kb);
        let longest = members
            .iter()
            .filter(|n| n.acronym.is_none())
            .max_by_key(|n| (n.text.chars().count(), std::cmp::Reverse(n.core.start())))
            .or_else(|| members.first())
            .copied();
        let etype = match entry {
            Some(e) => kb.entry(e).etype,
            None => vote(&members, longest),
        };
        let name = match entry {
            Some(e) => kb.entry(e).name.clone(),
            None => longest.map_or_else(String::new, |n| n.text.clone()),
        };
        let mut aliases: Vec<String> = Vec::new();
        let mut titles: Vec<String> = Vec::new();
        for n in &members {
            if n.text != name && !aliases.contains(&n.text) {
                aliases.push(n.text.clone());
            }
            for t in &n.titles {
                if !titles.iter().any(|x| x == t) {
                    titles.push(t.to_string());
                }
            }
        }
        let conf: f32 = members
            .iter()
            .map(|n| doc.mentions[n.mention].confidence)
            .sum::<f32>()
            / members.len() as f32;
        // A KB link and repeated names each make the grouping likelier right.
        let support = if entry.is_some() {
            0.95
        } else if members.len() > 1 {
            0.8
        } else {
            0.7
        };
        let id = EntityId::new(doc.entities.len());
        for n in &members {
            let m = &mut doc.mentions[n.mention];
            m.entity = Some(id);
            m.etype = etype;
            if n.acronym.is_some() && m.kind == MentionKind::Name {
                m.kind = MentionKind::Acronym;
            }
        }
        doc.entities.push(Entity {
            name,
            etype,
            kb_id: entry.map(|e| kb.entry(e).id.clone()),
            aliases,
            geo: None,
            mentions: members.iter().map(|n| MentionIdx::new(n.mention)).collect(),
            titles,
            confidence: (conf * support).clamp(0.0, 1.0),
        });
    }
}

/// The type most members have; the longest name counts a little more and
/// MISC counts little, so one good type beats the NER's fallback.
pub(super) fn vote(members: &[&Name], longest: Option<&Name>) -> EntityType {
    let mut score = [0.0f32; EntityType::ALL.len()];
    for n in members {
        let i = EntityType::ALL
            .iter()
            .position(|&t| t == n.etype)
            .unwrap_or(0);
        score[i] += if n.etype == EntityType::Misc {
            0.1
        } else {
            1.0
        };
    }
    if let Some(l) = longest {
        let i = EntityType::ALL
            .iter()
            .position(|&t| t == l.etype)
            .unwrap_or(0);
        score[i] += 0.5;
    }
    // A name with an acronym is an organisation's or a place's, whatever
    // the NER made of the long form.
    if members.iter().any(|n| n.acronym.is_some()) {
        score[0] *= 0.25;
    }
    let best = (0..score.len()).fold(0, |b, i| if score[i] > score[b] { i } else { b });
    EntityType::ALL[best]
}

/// Whether a name the NER took for an organisation is a person's with a
/// title in front: a role title ("Interior Minister", "Gen.") and then two to
/// four capitalised words, none of them a word organisations are named with
/// ("General Electric Company" and "President Hotel Group" stay ORG).
pub(super) fn is_titled_person(surface: &str) -> bool {
    let core = names::core(surface, true);
    let name: Vec<&str> = surface[core.start..core.end].split_whitespace().collect();
    !core.titles.is_empty()
        && (2..=4).contains(&name.len())
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name.iter().any(|w| dossier_text::wordlists::is_org_word(w))
        && !is_institution(&name.join(" "))
}

/// Whether an organisation's name marks it as part of a state or an
/// international body, which "the group" or "the militants" never mean.
pub(super) fn is_institution(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        matches!(
            w,
            "Command"
                | "Ministry"
                | "Police"
                | "Council"
                | "Government"
                | "Department"
                | "Agency"
                | "Commission"
                | "Court"
                | "Parliament"
                | "Assembly"
                | "Office"
                | "Bureau"
                | "Nations"
                | "Kremlin"
                | "Pentagon"
                | "army"
                | "military"
                | "government"
                | "establishment"
                | "state"
                | "navy"
                | "police"
                | "ministry"
                | "forces"
                | "authorities"
                | "regime"
                | "parliament"
                | "administration"
                | "UN"
                | "NATO"
        )
    })
}
