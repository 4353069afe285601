//! The parts of a name: titles in front of it, the core that identifies the
//! entity, its words, and whether it is an acronym of another name.
//!
//! Everything here works on `&str` slices of the document text and returns
//! byte offsets relative to them, so the caller can turn them back into
//! [`dossier_text::TextRange`]s; nothing rewrites the text.

use dossier_text::wordlists;

/// Words of `s` with their byte ranges, split at white space.
pub(crate) fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Matches a title at the start of `words` (given as text); returns how many
/// words it takes and its recorded form (the titles of
/// `dossier_text::wordlists`).
pub(crate) fn title_at_start(words: &[&str]) -> Option<(usize, &'static str)> {
    wordlists::titles().at_start(words)
}

/// Matches a title that ends exactly at the end of `words`; returns how many
/// words it takes and its recorded form.
///
/// A one-word title written in lower case ("director general", "the
/// general") is a common noun there, unless the title is a role noun that is
/// always written so ("spokesman").
pub(crate) fn title_at_end(words: &[&str]) -> Option<(usize, &'static str)> {
    wordlists::titles().at_end(words)
}

/// The core of a name mention: `start..end` relative to `surface`, with the
/// leading article, a possessive ending and (for people) titles removed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Core {
    pub start: usize,
    pub end: usize,
    pub titles: Vec<&'static str>,
}

/// Splits a mention's surface into titles and the core name.
pub(crate) fn core(surface: &str, person: bool) -> Core {
    // Quotes and brackets an NER span may have caught at its edges.
    let edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '‘' | '’' | '“' | '”' | '"' | '\'' | '(' | ')' | ',' | ':' | ';'
            )
    };
    let lead = surface.len() - surface.trim_start_matches(edge).len();
    let mut end = surface
        .trim_end_matches(|c: char| c != '’' && c != '\'' && edge(c))
        .len()
        .max(lead);
    for suffix in ["'s", "’s", "'S", "’S"] {
        if end > lead + suffix.len() && surface[..end].ends_with(suffix) {
            end -= suffix.len();
            break;
        }
    }
    // "Taliban’" (a plural possessive) or a closing quote.
    if end > lead + 1 && surface[..end].ends_with(['\'', '’']) {
        end -= surface[..end].chars().next_back().map_or(0, char::len_utf8);
    }
    let ws: Vec<(usize, usize)> = words(&surface[lead..end])
        .into_iter()
        .map(|(a, b)| (a + lead, b + lead))
        .collect();
    let mut first = 0;
    let mut titles = Vec::new();
    if ws.len() > 1 && matches!(&surface[ws[0].0..ws[0].1], "the" | "The") {
        first = 1;
    }
    if person {
        loop {
            // Keep at least one word: "President" alone is a mention of
            // someone whose name the text gave elsewhere.
            if ws.len() - first < 2 {
                break;
            }
            let rest: Vec<&str> = ws[first..ws.len() - 1]
                .iter()
                .map(|&(a, b)| &surface[a..b])
                .collect();
            match title_at_start(&rest) {
                Some((n, form)) => {
                    if !form.is_empty() && !titles.contains(&form) {
                        titles.push(form);
                    }
                    first += n;
                }
                None => break,
            }
        }
    }
    let start = ws.get(first).map_or(lead, |w| w.0);
    Core {
        start,
        end: end.max(start),
        titles,
    }
}

/// Words that acronyms usually skip: function words and the connectors of
/// transliterated names ("Tehrik-i-Taliban", "Jamaat-ul-Ahrar").
fn is_connector(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "of" | "the"
            | "and"
            | "for"
            | "in"
            | "on"
            | "to"
            | "de"
            | "del"
            | "la"
            | "i"
            | "e"
            | "ul"
            | "al"
            | "el"
            | "wal"
            | "wa"
            | "bin"
            | "ibn"
            | "&"
    )
}

/// The letters of an acronym as written: "U.S." -> "US", "PML-N" ->
/// "PMLN"; `None` when the word is not written as an acronym.
pub(crate) fn acronym_letters(s: &str) -> Option<String> {
    let letters: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | '-' | '&'))
        .collect();
    let n_alpha = letters.chars().filter(char::is_ascii_alphabetic).count();
    let ok = (2..=8).contains(&letters.len())
        && n_alpha >= 2
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        // "IS" and "ISI" count, but a two-letter all-capitals word must not
        // be an ordinary word shouted ("IN", "OF").
        && !matches!(letters.as_str(), "IN" | "OF" | "TO" | "AT" | "ON" | "BY" | "AN" | "OR" | "IT" | "BE" | "NO" | "SO" | "DO" | "GO" | "WE" | "HE" | "MY" | "AM" | "PM");
    ok.then_some(letters)
}

