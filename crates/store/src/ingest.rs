//! Writing a batch of extracted documents into the graph: article identity
//! and duplicates, entity → actor links, and facts merged across articles.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::db::{args, Db, DbResult, OptionalExt};
use sha2::{Digest, Sha256};

use dossier_schema::{OutputDocument, OutputEvent};
use dossier_time::{timex_interval, DayInterval};

use crate::actors::{self, Link};
use crate::{now, Store, StoreError};

/// What one [`Store::ingest`] call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestReport {
    /// New articles, with their facts.
    pub added: usize,
    /// Articles already stored with the same text: nothing changed.
    pub unchanged: usize,
    /// Articles whose URL was stored with another text: the old version's
    /// facts were replaced.
    pub replaced: usize,
    /// Copies of a stored article (the same text under another URL, or a
    /// near-duplicate): kept as extra sources of that article.
    pub duplicates: usize,
}

impl IngestReport {
    pub fn add(&mut self, other: &IngestReport) {
        self.added += other.added;
        self.unchanged += other.unchanged;
        self.replaced += other.replaced;
        self.duplicates += other.duplicates;
    }
}

/// Events and relations whose counts a batch changed; refreshed once at the
/// end of the batch.
#[derive(Default)]
pub(crate) struct Touched {
    pub events: BTreeSet<i64>,
    /// Relations to count again from all their mentions: one lost mentions
    /// (a replaced article, a curation merge).
    pub relations: BTreeSet<i64>,
    /// Relations that only gained mentions in this batch, with what each
    /// new mention brings: these are brought up to date from the stored
    /// counts and the new mentions alone. A relation can hold a mention from
    /// a fifth of the store's articles ("ISKP affiliate_of Islamic State"),
    /// so counting it again from every mention at every batch made the
    /// writer's cost grow with the store: at 125,000 articles it was a fifth
    /// of the writer's time.
    pub relation_adds: BTreeMap<i64, Vec<AddedMention>>,
    /// Facts were relinked in this transaction (an own actor folded into a
    /// KB actor while an article was linked, or a curation merge): that
    /// recounted some relations whole mid-batch and may have removed
    /// others, so the stored rows no longer leave out exactly the batch's
    /// added mentions, and every relation the batch touched is counted
    /// again whole.
    pub relinked: bool,
    /// Set while writing an article that has duplicates already (a
    /// replaced version): its new events then take the full refresh, which
    /// counts the duplicates' outlets.
    pub has_duplicates: bool,
    /// Articles (by rowid) to add to SQLite's full-text index at the end
    /// of the batch. FTS5 writes its pending terms out at the savepoint of
    /// every later statement of the transaction, so an insert per article
    /// would write the index out once per article (many small segments,
    /// merged again and again); one statement at the end of the batch
    /// writes it once.
    pub fts: BTreeSet<i64>,
}

/// What one new mention adds to its relation's counts.
pub(crate) struct AddedMention {
    pub article: i64,
    pub confidence: f64,
    /// The article's publication day.
    pub day: Option<i32>,
    pub valid: Option<DayInterval>,
}

/// Articles a bulk writer (`dossier ingest`, `dossier load`) gathers into
/// one [`Store::ingest`] transaction. A commit rewrites every page it
/// touched, and the random-key indices (near-duplicate bands, actor and
/// entity lookups) are touched almost whole by each batch, so fewer, larger
/// commits write far less: loading 20,000 extracted articles took 57 s with
/// 256 a commit, 53 s with 512, 45 s with 1,024 and 47 s with 2,048
/// (pinned to one core; most of the gain is system time and waits on
/// writeback). The gathered documents cost about 45 KB each in memory.
pub const COMMIT_ARTICLES: usize = 1024;

impl Store {
    /// Writes a batch of documents in one transaction: all of it is stored,
    /// or, on an error (a full disk), none of it.
    pub fn ingest(&mut self, docs: &[OutputDocument]) -> Result<IngestReport, StoreError> {
        self.ingest_with(docs, |_| Ok(()))
    }

