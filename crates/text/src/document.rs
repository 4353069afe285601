//! The document and its annotation layers.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{EntityId, MentionIdx, SentenceIdx, TextRange, TokenIdx};

// The value types that the output schema shares with the layers live in the
// serde-only schema crate, so that readers of dossier's JSON need not link
// the engine; they are re-exported here for the stages.
pub use dossier_schema::{EntityType, Geo, MentionKind, Modality, Polarity, Severity, TimexType};

/// Metadata of an article. `date` is the publication date: the anchor for
/// relative time expressions ("on Monday", "last year").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
}

/// One article: its immutable text and the layers that stages add to it.
///
/// The text is set once, by ingest, and never changes: every layer points
/// into it with byte [`TextRange`]s.
#[derive(Clone, Debug, Default)]
pub struct Document {
    text: String,
    /// The text as the models read it when it differs from `text` only in
    /// ASCII case: an all-caps article truecased by the segmenter.
    cased: Option<String>,
    pub meta: DocMeta,
    pub tokens: Tokens,
    pub sentences: Vec<Sentence>,
    /// Part of speech, lemma and dependencies, aligned with `tokens`; empty
    /// until the syntax stage runs.
    pub syntax: Syntax,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub relations: Vec<Relation>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn new(text: String, meta: DocMeta) -> Document {
        Document {
            text,
            meta,
            ..Document::default()
        }
    }

    /// The article text, exactly as ingested.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text a range covers.
    #[inline]
    pub fn slice(&self, range: TextRange) -> &str {
        &self.text[range.as_range()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: TokenIdx) -> &str {
        self.slice(self.tokens.range(i))
    }

    /// The text as the models read it: the article text, or its truecased
    /// form when it was written in capitals (see [`crate::truecase`]). It has
    /// the same length as [`Document::text`] and differs only in the case of
    /// ASCII letters, so every range points into both.
    #[inline]
    pub fn cased_text(&self) -> &str {
        self.cased.as_deref().unwrap_or(&self.text)
    }

    /// Whether [`Document::cased_text`] differs from the text.
    pub fn is_truecased(&self) -> bool {
        self.cased.is_some()
    }

    /// The cased text a range covers.
    #[inline]
    pub fn cased_slice(&self, range: TextRange) -> &str {
        &self.cased_text()[range.as_range()]
    }

    /// The cased text of token `i`.
    #[inline]
    pub fn cased_token_text(&self, i: TokenIdx) -> &str {
        self.cased_slice(self.tokens.range(i))
    }

    /// Sets the cased text. It is dropped (and the text used) unless it
    /// differs from the text only in the case of ASCII letters.
    pub fn set_cased_text(&mut self, cased: String) {
        let same_bytes = cased.len() == self.text.len() && cased.eq_ignore_ascii_case(&self.text);
        self.cased = (same_bytes && cased != self.text).then_some(cased);
    }

    /// Adds a diagnostic about the content of the document.
    pub fn diagnose(
        &mut self,
        stage: &'static str,
        severity: Severity,
        range: Option<TextRange>,
        message: impl Into<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            stage: stage.to_string(),
            severity,
            range,
            message: message.into(),
        });
    }

    /// The sentence that contains byte offset `at`, if any.
    pub fn sentence_at(&self, at: u32) -> Option<SentenceIdx> {
        let i = self.sentences.partition_point(|s| s.range.end() <= at);
        (i < self.sentences.len() && self.sentences[i].range.start() <= at)
            .then(|| SentenceIdx::new(i))
    }

    /// Tokens whose ranges overlap `range`, as an index range.
    pub fn tokens_in(&self, range: TextRange) -> std::ops::Range<usize> {
        let lo = self.tokens.end.partition_point(|&e| e <= range.start());
        let hi = self.tokens.start.partition_point(|&s| s < range.end());
        lo..hi.max(lo)
    }
}

/// What a token is, as decided by the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    Handle,
    Hashtag,
}

/// The token layer, struct-of-arrays: `start[i]..end[i]` is token `i`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub start: Vec<u32>,
    pub end: Vec<u32>,
    pub kind: Vec<TokenKind>,
}

impl Tokens {
    #[inline]
    pub fn len(&self) -> usize {
        self.start.len()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }
    #[inline]
    pub fn range(&self, i: TokenIdx) -> TextRange {
        TextRange::new(self.start[i.index()], self.end[i.index()])
    }
    pub fn push(&mut self, range: TextRange, kind: TokenKind) {
        self.start.push(range.start());
        self.end.push(range.end());
        self.kind.push(kind);
    }
    pub fn clear(&mut self) {
        self.start.clear();
        self.end.clear();
        self.kind.clear();
    }
}

/// A sentence: its byte range and its tokens `first..last` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub range: TextRange,
    pub first: TokenIdx,
    pub last: TokenIdx,
}

impl Sentence {
    pub fn token_indices(&self) -> std::ops::Range<usize> {
        self.first.index()..self.last.index()
    }
}

