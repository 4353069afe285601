//! FollowTheMoney entities, one JSON object per line, as Aleph and the
//! `followthemoney` tools read them: actors (`Person`, `Organization`,
//! `Address` for places, `LegalEntity` for the rest), articles (`Article`),
//! relations (`Membership`, `Directorship`, `Family`, `UnknownLink`, with
//! `startDate`/`endDate` from valid time), events (`Event`), and the
//! evidence: `Documentation` ties an article to the event it tells; a
//! relation's evidence sentences are fragments of the relation entity
//! (`description`, `sourceUrl`), since FtM's documentation links point only
//! at things, not at interests. Ids are `dossier-<kind>-<hash>` of the
//! store's ids, so that a second export of the same store gives the same
//! ids.

use std::io::Write;

use dossier_store::rows::ActorRef;
use dossier_store::{RowFilter, Store};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::{date, ExportError};

/// A stable FtM id for one of the store's keys.
fn fid(kind: &str, key: &str) -> String {
    let h = Sha256::digest(key.as_bytes());
    let hex: String = h[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("dossier-{kind}-{hex}")
}

/// The FtM schema of an actor type.
fn actor_schema(etype: &str) -> &'static str {
    match etype {
        "PERSON" => "Person",
        "ORG" => "Organization",
        "GPE" | "LOC" | "FAC" => "Address",
        _ => "LegalEntity",
    }
}

/// Whether the actor's entity can stand where FtM asks for a legal entity
/// (a member, an organizer, someone involved).
fn is_legal(etype: &str) -> bool {
    actor_schema(etype) != "Address"
}

struct Entities<'w> {
    w: &'w mut dyn Write,
    n: u64,
}

impl Entities<'_> {
    fn emit(
        &mut self,
        id: &str,
        schema: &str,
        props: Map<String, Value>,
    ) -> Result<(), ExportError> {
        let e = json!({"id": id, "schema": schema, "properties": props});
        serde_json::to_writer(&mut *self.w, &e).map_err(std::io::Error::from)?;
        self.w.write_all(b"\n")?;
        self.n += 1;
        Ok(())
    }
}

/// Adds a property value; FtM properties are lists of strings.
fn put(props: &mut Map<String, Value>, key: &str, value: impl ToString) {
    let v = value.to_string();
    if v.is_empty() {
        return;
    }
    match props.get_mut(key) {
        Some(Value::Array(a)) => a.push(Value::String(v)),
        _ => {
            props.insert(key.into(), Value::Array(vec![Value::String(v)]));
        }
    }
}

/// The relation schema and its two properties for a predicate between two
/// actors, and the role it carries.
fn relation_schema(
    predicate: &str,
    subject: &ActorRef,
    object: &ActorRef,
) -> (&'static str, &'static str, &'static str, &'static str) {
    let org = actor_schema(&object.etype) == "Organization";
    let legal = is_legal(&subject.etype);
    match predicate {
        "leader_of" if org && legal => ("Directorship", "director", "organization", "role"),
        "member_of" | "spokesperson_of" | "advisor_of" if org && legal => {
            ("Membership", "member", "organization", "role")
        }
        "family_of" | "sibling_of" if subject.etype == "PERSON" && object.etype == "PERSON" => {
            ("Family", "person", "relative", "relationship")
        }
        _ => ("UnknownLink", "subject", "object", "role"),
    }
}

