#!/usr/bin/env bash
# `dossier ingest` (the extract pipeline writing into the SQLite store)
# against `dossier extract` (the same pipeline writing JSON Lines), on the
# same generated corpus in the same run, both pinned to one core. Prints
# articles/s and peak RSS of each, the ingest/extract throughput ratio
# (target: >= 0.85), the store's size on disk per article (database plus its
# -wal file), and whether ingest stays linear: articles/s on the first N/4,
# N/2 and N articles of the corpus, each ingested into a fresh store, should
# stay within 15% of each other.
#
#   bench/ingest_scale.sh [N]      (default 20000; the prefixes are then 5k, 10k, 20k)
#
# The corpus is made by bench/gen_articles.py (seed GEN_SEED, default 1,
# about 400 words an article) under target/bench/, and kept for later runs
# until the generator changes. Everything the run writes is there too; the
# summary goes to target/bench/ingest_scale.json.
#
# articles/s is N / wall-clock seconds, start-up (loading the models)
# included. The start-up of each command is also measured, on a one-article
# input, and "net" rates are N / (wall - start-up): the linearity check uses
# net rates, so that the fixed start-up does not make the small prefixes look
# slow. Each figure is also given by CPU time (user + system), which is
# steadier than wall-clock time when other jobs share the core; the verdicts
# are by wall-clock time, with the CPU-time verdicts beside them. Pinned to
# one core means one worker thread: both commands size their thread pool from
# the CPUs the process may use, which taskset limits to one.
#
# DOSSIER=path/to/dossier skips the build and measures that binary.
# The run does the work of 2.75 x N articles (extract N, ingest N, N/2 and N/4).
# On the 2-core development machine, extract does about 80 of these
# 400-word articles per CPU second, so N = 20000 takes about 12 minutes on an
# idle core, and longer when other jobs share it.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
SEED=${GEN_SEED:-1}
CORE=${BENCH_CORE:-0}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "ingest_scale.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v taskset > /dev/null || { echo "ingest_scale.sh: needs taskset (util-linux)" >&2; exit 1; }
case "$N" in '' | *[!0-9]*) echo "usage: bench/ingest_scale.sh [N]  (N articles, default 20000)" >&2; exit 2 ;; esac
[ "$N" -ge 4 ] || { echo "ingest_scale.sh: N must be at least 4" >&2; exit 2; }

BENCH=target/bench
mkdir -p "$BENCH"
step() { echo "== $(date +%H:%M:%S) $*"; }

if [ -z "${DOSSIER:-}" ]; then
    step "building the release binary (cargo build --release -p dossier-cli)"
    cargo build -q --release -p dossier-cli
    DOSSIER=${CARGO_TARGET_DIR:-target}/release/dossier
fi
[ -x "$DOSSIER" ] || { echo "ingest_scale.sh: no dossier binary at $DOSSIER" >&2; exit 1; }
if ! "$DOSSIER" ingest --help > /dev/null 2>&1; then
    echo "ingest_scale.sh: $DOSSIER has no 'ingest' command (\`dossier ingest --db FILE -q PATHS...\`);" >&2
    echo "  build a dossier that has it, or point DOSSIER at one. (\`dossier eval ingest\` is another command.)" >&2
    exit 1
fi

CORPUS=$BENCH/corpus-$N-s$SEED.jsonl
if [ ! -s "$CORPUS" ] || [ bench/gen_articles.py -nt "$CORPUS" ]; then
    step "generating $N articles (seed $SEED) into $CORPUS"
    python3 bench/gen_articles.py "$N" --seed "$SEED" > "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
else
    step "reusing $CORPUS"
fi
[ "$(wc -l < "$CORPUS")" -eq "$N" ] || { echo "ingest_scale.sh: $CORPUS does not hold $N articles" >&2; exit 1; }
Q1=$((N / 4))
Q2=$((N / 2))
head -n 1 "$CORPUS" > "$BENCH/prefix-1.jsonl"
head -n "$Q1" "$CORPUS" > "$BENCH/prefix-$Q1.jsonl"
head -n "$Q2" "$CORPUS" > "$BENCH/prefix-$Q2.jsonl"

RESULTS=$BENCH/ingest_scale.tsv
: > "$RESULTS"

# run LABEL ARTICLES OUTFILE DB CMD... : runs CMD pinned to one core under
# /usr/bin/time and appends "label articles wall user sys rss_kb db_bytes
# wal_bytes" to $RESULTS. DB is "-" for extract.
run() {
    local label=$1 n=$2 out=$3 db=$4
    shift 4
    local tf=$BENCH/$label.time err=$BENCH/$label.err
    if [ "$db" != - ]; then rm -f "$db" "$db-wal" "$db-shm" "$db-journal"; fi
    if ! taskset -c "$CORE" "$TIME" -o "$tf" -f "%e %U %S %M" "$@" > "$out" 2> "$err"; then
        echo "ingest_scale.sh: '$*' failed (exit status in $tf); its standard error:" >&2
        tail -n 20 "$err" >&2
        exit 1
    fi
    local db_bytes=0 wal_bytes=0
    if [ "$db" != - ]; then
        [ -s "$db" ] || { echo "ingest_scale.sh: '$*' exited 0 but wrote no store at $db" >&2; exit 1; }
        db_bytes=$(stat -c %s "$db")
        [ -e "$db-wal" ] && wal_bytes=$(stat -c %s "$db-wal")
    fi
    echo "$label $n $(tail -n 1 "$tf") $db_bytes $wal_bytes" >> "$RESULTS"
    awk -v l="$label" -v n="$n" '{printf "   %s: %d articles in %.1f s, peak RSS %.0f MiB\n", l, n, $1, $4 / 1024}' <(tail -n 1 "$tf")
}

