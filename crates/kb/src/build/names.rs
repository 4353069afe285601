//! Names: the short names of ISO subdivisions, the ties of subdivisions to
//! GeoNames codes through their towns, and aliases without repeats.

use std::collections::HashSet;

use super::City;
use crate::normalize;

/// The names news uses for an ISO 3166-2 subdivision whose ISO name carries
/// a designation or a second spelling: "Hunan Sheng" is "Hunan",
/// "Catalunya [Cataluña]" also "Cataluña", "Asturias, Principado de"
/// "Asturias", "Kyōto-fu" "Kyōto".
pub(super) fn admin1_short_names(name: &str) -> Vec<String> {
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
pub(super) fn match_admin1(name: &str, cities: &[&City]) -> Option<String> {
    let mut k = normalize::lowercase_key(name);
    for d in dossier_text::wordlists::designations()
        .with_role(dossier_text::wordlists::DesignationRole::Subdivision)
    {
        let suffix = format!(" {d}");
        if let Some(stripped) = k.strip_suffix(suffix.as_str()) {
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
pub(super) fn city_named<'a>(name: &str, cities: &[&'a City]) -> Option<&'a City> {
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
pub(super) const US_STATE_ABBREVIATIONS: [(&str, &str); 43] = [
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

/// Drops aliases whose key equals the name's or an earlier alias's.
pub(super) fn dedupe_aliases(name: &str, aliases: Vec<String>) -> Vec<String> {
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
