#!/usr/bin/env bash
# Byte-identity check of two dossier binaries: runs `extract --format jsonl`
# of each over the same inputs and diffs the outputs.
#
#   scripts/diff_outputs.sh BASE_BIN NEW_BIN [DATA_ROOT]
#
# Inputs: examples/*.txt; the dev set (crates/extract/test_data/devset/*.txt,
# fixture markup removed, so the text is the article's); and the real-news
# set (crates/extract/test_data/realset/*.toml), each article's span of its
# source file under DATA_ROOT (default ../shared/data; TBAQ's XML tags
# removed and entities unescaped), skipped with a message when DATA_ROOT is
# absent. Exits 1 when the outputs differ.
set -euo pipefail
base=$1
new=$2
data=${3:-../shared/data}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/examples" "$work/in/devset" "$work/in/realset"
cp examples/*.txt "$work/in/examples/"
python3 - "$work/in" "$data" <<'PY'
import glob, html, os, re, sys, tomllib
out, data = sys.argv[1], sys.argv[2]
mark = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
for p in sorted(glob.glob("crates/extract/test_data/devset/*.txt")):
    text = open(p, encoding="utf-8").read()
    open(os.path.join(out, "devset", os.path.basename(p)), "w", encoding="utf-8").write(mark.sub(r"\1", text))
if not os.path.isdir(data):
    print(f"realset skipped: no {data}", file=sys.stderr)
    sys.exit(0)
n = 0
for p in sorted(glob.glob("crates/extract/test_data/realset/*.toml")):
    a = tomllib.load(open(p, "rb"))
    src = os.path.join(data, a["source"])
    if not os.path.isfile(src):
        print(f"realset: missing {src}", file=sys.stderr)
        continue
    raw = open(src, encoding="utf-8", errors="replace").read()
    body = raw[a["span"][0]:a["span"][1]]
    if a["source"].endswith(".tml"):
        body = html.unescape(re.sub(r"<[^>]+>", "", body))
    name = os.path.splitext(os.path.basename(p))[0] + ".txt"
    open(os.path.join(out, "realset", name), "w", encoding="utf-8").write(f"date: {a.get('date', '')}\n\n{body}\n")
    n += 1
print(f"realset: {n} articles", file=sys.stderr)
PY
status=0
for set in examples devset realset; do
    n=$(ls "$work/in/$set" | wc -l)
    [ "$n" -gt 0 ] || continue
    "$base" extract --format jsonl "$work/in/$set" > "$work/base-$set.jsonl" 2> "$work/base-$set.err" || true
    "$new" extract --format jsonl "$work/in/$set" > "$work/new-$set.jsonl" 2> "$work/new-$set.err" || true
    lines=$(wc -l < "$work/new-$set.jsonl")
    if cmp -s "$work/base-$set.jsonl" "$work/new-$set.jsonl"; then
        echo "$set: $n inputs, $lines documents, identical ($(sha256sum < "$work/new-$set.jsonl" | cut -c1-16))"
    else
        echo "$set: $n inputs, outputs DIFFER:"
        diff "$work/base-$set.jsonl" "$work/new-$set.jsonl" | head -20
        status=1
    fi
done
exit $status
