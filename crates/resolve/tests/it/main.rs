//! Integration tests of dossier-resolve: one binary (see STYLE.md).
//!
//! Fixtures mark gold name mentions inline, `[Imran Khan]{PER}`, as the NER
//! would give them; the resolver's output is rendered one line per entity.

mod articles;
mod check;
mod people;
mod props;
mod seed;

use std::sync::{Arc, OnceLock};

use dossier_kb::Kb;
use dossier_resolve::Resolver;
use dossier_text::{
    tokenize, Component, DocMeta, Document, EntityType, Mention, MentionKind, TextRange,
};

/// The small KB of `test_data/test_kb.toml`.
pub(crate) fn test_kb() -> Arc<Kb> {
    static KB: OnceLock<Arc<Kb>> = OnceLock::new();
    KB.get_or_init(|| {
        let mut kb = Kb::empty();
        kb.add_toml("test_kb.toml", include_str!("../../test_data/test_kb.toml"))
            .expect("test KB parses");
        Arc::new(kb)
    })
    .clone()
}

/// The shipped KB.
pub(crate) fn shipped_kb() -> Arc<Kb> {
    static KB: OnceLock<Arc<Kb>> = OnceLock::new();
    KB.get_or_init(|| Arc::new(Kb::embedded().expect("shipped KB parses")))
        .clone()
}

/// Parses `[text]{TYPE}` marks into the plain text and gold mentions.
pub(crate) fn parse_fixture(marked: &str) -> (String, Vec<(TextRange, EntityType)>) {
    let mut text = String::with_capacity(marked.len());
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("]{").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find('}').map(|e| close + e) else {
            break;
        };
        text.push_str(&rest[..open]);
        let start = text.len();
        text.push_str(&rest[open + 1..close]);
        let etype = EntityType::parse(&rest[close + 2..end])
            .unwrap_or_else(|| panic!("bad type in fixture: {}", &rest[close + 2..end]));
        gold.push((TextRange::from_usize(start, text.len()), etype));
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    (text, gold)
}

/// Segments `text`, adds the gold mentions and runs the resolver.
pub(crate) fn resolve(kb: Arc<Kb>, text: &str, gold: &[(TextRange, EntityType)]) -> Document {
    let mut doc = Document::new(text.to_string(), DocMeta::default());
    tokenize::segment(&mut doc);
    for &(range, etype) in gold {
        doc.mentions.push(Mention {
            range,
            etype,
            kind: MentionKind::Name,
            confidence: 1.0,
            entity: None,
        });
    }
    Resolver::new(kb).process(&mut doc);
    doc
}

fn kind(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Acronym => "acronym",
        MentionKind::Nominal => "nominal",
        MentionKind::Pronoun => "pronoun",
    }
}

/// One line per entity: id, type, name, KB id, titles, aliases, geo, and
/// the mentions as `text@offset kind`.
pub(crate) fn render(doc: &Document) -> String {
    let mut out = String::new();
    for (i, e) in doc.entities.iter().enumerate() {
        out.push_str(&format!(
            "E{i} {} {:?} kb={}",
            e.etype.as_str(),
            e.name,
            e.kb_id.as_deref().unwrap_or("-")
        ));
        if !e.titles.is_empty() {
            out.push_str(&format!(" titles=[{}]", e.titles.join(", ")));
        }
        if !e.aliases.is_empty() {
            out.push_str(&format!(" aliases=[{}]", e.aliases.join(", ")));
        }
        if let Some(g) = &e.geo {
            out.push_str(&format!(
                " geo={} ({:.2}, {:.2}) {}",
                g.country.as_deref().unwrap_or("-"),
                g.lat,
                g.lon,
                g.level
            ));
            if let Some(host) = &g.within {
                out.push_str(&format!(" within {host:?}"));
            }
        }
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|&m| {
                let m = &doc.mentions[m.index()];
                format!(
                    "{}@{} {}",
                    doc.slice(m.range),
                    m.range.start(),
                    kind(m.kind)
                )
            })
            .collect();
        out.push_str(&format!(" mentions=[{}]\n", ms.join(", ")));
    }
    out
}
