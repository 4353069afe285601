#!/usr/bin/env bash
# How dossier's ingest cost grows with its work, on each backend: generated
# articles of about 400 words ingested at several sizes (default 10k, 30k,
# 100k), each into a fresh store,
#   - into SQLite by one `dossier ingest` process (all cores);
#   - into PostgreSQL by one `dossier ingest --worker` (all cores);
#   - into PostgreSQL by two workers at once (one core each),
# the work divided by the store's queue (`dossier enqueue`, files of CHUNK
# articles). Prints articles/s, words/s, store size per article and peak RSS
# per worker, whether articles/s stays within 15% across sizes (linear), and
# the projected time for 1M articles on this machine and on a 16-core one.
#
#   bench/ingest_backends.sh [SIZE...]      (default: 10000 30000 100000)
#
# The projection needs the two costs that bound ingest: extraction per core
# (`extract` of the smallest size pinned to one core) and the writer, which
# is one at a time on either backend (`load` of that extract's JSON Lines,
# the store's work alone). One SQLite process extracts a batch on all cores,
# then writes it: 1/rate = 1/(cores x extract rate) + 1/write rate. Workers
# write in turns while the others extract: rate = min(cores x extract rate,
# write rate). Both ignore memory bandwidth and disk limits of the bigger
# machine.
#
# PostgreSQL: Debian's binaries (`initdb`, `pg_ctl`), a throwaway cluster in
# a temporary folder with the server's default durability (fsync on),
# stopped and removed on exit. Corpus and results go to target/bench/
# (summary: target/bench/ingest_backends.json). DOSSIER=path/to/dossier
# skips the build. GEN_SEED (default 1) picks the corpus, CHUNK (default
# 100) the articles per queue input. The default sizes ingest 140k articles
# three times: about 2.5 hours on the 2-core development machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 30000 100000)
for n in "${SIZES[@]}"; do
    case "$n" in '' | *[!0-9]*) echo "usage: bench/ingest_backends.sh [SIZE...]  (articles, default 10000 30000 100000)" >&2; exit 2 ;; esac
    [ "$n" -ge 100 ] || { echo "ingest_backends.sh: sizes must be at least 100" >&2; exit 2; }
done
IFS=$'\n' SIZES=($(printf '%s\n' "${SIZES[@]}" | sort -n -u)); unset IFS
MAX=${SIZES[-1]}
MIN=${SIZES[0]}
SEED=${GEN_SEED:-1}
CHUNK=${CHUNK:-100}
CORES=$(nproc)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "ingest_backends.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v taskset > /dev/null || { echo "ingest_backends.sh: needs taskset (util-linux)" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || {
    echo "ingest_backends.sh: needs PostgreSQL's server binaries (apt-get install postgresql)" >&2
    exit 1
}

BENCH=target/bench
OUT=$BENCH/backends
mkdir -p "$OUT"
step() { echo "== $(date +%H:%M:%S) $*"; }

if [ -z "${DOSSIER:-}" ]; then
    step "building the release binary (cargo build --release -p dossier-cli)"
    cargo build -q --release -p dossier-cli
    DOSSIER=${CARGO_TARGET_DIR:-target}/release/dossier
fi
[ -x "$DOSSIER" ] || { echo "ingest_backends.sh: no dossier binary at $DOSSIER" >&2; exit 1; }
DOSSIER=$(readlink -f "$DOSSIER")

CORPUS=$BENCH/corpus-$MAX-s$SEED.jsonl
if [ ! -s "$CORPUS" ] || [ bench/gen_articles.py -nt "$CORPUS" ]; then
    step "generating $MAX articles (seed $SEED) into $CORPUS"
    python3 bench/gen_articles.py "$MAX" --seed "$SEED" > "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
else
    step "reusing $CORPUS"
fi