    /// [`Store::ingest`], with `also` run in the same transaction before it
    /// commits (the work queue marks the batch's inputs done).
    pub(crate) fn ingest_with(
        &mut self,
        docs: &[OutputDocument],
        also: impl FnOnce(&Db) -> DbResult<()>,
    ) -> Result<IngestReport, StoreError> {
        let path = self.path.clone();
        let err = |e| crate::write_error(&path, e);
        let tx = self.db.begin_write().map_err(err)?;
        let mut report = IngestReport::default();
        let mut touched = Touched::default();
        let ingested_at = now();
        for doc in docs {
            ingest_one(&tx, doc, &ingested_at, &mut report, &mut touched).map_err(err)?;
        }
        refresh(&tx, &touched).map_err(err)?;
        fts_flush(&tx, &mut touched).map_err(err)?;
        also(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(report)
    }
}

/// Whitespace collapsed: two copies that differ only in line breaks or
/// spacing are the same text.
pub(crate) fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn sha_hex(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A URL as an identity: no fragment, no trailing slash, the scheme and host
/// in lower case.
fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url).trim_end_matches('/');
    if url.is_empty() {
        return None;
    }
    Some(match url.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let mut k = format!("{}://{}", scheme.to_lowercase(), host.to_lowercase());
            if !path.is_empty() {
                k.push('/');
                k.push_str(path);
            }
            k
        }
        None => url.to_string(),
    })
}

/// An article's identity key (`url:` and its URL, else `text:` and the
/// hash of its text) and the hash of its normalised text `norm`.
fn identity(url: Option<&str>, norm: &str) -> (String, String) {
    let hash = sha_hex(norm)[..32].to_string();
    let key = match url.and_then(url_key) {
        Some(u) => format!("url:{u}"),
        None => format!("text:{hash}"),
    };
    (key, hash)
}

/// How the store knows an article: its identity key and the hash of its
/// normalised text, as [`Store::ingest`] computes them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ArticleIdentity {
    /// `url:` and the article's URL, else `text:` and the hash of its text.
    pub key: String,
    /// The hash of the whitespace-normalised text.
    pub content_hash: String,
}

impl ArticleIdentity {
    pub fn of(url: Option<&str>, text: &str) -> ArticleIdentity {
        let (key, content_hash) = identity(url, &normalize_text(text));
        ArticleIdentity { key, content_hash }
    }
}

impl Store {
    /// Whether the article is stored with this text already, so that
    /// ingesting it again would change nothing: `dossier ingest` asks
    /// before it runs the pipeline.
    pub fn is_stored(&self, article: &ArticleIdentity) -> Result<bool, StoreError> {
        let stored: Option<String> = self.q(self
            .db
            .row(
                "SELECT content_hash FROM articles WHERE key = ?1",
                args![article.key],
                |r| r.get(0),
            )
            .optional())?;
        Ok(stored.as_deref() == Some(article.content_hash.as_str()))
    }
}

/// The outlet an article counts as a source for: its `source`, else its
/// URL's host, else the article itself.
fn outlet(doc: &OutputDocument, id: &str) -> String {
    if let Some(s) = doc
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return s.to_lowercase();
    }
    if let Some(u) = doc.url.as_deref().and_then(url_key) {
        if let Some((_, rest)) = u.split_once("://") {
            let host = rest.split('/').next().unwrap_or(rest);
            return host.trim_start_matches("www.").to_string();
        }
    }
    id.to_string()
}

fn day_of(date: Option<&str>) -> Option<i32> {
    let iv = timex_interval(date?)?;
    (iv.days() == 1).then_some(iv.start)
}

fn interval(value: Option<&str>) -> Option<DayInterval> {
    timex_interval(value?)
}

