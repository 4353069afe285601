//! Reads for the query layer (`dossier-query`): filtered and paged events,
//! counts for timelines and dossiers, relations with their evidence, graph
//! edges, claims, and the actors an article names. Filters arrive resolved
//! (actor ids, day numbers); every user value is a bound parameter.

use std::borrow::Cow;

use crate::db::{args, Arg, DbResult};
use serde::Serialize;

use dossier_time::date_of;

use crate::{Store, StoreError};

/// Filters on stored events. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// Events this actor is the source or target of.
    pub actor: Option<String>,
    /// Events this actor is the source or target of (with `actor`: events
    /// between the two).
    pub with: Option<String>,
    /// CAMEO roots ("18"); one of them must match.
    pub roots: Vec<String>,
    /// A CAMEO code or the start of one ("183" also matches "1831").
    pub code: Option<String>,
    /// ISO alpha-2 code of the event's place.
    pub country: Option<String>,
    /// Within `km` of a point.
    pub near: Option<Near>,
    /// First day (day number, inclusive).
    pub from_day: Option<i32>,
    /// Day after the last (day number, exclusive).
    pub to_day: Option<i32>,
    /// `asserted`, `claimed`, `negated`, ...
    pub modality: Option<String>,
    /// At least this many distinct outlets.
    pub min_sources: Option<i64>,
}

/// A point and a radius in kilometres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub km: f64,
}

/// An actor by id and name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
}

/// An actor by id, with its name and type.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorNode {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
}

/// The sentence of an article that supports a fact.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    /// The article's id (`a-…`).
    pub article: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date as the article gives it.
    pub published: Option<String>,
    pub sentence: String,
    /// The words of the sentence the fact rests on (an event's trigger, a
    /// relation's evidence).
    pub quote: String,
}

/// One stored event, with its actors' names and one evidence sentence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    pub id: i64,
    pub date: Option<String>,
    pub code: String,
    pub root: String,
    pub label: String,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    pub place: Option<ActorRef>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub modality: String,
    pub goldstein: f64,
    pub mentions: i64,
    pub articles: i64,
    pub sources: i64,
    pub confidence: f64,
    pub evidence: Option<Evidence>,
}

/// Events of one day and root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRootCount {
    pub day: i32,
    pub root: String,
    pub n: i64,
}

/// Events of one actor on one day and root, by its role in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCount {
    pub day: i32,
    pub root: String,
    pub as_source: i64,
    pub as_target: i64,
}

/// A place where an actor's events happened.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub events: i64,
}

/// A stored relation with both ends named, who asserts it and one evidence
/// sentence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RelationRow {
    pub subject: String,
    pub subject_name: String,
    pub predicate: String,
    pub object: String,
    pub object_name: String,
    /// First and last publication days of the articles that state it.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The span of the times the articles give it (inclusive).
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub articles: i64,
    pub mentions: i64,
    pub confidence: f64,
    /// Who the articles say asserts it.
    pub asserted_by: Vec<ActorRef>,
    pub evidence: Option<Evidence>,
}

/// What an edge of the graph stands for.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    Relation,
    Event,
}

/// Filters on graph edges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeQuery {
    /// Edges touching this actor; without one, the heaviest edges.
    pub actor: Option<String>,
    /// Relation predicates to keep (empty: all).
    pub predicates: Vec<String>,
    /// Edges seen on or after this day (day number).
    pub from_day: Option<i32>,
    /// Edges seen before this day (day number, exclusive).
    pub to_day: Option<i32>,
    /// Also edges made of events (source → target, one per CAMEO root).
    pub events: bool,
    pub limit: usize,
}

/// An edge of the graph: a relation, or the events of one root from one
/// actor to another.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    /// The relation's predicate, or the events' CAMEO root.
    pub predicate: String,
    /// Articles that state it.
    pub weight: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// Filters on claims. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimQuery {
    pub speaker: Option<String>,
    /// An actor the claim is about.
    pub about: Option<String>,
    /// Words the claim contains, all of them (case-insensitive).
    pub words: Vec<String>,
    pub from_day: Option<i32>,
    pub to_day: Option<i32>,
}

