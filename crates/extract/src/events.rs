//! CAMEO-coded events from verb and noun triggers.
//!
//! A trigger is a verb form or a noun phrase of the lexicon. Verbs take
//! their source from the subject (the nearest actor to the left, skipping
//! appositions and following relative pronouns to their noun) and their
//! target from the first actor to the right; passives swap them and take
//! the source from a "by" phrase. Nouns take their source from a modifier
//! ("a Taliban attack", "his trip") or the subject of a light verb ("carried
//! out an attack") and their target from a preposition chosen by the code
//! ("attack on", "visit to", "talks with", "arrest of"). Events inside a
//! claim are claimed by its speaker (denied when the claim is a denial).
//! Name-calling is criticism: an epithet in a speaker's claim ("“X is a
//! cancer”, said Y") or after a naming verb ("X was branded “apostates” by
//! Y") is Y's 111 against X, whoever else the article names nearby.

use dossier_text::{EntityId, EntityType, Event, Modality, Polarity, SentenceIdx, TimexType, Upos};

use crate::claims::FoundClaim;
use crate::lexicon::Lexicon;
use crate::view::{Arg, DocView};

/// Verbs that put a noun event in the subject's hands.
const LIGHT_VERBS: &[&str] = &[
    "carried",
    "carry",
    "carries",
    "carrying",
    "launched",
    "launch",
    "launches",
    "conducted",
    "conduct",
    "conducts",
    "staged",
    "stage",
    "mounted",
    "mount",
    "claimed",
    "claim",
    "claims",
    "made",
    "make",
    "paid",
    "pay",
    "pays",
    "held",
    "hold",
    "holds",
    "undertook",
    "perpetrated",
    "executed",
    "behind",
    "plotted",
    "planned",
    "responsibility",
    "credit",
    "began",
    "started",
    "led",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those", "another",
    "suicide", "deadly", "recent", "twin", "fresh", "major", "first", "latest",
];

