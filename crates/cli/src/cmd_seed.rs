//! `dossier eval seed`: the founding article's checks. The project began
//! with one article (`../shared/examples/seed.txt`, not copied into the
//! repository) and a list of what dossier must find in it. This command runs
//! the whole pipeline on that article and checks each item of the list, so
//! that the tests can stay hermetic (they use an article of our own in the
//! same shapes) while the seed is still checked wherever it is present.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use dossier_ingest::{ingest_paths, IngestConfig};
use dossier_pipeline::{output_document, Pipeline, PipelineConfig};
use dossier_schema::{OutputDocument, OutputEntity};
use serde::Serialize;

#[derive(clap::Args)]
pub struct SeedArgs {
    /// The seed article (` date YYYY-MM-DD ` then the text).
    #[arg(long, default_value = "../shared/examples/seed.txt")]
    file: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// One item of the seed list and whether the output holds it.
#[derive(Serialize)]
struct Check {
    item: &'static str,
    pass: bool,
    /// What the output has instead, or what matched.
    found: String,
}

pub fn seed(args: SeedArgs) -> anyhow::Result<ExitCode> {
    if !args.file.is_file() {
        eprintln!(
            "dossier eval seed: skipped: no seed article at {}; pass --file FILE",
            args.file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut docs = Vec::new();
    for item in ingest_paths(std::slice::from_ref(&args.file), &IngestConfig::default()) {
        docs.push(item.with_context(|| format!("cannot read {}", args.file.display()))?);
    }
    let [mut doc] = <[_; 1]>::try_from(docs).map_err(|d| {
        anyhow::anyhow!(
            "{} holds {} articles; the seed is one",
            args.file.display(),
            d.len()
        )
    })?;
    let pipeline = Pipeline::new(&PipelineConfig::default()).context("building the pipeline")?;
    pipeline.process(&mut doc);
    let out = output_document(&doc);
    let checks = checks(&out);
    let failed = checks.iter().filter(|c| !c.pass).count();
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&serde_json::json!({
                "file": args.file.display().to_string(),
                "checks": checks,
                "failed": failed,
            }))?
        );
    } else {
        println!("seed article {}", args.file.display());
        for c in &checks {
            let mark = if c.pass { "ok  " } else { "FAIL" };
            println!("{mark} {:<58} {}", c.item, c.found);
        }
        println!("{} of {} checks pass", checks.len() - failed, checks.len());
    }
    if failed > 0 {
        bail!("{failed} of the seed article's checks fail");
    }
    Ok(ExitCode::SUCCESS)
}

/// The entity that has a mention with this exact text.
fn entity_with<'a>(out: &'a OutputDocument, surface: &str) -> Option<&'a OutputEntity> {
    out.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == surface))
}

fn name_of<'a>(out: &'a OutputDocument, id: &'a str) -> &'a str {
    out.entities
        .iter()
        .find(|e| e.id == id)
        .map_or(id, |e| e.name.as_str())
}

fn same_entity(out: &OutputDocument, item: &'static str, a: &str, b: &str) -> Check {
    let (ea, eb) = (entity_with(out, a), entity_with(out, b));
    let pass = matches!((ea, eb), (Some(x), Some(y)) if x.id == y.id);
    let found = match (ea, eb) {
        (Some(x), Some(y)) => format!("{a} → {}, {b} → {}", x.name, y.name),
        _ => format!("{a} found: {}, {b} found: {}", ea.is_some(), eb.is_some()),
    };
    Check { item, pass, found }
}

