//! Pronouns and nominals ("the group", "he") linked to their antecedents.

use super::*;

/// Adds nominal and pronoun mentions for the actors of the text.
pub(super) fn add_anaphors(kb: &Kb, doc: &mut Document) {
    let covered: Vec<TextRange> = doc.mentions.iter().map(|m| m.range).collect();
    let anaphors = coref::find_anaphors(doc, &covered);
    if anaphors.is_empty() {
        return;
    }
    let sentence_of = |doc: &Document, at: u32| doc.sentence_at(at).map_or(0, |s| s.index());
    // "NAIROBI, Kenya (Reuters) -": the agency of a dateline is no actor of
    // the story, and "the party" or "it" after it means someone else.
    let dateline_agency = |doc: &Document, range: TextRange| {
        let toks = doc.tokens_in(range);
        let word = |i: usize| (i < doc.tokens.len()).then(|| doc.token_text(TokenIdx::new(i)));
        toks.start > 0
            && word(toks.start - 1) == Some("(")
            && word(toks.end) == Some(")")
            && matches!(word(toks.end + 1), Some("-" | "_" | "--" | "—" | "–"))
    };
    let mut antecedents: Vec<Antecedent> = doc
        .mentions
        .iter()
        .filter(|m| !dateline_agency(doc, m.range))
        .filter_map(|m| {
            Some(Antecedent {
                start: m.range.start(),
                sentence: sentence_of(doc, m.range.start()),
                entity: m.entity?.index(),
                weight: coref::role_weight(doc, m.range),
            })
        })
        .collect();
    let level: Vec<Option<EntryKind>> = doc
        .entities
        .iter()
        .map(|e| {
            e.kb_id
                .as_deref()
                .and_then(|id| kb.by_id(id))
                .map(|i| kb.entry(i).kind)
        })
        .collect();
    let etypes: Vec<EntityType> = doc.entities.iter().map(|e| e.etype).collect();
    let institution: Vec<bool> = doc
        .entities
        .iter()
        .map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| is_institution(n))
        })
        .collect();
    let words: Vec<Vec<String>> = doc
        .entities
        .iter()
        .map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .flat_map(|n| n.split_whitespace().map(str::to_lowercase))
                .collect()
        })
        .collect();
    let names_have = |e: usize, word: &str| words[e].iter().any(|w| w == word);
    let fits = |e: usize, want: Want| {
        etypes[e] == want.etype()
            && match want {
                Want::Country => level[e] == Some(EntryKind::Country),
                Want::Town => level[e] != Some(EntryKind::Country),
                Want::Group => !institution[e],
                Want::Named(word) => names_have(e, word),
                _ => true,
            }
    };
    // A demonym keeps its country in mind: "the Afghan Taliban's claims of
    // peace in the country" is Afghanistan.
    let country_entity = |e: usize| -> Option<usize> {
        let id = doc.entities[e].kb_id.as_deref()?;
        let entry = kb.entry(kb.by_id(id)?);
        let country = kb.entry(kb.country(entry.country.as_deref()?)?);
        doc.entities
            .iter()
            .position(|o| o.kb_id.as_deref() == Some(country.id.as_str()))
    };
    let extra: Vec<Antecedent> = antecedents
        .iter()
        .filter(|a| etypes[a.entity] == EntityType::Norp)
        .filter_map(|a| {
            let c = country_entity(a.entity)?;
            (c != a.entity && level[c] == Some(EntryKind::Country)).then_some(Antecedent {
                entity: c,
                weight: 1.0,
                ..*a
            })
        })
        .collect();
    antecedents.extend(extra);
    // A nominal left unresolved ("The army said it ...") is still the
    // nearest subject: a pronoun right after it in its sentence means it,
    // not an entity further back.
    let mut unresolved: Option<(usize, u32)> = None;
    for a in anaphors {
        if a.kind == MentionKind::Pronoun {
            if let Some((sentence, end)) = unresolved {
                let between = antecedents
                    .iter()
                    .any(|x| x.start >= end && x.start < a.range.start());
                if sentence == a.sentence && !between {
                    continue;
                }
            }
        }
        let Some((e, conf)) = coref::pick(&a, &antecedents, doc.entities.len(), fits) else {
            if a.kind == MentionKind::Nominal {
                unresolved = Some((a.sentence, a.range.end()));
            }
            continue;
        };
        let idx = MentionIdx::new(doc.mentions.len());
        doc.mentions.push(Mention {
            range: a.range,
            etype: etypes[e],
            kind: a.kind,
            confidence: conf,
            entity: Some(EntityId::new(e)),
        });
        doc.entities[e].mentions.push(idx);
        antecedents.push(Antecedent {
            start: a.range.start(),
            sentence: a.sentence,
            entity: e,
            weight: coref::role_weight(doc, a.range),
        });
    }
}
