//! The crate's one error type: a problem that stops one input from becoming
//! a document. Problems *inside* an article that still yields a document
//! (an impossible date, bytes that are not UTF-8) are diagnostics instead.

use std::fmt;
use std::path::PathBuf;

/// Where an input came from, as the user named it: a path, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path as given on the command line (`-` is standard input).
    pub path: PathBuf,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>) -> Source {
        Source { path: path.into() }
    }

    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The stem used for document ids: the file name without its extensions
    /// (`reports/kabul.html.gz` -> `kabul`), `stdin` for standard input.
    pub fn stem(&self) -> String {
        if self.is_stdin() {
            return "stdin".to_string();
        }
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.to_string_lossy().into_owned());
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        match name.rfind('.') {
            Some(dot) if dot > 0 => name[..dot].to_string(),
            _ => name.to_string(),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_stdin() {
            f.write_str("<stdin>")
        } else {
            write!(f, "{}", self.path.display())
        }
    }
}

/// Why an input (a file, a JSON Lines line, a feed item) was skipped.
///
/// Every variant names the file, and the line or item where there is one, so
/// that a batch can print the error, skip the input and go on.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or directory; check the path")]
    NotFound { path: Source },

    #[error("{path}: cannot read it: {source}; check that it is a readable file")]
    Io {
        path: Source,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: the file is empty; give a file with article text")]
    Empty { path: Source },

    #[error("{path}: the directory holds no article files (.txt, .jsonl, .ndjson, .html, .htm, .rss, .atom, .xml); check the path")]
    EmptyDir { path: Source },

    #[error(
        "{path}: this looks like a binary file, not text; give text, JSON Lines, HTML or an RSS/Atom feed"
    )]
    Binary { path: Source },

    #[error("{path}{at}: the article is {size} bytes, over the limit of {max} bytes; split it, or raise the limit with --max-bytes")]
    TooLarge {
        path: Source,
        at: Place,
        size: usize,
        max: usize,
    },

    /// A file (or its gzip-decompressed content, or a stream) is larger than
    /// [`crate::IngestConfig::max_file_bytes`]; reading stopped there, so the
    /// real size is not known.
    #[error("{path}: the {what} is over the limit of {max} bytes (reading stopped there); split it, or raise the limit with --max-file-bytes")]
    FileTooLarge {
        path: Source,
        what: &'static str,
        max: usize,
    },

    #[error("{path}: the link leads back to {} and is not followed again; remove the link if it is a mistake", ancestor.display())]
    LinkLoop { path: Source, ancestor: PathBuf },

    #[error("{path}: {kind}, not a regular file, so it is skipped inside a directory; name it on the command line to read it")]
    NotRegular { path: Source, kind: &'static str },

    #[error("{path}:{line}: {message}")]
    JsonLine {
        path: Source,
        line: usize,
        message: String,
    },

    #[error("{path}: cannot parse the feed: {message}; check that it is RSS or Atom XML")]
    Feed { path: Source, message: String },

    #[error("{path}: {message}")]
    Benchmark { path: Source, message: String },

    #[error("{path}{at}: no article text found; check that the input holds an article")]
    NoText { path: Source, at: Place },
}

/// Where in a file an error is: nowhere in particular, a line of a JSON
/// Lines file, or an item of a feed (both 1-based).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Place {
    #[default]
    File,
    Line(usize),
    Item(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Line(n) => write!(f, ":{n}"),
            Place::Item(n) => write!(f, " (item {n})"),
        }
    }
}

impl IngestError {
    /// The input the error is about.
    pub fn source_path(&self) -> &Source {
        match self {
            IngestError::NotFound { path }
            | IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::EmptyDir { path }
            | IngestError::Binary { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::FileTooLarge { path, .. }
            | IngestError::LinkLoop { path, .. }
            | IngestError::NotRegular { path, .. }
            | IngestError::JsonLine { path, .. }
            | IngestError::Feed { path, .. }
            | IngestError::Benchmark { path, .. }
            | IngestError::NoText { path, .. } => path,
        }
    }
}
