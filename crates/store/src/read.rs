//! Reading the graph: counts, actor lookup, full-text search, and a
//! canonical dump that tests compare across runs and backends.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::db::{args, DbResult, Val};
use serde::Serialize;

use dossier_kb::normalize;
use dossier_time::date_of;

use crate::{Store, StoreError};

/// What `dossier stats` shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Articles with facts of their own (duplicates left out).
    pub articles: i64,
    /// Copies kept as extra sources of a stored article.
    pub duplicates: i64,
    pub actors: i64,
    pub actors_by_type: BTreeMap<String, i64>,
    pub entities: i64,
    /// Document entities linked to no actor (a surname alone, an ambiguous
    /// name).
    pub unlinked_entities: i64,
    pub relations: i64,
    pub relation_mentions: i64,
    pub events: i64,
    pub event_mentions: i64,
    pub claims: i64,
    pub times: i64,
    pub judgements: i64,
    /// First and last publication dates.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub top_actors: Vec<ActorCount>,
    pub schema_version: i64,
    pub file_bytes: u64,
}

/// An actor with the number of articles that name it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCount {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub articles: i64,
}

/// One actor: identity, names and counts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorSummary {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Names as articles write them, with how many entities used each.
    pub aliases: Vec<(String, i64)>,
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// One stored relation with its history.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RelationSummary {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub articles: i64,
    pub mentions: i64,
    pub confidence: f64,
    /// Who the articles say asserts it.
    pub attributed_to: Vec<String>,
}

/// One stored event, told once, with its counts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventSummary {
    pub id: i64,
    pub date: Option<String>,
    pub code: String,
    pub root: String,
    pub label: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub place: Option<String>,
    pub modality: String,
    pub mentions: i64,
    pub articles: i64,
    pub sources: i64,
    pub confidence: f64,
}

/// A full-text search hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub snippet: String,
}

/// A recorded curation judgement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Judgement {
    pub id: i64,
    pub kind: String,
    pub actor: String,
    pub other: Option<String>,
    pub name: Option<String>,
    pub created_at: String,
}

/// A canonical text dump of the graph: actors with their names, relations,
/// events and claims, sorted and free of arrival order and ingestion times,
/// so that two stores built from the same articles compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dump(pub String);

fn day_str(d: Option<i32>) -> Option<String> {
    d.map(|d| date_of(d).to_string())
}

impl Store {
    pub(crate) fn q<T>(&self, r: DbResult<T>) -> Result<T, StoreError> {
        r.map_err(|e| self.err(e))
    }

    fn count(&self, sql: &str) -> Result<i64, StoreError> {
        self.q(self.db.one(sql, args![]))
    }

