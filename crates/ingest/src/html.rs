//! HTML article pages: the main text without navigation, ads, comments and
//! footers, and the title and publication date from meta tags and JSON-LD.
//!
//! The main text is found the way Readability finds it: the page is cut into
//! text blocks (paragraphs, cells, list items, bare text in a `div`); every
//! block long enough to be prose scores its parent and grandparent by its
//! length and commas; candidates are weighed by tag and by class/id hints
//! (`article`, `content` up; `comment`, `share`, `sidebar` down) and damped by
//! their link density; the best candidate and the siblings that score near it
//! are the article. Containers inside it that look like boilerplate (link
//! lists, forms, image galleries) are cleaned out, and the remaining blocks are
//! joined with blank lines.
//!
//! ```
//! let page = r#"<html><head><meta property="og:title" content="Talks resume">
//! <meta property="article:published_time" content="2024-03-05T08:00:00+05:00"></head>
//! <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><p>Negotiators from both sides met again in Doha on Tuesday, officials said.</p>
//! <p>The talks, stalled since January, focus on prisoner exchanges and a ceasefire.</p></article>
//! <footer>Copyright 2024</footer></body></html>"#;
//! let a = dossier_ingest::html::extract_article(page);
//! assert_eq!(a.title.as_deref(), Some("Talks resume"));
//! assert_eq!(a.date.unwrap().to_string(), "2024-03-05");
//! assert!(a.text.starts_with("Negotiators from both sides"));
//! assert!(!a.text.contains("Copyright"));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use crate::date::parse_date;
use crate::draft::SANE_YEARS;
use crate::nesting::limit_nesting;
pub use crate::nesting::MAX_NESTING;
use chrono::Datelike;

/// What an article page yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    /// The publication date, from the first date source that parses.
    pub date: Option<NaiveDate>,
    /// Date strings found in the page that did not parse, with where they came
    /// from (`meta article:published_time`), for diagnostics.
    pub bad_dates: Vec<(String, String)>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// How deep the page nests its elements, when that is past
    /// [`MAX_NESTING`] and the nesting was flattened to read it.
    pub deep_nesting: Option<usize>,
}

/// Extracts the metadata and the main text of an article page.
pub fn extract_article(html: &str) -> Article {
    let (html, deep_nesting) = limit_nesting(html);
    let doc = Html::parse_document(&html);
    let mut article = metadata(&doc);
    article.text = main_text_of(&doc);
    article.deep_nesting = deep_nesting;
    if article.date.is_none() {
        article.date = dateline(&doc, &article.text);
        if article.date.is_some() {
            article.bad_dates.clear();
        }
    }
    article
}

/// Whether a block is (inside) a picture caption or credit, whose dates are
/// when the picture was taken.
fn in_caption(tree: &ego_tree::Tree<Node>, owner: NodeId) -> bool {
    static CAPTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)caption|credit").expect("valid regex"));
    let Some(node) = tree.get(owner) else {
        return false;
    };
    std::iter::once(node)
        .chain(node.ancestors())
        .take(5)
        .filter_map(ElementRef::wrap)
        .any(|e| {
            matches!(e.value().name(), "figure" | "figcaption")
                || CAPTION.is_match(&class_and_id(e.value()))
        })
}

/// The date of the visible dateline, for pages whose metadata has none: the
/// nearest short block above the article's first paragraph that holds a
/// written date (`By Jeff Foust Monday, November 18, 2019`, `Posted: Fri 6:45
/// PM, Feb 16, 2018`), else one among the article's first blocks. Dates
/// further away are more likely to be dates the story mentions.
fn dateline(doc: &Html, text: &str) -> Option<NaiveDate> {
    const ABOVE: usize = 12;
    const BELOW: usize = 6;
    let first = text.split("\n\n").next().filter(|p| !p.is_empty())?;
    let blocks = Blocks::collect(doc.tree.root(), Filter::Light).blocks;
    let start = blocks.iter().position(|b| b.text == first)?;
    let tree = &doc.tree;
    let short_date = |b: &Block| {
        if b.text.len() > 200 || in_caption(tree, b.owner) {
            return None;
        }
        // "Posted: Feb 16, 2018 | Updated: Feb 17, 2018": the date before
        // an update note; a block that is only an update note has none.
        let lower = b.text.to_ascii_lowercase();
        let end = ["updated", "modified"]
            .iter()
            .filter_map(|w| lower.find(w))
            .min()
            .unwrap_or(b.text.len());
        crate::date::find_date(&b.text[..end])
            .and_then(Result::ok)
            .filter(|d| SANE_YEARS.contains(&d.year()))
    };
    blocks[start.saturating_sub(ABOVE)..start]
        .iter()
        .rev()
        .chain(blocks[start..].iter().take(BELOW))
        .find_map(short_date)
}

