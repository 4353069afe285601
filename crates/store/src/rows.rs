//! Streaming reads of whole tables, one row at a time, for exports: each
//! `for_each_*` runs one query and hands every row to a callback, so that
//! memory stays flat whatever the size of the store. A [`RowFilter`] narrows
//! the facts (events, relations, claims and their mentions); the reference
//! tables (articles, actors, aliases) are read whole.
//!
//! Days are day numbers since 1970-01-01, as stored; a valid interval is
//! `[valid_start, valid_end)`. Spans are character offsets into the
//! article's text.

use serde::Serialize;

use crate::db::{args, bind_named, Arg, DbError, DbResult, Row, ToArg};

use crate::{Store, StoreError};

/// What an export keeps. Every field is optional; `None` keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// First day kept (day number).
    pub from_day: Option<i32>,
    /// Day after the last day kept (day number, exclusive).
    pub to_day: Option<i32>,
    /// Facts with this actor id as source, target, subject, object, speaker
    /// or subject of a claim.
    pub actor: Option<String>,
    /// Events with this CAMEO root ("18").
    pub root: Option<String>,
    /// Events placed in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
}

/// An actor as a fact names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub country: Option<String>,
}

/// One row of `articles`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub key: String,
    pub doc_id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub outlet: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub published_day: Option<i32>,
    pub ingested_at: String,
    pub content_hash: String,
    /// The id of the article this one is a copy of.
    pub duplicate_of: Option<String>,
    pub similarity: Option<f64>,
    /// Sentence spans as JSON (`[{"start":0,"end":23},...]`).
    pub sentences: String,
    pub text: String,
}

/// One row of `actors`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<i64>,
    pub created_at: String,
}

/// One row of `actor_names`: a name an actor went by, and how often.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AliasRow {
    pub actor: String,
    pub name: String,
    pub n: i64,
}

/// One row of `relations`, with its actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow {
    pub id: i64,
    pub subject: ActorRef,
    pub predicate: String,
    pub object: ActorRef,
    pub first_seen: Option<i32>,
    pub last_seen: Option<i32>,
    pub valid_start: Option<i32>,
    pub valid_end: Option<i32>,
    pub n_mentions: i64,
    pub n_articles: i64,
    pub confidence: f64,
}

/// One row of `relation_mentions`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationMentionRow {
    pub relation: Option<i64>,
    /// The relation's actors (its subject and object).
    pub subject: Option<ActorRef>,
    pub object: Option<ActorRef>,
    pub article: String,
    pub subject_local: String,
    pub object_local: String,
    pub predicate: String,
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    pub time: Option<String>,
    pub valid_start: Option<i32>,
    pub valid_end: Option<i32>,
    pub attributed_to: Option<String>,
    pub confidence: f64,
    /// The evidence span's text, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One row of `events`, with its actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub code: String,
    pub root: String,
    pub label: String,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    pub place: Option<ActorRef>,
    pub modality: String,
    pub day: Option<i32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub goldstein: f64,
    pub n_mentions: i64,
    pub n_articles: i64,
    pub n_sources: i64,
    pub first_seen: Option<i32>,
    pub confidence: f64,
}

/// How the articles tell an event: its first telling (earliest article),
/// and what all the tellings share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventEvidence {
    /// The first article's id, URL, outlet and publication date.
    pub article: String,
    pub url: Option<String>,
    pub outlet: String,
    pub published: Option<String>,
    /// The sentence of the first telling, and its trigger words.
    pub sentence: Option<String>,
    pub trigger: String,
    /// The first telling's TIMEX3 value and valid interval.
    pub time: Option<String>,
    pub valid_start: Option<i32>,
    pub valid_end: Option<i32>,
    /// The geocoder's level of the place (`city`, `admin1`, `country`, ...)
    /// and, for a place it could not find, the place that stands in.
    pub place_level: Option<String>,
    pub place_within: Option<String>,
    /// The earliest sentence index any telling uses.
    pub first_sentence: i64,
    /// The shortest valid interval any telling gives, in days.
    pub shortest_days: Option<i32>,
    /// Outlets of every article that tells it, copies included, sorted.
    pub outlets: Vec<String>,
    /// When the latest telling was ingested (RFC 3339).
    pub last_ingested: Option<String>,
}