fn ingest_one(
    tx: &Db,
    doc: &OutputDocument,
    ingested_at: &str,
    report: &mut IngestReport,
    touched: &mut Touched,
) -> DbResult<()> {
    let norm = normalize_text(&doc.text);
    // Computed lazily: an unchanged article needs none.
    let mut sig: Option<dossier_dedup::Signature> = None;
    let (key, hash) = identity(doc.url.as_deref(), &norm);
    let id = format!("a-{}", &sha_hex(&key)[..16]);
    let pub_day = day_of(doc.date.as_deref());
    let outlet = outlet(doc, &id);
    let sentences = serde_json::to_string(&doc.sentences).unwrap_or_default();
    let diagnostics = serde_json::to_string(&doc.diagnostics).unwrap_or_default();

    let existing: Option<(i64, String, Option<i64>)> = tx
        .row(
            "SELECT rowid, content_hash, duplicate_of FROM articles WHERE key = ?1",
            args![key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let rowid = match existing {
        Some((_, old, _)) if old == hash => {
            report.unchanged += 1;
            return Ok(());
        }
        Some((rowid, _, duplicate_of)) => {
            // The same URL with a new text: the old version's facts go, the
            // new version's come in its place.
            if let Some(orig) = duplicate_of {
                touch_article_events(tx, orig, touched)?;
            }
            delete_facts(tx, rowid, touched)?;
            fts_remove(tx, rowid, touched)?;
            tx.exec(
                "UPDATE articles SET doc_id = ?2, url = ?3, source = ?4, outlet = ?5, title = ?6,
                    published = ?7, published_day = ?8, ingested_at = ?9, content_hash = ?10,
                    text = ?11, sentences = ?12, diagnostics = ?13, duplicate_of = NULL,
                    similarity = NULL, minhash = NULL
                 WHERE rowid = ?1",
                args![
                    rowid,
                    doc.id,
                    doc.url,
                    doc.source,
                    outlet,
                    doc.title,
                    doc.date,
                    pub_day,
                    ingested_at,
                    hash,
                    doc.text,
                    sentences,
                    diagnostics
                ],
            )?;
            report.replaced += 1;
            rowid
        }
        None => {
            // The same text under another URL, or a near-duplicate, is
            // another source of the article already stored.
            let original: Option<(i64, f64)> = tx
                .row(
                    "SELECT rowid FROM articles WHERE content_hash = ?1 AND duplicate_of IS NULL
                     ORDER BY rowid LIMIT 1",
                    args![hash],
                    |r| r.get(0),
                )
                .optional()?
                .map(|r| (r, 1.0));
            let original = match original {
                Some(o) => Some(o),
                None => crate::near_dup::find(
                    tx,
                    sig.get_or_insert_with(|| dossier_dedup::signature(&norm)),
                )?,
            };
            let rowid: i64 = tx.row(
                "INSERT INTO articles (id, key, doc_id, url, source, outlet, title, published,
                    published_day, ingested_at, content_hash, text, sentences, diagnostics,
                    duplicate_of, similarity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                 RETURNING rowid",
                args![
                    id,
                    key,
                    doc.id,
                    doc.url,
                    doc.source,
                    outlet,
                    doc.title,
                    doc.date,
                    pub_day,
                    ingested_at,
                    hash,
                    doc.text,
                    sentences,
                    diagnostics,
                    original.map(|o| o.0),
                    original.map(|o| o.1),
                ],
                |r| r.get(0),
            )?;
            if let Some((orig, _)) = original {
                touch_article_events(tx, orig, touched)?;
                report.duplicates += 1;
                return Ok(());
            }
            report.added += 1;
            rowid
        }
    };
    fts_add(tx, rowid, touched);
    let sig = sig.unwrap_or_else(|| dossier_dedup::signature(&norm));
    crate::near_dup::index(tx, rowid, &sig)?;
    touched.has_duplicates = tx.row(
        "SELECT EXISTS(SELECT 1 FROM articles WHERE duplicate_of = ?1)",
        args![rowid],
        |r| r.get(0),
    )?;
    let result = insert_facts(tx, rowid, pub_day, doc, ingested_at, touched);
    touched.has_duplicates = false;
    result
}

/// Queues an article for SQLite's full-text index (FTS5 with external
/// content), written by [`fts_flush`] at the end of the batch.
/// PostgreSQL's index is a generated column: nothing to do.
fn fts_add(tx: &Db, rowid: i64, touched: &mut Touched) {
    if !tx.is_postgres() {
        touched.fts.insert(rowid);
    }
}

/// Writes the queued articles' titles and texts, as stored at the end of
/// the batch, into SQLite's full-text index, in one statement.
fn fts_flush(tx: &Db, touched: &mut Touched) -> DbResult<()> {
    let rowids = std::mem::take(&mut touched.fts);
    if rowids.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(&rowids).unwrap_or_default();
    tx.exec(
        "INSERT INTO article_fts(rowid, title, text)
         SELECT rowid, coalesce(title, ''), text FROM articles
         WHERE rowid IN (SELECT value FROM json_each(?1)) ORDER BY rowid",
        args![list],
    )?;
    Ok(())
}

/// Takes an article's old text out of SQLite's full-text index; a version
/// this batch queued and has not written yet is simply dropped.
fn fts_remove(tx: &Db, rowid: i64, touched: &mut Touched) -> DbResult<()> {
    if !tx.is_postgres() && !touched.fts.remove(&rowid) {
        tx.exec(
            "INSERT INTO article_fts(article_fts, rowid, title, text)
             SELECT 'delete', rowid, coalesce(title, ''), text FROM articles WHERE rowid = ?1",
            args![rowid],
        )?;
    }
    Ok(())
}

/// Marks an article's events and relations for a count refresh (a new
/// duplicate adds a source to each).
fn touch_article_events(tx: &Db, article: i64, touched: &mut Touched) -> DbResult<()> {
    touched.events.extend(tx.rows(
        "SELECT DISTINCT event FROM event_mentions WHERE article = ?1 AND event IS NOT NULL",
        args![article],
        |r| r.get::<i64>(0),
    )?);
    touched.relations.extend(tx.rows(
        "SELECT DISTINCT relation FROM relation_mentions WHERE article = ?1 AND relation IS NOT NULL",
        args![article],
        |r| r.get::<i64>(0),
    )?);
    Ok(())
}

/// Removes every fact an article contributed (before its new version comes
/// in), and takes its names off the actors' counts.
pub(crate) fn delete_facts(tx: &Db, article: i64, touched: &mut Touched) -> DbResult<()> {
    touch_article_events(tx, article, touched)?;
    {
        let rows: Vec<(String, String, String, String)> = tx.rows(
            "SELECT actor, name, type, aliases FROM entities WHERE article = ?1 AND actor IS NOT NULL",
            args![article],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        for (actor, name, etype, aliases) in rows {
            let aliases: Vec<String> = serde_json::from_str(&aliases).unwrap_or_default();
            actors::forget_names(tx, &actor, &name, &etype, &aliases)?;
        }
    }
    for sql in [
        "DELETE FROM entities WHERE article = ?1",
        "DELETE FROM times WHERE article = ?1",
        "DELETE FROM relation_mentions WHERE article = ?1",
        "DELETE FROM event_mentions WHERE article = ?1",
        "DELETE FROM claims WHERE article = ?1",
        "DELETE FROM article_bands WHERE article = ?1",
    ] {
        tx.exec(sql, args![article])?;
    }
    Ok(())
}

fn insert_facts(
    tx: &Db,
    article: i64,
    pub_day: Option<i32>,
    doc: &OutputDocument,
    ingested_at: &str,
    touched: &mut Touched,
) -> DbResult<()> {
    let mut actor_of: HashMap<&str, Option<String>> = HashMap::new();
    for e in &doc.entities {
        let Link {
            actor,
            confidence,
            merged,
        } = actors::link_entity(tx, e, ingested_at)?;
        touched.relinked |= merged;
        let mentions: Vec<(usize, usize, &str)> = e
            .mentions
            .iter()
            .map(|m| (m.start, m.end, m.kind.as_str()))
            .collect();
        tx.exec(
            "INSERT INTO entities (article, local, name, type, kb_id, actor,
                link_confidence, aliases, titles, geo, mentions, n_mentions, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (article, local) DO UPDATE SET name = excluded.name,
                type = excluded.type, kb_id = excluded.kb_id, actor = excluded.actor,
                link_confidence = excluded.link_confidence, aliases = excluded.aliases,
                titles = excluded.titles, geo = excluded.geo, mentions = excluded.mentions,
                n_mentions = excluded.n_mentions, confidence = excluded.confidence",
            args![
                article,
                e.id,
                e.name,
                e.etype.as_str(),
                e.kb_id,
                actor,
                confidence,
                serde_json::to_string(&e.aliases).unwrap_or_default(),
                serde_json::to_string(&e.titles).unwrap_or_default(),
                e.geo
                    .as_ref()
                    .map(|g| serde_json::to_string(g).unwrap_or_default()),
                serde_json::to_string(&mentions).unwrap_or_default(),
                e.mentions.len() as i64,
                f64::from(e.confidence),
            ],
        )?;
        actor_of.insert(e.id.as_str(), actor);
    }
    let actor = |local: Option<&String>| -> Option<String> {
        local.and_then(|l| actor_of.get(l.as_str()).cloned().flatten())
    };

    for t in &doc.times {
        let iv = interval(t.value.as_deref());
        tx.exec(
            "INSERT INTO times (article, start, \"end\", text, type, value, modifier, valid_start,
                valid_end, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            args![
                article,
                t.start as i64,
                t.end as i64,
                t.text,
                t.ttype.as_str(),
                t.value,
                t.modifier,
                iv.map(|i| i.start),
                iv.map(|i| i.end),
                f64::from(t.confidence),
            ],
        )?;
    }

    for r in &doc.relations {
        let m = RelationMention {
            subject: actor(Some(&r.subject)),
            object: actor(Some(&r.object)),
            subject_local: r.subject.clone(),
            object_local: r.object.clone(),
            predicate: r.predicate.clone(),
            sentence: r.sentence as i64,
            start: r.evidence.start as i64,
            end: r.evidence.end as i64,
            time: r.time.clone(),
            attributed_to: actor(r.attributed_to.as_ref()),
            confidence: f64::from(r.confidence),
        };
        insert_relation_mention(tx, article, pub_day, &m, touched)?;
    }

    let geo_of: HashMap<&str, &dossier_schema::Geo> = doc
        .entities
        .iter()
        .filter_map(|e| e.geo.as_ref().map(|g| (e.id.as_str(), g)))
        .collect();
    for ev in &doc.events {
        let m = EventMention::from_output(ev, &actor, &geo_of);
        insert_event_mention(tx, article, pub_day, &m, touched)?;
    }

    for c in &doc.claims {
        let about: Vec<String> = c.about.iter().filter_map(|a| actor(Some(a))).collect();
        let iv = pub_day.map(|d| DayInterval {
            start: d,
            end: d + 1,
        });
        tx.exec("INSERT INTO claims (article, local, speaker, speaker_local, medium, text, start, \"end\",
                sentence, evidence_start, evidence_end, direct, polarity, about, valid_start,
                valid_end, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", args![
            article,
            c.id,
            actor(c.speaker.as_ref()),
            c.speaker,
            actor(c.medium.as_ref()),
            c.text,
            c.start as i64,
            c.end as i64,
            c.sentence as i64,
            c.evidence.start as i64,
            c.evidence.end as i64,
            c.direct,
            c.polarity.as_str(),
            serde_json::to_string(&about).unwrap_or_default(),
            iv.map(|i| i.start),
            iv.map(|i| i.end),
            f64::from(c.confidence),
        ])?;
    }
    Ok(())
}

/// One relation as one article states it, with the actors its entities
/// link to (`None` where an entity is unlinked: the mention is kept, but no
/// graph relation is made of it).
pub(crate) struct RelationMention {
    pub subject: Option<String>,
    pub object: Option<String>,
    pub subject_local: String,
    pub object_local: String,
    pub predicate: String,
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    pub time: Option<String>,
    pub attributed_to: Option<String>,
    pub confidence: f64,
}

pub(crate) fn insert_relation_mention(
    tx: &Db,
    article: i64,
    pub_day: Option<i32>,
    m: &RelationMention,
    touched: &mut Touched,
) -> DbResult<()> {
    let iv = interval(m.time.as_deref());
    let relation: Option<i64> = match (&m.subject, &m.object) {
        (Some(s), Some(o)) if s != o => {
            // Looked up first: a known relation costs one statement, and
            // PostgreSQL spends no identity value on a conflicting insert,
            // so both backends number relations alike.
            let find =
                "SELECT id FROM relations WHERE subject = ?1 AND predicate = ?2 AND object = ?3";
            let key = args![s, m.predicate, o];
            let id: i64 = match tx.row(find, key, |r| r.get(0)).optional()? {
                Some(id) => id,
                None => match tx
                    .row(
                        "INSERT INTO relations (subject, predicate, object) VALUES (?1, ?2, ?3)
                         ON CONFLICT (subject, predicate, object) DO NOTHING RETURNING id",
                        key,
                        |r| r.get(0),
                    )
                    .optional()?
                {
                    Some(id) => id,
                    None => tx.row(find, key, |r| r.get(0))?,
                },
            };
            touched
                .relation_adds
                .entry(id)
                .or_default()
                .push(AddedMention {
                    article,
                    confidence: m.confidence,
                    day: pub_day,
                    valid: iv,
                });
            Some(id)
        }
        _ => None,
    };
    tx.exec(
        "INSERT INTO relation_mentions (relation, article, subject_local, object_local, predicate,
            sentence, start, \"end\", time, valid_start, valid_end, attributed_to, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        args![
            relation,
            article,
            m.subject_local,
            m.object_local,
            m.predicate,
            m.sentence,
            m.start,
            m.end,
            m.time,
            iv.map(|i| i.start),
            iv.map(|i| i.end),
            m.attributed_to,
            m.confidence,
        ],
    )?;
    Ok(())
}

/// One event as one article tells it, with its entities' actors.
pub(crate) struct EventMention {
    pub local: String,
    pub code: String,
    pub root: String,
    pub label: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub place: Option<String>,
    pub source_local: Option<String>,
    pub target_local: Option<String>,
    pub place_local: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    pub trigger: String,
    pub time: Option<String>,
    pub modality: String,
    pub attributed_to: Option<String>,
    pub goldstein: f64,
    pub confidence: f64,
}

impl EventMention {
    fn from_output(
        ev: &OutputEvent,
        actor: &dyn Fn(Option<&String>) -> Option<String>,
        geo_of: &HashMap<&str, &dossier_schema::Geo>,
    ) -> EventMention {
        let geo = ev.place.as_deref().and_then(|p| geo_of.get(p));
        EventMention {
            local: ev.id.clone(),
            code: ev.code.clone(),
            root: ev.root.clone(),
            label: ev.label.clone(),
            source: actor(ev.source.as_ref()),
            target: actor(ev.target.as_ref()),
            place: actor(ev.place.as_ref()),
            source_local: ev.source.clone(),
            target_local: ev.target.clone(),
            place_local: ev.place.clone(),
            lat: geo.map(|g| g.lat),
            lon: geo.map(|g| g.lon),
            country: geo.and_then(|g| g.country.clone()),
            sentence: ev.sentence as i64,
            start: ev.trigger.start as i64,
            end: ev.trigger.end as i64,
            trigger: ev.trigger.text.clone(),
            time: ev.time.clone(),
            modality: ev.modality.as_str().to_string(),
            attributed_to: actor(ev.attributed_to.as_ref()),
            goldstein: f64::from(ev.goldstein),
            confidence: f64::from(ev.confidence),
        }
    }
}

/// The day an event happened for merging: its own date when the text gives
/// a day, else the publication day when its date holds it (or it has none),
/// else the first day of its date.
fn event_day(time: Option<&str>, pub_day: Option<i32>) -> Option<i32> {
    match (interval(time), pub_day) {
        (Some(iv), _) if iv.days() == 1 => Some(iv.start),
        (Some(iv), Some(p)) if iv.start <= p && p < iv.end => Some(p),
        (Some(iv), _) => Some(iv.start),
        (None, p) => p,
    }
}

/// Adds an event mention, to the stored event it retells when there is one
/// (same root, source, target, place and modality, within a day), else to a
/// new event. Events with neither actor linked are never merged.
pub(crate) fn insert_event_mention(
    tx: &Db,
    article: i64,
    pub_day: Option<i32>,
    m: &EventMention,
    touched: &mut Touched,
) -> DbResult<()> {
    let day = event_day(m.time.as_deref(), pub_day);
    let mergeable = (m.source.is_some() || m.target.is_some()) && day.is_some();
    let existing: Option<i64> = if mergeable {
        tx.row(
            "SELECT id FROM events
             WHERE source IS NOT DISTINCT FROM ?1 AND target IS NOT DISTINCT FROM ?2
               AND root = ?3 AND day BETWEEN ?4 - 1 AND ?4 + 1
               AND place IS NOT DISTINCT FROM ?5 AND modality = ?6
             ORDER BY abs(day - ?4), id LIMIT 1",
            args![m.source, m.target, m.root, day, m.place, m.modality],
            |r| r.get(0),
        )
        .optional()?
    } else {
        None
    };
    let event = match existing {
        Some(id) => {
            touched.events.insert(id);
            id
        }
        None => {
            // A new event's counts are those of its first mention; only an
            // event that a later mention joins, or whose article has
            // duplicates, needs the refresh at the end of the batch.
            let id: i64 = tx.row(
                "INSERT INTO events (code, root, label, source, target, place, modality, day, lat,
                    lon, country, goldstein, n_mentions, n_articles, n_sources, first_seen,
                    confidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 1, 1, ?13, ?14)
                 RETURNING id",
                args![
                    m.code,
                    m.root,
                    m.label,
                    m.source,
                    m.target,
                    m.place,
                    m.modality,
                    day,
                    m.lat,
                    m.lon,
                    m.country,
                    m.goldstein,
                    pub_day,
                    m.confidence.clamp(0.0, 1.0)
                ],
                |r| r.get(0),
            )?;
            if touched.has_duplicates {
                touched.events.insert(id);
            }
            id
        }
    };
    let iv = interval(m.time.as_deref());
    tx.exec(
        "INSERT INTO event_mentions (event, article, local, code, source_local, target_local,
            place_local, sentence, start, \"end\", trigger, time, valid_start, valid_end, modality,
            attributed_to, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        args![
            event,
            article,
            m.local,
            m.code,
            m.source_local,
            m.target_local,
            m.place_local,
            m.sentence,
            m.start,
            m.end,
            m.trigger,
            m.time,
            iv.map(|i| i.start),
            iv.map(|i| i.end),
            m.modality,
            m.attributed_to,
            m.confidence,
        ],
    )?;
    Ok(())
}

