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

/// A name mention as the grouping sees it.
#[derive(Clone, Debug)]
struct Name {
    mention: usize,
    core: TextRange,
    text: String,
    titles: Vec<&'static str>,
    acronym: Option<String>,
    etype: EntityType,
    kb: Option<EntryIdx>,
    /// Exact key and variant keys (loose spelling, demonym as country,
    /// country words dropped) that identify the name within a document.
    exact: String,
    variants: Vec<String>,
    /// Person name parts, as loose keys.
    parts: Vec<String>,
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
    split_titled_pairs(doc);
    drop_bare_titles(doc);
    extend_clipped_names(doc);
    widen_demonym_phrases(kb, doc);
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

/// Splits one NER span over two titled people, "Mufti Noor Wali and
/// Pakistani scholar Mufti Taqi Usmani", into two PERSON mentions, each
/// starting at its title.
fn split_titled_pairs(doc: &mut Document) {
    let mut out = Vec::with_capacity(doc.mentions.len());
    for m in std::mem::take(&mut doc.mentions) {
        let text = doc.slice(m.range);
        let words = names::words(text);
        let ws: Vec<&str> = words.iter().map(|&(a, b)| &text[a..b]).collect();
        let and = ws.iter().position(|w| *w == "and");
        let titled_at = |from: usize, to: usize| {
            (from..to).find(|&i| {
                ws[i].chars().next().is_some_and(char::is_uppercase)
                    && names::title_at_start(&ws[i..to])
                        .is_some_and(|(n, f)| !f.is_empty() && i + n < to)
            })
        };
        let split = and.and_then(|k| Some((k, titled_at(0, k)?, titled_at(k + 1, ws.len())?)));
        match split {
            Some((k, left, right)) if matches!(m.etype, EntityType::Person | EntityType::Org) => {
                let base = m.range.start() as usize;
                let left_range = TextRange::from_usize(base + words[left].0, base + words[k - 1].1);
                let right_range =
                    TextRange::from_usize(base + words[right].0, m.range.end() as usize);
                for range in [left_range, right_range] {
                    out.push(Mention {
                        range,
                        etype: EntityType::Person,
                        ..m.clone()
                    });
                }
            }
            _ => out.push(m),
        }
    }
    doc.mentions = out;
}

/// Drops a mention that is nothing but a title right before another
/// mention ("Gen." tagged apart from "Asim Munir"): the title is read from
/// the text before the name instead.
fn drop_bare_titles(doc: &mut Document) {
    let bare: Vec<usize> = (0..doc.mentions.len())
        .filter(|&i| {
            let m = &doc.mentions[i];
            let words: Vec<&str> = doc.slice(m.range).split_whitespace().collect();
            let whole_title = names::title_at_start(&words).is_some_and(|(n, _)| n == words.len());
            let next = doc.tokens.start.partition_point(|&s| s < m.range.end());
            whole_title
                && next < doc.tokens.len()
                && doc
                    .mentions
                    .iter()
                    .any(|o| o.range.start() == doc.tokens.start[next])
        })
        .collect();
    for i in bare.into_iter().rev() {
        doc.mentions.remove(i);
    }
}

/// Gives back the first words an NER span clipped off a name: "the
/// [National] Unity Government", "Gen. [Min] Aung Hlaing". A capitalised
/// word (up to two) that no mention covers joins the name when "the" or a
/// title stands right before it.
fn extend_clipped_names(doc: &mut Document) {
    let covered: Vec<TextRange> = doc.mentions.iter().map(|m| m.range).collect();
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.kind != MentionKind::Name || !matches!(m.etype, EntityType::Org | EntityType::Person) {
            continue;
        }
        let first = doc.tokens.end.partition_point(|&e| e <= m.range.start());
        let sent_first = doc
            .sentence_at(m.range.start())
            .map_or(0, |s| doc.sentences[s.index()].first.index());
        let mut start_tok = first;
        let mut ok = None;
        for _ in 0..2 {
            if start_tok <= sent_first {
                break;
            }
            let p = start_tok - 1;
            let range = doc.tokens.range(TokenIdx::new(p));
            let w = doc.slice(range);
            let capital = doc.tokens.kind[p] == TokenKind::Word
                && w.chars().next().is_some_and(char::is_uppercase);
            if !capital
                || names::title_at_start(&[w]).is_some()
                || covered.iter().any(|c| c.overlaps(range))
            {
                break;
            }
            start_tok = p;
            if start_tok > sent_first {
                let before = doc.token_text(TokenIdx::new(start_tok - 1));
                let title = names::title_at_end(&[before]).is_some_and(|(_, f)| !f.is_empty());
                if (m.etype == EntityType::Org && matches!(before, "the" | "The"))
                    || (m.etype == EntityType::Person && title)
                {
                    ok = Some(start_tok);
                }
            }
        }
        if let Some(t) = ok {
            let start = doc.tokens.start[t];
            let m = &mut doc.mentions[i];
            m.range = TextRange::new(start, m.range.end());
        }
    }
}

