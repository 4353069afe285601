//! Relations between entities from role nouns, relation phrases and
//! publications.
//!
//! Role nouns ("spokesman", "head", "affiliate") tie the name they describe
//! to the name after "of"/"for"/"to" or before "'s": in an apposition ("X, a
//! spokesman for Y"), a copula ("X is the head of Y"), a title ("TTP chief
//! X") or a fronted apposition ("the head of Y, X,"). Relation phrases
//! ("active in", "engaged in a power struggle with", "backed by") take the
//! subject to their left and every item of the list to their right. A
//! possessive before a medium noun ("its periodical magazine named ...")
//! gives `publishes`.

use dossier_text::{EntityType, Relation, SentenceIdx, TimexType};

use crate::claims::{medium_after, FoundClaim};
use crate::lexicon::Lexicon;
use crate::view::{Arg, DocView};

/// Predicates that hold both ways.
pub const SYMMETRIC: &[&str] = &["ally_of", "rival_of", "sibling_of", "family_of"];

/// Words that may stand between a role noun and its article or comma
/// ("a senior commander of", "the former head of").
const ROLE_MODIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "former",
    "senior",
    "top",
    "deputy",
    "then",
    "chief",
    "new",
    "current",
    "late",
    "self-styled",
    "acting",
    "regional",
    "local",
    "official",
    "key",
    "main",
    "close",
    "longtime",
    "long-time",
    "military",
    "political",
    "interim",
    "powerful",
];

struct Finder<'v, 'a> {
    v: &'v DocView<'a>,
    claims: &'v [FoundClaim],
    out: Vec<Relation>,
    /// Apposition heads by the token after their object: an adjectival
    /// phrase there ("..., an affiliate of ISIS active in ...") describes
    /// the head, not the object.
    appositions: Vec<(usize, Arg)>,
}

pub fn find(lex: &Lexicon, v: &DocView, claims: &[FoundClaim]) -> Vec<Relation> {
    let mut f = Finder {
        v,
        claims,
        out: Vec::new(),
        appositions: Vec::new(),
    };
    let mut i = 0;
    while i < v.len() {
        let words: Vec<&str> = (i..(i + 7).min(v.len())).map(|k| v.word(k)).collect();
        if let Some((phrase, n)) = lex.roles.longest(&words) {
            f.role(&phrase.value, i, i + n);
        }
        if let Some((phrase, n)) = lex.relphrases.longest(&words) {
            f.phrase(&phrase.value, phrase.reversed, i, i + n);
        }
        if matches!(v.word(i), "its" | "their" | "his" | "her" | "'s" | "’s") {
            f.publication(lex, i);
        }
        i += 1;
    }
    f.out
}

impl Finder<'_, '_> {
    fn push(
        &mut self,
        subject: Arg,
        predicate: &str,
        object: Arg,
        first: usize,
        last: usize,
        confidence: f32,
    ) {
        let v = self.v;
        if subject.entity == object.entity || !types_fit(v, predicate, subject, object) {
            return;
        }
        let (first, last) = (
            first.min(subject.first).min(object.first),
            last.max(subject.last).max(object.last),
        );
        let evidence = v.span(first, last);
        let duplicate = self.out.iter().any(|r| {
            r.predicate == predicate
                && ((r.subject == subject.entity && r.object == object.entity)
                    || (SYMMETRIC.contains(&predicate)
                        && r.subject == object.entity
                        && r.object == subject.entity))
        });
        if duplicate {
            return;
        }
        let attributed_to = self
            .claims
            .iter()
            .filter(|c| c.first <= first && last <= c.last)
            .min_by_key(|c| c.last - c.first)
            .and_then(|c| c.claim.speaker);
        self.out.push(Relation {
            subject: subject.entity,
            predicate: predicate.to_string(),
            object: object.entity,
            sentence: SentenceIdx::new(v.sentence_of.get(first).copied().unwrap_or(0)),
            evidence,
            confidence,
            attributed_to,
            time: self.time_near(first, last),
        });
    }

