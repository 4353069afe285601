//! The event tables: ACLED-shaped CSV, GDELT 2.0-shaped TSV and PLOVER
//! records, one row per stored event told as having happened (asserted or
//! claimed). See `docs/exports.md` for what each column holds.

use std::io::Write;

use chrono::Datelike;
use dossier_store::rows::{EventEvidence, EventRow};
use dossier_store::{RowFilter, Store};
use serde_json::{json, Map, Value};

use crate::mapping::{acled_type, plover_type, quad_class, Places};
use crate::{date, happened, ExportError};

/// ACLED's columns, in the order of ACLED's own exports.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// GDELT 2.0 Events' 61 columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Text on one line: tabs, newlines and runs of spaces become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn coord(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.4}")).unwrap_or_default()
}

/// Seconds since 1970 of an RFC 3339 time.
fn unix_seconds(t: Option<&str>) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(t?)
        .ok()
        .map(|t| t.timestamp())
}

/// ACLED's time precision: 1 the day is known, 2 within a week or so (or
/// no date in the text, where the publication day stands in), 3 a month
/// or more.
fn time_precision(ev: Option<&EventEvidence>) -> &'static str {
    match ev.and_then(|e| e.shortest_days) {
        Some(d) if d <= 1 => "1",
        Some(d) if d <= 7 => "2",
        Some(_) => "3",
        None => "2",
    }
}

/// ACLED's geo-precision: 1 the town itself, 2 a place near it or a part
/// of a district, 3 a province, region or country.
fn geo_precision(ev: Option<&EventEvidence>) -> &'static str {
    let Some(ev) = ev else { return "" };
    if ev.place_within.is_some() {
        return "2";
    }
    match ev.place_level.as_deref() {
        Some("city" | "facility") => "1",
        Some("admin2") => "2",
        Some("admin1" | "region" | "country") => "3",
        _ => "",
    }
}

/// Writes the ACLED-shaped CSV (header and one row per event).
pub fn acled(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    let places = Places::load();
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(ACLED_COLUMNS)?;
    let mut n = 0u64;
    store.for_each_event_with_evidence(filter, |e: &EventRow, ev| -> Result<(), ExportError> {
        if !happened(&e.modality) {
            return Ok(());
        }
        let t = acled_type(&e.code);
        let (event_type, sub_event_type, disorder) = match &t {
            Some(t) => (
                t.event_type.as_str(),
                t.sub_event_type.as_str(),
                t.disorder_type(),
            ),
            None => ("", "", ""),
        };
        let country = e.country.as_deref();
        let iso3 = country.and_then(|c| places.alpha3(c)).unwrap_or("XXX");
        let name = |a: &Option<dossier_store::rows::ActorRef>| {
            a.as_ref().map(|a| a.name.clone()).unwrap_or_default()
        };
        let tags = format!(
            "cameo={}; modality={}; confidence={:.2}; articles={}",
            e.code, e.modality, e.confidence, e.n_articles
        );
        let row: [String; 31] = [
            format!("{iso3}{}", e.id),
            e.day.map(date).unwrap_or_default(),
            e.day
                .map(|d| dossier_time::date_of(d).year().to_string())
                .unwrap_or_default(),
            time_precision(ev).into(),
            disorder.into(),
            event_type.into(),
            sub_event_type.into(),
            name(&e.source),
            String::new(),
            String::new(),
            name(&e.target),
            String::new(),
            String::new(),
            String::new(),
            if event_type == "Violence against civilians" {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            String::new(),
            String::new(),
            country
                .and_then(|c| places.country_name(c))
                .unwrap_or_default()
                .into(),
            e.place
                .as_ref()
                .and_then(|p| places.admin1_name(&p.id))
                .unwrap_or_default()
                .into(),
            String::new(),
            String::new(),
            name(&e.place),
            coord(e.lat),
            coord(e.lon),
            geo_precision(ev).into(),
            ev.map(|v| v.outlets.join("; ")).unwrap_or_default(),
            String::new(),
            ev.and_then(|v| v.sentence.as_deref())
                .map(one_line)
                .unwrap_or_default(),
            String::new(),
            tags,
            unix_seconds(ev.and_then(|v| v.last_ingested.as_deref()))
                .map(|s| s.to_string())
                .unwrap_or_default(),
        ];
        csv.write_record(&row)?;
        n += 1;
        Ok(())
    })?;
    csv.flush()?;
    Ok(n)
}

/// GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city,
/// 5 world state (a first-level area elsewhere).
fn gdelt_geo_type(level: Option<&str>, country: Option<&str>) -> &'static str {
    let us = country == Some("US");
    match level {
        Some("country") => "1",
        Some("admin1") if us => "2",
        Some("admin1") => "5",
        Some("city" | "facility" | "admin2") if us => "3",
        Some("city" | "facility" | "admin2") => "4",
        _ => "",
    }
}

