//! Closed word lists and character classes the scanner and the sentence
//! splitter share.
//!
//! The lists are `match` statements rather than a hash set or an
//! Aho-Corasick automaton: they are looked up with a whole, already-delimited
//! token, and the compiler turns a `match` on `&str` into a length switch plus
//! a few `memcmp`s, which is faster than hashing and needs no lazy init.

/// How an abbreviation behaves at the end of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Titles, months and reference words ("Gen.", "Mr.", "Jan.", "No.",
    /// "e.g."): they announce a following word, so a sentence never ends on
    /// them.
    NonFinal,
    /// Abbreviations that often end a sentence and then carry its full stop
    /// ("U.S.", "Inc.", "etc.", initials): the splitter ends the sentence
    /// only when the next word is a typical sentence opener.
    Final,
}

/// Classifies the word part of a token that ends in a full stop (`word` is
/// the token without that stop). `None` means "not an abbreviation": the stop
/// is a token of its own.
///
/// `next_is_digit` tells (lazily: few words need it) whether the next non-blank character is a digit:
/// "No." and "Nos." are abbreviations only before a number ("No. 2"), else
/// they are the word "no" ending a sentence.
pub(super) fn abbrev(word: &str, next_is_digit: impl Fn() -> bool) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match word {
        // Military, civil and religious titles that precede a name.
        "Gen" | "Lt" | "Col" | "Maj" | "Capt" | "Cpt" | "Sgt" | "Cpl" | "Pvt" | "Spc" | "Adm"
        | "Brig" | "Cmdr" | "Cdr" | "Cmdt" | "Lieut" | "Gov" | "Sen" | "Rep" | "Reps" | "Amb"
        | "Pres" | "Supt" | "Insp" | "Det" | "Atty" | "Hon" | "Rev" | "Fr" | "Msgr" | "Mr"
        | "Mrs" | "Ms" | "Messrs" | "Mme" | "Dr" | "Drs" | "Prof" | "Profs" | "Gens" | "Sens"
        | "Mt" | "Ft" => NonFinal,
        // Months, as news agencies abbreviate them before a day ("Aug. 26").
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => NonFinal,
        // Reference words that introduce what follows.
        "vs" | "v" | "cf" | "viz" | "approx" | "ca" | "Vol" | "vol" | "pp" | "Fig" | "fig"
        | "Art" | "Sec" | "Ch" | "Ref" | "ref" | "e.g" | "i.e" | "E.g" | "I.e" => NonFinal,
        "No" | "no" | "Nos" | "Nr" if next_is_digit() => NonFinal,
        // Company and name suffixes and other words that often end a sentence.
        "Inc" | "Ltd" | "Corp" | "Co" | "Cos" | "Bros" | "Plc" | "plc" | "LLC" | "Jr" | "Sr"
        | "etc" | "al" | "St" | "Ave" | "Rd" | "Blvd" | "Dept" | "Univ" | "Assn" | "Gov't"
        | "Govt" | "Intl" | "Natl" => Final,
        _ => return None,
    })
}

/// Capitalised words that typically open an English news sentence. After an
/// abbreviation that may end a sentence ("U.S.", "Inc.", an initial) or an
/// ellipsis, the splitter ends the sentence only before one of these: a
/// capitalised name after "U.S." ("U.S. President") is far more common than a
/// new sentence, and names are an open class while sentence openers are not.
pub(super) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Also"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "Since"
            | "Although"
            | "Though"
            | "Earlier"
            | "Later"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Other"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Still"
            | "Then"
            | "Now"
            | "During"
            | "Despite"
            | "Neither"
            | "Nor"
            | "Not"
    )
}

/// Top-level and second-level domain labels that make `word.label` a host
/// name ("dawn.com", "bbc.co.uk") rather than two words with a missing space.
pub(super) fn is_domain_label(label: &str) -> bool {
    matches!(
        label,
        "com"
            | "org"
            | "net"
            | "gov"
            | "edu"
            | "mil"
            | "int"
            | "info"
            | "io"
            | "co"
            | "ac"
            | "uk"
            | "us"
            | "pk"
            | "af"
            | "in"
            | "ir"
            | "iq"
            | "sy"
            | "ru"
            | "ua"
            | "cn"
            | "fr"
            | "de"
            | "eu"
            | "ng"
            | "ke"
            | "za"
            | "ml"
            | "so"
            | "ye"
            | "tv"
            | "news"
    )
}

/// Characters that separate tokens and never belong to one: Unicode white
/// space, the zero-width space, the word joiner, the byte-order mark, and
/// control characters (they carry no content in news text).
#[inline]
pub(super) fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}

/// Characters that continue a word: letters, digits, combining marks (which
/// `char::is_alphanumeric` misses for accents written as separate code
/// points), the zero-width (non-)joiners of Persian and Indic script, and the
/// soft hyphen.
#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

/// Combining marks, variation selectors and emoji modifiers: they belong to
/// the character before them, so they never start a token of their own.
#[inline]
pub(super) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Non-ASCII punctuation that news text uses. Other non-ASCII characters that
/// are neither word characters nor gaps are symbols (currency, emoji, maths).
#[inline]
pub(super) fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' // dashes, curly quotes, bullets, ellipsis
            | '\u{2030}'..='\u{205E}'
            | '«'
            | '»'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '·'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{060C}' // Arabic comma
            | '\u{061B}' // Arabic semicolon
            | '\u{061F}' // Arabic question mark
            | '\u{06D4}' // Arabic full stop
            | '\u{0964}' // Devanagari danda
            | '\u{0965}'
    )
}

/// Closing quotes and brackets: after a sentence's final punctuation they
/// still belong to that sentence (`...banking.’`).
#[inline]
pub(super) fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "\"" | "'" | "’" | "”" | "»" | "›" | ")" | "]" | "}" | "''"
    )
}

/// Verbs that attribute a quotation to its speaker, after the quote
/// (`“...?” Khan asked`): the finite forms of the `quote` role of
/// `data/reporting_verbs.tsv` ("warning" after a quotation is a noun).
#[inline]
pub(super) fn is_speech_verb(word: &str) -> bool {
    !word.ends_with("ing")
        && crate::wordlists::reporting_verbs().is_form(word, crate::wordlists::VerbRole::Quote)
}

/// Quotes that open a quotation when a blank precedes them.
#[inline]
pub(super) fn is_opening_quote(tok: &str) -> bool {
    matches!(tok, "“" | "‘" | "\"" | "'" | "«" | "„")
}

/// A lower-case closed-class word that a line ending mid-sentence often
/// ends in, and a headline never does: `...backed by the` / `ISKP`.
pub(super) fn is_function_word(tok: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "into",
        "and", "or", "but", "nor", "that", "which", "who", "whose", "is", "are", "was", "were",
        "be", "been", "has", "have", "had", "its", "their", "his", "her", "our", "said", "says",
        "told", "than", "this", "these", "those", "after", "before", "over", "under", "near",
        "against", "between", "during", "since", "until", "about", "will", "would", "could",
        "should", "may", "might", "not", "no", "if", "when", "while", "where",
    ];
    WORDS.contains(&tok)
}

/// Punctuation that continues a sentence after `!` or `?` (`“Why?”, he
/// asked`), so it cannot follow a sentence boundary.
#[inline]
pub(super) fn is_continuation(tok: &str) -> bool {
    matches!(
        tok,
        "," | ";" | ":" | ")" | "]" | "}" | "-" | "--" | "—" | "–" | "%"
    )
}
