//! Ingest: turns files, standard input, JSON Lines, HTML article pages and
//! RSS/Atom feeds into [`Document`]s. It is the only annotator-side crate
//! that does IO.
//!
//! The document text is set here, once: the article without any wrapper
//! (the seed format's `date ...` prefix, HTML markup, JSON quoting), and it
//! never changes after. Metadata goes to [`dossier_text::DocMeta`].
//!
//! A batch never dies for one bad input: every input yields documents or
//! [`IngestError`]s, in input order, and each error names the file (and the
//! line or feed item). Problems that leave a usable article (an impossible
//! date, bytes that are not UTF-8) are diagnostics on the document instead.
//!
//! Choices worth knowing:
//! - An impossible or unreadable date (`2023-02-30`) keeps the article,
//!   without a date, with a warning that names the file, line and field: the
//!   text is still worth reading, and `--date` can supply the anchor.
//! - [`IngestConfig::date`] overrides the article's own date (an explicit
//!   instruction wins); an info diagnostic records the date it replaced.
//! - Ids: JSON Lines `id`, else the file stem, plus `#<line>` for JSON Lines
//!   and `#<item>` for feeds. Ids repeated within a batch get `~2`, `~3`.
//! - Limits: [`IngestConfig::max_bytes`] applies to one article (a text file,
//!   a JSON Lines line, a page's main text, a feed item).
//!
//! ```
//! use dossier_ingest::{ingest_str, IngestConfig};
//! let out = ingest_str("kabul.txt", " date 2024-05-02 Gunmen attacked a checkpoint.", &IngestConfig::default());
//! let doc = out[0].as_ref().unwrap();
//! assert_eq!(doc.text(), "Gunmen attacked a checkpoint.");
//! assert_eq!(doc.meta.id, "kabul");
//! assert_eq!(doc.meta.date.unwrap().to_string(), "2024-05-02");
//! ```

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_text::Document;

pub mod date;
mod decode;
mod draft;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod feed;
pub mod html;
mod jsonl;
mod nesting;
mod plain;

pub use draft::STAGE;
pub use error::{IngestError, Place, Source};
#[cfg(feature = "eval")]
pub use eval::{evaluate_extraction, ExtractionReport, Scores};

/// The input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ` date YYYY-MM-DD ` then the article text.
    Seed,
    /// Plain text, the whole file one article.
    Text,
    /// JSON Lines, one article object per line.
    Jsonl,
    /// An HTML article page.
    Html,
    /// An RSS or Atom feed, one article per item.
    Feed,
}

impl Format {
    /// Parses a format name as a user types it (`--format jsonl`).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "seed" => Format::Seed,
            "text" | "txt" | "plain" => Format::Text,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "html" | "htm" => Format::Html,
            "feed" | "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// The format a file name promises (a `.gz` suffix is looked through);
    /// `None` where only the content can tell (`.xml`, no extension).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" | "xhtml" => Format::Html,
            "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// Guesses the format from the start of the content.
    ///
    /// ```
    /// use dossier_ingest::Format;
    /// assert_eq!(Format::sniff(r#"{"text": "..."}"#), Format::Jsonl);
    /// assert_eq!(Format::sniff("<?xml version=\"1.0\"?><rss version=\"2.0\">"), Format::Feed);
    /// assert_eq!(Format::sniff("<!DOCTYPE html><html>"), Format::Html);
    /// assert_eq!(Format::sniff(" date 2023-02-18 Text"), Format::Seed);
    /// assert_eq!(Format::sniff("Just text."), Format::Text);
    /// ```
    pub fn sniff(content: &str) -> Format {
        let start = content.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let head: String = start
            .chars()
            .take(2048)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with('{') {
            return Format::Jsonl;
        }
        if ["<rss", "<feed", "<rdf"]
            .iter()
            .any(|t| head.starts_with(t))
        {
            return Format::Feed;
        }
        if head.starts_with("<?xml") {
            let is_feed = ["<rss", "<feed", "<rdf:rdf"]
                .iter()
                .any(|t| head.contains(t));
            return if !is_feed && head.contains("<html") {
                Format::Html
            } else {
                Format::Feed
            };
        }
        if head.starts_with('<') {
            return Format::Html;
        }
        if plain::has_seed_prefix(start) {
            return Format::Seed;
        }
        Format::Text
    }
}

