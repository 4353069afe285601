//! Sentences written for these tests, with the names the model should find.

use expect_test::{expect, Expect};

fn check(input: &str, expect: Expect) {
    expect.assert_eq(&crate::render(input));
}

#[test]
fn general_and_capital() {
    check(
        "Gen. Asim Munir visited Moscow on Monday.",
        expect![[r#"Gen. [Asim Munir]{PERSON} visited [Moscow]{LOC} on Monday."#]],
    );
}

#[test]
fn organisation_and_person() {
    check(
        "The European Commission said Ursula von der Leyen would travel to Kyiv.",
        expect![[
            r#"The [European Commission]{ORG} said [Ursula von der Leyen]{PERSON} would travel to [Kyiv]{LOC}."#
        ]],
    );
}

#[test]
fn nationality_is_misc() {
    check(
        "German officials met Japanese diplomats in Geneva.",
        expect![[r#"[German]{MISC} officials met [Japanese]{MISC} diplomats in [Geneva]{LOC}."#]],
    );
}

#[test]
fn mentions_carry_confidence() {
    let doc = crate::tag("Reuters reported that Emmanuel Macron spoke in Paris.");
    assert!(!doc.mentions.is_empty());
    for m in &doc.mentions {
        assert!(m.confidence > 0.0 && m.confidence <= 1.0, "{m:?}");
    }
}

#[test]
fn tag_tokens_returns_token_spans() {
    let names = crate::tagger().tag_tokens(&["Angela", "Merkel", "met", "Vladimir", "Putin", "."]);
    let spans: Vec<(usize, usize, &str)> = names
        .iter()
        .map(|n| (n.start, n.end, n.etype.as_str()))
        .collect();
    assert_eq!(spans, vec![(0, 2, "PERSON"), (3, 5, "PERSON")]);
}

#[test]
fn second_pass_keeps_a_surname_consistent() {
    // The bare surname opens a sentence, where capitals say little; the
    // second pass sees the full name tagged PERSON earlier in the article.
    check(
        "Finance minister Ngozi Adeyemi-Bello presented the budget in Abuja on Friday. \
         Adeyemi-Bello said spending on roads would double.",
        expect![[
            r#"Finance minister [Ngozi Adeyemi-Bello]{PERSON} presented the budget in [Abuja]{LOC} on Friday. [Adeyemi-Bello]{PERSON} said spending on roads would double."#
        ]],
    );
}
