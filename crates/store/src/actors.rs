//! Global actors: linking a document's entities to actors that hold across
//! articles, and the curation judgements (merge, split, alias) that correct
//! them and hold through later ingests.

use std::collections::BTreeSet;

use crate::db::{args, Db, DbResult, OptionalExt};

use dossier_kb::normalize;
use dossier_schema::{EntityType, OutputEntity};

use crate::ingest::{self, EventMention, RelationMention, Touched};
use crate::{now, Store, StoreError};

/// The actor an entity links to, with the link's confidence; `None` for an
/// entity that stays unlinked (a surname alone, an ambiguous name).
pub(crate) struct Link {
    pub actor: Option<String>,
    pub confidence: f64,
    /// Linking folded an own actor into the KB actor, and so moved the
    /// relations and events of every article that named it.
    pub merged: bool,
}

/// The names of an entity that may link it: its name and aliases, except
/// that a person links by a full name only, so "Khan" alone never joins or
/// creates a person.
fn linking_names<'a>(etype: EntityType, name: &'a str, aliases: &'a [String]) -> Vec<&'a str> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .filter(|n| etype != EntityType::Person || n.split_whitespace().count() >= 2)
        .collect()
}

/// The link keys of a name: its exact KB key (`e:`), and for organisations
/// and other non-person, non-place names its vowel-folded key (`l:`) too, so
/// that "Tehreek-e-Taliban" and "Tehrik-i-Taliban" meet. People and places
/// link by exact keys only: "Sadiq Khan" must not meet "Sadeq Khan", nor a
/// town its namesake.
fn keys_of(etype: EntityType, name: &str) -> Vec<String> {
    let mut keys = Vec::with_capacity(2);
    let exact = normalize::key(name);
    if exact.is_empty() {
        return keys;
    }
    keys.push(format!("e:{exact}"));
    let loose_ok = !matches!(etype, EntityType::Person) && !etype.is_place();
    if loose_ok && !normalize::is_acronym(name) {
        let loose = normalize::loose_key(name);
        if loose.len() >= 5 {
            keys.push(format!("l:{loose}"));
        }
    }
    keys
}

/// The id an actor without a KB entry gets from the name that created it:
/// `x:<type>:<slug>`. It never changes afterwards.
fn own_id(etype: EntityType, name: &str) -> String {
    let key = normalize::lowercase_key(name);
    let mut slug = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    format!("x:{}:{}", etype.as_str().to_lowercase(), slug)
}

/// Follows merge redirects to the actor that stands now.
pub(crate) fn current(tx: &Db, id: &str) -> DbResult<String> {
    let mut id = id.to_string();
    for _ in 0..16 {
        let next: Option<String> = tx
            .row(
                "SELECT new FROM actor_redirects WHERE old = ?1",
                args![id],
                |r| r.get(0),
            )
            .optional()?;
        match next {
            Some(n) => id = n,
            None => break,
        }
    }
    Ok(id)
}

fn ensure_actor(tx: &Db, id: &str, e: &OutputEntity, created_at: &str) -> DbResult<()> {
    let geo = e.geo.as_ref();
    tx.exec(
        "INSERT INTO actors (id, name, type, kb_id, country, lat, lon, geonames_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO NOTHING",
        args![
            id,
            e.name,
            e.etype.as_str(),
            e.kb_id,
            geo.and_then(|g| g.country.clone()),
            geo.map(|g| g.lat),
            geo.map(|g| g.lon),
            geo.and_then(|g| g.geonames_id).map(|g| g as i64),
            created_at,
        ],
    )?;
    Ok(())
}

/// Actors of a type that answer to any of these keys, with the keys a
/// curation judgement blocked for them left out.
fn actors_with_keys(tx: &Db, etype: &str, keys: &[String]) -> DbResult<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for key in keys {
        out.extend(tx.rows(
            "SELECT k.actor FROM actor_keys k
             WHERE k.key = ?1 AND k.type = ?2
               AND NOT EXISTS (SELECT 1 FROM key_blocks b WHERE b.actor = k.actor AND b.key = k.key)",
            args![key, etype],
            |r| r.get::<String>(0),
        )?);
    }
    Ok(out)
}

