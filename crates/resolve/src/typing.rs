//! Fine entity types from the NER's coarse ones.
//!
//! The NER tags PERSON, ORG, LOC and MISC. This module splits LOC into GPE,
//! LOC and FAC and MISC into NORP, WORK, EVENT and MISC, first from what the
//! knowledge base knows of the name, then from the head word of the name
//! ("Bagram Airfield", "Red Sea", "Kaduna State") and from its context ("a
//! magazine named ..."). The word lists are closed classes of English head
//! nouns, so a `match` is all they need.

use dossier_kb::{EntryKind, Kb, KbEntry};
use dossier_text::wordlists::{self, DesignationRole};
use dossier_text::EntityType;

/// Head words (last word of a name) of facilities.
pub(crate) fn is_fac_head(w: &str) -> bool {
    matches!(
        w,
        "Airport"
            | "Airfield"
            | "Airbase"
            | "Base"
            | "Hospital"
            | "Gate"
            | "Bridge"
            | "Dam"
            | "Mosque"
            | "Church"
            | "Cathedral"
            | "Temple"
            | "Shrine"
            | "Compound"
            | "Prison"
            | "Jail"
            | "Palace"
            | "Embassy"
            | "Consulate"
            | "Stadium"
            | "Hotel"
            | "Checkpoint"
            | "Crossing"
            | "Station"
            | "Tower"
            | "Towers"
            | "Square"
            | "Highway"
            | "Road"
            | "Street"
            | "Avenue"
            | "Market"
            | "Bazaar"
            | "Barracks"
            | "Refinery"
            | "Mall"
            | "Cantonment"
            | "Plant"
            | "Terminal"
            | "Port"
            | "Harbour"
            | "Harbor"
            | "Pipeline"
            | "Camp"
    )
}

/// Head words of natural or vague regions.
fn is_loc_head(w: &str) -> bool {
    matches!(
        w,
        "Sea"
            | "Ocean"
            | "Strait"
            | "Straits"
            | "Gulf"
            | "River"
            | "Mountains"
            | "Mountain"
            | "Valley"
            | "Desert"
            | "Lake"
            | "Bay"
            | "Peninsula"
            | "Range"
            | "Hills"
            | "Plateau"
            | "Basin"
            | "Corridor"
            | "Coast"
            | "Island"
            | "Islands"
            | "Delta"
            | "Pass"
            | "Forest"
            | "Heights"
            | "Belt"
            | "Channel"
            | "Plain"
            | "Plains"
    )
}

/// Head words of administrative areas ("Province", "Republic"): the
/// `name` readers of `data/designations.tsv`, capitalised.
fn is_gpe_head(w: &str) -> bool {
    wordlists::designations().has_capitalised(w, DesignationRole::Name)
}

/// The designations of administrative areas among [`is_gpe_head`]'s words
/// (not "State", "Republic" or "Kingdom", which name groups too): the
/// `area` readers.
fn is_area_designation(w: &str) -> bool {
    wordlists::designations().has_capitalised(w, DesignationRole::Area)
}

/// Head words of named events.
fn is_event_head(w: &str) -> bool {
    matches!(
        w,
        "War"
            | "Revolution"
            | "Uprising"
            | "Offensive"
            | "Summit"
            | "Conference"
            | "Olympics"
            | "Games"
            | "Election"
            | "Elections"
            | "Massacre"
            | "Crisis"
            | "Spring"
            | "Intifada"
            | "Cup"
            | "Festival"
            | "Siege"
            | "Bombing"
            | "Bombings"
    )
}

/// Religious, ethnic and political group words that are NORP without being
/// demonyms of a country.
fn is_norp_word(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    matches!(
        w,
        "Muslim"
            | "Christian"
            | "Hindu"
            | "Jew"
            | "Jewish"
            | "Sikh"
            | "Buddhist"
            | "Sunni"
            | "Shia"
            | "Shiite"
            | "Shi'ite"
            | "Ahmadi"
            | "Islamist"
            | "Jihadist"
            | "Salafi"
            | "Salafist"
            | "Sufi"
            | "Catholic"
            | "Protestant"
            | "Orthodox"
            | "Alawite"
            | "Druze"
            | "Yazidi"
            | "Kurd"
            | "Kurdish"
            | "Pashtun"
            | "Baloch"
            | "Baluch"
            | "Hazara"
            | "Rohingya"
            | "Tamil"
            | "Democrat"
            | "Democratic"
            | "Republican"
            | "Communist"
            | "Marxist"
            | "Maoist"
            | "Tuareg"
            | "Fulani"
            | "Hausa"
            | "Arab"
            | "Persian"
            | "Uyghur"
            | "Uighur"
            | "Chechen"
            | "Bamar"
            | "Karen"
            | "Kachin"
            | "Shan"
            | "Tigrayan"
            | "Amhara"
            | "Oromo"
    )
}