/// Org head nouns that make a demonym the start of an organisation's name:
/// "the Pakistani army", "the Afghan government".
fn org_head(w: &str) -> Option<EntityType> {
    if matches!(
        w,
        "defence ministry"
            | "defense ministry"
            | "foreign ministry"
            | "interior ministry"
            | "air force"
            | "security forces"
            | "armed forces"
            | "special forces"
            | "intelligence agency"
            | "foreign office"
            | "war ministry"
            | "border guard"
            | "coast guard"
    ) {
        return Some(EntityType::Org);
    }
    Some(match w {
        "army" | "military" | "government" | "establishment" | "state" | "navy" | "police"
        | "forces" | "intelligence" | "authorities" | "regime" | "parliament"
        | "administration" | "junta" | "ministry" | "cabinet" | "Army" | "Government" | "Navy"
        | "Police" => EntityType::Org,
        "embassy" | "Embassy" => EntityType::Fac,
        _ => return None,
    })
}

/// The country name a demonym stands for, if the KB knows the word as one.
fn demonym_country<'k>(kb: &'k Kb, word: &str) -> Option<&'k str> {
    kb.lookup(word).iter().find_map(|&i| {
        let e = kb.entry(i);
        (e.kind == EntryKind::Norp)
            .then(|| e.country.as_deref().and_then(|cc| kb.country(cc)))
            .flatten()
            .map(|c| kb.entry(c).name.as_str())
    })
}

/// "Pakistani" followed by "army" becomes one ORG mention "Pakistani army";
/// "Afghan" followed by an ORG mention "Taliban" becomes "Afghan Taliban"
/// when the KB knows that name.
fn widen_demonym_phrases(kb: &Kb, doc: &mut Document) {
    let mut drop = Vec::new();
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.kind != MentionKind::Name || !matches!(m.etype, EntityType::Misc | EntityType::Norp) {
            continue;
        }
        let text = doc.slice(m.range);
        if text.contains(' ') || demonym_country(kb, text).is_none() {
            continue;
        }
        let after = doc.tokens.start.partition_point(|&s| s < m.range.end());
        if after >= doc.tokens.len()
            || doc.sentence_at(doc.tokens.start[after]) != doc.sentence_at(m.range.start())
        {
            continue;
        }
        let next_range = doc.tokens.range(TokenIdx::new(after));
        if let Some(j) = doc
            .mentions
            .iter()
            .position(|o| o.range.start() == next_range.start())
        {
            let o = &doc.mentions[j];
            let joined = TextRange::new(m.range.start(), o.range.end());
            if o.etype == EntityType::Org
                && kb
                    .lookup(doc.slice(joined))
                    .iter()
                    .any(|&e| kb.entry(e).kind == EntryKind::Org)
            {
                let conf = m.confidence.min(o.confidence);
                drop.push(j);
                let m = &mut doc.mentions[i];
                m.range = joined;
                m.etype = EntityType::Org;
                m.confidence = conf;
            }
            continue;
        }
        // Two-word heads first: "defence ministry", "air force".
        let two = (after + 1 < doc.tokens.len())
            .then(|| TextRange::new(next_range.start(), doc.tokens.end[after + 1]))
            .filter(|r| {
                org_head(doc.slice(*r)).is_some()
                    && !doc.mentions.iter().any(|o| o.range.overlaps(*r))
            });
        let head = two.or_else(|| org_head(doc.slice(next_range)).map(|_| next_range));
        if let Some(head) = head {
            let t = org_head(doc.slice(head)).unwrap_or(EntityType::Org);
            let joined = TextRange::new(m.range.start(), head.end());
            let m = &mut doc.mentions[i];
            m.range = joined;
            m.etype = t;
        }
    }
    drop.sort_unstable();
    for j in drop.into_iter().rev() {
        doc.mentions.remove(j);
    }
}

