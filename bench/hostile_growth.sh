#!/usr/bin/env bash
# Cost growth with article size (issue 26): `dossier extract` on one article
# of 1, 2 and 5 MB (the largest the default --max-bytes allows), on five
# 1 MB articles in one run (the 5 MB article should take at most twice as
# long), and on one 500,000-word sentence without punctuation. Prints wall
# time and peak RSS for each.
#
#   bench/hostile_growth.sh
#
# The articles are the project's own (bench/news_corpus.py) joined with
# blank lines, so they read like news; the run-on sentence repeats six words.
# DOSSIER=path/to/dossier skips the build and measures that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DOSSIER:-}" ]; then
    cargo build -q --release -p dossier-cli
    DOSSIER=${CARGO_TARGET_DIR:-target}/release/dossier
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/news_corpus.py 1000000 > "$WORK/corpus.jsonl"
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
texts = [json.loads(l)["text"] for l in open(f"{work}/corpus.jsonl")]
def article(n_bytes):
    out, size, i = [], 0, 0
    while True:
        t = texts[i % len(texts)]
        if size + len(t.encode()) + 2 > n_bytes:
            return "\n\n".join(out)
        out.append(t)
        size += len(t.encode()) + 2
        i += 1
for mb in (1, 2, 5):
    open(f"{work}/article-{mb}mb.txt", "w").write(article(mb * 1_000_000))
for k in range(5):
    open(f"{work}/five-{k}.txt", "w").write(article(1_000_000))
words = ["troops", "moved", "near", "the", "border", "post"]
open(f"{work}/sentence-500k.txt", "w").write(" ".join(words[i % 6] for i in range(500_000)))
PY
printf '%-28s %10s %8s %12s\n' input bytes seconds "peak RSS MB"
measure() {
    local name=$1; shift
    local bytes
    bytes=$(cat "$@" | wc -c)
    /usr/bin/time -f '%e %M' -o "$WORK/time" \
        "$DOSSIER" extract -q -f jsonl -j 1 --date 2024-03-05 "$@" > /dev/null 2> "$WORK/err" || true
    read -r secs kb < "$WORK/time"
    printf '%-28s %10s %8s %12s\n' "$name" "$bytes" "$secs" "$((kb / 1024))"
}
measure "1 MB article" "$WORK/article-1mb.txt"
measure "2 MB article" "$WORK/article-2mb.txt"
measure "5 MB article" "$WORK/article-5mb.txt"
measure "five 1 MB articles" "$WORK"/five-*.txt
measure "500k-word sentence" "$WORK/sentence-500k.txt"
