//! The query layer on a fixture store built here from articles written for
//! these tests: a Pakistani story over three weeks (TTP, its spokesman, the
//! police, a wire copy) and a Malian one (JNIM). Answers are rendered one
//! line per item and compared with `expect!` snapshots
//! (`UPDATE_EXPECT=1 cargo test -p dossier-query` refreshes them).

mod fixture;

use std::fmt::Write as _;

use dossier_query::{
    actor_dossier, claims, events, network, search, timeline, ActorRef, ClaimFilter, EventFilter,
    EventRow, Lookup, Near, NetworkFilter, Page, Period, QueryError, Store,
};
use dossier_schema::{Modality, OutputDocument};
use expect_test::{expect, Expect};

use crate::fixture::Doc;

const PESHAWAR: &str = "PESHAWAR, March 4 - Tehrik-i-Taliban Pakistan (TTP) attacked a police \
checkpoint outside Peshawar on Monday, killing two officers, the provincial police chief said. \
The group, which has carried out dozens of raids in Khyber Pakhtunkhwa since the ceasefire \
collapsed, said in a statement that it would keep fighting until its demands were met.";

const WIRE_COPY: &str = "Pakistani Taliban strike checkpoint near Peshawar\n\nBy a staff \
reporter\n\nPESHAWAR, March 4 - Tehrik-i-Taliban Pakistan (TTP) attacked a police \
checkpoint outside Peshawar on Monday, killing two officers, the provincial police chief said. \
The group, which has carried out dozens of raids in Khyber Pakhtunkhwa since the ceasefire \
collapsed, said in a statement that it would keep fighting until its demands were met.";

const KARACHI: &str = "KARACHI, March 12 - The TTP claimed a bombing at a market in Karachi on \
Tuesday that wounded eleven shoppers, according to a message its spokesman Muhammad Khurasani \
posted online. Khurasani said the Pakistani government would pay for its raids on the tribal \
districts. Officials in Sindh ordered extra patrols near mosques and bus stations.";

const NAQVI: &str = "ISLAMABAD, March 20 - Interior Minister Mohsin Naqvi accused the TTP of \
planning the Karachi market bombing from across the border and said Pakistan would not talk \
to the group. Naqvi said police had arrested four men linked to the TTP in Quetta. TTP \
spokesman Muhammad Khurasani denied any link to the men.";

const BAMAKO: &str = "BAMAKO, April 2 - Jama'at Nusrat al-Islam wal-Muslimin (JNIM), the Sahel \
branch of al-Qaeda, ambushed an army convoy near Boni in central Mali, the defence ministry \
said. Soldiers repelled the assault after a battle of several hours.";

const MOPTI: &str = "MOPTI, April 9 - JNIM fighters set fire to a customs post on the road to \
Sevare overnight, local officials said, a week after the group attacked a convoy in the same \
region. JNIM, an affiliate of al-Qaeda, has expanded south in the past year.";

