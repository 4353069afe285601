//! Direct quotes: quoted stretches, recorded interview turns, and the
//! speakers named in the reporting clause after or before a quote.

use super::*;

impl Finder<'_, '_> {
    /// Stretches of quoted text: a pair of quote marks, or a quote left
    /// open at the end of a paragraph that the next paragraph continues
    /// with a fresh opening mark (news style). Wire copy writes quotes as
    /// ``...'' too.
    pub(super) fn quote_stretches(&self) -> Vec<Stretch> {
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
            // Some wire copy opens with '' too (`''It never entered my
            // mind,'' he said.`): a mark that no quote is waiting for, with
            // a space before it and a word right after it, opens one.
            let spaced_before = i == 0 || v.range(i - 1).end() < v.range(i).start();
            let word_after = i + 2 < v.len()
                && v.range(i + 1).end() == v.range(i + 2).start()
                && v.word(i + 2)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let opener = matches!(w, "“")
                || doubled("`")
                || (straight && (open.is_none() || v.starts_paragraph(i)))
                || (doubled("'")
                    && spaced_before
                    && word_after
                    && (open.is_none() || v.starts_paragraph(i)));
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
        // A quote the text leaves open in its last paragraph runs to the
        // end (a transcript cut off after its last words).
        if let Some((start, o)) = open {
            if !(o + 1..v.len()).any(|k| v.starts_paragraph(k)) && o + 1 < v.len() {
                out.push(Stretch {
                    start,
                    open: o,
                    close: v.len(),
                    end: v.len(),
                    closed: false,
                });
            }
        }
        out
    }