/// An acronym defined in the text: its letters and the long form's range.
#[derive(Clone, Debug)]
struct Definition {
    letters: String,
    acronym: TextRange,
    long: TextRange,
}

fn token_is(doc: &Document, i: usize, s: &str) -> bool {
    i < doc.tokens.len() && doc.token_text(TokenIdx::new(i)) == s
}

fn is_possessive(doc: &Document, i: usize) -> bool {
    i < doc.tokens.len() && matches!(doc.token_text(TokenIdx::new(i)), "'s" | "’s" | "'" | "’")
}

/// Finds "Long Form (ACR)" and "ACR (Long Form)", adding an acronym mention
/// where the NER has none. Also reads "Long Form's ACR)", a common slip.
fn acronym_definitions(doc: &mut Document) -> Vec<Definition> {
    let mut defs = Vec::new();
    let n = doc.tokens.len();
    for i in 1..n {
        let close = |j: usize| token_is(doc, j, ")");
        let opens = token_is(doc, i, "(") || (is_possessive(doc, i) && !token_is(doc, i + 1, "("));
        if !(opens && i + 2 < n && close(i + 2)) {
            continue;
        }
        let (acr_tok, before) = (i + 1, i - 1);
        let acr_range = doc.tokens.range(TokenIdx::new(acr_tok));
        let Some(letters) = acronym_letters(doc.slice(acr_range)) else {
            continue;
        };
        // The long form ends at `before`, or before a possessive there.
        let mut end_tok = before;
        if is_possessive(doc, end_tok) && end_tok > 0 {
            end_tok -= 1;
        }
        let end = doc.tokens.end[end_tok];
        let Some(long) = doc
            .mentions
            .iter()
            .filter(|m| m.range.end() == end && m.range != acr_range)
            .max_by_key(|m| m.range.len())
            .cloned()
        else {
            continue;
        };
        let long_core = {
            let text = doc.slice(long.range);
            let c = names::core(text, false);
            &text[c.start..c.end]
        };
        let slip = !token_is(doc, i, "(");
        if slip && !is_acronym_of(&letters, long_core) {
            continue;
        }
        if !doc.mentions.iter().any(|m| m.range.overlaps(acr_range)) {
            doc.mentions.push(Mention {
                range: acr_range,
                etype: long.etype,
                kind: MentionKind::Acronym,
                confidence: long.confidence,
                entity: None,
            });
        }
        defs.push(Definition {
            letters,
            acronym: acr_range,
            long: long.range,
        });
    }
    // "ACR (Long Form)": an acronym mention, then a mention filling the
    // parentheses.
    for i in 1..n.saturating_sub(1) {
        if !token_is(doc, i, "(") {
            continue;
        }
        let acr_range = doc.tokens.range(TokenIdx::new(i - 1));
        let Some(letters) = acronym_letters(doc.slice(acr_range)) else {
            continue;
        };
        let inner_start = doc.tokens.start[i + 1];
        let Some(long) = doc.mentions.iter().find(|m| m.range.start() == inner_start) else {
            continue;
        };
        let after = doc.tokens.start.partition_point(|&s| s < long.range.end());
        if token_is(doc, after, ")") && is_acronym_of(&letters, doc.slice(long.range)) {
            defs.push(Definition {
                letters,
                acronym: acr_range,
                long: long.range,
            });
        }
    }
    defs
}

