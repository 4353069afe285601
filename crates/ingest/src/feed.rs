//! RSS and Atom feeds: one article per item, its text from the item's
//! content, or its summary when there is no content, with HTML stripped.
//!
//! Items are named `<stem>#<n>` (1-based, in feed order): feed-rs invents
//! ids for items that lack one, so a missing guid cannot be told from a
//! present one, and the position is at least stable for a given file.
//! Dates are the item's published date, else its updated date; feed-rs gives
//! them in UTC, so an item published late in the evening west of Greenwich
//! is dated the next day.
//!
//! A date feed-rs cannot read is read from the item's raw XML with the
//! lenient page-date parser, and when that fails too the item is kept
//! without a date, with a warning. A feed cut off partway (a download that
//! stopped) keeps its complete items: the XML is closed after the last
//! complete item and parsed again, and the cut is reported as a skipped
//! input.

use dossier_text::Document;
use feed_rs::model::{Entry, Text};

use crate::date::parse_date;
use crate::draft::Draft;
use crate::error::{IngestError, Place, Source};
use crate::html::fragment_text;
use crate::IngestConfig;

pub(crate) fn parse_feed(
    source: &Source,
    bytes: &[u8],
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let (feed, cut) = match feed_rs::parser::parse(bytes) {
        Ok(feed) => (feed, None),
        Err(e) => {
            let message = e.to_string().to_lowercase();
            // A cut-off feed: keep the complete items before the cut.
            match close_after_last_item(bytes).and_then(|b| feed_rs::parser::parse(&b[..]).ok()) {
                Some(feed) if !feed.entries.is_empty() => (feed, Some(message)),
                _ => {
                    return vec![Err(IngestError::Feed {
                        path: source.clone(),
                        message,
                    })]
                }
            }
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
    // Read only when an item's date is missing.
    let raw_items = std::cell::OnceCell::new();
    let mut out: Vec<_> = feed
        .entries
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
            let place = format!("{source} (item {n})");
            let mut draft = Draft::new(format!("{}#{n}", source.stem()), text);
            draft.meta.title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
            draft.meta.url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            draft.meta.date = entry.published.or(entry.updated).map(|d| d.date_naive());
            if draft.meta.date.is_none() {
                // feed-rs drops a date it cannot read; read it leniently, or
                // say that it was there.
                if let Some((tag, raw)) = raw_items
                    .get_or_init(|| raw_items_of(bytes))
                    .get(i)
                    .and_then(|item| raw_date(item)) {
                    match parse_date(&raw) {
                        Ok(d) => draft.meta.date = Some(d),
                        Err(_) => draft.warn(format!(
                            "{place}: <{tag}> `{raw}` is not a valid date; the item is kept without a date, give one with --date"
                        )),
                    }
                }
            }
            draft.meta.source = feed_title.clone();
            draft.meta.language = language.clone();
            Ok(draft.finish(cfg, &place))
        })
        .collect();
    if let Some(message) = cut {
        out.push(Err(IngestError::Feed {
            path: source.clone(),
            message: format!(
                "the feed is cut off after item {} ({message}); the complete items before the cut were kept",
                feed.entries.len()
            ),
        }));
    }
    out
}

/// The raw XML of each item (`<item>` or `<entry>`), in order, as far as a
/// byte scan finds them; only used to read dates feed-rs dropped.
fn raw_items_of(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((start, name)) = find_tag(bytes, i, &[b"item", b"entry"]) {
        let close = [b"</".as_slice(), name, b">"].concat();
        let end = find(bytes, start, &close).unwrap_or(bytes.len());
        out.push(&bytes[start..end]);
        i = end.max(start + 1);
    }
    out
}

/// The first date element of a raw item that has text: its tag and text.
fn raw_date(item: &[u8]) -> Option<(&'static str, String)> {
    for tag in ["pubDate", "published", "updated", "dc:date"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let Some(start) = find(item, 0, open.as_bytes()) else {
            continue;
        };
        let start = start + open.len();
        let end = find(item, start, close.as_bytes()).unwrap_or(item.len());
        let raw = String::from_utf8_lossy(&item[start..end]);
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim();
        if !raw.is_empty() {
            return Some((tag, raw.chars().take(80).collect()));
        }
    }
    None
}

/// The start of the next `<name` (followed by `>`, `/` or white space) for
/// any of `names`, from `from`.
fn find_tag<'n>(bytes: &[u8], from: usize, names: &[&'n [u8]]) -> Option<(usize, &'n [u8])> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"<") {
        let after = &bytes[p + 1..];
        for name in names {
            if after.starts_with(name)
                && after
                    .get(name.len())
                    .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
            {
                return Some((p, name));
            }
        }
        i = p + 1;
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// A cut-off feed closed right after its last complete item: the elements
/// still open there (`channel`, `rss`, `feed`) get their end tags. `None`
/// when no item is complete.
fn close_after_last_item(bytes: &[u8]) -> Option<Vec<u8>> {
    let ends = [b"</item>".as_slice(), b"</entry>".as_slice()];
    let cut = ends
        .iter()
        .filter_map(|e| {
            bytes
                .windows(e.len())
                .rposition(|w| w == *e)
                .map(|p| p + e.len())
        })
        .max()?;
    let mut out = bytes[..cut].to_vec();
    for name in open_elements(&bytes[..cut]).iter().rev() {
        out.extend_from_slice(b"</");
        out.extend_from_slice(name);
        out.push(b'>');
    }
    Some(out)
}

/// The XML elements open at the end of `bytes`, outermost first.
fn open_elements(bytes: &[u8]) -> Vec<&[u8]> {
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while let Some(p) = find(bytes, i, b"<") {
        let rest = &bytes[p..];
        let skip_to = |end: &[u8]| find(bytes, p, end).map_or(bytes.len(), |e| e + end.len());
        if rest.starts_with(b"<!--") {
            i = skip_to(b"-->");
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>");
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = skip_to(b">");
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = p + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'>' | b'/'))
            .count();
        let name = &bytes[name_start..name_start + name_len];
        let end = skip_to(b">");
        i = end;
        if name.is_empty() {
            continue;
        }
        if closing {
            if let Some(k) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(k);
            }
        } else if !(end >= 2 && bytes[end - 2] == b'/') {
            stack.push(name);
        }
    }
    stack
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