/// One row of `event_mentions`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMentionRow {
    pub event: Option<i64>,
    pub article: String,
    pub local: String,
    pub code: String,
    pub source_local: Option<String>,
    pub target_local: Option<String>,
    pub place_local: Option<String>,
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    pub trigger: String,
    pub time: Option<String>,
    pub valid_start: Option<i32>,
    pub valid_end: Option<i32>,
    pub modality: String,
    pub attributed_to: Option<String>,
    pub confidence: f64,
    /// The sentence's text, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One row of `claims`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub id: i64,
    pub article: String,
    pub local: String,
    pub speaker: Option<String>,
    pub speaker_local: Option<String>,
    pub medium: Option<String>,
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub sentence: i64,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub direct: bool,
    pub polarity: String,
    /// Actor ids the claim is about.
    pub about: Vec<String>,
    pub valid_start: Option<i32>,
    pub valid_end: Option<i32>,
    pub confidence: f64,
}

/// An actor that takes part in a relation or an event between two actors,
/// with the span of days of those facts (for graph exports).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    pub actor: ActorRow,
    /// First and last day of the facts it takes part in (inclusive).
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
    /// How many of the kept facts it takes part in.
    pub n_facts: i64,
}

/// The events a filter keeps, as an SQL condition on `events e`.
const EVENT_WHERE: &str = "(:from IS NULL OR e.day >= :from) AND (:to IS NULL OR e.day < :to)
    AND (:actor IS NULL OR e.source = :actor OR e.target = :actor)
    AND (:root IS NULL OR e.root = :root) AND (:country IS NULL OR e.country = :country)";

/// The relations a filter keeps, as an SQL condition on `relations r`: its
/// valid time (else the days it was reported) meets the range.
const RELATION_WHERE: &str = "(:from IS NULL OR coalesce(r.valid_end, r.last_seen + 1) > :from)
    AND (:to IS NULL OR coalesce(r.valid_start, r.first_seen) < :to)
    AND (:actor IS NULL OR r.subject = :actor OR r.object = :actor)";

/// The claims a filter keeps, as an SQL condition on `claims c` joined to
/// `articles a`: its valid time (else the publication day) meets the range.
const CLAIM_WHERE: &str = "(:from IS NULL OR coalesce(c.valid_end, a.published_day + 1) > :from)
    AND (:to IS NULL OR coalesce(c.valid_start, a.published_day) < :to)
    AND (:actor IS NULL OR c.speaker = :actor
         OR EXISTS (SELECT 1 FROM claim_about x WHERE x.claim = c.id AND x.actor = :actor))";

const ACTOR_COLS: &str = "id, name, type, kb_id, country, lat, lon, geonames_id, created_at";

fn actor_row(r: &Row, i: usize) -> DbResult<ActorRow> {
    Ok(ActorRow {
        id: r.get(i)?,
        name: r.get(i + 1)?,
        etype: r.get(i + 2)?,
        kb_id: r.get(i + 3)?,
        country: r.get(i + 4)?,
        lat: r.get(i + 5)?,
        lon: r.get(i + 6)?,
        geonames_id: r.get(i + 7)?,
        created_at: r.get(i + 8)?,
    })
}

/// An actor reference from four columns (id, name, type, country); `None`
/// when the id is NULL. An id the actors table lacks keeps the id as name.
fn actor_ref(r: &Row, i: usize) -> DbResult<Option<ActorRef>> {
    let Some(id) = r.get::<Option<String>>(i)? else {
        return Ok(None);
    };
    let name = r
        .get::<Option<String>>(i + 1)?
        .unwrap_or_else(|| id.clone());
    Ok(Some(ActorRef {
        id,
        name,
        etype: r.get::<Option<String>>(i + 2)?.unwrap_or_default(),
        country: r.get(i + 3)?,
    }))
}

