//! Claims: direct quotes and reported speech, with their speaker, medium and
//! polarity.
//!
//! Quotes are paired first and attributed from the reporting clause after
//! ("..., said X", "..., the outfit said") or before ("X said: ..."). Then
//! reporting verbs outside quotes take a that-clause, a bare clause after
//! "said", or the clause before a final ", police said"; "according to X"
//! and reporting nouns ("issued a warning that") work alike. A speaker that
//! is only a common noun ("the outfit", "the report") falls back to the most
//! recent speaker: news prose keeps one source across such references.

use dossier_text::{Claim, EntityId, Polarity, SentenceIdx, Upos};

use crate::lexicon::Lexicon;
use crate::view::{Arg, DocView};

mod people;
mod quotes;
mod references;
mod reported;

use people::people_by_word;

/// A claim and the tokens of its content, which scope the events and
/// relations nested in it.
#[derive(Clone, Debug)]
pub struct FoundClaim {
    pub claim: Claim,
    pub first: usize,
    pub last: usize,
    /// A pronoun or a definite description that names the speaker ("she
    /// said", "the official said"), settled once all claims are found.
    refers: Option<Reference>,
}

/// A speaker named by a pronoun or a definite description: the token that
/// names it and what it may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reference {
    at: usize,
    want: Want,
}

/// What a pronoun or description can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// "he", "she", "the official".
    Person,
    /// "it", "the company".
    Group,
    /// "they".
    Plural,
}

/// Heads of definite descriptions that stand for an organisation named
/// before ("the company said").
const GROUP_HEADS: &[&str] = &[
    "company",
    "firm",
    "party",
    "organization",
    "organisation",
    "committee",
    "commission",
    "movement",
    "front",
    "agency",
    "bureau",
    "ministry",
];

/// For each of `n` tokens, the innermost claim whose content covers it: one
/// pass over the claims instead of a search per token, which would grow
/// with the square of a long document's length.
pub fn innermost(claims: &[FoundClaim], n: usize) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; n];
    for (k, c) in claims.iter().enumerate() {
        for slot in &mut out[c.first.min(n)..c.last.min(n)] {
            let shorter = slot.is_none_or(|p| {
                let p = &claims[p];
                c.last - c.first < p.last - p.first
            });
            if shorter {
                *slot = Some(k);
            }
        }
    }
    out
}

/// Pronouns that stand for a speaker already named ("it said"); the nouns
/// that do ("the outfit said") are the lexicon's `speaker-noun`s.
const SPEAKER_PRONOUNS: &[&str] = &["it", "he", "she", "they"];

/// How far back a definite description ("the minister") looks for the
/// person it stands for, in tokens.
const MAX_LOOKBACK: usize = 600;

/// Auxiliaries and adverbs between a subject and its reporting verb.
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "earlier",
    "previously",
    "reportedly",
    "then",
    "further",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "repeatedly",
    "publicly",
];

/// Words that open a speaker description ("a police spokesman", "some
/// residents", "two witnesses").
const DESCRIPTION_STARTS: &[&str] = &[
    "a", "an", "the", "some", "several", "two", "three", "many", "other", "local", "one", "another",
];

/// Words that start a reported clause after a bare "said".
const CLAUSE_STARTS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "this",
    "these",
    "those",
    "there",
    "although",
    "though",
    "because",
    "authorities",
    "officials",
    "thousands",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "no",
    "all",
    "some",
    "several",
    "more",
    "most",
    "many",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "security",
    "police",
    "government",
    "militants",
    "gunmen",
    "troops",
    "soldiers",
    "civilians",
];

/// Words that may stand between a reporting verb and its "that".
const REPORT_FILLERS: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "statement",
    "video",
    "message",
    "interview",
    "recording",
    "speech",
    "post",
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "further",
    "also",
    "again",
    "here",
    "however",
    "repeatedly",
    "publicly",
    "later",
    "earlier",
    ",",
    "televised",
    "audio",
    "state",
    "television",
    "tv",
    "radio",
    "media",
    "news",
    "agency",
    "online",
    "weekly",
    "monthly",
    "press",
    "conference",
];

