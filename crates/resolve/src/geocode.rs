//! Geocoding: a toponym and the article around it become a point on the map.
//!
//! Every toponym's candidates come from [`Kb::place_candidates`] (countries,
//! admin-1 areas, US counties, GeoNames cities, regions, facilities; a
//! demonym stands for its country), retrying without a designation ("Kunar
//! province"), for a part of a place ("North London") with the place, and
//! with abbreviations spelled out ("St. Marc", "Plymouth Co."), for a
//! facility with the place it is named after ("Kabul University"), and for
//! a misspelt area by its vowel-folded key ("Mauritious"); an Arabic name
//! is also tried with or without its article ("Qamishli", "Al Qāmishlī").
//! A small learned ranker, a conditional logit over the candidates
//! ([`FEATURES`]: feature type, population, capital, primary-name match,
//! and what the article's other toponyms say: the countries and admin-1
//! areas they probably lie in, how near their confident readings are,
//! whether an area candidate holds one of them, and how many are of the
//! candidate's kind),
//! picks one. Its weights, `models/geo.tsv`, are fitted on the development
//! sets TR-News and GeoVirus by `dossier eval geo --fit`; the test sets
//! (GeoWebNews, LGL) never shape them. So "Georgia" next to "Atlanta" is the
//! US state, next to "Tbilisi" the country, and alone the country. A name
//! the KB does not know gives `None`; [`Geocoder::place_unknown`] may then
//! place it at the town the article names beside it, marked as such
//! ([`Geo::within`]). Nothing is guessed at (0, 0). Given the article's
//! text ([`Geocoder::geocode_text`]), the words around a name and the lists
//! it stands in ([`crate::place_cues`]) also decide between the kinds of
//! place a name can be ("Washington state", "Utah, Washington and Wyoming").
//!
//! ```
//! use dossier_kb::Kb;
//! use dossier_resolve::geocode::{GeoContext, Geocoder};
//! let kb = Kb::embedded().unwrap();
//! let geocoder = Geocoder::new(&kb);
//! let ctx = GeoContext::from_toponyms(["Georgia", "Atlanta"]);
//! let m = geocoder.geocode("Georgia", &ctx).unwrap();
//! assert_eq!(m.geo.country.as_deref(), Some("US"));
//! assert_eq!(m.geo.level, "admin1");
//! ```

use std::collections::HashMap;
use std::ops::Range;

use crate::place_cues;

use dossier_kb::normalize::PLACE_ABBREVIATIONS;
use dossier_kb::{EntryIdx, EntryKind, Kb, KbEntry};
use dossier_text::Geo;

/// What the rest of the article says about where it is.
#[derive(Clone, Debug, Default)]
pub struct GeoContext {
    /// The article's toponyms (every place name, repeats allowed; the one
    /// being geocoded may be among them, it is not counted as its own
    /// evidence).
    pub toponyms: Vec<String>,
    /// Countries known to be in play (ISO alpha-2), e.g. from the dateline or
    /// the feed; each counts as much as a country named in the text.
    pub countries: Vec<String>,
}

impl GeoContext {
    pub fn from_toponyms<S: AsRef<str>>(toponyms: impl IntoIterator<Item = S>) -> GeoContext {
        GeoContext {
            toponyms: toponyms
                .into_iter()
                .map(|s| s.as_ref().to_string())
                .collect(),
            countries: Vec::new(),
        }
    }
}

/// One toponym where it stands in its article's text.
#[derive(Clone, Debug)]
pub struct TextToponym<'a> {
    pub name: &'a str,
    /// The name's byte range in the text; one that does not hold `name`
    /// is only used to order the toponyms.
    pub span: Range<usize>,
    /// The number of its sentence.
    pub sentence: usize,
}

/// One geocoding decision.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoMatch {
    pub entry: EntryIdx,
    pub geo: Geo,
    /// The chosen candidate's share of the candidates' probability, 0..1.
    pub confidence: f32,
    /// Set by [`Geocoder::place_unknown`] when it placed a doubted town
    /// at the province named beside it: the entry it did not believe.
    pub passed_over: Option<EntryIdx>,
}

/// See [`Geocoder::place_unknown`]; chosen on the development sets.
const DOUBTED_POPULATION: u64 = 50_000;
const DOUBTED_CONFIDENCE: f32 = 0.8;

/// The features of one candidate, in [`FEATURES`] order.
type Features = [f64; NF];

const NF: usize = 19;

/// The ranker's features. The first group describes the candidate alone
/// (its prior); the second what the rest of the article says about it.
pub const FEATURES: [&str; NF] = [
    "bias_country",
    "bias_admin1",
    "bias_admin2",
    "bias_city",
    "bias_region",
    "bias_facility",
    "log_population_city",
    "log_population_area",
    "capital",
    "primary_name",
    "largest_of_kind",
    "shadowed_by_country",
    "country_support",
    "admin1_support",
    "country_share",
    "near_other_places",
    "contains_other_places",
    "admin1_unknown_population",
    "same_kind_share",
];

/// The weights of the ranker, a conditional logit over each toponym's
/// candidates: `score = w . features`, probabilities by softmax. The
/// shipped weights (`models/geo.tsv`) are fitted on the development sets
/// (TR-News, GeoVirus) by `dossier eval geo --fit models/geo.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoConfig {
    pub weights: [f64; NF],
}

/// The shipped weights, one `feature<TAB>weight` line each.
const SHIPPED_WEIGHTS: &str = include_str!("../../../models/geo.tsv");

impl Default for GeoConfig {
    fn default() -> GeoConfig {
        GeoConfig::parse(SHIPPED_WEIGHTS).unwrap_or(GeoConfig { weights: [0.0; NF] })
    }
}

impl GeoConfig {
    /// Reads `feature<TAB>weight` lines; `#` starts a comment. Features the
    /// text does not name weigh 0; an unknown feature or a bad number gives
    /// `None`.
    pub fn parse(text: &str) -> Option<GeoConfig> {
        let mut weights = [0.0; NF];
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, w) = line.split_once('\t')?;
            let i = FEATURES.iter().position(|f| *f == name.trim())?;
            weights[i] = w.trim().parse().ok()?;
        }
        Some(GeoConfig { weights })
    }

    /// Weights set by reasoning about feature types, where fitting starts:
    /// countries first, then regions and large cities, capitals named more
    /// often than their size says, and the article's countries and
    /// provinces as evidence.
    pub fn hand_set() -> GeoConfig {
        let mut weights = [0.0; NF];
        for (name, w) in [
            ("bias_country", 6.0),
            ("bias_admin1", 0.5),
            ("bias_admin2", 2.0),
            ("bias_region", 4.0),
            ("bias_facility", 3.0),
            ("log_population_city", 2.6),
            ("log_population_area", 2.2),
            ("capital", 1.5),
            ("primary_name", 0.5),
            ("country_support", 2.0),
            ("admin1_support", 2.0),
        ] {
            if let Some(i) = FEATURES.iter().position(|f| *f == name) {
                weights[i] = w;
            }
        }
        GeoConfig { weights }
    }

    /// The text [`GeoConfig::parse`] reads.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# dossier geocoder weights: written by `dossier eval geo --fit`, fitted on TR-News and GeoVirus\n",
        );
        for (name, w) in FEATURES.iter().zip(self.weights) {
            out.push_str(&format!("{name}\t{w:.4}\n"));
        }
        out
    }

    fn score(&self, f: &Features) -> f64 {
        self.weights.iter().zip(f).map(|(w, x)| w * x).sum()
    }
}

/// Places toponyms using a knowledge base. Cheap to build: make one per
/// document or share one.
pub struct Geocoder<'kb> {
    kb: &'kb Kb,
    config: GeoConfig,
}

