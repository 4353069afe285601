//! Truecasing of all-caps text (wire copy, MUC-4, shouted headlines).
//!
//! The taggers and the parser learned case from mixed-case text: in an
//! all-caps article every word looks like a name and nothing parses. The
//! [`Truecaser`] writes each word of such text in the case that training text
//! most often gives it ("THE" -> "the", "LIMA" -> "Lima", "NATO" stays), so
//! the models read what they were trained on. Only ASCII letters change case,
//! so the cased text has the same bytes at the same offsets as the original:
//! it is a side table of the [`Document`](crate::Document)
//! (`Document::cased_text`), and every range still points into both.
//!
//! The word list, `data/truecase.txt`, is built by `dossier train truecase`
//! from training text (CoNLL-2003 train, UD English EWT and GUM train): one
//! form per line, the most frequent spelling of each word seen away from the
//! start of a sentence, in sentences that are not all capitals.
//!
//! ```
//! use dossier_text::truecase::Truecaser;
//! let tc = Truecaser::from_list("the\npolice\narrested\nin\nNATO\n");
//! assert_eq!(tc.truecase("POLICE ARRESTED GUZMAN IN LIMA."), "Police arrested Guzman in Lima.");
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

/// Word forms, keyed by their lowercase spelling.
#[derive(Clone, Debug, Default)]
pub struct Truecaser {
    forms: HashMap<Box<str>, Box<str>>,
}

static BUILTIN: LazyLock<Truecaser> =
    LazyLock::new(|| Truecaser::from_list(include_str!("../data/truecase.txt")));

/// The truecaser over the shipped word list, parsed once.
pub fn builtin() -> &'static Truecaser {
    &BUILTIN
}

/// Whether a text is written in capitals: at least `min_letters` letters, and
/// 95% of them upper case.
pub fn is_all_caps(text: &str, min_letters: usize) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= min_letters.max(1) && upper * 20 >= letters * 19
}

/// Whether a text is written in small letters only: at least `min_letters`
/// letters, and at most one in 200 of them a capital (a lowercased corpus,
/// chat copy). Mixed-case prose has far more: a capital opens every
/// sentence and every name.
pub fn is_all_lower(text: &str, min_letters: usize) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= min_letters.max(1) && upper * 200 <= letters
}

/// Whether a text carries no case: written all in capitals or all in small
/// letters, so that a capital tells nothing about names.
pub fn is_caseless(text: &str, min_letters: usize) -> bool {
    is_all_caps(text, min_letters) || is_all_lower(text, min_letters)
}