/// Noisy-OR over articles: each article's strongest statement of a fact is
/// one independent witness, so three articles at 0.6 give 0.936, and a fact
/// repeated inside one article counts once.
fn combine(per_article: &HashMap<i64, f64>) -> f64 {
    1.0 - per_article
        .values()
        .map(|c| 1.0 - c.clamp(0.0, 1.0))
        .product::<f64>()
}

/// Recomputes the counts, spans and confidences of the events and relations
/// a batch touched; an event or relation left with no mention goes.
pub(crate) fn refresh(tx: &Db, touched: &Touched) -> DbResult<()> {
    for &event in &touched.events {
        let rows: Vec<(i64, f64, Option<i32>, String)> = tx.rows(
            "SELECT m.article, m.confidence, a.published_day, a.outlet
                 FROM event_mentions m JOIN articles a ON a.rowid = m.article
                 WHERE m.event = ?1",
            args![event],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        if rows.is_empty() {
            tx.exec("DELETE FROM events WHERE id = ?1", args![event])?;
            continue;
        }
        let mut best: HashMap<i64, f64> = HashMap::new();
        let mut outlets: BTreeSet<String> = BTreeSet::new();
        let mut first: Option<i32> = None;
        for (article, conf, day, outlet) in &rows {
            let b = best.entry(*article).or_insert(0.0);
            *b = b.max(*conf);
            outlets.insert(outlet.clone());
            first = match (first, *day) {
                (Some(f), Some(d)) => Some(f.min(d)),
                (f, d) => f.or(d),
            };
        }
        for article in best.keys() {
            outlets.extend(tx.rows(
                "SELECT outlet FROM articles WHERE duplicate_of = ?1",
                args![article],
                |r| r.get::<String>(0),
            )?);
        }
        tx.exec(
            "UPDATE events SET n_mentions = ?2, n_articles = ?3, n_sources = ?4, first_seen = ?5,
                confidence = ?6 WHERE id = ?1",
            args![
                event,
                rows.len() as i64,
                best.len() as i64,
                outlets.len() as i64,
                first,
                combine(&best)
            ],
        )?;
    }
    let mut recount: Vec<i64> = Vec::new();
    for (&relation, added) in &touched.relation_adds {
        if touched.relations.contains(&relation) {
            continue;
        }
        if touched.relinked {
            recount.push(relation);
        } else {
            add_to_relation(tx, relation, added)?;
        }
    }
    for &relation in touched.relations.iter().chain(&recount) {
        // (article, confidence, published day, valid start, valid end)
        type Row = (i64, f64, Option<i32>, Option<i32>, Option<i32>);
        let rows: Vec<Row> = tx.rows(
            "SELECT m.article, m.confidence, a.published_day, m.valid_start, m.valid_end
                 FROM relation_mentions m JOIN articles a ON a.rowid = m.article
                 WHERE m.relation = ?1",
            args![relation],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        if rows.is_empty() {
            tx.exec("DELETE FROM relations WHERE id = ?1", args![relation])?;
            continue;
        }
        let mut tally = Tally::default();
        for &(article, confidence, day, s, e) in &rows {
            let valid = s.zip(e).map(|(start, end)| DayInterval { start, end });
            tally.add(article, confidence, day, valid);
        }
        tally.write(tx, relation, None)?;
    }
    Ok(())
}

/// Brings a relation's counts up to date with mentions that a batch added
/// to it, from new articles only (a replaced article's relations are
/// counted again whole): the result is what counting every mention gives.
fn add_to_relation(tx: &Db, relation: i64, added: &[AddedMention]) -> DbResult<()> {
    let stored = tx.row(
        "SELECT n_mentions, n_articles, first_seen, last_seen, valid_start, valid_end, confidence
         FROM relations WHERE id = ?1",
        args![relation],
        |r| {
            Ok(Stored {
                mentions: r.get(0)?,
                articles: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                valid_start: r.get(4)?,
                valid_end: r.get(5)?,
                confidence: r.get(6)?,
            })
        },
    )?;
    let mut tally = Tally::default();
    for m in added {
        tally.add(m.article, m.confidence, m.day, m.valid);
    }
    tally.write(tx, relation, Some(stored))
}

/// A relation's row as stored.
struct Stored {
    mentions: i64,
    articles: i64,
    first: Option<i32>,
    last: Option<i32>,
    valid_start: Option<i32>,
    valid_end: Option<i32>,
    confidence: f64,
}

/// A relation's counts over some of its mentions: every one in a recount,
/// a batch's new ones in an update.
#[derive(Default)]
struct Tally {
    mentions: i64,
    /// Each article's strongest mention.
    best: HashMap<i64, f64>,
    first: Option<i32>,
    last: Option<i32>,
    valid_start: Option<i32>,
    valid_end: Option<i32>,
}

/// The smaller or larger of two optional days, whichever is there.
fn widen(a: Option<i32>, b: Option<i32>, pick: fn(i32, i32) -> i32) -> Option<i32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    }
}

