//! The actor graph as GEXF 1.2 (dynamic, for Gephi's timeline) and GraphML
//! (networkx, igraph, yEd). Nodes are the actors that take part in the kept
//! relations or in kept events between two actors; edges are those
//! relations (`kind` relation, labelled by predicate) and events (`kind`
//! event, labelled by CAMEO code). Times are days: an edge spans its valid
//! time (else the days it was reported), an event edge its day, a node the
//! days of its edges; GEXF intervals are inclusive.

use std::io::Write;

use dossier_store::rows::GraphNode;
use dossier_store::{RowFilter, Store};

use crate::{date, ExportError};

/// Text for an XML attribute or element.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newline are not XML.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One edge of either kind.
struct Edge {
    id: String,
    source: String,
    target: String,
    kind: &'static str,
    label: String,
    start: Option<i32>,
    end: Option<i32>,
    weight: f64,
    articles: i64,
    confidence: f64,
    modality: String,
}

/// Streams the edges: the kept relations, then the kept events between two
/// actors.
fn for_each_edge(
    store: &Store,
    filter: &RowFilter,
    mut f: impl FnMut(&Edge) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    store.for_each_relation(filter, |r| {
        let start = r.valid_start.or(r.first_seen);
        let end = r.valid_end.map(|e| e - 1).or(r.last_seen);
        f(&Edge {
            id: format!("r{}", r.id),
            source: r.subject.id.clone(),
            target: r.object.id.clone(),
            kind: "relation",
            label: r.predicate.clone(),
            start,
            end: end.max(start),
            weight: r.n_articles as f64,
            articles: r.n_articles,
            confidence: r.confidence,
            modality: "asserted".into(),
        })
    })?;
    store.for_each_event(filter, |e| {
        let (Some(s), Some(t)) = (&e.source, &e.target) else {
            return Ok(());
        };
        f(&Edge {
            id: format!("v{}", e.id),
            source: s.id.clone(),
            target: t.id.clone(),
            kind: "event",
            label: e.code.clone(),
            start: e.day,
            end: e.day,
            weight: e.n_articles as f64,
            articles: e.n_articles,
            confidence: e.confidence,
            modality: e.modality.clone(),
        })
    })
}

fn span_attrs(start: Option<i32>, end: Option<i32>) -> String {
    let mut s = String::new();
    if let Some(d) = start {
        s.push_str(&format!(" start=\"{}\"", date(d)));
    }
    if let Some(d) = end {
        s.push_str(&format!(" end=\"{}\"", date(d)));
    }
    s
}

