//! A read-only view of a document for pattern matching: lowercase words,
//! the mention under each token, and the argument searches (subject to the
//! left, object to the right, passive agent, apposition skipping) shared by
//! relations, events and claims.

use dossier_text::wordlists;
use std::borrow::Cow;

use dossier_text::{Document, EntityId, EntityType, TextRange, TokenIdx};

/// Tokens that a left-to-right argument search never crosses: they start a
/// new clause or a quotation.
const CLAUSE_BREAKS: &[&str] = &[
    ";", ":", "“", "”", "\"", "that", "which", "who", "whom", "whose", "while", "whereas", "but",
    "because", "although", "after", "before", "when", "where", "if", "as", "until", "unless",
    "though", "whether",
];

/// Prepositions after which a place names where something happened, not
/// whom it happened to.
pub const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "from",
    "within",
    "throughout",
];

/// Heads of "N of X" phrases whose X is the real object ("members of the
/// Gulf Cartel"), singular.
const GROUP_NOUNS: &[&str] = &[
    "member",
    "leader",
    "commander",
    "fighter",
    "supporter",
    "official",
    "hundred",
    "dozen",
    "thousand",
    "score",
    "citizen",
    "soldier",
    "worker",
    "militant",
    "head",
    "chief",
];

/// Words between a relation phrase and its places ("in remote parts of
/// Syria", "in southern Afghanistan").
const LIST_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "remote",
    "parts",
    "part",
    "of",
    "rural",
    "neighbouring",
    "neighboring",
    "large",
    "much",
    "most",
    "all",
    "swathes",
    "areas",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s",
];

pub struct DocView<'a> {
    pub doc: &'a Document,
    /// Each token lower-cased, with curly apostrophes made straight;
    /// borrowed from the text when it is already so (most words are).
    pub lower: Vec<Cow<'a, str>>,
    /// The mention covering each token (the innermost one when they nest).
    pub mention_at: Vec<Option<usize>>,
    /// The sentence of each token.
    pub sentence_of: Vec<usize>,
    /// Role and title words that may stand between a modifier and a name
    /// ("Hezbollah leader Hassan Nasrallah", "army chief General Asim Munir").
    titles: &'a std::collections::HashSet<String>,
    /// For pronouns that no stage resolved: the mention of the nearest
    /// earlier entity of a fitting type ("it" an organisation or a state,
    /// "he" a person). A stopgap below real coreference, used only where
    /// the pronoun has no mention of its own.
    antecedent: Vec<Option<usize>>,
    /// The time expressions of each sentence (indices into `doc.times`),
    /// so that finding a trigger's date does not scan the whole document.
    times_of: Vec<Vec<usize>>,
    /// Whether the text is written in capitals only.
    all_caps: bool,
    /// Unnamed actors ("police", "troops"), seen as arguments only while
    /// `use_generics` is set (events; claims and relations want names).
    generics: Vec<crate::actors::GenericPhrase>,
    generic_at: Vec<Option<usize>>,
    /// For each entity, the unnamed actor its name mention is ("Tanzanian
    /// police" tagged as a name): pronouns resolved to it act as that actor.
    entity_generic: Vec<Option<usize>>,
    use_generics: bool,
}

/// An argument: an entity and the mention that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arg {
    pub entity: EntityId,
    pub mention: usize,
    /// Token range of the mention.
    pub first: usize,
    pub last: usize,
}

