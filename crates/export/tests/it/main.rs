//! Integration tests of the exports, on a store built here from documents
//! in the shape `dossier extract` writes: one story over five weeks, with
//! several actors, places, relations, events and claims.

mod fixture;
mod formats;
mod readers;
mod speed;

use std::path::PathBuf;

use dossier_export::{export, Filter, Format, Output};
use dossier_schema::Modality;
use dossier_store::{RowFilter, Store};
use fixture::Doc;

/// The story: TTP bombs a checkpoint in Peshawar (told by two outlets),
/// the army strikes back from the air, Jamaat-e-Islami protests in Lahore,
/// and a spokesman and a leader are named.
pub fn story() -> (tempfile::TempDir, Store, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("graph.db");
    let mut store = Store::open(&path).expect("a new store opens");
    let a1 = Doc::new(
        "a1",
        "2024-03-01",
        "Tehrik-i-Taliban Pakistan (TTP) bombed an army checkpoint in Peshawar on Friday, killing four soldiers of the Pakistan Army. Army spokesman Ahmed Sharif said the attack would be avenged.",
    )
    .url("https://dawn.example/ttp-peshawar", "Dawn")
    .entity("Tehrik-i-Taliban Pakistan", "ORG", Some("dossier:ttp"), &["TTP"])
    .entity("Pakistan Army", "ORG", None, &[])
    .entity("Peshawar", "GPE", None, &[])
    .entity("Ahmed Sharif", "PERSON", None, &[])
    .event("1833", Some(0), Some(1), Some(2), "bombed", Some("2024-03-01"), Modality::Asserted)
    .relation(3, "spokesperson_of", 1, "Army spokesman Ahmed Sharif", None)
    .claim(3, "the attack would be avenged")
    .build();
    let a2 = Doc::new(
        "a2",
        "2024-03-02",
        "A roadside bomb planted by the TTP struck soldiers of the Pakistan Army near Peshawar, the provincial police chief told reporters late on Friday night, adding that militants had also exchanged fire with troops.",
    )
    .url("https://tribune.example/peshawar-blast", "Express Tribune")
    .entity("TTP", "ORG", Some("dossier:ttp"), &[])
    .entity("Pakistan Army", "ORG", None, &[])
    .entity("Peshawar", "GPE", None, &[])
    .event("1833", Some(0), Some(1), Some(2), "struck", Some("2024-03-01"), Modality::Asserted)
    .event("193", Some(0), Some(1), None, "exchanged fire", None, Modality::Asserted)
    .build();
    let a3 = Doc::new(
        "a3",
        "2024-03-20",
        "Thousands of Jamaat-e-Islami supporters marched through Lahore on Wednesday to demand talks with the government, while officials denied that any meeting with TTP envoys had taken place.",
    )
    .url("https://geo.example/lahore-march", "Geo News")
    .entity("Jamaat-e-Islami", "ORG", None, &[])
    .entity("Lahore", "GPE", None, &[])
    .entity("TTP", "ORG", Some("dossier:ttp"), &[])
    .event("141", Some(0), None, Some(1), "marched", Some("2024-03-20"), Modality::Asserted)
    .event("040", Some(2), None, None, "meeting", None, Modality::Denied)
    .build();
    let a4 = Doc::new(
        "a4",
        "2024-04-05",
        "Pakistan Army jets struck TTP hideouts in Khyber district on Thursday. Noor Wali Mehsud, who has led the TTP since 2018, was not among the dead, a militant commander said.",
    )
    .url("https://dawn.example/khyber-strikes", "Dawn")
    .entity("Pakistan Army", "ORG", None, &[])
    .entity("TTP", "ORG", Some("dossier:ttp"), &[])
    .entity("Khyber", "GPE", None, &[])
    .entity("Noor Wali Mehsud", "PERSON", None, &[])
    .event("195", Some(0), Some(1), Some(2), "jets struck", Some("2024-04-04"), Modality::Asserted)
    .relation(3, "leader_of", 1, "Noor Wali Mehsud, who has led the TTP since 2018", Some("2018"))
    .build();
    store
        .ingest(&[a1, a2, a3, a4])
        .expect("the story is stored");
    (dir, store, path)
}

/// An export into a string, with a resolved filter.
pub fn export_text(store: &Store, format: Format, filter: &Filter) -> String {
    let f = filter.resolve(store).expect("the filter resolves");
    export_with(store, format, &f)
}

pub fn export_with(store: &Store, format: Format, filter: &RowFilter) -> String {
    let mut out = Vec::new();
    export(store, format, filter, Output::Writer(&mut out)).expect("the export succeeds");
    String::from_utf8(out).expect("utf-8")
}