pub fn write(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    let mut out = Entities { w, n: 0 };
    // Actors, with their names as aliases.
    let mut actors = Vec::new();
    store.for_each_actor(|a| -> Result<(), ExportError> {
        actors.push(a.id.clone());
        if actors.len() >= 512 {
            emit_actors(store, &mut out, &actors)?;
            actors.clear();
        }
        Ok(())
    })?;
    emit_actors(store, &mut out, &actors)?;

    store.for_each_article(|a| -> Result<(), ExportError> {
        let mut p = Map::new();
        put(&mut p, "title", a.title.as_deref().unwrap_or(&a.doc_id));
        put(&mut p, "name", a.title.as_deref().unwrap_or(&a.doc_id));
        if let Some(d) = a.published_day {
            put(&mut p, "publishedAt", date(d));
        }
        if let Some(u) = &a.url {
            put(&mut p, "sourceUrl", u);
        }
        put(&mut p, "publisher", &a.outlet);
        put(&mut p, "bodyText", &a.text);
        out.emit(&fid("article", &a.id), "Article", p)
    })?;

    store.for_each_relation(filter, |r| -> Result<(), ExportError> {
        let (schema, from, to, role) = relation_schema(&r.predicate, &r.subject, &r.object);
        let mut p = Map::new();
        put(&mut p, from, fid("actor", &r.subject.id));
        put(&mut p, to, fid("actor", &r.object.id));
        put(&mut p, role, r.predicate.replace('_', " "));
        if let Some(s) = r.valid_start {
            put(&mut p, "startDate", date(s));
        }
        if let Some(e) = r.valid_end {
            put(&mut p, "endDate", date(e - 1));
        }
        put(
            &mut p,
            "summary",
            format!(
                "{} {} {}: {} articles, confidence {:.2}",
                r.subject.name, r.predicate, r.object.name, r.n_articles, r.confidence
            ),
        );
        out.emit(&fid("relation", &r.id.to_string()), schema, p)
    })?;
    // Each telling of a relation is a fragment of its entity: the sentence
    // and the article. `followthemoney aggregate` merges them.
    store.for_each_relation_mention(filter, true, |m| -> Result<(), ExportError> {
        let (Some(rel), Some(s), Some(o)) = (m.relation, &m.subject, &m.object) else {
            return Ok(());
        };
        let schema = relation_schema(&m.predicate, s, o).0;
        let mut p = Map::new();
        if let Some(text) = &m.evidence {
            put(&mut p, "description", one_line(text));
        }
        put(&mut p, "publisher", &m.article);
        out.emit(&fid("relation", &rel.to_string()), schema, p)
    })?;

    store.for_each_event(filter, |e| -> Result<(), ExportError> {
        let mut p = Map::new();
        let mut name = e.label.to_lowercase();
        if let Some(s) = &e.source {
            name = format!("{}: {name}", s.name);
        }
        if let Some(t) = &e.target {
            name = format!("{name} ({})", t.name);
        }
        put(&mut p, "name", name);
        if let Some(d) = e.day {
            put(&mut p, "date", date(d));
        }
        for (prop, a) in [
            ("organizer", &e.source),
            ("involved", &e.source),
            ("involved", &e.target),
        ] {
            if let Some(a) = a.as_ref().filter(|a| is_legal(&a.etype)) {
                put(&mut p, prop, fid("actor", &a.id));
            }
        }
        if let Some(place) = &e.place {
            put(&mut p, "location", &place.name);
        }
        if let Some(c) = &e.country {
            put(&mut p, "country", c.to_lowercase());
        }
        put(
            &mut p,
            "summary",
            format!(
                "CAMEO {} ({}), {}; {} articles, {} sources, confidence {:.2}",
                e.code, e.label, e.modality, e.n_articles, e.n_sources, e.confidence
            ),
        );
        put(&mut p, "keywords", format!("cameo:{}", e.code));
        out.emit(&fid("event", &e.id.to_string()), "Event", p)
    })?;
    store.for_each_event_mention(filter, true, |m| -> Result<(), ExportError> {
        let Some(ev) = m.event else { return Ok(()) };
        let mut p = Map::new();
        put(&mut p, "document", fid("article", &m.article));
        put(&mut p, "entity", fid("event", &ev.to_string()));
        put(&mut p, "role", "evidence");
        if let Some(text) = &m.evidence {
            put(&mut p, "summary", one_line(text));
        }
        let key = format!("{ev}/{}/{}", m.article, m.local);
        out.emit(&fid("doc", &key), "Documentation", p)
    })?;
    Ok(out.n)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn emit_actors(store: &Store, out: &mut Entities, ids: &[String]) -> Result<(), ExportError> {
    for id in ids {
        let Some(a) = store.actor(id)? else { continue };
        let schema = actor_schema(&a.etype);
        let mut p = Map::new();
        if schema == "Address" {
            put(&mut p, "full", &a.name);
        }
        put(&mut p, "name", &a.name);
        for (alias, _) in &a.aliases {
            if alias != &a.name {
                put(&mut p, "alias", alias);
            }
        }
        if let Some(c) = &a.country {
            put(&mut p, "country", c.to_lowercase());
        }
        if schema == "Address" {
            if let (Some(lat), Some(lon)) = (a.lat, a.lon) {
                put(&mut p, "latitude", lat);
                put(&mut p, "longitude", lon);
            }
        }
        let mut notes = format!("dossier actor {}", a.id);
        if let Some(kb) = &a.kb_id {
            notes.push_str(&format!(" (KB {kb})"));
        }
        put(&mut p, "notes", notes);
        out.emit(&fid("actor", &a.id), schema, p)?;
    }
    Ok(())
}
