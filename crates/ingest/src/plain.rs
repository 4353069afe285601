//! Plain text and the seed format: optional leading whitespace, then
//! `date YYYY-MM-DD`, a space or line break, and the article text.
//!
//! The document text is the article without the `date ...` prefix, trimmed;
//! all offsets of later stages are relative to it. The prefix's length is of
//! no use downstream (no one reads the source file back), so it is not kept.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::parse_date;
use crate::draft::Draft;
use crate::error::Source;

static SEED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date)[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:\s+|$)").expect("valid regex")
});

/// Whether text starts with the seed format's `date YYYY-MM-DD` prefix.
pub(crate) fn has_seed_prefix(text: &str) -> bool {
    SEED_PREFIX.is_match(text)
}

/// A seed-format article. Without a prefix it is read as plain text. An
/// impossible date in the prefix keeps the article, without a date, and says
/// so in a diagnostic: the text is still worth reading.
pub(crate) fn seed(source: &Source, text: &str) -> Draft {
    let Some(c) = SEED_PREFIX.captures(text) else {
        return plain(source, text);
    };
    let body = &text[c.get(0).map_or(0, |m| m.end())..];
    let mut draft = Draft::new(source.stem(), body.trim().to_string());
    let date = &c[1];
    match parse_date(date) {
        Ok(d) => draft.meta.date = Some(d),
        Err(e) => draft.warn(format!(
            "{source}:1: field `date`: `{date}` is not a valid date ({}); the article is kept without a date, fix the prefix or give one with --date",
            e.describe()
        )),
    }
    draft
}

/// A plain text article: the whole file, trimmed, with no date of its own.
pub(crate) fn plain(source: &Source, text: &str) -> Draft {
    Draft::new(source.stem(), text.trim().to_string())
}
