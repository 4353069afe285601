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

use dossier_text::wordlists::{self, DesignationRole};
use dossier_text::{EntityType, Relation, SentenceIdx, TimexType};

use crate::claims::{medium_after, FoundClaim};
use crate::lexicon::Lexicon;
use crate::view::{Arg, DocView};

/// Directions before a region ("in northern Guatemala").
const LIST_DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

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

/// Hyphenated compounds ("Iran-backed", "Lahore-based", "al-Qaeda-linked"):
/// the suffix, the predicate, and whether the name before the hyphen is
/// the subject (the backer) or the object (the base, the patron).
const COMPOUNDS: &[(&str, &str, bool)] = &[
    ("-backed", "supports", true),
    ("-funded", "supports", true),
    ("-sponsored", "supports", true),
    ("-supported", "supports", true),
    ("-armed", "supports", true),
    ("-based", "based_in", false),
    ("-linked", "affiliate_of", false),
    ("-affiliated", "affiliate_of", false),
    ("-aligned", "ally_of", false),
    ("-allied", "ally_of", false),
];

/// Words that end the noun phrase a compound modifies.
const PREPOSITIONS: &[&str] = &[
    "by", "of", "in", "on", "at", "with", "from", "for", "to", "and", "or", "near",
];

fn is_compound(word: &str) -> bool {
    COMPOUNDS.iter().any(|(suf, _, _)| word.ends_with(suf))
}

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
    let mut role_end = 0;
    while i < v.len() {
        let words: Vec<&str> = (i..(i + 7).min(v.len())).map(|k| v.word(k)).collect();
        // A plural role ("African envoys", "ambassadors") names a group, not
        // the one person a title or an apposition ties to it; lists of
        // officials are read by `member_of_party` and
        // `nationality_before_name`.
        let singular = |(p, n): &(&crate::lexicon::Phrase, usize)| p.words[n - 1] == words[n - 1];
        // A role inside a longer one that ends with it ("prime minister"
        // in "deputy prime minister") is that role's.
        if let Some((phrase, n)) = lex
            .roles
            .longest(&words)
            .filter(singular)
            .filter(|(_, n)| i + n > role_end)
        {
            role_end = i + n;
            f.role(&phrase.value, phrase.reversed, i, i + n);
        }
        if let Some((phrase, n)) = lex.relphrases.longest(&words) {
            f.phrase(&phrase.value, phrase.reversed, i, i + n);
        }
        if matches!(v.word(i), "its" | "their" | "his" | "her" | "'s" | "’s") {
            f.publication(lex, i);
        }
        f.compound(i);
        f.nationality_before_name(lex, i);
        f.nationality_apposition(lex, i);
        f.member_of_party(lex, i);
        f.sign_off(i);
        f.place_in_place(i);
        f.place_in_region(i);
        f.office_in_place(i);
        i += 1;
    }
    // Last, so that an office the text gives ("Hezbollah's leader X")
    // decides before the bare possessive does.
    for i in 0..v.len() {
        f.possessive_member(i);
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
        // "Tanzanian capital Dar es Salaam": a place lies in the country a
        // nationality names, when the article names that country.
        let object = match predicate {
            "located_in" | "based_in" | "operates_in" => self.country_of(object).unwrap_or(object),
            _ => object,
        };
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
        v.times_near(first)
            .find(|t| {
                span.contains_range(t.range) && t.ttype == TimexType::Date && t.value.is_some()
            })
            .and_then(|t| t.value.clone())
    }

    fn role(&mut self, predicate: &str, reversed: bool, first: usize, last: usize) {
        let v = self.v;
        let (lo, hi) = v.sentence_bounds(first);
        // The object: "of/for/to/with Y" after the role ("in/on/near Y" for
        // a place: "a town in Y"), or "Y's"/"Y" before it.
        let locative = matches!(predicate, "located_in" | "based_in");
        let mut object = None;
        let mut obj_end = last;
        let mut skipped = 0;
        let prep = v.word(last);
        // "Egypt's ambassador to Kenya" is not a member of Kenya; "a
        // professor at Y" is a member of Y.
        let member = predicate == "member_of";
        // "a senior commander in the group", "an official in the ruling
        // party": a post inside an organisation makes a member of it.
        let inside = prep == "in" && matches!(predicate, "member_of" | "leader_of");
        if matches!(prep, "of" | "for" | "with")
            || (prep == "to" && !member)
            || (prep == "at" && member)
            || inside
            || (locative && matches!(prep, "in" | "on" | "near" | "outside"))
        {
            let mut k = last + 1;
            while k < hi
                && skipped < 4
                && v.arg_at(k).is_none()
                && !matches!(v.word(k), "," | "." | "and" | ";")
            {
                k += 1;
                skipped += 1;
            }
            object = v
                .arg_at(k)
                .and_then(|a| self.head_of_modifier(a, hi, locative))
                .filter(|a| !inside || v.etype(*a) == EntityType::Org);
            // "a spokesman for the bureau's Buffalo office": a name after
            // an unnamed possessor names the office, not the employer.
            let owned = (last + 1..k).any(|x| matches!(v.word(x), "'s" | "’s"));
            if owned && !locative {
                object = object.filter(|a| !(a.last < hi && v.is_lower(a.last)));
            }
            obj_end = object.map_or(last, |a| a.last);
        }
        let predicate = if inside && object.is_some() {
            "member_of"
        } else {
            predicate
        };
        let mut mod_start = first;
        while mod_start > lo
            && ROLE_MODIFIERS.contains(&v.word(mod_start - 1))
            && v.arg_at(mod_start - 1).is_none()
        {
            mod_start -= 1;
        }
        // "X, a former adviser to Y" holds the post no more.
        if (mod_start..first).any(|k| matches!(v.word(k), "former" | "ex" | "late")) {
            return;
        }
        // Looser: any lowercase words back to a comma ("X, the armed wing
        // of Y", "X, a national security adviser to Y").
        if mod_start > lo && !matches!(v.word(mod_start - 1), ",") && !v.is_be(mod_start - 1) {
            let mut k = mod_start;
            let mut steps = 0;
            // "the former Syrian branch of": a nationality adjective is a
            // modifier too.
            let has_object = object.is_some();
            let modifier = |k: usize| match v.arg_at(k) {
                Some(a) => has_object && v.etype(a) == EntityType::Norp && a.first == a.last - 1,
                None => !v.is_be(k) && v.is_lower(k),
            };
            while k > lo && steps < 4 && modifier(k - 1) {
                k -= 1;
                steps += 1;
            }
            if k > lo && (v.word(k - 1) == "," || (k > lo + 1 && v.is_be(k - 1))) {
                mod_start = k;
            }
        }
        let mut title_object = false;
        if object.is_none() {
            let mut k = mod_start;
            // "Iran's foreign minister X", "the Egyptian defence minister
            // X": words of the title between the owner and the role noun.
            // Only after a possessive: "Russian opposition leader X" is no
            // leader of the Russians, and the words of a longer title
            // ("prime" of "prime minister") are that title's.
            let mut j = k;
            while j > lo
                && j + 3 > k
                && v.arg_at(j - 1).is_none()
                && !v.is_title(v.word(j - 1))
                && !v.is_be(j - 1)
                && v.word(j - 1).chars().all(char::is_alphabetic)
            {
                j -= 1;
            }
            if j < k && j > lo && matches!(v.word(j - 1), "'s" | "’s") {
                k = j;
            }
            // "Liberal Party presidential candidate X", "Hamas political
            // chief X": an organisation's post may take modifiers.
            let org_before = |j: usize| {
                v.arg_at(j - 1)
                    .is_some_and(|a| a.last == j && v.etype(a) == EntityType::Org)
            };
            if j < k && k <= j + 2 && j > lo && org_before(j) {
                k = j;
            }
            if k > lo && matches!(v.word(k - 1), "'s" | "’s") {
                k -= 1;
            }
            // "Zulia state governor X": an area designation between the
            // place and the office.
            if k > lo + 1
                && (v.word(k - 1) == "provincial"
                    || wordlists::designations().has(v.word(k - 1), DesignationRole::Office))
                && v.arg_at(k - 1).is_none()
                && v.arg_at(k - 2).is_some_and(|a| v.is_place(a))
            {
                k -= 1;
            }
            object = if k > lo { v.arg_at(k - 1) } else { None };
            // "VOA West Africa correspondent X": the place is the post, the
            // organisation before it the employer.
            if let Some(o) = object.filter(|o| {
                matches!(v.etype(*o), EntityType::Gpe | EntityType::Loc) && o.first > lo
            }) {
                if let Some(org) = v
                    .arg_at(o.first - 1)
                    .filter(|a| v.etype(*a) == EntityType::Org && a.entity != o.entity)
                {
                    object = Some(org);
                }
            }
            title_object = object.is_some();
        }
        let Some(object) = object else { return };
        // "a Guatemalan lawyer, X": a nationality before a profession is
        // the person's own, not a client's ("an adviser to the Saudi
        // government" is the state's adviser).
        let predicate =
            if title_object && predicate == "advisor_of" && v.etype(object) == EntityType::Norp {
                "citizen_of"
            } else {
                predicate
            };
        // "their lawyer": a pronoun stands for people or a group here; one
        // that coreference tied to a place was tied wrongly.
        if !locative && v.is_place(object) && !self.named(object) {
            return;
        }
        // A mention that covers the role noun is the noun itself ("the
        // capital" that coreference tied to another city), not its object.
        if object.first < last && object.last > first {
            return;
        }
        // The subject: an apposition head, a copula subject, a name right
        // after the role (a title), or a name after a fronted apposition.
        let mut subject = None;
        let mut confidence = 0.85;
        if title_object {
            // "former Ecuadoran president X" holds the office no more.
            if object.first > lo && matches!(v.word(object.first - 1), "former" | "ex" | "late") {
                return;
            }
            // "X, a Canadian citizen": the modifier sits in an apposition.
            let mut k = object.first;
            while k > lo && ROLE_MODIFIERS.contains(&v.word(k - 1)) {
                k -= 1;
            }
            // "Haftar's son Saddam Haftar"; for a place, "Tanzania's
            // commercial capital Dar es Salaam".
            let named_after = v.arg_at(last).filter(|a| {
                let kind = v.etype(*a) == EntityType::Person || (locative && v.is_place(*a));
                kind && a.entity != object.entity
            });
            // "X, a Canadian citizen"; but in "this week, FBI director
            // Louie Freeh" or "In Brussels, NATO Secretary-General X" the
            // comma closes a fronted phrase, and the title names the
            // person after it.
            let apposition = (k > lo && v.word(k - 1) == ",")
                .then(|| v.arg_ending_at(lo, k - 1))
                .flatten()
                .filter(|s| s.entity != object.entity && types_fit(v, predicate, *s, object));
            if apposition.is_some() {
                subject = apposition;
            } else if named_after.is_some() && object.last <= first {
                // "Haftar's son Saddam Haftar", "its leader Pita", "White
                // House Chief of Staff John Sununu", "Tanzanian capital Dar
                // es Salaam".
                subject = named_after;
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
        // In "the city of X, Y" X is the city and Y holds it: no fronted
        // apposition.
        let city_of = predicate == "located_in" && prep == "of";
        // A place named right before the place noun: "the Buffalo suburb of
        // Amherst" puts Amherst in Buffalo; "the Belen neighborhood of the
        // city of Medellin" puts Belen in Medellin.
        if subject.is_none() && city_of && first > lo {
            if let Some(before) = v
                .arg_at(first - 1)
                .filter(|a| v.is_place(*a) && a.entity != object.entity)
            {
                let (inner, outer) = if skipped == 0 {
                    (object, before)
                } else {
                    (before, object)
                };
                self.push(inner, predicate, outer, before.first, obj_end, 0.7);
                return;
            }
        }
        if subject.is_none() && obj_end < hi && v.word(obj_end) == "," && !city_of {
            subject = v.arg_at(obj_end + 1).filter(|a| {
                matches!(v.word(v.name_end(*a)), "," | ";") || a.last >= v.trim_end(lo, hi)
            });
            confidence = 0.7;
        }
        // "with President of El Salvador Alfredo Cristiani", "Director of
        // the FBI (FBI) Louis Freeh": a fronted title without commas.
        if subject.is_none() && !title_object && obj_end > last {
            let mut k = obj_end;
            if v.word(k) == "(" {
                let acronym = v.arg_at(k + 1).filter(|a| a.entity == object.entity);
                if let Some(a) = acronym.filter(|a| v.word(a.last) == ")") {
                    k = a.last + 1;
                }
            }
            subject = v
                .arg_at(k)
                .filter(|a| a.first == k && v.etype(*a) == EntityType::Person);
            confidence = 0.7;
        }
        let Some(subject) = subject else { return };
        if subject.first < first {
            self.appositions.push((obj_end, subject));
        }
        let (subject, object) = if reversed {
            (object, subject)
        } else {
            (subject, object)
        };
        self.push(subject, predicate, object, first, obj_end, confidence);
    }

    /// The name a modifier stands before: "Russian opposition leader
    /// Alexei Navalny" is Navalny, "Russia's Yamalo-Nenets region" is
    /// Yamalo-Nenets. A possessor before a thing the text does not name
    /// ("leader of El Salvador's civilian left") or a nationality before
    /// two or more words ("chief of the Costa Rican foreign ministry
    /// cabinet") is no object at all: the role holds in that thing. A
    /// place keeps its possessor ("a port city on Libya's eastern coast"
    /// is in Libya). A name with a role and an apposition after it
    /// stands for the person the apposition names ("a lawyer for the
    /// White House secretary, Betty Currie").
    fn head_of_modifier(&self, arg: Arg, hi: usize, locative: bool) -> Option<Arg> {
        let v = self.v;
        let adjective = v.etype(arg) == EntityType::Norp;
        let possessor = matches!(v.word(arg.last), "'s" | "’s");
        // "a lawyer for the Miami relatives": a place that modifies a
        // noun the text does not name is no object.
        let modifies_noun = arg.last < hi
            && v.is_lower(arg.last)
            && v.doc.syntax.upos_of(arg.last) == Some(dossier_text::Upos::NOUN);
        if !locative && v.is_place(arg) && modifies_noun {
            return None;
        }
        if !adjective && !possessor {
            let mut k = arg.last;
            while k < hi && k < arg.last + 2 && v.is_lower(k) && v.is_title(v.word(k)) {
                k += 1;
            }
            let named = (k > arg.last && k + 1 < hi && v.word(k) == ",")
                .then(|| v.arg_at(k + 1))
                .flatten()
                .filter(|p| p.first == k + 1 && v.etype(*p) == EntityType::Person);
            return Some(named.unwrap_or(arg));
        }
        if locative {
            return Some(arg);
        }
        let mut k = arg.last + usize::from(possessor);
        let mut steps = 0;
        let unnamed = |steps: usize| {
            if (possessor && steps > 0) || steps > 1 {
                None
            } else {
                Some(arg)
            }
        };
        while k < hi && steps < 3 && v.arg_at(k).is_none() {
            let w = v.word(k);
            let lower = v.is_lower(k);
            if !lower || matches!(w, "," | "and" | "or" | "of" | "in" | "to") {
                return unnamed(steps);
            }
            k += 1;
            steps += 1;
        }
        match v.arg_at(k) {
            // "a spokesman for the bureau's Buffalo office": a place before
            // a noun names the office, and the possessor owns it.
            // A name typed otherwise that still modifies a noun ("the
            // bureau's Buffalo office") is that office's too.
            Some(head)
                if possessor
                    && steps == 0
                    && head.last < hi
                    && v.is_lower(head.last)
                    && v.word(head.last).chars().all(char::is_alphabetic)
                    && (v.is_place(head)
                        || v.doc.syntax.upos_of(head.last) == Some(dossier_text::Upos::NOUN)) =>
            {
                Some(arg)
            }
            Some(head) if head.entity != arg.entity && (possessor || steps > 0) => Some(head),
            _ => unnamed(steps),
        }
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
        // "a network of Reichsbürger extremists led by X": a participle
        // after a noun phrase describes the name in it, even one after a
        // preposition.
        let subject = if reversed && v.word(last - 1) == "by" {
            self.reduced_relative_head(lo, first).or(subject)
        } else {
            subject
        };
        let Some(subject) = subject else { return };
        let mut objects = v.list_at(last, hi);
        if objects.is_empty() {
            // "control the capital, Sanaa".
            // Not "his GOP backing, White House and Republican sources
            // said": the phrase must have its own object before the comma.
            if let Some(c) = (last + 1..(last + 4).min(hi)).find(|&k| v.word(k) == ",") {
                objects = v.list_at(c + 1, hi);
                objects.truncate(1);
            }
        }
        if objects.is_empty() && matches!(predicate, "operates_in" | "based_in" | "controls") {
            // "Cabo Delgado province, where X has waged an insurgency".
            if let Some(w) = (lo..first).rev().find(|&k| v.word(k) == "where") {
                let mut k = w;
                while k > lo && matches!(v.word(k - 1), ",") {
                    k -= 1;
                }
                let mut steps = 0;
                while k > lo && steps < 2 && v.arg_at(k - 1).is_none() {
                    k -= 1;
                    steps += 1;
                }
                objects.extend(v.arg_ending_at(lo, k).filter(|a| v.is_place(*a)));
            }
        }
        // "the San Salvador - Santa Ana highway": a place before a dash
        // names the road's end, not what is controlled.
        objects.retain(|o| !matches!(v.word(o.last), "-" | "–"));
        for object in objects {
            let (s, o) = if reversed {
                (object, subject)
            } else {
                (subject, object)
            };
            self.push(s, predicate, o, first, last, 0.75);
        }
    }

    /// The name in the noun phrase right before a participle (`at`):
    /// "extremists led by" has none, "a network of Reichsbürger extremists
    /// led by" has Reichsbürger; a comma may close the phrase ("the
    /// Houthis, backed by Iran").
    fn reduced_relative_head(&self, lo: usize, at: usize) -> Option<Arg> {
        let v = self.v;
        let mut k = at;
        if k > lo && v.word(k - 1) == "," {
            k -= 1;
        }
        let mut steps = 0;
        while k > lo && steps < 4 {
            let t = k - 1;
            // "an Iran-backed militia led by": the compound is a modifier.
            let compound = is_compound(v.word(t));
            if v.arg_at(t).is_some() && !compound {
                break;
            }
            let lower = compound || v.is_lower(t);
            if !lower || v.is_break(t) || v.is_be(t) {
                // "X, a militia led by Y": the apposition's head.
                return (v.word(t) == "," && steps > 0)
                    .then(|| v.arg_ending_at(lo, t))
                    .flatten();
            }
            k -= 1;
            steps += 1;
        }
        (k > lo).then(|| v.arg_ending_at(lo, k)).flatten()
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
            let publisher = |a: &Arg| matches!(v.etype(*a), EntityType::Org | EntityType::Person);
            // A possessive binds to its clause's subject: "In a statement
            // released through its outlet, the group said" (the subject
            // follows the fronted phrase) and "The group, which is an
            // affiliate of al Qaeda, claimed the raid through its agency"
            // (coreference may pick the nearer name in the relative clause).
            let (lo, hi) = v.sentence_bounds(at);
            let fronted = matches!(v.word(lo), "in" | "through" | "on" | "via")
                .then(|| (at..hi).find(|&k| v.word(k) == ","))
                .flatten()
                .and_then(|c| v.arg_at(c + 1).filter(|a| v.word(a.last) != "'s"));
            fronted
                .or_else(|| v.subject_left(lo, at))
                .filter(publisher)
                .or_else(|| v.arg_at(at).filter(publisher))
                .or_else(|| self.fallback_owner(at))
        };
        if let Some(owner) = owner {
            self.push(owner, "publishes", medium, at, stop, 0.8);
        }
    }

    /// "an Iran-backed militia", "the Rwanda-backed M23", "a Lahore-based
    /// group": the name before the hyphen is tied to what the compound
    /// describes, the name right after it or, in a copula or an apposition,
    /// the noun phrase's subject.
    fn compound(&mut self, i: usize) {
        let v = self.v;
        let Some((name, predicate, forward)) = COMPOUNDS.iter().find_map(|(suf, p, f)| {
            let word = v.word(i);
            // "al-Qaeda-linked": the last hyphen ends the name.
            word.strip_suffix(suf).map(|n| (n, *p, *f))
        }) else {
            return;
        };
        if name.is_empty() {
            return;
        }
        let Some(backer) = v
            .arg_at(i)
            .filter(|a| v.is_actor(*a) || v.is_place(*a))
            .or_else(|| self.entity_named(name, i))
        else {
            return;
        };
        let (lo, hi) = v.sentence_bounds(i);
        // The noun phrase the compound modifies: a name within three
        // lowercase words after it.
        // Adjectives may stand between ("an Iran-backed Shia militia"),
        // but not a participle or a preposition ("militia led by X").
        let mut k = i + 1;
        while k < hi && k < i + 3 && v.arg_at(k).is_none() {
            let w = v.word(k);
            let lower = v.is_lower(k);
            if !lower || w.ends_with("ed") || v.is_break(k) || PREPOSITIONS.contains(&w) {
                break;
            }
            k += 1;
        }
        let backed = v.arg_at(k).filter(|a| v.is_actor(*a)).or_else(|| {
            // "X is an Iran-backed militia", "X, an Iran-backed group,".
            let mut j = i;
            while j > lo && matches!(v.word(j - 1), "a" | "an" | "the") {
                j -= 1;
            }
            if j == i || j <= lo + 1 {
                return None;
            }
            if v.word(j - 1) == "," {
                v.arg_ending_at(lo, j - 1)
            } else if v.is_be(j - 1) {
                v.arg_ending_at(lo, j - 1)
                    .or_else(|| v.subject_left(lo, j - 1))
            } else {
                None
            }
        });
        if let Some(backed) = backed {
            let (subject, object) = if forward {
                (backer, backed)
            } else {
                (backed, backer)
            };
            self.push(subject, predicate, object, i, i + 1, 0.7);
        }
    }

    /// An entity of the document named `name` (its name, an alias or a
    /// mention's text), as an argument at token `at`: for a name inside a
    /// hyphenated token that no mention covers.
    fn entity_named(&self, name: &str, at: usize) -> Option<Arg> {
        let doc = self.v.doc;
        let (e, entity) = doc.entities.iter().enumerate().find(|(_, e)| {
            e.name.eq_ignore_ascii_case(name)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                || e.mentions.iter().any(|m| {
                    doc.slice(doc.mentions[m.index()].range)
                        .eq_ignore_ascii_case(name)
                })
        })?;
        let mention = entity.mentions.first()?.index();
        Some(Arg {
            entity: dossier_text::EntityId::new(e),
            mention,
            first: at,
            last: at + 1,
        })
    }

    /// A nationality or a state right before a person's name, with at
    /// most three words between: an office ("Kenyan Trade Minister X",
    /// "U.S. Commerce Secretary X": `member_of`; "Costa Rican President X":
    /// `leader_of` when the office follows the state directly), or a plain
    /// description of a national ("Saudi radical X", "Honduran X":
    /// `citizen_of`). A former office ("former Ecuadoran president") is
    /// not one held now.
    fn nationality_before_name(&mut self, lex: &Lexicon, i: usize) {
        let v = self.v;
        let Some(owner) = v
            .arg_at(i)
            .filter(|a| a.first == i && matches!(v.etype(*a), EntityType::Norp | EntityType::Gpe))
        else {
            return;
        };
        if i > 0 && matches!(v.word(i - 1), "former" | "ex" | "late" | "then") {
            return;
        }
        let (_, hi) = v.sentence_bounds(i);
        let mut k = owner.last;
        // "U.S. Ambassador to Colombia X", "Peruvian ambassador in Panama
        // X": the post's place stands between; "Spanish Under Secretary
        // for Foreign Affairs X": up to six words of an office.
        let mut post = None;
        while k < hi && k < owner.last + 6 {
            if let Some(a) = v.arg_at(k) {
                let at_post = post.is_none()
                    && k > owner.last
                    && matches!(v.word(k - 1), "to" | "in")
                    && v.is_place(a);
                if !at_post {
                    break;
                }
                post = Some(k);
                k = a.last;
                continue;
            }
            let w = v.word(k);
            if !w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-') || w == "former" {
                return;
            }
            k += 1;
        }
        // A name, not a pronoun ("African envoys that she met").
        let Some(person) = v
            .arg_at(k)
            .filter(|a| a.first == k && v.etype(*a) == EntityType::Person && self.named(*a))
        else {
            return;
        };
        let long = k > owner.last + 3 || post.is_some();
        // The office ends before the post's preposition.
        let between = owner.last..post.map_or(k, |p| p - 1);
        // The office that ends right before the name decides, the
        // longest first ("Prime Minister X"); else the one nearest the
        // name ("Defense Minister General X").
        let end = between.end;
        let role_at = |j: usize| {
            let words: Vec<&str> = (j..end).map(|x| v.word(x)).collect();
            lex.roles
                .longest(&words)
                .map(|(p, n)| (j, n, p.value.clone()))
        };
        let office = between
            .clone()
            .find_map(|j| role_at(j).filter(|(j, n, _)| j + n == end))
            .or_else(|| between.clone().rev().find_map(role_at));
        match office {
            Some((j, n, predicate)) if predicate == "member_of" => {
                self.push(person, "member_of", owner, i, person.last, 0.7);
                let _ = (j, n);
            }
            Some((j, n, predicate)) if predicate == "leader_of" && j == owner.last => {
                // "Costa Rican President X", not "Russian opposition leader X".
                if j + n == end || (j + n..end).all(|x| v.is_title(v.word(x))) {
                    self.push(person, "leader_of", owner, i, person.last, 0.7);
                }
            }
            Some((_, _, predicate)) if predicate == "citizen_of" => {
                // "U.S. citizens X and Y".
                self.push(person, "citizen_of", owner, i, person.last, 0.7);
                let (_, hi) = v.sentence_bounds(i);
                if let Some(second) = v
                    .second_conjunct(person, hi)
                    .filter(|a| v.etype(*a) == EntityType::Person)
                {
                    self.push(second, "citizen_of", owner, i, second.last, 0.6);
                }
            }
            Some(_) => {}
            None if long => {}
            None => {
                // "Saudi radical X", not "Cuban scientists by X".
                let plain = between.clone().all(|x| {
                    let w = v.word(x);
                    v.is_lower(x)
                        && !v.is_title(w)
                        && !w.ends_with('s')
                        && !PREPOSITIONS.contains(&w)
                });
                if v.etype(owner) == EntityType::Norp && between.len() <= 2 && plain {
                    self.push(person, "citizen_of", owner, i, person.last, 0.6);
                }
            }
        }
    }

    /// A correspondent's sign-off, a sentence of its own: "Purnell Murdock,
    /// VOA News." makes the reporter a member of the broadcaster.
    fn sign_off(&mut self, i: usize) {
        let v = self.v;
        let (lo, hi) = v.sentence_bounds(i);
        if i != lo {
            return;
        }
        let Some(person) = v
            .arg_at(i)
            .filter(|a| a.first == i && v.etype(*a) == EntityType::Person)
        else {
            return;
        };
        if v.word(person.last) != "," {
            return;
        }
        let Some(org) = v
            .arg_at(person.last + 1)
            .filter(|a| a.first == person.last + 1 && v.etype(*a) == EntityType::Org)
        else {
            return;
        };
        // The broadcaster's name may end in "News" outside the mention.
        let mut end = org.last;
        if matches!(v.word(end), "news") {
            end += 1;
        }
        if end >= v.trim_end(lo, hi) {
            self.push(person, "member_of", org, i, end, 0.6);
        }
    }

    /// A nationality in an apposition with a person's name: "the Libyan,
    /// Atif Issa Enhamed," and "Abdallah Mohammed Fadhul, a Comorian
    /// Muslim who": `citizen_of`. An office after the nationality is the
    /// role rules' ("X, a Pakistani official").
    fn nationality_apposition(&mut self, lex: &Lexicon, i: usize) {
        let v = self.v;
        let Some(owner) = v.arg_at(i).filter(|a| {
            a.first == i && a.last == i + 1 && v.etype(*a) == EntityType::Norp && i > 0
        }) else {
            return;
        };
        let (lo, hi) = v.sentence_bounds(i);
        let person = |a: &Arg| v.etype(*a) == EntityType::Person;
        // "the Libyan, X,".
        if v.word(i - 1) == "the" && v.word(i + 1) == "," {
            if let Some(p) = v.arg_at(i + 2).filter(|a| a.first == i + 2 && person(a)) {
                if matches!(v.word(v.name_end(p)), "," | "." | "who") {
                    self.push(p, "citizen_of", owner, i - 1, p.last, 0.6);
                }
            }
            return;
        }
        // "X, a Comorian Muslim who": one or two words after the
        // nationality, none of them an office, then the phrase ends.
        if i < lo + 3 || !matches!(v.word(i - 1), "a" | "an") || v.word(i - 2) != "," {
            return;
        }
        let Some(p) = v.arg_ending_at(lo, i - 2).filter(person) else {
            return;
        };
        let mut k = i + 1;
        let end = |k: usize| matches!(v.word(k), "," | "." | "who" | ";");
        while k < hi
            && k < i + 3
            && !end(k)
            && v.arg_at(k).is_none()
            && v.word(k).chars().all(char::is_alphabetic)
        {
            k += 1;
        }
        let words: Vec<&str> = (i + 1..k).map(|x| v.word(x)).collect();
        let office = (0..words.len()).any(|j| lex.roles.longest(&words[j..]).is_some())
            || words.iter().any(|w| v.is_title(w));
        let ends = k >= hi || end(k);
        if !words.is_empty() && !office && ends {
            self.push(p, "citizen_of", owner, p.first, k, 0.6);
        }
    }

    /// "Srettha Thavisin of Pheu Thai": a person named with a party or a
    /// group right after "of" is its member.
    fn member_of_party(&mut self, lex: &Lexicon, i: usize) {
        let v = self.v;
        if v.word(i) != "of" || i == 0 {
            return;
        }
        // "Marilynn Buckham, of Buffalo Gyn Womanservices, said": a comma
        // may stand between, when the group's name closes the phrase.
        let comma = i > 1 && v.word(i - 1) == ",";
        let Some(person) = v
            .arg_at(i - 1 - usize::from(comma))
            .filter(|a| v.etype(*a) == EntityType::Person)
        else {
            return;
        };
        let mut k = i + 1;
        if matches!(v.word(k), "the") {
            k += 1;
        }
        // "Foreign Minister X of Iran": an official of a state; "the foreign
        // ministers X of Poland, Y of Hungary and Z of the Czech Republic":
        // each item of a list the office introduces.
        let titled = !comma && person.first > 0 && {
            let mut k = person.first;
            while k > 0
                && k + 16 > person.first
                && (v.arg_at(k - 1).is_some()
                    || matches!(v.word(k - 1), "," | "and" | "of" | "the"))
            {
                k -= 1;
            }
            let before = v.word(k.saturating_sub(1));
            k > 0 && (v.is_title(before) || lex.roles.longest(&[before]).is_some())
        };
        let (_, hi) = v.sentence_bounds(i);
        // "X, of the Nationalist Republican Alliance (ARENA), said": the
        // acronym in brackets belongs to the name.
        let after = |a: &Arg| {
            let close = (v.word(a.last) == "(")
                .then(|| (a.last + 1..(a.last + 4).min(hi)).find(|&x| v.word(x) == ")"))
                .flatten();
            close.map_or(a.last, |c| c + 1)
        };
        let Some(group) = v.arg_at(k).filter(|a| {
            let end = after(a);
            let closed = !comma || end >= v.trim_end(i, hi) || v.word(end) == ",";
            closed && (v.etype(*a) == EntityType::Org || (titled && v.etype(*a) == EntityType::Gpe))
        }) else {
            return;
        };
        self.push(person, "member_of", group, i, i + 1, 0.6);
    }

    /// "NPR's Elaine Corey", "Hamas's Ismail Haniyeh": an organisation's
    /// possessive right before a person's name makes the person its
    /// member, unless another rule already tied the two ("Hezbollah's
    /// leader Hassan Nasrallah") or an office follows the name ("NPR's
    /// Elaine Corey, a spokeswoman for ...": the apposition decides).
    fn possessive_member(&mut self, i: usize) {
        let v = self.v;
        let Some(org) = v
            .arg_at(i)
            .filter(|a| a.first == i && v.etype(*a) == EntityType::Org && self.named(*a))
        else {
            return;
        };
        if !matches!(v.word(org.last), "'s" | "’s" | "'" | "’") {
            return;
        }
        let Some(person) = v.arg_at(org.last + 1).filter(|a| {
            a.first == org.last + 1 && v.etype(*a) == EntityType::Person && self.named(*a)
        }) else {
            return;
        };
        let tied = self.out.iter().any(|r| {
            (r.subject == person.entity && r.object == org.entity)
                || (r.subject == org.entity && r.object == person.entity)
        });
        if !tied {
            self.push(person, "member_of", org, i, person.last, 0.6);
        }
    }

    /// "Sanaa, Yemen", "BONN, Germany", "Nairobi, Kenya, and Dar es
    /// Salaam, Tanzania": a place and, after a comma, the country or
    /// province that holds it. The outer place must be a country or a
    /// province the knowledge base knows, the inner one of a lower level and
    /// in the same country, so that lists ("Iraq, Syria and Libya", "Sindh,
    /// Punjab") are not read as containment.
    fn place_in_place(&mut self, i: usize) {
        let v = self.v;
        let place_at = |k: usize| {
            v.arg_at(k)
                .filter(|a| a.first == k && v.is_place(*a) && self.named(*a))
        };
        let Some(inner) = place_at(i) else { return };
        let comma = inner.last;
        if v.word(comma) != "," {
            return;
        }
        let Some(outer) = place_at(comma + 1) else {
            return;
        };
        let geo = |a: Arg| self.geo(a);
        let Some(outer_geo) = geo(outer) else { return };
        let rank = level_rank;
        let outer_rank = rank(&outer_geo.level);
        // "RAMALLAH, West Bank (AP)": a dateline may name a region that
        // is no state or province; elsewhere "Gaza, West Bank and ..." is
        // a list.
        let (lo, _) = v.sentence_bounds(i);
        let capitals = (inner.first..inner.last).all(|k| {
            let w = v.doc.slice(v.range(k));
            w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
        });
        let dateline = i == lo && capitals && outer_geo.level == "region";
        if outer_rank > 1 && !dateline {
            return;
        }
        let fits = match geo(inner) {
            Some(g) if dateline => g.country == outer_geo.country && g.level != "region",
            Some(g) => rank(&g.level) > outer_rank && g.country == outer_geo.country,
            // A place the knowledge base does not know: a village, a
            // quarter.
            None => true,
        };
        if fits {
            self.push(inner, "located_in", outer, i, outer.last, 0.7);
        }
    }

    /// "Medellin in northwestern Colombia", "Achi, in the northern
    /// department of Bolivar", "the Santa Isabel neighborhood in Santa
    /// Ana": a place, "in", a direction or an area noun, and a place that
    /// holds it (a country or a province the knowledge base knows, or a
    /// place it does not know inside a known one).
    fn place_in_region(&mut self, i: usize) {
        let v = self.v;
        let Some(inner) = v
            .arg_at(i)
            .filter(|a| a.first == i && v.is_place(*a) && self.named(*a))
        else {
            return;
        };
        let mut k = inner.last;
        let place_noun = |w: &str| {
            wordlists::designations()
                .has(w.strip_suffix('s').unwrap_or(w), DesignationRole::PlaceNoun)
        };
        // "the Escalon and San Benito neighborhoods in": the first of two
        // places before a plural place noun.
        if v.word(k) == "and" {
            if let Some(next) = v
                .arg_at(k + 1)
                .filter(|a| a.first == k + 1 && v.is_place(*a))
            {
                if v.word(next.last).ends_with('s') && place_noun(v.word(next.last)) {
                    k = next.last;
                }
            }
        }
        // "the Santa Isabel neighborhood in": a place noun after the name.
        let noun = place_noun(v.word(k));
        if noun {
            k += 1;
        }
        if v.word(k) == "," {
            k += 1;
        }
        if v.word(k) != "in" {
            return;
        }
        k += 1;
        let mut steps = 0;
        while steps < 4 && v.arg_at(k).is_none() {
            let w = v.word(k);
            let area = matches!(w, "the" | "of")
                || wordlists::designations().has(w, DesignationRole::InArea)
                || LIST_DIRECTIONS.contains(&w);
            if !area {
                return;
            }
            k += 1;
            steps += 1;
        }
        // "in Nigeria's Kaduna state": the possessor is not the region.
        let Some(outer) = v
            .arg_at(k)
            .filter(|a| a.first == k && v.is_place(*a) && !matches!(v.word(a.last), "'s"))
        else {
            return;
        };
        let geo = |a: Arg| self.geo(a);
        let rank = level_rank;
        let fits = match (geo(inner), geo(outer)) {
            (Some(g), Some(o)) => rank(&g.level) > rank(&o.level),
            // A neighbourhood the knowledge base does not know lies in the
            // town named after it.
            (None, Some(o)) => rank(&o.level) <= 1 || noun,
            // All-caps copy geocodes less: the area noun or the direction
            // says it is a region.
            (_, None) => steps > 0,
        };
        if fits {
            self.push(inner, "located_in", outer, i, outer.last, 0.65);
        }
    }

    /// "the Nicaraguan embassy in Tegucigalpa": an embassy or an office and
    /// the place it is based in; "the Harry Truman Library in
    /// Independence": a building and the place it stands in.
    fn office_in_place(&mut self, i: usize) {
        let v = self.v;
        let office_word = |a: &Arg| {
            matches!(
                v.word(a.last - 1),
                "embassy" | "consulate" | "office" | "mission" | "headquarters"
            )
        };
        let Some(office) = v.arg_at(i).filter(|a| {
            a.first == i
                && self.named(*a)
                && match v.etype(*a) {
                    EntityType::Org => office_word(a),
                    // "the Harry Truman Library in Independence"; an
                    // embassy is an office, typed a building or not.
                    EntityType::Fac => !office_word(a),
                    _ => false,
                }
        }) else {
            return;
        };
        if v.word(office.last) != "in" {
            return;
        }
        if let Some(place) = v
            .arg_at(office.last + 1)
            .filter(|a| a.first == office.last + 1 && v.is_place(*a))
        {
            let predicate = if v.etype(office) == EntityType::Fac {
                "located_in"
            } else {
                "based_in"
            };
            self.push(office, predicate, place, i, place.last, 0.7);
        }
    }

    /// The country a nationality names ("Tanzanian": Tanzania), as the
    /// article's entity for it, at the nationality's tokens.
    fn country_of(&self, a: Arg) -> Option<Arg> {
        let doc = self.v.doc;
        let norp = doc.entities.get(a.entity.index())?;
        if norp.etype != EntityType::Norp {
            return None;
        }
        let code = norp.kb_id.as_deref()?.strip_prefix("dossier:demonym-")?;
        let (e, country) = doc.entities.iter().enumerate().find(|(_, e)| {
            e.etype == EntityType::Gpe
                && e.geo.as_ref().is_some_and(|g| {
                    g.level == "country"
                        && g.country
                            .as_deref()
                            .is_some_and(|c| c.eq_ignore_ascii_case(code))
                })
        })?;
        Some(Arg {
            entity: dossier_text::EntityId::new(e),
            mention: country.mentions.first()?.index(),
            first: a.first,
            last: a.last,
        })
    }

    /// Whether the argument's own mention covers it: a name, not a
    /// nominal ("the capital") that coreference tied to a name elsewhere.
    fn named(&self, a: Arg) -> bool {
        let doc = self.v.doc;
        doc.mentions.get(a.mention).is_some_and(|m| {
            m.range.contains_range(self.v.range(a.first))
                && matches!(
                    m.kind,
                    dossier_text::MentionKind::Name | dossier_text::MentionKind::Acronym
                )
        })
    }

    /// Where the knowledge base places an argument's entity.
    fn geo(&self, a: Arg) -> Option<&dossier_text::Geo> {
        self.v
            .doc
            .entities
            .get(a.entity.index())
            .and_then(|e| e.geo.as_ref())
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

/// Countries above provinces above the rest.
fn level_rank(level: &str) -> u8 {
    match level {
        "country" => 0,
        "admin1" => 1,
        _ => 2,
    }
}

/// Loose type checks: they drop readings that cannot be right ("Kabul,
/// the head of ..."), not ones that are merely unusual.
fn types_fit(v: &DocView, predicate: &str, subject: Arg, object: Arg) -> bool {
    use EntityType::*;
    let (s, o) = (v.etype(subject), v.etype(object));
    let agent = |t| matches!(t, Person | Org | Gpe | Norp);
    match predicate {
        // An institution the knowledge base types by its building ("White
        // House spokesman X") has members too.
        "spokesperson_of" | "leader_of" | "member_of" | "advisor_of" => {
            s == Person && (agent(o) || o == Fac)
        }
        "citizen_of" => s == Person && matches!(o, Gpe | Norp),
        "sibling_of" | "family_of" => s == Person && o == Person,
        "affiliate_of" | "faction_of" | "formed_from" => s == Org && o == Org,
        "operates_in" | "controls" | "based_in" => agent(s) && o.is_place(),
        "located_in" => s.is_place() && o.is_place(),
        "publishes" => matches!(s, Org | Person | Gpe) && matches!(o, Work | Org | Misc),
        _ => agent(s) && (agent(o) || o.is_place()),
    }
}
