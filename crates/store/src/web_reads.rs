//! Reads for the web UI's article page: one article's text with every span
//! the store keeps in it (entity mentions, time expressions, event triggers,
//! claims), so the page can highlight them and link each to its actor or
//! event. Spans are character offsets into the text, as everywhere in the
//! store.

use serde::Serialize;

use crate::db::args;
use crate::query_reads::ActorRef;
use crate::{Store, StoreError};

/// One stored article with its annotated spans.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleView {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub outlet: String,
    pub published: Option<String>,
    pub text: String,
    /// Sentence spans, in order.
    pub sentences: Vec<CharSpan>,
    /// The article this one is a copy of, when it was kept as a duplicate
    /// (a duplicate has no facts of its own).
    pub duplicate_of: Option<String>,
    pub entities: Vec<EntitySpan>,
    pub times: Vec<TimeSpan>,
    pub events: Vec<TriggerSpan>,
    pub claims: Vec<ClaimSpan>,
}

/// A span of characters, `[start, end)`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, serde::Deserialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

/// A mention of a document entity and the actor it links to.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    /// The entity's type (`ORG`, `PERSON`, `GPE`, ...).
    #[serde(rename = "type")]
    pub etype: String,
    /// The entity's name in this article.
    pub name: String,
    pub actor: Option<ActorRef>,
}

/// A time expression and its TIMEX3 value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimeSpan {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub ttype: String,
    pub value: Option<String>,
}

/// An event trigger and the stored event it is a mention of.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TriggerSpan {
    pub start: usize,
    pub end: usize,
    pub event: Option<i64>,
    pub code: String,
    pub label: Option<String>,
    pub modality: String,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
}

/// A claim's text and its speaker.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimSpan {
    pub id: i64,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<ActorRef>,
    pub speaker_text: Option<String>,
    pub polarity: String,
}

fn actor_ref(id: Option<String>, name: Option<String>) -> Option<ActorRef> {
    id.map(|id| ActorRef {
        name: name.unwrap_or_else(|| id.clone()),
        id,
    })
}

impl Store {
    /// The article with this id (`a-…`) and its spans, or `None`.
    pub fn article_view(&self, id: &str) -> Result<Option<ArticleView>, StoreError> {
        let head = self.q(self.db.opt(
            "SELECT a.rowid, a.id, a.url, a.source, a.outlet, a.title, a.published, a.text,
                    a.sentences, d.id
             FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of
             WHERE a.id = ?1",
            args![id],
            |r| {
                Ok((
                    r.get::<i64>(0)?,
                    ArticleView {
                        id: r.get(1)?,
                        url: r.get(2)?,
                        source: r.get(3)?,
                        outlet: r.get(4)?,
                        title: r.get(5)?,
                        published: r.get(6)?,
                        text: r.get(7)?,
                        sentences: serde_json::from_str(&r.get::<String>(8)?).unwrap_or_default(),
                        duplicate_of: r.get(9)?,
                        entities: Vec::new(),
                        times: Vec::new(),
                        events: Vec::new(),
                        claims: Vec::new(),
                    },
                ))
            },
        ))?;
        let Some((rowid, mut view)) = head else {
            return Ok(None);
        };
        view.entities = self.entity_spans(rowid)?;
        view.times = self.q(self.db.rows(
            "SELECT start, \"end\", type, value FROM times WHERE article = ?1 ORDER BY start",
            args![rowid],
            |r| {
                Ok(TimeSpan {
                    start: r.get::<i64>(0)? as usize,
                    end: r.get::<i64>(1)? as usize,
                    ttype: r.get(2)?,
                    value: r.get(3)?,
                })
            },
        ))?;
        view.events = self.q(self.db.rows(
            "SELECT m.start, m.\"end\", m.event, m.code, e.label, m.modality,
                    e.source, s.name, e.target, t.name
             FROM event_mentions m
             LEFT JOIN events e ON e.id = m.event
             LEFT JOIN actors s ON s.id = e.source
             LEFT JOIN actors t ON t.id = e.target
             WHERE m.article = ?1 ORDER BY m.start",
            args![rowid],
            |r| {
                Ok(TriggerSpan {
                    start: r.get::<i64>(0)? as usize,
                    end: r.get::<i64>(1)? as usize,
                    event: r.get(2)?,
                    code: r.get(3)?,
                    label: r.get(4)?,
                    modality: r.get(5)?,
                    source: actor_ref(r.get(6)?, r.get(7)?),
                    target: actor_ref(r.get(8)?, r.get(9)?),
                })
            },
        ))?;
        view.claims = self.q(self.db.rows(
            "SELECT c.id, c.start, c.\"end\", c.speaker, s.name, c.speaker_local, c.polarity
             FROM claims c LEFT JOIN actors s ON s.id = c.speaker
             WHERE c.article = ?1 ORDER BY c.start",
            args![rowid],
            |r| {
                Ok(ClaimSpan {
                    id: r.get(0)?,
                    start: r.get::<i64>(1)? as usize,
                    end: r.get::<i64>(2)? as usize,
                    speaker: actor_ref(r.get(3)?, r.get(4)?),
                    speaker_text: r.get(5)?,
                    polarity: r.get(6)?,
                })
            },
        ))?;
        Ok(Some(view))
    }

    /// Every mention of the article's entities, in text order.
    fn entity_spans(&self, rowid: i64) -> Result<Vec<EntitySpan>, StoreError> {
        let per_entity: Vec<Vec<EntitySpan>> = self.q(self.db.rows(
            "SELECT e.name, e.type, e.actor, a.name, e.mentions
             FROM entities e LEFT JOIN actors a ON a.id = e.actor
             WHERE e.article = ?1",
            args![rowid],
            |r| {
                let name: String = r.get(0)?;
                let etype: String = r.get(1)?;
                let actor = actor_ref(r.get(2)?, r.get(3)?);
                // Mentions are stored as `[start, end, text]` triples.
                let mentions: Vec<(usize, usize, String)> =
                    serde_json::from_str(&r.get::<String>(4)?).unwrap_or_default();
                Ok(mentions
                    .into_iter()
                    .map(|(start, end, _)| EntitySpan {
                        start,
                        end,
                        etype: etype.clone(),
                        name: name.clone(),
                        actor: actor.clone(),
                    })
                    .collect())
            },
        ))?;
        let mut spans: Vec<EntitySpan> = per_entity.into_iter().flatten().collect();
        spans.sort_by_key(|s| (s.start, s.end));
        Ok(spans)
    }
}
