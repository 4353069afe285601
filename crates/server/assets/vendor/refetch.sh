#!/bin/sh
# Fetches the vendored npm packages again, at the versions VERSIONS.md
# records, and copies their dist files and licences here. Needs npm and the
# npm registry; run it from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 \
    world-atlas@2.0.2 cytoscape@3.30.4 >/dev/null
for f in *.tgz; do
    mkdir "${f%.tgz}"
    tar xzf "$f" -C "${f%.tgz}"
done
copy() { # package-folder destination files...
    src="$tmp/$1/package"; dst="$here/$2"; shift 2
    mkdir -p "$dst"
    for f in "$@"; do cp "$src/$f" "$dst/"; done
}
copy leaflet-1.9.4 leaflet dist/leaflet.js dist/leaflet.css LICENSE
copy leaflet.markercluster-1.5.3 leaflet.markercluster dist/leaflet.markercluster.js \
    dist/MarkerCluster.css dist/MarkerCluster.Default.css
cp "$tmp/leaflet.markercluster-1.5.3/package/MIT-LICENCE.txt" "$here/leaflet.markercluster/LICENSE"
copy topojson-client-3.1.0 topojson-client dist/topojson-client.min.js LICENSE
copy world-atlas-2.0.2 world-atlas countries-110m.json LICENSE
copy cytoscape-3.30.4 cytoscape dist/cytoscape.min.js LICENSE
echo "refetched into $here"