/// Quoted text: the opening mark takes tokens `start..=open`, the content
/// `open + 1..close`, the closing mark `close..end` (a mark may take two
/// tokens: wire copy's ``...''). `closed` is false for a quote that runs to
/// the end of a paragraph; `close` is then the mark that opens the next
/// paragraph's part, and `end` equals `close`.
#[derive(Clone, Copy, Debug)]
struct Stretch {
    start: usize,
    open: usize,
    close: usize,
    end: usize,
    closed: bool,
}

/// Whether `next` carries on the quote `prev` left open.
fn continues(prev: &Stretch, next: &Stretch) -> bool {
    !prev.closed && prev.close == next.start
}

/// A speaker found for a quote: the entity, the token that bounds the
/// evidence, the polarity and the reference still to settle.
type Said = (Option<EntityId>, usize, Polarity, Option<Reference>);

/// Who said a quoted stretch and the tokens of its evidence.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    speaker: Option<EntityId>,
    first: usize,
    last: usize,
    polarity: Polarity,
    refers: Option<Reference>,
}

impl Attribution {
    /// The same speaker for another stretch of the same quote, with that
    /// stretch as its evidence.
    fn moved_to(self, s: &Stretch) -> Attribution {
        Attribution {
            first: s.start,
            last: s.end,
            ..self
        }
    }
}

struct Finder<'v, 'a> {
    lex: &'v Lexicon,
    v: &'v DocView<'a>,
    used: Vec<bool>,
    out: Vec<FoundClaim>,
    /// The reference of the speaker of the next claim pushed.
    refers: Option<Reference>,
    /// The people of the document by the lowercase words of their names,
    /// built once, so that finding a person by a surname is no search
    /// over all entities.
    people: std::collections::HashMap<String, Vec<usize>>,
    /// Whether the text as written carries no case (capitals only, or
    /// small letters only).
    all_caps: bool,
}

pub fn find(lex: &Lexicon, v: &DocView) -> Vec<FoundClaim> {
    let mut f = Finder {
        lex,
        v,
        used: vec![false; v.len()],
        out: Vec::new(),
        refers: None,
        people: people_by_word(v),
        all_caps: dossier_text::truecase::is_caseless(v.doc.text(), 100),
    };
    f.direct_quotes();
    f.recorded_turns();
    f.reported();
    f.out.sort_by_key(|c| c.claim.evidence.start());
    f.settle_references();
    f.out.sort_by_key(|c| c.first);
    f.out
}

impl Finder<'_, '_> {
    /// Whether `word` stands for a speaker already named: a pronoun, or a
    /// `speaker-noun` of the lexicon ("the group", "the statement").
    fn refers_to_speaker(&self, word: &str) -> bool {
        SPEAKER_PRONOUNS.contains(&word) || self.lex.speaker_nouns.contains(word)
    }

    fn speech_polarity(&self, i: usize) -> Option<Polarity> {
        self.lex.speech.get(self.v.word(i)).copied()
    }

    /// The speaker of the claims so far that is nearest before token `at`,
    /// or the nearest organisation or person named before it.
    fn fallback_speaker(&self, at: usize) -> Option<EntityId> {
        let before = self.v.range(at.min(self.v.len().saturating_sub(1))).start();
        // The source of the claim before, even one the text does not name
        // ("said a government communique ... said the message"): the
        // nearest name would be a guess.
        let from_claims = self
            .out
            .iter()
            .filter(|c| c.claim.evidence.start() < before)
            .max_by_key(|c| c.claim.evidence.start());
        if let Some(c) = from_claims {
            return c.claim.speaker;
        }
        {
            (0..at).rev().find_map(|k| {
                let arg = self.v.arg_at(k)?;
                matches!(
                    self.v.etype(arg),
                    dossier_text::EntityType::Org | dossier_text::EntityType::Person
                )
                .then_some(arg.entity)
            })
        }
    }