/// Designations news adds to a name that the gazetteer may lack.
const DESIGNATIONS: [&str; 14] = [
    " city",
    " county",
    " province",
    " state",
    " district",
    " region",
    " governorate",
    " oblast",
    " prefecture",
    " municipality",
    " department",
    " valley",
    " area",
    " town",
];

/// An article's toponyms and, where known, their gold points: what
/// [`Geocoder::fit`] learns from.
#[cfg(feature = "eval")]
pub type Labelled = (Vec<String>, Vec<Option<(f64, f64)>>);

/// Words before a place name that name a part of it.
const PART_PREFIXES: [&str; 17] = [
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
const SMALL_TOWN: u64 = 5000;

/// See [`Geocoder::candidates_as_written`].
const AREA_LOSES_TO_CITY: u64 = 100_000;

/// Towns under this many people lend no point to a facility named like
/// them (see [`Geocoder::host_candidates`]).
const HOST_TOWN: u64 = 15_000;

/// One toponym's candidates and their features.
struct Candidates {
    idx: Vec<EntryIdx>,
    features: Vec<Features>,
}

impl<'kb> Geocoder<'kb> {
    pub fn new(kb: &'kb Kb) -> Geocoder<'kb> {
        Geocoder {
            kb,
            config: GeoConfig::default(),
        }
    }

    pub fn with_config(kb: &'kb Kb, config: GeoConfig) -> Geocoder<'kb> {
        Geocoder { kb, config }
    }

    /// The same geocoder with other weights.
    pub fn with_weights(&self, config: GeoConfig) -> Geocoder<'kb> {
        Geocoder::with_config(self.kb, config)
    }

    /// Places one toponym in the context of its article.
    pub fn geocode(&self, toponym: &str, context: &GeoContext) -> Option<GeoMatch> {
        let evidence = self.evidence(context);
        self.decide(toponym, &evidence)
    }

    /// Places every toponym of one article's text: `toponyms[i]` gets
    /// `result[i]`, in any order. The article's evidence is computed once
    /// for all of them; then, in text order, the words around each name
    /// ([`Self::read_cues`]) may redecide it, and what the KB lacks is
    /// placed at its neighbours ([`Self::place_unknown`]).
    pub fn geocode_text(
        &self,
        text: &str,
        toponyms: &[TextToponym],
        countries: &[String],
    ) -> Vec<Option<GeoMatch>> {
        let mut order: Vec<usize> = (0..toponyms.len()).collect();
        order.sort_by_key(|&i| toponyms[i].span.start);
        let sorted: Vec<&TextToponym> = order.iter().map(|&i| &toponyms[i]).collect();
        let names: Vec<&str> = sorted.iter().map(|t| t.name).collect();
        let context = GeoContext {
            toponyms: names.iter().map(|s| s.to_string()).collect(),
            countries: countries.to_vec(),
        };
        let evidence = self.evidence(&context);
        let mut decisions: Vec<Option<GeoMatch>> =
            names.iter().map(|t| self.decide(t, &evidence)).collect();
        // A span that does not hold its name says nothing of its words.
        let spans: Vec<Range<usize>> = sorted
            .iter()
            .map(|t| match text.get(t.span.clone()) {
                Some(s) if s == t.name => t.span.clone(),
                _ => 0..0,
            })
            .collect();
        self.read_cues(text, &spans, &names, &evidence, &mut decisions);
        self.prefer_regions(&names, &evidence, &mut decisions);
        let at: Vec<(usize, usize)> = sorted.iter().map(|t| (t.sentence, t.span.start)).collect();
        self.place_unknown(&mut decisions, &at);
        let mut out = vec![None; toponyms.len()];
        for (d, i) in decisions.into_iter().zip(order) {
            out[i] = d;
        }
        out
    }

    /// Redecides toponyms by the words around them: what they are called
    /// ([`Self::follow_designations`]), the lists they stand in
    /// ([`Self::follow_lists`]) and the area written after them
    /// ([`Self::follow_qualifiers`]).
    fn read_cues(
        &self,
        text: &str,
        spans: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        let lists = place_cues::lists(text, spans, 3);
        let designated = self.follow_designations(text, spans, names, evidence, decisions);
        self.follow_lists(&lists, &designated, names, evidence, decisions);
        self.follow_qualifiers(text, spans, &lists, names, evidence, decisions);
    }

    /// A [`place_cues::designation`] ("Washington state", "the city of
    /// Washington") picks the kind of place among a name's candidates.
    /// Returns which toponyms had one.
    fn follow_designations(
        &self,
        text: &str,
        spans: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) -> Vec<bool> {
        let mut designated = vec![false; spans.len()];
        for (i, span) in spans.iter().enumerate() {
            let Some(cue) = place_cues::designation(text, span.clone()) else {
                continue;
            };
            designated[i] = true;
            let want = cue.kind;
            let moves = |k: EntryKind| k != want && (cue.over_country || k != EntryKind::Country);
            if self.kind_of(&decisions[i]).is_some_and(moves) {
                if let Some(m) = self.decide_among(names[i], evidence, |e| e.kind == want) {
                    decisions[i] = Some(m);
                }
            }
        }
        designated
    }

    /// In a list of three or more ([`place_cues::lists`]), a toponym of
    /// another kind than two thirds (and at least two) of the others takes
    /// theirs where it can ("Utah, Washington and Wyoming" are states),
    /// unless a designation named it or it is an area holding the place
    /// listed just before it ("Buffalo, New York").
    fn follow_lists(
        &self,
        lists: &[Range<usize>],
        designated: &[bool],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        let before: Vec<Option<EntryKind>> = decisions.iter().map(|m| self.kind_of(m)).collect();
        for list in lists {
            for i in list.clone() {
                let Some(own) = before[i].filter(|_| !designated[i]) else {
                    continue;
                };
                let others: Vec<EntryKind> = list
                    .clone()
                    .filter(|&j| j != i)
                    .filter_map(|j| before[j])
                    .collect();
                let Some((want, n)) = majority(&others) else {
                    continue;
                };
                if want == own || n < 2 || n * 3 < others.len() * 2 {
                    continue;
                }
                let holds_previous = i > list.start
                    && match (&decisions[i], &decisions[i - 1]) {
                        (Some(m), Some(prev)) => {
                            holds(self.kb.entry(m.entry), self.kb.entry(prev.entry))
                        }
                        _ => false,
                    };
                if holds_previous {
                    continue;
                }
                if let Some(m) = self.decide_among(names[i], evidence, |e| e.kind == want) {
                    decisions[i] = Some(m);
                }
            }
        }
    }

    /// A town followed by the province or country it lies in
    /// ([`Self::qualifier`]: "Paris, Idaho", "LONDON, Ky.") is the namesake
    /// in that area; with none there (and outside a list) it is placed
    /// within the area, passing over the town the ranker chose.
    fn follow_qualifiers(
        &self,
        text: &str,
        spans: &[Range<usize>],
        lists: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        for i in 0..spans.len() {
            let Some(own) = decisions[i].as_ref().map(|m| m.entry) else {
                continue;
            };
            let Some((area, listed)) = self.qualifier(text, spans, decisions, lists, i) else {
                continue;
            };
            let (own_e, area_e) = (self.kb.entry(own), self.kb.entry(area.entry));
            let qualifies = match area_e.kind {
                EntryKind::Country => own_e.kind != EntryKind::Country,
                EntryKind::Admin1 => matches!(own_e.kind, EntryKind::City | EntryKind::Admin2),
                _ => false,
            };
            if !qualifies || lies_in(own_e, area_e) {
                continue;
            }
            decisions[i] = match self.decide_among(names[i], evidence, |e| lies_in(e, area_e)) {
                Some(m) => Some(m),
                None if own_e.kind == EntryKind::City && !listed => {
                    Some(self.placed_within(&area, Some(own)))
                }
                None => continue,
            };
        }
    }

    /// A [`Self::doubted`] town that shares its name with a region or sea
    /// is the region: a bare "Pacific" or "Atlantic" is the ocean, not the
    /// small town in Missouri or Iowa the article's country drew.
    fn prefer_regions(
        &self,
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        for (i, name) in names.iter().enumerate() {
            if !decisions[i].as_ref().is_some_and(|m| self.doubted(m)) {
                continue;
            }
            if let Some(m) = self.decide_among(name, evidence, |e| e.kind == EntryKind::Region) {
                decisions[i] = Some(m);
            }
        }
    }

    /// The kind of the entry a decision chose.
    fn kind_of(&self, m: &Option<GeoMatch>) -> Option<EntryKind> {
        m.as_ref().map(|m| self.kb.entry(m.entry).kind)
    }

    /// The area named right after toponym `i` as the place it lies in, and
    /// whether the two stand in a list of three or more ("Nashville,
    /// Tennessee, Richmond, Virginia", but also "Aleppo, Idlib and Hama",
    /// where the town is not in the province, so that in a list the area
    /// only picks among the town's namesakes): the next toponym after a
    /// comma ("Paris, Idaho"), or else an abbreviation of a
    /// province after a comma ("LONDON, Ky.", "Churchill, Man.").
    fn qualifier(
        &self,
        text: &str,
        spans: &[Range<usize>],
        decisions: &[Option<GeoMatch>],
        lists: &[Range<usize>],
        i: usize,
    ) -> Option<(GeoMatch, bool)> {
        let end = spans[i].end;
        if end == 0 {
            return None;
        }
        let next = spans.get(i + 1).filter(|n| n.start >= end);
        if let Some(next) = next {
            if text.get(end..next.start) == Some(", ") {
                let listed = lists.iter().any(|l| l.contains(&i) && l.contains(&(i + 1)));
                return decisions[i + 1].clone().map(|m| (m, listed));
            }
        }
        let abbreviation = place_cues::abbreviation_after_comma(text, end)?;
        let mut areas = self
            .kb
            .place_candidates(abbreviation)
            .into_iter()
            .filter(|&a| self.kb.entry(a).kind == EntryKind::Admin1);
        match (areas.next(), areas.next()) {
            (Some(a), None) => Some((self.match_entry(a, 1.0)?, false)),
            _ => None,
        }
    }

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

    fn candidates_as_written(&self, toponym: &str) -> Vec<EntryIdx> {
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
        for d in DESIGNATIONS {
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
    fn host_candidates(&self, toponym: &str) -> Vec<EntryIdx> {
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

    /// The features of a toponym's candidates that do not depend on the
    /// article (the context features stay 0).
    fn prior_features(&self, toponym: &str) -> Candidates {
        let key = dossier_kb::normalize::key(toponym);
        let idx = self.candidates(toponym);
        // "Mexico" the town loses to Mexico the country.
        let has_country = idx
            .iter()
            .any(|&i| self.kb.entry(i).kind == EntryKind::Country);
        let mut features: Vec<Features> = idx
            .iter()
            .map(|&i| {
                let e = self.kb.entry(i);
                let mut f = [0.0; NF];
                let kind = match e.kind {
                    EntryKind::Country => 0,
                    EntryKind::Admin1 => 1,
                    EntryKind::Admin2 => 2,
                    EntryKind::City => 3,
                    EntryKind::Region => 4,
                    _ => 5,
                };
                f[kind] = 1.0;
                let lp = (e.population as f64).ln_1p() / 10.0;
                match e.kind {
                    EntryKind::City => f[6] = lp,
                    EntryKind::Admin1 | EntryKind::Admin2 => f[7] = lp,
                    _ => {}
                }
                // A province GeoNames does not code (placed at its seat)
                // has no population to weigh; it gets its own weight.
                f[17] = f64::from(u8::from(e.kind == EntryKind::Admin1 && e.population == 0));
                f[8] = f64::from(u8::from(e.capital_of.is_some()));
                // A match on the primary name beats one on an alternate name
                // (GeoNames lists old and foreign names of many towns).
                f[9] = f64::from(u8::from(dossier_kb::normalize::key(&e.name) == key));
                f
            })
            .collect();
        // The largest candidate of each kind: "Paris" is first of all the
        // Paris of France.
        for (a, &i) in idx.iter().enumerate() {
            let e = self.kb.entry(i);
            let largest = idx.iter().all(|&j| {
                let o = self.kb.entry(j);
                o.kind != e.kind || o.population <= e.population
            });
            features[a][10] = f64::from(u8::from(largest));
            features[a][11] = f64::from(u8::from(has_country && e.kind != EntryKind::Country));
        }
        Candidates { idx, features }
    }

    fn evidence(&self, context: &GeoContext) -> Evidence {
        let mut per_toponym: HashMap<String, Support> = HashMap::new();
        for t in &context.toponyms {
            let key = dossier_kb::normalize::key(t);
            if per_toponym.contains_key(&key) {
                continue;
            }
            let cands = self.prior_features(t);
            let scores: Vec<f64> = cands
                .features
                .iter()
                .map(|f| self.config.score(f))
                .collect();
            let probs = softmax(&scores);
            let mut support = Support::default();
            let mut best: Option<(f64, EntryIdx)> = None;
            for (&idx, p) in cands.idx.iter().zip(probs) {
                let e = self.kb.entry(idx);
                if let Some(cc) = &e.country {
                    *support.countries.entry(cc.clone()).or_default() += p;
                }
                if let Some(a1) = admin1_key(e) {
                    *support.admin1.entry(a1.to_string()).or_default() += p;
                }
                if best.is_none_or(|(bp, _)| p > bp) {
                    best = Some((p, idx));
                }
            }
            // One name counts once however often it is repeated (counting
            // repeats did worse on the development sets).
            for v in support
                .countries
                .values_mut()
                .chain(support.admin1.values_mut())
            {
                *v = v.min(1.0);
            }
            // Only a confident reading of another toponym places it.
            if let Some((_, i)) = best.filter(|(p, _)| *p >= 0.5) {
                let e = self.kb.entry(i);
                support.point = e.coords();
                support.kind = Some(e.kind);
                if e.kind != EntryKind::Country {
                    support.within = e
                        .country
                        .clone()
                        .map(|cc| (cc, admin1_key(e).map(str::to_string)));
                }
            }
            per_toponym.insert(key, support);
        }
        let mut countries: HashMap<String, f64> = HashMap::new();
        let mut admin1: HashMap<String, f64> = HashMap::new();
        for s in per_toponym.values() {
            for (k, v) in &s.countries {
                *countries.entry(k.clone()).or_default() += v;
            }
            for (k, v) in &s.admin1 {
                *admin1.entry(k.clone()).or_default() += v;
            }
        }
        for cc in &context.countries {
            *countries.entry(cc.clone()).or_default() += 1.0;
        }
        Evidence {
            per_toponym,
            countries,
            admin1,
            features: Default::default(),
        }
    }

    /// The candidates of a toponym with all their features, the article's
    /// evidence included.
    fn features(&self, toponym: &str, evidence: &Evidence) -> std::rc::Rc<Candidates> {
        if let Some(c) = evidence.features.borrow().get(toponym) {
            return c.clone();
        }
        let c = std::rc::Rc::new(self.features_uncached(toponym, evidence));
        evidence
            .features
            .borrow_mut()
            .insert(toponym.to_string(), c.clone());
        c
    }

    fn features_uncached(&self, toponym: &str, evidence: &Evidence) -> Candidates {
        let mut cands = self.prior_features(toponym);
        let own_key = dossier_kb::normalize::key(toponym);
        // The toponym is not evidence for itself.
        let own = evidence.per_toponym.get(&own_key);
        let mass =
            |table: &HashMap<String, f64>, own_table: Option<&HashMap<String, f64>>, k: &str| {
                let total = table.get(k).copied().unwrap_or(0.0);
                let mine = own_table.and_then(|t| t.get(k)).copied().unwrap_or(0.0);
                (total - mine).max(0.0)
            };
        let own_countries = own.map(|o| o.countries.values().sum::<f64>());
        let country_total: f64 =
            evidence.countries.values().sum::<f64>() - own_countries.unwrap_or(0.0);
        // What the article's other toponyms confidently are: their points,
        // their kinds, and the country and admin-1 area they lie in.
        let mut others: Vec<(f64, f64)> = Vec::new();
        let mut kinds: Vec<EntryKind> = Vec::new();
        let mut inside: Vec<&(String, Option<String>)> = Vec::new();
        for (_, s) in evidence.per_toponym.iter().filter(|(k, _)| **k != own_key) {
            others.extend(s.point);
            kinds.extend(s.kind);
            inside.extend(s.within.as_ref());
        }
        for (&idx, f) in cands.idx.iter().zip(cands.features.iter_mut()) {
            let e = self.kb.entry(idx);
            if let Some(cc) = &e.country {
                let m = mass(&evidence.countries, own.map(|o| &o.countries), cc);
                f[12] = m.ln_1p();
                if country_total > 0.0 {
                    f[14] = m / country_total;
                }
            }
            if let Some(a1) = admin1_key(e) {
                let m = mass(&evidence.admin1, own.map(|o| &o.admin1), a1);
                f[13] = m.ln_1p();
            }
            if let (Some(p), false) = (e.coords(), others.is_empty()) {
                let d = others
                    .iter()
                    .map(|&o| haversine_km(p, o))
                    .fold(f64::INFINITY, f64::min);
                // 1 next to another place, 0 half a world away.
                f[15] = 1.0 - d.ln_1p() / 20039f64.ln_1p();
            }
            // An area holds the places the article names in it: "Mexico"
            // next to "Guadalajara" is the country, whatever its point.
            let holds = match e.kind {
                EntryKind::Country => e
                    .country
                    .as_deref()
                    .is_some_and(|cc| inside.iter().any(|(c, _)| c == cc)),
                EntryKind::Admin1 => e
                    .admin1
                    .as_deref()
                    .is_some_and(|a1| inside.iter().any(|(_, a)| a.as_deref() == Some(a1))),
                _ => false,
            };
            f[16] = f64::from(u8::from(holds));
            // Articles list places of one kind: "Oregon, Washington and
            // Wyoming" are states.
            if !kinds.is_empty() {
                let same = kinds.iter().filter(|&&k| k == e.kind).count();
                f[18] = same as f64 / kinds.len() as f64;
            }
        }
        cands
    }

    fn decide(&self, toponym: &str, evidence: &Evidence) -> Option<GeoMatch> {
        self.decide_among(toponym, evidence, |_| true)
    }

    /// The best of the candidates that `keep` lets through; the confidence
    /// is still the share of all candidates.
    fn decide_among(
        &self,
        toponym: &str,
        evidence: &Evidence,
        keep: impl Fn(&KbEntry) -> bool,
    ) -> Option<GeoMatch> {
        let cands = self.features(toponym, evidence);
        let scores: Vec<f64> = cands
            .features
            .iter()
            .map(|f| self.config.score(f))
            .collect();
        let probs = softmax(&scores);
        let best = (0..cands.idx.len())
            .filter(|&a| keep(self.kb.entry(cands.idx[a])))
            .max_by(|&a, &b| {
                scores[a]
                    .total_cmp(&scores[b])
                    // Ties go to the larger place, then to the lower index.
                    .then_with(|| {
                        self.kb
                            .entry(cands.idx[a])
                            .population
                            .cmp(&self.kb.entry(cands.idx[b]).population)
                    })
                    .then_with(|| cands.idx[b].cmp(&cands.idx[a]))
            })?;
        // An area the KB places at its namesake town (a district with no
        // GeoNames code) is that town to the reader: "Paris" is the city.
        let best = match self.kb.entry(cands.idx[best]) {
            e if matches!(e.kind, EntryKind::Admin1 | EntryKind::Admin2) => {
                let p = e.coords()?;
                (0..cands.idx.len())
                    .find(|&a| {
                        let o = self.kb.entry(cands.idx[a]);
                        o.kind == EntryKind::City
                            && o.coords().is_some_and(|q| haversine_km(p, q) < 1.0)
                    })
                    .unwrap_or(best)
            }
            _ => best,
        };
        self.match_entry(cands.idx[best], probs[best] as f32)
    }

    /// The decision for KB entry `idx` itself, if it can be placed.
    fn match_entry(&self, idx: EntryIdx, confidence: f32) -> Option<GeoMatch> {
        let e = self.kb.entry(idx);
        let (lat, lon) = e.coords()?;
        Some(GeoMatch {
            entry: idx,
            geo: Geo {
                lat,
                lon,
                country: e.country.clone(),
                geonames_id: e.geonames_id,
                level: e.kind.geo_level()?.to_string(),
                within: None,
            },
            confidence,
            passed_over: None,
        })
    }

    /// A toponym placed at `host`'s point, as [`Self::place_unknown`] and
    /// the qualifier rule of [`Self::read_cues`] place one: `within` names
    /// the host, the confidence is half the host's.
    fn placed_within(&self, host: &GeoMatch, passed_over: Option<EntryIdx>) -> GeoMatch {
        let mut placed = host.clone();
        placed.geo.within = Some(self.kb.entry(host.entry).name.clone());
        placed.confidence = host.confidence / 2.0;
        placed.passed_over = passed_over;
        placed
    }

    /// Places the toponyms the KB does not know (`None` in `decisions`) at
    /// the place the article names nearest to them: a village, street or
    /// hospital lies, nearly always, in or by the town the reporter names
    /// beside it ("the Kibera slum of Nairobi", "Frenchmen Street ... New
    /// Orleans"). `at[i]` is toponym `i`'s sentence and where it begins in
    /// the text (any offset unit, increasing). A host must be a place the
    /// KB resolved itself, and not a [`Self::doubted`] town. One in the
    /// same sentence comes first ("near Boulkessi in Mali"), then the
    /// nearest in the text; among them a city or area below a country
    /// comes before a country, and a region (Europe, the Sahel) never
    /// hosts. The result records the host in [`Geo::within`], the entry it
    /// passed over (if any) in [`GeoMatch::passed_over`], and carries half
    /// the host's confidence. A country or province host gives way to the
    /// town the article names in it, the nearest first: the islands off
    /// Auckland are placed at Auckland, not at New Zealand's point.
    ///
    /// A doubted town whose host is a province or county of the same
    /// country that the town is not in is taken for a homonym the KB lacks
    /// and placed the same way: "London, Ark." is not the London in
    /// Kentucky, but a village in Arkansas below the KB's 5,000 people.
    ///
    /// Chosen on the development sets: the nearest such place in the text
    /// did better than the next one, the previous one, or the one the
    /// article names most; preferring a city to a province, or letting a
    /// country named nearer win, did no better. Putting the sentence first
    /// scored the same (one toponym in a thousand fewer on GeoVirus) and
    /// follows what the text says. Re-placing doubted towns at a province
    /// of their country they are not in raised TR-News from 0.940 to 0.946
    /// (GeoVirus unchanged); re-placing any doubted town far from its host,
    /// or one whose country the article does not name, gained less. Giving
    /// a country or province host's place to a town named in it raised
    /// TR-News from 0.950 to 0.951 and GeoVirus from 0.906 to 0.907.
    pub fn place_unknown(&self, decisions: &mut [Option<GeoMatch>], at: &[(usize, usize)]) {
        debug_assert_eq!(decisions.len(), at.len());
        let rank = |m: &GeoMatch| match m.geo.level.as_str() {
            "country" => Some(1),
            "region" => None,
            _ => Some(0),
        };
        let hosts: Vec<(usize, usize)> = decisions
            .iter()
            .enumerate()
            .filter_map(|(j, m)| {
                let m = m.as_ref().filter(|m| !self.doubted(m))?;
                Some((j, rank(m)?))
            })
            .collect();
        // The provinces that hold a place the article names for sure: a
        // doubted town in one of them ("Frankfort" beside "Laurel County",
        // Kentucky) is not taken for a homonym.
        let held: Vec<(usize, &str)> = hosts
            .iter()
            .filter_map(|&(j, _)| {
                let e = self.kb.entry(decisions[j].as_ref()?.entry);
                Some((j, admin1_key(e)?))
            })
            .collect();
        // How many sure places each province holds, and which province each
        // sure place gives, so that `province_named` is a lookup.
        let mut n_held: HashMap<&str, usize> = HashMap::new();
        let mut held_by: HashMap<usize, &str> = HashMap::new();
        for &(j, a) in &held {
            *n_held.entry(a).or_default() += 1;
            held_by.insert(j, a);
        }
        let province_named = |m: &GeoMatch, i: usize| {
            let Some(own) = admin1_key(self.kb.entry(m.entry)) else {
                return false;
            };
            let n = n_held.get(own).copied().unwrap_or(0);
            n > usize::from(held_by.get(&i) == Some(&own))
        };
        // The hosts never change in the loop below (a sure place is never
        // redecided), so the nearest one is found by binary search over
        // hosts in text order instead of by a scan of all of them, which
        // made a long document cost its toponyms squared.
        let by_rank: [Vec<usize>; 2] =
            [0, 1].map(|r| hosts.iter().filter(|h| h.1 == r).map(|h| h.0).collect());
        let rank_of: HashMap<usize, usize> = hosts.iter().copied().collect();
        let mut cities_in: HashMap<EntryIdx, Vec<usize>> = HashMap::new();
        let city_hosts: Vec<usize> = hosts
            .iter()
            .filter(|&&(j, _)| {
                decisions[j]
                    .as_ref()
                    .is_some_and(|m| self.kb.entry(m.entry).kind == EntryKind::City)
            })
            .map(|&(j, _)| j)
            .collect();
        let all_hosts: Vec<usize> = hosts.iter().map(|h| h.0).collect();
        for i in 0..decisions.len() {
            let start = at[i].1;
            let nearest = nearest_host(&all_hosts, at, i, |same| {
                // In the same sentence the rank decides first; elsewhere
                // the best rank that has any host, then the distance.
                if same.is_empty() {
                    by_rank.iter().find_map(|list| nearest_in_text(list, at, i))
                } else {
                    same.iter()
                        .copied()
                        .filter(|&j| j != i)
                        .min_by_key(|&j| (rank_of[&j], at[j].1.abs_diff(start), j))
                }
            });
            let Some(host) = nearest.and_then(|j| decisions[j].as_ref()) else {
                continue;
            };
            let passed_over = match &decisions[i] {
                None => None,
                Some(m)
                    if self.doubted(m)
                        && self.outside_province(m, host)
                        && !province_named(m, i) =>
                {
                    Some(m.entry)
                }
                Some(_) => continue,
            };
            // A country or province host gives way to the town the
            // article names in it, nearest first: the islands of
            // "Rangitoto ... Auckland ... New Zealand" lie by Auckland,
            // not at New Zealand's point.
            let area = self.kb.entry(host.entry);
            let towns = cities_in.entry(host.entry).or_insert_with(|| {
                city_hosts
                    .iter()
                    .copied()
                    .filter(|&j| {
                        decisions[j]
                            .as_ref()
                            .is_some_and(|m| holds(area, self.kb.entry(m.entry)))
                    })
                    .collect()
            });
            let town = nearest_host(towns, at, i, |same| {
                if same.is_empty() {
                    nearest_in_text(towns, at, i)
                } else {
                    same.iter()
                        .copied()
                        .filter(|&j| j != i)
                        .min_by_key(|&j| (at[j].1.abs_diff(start), j))
                }
            });
            let host = town.and_then(|j| decisions[j].as_ref()).unwrap_or(host);
            decisions[i] = Some(self.placed_within(host, passed_over));
        }
    }

    /// A town below [`DOUBTED_POPULATION`] that the ranker chose with less
    /// than [`DOUBTED_CONFIDENCE`]: often not the place meant but the only
    /// one of that name the KB holds.
    fn doubted(&self, m: &GeoMatch) -> bool {
        let e = self.kb.entry(m.entry);
        e.kind == EntryKind::City
            && e.population < DOUBTED_POPULATION
            && m.confidence < DOUBTED_CONFIDENCE
    }

    /// Whether `host` is a province or county of `m`'s country that `m`'s
    /// place is not in.
    fn outside_province(&self, m: &GeoMatch, host: &GeoMatch) -> bool {
        let (town, host) = (self.kb.entry(m.entry), self.kb.entry(host.entry));
        matches!(host.kind, EntryKind::Admin1 | EntryKind::Admin2)
            && host.country == town.country
            && host.admin1 != town.admin1
    }

    /// Fits the ranker's weights on articles with gold points: for each
    /// toponym whose candidates include one within 161 km of the gold point,
    /// the nearest such candidate is the answer. Full-batch gradient ascent
    /// on the conditional log-likelihood with an L2 penalty; deterministic.
    /// The context features are computed with the current weights'
    /// priors, so a second round (fit again with the result) refines them.
    #[cfg(feature = "eval")]
    pub fn fit(&self, articles: &[Labelled]) -> GeoConfig {
        let mut data: Vec<(Vec<Features>, usize)> = Vec::new();
        for (names, golds) in articles {
            let context = GeoContext {
                toponyms: names.clone(),
                countries: Vec::new(),
            };
            let evidence = self.evidence(&context);
            for (name, gold) in names.iter().zip(golds) {
                let Some(gold) = *gold else { continue };
                let cands = self.features(name, &evidence);
                if cands.idx.len() < 2 {
                    continue;
                }
                let nearest = cands
                    .idx
                    .iter()
                    .enumerate()
                    .filter_map(|(a, &i)| Some((a, haversine_km(gold, self.kb.entry(i).coords()?))))
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                if let Some((a, d)) = nearest {
                    if d < 161.0 {
                        data.push((cands.features.clone(), a));
                    }
                }
            }
        }
        // The problem is convex: the start only saves iterations.
        let mut w = self.config.weights;
        let (rate, l2) = (0.5, 1e-3);
        let n = data.len().max(1) as f64;
        for _ in 0..1000 {
            let mut grad = [0.0; NF];
            for (feats, gold) in &data {
                let scores: Vec<f64> = feats
                    .iter()
                    .map(|f| w.iter().zip(f).map(|(a, b)| a * b).sum())
                    .collect();
                let probs = softmax(&scores);
                for (a, (f, p)) in feats.iter().zip(probs).enumerate() {
                    let y = f64::from(u8::from(a == *gold));
                    for k in 0..NF {
                        grad[k] += (y - p) * f[k];
                    }
                }
            }
            for k in 0..NF {
                w[k] += rate * (grad[k] / n - l2 * w[k]);
            }
        }
        GeoConfig { weights: w }
    }
}

/// `word` with its first letter upper case ("saint" -> "Saint").
fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// `name` with its abbreviations spelled out ("St Marc", "St. Marc" ->
/// "Saint Marc"; a last "Co." is "County"), and with the long forms
/// abbreviated ("Saint Bernard Parish" -> "St. Bernard Parish"): the
/// variants that differ from `name`.
fn abbreviation_variants(name: &str) -> Vec<String> {
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

/// The host nearest toponym `i` among `list` (indices in text order into
/// `at`, which is in text order): those in `i`'s sentence, other than `i`,
/// are given to `choose` when there are any; otherwise `choose` gets an
/// empty slice and picks among the others.
fn nearest_host(
    list: &[usize],
    at: &[(usize, usize)],
    i: usize,
    choose: impl FnOnce(&[usize]) -> Option<usize>,
) -> Option<usize> {
    let sentence = at[i].0;
    let lo = list.partition_point(|&j| at[j].0 < sentence);
    let hi = list.partition_point(|&j| at[j].0 <= sentence);
    let same = &list[lo..hi];
    if same.iter().any(|&j| j != i) {
        choose(same)
    } else {
        choose(&[])
    }
}

/// The entry of `list` (in text order) nearest toponym `i` in the text,
/// `i` itself left out; of two as near, the earlier.
fn nearest_in_text(list: &[usize], at: &[(usize, usize)], i: usize) -> Option<usize> {
    let start = at[i].1;
    let p = list.partition_point(|&j| at[j].1 < start);
    // The nearest before: the last one before `p`, and the earliest of
    // those at the same place.
    let mut left = (0..p).rev().find(|&k| list[k] != i);
    if let Some(mut k) = left {
        while k > 0 && at[list[k - 1]].1 == at[list[k]].1 && list[k - 1] != i {
            k -= 1;
        }
        left = Some(k);
    }
    let right = (p..list.len()).find(|&k| list[k] != i);
    [left, right]
        .into_iter()
        .flatten()
        .map(|k| list[k])
        .min_by_key(|&j| (at[j].1.abs_diff(start), j))
}

/// Countries whose place names [`arabic_article_variants`] applies to.
const ARABIC_SPEAKING: [&str; 22] = [
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN",
];

/// Arabic place names as gazetteers and news write them differently: with
/// or without the article ("Qamishli" is GeoNames' "Al Qāmishlī", "al-Bab"
/// its "Al Bāb"), and "Tal" or "Tel" (hill) as GeoNames' "Tall" ("Tal
/// Afar", "Tall ‘Afar"). The variants that differ from `name`.
fn arabic_article_variants(name: &str) -> Vec<String> {
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
fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(suffix.len())?;
    let tail = name.get(cut..)?;
    (cut >= 2 && tail.eq_ignore_ascii_case(suffix)).then(|| &name[..cut])
}

/// Great-circle distance in km between two `(lat, lon)` points.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// The admin-1 area a place lies in (an admin-1 area lies in itself).
fn admin1_key(e: &KbEntry) -> Option<&str> {
    match e.kind {
        EntryKind::City | EntryKind::Admin1 | EntryKind::Admin2 => e.admin1.as_deref(),
        _ => None,
    }
}

#[derive(Default)]
struct Support {
    countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
    /// Where the toponym confidently is, before context.
    point: Option<(f64, f64)>,
    /// The country and admin-1 key of that reading, unless it is a
    /// country itself.
    within: Option<(String, Option<String>)>,
    /// The kind of that reading.
    kind: Option<EntryKind>,
}

struct Evidence {
    per_toponym: HashMap<String, Support>,
    countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
    /// The candidates and features of each toponym name met so far
    /// ([`Geocoder::features`] depends on the name and this evidence only):
    /// computed once per name, not once per mention, which made a long
    /// document cost its mentions times its distinct place names.
    features: std::cell::RefCell<HashMap<String, std::rc::Rc<Candidates>>>,
}

/// The most common kind in `kinds` and how often it occurs (ties go to
/// the first seen).
fn majority(kinds: &[EntryKind]) -> Option<(EntryKind, usize)> {
    let mut best: Option<(EntryKind, usize)> = None;
    for &k in kinds {
        let n = kinds.iter().filter(|&&o| o == k).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    best
}

/// Whether `place` lies in `area` as far as the KB can tell: [`holds`],
/// or, for a province, in the same country and within
/// [`NEAR_PROVINCE_KM`] of its point (the curated provinces of some
/// countries, "Essex", "East Java", carry other codes than GeoNames gives
/// their towns).
fn lies_in(place: &KbEntry, area: &KbEntry) -> bool {
    holds(area, place)
        || (area.kind == EntryKind::Admin1
            && place.kind != EntryKind::Country
            && area.country.is_some()
            && area.country == place.country
            && match (area.coords(), place.coords()) {
                (Some(a), Some(p)) => haversine_km(a, p) < NEAR_PROVINCE_KM,
                _ => false,
            })
}

/// How near a province's point a town of its country must be to count as
/// in it when their codes disagree.
const NEAR_PROVINCE_KM: f64 = 150.0;

/// Whether `area` (a country or an admin-1 area) holds `place`.
fn holds(area: &KbEntry, place: &KbEntry) -> bool {
    area.country.is_some()
        && area.country == place.country
        && match area.kind {
            EntryKind::Country => place.kind != EntryKind::Country,
            EntryKind::Admin1 => {
                matches!(place.kind, EntryKind::City | EntryKind::Admin2)
                    && area.admin1.is_some()
                    && area.admin1 == place.admin1
            }
            _ => false,
        }
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|x| x / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};
    use std::sync::OnceLock;

    fn kb() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| Kb::embedded().expect("the embedded KB parses"))
    }

    /// Geocodes `toponym` among `context` (the article's toponyms) and renders
    /// `name -> CC level (lat, lon)`.
    fn check(toponym: &str, context: &[&str], expect: Expect) {
        let geocoder = Geocoder::new(kb());
        let ctx = GeoContext::from_toponyms(context.iter().chain([&toponym]));
        let actual = match geocoder.geocode(toponym, &ctx) {
            Some(m) => format!(
                "{} -> {} {} ({:.2}, {:.2})",
                kb().entry(m.entry).name,
                m.geo.country.as_deref().unwrap_or("-"),
                m.geo.level,
                m.geo.lat,
                m.geo.lon
            ),
            None => "None".to_string(),
        };
        expect.assert_eq(&actual);
    }

    /// Geocodes the toponyms marked `[Name]` in `input` (a new sentence
    /// after each ". ") with [`Geocoder::geocode_text`] and renders one line
    /// per toponym.
    fn check_placed(input: &str, expect: Expect) {
        let geocoder = Geocoder::new(kb());
        let mut text = String::new();
        let mut marks: Vec<(Range<usize>, usize)> = Vec::new();
        let (mut open, mut sentence) = (0, 0);
        for c in input.chars() {
            match c {
                '[' => open = text.len(),
                ']' => marks.push((open..text.len(), sentence)),
                _ => text.push(c),
            }
            if text.ends_with(". ") && c == ' ' {
                sentence += 1;
            }
        }
        let toponyms: Vec<TextToponym> = marks
            .iter()
            .map(|(span, sentence)| TextToponym {
                name: &text[span.clone()],
                span: span.clone(),
                sentence: *sentence,
            })
            .collect();
        let decisions = geocoder.geocode_text(&text, &toponyms, &[]);
        let toponyms: Vec<&str> = toponyms.iter().map(|t| t.name).collect();
        let mut actual = String::new();
        for (t, m) in toponyms.iter().zip(&decisions) {
            let line = match m {
                Some(m) => format!(
                    "{t} -> {} {} {}{}{}\n",
                    kb().entry(m.entry).name,
                    // A town's or county's province, else the country.
                    admin1_key(kb().entry(m.entry))
                        .filter(|_| m.geo.within.is_none())
                        .or(m.geo.country.as_deref())
                        .unwrap_or("-"),
                    m.geo.level,
                    m.geo
                        .within
                        .as_ref()
                        .map_or(String::new(), |w| format!(" within {w}")),
                    m.passed_over.map_or(String::new(), |p| format!(
                        " passing over {} ({})",
                        kb().entry(p).name,
                        kb().entry(p).admin1.as_deref().unwrap_or("-")
                    )),
                ),
                None => format!("{t} -> None\n"),
            };
            actual.push_str(&line);
        }
        expect.assert_eq(&actual);
    }

    #[test]
    fn unknown_village_is_placed_in_the_country_beside_it() {
        check_placed(
            "An attack near [Boulkessi] in [Mali] on Sunday.",
            expect![[r#"
                Boulkessi -> Mali ML country within Mali
                Mali -> Mali ML country
            "#]],
        );
    }

    #[test]
    fn words_around_a_name_and_lists_decide_its_kind() {
        check_placed(
            "A cow from a [Washington] state farm.",
            expect![[r#"
                Washington -> Washington State US.WA admin1
            "#]],
        );
        check_placed(
            "A nurse in [Washington] fell ill.",
            expect![[r#"
                Washington -> Washington US.DC city
            "#]],
        );
        check_placed(
            "Cases in [Oregon], [Utah], [Washington] and [Wyoming] rose.",
            expect![[r#"
                Oregon -> Oregon US.OR admin1
                Utah -> Utah US.UT admin1
                Washington -> Washington State US.WA admin1
                Wyoming -> Wyoming US.WY admin1
            "#]],
        );
        check_placed(
            "Flights from [Buffalo], [New York], [Chicago] and [Boston] stopped.",
            expect![[r#"
                Buffalo -> Buffalo US.NY city
                New York -> New York State US.NY admin1
                Chicago -> Chicago US.IL city
                Boston -> Boston US.MA city
            "#]],
        );
    }

    #[test]
    fn a_town_lies_in_the_area_named_after_its_comma() {
        check_placed(
            "He is originally from [Paris], [Idaho], and lives in Boise.",
            expect![[r#"
                Paris -> Idaho US admin1 within Idaho passing over Paris (US.TX)
                Idaho -> Idaho US.ID admin1
            "#]],
        );
        check_placed(
            "[LOUISVILLE], KY--(Marketwire) - A firm",
            expect![[r#"
                LOUISVILLE -> Louisville US.KY city
            "#]],
        );
        check_placed(
            "[LONDON], Ky. (AP) - Police said",
            expect![[r#"
                LONDON -> London US.KY city
            "#]],
        );
        check_placed(
            "A crash near [Ipswich], [Suffolk].",
            expect![[r#"
                Ipswich -> Ipswich GB.ENG city
                Suffolk -> Suffolk GB admin1
            "#]],
        );
        check_placed(
            "Protests in [London], [Paris] and [Berlin] grew.",
            expect![[r#"
                London -> London GB.ENG city
                Paris -> Paris FR.11 city
                Berlin -> Berlin DE.16 city
            "#]],
        );
    }

    #[test]
    fn a_doubted_town_named_like_a_sea_is_the_sea() {
        check_placed(
            "Boats from [Texas] crossed the [Pacific] in May.",
            expect![[r#"
                Texas -> Texas US.TX admin1
                Pacific -> Pacific Ocean - region
            "#]],
        );
    }

    #[test]
    fn in_a_list_a_province_only_picks_among_namesakes() {
        check_placed(
            "Offices in [Nashville], [Tennessee], [Richmond], [Virginia], and [Orlando], [Florida] closed.",
            expect![[r#"
                Nashville -> Nashville US.TN city
                Tennessee -> Tennessee US.TN admin1
                Richmond -> Richmond US.VA city
                Virginia -> Virginia US.VA admin1
                Orlando -> Orlando US.FL city
                Florida -> Florida US.FL admin1
            "#]],
        );
        check_placed(
            "Shelling hit [Aleppo], [Idlib] and [Hama] overnight.",
            expect![[r#"
                Aleppo -> Aleppo SY.09 admin1
                Idlib -> Idlib SY.12 admin1
                Hama -> Hama SY.10 admin1
            "#]],
        );
    }

    #[test]
    fn doubted_town_outside_the_province_named_is_a_homonym() {
        // No Hinton of the KB is in Nebraska.
        check_placed(
            "A fire in [Hinton] in [Nebraska] on Monday.",
            expect![[r#"
                Hinton -> Nebraska US admin1 within Nebraska passing over Hinton (US.OK)
                Nebraska -> Nebraska US.NE admin1
            "#]],
        );
        // The KB holds Hintons of 500 people or more, in Iowa among others.
        check_placed(
            "A fire in [Hinton] in [Iowa] on Monday.",
            expect![[r#"
                Hinton -> Hinton US.IA city
                Iowa -> Iowa US.IA admin1
            "#]],
        );
        check_placed(
            "A fire in [Hinton] in [Oklahoma] on Monday.",
            expect![[r#"
                Hinton -> Hinton US.OK city
                Oklahoma -> Oklahoma US.OK admin1
            "#]],
        );
    }

    #[test]
    fn a_city_beats_a_district_known_only_from_geonames_area_names() {
        // GeoNames also names a council "Town of Cambridge" near Perth.
        check(
            "Cambridge",
            &[],
            expect!["Cambridge -> GB city (52.20, 0.12)"],
        );
    }

    #[test]
    fn capital_city_is_placed() {
        check("Moscow", &[], expect!["Moscow -> RU city (55.75, 37.62)"]);
    }

    #[test]
    fn pakistani_city_goes_to_pakistan() {
        check(
            "Peshawar",
            &["Kabul"],
            expect!["Peshawar -> PK city (34.01, 71.58)"],
        );
    }

    #[test]
    fn georgia_next_to_atlanta_is_the_us_state() {
        check(
            "Georgia",
            &["Atlanta"],
            expect!["Georgia -> US admin1 (32.75, -83.50)"],
        );
    }

    #[test]
    fn georgia_next_to_tbilisi_is_the_country() {
        check(
            "Georgia",
            &["Tbilisi"],
            expect!["Georgia -> GE country (42.00, 43.50)"],
        );
    }

    #[test]
    fn georgia_alone_is_the_country() {
        check(
            "Georgia",
            &[],
            expect!["Georgia -> GE country (42.00, 43.50)"],
        );
    }

    #[test]
    fn unknown_place_is_not_guessed() {
        check("Qwertzuiopville", &["Moscow"], expect!["None"]);
    }

    #[test]
    fn demonym_stands_for_its_country() {
        check(
            "Pakistani",
            &[],
            expect!["Pakistan -> PK country (30.00, 70.00)"],
        );
        // A US state's and a region's demonyms stand for them too.
        check("Texans", &[], expect!["Texas -> US admin1 (31.25, -99.25)"]);
        check(
            "West African",
            &[],
            expect!["West Africa -> - region (12.00, -3.00)"],
        );
        // Short forms, and the Soviet Union.
        check(
            "N. Korea",
            &[],
            expect!["North Korea -> KP country (40.00, 127.00)"],
        );
        check(
            "ACT",
            &["Canberra"],
            expect!["Australian Capital Territory -> AU admin1 (-35.49, 149.00)"],
        );
        check(
            "Basque",
            &[],
            expect!["Basque Country -> ES admin1 (42.96, -2.61)"],
        );
        check(
            "Soviet Union",
            &[],
            expect!["Soviet Union -> - region (60.00, 95.00)"],
        );
        // Demonyms of provinces, homelands and cities.
        check(
            "Catalan",
            &[],
            expect!["Catalonia -> ES admin1 (41.68, 1.76)"],
        );
        check(
            "Kurds",
            &[],
            expect!["Kurdistan -> - region (37.00, 43.50)"],
        );
        check(
            "Londoners",
            &[],
            expect!["London -> GB city (51.51, -0.13)"],
        );
    }

    #[test]
    fn british_and_irish_counties_and_boroughs() {
        check(
            "Yorkshire",
            &[],
            expect!["Yorkshire -> GB region (54.00, -1.50)"],
        );
        check(
            "Co. Clare",
            &[],
            expect!["Clare -> IE admin1 (52.85, -9.00)"],
        );
        check(
            "Haringey",
            &["London"],
            expect!["Haringey -> GB admin1 (51.59, -0.11)"],
        );
    }

    #[test]
    fn short_former_and_abbreviated_names() {
        check(
            "NYC",
            &[],
            expect!["New York City -> US city (40.71, -74.01)"],
        );
        check(
            "NZ",
            &[],
            expect!["New Zealand -> NZ country (-42.00, 174.00)"],
        );
        check(
            "Ceylon",
            &[],
            expect!["Sri Lanka -> LK country (7.00, 81.00)"],
        );
        // Chongqing is also "Pa"; "Pa." with its period is Pennsylvania.
        check(
            "Pa.",
            &[],
            expect!["Pennsylvania -> US admin1 (40.75, -77.75)"],
        );
    }

    #[test]
    fn arabic_names_are_found_with_or_without_the_article() {
        check(
            "Qamishli",
            &[],
            expect!["Al Qāmishlī -> SY city (37.05, 41.23)"],
        );
        check(
            "al-Bab",
            &["Aleppo"],
            expect!["Al Bāb -> SY city (36.37, 37.52)"],
        );
        check(
            "Tal Afar",
            &["Mosul"],
            expect!["Tall ‘Afar -> IQ city (36.38, 42.45)"],
        );
    }

    #[test]
    fn landmarks_seas_and_rivers_are_not_villages_of_their_name() {
        check(
            "Thames",
            &[],
            expect!["River Thames -> GB region (51.50, -0.60)"],
        );
        check(
            "Baltic",
            &[],
            expect!["Baltic Sea -> - region (58.00, 20.00)"],
        );
        check(
            "Pearl Harbor",
            &[],
            expect!["Pearl Harbor -> US facility (21.36, -157.95)"],
        );
        check(
            "Ghouta",
            &["Damascus"],
            expect!["Eastern Ghouta -> SY region (33.55, 36.40)"],
        );
    }

    #[test]
    fn province_with_designation_is_found() {
        check(
            "Kunar province",
            &["Jalalabad"],
            expect!["Kunar -> AF admin1 (34.92, 71.14)"],
        );
    }

    #[test]
    fn part_of_a_place_is_placed_in_it() {
        check(
            "North London",
            &["Camden"],
            expect!["London -> GB city (51.51, -0.13)"],
        );
        check(
            "Upper İzmir",
            &[],
            expect!["İzmir -> TR city (38.41, 27.14)"],
        );
        check(
            "Ürümqi Area",
            &[],
            expect!["Ürümqi -> CN city (43.80, 87.60)"],
        );
    }

    #[test]
    fn county_goes_to_the_state_named_nearby() {
        check(
            "Dallas County",
            &["Texas"],
            expect!["Dallas County -> US admin2 (32.76, -96.78)"],
        );
    }

    #[test]
    fn facility_stands_at_the_place_it_is_named_after() {
        check(
            "Kabul International Airport",
            &["Afghanistan"],
            expect!["Hamid Karzai International Airport -> AF facility (34.57, 69.21)"],
        );
        check(
            "Port of Mombasa",
            &["Kenya"],
            expect!["Mombasa -> KE city (-4.05, 39.66)"],
        );
        check(
            "Vancouver Art Gallery",
            &["Canada"],
            expect!["Vancouver -> CA city (49.25, -123.12)"],
        );
        // Streets carry names of places elsewhere; saints' names are
        // villages' names too.
        check("Washington Street", &["Boston"], expect!["None"]);
        check("St. Michael's Hospital", &["Toronto"], expect!["None"]);
    }

    #[test]
    fn misspelt_country_is_found_but_no_village_is_guessed() {
        check(
            "Mauritious",
            &[],
            expect!["Mauritius -> MU country (-20.00, 57.69)"],
        );
        check("Kampungu", &["Congo"], expect!["None"]);
    }

    #[test]
    fn areas_geonames_knows_outside_iso_3166_2() {
        check(
            "North Sumatra",
            &["Medan"],
            expect!["North Sumatra -> ID admin1 (2.31, 98.96)"],
        );
        check(
            "Somme",
            &["France"],
            expect!["Somme -> FR admin1 (49.99, 2.26)"],
        );
        check(
            "Fraser Valley",
            &["British Columbia"],
            expect!["Fraser Valley -> CA admin2 (49.24, -122.51)"],
        );
    }

    #[test]
    fn province_known_by_its_short_name() {
        check(
            "Hunan",
            &["Changsha"],
            expect!["Hunan -> CN admin1 (27.50, 111.53)"],
        );
    }

    #[test]
    fn small_town_is_placed() {
        // A lakeside village of a few hundred people in Ontario: in the KB
        // through GeoNames' towns of 500 (and GeoNames' population figure).
        check(
            "Tobermory",
            &["Ontario"],
            expect!["Tobermory -> CA city (45.25, -81.67)"],
        );
    }

    #[test]
    fn village_gives_way_to_the_area_of_its_name() {
        // England, Arkansas and China, Maine are in the KB; next to a
        // town of their state they still lose to the country.
        check(
            "England",
            &["Little Rock"],
            expect!["England -> GB admin1 (52.50, -1.50)"],
        );
        check(
            "China",
            &["Augusta", "Maine"],
            expect!["China -> CN country (35.00, 104.00)"],
        );
        // Mali is also a prefecture of Guinea that GeoNames does not code.
        check(
            "Mali",
            &["Guinea", "Conakry"],
            expect!["Mali -> ML country (17.00, -4.00)"],
        );
    }

    #[test]
    fn airport_and_landmark_are_facilities() {
        check(
            "Heathrow",
            &["London"],
            expect!["Heathrow Airport -> GB facility (51.47, -0.45)"],
        );
        check(
            "Champs-Elysees",
            &["Paris"],
            expect!["Champs-Élysées -> FR facility (48.87, 2.31)"],
        );
    }

    #[test]
    fn province_named_only_by_geonames_areas_is_placed() {
        // A Philippine province is an ISO second-level area with no GeoNames
        // code: its point comes from the towns GeoNames files under it.
        check(
            "Pangasinan",
            &["Luzon"],
            expect!["Pangasinan -> PH admin1 (16.09, 120.30)"],
        );
    }

    #[test]
    fn abbreviated_names_are_spelled_out() {
        check(
            "St. Marc",
            &["Haiti"],
            expect!["Saint-Marc -> HT city (19.11, -72.70)"],
        );
        check(
            "PLYMOUTH CO.",
            &["Iowa"],
            expect!["Plymouth County -> US admin2 (42.71, -96.26)"],
        );
        check(
            "Saint Bernard Parish",
            &["Louisiana"],
            expect!["St. Bernard Parish -> US admin2 (29.91, -89.95)"],
        );
    }

    #[test]
    fn former_province_is_placed() {
        check(
            "Rift Valley Province",
            &["Nakuru"],
            expect!["Rift Valley Province -> KE admin1 (0.50, 36.00)"],
        );
    }

    #[test]
    fn weights_round_trip_through_text() {
        let shipped = GeoConfig::default();
        assert_ne!(shipped.weights, [0.0; NF], "models/geo.tsv parses");
        let again = GeoConfig::parse(&shipped.to_tsv()).unwrap();
        for (a, b) in shipped.weights.iter().zip(again.weights) {
            assert!((a - b).abs() < 1e-4);
        }
        assert_eq!(GeoConfig::parse("no_such_feature\t1"), None);
    }

    #[test]
    fn ambiguous_town_follows_the_state_named_nearby() {
        check(
            "Paris",
            &["Texas", "Dallas"],
            expect!["Paris -> US city (33.66, -95.56)"],
        );
        check(
            "Paris",
            &["Lyon"],
            expect!["Paris -> FR city (48.85, 2.35)"],
        );
    }
}