/// The main text of a page, paragraphs separated by blank lines.
pub fn main_text(html: &str) -> String {
    main_text_of(&Html::parse_document(&limit_nesting(html).0))
}

/// All the text of an HTML fragment (a feed item's content), paragraphs
/// separated by blank lines, without scripts, styles or hidden elements. No
/// scoring: a fragment is already the article.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(&limit_nesting(html).0);
    let blocks = Blocks::collect(doc.tree.root(), Filter::Light);
    join(blocks.blocks.iter().map(|b| b.text.as_str()))
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

// ---------------------------------------------------------------- metadata

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static LD_JSON: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static TIME_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[itemprop~="datePublished"], time[pubdate], time[datetime]"#));

/// Meta names that carry the publication date, best first. Compared without
/// case; both `name` and `property` attributes are read.
const DATE_META: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
];

fn metadata(doc: &Html) -> Article {
    let mut meta: HashMap<String, String> = HashMap::new();
    // Every meta key in page order, for the catch-all date search below.
    let mut keys: Vec<String> = Vec::new();
    for m in doc.select(&META) {
        let el = m.value();
        let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        // `itemprop` holds a list of words (`datePublished dateCreated`),
        // matched one by one as CSS's `~=` does.
        let itemprops = el
            .attr("itemprop")
            .into_iter()
            .flat_map(str::split_whitespace);
        for key in el
            .attr("property")
            .into_iter()
            .chain(el.attr("name"))
            .chain(itemprops)
        {
            let key = key.trim().to_ascii_lowercase();
            if let std::collections::hash_map::Entry::Vacant(slot) = meta.entry(key) {
                keys.push(slot.key().clone());
                slot.insert(content.to_string());
            }
        }
    }
    let ld = json_ld(doc);

    let mut article = Article::default();
    // Candidates for the date, best first, each with where it came from.
    let mut dates: Vec<(String, String)> = Vec::new();
    if let Some(d) = &ld.date_published {
        dates.push(("json-ld datePublished".into(), d.clone()));
    }
    for key in DATE_META {
        if let Some(v) = meta.get(*key) {
            dates.push((format!("meta {key}"), v.clone()));
        }
    }
    for el in doc.select(&TIME_PUBLISHED) {
        let v = el.value();
        if let Some(d) = v.attr("datetime").or_else(|| v.attr("content")) {
            dates.push((format!("<{}> datetime", v.name()), d.to_string()));
        }
    }
    // Site-specific keys (`sn-post-date`, `pdate`): any other key that names
    // a publication date, not a modification or expiry.
    for key in &keys {
        let named_date = key.contains("date") || key.contains("publish");
        let other = [
            "modif", "updat", "expir", "revis", "valid", "verif", "birth",
        ]
        .iter()
        .any(|w| key.contains(w));
        if named_date && !other && !DATE_META.contains(&key.as_str()) {
            if let Ok(d) = parse_date(&meta[key]) {
                dates.push((format!("meta {key}"), d.to_string()));
            }
        }
    }
    for (from, text) in dates {
        match parse_date(&text) {
            // A placeholder (`0001-01-01T00:00:00Z`) is no date.
            Ok(d) if SANE_YEARS.contains(&d.year()) => {
                article.date = Some(d);
                break;
            }
            _ => article.bad_dates.push((from, text)),
        }
    }
    if article.date.is_some() {
        article.bad_dates.clear();
    }

    let first_text = |sel: &Selector| {
        doc.select(sel)
            .map(|e| squash(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    article.title = meta
        .get("og:title")
        .cloned()
        .or_else(|| ld.headline.clone())
        .or_else(|| meta.get("twitter:title").cloned())
        .or_else(|| first_text(&H1))
        .or_else(|| first_text(&TITLE))
        .map(|t| squash(&t));
    article.url = meta.get("og:url").cloned().or_else(|| {
        doc.select(&CANONICAL)
            .find_map(|l| l.value().attr("href").map(str::to_string))
    });
    article.site_name = meta.get("og:site_name").cloned();
    article.language = doc
        .root_element()
        .value()
        .attr("lang")
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| meta.get("og:locale").cloned());
    article
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
}

/// The first `headline` and `datePublished` in the page's JSON-LD blocks,
/// looking through `@graph` lists and nested objects. Broken JSON (common:
/// templates leave trailing commas) is skipped.
fn json_ld(doc: &Html) -> JsonLd {
    fn visit(v: &serde_json::Value, out: &mut JsonLd) {
        match v {
            serde_json::Value::Array(items) => items.iter().for_each(|i| visit(i, out)),
            serde_json::Value::Object(map) => {
                if out.headline.is_none() {
                    if let Some(h) = map.get("headline").and_then(|h| h.as_str()) {
                        out.headline = Some(h.to_string());
                    }
                }
                if out.date_published.is_none() {
                    if let Some(d) = map.get("datePublished").and_then(|d| d.as_str()) {
                        out.date_published = Some(d.to_string());
                    }
                }
                map.values().for_each(|v| visit(v, out));
            }
            _ => {}
        }
    }
    let mut out = JsonLd::default();
    for script in doc.select(&LD_JSON) {
        let body: String = script.text().collect();
        let parsed = serde_json::from_str::<serde_json::Value>(body.trim())
            .or_else(|_| serde_json::from_str(&repair_json(body.trim())));
        match parsed {
            Ok(v) => visit(&v, &mut out),
            // Beyond repair: take the fields by their look.
            Err(_) => {
                for (field, slot) in [
                    ("headline", &mut out.headline),
                    ("datePublished", &mut out.date_published),
                ] {
                    if slot.is_none() {
                        *slot = json_string_field(&body, field);
                    }
                }
            }
        }
    }
    out
}

/// Mends the two faults page templates leave in JSON-LD: a trailing comma
/// before `}` or `]`, and raw line breaks or tabs inside strings.
fn repair_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in s.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' | '\r' | '\t' => {
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
            out.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            '}' | ']' => {
                let kept = out.trim_end().len();
                if out[..kept].ends_with(',') {
                    out.truncate(kept - 1);
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The string value of `"field": "..."` in text that is not valid JSON.
fn json_string_field(body: &str, field: &str) -> Option<String> {
    let re = Regex::new(&format!(r#""{field}"\s*:\s*"([^"\\]*)""#)).ok()?;
    re.captures(body)
        .map(|c| c[1].trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Collapses runs of whitespace into single spaces and trims.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- blocks

/// How hard to filter elements before scoring.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    /// Drop only what is never text: scripts, styles, hidden elements, forms
    /// controls. Used for fragments and as the fallback.
    Light,
    /// Also drop navigation, headers, footers, asides, and elements whose
    /// class or id says they are not the article.
    Strict,
}

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "input",
    "select", "textarea", "option", "object", "embed", "video", "audio", "map", "head", "title",
    "meta", "link",
];

/// Elements that hold page furniture rather than the article.
const FURNITURE: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "header",
    "menu",
    "figure",
    "figcaption",
];

/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
];

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|^ad-|\bads?\b|advert|ai2html|banner|breadcrumb|byline|combx|comment|community|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|modal|newsletter|related|remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|subscribe|supplemental|ad-break|agegate|pagination|pager|popup|promo|recommend|yom-remote",
    )
    .expect("valid regex")
});
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)and|article|body|column|content|main|shadow").expect("valid regex")
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    )
    .expect("valid regex")
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget",
    )
    .expect("valid regex")
});
static HIDDEN_STYLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden").expect("valid regex")
});

