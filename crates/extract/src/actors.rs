//! Unnamed actors: "police", "soldiers", "guerrillas", "residents".
//!
//! Most violent events in the news have actors the text does not name. A
//! phrase whose words are one of the heads of `data/actor_types.tsv`
//! ("riot police", "security forces", "troops") is a generic actor of that
//! type (after CAMEO's agent codes: COP, MIL, REB, OPP, CVL, GOV, ...),
//! qualified by a country: the nationality or state that modifies it
//! ("Peruvian police", "the army of El Salvador"), else the country the
//! article names most. The event rules see these phrases as arguments
//! (`DocView::set_generics`); events keep them apart from the named
//! entities (`Event::source_actor`).

use std::collections::HashMap;

use dossier_text::{EntityId, EntityType, GenericActor, MentionKind};

use crate::view::DocView;

/// The heads of unnamed actors, by first word.
#[derive(Clone, Debug, Default)]
pub struct ActorHeads {
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl ActorHeads {
    /// The heads of the embedded `data/actor_types.tsv` (third column).
    pub fn embedded() -> ActorHeads {
        ActorHeads::parse(include_str!("../data/actor_types.tsv"))
    }

    /// Reads `code<TAB>covers<TAB>heads`, the heads comma-separated.
    pub fn parse(table: &str) -> ActorHeads {
        let mut by_first: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(code), Some(heads)) = (cols.first(), cols.get(2)) else {
                continue;
            };
            for head in heads.split(',') {
                let words: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    by_first
                        .entry(first.clone())
                        .or_default()
                        .push((words, code.to_string()));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        ActorHeads { by_first }
    }

    /// The longest head at the start of `words`: its length and type.
    pub fn longest(&self, words: &[&str]) -> Option<(usize, &str)> {
        let list = self.by_first.get(*words.first()?)?;
        list.iter()
            .find(|(w, _)| w.len() <= words.len() && w.iter().zip(words).all(|(a, b)| a == b))
            .map(|(w, code)| (w.len(), code.as_str()))
    }
}

/// An unnamed actor found in the text: its type, country and tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenericPhrase {
    pub kind: String,
    pub country: Option<EntityId>,
    pub first: usize,
    pub last: usize,
}

impl GenericPhrase {
    pub fn actor(&self, v: &DocView) -> GenericActor {
        GenericActor {
            kind: self.kind.clone(),
            country: self.country,
            range: v.span(self.first, self.last),
        }
    }
}

/// The unnamed actors of a document, in text order.
pub fn find(heads: &ActorHeads, v: &DocView) -> Vec<GenericPhrase> {
    let default_country = main_country(v);
    let nations = Nations::of(v);
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v.mention_at[i].is_some() {
            // A tagger may take "Tanzanian police" for a name: a nationality
            // and a head that fill the whole name are an unnamed actor.
            if let Some(g) = tagged_as_name(heads, v, &nations, i) {
                i = g.last;
                out.push(g);
            } else {
                i += 1;
            }
            continue;
        }
        let (lo, hi) = v.sentence_bounds(i);
        let words: Vec<&str> = (i..(i + 4).min(hi)).map(|k| v.word(k)).collect();
        let Some((n, kind)) = heads.longest(&words) else {
            i += 1;
            continue;
        };
        let last = i + n;
        if (i..last).any(|k| v.mention_at[k].is_some()) {
            i += 1;
            continue;
        }
        // "police chief X", "judge X": a title of a named person.
        let titles_name = v
            .arg_at(last)
            .is_some_and(|a| v.etype(a) == EntityType::Person)
            || (last < hi && v.is_title(v.word(last)));
        // A modifier before the phrase: a nationality or state gives the
        // country ("Peruvian police"), a named group owns it ("FMLN
        // guerrillas": the group is the actor).
        let mut k = i;
        while k > lo && matches!(v.word(k - 1), "the" | "a" | "an" | "'s") {
            k -= 1;
        }
        let before = (k > lo).then(|| v.arg_at(k - 1)).flatten();
        let owned = before.is_some_and(|a| v.etype(a) == EntityType::Org)
            // "the Army of National Liberation": the head opens a name.
            || (last + 1 < hi
                && v.word(last) == "of"
                && v.arg_at(last + 1)
                    .is_some_and(|a| v.etype(a) == EntityType::Org));
        if titles_name || owned {
            i = last;
            continue;
        }
        let country = before
            .filter(|a| is_country(v, a.entity))
            .or_else(|| {
                (last + 1 < hi && matches!(v.word(last), "of" | "in"))
                    .then(|| v.arg_at(last + 1))
                    .flatten()
                    .filter(|a| is_country(v, a.entity))
            })
            .map(|a| as_country(v, a.entity))
            .or(default_country);
        // A nationality or state right before the head is part of the
        // phrase ("Peruvian police", "the Myanmar military"): the phrase,
        // not the country, is the actor.
        let first = match before {
            Some(a) if k == i && is_country(v, a.entity) => a.first,
            _ => i,
        };
        out.push(GenericPhrase {
            kind: kind.to_string(),
            country,
            first,
            last,
        });
        i = last;
    }
    out
}

