//! A readable summary of a processed document, for a terminal.

use std::fmt::Write;

use dossier_text::{Document, EntityId, EntityType, SentenceIdx};

/// Renders entities by type, then times, relations, events and claims with
/// their sentences.
pub fn render_text(doc: &Document) -> String {
    let mut out = String::new();
    let name = |id: EntityId| {
        doc.entities
            .get(id.index())
            .map(|e| e.name.as_str())
            .unwrap_or("?")
    };
    let sentence = |s: SentenceIdx| {
        doc.sentences
            .get(s.index())
            .map(|s| doc.slice(s.range).trim())
            .unwrap_or("")
    };
    let _ = writeln!(
        out,
        "# {}{}",
        doc.meta.id,
        doc.meta.date.map(|d| format!(" ({d})")).unwrap_or_default()
    );
    if let Some(t) = &doc.meta.title {
        let _ = writeln!(out, "{t}");
    }
    let _ = writeln!(
        out,
        "{} sentences, {} tokens",
        doc.sentences.len(),
        doc.tokens.len()
    );

    if !doc.entities.is_empty() {
        let _ = writeln!(out, "\nentities");
        for ty in EntityType::ALL {
            let of_type: Vec<_> = doc.entities.iter().filter(|e| e.etype == ty).collect();
            if of_type.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", ty.as_str());
            for e in of_type {
                let mut line = format!("    {}", e.name);
                if !e.aliases.is_empty() {
                    let _ = write!(line, " = {}", e.aliases.join(" = "));
                }
                if let Some(kb) = &e.kb_id {
                    let _ = write!(line, " [{kb}]");
                }
                if let Some(g) = &e.geo {
                    let _ = write!(
                        line,
                        " @ {:.2}, {:.2} {}",
                        g.lat,
                        g.lon,
                        g.country.as_deref().unwrap_or("")
                    );
                    if let Some(host) = &g.within {
                        let _ = write!(line, " (within {host})");
                    }
                }
                let _ = write!(line, " ({}x)", e.mentions.len());
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if !doc.times.is_empty() {
        let _ = writeln!(out, "\ntimes");
        for t in &doc.times {
            let _ = writeln!(
                out,
                "  {:<24} {:<8} {}",
                format!("'{}'", doc.slice(t.range)),
                t.ttype.as_str(),
                t.value.as_deref().unwrap_or("-")
            );
        }
    }
    if !doc.relations.is_empty() {
        let _ = writeln!(out, "\nrelations");
        for r in &doc.relations {
            let by = r
                .attributed_to
                .map(|a| format!(" (says {})", name(a)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {}{by}",
                name(r.subject),
                r.predicate,
                name(r.object)
            );
            let _ = writeln!(out, "      \"{}\"", doc.slice(r.evidence));
        }
    }
    if !doc.events.is_empty() {
        let _ = writeln!(out, "\nevents");
        // Consecutive events of one sentence are listed together, with the
        // sentence printed once, after the last of them.
        for (i, e) in doc.events.iter().enumerate() {
            // An unnamed actor shows as its type and country ("COP(Peru)").
            let actor = |id: Option<EntityId>, g: &Option<dossier_text::GenericActor>| match g {
                Some(g) => g.label(doc),
                None => id.map(name).unwrap_or("-").to_string(),
            };
            let src = actor(e.source, &e.source_actor);
            let tgt = actor(e.target, &e.target_actor);
            let _ = writeln!(
                out,
                "  {} {} {src} -> {tgt} [{}]{}{}{}",
                e.code,
                e.label,
                e.modality.as_str(),
                e.place
                    .map(|p| format!(" in {}", name(p)))
                    .unwrap_or_default(),
                e.time
                    .as_ref()
                    .map(|t| format!(" at {t}"))
                    .unwrap_or_default(),
                e.attributed_to
                    .map(|a| format!(" (says {})", name(a)))
                    .unwrap_or_default()
            );
            let shared = doc
                .events
                .get(i + 1)
                .is_some_and(|n| n.sentence == e.sentence);
            if !shared {
                let _ = writeln!(out, "      \"{}\"", sentence(e.sentence));
            }
        }
    }
    if !doc.claims.is_empty() {
        let _ = writeln!(out, "\nclaims");
        for c in &doc.claims {
            let speaker = c.speaker.map(name).unwrap_or("?");
            let medium = c
                .medium
                .map(|m| format!(" in {}", name(m)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {speaker}{medium}: \"{}\"", doc.slice(c.range));
        }
    }
    if !doc.diagnostics.is_empty() {
        let _ = writeln!(out, "\ndiagnostics");
        for d in &doc.diagnostics {
            let _ = writeln!(out, "  {:?} {}: {}", d.severity, d.stage, d.message);
        }
    }
    out
}
