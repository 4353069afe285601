//! The development set and its scoring.
//!
//! An article is `NAME.txt` (a `date: YYYY-MM-DD` line, then the text with
//! inline entity markup, see [`crate::fixture`]) and `NAME.toml` with what
//! should come out:
//!
//! ```toml
//! relations = [["ISKP", "affiliate_of", "Islamic State"]]
//! events = [["13", "ISKP", "Pakistan"]]     # root, source, target ("" = none)
//! claims = [["ISKP", "Pakistan is run at the behest"]]   # speaker, content
//! ```
//!
//! Names match an entity when they equal (ignoring case and a leading
//! "the") its name, an alias or the text of one of its non-pronoun
//! mentions, so gold files name entities as the article does. A relation is
//! right when subject, predicate and object match (either way round for
//! symmetric predicates); an event when its root, source and target match
//! (gold lists each root/source/target once per article; predictions are
//! deduplicated the same way and negated events are left out); a
//! claim when the speaker matches and the predicted and gold content overlap
//! by at least half of each.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_text::{DocMeta, Document, EntityId, MentionKind, TextRange};
use serde::{Deserialize, Serialize};

use crate::{fixture, ExtractError, SYMMETRIC};

/// What an article should yield.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub relations: Vec<[String; 3]>,
    #[serde(default)]
    pub events: Vec<[String; 3]>,
    #[serde(default)]
    pub claims: Vec<[String; 2]>,
    /// Whether the annotation writes unnamed actors as actor types
    /// (`COP(Peru)`), as the real-news set does. The hand-made set names
    /// only entities: there an event's unnamed actor is scored as the
    /// nationality inside it ("Rwandan troops": Rwandan) or as no actor, and
    /// an event left with no named actor is not scored (that set annotates
    /// none).
    #[serde(skip)]
    pub generic_actors: bool,
}

/// One article of the development set.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    pub date: Option<NaiveDate>,
    /// The text with its entity markup.
    pub marked: String,
    pub gold: Gold,
}

impl Article {
    /// The article text without markup: what the full pipeline reads.
    pub fn text(&self) -> Result<String, ExtractError> {
        Ok(fixture::parse(&self.marked)?.text)
    }

    pub fn meta(&self) -> DocMeta {
        DocMeta {
            id: self.id.clone(),
            date: self.date,
            ..DocMeta::default()
        }
    }

    /// A document with the gold mentions, entities and times of the markup:
    /// the extractor measured on its own.
    pub fn oracle_document(&self) -> Result<Document, ExtractError> {
        fixture::document_with_meta(&self.marked, self.meta())
    }
}

/// The articles of `dir` (not of its subfolders), sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Article>, ExtractError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExtractError::Io { path, source }
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let raw = std::fs::read_to_string(&path).map_err(io(&path))?;
        let (date, marked) = match raw.strip_prefix("date: ") {
            Some(rest) => {
                let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
                let date = NaiveDate::parse_from_str(line.trim(), "%Y-%m-%d").map_err(|_| {
                    ExtractError::Data {
                        path: path.clone(),
                        message: format!("bad date {line:?}; write date: YYYY-MM-DD"),
                    }
                })?;
                (Some(date), body.trim().to_string())
            }
            None => (None, raw.trim().to_string()),
        };
        let toml_path = path.with_extension("toml");
        let gold_text = std::fs::read_to_string(&toml_path).map_err(io(&toml_path))?;
        let gold: Gold = toml::from_str(&gold_text).map_err(|e| ExtractError::Data {
            path: toml_path.clone(),
            message: e.to_string(),
        })?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Article {
            id,
            date,
            marked,
            gold,
        });
    }
    Ok(out)
}

/// True positives, predictions and gold items of one layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of the three layers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub relations: Counts,
    pub events: Counts,
    pub claims: Counts,
}

impl Scores {
    pub fn add(&mut self, other: Scores) {
        self.relations.add(other.relations);
        self.events.add(other.events);
        self.claims.add(other.claims);
    }
}

