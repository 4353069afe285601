//! An article on its way to becoming a [`Document`]: text, metadata and the
//! problems found while reading it.

use chrono::Datelike;
use dossier_text::{DocMeta, Document, Severity};

use crate::IngestConfig;

/// The stage name on ingest's diagnostics.
pub const STAGE: &str = "ingest";

#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub text: String,
    pub meta: DocMeta,
    pub diagnostics: Vec<(Severity, String)>,
}

impl Draft {
    pub fn new(id: String, text: String) -> Draft {
        Draft {
            text,
            meta: DocMeta {
                id,
                ..DocMeta::default()
            },
            diagnostics: Vec::new(),
        }
    }

    pub fn warn(&mut self, message: String) {
        self.diagnostics.push((Severity::Warning, message));
    }

    /// Applies the caller's date and builds the document. The text is final
    /// from here on.
    pub fn finish(mut self, cfg: &IngestConfig, place: &str) -> Document {
        if let Some(date) = cfg.date {
            // The caller's date wins: it is an explicit instruction. Say so when
            // the article carried another one, so the choice is visible.
            if let Some(own) = self.meta.date.filter(|&own| own != date) {
                self.diagnostics.push((
                    Severity::Info,
                    format!("{place}: the article says {own} but the given date {date} is used; drop --date to keep the article's own"),
                ));
            }
            self.meta.date = Some(date);
        }
        if let Some(date) = self.meta.date {
            if !SANE_YEARS.contains(&date.year()) {
                self.diagnostics.push((
                    Severity::Warning,
                    format!("{place}: the article date {date} is outside the years {}-{}; check it, or give the right one with --date", SANE_YEARS.start(), SANE_YEARS.end()),
                ));
            }
        }
        if let Some(percent) = mostly_upper_case(&self.text) {
            self.diagnostics.push((
                Severity::Warning,
                format!("{place}: {percent}% of the letters are upper case; names, events and sentences are found far less well in all-caps text (wire copy), so give it in mixed case if you can"),
            ));
        }
        if self.meta.date.is_none() {
            self.diagnostics.push((
                Severity::Info,
                format!("{place}: no publication date; relative times cannot be anchored, give one with --date"),
            ));
        }
        let mut doc = Document::new(self.text, self.meta);
        for (severity, message) in self.diagnostics {
            doc.diagnose(STAGE, severity, None, message);
        }
        doc
    }
}

/// Article dates outside these years are almost surely wrong (a placeholder
/// such as 9999-12-31, a parse of a bad field) and get a warning.
pub(crate) const SANE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// The share of upper-case letters, in percent, when the text is mostly upper
/// case (more than 80% of at least 100 cased letters): the taggers were
/// trained on mixed case and miss most names and events in all-caps copy.
pub(crate) fn mostly_upper_case(text: &str) -> Option<u32> {
    let (mut upper, mut cased) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
            cased += 1;
        } else if c.is_lowercase() {
            cased += 1;
        }
    }
    (cased >= 100 && upper * 5 > cased * 4).then(|| (upper * 100 / cased) as u32)
}
