//! The ranker: each candidate's features, the conditional logit over them
//! with its weights (`models/geo.tsv`), the evidence the article's other
//! toponyms give, the decision, and the fit of the weights.

use super::*;

/// See [`Geocoder::place_unknown`]; chosen on the development sets.
pub(super) const DOUBTED_POPULATION: u64 = 50_000;
pub(super) const DOUBTED_CONFIDENCE: f32 = 0.8;

/// The features of one candidate, in [`FEATURES`] order.
pub(super) type Features = [f64; NF];

pub(super) const NF: usize = 19;

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
pub(super) const SHIPPED_WEIGHTS: &str = include_str!("../../../../models/geo.tsv");

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

    pub(super) fn score(&self, f: &Features) -> f64 {
        self.weights.iter().zip(f).map(|(w, x)| w * x).sum()
    }
}

/// One toponym's candidates and their features.
pub(super) struct Candidates {
    pub(super) idx: Vec<EntryIdx>,
    pub(super) features: Vec<Features>,
}

#[derive(Default)]
pub(super) struct Support {
    pub(super) countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
    /// Where the toponym confidently is, before context.
    pub(super) point: Option<(f64, f64)>,
    /// The country and admin-1 key of that reading, unless it is a
    /// country itself.
    pub(super) within: Option<(String, Option<String>)>,
    /// The kind of that reading.
    pub(super) kind: Option<EntryKind>,
}

pub(super) struct Evidence {
    pub(super) per_toponym: HashMap<String, Support>,
    pub(super) countries: HashMap<String, f64>,
    admin1: HashMap<String, f64>,
    /// The candidates and features of each toponym name met so far
    /// ([`Geocoder::features`] depends on the name and this evidence only):
    /// computed once per name, not once per mention, which made a long
    /// document cost its mentions times its distinct place names.
    pub(super) features: std::cell::RefCell<HashMap<String, std::rc::Rc<Candidates>>>,
}

/// The most common kind in `kinds` and how often it occurs (ties go to
/// the first seen).
pub(super) fn majority(kinds: &[EntryKind]) -> Option<(EntryKind, usize)> {
    let mut best: Option<(EntryKind, usize)> = None;
    for &k in kinds {
        let n = kinds.iter().filter(|&&o| o == k).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    best
}

pub(super) fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|x| x / sum).collect()
}

impl<'kb> Geocoder<'kb> {
    /// The features of a toponym's candidates that do not depend on the
    /// article (the context features stay 0).
    pub(super) fn prior_features(&self, toponym: &str) -> Candidates {
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

    pub(super) fn evidence(&self, context: &GeoContext) -> Evidence {
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
    pub(super) fn features(&self, toponym: &str, evidence: &Evidence) -> std::rc::Rc<Candidates> {
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

    pub(super) fn features_uncached(&self, toponym: &str, evidence: &Evidence) -> Candidates {
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

    pub(super) fn decide(&self, toponym: &str, evidence: &Evidence) -> Option<GeoMatch> {
        self.decide_among(toponym, evidence, |_| true)
    }

    /// The best of the candidates that `keep` lets through; the confidence
    /// is still the share of all candidates.
    pub(super) fn decide_among(
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
    pub(super) fn match_entry(&self, idx: EntryIdx, confidence: f32) -> Option<GeoMatch> {
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
