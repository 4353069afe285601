#!/usr/bin/env bash
# Makes the Python venv the export reader tests use (target/py-export, or
# $1): followthemoney validates ftm-jsonl, networkx reads gexf and graphml,
# pyarrow reads parquet. Versions are pinned so that CI reads what a
# developer read. Run from anywhere; a venv already complete is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-target/py-export}"
python="${PYTHON:-python3}"
pins=(followthemoney==4.11.2 networkx==3.6.1 pyarrow==22.0.0)
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import followthemoney, networkx, pyarrow' 2>/dev/null; then
    echo "py_readers: $venv is ready"
    exit 0
fi
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
"$venv/bin/python" -c 'import followthemoney, networkx, pyarrow; print("py_readers: followthemoney", followthemoney.__version__, "networkx", networkx.__version__, "pyarrow", pyarrow.__version__)'
