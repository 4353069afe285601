//! Integration tests of the syntax stage with the embedded model: the parse
//! as the extraction stage reads it, through the query API.

use std::sync::LazyLock;

use dossier_syntax::{query, SyntaxTagger};
use dossier_text::{tokenize, Component, DocMeta, Document, TokenIdx};
use expect_test::{expect, expect_file, Expect};
use proptest::prelude::*;

static TAGGER: LazyLock<SyntaxTagger> =
    LazyLock::new(|| SyntaxTagger::embedded().expect("embedded model loads"));

fn analyse(text: &str) -> Document {
    let mut doc = Document::new(text.to_string(), DocMeta::default());
    tokenize::segment(&mut doc);
    TAGGER.process(&mut doc);
    doc
}

fn phrase(doc: &Document, t: Option<TokenIdx>) -> String {
    match t.and_then(|t| query::phrase(doc, t)) {
        Some(r) => doc.slice(r).to_string(),
        None => "-".to_string(),
    }
}

/// Renders every predicate with arguments, and every report, one per line.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for i in 0..doc.tokens.len() {
        let t = TokenIdx::new(i);
        if !matches!(doc.syntax.upos[i], dossier_text::Upos::VERB) {
            continue;
        }
        let a = query::arguments(doc, t);
        if a.subject.is_none() && a.object.is_none() {
            continue;
        }
        out.push_str(&format!(
            "{}: subj={} obj={}{}\n",
            doc.token_text(t),
            phrase(doc, a.subject),
            phrase(doc, a.object),
            if a.passive { " (passive)" } else { "" }
        ));
    }
    let mut seen = Vec::new();
    for i in 0..doc.tokens.len() {
        for r in query::reports_in_sentence(doc, TokenIdx::new(i)) {
            if seen.contains(&r.verb) {
                continue;
            }
            seen.push(r.verb);
            let content = query::content_range(doc, r.verb)
                .map_or("-".to_string(), |c| doc.slice(c).to_string());
            out.push_str(&format!(
                "report {}: speaker={} content={}\n",
                doc.token_text(r.verb),
                phrase(doc, r.speaker),
                content
            ));
        }
    }
    out
}

fn check(input: &str, expect: Expect) {
    expect.assert_eq(&render(&analyse(input)));
}