/// How to ingest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestConfig {
    /// The largest article accepted, in bytes: a text file, a JSON Lines line,
    /// the main text of a page, a feed item. Larger ones are skipped with an
    /// error (they are usually a dump, not an article).
    pub max_bytes: usize,
    /// The largest file read whole (HTML pages, feeds, standard input, the
    /// decompressed content of gzip files): reading stops here, whatever size
    /// the file system reports. JSON Lines files are streamed line by line
    /// and have no overall limit, but a line longer than this ends the file
    /// (a stream with no line breaks).
    pub max_file_bytes: usize,
    /// The publication date to use. It overrides the article's own date,
    /// which is then kept in a diagnostic; articles with no date of their own
    /// (plain text) need it to anchor relative times.
    pub date: Option<NaiveDate>,
    /// The format of every input; `None` decides per input from the file
    /// extension, then from the content.
    pub format: Option<Format>,
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        IngestConfig {
            max_bytes: 5 * 1024 * 1024,
            max_file_bytes: 64 * 1024 * 1024,
            date: None,
            format: None,
        }
    }
}

/// Ingests text that is already in memory. `name` stands for the file name:
/// it gives the document id's stem, names the input in errors, and its
/// extension hints the format.
pub fn ingest_str(
    name: &str,
    content: &str,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    ingest_bytes(name, content.as_bytes(), cfg)
}

/// Ingests bytes that are already in memory (see [`ingest_str`]); gzip and
/// UTF-16 with a byte-order mark are recognised.
pub fn ingest_bytes(
    name: &str,
    bytes: &[u8],
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    ingest_source(&Source::new(name), bytes.to_vec(), cfg)
}

fn ingest_source(
    source: &Source,
    bytes: Vec<u8>,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    match ingest_whole(source, bytes, cfg) {
        Ok(docs) => {
            let mut ids = UniqueIds::default();
            docs.into_iter().map(|d| ids.apply(d)).collect()
        }
        Err(e) => vec![Err(e)],
    }
}