    /// A date inside the evidence or right after it ("since 2014").
    fn time_near(&self, first: usize, last: usize) -> Option<String> {
        let v = self.v;
        let (_, s_hi) = v.sentence_bounds(first);
        let hi = (last + 4).min(s_hi).max(last);
        let span = v.span(first, hi);
        v.doc
            .times
            .iter()
            .find(|t| {
                span.contains_range(t.range) && t.ttype == TimexType::Date && t.value.is_some()
            })
            .and_then(|t| t.value.clone())
    }

    fn role(&mut self, predicate: &str, first: usize, last: usize) {
        let v = self.v;
        let (lo, hi) = v.sentence_bounds(first);
        // The object: "of/for/to/with Y" after the role, or "Y's"/"Y" before it.
        let mut object = None;
        let mut obj_end = last;
        if matches!(v.word(last), "of" | "for" | "to" | "with") {
            let mut k = last + 1;
            let mut skipped = 0;
            while k < hi
                && skipped < 4
                && v.arg_at(k).is_none()
                && !matches!(v.word(k), "," | "." | "and" | ";")
            {
                k += 1;
                skipped += 1;
            }
            object = v.arg_at(k);
            obj_end = object.map_or(last, |a| a.last);
        }
        let mut mod_start = first;
        while mod_start > lo
            && ROLE_MODIFIERS.contains(&v.word(mod_start - 1))
            && v.arg_at(mod_start - 1).is_none()
        {
            mod_start -= 1;
        }
        // Looser: any lowercase words back to a comma ("X, the armed wing
        // of Y", "X, a national security adviser to Y").
        if mod_start > lo && !matches!(v.word(mod_start - 1), ",") && !v.is_be(mod_start - 1) {
            let mut k = mod_start;
            let mut steps = 0;
            while k > lo
                && steps < 4
                && v.arg_at(k - 1).is_none()
                && !v.is_be(k - 1)
                && v.doc
                    .token_text(dossier_text::TokenIdx::new(k - 1))
                    .starts_with(|c: char| c.is_lowercase())
            {
                k -= 1;
                steps += 1;
            }
            if k > lo && v.word(k - 1) == "," {
                mod_start = k;
            }
        }
        let mut title_object = false;
        if object.is_none() {
            let mut k = mod_start;
            if k > lo && matches!(v.word(k - 1), "'s" | "’s") {
                k -= 1;
            }
            object = if k > lo { v.arg_at(k - 1) } else { None };
            title_object = object.is_some();
        }
        let Some(object) = object else { return };
        if object.first >= first && object.last <= last {
            return;
        }
        // The subject: an apposition head, a copula subject, a name right
        // after the role (a title), or a name after a fronted apposition.
        let mut subject = None;
        let mut confidence = 0.85;
        if title_object {
            // "X, a Canadian citizen": the modifier sits in an apposition.
            let mut k = object.first;
            while k > lo && ROLE_MODIFIERS.contains(&v.word(k - 1)) {
                k -= 1;
            }
            if k > lo && v.word(k - 1) == "," {
                subject = v.arg_ending_at(lo, k - 1);
            } else {
                // "Hamas spokesman Abu Obeida", "army chief General X".
                let named = v.titled_name(object, hi);
                subject = (named != object).then_some(named);
            }
            confidence = 0.75;
        } else if mod_start > lo && v.word(mod_start - 1) == "," {
            subject = v.arg_ending_at(lo, mod_start - 1);
        } else if mod_start > lo + 1 && v.is_be(mod_start - 1) {
            subject = v
                .arg_ending_at(lo, mod_start - 1)
                .or_else(|| v.subject_left(lo, mod_start - 1));
            confidence = 0.8;
        }
        if subject.is_none() && obj_end < hi && v.word(obj_end) == "," {
            subject = v
                .arg_at(obj_end + 1)
                .filter(|a| v.word(a.last) == "," || a.last >= v.trim_end(lo, hi));
            confidence = 0.7;
        }
        let Some(subject) = subject else { return };
        if subject.first < first {
            self.appositions.push((obj_end, subject));
        }
        self.push(subject, predicate, object, first, obj_end, confidence);
    }

