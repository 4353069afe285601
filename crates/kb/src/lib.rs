//! dossier's knowledge base: countries with their news variants, demonyms and
//! capitals; GeoNames cities of 5,000 people or more; provinces (admin-1) and
//! regions; a curated list of organisations (armed groups, governments,
//! militaries, agencies, parties, IGOs and media) with aliases, acronyms and
//! transliteration variants; and a curated list of people (heads of state
//! and government, ministers, commanders and spokesmen of armed groups,
//! heads of international bodies) with their roles.
//!
//! The shipped files live in `kb/` at the repository root and are embedded in
//! the binary: `kb/countries.tsv`, `kb/admin1.tsv` and `kb/places.tsv` are
//! built by `dossier build-kb` from `../shared/data/{geonames,iso3166}` and the
//! curated `kb/curated/countries.toml`;
//! `kb/curated/{admin1,regions,orgs,historic,people}.toml` are written by hand
//! and embedded as they are. Users add entries (or aliases
//! to existing ids) with TOML files in the same format, see [`Kb::load_extra`].
//!
//! # API (for the resolver and the geocoder)
//! - [`Kb::embedded`] parses the shipped tables; build it once per pipeline.
//! - [`Kb::lookup`] maps a surface name to the entries it may mean, through
//!   [`normalize::key`] (case, diacritics, "the", possessive `'s`, hyphens,
//!   dots; acronyms are matched case-sensitively) and, for curated entries
//!   only, [`normalize::loose_key`] (i/e/ee and other vowel variants).
//! - [`Kb::entry`] gives the [`KbEntry`]: `id`, `name`, `kind`, `etype`,
//!   `aliases`, `country` (ISO alpha-2), `admin1` (GeoNames `CC.code`),
//!   `lat`/`lon`, `population`, `geonames_id`, `parent`, `related`, `qid`,
//!   `capital_of`.
//! - [`Kb::roles`]: the positions a person holds or held ([`Role`]).
//! - [`Kb::by_id`], [`Kb::country`] (alpha-2 to entry), [`Kb::admin1`]
//!   (GeoNames admin-1 key to entry), [`Kb::capital_of`] (a capital's country,
//!   for metonymy: "Moscow said"), [`Kb::parent_of`] (the enclosing entry).
//! - [`Kb::place_candidates`]: the geocodable entries a toponym may mean.
//!
//! Ids are stable across documents and builds: a Wikidata QID where known
//! (`Q843`), else `geonames:<id>`, `iso:<code>` or `dossier:<slug>`. Country
//! ids also answer to `iso:<alpha-2>` in [`Kb::by_id`].
//!
//! ```
//! use dossier_kb::{Kb, EntryKind};
//! let kb = Kb::embedded().unwrap();
//! let moscow = kb.lookup("Moscow").iter().map(|&i| kb.entry(i))
//!     .find(|e| e.kind == EntryKind::City).unwrap();
//! assert_eq!(moscow.country.as_deref(), Some("RU"));
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier_text::EntityType;
use serde::Deserialize;

#[cfg(feature = "build")]
pub mod build;
pub mod normalize;

/// Index of an entry in [`Kb`]; valid for the `Kb` that returned it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryIdx(pub u32);

/// What an entry is. Places come first; their order is the order of
/// precedence a geocoder gives feature types when nothing else decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Country,
    Admin1,
    /// A second-level area (a US county).
    Admin2,
    City,
    Region,
    Facility,
    Org,
    Person,
    Norp,
    Work,
    Event,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Country => "country",
            EntryKind::Admin1 => "admin1",
            EntryKind::Admin2 => "admin2",
            EntryKind::City => "city",
            EntryKind::Region => "region",
            EntryKind::Facility => "facility",
            EntryKind::Org => "org",
            EntryKind::Person => "person",
            EntryKind::Norp => "norp",
            EntryKind::Work => "work",
            EntryKind::Event => "event",
        }
    }

    pub fn parse(s: &str) -> Option<EntryKind> {
        Some(match s {
            "country" => EntryKind::Country,
            "admin1" => EntryKind::Admin1,
            "admin2" => EntryKind::Admin2,
            "city" => EntryKind::City,
            "region" => EntryKind::Region,
            "facility" => EntryKind::Facility,
            "org" => EntryKind::Org,
            "person" => EntryKind::Person,
            "norp" => EntryKind::Norp,
            "work" => EntryKind::Work,
            "event" => EntryKind::Event,
            _ => return None,
        })
    }

    /// The entity type an entry of this kind has unless it says otherwise.
    pub fn default_etype(self) -> EntityType {
        match self {
            EntryKind::Country | EntryKind::Admin1 | EntryKind::Admin2 | EntryKind::City => {
                EntityType::Gpe
            }
            EntryKind::Region => EntityType::Loc,
            EntryKind::Facility => EntityType::Fac,
            EntryKind::Org => EntityType::Org,
            EntryKind::Person => EntityType::Person,
            EntryKind::Norp => EntityType::Norp,
            EntryKind::Work => EntityType::Work,
            EntryKind::Event => EntityType::Event,
        }
    }

    /// The geocoding level of a place (`dossier_text::Geo::level`).
    pub fn geo_level(self) -> Option<&'static str> {
        match self {
            EntryKind::Country => Some("country"),
            EntryKind::Admin1 => Some("admin1"),
            EntryKind::Admin2 => Some("admin2"),
            EntryKind::City => Some("city"),
            EntryKind::Region => Some("region"),
            EntryKind::Facility => Some("facility"),
            _ => None,
        }
    }
}