pub fn find(lex: &Lexicon, v: &DocView, claims: &[FoundClaim]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let has_syntax = !v.doc.syntax.is_empty();
    let claim_at = crate::claims::innermost(claims, v.len());
    let mut i = 0;
    while i < v.len() {
        let claim = claim_at[i].map(|k| &claims[k]);
        let (s_lo, s_hi) = v.sentence_bounds(i);
        let (lo, hi) = match claim {
            Some(c) => (c.first.max(s_lo), c.last.min(s_hi)),
            None => (s_lo, s_hi),
        };
        // Words inside names ("Islamic State", "Shahada News Agency") and
        // capitalised words inside a sentence are not triggers.
        let capital = i > s_lo
            && v.doc
                .cased_token_text(dossier_text::TokenIdx::new(i))
                .starts_with(|c: char| c.is_uppercase());
        if v.mention_at[i].is_some() || capital || v.in_generic(i) {
            i += 1;
            continue;
        }
        let upos = v.doc.syntax.upos_of(i);
        let words: Vec<&str> = (i..(i + 4).min(v.len())).map(|k| v.word(k)).collect();
        let noun_reading = lex.nouns.longest(&words);
        // Without a parser, a determiner before a word makes it a noun, and
        // a name before it a compound noun when the word can be one ("a
        // Taliban attack").
        let after_det = i > lo
            && (DETERMINERS.contains(&v.word(i - 1)) || matches!(v.word(i - 1), "'s" | "’s"));
        let (nounish, verb_ok) = match upos {
            Some(u) if has_syntax => {
                let noun = matches!(u, Upos::NOUN | Upos::PROPN);
                (noun, !noun)
            }
            _ => (
                after_det || (i > lo && v.arg_at(i - 1).is_some()),
                !after_det,
            ),
        };
        let is_verb = lex.verbs.contains_key(v.word(i));
        let found = if let (Some((phrase, n)), true) = (noun_reading, nounish || !is_verb) {
            match noun_event(v, &phrase.value, i, i + n, lo, hi) {
                Some(e) => Some((e, n)),
                None => {
                    i += n;
                    continue;
                }
            }
        } else if is_verb && verb_ok && plausible_verb(v, i, lo, has_syntax) {
            verb_event(lex, v, &lex.verbs[v.word(i)], i, lo, hi)
        } else {
            None
        };
        let Some((mut found, n)) = found else {
            i += 1;
            continue;
        };
        let code_info = lex.code_info(&found.code);
        let (label, goldstein) =
            code_info.map_or((String::new(), 0.0), |c| (c.label.clone(), c.goldstein));
        let trigger = v.span(i, i + n);
        let (modality, attributed_to) = match claim {
            Some(c) if c.claim.polarity == Polarity::Denied => (Modality::Denied, c.claim.speaker),
            Some(c) => (Modality::Claimed, c.claim.speaker),
            None => (modality(v, i, lo), None),
        };
        if found.source.is_some()
            && found.source.map(|a| a.entity) == found.target.map(|a| a.entity)
        {
            found.target = None;
        }
        // Events are pushed in text order: those of this sentence are last.
        let this_sentence = v.sentence_of.get(i).copied().unwrap_or(0);
        let restates = out
            .iter()
            .rev()
            .take_while(|e| e.sentence.index() == this_sentence)
            .any(|e| {
                matches!(e.root.as_str(), "18" | "19")
                    && matches!(&found.code[..2], "18" | "19")
                    && (e.source, e.source_actor.clone()) == v.event_actor(found.source)
                    && e.trigger.end() <= v.range(i).start()
            });
        if restates {
            i += n;
            continue;
        }
        let place = place(v, &found, i, i + n, lo, hi);
        if let Some(claim_verb) = claimed_by_light_verb(v, &found, i, lo) {
            let info = lex.code_info("015");
            out.push(Event {
                code: "015".to_string(),
                root: "01".to_string(),
                label: info.map_or(String::new(), |c| c.label.clone()),
                source: v.event_actor(found.source).0,
                target: None,
                time: time_in_sentence(v, i),
                place,
                sentence: SentenceIdx::new(v.sentence_of.get(i).copied().unwrap_or(0)),
                trigger: v.range(claim_verb),
                modality,
                attributed_to,
                goldstein: info.map_or(0.0, |c| c.goldstein),
                confidence: 0.7,
                source_actor: v.event_actor(found.source).1,
                target_actor: None,
            });
        }
        let event = Event {
            root: found.code[..2].to_string(),
            code: found.code,
            label,
            source: v.event_actor(found.source).0,
            target: v.event_actor(found.target).0,
            time: time_in_sentence(v, i),
            place,
            sentence: SentenceIdx::new(v.sentence_of.get(i).copied().unwrap_or(0)),
            trigger,
            modality,
            attributed_to,
            goldstein,
            confidence: found.confidence,
            source_actor: v.event_actor(found.source).1,
            target_actor: v.event_actor(found.target).1,
        };
        for a in found
            .also
            .iter()
            .filter(|a| Some(a.entity) != found.source.map(|s| s.entity))
        {
            let (target, target_actor) = v.event_actor(Some(*a));
            out.push(Event {
                target,
                target_actor,
                ..event.clone()
            });
        }
        for s in &found.also_sources {
            let (source, source_actor) = v.event_actor(Some(*s));
            for t in found.target.iter().chain(&found.also) {
                if t.entity == s.entity {
                    continue;
                }
                let (target, target_actor) = v.event_actor(Some(*t));
                out.push(Event {
                    source,
                    source_actor: source_actor.clone(),
                    target,
                    target_actor,
                    ..event.clone()
                });
            }
            if found.target.is_none() {
                out.push(Event {
                    source,
                    source_actor: source_actor.clone(),
                    ..event.clone()
                });
            }
        }
        out.push(event);
        i += n;
    }
    epithets(lex, v, claims, &mut out);
    name_calling(lex, v, claims, &mut out);
    accused_deeds(v, &mut out);
    out
}

/// What an accusation charges is the accuser's claim, not a fact the
/// article asserts: in "X accused Y of killing civilians" the killing is
/// claimed by X. The deed is an event that follows the accusation's
/// "of"/"for" in its clause.
fn accused_deeds(v: &DocView, out: &mut [Event]) {
    let accusations: Vec<(usize, Option<EntityId>)> = out
        .iter()
        .filter(|e| e.code == "112" && e.modality == Modality::Asserted)
        .map(|e| (v.doc.tokens_in(e.trigger).end, e.source))
        .collect();
    for (end, accuser) in accusations {
        let (_, hi) = v.sentence_bounds(end.saturating_sub(1));
        let Some(prep) = (end..(end + 8).min(hi))
            .take_while(|&k| !matches!(v.word(k), ";" | "." | "and" | "but"))
            .find(|&k| matches!(v.word(k), "of" | "for"))
        else {
            continue;
        };
        for e in out.iter_mut() {
            let at = v.doc.tokens_in(e.trigger).start;
            let near = at > prep && at <= prep + 3 && (prep + 1..at).all(|k| !v.is_break(k));
            if near && e.code != "112" && e.modality == Modality::Asserted {
                e.modality = Modality::Claimed;
                e.attributed_to = accuser;
            }
        }
    }
}

/// Verbs that give a target a name ("called it a puppet", "was branded
/// “apostates” by X"); with an epithet after them they are a criticism.
const NAMING_VERBS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "brand",
    "brands",
    "branded",
    "branding",
    "label",
    "labels",
    "labelled",
    "labeled",
    "term",
    "terms",
    "termed",
    "dub",
    "dubs",
    "dubbed",
    "describe",
    "describes",
    "described",
    "denounced",
];