/// The filter's values for the named parameters the statements use.
fn named(f: &RowFilter) -> [(&'static str, &'static str, Arg<'_>); 5] {
    [
        (":from", "BIGINT", f.from_day.to_arg()),
        (":to", "BIGINT", f.to_day.to_arg()),
        (":actor", "TEXT", f.actor.to_arg()),
        (":root", "TEXT", f.root.to_arg()),
        (":country", "TEXT", f.country.to_arg()),
    ]
}

impl Store {
    /// Runs `sql` with the filter bound and hands each row, mapped by `map`,
    /// to `f`; stops at the first error of either.
    fn stream<T, E: From<StoreError>>(
        &self,
        sql: &str,
        filter: &RowFilter,
        map: impl Fn(&Row) -> DbResult<T>,
        mut f: impl FnMut(&T) -> Result<(), E>,
    ) -> Result<(), E> {
        let (sql, values) = bind_named(sql, &named(filter));
        // The callback's own errors pass through untouched; the store's are
        // named with the store.
        enum Stop<E> {
            Db(DbError),
            Caller(E),
        }
        impl<E> From<DbError> for Stop<E> {
            fn from(e: DbError) -> Self {
                Stop::Db(e)
            }
        }
        let result = self.db.each(&sql, &values, |row| -> Result<(), Stop<E>> {
            let item = map(row)?;
            f(&item).map_err(Stop::Caller)
        });
        match result {
            Ok(()) => Ok(()),
            Err(Stop::Db(e)) => Err(self.err(e).into()),
            Err(Stop::Caller(e)) => Err(e),
        }
    }

    /// Every article, copies included, in storage order.
    pub fn for_each_article<E: From<StoreError>>(
        &self,
        f: impl FnMut(&ArticleRow) -> Result<(), E>,
    ) -> Result<(), E> {
        self.stream(
            "SELECT a.id, a.key, a.doc_id, a.url, a.source, a.outlet, a.title, a.published,
                    a.published_day, a.ingested_at, a.content_hash, d.id, a.similarity,
                    a.sentences, a.text
             FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of ORDER BY a.rowid",
            &RowFilter::default(),
            |r| {
                Ok(ArticleRow {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    doc_id: r.get(2)?,
                    url: r.get(3)?,
                    source: r.get(4)?,
                    outlet: r.get(5)?,
                    title: r.get(6)?,
                    published: r.get(7)?,
                    published_day: r.get(8)?,
                    ingested_at: r.get(9)?,
                    content_hash: r.get(10)?,
                    duplicate_of: r.get(11)?,
                    similarity: r.get(12)?,
                    sentences: r.get(13)?,
                    text: r.get(14)?,
                })
            },
            f,
        )
    }

    /// Every actor, by id.
    pub fn for_each_actor<E: From<StoreError>>(
        &self,
        f: impl FnMut(&ActorRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!("SELECT {ACTOR_COLS} FROM actors ORDER BY id");
        self.stream(&sql, &RowFilter::default(), |r| actor_row(r, 0), f)
    }

    /// Every name of every actor, by actor and name.
    pub fn for_each_alias<E: From<StoreError>>(
        &self,
        f: impl FnMut(&AliasRow) -> Result<(), E>,
    ) -> Result<(), E> {
        self.stream(
            "SELECT actor, name, n FROM actor_names ORDER BY actor, name",
            &RowFilter::default(),
            |r| {
                Ok(AliasRow {
                    actor: r.get(0)?,
                    name: r.get(1)?,
                    n: r.get(2)?,
                })
            },
            f,
        )
    }

    /// The relations the filter keeps (its dates and actor), by id.
    pub fn for_each_relation<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        f: impl FnMut(&RelationRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!(
            "SELECT r.id, r.subject, s.name, s.type, s.country, r.predicate,
                    r.object, o.name, o.type, o.country, r.first_seen, r.last_seen,
                    r.valid_start, r.valid_end, r.n_mentions, r.n_articles, r.confidence
             FROM relations r LEFT JOIN actors s ON s.id = r.subject
             LEFT JOIN actors o ON o.id = r.object
             WHERE {RELATION_WHERE} ORDER BY r.id"
        );
        self.stream(
            &sql,
            filter,
            |r| {
                let missing = || DbError::Type("a relation without its subject or object".into());
                Ok(RelationRow {
                    id: r.get(0)?,
                    subject: actor_ref(r, 1)?.ok_or_else(missing)?,
                    predicate: r.get(5)?,
                    object: actor_ref(r, 6)?.ok_or_else(missing)?,
                    first_seen: r.get(10)?,
                    last_seen: r.get(11)?,
                    valid_start: r.get(12)?,
                    valid_end: r.get(13)?,
                    n_mentions: r.get(14)?,
                    n_articles: r.get(15)?,
                    confidence: r.get(16)?,
                })
            },
            f,
        )
    }

    /// The mentions of the relations the filter keeps, by relation; with
    /// `evidence`, each with the text of its evidence span (this reads the
    /// article's text).
    pub fn for_each_relation_mention<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        evidence: bool,
        f: impl FnMut(&RelationMentionRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = if evidence {
            "substr(a.text, CAST(m.start + 1 AS INTEGER), CAST(m.end - m.start AS INTEGER))"
        } else {
            "NULL"
        };
        let sql = format!(
            "SELECT m.relation, a.id, m.subject_local, m.object_local, m.predicate, m.sentence,
                    m.start, m.end, m.time, m.valid_start, m.valid_end, m.attributed_to,
                    m.confidence, {text}, r.subject, s.name, s.type, s.country,
                    r.object, o.name, o.type, o.country
             FROM relation_mentions m JOIN articles a ON a.rowid = m.article
             LEFT JOIN relations r ON r.id = m.relation
             LEFT JOIN actors s ON s.id = r.subject LEFT JOIN actors o ON o.id = r.object
             WHERE m.relation IN (SELECT r.id FROM relations r WHERE {RELATION_WHERE})
             ORDER BY m.relation, m.rowid"
        );
        self.stream(
            &sql,
            filter,
            |r| {
                Ok(RelationMentionRow {
                    relation: r.get(0)?,
                    subject: actor_ref(r, 14)?,
                    object: actor_ref(r, 18)?,
                    article: r.get(1)?,
                    subject_local: r.get(2)?,
                    object_local: r.get(3)?,
                    predicate: r.get(4)?,
                    sentence: r.get(5)?,
                    start: r.get(6)?,
                    end: r.get(7)?,
                    time: r.get(8)?,
                    valid_start: r.get(9)?,
                    valid_end: r.get(10)?,
                    attributed_to: r.get(11)?,
                    confidence: r.get(12)?,
                    evidence: r.get(13)?,
                })
            },
            f,
        )
    }

    /// The events the filter keeps, by id, with their actors' names.
    pub fn for_each_event<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        f: impl FnMut(&EventRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!(
            "SELECT e.id, e.code, e.root, e.label,
                    e.source, s.name, s.type, s.country, e.target, t.name, t.type, t.country,
                    e.place, p.name, p.type, p.country,
                    e.modality, e.day, e.lat, e.lon, e.country, e.goldstein, e.n_mentions,
                    e.n_articles, e.n_sources, e.first_seen, e.confidence
             FROM events e LEFT JOIN actors s ON s.id = e.source
             LEFT JOIN actors t ON t.id = e.target LEFT JOIN actors p ON p.id = e.place
             WHERE {EVENT_WHERE} ORDER BY e.id"
        );
        self.stream(&sql, filter, event_row, f)
    }

    /// The events the filter keeps, each with how the articles tell it
    /// ([`EventEvidence`]; `None` for an event left without a telling).
    pub fn for_each_event_with_evidence<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        mut f: impl FnMut(&EventRow, Option<&EventEvidence>) -> Result<(), E>,
    ) -> Result<(), E> {
        let first_sql = format!(
            "SELECT a.id, a.url, a.outlet, a.published, {}, m.trigger, m.time,
                    m.valid_start, m.valid_end, {}, {}
             FROM event_mentions m JOIN articles a ON a.rowid = m.article
             LEFT JOIN entities en ON en.article = m.article AND en.local = m.place_local
             WHERE m.event = ?1
             ORDER BY a.published_day IS NULL, a.published_day, a.rowid, m.start LIMIT 1",
            self.db.sentence_sql("a.text", "a.sentences", "m.sentence"),
            self.db.json_field_sql("en.geo", "level"),
            self.db.json_field_sql("en.geo", "within"),
        );
        self.for_each_event(filter, |ev: &EventRow| -> Result<(), E> {
            let evidence = (|| -> DbResult<Option<EventEvidence>> {
                let first = self.db.opt(&first_sql, args![ev.id], |r| {
                    Ok(EventEvidence {
                        article: r.get(0)?,
                        url: r.get(1)?,
                        outlet: r.get(2)?,
                        published: r.get(3)?,
                        sentence: r.get(4)?,
                        trigger: r.get(5)?,
                        time: r.get(6)?,
                        valid_start: r.get(7)?,
                        valid_end: r.get(8)?,
                        place_level: r.get(9)?,
                        place_within: r.get(10)?,
                        first_sentence: 0,
                        shortest_days: None,
                        outlets: Vec::new(),
                        last_ingested: None,
                    })
                })?;
                let Some(mut e) = first else {
                    return Ok(None);
                };
                (e.first_sentence, e.shortest_days, e.last_ingested) = self.db.row(
                    "SELECT min(m.sentence), min(m.valid_end - m.valid_start), max(a.ingested_at)
                     FROM event_mentions m JOIN articles a ON a.rowid = m.article
                     WHERE m.event = ?1",
                    args![ev.id],
                    |r| Ok((r.get::<Option<i64>>(0)?.unwrap_or(0), r.get(1)?, r.get(2)?)),
                )?;
                e.outlets = self.db.rows(
                    "SELECT DISTINCT outlet FROM articles
                     WHERE rowid IN (SELECT article FROM event_mentions WHERE event = ?1)
                        OR duplicate_of IN (SELECT article FROM event_mentions WHERE event = ?1)
                     ORDER BY outlet",
                    args![ev.id],
                    |r| r.get(0),
                )?;
                Ok(Some(e))
            })()
            .map_err(|e| self.err(e))?;
            f(ev, evidence.as_ref())
        })
    }

    /// The mentions of the events the filter keeps, by event; with
    /// `evidence`, each with its sentence's text (this reads the article's
    /// text).
    pub fn for_each_event_mention<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        evidence: bool,
        f: impl FnMut(&EventMentionRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let text = if evidence {
            self.db.sentence_sql("a.text", "a.sentences", "m.sentence")
        } else {
            "NULL".to_string()
        };
        let sql = format!(
            "SELECT m.event, a.id, m.local, m.code, m.source_local, m.target_local, m.place_local,
                    m.sentence, m.start, m.end, m.trigger, m.time, m.valid_start, m.valid_end,
                    m.modality, m.attributed_to, m.confidence, {text}
             FROM event_mentions m JOIN articles a ON a.rowid = m.article
             WHERE m.event IN (SELECT e.id FROM events e WHERE {EVENT_WHERE})
             ORDER BY m.event, m.rowid"
        );
        self.stream(
            &sql,
            filter,
            |r| {
                Ok(EventMentionRow {
                    event: r.get(0)?,
                    article: r.get(1)?,
                    local: r.get(2)?,
                    code: r.get(3)?,
                    source_local: r.get(4)?,
                    target_local: r.get(5)?,
                    place_local: r.get(6)?,
                    sentence: r.get(7)?,
                    start: r.get(8)?,
                    end: r.get(9)?,
                    trigger: r.get(10)?,
                    time: r.get(11)?,
                    valid_start: r.get(12)?,
                    valid_end: r.get(13)?,
                    modality: r.get(14)?,
                    attributed_to: r.get(15)?,
                    confidence: r.get(16)?,
                    evidence: r.get(17)?,
                })
            },
            f,
        )
    }

    /// The claims the filter keeps (its dates and actor), by id.
    pub fn for_each_claim<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        f: impl FnMut(&ClaimRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!(
            "SELECT c.id, a.id, c.local, c.speaker, c.speaker_local, c.medium, c.text, c.start,
                    c.end, c.sentence, c.evidence_start, c.evidence_end, c.direct, c.polarity,
                    c.about, c.valid_start, c.valid_end, c.confidence
             FROM claims c JOIN articles a ON a.rowid = c.article
             WHERE {CLAIM_WHERE} ORDER BY c.id"
        );
        self.stream(
            &sql,
            filter,
            |r| {
                let about: String = r.get(14)?;
                Ok(ClaimRow {
                    id: r.get(0)?,
                    article: r.get(1)?,
                    local: r.get(2)?,
                    speaker: r.get(3)?,
                    speaker_local: r.get(4)?,
                    medium: r.get(5)?,
                    text: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                    sentence: r.get(9)?,
                    evidence_start: r.get(10)?,
                    evidence_end: r.get(11)?,
                    direct: r.get(12)?,
                    polarity: r.get(13)?,
                    about: serde_json::from_str(&about).unwrap_or_default(),
                    valid_start: r.get(15)?,
                    valid_end: r.get(16)?,
                    confidence: r.get(17)?,
                })
            },
            f,
        )
    }

    /// The actors that take part in the relations the filter keeps or in the
    /// events it keeps between two actors, by id, with the days of those
    /// facts: the nodes of a graph whose edges are those facts.
    pub fn for_each_graph_node<E: From<StoreError>>(
        &self,
        filter: &RowFilter,
        f: impl FnMut(&GraphNode) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!(
            "WITH facts(actor, s, e) AS (
                SELECT r.subject, coalesce(r.valid_start, r.first_seen),
                       coalesce(r.valid_end - 1, r.last_seen)
                  FROM relations r WHERE {RELATION_WHERE}
                UNION ALL
                SELECT r.object, coalesce(r.valid_start, r.first_seen),
                       coalesce(r.valid_end - 1, r.last_seen)
                  FROM relations r WHERE {RELATION_WHERE}
                UNION ALL
                SELECT e.source, e.day, e.day FROM events e
                 WHERE e.source IS NOT NULL AND e.target IS NOT NULL AND {EVENT_WHERE}
                UNION ALL
                SELECT e.target, e.day, e.day FROM events e
                 WHERE e.source IS NOT NULL AND e.target IS NOT NULL AND {EVENT_WHERE})
             SELECT x.id, x.name, x.type, x.kb_id, x.country, x.lat, x.lon, x.geonames_id,
                    x.created_at, min(facts.s), max(facts.e), count(*)
             FROM facts JOIN actors x ON x.id = facts.actor
             GROUP BY x.id ORDER BY x.id"
        );
        self.stream(
            &sql,
            filter,
            |r| {
                Ok(GraphNode {
                    actor: actor_row(r, 0)?,
                    first_day: r.get(9)?,
                    last_day: r.get(10)?,
                    n_facts: r.get(11)?,
                })
            },
            f,
        )
    }
}

fn event_row(r: &Row) -> DbResult<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        code: r.get(1)?,
        root: r.get(2)?,
        label: r.get(3)?,
        source: actor_ref(r, 4)?,
        target: actor_ref(r, 8)?,
        place: actor_ref(r, 12)?,
        modality: r.get(16)?,
        day: r.get(17)?,
        lat: r.get(18)?,
        lon: r.get(19)?,
        country: r.get(20)?,
        goldstein: r.get(21)?,
        n_mentions: r.get(22)?,
        n_articles: r.get(23)?,
        n_sources: r.get(24)?,
        first_seen: r.get(25)?,
        confidence: r.get(26)?,
    })
}
