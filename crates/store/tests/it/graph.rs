//! The graph across articles: identity, duplicates, actors, events told
//! once, relations with a history, and curation.

use dossier_schema::{Modality, OutputDocument};
use dossier_store::{ArticleIdentity, Curation, Store};

use crate::fixture::Doc;
use crate::store;

const PESHAWAR: &str = "PESHAWAR, March 4 - Tehrik-i-Taliban Pakistan (TTP) attacked a police \
checkpoint outside Peshawar on Monday, killing two officers, the provincial police chief said. \
The group, which has carried out dozens of raids in Khyber Pakhtunkhwa since the ceasefire \
collapsed, said in a statement that it would keep fighting until its demands were met. \
Residents described hours of gunfire before reinforcements arrived from the city.";

const WIRE_COPY: &str = "Pakistani Taliban strike checkpoint near Peshawar\n\nBy a staff \
reporter\n\nPESHAWAR, March 4 - Tehrik-i-Taliban Pakistan (TTP) attacked a police \
checkpoint outside Peshawar on Monday, killing two officers, the provincial police chief said. \
The group, which has carried out dozens of raids in Khyber Pakhtunkhwa since the ceasefire \
collapsed, said in a statement that it would keep fighting until its demands were met.";

pub(crate) const KARACHI: &str =
    "KARACHI, March 5 - The TTP claimed a bombing at a market in Karachi on \
Tuesday that wounded eleven shoppers, according to a message its spokesman Muhammad Khurasani \
posted online. Officials in Sindh ordered extra patrols near mosques and bus stations while \
investigators examined fragments of the device found under a vegetable stall.";

const BAMAKO: &str = "BAMAKO, April 2 - Jama'at Nusrat al-Islam wal-Muslimin (JNIM), the Sahel \
branch of al-Qaeda, ambushed an army convoy near Boni in central Mali, the defence ministry \
said. Soldiers repelled the assault after a battle of several hours, and the ministry reported \
losses among the attackers without giving a number.";

const MOPTI: &str = "MOPTI, April 9 - JNIM fighters set fire to a customs post on the road to \
Sevare overnight, local officials said, a week after the group attacked a convoy in the same \
region. Traders said the road was closed for most of the morning while troops searched nearby \
hamlets for the gunmen.";

pub(crate) fn peshawar() -> OutputDocument {
    Doc::new("peshawar", "2024-03-04", PESHAWAR)
        .url("https://news.example/pk/peshawar-attack", "Example News")
        .entity(
            "Tehrik-i-Taliban Pakistan",
            "ORG",
            Some("dossier:ttp"),
            &["TTP"],
        )
        .entity("Peshawar", "GPE", Some("1168197"), &[])
        .entity("Khyber Pakhtunkhwa", "GPE", Some("1168873"), &[])
        .event(
            "190",
            Some(0),
            None,
            Some(1),
            "attacked",
            Some("2024-03-04"),
            Modality::Asserted,
        )
        .relation(1, "located_in", 2, "Peshawar", None)
        .claim(0, "it would keep fighting until its demands were met")
        .build()
}

pub(crate) fn wire_copy() -> OutputDocument {
    Doc::new("wire", "2024-03-04", WIRE_COPY)
        .url(
            "https://wire.example/asia/taliban-checkpoint",
            "Wire Service",
        )
        .entity(
            "Tehrik-i-Taliban Pakistan",
            "ORG",
            Some("dossier:ttp"),
            &["TTP"],
        )
        .entity("Peshawar", "GPE", Some("1168197"), &[])
        .event(
            "190",
            Some(0),
            None,
            Some(1),
            "attacked",
            Some("2024-03-04"),
            Modality::Asserted,
        )
        .build()
}

pub(crate) fn karachi() -> OutputDocument {
    Doc::new("karachi", "2024-03-05", KARACHI)
        .url("https://daily.example/karachi-blast", "Daily Example")
        .entity("TTP", "ORG", None, &[])
        .entity("Karachi", "GPE", Some("1174872"), &[])
        .entity("Muhammad Khurasani", "PERSON", None, &[])
        .event(
            "183",
            Some(0),
            None,
            Some(1),
            "bombing",
            Some("2024-03-05"),
            Modality::Claimed,
        )
        .relation(
            2,
            "spokesperson_of",
            0,
            "its spokesman Muhammad Khurasani",
            None,
        )
        .build()
}

