//! Geocoding: a toponym and the article around it become a point on the map.
//!
//! Every toponym's candidates come from [`Kb::place_candidates`] (countries,
//! admin-1 areas, GeoNames cities, regions, facilities; a demonym stands for
//! its country). Each candidate gets a prior from its feature type and
//! population, and evidence from the rest of the article: the countries and
//! admin-1 areas that the article's other toponyms probably lie in. So
//! "Georgia" next to "Atlanta" is the US state, next to "Tbilisi" the
//! country, and alone the country (a country outranks a province, which
//! outranks all but the largest cities). A name the KB does not know gives
//! `None`: nothing is guessed at (0, 0).
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

/// One geocoding decision.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoMatch {
    pub entry: EntryIdx,
    pub geo: Geo,
    /// The chosen candidate's share of the candidates' probability, 0..1.
    pub confidence: f32,
}

/// Weights of the scoring; the defaults are set by reasoning about feature
/// types (see [`Geocoder::prior`]), not fitted to an evaluation set.
#[derive(Clone, Debug)]
pub struct GeoConfig {
    /// Weight of `ln(1 + mass)` of the article's evidence for a country.
    pub country_weight: f64,
    /// Weight of `ln(1 + mass)` of the evidence for an admin-1 area.
    pub admin1_weight: f64,
}