    fn phrase(&mut self, predicate: &str, reversed: bool, first: usize, last: usize) {
        let v = self.v;
        let (lo, hi) = v.sentence_bounds(first);
        let adjectival =
            v.word(first - usize::from(first > 0)) != "," && !v.word(first).ends_with('s');
        let subject = self
            .appositions
            .iter()
            .find(|(end, _)| *end == first && adjectival)
            .map(|(_, a)| *a)
            .or_else(|| {
                let s = v.subject_left(lo, first);
                // A participle clause after a comma speaks of the main subject.
                if v.word(first.saturating_sub(1)) == ","
                    && v.arg_ending_at(lo, first - 1).is_none()
                {
                    v.first_subject(lo, first).or(s)
                } else {
                    s
                }
            });
        let Some(subject) = subject else { return };
        let mut objects = v.list_at(last, hi);
        if objects.is_empty() {
            // "control the capital, Sanaa".
            if let Some(c) = (last..(last + 4).min(hi)).find(|&k| v.word(k) == ",") {
                objects = v.list_at(c + 1, hi);
                objects.truncate(1);
            }
        }
        for object in objects {
            let (s, o) = if reversed {
                (object, subject)
            } else {
                (subject, object)
            };
            self.push(s, predicate, o, first, last, 0.75);
        }
    }

    /// "its periodical magazine named X", "ISKP's Amaq news agency".
    fn publication(&mut self, lex: &Lexicon, at: usize) {
        let v = self.v;
        let Some((medium, stop)) = medium_after(lex, v, at, (at + 10).min(v.len())) else {
            return;
        };
        let owner = if matches!(v.word(at), "'s" | "’s") {
            v.arg_ending_at(0, at)
        } else {
            // A publisher is a group or a person; when "its" resolved to a
            // place (coreference picks the nearest name), the group the
            // sentence is about is the better reading.
            v.arg_at(at)
                .filter(|a| matches!(v.etype(*a), EntityType::Org | EntityType::Person))
                .or_else(|| self.fallback_owner(at))
        };
        if let Some(owner) = owner {
            self.push(owner, "publishes", medium, at, stop, 0.8);
        }
    }

    /// The owner of "its ... magazine" when no organisation was resolved:
    /// the subject of the sentence if it is one, else the nearest
    /// organisation named before.
    fn fallback_owner(&self, at: usize) -> Option<Arg> {
        let v = self.v;
        let (lo, _) = v.sentence_bounds(at);
        let is_org = |a: &Arg| v.etype(*a) == EntityType::Org;
        v.first_subject(lo, at).filter(is_org).or_else(|| {
            (0..at)
                .rev()
                .filter_map(|k| v.arg_at(k))
                .find(|a| is_org(a) && !matches!(v.word(a.first), "its" | "their"))
        })
    }
}

/// Loose type checks: they drop readings that cannot be right ("Kabul,
/// the head of ..."), not ones that are merely unusual.
fn types_fit(v: &DocView, predicate: &str, subject: Arg, object: Arg) -> bool {
    use EntityType::*;
    let (s, o) = (v.etype(subject), v.etype(object));
    let agent = |t| matches!(t, Person | Org | Gpe | Norp);
    match predicate {
        "spokesperson_of" | "leader_of" | "member_of" | "advisor_of" => s == Person && agent(o),
        "citizen_of" => s == Person && matches!(o, Gpe | Norp),
        "sibling_of" | "family_of" => s == Person && o == Person,
        "affiliate_of" | "faction_of" | "formed_from" => s == Org && o == Org,
        "operates_in" | "controls" | "based_in" => agent(s) && o.is_place(),
        "located_in" => s.is_place() && o.is_place(),
        "publishes" => matches!(s, Org | Person | Gpe) && matches!(o, Work | Org | Misc),
        _ => agent(s) && (agent(o) || o.is_place()),
    }
}
