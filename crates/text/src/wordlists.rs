//! Open-class word lists that more than one stage reads, each kept once as a
//! reviewable file in `data/` and parsed once per process.
//!
//! - `data/titles.tsv`: titles and honorifics before a person's name
//!   ("Lt. Gen.", "Sheikh", "Mr.") and the words that extend a title phrase
//!   ("deputy", "former"). Resolve takes titles off person names; extract
//!   reads their words around role nouns.
//! - `data/org_words.txt`: words organisations are named with ("Party",
//!   "Front", "Corp").
//!
//! ```
//! use dossier_text::wordlists;
//! let (n, form) = wordlists::titles().at_start(&["Lt.", "Gen.", "Asim"]).unwrap();
//! assert_eq!((n, form), (2, "Lieutenant General"));
//! assert!(wordlists::is_org_word("Front"));
//! ```

use std::collections::HashSet;
use std::sync::LazyLock;

/// One title of `data/titles.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// Lowercase words without dots: `["lt", "gen"]`.
    pub words: Vec<String>,
    /// The form recorded on the entity ("Lieutenant General"); empty for an
    /// honorific ("Mr."), which is taken off the name but not recorded.
    pub form: String,
}

/// The titles of `data/titles.tsv`, longest first, and the modifier words.
#[derive(Clone, Debug, Default)]
pub struct Titles {
    titles: Vec<Title>,
    modifiers: Vec<String>,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    // The file is part of the build and a unit test parses it, so a
    // failure here is a bug in the crate, not bad input.
    Titles::parse(include_str!("../data/titles.tsv")).expect("data/titles.tsv parses")
});

static ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/org_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// The titles shipped with dossier (`data/titles.tsv`).
pub fn titles() -> &'static Titles {
    &TITLES
}

/// Whether `word` (as written) is a word organisations are named with
/// (`data/org_words.txt`): "Party", "Front", "Corp".
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// The comparison form of a title word: lower case, dots removed.
fn title_word(w: &str) -> String {
    w.chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

impl Titles {
    /// Parses the format of `data/titles.tsv`; an error names the line.
    pub fn parse(tsv: &str) -> Result<Titles, String> {
        let mut out = Titles::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let words: Vec<String> = f
                .get(1)
                .map(|w| w.split_whitespace().map(title_word).collect())
                .unwrap_or_default();
            if words.is_empty() {
                return Err(format!("titles.tsv line {}: no words", n + 1));
            }
            match (f[0], f.get(2)) {
                ("title", Some(form)) if !form.is_empty() => out.titles.push(Title {
                    words,
                    form: form.to_string(),
                }),
                ("honorific", _) => out.titles.push(Title {
                    words,
                    form: String::new(),
                }),
                ("modifier", _) => out.modifiers.extend(words),
                (kind, _) => {
                    return Err(format!(
                        "titles.tsv line {}: expected title with a form, honorific or modifier, not {kind}",
                        n + 1
                    ))
                }
            }
        }
        // A longer title first: "lt gen" before "gen". The sort is stable, so
        // the file's order decides among titles of one length.
        out.titles.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        Ok(out)
    }

    /// All titles, longest first.
    pub fn all(&self) -> &[Title] {
        &self.titles
    }

    /// The words that extend a title phrase ("deputy", "former").
    pub fn modifiers(&self) -> &[String] {
        &self.modifiers
    }

    /// Matches a title at the start of `words` (as written); returns how
    /// many words it takes and its recorded form.
    pub fn at_start(&self, words: &[&str]) -> Option<(usize, &str)> {
        let lower: Vec<String> = words.iter().map(|w| title_word(w)).collect();
        self.titles.iter().find_map(|t| {
            (lower.len() >= t.words.len() && lower.iter().zip(&t.words).all(|(a, b)| a == b))
                .then_some((t.words.len(), t.form.as_str()))
        })
    }

    /// Matches a title that ends exactly at the end of `words` (as
    /// written); returns how many words it takes and its recorded form.
    ///
    /// A one-word title written in lower case ("director general", "the
    /// general") is a common noun there, unless the title is a role noun
    /// that is always written so ("spokesman").
    pub fn at_end(&self, words: &[&str]) -> Option<(usize, &str)> {
        let lower: Vec<String> = words.iter().map(|w| title_word(w)).collect();
        self.titles.iter().find_map(|t| {
            let n = t.words.len();
            let matches = lower.len() >= n
                && lower[lower.len() - n..]
                    .iter()
                    .zip(&t.words)
                    .all(|(a, b)| a == b);
            let first = words
                .get(words.len().wrapping_sub(n))
                .copied()
                .unwrap_or("");
            let cased = n > 1
                || first.chars().next().is_some_and(char::is_uppercase)
                || t.form.chars().next().is_some_and(char::is_lowercase);
            (matches && cased).then_some((n, t.form.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_parse() {
        let t = titles();
        assert!(t.all().len() > 50);
        assert!(t.modifiers().iter().any(|m| m == "deputy"));
        assert_eq!(t.at_start(&["Mr.", "Khan"]), Some((1, "")));
        assert_eq!(t.at_end(&["the", "general"]), None);
        assert_eq!(t.at_end(&["army", "spokesman"]), Some((1, "spokesman")));
        assert!(is_org_word("Party") && !is_org_word("party"));
    }

    #[test]
    fn bad_kind_names_its_line() {
        let err = Titles::parse("# c\ntitle\tgen\tGeneral\nrank\tcol\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }
}
