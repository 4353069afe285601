//! The rows of the KB's TSV tables.

use std::fmt::Write as _;

use crate::TSV_COLUMNS;

#[derive(Default)]
pub(super) struct Row<'a> {
    pub(super) id: &'a str,
    pub(super) kind: &'a str,
    pub(super) name: &'a str,
    pub(super) aliases: &'a [String],
    pub(super) country: &'a str,
    pub(super) admin1: Option<&'a str>,
    pub(super) coords: Option<(f64, f64)>,
    pub(super) population: u64,
    pub(super) geonames_id: Option<u64>,
    pub(super) parent: Option<&'a str>,
    pub(super) qid: Option<&'a str>,
    pub(super) capital_of: Option<&'a str>,
}

pub(super) fn header() -> String {
    let mut s = TSV_COLUMNS.join("\t");
    s.push('\n');
    s
}

pub(super) fn row(out: &mut String, r: &Row) {
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