fn ingest_whole(
    source: &Source,
    bytes: Vec<u8>,
    cfg: &IngestConfig,
) -> Result<Vec<Result<Document, IngestError>>, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            path: source.clone(),
        });
    }
    let bytes = decode::gunzip(source, bytes, cfg.max_file_bytes)?;
    let decoded = decode::decode(source, &bytes)?;
    let format = match (cfg.format, Format::from_path(&source.path)) {
        (Some(f), _) => f,
        // A `.txt` file in the seed format is still the seed format.
        (None, Some(Format::Text)) if plain::has_seed_prefix(&decoded.text) => Format::Seed,
        (None, Some(f)) => f,
        (None, None) => Format::sniff(&decoded.text),
    };
    let place = source.to_string();
    let single = |mut draft: draft::Draft| {
        if let Some(m) = decoded.lossy_message(&place) {
            draft.warn(m);
        }
        vec![Ok(draft.finish(cfg, &place))]
    };
    let too_large = |size: usize| IngestError::TooLarge {
        path: source.clone(),
        at: Place::File,
        size,
        max: cfg.max_bytes,
    };
    Ok(match format {
        Format::Seed | Format::Text => {
            if bytes.len() > cfg.max_bytes {
                return Err(too_large(bytes.len()));
            }
            let draft = if format == Format::Seed {
                plain::seed(source, &decoded.text)
            } else {
                plain::plain(source, &decoded.text)
            };
            single(draft)
        }
        Format::Html => {
            let declared = (decoded.n_replaced > 0)
                .then(|| decode::declared_charset(&bytes))
                .flatten();
            let (page, charset_note) = match declared {
                Some(encoding) => (
                    encoding.decode(&bytes).0.into_owned(),
                    Some((
                        dossier_text::Severity::Info,
                        format!("{place}: the page is not UTF-8; it was decoded as {}, the charset it declares", encoding.name()),
                    )),
                ),
                None => (
                    decoded.text.clone(),
                    decoded.lossy_message(&place).map(|m| (dossier_text::Severity::Warning, m)),
                ),
            };
            let article = html::extract_article(&page);
            if article.text.trim().is_empty() {
                return Err(IngestError::NoText {
                    path: source.clone(),
                    at: Place::File,
                });
            }
            if article.text.len() > cfg.max_bytes {
                return Err(too_large(article.text.len()));
            }
            let mut draft = draft::Draft::new(source.stem(), article.text);
            draft.meta.title = article.title;
            draft.meta.date = article.date;
            draft.meta.url = article.url;
            draft.meta.source = article.site_name;
            draft.meta.language = article.language;
            for (from, text) in article.bad_dates {
                draft.warn(format!(
                    "{place}: {from}: `{text}` is not a valid date; the page is kept without a date, give one with --date"
                ));
            }
            draft.diagnostics.extend(charset_note);
            if let Some(depth) = article.deep_nesting {
                draft.warn(format!(
                    "{place}: the page nests elements {depth} deep; past depth {} its layout was flattened to read it, so the main text may include page furniture",
                    html::MAX_NESTING
                ));
            }
            vec![Ok(draft.finish(cfg, &place))]
        }
        // The raw bytes: feed-rs honours the encoding the XML prolog declares.
        Format::Feed => feed::parse_feed(source, &bytes, cfg),
        Format::Jsonl => {
            let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(&bytes);
            let out: Vec<_> = bytes
                .split(|&b| b == b'\n')
                .enumerate()
                .filter_map(|(i, line)| jsonl_line(source, i + 1, line, cfg))
                .collect();
            if out.is_empty() {
                return Err(IngestError::Empty {
                    path: source.clone(),
                });
            }
            out
        }
    })
}

/// One line of a JSON Lines input; `None` for a blank line.
fn jsonl_line(
    source: &Source,
    line_no: usize,
    line: &[u8],
    cfg: &IngestConfig,
) -> Option<Result<Document, IngestError>> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    if line.len() > cfg.max_bytes {
        return Some(Err(IngestError::TooLarge {
            path: source.clone(),
            at: Place::Line(line_no),
            size: line.len(),
            max: cfg.max_bytes,
        }));
    }
    let decoded = decode::lossy_utf8(line);
    let place = format!("{source}:{line_no}");
    Some(
        jsonl::parse_line(source, line_no, &decoded.text).map(|mut draft| {
            if let Some(m) = decoded.lossy_message(&place) {
                draft.warn(m);
            }
            draft.finish(cfg, &place)
        }),
    )
}

/// Ingests files, directories (recursively, in sorted order) and `-` for
/// standard input, lazily and in input order. JSON Lines files are streamed.
///
/// ```no_run
/// use dossier_ingest::{ingest_paths, IngestConfig};
/// let mut skipped = 0;
/// for item in ingest_paths(&["news/".into()], &IngestConfig::default()) {
///     match item {
///         Ok(doc) => println!("{}", doc.meta.id),
///         Err(e) => { eprintln!("dossier: {e}"); skipped += 1 }
///     }
/// }
/// ```
pub fn ingest_paths(paths: &[PathBuf], cfg: &IngestConfig) -> Ingest {
    Ingest {
        cfg: cfg.clone(),
        pending: paths.iter().cloned().map(Pending::Named).collect(),
        ids: UniqueIds::default(),
        current: Current::Idle,
    }
}