fn checks(out: &OutputDocument) -> Vec<Check> {
    let mut checks = vec![
        Check {
            item: "the article's date is 2023-02-18",
            pass: out.date.as_deref() == Some("2023-02-18"),
            found: format!("{:?}", out.date),
        },
        same_entity(
            out,
            "ISKP = Islamic State Khorasan Province",
            "ISKP",
            "Islamic State Khorasan Province",
        ),
        same_entity(
            out,
            "TTP = Tehrik-i-Taliban Pakistan",
            "TTP",
            "Tehrik-i-Taliban Pakistan",
        ),
    ];
    let jan = out
        .times
        .iter()
        .find(|t| t.text == "January 2015")
        .and_then(|t| t.value.clone());
    checks.push(Check {
        item: "January 2015 → 2015-01",
        pass: jan.as_deref() == Some("2015-01"),
        found: format!("{jan:?}"),
    });
    for (place, country, item) in [
        ("Pakistan", "PK", "Pakistan is geocoded in PK"),
        ("Afghanistan", "AF", "Afghanistan is geocoded in AF"),
        ("Moscow", "RU", "Moscow is geocoded in RU"),
    ] {
        let geo = entity_with(out, place).and_then(|e| e.geo.as_ref());
        checks.push(Check {
            item,
            pass: geo.and_then(|g| g.country.as_deref()) == Some(country),
            found: geo.map_or("no geocode".to_string(), |g| {
                format!("{:?} {:.2},{:.2}", g.country, g.lat, g.lon)
            }),
        });
    }
    let iskp = entity_with(out, "ISKP").map(|e| e.id.as_str());
    let is = entity_with(out, "Islamic State").map(|e| e.id.as_str());
    let affiliate = out.relations.iter().find(|r| {
        Some(r.subject.as_str()) == iskp
            && r.predicate == "affiliate_of"
            && Some(r.object.as_str()) == is
    });
    checks.push(Check {
        item: "relation: ISKP affiliate_of Islamic State",
        pass: affiliate.is_some(),
        found: affiliate.map_or_else(
            || {
                let of_iskp: Vec<String> = out
                    .relations
                    .iter()
                    .filter(|r| Some(r.subject.as_str()) == iskp)
                    .map(|r| format!("{} {}", r.predicate, name_of(out, &r.object)))
                    .collect();
                format!("ISKP has: {}", of_iskp.join("; "))
            },
            |r| r.evidence.text.chars().take(60).collect(),
        ),
    });
    let pakistan = entity_with(out, "Pakistan").map(|e| e.id.as_str());
    let threat = out
        .events
        .iter()
        .find(|e| e.root == "13" && e.source.as_deref() == iskp && e.target.as_deref() == pakistan);
    checks.push(Check {
        item: "event: ISKP threatens Pakistan (13x)",
        pass: threat.is_some(),
        found: threat.map_or_else(
            || {
                let of_iskp: Vec<String> = out
                    .events
                    .iter()
                    .filter(|e| e.source.as_deref() == iskp)
                    .map(|e| {
                        format!(
                            "{} → {}",
                            e.code,
                            e.target.as_deref().map_or("-", |t| name_of(out, t))
                        )
                    })
                    .collect();
                format!("ISKP's events: {}", of_iskp.join("; "))
            },
            |e| format!("{} {:?}", e.code, e.trigger.text),
        ),
    });
    // The quote itself stays in ../shared: the check is its shape, a direct
    // quote by ISKP that opens with a mention of Pakistan.
    let opens_with_pakistan = |c: &dossier_schema::OutputClaim| {
        entity_with(out, "Pakistan").is_some_and(|p| p.mentions.iter().any(|m| m.start == c.start))
    };
    let claim = out
        .claims
        .iter()
        .find(|c| c.speaker.as_deref() == iskp && c.direct && opens_with_pakistan(c));
    checks.push(Check {
        item: "claim: ISKP says \"Pakistan is …\" (direct quote)",
        pass: claim.is_some(),
        found: claim.map_or_else(
            || {
                out.claims.iter().find(|c| opens_with_pakistan(c)).map_or(
                    "no claim opens with Pakistan".to_string(),
                    |c| {
                        format!(
                            "speaker {}, direct: {}",
                            c.speaker.as_deref().map_or("none", |s| name_of(out, s)),
                            c.direct
                        )
                    },
                )
            },
            |c| format!("{} chars, direct: {}", c.text.chars().count(), c.direct),
        ),
    });
    checks
}
