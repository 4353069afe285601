//! Byte ranges into the document text.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into [`crate::Document::text`].
///
/// Offsets are bytes inside the engine; character offsets are computed once,
/// at the output boundary (see `dossier-pipeline`'s schema module).
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    /// Creates a range. Panics if `start > end`: that is a bug in the caller,
    /// never a property of the input text.
    #[inline]
    pub fn new(start: u32, end: u32) -> TextRange {
        assert!(
            start <= end,
            "TextRange::new({start}, {end}): start after end"
        );
        TextRange { start, end }
    }

    /// Creates a range from `usize` offsets, as produced by `str` methods.
    #[inline]
    pub fn from_usize(start: usize, end: usize) -> TextRange {
        TextRange::new(
            u32::try_from(start).expect("document larger than 4 GiB"),
            u32::try_from(end).expect("document larger than 4 GiB"),
        )
    }

    #[inline]
    pub fn start(self) -> u32 {
        self.start
    }
    #[inline]
    pub fn end(self) -> u32 {
        self.end
    }
    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The range as a `usize` range, for slicing `&str`.
    #[inline]
    pub fn as_range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the two ranges share at least one byte.
    #[inline]
    pub fn overlaps(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest range that covers both.
    #[inline]
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<TextRange> for Range<usize> {
    fn from(r: TextRange) -> Range<usize> {
        r.as_range()
    }
}