/// Links one document entity to a global actor, creating the actor when
/// the name is new, and learns the entity's names as the actor's aliases.
/// `now` is the batch's time, which a new actor records as its creation.
pub(crate) fn link_entity(tx: &Db, e: &OutputEntity, now: &str) -> DbResult<Link> {
    let etype = e.etype.as_str();
    let names = linking_names(e.etype, &e.name, &e.aliases);
    let name_ok = names.first() == Some(&e.name.as_str());
    // Each name's keys are computed once, for the lookups and for learning.
    let keyed: Vec<(&str, Vec<String>)> = names.iter().map(|n| (*n, keys_of(e.etype, n))).collect();
    let keys = |names: &[&str], prefix: &str| -> Vec<String> {
        keyed
            .iter()
            .filter(|(n, _)| names.contains(n))
            .flat_map(|(_, ks)| ks.iter().filter(|k| k.starts_with(prefix)).cloned())
            .collect()
    };

    let mut merged = false;
    let (actor, confidence) = if let Some(kb) = &e.kb_id {
        let id = current(tx, kb)?;
        ensure_actor(tx, &id, e, now)?;
        // An actor the store made for this name before the KB knew it (or
        // before an article gave the KB link) folds into the KB actor, so
        // the graph does not depend on the order articles arrive in.
        let own: BTreeSet<String> = actors_with_keys(tx, etype, &keys(&names, "e:"))?
            .into_iter()
            .filter(|a| a.starts_with("x:") && *a != id)
            .collect();
        if own.len() == 1 {
            let gone = own.into_iter().next().unwrap_or_default();
            merge_actors(tx, &id, &gone)?;
            merged = true;
        }
        (Some(id), 0.99)
    } else {
        // The entity's own name first, exactly, then as a spelling variant;
        // then its other names, where an acronym counts only for an entity
        // that is itself an acronym: "JNIM" defined in one article resolves
        // a bare "JNIM" in another, but a new long name that shares an
        // acronym with a known actor is another actor, and the acronym is
        // ambiguous from then on.
        let own_name: &[&str] = if name_ok { &names[..1] } else { &[] };
        let others: Vec<&str> = names
            .iter()
            .skip(usize::from(name_ok))
            .copied()
            .filter(|n| !normalize::is_acronym(n))
            .collect();
        let steps: [(Vec<String>, f64); 3] = [
            (keys(own_name, "e:"), 0.9),
            (keys(own_name, "l:"), 0.75),
            (keys(&others, "e:"), 0.8),
        ];
        let mut found: Option<(Option<String>, f64)> = None;
        for (step_keys, conf) in steps {
            if step_keys.is_empty() {
                continue;
            }
            let hits = actors_with_keys(tx, etype, &step_keys)?;
            match hits.len() {
                0 => continue,
                1 => found = Some((hits.into_iter().next(), conf)),
                _ => found = Some((None, 0.0)),
            }
            break;
        }
        match found {
            Some(f) => f,
            None if name_ok => {
                let id = fresh_own_id(tx, e.etype, &e.name)?;
                ensure_actor(tx, &id, e, now)?;
                (Some(id), 0.9)
            }
            None => (None, 0.0),
        }
    };
    let Some(actor) = actor else {
        return Ok(Link {
            actor: None,
            confidence: 0.0,
            merged,
        });
    };
    let actor = current(tx, &actor)?;
    let all_keys: Vec<&String> = keyed.iter().flat_map(|(_, ks)| ks).collect();
    learn_names(tx, &actor, e, &all_keys)?;
    Ok(Link {
        actor: Some(actor),
        confidence: confidence * f64::from(e.confidence).clamp(0.5, 1.0),
        merged,
    })
}