step "warm-up (not measured), then start-up: extract and ingest of one article"
taskset -c "$CORE" "$DOSSIER" extract --format jsonl -q "$BENCH/prefix-1.jsonl" > /dev/null
run extract_startup 1 /dev/null - "$DOSSIER" extract --format jsonl -q "$BENCH/prefix-1.jsonl"
run ingest_startup 1 "$BENCH/ingest_startup.out" "$BENCH/store-1.db" "$DOSSIER" ingest --db "$BENCH/store-1.db" -q "$BENCH/prefix-1.jsonl"
step "dossier extract --format jsonl -q, $N articles, core $CORE"
run extract "$N" /dev/null - "$DOSSIER" extract --format jsonl -q "$CORPUS"
step "dossier ingest into a fresh store, $N articles, core $CORE"
run ingest "$N" "$BENCH/ingest.out" "$BENCH/store.db" "$DOSSIER" ingest --db "$BENCH/store.db" -q "$CORPUS"
for n in "$Q1" "$Q2"; do
    step "linearity: dossier ingest of the first $n articles into a fresh store"
    run "ingest_$n" "$n" "$BENCH/ingest_$n.out" "$BENCH/store-$n.db" "$DOSSIER" ingest --db "$BENCH/store-$n.db" -q "$BENCH/prefix-$n.jsonl"
done

step "summary"
python3 - "$RESULTS" "$CORPUS" "$BENCH/ingest_scale.json" "$DOSSIER" "$CORE" <<'PY'
import json, os, platform, subprocess, sys
results, corpus, out, dossier, core = sys.argv[1:6]
rows = {}
for line in open(results):
    label, n, wall, user, sys_, rss, db, wal = line.split()
    rows[label] = dict(articles=int(n), wall_s=float(wall), user_s=float(user), sys_s=float(sys_),
                       peak_rss_mib=round(int(rss) / 1024, 1), db_bytes=int(db), wal_bytes=int(wal))
n = rows["extract"]["articles"]
words = sum(len(json.loads(l)["text"].split()) for l in open(corpus, encoding="utf-8"))

def rates(label, startup):
    r = rows[label]
    r["articles_per_s"] = round(r["articles"] / r["wall_s"], 1)
    net = r["wall_s"] - rows[startup]["wall_s"]
    r["net_articles_per_s"] = round(r["articles"] / net, 1) if net > 0 else None
    r["words_per_s"] = round(words * r["articles"] / n / r["wall_s"])
    r["cpu_s"] = round(r["user_s"] + r["sys_s"], 2)
    r["articles_per_cpu_s"] = round(r["articles"] / r["cpu_s"], 1) if r["cpu_s"] > 0 else None
    net_cpu = r["cpu_s"] - (rows[startup]["user_s"] + rows[startup]["sys_s"])
    r["net_articles_per_cpu_s"] = round(r["articles"] / net_cpu, 1) if net_cpu > 0 else None
    return r

ex = rates("extract", "extract_startup")
for k in ("db_bytes", "wal_bytes"):
    del ex[k]
ing = rates("ingest", "ingest_startup")
ing["store_bytes"] = ing["db_bytes"] + ing["wal_bytes"]
ing["store_bytes_per_article"] = round(ing["store_bytes"] / n)
ratio = ing["articles_per_s"] / ex["articles_per_s"]
cpu_ratio = (ing["articles_per_cpu_s"] / ex["articles_per_cpu_s"]) if ing["articles_per_cpu_s"] and ex["articles_per_cpu_s"] else None
net_ratio = (ing["net_articles_per_s"] / ex["net_articles_per_s"]) if ing["net_articles_per_s"] and ex["net_articles_per_s"] else None
steps = []
for label in sorted((l for l in rows if l.startswith("ingest_") and l != "ingest_startup"), key=lambda l: rows[l]["articles"]) + ["ingest"]:
    r = rates(label, "ingest_startup") if label != "ingest" else ing
    steps.append(dict(articles=r["articles"], wall_s=r["wall_s"], articles_per_s=r["articles_per_s"],
                      net_articles_per_s=r["net_articles_per_s"], net_articles_per_cpu_s=r["net_articles_per_cpu_s"],
                      peak_rss_mib=r["peak_rss_mib"],
                      store_bytes=r["db_bytes"] + r["wal_bytes"]))
