//! One line per relation, event and claim: the test and debugging view.

use std::fmt::Write;

use dossier_text::{Document, EntityId, Polarity};

fn name(doc: &Document, id: Option<EntityId>) -> &str {
    id.and_then(|id| doc.entities.get(id.index()))
        .map_or("-", |e| e.name.as_str())
}

/// `ISKP affiliate_of Islamic State [by X] [@2014]`.
pub fn relations(doc: &Document) -> String {
    let mut out = String::new();
    for r in &doc.relations {
        let _ = write!(
            out,
            "{} {} {}",
            name(doc, Some(r.subject)),
            r.predicate,
            name(doc, Some(r.object))
        );
        if r.attributed_to.is_some() {
            let _ = write!(out, " by {}", name(doc, r.attributed_to));
        }
        if let Some(t) = &r.time {
            let _ = write!(out, " @{t}");
        }
        out.push('\n');
    }
    out
}

/// `130 ISKP -> Pakistan asserted 'threatened' [by X] [in P] [@time]`.
pub fn events(doc: &Document) -> String {
    let mut out = String::new();
    for e in &doc.events {
        let _ = write!(
            out,
            "{} {} -> {} {} '{}'",
            e.code,
            e.source_actor
                .as_ref()
                .map_or_else(|| name(doc, e.source).to_string(), |g| g.label(doc)),
            e.target_actor
                .as_ref()
                .map_or_else(|| name(doc, e.target).to_string(), |g| g.label(doc)),
            e.modality.as_str(),
            doc.slice(e.trigger)
        );
        if e.attributed_to.is_some() {
            let _ = write!(out, " by {}", name(doc, e.attributed_to));
        }
        if e.place.is_some() {
            let _ = write!(out, " in {}", name(doc, e.place));
        }
        if let Some(t) = &e.time {
            let _ = write!(out, " @{t}");
        }
        out.push('\n');
    }
    out
}

/// `ISKP: 'content' [direct] [denied] [via M]`.
pub fn claims(doc: &Document) -> String {
    let mut out = String::new();
    for c in &doc.claims {
        let _ = write!(out, "{}: '{}'", name(doc, c.speaker), doc.slice(c.range));
        if c.direct {
            out.push_str(" direct");
        }
        if c.polarity == Polarity::Denied {
            out.push_str(" denied");
        }
        if c.medium.is_some() {
            let _ = write!(out, " via {}", name(doc, c.medium));
        }
        out.push('\n');
    }
    out
}

/// All three layers, headed.
pub fn all(doc: &Document) -> String {
    format!(
        "relations:\n{}events:\n{}claims:\n{}",
        relations(doc),
        events(doc),
        claims(doc)
    )
}
