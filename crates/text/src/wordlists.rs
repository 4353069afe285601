//! Open-class word lists that more than one stage reads, each kept once as a
//! reviewable file in `data/` and parsed once per process.
//!
//! - `data/titles.tsv`: titles and honorifics before a person's name
//!   ("Lt. Gen.", "Sheikh", "Mr.") and the words that extend a title phrase
//!   ("deputy", "former"). Resolve takes titles off person names; extract
//!   reads their words around role nouns.
//! - `data/org_words.txt`: words organisations are named with ("Party",
//!   "Front", "Corp").
//! - `data/reporting_verbs.tsv`: reporting verbs ("said", "denied"), their
//!   polarity, and which readers take each one: the segmenter (a verb after
//!   a closing quotation), coreference, the parse queries and the
//!   extractor's claims.
//! - `data/designations.tsv`: the words written with a place's name
//!   ("province", "Tehsil", "Oblast") and which readers take each one:
//!   typing, the geocoder, the KB builder.
//!
//! ```
//! use dossier_text::wordlists;
//! let (n, form) = wordlists::titles().at_start(&["Lt.", "Gen.", "Asim"]).unwrap();
//! assert_eq!((n, form), (2, "Lieutenant General"));
//! assert!(wordlists::is_org_word("Front"));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::Polarity;

/// One title of `data/titles.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// Lowercase words without dots: `["lt", "gen"]`.
    pub words: Vec<String>,
    /// The form recorded on the entity ("Lieutenant General"); empty for an
    /// honorific ("Mr."), which is taken off the name but not recorded.
    pub form: String,
}

/// The titles of `data/titles.tsv`, longest first, and the modifier words.
#[derive(Clone, Debug, Default)]
pub struct Titles {
    titles: Vec<Title>,
    modifiers: Vec<String>,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    // The file is part of the build and a unit test parses it, so a
    // failure here is a bug in the crate, not bad input.
    Titles::parse(include_str!("../data/titles.tsv")).expect("data/titles.tsv parses")
});

static ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/org_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static REPORTING_VERBS: LazyLock<ReportingVerbs> = LazyLock::new(|| {
    ReportingVerbs::parse(include_str!("../data/reporting_verbs.tsv"))
        .expect("data/reporting_verbs.tsv parses")
});

static DESIGNATIONS: LazyLock<Designations> = LazyLock::new(|| {
    Designations::parse(include_str!("../data/designations.tsv"))
        .expect("data/designations.tsv parses")
});

/// The titles shipped with dossier (`data/titles.tsv`).
pub fn titles() -> &'static Titles {
    &TITLES
}

/// Whether `word` (as written) is a word organisations are named with
/// (`data/org_words.txt`): "Party", "Front", "Corp".
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// The article of an Arabic name written before a hyphen ("al" of
/// "al-Baghdadi", "el" of "el-Sisi", "ash" of "ash-Shami"), in any case.
/// A closed class, so it stays in code, once.
pub fn is_arabic_article(p: &str) -> bool {
    matches!(
        p.to_ascii_lowercase().as_str(),
        "al" | "el" | "ad" | "ar" | "as" | "ash" | "az" | "an" | "at"
    )
}

/// A patronymic particle written as a word of its own: "bin" of "Osama bin
/// Laden", "ibn", "bint".
pub fn is_patronymic(w: &str) -> bool {
    matches!(w, "bin" | "ibn" | "bint")
}