impl<'a> DocView<'a> {
    pub fn new(doc: &'a Document, titles: &'a std::collections::HashSet<String>) -> DocView<'a> {
        let n = doc.tokens.len();
        let lower: Vec<Cow<'a, str>> = (0..n)
            .map(|i| {
                let word = doc.token_text(TokenIdx::new(i));
                let changes = |c: char| {
                    c == '’'
                        || if c.is_ascii() {
                            c.is_ascii_uppercase()
                        } else {
                            c.to_lowercase().ne(std::iter::once(c))
                        }
                };
                if word.chars().any(changes) {
                    // Curly and straight apostrophes alike, so "n’t" is "n't".
                    Cow::Owned(word.to_lowercase().replace('’', "'"))
                } else {
                    Cow::Borrowed(word)
                }
            })
            .collect();
        let mut mention_at = vec![None; n];
        for (m, mention) in doc.mentions.iter().enumerate() {
            for slot in &mut mention_at[doc.tokens_in(mention.range)] {
                // Shorter mentions win: they are the more specific reading.
                let shorter = match slot {
                    Some(prev) => {
                        let p: &dossier_text::Mention = &doc.mentions[*prev];
                        p.range.len() > mention.range.len()
                    }
                    None => true,
                };
                if shorter {
                    *slot = Some(m);
                }
            }
        }
        let mut sentence_of = vec![0; n];
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for slot in sentence_of
                .get_mut(sentence.token_indices())
                .unwrap_or_default()
            {
                *slot = s;
            }
        }
        let mut antecedent = vec![None; n];
        let (mut person, mut org, mut gpe, mut norp): (
            Option<usize>,
            Option<usize>,
            Option<usize>,
            Option<usize>,
        ) = (None, None, None, None);
        for i in 0..n {
            if let Some(m) = mention_at[i] {
                let mention = &doc.mentions[m];
                if mention.entity.is_some() && mention.kind != dossier_text::MentionKind::Pronoun {
                    match mention.etype {
                        EntityType::Person => person = Some(m),
                        EntityType::Org => org = Some(m),
                        EntityType::Gpe => gpe = Some(m),
                        EntityType::Norp => norp = Some(m),
                        _ => {}
                    }
                }
                continue;
            }
            let latest = |c: &[Option<usize>]| c.iter().flatten().copied().max();
            antecedent[i] = match &*lower[i] {
                "he" | "him" | "his" | "she" | "her" => person,
                "it" | "its" => latest(&[org, gpe]),
                "they" | "them" | "their" => latest(&[org, norp, gpe]),
                _ => None,
            };
        }
        let mut times_of = vec![Vec::new(); doc.sentences.len().max(1)];
        for (k, t) in doc.times.iter().enumerate() {
            let first = doc.tokens_in(t.range).start;
            let s = sentence_of.get(first).copied().unwrap_or(0);
            if let Some(list) = times_of.get_mut(s) {
                list.push(k);
            }
        }
        // A truecased article (see `dossier_text::truecase`) is read in its
        // cased form, so it is all caps only when the truecaser left it so.
        let all_caps = dossier_text::truecase::is_all_caps(doc.cased_text(), 100);
        DocView {
            doc,
            lower,
            mention_at,
            sentence_of,
            titles,
            antecedent,
            times_of,
            all_caps,
            generics: Vec::new(),
            generic_at: Vec::new(),
            entity_generic: Vec::new(),
            use_generics: false,
        }
    }

    /// Sets the unnamed actors of the document (see [`crate::actors`]).
    pub fn set_generics(&mut self, generics: Vec<crate::actors::GenericPhrase>) {
        self.generic_at = vec![None; self.len()];
        self.entity_generic = vec![None; self.doc.entities.len()];
        for (k, g) in generics.iter().enumerate() {
            for slot in self.generic_at.get_mut(g.first..g.last).unwrap_or_default() {
                *slot = Some(k);
            }
            // A name mention that is all of the phrase.
            let mention = self
                .mention_at
                .get(g.first)
                .copied()
                .flatten()
                .map(|m| &self.doc.mentions[m]);
            if let Some(m) = mention {
                let toks = self.doc.tokens_in(m.range);
                if (toks.start, toks.end) == (g.first, g.last) {
                    if let Some(slot) = m
                        .entity
                        .and_then(|e| self.entity_generic.get_mut(e.index()))
                    {
                        slot.get_or_insert(k);
                    }
                }
            }
        }
        self.generics = generics;
    }

    /// Whether token `i` is part of an unnamed actor ("riot police").
    pub fn in_generic(&self, i: usize) -> bool {
        self.use_generics && self.generic_at.get(i).copied().flatten().is_some()
    }

    /// Whether unnamed actors count as arguments.
    pub fn use_generics(&mut self, on: bool) {
        self.use_generics = on;
    }

    /// The unnamed actor an argument stands for: arguments of unnamed
    /// actors carry entity ids past the document's entities.
    pub fn generic_of(&self, id: EntityId) -> Option<dossier_text::GenericActor> {
        let k = match id.index().checked_sub(self.doc.entities.len()) {
            Some(k) => k,
            None => self
                .entity_generic
                .get(id.index())
                .copied()
                .flatten()
                .filter(|_| self.use_generics)?,
        };
        self.generics.get(k).map(|g| g.actor(self))
    }

    /// An argument as an event stores it: a named entity or an unnamed actor.
    pub fn event_actor(
        &self,
        arg: Option<Arg>,
    ) -> (Option<EntityId>, Option<dossier_text::GenericActor>) {
        match arg {
            Some(a) => match self.generic_of(a.entity) {
                Some(g) => (None, Some(g)),
                None => (Some(a.entity), None),
            },
            None => (None, None),
        }
    }

    /// The time expressions that start in the sentence of token `i`.
    pub fn times_near(&self, i: usize) -> impl Iterator<Item = &'a dossier_text::TimeExpr> + '_ {
        let s = self.sentence_of.get(i).copied().unwrap_or(0);
        self.times_of
            .get(s)
            .into_iter()
            .flatten()
            .map(|&k| &self.doc.times[k])
    }

    /// Whether token `i` is part of a time expression ("Friday", "last
    /// week").
    pub fn in_time(&self, i: usize) -> bool {
        let r = self.range(i.min(self.len().saturating_sub(1)));
        i < self.len() && self.times_near(i).any(|t| t.range.contains_range(r))
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Token bounds `first..last` of the sentence holding token `i`.
    pub fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        match self
            .doc
            .sentences
            .get(self.sentence_of.get(i).copied().unwrap_or(0))
        {
            Some(s) => (s.first.index(), s.last.index()),
            None => (0, self.len()),
        }
    }

    /// Token bounds of the sentence holding token `i`, joined with its
    /// neighbours where the splitter broke it at no final punctuation (the
    /// wrapped lines of all-caps wire copy), at most four either way.
    pub fn full_sentence(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = self.sentence_bounds(i);
        let ends = |k: usize| {
            matches!(self.word(k), "." | "!" | "?" | "”" | "\"" | "'" | ":" | ";")
                || self.word(k).ends_with('.')
        };
        for _ in 0..4 {
            if lo == 0 || ends(lo - 1) {
                break;
            }
            lo = self.sentence_bounds(lo - 1).0;
        }
        for _ in 0..4 {
            if hi == 0 || hi >= self.len() || ends(hi - 1) {
                break;
            }
            hi = self.sentence_bounds(hi).1;
        }
        (lo, hi)
    }

    /// `last` without the sentence-final punctuation.
    pub fn trim_end(&self, first: usize, mut last: usize) -> usize {
        while last > first && matches!(self.word(last - 1), "." | "!" | "?" | "," | ";" | ":") {
            last -= 1;
        }
        last
    }

    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w)
    }

    pub fn range(&self, i: usize) -> TextRange {
        self.doc.tokens.range(TokenIdx::new(i))
    }

    /// Byte range of tokens `first..last` (last exclusive, non-empty).
    pub fn span(&self, first: usize, last: usize) -> TextRange {
        // Bounds are clamped: callers compute them from pattern offsets
        // that may run past the last token.
        let n = self.len();
        if n == 0 {
            return TextRange::default();
        }
        let first = first.min(n - 1);
        let last = last.clamp(first + 1, n);
        self.range(first).cover(self.range(last - 1))
    }

    /// The argument whose mention covers token `i`, if its mention was
    /// resolved to an entity.
    pub fn arg_at(&self, i: usize) -> Option<Arg> {
        // An unnamed actor covers the nationality that modifies it
        // ("Peruvian police"), so it comes before the mention.
        if let Some(k) = self
            .generic_at
            .get(i)
            .copied()
            .flatten()
            .filter(|_| self.use_generics)
        {
            let g = &self.generics[k];
            return Some(Arg {
                entity: EntityId::new(self.doc.entities.len() + k),
                mention: self.doc.mentions.len() + k,
                first: g.first,
                last: g.last,
            });
        }
        let Some(m) = *self.mention_at.get(i)? else {
            let m = (*self.antecedent.get(i)?)?;
            return Some(Arg {
                entity: self.doc.mentions[m].entity?,
                mention: m,
                first: i,
                last: i + 1,
            });
        };
        let mention = &self.doc.mentions[m];
        let entity = mention.entity?;
        let toks = self.doc.tokens_in(mention.range);
        Some(Arg {
            entity,
            mention: m,
            first: toks.start,
            last: toks.end,
        })
    }

    pub fn etype(&self, arg: Arg) -> EntityType {
        if let Some(e) = self.doc.entities.get(arg.entity.index()) {
            return e.etype;
        }
        // An unnamed actor acts as a group does.
        self.doc
            .mentions
            .get(arg.mention)
            .map_or(EntityType::Org, |m| m.etype)
    }

    /// Whether the argument can act: people, groups, states, nationalities.
    pub fn is_actor(&self, arg: Arg) -> bool {
        matches!(
            self.etype(arg),
            EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
        )
    }

    pub fn is_place(&self, arg: Arg) -> bool {
        self.etype(arg).is_place()
    }

    pub fn is_break(&self, i: usize) -> bool {
        CLAUSE_BREAKS.contains(&self.word(i))
    }

    pub fn is_be(&self, i: usize) -> bool {
        BE.contains(&self.word(i))
    }

    /// Whether token `i` is written in lowercase, as common words are. In
    /// an all-caps text (wire copy, MUC-4) case tells nothing: every word
    /// is lowercase then, and only mentions are names.
    pub fn is_lower(&self, i: usize) -> bool {
        let text = self.doc.cased_token_text(TokenIdx::new(i));
        if self.all_caps {
            text.starts_with(char::is_alphabetic)
        } else {
            text.starts_with(char::is_lowercase)
        }
    }

    /// Whether token `i` starts with a capital in a text that uses case.
    pub fn is_capital(&self, i: usize) -> bool {
        !self.all_caps
            && i < self.len()
            && self
                .doc
                .cased_token_text(TokenIdx::new(i))
                .starts_with(char::is_uppercase)
    }

    /// Whether `word` (lowercase) is a role or title word ("spokesman",
    /// "minister", "general").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.trim_end_matches('.'))
    }

    /// Whether token `i` starts a paragraph: a line break stands between it
    /// and the token before, after the end of a sentence (wire copy wraps
    /// its lines inside paragraphs too) or as an empty line.
    pub fn starts_paragraph(&self, i: usize) -> bool {
        if i == 0 || i >= self.len() {
            return i == 0;
        }
        let gap =
            &self.doc.text()[self.range(i - 1).end() as usize..self.range(i).start() as usize];
        gap.contains('\n')
            && (gap.matches('\n').count() > 1
                || matches!(self.word(i - 1), "." | "!" | "?" | "”" | "'" | "\"" | ":"))
    }

    /// The nearest argument ending before token `at`, searching left within
    /// `lo..at` and skipping an apposition or relative clause set off by
    /// commas ("X, head of Y, had visited" -> X; "X, which is ..." -> X).
    /// A verb right after "and"/"but" shares the subject of the clause
    /// ("X visited Y and met Z" -> X), and a coordinated subject gives its
    /// first conjunct.
    pub fn subject_left(&self, lo: usize, at: usize) -> Option<Arg> {
        let mut k = at;
        while k > lo && matches!(self.word(k - 1), "also" | "later" | "then" | "further") {
            k -= 1;
        }
        if k > lo && matches!(self.word(k - 1), "and" | "but") {
            return self.first_subject(lo, at);
        }
        let mut i = at;
        while i > lo {
            i -= 1;
            let w = self.word(i);
            if matches!(w, "which" | "who" | "that") {
                // A relative clause: its subject is the noun it hangs on.
                let mut j = i;
                while j > lo && matches!(self.word(j - 1), ",") {
                    j -= 1;
                }
                // "which" does not stand for a person: in "X, the commander
                // of the LNA, which controls ...", it is the LNA.
                let antecedent = self.arg_ending_at(lo, j).or_else(|| {
                    // "X, the militant group that controls ...": the
                    // relative hangs on an apposition of X.
                    let mut k = j;
                    let mut steps = 0;
                    while k > lo && steps < 5 && self.arg_at(k - 1).is_none() {
                        let lower = self.is_lower(k - 1);
                        if !lower {
                            return None;
                        }
                        k -= 1;
                        steps += 1;
                    }
                    (steps > 0 && k > lo && self.word(k - 1) == ",")
                        .then(|| self.arg_ending_at(lo, k - 1))
                        .flatten()
                });
                return antecedent.map(|a| {
                    let head = self.apposition_head(lo, a);
                    let person = |x: Arg| self.etype(x) == EntityType::Person;
                    if w == "which" && person(head) && !person(a) {
                        a
                    } else {
                        head
                    }
                });
            }
            if w == "," {
                if let Some(head) = self.apposition_before(lo, i) {
                    return Some(head);
                }
                continue;
            }
            if self.is_break(i) {
                return None;
            }
            if let Some(arg) = self.arg_at(i) {
                if self.is_actor(arg) && !self.after_preposition(arg, lo) {
                    let arg = self.extend_left(arg, lo);
                    return Some(self.first_conjunct(lo, arg));
                }
            }
        }
        None
    }

    /// The head of an apposition closed by the comma at `close`: the actor
    /// before the rightmost comma, left of `close`, that a lowercase word
    /// follows (", a spokesman ...", ", which ..."); list commas are
    /// followed by names and do not count.
    fn apposition_before(&self, lo: usize, close: usize) -> Option<Arg> {
        let mut c = close;
        while c > lo {
            c -= 1;
            if matches!(self.word(c), "." | ";" | "“" | "”") {
                return None;
            }
            if self.word(c) != "," {
                continue;
            }
            let next = c + 1;
            let lowercase = self.arg_at(next).is_none()
                && !matches!(self.word(next), "and" | "or")
                && self.is_lower(next);
            if !lowercase {
                continue;
            }
            let head = self.arg_ending_at(lo, c)?;
            // "In Miami, the boy's great-uncle, X, denied": a place
            // fronted at the start of the clause heads no apposition.
            if head.first <= lo + 2 && self.after_preposition(head, lo) {
                continue;
            }
            return self.is_actor(head).then(|| self.apposition_head(lo, head));
        }
        None
    }

    /// Follows nested appositions outwards: in "X, the head of Y, a
    /// coalition ...", the head of "Y" is X.
    fn apposition_head(&self, lo: usize, arg: Arg) -> Arg {
        let mut k = arg.first;
        let mut steps = 0;
        while k > lo && steps < 6 && self.arg_at(k - 1).is_none() && self.word(k - 1) != "," {
            if !self.is_lower(k - 1) {
                return arg;
            }
            k -= 1;
            steps += 1;
        }
        if steps > 0 && k > lo && self.word(k - 1) == "," {
            if let Some(outer) = self.arg_ending_at(lo, k - 1) {
                if self.is_actor(outer) {
                    return self.apposition_head(lo, outer);
                }
            }
        }
        arg
    }

    /// The first item of a coordination that ends with `arg` ("Egypt and
    /// Saudi Arabia called" -> Egypt).
    pub fn first_conjunct(&self, lo: usize, arg: Arg) -> Arg {
        let mut first = arg;
        loop {
            let mut k = first.first;
            while k > lo && matches!(self.word(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            if k > lo + 1 && matches!(self.word(k - 1), "and" | ",") {
                let mut j = k - 1;
                if j > lo && self.word(j) == "and" && self.word(j - 1) == "," {
                    j -= 1;
                }
                match self.arg_ending_at(lo, j) {
                    Some(prev) if self.is_actor(prev) => first = prev,
                    _ => return first,
                }
            } else {
                return first;
            }
        }
    }

    /// The second item of the coordination that starts with `arg`.
    pub fn second_conjunct(&self, arg: Arg, hi: usize) -> Option<Arg> {
        let mut k = arg.last;
        if self.word(k) == "," && self.word(k + 1) == "and" {
            k += 1;
        }
        if self.word(k) != "and" {
            return None;
        }
        k += 1;
        while k < hi && matches!(self.word(k), "the" | "a" | "an" | "and") {
            k += 1;
        }
        self.arg_at(k).filter(|a| self.is_actor(*a))
    }

    /// Whether the document names `person` with a title of `group`
    /// ("TTP spokesman X", "Hezbollah leader X").
    pub fn titled_by(&self, person: EntityId, group: EntityId) -> bool {
        let Some(e) = self.doc.entities.get(group.index()) else {
            return false;
        };
        e.mentions.iter().any(|m| {
            let toks = self.doc.tokens_in(self.doc.mentions[m.index()].range);
            let arg = Arg {
                entity: group,
                mention: m.index(),
                first: toks.start,
                last: toks.end,
            };
            let (_, hi) = self.sentence_bounds(toks.start);
            self.titled_name(arg, hi).entity == person
        })
    }

    /// The name a modifier introduces: "Hezbollah leader Hassan Nasrallah"
    /// names Nasrallah, not Hezbollah.
    pub fn titled_name(&self, arg: Arg, hi: usize) -> Arg {
        let mut k = arg.last;
        let mut steps = 0;
        while k < hi && steps < 3 && self.arg_at(k).is_none() {
            let w = self.word(k);
            if !self.titles.contains(w.trim_end_matches('.')) {
                return arg;
            }
            k += 1;
            steps += 1;
        }
        match self.arg_at(k) {
            Some(name) if steps > 0 && self.etype(name) == EntityType::Person => name,
            _ => arg,
        }
    }

    /// The first actor of the clause that no preposition governs: the
    /// subject of its main clause.
    pub fn first_subject(&self, lo: usize, hi: usize) -> Option<Arg> {
        let mut k = lo;
        while k < hi {
            if let Some(arg) = self.arg_at(k) {
                // A possessor ("Its leader, X, said", "Thaksin's daughter")
                // is not the subject.
                let possessor = matches!(self.word(arg.first), "its" | "his" | "her" | "their")
                    || matches!(self.word(arg.last), "'s");
                if self.is_actor(arg) && !self.after_preposition(arg, lo) && !possessor {
                    return Some(self.titled_name(arg, hi));
                }
                k = arg.last;
                continue;
            }
            if matches!(self.word(k), "“" | "\"" | ";") {
                return None;
            }
            k += 1;
        }
        None
    }

    /// A lowercase Arabic name particle that continues a person's name
    /// ("al-Saadi", "bin", "ibn"), which taggers often leave out.
    pub fn is_name_particle(&self, i: usize) -> bool {
        let text = self.doc.cased_token_text(TokenIdx::new(i));
        // The article in lower case, with at least two letters after it.
        text.split_once('-').is_some_and(|(p, rest)| {
            p.bytes().all(|b| b.is_ascii_lowercase())
                && wordlists::is_arabic_article(p)
                && rest.len() >= 2
        }) || wordlists::is_patronymic(text)
    }

    /// The token after a person's name and the particles that continue it.
    pub fn name_end(&self, arg: Arg) -> usize {
        let mut k = arg.last;
        if self.etype(arg) == EntityType::Person {
            while k < self.len() && k < arg.last + 2 && self.is_name_particle(k) {
                k += 1;
            }
        }
        k
    }

    /// The argument whose mention ends right before `end` (an acronym in
    /// parentheses after a name counts as that name).
    pub fn arg_ending_at(&self, lo: usize, end: usize) -> Option<Arg> {
        let mut k = end;
        while k > lo && matches!(self.word(k - 1), ")" | "(") {
            k -= 1;
        }
        // "Abu Baqir al-Saadi" when the tagger stopped before "al-Saadi".
        let mut j = k;
        while j > lo && j + 2 >= k && self.is_name_particle(j - 1) {
            j -= 1;
        }
        if j < k && j > lo {
            if let Some(arg) = self.arg_at(j - 1) {
                if self.etype(arg) == EntityType::Person && arg.last == j {
                    return Some(arg);
                }
            }
        }
        if k == lo {
            return None;
        }
        let arg = self.arg_at(k - 1)?;
        Some(self.extend_left(arg, lo))
    }

    /// "Islamic State Khorasan Province (ISKP)": when `arg` is an acronym in
    /// parentheses right after a mention of the same entity, the subject is
    /// that longer mention; the entity is the same either way.
    fn extend_left(&self, arg: Arg, lo: usize) -> Arg {
        if arg.first >= lo + 2 && self.word(arg.first - 1) == "(" {
            if let Some(prev) = self.arg_at(arg.first - 2) {
                if prev.entity == arg.entity {
                    return prev;
                }
            }
        }
        arg
    }

    /// Whether a preposition governs the mention, making it an oblique
    /// rather than a subject ("in Kabul", "of the army").
    pub fn after_preposition(&self, arg: Arg, lo: usize) -> bool {
        let mut k = arg.first;
        loop {
            while k > lo && matches!(self.word(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            // Later items of a list share the first item's preposition
            // ("in Iraq, Syria, and Libya").
            let mut j = k;
            while j > lo && matches!(self.word(j - 1), "," | "and" | "or") {
                j -= 1;
            }
            match (j < k && j > lo).then(|| self.arg_at(j - 1)).flatten() {
                Some(prev) => k = prev.first,
                None => break,
            }
        }
        k > lo
            && matches!(
                self.word(k - 1),
                "of" | "in"
                    | "at"
                    | "on"
                    | "to"
                    | "from"
                    | "with"
                    | "by"
                    | "for"
                    | "against"
                    | "near"
                    | "into"
                    | "over"
                    | "about"
                    | "under"
                    | "across"
            )
    }

    /// The first actor to the right of `from`, within `from..hi`: a direct
    /// object or one after "on", "against", "to", "with", "at" or "for".
    /// Stops at clause breaks, at a comma, and at an infinitive ("urged
    /// its citizens to leave X" has no object X).
    pub fn object_right(&self, from: usize, hi: usize) -> Option<Arg> {
        let mut i = from;
        while i < hi {
            let w = self.word(i);
            if self.is_break(i) || w == "," || w == "." || w == "and" && i > from + 1 {
                return None;
            }
            if w == "to"
                && self.arg_at(i + 1).is_none()
                && !matches!(self.word(i + 1), "the" | "a" | "an")
            {
                return None;
            }
            if let Some(arg) = self.arg_at(i) {
                let prep = self.preposition_before(arg.first, from);
                // "members of X", "hundreds of X": the name is the object.
                let head_of = |k: usize| GROUP_NOUNS.contains(&self.word(k).trim_end_matches('s'));
                let group_of = prep == Some("of")
                    && (head_of(arg.first.saturating_sub(2))
                        || head_of(arg.first.saturating_sub(3)));
                let ok = group_of
                    || matches!(
                        prep,
                        None | Some("on" | "against" | "to" | "with" | "at" | "for" | "targeting")
                    );
                // A possessive ("urged its citizens") modifies the object.
                let possessive = matches!(self.word(arg.first), "its" | "their" | "his" | "her")
                    && arg.last == arg.first + 1;
                if self.is_actor(arg) && ok && !possessive {
                    return Some(self.titled_name(arg, hi));
                }
                i = arg.last;
                continue;
            }
            i += 1;
        }
        None
    }

    /// The preposition right before token `first`, skipping determiners.
    pub fn preposition_before(&self, first: usize, lo: usize) -> Option<&str> {
        let mut k = first;
        while k > lo && matches!(self.word(k - 1), "the" | "a" | "an" | "its" | "their") {
            k -= 1;
        }
        (k > lo).then(|| self.word(k - 1)).filter(|w| {
            matches!(
                *w,
                "of" | "in"
                    | "at"
                    | "on"
                    | "to"
                    | "from"
                    | "with"
                    | "by"
                    | "for"
                    | "against"
                    | "near"
                    | "into"
                    | "outside"
                    | "inside"
                    | "across"
                    | "around"
                    | "within"
                    | "throughout"
                    | "targeting"
                    | "over"
                    | "alongside"
                    | "through"
                    | "via"
                    | "between"
            )
        })
    }

    /// The argument after `prep` within `from..hi` ("by the ISKP").
    pub fn arg_after(&self, prep: &[&str], from: usize, hi: usize) -> Option<Arg> {
        let mut i = from;
        while i < hi {
            if self.word(i) == "." || self.word(i) == ";" {
                return None;
            }
            if prep.contains(&self.word(i)) {
                let mut k = i + 1;
                // "by suspected urban guerrillas", "by unidentified gunmen".
                while k < hi
                    && matches!(
                        self.word(k),
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "suspected"
                            | "alleged"
                            | "unidentified"
                            | "unknown"
                    )
                {
                    k += 1;
                }
                if let Some(arg) = (k < hi).then(|| self.arg_at(k)).flatten() {
                    return Some(arg);
                }
            }
            i += 1;
        }
        None
    }

    /// Whether the verb at `i` is a passive participle: a form of "be"
    /// stands before it, with at most two adverbs or auxiliaries between.
    pub fn is_passive(&self, i: usize, lo: usize, participle: bool) -> bool {
        if !participle {
            return false;
        }
        let mut k = i;
        let mut steps = 0;
        while k > lo && steps < 3 {
            k -= 1;
            steps += 1;
            if self.is_be(k) {
                return true;
            }
            if self.arg_at(k).is_some() || matches!(self.word(k), "," | "." | "and") {
                return false;
            }
        }
        false
    }

    /// Dependents of token `i` in its sentence (empty without a parse).
    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let syntax = &self.doc.syntax;
        let (lo, hi) = if syntax.head.len() == self.len() {
            self.sentence_bounds(i)
        } else {
            (0, 0)
        };
        (lo..hi).filter(move |&k| syntax.head[k].map(|h| h.index()) == Some(i))
    }

    fn deprel(&self, i: usize) -> &str {
        self.doc.syntax.deprel_of(i)
    }

    /// The argument a dependent of `i` with relation `rel` names; a
    /// relative pronoun stands for the noun its clause hangs on.
    fn dependent_arg(&self, i: usize, rel: &str) -> Option<Arg> {
        let child = self.children(i).find(|&c| self.deprel(c) == rel)?;
        if matches!(self.word(child), "which" | "who" | "that") && self.deprel(i) == "acl:relcl" {
            let head = self.doc.syntax.head_of(i)?;
            return self.arg_at(head);
        }
        self.arg_at(child)
    }

    /// Source and target of a verb from the dependency parse, when there is
    /// one: the subject (inherited through conjoined, xcomp and participle
    /// clauses), the object or the passive subject, and the "by" agent.
    pub fn syntax_args(&self, i: usize) -> (Option<Arg>, Option<Arg>) {
        if self.doc.syntax.head.len() != self.len() || self.len() == 0 {
            return (None, None);
        }
        let mut subject = self.dependent_arg(i, "nsubj");
        if subject.is_none() && matches!(self.deprel(i), "conj" | "xcomp" | "advcl") {
            if let Some(h) = self.doc.syntax.head_of(i) {
                subject = self.dependent_arg(h, "nsubj");
            }
        }
        let passive_subject = self.dependent_arg(i, "nsubj:pass");
        let agent = self.children(i).find_map(|c| {
            let by = self
                .children(c)
                .any(|g| self.deprel(g) == "case" && self.word(g) == "by");
            (self.deprel(c).starts_with("obl") && by)
                .then(|| self.arg_at(c))
                .flatten()
        });
        if passive_subject.is_some() {
            return (agent, passive_subject);
        }
        let object = self.dependent_arg(i, "obj").or_else(|| {
            self.children(i).find_map(|c| {
                let prep = self.children(c).any(|g| {
                    self.deprel(g) == "case"
                        && matches!(self.word(g), "on" | "against" | "to" | "with")
                });
                (self.deprel(c).starts_with("obl") && prep)
                    .then(|| self.arg_at(c))
                    .flatten()
            })
        });
        (subject, object)
    }

    /// Whether the parse gives verb `i` a subject to its left ("X, which
    /// ..., claimed the attack"): an inverted clause ("..., said the
    /// report.") has its subject after the verb.
    pub fn has_subject_before(&self, i: usize) -> bool {
        self.doc.syntax.head.len() == self.len()
            && self
                .children(i)
                .any(|c| c < i && matches!(self.deprel(c), "nsubj" | "nsubj:pass"))
    }

    /// The places named after a locative preposition in `from..hi`, in order.
    pub fn places_after(&self, from: usize, hi: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        let mut i = from;
        while i < hi {
            if self.word(i) == "." {
                break;
            }
            if let Some(arg) = self.arg_at(i) {
                if self.is_place(arg)
                    && self
                        .preposition_before(arg.first, from)
                        .is_some_and(|p| PLACE_PREPS.contains(&p))
                {
                    out.push(arg);
                }
                i = arg.last.max(i + 1);
                continue;
            }
            i += 1;
        }
        out
    }

    /// Arguments in a list starting at `from`: "A, B and C" (each must be a
    /// mention; determiners may precede them).
    pub fn list_at(&self, from: usize, hi: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        let mut i = from;
        loop {
            while i < hi && LIST_MODIFIERS.contains(&self.word(i)) {
                i += 1;
            }
            let Some(arg) = (i < hi).then(|| self.arg_at(i)).flatten() else {
                break;
            };
            out.push(arg);
            i = arg.last;
            let mut sep = false;
            while i < hi && matches!(self.word(i), "," | "and" | "or") {
                i += 1;
                sep = true;
            }
            // ", an Iran-backed militia" opens an apposition, not an item.
            if !sep || matches!(self.word(i), "a" | "an") {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::{TokenIdx, Upos};

    /// "The town was shelled by [rebels]": the parse gives the passive
    /// subject as target and the "by" phrase as source.
    #[test]
    fn passive_arguments_come_from_the_parse() {
        let mut doc =
            crate::fixture::document("[Goma]{GPE#1} was shelled by [M23]{ORG#2} .").unwrap();
        let heads = [Some(2), Some(2), None, Some(4), Some(2), Some(2)];
        let rels = ["nsubj:pass", "aux:pass", "root", "case", "obl", "punct"];
        doc.syntax.upos = vec![Upos::PROPN; 6];
        doc.syntax.xpos = vec![std::sync::Arc::from(""); 6];
        doc.syntax.lemma = vec![String::new(); 6];
        doc.syntax.head = heads.iter().map(|h| h.map(TokenIdx::new)).collect();
        doc.syntax.deprel = rels.iter().map(|&r| std::sync::Arc::from(r)).collect();
        let titles = Default::default();
        let v = DocView::new(&doc, &titles);
        let (source, target) = v.syntax_args(2);
        assert_eq!(source.map(|a| a.entity.index()), Some(1));
        assert_eq!(target.map(|a| a.entity.index()), Some(0));
    }
}