# --- the throwaway PostgreSQL cluster ---------------------------------------
PGTMP=$(mktemp -d /tmp/dossier-bench-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() {
    # initdb refuses root: the cluster then runs as the postgres user.
    if [ "$(id -u)" = 0 ]; then
        id postgres > /dev/null 2>&1 || useradd --system postgres
        chown -R postgres "$PGTMP"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
stop_pg() {
    as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast stop > /dev/null 2>&1 || true
    rm -rf "$PGTMP"
}
trap stop_pg EXIT
step "starting a throwaway PostgreSQL cluster ($PGBIN) on port $PGPORT"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U dossier --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$PGTMP/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c max_connections=50" start > /dev/null
SERVER="postgres://dossier@127.0.0.1:$PGPORT"
psql_() { "$PGBIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PGPORT" -U dossier "$@"; }
fresh_pg() { # fresh_pg NAME: an empty database; prints its URL
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" > /dev/null
    echo "$SERVER/$1"
}
pg_bytes() { psql_ -d "$1" -c "SELECT pg_database_size(current_database())"; }

RESULTS=$OUT/results.tsv
: > "$RESULTS"
# record LABEL ARTICLES WALL STORE_BYTES TIMEFILE... : one line of results;
# each time file holds "wall user sys rss_kb" of one process.
record() {
    local label=$1 n=$2 wall=$3 bytes=$4
    shift 4
    local cpu=0 rss=0 t u s r
    for tf in "$@"; do
        read -r t u s r < <(tail -n 1 "$tf")
        cpu=$(python3 -c "print($cpu + $u + $s)")
        [ "$r" -gt "$rss" ] && rss=$r
    done
    echo "$label $n $wall $cpu $rss $bytes $#" >> "$RESULTS"
    awk -v l="$label" -v n="$n" -v w="$wall" -v r="$rss" -v c="$cpu" \
        'BEGIN {printf "   %s: %d articles in %.1f s (%.0f articles/s, %.1f CPU s), peak RSS %.0f MiB per process\n", l, n, w, n / w, c, r / 1024}'
}
timed() { # timed TIMEFILE CMD...: runs CMD under /usr/bin/time, stops the bench if it fails
    local tf=$1
    shift
    if ! "$TIME" -o "$tf" -f "%e %U %S %M" "$@" > /dev/null 2> "$tf.err"; then
        echo "ingest_backends.sh: '$*' failed; its standard error:" >&2
        tail -n 20 "$tf.err" >&2
        exit 1
    fi
}
now() { date +%s.%N; }
since() { python3 -c "import sys; print(round($(now) - $1, 2))"; }

# --- the two costs behind the projection ------------------------------------
step "extraction per core: dossier extract of $MIN articles, pinned to one core"
head -n "$MIN" "$CORPUS" > "$OUT/prefix-$MIN.jsonl"
timed "$OUT/extract.time" taskset -c 0 "$DOSSIER" extract -q --format jsonl -o "$OUT/extracted-$MIN.jsonl" "$OUT/prefix-$MIN.jsonl"
record extract_1core "$MIN" "$(cut -d' ' -f1 < "$OUT/extract.time")" 0 "$OUT/extract.time"
step "the writer alone: dossier load of those $MIN documents"
rm -f "$OUT/load.db" "$OUT/load.db-wal" "$OUT/load.db-shm"
timed "$OUT/load_sqlite.time" "$DOSSIER" load -q --db "$OUT/load.db" "$OUT/extracted-$MIN.jsonl"
record load_sqlite "$MIN" "$(cut -d' ' -f1 < "$OUT/load_sqlite.time")" 0 "$OUT/load_sqlite.time"
URL=$(fresh_pg bench_load)
timed "$OUT/load_pg.time" "$DOSSIER" load -q --db "$URL" "$OUT/extracted-$MIN.jsonl"
record load_postgres "$MIN" "$(cut -d' ' -f1 < "$OUT/load_pg.time")" 0 "$OUT/load_pg.time"
psql_ -d postgres -c "DROP DATABASE bench_load" > /dev/null

for n in "${SIZES[@]}"; do
    prefix=$OUT/prefix-$n.jsonl
    [ -s "$prefix" ] || head -n "$n" "$CORPUS" > "$prefix"
    chunks=$OUT/chunks-$n
    rm -rf "$chunks"
    mkdir -p "$chunks"
    split -l "$CHUNK" -d -a 6 --additional-suffix=.jsonl "$prefix" "$chunks/part-"

    step "SQLite, one process: $n articles"
    db=$OUT/sqlite-$n.db
    rm -f "$db" "$db-wal" "$db-shm"
    timed "$OUT/sqlite-$n.time" "$DOSSIER" ingest -q --db "$db" "$prefix"
    bytes=$(($(stat -c %s "$db") + $([ -e "$db-wal" ] && stat -c %s "$db-wal" || echo 0)))
    record sqlite "$n" "$(cut -d' ' -f1 < "$OUT/sqlite-$n.time")" "$bytes" "$OUT/sqlite-$n.time"
    rm -f "$db" "$db-wal" "$db-shm"

    for workers in 1 2; do
        step "PostgreSQL, $workers worker(s): $n articles in $(ls "$chunks" | wc -l) queue inputs"
        URL=$(fresh_pg "bench_w${workers}_$n")
        "$DOSSIER" enqueue -q --db "$URL" "$chunks"
        threads=$((CORES / workers))
        [ "$threads" -ge 1 ] || threads=1
        start=$(now)
        pids=()
        files=()
        for w in $(seq 1 "$workers"); do
            tf=$OUT/pg$workers-$n-w$w.time
            files+=("$tf")
            "$TIME" -o "$tf" -f "%e %U %S %M" "$DOSSIER" ingest -q --db "$URL" --worker -j "$threads" --worker-name "bench-$w" > /dev/null 2> "$tf.err" &
            pids+=($!)
        done
        for i in "${!pids[@]}"; do
            if ! wait "${pids[$i]}"; then
                echo "ingest_backends.sh: worker $((i + 1)) failed; its standard error:" >&2
                tail -n 20 "${files[$i]}.err" >&2
                exit 1
            fi
        done
        wall=$(since "$start")
        stored=$(psql_ -d "bench_w${workers}_$n" -c "SELECT count(*) FROM articles")
        [ "$stored" -eq "$n" ] || { echo "ingest_backends.sh: $stored of $n articles stored by $workers worker(s)" >&2; exit 1; }
        record "postgres_$workers" "$n" "$wall" "$(pg_bytes "bench_w${workers}_$n")" "${files[@]}"
        psql_ -d postgres -c "DROP DATABASE bench_w${workers}_$n" > /dev/null
    done
    rm -rf "$chunks"
done

step "summary"
python3 - "$RESULTS" "$CORPUS" "$OUT/../ingest_backends.json" "$DOSSIER" "$CORES" <<'PY'
import json, subprocess, sys
results, corpus, out, dossier, cores = sys.argv[1:6]
cores = int(cores)
rows = []
for line in open(results):
    label, n, wall, cpu, rss, size, procs = line.split()
    rows.append(dict(label=label, articles=int(n), wall_s=float(wall), cpu_s=float(cpu),
                     peak_rss_mib_per_process=round(int(rss) / 1024, 1), store_bytes=int(size), processes=int(procs)))
words_per_article = []
for i, l in enumerate(open(corpus, encoding="utf-8")):
    words_per_article.append(len(json.loads(l)["text"].split()))
def words(n):
    return sum(words_per_article[:n])
for r in rows:
    r["articles_per_s"] = round(r["articles"] / r["wall_s"], 1)
    r["words_per_s"] = round(words(r["articles"]) / r["wall_s"])
    r["store_bytes_per_article"] = round(r["store_bytes"] / r["articles"]) if r["store_bytes"] else None
one = {r["label"]: r for r in rows if r["label"] in ("extract_1core", "load_sqlite", "load_postgres")}
runs = [r for r in rows if r["label"] not in one]
names = {"sqlite": "SQLite, 1 process", "postgres_1": "PostgreSQL, 1 worker", "postgres_2": "PostgreSQL, 2 workers"}
print(f"corpus: {corpus} (about {sum(words_per_article) / len(words_per_article):.0f} words an article); binary: {dossier}; {cores} cores")
print(f"load average {open('/proc/loadavg').read().split()[:3]}")
print()
print(f"{'backend':<24} {'articles':>9} {'wall s':>9} {'art/s':>7} {'words/s':>9} {'store B/art':>12} {'RSS/worker':>11}")
for r in runs:
    print(f"{names[r['label']]:<24} {r['articles']:>9} {r['wall_s']:>9.1f} {r['articles_per_s']:>7.1f} {r['words_per_s']:>9} "
          f"{r['store_bytes_per_article'] or 0:>12} {r['peak_rss_mib_per_process']:>7.0f} MiB")
print()
linear = {}
for label in names:
    rs = [r for r in runs if r["label"] == label]
    if len(rs) < 2:
        continue
    xs = [r["articles_per_s"] for r in rs]
    spread = (max(xs) - min(xs)) / max(xs)
    linear[label] = round(spread, 3)
    print(f"linearity, {names[label]}: articles/s from {rs[0]['articles']} to {rs[-1]['articles']} articles spread {100 * spread:.1f}% "
          f"of the fastest; target <= 15%: {'PASS' if spread <= 0.15 else 'FAIL'}")
ex = one["extract_1core"]
per_core = ex["articles"] / ex["cpu_s"]
write = {"sqlite": one["load_sqlite"]["articles"] / one["load_sqlite"]["wall_s"],
         "postgres": one["load_postgres"]["articles"] / one["load_postgres"]["wall_s"]}
print()
print(f"extraction: {per_core:.1f} articles per CPU second (one core); the writer alone (load): "
      f"SQLite {write['sqlite']:.0f} articles/s, PostgreSQL {write['postgres']:.0f} articles/s")
projection = {}
largest = max(r["articles"] for r in runs)
def hours(rate):
    return round(1e6 / rate / 3600, 2)
print()
print(f"projected time for 1M articles:")
for label in names:
    rs = [r for r in runs if r["label"] == label and r["articles"] == largest]
    if not rs:
        continue
    here = rs[0]["articles_per_s"]
    if label == "sqlite":
        rate16 = 1 / (1 / (16 * per_core) + 1 / write["sqlite"])
    else:
        rate16 = min(16 * per_core, write["postgres"])
    projection[label] = dict(this_machine_h=hours(here), cores16_h=hours(rate16), cores16_articles_per_s=round(rate16, 1))
    print(f"  {names[label]:<24} here {hours(here):>6.2f} h (at {here:.1f} articles/s, measured at {largest}); "
          f"16 cores {hours(rate16):>6.2f} h ({rate16:.0f} articles/s)")
try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
except OSError:
    commit = ""
json.dump(dict(bench="ingest_backends", commit=commit, binary=dossier, cores=cores,
               load_average=open("/proc/loadavg").read().split()[:3], runs=runs, costs=list(one.values()),
               extract_articles_per_cpu_s=round(per_core, 1), write_articles_per_s={k: round(v, 1) for k, v in write.items()},
               linearity_spread=linear, projection_1m=projection), open(out, "w"), indent=2)
print(f"\nsummary written to {out}")
PY
