//! Integration tests of the time tagger: one line of fixture, one rendering.

use chrono::NaiveDate;
use dossier_time::TimeTagger;
use expect_test::{expect, Expect};

mod examples;
mod properties;
mod seed;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Renders every expression as `'text' TYPE value [mod]`, one per line, and
/// diagnostics as `! message`.
pub(crate) fn render(text: &str, dct: Option<&str>) -> String {
    let (times, diags) = TimeTagger::default().annotate(text, dct.and_then(date));
    let mut out = String::new();
    for t in &times {
        out.push_str(&format!(
            "'{}' {} {}{}\n",
            &text[t.range.as_range()],
            t.ttype.as_str(),
            t.value.as_deref().unwrap_or("-"),
            t.modifier
                .as_deref()
                .map(|m| format!(" {m}"))
                .unwrap_or_default()
        ));
    }
    for d in &diags {
        out.push_str(&format!("! {}\n", d.message));
    }
    out
}

pub(crate) fn check(text: &str, dct: &str, expect: Expect) {
    expect.assert_eq(&render(text, Some(dct)));
}

#[test]
fn render_shows_values_and_mods() {
    check(
        "Fighting eased in early March 2024.",
        "2024-03-20",
        expect![[r#"
            'early March 2024' DATE 2024-03 START
        "#]],
    );
}

#[test]
fn component_fills_times_and_diagnostics_from_the_document_date() {
    use dossier_text::{Component, DocMeta, Document};
    let meta = DocMeta {
        date: date("2023-02-01"),
        ..DocMeta::default()
    };
    let mut doc = Document::new(
        "Troops left on Monday; the order is dated February 30.".into(),
        meta,
    );
    let tagger = TimeTagger::default();
    assert_eq!(tagger.name(), "time.v1");
    tagger.process(&mut doc);
    let values: Vec<_> = doc.times.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(values, [Some("2023-01-30"), None]);
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!(doc.diagnostics[0].stage, "time.v1");
}

#[test]
fn resolver_for_events_follows_the_given_tense() {
    let dct = date("2023-02-18").unwrap();
    assert_eq!(
        dossier_time::resolve_relative("last November", dct, true).as_deref(),
        Some("2022-11")
    );
    assert_eq!(
        dossier_time::resolve_relative("on Monday", dct, true).as_deref(),
        Some("2023-02-13")
    );
    assert_eq!(
        dossier_time::resolve_relative("on Monday", dct, false).as_deref(),
        Some("2023-02-20")
    );
    assert_eq!(
        dossier_time::resolve_relative("nothing here", dct, true),
        None
    );
}
