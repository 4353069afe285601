//! Lookups of the people a document names: by words of their names, by a
//! surname alone, or by a fuller name.

use super::*;

/// The people of a document by each lowercase word of their names.
pub(super) fn people_by_word(v: &DocView) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (e, entity) in v.doc.entities.iter().enumerate() {
        if entity.etype != dossier_text::EntityType::Person {
            continue;
        }
        for w in entity.name.split_whitespace() {
            out.entry(w.to_lowercase()).or_default().push(e);
        }
    }
    out
}

impl Finder<'_, '_> {
    /// The one person whose name holds `words` (lowercase) in a row.
    pub(super) fn person_named(&self, words: &[&str]) -> Option<EntityId> {
        if words.is_empty() {
            return None;
        }
        self.one_person(words, |name| {
            name.windows(words.len())
                .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
        })
    }

    /// The one person whose lowercase name words satisfy `fits`; none
    /// when two people do.
    /// Only people whose names hold the first or the last of `words` are
    /// tried.
    pub(super) fn one_person(
        &self,
        words: &[&str],
        fits: impl Fn(&[String]) -> bool,
    ) -> Option<EntityId> {
        let mut candidates: Vec<usize> = [words.first(), words.last()]
            .into_iter()
            .flatten()
            .filter_map(|w| self.people.get(*w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut found = None;
        for e in candidates {
            let name: Vec<String> = self.v.doc.entities[e]
                .name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            if fits(&name) {
                if found.is_some() {
                    return None;
                }
                found = Some(EntityId::new(e));
            }
        }
        found
    }

    /// A person named before by a fuller name, whose surname alone stands
    /// right before the verb at `verb` ("Borge said", "CASTRO ARENAS
    /// SAID") where no tagger found it: one to three capitalised words that
    /// end exactly one person's name. Returns the entity and the first
    /// token of the surname.
    pub(super) fn surname(&self, lo: usize, verb: usize) -> Option<(EntityId, usize)> {
        let v = self.v;
        let mut k = verb;
        while k > lo && AUXILIARIES.contains(&v.word(k - 1)) {
            k -= 1;
        }
        let capital = |j: usize| {
            v.word(j).chars().all(|c| c.is_alphabetic() || c == '-')
                && (v.is_capital(j) || (v.is_lower(j) && self.all_caps()))
                // All-caps copy tags a lone surname as an acronym.
                && v.arg_at(j)
                    .is_none_or(|a| v.etype(a) == dossier_text::EntityType::Misc)
        };
        let mut j = k;
        while j > lo && j + 3 > k && capital(j - 1) {
            j -= 1;
        }
        // The whole run must be the surname: it starts the clause or
        // follows a comma or a conjunction.
        if j == k
            || !(j == lo
                || matches!(
                    v.word(j - 1),
                    "," | "and" | "but" | "however" | "\"" | "”" | "'"
                ))
        {
            return None;
        }
        let words: Vec<&str> = (j..k).map(|x| v.word(x)).collect();
        self.fuller_name(&words).map(|e| (e, j))
    }

    /// The one person whose name ends with `words` (lowercase) and is
    /// longer.
    pub(super) fn fuller_name(&self, words: &[&str]) -> Option<EntityId> {
        let n = words.len();
        self.one_person(words, |name| {
            let ends_with = name.len() > n
                && name[name.len() - n..]
                    .iter()
                    .zip(words.iter())
                    .all(|(a, b)| a == b);
            // "CASTRO ARENAS" after a tagger stopped at "MARIO CASTRO": a
            // two-part surname that starts with the name's last word.
            let runs_on =
                n == 2 && name.len() >= 2 && name.last().map(String::as_str) == Some(words[0]);
            // "ARIAS" of "OSCAR ARIAS SANCHEZ": a Spanish name's first
            // surname stands alone.
            let first_surname = n == 1 && name.len() >= 3 && name[name.len() - 2] == words[0];
            ends_with || runs_on || first_surname
        })
    }

    /// A speaker named by its surname alone as an entity of its own
    /// ("Perez", "TOJEIRA") is the person named in full before.
    pub(super) fn full_speaker(&self, speaker: Option<EntityId>) -> Option<EntityId> {
        let e = self.v.doc.entities.get(speaker?.index())?;
        let lower = e.name.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        // A lone surname may also be mistyped as a group ("Har-Shefi").
        let typed = match e.etype {
            dossier_text::EntityType::Person | dossier_text::EntityType::Misc => true,
            dossier_text::EntityType::Org => words.len() == 1,
            _ => false,
        };
        if !typed || words.is_empty() || words.len() > 2 {
            return speaker;
        }
        self.fuller_name(&words).or(speaker)
    }

    /// Whether the text as written is in capitals only (the truecaser
    /// may have written a surname such as "ARENAS" as a common word).
    pub(super) fn all_caps(&self) -> bool {
        self.all_caps
    }
}