/// "X called Y a puppet", "Y has been branded “apostates” by X": a naming
/// verb whose complement is an epithet is X's criticism of Y.
fn name_calling(lex: &Lexicon, v: &DocView, claims: &[FoundClaim], out: &mut Vec<Event>) {
    for i in 0..v.len() {
        if !NAMING_VERBS.contains(&v.word(i)) || v.mention_at[i].is_some() {
            continue;
        }
        let (lo, hi) = v.sentence_bounds(i);
        // The epithet within five words, past a named object, quotes,
        // "as" and determiners.
        let mut j = i + 1;
        let mut object = None;
        while j < hi && j < i + 6 {
            if let Some(a) = v.arg_at(j) {
                if object.is_some() {
                    break;
                }
                object = Some(a);
                j = a.last;
                continue;
            }
            let w = v.word(j);
            if !(matches!(w, "“" | "\"" | "‘" | "as" | "it" | "them" | "him" | "her")
                || EPITHET_MODIFIERS.contains(&w))
            {
                break;
            }
            j += 1;
        }
        let words: Vec<&str> = (j..(j + 3).min(hi)).map(|m| v.word(m)).collect();
        let Some((phrase, n)) = lex.epithets.longest(&words) else {
            continue;
        };
        let passive = (i.saturating_sub(3).max(lo)..i).any(|k| v.is_be(k));
        let (source, target) = if passive {
            (v.arg_after(&["by"], j + n, hi), v.subject_left(lo, i))
        } else {
            (v.subject_left(lo, i), object.or_else(|| v.arg_at(i + 1)))
        };
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };
        if source.entity == target.entity || !v.is_actor(source) {
            continue;
        }
        let code = phrase.value.clone();
        let seen = out.iter().any(|e| {
            e.root == code[..2]
                && e.source == Some(source.entity)
                && e.target == Some(target.entity)
        });
        if seen {
            continue;
        }
        let claim = claims
            .iter()
            .filter(|c| c.first <= i && i < c.last)
            .min_by_key(|c| c.last - c.first);
        let (modality, attributed_to) = match claim {
            Some(c) => (Modality::Claimed, c.claim.speaker),
            None => (modality(v, i, lo), None),
        };
        let info = lex.code_info(&code);
        out.push(Event {
            root: code[..2].to_string(),
            label: info.map_or(String::new(), |i| i.label.clone()),
            goldstein: info.map_or(0.0, |i| i.goldstein),
            code,
            source: v.event_actor(Some(source)).0,
            target: v.event_actor(Some(target)).0,
            source_actor: v.event_actor(Some(source)).1,
            target_actor: v.event_actor(Some(target)).1,
            time: time_in_sentence(v, i),
            place: None,
            sentence: SentenceIdx::new(v.sentence_of.get(i).copied().unwrap_or(0)),
            trigger: v.range(i),
            modality,
            attributed_to,
            confidence: 0.6,
        });
    }
}

/// Words that may stand between a copula and an epithet ("is nothing but a
/// puppet", "are the real enemies").
const EPITHET_MODIFIERS: &[&str] = &[
    "a", "an", "the", "nothing", "but", "just", "merely", "only", "simply", "now", "still", "mere",
    "real", "true", "biggest", "greatest", "worst", "also", "all",
];

/// A speaker who calls a target names inside a claim ("“Kenya is a puppet
/// of the West,” said X") criticises it: the claim is the event, asserted
/// by the article, with the speaker as source and the copula's subject as
/// target. Events nested in the claim stay claimed; this one is the act of
/// saying it.
fn epithets(lex: &Lexicon, v: &DocView, claims: &[FoundClaim], out: &mut Vec<Event>) {
    for c in claims {
        let Some(speaker) = c.claim.speaker else {
            continue;
        };
        if c.claim.polarity == Polarity::Denied {
            continue;
        }
        for k in c.first..c.last {
            if !v.is_be(k) {
                continue;
            }
            let Some(target) = v
                .arg_ending_at(c.first, k)
                .or_else(|| v.subject_left(c.first, k))
                .filter(|a| v.is_actor(*a) && a.entity != speaker)
            else {
                continue;
            };
            let mut j = k + 1;
            while j < c.last && j < k + 5 && EPITHET_MODIFIERS.contains(&v.word(j)) {
                j += 1;
            }
            if (k + 1..j).any(|m| matches!(v.word(m), "not" | "never" | "n't" | "no")) {
                continue;
            }
            let words: Vec<&str> = (j..(j + 3).min(c.last)).map(|m| v.word(m)).collect();
            let Some((phrase, n)) = lex.epithets.longest(&words) else {
                continue;
            };
            let code = phrase.value.clone();
            let seen = out.iter().any(|e| {
                e.root == code[..2]
                    && e.source == Some(speaker)
                    && e.target == Some(target.entity)
                    && e.modality != Modality::Claimed
            });
            if seen {
                continue;
            }
            let info = lex.code_info(&code);
            out.push(Event {
                root: code[..2].to_string(),
                label: info.map_or(String::new(), |i| i.label.clone()),
                goldstein: info.map_or(0.0, |i| i.goldstein),
                code,
                source: Some(speaker),
                target: v.event_actor(Some(target)).0,
                source_actor: None,
                target_actor: v.event_actor(Some(target)).1,
                time: time_in_sentence(v, j),
                place: None,
                sentence: SentenceIdx::new(v.sentence_of.get(j).copied().unwrap_or(0)),
                trigger: v.span(j, j + n),
                modality: Modality::Asserted,
                attributed_to: None,
                confidence: 0.6,
            });
        }
    }
}

