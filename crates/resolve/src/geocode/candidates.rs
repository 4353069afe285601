//! Candidates: the KB entries a toponym may be, as written, without a
//! designation, for a part of a place, with abbreviations spelled out, with
//! or without an Arabic article, by vowel-folded key, and for a facility
//! the place it is named after.

use super::*;

/// Words before a place name that name a part of it.
pub(super) const PART_PREFIXES: [&str; 17] = [
    "north ",
    "south ",
    "east ",
    "west ",
    "northern ",
    "southern ",
    "eastern ",
    "western ",
    "central ",
    "upper ",
    "lower ",
    "greater ",
    "inner ",
    "outer ",
    "downtown ",
    "northeast ",
    "southwest ",
];

/// Towns under this many people (the KB's towns from GeoNames'
/// `cities500`) give way to areas of their name.
pub(super) const SMALL_TOWN: u64 = 5000;

/// See [`Geocoder::candidates_as_written`].
pub(super) const AREA_LOSES_TO_CITY: u64 = 100_000;

/// Towns under this many people lend no point to a facility named like
/// them (see [`Geocoder::host_candidates`]).
pub(super) const HOST_TOWN: u64 = 15_000;

/// `word` with its first letter upper case ("saint" -> "Saint").
pub(super) fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// `name` with its abbreviations spelled out ("St Marc", "St. Marc" ->
/// "Saint Marc"; a last "Co." is "County"), and with the long forms
/// abbreviated ("Saint Bernard Parish" -> "St. Bernard Parish"): the
/// variants that differ from `name`.
pub(super) fn abbreviation_variants(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let long: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let bare = w.strip_suffix('.').unwrap_or(w);
            // "Co." is "County" only at the end; "St" without a dot only
            // before another word ("St Marc", not "Main St").
            if i == last && bare.eq_ignore_ascii_case("co") {
                return "County".to_string();
            }
            match PLACE_ABBREVIATIONS
                .iter()
                .find(|(short, _)| bare.eq_ignore_ascii_case(short))
            {
                Some((_, full)) if bare.len() < w.len() || i < last => capitalized(full),
                _ => w.to_string(),
            }
        })
        .collect();
    let short: Vec<String> = words
        .iter()
        .map(|w| {
            PLACE_ABBREVIATIONS
                .iter()
                .find(|(_, full)| w.eq_ignore_ascii_case(full))
                .map_or_else(|| w.to_string(), |(short, _)| capitalized(short) + ".")
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for v in [long.join(" "), short.join(" ")] {
        if v != words.join(" ") && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Countries whose place names [`arabic_article_variants`] applies to.
pub(super) const ARABIC_SPEAKING: [&str; 22] = [
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN",
];

/// Arabic place names as gazetteers and news write them differently: with
/// or without the article ("Qamishli" is GeoNames' "Al Qāmishlī", "al-Bab"
/// its "Al Bāb"), and "Tal" or "Tel" (hill) as GeoNames' "Tall" ("Tal
/// Afar", "Tall ‘Afar"). The variants that differ from `name`.
pub(super) fn arabic_article_variants(name: &str) -> Vec<String> {
    let name = name.trim();
    let mut out = Vec::new();
    let bare = [
        "al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "az-",
    ]
    .iter()
    .find_map(|p| {
        name.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &name[p.len()..])
    });
    match bare {
        Some(rest) if rest.len() > 2 => {
            out.push(format!("Al {rest}"));
            out.push(rest.to_string());
        }
        Some(_) => {}
        None => out.push(format!("Al {name}")),
    }
    for hill in ["Tal ", "Tel ", "Tell "] {
        if let Some(rest) = name.strip_prefix(hill) {
            out.push(format!("Tall {rest}"));
        }
    }
    out.retain(|v| v != name);
    out
}

/// `name` without an ASCII `suffix` written in any case, when something
/// of two or more bytes is left.
/// The `strip` designations of `data/designations.tsv`, in its order, each
/// with the space before it: built once, not per toponym.
static STRIPPED_DESIGNATIONS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    dossier_text::wordlists::designations()
        .with_role(dossier_text::wordlists::DesignationRole::Strip)
        .map(|d| format!(" {d}"))
        .collect()
});

