#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not checked in)
# from the project's own fixtures: the ingest golden files, the examples,
# the segmenter's and the time tagger's test articles.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=..
seed() { # target, files...
    local target=$1; shift
    mkdir -p "corpus/$target"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "corpus/$target/$(basename "$f")"
    done
    return 0
}
T=$ROOT/crates/ingest/test_data/ingest
seed ingest_text $T/*.txt $ROOT/examples/*.txt
seed ingest_jsonl $T/*.jsonl
seed ingest_html $T/*.html
seed ingest_feed $T/*.rss $T/*.atom
seed segment $ROOT/examples/*.txt $ROOT/crates/text/test_data/segment/*.txt
seed pipeline $ROOT/examples/*.txt
# The time target reads 5 bytes of anchor date first; any prefix will do.
mkdir -p corpus/time
for f in $ROOT/examples/*.txt $ROOT/crates/text/test_data/segment/*.txt; do
    [ -f "$f" ] || continue
    { printf '\x10\x20\x00\x00\x00'; head -c 2000 "$f"; } > "corpus/time/$(basename "$f")"
done
ls corpus | while read -r t; do echo "$t: $(ls "corpus/$t" | wc -l) seeds"; done
