//! What training takes from data other than CoNLL-2003: name lists from
//! other labelled corpora (the GMB csv, WNUT-17).
//!
//! Training on those corpora's sentences hurt (their types and boundaries
//! follow other guidelines; see `train.rs`), but their names are good
//! gazetteer evidence and their text says how each word is usually written.

use std::collections::HashSet;
use std::path::Path;

use crate::lexicon::{GAZ_FIRST, GAZ_GEO, GAZ_LAST, GAZ_MISC, GAZ_NORP, GAZ_ORG, GAZ_PERSON};
use crate::NerError;

fn read_text(path: &Path) -> Result<String, NerError> {
    let bytes = std::fs::read(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // The GMB csv is not all valid UTF-8; a replaced byte only spoils a
    // rare word.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A sentence of a labelled corpus: words and IOB2 tags.
type Tagged = (Vec<String>, Vec<String>);

/// Reads the GMB `ner_dataset.csv` (`Sentence #,Word,POS,Tag`; a new
/// sentence starts where the first field is not empty).
pub fn read_gmb(path: &Path) -> Result<Vec<Tagged>, NerError> {
    let text = read_text(path)?;
    let mut out: Vec<Tagged> = Vec::new();
    for line in text.lines().skip(1) {
        let fields = csv_fields(line.trim_end_matches('\r'));
        let [sent, word, _pos, tag] = fields.as_slice() else {
            continue;
        };
        if !sent.is_empty() || out.is_empty() {
            out.push((Vec::new(), Vec::new()));
        }
        let s = out.last_mut().expect("pushed above");
        s.0.push(word.clone());
        s.1.push(tag.clone());
    }
    Ok(out)
}

/// The fields of one CSV line: commas inside double quotes do not split,
/// and a doubled quote inside quotes is one quote.
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = out.last_mut().expect("never empty");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => field.push(c),
        }
    }
    out
}

/// Reads a two-column CoNLL file (`word TAB tag`, blank lines between
/// sentences), as WNUT-17 train is.
pub fn read_two_column(path: &Path) -> Result<Vec<Tagged>, NerError> {
    let text = read_text(path)?;
    let mut out: Vec<Tagged> = vec![(Vec::new(), Vec::new())];
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        match line.split_once('\t') {
            Some((w, t)) if !w.is_empty() => {
                let s = out.last_mut().expect("never empty");
                s.0.push(w.to_string());
                s.1.push(t.trim().to_string());
            }
            _ => {
                if !out.last().expect("never empty").0.is_empty() {
                    out.push((Vec::new(), Vec::new()));
                }
            }
        }
    }
    out.retain(|s| !s.0.is_empty());
    Ok(out)
}

/// Spans `(start, end, type)` of IOB2 (or IOB1) tags.
fn spans(tags: &[String]) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let cont = prefix == "I" && open.is_some_and(|(_, o)| o == ty);
        if !cont {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}

/// Name lists of a labelled corpus: `(phrase, gazetteer category)`.
///
/// Person names lose leading titles ("President", "Mr."), which GMB puts
/// inside the name and CoNLL does not: a leading token that ends in a period
/// or that the corpus also writes in lowercase is a title. A multi-word
/// name's first and last tokens are listed too (first names and surnames
/// carry over to new names). GMB tags nationality adjectives `gpe`, so those
/// are NORP.
pub fn name_lists(sents: &[Tagged]) -> Vec<(String, usize)> {
    let mut lowercase_words = HashSet::new();
    for (words, _) in sents {
        for w in words.iter().skip(1) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                lowercase_words.insert(w.as_str());
            }
        }
    }
    let mut out = Vec::new();
    for (words, tags) in sents {
        for (a, b, ty) in spans(tags) {
            let mut toks = &words[a..b];
            let cat = match ty {
                "per" | "person" => {
                    while toks.len() > 1
                        && (toks[0].ends_with('.')
                            || lowercase_words.contains(toks[0].to_lowercase().as_str()))
                    {
                        toks = &toks[1..];
                    }
                    if toks.len() > 1 {
                        out.push((toks[0].clone(), GAZ_FIRST));
                        out.push((toks[toks.len() - 1].clone(), GAZ_LAST));
                    }
                    GAZ_PERSON
                }
                "org" | "corporation" | "group" => GAZ_ORG,
                "geo" | "location" => GAZ_GEO,
                "gpe" => GAZ_NORP,
                "art" | "eve" | "nat" | "creative-work" | "product" => GAZ_MISC,
                _ => continue,
            };
            // Only names written with a capital: WNUT's lowercase tweets
            // would list common words.
            if toks
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                out.push((toks.join(" "), cat));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &str, tags: &str) -> Tagged {
        (
            words.split(' ').map(String::from).collect(),
            tags.split(' ').map(String::from).collect(),
        )
    }

    #[test]
    fn titles_are_stripped_and_parts_listed() {
        let data = vec![
            sent(
                "the president met Mr. Jan Kowalski",
                "O O O B-per I-per I-per",
            ),
            sent(
                "President Ada Lovelace spoke for Acme Corp",
                "B-per I-per I-per O O B-org I-org",
            ),
        ];
        let lists = name_lists(&data);
        let has = |p: &str, c: usize| lists.iter().any(|(q, d)| q == p && *d == c);
        assert!(has("Jan Kowalski", GAZ_PERSON));
        assert!(has("Jan", GAZ_FIRST));
        assert!(has("Kowalski", GAZ_LAST));
        assert!(has("Ada Lovelace", GAZ_PERSON));
        assert!(has("Acme Corp", GAZ_ORG));
        assert!(!lists.iter().any(|(q, _)| q.starts_with("President")));
    }

    #[test]
    fn reads_gmb_csv_and_two_columns() {
        let dir = std::env::temp_dir().join(format!("dossier-ner-ext-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("gmb.csv");
        std::fs::write(
            &csv,
            "Sentence #,Word,POS,Tag\r\nSentence: 1,Ada,NNP,B-per\r\n,Lovelace,NNP,I-per\r\n\
             ,\",\",\",\",O\r\n,\"\"\"\",``,O\r\nSentence: 2,Acme,NNP,B-org\r\n",
        )
        .unwrap();
        let gmb = read_gmb(&csv).unwrap();
        assert_eq!(gmb.len(), 2);
        assert_eq!(gmb[0].0, ["Ada", "Lovelace", ",", "\""]);
        assert_eq!(gmb[0].1, ["B-per", "I-per", "O", "O"]);
        let two = dir.join("two.conll");
        std::fs::write(&two, "Ada\tB-person\nsaid\tO\n\t\nhi\tO\n").unwrap();
        let sents = read_two_column(&two).unwrap();
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].1, ["B-person", "O"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