impl Truecaser {
    /// Reads a word list: one form per line; `#` starts a comment line.
    /// Lines that are not plain ASCII words are skipped.
    pub fn from_list(list: &str) -> Truecaser {
        let forms = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter(|l| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'\''))
            .map(|l| (l.to_ascii_lowercase().into(), l.into()))
            .collect();
        Truecaser { forms }
    }

    /// How many words the list knows.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The known form of a lowercase key.
    fn form(&self, key: &str) -> Option<&str> {
        self.forms.get(key).map(|f| &**f)
    }

    /// Whether the list writes this lowercase word in lower case.
    fn is_lower_word(&self, key: &str) -> bool {
        self.form(key)
            .is_some_and(|f| f.bytes().all(|b| !b.is_ascii_uppercase()))
    }

    /// Writes `text` in the case the word list gives each word. Words with
    /// a lower-case letter are left alone, so a mixed-case text comes back
    /// unchanged; only ASCII letters change, so the result has the same
    /// length and the same offsets.
    pub fn truecase(&self, text: &str) -> String {
        let mut out = text.as_bytes().to_vec();
        self.truecase_into(text, 0, &mut out);
        // Only ASCII letters were changed, so the bytes stay UTF-8.
        String::from_utf8(out).unwrap_or_else(|_| text.to_string())
    }

    /// Writes a text that carries no case (all capitals or all small
    /// letters) in the case the word list gives each word: the text is read
    /// as capitals, so a lowercase text comes out as an all-caps one would.
    pub fn truecase_caseless(&self, text: &str) -> String {
        if is_all_caps(text, 1) {
            self.truecase(text)
        } else {
            self.truecase(&text.to_ascii_uppercase())
        }
    }

    /// Truecases the words of `text` into `out[offset..offset + text.len()]`.
    pub fn truecase_into(&self, text: &str, offset: usize, out: &mut [u8]) {
        let b = text.as_bytes();
        let mut i = 0;
        // A sentence starts at the beginning, after `.`, `!` or `?`, and after
        // a blank line.
        let mut sentence_start = true;
        while i < b.len() {
            let c = b[i];
            if !c.is_ascii_alphanumeric() && c < 0x80 {
                match c {
                    b'.' | b'!' | b'?' => sentence_start = true,
                    b'\n'
                        if text[i + 1..]
                            .trim_start_matches([' ', '\t', '\r'])
                            .starts_with('\n') =>
                    {
                        sentence_start = true
                    }
                    b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'(' | b'[' | b'`' => {}
                    _ => sentence_start = false,
                }
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                i += 1;
            }
            let word = &text[start..i];
            let before = start.checked_sub(1).map(|k| b[k]);
            let after = b.get(i).copied();
            let cased = self.case_word(word, sentence_start, before, after);
            if let Some(cased) = cased {
                out[offset + start..offset + i].copy_from_slice(cased.as_bytes());
            }
            // A single letter with a full stop is an initial or part of an
            // acronym ("U.S."): the stop does not end a sentence.
            sentence_start = false;
            if word.len() == 1 && after == Some(b'.') {
                i += 1;
            }
        }
    }

    /// The cased form of one word (letters and digits), or `None` to keep it.
    fn case_word(
        &self,
        word: &str,
        sentence_start: bool,
        before: Option<u8>,
        after: Option<u8>,
    ) -> Option<String> {
        if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let key = word.to_ascii_lowercase();
        // The letters after an apostrophe inside a word: "DON'T", "KHAN'S".
        if before == Some(b'\'')
            && matches!(key.as_str(), "s" | "t" | "re" | "ll" | "ve" | "d" | "m")
        {
            return Some(key);
        }
        // An initial or a letter of a dotted acronym: "J.", "U.S.".
        if word.len() == 1 && after == Some(b'.') {
            return None;
        }
        let mut form = match self.form(&key) {
            Some(f) => f.to_string(),
            None => self.guess(&key, word, before, after),
        };
        if sentence_start {
            if let Some(first) = form.get_mut(..1) {
                first.make_ascii_uppercase();
            }
        }
        Some(form)
    }

    /// The form of a word the list lacks: an inflection of a known
    /// lower-case word is lower case; an acronym-like word (no vowel, three
    /// letters or fewer, or alone in brackets) stays in capitals; any other
    /// word is taken for a name and capitalised.
    fn guess(&self, key: &str, word: &str, before: Option<u8>, after: Option<u8>) -> String {
        if key.bytes().any(|b| b.is_ascii_digit()) {
            return key.to_string();
        }
        const SUFFIXES: [&str; 12] = [
            "s", "es", "ed", "d", "ing", "ly", "er", "ers", "ism", "ist", "ists", "ations",
        ];
        for suffix in SUFFIXES {
            if let Some(stem) = key.strip_suffix(suffix) {
                if stem.len() >= 3
                    && (self.is_lower_word(stem) || self.is_lower_word(&format!("{stem}e")))
                {
                    return key.to_string();
                }
            }
        }
        for prefix in ["un", "re", "non", "anti", "counter", "pre", "co"] {
            if let Some(rest) = key.strip_prefix(prefix) {
                if rest.len() >= 4 && self.is_lower_word(rest) {
                    return key.to_string();
                }
            }
        }
        let has_vowel = key.bytes().any(|b| b"aeiouy".contains(&b));
        let bracketed = before == Some(b'(') && after == Some(b')');
        if !has_vowel || key.len() <= 3 || bracketed {
            return word.to_string();
        }
        let mut form = key.to_string();
        form[..1].make_ascii_uppercase();
        form
    }
}

/// Counts of word forms for building a word list.
#[derive(Clone, Debug, Default)]
pub struct CaseCounts {
    counts: HashMap<String, HashMap<String, u32>>,
}