/// Whether `acronym` (its letters) abbreviates `name`: each content word
/// gives its first letter, in order; connectors may give theirs or not. Words
/// are split at spaces and hyphens, so "Tehrik-i-Taliban Pakistan" is "TTP"
/// and "Islamic State of Iraq and Syria" is "ISIS". A single-word name
/// matches nothing: "Hamas" is not "H".
pub(crate) fn is_acronym_of(acronym: &str, name: &str) -> bool {
    let ws: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    let n_content = ws.iter().filter(|w| !is_connector(w)).count();
    if ws.len() < 2 || n_content < 2 || acronym.len() < 2 {
        return false;
    }
    let letters: Vec<char> = acronym.chars().map(|c| c.to_ascii_uppercase()).collect();
    fn go(letters: &[char], ws: &[&str]) -> bool {
        match (letters.first(), ws.first()) {
            (None, None) => true,
            (_, None) => false,
            (None, Some(_)) => ws.iter().all(|w| is_connector(w)),
            (Some(&l), Some(w)) => {
                let first = w
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .map(|c| c.to_ascii_uppercase());
                let take = first == Some(l) && go(&letters[1..], &ws[1..]);
                take || (is_connector(w) && go(letters, &ws[1..]))
            }
        }
    }
    go(&letters, &ws)
}

/// The words of a person's name, for surname and first-name matching, as
/// comparison keys (an "al-" prefix dropped: "al-Baghdadi" is "Baghdadi").
pub(crate) fn person_parts(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            let k = dossier_kb::normalize::loose_key(w);
            k.strip_prefix("*l")
                .filter(|_| is_al_prefixed(w))
                .map_or(k.clone(), str::to_string)
        })
        .filter(|k| !k.is_empty())
        .collect()
}

fn is_al_prefixed(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    (l.starts_with("al-") || l.starts_with("el-")) && l.len() > 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check_core(surface: &str, person: bool, expect: Expect) {
        let c = core(surface, person);
        expect.assert_eq(&format!("{:?} {:?}", &surface[c.start..c.end], c.titles));
    }

    #[test]
    fn titles_are_stripped_from_people() {
        check_core(
            "Gen. Asim Munir",
            true,
            expect![[r#""Asim Munir" ["General"]"#]],
        );
        check_core(
            "Lt. Gen. Faiz Hameed",
            true,
            expect![[r#""Faiz Hameed" ["Lieutenant General"]"#]],
        );
        check_core(
            "Prime Minister Imran Khan’s",
            true,
            expect![[r#""Imran Khan" ["Prime Minister"]"#]],
        );
        check_core(
            "Mufti Noor Wali",
            true,
            expect![[r#""Noor Wali" ["Mufti"]"#]],
        );
        check_core("Mr. Khan", true, expect![[r#""Khan" []"#]]);
        check_core("President", true, expect![[r#""President" []"#]]);
        check_core(
            "General Assembly",
            false,
            expect![[r#""General Assembly" []"#]],
        );
        check_core(
            "the Islamic State",
            false,
            expect![[r#""Islamic State" []"#]],
        );
        check_core("TTP’s", false, expect![[r#""TTP" []"#]]);
        check_core("‘American", false, expect![[r#""American" []"#]]);
        check_core("“Khorasan Ghag”", false, expect![[r#""Khorasan Ghag" []"#]]);
        check_core("Taliban’", false, expect![[r#""Taliban" []"#]]);
    }

    #[test]
    fn acronyms_match_initials() {
        assert!(is_acronym_of("TTP", "Tehrik-i-Taliban Pakistan"));
        assert!(is_acronym_of("ISKP", "Islamic State Khorasan Province"));
        assert!(is_acronym_of("ISIS", "Islamic State of Iraq and Syria"));
        assert!(is_acronym_of("AQAP", "al-Qaeda in the Arabian Peninsula"));
        assert!(is_acronym_of("JNIM", "Jama'at Nasr al-Islam wal Muslimin"));
        assert!(!is_acronym_of("ISIS", "Islamic State Khorasan Province"));
        assert!(!is_acronym_of("H", "Hamas"));
        assert!(!is_acronym_of("IS", "Islam"));
    }

    #[test]
    fn acronym_letters_reject_shouted_words() {
        assert_eq!(acronym_letters("U.S.").as_deref(), Some("US"));
        assert_eq!(acronym_letters("PML-N").as_deref(), Some("PMLN"));
        assert_eq!(acronym_letters("IN"), None);
        assert_eq!(acronym_letters("Khan"), None);
    }

    #[test]
    fn person_parts_drop_al() {
        assert_eq!(
            person_parts("Abu Bakr al-Baghdadi"),
            person_parts("Abu Bakr Baghdadi")
        );
    }
}
