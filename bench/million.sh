#!/usr/bin/env bash
# The 1M-article run: `dossier ingest` of N generated articles (default
# 1,000,000, about 414 words each) into one SQLite store, all cores, in
# blocks of BLOCK articles (default 50,000), one ingest process a block, so
# the run leaves a log line per block and can be stopped and resumed.
#
#   bench/million.sh [N]            (default 1000000)
#   nohup bench/million.sh > million.out 2>&1 &     # the way to run it
#
# The corpus (bench/gen_articles.py, seed GEN_SEED, default 1) and the store
# are the ones bench/query_speed.sh N uses, under $CARGO_TARGET_DIR/bench
# (else target/bench), so when the store is full this script runs
# query_speed.sh on it for `dossier actor` p95 and `events` with two filters.
#
# The log, $BENCH/million-N-byBLOCK.tsv, has one line per finished block: block,
# first and last article, wall seconds, user and system CPU seconds, peak RSS
# (KiB), articles/s, store bytes after it, and when it ended. A rerun skips
# the blocks the log has; a block killed half-way is run again, and ingest
# skips the articles of it that were committed (their time is lost from the
# log, so the sum under-counts by at most the killed part; `start` lines
# record when each attempt began).
#
# The writer's page cache is CACHE_MIB (default 2048): the store's indices
# are random-keyed, and at a million articles they no longer fit the
# default 256 MiB, so each block's write cost grows with the store.
#
# DOSSIER=path/to/dossier skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BLOCK=${BLOCK:-50000}
SEED=${GEN_SEED:-1}
CACHE=${CACHE_MIB:-2048}
case "$N$BLOCK" in '' | *[!0-9]*) echo "usage: bench/million.sh [N]  (N articles, default 1000000)" >&2; exit 2 ;; esac
. bench/common.sh
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "million.sh: needs GNU time at /usr/bin/time (Debian package 'time')" >&2; exit 1; }

CORPUS=$BENCH/corpus-$N-s$SEED.jsonl
if [ ! -s "$CORPUS" ] || [ "$(wc -l < "$CORPUS")" -ne "$N" ]; then
    step "generating $N articles (seed $SEED) into $CORPUS"
    python3 bench/gen_articles.py "$N" --seed "$SEED" > "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
fi
BLOCKS=$BENCH/million-$N-by$BLOCK-blocks
if [ ! -e "$BLOCKS/.done" ]; then
    step "splitting the corpus into blocks of $BLOCK"
    rm -rf "$BLOCKS"
    mkdir -p "$BLOCKS"
    split -l "$BLOCK" -d -a 4 --additional-suffix=.jsonl "$CORPUS" "$BLOCKS/b"
    touch "$BLOCKS/.done"
fi
DB=$BENCH/query-$N-s$SEED.db
LOG=$BENCH/million-$N-by$BLOCK.tsv
[ -s "$LOG" ] || printf 'block\tfirst\tlast\twall_s\tuser_s\tsys_s\tmax_rss_kib\tarticles_per_s\tstore_bytes\tended\n' > "$LOG"
store_bytes() { du -cb "$DB" "$DB-wal" 2> /dev/null | tail -1 | cut -f1; }

n_blocks=$(( (N + BLOCK - 1) / BLOCK ))
for (( b = 0; b < n_blocks; b++ )); do
    file=$(printf '%s/b%04d.jsonl' "$BLOCKS" "$b")
    if awk -F'\t' -v b="$b" '$1 == b { found = 1 } END { exit !found }' "$LOG"; then
        continue
    fi
    first=$(( b * BLOCK + 1 ))
    n=$(wc -l < "$file")
    last=$(( first + n - 1 ))
    echo "start $b $(date -u +%FT%TZ)" >> "$LOG.attempts"
    step "block $b: articles $first-$last"
    "$TIME" -f '%e %U %S %M' -o "$BENCH/million.time" \
        "$DOSSIER" ingest -q --cache-mib "$CACHE" --db "$DB" "$file"
    read -r wall user sys rss < "$BENCH/million.time"
    rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$b" "$first" "$last" "$wall" "$user" "$sys" \
        "$rss" "$rate" "$(store_bytes)" "$(date -u +%FT%TZ)" >> "$LOG"
done

step "summary of $LOG"
awk -F'\t' 'NR > 1 { n += $3 - $2 + 1; w += $4; u += $5; s += $6; if ($7 > r) r = $7; last = $9 }
    END { printf "%d articles in %.0f s (%.2f h) of ingest: %.1f articles/s; CPU %.0f s user + %.0f s system; peak RSS %.0f MiB; store %.1f GB, %.1f KB an article\n",
          n, w, w / 3600, n / w, u, s, r / 1024, last / 1e9, last / n / 1e3 }' "$LOG"

touch "$DB.done"
step "query latencies on the full store (bench/query_speed.sh $N)"
DOSSIER=$DOSSIER GEN_SEED=$SEED bench/query_speed.sh "$N"
