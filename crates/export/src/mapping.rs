//! Code mappings: CAMEO to ACLED event types and to PLOVER, CAMEO's quad
//! classes, and country names and codes from the knowledge base. The two
//! CAMEO tables are data files (`data/cameo_acled.tsv`,
//! `data/cameo_plover.tsv`), read once.

use std::collections::HashMap;
use std::sync::LazyLock;

use dossier_kb::Kb;

/// An ACLED event type and sub-type (the sub-type may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcledType {
    pub event_type: String,
    pub sub_event_type: String,
}

impl AcledType {
    /// ACLED's disorder type of the event type.
    pub fn disorder_type(&self) -> &'static str {
        match self.event_type.as_str() {
            "Battles" | "Explosions/Remote violence" | "Violence against civilians" => {
                "Political violence"
            }
            "Riots" => "Political violence; Demonstrations",
            "Protests" => "Demonstrations",
            _ => "Strategic developments",
        }
    }
}

/// A PLOVER event type with its mode and context (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverType {
    pub event: String,
    pub mode: String,
    pub context: String,
}

/// Rows of a mapping file: the first column is a CAMEO code or prefix.
fn table(text: &str) -> HashMap<String, Vec<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t').map(|c| c.trim().to_string());
            let code = cols.next().unwrap_or_default();
            (code, cols.collect())
        })
        .collect()
}

/// The row of the longest listed prefix of `code`.
fn longest<'a>(t: &'a HashMap<String, Vec<String>>, code: &str) -> Option<&'a Vec<String>> {
    (1..=code.len())
        .rev()
        .filter_map(|n| code.get(..n))
        .find_map(|p| t.get(p))
}

static ACLED: LazyLock<HashMap<String, Vec<String>>> =
    LazyLock::new(|| table(include_str!("../data/cameo_acled.tsv")));
static PLOVER: LazyLock<HashMap<String, Vec<String>>> =
    LazyLock::new(|| table(include_str!("../data/cameo_plover.tsv")));

/// The ACLED event type of a CAMEO code, where the mapping is sound.
pub fn acled_type(code: &str) -> Option<AcledType> {
    let row = longest(&ACLED, code)?;
    Some(AcledType {
        event_type: row.first().cloned().unwrap_or_default(),
        sub_event_type: row.get(1).cloned().unwrap_or_default(),
    })
}

/// The PLOVER event type, mode and context of a CAMEO code; `None` for the
/// CAMEO 01 statements, which PLOVER drops.
pub fn plover_type(code: &str) -> Option<PloverType> {
    let row = longest(&PLOVER, code)?;
    Some(PloverType {
        event: row.first().cloned().unwrap_or_default(),
        mode: row.get(1).cloned().unwrap_or_default(),
        context: row.get(2).cloned().unwrap_or_default(),
    })
}

pub use dossier_schema::quad_class;

/// Country and province names and codes, from the knowledge base.
pub(crate) struct Places {
    kb: Kb,
}

impl Places {
    pub fn load() -> Places {
        // The embedded KB is part of the binary and parses in tens of
        // milliseconds; a KB that fails to parse leaves the names empty
        // rather than failing the export.
        Places {
            kb: Kb::embedded().unwrap_or_else(|_| Kb::empty()),
        }
    }

    /// A country's name from its alpha-2 code.
    pub fn country_name(&self, alpha2: &str) -> Option<&str> {
        let idx = self.kb.country(alpha2)?;
        Some(self.kb.entry(idx).name.as_str())
    }

    /// A country's alpha-3 code (CAMEO's country codes are alpha-3), from
    /// the three-letter alias the KB lists for it.
    pub fn alpha3(&self, alpha2: &str) -> Option<&str> {
        let idx = self.kb.country(alpha2)?;
        self.kb
            .entry(idx)
            .aliases
            .iter()
            .find(|a| a.len() == 3 && a.bytes().all(|b| b.is_ascii_uppercase()))
            .map(String::as_str)
    }

    /// The first-level area (province, state) of a place actor, by its KB
    /// id, or the place itself when it is one.
    pub fn admin1_name(&self, actor_id: &str) -> Option<&str> {
        let entry = self.kb.entry(self.kb.by_id(actor_id)?);
        if entry.kind.as_str() == "admin1" {
            return Some(entry.name.as_str());
        }
        let key = entry.admin1.as_deref()?;
        Some(self.kb.entry(self.kb.admin1(key)?).name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        let t = |c: &str| acled_type(c).map(|t| format!("{} / {}", t.event_type, t.sub_event_type));
        assert_eq!(
            t("1831").as_deref(),
            Some("Explosions/Remote violence / Suicide bomb")
        );
        assert_eq!(
            t("1832").as_deref(),
            Some("Explosions/Remote violence / Remote explosive/landmine/IED")
        );
        assert_eq!(t("145").as_deref(), Some("Riots / Violent demonstration"));
        assert_eq!(t("141").as_deref(), Some("Protests / Peaceful protest"));
        assert_eq!(t("180"), None);
        assert_eq!(t("042"), None);
        let p = plover_type("1952").unwrap();
        assert_eq!((p.event.as_str(), p.mode.as_str()), ("ASSAULT", "drone"));
        assert_eq!(plover_type("010"), None);
        assert_eq!(plover_type("0871").unwrap().event, "RETREAT");
        assert_eq!(plover_type("083").unwrap().event, "CONCEDE");
    }

    #[test]
    fn every_cameo_root_has_a_quad_class() {
        for r in 1..=20 {
            assert!(quad_class(&format!("{r:02}")).is_some());
        }
        assert_eq!(quad_class("18"), Some(4));
        assert_eq!(quad_class("04"), Some(1));
    }
}