/// How many articles the paths probably hold, for a progress bar's total and
/// ETA: one per article file, one per non-empty line of a JSON Lines file
/// (counted by streaming it, without parsing). `None` when it cannot be known
/// in advance (standard input). A feed counts as one, so the figure is a
/// floor where feeds are given.
pub fn estimate_count(paths: &[PathBuf], cfg: &IngestConfig) -> Option<u64> {
    let mut n = 0u64;
    let mut files = Vec::new();
    for path in paths {
        if Source::new(path.clone()).is_stdin() {
            return None;
        }
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_dir() {
            files.extend(list_articles(path).into_iter().filter_map(Result::ok));
        } else if meta.is_file() {
            files.push(path.clone());
        } else {
            // A pipe (`<(zcat x.gz)`) can be read only once, by ingest.
            return None;
        }
    }
    for f in files {
        let format = cfg.format.or_else(|| Format::from_path(&f));
        if format == Some(Format::Jsonl)
            && !f.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
        {
            n += count_lines(&f).unwrap_or(1);
        } else {
            n += 1;
        }
    }
    Some(n)
}

fn count_lines(path: &Path) -> std::io::Result<u64> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut n = 0u64;
    let mut last = b'\n';
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        n += buf.iter().filter(|&&b| b == b'\n').count() as u64;
        last = buf[buf.len() - 1];
        let len = buf.len();
        reader.consume(len);
    }
    Ok(n + u64::from(last != b'\n'))
}

/// The iterator [`ingest_paths`] returns.
pub struct Ingest {
    cfg: IngestConfig,
    pending: VecDeque<Pending>,
    current: Current,
    ids: UniqueIds,
}

/// Keeps document ids unique within a batch: two `report.html` files in
/// different folders, or a JSON Lines id used twice, would otherwise make
/// two articles indistinguishable downstream. Later ones get `~2`, `~3`, in
/// input order, which is deterministic.
#[derive(Default)]
struct UniqueIds {
    seen: std::collections::HashSet<String>,
}

impl UniqueIds {
    fn apply(&mut self, item: Result<Document, IngestError>) -> Result<Document, IngestError> {
        let mut doc = item?;
        if self.seen.insert(doc.meta.id.clone()) {
            return Ok(doc);
        }
        let taken = doc.meta.id.clone();
        let id = (2..)
            .map(|n| format!("{taken}~{n}"))
            .find(|c| !self.seen.contains(c))
            .expect("unbounded");
        self.seen.insert(id.clone());
        doc.diagnose(
            STAGE,
            dossier_text::Severity::Warning,
            None,
            format!("id `{taken}` is taken by an earlier article, so this one is `{id}`; give the articles unique ids or file names"),
        );
        doc.meta.id = id;
        Ok(doc)
    }
}

/// An input still to read.
enum Pending {
    /// A path named by the caller: a file, a directory, a FIFO, `-`.
    Named(PathBuf),
    /// A regular file found inside a directory.
    Found(PathBuf),
    /// A problem found while listing a directory.
    Failed(IngestError),
}

enum Current {
    Idle,
    Items(std::vec::IntoIter<Result<Document, IngestError>>),
    Lines(LineReader),
}

impl Iterator for Ingest {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.current {
                Current::Items(items) => match items.next() {
                    Some(item) => return Some(self.ids.apply(item)),
                    None => self.current = Current::Idle,
                },
                Current::Lines(reader) => match reader.next_item(&self.cfg) {
                    Some(item) => return Some(self.ids.apply(item)),
                    None => self.current = Current::Idle,
                },
                Current::Idle => {
                    self.current = match self.pending.pop_front()? {
                        Pending::Named(path) => self.open(path),
                        Pending::Found(path) => self.open_file(Source::new(path)),
                        Pending::Failed(e) => return Some(Err(e)),
                    };
                }
            }
        }
    }
}

