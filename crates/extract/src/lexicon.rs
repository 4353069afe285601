//! The extraction lexicon: dossier's own verb and noun patterns for CAMEO
//! codes, reporting verbs, relation cues and publication nouns, read from the
//! reviewable TSV files in `data/`.

use std::collections::HashMap;

use dossier_text::wordlists::parse_polarity;
use dossier_text::Polarity;

use crate::ExtractError;

/// The lexicon shipped with dossier, embedded in the binary.
pub const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");
/// CAMEO codes with their Goldstein weights and labels.
pub const CAMEO_CODES_TSV: &str = include_str!("../data/cameo_codes.tsv");

/// Label and Goldstein weight of a CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    pub label: String,
    pub goldstein: f32,
}

/// A verb pattern: its lemma's forms trigger it, and `then` words must
/// follow in order within a short window.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbEntry {
    pub lemma: String,
    pub then: Vec<String>,
    pub code: String,
}

/// A multi-word pattern matched on consecutive lowercase tokens; the last
/// word may also match its plural.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub words: Vec<String>,
    pub value: String,
    /// For relation phrases: the object is the relation's subject
    /// ("X, backed by Y" means Y supports X).
    pub reversed: bool,
}

/// Everything the extractor looks words up in. Built once per pipeline.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub codes: HashMap<String, CodeInfo>,
    /// Inflected verb form -> patterns headed by it.
    pub verbs: HashMap<String, Vec<VerbEntry>>,
    /// Inflected form -> whether it can be a past participle (for passives).
    pub participles: HashMap<String, bool>,
    pub nouns: PhraseTable,
    /// Inflected reporting-verb form -> polarity.
    pub speech: HashMap<String, Polarity>,
    pub speech_nouns: PhraseTable,
    pub roles: PhraseTable,
    pub relphrases: PhraseTable,
    pub media: PhraseTable,
    /// Names a speaker calls a target ("cancer", "puppets"): a claim that
    /// says "X is a cancer" is the speaker's criticism of X.
    pub epithets: PhraseTable,
    /// Nouns that head a speaker the text does not name, even with a name
    /// inside ("a State Department duty officer", "Colombian police
    /// sources"), singular.
    pub source_nouns: std::collections::HashSet<String>,
    /// Nouns that stand for a speaker already named ("the outfit said",
    /// "the statement said"), as written (no plural folding).
    pub speaker_nouns: std::collections::HashSet<String>,
    /// Nouns for texts and data a body issues ("statement", "statistics"):
    /// releasing one is no release of persons. Matched as written.
    pub documents: std::collections::HashSet<String>,
}

/// Phrases indexed by their first word; longest first within a bucket.
#[derive(Clone, Debug, Default)]
pub struct PhraseTable {
    by_first: HashMap<String, Vec<Phrase>>,
}

impl PhraseTable {
    fn insert(&mut self, phrase: Phrase) {
        let bucket = self.by_first.entry(phrase.words[0].clone()).or_default();
        bucket.push(phrase);
        bucket.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// The longest phrase that starts at `words[0]`, and how many words it
    /// covers.
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(&'a Phrase, usize)> {
        let first = words.first()?.as_ref();
        let mut candidates: Vec<&Phrase> = Vec::new();
        if let Some(b) = self.by_first.get(first) {
            candidates.extend(b.iter());
        }
        // A one-word phrase in the plural ("clashes" -> "clash").
        if let Some(singular) = singular(first) {
            if let Some(b) = self.by_first.get(&singular) {
                candidates.extend(b.iter().filter(|p| p.words.len() == 1));
            }
        }
        candidates.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        candidates.into_iter().find_map(|p| {
            let n = p.words.len();
            if words.len() < n {
                return None;
            }
            let ok = p.words.iter().enumerate().all(|(k, w)| {
                let have = words[k].as_ref();
                have == w || (k == n - 1 && singular(have).as_deref() == Some(w.as_str()))
            });
            ok.then_some((p, n))
        })
    }
}

impl Lexicon {
    /// Whether `word` (lowercase, singular or plural) heads an unnamed
    /// source.
    pub fn is_source_noun(&self, word: &str) -> bool {
        self.source_nouns.contains(word)
            || singular(word).is_some_and(|s| self.source_nouns.contains(&s))
    }
}

/// A crude singular for plural nouns; enough for lexicon look-ups.
fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        if stem.ends_with("sh") || stem.ends_with("ch") || stem.ends_with('x') {
            return Some(stem.to_string());
        }
    }
    word.strip_suffix('s')
        .filter(|s| !s.ends_with('s'))
        .map(str::to_string)
}

impl Lexicon {
    /// The lexicon shipped with dossier.
    pub fn embedded() -> Result<Lexicon, ExtractError> {
        Lexicon::parse(LEXICON_TSV, CAMEO_CODES_TSV)
    }