#[test]
fn passive_with_agent_and_relative_clause() {
    check(
        "Syria, which has been sheltering fighters for years, has been declared hostile by the committee.",
        expect![[r#"
            sheltering: subj=Syria obj=fighters for years
            declared: subj=the committee obj=Syria (passive)
            report declared: speaker=the committee content=-
        "#]],
    );
}

#[test]
fn inverted_reporting_clause_with_warning() {
    check(
        "The attack was planned for months, said the Taliban spokesman, as he warned that the group will strike again.",
        expect![[r#"
            planned: subj=- obj=The attack (passive)
            said: subj=the Taliban spokesman obj=-
            warned: subj=he obj=-
            strike: subj=the group obj=-
            report said: speaker=the Taliban spokesman content=The attack was planned for months
            report warned: speaker=he content=the group will strike again
        "#]],
    );
}

#[test]
fn stated_that_with_pronoun_speaker() {
    check(
        "It further stated that the army chief had visited China in March.",
        expect![[r#"
            stated: subj=It obj=-
            visited: subj=the army chief obj=China
            report stated: speaker=It content=the army chief had visited China in March
        "#]],
    );
}

#[test]
fn quoted_speech_before_the_speaker() {
    check(
        "\"We will not negotiate with terrorists,\" the minister told reporters.",
        expect![[r#"
            negotiate: subj=We obj=-
            told: subj=the minister obj=-
            report told: speaker=the minister content=We will not negotiate with terrorists
        "#]],
    );
}

#[test]
fn denial_and_accusation() {
    check(
        "The government denied that its forces shelled the village and accused the rebels of lying.",
        expect![[r#"
            denied: subj=The government obj=-
            shelled: subj=its forces obj=the village
            accused: subj=its forces obj=the rebels of lying
            report denied: speaker=The government content=its forces shelled the village and accused the rebels of lying
            report accused: speaker=its forces content=-
        "#]],
    );
}

#[test]
fn path_and_clause_queries() {
    let doc = analyse("The police arrested two men who attacked the convoy.");
    let find = |w: &str| {
        TokenIdx::new(
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(TokenIdx::new(i)) == w)
                .expect("word in fixture"),
        )
    };
    let path: Vec<&str> = query::path(&doc, find("police"), find("convoy"))
        .expect("one tree")
        .into_iter()
        .map(|t| doc.token_text(t))
        .collect();
    expect!["police arrested men attacked convoy"].assert_eq(&path.join(" "));
    let clause = query::clause(&doc, find("convoy")).expect("a clause");
    expect!["attacked"].assert_eq(doc.token_text(clause));
    let who = query::arguments(&doc, find("attacked")).subject;
    expect!["two men"].assert_eq(&phrase(&doc, who));
}

#[test]
fn every_token_gets_a_tag_and_one_root_per_sentence() {
    let doc = analyse(
        "Gunmen stormed a hotel in Kabul. Three guards were killed. Officials said nothing",
    );
    assert_eq!(doc.syntax.upos.len(), doc.tokens.len());
    for s in &doc.sentences {
        let roots = s
            .token_indices()
            .filter(|&i| doc.syntax.head[i].is_none())
            .count();
        assert_eq!(roots, 1);
    }
}

#[test]
fn empty_and_odd_documents_do_not_panic() {
    for text in ["", "   ", "!!!", "\u{201c}Hi\u{201d}", "a-b-c-d-e"] {
        let doc = analyse(text);
        assert_eq!(doc.syntax.head.len(), doc.tokens.len());
    }
}

/// One line per token: index, form, UPOS, XPOS, lemma, head, relation.
fn conll(doc: &Document) -> String {
    let mut out = String::new();
    for s in &doc.sentences {
        for i in s.token_indices() {
            let head = doc.syntax.head[i].map_or(0, |h| h.index() + 1);
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                doc.token_text(TokenIdx::new(i)),
                doc.syntax.upos[i].as_str(),
                doc.syntax.xpos[i],
                doc.syntax.lemma[i],
                head,
                doc.syntax.deprel[i]
            ));
        }
        out.push('\n');
    }
    out
}

/// A whole article we wrote, parsed; refresh with UPDATE_EXPECT=1 after
/// retraining and read the diff.
#[test]
fn golden_article() {
    let doc = analyse(include_str!("../../test_data/article.txt"));
    expect_file!["../../test_data/article.parse"].assert_eq(&conll(&doc));
}

/// Every sentence is a tree: one root, heads inside the sentence, no cycle.
fn assert_trees(doc: &Document) {
    assert_eq!(doc.syntax.head.len(), doc.tokens.len());
    assert_eq!(doc.syntax.deprel.len(), doc.tokens.len());
    for s in &doc.sentences {
        let range = s.token_indices();
        let roots = range
            .clone()
            .filter(|&i| doc.syntax.head[i].is_none())
            .count();
        assert_eq!(roots, usize::from(!range.is_empty()));
        for i in range.clone() {
            let mut k = i;
            for _ in 0..=range.len() {
                match doc.syntax.head[k] {
                    Some(h) => {
                        assert!(range.contains(&h.index()), "head outside its sentence");
                        k = h.index();
                    }
                    None => break,
                }
            }
            assert!(doc.syntax.head[k].is_none(), "cycle through token {i}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gets_well_formed_trees(text in "\\PC{0,200}") {
        assert_trees(&analyse(&text));
    }

    #[test]
    fn word_salad_gets_well_formed_trees(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "the", "army", "said", "that", ",", ".", "\u{201c}", "rebels", "were",
                "killed", "by", "in", "Kabul", "-", "(", ")", "ISKP", "12", "and", "?",
            ]),
            0..120,
        )
    ) {
        assert_trees(&analyse(&words.join(" ")));
    }
}
