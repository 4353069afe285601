//! MUC-4 templates from coded events and the parse, scored GTT-style.
//!
//! Two readers fill the templates. The coded events of a document (CAMEO
//! roots 18 to 20) give an incident type from the code (183 bombing, 181
//! kidnapping, the rest attack), their source as PerpOrg (an organisation)
//! or PerpInd (a person), their target as Victim (a person) or Target (a
//! facility, or an organisation named as a place), and the weapon nouns of
//! the event's sentence. The parse gives the rest ([`parsed_templates`]):
//! each verb or noun of `data/muc4.tsv`'s triggers ("killed", "bombing",
//! "set fire", "kidnapped") is an incident, its subject or "by" phrase the
//! perpetrator, its object (or the place a bomb went off) the target or
//! victim, its instruments the weapons. MUC-4 keys name victims and
//! describe targets without their number, so a victim is a named person and
//! "three buses" fills Target as "buses". Incidents of one type make one
//! template per document.
//!
//! Scoring follows the GTT evaluation in spirit: predicted templates are
//! aligned one-to-one with gold templates of a compatible incident type so
//! that matched role fillers are maximal; a filler is right when one of its
//! entity's mention strings equals one of the gold entity's mention strings
//! (lowercased, leading article dropped). Micro-averaged over the five
//! roles. This is our reimplementation, not GTT's script.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use dossier_text::{Document, EntityId, EntityType, TokenIdx, Upos};
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

/// Weapon fillers in the sentence of `range`: each weapon noun with the
/// spellings a gold filler may use ("bomb", "powerful bomb").
fn weapons(doc: &Document, range: dossier_text::TextRange) -> Vec<Vec<String>> {
    let set = &LISTS.weapon;
    nouns_in_sentence(doc, range, |w| {
        set.contains(w) || w.strip_suffix('s').is_some_and(|w| set.contains(w))
    })
}

/// Nouns that `is_in` accepts (of one to three words) in the sentence of
/// `range`, each with one or two words before it as other spellings.
fn nouns_in_sentence(
    doc: &Document,
    range: dossier_text::TextRange,
    is_in: impl Fn(&str) -> bool,
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
            .find(|&n| i + n <= words.len() && is_in(&words[i..i + n].join(" ")));
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

/// Templates from an annotated document: the coded events (see the
/// module's notes) and the incidents the parse shows (see
/// [`parsed_templates`]), one template per incident type.
pub fn templates(doc: &Document) -> Vec<Template> {
    let mut out: Vec<Template> = Vec::new();
    for t in event_templates(doc)
        .into_iter()
        .chain(parsed_templates(doc))
    {
        match out.iter_mut().find(|o| o.incident == t.incident) {
            Some(o) => {
                for (have, add) in o.roles.iter_mut().zip(t.roles) {
                    for filler in add {
                        push_filler(have, filler);
                    }
                }
            }
            None => out.push(t),
        }
    }
    out.retain(|t| t.roles.iter().any(|r| !r.is_empty()));

    out
}

/// Adds a filler to a role unless one of its spellings is there already;
/// then the spellings are merged.
fn push_filler(role: &mut Vec<Vec<String>>, filler: Vec<String>) {
    match role
        .iter_mut()
        .find(|have| have.iter().any(|s| filler.contains(s)))
    {
        Some(have) => {
            for s in filler {
                if !have.contains(&s) {
                    have.push(s);
                }
            }
        }
        None => role.push(filler),
    }
}

/// The word lists of `data/muc4.tsv`.
#[derive(Debug, Default)]
struct Lists {
    triggers: HashMap<String, String>,
    weapon: HashSet<String>,
    perp: HashSet<String>,
    perp_org: HashSet<String>,
    human: HashSet<String>,
    target: HashSet<String>,
    support: HashSet<String>,
    attacker: HashSet<String>,
    blame: HashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists::parse(include_str!("../data/muc4.tsv")));

impl Lists {
    fn parse(table: &str) -> Lists {
        let mut l = Lists::default();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(words)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            let words = words.trim().to_string();
            match *kind {
                "trigger" => {
                    if let Some(v) = cols.get(2) {
                        l.triggers.insert(words, v.trim().to_string());
                    }
                }
                "weapon" => {
                    l.weapon.insert(words);
                }
                "perp" => {
                    l.perp.insert(words);
                }
                "perp-org" => {
                    l.perp_org.insert(words);
                }
                "human" => {
                    l.human.insert(words);
                }
                "target" => {
                    l.target.insert(words);
                }
                "support" => {
                    l.support.insert(words);
                }
                "attacker" => {
                    l.attacker.insert(words);
                }
                "blame" => {
                    l.blame.insert(words);
                }
                _ => {}
            }
        }
        l
    }
}

