#!/usr/bin/env bash
# Query speed on a store of N generated articles: `dossier actor` for the 20
# most reported actors (target: p95 <= 100 ms) and `dossier events` with two
# filters to the first page (target: <= 200 ms), each measured inside one warm
# process (the hidden `--repeat R` flag runs the query R more times after a
# first, untimed run, and prints the timings on stderr). What is timed is
# the whole answer as the user gets it: the query, and for `actor` the
# rendering of the JSON; for `events` the page and the count of all matches.
#
#   bench/query_speed.sh [N]        (default 100000 articles)
#
# The corpus comes from bench/gen_articles.py (seed GEN_SEED, default 1) and
# the store from `dossier ingest` over it, both kept under
# $CARGO_TARGET_DIR/bench (else target/bench) for later runs. Filling the
# store is the slow part: the pipeline does about 55 of these 400-word
# articles per second on one core, so N = 100000 takes about 30 minutes with
# one worker thread (`THREADS`, default all cores), N = 5000 about 2. The
# queries themselves take seconds. REPEAT (default 20) sets the timed runs per
# query; the summary goes to $BENCH/query_speed.json.
#
# DOSSIER=path/to/dossier skips the build. Queries are pinned to one core
# (BENCH_CORE, default 0) when taskset is there.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
SEED=${GEN_SEED:-1}
REPEAT=${REPEAT:-20}
CORE=${BENCH_CORE:-0}
case "$N" in '' | *[!0-9]*) echo "usage: bench/query_speed.sh [N]  (N articles, default 100000)" >&2; exit 2 ;; esac
[ "$N" -ge 100 ] || { echo "query_speed.sh: N must be at least 100" >&2; exit 2; }

. bench/common.sh
"$DOSSIER" actor --help > /dev/null 2>&1 || { echo "query_speed.sh: $DOSSIER has no 'actor' command" >&2; exit 1; }
PIN=()
command -v taskset > /dev/null && PIN=(taskset -c "$CORE")

CORPUS=$BENCH/corpus-$N-s$SEED.jsonl
if [ ! -s "$CORPUS" ] || [ "$(wc -l < "$CORPUS")" -ne "$N" ]; then
    step "generating $N articles (seed $SEED) into $CORPUS"
    python3 bench/gen_articles.py "$N" --seed "$SEED" > "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
fi
DB=$BENCH/query-$N-s$SEED.db
if [ ! -e "$DB.done" ]; then
    # A store left by a killed run is completed: ingest skips what it holds.
    step "ingesting $N articles into $DB (the slow part; see the header)"
    THREAD_ARGS=()
    [ -n "${THREADS:-}" ] && THREAD_ARGS=(--threads "$THREADS")
    start=$(date +%s)
    "$DOSSIER" ingest --db "$DB" -q "${THREAD_ARGS[@]}" "$CORPUS"
    echo "ingested in $(( $(date +%s) - start )) s"
    touch "$DB.done"
else
    step "reusing $DB"
fi
# A store an older dossier wrote is brought to this build's schema (the
# query tables of migration 3 are filled from what it holds).
"$DOSSIER" load --db "$DB" -q /dev/null
"$DOSSIER" stats --db "$DB" > "$BENCH/stats.txt"   # not piped: head would close it early
head -7 "$BENCH/stats.txt"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TIMINGS=$BENCH/query_speed.timings
: > "$TIMINGS"

# The 20 actors named in the most articles (the store's own ranking, read
# here with Python's sqlite3 because `stats` lists ten).
mapfile -t TOP < <(python3 - "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for (actor,) in db.execute(
    "SELECT actor FROM entities WHERE actor IS NOT NULL GROUP BY actor "
    "ORDER BY count(DISTINCT article) DESC, actor LIMIT 20"):
    print(actor)
EOF
)
step "dossier actor: ${#TOP[@]} actors x $REPEAT warm runs"
for id in "${TOP[@]}"; do
    "${PIN[@]}" "$DOSSIER" actor --db "$DB" --format json --repeat "$REPEAT" "$id" \
        2> >(sed "s/^/actor\t$id\t/" >> "$TIMINGS") > /dev/null