/// Whether a verb form can be a verb here, when no parser says so: an
/// infinitive after an appeal or a demand is its content, not an event
/// ("urged the rebels to release"), and a bare -s form needs a subject
/// right before it ("the group says"), else it is a plural noun
/// ("corruption charges").
fn plausible_verb(v: &DocView, i: usize, lo: usize, has_syntax: bool) -> bool {
    if i > lo && v.word(i - 1) == "to" {
        let intent = if i >= lo + 2 { v.word(i - 2) } else { "" };
        return [
            "threaten", "vow", "pledge", "plan", "intend", "promise", "going", "continue",
            "decide", "agree", "try", "tried", "attempt", "about", "guilty",
        ]
        .iter()
        .any(|s| intent.starts_with(s));
    }
    if has_syntax {
        return true;
    }
    let w = v.word(i);
    if w.ends_with('s') && !w.ends_with("ss") {
        return i > lo
            && (v.arg_at(i - 1).is_some()
                || matches!(
                    v.word(i - 1),
                    "it" | "he" | "she" | "also" | "now" | "still" | "reportedly" | "often"
                ));
    }
    true
}

/// The claim verb right before a noun event ("claimed the attack"): the
/// claim of responsibility is an event of its own (015).
fn claimed_by_light_verb(v: &DocView, found: &Found, first: usize, lo: usize) -> Option<usize> {
    if !matches!(&found.code[..2], "18" | "19" | "20") || found.source.is_none() {
        return None;
    }
    let mut k = first;
    while k > lo && DETERMINERS.contains(&v.word(k - 1)) {
        k -= 1;
    }
    if k > lo && matches!(v.word(k - 1), "claimed" | "claims" | "claim") {
        Some(k - 1)
    } else {
        None
    }
}

struct Found {
    code: String,
    source: Option<Arg>,
    target: Option<Arg>,
    /// The target's other conjuncts ("A, B and C were killed"): each is
    /// a target of the same event.
    also: Vec<Arg>,
    /// The source's other conjuncts ("A, B and C condemned X"): each is a
    /// source of the same event.
    also_sources: Vec<Arg>,
    confidence: f32,
}

/// The other items of the list that `arg` belongs to, of its own type:
/// those before it ("A, B and C were killed") and after it ("killed A, B
/// and C"). Items are separated by commas and "and" only.
fn conjuncts(v: &DocView, arg: Arg, lo: usize, hi: usize) -> Vec<Arg> {
    let kind = v.etype(arg);
    let same = |a: &Arg| v.etype(*a) == kind && a.entity != arg.entity;
    let mut out: Vec<Arg> = Vec::new();
    let mut end = arg.first;
    loop {
        let mut k = end;
        while k > lo && matches!(v.word(k - 1), "," | "and") {
            k -= 1;
        }
        if k == end {
            break;
        }
        match v.arg_ending_at(lo, k).filter(|a| same(a) && a.last == k) {
            Some(a) => {
                out.push(a);
                end = a.first;
            }
            None => break,
        }
    }
    out.reverse();
    // "Russia, Armenia's ally": a possessor opens an apposition.
    let possessor = |a: &Arg| a.last < hi && matches!(v.word(a.last), "'s" | "’s");
    out.extend(
        v.list_at(arg.first, hi)
            .into_iter()
            .skip(1)
            .take_while(|a| !possessor(a))
            .filter(same),
    );
    out
}

