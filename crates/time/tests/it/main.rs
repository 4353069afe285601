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