/// A name as the scorer compares it: lowercase, without quotes, a leading
/// "the" or anything but letters and digits.
pub fn normalize(name: &str) -> String {
    let lower = name
        .trim()
        .trim_matches(|c: char| "“”\"‘’'".contains(c))
        .to_lowercase()
        .replace('’', "'");
    // Spelling variants of one name ("al Qaeda", "al-Qaeda") match: only
    // letters and digits are compared.
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    bare.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether entity `id` of `doc` goes by `gold` ("" matches no entity).
///
/// The real-news set also writes unnamed speakers as `~` and a description
/// (`~a police spokesman`): they match a claim with no speaker entity.
/// Unnamed actors are written as a type, with the country when the text
/// gives it (`COP(Peru)`); the pipeline has no such actors, so they match
/// nothing.
pub fn names(doc: &Document, id: Option<EntityId>, gold_name: &str) -> bool {
    if generic_actor(gold_name).is_some() {
        return false;
    }
    let gold = normalize(gold_name);
    let Some(id) = id else {
        return gold.is_empty() || gold == "-" || gold_name.trim_start().starts_with('~');
    };
    let Some(e) = doc.entities.get(id.index()) else {
        return false;
    };
    normalize(&e.name) == gold
        || e.aliases.iter().any(|a| normalize(a) == gold)
        || e.mentions.iter().any(|m| {
            let m = &doc.mentions[m.index()];
            m.kind != MentionKind::Pronoun && normalize(doc.slice(m.range)) == gold
        })
        || (e.etype == dossier_text::EntityType::Person && same_person(&e.name, gold_name))
}

/// The actor types of `data/actor_types.tsv`, in file order.
/// Whether an event's actor, a named entity or an unnamed one, is the gold
/// actor. An unnamed actor (`COP(Peru)`) matches one of the same type; the
/// countries must agree when both give one (the gold country is matched as
/// a name against the predicted country's entity), and a prediction without
/// a country, or gold without one, matches on the type alone.
pub fn actor_is(
    doc: &Document,
    id: Option<EntityId>,
    generic: Option<&dossier_text::GenericActor>,
    gold_name: &str,
) -> bool {
    match (generic, generic_actor(gold_name)) {
        (Some(g), Some((code, country))) => {
            g.kind == code
                && match (g.country, country) {
                    (Some(c), Some(gc)) => names(doc, Some(c), gc),
                    _ => true,
                }
        }
        (Some(_), None) => false,
        (None, Some(_)) => false,
        (None, None) => names(doc, id, gold_name),
    }
}

pub fn actor_types() -> &'static [String] {
    static TYPES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TYPES.get_or_init(|| {
        include_str!("../data/actor_types.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string)
            .collect()
    })
}

/// An unnamed actor written as its type and, in brackets, its country
/// (`COP(Peru)`, `OPP`): the type and the country.
pub fn generic_actor(name: &str) -> Option<(&str, Option<&str>)> {
    let name = name.trim();
    let (code, country) = match name.split_once('(') {
        Some((code, rest)) => (code, Some(rest.strip_suffix(')')?.trim())),
        None => (name, None),
    };
    actor_types()
        .iter()
        .any(|t| t == code)
        .then_some((code, country))
}

/// Byte range of the first place where `needle` occurs in `text`, the
/// runs of white space between its words matching any run of white space
/// (a quote that crosses a line break in the source is still found).
pub fn find_loose(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let mut words = needle.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    'starts: for (start, _) in text.match_indices(first) {
        let mut end = start + first.len();
        for w in &rest {
            let after = &text[end..];
            let gap = after.len() - after.trim_start().len();
            if gap == 0 || !after[gap..].starts_with(w) {
                continue 'starts;
            }
            end += gap + w.len();
        }
        return Some(start..end);
    }
    None
}