/// Adds mentions for acronyms the NER missed: ones the text defines, and
/// ones the KB knows as an organisation or a country.
fn add_acronym_uses(kb: &Kb, doc: &mut Document, defs: &[Definition]) {
    let mut added = Vec::new();
    for sent in &doc.sentences {
        let toks = sent.token_indices();
        let words: Vec<usize> = toks
            .clone()
            .filter(|&t| doc.tokens.kind[t] == TokenKind::Word)
            .collect();
        let caps = words
            .iter()
            .filter(|&&t| {
                let w = doc.token_text(TokenIdx::new(t));
                w.len() > 1 && !w.chars().any(char::is_lowercase)
            })
            .count();
        // A headline in capitals: every word looks like an acronym.
        if words.len() > 2 && caps * 2 > words.len() {
            continue;
        }
        for t in words {
            let range = doc.tokens.range(TokenIdx::new(t));
            let Some(letters) = acronym_letters(doc.slice(range)) else {
                continue;
            };
            if doc.mentions.iter().any(|m| m.range.overlaps(range)) {
                continue;
            }
            let etype = if let Some(d) = defs.iter().find(|d| d.letters == letters) {
                doc.mentions
                    .iter()
                    .find(|m| m.range == d.long)
                    .map(|m| m.etype)
            } else {
                kb.lookup(doc.slice(range)).iter().find_map(|&i| {
                    let e = kb.entry(i);
                    matches!(e.kind, EntryKind::Org | EntryKind::Country).then_some(e.etype)
                })
            };
            if let Some(etype) = etype {
                added.push(Mention {
                    range,
                    etype,
                    kind: MentionKind::Acronym,
                    confidence: 0.8,
                    entity: None,
                });
            }
        }
    }
    doc.mentions.extend(added);
}

/// Typing context from the words around a mention.
fn context(doc: &Document, range: TextRange) -> Context {
    let toks = doc.tokens_in(range);
    let mut ctx = Context::default();
    if toks.is_empty() {
        return ctx;
    }
    ctx.operation = doc.token_text(TokenIdx::new(toks.start)) == "Operation";
    ctx.after_locative = toks.start > 0
        && matches!(
            doc.token_text(TokenIdx::new(toks.start - 1)),
            "in" | "near" | "outside" | "across" | "around" | "throughout" | "into"
        );
    let sent_first = doc
        .sentence_at(range.start())
        .map_or(0, |s| doc.sentences[s.index()].first.index());
    let mut i = toks.start;
    let mut steps = 0;
    while i > sent_first && steps < 4 {
        i -= 1;
        steps += 1;
        let w = doc.token_text(TokenIdx::new(i));
        if matches!(
            w.to_lowercase().as_str(),
            "“" | "\""
                | "‘"
                | "'"
                | "«"
                | "named"
                | "called"
                | "titled"
                | "entitled"
                | ","
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "a"
                | "an"
                | "monthly"
                | "weekly"
                | "online"
        ) {
            continue;
        }
        ctx.after_work_noun = typing::is_work_noun(w) && w != "report" && w != "video";
        break;
    }
    // "its Dabiq magazine".
    let mut j = toks.end;
    while j < doc.tokens.len() && matches!(doc.token_text(TokenIdx::new(j)), "”" | "\"" | "’" | "'")
    {
        j += 1;
    }
    if j < doc.tokens.len()
        && matches!(
            doc.token_text(TokenIdx::new(j)),
            "magazine" | "newspaper" | "journal" | "periodical"
        )
    {
        ctx.after_work_noun = true;
    }
    ctx
}

/// Titles written just before a person mention: "Gen." before "Asim Munir".
fn titles_before(doc: &Document, range: TextRange) -> Vec<&'static str> {
    let toks = doc.tokens_in(range);
    let sent_first = doc
        .sentence_at(range.start())
        .map_or(0, |s| doc.sentences[s.index()].first.index());
    let mut out = Vec::new();
    let mut end = toks.start;
    while end > sent_first {
        let lo = end.saturating_sub(3).max(sent_first);
        let words: Vec<&str> = (lo..end)
            .map(|t| doc.token_text(TokenIdx::new(t)))
            .collect();
        match names::title_at_end(&words) {
            Some((n, form)) => {
                if !form.is_empty() && !out.contains(&form) {
                    out.insert(0, form);
                }
                end -= n;
            }
            None => break,
        }
    }
    out
}