fn verb_event(
    lex: &Lexicon,
    v: &DocView,
    entries: &[crate::lexicon::VerbEntry],
    i: usize,
    lo: usize,
    hi: usize,
) -> Option<(Found, usize)> {
    if v.doc
        .syntax
        .upos
        .get(i)
        .is_some_and(|u| matches!(u, Upos::NOUN | Upos::PROPN | Upos::ADJ))
    {
        return None;
    }
    if participle_as_adjective(v, i, lo, hi) {
        return None;
    }
    let (entry, end) = longest_entry(v, entries, i, hi)?;
    let mut code = entry.code.clone();
    if code.starts_with("08") && releases_a_document(lex, v, i, end, lo, hi) {
        return None;
    }
    // "fought to keep the boy", "are fighting to save their jobs": a
    // fight for a purpose is a struggle, not force; "fought to the death"
    // is fighting.
    if matches!(&code[..2], "18" | "19")
        && end + 1 < hi
        && v.word(end) == "to"
        && v.arg_at(end + 1).is_none()
        && v.is_lower(end + 1)
        && v.word(end + 1).chars().all(char::is_alphabetic)
        && !NOT_MODIFIED.contains(&v.word(end + 1))
        && v.doc
            .syntax
            .upos_of(end + 1)
            .is_none_or(|u| matches!(u, Upos::VERB | Upos::AUX))
    {
        return None;
    }
    let participle = lex.participles.get(v.word(i)).copied().unwrap_or(false);
    let passive = v.is_passive(i, lo, participle);
    let reduced = if participle && !passive {
        reduced_passive(v, i, end, lo)
    } else {
        None
    };
    let (mut source, mut target) = if passive {
        (v.arg_after(&["by"], end, hi), v.subject_left(lo, i))
    } else if let Some(t) = reduced {
        (v.arg_after(&["by"], end, hi), Some(t))
    } else {
        // ", killing 40 and wounding 200": both participles are the clause's.
        let participle_clause = v.word(i).ends_with("ing")
            && i > lo
            && (v.word(i - 1) == ","
                || (v.word(i - 1) == "and"
                    && (lo..i - 1).any(|k| v.word(k) == "," && v.word(k + 1).ends_with("ing"))));
        let source = if participle_clause {
            // The main clause's subject comes before its verb: in "a blast
            // damaged the U.S. embassy, killing 40", the embassy's country
            // is no subject.
            // "They were talking when the bomb went off, killing 40": a
            // subordinate clause between them gives its own subject, the
            // bomb, which is no actor.
            let from = (lo + 1..i)
                .rev()
                .find(|&k| SUBORDINATORS.contains(&v.word(k)))
                .map_or(lo, |k| k + 1);
            v.first_subject(from, i).filter(|a| {
                !(from..a.first)
                    .any(|k| matches!(v.doc.syntax.upos_of(k), Some(Upos::VERB | Upos::AUX)))
            })
        } else {
            v.subject_left(lo, i)
        };
        (source, v.object_right(end, hi))
    };
    // Where the patterns find nothing, the parse may.
    if source.is_none() || target.is_none() {
        let (s, t) = v.syntax_args(i);
        let inside = |a: &Arg| lo <= a.first && a.last <= hi;
        if source.is_none() {
            source = s.filter(inside).filter(|a| v.is_actor(*a));
        }
        if target.is_none() {
            target = t.filter(inside).filter(|a| v.is_actor(*a));
        }
    }
    // "Fighting between A and B".
    if source.is_none() && v.word(end) == "between" {
        let sides = v.list_at(end + 1, hi);
        if sides.len() >= 2 {
            return Some((
                Found {
                    code,
                    source: Some(sides[0]),
                    target: Some(sides[1]),
                    also: Vec::new(),
                    also_sources: Vec::new(),
                    confidence: 0.7,
                },
                end - i,
            ));
        }
    }
    // Aircraft make a force an air force ("Russian jets struck").
    if let Some(src) = source {
        if matches!(&code[..2], "18" | "19")
            && matches!(
                v.word(src.last),
                "jets" | "warplanes" | "aircraft" | "planes" | "drones" | "helicopters" | "bombers"
            )
        {
            code = "195".to_string();
        }
    }
    // Meetings and agreements of a coordinated subject: "Iran and Saudi
    // Arabia agreed" is Iran with Saudi Arabia.
    if target.is_none()
        && matches!(&code[..2], "03" | "04" | "05" | "06")
        && code != "045"
        && code != "042"
    {
        if let Some(src) = source {
            target = v.second_conjunct(src, i);
        }
    }
    // "X attacked Y, alleging ...": a verbal attack.
    if v.word(i) == "attacked"
        && (end..hi).any(|k| {
            matches!(
                v.word(k),
                "alleging" | "accusing" | "saying" | "claiming" | "calling"
            )
        })
    {
        code = "111".to_string();
    }
    // Threats and accusations aim at what their complement is against.
    if target.is_none() && matches!(&code[..2], "11" | "13" | "10" | "02") {
        target = aimed_at(v, source, end, hi);
    }
    if source.is_none() && target.is_none() {
        return None;
    }
    let confidence = match (source.is_some(), target.is_some()) {
        (true, true) => 0.8,
        (true, false) | (false, true) => 0.6,
        (false, false) => 0.4,
    };
    // Each conjunct of a listed target is a target too.
    let also = target.map_or_else(Vec::new, |t| conjuncts(v, t, lo, hi));
    // Each conjunct of a listed source is a source too, unless the list
    // gave the target ("Iran and Saudi Arabia agreed").
    let also_sources = source.map_or_else(Vec::new, |s| {
        conjuncts(v, s, lo, hi)
            .into_iter()
            .filter(|a| target.is_none_or(|t| t.entity != a.entity))
            .collect()
    });
    Some((
        Found {
            code,
            source,
            target,
            also,
            also_sources,
            confidence,
        },
        if entry.then.is_empty() { 1 } else { end - i },
    ))
}

