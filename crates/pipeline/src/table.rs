//! Flat event tables for spreadsheets and statistics packages: one row per
//! coded event, the unit of event datasets such as ACLED and GDELT, with its
//! actors, place and evidence sentence spelled out so a row reads on its own.
//!
//! Rows are built from the [`OutputDocument`], so names, ids and character
//! offsets are exactly those of the JSON output.

use std::io::Write;

use serde::Serialize;

use dossier_schema::{OutputDocument, OutputEntity};

/// Writes the header line of the event table as CSV.
pub fn write_event_header(out: &mut impl Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(EVENT_COLUMNS)?;
    w.flush()
}

/// Writes a document's events as CSV rows, without a header.
pub fn write_event_rows(out: &mut impl Write, doc: &OutputDocument) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for row in event_rows(doc) {
        w.serialize(row)?;
    }
    w.flush()
}

/// The columns of the event table, in order. `event_rows` fills them; a unit
/// test checks that the two agree.
pub const EVENT_COLUMNS: &[&str] = &[
    "doc_id",
    "doc_date",
    "event_id",
    "date",
    "date_precision",
    "timex",
    "date_from",
    "code",
    "root",
    "label",
    "quad_class",
    "goldstein",
    "source",
    "source_type",
    "source_kb",
    "target",
    "target_type",
    "target_kb",
    "place",
    "country",
    "lat",
    "lon",
    "geo_level",
    "geo_within",
    "modality",
    "attributed_to",
    "confidence",
    "trigger",
    "sentence",
    "sentence_start",
    "sentence_end",
];

/// One event as a table row. Missing values are empty cells.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    pub doc_id: String,
    pub doc_date: Option<String>,
    pub event_id: String,
    /// The event's date as `YYYY-MM-DD`: the first day of its own time
    /// expression when the text gives one that names a stretch of the
    /// calendar, else the article's date.
    pub date: Option<String>,
    /// The grain of `date`: `day`, `week`, `month`, `quarter`, `season`,
    /// `year`, `decade` or `century`.
    pub date_precision: Option<&'static str>,
    /// The event's own TIMEX3 value as the text gives it (`2024-03`,
    /// `FUTURE_REF`), empty when it has none.
    pub timex: Option<String>,
    /// `text` when `date` comes from a time expression tied to the event,
    /// `article` when it is the publication date, empty when neither exists.
    pub date_from: Option<&'static str>,
    pub code: String,
    pub root: String,
    pub label: String,
    /// GDELT's four classes from the CAMEO root: 1 verbal cooperation
    /// (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
    /// 4 material conflict (15-20).
    pub quad_class: Option<u8>,
    pub goldstein: f32,
    pub source: Option<String>,
    pub source_type: Option<String>,
    pub source_kb: Option<String>,
    pub target: Option<String>,
    pub target_type: Option<String>,
    pub target_kb: Option<String>,
    pub place: Option<String>,
    /// ISO 3166-1 alpha-2 of the place.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_level: Option<String>,
    /// For a place the KB does not know: the place whose point stands in
    /// for it (ACLED's geo-precision 2); `lat`, `lon` and `geo_level` are
    /// then that place's.
    pub geo_within: Option<String>,
    pub modality: String,
    /// The speaker who claims the event, when it is reported inside a claim.
    pub attributed_to: Option<String>,
    pub confidence: f32,
    pub trigger: String,
    /// The sentence that supports the event, and its character span.
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

pub use dossier_schema::quad_class;