pub(crate) fn bamako() -> OutputDocument {
    Doc::new("bamako", "2024-04-02", BAMAKO)
        .entity(
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "ORG",
            None,
            &["JNIM"],
        )
        .entity("al-Qaeda", "ORG", Some("Q34490"), &[])
        .entity("Mali", "GPE", Some("iso:ML"), &[])
        .relation(
            0,
            "affiliate_of",
            1,
            "the Sahel branch of al-Qaeda",
            Some("2017"),
        )
        .event(
            "190",
            Some(0),
            Some(2),
            None,
            "ambushed",
            Some("2024-04-02"),
            Modality::Asserted,
        )
        .build()
}

pub(crate) fn mopti() -> OutputDocument {
    Doc::new("mopti", "2024-04-09", MOPTI)
        .entity("JNIM", "ORG", None, &[])
        .entity("Sevare", "GPE", None, &[])
        .event(
            "190",
            Some(0),
            None,
            Some(1),
            "set fire",
            Some("2024-04-09"),
            Modality::Asserted,
        )
        .build()
}

pub(crate) fn all() -> Vec<OutputDocument> {
    vec![peshawar(), karachi(), bamako(), mopti()]
}

fn actor_of(store: &Store, name: &str) -> Vec<String> {
    store
        .find_actors(name)
        .expect("the lookup runs")
        .into_iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn ingesting_again_changes_nothing() {
    let (_dir, mut store, _) = store();
    let first = store.ingest(&all()).expect("ingest");
    assert_eq!(first.added, 4);
    let before = store.dump().expect("dump");
    let again = store.ingest(&all()).expect("ingest again");
    assert_eq!((again.added, again.unchanged), (0, 4));
    assert_eq!(store.dump().expect("dump"), before);
}

#[test]
fn an_acronym_learnt_in_one_article_links_a_bare_one_in_another() {
    let (_dir, mut store, _) = store();
    store.ingest(&all()).expect("ingest");
    let jnim = actor_of(&store, "JNIM");
    assert_eq!(
        jnim,
        vec!["x:org:jamaat-nusrat-al-islam-wal-muslimin".to_string()]
    );
    assert_eq!(
        actor_of(&store, "Jama'at Nusrat al-Islam wal-Muslimin"),
        jnim
    );
    let a = store.actor(&jnim[0]).expect("read").expect("the actor");
    assert_eq!(a.articles, 2);
    // The bare "TTP" without a KB link joins the KB actor by its alias.
    assert_eq!(actor_of(&store, "TTP"), vec!["dossier:ttp".to_string()]);
    assert_eq!(
        store
            .actor("dossier:ttp")
            .expect("read")
            .expect("actor")
            .articles,
        2
    );
}

#[test]
fn an_own_actor_folds_into_the_kb_actor_whatever_the_order() {
    let (_dir, mut a, _) = store();
    a.ingest(&[karachi()]).expect("ingest");
    a.ingest(&[peshawar()]).expect("ingest");
    let (_dir2, mut b, _) = store();
    b.ingest(&[peshawar()]).expect("ingest");
    b.ingest(&[karachi()]).expect("ingest");
    assert_eq!(actor_of(&a, "TTP"), vec!["dossier:ttp".to_string()]);
    let strip = |s: &Store| {
        let d = s.dump().expect("dump").0;
        // Redirects record the order things happened in; the graph itself
        // must not.
        d.split("## entities")
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert_eq!(strip(&a), strip(&b));
}

#[test]
fn a_near_duplicate_raises_the_source_count_and_nothing_else() {
    let (_dir, mut store, _) = store();
    store.ingest(&[peshawar()]).expect("ingest");
    let before = store.stats().expect("stats");
    let event = store.events_of("dossier:ttp", 10).expect("events")[0].clone();
    let r = store.ingest(&[wire_copy()]).expect("ingest the copy");
    assert_eq!((r.added, r.duplicates), (0, 1));
    let after = store.stats().expect("stats");
    assert_eq!(after.articles, before.articles);
    assert_eq!(after.duplicates, 1);
    assert_eq!(after.events, before.events);
    assert_eq!(after.event_mentions, before.event_mentions);
    assert_eq!(after.claims, before.claims);
    let now = store.events_of("dossier:ttp", 10).expect("events")[0].clone();
    assert_eq!((event.sources, now.sources), (1, 2));
    assert_eq!(
        (now.articles, now.mentions),
        (event.articles, event.mentions)
    );
}

#[test]
fn a_changed_text_under_the_same_url_replaces_the_old_facts() {
    let (_dir, mut store, _) = store();
    store.ingest(&[peshawar()]).expect("ingest");
    let mut v2 = peshawar_corrected();
    v2.title = Some("Corrected".into());
    let r = store.ingest(&[v2]).expect("ingest the new version");
    assert_eq!(r.replaced, 1);
    let s = store.stats().expect("stats");
    assert_eq!((s.articles, s.events, s.claims, s.relations), (1, 0, 0, 0));
    assert!(store.actor("dossier:ttp").expect("read").is_some());
}

/// The version of the Peshawar article that the Karachi text corrects.
fn peshawar_corrected() -> OutputDocument {
    Doc::new("peshawar", "2024-03-04", KARACHI)
        .url("https://news.example/pk/peshawar-attack", "Example News")
        .entity("TTP", "ORG", Some("dossier:ttp"), &[])
        .build()
}

#[test]
fn a_stored_article_is_known_by_its_identity_and_text() {
    let (_dir, mut store, _) = store();
    let stored = |store: &Store, url: Option<&str>, text: &str| {
        store
            .is_stored(&ArticleIdentity::of(url, text))
            .expect("the store answers")
    };
    let url = "https://news.example/pk/peshawar-attack";
    assert!(!stored(&store, Some(url), PESHAWAR));
    store.ingest(&[peshawar()]).expect("ingest");
    // The URL as an identity (case of the host, fragment, trailing slash)
    // and the text up to whitespace, as ingest compares them.
    let respaced = PESHAWAR.replace(". ", ".\n\n");
    let same_url = "https://NEWS.example/pk/peshawar-attack/#comments";
    assert!(stored(&store, Some(same_url), &respaced));
    // A new text under the URL replaces the old one; the text under no URL
    // (or another) is another article, an exact copy.
    assert!(!stored(&store, Some(url), KARACHI));
    assert!(!stored(&store, None, PESHAWAR));
    assert!(!stored(
        &store,
        Some("https://other.example/copy"),
        PESHAWAR
    ));
    // An article without a URL is its text.
    store.ingest(&[bamako()]).expect("ingest");
    assert!(stored(&store, None, BAMAKO));
}

#[test]
fn the_full_text_index_holds_the_last_version_of_an_article() {
    // Both versions in one batch: the first is never indexed.
    let (_dir, mut one, _) = store();
    one.ingest(&[peshawar(), peshawar_corrected(), bamako()])
        .expect("ingest");
    assert_eq!(one.search("vegetable stall", 10).expect("search").len(), 1);
    assert!(one.search("checkpoint", 10).expect("search").is_empty());
    assert_eq!(one.search("convoy", 10).expect("search").len(), 1);
    // The new version in a later batch: the old text leaves the index.
    let (_dir2, mut two, _) = store();
    two.ingest(&[peshawar()]).expect("ingest");
    assert_eq!(two.search("checkpoint", 10).expect("search").len(), 1);
    two.ingest(&[peshawar_corrected()]).expect("ingest");
    assert!(two.search("checkpoint", 10).expect("search").is_empty());
    assert_eq!(two.search("vegetable stall", 10).expect("search").len(), 1);
}

#[test]
fn one_event_told_by_two_articles_is_stored_once() {
    let (_dir, mut store, _) = store();
    let other = Doc::new(
        "other",
        "2024-03-05",
        "Police in Peshawar said on Tuesday that the TTP attack on a checkpoint on Monday had \
         been planned for weeks, and that officers had received warnings about the route the \
         attackers used to reach the outskirts of the city before dawn.",
    )
    .url("https://other.example/peshawar-follow-up", "Other Outlet")
    .entity("TTP", "ORG", Some("dossier:ttp"), &[])
    .entity("Peshawar", "GPE", Some("1168197"), &[])
    .event(
        "190",
        Some(0),
        None,
        Some(1),
        "attack",
        Some("2024-03-04"),
        Modality::Asserted,
    )
    .build();
    store.ingest(&[peshawar(), other]).expect("ingest");
    let events = store.events_of("dossier:ttp", 10).expect("events");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].mentions, events[0].articles, events[0].sources),
        (2, 2, 2)
    );
    assert_eq!(events[0].date.as_deref(), Some("2024-03-04"));
}

