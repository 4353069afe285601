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

/// The people of a document by each lowercase word of their names.
fn people_by_word(v: &DocView) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (e, entity) in v.doc.entities.iter().enumerate() {
        if entity.etype != dossier_text::EntityType::Person {
            continue;
        }
        for w in entity.name.split_whitespace() {
            out.entry(w.to_lowercase()).or_default().push(e);
        }
    }
    out
}

/// Nouns that stand for a speaker already named ("the outfit said").
const SPEAKER_NOUNS: &[&str] = &[
    "outfit",
    "group",
    "organisation",
    "organization",
    "militants",
    "statement",
    "report",
    "reports",
    "magazine",
    "journal",
    "article",
    "video",
    "message",
    "it",
    "he",
    "she",
    "they",
];

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
    /// Whether the text as written is in capitals only.
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
        all_caps: dossier_text::truecase::is_all_caps(v.doc.text(), 100),
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
    fn speech_polarity(&self, i: usize) -> Option<Polarity> {
        self.lex.speech.get(self.v.word(i)).copied()
    }

    /// The speaker of the claims so far that is nearest before token `at`,
    /// or the nearest organisation or person named before it.
    fn fallback_speaker(&self, at: usize) -> Option<EntityId> {
        let before = self.v.range(at.min(self.v.len().saturating_sub(1))).start();
        let from_claims = self
            .out
            .iter()
            .filter(|c| c.claim.evidence.start() < before)
            .max_by_key(|c| c.claim.evidence.start())
            .and_then(|c| c.claim.speaker);
        from_claims.or_else(|| {
            (0..at).rev().find_map(|k| {
                let arg = self.v.arg_at(k)?;
                matches!(
                    self.v.etype(arg),
                    dossier_text::EntityType::Org | dossier_text::EntityType::Person
                )
                .then_some(arg.entity)
            })
        })
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

    /// Stretches of quoted text: a pair of quote marks, or a quote left
    /// open at the end of a paragraph that the next paragraph continues
    /// with a fresh opening mark (news style). Wire copy writes quotes as
    /// ``...'' too.
    fn quote_stretches(&self) -> Vec<Stretch> {
        let v = self.v;
        // (first token of the opening mark, its last token).
        let mut open: Option<(usize, usize)> = None;
        let mut out = Vec::new();
        let mut i = 0;
        while i < v.len() {
            let w = v.word(i);
            // A mark of two tokens with nothing between them.
            let doubled = |c: &str| {
                w == c && v.word(i + 1) == c && v.range(i).end() == v.range(i + 1).start()
            };
            let straight = w == "\"";
            let width = if doubled("`") || doubled("'") { 2 } else { 1 };
            let opener = matches!(w, "“")
                || doubled("`")
                || (straight && (open.is_none() || v.starts_paragraph(i)));
            let closer = matches!(w, "”") || doubled("'") || straight;
            if opener {
                if let Some((start, o)) = open {
                    // The open quote ran to the end of its paragraph.
                    if (o + 1..=i).any(|k| v.starts_paragraph(k)) {
                        out.push(Stretch {
                            start,
                            open: o,
                            close: i,
                            end: i,
                            closed: false,
                        });
                    }
                }
                open = Some((i, i + width - 1));
            } else if closer {
                if let Some((start, o)) = open.take() {
                    out.push(Stretch {
                        start,
                        open: o,
                        close: i,
                        end: i + width,
                        closed: true,
                    });
                }
            }
            i += width;
        }
        out
    }

    fn direct_quotes(&mut self) {
        let v = self.v;
        // Scare quotes and titles ("pawns", "Khorasan Ghag") are not speech.
        let stretches: Vec<Stretch> = self
            .quote_stretches()
            .into_iter()
            .filter(|s| v.trim_end(s.open + 1, s.close) > s.open + 4 || self.short_speech(s))
            .filter(|s| !self.inside_reported_clause(s.start))
            .collect();
        // Attributed one by one, in order, so that "the outfit said" can
        // fall back on the speaker of the quotes before.
        let mut said: Vec<Option<Attribution>> = Vec::with_capacity(stretches.len());
        for s in &stretches {
            let after = s
                .closed
                .then(|| self.attribution_after(s.end - 1))
                .flatten()
                .map(|(speaker, last, polarity, refers)| Attribution {
                    speaker,
                    first: s.start,
                    last,
                    polarity,
                    refers,
                });
            let a = after.or_else(|| {
                self.attribution_before(s.start)
                    .map(|(speaker, first, polarity, refers)| Attribution {
                        speaker,
                        first,
                        last: s.end,
                        polarity,
                        refers,
                    })
            });
            if let Some(a) = a {
                self.push_quote(s, a);
            }
            said.push(a);
        }
        // A quote over several paragraphs has one speaker, named in any of
        // its stretches: back from the stretch that names it, then forward.
        let attributed: Vec<bool> = said.iter().map(Option::is_some).collect();
        for k in (0..stretches.len().saturating_sub(1)).rev() {
            if said[k].is_none() && continues(&stretches[k], &stretches[k + 1]) {
                said[k] = said[k + 1].map(|a| a.moved_to(&stretches[k]));
            }
        }
        for k in 1..stretches.len() {
            if said[k].is_some() {
                continue;
            }
            let (prev, this) = (&stretches[k - 1], &stretches[k]);
            // `"A," she said in a statement. "B."`: a fresh quote that opens
            // the sentence right after the one that named the speaker.
            let next_sentence = said[k - 1].is_some_and(|a| {
                let (lo, _) = v.full_sentence(this.start);
                lo == this.start
                    && lo > 0
                    && v.sentence_of[a.last.saturating_sub(1).min(v.len() - 1)]
                        == v.sentence_of[lo - 1]
                    && a.last > prev.close
            });
            if continues(prev, this) || next_sentence {
                said[k] = said[k - 1].map(|a| a.moved_to(this));
            }
        }
        for ((s, a), done) in stretches.iter().zip(said).zip(attributed) {
            if let (Some(a), false) = (a, done) {
                self.push_quote(s, a);
            }
        }
    }

    /// Whether a short quote is speech all the same: it opens its
    /// sentence and ends in punctuation inside its marks, with a reporting
    /// verb right after (`“Security is tight,” said X`, `“Hallelujah,”
    /// exclaimed Y`), where a scare quote or a title would not.
    fn short_speech(&self, s: &Stretch) -> bool {
        let v = self.v;
        if !s.closed || s.close <= s.open + 1 {
            return false;
        }
        let (lo, _) = v.full_sentence(s.open + 1);
        let punct = matches!(v.word(s.close - 1), "," | "!" | "?" | ".");
        let verb_after = (s.end..(s.end + 5).min(v.len()))
            .take_while(|&k| !matches!(v.word(k), "." | ";" | "“" | "\"" | "`"))
            .any(|k| self.speech_polarity(k).is_some());
        lo >= s.start && punct && verb_after
    }

    /// Turns of a recorded interview in wire copy: a bracketed name opens
    /// what that person says, up to the next bracket ("[BEGIN RECORDING]
    /// [PALENCIA] I HAVE NO INFORMATION. [REPORTER] ..."). The name must be
    /// a person the article names: editors' tags ("[REPORTER]",
    /// "[EXCERPT]") are not.
    fn recorded_turns(&mut self) {
        let v = self.v;
        let mut i = 0;
        while i + 2 < v.len() {
            if v.word(i) != "[" {
                i += 1;
                continue;
            }
            let Some(close) = (i + 1..(i + 5).min(v.len())).find(|&k| v.word(k) == "]") else {
                i += 1;
                continue;
            };
            let words: Vec<&str> = (i + 1..close).map(|k| v.word(k)).collect();
            let speaker = (i + 1..close)
                .find_map(|k| v.arg_at(k))
                .filter(|a| v.etype(*a) == dossier_text::EntityType::Person)
                .map(|a| a.entity)
                .or_else(|| self.person_named(&words));
            let end = (close + 1..v.len())
                .find(|&k| v.word(k) == "[")
                .unwrap_or(v.len());
            if let Some(speaker) = speaker {
                let last = v.trim_end(close + 1, end);
                if last > close + 1 && !self.used[close + 1..last].iter().any(|&u| u) {
                    self.push(
                        self.full_speaker(Some(speaker)),
                        (close + 1, last),
                        (i, close + 1),
                        true,
                        Polarity::Asserted,
                    );
                }
            }
            i = close + 1;
        }
    }

    /// The one person whose name holds `words` (lowercase) in a row.
    fn person_named(&self, words: &[&str]) -> Option<EntityId> {
        if words.is_empty() {
            return None;
        }
        self.one_person(words, |name| {
            name.windows(words.len())
                .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
        })
    }

    /// The one person whose lowercase name words satisfy `fits`; none
    /// when two people do.
    /// Only people whose names hold the first or the last of `words` are
    /// tried.
    fn one_person(&self, words: &[&str], fits: impl Fn(&[String]) -> bool) -> Option<EntityId> {
        let mut candidates: Vec<usize> = [words.first(), words.last()]
            .into_iter()
            .flatten()
            .filter_map(|w| self.people.get(*w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut found = None;
        for e in candidates {
            let name: Vec<String> = self.v.doc.entities[e]
                .name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            if fits(&name) {
                if found.is_some() {
                    return None;
                }
                found = Some(EntityId::new(e));
            }
        }
        found
    }

    /// Whether a quote opening at `start` is a quoted phrase inside a
    /// reported clause ("She said his murder was “a black stain,” radio
    /// reported"): a word of the clause stands right before the mark and a
    /// reporting verb earlier in the sentence. The reported clause is the
    /// claim, with the quote in it.
    fn inside_reported_clause(&self, start: usize) -> bool {
        let v = self.v;
        let (lo, _) = v.full_sentence(start);
        start > lo
            && v.word(start - 1).chars().all(char::is_alphanumeric)
            && (lo..start - 1).any(|k| self.speech_polarity(k).is_some())
    }

    fn push_quote(&mut self, s: &Stretch, a: Attribution) {
        let content = (s.open + 1, self.v.trim_end(s.open + 1, s.close));
        self.refers = a.refers;
        self.push(a.speaker, content, (a.first, a.last), true, a.polarity);
    }

    /// `”, said X` / `,” X said` / `,” the outfit said` / `,” a police
    /// spokesman said` (a speaker the text does not name: no entity).
    fn attribution_after(&self, close: usize) -> Option<Said> {
        let v = self.v;
        let mut k = close + 1;
        while matches!(v.word(k), ",") {
            k += 1;
        }
        let hi = (k + 14).min(v.len());
        let verb = (k..hi)
            .take_while(|&j| !matches!(v.word(j), "." | ";" | "“" | "\"" | "`"))
            .find(|&j| self.speech_polarity(j).is_some())?;
        let polarity = self.speech_polarity(verb)?;
        if verb == k {
            // Inverted: "said Islamic State Khorasan Province (ISKP)".
            let mut j = verb + 1;
            while matches!(v.word(j), "the" | "a" | "an") {
                j += 1;
            }
            if let Some(a) = v.arg_at(j) {
                let a = v.titled_name(a, (j + 8).min(v.len()));
                return Some((Some(a.entity), a.last, polarity, self.pronoun(a)));
            }
            let (lo, _) = v.full_sentence(verb);
            let end = v.trim_end(lo, v.full_sentence(verb).1);
            let phrase = self.description_end(verb + 1, end);
            let (speaker, refers) = if SPEAKER_NOUNS.contains(&v.word(j)) {
                (self.fallback_speaker(close), None)
            } else {
                self.described(verb + 1, phrase, close)
            };
            return Some((speaker, phrase.max(j + 1), polarity, refers));
        }
        // `“... Nairobi.” He said he cannot ...`: a quote that ends its
        // sentence inside its marks is not said by a clause that goes on
        // to say something of its own.
        let stop_inside = (close.saturating_sub(2)..close).any(|j| v.word(j) == ".");
        let after = self.skip_when(verb + 1, v.len());
        let tail_only = matches!(
            v.word(after),
            "." | "," | ";" | "" | "in" | "on" | "at" | "to" | "after" | "before" | "during" | "as"
        );
        if stop_inside && !tail_only {
            return None;
        }
        // "X said": everything between the quote and the verb names the
        // speaker; "TTP spokesman X said" is X, not the group in the title.
        let named = (k..verb)
            .find_map(|j| v.arg_at(j))
            .map(|a| v.titled_name(a, verb));
        let (speaker, refers) = match named {
            Some(a) => (Some(a.entity), self.pronoun(a)),
            None if self.surname(k, verb).is_some() => (self.surname(k, verb).map(|s| s.0), None),
            None if (k..verb).any(|j| SPEAKER_NOUNS.contains(&v.word(j))) => {
                (self.fallback_speaker(close), None)
            }
            None if self.description_end(k, verb) == verb => self.described(k, verb, close),
            None => return None,
        };
        Some((speaker, verb + 1, polarity, refers))
    }

    /// The end of a speaker description that starts at `from` ("a police
    /// spokesman", "the minister", "residents"): up to six plain words, no
    /// names, no clause breaks, within `from..hi`.
    fn description_end(&self, from: usize, hi: usize) -> usize {
        let v = self.v;
        let mut k = from;
        while k < hi && k < from + 6 {
            let w = v.word(k);
            let plain = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
            if !plain || w.is_empty() || v.arg_at(k).is_some() || v.is_break(k) {
                break;
            }
            k += 1;
        }
        k
    }

    /// A pronoun with no mention of its own at `at`.
    fn bare_pronoun(&self, at: usize) -> Option<Reference> {
        let want = match self.v.word(at) {
            "he" | "she" => Want::Person,
            "it" => Want::Group,
            "they" => Want::Plural,
            _ => return None,
        };
        Some(Reference { at, want })
    }

    /// A person named before by a fuller name, whose surname alone stands
    /// right before the verb at `verb` ("Borge said", "CASTRO ARENAS
    /// SAID") where no tagger found it: one to three capitalised words that
    /// end exactly one person's name. Returns the entity and the first
    /// token of the surname.
    fn surname(&self, lo: usize, verb: usize) -> Option<(EntityId, usize)> {
        let v = self.v;
        let mut k = verb;
        while k > lo && AUXILIARIES.contains(&v.word(k - 1)) {
            k -= 1;
        }
        let capital = |j: usize| {
            v.word(j).chars().all(|c| c.is_alphabetic() || c == '-')
                && (v.is_capital(j) || (v.is_lower(j) && self.all_caps()))
                // All-caps copy tags a lone surname as an acronym.
                && v.arg_at(j)
                    .is_none_or(|a| v.etype(a) == dossier_text::EntityType::Misc)
        };
        let mut j = k;
        while j > lo && j + 3 > k && capital(j - 1) {
            j -= 1;
        }
        // The whole run must be the surname: it starts the clause or
        // follows a comma or a conjunction.
        if j == k
            || !(j == lo
                || matches!(
                    v.word(j - 1),
                    "," | "and" | "but" | "however" | "\"" | "”" | "'"
                ))
        {
            return None;
        }
        let words: Vec<&str> = (j..k).map(|x| v.word(x)).collect();
        self.fuller_name(&words).map(|e| (e, j))
    }

    /// The one person whose name ends with `words` (lowercase) and is
    /// longer.
    fn fuller_name(&self, words: &[&str]) -> Option<EntityId> {
        let n = words.len();
        self.one_person(words, |name| {
            let ends_with = name.len() > n
                && name[name.len() - n..]
                    .iter()
                    .zip(words.iter())
                    .all(|(a, b)| a == b);
            // "CASTRO ARENAS" after a tagger stopped at "MARIO CASTRO": a
            // two-part surname that starts with the name's last word.
            let runs_on =
                n == 2 && name.len() >= 2 && name.last().map(String::as_str) == Some(words[0]);
            ends_with || runs_on
        })
    }

    /// A speaker named by its surname alone as an entity of its own
    /// ("Perez", "TOJEIRA") is the person named in full before.
    fn full_speaker(&self, speaker: Option<EntityId>) -> Option<EntityId> {
        let e = self.v.doc.entities.get(speaker?.index())?;
        let lower = e.name.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        // A lone surname may also be mistyped as a group ("Har-Shefi").
        let typed = match e.etype {
            dossier_text::EntityType::Person | dossier_text::EntityType::Misc => true,
            dossier_text::EntityType::Org => words.len() == 1,
            _ => false,
        };
        if !typed || words.is_empty() || words.len() > 2 {
            return speaker;
        }
        self.fuller_name(&words).or(speaker)
    }

    /// Whether the text as written is in capitals only (the truecaser
    /// may have written a surname such as "ARENAS" as a common word).
    fn all_caps(&self) -> bool {
        self.all_caps
    }

    /// A pronoun that speaks ("she said", "it added"), to be settled once
    /// all claims are known.
    fn pronoun(&self, a: Arg) -> Option<Reference> {
        let v = self.v;
        if a.last != a.first + 1 {
            return None;
        }
        let want = match v.word(a.first) {
            "he" | "she" => Want::Person,
            "it" => Want::Group,
            "they" => Want::Plural,
            _ => return None,
        };
        Some(Reference { at: a.first, want })
    }

    /// The speaker a description in `from..hi` names: the person last named
    /// with its title ("the minister"); else, for a definite description
    /// of a person or a group ("the official", "the company"), a reference
    /// settled once all claims are known.
    fn described(
        &self,
        from: usize,
        hi: usize,
        at: usize,
    ) -> (Option<EntityId>, Option<Reference>) {
        let v = self.v;
        if let Some(p) = self.described_person(from, hi, at) {
            return (Some(p), None);
        }
        if v.word(from) != "the" || hi <= from + 1 || hi > from + 4 {
            return (None, None);
        }
        let head = v.word(hi - 1);
        // A role noun heads it ("the official", "the head of state"); a
        // word that only appears in titles ("army" of "army chief") does
        // not.
        let person_role = |words: &[&str]| {
            self.lex.roles.longest(words).is_some_and(|(p, _)| {
                matches!(
                    p.value.as_str(),
                    "leader_of" | "member_of" | "spokesperson_of" | "advisor_of"
                )
            })
        };
        let words: Vec<&str> = (from + 1..hi).map(|k| v.word(k)).collect();
        let want = if person_role(&[head]) || person_role(&words) {
            Want::Person
        } else if GROUP_HEADS.contains(&head) {
            Want::Group
        } else {
            return (None, None);
        };
        (None, Some(Reference { at: from, want }))
    }

    /// Settles the speakers named by a pronoun or a description, in text
    /// order (the claims are sorted by evidence): each takes the speaker
    /// of the nearest earlier claim or the subject of the nearest earlier
    /// sentence that fits it, looking back four sentences at most. A
    /// pronoun that subject is continues the search further back.
    fn settle_references(&mut self) {
        // Tokens inside direct quotes, whose subjects are not the text's.
        let mut quoted = vec![false; self.v.len()];
        for c in self.out.iter().filter(|c| c.claim.direct) {
            for slot in quoted.get_mut(c.first..c.last).unwrap_or_default() {
                *slot = true;
            }
        }
        for k in 0..self.out.len() {
            let full = self.full_speaker(self.out[k].claim.speaker);
            self.out[k].claim.speaker = full;
            let Some(r) = self.out[k].refers else {
                continue;
            };
            if let Some(speaker) = self.salient(k, r, &quoted) {
                let c = &mut self.out[k].claim;
                c.speaker = speaker;
                c.about.retain(|&e| Some(e) != speaker);
            }
        }
    }

    fn fits(&self, speaker: Option<EntityId>, want: Want) -> bool {
        use dossier_text::EntityType::*;
        let Some(e) = speaker.and_then(|e| self.v.doc.entities.get(e.index())) else {
            return true;
        };
        match want {
            Want::Person => e.etype == Person,
            Want::Group => matches!(e.etype, Org | Gpe),
            Want::Plural => matches!(e.etype, Org | Gpe | Norp),
        }
    }

    fn salient(&self, k: usize, r: Reference, quoted: &[bool]) -> Option<Option<EntityId>> {
        let v = self.v;
        let inside_quote = |p: usize| quoted.get(p).copied().unwrap_or(false);
        let (mut lo, _) = v.full_sentence(r.at);
        let mut hi = r.at;
        for _ in 0..4 {
            // The latest earlier claim that starts in this sentence.
            // The claims are sorted by evidence: walk back only as far as
            // this sentence.
            let claim = self.out[..k]
                .iter()
                .rev()
                .map(|c| (v.doc.tokens_in(c.claim.evidence).start, c))
                .take_while(|(start, _)| *start >= lo)
                .find(|(start, c)| *start < hi && self.fits(c.claim.speaker, r.want))
                .map(|(_, c)| c.claim.speaker);
            if claim.is_some() {
                return claim;
            }
            // The sentence's subject, outside quotes.
            let mut j = lo;
            while j < hi {
                if inside_quote(j) {
                    j += 1;
                    continue;
                }
                let Some(a) = v.arg_at(j) else {
                    j += 1;
                    continue;
                };
                let possessor = matches!(v.word(a.last), "'s")
                    || matches!(v.word(a.first), "its" | "his" | "her" | "their");
                if v.is_actor(a) && !possessor && !v.after_preposition(a, lo) {
                    let a = v.titled_name(a, hi);
                    if self.pronoun(a).is_none() && self.fits(Some(a.entity), r.want) {
                        return Some(Some(a.entity));
                    }
                    break;
                }
                j = a.last.max(j + 1);
            }
            if lo == 0 {
                break;
            }
            hi = lo;
            lo = v.full_sentence(lo - 1).0;
        }
        None
    }

    /// The person "the minister" or "the spokesman" in `from..hi` stands
    /// for: the latest person named before `at` with that title ("Interior
    /// Minister X", "X, a spokesman for Y"). None for an indefinite or
    /// plural description ("a police spokesman", "residents"): the text
    /// does not name that speaker, and the nearest name would be a guess.
    fn described_person(&self, from: usize, hi: usize, at: usize) -> Option<EntityId> {
        let v = self.v;
        if v.word(from) != "the" {
            return None;
        }
        let title = (from + 1..hi).rev().find(|&k| v.is_title(v.word(k)))?;
        let title = v.word(title);
        (at.saturating_sub(MAX_LOOKBACK)..at).rev().find_map(|k| {
            let a = v.arg_at(k).filter(|a| a.first == k)?;
            if v.etype(a) != dossier_text::EntityType::Person {
                return None;
            }
            let near = (a.first.saturating_sub(4)..a.first)
                .chain(a.last..(a.last + 6).min(v.len()))
                .any(|j| v.word(j).trim_end_matches('.') == title);
            let titled = v.doc.entities.get(a.entity.index()).is_some_and(|e| {
                e.titles.iter().any(|t| {
                    t.to_lowercase()
                        .split_whitespace()
                        .any(|w| w.trim_end_matches('.') == title)
                })
            });
            (near || titled).then_some(a.entity)
        })
    }

    /// `X said: “` / `X said, “` / `X said in a statement: “`.
    fn attribution_before(&self, open: usize) -> Option<Said> {
        let v = self.v;
        // A quote that opens a sentence has no reporting clause before it
        // in that sentence.
        if open == 0 || matches!(v.word(open - 1), "." | "!" | "?") {
            return None;
        }
        let (lo, _) = v.full_sentence(open.saturating_sub(1));
        let reach = if v.word(open.saturating_sub(1)) == ":" {
            12
        } else {
            4
        };
        let verb = (open.saturating_sub(reach).max(lo)..open)
            .rev()
            .find(|&j| self.speech_polarity(j).is_some())?;
        let polarity = self.speech_polarity(verb)?;
        if let Some((first, last)) = self.unnamed_subject(lo, verb) {
            let (speaker, refers) = self.described(first, last, verb);
            return Some((speaker, first, polarity, refers));
        }
        let subject = v.subject_left(lo, verb);
        let first = subject.map_or(verb, |a| a.first);
        Some((
            subject.map(|a| a.entity),
            first,
            polarity,
            subject.and_then(|a| self.pronoun(a)),
        ))
    }

    /// Whether the subject right before the reporting verb at `verb` is a
    /// description with no name ("a police spokesman said", "residents
    /// told"), which a search further left must not replace with the
    /// nearest name.
    fn unnamed_subject(&self, lo: usize, verb: usize) -> Option<(usize, usize)> {
        let v = self.v;
        let mut k = verb;
        while k > lo && AUXILIARIES.contains(&v.word(k - 1)) {
            k -= 1;
        }
        if k == lo
            || SPEAKER_NOUNS.contains(&v.word(k - 1))
            || DESCRIPTION_STARTS.contains(&v.word(k - 1))
        {
            return None;
        }
        // With a parse, the description is a noun phrase ending in a
        // noun; without one, plain words that are not a coordination ("X
        // rejected it and said") or a verb form.
        let upos = |i: usize| (v.doc.syntax.upos.len() == v.len()).then(|| v.doc.syntax.upos[i]);
        if matches!(upos(k - 1), Some(u) if !matches!(u, Upos::NOUN | Upos::PROPN)) {
            return None;
        }
        // A common noun heads it: a name inside it only modifies it ("a
        // State Department duty officer", "Colombian secret police
        // sources", "McKinnon's spokeswoman").
        let common = v.arg_at(k - 1).is_none()
            && !v.is_capital(k - 1)
            && self.lex.is_source_noun(v.word(k - 1));
        let modifier = |a: Arg| {
            matches!(
                v.etype(a),
                dossier_text::EntityType::Norp
                    | dossier_text::EntityType::Org
                    | dossier_text::EntityType::Gpe
            ) || matches!(v.word(a.last), "'s")
        };
        let mut j = k;
        let mut names = 0;
        while j > lo && j + 6 > k {
            if common && names == 0 {
                let at = if v.word(j - 1) == "'s" && j > lo + 1 {
                    j - 2
                } else {
                    j - 1
                };
                if let Some(a) = v.arg_at(at).filter(|a| a.first >= lo && a.last <= j) {
                    if modifier(a) && !v.after_preposition(a, lo) && self.pronoun(a).is_none() {
                        j = a.first;
                        names += 1;
                        continue;
                    }
                }
            }
            let w = v.word(j - 1);
            let plain = w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !matches!(w, "and" | "or" | "but" | "to")
                && !w.ends_with("ed");
            let nominal = upos(j - 1).is_none_or(|u| {
                matches!(
                    u,
                    Upos::NOUN | Upos::PROPN | Upos::ADJ | Upos::DET | Upos::NUM
                )
            });
            if !plain
                || !nominal
                || v.arg_at(j - 1).is_some()
                || v.is_break(j - 1)
                || v.is_be(j - 1)
            {
                break;
            }
            j -= 1;
        }
        // The description starts the clause, or is a noun phrase with an
        // article or a number ("two witnesses").
        let starts = j == lo
            || matches!(v.word(j - 1), "," | "and" | ";" | "\"" | "”" | "'")
            || DESCRIPTION_STARTS.contains(&v.word(j));
        (j < k && starts).then_some((j, k))
    }

    fn reported(&mut self) {
        let v = self.v;
        for i in 0..v.len() {
            if self.used[i] {
                continue;
            }
            let (lo, hi) = v.full_sentence(i);
            let end = v.trim_end(lo, hi);
            if v.word(i) == "according" && v.word(i + 1) == "to" {
                self.according_to(i, lo, end);
                continue;
            }
            let capital = i > lo && v.is_capital(i);
            if v.mention_at[i].is_some() || capital {
                continue;
            }
            if let Some(polarity) = self.speech_polarity(i) {
                self.reporting_verb(i, lo, end, polarity);
                continue;
            }
            let rest: Vec<&str> = (i..(i + 3).min(v.len())).map(|k| v.word(k)).collect();
            if let Some((phrase, n)) = self.lex.speech_nouns.longest(&rest) {
                if v.word(i + n) == "that" {
                    let polarity = if phrase.value == "denied" {
                        Polarity::Denied
                    } else {
                        Polarity::Asserted
                    };
                    let speaker = v.subject_left(lo, i);
                    let ev_first = speaker.map_or(i, |a| a.first);
                    let content = self.content_end(i + n + 1, end);
                    let speaker = speaker.map(|a| a.entity);
                    self.push(
                        speaker,
                        (i + n + 1, content),
                        (ev_first, i + n + 1),
                        false,
                        polarity,
                    );
                }
            }
        }
    }

    /// "according to X, ..." and "..., according to X". The source may be
    /// a phrase that names it further on ("a statement released by X"), a
    /// possessive ("its propaganda arm": the group the sentence is about)
    /// or a description with no name ("a provincial official").
    fn according_to(&mut self, i: usize, lo: usize, end: usize) {
        let v = self.v;
        let mut j = i + 2;
        while matches!(v.word(j), "the" | "a" | "an") {
            j += 1;
        }
        let phrase_end = (j..end)
            .find(|&k| matches!(v.word(k), "," | ";" | "“" | "\"" | "`"))
            .unwrap_or(end);
        let (speaker, src_end) = match v.arg_at(j).filter(|a| a.first == j) {
            Some(a) if !matches!(v.word(j), "its" | "their") => {
                // "according to Zulia state governor Ismael Ordaz".
                let a = v.titled_name(a, phrase_end);
                (Some(a.entity), a.last)
            }
            _ => (self.source_in_phrase(i, j, phrase_end, lo), phrase_end),
        };
        if i == lo || (i > lo && v.word(i - 1) == ",") && i - 1 == lo {
            let comma = (j..end).find(|&k| v.word(k) == ",");
            if let Some(c) = comma {
                self.push(speaker, (c + 1, end), (i, c + 1), false, Polarity::Asserted);
            }
        } else {
            let content_end = if v.word(i - 1) == "," { i - 1 } else { i };
            let mut content_first = lo;
            while matches!(v.word(content_first), "“" | "\"" | "`") {
                content_first += 1;
            }
            self.push(
                speaker,
                (content_first, content_end),
                (i, src_end.max(i + 2)),
                false,
                Polarity::Asserted,
            );
        }
    }

    /// The speaker named in the phrase `j..hi` after "according to" (at
    /// `at`) when it does not start with a name: "a statement by X", "its
    /// news agency", "the group".
    fn source_in_phrase(&self, at: usize, j: usize, hi: usize, lo: usize) -> Option<EntityId> {
        let v = self.v;
        for k in j..hi {
            let w = v.word(k);
            if matches!(w, "its" | "their") {
                // The group the sentence is about, not the nearest name
                // (which may sit in an apposition: "X, an affiliate of Y").
                return self
                    .clause_actor(lo, at)
                    .or_else(|| v.arg_at(k).map(|a| a.entity));
            }
            if matches!(w, "by" | "from" | "of") {
                let mut n = k + 1;
                while matches!(v.word(n), "the" | "a" | "an") {
                    n += 1;
                }
                if let Some(a) = v.arg_at(n).filter(|a| v.is_actor(*a)) {
                    if !matches!(v.word(n), "its" | "their") {
                        return Some(a.entity);
                    }
                }
            }
        }
        SPEAKER_NOUNS
            .contains(&v.word(j))
            .then(|| self.fallback_speaker(at))
            .flatten()
    }

    /// The first group or person of the clause `lo..at` that no
    /// preposition governs and that is not a possessor.
    fn clause_actor(&self, lo: usize, at: usize) -> Option<EntityId> {
        let v = self.v;
        let mut k = lo;
        while k < at {
            let Some(a) = v.arg_at(k) else {
                k += 1;
                continue;
            };
            let possessor = matches!(v.word(a.last), "'s");
            let kind = matches!(
                v.etype(a),
                dossier_text::EntityType::Org | dossier_text::EntityType::Person
            );
            if kind && !possessor && !v.after_preposition(a, lo) {
                return Some(a.entity);
            }
            k = a.last.max(k + 1);
        }
        None
    }

    fn reporting_verb(&mut self, i: usize, lo: usize, end: usize, polarity: Polarity) {
        let v = self.v;
        let w = v.word(i);
        // Participle clause: ", claiming that ..." speaks for the main subject.
        let participle = w.ends_with("ing") && i > lo && v.word(i - 1) == ",";
        // "..., said the ministry.": the speaker follows and ends the clause.
        let speaker_then_end = v
            .arg_at(i + 1)
            .is_some_and(|a| a.last >= end || v.word(a.last) == ",");
        let inverted =
            i > lo && matches!(v.word(i - 1), "," | "”" | "\"" | "'") && speaker_then_end;
        // Where the content starts: after "that", after a colon, or right
        // after "said".
        // Only an addressee, a channel or an adverb may stand between the
        // verb and "that": in "claimed an ambush that killed", "that" opens
        // a relative clause.
        // A verb of telling takes an addressee of plain nouns too ("told
        // African envoys that").
        let telling = matches!(w, "told" | "tells" | "telling" | "tell");
        let noun = |k: usize| {
            telling && v.is_lower(k) && v.doc.syntax.upos.get(k).is_some_and(|u| *u == Upos::NOUN)
        };
        let that = (i + 1..(i + 10).min(end))
            .take_while(|&k| {
                v.arg_at(k).is_some()
                    || REPORT_FILLERS.contains(&v.word(k))
                    || v.in_time(k)
                    || noun(k)
                    || v.word(k) == "that"
                    || v.word(k) == ":"
            })
            .find(|&k| v.word(k) == "that" || v.word(k) == ":");
        // A bare clause after "said" starts like a clause: a name, a
        // pronoun, a determiner, a number or a capital ("he says are
        // politically motivated" is a relative clause, not speech).
        // "said Friday they ...", "said on Tuesday that": the time of the
        // saying stands between the verb and its clause.
        let after = self.skip_when(i + 1, end);
        let next = v.doc.tokens.kind.get(after).copied();
        // With a parse, a clausal complement of the verb that starts right
        // there ("said authorities are pursuing ...").
        let complement = v.doc.syntax.head.len() == v.len()
            && !matches!(v.doc.syntax.upos.get(after), Some(Upos::VERB | Upos::AUX))
            && (after..end).any(|k| {
                v.doc.syntax.head[k].map(|h| h.index()) == Some(i)
                    && matches!(&*v.doc.syntax.deprel[k], "ccomp" | "parataxis")
                    && (after..k).all(|j| {
                        v.doc.syntax.head[j].is_some_and(|h| h.index() >= after && h.index() <= k)
                            || j == k
                    })
            });
        let clause_start = v.arg_at(after).is_some()
            || complement
            || CLAUSE_STARTS.contains(&v.word(after))
            || next == Some(dossier_text::TokenKind::Number)
            || (after < end && v.is_capital(after) && !v.in_time(after));
        let bare_say = matches!(
            w,
            "said"
                | "says"
                | "say"
                | "told"
                | "acknowledged"
                | "admitted"
                | "insisted"
                | "believe"
                | "believes"
                | "allege"
                | "alleges"
                | "state"
                | "states"
                | "notes"
        ) && clause_start
            && !matches!(v.word(after), "." | "," | "on" | "in" | "to" | "by" | "")
            && v.arg_at(after)
                .is_none_or(|a| !v.is_actor(a) || w != "told");
        let content_start = match that {
            Some(k) => k + 1,
            None if bare_say && !inverted => after,
            None => {
                // "..., police said." / "..., said the ministry." / "...,
                // New Zealand said Friday in response to ..." / "...,
                // Bushnell told Kenya Television."
                if after >= end
                    || v.word(after) == ","
                    || (inverted && speaker_then_end)
                    || self.speaker_after_comma(lo, i)
                {
                    return self.clause_final(i, lo, end, polarity);
                }
                return;
            }
        };
        let speaker = if participle {
            v.first_subject(lo, i)
        } else {
            v.subject_left(lo, i)
        };
        let mut ev_first = speaker.map_or(i, |a| if a.first < i { a.first } else { i });
        let mut refers = speaker.and_then(|a| self.pronoun(a));
        let mut speaker = speaker.map(|a| a.entity);
        if speaker.is_none() && i > lo && SPEAKER_NOUNS.contains(&v.word(i - 1)) {
            speaker = self.fallback_speaker(i);
            refers = self.bare_pronoun(i - 1);
        }
        // "A police spokesman said": no name, and not the nearest one.
        if let Some((first, last)) = (!participle).then(|| self.unnamed_subject(lo, i)).flatten() {
            (speaker, refers) = self.described(first, last, i);
            ev_first = first;
        }
        if speaker.is_none() && refers.is_none() {
            if let Some((e, first)) = self.surname(lo, i) {
                speaker = Some(e);
                ev_first = first;
            }
        }
        let content_end = self.content_end(content_start, end);
        self.refers = refers;
        self.push(
            speaker,
            (content_start, content_end),
            (ev_first, content_start),
            false,
            polarity,
        );
    }

    /// The token after the time of a saying that follows its verb ("said
    /// Friday", "said on Tuesday", "said here Friday").
    fn skip_when(&self, from: usize, end: usize) -> usize {
        let v = self.v;
        let mut k = from;
        while k < end {
            let w = v.word(k);
            let lead = matches!(w, "on" | "late" | "early" | "last" | "this")
                && k + 1 < end
                && v.in_time(k + 1);
            if v.in_time(k) || lead || matches!(w, "here" | "there") {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    /// Whether a short speaker phrase after a comma ends right before the
    /// reporting verb at `i` ("..., Bushnell told", "..., an official from
    /// the organization said"), so that the clause before the comma is
    /// what was said, whatever follows the verb.
    fn speaker_after_comma(&self, lo: usize, i: usize) -> bool {
        let v = self.v;
        let Some(comma) = (lo..i).rev().find(|&k| v.word(k) == ",") else {
            return false;
        };
        // With a parse: a verb before the comma ("In this sense, the
        // minister said" has none), and a noun, no verb, in the phrase.
        let upos = |k: usize| v.doc.syntax.upos.get(k).copied();
        let parsed = v.doc.syntax.upos.len() == v.len();
        let verb = |k: usize| matches!(upos(k), Some(Upos::VERB | Upos::AUX));
        let nominal = |k: usize| {
            v.arg_at(k).is_some() || matches!(upos(k), Some(Upos::NOUN | Upos::PROPN | Upos::PRON))
        };
        comma > lo + 2
            && i - comma <= 8
            && i > comma + 1
            && (!parsed || ((lo..comma).any(verb) && (comma + 1..i).any(nominal)))
            && !(comma + 1..i).any(|k| {
                v.is_break(k)
                    || (parsed && verb(k))
                    || matches!(v.word(k), "but" | "or" | "\"" | "”")
                    || self.speech_polarity(k).is_some()
            })
    }

    /// "Five people were killed, police said." / "..., said the ministry."
    fn clause_final(&mut self, i: usize, lo: usize, end: usize, polarity: Polarity) {
        let v = self.v;
        // The speaker sits between the last comma and the verb, or after it.
        let comma = (lo..i)
            .rev()
            .find(|&k| matches!(v.word(k), "," | "”" | "\""));
        let Some(comma) = comma else { return };
        if comma == lo {
            return;
        }
        // "the order's superior for Central America told": the speaker is
        // no name after a preposition.
        // The head of the phrase decides: a name ("the South African
        // Foreign Affairs Department said") or a common noun, which makes
        // it a description even with a name inside ("White House and
        // Republican sources said", "Kenya's national newspapers
        // reported").
        let mut h = i;
        while h > comma + 1 && AUXILIARIES.contains(&v.word(h - 1)) {
            h -= 1;
        }
        let head_name = v.arg_at(h - 1).filter(|a| v.is_actor(*a));
        let common_head = head_name.is_none()
            && h > comma + 1
            && v.is_lower(h - 1)
            && !v.is_capital(h - 1)
            && self.lex.is_source_noun(v.word(h - 1))
            && (comma + 1..h - 1).any(|k| v.arg_at(k).is_some());
        let between = if common_head {
            None
        } else {
            head_name.or_else(|| {
                (comma + 1..i)
                    .filter_map(|k| v.arg_at(k))
                    .find(|a| !v.after_preposition(*a, comma + 1))
            })
        }
        .map(|a| v.titled_name(a, i));
        let after = (i + 1 < end)
            .then(|| v.arg_at(i + 1))
            .flatten()
            .map(|a| v.titled_name(a, end));
        let mut refers = None;
        let speaker = match between.or(after) {
            Some(a) => {
                refers = self.pronoun(a);
                Some(a.entity)
            }
            None if i <= comma + 3
                && !matches!(v.word(comma + 1), "a" | "an")
                && (comma + 1..(i + 3).min(end)).any(|k| SPEAKER_NOUNS.contains(&v.word(k))) =>
            {
                refers = self.bare_pronoun(comma + 1);
                self.fallback_speaker(i)
            }
            // "..., Borge said": a surname no tagger found.
            None if self.surname(comma + 1, i).is_some() => self.surname(comma + 1, i).map(|s| s.0),
            // "..., residents said": a speaker the text does not name;
            // "..., the minister said": the minister named before.
            None if i > comma + 1 => {
                let (speaker, r) = self.described(comma + 1, i, i);
                refers = r;
                speaker
            }
            // "..., said the minister."
            None if i + 1 < end => {
                let last = self.description_end(i + 1, end);
                let (speaker, r) = self.described(i + 1, last, i);
                refers = r;
                speaker
            }
            None => return,
        };
        let mut content_first = self.skip_dateline(lo, comma);
        while content_first < comma && matches!(v.word(content_first), "“" | "\"") {
            content_first += 1;
        }
        // "That, the source said, was when ...", "Meanwhile, as X reports,
        // ...": what was said follows the parenthetical source.
        let parenthetical = comma < content_first + 3 || v.word(comma + 1) == "as";
        let after_verb = self.skip_when(i + 1, end);
        let (content, evidence) = if parenthetical && v.word(after_verb) == "," {
            ((after_verb + 1, end), (comma + 1, after_verb + 1))
        } else if parenthetical {
            self.refers = None;
            return;
        } else {
            ((content_first, comma), (comma, end.max(i + 1)))
        };
        self.refers = refers;
        self.push(speaker, content, evidence, false, polarity);
    }

    /// Where an article's first sentence starts after its dateline
    /// ("BONN, Germany (AP)_ ...", "BRUSSELS, February 10 (Xinhua) --").
    fn skip_dateline(&self, lo: usize, hi: usize) -> usize {
        let v = self.v;
        if lo != 0 {
            return lo;
        }
        (lo..hi.min(lo + 16))
            .find(|&k| {
                k > lo
                    && matches!(v.word(k), "_" | "--" | "—" | "-")
                    && matches!(v.word(k - 1), ")" | "_")
            })
            .or_else(|| (lo..hi.min(lo + 16)).find(|&k| k > lo && v.word(k).starts_with(")_")))
            .map_or(lo, |k| k + 1)
    }

    /// Whether the comma at `comma` opens a clause-final source, past the
    /// closing mark of a quoted phrase (`,” radio reported`).
    fn tail_source(&self, comma: usize, end: usize) -> bool {
        let v = self.v;
        let mut k = comma + 1;
        while matches!(v.word(k), "”" | "\"" | "'") {
            k += 1;
        }
        v.word(comma) == "," && self.final_source(k, end)
    }

    /// Whether `from..end` is a clause-final source: a few words and a
    /// reporting verb that ends the sentence ("the radio reports said").
    fn final_source(&self, from: usize, end: usize) -> bool {
        let v = self.v;
        end > from
            && end <= from + 7
            && self.speech_polarity(end - 1).is_some()
            && (from..end - 1).all(|k| {
                v.word(k)
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                    && !matches!(v.word(k), "that" | "which" | "who")
            })
    }

    /// Content runs to the end of the sentence, less a trailing medium
    /// phrase ("in its periodical magazine named ...").
    fn content_end(&self, start: usize, end: usize) -> usize {
        let v = self.v;
        for p in start..end {
            // "..., Israel radio reported." ends the clause with a source of
            // its own.
            if p > start && self.tail_source(p, end) {
                return p;
            }
            // "... and accused X of ..." leaves the reported clause.
            if v.word(p) == "and" && self.speech_polarity(p + 1).is_some() {
                return p;
            }
            // ", claiming that ..." starts a claim of its own.
            if v.word(p) == ","
                && (self.speech_polarity(p + 1).is_some() && v.word(p + 1).ends_with("ing")
                    || v.word(p + 1) == "according")
            {
                return p;
            }
            if matches!(v.word(p), "in" | "through" | "on" | "via")
                && medium_after(self.lex, v, p + 1, end.max(p + 1) + 1)
                    .is_some_and(|(_, stop)| stop + 2 >= end)
            {
                return p;
            }
        }
        end
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