/// A claim with its speaker, the actors it is about and its article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimRow {
    pub id: i64,
    /// The speaker's actor, when the name links to one.
    pub speaker: Option<ActorRef>,
    /// The speaker as the article names it.
    pub speaker_text: Option<String>,
    pub medium: Option<ActorRef>,
    pub text: String,
    pub direct: bool,
    pub polarity: String,
    pub about: Vec<ActorRef>,
    pub date: Option<String>,
    pub confidence: f64,
    pub evidence: Option<Evidence>,
}

/// A full-text hit with the actors its article names.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleHit {
    pub article: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub snippet: String,
    /// The actors the article names, the most mentioned first.
    pub actors: Vec<ActorRef>,
}

fn day_str(d: Option<i32>) -> Option<String> {
    d.map(|d| date_of(d).to_string())
}

/// A WHERE clause with its parameters, built from fixed SQL fragments.
#[derive(Default)]
struct Where {
    sql: Vec<String>,
    params: Vec<Arg<'static>>,
}

impl Where {
    fn push(&mut self, sql: &str, values: impl IntoIterator<Item = Arg<'static>>) {
        let mut sql = sql.to_string();
        for v in values {
            self.params.push(v);
            // Each `?` in the fragment takes the next parameter's number.
            sql = sql.replacen("?#", &format!("?{}", self.params.len()), 1);
        }
        self.sql.push(sql);
    }

    fn clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }
}

fn text(s: &str) -> Arg<'static> {
    Arg::Text(Cow::Owned(s.to_string()))
}

fn event_where(q: &EventQuery) -> Where {
    let mut w = Where::default();
    for a in [&q.actor, &q.with].into_iter().flatten() {
        w.push("(e.source = ?# OR e.target = ?#)", [text(a), text(a)]);
    }
    match q.roots.len() {
        0 => {}
        1 => w.push("e.root = ?#", [text(&q.roots[0])]),
        n => {
            let marks = vec!["?#"; n].join(", ");
            w.push(
                &format!("e.root IN ({marks})"),
                q.roots.iter().map(|r| text(r)),
            );
        }
    }
    if let Some(code) = &q.code {
        w.push(
            "substr(e.code, 1, length(?#)) = ?#",
            [text(code), text(code)],
        );
    }
    if let Some(c) = &q.country {
        w.push("e.country = ?#", [text(c)]);
    }
    if let Some(n) = q.near {
        // An equirectangular distance: exact enough within a few hundred
        // kilometres, and plain arithmetic that SQLite evaluates without
        // math functions. The bounding box lets the comparison skip most
        // rows cheaply.
        let dlat = n.km / KM_PER_DEGREE;
        let cos = n.lat.to_radians().cos().max(0.01);
        let dlon = dlat / cos;
        w.push(
            "e.lat BETWEEN ?# AND ?# AND e.lon BETWEEN ?# AND ?#",
            [
                Arg::Real(n.lat - dlat),
                Arg::Real(n.lat + dlat),
                Arg::Real(n.lon - dlon),
                Arg::Real(n.lon + dlon),
            ],
        );
        w.push(
            "((e.lat - ?#) * (e.lat - ?#) + (e.lon - ?#) * (e.lon - ?#) * ?#) <= ?#",
            [
                Arg::Real(n.lat),
                Arg::Real(n.lat),
                Arg::Real(n.lon),
                Arg::Real(n.lon),
                Arg::Real(cos * cos),
                Arg::Real(dlat * dlat),
            ],
        );
    }
    if let Some(d) = q.from_day {
        w.push("e.day >= ?#", [Arg::Int(d.into())]);
    }
    if let Some(d) = q.to_day {
        w.push("e.day < ?#", [Arg::Int(d.into())]);
    }
    if let Some(m) = &q.modality {
        w.push("e.modality = ?#", [text(m)]);
    }
    if let Some(n) = q.min_sources {
        w.push("e.n_sources >= ?#", [Arg::Int(n)]);
    }
    w
}

