//! The formats on the fixture story: headers, column counts, mappings,
//! filters, and the messages of bad filters.

use dossier_export::{export, Filter, Format, Output};

use crate::{export_text, story};

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| {
            rec.expect("a csv record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn acled_csv_has_acleds_header_and_one_row_per_event_that_happened() {
    let (_d, store, _) = story();
    let text = export_text(&store, Format::AcledCsv, &Filter::default());
    let rows = csv_rows(&text);
    let header = &rows[0];
    assert_eq!(header.len(), 31);
    assert_eq!(header[0], "event_id_cnty");
    assert_eq!(header[30], "timestamp");
    for want in [
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "interaction",
        "iso",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ] {
        assert!(header.iter().any(|h| h == want), "{want} is a column");
    }
    // Four events happened (the bombing told twice is one event); the
    // denied meeting is left out.
    assert_eq!(rows.len(), 1 + 4, "{text}");
    assert!(rows.iter().all(|r| r.len() == 31));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let bombing = rows
        .iter()
        .find(|r| r[col("tags")].contains("cameo=1833"))
        .expect("the bombing");
    assert_eq!(bombing[col("event_type")], "Explosions/Remote violence");
    assert_eq!(
        bombing[col("sub_event_type")],
        "Remote explosive/landmine/IED"
    );
    assert_eq!(bombing[col("disorder_type")], "Political violence");
    assert_eq!(bombing[col("event_date")], "2024-03-01");
    assert_eq!(bombing[col("time_precision")], "1");
    assert_eq!(bombing[col("actor1")], "Tehrik-i-Taliban Pakistan");
    assert_eq!(bombing[col("actor2")], "Pakistan Army");
    assert_eq!(bombing[col("country")], "Pakistan");
    assert!(bombing[col("event_id_cnty")].starts_with("PAK"));
    assert_eq!(bombing[col("location")], "Peshawar");
    assert_eq!(bombing[col("geo_precision")], "1");
    assert_eq!(bombing[col("source")], "dawn; express tribune");
    assert!(bombing[col("notes")].starts_with("Tehrik-i-Taliban Pakistan (TTP) bombed"));
    let march = rows
        .iter()
        .find(|r| r[col("tags")].contains("cameo=141"))
        .unwrap();
    assert_eq!(march[col("event_type")], "Protests");
    assert_eq!(march[col("disorder_type")], "Demonstrations");
    let clash = rows
        .iter()
        .find(|r| r[col("tags")].contains("cameo=193"))
        .unwrap();
    assert_eq!(clash[col("event_type")], "Battles");
    assert_eq!(clash[col("time_precision")], "2", "no date in the text");
}

#[test]
fn gdelt_tsv_has_61_columns_on_every_line() {
    let (_d, store, _) = story();
    let text = export_text(&store, Format::GdeltTsv, &Filter::default());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 4, "{text}");
    for l in &lines {
        assert_eq!(l.split('\t').count(), 61, "{l}");
    }
    let header: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(header[0], "GLOBALEVENTID");
    assert_eq!(header[5], "Actor1Code");
    assert_eq!(header[26], "EventCode");
    assert_eq!(header[60], "SOURCEURL");
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let strike = lines
        .iter()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|r| r[col("EventCode")] == "195")
        .expect("the air strike");
    assert_eq!(strike[col("SQLDATE")], "20240404");
    assert_eq!(strike[col("MonthYear")], "202404");
    assert_eq!(strike[col("EventBaseCode")], "195");
    assert_eq!(strike[col("EventRootCode")], "19");
    assert_eq!(strike[col("QuadClass")], "4");
    assert_eq!(strike[col("Actor1Name")], "PAKISTAN ARMY");
    assert_eq!(strike[col("Actor2Name")], "TEHRIK-I-TALIBAN PAKISTAN");
    assert_eq!(strike[col("NumArticles")], "1");
    assert_eq!(strike[col("ActionGeo_Type")], "4");
    assert_eq!(strike[col("ActionGeo_FullName")], "Khyber, Pakistan");
    assert_eq!(strike[col("ActionGeo_CountryCode")], "PK");
    assert_eq!(
        strike[col("SOURCEURL")],
        "https://dawn.example/khyber-strikes"
    );
    assert_eq!(strike[col("AvgTone")], "", "dossier has no tone");
    let bombing = lines
        .iter()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|r| r[col("EventCode")] == "1833")
        .unwrap();
    assert_eq!(bombing[col("NumMentions")], "2");
    assert_eq!(bombing[col("NumSources")], "2");
    assert_eq!(bombing[col("EventBaseCode")], "183");
}

