//! dossier's public output schema, v1: one JSON object per document, and the
//! value types (entity types, modality, ...) that the engine's layers share
//! with it.
//!
//! This crate holds plain serde types only, so that the store, the server and
//! outside programs can read dossier's JSON without linking its models.
//! Offsets in the output are **character** (Unicode code point) offsets into
//! `text`; the engine works in byte offsets and converts once, when it builds
//! an [`OutputDocument`] (`dossier_pipeline::output_document`). The schema is
//! documented in `docs/output.md` and `docs/output.schema.json`.
//!
//! ```
//! let line = r#"{"schema":"dossier.v1","id":"a1","date":"2024-03-06","title":null,
//!   "url":null,"source":null,"language":null,"text":"TTP claimed it.",
//!   "sentences":[{"start":0,"end":15}],"entities":[],"times":[],"relations":[],
//!   "events":[],"claims":[],"diagnostics":[]}"#;
//! let doc: dossier_schema::OutputDocument = serde_json::from_str(line).unwrap();
//! assert_eq!(doc.sentences[0].end, 15);
//! ```

use serde::{Deserialize, Serialize};

/// The schema version written into every document.
pub const SCHEMA_VERSION: &str = "dossier.v1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputDocument {
    pub schema: String,
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub sentences: Vec<Span>,
    pub entities: Vec<OutputEntity>,
    pub times: Vec<OutputTime>,
    pub relations: Vec<OutputRelation>,
    pub events: Vec<OutputEvent>,
    pub claims: Vec<OutputClaim>,
    pub diagnostics: Vec<OutputDiagnostic>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpanText {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub kb_id: Option<String>,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub geo: Option<Geo>,
    pub mentions: Vec<OutputMention>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputTime {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub ttype: TimexType,
    pub value: Option<String>,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputRelation {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub sentence: usize,
    pub evidence: SpanText,
    pub time: Option<String>,
    pub confidence: f32,
    pub attributed_to: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputEvent {
    pub id: String,
    pub code: String,
    pub root: String,
    pub label: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub time: Option<String>,
    pub place: Option<String>,
    pub sentence: usize,
    pub trigger: SpanText,
    pub modality: Modality,
    pub attributed_to: Option<String>,
    pub goldstein: f32,
    pub confidence: f32,
    /// The source when the text does not name it (then `source` is
    /// `None`): an unnamed actor such as "police" or "guerrillas".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_actor: Option<OutputGenericActor>,
    /// The target when the text does not name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_actor: Option<OutputGenericActor>,
}

/// An actor the text does not name ("police", "soldiers", "protesters"),
/// kept apart from the named entities: a type after CAMEO's agent codes
/// (COP police, MIL military, REB rebels, OPP protesters and opposition, CVL
/// civilians, GOV government, JUD judiciary, MED media, ...; the list is
/// `crates/extract/data/actor_types.tsv`) and the country the text gives it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputGenericActor {
    /// The actor type ("COP").
    pub kind: String,
    /// The country's entity id, when the text gives one.
    pub country: Option<String>,
    /// The type with the country's name, as ACLED and the real-news set
    /// write it: "COP(Peru)", or "COP" without a country.
    pub label: String,
    /// The phrase that names it ("riot police").
    pub text: SpanText,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputClaim {
    pub id: String,
    pub speaker: Option<String>,
    pub medium: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub evidence: Span,
    pub direct: bool,
    pub polarity: Polarity,
    pub about: Vec<String>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputDiagnostic {
    pub stage: String,
    pub severity: Severity,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub message: String,
}

/// Entity types of the output schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Norp,
    Work,
    Event,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Fac,
        EntityType::Norp,
        EntityType::Work,
        EntityType::Event,
        EntityType::Misc,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Work => "WORK",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }
    /// Parses schema names and the CoNLL / OntoNotes names that map to them.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" | "PER" => EntityType::Person,
            "ORG" | "ORGANIZATION" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" | "LOCATION" => EntityType::Loc,
            "FAC" => EntityType::Fac,
            "NORP" => EntityType::Norp,
            "WORK" | "WORK_OF_ART" => EntityType::Work,
            "EVENT" => EntityType::Event,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
    /// Whether the type names a place that can be geocoded.
    pub fn is_place(self) -> bool {
        matches!(self, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Name,
    Acronym,
    Nominal,
    Pronoun,
}

/// Where a place is on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub geonames_id: Option<u64>,
    /// country / admin1 / admin2 (a county) / city / region / facility
    pub level: String,
    /// Set for a place the knowledge base does not know (a village, a
    /// street, a hospital): the name of the place whose point stands in for
    /// it, the one the article names nearest to it, as ACLED codes an event
    /// at a nearby town when its village cannot be found (geo-precision 2).
    /// `level`, `country` and `geonames_id` are then that place's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// Whose word an assertion is, and how it is put.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Claimed,
    Denied,
    Negated,
    Future,
    Hypothetical,
}

/// Asserted or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Asserted,
    Denied,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Modality {
    /// The name the JSON output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Claimed => "claimed",
            Modality::Denied => "denied",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

impl Polarity {
    /// The name the JSON output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Denied => "denied",
        }
    }
}

impl MentionKind {
    /// The name the JSON output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Acronym => "acronym",
            MentionKind::Nominal => "nominal",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

impl Severity {
    /// The name the JSON output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// GDELT's quad class of a two-digit CAMEO root: 1 verbal cooperation
/// (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
/// 4 material conflict (15-20). The one mapping the event table, the
/// exports and the query filters share.
pub fn quad_class(root: &str) -> Option<u8> {
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}
