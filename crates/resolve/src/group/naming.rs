//! A mention as a name: its typing context, titles, keys and KB entry.

use super::*;

/// Typing context from the words around a mention.
pub(super) fn context(doc: &Document, range: TextRange) -> Context {
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
    let surface = doc.slice(range);
    ctx.dateline = toks.start == sent_first
        && toks.end < doc.tokens.len()
        && matches!(doc.token_text(TokenIdx::new(toks.end)), "(" | ",")
        && surface.chars().any(char::is_uppercase)
        && !surface.chars().any(char::is_lowercase);
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
pub(super) fn titles_before(doc: &Document, range: TextRange) -> Vec<&'static str> {
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
pub(super) fn variant_keys(kb: &Kb, text: &str) -> Vec<String> {
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

pub(super) fn name_of(kb: &Kb, doc: &Document, i: usize) -> Option<Name> {
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
    let ner = if (ctx.after_locative || designated || ctx.dateline)
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
pub(super) fn class(t: EntityType) -> Option<u8> {
    Some(match t {
        EntityType::Person => 0,
        EntityType::Norp => 1,
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => 2,
        EntityType::Org | EntityType::Work => 3,
        EntityType::Event => 4,
        EntityType::Misc => return None,
    })
}