/// The comparison form of a title word: lower case, dots removed.
fn title_word(w: &str) -> String {
    w.chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

impl Titles {
    /// Parses the format of `data/titles.tsv`; an error names the line.
    pub fn parse(tsv: &str) -> Result<Titles, String> {
        let mut out = Titles::default();
        for (n, f) in rows(tsv) {
            let words: Vec<String> = f
                .get(1)
                .map(|w| w.split_whitespace().map(title_word).collect())
                .unwrap_or_default();
            if words.is_empty() {
                return Err(format!("titles.tsv line {n}: no words"));
            }
            match (f[0], f.get(2)) {
                ("title", Some(form)) if !form.is_empty() => out.titles.push(Title {
                    words,
                    form: form.to_string(),
                }),
                ("honorific", _) => out.titles.push(Title {
                    words,
                    form: String::new(),
                }),
                ("modifier", _) => out.modifiers.extend(words),
                (kind, _) => {
                    return Err(format!(
                        "titles.tsv line {n}: expected title with a form, honorific or modifier, not {kind}"
                    ))
                }
            }
        }
        // A longer title first: "lt gen" before "gen". The sort is stable, so
        // the file's order decides among titles of one length.
        out.titles.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        Ok(out)
    }

    /// All titles, longest first.
    pub fn all(&self) -> &[Title] {
        &self.titles
    }

    /// The words that extend a title phrase ("deputy", "former").
    pub fn modifiers(&self) -> &[String] {
        &self.modifiers
    }

    /// Matches a title at the start of `words` (as written); returns how
    /// many words it takes and its recorded form.
    pub fn at_start(&self, words: &[&str]) -> Option<(usize, &str)> {
        let lower: Vec<String> = words.iter().map(|w| title_word(w)).collect();
        self.titles.iter().find_map(|t| {
            (lower.len() >= t.words.len() && lower.iter().zip(&t.words).all(|(a, b)| a == b))
                .then_some((t.words.len(), t.form.as_str()))
        })
    }

    /// Matches a title that ends exactly at the end of `words` (as
    /// written); returns how many words it takes and its recorded form.
    ///
    /// A one-word title written in lower case ("director general", "the
    /// general") is a common noun there, unless the title is a role noun
    /// that is always written so ("spokesman").
    pub fn at_end(&self, words: &[&str]) -> Option<(usize, &str)> {
        let lower: Vec<String> = words.iter().map(|w| title_word(w)).collect();
        self.titles.iter().find_map(|t| {
            let n = t.words.len();
            let matches = lower.len() >= n
                && lower[lower.len() - n..]
                    .iter()
                    .zip(&t.words)
                    .all(|(a, b)| a == b);
            let first = words
                .get(words.len().wrapping_sub(n))
                .copied()
                .unwrap_or("");
            let cased = n > 1
                || first.chars().next().is_some_and(char::is_uppercase)
                || t.form.chars().next().is_some_and(char::is_lowercase);
            (matches && cased).then_some((n, t.form.as_str()))
        })
    }
}

/// The lines of a data file that are not comments or blank: each line's
/// number (from 1) and its tab-separated fields, trimmed.
fn rows(tsv: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

/// The bits of the space-separated reader names in `field`: a name's bit is
/// its index in `names`.
fn reader_bits(field: &str, names: &[&str]) -> Result<u16, String> {
    let mut bits = 0;
    for r in field.split_whitespace() {
        let at = names
            .iter()
            .position(|n| *n == r)
            .ok_or_else(|| format!("unknown reader {r}"))?;
        bits |= 1 << at;
    }
    Ok(bits)
}

/// The readers of a reporting verb (the `roles` column of
/// `data/reporting_verbs.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbRole {
    /// The extractor's claims ("X said (that) ...").
    Claim,
    /// The segmenter keeps a closing quotation and the verb in one sentence.
    Quote,
    /// A bare clause after it is what was said.
    Bare,
    /// The parse queries' reporting verbs.
    Parse,
    /// Coreference: a name after it is its speaker.
    Coref,
}

impl VerbRole {
    /// The readers' names in the file, in the enum's order.
    const NAMES: [&'static str; 5] = ["claim", "quote", "bare", "parse", "coref"];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// One reporting verb of `data/reporting_verbs.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportingVerb {
    /// The first field as written: "lemma|irregular|forms".
    pub head: String,
    /// Every form, lemma first: the regular ones and the irregular ones.
    pub forms: Vec<String>,
    /// What a claim by the verb says of its content; `None` for a verb that
    /// gives no claim of its own.
    pub polarity: Option<Polarity>,
    roles: u16,
}

impl ReportingVerb {
    pub fn has(&self, role: VerbRole) -> bool {
        self.roles & role.bit() != 0
    }
}

/// The reporting verbs, with an index by form.
#[derive(Clone, Debug, Default)]
pub struct ReportingVerbs {
    verbs: Vec<ReportingVerb>,
    /// Form -> the roles of every verb that has it.
    roles_of_form: HashMap<String, u16>,
}

impl ReportingVerbs {
    /// Parses the format of `data/reporting_verbs.tsv`; an error names the
    /// line.
    pub fn parse(tsv: &str) -> Result<ReportingVerbs, String> {
        let mut out = ReportingVerbs::default();
        for (n, f) in rows(tsv) {
            let bad = |m: &str| format!("reporting_verbs.tsv line {n}: {m}");
            if f.len() < 3 || f[0].is_empty() {
                return Err(bad("expected verb, polarity and roles"));
            }
            let polarity = match (f[1], parse_polarity(f[1])) {
                ("-", _) => None,
                (_, Some(p)) => Some(p),
                (other, None) => {
                    return Err(bad(&format!(
                        "polarity {other} is not asserted, denied or -"
                    )))
                }
            };
            let roles = reader_bits(f[2], &VerbRole::NAMES).map_err(|m| bad(&m))?;
            let forms: Vec<String> = verb_forms(f[0]).into_iter().map(|(w, _)| w).collect();
            for form in &forms {
                *out.roles_of_form.entry(form.clone()).or_insert(0) |= roles;
            }
            out.verbs.push(ReportingVerb {
                head: f[0].to_string(),
                forms,
                polarity,
                roles,
            });
        }
        Ok(out)
    }

    /// Every verb, in the file's order.
    pub fn all(&self) -> &[ReportingVerb] {
        &self.verbs
    }

    /// Whether `word` (lower case) is a form of a verb with `role`.
    pub fn is_form(&self, word: &str, role: VerbRole) -> bool {
        self.roles_of_form
            .get(word)
            .is_some_and(|r| r & role.bit() != 0)
    }
}

/// "asserted" or "denied", as the data files write a polarity.
pub fn parse_polarity(s: &str) -> Option<Polarity> {
    match s {
        "asserted" => Some(Polarity::Asserted),
        "denied" => Some(Polarity::Denied),
        _ => None,
    }
}

/// The reporting verbs shipped with dossier (`data/reporting_verbs.tsv`).
pub fn reporting_verbs() -> &'static ReportingVerbs {
    &REPORTING_VERBS
}

/// Regular inflections of an English verb lemma: -s, -ed, -ing, with the
/// doubled final consonant variants ("ban" -> "banned") because listing
/// which short verbs double is not worth a table.
fn inflect(lemma: &str) -> Vec<(String, bool)> {
    let mut out = vec![(lemma.to_string(), false)];
    let bytes = lemma.as_bytes();
    let n = bytes.len();
    let is_vowel = |c: u8| b"aeiou".contains(&c);
    let last = bytes.last().copied().unwrap_or(b' ');
    let third =
        if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
            format!("{lemma}es")
        } else if last == b'y' && n > 1 && !is_vowel(bytes[n - 2]) {
            format!("{}ies", &lemma[..n - 1])
        } else {
            format!("{lemma}s")
        };
    out.push((third, false));
    let (past, ing) = if last == b'e' {
        (
            format!("{lemma}d"),
            if lemma.ends_with("ee") {
                format!("{lemma}ing")
            } else {
                format!("{}ing", &lemma[..n - 1])
            },
        )
    } else if last == b'y' && n > 1 && !is_vowel(bytes[n - 2]) {
        (format!("{}ied", &lemma[..n - 1]), format!("{lemma}ing"))
    } else {
        (format!("{lemma}ed"), format!("{lemma}ing"))
    };
    out.push((past, true));
    out.push((ing, false));
    if n >= 3
        && !is_vowel(last)
        && !b"wxy".contains(&last)
        && is_vowel(bytes[n - 2])
        && !is_vowel(bytes[n - 3])
    {
        out.push((format!("{lemma}{}ed", last as char), true));
        out.push((format!("{lemma}{}ing", last as char), false));
    }
    // British and American spellings of -l verbs ("travelled").
    out
}

