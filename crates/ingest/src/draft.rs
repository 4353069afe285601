//! An article on its way to becoming a [`Document`]: text, metadata and the
//! problems found while reading it.

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
