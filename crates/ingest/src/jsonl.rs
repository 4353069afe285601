//! JSON Lines: one article per line, as an object with `text` and optional
//! `id`, `date`, `title`, `url`, `source` and `language`.
//!
//! Blank lines are skipped. An article without `id` is named `<stem>#<line>`:
//! the line number, not a running count, so that one bad line does not
//! renumber the articles after it.

use serde_json::{Map, Value};

use crate::date::parse_date;
use crate::draft::Draft;
use crate::error::{IngestError, Source};

/// Parses one non-blank line into an article.
pub(crate) fn parse_line(
    source: &Source,
    line_no: usize,
    line: &str,
) -> Result<Draft, IngestError> {
    let err = |message: String| IngestError::JsonLine {
        path: source.clone(),
        line: line_no,
        message,
    };
    let value: Value = serde_json::from_str(line).map_err(|e| {
        err(format!(
            "not valid JSON ({e}); each line must be one JSON object"
        ))
    })?;
    let Value::Object(map) = value else {
        return Err(err(
            "not a JSON object; each line must be one object with a `text` field".into(),
        ));
    };
    let text = match map.get("text") {
        Some(Value::String(t)) if !t.trim().is_empty() => t,
        Some(Value::String(_)) => {
            return Err(err("field `text` is empty; give the article text".into()))
        }
        Some(_) => {
            return Err(err(
                "field `text` is not a string; give the article text as a string".into(),
            ))
        }
        None => {
            return Err(err(
                "no `text` field; each line needs the article text in `text`".into(),
            ))
        }
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{}#{line_no}", source.stem()),
    };
    let mut draft = Draft::new(id, text.clone());
    let place = format!("{source}:{line_no}");
    draft.meta.title = string_field(&map, "title", &place, &mut draft);
    draft.meta.url = string_field(&map, "url", &place, &mut draft);
    draft.meta.source = string_field(&map, "source", &place, &mut draft);
    draft.meta.language = string_field(&map, "language", &place, &mut draft);
    if let Some(date) = string_field(&map, "date", &place, &mut draft) {
        // An impossible date keeps the article: its text is still worth
        // reading, and the diagnostic says which field to fix.
        match parse_date(&date) {
            Ok(d) => draft.meta.date = Some(d),
            Err(e) => draft.warn(format!(
                "{place}: field `date`: `{date}` is not a valid date ({}); the article is kept without a date, fix the field or give one with --date",
                e.describe()
            )),
        }
    }
    Ok(draft)
}

/// An optional string field; any other JSON type is reported and ignored.
fn string_field(
    map: &Map<String, Value>,
    key: &str,
    place: &str,
    draft: &mut Draft,
) -> Option<String> {
    match map.get(key)? {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_string()),
        other => {
            let kind = match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                _ => "an object",
            };
            draft.warn(format!("{place}: field `{key}` is {kind}, not a string; it is ignored, write it as a string"));
            None
        }
    }
}
