//! Speakers named by a pronoun or a description, and their settling once
//! all claims are known.

use super::*;

impl Finder<'_, '_> {
    /// A pronoun with no mention of its own at `at`.
    pub(super) fn bare_pronoun(&self, at: usize) -> Option<Reference> {
        let want = match self.v.word(at) {
            "he" | "she" => Want::Person,
            "it" => Want::Group,
            "they" => Want::Plural,
            _ => return None,
        };
        Some(Reference { at, want })
    }

    /// A pronoun that speaks ("she said", "it added"), to be settled once
    /// all claims are known.
    pub(super) fn pronoun(&self, a: Arg) -> Option<Reference> {
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
    pub(super) fn described(
        &self,
        from: usize,
        hi: usize,
        at: usize,
    ) -> (Option<EntityId>, Option<Reference>) {
        let v = self.v;
        if let Some(p) = self.described_person(from, hi, at) {
            return (Some(p), None);
        }
        // "the Russian foreign minister" with no Russian minister named
        // before: the name that modifies it rules out whoever else was
        // last the subject.
        let modified = (from..hi).any(|k| v.arg_at(k).is_some());
        if v.word(from) != "the" || hi <= from + 1 || hi > from + 4 || modified {
            return (None, None);
        }
        let head = v.word(hi - 1);
        let words: Vec<&str> = (from + 1..hi).map(|k| v.word(k)).collect();
        let want = if self.person_role(&[head]) || self.person_role(&words) {
            Want::Person
        } else if GROUP_HEADS.contains(&head) {
            Want::Group
        } else {
            return (None, None);
        };
        (None, Some(Reference { at: from, want }))
    }

    /// Whether `words` open with a role noun of a person ("the official",
    /// "the head of state"); a word that only appears in titles ("army" of
    /// "army chief") is none.
    fn person_role(&self, words: &[&str]) -> bool {
        self.lex.roles.longest(words).is_some_and(|(p, _)| {
            matches!(
                p.value.as_str(),
                "leader_of" | "member_of" | "spokesperson_of" | "advisor_of"
            )
        })
    }

    /// Settles the speakers named by a pronoun or a description, in text
    /// order (the claims are sorted by evidence): each takes the speaker
    /// of the nearest earlier claim or the subject of the nearest earlier
    /// sentence that fits it, looking back four sentences at most. A
    /// pronoun that subject is continues the search further back.
    pub(super) fn settle_references(&mut self) {
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

    pub(super) fn fits(&self, speaker: Option<EntityId>, want: Want) -> bool {
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

    pub(super) fn salient(
        &self,
        k: usize,
        r: Reference,
        quoted: &[bool],
    ) -> Option<Option<EntityId>> {
        let v = self.v;
        let inside_quote = |p: usize| quoted.get(p).copied().unwrap_or(false);
        // "He added": goes on from the last speaker, not from whoever the
        // sentence between was about ("X said ... Y accompanied him. He
        // added: ...").
        if matches!(v.word(r.at + 1), "added" | "adds") {
            let earliest = (0..4).fold(r.at, |at, _| v.full_sentence(at.saturating_sub(1)).0);
            let last = self.out[..k]
                .iter()
                .rev()
                .take_while(|c| v.doc.tokens_in(c.claim.evidence).start >= earliest)
                .find(|c| c.claim.speaker.is_some() && self.fits(c.claim.speaker, r.want));
            if let Some(c) = last {
                return Some(c.claim.speaker);
            }
        }
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
            // Past a dateline: "KARACHI, Pakistan (AP) _" is no subject.
            let mut j = self.skip_dateline(lo, hi);
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
                    // A lone surname tagged as an entity of its own is the
                    // person named in full before ("Har-Shefi").
                    let e = self.full_speaker(Some(a.entity));
                    if self.pronoun(a).is_none() && self.fits(e, r.want) {
                        return Some(e);
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

    /// The speaker a mention names: for a definite description with a
    /// title ("the spokesman", "the minister"), the person last named with
    /// that title, which beats a coreference guess, and no one when no
    /// person carries it ("the rabbi" is not "Rabin"); else its entity.
    pub(super) fn speaker_of(&self, a: Arg, at: usize) -> Option<EntityId> {
        let v = self.v;
        // The mention may leave its article out ("THE [COLONEL] SAID").
        let first = if a.first > 0 && v.word(a.first) != "the" && v.word(a.first - 1) == "the" {
            a.first - 1
        } else {
            a.first
        };
        // A person's role or title heads it: "the army" is no "army
        // chief".
        let head = v.word(a.last - 1);
        let described = a.last > first + 1
            && v.word(first) == "the"
            && (self.all_caps
                || (first + 1..a.last)
                    .all(|k| (v.is_lower(k) && !v.is_capital(k)) || v.is_title(v.word(k))))
            && (self.person_role(&[head])
                || dossier_text::wordlists::titles()
                    .at_start(&[head])
                    .is_some());
        if described {
            self.described_person(first, a.last, at)
        } else {
            Some(a.entity)
        }
    }

    /// The person "the minister" or "the spokesman" in `from..hi` stands
    /// for: the latest person named before `at` with that title ("Interior
    /// Minister X", "X, a spokesman for Y"). None for an indefinite or
    /// plural description ("a police spokesman", "residents"): the text
    /// does not name that speaker, and the nearest name would be a guess.
    pub(super) fn described_person(&self, from: usize, hi: usize, at: usize) -> Option<EntityId> {
        let v = self.v;
        if v.word(from) != "the" {
            return None;
        }
        let at_title = (from + 1..hi).rev().find(|&k| v.is_title(v.word(k)))?;
        let title = v.word(at_title);
        // Title words before the head narrow it: "the interior minister"
        // is no "Prime Minister X".
        let mut lead = at_title;
        while lead > from + 1 && v.is_title(v.word(lead - 1)) {
            lead -= 1;
        }
        let modifiers: Vec<&str> = (lead..at_title).map(|k| v.word(k)).collect();
        let led_by = |j: usize| {
            j >= modifiers.len()
                && modifiers
                    .iter()
                    .enumerate()
                    .all(|(n, m)| v.word(j - modifiers.len() + n) == *m)
        };
        // "the FBI chief" is the person named "FBI Director X": heads of
        // a body go by several words, the lexicon's leader roles.
        let leader = |w: &str| {
            self.lex
                .roles
                .longest(&[w])
                .is_some_and(|(p, n)| n == 1 && p.value == "leader_of")
        };
        let same = |w: &str| {
            let w = w.trim_end_matches('.');
            w == title || (leader(w) && leader(title))
        };
        // The body the description names must stand by the person too.
        let body = (from + 1..hi)
            .filter_map(|k| v.arg_at(k))
            .find(|b| b.last < hi && v.etype(*b) != dossier_text::EntityType::Person)
            .map(|b| b.entity);
        (at.saturating_sub(MAX_LOOKBACK)..at).rev().find_map(|k| {
            let a = v.arg_at(k).filter(|a| a.first == k)?;
            if v.etype(a) != dossier_text::EntityType::Person {
                return None;
            }
            // Not the description itself ("Chirac in Paris, the spokesman
            // said").
            // A title phrase before the name may be long ("Director of
            // the U.S. Federal Bureau of Investigation (FBI) Louis
            // Freeh"): titles, names of bodies and their glue, unbroken.
            let mut opens = a.first;
            while opens > 0
                && a.first - opens < 12
                && (v.is_title(v.word(opens - 1))
                    || v.arg_at(opens - 1)
                        .is_some_and(|b| v.etype(b) != dossier_text::EntityType::Person)
                    || matches!(v.word(opens - 1), "of" | "the" | "(" | ")" | "'s" | "for"))
            {
                opens -= 1;
            }
            let opens = opens.min(a.first.saturating_sub(4));
            let window = || (opens..a.first).chain(a.last..(a.last + 6).min(v.len()).min(from));
            let near = window().any(|j| same(v.word(j)) && led_by(j));
            let titled = v.doc.entities.get(a.entity.index()).is_some_and(|e| {
                e.titles.iter().any(|t| {
                    let t = t.to_lowercase();
                    let words: Vec<&str> = t.split_whitespace().collect();
                    words.iter().enumerate().any(|(n, w)| {
                        same(w)
                            && n >= modifiers.len()
                            && words[n - modifiers.len()..n] == modifiers[..]
                    })
                })
            });
            let of_body =
                body.is_none_or(|b| window().any(|j| v.arg_at(j).is_some_and(|x| x.entity == b)));
            ((near || titled) && of_body).then_some(a.entity)
        })
    }
}