impl Default for GeoConfig {
    fn default() -> GeoConfig {
        GeoConfig {
            country_weight: 2.0,
            admin1_weight: 2.0,
        }
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

    /// Places one toponym in the context of its article.
    pub fn geocode(&self, toponym: &str, context: &GeoContext) -> Option<GeoMatch> {
        let evidence = self.evidence(context);
        self.decide(toponym, &evidence)
    }

    /// Places every toponym of one article, computing the article's
    /// evidence once. `toponyms[i]` gets `result[i]`.
    pub fn geocode_all<S: AsRef<str>>(
        &self,
        toponyms: &[S],
        countries: &[String],
    ) -> Vec<Option<GeoMatch>> {
        let context = GeoContext {
            toponyms: toponyms.iter().map(|s| s.as_ref().to_string()).collect(),
            countries: countries.to_vec(),
        };
        let evidence = self.evidence(&context);
        toponyms
            .iter()
            .map(|t| self.decide(t.as_ref(), &evidence))
            .collect()
    }

    /// The candidates of a toponym, retrying without a trailing designation
    /// ("Kunar province", "Orange County") when the full name is unknown.
    pub fn candidates(&self, toponym: &str) -> Vec<EntryIdx> {
        let found = self.kb.place_candidates(toponym);
        if !found.is_empty() {
            return found;
        }
        let lower = toponym.to_lowercase();
        for d in DESIGNATIONS {
            if lower.ends_with(d) && lower.len() > d.len() + 1 {
                // The designation is ASCII, so the byte cut is on a boundary.
                let found = self
                    .kb
                    .place_candidates(&toponym[..toponym.len() - d.len()]);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// How likely a candidate is before the article is read: countries,
    /// then provinces and regions, then cities by population. A city of
    /// several million outranks the province of the same name ("New York"
    /// is the city); no city outranks a country ("Mexico" is the country).
    pub fn prior(&self, e: &KbEntry) -> f64 {
        let p = (e.population.max(1) as f64).log10();
        match e.kind {
            EntryKind::Country => 6.0,
            EntryKind::Admin1 => 0.5 + 0.5 * p.min(7.0),
            EntryKind::Region => 4.0,
            EntryKind::Facility => 3.0,
            // A national capital is named far more often than its size says
            // ("Washington", "Paris").
            EntryKind::City => 0.6 * p + if e.capital_of.is_some() { 1.5 } else { 0.0 },
            _ => 0.0,
        }
    }

    fn scored(&self, toponym: &str) -> Vec<(EntryIdx, f64)> {
        let key = dossier_kb::normalize::key(toponym);
        self.candidates(toponym)
            .into_iter()
            .map(|idx| {
                let e = self.kb.entry(idx);
                // A match on the primary name beats one on an alternate name
                // (GeoNames lists old and foreign names of many towns).
                let primary = if dossier_kb::normalize::key(&e.name) == key {
                    0.5
                } else {
                    0.0
                };
                (idx, self.prior(e) + primary)
            })
            .collect()
    }

    fn evidence(&self, context: &GeoContext) -> Evidence {
        let mut per_toponym: HashMap<String, Support> = HashMap::new();
        for t in &context.toponyms {
            let key = dossier_kb::normalize::key(t);
            if per_toponym.contains_key(&key) {
                continue;
            }
            let scored = self.scored(t);
            let probs = softmax(&scored);
            let mut support = Support::default();
            for (&(idx, _), p) in scored.iter().zip(probs) {
                let e = self.kb.entry(idx);
                if let Some(cc) = &e.country {
                    *support.countries.entry(cc.clone()).or_default() += p;
                }
                if let Some(a1) = admin1_key(e) {
                    *support.admin1.entry(a1.to_string()).or_default() += p;
                }
            }
            per_toponym.insert(key, support);
        }
        let mut countries: HashMap<String, f64> = HashMap::new();
        let mut admin1: HashMap<String, f64> = HashMap::new();
        for s in per_toponym.values() {
            for (k, v) in &s.countries {
                *countries.entry(k.clone()).or_default() += v.min(1.0);
            }
            for (k, v) in &s.admin1 {
                *admin1.entry(k.clone()).or_default() += v.min(1.0);
            }
        }
        for cc in &context.countries {
            *countries.entry(cc.clone()).or_default() += 1.0;
        }
        Evidence {
            per_toponym,
            countries,
            admin1,
        }
    }

    fn decide(&self, toponym: &str, evidence: &Evidence) -> Option<GeoMatch> {
        let scored = self.scored(toponym);
        if scored.is_empty() {
            return None;
        }
        // The toponym is not evidence for itself.
        let own = evidence
            .per_toponym
            .get(&dossier_kb::normalize::key(toponym));
        let mass =
            |table: &HashMap<String, f64>, own_table: Option<&HashMap<String, f64>>, k: &str| {
                let total = table.get(k).copied().unwrap_or(0.0);
                let mine = own_table
                    .and_then(|t| t.get(k))
                    .copied()
                    .unwrap_or(0.0)
                    .min(1.0);
                (total - mine).max(0.0)
            };
        let rescored: Vec<(EntryIdx, f64)> = scored
            .iter()
            .map(|&(idx, prior)| {
                let e = self.kb.entry(idx);
                let mut s = prior;
                if let Some(cc) = &e.country {
                    let m = mass(&evidence.countries, own.map(|o| &o.countries), cc);
                    s += self.config.country_weight * m.ln_1p();
                }
                if let Some(a1) = admin1_key(e) {
                    let m = mass(&evidence.admin1, own.map(|o| &o.admin1), a1);
                    s += self.config.admin1_weight * m.ln_1p();
                }
                (idx, s)
            })
            .collect();
        let probs = softmax(&rescored);
        let (best, p) = rescored
            .iter()
            .zip(probs)
            .max_by(|a, b| {
                a.0 .1
                    .total_cmp(&b.0 .1)
                    // Ties go to the larger place, then to the lower index.
                    .then_with(|| {
                        self.kb
                            .entry(a.0 .0)
                            .population
                            .cmp(&self.kb.entry(b.0 .0).population)
                    })
                    .then_with(|| b.0 .0.cmp(&a.0 .0))
            })
            .map(|(&(idx, _), p)| (idx, p))?;
        let e = self.kb.entry(best);
        let (lat, lon) = e.coords()?;
        Some(GeoMatch {
            entry: best,
            geo: Geo {
                lat,
                lon,
                country: e.country.clone(),
                geonames_id: e.geonames_id,
                level: e.kind.geo_level()?.to_string(),
            },
            confidence: p as f32,
        })
    }
}

/// The admin-1 area a place lies in (an admin-1 area lies in itself).
fn admin1_key(e: &KbEntry) -> Option<&str> {
    match e.kind {
        EntryKind::City | EntryKind::Admin1 => e.admin1.as_deref(),
        _ => None,
    }
}

#[derive(Default)]
struct Support {
    countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
}

struct Evidence {
    per_toponym: HashMap<String, Support>,
    countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
}

fn softmax(scored: &[(EntryIdx, f64)]) -> Vec<f64> {
    let max = scored.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scored.iter().map(|s| (s.1 - max).exp()).collect();
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
    }

    #[test]
    fn province_with_designation_is_found() {
        check(
            "Kunar province",
            &["Jalalabad"],
            expect!["Kunar -> AF admin1 (34.95, 71.25)"],
        );
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