/// How one entry is tied to another (targets are entry ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationKind {
    AffiliateOf,
    FactionOf,
    PartOf,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
}

/// A position a person holds or held: "President" of `US` from 2009 to
/// 2017. `to` is empty while the role is held, or when the end is unknown.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    /// An ISO alpha-2 code or the id of an organisation entry
    /// (`dossier:ttp`).
    pub of: Option<String>,
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl Role {
    /// Whether the role was held at some time in `year`.
    pub fn held_in(&self, year: u16) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }
}

/// One thing the knowledge base knows.
#[derive(Clone, Debug, PartialEq)]
pub struct KbEntry {
    /// Stable id: `Q...`, `geonames:<id>`, `iso:<code>` or `dossier:<slug>`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    pub kind: EntryKind,
    pub etype: EntityType,
    /// Other names: variants, acronyms, transliterations, demonyms are their
    /// own entries (kind `Norp`) tied to the country.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// GeoNames admin-1 key, `CC.code` (e.g. `PK.03`), for places.
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub geonames_id: Option<u64>,
    /// The id of the enclosing place or parent organisation (empty for
    /// cities: see [`Kb::parent_of`]).
    pub parent: Option<String>,
    pub related: Vec<Relation>,
    pub qid: Option<String>,
    /// For a national capital, the alpha-2 of its country.
    pub capital_of: Option<String>,
}

impl KbEntry {
    fn new(id: String, name: String, kind: EntryKind) -> KbEntry {
        KbEntry {
            id,
            name,
            kind,
            etype: kind.default_etype(),
            aliases: Vec::new(),
            country: None,
            admin1: None,
            lat: None,
            lon: None,
            population: 0,
            geonames_id: None,
            parent: None,
            related: Vec::new(),
            qid: None,
            capital_of: None,
        }
    }

    /// Coordinates, when the entry is a place that has them.
    pub fn coords(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }

    /// The canonical name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Table {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: bad TOML: {source}")]
    Toml {
        file: String,
        source: Box<toml::de::Error>,
    },
    #[error("{file}: bad JSON: {source}")]
    Json {
        file: String,
        source: serde_json::Error,
    },
    #[error("{file}: entry {id}: {message}")]
    Entry {
        file: String,
        id: String,
        message: String,
    },
}

/// The knowledge base and its alias index.
#[derive(Default)]
pub struct Kb {
    entries: Vec<KbEntry>,
    index: NameIndex,
    loose: NameIndex,
    by_id: Ids,
    countries: HashMap<String, EntryIdx>,
    admin1: HashMap<String, EntryIdx>,
    /// People's roles, kept beside the entries: a field on [`KbEntry`]
    /// would cost every one of the quarter of a million places a few bytes
    /// for the thousand people that have roles.
    roles: HashMap<EntryIdx, Vec<Role>>,
}

/// Ids to entries. Most entries are GeoNames places, `geonames:<number>`:
/// those are keyed by the number, which spares a string per place (a
/// fifth of the loaded KB's heap).
#[derive(Default)]
struct Ids {
    geonames: HashMap<u64, EntryIdx>,
    other: HashMap<String, EntryIdx>,
}

