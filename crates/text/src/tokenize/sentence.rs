//! The sentence splitter: rules over the tokens the scanner made.
//!
//! A sentence ends
//! - at a blank line (a paragraph break; a headline without final
//!   punctuation ends there too), always;
//! - after `.`, `!` or `?` and the closing quotes and brackets glued to it
//!   (`...banking.’`), unless the next token continues the sentence: a
//!   lower-case word (`“Why?” he asked`), `,` `;` `)` and the like, or, after
//!   a closing quote, a speaker and a speech verb (`“Why?” Khan asked`);
//! - after an abbreviation that may end a sentence (`U.S.`, `Inc.`, an
//!   initial) or an ellipsis, only before a typical sentence opener ("The",
//!   "He", "But": see [`lexicon::is_sentence_opener`]) or an opening quote
//!   and a capital;
//! - before a dateline at the start of a line, even after a single line
//!   break (a headline above it, then `KABUL, Aug 26 (Reuters) -`);
//! - after a headline that is a line of its own, even before a single line
//!   break: a line that starts a sentence, has no final punctuation, ends in
//!   a content word and is set off as a headline (ALL CAPS, Title Case, or
//!   at most half as long as the line below it). Hard-wrapped text, whose
//!   lines run on mid-sentence at an even width, does not match;
//! - never after a title, a month or a reference word (`Gen.`, `Aug.`,
//!   `No.`), nor at a dateline's dash (`KABUL, Aug 26 (Reuters) -`).

use super::lexicon::{self, Abbrev};
use crate::{Sentence, TextRange, TokenIdx, Tokens};

/// How strongly a token ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stop {
    /// A title or month abbreviation: never ends a sentence.
    NonFinal,
    /// An ellipsis or an abbreviation that may end a sentence.
    Weak,
    /// `.`, `!`, `?`.
    Strong,
}

pub(super) fn split(text: &str, tokens: &Tokens) -> Vec<Sentence> {
    let sp = Splitter {
        text,
        bytes: text.as_bytes(),
        tokens,
        n: tokens.len(),
    };
    let n = sp.n;
    let mut out = Vec::with_capacity(n / 24 + 1);
    let mut push = |first: usize, last: usize| {
        out.push(Sentence {
            range: TextRange::new(tokens.start[first], tokens.end[last - 1]),
            first: TokenIdx::new(first),
            last: TokenIdx::new(last),
        })
    };
    let mut first = 0;
    let mut i = 0;
    while i < n {
        // Most gaps are one space: only a longer gap or a line break can
        // end a paragraph or precede a dateline.
        let g = if i > first { sp.gap(i) } else { b" " };
        if g != b" "
            && (is_paragraph_break(g)
                || (sp.breaks_line(i) && (sp.dateline_at(i) || sp.headline_ends(first, i))))
        {
            push(first, i);
            first = i;
        }
        // Most tokens end in a letter or digit: decide them on their last
        // byte, without slicing the text (and checking char boundaries).
        let last = (tokens.end[i] as usize)
            .checked_sub(1)
            .and_then(|e| sp.bytes.get(e));
        let could_stop = last.is_some_and(|&b| matches!(b, b'.' | b'!' | b'?' | 0x80..));
        let Some(strength) = could_stop.then(|| stop(sp.tok(i))).flatten() else {
            i += 1;
            continue;
        };
        let (j, strength, quoted) = sp.end_of_stop(i, strength);
        if sp.ends_before(j, strength, quoted) {
            push(first, j);
            first = j;
        }
        i = j;
    }
    if first < n {
        push(first, n);
    }
    out
}

/// The text and tokens the splitter reads, and the tests it makes on them.
struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    tokens: &'a Tokens,
    n: usize,
}

