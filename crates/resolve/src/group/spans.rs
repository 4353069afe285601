//! Span repair before grouping: a span over two titled people split, bare
//! titles dropped, clipped names extended, demonym phrases widened.

use super::*;

/// Splits one NER span over two titled people, "Mufti Noor Wali and
/// Pakistani scholar Mufti Taqi Usmani", into two PERSON mentions, each
/// starting at its title.
pub(super) fn split_titled_pairs(doc: &mut Document) {
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

/// Splits a name span that runs from an organisation or a place over a
/// title into a person's name, "[U.S. Attorney General Janet Reno]" or
/// "[Saudi Crown Prince Mohammed bin Salman]" tagged as one ORG: the
/// words before the title keep the span's type, the two or more
/// capitalised words after it become a PERSON mention, and the title
/// itself is read from the text between them. The words before must be a
/// name the knowledge base knows ("U.S.", "NATO", "Saudi"), so that the
/// first words of a title ("Economy Minister X") are not split off.
pub(super) fn split_titled_names(kb: &Kb, doc: &mut Document) {
    let mut out = Vec::with_capacity(doc.mentions.len());
    for m in std::mem::take(&mut doc.mentions) {
        let text = doc.slice(m.range);
        let words = names::words(text);
        let ws: Vec<&str> = words.iter().map(|&(a, b)| &text[a..b]).collect();
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let split = (1..ws.len()).find_map(|i| {
            let (n, form) = names::title_at_start(&ws[i..])?;
            let name = &ws[i + n..];
            let person = name.len() >= 2
                && name.iter().all(|w| capital(w))
                && names::title_at_start(name).is_none();
            let known = || !kb.lookup(&text[..words[i - 1].1]).is_empty();
            (capital(ws[i]) && !form.is_empty() && person && known()).then_some((i, i + n))
        });
        match split {
            Some((title, name)) if m.kind == MentionKind::Name && m.etype != EntityType::Person => {
                let base = m.range.start() as usize;
                out.push(Mention {
                    range: TextRange::from_usize(base, base + words[title - 1].1),
                    ..m.clone()
                });
                out.push(Mention {
                    range: TextRange::from_usize(base + words[name].0, m.range.end() as usize),
                    etype: EntityType::Person,
                    ..m
                });
            }
            _ => out.push(m),
        }
    }
    doc.mentions = out;
}

/// Takes a trailing lowercase function word off a name span, "[Beit El
/// and] told him": no name ends in "and", "of" or "the".
pub(super) fn trim_trailing_function_words(doc: &mut Document) {
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.kind != MentionKind::Name {
            continue;
        }
        let text = doc.slice(m.range);
        let mut end = text.len();
        while let Some((rest, last)) = text[..end].rsplit_once(char::is_whitespace) {
            if !matches!(
                last,
                "and" | "or" | "of" | "the" | "in" | "to" | "for" | "but"
            ) {
                break;
            }
            end = rest.trim_end().len();
        }
        if end < text.len() && end > 0 {
            let m = &mut doc.mentions[i];
            m.range = TextRange::new(m.range.start(), m.range.start() + end as u32);
        }
    }
}

/// Drops a mention that is nothing but a title right before another
/// mention ("Gen." tagged apart from "Asim Munir"): the title is read from
/// the text before the name instead.
pub(super) fn drop_bare_titles(doc: &mut Document) {
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
pub(super) fn extend_clipped_names(doc: &mut Document) {
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

/// Gives back the Arabic name particles an NER span clipped off the end
/// of a person's name: "[Abu Bakr] al-Baghdadi", "[Osama] bin Laden". A
/// token no mention covers joins the name when it is a particle with its
/// name ("al-Baghdadi", "el-Sisi") or "bin"/"ibn" before a capitalised
/// word, within the sentence.
pub(super) fn extend_name_particles(doc: &mut Document) {
    let covered = covered_tokens(doc);
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.kind != MentionKind::Name || m.etype != EntityType::Person {
            continue;
        }
        let sentence = doc.sentence_at(m.range.start());
        let mut next = doc.tokens.start.partition_point(|&s| s < m.range.end());
        let mut end = None;
        for _ in 0..2 {
            if next >= doc.tokens.len() || doc.sentence_at(doc.tokens.start[next]) != sentence {
                break;
            }
            let range = doc.tokens.range(TokenIdx::new(next));
            let w = doc.slice(range);
            let hyphened = w.split_once('-').is_some_and(|(p, rest)| {
                dossier_text::wordlists::is_arabic_article(p)
                    && capital(rest)
                    && !rest.contains('-')
            });
            let joined =
                dossier_text::wordlists::is_patronymic(w) && next + 1 < doc.tokens.len() && {
                    let after = doc.tokens.range(TokenIdx::new(next + 1));
                    capital(doc.slice(after)) && !covered[next + 1]
                };
            if covered[next] || !(hyphened || joined) {
                break;
            }
            // "bin Laden": the particle and the name after it.
            next += if joined { 2 } else { 1 };
            end = Some(doc.tokens.end[next - 1]);
        }
        if let Some(end) = end {
            let m = &mut doc.mentions[i];
            m.range = TextRange::new(m.range.start(), end);
        }
    }
}

/// Org head nouns that make a demonym the start of an organisation's name:
/// "the Pakistani army", "the Afghan government".
pub(super) fn org_head(w: &str) -> Option<EntityType> {
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
pub(super) fn demonym_country<'k>(kb: &'k Kb, word: &str) -> Option<&'k str> {
    kb.lookup(word).iter().find_map(|&i| {
        let e = kb.entry(i);
        (e.kind == EntryKind::Norp)
            .then(|| e.country.as_deref().and_then(|cc| kb.country(cc)))
            .flatten()
            .map(|c| kb.entry(c).name.as_str())
    })
}