#[test]
fn plover_records_carry_type_mode_and_citation() {
    let (_d, store, _) = story();
    let text = export_text(&store, Format::PloverJsonl, &Filter::default());
    let recs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect();
    assert_eq!(recs.len(), 4, "{text}");
    let strike = recs.iter().find(|r| r["cameo"] == "195").unwrap();
    assert_eq!(strike["event"], "ASSAULT");
    assert_eq!(strike["mode"], "aerial");
    assert_eq!(strike["context"], "military");
    assert_eq!(strike["actor"], "Pakistan Army");
    assert_eq!(strike["recipient"], "Tehrik-i-Taliban Pakistan");
    assert_eq!(strike["date"], "2024-04-04");
    assert_eq!(strike["event_loc"]["placename"], "Khyber");
    assert_eq!(strike["event_text"], "jets struck");
    assert_eq!(
        strike["cite_info"]["url"],
        "https://dawn.example/khyber-strikes"
    );
    for r in &recs {
        for field in [
            "id",
            "date",
            "event",
            "actor",
            "event_text",
            "text",
            "cite_info",
        ] {
            assert!(r.get(field).is_some(), "{field} in {r}");
        }
    }
    let march = recs.iter().find(|r| r["cameo"] == "141").unwrap();
    assert_eq!(
        (march["event"].as_str(), march["mode"].as_str()),
        (Some("PROTEST"), Some("demo"))
    );
}