impl Ids {
    /// The number of a `geonames:<number>` id written as the KB writes it.
    fn geonames_number(id: &str) -> Option<u64> {
        let digits = id.strip_prefix("geonames:")?;
        let canonical = digits.bytes().all(|b| b.is_ascii_digit())
            && !(digits.len() > 1 && digits.starts_with('0'));
        canonical.then(|| digits.parse().ok()).flatten()
    }

    fn get(&self, id: &str) -> Option<EntryIdx> {
        match Ids::geonames_number(id) {
            Some(n) => self.geonames.get(&n).copied(),
            None => self.other.get(id).copied(),
        }
    }

    fn insert(&mut self, id: &str, idx: EntryIdx) {
        match Ids::geonames_number(id) {
            Some(n) => self.geonames.insert(n, idx),
            None => self.other.insert(id.to_string(), idx),
        };
    }

    /// Adds `id` unless it is taken.
    fn insert_new(&mut self, id: &str, idx: EntryIdx) {
        if self.get(id).is_none() {
            self.insert(id, idx);
        }
    }
}

/// The tables built by `dossier build-kb` and the curated files, embedded.
const EMBEDDED_TSV: [(&str, &str); 3] = [
    (
        "kb/countries.tsv",
        include_str!("../../../kb/countries.tsv"),
    ),
    ("kb/admin1.tsv", include_str!("../../../kb/admin1.tsv")),
    ("kb/places.tsv", include_str!("../../../kb/places.tsv")),
];
const EMBEDDED_TOML: [(&str, &str); 5] = [
    (
        "kb/curated/admin1.toml",
        include_str!("../../../kb/curated/admin1.toml"),
    ),
    (
        "kb/curated/regions.toml",
        include_str!("../../../kb/curated/regions.toml"),
    ),
    (
        "kb/curated/orgs.toml",
        include_str!("../../../kb/curated/orgs.toml"),
    ),
    (
        "kb/curated/historic.toml",
        include_str!("../../../kb/curated/historic.toml"),
    ),
    (
        "kb/curated/people.toml",
        include_str!("../../../kb/curated/people.toml"),
    ),
];

/// The column order of the built TSV tables (one header line, then rows).
pub const TSV_COLUMNS: [&str; 13] = [
    "id",
    "kind",
    "name",
    "aliases",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "geonames_id",
    "parent",
    "qid",
    "capital_of",
];