/// Kilometres per degree of latitude.
const KM_PER_DEGREE: f64 = 111.195;

impl Store {
    /// The events a query selects, the latest first, one page of them.
    pub fn query_events(
        &self,
        q: &EventQuery,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<EventRow>, StoreError> {
        let mut w = event_where(q);
        let clause = w.clause();
        let n = w.params.len();
        w.params.push(Arg::Int(limit as i64));
        w.params.push(Arg::Int(offset as i64));
        // The page is chosen first from the filtered columns alone; only its
        // rows are then read whole and their actors named.
        let sql = format!(
            "SELECT e.id, e.day, e.code, e.root, e.label, e.source, s.name, e.target, t.name,
                    e.place, p.name, e.country, e.lat, e.lon, e.modality, e.goldstein,
                    e.n_mentions, e.n_articles, e.n_sources, e.confidence
             FROM (SELECT e.id AS eid FROM events e {clause}
                   ORDER BY e.day DESC, e.id DESC LIMIT ?{} OFFSET ?{}) k
             JOIN events e ON e.id = k.eid
             LEFT JOIN actors s ON s.id = e.source
             LEFT JOIN actors t ON t.id = e.target
             LEFT JOIN actors p ON p.id = e.place
             ORDER BY e.day DESC, e.id DESC",
            n + 1,
            n + 2
        );
        let mut rows: Vec<EventRow> = self.q(self.db.rows(&sql, &w.params, |r| {
            let aref = |i: usize| -> DbResult<Option<ActorRef>> {
                let id: Option<String> = r.get(i)?;
                let name: Option<String> = r.get(i + 1)?;
                Ok(id.map(|id| ActorRef {
                    name: name.unwrap_or_else(|| id.clone()),
                    id,
                }))
            };
            Ok(EventRow {
                id: r.get(0)?,
                date: day_str(r.get(1)?),
                code: r.get(2)?,
                root: r.get(3)?,
                label: r.get(4)?,
                source: aref(5)?,
                target: aref(7)?,
                place: aref(9)?,
                country: r.get(11)?,
                lat: r.get(12)?,
                lon: r.get(13)?,
                modality: r.get(14)?,
                goldstein: r.get(15)?,
                mentions: r.get(16)?,
                articles: r.get(17)?,
                sources: r.get(18)?,
                confidence: r.get(19)?,
                evidence: None,
            })
        }))?;
        for row in &mut rows {
            row.evidence = self.event_evidence(row.id)?;
        }
        Ok(rows)
    }

    /// How many events a query selects.
    pub fn count_events(&self, q: &EventQuery) -> Result<i64, StoreError> {
        let w = event_where(q);
        let sql = format!("SELECT count(*) FROM events e {}", w.clause());
        self.q(self.db.one(&sql, &w.params))
    }

    /// Counts of the selected events by day and root, in day order; events
    /// without a day are left out.
    pub fn event_counts(&self, q: &EventQuery) -> Result<Vec<DayRootCount>, StoreError> {
        let mut w = event_where(q);
        w.push("e.day IS NOT NULL", []);
        let sql = format!(
            "SELECT e.day, e.root, count(*) FROM events e {} GROUP BY e.day, e.root
             ORDER BY e.day, e.root",
            w.clause()
        );
        self.q(self.db.rows(&sql, &w.params, |r| {
            Ok(DayRootCount {
                day: r.get(0)?,
                root: r.get(1)?,
                n: r.get(2)?,
            })
        }))
    }

    /// An actor's events by day and root, as source and as target.
    pub fn actor_event_counts(&self, actor: &str) -> Result<Vec<RoleCount>, StoreError> {
        self.q(self.db.rows(
            // One branch per role, each read from its covering index
            // (`events_source_cover`, `events_target_cover`); an event the
            // actor is both source and target of counts in both columns.
            "SELECT day, root, CAST(sum(s) AS BIGINT), CAST(sum(t) AS BIGINT) FROM (
                 SELECT day, root, 1 AS s, 0 AS t FROM events
                 WHERE source = ?1 AND day IS NOT NULL
                 UNION ALL
                 SELECT day, root, 0 AS s, 1 AS t FROM events
                 WHERE target = ?1 AND day IS NOT NULL) x
             GROUP BY day, root ORDER BY day, root",
            args![actor],
            |r| {
                Ok(RoleCount {
                    day: r.get(0)?,
                    root: r.get(1)?,
                    as_source: r.get(2)?,
                    as_target: r.get(3)?,
                })
            },
        ))
    }

