//! Nominal and pronoun coreference for the actors of reporting and event
//! verbs: "the outfit said", "It has pledged", "he flew to Peshawar".
//!
//! The resolver is salience-based (Lappin and Leass, much simplified): every
//! mention in the last few sentences gives its entity a weight that halves
//! with each sentence back, doubles in subject position and halves inside a
//! prepositional phrase; how often the document has mentioned the entity
//! adds a little. An anaphor goes to the most salient entity of a compatible
//! type. Only pronouns that are the subject of a verb are resolved: "it" in
//! "termed it a riot" or "it is clear that" is left alone, which costs recall
//! but keeps the actor of a claim or an event trustworthy.
//!
//! Subject position comes from the syntax layer when it is filled, and from
//! word-order cues otherwise.

use dossier_text::wordlists::VerbRole;
use dossier_text::{Document, EntityType, MentionKind, TextRange, TokenIdx, TokenKind, Upos};

/// What an anaphor can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Want {
    Person,
    /// Any organisation: "it", "they".
    Org,
    /// A non-state group: "the outfit", "the militants", "the movement".
    Group,
    /// An organisation whose name has this word: "the army" is the
    /// "Pakistani army" or the "Arakan Army" the text named.
    Named(&'static str),
    Work,
    /// "the country": a GPE the KB knows as a country.
    Country,
    /// "the city", "the town": any other GPE.
    Town,
}

impl Want {
    pub(crate) fn etype(self) -> EntityType {
        match self {
            Want::Person => EntityType::Person,
            Want::Org | Want::Group | Want::Named(_) => EntityType::Org,
            Want::Work => EntityType::Work,
            Want::Country | Want::Town => EntityType::Gpe,
        }
    }
}

/// A pronoun or definite nominal that may refer to an entity.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Anaphor {
    pub range: TextRange,
    pub kind: MentionKind,
    pub want: Want,
    pub sentence: usize,
    /// How far back, in sentences, an antecedent may be.
    pub window: usize,
    /// The anaphor opens a paragraph: it then refers to the document's
    /// topic more than to the last sentence ("It has conducted operations
    /// in ...", after a paragraph about a parent group).
    pub paragraph_start: bool,
}

fn lower(doc: &Document, i: usize) -> String {
    doc.token_text(TokenIdx::new(i)).to_lowercase()
}

fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens.kind[i] == TokenKind::Word
}

fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "'s"
            | "’s"
            | "'ve"
            | "’ve"
            | "'d"
            | "’d"
            | "'ll"
            | "’ll"
            | "did"
            | "does"
            | "do"
            | "to"
    )
}

fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "further"
            | "later"
            | "then"
            | "now"
            | "still"
            | "reportedly"
            | "allegedly"
            | "already"
            | "never"
            | "not"
            | "n't"
            | "n’t"
            | "soon"
            | "recently"
            | "once"
            | "previously"
            | "repeatedly"
            | "subsequently"
            | "again"
            | "often"
            | "even"
            | "apparently"
            | "publicly"
            | "quickly"
            | "immediately"
            | "first"
            | "last"
            | "earlier"
            | "formally"
            | "officially"
            | "allegedly,"
            | "since"
            | "just"
    )
}