fn fresh_own_id(tx: &Db, etype: EntityType, name: &str) -> DbResult<String> {
    let base = own_id(etype, name);
    let mut id = base.clone();
    let mut n = 2;
    loop {
        let taken: bool = tx.row(
            "SELECT EXISTS(SELECT 1 FROM actors WHERE id = ?1)
                     OR EXISTS(SELECT 1 FROM actor_redirects WHERE old = ?1)",
            args![id],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(id);
        }
        id = format!("{base}~{n}");
        n += 1;
    }
}

/// Counts the entity's names and link `keys` (those of its linking names)
/// for the actor.
fn learn_names(tx: &Db, actor: &str, e: &OutputEntity, keys: &[&String]) -> DbResult<()> {
    let etype = e.etype.as_str();
    let mut seen = BTreeSet::new();
    for key in keys {
        if seen.insert(*key) {
            tx.exec(
                "INSERT INTO actor_keys (key, actor, type, n) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT (key, actor) DO UPDATE SET n = actor_keys.n + 1",
                args![key, actor, etype],
            )?;
        }
    }
    let mut shown = BTreeSet::new();
    for name in std::iter::once(&e.name).chain(&e.aliases) {
        if shown.insert(name.as_str()) {
            tx.exec(
                "INSERT INTO actor_names (actor, name, n) VALUES (?1, ?2, 1)
                 ON CONFLICT (actor, name) DO UPDATE SET n = actor_names.n + 1",
                args![actor, name],
            )?;
        }
    }
    Ok(())
}

/// Takes a removed entity's names off its actor's counts (an article
/// replaced by a new version). Keys a curator added stay.
pub(crate) fn forget_names(
    tx: &Db,
    actor: &str,
    name: &str,
    etype: &str,
    aliases: &[String],
) -> DbResult<()> {
    let Some(etype) = EntityType::parse(etype) else {
        return Ok(());
    };
    let mut seen = BTreeSet::new();
    for n in linking_names(etype, name, aliases) {
        for key in keys_of(etype, n) {
            if seen.insert(key.clone()) {
                tx.exec(
                    "UPDATE actor_keys SET n = n - 1 WHERE key = ?1 AND actor = ?2",
                    args![key, actor],
                )?;
            }
        }
    }
    tx.exec(
        "DELETE FROM actor_keys WHERE actor = ?1 AND n <= 0 AND curated = 0",
        args![actor],
    )?;
    let mut shown = BTreeSet::new();
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        if shown.insert(n) {
            tx.exec(
                "UPDATE actor_names SET n = n - 1 WHERE actor = ?1 AND name = ?2",
                args![actor, n],
            )?;
        }
    }
    tx.exec(
        "DELETE FROM actor_names WHERE actor = ?1 AND n <= 0",
        args![actor],
    )?;
    Ok(())
}

/// Articles with an entity linked to any of these actors.
fn articles_of(tx: &Db, actors: &[&str]) -> DbResult<BTreeSet<i64>> {
    let mut out = BTreeSet::new();
    for a in actors {
        out.extend(tx.rows(
            "SELECT DISTINCT article FROM entities WHERE actor = ?1",
            args![a],
            |r| r.get::<i64>(0),
        )?);
    }
    Ok(out)
}