/// What a role of an incident holds: the head tokens of its phrases.
#[derive(Default)]
struct Args {
    agents: Vec<usize>,
    patients: Vec<usize>,
    weapons: Vec<usize>,
}

/// One sentence's parse as children lists.
struct Parse<'d> {
    doc: &'d Document,
    lo: usize,
    hi: usize,
    children: Vec<Vec<usize>>,
    /// The mention over each token of the sentence.
    mention_at: Vec<Option<usize>>,
}

impl<'d> Parse<'d> {
    fn new(doc: &'d Document, lo: usize, hi: usize, mention_at: Vec<Option<usize>>) -> Parse<'d> {
        let mut children = vec![Vec::new(); hi - lo];
        for i in lo..hi {
            if let Some(h) = doc.syntax.head_of(i) {
                if (lo..hi).contains(&h) && h != i {
                    children[h - lo].push(i);
                }
            }
        }
        Parse {
            doc,
            lo,
            hi,
            children,
            mention_at,
        }
    }

    fn kids(&self, i: usize) -> &[usize] {
        &self.children[i - self.lo]
    }

    fn rel(&self, i: usize) -> &str {
        self.doc.syntax.deprel_of(i)
    }

    fn upos(&self, i: usize) -> Option<Upos> {
        self.doc.syntax.upos_of(i)
    }

    fn lemma(&self, i: usize) -> String {
        self.doc
            .syntax
            .lemma
            .get(i)
            .map_or_else(|| self.word(i), |l| l.to_lowercase())
    }

    fn word(&self, i: usize) -> String {
        self.doc.token_text(TokenIdx::new(i)).to_lowercase()
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.doc
            .syntax
            .head_of(i)
            .filter(|h| (self.lo..self.hi).contains(h))
    }

    /// The case marker of a nominal ("by", "with", "of").
    fn case(&self, i: usize) -> Option<String> {
        self.kids(i)
            .iter()
            .find(|&&c| self.rel(c) == "case")
            .map(|&c| self.lemma(c))
    }

    /// Whether `i` heads a phrase whose head (or head with the word before
    /// it) is in `set`.
    fn head_in(&self, i: usize, set: &HashSet<String>) -> bool {
        let lemma = self.lemma(i);
        let word = self.word(i);
        set.contains(&lemma)
            || set.contains(&word)
            || word.strip_suffix('s').is_some_and(|w| set.contains(w))
            || (i > self.lo && set.contains(&format!("{} {}", self.word(i - 1), lemma)))
    }

    /// Whether a verb is negated or only possible ("did not kill", "may
    /// attack"): no incident then.
    fn unreal(&self, i: usize) -> bool {
        self.kids(i).iter().any(|&c| {
            let l = self.lemma(c);
            (self.rel(c) == "advmod" && matches!(l.as_str(), "not" | "never" | "n't"))
                || (self.rel(c) == "aux"
                    && matches!(
                        l.as_str(),
                        "will" | "would" | "could" | "may" | "might" | "should" | "must" | "shall"
                    ))
        })
    }

    /// `i` and its conjuncts ("peasants and students").
    fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let h = out[k];
            out.extend(self.kids(h).iter().filter(|&&c| self.rel(c) == "conj"));
            k += 1;
        }
        out
    }

    /// The token span of the phrase headed by `i`, without its clauses,
    /// appositions, conjuncts and punctuation; `left_only` keeps only the
    /// words before the head ("the big bomb" of "the big bomb in the car").
    fn span(&self, i: usize, left_only: bool) -> (usize, usize) {
        let (mut a, mut b) = (i, i);
        let mut stack = vec![i];
        while let Some(h) = stack.pop() {
            for &c in self.kids(h) {
                let r = self.rel(c);
                if matches!(
                    r,
                    "acl:relcl" | "acl" | "appos" | "conj" | "cc" | "punct" | "parataxis" | "dep"
                ) || (left_only && h == i && c > i)
                {
                    continue;
                }
                if h == i && c < i && matches!(r, "case" | "det" | "cc:preconj") {
                    continue;
                }
                a = a.min(c);
                b = b.max(c);
                stack.push(c);
            }
        }
        // A phrase is one run of words: it stops at a comma or bracket
        // the parse put inside it.
        while a < i
            && matches!(
                self.word(a).as_str(),
                "," | "(" | ")" | "\"" | "the" | "a" | "an" | "--"
            )
        {
            a += 1;
        }
        while b > i && matches!(self.word(b).as_str(), "," | "(" | ")" | "\"" | "." | "--") {
            b -= 1;
        }
        (a, b + 1)
    }

    /// The text of tokens `a..b`, lowercased.
    fn text(&self, a: usize, b: usize) -> String {
        let start = self.doc.tokens.start[a] as usize;
        let end = self.doc.tokens.end[b - 1] as usize;
        norm(&self.doc.text()[start..end])
    }

    /// The spellings of the phrase headed by `i`: the whole phrase, and
    /// the head with the words before it when that is shorter.
    fn spellings(&self, i: usize) -> Vec<String> {
        let (a, b) = self.span(i, false);
        let mut out = vec![self.text(a, b)];
        let (a2, b2) = self.span(i, true);
        let short = self.text(a2, b2);
        if !out.contains(&short) {
            out.push(short);
        }
        out
    }

    /// The spellings of the phrase headed by `i` without the number
    /// words at its start ("at least 10 buses" -> "buses").
    fn spellings_without_number(&self, i: usize) -> Vec<String> {
        let mut out = Vec::new();
        for left_only in [false, true] {
            let (mut a, b) = self.span(i, left_only);
            while a < i
                && (matches!(self.upos(a), Some(Upos::NUM))
                    || matches!(
                        self.word(a).as_str(),
                        "at" | "least"
                            | "about"
                            | "some"
                            | "several"
                            | "many"
                            | "approximately"
                            | "nearly"
                            | "almost"
                            | "around"
                            | "over"
                            | "more"
                            | "than"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                    ))
            {
                a += 1;
            }
            let text = self.text(a, b);
            if !out.contains(&text) {
                out.push(text);
            }
        }
        out
    }

    /// The entity of the mention over token `i`.
    fn entity(&self, i: usize) -> Option<(EntityId, EntityType)> {
        let m = self.mention_at.get(i - self.lo).copied().flatten()?;
        let m = self.doc.mentions.get(m)?;
        Some((m.entity?, m.etype))
    }

    /// The entities of one type inside the phrase of `i` or its
    /// appositions ("members of the FMLN", "the Jesuit Ignacio Ellacuria").
    fn entities_in(&self, i: usize, etype: EntityType) -> Vec<EntityId> {
        let mut out = Vec::new();
        let heads = std::iter::once(i).chain(
            self.kids(i)
                .iter()
                .copied()
                .filter(|&c| matches!(self.rel(c), "appos" | "flat" | "compound")),
        );
        for h in heads {
            let (a, b) = self.span(h, false);
            for k in a..b {
                if let Some((e, t)) = self.entity(k) {
                    if t == etype && !out.contains(&e) {
                        out.push(e);
                    }
                }
            }
        }
        out
    }

    /// The arguments of an incident word.
    fn args(&self, t: usize, lists: &Lists) -> Args {
        let mut args = Args::default();
        let is_weapon = |c: usize| self.head_in(c, &lists.weapon);
        let is_noun = matches!(self.upos(t), Some(Upos::NOUN | Upos::PROPN));
        let passive = self
            .kids(t)
            .iter()
            .any(|&c| matches!(self.rel(c), "aux:pass" | "nsubj:pass"));
        for &c in self.kids(t) {
            let r = self.rel(c);
            let case = self.case(c);
            match r {
                "nsubj" if !is_noun => {
                    if is_weapon(c) {
                        args.weapons.push(c);
                    } else if !lists.triggers.contains_key(&self.lemma(c)) {
                        args.agents.push(c);
                    }
                }
                "nsubj:pass" => args.patients.push(c),
                "obj" if !is_noun => {
                    if is_weapon(c) {
                        args.weapons.push(c);
                    } else if self.lemma(c) != "fire" {
                        args.patients.push(c);
                    }
                }
                "obl" | "obl:agent" | "nmod" | "nmod:poss" | "compound" => {
                    if is_weapon(c) {
                        args.weapons.push(c);
                        continue;
                    }
                    // "in front of the embassy": the thing in front of.
                    let c = match self.lemma(c).as_str() {
                        "front" | "outside" | "side" | "entrance" | "door" => self
                            .kids(c)
                            .iter()
                            .copied()
                            .find(|&n| self.rel(n) == "nmod")
                            .unwrap_or(c),
                        _ => c,
                    };
                    match case.as_deref() {
                        Some("by") => args.agents.push(c),
                        Some("against" | "on" | "to") => args.patients.push(c),
                        Some("of") if is_noun => args.patients.push(c),
                        // "Galan's assassination": a person is the victim;
                        // "the FMLN's offensive": a group is the agent.
                        None if r == "nmod:poss" => {
                            if matches!(self.entity(c), Some((_, EntityType::Person))) && is_noun {
                                args.patients.push(c)
                            } else {
                                args.agents.push(c)
                            }
                        }
                        // Where a bomb went off: "exploded at the bank",
                        // "in front of the embassy".
                        Some("at" | "in" | "near" | "outside" | "inside" | "into" | "front")
                            if self.head_in(c, &lists.target) =>
                        {
                            args.patients.push(c)
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        // A participle or relative clause on a noun: "peasants killed by
        // the army", "the bomb that exploded".
        if let Some(h) = self.head(t) {
            let r = self.rel(t);
            if r == "acl" || (r == "acl:relcl" && passive) {
                if is_weapon(h) {
                    args.weapons.push(h);
                } else {
                    args.patients.push(h);
                }
            } else if r == "acl:relcl" && args.agents.is_empty() && args.weapons.is_empty() {
                if is_weapon(h) {
                    args.weapons.push(h);
                } else {
                    args.agents.push(h);
                }
            }
            // A verb in a coordination or under a control verb shares its
            // subject: "entered the house and killed him".
            if matches!(r, "conj" | "xcomp") && args.agents.is_empty() && !passive {
                args.agents.extend(
                    self.kids(h)
                        .iter()
                        .filter(|&&c| self.rel(c) == "nsubj" && !is_weapon(c)),
                );
            }
            // "carried out the attack", "claimed responsibility for the
            // attack": the subject of the supporting verb did it.
            if is_noun && args.agents.is_empty() {
                let mut v = Some(h);
                for _ in 0..3 {
                    let Some(x) = v else { break };
                    if self.upos(x) == Some(Upos::VERB) {
                        if lists.support.contains(&self.lemma(x)) {
                            args.agents
                                .extend(self.kids(x).iter().filter(|&&c| self.rel(c) == "nsubj"));
                        }
                        break;
                    }
                    v = self.head(x);
                }
            }
        }
        let expand = |v: &mut Vec<usize>| {
            *v = v.iter().flat_map(|&i| self.with_conjuncts(i)).collect();
        };
        expand(&mut args.agents);
        expand(&mut args.patients);
        expand(&mut args.weapons);
        args
    }

    /// The incident type of token `t`, if it reports one.
    fn incident(&self, t: usize, lists: &Lists) -> Option<String> {
        if !matches!(self.upos(t), Some(Upos::VERB | Upos::NOUN | Upos::ADJ)) {
            return None;
        }
        let lemma = self.lemma(t);
        let kind = lists.triggers.get(&lemma)?;
        // A weapon named ("with a bomb") is the instrument of an incident,
        // not one of its own; the verb ("bombed") is.
        if self.upos(t) == Some(Upos::NOUN) && lists.weapon.contains(&lemma) {
            return None;
        }
        // A noun that only modifies another ("death squads", "attack
        // helicopters") names no incident.
        if self.rel(t) == "compound" {
            return None;
        }
        // "set fire to": only with fire as the object.
        if lemma == "set"
            && !self
                .kids(t)
                .iter()
                .any(|&c| self.rel(c) == "obj" && self.lemma(c) == "fire")
        {
            return None;
        }
        if self.unreal(t) {
            return None;
        }
        Some(kind.clone())
    }
}

/// Templates from the parse: every verb or noun of the word list's
/// triggers is an incident; its subject (or "by" phrase) is the
/// perpetrator, its object the target or victim, its instruments the
/// weapons. Incidents of one type make one template per document.
pub fn parsed_templates(doc: &Document) -> Vec<Template> {
    let lists = &*LISTS;
    if doc.syntax.is_empty() {
        return Vec::new();
    }
    let n = doc.tokens.len();
    let mut mention_at: Vec<Option<usize>> = vec![None; n];
    for (k, m) in doc.mentions.iter().enumerate() {
        for t in doc.tokens_in(m.range) {
            if let Some(slot) = mention_at.get_mut(t) {
                slot.get_or_insert(k);
            }
        }
    }
    let mut out: Vec<Template> = Vec::new();
    let mut last: Option<String> = None;
    let mut blamed: Vec<EntityId> = Vec::new();
    for s in &doc.sentences {
        let (lo, hi) = (s.first.index(), (s.last.index()).min(n));
        if lo >= hi {
            continue;
        }
        let p = Parse::new(doc, lo, hi, mention_at[lo..hi].to_vec());
        // "The FMLN claimed responsibility", "blamed on the army": the
        // armed groups a sentence of blame names.
        if (lo..hi).any(|k| lists.blame.contains(&p.lemma(k))) {
            for k in lo..hi {
                if let Some((e, EntityType::Org)) = p.entity(k) {
                    if org_is_armed(doc, e, lists) && !blamed.contains(&e) {
                        blamed.push(e);
                    }
                }
            }
        }
        for t in lo..hi {
            let Some(mut kind) = p.incident(t, lists) else {
                continue;
            };
            // Damage words ("destroyed", "damaged") belong to the incident
            // last reported.
            if kind == "damage" {
                match &last {
                    Some(k) => kind = k.clone(),
                    None => continue,
                }
            }
            last = Some(kind.clone());
            let args = p.args(t, lists);
            // An attack with explosives is a bombing ("a bomb attack",
            // "attacked with dynamite").
            if kind == "attack"
                && args.weapons.iter().any(|&w| {
                    lists
                        .triggers
                        .get(&p.lemma(w))
                        .is_some_and(|k| k == "bombing")
                })
            {
                kind = "bombing".to_string();
            }

            let k = match out.iter().position(|o| o.incident == kind) {
                Some(k) => k,
                None => {
                    out.push(Template {
                        incident: kind.clone(),
                        ..Template::default()
                    });
                    out.len() - 1
                }
            };
            let roles = &mut out[k].roles;
            // No subject: the sentence's attackers ("guerrillas who
            // entered the town ... killed").
            if args.agents.is_empty() {
                for k in lo..hi {
                    if k != t
                        && matches!(p.upos(k), Some(Upos::NOUN))
                        && (p.rel(k).starts_with("nsubj") || p.rel(k) == "obl:agent")
                        && p.head_in(k, &lists.perp)
                        && !args.patients.contains(&k)
                    {
                        add_agent(&p, k, lists, roles);
                    }
                }
            }

            for a in args.agents {
                add_agent(&p, a, lists, roles);
            }
            for a in args.patients {
                add_patient(&p, a, lists, roles);
            }
            for a in args.weapons {
                if p.head_in(a, &lists.weapon) {
                    push_filler(&mut roles[4], p.spellings(a));
                }
            }
        }
    }
    for t in out.iter_mut() {
        for &e in &blamed {
            push_filler(&mut t.roles[1], names(doc, e));
        }
    }
    out.retain(|t| t.roles.iter().any(|r| !r.is_empty()));
    out
}

/// Whether an organisation's name reads as an armed group or force: a
/// word of the perpetrator organisations' heads ("... Patriotic Front",
/// "Armed Forces"), or an acronym.
fn org_is_armed(doc: &Document, e: EntityId, lists: &Lists) -> bool {
    doc.entities.get(e.index()).is_some_and(|x| {
        let name = x.name.to_lowercase();
        name.split_whitespace().any(|w| lists.perp_org.contains(w))
            || (x.name.len() <= 6 && x.name.bytes().all(|b| b.is_ascii_uppercase()))
    })
}

/// Whether an organisation's name ends in a target noun ("Popular
/// Bank", "El Salvador Telecommunications Company").
fn org_is_place(doc: &Document, e: EntityId, lists: &Lists) -> bool {
    doc.entities.get(e.index()).is_some_and(|x| {
        let name = x.name.to_lowercase();
        name.split_whitespace().last().is_some_and(|w| {
            lists.target.contains(w) || lists.target.contains(w.trim_end_matches('s'))
        })
    })
}

/// Places and pronouns are no fillers.
fn no_filler(p: &Parse, a: usize) -> bool {
    matches!(
        p.upos(a),
        Some(Upos::PRON | Upos::DET | Upos::NUM | Upos::ADV) | None
    ) || matches!(
        p.entity(a),
        Some((_, EntityType::Gpe | EntityType::Loc | EntityType::Norp))
    )
}

fn add_agent(p: &Parse, a: usize, lists: &Lists, roles: &mut [Vec<Vec<String>>; 5]) {
    if no_filler(p, a) {
        return;
    }
    match p.entity(a) {
        Some((e, EntityType::Org)) => push_filler(&mut roles[1], names(p.doc, e)),
        Some((e, EntityType::Person)) => push_filler(&mut roles[0], names(p.doc, e)),
        _ => {
            if p.head_in(a, &lists.perp_org) {
                push_filler(&mut roles[1], p.spellings(a));
            } else if p.head_in(a, &lists.perp) {
                push_filler(&mut roles[0], p.spellings(a));
            }
            for e in p.entities_in(a, EntityType::Org) {
                push_filler(&mut roles[1], names(p.doc, e));
            }
        }
    }
}

/// A patient: a named person is a Victim (MUC-4 keys name victims; "two
/// peasants" is a number and a description, not a filler); a named
/// organisation or facility, or a phrase headed by a target noun ("the
/// bus", "power pylons"), is a Target.
fn add_patient(p: &Parse, a: usize, lists: &Lists, roles: &mut [Vec<Vec<String>>; 5]) {
    if no_filler(p, a) {
        return;
    }
    match p.entity(a) {
        Some((e, EntityType::Person)) => push_filler(&mut roles[3], names(p.doc, e)),
        Some((e, EntityType::Fac)) => push_filler(&mut roles[2], names(p.doc, e)),
        // An organisation is a target as a place ("the Central Bank"), not
        // as a force ("the FMLN", "the Atlacatl Battalion").
        Some((e, EntityType::Org)) if org_is_place(p.doc, e, lists) => {
            push_filler(&mut roles[2], names(p.doc, e))
        }
        Some(_) => {}
        None => {
            if p.head_in(a, &lists.target) && !p.head_in(a, &lists.human) {
                // A target's number is a slot of its own: "three vehicles"
                // fills Target with "vehicles".
                push_filler(&mut roles[2], p.spellings_without_number(a));
            }
            // "the Jesuit Ignacio Ellacuria, rector of ...": the people
            // the phrase names.
            for e in p.entities_in(a, EntityType::Person) {
                push_filler(&mut roles[3], names(p.doc, e));
            }
        }
    }
}

/// Templates from the coded events of an annotated document.
fn event_templates(doc: &Document) -> Vec<Template> {
    let mut out: Vec<(Template, Vec<EntityId>)> = Vec::new();
    for e in &doc.events {
        let Some(mut kind) = incident(&e.code) else {
            continue;
        };
        if e.modality == dossier_text::Modality::Negated {
            continue;
        }
        let arms = weapons(doc, e.trigger);
        // An attack with explosives is a bombing.
        if kind == "attack"
            && arms.iter().any(|w| {
                LISTS
                    .triggers
                    .get(w[0].trim_end_matches('s'))
                    .is_some_and(|k| k == "bombing")
                    || LISTS.triggers.get(&w[0]).is_some_and(|k| k == "bombing")
            })
        {
            kind = "bombing";
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
        // Places and nationalities are neither perpetrators nor targets.
        if let Some(s) = e.source {
            match etype(s) {
                Some(EntityType::Org) => add(1, s, &mut out),
                Some(EntityType::Person) => add(0, s, &mut out),
                _ => {}
            }
        }
        if let Some(t) = e.target {
            match etype(t) {
                Some(EntityType::Person) => add(3, t, &mut out),
                Some(EntityType::Fac) => add(2, t, &mut out),
                Some(EntityType::Org) if org_is_place(doc, t, &LISTS) => add(2, t, &mut out),
                _ => {}
            }
        }

        for w in arms {
            if !out[k].0.roles[4].iter().any(|x| x[0] == w[0]) {
                out[k].0.roles[4].push(w);
            }
        }
        // A perpetrator named only by a common noun ("guerrillas attacked").
        if e.source.is_none() || (out[k].0.roles[0].is_empty() && out[k].0.roles[1].is_empty()) {
            for p in nouns_in_sentence(doc, e.trigger, |w| LISTS.attacker.contains(w)) {
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

/// Matched fillers per role of a predicted template against a gold one.
fn matched_fillers(p: &Template, g: &Template) -> [usize; 5] {
    let mut n = [0; 5];
    if !compatible(&p.incident, &g.incident) {
        return n;
    }
    for ((nk, pr), gr) in n.iter_mut().zip(&p.roles).zip(&g.roles) {
        let mut used = vec![false; gr.len()];
        for pe in pr {
            if let Some(j) =
                (0..gr.len()).find(|&j| !used[j] && gr[j].iter().any(|s| pe.contains(s)))
            {
                used[j] = true;
                *nk += 1;
            }
        }
    }
    n
}

/// Scores one document: greedy one-to-one alignment by matched fillers.
pub fn score(pred: &[Template], gold: &[Template]) -> Counts {
    let roles = score_roles(pred, gold);
    Counts {
        tp: roles.iter().map(|c| c.tp).sum(),
        predicted: roles.iter().map(|c| c.predicted).sum(),
        gold: roles.iter().map(|c| c.gold).sum(),
    }
}

/// Scores one document per role (in the order of [`ROLES`]), with the
/// alignment of [`score`].
pub fn score_roles(pred: &[Template], gold: &[Template]) -> [Counts; 5] {
    let mut pairs: Vec<(usize, usize, usize, [usize; 5])> = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let m = matched_fillers(p, g);
            let total: usize = m.iter().sum();
            if total > 0 {
                pairs.push((total, i, j, m));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut pu, mut gu) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut out = [Counts::default(); 5];
    for (_, i, j, m) in pairs {
        if !pu[i] && !gu[j] {
            pu[i] = true;
            gu[j] = true;
            for (c, m) in out.iter_mut().zip(m) {
                c.tp += m;
            }
        }
    }
    for (k, c) in out.iter_mut().enumerate() {
        c.predicted = pred.iter().map(|t| t.roles[k].len()).sum();
        c.gold = gold.iter().map(|t| t.roles[k].len()).sum();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::Component;

    /// A fixture with a parse: each token's tag, head (its index, or
    /// none for the root) and relation, in token order.
    fn parsed(marked: &str, parse: &[(Upos, Option<usize>, &str)]) -> Document {
        let mut doc = crate::fixture::document(marked).unwrap();
        assert_eq!(doc.tokens.len(), parse.len(), "one parse row per token");
        let words: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.token_text(TokenIdx::new(i)).to_lowercase())
            .collect();
        doc.syntax = dossier_text::Syntax {
            upos: parse.iter().map(|p| p.0).collect(),
            xpos: parse.iter().map(|_| "".into()).collect(),
            lemma: words
                .iter()
                .map(|w| match w.as_str() {
                    "killed" => "kill".to_string(),
                    "burned" => "burn".to_string(),
                    "buses" => "bus".to_string(),
                    "destroyed" => "destroy".to_string(),
                    "exploded" => "explode".to_string(),
                    "claimed" => "claim".to_string(),
                    w => w.to_string(),
                })
                .collect(),
            head: parse.iter().map(|p| p.1.map(TokenIdx::new)).collect(),
            deprel: parse.iter().map(|p| p.2.into()).collect(),
        };
        doc
    }

    /// The templates of a parsed fixture, one line per filler.
    fn check(doc: &Document, expect: &str) {
        let mut out = String::new();
        for t in parsed_templates(doc) {
            out.push_str(&format!("[{}]\n", t.incident));
            for (role, fillers) in ROLES.iter().zip(&t.roles) {
                for f in fillers {
                    out.push_str(&format!("{role}: {}\n", f.join(" | ")));
                }
            }
        }
        assert_eq!(out, expect);
    }

    #[test]
    fn subject_object_and_instrument_of_a_bomb_killing_fill_their_roles() {
        use Upos::*;
        let doc = parsed(
            "Guerrillas killed [Luis Garcia]{PERSON#1} with a bomb .",
            &[
                (NOUN, Some(1), "nsubj"),
                (VERB, None, "root"),
                (PROPN, Some(1), "obj"),
                (PROPN, Some(2), "flat"),
                (ADP, Some(6), "case"),
                (DET, Some(6), "det"),
                (NOUN, Some(1), "obl"),
                (PUNCT, Some(1), "punct"),
            ],
        );
        // A killing with a bomb is a bombing; the noun "bomb" is its
        // instrument, not an incident of its own.
        check(
            &doc,
            "[bombing]\nPerpInd: guerrillas\nVictim: luis garcia\nWeapon: bomb\n",
        );
    }

    #[test]
    fn passive_target_loses_its_number_and_agent_names_the_group() {
        use Upos::*;
        let doc = parsed(
            "Three buses were burned by [the FMLN]{ORG#1} .",
            &[
                (NUM, Some(1), "nummod"),
                (NOUN, Some(3), "nsubj:pass"),
                (AUX, Some(3), "aux:pass"),
                (VERB, None, "root"),
                (ADP, Some(6), "case"),
                (DET, Some(6), "det"),
                (PROPN, Some(3), "obl:agent"),
                (PUNCT, Some(3), "punct"),
            ],
        );
        check(&doc, "[arson]\nPerpOrg: fmln\nTarget: buses\n");
    }

    #[test]
    fn damage_belongs_to_the_incident_before_it_and_people_are_no_targets() {
        use Upos::*;
        let doc = parsed(
            "A bomb exploded . It destroyed the bank and killed two peasants .",
            &[
                (DET, Some(1), "det"),
                (NOUN, Some(2), "nsubj"),
                (VERB, None, "root"),
                (PUNCT, Some(2), "punct"),
                (PRON, Some(5), "nsubj"),
                (VERB, None, "root"),
                (DET, Some(7), "det"),
                (NOUN, Some(5), "obj"),
                (CCONJ, Some(9), "cc"),
                (VERB, Some(5), "conj"),
                (NUM, Some(11), "nummod"),
                (NOUN, Some(9), "obj"),
                (PUNCT, Some(5), "punct"),
            ],
        );
        // "two peasants" is a number and a description, not a victim's
        // name; the killing is an attack of its own.
        check(&doc, "[bombing]\nTarget: bank\nWeapon: bomb\n");
    }

    #[test]
    fn group_claiming_an_attack_is_its_perp_org() {
        use Upos::*;
        let doc = parsed(
            "[The FMLN]{ORG#1} claimed responsibility for the attack .",
            &[
                (DET, Some(1), "det"),
                (PROPN, Some(2), "nsubj"),
                (VERB, None, "root"),
                (NOUN, Some(2), "obj"),
                (ADP, Some(6), "case"),
                (DET, Some(6), "det"),
                (NOUN, Some(3), "nmod"),
                (PUNCT, Some(2), "punct"),
            ],
        );
        check(&doc, "[attack]\nPerpOrg: fmln\n");
    }

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
