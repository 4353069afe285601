//! Tokenizer and sentence splitter for English news.
//!
//! [`segment`] (or the [`Segmenter`] component) fills a document's token and
//! sentence layers. Tokens are byte ranges into the unchanged text; the gaps
//! between them hold only white space (and invisible characters such as the
//! zero-width space or control characters), so tokens plus gaps rebuild the
//! text exactly.
//!
//! ```
//! use dossier_text::{tokenize, Tokens};
//! let text = "Lt. Gen. Asim Munir visited the U.S. on Feb. 3. He didn’t speak.";
//! let mut tokens = Tokens::default();
//! tokenize::tokenize_into(text, &mut tokens);
//! let words: Vec<&str> = (0..tokens.len())
//!     .map(|i| &text[tokens.start[i] as usize..tokens.end[i] as usize])
//!     .collect();
//! assert_eq!(words[..5], ["Lt.", "Gen.", "Asim", "Munir", "visited"]);
//! assert_eq!(words[words.len() - 4..], ["did", "n’t", "speak", "."]);
//! assert_eq!(tokenize::split_sentences(text, &tokens).len(), 2);
//! ```
//!
//! # Token conventions
//!
//! The taggers and the parser downstream are trained on Penn Treebank and
//! Universal Dependencies tokens, so clitics are split as there:
//! `don't` -> `do` `n't`, `can't` -> `ca` `n't`, `we're` -> `we` `'re`,
//! `Khan’s` -> `Khan` `’s` (straight and curly apostrophes alike).
//!
//! Hyphenated compounds stay one token (`Tehrik-i-Taliban`, `al-Logari`,
//! `Jamaat-ul-Ahrar`, `COVID-19`). UD EWT splits hyphens, but for the people
//! who read dossier's output the names of armed groups and their members are
//! what matters, and a transliterated name cut into five tokens is a name the
//! entity tagger has to reassemble; a parser that wants UD hyphens can split
//! these tokens itself.
//!
//! A full stop stays on abbreviations, initials and dotted acronyms (`Gen.`,
//! `J.`, `U.S.`), and is a token of its own everywhere else. Decimals and
//! numbers with thousands separators (`3.5`, `1,000`), times and dates
//! (`10:30`, `26/08/2021`), URLs, host names, e-mail addresses, `@handles`
//! and `#hashtags` are single tokens with their own [`TokenKind`]. Ellipses
//! (`...`, `…`), dashes (`--`, `—`) and runs of `!`/`?` are single tokens.
//!
//! Sentence rules are described in the splitter's module, `sentence.rs`.

mod lexicon;
mod scan;
mod sentence;

use crate::{truecase, Component, Document, Sentence, Severity, Tokens};

/// The pipeline component that fills `tokens` and `sentences`: see
/// [`segment`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment.v1"
    }

    fn process(&self, doc: &mut Document) {
        segment(doc);
    }
}

/// Fills `doc.tokens` and `doc.sentences`, replacing what they held.
///
/// A document too large for the `u32` offsets of the model (4 GiB) gets a
/// diagnostic and empty layers instead.
pub fn segment(doc: &mut Document) {
    if u32::try_from(doc.text().len()).is_err() {
        doc.tokens.clear();
        doc.sentences.clear();
        doc.diagnose(
            "segment.v1",
            Severity::Error,
            None,
            "document is larger than 4 GiB; split it into articles before segmenting",
        );
        return;
    }
    let mut tokens = std::mem::take(&mut doc.tokens);
    tokens.clear();
    // An article in capitals (or all in small letters) is read in its
    // truecased form, from tokens on: abbreviations and sentence openers are
    // known by their case.
    if truecase::is_caseless(doc.text(), ALL_CAPS_MIN_LETTERS) {
        let cased = truecase::builtin().truecase_caseless(doc.text());
        doc.set_cased_text(cased);
    }
    tokenize_into(doc.cased_text(), &mut tokens);
    let sentences = split_sentences(doc.cased_text(), &tokens);
    let (sentences, n_cut) = cut_long_sentences(doc.cased_text(), &tokens, sentences);
    doc.sentences = sentences;
    doc.tokens = tokens;
    if !doc.is_truecased() {
        truecase_capital_sentences(doc);
    }
    if n_cut > 0 {
        doc.diagnose(
            "segment.v1",
            Severity::Warning,
            None,
            format!("{n_cut} sentence(s) longer than {MAX_SENTENCE_TOKENS} tokens were cut into pieces of at most that length, so that parsing stays fast; text without sentence punctuation reads badly"),
        );
    }
}