/// A person's name with or without a title ("Interior Minister Sarfraz
/// Bugti", "Sheikh Rashid Ahmed"): one name's words run inside the other's,
/// two words at least.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(normalize)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short.len() >= 2 && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Greedy one-to-one matching of predictions to gold items: for each
/// prediction, the gold item it took, if any.
fn matching<P, G>(preds: &[P], gold: &[G], same: impl Fn(&P, &G) -> bool) -> Vec<Option<usize>> {
    let mut used = vec![false; gold.len()];
    preds
        .iter()
        .map(|p| {
            let k = (0..gold.len()).find(|&k| !used[k] && same(p, &gold[k]))?;
            used[k] = true;
            Some(k)
        })
        .collect()
}

fn counts(m: &[Option<usize>], n_gold: usize) -> Counts {
    Counts {
        tp: m.iter().filter(|x| x.is_some()).count(),
        predicted: m.len(),
        gold: n_gold,
    }
}

/// The three matchings of `doc` against `gold`, events deduplicated.
struct Matched {
    events: Vec<dossier_text::Event>,
    relations: Vec<Option<usize>>,
    event_match: Vec<Option<usize>>,
    claims: Vec<Option<usize>>,
}

fn match_all(doc: &Document, gold: &Gold) -> Matched {
    let relations = matching(&doc.relations, &gold.relations, |r, [s, p, o]| {
        r.predicate == *p
            && ((names(doc, Some(r.subject), s) && names(doc, Some(r.object), o))
                || (SYMMETRIC.contains(&p.as_str())
                    && names(doc, Some(r.subject), o)
                    && names(doc, Some(r.object), s)))
    });
    // An event told twice (by a verb and its noun, or in two sentences)
    // counts once; negated events did not happen and are not scored.
    let on = gold.generic_actors;
    // The hand-made set names only entities: there an unnamed actor counts
    // as the nationality that modifies it ("Rwandan troops": Rwandan), as the
    // pipeline gave it before it knew unnamed actors, else as no actor.
    let named = |id: Option<EntityId>, g: &Option<dossier_text::GenericActor>| match g {
        Some(g) if !on => g.country.filter(|&c| {
            doc.entities.get(c.index()).is_some_and(|e| {
                e.mentions
                    .iter()
                    .any(|m| g.range.contains_range(doc.mentions[m.index()].range))
            })
        }),
        _ => id,
    };
    let kind = |a: &Option<dossier_text::GenericActor>| {
        a.as_ref()
            .filter(|_| on)
            .map(|g| (g.kind.clone(), g.country))
    };
    let mut events: Vec<dossier_text::Event> = Vec::new();
    for e in &doc.events {
        let seen = events.iter().any(|x| {
            x.root == e.root
                && named(x.source, &x.source_actor) == named(e.source, &e.source_actor)
                && named(x.target, &x.target_actor) == named(e.target, &e.target_actor)
                && kind(&x.source_actor) == kind(&e.source_actor)
                && kind(&x.target_actor) == kind(&e.target_actor)
        });
        // Nor does it annotate events without a named actor (its gold has
        // none, and the pipeline made none before it knew unnamed actors).
        let unnamed = !on
            && named(e.source, &e.source_actor).is_none()
            && named(e.target, &e.target_actor).is_none();
        if !seen && !unnamed && e.modality != dossier_text::Modality::Negated {
            events.push(e.clone());
        }
    }
    let event_match = matching(&events, &gold.events, |e, [root, s, t]| {
        let actor = |id: Option<EntityId>, g: &Option<dossier_text::GenericActor>, gold: &str| {
            if on {
                actor_is(doc, id, g.as_ref(), gold)
            } else {
                names(doc, named(id, g), gold)
            }
        };
        e.root == root[..root.len().min(2)]
            && actor(e.source, &e.source_actor, s)
            && actor(e.target, &e.target_actor, t)
    });
    let claims = matching(&doc.claims, &gold.claims, |c, [speaker, content]| {
        let Some(at) = find_loose(doc.text(), content) else {
            return false;
        };
        let g = TextRange::from_usize(at.start, at.end);
        let inter = c
            .range
            .end()
            .min(g.end())
            .saturating_sub(c.range.start().max(g.start()));
        names(doc, c.speaker, speaker)
            && inter as f64 >= 0.5 * g.len() as f64
            && inter as f64 >= 0.5 * c.range.len() as f64
    });
    Matched {
        events,
        relations,
        event_match,
        claims,
    }
}

