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

mod candidates;
mod cues;
mod placement;
mod ranker;

pub use placement::haversine_km;
use placement::*;
use ranker::*;
pub use ranker::{GeoConfig, FEATURES};

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

/// Places toponyms using a knowledge base. Cheap to build: make one per
/// document or share one.
pub struct Geocoder<'kb> {
    kb: &'kb Kb,
    config: GeoConfig,
}

/// An article's toponyms and, where known, their gold points: what
/// [`Geocoder::fit`] learns from.
#[cfg(feature = "eval")]
pub type Labelled = (Vec<String>, Vec<Option<(f64, f64)>>);

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