/// Writes the GDELT 2.0-shaped TSV: a header line of the 61 column names
/// (GDELT's own files have none: `tail -n +2` drops it), then one line per
/// event.
pub fn gdelt(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    let places = Places::load();
    writeln!(w, "{}", GDELT_COLUMNS.join("\t"))?;
    let mut n = 0u64;
    let mut cols: Vec<String> = vec![String::new(); 61];
    store.for_each_event_with_evidence(filter, |e: &EventRow, ev| -> Result<(), ExportError> {
        if !happened(&e.modality) {
            return Ok(());
        }
        for c in cols.iter_mut() {
            c.clear();
        }
        cols[0] = e.id.to_string();
        if let Some(day) = e.day {
            let d = dossier_time::date_of(day);
            cols[1] = d.format("%Y%m%d").to_string();
            cols[2] = d.format("%Y%m").to_string();
            cols[3] = d.year().to_string();
            cols[4] = format!("{:.4}", d.year() as f64 + d.ordinal() as f64 / 365.0);
        }
        let actor =
            |a: &Option<dossier_store::rows::ActorRef>, cols: &mut Vec<String>, at: usize| {
                if let Some(a) = a {
                    let code = a
                        .country
                        .as_deref()
                        .and_then(|c| places.alpha3(c))
                        .unwrap_or_default();
                    cols[at] = code.to_string();
                    cols[at + 1] = one_line(&a.name).to_uppercase();
                    cols[at + 2] = code.to_string();
                }
            };
        actor(&e.source, &mut cols, 5);
        actor(&e.target, &mut cols, 15);
        if let Some(ev) = ev {
            cols[25] = if ev.first_sentence == 0 { "1" } else { "0" }.into();
        }
        cols[26] = e.code.clone();
        cols[27] = e.code.get(..3).unwrap_or(&e.code).to_string();
        cols[28] = e.root.clone();
        cols[29] = quad_class(&e.root)
            .map(|q| q.to_string())
            .unwrap_or_default();
        cols[30] = format!("{:.1}", e.goldstein);
        cols[31] = e.n_mentions.to_string();
        cols[32] = e.n_sources.to_string();
        cols[33] = e.n_articles.to_string();
        if let Some(place) = &e.place {
            let country = e.country.as_deref();
            cols[51] =
                gdelt_geo_type(ev.and_then(|v| v.place_level.as_deref()), country).to_string();
            let mut full = one_line(&place.name);
            if let Some(a1) = places.admin1_name(&place.id).filter(|a| *a != place.name) {
                full.push_str(", ");
                full.push_str(a1);
            }
            if let Some(c) = country.and_then(|c| places.country_name(c)) {
                if c != place.name {
                    full.push_str(", ");
                    full.push_str(c);
                }
            }
            cols[52] = full;
            cols[53] = country.unwrap_or_default().to_string();
            cols[56] = coord(e.lat);
            cols[57] = coord(e.lon);
        }
        if let Some(ev) = ev {
            if let Some(t) = ev
                .last_ingested
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            {
                cols[59] = t.format("%Y%m%d%H%M%S").to_string();
            }
            cols[60] = ev
                .url
                .clone()
                .unwrap_or_else(|| format!("{} {}", ev.outlet, ev.article));
        }
        for (i, c) in cols.iter().enumerate() {
            if i > 0 {
                w.write_all(b"\t")?;
            }
            if c.contains(['\t', '\n', '\r']) {
                w.write_all(one_line(c).as_bytes())?;
            } else {
                w.write_all(c.as_bytes())?;
            }
        }
        w.write_all(b"\n")?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Writes PLOVER records, one JSON object per line, for the events PLOVER
/// has a type for.
pub fn plover(store: &Store, filter: &RowFilter, w: &mut dyn Write) -> Result<u64, ExportError> {
    let places = Places::load();
    let mut n = 0u64;
    store.for_each_event_with_evidence(filter, |e: &EventRow, ev| -> Result<(), ExportError> {
        if !happened(&e.modality) {
            return Ok(());
        }
        let Some(t) = plover_type(&e.code) else {
            return Ok(());
        };
        let mut rec = Map::new();
        rec.insert("id".into(), json!(format!("dossier-{}", e.id)));
        rec.insert("date".into(), json!(e.day.map(date)));
        rec.insert("event".into(), json!(t.event));
        if !t.mode.is_empty() {
            rec.insert("mode".into(), json!(t.mode));
        }
        if !t.context.is_empty() {
            rec.insert("context".into(), json!(t.context));
        }
        for (field, a) in [("actor", &e.source), ("recipient", &e.target)] {
            if let Some(a) = a {
                rec.insert(field.into(), json!(a.name));
                rec.insert(format!("{field}_id"), json!(a.id));
                if let Some(c) = a.country.as_deref().and_then(|c| places.alpha3(c)) {
                    rec.insert(format!("{field}_country"), json!(c));
                }
            }
        }
        if let Some(p) = &e.place {
            let mut loc = Map::new();
            loc.insert("placename".into(), json!(p.name));
            loc.insert("lat".into(), json!(e.lat));
            loc.insert("lon".into(), json!(e.lon));
            if let Some(c) = &e.country {
                loc.insert("countryCode".into(), json!(c));
            }
            if let Some(a1) = places.admin1_name(&p.id) {
                loc.insert("admin1".into(), json!(a1));
            }
            if let Some(g) = p.id.strip_prefix("geonames:") {
                loc.insert("geonameID".into(), json!(g));
            }
            rec.insert("event_loc".into(), Value::Object(loc));
        }
        if let Some(ev) = ev {
            rec.insert("event_text".into(), json!(ev.trigger));
            rec.insert("text".into(), json!(ev.sentence.as_deref().map(one_line)));
            rec.insert(
                "cite_info".into(),
                json!({
                    "url": ev.url,
                    "source": ev.outlet,
                    "article": ev.article,
                    "published": ev.published,
                    "sources": ev.outlets,
                }),
            );
        }
        rec.insert("cameo".into(), json!(e.code));
        rec.insert("quad_class".into(), json!(quad_class(&e.root)));
        rec.insert("goldstein".into(), json!(e.goldstein));
        rec.insert("modality".into(), json!(e.modality));
        rec.insert("confidence".into(), json!(e.confidence));
        rec.insert("num_mentions".into(), json!(e.n_mentions));
        rec.insert("num_articles".into(), json!(e.n_articles));
        rec.insert("num_sources".into(), json!(e.n_sources));
        rec.insert("coder".into(), json!("dossier"));
        serde_json::to_writer(&mut *w, &Value::Object(rec)).map_err(std::io::Error::from)?;
        w.write_all(b"\n")?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}
