//! The PostgreSQL backend against the SQLite one: the same documents and
//! corrections give the same graph, and every read of the store API gives
//! the same answer. The tests need a server: `$DOSSIER_TEST_PG`, a
//! connection URL (`.ci/run` starts a throwaway cluster and sets it).
//! Without it they skip with a message, except under `CI=true`, where they
//! fail.

use std::path::Path;

use dossier_schema::OutputDocument;
use dossier_store::rows::RowFilter;
use dossier_store::{ClaimQuery, Curation, EdgeQuery, EventQuery, Store};
use serde_json::Value;

use crate::fixture::Doc;
use crate::graph::{all, karachi, peshawar, wire_copy, KARACHI};
use crate::store;

/// A store in a fresh PostgreSQL database, or `None` (the test skips).
fn pg_store(name: &str) -> Option<Store> {
    let url = dossier_store::test_database(name)?;
    Some(Store::open(Path::new(&url)).expect("a new PostgreSQL store opens"))
}

/// The documents and corrections both stores go through: new articles, a
/// wire copy, a corrected version under the same URL, and each kind of
/// curation judgement, with ingests after them.
fn build(store: &mut Store) {
    store.ingest(&all()).expect("ingest");
    store.ingest(&[wire_copy()]).expect("ingest the copy");
    let mut v2 = Doc::new("peshawar", "2024-03-04", KARACHI)
        .url("https://news.example/pk/peshawar-attack", "Example News")
        .entity("TTP", "ORG", Some("dossier:ttp"), &[])
        .build();
    v2.title = Some("Corrected".into());
    store.ingest(&[v2]).expect("ingest the new version");
    store
        .ingest(&[peshawar()])
        .expect("ingest the old version again");
    let sahel = Doc::new("sahel", "2024-04-20", "The Group for the Support of Islam and Muslims warned truck drivers on the Niger border to stop carrying fuel for the army, in a message read out at markets in the area.")
        .entity("Group for the Support of Islam and Muslims", "ORG", None, &[])
        .build();
    store.ingest(&[sahel]).expect("ingest");
    let jnim = "x:org:jamaat-nusrat-al-islam-wal-muslimin".to_string();
    store
        .curate(&Curation::Merge {
            keep: jnim.clone(),
            gone: "x:org:group-for-the-support-of-islam-and-muslims".into(),
        })
        .expect("merge");
    store
        .curate(&Curation::AliasAdd {
            actor: jnim.clone(),
            name: "Nusrat al-Islam".into(),
        })
        .expect("alias add");
    store
        .curate(&Curation::Split {
            actor: "dossier:ttp".into(),
            name: "TTP".into(),
        })
        .expect("split");
    store
        .curate(&Curation::AliasRemove {
            actor: jnim,
            name: "JNIM".into(),
        })
        .expect("alias remove");
    store.ingest(&[karachi()]).expect("ingest again");
}