fn class_and_id(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| HIDDEN_STYLE.is_match(s))
}

/// Whether an element and everything in it is left out of the text.
fn is_excluded(el: &scraper::node::Element, filter: Filter) -> bool {
    let name = el.name();
    if NEVER_TEXT.contains(&name) || is_hidden(el) {
        return true;
    }
    if filter == Filter::Light {
        return false;
    }
    if FURNITURE.contains(&name) {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "search"
        ) {
            return true;
        }
    }
    if matches!(name, "html" | "body" | "article" | "main" | "a") {
        return false;
    }
    let hints = class_and_id(el);
    UNLIKELY.is_match(&hints) && !MAYBE.is_match(&hints)
}

/// A run of text between block boundaries.
struct Block {
    /// The innermost block-level element that holds the text.
    owner: NodeId,
    text: String,
    /// Non-whitespace characters, and how many of them are inside links.
    n_chars: usize,
    n_link_chars: usize,
}

struct Blocks {
    blocks: Vec<Block>,
    buf: String,
    n_chars: usize,
    n_link_chars: usize,
    owners: Vec<NodeId>,
    filter: Filter,
}

impl Blocks {
    fn collect(root: NodeRef<'_, Node>, filter: Filter) -> Blocks {
        let mut b = Blocks {
            blocks: Vec::new(),
            buf: String::new(),
            n_chars: 0,
            n_link_chars: 0,
            owners: vec![root.id()],
            filter,
        };
        b.walk(root);
        b.flush();
        b
    }