/// "South Asia", "West Africa", "the Middle East": regions, not states.
fn is_compass_region(words: &[&str]) -> bool {
    words.len() == 2
        && matches!(
            words[0],
            "North"
                | "South"
                | "East"
                | "West"
                | "Central"
                | "Southeast"
                | "Northeast"
                | "Northwest"
                | "Southwest"
                | "Eastern"
                | "Western"
                | "Northern"
                | "Southern"
                | "Middle"
                | "Near"
                | "Far"
        )
        && matches!(
            words[1],
            "Asia"
                | "Africa"
                | "America"
                | "Europe"
                | "East"
                | "Caucasus"
                | "Balkans"
                | "Pacific"
                | "Atlantic"
                | "Mediterranean"
                | "Arctic"
        )
}

/// The endings of English demonyms, for names the KB does not know.
fn looks_like_demonym(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.len() > 4
        && ["ian", "ean", "ican", "ese", "ish", "i", "ch", "ghan"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Nouns that name a publication: a name right after one ("the magazine
/// Dabiq", "a newspaper named ...") is the publication's title.
pub(crate) fn is_work_noun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "magazine"
            | "magazines"
            | "newspaper"
            | "journal"
            | "periodical"
            | "publication"
            | "newsletter"
            | "bulletin"
            | "weekly"
            | "daily"
            | "book"
            | "film"
            | "documentary"
            | "report"
            | "pamphlet"
            | "manifesto"
            | "video"
    )
}

/// What the context around a mention says about its type.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Context {
    /// A publication noun precedes the name, maybe with "named", "called",
    /// "titled" and quotes between.
    pub after_work_noun: bool,
    /// "Operation" is the first word of the name.
    pub operation: bool,
    /// A locative preposition precedes the name: "in Peshawar".
    pub after_locative: bool,
    /// The name opens its sentence in capitals before a bracket or a
    /// comma: a dateline's place, "CHICAGO (AP)", "BONN, Germany".
    pub dateline: bool,
}

/// How well a KB entry fits a mention of NER type `ner`: 0 rules it out.
pub(crate) fn fit(entry: &KbEntry, ner: EntityType) -> u8 {
    use EntityType as T;
    use EntryKind as K;
    match (ner, entry.kind) {
        (T::Person, K::Person) => 3,
        // A known country is never a person; a town named like a surname is.
        (T::Person, K::Country) => 2,
        (T::Person, _) => 0,
        (
            T::Loc | T::Gpe | T::Fac,
            K::Country | K::Admin1 | K::Admin2 | K::City | K::Region | K::Facility,
        ) => 3,
        (T::Loc | T::Gpe | T::Fac, K::Norp) => 1,
        (T::Loc | T::Gpe | T::Fac, K::Org) => 1,
        (T::Org, K::Org) => 3,
        // "Moscow said": a capital or country tagged as an organisation.
        (T::Org, K::Country) => 2,
        (T::Org, K::City) if entry.capital_of.is_some() => 1,
        (T::Org, K::Norp) => 1,
        (T::Norp, K::Norp) => 3,
        (T::Work, K::Work) | (T::Event, K::Event) => 3,
        (T::Misc | T::Norp | T::Work | T::Event, K::Norp | K::Work | K::Event | K::Org) => 2,
        (T::Misc, K::Country) => 1,
        (_, K::Person) => 0,
        _ => 0,
    }
}

/// The best KB entry for a name with NER type `ner`: the best fit, then KB
/// order (countries, provinces, places by the order the KB gives them).
///
/// A person links only from a PERSON mention, and only when the name is
/// one person's: a single word ("Khan") only when the KB lists it as a name
/// of its own ("Lula"), never by a vowel-folded variant, and a name two
/// people share links neither of them.
pub(crate) fn best_entry(kb: &Kb, name: &str, ner: EntityType) -> Option<dossier_kb::EntryIdx> {
    let mut best: Option<(u8, dossier_kb::EntryIdx)> = None;
    let key = dossier_kb::normalize::key(name);
    let loose_ok = dossier_kb::normalize::loose_key(name).len() >= 6;
    let one_word = !name.trim().contains(char::is_whitespace);
    let mut person: Option<dossier_kb::EntryIdx> = None;
    let mut n_persons = 0;
    for &idx in kb.lookup(name) {
        let entry = kb.entry(idx);
        let exact = || entry.names().any(|n| dossier_kb::normalize::key(n) == key);
        if entry.kind == EntryKind::Person {
            if ner == EntityType::Person && ((!one_word && loose_ok) || exact()) {
                n_persons += 1;
                person = Some(idx);
            }
            continue;
        }
        // The KB falls back to vowel-folded keys; for short names that
        // confuses places ("Sanaa" and "Sinai"), so a short name must match
        // one of the entry's names exactly.
        if !loose_ok && !exact() {
            continue;
        }
        let mut f = fit(entry, ner);
        // An organisation the NER took for a person ("al Qaeda said"), when
        // the name is exactly one the KB files as an organisation.
        if ner == EntityType::Person && entry.kind == EntryKind::Org && exact() {
            f = 1;
        }
        if f > 0 && !matches!(best, Some((b, _)) if f <= b) {
            best = Some((f, idx));
        }
    }
    if n_persons == 1 {
        return person;
    }
    best.map(|(_, i)| i)
}