    fn push(
        &mut self,
        speaker: Option<EntityId>,
        (first, last): (usize, usize),
        (ev_first, ev_last): (usize, usize),
        direct: bool,
        polarity: Polarity,
    ) {
        let v = self.v;
        let (last, ev_last) = (last.min(v.len()), ev_last.min(v.len()));
        if last <= first {
            self.refers = None;
            return;
        }
        let range = v.span(first, last);
        let evidence = v.span(ev_first.min(first), ev_last.max(last));
        let mut about: Vec<EntityId> = Vec::new();
        for k in first..last {
            if let Some(arg) = v.arg_at(k) {
                if !about.contains(&arg.entity) && Some(arg.entity) != speaker {
                    about.push(arg.entity);
                }
            }
        }
        let medium = self.medium(ev_first.min(first), ev_last.max(last));
        let confidence = match (speaker.is_some(), direct) {
            (true, true) => 0.9,
            (true, false) => 0.8,
            (false, _) => 0.4,
        };
        // A tail source the content stops before ("..., radio reported")
        // reports the same words: it is no claim of its own.
        let (_, s_hi) = v.full_sentence(last.saturating_sub(1));
        let s_end = v.trim_end(last, s_hi);
        let tail = if self.tail_source(last, s_end) {
            s_end
        } else {
            last
        };
        for slot in &mut self.used[ev_first.min(first)..ev_last.max(tail)] {
            *slot = true;
        }
        self.out.push(FoundClaim {
            claim: Claim {
                speaker,
                medium,
                range,
                evidence,
                sentence: SentenceIdx::new(v.sentence_of.get(first).copied().unwrap_or(0)),
                direct,
                polarity,
                about,
                confidence,
            },
            first,
            last,
            refers: self.refers.take(),
        });
    }

    /// A named channel in `lo..hi`: "in its magazine Khorasan Ghag",
    /// "through its Amaq news agency", "on Twitter".
    fn medium(&self, lo: usize, hi: usize) -> Option<EntityId> {
        let v = self.v;
        (lo..hi).find_map(|p| {
            if !matches!(v.word(p), "in" | "through" | "on" | "via") {
                return None;
            }
            medium_after(self.lex, v, p + 1, hi).map(|(arg, _)| arg.entity)
        })
    }
}

/// A publication named at `from`: possessive or article, up to three
/// modifiers, a medium noun, an optional "named"/"called" and a quoted name
/// ("its periodical magazine named “Khorasan Ghag”"), or a name followed by
/// the medium noun ("its Amaq news agency"). Returns the publication and the
/// token after it.
pub fn medium_after(lex: &Lexicon, v: &DocView, from: usize, hi: usize) -> Option<(Arg, usize)> {
    let mut k = from;
    if matches!(
        v.word(k),
        "its" | "their" | "his" | "her" | "a" | "an" | "the"
    ) {
        k += 1;
    } else if let Some(a) = v.arg_at(k) {
        // "on Twitter", "on Telegram".
        if matches!(
            v.etype(a),
            dossier_text::EntityType::Work | dossier_text::EntityType::Org
        ) && v.word(from - 1) != "in"
            && matches!(v.word(from - 1), "on" | "via")
        {
            return Some((a, a.last));
        }
    }
    // A name before the medium noun: "its Amaq news agency".
    if let Some(a) = v.arg_at(k) {
        let words: Vec<&str> = (a.last..(a.last + 3).min(hi)).map(|j| v.word(j)).collect();
        if let Some((_, n)) = lex.media.longest(&words) {
            return Some((a, a.last + n));
        }
        let inner: Vec<&str> = (a.first..a.last).map(|j| v.word(j)).collect();
        if (0..inner.len()).any(|s| lex.media.longest(&inner[s..]).is_some()) {
            return Some((a, a.last));
        }
        return None;
    }
    for _ in 0..4 {
        let words: Vec<&str> = (k..(k + 3).min(hi)).map(|j| v.word(j)).collect();
        if let Some((_, n)) = lex.media.longest(&words) {
            let mut j = k + n;
            if matches!(v.word(j), "named" | "called" | "titled" | "entitled") {
                j += 1;
            }
            while matches!(v.word(j), "“" | "\"" | "‘" | "'" | ",") {
                j += 1;
            }
            let a = v.arg_at(j)?;
            let mut stop = a.last;
            while matches!(v.word(stop), "”" | "\"" | "’" | "'") {
                stop += 1;
            }
            return Some((a, stop));
        }
        if v.arg_at(k).is_some() || matches!(v.word(k), "." | "," | "that" | "") {
            return None;
        }
        k += 1;
    }
    None
}