    /// Walks the tree in document order with an explicit stack, not by
    /// recursion: a page may nest elements tens of thousands deep, and a
    /// recursive walk would overflow the thread's stack.
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        enum Step<'a> {
            Enter(NodeRef<'a, Node>, bool, bool),
            /// Leaves a block element: flush its text and pop its owner.
            Leave,
        }
        let mut stack = vec![Step::Enter(root, false, false)];
        while let Some(step) = stack.pop() {
            let (node, in_link, in_pre) = match step {
                Step::Enter(node, in_link, in_pre) => (node, in_link, in_pre),
                Step::Leave => {
                    self.flush();
                    self.owners.pop();
                    continue;
                }
            };
            let (in_link, in_pre) = match node.value() {
                Node::Text(t) => {
                    self.push_text(t, in_link, in_pre);
                    continue;
                }
                Node::Element(el) => {
                    if is_excluded(el, self.filter) {
                        continue;
                    }
                    let name = el.name();
                    if name == "br" {
                        // A line break inside a paragraph usually separates
                        // paragraphs on pages that do not use <p>.
                        self.flush();
                        continue;
                    }
                    if BLOCK_TAGS.contains(&name) {
                        self.flush();
                        self.owners.push(node.id());
                        stack.push(Step::Leave);
                    }
                    (in_link || name == "a", in_pre || name == "pre")
                }
                Node::Document | Node::Fragment => (in_link, in_pre),
                _ => continue,
            };
            // Children go on the stack last first, so they come off in order.
            let first = stack.len();
            stack.extend(
                node.children()
                    .map(|child| Step::Enter(child, in_link, in_pre)),
            );
            stack[first..].reverse();
        }
    }

    fn push_text(&mut self, text: &str, in_link: bool, in_pre: bool) {
        for c in text.chars() {
            // Soft hyphens and zero-width characters are layout hints, not text.
            if matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{feff}') {
                continue;
            }
            if c.is_whitespace() {
                if in_pre && c == '\n' {
                    self.buf.push('\n');
                } else if !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
                    self.buf.push(' ');
                }
            } else {
                self.buf.push(c);
                self.n_chars += 1;
                if in_link {
                    self.n_link_chars += 1;
                }
            }
        }
    }

    fn flush(&mut self) {
        let text = self.buf.trim();
        if !text.is_empty() {
            self.blocks.push(Block {
                owner: *self.owners.last().expect("the root is always an owner"),
                text: text.to_string(),
                n_chars: self.n_chars,
                n_link_chars: self.n_link_chars,
            });
        }
        self.buf.clear();
        self.n_chars = 0;
        self.n_link_chars = 0;
    }
}