/// The KB person a PERSON name means, where the name is one person's; see
/// [`best_entry`].
pub(crate) fn person_entry(kb: &Kb, name: &str) -> Option<dossier_kb::EntryIdx> {
    best_entry(kb, name, EntityType::Person).filter(|&e| kb.entry(e).kind == EntryKind::Person)
}

/// The fine type of a name with no KB entry, from its words and context.
pub(crate) fn refine(ner: EntityType, name: &str, ctx: Context) -> EntityType {
    use EntityType as T;
    let words: Vec<&str> = name.split_whitespace().collect();
    // Head words are listed capitalised; "the Bab al-Mandab strait" has a
    // lower-case one.
    let last = words.last().copied().unwrap_or("");
    let head_owned: String = last
        .chars()
        .take(1)
        .flat_map(char::to_uppercase)
        .chain(last.chars().skip(1))
        .collect();
    let head = head_owned.as_str();
    if ctx.after_work_noun && matches!(ner, T::Misc | T::Person | T::Org | T::Loc | T::Work) {
        return T::Work;
    }
    if ctx.operation || (is_event_head(head) && ner != T::Person) {
        return T::Event;
    }
    match ner {
        T::Loc | T::Gpe | T::Fac => {
            if is_fac_head(head) {
                T::Fac
            } else if is_loc_head(head)
                || words.first() == Some(&"Mount")
                || is_compass_region(&words)
            {
                T::Loc
            } else if is_gpe_head(head) {
                T::Gpe
            } else if ner == T::Loc {
                // Most places news names without a telling head word are
                // towns and provinces; the KB, when it knows the name, says
                // otherwise before this point.
                T::Gpe
            } else {
                ner
            }
        }
        // "Irkutsk Oblast", "Nyando District": no person's name ends in an
        // administrative designation.
        T::Person if is_area_designation(head) && words.len() > 1 => T::Gpe,
        T::Org if is_fac_head(head) && words.len() > 1 => T::Fac,
        T::Org if is_loc_head(head) && words.len() > 1 => T::Loc,
        // Without a KB entry, a single capitalised adjective the NER calls
        // MISC is nearly always a nationality: "Malian", "Iraqi", "French".
        T::Misc if words.len() == 1 && looks_like_demonym(head) => T::Norp,
        T::Misc if words.iter().any(|w| is_norp_word(w)) => T::Norp,
        _ => ner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType as T;

    #[test]
    fn head_words_decide_unknown_places() {
        let none = Context::default();
        assert_eq!(refine(T::Loc, "Bagram Airfield", none), T::Fac);
        assert_eq!(refine(T::Loc, "Red Sea", none), T::Loc);
        assert_eq!(refine(T::Loc, "Kaduna State", none), T::Gpe);
        assert_eq!(refine(T::Loc, "Gao", none), T::Gpe);
        assert_eq!(refine(T::Org, "Islamic State", none), T::Org);
        assert_eq!(refine(T::Misc, "Sunni", none), T::Norp);
        assert_eq!(refine(T::Misc, "Arab Spring", none), T::Event);
        assert_eq!(refine(T::Loc, "South Asia", none), T::Loc);
        assert_eq!(refine(T::Org, "Bab al-Mandab strait", none), T::Loc);
        assert_eq!(refine(T::Misc, "Malian", none), T::Norp);
        assert_eq!(refine(T::Misc, "Ramadan", none), T::Misc);
        assert_eq!(refine(T::Person, "Irkutsk Oblast", none), T::Gpe);
        assert_eq!(refine(T::Person, "Nyando District", none), T::Gpe);
        assert_eq!(refine(T::Person, "Abu Bakr", none), T::Person);
    }

    #[test]
    fn magazine_title_is_work() {
        let ctx = Context {
            after_work_noun: true,
            ..Context::default()
        };
        assert_eq!(refine(T::Person, "Khorasan Ghag", ctx), T::Work);
    }
}
