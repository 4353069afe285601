//! A stage that panics on one document becomes an error diagnostic on that
//! document; the later stages skip it, and the rest of the batch goes on.

use dossier_pipeline::Pipeline;
use dossier_text::{Component, DocMeta, Document, Severity};

/// Panics on any document that contains "BOOM".
struct Fragile;

impl Component for Fragile {
    fn name(&self) -> &'static str {
        "fragile.v1"
    }
    fn process(&self, doc: &mut Document) {
        if doc.text().contains("BOOM") {
            panic!("cannot handle this text");
        }
    }
}

/// Leaves a mark on every document it sees.
struct Marker;

impl Component for Marker {
    fn name(&self) -> &'static str {
        "marker.v1"
    }
    fn process(&self, doc: &mut Document) {
        doc.diagnose(self.name(), Severity::Info, None, "seen");
    }
}

fn doc(id: &str, text: &str) -> Document {
    Document::new(
        text.to_string(),
        DocMeta {
            id: id.to_string(),
            ..DocMeta::default()
        },
    )
}

fn render(doc: &Document) -> String {
    let diags: Vec<String> = doc
        .diagnostics
        .iter()
        .map(|d| format!("{} {:?} {}", d.stage, d.severity, d.message))
        .collect();
    format!("{}: {}", doc.meta.id, diags.join(" | "))
}

#[test]
fn panicking_stage_is_a_diagnostic_on_that_document() {
    let pipeline =
        Pipeline::from_components(vec![Box::new(Marker), Box::new(Fragile), Box::new(Marker)]);
    let mut docs = vec![
        doc("a", "A quiet day."),
        doc("b", "Then BOOM."),
        doc("c", "Another quiet day."),
    ];
    pipeline.process_batch(&mut docs);
    let got: Vec<String> = docs.iter().map(render).collect();
    expect_test::expect![[r#"
        [
            "a: marker.v1 Info seen | marker.v1 Info seen",
            "b: marker.v1 Info seen | fragile.v1 Error stage failed on this document and later stages were skipped: cannot handle this text; please report it",
            "c: marker.v1 Info seen | marker.v1 Info seen",
        ]
    "#]]
    .assert_debug_eq(&got);
}