/// The words of a name as loose keys of its variants: demonyms replaced by
/// their country, country names dropped from a longer name.
fn variant_keys(kb: &Kb, text: &str) -> Vec<String> {
    let mut out = vec![normalize::loose_key(text)];
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 {
        return out;
    }
    let mut as_country = Vec::new();
    let mut without_country = Vec::new();
    for w in &words {
        match demonym_country(kb, w) {
            Some(c) => as_country.push(c),
            None => as_country.push(w),
        }
        let is_country = kb
            .lookup(w)
            .iter()
            .any(|&i| kb.entry(i).kind == EntryKind::Country);
        if !is_country {
            without_country.push(*w);
        }
    }
    if as_country != words {
        out.push(normalize::loose_key(&as_country.join(" ")));
    }
    let content = without_country
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| w.len() > 2)
        .count();
    if without_country.len() < words.len() && content >= 2 {
        out.push(normalize::loose_key(&without_country.join(" ")));
    }
    out
}

fn name_of(kb: &Kb, doc: &Document, i: usize) -> Option<Name> {
    let m = &doc.mentions[i];
    let surface = doc.slice(m.range);
    // "Interior Minister Mohsin Naqvi" tagged ORG: a title and a person's name.
    let ner = if matches!(m.etype, EntityType::Org | EntityType::Misc) && is_titled_person(surface)
    {
        EntityType::Person
    } else {
        m.etype
    };
    let core = names::core(surface, ner == EntityType::Person);
    if core.start >= core.end {
        return None;
    }
    let core_range = TextRange::new(
        m.range.start() + core.start as u32,
        m.range.start() + core.end as u32,
    );
    let text = doc.slice(core_range).to_string();
    let acronym = acronym_letters(&text);
    let ctx = context(doc, m.range);
    // "in Peshawar" or "its “Khorasan” province" tagged PERSON or ORG: the
    // KB's place wins.
    let designated = place_cues::designation(doc.text(), m.range.into()).is_some();
    let ner = if (ctx.after_locative || designated)
        && matches!(ner, EntityType::Person | EntityType::Org)
        && typing::best_entry(kb, &text, EntityType::Loc).is_some()
    {
        EntityType::Loc
    } else {
        ner
    };
    // After "magazine named" only a work's own entry links: "Khorasan Ghag"
    // is the magazine, and "Khorasan" alone is not the region.
    let mut kb_hit = if ctx.after_work_noun {
        typing::best_entry(kb, &text, EntityType::Work)
            .filter(|&e| kb.entry(e).etype == EntityType::Work)
    } else {
        typing::best_entry(kb, &text, ner)
    };
    if kb_hit.is_none() && !ctx.after_work_noun {
        // "Pakistani army" may be in the KB as "Pakistan Army".
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > 1 {
            if let Some(c) = demonym_country(kb, words[0]) {
                let alt = std::iter::once(c)
                    .chain(words[1..].iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                kb_hit = typing::best_entry(kb, &alt, ner);
            }
        }
    }
    if kb_hit.is_none() && ner == EntityType::Person && !ctx.after_work_noun {
        // Some people are known by a title and a name, "Mullah Omar",
        // "Sheikh Hasina", "Pope Francis": the title the name's core left
        // out (or the NER span did) goes back for one more look.
        let before = titles_before(doc, m.range);
        kb_hit = core
            .titles
            .iter()
            .chain(&before)
            .filter(|t| !t.is_empty())
            .find_map(|t| typing::person_entry(kb, &format!("{t} {text}")));
    }
    let etype = match kb_hit {
        Some(e) => kb.entry(e).etype,
        // People are almost never named by acronym; an acronym the NER (or
        // its definition's long form) calls PERSON takes its type from the
        // rest of its group.
        None if acronym.is_some() && ner == EntityType::Person => EntityType::Misc,
        None => typing::refine(ner, &text, ctx),
    };
    let mut titles = core.titles;
    if etype == EntityType::Person {
        for t in titles_before(doc, m.range) {
            if !titles.contains(&t) {
                titles.insert(0, t);
            }
        }
    }
    let exact = normalize::key(&text);
    let variants = if acronym.is_some() || etype == EntityType::Person {
        vec![normalize::loose_key(&text)]
    } else {
        variant_keys(kb, &text)
    };
    let parts = if etype == EntityType::Person {
        names::person_parts(&text)
    } else {
        Vec::new()
    };
    Some(Name {
        mention: i,
        core: core_range,
        text,
        titles,
        acronym,
        etype,
        kb: kb_hit,
        exact,
        variants,
        parts,
    })
}

/// Type classes that may share an entity; MISC joins any of them.
fn class(t: EntityType) -> Option<u8> {
    Some(match t {
        EntityType::Person => 0,
        EntityType::Norp => 1,
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => 2,
        EntityType::Org | EntityType::Work => 3,
        EntityType::Event => 4,
        EntityType::Misc => return None,
    })
}

/// Union-find over names with each root's KB link and type class.
struct Groups {
    parent: Vec<usize>,
    kb: Vec<Option<EntryIdx>>,
    class: Vec<Option<u8>>,
}

impl Groups {
    fn new(names: &[Name]) -> Groups {
        Groups {
            parent: (0..names.len()).collect(),
            kb: names.iter().map(|n| n.kb).collect(),
            class: names.iter().map(|n| class(n.etype)).collect(),
        }
    }

    fn find(&mut self, mut a: usize) -> usize {
        while self.parent[a] != a {
            self.parent[a] = self.parent[self.parent[a]];
            a = self.parent[a];
        }
        a
    }

    /// Joins two groups unless their types or KB links disagree.
    fn union(&mut self, a: usize, b: usize) -> bool {
        self.join(a, b, false)
    }

    /// Joins two groups; `force` overrides a type clash (a definition in the
    /// text outweighs the NER's type of either side).
    fn join(&mut self, a: usize, b: usize, force: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let kb_clash = matches!((self.kb[ra], self.kb[rb]), (Some(x), Some(y)) if x != y);
        let class_clash = matches!((self.class[ra], self.class[rb]), (Some(x), Some(y)) if x != y);
        if kb_clash || (class_clash && !force) {
            return false;
        }
        self.parent[rb] = ra;
        self.kb[ra] = self.kb[ra].or(self.kb[rb]);
        self.class[ra] = self.class[ra].or(self.class[rb]);
        true
    }
}

/// Whether `short` is a contiguous run of `long`; a single word must be
/// its first or last word (a first name or a surname).
fn is_part_of(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    if short.len() == 1 {
        return long.first() == short.first() || long.last() == short.first();
    }
    long.windows(short.len()).any(|w| w == short)
}

/// Interned comparison keys of the names, so that grouping compares small
/// integers instead of strings.
struct NameKeys {
    exact: Vec<u32>,
    /// Ids of the variant keys long enough to identify a name (6 bytes+).
    variants: Vec<Vec<u32>>,
    acronym: Vec<Option<u32>>,
    /// For a person's name, the index of its distinct set of parts.
    person: Vec<Option<usize>>,
    /// One name index per distinct set of person-name parts.
    persons: Vec<usize>,
}

impl NameKeys {
    fn new<'a>(names: &'a [Name]) -> NameKeys {
        let mut ids: HashMap<&'a str, u32> = HashMap::new();
        let mut id = |k: &'a str| -> u32 {
            let next = ids.len() as u32;
            *ids.entry(k).or_insert(next)
        };
        let mut by_parts: HashMap<&'a [String], usize> = HashMap::new();
        let mut persons = Vec::new();
        let mut keys = NameKeys {
            exact: Vec::with_capacity(names.len()),
            variants: Vec::with_capacity(names.len()),
            acronym: Vec::with_capacity(names.len()),
            person: Vec::with_capacity(names.len()),
            persons: Vec::new(),
        };
        for (i, n) in names.iter().enumerate() {
            keys.exact.push(id(&n.exact));
            keys.variants.push(
                n.variants
                    .iter()
                    .filter(|k| k.len() >= 6)
                    .map(|k| id(k.as_str()))
                    .collect(),
            );
            keys.acronym.push(n.acronym.as_deref().map(&mut id));
            keys.person.push((n.etype == EntityType::Person).then(|| {
                *by_parts.entry(&n.parts).or_insert_with(|| {
                    persons.push(i);
                    persons.len() - 1
                })
            }));
        }
        keys.persons = persons;
        keys
    }
}