/// Every form of a verb written "lemma|irregular|forms", lemma first, each
/// with whether it can be a past participle: the lemma's regular forms (and
/// the British "-lled" of a lemma in -l), then the irregular forms, any of
/// which may be the participle ("taken", "held").
pub fn verb_forms(head: &str) -> Vec<(String, bool)> {
    let mut parts = head.split('|');
    let lemma = parts.next().unwrap_or_default();
    let mut forms: Vec<(String, bool)> = inflect(lemma);
    if lemma.ends_with('l') {
        forms.push((format!("{lemma}led"), true));
        forms.push((format!("{lemma}ling"), false));
    }
    forms.extend(parts.map(|f| (f.to_string(), !f.ends_with("ing"))));
    // Each form once ("travelled" is both the doubled and the British form).
    let mut out: Vec<(String, bool)> = Vec::with_capacity(forms.len());
    for (form, participle) in forms {
        match out.iter_mut().find(|(f, _)| *f == form) {
            Some((_, p)) => *p |= participle,
            None => out.push((form, participle)),
        }
    }
    out
}

/// The readers of a designation (the `readers` column of
/// `data/designations.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesignationRole {
    /// Capitalised at the end of a name, it makes the name a place.
    Name,
    /// The same even over a PERSON tag.
    Area,
    /// The geocoder looks a toponym up without it.
    Strip,
    /// The KB builder strips it from ISO subdivision names.
    Subdivision,
    /// After a name in running text: a province or state.
    After,
    /// The same even after a country's name.
    AfterCountry,
    /// Between a place and an office it stands in.
    Office,
    /// Between "in" and the place that holds another.
    InArea,
    /// A noun after a place's name that keeps it a place.
    PlaceNoun,
    /// The KB builder takes it, then a connector, off an area name's front.
    KbLead,
    /// The KB builder takes it off an area name's front as it is.
    KbPrefix,
    /// The KB builder takes it off an area name's end.
    KbSuffix,
}