#[test]
fn a_claimed_event_is_not_merged_with_an_asserted_one() {
    let (_dir, mut store, _) = store();
    let claimed = Doc::new(
        "claimed",
        "2024-03-04",
        "The TTP said its fighters attacked a checkpoint at Peshawar, a claim officials in the \
         provincial capital neither confirmed nor denied when reporters asked them about the \
         statement circulated by the group late in the evening.",
    )
    .entity("TTP", "ORG", Some("dossier:ttp"), &[])
    .entity("Peshawar", "GPE", Some("1168197"), &[])
    .event(
        "190",
        Some(0),
        None,
        Some(1),
        "attacked",
        None,
        Modality::Claimed,
    )
    .build();
    store.ingest(&[peshawar(), claimed]).expect("ingest");
    let events = store.events_of("dossier:ttp", 10).expect("events");
    assert_eq!(events.len(), 2, "{events:?}");
}

#[test]
fn relations_keep_their_history() {
    let (_dir, mut store, _) = store();
    store.ingest(&all()).expect("ingest");
    let rels = store.relations_of("Q34490").expect("relations");
    assert_eq!(rels.len(), 1);
    let r = &rels[0];
    assert_eq!(r.predicate, "affiliate_of");
    assert_eq!(r.first_seen.as_deref(), Some("2024-04-02"));
    assert_eq!(r.valid_from.as_deref(), Some("2017-01-01"));
    assert_eq!(r.valid_to.as_deref(), Some("2017-12-31"));
    assert_eq!(r.articles, 1);
}