/// Reporting verbs (the `parse` role of `data/reporting_verbs.tsv`) and
/// frequent event verbs in the forms that follow a subject. Regular past
/// tenses ("attacked") need no entry: they end in -ed.
fn is_verb_form(w: &str) -> bool {
    dossier_text::wordlists::reporting_verbs().is_form(w, VerbRole::Parse)
        || matches!(
            w,
            "called"
                | "took"
                | "takes"
                | "made"
                | "makes"
                | "met"
                | "meets"
                | "flew"
                | "flies"
                | "went"
                | "goes"
                | "came"
                | "comes"
                | "left"
                | "leaves"
                | "fled"
                | "sent"
                | "sends"
                | "led"
                | "leads"
                | "fought"
                | "fights"
                | "won"
                | "wins"
                | "lost"
                | "loses"
                | "gave"
                | "gives"
                | "began"
                | "begins"
                | "held"
                | "holds"
                | "struck"
                | "strikes"
                | "shot"
                | "seized"
                | "seize"
                | "kept"
                | "brought"
                | "spoke"
                | "speaks"
                | "sought"
                | "seeks"
                | "built"
                | "ran"
                | "runs"
                | "set"
                | "put"
                | "paid"
                | "hit"
                | "saw"
                | "sees"
                | "knew"
                | "thought"
                | "became"
                | "becomes"
                | "grew"
                | "rose"
                | "fell"
                | "drove"
                | "forced"
                | "continue"
                | "continues"
                | "continued"
                | "attack"
                | "attacks"
                | "kill"
                | "kills"
                | "killed"
                | "launch"
                | "launches"
                | "claim"
                | "claims"
                | "use"
                | "uses"
                | "used"
                | "strives"
                | "strive"
                | "operate"
                | "operates"
                | "control"
                | "controls"
                | "reject"
                | "rejects"
        )
}

/// Verbs after which a pronoun subject is pleonastic ("it seems that").
fn is_raising_verb(w: &str) -> bool {
    matches!(
        w,
        "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "happens"
            | "happened"
            | "remains"
            | "remained"
            | "emerged"
            | "follows"
            | "followed"
            | "means"
            | "meant"
            | "matters"
            | "rains"
            | "rained"
            | "turns"
            | "turned"
            | "takes"
            | "took"
            | "costs"
            | "depends"
    )
}

/// Whether the words from token `i` on (within `end`) start a verb phrase
/// whose subject is the word before `i`. Returns false for copulas followed
/// by something that is no verb ("it is clear", "they are for the TTP").
fn starts_verb_phrase(doc: &Document, mut i: usize, end: usize, third_singular: bool) -> bool {
    let syntax = !doc.syntax.is_empty();
    let mut after_aux = false;
    let mut copula = false;
    let mut steps = 0;
    while i < end && steps < 5 {
        steps += 1;
        if !is_word(doc, i) {
            return false;
        }
        let w = lower(doc, i);
        if syntax {
            match doc.syntax.upos[i] {
                Upos::VERB => return !is_raising_verb(&w),
                Upos::AUX | Upos::ADV | Upos::PART => {
                    i += 1;
                    continue;
                }
                _ => return false,
            }
        }
        if is_adverb(&w) {
            i += 1;
            continue;
        }
        if is_aux(&w) {
            after_aux = true;
            copula |= matches!(
                w.as_str(),
                "is" | "was" | "are" | "were" | "be" | "been" | "being" | "'s" | "’s"
            );
            if matches!(
                w.as_str(),
                "have"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "did"
                    | "does"
                    | "do"
                    | "to"
            ) {
                copula = false;
            }
            i += 1;
            continue;
        }
        if !w.chars().all(|c| c.is_alphabetic()) {
            return false;
        }
        if is_raising_verb(&w) {
            return false;
        }
        let participle =
            w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing") || is_verb_form(&w);
        if copula {
            // "it is not acting", "it was created"; a passive of belief
            // before "that" is pleonastic ("it is believed that").
            let next_that = i + 1 < end && lower(doc, i + 1) == "that";
            return participle && (!next_that || w.ends_with("ing"));
        }
        if after_aux {
            return true;
        }
        if is_verb_form(&w) || (w.len() > 4 && w.ends_with("ed")) {
            return true;
        }
        // "it strives", "he speaks": a third-person present after a singular
        // pronoun; after a name this would also catch plural nouns.
        return third_singular
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us");
    }
    false
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "from"
            | "to"
            | "with"
            | "by"
            | "against"
            | "for"
            | "at"
            | "on"
            | "into"
            | "between"
            | "among"
            | "about"
            | "over"
            | "under"
            | "after"
            | "before"
            | "near"
            | "across"
            | "through"
            | "toward"
            | "towards"
            | "via"
            | "within"
            | "without"
    )
}

