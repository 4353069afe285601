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
}

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
    "a", "an", "the", "some", "several", "two", "three", "many", "other", "local", "one",
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

/// Who said a quoted stretch and the tokens of its evidence.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    speaker: Option<EntityId>,
    first: usize,
    last: usize,
    polarity: Polarity,
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
}

pub fn find(lex: &Lexicon, v: &DocView) -> Vec<FoundClaim> {
    let mut f = Finder {
        lex,
        v,
        used: vec![false; v.len()],
        out: Vec::new(),
    };
    f.direct_quotes();
    f.reported();
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
            .filter(|s| v.trim_end(s.open + 1, s.close) > s.open + 4)
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
                .map(|(speaker, last, polarity)| Attribution {
                    speaker,
                    first: s.start,
                    last,
                    polarity,
                });
            let a = after.or_else(|| {
                self.attribution_before(s.start)
                    .map(|(speaker, first, polarity)| Attribution {
                        speaker,
                        first,
                        last: s.end,
                        polarity,
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
        self.push(a.speaker, content, (a.first, a.last), true, a.polarity);
    }

    /// `”, said X` / `,” X said` / `,” the outfit said` / `,” a police
    /// spokesman said` (a speaker the text does not name: no entity).
    fn attribution_after(&self, close: usize) -> Option<(Option<EntityId>, usize, Polarity)> {
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
                return Some((Some(a.entity), a.last, polarity));
            }
            let (lo, _) = v.full_sentence(verb);
            let end = v.trim_end(lo, v.full_sentence(verb).1);
            let phrase = self.description_end(verb + 1, end);
            let speaker = if SPEAKER_NOUNS.contains(&v.word(j)) {
                self.fallback_speaker(close)
            } else {
                self.described_person(verb + 1, phrase, close)
            };
            return Some((speaker, phrase.max(j + 1), polarity));
        }
        // "X said": everything between the quote and the verb names the
        // speaker; "TTP spokesman X said" is X, not the group in the title.
        let named = (k..verb)
            .find_map(|j| v.arg_at(j))
            .map(|a| v.titled_name(a, verb));
        let speaker = match named {
            Some(a) => Some(a.entity),
            None if (k..verb).any(|j| SPEAKER_NOUNS.contains(&v.word(j))) => {
                self.fallback_speaker(close)
            }
            None if self.description_end(k, verb) == verb => self.described_person(k, verb, close),
            None => return None,
        };
        Some((speaker, verb + 1, polarity))
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
    fn attribution_before(&self, open: usize) -> Option<(Option<EntityId>, usize, Polarity)> {
        let v = self.v;
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
            return Some((self.described_person(first, last, verb), first, polarity));
        }
        let speaker = v.subject_left(lo, verb).map(|a| a.entity);
        let first = v.subject_left(lo, verb).map_or(verb, |a| a.first);
        Some((speaker, first, polarity))
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
        let mut j = k;
        while j > lo && j + 5 > k {
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
            || matches!(v.word(j - 1), "," | "and")
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
            Some(a) if !matches!(v.word(j), "its" | "their") => (Some(a.entity), a.last),
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
        let inverted = i > lo && matches!(v.word(i - 1), "," | "”" | "\"") && speaker_then_end;
        // Where the content starts: after "that", after a colon, or right
        // after "said".
        // Only an addressee, a channel or an adverb may stand between the
        // verb and "that": in "claimed an ambush that killed", "that" opens
        // a relative clause.
        let that = (i + 1..(i + 10).min(end))
            .take_while(|&k| {
                v.arg_at(k).is_some()
                    || REPORT_FILLERS.contains(&v.word(k))
                    || v.in_time(k)
                    || v.word(k) == "that"
                    || v.word(k) == ":"
            })
            .find(|&k| v.word(k) == "that" || v.word(k) == ":");
        // A bare clause after "said" starts like a clause: a name, a
        // pronoun, a determiner, a number or a capital ("he says are
        // politically motivated" is a relative clause, not speech).
        let next = v.doc.tokens.kind.get(i + 1).copied();
        let clause_start = v.arg_at(i + 1).is_some()
            || CLAUSE_STARTS.contains(&v.word(i + 1))
            || next == Some(dossier_text::TokenKind::Number)
            || (i + 1 < end && v.is_capital(i + 1));
        let bare_say = matches!(w, "said" | "says" | "say" | "told")
            && clause_start
            && !matches!(v.word(i + 1), "." | "," | "on" | "in" | "to" | "by" | "")
            && v.arg_at(i + 1)
                .is_none_or(|a| !v.is_actor(a) || w != "told");
        let content_start = match that {
            Some(k) => k + 1,
            None if bare_say && !inverted => i + 1,
            None => {
                // "..., police said." / "..., said the ministry."
                if i + 1 >= end || v.word(i + 1) == "," || (inverted && speaker_then_end) {
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
        let mut speaker = speaker.map(|a| a.entity);
        if speaker.is_none() && i > lo && SPEAKER_NOUNS.contains(&v.word(i - 1)) {
            speaker = self.fallback_speaker(i);
        }
        // "A police spokesman said": no name, and not the nearest one.
        if let Some((first, last)) = (!participle).then(|| self.unnamed_subject(lo, i)).flatten() {
            speaker = self.described_person(first, last, i);
            ev_first = first;
        }
        let content_end = self.content_end(content_start, end);
        self.push(
            speaker,
            (content_start, content_end),
            (ev_first, content_start),
            false,
            polarity,
        );
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
        let between = (comma + 1..i).find_map(|k| v.arg_at(k));
        let after = (i + 1 < end).then(|| v.arg_at(i + 1)).flatten();
        let speaker = match between.or(after) {
            Some(a) => Some(a.entity),
            None if (comma + 1..(i + 3).min(end)).any(|k| SPEAKER_NOUNS.contains(&v.word(k))) => {
                self.fallback_speaker(i)
            }
            // "..., residents said": a speaker the text does not name;
            // "..., the minister said": the minister named before.
            None if i > comma + 1 => self.described_person(comma + 1, i, i),
            // "..., said the minister."
            None if i + 1 < end => {
                let last = self.description_end(i + 1, end);
                self.described_person(i + 1, last, i)
            }
            None => return,
        };
        let mut content_first = lo;
        while content_first < comma && matches!(v.word(content_first), "“" | "\"") {
            content_first += 1;
        }
        self.push(
            speaker,
            (content_first, comma),
            (comma, end.max(i + 1)),
            false,
            polarity,
        );
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