fn group(doc: &Document, names: &[Name], defs: &[Definition]) -> Vec<usize> {
    let mut g = Groups::new(names);
    let start = |n: &Name| doc.mentions[n.mention].range.start();
    let by_range = |r: TextRange| {
        names
            .iter()
            .position(|n| doc.mentions[n.mention].range == r)
    };
    // Definitions first: they are the text's own word.
    for d in defs {
        if let (Some(a), Some(l)) = (by_range(d.acronym), by_range(d.long)) {
            g.join(l, a, true);
        }
    }
    // Long documents (reports, transcripts) hold thousands of names, so the
    // pairwise tests below compare interned ids, and the string tests run
    // once per distinct name rather than once per pair of mentions.
    let keys = NameKeys::new(names);
    // Partial person names, which must not chain by key.
    let partial_of_parts: Vec<bool> = (0..keys.persons.len())
        .map(|p| {
            (0..keys.persons.len())
                .any(|q| is_part_of(&names[keys.persons[p]].parts, &names[keys.persons[q]].parts))
        })
        .collect();
    let partial: Vec<bool> = (0..names.len())
        .map(|i| keys.person[i].is_some_and(|p| partial_of_parts[p]))
        .collect();
    // Every later name that shares a KB link, the exact name, a variant key
    // or an acronym with name `a` is joined to it, in order. The candidates
    // come from inverted lists rather than from testing every pair, which
    // was quadratic in the names of a document (minutes for a 5 MB one);
    // the joins, and so the groups, are the same.
    #[derive(Hash, PartialEq, Eq)]
    enum Key {
        Kb(EntryIdx),
        Exact(u32),
        Variant(u32),
        Acronym(u32),
    }
    let keys_of = |a: usize| {
        let n = &names[a];
        n.kb.map(Key::Kb)
            .into_iter()
            .chain([Key::Exact(keys.exact[a])])
            .chain(keys.variants[a].iter().map(|&k| Key::Variant(k)))
            .chain(keys.acronym[a].map(Key::Acronym))
    };
    let mut holders: HashMap<Key, Vec<usize>> = HashMap::new();
    for a in (0..names.len()).filter(|&a| !partial[a]) {
        for k in keys_of(a) {
            holders.entry(k).or_default().push(a);
        }
    }
    let mut later = Vec::new();
    for a in (0..names.len()).filter(|&a| !partial[a]) {
        later.clear();
        for k in keys_of(a) {
            let list = &holders[&k];
            let from = list.partition_point(|&b| b <= a);
            later.extend_from_slice(&list[from..]);
        }
        later.sort_unstable();
        later.dedup();
        for &b in &later {
            g.union(a, b);
        }
    }
    // Acronyms to the nearest long form whose initials they are; the test
    // runs once per distinct acronym and distinct long name.
    let long_forms: HashSet<&str> = names
        .iter()
        .filter(|n| n.acronym.is_none())
        .map(|n| n.text.as_str())
        .collect();
    let mut fits_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for a in 0..names.len() {
        let Some(letters) = &names[a].acronym else {
            continue;
        };
        let fits = fits_of.entry(letters.as_str()).or_insert_with(|| {
            let texts: Vec<&str> = long_forms
                .iter()
                .copied()
                .filter(|t| is_acronym_of(letters, t))
                .collect();
            (0..names.len())
                .filter(|&b| names[b].acronym.is_none() && texts.contains(&names[b].text.as_str()))
                .collect()
        });
        if let Some(b) = nearest(fits, start(&names[a]), |b| start(&names[b])) {
            g.union(b, a);
        }
    }
    // Partial person names to the nearest full name they are part of,
    // computed once per distinct set of name parts.
    let mut person_fits: HashMap<usize, Vec<usize>> = HashMap::new();
    for a in 0..names.len() {
        if !partial[a] {
            continue;
        }
        let Some(pa) = keys.person[a] else { continue };
        let fits = person_fits.entry(pa).or_insert_with(|| {
            let parts = &names[keys.persons[pa]].parts;
            let fits: Vec<usize> = (0..names.len())
                .filter(|&b| {
                    names[b].etype == EntityType::Person
                        && !partial[b]
                        && is_part_of(parts, &names[b].parts)
                })
                .collect();
            if !fits.is_empty() {
                return fits;
            }
            // "Noor Wali" in a text that only has "Mufti Noor Wali Mehsud"
            // as another partial: join any longer name.
            (0..names.len())
                .filter(|&b| {
                    names[b].etype == EntityType::Person && is_part_of(parts, &names[b].parts)
                })
                .collect()
        });
        if let Some(b) = nearest(fits, start(&names[a]), |b| start(&names[b])) {
            g.union(b, a);
        }
    }
    (0..names.len()).map(|i| g.find(i)).collect()
}