#[test]
fn filters_narrow_the_events() {
    let (_d, store, _) = story();
    let rows = |f: Filter| export_text(&store, Format::GdeltTsv, &f).lines().count() - 1;
    assert_eq!(rows(Filter::default()), 4);
    assert_eq!(
        rows(Filter {
            root: Some("18".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        rows(Filter {
            root: Some("19".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        rows(Filter {
            from: Some("2024-03-15".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        rows(Filter {
            to: Some("2024-03".into()),
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        rows(Filter {
            from: Some("2024-04".into()),
            to: Some("2024-04".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        rows(Filter {
            actor: Some("TTP".into()),
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        rows(Filter {
            actor: Some("Jamaat-e-Islami".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        rows(Filter {
            country: Some("pk".into()),
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        rows(Filter {
            country: Some("AF".into()),
            ..Filter::default()
        }),
        0
    );
}

#[test]
fn bad_filters_say_what_to_do() {
    let (_d, store, _) = story();
    let err = |f: Filter| f.resolve(&store).expect_err("refused").to_string();
    let e = err(Filter {
        from: Some("2024-05".into()),
        to: Some("2024-03".into()),
        ..Filter::default()
    });
    assert!(e.contains("is after --to"), "{e}");
    let e = err(Filter {
        from: Some("last week".into()),
        ..Filter::default()
    });
    assert!(e.contains("is not a date"), "{e}");
    let e = err(Filter {
        actor: Some("Nobody At All".into()),
        ..Filter::default()
    });
    assert!(e.contains("no actor is named"), "{e}");
    let e = err(Filter {
        root: Some("42".into()),
        ..Filter::default()
    });
    assert!(e.contains("not a CAMEO root"), "{e}");
    let e = err(Filter {
        country: Some("Pakistan".into()),
        ..Filter::default()
    });
    assert!(e.contains("not a country code"), "{e}");
    assert!("xlsx"
        .parse::<Format>()
        .unwrap_err()
        .contains("unknown format"));
}

#[test]
fn jsonl_has_every_table_with_the_stores_counts() {
    let (_d, store, _) = story();
    let text = export_text(&store, Format::Jsonl, &Filter::default());
    let mut counts = std::collections::BTreeMap::new();
    for l in text.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
        *counts
            .entry(v["table"].as_str().unwrap().to_string())
            .or_insert(0i64) += 1;
    }
    let s = store.stats().unwrap();
    assert_eq!(counts["articles"], s.articles + s.duplicates);
    assert_eq!(counts["actors"], s.actors);
    assert_eq!(counts["events"], s.events);
    assert_eq!(counts["event_mentions"], s.event_mentions);
    assert_eq!(counts["relations"], s.relations);
    assert_eq!(counts["relation_mentions"], s.relation_mentions);
    assert_eq!(counts["claims"], s.claims);
    assert!(counts["aliases"] >= s.actors);
}

#[test]
fn ftm_entities_have_ids_schemata_and_dates() {
    let (_d, store, _) = story();
    let text = export_text(&store, Format::FtmJsonl, &Filter::default());
    let ents: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |schema: &str| ents.iter().filter(|e| e["schema"] == schema).count();
    assert_eq!(of("Article"), 4);
    assert!(of("Organization") >= 3);
    assert_eq!(of("Person"), 2);
    assert_eq!(of("Event"), 5);
    assert_eq!(of("Documentation"), 6);
    let dir = ents
        .iter()
        .find(|e| e["schema"] == "Directorship" && e["properties"].get("director").is_some())
        .expect("the leader");
    assert_eq!(dir["properties"]["startDate"][0], "2018-01-01");
    assert_eq!(dir["properties"]["endDate"][0], "2018-12-31");
    assert!(
        ents.iter().any(|e| e["schema"] == "Membership"),
        "the spokesman"
    );
    // The same store exports the same ids.
    assert_eq!(
        text,
        export_text(&store, Format::FtmJsonl, &Filter::default())
    );
}

#[test]
fn graph_formats_are_well_formed_and_dated() {
    let (_d, store, _) = story();
    let gexf = export_text(&store, Format::Gexf, &Filter::default());
    assert!(gexf.contains(r#"mode="dynamic""#));
    assert!(
        gexf.contains(
            r#"<node id="dossier:ttp" label="Tehrik-i-Taliban Pakistan" start="2018-01-01""#
        ),
        "{gexf}"
    );
    assert!(
        gexf.contains(r#"label="1833" weight="2" start="2024-03-01" end="2024-03-01""#),
        "{gexf}"
    );
    let graphml = export_text(&store, Format::Graphml, &Filter::default());
    assert_eq!(
        graphml.matches("<node ").count(),
        gexf.matches("<node ").count()
    );
    assert_eq!(
        graphml.matches("<edge ").count(),
        gexf.matches("<edge ").count()
    );
    // Relations (2) and events between two actors (3).
    assert_eq!(graphml.matches("<edge ").count(), 2 + 3);
}

#[test]
fn parquet_writes_one_file_per_table_and_refuses_a_stream() {
    let (d, store, _) = story();
    let out = d.path().join("pq");
    let f = Filter::default().resolve(&store).unwrap();
    let report = export(&store, Format::Parquet, &f, Output::Folder(&out)).unwrap();
    let names: Vec<String> = report
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "articles",
            "actors",
            "aliases",
            "relations",
            "relation_mentions",
            "events",
            "event_mentions",
            "claims"
        ]
        .map(|t| format!("{t}.parquet"))
    );
    let mut sink = Vec::new();
    let e = export(&store, Format::Parquet, &f, Output::Writer(&mut sink)).unwrap_err();
    assert!(e.to_string().contains("give a folder with -o"), "{e}");
}