/// Folds actor `gone` into `keep`: its entities, names and keys move, its
/// id redirects to `keep` for good, and the facts of the articles that name
/// it are linked again, so that events and relations meet their new actor.
fn merge_actors(tx: &Db, keep: &str, gone: &str) -> DbResult<()> {
    let articles = articles_of(tx, &[gone])?;
    tx.exec(
        "UPDATE entities SET actor = ?1 WHERE actor = ?2",
        args![keep, gone],
    )?;
    tx.exec(
        "INSERT INTO actor_keys (key, actor, type, n, curated)
         SELECT key, CAST(?1 AS TEXT), (SELECT type FROM actors WHERE id = ?1), n, curated
         FROM actor_keys WHERE actor = ?2
         ON CONFLICT (key, actor) DO UPDATE SET n = actor_keys.n + excluded.n,
            curated = CASE WHEN excluded.curated > actor_keys.curated THEN excluded.curated
                           ELSE actor_keys.curated END",
        args![keep, gone],
    )?;
    tx.exec("DELETE FROM actor_keys WHERE actor = ?1", args![gone])?;
    tx.exec(
        "INSERT INTO actor_names (actor, name, n)
         SELECT CAST(?1 AS TEXT), name, n FROM actor_names WHERE actor = ?2
         ON CONFLICT (actor, name) DO UPDATE SET n = actor_names.n + excluded.n",
        args![keep, gone],
    )?;
    tx.exec("DELETE FROM actor_names WHERE actor = ?1", args![gone])?;
    tx.exec(
        "UPDATE actor_redirects SET new = ?1 WHERE new = ?2",
        args![keep, gone],
    )?;
    tx.exec(
        "INSERT INTO actor_redirects (old, new) VALUES (?1, ?2)
         ON CONFLICT (old) DO UPDATE SET new = excluded.new",
        args![gone, keep],
    )?;
    tx.exec("DELETE FROM actors WHERE id = ?1", args![gone])?;
    relink_facts(tx, &articles)
}

/// Links the relations, events and claims of these articles again from
/// their entities' current actors: after a merge or a split, a fact moves to
/// the relation or event its new actors make.
fn relink_facts(tx: &Db, articles: &BTreeSet<i64>) -> DbResult<()> {
    let mut touched = Touched {
        has_duplicates: true,
        ..Touched::default()
    };
    for &article in articles {
        relink_relations(tx, article, &mut touched)?;
        let pub_day: Option<i32> = tx.row(
            "SELECT published_day FROM articles WHERE rowid = ?1",
            args![article],
            |r| r.get(0),
        )?;
        relink_events(tx, article, pub_day, &mut touched)?;
        relink_claims(tx, article)?;
    }
    // A relinked mention may join a relation that held this article's
    // mentions before: every relation they reach is counted again whole.
    touched.relinked = true;
    ingest::refresh(tx, &touched)
}

/// The actor an article's entity `local` links to now.
fn actor_of(tx: &Db, article: i64, local: Option<&str>) -> DbResult<Option<String>> {
    let Some(l) = local else { return Ok(None) };
    tx.row(
        "SELECT actor FROM entities WHERE article = ?1 AND local = ?2",
        args![article, l],
        |r| r.get(0),
    )
    .optional()
    .map(Option::flatten)
}

/// An article's relation mentions, inserted again under their actors.
fn relink_relations(tx: &Db, article: i64, touched: &mut Touched) -> DbResult<()> {
    type RelRow = (
        String,
        String,
        String,
        i64,
        i64,
        i64,
        Option<String>,
        Option<String>,
        f64,
        Option<i64>,
    );
    let rels: Vec<RelRow> = tx.rows(
        "SELECT m.subject_local, m.object_local, m.predicate, m.sentence, m.start, m.end,
                    m.time, m.attributed_to, m.confidence, m.relation
             FROM relation_mentions m WHERE m.article = ?1 ORDER BY m.rowid",
        args![article],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            ))
        },
    )?;
    tx.exec(
        "DELETE FROM relation_mentions WHERE article = ?1",
        args![article],
    )?;
    for (sl, ol, predicate, sentence, start, end, time, attributed_to, confidence, old) in rels {
        if let Some(old) = old {
            touched.relations.insert(old);
        }
        let attributed_to = match attributed_to {
            Some(a) => Some(current(tx, &a)?),
            None => None,
        };
        let m = RelationMention {
            subject: actor_of(tx, article, Some(&sl))?,
            object: actor_of(tx, article, Some(&ol))?,
            subject_local: sl,
            object_local: ol,
            predicate,
            sentence,
            start,
            end,
            time,
            attributed_to,
            confidence,
        };
        ingest::insert_relation_mention(tx, article, None, &m, touched)?;
    }
    Ok(())
}