impl Splitter<'_> {
    /// Token `k`'s text.
    #[inline]
    fn tok(&self, k: usize) -> &str {
        &self.text[self.tokens.start[k] as usize..self.tokens.end[k] as usize]
    }

    /// The gap before token `k`, for `k >= 1`, as bytes: gaps are only ever
    /// searched for ASCII line breaks, and byte slices skip the char-boundary
    /// checks of `&str` slicing.
    #[inline]
    fn gap(&self, k: usize) -> &[u8] {
        &self.bytes[self.tokens.end[k - 1] as usize..self.tokens.start[k] as usize]
    }

    #[inline]
    fn breaks_line(&self, k: usize) -> bool {
        self.gap(k).contains(&b'\n')
    }

    #[inline]
    fn glued(&self, k: usize) -> bool {
        self.tokens.start[k] == self.tokens.end[k - 1]
    }

    /// The end of the stop at `i`, its strength, and whether a closing
    /// quote is part of it: more final punctuation ("?!" written apart,
    /// "etc.).") and the closing quotes and brackets glued to it end the
    /// same sentence.
    fn end_of_stop(&self, i: usize, mut strength: Stop) -> (usize, Stop, bool) {
        let n = self.n;
        let mut j = i + 1;
        let mut quoted = false;
        while j < n {
            let t = self.tok(j);
            if !self.glued(j) {
                // A spaced ellipsis or "?  !" is still one end of sentence.
                if is_punct_stop(t) && !self.breaks_line(j) {
                    strength = strength.max(stop(t).unwrap_or(Stop::Strong));
                    j += 1;
                    continue;
                }
                break;
            }
            if lexicon::is_closer(t) {
                quoted |= !matches!(t, ")" | "]" | "}");
                j += 1;
            } else if let Some(s) = stop(t) {
                strength = strength.max(s);
                j += 1;
            } else {
                break;
            }
        }
        (j, strength, quoted)
    }

    /// Whether a stop of `strength` (`quoted` when a closing quote is part
    /// of it) ends a sentence before token `j`.
    fn ends_before(&self, j: usize, strength: Stop, quoted: bool) -> bool {
        let n = self.n;
        j == n || {
            let next = self.tok(j);
            match strength {
                Stop::NonFinal => false,
                // An opening quote and a capital after a blank: a quoted
                // sentence starts (`...in the U.S. “We...`).
                Stop::Weak => {
                    lexicon::is_sentence_opener(next)
                        || (!self.glued(j)
                            && lexicon::is_opening_quote(next)
                            && j + 1 < n
                            && starts_uppercase(self.tok(j + 1)))
                }
                Stop::Strong => {
                    !(starts_lowercase(next)
                        || lexicon::is_continuation(next)
                        || (self.glued(j) && !starts_uppercase(next))
                        || (quoted && self.attribution_follows(j)))
                }
            }
        }
    }

    /// A quotation that ends in `?` or `!` (or, less properly, `.`) and is
    /// followed by its speaker and a speech verb is one sentence with its
    /// attribution: `“Who did this?” Khan asked.` Looks at most three
    /// capitalised words ahead.
    fn attribution_follows(&self, j: usize) -> bool {
        let n = self.n;
        let mut k = j;
        while k < n && k < j + 3 && starts_uppercase(self.tok(k)) {
            k += 1;
        }
        k > j && k < n && lexicon::is_speech_verb(self.tok(k))
    }

    /// A dateline at the start of a line (`KABUL, Aug 26 (Reuters) -`,
    /// `NEW DELHI (AP) —`) starts a sentence even after a single line break,
    /// which separates it from a headline above it: up to three capitalised
    /// words, a comma or a parenthesis, and a dash further on the same line.
    fn dateline_at(&self, i: usize) -> bool {
        let n = self.n;
        let mut k = i;
        while k < n && k < i + 3 && is_all_caps(self.tok(k)) {
            k += 1;
        }
        if k == i || k >= n || !matches!(self.tok(k), "," | "(") {
            return false;
        }
        (k + 1..n.min(k + 12))
            .take_while(|&m| !self.breaks_line(m))
            .any(|m| matches!(self.tok(m), "-" | "--" | "—" | "–"))
    }

    /// A headline on a line of its own, above a single line break (scraped
    /// pages and feeds often have `Title\nBody...`): the line from `first` to
    /// `i` started a sentence at the start of a line, ends without final
    /// punctuation in a content word, and looks like a headline.
    fn headline_ends(&self, first: usize, i: usize) -> bool {
        let tokens = self.tokens;
        let words = i - first;
        if !(3..=25).contains(&words)
            || (first > 0 && !self.breaks_line(first))
            || (first + 1..i).any(|k| self.breaks_line(k))
        {
            return false;
        }
        let last = self.tok(i - 1);
        let next = self.tok(i);
        if !(last.chars().next().is_some_and(char::is_alphanumeric) || lexicon::is_closer(last))
            || lexicon::is_function_word(last)
            || !(starts_uppercase(next)
                || lexicon::is_opening_quote(next)
                || next.starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        let line: Vec<&str> = (first..i)
            .map(|k| self.tok(k))
            .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let caps = line.iter().filter(|t| is_all_caps(t)).count();
        // Title Case: the longer words are capitalised (short function
        // words like "of" and "in" may not be).
        let long: Vec<&&str> = line.iter().filter(|t| t.chars().count() >= 4).collect();
        let title = long.len() >= 2 && long.iter().all(|t| starts_uppercase(t));
        let this_len = (tokens.end[i - 1] - tokens.start[first]) as usize;
        let below = &self.bytes[tokens.start[i] as usize..];
        let next_len = below
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(below.len());
        (line.len() >= 2 && caps == line.len()) || title || next_len >= 2 * this_len
    }
}