fn peshawar() -> OutputDocument {
    Doc::new("peshawar", "2024-03-04", PESHAWAR)
        .url("https://news.example/pk/peshawar-attack", "Example News")
        .entity(
            "Tehrik-i-Taliban Pakistan",
            "ORG",
            Some("dossier:ttp"),
            &["TTP"],
        )
        .entity("Peshawar", "GPE", Some("1168197"), &[])
        .at(34.01, 71.54, "PK")
        .entity("Khyber Pakhtunkhwa", "GPE", Some("1168873"), &[])
        .at(34.5, 72.0, "PK")
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

fn wire_copy() -> OutputDocument {
    let mut d = peshawar();
    d.id = "wire".into();
    d.url = Some("https://wire.example/asia/taliban-checkpoint".into());
    d.source = Some("Wire Service".into());
    d.text = WIRE_COPY.into();
    d
}

fn karachi() -> OutputDocument {
    Doc::new("karachi", "2024-03-12", KARACHI)
        .url("https://daily.example/karachi-blast", "Daily Example")
        .entity("TTP", "ORG", None, &[])
        .entity("Karachi", "GPE", Some("1174872"), &[])
        .at(24.86, 67.01, "PK")
        .entity("Muhammad Khurasani", "PERSON", None, &["Khurasani"])
        .title("spokesman")
        .entity("Pakistani government", "ORG", None, &[])
        .event(
            "183",
            Some(0),
            None,
            Some(1),
            "bombing",
            Some("2024-03-12"),
            Modality::Claimed,
        )
        .relation(
            2,
            "spokesperson_of",
            0,
            "its spokesman Muhammad Khurasani",
            None,
        )
        .claim_about(
            2,
            "the Pakistani government would pay for its raids on the tribal districts",
            &[3],
        )
        .build()
}

fn naqvi() -> OutputDocument {
    Doc::new("naqvi", "2024-03-20", NAQVI)
        .url("https://news.example/pk/naqvi-ttp", "Example News")
        .entity("Mohsin Naqvi", "PERSON", None, &["Naqvi"])
        .title("interior minister")
        .entity("TTP", "ORG", Some("dossier:ttp"), &[])
        .entity("Pakistan", "GPE", Some("iso:PK"), &[])
        .at(30.0, 70.0, "PK")
        .entity("Quetta", "GPE", Some("1167528"), &[])
        .at(30.18, 66.99, "PK")
        .entity("Muhammad Khurasani", "PERSON", None, &[])
        .event(
            "112",
            Some(0),
            Some(1),
            None,
            "accused",
            Some("2024-03-20"),
            Modality::Asserted,
        )
        .event(
            "173",
            Some(0),
            Some(1),
            Some(3),
            "arrested",
            None,
            Modality::Asserted,
        )
        .relation(
            4,
            "spokesperson_of",
            1,
            "TTP spokesman Muhammad Khurasani",
            None,
        )
        .claim_about(0, "Pakistan would not talk to the group", &[1])
        .build()
}

fn bamako() -> OutputDocument {
    Doc::new("bamako", "2024-04-02", BAMAKO)
        .entity(
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "ORG",
            None,
            &["JNIM"],
        )
        .entity("al-Qaeda", "ORG", Some("Q34490"), &[])
        .entity("Mali", "GPE", Some("iso:ML"), &[])
        .at(17.0, -4.0, "ML")
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

fn mopti() -> OutputDocument {
    Doc::new("mopti", "2024-04-09", MOPTI)
        .entity("JNIM", "ORG", None, &[])
        .entity("Sevare", "GPE", None, &[])
        .at(14.53, -4.1, "ML")
        .entity("al-Qaeda", "ORG", Some("Q34490"), &[])
        .event(
            "180",
            Some(0),
            None,
            Some(1),
            "set fire",
            Some("2024-04-09"),
            Modality::Asserted,
        )
        .relation(0, "affiliate_of", 2, "an affiliate of al-Qaeda", None)
        .build()
}

/// The fixture store, in a temporary folder kept alive with it.
fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("graph.db")).expect("a new store opens");
    store
        .ingest(&[peshawar(), karachi(), naqvi(), bamako(), mopti()])
        .expect("ingest");
    let r = store.ingest(&[wire_copy()]).expect("ingest the copy");
    assert_eq!(r.duplicates, 1);
    (dir, store)
}

fn name(a: &Option<ActorRef>) -> &str {
    a.as_ref().map_or("-", |a| a.name.as_str())
}

fn event_line(e: &EventRow) -> String {
    format!(
        "{} {} {} -> {} at {} [{}] {}s/{}a {:?}",
        e.date.as_deref().unwrap_or("-"),
        e.code,
        name(&e.source),
        name(&e.target),
        name(&e.place),
        e.modality,
        e.sources,
        e.articles,
        e.evidence.as_ref().map_or("", |v| v.quote.as_str()),
    )
}

fn check_events(filter: EventFilter, expect: Expect) {
    let (_dir, store) = fixture();
    let page = events(&store, &filter, Page::default()).expect("the query runs");
    let mut out = format!("{} events\n", page.total);
    for e in &page.events {
        let _ = writeln!(out, "{}", event_line(e));
    }
    expect.assert_eq(&out);
}

