# Sourced by the bench scripts, from the repository root: BENCH (where they
# keep corpora, stores and logs: $CARGO_TARGET_DIR/bench, else
# target/bench), `step` (a timed progress line) and DOSSIER (the release
# binary, built here unless DOSSIER names one).
BENCH=${CARGO_TARGET_DIR:-target}/bench
mkdir -p "$BENCH"
step() { echo "== $(date +%H:%M:%S) $*"; }
if [ -z "${DOSSIER:-}" ]; then
    step "building the release binary (cargo build --release -p dossier-cli)"
    cargo build -q --release -p dossier-cli
    DOSSIER=${CARGO_TARGET_DIR:-target}/release/dossier
fi
[ -x "$DOSSIER" ] || { echo "$(basename "$0"): no dossier binary at $DOSSIER" >&2; exit 1; }