pub(super) fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(suffix.len())?;
    let tail = name.get(cut..)?;
    (cut >= 2 && tail.eq_ignore_ascii_case(suffix)).then(|| &name[..cut])
}

impl<'kb> Geocoder<'kb> {
    /// The candidates of a toponym, retrying without a trailing designation
    /// ("Kunar province", "Orange County") when the full name is unknown,
    /// and then with its abbreviations spelled out or its words
    /// abbreviated ("St. Marc" is Saint-Marc, "Plymouth Co." Plymouth
    /// County, "Saint Bernard Parish" St. Bernard Parish), then with or
    /// without an Arabic article ([`arabic_article_variants`]), and last as
    /// a spelling variant of an area's name.
    pub fn candidates(&self, toponym: &str) -> Vec<EntryIdx> {
        let found = self.candidates_as_written(toponym);
        if !found.is_empty() {
            return found;
        }
        let found = abbreviation_variants(toponym)
            .iter()
            .map(|v| self.candidates_as_written(v))
            .find(|c| !c.is_empty())
            .unwrap_or_default();
        if !found.is_empty() {
            return found;
        }
        // An Arabic name written with or without its article, among the
        // places of the Arabic-speaking countries only.
        let found = arabic_article_variants(toponym)
            .iter()
            .map(|v| {
                let mut c = self.candidates_as_written(v);
                c.retain(|&i| {
                    let cc = self.kb.entry(i).country.as_deref().unwrap_or("");
                    ARABIC_SPEAKING.contains(&cc)
                });
                c
            })
            .find(|c| !c.is_empty())
            .unwrap_or_default();
        if !found.is_empty() {
            return found;
        }
        // Last, a spelling variant of a country, area or region
        // ("Mauritious", "Khyber Pakhtunkhwah"): the KB's vowel-folded keys,
        // which cities do not have. Short names are left out, where vowels
        // tell places apart ("Sanaa" and "Sinai").
        // The first three letters must agree as well: vowel folding alone
        // turns "Kogelo" into "Kegalla" and "Kampungu" into "Kompienga".
        if dossier_kb::normalize::loose_key(toponym).len() < 6 {
            return Vec::new();
        }
        let stem = |name: &str| -> String {
            dossier_kb::normalize::lowercase_key(name)
                .chars()
                .take(3)
                .collect()
        };
        let own = stem(toponym);
        let mut found: Vec<EntryIdx> = self
            .kb
            .lookup(toponym)
            .iter()
            .copied()
            .filter(|&i| {
                let e = self.kb.entry(i);
                e.kind.geo_level().is_some()
                    && e.coords().is_some()
                    && e.names().any(|n| stem(n) == own)
            })
            .collect();
        found.dedup();
        found
    }