fn found(store: &Store, name: &str) -> dossier_query::ActorDossier {
    match actor_dossier(store, name).expect("the lookup runs") {
        Lookup::Found(d) => *d,
        other => panic!("{name:?}: {other:?}"),
    }
}

#[test]
fn dossier_of_an_acronym_gathers_its_names_relations_events_and_claims() {
    let (_dir, store) = fixture();
    let d = found(&store, "TTP");
    let mut out = format!("{} {} {} kb={:?}\n", d.id, d.name, d.etype, d.kb_id);
    let _ = writeln!(
        out,
        "aliases {:?}",
        d.aliases.iter().map(|a| (&a.name, a.n)).collect::<Vec<_>>()
    );
    let _ = writeln!(
        out,
        "seen {:?}..{:?} in {} articles",
        d.first_seen, d.last_seen, d.articles
    );
    for r in &d.relations {
        let _ = writeln!(
            out,
            "relation {} {} {} {:?}..{:?} {} articles, evidence {:?}",
            r.subject_name,
            r.predicate,
            r.object_name,
            r.first_seen,
            r.last_seen,
            r.articles,
            r.evidence.as_ref().map(|e| &e.quote)
        );
    }
    let _ = writeln!(
        out,
        "events {} as source, {} as target",
        d.events.as_source, d.events.as_target
    );
    for m in &d.events.by_month {
        let _ = writeln!(
            out,
            "  {} {} {} {}/{}",
            m.month, m.root, m.label, m.as_source, m.as_target
        );
    }
    for e in &d.events.latest {
        let _ = writeln!(out, "  {}", event_line(e));
    }
    let _ = writeln!(
        out,
        "claims {} made, {} about",
        d.claims.made, d.claims.about
    );
    for c in d.claims.latest_made.iter().chain(&d.claims.latest_about) {
        let _ = writeln!(
            out,
            "  {} {}: {:?}",
            c.date.as_deref().unwrap_or("-"),
            name(&c.speaker),
            c.text
        );
    }
    for p in &d.places {
        let _ = writeln!(out, "place {} {:?} {}", p.name, p.country, p.events);
    }
    for a in &d.appears_with {
        let _ = writeln!(out, "with {} {}", a.name, a.articles);
    }
    expect![[r#"
        dossier:ttp Tehrik-i-Taliban Pakistan ORG kb=Some("dossier:ttp")
        aliases [("TTP", 3), ("Tehrik-i-Taliban Pakistan", 1)]
        seen Some("2024-03-04")..Some("2024-03-20") in 3 articles
        relation Muhammad Khurasani spokesperson_of Tehrik-i-Taliban Pakistan Some("2024-03-12")..Some("2024-03-20") 2 articles, evidence Some("its spokesman Muhammad Khurasani")
        events 2 as source, 2 as target
          2024-03 11 disapprove 0/1
          2024-03 17 coerce 0/1
          2024-03 18 assault 1/0
          2024-03 19 fight 1/0
          2024-03-20 173 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at Quetta [asserted] 1s/1a "arrested"
          2024-03-20 112 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at - [asserted] 1s/1a "accused"
          2024-03-12 183 Tehrik-i-Taliban Pakistan -> - at Karachi [claimed] 1s/1a "bombing"
          2024-03-04 190 Tehrik-i-Taliban Pakistan -> - at Peshawar [asserted] 2s/1a "attacked"
        claims 1 made, 1 about
          2024-03-04 Tehrik-i-Taliban Pakistan: "it would keep fighting until its demands were met"
          2024-03-20 Mohsin Naqvi: "Pakistan would not talk to the group"
        place Quetta Some("PK") 1
        place Peshawar Some("PK") 1
        place Karachi Some("PK") 1
        with Muhammad Khurasani 2
        with Pakistani government 1
        with Mohsin Naqvi 1
    "#]]
    .assert_eq(&out);
}

#[test]
fn a_person_dossier_has_titles_and_relations_from_two_articles() {
    let (_dir, store) = fixture();
    let d = found(&store, "Muhammad Khurasani");
    let titles: Vec<&str> = d.titles.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(titles, ["spokesman"]);
    assert_eq!(d.relations.len(), 1, "{:?}", d.relations);
    assert_eq!(d.relations[0].articles, 2);
    assert_eq!(d.relations[0].object, "dossier:ttp");
    assert_eq!(d.claims.made, 1);
}

#[test]
fn dossier_json_has_the_documented_fields() {
    let (_dir, store) = fixture();
    let d = found(&store, "JNIM");
    let v = serde_json::to_value(&d).expect("serialises");
    for key in [
        "id",
        "name",
        "type",
        "aliases",
        "articles",
        "relations",
        "events",
        "claims",
    ] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    let r = &v["relations"][0];
    for key in [
        "predicate",
        "object",
        "object_name",
        "first_seen",
        "last_seen",
        "articles",
    ] {
        assert!(r.get(key).is_some(), "no {key} in {r}");
    }
    assert_eq!(r["object_name"], "al-Qaeda");
    assert_eq!(r["articles"], 2);
}

#[test]
fn name_lookup_tolerates_case_spelling_and_ids() {
    let (_dir, store) = fixture();
    for name in [
        "ttp",
        "Tehrik-i-Taliban Pakistan",
        "TEHRIK I TALIBAN PAKISTAN",
        "dossier:ttp",
    ] {
        assert_eq!(found(&store, name).id, "dossier:ttp", "{name}");
    }
    assert_eq!(
        found(&store, "Jamaat Nusrat al Islam wal Muslimin").id,
        found(&store, "JNIM").id
    );
}

#[test]
fn an_unknown_name_is_not_found_and_a_shared_one_lists_candidates() {
    let (_dir, mut store) = fixture();
    assert!(matches!(
        actor_dossier(&store, "Nobody At All").expect("runs"),
        Lookup::NotFound { .. }
    ));
    store
        .ingest(&[
            Doc::new("mj1", "2024-06-01", "The Movement for Justice (MJ) called a strike in the capital on Saturday over fuel prices.")
                .entity("Movement for Justice", "ORG", None, &["MJ"])
                .build(),
            Doc::new("mj2", "2024-06-02", "Leaders of the Mouvement des Jeunes (MJ) met the interior minister on Sunday.")
                .entity("Mouvement des Jeunes", "ORG", None, &["MJ"])
                .build(),
        ])
        .expect("ingest");
    let Lookup::Ambiguous { candidates, .. } = actor_dossier(&store, "MJ").expect("runs") else {
        panic!("MJ is two actors")
    };
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    expect![[r#"
        [
            "x:org:mouvement-des-jeunes",
            "x:org:movement-for-justice",
        ]
    "#]]
    .assert_debug_eq(&ids);
    let err = events(
        &store,
        &EventFilter {
            actor: Some("MJ".into()),
            ..EventFilter::default()
        },
        Page::default(),
    )
    .expect_err("an ambiguous filter is refused");
    assert!(matches!(err, QueryError::AmbiguousActor { .. }), "{err}");
}

#[test]
fn events_of_an_actor_latest_first() {
    check_events(
        EventFilter {
            actor: Some("TTP".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            4 events
            2024-03-20 173 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at Quetta [asserted] 1s/1a "arrested"
            2024-03-20 112 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at - [asserted] 1s/1a "accused"
            2024-03-12 183 Tehrik-i-Taliban Pakistan -> - at Karachi [claimed] 1s/1a "bombing"
            2024-03-04 190 Tehrik-i-Taliban Pakistan -> - at Peshawar [asserted] 2s/1a "attacked"
        "#]],
    );
}

#[test]
fn events_between_two_actors() {
    check_events(
        EventFilter {
            actor: Some("TTP".into()),
            with: Some("Mohsin Naqvi".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            2 events
            2024-03-20 173 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at Quetta [asserted] 1s/1a "arrested"
            2024-03-20 112 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at - [asserted] 1s/1a "accused"
        "#]],
    );
}

#[test]
fn events_by_root_code_and_quad() {
    check_events(
        EventFilter {
            root: Some("19".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            2 events
            2024-04-02 190 Jama'at Nusrat al-Islam wal-Muslimin -> Mali at - [asserted] 1s/1a "ambushed"
            2024-03-04 190 Tehrik-i-Taliban Pakistan -> - at Peshawar [asserted] 2s/1a "attacked"
        "#]],
    );
    check_events(
        EventFilter {
            code: Some("18".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            2 events
            2024-04-09 180 Jama'at Nusrat al-Islam wal-Muslimin -> - at Sevare [asserted] 1s/1a "set fire"
            2024-03-12 183 Tehrik-i-Taliban Pakistan -> - at Karachi [claimed] 1s/1a "bombing"
        "#]],
    );
    check_events(
        EventFilter {
            quad: Some(3),
            ..EventFilter::default()
        },
        expect![[r#"
            1 events
            2024-03-20 112 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at - [asserted] 1s/1a "accused"
        "#]],
    );
}

#[test]
fn events_by_place_dates_modality_and_sources() {
    check_events(
        EventFilter {
            country: Some("ml".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            1 events
            2024-04-09 180 Jama'at Nusrat al-Islam wal-Muslimin -> - at Sevare [asserted] 1s/1a "set fire"
        "#]],
    );
    check_events(
        EventFilter {
            near: Some(Near {
                lat: 34.0,
                lon: 71.5,
                km: 50.0,
            }),
            ..EventFilter::default()
        },
        expect![[r#"
            1 events
            2024-03-04 190 Tehrik-i-Taliban Pakistan -> - at Peshawar [asserted] 2s/1a "attacked"
        "#]],
    );
    check_events(
        EventFilter {
            from: Some("2024-03-10".into()),
            to: Some("2024-03".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            3 events
            2024-03-20 173 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at Quetta [asserted] 1s/1a "arrested"
            2024-03-20 112 Mohsin Naqvi -> Tehrik-i-Taliban Pakistan at - [asserted] 1s/1a "accused"
            2024-03-12 183 Tehrik-i-Taliban Pakistan -> - at Karachi [claimed] 1s/1a "bombing"
        "#]],
    );
    check_events(
        EventFilter {
            modality: Some("claimed".into()),
            ..EventFilter::default()
        },
        expect![[r#"
            1 events
            2024-03-12 183 Tehrik-i-Taliban Pakistan -> - at Karachi [claimed] 1s/1a "bombing"
        "#]],
    );
    check_events(
        EventFilter {
            min_sources: Some(2),
            ..EventFilter::default()
        },
        expect![[r#"
            1 events
            2024-03-04 190 Tehrik-i-Taliban Pakistan -> - at Peshawar [asserted] 2s/1a "attacked"
        "#]],
    );
}

#[test]
fn events_pages_count_all_matches() {
    let (_dir, store) = fixture();
    let all = EventFilter::default();
    let first = events(
        &store,
        &all,
        Page {
            limit: 2,
            offset: 0,
        },
    )
    .expect("page 1");
    let second = events(
        &store,
        &all,
        Page {
            limit: 2,
            offset: 2,
        },
    )
    .expect("page 2");
    assert_eq!((first.total, second.total), (6, 6));
    assert_eq!((first.events.len(), second.events.len()), (2, 2));
    assert!(first.events[1].date >= second.events[0].date);
}

#[test]
fn bad_filters_are_errors_with_a_way_out() {
    let (_dir, store) = fixture();
    let err = |f: EventFilter| {
        events(&store, &f, Page::default())
            .expect_err("refused")
            .to_string()
    };
    expect![
        "the date range is empty: from 2024-04 is after to 2024-03; give the earlier date first"
    ]
    .assert_eq(&err(EventFilter {
        from: Some("2024-04".into()),
        to: Some("2024-03".into()),
        ..EventFilter::default()
    }));
    expect![[r#"no actor is called "Nobody At All"; `dossier search "Nobody At All"` finds the articles that name it, `dossier stats` lists the most reported actors"#]]
    .assert_eq(&err(EventFilter {
        actor: Some("Nobody At All".into()),
        ..EventFilter::default()
    }));
    expect![[r#""21" is not a CAMEO root; give 1 to 20 (18 assault, 19 fight, 20 mass violence)"#]]
        .assert_eq(&err(EventFilter {
            root: Some("21".into()),
            ..EventFilter::default()
        }));
    expect![[r#""rumoured" is not a modality; give one of asserted, claimed, denied, negated, future, hypothetical"#]]
    .assert_eq(&err(EventFilter {
        modality: Some("rumoured".into()),
        ..EventFilter::default()
    }));
}

#[test]
fn timeline_by_week_fills_empty_weeks() {
    let (_dir, store) = fixture();
    let t = timeline(&store, &EventFilter::default(), Period::Week).expect("timeline");
    let mut out = String::new();
    for p in &t.periods {
        let _ = writeln!(out, "{} {} {} {:?}", p.period, p.start, p.total, p.by_root);
    }
    let roots: Vec<String> = t
        .roots
        .iter()
        .map(|r| format!("{} {}", r.root, r.label))
        .collect();
    let _ = writeln!(out, "{}", roots.join(", "));
    expect![[r#"
        2024-W10 2024-03-04 1 {"19": 1}
        2024-W11 2024-03-11 1 {"18": 1}
        2024-W12 2024-03-18 2 {"11": 1, "17": 1}
        2024-W13 2024-03-25 0 {}
        2024-W14 2024-04-01 1 {"19": 1}
        2024-W15 2024-04-08 1 {"18": 1}
        11 disapprove, 17 coerce, 18 assault, 19 fight
    "#]]
    .assert_eq(&out);
    let by_month = timeline(
        &store,
        &EventFilter {
            actor: Some("TTP".into()),
            ..EventFilter::default()
        },
        Period::Month,
    )
    .expect("timeline");
    let months: Vec<(&str, i64)> = by_month
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.total))
        .collect();
    assert_eq!(months, [("2024-03", 4)]);
}

#[test]
fn network_two_hops_from_a_spokesman() {
    let (_dir, store) = fixture();
    let net = network(
        &store,
        &NetworkFilter {
            actor: Some("Khurasani".into()),
            hops: 2,
            ..NetworkFilter::default()
        },
    );
    // A surname alone is no actor.
    assert!(matches!(net, Err(QueryError::UnknownActor { .. })));
    let net = network(
        &store,
        &NetworkFilter {
            actor: Some("Muhammad Khurasani".into()),
            hops: 2,
            ..NetworkFilter::default()
        },
    )
    .expect("network");
    let mut out = String::new();
    for n in &net.nodes {
        let _ = writeln!(out, "node {:?} {} {}", n.hop, n.id, n.etype);
    }
    for e in &net.edges {
        let _ = writeln!(
            out,
            "edge {} -{}:{}-> {} w{} {:?}..{:?}",
            e.source,
            serde_json::to_string(&e.kind).expect("kind"),
            e.predicate,
            e.target,
            e.weight,
            e.first_seen,
            e.last_seen
        );
    }
    expect![[r#"
        node Some(0) x:person:muhammad-khurasani PERSON
        node Some(1) dossier:ttp ORG
        node Some(2) x:person:mohsin-naqvi PERSON
        edge x:person:muhammad-khurasani -"relation":spokesperson_of-> dossier:ttp w2 Some("2024-03-12")..Some("2024-03-20")
        edge x:person:mohsin-naqvi -"event":11-> dossier:ttp w1 Some("2024-03-20")..Some("2024-03-20")
        edge x:person:mohsin-naqvi -"event":17-> dossier:ttp w1 Some("2024-03-20")..Some("2024-03-20")
    "#]].assert_eq(&out);
    let only = network(
        &store,
        &NetworkFilter {
            predicates: vec!["affiliate_of".into()],
            events: false,
            ..NetworkFilter::default()
        },
    )
    .expect("network");
    assert_eq!(only.edges.len(), 1);
    assert_eq!(only.nodes.len(), 2);
}

#[test]
fn claims_by_speaker_subject_and_words() {
    let (_dir, store) = fixture();
    let run = |f: ClaimFilter| {
        let page = claims(&store, &f, Page::default()).expect("claims");
        let mut out = format!("{} claims\n", page.total);
        for c in &page.claims {
            let about: Vec<&str> = c.about.iter().map(|a| a.name.as_str()).collect();
            let _ = writeln!(
                out,
                "{} {} ({:?}): {:?} about {:?}",
                c.date.as_deref().unwrap_or("-"),
                name(&c.speaker),
                c.speaker_text,
                c.text,
                about
            );
        }
        out
    };
    expect![[r#"
        3 claims
        2024-03-20 Mohsin Naqvi (Some("Mohsin Naqvi")): "Pakistan would not talk to the group" about ["Tehrik-i-Taliban Pakistan"]
        2024-03-12 Muhammad Khurasani (Some("Muhammad Khurasani")): "the Pakistani government would pay for its raids on the tribal districts" about ["Pakistani government"]
        2024-03-04 Tehrik-i-Taliban Pakistan (Some("Tehrik-i-Taliban Pakistan")): "it would keep fighting until its demands were met" about []
    "#]].assert_eq(&run(ClaimFilter::default()));
    expect![[r#"
        1 claims
        2024-03-20 Mohsin Naqvi (Some("Mohsin Naqvi")): "Pakistan would not talk to the group" about ["Tehrik-i-Taliban Pakistan"]
    "#]].assert_eq(&run(ClaimFilter {
        about: Some("TTP".into()),
        ..ClaimFilter::default()
    }));
    expect![[r#"
        1 claims
        2024-03-12 Muhammad Khurasani (Some("Muhammad Khurasani")): "the Pakistani government would pay for its raids on the tribal districts" about ["Pakistani government"]
    "#]].assert_eq(&run(ClaimFilter {
        speaker: Some("Muhammad Khurasani".into()),
        text: Some("RAIDS tribal".into()),
        ..ClaimFilter::default()
    }));
}

#[test]
fn search_hits_have_snippets_dates_and_the_actors_named() {
    let (_dir, store) = fixture();
    let page = search(&store, "checkpoint", Page::default()).expect("search");
    let mut out = format!("{} hits\n", page.total);
    for h in &page.hits {
        let actors: Vec<&str> = h.actors.iter().map(|a| a.id.as_str()).collect();
        let _ = writeln!(
            out,
            "{} {:?} {:?}\n  {}",
            h.date.as_deref().unwrap_or("-"),
            h.url,
            actors,
            h.snippet
        );
    }
    expect![[r#"
        1 hits
        2024-03-04 Some("https://news.example/pk/peshawar-attack") ["dossier:ttp", "1168197", "1168873"]
          PESHAWAR, March 4 - Tehrik-i-Taliban Pakistan (TTP) attacked a police [checkpoint] outside Peshawar on Monday…
    "#]].assert_eq(&out);
    assert!(search(&store, "  ", Page::default()).is_err());
    // User input with FTS5 punctuation is taken literally.
    assert_eq!(
        search(&store, "al-Qaeda's (Sahel)", Page::default())
            .expect("search")
            .total,
        0
    );
}

#[test]
fn article_counts_hold_through_a_merge_and_a_replaced_article() {
    let (_dir, mut store) = fixture();
    let articles = |store: &Store, name: &str| found(store, name).articles;
    assert_eq!(articles(&store, "TTP"), 3);
    // A new version of the Peshawar article that no longer names the TTP.
    let mut v2 = Doc::new("peshawar", "2024-03-05", KARACHI)
        .url("https://news.example/pk/peshawar-attack", "Example News")
        .entity("Karachi", "GPE", Some("1174872"), &[])
        .build();
    v2.title = Some("Corrected".into());
    assert_eq!(store.ingest(&[v2]).expect("ingest").replaced, 1);
    assert_eq!(articles(&store, "TTP"), 2);
    assert_eq!(
        found(&store, "TTP").first_seen.as_deref(),
        Some("2024-03-12")
    );
    // Two actors merged: the kept one is named in the articles of both.
    let naqvi = found(&store, "Mohsin Naqvi").id;
    let khurasani = found(&store, "Muhammad Khurasani").id;
    store
        .curate(&dossier_store::Curation::Merge {
            keep: khurasani.clone(),
            gone: naqvi,
        })
        .expect("merge");
    assert_eq!(articles(&store, &khurasani), 2);
    assert_eq!(found(&store, &khurasani).claims.about, 0);
    assert_eq!(found(&store, "TTP").claims.about, 1);
}