/// Whether the verb at `i` (its phrase ending at `end`) releases a text
/// or data rather than persons: "released statistics showing ...", "a
/// statement released by the army", "the report was released".
fn releases_a_document(
    lex: &Lexicon,
    v: &DocView,
    i: usize,
    end: usize,
    lo: usize,
    hi: usize,
) -> bool {
    let object = (end..(end + 4).min(hi))
        .take_while(|&k| v.arg_at(k).is_none() && !v.is_break(k) && v.word(k) != "by")
        .any(|k| lex.documents.contains(v.word(k)));
    let mut k = i;
    while k > lo && (v.is_be(k - 1) || matches!(v.word(k - 1), "has" | "have" | "had" | "just")) {
        k -= 1;
    }
    object || (k > lo && lex.documents.contains(v.word(k - 1)))
}

/// Conjunctions that open a subordinate clause inside a sentence.
const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "after", "before", "because", "since", "until", "where", "whereas",
];

/// Words that open a past participle's own complement, or end the
/// phrase, rather than being the noun it modifies.
const NOT_MODIFIED: &[&str] = &[
    "by",
    "in",
    "at",
    "on",
    "to",
    "with",
    "from",
    "during",
    "after",
    "before",
    "near",
    "into",
    "over",
    "last",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "him",
    "them",
    "it",
    "as",
    "for",
    "of",
    "earlier",
    "yesterday",
    "today",
    "since",
    "while",
    "when",
];

/// A past participle after a determiner or a preposition and before the
/// noun it modifies is an adjective, not an event: "the occupied Golan
/// Heights", "cases of murdered women".
fn participle_as_adjective(v: &DocView, i: usize, lo: usize, hi: usize) -> bool {
    if i <= lo || i + 1 >= hi || !v.word(i).ends_with("ed") {
        return false;
    }
    let prev = v.word(i - 1);
    let opens_phrase = matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "these"
            | "those"
            | "of"
            | "for"
            | "about"
            | "among"
            | "against"
            | "in"
            | "into"
            | "from"
    ) || matches!(v.doc.syntax.upos_of(i - 1), Some(Upos::DET));
    if !opens_phrase {
        return false;
    }
    let next = i + 1;
    if v.arg_at(next).is_some() {
        return true;
    }
    match v.doc.syntax.upos_of(next) {
        Some(u) => matches!(u, Upos::NOUN | Upos::PROPN | Upos::ADJ),
        None => {
            let w = v.word(next);
            w.starts_with(char::is_alphabetic) && !NOT_MODIFIED.contains(&w)
        }
    }
}

