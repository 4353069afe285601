//! What the words around a name and the lists it stands in say about the
//! kind of place it is: designations ("Kunar province"), lists ("Utah,
//! Washington and Wyoming"), qualifiers ("Paris, Texas") and regions.

use super::*;

/// Designations news adds to a name that the gazetteer may lack.
impl<'kb> Geocoder<'kb> {
    /// Redecides toponyms by the words around them: what they are called
    /// ([`Self::follow_designations`]), the lists they stand in
    /// ([`Self::follow_lists`]) and the area written after them
    /// ([`Self::follow_qualifiers`]).
    pub(super) fn read_cues(
        &self,
        text: &str,
        spans: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        let lists = place_cues::lists(text, spans, 3);
        let designated = self.follow_designations(text, spans, names, evidence, decisions);
        self.follow_lists(&lists, &designated, names, evidence, decisions);
        self.follow_qualifiers(text, spans, &lists, names, evidence, decisions);
    }

    /// A [`place_cues::designation`] ("Washington state", "the city of
    /// Washington") picks the kind of place among a name's candidates.
    /// Returns which toponyms had one.
    pub(super) fn follow_designations(
        &self,
        text: &str,
        spans: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) -> Vec<bool> {
        let mut designated = vec![false; spans.len()];
        for (i, span) in spans.iter().enumerate() {
            let Some(cue) = place_cues::designation(text, span.clone()) else {
                continue;
            };
            designated[i] = true;
            let want = cue.kind;
            let moves = |k: EntryKind| k != want && (cue.over_country || k != EntryKind::Country);
            if self.kind_of(&decisions[i]).is_some_and(moves) {
                if let Some(m) = self.decide_among(names[i], evidence, |e| e.kind == want) {
                    decisions[i] = Some(m);
                }
            }
        }
        designated
    }

    /// In a list of three or more ([`place_cues::lists`]), a toponym of
    /// another kind than two thirds (and at least two) of the others takes
    /// theirs where it can ("Utah, Washington and Wyoming" are states),
    /// unless a designation named it or it is an area holding the place
    /// listed just before it ("Buffalo, New York").
    pub(super) fn follow_lists(
        &self,
        lists: &[Range<usize>],
        designated: &[bool],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        let before: Vec<Option<EntryKind>> = decisions.iter().map(|m| self.kind_of(m)).collect();
        for list in lists {
            for i in list.clone() {
                let Some(own) = before[i].filter(|_| !designated[i]) else {
                    continue;
                };
                let others: Vec<EntryKind> = list
                    .clone()
                    .filter(|&j| j != i)
                    .filter_map(|j| before[j])
                    .collect();
                let Some((want, n)) = majority(&others) else {
                    continue;
                };
                if want == own || n < 2 || n * 3 < others.len() * 2 {
                    continue;
                }
                let holds_previous = i > list.start
                    && match (&decisions[i], &decisions[i - 1]) {
                        (Some(m), Some(prev)) => {
                            holds(self.kb.entry(m.entry), self.kb.entry(prev.entry))
                        }
                        _ => false,
                    };
                if holds_previous {
                    continue;
                }
                if let Some(m) = self.decide_among(names[i], evidence, |e| e.kind == want) {
                    decisions[i] = Some(m);
                }
            }
        }
    }

    /// A town followed by the province or country it lies in
    /// ([`Self::qualifier`]: "Paris, Idaho", "LONDON, Ky.") is the namesake
    /// in that area; with none there (and outside a list) it is placed
    /// within the area, passing over the town the ranker chose.
    pub(super) fn follow_qualifiers(
        &self,
        text: &str,
        spans: &[Range<usize>],
        lists: &[Range<usize>],
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        for i in 0..spans.len() {
            let Some(own) = decisions[i].as_ref().map(|m| m.entry) else {
                continue;
            };
            let Some((area, listed)) = self.qualifier(text, spans, decisions, lists, i) else {
                continue;
            };
            let (own_e, area_e) = (self.kb.entry(own), self.kb.entry(area.entry));
            let qualifies = match area_e.kind {
                EntryKind::Country => own_e.kind != EntryKind::Country,
                EntryKind::Admin1 => matches!(own_e.kind, EntryKind::City | EntryKind::Admin2),
                _ => false,
            };
            if !qualifies || lies_in(own_e, area_e) {
                continue;
            }
            decisions[i] = match self.decide_among(names[i], evidence, |e| lies_in(e, area_e)) {
                Some(m) => Some(m),
                None if own_e.kind == EntryKind::City && !listed => {
                    Some(self.placed_within(&area, Some(own)))
                }
                None => continue,
            };
        }
    }

    /// A [`Self::doubted`] town that shares its name with a region or sea
    /// is the region: a bare "Pacific" or "Atlantic" is the ocean, not the
    /// small town in Missouri or Iowa the article's country drew.
    pub(super) fn prefer_regions(
        &self,
        names: &[&str],
        evidence: &Evidence,
        decisions: &mut [Option<GeoMatch>],
    ) {
        for (i, name) in names.iter().enumerate() {
            if !decisions[i].as_ref().is_some_and(|m| self.doubted(m)) {
                continue;
            }
            if let Some(m) = self.decide_among(name, evidence, |e| e.kind == EntryKind::Region) {
                decisions[i] = Some(m);
            }
        }
    }

    /// The kind of the entry a decision chose.
    pub(super) fn kind_of(&self, m: &Option<GeoMatch>) -> Option<EntryKind> {
        m.as_ref().map(|m| self.kb.entry(m.entry).kind)
    }

    /// The area named right after toponym `i` as the place it lies in, and
    /// whether the two stand in a list of three or more ("Nashville,
    /// Tennessee, Richmond, Virginia", but also "Aleppo, Idlib and Hama",
    /// where the town is not in the province, so that in a list the area
    /// only picks among the town's namesakes): the next toponym after a
    /// comma ("Paris, Idaho"), or else an abbreviation of a
    /// province after a comma ("LONDON, Ky.", "Churchill, Man.").
    pub(super) fn qualifier(
        &self,
        text: &str,
        spans: &[Range<usize>],
        decisions: &[Option<GeoMatch>],
        lists: &[Range<usize>],
        i: usize,
    ) -> Option<(GeoMatch, bool)> {
        let end = spans[i].end;
        if end == 0 {
            return None;
        }
        let next = spans.get(i + 1).filter(|n| n.start >= end);
        if let Some(next) = next {
            if text.get(end..next.start) == Some(", ") {
                let listed = lists.iter().any(|l| l.contains(&i) && l.contains(&(i + 1)));
                return decisions[i + 1].clone().map(|m| (m, listed));
            }
        }
        let abbreviation = place_cues::abbreviation_after_comma(text, end)?;
        let mut areas = self
            .kb
            .place_candidates(abbreviation)
            .into_iter()
            .filter(|&a| self.kb.entry(a).kind == EntryKind::Admin1);
        match (areas.next(), areas.next()) {
            (Some(a), None) => Some((self.match_entry(a, 1.0)?, false)),
            _ => None,
        }
    }
}