/// The token right after a mention, when it is in the mention's sentence.
fn token_after(doc: &Document, range: TextRange) -> Option<usize> {
    let after = doc.tokens.start.partition_point(|&s| s < range.end());
    (after < doc.tokens.len()
        && doc.sentence_at(doc.tokens.start[after]) == doc.sentence_at(range.start()))
    .then_some(after)
}

/// Per token, whether some mention overlaps it: the passes that take a
/// word no mention covers ask this, in one sweep instead of comparing
/// every token with every mention.
fn covered_tokens(doc: &Document) -> Vec<bool> {
    let mut covered = vec![false; doc.tokens.len()];
    for m in &doc.mentions {
        let first = doc.tokens.end.partition_point(|&e| e <= m.range.start());
        for (t, c) in covered.iter_mut().enumerate().skip(first) {
            if doc.tokens.start[t] >= m.range.end() {
                break;
            }
            *c = true;
        }
    }
    covered
}

/// A place's name followed by a capitalised institution word no mention
/// covers, "Puerto Rico Police", "Kenya Army", becomes one ORG mention:
/// the institution is named, not only described ("the Kenya police" in
/// lower case stays an unnamed actor of the place).
pub(super) fn widen_place_institutions(doc: &mut Document) {
    let covered = covered_tokens(doc);
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.kind != MentionKind::Name || !matches!(m.etype, EntityType::Loc | EntityType::Gpe) {
            continue;
        }
        let Some(after) = token_after(doc, m.range) else {
            continue;
        };
        let range = doc.tokens.range(TokenIdx::new(after));
        let w = doc.slice(range);
        let mut chars = w.chars();
        let cased = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
        let institution = org_head(w) == Some(EntityType::Org) && cased;
        if institution && !covered[after] {
            let m = &mut doc.mentions[i];
            m.range = TextRange::new(m.range.start(), range.end());
            m.etype = EntityType::Org;
        }
    }
}

/// A capitalised word the tagger left out that the KB knows as a
/// nationality ("a Comorian Muslim", "SALVADORAN PRESIDENCY MINISTER")
/// becomes a NORP mention.
pub(super) fn add_demonyms(kb: &Kb, doc: &mut Document) {
    let covered = covered_tokens(doc);
    for (t, &covered) in covered.iter().enumerate() {
        let range = doc.tokens.range(TokenIdx::new(t));
        let w = doc.slice(range);
        let capital = doc.tokens.kind[t] == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 3;
        if !capital || covered {
            continue;
        }
        if demonym_country(kb, w).is_some() {
            doc.mentions.push(Mention {
                range,
                etype: EntityType::Norp,
                kind: MentionKind::Name,
                confidence: 0.5,
                entity: None,
            });
        }
    }
    doc.mentions.sort_by_key(|m| m.range.start());
}

/// "Pakistani" followed by "army" becomes one ORG mention "Pakistani army";
/// "Afghan" followed by an ORG mention "Taliban" becomes "Afghan Taliban"
/// when the KB knows that name, "Russian" and "Foreign Ministry" become
/// "Russian Foreign Ministry" whether it does or not.
pub(super) fn widen_demonym_phrases(kb: &Kb, doc: &mut Document) {
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
        let Some(after) = token_after(doc, m.range) else {
            continue;
        };
        let next_range = doc.tokens.range(TokenIdx::new(after));
        if let Some(j) = doc
            .mentions
            .iter()
            .position(|o| o.range.start() == next_range.start())
        {
            let o = &doc.mentions[j];
            let joined = TextRange::new(m.range.start(), o.range.end());
            // "Russian Foreign Ministry": an institution every state has is
            // that state's, known to the KB or not.
            let institution = org_head(&doc.slice(o.range).to_lowercase()).is_some();
            if o.etype == EntityType::Org
                && (institution
                    || kb
                        .lookup(doc.slice(joined))
                        .iter()
                        .any(|&e| kb.entry(e).kind == EntryKind::Org))
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