impl DesignationRole {
    /// The readers' names in the file, in the enum's order.
    const NAMES: [&'static str; 12] = [
        "name",
        "area",
        "strip",
        "subdivision",
        "after",
        "after-country",
        "office",
        "in-area",
        "place-noun",
        "kb-lead",
        "kb-prefix",
        "kb-suffix",
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The designations of `data/designations.tsv`, in the file's order.
#[derive(Clone, Debug, Default)]
pub struct Designations {
    words: Vec<(String, u16)>,
    roles_of: HashMap<String, u16>,
}

impl Designations {
    /// Parses the format of `data/designations.tsv`; an error names the line.
    pub fn parse(tsv: &str) -> Result<Designations, String> {
        let mut out = Designations::default();
        for (n, f) in rows(tsv) {
            let bad = |m: &str| format!("designations.tsv line {n}: {m}");
            if f.len() < 2 || f[0].is_empty() || f[0].to_lowercase() != f[0] {
                return Err(bad("expected a lower-case word and its readers"));
            }
            let roles = reader_bits(f[1], &DesignationRole::NAMES).map_err(|m| bad(&m))?;
            *out.roles_of.entry(f[0].to_string()).or_insert(0) |= roles;
            out.words.push((f[0].to_string(), roles));
        }
        Ok(out)
    }

    /// Whether `word` (lower case) is a designation `role` reads.
    pub fn has(&self, word: &str, role: DesignationRole) -> bool {
        self.roles_of.get(word).is_some_and(|r| r & role.bit() != 0)
    }

    /// Whether `word` is a designation `role` reads, written capitalised
    /// ("Province", not "province" or "PROVINCE").
    pub fn has_capitalised(&self, word: &str, role: DesignationRole) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && self.has(&word.to_lowercase(), role)
    }

    /// The words `role` reads, in the file's order.
    pub fn with_role(&self, role: DesignationRole) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter(move |(_, r)| r & role.bit() != 0)
            .map(|(w, _)| w.as_str())
    }
}

/// The designations shipped with dossier (`data/designations.tsv`).
pub fn designations() -> &'static Designations {
    &DESIGNATIONS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_parse() {
        let t = titles();
        assert!(t.all().len() > 50);
        assert!(t.modifiers().iter().any(|m| m == "deputy"));
        assert_eq!(t.at_start(&["Mr.", "Khan"]), Some((1, "")));
        assert_eq!(t.at_end(&["the", "general"]), None);
        assert_eq!(t.at_end(&["army", "spokesman"]), Some((1, "spokesman")));
        assert!(is_org_word("Party") && !is_org_word("party"));
    }

    #[test]
    fn bad_kind_names_its_line() {
        let err = Titles::parse("# c\ntitle\tgen\tGeneral\nrank\tcol\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn reporting_verbs_give_forms_by_role() {
        let v = reporting_verbs();
        assert!(v.is_form("said", VerbRole::Claim) && v.is_form("saying", VerbRole::Bare));
        assert!(v.is_form("asked", VerbRole::Quote) && !v.is_form("asked", VerbRole::Claim));
        // "state" alone is the noun: only the verb's own forms are listed.
        assert!(v.is_form("stated", VerbRole::Claim) && !v.is_form("state", VerbRole::Claim));
        let denied: Vec<&str> = v
            .all()
            .iter()
            .filter(|r| r.polarity == Some(Polarity::Denied))
            .map(|r| r.forms[0].as_str())
            .collect();
        assert_eq!(denied, ["deny", "reject", "dismiss"]);
        let err = ReportingVerbs::parse("say\tasserted\tclaim\nsay\tmaybe\tclaim\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn designations_by_reader() {
        let d = designations();
        assert!(d.has_capitalised("Tehsil", DesignationRole::Area));
        assert!(!d.has_capitalised("TEHSIL", DesignationRole::Area));
        assert!(d.has_capitalised("Republic", DesignationRole::Name));
        assert!(!d.has("republic", DesignationRole::Area));
        let strip: Vec<&str> = d.with_role(DesignationRole::Strip).take(3).collect();
        assert_eq!(strip, ["city", "county", "province"]);
        let err = Designations::parse("province\tname\nState\tname\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn verb_forms_regular_doubled_and_irregular() {
        let forms =
            |h: &str| -> Vec<String> { verb_forms(h).into_iter().map(|(f, _)| f).collect() };
        assert_eq!(
            forms("ban"),
            ["ban", "bans", "baned", "baning", "banned", "banning"]
        );
        assert!(verb_forms("ban").iter().any(|(f, p)| f == "banned" && *p));
        assert_eq!(
            forms("accuse"),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(forms("carry"), ["carry", "carries", "carried", "carrying"]);
        assert_eq!(
            forms("travel"),
            [
                "travel",
                "travels",
                "traveled",
                "traveling",
                "travelled",
                "travelling"
            ]
        );
        assert_eq!(
            forms("hold|held"),
            ["hold", "holds", "holded", "holding", "held"]
        );
    }
}
