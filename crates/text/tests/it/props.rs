//! Properties that hold for any text: no panic, offsets on char boundaries,
//! tokens in order and rebuilding the text with the gaps, sentences covering
//! the tokens in order.

use dossier_text::{tokenize, Document};
use proptest::prelude::*;

/// Characters that may lie between tokens: white space and invisible ones.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Checks every invariant of the token and sentence layers of `text`.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::new(text.to_string(), Default::default());
    tokenize::segment(&mut doc);
    let t = &doc.tokens;
    prop_assert_eq!(t.start.len(), t.kind.len());
    prop_assert_eq!(t.end.len(), t.kind.len());

    // Tokens and gaps rebuild the text; gaps hold no visible character.
    let mut rebuilt = String::new();
    let mut prev = 0usize;
    for i in 0..t.len() {
        let (s, e) = (t.start[i] as usize, t.end[i] as usize);
        prop_assert!(
            prev <= s && s < e && e <= text.len(),
            "token {i}: {s}..{e} after {prev}"
        );
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        let gap = &text[prev..s];
        prop_assert!(
            gap.chars().all(is_gap),
            "visible character in gap {:?}",
            gap
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[s..e]);
        prev = e;
    }
    rebuilt.push_str(&text[prev..]);
    prop_assert_eq!(&rebuilt, text);
    prop_assert!(
        text[prev..].chars().all(is_gap),
        "visible trailing character"
    );

    // Sentences partition the tokens, in order, and span them.
    let mut next = 0usize;
    for s in &doc.sentences {
        prop_assert_eq!(s.first.index(), next);
        prop_assert!(s.first < s.last);
        prop_assert_eq!(s.range.start(), t.start[s.first.index()]);
        prop_assert_eq!(s.range.end(), t.end[s.last.index() - 1]);
        next = s.last.index();
    }
    prop_assert_eq!(next, t.len());
    Ok(())
}

/// Text built from the pieces the scanner makes decisions on, so that the
/// interesting paths (abbreviations, clitics, URLs, quotes) are exercised far
/// more often than uniform random strings would.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Gen."),
        Just("U.S."),
        Just("J."),
        Just("No."),
        Just("Inc."),
        Just("e.g."),
        Just("."),
        Just("..."),
        Just("…"),
        Just("!"),
        Just("?"),
        Just(","),
        Just("'"),
        Just("’"),
        Just("‘"),
        Just("“"),
        Just("”"),
        Just("\""),
        Just("("),
        Just(")"),
        Just("-"),
        Just("—"),
        Just("'s"),
        Just("n't"),
        Just("’s"),
        Just("@"),
        Just("#"),
        Just("http://"),
        Just("www."),
        Just(".com"),
        Just("/"),
        Just(":"),
        Just("3"),
        Just("1,000"),
        Just("3.5"),
        Just("Khan"),
        Just("the"),
        Just("The"),
        Just("al"),
        Just(" "),
        Just(" "),
        Just("\n"),
        Just("\n\n"),
        Just("\u{301}"),
        Just("\u{200D}"),
        Just("é"),
        Just("👍"),
        Just("\u{FEFF}"),
        Just("\u{a0}"),
        Just("ب"),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_segments_cleanly(text in any::<String>()) {
        check_invariants(&text)?;
    }

    #[test]
    fn newsy_text_segments_cleanly(text in newsy_text()) {
        check_invariants(&text)?;
    }
}

#[test]
fn every_single_char_prefix_suffix_combination() {
    // Each character next to each connector, at chunk edges: short texts the
    // random strategies may miss.
    let parts = [
        "a", "A", "1", ".", "'", "’", "-", "@", "#", ",", ":", "/", "\u{301}", "é", " ",
    ];
    let mut n = 0;
    for a in parts {
        for b in parts {
            for c in parts {
                check_invariants(&format!("{a}{b}{c}")).unwrap();
                n += 1;
            }
        }
    }
    assert_eq!(n, parts.len().pow(3));
}