/// The entry of `entries` with the longest list of following words that
/// all match after the verb at `i`, and the token after its last word.
fn longest_entry<'e>(
    v: &DocView,
    entries: &'e [crate::lexicon::VerbEntry],
    i: usize,
    hi: usize,
) -> Option<(&'e crate::lexicon::VerbEntry, usize)> {
    let mut best: Option<(&crate::lexicon::VerbEntry, usize)> = None;
    for e in entries {
        let mut k = i + 1;
        let mut ok = true;
        for w in &e.then {
            match (k..(k + 4).min(hi)).find(|&j| v.word(j) == w) {
                Some(j) => k = j + 1,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && best.is_none_or(|(b, _)| e.then.len() > b.then.len()) {
            best = Some((e, k));
        }
    }
    best
}

/// What a threat or an accusation whose verb phrase ends at `end` is
/// aimed at: its complement's "against X", an actor after "of"/"on", or
/// the first actor a that-clause names after its subject.
fn aimed_at(v: &DocView, source: Option<Arg>, end: usize, hi: usize) -> Option<Arg> {
    v.arg_after(&["against"], end, (end + 8).min(hi))
        .or_else(|| {
            v.arg_after(&["of", "on"], end, (end + 3).min(hi))
                .filter(|a| v.is_actor(*a))
        })
        .or_else(|| {
            // "warned that it would attack X": the first actor the
            // complement names after its subject.
            let that = (end..(end + 4).min(hi)).find(|&k| v.word(k) == "that")?;
            // "demanded that X find ...": X; "warned that it would
            // attack X": the speaker is the subject, the object is aimed at.
            // "TTP spokesman X warned that the group would target
            // ...": the complement's subject is the speaker's own
            // side, not the target.
            let inner = v.arg_at(that + 1);
            let own_side = |a: &Arg| source.is_some_and(|s| v.titled_by(s.entity, a.entity));
            if let Some(a) = inner.filter(|a| {
                Some(a.entity) != source.map(|s| s.entity) && v.is_actor(*a) && !own_side(a)
            }) {
                return Some(a);
            }
            let subject = inner.map_or(that + 1, |a| a.last);
            (subject..hi)
                .take_while(|&k| !matches!(v.word(k), "." | ";" | "," | "that" | "and"))
                .filter_map(|k| v.arg_at(k))
                .find(|a| {
                    v.is_actor(*a)
                        && !v
                            .preposition_before(a.first, subject)
                            .is_some_and(|p| crate::view::PLACE_PREPS.contains(&p))
                })
        })
}

/// A participle that follows a person's name and a comma, and goes on
/// with a place, an agent or a time, is a reduced passive ("X, recently arrested in Colombia, ..."): the
/// name is its target.
fn reduced_passive(v: &DocView, i: usize, end: usize, lo: usize) -> Option<Arg> {
    let mut k = i;
    while k > lo
        && matches!(
            v.word(k - 1),
            "recently" | "later" | "reportedly" | "allegedly" | "apparently" | "also" | "then"
        )
    {
        k -= 1;
    }
    if k < lo + 2 || v.word(k - 1) != "," {
        return None;
    }
    // A passive participle goes on with a place, an agent or a time, not
    // an object ("X, a senator, criticised the plan" is active).
    if end != i + 1
        || !matches!(
            v.word(end),
            "in" | "at"
                | "on"
                | "near"
                | "by"
                | "last"
                | "early"
                | "today"
                | "yesterday"
                | "during"
        )
    {
        return None;
    }
    // Only a person: after a place or a group the comma more often ends
    // the subject of an active verb ("bombings in Nairobi, Kenya, killed").
    v.arg_ending_at(lo, k - 1)
        .filter(|a| a.last == k - 1 && v.etype(*a) == EntityType::Person)
}

fn noun_event(
    v: &DocView,
    code: &str,
    first: usize,
    last: usize,
    lo: usize,
    hi: usize,
) -> Option<Found> {
    // The noun phrase starts before its determiners and modifiers.
    let mut start = first;
    while start > lo && DETERMINERS.contains(&v.word(start - 1)) {
        start -= 1;
    }
    // "a Taliban attack", "ISKP's attack", "his trip".
    let mut source = None;
    let mut k = start;
    if k > lo && matches!(v.word(k - 1), "'s" | "’s" | "'") {
        k -= 1;
    }
    if k > lo {
        source = v.arg_at(k - 1).filter(|a| v.is_actor(*a));
    }
    if source.is_none() {
        source = v
            .arg_at(first.saturating_sub(1))
            .filter(|a| v.is_actor(*a) && a.last == first);
    }
    if source.is_none() {
        for j in start..first {
            if let Some(a) = v.arg_at(j).filter(|a| v.is_actor(*a)) {
                source = Some(a);
            }
        }
    }
    // A modifier of a victim's noun is its victim ("Rabin's murder", "the
    // Castellar kidnapping"), and a place before a bombing is where it
    // happened ("the Kenya bombing"), not who did it.
    let mut victim = None;
    if let Some(a) = source {
        let kills = matches!(code, "181" | "186") || v.word(first) == "killing";
        if kills && v.etype(a) == EntityType::Person {
            victim = Some(a);
            source = None;
        } else if ((kills || code == "183") && v.etype(a).is_place()) || below_country(v, a) {
            source = None;
        }
    }
    let window = (last + 6).min(hi);
    if source.is_none() {
        source = v.arg_after(&["by"], last, (last + 2).min(window));
    }
    if source.is_none() {
        source = v
            .subject_left(lo, start)
            .filter(|a| (a.last..start).any(|j| LIGHT_VERBS.contains(&v.word(j))));
    }
    let preps: &[&str] = match &code[..2] {
        "04" if code == "042" => &["to"],
        "04" | "03" | "05" | "06" => &["with", "between"],
        "17" => &["of"],
        // "the killing of X", "the kidnapping of X", "the murder of X".
        "18" => &["on", "against", "targeting", "of"],
        _ => &["on", "against", "targeting"],
    };
    // The target's preposition follows the noun ("attack on X").
    let target = v
        .arg_after(preps, last, (last + 4).min(window))
        .filter(|a| v.is_actor(*a) || code == "042")
        .filter(|a| (last..a.first).all(|k| v.arg_at(k).is_none()))
        .filter(|_| preps.contains(&v.word(last)))
        .or(victim);
    // "the assassination of X, a minister, by urban guerrillas": the agent
    // follows the target and its apposition.
    if source.is_none() {
        if let Some(t) = target {
            let mut k = t.last;
            if v.word(k) == "," {
                k = (k + 1..(k + 10).min(hi))
                    .take_while(|&j| !matches!(v.word(j), "." | ";"))
                    .find(|&j| v.word(j) == ",")
                    .map_or(k, |j| j + 1);
            }
            if v.word(k) == "by" {
                source = v.arg_after(&["by"], k, (k + 4).min(hi));
            }
        }
    }
    if source.is_none() && target.is_none() {
        return None;
    }
    Some(Found {
        code: code.to_string(),
        source,
        target,
        also: Vec::new(),
        also_sources: Vec::new(),
        confidence: if source.is_some() && target.is_some() {
            0.7
        } else {
            0.5
        },
    })
}

/// Whether an argument is a place below a country: a city, a province, a
/// region or a site ("the Atlanta investigation"), which modifies a noun
/// event as where it happened, not who did it.
fn below_country(v: &DocView, a: Arg) -> bool {
    let Some(e) = v.doc.entities.get(a.entity.index()) else {
        return false;
    };
    match e.etype {
        EntityType::Loc | EntityType::Fac => true,
        EntityType::Gpe => e.geo.as_ref().is_some_and(|g| g.level != "country"),
        _ => false,
    }
}

/// Negation, future and conditionals in the words before the trigger.
fn modality(v: &DocView, i: usize, lo: usize) -> Modality {
    // Only the words of the trigger's own clause count: "would not go
    // unpunished and accused X" is an accusation, not a negated one.
    let mut from = i.saturating_sub(4).max(lo);
    if let Some(b) = (from..i)
        .rev()
        .find(|&k| matches!(v.word(k), "and" | "," | "that" | ";" | "but"))
    {
        from = b + 1;
    }
    let before: Vec<&str> = (from..i).map(|k| v.word(k)).collect();
    if before
        .iter()
        .any(|w| matches!(*w, "not" | "n't" | "never" | "no"))
    {
        return Modality::Negated;
    }
    if (lo..i).any(|k| v.word(k) == "if")
        || before
            .iter()
            .any(|w| matches!(*w, "could" | "might" | "may"))
    {
        return Modality::Hypothetical;
    }
    if before
        .iter()
        .any(|w| matches!(*w, "will" | "would" | "shall" | "'ll"))
    {
        return Modality::Future;
    }
    if i >= 2 && v.word(i - 1) == "to" {
        let intent = v.word(i - 2);
        if [
            "threaten", "vow", "pledge", "plan", "intend", "promise", "going", "want", "seek",
            "aim", "continue",
        ]
        .iter()
        .any(|s| intent.starts_with(s))
        {
            return Modality::Future;
        }
    }
    Modality::Asserted
}

/// Where the event happened: a place after a locative preposition in the
/// clause of the trigger, or a sentence-initial "In X,".
fn place(
    v: &DocView,
    found: &Found,
    first: usize,
    last: usize,
    lo: usize,
    hi: usize,
) -> Option<EntityId> {
    let not_arg = |a: &Arg| {
        Some(a.entity) != found.source.map(|s| s.entity)
            && Some(a.entity) != found.target.map(|t| t.entity)
    };
    let clause_end = (last..hi)
        .find(|&k| {
            matches!(v.word(k), ";" | "that" | "which" | "who")
                || (v.word(k) == "," && k > last + 8)
        })
        .unwrap_or(hi);
    if let Some(p) = v.places_after(last, clause_end).into_iter().find(not_arg) {
        return Some(p.entity);
    }
    if matches!(v.word(lo), "in" | "at" | "near") {
        let comma = (lo..first).find(|&k| v.word(k) == ",")?;
        return v
            .places_after(lo, comma)
            .into_iter()
            .find(not_arg)
            .map(|a| a.entity);
    }
    None
}

/// The TIMEX3 value of the date nearest the trigger in its sentence.
pub fn time_in_sentence(v: &DocView, i: usize) -> Option<String> {
    let (lo, hi) = v.sentence_bounds(i);
    let sentence = v.span(lo, hi.max(lo + 1));
    let at = v.range(i).start();
    v.times_near(i)
        .filter(|t| {
            sentence.contains_range(t.range) && matches!(t.ttype, TimexType::Date | TimexType::Time)
        })
        .filter(|t| t.value.is_some())
        .min_by_key(|t| t.range.start().abs_diff(at))
        .and_then(|t| t.value.clone())
}