/// Everything the store API reads, as JSON, with what legitimately differs
/// between two stores left out: row ids (SQLite reuses a deleted row's id,
/// PostgreSQL never does), clock times, file sizes and the full-text
/// engines' snippets. Lists are sorted, so that ties broken by id compare
/// equal.
fn transcript(store: &Store) -> Vec<String> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut push = |what: &str, v: Value| out.push((what.to_string(), v));
    let j = |v: &dyn erased::Ser| v.value();
    let mut stats = serde_json::to_value(store.stats().expect("stats")).expect("json");
    stats["file_bytes"] = Value::Null;
    push("stats", stats);
    let actors: Vec<String> = {
        let mut ids = Vec::new();
        store
            .for_each_actor(|a| -> Result<(), dossier_store::StoreError> {
                ids.push(a.id.clone());
                Ok(())
            })
            .expect("actors");
        ids
    };
    for id in &actors {
        push("actor", j(&store.actor(id).expect("actor")));
        push("relations_of", j(&store.relations_of(id).expect("rel")));
        push("events_of", j(&store.events_of(id, 50).expect("ev")));
        push("relation_rows", j(&store.relation_rows(id).expect("rr")));
        push("places", j(&store.actor_places(id, 10).expect("places")));
        push("co_actors", j(&store.co_actors(id, 100, 10).expect("co")));
        push("titles", j(&store.actor_titles(id).expect("titles")));
        let counts: Vec<String> = store
            .actor_event_counts(id)
            .expect("counts")
            .iter()
            .map(|c| format!("{} {} {} {}", c.day, c.root, c.as_source, c.as_target))
            .collect();
        push("actor_event_counts", j(&counts));
        let q = EventQuery {
            actor: Some(id.clone()),
            ..EventQuery::default()
        };
        push(
            "query_events",
            j(&store.query_events(&q, 20, 0).expect("q")),
        );
        push("count_events", j(&store.count_events(&q).expect("n")));
        push(
            "claims_by",
            j(&store
                .query_claims(
                    &ClaimQuery {
                        speaker: Some(id.clone()),
                        ..ClaimQuery::default()
                    },
                    20,
                    0,
                )
                .expect("claims")),
        );
        push(
            "claims_about",
            j(&store
                .count_claims(&ClaimQuery {
                    about: Some(id.clone()),
                    ..ClaimQuery::default()
                })
                .expect("claims")),
        );
    }
    for name in [
        "TTP",
        "ttp",
        "JNIM",
        "Nusrat al-Islam",
        "Peshawar",
        "x:org:group-for-the-support-of-islam-and-muslims",
    ] {
        push("find_actors", j(&store.find_actors(name).expect("find")));
    }
    let filtered = EventQuery {
        roots: vec!["19".into(), "18".into()],
        code: Some("19".into()),
        from_day: Some(19_700),
        modality: Some("asserted".into()),
        min_sources: Some(1),
        ..EventQuery::default()
    };
    push(
        "query_events",
        j(&store.query_events(&filtered, 20, 0).expect("q")),
    );
    let counts: Vec<String> = store
        .event_counts(&EventQuery::default())
        .expect("counts")
        .iter()
        .map(|c| format!("{} {} {}", c.day, c.root, c.n))
        .collect();
    push("event_counts", j(&counts));
    push(
        "edges",
        j(&store
            .edges(&EdgeQuery {
                events: true,
                limit: 50,
                ..EdgeQuery::default()
            })
            .expect("edges")),
    );
    push(
        "claims_words",
        j(&store
            .query_claims(
                &ClaimQuery {
                    words: vec!["FIGHTING".into()],
                    ..ClaimQuery::default()
                },
                20,
                0,
            )
            .expect("claims")),
    );
    for words in ["customs post", "convoy", "Peshawar checkpoint"] {
        let mut hits: Vec<String> = store
            .search(words, 10)
            .expect("search")
            .into_iter()
            .map(|h| h.article)
            .collect();
        hits.sort();
        push("search", j(&hits));
        let (total, page) = store.search_articles(words, 10, 0).expect("search");
        let mut hits: Vec<Value> = page
            .into_iter()
            .map(|h| serde_json::json!([h.article, h.actors]))
            .collect();
        hits.sort_by_key(|v| v.to_string());
        push("search_articles", serde_json::json!([total, hits]));
    }
    let mut judgements: Vec<Value> = store
        .judgements()
        .expect("judgements")
        .into_iter()
        .map(|j| serde_json::json!([j.kind, j.actor, j.other, j.name]))
        .collect();
    judgements.sort_by_key(|v| v.to_string());
    push("judgements", Value::Array(judgements));

    // The exports' streams.
    let f = RowFilter::default();
    let mut rows: Vec<Value> = Vec::new();
    let mut keep = |v: Value| -> Result<(), dossier_store::StoreError> {
        rows.push(v);
        Ok(())
    };
    store.for_each_article(|r| keep(j(r))).expect("articles");
    store.for_each_alias(|r| keep(j(r))).expect("aliases");
    store
        .for_each_relation(&f, |r| keep(j(r)))
        .expect("relations");
    store
        .for_each_relation_mention(&f, true, |r| keep(j(r)))
        .expect("relation mentions");
    store.for_each_event(&f, |r| keep(j(r))).expect("events");
    store
        .for_each_event_with_evidence(&f, |r, e| keep(serde_json::json!([j(r), e.map(|e| j(e))])))
        .expect("events with evidence");
    store
        .for_each_event_mention(&f, true, |r| keep(j(r)))
        .expect("event mentions");
    store.for_each_claim(&f, |r| keep(j(r))).expect("claims");
    store
        .for_each_graph_node(&f, |r| keep(j(r)))
        .expect("nodes");
    let narrow = RowFilter {
        from_day: Some(19_780),
        actor: Some("dossier:ttp".into()),
        root: Some("19".into()),
        ..RowFilter::default()
    };
    store
        .for_each_event(&narrow, |r| keep(j(r)))
        .expect("events");
    store
        .for_each_claim(&narrow, |r| keep(j(r)))
        .expect("claims");
    push("exports", Value::Array(rows));

    out.into_iter()
        .map(|(what, v)| format!("{what}: {}", canonical(v)))
        .collect()
}