const GAO: &str = "GAO, May 6 - JNIM, which pledged allegiance to al-Qaeda when it formed, \
claimed an attack on a market town east of Gao, residents said. The fighters had left on \
motorbikes by the time troops arrived in the afternoon.";

const GAO_CORRECTED: &str = "GAO, May 6 - Gunmen attacked a market town east of Gao, residents \
said, correcting an earlier account that named the group behind it. The fighters had left on \
motorbikes by the time troops arrived in the afternoon.";

const TIMBUKTU: &str = "TIMBUKTU, June 11 - JNIM, al-Qaeda's branch in the Sahel since 2019 \
by its own account, laid siege to the road into Timbuktu, traders said, and no lorry has \
reached the city's market in three days.";

/// An article that states `JNIM affiliate_of al-Qaeda`, with the time the
/// evidence gives.
fn jnim_article(id: &str, date: &str, text: &str, evidence: &str, time: &str) -> OutputDocument {
    Doc::new(id, date, text)
        .url(&format!("https://news.example/ml/{id}"), "Example News")
        .entity(
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "ORG",
            None,
            &["JNIM"],
        )
        .entity("al-Qaeda", "ORG", Some("Q34490"), &[])
        .relation(0, "affiliate_of", 1, evidence, Some(time))
        .build()
}

#[test]
fn a_relation_counted_batch_by_batch_is_counted_as_in_one_batch() {
    let gao = jnim_article(
        "gao",
        "2024-05-06",
        GAO,
        "pledged allegiance to al-Qaeda",
        "2017",
    );
    let timbuktu = jnim_article(
        "timbuktu",
        "2024-06-11",
        TIMBUKTU,
        "al-Qaeda's branch in the Sahel since 2019",
        "2019",
    );
    let docs = vec![bamako(), gao.clone(), timbuktu.clone()];
    let (_d1, mut whole, _) = store();
    whole.ingest(&docs).expect("ingest");
    let (_d2, mut one_by_one, _) = store();
    for d in &docs {
        one_by_one.ingest(std::slice::from_ref(d)).expect("ingest");
    }
    assert_eq!(
        whole.dump().expect("dump"),
        one_by_one.dump().expect("dump")
    );
    let rels = one_by_one.relations_of("Q34490").expect("relations");
    assert_eq!(rels.len(), 1);
    let r = &rels[0];
    assert_eq!((r.articles, r.mentions), (3, 3));
    assert_eq!(r.first_seen.as_deref(), Some("2024-04-02"));
    assert_eq!(r.last_seen.as_deref(), Some("2024-06-11"));
    assert_eq!(r.valid_from.as_deref(), Some("2017-01-01"));
    assert_eq!(r.valid_to.as_deref(), Some("2019-12-31"));
    // Three witnesses at 0.8 (an f32 in the output): 1 - 0.2^3.
    assert!((r.confidence - 0.992).abs() < 1e-6, "{}", r.confidence);

    // A corrected text under the same URL takes its statement back: the
    // relation is counted again from the mentions that are left.
    let corrected = Doc::new("gao", "2024-05-06", GAO_CORRECTED)
        .url("https://news.example/ml/gao", "Example News")
        .build();
    one_by_one
        .ingest(std::slice::from_ref(&corrected))
        .expect("ingest");
    let (_d3, mut fresh, _) = store();
    fresh
        .ingest(&[bamako(), corrected, timbuktu])
        .expect("ingest");
    let r = &one_by_one.relations_of("Q34490").expect("relations")[0];
    assert_eq!((r.articles, r.mentions), (2, 2));
    assert_eq!(r.last_seen.as_deref(), Some("2024-06-11"));
    assert_eq!(relations_dumped(&one_by_one), relations_dumped(&fresh));
}