fn is_reporting_verb(w: &str) -> bool {
    dossier_text::wordlists::reporting_verbs().is_form(w, VerbRole::Coref)
}

/// How prominent the mention at `range` is in its sentence: 2 for a subject,
/// 0.5 inside a prepositional phrase, 1 otherwise.
pub(crate) fn role_weight(doc: &Document, range: TextRange) -> f32 {
    let toks = doc.tokens_in(range);
    if toks.is_empty() {
        return 1.0;
    }
    let Some(s) = doc.sentence_at(range.start()) else {
        return 1.0;
    };
    let sent = doc.sentences[s.index()];
    let (first, end) = (sent.first.index(), sent.last.index());
    if !doc.syntax.is_empty() {
        // The mention's head: its token whose head lies outside it.
        let head = toks.clone().find(|&t| match doc.syntax.head[t] {
            Some(h) => !toks.contains(&h.index()),
            None => true,
        });
        if let Some(h) = head {
            let rel = &*doc.syntax.deprel[h];
            if rel.starts_with("nsubj") {
                return 2.0;
            }
            if rel.starts_with("obl") || rel.starts_with("nmod") {
                return 0.5;
            }
        }
        return 1.0;
    }
    let next = toks.end;
    if next < end && starts_verb_phrase(doc, next, end, false) {
        return 2.0;
    }
    // "..., said Islamic State Khorasan Province": an inverted subject.
    if toks.start > first && is_reporting_verb(&lower(doc, toks.start - 1)) {
        return 2.0;
    }
    // "X, which is ..." and sentence-initial names lead their sentence.
    if toks.start == first || (toks.start == first + 1 && lower(doc, first) == "the") {
        return 2.0;
    }
    // Back over "the", "terror group" and the like to a preposition.
    let mut i = toks.start;
    let mut steps = 0;
    while i > first && steps < 3 {
        i -= 1;
        steps += 1;
        let w = lower(doc, i);
        if is_preposition(&w) {
            return 0.5;
        }
        let lowercase_word = is_word(doc, i) && w == doc.token_text(TokenIdx::new(i));
        if !lowercase_word {
            break;
        }
    }
    1.0
}

/// Whether sentence `si` starts a paragraph: a line break separates it from
/// the sentence before.
fn opens_paragraph(doc: &Document, si: usize) -> bool {
    si == 0 || {
        let gap = doc.sentences[si - 1].range.end()..doc.sentences[si].range.start();
        doc.text()[gap.start as usize..gap.end as usize].contains('\n')
    }
}

/// Head nouns of definite nominals and what they refer to.
fn nominal_head(w: &str) -> Option<Want> {
    Some(match w {
        "group" | "outfit" | "organisation" | "organization" | "movement" | "faction"
        | "network" | "militia" | "militants" | "rebels" | "insurgents" | "jihadists" => {
            Want::Group
        }
        "alliance" | "coalition" | "party" => Want::Org,
        "army" => Want::Named("army"),
        "military" => Want::Named("military"),
        "government" => Want::Named("government"),
        "police" => Want::Named("police"),
        "ministry" => Want::Named("ministry"),
        "navy" => Want::Named("navy"),
        "junta" => Want::Named("junta"),
        "bureau" => Want::Named("bureau"),
        "agency" => Want::Named("agency"),
        "commission" => Want::Named("commission"),
        "committee" => Want::Named("committee"),
        "council" => Want::Named("council"),
        "magazine" | "journal" | "newspaper" | "publication" | "periodical" | "bulletin"
        | "newsletter" => Want::Work,
        "country" | "nation" => Want::Country,
        "city" | "town" | "village" | "capital" => Want::Town,
        _ => return None,
    })
}

