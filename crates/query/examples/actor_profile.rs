//! Times each store read an actor dossier makes, warm, in one process:
//! `cargo run --release -p dossier-query --example actor_profile -- DB ID [REPEAT]`.
//! Prints the median milliseconds of each read over REPEAT runs (default 10).
use std::path::Path;
use std::time::Instant;

use dossier_store::{ClaimQuery, EventQuery, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (db, id) = match args.as_slice() {
        [_, db, id, ..] => (db, id.as_str()),
        _ => return Err("usage: actor_profile DB ID [REPEAT]".into()),
    };
    let repeat: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(10);
    let store = Store::open(Path::new(db))?;
    let made = ClaimQuery {
        speaker: Some(id.to_string()),
        ..ClaimQuery::default()
    };
    let about = ClaimQuery {
        about: Some(id.to_string()),
        ..ClaimQuery::default()
    };
    let events = EventQuery {
        actor: Some(id.to_string()),
        ..EventQuery::default()
    };
    type Step<'a> = (
        &'a str,
        Box<dyn Fn() -> Result<usize, Box<dyn std::error::Error>> + 'a>,
    );
    let steps: Vec<Step> = vec![
        (
            "actor",
            Box::new(|| Ok(store.actor(id)?.map_or(0, |a| a.aliases.len()))),
        ),
        (
            "event counts",
            Box::new(|| Ok(store.actor_event_counts(id)?.len())),
        ),
        (
            "latest events",
            Box::new(|| Ok(store.query_events(&events, 10, 0)?.len())),
        ),
        (
            "claims made n",
            Box::new(|| Ok(store.count_claims(&made)? as usize)),
        ),
        (
            "claims about n",
            Box::new(|| Ok(store.count_claims(&about)? as usize)),
        ),
        (
            "latest made",
            Box::new(|| Ok(store.query_claims(&made, 10, 0)?.len())),
        ),
        (
            "latest about",
            Box::new(|| Ok(store.query_claims(&about, 10, 0)?.len())),
        ),
        ("titles", Box::new(|| Ok(store.actor_titles(id)?.len()))),
        ("relations", Box::new(|| Ok(store.relation_rows(id)?.len()))),
        ("places", Box::new(|| Ok(store.actor_places(id, 10)?.len()))),
        (
            "co-actors",
            Box::new(|| Ok(store.co_actors(id, 500, 10)?.len())),
        ),
        (
            "whole dossier",
            Box::new(|| {
                Ok(match dossier_query::actor_dossier(&store, id)? {
                    dossier_query::Lookup::Found(d) => d.relations.len(),
                    _ => 0,
                })
            }),
        ),
    ];
    for (name, f) in &steps {
        let n = f()?;
        let mut ms: Vec<f64> = (0..repeat)
            .map(|_| {
                let t = Instant::now();
                let _ = f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        println!(
            "{name:>16}: {:8.2} ms median, {:8.2} ms max  ({n} rows)",
            ms[ms.len() / 2],
            ms[ms.len() - 1]
        );
    }
    Ok(())
}