    pub(super) fn direct_quotes(&mut self) {
        let v = self.v;
        // Scare quotes and titles ("pawns", "Khorasan Ghag") are not speech.
        let stretches: Vec<Stretch> = self
            .quote_stretches()
            .into_iter()
            .filter(|s| {
                v.trim_end(s.open + 1, s.close) > s.open + 4
                    || self.short_speech(s)
                    || self.whole_sentence(s)
            })
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
                    .or_else(|| self.label_before(s.start))
                    .map(|(speaker, first, polarity, refers)| Attribution {
                        speaker,
                        first,
                        last: s.end,
                        polarity,
                        refers,
                    })
            });
            // `X closed it for violating “our policies,” spokesman Y said`:
            // a quoted phrase that ends the clause; the clause is what Y
            // said.
            if let Some(a) = after.filter(|_| self.ends_clause(s)) {
                let (lo, _) = v.full_sentence(s.start);
                let first = self.skip_dateline(lo, s.start);
                self.refers = a.refers;
                let content = (first, v.trim_end(first, s.close));
                self.push(a.speaker, content, (s.start, a.last), false, a.polarity);
                said.push(None);
                continue;
            }
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
        self.join_continued(&stretches);
    }

    /// A quote that runs on over paragraphs (each opening with a fresh
    /// mark) is one claim of its speaker: the claims of its stretches
    /// become one, whose content is the whole quoted text.
    fn join_continued(&mut self, stretches: &[Stretch]) {
        let v = self.v;
        let content = |s: &Stretch| (s.open + 1, v.trim_end(s.open + 1, s.close));
        let find = |out: &[FoundClaim], s: &Stretch| {
            let (first, last) = content(s);
            out.iter()
                .position(|c| c.claim.direct && c.first == first && c.last == last)
        };
        for k in (1..stretches.len()).rev() {
            if !continues(&stretches[k - 1], &stretches[k]) {
                continue;
            }
            let (Some(p), Some(n)) = (
                find(&self.out, &stretches[k - 1]),
                find(&self.out, &stretches[k]),
            ) else {
                continue;
            };
            if self.out[p].claim.speaker != self.out[n].claim.speaker || p == n {
                continue;
            }
            let next = self.out.remove(n);
            let p = if n < p { p - 1 } else { p };
            let c = &mut self.out[p];
            c.last = next.last;
            c.claim.range = v.span(c.first, c.last);
            let (lo, hi) = (
                c.claim.evidence.start().min(next.claim.evidence.start()),
                c.claim.evidence.end().max(next.claim.evidence.end()),
            );
            c.claim.evidence = dossier_text::TextRange::new(lo, hi);
            for e in next.claim.about {
                if !c.claim.about.contains(&e) {
                    c.claim.about.push(e);
                }
            }
        }
    }

    /// Whether a short quote is speech all the same: it opens its
    /// sentence and ends in punctuation inside its marks, with a reporting
    /// verb right after (`“Security is tight,” said X`, `“Hallelujah,”
    /// exclaimed Y`), where a scare quote or a title would not.
    pub(super) fn short_speech(&self, s: &Stretch) -> bool {
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

    /// Whether a quote is a phrase that ends a clause begun before it
    /// (`for violating “our appropriate use policies,”`): a word of the
    /// clause stands right before the mark, and a comma closes it.
    pub(super) fn ends_clause(&self, s: &Stretch) -> bool {
        let v = self.v;
        // `“...,” saying:` goes on with the same subject's words.
        let participle = v.word(s.end).ends_with("ing");
        s.closed
            && !participle
            && s.start > 0
            && v.word(s.start - 1).chars().all(char::is_alphanumeric)
            && v.word(s.close - 1) == ","
            && v.full_sentence(s.start).0 + 3 < s.start
    }

    /// Whether a short quote is a sentence of its own, closed by its own
    /// full stop (`“This is my home.”`), where a scare quote or a title
    /// stands inside a sentence.
    pub(super) fn whole_sentence(&self, s: &Stretch) -> bool {
        let v = self.v;
        let starts =
            s.start == 0 || matches!(v.word(s.start - 1), "." | "!" | "?" | "”" | "\"" | "'");
        s.closed && s.close > s.open + 2 && starts && matches!(v.word(s.close - 1), "." | "!" | "?")
    }

    /// Turns of a recorded interview in wire copy: a bracketed name opens
    /// what that person says, up to the next bracket ("[BEGIN RECORDING]
    /// [PALENCIA] I HAVE NO INFORMATION. [REPORTER] ..."). The name must be
    /// a person the article names: editors' tags ("[REPORTER]",
    /// "[EXCERPT]") are not.
    pub(super) fn recorded_turns(&mut self) {
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
            // Editors' notes inside a turn ("[WORD INDISTINCT]") do not end
            // it; the next speaker's or the reporter's bracket does.
            let end = (close + 1..v.len())
                .find(|&k| {
                    v.word(k) == "["
                        && !(k + 1..(k + 4).min(v.len()))
                            .take_while(|&j| v.word(j) != "]")
                            .any(|j| matches!(v.word(j), "indistinct" | "inaudible" | "words"))
                })
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
                    // A turn reports others' words in its turn ("ACCORDING
                    // TO X, ...", "CRISTIANI SAID THAT ..."): those stay
                    // open to the passes after.
                    for slot in &mut self.used[close + 1..last] {
                        *slot = false;
                    }
                }
            }
            i = close + 1;
        }
    }

    /// Whether a quote opening at `start` is a quoted phrase inside a
    /// reported clause ("She said his murder was “a black stain,” radio
    /// reported"): a word of the clause stands right before the mark and a
    /// reporting verb earlier in the sentence. The reported clause is the
    /// claim, with the quote in it.
    pub(super) fn inside_reported_clause(&self, start: usize) -> bool {
        let v = self.v;
        let (lo, _) = v.full_sentence(start);
        start > lo
            && v.word(start - 1).chars().all(char::is_alphanumeric)
            && (lo..start - 1).any(|k| self.speech_polarity(k).is_some())
    }

    pub(super) fn push_quote(&mut self, s: &Stretch, a: Attribution) {
        let content = (s.open + 1, self.v.trim_end(s.open + 1, s.close));
        self.refers = a.refers;
        self.push(a.speaker, content, (a.first, a.last), true, a.polarity);
    }

    /// `”, said X` / `,” X said` / `,” the outfit said` / `,” a police
    /// spokesman said` (a speaker the text does not name: no entity).
    pub(super) fn attribution_after(&self, close: usize) -> Option<Said> {
        let v = self.v;
        let mut k = close + 1;
        while matches!(v.word(k), ",") {
            k += 1;
        }
        let hi = (k + 14).min(v.len());
        // A quote that ends its paragraph is not said by the next one
        // (`... on the way.''` / `The ministry said in a statement that`).
        let verb = (k..hi)
            .take_while(|&j| {
                !matches!(v.word(j), "." | ";" | "“" | "\"" | "`") && !v.starts_paragraph(j)
            })
            .find(|&j| self.speech_polarity(j).is_some())?;
        let polarity = self.speech_polarity(verb)?;
        if verb == k {
            // `X called it “A,” saying: “B.”`: a participle with no speaker
            // after it speaks for the subject of the clause before the
            // quote.
            if let Some(said) = self.participle_speaker(close, verb, polarity) {
                return Some(said);
            }
            // Inverted: "said Islamic State Khorasan Province (ISKP)".
            let mut j = verb + 1;
            while matches!(v.word(j), "the" | "a" | "an") {
                j += 1;
            }
            if let Some(a) = v.arg_at(j) {
                let a = v.titled_name(a, (j + 8).min(v.len()));
                let speaker = self.speaker_of(a, close);
                return Some((speaker, a.last, polarity, self.pronoun(a)));
            }
            let (lo, _) = v.full_sentence(verb);
            let end = v.trim_end(lo, v.full_sentence(verb).1);
            let phrase = self.description_end(verb + 1, end);
            let (speaker, refers) = if self.refers_to_speaker(v.word(j)) {
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
            Some(a) => (self.speaker_of(a, close), self.pronoun(a)),
            None if self.surname(k, verb).is_some() => (self.surname(k, verb).map(|s| s.0), None),
            None if (k..verb).any(|j| self.refers_to_speaker(v.word(j))) => {
                (self.fallback_speaker(close), None)
            }
            None if self.description_end(k, verb) == verb => self.described(k, verb, close),
            None => return None,
        };
        Some((speaker, verb + 1, polarity, refers))
    }

    /// The subject of the clause that a participle of saying at `verb`
    /// closes (`X called it “A,” saying: “B.”`, `X rejected the plan,
    /// adding that`), when the participle follows a comma or a closing
    /// mark and no speaker follows it. `before` bounds the clause.
    pub(super) fn participle_speaker(
        &self,
        before: usize,
        verb: usize,
        polarity: Polarity,
    ) -> Option<Said> {
        let v = self.v;
        let mut p = verb;
        while p > 0 && matches!(v.word(p - 1), "," | "”" | "\"" | "'") {
            p -= 1;
        }
        let opens = matches!(v.word(verb + 1), ":" | "that" | "“" | "\"" | "`");
        if !v.word(verb).ends_with("ing") || p == verb || !opens {
            return None;
        }
        let (lo, _) = v.full_sentence(before.min(p).saturating_sub(1));
        let a = v.first_subject(lo, before.min(p))?;
        Some((Some(a.entity), verb + 1, polarity, self.pronoun(a)))
    }

    /// The end of a speaker description that starts at `from` ("a police
    /// spokesman", "the minister", "residents"): up to six plain words, no
    /// names, no clause breaks, within `from..hi`.
    pub(super) fn description_end(&self, from: usize, hi: usize) -> usize {
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

    /// A transcript's label before a quote, with no verb: `Wechsler on
    /// Thursday “...”`, `Clinton on Friday. “...”`. The name opens its
    /// sentence, and the day of the saying or a full stop stands between
    /// it and the mark.
    pub(super) fn label_before(&self, open: usize) -> Option<Said> {
        let v = self.v;
        let mut k = open;
        if k > 0 && v.word(k - 1) == "." {
            k -= 1;
        }
        while k > 0 && (v.in_time(k - 1) || v.word(k - 1) == "on") {
            k -= 1;
        }
        if k == open || k == 0 {
            return None;
        }
        let a = v.arg_at(k - 1).filter(|a| a.last == k && v.is_actor(*a))?;
        // "Minister Helen Clark on Tuesday": a title may open the label.
        let mut first = a.first;
        while first > 0 && v.is_title(v.word(first - 1)) {
            first -= 1;
        }
        let opens = first == 0
            || v.starts_paragraph(first)
            || matches!(v.word(first - 1), "." | "”" | "\"" | "'" | ":" | "!" | "?");
        opens.then_some((Some(a.entity), first, Polarity::Asserted, None))
    }

    /// `X said: “` / `X said, “` / `X said in a statement: “`.
    pub(super) fn attribution_before(&self, open: usize) -> Option<Said> {
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
        if let Some(said) = self.participle_speaker(verb, verb, polarity) {
            return Some((said.0, lo.max(said.1.min(verb)), said.2, said.3));
        }
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
    pub(super) fn unnamed_subject(&self, lo: usize, verb: usize) -> Option<(usize, usize)> {
        let v = self.v;
        let mut k = verb;
        while k > lo && AUXILIARIES.contains(&v.word(k - 1)) {
            k -= 1;
        }
        if k == lo
            || self.refers_to_speaker(v.word(k - 1))
            || DESCRIPTION_STARTS.contains(&v.word(k - 1))
        {
            return None;
        }
        // With a parse, the description is a noun phrase ending in a
        // noun; without one, plain words that are not a coordination ("X
        // rejected it and said") or a verb form.
        let upos = |i: usize| (v.doc.syntax.upos.len() == v.len()).then(|| v.doc.syntax.upos[i]);
        // "an FBI official said": a source noun the tagger took for an
        // adjective still heads the description.
        if matches!(upos(k - 1), Some(u) if !matches!(u, Upos::NOUN | Upos::PROPN))
            && !self.lex.is_source_noun(v.word(k - 1))
        {
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
                && w.chars().any(char::is_alphabetic)
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
            || j == self.skip_dateline(lo, verb)
            || matches!(v.word(j - 1), "," | "and" | ";" | "\"" | "”" | "'")
            || DESCRIPTION_STARTS.contains(&v.word(j));
        (j < k && starts).then_some((j, k))
    }
}
