//! Grouping names into entities: a union-find over definitions, KB ids,
//! name keys and acronym initials; partial person names go to the nearest
//! full name they fit.

use super::*;

/// Union-find over names with each root's KB link and type class.
pub(super) struct Groups {
    pub(super) parent: Vec<usize>,
    pub(super) kb: Vec<Option<EntryIdx>>,
    pub(super) class: Vec<Option<u8>>,
}

impl Groups {
    pub(super) fn new(names: &[Name]) -> Groups {
        Groups {
            parent: (0..names.len()).collect(),
            kb: names.iter().map(|n| n.kb).collect(),
            class: names.iter().map(|n| class(n.etype)).collect(),
        }
    }

    pub(super) fn find(&mut self, mut a: usize) -> usize {
        while self.parent[a] != a {
            self.parent[a] = self.parent[self.parent[a]];
            a = self.parent[a];
        }
        a
    }

    /// Joins two groups unless their types or KB links disagree.
    pub(super) fn union(&mut self, a: usize, b: usize) -> bool {
        self.join(a, b, false)
    }

    /// Joins two groups; `force` overrides a type clash (a definition in the
    /// text outweighs the NER's type of either side).
    pub(super) fn join(&mut self, a: usize, b: usize, force: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let kb_clash = matches!((self.kb[ra], self.kb[rb]), (Some(x), Some(y)) if x != y);
        let class_clash = matches!((self.class[ra], self.class[rb]), (Some(x), Some(y)) if x != y);
        if kb_clash || (class_clash && !force) {
            return false;
        }
        self.parent[rb] = ra;
        self.kb[ra] = self.kb[ra].or(self.kb[rb]);
        self.class[ra] = self.class[ra].or(self.class[rb]);
        true
    }
}

/// Whether `short` is a contiguous run of `long`; a single word must be
/// its first or last word (a first name or a surname).
pub(super) fn is_part_of(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    if short.len() == 1 {
        return long.first() == short.first() || long.last() == short.first();
    }
    long.windows(short.len()).any(|w| w == short)
}

/// Interned comparison keys of the names, so that grouping compares small
/// integers instead of strings.
pub(super) struct NameKeys {
    pub(super) exact: Vec<u32>,
    /// Ids of the variant keys long enough to identify a name (6 bytes+).
    pub(super) variants: Vec<Vec<u32>>,
    pub(super) acronym: Vec<Option<u32>>,
    /// For a person's name, the index of its distinct set of parts.
    pub(super) person: Vec<Option<usize>>,
    /// One name index per distinct set of person-name parts.
    pub(super) persons: Vec<usize>,
}

impl NameKeys {
    pub(super) fn new<'a>(names: &'a [Name]) -> NameKeys {
        let mut ids: HashMap<&'a str, u32> = HashMap::new();
        let mut id = |k: &'a str| -> u32 {
            let next = ids.len() as u32;
            *ids.entry(k).or_insert(next)
        };
        let mut by_parts: HashMap<&'a [String], usize> = HashMap::new();
        let mut persons = Vec::new();
        let mut keys = NameKeys {
            exact: Vec::with_capacity(names.len()),
            variants: Vec::with_capacity(names.len()),
            acronym: Vec::with_capacity(names.len()),
            person: Vec::with_capacity(names.len()),
            persons: Vec::new(),
        };
        for (i, n) in names.iter().enumerate() {
            keys.exact.push(id(&n.exact));
            keys.variants.push(
                n.variants
                    .iter()
                    .filter(|k| k.len() >= 6)
                    .map(|k| id(k.as_str()))
                    .collect(),
            );
            keys.acronym.push(n.acronym.as_deref().map(&mut id));
            keys.person.push((n.etype == EntityType::Person).then(|| {
                *by_parts.entry(&n.parts).or_insert_with(|| {
                    persons.push(i);
                    persons.len() - 1
                })
            }));
        }
        keys.persons = persons;
        keys
    }
}