/// Whether an entity names a country: a nationality, or a GPE the
/// geocoder put at the level of a country (not a city or a province).
fn is_country(v: &DocView, id: EntityId) -> bool {
    v.doc
        .entities
        .get(id.index())
        .is_some_and(|e| match e.etype {
            EntityType::Norp => true,
            EntityType::Gpe => e.geo.as_ref().is_some_and(|g| g.level == "country"),
            _ => false,
        })
}

/// A nationality stands for its country when the article names that
/// country too ("Salvadoran troops" in an article about El Salvador).
fn as_country(v: &DocView, id: EntityId) -> EntityId {
    let doc = v.doc;
    let Some(e) = doc.entities.get(id.index()) else {
        return id;
    };
    if e.etype != EntityType::Norp {
        return id;
    }
    let code = e.geo.as_ref().and_then(|g| g.country.clone());
    doc.entities
        .iter()
        .position(|c| {
            c.etype == EntityType::Gpe
                && c.geo.as_ref().is_some_and(|g| {
                    g.level == "country" && g.country.is_some() && g.country == code
                })
        })
        .map_or(id, EntityId::new)
}

/// The country the article names most often (a GPE at the level of a
/// country, counted by its name mentions; the first named wins a tie).
fn main_country(v: &DocView) -> Option<EntityId> {
    let doc = v.doc;
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.etype == EntityType::Gpe && e.geo.as_ref().is_some_and(|g| g.level == "country")
        })
        .map(|(i, e)| {
            let n = e
                .mentions
                .iter()
                .filter(|m| doc.mentions[m.index()].kind != MentionKind::Pronoun)
                .count();
            let first = e
                .mentions
                .iter()
                .map(|m| doc.mentions[m.index()].range.start())
                .min()
                .unwrap_or(u32::MAX);
            (i, n, first)
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(i, _, _)| EntityId::new(i))
}

/// The article's nationalities and countries, looked up by a word that
/// may be a nationality ("Tanzanian": the country Tanzania).
struct Nations {
    /// NORP entities by their lowercase name.
    norp: HashMap<String, EntityId>,
    /// Country-level GPEs by the first four letters of their lowercase name.
    countries: HashMap<String, Vec<(String, EntityId)>>,
}

impl Nations {
    fn of(v: &DocView) -> Nations {
        let mut norp = HashMap::new();
        let mut countries: HashMap<String, Vec<(String, EntityId)>> = HashMap::new();
        for (k, e) in v.doc.entities.iter().enumerate() {
            let id = EntityId::new(k);
            let name = e.name.to_lowercase();
            if e.etype == EntityType::Norp {
                norp.entry(name).or_insert(id);
            } else if is_country(v, id) && name.chars().count() >= 4 {
                let key: String = name.chars().take(4).collect();
                countries.entry(key).or_default().push((name, id));
            }
        }
        Nations { norp, countries }
    }

    /// The country a nationality word stands for: a NORP of the article
    /// (its country when the article names it), else the country whose
    /// name the word begins with ("Kenyan": Kenya; "Hungarian": Hungary),
    /// the longest one.
    fn country(&self, v: &DocView, word: &str) -> Option<EntityId> {
        // "American" is the nationality of "Americans" the article names.
        if let Some(&id) = self
            .norp
            .get(word)
            .or_else(|| self.norp.get(&format!("{word}s")))
        {
            return Some(as_country(v, id));
        }
        let key: String = word.chars().take(4).collect();
        self.countries
            .get(&key)?
            .iter()
            .filter(|(name, _)| {
                // "Hungarian", "Chinese": a final vowel or "y" may go.
                let stem = name
                    .strip_suffix(['a', 'e', 'o', 'y'])
                    .filter(|s| s.len() >= 4)
                    .unwrap_or(name);
                word.len() > name.len() && word.starts_with(stem)
            })
            .max_by_key(|(name, _)| name.len())
            .map(|&(_, id)| id)
    }
}

/// A name mention that starts at `i` and is a nationality followed by the
/// head of an unnamed actor ("Nigerian security forces"): that actor.
fn tagged_as_name(
    heads: &ActorHeads,
    v: &DocView,
    nations: &Nations,
    i: usize,
) -> Option<GenericPhrase> {
    let m = v.mention_at[i]?;
    let mention = &v.doc.mentions[m];
    let toks = v.doc.tokens_in(mention.range);
    if toks.start != i || toks.end < i + 2 || mention.kind == MentionKind::Pronoun {
        return None;
    }
    let words: Vec<&str> = (i + 1..toks.end).map(|k| v.word(k)).collect();
    let (n, kind) = heads.longest(&words)?;
    // "the Russian government" names a state's government, which the
    // article's entities already stand for; "American authorities",
    // "Iraqi officials" (a plural head) are unnamed officials of it.
    let plural = v.word(toks.end - 1).ends_with('s');
    if n != words.len() || (kind == "GOV" && !plural) {
        return None;
    }
    let country = nations.country(v, v.word(i))?;
    Some(GenericPhrase {
        kind: kind.to_string(),
        country: Some(country),
        first: i,
        last: toks.end,
    })
}
