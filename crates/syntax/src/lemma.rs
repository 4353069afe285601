//! Lemmatiser: suffix rules by PTB tag, plus an exception table learnt from
//! the training treebank (lowercased form and XPOS to lemma) for the words
//! the rules get wrong ("went" -> "go", "was" -> "be", "better" -> "good").

use std::collections::HashMap;

use crate::codec::{Reader, Writer};
use crate::SyntaxError;

#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    /// `"form\txpos"` -> lemma, only where the rules are wrong.
    exceptions: HashMap<String, String>,
}

fn key(lower: &str, xpos: &str) -> String {
    format!("{lower}\t{xpos}")
}

impl Lemmatizer {
    /// Learns the exception table from `(form, xpos, lemma)` triples.
    pub fn build<'a>(triples: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut counts: HashMap<String, HashMap<&'a str, u32>> = HashMap::new();
        for (form, xpos, lemma) in triples {
            if lemma == "_" {
                continue;
            }
            *counts
                .entry(key(&form.to_lowercase(), xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        let mut exceptions = HashMap::new();
        for (k, c) in counts {
            let Some((&lemma, _)) = c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
                continue;
            };
            let (form, xpos) = k.split_once('\t').expect("key has a tab");
            // Proper nouns keep their case, so the table cannot help them.
            if is_proper(xpos) {
                continue;
            }
            if rule(form, xpos) != lemma {
                exceptions.insert(k, lemma.to_string());
            }
        }
        Lemmatizer { exceptions }
    }

    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        if is_proper(xpos) {
            return rule(form, xpos);
        }
        let lower = form.to_lowercase();
        match self.exceptions.get(&key(&lower, xpos)) {
            Some(l) => l.clone(),
            None => rule(&lower, xpos),
        }
    }

    pub fn n_exceptions(&self) -> usize {
        self.exceptions.len()
    }

    pub fn write(&self, w: &mut Writer) {
        let mut pairs: Vec<(&String, &String)> = self.exceptions.iter().collect();
        pairs.sort();
        let keys: Vec<String> = pairs.iter().map(|p| p.0.clone()).collect();
        let vals: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
        w.strs(&keys);
        w.strs(&vals);
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, SyntaxError> {
        let keys = r.strs()?;
        let vals = r.strs()?;
        if keys.len() != vals.len() {
            return Err(SyntaxError::Corrupt("bad lemma table".into()));
        }
        Ok(Lemmatizer {
            exceptions: keys.into_iter().zip(vals).collect(),
        })
    }
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

/// The lemma the suffix rules give; `form` is lowercased except for proper nouns.
fn rule(form: &str, xpos: &str) -> String {
    match xpos {
        "NNP" => form.to_string(),
        "NNPS" => strip(form, "s", "").unwrap_or_else(|| form.to_string()),
        "NNS" | "VBZ" => plural(form),
        "VBD" | "VBN" => past(form),
        "VBG" => gerund(form),
        "JJR" | "RBR" => comparative(form, "er"),
        "JJS" | "RBS" => comparative(form, "est"),
        _ => form.to_string(),
    }
}

/// `form` without `suffix`, plus `add`, when a stem of two or more chars is left.
fn strip(form: &str, suffix: &str, add: &str) -> Option<String> {
    let stem = form.strip_suffix(suffix)?;
    (stem.chars().count() >= 2).then(|| format!("{stem}{add}"))
}

fn plural(w: &str) -> String {
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    for sib in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(sib) {
            return strip(w, "es", "").unwrap_or_else(|| w.to_string());
        }
    }
    strip(w, "ies", "y")
        .filter(|_| w.len() > 4)
        .or_else(|| strip(w, "s", ""))
        .unwrap_or_else(|| w.to_string())
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Undoubles a final consonant ("stopp" -> "stop") or restores a silent e
/// ("creat" stays, "driv" -> "drive") after an inflection is cut off.
fn fix_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
    {
        return stem[..n - 1].to_string();
    }
    let needs_e = ["v", "z", "c", "dg", "iz", "bl", "pl", "tl", "gl", "ur"];
    if n >= 2 && needs_e.iter().any(|s| stem.ends_with(s)) {
        return format!("{stem}e");
    }
    stem.to_string()
}

fn past(w: &str) -> String {
    if w.ends_with("eed") {
        return w[..w.len() - 1].to_string();
    }
    if let Some(s) = strip(w, "ied", "y").filter(|_| w.len() > 4) {
        return s;
    }
    match strip(w, "ed", "") {
        Some(stem) => fix_stem(&stem),
        None => w.to_string(),
    }
}

fn gerund(w: &str) -> String {
    match strip(w, "ing", "").filter(|_| w.len() > 5) {
        Some(stem) => fix_stem(&stem),
        None => w.to_string(),
    }
}

fn comparative(w: &str, suffix: &str) -> String {
    if let Some(s) = strip(w, &format!("i{suffix}"), "y") {
        return s;
    }
    match strip(w, suffix, "") {
        Some(stem) => fix_stem(&stem),
        None => w.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_exceptions() {
        let lem = Lemmatizer::build(
            [
                ("went", "VBD", "go"),
                ("was", "VBD", "be"),
                ("Was", "VBD", "be"),
            ]
            .into_iter(),
        );
        let got: Vec<String> = [
            ("went", "VBD"),
            ("Was", "VBD"),
            ("stopped", "VBD"),
            ("driving", "VBG"),
            ("militias", "NNS"),
            ("churches", "NNS"),
            ("Pakistanis", "NNPS"),
            ("Munir", "NNP"),
            ("bigger", "JJR"),
            ("The", "DT"),
        ]
        .iter()
        .map(|(f, x)| lem.lemma(f, x))
        .collect();
        assert_eq!(
            got,
            [
                "go",
                "be",
                "stop",
                "drive",
                "militia",
                "church",
                "Pakistani",
                "Munir",
                "big",
                "the"
            ]
        );
    }
}