/// Whether and how a token can end a sentence.
#[inline]
fn stop(t: &str) -> Option<Stop> {
    let b = t.as_bytes();
    // Most tokens are words that end in a letter: decide them on one byte.
    match *b.last()? {
        b'.' if b.len() == 1 => Some(Stop::Strong),
        b'.' if b.iter().all(|&c| c == b'.') => Some(if b.len() >= 4 {
            // An ellipsis and a full stop: "....".
            Stop::Strong
        } else {
            Stop::Weak
        }),
        // A word that kept its full stop: the scanner only does that for
        // abbreviations, initials and dotted acronyms.
        b'.' => Some(match lexicon::abbrev(&t[..t.len() - 1], || true) {
            Some(Abbrev::NonFinal) => Stop::NonFinal,
            Some(Abbrev::Final) | None => Stop::Weak,
        }),
        b'!' | b'?' => Some(Stop::Strong),
        b if b < 0x80 => None,
        _ => match t {
            "…" => Some(Stop::Weak),
            // Arabic and Urdu full stops, the Arabic question mark, the
            // Devanagari danda and the ideographic full stop.
            "۔" | "؟" | "।" | "。" | "！" | "？" => Some(Stop::Strong),
            _ => None,
        },
    }
}

/// A blank line: two line breaks with only white space between them, or a
/// Unicode paragraph separator.
#[inline]
fn is_paragraph_break(gap: &[u8]) -> bool {
    const PARAGRAPH_SEPARATOR: &[u8] = "\u{2029}".as_bytes();
    gap.len() >= 2
        && (gap.iter().filter(|&&b| b == b'\n').count() >= 2
            || gap.windows(3).any(|w| w == PARAGRAPH_SEPARATOR))
}

/// A stop made of punctuation only: `.`, `...`, `…`, `!`, `?!`.
fn is_punct_stop(t: &str) -> bool {
    t == "…" || (!t.is_empty() && t.bytes().all(|b| matches!(b, b'.' | b'!' | b'?')))
}

/// A word of at least two letters, all capitals: `KABUL`, `BOGOTÁ`.
fn is_all_caps(t: &str) -> bool {
    t.len() >= 2 && t.chars().all(|c| c.is_uppercase())
}

#[inline]
fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

#[inline]
fn starts_uppercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}