/// Letters an article needs before it is taken for all-caps copy.
const ALL_CAPS_MIN_LETTERS: usize = 100;

/// Letters an all-caps sentence of a mixed-case article needs before it is
/// truecased (a shouted headline; "NATO" alone is an acronym).
const CAPS_SENTENCE_MIN_LETTERS: usize = 20;

/// Truecases the sentences of a mixed-case article that are written in
/// capitals, keeping its tokens and sentences.
fn truecase_capital_sentences(doc: &mut Document) {
    let caps: Vec<crate::TextRange> = doc
        .sentences
        .iter()
        .map(|s| s.range)
        .filter(|&r| truecase::is_all_caps(doc.slice(r), CAPS_SENTENCE_MIN_LETTERS))
        .collect();
    if caps.is_empty() {
        return;
    }
    let mut out = doc.text().as_bytes().to_vec();
    for r in caps {
        truecase::builtin().truecase_into(doc.slice(r), r.start() as usize, &mut out);
    }
    if let Ok(cased) = String::from_utf8(out) {
        doc.set_cased_text(cased);
    }
}

/// The longest sentence, in tokens, that the pipeline keeps whole. The parser
/// and some of the rules downstream cost time quadratic in the sentence's
/// length, so text without sentence punctuation (a table flattened to
/// text, a list of names, a transcript) would otherwise take minutes: a
/// sentence of 100,000 words took 35 s. News sentences stay far below this;
/// a longer one is cut after the last comma, semicolon, colon or dash in the
/// second half of each window of this many tokens, or at the window's end.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Cuts the sentences longer than [`MAX_SENTENCE_TOKENS`]; returns the new
/// sentences and how many were cut.
pub fn cut_long_sentences(
    text: &str,
    tokens: &Tokens,
    sentences: Vec<Sentence>,
) -> (Vec<Sentence>, usize) {
    if sentences
        .iter()
        .all(|s| s.token_indices().len() <= MAX_SENTENCE_TOKENS)
    {
        return (sentences, 0);
    }
    let tok = |k: usize| &text[tokens.start[k] as usize..tokens.end[k] as usize];
    let piece = |first: usize, last: usize| Sentence {
        range: crate::TextRange::new(tokens.start[first], tokens.end[last - 1]),
        first: crate::TokenIdx::new(first),
        last: crate::TokenIdx::new(last),
    };
    let mut out = Vec::with_capacity(sentences.len());
    let mut n_cut = 0;
    for s in sentences {
        let (mut first, end) = (s.first.index(), s.last.index());
        if end - first <= MAX_SENTENCE_TOKENS {
            out.push(s);
            continue;
        }
        n_cut += 1;
        while end - first > MAX_SENTENCE_TOKENS {
            let limit = first + MAX_SENTENCE_TOKENS;
            let cut = (first + MAX_SENTENCE_TOKENS / 2..limit)
                .rev()
                .find(|&k| matches!(tok(k), "," | ";" | ":" | "—" | "–" | "--"))
                .map_or(limit, |k| k + 1);
            out.push(piece(first, cut));
            first = cut;
        }
        out.push(piece(first, end));
    }
    (out, n_cut)
}

/// Appends the tokens of `text` to `out`.
///
/// # Panics
///
/// If `text` is 4 GiB or larger: offsets are `u32`. [`segment`] checks this
/// and reports a diagnostic instead.
pub fn tokenize_into(text: &str, out: &mut Tokens) {
    scan::tokenize(text, out);
}

/// Groups `tokens`, made by [`tokenize_into`] from the same `text`, into
/// sentences. Sentences cover all tokens, in order, without overlap.
pub fn split_sentences(text: &str, tokens: &Tokens) -> Vec<Sentence> {
    sentence::split(text, tokens)
}