/// An article's event mentions, inserted again under their actors.
fn relink_events(
    tx: &Db,
    article: i64,
    pub_day: Option<i32>,
    touched: &mut Touched,
) -> DbResult<()> {
    let evs: Vec<(EventMention, Option<i64>)> = tx.rows(
        "SELECT m.local, m.code, e.root, e.label, m.source_local, m.target_local,
                    m.place_local, e.lat, e.lon, e.country, m.sentence, m.start, m.end,
                    m.trigger, m.time, m.modality, m.attributed_to, e.goldstein,
                    m.confidence, m.event
             FROM event_mentions m JOIN events e ON e.id = m.event
             WHERE m.article = ?1 ORDER BY m.rowid",
        args![article],
        |r| {
            Ok((
                EventMention {
                    local: r.get(0)?,
                    code: r.get(1)?,
                    root: r.get(2)?,
                    label: r.get(3)?,
                    source: None,
                    target: None,
                    place: None,
                    source_local: r.get(4)?,
                    target_local: r.get(5)?,
                    place_local: r.get(6)?,
                    lat: r.get(7)?,
                    lon: r.get(8)?,
                    country: r.get(9)?,
                    sentence: r.get(10)?,
                    start: r.get(11)?,
                    end: r.get(12)?,
                    trigger: r.get(13)?,
                    time: r.get(14)?,
                    modality: r.get(15)?,
                    attributed_to: r.get(16)?,
                    goldstein: r.get(17)?,
                    confidence: r.get(18)?,
                },
                r.get(19)?,
            ))
        },
    )?;
    tx.exec(
        "DELETE FROM event_mentions WHERE article = ?1",
        args![article],
    )?;
    for (mut m, old) in evs {
        if let Some(old) = old {
            touched.events.insert(old);
        }
        m.source = actor_of(tx, article, m.source_local.as_deref())?;
        m.target = actor_of(tx, article, m.target_local.as_deref())?;
        m.place = actor_of(tx, article, m.place_local.as_deref())?;
        if let Some(a) = m.attributed_to.take() {
            m.attributed_to = Some(current(tx, &a)?);
        }
        ingest::insert_event_mention(tx, article, pub_day, &m, touched)?;
    }
    Ok(())
}

/// An article's claims, their speaker, medium and subjects set to the
/// current actors.
fn relink_claims(tx: &Db, article: i64) -> DbResult<()> {
    let claims: Vec<(i64, Option<String>, Option<String>, String)> = tx.rows(
        "SELECT id, speaker_local, medium, about FROM claims WHERE article = ?1",
        args![article],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    for (id, speaker_local, medium, about) in claims {
        let speaker = actor_of(tx, article, speaker_local.as_deref())?;
        let medium = match medium {
            Some(m) => Some(current(tx, &m)?),
            None => None,
        };
        let about: Vec<String> = serde_json::from_str::<Vec<String>>(&about)
            .unwrap_or_default()
            .iter()
            .map(|a| current(tx, a))
            .collect::<Result<_, _>>()?;
        tx.exec(
            "UPDATE claims SET speaker = ?2, medium = ?3, about = ?4 WHERE id = ?1",
            args![
                id,
                speaker,
                medium,
                serde_json::to_string(&about).unwrap_or_default()
            ],
        )?;
    }
    Ok(())
}

/// A curation judgement, as `dossier curate` records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Curation {
    /// `gone` is the same actor as `keep`.
    Merge { keep: String, gone: String },
    /// The entities of `actor` named `name` are another actor.
    Split { actor: String, name: String },
    /// `actor` is also called `name`.
    AliasAdd { actor: String, name: String },
    /// `actor` is not called `name`.
    AliasRemove { actor: String, name: String },
}