pub(super) fn group(doc: &Document, names: &[Name], defs: &[Definition]) -> Vec<usize> {
    let mut g = Groups::new(names);
    let start = |n: &Name| doc.mentions[n.mention].range.start();
    let by_range = |r: TextRange| {
        names
            .iter()
            .position(|n| doc.mentions[n.mention].range == r)
    };
    // Definitions first: they are the text's own word.
    for d in defs {
        if let (Some(a), Some(l)) = (by_range(d.acronym), by_range(d.long)) {
            g.join(l, a, true);
        }
    }
    // Long documents (reports, transcripts) hold thousands of names, so the
    // pairwise tests below compare interned ids, and the string tests run
    // once per distinct name rather than once per pair of mentions.
    let keys = NameKeys::new(names);
    // Partial person names, which must not chain by key.
    let partial_of_parts: Vec<bool> = (0..keys.persons.len())
        .map(|p| {
            (0..keys.persons.len())
                .any(|q| is_part_of(&names[keys.persons[p]].parts, &names[keys.persons[q]].parts))
        })
        .collect();
    let partial: Vec<bool> = (0..names.len())
        .map(|i| keys.person[i].is_some_and(|p| partial_of_parts[p]))
        .collect();
    // Every later name that shares a KB link, the exact name, a variant key
    // or an acronym with name `a` is joined to it, in order. The candidates
    // come from inverted lists rather than from testing every pair, which
    // was quadratic in the names of a document (minutes for a 5 MB one);
    // the joins, and so the groups, are the same.
    #[derive(Hash, PartialEq, Eq)]
    enum Key {
        Kb(EntryIdx),
        Exact(u32),
        Variant(u32),
        Acronym(u32),
    }
    let keys_of = |a: usize| {
        let n = &names[a];
        n.kb.map(Key::Kb)
            .into_iter()
            .chain([Key::Exact(keys.exact[a])])
            .chain(keys.variants[a].iter().map(|&k| Key::Variant(k)))
            .chain(keys.acronym[a].map(Key::Acronym))
    };
    let mut holders: HashMap<Key, Vec<usize>> = HashMap::new();
    for a in (0..names.len()).filter(|&a| !partial[a]) {
        for k in keys_of(a) {
            holders.entry(k).or_default().push(a);
        }
    }
    let mut later = Vec::new();
    for a in (0..names.len()).filter(|&a| !partial[a]) {
        later.clear();
        for k in keys_of(a) {
            let list = &holders[&k];
            let from = list.partition_point(|&b| b <= a);
            later.extend_from_slice(&list[from..]);
        }
        later.sort_unstable();
        later.dedup();
        for &b in &later {
            g.union(a, b);
        }
    }
    // Acronyms to the nearest long form whose initials they are; the test
    // runs once per distinct acronym and distinct long name.
    let long_forms: HashSet<&str> = names
        .iter()
        .filter(|n| n.acronym.is_none())
        .map(|n| n.text.as_str())
        .collect();
    let mut fits_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for a in 0..names.len() {
        let Some(letters) = &names[a].acronym else {
            continue;
        };
        let fits = fits_of.entry(letters.as_str()).or_insert_with(|| {
            let texts: Vec<&str> = long_forms
                .iter()
                .copied()
                .filter(|t| is_acronym_of(letters, t))
                .collect();
            (0..names.len())
                .filter(|&b| names[b].acronym.is_none() && texts.contains(&names[b].text.as_str()))
                .collect()
        });
        if let Some(b) = nearest(fits, start(&names[a]), |b| start(&names[b])) {
            g.union(b, a);
        }
    }
    // Partial person names to the nearest full name they are part of,
    // computed once per distinct set of name parts.
    let mut person_fits: HashMap<usize, Vec<usize>> = HashMap::new();
    for a in 0..names.len() {
        if !partial[a] {
            continue;
        }
        let Some(pa) = keys.person[a] else { continue };
        let fits = person_fits.entry(pa).or_insert_with(|| {
            let parts = &names[keys.persons[pa]].parts;
            let fits: Vec<usize> = (0..names.len())
                .filter(|&b| {
                    names[b].etype == EntityType::Person
                        && !partial[b]
                        && is_part_of(parts, &names[b].parts)
                })
                .collect();
            if !fits.is_empty() {
                return fits;
            }
            // "Noor Wali" in a text that only has "Mufti Noor Wali Mehsud"
            // as another partial: join any longer name.
            (0..names.len())
                .filter(|&b| {
                    names[b].etype == EntityType::Person && is_part_of(parts, &names[b].parts)
                })
                .collect()
        });
        if let Some(b) = nearest(fits, start(&names[a]), |b| start(&names[b])) {
            g.union(b, a);
        }
    }
    (0..names.len()).map(|i| g.find(i)).collect()
}

/// The candidate nearest before `at`, else the first after it.
pub(super) fn nearest(cands: &[usize], at: u32, pos: impl Fn(usize) -> u32) -> Option<usize> {
    let before = cands
        .iter()
        .copied()
        .filter(|&c| pos(c) < at)
        .max_by_key(|&c| pos(c));
    before.or_else(|| {
        cands
            .iter()
            .copied()
            .filter(|&c| pos(c) > at)
            .min_by_key(|&c| pos(c))
    })
}