/// The produced events that matched a gold event (deduplicated as they
/// are scored), each with the index of its gold event.
pub fn matched_events(doc: &Document, gold: &Gold) -> Vec<(dossier_text::Event, usize)> {
    let m = match_all(doc, gold);
    pair_matched(m.events, m.event_match)
}

/// The produced claims that matched a gold claim, each with the index of
/// its gold claim.
pub fn matched_claims<'d>(doc: &'d Document, gold: &Gold) -> Vec<(&'d dossier_text::Claim, usize)> {
    pair_matched(&doc.claims, match_all(doc, gold).claims)
}

/// Each item that matched, with the index of the gold item it took.
fn pair_matched<T>(items: impl IntoIterator<Item = T>, m: Vec<Option<usize>>) -> Vec<(T, usize)> {
    items
        .into_iter()
        .zip(m)
        .filter_map(|(x, k)| Some((x, k?)))
        .collect()
}

/// Scores the layers of an annotated `doc` against `gold`.
pub fn score(doc: &Document, gold: &Gold) -> Scores {
    let m = match_all(doc, gold);
    Scores {
        relations: counts(&m.relations, gold.relations.len()),
        events: counts(&m.event_match, gold.events.len()),
        claims: counts(&m.claims, gold.claims.len()),
    }
}

/// What went wrong on one article: spurious predictions (`+`) and missed
/// gold items (`-`), one per line.
pub fn misses(doc: &Document, gold: &Gold) -> String {
    use std::fmt::Write;
    let m = match_all(doc, gold);
    let name = |id: Option<EntityId>| {
        id.and_then(|id| doc.entities.get(id.index()))
            .map_or("-".to_string(), |e| e.name.clone())
    };
    let mut out = String::new();
    for (r, k) in doc.relations.iter().zip(&m.relations) {
        if k.is_none() {
            let _ = writeln!(
                out,
                "+ rel {} {} {}",
                name(Some(r.subject)),
                r.predicate,
                name(Some(r.object))
            );
        }
    }
    for (k, g) in gold.relations.iter().enumerate() {
        if !m.relations.contains(&Some(k)) {
            let _ = writeln!(out, "- rel {} {} {}", g[0], g[1], g[2]);
        }
    }
    for (e, k) in m.events.iter().zip(&m.event_match) {
        if k.is_none() {
            let _ = writeln!(
                out,
                "+ event {} {} -> {} '{}'",
                e.code,
                e.source_actor
                    .as_ref()
                    .map_or_else(|| name(e.source), |g| g.label(doc)),
                e.target_actor
                    .as_ref()
                    .map_or_else(|| name(e.target), |g| g.label(doc)),
                doc.slice(e.trigger)
            );
        }
    }
    for (k, g) in gold.events.iter().enumerate() {
        if !m.event_match.contains(&Some(k)) {
            let _ = writeln!(out, "- event {} {} -> {}", g[0], g[1], g[2]);
        }
    }
    for (c, k) in doc.claims.iter().zip(&m.claims) {
        if k.is_none() {
            let _ = writeln!(out, "+ claim {}: '{}'", name(c.speaker), doc.slice(c.range));
        }
    }
    for (k, g) in gold.claims.iter().enumerate() {
        if !m.claims.contains(&Some(k)) {
            let _ = writeln!(out, "- claim {}: '{}'", g[0], g[1]);
        }
    }
    out
}

/// Gold contents that do not occur in the article text: mistakes in the
/// gold file, reported before scoring.
pub fn check_gold(article: &Article) -> Result<(), ExtractError> {
    let text = article.text()?;
    for [_, content] in &article.gold.claims {
        if !text.contains(content.as_str()) {
            return Err(ExtractError::Data {
                path: PathBuf::from(format!("{}.toml", article.id)),
                message: format!("claim content {content:?} is not in the text"),
            });
        }
    }
    Ok(())
}