impl Store {
    /// Applies a curation judgement and records it. It holds through later
    /// ingests: merged ids redirect, removed and split-off names are blocked
    /// for the actor, added names link. Returns the id of the actor the
    /// judgement leaves (the new actor of a split).
    pub fn curate(&mut self, judgement: &Curation) -> Result<String, StoreError> {
        let path = self.path.clone();
        let err = |e| crate::write_error(&path, e);
        let tx = self.db.begin_write().map_err(err)?;
        let actor_type = |id: &str| -> Result<(String, String, Option<String>), StoreError> {
            current(&tx, id)
                .and_then(|id| {
                    tx.row(
                        "SELECT id, type, kb_id FROM actors WHERE id = ?1",
                        args![id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()
                })
                .map_err(err)?
                .ok_or_else(|| {
                    StoreError::Invalid(format!(
                        "no actor {id:?}; find its id with `dossier stats` or the actor search"
                    ))
                })
        };
        let (kind, actor, other, name, result) = match judgement {
            Curation::Merge { keep, gone } => {
                let (keep, kt, kkb) = actor_type(keep)?;
                let (gone, gt, gkb) = actor_type(gone)?;
                if keep == gone {
                    return Err(StoreError::Invalid(format!(
                        "{keep} and {gone} are one actor already"
                    )));
                }
                if kt != gt {
                    return Err(StoreError::Invalid(format!(
                        "{keep} is {kt} and {gone} is {gt}; only actors of one type merge"
                    )));
                }
                if let (Some(a), Some(b)) = (&kkb, &gkb) {
                    if a != b {
                        return Err(StoreError::Invalid(format!(
                            "{keep} and {gone} are two knowledge-base entries ({a}, {b}); two KB ids never merge: correct the KB file instead"
                        )));
                    }
                }
                // A KB actor always stays: the own one folds into it.
                let (keep, gone) = if gkb.is_some() && kkb.is_none() {
                    (gone, keep)
                } else {
                    (keep, gone)
                };
                merge_actors(&tx, &keep, &gone).map_err(err)?;
                ("merge", keep.clone(), Some(gone), None, keep)
            }
            Curation::Split { actor, name } => {
                let (actor, etype, _) = actor_type(actor)?;
                let etype = EntityType::parse(&etype).unwrap_or(EntityType::Misc);
                let new = split_actor(&tx, &actor, etype, name).map_err(err)?;
                let Some(new) = new else {
                    return Err(StoreError::Invalid(format!(
                        "no entity of {actor} is named {name:?}; see its names with `dossier actor {actor}`"
                    )));
                };
                ("split", actor, Some(new.clone()), Some(name.clone()), new)
            }
            Curation::AliasAdd { actor, name } => {
                let (actor, etype, _) = actor_type(actor)?;
                let et = EntityType::parse(&etype).unwrap_or(EntityType::Misc);
                for key in keys_of(et, name) {
                    tx.exec(
                        "DELETE FROM key_blocks WHERE actor = ?1 AND key = ?2",
                        args![actor, key],
                    )
                    .map_err(err)?;
                    tx.exec("INSERT INTO actor_keys (key, actor, type, n, curated) VALUES (?1, ?2, ?3, 0, 1)
                         ON CONFLICT (key, actor) DO UPDATE SET curated = 1", args![key, actor, etype],
                    )
                    .map_err(err)?;
                }
                tx.exec("INSERT INTO actor_names (actor, name, n) VALUES (?1, ?2, 0) ON CONFLICT DO NOTHING", args![actor, name],
                )
                .map_err(err)?;
                ("alias-add", actor.clone(), None, Some(name.clone()), actor)
            }
            Curation::AliasRemove { actor, name } => {
                let (actor, etype, _) = actor_type(actor)?;
                let et = EntityType::parse(&etype).unwrap_or(EntityType::Misc);
                block_name(&tx, &actor, et, name).map_err(err)?;
                tx.exec(
                    "DELETE FROM actor_names WHERE actor = ?1 AND name = ?2",
                    args![actor, name],
                )
                .map_err(err)?;
                (
                    "alias-remove",
                    actor.clone(),
                    None,
                    Some(name.clone()),
                    actor,
                )
            }
        };
        tx.exec("INSERT INTO judgements (kind, actor, other, name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", args![kind, actor, other, name, now()],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(result)
    }
}

fn block_name(tx: &Db, actor: &str, etype: EntityType, name: &str) -> DbResult<()> {
    for key in keys_of(etype, name) {
        tx.exec(
            "DELETE FROM actor_keys WHERE actor = ?1 AND key = ?2",
            args![actor, key],
        )?;
        tx.exec(
            "INSERT INTO key_blocks (actor, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            args![actor, key],
        )?;
    }
    Ok(())
}

/// Moves the entities of `actor` that go by `name` to a new actor, and
/// blocks the name for `actor`. `None` when no entity goes by it.
fn split_actor(tx: &Db, actor: &str, etype: EntityType, name: &str) -> DbResult<Option<String>> {
    let target = normalize::key(name);
    let rows: Vec<(i64, String, String, String)> = tx.rows(
        "SELECT article, local, name, aliases FROM entities WHERE actor = ?1",
        args![actor],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let moving: Vec<(i64, String, String, Vec<String>)> = rows
        .into_iter()
        .map(|(a, l, n, al)| {
            (
                a,
                l,
                n,
                serde_json::from_str::<Vec<String>>(&al).unwrap_or_default(),
            )
        })
        .filter(|(_, _, n, al)| {
            std::iter::once(n)
                .chain(al)
                .any(|x| normalize::key(x) == target)
        })
        .collect();
    if moving.is_empty() {
        return Ok(None);
    }
    let new = fresh_own_id(tx, etype, name)?;
    tx.exec(
        "INSERT INTO actors (id, name, type, kb_id, country, lat, lon, geonames_id, created_at)
         VALUES (?1, ?2, ?3, NULL, NULL, NULL, NULL, NULL, ?4)",
        args![new, name, etype.as_str(), now()],
    )?;
    let mut articles = BTreeSet::new();
    for (article, local, n, aliases) in &moving {
        forget_names(tx, actor, n, etype.as_str(), aliases)?;
        tx.exec(
            "UPDATE entities SET actor = ?1 WHERE article = ?2 AND local = ?3",
            args![new, article, local],
        )?;
        let e = OutputEntity {
            id: local.clone(),
            name: n.clone(),
            etype,
            kb_id: None,
            aliases: aliases.clone(),
            titles: Vec::new(),
            geo: None,
            mentions: Vec::new(),
            confidence: 1.0,
        };
        let keys: Vec<String> = linking_names(etype, n, aliases)
            .iter()
            .flat_map(|x| keys_of(etype, x))
            .collect();
        learn_names(tx, &new, &e, &keys.iter().collect::<Vec<_>>())?;
        articles.insert(*article);
    }
    block_name(tx, actor, etype, name)?;
    relink_facts(tx, &articles)?;
    Ok(Some(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_alone_is_no_linking_name() {
        let aliases = vec!["Khan".to_string(), "Imran Ahmed Khan Niazi".to_string()];
        assert_eq!(
            linking_names(EntityType::Person, "Imran Khan", &aliases),
            vec!["Imran Khan", "Imran Ahmed Khan Niazi"]
        );
        assert!(linking_names(EntityType::Person, "Khan", &[]).is_empty());
        assert_eq!(linking_names(EntityType::Org, "TTP", &[]), vec!["TTP"]);
    }

    #[test]
    fn own_ids_are_slugs_of_the_creating_name() {
        assert_eq!(
            own_id(EntityType::Org, "Jama'at Nusrat al-Islam wal-Muslimin"),
            "x:org:jamaat-nusrat-al-islam-wal-muslimin"
        );
        assert_eq!(
            own_id(EntityType::Person, "Asim Munir"),
            "x:person:asim-munir"
        );
    }

    #[test]
    fn organisations_get_a_loose_key_and_people_do_not() {
        let org = keys_of(EntityType::Org, "Tehreek-e-Taliban Pakistan");
        let org2 = keys_of(EntityType::Org, "Tehrik-i-Taliban Pakistan");
        assert_eq!(org.len(), 2);
        assert_eq!(org[1], org2[1]);
        assert_eq!(keys_of(EntityType::Person, "Sadiq Khan").len(), 1);
    }
}
