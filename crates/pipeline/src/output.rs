//! From a processed [`Document`] to the public output schema
//! ([`dossier_schema::OutputDocument`]).
//!
//! Offsets in the output are **character** (Unicode code point) offsets into
//! `text`, computed here, once, from the engine's byte offsets.

use dossier_schema::{
    OutputClaim, OutputDiagnostic, OutputDocument, OutputEntity, OutputEvent, OutputGenericActor,
    OutputMention, OutputRelation, OutputTime, Span, SpanText, SCHEMA_VERSION,
};
use dossier_text::{Document, EntityId, TextRange};

/// Maps byte offsets to character offsets in one pass over the text.
///
/// Built once per document: every byte offset on a char boundary gets its
/// code-point index, so conversion is a table lookup.
pub struct CharOffsets {
    byte_to_char: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut byte_to_char = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, c) in text.char_indices() {
            for slot in &mut byte_to_char[b..b + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        byte_to_char[text.len()] = n;
        CharOffsets { byte_to_char }
    }

    #[inline]
    pub fn char_at(&self, byte: u32) -> usize {
        self.byte_to_char[byte as usize] as usize
    }

    #[inline]
    pub fn span(&self, range: TextRange) -> Span {
        Span {
            start: self.char_at(range.start()),
            end: self.char_at(range.end()),
        }
    }
}

fn entity_ref(id: EntityId) -> String {
    format!("E{}", id.0)
}

/// Builds the output object of a processed document.
pub fn output_document(doc: &Document) -> OutputDocument {
    let offsets = CharOffsets::new(doc.text());
    let span_text = |r: TextRange| {
        let s = offsets.span(r);
        SpanText {
            start: s.start,
            end: s.end,
            text: doc.slice(r).to_string(),
        }
    };
    let generic = |a: &dossier_text::GenericActor| OutputGenericActor {
        kind: a.kind.clone(),
        country: a.country.map(entity_ref),
        label: a.label(doc),
        text: span_text(a.range),
    };
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| OutputEntity {
            id: entity_ref(EntityId::new(i)),
            name: e.name.clone(),
            etype: e.etype,
            kb_id: e.kb_id.clone(),
            aliases: e.aliases.clone(),
            titles: e.titles.clone(),
            geo: e.geo.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|&m| {
                    let m = &doc.mentions[m.index()];
                    let s = offsets.span(m.range);
                    OutputMention {
                        start: s.start,
                        end: s.end,
                        text: doc.slice(m.range).to_string(),
                        kind: m.kind,
                    }
                })
                .collect(),
            confidence: e.confidence,
        })
        .collect();
    OutputDocument {
        schema: SCHEMA_VERSION.to_string(),
        id: doc.meta.id.clone(),
        date: doc.meta.date.map(|d| d.to_string()),
        title: doc.meta.title.clone(),
        url: doc.meta.url.clone(),
        source: doc.meta.source.clone(),
        language: doc.meta.language.clone(),
        text: doc.text().to_string(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| offsets.span(s.range))
            .collect(),
        entities,
        times: doc
            .times
            .iter()
            .map(|t| {
                let s = span_text(t.range);
                OutputTime {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    ttype: t.ttype,
                    value: t.value.clone(),
                    modifier: t.modifier.clone(),
                    confidence: t.confidence,
                }
            })
            .collect(),
        relations: doc
            .relations
            .iter()
            .map(|r| OutputRelation {
                subject: entity_ref(r.subject),
                predicate: r.predicate.clone(),
                object: entity_ref(r.object),
                sentence: r.sentence.index(),
                evidence: span_text(r.evidence),
                time: r.time.clone(),
                confidence: r.confidence,
                attributed_to: r.attributed_to.map(entity_ref),
            })
            .collect(),
        events: doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| OutputEvent {
                id: format!("V{i}"),
                code: e.code.clone(),
                root: e.root.clone(),
                label: e.label.clone(),
                source: e.source.map(entity_ref),
                target: e.target.map(entity_ref),
                time: e.time.clone(),
                place: e.place.map(entity_ref),
                sentence: e.sentence.index(),
                trigger: span_text(e.trigger),
                modality: e.modality,
                attributed_to: e.attributed_to.map(entity_ref),
                goldstein: e.goldstein,
                confidence: e.confidence,
                source_actor: e.source_actor.as_ref().map(generic),
                target_actor: e.target_actor.as_ref().map(generic),
            })
            .collect(),
        claims: doc
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let s = offsets.span(c.range);
                OutputClaim {
                    id: format!("C{i}"),
                    speaker: c.speaker.map(entity_ref),
                    medium: c.medium.map(entity_ref),
                    text: doc.slice(c.range).to_string(),
                    start: s.start,
                    end: s.end,
                    sentence: c.sentence.index(),
                    evidence: offsets.span(c.evidence),
                    direct: c.direct,
                    polarity: c.polarity,
                    about: c.about.iter().copied().map(entity_ref).collect(),
                    confidence: c.confidence,
                }
            })
            .collect(),
        diagnostics: doc
            .diagnostics
            .iter()
            .map(|d| OutputDiagnostic {
                stage: d.stage.clone(),
                severity: d.severity,
                start: d.range.map(|r| offsets.char_at(r.start())),
                end: d.range.map(|r| offsets.char_at(r.end())),
                message: d.message.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Khan’s trip — to Moscow";
        let off = CharOffsets::new(text);
        let m = text.find("Moscow").unwrap();
        assert_eq!(off.char_at(m as u32), text[..m].chars().count());
        assert_eq!(off.char_at(text.len() as u32), text.chars().count());
    }
}
