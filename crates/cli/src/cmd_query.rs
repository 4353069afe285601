//! The query commands: `actor`, `events`, `timeline`, `network`, `claims`
//! and `search`. Each asks `dossier-query` and renders its answer as text,
//! JSON (Lines) or CSV; nothing is computed here that the server cannot get
//! from the same call.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dossier_query::{
    ActorDossier, ClaimFilter, ClaimRow, EventFilter, EventRow, Evidence, Lookup, Near,
    NetworkFilter, Page, Period, Store, Timeline,
};

use crate::cmd_store::DbArg;
use crate::progress::plural;

/// Paging of long answers.
#[derive(clap::Args, Clone, Copy)]
pub struct PageArgs {
    /// At most this many rows.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Skip this many rows first.
    #[arg(long, default_value_t = 0)]
    offset: usize,
}

impl PageArgs {
    fn page(self) -> Page {
        Page {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// Runs a query `repeat` times and prints the timings, for benchmarks that
/// measure a warm process (`--repeat` is hidden).
#[derive(clap::Args, Clone, Copy)]
pub struct RepeatArg {
    /// Run the query this many more times and print their timings on
    /// standard error as one JSON object (for benchmarks).
    #[arg(long, default_value_t = 0, hide = true)]
    repeat: usize,
}

impl RepeatArg {
    fn time<T>(&self, what: &str, mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<T> {
        let first = f()?;
        if self.repeat == 0 {
            return Ok(first);
        }
        let mut ms = Vec::with_capacity(self.repeat);
        for _ in 0..self.repeat {
            let t = Instant::now();
            std::hint::black_box(f()?);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        eprintln!(
            "{}",
            serde_json::json!({ "query": what, "ms": ms.iter().map(|m| (m * 1000.0).round() / 1000.0).collect::<Vec<_>>() })
        );
        Ok(first)
    }
}

fn open(db: &DbArg) -> anyhow::Result<Store> {
    Ok(Store::open_read_only(&db.db)?)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ObjectFormat {
    Text,
    Json,
}

/// The dossier of one actor: names, when it was seen, relations by
/// predicate with their evidence, events by month and the latest ones,
/// claims it made and claims about it, places, and the actors it appears
/// with.
///
/// NAME may be any name or alias articles used (case, diacritics and
/// transliteration variants do not matter; an acronym an article defined
/// works), or an actor id. A name several actors answer to lists them with
/// their ids, and the command exits with status 1.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier actor TTP\n  dossier actor \"Tehreek-e-Taliban Pakistan\" --format json\n  dossier actor dossier:ttp --db graph.db"
)]
pub struct ActorArgs {
    /// A name, alias, acronym or actor id.
    #[arg(value_name = "NAME|ID")]
    name: String,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ObjectFormat::Text)]
    format: ObjectFormat,
    #[command(flatten)]
    repeat: RepeatArg,
}

pub fn actor(args: ActorArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let lookup = args.repeat.time("actor", || {
        let l = dossier_query::actor_dossier(&store, &args.name)?;
        // What is timed is the answer as the user gets it.
        let out = match (&l, args.format) {
            (Lookup::Found(d), ObjectFormat::Json) => serde_json::to_string_pretty(d)?,
            (Lookup::Found(d), ObjectFormat::Text) => render_dossier(d),
            _ => String::new(),
        };
        Ok((l, out))
    })?;
    match lookup {
        (Lookup::Found(_), out) => {
            println!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        (Lookup::NotFound { name }, _) => anyhow::bail!(
            "no actor is called {name:?}; `dossier search {name:?}` finds the articles that name it, `dossier stats` lists the most reported actors"
        ),
        (Lookup::Ambiguous { name, candidates }, _) => {
            if args.format == ObjectFormat::Json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({ "name": name, "candidates": candidates })
                    )?
                );
            }
            eprintln!(
                "dossier: {name:?} may mean {}; run `dossier actor ID` with one of these ids:",
                plural(candidates.len(), "actor", "actors")
            );
            for c in &candidates {
                eprintln!(
                    "  {:<40} {:<7} {:>6} articles  {}",
                    c.name, c.etype, c.articles, c.id
                );
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn or_dash(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

/// A sentence on one line, cut to `max` characters.
fn clip(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let cut: String = one.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn evidence_line(e: &Option<Evidence>) -> String {
    match e {
        Some(e) => format!(
            "\"{}\" ({}, {})",
            clip(&e.sentence, 160),
            e.article,
            e.published.as_deref().unwrap_or("undated")
        ),
        None => "(no evidence)".into(),
    }
}

fn render_dossier(d: &ActorDossier) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let mut place = String::new();
    if let Some(c) = &d.country {
        place.push_str(c);
    }
    if let (Some(lat), Some(lon)) = (d.lat, d.lon) {
        let _ = write!(place, " {lat:.2}, {lon:.2}");
    }
    let _ = writeln!(
        o,
        "{}  [{}]  {}{}",
        d.name,
        d.id,
        d.etype,
        if place.is_empty() {
            String::new()
        } else {
            format!("  ({})", place.trim())
        }
    );
    if let Some(kb) = &d.kb_id {
        let _ = writeln!(o, "kb id        {kb}");
    }
    let names = |v: &[dossier_query::NameCount]| {
        v.iter()
            .map(|n| format!("{} ({})", n.name, n.n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(o, "aliases      {}", names(&d.aliases));
    if !d.titles.is_empty() {
        let _ = writeln!(o, "titles       {}", names(&d.titles));
    }
    let _ = writeln!(
        o,
        "seen         {} to {} in {}",
        or_dash(&d.first_seen),
        or_dash(&d.last_seen),
        plural(d.articles as usize, "article", "articles")
    );

    let _ = writeln!(o, "\nrelations ({})", d.relations.len());
    let mut last_predicate = "";
    for r in &d.relations {
        if r.predicate != last_predicate {
            let _ = writeln!(o, "  {}", r.predicate);
            last_predicate = &r.predicate;
        }
        let other = if r.subject == d.id {
            format!("-> {} [{}]", r.object_name, r.object)
        } else {
            format!("<- {} [{}]", r.subject_name, r.subject)
        };
        let says = if r.asserted_by.is_empty() {
            String::new()
        } else {
            format!(
                "  (says {})",
                r.asserted_by
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let _ = writeln!(
            o,
            "    {other}  {} to {}, {}{says}",
            or_dash(&r.first_seen),
            or_dash(&r.last_seen),
            plural(r.articles as usize, "article", "articles")
        );
        let _ = writeln!(o, "      {}", evidence_line(&r.evidence));
    }

    let ev = &d.events;
    let _ = writeln!(
        o,
        "\nevents       {} as source, {} as target",
        ev.as_source, ev.as_target
    );
    if !ev.by_month.is_empty() {
        let _ = writeln!(
            o,
            "  {:<8} {:<36} {:>6} {:>6}",
            "month", "root", "source", "target"
        );
        for m in &ev.by_month {
            let _ = writeln!(
                o,
                "  {:<8} {:<36} {:>6} {:>6}",
                m.month,
                format!("{} {}", m.root, m.label),
                m.as_source,
                m.as_target
            );
        }
    }
    if !ev.latest.is_empty() {
        let _ = writeln!(o, "  latest");
        for e in &ev.latest {
            let _ = writeln!(o, "    {}", event_line(e));
            let _ = writeln!(o, "      {}", evidence_line(&e.evidence));
        }
    }

    let c = &d.claims;
    let _ = writeln!(o, "\nclaims       {} made, {} about", c.made, c.about);
    for (what, list) in [("made", &c.latest_made), ("about", &c.latest_about)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(o, "  {what}");
        for cl in list {
            let _ = writeln!(o, "    {}", claim_line(cl));
        }
    }
    if !d.places.is_empty() {
        let places: Vec<String> = d
            .places
            .iter()
            .map(|p| match &p.country {
                Some(c) => format!("{} ({c}) {}", p.name, p.events),
                None => format!("{} {}", p.name, p.events),
            })
            .collect();
        let _ = writeln!(o, "\nplaces       {}", places.join(", "));
    }
    if !d.appears_with.is_empty() {
        let with: Vec<String> = d
            .appears_with
            .iter()
            .map(|a| format!("{} ({})", a.name, a.articles))
            .collect();
        let _ = writeln!(o, "appears with {}", with.join(", "));
    }
    o.trim_end().to_string()
}

fn event_line(e: &EventRow) -> String {
    let name = |a: &Option<dossier_query::ActorRef>| {
        a.as_ref().map_or("-".to_string(), |a| a.name.clone())
    };
    let place = e
        .place
        .as_ref()
        .map(|p| format!(" at {}", p.name))
        .unwrap_or_default();
    format!(
        "{}  {} {}  {} -> {}{place}  [{}; {}, {}]",
        or_dash(&e.date),
        e.code,
        e.label,
        name(&e.source),
        name(&e.target),
        e.modality,
        plural(e.sources as usize, "source", "sources"),
        plural(e.articles as usize, "article", "articles")
    )
}

fn claim_line(c: &ClaimRow) -> String {
    let speaker = c
        .speaker
        .as_ref()
        .map(|s| s.name.clone())
        .or_else(|| c.speaker_text.clone())
        .unwrap_or_else(|| "?".into());
    let about = if c.about.is_empty() {
        String::new()
    } else {
        format!(
            "  (about {})",
            c.about
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let denied = if c.polarity == "denied" {
        " (denies)"
    } else {
        ""
    };
    format!(
        "{}  {speaker}{denied}: \"{}\"{about}  ({})",
        or_dash(&c.date),
        clip(&c.text, 200),
        c.evidence.as_ref().map_or("-", |e| e.article.as_str())
    )
}

/// The filters `events` and `timeline` share.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Events this actor (a name or id) is the source or target of.
    #[arg(long, value_name = "ACTOR")]
    actor: Option<String>,
    /// Events this actor takes part in too (with --actor: events between
    /// the two).
    #[arg(long, value_name = "ACTOR")]
    with: Option<String>,
    /// CAMEO root: 18 assault, 19 fight, 20 mass violence, ...
    #[arg(long)]
    root: Option<String>,
    /// CAMEO code or its start: 183 also selects 1831.
    #[arg(long)]
    code: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    #[arg(long)]
    quad: Option<u8>,
    /// ISO 3166 alpha-2 code of the event's place (PK, ML).
    #[arg(long)]
    country: Option<String>,
    /// Events placed within --km of this point.
    #[arg(long, value_name = "LAT,LON", value_parser = parse_point, allow_hyphen_values = true)]
    near: Option<(f64, f64)>,
    /// The radius of --near, in kilometres.
    #[arg(long, default_value_t = 50.0, requires = "near")]
    km: f64,
    /// First date: YYYY, YYYY-MM or YYYY-MM-DD (the period's first day).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last date: YYYY, YYYY-MM or YYYY-MM-DD (the period's last day).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// asserted, claimed, denied, negated, future or hypothetical.
    #[arg(long)]
    modality: Option<String>,
    /// Events told by at least this many outlets.
    #[arg(long, value_name = "N")]
    min_sources: Option<i64>,
}

fn parse_point(s: &str) -> Result<(f64, f64), String> {
    let bad = || format!("{s:?} is not a point; give LAT,LON, for example 34.0,71.5");
    let (lat, lon) = s.split_once(',').ok_or_else(bad)?;
    let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
    let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
    Ok((lat, lon))
}

impl FilterArgs {
    fn filter(&self) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            with: self.with.clone(),
            root: self.root.clone(),
            code: self.code.clone(),
            quad: self.quad,
            country: self.country.clone(),
            near: self.near.map(|(lat, lon)| Near {
                lat,
                lon,
                km: self.km,
            }),
            from: self.from.clone(),
            to: self.to.clone(),
            modality: self.modality.clone(),
            min_sources: self.min_sources,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    Text,
    Jsonl,
    Csv,
}

/// Stored events, each told once with all its sources, the latest first:
/// date, code, source, target, place, number of sources and articles, and
/// one evidence sentence with its article id.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier events --actor TTP\n  dossier events --root 18 --country PK --from 2024-03 --to 2024-04\n  dossier events --near 34.0,71.5 --km 50 --min-sources 2 --format csv\n  dossier events --actor TTP --modality claimed --format jsonl --limit 10 --offset 10"
)]
pub struct EventsArgs {
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RowFormat::Text)]
    format: RowFormat,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    repeat: RepeatArg,
}

const EVENT_COLUMNS: &[&str] = &[
    "id",
    "date",
    "code",
    "root",
    "label",
    "source_id",
    "source",
    "target_id",
    "target",
    "place_id",
    "place",
    "country",
    "lat",
    "lon",
    "modality",
    "goldstein",
    "sources",
    "articles",
    "mentions",
    "confidence",
    "article",
    "sentence",
];

pub fn events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let filter = args.filter.filter();
    let page = args.repeat.time("events", || {
        Ok(dossier_query::events(&store, &filter, args.page.page())?)
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        RowFormat::Jsonl => {
            for e in &page.events {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        RowFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(EVENT_COLUMNS)?;
            let id = |a: &Option<dossier_query::ActorRef>| {
                a.as_ref().map(|a| a.id.clone()).unwrap_or_default()
            };
            let name = |a: &Option<dossier_query::ActorRef>| {
                a.as_ref().map(|a| a.name.clone()).unwrap_or_default()
            };
            let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
            for e in &page.events {
                w.write_record([
                    e.id.to_string(),
                    e.date.clone().unwrap_or_default(),
                    e.code.clone(),
                    e.root.clone(),
                    e.label.clone(),
                    id(&e.source),
                    name(&e.source),
                    id(&e.target),
                    name(&e.target),
                    id(&e.place),
                    name(&e.place),
                    e.country.clone().unwrap_or_default(),
                    num(e.lat),
                    num(e.lon),
                    e.modality.clone(),
                    e.goldstein.to_string(),
                    e.sources.to_string(),
                    e.articles.to_string(),
                    e.mentions.to_string(),
                    format!("{:.3}", e.confidence),
                    e.evidence
                        .as_ref()
                        .map(|v| v.article.clone())
                        .unwrap_or_default(),
                    e.evidence
                        .as_ref()
                        .map(|v| v.sentence.clone())
                        .unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        RowFormat::Text => {
            for e in &page.events {
                writeln!(out, "{}", event_line(e))?;
                writeln!(out, "    {}", evidence_line(&e.evidence))?;
            }
            writeln!(
                out,
                "{} of {}",
                showing(page.offset, page.events.len()),
                plural(page.total as usize, "event", "events")
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

fn showing(offset: usize, n: usize) -> String {
    if n == 0 {
        "none".into()
    } else {
        format!("{}-{}", offset + 1, offset + n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

/// Counts of events per period and CAMEO root: a compact chart in the
/// terminal (one bar per period, the roots stacked by letter), or JSON or
/// CSV. ACTOR is a shortcut for --actor.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier timeline TTP\n  dossier timeline --country PK --by week --from 2024-01 --to 2024-06\n  dossier timeline --quad 4 --format csv"
)]
pub struct TimelineArgs {
    /// An actor (name or id): its events.
    #[arg(value_name = "ACTOR")]
    who: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    /// The length of a period.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    by: PeriodArg,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TableFormat::Text)]
    format: TableFormat,
}

pub fn timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let mut filter = args.filter.filter();
    if let Some(a) = args.who {
        if filter.actor.is_some() {
            anyhow::bail!("give the actor once: as ACTOR or as --actor");
        }
        filter.actor = Some(a);
    }
    let by = match args.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
    };
    let t = dossier_query::timeline(&store, &filter, by)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TableFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&t)?)?,
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut header = vec!["period".to_string(), "start".into(), "total".into()];
            header.extend(t.roots.iter().map(|r| format!("root_{}", r.root)));
            w.write_record(&header)?;
            for p in &t.periods {
                let mut row = vec![p.period.clone(), p.start.clone(), p.total.to_string()];
                row.extend(
                    t.roots
                        .iter()
                        .map(|r| p.by_root.get(&r.root).copied().unwrap_or(0).to_string()),
                );
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        TableFormat::Text => write!(out, "{}", render_timeline(&t))?,
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

/// One line per period: its name, its total and a bar whose letters stand
/// for the roots (the legend follows), scaled to the busiest period.
fn render_timeline(t: &Timeline) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    if t.periods.is_empty() {
        return "no events\n".into();
    }
    const WIDTH: i64 = 60;
    let max = t.periods.iter().map(|p| p.total).max().unwrap_or(1).max(1);
    let letter = |i: usize| (b'A' + (i % 26) as u8) as char;
    let width = t.periods.iter().map(|p| p.period.len()).max().unwrap_or(7);
    for p in &t.periods {
        let mut bar = String::new();
        let mut drawn = 0i64;
        let mut cum = 0i64;
        for (i, r) in t.roots.iter().enumerate() {
            let n = p.by_root.get(&r.root).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            cum += n;
            // Cumulative rounding keeps the bar's length true to the total,
            // and a root with any events gets at least one letter.
            let upto = ((cum * WIDTH + max - 1) / max).max(drawn + 1);
            for _ in drawn..upto {
                bar.push(letter(i));
            }
            drawn = upto;
        }
        let _ = writeln!(o, "{:<width$} {:>5} {bar}", p.period, p.total);
    }
    let legend: Vec<String> = t
        .roots
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} {} {}", letter(i), r.root, r.label))
        .collect();
    let _ = writeln!(o, "\n{}", legend.join("  "));
    let _ = writeln!(o, "{}", plural(t.total as usize, "event", "events"));
    o
}

/// Actors as nodes, relations and events between them as edges, each with
/// its weight (articles) and time span. With ACTOR, the network within
/// --hops steps of it; without, the heaviest edges of the whole graph.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier network TTP\n  dossier network TTP --hops 2 --predicates member_of,leader_of,spokesperson_of\n  dossier network --from 2024-03 --to 2024-04 --format json"
)]
pub struct NetworkArgs {
    /// The actor at the centre (name or id).
    #[arg(value_name = "ACTOR")]
    actor: Option<String>,
    /// Steps out from the actor.
    #[arg(long, default_value_t = 1)]
    hops: u32,
    /// Relation predicates to follow, comma-separated (all by default).
    #[arg(long, value_delimiter = ',')]
    predicates: Vec<String>,
    /// Edges seen on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Edges seen on or before this date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Leave out the edges made of events.
    #[arg(long)]
    no_events: bool,
    /// At most this many edges of each kind per actor (or in all, without
    /// ACTOR), the heaviest first.
    #[arg(long, default_value_t = 200)]
    limit: usize,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ObjectFormat::Text)]
    format: ObjectFormat,
}

pub fn network(args: NetworkArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let filter = NetworkFilter {
        actor: args.actor,
        hops: args.hops,
        predicates: args.predicates,
        from: args.from,
        to: args.to,
        events: !args.no_events,
        limit: args.limit,
    };
    let net = dossier_query::network(&store, &filter)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format == ObjectFormat::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&net)?)?;
    } else {
        let name: std::collections::HashMap<&str, &str> = net
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.name.as_str()))
            .collect();
        writeln!(out, "nodes ({})", net.nodes.len())?;
        for n in &net.nodes {
            let hop = n.hop.map(|h| format!("hop {h}  ")).unwrap_or_default();
            writeln!(out, "  {hop}{:<40} {:<7} {}", n.name, n.etype, n.id)?;
        }
        writeln!(out, "edges ({})", net.edges.len())?;
        for e in &net.edges {
            let label = match e.kind {
                dossier_query::EdgeKind::Relation => e.predicate.clone(),
                dossier_query::EdgeKind::Event => format!(
                    "events {} {}",
                    e.predicate,
                    dossier_query::root_label(&e.predicate).unwrap_or("?")
                ),
            };
            writeln!(
                out,
                "  {} -[{label}]-> {}  {}, {} to {}",
                name.get(e.source.as_str()).unwrap_or(&e.source.as_str()),
                name.get(e.target.as_str()).unwrap_or(&e.target.as_str()),
                plural(e.weight as usize, "article", "articles"),
                or_dash(&e.first_seen),
                or_dash(&e.last_seen)
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LineFormat {
    Text,
    Jsonl,
}

/// Attributed claims: who said what, about whom, where; the latest first.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier claims --speaker TTP\n  dossier claims --about Pakistan --text \"police stations\"\n  dossier claims --from 2024-03 --format jsonl"
)]
pub struct ClaimsArgs {
    /// Claims this actor (name or id) made.
    #[arg(long, value_name = "ACTOR")]
    speaker: Option<String>,
    /// Claims about this actor.
    #[arg(long, value_name = "ACTOR")]
    about: Option<String>,
    /// Claims whose text contains all these words.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// Claims published on or after this date.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Claims published on or before this date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = LineFormat::Text)]
    format: LineFormat,
    #[command(flatten)]
    page: PageArgs,
}

pub fn claims(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let filter = ClaimFilter {
        speaker: args.speaker,
        about: args.about,
        text: args.text,
        from: args.from,
        to: args.to,
    };
    let page = dossier_query::claims(&store, &filter, args.page.page())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        LineFormat::Jsonl => {
            for c in &page.claims {
                serde_json::to_writer(&mut out, c)?;
                writeln!(out)?;
            }
        }
        LineFormat::Text => {
            for c in &page.claims {
                writeln!(out, "{}", claim_line(c))?;
            }
            writeln!(
                out,
                "{} of {}",
                showing(page.offset, page.claims.len()),
                plural(page.total as usize, "claim", "claims")
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

/// Full-text search over the stored articles: the best matches first, each
/// with a snippet, its date and the actors it names. Words are all
/// required; FTS5 syntax works too ("exact phrase", OR, NOT, prefix*).
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  dossier search \"suicide bombing\"\n  dossier search 'checkpoint OR convoy' --limit 5\n  dossier search Khurasani --format jsonl"
)]
pub struct SearchArgs {
    /// The words to look for.
    #[arg(value_name = "WORDS", required = true)]
    words: Vec<String>,
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = LineFormat::Text)]
    format: LineFormat,
    #[command(flatten)]
    page: PageArgs,
}

pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let page = dossier_query::search(&store, &args.words.join(" "), args.page.page())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        LineFormat::Jsonl => {
            for h in &page.hits {
                serde_json::to_writer(&mut out, h)?;
                writeln!(out)?;
            }
        }
        LineFormat::Text => {
            for h in &page.hits {
                writeln!(
                    out,
                    "{}  {}  {}",
                    h.date.as_deref().unwrap_or("undated"),
                    h.article,
                    h.title.as_deref().or(h.url.as_deref()).unwrap_or("")
                )?;
                writeln!(out, "    {}", clip(&h.snippet, 200))?;
                if !h.actors.is_empty() {
                    let names: Vec<&str> =
                        h.actors.iter().take(8).map(|a| a.name.as_str()).collect();
                    writeln!(out, "    names: {}", names.join(", "))?;
                }
            }
            writeln!(
                out,
                "{} of {}",
                showing(page.offset, page.hits.len()),
                plural(page.total as usize, "article", "articles")
            )?;
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}
