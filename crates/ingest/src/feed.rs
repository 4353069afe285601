//! RSS and Atom feeds: one article per item, its text from the item's
//! content, or its summary when there is no content, with HTML stripped.
//!
//! Items are named `<stem>#<n>` (1-based, in feed order): feed-rs invents
//! ids for items that lack one, so a missing guid cannot be told from a
//! present one, and the position is at least stable for a given file.
//! Dates are the item's published date, else its updated date; feed-rs gives
//! them in UTC, so an item published late in the evening west of Greenwich
//! is dated the next day.

use dossier_text::Document;
use feed_rs::model::{Entry, Text};

use crate::draft::Draft;
use crate::error::{IngestError, Place, Source};
use crate::html::fragment_text;
use crate::IngestConfig;

pub(crate) fn parse_feed(
    source: &Source,
    bytes: &[u8],
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            let message = e.to_string().to_lowercase();
            return vec![Err(IngestError::Feed {
                path: source.clone(),
                message,
            })];
        }
    };
    let feed_title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let language = feed.language.clone();
    if feed.entries.is_empty() {
        return vec![Err(IngestError::NoText {
            path: source.clone(),
            at: Place::File,
        })];
    }
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let n = i + 1;
            let text = entry_text(entry);
            if text.trim().is_empty() {
                return Err(IngestError::NoText {
                    path: source.clone(),
                    at: Place::Item(n),
                });
            }
            if text.len() > cfg.max_bytes {
                return Err(IngestError::TooLarge {
                    path: source.clone(),
                    at: Place::Item(n),
                    size: text.len(),
                    max: cfg.max_bytes,
                });
            }
            let mut draft = Draft::new(format!("{}#{n}", source.stem()), text);
            draft.meta.title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
            draft.meta.url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            draft.meta.date = entry.published.or(entry.updated).map(|d| d.date_naive());
            draft.meta.source = feed_title.clone();
            draft.meta.language = language.clone();
            Ok(draft.finish(cfg, &format!("{source} (item {n})")))
        })
        .collect()
}

fn entry_text(entry: &Entry) -> String {
    if let Some(body) = entry.content.as_ref().and_then(|c| {
        let html = c.content_type.to_string().contains("html");
        c.body.as_ref().map(|b| {
            if html || looks_like_html(b) {
                fragment_text(b)
            } else {
                b.trim().to_string()
            }
        })
    }) {
        if !body.trim().is_empty() {
            return body;
        }
    }
    entry.summary.as_ref().map(text_of).unwrap_or_default()
}

/// A feed text with markup stripped. RSS does not say whether a description
/// is HTML, so markup is recognised by its look.
fn text_of(t: &Text) -> String {
    if t.content_type.to_string().contains("html") || looks_like_html(&t.content) {
        fragment_text(&t.content)
    } else {
        t.content.trim().to_string()
    }
}

fn looks_like_html(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with('<') || s.contains("</") || s.contains("<br") || s.contains("&nbsp;")
}