/// Leaves out ids and clock times, and sorts lists.
fn canonical(v: Value) -> String {
    fn walk(v: Value) -> Value {
        match v {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, v)| {
                        let row_id =
                            matches!(k.as_str(), "id" | "event" | "relation") && v.is_number();
                        let clock = matches!(
                            k.as_str(),
                            "ingested_at" | "created_at" | "last_ingested" | "snippet"
                        );
                        !row_id && !clock
                    })
                    .map(|(k, v)| (k, walk(v)))
                    .collect(),
            ),
            Value::Array(items) => {
                let mut items: Vec<Value> = items.into_iter().map(walk).collect();
                items.sort_by_key(|v| v.to_string());
                Value::Array(items)
            }
            other => other,
        }
    }
    walk(v).to_string()
}

/// `serde_json::to_value` behind a trait object, so that one closure takes
/// every row type.
mod erased {
    pub trait Ser {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("rows serialise")
        }
    }
}

#[test]
fn postgres_gives_the_graph_and_the_reads_sqlite_gives() {
    let Some(mut pg) = pg_store("same_as_sqlite") else {
        return;
    };
    let (_dir, mut lite, _) = store();
    build(&mut lite);
    build(&mut pg);
    assert_eq!(pg.dump().expect("dump").0, lite.dump().expect("dump").0);
    let (a, b) = (transcript(&lite), transcript(&pg));
    assert!(a.len() > 100, "the transcript reads {} things", a.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    assert_eq!(a.len(), b.len());
}

#[test]
fn a_postgres_store_is_reopened_read_only_and_refuses_writes() {
    let Some(mut pg) = pg_store("read_only") else {
        return;
    };
    pg.ingest(&all()).expect("ingest");
    let url = pg.path().to_path_buf();
    drop(pg);
    let mut reader = Store::open_read_only(&url).expect("opens for reading");
    assert_eq!(reader.stats().expect("stats").articles, 4);
    let one: Vec<OutputDocument> = vec![wire_copy()];
    assert!(
        reader.ingest(&one).is_err(),
        "a read-only store refuses writes"
    );
}

#[test]
fn a_database_of_another_program_is_refused() {
    let Some(url) = dossier_store::test_database("foreign") else {
        return;
    };
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute("CREATE TABLE invoices (id int)")
        .expect("a foreign table");
    let err = Store::open(Path::new(&url)).err().expect("refused");
    assert!(
        matches!(err, dossier_store::StoreError::NotAStore { .. }),
        "{err}"
    );
}