impl Tally {
    fn add(&mut self, article: i64, confidence: f64, day: Option<i32>, valid: Option<DayInterval>) {
        self.mentions += 1;
        let b = self.best.entry(article).or_insert(0.0);
        *b = b.max(confidence);
        self.first = widen(self.first, day, i32::min);
        self.last = widen(self.last, day, i32::max);
        if let Some(iv) = valid {
            self.valid_start = widen(self.valid_start, Some(iv.start), i32::min);
            self.valid_end = widen(self.valid_end, Some(iv.end), i32::max);
        }
    }

    /// Writes the relation's counts: this tally's, added to `stored` when
    /// the tally holds only new articles' mentions. The noisy-OR
    /// confidence then takes 1 - (1 - stored) * (1 - new): the new
    /// articles are witnesses the stored confidence has not counted.
    fn write(&self, tx: &Db, relation: i64, stored: Option<Stored>) -> DbResult<()> {
        let new = combine(&self.best);
        let (mentions, articles, first, last, vs, ve, confidence) = match stored {
            None => (
                self.mentions,
                self.best.len() as i64,
                self.first,
                self.last,
                self.valid_start,
                self.valid_end,
                new,
            ),
            Some(s) => (
                s.mentions + self.mentions,
                s.articles + self.best.len() as i64,
                widen(s.first, self.first, i32::min),
                widen(s.last, self.last, i32::max),
                widen(s.valid_start, self.valid_start, i32::min),
                widen(s.valid_end, self.valid_end, i32::max),
                1.0 - (1.0 - s.confidence.clamp(0.0, 1.0)) * (1.0 - new),
            ),
        };
        tx.exec(
            "UPDATE relations SET n_mentions = ?2, n_articles = ?3, first_seen = ?4,
                last_seen = ?5, valid_start = ?6, valid_end = ?7, confidence = ?8 WHERE id = ?1",
            args![relation, mentions, articles, first, last, vs, ve, confidence],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_keyed_without_fragment_case_or_trailing_slash() {
        assert_eq!(
            url_key("HTTPS://News.Example/World/Story-1/#comments"),
            Some("https://news.example/World/Story-1".into())
        );
        assert_eq!(url_key("  "), None);
    }

    #[test]
    fn whitespace_does_not_make_another_text() {
        assert_eq!(
            normalize_text(" TTP  claimed\n\nthe attack. "),
            "TTP claimed the attack."
        );
    }

    #[test]
    fn event_day_prefers_a_day_then_the_publication_day() {
        let pub_day = dossier_time::timex_interval("2024-03-06").map(|i| i.start);
        let mon = dossier_time::timex_interval("2024-03-04").map(|i| i.start);
        assert_eq!(event_day(Some("2024-03-04"), pub_day), mon);
        assert_eq!(event_day(Some("2024-03"), pub_day), pub_day);
        assert_eq!(event_day(None, pub_day), pub_day);
        assert_eq!(event_day(Some("PAST_REF"), None), None);
    }

    #[test]
    fn confidence_combines_articles_not_mentions() {
        let one: HashMap<i64, f64> = [(1, 0.6)].into();
        let three: HashMap<i64, f64> = [(1, 0.6), (2, 0.6), (3, 0.6)].into();
        assert!((combine(&one) - 0.6).abs() < 1e-9);
        assert!((combine(&three) - 0.936).abs() < 1e-9);
    }
}