/// One row per event of the document, in the document's event order.
pub fn event_rows(doc: &OutputDocument) -> Vec<EventRow> {
    let entity = |id: &Option<String>| -> Option<&OutputEntity> {
        let id = id.as_deref()?;
        doc.entities.iter().find(|e| e.id == id)
    };
    let name = |id: &Option<String>| entity(id).map(|e| e.name.clone());
    let etype = |id: &Option<String>| {
        entity(id).map(|e| {
            serde_json::to_value(e.etype)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        })
    };
    let kb = |id: &Option<String>| entity(id).and_then(|e| e.kb_id.clone());
    let char_slice = |start: usize, end: usize| -> String {
        doc.text.chars().skip(start).take(end - start).collect()
    };
    doc.events
        .iter()
        .map(|e| {
            let place = entity(&e.place);
            let geo = place.and_then(|p| p.geo.as_ref());
            let sentence = doc.sentences.get(e.sentence);
            let own = e.time.as_deref().and_then(|t| {
                let iv = dossier_time::timex_interval(t)?;
                Some((
                    iv.start_date().to_string(),
                    dossier_time::timex_precision(t)?,
                ))
            });
            let (date, date_precision, date_from) = match (own, &doc.date) {
                (Some((d, p)), _) => (Some(d), Some(p), Some("text")),
                (None, Some(d)) => (Some(d.clone()), Some("day"), Some("article")),
                (None, None) => (None, None, None),
            };
            EventRow {
                doc_id: doc.id.clone(),
                doc_date: doc.date.clone(),
                event_id: e.id.clone(),
                date,
                date_precision,
                timex: e.time.clone(),
                date_from,
                code: e.code.clone(),
                root: e.root.clone(),
                label: e.label.clone(),
                quad_class: quad_class(&e.root),
                goldstein: e.goldstein,
                source: name(&e.source),
                source_type: etype(&e.source),
                source_kb: kb(&e.source),
                target: name(&e.target),
                target_type: etype(&e.target),
                target_kb: kb(&e.target),
                place: place.map(|p| p.name.clone()),
                country: geo.and_then(|g| g.country.clone()),
                lat: geo.map(|g| g.lat),
                lon: geo.map(|g| g.lon),
                geo_level: geo.map(|g| g.level.clone()),
                geo_within: geo.and_then(|g| g.within.clone()),
                modality: serde_json::to_value(e.modality)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                attributed_to: name(&e.attributed_to),
                confidence: e.confidence,
                trigger: e.trigger.text.clone(),
                sentence: sentence
                    .map(|s| char_slice(s.start, s.end))
                    .unwrap_or_default(),
                sentence_start: sentence.map_or(0, |s| s.start),
                sentence_end: sentence.map_or(0, |s| s.end),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_row_fields() {
        let row = EventRow {
            doc_id: "d1".into(),
            doc_date: Some("2024-03-02".into()),
            event_id: "V1".into(),
            date: Some("2024-03-01".into()),
            date_precision: Some("day"),
            timex: Some("2024-03-01".into()),
            date_from: Some("text"),
            code: "190".into(),
            root: "19".into(),
            label: "fight".into(),
            quad_class: Some(4),
            goldstein: -10.0,
            source: Some("Boko Haram".into()),
            source_type: Some("ORG".into()),
            source_kb: None,
            target: None,
            target_type: None,
            target_kb: None,
            place: Some("Maiduguri".into()),
            country: Some("NG".into()),
            lat: Some(11.85),
            lon: Some(13.16),
            geo_level: Some("city".into()),
            geo_within: None,
            modality: "asserted".into(),
            attributed_to: None,
            confidence: 0.75,
            trigger: "attacked".into(),
            sentence: "Boko Haram attacked Maiduguri, \"again\".".into(),
            sentence_start: 0,
            sentence_end: 38,
        };
        let mut w = csv::Writer::from_writer(vec![]);
        w.serialize(&row).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(EVENT_COLUMNS.join(",").as_str()));
        assert_eq!(
            lines.next(),
            Some("d1,2024-03-02,V1,2024-03-01,day,2024-03-01,text,190,19,fight,4,-10.0,Boko Haram,ORG,,,,,Maiduguri,NG,11.85,13.16,city,,asserted,,0.75,attacked,\"Boko Haram attacked Maiduguri, \"\"again\"\".\",0,38")
        );
    }

    #[test]
    fn quad_classes_follow_the_cameo_roots() {
        let classes: Vec<Option<u8>> = ["01", "05", "06", "09", "10", "14", "15", "20", "21", "x"]
            .iter()
            .map(|r| quad_class(r))
            .collect();
        assert_eq!(
            classes,
            [
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                Some(3),
                Some(3),
                Some(4),
                Some(4),
                None,
                None
            ]
        );
    }
}