    /// Counts of everything in the store, and the most reported actors.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let actors_by_type: BTreeMap<String, i64> = self
            .q(self.db.rows(
                "SELECT type, count(*) FROM actors GROUP BY type",
                args![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))?
            .into_iter()
            .collect();
        let (first, last): (Option<i32>, Option<i32>) = self.q(self.db.row(
            "SELECT min(published_day), max(published_day) FROM articles WHERE duplicate_of IS NULL",
            args![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        let file_bytes = if self.db.is_postgres() {
            self.q(crate::postgres_open::database_bytes(&self.db))? as u64
        } else {
            ["", "-wal"]
                .iter()
                .filter_map(|s| {
                    let mut p = self.path.clone().into_os_string();
                    p.push(s);
                    std::fs::metadata(p).ok().map(|m| m.len())
                })
                .sum()
        };
        Ok(Stats {
            articles: self.count("SELECT count(*) FROM articles WHERE duplicate_of IS NULL")?,
            duplicates: self
                .count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
            actors: self.count("SELECT count(*) FROM actors")?,
            actors_by_type,
            entities: self.count("SELECT count(*) FROM entities")?,
            unlinked_entities: self.count("SELECT count(*) FROM entities WHERE actor IS NULL")?,
            relations: self.count("SELECT count(*) FROM relations")?,
            relation_mentions: self.count("SELECT count(*) FROM relation_mentions")?,
            events: self.count("SELECT count(*) FROM events")?,
            event_mentions: self.count("SELECT count(*) FROM event_mentions")?,
            claims: self.count("SELECT count(*) FROM claims")?,
            times: self.count("SELECT count(*) FROM times")?,
            judgements: self.count("SELECT count(*) FROM judgements")?,
            first_published: day_str(first),
            last_published: day_str(last),
            top_actors: self.top_actors(10)?,
            schema_version: self.version()?,
            file_bytes,
        })
    }

    /// The actors named in the most articles.
    pub fn top_actors(&self, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
        self.q(self.db.rows(
            "SELECT a.id, a.name, a.type, c.n FROM
               (SELECT actor, count(*) AS n FROM actor_articles
                GROUP BY actor ORDER BY n DESC, actor LIMIT ?1) c
             JOIN actors a ON a.id = c.actor ORDER BY c.n DESC, a.id",
            args![limit as i64],
            |r| {
                Ok(ActorCount {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    etype: r.get(2)?,
                    articles: r.get(3)?,
                })
            },
        ))
    }

    /// The actors a name may mean, by any name or alias an article used for
    /// them (spelling variants and acronyms go through the KB's
    /// normaliser), the most reported first. An id (or a merged actor's old
    /// id) finds its actor.
    pub fn find_actors(&self, name: &str) -> Result<Vec<ActorCount>, StoreError> {
        let id = self.q(crate::actors::current(&self.db, name))?;
        let mut ids: Vec<String> = Vec::new();
        let exists: bool = self.q(self.db.one(
            "SELECT EXISTS(SELECT 1 FROM actors WHERE id = ?1)",
            args![id],
        ))?;
        if exists {
            ids.push(id);
        } else {
            let exact = format!("e:{}", normalize::key(name));
            let loose = format!("l:{}", normalize::loose_key(name));
            ids = self.q(self.db.rows(
                "SELECT DISTINCT actor FROM actor_keys WHERE key = ?1 OR key = ?2",
                args![exact, loose],
                |r| r.get(0),
            ))?;
            // What a person types at a terminal: "ttp" means the acronym,
            // and a name in capitals ("TEHRIK I TALIBAN PAKISTAN") the name.
            if ids.is_empty() {
                let retry = if normalize::is_acronym(name) {
                    format!("e:{}", normalize::lowercase_key(name))
                } else if !name.trim().contains(' ') {
                    format!("e:{}", normalize::key(&name.to_uppercase()))
                } else {
                    String::new()
                };
                ids = self.q(self.db.rows(
                    "SELECT DISTINCT actor FROM actor_keys WHERE key = ?1",
                    args![retry],
                    |r| r.get(0),
                ))?;
            }
        }
        let mut out = Vec::new();
        for id in ids {
            if let Some(a) = self.actor(&id)? {
                out.push(ActorCount {
                    id: a.id,
                    name: a.name,
                    etype: a.etype,
                    articles: a.articles,
                });
            }
        }
        out.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    /// One actor by id, with its names and counts.
    pub fn actor(&self, id: &str) -> Result<Option<ActorSummary>, StoreError> {
        let row = self.q(self.db.opt(
            "SELECT id, name, type, kb_id, country, lat, lon FROM actors WHERE id = ?1",
            args![id],
            |r| {
                Ok((
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<String>(2)?,
                    r.get::<Option<String>>(3)?,
                    r.get::<Option<String>>(4)?,
                    r.get::<Option<f64>>(5)?,
                    r.get::<Option<f64>>(6)?,
                ))
            },
        ))?;
        let Some((id, name, etype, kb_id, country, lat, lon)) = row else {
            return Ok(None);
        };
        let aliases = self.q(self.db.rows(
            "SELECT name, n FROM actor_names WHERE actor = ?1 ORDER BY n DESC, name",
            args![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        // Three lookups in `actor_articles` (its key and its day index), so
        // that an actor named in most articles costs no more than another.
        let (articles, first, last): (i64, Option<i32>, Option<i32>) = self.q(self.db.row(
            "SELECT (SELECT count(*) FROM actor_articles WHERE actor = ?1),
                        (SELECT min(day) FROM actor_articles WHERE actor = ?1),
                        (SELECT max(day) FROM actor_articles WHERE actor = ?1)",
            args![id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        ))?;
        Ok(Some(ActorSummary {
            id,
            name,
            etype,
            kb_id,
            country,
            lat,
            lon,
            aliases,
            articles,
            first_seen: day_str(first),
            last_seen: day_str(last),
        }))
    }

    /// The relations an actor is the subject or object of.
    pub fn relations_of(&self, actor: &str) -> Result<Vec<RelationSummary>, StoreError> {
        let rows: Vec<(i64, RelationSummary)> = self.q(self.db.rows(
            "SELECT r.id, r.subject, r.predicate, r.object, r.first_seen, r.last_seen,
                    r.valid_start, r.valid_end, r.n_articles, r.n_mentions, r.confidence
             FROM relations r WHERE r.subject = ?1 OR r.object = ?1
             ORDER BY r.predicate, r.subject, r.object",
            args![actor],
            |r| {
                Ok((
                    r.get(0)?,
                    RelationSummary {
                        subject: r.get(1)?,
                        predicate: r.get(2)?,
                        object: r.get(3)?,
                        first_seen: day_str(r.get(4)?),
                        last_seen: day_str(r.get(5)?),
                        valid_from: day_str(r.get(6)?),
                        valid_to: r.get::<Option<i32>>(7)?.map(|d| date_of(d - 1).to_string()),
                        articles: r.get(8)?,
                        mentions: r.get(9)?,
                        confidence: r.get(10)?,
                        attributed_to: Vec::new(),
                    },
                ))
            },
        ))?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut rel) in rows {
            rel.attributed_to = self.q(self.db.rows(
                "SELECT DISTINCT attributed_to FROM relation_mentions
                 WHERE relation = ?1 AND attributed_to IS NOT NULL ORDER BY 1",
                args![id],
                |r| r.get(0),
            ))?;
            out.push(rel);
        }
        Ok(out)
    }

    /// The events an actor is the source or target of, the latest first.
    pub fn events_of(&self, actor: &str, limit: usize) -> Result<Vec<EventSummary>, StoreError> {
        self.q(self.db.rows(
            "SELECT id, day, code, root, label, source, target, place, modality, n_mentions,
                    n_articles, n_sources, confidence
             FROM events WHERE source = ?1 OR target = ?1
             ORDER BY day DESC, id DESC LIMIT ?2",
            args![actor, limit as i64],
            |r| {
                Ok(EventSummary {
                    id: r.get(0)?,
                    date: day_str(r.get(1)?),
                    code: r.get(2)?,
                    root: r.get(3)?,
                    label: r.get(4)?,
                    source: r.get(5)?,
                    target: r.get(6)?,
                    place: r.get(7)?,
                    modality: r.get(8)?,
                    mentions: r.get(9)?,
                    articles: r.get(10)?,
                    sources: r.get(11)?,
                    confidence: r.get(12)?,
                })
            },
        ))
    }

    /// Articles matching a full-text query, best first, with a snippet.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let sql = self.db.pick(
            "SELECT a.id, a.title, a.published, a.url,
                    snippet(article_fts, 1, '[', ']', '…', 12)
             FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid
             WHERE article_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            POSTGRES_SEARCH,
        );
        self.db
            .rows(sql, args![self.fts_query(query), limit as i64], |r| {
                Ok(SearchHit {
                    article: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    url: r.get(3)?,
                    snippet: r.get(4)?,
                })
            })
            .map_err(|e| StoreError::Invalid(format!("search {query:?}: {e}")))
    }

    /// A user's words as the backend's full-text query: FTS5 syntax for
    /// SQLite, `websearch_to_tsquery`'s (quotes, `or`, `-`) for PostgreSQL.
    pub(crate) fn fts_query(&self, q: &str) -> String {
        if self.db.is_postgres() {
            q.to_string()
        } else {
            fts_query(q)
        }
    }

    /// The curation judgements, oldest first.
    pub fn judgements(&self) -> Result<Vec<Judgement>, StoreError> {
        self.q(self.db.rows(
            "SELECT id, kind, actor, other, name, created_at FROM judgements ORDER BY id",
            args![],
            |r| {
                Ok(Judgement {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    actor: r.get(2)?,
                    other: r.get(3)?,
                    name: r.get(4)?,
                    created_at: r.get(5)?,
                })
            },
        ))
    }

    /// The canonical dump (see [`Dump`]).
    pub fn dump(&self) -> Result<Dump, StoreError> {
        let mut out = String::new();
        let mut section = |title: &str, sql: &str, cols: usize| -> Result<(), StoreError> {
            let _ = writeln!(out, "## {title}");
            let mut lines: Vec<String> = self.q(self.db.rows(sql, args![], |r| {
                let mut parts = Vec::with_capacity(cols);
                for i in 0..cols {
                    parts.push(match r.val(i)? {
                        Val::Null => "-".to_string(),
                        Val::Int(n) => n.to_string(),
                        Val::Real(f) => format!("{f:.3}"),
                        Val::Text(s) => s.to_string(),
                        Val::Blob(b) => format!("<{} bytes>", b.len()),
                    });
                }
                Ok(parts.join("\t"))
            }))?;
            lines.sort();
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            Ok(())
        };
        section(
            "articles",
            "SELECT a.id, a.doc_id, a.published, a.outlet, a.content_hash, d.id FROM articles a
             LEFT JOIN articles d ON d.rowid = a.duplicate_of",
            6,
        )?;
        section(
            "actors",
            "SELECT id, name, type, kb_id, country FROM actors",
            5,
        )?;
        section("aliases", "SELECT actor, name, n FROM actor_names", 3)?;
        section("redirects", "SELECT old, new FROM actor_redirects", 2)?;
        section(
            "entities",
            "SELECT a.id, e.local, e.name, e.type, e.actor FROM entities e
             JOIN articles a ON a.rowid = e.article",
            5,
        )?;
        section(
            "relations",
            "SELECT subject, predicate, object, first_seen, last_seen, valid_start, valid_end,
                    n_mentions, n_articles, confidence FROM relations",
            10,
        )?;
        section(
            "events",
            self.db.pick(
                "SELECT e.root, e.code, e.source, e.target, e.place, e.day, e.modality,
                        e.n_mentions, e.n_articles, e.n_sources, e.confidence,
                        (SELECT group_concat(x, ' ') FROM (SELECT a.id || ':' || m.local AS x
                           FROM event_mentions m JOIN articles a ON a.rowid = m.article
                           WHERE m.event = e.id ORDER BY x))
                 FROM events e",
                "SELECT e.root, e.code, e.source, e.target, e.place, e.day, e.modality,
                        e.n_mentions, e.n_articles, e.n_sources, e.confidence,
                        (SELECT string_agg(a.id || ':' || m.local, ' '
                                           ORDER BY a.id || ':' || m.local COLLATE \"C\")
                           FROM event_mentions m JOIN articles a ON a.rowid = m.article
                           WHERE m.event = e.id)
                 FROM events e",
            ),
            12,
        )?;
        section(
            "claims",
            "SELECT a.id, c.local, c.speaker, c.medium, c.text, c.about FROM claims c
             JOIN articles a ON a.rowid = c.article",
            6,
        )?;
        Ok(Dump(out))
    }
}

/// Full-text search in PostgreSQL: the `tsvector` column of migration 2,
/// ranked, with a headline marked as FTS5's snippet is.
const POSTGRES_SEARCH: &str = "SELECT a.id, a.title, a.published, a.url,
        ts_headline('simple', a.text, q,
                    'StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1')
 FROM articles a, websearch_to_tsquery('simple', ?1) q
 WHERE a.fts @@ q AND a.duplicate_of IS NULL
 ORDER BY ts_rank(a.fts, q) DESC, a.rowid LIMIT ?2";

/// Words as an FTS5 query: each word quoted (so that punctuation and FTS
/// operators in user input are literal), all of them required; a query
/// that already uses FTS5 syntax (quotes, AND/OR/NOT, `*`) passes as is.
pub(crate) fn fts_query(q: &str) -> String {
    let syntax = q.contains('"')
        || q.contains('*')
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT" | "NEAR"));
    if syntax {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}