    /// The places of an actor's events, the most frequent first.
    pub fn actor_places(&self, actor: &str, limit: usize) -> Result<Vec<PlaceCount>, StoreError> {
        self.q(self.db.rows(
            "SELECT c.place, p.name, p.country, p.lat, p.lon, c.n FROM
               (SELECT place, count(*) AS n FROM (
                    SELECT place FROM events WHERE source = ?1 AND place IS NOT NULL
                    UNION ALL
                    SELECT place FROM events
                    WHERE target = ?1 AND place IS NOT NULL AND (source IS NULL OR source <> ?1)) x
                GROUP BY place ORDER BY n DESC, place LIMIT ?2) c
             JOIN actors p ON p.id = c.place ORDER BY c.n DESC, c.place",
            args![actor, limit as i64],
            |r| {
                Ok(PlaceCount {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    country: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    events: r.get(5)?,
                })
            },
        ))
    }

    /// The actors named most often in the same articles as `actor`, with
    /// the number of articles they share, among its latest `window`
    /// articles (so that the most reported actors stay quick to read).
    /// Places are left out: they are where things happened, not who took
    /// part.
    pub fn co_actors(
        &self,
        actor: &str,
        window: usize,
        limit: usize,
    ) -> Result<Vec<(ActorRef, i64)>, StoreError> {
        self.q(self.db.rows(
            "WITH mine AS (SELECT article FROM actor_articles WHERE actor = ?1
                           ORDER BY article DESC LIMIT ?2)
             SELECT o.actor, a.name, count(DISTINCT o.article) AS n
             FROM mine JOIN entities o ON o.article = mine.article
             JOIN actors a ON a.id = o.actor
             WHERE o.actor IS NOT NULL AND o.actor != ?1 AND a.type NOT IN ('GPE', 'LOC', 'FAC')
             GROUP BY o.actor, a.name ORDER BY n DESC, o.actor LIMIT ?3",
            args![actor, window as i64, limit as i64],
            |r| {
                Ok((
                    ActorRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    },
                    r.get(2)?,
                ))
            },
        ))
    }

    /// The titles articles give an actor ("spokesman", "interior minister"),
    /// with how many of its entities carry each.
    pub fn actor_titles(&self, actor: &str) -> Result<Vec<(String, i64)>, StoreError> {
        let sql = self.db.pick(
            "SELECT j.value, count(*) AS n FROM entities e, json_each(e.titles) j
             WHERE e.actor = ?1 AND e.titles != '[]'
             GROUP BY j.value ORDER BY n DESC, j.value",
            "SELECT j.value, count(*) AS n
             FROM entities e, jsonb_array_elements_text(e.titles::jsonb) AS j(value)
             WHERE e.actor = ?1 AND e.titles != '[]'
             GROUP BY j.value ORDER BY n DESC, j.value COLLATE \"C\"",
        );
        self.q(self
            .db
            .rows(sql, args![actor], |r| Ok((r.get(0)?, r.get(1)?))))
    }

    /// The relations an actor is the subject or object of, by predicate,
    /// with names, who asserts them and one evidence sentence each.
    pub fn relation_rows(&self, actor: &str) -> Result<Vec<RelationRow>, StoreError> {
        let rows: Vec<(i64, RelationRow)> = self.q(self.db.rows(
            "SELECT r.id, r.subject, s.name, r.predicate, r.object, o.name, r.first_seen,
                    r.last_seen, r.valid_start, r.valid_end, r.n_articles, r.n_mentions,
                    r.confidence
             FROM relations r
             LEFT JOIN actors s ON s.id = r.subject
             LEFT JOIN actors o ON o.id = r.object
             WHERE r.subject = ?1 OR r.object = ?1
             ORDER BY r.predicate, r.n_articles DESC, r.subject, r.object",
            args![actor],
            |r| {
                let subject: String = r.get(1)?;
                let object: String = r.get(4)?;
                Ok((
                    r.get(0)?,
                    RelationRow {
                        subject_name: r.get::<Option<String>>(2)?.unwrap_or(subject.clone()),
                        subject,
                        predicate: r.get(3)?,
                        object_name: r.get::<Option<String>>(5)?.unwrap_or(object.clone()),
                        object,
                        first_seen: day_str(r.get(6)?),
                        last_seen: day_str(r.get(7)?),
                        valid_from: day_str(r.get(8)?),
                        valid_to: day_str(r.get::<Option<i32>>(9)?.map(|d| d - 1)),
                        articles: r.get(10)?,
                        mentions: r.get(11)?,
                        confidence: r.get(12)?,
                        asserted_by: Vec::new(),
                        evidence: None,
                    },
                ))
            },
        ))?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut rel) in rows {
            rel.asserted_by = self.q(self.db.rows(
                "SELECT DISTINCT m.attributed_to, coalesce(a.name, m.attributed_to)
                 FROM relation_mentions m LEFT JOIN actors a ON a.id = m.attributed_to
                 WHERE m.relation = ?1 AND m.attributed_to IS NOT NULL ORDER BY 1",
                args![id],
                |r| {
                    Ok(ActorRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            ))?;
            let at: Option<(i64, i64, i64, i64)> = self.q(self.db.opt(
                "SELECT article, sentence, start, \"end\" FROM relation_mentions
                 WHERE relation = ?1 ORDER BY confidence DESC, article LIMIT 1",
                args![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            ))?;
            if let Some((article, sentence, start, end)) = at {
                rel.evidence = self.evidence(article, sentence, start, end)?;
            }
            out.push(rel);
        }
        Ok(out)
    }

    /// The evidence of a stored event: its most confident mention.
    fn event_evidence(&self, event: i64) -> Result<Option<Evidence>, StoreError> {
        let at: Option<(i64, i64, i64, i64)> = self.q(self.db.opt(
            "SELECT article, sentence, start, \"end\" FROM event_mentions WHERE event = ?1
             ORDER BY confidence DESC, article LIMIT 1",
            args![event],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        ))?;
        match at {
            Some((article, sentence, start, end)) => self.evidence(article, sentence, start, end),
            None => Ok(None),
        }
    }

    /// Sentence `sentence` of an article and the characters `start..end`
    /// (character offsets, as stored; SQLite's `substr` counts characters
    /// in text, so nothing is decoded here).
    fn evidence(
        &self,
        article: i64,
        sentence: i64,
        start: i64,
        end: i64,
    ) -> Result<Option<Evidence>, StoreError> {
        let sql = format!(
            "SELECT id, url, title, published, {}, substr(text, ?3 + 1, ?4 - ?3)
             FROM articles WHERE rowid = ?1",
            self.db.sentence_sql("text", "sentences", "?2")
        );
        self.q(self
            .db
            .opt(&sql, args![article, sentence, start, end], |r| {
                Ok(Evidence {
                    article: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    sentence: r
                        .get::<Option<String>>(4)?
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                    quote: r.get::<Option<String>>(5)?.unwrap_or_default(),
                })
            }))
    }

    /// Edges of the graph a query selects: those touching its actor, or,
    /// without one, the heaviest; relations first, then events, each the
    /// heaviest first.
    pub fn edges(&self, q: &EdgeQuery) -> Result<Vec<Edge>, StoreError> {
        let mut w = Where::default();
        if let Some(a) = &q.actor {
            w.push("(x.subject = ?# OR x.object = ?#)", [text(a), text(a)]);
        }
        if !q.predicates.is_empty() {
            let marks = vec!["?#"; q.predicates.len()].join(", ");
            w.push(
                &format!("x.predicate IN ({marks})"),
                q.predicates.iter().map(|p| text(p)),
            );
        }
        if let Some(d) = q.from_day {
            w.push("x.last_seen >= ?#", [Arg::Int(d.into())]);
        }
        if let Some(d) = q.to_day {
            w.push("x.first_seen < ?#", [Arg::Int(d.into())]);
        }
        let clause = w.clause();
        let n = w.params.len();
        let mut params = w.params.clone();
        params.push(Arg::Int(q.limit as i64));
        let sql = format!(
            "SELECT x.subject, x.object, x.predicate, x.n_articles, x.first_seen, x.last_seen
             FROM relations x {clause}
             ORDER BY x.n_articles DESC, x.subject, x.predicate, x.object LIMIT ?{}",
            n + 1
        );
        let mut out = self.edge_rows(&sql, &params, EdgeKind::Relation)?;
        if !q.events {
            return Ok(out);
        }
        // Event edges: the events of one root from one actor to another,
        // grouped, with the same actor and time filters.
        let mut w = Where::default();
        w.push("x.source IS NOT NULL AND x.target IS NOT NULL", []);
        if let Some(a) = &q.actor {
            w.push("(x.source = ?# OR x.target = ?#)", [text(a), text(a)]);
        }
        if let Some(d) = q.from_day {
            w.push("x.day >= ?#", [Arg::Int(d.into())]);
        }
        if let Some(d) = q.to_day {
            w.push("x.day < ?#", [Arg::Int(d.into())]);
        }
        let n = w.params.len();
        let mut params = w.params.clone();
        params.push(Arg::Int(q.limit as i64));
        let sql = format!(
            "SELECT x.source, x.target, x.root, CAST(sum(x.n_articles) AS BIGINT) AS w, min(x.day),
                    max(x.day)
             FROM events x {}
             GROUP BY x.source, x.target, x.root
             ORDER BY w DESC, x.source, x.root, x.target LIMIT ?{}",
            w.clause(),
            n + 1
        );
        out.extend(self.edge_rows(&sql, &params, EdgeKind::Event)?);
        Ok(out)
    }

    fn edge_rows(
        &self,
        sql: &str,
        params: &[Arg],
        kind: EdgeKind,
    ) -> Result<Vec<Edge>, StoreError> {
        self.q(self.db.rows(sql, params, |r| {
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                kind,
                predicate: r.get(2)?,
                weight: r.get(3)?,
                first_seen: day_str(r.get(4)?),
                last_seen: day_str(r.get(5)?),
            })
        }))
    }

    /// Names of actors by id (ids that are no actor are left out).
    pub fn actor_names(&self, ids: &[&str]) -> Result<Vec<ActorRef>, StoreError> {
        Ok(self
            .actor_nodes(ids)?
            .into_iter()
            .map(|n| ActorRef {
                id: n.id,
                name: n.name,
            })
            .collect())
    }

    /// Names and types of actors by id (ids that are no actor are left out).
    pub fn actor_nodes(&self, ids: &[&str]) -> Result<Vec<ActorNode>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(a) = self.q(self.db.opt(
                "SELECT id, name, type FROM actors WHERE id = ?1",
                args![id],
                |r| {
                    Ok(ActorNode {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        etype: r.get(2)?,
                    })
                },
            ))? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// The claims a query selects, the latest first, one page of them.
    pub fn query_claims(
        &self,
        q: &ClaimQuery,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ClaimRow>, StoreError> {
        let mut w = claim_where(q, self.db.pick("LIKE", "ILIKE"));
        let clause = w.clause();
        let n = w.params.len();
        w.params.push(Arg::Int(limit as i64));
        w.params.push(Arg::Int(offset as i64));
        // A claim's day is its article's publication day (`valid_start`),
        // so the page is read in day order from an index: the speaker's
        // (`claims_speaker_day`) or the actor's it is about (`claim_about_day`).
        let (id, day) = match q.about {
            Some(_) => ("ca.claim", "ca.day"),
            None => ("c.id", "c.valid_start"),
        };
        let page = format!(
            "SELECT {id} AS cid, {day} AS day FROM {} {clause}
             ORDER BY {day} DESC, {id} DESC LIMIT ?{} OFFSET ?{}",
            claim_from(q, true),
            n + 1,
            n + 2
        );
        let sql = format!(
            "SELECT c.id, c.speaker, s.name, en.name, c.medium, m.name, c.text, c.direct,
                    c.polarity, c.about, a.published_day, c.confidence, c.article, c.sentence,
                    c.start, c.end
             FROM ({page}) k
             JOIN claims c ON c.id = k.cid
             JOIN articles a ON a.rowid = c.article
             LEFT JOIN actors s ON s.id = c.speaker
             LEFT JOIN actors m ON m.id = c.medium
             LEFT JOIN entities en ON en.article = c.article AND en.local = c.speaker_local
             ORDER BY k.day DESC, k.cid DESC"
        );
        type Raw = (ClaimRow, String, (i64, i64, i64, i64));
        let raw: Vec<Raw> = self.q(self.db.rows(&sql, &w.params, |r| {
            let aref = |i: usize| -> DbResult<Option<ActorRef>> {
                let id: Option<String> = r.get(i)?;
                let name: Option<String> = r.get(i + 1)?;
                Ok(id.map(|id| ActorRef {
                    name: name.unwrap_or_else(|| id.clone()),
                    id,
                }))
            };
            Ok((
                ClaimRow {
                    id: r.get(0)?,
                    speaker: aref(1)?,
                    speaker_text: r.get(3)?,
                    medium: aref(4)?,
                    text: r.get(6)?,
                    direct: r.get(7)?,
                    polarity: r.get(8)?,
                    about: Vec::new(),
                    date: day_str(r.get(10)?),
                    confidence: r.get(11)?,
                    evidence: None,
                },
                r.get(9)?,
                (r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?),
            ))
        }))?;
        let mut out = Vec::with_capacity(raw.len());
        for (mut claim, about, (article, sentence, start, end)) in raw {
            let ids: Vec<String> = serde_json::from_str(&about).unwrap_or_default();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            claim.about = self.actor_names(&ids)?;
            claim.evidence = self.evidence(article, sentence, start, end)?;
            out.push(claim);
        }
        Ok(out)
    }

    /// How many claims a query selects.
    pub fn count_claims(&self, q: &ClaimQuery) -> Result<i64, StoreError> {
        let w = claim_where(q, self.db.pick("LIKE", "ILIKE"));
        let sql = format!(
            "SELECT count(*) FROM {} {}",
            claim_from(q, false),
            w.clause()
        );
        self.q(self.db.one(&sql, &w.params))
    }

    /// Articles matching words, best first, one page, each with a snippet
    /// and the actors it names.
    pub fn search_articles(
        &self,
        words: &str,
        limit: usize,
        offset: usize,
    ) -> Result<(i64, Vec<ArticleHit>), StoreError> {
        let fts = self.fts_query(words);
        let invalid = |e| StoreError::Invalid(format!("search {words:?}: {e}"));
        let (count_sql, page_sql) = match self.backend() {
            crate::Backend::Sqlite => (
                "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?1",
                "SELECT a.rowid, a.id, a.title, a.published, a.url,
                        snippet(article_fts, 1, '[', ']', '…', 16)
                 FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid
                 WHERE article_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3",
            ),
            crate::Backend::Postgres => (
                "SELECT count(*) FROM articles a, websearch_to_tsquery('simple', ?1) q
                 WHERE a.fts @@ q AND a.duplicate_of IS NULL",
                "SELECT a.rowid, a.id, a.title, a.published, a.url,
                        ts_headline('simple', a.text, q,
                                    'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1')
                 FROM articles a, websearch_to_tsquery('simple', ?1) q
                 WHERE a.fts @@ q AND a.duplicate_of IS NULL
                 ORDER BY ts_rank(a.fts, q) DESC, a.rowid LIMIT ?2 OFFSET ?3",
            ),
        };
        let total: i64 = self.db.one(count_sql, args![fts]).map_err(invalid)?;
        let rows: Vec<(i64, ArticleHit)> = self
            .db
            .rows(page_sql, args![fts, limit as i64, offset as i64], |r| {
                Ok((
                    r.get(0)?,
                    ArticleHit {
                        article: r.get(1)?,
                        title: r.get(2)?,
                        date: r.get(3)?,
                        url: r.get(4)?,
                        snippet: r.get(5)?,
                        actors: Vec::new(),
                    },
                ))
            })
            .map_err(invalid)?;
        // A duplicate's facts are its original's.
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, mut hit) in rows {
            hit.actors = self.q(self.db.rows(
                "SELECT e.actor, a.name, sum(e.n_mentions) AS n FROM entities e
                 JOIN actors a ON a.id = e.actor
                 WHERE e.article = (SELECT coalesce(duplicate_of, rowid) FROM articles WHERE rowid = ?1)
                 GROUP BY e.actor, a.name ORDER BY n DESC, e.actor",
                args![rowid],
                |r| {
                    Ok(ActorRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            ))?;
            out.push(hit);
        }
        Ok((total, out))
    }
}

/// The tables [`claim_where`]'s filter reads: `claims c`, or with an actor
/// the claims are about, `claim_about ca` (which holds each claim's day).
/// `claim_about` alone serves when no column of `claims` is wanted: neither
/// the page's (`with_claims`) nor the filter's (a speaker or words).
fn claim_from(q: &ClaimQuery, with_claims: bool) -> &'static str {
    match q.about {
        None => "claims c",
        Some(_) if !with_claims && q.speaker.is_none() && q.words.is_empty() => "claim_about ca",
        Some(_) => "claim_about ca JOIN claims c ON c.id = ca.claim",
    }
}

/// The claims' filter; `like` is the case-insensitive LIKE of the backend
/// (SQLite's `LIKE`, PostgreSQL's `ILIKE`).
fn claim_where(q: &ClaimQuery, like: &str) -> Where {
    let mut w = Where::default();
    if let Some(s) = &q.speaker {
        w.push("c.speaker = ?#", [text(s)]);
    }
    // With an actor the claims are about, the query reads `claim_about ca`
    // (see `query_claims`), which holds each claim's day too.
    let day = match &q.about {
        Some(a) => {
            w.push("ca.actor = ?#", [text(a)]);
            "ca.day"
        }
        None => "c.valid_start",
    };
    for word in &q.words {
        // Case-insensitive (SQLite's LIKE for ASCII); `\` escapes the
        // user's own wildcards.
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        w.push(
            &format!("c.text {like} ?# ESCAPE '\\'"),
            [Arg::Text(Cow::Owned(format!("%{escaped}%")))],
        );
    }
    if let Some(d) = q.from_day {
        w.push(&format!("{day} >= ?#"), [Arg::Int(d.into())]);
    }
    if let Some(d) = q.to_day {
        w.push(&format!("{day} < ?#"), [Arg::Int(d.into())]);
    }
    w
}