/// The relations section of a store's dump.
fn relations_dumped(s: &Store) -> String {
    let dump = s.dump().expect("dump").0;
    let start = dump.find("## relations").expect("a relations section");
    let end = dump[start..].find("## events").expect("an events section") + start;
    dump[start..end].to_string()
}

#[test]
fn an_own_actor_folded_in_mid_batch_leaves_its_relations_counted() {
    // Karachi's TTP is an own actor, with a spokesman; Peshawar's TTP
    // carries the KB link, and linking it folds the own actor in, moving
    // the spokesman's relation, inside the batch that added it.
    let (_d1, mut one_batch, _) = store();
    one_batch
        .ingest(&[karachi(), peshawar()])
        .expect("ingest in one batch");
    let (_d2, mut two_batches, _) = store();
    two_batches.ingest(&[karachi()]).expect("ingest");
    two_batches.ingest(&[peshawar()]).expect("ingest");
    assert_eq!(relations_dumped(&one_batch), relations_dumped(&two_batches));
    let rels = one_batch.relations_of("dossier:ttp").expect("relations");
    let spokesman: Vec<_> = rels
        .iter()
        .filter(|r| r.predicate == "spokesperson_of")
        .collect();
    assert_eq!(spokesman.len(), 1);
    assert_eq!((spokesman[0].articles, spokesman[0].mentions), (1, 1));
}

#[test]
fn a_surname_alone_never_makes_a_person_and_namesakes_stay_apart() {
    let (_dir, mut store, _) = store();
    let docs = vec![
        Doc::new("a", "2024-05-01", "Imran Khan addressed supporters in Lahore on Wednesday, and Khan said the vote had been stolen from his party by officials he did not name.")
            .entity("Imran Khan", "PERSON", None, &["Khan"])
            .build(),
        Doc::new("b", "2024-05-02", "London mayor Sadiq Khan opened a new bus route across the river on Thursday, saying the city needed cheaper ways to reach its outer boroughs.")
            .entity("Sadiq Khan", "PERSON", None, &[])
            .build(),
        Doc::new("c", "2024-05-03", "Khan did not attend the hearing at the court in the capital on Friday, his lawyers told reporters who had waited outside since early morning.")
            .entity("Khan", "PERSON", None, &[])
            .build(),
    ];
    store.ingest(&docs).expect("ingest");
    let s = store.stats().expect("stats");
    assert_eq!(s.actors_by_type.get("PERSON"), Some(&2));
    assert_eq!(s.unlinked_entities, 1);
    assert!(actor_of(&store, "Khan").is_empty());
    assert_ne!(
        actor_of(&store, "Imran Khan"),
        actor_of(&store, "Sadiq Khan")
    );
}

#[test]
fn a_name_two_actors_answer_to_stays_unlinked() {
    let (_dir, mut store, _) = store();
    let docs = vec![
        Doc::new("a", "2024-06-01", "The Movement for Justice (MJ) called a strike in the capital on Saturday over fuel prices, and shops stayed shut across the old town.")
            .entity("Movement for Justice", "ORG", None, &["MJ"])
            .build(),
        Doc::new("b", "2024-06-02", "Leaders of the Mouvement des Jeunes (MJ) met the interior minister on Sunday to demand the release of students arrested at a rally in the north.")
            .entity("Mouvement des Jeunes", "ORG", None, &["MJ"])
            .build(),
        Doc::new("c", "2024-06-03", "MJ said on Monday it would take its members back onto the streets if the government did not answer its letter within a week.")
            .entity("MJ", "ORG", None, &[])
            .build(),
    ];
    store.ingest(&docs).expect("ingest");
    assert_eq!(store.stats().expect("stats").actors, 2);
    assert_eq!(actor_of(&store, "MJ").len(), 2);
    assert_eq!(store.stats().expect("stats").unlinked_entities, 1);
}