// ---------------------------------------------------------------- scoring

/// Text totals of an element: its characters and those inside links.
#[derive(Clone, Copy, Default)]
struct Totals {
    n_chars: usize,
    n_link_chars: usize,
    n_commas: usize,
}

impl Totals {
    fn link_density(&self) -> f64 {
        if self.n_chars == 0 {
            0.0
        } else {
            self.n_link_chars as f64 / self.n_chars as f64
        }
    }
}

fn element(tree: &ego_tree::Tree<Node>, id: NodeId) -> Option<ElementRef<'_>> {
    tree.get(id).and_then(ElementRef::wrap)
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn class_weight(el: &scraper::node::Element) -> f64 {
    let mut w = 0.0;
    for hint in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        if NEGATIVE.is_match(hint) {
            w -= 25.0;
        }
        if POSITIVE.is_match(hint) {
            w += 25.0;
        }
    }
    w
}

fn count_commas(s: &str) -> usize {
    s.chars()
        .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

/// Finds the main text of a parsed page: strict filtering first, and the
/// light filter when that leaves too little (pages whose article sits in a
/// container with an unlucky class name).
fn main_text_of(doc: &Html) -> String {
    let strict = select_text(doc, Filter::Strict);
    if strict.chars().count() >= 250 {
        return strict;
    }
    let light = select_text(doc, Filter::Light);
    if light.len() > strict.len() {
        light
    } else {
        strict
    }
}

fn select_text(doc: &Html, filter: Filter) -> String {
    let tree = &doc.tree;
    let collected = Blocks::collect(tree.root(), filter);
    let blocks = &collected.blocks;
    if blocks.is_empty() {
        return String::new();
    }

    // Totals for every element that holds text.
    let mut totals: HashMap<NodeId, Totals> = HashMap::new();
    for b in blocks {
        let Some(owner) = tree.get(b.owner) else {
            continue;
        };
        let commas = count_commas(&b.text);
        for n in std::iter::once(owner).chain(owner.ancestors()) {
            let t = totals.entry(n.id()).or_default();
            t.n_chars += b.n_chars;
            t.n_link_chars += b.n_link_chars;
            t.n_commas += commas;
        }
    }

    // Prose blocks vote for their containers.
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for b in blocks {
        if b.n_chars < 25 {
            continue;
        }
        let Some(owner) = element(tree, b.owner) else {
            continue;
        };
        if matches!(owner.value().name(), "h1" | "li" | "dt" | "th") {
            continue;
        }
        let score = 1.0 + count_commas(&b.text) as f64 + (b.n_chars as f64 / 100.0).min(3.0);
        // Paragraphs that are bare text in a container vote for the container
        // itself, as Readability's div-to-p conversion has them do.
        let start = if owner.value().name() == "p" {
            owner.parent()
        } else {
            Some(*owner)
        };
        let mut level = 0;
        let mut cur = start;
        while let Some(node) = cur {
            let Some(el) = ElementRef::wrap(node) else {
                break;
            };
            if level >= 5 {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let entry = scores
                .entry(node.id())
                .or_insert_with(|| tag_weight(el.value().name()) + class_weight(el.value()));
            *entry += score / divider;
            level += 1;
            cur = node.parent();
        }
    }
    for (id, score) in scores.iter_mut() {
        *score *= 1.0 - totals.get(id).map_or(0.0, Totals::link_density);
    }

    let selected = choose(tree, &scores, &totals);
    let Some(selected) = selected else {
        return join(blocks.iter().map(|b| b.text.as_str()));
    };
    let dropped = if filter == Filter::Strict {
        boilerplate_containers(tree, &selected, &scores, &totals)
    } else {
        HashSet::new()
    };

    let kept = blocks.iter().filter(|b| {
        let Some(owner) = tree.get(b.owner) else {
            return false;
        };
        let mut inside = false;
        for n in std::iter::once(owner).chain(owner.ancestors()) {
            if dropped.contains(&n.id()) {
                return false;
            }
            if selected.contains(&n.id()) {
                inside = true;
                break;
            }
        }
        if !inside {
            return false;
        }
        let name = ElementRef::wrap(owner).map_or("", |e| e.value().name());
        // The headline is the title, not the body; a block that is mostly
        // links is navigation that slipped through.
        name != "h1" && b.n_link_chars * 2 <= b.n_chars && !BOILERPLATE_LINE.is_match(&b.text)
    });
    let kept: Vec<&str> = kept.map(|b| b.text.as_str()).collect();
    join(trim_edges(&kept).iter().copied())
}

/// Lines that are page furniture wherever they stand.
static BOILERPLATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(advert(isement)?|sponsored|tags?:?|share( this( article| story)?)?:?|\d+ comments?|post a comment|comments?|leave a (comment|reply)|related( articles| posts| stories| content)?:?|read more:?|you may (also )?like.*|see also:?|print|email)$",
    )
    .expect("valid regex")
});

