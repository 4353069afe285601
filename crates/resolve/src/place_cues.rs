//! What the words around a toponym say about it: the designation a
//! reporter writes next to an ambiguous name ("Washington state", "the
//! province of Ontario", "New York Governor Andrew Cuomo"), and the lists
//! that name places of one kind ("Oregon, Washington and Wyoming").
//!
//! Pure functions of the text and byte spans; the [`crate::geocode`]
//! module acts on what they find.

use std::ops::Range;

use dossier_kb::EntryKind;
use dossier_text::wordlists::{self, DesignationRole};

/// What the words around a toponym say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Designation {
    pub kind: EntryKind,
    /// Whether it holds even where the name is taken for a country.
    pub over_country: bool,
}

/// The kind of place the words right around `span` of `text` name it: an
/// [`EntryKind::Admin1`] for "Washington state", "Kunar province", "the
/// state of Washington" and "New York Governor", an [`EntryKind::City`]
/// for "the city of Washington". `None` where the words say nothing ("the
/// largest city of Turkey" says nothing of Turkey).
pub fn designation(text: &str, span: Range<usize>) -> Option<Designation> {
    // Words after a name that make it a province or state ("Borno State",
    // "Washington state", "Kunar province", "New York Governor"), and
    // whether they do so after a country's name too: "Zaire province" is in
    // Angola, but "the Egyptian state" and "the Iranian governor" are the
    // country's (`after` and `after-country` in `data/designations.tsv`).
    let list = wordlists::designations();
    let after = word_after(text, span.end)
        .map(str::to_ascii_lowercase)
        .filter(|w| list.has(w, DesignationRole::After));
    if let Some(w) = after {
        return Some(Designation {
            kind: EntryKind::Admin1,
            over_country: list.has(&w, DesignationRole::AfterCountry),
        });
    }
    let before = text.get(..span.start)?;
    let ends_with = |phrase: &str| {
        before.len() >= phrase.len()
            && before.is_char_boundary(before.len() - phrase.len())
            && before[before.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
    };
    let kind = if ends_with("the state of ") || ends_with("the province of ") {
        EntryKind::Admin1
    } else if ends_with("the city of ") {
        EntryKind::City
    } else {
        return None;
    };
    Some(Designation {
        kind,
        over_country: true,
    })
}

/// The word that follows `end` after one space (and a closing quote
/// before it: "its “Khorasan” province"), without trailing punctuation.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    let rest = rest.strip_prefix(['”', '’', '"', '\'']).unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let word = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()?;
    (!word.is_empty()).then_some(word)
}

/// The abbreviation written after a comma at byte `end` of `text`, as US
/// and Canadian news write a town's state or province ("LONDON, Ky.",
/// "Churchill, Man.", "Albany, N.Y.", "LOUISVILLE, KY--"): letters and
/// dots ending in a dot, or two capitals. A name at the end of a sentence
/// ("Paris, France.") passes too; the caller keeps only what the KB knows
/// as a province's abbreviation.
pub fn abbreviation_after_comma(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    let len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '.'))
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let dotted = word.len() >= 3 && word.ends_with('.') && word.starts_with(char::is_uppercase);
    let postal = word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase());
    (dotted || postal).then_some(word)
}

/// Whether the text between two toponyms only joins them in a list:
/// ", ", " and ", ", and ", " or ", " & ".
pub fn joined_in_list(between: &str) -> bool {
    let t = between.trim();
    let t = t.strip_prefix(',').map_or(t, str::trim_start);
    between.starts_with([' ', ','])
        && between.ends_with(' ')
        && (matches!(t, "and" | "or" | "&") || (t.is_empty() && between.contains(',')))
}

/// The lists among `spans` (byte ranges of `text`, in text order): runs of
/// consecutive spans that [`joined_in_list`] links, given as index ranges
/// into `spans`, each at least `min_len` long.
pub fn lists(text: &str, spans: &[Range<usize>], min_len: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=spans.len() {
        let linked = i < spans.len()
            && spans[i - 1].end <= spans[i].start
            && text
                .get(spans[i - 1].end..spans[i].start)
                .is_some_and(joined_in_list);
        if !linked {
            if i - start >= min_len {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// `input` marks one toponym as `[Name]`; the designation found.
    fn check_designation(input: &str, expect: Expect) {
        let start = input.find('[').unwrap();
        let end = input.find(']').unwrap() - 1;
        let text = input.replace(['[', ']'], "");
        let got = designation(&text, start..end).map(|d| (d.kind, d.over_country));
        expect.assert_eq(&format!("{got:?}"));
    }

    #[test]
    fn designations_around_a_name() {
        check_designation(
            "a farm in [Washington] state.",
            expect!["Some((Admin1, false))"],
        );
        check_designation(
            "the flu in the state of [New York] spread",
            expect!["Some((Admin1, true))"],
        );
        check_designation(
            "[New York] Governor Andrew Cuomo said",
            expect!["Some((Admin1, false))"],
        );
        check_designation(
            "fighting in [Kunar] province",
            expect!["Some((Admin1, true))"],
        );
        check_designation("the city of [Washington] is", expect!["Some((City, true))"]);
        check_designation("its “[Khorasan]” province", expect!["Some((Admin1, true))"]);
        check_designation("a hospital in [Washington] on Monday", expect!["None"]);
        check_designation("[Washington], state officials said", expect!["None"]);
        check_designation("the largest city of [Turkey] is", expect!["None"]);
        check_designation(
            "the [Egyptian] state said",
            expect!["Some((Admin1, false))"],
        );
    }

    #[test]
    fn abbreviations_after_a_comma() {
        let check = |text: &str, expect: Expect| {
            let end = text.find(',').unwrap_or(0);
            expect.assert_eq(&format!("{:?}", abbreviation_after_comma(text, end)));
        };
        check("LONDON, Ky. (WKYT) - Police", expect![[r#"Some("Ky.")"#]]);
        check("Albany, N.Y., police said", expect![[r#"Some("N.Y.")"#]]);
        check("Churchill, Man. her parents", expect![[r#"Some("Man.")"#]]);
        check("Paris, France.", expect![[r#"Some("France.")"#]]);
        check("Paris, the capital", expect!["None"]);
        check("LOUISVILLE, KY--(Marketwire)", expect![[r#"Some("KY")"#]]);
        check("Paris, Victoria said", expect!["None"]);
    }

    /// `input` marks toponyms as `[Name]`; the lists of at least two.
    fn check_lists(input: &str, expect: Expect) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut open = 0;
        for c in input.chars() {
            match c {
                '[' => open = text.len(),
                ']' => spans.push(open..text.len()),
                _ => text.push(c),
            }
        }
        let got: Vec<Vec<&str>> = lists(&text, &spans, 2)
            .into_iter()
            .map(|r| spans[r].iter().map(|s| &text[s.clone()]).collect())
            .collect();
        expect.assert_eq(&format!("{got:?}"));
    }

    #[test]
    fn lists_of_places() {
        check_lists(
            "cases in [Oregon], [Utah], [Washington] and [Wyoming]. Also [Ohio].",
            expect![[r#"[["Oregon", "Utah", "Washington", "Wyoming"]]"#]],
        );
        check_lists(
            "from [Buffalo], [New York], or [Toronto] & [Ottawa]",
            expect![[r#"[["Buffalo", "New York", "Toronto", "Ottawa"]]"#]],
        );
        check_lists(
            "[Kabul] and then [Herat], [Paris]-based [Lyon]",
            expect![[r#"[["Herat", "Paris"]]"#]],
        );
    }
}
