//! Name keys for the alias index.
//!
//! Names reach the index and the lookups through the same two functions, so
//! that "Tehreek-e-Taliban Pakistan's" finds the entry written as
//! "Tehrik-i-Taliban Pakistan" and "U.S." finds "US", while the pronoun "us"
//! finds nothing.

use std::borrow::Cow;

/// Words that place names abbreviate: the short form (written with a dot
/// or without) and the long one, lower case. "St. Marc" is Saint-Marc, and
/// ISO's "St. Bernard Parish" is GeoNames' "Saint Bernard Parish". The KB
/// build matches area names with it; the geocoder retries unknown names.
pub const PLACE_ABBREVIATIONS: [(&str, &str); 4] = [
    ("st", "saint"),
    ("ste", "sainte"),
    ("mt", "mount"),
    ("ft", "fort"),
];

/// The exact key of a name: diacritics folded to ASCII, possessive `'s` and
/// a leading "the" dropped, dots and apostrophes removed, hyphens turned into
/// spaces. Acronyms ("ISI", "U.S.", "PML-N") keep their case and get a `^`
/// prefix so that they never collide with ordinary lower-case words.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    key_into(name, &mut out);
    out
}

/// [`key`] into a reused buffer: the index keys a quarter of a million
/// names at load, and allocation dominated that before.
pub fn key_into(name: &str, out: &mut String) {
    out.clear();
    let folded = fold(name);
    if !acronym_into(&folded, out) {
        plain_key_into(&folded, out);
    }
}

/// The key an all-capitals query also tries when its acronym key finds
/// nothing, so that a headline's "IRAN" still reaches Iran.
pub fn lowercase_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    plain_key_into(&fold(name), &mut out);
    out
}

/// The loose key used as a fallback for curated entries: vowel runs collapse
/// to one `*` and doubled consonants to one letter, so transliteration
/// variants (i/e/ee, aa/a, "al Qaida"/"al-Qaeda") share a key. Spaces are
/// removed for the same reason ("Al Shabaab" / "Alshabab").
pub fn loose_key(name: &str) -> String {
    let base = lowercase_key(name);
    let mut out = String::with_capacity(base.len());
    let mut last: Option<char> = None;
    for c in base.chars().filter(|c| *c != ' ') {
        let c = if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            '*'
        } else {
            c
        };
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Whether a name is written as an acronym (all capitals once dots, hyphens
/// and ampersands are gone). Such names are matched case-sensitively.
pub fn is_acronym(name: &str) -> bool {
    let mut scratch = String::new();
    acronym_into(&fold(name), &mut scratch)
}

fn fold(name: &str) -> Cow<'_, str> {
    let folded: Cow<str> = if name.is_ascii() {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(deunicode::deunicode(name))
    };
    let mut start = folded.len() - folded.trim_start().len();
    // A leading article goes before the acronym test: "the UAE" is "UAE".
    let rest = &folded[start..];
    if rest.len() > 4 && rest.is_char_boundary(4) && rest[..4].eq_ignore_ascii_case("the ") {
        start += 4;
    }
    let trimmed = folded[start..].trim_end();
    // Possessives: "Pakistan's", "TTP's", "Taliban'".
    let len = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("'S"))
        .or_else(|| trimmed.strip_suffix('\''))
        .unwrap_or(trimmed)
        .len();
    match folded {
        Cow::Borrowed(b) => Cow::Borrowed(&b[start..start + len]),
        Cow::Owned(o) if start == 0 && len == o.len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o[start..start + len].to_string()),
    }
}

/// Writes `^COMPACT` into `out` when `folded` is an acronym.
fn acronym_into(folded: &str, out: &mut String) -> bool {
    let compact = || {
        folded
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | '&' | ' ' | '\''))
    };
    let mut len = 0;
    let mut letters = 0;
    for c in compact() {
        if !(c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        len += 1;
        letters += usize::from(c.is_ascii_alphabetic());
        if len > 8 {
            return false;
        }
    }
    if len < 2 || letters < 2 {
        return false;
    }
    out.push('^');
    out.extend(compact());
    true
}

fn plain_key_into(folded: &str, out: &mut String) {
    let mut pending_space = false;
    for c in folded.chars() {
        match c {
            '.' | '\'' | '`' | '"' => {}
            '-' | '_' | '/' | ',' | '(' | ')' | ' ' | '\t' => pending_space = !out.is_empty(),
            c => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
    if out.len() > 4 && out.starts_with("the ") {
        out.drain(..4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        let actual = format!("{} | {}", key(input), loose_key(input));
        expect.assert_eq(&actual);
    }

    #[test]
    fn keys() {
        check(
            "Tehrik-i-Taliban Pakistan",
            expect!["tehrik i taliban pakistan | t*hr*k*t*l*b*np*k*st*n"],
        );
        check(
            "Tehreek-e-Taliban Pakistan's",
            expect!["tehreek e taliban pakistan | t*hr*k*t*l*b*np*k*st*n"],
        );
        check("the United States", expect!["united states | *n*t*dst*t*s"]);
        check("U.S.", expect!["^US | *s"]);
        check("us", expect!["us | *s"]);
        check("PML-N", expect!["^PMLN | pmln"]);
        check("Al-Shabaab", expect!["al shabaab | *lsh*b*b"]);
        check("al Shabab", expect!["al shabab | *lsh*b*b"]);
        check("Kyïv", expect!["kyiv | ky*v"]);
        check("Sana’a", expect!["sanaa | s*n*"]);
        check("Bāmyān", expect!["bamyan | b*my*n"]);
    }
}
