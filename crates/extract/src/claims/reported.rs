//! Reported speech outside quotes: reporting verbs and their clauses,
//! "according to X", and clause-final sources (", police said").

use super::*;

impl Finder<'_, '_> {
    pub(super) fn reported(&mut self) {
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
            // In all-caps copy the capital is the truecaser's guess ("THE
            // FMLN STATES" as "States"), not the writer's.
            let capital = i > lo && v.is_capital(i) && !self.all_caps;
            if v.mention_at[i].is_some() || capital {
                continue;
            }
            // "DO YOU BELIEVE THEY LEFT ...?": a question asserts nothing;
            // "IT HAS BEEN REPORTED THAT" names no source.
            let passive = i > lo && v.is_be(i - 1);
            // "following reports that ...", "the claims that ...": a noun,
            // whose source the clause does not name.
            let noun = i > lo
                && matches!(
                    v.word(i - 1),
                    "following" | "amid" | "after" | "despite" | "of" | "the" | "these" | "those"
                )
                && v.word(i).ends_with('s');
            if let Some(polarity) = self
                .speech_polarity(i)
                .filter(|_| v.word(hi - 1) != "?" && !passive && !noun)
            {
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
    pub(super) fn according_to(&mut self, i: usize, lo: usize, end: usize) {
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
                // "according to Zulia state governor Ismael Ordaz": the
                // person the phrase ends with heads it.
                let a = v.titled_name(a, phrase_end);
                let person = (a.last..phrase_end)
                    .take_while(|&k| v.arg_at(k).is_some() || v.is_lower(k) && !v.is_break(k))
                    .filter_map(|k| v.arg_at(k))
                    .filter(|p| v.etype(*p) == dossier_text::EntityType::Person)
                    .last();
                let a = person.unwrap_or(a);
                (Some(a.entity), a.last)
            }
            // "according to the ambassador": the person last named with
            // that title.
            _ => match self.described_person(i + 2, phrase_end, i) {
                Some(p) => (Some(p), phrase_end),
                None => (self.source_in_phrase(i, j, phrase_end, lo), phrase_end),
            },
        };
        if i == lo || (i > lo && v.word(i - 1) == ",") && i - 1 == lo {
            let comma = (j..end).find(|&k| v.word(k) == ",");
            if let Some(c) = comma {
                let content_end = self.content_end(c + 1, end);
                self.push(
                    speaker,
                    (c + 1, content_end),
                    (i, c + 1),
                    false,
                    Polarity::Asserted,
                );
            }
        } else {
            let content_end = if v.word(i - 1) == "," { i - 1 } else { i };
            let mut content_first = lo;
            while matches!(v.word(content_first), "“" | "\"" | "`") {
                content_first += 1;
            }
            // "X said it had registered 84 million voters, according to a
            // statement": the phrase names X's channel, and X's claim is
            // found already.
            if self.used[content_first..content_end].iter().any(|&u| u) {
                return;
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
    pub(super) fn source_in_phrase(
        &self,
        at: usize,
        j: usize,
        hi: usize,
        lo: usize,
    ) -> Option<EntityId> {
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
        self.refers_to_speaker(v.word(j))
            .then(|| self.fallback_speaker(at))
            .flatten()
    }

    /// The first group or person of the clause `lo..at` that no
    /// preposition governs and that is not a possessor.
    pub(super) fn clause_actor(&self, lo: usize, at: usize) -> Option<EntityId> {
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

    pub(super) fn reporting_verb(&mut self, i: usize, lo: usize, end: usize, polarity: Polarity) {
        let v = self.v;
        let w = v.word(i);
        if self.numbered_points(i, lo, polarity) {
            return;
        }
        // Participle clause: ", claiming that ..." speaks for the main subject.
        let participle = w.ends_with("ing") && i > lo && v.word(i - 1) == ",";
        // "..., said the ministry.": the speaker follows and ends the clause.
        // "..., said the Daily Nation, a Kenyan newspaper.": an article
        // may stand before the name.
        let name_at = i + 1 + usize::from(v.word(i + 1) == "the" && v.arg_at(i + 1).is_none());
        let speaker_then_end = v
            .arg_at(name_at)
            .is_some_and(|a| a.last >= end || v.word(a.last) == ",");
        // "..., said the report.": a short description that ends the
        // sentence is the speaker too.
        // Not "X, which ..., claimed the attack.": there the subject
        // stands before the verb.
        let description_then_end = i + 1 < end
            && DESCRIPTION_STARTS.contains(&v.word(i + 1))
            && self.description_end(i + 1, end) >= end
            && !v.has_subject_before(i);
        let inverted = i > lo
            && matches!(v.word(i - 1), "," | "”" | "\"" | "'")
            && (speaker_then_end || description_then_end);
        // Where the content starts: after "that", after a colon, or right
        // after "said".
        // Only an addressee, a channel or an adverb may stand between the
        // verb and "that": in "claimed an ambush that killed", "that" opens
        // a relative clause.
        // A verb of telling takes an addressee of plain nouns too ("told
        // African envoys that").
        let telling = matches!(w, "told" | "tells" | "telling" | "tell");
        let noun = |k: usize| {
            telling
                && v.is_lower(k)
                && v.doc
                    .syntax
                    .upos
                    .get(k)
                    .is_some_and(|u| matches!(u, Upos::NOUN | Upos::ADJ))
        };
        let that = (i + 1..(i + 10).min(end))
            .take_while(|&k| {
                v.arg_at(k).is_some()
                    || REPORT_FILLERS.contains(&v.word(k))
                    || v.in_time(k)
                    || noun(k)
                    // "told ACAN - EFE that": a hyphenated agency name.
                    || (telling && v.word(k) == "-")
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
            && !matches!(v.doc.syntax.upos_of(after), Some(Upos::VERB | Upos::AUX))
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
        // Beyond "say" and "tell", a bare verb of saying takes objects too
        // ("decided to admit Poland, Hungary and ...", "acknowledged the
        // applause"): with a parse, a name or an article after it opens
        // speech only as the verb's clausal complement.
        let parsed = v.doc.syntax.head.len() == v.len();
        let say_or_tell = matches!(
            w,
            "say" | "said" | "says" | "saying" | "tell" | "told" | "tells" | "telling"
        );
        let bare_say = dossier_text::wordlists::reporting_verbs()
            .is_form(w, dossier_text::wordlists::VerbRole::Bare)
            && clause_start
            && (say_or_tell
                || !parsed
                || complement
                || (v.arg_at(after).is_none() && !matches!(v.word(after), "the" | "a" | "an")))
            && !matches!(v.word(after), "." | "," | "on" | "in" | "to" | "by" | "")
            && v.arg_at(after)
                .is_none_or(|a| !v.is_actor(a) || w != "told")
            // "told the guards to open the gate" is an order, not speech.
            && !(telling && self.infinitive_order(after, end));
        let content_start = match that {
            Some(k) => k + 1,
            None if bare_say && !inverted => after,
            None if telling && !inverted && self.told_clause(i, end).is_some() => {
                self.told_clause(i, end).unwrap_or(after)
            }
            None => {
                // "..., police said." / "..., said the ministry." / "...,
                // New Zealand said Friday in response to ..." / "...,
                // Bushnell told Kenya Television."
                if after >= end
                    || v.word(after) == ","
                    || inverted
                    || self.speaker_after_comma(lo, i)
                {
                    return self.clause_final(i, lo, end, polarity);
                }
                return;
            }
        };
        // "X was quoted as saying", "Y quoted X as saying": the one quoted
        // speaks (a description there names no one).
        let quoted = (i > lo + 1 && v.word(i - 1) == "as")
            .then(|| {
                (i.saturating_sub(10).max(lo)..i - 1)
                    .rev()
                    .find(|&k| matches!(v.word(k), "quoted" | "cited"))
            })
            .flatten();
        let speaker = if let Some(q) = quoted {
            // Passive, also with its agent: "was quoted by the agency as
            // saying".
            if q > lo && v.is_be(q - 1) {
                v.subject_left(lo, q - 1)
            } else {
                (q + 1..i - 1)
                    .find_map(|k| v.arg_at(k))
                    .map(|a| v.titled_name(a, i - 1))
            }
        } else if participle {
            v.first_subject(lo, i)
        } else {
            v.subject_left(lo, i)
        };
        // "JERUSALEM (AP)_ ... a friend of X said": the agency of the
        // dateline is no speaker.
        let speaker = speaker.filter(|a| lo > 0 || a.first >= self.skip_dateline(lo, i));
        let mut ev_first = speaker.map_or(i, |a| if a.first < i { a.first } else { i });
        let mut refers = speaker.and_then(|a| self.pronoun(a));
        let mut speaker = speaker.and_then(|a| self.speaker_of(a, i));
        if speaker.is_none() && i > lo && self.refers_to_speaker(v.word(i - 1)) {
            speaker = self.fallback_speaker(i);
            refers = self.bare_pronoun(i - 1);
        }
        // "A police spokesman said": no name, and not the nearest one.
        let unnamed = if participle {
            self.described_subject(lo, i)
        } else {
            self.unnamed_subject(lo, i)
        };
        if let Some((first, last)) = unnamed {
            (speaker, refers) = self.described(first, last, i);
            ev_first = first;
        }
        // "The minister rejected the plan and added that": the person
        // last named with the title that opens the clause.
        if speaker.is_none() && refers.is_none() && v.word(lo) == "the" {
            // The title heads the subject: a verb follows it.
            let title = (lo + 1..(lo + 4).min(i))
                .find(|&k| v.is_title(v.word(k)))
                .filter(|&t| {
                    matches!(v.doc.syntax.upos_of(t + 1), Some(Upos::VERB | Upos::AUX))
                        || AUXILIARIES.contains(&v.word(t + 1))
                });
            speaker = title.and_then(|t| self.described_person(lo, t + 1, i));
        }
        if speaker.is_none() && refers.is_none() {
            // "CASTRO ARENAS, WHO HAS BEEN IN LIMA ..., SAID": the surname
            // before a relative clause set off by commas.
            let relative = (lo..i)
                .find(|&k| v.word(k) == ",")
                .filter(|&c| matches!(v.word(c + 1), "who" | "whose"));
            if let Some((e, first)) = self
                .surname(lo, i)
                .or_else(|| relative.and_then(|c| self.surname(lo, c)))
            {
                speaker = Some(e);
                ev_first = first;
            }
        }
        let mut content_end = self.content_end(content_start, end);
        // "LEADERS WHO SAID THEY HAD BEEN THREATENED CAME ...": what a
        // relative clause reports ends where the parse ends its clause.
        if i > lo && matches!(v.word(i - 1), "who" | "which") {
            content_end = content_end.min(self.complement_end(i, content_start, end));
        }
        self.refers = refers;
        self.push(
            speaker,
            (content_start, content_end),
            (ev_first, content_start),
            false,
            polarity,
        );
    }

    /// The token after the clausal complement of the verb at `i` that
    /// starts at `from`: the tokens whose heads lead to it, in a row.
    /// `end` when there is no parse or no complement.
    pub(super) fn complement_end(&self, i: usize, from: usize, end: usize) -> usize {
        let v = self.v;
        let syn = &v.doc.syntax;
        if syn.head.len() != v.len() {
            return end;
        }
        let head_of = |k: usize| syn.head[k].map(|h| h.index());
        let Some(c) = (from..end).find(|&k| head_of(k) == Some(i) && &*syn.deprel[k] == "ccomp")
        else {
            return end;
        };
        let inside = |k: usize| {
            let mut x = k;
            for _ in 0..32 {
                if x == c {
                    return true;
                }
                match head_of(x) {
                    Some(h) => x = h,
                    None => return false,
                }
            }
            false
        };
        (from..end).find(|&k| k > c && !inside(k)).unwrap_or(end)
    }

    /// The number that opens a numbered point at `k` ("1.", "2 ."), and the
    /// token after it.
    fn point_number(&self, k: usize) -> Option<(u32, usize)> {
        let v = self.v;
        let w = v.word(k);
        if let Some(n) = w.strip_suffix('.').and_then(|d| d.parse().ok()) {
            return Some((n, k + 1));
        }
        let n = w.parse().ok()?;
        (v.word(k + 1) == "." && v.range(k).end() == v.range(k + 1).start()).then_some((n, k + 2))
    }

    /// A communique's numbered points ("THE FMLN STATES THE FOLLOWING: 1.
    /// THIS ACT IS ... 2. THE ATTACK IS ..."): each point, up to the next
    /// number, is a claim of the subject of the verb at `i`. Whether it
    /// found any.
    pub(super) fn numbered_points(&mut self, i: usize, lo: usize, polarity: Polarity) -> bool {
        let v = self.v;
        let mut k = i + 1;
        if v.word(k) == "the" && v.word(k + 1) == "following" {
            k += 2;
        }
        if v.word(k) != ":" {
            return false;
        }
        let Some((1, mut first)) = self.point_number(k + 1) else {
            return false;
        };
        let speaker = v.subject_left(lo, i);
        let ev_first = speaker.map_or(i, |a| a.first);
        let refers = speaker.and_then(|a| self.pronoun(a));
        let speaker = speaker.map(|a| a.entity);
        let mut n = 1;
        loop {
            // The point runs to the next number in sequence, or the last
            // one to the end of its sentence.
            // A paragraph that opens with no number ends the list.
            let next = (first..v.len())
                .take_while(|&j| {
                    j == first || !v.starts_paragraph(j) || self.point_number(j).is_some()
                })
                .find(|&j| {
                    matches!(v.word(j.saturating_sub(1)), "." | ":" | "\"" | "”")
                        && self.point_number(j).is_some_and(|(m, _)| m == n + 1)
                });
            let stop = next.unwrap_or_else(|| v.full_sentence(first).1);
            self.refers = refers;
            self.push(
                speaker,
                (first, v.trim_end(first, stop)),
                (ev_first, first),
                false,
                polarity,
            );
            match next.and_then(|j| self.point_number(j)) {
                Some((_, after)) => {
                    first = after;
                    n += 1;
                }
                None => return true,
            }
        }
    }

    /// The subject of the verb that the participle at `i` hangs on, when
    /// the parse makes it a common noun ("The Russian foreign minister,
    /// meanwhile, sought ..., saying", "Elian's relatives in Miami have
    /// fought ..., saying"): a description, whose nationality or place
    /// only modifies it. Returns its first token and the token after its
    /// head.
    pub(super) fn described_subject(&self, lo: usize, i: usize) -> Option<(usize, usize)> {
        let v = self.v;
        let syn = &v.doc.syntax;
        if syn.head.len() != v.len() {
            return None;
        }
        let head_of = |k: usize| syn.head[k].map(|h| h.index());
        let subject = |verb: usize| {
            (lo..verb.min(i))
                .find(|&k| head_of(k) == Some(verb) && syn.deprel[k].starts_with("nsubj"))
        };
        // "tried to calm the dispute, saying": the participle may hang on
        // the infinitive, whose subject is that of the verb above it.
        let mut verb = head_of(i)?;
        let mut k = subject(verb);
        for _ in 0..2 {
            if k.is_some() || !matches!(&*syn.deprel[verb], "xcomp" | "conj" | "advcl") {
                break;
            }
            verb = head_of(verb)?;
            k = subject(verb);
        }
        let k = k?;
        if syn.upos[k] != Upos::NOUN || v.arg_at(k).is_some() || self.refers_to_speaker(v.word(k)) {
            return None;
        }
        let mut first = k;
        while first > lo && head_of(first - 1).is_some_and(|h| h >= first && h <= k) {
            first -= 1;
        }
        Some((first, k + 1))
    }

    /// Where the clause starts that a verb of telling at `i` reports past
    /// its addressee, with no "that": "told reporters he would ...", "told
    /// The Associated Press they had seen ...". The clause opens with a
    /// personal pronoun, or the parse makes it the verb's complement.
    pub(super) fn told_clause(&self, i: usize, end: usize) -> Option<usize> {
        let v = self.v;
        let syn = &v.doc.syntax;
        let pronoun = |k: usize| matches!(v.word(k), "he" | "she" | "they" | "it" | "we" | "i");
        let mut k = i + 1;
        while k < end && k < i + 8 && !pronoun(k) {
            match v.arg_at(k) {
                Some(a) => k = a.last.max(k + 1),
                None if v.is_lower(k)
                    && (matches!(syn.upos_of(k), Some(Upos::NOUN | Upos::ADJ | Upos::DET))
                        || REPORT_FILLERS.contains(&v.word(k))) =>
                {
                    k += 1
                }
                None => break,
            }
        }
        let k = self.skip_when(k, end);
        let addressed = k > i + 1 && k < end;
        let complement = syn.head.len() == v.len()
            && (k..end).any(|c| {
                syn.head[c].map(|h| h.index()) == Some(i)
                    && matches!(&*syn.deprel[c], "ccomp" | "parataxis")
            });
        (addressed && (pronoun(k) || complement)).then_some(k)
    }

    /// Whether `from..end` opens with a short object and an infinitive
    /// ("the guards to open the gate", "him to leave"): what a verb of
    /// telling orders, not what it reports.
    pub(super) fn infinitive_order(&self, from: usize, end: usize) -> bool {
        let v = self.v;
        let verb = |k: usize| {
            v.is_be(k)
                || AUXILIARIES.contains(&v.word(k))
                || matches!(v.doc.syntax.upos_of(k), Some(Upos::VERB | Upos::AUX))
        };
        (from..(from + 6).min(end))
            .take_while(|&k| !verb(k))
            .any(|k| v.word(k) == "to" && k > from)
    }

    /// The token after the time of a saying that follows its verb ("said
    /// Friday", "said on Tuesday", "said here Friday").
    pub(super) fn skip_when(&self, from: usize, end: usize) -> usize {
        let v = self.v;
        let mut k = from;
        while k < end {
            let w = v.word(k);
            let lead = matches!(w, "on" | "late" | "early" | "last" | "this")
                && k + 1 < end
                && v.in_time(k + 1);
            // "said here Friday", but "said there is no ...".
            let place = matches!(w, "here" | "there") && !v.is_be(k + 1);
            if v.in_time(k) || lead || place {
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
    pub(super) fn speaker_after_comma(&self, lo: usize, i: usize) -> bool {
        let v = self.v;
        let Some(comma) = (lo..i).rev().find(|&k| v.word(k) == ",") else {
            return false;
        };
        // With a parse: a verb before the comma ("In this sense, the
        // minister said" has none), and a noun, no verb, in the phrase.
        let upos = |k: usize| v.doc.syntax.upos_of(k);
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
    pub(super) fn clause_final(&mut self, i: usize, lo: usize, end: usize, polarity: Polarity) {
        let v = self.v;
        // The speaker sits between the last comma and the verb, or after it.
        let comma = (lo..i)
            .rev()
            .find(|&k| matches!(v.word(k), "," | "”" | "\""));
        let Some(comma) = comma else { return };
        // "whose names were not disclosed, ...": a passive verb is no
        // source's saying.
        let passive = v.is_be(i - 1) || (v.word(i - 1) == "not" && v.is_be(i.saturating_sub(2)));
        if comma == lo || passive {
            return;
        }
        if comma + 1 == i && self.apposed_speaker(i, lo, comma, end, polarity) {
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
        // A name governed by a preposition only modifies the head ("an
        // official from the organization said").
        let head_name = v
            .arg_at(h - 1)
            .filter(|a| v.is_actor(*a) && !v.after_preposition(*a, comma + 1));
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
        let name_at = i + 1 + usize::from(v.word(i + 1) == "the" && v.arg_at(i + 1).is_none());
        let after = (name_at < end)
            .then(|| v.arg_at(name_at))
            .flatten()
            .map(|a| v.titled_name(a, end));
        let mut refers = None;
        let speaker = match between.or(after) {
            Some(a) => {
                refers = self.pronoun(a);
                self.speaker_of(a, i)
            }
            None if i <= comma + 3
                && !matches!(v.word(comma + 1), "a" | "an")
                && (comma + 1..(i + 3).min(end)).any(|k| self.refers_to_speaker(v.word(k))) =>
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

    /// "..., Ali Khan, a police spokesman, said." / "..., their lawyer,
    /// Fazal Wahab, said": a name and its apposition, set off by commas
    /// right before the verb at `i` (`comma` is the last), are the
    /// speaker; what was said ends at the comma before them. Whether it
    /// found one.
    pub(super) fn apposed_speaker(
        &mut self,
        i: usize,
        lo: usize,
        comma: usize,
        end: usize,
        polarity: Polarity,
    ) -> bool {
        let v = self.v;
        let commas: Vec<usize> = (lo..comma)
            .rev()
            .filter(|&k| v.word(k) == ",")
            .take(2)
            .collect();
        let [middle, open] = commas[..] else {
            return false;
        };
        let verb = |k: usize| matches!(v.doc.syntax.upos_of(k), Some(Upos::VERB | Upos::AUX));
        let phrase = open + 1..comma;
        let short = comma - open <= 12 && middle > open + 1 && comma > middle + 1;
        if !short || phrase.clone().any(|k| verb(k) || v.is_break(k)) {
            return false;
        }
        // One part is a person's name and nothing else.
        let name = [(open + 1, middle), (middle + 1, comma)]
            .into_iter()
            .find_map(|(a, b)| {
                v.arg_at(a)
                    .filter(|n| n.first == a && n.last == b)
                    .filter(|n| v.etype(*n) == dossier_text::EntityType::Person)
            });
        let Some(name) = name else { return false };
        let mut first = self.skip_dateline(lo, open);
        while first < open && matches!(v.word(first), "“" | "\"") {
            first += 1;
        }
        if first + 2 > open {
            return false;
        }
        self.refers = None;
        self.push(
            Some(name.entity),
            (first, open),
            (open, self.skip_when(i + 1, end).max(i + 1)),
            false,
            polarity,
        );
        true
    }

    /// Where an article's first sentence starts after its dateline
    /// ("BONN, Germany (AP)_ ...", "BRUSSELS, February 10 (Xinhua) --",
    /// "VINA DEL MAR --") and an editor's label ("[TEXT]", "[EXCERPT]").
    pub(super) fn skip_dateline(&self, lo: usize, hi: usize) -> usize {
        let v = self.v;
        if lo != 0 {
            return lo;
        }
        let label = |k: usize| {
            (v.word(k) == "[")
                .then(|| (k + 1..hi.min(k + 5)).find(|&j| v.word(j) == "]"))
                .flatten()
                .map_or(k, |j| j + 1)
        };
        let start = label(lo);
        let dash = |k: usize| matches!(v.word(k), "_" | "--" | "—" | "-");
        (start..hi.min(start + 16))
            .find(|&k| k > start && dash(k) && matches!(v.word(k - 1), ")" | "_"))
            .or_else(|| {
                (start..hi.min(start + 16)).find(|&k| k > start && v.word(k).starts_with(")_"))
            })
            // A place alone before a dash: "VINA DEL MAR --".
            .or_else(|| {
                (start + 1..hi.min(start + 5)).find(|&k| {
                    dash(k)
                        && (start..k).all(|j| {
                            (v.is_capital(j) || self.all_caps || v.word(j) == ",")
                                && v.word(j).chars().all(|c| c.is_alphabetic() || c == ',')
                        })
                })
            })
            .map_or(start, |k| label(k + 1 + usize::from(dash(k + 1))))
    }

    /// Whether the comma at `comma` opens a clause-final source, past the
    /// closing mark of a quoted phrase (`,” radio reported`).
    pub(super) fn tail_source(&self, comma: usize, end: usize) -> bool {
        let v = self.v;
        let mut k = comma + 1;
        while matches!(v.word(k), "”" | "\"" | "'") {
            k += 1;
        }
        v.word(comma) == "," && self.final_source(k, end)
    }

    /// Whether `from..end` is a clause-final source: a few words and a
    /// reporting verb that ends the sentence ("the radio reports said").
    pub(super) fn final_source(&self, from: usize, end: usize) -> bool {
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
    pub(super) fn content_end(&self, start: usize, end: usize) -> usize {
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
            // "..., and he added that ..." starts a claim of its own.
            if v.word(p) == "and"
                && matches!(v.word(p + 1), "he" | "she" | "they" | "it")
                && (p + 2..(p + 4).min(end)).any(|k| self.speech_polarity(k).is_some())
            {
                return if p > start && v.word(p - 1) == "," {
                    p - 1
                } else {
                    p
                };
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
