#!/usr/bin/env bash
# Vendor the web UI's third-party files into src/fogwatch/api/static/vendor/ (build/dev time only;
# the app never fetches anything at run time). Needs npm and the npm registry; the results are committed.
#   leaflet     the map library: dist JS (ES module build), CSS, images and its LICENSE
#   world-atlas Natural Earth 1:50m countries, converted from TopoJSON to GeoJSON for the offline basemap
set -euo pipefail
cd "$(dirname "$0")/.."

leaflet=1.9.4
world_atlas=2.0.2
vendor=src/fogwatch/api/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "leaflet@$leaflet" "world-atlas@$world_atlas" >/dev/null)
mkdir -p "$work/leaflet" "$work/world-atlas"
tar xzf "$work/leaflet-$leaflet.tgz" -C "$work/leaflet"
tar xzf "$work/world-atlas-$world_atlas.tgz" -C "$work/world-atlas"

rm -rf "$vendor/leaflet" "$vendor/world-atlas"
mkdir -p "$vendor/leaflet/images" "$vendor/world-atlas"
cp "$work/leaflet/package/dist/leaflet-src.esm.js" "$work/leaflet/package/dist/leaflet.css" "$vendor/leaflet/"
cp "$work/leaflet/package/dist/images/"*.png "$vendor/leaflet/images/"
cp "$work/leaflet/package/LICENSE" "$vendor/leaflet/LICENSE"
echo "leaflet $leaflet (npm), files from dist/; BSD-2-Clause, see LICENSE" > "$vendor/leaflet/VERSION"

.venv/bin/python scripts/topojson_to_geojson.py \
  "$work/world-atlas/package/countries-50m.json" countries "$vendor/world-atlas/countries-50m.geojson" --digits 2
cp "$work/world-atlas/package/LICENSE" "$vendor/world-atlas/LICENSE"
cat > "$vendor/world-atlas/VERSION" <<TXT
world-atlas $world_atlas (npm): Natural Earth 4.1.0 Admin 0 countries, 1:50m, converted to GeoJSON
by scripts/topojson_to_geojson.py (coordinates rounded to 0.01°). Natural Earth data is in the
public domain; the world-atlas packaging is ISC-licensed (see LICENSE).
TXT
echo "vendored leaflet $leaflet and world-atlas $world_atlas into $vendor"