    pub(super) fn candidates_as_written(&self, toponym: &str) -> Vec<EntryIdx> {
        let mut found = self.kb.place_candidates(toponym);
        // An abbreviation written with its period ("Pa.", "Kan.") is what
        // the KB knows by exactly that, not a town with the bare word among
        // its names (Chongqing's "Pa").
        if toponym.len() > 2 && toponym.ends_with('.') {
            let exact = |i: &EntryIdx| {
                self.kb
                    .entry(*i)
                    .names()
                    .any(|n| n.eq_ignore_ascii_case(toponym))
            };
            if found.iter().any(exact) {
                found.retain(exact);
            }
        }
        if !found.is_empty() {
            // A village never competes with a country, province or region
            // of its name (China, Maine; England, Arkansas): the KB holds
            // thousands of them, and their population feature alone does
            // not keep them out of an article about the area.
            let area = found.iter().any(|&i| {
                matches!(
                    self.kb.entry(i).kind,
                    EntryKind::Country | EntryKind::Admin1 | EntryKind::Region
                )
            });
            if area {
                found.retain(|&i| {
                    let e = self.kb.entry(i);
                    e.kind != EntryKind::City || e.population >= SMALL_TOWN
                });
            }
            // Nor does a council or district known from GeoNames' area
            // names alone (outside the US) compete with a city of its name:
            // "Cambridge" is the English city, not the Town of Cambridge in
            // Western Australia.
            let city = found.iter().any(|&i| {
                let e = self.kb.entry(i);
                e.kind == EntryKind::City && e.population >= AREA_LOSES_TO_CITY
            });
            if city {
                found.retain(|&i| !self.kb.entry(i).id.starts_with("dossier:admin2-"));
            }
            // Nor does a province of less than a tenth of the people of a
            // country of its name compete with it (Mali, Guinea's
            // prefecture; not Georgia, the US state).
            let country = found
                .iter()
                .map(|&i| self.kb.entry(i))
                .filter(|e| e.kind == EntryKind::Country)
                .map(|e| e.population)
                .max();
            if let Some(people) = country {
                found.retain(|&i| {
                    let e = self.kb.entry(i);
                    e.kind != EntryKind::Admin1 || (e.population > 0 && e.population * 10 >= people)
                });
            }
            return found;
        }
        // "Kabul province" -> Kabul.
        for d in STRIPPED_DESIGNATIONS.iter() {
            if let Some(name) = strip_suffix_ignore_case(toponym, d) {
                let found = self.kb.place_candidates(name);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        // A part of a known place lies in it: "North London" is in London,
        // "the Greater Toronto Area" around Toronto.
        let mut rest = toponym.trim();
        for p in PART_PREFIXES {
            let head = rest.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p));
            if head.is_some() && rest.len() > p.len() + 2 {
                rest = &rest[p.len()..];
                break;
            }
        }
        for suffix in [" metropolitan area", " metro area", " area"] {
            if let Some(name) = strip_suffix_ignore_case(rest, suffix) {
                rest = name;
                break;
            }
        }
        if rest.len() < toponym.trim().len() {
            return self.kb.place_candidates(rest);
        }
        self.host_candidates(toponym)
    }

    /// The place a facility the KB does not know is named after, which it
    /// nearly always lies in or serves: "Vancouver Art Gallery" is in
    /// Vancouver, "Kabul University" in Kabul, "Port of Mombasa" at
    /// Mombasa. Only areas and cities of at least [`HOST_TOWN`] people
    /// count: a facility named after a saint or a person ("St. Michael's
    /// Hospital", "Thomas Memorial Hospital") shares its name with
    /// villages it has nothing to do with. Streets, roads and squares are
    /// named after places elsewhere ("Washington Street"), so they get
    /// nothing.
    pub(super) fn host_candidates(&self, toponym: &str) -> Vec<EntryIdx> {
        let words: Vec<&str> = toponym.split_whitespace().collect();
        let is_fac = |w: &&str| {
            (crate::typing::is_fac_head(w)
                || matches!(*w, "University" | "College" | "Museum" | "Gallery"))
                && !matches!(*w, "Street" | "Road" | "Avenue" | "Highway" | "Square")
        };
        let hosts = |name: &str| -> Vec<EntryIdx> {
            let mut found = self.kb.place_candidates(name);
            found.retain(|&i| {
                let e = self.kb.entry(i);
                match e.kind {
                    EntryKind::Country | EntryKind::Admin1 | EntryKind::Admin2 => true,
                    EntryKind::City => e.population >= HOST_TOWN,
                    _ => false,
                }
            });
            found
        };
        // "Port of Mombasa", "University of Nairobi".
        if words.len() >= 3 && words[1] == "of" && is_fac(&words[0]) {
            return hosts(&words[2..].join(" "));
        }
        // "Kabul International Airport": the longest run of leading words
        // before the facility's head.
        let Some(head) = words.iter().rposition(is_fac) else {
            return Vec::new();
        };
        if head + 1 != words.len() {
            return Vec::new();
        }
        // A possessive names a person or saint: "St. Michael's Hospital".
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("\u{2019}s");
        (1..=head)
            .rev()
            .filter(|&k| !possessive(words[k - 1]))
            .map(|k| hosts(&words[..k].join(" ")))
            .find(|c| !c.is_empty())
            .unwrap_or_default()
    }
}