pub fn gexf(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    )?;
    writeln!(
        w,
        "  <meta><creator>dossier</creator><description>actors, relations and events of a dossier store</description></meta>"
    )?;
    writeln!(
        w,
        r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
    )?;
    writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
    for (id, t) in [
        ("type", "string"),
        ("kb_id", "string"),
        ("country", "string"),
        ("facts", "integer"),
    ] {
        writeln!(w, r#"      <attribute id="{id}" title="{id}" type="{t}"/>"#)?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
    for (id, t) in [
        ("kind", "string"),
        ("articles", "integer"),
        ("confidence", "double"),
        ("modality", "string"),
    ] {
        writeln!(w, r#"      <attribute id="{id}" title="{id}" type="{t}"/>"#)?;
    }
    writeln!(w, "    </attributes>")?;
    let mut n = 0u64;
    writeln!(w, "    <nodes>")?;
    store.for_each_graph_node(filter, |node: &GraphNode| -> Result<(), ExportError> {
        let a = &node.actor;
        writeln!(
            w,
            r#"      <node id="{}" label="{}"{}>"#,
            esc(&a.id),
            esc(&a.name),
            span_attrs(node.first_day, node.last_day)
        )?;
        writeln!(w, "        <attvalues>")?;
        writeln!(
            w,
            r#"          <attvalue for="type" value="{}"/>"#,
            esc(&a.etype)
        )?;
        if let Some(kb) = &a.kb_id {
            writeln!(
                w,
                r#"          <attvalue for="kb_id" value="{}"/>"#,
                esc(kb)
            )?;
        }
        if let Some(c) = &a.country {
            writeln!(
                w,
                r#"          <attvalue for="country" value="{}"/>"#,
                esc(c)
            )?;
        }
        writeln!(
            w,
            r#"          <attvalue for="facts" value="{}"/>"#,
            node.n_facts
        )?;
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </node>")?;
        n += 1;
        Ok(())
    })?;
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    for_each_edge(store, filter, |e| {
        writeln!(
            w,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}"{}>"#,
            e.id,
            esc(&e.source),
            esc(&e.target),
            esc(&e.label),
            e.weight.max(1.0),
            span_attrs(e.start, e.end)
        )?;
        writeln!(
            w,
            r#"        <attvalues><attvalue for="kind" value="{}"/><attvalue for="articles" value="{}"/><attvalue for="confidence" value="{:.3}"/><attvalue for="modality" value="{}"/></attvalues>"#,
            e.kind,
            e.articles,
            e.confidence,
            esc(&e.modality)
        )?;
        writeln!(w, "      </edge>")?;
        n += 1;
        Ok(())
    })?;
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    Ok(n)
}

pub fn graphml(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let keys = [
        ("n_label", "node", "label", "string"),
        ("n_type", "node", "type", "string"),
        ("n_kb_id", "node", "kb_id", "string"),
        ("n_country", "node", "country", "string"),
        ("n_start", "node", "start", "string"),
        ("n_end", "node", "end", "string"),
        ("n_facts", "node", "facts", "int"),
        ("e_kind", "edge", "kind", "string"),
        ("e_label", "edge", "label", "string"),
        ("e_start", "edge", "start", "string"),
        ("e_end", "edge", "end", "string"),
        ("e_weight", "edge", "weight", "double"),
        ("e_articles", "edge", "articles", "int"),
        ("e_confidence", "edge", "confidence", "double"),
        ("e_modality", "edge", "modality", "string"),
    ];
    for (id, on, name, t) in keys {
        writeln!(
            w,
            r#"  <key id="{id}" for="{on}" attr.name="{name}" attr.type="{t}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="dossier" edgedefault="directed">"#)?;
    let mut n = 0u64;
    let data = |w: &mut dyn Write, key: &str, v: &str| -> std::io::Result<()> {
        writeln!(w, r#"      <data key="{key}">{}</data>"#, esc(v))
    };
    store.for_each_graph_node(filter, |node: &GraphNode| -> Result<(), ExportError> {
        let a = &node.actor;
        writeln!(w, r#"    <node id="{}">"#, esc(&a.id))?;
        data(w, "n_label", &a.name)?;
        data(w, "n_type", &a.etype)?;
        if let Some(kb) = &a.kb_id {
            data(w, "n_kb_id", kb)?;
        }
        if let Some(c) = &a.country {
            data(w, "n_country", c)?;
        }
        if let Some(d) = node.first_day {
            data(w, "n_start", &date(d))?;
        }
        if let Some(d) = node.last_day {
            data(w, "n_end", &date(d))?;
        }
        data(w, "n_facts", &node.n_facts.to_string())?;
        writeln!(w, "    </node>")?;
        n += 1;
        Ok(())
    })?;
    for_each_edge(store, filter, |e| {
        writeln!(
            w,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            e.id,
            esc(&e.source),
            esc(&e.target)
        )?;
        data(w, "e_kind", e.kind)?;
        data(w, "e_label", &e.label)?;
        if let Some(d) = e.start {
            data(w, "e_start", &date(d))?;
        }
        if let Some(d) = e.end {
            data(w, "e_end", &date(d))?;
        }
        data(w, "e_weight", &e.weight.to_string())?;
        data(w, "e_articles", &e.articles.to_string())?;
        data(w, "e_confidence", &format!("{:.3}", e.confidence))?;
        data(w, "e_modality", &e.modality)?;
        writeln!(w, "    </edge>")?;
        n += 1;
        Ok(())
    })?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    Ok(n)
}
