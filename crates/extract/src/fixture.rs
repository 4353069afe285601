//! Documents from fixtures with inline gold markup, for tests and for the
//! development set when it runs without the upstream stages.
//!
//! `[ISKP]{ORG#1} threatened [Pakistan]{GPE#2}; [it]{ORG#1} warned ...`:
//! a bracketed span and its type make a mention; the same `#n` means the same
//! entity (so pronouns and nominals carry their coreference), and a span
//! without `#n` is an entity of its own. `[January 2015]{DATE=2015-01}` makes
//! a time expression with that TIMEX3 value.

use dossier_text::{
    tokenize, DocMeta, Document, Entity, EntityId, EntityType, Mention, MentionKind, TextRange,
    TimeExpr, TimexType,
};

use crate::ExtractError;

/// One marked span of a fixture.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub range: TextRange,
    pub label: String,
    /// Entity group (`#n`), if any.
    pub group: Option<u32>,
}

/// A fixture: the plain text (markup removed) and its marked spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Fixture {
    pub text: String,
    pub spans: Vec<Span>,
}

/// Strips the markup of `marked`, keeping the spans.
pub fn parse(marked: &str) -> Result<Fixture, ExtractError> {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find("]{") else {
            // A bracket that is not markup stays in the text.
            text.push('[');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        let label_part = &after[close + 2..];
        let end = label_part
            .find('}')
            .ok_or_else(|| ExtractError::Fixture(format!("unclosed label after [{inner}]")))?;
        let label = &label_part[..end];
        let start = text.len();
        text.push_str(inner);
        let (label, group) = match label.split_once('#') {
            Some((l, g)) => (
                l,
                Some(g.parse::<u32>().map_err(|_| {
                    ExtractError::Fixture(format!("bad entity number in {{{label}}}"))
                })?),
            ),
            None => (label, None),
        };
        spans.push(Span {
            range: TextRange::from_usize(start, text.len()),
            label: label.to_string(),
            group,
        });
        rest = &label_part[end + 1..];
    }
    text.push_str(rest);
    Ok(Fixture { text, spans })
}

/// How a marked span refers, judged from its words.
fn mention_kind(text: &str) -> MentionKind {
    const PRONOUNS: &[&str] = &[
        "it", "its", "he", "his", "him", "she", "her", "they", "their", "them", "we", "our", "i",
    ];
    let lower = text.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        MentionKind::Pronoun
    } else if text.starts_with(|c: char| c.is_lowercase()) {
        MentionKind::Nominal
    } else if text.len() <= 6 && text.chars().all(|c| c.is_uppercase() || c == '-') {
        MentionKind::Acronym
    } else {
        MentionKind::Name
    }
}

/// A segmented document with the fixture's mentions, entities and times.
pub fn document(marked: &str) -> Result<Document, ExtractError> {
    document_with_meta(marked, DocMeta::default())
}

pub fn document_with_meta(marked: &str, meta: DocMeta) -> Result<Document, ExtractError> {
    let fx = parse(marked)?;
    let mut doc = Document::new(fx.text.clone(), meta);
    tokenize::segment(&mut doc);
    let mut groups: Vec<(Option<u32>, usize)> = Vec::new();
    for span in &fx.spans {
        if let Some(value) = span.label.strip_prefix("DATE=") {
            doc.times.push(TimeExpr {
                range: span.range,
                ttype: TimexType::Date,
                value: Some(value.to_string()),
                modifier: None,
                confidence: 1.0,
            });
            continue;
        }
        let etype = EntityType::parse(&span.label)
            .ok_or_else(|| ExtractError::Fixture(format!("unknown type {}", span.label)))?;
        let surface = &fx.text[span.range.as_range()];
        let kind = mention_kind(surface);
        let id = match groups.iter().find(|(g, _)| g.is_some() && *g == span.group) {
            Some(&(_, id)) => id,
            None => {
                doc.entities.push(Entity {
                    name: String::new(),
                    etype,
                    kb_id: None,
                    aliases: Vec::new(),
                    geo: None,
                    mentions: Vec::new(),
                    titles: Vec::new(),
                    confidence: 1.0,
                });
                groups.push((span.group, doc.entities.len() - 1));
                doc.entities.len() - 1
            }
        };
        let m = dossier_text::MentionIdx::new(doc.mentions.len());
        doc.mentions.push(Mention {
            range: span.range,
            etype,
            kind,
            confidence: 1.0,
            entity: Some(EntityId::new(id)),
        });
        let entity = &mut doc.entities[id];
        entity.mentions.push(m);
        if matches!(kind, MentionKind::Name | MentionKind::Acronym) {
            if surface.len() > entity.name.len() {
                entity.name = surface.to_string();
            }
            if !entity.aliases.iter().any(|a| a == surface) {
                entity.aliases.push(surface.to_string());
            }
        }
    }
    // Entities known only by a pronoun or a nominal keep that as a name.
    for i in 0..doc.entities.len() {
        if doc.entities[i].name.is_empty() {
            if let Some(m) = doc.entities[i].mentions.first() {
                let name = doc.slice(doc.mentions[m.index()].range).to_string();
                doc.entities[i].name = name;
            }
        }
    }
    doc.mentions
        .sort_by_key(|m| (m.range.start(), std::cmp::Reverse(m.range.end())));
    for e in &mut doc.entities {
        e.mentions.clear();
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(id) = m.entity {
            doc.entities[id.index()]
                .mentions
                .push(dossier_text::MentionIdx::new(i));
        }
    }
    Ok(doc)
}