/// The candidate nearest before `at`, else the first after it.
fn nearest(cands: &[usize], at: u32, pos: impl Fn(usize) -> u32) -> Option<usize> {
    let before = cands
        .iter()
        .copied()
        .filter(|&c| pos(c) < at)
        .max_by_key(|&c| pos(c));
    before.or_else(|| {
        cands
            .iter()
            .copied()
            .filter(|&c| pos(c) > at)
            .min_by_key(|&c| pos(c))
    })
}

fn build_entities(kb: &Kb, doc: &mut Document, names: &[Name], roots: &[usize]) {
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
fn vote(members: &[&Name], longest: Option<&Name>) -> EntityType {
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
fn is_titled_person(surface: &str) -> bool {
    const ORG_WORDS: &[&str] = &[
        "Party",
        "Group",
        "Company",
        "Corporation",
        "Corp",
        "Inc",
        "Ltd",
        "Bank",
        "Front",
        "Movement",
        "Forces",
        "Force",
        "Brigade",
        "Brigades",
        "Union",
        "Committee",
        "Organisation",
        "Organization",
        "Institute",
        "University",
        "Foundation",
        "Association",
        "League",
        "Alliance",
        "Network",
        "Service",
        "Services",
        "Motors",
        "Electric",
        "Navy",
        "Guard",
        "Corps",
        "Hospital",
        "Airport",
        "Province",
        "State",
        "Republic",
        "Kingdom",
        "Times",
        "News",
        "Post",
        "Hotel",
        "Club",
        "Fund",
        "Trust",
        "Industries",
        "Holdings",
    ];
    let core = names::core(surface, true);
    let name: Vec<&str> = surface[core.start..core.end].split_whitespace().collect();
    !core.titles.is_empty()
        && (2..=4).contains(&name.len())
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name.iter().any(|w| ORG_WORDS.contains(w))
        && !is_institution(&name.join(" "))
}

/// Whether an organisation's name marks it as part of a state or an
/// international body, which "the group" or "the militants" never mean.
fn is_institution(name: &str) -> bool {
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

/// Adds nominal and pronoun mentions for the actors of the text.
fn add_anaphors(kb: &Kb, doc: &mut Document) {
    let covered: Vec<TextRange> = doc.mentions.iter().map(|m| m.range).collect();
    let anaphors = coref::find_anaphors(doc, &covered);
    if anaphors.is_empty() {
        return;
    }
    let sentence_of = |doc: &Document, at: u32| doc.sentence_at(at).map_or(0, |s| s.index());
    let mut antecedents: Vec<Antecedent> = doc
        .mentions
        .iter()
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