    /// Parses a lexicon and a code table in the formats of the files in
    /// `data/`. The reporting verbs of `dossier_text`'s
    /// `data/reporting_verbs.tsv` with the `claim` role come first; a
    /// lexicon's `speech` lines add to them.
    pub fn parse(lexicon: &str, codes: &str) -> Result<Lexicon, ExtractError> {
        let mut lex = Lexicon::default();
        for verb in dossier_text::wordlists::reporting_verbs().all() {
            if let (true, Some(polarity)) = (
                verb.has(dossier_text::wordlists::VerbRole::Claim),
                verb.polarity,
            ) {
                for form in lex.add_forms(&verb.head) {
                    lex.speech.insert(form, polarity);
                }
            }
        }
        for (n, line) in codes.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |message: &str| ExtractError::Lexicon {
                file: "cameo_codes.tsv",
                line: n + 1,
                message: message.to_string(),
            };
            if f.len() < 3 {
                return Err(bad("expected code, goldstein and label"));
            }
            let goldstein: f32 = f[1]
                .parse()
                .map_err(|_| bad("goldstein weight is not a number"))?;
            lex.codes.insert(
                f[0].trim().to_string(),
                CodeInfo {
                    label: f[2].trim().to_string(),
                    goldstein,
                },
            );
        }
        for (n, line) in lexicon.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |message: String| ExtractError::Lexicon {
                file: "lexicon.tsv",
                line: n + 1,
                message,
            };
            if f.len() < 3 {
                return Err(bad("expected kind, pattern and value".into()));
            }
            let (kind, pattern, value) = (f[0], f[1].trim(), f[2].trim());
            let words: Vec<String> = pattern.split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                return Err(bad("empty pattern".into()));
            }
            match kind {
                "verb" => {
                    if !lex.codes.contains_key(value) {
                        return Err(bad(format!("unknown CAMEO code {value}")));
                    }
                    lex.add_verb(&words[0], &words[1..], value);
                }
                "speech" => {
                    let polarity = parse_polarity(value).ok_or_else(|| {
                        bad(format!("polarity must be asserted or denied, not {value}"))
                    })?;
                    for form in lex.add_forms(&words[0]) {
                        lex.speech.insert(form, polarity);
                    }
                }
                "noun" | "speech-noun" | "role" | "relphrase" | "medium" | "epithet" => {
                    let (value, reversed) = match value.strip_suffix('<') {
                        Some(v) => (v, true),
                        None => (value, false),
                    };
                    if matches!(kind, "noun" | "epithet") && !lex.codes.contains_key(value) {
                        return Err(bad(format!("unknown CAMEO code {value}")));
                    }
                    if kind == "speech-noun" && parse_polarity(value).is_none() {
                        return Err(bad(format!("unknown polarity {value}")));
                    }
                    let phrase = Phrase {
                        words,
                        value: value.to_string(),
                        reversed,
                    };
                    match kind {
                        "noun" => lex.nouns.insert(phrase),
                        "speech-noun" => lex.speech_nouns.insert(phrase),
                        "role" => lex.roles.insert(phrase),
                        "relphrase" => lex.relphrases.insert(phrase),
                        "epithet" => lex.epithets.insert(phrase),
                        _ => lex.media.insert(phrase),
                    }
                }
                "document" => {
                    lex.documents.insert(words[0].clone());
                }
                "source-noun" => {
                    lex.source_nouns.insert(words[0].clone());
                }
                "speaker-noun" => {
                    lex.speaker_nouns.insert(words[0].clone());
                }
                other => return Err(bad(format!("unknown kind {other}"))),
            }
        }
        Ok(lex)
    }

    /// Adds a verb pattern: every form of `head` ("lemma|irregular|forms")
    /// followed by `then` gives `code`. Returns the forms, lemma first.
    pub fn add_verb(&mut self, head: &str, then: &[String], code: &str) -> Vec<String> {
        let forms = self.add_forms(head);
        for form in &forms {
            self.verbs.entry(form.clone()).or_default().push(VerbEntry {
                lemma: forms[0].clone(),
                then: then.to_vec(),
                code: code.to_string(),
            });
        }
        forms
    }

    /// Registers the forms of `head` ("lemma|irregular|forms") as
    /// participles where they can be one; returns the forms, lemma first.
    fn add_forms(&mut self, head: &str) -> Vec<String> {
        let forms = dossier_text::wordlists::verb_forms(head);
        for (form, participle) in &forms {
            let p = self.participles.entry(form.clone()).or_insert(false);
            *p |= *participle;
        }
        forms.into_iter().map(|(f, _)| f).collect()
    }

    /// Words of role nouns and of the titles and title modifiers of
    /// `dossier_text::wordlists`, for "Hezbollah leader Hassan Nasrallah"
    /// and "army chief General X". The "of" of "Secretary of State" is no
    /// title word.
    pub fn title_words(&self) -> std::collections::HashSet<String> {
        let titles = dossier_text::wordlists::titles();
        self.roles
            .by_first
            .values()
            .flatten()
            .flat_map(|p| p.words.iter())
            .chain(titles.all().iter().flat_map(|t| t.words.iter()))
            .chain(titles.modifiers())
            .filter(|w| *w != "of")
            .cloned()
            .collect()
    }

    /// The relation predicates that role nouns, relation phrases and
    /// publication nouns give, sorted.
    pub fn predicates(&self) -> Vec<String> {
        let mut out: Vec<String> = [&self.roles, &self.relphrases, &self.media]
            .iter()
            .flat_map(|t| t.by_first.values().flatten().map(|p| p.value.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Label and Goldstein weight of `code`, or of its root when the code
    /// itself is not listed.
    pub fn code_info(&self, code: &str) -> Option<&CodeInfo> {
        self.codes
            .get(code)
            .or_else(|| self.codes.get(code.get(..2)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.verbs.contains_key("visited"));
        assert!(lex.verbs.contains_key("struck"));
        assert!(lex.participles["referred"]);
        assert_eq!(lex.code_info("183").unwrap().goldstein, -10.0);
        let words = ["suicide", "bombings", "in"];
        assert_eq!(lex.nouns.longest(&words).unwrap().0.value, "183");
    }
}