/// Universal Dependencies part-of-speech tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// The syntax layer, aligned with [`Tokens`]: all vectors are empty, or
/// all have one entry per token. `head[i] == None` marks a sentence root.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Syntax {
    pub upos: Vec<Upos>,
    /// Closed label sets (the model's tags and relations) are shared
    /// strings: one allocation per label, not one per token.
    pub xpos: Vec<Arc<str>>,
    pub lemma: Vec<String>,
    pub head: Vec<Option<TokenIdx>>,
    pub deprel: Vec<Arc<str>>,
}

impl Syntax {
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// The head of token `i`; `None` for a sentence root or without a parse.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.head.get(i).copied().flatten().map(|h| h.index())
    }

    /// The UD relation of token `i` to its head (`"nsubj:pass"`), or `""`.
    pub fn deprel_of(&self, i: usize) -> &str {
        self.deprel.get(i).map_or("", |r| r)
    }

    /// The lemma of token `i`, or `""` without a parse.
    pub fn lemma_of(&self, i: usize) -> &str {
        self.lemma.get(i).map_or("", String::as_str)
    }

    /// The UPOS tag of token `i`.
    pub fn upos_of(&self, i: usize) -> Option<Upos> {
        self.upos.get(i).copied()
    }
}

/// A span of text that names or refers to an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub range: TextRange,
    pub etype: EntityType,
    pub kind: MentionKind,
    pub confidence: f32,
    /// The entity it was resolved to, set by the resolve stage.
    pub entity: Option<EntityId>,
}

/// One real-world thing the document talks about: all its mentions merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name, from the knowledge base or the longest name mention.
    pub name: String,
    pub etype: EntityType,
    pub kb_id: Option<String>,
    pub aliases: Vec<String>,
    pub geo: Option<Geo>,
    pub mentions: Vec<MentionIdx>,
    /// Titles and roles found with the name ("General", "Mufti").
    pub titles: Vec<String>,
    pub confidence: f32,
}

/// A time expression and its TIMEX3 normalisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub range: TextRange,
    pub ttype: TimexType,
    /// TIMEX3 value (`2015-01`, `P75Y`, `PAST_REF`), or `None` where the text
    /// does not anchor it (a diagnostic then says why).
    pub value: Option<String>,
    /// TIMEX3 mod (`START`, `END`, `APPROX`, ...).
    pub modifier: Option<String>,
    pub confidence: f32,
}

/// A typed tie between two entities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub subject: EntityId,
    pub predicate: String,
    pub object: EntityId,
    pub sentence: SentenceIdx,
    pub evidence: TextRange,
    pub confidence: f32,
    pub attributed_to: Option<EntityId>,
    /// TIMEX3 value when the text dates the relation ("since 2014").
    pub time: Option<String>,
}

/// A CAMEO-coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Three- or four-digit CAMEO code, as a string ("138").
    pub code: String,
    /// Two-digit root ("13").
    pub root: String,
    pub label: String,
    pub source: Option<EntityId>,
    pub target: Option<EntityId>,
    pub time: Option<String>,
    pub place: Option<EntityId>,
    pub sentence: SentenceIdx,
    pub trigger: TextRange,
    pub modality: Modality,
    pub attributed_to: Option<EntityId>,
    pub goldstein: f32,
    pub confidence: f32,
    /// The source when the text does not name it ("police", "guerrillas"):
    /// then `source` is `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_actor: Option<GenericActor>,
    /// The target when the text does not name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_actor: Option<GenericActor>,
}

/// An actor the text does not name ("police", "soldiers", "protesters"): a
/// type of actor after CAMEO's agent codes (`COP`, `MIL`, `REB`, `OPP`,
/// `CVL`, ...; the extractor's `data/actor_types.tsv`), qualified by the
/// country the text gives it. Kept apart from the named entities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericActor {
    /// The actor type ("COP").
    pub kind: String,
    /// The country: a GPE (or, failing one, a NORP) entity of the document.
    pub country: Option<EntityId>,
    /// The phrase that names the actor ("riot police").
    pub range: TextRange,
}

impl GenericActor {
    /// The type with the country's name, as ACLED and the real-news set
    /// write it: "COP(Peru)", or "COP" without a country.
    pub fn label(&self, doc: &Document) -> String {
        match self.country.and_then(|c| doc.entities.get(c.index())) {
            Some(e) => format!("{}({})", self.kind, e.name),
            None => self.kind.clone(),
        }
    }
}

/// Something a speaker says, in their words or reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub speaker: Option<EntityId>,
    /// The channel, when the text names one: an entity (a magazine, an agency).
    pub medium: Option<EntityId>,
    /// The content of the claim.
    pub range: TextRange,
    /// The whole supporting span: the content with its reporting clause.
    pub evidence: TextRange,
    pub sentence: SentenceIdx,
    pub direct: bool,
    pub polarity: Polarity,
    pub about: Vec<EntityId>,
    pub confidence: f32,
}

/// A problem with the content of a document: never an error, never a panic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The stage that raised it ("ingest", "time.v1").
    pub stage: String,
    pub severity: Severity,
    pub range: Option<TextRange>,
    pub message: String,
}