/// Finds pronoun subjects and definite nominals outside existing mentions.
pub(crate) fn find_anaphors(doc: &Document, covered: &[TextRange]) -> Vec<Anaphor> {
    // Sorted by start, a range can only overlap the covered ranges that
    // start before it ends; the longest covered range bounds how far back
    // to look. Linear scans here made long documents quadratic.
    let mut sorted: Vec<TextRange> = covered.to_vec();
    sorted.sort_by_key(|c| c.start());
    let longest = sorted.iter().map(|c| c.len()).max().unwrap_or(0);
    let inside = |r: TextRange| {
        let hi = sorted.partition_point(|c| c.start() < r.end());
        sorted[..hi]
            .iter()
            .rev()
            .take_while(|c| c.start() + longest >= r.start())
            .any(|c| c.overlaps(r))
    };
    let mut out = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let (first, end) = (sent.first.index(), sent.last.index());
        let mut i = first;
        while i < end {
            let w = lower(doc, i);
            let range = doc.tokens.range(TokenIdx::new(i));
            if inside(range) {
                i += 1;
                continue;
            }
            let want = match w.as_str() {
                "he" | "she" => Some(Want::Person),
                "it" | "they" => Some(Want::Org),
                _ => None,
            };
            if let Some(want) = want {
                // A subject pronoun: nothing but a clause opener before it.
                let prev_ok = i == first
                    || matches!(
                        lower(doc, i - 1).as_str(),
                        "," | "that"
                            | "as"
                            | "and"
                            | "but"
                            | "when"
                            | "while"
                            | "because"
                            | "after"
                            | "before"
                            | "since"
                            | "if"
                            | "though"
                            | "although"
                            | "where"
                            | "so"
                            | "“"
                            | "\""
                            | ";"
                            | ":"
                            | "until"
                            | "once"
                    )
                    || is_reporting_verb(&lower(doc, i - 1));
                let third = w != "they";
                if prev_ok && starts_verb_phrase(doc, i + 1, end, third) {
                    out.push(Anaphor {
                        range,
                        kind: MentionKind::Pronoun,
                        want,
                        sentence: si,
                        // "they" is as often unnamed people as a group: only
                        // a group in the same or the last sentence will do.
                        window: if w == "they" { 1 } else { 3 },
                        paragraph_start: i == first && opens_paragraph(doc, si),
                    });
                }
                i += 1;
                continue;
            }
            if matches!(w.as_str(), "the" | "this" | "that") {
                // "the outfit", "the militant group", "the jihadist outfit".
                let mut j = i + 1;
                let mut found = None;
                while j < end && j <= i + 3 {
                    let t = doc.token_text(TokenIdx::new(j));
                    if !is_word(doc, j) || t.chars().next().is_some_and(char::is_uppercase) {
                        break;
                    }
                    if let Some(want) = nominal_head(t) {
                        found = Some((j, want));
                        break;
                    }
                    j += 1;
                }
                // "the government" is the one the text named; "the
                // internationally recognised government" may be another.
                let found =
                    found.filter(|&(j, want)| j == i + 1 || !matches!(want, Want::Named(_)));
                if let Some((j, want)) = found {
                    let next = if j + 1 < end {
                        lower(doc, j + 1)
                    } else {
                        String::new()
                    };
                    // "the group of soldiers" and "the country's north"
                    // name something else or only a part.
                    let range = TextRange::new(range.start(), doc.tokens.end[j]);
                    if next != "of" && !inside(range) && j + 1 < end + 1 {
                        out.push(Anaphor {
                            range,
                            kind: MentionKind::Nominal,
                            want,
                            sentence: si,
                            window: 6,
                            paragraph_start: false,
                        });
                    }
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// A mention already tied to an entity, as the resolver sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Antecedent {
    pub start: u32,
    pub sentence: usize,
    pub entity: usize,
    pub weight: f32,
}

/// Picks the entity an anaphor refers to, given the resolved mentions (those
/// before it count) and whether each entity fits what the anaphor wants. Returns the entity and a confidence.
pub(crate) fn pick(
    anaphor: &Anaphor,
    antecedents: &[Antecedent],
    n_entities: usize,
    fits: impl Fn(usize, Want) -> bool,
) -> Option<(usize, f32)> {
    let mut score: Vec<f32> = vec![0.0; n_entities];
    let mut n_mentions: Vec<usize> = vec![0; n_entities];
    for a in antecedents {
        if a.start < anaphor.range.start() && a.entity < n_entities {
            n_mentions[a.entity] += 1;
        }
    }
    for a in antecedents {
        if a.start >= anaphor.range.start()
            || a.entity >= n_entities
            || a.sentence + anaphor.window < anaphor.sentence
            || !fits(a.entity, anaphor.want)
        {
            continue;
        }
        let back = (anaphor.sentence - a.sentence) as i32;
        // Within a sentence, the nearer mention wins a tie.
        let near = 1.0 + a.start as f32 / (anaphor.range.start() as f32 + 1.0) * 0.01;
        score[a.entity] += a.weight * 0.5f32.powi(back) * near;
    }
    let mut best: Option<(usize, f32)> = None;
    let mut total = 0.0;
    for (e, s) in score.iter().enumerate() {
        if *s <= 0.0 {
            continue;
        }
        // How much the document has talked about the entity so far.
        let topic = if anaphor.paragraph_start {
            (n_mentions[e] as f32 * 0.2).min(3.0)
        } else {
            (n_mentions[e] as f32 * 0.1).min(1.0)
        };
        let s = s + topic;
        total += s;
        if !matches!(best, Some((_, b)) if s <= b) {
            best = Some((e, s));
        }
    }
    let (e, s) = best?;
    // Confidence: the winner's share of the salience, within 0.4..0.9.
    Some((e, (0.4 + 0.5 * s / total).min(0.9)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::{tokenize, DocMeta, Syntax};

    fn doc(text: &str) -> Document {
        let mut d = Document::new(text.to_string(), DocMeta::default());
        tokenize::segment(&mut d);
        d
    }

    #[test]
    fn word_order_finds_subjects_and_obliques() {
        let d = doc("ISKP attacked a convoy of the Pakistani army, said Khan.");
        let at = |s: &str| {
            let i = d.text().find(s).unwrap();
            role_weight(&d, TextRange::from_usize(i, i + s.len()))
        };
        assert_eq!(at("ISKP"), 2.0);
        assert_eq!(at("Pakistani army"), 0.5);
        assert_eq!(at("Khan"), 2.0);
    }

    #[test]
    fn syntax_layer_decides_subjects_when_present() {
        // "Officials said ISKP attacked": the parser says ISKP is nsubj.
        let mut d = doc("Officials said ISKP attacked.");
        let n = d.tokens.len();
        let head = |i: usize| Some(TokenIdx::new(i));
        d.syntax = Syntax {
            upos: vec![Upos::NOUN, Upos::VERB, Upos::PROPN, Upos::VERB, Upos::PUNCT],
            xpos: vec![std::sync::Arc::from(""); n],
            lemma: vec![String::new(); n],
            head: vec![head(1), None, head(3), head(1), head(1)],
            deprel: ["nsubj", "root", "nsubj", "ccomp", "punct"]
                .map(std::sync::Arc::from)
                .to_vec(),
        };
        let i = d.text().find("ISKP").unwrap();
        assert_eq!(role_weight(&d, TextRange::from_usize(i, i + 4)), 2.0);
        assert_eq!(role_weight(&d, TextRange::from_usize(0, 9)), 2.0);
    }

    #[test]
    fn only_subject_pronouns_of_verbs_are_anaphors() {
        let d = doc("It has pledged to fight. It is clear that they lost. He termed it a riot.");
        let found: Vec<&str> = find_anaphors(&d, &[])
            .iter()
            .map(|a| d.slice(a.range))
            .collect();
        assert_eq!(found, ["It", "they", "He"]);
    }
}