def spread_of(key):
    xs = [s[key] for s in steps if s[key]]
    return (max(xs) - min(xs)) / max(xs) if len(xs) == len(steps) else None

spread = spread_of("net_articles_per_s")
cpu_spread = spread_of("net_articles_per_cpu_s")

def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)

print(f"corpus: {corpus}: {n} articles, {words} words ({words / n:.0f} per article)")
print(f"binary: {dossier}; core {core}; load average {open('/proc/loadavg').read().split()[:3]}")
print()
print(f"{'command':<34} {'wall s':>8} {'art/s':>8} {'net art/s':>10} {'words/s':>9} {'art/CPU s':>10} {'peak RSS':>10}")
for name, label, startup in (("extract --format jsonl", "extract", "extract_startup"), ("ingest --db (fresh store)", "ingest", "ingest_startup")):
    r = rows[label]
    print(f"{name:<34} {r['wall_s']:>8.1f} {r['articles_per_s']:>8.1f} {fmt(r['net_articles_per_s'], '>10.1f')} {r['words_per_s']:>9} {fmt(r['articles_per_cpu_s'], '>10.1f')} {r['peak_rss_mib']:>7.0f} MiB")
    print(f"{'  start-up (one article)':<34} {rows[startup]['wall_s']:>8.2f} {'':>8} {'':>10} {'':>9} {'':>10} {rows[startup]['peak_rss_mib']:>7.0f} MiB")
print()
ok_ratio = ratio >= 0.85
ok_ratio_cpu = cpu_ratio is not None and cpu_ratio >= 0.85
print(f"ingest/extract throughput: {ratio:.3f} (net of start-up {fmt(net_ratio, '.3f')}, by CPU time {fmt(cpu_ratio, '.3f')}); "
      f"target >= 0.85: {'PASS' if ok_ratio else 'FAIL'} (by CPU time {'PASS' if ok_ratio_cpu else 'FAIL'})")
if abs(ratio - (cpu_ratio or ratio)) > 0.05:
    print("  (wall-clock and CPU-time ratios differ by more than 0.05: something else was using the core, or ingest waits on the disk)")
print(f"store on disk: {ing['store_bytes'] / 1e6:.1f} MB (database {ing['db_bytes'] / 1e6:.1f} MB + wal {ing['wal_bytes'] / 1e6:.1f} MB), "
      f"{ing['store_bytes_per_article']} bytes per article")
print()
print("linearity: ingest of corpus prefixes, each into a fresh store")
print(f"{'articles':>9} {'wall s':>8} {'art/s':>8} {'net art/s':>10} {'net art/CPU s':>14} {'store MB':>9} {'peak RSS':>10}")
for s in steps:
    print(f"{s['articles']:>9} {s['wall_s']:>8.1f} {s['articles_per_s']:>8.1f} {fmt(s['net_articles_per_s'], '>10.1f')} {fmt(s['net_articles_per_cpu_s'], '>14.1f')} {s['store_bytes'] / 1e6:>9.1f} {s['peak_rss_mib']:>7.0f} MiB")
ok_lin = spread is not None and spread <= 0.15
ok_lin_cpu = cpu_spread is not None and cpu_spread <= 0.15
pct = lambda x: fmt(None if x is None else 100 * x, ".1f")
print(f"spread of net articles/s: {pct(spread)}% of the fastest (by CPU time {pct(cpu_spread)}%); target <= 15%: "
      f"{'PASS' if ok_lin else 'FAIL'} (by CPU time {'PASS' if ok_lin_cpu else 'FAIL'})")

try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
except OSError:
    commit = ""
summary = dict(
    bench="ingest_scale", commit=commit, binary=dossier, core=int(core), cpu=platform.processor() or platform.machine(),
    load_average=open("/proc/loadavg").read().split()[:3], corpus=dict(path=corpus, articles=n, words=words),
    startup=dict(extract_s=rows["extract_startup"]["wall_s"], ingest_s=rows["ingest_startup"]["wall_s"]),
    extract=ex, ingest=ing,
    ratio=dict(ingest_over_extract=round(ratio, 4), net=None if net_ratio is None else round(net_ratio, 4),
               by_cpu_time=None if cpu_ratio is None else round(cpu_ratio, 4), target=0.85, pass_=ok_ratio,
               pass_by_cpu_time=ok_ratio_cpu),
    linearity=dict(method="prefixes of the corpus, each ingested into a fresh store; net articles/s compared",
                   steps=steps, spread=None if spread is None else round(spread, 4),
                   spread_by_cpu_time=None if cpu_spread is None else round(cpu_spread, 4), target=0.15, pass_=ok_lin,
                   pass_by_cpu_time=ok_lin_cpu),
)
summary["ratio"]["pass"] = summary["ratio"].pop("pass_")
summary["linearity"]["pass"] = summary["linearity"].pop("pass_")
with open(out, "w") as f:
    json.dump(summary, f, indent=2)
    f.write("\n")
print(f"\nsummary written to {out}")
PY