impl Ingest {
    fn open(&mut self, path: PathBuf) -> Current {
        let source = Source::new(path.clone());
        let fail = |e: IngestError| Current::Items(vec![Err(e)].into_iter());
        if source.is_stdin() {
            let stdin = std::io::stdin().lock();
            return match read_capped(stdin, &source, self.cfg.max_file_bytes) {
                Ok(bytes) => Current::Items(ingest_source(&source, bytes, &self.cfg).into_iter()),
                Err(e) => fail(e),
            };
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return fail(IngestError::NotFound { path: source })
            }
            Err(e) => {
                return fail(IngestError::Io {
                    path: source,
                    source: e,
                })
            }
        };
        if meta.is_dir() {
            let files = list_articles(&path);
            if files.is_empty() {
                return fail(IngestError::EmptyDir { path: source });
            }
            for f in files.into_iter().rev() {
                self.pending.push_front(match f {
                    Ok(path) => Pending::Found(path),
                    Err(e) => Pending::Failed(e),
                });
            }
            return Current::Idle;
        }
        // A FIFO or a device named on the command line is read too:
        // `dossier extract <(zcat x.gz)` names a pipe.
        self.open_file(source)
    }

    fn open_file(&mut self, source: Source) -> Current {
        let fail = |e: IngestError| Current::Items(vec![Err(e)].into_iter());
        let path = &source.path;
        let format = self.cfg.format.or_else(|| Format::from_path(path));
        let gz = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        if format == Some(Format::Jsonl) && !gz {
            return match LineReader::open(source.clone()) {
                Ok(r) => Current::Lines(r),
                Err(e) => fail(e),
            };
        }
        // The cap applies while reading, not to the size the file system
        // reports: `/dev/zero` and pipes report 0.
        let read = File::open(path)
            .map_err(|e| IngestError::Io {
                path: source.clone(),
                source: e,
            })
            .and_then(|f| read_capped(f, &source, self.cfg.max_file_bytes));
        match read {
            Ok(bytes) => Current::Items(ingest_source(&source, bytes, &self.cfg).into_iter()),
            Err(e) => fail(e),
        }
    }
}

/// Reads a whole input, but no more than `max` bytes of it.
fn read_capped(reader: impl Read, source: &Source, max: usize) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Io {
            path: source.clone(),
            source: e,
        })?;
    if bytes.len() > max {
        return Err(IngestError::FileTooLarge {
            path: source.clone(),
            what: "file",
            max,
        });
    }
    Ok(bytes)
}

/// The article files under a directory, sorted by name, for a deterministic
/// order, and the problems met on the way, in the same order. Hidden files
/// and files of other kinds (images, stylesheets) are passed over: a
/// directory of saved pages holds plenty of both.
///
/// Symbolic links are followed, but a directory already visited (the same
/// device and inode, reached again through a link) is not entered again, so
/// a link to `.` neither loops nor repeats files. An unreadable
/// subdirectory is reported and skipped on its own; FIFOs, sockets and
/// devices are reported and skipped, since reading one can block forever.
pub fn list_articles(dir: &Path) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = Source::new(e.path().unwrap_or(dir));
                out.push(Err(match e.loop_ancestor() {
                    Some(ancestor) => IngestError::LinkLoop {
                        path,
                        ancestor: ancestor.to_path_buf(),
                    },
                    None => IngestError::Io {
                        path,
                        source: e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("cannot walk the directory")),
                    },
                }));
                continue;
            }
        };
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type();
        if hidden {
            if kind.is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if kind.is_dir() {
            if !seen_dirs.insert(dir_key(&entry)) {
                walk.skip_current_dir();
            }
            continue;
        }
        if !kind.is_file() {
            out.push(Err(IngestError::NotRegular {
                path: Source::new(entry.path()),
                kind: special_kind(&kind),
            }));
            continue;
        }
        let path = entry.into_path();
        if Format::from_path(&path).is_some()
            || path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        {
            out.push(Ok(path));
        }
    }
    out
}

/// What identifies a directory however it is reached: its device and inode
/// on Unix, its canonical path elsewhere.
fn dir_key(entry: &walkdir::DirEntry) -> (u64, u64, PathBuf) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = entry.metadata() {
            return (m.dev(), m.ino(), PathBuf::new());
        }
    }
    let path = std::fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_path_buf());
    (0, 0, path)
}

fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a regular file"
}

/// Streams a JSON Lines file line by line, so corpora larger than memory go
/// through.
struct LineReader {
    source: Source,
    reader: BufReader<File>,
    line_no: usize,
    n_items: usize,
    done: bool,
    buf: Vec<u8>,
}

impl LineReader {
    fn open(source: Source) -> Result<LineReader, IngestError> {
        let io = |e: std::io::Error| IngestError::Io {
            path: source.clone(),
            source: e,
        };
        let mut reader = BufReader::with_capacity(1 << 16, File::open(&source.path).map_err(io)?);
        let head = reader.fill_buf().map_err(io)?;
        if head.is_empty() {
            return Err(IngestError::Empty { path: source });
        }
        if decode::looks_binary(&head[..head.len().min(8192)]) {
            return Err(IngestError::Binary { path: source });
        }
        Ok(LineReader {
            source,
            reader,
            line_no: 0,
            n_items: 0,
            done: false,
            buf: Vec::new(),
        })
    }

    fn next_item(&mut self, cfg: &IngestConfig) -> Option<Result<Document, IngestError>> {
        while !self.done {
            self.buf.clear();
            match self.read_line(cfg) {
                Ok(Line::End) => {
                    self.done = true;
                    if self.n_items == 0 {
                        return Some(Err(IngestError::Empty {
                            path: self.source.clone(),
                        }));
                    }
                }
                Ok(Line::Endless) => {
                    self.done = true;
                    return Some(Err(IngestError::FileTooLarge {
                        path: self.source.clone(),
                        what: "line",
                        max: cfg.max_file_bytes,
                    }));
                }
                Ok(Line::TooLong(size)) => {
                    self.line_no += 1;
                    self.n_items += 1;
                    return Some(Err(IngestError::TooLarge {
                        path: self.source.clone(),
                        at: Place::Line(self.line_no),
                        size,
                        max: cfg.max_bytes,
                    }));
                }
                Ok(Line::Read) => {
                    self.line_no += 1;
                    let mut line: &[u8] = &self.buf;
                    if self.line_no == 1 {
                        line = line.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(line);
                    }
                    let line = line.strip_suffix(b"\n").unwrap_or(line);
                    if let Some(item) = jsonl_line(&self.source, self.line_no, line, cfg) {
                        self.n_items += 1;
                        return Some(item);
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(IngestError::Io {
                        path: self.source.clone(),
                        source: e,
                    }));
                }
            }
        }
        None
    }

    /// Reads one line into `buf`, holding no more of it than the article
    /// limit allows: a longer line is read to its end but not kept, and a
    /// line longer than the file limit (a stream with no line breaks) ends
    /// the file.
    fn read_line(&mut self, cfg: &IngestConfig) -> std::io::Result<Line> {
        let mut size = 0usize;
        let mut newline = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            let (take, ends) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            // Keep one byte past the limit, so that `jsonl_line` sees the
            // line is too long only if it is.
            let room = (cfg.max_bytes + 2).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            self.reader.consume(take);
            size += take;
            if ends {
                newline = true;
                break;
            }
            if size > cfg.max_file_bytes {
                return Ok(Line::Endless);
            }
        }
        if size == 0 {
            return Ok(Line::End);
        }
        // The line without its break; a `\r` before it counts, which errs
        // by one byte only for lines that are too long anyway.
        let content = size - usize::from(newline);
        if content > cfg.max_bytes + 1 {
            return Ok(Line::TooLong(content));
        }
        Ok(Line::Read)
    }
}

/// What [`LineReader::read_line`] found.
enum Line {
    /// A line (perhaps blank) is in the buffer.
    Read,
    /// A line of this many bytes, over the article limit; not kept.
    TooLong(usize),
    /// No line break within the file limit.
    Endless,
    /// The end of the file.
    End,
}