done

# Two filters each, the first page (50 rows) and the total.
A1=${TOP[0]}
A2=${TOP[1]:-$A1}
EVENT_QUERIES=(
    "--actor $A1 --root 19"
    "--actor $A2 --quad 4"
    "--country PK --root 18"
    "--root 19 --from 2020 --to 2021"
    "--actor $A1 --min-sources 2"
    "--country AF --modality claimed"
)
step "dossier events: ${#EVENT_QUERIES[@]} two-filter queries x $REPEAT warm runs"
for q in "${EVENT_QUERIES[@]}"; do
    # shellcheck disable=SC2086 # the filters are words
    "${PIN[@]}" "$DOSSIER" events --db "$DB" --format jsonl --repeat "$REPEAT" $q \
        2> >(sed "s/^/events\t$q\t/" >> "$TIMINGS") > /dev/null
done

# The whole graph to Parquet (all events, their mentions and every other
# table), timed by wall clock: rows/s counts every row written.
PARQUET=$BENCH/parquet-$N-s$SEED
rm -rf "$PARQUET"
step "dossier export --format parquet (all tables) into $PARQUET"
start=$(date +%s%N)
"${PIN[@]}" "$DOSSIER" export --db "$DB" --format parquet -o "$PARQUET" 2> "$BENCH/parquet.log"
EXPORT_S=$(( ($(date +%s%N) - start) / 1000000 ))e-3
EXPORT_ROWS=$(grep -o '[0-9]* rows written' "$BENCH/parquet.log" | cut -d' ' -f1)
EVENT_ROWS=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True).execute('SELECT count(*) FROM events').fetchone()[0])" "$DB")
sleep 0.5
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$TIMINGS" "$N" "$BENCH/query_speed.json" "$LOAD_BEFORE" "$LOAD_AFTER" \
    "$EXPORT_S" "$EXPORT_ROWS" "$EVENT_ROWS" <<'EOF'
import json, sys
path, n, out, load_before, load_after = sys.argv[1:6]
export_s, export_rows, event_rows = float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
runs = {"actor": {}, "events": {}}
for line in open(path):
    kind, what, rest = line.rstrip("\n").split("\t", 2)
    try:
        runs[kind][what] = json.loads(rest)["ms"]
    except (ValueError, KeyError):
        print(f"{kind} {what}: {rest}", file=sys.stderr)
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")
summary = {"articles": int(n), "load_before": load_before, "load_after": load_after}
for kind, target in (("actor", 100.0), ("events", 200.0)):
    allms = [m for ms in runs[kind].values() for m in ms]
    per = {w: {"p50": pct(ms, 50), "p95": pct(ms, 95), "max": max(ms)} for w, ms in runs[kind].items()}
    p95 = pct(allms, 95)
    summary[kind] = {"p50_ms": pct(allms, 50), "p95_ms": p95, "max_ms": max(allms) if allms else None,
                     "target_ms": target, "ok": p95 <= target, "queries": per}
    print(f"\n{kind}: p50 {pct(allms, 50):.1f} ms, p95 {p95:.1f} ms, max {max(allms):.1f} ms "
          f"over {len(allms)} runs (target p95 <= {target:.0f} ms: {'ok' if p95 <= target else 'MISSED'})")
    for w, s in sorted(per.items(), key=lambda x: -x[1]["p95"])[:8]:
        print(f"  {s['p95']:8.1f} ms p95  {s['p50']:8.1f} ms p50  {w}")
rate = export_rows / export_s
summary["parquet"] = {"seconds": export_s, "rows": export_rows, "events": event_rows,
                      "rows_per_s": rate, "target_rows_per_s": 100000, "ok": rate >= 100000}
print(f"\nparquet export: {export_rows} rows ({event_rows} events) in {export_s:.1f} s, "
      f"{rate:,.0f} rows/s (target >= 100,000 rows/s: {'ok' if rate >= 100000 else 'MISSED'})")
print(f"\nload average before {load_before}, after {load_after}")
json.dump(summary, open(out, "w"), indent=1)
EOF
echo "summary: $BENCH/query_speed.json"