#[test]
fn curation_holds_through_later_ingests() {
    let (_dir, mut store, _) = store();
    store.ingest(&[bamako()]).expect("ingest");
    let sahel = Doc::new("sahel", "2024-04-20", "The Group for the Support of Islam and Muslims warned truck drivers on the Niger border to stop carrying fuel for the army, in a message read out at markets in the area.")
        .entity("Group for the Support of Islam and Muslims", "ORG", None, &[])
        .build();
    store.ingest(&[sahel]).expect("ingest");
    let jnim = actor_of(&store, "JNIM")[0].clone();
    let gsim = actor_of(&store, "Group for the Support of Islam and Muslims")[0].clone();
    assert_ne!(jnim, gsim);
    let kept = store
        .curate(&Curation::Merge {
            keep: jnim.clone(),
            gone: gsim.clone(),
        })
        .expect("merge");
    assert_eq!(kept, jnim);
    // The old id still finds the actor, and a later article under the
    // merged name links to it.
    assert_eq!(actor_of(&store, &gsim), vec![jnim.clone()]);
    let later = Doc::new("later", "2024-05-01", "A convoy of fuel trucks turned back at the border after the Group for the Support of Islam and Muslims set up checkpoints along the highway, drivers said.")
        .entity("Group for the Support of Islam and Muslims", "ORG", None, &[])
        .build();
    store.ingest(&[later]).expect("ingest");
    assert_eq!(
        store.actor(&jnim).expect("read").expect("actor").articles,
        3
    );

    // A removed alias no longer links.
    store
        .curate(&Curation::AliasRemove {
            actor: jnim.clone(),
            name: "JNIM".into(),
        })
        .expect("remove");
    store.ingest(&[mopti()]).expect("ingest");
    assert!(!actor_of(&store, "JNIM").contains(&jnim));

    // An added alias does.
    store
        .curate(&Curation::AliasAdd {
            actor: jnim.clone(),
            name: "Nusrat al-Islam".into(),
        })
        .expect("add");
    let alias = Doc::new("alias", "2024-05-09", "Nusrat al-Islam released a video of a raid on a gold mine in the north of Burkina Faso, the third such video this month, analysts said.")
        .entity("Nusrat al-Islam", "ORG", None, &[])
        .build();
    store.ingest(&[alias]).expect("ingest");
    assert_eq!(actor_of(&store, "Nusrat al-Islam"), vec![jnim.clone()]);
    assert_eq!(store.judgements().expect("judgements").len(), 3);
}

#[test]
fn a_split_moves_a_name_to_an_actor_of_its_own() {
    let (_dir, mut store, _) = store();
    store.ingest(&all()).expect("ingest");
    let ttp = "dossier:ttp".to_string();
    let new = store
        .curate(&Curation::Split {
            actor: ttp.clone(),
            name: "TTP".into(),
        })
        .expect("split");
    assert_ne!(new, ttp);
    // Both entities that went by "TTP" move, with their events.
    assert_eq!(store.actor(&new).expect("read").expect("actor").articles, 2);
    assert_eq!(store.events_of(&new, 10).expect("events").len(), 2);
    assert_eq!(store.actor(&ttp).expect("read").expect("actor").articles, 0);
    assert!(!actor_of(&store, "TTP").contains(&ttp));
    assert!(store
        .curate(&Curation::Merge {
            keep: "Q34490".into(),
            gone: ttp,
        })
        .is_err());
}

#[test]
fn full_text_search_finds_articles() {
    let (_dir, mut store, _) = store();
    store.ingest(&all()).expect("ingest");
    let hits = store.search("customs post", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("[customs]"), "{}", hits[0].snippet);
    assert!(
        store
            .search("checkpoint OR convoy", 10)
            .expect("search")
            .len()
            >= 2
    );
}
