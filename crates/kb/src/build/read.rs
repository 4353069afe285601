//! Readers of the source files: GeoNames' cities, JSON and TOML, and the
//! fields of GeoNames' JSON records.

use std::path::Path;

use serde_json::Value;

use super::names::dedupe_aliases;
use super::City;
use crate::{normalize, KbError};

pub(super) fn read_cities(path: &Path) -> Result<Vec<City>, KbError> {
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

pub(super) fn read_json(path: &Path) -> Result<Value, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| KbError::Json {
        file: path.display().to_string(),
        source,
    })
}

pub(super) fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|source| KbError::Toml {
        file: path.display().to_string(),
        source: Box::new(source),
    })
}

pub(super) fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// GeoNames extracts write numbers as numbers or as strings.
pub(super) fn num_field(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}