impl CaseCounts {
    /// Counts the words of one sentence of training text. The first word and
    /// sentences written all in capitals tell nothing about case and are
    /// skipped, as are words with non-ASCII letters.
    pub fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        let joined: String = words
            .iter()
            .map(|w| w.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        if is_all_caps(&joined, 8) {
            return;
        }
        let mut first = true;
        for w in words {
            let w = w.as_ref();
            let is_word = w.bytes().any(|b| b.is_ascii_alphabetic())
                && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'\'');
            if !is_word || w.starts_with('\'') {
                // Punctuation keeps a sentence's first word unseen: `" The`.
                if w.bytes().any(|b| b.is_ascii_alphanumeric()) {
                    first = false;
                }
                continue;
            }
            if !first {
                *self
                    .counts
                    .entry(w.to_ascii_lowercase())
                    .or_default()
                    .entry(w.to_string())
                    .or_default() += 1;
            }
            first = false;
        }
    }

    /// The word list: for each word seen at least `min_count` times, its
    /// most frequent form (ties go to the lower-case one), sorted.
    pub fn to_list(&self, min_count: u32) -> String {
        let mut rows: Vec<&str> = Vec::new();
        for (key, forms) in &self.counts {
            let total: u32 = forms.values().sum();
            if total < min_count {
                continue;
            }
            let best = forms
                .iter()
                .max_by(|(fa, ca), (fb, cb)| {
                    ca.cmp(cb)
                        .then_with(|| (*fa == key).cmp(&(*fb == key)))
                        .then_with(|| fb.cmp(fa))
                })
                .map(|(f, _)| f.as_str());
            rows.extend(best);
        }
        rows.sort_by_key(|f| (f.to_ascii_lowercase(), f.to_string()));
        let mut out = String::with_capacity(rows.len() * 9);
        for r in rows {
            out.push_str(r);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tc() -> Truecaser {
        Truecaser::from_list(
            "# test list\nthe\nand\nmen\npolice\narrested\nsaid\nin\nof\nNATO\nUS\nattack\nguerrilla\nPeru\nkill\n",
        )
    }

    #[test]
    fn only_ascii_case_changes() {
        let text = "THE POLICE ARRESTED ÑUFLO IN LIMA, PERU. NATO SAID THE U.S. DIDN'T.";
        let out = tc().truecase(text);
        assert_eq!(out.len(), text.len());
        assert!(out.eq_ignore_ascii_case(text));
        assert_eq!(
            out,
            "The police arrested ÑUFLO in Lima, Peru. NATO said the U.S. Didn't."
        );
    }

    #[test]
    fn inflections_of_known_words_are_lower_and_acronyms_stay() {
        let out = tc().truecase("GUERRILLAS ATTACKED THE FMLN (MRTA) AND KILLED ELN MEN");
        assert_eq!(
            out,
            "Guerrillas attacked the FMLN (MRTA) and killed ELN men"
        );
    }

    #[test]
    fn shipped_list_cases_wire_copy() {
        let text = "POLICE ARRESTED THREE GUERRILLAS IN LIMA ON MONDAY. THE ARMY SAID THE MRTA HAD ATTACKED A BANK.";
        // Unigram statistics: "bank" is mostly part of a name in the
        // training news ("World Bank"), so it is capitalised.
        assert_eq!(
            builtin().truecase(text),
            "Police arrested three guerrillas in Lima on Monday. The army said the Mrta had attacked a Bank."
        );
    }

    #[test]
    fn lowercase_text_is_cased_like_capitals() {
        let text = "police arrested three guerrillas in lima. the army said the mrta attacked.";
        let out = builtin().truecase_caseless(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out,
            builtin().truecase(&text.to_ascii_uppercase()),
            "a lowercase text reads as its capitals would"
        );
        assert!(out.starts_with("Police arrested three guerrillas in Lima. The army"));
        assert!(is_caseless(text, 20) && !is_all_caps(text, 20));
        assert!(!is_caseless("The police arrested him in Lima.", 20));
        // Prose with few capitals still uses case.
        let prose = "The army said on Monday that the attack on the farm near the border had been carried out by a group of rebels, and that nobody was hurt in it.";
        assert!(!is_caseless(prose, 20));
    }

    #[test]
    fn mixed_case_text_is_unchanged() {
        let text = "The police arrested him in Lima.";
        assert_eq!(tc().truecase(text), text);
    }

    #[test]
    fn counts_skip_first_words_and_capital_sentences() {
        let mut c = CaseCounts::default();
        c.add_sentence(&["The", "police", "met", "in", "Lima"]);
        c.add_sentence(&["Police", "in", "Lima", "said", "the", "police", "left"]);
        c.add_sentence(&["LIMA", "POLICE", "SAY", "THE", "POLICE", "LEFT"]);
        assert_eq!(c.to_list(1), "in\nleft\nLima\nmet\npolice\nsaid\nthe\n");
    }
}