impl Kb {
    /// The shipped knowledge base. Parsing takes a few tens of milliseconds
    /// in a release build: call it once and share the result.
    pub fn embedded() -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        // One entry per row, reserved at once: grown by doubling, the
        // table of entries would hold a third more than it needs.
        let rows: usize = EMBEDDED_TSV
            .iter()
            .map(|(_, text)| text.bytes().filter(|&b| b == b'\n').count())
            .sum();
        let curated: usize = EMBEDDED_TOML
            .iter()
            .map(|(_, text)| text.matches("[[entry]]").count())
            .sum();
        kb.entries.reserve_exact(rows + curated);
        for (file, text) in EMBEDDED_TSV {
            kb.add_tsv(file, text)?;
        }
        // The curated files only add to the name index, which is merged
        // once after the last of them: each merge copies the whole index.
        for (file, text) in EMBEDDED_TOML {
            kb.add_toml_entries(file, text)?;
        }
        kb.index.finish();
        kb.loose.finish();
        for (_, text) in EMBEDDED_TSV {
            dossier_text::memory::release_embedded(text.as_bytes());
        }
        for (_, text) in EMBEDDED_TOML {
            dossier_text::memory::release_embedded(text.as_bytes());
        }
        Ok(kb)
    }

    /// An empty knowledge base, for tests and for users who bring their own.
    pub fn empty() -> Kb {
        Kb::default()
    }

    /// Adds the entries of a user TOML file (`[[entry]]` tables, the format of
    /// `kb/curated/*.toml`). An entry whose id is already known adds its
    /// aliases and relations to it and overrides the fields it sets.
    pub fn load_extra(&mut self, path: &Path) -> Result<(), KbError> {
        let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_toml(&path.display().to_string(), &text)
    }

    /// Adds TOML entries given as text (see [`Kb::load_extra`]).
    pub fn add_toml(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        self.add_toml_entries(file, text)?;
        self.index.finish();
        self.loose.finish();
        Ok(())
    }

    /// [`Kb::add_toml`] without merging the new names into the index.
    fn add_toml_entries(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let parsed: TomlFile = toml::from_str(text).map_err(|source| KbError::Toml {
            file: file.to_string(),
            source: Box::new(source),
        })?;
        for raw in parsed.entry {
            self.add_toml_entry(file, raw)?;
        }
        Ok(())
    }

    /// Adds rows of a built table (see [`TSV_COLUMNS`]).
    pub fn add_tsv(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        let bad = |line: usize, message: String| KbError::Table {
            file: file.to_string(),
            line,
            message,
        };
        for (n, line) in text.lines().enumerate().skip(1) {
            if line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != TSV_COLUMNS.len() {
                return Err(bad(
                    n + 1,
                    format!("{} columns, expected {}", cols.len(), TSV_COLUMNS.len()),
                ));
            }
            let kind = EntryKind::parse(cols[1])
                .ok_or_else(|| bad(n + 1, format!("unknown kind {:?}", cols[1])))?;
            let mut e = KbEntry::new(cols[0].to_string(), cols[2].to_string(), kind);
            e.aliases = split_list(cols[3]);
            e.country = non_empty(cols[4]);
            e.admin1 = non_empty(cols[5]);
            e.lat = parse_opt(cols[6]).map_err(|m| bad(n + 1, m))?;
            e.lon = parse_opt(cols[7]).map_err(|m| bad(n + 1, m))?;
            e.population = parse_opt(cols[8]).map_err(|m| bad(n + 1, m))?.unwrap_or(0);
            e.geonames_id = parse_opt(cols[9]).map_err(|m| bad(n + 1, m))?;
            e.parent = non_empty(cols[10]);
            e.qid = non_empty(cols[11]);
            e.capital_of = non_empty(cols[12]);
            if e.id.is_empty() {
                // Cities leave the id column empty (see build.rs).
                let gid = e
                    .geonames_id
                    .ok_or_else(|| bad(n + 1, "no id and no geonames_id".into()))?;
                e.id = format!("geonames:{gid}");
            }
            self.push(e);
        }
        self.index.finish();
        self.loose.finish();
        Ok(())
    }

    fn add_toml_entry(&mut self, file: &str, raw: TomlEntry) -> Result<(), KbError> {
        let bad = |message: String| KbError::Entry {
            file: file.to_string(),
            id: raw.id.clone(),
            message,
        };
        let etype = match &raw.etype {
            Some(t) => {
                Some(EntityType::parse(t).ok_or_else(|| bad(format!("unknown etype {t:?}")))?)
            }
            None => None,
        };
        let mut related = Vec::new();
        for (kind, targets) in [
            (RelationKind::AffiliateOf, &raw.affiliate_of),
            (RelationKind::FactionOf, &raw.faction_of),
            (RelationKind::PartOf, &raw.part_of),
        ] {
            related.extend(targets.iter().map(|t| Relation {
                kind,
                target: t.clone(),
            }));
        }
        if let Some(r) = raw
            .roles
            .iter()
            .find(|r| matches!((r.from, r.to), (Some(f), Some(t)) if t < f))
        {
            return Err(bad(format!("role {:?} ends before it starts", r.title)));
        }
        if let Some(idx) = self.by_id.get(&raw.id) {
            // Extending a known entry: add names, override what is given.
            let mut e = self.entries[idx.0 as usize].clone();
            if let Some(name) = raw.name {
                if name != e.name {
                    e.aliases.push(std::mem::replace(&mut e.name, name));
                }
            }
            e.aliases.extend(raw.aliases);
            e.related.extend(related);
            if let Some(k) = raw.kind {
                e.kind = k;
                e.etype = k.default_etype();
            }
            e.etype = etype.unwrap_or(e.etype);
            e.country = raw.country.or(e.country);
            e.admin1 = raw.admin1.or(e.admin1);
            e.lat = raw.lat.or(e.lat);
            e.lon = raw.lon.or(e.lon);
            e.population = raw.population.unwrap_or(e.population);
            e.geonames_id = raw.geonames_id.or(e.geonames_id);
            e.parent = raw.parent.or(e.parent);
            e.qid = raw.qid.or(e.qid);
            e.capital_of = raw.capital_of.or(e.capital_of);
            if !raw.roles.is_empty() {
                self.roles.entry(idx).or_default().extend(raw.roles);
            }
            self.index_names(idx, &e);
            self.entries[idx.0 as usize] = e;
            return Ok(());
        }
        let kind = raw
            .kind
            .ok_or_else(|| bad("a new entry needs a kind".into()))?;
        let name = raw
            .name
            .ok_or_else(|| bad("a new entry needs a name".into()))?;
        if raw.lat.is_some() != raw.lon.is_some() {
            return Err(bad("lat and lon come together".into()));
        }
        let mut e = KbEntry::new(raw.id.clone(), name, kind);
        e.etype = etype.unwrap_or(e.etype);
        e.aliases = raw.aliases;
        e.related = related;
        e.country = raw.country;
        e.admin1 = raw.admin1;
        e.lat = raw.lat;
        e.lon = raw.lon;
        e.population = raw.population.unwrap_or(0);
        e.geonames_id = raw.geonames_id;
        e.parent = raw.parent;
        e.qid = raw
            .qid
            .or_else(|| raw.id.starts_with('Q').then(|| raw.id.clone()));
        e.capital_of = raw.capital_of;
        if !raw.roles.is_empty() {
            self.roles
                .insert(EntryIdx(self.entries.len() as u32), raw.roles);
        }
        self.push(e);
        Ok(())
    }

    fn push(&mut self, e: KbEntry) {
        let idx = EntryIdx(self.entries.len() as u32);
        self.by_id.insert(&e.id, idx);
        if let Some(q) = &e.qid {
            self.by_id.insert_new(q, idx);
        }
        match e.kind {
            EntryKind::Country => {
                if let Some(cc) = &e.country {
                    self.countries.insert(cc.clone(), idx);
                    self.by_id.insert_new(&format!("iso:{cc}"), idx);
                }
            }
            EntryKind::Admin1 => {
                if let Some(a) = &e.admin1 {
                    self.admin1.entry(a.clone()).or_insert(idx);
                    // US states carry GeoNames ids; curated files name them
                    // by ISO code as they name every other subdivision.
                    if let Some(state) = a.strip_prefix("US.") {
                        self.by_id.insert_new(&format!("iso:US-{state}"), idx);
                    }
                }
            }
            _ => {}
        }
        self.index_names(idx, &e);
        self.entries.push(e);
    }

    fn index_names(&mut self, idx: EntryIdx, e: &KbEntry) {
        // GeoNames cities have many alternate names; loose keys for them would
        // let person names match small towns ("Biden" ~ "Badin"), so only the
        // curated kinds get the vowel-folded fallback.
        let loose = !matches!(e.kind, EntryKind::City);
        let mut buf = String::new();
        for name in e.names() {
            normalize::key_into(name, &mut buf);
            if buf.is_empty() {
                continue;
            }
            self.index.add(&buf, idx);
            if loose {
                let lk = normalize::loose_key(name);
                if lk.len() >= 4 {
                    self.loose.add(&lk, idx);
                }
            }
        }
    }

    /// The entries a surface name may mean, in KB order (countries first,
    /// then admin-1, places, curated files). Empty when unknown.
    pub fn lookup(&self, name: &str) -> &[EntryIdx] {
        let k = normalize::key(name);
        let hits = self.index.get(&k);
        if !hits.is_empty() {
            return hits;
        }
        if k.starts_with('^') {
            // An all-capitals word that is no known acronym: "IRAN", "KABUL".
            return self.index.get(&normalize::lowercase_key(name));
        }
        self.loose.get(&normalize::loose_key(name))
    }

    pub fn entry(&self, idx: EntryIdx) -> &KbEntry {
        &self.entries[idx.0 as usize]
    }

    /// The positions a person holds or held, in the order the KB gives them;
    /// empty for other entries.
    pub fn roles(&self, idx: EntryIdx) -> &[Role] {
        self.roles.get(&idx).map_or(&[], Vec::as_slice)
    }

    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id (countries also answer to `iso:<alpha-2>`,
    /// entries with a QID to it).
    pub fn by_id(&self, id: &str) -> Option<EntryIdx> {
        self.by_id.get(id)
    }

    /// The country entry of an ISO alpha-2 code.
    pub fn country(&self, alpha2: &str) -> Option<EntryIdx> {
        self.countries.get(alpha2).copied()
    }

    /// The admin-1 entry of a GeoNames admin-1 key (`PK.03`), if the KB has
    /// one with coordinates or at least a name.
    pub fn admin1(&self, key: &str) -> Option<EntryIdx> {
        self.admin1.get(key).copied()
    }

    /// For a national capital, its country's entry: "Moscow said" is the
    /// Russian government speaking.
    pub fn capital_of(&self, idx: EntryIdx) -> Option<EntryIdx> {
        self.entry(idx)
            .capital_of
            .as_deref()
            .and_then(|cc| self.country(cc))
    }

    /// The enclosing entry: the `parent` id, or for a city (whose table row
    /// omits it) its admin-1 area, else its country.
    pub fn parent_of(&self, idx: EntryIdx) -> Option<EntryIdx> {
        let e = self.entry(idx);
        if let Some(p) = e.parent.as_deref() {
            return self.by_id(p);
        }
        if e.kind == EntryKind::City {
            if let Some(a) = e.admin1.as_deref().and_then(|k| self.admin1(k)) {
                return Some(a);
            }
            return e.country.as_deref().and_then(|cc| self.country(cc));
        }
        None
    }

    /// The places a toponym may mean: entries with a geo level and
    /// coordinates. A demonym ("Pakistani") stands for its country, and a
    /// demonym or union tied to a region by `parent` ("European", the EU)
    /// for that region. Only exact keys count here: the vowel-folded
    /// fallback is for organisations' transliterations, and on places it
    /// would turn "Platte" into "Plateau".
    pub fn place_candidates(&self, name: &str) -> Vec<EntryIdx> {
        let mut out: Vec<EntryIdx> = Vec::new();
        for &idx in self.lookup_exact(name) {
            let e = self.entry(idx);
            let place = if e.kind.geo_level().is_some() {
                Some(idx)
            } else if matches!(e.kind, EntryKind::Norp | EntryKind::Org) {
                let parent = e.parent.as_deref().and_then(|p| self.by_id(p));
                match parent {
                    Some(p) if self.entry(p).kind.geo_level().is_some() => Some(p),
                    _ if e.kind == EntryKind::Norp => {
                        e.country.as_deref().and_then(|cc| self.country(cc))
                    }
                    _ => None,
                }
            } else {
                None
            };
            if let Some(p) = place {
                if self.entry(p).coords().is_some() && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// [`Kb::lookup`] without the vowel-folded fallback.
    pub fn lookup_exact(&self, name: &str) -> &[EntryIdx] {
        let k = normalize::key(name);
        let hits = self.index.get(&k);
        if hits.is_empty() && k.starts_with('^') {
            return self.index.get(&normalize::lowercase_key(name));
        }
        hits
    }

    /// How many entries of each kind the KB holds, in [`EntryKind`] order.
    pub fn counts(&self) -> Vec<(EntryKind, usize)> {
        let mut counts: Vec<(EntryKind, usize)> = Vec::new();
        for e in &self.entries {
            match counts.iter_mut().find(|(k, _)| *k == e.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((e.kind, 1)),
            }
        }
        counts
    }
}

/// Name keys to entries, as two sorted parallel arrays of key hashes and
/// entry indices. Loading builds it for a quarter of a million names: a
/// sort of `(u64, u32)` pairs is several times cheaper than a hash map of
/// owned strings to vectors, and a lookup is a binary search. Keys are
/// 64-bit FNV-1a hashes; a collision among ~10^6 keys has odds near 10^-7,
/// and would only add a candidate that the caller's checks then weigh.
#[derive(Default)]
struct NameIndex {
    hashes: Vec<u64>,
    idxs: Vec<EntryIdx>,
    pending: Vec<(u64, EntryIdx)>,
}

impl NameIndex {
    fn add(&mut self, key: &str, idx: EntryIdx) {
        self.pending.push((fnv1a(key.as_bytes()), idx));
    }

    fn finish(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        // Only the new keys are sorted, then merged with the sorted index:
        // the embedded KB finishes after each of its tables and once after
        // its curated files, and re-sorting everything each time cost a
        // third of the load.
        let mut new: Vec<(u64, EntryIdx)> = std::mem::take(&mut self.pending);
        new.sort_unstable();
        let old = self.hashes.iter().copied().zip(self.idxs.iter().copied());
        let mut hashes = Vec::with_capacity(self.hashes.len() + new.len());
        let mut idxs = Vec::with_capacity(hashes.capacity());
        let mut old = old.peekable();
        let mut new = new.into_iter().peekable();
        let mut last: Option<(u64, EntryIdx)> = None;
        loop {
            let next = match (old.peek(), new.peek()) {
                (Some(a), Some(b)) if a <= b => old.next(),
                (Some(_), Some(_)) | (None, Some(_)) => new.next(),
                (Some(_), None) => old.next(),
                (None, None) => break,
            };
            let Some(pair) = next else { break };
            if last != Some(pair) {
                hashes.push(pair.0);
                idxs.push(pair.1);
                last = Some(pair);
            }
        }
        self.hashes = hashes;
        self.idxs = idxs;
    }

    fn get(&self, key: &str) -> &[EntryIdx] {
        let h = fnv1a(key.as_bytes());
        let lo = self.hashes.partition_point(|&x| x < h);
        let hi = lo + self.hashes[lo..].partition_point(|&x| x == h);
        &self.idxs[lo..hi]
    }
}

use dossier_common::hash::fnv1a;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    entry: Vec<TomlEntry>,
}

/// One `[[entry]]` of a curated or user TOML file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlEntry {
    id: String,
    name: Option<String>,
    kind: Option<EntryKind>,
    etype: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    country: Option<String>,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    population: Option<u64>,
    geonames_id: Option<u64>,
    parent: Option<String>,
    qid: Option<String>,
    capital_of: Option<String>,
    /// An admin-1 area's seat, read by `dossier build-kb` only.
    #[allow(dead_code)]
    seat: Option<String>,
    #[serde(default)]
    affiliate_of: Vec<String>,
    #[serde(default)]
    faction_of: Vec<String>,
    #[serde(default)]
    part_of: Vec<String>,
    #[serde(default)]
    roles: Vec<Role>,
}

fn split_list(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('|').map(str::to_string).collect()
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn parse_opt<T: std::str::FromStr>(s: &str) -> Result<Option<T>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| format!("bad number {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};
    use std::sync::OnceLock;

    fn kb() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| Kb::embedded().expect("the embedded KB parses"))
    }

    /// Renders what a name finds: `id kind name [country]`, one per entry,
    /// at most three.
    fn check(name: &str, expect: Expect) {
        let kb = kb();
        let hits: Vec<String> = kb
            .lookup(name)
            .iter()
            .take(3)
            .map(|&i| {
                let e = kb.entry(i);
                format!(
                    "{} {} {} {}",
                    e.id,
                    e.kind.as_str(),
                    e.name,
                    e.country.as_deref().unwrap_or("-")
                )
            })
            .collect();
        expect.assert_eq(&hits.join("; "));
    }

    #[test]
    fn transliteration_variants_find_one_group() {
        check(
            "Tehreek-e-Taliban Pakistan",
            expect!["dossier:ttp org Tehrik-i-Taliban Pakistan PK"],
        );
        check(
            "Tehrik-e-Taliban Pakistan's",
            expect!["dossier:ttp org Tehrik-i-Taliban Pakistan PK"],
        );
        check(
            "TTP",
            expect!["dossier:ttp org Tehrik-i-Taliban Pakistan PK"],
        );
        check("al Qaida", expect!["Q34490 org al-Qaeda -"]);
        check("Al-Shabab", expect!["dossier:al-shabaab org al-Shabaab SO"]);
    }

    #[test]
    fn acronyms_are_case_sensitive() {
        check(
            "ISIS-K",
            expect!["dossier:iskp org Islamic State Khorasan Province AF"],
        );
        check("U.S.", expect!["Q30 country United States US"]);
        check("us", expect![[""]]);
        check("IRAN", expect!["Q794 country Iran IR"]);
    }

    #[test]
    fn news_variants_and_demonyms() {
        check("the UAE", expect!["Q878 country United Arab Emirates AE"]);
        check("Britain", expect!["Q145 country United Kingdom GB"]);
        check("Ivory Coast", expect!["Q1008 country Ivory Coast CI"]);
        check("Pakistani", expect!["dossier:demonym-pk norp Pakistani PK"]);
        check("Texans", expect!["dossier:demonym-us-texas norp Texan US"]);
        check(
            "the Midwest",
            expect!["dossier:us-midwest region Midwest US"],
        );
        check(
            "Khorasan Ghag",
            expect!["dossier:khorasan-ghag work Khorasan Ghag AF"],
        );
    }

    #[test]
    fn capital_is_tied_to_its_country() {
        let kb = kb();
        let moscow = kb.lookup("Moscow")[0];
        let e = kb.entry(moscow);
        assert_eq!(
            (e.country.as_deref(), e.kind),
            (Some("RU"), EntryKind::City)
        );
        let (lat, lon) = e.coords().unwrap();
        assert_eq!(
            (format!("{lat:.2}"), format!("{lon:.2}")),
            ("55.75".into(), "37.62".into())
        );
        assert_eq!(
            kb.capital_of(moscow).map(|c| kb.entry(c).name.as_str()),
            Some("Russia")
        );
    }

    #[test]
    fn user_entries_extend_the_kb() {
        let mut kb = Kb::empty();
        kb.add_toml(
            "test.toml",
            r#"
            [[entry]]
            id = "dossier:test-front"
            kind = "org"
            name = "Northern Test Front"
            aliases = ["NTF"]
            country = "ML"

            [[entry]]
            id = "dossier:test-front"
            aliases = ["Front du Nord"]
            "#,
        )
        .unwrap();
        let hits = kb.lookup("front du nord");
        assert_eq!(hits.len(), 1);
        assert_eq!(kb.entry(hits[0]).name, "Northern Test Front");
        assert_eq!(kb.lookup("NTF"), hits);
        assert!(kb.lookup("ntf").is_empty());
    }

    #[test]
    fn people_are_found_by_their_names_and_spellings() {
        check(
            "Imran Khan",
            expect!["dossier:imran-khan person Imran Khan PK"],
        );
        check(
            "Zabiullah Mujahid",
            expect!["dossier:zabihullah-mujahid person Zabihullah Mujahid AF"],
        );
        check(
            "Abu Mohammad al-Jolani",
            expect!["dossier:ahmed-al-sharaa person Ahmed al-Sharaa SY"],
        );
        check(
            "Volodymyr Zelenskyy",
            expect!["Q3874799 person Volodymyr Zelensky UA"],
        );
    }

    #[test]
    fn roles_give_title_office_and_years() {
        let kb = kb();
        let obama = kb.by_id("Q76").unwrap();
        let roles = kb.roles(obama);
        assert_eq!(
            roles,
            [Role {
                title: "President".into(),
                of: Some("US".into()),
                from: Some(2009),
                to: Some(2017),
            }]
        );
        assert!(roles[0].held_in(2010) && !roles[0].held_in(2018));
        let hibatullah = kb.by_id("dossier:hibatullah-akhundzada").unwrap();
        assert_eq!(kb.roles(hibatullah)[0].of.as_deref(), Some("Q42418"));
        assert!(kb.roles(hibatullah)[0].held_in(2030));
        assert!(kb.roles(kb.country("PK").unwrap()).is_empty());
    }

    /// Every role names a country or an entry the KB holds.
    #[test]
    fn roles_point_at_known_entries() {
        let kb = kb();
        let mut unknown = Vec::new();
        for (i, e) in kb.entries().iter().enumerate() {
            for r in kb.roles(EntryIdx(i as u32)) {
                let Some(of) = r.of.as_deref() else { continue };
                if kb.country(of).is_none() && kb.by_id(of).is_none() {
                    unknown.push(format!("{}: {of}", e.id));
                }
            }
        }
        assert_eq!(unknown, Vec::<String>::new());
    }

    /// A name two people share would link neither: the curated file keeps
    /// each name to one person.
    #[test]
    fn no_two_people_share_a_name() {
        let kb = kb();
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut shared = Vec::new();
        for e in kb.entries().iter().filter(|e| e.kind == EntryKind::Person) {
            for name in e.names() {
                let k = normalize::key(name);
                match owner.get(&k) {
                    Some(&other) if other != e.id => {
                        shared.push(format!("{name}: {other}, {}", e.id))
                    }
                    _ => {
                        owner.insert(k, &e.id);
                    }
                }
            }
        }
        assert_eq!(shared, Vec::<String>::new());
        assert!(owner.len() > 1500, "{} person names", owner.len());
    }

    #[test]
    fn role_that_ends_before_it_starts_is_an_error() {
        let mut kb = Kb::empty();
        let err = kb
            .add_toml(
                "bad.toml",
                r#"
                [[entry]]
                id = "dossier:x"
                kind = "person"
                name = "Test Person"
                roles = [{ title = "President", of = "US", from = 2020, to = 2010 }]
                "#,
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.toml: entry dossier:x: role \"President\" ends before it starts"
        );
    }

    #[test]
    fn bad_user_entry_is_an_error() {
        let mut kb = Kb::empty();
        let err = kb
            .add_toml("bad.toml", "[[entry]]\nid = \"dossier:x\"\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.toml: entry dossier:x: a new entry needs a kind"
        );
    }
}