/// Drops the short lines that are not sentences at the start and end of the
/// article: breadcrumbs, bylines, datelines, "Tags:" lines. Such lines in the
/// middle are often subheadings, which belong to the article, so only the
/// edges are trimmed.
fn trim_edges<'a>(blocks: &[&'a str]) -> Vec<&'a str> {
    let is_prose = |b: &str| {
        let ends_sentence = b
            .trim_end()
            .ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ')', ':']);
        ends_sentence || b.split_whitespace().count() > 5
    };
    let first = blocks.iter().position(|b| is_prose(b));
    let last = blocks.iter().rposition(|b| is_prose(b));
    match (first, last) {
        (Some(f), Some(l)) => blocks[f..=l].to_vec(),
        // Nothing reads like prose (a list, a table): keep it all.
        _ => blocks.to_vec(),
    }
}

/// The top candidate and the siblings that belong with it.
fn choose(
    tree: &ego_tree::Tree<Node>,
    scores: &HashMap<NodeId, f64>,
    totals: &HashMap<NodeId, Totals>,
) -> Option<HashSet<NodeId>> {
    // Ties are broken by document order, so the choice does not depend on
    // the hash map's order.
    let order: HashMap<NodeId, usize> = tree
        .root()
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(&id, &s)| (id, s)).collect();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| order.get(&a.0).cmp(&order.get(&b.0)))
    });
    let &(mut top, mut top_score) = ranked.first()?;

    // When several near-best candidates share an ancestor, the article is
    // split across them (a page with one section per subheading): take the
    // ancestor.
    let alternatives: Vec<NodeId> = ranked[1..]
        .iter()
        .take(4)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = tree.get(top).and_then(|n| n.parent());
        while let Some(p) = parent {
            if ElementRef::wrap(p).is_some_and(|e| e.value().name() == "body") {
                break;
            }
            let n_within = alternatives
                .iter()
                .filter(|&&a| {
                    tree.get(a)
                        .is_some_and(|n| n.ancestors().any(|x| x.id() == p.id()))
                })
                .count();
            if n_within >= 3 {
                top = p.id();
                top_score = scores.get(&top).copied().unwrap_or(top_score);
                break;
            }
            parent = p.parent();
        }
    }
    // An only child says nothing its parent does not.
    while let Some(parent) = tree.get(top).and_then(|n| n.parent()) {
        let Some(el) = ElementRef::wrap(parent) else {
            break;
        };
        if el.value().name() == "body" || el.child_elements().count() != 1 {
            break;
        }
        top = parent.id();
    }

    let mut selected = HashSet::from([top]);
    let Some(parent) = tree.get(top).and_then(|n| n.parent()) else {
        return Some(selected);
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = element(tree, top).and_then(|e| e.value().attr("class").map(str::to_string));
    for sibling in parent.children() {
        let Some(el) = ElementRef::wrap(sibling) else {
            continue;
        };
        if sibling.id() == top {
            continue;
        }
        let mut bonus = 0.0;
        if let (Some(tc), Some(c)) = (&top_class, el.value().attr("class")) {
            if !tc.is_empty() && tc == c {
                bonus = top_score * 0.2;
            }
        }
        let score = scores.get(&sibling.id()).copied().unwrap_or(0.0);
        let t = totals.get(&sibling.id()).copied().unwrap_or_default();
        let append = if score + bonus >= threshold {
            true
        } else if el.value().name() == "p" {
            let ld = t.link_density();
            let text: String = el.text().collect();
            let text = text.trim();
            (t.n_chars > 80 && ld < 0.25)
                || (t.n_chars > 0
                    && t.n_chars <= 80
                    && ld == 0.0
                    && (text.ends_with('.') || text.contains(". ")))
        } else {
            false
        };
        if append {
            selected.insert(sibling.id());
        }
    }
    // Pages that interleave the article with ads repeat its container (the
    // same tag and class) once per chunk; the chunks are cousins, not
    // siblings, so the rule above misses them.
    if let Some(top_el) = element(tree, top) {
        let (name, class) = (top_el.value().name(), top_class.as_deref().unwrap_or(""));
        if !class.trim().is_empty() {
            for &(id, score) in &ranked {
                if score < threshold || selected.contains(&id) {
                    continue;
                }
                let Some(el) = element(tree, id) else {
                    continue;
                };
                let related = el.ancestors().any(|a| selected.contains(&a.id()))
                    || top_el.ancestors().any(|a| a.id() == id);
                if !related && el.value().name() == name && el.value().attr("class") == Some(class)
                {
                    selected.insert(id);
                }
            }
        }
    }
    Some(selected)
}

