//! The token scanner: one forward pass over the bytes of the text.
//!
//! It is hand-written rather than assembled from regular expressions because
//! it is the hottest loop of the pipeline and most of its decisions need a
//! character of context on each side (`3.5`, `1,000`, `U.S.`, `Khan’s`,
//! `don't`): a byte loop with an ASCII fast path makes those decisions with
//! no backtracking and no allocation, where an alternation of a dozen regexes
//! would rescan every position.
//!
//! The text is first cut into chunks at gap characters (white space and
//! friends, see [`lexicon::is_gap`]); each chunk is then cut into tokens. Gaps
//! never belong to a token and every other character belongs to exactly one,
//! so tokens plus gaps rebuild the text.

use super::lexicon;
use crate::{TokenKind, Tokens};

pub(super) fn tokenize(text: &str, out: &mut Tokens) {
    assert!(
        u32::try_from(text.len()).is_ok(),
        "tokenize: text of {} bytes does not fit u32 offsets",
        text.len()
    );
    // News prose averages a little over five bytes per token.
    let guess = text.len() / 5 + 1;
    out.start.reserve(guess);
    out.end.reserve(guess);
    out.kind.reserve(guess);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        out,
    };
    scanner.run();
}

/// ASCII gap bytes: the space and all control characters, white space
/// included (the same set [`lexicon::is_gap`] gives for ASCII).
#[inline]
fn is_ascii_gap(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// What [`Scanner::word`] has seen of the word it scans.
#[derive(Default)]
struct WordSoFar {
    /// The last character consumed (combining marks aside): the connectors
    /// look at it.
    last: char,
    /// The length, in characters, of the current run of word characters.
    seg_chars: usize,
    has_alpha: bool,
    has_digit: bool,
    /// Letters joined by dots with a single letter on one side: "U.S",
    /// "e.g", "a.m", "Ph.D". Such a word keeps its final full stop.
    dotted: bool,
    /// A host name: "dawn.com".
    host: bool,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: &'a mut Tokens,
}

impl Scanner<'_> {
    /// The character that starts at byte `i`, which is on a char boundary.
    #[inline]
    fn char_at(&self, i: usize) -> char {
        let b = self.bytes[i];
        if b < 0x80 {
            b as char
        } else {
            self.text[i..].chars().next().unwrap_or('\u{FFFD}')
        }
    }

    /// The character at `i` if `i` is inside the chunk that ends at `end`.
    #[inline]
    fn peek(&self, i: usize, end: usize) -> Option<char> {
        (i < end).then(|| self.char_at(i))
    }

    #[inline]
    fn word_char_at(&self, i: usize, end: usize) -> bool {
        self.peek(i, end).is_some_and(lexicon::is_word_char)
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert!(start < end);
        // Offsets fit u32: `tokenize` checked the text length.
        self.out.start.push(start as u32);
        self.out.end.push(end as u32);
        self.out.kind.push(kind);
    }

    fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            let b = self.bytes[i];
            if b < 0x80 {
                if is_ascii_gap(b) {
                    i += 1;
                    continue;
                }
            } else {
                let c = self.char_at(i);
                if lexicon::is_gap(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            // Fast path: most chunks are a plain ASCII word or number, and
            // need none of the connector rules.
            let mut j = i;
            let mut all_digits = true;
            while j < n && self.bytes[j].is_ascii_alphanumeric() {
                all_digits &= self.bytes[j].is_ascii_digit();
                j += 1;
            }
            if j > i
                && (j == n || is_ascii_gap(self.bytes[j]))
                && !(j - i == 6 && self.bytes[i..j].eq_ignore_ascii_case(b"cannot"))
            {
                let kind = if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                self.push(i, j, kind);
                i = j;
                continue;
            }
            let end = self.chunk_end(j);
            self.chunk(i, end);
            i = end;
        }
    }

    /// The end of the run of non-gap characters that starts at `i`.
    fn chunk_end(&self, mut i: usize) -> usize {
        let n = self.bytes.len();
        while i < n {
            let b = self.bytes[i];
            if b < 0x80 {
                if is_ascii_gap(b) {
                    break;
                }
                i += 1;
            } else {
                let c = self.char_at(i);
                if lexicon::is_gap(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        i
    }

    fn chunk(&mut self, start: usize, end: usize) {
        // Spotting an e-mail address needs a look ahead to its '@'; only the
        // rare chunk that has one pays for that look.
        let has_at = self.bytes[start + 1..end].contains(&b'@');
        let mut i = start;
        while i < end {
            let next = self.token(i, start, end, has_at);
            debug_assert!(next > i);
            i = next;
        }
    }

    /// Scans the token that starts at `i` inside the chunk `chunk..end`,
    /// pushes it (and a clitic split from it), and returns where the next
    /// token starts.
    fn token(&mut self, i: usize, chunk: usize, end: usize, has_at: bool) -> usize {
        use TokenKind::*;
        let b = self.bytes[i];
        if b.is_ascii_alphanumeric() {
            return self.word(i, end, has_at);
        }
        if b < 0x80 {
            let (e, kind) = match b {
                // "." or an ellipsis written with dots.
                b'.' => (self.run_of(i, end, |b| b == b'.'), Punct),
                // "-", "--" (a dash typed as two hyphens).
                b'-' => (self.run_of(i, end, |b| b == b'-'), Punct),
                // "?!", "!!!": one emphatic end of sentence.
                b'!' | b'?' => (self.run_of(i, end, |b| b == b'!' || b == b'?'), Punct),
                b'@' if self.bytes.get(i + 1).is_some_and(|&b| is_handle_byte(b))
                    && i + 1 < end =>
                {
                    (self.run_of(i + 1, end, is_handle_byte), Handle)
                }
                b'#' => return self.hashtag(i, end),
                b'\'' => return self.apostrophe(i, 1, chunk, end),
                // Rules and decorations ("=====", "*****", "____") are one
                // token, as in UD.
                b'*' | b'=' | b'_' | b'~' | b'+' | b'<' | b'>' | b'^' | b'|' => {
                    let e = self.run_of(i, end, |x| x == b);
                    (e, if b == b'_' { Punct } else { Symbol })
                }
                b'$' | b'%' | b'&' | b'`' | b'@' => (i + 1, Symbol),
                _ => (i + 1, Punct),
            };
            self.push(i, e, kind);
            return e;
        }
        let c = self.char_at(i);
        if lexicon::is_word_char(c) {
            return self.word(i, end, has_at);
        }
        if c == '’' {
            return self.apostrophe(i, c.len_utf8(), chunk, end);
        }
        let kind = if lexicon::is_unicode_punct(c) {
            Punct
        } else {
            Symbol
        };
        let e = self.attach_marks(i + c.len_utf8(), end);
        self.push(i, e, kind);
        e
    }

    /// The end of the run of bytes matching `f` that starts at `i`.
    #[inline]
    fn run_of(&self, mut i: usize, end: usize, f: impl Fn(u8) -> bool) -> usize {
        while i < end && f(self.bytes[i]) {
            i += 1;
        }
        i
    }

    /// Extends a symbol over the combining marks, variation selectors, skin
    /// tones and zero-width joiners that follow it, so an accented symbol or
    /// an emoji sequence stays one token.
    fn attach_marks(&self, mut i: usize, end: usize) -> usize {
        while let Some(c) = self.peek(i, end) {
            if lexicon::is_mark(c) {
                i += c.len_utf8();
            } else if c == '\u{200D}' {
                i += c.len_utf8();
                if let Some(joined) = self.peek(i, end) {
                    i += joined.len_utf8();
                }
            } else {
                break;
            }
        }
        i
    }

    /// `#` followed by a word is a hashtag; `#1` is a symbol and a number.
    fn hashtag(&mut self, i: usize, end: usize) -> usize {
        let mut e = i + 1;
        let mut has_letter = false;
        while let Some(c) = self.peek(e, end) {
            if c == '_' || lexicon::is_word_char(c) {
                has_letter |= !c.is_numeric();
                e += c.len_utf8();
            } else {
                break;
            }
        }
        if has_letter {
            self.push(i, e, TokenKind::Hashtag);
            e
        } else {
            self.push(i, i + 1, TokenKind::Symbol);
            i + 1
        }
    }

    /// An apostrophe (straight or curly, `len` bytes) that does not follow a
    /// letter of the same token: a clitic glued to a closing bracket
    /// (`TTP)’s`), a decade (`’90s`), or a quote mark.
    fn apostrophe(&mut self, i: usize, len: usize, chunk: usize, end: usize) -> usize {
        let a = i + len;
        if i > chunk {
            if let Some(k) = self.clitic(a, end) {
                self.push(i, a + k, TokenKind::Word);
                return a + k;
            }
        }
        let digits = self.run_of(a, end, |b| b.is_ascii_digit());
        if digits == a + 2 {
            let e = if self.bytes.get(digits) == Some(&b's') && digits < end {
                digits + 1
            } else {
                digits
            };
            if !self.word_char_at(e, end) {
                self.push(i, e, TokenKind::Number);
                return e;
            }
        }
        self.push(i, a, TokenKind::Punct);
        a
    }

    /// The length of an English clitic (`s`, `m`, `d`, `re`, `ve`, `ll`, any
    /// case) that starts at `a`, just after an apostrophe, and ends the word.
    fn clitic(&self, a: usize, end: usize) -> Option<usize> {
        let rest = &self.bytes[a..end];
        let len = rest
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let ok = match len {
            1 => matches!(rest[0] | 0x20, b's' | b'm' | b'd'),
            2 => matches!(
                [rest[0] | 0x20, rest[1] | 0x20],
                [b'r', b'e'] | [b'v', b'e'] | [b'l', b'l']
            ),
            _ => false,
        };
        (ok && !self.word_char_at(a + len, end)).then_some(len)
    }

    /// Whether `t` (any case) at `a` ends the word: the `t` of `n't`.
    fn is_nt(&self, a: usize, end: usize) -> bool {
        a < end && self.bytes[a] | 0x20 == b't' && !self.word_char_at(a + 1, end)
    }

    /// Whether the next non-blank character after `i` is a digit ("No. 5").
    fn next_is_digit(&self, mut i: usize) -> bool {
        while i < self.bytes.len() && matches!(self.bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        self.bytes.get(i).is_some_and(u8::is_ascii_digit)
    }

    /// Scans a word, number, e-mail address, URL or host name that starts at
    /// `start` with a word character.
    fn word(&mut self, start: usize, end: usize, has_at: bool) -> usize {
        if has_at {
            if let Some(e) = self.email(start, end) {
                self.push(start, e, TokenKind::Email);
                return e;
            }
        }
        if let Some(e) = self.url(start, end) {
            self.push(start, e, TokenKind::Url);
            return e;
        }
        let mut w = WordSoFar::default();
        let mut i = start;
        loop {
            i = self.word_chars(i, end, &mut w);
            if i >= end {
                break;
            }
            let joined = match self.connector(start, i, end, &mut w) {
                Ok(len) => len,
                Err(e) => return e,
            };
            if joined == 0 {
                break;
            }
            i += joined;
            w.seg_chars = 0;
        }
        self.finish_word(start, i, end, &w)
    }

    /// Consumes the run of word characters from `i` and returns where it
    /// stops.
    #[inline]
    fn word_chars(&self, mut i: usize, end: usize, w: &mut WordSoFar) -> usize {
        let bytes = self.bytes;
        while i < end {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphabetic() {
                    w.has_alpha = true;
                } else if b.is_ascii_digit() {
                    w.has_digit = true;
                } else {
                    break;
                }
                w.last = b as char;
                i += 1;
            } else {
                let c = self.char_at(i);
                if !lexicon::is_word_char(c) {
                    break;
                }
                if c.is_numeric() {
                    w.has_digit = true;
                } else {
                    w.has_alpha = true;
                }
                if !lexicon::is_mark(c) {
                    w.last = c;
                }
                i += c.len_utf8();
            }
            w.seg_chars += 1;
        }
        i
    }

    /// The connector at `i` that keeps the word that starts at `start` going
    /// when the right characters surround it: `Ok(its length)`, `Ok(0)` when
    /// the word ends there, or `Err(next token start)` when the word has
    /// been pushed already (a URL, a clitic split off).
    fn connector(
        &mut self,
        start: usize,
        i: usize,
        end: usize,
        w: &mut WordSoFar,
    ) -> Result<usize, usize> {
        let last = w.last;
        Ok(match self.bytes[i] {
            // Hyphenated compounds and transliterated names stay whole:
            // "Tehrik-i-Taliban", "al-Logari", "COVID-19".
            b'-' if self.word_char_at(i + 1, end) => {
                w.dotted = false;
                1
            }
            b'.' => match self.peek(i + 1, end) {
                // Decimals and dotted numbers: "3.5", "192.168.0.1".
                Some(nc) if last.is_numeric() && nc.is_ascii_digit() => 1,
                Some(nc) if last.is_alphabetic() && nc.is_alphabetic() => {
                    let next_len = self.letters_len(i + 1, end);
                    if w.seg_chars == 1 || next_len == 1 {
                        w.dotted = true;
                        1
                    } else if self.is_host_label(i + 1, next_len, end) {
                        w.host = true;
                        1
                    } else {
                        0
                    }
                }
                // "U.S.-backed": the stop of a dotted abbreviation, then a
                // hyphenated word.
                Some('-') if w.dotted && self.word_char_at(i + 2, end) => {
                    w.dotted = false;
                    2
                }
                _ => 0,
            },
            // Thousands separators: "1,000", "12,500,000".
            b',' if last.is_ascii_digit() && !w.has_alpha && self.three_digits(i + 1, end) => 1,
            // A path after a host name: "dawn.com/news/1".
            b'/' if w.host => {
                let e = self.url_end(start, end);
                self.push(start, e, TokenKind::Url);
                return Err(e);
            }
            // Times, ratios and dates: "10:30", "24/7", "26/08/2021".
            b':' | b'/'
                if last.is_ascii_digit()
                    && self.peek(i + 1, end).is_some_and(|c| c.is_ascii_digit()) =>
            {
                1
            }
            b'\'' => self.apostrophe_in_word(start, i, 1, last, end)?,
            // "AT&T", "S&P".
            b'&' if last.is_ascii_uppercase()
                && self
                    .peek(i + 1, end)
                    .is_some_and(|c| c.is_ascii_uppercase()) =>
            {
                1
            }
            b'_' if self.word_char_at(i + 1, end) => 1,
            0x80.. => match self.char_at(i) {
                '’' => self.apostrophe_in_word(start, i, 3, last, end)?,
                // Unicode hyphen and non-breaking hyphen.
                '\u{2010}' | '\u{2011}' if self.word_char_at(i + 3, end) => {
                    w.dotted = false;
                    3
                }
                _ => 0,
            },
            _ => 0,
        })
    }

    /// Pushes the word from `start` to `i` (a number, a word or a host
    /// name), with the full stop at `i` when it belongs to the word, and
    /// returns where the next token starts.
    fn finish_word(&mut self, start: usize, i: usize, end: usize, w: &WordSoFar) -> usize {
        let bytes = self.bytes;
        // A full stop that belongs to the word: abbreviations, initials and
        // dotted acronyms keep it, so "Gen." and "U.S." are single tokens and
        // the sentence splitter can tell them from a sentence's full stop.
        let mut e = i;
        if w.has_alpha && !w.host && i < end && bytes[i] == b'.' && bytes.get(i + 1) != Some(&b'.')
        {
            let word = &self.text[start..i];
            if w.dotted
                || is_initial(word)
                || lexicon::abbrev(word, || self.next_is_digit(i + 1)).is_some()
            {
                e = i + 1;
            }
        }
        // "cannot" is "can" "not" in the Penn Treebank, like "can't".
        if e - start == 6 && self.text[start..e].eq_ignore_ascii_case("cannot") {
            self.push(start, start + 3, TokenKind::Word);
            self.push(start + 3, e, TokenKind::Word);
            return e;
        }
        let kind = if w.host {
            TokenKind::Url
        } else if w.has_digit && !w.has_alpha {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(start, e, kind);
        e
    }

    /// An apostrophe of `len` bytes at `i`, inside the word that starts at
    /// `start` and whose last character is `last`. Splits clitics the Penn
    /// Treebank way ("Khan’s" -> "Khan" "’s", "don't" -> "do" "n't") and
    /// returns `Err(next token start)` then; returns `Ok(len)` when the
    /// apostrophe is inside a name ("O'Brien", "Sana'a") and `Ok(0)` when it
    /// ends the word ("students'").
    fn apostrophe_in_word(
        &mut self,
        start: usize,
        i: usize,
        len: usize,
        last: char,
        end: usize,
    ) -> Result<usize, usize> {
        let a = i + len;
        if let Some(k) = self.clitic(a, end) {
            let kind = word_kind(&self.text[start..i]);
            self.push(start, i, kind);
            self.push(i, a + k, TokenKind::Word);
            return Err(a + k);
        }
        if matches!(last, 'n' | 'N') && i - start >= 2 && self.is_nt(a, end) {
            self.push(start, i - 1, TokenKind::Word);
            self.push(i - 1, a + 1, TokenKind::Word);
            return Err(a + 1);
        }
        if self.peek(a, end).is_some_and(char::is_alphabetic) {
            Ok(len)
        } else {
            Ok(0)
        }
    }

    /// The number of letters from `i` on.
    fn letters_len(&self, mut i: usize, end: usize) -> usize {
        let mut n = 0;
        while let Some(c) = self.peek(i, end) {
            if !c.is_alphabetic() {
                break;
            }
            n += 1;
            i += c.len_utf8();
        }
        n
    }

    /// Whether the `len` letters at `i` are a lower-case domain label that
    /// ends the word, as in "dawn.com" or "bbc.co.uk".
    fn is_host_label(&self, i: usize, len: usize, end: usize) -> bool {
        let Some(label) = self.text.get(i..i + len) else {
            return false;
        };
        label.bytes().all(|b| b.is_ascii_lowercase())
            && lexicon::is_domain_label(label)
            && !self
                .peek(i + len, end)
                .is_some_and(|c| c.is_alphanumeric() || c == '-')
    }

    /// Exactly three ASCII digits at `i`, as after a thousands separator.
    fn three_digits(&self, i: usize, end: usize) -> bool {
        i + 3 <= end
            && self.bytes[i..i + 3].iter().all(u8::is_ascii_digit)
            && !self.bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
    }

    /// An e-mail address at `start`, in the common `local@host.tld` form.
    fn email(&self, start: usize, end: usize) -> Option<usize> {
        let b = self.bytes;
        let at = self.run_of(start, end, |c| {
            c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
        });
        if at == start || at >= end || b[at] != b'@' {
            return None;
        }
        let host = at + 1;
        let mut e = self.run_of(host, end, |c| {
            c.is_ascii_alphanumeric() || c == b'-' || c == b'.'
        });
        // A full stop after the address ends the sentence, not the host.
        while e > host && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        (e > host && b[host].is_ascii_alphanumeric() && b[host..e].contains(&b'.')).then_some(e)
    }

    /// A URL at `start`: it has a scheme or starts with `www.`.
    fn url(&self, start: usize, end: usize) -> Option<usize> {
        if !matches!(self.bytes[start] | 0x20, b'h' | b'w' | b'f') {
            return None;
        }
        let rest = &self.bytes[start..end];
        let has = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        (has(b"http://") || has(b"https://") || has(b"www.") || has(b"ftp://"))
            .then(|| self.url_end(start, end))
    }

    /// A URL runs to the end of its chunk, less the punctuation that closes
    /// the sentence, a quote or a bracket around it.
    fn url_end(&self, start: usize, end: usize) -> usize {
        let s = &self.text[start..end];
        let mut e = s.len();
        while let Some(c) = s[..e].chars().next_back() {
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '’' | '”' | ']' | '}' | '>'
                | '»' => true,
                // Keep the ")" of "wiki/Kabul_(city)".
                ')' => {
                    let u = &s[..e];
                    u.matches('(').count() < u.matches(')').count()
                }
                _ => false,
            };
            if !trim {
                break;
            }
            e -= c.len_utf8();
        }
        // The first character is a word character, so `e` stays past it.
        start + e
    }
}

#[inline]
fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A single capital letter: an initial ("J. R. R. Tolkien").
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn word_kind(w: &str) -> TokenKind {
    if w.bytes().all(|b| b.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}