/// Containers inside the article that look like boilerplate: link lists,
/// galleries, forms, share bars. Readability's "clean conditionally".
fn boilerplate_containers(
    tree: &ego_tree::Tree<Node>,
    selected: &HashSet<NodeId>,
    scores: &HashMap<NodeId, f64>,
    totals: &HashMap<NodeId, Totals>,
) -> HashSet<NodeId> {
    let mut dropped = HashSet::new();
    for &root in selected {
        let Some(root) = element(tree, root) else {
            continue;
        };
        for el in root.descendent_elements().skip(1) {
            let name = el.value().name();
            if !matches!(
                name,
                "ul" | "ol" | "table" | "div" | "section" | "form" | "dl"
            ) {
                continue;
            }
            let t = totals.get(&el.id()).copied().unwrap_or_default();
            if t.n_chars == 0 {
                continue;
            }
            let weight = class_weight(el.value());
            let score = scores.get(&el.id()).copied().unwrap_or(0.0);
            if weight + score < 0.0 {
                dropped.insert(el.id());
                continue;
            }
            if t.n_commas >= 10 {
                continue;
            }
            let (mut n_p, mut n_li, mut n_img, mut n_input, mut n_embed) =
                (0usize, 0usize, 0usize, 0usize, 0usize);
            for d in el.descendent_elements().skip(1) {
                match d.value().name() {
                    "p" => n_p += 1,
                    "li" => n_li += 1,
                    "img" => n_img += 1,
                    "input" | "select" | "textarea" | "button" => n_input += 1,
                    "embed" | "object" | "iframe" | "video" => n_embed += 1,
                    _ => {}
                }
            }
            let is_list = matches!(name, "ul" | "ol" | "dl");
            let ld = t.link_density();
            let junk = (n_img > 1 && (n_p as f64) / (n_img as f64) < 0.5)
                || (!is_list && n_li > n_p + 1 && t.n_chars < 600)
                || n_input > n_p / 3 + 1
                || (!is_list && t.n_chars < 25 && (n_img == 0 || n_img > 2))
                || (weight < 25.0 && ld > 0.2 && !(is_list && ld < 0.5))
                || (weight >= 25.0 && ld > 0.5)
                || (n_embed == 1 && t.n_chars < 75)
                || n_embed > 1;
            if junk {
                dropped.insert(el.id());
            }
        }
    }
    dropped
}
